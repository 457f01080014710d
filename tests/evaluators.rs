//! Evaluators-first execution contexts (Compartments layer 3 design, issue 3): a call
//! `eval(...)` is a direct eval only when the callee is the running context's Evaluators'
//! [[Eval]]; another realm's `eval` called under the name `eval` is an indirect eval in that
//! realm's global scope (docs/spec-issues.md, "Layer 3: which [[Eval]] makes a direct
//! eval").

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::syntax::parse_script;
use std::sync::Arc;

fn run(text: &str) -> Vec<String> {
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn({
            let text = text.to_string();
            move || {
                let mut engine = Engine::new(EngineOptions {
                    test262: true,
                    capture_print: true,
                });
                let source = ScriptSource {
                    name: "evaluators-test.js".to_string(),
                    text: Arc::from(text.as_str()),
                    program: Arc::new(parse_script(&text).expect("the test script parses")),
                };
                if let Err(uncaught) = engine.evaluate_script(&source) {
                    panic!("{}", uncaught.report);
                }
                engine.take_printed()
            }
        })
        .expect("a test thread starts")
        .join()
        .expect("the script ran")
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
