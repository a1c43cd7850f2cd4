//! A framework with problems is refused whole, each problem named with its
//! place, in Vietnamese.

mod common;
use cchc::engine::formats::{framework::LoadError, templates};
use cchc::engine::*;
use common::*;
use serde_json::{json, Value as J};

fn so_json() -> J {
    serde_json::from_str(templates::BUILT_IN[0].1).unwrap()
}

fn problems(v: &J) -> Vec<String> {
    match cchc::engine::formats::framework::read(&v.to_string()) {
        Ok(_) => vec![],
        Err(LoadError::Invalid(ps)) => ps.iter().map(|p| p.to_string()).collect(),
        Err(e) => vec![e.to_string()],
    }
}

/// The sub-criterion object with this id.
fn sub_mut<'a>(v: &'a mut J, id: &str) -> &'a mut J {
    for f in v["fields"].as_array_mut().unwrap() {
        for c in f["criteria"].as_array_mut().unwrap() {
            for s in c["subs"].as_array_mut().unwrap() {
                if s["id"] == id {
                    return s;
                }
            }
        }
    }
    panic!("no {id}")
}

#[test]
fn overlapping_bands_are_named_at_the_overlap() {
    let mut v = so_json();
    // 3.4.1: make "95–<98" inclusive at 98: overlaps "98–<100" at 98
    sub_mut(&mut v, "3.4.1")["rule"]["bands"][2]["to_inclusive"] = json!(true);
    assert_eq!(problems(&v), vec!["3.4.1: các khoảng chồng lấn tại 98%"]);
    // and a real overlap of ranges: 90–<96 against 95–<98
    let mut v = so_json();
    sub_mut(&mut v, "3.4.1")["rule"]["bands"][3]["to"] = json!(96);
    assert_eq!(problems(&v), vec!["3.4.1: các khoảng chồng lấn tại 95%"]);
}

#[test]
fn gaps_are_named() {
    let mut v = so_json();
    // 3.4.1 band "90–<95" starts at 91 instead: gap at 90
    sub_mut(&mut v, "3.4.1")["rule"]["bands"][3]["from"] = json!(91);
    assert_eq!(problems(&v), vec!["3.4.1: các khoảng bỏ trống tại 90%"]);
    // both ends exclusive at 95: 95 itself is uncovered
    let mut v = so_json();
    sub_mut(&mut v, "3.4.1")["rule"]["bands"][2]["from_inclusive"] = json!(false);
    assert_eq!(problems(&v), vec!["3.4.1: các khoảng bỏ trống tại 95%"]);
    // top not reached
    let mut v = so_json();
    sub_mut(&mut v, "3.4.1")["rule"]["bands"][0]["to_inclusive"] = json!(false);
    sub_mut(&mut v, "3.4.1")["rule"]["bands"][0]["from_inclusive"] = json!(true);
    let ps = problems(&v);
    assert!(
        ps.iter()
            .any(|p| p.starts_with("3.4.1: khoảng không hợp lệ")),
        "{ps:?}"
    );
}

#[test]
fn every_problem_is_listed_at_once() {
    let mut v = so_json();
    sub_mut(&mut v, "1.1.1")["max"] = json!(1.5); // 1.1 sums to 4.5, field 1 still 13
    sub_mut(&mut v, "2.2.1")["rule"]["options"][0]["points"] = json!(3); // above max 1
    sub_mut(&mut v, "5.5.2")["id"] = json!("5.5.1"); // duplicate id
    v["bands"][1]["from"] = json!(70); // Khá 70–<80 leaves 65–70 uncovered
    let ps = problems(&v);
    assert_eq!(
        ps,
        vec![
            "Xếp loại: các khoảng bỏ trống tại 65%",
            "1.1: tổng điểm các mục con (4,5) khác điểm tối đa (4)",
            "1.1.1: không có mức nào đạt điểm tối đa",
            "2.2.1: mức điểm 3 nằm ngoài khoảng 0 đến điểm tối đa",
            "2.2.1: không có mức nào đạt điểm tối đa",
            "5.5.1: mã \"5.5.1\" bị trùng",
        ]
    );
}

#[test]
fn total_must_be_100_and_fields_must_add_up() {
    let mut v = so_json();
    let f8 = &mut v["fields"][7];
    f8["max"] = json!(21);
    f8["criteria"][0]["max"] = json!(11);
    f8["criteria"][0]["subs"][0]["max"] = json!(11);
    assert_eq!(
        problems(&v),
        vec!["Bộ tiêu chí: tổng điểm tối đa là 101, phải bằng 100"]
    );
}

#[test]
fn count_bands_must_tile() {
    let mut v = so_json();
    // 1.2.1 "4 = 1; 3 = 0.5; ≤2 = 0" → drop the "3" band
    let bands = sub_mut(&mut v, "1.2.1")["rule"]["bands"]
        .as_array_mut()
        .unwrap();
    bands.remove(1);
    assert_eq!(
        problems(&v),
        vec!["1.2.1: các khoảng số lượng bỏ trống tại 3"]
    );
    let mut v = so_json();
    sub_mut(&mut v, "3.1.3")["rule"]["bands"][1]["max"] = json!(3);
    assert_eq!(
        problems(&v),
        vec!["3.1.3: các khoảng số lượng chồng lấn tại 3"]
    );
    let mut v = so_json();
    sub_mut(&mut v, "1.2.1")["rule"]["max_count"] = json!(3);
    assert_eq!(
        problems(&v),
        vec![
            "1.2.1: số lượng phải đạt cả năm vượt quá số tối đa 3",
            "1.2.1: khoảng số lượng vượt quá số tối đa 3"
        ]
    );
}

