//! The parser never panics, hangs or goes exponential: generated nested expressions,
//! statements and patterns (with and without newlines, so ASI is exercised) parse or fail
//! with a SyntaxError quickly; nesting depth 1,000 parses; far deeper input is a diagnostic.

use compartments::syntax::{parse, ParseOptions};
use proptest::prelude::*;
use std::time::{Duration, Instant};

/// Generous: a generated program is at most a few KiB and parses in milliseconds; an
/// exponential path would take seconds to hours.
const BUDGET: Duration = Duration::from_secs(2);

fn expression() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("a".to_string()),
        Just("1".to_string()),
        Just("'s'".to_string()),
        Just("/r/g".to_string()),
        Just("`t`".to_string()),
        Just("this".to_string()),
        Just("#p".to_string()),
    ];
    leaf.prop_recursive(6, 64, 4, |inner| {
        let sep = prop_oneof![Just(" "), Just("\n"), Just("")];
        prop_oneof![
            (inner.clone(), sep.clone()).prop_map(|(e, s)| format!("({s}{e}{s})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("[{a}, ...{b},]")),
            (inner.clone(), inner.clone())
                .prop_map(|(a, b)| format!("{{a: {a}, [{b}]: 1, b = {a}}}")),
            (inner.clone(), inner.clone(), sep.clone())
                .prop_map(|(a, b, s)| format!("{a}{s}+{s}{b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} ?? {b} || {a}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} ? {b} : {a}")),
            (inner.clone(), inner.clone(), sep.clone())
                .prop_map(|(a, b, s)| format!("{a} ={s}{b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}, {b}) => {a}")),
            (inner.clone(), inner.clone())
                .prop_map(|(a, b)| format!("async ({a} = {b}) => {{ {a} }}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a}?.[{b}]({a})")),
            (inner.clone(), sep.clone()).prop_map(|(a, s)| format!("new {a}{s}({a})")),
            (inner.clone(), sep.clone()).prop_map(|(a, s)| format!("-{s}{a} ** 2")),
            (inner.clone(), sep.clone()).prop_map(|(a, s)| format!("{a}{s}++")),
            inner.clone().prop_map(|a| format!("`x${{{a}}}y`")),
            inner
                .clone()
                .prop_map(|a| format!("function* g() {{ yield {a}; }}")),
            inner
                .clone()
                .prop_map(|a| format!("class {{ #p = {a}; m() {{ return #p in {a}; }} }}")),
            (inner.clone(), inner).prop_map(|(a, b)| format!("[{{a = {a}}}, [b]] = {b}")),
        ]
    })
}

fn statement() -> impl Strategy<Value = String> {
    expression().prop_recursive(4, 32, 3, |inner| {
        let sep = prop_oneof![Just(";"), Just("\n"), Just(" ")];
        prop_oneof![
            (inner.clone(), sep.clone()).prop_map(|(s, e)| format!("{{ {s}{e} }}")),
            (inner.clone(), inner.clone(), sep.clone())
                .prop_map(|(a, b, e)| format!("if (a) {a}{e} else {b}{e}")),
            (inner.clone(), sep.clone())
                .prop_map(|(a, e)| format!("for (let [x = {a}] of y) {a}{e}")),
            (inner.clone(), sep.clone())
                .prop_map(|(a, e)| format!("l: while (1) {{ {a}{e} break l{e} }}")),
            (inner.clone(), sep.clone()).prop_map(|(a, e)| format!("return{e}{a}")),
            (inner.clone(), sep).prop_map(|(a, e)| format!("let {{x, ...y}} = {a}{e}var z{e}")),
            inner.prop_map(|a| format!("async function f() {{ for await (x of {a}); }}")),
        ]
    })
}

fn parse_within_budget(source: &str, options: ParseOptions) {
    let start = Instant::now();
    let result = std::panic::catch_unwind(|| parse(source, options));
    let elapsed = start.elapsed();
    assert!(result.is_ok(), "the parser panicked on:\n{source}");
    assert!(
        elapsed < BUDGET,
        "parsing took {elapsed:?} (exponential?) on:\n{source}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn generated_expressions_never_panic_or_hang(e in expression()) {
        parse_within_budget(&format!("({e});"), ParseOptions::script());
        parse_within_budget(&e, ParseOptions::module());
    }

    #[test]
    fn generated_statements_never_panic_or_hang(s in statement()) {
        parse_within_budget(&format!("function f() {{ {s} }}"), ParseOptions::script());
        parse_within_budget(&s, ParseOptions::module());
    }

    #[test]
    fn arbitrary_bytes_never_panic(s in "\\PC{0,200}") {
        parse_within_budget(&s, ParseOptions::script());
    }
}

fn nested(open: &str, middle: &str, close: &str, depth: usize) -> String {
    format!("{}{}{}", open.repeat(depth), middle, close.repeat(depth))
}

const DEPTH_1000_CASES: &[(&str, &str, &str)] = &[
    ("(", "a", ")"),
    ("[", "a", "]"),
    ("({a:", "1", "})"),
    ("({[", "a", "]:1})"),
    ("(class{[", "a", "]=1})"),
    ("a=>", "1", ""),
    ("async(", "a", ")"),
    ("f(", "a", ")"),
    ("a?b:", "c", ""),
    ("!", "a", ""),
    ("`${", "a", "}`"),
    ("{", "", "}"),
    ("if(a)", ";", ""),
    ("function f(){", "", "}"),
    ("[...", "a", "]"),
    ("[a=[", "b", "]]"),
];

#[test]
fn nesting_depth_1000_parses() {
    for (open, middle, close) in DEPTH_1000_CASES {
        let source = nested(open, middle, close, 1000);
        let start = Instant::now();
        let result = parse(&source, ParseOptions::script());
        assert!(
            result.is_ok(),
            "depth 1000 of {open}…{close}: {:?}",
            result.err()
        );
        assert!(
            start.elapsed() < BUDGET,
            "depth 1000 of {open}…{close} took {:?}",
            start.elapsed()
        );
    }
}

#[test]
fn far_deeper_nesting_is_a_syntax_error_not_a_crash() {
    for (open, middle, close) in DEPTH_1000_CASES {
        let source = nested(open, middle, close, 200_000);
        let error =
            parse(&source, ParseOptions::script()).expect_err("200,000 levels must be refused");
        assert!(
            error.message.contains("nest"),
            "depth 200,000 of {open}…{close}: unexpected message {}",
            error.message
        );
    }
}

/// Nested `for` heads were parsed twice per level (left-hand side, then classic form).
#[test]
fn nested_for_heads_are_linear() {
    for (open, close) in [
        ("for(function(){", "};;);"),
        ("for(x=function(){", "} in y);"),
        ("for(var [a=function(){", "}] = b;;);"),
        ("for([function(){", "}.x] of y);"),
    ] {
        let source = format!("{}{}", open.repeat(40), close.repeat(40));
        let start = Instant::now();
        let _ = parse(&source, ParseOptions::script());
        assert!(
            start.elapsed() < BUDGET,
            "40 nested {open}…{close} took {:?}",
            start.elapsed()
        );
    }
}

/// Invalid input must fail as fast as valid input parses: each of these nests a construct
/// that fails late, which once made the grammar retry it through another alternative
/// (`async (` as a call, `for`/`new`/`await` as identifiers, a class key, a getter name).
#[test]
fn nested_failures_are_linear() {
    let cases: &[(&str, &str, &str)] = &[
        ("async (a = ", "1", ") x"),
        ("for (var [a=function(){", "", "}] x;;);"),
        ("for (a=function(){", "", "} x;;);"),
        ("new (function(){", "", "} x)"),
        ("async function f(){ await (async function(){", "", "}) x }"),
        ("({get [", "a", "]: 1})"),
        ("(class { [", "a", "] x })"),
        ("((a = ", "1", ") x)"),
        ("`${(", "a", " b)}`"),
    ];
    for (open, middle, close) in cases {
        let source = nested(open, middle, close, 30);
        let start = Instant::now();
        let result = parse(&source, ParseOptions::script());
        assert!(result.is_err(), "30 nested {open}…{close} must be rejected");
        assert!(
            start.elapsed() < BUDGET,
            "30 nested {open}…{close} took {:?}",
            start.elapsed()
        );
    }
}
