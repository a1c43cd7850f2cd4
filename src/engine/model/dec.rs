//! `Dec2`: an exact decimal with two places, stored as integer hundredths.
//!
//! Official tables give points such as `0,25` or `1,5` and indices such as
//! `91,39`. Floats would drift when dozens of items are summed, so every
//! point, bound and percentage in the engine is a whole number of hundredths.

use std::fmt;

/// The minus sign shown on screen and in print.
const MINUS: &str = "\u{2212}";
use std::ops::{Add, AddAssign, Sub};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dec2(pub i64);

impl Dec2 {
    pub const ZERO: Dec2 = Dec2(0);
    pub const HUNDRED: Dec2 = Dec2(10_000);

    /// A whole number of units (`Dec2::from_int(5)` is 5,00).
    pub const fn from_int(v: i64) -> Self {
        Dec2(v * 100)
    }

    pub const fn hundredths(self) -> i64 {
        self.0
    }

    /// Parses a decimal written with `.` or `,` (`"0,75"`, `"12.5"`, `"3"`).
    /// More than two decimal places is refused rather than rounded.
    pub fn parse(text: &str) -> Option<Dec2> {
        let t = text.trim().replace(',', ".");
        let (neg, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest.to_string()),
            None => (false, t),
        };
        let (int_part, frac_part) = match t.split_once('.') {
            Some((i, f)) => (i.to_string(), f.to_string()),
            None => (t.clone(), String::new()),
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return None;
        }
        if !int_part.chars().all(|c| c.is_ascii_digit())
            || !frac_part.chars().all(|c| c.is_ascii_digit())
            || frac_part.len() > 2
            || int_part.len() > 12
        {
            return None;
        }
        let i: i64 = if int_part.is_empty() {
            0
        } else {
            int_part.parse().ok()?
        };
        let mut f: i64 = if frac_part.is_empty() {
            0
        } else {
            frac_part.parse().ok()?
        };
        if frac_part.len() == 1 {
            f *= 10;
        }
        let v = i * 100 + f;
        Some(Dec2(if neg { -v } else { v }))
    }

    /// From a JSON number; `None` unless it has at most two decimals.
    pub fn from_f64(v: f64) -> Option<Dec2> {
        if !v.is_finite() || v.abs() > 1e12 {
            return None;
        }
        let scaled = v * 100.0;
        let r = scaled.round();
        if (scaled - r).abs() > 1e-6 {
            return None;
        }
        Some(Dec2(r as i64))
    }

    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// Vietnamese style, trailing zeros dropped: `0,5`, `1,25`, `2`,
    /// `−1,5` (with the minus sign U+2212, as everywhere on screen).
    pub fn to_vi(self) -> String {
        let s = self.to_fixed(',', MINUS);
        if s.contains(',') {
            s.trim_end_matches('0').trim_end_matches(',').to_string()
        } else {
            s
        }
    }

    /// Vietnamese style, always two decimals: `91,39`, `80,00`.
    pub fn to_vi_fixed(self) -> String {
        self.to_fixed(',', MINUS)
    }

    /// A change, always signed except zero: `+2,85`, `−1`, `0`.
    pub fn to_vi_signed(self) -> String {
        if self.0 > 0 {
            format!("+{}", self.to_vi())
        } else {
            self.to_vi()
        }
    }

    /// Machine style with `.` and trailing zeros dropped (`0.5`, `2`), as
    /// written in workbooks and form fields.
    pub fn to_plain(self) -> String {
        let s = self.to_fixed('.', "-");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }

    /// Machine style, always two decimals: `96.50`, `-1.00` (CSV files).
    pub fn to_fixed2(self) -> String {
        self.to_fixed('.', "-")
    }

    fn to_fixed(self, sep: char, minus: &str) -> String {
        let sign = if self.0 < 0 { minus } else { "" };
        let a = self.0.unsigned_abs();
        format!("{sign}{}{sep}{:02}", a / 100, a % 100)
    }

    /// `self × num / den`, rounded half up to hundredths. `den` must be > 0.
    pub fn mul_ratio(self, num: u64, den: u64) -> Dec2 {
        let n = self.0 as i128 * num as i128;
        let d = den as i128;
        Dec2(((2 * n + d) / (2 * d)) as i64)
    }

    /// `self / total × 100` as a percentage in hundredths, half up.
    /// Zero when `total` is not positive.
    pub fn percent_of(self, total: Dec2) -> Dec2 {
        if total.0 <= 0 {
            return Dec2::ZERO;
        }
        let n = self.0 as i128 * 10_000;
        let d = total.0 as i128;
        let q = if n >= 0 {
            (2 * n + d) / (2 * d)
        } else {
            -((2 * -n + d) / (2 * d))
        };
        Dec2(q as i64)
    }

    pub fn clamp_to(self, lo: Dec2, hi: Dec2) -> Dec2 {
        Dec2(self.0.clamp(lo.0, hi.0))
    }
}

