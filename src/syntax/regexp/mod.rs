//! Early errors of regular expression literals: the pattern and flags grammar.
//!
//! Why a hand-written validator and not the `regress` crate: regress 0.12 parses ECMAScript
//! patterns well, but run against this module's test table it still accepts patterns that
//! ES2025 rejects (`\b+`, `[^\q{ab}]` with `v`, `[\k]` in a pattern with named groups) and,
//! since it reads a non-unicode pattern as code points rather than UTF-16 code units, it
//! accepts `/[😀-😁]/`, which is a range out of order there. It also builds a whole
//! matcher to say yes or no, and its error texts are not ours. So this is a self-contained
//! scanner over the pattern's code points (code units without `u`/`v`) that follows the
//! spec's grammar production by production: Pattern with [UnicodeMode] for `u` or `v` and
//! [UnicodeSetsMode] for `v` (22.2.1), the early errors of 22.2.1.1, and for patterns without
//! `u`/`v` the web-compatible grammar of Annex B.1.2, including ParsePattern's two passes
//! (first [~NamedCaptureGroups], again with [+NamedCaptureGroups] if the pattern has a
//! GroupName). Groups and nested `v`-mode classes are tracked on explicit stacks, not by
//! recursion, so no input can overflow the call stack; nesting past [`MAX_NESTING`] is
//! reported as an error. Unicode property names and values live in `regexp_properties`.
//!
//! The parser's methods are split by the grammar's parts: groups, modifiers and group names
//! (`groups.rs`), terms, assertions and quantifiers (`terms.rs`), escapes (`escapes.rs`) and
//! character classes (`classes.rs`).

use std::collections::HashSet;

mod classes;
mod escapes;
mod groups;
mod terms;

use groups::GroupFrame;

/// The deepest nesting of groups, or of classes inside a `v`-mode class, that is accepted.
pub const MAX_NESTING: usize = 10_000;

/// Validates a RegularExpressionLiteral's body and flags (ECMA-262 22.2.1 and the
/// literal's early errors). `Err` holds a message for the SyntaxError: the reason alone,
/// since the caller knows the literal's text and span.
///
/// `pattern` is the literal's body as written (escapes not decoded); the same text is what
/// `RegExp(pattern, flags)` would be given, so the function serves the constructor too.
/// Line terminators are not this function's concern: the lexer never puts one in a
/// literal's body, and the constructor allows them.
pub fn validate(pattern: &str, flags: &str) -> Result<(), String> {
    let (u, v) = parse_flags(flags)?;
    let text: Vec<u32> = if u || v {
        pattern.chars().map(u32::from).collect()
    } else {
        // IsValidRegularExpressionLiteral step 6: without u or v the pattern is read as
        // UTF-16 code units, each taken as a BMP code point.
        pattern.encode_utf16().map(u32::from).collect()
    };
    parse_pattern(&text, u, v).map(|_| ())
}

/// What ParsePattern found that the RegExp runtime needs (the Pattern Parse Node itself is
/// the matcher's business).
#[derive(Debug, Default)]
pub struct ParsedPattern {
    /// For each capturing group, in the order of its left parenthesis, its
    /// CapturingGroupName (escapes decoded) or `None` for an unnamed group: what
    /// RegExpBuiltinExec needs to know of "the ith capture of R". The length is
    /// CountLeftCapturingParensWithin.
    pub capture_names: Vec<Option<Vec<u32>>>,
    /// Where each named group's `?<name>` stands in the text (start, end).
    pub group_name_spans: Vec<(usize, usize)>,
    /// Where each `\k<name>` back reference stands in the text, with the name.
    pub references: Vec<(usize, usize, Vec<u32>)>,
}

/// ParsePattern ( patternText, u, v ) (22.2.3.4) over `text`, the pattern's code points
/// (with `u` or `v`: StringToCodePoints of the pattern, a lone surrogate being its own code
/// point; without: the UTF-16 code units, each read as a BMP code point).
pub fn parse_pattern(text: &[u32], u: bool, v: bool) -> Result<ParsedPattern, String> {
    if u || v {
        let mode = Mode {
            unicode: true,
            sets: v,
            named: true,
        };
        Parser::new(text, mode).parse()
    } else {
        let mut mode = Mode {
            unicode: false,
            sets: false,
            named: false,
        };
        // B.1.2.9 ParsePattern: [~NamedCaptureGroups] first, and again with
        // [+NamedCaptureGroups] when the pattern contains a GroupName.
        let captures = Parser::new(text, mode).parse()?;
        if captures.capture_names.iter().any(Option::is_some) {
            mode.named = true;
            return Parser::new(text, mode).parse();
        }
        Ok(captures)
    }
}

/// The flags of a RegExp, checked as RegExpInitialize step 5 and the literal's early errors
/// do: only `d g i m s u v y`, each at most once (and, for a literal or ParsePattern, not
/// both `u` and `v`). Returns (u, v).
pub fn check_flags(flags: &str) -> Result<(bool, bool), String> {
    parse_flags(flags)
}

