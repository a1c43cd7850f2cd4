//! One ranking table: the units of one type scored with one framework.

use super::{period_label, Shared};
use crate::app::route::Route;
use crate::app::state::Action;
use crate::engine::rules::consolidate::{self, Group, Outcome, Ranked, SortKey};
use crate::engine::Dec2;
use crate::services;
use yew::prelude::*;

fn level(p: Dec2) -> &'static str {
    if p >= Dec2::from_int(80) {
        "lvl-good"
    } else if p >= Dec2::from_int(50) {
        "lvl-mid"
    } else {
        "lvl-low"
    }
}

#[derive(Properties, PartialEq)]
pub struct RankingProps {
    pub group: Group,
    pub list: Vec<Ranked>,
    pub computed: Shared,
    pub band: Option<String>,
    /// Shared by every table (and the export): (key, descending).
    pub sort: UseStateHandle<(SortKey, bool)>,
}

/// The change from the previous batch, for one unit.
fn change(prev: Option<&(Dec2, usize)>, index: Dec2, rank: usize) -> String {
    match prev {
        Some((pi, pr)) => {
            let moved = *pr as i64 - rank as i64;
            format!(
                "chỉ số {} (kỳ trước {}); hạng {pr} → {rank}{}",
                (index - *pi).to_vi_signed(),
                pi.to_vi_fixed(),
                match moved {
                    0 => String::new(),
                    m if m > 0 => format!(" (↑{m})"),
                    m => format!(" (↓{})", -m),
                }
            )
        }
        None => "không có tệp kỳ trước".to_string(),
    }
}

