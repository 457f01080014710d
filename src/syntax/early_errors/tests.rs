//! Unit tests of the early-error pass: each rule with programs it rejects and close
//! programs it accepts.

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

fn module_ok(source: &str) {
    if let Err(e) = parse(source, ParseOptions::module()) {
        panic!("expected {source:?} to parse as a module, got {e}");
    }
}

fn module_err(source: &str) {
    if parse(source, ParseOptions::module()).is_ok() {
        panic!("expected {source:?} to be a SyntaxError as a module");
    }
}

#[test]
fn reserved_words() {
    script_err("var if;");
    script_err("var \\u0069f;");
    script_err("\\u0074his;");
    script_err("typeof import;");
    script_err("({ if });");
    script_err("a: { break if; }");
    script_ok("({ if: 1 }).if;");
    script_ok("var yield, let, static, implements, await;");
    script_err("'use strict'; var yield;");
    script_err("'use strict'; var static;");
    script_err("'use strict'; implements;");
    script_err("function f() { 'use strict'; var package; }");
    script_err("function static() { 'use strict'; }");
    script_ok("function static() {}");
    script_ok("class C { static static() {} }");
}

#[test]
fn eval_and_arguments_bindings() {
    script_ok("var eval, arguments; function f(eval) {}");
    script_err("'use strict'; var eval;");
    script_err("'use strict'; function f(arguments) {}");
    script_err("function eval() { 'use strict'; }");
    script_err("(function arguments() { 'use strict'; })");
    script_err("'use strict'; try {} catch (eval) {}");
    script_err("class eval {}");
    script_err("(eval) => { 'use strict'; }");
    script_ok("'use strict'; eval(1); arguments;");
    module_err("import eval from 'm';");
}

#[test]
fn yield_as_identifier() {
    script_ok("function f() { var yield; yield: ; yield; }");
    script_err("function* g() { var yield; }");
    script_err("function* g() { yield: ; }");
    script_err("function* g(yield) {}");
    script_err("(function* yield() {})");
    script_ok("function* yield() {}");
    script_err("function* g() { function yield() {} }");
    script_ok("function* g() { (function yield() {}); }");
    script_ok("function* g() { function f(yield) {} }");
    script_err("function* g() { (yield) => 1; }");
    script_ok("function* g() { () => { var yield; }; }");
    script_err("function* g() { async yield => 1; }");
}

#[test]
fn await_as_identifier() {
    script_ok(
        "var await; await: ; function await() {} async function f() { (function await() {}); }",
    );
    script_err("async function f() { function await() {} }");
    module_err("var await;");
    module_err("await: ;");
    module_err("function f() { var await; }");
    script_err("async function f() { var await; }");
    script_err("async function f(await) {}");
    script_err("(async function await() {})");
    script_ok("async function await() {}");
    script_err("async await => 1;");
    script_err("async (await) => 1;");
    script_err("async (x = await) => 1;");
    script_ok("async function f() { () => { var await; }; }");
    script_err("class C { static { var await; } }");
    script_err("class C { static { class await {} } }");
    script_err("class C { static { (await => 0); } }");
    script_err("class C { static { ((x = await) => 0); } }");
    script_ok("class C { static { (() => ({ await })); (function await() {}); } }");
    script_ok("var await; class C { static { (function (x = await) { await; }); } }");
}

#[test]
fn yield_and_await_expressions() {
    script_err("function* g(x = yield) {}");
    script_err("function* g() { (x = yield) => 1; }");
    script_err("function* g() { ({ x = yield }) => 1; }");
    script_ok(
        "function* g() { yield; ({ [yield]: 1 }); class C extends (yield) { [yield]() {} } }",
    );
    script_err("function* g() { class C { x = yield; } }");
    script_err("async function f(x = await 1) {}");
    script_err("async function f() { (x = await 1) => x; }");
    script_err("async function f() { async (x = await 1) => x; }");
    script_err("class C { static { await 1; } }");
    script_err("async function f() { class C { x = await 1; } }");
    script_ok("async function f() { await 1; for await (x of y); }");
    module_ok("await 1; for await (x of y);");
    module_err("class C { static { await 1; } }");
    module_err("function f(x = await 1) {}");
    script_err("class C { static { for await (x of y); } }");
}

#[test]
fn arguments_in_class_bodies() {
    script_err("class C { x = arguments; }");
    script_err("class C { x = () => arguments; }");
    script_err("class C { static { arguments; } }");
    script_err("class C { x = { arguments }; }");
    script_ok("class C { x = function () { arguments; }; m() { arguments; } }");
    script_ok("class C { static { (function () { arguments; }); } }");
    script_err("class C { x = class { [arguments] = 1 }; }");
}

