//! The numbers in a table's first column ("I", "1", "1.1", "a)", "-"),
//! their styles, and the level each style stands for. Styles take levels
//! in the order a table first uses them, so "I / 1 / a)", "1 / 1.1 /
//! 1.1.1" and "A / 1 / -" all read as fields / criteria / sub-criteria.

/// How an item is numbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// "Lĩnh vực 1", "LĨNH VỰC II": always a field.
    FieldWord,
    /// I, II, … XX.
    Roman,
    /// A, B, C (a single capital).
    Upper,
    /// 1 / 1.1 / 1.1.1: the number of parts.
    Digits(usize),
    /// a), b.
    Lower,
    /// (1), 1)
    Paren,
    /// -, +, •, *
    Dash,
}

impl Style {
    /// Styles that may number rule lines as well as items.
    pub fn weak(self) -> bool {
        matches!(self, Style::Lower | Style::Paren | Style::Dash)
    }
}

/// One item's number: its style and its value at the last level (I → 1,
/// b → 2, 1.2.3 → 3; 0 for dashes), and all parts for dotted numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub style: Style,
    pub value: u32,
    pub parts: Vec<u32>,
    /// As written.
    pub text: String,
}

fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 6 || !s.chars().all(|c| "IVXL".contains(c)) {
        return None;
    }
    let v = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        _ => 50,
    };
    let cs: Vec<u32> = s.chars().map(v).collect();
    let mut total = 0i64;
    for (i, &c) in cs.iter().enumerate() {
        if cs.get(i + 1).is_some_and(|&n| n > c) {
            total -= c as i64;
        } else {
            total += c as i64;
        }
    }
    let n = u32::try_from(total).ok().filter(|n| *n > 0 && *n <= 60)?;
    // canonical spelling only ("IIII" is not a number here)
    (roman(n) == s).then_some(n)
}

/// `v` in Roman numerals ("IX", "XIV"); also Word's upperRoman list numbers.
pub fn roman(mut v: u32) -> String {
    const R: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (n, r) in R {
        while v >= n {
            s.push_str(r);
            v -= n;
        }
    }
    s
}

/// Reads a number cell ("1.1.", "II", "a)", "-", "Lĩnh vực 3").
pub fn token(cell: &str) -> Option<Token> {
    let t = cell.trim();
    if t.is_empty() || t.chars().count() > 20 {
        return None;
    }
    let lower = crate::engine::formats::paste::lower_vi(t);
    if let Some(rest) = lower.strip_prefix("lĩnh vực") {
        let r = rest.trim().trim_end_matches([':', '.', ')']).trim();
        let value = r
            .parse::<u32>()
            .ok()
            .or_else(|| roman_value(&r.to_ascii_uppercase()))?;
        return Some(Token {
            style: Style::FieldWord,
            value,
            parts: vec![value],
            text: t.to_string(),
        });
    }
    if matches!(t, "-" | "–" | "—" | "+" | "•" | "*" | "·" | "−") {
        return Some(Token {
            style: Style::Dash,
            value: 0,
            parts: vec![],
            text: t.to_string(),
        });
    }
    if let Some(inner) = t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        let v = inner.trim().parse::<u32>().ok()?;
        return Some(Token {
            style: Style::Paren,
            value: v,
            parts: vec![v],
            text: t.to_string(),
        });
    }
    let closed_paren = t.ends_with(')');
    let bare = t.trim_end_matches([')', '.', '/']).trim();
    if bare.is_empty() {
        return None;
    }
    if bare.chars().all(|c| c.is_ascii_digit() || c == '.') {
        let parts: Option<Vec<u32>> = bare.split('.').map(|p| p.parse::<u32>().ok()).collect();
        let parts = parts?;
        if parts.is_empty() || parts.len() > 4 {
            return None;
        }
        return Some(Token {
            style: if closed_paren && parts.len() == 1 {
                Style::Paren
            } else {
                Style::Digits(parts.len())
            },
            value: *parts.last()?,
            parts,
            text: t.to_string(),
        });
    }
    if let Some(v) = roman_value(bare) {
        return Some(Token {
            style: Style::Roman,
            value: v,
            parts: vec![v],
            text: t.to_string(),
        });
    }
    let mut cs = bare.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        if c.is_ascii_uppercase() {
            let v = c as u32 - 'A' as u32 + 1;
            return Some(Token {
                style: Style::Upper,
                value: v,
                parts: vec![v],
                text: t.to_string(),
            });
        }
        if c.is_ascii_lowercase() || c == 'đ' {
            let v = if c == 'đ' {
                5
            } else {
                c as u32 - 'a' as u32 + 1
            };
            return Some(Token {
                style: Style::Lower,
                value: v,
                parts: vec![v],
                text: t.to_string(),
            });
        }
    }
    None
}

