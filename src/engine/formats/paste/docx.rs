//! The decision itself (.docx): the tables of `word/document.xml`, read
//! with the `zip` and `quick-xml` crates, each cell's paragraphs as lines,
//! horizontal merges (`gridSpan`) and vertical ones (`vMerge`) spread out
//! like a pasted table's, and Word's automatic numbering (`numPr`) written
//! out as the document shows it. Only the full build links this.
//!
//! Other files officials may pick (.doc, .pdf, a scan, a workbook) are
//! named, with what to do instead.

use super::table::{Cell, Grid, Table};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::BTreeMap;
use std::io::Read;

/// Why no table could be read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocxError {
    /// Word 97–2003 (.doc).
    Doc,
    Pdf,
    Image,
    Rtf,
    /// An Excel workbook (.xlsx).
    Workbook,
    /// A ZIP (or something) that is not a Word document, or a damaged one.
    NotDocx,
    /// A Word document with no table.
    NoTables,
    /// A part of the document larger than any decision's once unzipped
    /// (a damaged file, or one made to exhaust memory).
    TooLarge,
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const COPY: &str = "hãy mở tệp bằng Word, chọn cả bảng phụ lục, sao chép (Ctrl+C) rồi dán vào ô \"Bảng dán vào\"";
        match self {
            DocxError::Doc => write!(f, "Đây là tệp Word 97–2003 (.doc), ứng dụng chỉ đọc được .docx: {COPY}, hoặc trong Word chọn \"Lưu thành\" kiểu .docx rồi mở lại."),
            DocxError::Pdf => write!(f, "Đây là tệp PDF, ứng dụng không đọc được bảng trong PDF: {COPY} (nếu có bản Word của Quyết định), hoặc sao chép bảng từ trình đọc PDF."),
            DocxError::Image => write!(f, "Đây là tệp ảnh (bản chụp hoặc scan), ứng dụng không đọc được chữ trong ảnh: hãy lấy bản Word (.docx) của Quyết định rồi mở tệp đó ở đây, hoặc mở bằng Word, chọn cả bảng phụ lục, sao chép (Ctrl+C) và dán vào ô \"Bảng dán vào\"."),
            DocxError::Rtf => write!(f, "Đây là tệp RTF: {COPY}, hoặc lưu thành .docx rồi mở lại."),
            DocxError::Workbook => write!(f, "Đây là tệp Excel: hãy mở bằng Excel, chọn các ô của bảng, sao chép (Ctrl+C) rồi dán vào ô \"Bảng dán vào\"."),
            DocxError::NotDocx => write!(f, "Tệp không phải tài liệu Word (.docx) hoặc đã bị hỏng: {COPY}."),
            DocxError::NoTables => write!(f, "Tài liệu Word không có bảng nào: bảng tiêu chí thường ở Phụ lục kèm theo Quyết định; nếu phụ lục là tệp riêng, hãy mở tệp đó."),
            DocxError::TooLarge => write!(f, "Tài liệu Word quá lớn: nội dung sau khi giải nén vượt {} MB (hoặc bảng có quá nhiều ô), tệp có thể đã bị hỏng: {COPY}.", MAX_XML / (1024 * 1024)),
        }
    }
}

/// Largest part (`document.xml`, `numbering.xml`) read once unzipped: a
/// decision's is well under 5 MB; a bigger one is refused with
/// [`DocxError::TooLarge`] before more than this is held in memory (a ZIP
/// bomb inflates a few kilobytes into gigabytes).
pub const MAX_XML: u64 = 20 * 1024 * 1024;

/// Most cells, merged ones spread out, of all the tables together (a
/// decision's appendix has a few thousand): past it the document is
/// refused, so a small document of wide spans cannot fill the memory.
pub const MAX_CELLS: usize = 500_000;

/// Every table of a .docx, in document order.
pub fn tables(bytes: &[u8]) -> Result<Vec<Table>, DocxError> {
    sniff(bytes)?;
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| DocxError::NotDocx)?;
    let doc = match part(&mut zip, "word/document.xml") {
        Ok(Some(doc)) => doc,
        Ok(None) if zip.file_names().any(|n| n == "xl/workbook.xml") => {
            return Err(DocxError::Workbook)
        }
        Ok(None) => return Err(DocxError::NotDocx),
        Err(e) => return Err(e),
    };
    let numbering = part(&mut zip, "word/numbering.xml")?
        .map(|x| Numbering::read(&x))
        .unwrap_or_default();
    let out = read_tables(&doc, numbering)?;
    if out.is_empty() {
        return Err(DocxError::NoTables);
    }
    Ok(out)
}

