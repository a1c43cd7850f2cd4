//! How an assessment is kept in browser storage: a small versioned envelope
//! so data written by an older app is migrated, and data from a newer app
//! or damaged data is recognised and kept aside, never overwritten.

use super::json::{self, obj_out, FromJson, ToJson};
use super::paste::{Draft, Flag};
use crate::engine::model::Assessment;

/// Version of the storage envelope written by this app.
/// 0: the bare assessment object, as the first development builds stored it.
/// 1: `{ store_version, saved_by, saved_at, assessment }`.
pub const STORE_VERSION: u32 = 1;

/// Storage key prefix of assessments.
pub const KEY_PREFIX: &str = "cchc.a.";

pub fn key_of(id: &str) -> String {
    format!("{KEY_PREFIX}{id}")
}

/// Storage key prefix of the copies a tab keeps aside while saving is
/// paused (another tab saved the same assessment).
pub const ASIDE_PREFIX: &str = "cchc.aside.";

/// Where tab `tab` keeps its copy of assessment `id` aside.
pub fn aside_key(id: &str, tab: &str) -> String {
    format!("{ASIDE_PREFIX}{tab}.{id}")
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub store_version: u32,
    /// Random id of the browser tab that wrote it (two-tab detection).
    pub saved_by: String,
    /// ISO 8601 time of the write.
    pub saved_at: String,
    pub assessment: Assessment,
}

/// A stored item that could not be read: left untouched, reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not readable as any version: kept aside and reported.
    Unreadable(String),
    /// Written by a newer app: kept as it is until the app is updated.
    Newer(u32),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Unreadable(m) => write!(f, "dữ liệu lưu không đọc được ({m})"),
            DecodeError::Newer(v) => write!(
                f,
                "dữ liệu do phiên bản ứng dụng mới hơn lưu (phiên bản lưu trữ {v}); hãy cập nhật ứng dụng"
            ),
        }
    }
}

pub fn encode(a: &Assessment, saved_by: &str, saved_at: &str) -> String {
    obj_out()
        .f("store_version", &STORE_VERSION)
        .f("saved_by", saved_by)
        .f("saved_at", saved_at)
        .f("assessment", a)
        .done()
        .compact()
}

/// Reads any version this app knows, migrating older ones.
pub fn decode(text: &str) -> Result<Stored, DecodeError> {
    let unreadable = |e: json::Error| DecodeError::Unreadable(e.to_string());
    let v = json::parse(text).map_err(|e| DecodeError::Unreadable(e.to_string()))?;
    let version = match v.get("store_version") {
        None => 0,
        Some(n) => n
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| DecodeError::Unreadable("store_version".into()))?,
    };
    match version {
        0 => {
            let assessment = Assessment::from_json(&v).map_err(unreadable)?;
            Ok(Stored {
                store_version: STORE_VERSION,
                saved_by: String::new(),
                saved_at: assessment.updated.clone(),
                assessment,
            })
        }
        STORE_VERSION => {
            let mut o = json::obj(&v).map_err(unreadable)?;
            let s = Stored {
                store_version: STORE_VERSION,
                saved_by: o.opt("saved_by"),
                saved_at: o.opt("saved_at"),
                assessment: o.req("assessment"),
            };
            o.done(s).map_err(unreadable)
        }
        newer => Err(DecodeError::Newer(newer)),
    }
}

/// The framework editor's draft, as kept in the browser.
pub fn encode_draft(d: &Draft) -> String {
    d.to_json().compact()
}

/// Reads a kept draft: the current shape `{framework, flags: [{id,
/// message}]}`, or the first one `{fw, flags: [[id, message]]}`. `None`
/// when neither reads (the draft is then left in storage, not replaced,
/// until the user starts another).
pub fn decode_draft(text: &str) -> Option<Draft> {
    let v = json::parse(text).ok()?;
    if let Ok(d) = Draft::from_json(&v) {
        return Some(d);
    }
    let mut o = json::obj(&v).ok()?;
    let framework = o.req("fw");
    let pairs: Vec<Vec<String>> = o.opt("flags");
    let flags = pairs
        .into_iter()
        .filter_map(|p| match <[String; 2]>::try_from(p) {
            Ok([id, message]) => Some(Flag { id, message }),
            Err(_) => None,
        })
        .collect();
    o.done(Draft { framework, flags }).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::{FrameworkRef, Period};

    fn sample() -> Assessment {
        Assessment::new(
            "a1",
            FrameworkRef {
                id: "gia-lai-so-mau".into(),
                version: "2025.1".into(),
            },
            "Sở Tư pháp",
            2025,
            Period::Q1,
        )
    }

    #[test]
    fn round_trip() {
        let text = encode(&sample(), "tab1", "2025-03-01T08:00:00+07:00");
        let s = decode(&text).unwrap();
        assert_eq!(s.assessment, sample());
        assert_eq!(s.saved_by, "tab1");
    }

    #[test]
    fn migrates_the_bare_v0_shape() {
        let v0 = r#"{"id":"a1","framework":{"id":"gia-lai-so-mau","version":"2025.1"},
            "unit_name":"Sở Tư pháp","year":2025,"period":"q1",
            "answers":{"1.1.1":{"value":{"type":"choice","option":"a"}}},
            "updated":"2025-01-02T10:00:00+07:00"}"#;
        let s = decode(v0).unwrap();
        assert_eq!(s.store_version, STORE_VERSION);
        assert_eq!(s.assessment.unit_name, "Sở Tư pháp");
        assert_eq!(s.assessment.answers.len(), 1);
        assert_eq!(s.saved_at, "2025-01-02T10:00:00+07:00");
    }

    #[test]
    fn drafts_read_in_both_shapes() {
        let fw = crate::engine::formats::templates::built_in().remove(1);
        let d = Draft {
            framework: fw.clone(),
            flags: vec![Flag {
                id: "1.1.1".into(),
                message: "thiếu điểm tối đa".into(),
            }],
        };
        assert_eq!(decode_draft(&encode_draft(&d)), Some(d.clone()));
        let old = format!(
            r#"{{"fw":{},"flags":[["1.1.1","thiếu điểm tối đa"],["x"]]}}"#,
            fw.to_json().compact()
        );
        assert_eq!(decode_draft(&old), Some(d));
        assert_eq!(decode_draft("{}"), None);
        assert_eq!(decode_draft("not json"), None);
    }

    #[test]
    fn newer_and_damaged_are_told_apart() {
        assert_eq!(
            decode(r#"{"store_version": 9, "assessment": {}}"#),
            Err(DecodeError::Newer(9))
        );
        assert!(matches!(
            decode("{not json"),
            Err(DecodeError::Unreadable(_))
        ));
        assert!(matches!(
            decode(r#"{"store_version": 1}"#),
            Err(DecodeError::Unreadable(_))
        ));
        assert!(matches!(
            decode(r#"{"store_version": "x"}"#),
            Err(DecodeError::Unreadable(_))
        ));
        assert!(matches!(decode("null"), Err(DecodeError::Unreadable(_))));
    }
}