#[component]
pub fn RankingTable(p: &RankingProps) -> Html {
    let ctx = crate::app::use_app();
    let c = &*p.computed.0;
    let entries = &c.desk.entries;
    let Some(Outcome::Checked(first)) = p.list.first().map(|r| &entries[r.entry].outcome) else {
        return html! {};
    };
    let fw = first.framework.clone();
    let (key, desc) = *p.sort;
    let rows = consolidate::rows_shown(entries, &p.list, p.band.as_deref(), key, desc);
    let has_prev = !c.desk.previous.is_empty();
    let th = |label: String, k: SortKey| {
        let sort = p.sort.clone();
        let active = key == k;
        let aria = match (active, desc) {
            (false, _) => "none",
            (true, true) => "descending",
            (true, false) => "ascending",
        };
        let onclick = Callback::from(move |_| {
            let (cur, d) = *sort;
            sort.set((
                k,
                if cur == k {
                    !d
                } else {
                    !matches!(k, SortKey::Rank | SortKey::Name)
                },
            ));
        });
        let arrow = match (active, desc) {
            (false, _) => "",
            (true, true) => " ▼",
            (true, false) => " ▲",
        };
        html! { <th scope="col" aria-sort={aria}><button class="th-sort" {onclick}>{label}{arrow}</button></th> }
    };
    let ut = p.group.unit_type;
    let period = c.plan.period.map(period_label).unwrap_or_default();
    let quarter = c
        .plan
        .period
        .is_some_and(|(_, p)| p != crate::engine::Period::Year);
    html! {
        <section class="rank-block" data-rank={format!("{ut:?}")} data-framework={p.group.framework_id.clone()}>
            <h2>{format!("Xếp hạng khối {} — {} ({} đơn vị)", ut.label(), period, p.list.len())}</h2>
            <p class="hint">{format!("Bộ tiêu chí: {} (phiên bản {})", fw.title, fw.version)}</p>
            if quarter {
                <p class="hint" data-rank-note="">{"Xếp hạng theo Chỉ số đến kỳ báo cáo: chấm theo những gì phải có đến ngày chốt số liệu (báo cáo, nhiệm vụ đến hạn); mục chỉ đánh giá cuối năm không tính. Dự kiến cả năm: nếu các việc chưa đến hạn hoàn thành đúng hạn và các biện pháp khắc phục đạt kết quả."}</p>
            }
            if first.foreign {
                <p class="banner warn" role="note">{"Các đơn vị dưới đây chấm theo bộ tiêu chí kèm trong tệp của đơn vị, chưa có trong trang này: xếp hạng riêng. Nếu đây là bộ tiêu chí chính thức, hãy nạp nó ở trang Bộ tiêu chí rồi nạp lại các tệp."}</p>
            }
            <div class="table-wrap" tabindex="0">
            <table class="ranking">
                <thead><tr>
                    {th("Hạng".into(), SortKey::Rank)}
                    {th("Đơn vị".into(), SortKey::Name)}
                    <th scope="col">{ if quarter { "Chỉ số đến kỳ báo cáo (%)" } else { "Chỉ số (%)" } }</th><th scope="col">{"Xếp loại"}</th>
                    if quarter { <th scope="col">{"Dự kiến cả năm (%)"}</th> }
                    {th("Tự chấm".into(), SortKey::SelfPoints)}
                    <th scope="col">{"Điều tra XHH (ước tính)"}</th>
                    {th("Hoàn thành".into(), SortKey::Completion)}
                    {th("Có kiểm chứng".into(), SortKey::Evidence)}
                    <th scope="col" class="no-print">{"Thẩm định"}</th>
                    if has_prev { <th scope="col">{format!("So với kỳ trước ({})", c.previous_period.map(period_label).unwrap_or_default())}</th> }
                    { for fw.fields.iter().enumerate().map(|(k, f)| th(format!("LV {}", f.id), SortKey::Field(k))) }
                </tr></thead>
                <tbody>
                { for rows.iter().map(|r| {
                    let Outcome::Checked(u) = &entries[r.entry].outcome else { return html!{} };
                    let s = &u.summary;
                    let open = {
                        let (ctx, a, fw) = (ctx.clone(), u.assessment.clone(), u.framework.clone());
                        Callback::from(move |e: MouseEvent| {
                            e.prevent_default();
                            let id = a.id.clone();
                            ctx.dispatch(Action::OpenReadOnly(Box::new(a.clone()), fw.clone()));
                            services::set_hash(&Route::Checklist { id, criterion: None, sub: None }.href());
                        })
                    };
                    let prev = c.previous.get(&(ut, consolidate::unit_key(&u.assessment.unit_name)));
                    html!{
                        <tr key={r.entry} data-unit={u.assessment.unit_name.clone()}>
                            <td class="num" data-col="rank">{r.rank}</td>
                            <td><a href="#" onclick={open}>{&u.assessment.unit_name}</a>
                                if !u.warnings.is_empty() { <span class="warn-mark" title={u.warnings.join("\n")}>{" ⚠"}</span> }</td>
                            <td class="num" data-col="index">{s.index.to_vi_fixed()}</td>
                            <td>{crate::app::widgets::band_text(s)}</td>
                            if quarter { <td class="num" data-col="projected">{u.projected.to_vi_fixed()}</td> }
                            <td class="num">{format!("{}/{}", s.self_points.to_vi(), s.self_max.to_vi())}</td>
                            <td class="num">{s.survey_estimate.to_vi()}</td>
                            <td class="num">{format!("{}%", s.completion.to_vi())}</td>
                            <td class="num">{format!("{}%", u.evidence_coverage.to_vi())}</td>
                            <td class="no-print" data-col="appraisal">{appraisal_cell(&ctx, u)}</td>
                            if has_prev { <td class="num" data-col="change">{change(prev, s.index, r.rank)}</td> }
                            { for fw.fields.iter().map(|f| match s.field(&f.id) {
                                // nothing of the field can be judged yet (the survey before the year ends)
                                Some(n) if !n.excluded && n.applicable_max == Dec2::ZERO => html!{ <td class="num" title="Chưa đánh giá được ở kỳ này">{"CĐG"}</td> },
                                Some(n) if !n.excluded => { let pc = n.percent(); html!{ <td class={classes!("num", level(pc))}>{pc.to_vi()}</td> } }
                                _ => html!{ <td class="num">{"KAD"}</td> },
                            }) }
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
            <p class="hint no-print">{format!("Xếp loại: {}. Màu: xanh ≥ 80%, vàng 50–<80%, đỏ < 50%.{}",
                fw.bands.iter().map(|b| b.label.as_str()).collect::<Vec<_>>().join(", "),
                if quarter { " CĐG: chưa đánh giá được ở kỳ này (chỉ đánh giá cuối năm)." } else { "" })}</p>
        </section>
    }
}

/// The unit's appraisal: where it stands, and the link to it.
fn appraisal_cell(ctx: &crate::app::Ctx, u: &consolidate::Checked) -> Html {
    if !u.intact {
        return html! { <span class="hint bad" title="Mã kiểm tra không khớp: tệp bị hỏng hoặc bị sửa sau khi xuất; không thẩm định tệp này">{"tệp bị sửa"}</span> };
    }
    if u.revision.is_none() {
        return html! { <span class="hint" title="Tệp xuất thường, không phải bản nộp">{"chưa nộp"}</span> };
    }
    let w = ctx.rounds.units.get(&u.sha256);
    let status = match w {
        None => "Thẩm định".to_string(),
        Some(w) if !w.sent2.is_empty() => "Đã gửi kết quả cuối".into(),
        Some(w) if w.round == 2 => "Vòng 2".into(),
        Some(w) if !w.sent1.is_empty() => "Đã gửi vòng 1".into(),
        Some(w) => format!("Vòng 1: {} mục", w.items.len()),
    };
    let href = Route::DeskAppraise {
        sha: u.sha256.clone(),
    }
    .href();
    html! { <a href={href} aria-label={format!("Thẩm định {}", u.assessment.unit_name)}>{status}</a> }
}
