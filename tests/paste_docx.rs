//! The decision's .docx read into a draft (`paste::docx`): the fixtures of
//! `scripts/make-docx-fixtures.py` (Word's table layout; Word's automatic
//! numbering after other tables), the files officials pick by mistake,
//! and hostile ones (a ZIP bomb, spans that would fill the memory, tables
//! nested a thousand deep).

use cchc::engine::formats::paste::{self, columns, docx, docx::DocxError, Draft, Table};
use cchc::engine::model::framework::{Framework, Rule, UnitType};
use std::io::Write;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/docx/{name}")).unwrap()
}

fn draft_of(t: &Table) -> Draft {
    paste::build::build(t, &columns::detect(t), UnitType::So)
}

fn rule_facts(r: &Rule) -> String {
    match r {
        Rule::Options { options } => {
            let o: Vec<String> = options
                .iter()
                .map(|o| format!("{}:{}", o.label, o.points.to_vi()))
                .collect();
            format!("options[{}]", o.join("; "))
        }
        Rule::YesNo => "yes_no".into(),
        Rule::RatioBands { bands, .. } => {
            let b: Vec<String> = bands
                .iter()
                .map(|b| format!("{}:{}", b.range.describe(), b.points.to_vi()))
                .collect();
            format!("ratio[{}]", b.join("; "))
        }
        Rule::CountBands { bands, max_count } => {
            let b: Vec<String> = bands
                .iter()
                .map(|b| format!("{}:{}", b.describe(), b.points.to_vi()))
                .collect();
            format!("count[{}] max {max_count:?}", b.join("; "))
        }
        Rule::Proportional { .. } => "proportional".into(),
        Rule::Survey => "survey".into(),
    }
}

fn tree(fw: &Framework) -> Vec<String> {
    let mut out = Vec::new();
    for f in &fw.fields {
        out.push(format!("{} {} ({})", f.id, f.title, f.max.to_vi()));
        for c in &f.criteria {
            out.push(format!("  {} {} ({})", c.id, c.title, c.max.to_vi()));
            for s in &c.subs {
                out.push(format!(
                    "    {} {} ({}) {}{}",
                    s.id,
                    s.title,
                    s.max.to_vi(),
                    rule_facts(&s.rule),
                    if s.no_case_full_points {
                        " +không phát sinh"
                    } else {
                        ""
                    }
                ));
            }
        }
    }
    out
}

fn texts(t: &Table, col: usize) -> Vec<String> {
    t.rows.iter().map(|r| r[col].lines.join("|")).collect()
}

