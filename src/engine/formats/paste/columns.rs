//! Which column holds what: found from the header row by the headings
//! provincial tables use, or guessed from the content when there is no
//! header (then marked unsure, so the editor asks the user to check).

use super::lower_vi;
use super::numbering;
use super::table::Table;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Role {
    /// STT: the item's number.
    Number,
    /// Lĩnh vực / Tiêu chí / Tiêu chí thành phần (and maybe its rule lines).
    Title,
    /// Điểm tối đa.
    Points,
    /// Phương pháp chấm điểm, Cách chấm …
    Rule,
    /// Tài liệu kiểm chứng: kept as the item's evidence hint.
    Evidence,
    /// Ghi chú, Điểm tự chấm …: not read.
    #[default]
    Ignore,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Number,
        Role::Title,
        Role::Points,
        Role::Rule,
        Role::Evidence,
        Role::Ignore,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::Number => "Số thứ tự",
            Role::Title => "Tên lĩnh vực, tiêu chí",
            Role::Points => "Điểm tối đa",
            Role::Rule => "Cách chấm điểm",
            Role::Evidence => "Tài liệu kiểm chứng",
            Role::Ignore => "Bỏ qua",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Role::Number => "number",
            Role::Title => "title",
            Role::Points => "points",
            Role::Rule => "rule",
            Role::Evidence => "evidence",
            Role::Ignore => "ignore",
        }
    }

    pub fn from_code(c: &str) -> Role {
        Role::ALL
            .into_iter()
            .find(|r| r.code() == c)
            .unwrap_or_default()
    }
}

/// The columns' roles, and how many rows at the top are headings.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Columns {
    pub roles: Vec<Role>,
    pub header_rows: usize,
    /// Each column's heading as read (empty without a header).
    pub headings: Vec<String>,
    /// Found from a header row; otherwise guessed from the content.
    pub sure: bool,
}

impl Columns {
    pub fn find(&self, r: Role) -> Option<usize> {
        self.roles.iter().position(|x| *x == r)
    }

    /// What the user should look at before going on (empty when sure).
    pub fn doubts(&self) -> Vec<String> {
        let mut d = Vec::new();
        if !self.sure {
            d.push("Không thấy dòng tiêu đề cột (STT, Tiêu chí, Điểm tối đa…): vai trò các cột được đoán theo nội dung, hãy kiểm tra.".to_string());
        }
        if self.find(Role::Title).is_none() {
            d.push("Chưa có cột tên lĩnh vực, tiêu chí.".to_string());
        }
        if self.find(Role::Points).is_none() {
            d.push("Không có cột điểm tối đa: điểm sẽ được lấy trong tên mục (ví dụ \"(10 điểm)\"), nếu có.".to_string());
        }
        d
    }
}

/// A heading's role; `None` when it is no heading we know.
fn heading_role(h: &str) -> Option<Role> {
    let h = lower_vi(h);
    let h = h.trim();
    if h.is_empty() {
        return None;
    }
    let has = |k: &str| h.contains(k);
    if matches!(h, "stt" | "tt" | "số tt" | "số thứ tự" | "thứ tự" | "stt.") || h.starts_with("stt")
    {
        return Some(Role::Number);
    }
    if has("kiểm chứng") || has("minh chứng") {
        return Some(Role::Evidence);
    }
    // "Lĩnh vực, tiêu chí (và cách chấm điểm)": the title column, its
    // rule lines under each title
    if (h.starts_with("lĩnh vực") || h.starts_with("tiêu chí"))
        && !has("điểm tối đa")
        && !has("tự chấm")
    {
        return Some(Role::Title);
    }
    if has("phương pháp")
        || has("cách chấm")
        || has("hướng dẫn chấm")
        || has("cách tính")
        || has("chi tiết")
        || has("hướng dẫn")
    {
        return Some(Role::Rule);
    }
    if (has("lĩnh vực") || has("tiêu chí") || has("nội dung")) && !has("điểm") {
        return Some(Role::Title);
    }
    if has("tự chấm")
        || has("tự đánh giá")
        || has("thẩm định")
        || has("đạt được")
        || has("ghi chú")
        || has("xhh")
        || has("xã hội học")
        || has("chỉ số")
        || has("snv")
        || has("sở nội vụ")
        || has("đánh giá")
        || has("kết quả")
    {
        return Some(Role::Ignore);
    }
    if has("điểm") || has("tối đa") || h == "chuẩn" {
        return Some(Role::Points);
    }
    if has("lĩnh vực") || has("tiêu chí") || has("nội dung") || has("tên") {
        return Some(Role::Title);
    }
    None
}

