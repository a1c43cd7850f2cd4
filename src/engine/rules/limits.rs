//! Limits on what an assessment holds, so that every assessment the app
//! keeps can be exported and imported back (a file is at most 5 MB), and
//! no text is so long that the page stops answering.
//!
//! Each text has a length limit in characters (the input shows a counter
//! near it, the import refuses more); lists have a count limit; and the
//! whole is kept under a byte budget measured as the export would write it.

use crate::engine::model::{Answer, Assessment};

/// Characters of a name, title or short line (a unit's name, an issuer).
pub const SHORT: usize = 300;
/// Characters of a sentence or two (an evidence summary, a task).
pub const TEXT: usize = 2_000;
/// Characters of a free text (an explanation, the difficulties).
pub const LONG: usize = 10_000;
/// Evidence entries of one item.
pub const EVIDENCE: usize = 30;
/// Corrective actions, and tasks of the annual plan.
pub const ITEMS: usize = 300;
/// Answers (a framework has well under this many sub-criteria).
pub const ANSWERS: usize = 2_000;

/// A text or list over its limit, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverLimit {
    /// The field's path as in the file ("unit.name", "answers.1.1.1.explanation").
    pub path: String,
    pub len: usize,
    pub max: usize,
    /// A list (counted in entries) rather than a text (in characters).
    pub list: bool,
}

impl std::fmt::Display for OverLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = if self.list { "mục" } else { "ký tự" };
        write!(
            f,
            "trường \"{}\": dài quá giới hạn ({} {unit}, tối đa {})",
            self.path, self.len, self.max
        )
    }
}

struct Check {
    first: Option<OverLimit>,
}

impl Check {
    fn text(&mut self, path: &dyn Fn() -> String, s: &str, max: usize) {
        // Bytes bound characters from above: count only when it may matter.
        if self.first.is_none() && s.len() > max {
            let len = s.chars().count();
            if len > max {
                self.first = Some(OverLimit {
                    path: path(),
                    len,
                    max,
                    list: false,
                });
            }
        }
    }

    fn list(&mut self, path: &str, len: usize, max: usize) {
        if self.first.is_none() && len > max {
            self.first = Some(OverLimit {
                path: path.to_string(),
                len,
                max,
                list: true,
            });
        }
    }
}

fn answer(c: &mut Check, id: &str, a: &Answer) {
    c.text(
        &|| format!("answers.{id}.explanation"),
        &a.explanation,
        LONG,
    );
    c.list(
        &format!("answers.{id}.evidence"),
        a.evidence.len(),
        EVIDENCE,
    );
    for (i, e) in a.evidence.iter().enumerate() {
        let p = |k: &str| format!("answers.{id}.evidence[{i}].{k}");
        c.text(&|| p("number"), &e.number, SHORT);
        c.text(&|| p("date"), &e.date, SHORT);
        c.text(&|| p("issuer"), &e.issuer, SHORT);
        c.text(&|| p("summary"), &e.summary, TEXT);
        c.text(&|| p("link"), &e.link, TEXT);
    }
}

