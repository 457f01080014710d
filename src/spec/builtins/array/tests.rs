//! Unit tests of the stable merge sort behind SortIndexedProperties.

use super::sort::merge_sort;

#[test]
fn merge_sort_is_stable() {
    let items: Vec<(u32, usize)> = [3, 1, 2, 1, 3, 2, 1, 0, 3]
        .iter()
        .enumerate()
        .map(|(i, k)| (*k, i))
        .collect();
    let sorted = merge_sort(items, &mut |a, b| Ok(a.0.cmp(&b.0))).unwrap();
    let expected = vec![
        (0, 7),
        (1, 1),
        (1, 3),
        (1, 6),
        (2, 2),
        (2, 5),
        (3, 0),
        (3, 4),
        (3, 8),
    ];
    assert_eq!(sorted, expected);
}

#[test]
fn merge_sort_stops_at_the_first_abrupt_comparison() {
    let mut calls = 0;
    let result = merge_sort(vec![5, 4, 3, 2, 1], &mut |a: &i32, b: &i32| {
        calls += 1;
        if calls == 3 {
            return Err(crate::spec::value::Value::Number(1.0));
        }
        Ok(a.cmp(b))
    });
    assert!(result.is_err());
    assert_eq!(calls, 3);
}