impl Add for Dec2 {
    type Output = Dec2;
    fn add(self, o: Dec2) -> Dec2 {
        Dec2(self.0 + o.0)
    }
}
impl AddAssign for Dec2 {
    fn add_assign(&mut self, o: Dec2) {
        self.0 += o.0;
    }
}
impl Sub for Dec2 {
    type Output = Dec2;
    fn sub(self, o: Dec2) -> Dec2 {
        Dec2(self.0 - o.0)
    }
}
impl std::iter::Sum for Dec2 {
    fn sum<I: Iterator<Item = Dec2>>(iter: I) -> Dec2 {
        Dec2(iter.map(|d| d.0).sum())
    }
}

impl fmt::Display for Dec2 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_vi())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_vietnamese_and_plain_decimals() {
        assert_eq!(Dec2::parse("0,75"), Some(Dec2(75)));
        assert_eq!(Dec2::parse("12.5"), Some(Dec2(1250)));
        assert_eq!(Dec2::parse(" 3 "), Some(Dec2(300)));
        assert_eq!(Dec2::parse(",5"), Some(Dec2(50)));
        assert_eq!(Dec2::parse("-1,5"), Some(Dec2(-150)));
        assert_eq!(Dec2::parse("1,255"), None);
        assert_eq!(Dec2::parse("abc"), None);
        assert_eq!(Dec2::parse(""), None);
        assert_eq!(Dec2::parse("1e3"), None);
        assert_eq!(Dec2::parse("9999999999999999999"), None);
    }

    #[test]
    fn formats_in_vietnamese_style() {
        assert_eq!(Dec2(9139).to_vi_fixed(), "91,39");
        assert_eq!(Dec2(50).to_vi(), "0,5");
        assert_eq!(Dec2(200).to_vi(), "2");
        assert_eq!(Dec2(125).to_vi(), "1,25");
        assert_eq!(Dec2(-150).to_vi(), "−1,5");
        assert_eq!(Dec2(-150).to_plain(), "-1.5");
        assert_eq!(Dec2(285).to_vi_signed(), "+2,85");
        assert_eq!(Dec2(-100).to_vi_signed(), "−1");
        assert_eq!(Dec2(0).to_vi_signed(), "0");
        assert_eq!(Dec2(8000).to_vi_fixed(), "80,00");
        assert_eq!(Dec2(50).to_plain(), "0.5");
        assert_eq!(Dec2(0).to_plain(), "0");
    }

    #[test]
    fn exact_ratio_arithmetic_rounds_half_up() {
        // 1,5 × 2/3 = 1,00 exactly
        assert_eq!(Dec2(150).mul_ratio(2, 3), Dec2(100));
        // 2 × 1/3 = 0,666… → 0,67
        assert_eq!(Dec2(200).mul_ratio(1, 3), Dec2(67));
        // 1,5 × 1/8 = 0,1875 → 0,19
        assert_eq!(Dec2(150).mul_ratio(1, 8), Dec2(19));
        assert_eq!(Dec2(150).mul_ratio(0, 8), Dec2(0));
        assert_eq!(Dec2(7000).percent_of(Dec2(7500)), Dec2(9333));
        assert_eq!(Dec2(1).percent_of(Dec2(0)), Dec2(0));
        assert_eq!(Dec2(-1).percent_of(Dec2(3)), Dec2(-3333));
    }
}
