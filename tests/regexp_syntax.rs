//! The RegularExpressionLiteral validator (`syntax::regexp`, ECMA-262 22.2.1 and Annex B.1.2)
//! against tables of accepted and rejected patterns, its error messages, deep nesting and odd
//! input.

use compartments::syntax::regexp::validate;

/// (pattern, flags) pairs that are valid.
const ACCEPTED: &[(&str, &str)] = &[
    // Flags.
    ("a", ""),
    ("a", "dgimsuy"),
    ("a", "dgimsvy"),
    // Quantifiers.
    ("a*b+c?d{2}e{2,}f{2,3}g*?h+?i??j{1}?", ""),
    ("a{2,2}", "u"),
    ("a{0099,100}", "u"),
    ("a{1,99999999999999999999999}", "u"),
    // Assertions and groups.
    ("^a$|\\bb\\B", "u"),
    ("(?=a)(?!b)(?<=c)(?<!d)", "u"),
    ("(?:a)(b)(?<name>c)\\1\\2\\k<name>", "u"),
    ("\\2(a)(b)", "u"),
    ("(?=a)*", ""),
    ("(?!a){2}", ""),
    // Named groups: escapes in names, astral names, forward references, duplicates
    // in different alternatives.
    ("(?<$_a\\u0062\\u{63}>.)\\k<$_abc>", ""),
    ("(?<a\\uD835\\uDC9C>.)", ""),
    ("(?<a\\uD835\\uDC9C>.)", "u"),
    ("(?<𝒜>.)", ""),
    ("(?<𝒜>.)", "u"),
    ("\\k<a>(?<a>x)", "u"),
    ("(?<a>x)|(?<a>y)", ""),
    ("(?<a>x)|(?<a>y)", "u"),
    ("(?<a>x)|((?<a>y)|(?<a>z))", ""),
    ("((?<a>x)|(?<b>y))|(?<a>z)", ""),
    ("(?:(?<a>x)|(?<a>y))\\k<a>", "u"),
    // Modifiers.
    ("(?i:a)(?m:b)(?s:c)(?ims:d)", ""),
    ("(?-i:a)(?i-s:b)(?im-s:c)(?-ims:d)", "u"),
    ("(?i:a)*", "v"),
    // Property escapes.
    ("\\p{L}\\p{Lu}\\p{digit}\\p{punct}\\P{Cased_Letter}", "u"),
    ("\\p{General_Category=Letter}\\p{gc=Nd}", "u"),
    (
        "\\p{Script=Latin}\\p{sc=Grek}\\p{Script_Extensions=Zzzz}\\p{scx=Unknown}",
        "u",
    ),
    ("\\p{sc=Beria_Erfe}\\p{sc=Tols}", "u"),
    ("\\p{ASCII}\\p{Any}\\p{Assigned}\\p{space}\\P{Alpha}", "u"),
    ("\\p{RGI_Emoji}\\p{Basic_Emoji}", "v"),
    ("[\\p{RGI_Emoji}--\\q{x}]", "v"),
    ("[^[\\p{RGI_Emoji}]&&[a]]", "v"),
    ("[^\\p{RGI_Emoji}&&a]", "v"),
    // Character escapes.
    (
        "\\f\\n\\r\\t\\v\\cA\\cz\\0\\x41\\u0041\\u{41}\\u{10FFFF}\\u{000000041}",
        "u",
    ),
    ("\\^\\$\\\\\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/", "u"),
    ("\\uD83D\\uDE00", "u"),
    ("\\uD83D", "u"),
    ("[\\uD83D\\uDE00-\\uD83D\\uDE01]", "u"),
    ("[😀-😁]", "u"),
    // Classes.
    ("[]", ""),
    ("[^]", "u"),
    ("[a-z]", "u"),
    ("[-a]", "u"),
    ("[a-]", "u"),
    ("[a-b-c]", "u"),
    ("[\\b\\-\\d]", "u"),
    ("[\\0-\\x7f\\u{80}-\\u{10FFFF}]", "u"),
    ("[--0]", "u"),
    // v-mode class sets.
    ("[[a-z]&&[aeiou]]", "v"),
    ("[[a-z]--[aeiou]--x]", "v"),
    ("[\\w&&\\d&&[0-5]]", "v"),
    ("[\\q{abc|d|}]", "v"),
    ("[^\\q{a|b}]", "v"),
    ("[[[[a]]]]", "v"),
    ("[\\&\\-\\!\\#\\%\\,\\:\\;\\<\\=\\>\\@\\`\\~]", "v"),
    ("[&!#%,:;<=>@`~^]", "v"),
    ("[a&b]", "v"),
    ("[\\(\\)\\[\\]\\{\\}\\/\\-\\\\\\|]", "v"),
    ("[^^]", "v"),
    // Annex B (no u or v).
    ("]", ""),
    ("}", ""),
    ("{", ""),
    ("a{", ""),
    ("a{1", ""),
    ("a{1,", ""),
    ("a{,5}", ""),
    ("x{1}{", ""),
    ("{*", ""),
    ("\\1", ""),
    ("\\8\\9", ""),
    ("(a)\\2", ""),
    ("\\00\\012\\377\\400", ""),
    ("\\c", ""),
    ("\\c1", ""),
    ("\\c*", ""),
    ("[\\c]", ""),
    ("[\\c1\\c_]", ""),
    ("[\\d-a]", ""),
    ("[a-\\w]", ""),
    ("[\\s-\\d]", ""),
    ("\\k", ""),
    ("\\k<a>", ""),
    ("[\\k]", ""),
    ("\\p{Nope}", ""),
    ("\\u{110000}", ""),
    ("\\u12", ""),
    ("\\x1", ""),
    ("\\a\\e\\q\\-", ""),
    ("[\\1-\\7]", ""),
    ("[\\8-\\9]", ""),
];