/// Which of a document's tables is the criteria table: the first whose
/// header names a title and a points column (the national header and the
/// signature block are tables too), else the one with most rows.
pub fn criteria_table(tables: &[Table]) -> Option<usize> {
    use super::columns::{detect, Role};
    tables
        .iter()
        .position(|t| {
            let c = detect(t);
            c.sure && c.find(Role::Title).is_some() && c.find(Role::Points).is_some()
        })
        .or_else(|| {
            (0..tables.len())
                .rev()
                .max_by_key(|&i| tables[i].rows.len())
        })
}

/// A part of the package as text: `None` when it is absent or not text,
/// [`DocxError::TooLarge`] when it unzips to more than [`MAX_XML`] (the
/// size the ZIP declares is checked first, then what really comes out, in
/// case it lies).
fn part(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, DocxError> {
    let Ok(f) = zip.by_name(name) else {
        return Ok(None);
    };
    if f.size() > MAX_XML {
        return Err(DocxError::TooLarge);
    }
    let mut buf = Vec::with_capacity(f.size() as usize);
    if f.take(MAX_XML + 1).read_to_end(&mut buf).is_err() {
        return Ok(None);
    }
    if buf.len() as u64 > MAX_XML {
        return Err(DocxError::TooLarge);
    }
    Ok(String::from_utf8(buf).ok())
}

/// Recognises files that are not .docx by their first bytes.
pub fn sniff(bytes: &[u8]) -> Result<(), DocxError> {
    let starts = |p: &[u8]| bytes.starts_with(p);
    if starts(b"PK\x03\x04") {
        Ok(())
    } else if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Err(DocxError::Doc)
    } else if starts(b"%PDF") {
        Err(DocxError::Pdf)
    } else if starts(b"{\\rtf") {
        Err(DocxError::Rtf)
    } else if starts(b"\x89PNG")
        || starts(&[0xFF, 0xD8, 0xFF])
        || starts(b"GIF8")
        || starts(b"II*\0")
        || starts(b"MM\0*")
        || starts(b"BM")
        || (starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP"))
    {
        Err(DocxError::Image)
    } else {
        Err(DocxError::NotDocx)
    }
}

/// `w:val` (or any `…:val`) of an element.
fn val(e: &BytesStart) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"val")
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// One level of a list definition.
#[derive(Clone)]
struct Level {
    /// `numFmt`: decimal, upperRoman, lowerLetter, bullet …
    fmt: String,
    /// `lvlText`: "%1.%2."
    text: String,
    start: u32,
    /// `isLgl`: every number in the text as Arabic digits ("1.1." under
    /// a Roman "I.").
    legal: bool,
}

/// Word's list definitions: for each list (`numId`), each level's format,
/// text pattern ("%1.%2.") and start.
#[derive(Default)]
struct Numbering {
    /// numId → abstractNumId
    nums: BTreeMap<String, String>,
    /// (abstractNumId, level) → its definition
    levels: BTreeMap<(String, usize), Level>,
    /// Counters per (numId, level) as the document goes.
    counters: BTreeMap<(String, usize), u32>,
}

