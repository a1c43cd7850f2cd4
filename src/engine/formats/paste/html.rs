//! The `text/html` flavour of a clipboard, as Word, Excel and LibreOffice
//! write it: the tables in it, each cell's paragraphs (`<p>`, `<br>`,
//! `<div>`) as lines, spans spread out, entities and Word's markup
//! (`mso-` styles, conditional comments, `<o:p>`) read or dropped. A
//! tolerant scanner, not a validating parser: clipboard HTML is rarely
//! well formed, and only the tables matter.

use super::table::{Cell, Grid, Table};

/// Where the scanner is inside one table.
#[derive(Default)]
struct Building {
    grid: Grid,
    cell: Option<CellBuild>,
}

#[derive(Default)]
struct CellBuild {
    cell: Cell,
    line: String,
    colspan: usize,
    rowspan: usize,
    bold_chars: usize,
    chars: usize,
    /// The cell's own style is bold (Excel writes it so).
    styled_bold: bool,
}

impl CellBuild {
    fn end_line(&mut self) {
        let l = std::mem::take(&mut self.line);
        self.cell.push_line(&l);
    }

    fn done(mut self) -> (Cell, usize, usize) {
        self.end_line();
        self.cell.bold = self.chars > 0 && self.bold_chars * 10 >= self.chars * 9;
        (self.cell, self.colspan, self.rowspan)
    }
}

/// Elements whose content is never text of the page.
const SKIPPED: [&str; 6] = ["style", "script", "title", "xml", "head", "template"];
/// Elements that end a line inside a cell.
const BLOCKS: [&str; 12] = [
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "tr",
];

/// Every table in `html`, outermost tables only (a table inside a cell
/// becomes lines of that cell).
pub fn tables(html: &str) -> Vec<Table> {
    let mut out = Vec::new();
    let mut stack: Vec<Building> = Vec::new();
    // Bold state: `<b>`/`<strong>` depth, and for each open `<span>`
    // whether it made the text bold.
    let mut bold_tags = 0usize;
    let mut spans: Vec<bool> = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            let end = html[i..].find('<').map_or(b.len(), |k| i + k);
            let text = decode(&html[i..end]);
            if let Some(c) = stack.last_mut().and_then(|t| t.cell.as_mut()) {
                let n = text
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
                    .count();
                c.chars += n;
                if c.styled_bold || bold_tags > 0 || spans.iter().any(|s| *s) {
                    c.bold_chars += n;
                }
                c.line.push_str(&text);
            }
            i = end;
            continue;
        }
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |k| k + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            // <![if …]>, <![endif]>, <!DOCTYPE …>: markers, content kept
            i += rest.find('>').map_or(rest.len(), |k| k + 1);
            continue;
        }
        let Some(tag) = Tag::read(rest) else {
            // a lone '<' is text
            if let Some(c) = stack.last_mut().and_then(|t| t.cell.as_mut()) {
                c.line.push('<');
                c.chars += 1;
            }
            i += 1;
            continue;
        };
        i += tag.len;
        let name = tag.name.as_str();
        if !tag.end && SKIPPED.contains(&name) && !tag.self_closing {
            let close = format!("</{name}");
            let lower_rest = html[i..].to_ascii_lowercase();
            let k = lower_rest.find(&close).unwrap_or(lower_rest.len());
            i += k;
            i += html[i..].find('>').map_or(html.len() - i, |k| k + 1);
            continue;
        }
        let in_cell = stack.last().is_some_and(|t| t.cell.is_some());
        match (name, tag.end) {
            ("table", false) => stack.push(Building::default()),
            ("table", true) => {
                if let Some(mut t) = stack.pop() {
                    if let Some(c) = t.cell.take() {
                        let (cell, cs, rs) = c.done();
                        t.grid.cell(cell, cs, rs);
                    }
                    let table = t.grid.finish();
                    match stack.last_mut().and_then(|o| o.cell.as_mut()) {
                        // a table in a cell: its rows become lines
                        Some(outer) => {
                            outer.end_line();
                            for r in &table.rows {
                                let line: Vec<String> =
                                    r.iter().map(Cell::text).filter(|s| !s.is_empty()).collect();
                                outer.cell.push_line(&line.join(" "));
                            }
                        }
                        None if !table.rows.is_empty() => out.push(table),
                        None => {}
                    }
                }
            }
            ("tr", false) => {
                if let Some(t) = stack.last_mut() {
                    if let Some(c) = t.cell.take() {
                        let (cell, cs, rs) = c.done();
                        t.grid.cell(cell, cs, rs);
                    }
                    t.grid.row();
                }
            }
            ("td" | "th", false) => {
                if let Some(t) = stack.last_mut() {
                    if let Some(c) = t.cell.take() {
                        let (cell, cs, rs) = c.done();
                        t.grid.cell(cell, cs, rs);
                    }
                    t.cell = Some(CellBuild {
                        colspan: tag.number("colspan"),
                        rowspan: tag.number("rowspan"),
                        styled_bold: tag.bold_style(),
                        ..CellBuild::default()
                    });
                }
            }
            ("td" | "th", true) | ("tr", true) => {
                if let Some(t) = stack.last_mut() {
                    if let Some(c) = t.cell.take() {
                        let (cell, cs, rs) = c.done();
                        t.grid.cell(cell, cs, rs);
                    }
                }
            }
            ("br", _) if in_cell => {
                if let Some(c) = stack.last_mut().and_then(|t| t.cell.as_mut()) {
                    c.end_line();
                }
            }
            ("b" | "strong", false) if !tag.self_closing => bold_tags += 1,
            ("b" | "strong", true) => bold_tags = bold_tags.saturating_sub(1),
            ("span", false) if !tag.self_closing => spans.push(tag.bold_style()),
            ("span", true) => {
                spans.pop();
            }
            (n, _) if BLOCKS.contains(&n) && in_cell => {
                if let Some(c) = stack.last_mut().and_then(|t| t.cell.as_mut()) {
                    c.end_line();
                }
            }
            _ => {}
        }
    }
    // tables the clipboard left open
    while let Some(mut t) = stack.pop() {
        if let Some(c) = t.cell.take() {
            let (cell, cs, rs) = c.done();
            t.grid.cell(cell, cs, rs);
        }
        let table = t.grid.finish();
        if !table.rows.is_empty() {
            out.push(table);
        }
    }
    out
}

