//! "Mục chưa trả lời tiếp theo": the next item still to answer.

use super::score::{SubState, Summary};
use crate::engine::model::Framework;

/// The next sub-criterion still to answer after criterion `after` (in
/// framework order, wrapping round): (criterion id, sub-criterion id).
pub fn next_unanswered(
    fw: &Framework,
    s: &Summary,
    after: Option<&str>,
) -> Option<(String, String)> {
    let items: Vec<(&str, &str)> = fw
        .fields
        .iter()
        .flat_map(|f| f.criteria.iter())
        .flat_map(|c| c.subs.iter().map(move |x| (c.id.as_str(), x.id.as_str())))
        .collect();
    let open = |id: &str| {
        s.sub(id).is_some_and(|x| {
            !x.survey
                && !x.is_done()
                && !matches!(x.state, SubState::NotApplicable | SubState::NotYet)
        })
    };
    let start = after
        .and_then(|c| items.iter().rposition(|(k, _)| *k == c))
        .map_or(0, |i| i + 1);
    items[start..]
        .iter()
        .chain(items[..start].iter())
        .find(|(_, id)| open(id))
        .map(|(c, id)| (c.to_string(), id.to_string()))
}