/// (pattern, flags) pairs that are SyntaxErrors.
const REJECTED: &[(&str, &str)] = &[
    // Flags.
    ("a", "uv"),
    ("a", "gg"),
    ("a", "G"),
    ("a", "x"),
    ("a", "\\u0067"),
    // Quantifiers.
    ("a**", ""),
    ("a**", "u"),
    ("?", ""),
    ("+a", ""),
    ("a???", ""),
    ("{1}", ""),
    ("{1,}", ""),
    ("{1,2}", ""),
    ("a{1}{2}", ""),
    ("a{2,1}", ""),
    ("a{2,1}", "u"),
    ("a{100,99}", ""),
    ("a{99999999999999999999,1}", ""),
    ("a{", "u"),
    ("a{1", "u"),
    ("a{,5}", "u"),
    ("{", "u"),
    ("}", "u"),
    ("]", "u"),
    ("^*", ""),
    ("$+", ""),
    ("\\b*", ""),
    ("\\B{1}", ""),
    ("(?<=a)*", ""),
    ("(?<!a)?", "u"),
    ("(?=a)*", "u"),
    ("(?!a){1}", "u"),
    // Groups.
    ("(", ""),
    ("(a", "u"),
    (")", ""),
    ("a)", "u"),
    ("(?", ""),
    ("(?a)", ""),
    ("(?<", ""),
    ("(?<a", ""),
    ("(?<>a)", ""),
    ("(?<1a>x)", ""),
    ("(?<a-b>x)", ""),
    ("(?<a\\x41>x)", ""),
    ("(?<\\u{110000}>x)", ""),
    ("(?<\\uD835>x)", ""),
    // Named groups and references.
    ("(?<a>.)\\k<b>", ""),
    ("(?<a>.)\\k", ""),
    ("(?<a>.)\\k<a", ""),
    ("(?<a>.)[\\k]", ""),
    ("\\k<a>", "u"),
    ("\\k", "u"),
    ("(?<a>x)(?<a>y)", ""),
    ("(?<a>x)(?<\\u0061>y)", "u"),
    ("(?<a>(?<a>x))", ""),
    ("((?<a>x)|(?<a>y))(?<a>z)", ""),
    ("(?<a>x)(?:(?<a>y)|z)", "u"),
    ("(?<a>x)|(?<b>y)(?<b>z)", ""),
    // Decimal escapes in unicode mode.
    ("\\1", "u"),
    ("(a)\\2", "u"),
    ("\\00", "u"),
    ("\\01", "u"),
    ("\\8", "u"),
    ("[\\1]", "u"),
    // Modifiers.
    ("(?ii:a)", ""),
    ("(?i-i:a)", ""),
    ("(?-:a)", ""),
    ("(?--i:a)", ""),
    ("(?i-ss:a)", "u"),
    ("(?I:a)", ""),
    ("(?g:a)", ""),
    ("(?i)", ""),
    ("(?i-", ""),
    ("(?ms-im:a)", "u"),
    // Property escapes.
    ("\\p{Nope}", "u"),
    ("\\p{ascii}", "u"),
    ("\\p{L", "u"),
    ("\\pL", "u"),
    ("\\p{}", "u"),
    ("\\p{=}", "u"),
    ("\\p{gc=}", "u"),
    ("\\p{Script}", "u"),
    ("\\p{General_Category}", "u"),
    ("\\p{Block=Basic_Latin}", "u"),
    ("\\p{Line_Break=Alphabetic}", "u"),
    ("\\p{ASCII=Yes}", "u"),
    ("\\p{Letter=L}", "u"),
    ("\\p{sc=Lu}", "u"),
    ("\\p{gc=Latin}", "u"),
    ("\\p{ General_Category=L}", "u"),
    ("\\p{IsScript=Latin}", "u"),
    ("\\p{^L}", "u"),
    ("\\p{Composition_Exclusion}", "u"),
    ("\\p{RGI_Emoji}", "u"),
    ("[\\p{RGI_Emoji}]", "u"),
    ("\\P{RGI_Emoji}", "v"),
    ("[^\\p{RGI_Emoji}]", "v"),
    ("[^\\q{ab}]", "v"),
    ("[^\\q{}]", "v"),
    ("[^\\q{a|bc}]", "v"),
    ("[^[\\p{RGI_Emoji}]]", "v"),
    ("[^\\p{RGI_Emoji}--a]", "v"),
    ("[^[\\p{RGI_Emoji}\\q{a}]&&[\\q{ab}]]", "v"),
    // Character escapes in unicode mode.
    ("\\c", "u"),
    ("\\c1", "u"),
    ("[\\c1]", "u"),
    ("\\x1", "u"),
    ("\\u12", "u"),
    ("\\u{}", "u"),
    ("\\u{110000}", "u"),
    ("\\u{1,}", "u"),
    ("\\a", "u"),
    ("\\-", "u"),
    ("\\k", "v"),
    ("[\\B]", "u"),
    ("\\", ""),
    ("a\\", "u"),
    ("[\\", ""),
    // Classes.
    ("[", ""),
    ("[a", "u"),
    ("[z-a]", ""),
    ("[z-a]", "u"),
    ("[\\x62-\\x61]", ""),
    ("[😀-😁]", ""),
    ("[\\uD83D\\uDE00-\\uD83D\\uDE01]", ""),
    ("[\\c-a]", ""),
    ("[\\d-a]", "u"),
    ("[a-\\d]", "u"),
    ("[\\p{L}-z]", "u"),
    ("[b--a]", ""),
    // v-mode class sets.
    ("[(]", "v"),
    ("[)]", "v"),
    ("[{]", "v"),
    ("[}]", "v"),
    ("[/]", "v"),
    ("[|]", "v"),
    ("[-]", "v"),
    ("[a-]", "v"),
    ("[-a]", "v"),
    ("[a-b-c]", "v"),
    ("[z-a]", "v"),
    ("[a-z--b]", "v"),
    ("[a-z&&[aeiou]]", "v"),
    ("[a--b-c]", "v"),
    ("[a&&b-c]", "v"),
    ("[ab&&c]", "v"),
    ("[a&&bc]", "v"),
    ("[a&&b--c]", "v"),
    ("[a--b&&c]", "v"),
    ("[a&&&b]", "v"),
    ("[a&&]", "v"),
    ("[a--]", "v"),
    ("[&&a]", "v"),
    ("[a!!b]", "v"),
    ("[!!]", "v"),
    ("[^^^]", "v"),
    ("[a[b]", "v"),
    ("[\\d-a]", "v"),
    ("[a-\\q{b}]", "v"),
    ("[\\q{a}", "v"),
    ("[\\q{(}]", "v"),
    ("[\\q{\\d}]", "v"),
    ("[\\q]", "v"),
    ("\\q{a}", "v"),
    ("[\\q{a}]", "u"),
    ("[\\!]", "u"),
    ("[\\1]", "v"),
    ("[\\k]", "v"),
    ("[\\B]", "v"),
];

