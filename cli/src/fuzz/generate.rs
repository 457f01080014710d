//! Grammar-aware generation: random programs built from the grammar's statement and
//! expression forms, over values that stress the implementation's edges (lengths near
//! 2³², −0, NaN, huge and lone-surrogate strings, BigInts, proxies, getters that throw,
//! accessors that change lengths) and calls of the built-in library. Each top-level
//! statement is wrapped in `try {} catch {}` so that one exception does not hide the rest.

use super::rng::Rng;

/// Values that tend to hit edge cases.
const VALUES: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "0.5",
    "NaN",
    "Infinity",
    "-Infinity",
    "2**31",
    "2**32",
    "2**32-1",
    "2**53",
    "2**53-1",
    "-(2**53)",
    "1e308",
    "5e-324",
    "0x7fffffff",
    "255",
    "65536",
    "undefined",
    "null",
    "true",
    "false",
    "''",
    "'a'",
    "'abc'",
    "'\\uD800'",
    "'\\uDC00x'",
    "'\\u{1F600}'",
    "'ß'",
    "'İ'",
    "'Σ'",
    "'x'.repeat(1000)",
    "'\\n'",
    "'0'",
    "'-0'",
    "'1e3'",
    "'length'",
    "'__proto__'",
    "'constructor'",
    "'toString'",
    "'valueOf'",
    "0n",
    "1n",
    "-1n",
    "2n**64n",
    "-(2n**63n)",
    "Symbol()",
    "Symbol('d')",
    "Symbol.iterator",
    "Symbol.toPrimitive",
    "Symbol.species",
    "Symbol.for('k')",
    "[]",
    "[1,2,3]",
    "[,1,,2]",
    "[[]]",
    "{}",
    "{a:1}",
    "{length:3, 0:'a', 1:'b', 2:'c'}",
    "{length: 2**32}",
    "{length: -1}",
    "{length: 2**53}",
    "{valueOf(){ return 7 }}",
    "{toString(){ throw new Error('ts') }}",
    "{[Symbol.toPrimitive](){ return 1n }}",
    "function(){}",
    "() => 1",
    "class {}",
    "function*(){ yield 1 }",
    "async function(){}",
    "new Proxy({}, {})",
    "new Proxy([], { get(t,k,r){ return Reflect.get(t,k,r) } })",
    "new Proxy(function(){}, { apply(){ return 1 }, construct(){ return {} } })",
    "Object.create(null)",
    "new Map([[1,2]])",
    "new Set([1,2])",
    "new WeakMap()",
    "Promise.resolve(1)",
    "Promise.reject(0)",
    "/a*b/g",
    "/(?<n>x)|y/dgimsuy",
    "/[\\s\\S]/v",
    "new Date(0)",
    "new Error('e')",
    "new RangeError()",
    "globalThis",
    "Math",
    "JSON",
    "Reflect",
    "Array.prototype",
    "Object.prototype",
    "Function.prototype",
    "arguments",
    "this",
];

