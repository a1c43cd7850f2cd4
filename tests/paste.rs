//! The paste parser on the real Cà Mau rows (QĐ 1880/QĐ-UBND, 2013) and on
//! hand-made tables of every shape.

mod common;
use cchc::engine::formats::paste::{self, band_of};
use cchc::engine::model::framework::{Rule, UnitType};
use cchc::engine::*;
use common::*;

#[test]
fn ca_mau_rows() {
    let text = include_str!("fixtures/ca-mau-1880-excerpt.tsv");
    let draft = paste::parse(text, UnitType::So);
    let fw = &draft.framework;
    assert_eq!(fw.fields.len(), 1);
    assert_eq!((fw.fields[0].id.as_str(), fw.fields[0].max), ("1", d("20")));
    assert_eq!(
        fw.fields[0]
            .criteria
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        vec!["1.1", "1.2"]
    );
    assert_eq!(fw.subs().count(), 6);
    // 1.1.1 options: kịp thời 1; không kịp thời 0,5; không ban hành 0
    match &fw.sub("1.1.1").unwrap().rule {
        Rule::Options { options } => {
            let got: Vec<(&str, Dec2)> = options
                .iter()
                .map(|o| (o.label.as_str(), o.points))
                .collect();
            assert_eq!(
                got,
                vec![
                    ("Ban hành kịp thời", d("1")),
                    ("Ban hành không kịp thời", d("0,5")),
                    ("Không ban hành", d("0"))
                ]
            );
        }
        r => panic!("{r:?}"),
    }
    // 1.1.4: trên 90% = 2; từ 70% - 90% = 1; dưới 70% = 0
    match &fw.sub("1.1.4").unwrap().rule {
        Rule::RatioBands { bands, .. } => {
            let got: Vec<_> = bands
                .iter()
                .map(|b| {
                    (
                        b.range.from,
                        b.range.from_inclusive,
                        b.range.to,
                        b.range.to_inclusive,
                        b.points,
                    )
                })
                .collect();
            assert_eq!(
                got,
                vec![
                    (d("90"), false, d("100"), true, d("2")),
                    (d("70"), true, d("90"), true, d("1")),
                    (d("0"), true, d("70"), false, d("0")),
                ]
            );
        }
        r => panic!("{r:?}"),
    }
    // the draft scores like the real table
    let mut a = new_assessment(fw);
    a.set_answer("1.1.4", ratio(90, 100));
    assert_eq!(score(fw, &a).sub("1.1.4").unwrap().points, d("1"));
    a.set_answer("1.1.4", ratio(901, 1000));
    assert_eq!(score(fw, &a).sub("1.1.4").unwrap().points, d("2"));
    // only rows of 1.1 and 1.2 are quoted: field 1 (20) ≠ 5 + 2 — reported, not hidden
    let problems: Vec<String> = draft.problems().iter().map(|p| p.to_string()).collect();
    assert!(
        problems.contains(&"1: tổng điểm các mục con (7) khác điểm tối đa (20)".to_string()),
        "{problems:?}"
    );
    assert!(problems.contains(&"Bộ tiêu chí: tổng điểm tối đa là 20, phải bằng 100".to_string()));
    assert!(draft.flags.is_empty(), "{:?}", draft.flags);
}