#[test]
fn lexical_declarations() {
    script_err("let a, a;");
    script_err("let a; const a = 1;");
    script_err("let a; var a;");
    script_err("var a; let a;");
    script_err("let a; { var a; }");
    script_err("{ let a; { var a; } }");
    script_ok("{ let a; } var a;");
    script_ok("{ let a; } { let a; }");
    script_err("{ function a() {} function a() {} }");
    script_err("{ function a() {} var a; }");
    script_err("{ function a() {} let a; }");
    script_ok("function a() {} function a() {} var a;");
    script_err("let a; function a() {}");
    script_err("function f() { let a; function a() {} }");
    script_ok("function f() { var a; function a() {} }");
    script_err("let let = 1;");
    script_err("for (let let of x);");
    script_ok("var let;");
    script_err("class a {} class a {}");
    script_err("switch (1) { case 1: let a; case 2: let a; }");
    script_err("switch (1) { case 1: let a; default: var a; }");
    script_err("switch (1) { default: default: }");
    script_err("L: { let a; } let b; L: function b() {}");
    module_err("function a() {} var a;");
    module_err("import a from 'm'; let a;");
    module_err("import { a, b as a } from 'm';");
    module_err("import a from 'm'; function a() {}");
    module_ok("import a from 'm'; { let a; }");
}

#[test]
fn initializers() {
    script_err("const a;");
    script_err("for (const a;;);");
    script_ok("for (const a of b); for (const a in b);");
    script_err("var [a];");
    script_err("let { a };");
    script_ok("for (var [a] of b); for (let { a } in b);");
    script_ok("let a; var b;");
}

#[test]
fn for_heads() {
    script_err("for (let a;;) { var a; }");
    script_err("for (let a of b) { var a; }");
    script_err("for (const [a, a] of b);");
    script_ok("for (let a of b) { let a; }");
    script_ok("for (var a of b) { var a; }");
}

#[test]
fn catch_parameters() {
    script_err("try {} catch ([a, a]) {}");
    script_err("try {} catch (a) { let a; }");
    script_err("try {} catch (a) { function a() {} }");
    script_ok("try {} catch (a) { var a; }");
    script_ok("try {} catch (a) { { let a; } }");
    script_err("try {} catch ([a]) { var a; }");
    script_ok("try {} catch (a) { for (var a of b); for (var a in b); for (var a;;); }");
}

#[test]
fn parameters() {
    script_ok("function f(a, a) {}");
    script_err("'use strict'; function f(a, a) {}");
    script_err("function f(a, a) { 'use strict'; }");
    script_err("function f(a, [a]) {}");
    script_err("function f(a, a = 1) {}");
    script_err("(a, a) => 1;");
    script_err("({ m(a, a) {} });");
    script_err("({ set m([a, a]) {} });");
    script_ok("function* g(a, a) {} async function f(a, a) {}");
    script_err("function f(a) { let a; }");
    script_err("(a) => { const a = 1; };");
    script_ok("function f(a) { var a; { let a; } }");
}

#[test]
fn labels_break_continue() {
    script_err("L: L: ;");
    script_err("L: { L: ; }");
    script_ok("L: ; L: ;");
    script_ok("L: { M: ; } L: ;");
    script_ok("L: function f() { L: ; }");
    script_err("break;");
    script_err("continue;");
    script_err("{ break; }");
    script_ok("while (1) break; switch (1) { case 1: break; }");
    script_err("switch (1) { case 1: continue; }");
    script_err("while (1) { function f() { break; } }");
    script_err("break L;");
    script_ok("L: { break L; }");
    script_err("L: { continue L; }");
    script_ok("L: while (1) { continue L; }");
    script_ok("L: M: while (1) { continue L; }");
    script_err("L: if (1) while (1) continue L;");
    script_err("L: while (1) { (function () { continue L; }); }");
    script_err("L: while (1) { class C { static { break L; } } }");
    script_err("'use strict'; L: function f() {}");
    script_err("L: function* g() {}");
    script_err("L: async function f() {}");
    script_err("if (1) L: function f() {}");
    script_err("while (1) L: M: function f() {}");
}

#[test]
fn return_statements() {
    script_err("return;");
    module_err("return;");
    script_ok("function f() { return; } () => { return; };");
    script_err("class C { static { return; } }");
}