struct Tag {
    name: String,
    end: bool,
    self_closing: bool,
    attrs: Vec<(String, String)>,
    /// Bytes the tag takes, `<` to `>`.
    len: usize,
}

impl Tag {
    /// The tag at the start of `s` (which starts with '<'), if it is one.
    fn read(s: &str) -> Option<Tag> {
        let b = s.as_bytes();
        let mut i = 1;
        let end = b.get(1) == Some(&b'/');
        if end {
            i += 1;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b':' || b[i] == b'-') {
            i += 1;
        }
        if i == start || !b[start].is_ascii_alphabetic() {
            return None;
        }
        let name = s[start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                None => return None,
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/') => {
                    self_closing = true;
                    i += 1;
                    continue;
                }
                _ => {}
            }
            let k0 = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let key = s[k0..i].to_ascii_lowercase();
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                match b.get(i) {
                    Some(q @ (b'"' | b'\'')) => {
                        let q = *q as char;
                        let v0 = i + 1;
                        let v1 = s[v0..].find(q).map_or(s.len(), |k| v0 + k);
                        value = s[v0..v1].to_string();
                        i = (v1 + 1).min(s.len());
                    }
                    _ => {
                        let v0 = i;
                        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                        value = s[v0..i].to_string();
                    }
                }
            }
            if key.is_empty() {
                i += 1;
            } else {
                attrs.push((key, value));
            }
        }
        Some(Tag {
            name,
            end,
            self_closing,
            attrs,
            len: i,
        })
    }

    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// A span or colspan count (1 when absent or not a number).
    fn number(&self, key: &str) -> usize {
        self.attr(key)
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|n| *n > 0)
            .unwrap_or(1)
    }

    /// `style="font-weight:bold"` (or 600–900).
    fn bold_style(&self) -> bool {
        let Some(style) = self.attr("style") else {
            return false;
        };
        let s: String = style
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        s.split(';').any(|d| {
            d.strip_prefix("font-weight:").is_some_and(|w| {
                w == "bold" || w == "bolder" || matches!(w, "600" | "700" | "800" | "900")
            })
        })
    }
}

