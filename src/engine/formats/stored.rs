//! How an assessment is kept in browser storage: a small versioned envelope
//! so data written by an older app is migrated, and data from a newer app
//! or damaged data is recognised and kept aside, never overwritten.

use super::json::{self, obj_out, FromJson, ToJson};
#[cfg(test)]
use super::paste::Source;
use super::paste::{Draft, Flag, Pending};
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

/// Storage key prefix of frameworks loaded from files.
pub const FRAMEWORK_PREFIX: &str = "cchc.fw.";

/// Where a framework is kept: `cchc.fw.<id>@<version>`, each part with
/// every byte outside `A-Z a-z 0-9 . -` written `%XX`, so no two
/// (id, version) pairs share a key ("trung@1" + "2" and "trung" + "1@2"
/// do not). Ids that fit the id pattern keep the key older apps wrote.
pub fn framework_key(id: &str, version: &str) -> String {
    fn enc(out: &mut String, s: &str) {
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    let mut k = String::from(FRAMEWORK_PREFIX);
    enc(&mut k, id);
    k.push('@');
    enc(&mut k, version);
    k
}

/// Keys to move: a framework read from `key` that belongs under another
/// (written by an app that did not encode ids), as `(from, to)`, unless
/// something else is already kept at `to`.
pub fn framework_rekeys(kept: &[(String, (String, String))]) -> Vec<(String, String)> {
    let used: std::collections::BTreeSet<&str> = kept.iter().map(|(k, _)| k.as_str()).collect();
    kept.iter()
        .filter_map(|(key, (id, version))| {
            let to = framework_key(id, version);
            (to != *key && !used.contains(to.as_str())).then(|| (key.clone(), to))
        })
        .collect()
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

/// The table being mapped in the editor, as kept.
pub fn encode_pending(p: &Pending) -> String {
    p.to_json().compact()
}

/// A kept table being mapped; `None` when it does not read.
pub fn decode_pending(text: &str) -> Option<Pending> {
    Pending::from_json(&json::parse(text).ok()?).ok()
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
    o.done(Draft {
        framework,
        flags,
        sources: vec![],
    })
    .ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn framework_keys_never_collide() {
        use super::framework_key as k;
        assert_eq!(
            k("gia-lai-so-mau", "2025.1"),
            "cchc.fw.gia-lai-so-mau@2025.1"
        );
        let pairs = [
            (("trung@1", "2"), ("trung", "1@2")),
            (("a%40b", "1"), ("a@b", "1")),
            (("x@1@2/../3", "1"), ("x@1@2/..", "3")),
            (("", "@"), ("@", "")),
            (("đ", "1"), ("%C4%91", "1")),
        ];
        for ((a, b), (c, d)) in pairs {
            assert_ne!(k(a, b), k(c, d), "{a}@{b} vs {c}@{d}");
        }
        assert_eq!(k("trung@1", "2"), "cchc.fw.trung%401@2");
    }

    #[test]
    fn frameworks_kept_under_old_keys_move_unless_the_place_is_taken() {
        let kept = vec![
            (
                "cchc.fw.trung@1@2".to_string(),
                ("trung".to_string(), "1@2".to_string()),
            ),
            (
                "cchc.fw.a@1".to_string(),
                ("a".to_string(), "1".to_string()),
            ),
            (
                "cchc.fw.b/c@1".to_string(),
                ("b/c".to_string(), "1".to_string()),
            ),
            (
                "cchc.fw.b%2Fc@1".to_string(),
                ("x".to_string(), "1".to_string()),
            ),
        ];
        assert_eq!(
            super::framework_rekeys(&kept),
            vec![
                (
                    "cchc.fw.trung@1@2".to_string(),
                    "cchc.fw.trung@1%402".to_string()
                ),
                ("cchc.fw.b%2Fc@1".to_string(), "cchc.fw.x@1".to_string()),
            ]
        );
    }

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
            sources: vec![Source {
                id: "1.1.1".into(),
                text: "1.1.1 | Ban hành | 1".into(),
            }],
        };
        assert_eq!(decode_draft(&encode_draft(&d)), Some(d.clone()));
        let old = format!(
            r#"{{"fw":{},"flags":[["1.1.1","thiếu điểm tối đa"],["x"]]}}"#,
            fw.to_json().compact()
        );
        // the older shape had no sources
        assert_eq!(
            decode_draft(&old),
            Some(Draft {
                sources: vec![],
                ..d
            })
        );
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
