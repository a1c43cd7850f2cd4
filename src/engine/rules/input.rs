//! What a user types, read as the rules need it: pure logic, no browser.

use crate::engine::model::{Dec2, Value};

/// A typed number that is not a whole non-negative number.
#[derive(Debug, PartialEq, Eq)]
pub struct NotACount;

/// Parses a whole non-negative number as typed (spaces and dots as
/// thousands separators are allowed: "1.234" → 1234). Empty is `None`.
pub fn parse_count(text: &str) -> Result<Option<u64>, NotACount> {
    let t = ungrouped(text);
    if t.is_empty() {
        return Ok(None);
    }
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(NotACount);
    }
    t.parse::<u64>().map(Some).map_err(|_| NotACount)
}

/// An amount as typed in Vietnamese style: "." groups thousands, ","
/// marks decimals ("1.234,5" → 1234,50), at most two decimals, not
/// negative. Empty is `None`.
pub fn parse_amount(text: &str) -> Result<Option<Dec2>, NotACount> {
    let t = ungrouped(text);
    if t.is_empty() {
        return Ok(None);
    }
    if t.starts_with('-') || t.starts_with('+') {
        return Err(NotACount);
    }
    Dec2::parse(&t).map(Some).ok_or(NotACount)
}

/// `text` without spaces and the dots that group thousands.
fn ungrouped(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect()
}

/// Numerator and denominator as typed: whole numbers give a
/// [`Value::Ratio`]; either with a decimal comma gives [`Value::Amounts`].
pub fn parse_ratio(num: &str, den: &str) -> Result<Option<Value>, RatioInput> {
    match (parse_count(num), parse_count(den)) {
        (Ok(Some(numerator)), Ok(Some(denominator))) => {
            return Ok(Some(Value::Ratio {
                numerator,
                denominator,
            }))
        }
        (Ok(None), Ok(None)) => return Ok(None),
        (Ok(_), Ok(_)) => return Err(RatioInput::OneMissing),
        _ => {}
    }
    match (parse_amount(num), parse_amount(den)) {
        (Ok(Some(numerator)), Ok(Some(denominator))) => Ok(Some(Value::Amounts {
            numerator,
            denominator,
        })),
        (Ok(_), Ok(_)) => Err(RatioInput::OneMissing),
        _ => Err(RatioInput::NotANumber),
    }
}

/// Whether `s` is a date the app keeps: empty, or `yyyy-mm-dd` of a real
/// day between 1900 and 2100 (a date input lets "12025-01-01" through).
pub fn date_ok(s: &str) -> bool {
    if s.is_empty() {
        return true;
    }
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2100).contains(&y) && (1..=days).contains(&d)
}

/// Why typed figures are not a ratio yet.
#[derive(Debug, PartialEq, Eq)]
pub enum RatioInput {
    OneMissing,
    NotANumber,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_as_typed() {
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_count(" 12 "), Ok(Some(12)));
        assert_eq!(parse_count("1.234"), Ok(Some(1234)));
        assert_eq!(parse_count("1 234"), Ok(Some(1234)));
        assert_eq!(parse_count("-3"), Err(NotACount));
        assert_eq!(parse_count("1,5"), Err(NotACount));
        assert_eq!(parse_count("abc"), Err(NotACount));
        assert_eq!(parse_count("99999999999999999999999"), Err(NotACount));
    }

    #[test]
    fn amounts_and_ratios_as_typed() {
        assert_eq!(parse_amount("1.234,5"), Ok(Some(Dec2(123_450))));
        assert_eq!(parse_amount("2.000"), Ok(Some(Dec2(200_000))));
        assert_eq!(parse_amount("0,75"), Ok(Some(Dec2(75))));
        assert_eq!(parse_amount(""), Ok(None));
        assert_eq!(parse_amount("-1"), Err(NotACount));
        assert_eq!(parse_amount("1,234"), Err(NotACount));
        assert_eq!(
            parse_ratio("14", "18"),
            Ok(Some(Value::Ratio {
                numerator: 14,
                denominator: 18
            }))
        );
        assert_eq!(
            parse_ratio("1.234,5", "2.000"),
            Ok(Some(Value::Amounts {
                numerator: Dec2(123_450),
                denominator: Dec2(200_000)
            }))
        );
        assert_eq!(parse_ratio("", ""), Ok(None));
        assert_eq!(parse_ratio("3", ""), Err(RatioInput::OneMissing));
        assert_eq!(parse_ratio("1,5", ""), Err(RatioInput::OneMissing));
        assert_eq!(parse_ratio("abc", "3"), Err(RatioInput::NotANumber));
    }

    #[test]
    fn dates_a_person_means() {
        assert!(date_ok(""));
        assert!(date_ok("2025-03-10"));
        assert!(date_ok("2024-02-29"));
        assert!(!date_ok("2025-02-29"));
        assert!(!date_ok("12025-01-01"));
        assert!(!date_ok("1899-12-31"));
        assert!(!date_ok("2025-13-01"));
        assert!(!date_ok("hôm qua"));
    }
}
