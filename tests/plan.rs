//! Corrective actions, the annual plan feeding its sub-criterion, the
//! "if every action succeeds" projection, and the CSV files for Excel.

mod common;
use cchc::engine::formats::{sheets, templates};
use cchc::engine::model::{
    CorrectiveAction, PlanSource, PlanStatus as Status, PlanTask, ReformArea,
};
use cchc::engine::rules::period::next_period_copy;
use cchc::engine::rules::plan;
use cchc::engine::*;
use common::*;

fn tasks(done: usize, total: usize) -> Vec<PlanTask> {
    (0..total)
        .map(|i| PlanTask {
            id: format!("t{i}"),
            task: format!("Nhiệm vụ {i}"),
            status: if i < done {
                Status::Done
            } else {
                Status::InProgress
            },
            ..PlanTask::default()
        })
        .collect()
}

#[test]
fn plan_completion_feeds_its_sub_criterion() {
    let fw = so();
    assert_eq!(fw.plan_completion_sub.as_deref(), Some("1.1.3"));
    let mut a = new_assessment(&fw);
    // no plan kept here: the item is answered by hand as usual
    a.set_answer("1.1.3", ratio(1, 1));
    assert_eq!(score(&fw, &a).sub("1.1.3").unwrap().points, d("2"));
    assert!(!score(&fw, &a).sub("1.1.3").unwrap().from_plan);
    // a plan does not replace the typed 1/1: both are there, the typed
    // figure stands until the user chooses the plan's, and must be explained
    a.plan = tasks(7, 9);
    let x = score(&fw, &a).sub("1.1.3").unwrap().clone();
    assert_eq!(
        (x.points, x.from_plan, x.needs_support),
        (d("2"), false, true)
    );
    assert!(plan::plan_differs(&fw, &a));
    assert_eq!(a.plan_source(), PlanSource::Auto);
    // the user chooses the plan: its figure wins, 7/9 = 77.78% → < 80 → 0,
    // and the typed answer is kept
    a.set_plan_source(PlanSource::Plan);
    let s = score(&fw, &a);
    let x = s.sub("1.1.3").unwrap();
    assert_eq!(
        (x.points, x.from_plan, x.state),
        (d("0"), true, SubState::Answered)
    );
    assert_eq!(
        plan::plan_figure(&fw, &a),
        Some(plan::PlanFigure {
            done: 7,
            total: 9,
            due_by: None
        })
    );
    a.plan = tasks(8, 10); // 80% → 1
    assert_eq!(score(&fw, &a).sub("1.1.3").unwrap().points, d("1"));
    a.plan = tasks(10, 10); // 100% → 2
    assert_eq!(score(&fw, &a).sub("1.1.3").unwrap().points, d("2"));
    // the hand answer's evidence and explanation still count
    assert!(score(&fw, &a)
        .missing_support
        .contains(&"1.1.3".to_string()));
    let mut ans = a.answers["1.1.3"].clone();
    ans.evidence.push(Evidence {
        number: "01/KH".into(),
        ..Evidence::default()
    });
    a.set_answer("1.1.3", ans);
    assert!(!score(&fw, &a)
        .missing_support
        .contains(&"1.1.3".to_string()));

    assert_eq!(
        a.answers["1.1.3"].value,
        Some(Value::Ratio {
            numerator: 1,
            denominator: 1
        })
    );

    // override: the typed figure counts, and an explanation is required
    a.plan = tasks(5, 10);
    a.set_plan_source(PlanSource::Hand);
    let x = score(&fw, &a).sub("1.1.3").unwrap().clone();
    assert_eq!(
        (x.points, x.from_plan, x.needs_support),
        (d("2"), false, true)
    );
    let mut ans = a.answers["1.1.3"].clone();
    ans.explanation =
        "Kế hoạch được điều chỉnh theo QĐ 12/QĐ-UBND; 2 nhiệm vụ chuyển sang năm sau".into();
    a.set_answer("1.1.3", ans);
    assert!(!score(&fw, &a).sub("1.1.3").unwrap().needs_support);
}

