//! A pasted item's scoring lines, read as a rule: levels ("Ban hành kịp
//! thời: 1 điểm"), yes/no, percentage bands in every usual wording, count
//! bands, proportional scoring, "no case arose → full points", deductions
//! within an item, and the survey. Lines that fit nothing are kept as
//! guidance and flagged, never dropped or guessed silently.

use super::lower_vi;
use crate::engine::model::{ChoiceOption, CountBand, Dec2, PctRange, RatioBand, Rule};

/// A points cell: "10", "2,5", "2.5", "1 điểm", "0,5đ".
pub fn points_cell(s: &str) -> Option<Dec2> {
    let mut t = lower_vi(s.trim());
    for suffix in ["điểm", "đ.", "đ"] {
        if let Some(x) = t.strip_suffix(suffix) {
            t = x.trim().to_string();
            break;
        }
    }
    let t = t
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    if t.is_empty() || !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // "2.5" from an English spreadsheet; "1.000" is no score
    if t.matches('.').count() == 1 && !t.contains(',') {
        let (_, frac) = t.split_once('.')?;
        if frac.len() > 2 {
            return None;
        }
    }
    Dec2::parse(t).filter(|d| *d >= Dec2::ZERO)
}

/// The words before points that say "gets" ("… thì được 1 điểm").
const GETS: [&str; 6] = ["thì được", "thì đạt", "được", "đạt", "cho", "là"];

