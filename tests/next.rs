//! "Mục chưa trả lời tiếp theo": which item the button goes to.

use cchc::engine::formats::templates;
use cchc::engine::model::{Answer, Assessment, FrameworkRef, Period, Value};
use cchc::engine::rules::next::next_unanswered;
use cchc::engine::score;

#[test]
fn next_unanswered_walks_forward_and_wraps() {
    let fw = templates::built_in().remove(0);
    let mut a = Assessment::new(
        "a",
        FrameworkRef {
            id: fw.id.clone(),
            version: fw.version.clone(),
        },
        "X",
        2025,
        Period::Q1,
    );
    let yes = Answer {
        value: Some(Value::YesNo { yes: true }),
        ..Answer::default()
    };
    let s = score(&fw, &a);
    assert_eq!(
        next_unanswered(&fw, &s, None),
        Some(("1.1".into(), "1.1.1".into()))
    );
    assert_eq!(
        next_unanswered(&fw, &s, Some("1.1")),
        Some(("1.2".into(), "1.2.1".into()))
    );
    // survey items are skipped; after the last criterion it wraps round
    assert_eq!(
        next_unanswered(&fw, &s, Some("7.4")),
        Some(("1.1".into(), "1.1.1".into()))
    );
    a.set_answer("1.1.2", yes);
    let s = score(&fw, &a);
    assert_eq!(
        next_unanswered(&fw, &s, Some("9.9")),
        Some(("1.1".into(), "1.1.1".into()))
    );
}
