//! Round trip through the paste parser: frameworks (random ones and the
//! built-in templates) written out as a decision's appendix table would
//! be, as Word's clipboard HTML and as Excel's tab-separated text, then
//! read back: the same tree, ids, titles, maxima, rules with their points
//! and ranges.
//!
//! The tables say what real decisions say: "Kịp thời: 1 điểm", "Từ 80%
//! đến dưới 100%: 4 điểm" (from `PctRange::describe`), "Từ 5 báo cáo trở
//! lên" (from `CountBand::describe`), "Điểm = tỷ lệ % … × điểm tối đa",
//! "Theo kết quả điều tra xã hội học". What a table does not carry (the
//! ratio's numerator and denominator labels, guidance, evidence, "not
//! applicable" settings) is not compared.

use cchc::engine::formats::paste::{self, columns, Draft};
use cchc::engine::formats::templates::built_in;
use cchc::engine::model::framework::{
    ChoiceOption, CountBand, Criterion, Field, Framework, PctRange, RatioBand, Rule, SubCriterion,
    UnitType,
};
use cchc::engine::model::Dec2;

// ------------------------------------------------------------------ PRNG

/// splitmix64: deterministic, so a failing case is found again by its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// In `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.range(0, xs.len() as u64 - 1) as usize]
    }
}

// ------------------------------------------------------------- frameworks

const FIELD_TITLES: [&str; 8] = [
    "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
    "CẢI CÁCH THỂ CHẾ",
    "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
    "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH",
    "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
    "CẢI CÁCH TÀI CHÍNH CÔNG",
    "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
    "Công tác kiểm tra, giám sát việc thực hiện nhiệm vụ",
];

const CRITERION_TITLES: [&str; 8] = [
    "Kế hoạch cải cách hành chính năm",
    "Báo cáo cải cách hành chính định kỳ",
    "Công tác tuyên truyền cải cách hành chính",
    "Rà soát, hệ thống hóa văn bản quy phạm pháp luật",
    "Thực hiện cơ chế một cửa, một cửa liên thông",
    "Quản lý, sử dụng biên chế được giao",
    "Ứng dụng công nghệ thông tin trong hoạt động của cơ quan",
    "Thực hiện nhiệm vụ do UBND tỉnh giao",
];

const SUB_TITLES: [&str; 10] = [
    "Ban hành kế hoạch CCHC năm đúng thời hạn",
    "Mức độ hoàn thành kế hoạch",
    "Số báo cáo gửi đúng hạn trong năm",
    "Tỷ lệ hồ sơ giải quyết đúng hạn",
    "Công khai đầy đủ thủ tục hành chính tại Bộ phận một cửa",
    "Cập nhật, công khai thông tin trên Cổng thông tin điện tử",
    "Tỷ lệ văn bản đi được ký số",
    "Xử lý phản ánh, kiến nghị của cá nhân, tổ chức",
    "Kiểm tra việc thực hiện quy chế văn hóa công vụ",
    "Bố trí công chức theo vị trí việc làm",
];

const SURVEY_TITLES: [&str; 3] = [
    "Mức độ hài lòng của người dân, tổ chức (điều tra xã hội học)",
    "Chỉ số hài lòng về sự phục vụ hành chính",
    "Đánh giá của đại biểu HĐND về công tác CCHC",
];

/// Options that are not a yes and a no ("Có ban hành" / "Không ban
/// hành" is read, rightly, as yes/no).
const OPTION_LABELS: [&str; 9] = [
    "Ban hành kịp thời",
    "Chậm so với thời hạn",
    "Đầy đủ, đúng quy định",
    "Thực hiện một phần",
    "Còn sai sót",
    "Không thực hiện",
    "Hoàn thành trước thời hạn",
    "Sai quy định",
    "Thực hiện chưa đạt yêu cầu",
];

const YES_NO: [(&str, &str); 3] = [
    ("Đạt", "Không đạt"),
    ("Có thực hiện", "Không thực hiện"),
    ("Có ban hành", "Không ban hành"),
];

