//! The app's own JSON parser against serde_json: the same documents read
//! the same (canonical text, hence checksums), the same texts are refused.

use cchc::engine::formats::json;
use proptest::prelude::*;

/// A JSON text of random shape: objects, arrays, strings with escapes and
/// non-ASCII, numbers as people and programs write them.
fn arb_json() -> impl Strategy<Value = String> {
    let number = prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        (-100_000i64..100_000, 0u32..3).prop_map(|(n, d)| {
            let s = format!("{:.*}", d as usize, n as f64 / 10f64.powi(d as i32));
            s.replace("-0.00", "0.00").replace("-0.0", "0.0")
        }),
        (1u32..999, -6i32..6).prop_map(|(m, e)| format!("{m}e{e}")),
        (1u32..9999, 1u32..9999).prop_map(|(a, b)| format!("{a}.{b:04}")),
        Just("0".to_string()),
        Just("100.0".to_string()),
        Just("1.50".to_string()),
    ];
    let string = "[a-zA-Z0-9 đĐăâêôơưạảấầ\"\\\\/\n\t\u{1}😀]{0,12}"
        .prop_map(|s| serde_json::to_string(&s).unwrap());
    let leaf = prop_oneof![
        Just("null".to_string()),
        Just("true".to_string()),
        Just("false".to_string()),
        number,
        string.clone(),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6)
                .prop_map(|v| format!("[ {} ]", v.join(" ,\n"))),
            proptest::collection::vec(("[a-z]{0,3}", inner), 0..6).prop_map(|v| {
                let fields: Vec<String> = v
                    .into_iter()
                    .map(|(k, x)| format!("\"{k}\" :{x}"))
                    .collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn reads_and_prints_as_serde_json_does(text in arb_json()) {
        let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
        let ours = json::parse(&text).unwrap();
        prop_assert_eq!(json::canonical(&ours, &[]), serde_json::to_string(&theirs).unwrap());
    }

    #[test]
    fn refuses_what_serde_json_refuses(text in "[\\[\\]{}\",:0-9a-z. \\\\-]{0,16}") {
        let theirs = serde_json::from_str::<serde_json::Value>(&text).is_ok();
        let ours = json::parse(&text).is_ok();
        prop_assert_eq!(ours, theirs, "{:?}", text);
    }
}

#[test]
fn errors_say_where_in_vietnamese() {
    let e = |t: &str| json::parse(t).unwrap_err().to_string();
    assert_eq!(e(""), "hết dữ liệu giữa chừng (dòng 1, cột 1)");
    assert_eq!(
        e("{\"a\": 1,\n \"b\" 2}"),
        "cần dấu hai chấm sau tên trường (dòng 2, cột 6)"
    );
    assert_eq!(e("[1, 2"), "hết dữ liệu giữa chừng (dòng 1, cột 6)");
    assert_eq!(
        e("\"ắ\u{1}\""),
        "ký tự điều khiển trong chuỗi (dòng 1, cột 3)"
    );
    assert_eq!(e("01"), "số không hợp lệ (dòng 1, cột 2)");
    assert_eq!(
        e("[] x"),
        "còn ký tự thừa sau khi hết dữ liệu JSON (dòng 1, cột 4)"
    );
    let deep = "[".repeat(200) + &"]".repeat(200);
    assert_eq!(e(&deep), "dữ liệu lồng nhau quá sâu (dòng 1, cột 129)");
    // a repeated key: the last counts, as in serde_json
    let v = json::parse(r#"{"a": 1, "a": 2}"#).unwrap();
    assert_eq!(json::canonical(&v, &[]), r#"{"a":2}"#);
    // surrogate pairs
    let v = json::parse(r#""\ud83d\ude00""#).unwrap();
    assert_eq!(v.as_str(), Some("😀"));
    assert!(json::parse(r#""\ud83d""#).is_err());
}