/// Built-in functions and methods to call (receiver, method).
const CALLS: &[(&str, &str)] = &[
    ("Array.prototype", "join"),
    ("Array.prototype", "concat"),
    ("Array.prototype", "slice"),
    ("Array.prototype", "splice"),
    ("Array.prototype", "indexOf"),
    ("Array.prototype", "lastIndexOf"),
    ("Array.prototype", "includes"),
    ("Array.prototype", "fill"),
    ("Array.prototype", "copyWithin"),
    ("Array.prototype", "reverse"),
    ("Array.prototype", "sort"),
    ("Array.prototype", "flat"),
    ("Array.prototype", "flatMap"),
    ("Array.prototype", "map"),
    ("Array.prototype", "filter"),
    ("Array.prototype", "reduce"),
    ("Array.prototype", "push"),
    ("Array.prototype", "pop"),
    ("Array.prototype", "shift"),
    ("Array.prototype", "unshift"),
    ("Array.prototype", "toSorted"),
    ("Array.prototype", "toSpliced"),
    ("Array.prototype", "with"),
    ("Array.prototype", "at"),
    ("Array.prototype", "keys"),
    ("Array.prototype", "entries"),
    ("Array.prototype", "toString"),
    ("Array.prototype", "toLocaleString"),
    ("Array", "from"),
    ("Array", "of"),
    ("Array", "isArray"),
    ("String.prototype", "repeat"),
    ("String.prototype", "padStart"),
    ("String.prototype", "padEnd"),
    ("String.prototype", "replace"),
    ("String.prototype", "replaceAll"),
    ("String.prototype", "split"),
    ("String.prototype", "match"),
    ("String.prototype", "matchAll"),
    ("String.prototype", "search"),
    ("String.prototype", "normalize"),
    ("String.prototype", "toUpperCase"),
    ("String.prototype", "toLowerCase"),
    ("String.prototype", "localeCompare"),
    ("String.prototype", "concat"),
    ("String.prototype", "at"),
    ("String.prototype", "codePointAt"),
    ("String.prototype", "substring"),
    ("String.prototype", "slice"),
    ("String.prototype", "trim"),
    ("String.prototype", "isWellFormed"),
    ("String.prototype", "toWellFormed"),
    ("String.prototype", "anchor"),
    ("String", "fromCharCode"),
    ("String", "fromCodePoint"),
    ("String", "raw"),
    ("Object", "keys"),
    ("Object", "entries"),
    ("Object", "assign"),
    ("Object", "defineProperty"),
    ("Object", "defineProperties"),
    ("Object", "getOwnPropertyDescriptors"),
    ("Object", "freeze"),
    ("Object", "fromEntries"),
    ("Object", "groupBy"),
    ("Object", "setPrototypeOf"),
    ("Object.prototype", "toString"),
    ("Function.prototype", "apply"),
    ("Function.prototype", "call"),
    ("Function.prototype", "bind"),
    ("Function.prototype", "toString"),
    ("Reflect", "apply"),
    ("Reflect", "construct"),
    ("Reflect", "ownKeys"),
    ("Reflect", "defineProperty"),
    ("Reflect", "get"),
    ("Reflect", "set"),
    ("JSON", "stringify"),
    ("JSON", "parse"),
    ("Math", "max"),
    ("Math", "hypot"),
    ("Math", "pow"),
    ("Number.prototype", "toString"),
    ("Number.prototype", "toFixed"),
    ("Number.prototype", "toPrecision"),
    ("Number.prototype", "toExponential"),
    ("Number", "parseFloat"),
    ("BigInt", "asIntN"),
    ("BigInt", "asUintN"),
    ("BigInt.prototype", "toString"),
    ("RegExp.prototype", "exec"),
    ("RegExp.prototype", "test"),
    ("RegExp.prototype", "compile"),
    ("RegExp.prototype", "toString"),
    ("Promise", "all"),
    ("Promise", "allSettled"),
    ("Promise", "any"),
    ("Promise", "race"),
    ("Promise", "withResolvers"),
    ("Promise.prototype", "then"),
    ("Promise.prototype", "finally"),
    ("Map.prototype", "set"),
    ("Map", "groupBy"),
    ("Set.prototype", "add"),
    ("Set.prototype", "union"),
    ("Set.prototype", "isSubsetOf"),
    ("Iterator.prototype", "map"),
    ("Iterator.prototype", "take"),
    ("Iterator.prototype", "toArray"),
    ("Iterator", "from"),
    ("Symbol", "for"),
    ("Symbol", "keyFor"),
    ("Date.prototype", "toISOString"),
    ("Date.prototype", "setFullYear"),
    ("Date", "UTC"),
    ("Date", "parse"),
    ("globalThis", "encodeURIComponent"),
    ("globalThis", "decodeURIComponent"),
    ("globalThis", "escape"),
    ("globalThis", "unescape"),
    ("globalThis", "parseInt"),
    ("globalThis", "eval"),
    ("globalThis", "Function"),
    ("globalThis", "harden"),
    ("WeakRef.prototype", "deref"),
    ("FinalizationRegistry.prototype", "register"),
    ("$262", "gc"),
    ("$262", "evalScript"),
    ("$262", "createRealm"),
];