#[test]
fn word_layout_table() {
    let tables = docx::tables(&fixture("word-layout.docx")).unwrap();
    assert_eq!(tables.len(), 1);
    assert_eq!(docx::criteria_table(&tables), Some(0));
    let t = &tables[0];
    // header: vMerge'd cells empty under their heading, "Điểm" over two
    assert_eq!(
        t.rows[0].iter().map(|c| c.text()).collect::<Vec<_>>(),
        vec![
            "STT",
            "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
            "Điểm",
            "",
            "Tài liệu kiểm chứng"
        ]
    );
    assert_eq!(
        t.rows[1].iter().map(|c| c.text()).collect::<Vec<_>>(),
        vec!["", "", "Tối đa", "Tự chấm", ""]
    );
    // a paragraph per line, w:br a line, w:tab a space, runs split inside
    // a word joined, the smart tag's text kept, the sdt's row read
    assert_eq!(
        t.rows[5][1].lines,
        vec![
            "Ban hành kế hoạch CCHC năm của cơ quan",
            "- Ban hành kịp thời: 4 điểm",
            "- Ban hành chậm: 2 điểm",
            "- Không ban hành: 0 điểm"
        ]
    );
    assert_eq!(
        t.rows[6][1].lines[1..],
        [
            "- Hoàn thành 100% kế hoạch: 6 điểm",
            "- Từ 80% đến dưới 100% kế hoạch: 4 điểm",
            "- Dưới 80% kế hoạch: 0 điểm"
        ]
    );
    assert_eq!(texts(t, 0)[9], "2.2");
    assert_eq!(texts(t, 2)[10], "20", "the points in a content control");
    assert!(t.rows[3][1].bold && t.rows[3][0].bold && !t.rows[5][1].bold);

    let draft = draft_of(t);
    assert_eq!(
        tree(&draft.framework),
        vec![
            "1 CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH (40)",
            "  1.1 Kế hoạch cải cách hành chính năm (10)",
            "    1.1.1 Ban hành kế hoạch CCHC năm của cơ quan (4) options[Ban hành kịp thời:4; Ban hành chậm:2; Không ban hành:0]",
            "    1.1.2 Mức độ hoàn thành kế hoạch CCHC (6) ratio[100%:6; từ 80% đến dưới 100%:4; dưới 80%:0]",
            "  1.2 Báo cáo cải cách hành chính định kỳ (10)",
            "    1.2.1 Số báo cáo định kỳ gửi đúng hạn (4 báo cáo/năm) (5) count[4:5; 3:3; từ 0 đến 2:0] max Some(4)",
            "    1.2.2 Báo cáo đủ nội dung theo hướng dẫn (5) yes_no",
            "  1.3 Công tác tuyên truyền cải cách hành chính (20)",
            "    1.3 Công tác tuyên truyền cải cách hành chính (20) proportional +không phát sinh",
            "2 ĐÁNH GIÁ CỦA NGƯỜI DÂN, TỔ CHỨC (60)",
            "  2.1 Mức độ hài lòng về sự phục vụ hành chính (60)",
            "    2.1.1 Mức độ hài lòng của người dân, tổ chức (điều tra xã hội học) (30) survey",
            "    2.1.2 Đánh giá của cán bộ, công chức về công tác CCHC (30) survey",
        ]
    );
    let fw = &draft.framework;
    assert_eq!(fw.total_max(), cchc::engine::model::Dec2::HUNDRED);
    assert_eq!(
        fw.sub("1.1.1").unwrap().evidence_hint,
        "Quyết định ban hành kế hoạch"
    );
    assert!(draft.problems().is_empty(), "{:?}", draft.problems());
    assert!(draft.flags.is_empty(), "{:?}", draft.flags);
}

#[test]
fn auto_numbered_table_after_other_tables() {
    let tables = docx::tables(&fixture("auto-numbered.docx")).unwrap();
    // the national header, the signature block, then the appendix
    assert_eq!(tables.len(), 3);
    assert_eq!(tables[1].rows[0][1].lines[0], "TM. ỦY BAN NHÂN DÂN");
    assert_eq!(docx::criteria_table(&tables), Some(2));
    let t = &tables[2];
    // the numbers Word shows: Roman fields, legal numbering under them
    // (isLgl: "1.1." not "I.1."), lists restarted per cell
    assert_eq!(
        texts(t, 0),
        vec![
            "TT", "I.", "1.1.", "1.1.1.", "1.1.2.", "1.2.", "II.", "2.1.", "2.2.", "2.2.1.",
            "2.2.2.", "III.", "3.1.", ""
        ]
    );
    assert_eq!(
        t.rows[3][3].lines,
        vec![
            "a) Ban hành trước ngày 15/12: 4 điểm",
            "b) Ban hành sau ngày 15/12: 2 điểm",
            "c) Không ban hành: 0 điểm"
        ]
    );
    assert_eq!(
        t.rows[5][3].lines[0],
        "a) Từ 5 cuộc kiểm tra trở lên: 18 điểm"
    );
    assert_eq!(t.rows[4][3].lines[0], "- Đạt 100%: 8 điểm");

    let draft = draft_of(t);
    assert_eq!(
        tree(&draft.framework),
        vec![
            "1 CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC (30)",
            "  1.1 Kế hoạch cải cách hành chính (12)",
            "    1.1.1 Ban hành kế hoạch CCHC năm (4) options[Ban hành trước ngày 15/12:4; Ban hành sau ngày 15/12:2; Không ban hành:0]",
            "    1.1.2 Tỷ lệ nhiệm vụ của kế hoạch hoàn thành (8) ratio[100%:8; từ 80% đến dưới 100%:5; dưới 80%:0]",
            "  1.2 Kiểm tra công tác cải cách hành chính (18)",
            "    1.2 Kiểm tra công tác cải cách hành chính (18) count[từ 5 trở lên:18; từ 2 đến 4:9; từ 0 đến 1:0] max None",
            "2 CẢI CÁCH THỦ TỤC HÀNH CHÍNH (30)",
            "  2.1 Tỷ lệ hồ sơ TTHC giải quyết đúng hạn (20)",
            "    2.1 Tỷ lệ hồ sơ TTHC giải quyết đúng hạn (20) proportional +không phát sinh",
            "  2.2 Công khai thủ tục hành chính (10)",
            "    2.2.1 Công khai đầy đủ TTHC tại Bộ phận một cửa (5) yes_no",
            "    2.2.2 Cập nhật TTHC trên Cổng dịch vụ công (5) yes_no",
            "3 MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN (40)",
            "  3.1 Chỉ số hài lòng về sự phục vụ hành chính (40)",
            "    3.1 Chỉ số hài lòng về sự phục vụ hành chính (40) survey",
        ]
    );
    assert!(draft.problems().is_empty(), "{:?}", draft.problems());
    assert!(draft.flags.is_empty(), "{:?}", draft.flags);
}

