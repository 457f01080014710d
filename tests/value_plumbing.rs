//! The evaluator's value plumbing (docs/ARCHITECTURE.md, "Value plumbing"): a Number,
//! Boolean or Object result taken out of its result word by word and kept apart from the
//! general case (binary operands, an assignment's right side, call arguments, a call's
//! func, a conditional's or `if`'s or `for`'s test, `x.m().value`), and a call's func,
//! thisValue and arguments released after the call. Each program prints what the spec's
//! steps give, untraced and traced (where the fast paths are off); errors are reported
//! the same both ways.

#[path = "common/script_runs.rs"]
mod script_runs;

use script_runs::check_untraced_and_traced;

/// The report of the error `text` throws, untraced; the traced report must be the same.
fn error_both_ways(text: &str) -> String {
    let report = script_runs::run_error("plumbing.js", text);
    let (traced, _) = compartments::trace::capture(|| script_runs::run_error("plumbing.js", text));
    assert_eq!(report, traced, "{text}");
    report
}

#[test]
fn binary_operands_of_every_kind_on_either_side() {
    check_untraced_and_traced(
        "plumbing.js",
        r#"
        function num() { return 7; }
        function str() { return "s"; }
        function obj() { return { valueOf() { return 10; } }; }
        function undef() {}
        const out = [];
        let total = 5;
        for (let i = 0; i < 3; i++) {
            total = (total + num()) % 1000003;
            out.push(total + str(), str() + total, total * obj(), obj() - total,
                     total + undef(), (total + num()) % 4, (-total - num()) % 4,
                     (total) < num(), num() >= (total), 2 ** num(), total / 0);
        }
        const big = 2 ** 60;
        out.push((big + num()) % 1000003, (-0 * num()) % 5, 1 / ((-0 * num()) % 5));
        print(out.join());
        "#,
        &["12s,s12,120,-2,NaN,3,-3,false,false,128,Infinity,\
           19s,s19,190,-9,NaN,2,-2,false,false,128,Infinity,\
           26s,s26,260,-16,NaN,1,-1,false,false,128,Infinity,\
           709420,0,-Infinity"],
    );
}

#[test]
fn binary_operand_errors_are_reported_where_they_are() {
    for text in [
        "function f() { return 1; }\nfunction g() { null.x; }\nlet t = f() + g();",
        "function f() { return 1; }\nfunction g() { null.x; }\nlet t = g() + f();",
        "function f() { return 1; }\nlet t = (f() + 2) * missing;",
        "function f() { return 1; }\nlet t = f() + Symbol();",
        "function f() { return 1; }\nlet t = f() < 2n + Symbol();",
    ] {
        let report = error_both_ways(text);
        assert!(report.contains("plumbing.js:"), "{report}");
    }
}

#[test]
fn assignment_of_a_computed_value_to_a_slot() {
    check_untraced_and_traced(
        "plumbing.js",
        r#"
        function num() { return 3; }
        function str() { return "t"; }
        function make() { return [1, 2]; }
        function run() {
            let n = 1, s = "", o = null;
            const out = [];
            for (let i = 0; i < 2; i++) {
                n = (n + num()) % 5;
                s = s + str();
                o = make();
                out.push(n, s, o.length, (n = num() * 2), (s = n + str()));
            }
            return out.join();
        }
        print(run());
        "#,
        &["4,t,2,6,6t,4,6tt,2,6,6t"],
    );
    // (A const binding, and a binding still in its TDZ: the errors of PutValue.)
    let report = error_both_ways(
        "function num() { return 3; }\nfunction f() { const c = 1; c = c + num(); }\nf();",
    );
    assert!(report.contains("TypeError"), "{report}");
    let report = error_both_ways(
        "function num() { return 3; }\nfunction f() { x = (1 + num()); let x; }\nf();",
    );
    assert!(report.contains("ReferenceError"), "{report}");
}

#[test]
fn calls_with_every_argument_count_and_kind() {
    check_untraced_and_traced(
        "plumbing.js",
        r#"
        function kinds(...args) { return args.map((a) => typeof a).join("/"); }
        const o = { m(a, b) { return this === o ? a + b : "wrong this"; } };
        const f = (a) => a;
        const out = [];
        for (let i = 0; i < 2; i++) {
            out.push(kinds(), kinds(1), kinds("a", 2), kinds(o, null, undefined),
                     kinds(1, "b", o, true), kinds(1, 2, 3, 4, 5), kinds(...[1, "x"]),
                     f(i + 1), f("s" + i), f(o) === o, o.m(i, 2), o.m("a", i));
        }
        print(out.join());
        "#,
        &[
            ",number,string/number,object/object/undefined,number/string/object/boolean,\
           number/number/number/number/number,number/string,1,s0,true,2,a0,\
           ,number,string/number,object/object/undefined,number/string/object/boolean,\
           number/number/number/number/number,number/string,2,s1,true,3,a1",
        ],
    );
}