#[test]
fn wrong_format_and_newer_version_are_refused() {
    let mut v = so_json();
    v["format"] = json!("something-else");
    v["format_version"] = json!(7);
    assert_eq!(
        problems(&v),
        vec![
            "Định dạng tệp: không phải tệp bộ tiêu chí (format = \"something-else\")",
            "Phiên bản định dạng: phiên bản định dạng 7 mới hơn ứng dụng; hãy cập nhật ứng dụng",
        ]
    );
}

#[test]
fn malformed_json_reports_line_and_column() {
    let text = "{\n  \"format\": \"cchc-framework\",\n  oops\n}";
    match cchc::engine::formats::framework::read(text) {
        Err(LoadError::Json { line, column, .. }) => assert_eq!((line, column), (3, 3)),
        other => panic!("{other:?}"),
    }
    // three decimals are refused, not rounded
    let mut v = so_json();
    sub_mut(&mut v, "1.1.1")["rule"]["options"][1]["points"] = json!(0.125);
    match cchc::engine::formats::framework::read(&v.to_string()) {
        Err(e @ LoadError::Shape(_)) => assert_eq!(
            e.to_string(),
            "Tệp bộ tiêu chí thiếu hoặc sai dữ liệu: trường \"fields[0].criteria[0].subs[0].rule.options[1].points\": cần một số có tối đa hai chữ số thập phân"
        ),
        other => panic!("{other:?}"),
    }
    assert!(cchc::engine::formats::framework::read("").is_err());
    assert!(cchc::engine::formats::framework::read("[]").is_err());
}

#[test]
fn cam_au_style_exclusive_lower_bound_is_valid() {
    // "trên 90% = 2; từ 70% - 90% = 1; dưới 70% = 0"
    let mut v = so_json();
    sub_mut(&mut v, "1.1.3")["rule"]["bands"] = json!([
        {"from": 90, "from_inclusive": false, "to": 100, "to_inclusive": true, "points": 2},
        {"from": 70, "from_inclusive": true, "to": 90, "to_inclusive": true, "points": 1},
        {"from": 0, "from_inclusive": true, "to": 70, "to_inclusive": false, "points": 0}
    ]);
    assert!(problems(&v).is_empty());
    let fw = cchc::engine::formats::framework::read(&v.to_string()).unwrap();
    let mut a = new_assessment(&fw);
    for (n, want) in [(90, "1"), (91, "2"), (70, "1"), (69, "0")] {
        a.set_answer("1.1.3", ratio(n, 100));
        assert_eq!(score(&fw, &a).sub("1.1.3").unwrap().points, d(want), "{n}%");
    }
}

#[test]
fn survey_items_cannot_claim_no_case() {
    let mut v = so_json();
    sub_mut(&mut v, "8.1.1")["no_case_full_points"] = json!(true);
    assert_eq!(
        problems(&v),
        vec!["8.1.1: tiêu chí điều tra xã hội học không thể có \"không phát sinh\""]
    );
}

#[test]
fn round_trips_through_json() {
    let fw = so();
    let again =
        cchc::engine::formats::framework::read(&cchc::engine::formats::framework::write(&fw))
            .unwrap();
    assert_eq!(fw, again);
}

#[test]
fn ids_follow_one_pattern() {
    use cchc::engine::rules::validate::id_ok;
    for good in ["1", "1.1.1", "gia-lai-so-mau", "2025.1", "B1", "a"] {
        assert!(id_ok(good), "{good}");
    }
    for bad in [
        "",
        "../1",
        "x@1@2/../3",
        "trung@1",
        "1 1",
        "-a",
        ".a",
        "Đ1",
        &"a".repeat(65),
    ] {
        assert!(!id_ok(bad), "{bad}");
    }
    let mut v: J = serde_json::from_str(templates::BUILT_IN[0].1).unwrap();
    v["id"] = json!("../1");
    v["version"] = json!("1@2");
    v["fields"][0]["criteria"][0]["subs"][0]["id"] = json!("x@1@2/../3");
    let ps = problems(&v);
    let msg = "không hợp lệ: chỉ dùng chữ cái không dấu, chữ số, dấu chấm và dấu gạch nối (tối đa 64 ký tự)";
    assert!(
        ps.contains(&format!("Mã bộ tiêu chí: mã \"../1\" {msg}")),
        "{ps:?}"
    );
    assert!(
        ps.contains(&format!("Phiên bản bộ tiêu chí: mã \"1@2\" {msg}")),
        "{ps:?}"
    );
    assert!(
        ps.contains(&format!("x@1@2/../3: mã \"x@1@2/../3\" {msg}")),
        "{ps:?}"
    );
}

#[test]
fn a_self_assessment_offered_as_a_framework_is_named() {
    let fw = so();
    let a = new_assessment(&fw);
    let text = cchc::engine::formats::file::export(&a, &fw, true, "2025-01-01T00:00:00+07:00");
    let e = cchc::engine::formats::framework::read(&text)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("Đây là tệp tự đánh giá của một đơn vị, không phải tệp bộ tiêu chí."),
        "{e}"
    );
    let e = cchc::engine::formats::framework::read("[1, 2]")
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("Tệp JSON này không phải tệp bộ tiêu chí"),
        "{e}"
    );
    // and a JSON error is in Vietnamese, with where
    let e = cchc::engine::formats::framework::read("{\"format\": ")
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "Tệp bộ tiêu chí không đúng định dạng (dòng 1, cột 12): hết dữ liệu giữa chừng"
    );
}