const NOUNS: [&str; 4] = ["báo cáo", "văn bản", "cuộc kiểm tra", "sáng kiến"];

fn q(n: u64) -> Dec2 {
    // quarter points
    Dec2((n * 25) as i64)
}

/// Points from `max` (in quarters) down to 0 for `k` levels: the first is
/// the maximum, the last 0 when `zero`.
fn descending(rng: &mut Rng, max: u64, k: usize, zero: bool) -> Vec<Dec2> {
    let mut mids: Vec<u64> = (0..k.saturating_sub(if zero { 2 } else { 1 }))
        .map(|_| rng.range(1, max.saturating_sub(1).max(1)))
        .collect();
    mids.sort_unstable_by(|a, b| b.cmp(a));
    let mut out = vec![q(max)];
    out.extend(mids.into_iter().map(q));
    if zero && k >= 2 {
        out.push(Dec2::ZERO);
    }
    out
}

fn random_rule(rng: &mut Rng, max_q: u64) -> (Rule, bool) {
    let letters = ["a", "b", "c", "d"];
    match rng.range(0, 5) {
        0 => {
            let k = rng.range(2, 4.min(max_q + 1)) as usize;
            let mut labels: Vec<&str> = Vec::new();
            while labels.len() < k {
                let l = *rng.pick(&OPTION_LABELS);
                if !labels.contains(&l) {
                    labels.push(l);
                }
            }
            let zero = rng.chance(70);
            let pts = descending(rng, max_q, k, zero);
            let options = labels
                .iter()
                .zip(pts)
                .enumerate()
                .map(|(i, (l, p))| ChoiceOption {
                    id: letters[i].into(),
                    label: l.to_string(),
                    points: p,
                })
                .collect();
            (Rule::Options { options }, false)
        }
        1 => (Rule::YesNo, false),
        2 => {
            let k = rng.range(2, 4.min(max_q + 1)) as usize;
            let pts = descending(rng, max_q, k, true);
            // thresholds, highest first
            let pool: [&str; 11] = [
                "99,5", "97,5", "95", "90", "85", "80", "75", "70", "60", "50", "30",
            ];
            let mut th: Vec<Dec2> = Vec::new();
            while th.len() < k - 1 {
                let t = Dec2::parse(pool[rng.range(0, pool.len() as u64 - 1) as usize]).unwrap();
                if !th.contains(&t) {
                    th.push(t);
                }
            }
            th.sort_unstable_by(|a, b| b.cmp(a));
            let style = rng.range(0, 2);
            let mut ranges = Vec::new();
            let hundred = Dec2::HUNDRED;
            match style {
                // 100% / [t1, 100) / … / [0, tn)
                0 => {
                    ranges.push(PctRange::new(hundred, true, hundred, true));
                    let mut hi = hundred;
                    for &t in th.iter().take(k.saturating_sub(2)) {
                        ranges.push(PctRange::new(t, true, hi, false));
                        hi = t;
                    }
                    ranges.push(PctRange::new(Dec2::ZERO, true, hi, false));
                }
                // [t1, 100] / [t2, t1) / … / [0, tn)
                1 => {
                    ranges.push(PctRange::new(th[0], true, hundred, true));
                    let mut hi = th[0];
                    for &t in th.iter().skip(1) {
                        ranges.push(PctRange::new(t, true, hi, false));
                        hi = t;
                    }
                    ranges.push(PctRange::new(Dec2::ZERO, true, hi, false));
                }
                // (t1, 100] / (t2, t1] / … / [0, tn]
                _ => {
                    ranges.push(PctRange::new(th[0], false, hundred, true));
                    let mut hi = th[0];
                    for &t in th.iter().skip(1) {
                        ranges.push(PctRange::new(t, false, hi, true));
                        hi = t;
                    }
                    ranges.push(PctRange::new(Dec2::ZERO, true, hi, true));
                }
            }
            ranges.truncate(k);
            let bands = ranges
                .into_iter()
                .zip(pts)
                .map(|(range, points)| RatioBand { range, points })
                .collect();
            (
                Rule::RatioBands {
                    bands,
                    numerator_label: String::new(),
                    denominator_label: String::new(),
                },
                rng.chance(30),
            )
        }
        3 => {
            let k = rng.range(2, 3.min(max_q + 1)) as usize;
            let pts = descending(rng, max_q, k, true);
            let (bands, max_count) = if rng.chance(50) {
                // all of n, n − 1, from 0 to n − 2 (4 periodic reports)
                let n = rng.range(k as u64, 6);
                let mut b = vec![(n, Some(n))];
                if k == 3 {
                    b.push((n - 1, Some(n - 1)));
                }
                let top = n + 1 - k as u64;
                b.push((0, Some(top)));
                (b, Some(n))
            } else {
                // from a up / from b to a − 1 / from 0 to b − 1
                let a = rng.range(k as u64, 10);
                let mut b = vec![(a, None)];
                let mut hi = a - 1;
                if k == 3 {
                    let lo = rng.range(1, hi);
                    b.push((lo, Some(hi)));
                    hi = lo - 1;
                }
                b.push((0, Some(hi)));
                (b, None)
            };
            let bands = bands
                .into_iter()
                .zip(pts)
                .map(|((min, max), points)| CountBand { min, max, points })
                .collect();
            (Rule::CountBands { bands, max_count }, false)
        }
        4 => (
            Rule::Proportional {
                numerator_label: String::new(),
                denominator_label: String::new(),
            },
            rng.chance(50),
        ),
        _ => (Rule::Survey, false),
    }
}

