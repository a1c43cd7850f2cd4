//! A table as the clipboard or a document gives it: rows of cells, each
//! cell its lines (paragraphs) and whether it is bold. Merged cells are
//! spread out: a cell covered by a colspan or rowspan is an empty cell, so
//! every row has the same columns.

/// One cell: its lines (a Word cell's paragraphs, an Excel cell's line
/// breaks), whitespace collapsed, empty lines dropped.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Cell {
    pub lines: Vec<String>,
    /// All of its text is bold (field rows often are).
    pub bold: bool,
}

impl Cell {
    pub fn new(text: &str) -> Cell {
        let mut c = Cell::default();
        for l in text.split('\n') {
            c.push_line(l);
        }
        c
    }

    /// Adds a line, whitespace collapsed (nothing if it is blank).
    pub fn push_line(&mut self, line: &str) {
        let l = collapse(line);
        if !l.is_empty() {
            self.lines.push(l);
        }
    }

    /// The lines on one line.
    pub fn text(&self) -> String {
        self.lines.join(" ")
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// Runs of whitespace (and no-break spaces) as one space, trimmed.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}') {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The number of columns (of the widest row).
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row)?.get(col)
    }

    /// Rows padded to the same width, blank rows dropped.
    pub fn tidy(mut self) -> Table {
        self.rows.retain(|r| r.iter().any(|c| !c.is_empty()));
        let w = self.width();
        for r in &mut self.rows {
            r.resize(w, Cell::default());
        }
        self
    }
}

/// Cells as placed by a reader, with their spans, before merged cells are
/// spread out.
#[derive(Default)]
pub struct Grid {
    rows: Vec<Vec<(Cell, usize, usize)>>,
}

/// Spans beyond these are not real tables (and would blow up the grid).
const MAX_COLSPAN: usize = 50;
const MAX_ROWSPAN: usize = 2000;

impl Grid {
    pub fn row(&mut self) {
        self.rows.push(Vec::new());
    }

    pub fn cell(&mut self, cell: Cell, colspan: usize, rowspan: usize) {
        if self.rows.is_empty() {
            self.row();
        }
        if let Some(r) = self.rows.last_mut() {
            r.push((
                cell,
                colspan.clamp(1, MAX_COLSPAN),
                rowspan.clamp(1, MAX_ROWSPAN),
            ));
        }
    }

    /// Places every cell, skipping the places taken by spans from above.
    pub fn finish(self) -> Table {
        let mut out: Vec<Vec<Option<Cell>>> = Vec::new();
        // Columns still covered by a rowspan from above: (column, rows left).
        let mut covered: Vec<usize> = Vec::new();
        for (r, cells) in self.rows.into_iter().enumerate() {
            if out.len() <= r {
                out.push(Vec::new());
            }
            let mut col = 0;
            for (cell, cs, rs) in cells {
                while covered.get(col).copied().unwrap_or(0) > 0 {
                    col += 1;
                }
                for k in 0..cs {
                    let c = col + k;
                    if covered.len() <= c {
                        covered.resize(c + 1, 0);
                    }
                    covered[c] = rs;
                    let row = &mut out[r];
                    if row.len() <= c {
                        row.resize(c + 1, None);
                    }
                    row[c] = Some(if k == 0 {
                        cell.clone()
                    } else {
                        Cell::default()
                    });
                }
                col += cs;
            }
            for c in covered.iter_mut() {
                *c = c.saturating_sub(1);
            }
        }
        Table {
            rows: out
                .into_iter()
                .map(|r| r.into_iter().map(Option::unwrap_or_default).collect())
                .collect(),
        }
        .tidy()
    }
}

/// Tab-separated text as Excel and LibreOffice copy it: a cell holding
/// line breaks or quotes is quoted (`"…"`, quotes doubled inside). A quote
/// that never closes is read as an ordinary character.
pub fn from_tsv(text: &str) -> Table {
    Table {
        rows: raw_rows(text),
    }
    .tidy()
}