#[test]
fn a_framework_naming_a_wrong_plan_item_is_refused() {
    let mut v: serde_json::Value = serde_json::from_str(templates::BUILT_IN[0].1).unwrap();
    v["plan_completion_sub"] = serde_json::json!("1.1.1"); // an options rule
    let e = cchc::engine::formats::framework::read(&v.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("Tiêu chí hoàn thành kế hoạch: \"1.1.1\" không có hoặc không tính theo tỷ lệ"),
        "{e}"
    );
    v["plan_completion_sub"] = serde_json::json!("9.9");
    assert!(cchc::engine::formats::framework::read(&v.to_string()).is_err());
}

fn action(subs: &[&str], expected: &str, status: Status) -> CorrectiveAction {
    CorrectiveAction {
        id: subs.join("+"),
        subs: subs.iter().map(|s| s.to_string()).collect(),
        what: "Khắc phục".into(),
        expected_points: d(expected),
        status,
        ..CorrectiveAction::default()
    }
}

#[test]
fn index_if_every_action_succeeds() {
    let fw = so();
    let mut a = new_assessment(&fw);
    for sub in fw.subs() {
        a.set_answer(&sub.id, best(sub));
    }
    a.set_answer("3.4.1", ratio(95, 100)); // 3 of 5: loses 2
    a.set_answer("1.1.1", value(Value::Choice { option: "c".into() })); // loses 1
    let s = score(&fw, &a);
    assert_eq!(s.total, d("97"));
    // an action expecting 2 back on 3.4.1
    a.actions.push(action(&["3.4.1"], "2", Status::InProgress));
    let p = plan::project(&fw, &a, &s);
    assert_eq!((p.gain, p.total, p.index), (d("2"), d("99"), d("99")));
    // expecting more than the item loses is capped by what it loses
    a.actions[0].expected_points = d("4");
    assert_eq!(plan::project(&fw, &a, &s).gain, d("2"));
    // two actions on the same item are not counted twice beyond its loss
    a.actions
        .push(action(&["3.4.1", "1.1.1"], "2", Status::NotStarted));
    let p = plan::project(&fw, &a, &s);
    assert_eq!((p.gain, p.index, p.open_actions), (d("3"), d("100"), 2));
    // done actions are already in the answers: not projected again
    a.actions[0].status = Status::Done;
    a.actions[1].expected_points = d("1");
    let p = plan::project(&fw, &a, &s);
    assert_eq!((p.gain, p.total, p.done_actions), (d("1"), d("98"), 1));
    assert_eq!(p.completion(), d("50"));
    assert_eq!(p.band.as_deref(), Some("Tốt")); // an action expecting more than its item loses never takes another
                                                // item's loss (found in a new user's trial: 1.1.3 counted for 3 of 2)
    a.actions = vec![
        action(&["1.1.1"], "2", Status::InProgress), // 1.1.1 loses 1
        action(&["3.4.1"], "0", Status::InProgress), // 3.4.1 loses 2
    ];
    assert_eq!(plan::project(&fw, &a, &s).gain, d("1"));
}

#[test]
fn overdue_is_past_deadline_and_not_done() {
    let mut x = action(&["1.1.1"], "1", Status::InProgress);
    x.deadline = "2025-03-10".into();
    assert!(x.is_overdue("2025-03-11"));
    assert!(!x.is_overdue("2025-03-10"));
    x.status = Status::Done;
    assert!(!x.is_overdue("2025-04-01"));
    x.status = Status::NotStarted;
    x.deadline.clear();
    assert!(!x.is_overdue("2099-01-01"));
}

/// A cell as a spreadsheet program reads it.
#[derive(Debug, PartialEq)]
enum C {
    S(String),
    N(f64),
    E,
}
use C::{E, N, S};

/// The rows of sheet `name` of the workbook, read with calamine.
#[test]
fn text_that_looks_like_a_formula_stays_text_in_the_workbook() {
    use calamine::{Reader, Xlsx};
    use cchc::engine::formats::xlsx::{workbook, Cell, Sheet};
    let hostile = [
        "=1+1",
        "+1",
        "-1",
        "@SUM(A1)",
        "\t=1+1",
        "\r=cmd|' /C calc'!A0",
        "\r\n=2*3",
        " =1",
        "=HYPERLINK(\"http://x\")",
        "a\u{1}b\u{FFFE}c",
        "<b>&amp;</b>",
    ];
    let sheet = Sheet {
        name: "Thử".into(),
        rows: hostile.iter().map(|t| vec![Cell::from(*t)]).collect(),
        ..Sheet::default()
    };
    let rows = read_back(std::slice::from_ref(&sheet), "Thử");
    let expect: Vec<Vec<C>> = hostile
        .iter()
        .map(|t| vec![S(t.replace(['\u{1}', '\u{FFFE}'], " "))])
        .collect();
    assert_eq!(rows, expect);
    let mut book = Xlsx::new(std::io::Cursor::new(workbook(&[sheet]))).unwrap();
    let formulas = book.worksheet_formula("Thử").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
}