/// A ZIP of `parts`, deflated.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, data) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn document(body: &str) -> Vec<u8> {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>").into_bytes()
}

fn err(bytes: &[u8]) -> DocxError {
    docx::tables(bytes).expect_err("not a table")
}

#[test]
fn files_that_are_not_a_docx_are_named() {
    let doc = fixture("not-docx/quyet-dinh.doc");
    assert_eq!(docx::sniff(&doc), Err(DocxError::Doc));
    assert_eq!(err(&doc), DocxError::Doc);
    assert!(DocxError::Doc.to_string().contains("Word 97–2003 (.doc)"));
    assert!(DocxError::Doc.to_string().contains("Lưu thành"));

    let pdf = fixture("not-docx/quyet-dinh.pdf");
    assert_eq!(docx::sniff(&pdf), Err(DocxError::Pdf));
    assert_eq!(err(&pdf), DocxError::Pdf);
    assert!(DocxError::Pdf
        .to_string()
        .starts_with("Đây là tệp PDF, ứng dụng không đọc được bảng trong PDF"));

    let z = fixture("not-docx/anh-chup.zip");
    assert_eq!(docx::sniff(&z), Ok(()));
    assert_eq!(err(&z), DocxError::NotDocx);
    assert!(DocxError::NotDocx
        .to_string()
        .starts_with("Tệp không phải tài liệu Word (.docx) hoặc đã bị hỏng"));

    let none = fixture("not-docx/khong-co-bang.docx");
    assert_eq!(err(&none), DocxError::NoTables);
    assert!(DocxError::NoTables
        .to_string()
        .starts_with("Tài liệu Word không có bảng nào"));

    // an Excel workbook
    let xlsx = zip_of(&[("xl/workbook.xml", b"<workbook/>")]);
    assert_eq!(err(&xlsx), DocxError::Workbook);
    assert!(DocxError::Workbook.to_string().contains("Excel"));
    // a download cut short, a scan, plain text
    let full = fixture("word-layout.docx");
    assert_eq!(err(&full[..full.len() / 2]), DocxError::NotDocx);
    assert_eq!(err(b"\x89PNG\r\n\x1a\n...."), DocxError::Image);
    assert_eq!(err(b"{\\rtf1\\ansi"), DocxError::Rtf);
    assert_eq!(err(b"STT\tTieu chi"), DocxError::NotDocx);
    assert_eq!(err(b""), DocxError::NotDocx);
    // broken XML inside a good ZIP
    let broken = zip_of(&[(
        "word/document.xml",
        b"<w:document><w:body><w:tbl><w:tr></w:tc></w:body>",
    )]);
    assert_eq!(err(&broken), DocxError::NotDocx);
}