#[test]
fn super_and_new_target() {
    script_err("super.x;");
    script_err("super();");
    script_err("function f() { super.x; }");
    script_ok("({ m() { super.x; }, get g() { return super.x; } });");
    script_err("({ m() { super(); } });");
    script_ok("class A extends B { constructor() { super(); () => super(); } }");
    script_err("class A { constructor() { super(); } }");
    script_err("class A extends B { m() { super(); } }");
    script_err("class A extends B { x = super(); }");
    script_ok("class A extends B { x = super.y; static { super.z; } }");
    script_err("class A extends B { static { super(); } }");
    script_err("class A extends B { constructor() { function f() { super(); } } }");
    script_err("class A extends super.x {}");
    script_err("({ [super.x]: 1 });");
    script_ok("({ m() { ({ [super.x]: 1 }); } });");
    script_err("new.target;");
    script_err("() => new.target;");
    script_ok("function f() { new.target; () => new.target; }");
    script_ok("class C { x = new.target; static { new.target; } }");
    script_err("class C extends new.target {}");
}

#[test]
fn import_meta() {
    script_err("import.meta;");
    module_ok("import.meta; function f() { import.meta; }");
}

#[test]
fn strict_mode() {
    script_ok("with (a) {}");
    script_err("'use strict'; with (a) {}");
    module_err("with (a) {}");
    script_err("class C { m() { with (a) {} } }");
}

#[test]
fn private_names() {
    script_ok("class C { #x; m() { this.#x; this?.#x; #x in this; } }");
    script_ok("class C { m() { this.#y; } #y; }");
    script_ok("class C { #x; m() { class D { n() { this.#x; } } } }");
    script_err("this.#x;");
    script_err("class C { m() { this.#y; } }");
    script_err("class C { #x; } this.#x;");
    script_err("class C extends class { x = this.#foo; } { #foo; }");
    script_ok("class C { #foo; m() { class D extends (this.#foo) {} } }");
    script_ok("class C { #x; [this.#x] = 1; }");
}

#[test]
fn using_declarations() {
    script_err("using x = y;");
    script_ok("{ using x = y; } function f() { using x = y; }");
    script_err("{ using x; }");
    script_err("switch (1) { case 1: using x = y; }");
    script_ok("switch (1) { case 1: { using x = y; } }");
    script_err("for (using x in y);");
    script_ok("for (using x of y);");
    script_err("{ using let = y; }");
    module_ok("using x = y; await using z = w;");
    script_err("function f() { await using x = y; }");
}

#[test]
fn first_error_in_source_order() {
    let error = parse("let a; let a; break;", ParseOptions::script())
        .err()
        .map(|e| e.span.start);
    assert_eq!(error, Some(11));
    let error = parse("function f(a) { break; let a; }", ParseOptions::script())
        .err()
        .map(|e| e.span.start);
    assert_eq!(error, Some(16));
}

mod scope_info {
    use crate::syntax::ast::*;
    use crate::syntax::{parse, ParseOptions};

    fn script(source: &str) -> Program {
        match parse(source, ParseOptions::script()) {
            Ok(p) => p,
            Err(e) => panic!("{source:?}: {e}"),
        }
    }

    fn first_function(program: &Program) -> &Function {
        for stmt in &program.body {
            if let StmtKind::Function(f) = &stmt.kind {
                return f;
            }
        }
        panic!("no function declaration");
    }

    #[test]
    fn script_top_level() {
        let p = script("var a, [b] = c; let d; const e = 1; class F {} function g() {} L: function h() {} { var i; function j() {} } for (var k of l);");
        assert_eq!(p.scope.var_declared_names, ["a", "b", "g", "h", "i", "k"]);
        assert_eq!(p.scope.lexically_declared_names, ["d", "e", "F"]);
        assert_eq!(
            p.scope.lexically_scoped_declarations,
            [
                DeclRef::Lexical {
                    names: vec!["d".into()],
                    constant: false
                },
                DeclRef::Lexical {
                    names: vec!["e".into()],
                    constant: true
                },
                DeclRef::Class("F".into()),
            ]
        );
        assert_eq!(
            p.scope.var_scoped_declarations,
            [
                DeclRef::Var(vec!["a".into()]),
                DeclRef::Var(vec!["b".into()]),
                DeclRef::Function {
                    name: "g".into(),
                    index: 4
                },
                DeclRef::Function {
                    name: "h".into(),
                    index: 5
                },
                DeclRef::Var(vec!["i".into()]),
                DeclRef::Var(vec!["k".into()]),
            ]
        );
        assert!(!p.scope.has_direct_eval);
    }