fn read_back(sheets: &[cchc::engine::formats::xlsx::Sheet], name: &str) -> Vec<Vec<C>> {
    use calamine::{Data, Reader, Xlsx};
    let bytes = cchc::engine::formats::xlsx::workbook(sheets);
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("an .xlsx Excel opens");
    assert_eq!(
        book.sheet_names(),
        sheets.iter().map(|s| s.name.clone()).collect::<Vec<_>>()
    );
    let range = book.worksheet_range(name).expect("the sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => S(s.clone()),
                    Data::Float(f) => N(*f),
                    Data::Int(i) => N(*i as f64),
                    Data::Empty => E,
                    other => panic!("unexpected cell {other:?}"),
                })
                .collect()
        })
        .collect()
}

#[test]
fn excel_files_read_back_as_a_spreadsheet_would() {
    let fw = so();
    let mut a = new_assessment(&fw);
    a.actions.push(CorrectiveAction {
        id: "a1".into(),
        subs: vec!["3.4.1".into(), "3.4.2".into()],
        what: "Rà soát, \"nhắc việc\" hồ sơ sắp đến hạn".into(),
        unit: "Văn phòng".into(),
        person: "Nguyễn Văn A".into(),
        deadline: "2025-06-14".into(),
        expected_points: d("1,5"),
        status: Status::InProgress,
        progress: 40,
        result: "=HYPERLINK(\"x\")".into(),
        evidence: "dòng 1\ndòng 2".into(),
    });
    let rows = read_back(&[sheets::actions_sheet(&a)], "Biện pháp khắc phục");
    assert_eq!(
        rows,
        vec![
            vec![
                "STT",
                "Tiêu chí thành phần",
                "Biện pháp",
                "Đơn vị chủ trì",
                "Người phụ trách",
                "Thời hạn",
                "Điểm dự kiến thu hồi",
                "Trạng thái",
                "Tiến độ (%)",
                "Kết quả",
                "Tài liệu kiểm chứng"
            ]
            .into_iter()
            .map(|s| S(s.into()))
            .collect::<Vec<_>>(),
            vec![
                N(1.0),
                S("3.4.1; 3.4.2".into()),
                S("Rà soát, \"nhắc việc\" hồ sơ sắp đến hạn".into()),
                S("Văn phòng".into()),
                S("Nguyễn Văn A".into()),
                S("14/06/2025".into()),
                N(1.5), // a number, whatever the regional settings
                S("Đang thực hiện".into()),
                N(40.0),
                S("=HYPERLINK(\"x\")".into()), // text, never a formula
                S("dòng 1\ndòng 2".into()),
            ]
        ]
    );
    a.plan.push(PlanTask {
        id: "p2".into(),
        area: ReformArea::DigitalGovernment,
        task: "Số hóa hồ sơ".into(),
        output: "100% hồ sơ được số hóa".into(),
        lead: "Văn phòng".into(),
        deadline: "2025-12-14".into(),
        status: Status::InProgress,
        progress: [(Period::Q1, 20), (Period::H1, 55)].into_iter().collect(),
    });
    a.plan.push(PlanTask {
        id: "p1".into(),
        area: ReformArea::Institutions,
        task: "Rà soát văn bản".into(),
        status: Status::Done,
        progress: [(Period::Q1, 100)].into_iter().collect(),
        ..PlanTask::default()
    });
    let rows = read_back(&[sheets::plan_sheet(&a)], "Kế hoạch CCHC năm");
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[1],
        vec![
            N(1.0),
            S("Cải cách thể chế".into()),
            S("Rà soát văn bản".into()),
            E,
            E,
            E,
            S("Hoàn thành".into()),
            N(100.0),
            E,
            E,
            E
        ]
    );
    assert_eq!(
        rows[2],
        vec![
            N(2.0),
            S("Xây dựng, phát triển chính quyền điện tử, chính quyền số".into()),
            S("Số hóa hồ sơ".into()),
            S("100% hồ sơ được số hóa".into()),
            S("Văn phòng".into()),
            S("14/12/2025".into()),
            S("Đang thực hiện".into()),
            N(20.0),
            N(55.0),
            E,
            E
        ]
    );
}

