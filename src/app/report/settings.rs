//! What the report needs besides the scores: number, date, place, the
//! period's difficulties and proposals, signer and recipients. Not printed.

use crate::app::edit;
use crate::app::state::{Current, Edit};
use crate::app::widgets::{count_note, event_value, print_button};
use crate::app::Ctx;
use crate::engine::rules::limits;
use crate::engine::ReportInfo;
use yew::prelude::*;

pub fn report_settings(ctx: &Ctx, cur: &Current) -> Html {
    let r = cur.assessment.report.clone();
    let set = |f: fn(&mut ReportInfo, String)| {
        let (ctx, r) = (ctx.clone(), r.clone());
        Callback::from(move |e: InputEvent| {
            let mut x = r.clone();
            f(&mut x, event_value(&e));
            edit(&ctx, Edit::Report(x));
        })
    };
    let input = |id: &str, label: &str, v: &str, kind: &str, cb: Callback<InputEvent>| {
        html! {
            <div class="field"><label for={id.to_string()}>{label.to_string()}</label>
                <input id={id.to_string()} type={kind.to_string()} maxlength={limits::SHORT.to_string()} value={v.to_string()} oninput={cb} />
                {count_note(v, limits::SHORT)}</div>
        }
    };
    let area = |id: &str, label: &str, v: &str, hint: &str, cb: Callback<InputEvent>| {
        html! {
            <div class="field"><label for={id.to_string()}>{label.to_string()}</label>
                <textarea id={id.to_string()} rows="4" maxlength={limits::LONG.to_string()} value={v.to_string()} oninput={cb} />
                {count_note(v, limits::LONG)}
                <small class="hint">{hint.to_string()}</small></div>
        }
    };
    html! {
        <section class="report-settings no-print">
            <h2>{"Báo cáo kết quả tự đánh giá"}</h2>
            <p class="hint">{"Điền các thông tin dưới đây rồi bấm \"In báo cáo\" (chọn khổ A4, hướng dọc; có thể chọn \"Lưu dưới dạng PDF\")."}</p>
            <fieldset class="plain" disabled={cur.read_only}>
            <div class="report-grid">
                {input("rp-parent", "Cơ quan chủ quản (dòng trên tên đơn vị)", &r.parent_body, "text", set(|x, v| x.parent_body = v))}
                {input("rp-number", "Số báo cáo (ví dụ 45/BC-STP)", &r.number, "text", set(|x, v| x.number = v))}
                {input("rp-place", "Địa danh", &r.place, "text", set(|x, v| x.place = v))}
                {input("rp-date", "Ngày báo cáo", &r.date, "date", set(|x, v| x.date = v))}
                {input("rp-signer-title", "Chức danh người ký", &r.signer_title, "text", set(|x, v| x.signer_title = v))}
                {input("rp-signer-name", "Họ tên người ký", &r.signer_name, "text", set(|x, v| x.signer_name = v))}
            </div>
            {area("rp-difficulties", "Khó khăn, vướng mắc", &r.difficulties, "Mỗi ý một dòng.", set(|x, v| x.difficulties = v))}
            {area("rp-proposals", "Đề xuất, kiến nghị", &r.proposals, "Mỗi ý một dòng.", set(|x, v| x.proposals = v))}
            {area("rp-recipients", "Nơi nhận", &r.recipients, "Mỗi nơi một dòng, ví dụ: Sở Nội vụ; (dòng \"Lưu: VT.\" được thêm nếu bạn không ghi)", set(|x, v| x.recipients = v))}
            </fieldset>
            <p>{print_button("In báo cáo")}</p>
        </section>
    }
}
