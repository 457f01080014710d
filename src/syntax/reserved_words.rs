//! ReservedWord (ECMA-262 12.7.2) and the names strict mode code reserves besides them
//! (13.1.1). The grammar (`reserved_word` in grammar/ecmascript.pest) keeps its own copy,
//! since a pest rule cannot read a Rust table.

/// ReservedWord, `await` and `yield` left out: whether those can be identifiers depends on
/// the context ([Await], [Yield], strictness, the goal symbol).
#[rustfmt::skip]
const ALWAYS_RESERVED: &[&str] = &[
    "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
    "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
    "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw",
    "true", "try", "typeof", "var", "void", "while", "with",
];

/// The identifiers strict mode code cannot use (13.1.1), `yield` left out.
#[rustfmt::skip]
const STRICT_MODE_RESERVED: &[&str] = &[
    "implements", "interface", "let", "package", "private", "protected", "public", "static",
];

/// Is `name` a ReservedWord other than `await` and `yield`?
pub fn is_always_reserved(name: &str) -> bool {
    ALWAYS_RESERVED.contains(&name)
}

/// Is `name` reserved in strict mode code besides the ReservedWords (`yield` left out)?
pub fn is_strict_mode_reserved(name: &str) -> bool {
    STRICT_MODE_RESERVED.contains(&name)
}

/// Can `name` never be an identifier in Module code (always strict, [+Await])?
pub fn is_reserved_in_module(name: &str) -> bool {
    is_always_reserved(name) || is_strict_mode_reserved(name) || name == "await" || name == "yield"
}