#[test]
fn hand_made_tables_of_every_shape() {
    let text = "STT\tLĩnh vực/Tiêu chí/Tiêu chí thành phần\tĐiểm tối đa\n\
        1\tCHỈ ĐẠO\t100\n\
        1.1\tKế hoạch\t10\n\
        1.1.1\tBan hành\t2\n\
        \tCó ban hành: 2\n\
        \tKhông ban hành: 0\n\
        1.1.2\tTỷ lệ đúng hạn\t5\n\
        \tĐạt 100%: 5\n\
        \tTừ 95% đến dưới 100%: 3\n\
        \tDưới 95%: 0\n\
        1.1.3\tSố liệu\t3\n\
        \tTừ 80% trở lên\t3\n\
        \tTừ 50% đến dưới 80%\t1,5\n\
        \tDưới 50%\t0\n\
        1.2\tTuyên truyền (chấm trực tiếp)\t90\n\
        \tHoàn thành: 90\n\
        \tChưa hoàn thành: 45\n\
        \tKhông thực hiện: 0\n";
    let draft = paste::parse(text, UnitType::Xa);
    let fw = &draft.framework;
    assert!(draft.problems().is_empty(), "{:?}", draft.problems());
    assert!(draft.flags.is_empty(), "{:?}", draft.flags);
    assert_eq!(fw.unit_type, UnitType::Xa);
    assert!(
        // "Có ban hành: 2" / "Không ban hành: 0" is a yes/no item
        fw.sub("1.1.1").unwrap().rule == Rule::YesNo
    );
    // points in the third column work as well as after a colon
    match &fw.sub("1.1.3").unwrap().rule {
        Rule::RatioBands { bands, .. } => assert_eq!(bands[1].points, d("1,5")),
        r => panic!("{r:?}"),
    }
    // a criterion scored directly becomes one sub-criterion with its id
    assert_eq!(fw.criterion("1.2").unwrap().1.subs[0].id, "1.2");
    // the draft is a usable framework
    let mut a = new_assessment(fw);
    a.set_answer("1.1.2", ratio(96, 100));
    a.set_answer("1.2", value(Value::Choice { option: "b".into() }));
    assert_eq!(score(fw, &a).self_points, d("48"));
}

#[test]
fn what_is_not_recognised_is_flagged() {
    let text = "1\tA\t100\n1.1\tB\t100\n1.1.1\tC\t60\n\tÝ kiến của Sở Nội vụ\n1.1.2\tD\t40\n\
                \tTrên 90%: 40\n\tĐạt yêu cầu: 20\n1.1.3\tE\n9.x\tlạ\t1\n1.1.1.1\tquá sâu\t1\n";
    let draft = paste::parse(text, UnitType::So);
    let flags: Vec<String> = draft
        .flags
        .iter()
        .map(|f| format!("{}: {}", f.id, f.message))
        .collect();
    assert_eq!(
        flags,
        // in the order of the items
        vec![
            "1.1.1: dòng \"Ý kiến của Sở Nội vụ\" không có điểm: hãy nhập điểm".to_string(),
            "1.1.2: có dòng tỷ lệ % lẫn dòng khác: tạm để dạng chọn mức, hãy kiểm tra".to_string(),
            "1.1.3: thiếu điểm tối đa".to_string(),
            "1.1.3: không hiểu số thứ tự \"9.x\": đã đọc \"9.x lạ\" như dòng cách chấm".to_string(),
            "1.1.3: số thứ tự \"1.1.1.1\" sâu hơn 3 cấp: đọc như dòng cách chấm \"quá sâu\""
                .to_string(),
        ]
    );
    // the text is kept: as guidance and as option labels
    assert_eq!(
        draft.framework.sub("1.1.1").unwrap().guidance,
        "Ý kiến của Sở Nội vụ"
    );
    // no level at the maximum: said once, by the engine's own check
    assert!(draft
        .problems()
        .iter()
        .any(|p| p.to_string() == "1.1.1: không có mức nào đạt điểm tối đa"));
    assert!(!draft.problems().is_empty());
}

