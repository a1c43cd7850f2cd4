//! From a table and its columns to a draft framework: each row's number
//! gives its level (fields, criteria, sub-criteria), rows without a
//! number and lines below an item are its scoring lines, dashes and
//! letters that are really levels of a rule are read as such, ids are
//! derived from the numbering, and every item keeps the text it came
//! from for the user to check.

use super::columns::{is_column_numbers, Columns, Role};
use super::lines::{self, inline_points, points_cell, split_levels, Line};
use super::numbering::{self, Levels, Style, Token};
use super::table::Table;
use super::{default_bands, lower_vi, Draft, Flag, Source};
use crate::engine::model::{
    Adjustments, Criterion, Dec2, Field, Framework, Rule, Status, SubCriterion, UnitType, Years,
    FRAMEWORK_FORMAT, FRAMEWORK_FORMAT_VERSION,
};

/// One data row, its columns read.
struct RowIn {
    token: Option<Token>,
    title: String,
    extra: Vec<String>,
    points: Option<Dec2>,
    rule: Vec<String>,
    evidence: String,
    source: String,
    /// a number the row has but we cannot read ("9.x")
    unread: Option<String>,
}

struct Node {
    level: usize,
    token: Token,
    title: String,
    points: Option<Dec2>,
    lines: Vec<Line>,
    evidence: String,
    source: Vec<String>,
    children: Vec<usize>,
    /// what to flag at the item once its id is derived
    notes: Vec<String>,
    /// scored by the survey, its unscored parts folded into its lines
    survey: bool,
}

/// Whether `row` is the table's total ("TỔNG CỘNG", "Tổng số điểm").
fn is_total(row: &[super::table::Cell], cols: &Columns) -> bool {
    let col = |r: Role| cols.find(r).and_then(|c| row.get(c));
    let number = col(Role::Number).map(|c| c.text()).unwrap_or_default();
    let title = col(Role::Title)
        .and_then(|c| c.lines.first().cloned())
        .unwrap_or_default();
    let low = lower_vi(&format!("{number} {title}"));
    low.trim().starts_with("tổng") || low.contains("tổng cộng") || low.contains("tổng số điểm")
}

