//! Hash routes, so links, back/forward and reloads work from a static
//! `dist/` with no server rewrite rules.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/`: saved assessments.
    Start,
    /// `#/moi`: new assessment.
    New,
    /// `#/so-noi-vu`: Sở Nội vụ's desk (many units' files).
    Desk,
    /// `#/bo-tieu-chi`: frameworks and the framework editor.
    Frameworks,
    /// `#/so-noi-vu/tham-dinh/<revision checksum>`: appraising one unit.
    DeskAppraise {
        sha: String,
    },
    /// `#/so-noi-vu/ket-qua`: the official results, or
    /// `#/so-noi-vu/ket-qua/<revision checksum>`: one unit's scoring table.
    DeskOfficial {
        sha: Option<String>,
    },
    /// `#/a/<id>`, `#/a/<id>/tieu-chi/<criterion>` or
    /// `#/a/<id>/tieu-chi/<criterion>/<sub-criterion>` (focused).
    Checklist {
        id: String,
        criterion: Option<String>,
        sub: Option<String>,
    },
    /// `#/a/<id>/thong-tin`: unit, period, contact, exclusions, bonus.
    Info {
        id: String,
    },
    /// `#/a/<id>/tong-hop`: per-field table, chart, losses.
    Summary {
        id: String,
    },
    /// `#/a/<id>/so-sanh`: compare with an earlier period.
    Compare {
        id: String,
    },
    /// `#/a/<id>/bien-phap` or `#/a/<id>/bien-phap/<action>` (focused).
    Actions {
        id: String,
        focus: Option<String>,
    },
    /// `#/a/<id>/ke-hoach`: the annual PAR plan.
    Plan {
        id: String,
    },
    /// `#/a/<id>/bao-cao`: the printable report.
    Report {
        id: String,
    },
    /// `#/a/<id>/tham-dinh`: submitting, the appraisal received, explaining.
    Appraisal {
        id: String,
    },
    NotFound,
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let dec = |s: &str| decode(s);
        match parts.as_slice() {
            [] => Route::Start,
            ["moi"] => Route::New,
            ["so-noi-vu"] => Route::Desk,
            ["so-noi-vu", "tham-dinh", sha] => Route::DeskAppraise { sha: dec(sha) },
            ["so-noi-vu", "ket-qua"] => Route::DeskOfficial { sha: None },
            ["so-noi-vu", "ket-qua", sha] => Route::DeskOfficial {
                sha: Some(dec(sha)),
            },
            ["bo-tieu-chi"] => Route::Frameworks,
            ["a", id] => Route::Checklist {
                id: dec(id),
                criterion: None,
                sub: None,
            },
            ["a", id, "tieu-chi", c] => Route::Checklist {
                id: dec(id),
                criterion: Some(dec(c)),
                sub: None,
            },
            ["a", id, "tieu-chi", c, sub] => Route::Checklist {
                id: dec(id),
                criterion: Some(dec(c)),
                sub: Some(dec(sub)),
            },
            ["a", id, "thong-tin"] => Route::Info { id: dec(id) },
            ["a", id, "tong-hop"] => Route::Summary { id: dec(id) },
            ["a", id, "so-sanh"] => Route::Compare { id: dec(id) },
            ["a", id, "bien-phap"] => Route::Actions {
                id: dec(id),
                focus: None,
            },
            ["a", id, "bien-phap", f] => Route::Actions {
                id: dec(id),
                focus: Some(dec(f)),
            },
            ["a", id, "ke-hoach"] => Route::Plan { id: dec(id) },
            ["a", id, "bao-cao"] => Route::Report { id: dec(id) },
            ["a", id, "tham-dinh"] => Route::Appraisal { id: dec(id) },
            _ => Route::NotFound,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Start | Route::NotFound => "#/".into(),
            Route::New => "#/moi".into(),
            Route::Desk => "#/so-noi-vu".into(),
            Route::Frameworks => "#/bo-tieu-chi".into(),
            Route::DeskAppraise { sha } => format!("#/so-noi-vu/tham-dinh/{}", encode(sha)),
            Route::DeskOfficial { sha: None } => "#/so-noi-vu/ket-qua".into(),
            Route::DeskOfficial { sha: Some(s) } => format!("#/so-noi-vu/ket-qua/{}", encode(s)),
            Route::Checklist {
                id,
                criterion: None,
                ..
            } => format!("#/a/{}", encode(id)),
            Route::Checklist {
                id,
                criterion: Some(c),
                sub: None,
            } => format!("#/a/{}/tieu-chi/{}", encode(id), encode(c)),
            Route::Checklist {
                id,
                criterion: Some(c),
                sub: Some(sub),
            } => format!("#/a/{}/tieu-chi/{}/{}", encode(id), encode(c), encode(sub)),
            Route::Info { id } => format!("#/a/{}/thong-tin", encode(id)),
            Route::Summary { id } => format!("#/a/{}/tong-hop", encode(id)),
            Route::Compare { id } => format!("#/a/{}/so-sanh", encode(id)),
            Route::Actions { id, focus: None } => format!("#/a/{}/bien-phap", encode(id)),
            Route::Actions { id, focus: Some(f) } => {
                format!("#/a/{}/bien-phap/{}", encode(id), encode(f))
            }
            Route::Plan { id } => format!("#/a/{}/ke-hoach", encode(id)),
            Route::Report { id } => format!("#/a/{}/bao-cao", encode(id)),
            Route::Appraisal { id } => format!("#/a/{}/tham-dinh", encode(id)),
        }
    }

    /// The assessment this route shows, if any.
    pub fn assessment_id(&self) -> Option<&str> {
        match self {
            Route::Checklist { id, .. }
            | Route::Info { id }
            | Route::Summary { id }
            | Route::Compare { id }
            | Route::Actions { id, .. }
            | Route::Plan { id }
            | Route::Report { id }
            | Route::Appraisal { id } => Some(id),
            _ => None,
        }
    }
}