/// `t` as Excel copies it: cells by tabs, rows by line ends, a cell of
/// several lines (or with a quote) quoted with its quotes doubled;
/// [`from_tsv`] reads it back to the same cells (boldness aside).
pub fn to_tsv(t: &Table) -> String {
    let mut out = String::new();
    for r in &t.rows {
        let cells: Vec<String> = r
            .iter()
            .map(|c| {
                let v = c.lines.join("\n");
                if v.contains(['\n', '"', '\t']) {
                    format!("\"{}\"", v.replace('\t', " ").replace('"', "\"\""))
                } else {
                    v
                }
            })
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// Rows of tab-separated text with fewer cells than the widest: what a
/// table copied as plain text (not Word's own clipboard) looks like when a
/// cell held several paragraphs, each put on a row of its own. Excel and
/// Word's plain flavour write every cell of a row, empty ones included.
pub fn broken_rows(text: &str) -> usize {
    let rows = raw_rows(text);
    let rows: Vec<&Vec<Cell>> = rows
        .iter()
        .filter(|r| r.iter().any(|c| !c.is_empty()))
        .collect();
    let w = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    if w < 2 {
        return 0;
    }
    // A split cell's later paragraphs start short rows of their own.
    // Rows of scoring lines typed under an item start with an empty cell,
    // rows that start with a number are items, and titles above the table
    // come before its first whole row (the header): none of them is a split.
    rows.iter()
        .skip_while(|r| r.len() < w)
        .filter(|r| {
            let first = r.first().map(Cell::text).unwrap_or_default();
            r.len() < w && !first.is_empty() && super::numbering::token(&first).is_none()
        })
        .count()
}

fn raw_rows(text: &str) -> Vec<Vec<Cell>> {
    let s = text.strip_prefix('\u{feff}').unwrap_or(text);
    let b = s.as_bytes();
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new()];
    let mut i = 0;
    let mut at_cell_start = true;
    let mut cur = String::new();
    while i <= b.len() {
        if at_cell_start && i < b.len() && b[i] == b'"' {
            if let Some((value, next)) = quoted(s, i) {
                cur.push_str(&value);
                i = next;
                at_cell_start = false;
                continue;
            }
        }
        at_cell_start = false;
        match b.get(i) {
            None => {
                if let Some(r) = rows.last_mut() {
                    r.push(Cell::new(&cur));
                }
                break;
            }
            Some(b'\t') => {
                if let Some(r) = rows.last_mut() {
                    r.push(Cell::new(&std::mem::take(&mut cur)));
                }
                at_cell_start = true;
                i += 1;
            }
            Some(b'\r') | Some(b'\n') => {
                if let Some(r) = rows.last_mut() {
                    r.push(Cell::new(&std::mem::take(&mut cur)));
                }
                rows.push(Vec::new());
                at_cell_start = true;
                i += if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
            }
            Some(_) => {
                // one whole character (the text is UTF-8)
                let ch = s[i..].chars().next().unwrap_or(' ');
                cur.push(ch);
                i += ch.len_utf8();
            }
        }
    }
    rows
}

/// A quoted cell starting at byte `i` (a `"`): its value and where the
/// text goes on, if the quote closes before a tab, a line end or the end.
fn quoted(s: &str, i: usize) -> Option<(String, usize)> {
    let b = s.as_bytes();
    let mut j = i + 1;
    let mut v = String::new();
    let mut run = j;
    while j < b.len() {
        if b[j] == b'"' {
            if b.get(j + 1) == Some(&b'"') {
                v.push_str(&s[run..=j]);
                j += 2;
                run = j;
                continue;
            }
            match b.get(j + 1) {
                None | Some(b'\t') | Some(b'\r') | Some(b'\n') => {
                    v.push_str(&s[run..j]);
                    return Some((v, j + 1));
                }
                _ => return None,
            }
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_table_written_as_tsv_reads_back_the_same() {
        use super::{from_tsv, to_tsv, Cell, Table};
        let t = Table {
            rows: vec![
                vec![
                    Cell::new("STT"),
                    Cell::new("Nội dung \"trích\""),
                    Cell::new(""),
                ],
                vec![
                    Cell::new("1.1"),
                    Cell::new("Đúng hạn: 2\nChậm: 1"),
                    Cell::new("2"),
                ],
                vec![Cell::new("\"x"), Cell::new(""), Cell::new("a\tb")],
            ],
        };
        let back = from_tsv(&to_tsv(&t));
        assert_eq!(back.rows[..2], t.rows[..2]);
        assert_eq!(back.rows[2][0].text(), "\"x");
        assert_eq!(back.rows[2][2].text(), "a b");
    }

    #[test]
    fn rows_split_by_plain_text_are_counted() {
        // Word's plain text of a cell with two paragraphs
        let t = "STT\tTiêu chí\tCách chấm\tĐiểm\n1\tKế hoạch\tĐúng hạn: 2\nChậm: 1\t2\n";
        assert_eq!(super::broken_rows(t), 1);
        let t = "STT\tTiêu chí\tCách chấm\tĐiểm\n1\tKế hoạch\tĐúng hạn: 2\nChậm: 1\nKhông: 0\t2\n";
        assert_eq!(super::broken_rows(t), 2);
        // scoring lines on rows of their own, items without trailing cells
        let t = "STT\tTiêu chí\tĐiểm\n1\tKế hoạch\t10\n\tCó: 10\n\tKhông: 0\n1.1\tX\n1.2\tY\n";
        assert_eq!(super::broken_rows(t), 0);
        let t = "PHỤ LỤC\nBảng chấm điểm\nSTT\tTiêu chí\tĐiểm\n1\tX\t100\n";
        assert_eq!(super::broken_rows(t), 0);
        // Excel quotes such a cell: nothing broken
        let t = "STT\tTiêu chí\tĐiểm\n1\tKế hoạch\t\"Đúng hạn: 2\nChậm: 1\"\n2\tX\t\n";
        assert_eq!(super::broken_rows(t), 0);
        assert_eq!(super::broken_rows("một dòng\nhai dòng"), 0);
    }

    use super::*;

    fn texts(t: &Table) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.iter().map(|c| c.lines.join("|")).collect())
            .collect()
    }

    #[test]
    fn excel_quotes_cells_with_line_breaks() {
        let t = from_tsv(
            "1.1\t\"Ban hành kế hoạch\nKịp thời: 1\nChậm: 0,5\"\t1\n1.2\t\"Nói \"\"có\"\"\"\t2\r\n",
        );
        assert_eq!(
            texts(&t),
            vec![
                vec!["1.1", "Ban hành kế hoạch|Kịp thời: 1|Chậm: 0,5", "1"],
                vec!["1.2", "Nói \"có\"", "2"]
            ]
        );
    }

    #[test]
    fn a_quote_that_never_closes_is_a_character() {
        let t = from_tsv("1\t\"Chưa đóng\t5\n2\tB\t3");
        assert_eq!(
            texts(&t),
            vec![vec!["1", "\"Chưa đóng", "5"], vec!["2", "B", "3"]]
        );
        let t = from_tsv("1\t\"a\" b\t5");
        assert_eq!(texts(&t), vec![vec!["1", "\"a\" b", "5"]]);
    }

    #[test]
    fn spans_are_spread_out() {
        let mut g = Grid::default();
        g.row();
        g.cell(Cell::new("1.1.1"), 1, 3);
        g.cell(Cell::new("Ban hành"), 1, 3);
        g.cell(Cell::new("Kịp thời: 1"), 1, 1);
        g.row();
        g.cell(Cell::new("Chậm: 0,5"), 1, 1);
        g.row();
        g.cell(Cell::new("Không: 0"), 1, 1);
        g.row();
        g.cell(Cell::new("Điểm"), 2, 1);
        g.cell(Cell::new("x"), 1, 1);
        assert_eq!(
            texts(&g.finish()),
            vec![
                vec!["1.1.1", "Ban hành", "Kịp thời: 1"],
                vec!["", "", "Chậm: 0,5"],
                vec!["", "", "Không: 0"],
                vec!["Điểm", "", "x"],
            ]
        );
    }
}