#[test]
fn actions_and_plan_carry_over_to_the_next_period() {
    let fw = so();
    let mut a = new_assessment(&fw);
    a.period = Period::Q3;
    a.actions.push(action(&["1.1.1"], "1", Status::InProgress));
    a.plan = tasks(1, 2);
    let (b, _) = next_period_copy(Some(&fw), &a, "b", "2025-09-20T08:00:00+07:00");
    assert_eq!((b.period, b.year), (Period::Year, 2025));
    assert_eq!(
        (b.actions.clone(), b.plan.clone()),
        (a.actions.clone(), a.plan.clone())
    );
    let (c, _) = next_period_copy(Some(&fw), &b, "c", "2025-12-20T08:00:00+07:00");
    assert_eq!((c.period, c.year), (Period::Q1, 2026));
}

#[test]
fn a_copy_for_the_next_period_clears_what_belongs_to_one_report() {
    let fw = so();
    let mut a = new_assessment(&fw);
    a.period = Period::Q3;
    a.set_answer("1.1.1", best(fw.sub("1.1.1").unwrap()));
    let mut with_ev = ratio(14, 18);
    with_ev.evidence.push(Evidence {
        number: "12/BC-STP".into(),
        ..Evidence::default()
    });
    a.set_answer("1.1.4", with_ev);
    a.set_answer("8.1.1", value(Value::Estimate { points: d("8") }));
    a.report = ReportInfo {
        parent_body: "UBND TỈNH GIA LAI".into(),
        number: "45/BC-STP".into(),
        place: "Gia Lai".into(),
        date: "2025-09-16".into(),
        difficulties: "Thiếu biên chế".into(),
        proposals: "Bổ sung kinh phí".into(),
        signer_title: "Giám đốc".into(),
        signer_name: "Nguyễn Văn A".into(),
        recipients: "Sở Nội vụ;".into(),
    };
    a.actions.push(action(&["1.1.1"], "1", Status::InProgress));
    a.plan = tasks(1, 2);
    let (b, r) = next_period_copy(Some(&fw), &a, "b", "2025-09-20T08:00:00+07:00");
    assert_eq!((b.period, b.year, b.id.as_str()), (Period::Year, 2025, "b"));
    assert_eq!(b.created, "2025-09-20T08:00:00+07:00");
    // carried: answers and evidence, actions, plan, the report's fixed parts
    assert_eq!(b.answers.get("1.1.4"), a.answers.get("1.1.4"));
    assert_eq!(b.answers.get("1.1.1"), a.answers.get("1.1.1"));
    assert_eq!((b.actions.len(), b.plan.len()), (1, 2));
    assert_eq!(
        (b.report.parent_body.as_str(), b.report.place.as_str()),
        ("UBND TỈNH GIA LAI", "Gia Lai")
    );
    assert_eq!(b.report.signer_name, "Nguyễn Văn A");
    assert_eq!(b.report.recipients, "Sở Nội vụ;");
    // cleared: the report's number and date, the period's texts, estimates
    assert_eq!(b.report.number, "");
    assert_eq!(b.report.date, "");
    assert_eq!(b.report.difficulties, "");
    assert_eq!(b.report.proposals, "");
    assert_eq!(b.answers.get("8.1.1"), None);
    assert_eq!((r.answers, r.evidence, r.actions, r.tasks), (2, 1, 1, 2));
    assert_eq!(
        r.describe(),
        "Đã chuyển: 2 câu trả lời, 1 tài liệu kiểm chứng, 1 biện pháp khắc phục, 2 nhiệm vụ kế hoạch. \
         Đã để trống (riêng của kỳ trước): 1 điểm ước tính điều tra xã hội học; số và ngày báo cáo; \
         khó khăn, vướng mắc và đề xuất, kiến nghị của kỳ trước."
    );
    // into a new year the year's plan stays behind
    let (c, r) = next_period_copy(Some(&fw), &b, "c", "2025-12-20T08:00:00+07:00");
    assert_eq!((c.period, c.year), (Period::Q1, 2026));
    assert!(c.plan.is_empty());
    assert_eq!(c.actions.len(), 1);
    assert_eq!(
        r.cleared,
        vec!["kế hoạch CCHC năm 2025 (2 nhiệm vụ; lập kế hoạch năm 2026 mới)".to_string()]
    );
}