/// Ids are `[A-Za-z0-9.-]`; anything else is percent-encoded.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_every_route() {
        let routes = [
            Route::Start,
            Route::New,
            Route::Desk,
            Route::Frameworks,
            Route::DeskAppraise { sha: "ab12".into() },
            Route::Checklist {
                id: "a1".into(),
                criterion: None,
                sub: None,
            },
            Route::Checklist {
                id: "a1".into(),
                criterion: Some("3.4".into()),
                sub: None,
            },
            Route::Checklist {
                id: "a1".into(),
                criterion: Some("3.4".into()),
                sub: Some("3.4.1".into()),
            },
            Route::Info { id: "a-2".into() },
            Route::Summary { id: "x y".into() },
            Route::Compare { id: "a1".into() },
            Route::Actions {
                id: "a1".into(),
                focus: None,
            },
            Route::Actions {
                id: "a1".into(),
                focus: Some("bp-1".into()),
            },
            Route::Plan { id: "a1".into() },
            Route::Report { id: "a1".into() },
            Route::Appraisal { id: "a1".into() },
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
        }
        assert_eq!(Route::parse(""), Route::Start);
        assert_eq!(Route::parse("#"), Route::Start);
        assert_eq!(Route::parse("#/khong-co"), Route::NotFound);
        assert_eq!(
            Route::parse("#/a/%ZZ"),
            Route::Checklist {
                id: "%ZZ".into(),
                criterion: None,
                sub: None
            }
        );
        assert_eq!(
            Route::parse("#/a/%"),
            Route::Checklist {
                id: "%".into(),
                criterion: None,
                sub: None
            }
        );
        assert_eq!(
            Route::parse("#/a/%C3%A9%"),
            Route::Checklist {
                id: "é%".into(),
                criterion: None,
                sub: None
            }
        );
    }
}
