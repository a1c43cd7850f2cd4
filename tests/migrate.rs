//! Moving an assessment between two versions of a framework.

mod common;
use cchc::engine::model::framework::{ChoiceOption, Rule};
use cchc::engine::rules::migrate::migrate;
use cchc::engine::*;
use common::*;

#[test]
fn answers_follow_ids_and_misfits_are_reported() {
    let v1 = so();
    let mut v2 = v1.clone();
    v2.version = "2026.1".into();
    // 1.1.1 gets new option ids; 5.5.3 is removed and its point goes to a new 5.5.4
    if let Rule::Options { options } = &mut v2.fields[0].criteria[0].subs[0].rule {
        *options = vec![
            ChoiceOption {
                id: "dung-han".into(),
                label: "Đúng hạn".into(),
                points: d("1"),
            },
            ChoiceOption {
                id: "khong".into(),
                label: "Không".into(),
                points: d("0"),
            },
        ];
    }
    let c55 = &mut v2.fields[4].criteria[4];
    let mut s = c55.subs.pop().unwrap();
    assert_eq!(s.id, "5.5.3");
    s.id = "5.5.4".into();
    s.title = "Thực hiện Bộ quy tắc ứng xử".into();
    c55.subs.push(s);
    // 3.4.2 no longer offers "no case arose"
    v2.fields[2].criteria[3].subs[1].no_case_full_points = false;
    assert!(validate(&v2).is_empty(), "{:?}", validate(&v2));

    let mut a = new_assessment(&v1);
    a.set_answer("1.1.1", value(Value::Choice { option: "a".into() }));
    a.set_answer("1.1.2", value(Value::YesNo { yes: true }));
    a.set_answer("5.5.3", value(Value::YesNo { yes: true }));
    a.set_answer(
        "3.4.2",
        Answer {
            no_case: true,
            explanation: "Không có hồ sơ quá hạn".into(),
            ..Answer::default()
        },
    );
    let (b, r) = migrate(&a, &v1, &v2);
    assert_eq!(r.added, vec!["5.5.4"]);
    assert_eq!(r.removed, vec!["5.5.3"]);
    assert_eq!(r.changed, vec!["1.1.1", "3.4.2"]);
    assert_eq!(r.cleared, vec!["1.1.1", "3.4.2"]);
    assert_eq!(b.framework.version, "2026.1");
    assert_eq!(b.answers["1.1.2"], a.answers["1.1.2"]);
    assert!(b.answers["1.1.1"].value.is_none());
    assert_eq!(b.answers["3.4.2"].explanation, "Không có hồ sơ quá hạn"); // text kept
    assert!(!b.answers.contains_key("5.5.3"));
    let s = score(&v2, &b);
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    assert_eq!(s.self_points, d("1"));
    // the original is untouched
    assert_eq!(a.framework.version, "2025.1");
}