impl Numbering {
    fn read(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut r = Reader::from_str(xml);
        let (mut abs, mut lvl, mut num) = (String::new(), 0usize, String::new());
        loop {
            let ev = match r.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            let (Event::Start(e) | Event::Empty(e)) = ev else {
                continue;
            };
            let attr = |k: &[u8]| {
                e.attributes()
                    .flatten()
                    .find(|a| a.key.local_name().as_ref() == k)
                    .map(|a| String::from_utf8_lossy(&a.value).into_owned())
            };
            match e.local_name().as_ref() {
                b"abstractNum" => abs = attr(b"abstractNumId").unwrap_or_default(),
                b"lvl" => {
                    lvl = attr(b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    n.levels.insert(
                        (abs.clone(), lvl),
                        Level {
                            fmt: "decimal".into(),
                            text: String::new(),
                            start: 1,
                            legal: false,
                        },
                    );
                }
                b"start" => {
                    if let Some(l) = n.levels.get_mut(&(abs.clone(), lvl)) {
                        l.start = val(&e).and_then(|v| v.parse().ok()).unwrap_or(1);
                    }
                }
                b"numFmt" => {
                    if let Some(l) = n.levels.get_mut(&(abs.clone(), lvl)) {
                        l.fmt = val(&e).unwrap_or_default();
                    }
                }
                b"lvlText" => {
                    if let Some(l) = n.levels.get_mut(&(abs.clone(), lvl)) {
                        l.text = val(&e).unwrap_or_default();
                    }
                }
                b"isLgl" => {
                    if let Some(l) = n.levels.get_mut(&(abs.clone(), lvl)) {
                        l.legal = !matches!(val(&e).as_deref(), Some("0" | "false" | "off"));
                    }
                }
                b"num" => num = attr(b"numId").unwrap_or_default(),
                b"abstractNumId" => {
                    n.nums.insert(num.clone(), val(&e).unwrap_or_default());
                }
                _ => {}
            }
        }
        n
    }

    /// The label of the next paragraph of list `num` at `level` ("2.1.").
    fn next(&mut self, num: &str, level: usize) -> String {
        let Some(abs) = self.nums.get(num).cloned() else {
            return String::new();
        };
        let start = |lv: usize, s: &Self| s.levels.get(&(abs.clone(), lv)).map_or(1, |l| l.start);
        let cur = self.counters.get(&(num.to_string(), level)).copied();
        let value = cur.map_or(start(level, self), |c| c + 1);
        self.counters.insert((num.to_string(), level), value);
        // deeper levels start again
        let deeper: Vec<_> = self
            .counters
            .keys()
            .filter(|(n, l)| n == num && *l > level)
            .cloned()
            .collect();
        for k in deeper {
            self.counters.remove(&k);
        }
        let Some(Level {
            fmt, text, legal, ..
        }) = self.levels.get(&(abs.clone(), level)).cloned()
        else {
            return String::new();
        };
        if fmt == "bullet" {
            return "-".into();
        }
        if fmt == "none" {
            return text;
        }
        let mut out = text;
        for lv in 0..=level {
            let v = if lv == level {
                value
            } else {
                self.counters
                    .get(&(num.to_string(), lv))
                    .copied()
                    .unwrap_or_else(|| start(lv, self))
            };
            let f = match self.levels.get(&(abs.clone(), lv)) {
                Some(l) if !legal => l.fmt.clone(),
                _ => "decimal".to_string(),
            };
            out = out.replace(&format!("%{}", lv + 1), &format_number(v, &f));
        }
        out
    }
}

fn format_number(v: u32, fmt: &str) -> String {
    match fmt {
        "upperRoman" => super::numbering::roman(v),
        "lowerRoman" => super::numbering::roman(v).to_ascii_lowercase(),
        "upperLetter" => letter(v).to_ascii_uppercase(),
        "lowerLetter" => letter(v),
        _ => v.to_string(),
    }
}

fn letter(v: u32) -> String {
    let c = (b'a' + ((v.max(1) - 1) % 26) as u8) as char;
    c.to_string().repeat(((v.max(1) - 1) / 26 + 1) as usize)
}

/// A cell being read: its paragraphs so far.
#[derive(Default)]
struct CellRead {
    cell: Cell,
    para: String,
    colspan: usize,
    bold_chars: usize,
    chars: usize,
}

/// The size of the tables read so far, merged cells spread out, against
/// [`MAX_CELLS`].
#[derive(Default)]
struct Budget {
    /// cells of the tables already finished
    done: usize,
    /// rows of the table being read, and its widest row
    rows: usize,
    row_width: usize,
    width: usize,
}

impl Budget {
    fn table(&mut self) {
        self.rows = 0;
        self.row_width = 0;
        self.width = 0;
    }

    fn row(&mut self) {
        self.rows += 1;
        self.row_width = 0;
    }

    /// A cell of `span` columns: refused when the table, every row as wide
    /// as its widest, would pass the limit.
    fn cell(&mut self, span: usize) -> Result<(), DocxError> {
        self.row_width += span.clamp(1, MAX_SPAN);
        self.width = self.width.max(self.row_width);
        if self.done + self.rows.max(1) * self.width > MAX_CELLS {
            return Err(DocxError::TooLarge);
        }
        Ok(())
    }