/// The first text or list of `a` over its limit, if any.
pub fn check(a: &Assessment) -> Result<(), OverLimit> {
    let mut c = Check { first: None };
    c.text(&|| "unit.name".into(), &a.unit_name, SHORT);
    for (k, v) in [
        ("name", &a.contact.name),
        ("position", &a.contact.position),
        ("phone", &a.contact.phone),
        ("email", &a.contact.email),
    ] {
        c.text(&|| format!("contact.{k}"), v, SHORT);
    }
    c.list("answers", a.answers.len(), ANSWERS);
    for (id, ans) in &a.answers {
        c.text(&|| format!("answers.{id}"), id, SHORT);
        answer(&mut c, id, ans);
    }
    c.list("actions", a.actions.len(), ITEMS);
    for (i, x) in a.actions.iter().enumerate() {
        let p = |k: &str| format!("actions[{i}].{k}");
        for (k, v, max) in [
            ("what", &x.what, TEXT),
            ("unit", &x.unit, SHORT),
            ("person", &x.person, SHORT),
            ("deadline", &x.deadline, SHORT),
            ("result", &x.result, TEXT),
            ("evidence", &x.evidence, TEXT),
        ] {
            c.text(&|| p(k), v, max);
        }
    }
    c.list("plan", a.plan.len(), ITEMS);
    for (i, t) in a.plan.iter().enumerate() {
        let p = |k: &str| format!("plan[{i}].{k}");
        for (k, v, max) in [
            ("task", &t.task, TEXT),
            ("output", &t.output, TEXT),
            ("lead", &t.lead, SHORT),
            ("deadline", &t.deadline, SHORT),
        ] {
            c.text(&|| p(k), v, max);
        }
    }
    let r = &a.report;
    for (k, v, max) in [
        ("parent_body", &r.parent_body, SHORT),
        ("number", &r.number, SHORT),
        ("place", &r.place, SHORT),
        ("date", &r.date, SHORT),
        ("difficulties", &r.difficulties, LONG),
        ("proposals", &r.proposals, LONG),
        ("signer_title", &r.signer_title, SHORT),
        ("signer_name", &r.signer_name, SHORT),
        ("recipients", &r.recipients, LONG),
    ] {
        c.text(&|| format!("report.{k}"), v, max);
    }
    match c.first {
        None => Ok(()),
        Some(e) => Err(e),
    }
}

/// `s` cut to `max` characters (a paste longer than an input allows).
pub fn cut(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => s[..i].to_string(),
        None => s.to_string(),
    }
}

/// Bytes of `s` as a JSON string in a file: escapes counted.
fn json_len(s: &str) -> usize {
    s.bytes()
        .map(|b| match b {
            b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 8 | 12 => 2,
            0..=31 => 6,
            _ => 1,
        })
        .sum::<usize>()
        + 2
}

/// An upper bound of the bytes the export of `a` takes, without the
/// framework: every text as escaped, and a generous allowance for the
/// keys, numbers and indentation around each entry.
pub fn export_bytes(a: &Assessment) -> usize {
    const PER_ANSWER: usize = 400;
    const PER_EVIDENCE: usize = 300;
    const PER_ITEM: usize = 600;
    const FIXED: usize = 20_000;
    let mut n = FIXED + json_len(&a.unit_name);
    for s in [
        &a.contact.name,
        &a.contact.position,
        &a.contact.phone,
        &a.contact.email,
    ] {
        n += json_len(s);
    }
    for (id, x) in &a.answers {
        n += PER_ANSWER + json_len(id) + json_len(&x.explanation);
        for e in &x.evidence {
            n += PER_EVIDENCE
                + [&e.number, &e.date, &e.issuer, &e.summary, &e.link]
                    .iter()
                    .map(|s| json_len(s))
                    .sum::<usize>();
        }
    }
    for x in &a.actions {
        n += PER_ITEM
            + x.subs.iter().map(|s| json_len(s)).sum::<usize>()
            + [
                &x.what,
                &x.unit,
                &x.person,
                &x.deadline,
                &x.result,
                &x.evidence,
            ]
            .iter()
            .map(|s| json_len(s))
            .sum::<usize>();
    }
    for t in &a.plan {
        n += PER_ITEM
            + [&t.task, &t.output, &t.lead, &t.deadline]
                .iter()
                .map(|s| json_len(s))
                .sum::<usize>();
    }
    let r = &a.report;
    for s in [
        &r.parent_body,
        &r.number,
        &r.place,
        &r.date,
        &r.difficulties,
        &r.proposals,
        &r.signer_title,
        &r.signer_name,
        &r.recipients,
    ] {
        n += json_len(s);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_whole_characters() {
        assert_eq!(cut("Sở Tư pháp", 4), "Sở T");
        assert_eq!(cut("ab", 5), "ab");
        assert_eq!(cut("", 0), "");
    }

    #[test]
    fn escapes_are_counted() {
        assert_eq!(json_len("a\"b"), 6);
        assert_eq!(json_len("\u{1}"), 8);
        assert_eq!(json_len("ệ"), 5);
    }
}