/// A number at the start of a title ("1.1. Kế hoạch", "II. CẢI CÁCH",
/// "a) Ban hành", "- Không có"), and the title without it. A bare "4" or
/// "I" must be followed by "." or ")" ("4 báo cáo" is text).
pub fn leading(text: &str) -> Option<(Token, String)> {
    let t = text.trim_start();
    let lower = crate::engine::formats::paste::lower_vi(t);
    if lower.starts_with("lĩnh vực") {
        // "Lĩnh vực 1: Cải cách thể chế" / "LĨNH VỰC I. …"
        let after: String = t.chars().skip("lĩnh vực".chars().count()).collect();
        let after = after.trim_start();
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric()))
            .unwrap_or(after.len());
        let tok = token(&format!("Lĩnh vực {}", &after[..end]))?;
        let rest = after[end..].trim_start_matches([':', '.', ')', '-', '–', ' ']);
        return Some((tok, rest.trim().to_string()));
    }
    let first = t.chars().next()?;
    if matches!(first, '-' | '–' | '—' | '+' | '•' | '*' | '−') {
        let rest: String = t.chars().skip(1).collect();
        // "-5%" or "+1" is a number, not a dash
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        return Some((token(&first.to_string())?, rest.trim().to_string()));
    }
    let end = t.find(char::is_whitespace)?;
    let head = &t[..end];
    let tok = token(head)?;
    let punct = head.ends_with(['.', ')']);
    let ok = match tok.style {
        Style::Digits(n) => n > 1 || punct,
        Style::Roman | Style::Upper | Style::Lower => punct,
        Style::Paren => true,
        _ => false,
    };
    let rest = t[end..].trim();
    if !ok || rest.is_empty() {
        return None;
    }
    // "1.5 điểm", "2. 000" are not numbers of items
    if rest.starts_with("điểm") || rest.starts_with('%') {
        return None;
    }
    Some((tok, rest.to_string()))
}

/// Levels by first use. Every number is observed first (a deeper dotted
/// number met late still goes right under the shorter one), then each
/// style's level is looked up.
#[derive(Default)]
pub struct Levels {
    order: Vec<Style>,
}

impl Levels {
    pub fn observe(&mut self, s: Style) {
        if self.order.contains(&s) {
            return;
        }
        if s == Style::FieldWord {
            self.order.insert(0, s);
            return;
        }
        // dotted numbers: one more part is one level deeper than the
        // shorter one, wherever that sits
        if let Style::Digits(n) = s {
            if let Some(i) = self.order.iter().position(|x| *x == Style::Digits(n - 1)) {
                self.order.insert(i + 1, s);
                return;
            }
        }
        self.order.push(s);
    }

    pub fn level(&self, s: Style) -> usize {
        self.order
            .iter()
            .position(|x| *x == s)
            .unwrap_or(self.order.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_written() {
        let st = |s: &str| token(s).map(|t| (t.style, t.value));
        assert_eq!(st("II"), Some((Style::Roman, 2)));
        assert_eq!(st("IX."), Some((Style::Roman, 9)));
        assert_eq!(st("IIII"), None);
        assert_eq!(st("1.2.3"), Some((Style::Digits(3), 3)));
        assert_eq!(st("2."), Some((Style::Digits(1), 2)));
        assert_eq!(st("b)"), Some((Style::Lower, 2)));
        assert_eq!(st("1)"), Some((Style::Paren, 1)));
        assert_eq!(st("(3)"), Some((Style::Paren, 3)));
        assert_eq!(st("B"), Some((Style::Upper, 2)));
        assert_eq!(st("-"), Some((Style::Dash, 0)));
        assert_eq!(st("Lĩnh vực 3"), Some((Style::FieldWord, 3)));
        assert_eq!(st("LĨNH VỰC IV"), Some((Style::FieldWord, 4)));
        assert_eq!(st("STT"), None);
        assert_eq!(st("Tổng"), None);
    }

    #[test]
    fn numbers_at_the_start_of_titles() {
        let l = |s: &str| leading(s).map(|(t, r)| (t.text, r));
        assert_eq!(
            l("1.1. Kế hoạch CCHC"),
            Some(("1.1.".into(), "Kế hoạch CCHC".into()))
        );
        assert_eq!(
            l("II. CẢI CÁCH THỂ CHẾ"),
            Some(("II.".into(), "CẢI CÁCH THỂ CHẾ".into()))
        );
        assert_eq!(l("a) Ban hành"), Some(("a)".into(), "Ban hành".into())));
        assert_eq!(
            l("- Không có kế hoạch: 0 điểm"),
            Some(("-".into(), "Không có kế hoạch: 0 điểm".into()))
        );
        assert_eq!(
            l("Lĩnh vực 2: Cải cách thể chế").map(|x| x.1),
            Some("Cải cách thể chế".into())
        );
        assert_eq!(l("4 báo cáo: 1 điểm"), None);
        assert_eq!(l("100% hồ sơ"), None);
        assert_eq!(l("-5% so với"), None);
        assert_eq!(l("Đạt 100%"), None);
    }

    #[test]
    fn levels_by_first_use() {
        let levels = |styles: &[Style]| {
            let mut l = Levels::default();
            for s in styles {
                l.observe(*s);
            }
            styles.iter().map(|s| l.level(*s)).collect::<Vec<_>>()
        };
        use Style::*;
        assert_eq!(levels(&[Roman, Digits(1), Lower, Roman]), vec![0, 1, 2, 0]);
        assert_eq!(
            levels(&[Digits(1), Digits(2), Dash, Digits(3)]),
            vec![0, 1, 3, 2]
        );
        assert_eq!(levels(&[Roman, Digits(2), Digits(3)]), vec![0, 1, 2]);
        assert_eq!(levels(&[FieldWord, Digits(1), Digits(2)]), vec![0, 1, 2]);
        assert_eq!(levels(&[Digits(1), FieldWord]), vec![1, 0]);
    }
}