#[test]
fn band_wording() {
    let b = |s: &str| band_of(s).map(|(f, fi, t, ti)| (f.to_vi(), fi, t.to_vi(), ti));
    let s = |f: &str, fi, t: &str, ti| Some((f.to_string(), fi, t.to_string(), ti));
    assert_eq!(
        b("Thực hiện trên 90% kế hoạch"),
        s("90", false, "100", true)
    );
    assert_eq!(b("Từ 80% trở lên"), s("80", true, "100", true));
    assert_eq!(b("Từ 70% - 90% kế hoạch"), s("70", true, "90", true));
    assert_eq!(b("Từ 70% đến dưới 90%"), s("70", true, "90", false));
    assert_eq!(b("Trên 50% đến 70%"), s("50", false, "70", true));
    assert_eq!(b("Dưới 70% kế hoạch"), s("0", true, "70", false));
    assert_eq!(b("Đạt 100%"), s("100", true, "100", true));
    assert_eq!(
        b("Từ 97,5% đến dưới 99,5 %"),
        s("97,5", true, "99,5", false)
    );
    assert_eq!(b("Ban hành kịp thời"), None);
}

#[test]
fn a_table_being_mapped_is_kept_and_read_back_as_it_was() {
    use cchc::engine::formats::paste::{build, columns, table, Pending, Role};
    use cchc::engine::formats::stored::{decode_pending, encode_pending};
    let text = "STT\tTiêu chí\tĐiểm tối đa\tYêu cầu\n1\tChỉ đạo\t100\t\n1.1\tKế hoạch\t100\t\n\
                1.1.1\tBan hành\t100\t\"Có: 100 điểm\nKhông: 0 điểm\"\n";
    let t = table::from_tsv(text);
    let mut cols = columns::detect(&t);
    assert_eq!(cols.roles[3], Role::Ignore);
    cols.roles[3] = Role::Rule; // corrected by hand
    let kept = Pending::of(&t, &cols, "bảng dán vào", true, 0);
    let back = decode_pending(&encode_pending(&kept)).expect("reads back");
    assert_eq!(back, kept);
    let (t2, cols2) = back.restore();
    assert_eq!(cols2.roles, cols.roles);
    assert_eq!(
        build::build(&t2, &cols2, UnitType::So).framework,
        build::build(&t, &cols, UnitType::So).framework
    );
    // what does not read is dropped, not half-read
    for bad in [
        "",
        "{",
        "[]",
        "{\"table\":1}",
        "{\"table\":\"\",\"from\":\"\",\"roles\":[],\"header_rows\":-1}",
    ] {
        assert_eq!(decode_pending(bad), None, "{bad}");
    }
    // roles that do not fit the table: detected again
    let odd = Pending {
        roles: vec!["title".into()],
        header_rows: 99,
        ..kept
    };
    let (t3, c3) = odd.restore();
    assert_eq!(c3.roles.len(), t3.width());
    assert!(c3.header_rows <= t3.rows.len());
}

#[test]
fn no_violation_beside_a_deduction_is_the_count_zero_not_no_case() {
    let text = "1\tKỷ luật\t100\n1.1\tKỷ cương\t100\n1.1.1\tVi phạm kỷ luật hành chính\t6\n\
                \tKhông có trường hợp vi phạm: 6 điểm\n\tMỗi trường hợp vi phạm trừ 2 điểm\n\
                1.1.2\tKhác\t94\n\tĐạt: 94\n\tKhông đạt: 0\n";
    let draft = paste::parse(text, UnitType::So);
    let s = draft.framework.sub("1.1.1").unwrap();
    assert!(!s.no_case_full_points, "not ticked on a guess");
    match &s.rule {
        Rule::CountBands { bands, .. } => {
            let pts: Vec<(u64, Dec2)> = bands.iter().map(|b| (b.min, b.points)).collect();
            assert_eq!(
                pts,
                vec![
                    (0, Dec2::from_int(6)),
                    (1, Dec2::from_int(4)),
                    (2, Dec2::from_int(2)),
                    (3, Dec2::ZERO)
                ]
            );
        }
        r => panic!("{r:?}"),
    }
}

