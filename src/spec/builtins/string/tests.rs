//! Unit tests of StringIndexOf and of the case mapping of well-formed runs.

use super::operations::{map_well_formed_text, string_index_of};

fn units(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

#[test]
fn string_index_of_follows_the_steps() {
    assert_eq!(string_index_of(&units("abcabc"), &units("c"), 3), Some(5));
    assert_eq!(string_index_of(&units("abc"), &units(""), 3), Some(3));
    assert_eq!(string_index_of(&units("abc"), &units(""), 4), None);
    assert_eq!(string_index_of(&units("ab"), &units("abc"), 0), None);
}

#[test]
fn case_mapping_keeps_lone_surrogates() {
    let mut s = units("aß");
    s.push(0xD800);
    s.extend(units("Σ"));
    let upper = map_well_formed_text(&s, str::to_uppercase).expect("short");
    let upper = upper.units();
    let mut expected = units("ASS");
    expected.push(0xD800);
    expected.extend(units("Σ"));
    assert_eq!(upper, expected);
}