/// Text with its entities decoded (`&nbsp;` a no-break space, numeric
/// references, the usual named ones; unknown ones kept as written).
pub fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1);
        let (name, semi) = match end {
            Some(e) if rest.as_bytes().get(e) == Some(&b';') => (&rest[1..e], e + 1),
            _ => ("", 0),
        };
        let ch = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
            u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
        } else if let Some(num) = name.strip_prefix('#') {
            num.parse::<u32>().ok().and_then(char::from_u32)
        } else {
            named(name)
        };
        match ch {
            Some(c) if semi > 0 => {
                out.push(c);
                rest = &rest[semi..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "nbsp" => '\u{a0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "ge" => '≥',
        "le" => '≤',
        "times" => '×',
        "bull" => '•',
        "middot" => '·',
        "deg" => '°',
        "minus" => '−',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &Table) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.iter().map(|c| c.lines.join("|")).collect())
            .collect()
    }

    #[test]
    fn word_markup_paragraphs_spans_and_entities() {
        let html = r#"<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>
            p.MsoNormal {mso-style-parent:""; font-weight:bold}</style><title>x</title></head>
            <body><!--StartFragment--><table class=MsoTableGrid border=1>
            <tr><td colspan=2><p class=MsoNormal><b><span style='mso-bidi-font-size:12pt'>STT&nbsp;</span></b></p></td><td>Điểm tối đa</td></tr>
            <tr><td rowspan="2"><p>1.1.1<o:p></o:p></p></td><td><p>Ban hành</p><p style='mso-list:l0'><![if !supportLists]><span style='mso-list:Ignore'>-<span>&nbsp;&nbsp; </span></span><![endif]>Kịp thời: 1&nbsp;điểm</p><p>Chậm:&#160;0,5<br>Không &amp; khác: 0</p></td><td>1</td></tr>
            <tr><td>ghi chú <table><tr><td>a</td><td>b</td></tr></table></td><td></td></tr>
            </table><!--EndFragment--></body></html>"#;
        let ts = tables(html);
        assert_eq!(ts.len(), 1);
        assert_eq!(
            texts(&ts[0]),
            vec![
                vec!["STT", "", "Điểm tối đa"],
                vec![
                    "1.1.1",
                    "Ban hành|- Kịp thời: 1 điểm|Chậm: 0,5|Không & khác: 0",
                    "1"
                ],
                vec!["", "ghi chú|a b", ""],
            ]
        );
        assert!(ts[0].rows[0][0].bold);
        assert!(!ts[0].rows[1][1].bold);
    }

    #[test]
    fn excel_html_with_bold_styles_and_broken_markup() {
        let html = "<table><tr><td style=\"font-weight:700\">I</td><td style='font-weight: bold'>CHỈ ĐẠO</td><td>20</td></tr>\
                    <tr><td>1<td>Kế hoạch < 5 ngày<td x=>5</table><table><tr><td>rời";
        let ts = tables(html);
        assert_eq!(ts.len(), 2);
        assert_eq!(
            texts(&ts[0]),
            vec![
                vec!["I", "CHỈ ĐẠO", "20"],
                vec!["1", "Kế hoạch < 5 ngày", "5"]
            ]
        );
        assert_eq!(texts(&ts[1]), vec![vec!["rời"]]);
        assert!(ts[0].rows[0][0].bold && ts[0].rows[0][1].bold && !ts[0].rows[0][2].bold);
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode("a&nbsp;b &lt;&#x1EA1;&#7841;&gt; &unknown; & &amp"),
            "a\u{a0}b <ạạ> &unknown; & &amp"
        );
    }
}
