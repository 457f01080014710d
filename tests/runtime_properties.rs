//! The interpreter never panics and never overflows the native stack: generated programs
//! built from hostile pieces (throwing getters and proxies, revoked proxies, deep and
//! mutual recursion, odd conversions, eval, classes, destructuring of bad values,
//! generators, async functions and promise jobs) either complete or end in an uncaught
//! JavaScript exception.

use compartments::host::engine::{Engine, EngineOptions, ScriptSource};
use compartments::syntax::parse_script;
use proptest::prelude::*;
use std::sync::Arc;

/// Statements that set up values the generated expressions use.
const PRELUDE: &str = r#"
var o = { a: 1, get g() { throw new Error("getter"); }, [Symbol.toPrimitive]() { return 2; } };
var p = new Proxy({}, { get() { throw 1; }, has() { return true; }, ownKeys() { return ["x", "x"]; } });
var r = Proxy.revocable({}, {}); r.revoke(); var rp = r.proxy;
var arr = [1, , 3]; arr.length = 5;
function rec(n) { return rec(n + 1); }
function mut1() { return mut2(); } function mut2() { return mut1(); }
class C { #x = 1; static s() { return new C().#x; } get y() { return this.#x; } }
class D extends C { constructor() { super(); } }
var big = 2n ** 70n;
function* gen() { try { yield 1; yield* [2, 3]; } finally { yield 4; } }
function* selfish() { yield selfishIt.next(); } var selfishIt = selfish();
async function af(x) { await x; throw x; }
async function* ag() { yield await 1; yield* gen(); return p.x; }
"#;

fn expression() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("o".to_string()),
        Just("p".to_string()),
        Just("rp".to_string()),
        Just("arr".to_string()),
        Just("big".to_string()),
        Just("undefined".to_string()),
        Just("null".to_string()),
        Just("'str'".to_string()),
        Just("-0".to_string()),
        Just("NaN".to_string()),
        Just("Symbol('s')".to_string()),
        Just("rec(0)".to_string()),
        Just("mut1()".to_string()),
        Just("C.s()".to_string()),
        Just("new D().y".to_string()),
        Just("o.g".to_string()),
        Just("eval('var e = 1; e')".to_string()),
        Just("Function('return this')()".to_string()),
        Just("[...'ab']".to_string()),
        Just("Object.keys(p)".to_string()),
        Just("JSON.stringify(o)".to_string()),
        Just("[...gen()]".to_string()),
        Just("gen().return(5)".to_string()),
        Just("gen().throw(6)".to_string()),
        Just("selfishIt.next()".to_string()),
        Just("af(o)".to_string()),
        Just("ag().next()".to_string()),
        Just("(function* () { yield* p; })().next()".to_string()),
    ];
    leaf.prop_recursive(4, 32, 3, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) + ({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) ** ({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) < ({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) == ({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a})[{b}]")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({b}) in ({a})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) instanceof ({b})")),
            inner.clone().prop_map(|a| format!("typeof ({a})")),
            inner.clone().prop_map(|a| format!("delete ({a}).a")),
            inner.clone().prop_map(|a| format!("`${{{a}}}`")),
            inner.clone().prop_map(|a| format!("new ({a})()")),
            inner.clone().prop_map(|a| format!("({a})()")),
            inner.clone().prop_map(|a| format!("[...({a})]")),
            inner.clone().prop_map(|a| format!("({{...({a})}})")),
            inner
                .clone()
                .prop_map(|a| format!("(({{ a: [x] = [] }}) => x)({a})")),
            inner.clone().prop_map(|a| format!("String({a})")),
            inner
                .clone()
                .prop_map(|a| format!("Object.getOwnPropertyNames({a})")),
            inner.clone().prop_map(|a| format!("({a})?.b?.()")),
            inner
                .clone()
                .prop_map(|a| format!("(function* () {{ return yield* ({a}); }})().next()")),
            inner
                .clone()
                .prop_map(|a| format!("(async () => {{ for await (const x of {a}); }})()")),
            inner.clone().prop_map(|a| format!("Promise.all({a})")),
        ]
    })
}

fn program() -> impl Strategy<Value = String> {
    prop::collection::vec(expression(), 1..4).prop_map(|exprs| {
        let body: Vec<String> = exprs
            .into_iter()
            .map(|e| format!("try {{ {e}; }} catch (error) {{ String(error); }}\n{e};"))
            .collect();
        format!("{PRELUDE}\n{}", body.join("\n"))
    })
}

/// Runs `text` in a fresh engine on a thread with the CLI's stack; `Ok` whether the script
/// completes or throws, `Err` only if the engine panicked.
fn evaluate(text: String) -> Result<(), String> {
    std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(move || {
            let program = parse_script(&text).expect("generated programs are syntactically valid");
            let mut engine = Engine::new(EngineOptions {
                test262: false,
                capture_print: true,
                ..EngineOptions::default()
            });
            let source = ScriptSource {
                name: "generated.js".to_string(),
                text: Arc::from(text.as_str()),
                program: Arc::new(program),
            };
            let _ = engine.evaluate_script(&source);
            let _ = engine.run_jobs();
        })
        .map_err(|e| e.to_string())?
        .join()
        .map_err(|_| "the engine panicked".to_string())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn generated_programs_never_panic(text in program()) {
        prop_assert_eq!(evaluate(text.clone()), Ok(()), "program:\n{}", text);
    }
}

#[test]
fn the_prelude_alone_runs() {
    assert_eq!(evaluate(PRELUDE.to_string()), Ok(()));
}