    #[test]
    fn module_top_level() {
        let p = match parse(
            "import x, { y as z } from 'm'; export var a; export function f() {} export default class {} let b;",
            ParseOptions::module(),
        ) {
            Ok(p) => p,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(p.scope.var_declared_names, ["a"]);
        assert_eq!(
            p.scope.lexically_declared_names,
            ["x", "z", "f", "*default*", "b"]
        );
        assert_eq!(
            p.scope.lexically_scoped_declarations,
            [
                DeclRef::Function {
                    name: "f".into(),
                    index: 2
                },
                DeclRef::Class("*default*".into()),
                DeclRef::Lexical {
                    names: vec!["b".into()],
                    constant: false
                },
            ]
        );
    }

    #[test]
    fn arguments_and_eval() {
        let p = script("function f() { return () => arguments; }");
        let f = first_function(&p);
        assert!(f.scope.uses_arguments);
        assert!(!f.scope.has_direct_eval);
        let p = script("function f() { function g() { arguments; eval(1); } }");
        let f = first_function(&p);
        assert!(!f.scope.uses_arguments);
        assert!(!f.scope.has_direct_eval);
        let p = script("function f(a = () => (eval)('x')) { var v; let w; }");
        let f = first_function(&p);
        assert!(f.scope.has_direct_eval);
        assert_eq!(f.scope.var_declared_names, ["v"]);
        assert_eq!(f.scope.lexically_declared_names, ["w"]);
        let p = script("eval?.('x'); (0, eval)('y');");
        assert!(!p.scope.has_direct_eval);
        let p = script("{ eval('x'); }");
        assert!(p.scope.has_direct_eval);
    }
}

mod eval_context {
    use crate::syntax::early_errors::{check_eval, EvalContext};
    use crate::syntax::{parse, ParseOptions};

    /// Parses `source` as a Script (which applies the plain Script rules), then checks it
    /// again as eval code in `context`.
    fn eval_ok(source: &str, context: &EvalContext) -> bool {
        // The plain parse rejects what only an eval context allows; build the tree from
        // a version wrapped in a function that allows everything, then check the inner
        // statements on their own.
        let wrapped = format!("class A extends B {{ #p; #q; constructor() {{ {source} }} }}");
        let Ok(program) = parse(&wrapped, ParseOptions::script()) else {
            return false;
        };
        let Some(body) = inner_body(&program) else {
            return false;
        };
        let eval_program = crate::syntax::ast::Program { body, ..program };
        check_eval(&eval_program, context).is_ok()
    }

    fn inner_body(program: &crate::syntax::ast::Program) -> Option<Vec<crate::syntax::ast::Stmt>> {
        use crate::syntax::ast::{FunctionBody, StmtKind};
        let StmtKind::Class(class) = &program.body.first()?.kind else {
            return None;
        };
        match &class.constructor.as_ref()?.body {
            FunctionBody::Block(stmts) => Some(stmts.clone()),
            FunctionBody::Expr(_) => None,
        }
    }

    #[test]
    fn eval_contexts() {
        let none = EvalContext::default();
        assert!(eval_ok("x;", &none));
        assert!(!eval_ok("new.target;", &none));
        assert!(!eval_ok("super.x;", &none));
        assert!(!eval_ok("super();", &none));
        assert!(!eval_ok("this.#p;", &none));
        let function = EvalContext {
            in_function: true,
            ..EvalContext::default()
        };
        assert!(eval_ok("new.target; () => new.target;", &function));
        assert!(!eval_ok("super.x;", &function));
        let method = EvalContext {
            in_function: true,
            in_method: true,
            ..EvalContext::default()
        };
        assert!(eval_ok("super.x;", &method));
        assert!(!eval_ok("super();", &method));
        let constructor = EvalContext {
            in_function: true,
            in_method: true,
            in_derived_constructor: true,
            ..EvalContext::default()
        };
        assert!(eval_ok("super(); () => super();", &constructor));
        let field = EvalContext {
            in_function: true,
            in_method: true,
            in_class_field_initializer: true,
            private_names: vec!["#p".to_string()],
            ..EvalContext::default()
        };
        assert!(!eval_ok("arguments;", &field));
        assert!(eval_ok("function f() { arguments; }", &field));
        assert!(eval_ok("this.#p;", &field));
        assert!(!eval_ok("this.#q;", &field));
    }
}
