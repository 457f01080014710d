use super::visit_mut::VisitMut;
use super::*;
use crate::syntax::{parse_module, parse_script};

/// What the walk hands an identifier as: `R`eference, `B`inding, `A`ssignment target,
/// `L`abel or `P`rivate reference.
fn roles_of(source: &str, module: bool) -> Vec<String> {
    let program = if module {
        parse_module(source)
    } else {
        parse_script(source)
    }
    .unwrap();
    let mut shared = Roles::default();
    Visit::visit_program(&mut shared, &program);
    let mut program = program;
    let mut mutable = Roles::default();
    VisitMut::visit_program(&mut mutable, &mut program);
    // The two generated traits walk the same way.
    assert_eq!(shared.0, mutable.0);
    shared.0
}

#[derive(Default)]
struct Roles(Vec<String>);

impl<'a> Visit<'a> for Roles {
    fn visit_identifier_reference(&mut self, id: &'a Ident) {
        self.0.push(format!("R {}", id.name));
    }
    fn visit_binding_identifier(&mut self, id: &'a Ident) {
        self.0.push(format!("B {}", id.name));
    }
    fn visit_assignment_target_identifier(&mut self, id: &'a Ident) {
        self.0.push(format!("A {}", id.name));
    }
    fn visit_label_identifier(&mut self, id: &'a Ident) {
        self.0.push(format!("L {}", id.name));
    }
    fn visit_private_reference(&mut self, id: &'a Ident) {
        self.0.push(format!("P {}", id.name));
    }
}

impl VisitMut for Roles {
    fn visit_identifier_reference(&mut self, id: &mut Ident) {
        self.0.push(format!("R {}", id.name));
    }
    fn visit_binding_identifier(&mut self, id: &mut Ident) {
        self.0.push(format!("B {}", id.name));
    }
    fn visit_assignment_target_identifier(&mut self, id: &mut Ident) {
        self.0.push(format!("A {}", id.name));
    }
    fn visit_label_identifier(&mut self, id: &mut Ident) {
        self.0.push(format!("L {}", id.name));
    }
    fn visit_private_reference(&mut self, id: &mut Ident) {
        self.0.push(format!("P {}", id.name));
    }
}

#[test]
fn visits_every_identifier_in_source_order_by_role() {
    let source = r#"
        import d, * as ns from "m";
        import { a as b } from "m";
        export default function f(p, [q = r], ...s) {
            label: for (const t of u) { break label; }
        }
        class C extends D { #x; m(k) { return #x in k && this.#x; } [e] = 1; static { v; } }
        let { w, y: [z] = g } = h;
        x = { n, o: i, [j]: l, meth() {} };
        [aa, bb.cc] = dd;
        ee++;
        const ff = (gg) => hh, ii = function jj() {};
        try {} catch (kk) {} finally { `${mm}`; }
        switch (nn) { case oo: pp; }
        export { w as ww };
    "#;
    let expected = [
        "B d", "B ns", "B b", // imports
        "B f", "B p", "B q", "R r", "B s", "L label", "B t", "R u", "L label", // function
        "B C", "R D", "B k", "P #x", "R k", "P #x", "R e", "R v", // class
        "B w", "B z", "R g", "R h", // let
        "A x", "R n", "R i", "R j", "R l", // object literal
        "A aa", "R bb", "R dd", "A ee", // assignment patterns and update
        "B ff", "B gg", "R hh", "B ii", "B jj", // arrow and function expression
        "B kk", "R mm", "R nn", "R oo", "R pp", // try, template, switch
    ];
    assert_eq!(roles_of(source, true), expected);
}

#[test]
fn script_statements_and_expressions_are_all_reached() {
    let source = r#"
        if (a) b; else c;
        for (var i = d; e; f) g;
        for (h in j) k;
        do l; while (m);
        while (n) continue;
        with (o) p;
        throw q?.r[s](...t);
        new u(v, w ? x : y, z ?? aa, typeof bb, [cc, , ...dd], tag`${ee}`, (ff, gg));
        hh += ii;
        function* g1() { yield jj; }
        async function a1() { await kk; return; }
        class E extends F { constructor() { super(ll); super.mm; new.target; } }
    "#;
    let expected = [
        "R a", "R b", "R c", //
        "B i", "R d", "R e", "R f", "R g", //
        "A h", "R j", "R k", "R l", "R m", "R n", //
        "R o", "R p", "R q", "R s", "R t", //
        "R u", "R v", "R w", "R x", "R y", "R z", "R aa", "R bb", "R cc", "R dd", "R tag", "R ee",
        "R ff", "R gg", //
        "A hh", "R ii", //
        "B g1", "R jj", "B a1", "R kk", //
        "B E", "R F", "R ll",
    ];
    assert_eq!(roles_of(source, false), expected);
}

/// Collects the IdentifierReferences the mutable walk reaches.
#[derive(Default)]
struct References(Vec<String>);

impl VisitMut for References {
    fn visit_identifier_reference(&mut self, id: &mut Ident) {
        self.0.push(id.name.to_string());
    }
    fn visit_binding_identifier(&mut self, id: &mut Ident) {
        self.0.push(format!("{} (binding)", id.name));
    }
}

#[test]
fn the_mutable_walk_skips_a_shared_function() {
    let source = "function f() { a; } b;";
    let mut program = parse_script(source).unwrap();
    let mut unique = References::default();
    unique.visit_program(&mut program);
    assert_eq!(unique.0, ["f (binding)", "a", "b"]);

    let StmtKind::Function(function) = &program.body[0].kind else {
        panic!("not a function declaration");
    };
    let _keep = Arc::clone(function);
    let mut shared = References::default();
    shared.visit_program(&mut program);
    assert_eq!(shared.0, ["b"]);
}

/// `!!!...!x`, `depth` operators deep (built directly: the parser refuses such depths).
fn deep_expression(depth: usize) -> Expr {
    let mut expr = Expr {
        span: Span::default(),
        kind: ExprKind::Ident(Ident {
            name: "x".into(),
            span: Span::default(),
            escaped: false,
            place: PlaceCache::for_name("x"),
        }),
    };
    for _ in 0..depth {
        expr = Expr {
            span: Span::default(),
            kind: ExprKind::Unary {
                op: UnaryOp::Not,
                argument: Box::new(expr),
            },
        };
    }
    expr
}

/// Takes `expr` apart one level at a time (dropping it whole would recurse as deep).
fn dismantle(mut expr: Expr) {
    while let ExprKind::Unary { argument, .. } = expr.kind {
        expr = *argument;
    }
}

#[derive(Default)]
struct Count(usize);

impl<'a> Visit<'a> for Count {
    fn visit_expr(&mut self, expr: &'a Expr) {
        self.0 += 1;
        walk_expr(self, expr)
    }
}

impl VisitMut for Count {
    fn visit_expr(&mut self, expr: &mut Expr) {
        self.0 += 1;
        visit_mut::walk_expr(self, expr)
    }
}

#[test]
fn deep_nesting_grows_the_stack_instead_of_overflowing_it() {
    const DEPTH: usize = 200_000;
    // A small thread stack: the walk must switch to fresh segments on its own.
    let counts = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let mut expr = deep_expression(DEPTH);
            let mut shared = Count::default();
            Visit::visit_expr(&mut shared, &expr);
            let mut mutable = Count::default();
            VisitMut::visit_expr(&mut mutable, &mut expr);
            dismantle(expr);
            (shared.0, mutable.0)
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(counts, (DEPTH + 1, DEPTH + 1));
}
