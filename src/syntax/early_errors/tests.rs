//! Unit tests of the early-error pass: each rule with a rejected and an accepted program.

use crate::syntax::{parse, ParseOptions};

fn script_ok(source: &str) {
    if let Err(e) = parse(source, ParseOptions::script()) {
        panic!("expected {source:?} to parse as a script, got {e}");
    }
}

fn script_err(source: &str) {
    if parse(source, ParseOptions::script()).is_ok() {
        panic!("expected {source:?} to be a SyntaxError as a script");
    }
}

#[test]
fn reserved_words() {
    script_err("var if;");
    script_err("var \\u0069f;");
    script_ok("var yield;");
    script_err("'use strict'; var yield;");
}