#[test]
fn accepted_patterns() {
    for (pattern, flags) in ACCEPTED {
        if let Err(message) = validate(pattern, flags) {
            panic!("/{pattern}/{flags} should be valid: {message}");
        }
    }
}

#[test]
fn rejected_patterns() {
    for (pattern, flags) in REJECTED {
        assert!(
            validate(pattern, flags).is_err(),
            "/{pattern}/{flags} should be a SyntaxError"
        );
    }
}

/// test262 built-ins/RegExp/unicode_restricted_identity_escape*.js: with `u`, `\` may
/// only escape syntax characters and `/` (and `-` in a class), plus the escapes the
/// grammar names; without `u` every one of these is an identity escape.
#[test]
fn unicode_mode_restricts_identity_escapes() {
    let valid_in_atom = "bBfnrtvdDsSwW^$\\.*+?()[]{}|/";
    let valid_in_class = "bfnrtvdDsSwW^$\\.*+?()[]{}|/-";
    for cu in 0u8..0x80 {
        let c = char::from(cu);
        if c.is_ascii_digit() {
            continue;
        }
        let atom = format!("\\{c}");
        let class = format!("[\\{c}]");
        assert_eq!(
            validate(&atom, "u").is_ok(),
            valid_in_atom.contains(c),
            "/{atom}/u"
        );
        assert_eq!(
            validate(&class, "u").is_ok(),
            valid_in_class.contains(c),
            "/{class}/u"
        );
        // Annex B: all are valid without u, except `\k` once the pattern has a
        // group name.
        assert!(validate(&atom, "").is_ok(), "/{atom}/");
        assert!(validate(&class, "").is_ok(), "/{class}/");
    }
}

