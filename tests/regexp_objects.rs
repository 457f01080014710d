//! RegExp objects where the implementation does something test262 does not look at: the
//! pattern regress is handed (named groups removed, `\k<name>` rewritten to numbered back
//! references), a pattern ECMAScript allows but the matcher refuses, and the per-thread
//! cache of compiled matchers.

mod engine_script;

fn run(text: &str) -> Vec<String> {
    engine_script::run_printing("regexp-objects-test.js", text, false)
}

#[test]
fn a_named_back_reference_followed_by_a_digit_stays_one_reference() {
    // `\k<a>` becomes `(?:\1)` for regress: never `\11`.
    let printed = run(r#"
        print(/(?<a>x)\k<a>1/.test("xx1"), /(?<a>x)\k<a>1/.test("x"));
        print(/(?<a>x)(?<b>y)?\k<b>\k<a>/.exec("xx")[0]);
        print(/\k<a>(?<a>z)/.exec("z").groups.a);
    "#);
    assert_eq!(printed, ["true false", "xx", "z"]);
}

#[test]
fn astral_group_names_in_non_unicode_patterns() {
    // Without `u` the pattern reaches the matcher as UTF-16 code units; the names never do.
    let printed = run(r#"
        var m = /(?<𝒜>a)(?<\u{1d49c}b>b)\k<𝒜>/.exec("aba");
        print(m[0], m.groups["𝒜"], m.groups["𝒜b"]);
        print("ab".replace(/(?<𝒜>a)/, "[$<𝒜>]"));
    "#);
    assert_eq!(printed, ["aba a b", "[a]b"]);
}

#[test]
fn a_pattern_the_matcher_refuses_is_a_syntax_error() {
    // ECMAScript allows any nesting; regress stops at a depth far below our parser's
    // limit. That is a SyntaxError (with the pattern shortened), never a panic.
    let printed = run(r#"
        try {
            new RegExp("(".repeat(5000) + ")".repeat(5000));
            print("compiled");
        } catch (e) {
            print(e instanceof SyntaxError, e.message.length < 300);
        }
    "#);
    assert_eq!(printed, ["true true"]);
}

#[test]
fn literals_share_compiled_matchers_but_not_objects() {
    let printed = run(r#"
        var made = [];
        for (var i = 0; i < 3; i++) { made.push(/a/g); }
        made[0].exec("aa");
        print(made[0] !== made[1], made[0].lastIndex, made[1].lastIndex);
        made[1].compile("b", "y");
        print(made[1].source, made[1].flags, made[2].source, made[2].flags);
    "#);
    assert_eq!(printed, ["true 1 0", "b y a g"]);
}

#[test]
fn escapes_without_the_u_flag_are_read_as_annex_b_reads_them() {
    // regress would combine `\uD83D\uDE00` into one code point and read `\u{61}` as `a`
    // in every mode; without `u` they are two code units and `u{61}`.
    let printed = run(r#"
        print(/^[\ud83d\ude00]$/.test("\ude00"), /^[\ud83d\ude00]{2}$/.test("\ud83d\ude00"));
        print(/\ud83d\ude00/.test("\ud83d\ude00"), /^\ud83d\ude00$/u.test("\ud83d\ude00"));
        print(/\u{61}/.test("a"), /^\u{3}$/.test("uuu"), /\u{61}/u.test("a"), /\\u{2}/.test("\\uu"));
    "#);
    assert_eq!(printed, ["true true", "true true", "false true true true"]);
}

#[test]
fn lone_surrogates_with_and_without_the_u_flag() {
    let printed = run(r#"
        var pair = "\ud83d\ude00";
        print(/\ud83d/.test(pair), /\ud83d/u.test(pair), /\ud83d/u.test("\ud83dx"));
        print(pair.match(/./g).length, pair.match(/./gu).length, pair.split(/(?:)/u).length);
        print(/^[\ud83d\ude00]$/.test("\ude00"), /^[\ud83d\ude00]$/u.test("\ude00"));
    "#);
    assert_eq!(printed, ["true false true", "2 1 1", "true false"]);
}