#[test]
fn lettered_sub_criteria_beside_numbered_ones_stay_items() {
    // 1.1, 1.2 under criterion 1; a), b) under criterion 2, in one field
    let text = "STT\tTiêu chí\tĐiểm tối đa\tPhương pháp chấm điểm\n\
                I\tCHỈ ĐẠO, ĐIỀU HÀNH\t100\t\n\
                1\tKế hoạch CCHC\t98\t\n\
                1.1\tBan hành kế hoạch\t48\tĐạt: 48 điểm; Không đạt: 0 điểm\n\
                1.2\tThực hiện kế hoạch\t50\tĐạt: 50 điểm; Không đạt: 0 điểm\n\
                2\tBáo cáo CCHC\t2\t\n\
                a)\tBáo cáo đủ số lượng, đúng thời hạn\t1\tMỗi báo cáo gửi chậm trừ 0,5 điểm\n\
                b)\tBáo cáo đủ nội dung theo đề cương\t1\t\"Đạt: 1\nKhông đạt: 0\"\n";
    let draft = paste::parse(text, UnitType::So);
    let ids: Vec<(&str, &str)> = draft
        .framework
        .subs()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        ids,
        vec![
            ("1.1.1", "Ban hành kế hoạch"),
            ("1.1.2", "Thực hiện kế hoạch"),
            ("1.2.1", "Báo cáo đủ số lượng, đúng thời hạn"),
            ("1.2.2", "Báo cáo đủ nội dung theo đề cương"),
        ]
    );
    assert_eq!(draft.framework.sub("1.2.2").unwrap().rule, Rule::YesNo);
    assert!(draft.problems().is_empty(), "{:?}", draft.problems());
    // letters that are a rule's levels stay its lines
    let text = "STT\tTiêu chí\tĐiểm tối đa\nI\tX\t100\n1\tKế hoạch\t100\n1.1\tBan hành\t98\n\
                1.2\tCông khai\t2\na)\tCó công khai\t2\nb)\tKhông công khai\t0\n";
    let draft = paste::parse(text, UnitType::So);
    assert_eq!(draft.framework.subs().count(), 2);
}

#[test]
fn lettered_parts_with_rules_of_their_own_stay_items_whatever_their_sum() {
    // a) 5 + b) 2 under a criterion of 8; then a criterion without points
    let text = "STT\tTiêu chí\tĐiểm tối đa\tPhương pháp chấm điểm\n\
                I\tCHỈ ĐẠO\t100\t\n1\tKế hoạch\t87\t\n1.1\tBan hành\t87\tĐạt: 87 điểm; Không đạt: 0 điểm\n\
                2\tỨng dụng CNTT\t8\t\n\
                a)\tTỷ lệ hồ sơ nộp trực tuyến\t5\t\"Từ 50% trở lên: 5 điểm\nDưới 50%: 0 điểm\"\n\
                b)\tSử dụng chữ ký số\t2\t\"Đạt: 2 điểm\nKhông đạt: 0 điểm\"\n\
                3\tKiểm tra CCHC\t\t\n\
                a)\tCó kế hoạch kiểm tra\t2\t\"Có: 2 điểm\nKhông: 0 điểm\"\n\
                b)\tThực hiện kiểm tra\t3\t\"Đạt: 3 điểm\nKhông đạt: 0 điểm\"\n";
    let draft = paste::parse(text, UnitType::So);
    let ids: Vec<&str> = draft.framework.subs().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["1.1.1", "1.2.1", "1.2.2", "1.3.1", "1.3.2"]);
    // the criterion without points takes its parts' sum, said
    assert_eq!(
        draft.framework.criterion("1.3").unwrap().1.max,
        Dec2::from_int(5)
    );
    assert!(draft.flags.iter().any(|f| f.id == "1.3"
        && f.message
            .contains("đã lấy tổng các tiêu chí thành phần (5 điểm)")));
    // the sum that differs is the engine's error, at the criterion
    let p: Vec<String> = draft.problems().iter().map(|p| p.to_string()).collect();
    assert!(p.iter().any(|m| m.starts_with("1.2:")), "{p:?}");
}