fn sub_of(rng: &mut Rng, id: String, title: Option<&str>, max_q: u64) -> SubCriterion {
    let (rule, no_case) = random_rule(rng, max_q);
    let title = match (&rule, title) {
        (_, Some(t)) if !rule.is_survey() => t.to_string(),
        (Rule::Survey, _) => rng.pick(&SURVEY_TITLES).to_string(),
        _ => rng.pick(&SUB_TITLES).to_string(),
    };
    SubCriterion {
        id,
        title,
        max: q(max_q),
        no_case_full_points: no_case,
        rule,
        ..SubCriterion::default()
    }
}

/// A framework of 1–4 fields, 1–4 criteria each, each criterion either
/// scored directly or with 1–4 sub-criteria; maxima in half points adding
/// up to 100.
fn random_framework(rng: &mut Rng) -> Framework {
    let nf = rng.range(1, 4) as usize;
    let shape: Vec<Vec<Option<usize>>> = (0..nf)
        .map(|_| {
            (0..rng.range(1, 4))
                .map(|_| (!rng.chance(30)).then(|| rng.range(1, 4) as usize))
                .collect()
        })
        .collect();
    let n_items: usize = shape
        .iter()
        .flatten()
        .map(|c| c.unwrap_or(1))
        .sum::<usize>();
    // 200 half points: at least 2 (1 point) each, the rest spread at random
    let mut halves = vec![2u64; n_items];
    for _ in 0..(200 - 2 * n_items as u64) {
        let i = rng.range(0, n_items as u64 - 1) as usize;
        halves[i] += 1;
    }
    let mut next = halves.into_iter().map(|h| h * 2); // in quarters
    let mut fields = Vec::new();
    for (fi, crits) in shape.iter().enumerate() {
        let fid = (fi + 1).to_string();
        let mut criteria = Vec::new();
        for (ci, subs) in crits.iter().enumerate() {
            let cid = format!("{fid}.{}", ci + 1);
            let ctitle = CRITERION_TITLES[(fi * 3 + ci) % CRITERION_TITLES.len()];
            let subs: Vec<SubCriterion> = match subs {
                None => vec![sub_of(rng, cid.clone(), Some(ctitle), next.next().unwrap())],
                Some(n) => (0..*n)
                    .map(|si| {
                        let m = next.next().unwrap();
                        sub_of(rng, format!("{cid}.{}", si + 1), None, m)
                    })
                    .collect(),
            };
            let max = subs.iter().map(|s| s.max).sum();
            let title = if subs.len() == 1 && subs[0].id == cid {
                subs[0].title.clone()
            } else {
                ctitle.to_string()
            };
            criteria.push(Criterion {
                id: cid,
                title,
                max,
                subs,
                ..Criterion::default()
            });
        }
        fields.push(Field {
            id: fid,
            title: FIELD_TITLES[(fi * 5 + rng.range(0, 7) as usize) % FIELD_TITLES.len()].into(),
            max: criteria.iter().map(|c| c.max).sum(),
            criteria,
            ..Field::default()
        });
    }
    Framework {
        fields,
        ..Framework::default()
    }
}