/// A row of column numbers under the header: "1 2 3 4" or "(1) (2) (3)".
pub fn is_column_numbers(row: &[super::table::Cell]) -> bool {
    let vals: Vec<String> = row
        .iter()
        .map(|c| c.text())
        .filter(|t| !t.is_empty())
        .collect();
    vals.len() >= 2
        && vals.iter().enumerate().all(|(i, v)| {
            let v = v.trim_start_matches('(').trim_end_matches(')');
            v.parse::<usize>().ok() == Some(i + 1)
                || v.eq_ignore_ascii_case(&((b'A' + i as u8) as char).to_string())
        })
}

/// Finds the columns of `t`.
pub fn detect(t: &Table) -> Columns {
    let w = t.width();
    // The header: the first rows with known headings, within the first
    // five (a title row like "PHỤ LỤC …" may come before it).
    let mut start = None;
    for (r, row) in t.rows.iter().enumerate().take(5) {
        let known = row
            .iter()
            .filter(|c| heading_role(&c.text()).is_some())
            .count();
        let titled = row
            .iter()
            .any(|c| matches!(heading_role(&c.text()), Some(Role::Title | Role::Number)));
        if known >= 2 && titled {
            start = Some(r);
            break;
        }
    }
    if let Some(s) = start {
        // header rows: the first and any following row that is headings
        // only (a merged "Điểm" over "Tối đa | Tự chấm") or column numbers
        let mut end = s + 1;
        while let Some(row) = t.rows.get(end) {
            let numbers = is_column_numbers(row);
            let headings = row
                .iter()
                .all(|c| c.is_empty() || heading_role(&c.text()).is_some())
                && row.iter().any(|c| !c.is_empty())
                && numbering::token(&row.first().map(|c| c.text()).unwrap_or_default()).is_none();
            if numbers || headings {
                end += 1;
            } else {
                break;
            }
        }
        let rows: Vec<&Vec<super::table::Cell>> = t.rows[s..end]
            .iter()
            .filter(|r| !is_column_numbers(r))
            .collect();
        let mut headings = vec![String::new(); w];
        for (k, row) in rows.iter().enumerate() {
            let below = rows.get(k + 1);
            let mut left = String::new();
            for (c, cell) in row.iter().enumerate() {
                let mut text = cell.text();
                if text.is_empty() {
                    // a merged heading ("Điểm" over "Tối đa | Tự chấm")
                    // spreads over the columns under it
                    if below.is_some_and(|b| b.get(c).is_some_and(|x| !x.is_empty())) {
                        text = left.clone();
                    }
                } else {
                    left = text.clone();
                }
                if !text.is_empty() {
                    if !headings[c].is_empty() {
                        headings[c].push(' ');
                    }
                    headings[c].push_str(&text);
                }
            }
        }
        let mut roles: Vec<Role> = headings
            .iter()
            .map(|h| heading_role(h).unwrap_or(Role::Ignore))
            .collect();
        // one column per role (the first), except Ignore
        for r in [
            Role::Number,
            Role::Title,
            Role::Points,
            Role::Rule,
            Role::Evidence,
        ] {
            let mut seen = false;
            for x in roles.iter_mut().filter(|x| **x == r) {
                if seen {
                    *x = Role::Ignore;
                }
                seen = true;
            }
        }
        // no title heading but a rule one: that column holds both
        if !roles.contains(&Role::Title) {
            if let Some(r) = roles.iter_mut().find(|r| **r == Role::Rule) {
                *r = Role::Title;
            }
        }
        let mut cols = Columns {
            roles,
            header_rows: end,
            headings,
            sure: true,
        };
        if cols.find(Role::Title).is_none() {
            cols.sure = false;
        }
        return cols;
    }
    guess(t)
}

