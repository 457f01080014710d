//! Mutation and splicing of real programs: test262's tests and the conformance suite's
//! files, changed a few tokens or lines at a time (numbers and strings swapped for edge
//! values, identifiers for others of the same file, lines deleted or repeated, lines of
//! another file or generated statements spliced in), so that inputs stay close to
//! programs that reach deep into the implementation.

use super::generate::Generator;
use super::rng::Rng;
use std::path::{Path, PathBuf};

/// The `.js` files under the given directories (test262 `_FIXTURE` files left out).
pub fn collect_sources(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending: Vec<PathBuf> = roots.to_vec();
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "js")
                && !path.to_string_lossy().contains("_FIXTURE")
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "2**32",
    "2**32-1",
    "2**31",
    "2**53-1",
    "2**53",
    "1e308",
    "NaN",
    "Infinity",
    "0x7fffffff",
    "65535",
    "65536",
    "4294967295",
    "2**30",
    "1e6",
    "1e9",
];
const STRINGS: &[&str] = &[
    "''",
    "'\\uD800'",
    "'x'.repeat(2**20)",
    "'length'",
    "'__proto__'",
    "'constructor'",
    "'prototype'",
    "'then'",
    "'0'",
    "'4294967295'",
    "'\\u0000'",
];

/// `text` without test262's copyright header and `/*--- ... ---*/` frontmatter (line
/// mutations would cut them open).
pub fn code_of(text: &str) -> &str {
    match text.find("---*/") {
        Some(end) => &text[end + 5..],
        None => text,
    }
}

/// The end of a run of lines from `from` whose brackets balance (at most 40 lines), so that
/// a spliced piece is whole statements.
fn balanced_end(lines: &[&str], from: usize) -> Option<usize> {
    let mut depth = 0i32;
    for (i, line) in lines.iter().enumerate().skip(from).take(40) {
        for c in line.chars() {
            match c {
                '{' | '(' | '[' => depth += 1,
                '}' | ')' | ']' => depth -= 1,
                _ => {}
            }
            if depth < 0 {
                return None;
            }
        }
        if depth == 0 {
            return Some(i + 1);
        }
    }
    None
}

/// Mutates `text` one to four times; `other` is a second program to splice from.
pub fn mutate(rng: &mut Rng, text: &str, other: &str) -> String {
    let text = code_of(text);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let other_lines: Vec<&str> = code_of(other).lines().collect();
    for _ in 0..1 + rng.below(4) {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let at = rng.below(lines.len());
        match rng.below(10) {
            0 | 1 => lines[at] = replace_token(rng, &lines[at], TokenKind::Number),
            2 => lines[at] = replace_token(rng, &lines[at], TokenKind::String),
            3 => {
                let identifiers = identifiers(text);
                if !identifiers.is_empty() {
                    let replacement = rng.pick(&identifiers).clone();
                    lines[at] = replace_identifier(rng, &lines[at], &replacement);
                }
            }
            4 => {
                let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
                if let Some(end) = balanced_end(&refs, at) {
                    lines.drain(at..end);
                }
            }
            5 => {
                let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
                let end = balanced_end(&refs, at).unwrap_or(at);
                let copy: Vec<String> = lines[at..end].to_vec();
                let to = rng.below(lines.len() + 1);
                for (i, line) in copy.into_iter().enumerate() {
                    lines.insert(to + i, line);
                }
            }
            6 | 7 if !other_lines.is_empty() => {
                let from = rng.below(other_lines.len());
                let end = balanced_end(&other_lines, from).unwrap_or(from);
                for (i, line) in other_lines[from..end].iter().enumerate() {
                    lines.insert(at + i, line.to_string());
                }
            }
            8 => {
                let statement = {
                    let mut generator = Generator::new(rng);
                    generator.program()
                };
                lines.insert(at, statement);
            }
            _ => {
                // A character inserted or removed: mostly syntax errors, for the parser.
                let line = &mut lines[at];
                let chars: Vec<char> = line.chars().collect();
                let i = rng.below(chars.len() + 1);
                let mut chars = chars;
                if rng.one_in(2) && i < chars.len() {
                    chars.remove(i);
                } else {
                    chars.insert(
                        i,
                        *rng.pick(&[
                            '(', ')', '{', '}', '[', ']', ',', ';', '`', '/', '\\', '"', '=', '.',
                            '\u{2028}',
                        ]),
                    );
                }
                *line = chars.into_iter().collect();
            }
        }
    }
    lines.join("\n")
}