// -------------------------------------------------------------- writing

/// How a table numbers its rows.
#[derive(Clone, Copy, Debug)]
enum Numbers {
    /// I / 1 / 1.1 (criteria numbered again in each field)
    RomanRestart,
    /// 1 / 1.1 / 1.1.1
    Dotted,
    /// I / 1.1 / 1.1.1
    RomanDotted,
}

/// Where the scoring lines go.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Lines {
    /// Paragraphs of the title cell, after the title.
    InTitle,
    /// A "Phương pháp chấm điểm" column.
    RuleColumn,
    /// One row each under the item, points in the points column (Cà Mau).
    RowsUnder,
}

#[derive(Clone, Copy, Debug)]
struct Layout {
    numbers: Numbers,
    lines: Lines,
    total_row: bool,
    seed: u64,
}

/// One row of the table: number, title, points, scoring lines (text and
/// points), bold.
struct Row {
    number: String,
    title: String,
    points: String,
    lines: Vec<(String, Option<Dec2>)>,
    bold: bool,
}

fn pts(p: Dec2) -> String {
    format!("{} điểm", p.to_vi())
}

fn count_wording(b: &CountBand, noun: &str) -> String {
    let d = b.describe();
    let d = match d.strip_suffix(" trở lên") {
        Some(head) => format!("{head} {noun} trở lên"),
        None => format!("{d} {noun}"),
    };
    capitalise(&d)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => {
            let up: String = match f {
                'đ' => "Đ".into(),
                'd' | 't' | 'm' | 'c' => f.to_uppercase().collect(),
                _ => f.to_string(),
            };
            up + c.as_str()
        }
        None => String::new(),
    }
}

/// The scoring lines of a sub-criterion as a decision writes them.
fn rule_lines(s: &SubCriterion, rng: &mut Rng) -> Vec<(String, Dec2)> {
    let mut out = Vec::new();
    match &s.rule {
        Rule::Options { options } => {
            for o in options {
                out.push((o.label.clone(), o.points));
            }
        }
        Rule::YesNo => {
            let (y, n) = *rng.pick(&YES_NO);
            out.push((y.to_string(), s.max));
            out.push((n.to_string(), Dec2::ZERO));
        }
        Rule::RatioBands { bands, .. } => {
            let what = *rng.pick(&["", " kế hoạch", " số hồ sơ"]);
            for b in bands {
                let d = b.range.describe();
                // "100%" alone reads as "Đạt 100%"
                let d = if b.range.from == b.range.to {
                    format!("Đạt {d}")
                } else {
                    capitalise(&d)
                };
                out.push((format!("{d}{what}"), b.points));
            }
        }
        Rule::CountBands { bands, .. } => {
            let noun = *rng.pick(&NOUNS);
            for b in bands {
                out.push((count_wording(b, noun), b.points));
            }
        }
        Rule::Proportional { .. } | Rule::Survey => {}
    }
    out
}