/// Without a header: the column mostly of numbers like "1.1" is the
/// number, mostly of points the points, the one with the most text the
/// title, another with much text the rule.
fn guess(t: &Table) -> Columns {
    let w = t.width();
    let mut roles = vec![Role::Ignore; w];
    let share = |c: usize, f: &dyn Fn(&str) -> bool| {
        let vals: Vec<String> = t
            .rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(|x| x.text())
            .filter(|s| !s.is_empty())
            .collect();
        if vals.is_empty() {
            0.0
        } else {
            vals.iter().filter(|v| f(v)).count() as f64 / vals.len() as f64
        }
    };
    let len = |c: usize| {
        t.rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(|x| x.text().chars().count())
            .sum::<usize>()
    };
    let number = (0..w).find(|&c| share(c, &|v| numbering::token(v).is_some()) >= 0.5);
    if let Some(n) = number {
        roles[n] = Role::Number;
    }
    let points = (0..w).find(|&c| {
        Some(c) != number && share(c, &|v| super::lines::points_cell(v).is_some()) >= 0.6
    });
    if let Some(p) = points {
        roles[p] = Role::Points;
    }
    let mut rest: Vec<usize> = (0..w)
        .filter(|&c| Some(c) != number && Some(c) != points)
        .collect();
    rest.sort_by_key(|&c| std::cmp::Reverse(len(c)));
    if let Some(&title) = rest.first() {
        roles[title] = Role::Title;
        if let Some(&rule) = rest.get(1) {
            if len(rule) * 10 >= len(title) * 3 && rule > title {
                roles[rule] = Role::Rule;
            }
        }
    }
    Columns {
        roles,
        header_rows: 0,
        headings: vec![String::new(); w],
        sure: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::formats::paste::table::from_tsv;

    #[test]
    fn headings_provinces_use() {
        let t = from_tsv("PHỤ LỤC I\nSTT\tLĩnh vực/Tiêu chí/Tiêu chí thành phần\tĐiểm tối đa\tPhương pháp chấm điểm\tTài liệu kiểm chứng\tĐiểm tự chấm\tGhi chú\n1\t2\t3\t4\t5\t6\t7\nI\tCHỈ ĐẠO\t20\n");
        let c = detect(&t);
        assert!(c.sure);
        assert_eq!(c.header_rows, 3);
        assert_eq!(
            c.roles,
            vec![
                Role::Number,
                Role::Title,
                Role::Points,
                Role::Rule,
                Role::Evidence,
                Role::Ignore,
                Role::Ignore
            ]
        );
        let t = from_tsv("TT\tNội dung\tThang điểm\tThang điểm chi tiết\n1\tA\t10\tx\n");
        assert_eq!(
            detect(&t).roles,
            vec![Role::Number, Role::Title, Role::Points, Role::Rule]
        );
        // a merged "Điểm" over two columns
        let t = from_tsv("STT\tTiêu chí\tĐiểm\t\n\t\tTối đa\tTự chấm\n1\tA\t10\t8\n");
        let c = detect(&t);
        assert_eq!(c.header_rows, 2);
        assert_eq!(
            c.roles,
            vec![Role::Number, Role::Title, Role::Points, Role::Ignore]
        );
    }

    #[test]
    fn a_title_column_that_also_holds_the_rule() {
        let t = from_tsv("STT\tLĩnh vực, tiêu chí, tiêu chí thành phần (và cách chấm điểm)\tĐiểm tối đa\n1\tA\t10\n");
        assert_eq!(
            detect(&t).roles,
            vec![Role::Number, Role::Title, Role::Points]
        );
        let t = from_tsv("STT\tNội dung và cách chấm điểm\tĐiểm tối đa\n1\tA\t10\n");
        assert_eq!(
            detect(&t).roles,
            vec![Role::Number, Role::Title, Role::Points]
        );
        // with a rule column beside it, each keeps its role
        let t = from_tsv("STT\tTiêu chí\tĐiểm tối đa\tPhương pháp chấm điểm\n1\tA\t10\tx\n");
        assert_eq!(
            detect(&t).roles,
            vec![Role::Number, Role::Title, Role::Points, Role::Rule]
        );
    }

    #[test]
    fn without_a_header_the_roles_are_guessed() {
        let t = from_tsv("I\tCHỈ ĐẠO, ĐIỀU HÀNH\t20\n1\tKế hoạch cải cách hành chính năm\t5\n1.1\tBan hành kế hoạch đúng hạn\t2\n");
        let c = detect(&t);
        assert!(!c.sure);
        assert_eq!(c.roles, vec![Role::Number, Role::Title, Role::Points]);
    }
}
