//! What a user types, read as the rules need it: pure logic, no browser.

/// A typed number that is not a whole non-negative number.
#[derive(Debug, PartialEq, Eq)]
pub struct NotACount;

/// Parses a whole non-negative number as typed (spaces and dots as
/// thousands separators are allowed: "1.234" → 1234). Empty is `None`.
pub fn parse_count(text: &str) -> Result<Option<u64>, NotACount> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if t.is_empty() {
        return Ok(None);
    }
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return Err(NotACount);
    }
    t.parse::<u64>().map(Some).map_err(|_| NotACount)
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
}