/// Lines without points: the proportional formula, the survey, "no case".
fn plain_lines(s: &SubCriterion, rng: &mut Rng) -> Vec<String> {
    let mut out = Vec::new();
    match &s.rule {
        Rule::Proportional { .. } => out.push(if rng.chance(50) {
            "Điểm = tỷ lệ % nhiệm vụ hoàn thành × điểm tối đa".to_string()
        } else {
            format!(
                "Điểm đạt được = tỷ lệ % hồ sơ đúng hạn x {} điểm",
                s.max.to_vi()
            )
        }),
        Rule::Survey if !s.title.contains("xã hội học") => {
            out.push("Theo kết quả điều tra xã hội học".into())
        }
        _ => {}
    }
    if s.no_case_full_points {
        out.push("Trường hợp không phát sinh thì được điểm tối đa".into());
    }
    out
}

fn item_lines(s: &SubCriterion, layout: &Layout, rng: &mut Rng) -> Vec<(String, Option<Dec2>)> {
    let mut out: Vec<(String, Option<Dec2>)> = Vec::new();
    let dash = layout.lines != Lines::RowsUnder && rng.chance(50);
    for (text, p) in rule_lines(s, rng) {
        let marker = if dash { "- " } else { "" };
        match layout.lines {
            Lines::RowsUnder => out.push((text, Some(p))),
            _ => out.push((format!("{marker}{text}: {}", pts(p)), None)),
        }
    }
    for t in plain_lines(s, rng) {
        out.push((t, None));
    }
    out
}

fn rows_of(fw: &Framework, layout: &Layout) -> Vec<Row> {
    let mut rng = Rng(layout.seed);
    let mut rows = Vec::new();
    for (fi, f) in fw.fields.iter().enumerate() {
        let fnum = match layout.numbers {
            Numbers::Dotted => (fi + 1).to_string(),
            _ => roman(fi + 1),
        };
        rows.push(Row {
            number: fnum,
            title: f.title.clone(),
            points: f.max.to_vi(),
            lines: vec![],
            bold: true,
        });
        for (ci, c) in f.criteria.iter().enumerate() {
            let cnum = match layout.numbers {
                Numbers::RomanRestart => (ci + 1).to_string(),
                _ => format!("{}.{}", fi + 1, ci + 1),
            };
            let direct = c.subs.len() == 1 && c.subs[0].id == c.id;
            rows.push(Row {
                number: cnum.clone(),
                title: c.title.clone(),
                points: c.max.to_vi(),
                lines: if direct {
                    item_lines(&c.subs[0], layout, &mut rng)
                } else {
                    vec![]
                },
                bold: !direct,
            });
            if direct {
                continue;
            }
            for (si, s) in c.subs.iter().enumerate() {
                let snum = match layout.numbers {
                    Numbers::RomanRestart => format!("{}.{}", ci + 1, si + 1),
                    _ => format!("{}.{}.{}", fi + 1, ci + 1, si + 1),
                };
                rows.push(Row {
                    number: snum,
                    title: s.title.clone(),
                    points: s.max.to_vi(),
                    lines: item_lines(s, layout, &mut rng),
                    bold: false,
                });
            }
        }
    }
    rows
}

fn roman(n: usize) -> String {
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n - 1].to_string()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        // Word writes the space before "điểm" as a no-break space
        .replace(" điểm", "&nbsp;điểm")
}

/// A paragraph as Word's HTML writes it.
fn word_p(text: &str, bold: bool, center: bool) -> String {
    let align = if center {
        " align=center style='text-align:center'"
    } else {
        " style='text-align:justify'"
    };
    let span = format!(
        "<span lang=VI style='font-size:13.0pt;mso-bidi-font-size:14.0pt;font-family:\"Times New Roman\",serif'>{}<o:p></o:p></span>",
        esc(text)
    );
    if bold {
        format!("<p class=MsoNormal{align}><b>{span}</b></p>")
    } else {
        format!("<p class=MsoNormal{align}>{span}</p>")
    }
}