/// IsValidRegularExpressionLiteral steps 2-4: only `d g i m s u v y`, each at most once, and
/// not both `u` and `v`. Returns (u, v).
fn parse_flags(flags: &str) -> Result<(bool, bool), String> {
    const FLAGS: &str = "dgimsuvy";
    let mut seen = [false; FLAGS.len()];
    for c in flags.chars() {
        let Some(i) = FLAGS.find(c) else {
            return Err(format!("invalid flag '{c}'"));
        };
        if seen[i] {
            return Err(format!("duplicate flag '{c}'"));
        }
        seen[i] = true;
    }
    let u = seen[FLAGS.find('u').unwrap_or(0)];
    let v = seen[FLAGS.find('v').unwrap_or(0)];
    if u && v {
        return Err("the u and v flags cannot be used together".to_string());
    }
    Ok((u, v))
}

/// The grammar parameters of one parse.
#[derive(Clone, Copy, Debug)]
struct Mode {
    /// [UnicodeMode]: `u` or `v`.
    unicode: bool,
    /// [UnicodeSetsMode]: `v`.
    sets: bool,
    /// [NamedCaptureGroups]: `\k` must be followed by a GroupName.
    named: bool,
}

/// A capture group name: its code points with escapes decoded (CapturingGroupName).
type Name = Vec<u32>;

struct Parser<'a> {
    text: &'a [u32],
    pos: usize,
    mode: Mode,
    /// CountLeftCapturingParensWithin(the Pattern) once parsing is done.
    captures: u64,
    /// The largest DecimalEscape seen in [UnicodeMode] (saturating), checked at the end.
    max_decimal_escape: u64,
    /// Every capture group name defined.
    names: HashSet<Name>,
    /// The names of `\k<name>`, checked at the end.
    references: Vec<Name>,
    /// Each capturing group's name and the positions of names and references.
    parsed: ParsedPattern,
}

/// SyntaxCharacter.
fn is_syntax_character(c: u32) -> bool {
    is_one_of(c, "^$\\.*+?()[]{}|")
}

/// Is `c` one of the (ASCII) code points in `set`?
fn is_one_of(c: u32, set: &str) -> bool {
    char::from_u32(c).is_some_and(|c| c.is_ascii() && set.contains(c))
}

fn is_decimal_digit(c: Option<u32>) -> bool {
    matches!(c, Some(c) if (0x30..=0x39).contains(&c))
}

fn is_octal_digit(c: Option<u32>) -> bool {
    matches!(c, Some(c) if (0x30..=0x37).contains(&c))
}

fn is_ascii_letter(c: Option<u32>) -> bool {
    matches!(c.and_then(char::from_u32), Some(c) if c.is_ascii_alphabetic())
}

fn hex_value(c: Option<u32>) -> Option<u32> {
    char::from_u32(c?)?.to_digit(16)
}

fn is_lead_surrogate(c: u32) -> bool {
    (0xD800..=0xDBFF).contains(&c)
}

fn is_trail_surrogate(c: u32) -> bool {
    (0xDC00..=0xDFFF).contains(&c)
}

fn combine_surrogates(lead: u32, trail: u32) -> u32 {
    0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00)
}

impl<'a> Parser<'a> {
    fn new(text: &'a [u32], mode: Mode) -> Parser<'a> {
        Parser {
            text,
            pos: 0,
            mode,
            captures: 0,
            max_decimal_escape: 0,
            names: HashSet::new(),
            references: Vec::new(),
            parsed: ParsedPattern::default(),
        }
    }

    fn at(&self, offset: usize) -> Option<u32> {
        self.text.get(self.pos + offset).copied()
    }

    fn peek(&self) -> Option<u32> {
        self.at(0)
    }

    /// Is the code point `offset` ahead `c`?
    fn is(&self, offset: usize, c: char) -> bool {
        self.at(offset) == Some(u32::from(c))
    }

    /// The code point `offset` ahead as a char for matching (a lone surrogate becomes
    /// U+FFFD, which no rule treats specially).
    fn char_at(&self, offset: usize) -> Option<char> {
        self.at(offset)
            .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
    }

    /// Pattern: Disjunction, with groups on an explicit stack. Returns the capture group
    /// names and where names and references stand.
    fn parse(mut self) -> Result<ParsedPattern, String> {
        let mut stack = vec![GroupFrame::new(false, None)];
        while let Some(c) = self.char_at(0) {
            match c {
                '|' => {
                    self.pos += 1;
                    if let Some(frame) = stack.last_mut() {
                        frame.end_alternative();
                    }
                }
                ')' => {
                    if stack.len() == 1 {
                        return Err("unmatched ')'".to_string());
                    }
                    self.pos += 1;
                    let Some(frame) = stack.pop() else {
                        return Err("unmatched ')'".to_string());
                    };
                    let quantifiable = frame.quantifiable;
                    let names = frame.close()?;
                    if let Some(parent) = stack.last_mut() {
                        parent.add_names(names)?;
                    }
                    if quantifiable {
                        self.quantifier()?;
                    }
                }
                '(' => {
                    let frame = self.open_group()?;
                    if stack.len() > MAX_NESTING {
                        return Err(format!("groups nested deeper than {MAX_NESTING}"));
                    }
                    stack.push(frame);
                }
                _ => self.term()?,
            }
        }
        if stack.len() > 1 {
            return Err("missing ')'".to_string());
        }
        if self.max_decimal_escape > self.captures {
            return Err("back reference to a group that does not exist".to_string());
        }
        if let Some(name) = self.references.iter().find(|n| !self.names.contains(*n)) {
            let name: String = name
                .iter()
                .map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}'))
                .collect();
            return Err(format!("no capture group named '{name}'"));
        }
        Ok(self.parsed)
    }
}
