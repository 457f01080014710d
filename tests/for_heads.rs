//! The for-statement head is parsed once and split by the builder: these pin the trees of
//! the forms that split (`lhs in rhs` read as one expression) and the ones that must not.

use compartments::syntax::ast::{ExprKind, ForHead, Pattern, StmtKind};
use compartments::syntax::parse_script;

/// `for (LHS in RHS)`: the source text of the target and of the right side.
fn for_in(source: &str) -> (String, String) {
    let program = parse_script(source).unwrap_or_else(|e| panic!("{source}: {e}"));
    let StmtKind::ForIn { left, right, .. } = &program.body[0].kind else {
        panic!("{source}: not a for-in")
    };
    let ForHead::Pattern(target) = &**left else {
        panic!("{source}: a declaration head")
    };
    let text = |span: compartments::syntax::Span| {
        source[span.start as usize..span.end as usize].to_string()
    };
    (text(target.span()), text(right.span))
}

#[test]
fn the_expression_after_the_first_in_is_the_right_side() {
    assert_eq!(for_in("for (a in b);"), ("a".into(), "b".into()));
    assert_eq!(for_in("for (a in b in c);"), ("a".into(), "b in c".into()));
    assert_eq!(for_in("for (a in b, c);"), ("a".into(), "b, c".into()));
    assert_eq!(
        for_in("for (a.b in c < d ? 1 : 2);"),
        ("a.b".into(), "c < d ? 1 : 2".into())
    );
    assert_eq!(for_in("for (a in b = c);"), ("a".into(), "b = c".into()));
    // A parenthesized identifier target keeps its parentheses: its AssignmentTargetType is
    // that of `a`, but IsIdentifierRef of `(a)` is false (no NamedEvaluation), so the
    // pattern is the parenthesized expression `(a)`.
    assert_eq!(for_in("for ((a) in b);"), ("(a)".into(), "b".into()));
}

#[test]
fn an_assignment_after_in_is_the_right_side_not_the_target() {
    let program = parse_script("for (a in b = c);").unwrap();
    let StmtKind::ForIn { left, right, .. } = &program.body[0].kind else {
        panic!("not a for-in")
    };
    assert!(
        matches!(&**left, ForHead::Pattern(p) if matches!(**p, Pattern::Ident(ref id) if id.name == "a"))
    );
    assert!(matches!(right.kind, ExprKind::Assign { .. }));
}

#[test]
fn heads_that_are_not_for_in() {
    for source in [
        "for (a + b in c);",
        "for (!a in b);",
        "for ((a in b));",
        "for ((x = 1) in y);",
        "for (a in b;;);",
        "for (let of x);",
        "for (a of b, c);",
    ] {
        assert!(parse_script(source).is_err(), "{source} must be rejected");
    }
    for source in [
        "for ((a in b);;);",
        "for (let in x);",
        "for (async of => {};;);",
        "for (var [a] = [1], b = 2; a < b; a++);",
    ] {
        assert!(parse_script(source).is_ok(), "{source} must parse");
    }
}