const BINARY: &[&str] = &[
    "+",
    "-",
    "*",
    "/",
    "%",
    "**",
    "<<",
    ">>",
    ">>>",
    "&",
    "|",
    "^",
    "==",
    "!=",
    "===",
    "!==",
    "<",
    "<=",
    ">",
    ">=",
    "&&",
    "||",
    "??",
    "in",
    "instanceof",
    ",",
];
const UNARY: &[&str] = &["-", "+", "!", "~", "typeof ", "void ", "delete "];
const ASSIGN: &[&str] = &["=", "+=", "-=", "*=", "**=", "<<=", "||=", "&&=", "??="];

/// Builds random programs.
pub struct Generator<'r> {
    rng: &'r mut Rng,
    depth: usize,
    vars: usize,
}

impl<'r> Generator<'r> {
    pub fn new(rng: &'r mut Rng) -> Generator<'r> {
        Generator {
            rng,
            depth: 0,
            vars: 0,
        }
    }

    /// A whole program of a few statements.
    pub fn program(&mut self) -> String {
        let mut out = String::new();
        let vars = 2 + self.rng.below(4);
        for i in 0..vars {
            out.push_str(&format!("var v{i} = {};\n", self.value()));
        }
        self.vars = vars;
        let count = 1 + self.rng.below(8);
        for _ in 0..count {
            let stmt = self.statement();
            out.push_str(&format!("try {{ {stmt} }} catch (e) {{}}\n"));
        }
        out
    }

    fn var(&mut self) -> String {
        format!("v{}", self.rng.below(self.vars.max(1)))
    }

    /// An edge value, parenthesised (so that `2**32`, `function(){}` or `{}` can stand
    /// anywhere an expression can).
    fn value(&mut self) -> String {
        format!("({})", self.rng.pick(VALUES))
    }

    fn statement(&mut self) -> String {
        self.depth += 1;
        let d = self.depth;
        let s = if self.depth > 4 {
            format!("{};", self.expression())
        } else {
            match self.rng.below(16) {
                0 => format!("{} {} {};", self.var(), self.rng.pick(ASSIGN), self.expression()),
                1 => format!(
                    "if ({}) {{ {} }} else {{ {} }}",
                    self.expression(),
                    self.statement(),
                    self.statement()
                ),
                2 => format!(
                    "for (var i{d} = 0; i{d} < {}; i{d}++) {{ {} }}",
                    self.rng.pick(&["3", "10", "100", "1000"]),
                    self.statement(),
                    d = self.depth
                ),
                3 => format!("for (var k{d} in {}) {{ {} }}", self.expression(), self.statement()),
                4 => format!("for (var x{d} of {}) {{ {} }}", self.expression(), self.statement()),
                5 => format!("try {{ {} }} finally {{ {} }}", self.statement(), self.statement()),
                6 => format!(
                    "function f{d}(a, b = {}, ...c) {{ {} return {}; }} {}(f{d}({}, {}));",
                    self.value(),
                    self.statement(),
                    self.expression(),
                    self.var(),
                    self.expression(),
                    self.expression(),
                    d = self.depth
                ),
                7 => format!(
                    "class C{d} extends ({} || Object) {{ constructor() {{ super(); this.x = {}; }} get g() {{ return {}; }} static m() {{ {} }} #p = {}; }} new C{d}();",
                    self.expression(),
                    self.expression(),
                    self.expression(),
                    self.statement(),
                    self.value(),
                    d = self.depth
                ),
                8 => format!(
                    "Object.defineProperty({}, {}, {{ get() {{ {} return {}; }}, configurable: true }});",
                    self.var(),
                    self.value(),
                    self.statement(),
                    self.expression()
                ),
                9 => format!("{}.then(function (x) {{ {} }});", self.promise(), self.statement()),
                10 => format!(
                    "(async function () {{ await {}; {} }})();",
                    self.expression(),
                    self.statement()
                ),
                11 => format!(
                    "var g{d} = (function* () {{ yield {}; {} yield* {}; }})(); g{d}.next(); g{d}.next({}); g{d}.return({});",
                    self.expression(),
                    self.statement(),
                    self.expression(),
                    self.expression(),
                    self.expression(),
                    d = self.depth
                ),
                12 => format!("switch ({}) {{ case {}: {} break; default: {} }}", self.expression(), self.value(), self.statement(), self.statement()),
                13 => format!("{} = {};", self.var(), self.call()),
                14 => format!("label{d}: while ({}) {{ {} break label{d}; }}", self.expression(), self.statement(), d = self.depth),
                _ => format!("{};", self.expression()),
            }
        };
        self.depth -= 1;
        s
    }

    fn promise(&mut self) -> String {
        match self.rng.below(3) {
            0 => format!("Promise.resolve({})", self.expression()),
            1 => format!("Promise.reject({})", self.expression()),
            _ => format!(
                "new Promise(function (r, j) {{ r({}); }})",
                self.expression()
            ),
        }
    }

    fn call(&mut self) -> String {
        let (receiver, method) = *self.rng.pick(CALLS);
        let args: Vec<String> = (0..self.rng.below(4)).map(|_| self.expression()).collect();
        let this = if self.rng.one_in(2) {
            self.expression()
        } else {
            receiver.to_string()
        };
        match self.rng.below(3) {
            0 => format!("{receiver}.{method}.call({this}, {})", args.join(", ")),
            1 => format!("{receiver}.{method}.apply({this}, [{}])", args.join(", ")),
            _ => format!(
                "Reflect.apply({receiver}.{method}, {this}, [{}])",
                args.join(", ")
            ),
        }
    }

    fn expression(&mut self) -> String {
        self.depth += 1;
        let e = if self.depth > 6 {
            self.value()
        } else {
            match self.rng.below(14) {
                0 | 1 => self.value(),
                2 => self.var(),
                3 => format!(
                    "({} {} {})",
                    self.expression(),
                    self.rng.pick(BINARY),
                    self.expression()
                ),
                4 => format!("({}{})", self.rng.pick(UNARY), self.expression()),
                5 | 6 => self.call(),
                7 => format!("{}[{}]", self.expression(), self.expression()),
                8 => format!(
                    "[{}, ...{}]",
                    self.expression(),
                    self.rng.pick(&["[1,2]", "'ab'", "new Set([3])", "v0"])
                ),
                9 => format!(
                    "({{ {}: {}, get [{}]() {{ return {}; }} }})",
                    self.rng.pick(&["a", "'b'", "0", "[Symbol.iterator]"]),
                    self.expression(),
                    self.value(),
                    self.expression()
                ),
                10 => format!("`${{{}}}x${{{}}}`", self.expression(), self.expression()),
                11 => format!(
                    "(({}) ? {} : {})",
                    self.expression(),
                    self.expression(),
                    self.expression()
                ),
                12 => format!(
                    "new ({} || Object)({})",
                    self.expression(),
                    self.expression()
                ),
                _ => format!(
                    "(() => {{ {} return {}; }})()",
                    self.statement(),
                    self.expression()
                ),
            }
        };
        self.depth -= 1;
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_programs_parse() {
        let mut rng = Rng::new(1);
        let mut parsed = 0;
        for _ in 0..200 {
            let program = Generator::new(&mut rng).program();
            if compartments::syntax::parse_script(&program).is_ok() {
                parsed += 1;
            }
        }
        // Some are early errors by construction (`new.target` at the top level, a
        // `delete` of an identifier in strict code is not possible here, ...), most parse.
        assert!(parsed > 150, "only {parsed} of 200 parse");
    }
}
