//! "Paste from the decision's table": turns the appendix table of a UBND
//! tỉnh decision — as Word or Excel put it on the clipboard, or read from
//! the .docx itself — into a draft framework.
//!
//! - [`table`]: the table as rows of cells (tab-separated text with Excel's
//!   quoting), [`html`]: the clipboard's HTML flavour, [`docx`]: the
//!   document's tables;
//! - [`columns`]: which column is the number, title, points, rule,
//!   evidence (from the header, or guessed and marked unsure);
//! - [`numbering`]: I / 1 / 1.1 / a) / - and the level each stands for;
//! - [`lines`]: scoring lines read as a rule;
//! - [`build`]: the tree, ids, maxima and rules, with every item's source
//!   text kept and whatever is unsure flagged.

pub mod build;
pub mod columns;
pub mod docx;
pub mod html;
pub mod lines;
pub mod numbering;
pub mod table;

pub use columns::{Columns, Role};
pub use lines::band_of;
pub use table::{Cell, Table};

use crate::engine::model::{Band, Dec2, Framework, PctRange, UnitType};
use crate::engine::rules::validate::{validate, Problem};

/// Something the user must finish by hand, at an item.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Flag {
    pub id: String,
    pub message: String,
}

/// The text an item was read from, shown beside it until the user has
/// checked it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Source {
    pub id: String,
    pub text: String,
}

/// A framework being entered, with what the paste could not settle. The
/// editor keeps it (autosaved) until it is valid and saved for use.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Draft {
    pub framework: Framework,
    pub flags: Vec<Flag>,
    /// Items not yet checked against the pasted table.
    pub sources: Vec<Source>,
}

impl Draft {
    /// A draft of `framework` with nothing flagged.
    pub fn of(framework: Framework) -> Draft {
        Draft {
            framework,
            ..Draft::default()
        }
    }

    /// The engine's own checks on the draft (e.g. maxima not adding up).
    pub fn problems(&self) -> Vec<Problem> {
        validate(&self.framework)
    }
}

/// A table being mapped in the editor, kept across reloads until a draft
/// is made from it (the pasted text and the columns corrected by hand are
/// work too).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Pending {
    /// The table as Excel writes it ([`table::to_tsv`]).
    pub table: String,
    /// Where it came from, for the user.
    pub from: String,
    /// Each column's role ([`Role::code`]).
    pub roles: Vec<String>,
    pub header_rows: usize,
    /// The columns were corrected by hand.
    pub edited: bool,
    /// Rows split from their cells by a plain-text paste.
    pub broken: usize,
}

impl Pending {
    /// What to keep of `table` read with `cols`.
    pub fn of(t: &Table, cols: &Columns, from: &str, edited: bool, broken: usize) -> Pending {
        Pending {
            table: table::to_tsv(t),
            from: from.to_string(),
            roles: cols.roles.iter().map(|r| r.code().to_string()).collect(),
            header_rows: cols.header_rows,
            edited,
            broken,
        }
    }

    /// The table back, with its columns as they were (detected again, then
    /// the kept roles and heading rows laid over).
    pub fn restore(&self) -> (Table, Columns) {
        let t = table::from_tsv(&self.table);
        let mut cols = columns::detect(&t);
        if self.roles.len() == t.width() {
            cols.roles = self.roles.iter().map(|c| Role::from_code(c)).collect();
        }
        cols.header_rows = self.header_rows.min(t.rows.len());
        (t, cols)
    }
}

/// Reads tab-separated text (Excel's, or Word's plain text) into a draft.
pub fn parse(text: &str, unit_type: UnitType) -> Draft {
    let t = table::from_tsv(text);
    let cols = columns::detect(&t);
    build::build(&t, &cols, unit_type)
}

/// The table a paste carries: from its HTML flavour when it has one with a
/// table (Word, Excel, LibreOffice), else from the plain text. Tables the
/// HTML splits (one per page) are joined when they have the same columns.
pub fn clipboard_table(html: Option<&str>, plain: &str) -> Table {
    let tables = html.map(html::tables).unwrap_or_default();
    let w = tables.iter().map(Table::width).max().unwrap_or(0);
    if w >= 2 {
        let mut rows = Vec::new();
        for t in tables.into_iter().filter(|t| t.width() == w) {
            rows.extend(t.rows);
        }
        return Table { rows };
    }
    table::from_tsv(plain)
}

/// Lower case for Vietnamese text, without the standard library's
/// Unicode tables (ASCII, Latin-1, the Vietnamese letters of Latin
/// Extended-A/B and Latin Extended Additional).
pub fn lower_vi(s: &str) -> String {
    s.chars()
        .map(|c| {
            let u = c as u32;
            let l = match u {
                0x41..=0x5A => u + 32,
                0xC0..=0xDE if u != 0xD7 => u + 32,
                0x100..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => u + 1,
                0x1A0 | 0x1AF => u + 1,
                0x1EA0..=0x1EF9 if u.is_multiple_of(2) => u + 1,
                _ => u,
            };
            char::from_u32(l).unwrap_or(c)
        })
        .collect()
}

/// `s` with its first letter in capital (ASCII and the Vietnamese
/// letters, as [`lower_vi`] knows them).
pub fn upper_first(s: &str) -> String {
    let mut cs = s.chars();
    let Some(c) = cs.next() else {
        return String::new();
    };
    let u = c as u32;
    let up = match u {
        0x61..=0x7A => u - 32,
        0xE0..=0xFE if u != 0xF7 => u - 32,
        0x101..=0x137 | 0x14B..=0x177 if !u.is_multiple_of(2) => u - 1,
        0x1A1 | 0x1B0 => u - 1,
        0x1EA1..=0x1EF9 if !u.is_multiple_of(2) => u - 1,
        _ => u,
    };
    let mut out = String::with_capacity(s.len());
    out.push(char::from_u32(up).unwrap_or(c));
    out.push_str(cs.as_str());
    out
}

pub(crate) fn default_bands() -> Vec<Band> {
    let b = |label: &str, from: i64, to: i64, to_incl: bool| Band {
        label: label.into(),
        range: PctRange::new(Dec2::from_int(from), true, Dec2::from_int(to), to_incl),
    };
    vec![
        b("Tốt", 80, 100, true),
        b("Khá", 65, 80, false),
        b("Trung bình", 50, 65, false),
        b("Yếu", 0, 50, false),
    ]
}
