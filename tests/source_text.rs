//! The spans kept with functions and classes are their source text, as
//! Function.prototype.toString will need them (ECMA-262 20.2.3.5: the source text matched
//! by the MethodDefinition, FunctionExpression, ArrowFunction, ClassDeclaration, ...).

use compartments::syntax::ast::{ClassElement, ExprKind, Program, PropDef, StmtKind};
use compartments::syntax::parse_script;

fn program(source: &str) -> Program {
    parse_script(source).unwrap_or_else(|e| panic!("{source}: {e}"))
}

fn text(source: &str, span: compartments::syntax::Span) -> &str {
    &source[span.start as usize..span.end as usize]
}

#[test]
fn class_methods_exclude_static_but_keep_get_set_async_and_star() {
    let source =
        "class C { static /* s */ m /* a */ () {} get g() { return 1 } static async *h() {} }";
    let p = program(source);
    let StmtKind::Class(class) = &p.body[0].kind else {
        panic!("not a class")
    };
    assert_eq!(text(source, class.span), source);
    let methods: Vec<&str> = class
        .elements
        .iter()
        .map(|e| match e {
            ClassElement::Method { function, .. } => text(source, function.span),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        methods,
        ["m /* a */ () {}", "get g() { return 1 }", "async *h() {}"]
    );
}

#[test]
fn functions_arrows_and_object_methods() {
    let source = "x = [function /* a */ f() {}, async (a) => a, b => { }, { m() {}, get p() {} }];";
    let p = program(source);
    let StmtKind::Expr { expr, .. } = &p.body[0].kind else {
        panic!("not an expression statement")
    };
    let ExprKind::Assign { value, .. } = &expr.kind else {
        panic!("not an assignment")
    };
    let ExprKind::Array(elements) = &value.kind else {
        panic!("not an array")
    };
    let mut texts = Vec::new();
    for element in elements {
        let compartments::syntax::ast::ArrayElement::Expr(e) = element else {
            panic!("hole")
        };
        match &e.kind {
            ExprKind::Function(f) | ExprKind::Arrow(f) => texts.push(text(source, f.span)),
            ExprKind::Object(props) => {
                for prop in props {
                    if let PropDef::Method { function, .. } = prop {
                        texts.push(text(source, function.span));
                    }
                }
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(
        texts,
        [
            "function /* a */ f() {}",
            "async (a) => a",
            "b => { }",
            "m() {}",
            "get p() {}"
        ]
    );
}
