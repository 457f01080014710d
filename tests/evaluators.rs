//! Evaluators-first execution contexts (Compartments layer 3 design, issue 3): a call
//! `eval(...)` is a direct eval only when the callee is the running context's Evaluators'
//! [[Eval]]; another realm's `eval` called under the name `eval` is an indirect eval in that
//! realm's global scope (docs/spec-issues.md, "Layer 3: which [[Eval]] makes a direct
//! eval").

mod engine_script;

fn run(text: &str) -> Vec<String> {
    engine_script::run_printing("evaluators-test.js", text, true)
}

#[test]
fn the_running_contexts_own_eval_is_direct() {
    let printed = run(r#"
        var x = "global";
        function f() { var x = "local"; return eval("x"); }
        print(f());
    "#);
    assert_eq!(printed, ["local"]);
}

#[test]
fn another_realms_eval_named_eval_is_indirect_in_that_realm() {
    let printed = run(r#"
        var other = $262.createRealm().global;
        other.x = "other realm";
        var x = "this realm";
        function f() { var eval = other.eval; var x = "local"; return eval("x"); }
        print(f());
        print(other.eval("this") === other, other.eval("x"));
    "#);
    assert_eq!(printed, ["other realm", "true other realm"]);
}