#[test]
fn every_listed_property_value_is_accepted() {
    use compartments::syntax::regexp_properties as props;
    for name in props::BINARY_PROPERTIES
        .iter()
        .chain(props::GENERAL_CATEGORY_VALUES)
    {
        assert!(
            validate(&format!("\\p{{{name}}}\\P{{{name}}}"), "u").is_ok(),
            "{name}"
        );
    }
    for value in props::GENERAL_CATEGORY_VALUES {
        for name in ["General_Category", "gc"] {
            assert!(validate(&format!("\\p{{{name}={value}}}"), "v").is_ok());
        }
    }
    for value in props::SCRIPT_VALUES {
        for name in ["Script", "sc", "Script_Extensions", "scx"] {
            assert!(validate(&format!("[\\P{{{name}={value}}}]"), "u").is_ok());
        }
    }
    for name in props::BINARY_PROPERTIES_OF_STRINGS {
        assert!(validate(&format!("\\p{{{name}}}"), "v").is_ok(), "{name}");
        assert!(validate(&format!("\\p{{{name}}}"), "u").is_err(), "{name}");
        assert!(validate(&format!("\\P{{{name}}}"), "v").is_err(), "{name}");
    }
    for list in [
        props::BINARY_PROPERTIES,
        props::BINARY_PROPERTIES_OF_STRINGS,
        props::GENERAL_CATEGORY_VALUES,
        props::SCRIPT_VALUES,
    ] {
        assert!(
            list.windows(2).all(|w| w[0] < w[1]),
            "tables must stay sorted"
        );
    }
}

#[test]
fn deep_nesting_is_an_error_not_an_overflow() {
    let deep = "(".repeat(100_000);
    assert!(validate(&deep, "").is_err());
    let balanced = format!("{}a{}", "(".repeat(100_000), ")".repeat(100_000));
    assert!(validate(&balanced, "u").is_err());
    let ok = format!("{}a{}", "(?:".repeat(MAX), ")".repeat(MAX));
    assert!(validate(&ok, "").is_ok());
    let classes = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(validate(&classes, "v").is_err());
    assert!(validate(&classes, "u").is_err());
    // Without v the first `]` closes the class and the rest are Annex B literals.
    assert!(validate(&classes, "").is_ok());
    let ok = format!("{}{}", "[".repeat(MAX), "]".repeat(MAX));
    assert!(validate(&ok, "v").is_ok());
    let alternatives = format!("{}a", "(?<n>x)|".repeat(50_000));
    assert!(validate(&alternatives, "").is_ok());
}

const MAX: usize = compartments::syntax::regexp::MAX_NESTING;

#[test]
fn never_panics_on_odd_input() {
    let pieces = [
        "(", ")", "[", "]", "{", "}", "\\", "|", "?", "*", "+", "^", "$", ".", "-", "&&", "--",
        "\\q{", "\\p{", "\\u{", "\\u", "\\c", "\\k<", "(?<", "(?", "a", "0", "9", ",", "=",
        "\u{D7FF}", "😀", ">", ":", "i", "-i",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..20_000 {
        let mut pattern = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 12) as usize;
        for i in 0..len {
            let index = ((seed >> (i * 5)) as usize) % pieces.len();
            pattern.push_str(pieces[index]);
        }
        for flags in ["", "u", "v"] {
            let _ = validate(&pattern, flags);
        }
    }
}

#[test]
fn error_messages_give_the_reason() {
    assert_eq!(validate("a**", "g").unwrap_err(), "nothing to repeat");
    assert_eq!(validate("a", "gg").unwrap_err(), "duplicate flag 'g'");
    assert_eq!(
        validate("[z-a]", "").unwrap_err(),
        "range out of order in character class"
    );
}