fn row_in(row: &[super::table::Cell], cols: &Columns) -> Option<RowIn> {
    let col = |r: Role| cols.find(r).and_then(|c| row.get(c));
    let number = col(Role::Number).map(|c| c.text()).unwrap_or_default();
    let mut title_lines: Vec<String> = col(Role::Title)
        .map(|c| c.lines.clone())
        .unwrap_or_default();
    if is_total(row, cols) {
        return None;
    }
    let mut token = numbering::token(&number);
    let mut number = number;
    if token.is_none() && !number.is_empty() && title_lines.is_empty() {
        // a row merged across the number and title columns ("LĨNH VỰC I.
        // CÔNG TÁC CHỈ ĐẠO …" in the first cell, the next one empty)
        if let Some((t, rest)) = numbering::leading(&number) {
            token = Some(t);
            title_lines = vec![rest];
            number = String::new();
        }
    }
    if token.is_none() && number.is_empty() {
        if let Some((t, rest)) = title_lines.first().and_then(|l| numbering::leading(l)) {
            token = Some(t);
            title_lines[0] = rest;
        }
    }
    let source: Vec<String> = row
        .iter()
        .zip(&cols.roles)
        .filter(|(c, r)| **r != Role::Ignore && !c.is_empty())
        .map(|(c, _)| c.lines.join(" / "))
        .collect();
    let mut title = title_lines.first().cloned().unwrap_or_default();
    let extra = title_lines
        .get(1..)
        .map(<[String]>::to_vec)
        .unwrap_or_default();
    let mut points = col(Role::Points).and_then(|c| points_cell(&c.text()));
    if token.is_some() && points.is_none() {
        // "Kế hoạch CCHC năm (5 điểm)"
        if let Some((label, p)) = inline_points(&title) {
            if lower_vi(&title).contains('đ') {
                title = label;
                points = Some(p);
            }
        }
    }
    let unread = (token.is_none() && !number.is_empty()).then(|| number.clone());
    if unread.is_some() {
        // a number column we cannot read: keep the text with its number
        title = format!("{number} {title}").trim().to_string();
    }
    Some(RowIn {
        token,
        title,
        extra,
        points,
        rule: col(Role::Rule).map(|c| c.lines.clone()).unwrap_or_default(),
        evidence: col(Role::Evidence)
            .map(|c| {
                c.lines
                    .iter()
                    .map(|l| lines::unbullet(l))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default(),
        source: source.join(" | "),
        unread,
    })
}

fn lines_of(texts: &[String], points: Option<Dec2>) -> Vec<Line> {
    let mut out = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let parts = split_levels(t);
        let n = parts.len();
        for p in parts {
            out.push(Line {
                text: p,
                // a points cell goes with a row's single line
                points: if i == 0 && n == 1 && inline_points(t).is_none() {
                    points
                } else {
                    None
                },
            });
        }
    }
    out
}

/// Reads `t` with columns `cols` into a draft framework of `unit`.
pub fn build(t: &Table, cols: &Columns, unit: UnitType) -> Draft {
    let mut flags: Vec<Flag> = Vec::new();
    let flag = |flags: &mut Vec<Flag>, id: &str, m: String| {
        flags.push(Flag {
            id: id.to_string(),
            message: m,
        })
    };
    let header: Vec<Vec<String>> = t.rows[..cols.header_rows.min(t.rows.len())]
        .iter()
        .map(|r| r.iter().map(|c| c.text()).collect())
        .collect();
    // the total the table states, to compare with its fields'
    let stated_total: Option<(String, Dec2)> = t
        .rows
        .iter()
        .skip(cols.header_rows)
        .filter(|r| is_total(r, cols))
        .find_map(|r| {
            let c = cols.find(Role::Points).and_then(|c| r.get(c))?;
            Some((c.text(), points_cell(&c.text())?))
        });
    let rows: Vec<RowIn> = t
        .rows
        .iter()
        .skip(cols.header_rows)
        .filter(|r| !is_column_numbers(r))
        // a header repeated on each page of the table
        .filter(|r| !header.contains(&r.iter().map(|c| c.text()).collect::<Vec<_>>()))
        .filter_map(|r| row_in(r, cols))
        .filter(|r| r.token.is_some() || !r.title.is_empty() || !r.rule.is_empty())
        .collect();

    let mut levels = Levels::default();
    for r in &rows {
        if let Some(t) = &r.token {
            levels.observe(t.style);
        }
    }
    let mut nodes: Vec<Node> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut path: Vec<usize> = Vec::new();
    for r in rows {
        let Some(tok) = r.token.clone() else {
            // the Cà Mau layout: scoring lines on the rows under an item
            let mut texts = Vec::new();
            if !r.title.is_empty() {
                texts.push(r.title.clone());
            }
            texts.extend(r.extra.iter().cloned());
            texts.extend(r.rule.iter().cloned());
            match path.last() {
                Some(&n) => {
                    if let Some(num) = &r.unread {
                        nodes[n].notes.push(format!(
                            "không hiểu số thứ tự \"{num}\": đã đọc \"{}\" như dòng cách chấm",
                            r.title
                        ));
                    }
                    let ls = lines_of(&texts, r.points);
                    nodes[n].lines.extend(ls);
                    nodes[n].source.push(r.source.clone());
                }
                None => flag(
                    &mut flags,
                    "(đầu bảng)",
                    format!("dòng không thuộc mục nào: \"{}\"", r.source),
                ),
            }
            continue;
        };
        let level = levels.level(tok.style);
        while path.last().is_some_and(|&n| nodes[n].level >= level) {
            path.pop();
        }
        let mut texts = r.extra.clone();
        texts.extend(r.rule.iter().cloned());
        let idx = nodes.len();
        nodes.push(Node {
            level,
            token: tok,
            title: r.title,
            points: r.points,
            lines: lines_of(&texts, None),
            evidence: r.evidence,
            source: vec![r.source],
            children: vec![],
            notes: vec![],
            survey: false,
        });
        match path.last() {
            Some(&p) => nodes[p].children.push(idx),
            None => roots.push(idx),
        }
        path.push(idx);
    }

    // Dashes, letters and numbers deeper than sub-criteria that are
    // really the levels of their parent's rule become its lines.
    for p in 0..nodes.len() {
        demote(&mut nodes, p);
    }
    // A survey item whose numbered parts have no points of their own
    // ("4. Theo kết quả điều tra xã hội học: 4 điểm", then 4.1 … 4.3 naming
    // what the survey asks) is one item: its parts describe it.
    let mut survey_above = vec![false; nodes.len()];
    for p in 0..nodes.len() {
        // parents come before their children
        let s = survey_above[p] || says_survey(&nodes[p]);
        for &c in &nodes[p].children {
            survey_above[c] = s;
        }
        fold_survey_parts(&mut nodes, p, survey_above[p]);
    }

    let mut fields: Vec<Field> = Vec::new();
    let mut sources: Vec<Source> = Vec::new();
    let max_of = |n: &Node, id: &str, flags: &mut Vec<Flag>| {
        n.points.unwrap_or_else(|| {
            flags.push(Flag {
                id: id.to_string(),
                message: "thiếu điểm tối đa".into(),
            });
            Dec2::ZERO
        })
    };
    let source_of = |n: &Node| {
        let mut s = n.source.clone();
        s.retain(|x| !x.is_empty());
        s.join("\n")
    };
    for (fi, &f) in roots.iter().enumerate() {
        let fnode = &nodes[f];
        if fnode.level > 0 && fnode.level != usize::MAX {
            flag(
                &mut flags,
                &fnode.token.text,
                format!("mục \"{}\" nằm ngoài lĩnh vực nào", fnode.title),
            );
        }
        let fid = field_id(&fnode.token, fi);
        let mut field = Field {
            id: fid.clone(),
            title: fnode.title.clone(),
            max: max_of(fnode, &fid, &mut flags),
            may_be_not_applicable: false,
            criteria: vec![],
        };
        sources.push(Source {
            id: fid.clone(),
            text: source_of(fnode),
        });
        for m in &fnode.notes {
            flag(&mut flags, &fid, m.clone());
        }
        // a field or criterion that says it is scored by the survey gives
        // that rule to its items without lines of their own
        let field_survey = says_survey(fnode);
        let crits: Vec<usize> = if fnode.children.is_empty() && !fnode.lines.is_empty() {
            // a field scored directly: one criterion, one item
            flag(
                &mut flags,
                &fid,
                "lĩnh vực được chấm trực tiếp: đã tạo một tiêu chí cùng tên".into(),
            );
            vec![f]
        } else {
            fnode.children.clone()
        };
        for (ci, &c) in crits.iter().enumerate() {
            let cnode = &nodes[c];
            let cid = if c == f {
                format!("{fid}.1")
            } else {
                child_id(&cnode.token, &fid, ci)
            };
            // a criterion without points whose parts all have some: their sum
            let parts: Option<Dec2> = (!cnode.children.is_empty())
                .then(|| {
                    cnode
                        .children
                        .iter()
                        .map(|&s| nodes[s].points)
                        .sum::<Option<Dec2>>()
                })
                .flatten();
            let cmax = match (cnode.points, parts) {
                (None, Some(sum)) if c != f => {
                    flag(
                        &mut flags,
                        &cid,
                        format!("không có điểm tối đa: đã lấy tổng các tiêu chí thành phần ({} điểm), hãy kiểm tra", sum.to_vi()),
                    );
                    sum
                }
                _ => max_of(cnode, &cid, &mut flags),
            };
            let mut crit = Criterion {
                id: cid.clone(),
                title: cnode.title.clone(),
                max: cmax,
                may_be_not_applicable: false,
                excluded_with: None,
                subs: vec![],
            };
            if c != f {
                sources.push(Source {
                    id: cid.clone(),
                    text: source_of(cnode),
                });
                for m in &cnode.notes {
                    flag(&mut flags, &cid, m.clone());
                }
            }
            let subs: Vec<(usize, String)> = if cnode.children.is_empty() {
                // scored at the criterion level: one item with its id
                vec![(c, cid.clone())]
            } else {
                if !cnode.lines.is_empty() && !says_survey(cnode) {
                    flag(&mut flags, &cid, format!("tiêu chí có tiêu chí thành phần nhưng cũng có dòng cách chấm (\"{}\"): các dòng này chưa được dùng", cnode.lines[0].text));
                }
                cnode
                    .children
                    .iter()
                    .enumerate()
                    .map(|(si, &s)| (s, child_id(&nodes[s].token, &cid, si)))
                    .collect()
            };
            for (s, sid) in subs {
                let snode = &nodes[s];
                let smax = if s == c {
                    cmax
                } else {
                    max_of(snode, &sid, &mut flags)
                };
                if s != c {
                    sources.push(Source {
                        id: sid.clone(),
                        text: source_of(snode),
                    });
                    for m in &snode.notes {
                        flag(&mut flags, &sid, m.clone());
                    }
                    if !snode.children.is_empty() {
                        flag(
                            &mut flags,
                            &sid,
                            "có mục con sâu hơn tiêu chí thành phần: đã đọc như dòng cách chấm"
                                .into(),
                        );
                    }
                }
                let survey_above = field_survey || (c != f && s != c && says_survey(cnode));
                let read = if snode.survey {
                    survey_read(snode)
                } else if snode.lines.is_empty() && survey_above {
                    // the guidance of the item above that says "survey"
                    survey_read(if s != c && !cnode.lines.is_empty() {
                        cnode
                    } else {
                        fnode
                    })
                } else {
                    lines::read(&snode.title, smax, &snode.lines)
                };
                for m in read.flags {
                    flag(&mut flags, &sid, m);
                }
                crit.subs.push(SubCriterion {
                    id: sid,
                    title: snode.title.clone(),
                    max: smax,
                    guidance: read.guidance,
                    evidence_hint: snode.evidence.clone(),
                    no_case_full_points: read.no_case,
                    may_be_not_applicable: read.not_applicable,
                    rule: read.rule,
                    period_rule: Default::default(),
                });
            }
            field.criteria.push(crit);
        }
        if field.criteria.is_empty() {
            flag(&mut flags, &fid, "lĩnh vực chưa có tiêu chí".into());
        }
        fields.push(field);
    }
    if let Some((text, total)) = stated_total {
        let sum: Dec2 = fields.iter().map(|f| f.max).sum();
        if sum != total {
            flag(
                &mut flags,
                "(tổng cộng)",
                format!(
                    "dòng tổng cộng của bảng ghi {text} điểm nhưng các lĩnh vực đọc được cộng lại {} điểm: hãy kiểm tra bảng có bị thiếu dòng hoặc sai điểm",
                    sum.to_vi()
                ),
            );
        }
    }
    // ids derived twice (a table numbering two items alike) are flagged
    let mut seen = std::collections::BTreeSet::new();
    for id in fields.iter().flat_map(|f| {
        std::iter::once(f.id.clone()).chain(f.criteria.iter().flat_map(|c| {
            std::iter::once(c.id.clone())
                .chain(c.subs.iter().filter(|s| s.id != c.id).map(|s| s.id.clone()))
        }))
    }) {
        if !seen.insert(id.clone()) {
            flag(
                &mut flags,
                &id,
                format!("mã \"{id}\" xuất hiện hai lần trong bảng: hãy sửa mã"),
            );
        }
    }

    let framework = Framework {
        format: FRAMEWORK_FORMAT.into(),
        format_version: FRAMEWORK_FORMAT_VERSION,
        id: "bo-tieu-chi-moi".into(),
        version: "1".into(),
        title: "Bộ tiêu chí (dán từ bảng)".into(),
        province: String::new(),
        unit_type: unit,
        years: Years {
            from: 2025,
            to: None,
        },
        status: Status::Official,
        source: "Dán từ bảng phụ lục của Quyết định".into(),
        decision: None,
        bands: default_bands(),
        bonus: Adjustments {
            cap: Dec2::ZERO,
            items: vec![],
        },
        deductions: Adjustments {
            cap: Dec2::ZERO,
            items: vec![],
        },
        plan_completion_sub: None,
        missing_survey: Default::default(),
        fields,
    };
    Draft {
        framework,
        flags,
        sources,
    }
}

/// A survey item, guided by `n`'s lines.
fn survey_read(n: &Node) -> lines::Read {
    lines::Read {
        rule: Rule::Survey,
        no_case: false,
        not_applicable: false,
        guidance: n
            .lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        flags: vec![],
    }
}

/// Whether an item's title or lines say it is scored by the survey.
fn says_survey(n: &Node) -> bool {
    let levels = n.lines.iter().any(|l| l.points.is_some());
    !levels
        && lines::read(&n.title, n.points.unwrap_or(Dec2::ZERO), &n.lines)
            .rule
            .is_survey()
}

/// A field's id: its number (I → "1", B → "2", "Lĩnh vực 3" → "3").
fn field_id(t: &Token, i: usize) -> String {
    match t.style {
        Style::Digits(_) => t
            .parts
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join("."),
        _ if t.value > 0 => t.value.to_string(),
        _ => (i + 1).to_string(),
    }
}

/// A criterion's or sub-criterion's id under `parent`: "1.2" as written
/// when it starts with the parent's id, else the parent's id and the
/// item's own number (criteria numbered 1, 2 … under each field), or its
/// place for letters and dashes.
fn child_id(t: &Token, parent: &str, i: usize) -> String {
    if let Style::Digits(n) = t.style {
        if n >= 2 {
            let written = t
                .parts
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(".");
            let head = t.parts[..n - 1]
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(".");
            if head == parent {
                return written;
            }
        }
    }
    // letters by place: "đ)" comes between "d)" and "e)"
    let v = if t.value > 0 && t.style != Style::Lower {
        t.value as usize
    } else {
        i + 1
    };
    format!("{parent}.{v}")
}

/// Folds the parts of a survey item `p` (saying so itself, or under a
/// field or criterion that does) into its lines when none of them has
/// points (so they are what the survey asks, not items to score).
fn fold_survey_parts(nodes: &mut [Node], p: usize, survey_above: bool) {
    let children = nodes[p].children.clone();
    if children.is_empty() || nodes[p].points.is_none() || !(survey_above || says_survey(&nodes[p]))
    {
        return;
    }
    let unscored = |n: &Node| {
        n.points.is_none()
            && n.children.is_empty()
            && inline_points(&n.title).is_none()
            && n.lines
                .iter()
                .all(|l| l.points.is_none() && inline_points(&l.text).is_none())
    };
    if !children.iter().all(|&c| unscored(&nodes[c])) {
        return;
    }
    let parts: Vec<String> = children
        .iter()
        .map(|&c| nodes[c].token.text.clone())
        .collect();
    for &c in &children {
        let text = format!("{} {}", nodes[c].token.text, nodes[c].title)
            .trim()
            .to_string();
        let mut ls = vec![Line { text, points: None }];
        ls.append(&mut nodes[c].lines);
        let src = std::mem::take(&mut nodes[c].source);
        nodes[p].lines.extend(ls);
        nodes[p].source.extend(src);
    }
    nodes[p].children.clear();
    nodes[p].survey = true;
    nodes[p].notes.push(format!(
        "các mục {} không có điểm riêng: đã giữ làm nội dung của mục chấm theo điều tra xã hội học, hãy kiểm tra",
        parts.join(", ")
    ));
}

/// Turns the children of `p` that are really its rule's levels into lines.
fn demote(nodes: &mut [Node], p: usize) {
    let children = nodes[p].children.clone();
    if children.is_empty() {
        return;
    }
    let weak: Vec<usize> = children
        .iter()
        .copied()
        .filter(|&c| nodes[c].token.style.weak() || nodes[c].level >= 3)
        .collect();
    if weak.is_empty() {
        return;
    }
    let deep = weak.iter().all(|&c| nodes[c].level >= 3);
    let inline = weak
        .iter()
        .any(|&c| nodes[c].points.is_none() && inline_points(&nodes[c].title).is_some());
    let pts: Option<Vec<Dec2>> = weak.iter().map(|&c| nodes[c].points).collect();
    let parent_max = nodes[p].points;
    // a), b) right under a criterion, in a field whose other criteria
    // have 1.1, 1.2: its sub-criteria, when their points (none of them the
    // whole) add up to the criterion's, or when each has points and
    // scoring lines of its own (a sum that differs is then the engine's
    // error to show, and a missing criterion maximum is taken from them)
    let own_rules = weak
        .iter()
        .all(|&c| nodes[c].points.is_some_and(|x| x > Dec2::ZERO) && !nodes[c].lines.is_empty());
    let letters_as_subs = nodes[p].level == 1
        && weak.len() == children.len()
        && weak.len() >= 2
        && weak.iter().all(|&c| nodes[c].token.style == Style::Lower)
        && !inline
        && (own_rules
            || match (&pts, parent_max) {
                (Some(ps), Some(m)) => {
                    ps.iter().copied().sum::<Dec2>() == m
                        && ps.iter().all(|x| *x > Dec2::ZERO && *x != m)
                }
                _ => false,
            });
    if letters_as_subs {
        return;
    }
    let as_lines = deep
        || inline
        || match (pts, parent_max) {
            (None, _) => true,
            (Some(ps), Some(m)) => {
                let sum: Dec2 = ps.iter().copied().sum();
                sum != m && ps.contains(&m)
            }
            (Some(_), None) => false,
        };
    if !as_lines {
        return;
    }
    if deep && nodes[p].level >= 2 {
        for &c in &weak {
            if !nodes[c].token.style.weak() {
                let m = format!(
                    "số thứ tự \"{}\" sâu hơn 3 cấp: đọc như dòng cách chấm \"{}\"",
                    nodes[c].token.text, nodes[c].title
                );
                nodes[p].notes.push(m);
            }
        }
    }
    for &c in &weak {
        let mut ls = vec![Line {
            text: nodes[c].title.clone(),
            points: nodes[c].points,
        }];
        ls.append(&mut nodes[c].lines);
        let mut grand = std::mem::take(&mut nodes[c].children);
        while let Some(g) = grand.first().copied() {
            grand.remove(0);
            ls.push(Line {
                text: nodes[g].title.clone(),
                points: nodes[g].points,
            });
            ls.append(&mut nodes[g].lines);
            let mut more = std::mem::take(&mut nodes[g].children);
            more.append(&mut grand);
            grand = more;
        }
        let src = std::mem::take(&mut nodes[c].source);
        nodes[p].lines.extend(ls);
        nodes[p].source.extend(src);
    }
    nodes[p].children.retain(|c| !weak.contains(c));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::formats::paste::{columns, table::from_tsv};

    fn draft(text: &str) -> Draft {
        let t = from_tsv(text);
        build(&t, &columns::detect(&t), UnitType::So)
    }

    #[test]
    fn a_row_merged_across_number_and_title() {
        let d = draft(
            "STT\tNội dung\tĐiểm tối đa\n\
             LĨNH VỰC II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH\t\t100\n\
             2.1\tCông khai TTHC\t100\n\tĐạt: 100\n\tKhông đạt: 0\n",
        );
        let f = &d.framework.fields[0];
        assert_eq!(
            (f.id.as_str(), f.title.as_str()),
            ("2", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
        );
        assert!(d.flags.is_empty(), "{:?}", d.flags);
        assert!(d.problems().is_empty(), "{:?}", d.problems());
    }

    #[test]
    fn letters_take_ids_by_place() {
        let mut text = String::from("STT\tNội dung\tĐiểm tối đa\nA\tX\t100\n1\tY\t100\n");
        for l in ["a)", "b)", "c)", "d)", "đ)"] {
            text.push_str(&format!(
                "{l}\tMục {l}\t20\n\t+ Có: 20 điểm\n\t+ Không: 0 điểm\n"
            ));
        }
        let d = draft(&text);
        let ids: Vec<&str> = d.framework.subs().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, vec!["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5"]);
        assert!(d.framework.subs().all(|s| s.rule == Rule::YesNo));
    }

    #[test]
    fn items_under_a_survey_field_or_criterion_are_survey() {
        let d = draft(
            "STT\tTiêu chí\tĐiểm tối đa\n\
             1\tCHỈ SỐ HÀI LÒNG (điều tra xã hội học)\t100\n\
             1.1\tTiếp cận dịch vụ\t40\n\
             1.2\tCông chức giải quyết công việc\t60\n\
             1.2.1\tThái độ\t30\n\
             1.2.2\tKết quả\t30\n\tĐạt: 30\n\tKhông đạt: 0\n",
        );
        let rules: Vec<(&str, bool)> = d
            .framework
            .subs()
            .map(|s| (s.id.as_str(), s.rule.is_survey()))
            .collect();
        // an item with its own lines keeps them
        assert_eq!(
            rules,
            vec![("1.1", true), ("1.2.1", true), ("1.2.2", false)]
        );
        assert!(d.flags.is_empty(), "{:?}", d.flags);
        let d = draft(
            "STT\tTiêu chí\tĐiểm tối đa\n1\tTTHC\t100\n\
             1.1\tMức độ hài lòng khi giải quyết TTHC\t100\n\
             \tTheo kết quả khảo sát, điều tra xã hội học\n\
             1.1.1\tCông khai\t50\n1.1.2\tThái độ\t50\n",
        );
        assert!(d.framework.subs().all(|s| s.rule.is_survey()));
        assert!(d.flags.is_empty(), "{:?}", d.flags);
    }

    #[test]
    fn unscored_parts_of_a_survey_item_are_its_guidance() {
        let d = draft(
            "STT\tTiêu chí\tĐiểm tối đa\n\
             I\tCHỈ ĐẠO\t100\n\
             1\tKế hoạch\t96\n\tCó: 96 điểm\n\tKhông: 0 điểm\n\
             2\tĐánh giá của người dân\t4\n\tTheo kết quả điều tra xã hội học\n\
             2.1\tCông khai\n2.2\tThái độ\n",
        );
        let s: Vec<_> = d.framework.subs().collect();
        assert_eq!(s.len(), 2);
        assert_eq!((s[1].id.as_str(), s[1].max), ("1.2", Dec2::from_int(4)));
        assert!(s[1].rule.is_survey());
        assert_eq!(
            s[1].guidance,
            "Theo kết quả điều tra xã hội học; 2.1 Công khai; 2.2 Thái độ"
        );
        // the note is at the item's derived id, not at its written number
        assert_eq!(d.flags.len(), 1, "{:?}", d.flags);
        assert_eq!(d.flags[0].id, "1.2");
        assert!(d.problems().is_empty(), "{:?}", d.problems());
        // parts with points of their own stay items
        let d = draft(
            "STT\tTiêu chí\tĐiểm tối đa\nI\tX\t100\n1\tHài lòng (điều tra xã hội học)\t100\n1.1\tA\t40\n1.2\tB\t60\n",
        );
        assert_eq!(d.framework.subs().count(), 2);
    }
}