#[test]
fn a_zip_bomb_is_refused_within_the_limit() {
    // 50 MB of text in one cell compresses to some 50 kB
    let mut xml = Vec::with_capacity(51 << 20);
    xml.extend_from_slice(b"<w:document xmlns:w=\"w\"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>");
    let chunk = "Tỷ lệ hồ sơ giải quyết đúng hạn ".repeat(64);
    while xml.len() < 50 << 20 {
        xml.extend_from_slice(chunk.as_bytes());
    }
    xml.extend_from_slice(b"</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>");
    let bomb = zip_of(&[("word/document.xml", &xml)]);
    drop(xml);
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    let e = err(&bomb);
    assert_eq!(e, DocxError::TooLarge);
    assert!(
        e.to_string()
            .starts_with("Tài liệu Word quá lớn: nội dung sau khi giải nén vượt 20 MB"),
        "{e}"
    );
    assert_eq!(docx::MAX_XML, 20 * 1024 * 1024);

    // just under the limit is read
    let cell = "Nội dung ".repeat(1000);
    let mut body = String::new();
    while body.len() < 5 << 20 {
        body.push_str(&format!(
            "<w:tr><w:tc><w:p><w:r><w:t>1.1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{cell}</w:t></w:r></w:p></w:tc></w:tr>"
        ));
    }
    let ok = zip_of(&[(
        "word/document.xml",
        &document(&format!("<w:tbl>{body}</w:tbl>")),
    )]);
    let t = docx::tables(&ok).unwrap();
    assert_eq!(t.len(), 1);
    assert!(t[0].rows.len() > 400);
}

#[test]
fn spans_that_would_fill_the_memory_are_refused() {
    // one row of 20 000 cells each 50 columns wide, then 20 000 rows of
    // one cell: spread out, 20 billion cells
    let mut body = String::from("<w:tbl><w:tr>");
    for _ in 0..20_000 {
        body.push_str("<w:tc><w:tcPr><w:gridSpan w:val=\"50\"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>");
    }
    body.push_str("</w:tr>");
    for _ in 0..20_000 {
        body.push_str("<w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr>");
    }
    body.push_str("</w:tbl>");
    let z = zip_of(&[("word/document.xml", &document(&body))]);
    assert_eq!(err(&z), DocxError::TooLarge);
    // many small tables add up as well
    let one = "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"50\"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    let z = zip_of(&[("word/document.xml", &document(&one.repeat(20_000)))]);
    assert_eq!(err(&z), DocxError::TooLarge);
    // an empty <w:tc/> keeps its column
    let z = zip_of(&[(
        "word/document.xml",
        &document("<w:tbl><w:tr><w:tc/><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"),
    )]);
    let t = docx::tables(&z).unwrap();
    assert_eq!(texts(&t[0], 1), vec!["b", ""]);
}

#[test]
fn tables_nested_a_thousand_deep_do_not_overflow() {
    let depth = 1000;
    let mut body = String::new();
    for i in 0..depth {
        body.push_str(&format!(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{i}</w:t></w:r></w:p>"
        ));
    }
    for _ in 0..depth {
        body.push_str("<w:p/></w:tc></w:tr></w:tbl>");
    }
    let z = zip_of(&[("word/document.xml", &document(&body))]);
    let t = std::thread::Builder::new()
        // a small stack, like a browser's worker
        .stack_size(256 * 1024)
        .spawn(move || docx::tables(&z))
        .unwrap()
        .join()
        .unwrap()
        .unwrap();
    // one table: the inner ones are lines of its cell
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].rows.len(), 1);
    assert_eq!(t[0].rows[0][0].lines.len(), depth);
    assert_eq!(t[0].rows[0][0].lines[999], "999");

    // and the clipboard's HTML the same
    let mut html = String::new();
    for i in 0..depth {
        html.push_str(&format!("<table><tr><td>{i}"));
    }
    for _ in 0..depth {
        html.push_str("</td></tr></table>");
    }
    let ts = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || paste::html::tables(&html))
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(ts.len(), 1);
    assert_eq!(
        ts[0].rows[0][0].lines.first().map(String::as_str),
        Some("0")
    );
}
