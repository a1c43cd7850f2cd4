//! Properties over random answers: scores stay within their maxima, sums
//! agree at every level, the index stays in 0–100, and the order in which
//! answers were given does not matter.

mod common;
use cchc::engine::*;
use common::*;
use proptest::prelude::*;

fn check(fw: &Framework, s: &Summary) {
    for sub in &s.subs {
        assert!(
            sub.points >= Dec2::ZERO && sub.points <= sub.applicable_max
                || sub.state == SubState::Invalid && sub.points == Dec2::ZERO,
            "{} {:?}",
            sub.id,
            sub
        );
        assert!(sub.applicable_max <= sub.max);
        assert!(sub.lost >= Dec2::ZERO);
    }
    for c in &s.criteria {
        let (_, crit) = fw.criterion(&c.id).unwrap();
        let subs: Vec<&SubScore> = s
            .subs
            .iter()
            .filter(|x| crit.subs.iter().any(|k| k.id == x.id))
            .collect();
        assert_eq!(c.points, subs.iter().map(|x| x.points).sum::<Dec2>());
        assert_eq!(
            c.applicable_max,
            subs.iter().map(|x| x.applicable_max).sum::<Dec2>()
        );
        assert!(c.points <= c.applicable_max);
    }
    for f in &s.fields {
        let field = fw.fields.iter().find(|x| x.id == f.id).unwrap();
        let cs: Vec<&NodeScore> = s
            .criteria
            .iter()
            .filter(|x| field.criteria.iter().any(|k| k.id == x.id))
            .collect();
        assert_eq!(f.points, cs.iter().map(|x| x.points).sum::<Dec2>());
        assert_eq!(
            f.applicable_max,
            cs.iter().map(|x| x.applicable_max).sum::<Dec2>()
        );
        assert!(f.percent() >= Dec2::ZERO && f.percent() <= Dec2::HUNDRED);
    }
    let field_sum: Dec2 = s.fields.iter().map(|f| f.points).sum();
    assert_eq!(field_sum, s.self_points + s.survey_estimate);
    assert_eq!(
        s.applicable_max,
        s.fields.iter().map(|f| f.applicable_max).sum::<Dec2>()
    );
    assert!(s.self_points <= s.self_max);
    assert!(s.index >= Dec2::ZERO && s.index <= Dec2::HUNDRED);
    assert!(s.self_index >= Dec2::ZERO && s.self_index <= Dec2::HUNDRED);
    assert!(s.completion >= Dec2::ZERO && s.completion <= Dec2::HUNDRED);
    assert!(s.bonus <= fw.bonus.cap && s.deductions <= fw.deductions.cap);
    assert!(s.total >= Dec2::ZERO && s.total <= s.applicable_max);
    assert!(s.band.is_some());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn scores_stay_in_bounds_and_sums_agree((fw, answers, excl, adj) in prop_oneof![arb_assessment(so()), arb_assessment(xa())]) {
        let a = build(&fw, &answers, &excl, &adj);
        let s = score(&fw, &a);
        check(&fw, &s);
    }

    #[test]
    fn order_of_answers_is_irrelevant((fw, answers, excl, adj) in arb_assessment(so()), seed in any::<u64>()) {
        let a = build(&fw, &answers, &excl, &adj);
        let mut shuffled = answers.clone();
        // a deterministic shuffle from the seed
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let b = build(&fw, &shuffled, &excl, &adj);
        prop_assert_eq!(score(&fw, &a), score(&fw, &b));
    }
}