#[derive(Clone, Copy, PartialEq)]
enum TokenKind {
    Number,
    String,
}

/// `line` with one numeric (or string) literal replaced by an edge value.
fn replace_token(rng: &mut Rng, line: &str, kind: TokenKind) -> String {
    let bytes = line.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if kind == TokenKind::Number
            && c.is_ascii_digit()
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'))
        {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'.') {
                i += 1;
            }
            spans.push((start, i));
            continue;
        }
        if kind == TokenKind::String && (c == b'"' || c == b'\'') {
            let start = i;
            i += 1;
            while i < bytes.len() && bytes[i] != c {
                if bytes[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            if i < bytes.len() {
                spans.push((start, i + 1));
            }
        }
        i += 1;
    }
    if spans.is_empty() {
        return line.to_string();
    }
    let (start, end) = *rng.pick(&spans);
    let values = if kind == TokenKind::Number {
        NUMBERS
    } else {
        STRINGS
    };
    let replacement = rng.pick(values);
    let replacement = if kind == TokenKind::Number {
        format!("({replacement})")
    } else {
        replacement.to_string()
    };
    format!("{}{}{}", &line[..start], replacement, &line[end..])
}

/// The identifiers of a program (ASCII words that are not keywords), deduplicated.
fn identifiers(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
        .filter(|w| {
            w.len() > 1
                && !w.as_bytes()[0].is_ascii_digit()
                && !compartments::syntax::reserved_words::is_always_reserved(w)
        })
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out.truncate(200);
    out
}

/// `line` with one identifier-like word replaced by `replacement`.
fn replace_identifier(rng: &mut Rng, line: &str, replacement: &str) -> String {
    let mut spans = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_alphabetic() || bytes[i] == b'_' || bytes[i] == b'$' {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'$')
            {
                i += 1;
            }
            if !compartments::syntax::reserved_words::is_always_reserved(&line[start..i]) {
                spans.push((start, i));
            }
        } else {
            i += 1;
        }
    }
    if spans.is_empty() {
        return line.to_string();
    }
    let (start, end) = *rng.pick(&spans);
    format!("{}{}{}", &line[..start], replacement, &line[end..])
}

/// A source file's text, or an empty program when it cannot be read.
pub fn read_source(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutations_change_programs_deterministically() {
        let text = "var a = 1;\nvar b = 'x';\nassert.sameValue(a + 2, 3);\n";
        let other = "function f() { return 7; }\nf();\n";
        let (mut r1, mut r2) = (Rng::new(3), Rng::new(3));
        let mut changed = 0;
        for _ in 0..50 {
            let a = mutate(&mut r1, text, other);
            let b = mutate(&mut r2, text, other);
            assert_eq!(a, b);
            if a != text.trim_end() {
                changed += 1;
            }
        }
        assert!(changed > 30);
    }

    #[test]
    fn literals_and_identifiers_are_replaced_whole() {
        let mut rng = Rng::new(5);
        let line = replace_token(&mut rng, "x = 12.5 + y;", TokenKind::Number);
        assert!(
            line.starts_with("x = (") && line.ends_with(") + y;"),
            "{line}"
        );
        let line = replace_identifier(&mut rng, "ab", "cd");
        assert_eq!(line, "cd");
    }
}