#[test]
fn call_errors_release_what_was_evaluated() {
    // (func not callable, with each argument count; an argument that throws after others
    // were evaluated; the callee's own throw.)
    for text in [
        "const n = 1;\nn();",
        "const n = 1;\nn(1);",
        "const n = undefined;\nn('a', {});",
        "const n = {};\nn(1, 2, 3);",
        "const n = 'f';\nn(1, 2, 3, 4);",
        "const n = null;\nn(1, 2, 3, 4, 5);",
        "function f(a, b) { return a + b; }\nf({}, null.x);",
        "function f(a, b) { return a + b; }\nf('s', 1, missing);",
        "function f(a, b) { throw new RangeError('r' + a + b); }\nf(1, 2);",
        "const o = { m: 1 };\no.m(1);",
    ] {
        let report = error_both_ways(text);
        assert!(report.contains("plumbing.js:"), "{report}");
    }
    // (Objects passed to a call, and the call's func and this, stay alive while it runs
    // and after it as long as they are reachable.)
    check_untraced_and_traced(
        "plumbing.js",
        r#"
        function keep(a, b) { return () => a.v + b.v; }
        const kept = [];
        for (let i = 0; i < 50; i++) kept.push(keep({ v: i }, { v: 1 }));
        let sum = 0;
        for (const k of kept) sum += k();
        print(sum);
        "#,
        &["1275"],
    );
}

#[test]
fn tests_of_conditionals_ifs_and_for_loops() {
    check_untraced_and_traced(
        "plumbing.js",
        r#"
        const values = [true, false, 0, -0, NaN, 1, "", "x", null, undefined, {}, [], 0n, 1n,
                        Symbol()];
        const out = [];
        for (let i = 0; i < values.length; i++) {
            const v = values[i];
            out.push(v ? "t" : "f");
            if (v) out.push("T"); else out.push("F");
            if (i < 3 === true) out.push("<");
        }
        const flags = [true, 1, "y", {}, false, true];
        let k = 0;
        for (; flags[k]; k++) {}
        for (let j = 0; flags[j] !== false; j++) out.push(j);
        print(out.join(""), k);
        "#,
        &["tT<fF<fF<fFfFtTfFtTfFfFtTtTfFtTtT0123 4"],
    );
    for text in [
        "let t = missing ? 1 : 2;",
        "if (missing) {}",
        "for (let i = 0; missing; i++) {}",
        "function f() { null.x; }\nlet t = f() ? 1 : 2;",
    ] {
        let report = error_both_ways(text);
        assert!(report.contains("plumbing.js:"), "{report}");
    }
}

#[test]
fn member_value_of_a_method_call() {
    check_untraced_and_traced(
        "plumbing.js",
        r#"
        function* g() { let i = 0; while (true) yield i++; }
        const it = g();
        const other = { next() { return { value: { n: 5 } }; } };
        const prim = { next() { return 3; } };
        const str = { next() { return "abc"; } };
        let sum = 0;
        for (let i = 0; i < 5; i++) sum += it.next().value;
        print(sum, other.next().value.n, prim.next().value, str.next().length,
              it.next().done, it.return(9).value, it.next().value);
        "#,
        &["10 5 undefined 3 false 9 undefined"],
    );
    let report = error_both_ways("const o = { m() { return null; } };\nlet v = o.m().value;");
    assert!(report.contains("TypeError"), "{report}");
}

#[test]
fn compound_assignment_to_a_slot_of_every_kind() {
    check_untraced_and_traced(
        "plumbing.js",
        r#"
        function num() { return 2; }
        function run() {
            let n = 1, s = "a", b = 1n, u;
            const out = [];
            for (let i = 0; i < 3; i++) {
                n += num();
                n *= 3;
                n -= i;
                n %= 1000;
                n **= 1;
                s += num();
                s += { toString() { return "o"; } };
                u += num();
                out.push(n, s, u);
            }
            b += 2n;
            let m = 5;
            m += "x";
            let k = "3";
            k -= num();
            out.push(b, m, k, typeof k);
            return out.join();
        }
        print(run());
        "#,
        &["9,a2o,NaN,32,a2o2o,NaN,100,a2o2o2o,NaN,3,5x,1,number"],
    );
    for text in [
        "function num() { return 2; }\nfunction f() { const c = 1; c += num(); }\nf();",
        "function num() { return 2; }\nfunction f() { let b = 1n; b += num(); }\nf();",
        "function f() { let n = 1; n += missing; }\nf();",
        "function num() { return 2; }\nfunction f() { n += num(); let n = 1; }\nf();",
    ] {
        let report = error_both_ways(text);
        assert!(report.contains("plumbing.js:"), "{report}");
    }
}

#[test]
fn method_call_results_of_every_kind() {
    check_untraced_and_traced(
        "plumbing.js",
        r#"
        const o = {
            num() { return 1.5; }, obj() { return this; }, str() { return "s"; },
            undef() {}, big() { return 2n; }, sym() { return Symbol.iterator; },
        };
        const out = [];
        for (let i = 0; i < 2; i++) {
            out.push(o.num() + i, o.obj() === o, o.str() + i, o.undef(), o.big() + 1n,
                     o.sym() === Symbol.iterator, [3, 1, 2].sort((a, b) => a - b).join(""),
                     ["b", "a"].sort((a, b) => (a < b ? -1 : 1)).join(""),
                     [2, 1].sort((a, b) => String(a - b)).join(""), [1, 2].sort(() => undefined).join(""));
        }
        function* g() { yield 1.5; yield "s"; yield { v: 1 }; return 7; }
        const it = g();
        out.push(it.next().value, it.next().value, it.next().value.v, it.next().value,
                 it.next().value);
        print(out.join());
        "#,
        &["1.5,true,s0,,3,true,123,ab,12,12,2.5,true,s1,,3,true,123,ab,12,12,1.5,s,1,7,"],
    );
    let report = error_both_ways("const a = [2, 1];\na.sort(() => { throw new Error('c'); });");
    assert!(report.contains("plumbing.js:2:"), "{report}");
    let report = error_both_ways("const a = [2, 1];\na.sort(() => Symbol());");
    assert!(report.contains("TypeError"), "{report}");
}
