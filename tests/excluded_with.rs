//! A criterion that goes with a field (`excluded_with`): template A's 7.2
//! (online public services) is not applicable exactly when field 3
//! (administrative procedures) is, and cannot be excluded on its own.

mod common;
use cchc::engine::formats::{framework::LoadError, templates};
use cchc::engine::model::framework::Criterion;
use cchc::engine::rules::migrate::migrate;
use cchc::engine::*;
use common::*;
use serde_json::{json, Value as J};

fn so_json() -> J {
    serde_json::from_str(templates::BUILT_IN[0].1).unwrap()
}

fn crit_mut<'a>(v: &'a mut J, id: &str) -> &'a mut J {
    for f in v["fields"].as_array_mut().unwrap() {
        for c in f["criteria"].as_array_mut().unwrap() {
            if c["id"] == id {
                return c;
            }
        }
    }
    panic!("no {id}")
}

fn problems(v: &J) -> Vec<String> {
    match cchc::engine::formats::framework::read(&v.to_string()) {
        Ok(_) => vec![],
        Err(LoadError::Invalid(ps)) => ps.iter().map(|p| p.to_string()).collect(),
        Err(e) => vec![e.to_string()],
    }
}

/// Template A as it was before the link: 7.2 excludable on its own.
fn so_without_link() -> Framework {
    let mut v = so_json();
    let c = crit_mut(&mut v, "7.2");
    c.as_object_mut().unwrap().remove("excluded_with");
    c["may_be_not_applicable"] = json!(true);
    cchc::engine::formats::framework::read(&v.to_string()).unwrap()
}

fn all_best(fw: &Framework) -> Assessment {
    let mut a = new_assessment(fw);
    for sub in fw.subs() {
        a.set_answer(&sub.id, best(sub));
    }
    a
}

#[test]
fn template_a_says_7_2_goes_with_field_3() {
    let fw = so();
    let (_, c): (_, &Criterion) = fw.criterion("7.2").unwrap();
    assert_eq!(c.excluded_with.as_deref(), Some("3"));
    assert!(!c.may_be_not_applicable);
    assert!(fw.may_exclude("3"));
    assert!(!fw.may_exclude("7.2"));
    assert_eq!(fw.linked_note("3"), " (cùng tiêu chí 7.2)");
    assert_eq!(fw.linked_note("1"), "");
}

#[test]
fn excluding_field_3_excludes_7_2() {
    let fw = so();
    let mut a = all_best(&fw);
    a.excluded.insert("3".into());
    let s = score(&fw, &a);
    // 80 − 20 (field 3) − 6 (criterion 7.2 with it) = 54 self-assessed
    assert_eq!(s.self_max, d("54"));
    assert_eq!(s.applicable_max, d("74"));
    assert!(s.criterion("7.2").unwrap().excluded);
    assert_eq!(s.sub("7.2.1").unwrap().state, SubState::NotApplicable);
    assert_eq!(s.field("7").unwrap().applicable_max, d("7"));
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    // listing 7.2 as well (data stored before the link) changes nothing
    a.excluded.insert("7.2".into());
    let s2 = score(&fw, &a);
    assert_eq!(s2, s);
}

#[test]
fn criterion_7_2_cannot_be_excluded_alone() {
    let fw = so();
    let mut a = all_best(&fw);
    a.excluded.insert("7.2".into());
    let s = score(&fw, &a);
    assert_eq!(
        s.errors,
        vec![("7.2".to_string(), AnswerError::ExcludedOnlyWith("3".into()))]
    );
    assert_eq!(
        s.errors[0].1.to_string(),
        "Tiêu chí này chỉ không áp dụng cùng lĩnh vực 3: bỏ chọn \"không áp dụng\" ở tiêu chí, hoặc khai báo cả lĩnh vực 3 không áp dụng."
    );
    // still counted: the full maximum, its points earned
    assert!(!s.criterion("7.2").unwrap().excluded);
    assert_eq!(s.self_max, d("80"));
    assert_eq!(s.criterion("7.2").unwrap().points, d("6"));
}

#[test]
fn a_framework_without_the_link_reads_as_before() {
    let old = so_without_link();
    assert!(old.may_exclude("7.2"));
    let mut a = all_best(&old);
    a.excluded.insert("7.2".into());
    let s = score(&old, &a);
    assert!(s.errors.is_empty());
    assert_eq!(s.self_max, d("74"));
    // its canonical JSON has no excluded_with key: the hash of frameworks
    // written before the link is unchanged
    assert!(!cchc::engine::formats::framework::write(&old).contains("excluded_with"));
    assert!(cchc::engine::formats::framework::write(&so()).contains("\"excluded_with\": \"3\""));
}

#[test]
fn moving_to_the_linked_version_drops_the_lone_exclusion() {
    let (old, new) = (so_without_link(), so());
    let mut a = new_assessment(&old);
    a.excluded.insert("7.2".into());
    let (b, _) = migrate(&a, &old, &new);
    assert!(b.excluded.is_empty());
    a.excluded.insert("3".into());
    let (b, _) = migrate(&a, &old, &new);
    assert_eq!(b.excluded.iter().collect::<Vec<_>>(), vec!["3"]);
    assert!(score(&new, &b).criterion("7.2").unwrap().excluded);
}

#[test]
fn the_link_is_validated() {
    let mut v = so_json();
    crit_mut(&mut v, "7.2")["excluded_with"] = json!("9");
    assert_eq!(
        problems(&v),
        vec!["7.2: \"không áp dụng cùng lĩnh vực 9\": không có lĩnh vực này"]
    );
    crit_mut(&mut v, "7.2")["excluded_with"] = json!("1");
    assert_eq!(
        problems(&v),
        vec!["7.2: \"không áp dụng cùng lĩnh vực 1\": lĩnh vực 1 không được phép khai báo \"không áp dụng\""]
    );
    crit_mut(&mut v, "7.2")["excluded_with"] = json!("3");
    crit_mut(&mut v, "7.2")["may_be_not_applicable"] = json!(true);
    assert_eq!(
        problems(&v),
        vec!["7.2: tiêu chí đi cùng lĩnh vực 3 không thể khai báo \"không áp dụng\" riêng: bỏ một trong hai"]
    );
    let mut v = so_json();
    crit_mut(&mut v, "3.1")["excluded_with"] = json!("3");
    assert_eq!(
        problems(&v),
        vec!["3.1: \"không áp dụng cùng lĩnh vực 3\": đó là lĩnh vực chứa tiêu chí này (đã tự không áp dụng theo lĩnh vực)"]
    );
}

#[test]
fn the_link_round_trips_through_json() {
    let fw = so();
    let back =
        cchc::engine::formats::framework::read(&cchc::engine::formats::framework::write(&fw))
            .unwrap();
    assert_eq!(back, fw);
    assert_eq!(
        back.criterion("7.2").unwrap().1.excluded_with.as_deref(),
        Some("3")
    );
}