fn word_td(width: u32, paras: &str) -> String {
    format!("<td width={width} valign=top style='width:{}.0pt;border:solid windowtext 1.0pt;border-top:none;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>{paras}</td>", width * 3 / 4)
}

/// The table as Word puts it on the clipboard (text/html).
fn to_html(fw: &Framework, layout: &Layout) -> String {
    let rule_col = layout.lines == Lines::RuleColumn;
    let mut h = String::from(
        "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">\
         <head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\"><meta name=Generator content=\"Microsoft Word 15\">\
         <style><!-- p.MsoNormal {margin:0cm; font-size:12.0pt;} table.MsoTableGrid {mso-style-name:\"Table Grid\";} --></style></head>\
         <body lang=EN-US style='tab-interval:36.0pt'><!--StartFragment-->\
         <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>",
    );
    // two header rows: "Điểm" over "Tối đa | Tự chấm"
    h.push_str("<tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>");
    h.push_str(&format!(
        "<td rowspan=2>{}</td><td rowspan=2>{}</td><td colspan=2>{}</td>",
        word_p("STT", true, true),
        word_p("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", true, true),
        word_p("Điểm", true, true)
    ));
    if rule_col {
        h.push_str(&format!(
            "<td rowspan=2>{}</td>",
            word_p("Phương pháp chấm điểm", true, true)
        ));
    }
    h.push_str("</tr><tr>");
    h.push_str(&format!(
        "<td>{}</td><td>{}</td></tr>",
        word_p("Tối đa", true, true),
        word_p("Tự chấm", true, true)
    ));
    for r in rows_of(fw, layout) {
        let mut title = word_p(&r.title, r.bold, false);
        let lines: String = r
            .lines
            .iter()
            .map(|(t, _)| {
                // Word's own list dashes: the marker in a conditional comment
                match t.strip_prefix("- ") {
                    Some(rest) => format!("<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=VI>-<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span lang=VI>{}</span></p>", esc(rest)),
                    None => word_p(t, false, false),
                }
            })
            .collect();
        let rows_under = layout.lines == Lines::RowsUnder;
        if !rule_col && !rows_under {
            title.push_str(&lines);
        }
        h.push_str("<tr style='mso-yfti-irow:1'>");
        h.push_str(&word_td(45, &word_p(&r.number, r.bold, true)));
        h.push_str(&word_td(300, &title));
        h.push_str(&word_td(50, &word_p(&r.points, r.bold, true)));
        h.push_str(&word_td(50, &word_p("", false, true)));
        if rule_col {
            h.push_str(&word_td(
                250,
                if lines.is_empty() {
                    "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
                } else {
                    &lines
                },
            ));
        }
        h.push_str("</tr>");
        if rows_under {
            // the Cà Mau layout: a row per line, its points in the points column
            for (t, p) in &r.lines {
                h.push_str("<tr>");
                h.push_str(&word_td(45, "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"));
                h.push_str(&word_td(300, &word_p(t, false, false)));
                h.push_str(&word_td(
                    50,
                    &word_p(&p.map(Dec2::to_vi).unwrap_or_default(), false, true),
                ));
                h.push_str(&word_td(50, ""));
                h.push_str("</tr>");
            }
        }
    }
    if layout.total_row {
        h.push_str(&format!(
            "<tr><td colspan=2>{}</td><td>{}</td><td></td>{}</tr>",
            word_p("Tổng cộng", true, true),
            word_p("100", true, true),
            if rule_col { "<td></td>" } else { "" }
        ));
    }
    h.push_str("</table><p class=MsoNormal><o:p>&nbsp;</o:p></p><!--EndFragment--></body></html>");
    h
}