#[test]
fn a_plan_never_silently_replaces_a_typed_figure() {
    // the defect as found: 14/18 typed at 1.1.3, then one plan task done
    let fw = so();
    let mut a = new_assessment(&fw);
    a.set_answer("1.1.3", ratio(14, 18)); // 77.78% → 0 points
    let before = score(&fw, &a).sub("1.1.3").unwrap().clone();
    a.plan = tasks(1, 1);
    let after = score(&fw, &a).sub("1.1.3").unwrap().clone();
    assert_eq!(
        (after.points, after.from_plan),
        (before.points, false),
        "the typed 14/18 still scores"
    );
    assert!(plan::plan_differs(&fw, &a));
    // the user's explicit choice switches, and back
    a.set_plan_source(PlanSource::Plan);
    let x = score(&fw, &a).sub("1.1.3").unwrap().clone();
    assert_eq!((x.points, x.from_plan), (d("2"), true));
    assert!(!plan::plan_differs(&fw, &a));
    a.set_plan_source(PlanSource::Hand);
    assert_eq!(score(&fw, &a).sub("1.1.3").unwrap().points, before.points);
    // a typed figure equal to the plan's needs no explanation
    a.set_answer("1.1.3", ratio(3, 3));
    assert!(!plan::plan_differs(&fw, &a));
    // nothing typed: the plan answers at once (nothing is replaced)
    let mut b = new_assessment(&fw);
    b.plan = tasks(1, 1);
    assert!(score(&fw, &b).sub("1.1.3").unwrap().from_plan);
}

#[test]
fn status_and_progress_agree() {
    use cchc::engine::rules::plan::{consistent_action, consistent_task, task_status, Changed};
    let mut t = PlanTask {
        id: "t".into(),
        ..PlanTask::default()
    };
    // 60 % typed on a task "Chưa thực hiện": it has started
    t.progress.insert(Period::Q3, 60);
    consistent_task(&mut t, Changed::Progress);
    assert_eq!(t.status, Status::InProgress);
    // set back to "Chưa thực hiện": its progress goes
    t.status = Status::NotStarted;
    consistent_task(&mut t, Changed::Status);
    assert!(t.progress.is_empty());
    // done: 100 % where progress was reported
    t.progress.insert(Period::Q1, 30);
    t.status = Status::Done;
    consistent_task(&mut t, Changed::Status);
    assert_eq!(t.progress[&Period::Q1], 100);
    // a file made elsewhere is printed sensibly
    let mut odd = PlanTask::default();
    odd.progress.insert(Period::Q3, 60);
    assert_eq!(task_status(&odd, Period::Q3), Status::InProgress);
    assert_eq!(task_status(&odd, Period::Q1), Status::NotStarted);

    let mut x = CorrectiveAction {
        progress: 60,
        ..CorrectiveAction::default()
    };
    consistent_action(&mut x, Changed::Progress);
    assert_eq!(x.status, Status::InProgress);
    x.status = Status::Done;
    consistent_action(&mut x, Changed::Status);
    assert_eq!(x.progress, 100);
    x.progress = 40;
    consistent_action(&mut x, Changed::Progress);
    assert_eq!(x.status, Status::InProgress);
    x.status = Status::NotStarted;
    consistent_action(&mut x, Changed::Status);
    assert_eq!(x.progress, 0);
    // editing the text of a finished action from a file leaves it alone
    let mut y = CorrectiveAction {
        status: Status::Done,
        progress: 0,
        ..CorrectiveAction::default()
    };
    consistent_action(&mut y, Changed::Other);
    assert_eq!((y.status, y.progress), (Status::Done, 0));
}