/// A line's points, written at its end: "Kịp thời: 1", "Kịp thời: 1
/// điểm", "Kịp thời (1 điểm)", "Kịp thời được 1 điểm", "Kịp thời - 1đ".
/// The label without them.
pub fn inline_points(text: &str) -> Option<(String, Dec2)> {
    let t = text.trim().trim_end_matches(['.', ';', ',']).trim();
    // "(1 điểm)" at the end
    if let Some(inner) = t.strip_suffix(')').and_then(|x| x.rsplit_once('(')) {
        let (label, inside) = inner;
        let li = lower_vi(inside);
        if li.contains("điểm") || li.trim_end().ends_with('đ') {
            let inside = li.trim().trim_start_matches("tối đa").trim();
            if let Some(p) = points_cell(inside) {
                return Some((clean_label(label), p));
            }
        }
    }
    let lower = lower_vi(t);
    let unit = ["điểm", "đ"]
        .iter()
        .find_map(|u| lower.strip_suffix(u).map(|x| x.len()));
    if let Some(cut) = unit {
        // the number just before the unit
        let head = &t[..cut];
        let head_t = head.trim_end();
        let start = head_t
            .rfind(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .map_or(0, |i| {
                i + head_t[i..].chars().next().map_or(1, char::len_utf8)
            });
        let num = &head_t[start..];
        let p = points_cell(num)?;
        let label = &head_t[..start];
        let mut l = clean_label(label);
        let ll = lower_vi(&l);
        // "… thì đạt 3 điểm": the verb goes; "Đạt: 3 điểm", "Không đạt
        // 0 điểm": it is the label
        let marked = label.trim_end().ends_with([':', '=']);
        if let Some(g) = GETS.iter().find(|g| ll.ends_with(*g)).filter(|_| !marked) {
            let rest = clean_label(&l[..l.len() - g.len()]);
            let rl = lower_vi(&rest);
            if !rest.is_empty() && !rl.ends_with("không") && !rl.ends_with("chưa") {
                l = rest;
            }
        }
        return Some((l, p));
    }
    // "label: 1" / "label = 1"; not "ISO 9001:2015" nor "8:30"
    let k = t.rfind([':', '='])?;
    if t[..k].ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let p = points_cell(&t[k + 1..]).filter(|p| *p <= Dec2::HUNDRED)?;
    Some((clean_label(&t[..k]), p))
}

/// The numerator and denominator a proportional rule names: "(Số hồ sơ
/// được số hóa / Tổng số hồ sơ tiếp nhận) × 10", "Điểm = số văn bản ký
/// số / tổng số văn bản đi × 10". Dates ("31/12") are not.
pub fn ratio_labels(text: &str) -> Option<(String, String)> {
    // lower_vi keeps every character's length: offsets hold in both
    let l = lower_vi(text);
    let start = l.find('=').map_or(0, |k| k + 1);
    let slash = start + l[start..].find('/')?;
    let (num, den) = match (l[..slash].rfind('('), l[slash..].find(')')) {
        (Some(o), Some(c)) if o >= start => (&text[o + 1..slash], &text[slash + 1..slash + c]),
        _ => {
            let end = ["×", " x ", " nhân ", "*"]
                .iter()
                .filter_map(|m| l[slash..].find(m))
                .min()
                .map_or(l.len(), |k| slash + k);
            (&text[start..slash], &text[slash + 1..end])
        }
    };
    let ok = |s: &str| {
        let s = s.trim();
        !s.is_empty()
            && !s.starts_with(|c: char| c.is_ascii_digit())
            && s.chars().any(char::is_alphabetic)
    };
    if !ok(num) || !ok(den) {
        return None;
    }
    let clean = |s: &str| {
        let s = s.trim();
        let low = lower_vi(s);
        let s = ["tỷ lệ", "tỉ lệ"]
            .iter()
            .find_map(|w| low.strip_prefix(w).map(|r| &s[s.len() - r.len()..]))
            .unwrap_or(s);
        super::upper_first(s.trim().trim_start_matches('(').trim())
    };
    Some((clean(num), clean(den)))
}

/// A level's label without the bullet it was listed with ("- Kịp thời").
pub fn unbullet(s: &str) -> String {
    let t = s.trim_start();
    match t.chars().next() {
        Some(c @ ('-' | '–' | '—' | '−' | '+' | '•' | '·')) => {
            let after = &t[c.len_utf8()..];
            let rest = after.trim_start();
            if rest.starts_with(|c: char| c.is_ascii_digit()) && !after.starts_with(' ') {
                // "-5%": a number, not a bullet
                return s.trim().to_string();
            }
            rest.to_string()
        }
        _ => s.trim().to_string(),
    }
}

fn clean_label(s: &str) -> String {
    let s = s
        .trim()
        .trim_end_matches([':', '=', '-', '–', ',', '(', ' '])
        .trim();
    // a level's own letter: "a) Ban hành …", "b/ …"
    let mut cs = s.char_indices();
    let s = match (cs.next(), cs.next(), cs.next()) {
        (Some((_, l)), Some((_, ')' | '/')), Some((k, ' ')))
            if l.is_alphabetic() && l.is_lowercase() =>
        {
            s[k..].trim()
        }
        _ => s,
    };
    s.to_string()
}

/// Numbers in a line with where they end and whether "%" follows; dates
/// ("15/12", "14/6/2025") and years are not numbers here.
fn numbers(l: &str) -> Vec<(Dec2, bool, usize, usize)> {
    let b = l.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len()
            && (b[i].is_ascii_digit()
                || ((b[i] == b',' || b[i] == b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        let date = b.get(i) == Some(&b'/') || (start > 0 && b[start - 1] == b'/');
        let mut j = i;
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        let pct = b.get(j) == Some(&b'%');
        let text = &l[start..i];
        if !date {
            if let Some(d) = Dec2::parse(text) {
                let year = !pct
                    && !text.contains([',', '.'])
                    && (1900..=2100).contains(&d.0.div_euclid(100));
                if !year {
                    out.push((d, pct, start, i));
                }
            }
        }
    }
    out
}

fn any(l: &str, words: &[&str]) -> bool {
    words.iter().any(|w| l.contains(w))
}

const ABOVE: [&str; 6] = ["trên", "lớn hơn", "cao hơn", "vượt", ">", "nhiều hơn"];
const BELOW: [&str; 6] = ["dưới", "nhỏ hơn", "thấp hơn", "chưa đạt", "<", "ít hơn"];
const UPWARD: [&str; 5] = ["trở lên", "≥", ">=", "ít nhất", "tối thiểu"];
const DOWNWARD: [&str; 5] = ["trở xuống", "≤", "<=", "không quá", "tối đa"];

/// A percentage band from a line's wording: (from, inclusive, to,
/// inclusive), bounds exactly as written.
pub fn band_of(label: &str) -> Option<(Dec2, bool, Dec2, bool)> {
    let l = lower_vi(label);
    let nums = numbers(&l);
    let last_pct = nums.iter().rposition(|n| n.1)?;
    // "từ 50 - 80%": the first number takes the second's "%"
    let pcts: Vec<&(Dec2, bool, usize, usize)> = match nums.iter().filter(|n| n.1).count() {
        1 if last_pct > 0 && {
            let between = &l[nums[last_pct - 1].3..nums[last_pct].2];
            any(between, &["-", "–", "đến", "tới"])
        } =>
        {
            vec![&nums[last_pct - 1], &nums[last_pct]]
        }
        _ => nums.iter().filter(|n| n.1).collect(),
    };
    let before = &l[..pcts[0].2];
    let x = pcts[0].0;
    let gt = (before.contains('>') && !before.contains(">="))
        || any(before, &ABOVE[..4])
        || before.contains("nhiều hơn");
    let lt = (before.contains('<') && !before.contains("<="))
        || any(before, &BELOW[..4])
        || before.contains("ít hơn");
    match pcts.as_slice() {
        [_] if any(&l, &UPWARD) => Some((x, true, Dec2::HUNDRED, true)),
        [_] if gt => Some((x, false, Dec2::HUNDRED, true)),
        [_] if any(&l, &DOWNWARD) || before.contains("đến") => Some((Dec2::ZERO, true, x, true)),
        [_] if lt => Some((Dec2::ZERO, true, x, false)),
        [_] => Some((x, true, x, true)),
        [_, b] => {
            let y = b.0;
            let between = &l[pcts[0].3..b.2];
            let to_excl = (any(between, &["dưới", "nhỏ hơn"]) || between.contains('<'))
                && !between.contains("<=");
            (x <= y).then_some((x, !gt, y, !to_excl))
        }
        _ => None,
    }
}

/// A count band from a line's wording ("Từ 10 văn bản trở lên", "Từ 5
/// đến 9 văn bản", "Dưới 5", "4 báo cáo", "Không có"): (min, max).
pub fn count_of(label: &str) -> Option<(u64, Option<u64>)> {
    let l = lower_vi(label);
    let nums = numbers(&l);
    if nums.iter().any(|n| n.1) || nums.iter().any(|n| n.0 .0 % 100 != 0) {
        return None;
    }
    let int = |d: Dec2| u64::try_from(d.0 / 100).ok();
    match nums.as_slice() {
        [] => {
            let t = l.trim();
            (t.starts_with("không có") || t.starts_with("chưa có") || t == "không")
                .then_some((0, Some(0)))
        }
        [a] => {
            let n = int(a.0)?;
            let before = &l[..a.2];
            if any(&l, &UPWARD) {
                Some((n, None))
            } else if any(before, &["trên", ">", "nhiều hơn", "hơn"]) {
                Some((n + 1, None))
            } else if any(before, &["dưới", "<", "ít hơn"]) {
                (n > 0).then(|| (0, Some(n - 1)))
            } else if any(&l, &DOWNWARD) || before.contains("đến") {
                Some((0, Some(n)))
            } else {
                Some((n, Some(n)))
            }
        }
        [a, b] => {
            let (x, y) = (int(a.0)?, int(b.0)?);
            let before = &l[..a.2];
            let between = &l[a.3..b.2];
            if !any(between, &["-", "–", "đến", "tới"]) {
                return None;
            }
            let from = if any(before, &["trên"]) { x + 1 } else { x };
            let to = if any(between, &["dưới"]) {
                y.checked_sub(1)?
            } else {
                y
            };
            (from <= to).then_some((from, Some(to)))
        }
        _ => None,
    }
}

/// Whether count bands cover every count from 0 once ("Đủ 04 báo cáo" /
/// "Thiếu 01 báo cáo" count different things and do not).
fn counts_cover(bands: &[(u64, Option<u64>)]) -> bool {
    let mut b = bands.to_vec();
    b.sort();
    let mut next = Some(0);
    for (min, max) in b {
        if next != Some(min) {
            return false;
        }
        next = max.map(|m| m + 1);
    }
    true
}

/// A line as read: its text, and points from the points column (rows
/// under an item in the Cà Mau layout put them there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub points: Option<Dec2>,
}

/// What one line says.
enum Said {
    Level(String, Dec2),
    NoCase,
    NotApplicable,
    /// with the numerator's and denominator's labels, if written
    Proportional(Option<(String, String)>),
    Survey,
    Deduct(Dec2),
    PerUnit(Dec2),
    Note,
    Plain,
}

fn said(line: &Line, max: Dec2) -> Said {
    let l = lower_vi(&line.text);
    // "Không phát sinh hồ sơ quá hạn: 2 điểm", "Trường hợp không được
    // giao nhiệm vụ thì được điểm tối đa", "(Đơn vị không có đơn vị trực
    // thuộc thì được điểm tối đa)"
    let no_case = l.contains("không phát sinh")
        || (any(&l, &["trường hợp", "nếu "]) && l.contains("không"))
        || any(
            &l,
            &["không được giao", "đơn vị không có", "cơ quan không có"],
        );
    let full = (l.contains("tối đa")
        && !any(&l, &["không được điểm tối đa", "không đạt điểm tối đa"])
        && line.points.is_none_or(|p| p == max))
        || line.points == Some(max)
        || inline_points(&line.text).is_some_and(|p| p.1 == max);
    if no_case && full {
        return Said::NoCase;
    }
    // "Trường hợp không có đơn vị trực thuộc thì không chấm tiêu chí này":
    // the item leaves the maximum
    if no_case
        && any(
            &l,
            &[
                "không chấm",
                "không tính điểm",
                "không đánh giá",
                "không áp dụng",
                "loại trừ",
            ],
        )
    {
        return Said::NotApplicable;
    }
    let ratio_words = l.contains("tỷ lệ") || l.contains("tỉ lệ") || l.contains('%');
    let times = any(&l, &["×", " x ", "nhân", "*"]);
    let labels = ratio_labels(&line.text);
    // "Điểm = tỷ lệ % × điểm tối đa", "Điểm = (Số hồ sơ số hóa / Tổng số
    // hồ sơ) × 10", "Đạt bao nhiêu % thì được bấy nhiêu % số điểm"
    if (ratio_words && times && l.contains("điểm"))
        || (labels.is_some() && times && l.contains("điểm") && l.contains('='))
        || (any(&l, &["theo tỷ lệ", "theo tỉ lệ"]) && l.contains("điểm tối đa"))
        || (l.contains("bao nhiêu") && l.contains("bấy nhiêu"))
    {
        return Said::Proportional(labels);
    }
    // the points of the first number in `after`, when "điểm" follows it,
    // and whether "/…" follows ("0,25 điểm/văn bản": for each)
    let points_at = |after: &str| {
        let first = *numbers(after).first().filter(|f| !f.1)?;
        let tail = after[first.3..].trim_start();
        let unit = ["điểm", "đ"].iter().find_map(|u| tail.strip_prefix(u))?;
        Some((first.0, unit.trim_start().starts_with('/')))
    };
    // "Mỗi báo cáo chậm trừ 0,5 điểm", "trừ 0,25 điểm/văn bản"
    if let Some(k) = l.find("trừ") {
        if let Some((d, slash)) = points_at(&l[k + "trừ".len()..]) {
            if slash || any(&l, &["mỗi", "cứ "]) {
                return Said::Deduct(d);
            }
        }
    }
    // "Mỗi sáng kiến được công nhận: 1 điểm (tối đa 4 điểm)", "0,5
    // điểm/sáng kiến"
    if !l.contains("trừ") {
        if let Some((d, _)) = l.find("mỗi ").and_then(|k| points_at(&l[k..])) {
            return Said::PerUnit(d);
        }
        if let Some((d, true)) = points_at(&l) {
            return Said::PerUnit(d);
        }
    }
    if let Some(p) = line.points {
        return Said::Level(line.text.clone(), p);
    }
    if let Some((label, p)) = inline_points(&line.text) {
        let ll = lower_vi(&label);
        if ll == "tối đa" || ll == "điểm tối đa" {
            return Said::Note;
        }
        return Said::Level(label, p);
    }
    if any(&l, &["điều tra xã hội học", "khảo sát", "xhh"]) {
        return Said::Survey;
    }
    if l.starts_with('(')
        || l.starts_with("ghi chú")
        || l.starts_with("lưu ý")
        || l.starts_with('*')
    {
        return Said::Note;
    }
    Said::Plain
}

/// The rule an item's lines say, whether "no case arose" gets full
/// points, the guidance text (every line, as written), and what the user
/// must check.
pub struct Read {
    pub rule: Rule,
    pub no_case: bool,
    /// "… thì không chấm điểm tiêu chí này": may be declared not
    /// applicable.
    pub not_applicable: bool,
    pub guidance: String,
    pub flags: Vec<String>,
}

/// Whether two levels are yes and no: "Có thực hiện" / "Không thực
/// hiện", "Đạt" / "Không đạt", "Có" / "Không".
fn yes_no(yes: &str, no: &str) -> bool {
    let (y, n) = (lower_vi(yes), lower_vi(no));
    let y = y.trim();
    let n = n.trim();
    let y = y.strip_prefix("có").map_or(y, str::trim);
    let n = ["không", "chưa"]
        .iter()
        .find_map(|w| n.strip_prefix(w))
        .map(str::trim);
    n == Some(y)
}

/// Reads `lines` (already split) for an item of `max` points titled `title`.
pub fn read(title: &str, max: Dec2, lines: &[Line]) -> Read {
    let mut flags = Vec::new();
    let guidance = lines
        .iter()
        .map(|l| match l.points {
            Some(p) if inline_points(&l.text).is_none() => {
                format!("{}: {} điểm", l.text, p.to_vi())
            }
            _ => l.text.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut levels: Vec<(String, Dec2)> = Vec::new();
    let (mut no_case, mut proportional, mut survey) = (false, false, false);
    let mut not_applicable = false;
    let mut ratio = None;
    let mut deduct = None;
    let mut deductions: Vec<(String, Dec2)> = Vec::new();
    let mut per_unit = None;
    let mut plain: Vec<String> = Vec::new();
    for line in lines {
        match said(line, max) {
            Said::Level(l, p) => levels.push((unbullet(&l), p)),
            Said::NoCase => no_case = true,
            Said::NotApplicable => not_applicable = true,
            Said::Proportional(l) => {
                proportional = true;
                ratio = ratio.or(l);
            }
            Said::Survey => survey = true,
            Said::Deduct(d) => {
                deductions.push((line.text.clone(), d));
                deduct = Some(deduct.map_or(d, |x: Dec2| x.min(d)));
            }
            Said::PerUnit(d) => per_unit = Some(d),
            Said::Note => {}
            Said::Plain => plain.push(line.text.clone()),
        }
    }
    let title_l = lower_vi(title);
    if levels.is_empty()
        && !proportional
        && deduct.is_none()
        && per_unit.is_none()
        && (survey || any(&title_l, &["điều tra xã hội học", "khảo sát"]))
    {
        return Read {
            rule: Rule::Survey,
            no_case,
            not_applicable,
            guidance,
            flags,
        };
    }
    // "Không có trường hợp vi phạm: 6 điểm" beside "mỗi trường hợp vi
    // phạm trừ 2 điểm" is the count's 0, not a "no case arose" item
    let no_case = no_case && deduct.is_none_or(|d| d <= Dec2::ZERO);
    let done = |rule: Rule, flags: Vec<String>| Read {
        rule,
        no_case,
        not_applicable,
        guidance: guidance.clone(),
        flags,
    };
    if proportional {
        let (numerator_label, denominator_label) = ratio.unwrap_or_default();
        return done(
            Rule::Proportional {
                numerator_label,
                denominator_label,
            },
            flags,
        );
    }
    if let Some(d) = deduct.filter(|d| *d > Dec2::ZERO) {
        let mut bands = Vec::new();
        let mut k = 0u64;
        let mut pts = max;
        while pts > Dec2::ZERO && k < 200 {
            bands.push(CountBand {
                min: k,
                max: Some(k),
                points: pts,
            });
            k += 1;
            pts = Dec2((pts.0 - d.0).max(0));
        }
        bands.push(CountBand {
            min: k,
            max: None,
            points: Dec2::ZERO,
        });
        if deductions.iter().any(|(_, x)| *x != d) {
            // "Mỗi báo cáo chậm trừ 0,5 điểm; mỗi báo cáo không thực hiện
            // trừ 1 điểm": one count cannot hold two kinds of case
            flags.push(format!(
                "có {} cách trừ điểm khác nhau ({}): một tiêu chí thành phần chỉ đếm được một loại trường hợp, đã lập các mức theo mức trừ {} điểm; hãy tách thành các tiêu chí thành phần riêng hoặc sửa các mức",
                deductions.len(),
                deductions
                    .iter()
                    .map(|(t, _)| format!("\"{t}\""))
                    .collect::<Vec<_>>()
                    .join("; "),
                d.to_vi()
            ));
        } else {
            flags.push(format!(
                "trừ {} điểm cho mỗi lần: đã lập các mức theo số lần (0 lần: {} điểm), hãy kiểm tra",
                d.to_vi(),
                max.to_vi()
            ));
        }
        return done(
            Rule::CountBands {
                bands,
                max_count: None,
            },
            flags,
        );
    }
    if let Some(d) = per_unit.filter(|d| *d > Dec2::ZERO && levels.is_empty()) {
        let mut bands = Vec::new();
        let mut k = 0u64;
        let mut pts = Dec2::ZERO;
        while pts < max && k < 200 {
            bands.push(CountBand {
                min: k,
                max: Some(k),
                points: pts,
            });
            k += 1;
            pts = Dec2((d.0 * k as i64).min(max.0));
        }
        bands.push(CountBand {
            min: k,
            max: None,
            points: max,
        });
        flags.push(format!(
            "mỗi lần được {} điểm: đã lập các mức theo số lần (từ {k} lần trở lên: {} điểm), hãy kiểm tra",
            d.to_vi(),
            max.to_vi()
        ));
        return done(
            Rule::CountBands {
                bands,
                max_count: None,
            },
            flags,
        );
    }
    for p in &plain {
        flags.push(if levels.is_empty() {
            format!("dòng \"{p}\" không có điểm: hãy nhập điểm")
        } else {
            format!("dòng \"{p}\" không có điểm: chỉ giữ làm hướng dẫn, hãy kiểm tra")
        });
    }
    if levels.is_empty() {
        if plain.is_empty() {
            flags.push("không có dòng cách chấm: tạm để Đạt/Không đạt, hãy kiểm tra".into());
            return done(Rule::YesNo, flags);
        }
        levels = plain.iter().map(|p| (p.clone(), Dec2::ZERO)).collect();
    }
    let bands: Vec<_> = levels.iter().map(|(l, _)| band_of(l)).collect();
    if bands.iter().all(Option::is_some) && !bands.is_empty() {
        return done(
            Rule::RatioBands {
                bands: bands
                    .iter()
                    .zip(&levels)
                    .filter_map(|(b, (_, p))| {
                        let (f, fi, t, ti) = (*b)?;
                        Some(RatioBand {
                            range: PctRange::new(f, fi, t, ti),
                            points: *p,
                        })
                    })
                    .collect(),
                numerator_label: String::new(),
                denominator_label: String::new(),
            },
            flags,
        );
    }
    let counts: Vec<_> = levels.iter().map(|(l, _)| count_of(l)).collect();
    if levels.len() >= 2
        && counts.iter().all(Option::is_some)
        && counts.iter().any(|c| c.is_some_and(|c| c != (0, Some(0))))
        && counts_cover(&counts.iter().flatten().copied().collect::<Vec<_>>())
    {
        let bands: Vec<CountBand> = counts
            .iter()
            .zip(&levels)
            .filter_map(|(c, (_, p))| {
                c.map(|(min, max)| CountBand {
                    min,
                    max,
                    points: *p,
                })
            })
            .collect();
        let max_count = bands
            .iter()
            .map(|b| b.max)
            .collect::<Option<Vec<_>>>()
            .and_then(|m| m.into_iter().max());
        return done(Rule::CountBands { bands, max_count }, flags);
    }
    if let [(y, py), (n, pn)] = levels.as_slice() {
        if *py == max && *pn == Dec2::ZERO && yes_no(y, n) {
            return done(Rule::YesNo, flags);
        }
    }
    if bands.iter().any(Option::is_some) {
        flags.push("có dòng tỷ lệ % lẫn dòng khác: tạm để dạng chọn mức, hãy kiểm tra".into());
    }
    let letters = "abcdefghijklmnopqrstuvwxyz";
    let options: Vec<ChoiceOption> = levels
        .iter()
        .enumerate()
        .map(|(i, (l, p))| ChoiceOption {
            id: letters
                .chars()
                .nth(i)
                .map_or_else(|| format!("o{i}"), |c| c.to_string()),
            label: l.clone(),
            points: *p,
        })
        .collect();
    // no option at the maximum: the engine's own check says so
    done(Rule::Options { options }, flags)
}

/// A line with several levels ("Có thực hiện: 2 điểm; không thực hiện:
/// 0 điểm", "Đạt: 2 điểm, không đạt: 0 điểm", "Có: 1 điểm. Không: 0
/// điểm") as one line per level, each starting with a capital. A level
/// ends with its points: after ";" always, after ", " or ". " only when
/// they are written with "điểm" (so "Đầy đủ, đúng hạn: 2 điểm" stays
/// whole).
pub fn split_levels(text: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let sep = c == ';' || (matches!(c, ',' | '.') && chars.peek().is_some_and(|n| *n == ' '));
        if sep {
            let piece = cur.trim();
            let ends_in_points = inline_points(piece).is_some() && {
                let l = lower_vi(piece);
                c == ';' || l.ends_with("điểm") || l.ends_with('đ')
            };
            if ends_in_points {
                parts.push(piece.to_string());
                cur.clear();
                continue;
            }
        }
        cur.push(c);
    }
    let rest = cur.trim().trim_end_matches(['.', ';']).trim();
    if !rest.is_empty() {
        parts.push(rest.to_string());
    }
    // "…: 0,5 điểm, tối đa không quá 2 điểm": a cap, not a level
    let mut merged: Vec<String> = Vec::new();
    for p in parts {
        let l = lower_vi(&p);
        match merged.last_mut() {
            Some(last)
                if ["tối đa", "không quá", "nhưng"]
                    .iter()
                    .any(|w| l.starts_with(w)) =>
            {
                last.push_str(", ");
                last.push_str(&p);
            }
            _ => merged.push(p),
        }
    }
    let parts = merged;
    if parts.len() >= 2 && parts.iter().filter(|p| inline_points(p).is_some()).count() >= 2 {
        parts.iter().map(|p| super::upper_first(p)).collect()
    } else {
        vec![text.trim().to_string()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec2 {
        Dec2::parse(s).unwrap()
    }

    #[test]
    fn points_as_written() {
        assert_eq!(points_cell("10"), Some(d("10")));
        assert_eq!(points_cell("2,5 điểm"), Some(d("2,5")));
        assert_eq!(points_cell("2.5"), Some(d("2,5")));
        assert_eq!(points_cell("0,5đ"), Some(d("0,5")));
        assert_eq!(points_cell("1.000"), None);
        assert_eq!(points_cell("Điểm"), None);
        let ip = |s: &str| inline_points(s).map(|(l, p)| (l, p.to_vi()));
        assert_eq!(
            ip("Ban hành kịp thời: 1"),
            Some(("Ban hành kịp thời".into(), "1".into()))
        );
        assert_eq!(
            ip("- Không có kế hoạch: 0 điểm."),
            Some(("- Không có kế hoạch".into(), "0".into()))
        );
        assert_eq!(
            ip("Kịp thời (0,5 điểm)"),
            Some(("Kịp thời".into(), "0,5".into()))
        );
        assert_eq!(
            ip("Ban hành đúng hạn thì được 1 điểm"),
            Some(("Ban hành đúng hạn".into(), "1".into()))
        );
        assert_eq!(
            ip("Từ 70% - 90% kế hoạch: 1"),
            Some(("Từ 70% - 90% kế hoạch".into(), "1".into()))
        );
        assert_eq!(ip("Đạt 100%"), None);
        assert_eq!(ip("Ban hành trước ngày 15/12"), None);
    }

    #[test]
    fn bands_in_every_wording() {
        let b = |s: &str| band_of(s).map(|(f, fi, t, ti)| (f.to_vi(), fi, t.to_vi(), ti));
        let s = |f: &str, fi, t: &str, ti| Some((f.to_string(), fi, t.to_string(), ti));
        assert_eq!(b("Đạt 100%"), s("100", true, "100", true));
        assert_eq!(b("Từ 80% đến dưới 100%"), s("80", true, "100", false));
        assert_eq!(b("Trên 95%"), s("95", false, "100", true));
        assert_eq!(b("Từ 50% - 80%"), s("50", true, "80", true));
        assert_eq!(b("Từ 50 - 80%"), s("50", true, "80", true));
        assert_eq!(b("dưới 50%"), s("0", true, "50", false));
        assert_eq!(b("≥ 95%"), s("95", true, "100", true));
        assert_eq!(b("> 95%"), s("95", false, "100", true));
        assert_eq!(b("< 50%"), s("0", true, "50", false));
        assert_eq!(b("≤ 50%"), s("0", true, "50", true));
        assert_eq!(b("Đạt từ 85% trở lên"), s("85", true, "100", true));
        assert_eq!(b("Trên 50% đến dưới 70%"), s("50", false, "70", false));
        assert_eq!(b("từ 80% trở lên"), s("80", true, "100", true));
        assert_eq!(b("0% – 100%"), s("0", true, "100", true));
        assert_eq!(b("Ban hành kịp thời"), None);
        assert_eq!(b("Năm 2025 ban hành 3 văn bản"), None);
    }

    #[test]
    fn counts_in_every_wording() {
        assert_eq!(count_of("Từ 10 văn bản trở lên"), Some((10, None)));
        assert_eq!(count_of("Từ 5 đến 9 văn bản"), Some((5, Some(9))));
        assert_eq!(count_of("Dưới 5 văn bản"), Some((0, Some(4))));
        assert_eq!(count_of("Trên 3 cuộc"), Some((4, None)));
        assert_eq!(count_of("4 báo cáo"), Some((4, Some(4))));
        assert_eq!(count_of("Không có văn bản nào"), Some((0, Some(0))));
        assert_eq!(count_of("từ 0 đến 2"), Some((0, Some(2))));
        assert_eq!(count_of("Trên 90%"), None);
        assert_eq!(count_of("Kịp thời"), None);
    }

    fn lines(ls: &[&str]) -> Vec<Line> {
        ls.iter()
            .map(|t| Line {
                text: t.to_string(),
                points: None,
            })
            .collect()
    }

    #[test]
    fn rules_from_lines() {
        let r = read(
            "Báo cáo",
            d("1"),
            &lines(&["Có thực hiện: 1 điểm", "Không thực hiện: 0 điểm"]),
        );
        assert_eq!(r.rule, Rule::YesNo);
        let r = read(
            "Tỷ lệ",
            d("2"),
            &lines(&[
                "Điểm = tỷ lệ % hồ sơ đúng hạn × điểm tối đa",
                "Trường hợp không phát sinh hồ sơ thì được điểm tối đa",
            ]),
        );
        assert!(matches!(r.rule, Rule::Proportional { .. }) && r.no_case);
        let r = read(
            "Văn bản",
            d("1"),
            &lines(&["Mỗi văn bản ban hành chậm trừ 0,25 điểm"]),
        );
        match r.rule {
            Rule::CountBands { bands, .. } => {
                let got: Vec<_> = bands
                    .iter()
                    .map(|b| (b.min, b.max, b.points.to_vi()))
                    .collect();
                assert_eq!(
                    got,
                    vec![
                        (0, Some(0), "1".into()),
                        (1, Some(1), "0,75".into()),
                        (2, Some(2), "0,5".into()),
                        (3, Some(3), "0,25".into()),
                        (4, None, "0".into())
                    ]
                );
            }
            r => panic!("{r:?}"),
        }
        let r = read(
            "Chỉ số hài lòng",
            d("10"),
            &lines(&["Theo kết quả khảo sát, điều tra xã hội học"]),
        );
        assert_eq!(r.rule, Rule::Survey);
        let r = read("Mức độ hài lòng (điều tra xã hội học)", d("10"), &[]);
        assert_eq!(r.rule, Rule::Survey);
        let r = read(
            "Số văn bản",
            d("2"),
            &lines(&[
                "Từ 10 văn bản trở lên: 2 điểm",
                "Từ 5 đến 9 văn bản: 1 điểm",
                "Dưới 5 văn bản: 0 điểm",
            ]),
        );
        assert!(
            matches!(&r.rule, Rule::CountBands { bands, max_count: None } if bands.len() == 3),
            "{:?}",
            r.rule
        );
        assert!(r.flags.is_empty());
    }

    #[test]
    fn what_is_not_points() {
        // "ISO 9001:2015" and a time are no points after a colon
        assert_eq!(inline_points("Áp dụng TCVN ISO 9001:2015"), None);
        assert_eq!(inline_points("Họp lúc 8:30"), None);
        assert_eq!(inline_points("Năm 2025: 2025"), None);
        assert_eq!(unbullet("- Ban hành kịp thời"), "Ban hành kịp thời");
        assert_eq!(unbullet("+ Có: 1"), "Có: 1");
        assert_eq!(unbullet("-5% so với kế hoạch"), "-5% so với kế hoạch");
    }

    #[test]
    fn no_case_and_not_applicable_wordings() {
        let two = |l: &str| {
            read(
                "X",
                d("2"),
                &lines(&["Đạt 100%: 2 điểm", "Dưới 100%: 0 điểm", l]),
            )
        };
        for l in [
            "Trường hợp không được giao nhiệm vụ thì được điểm tối đa",
            "Nếu trong năm không có hồ sơ quá hạn thì được tính điểm tối đa",
            "(Đơn vị không có đơn vị trực thuộc thì được điểm tối đa)",
            "Trường hợp không có hồ sơ quá hạn: 2 điểm",
            "Không phát sinh: đạt điểm tối đa",
        ] {
            let r = two(l);
            assert!(r.no_case && !r.not_applicable && r.flags.is_empty(), "{l}");
        }
        let r = two("Trường hợp không có đơn vị trực thuộc thì không chấm điểm tiêu chí này");
        assert!(r.not_applicable && !r.no_case && r.flags.is_empty());
        // a level at 0 is not "no case"
        let r = two("Trường hợp không ban hành: 0 điểm");
        assert!(!r.no_case);
    }

    #[test]
    fn count_bands_that_do_not_cover_every_count_are_options() {
        // "Đủ 04" and "Thiếu 01" count different things
        let r = read(
            "Báo cáo",
            d("2"),
            &lines(&[
                "Đủ 04 báo cáo, đúng thời hạn: 2 điểm",
                "Thiếu hoặc chậm 01 báo cáo: 1 điểm",
                "Thiếu hoặc chậm từ 02 báo cáo trở lên: 0 điểm",
            ]),
        );
        assert!(matches!(r.rule, Rule::Options { ref options } if options.len() == 3));
        assert!(counts_cover(&[(3, None), (1, Some(2)), (0, Some(0))]));
        assert!(!counts_cover(&[(4, Some(4)), (1, Some(1)), (2, None)]));
        assert!(!counts_cover(&[(3, None), (1, Some(2))]));
    }

    #[test]
    fn points_for_each_one_counted() {
        let bands = |r: Read| match r.rule {
            Rule::CountBands { bands, .. } => bands
                .iter()
                .map(|b| (b.min, b.max, b.points.to_vi()))
                .collect::<Vec<_>>(),
            r => panic!("{r:?}"),
        };
        let r = read(
            "Sáng kiến",
            d("2"),
            &lines(&["Mỗi sáng kiến được công nhận: 0,5 điểm (tối đa 2 điểm)"]),
        );
        assert_eq!(
            bands(r),
            vec![
                (0, Some(0), "0".into()),
                (1, Some(1), "0,5".into()),
                (2, Some(2), "1".into()),
                (3, Some(3), "1,5".into()),
                (4, None, "2".into())
            ]
        );
        let r = read(
            "Văn bản",
            d("1"),
            &lines(&["Có văn bản tham mưu chậm trừ 0,5 điểm/văn bản"]),
        );
        assert_eq!(
            bands(r),
            vec![
                (0, Some(0), "1".into()),
                (1, Some(1), "0,5".into()),
                (2, None, "0".into())
            ]
        );
        // "mỗi quý 1 báo cáo" counts nothing
        let r = read(
            "Báo cáo",
            d("1"),
            &lines(&["Gửi mỗi quý 1 báo cáo: 1 điểm", "Không gửi: 0 điểm"]),
        );
        assert!(matches!(r.rule, Rule::Options { .. }));
    }

    #[test]
    fn proportional_wordings_and_labels() {
        let prop = |l: &str| match read("X", d("10"), &lines(&[l])).rule {
            Rule::Proportional {
                numerator_label,
                denominator_label,
            } => Some((numerator_label, denominator_label)),
            _ => None,
        };
        let none = Some((String::new(), String::new()));
        assert_eq!(
            prop("Điểm = tỷ lệ % hoàn thành kế hoạch × điểm tối đa"),
            none
        );
        assert_eq!(
            prop("Tính theo tỷ lệ % nhiệm vụ hoàn thành nhân với điểm tối đa"),
            none
        );
        assert_eq!(
            prop("Đạt tỷ lệ bao nhiêu % thì được bấy nhiêu % số điểm tối đa"),
            none
        );
        assert_eq!(
            prop("Điểm đạt được = (Số hồ sơ được số hóa / Tổng số hồ sơ tiếp nhận) × 10"),
            Some((
                "Số hồ sơ được số hóa".into(),
                "Tổng số hồ sơ tiếp nhận".into()
            ))
        );
        assert_eq!(
            prop("Điểm = số văn bản đi được ký số / tổng số văn bản đi x 10 điểm"),
            Some((
                "Số văn bản đi được ký số".into(),
                "Tổng số văn bản đi".into()
            ))
        );
        assert_eq!(ratio_labels("Ban hành trước ngày 31/12: 1 điểm"), None);
    }

    #[test]
    fn several_levels_on_one_line() {
        assert_eq!(
            split_levels("Có thực hiện: 2 điểm; không thực hiện: 0 điểm"),
            vec!["Có thực hiện: 2 điểm", "Không thực hiện: 0 điểm"]
        );
        assert_eq!(
            split_levels("Ban hành; đúng hạn: 1"),
            vec!["Ban hành; đúng hạn: 1"]
        );
        assert_eq!(
            split_levels("Đạt yêu cầu: 2 điểm, không đạt yêu cầu: 0 điểm."),
            vec!["Đạt yêu cầu: 2 điểm", "Không đạt yêu cầu: 0 điểm"]
        );
        assert_eq!(
            split_levels("Có thực hiện: 10 điểm. Không thực hiện: 0 điểm."),
            vec!["Có thực hiện: 10 điểm", "Không thực hiện: 0 điểm"]
        );
        assert_eq!(
            split_levels("Đầy đủ, đúng hạn: 2 điểm; chậm, chưa đầy đủ: 1 điểm; đúng hạn: 1,5 điểm"),
            vec![
                "Đầy đủ, đúng hạn: 2 điểm",
                "Chậm, chưa đầy đủ: 1 điểm",
                "Đúng hạn: 1,5 điểm"
            ]
        );
        // one level and a remark: not split
        assert_eq!(
            split_levels("Kịp thời: 1 điểm, theo Kế hoạch số 12/KH-UBND"),
            vec!["Kịp thời: 1 điểm, theo Kế hoạch số 12/KH-UBND"]
        );
    }

    #[test]
    fn a_label_that_is_the_verb_is_kept() {
        let l = |t: &str| inline_points(t).map(|(l, p)| (l, p.to_vi()));
        assert_eq!(l("Đạt: 3 điểm"), Some(("Đạt".into(), "3".into())));
        assert_eq!(
            l("Không đạt: 0 điểm"),
            Some(("Không đạt".into(), "0".into()))
        );
        assert_eq!(
            l("Không đạt 0 điểm"),
            Some(("Không đạt".into(), "0".into()))
        );
        assert_eq!(
            l("Hoàn thành đúng hạn thì được 2 điểm"),
            Some(("Hoàn thành đúng hạn".into(), "2".into()))
        );
        assert_eq!(
            l("a) Ban hành trước ngày 15/12: 4 điểm"),
            Some(("Ban hành trước ngày 15/12".into(), "4".into()))
        );
        assert_eq!(
            l("b/ Ban hành chậm: 2 điểm"),
            Some(("Ban hành chậm".into(), "2".into()))
        );
    }
}