    fn end_table(&mut self) {
        self.done += self.rows.max(1) * self.width;
        self.table();
    }
}

/// Widest `gridSpan` / `gridBefore` taken as written (as [`Grid`] does).
const MAX_SPAN: usize = 50;

fn read_tables(xml: &str, mut numbering: Numbering) -> Result<Vec<Table>, DocxError> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut grid = Grid::default();
    let mut budget = Budget::default();
    let mut cell: Option<CellRead> = None;
    let (mut in_t, mut run_bold) = (false, false);
    // the paragraph's list: (numId, level)
    let (mut num_id, mut ilvl) = (None::<String>, 0usize);
    let mut in_ppr = false;
    let bad = |_| DocxError::NotDocx;
    loop {
        let ev = r.read_event().map_err(bad)?;
        match ev {
            Event::Eof => break,
            // outside tables only what numbering needs: a list's counters
            // go on through the decision's body ("Điều 1.", headings)
            Event::Start(ref e) | Event::Empty(ref e)
                if depth > 0
                    || matches!(
                        e.local_name().as_ref(),
                        b"tbl" | b"p" | b"pPr" | b"ilvl" | b"numId"
                    ) =>
            {
                let start = matches!(ev, Event::Start(_));
                match e.local_name().as_ref() {
                    b"tbl" if start => {
                        depth += 1;
                        if depth == 1 {
                            grid = Grid::default();
                            budget.table();
                        }
                    }
                    b"tr" if depth == 1 => {
                        grid.row();
                        budget.row();
                    }
                    b"gridBefore" if depth == 1 && cell.is_none() => {
                        let n = val(e)
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0usize)
                            .min(MAX_SPAN);
                        for _ in 0..n {
                            budget.cell(1)?;
                            grid.cell(Cell::default(), 1, 1);
                        }
                    }
                    b"tc" if depth == 1 => {
                        if start {
                            cell = Some(CellRead {
                                colspan: 1,
                                ..CellRead::default()
                            });
                        } else {
                            // <w:tc/>: an empty cell still takes its column
                            budget.cell(1)?;
                            grid.cell(Cell::default(), 1, 1);
                        }
                    }
                    b"gridSpan" if depth == 1 => {
                        if let Some(c) = cell.as_mut() {
                            c.colspan = val(e).and_then(|v| v.parse().ok()).unwrap_or(1);
                        }
                    }
                    b"p" => {
                        num_id = None;
                        ilvl = 0;
                    }
                    b"pPr" if start => in_ppr = true,
                    b"ilvl" if in_ppr => ilvl = val(e).and_then(|v| v.parse().ok()).unwrap_or(0),
                    b"numId" if in_ppr => num_id = val(e).filter(|v| v != "0"),
                    b"r" => run_bold = false,
                    b"b" if !in_ppr => {
                        run_bold = !matches!(val(e).as_deref(), Some("0" | "false" | "off"));
                    }
                    b"t" if start => in_t = true,
                    b"tab" if !in_ppr => {
                        if let Some(c) = cell.as_mut() {
                            c.para.push(' ');
                        }
                    }
                    b"br" | b"cr" => {
                        if let Some(c) = cell.as_mut() {
                            let l = std::mem::take(&mut c.para);
                            c.cell.push_line(&l);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) if depth > 0 || e.local_name().as_ref() == b"pPr" => {
                match e.local_name().as_ref() {
                    b"tbl" => {
                        depth -= 1;
                        if depth == 0 {
                            budget.end_table();
                            let t = std::mem::take(&mut grid).finish();
                            if !t.rows.is_empty() {
                                out.push(t);
                            }
                        }
                    }
                    b"tc" if depth == 1 => {
                        if let Some(mut c) = cell.take() {
                            let l = std::mem::take(&mut c.para);
                            c.cell.push_line(&l);
                            c.cell.bold = c.chars > 0 && c.bold_chars * 10 >= c.chars * 9;
                            budget.cell(c.colspan)?;
                            grid.cell(c.cell, c.colspan, 1);
                        }
                    }
                    b"pPr" => {
                        in_ppr = false;
                        if let Some(n) = num_id.as_ref() {
                            // counted even outside the tables
                            let label = numbering.next(n, ilvl);
                            if let Some(c) = cell.as_mut().filter(|_| !label.is_empty()) {
                                c.para.push_str(&label);
                                c.para.push(' ');
                            }
                        }
                    }
                    b"p" => {
                        if let Some(c) = cell.as_mut() {
                            let l = std::mem::take(&mut c.para);
                            c.cell.push_line(&l);
                        }
                    }
                    b"t" => in_t = false,
                    _ => {}
                }
            }
            Event::Text(t) if in_t => {
                if let Some(c) = cell.as_mut() {
                    let s = t.decode().map_err(|_| DocxError::NotDocx)?;
                    add_text(c, &s, run_bold);
                }
            }
            Event::GeneralRef(g) if in_t => {
                if let Some(c) = cell.as_mut() {
                    let ch = match g.resolve_char_ref() {
                        Ok(Some(ch)) => Some(ch),
                        _ => match g.decode().map_err(|_| DocxError::NotDocx)?.as_ref() {
                            "amp" => Some('&'),
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            _ => None,
                        },
                    };
                    if let Some(ch) = ch {
                        add_text(c, &ch.to_string(), run_bold);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

fn add_text(c: &mut CellRead, s: &str, bold: bool) {
    let n = s.chars().filter(|c| !c.is_whitespace()).count();
    c.chars += n;
    if bold {
        c.bold_chars += n;
    }
    c.para.push_str(s);
}
