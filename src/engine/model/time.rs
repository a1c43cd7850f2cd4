//! Time in Vietnam (UTC+07:00, no daylight saving) from epoch milliseconds:
//! files carry ISO 8601 with `+07:00`, the UI shows dd/mm/yyyy and hh:mm:ss.

const OFFSET_MS: i64 = 7 * 3600 * 1000;

/// (year, month, day, hour, minute, second) in UTC+7.
pub fn parts(epoch_ms: i64) -> (i64, u32, u32, u32, u32, u32) {
    let ms = epoch_ms + OFFSET_MS;
    let days = ms.div_euclid(86_400_000);
    let secs = ms.rem_euclid(86_400_000) / 1000;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        y,
        m,
        d,
        (secs / 3600) as u32,
        (secs / 60 % 60) as u32,
        (secs % 60) as u32,
    )
}

pub fn iso(epoch_ms: i64) -> String {
    let (y, mo, d, h, mi, s) = parts(epoch_ms);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}+07:00")
}

pub fn clock_vi(epoch_ms: i64) -> String {
    let (_, _, _, h, mi, s) = parts(epoch_ms);
    format!("{h:02}:{mi:02}:{s:02}")
}

/// `2025-03-14` or `2025-03-14T…` → `14/03/2025`; anything else unchanged.
pub fn date_vi(iso: &str) -> String {
    match (
        iso.get(0..4),
        iso.get(4..5),
        iso.get(5..7),
        iso.get(7..8),
        iso.get(8..10),
    ) {
        (Some(y), Some("-"), Some(m), Some("-"), Some(d)) => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

/// `2025-03-14T08:05…` → `08:05 14/03/2025`; a bare date as `date_vi`.
pub fn datetime_vi(iso: &str) -> String {
    match (iso.get(10..11), iso.get(11..16)) {
        (Some("T"), Some(hm)) => format!("{hm} {}", date_vi(iso)),
        _ => date_vi(iso),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_vietnam_time() {
        assert_eq!(iso(0), "1970-01-01T07:00:00+07:00");
        // 2026-11-26T14:04:40Z
        assert_eq!(iso(1_795_701_880_000), "2026-11-26T21:04:40+07:00");
        assert_eq!(clock_vi(1_795_701_880_000), "21:04:40");
        // 2024-02-29T20:00:00Z is 1 March 03:00 in Vietnam
        assert_eq!(iso(1_709_236_800_000), "2024-03-01T03:00:00+07:00");
        assert_eq!(date_vi("2025-03-14"), "14/03/2025");
        assert_eq!(date_vi("2025-03-14T10:00:00+07:00"), "14/03/2025");
        assert_eq!(date_vi("hôm qua"), "hôm qua");
        assert_eq!(date_vi("ắắắắắắ"), "ắắắắắắ");
        assert_eq!(datetime_vi("2025-03-14T08:05:09+07:00"), "08:05 14/03/2025");
        assert_eq!(datetime_vi("2025-03-14"), "14/03/2025");
        assert_eq!(datetime_vi("2025-03-14Tắắ"), "14/03/2025");
    }
}
