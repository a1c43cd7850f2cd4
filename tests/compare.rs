//! Comparison with an earlier period.

mod common;
use cchc::engine::rules::compare::compare;
use cchc::engine::*;
use common::*;

#[test]
fn points_then_and_now_with_changes() {
    let fw = so();
    let mut q1 = new_assessment(&fw);
    q1.period = Period::Q1;
    q1.set_answer("1.1.1", value(Value::Choice { option: "a".into() })); // 1
    q1.set_answer("3.4.1", ratio(99, 100)); // 4
    let mut h1 = q1.clone();
    h1.period = Period::H1;
    h1.set_answer("1.1.1", value(Value::Choice { option: "b".into() })); // 0.5: worse
    h1.set_answer("3.4.1", ratio(100, 100)); // 5: better
    h1.set_answer("1.1.2", value(Value::YesNo { yes: true })); // new: 1
    let c = compare(&fw, &h1, &fw, &q1);
    let row = |id: &str| c.subs.iter().find(|r| r.id == id).unwrap().clone();
    assert_eq!(row("1.1.1").change(), Some(d("-0,5")));
    assert!(row("1.1.1").worse());
    assert!(row("3.4.1").better());
    assert_eq!(row("1.1.2").then, None);
    assert_eq!(row("1.1.2").change(), None);
    assert_eq!(c.fields[0].then, Some(d("1")));
    assert_eq!(c.fields[0].now, Some(d("1,5")));
    assert_eq!(c.fields[2].change(), Some(d("1")));
    assert_eq!(c.total.change(), Some(d("1,5")));
    // 6,5 points over the 76 that can be judged by 14/6 (the survey and the
    // year-end items wait for the year; nothing of the plan is due)
    assert_eq!(c.index.now, Some(d("8,55")));
    assert_eq!(c.subs.len(), 56);
}

#[test]
fn items_only_in_one_framework_have_one_side() {
    let so_fw = so();
    let xa_fw = xa();
    let mut a = new_assessment(&so_fw);
    a.set_answer("1.1.1", value(Value::Choice { option: "a".into() }));
    let mut b = new_assessment(&xa_fw);
    b.framework.id = xa_fw.id.clone();
    b.set_answer("3.3", ratio(1, 1));
    let c = compare(&so_fw, &a, &xa_fw, &b);
    let r = c.subs.iter().find(|r| r.id == "3.3").unwrap();
    assert_eq!((r.then, r.now), (Some(d("7")), None));
    let only_xa = xa_fw.subs().filter(|x| so_fw.sub(&x.id).is_none()).count();
    assert_eq!(c.subs.len(), 56 + only_xa);
    // ids both share are matched, even across frameworks
    let r = c.subs.iter().find(|r| r.id == "1.1.1").unwrap();
    assert_eq!((r.then, r.now), (None, Some(d("1"))));
}