/// A cell as Excel copies it: quoted when it holds a line break or a quote.
fn tsv_cell(s: &str) -> String {
    if s.contains(['\n', '"', '\t']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The table as Excel (or Word's plain text) copies it.
fn to_tsv(fw: &Framework, layout: &Layout) -> String {
    let mut out = String::new();
    let rule_col = layout.lines != Lines::RowsUnder;
    if rule_col {
        out.push_str("STT\tTiêu chí\tĐiểm tối đa\tCách chấm điểm\r\n");
    } else {
        out.push_str("STT\tLĩnh vực/Tiêu chí/Tiêu chí thành phần\tĐiểm tối đa\r\n");
    }
    for r in rows_of(fw, layout) {
        if rule_col {
            let lines: Vec<&str> = r.lines.iter().map(|(t, _)| t.as_str()).collect();
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\r\n",
                r.number,
                tsv_cell(&r.title),
                r.points,
                tsv_cell(&lines.join("\n"))
            ));
        } else {
            out.push_str(&format!("{}\t{}\t{}\r\n", r.number, r.title, r.points));
            for (t, p) in &r.lines {
                out.push_str(&format!(
                    "\t{}\t{}\r\n",
                    t,
                    p.map(Dec2::to_vi).unwrap_or_default()
                ));
            }
        }
    }
    if layout.total_row {
        out.push_str("\tTổng cộng\t100\r\n");
    }
    out
}

// ------------------------------------------------------------ comparing

fn rule_facts(r: &Rule) -> String {
    match r {
        Rule::Options { options } => {
            let o: Vec<String> = options
                .iter()
                .map(|o| format!("{}={}:{}", o.id, o.label, o.points.to_vi()))
                .collect();
            format!("options[{}]", o.join("; "))
        }
        Rule::YesNo => "yes_no".into(),
        Rule::RatioBands { bands, .. } => {
            let b: Vec<String> = bands
                .iter()
                .map(|b| {
                    let r = b.range;
                    format!(
                        "{}{},{}{}:{}",
                        if r.from_inclusive { "[" } else { "(" },
                        r.from.to_vi(),
                        r.to.to_vi(),
                        if r.to_inclusive { "]" } else { ")" },
                        b.points.to_vi()
                    )
                })
                .collect();
            format!("ratio[{}]", b.join(" "))
        }
        Rule::CountBands { bands, max_count } => {
            let b: Vec<String> = bands
                .iter()
                .map(|b| format!("{}..{:?}:{}", b.min, b.max, b.points.to_vi()))
                .collect();
            format!("count[{}] max {:?}", b.join(" "), max_count)
        }
        // the table does not name the numerator and denominator
        Rule::Proportional { .. } => "proportional".into(),
        Rule::Survey => "survey".into(),
    }
}

/// Each item of the tree on a line: what the round trip must keep.
fn facts(fw: &Framework) -> Vec<String> {
    let mut out = Vec::new();
    for f in &fw.fields {
        out.push(format!("F {} | {} | {}", f.id, f.title, f.max.to_vi()));
        for c in &f.criteria {
            out.push(format!("  C {} | {} | {}", c.id, c.title, c.max.to_vi()));
            for s in &c.subs {
                out.push(format!(
                    "    S {} | {} | {} | {}{}",
                    s.id,
                    s.title,
                    s.max.to_vi(),
                    rule_facts(&s.rule),
                    if s.no_case_full_points {
                        " | không phát sinh: tối đa"
                    } else {
                        ""
                    }
                ));
            }
        }
    }
    out
}

fn first_difference(want: &[String], got: &[String]) -> String {
    for (i, w) in want.iter().enumerate() {
        match got.get(i) {
            Some(g) if g == w => {}
            Some(g) => return format!("line {i}:\n  want {w}\n  got  {g}"),
            None => return format!("line {i}: want {w}, got nothing"),
        }
    }
    format!("extra lines: {:?}", &got[want.len()..])
}

fn from_html(html: &str) -> Draft {
    let t = paste::clipboard_table(Some(html), "");
    let cols = columns::detect(&t);
    paste::build::build(&t, &cols, UnitType::So)
}

/// Reads both renderings of `fw` back and checks the tree; the reasons it
/// fails, with the table text.
fn round_trip(fw: &Framework, layout: Layout) -> Result<(), String> {
    let want = facts(fw);
    let html = to_html(fw, &layout);
    let tsv = to_tsv(fw, &layout);
    for (name, draft, text) in [
        ("html", from_html(&html), &html),
        ("tsv", paste::parse(&tsv, UnitType::So), &tsv),
    ] {
        let got = facts(&draft.framework);
        let same = got.len() == want.len() && want.iter().zip(&got).all(|(w, g)| w == g);
        if !same {
            return Err(format!(
                "{name} {layout:?}: {}\n--- table:\n{}",
                first_difference(&want, &got),
                if name == "tsv" {
                    text.clone()
                } else {
                    tsv.clone()
                }
            ));
        }
        if !draft.flags.is_empty() {
            return Err(format!("{name} {layout:?}: flags {:?}", draft.flags));
        }
        let problems = draft.problems();
        if !problems.is_empty() {
            return Err(format!("{name} {layout:?}: problems {problems:?}"));
        }
        if draft.framework.total_max() != Dec2::HUNDRED {
            return Err(format!("{name}: total {}", draft.framework.total_max()));
        }
    }
    Ok(())
}

fn layout(rng: &mut Rng) -> Layout {
    Layout {
        numbers: *rng.pick(&[Numbers::RomanRestart, Numbers::Dotted, Numbers::RomanDotted]),
        lines: *rng.pick(&[Lines::InTitle, Lines::RuleColumn, Lines::RowsUnder]),
        total_row: rng.chance(50),
        seed: rng.next(),
    }
}

#[test]
fn random_frameworks_round_trip() {
    let mut failures = Vec::new();
    // every rule kind, criterion-level items and no-case lines are met
    let mut seen = std::collections::BTreeMap::<&str, usize>::new();
    for case in 0..400u64 {
        let mut rng = Rng(0xC0FFEE ^ case.wrapping_mul(0x1000_0001));
        let fw = random_framework(&mut rng);
        assert_eq!(fw.total_max(), Dec2::HUNDRED);
        for c in fw.fields.iter().flat_map(|f| &f.criteria) {
            for s in &c.subs {
                *seen.entry(s.rule.kind_label()).or_default() += 1;
                if s.id == c.id {
                    *seen.entry("criterion-level").or_default() += 1;
                }
                if s.no_case_full_points {
                    *seen.entry("no case").or_default() += 1;
                }
            }
        }
        let l = layout(&mut rng);
        if let Err(e) = round_trip(&fw, l) {
            failures.push(format!("case {case}: {e}"));
        }
    }
    assert_eq!(seen.len(), 8, "{seen:?}");
    assert!(seen.values().all(|n| *n >= 50), "{seen:?}");
    assert!(
        failures.is_empty(),
        "{} of 400 failed; first:\n{}",
        failures.len(),
        failures[0]
    );
}

#[test]
fn every_layout_of_one_framework() {
    let mut rng = Rng(7);
    let fw = random_framework(&mut rng);
    for numbers in [Numbers::RomanRestart, Numbers::Dotted, Numbers::RomanDotted] {
        for lines in [Lines::InTitle, Lines::RuleColumn, Lines::RowsUnder] {
            for total_row in [false, true] {
                let l = Layout {
                    numbers,
                    lines,
                    total_row,
                    seed: 11,
                };
                round_trip(&fw, l).unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
}

/// The built-in templates, as the table of a decision.
#[test]
fn built_in_templates_round_trip() {
    let templates = built_in();
    assert_eq!(templates.len(), 2);
    for fw in &templates {
        // what a table carries: the templates' option ids are a, b, c in
        // order and their ratio labels are not in a table
        let mut rng = Rng(3);
        for _ in 0..6 {
            let l = layout(&mut rng);
            round_trip(fw, l).unwrap_or_else(|e| panic!("{}: {e}", fw.id));
        }
    }
}
