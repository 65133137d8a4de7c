//! One stable sort for the whole app.
//!
//! `slice::sort_by` compiles a whole sorting algorithm (about 3.5 KB of wasm) for every element type and every
//! comparison closure. The lists sorted here are short (a branch table, stored drafts, an object's keys), so
//! they all share one compiled sort of positions, and only the small step that puts the items in that order is
//! compiled per type.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably (equal items keep their order).
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// `0..len` sorted by `compare` on positions: the one place a sort is compiled.
#[inline(never)]
fn positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_items_in_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(
            items,
            vec![(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]
        );
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, Ord::cmp);
        assert!(empty.is_empty());
    }

    #[test]
    fn sorts_owned_strings_in_reverse() {
        let mut names: Vec<String> = ["乙", "甲", "丙"].map(String::from).to_vec();
        sort_by(&mut names, |a, b| b.cmp(a));
        // By code point: 甲 U+7532, 乙 U+4E59, 丙 U+4E19.
        assert_eq!(names, ["甲", "乙", "丙"]);
    }
}
