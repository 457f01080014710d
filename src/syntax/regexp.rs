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

use super::regexp_properties as props;
use std::collections::HashSet;

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

/// An open group (or the whole pattern) with the capture group names seen in it, so that
/// duplicate names are allowed only in different alternatives (MightBothParticipate).
struct GroupFrame {
    /// Whether a Quantifier may follow the closing `)`.
    quantifiable: bool,
    /// The group's own name, for `(?<name>…)`.
    name: Option<Name>,
    /// Names defined in the alternative being parsed.
    alternative: HashSet<Name>,
    /// Names defined in the alternatives already finished.
    finished: HashSet<Name>,
}

impl GroupFrame {
    fn new(quantifiable: bool, name: Option<Name>) -> GroupFrame {
        GroupFrame {
            quantifiable,
            name,
            alternative: HashSet::new(),
            finished: HashSet::new(),
        }
    }

    /// `|`: names in different alternatives never both participate, so they only union.
    fn end_alternative(&mut self) {
        let current = std::mem::take(&mut self.alternative);
        self.finished = union(std::mem::take(&mut self.finished), current);
    }

    /// `)`: every name defined inside the group and the group's own name.
    fn close(mut self) -> Result<HashSet<Name>, String> {
        self.end_alternative();
        let mut names = self.finished;
        if let Some(name) = self.name {
            if !names.insert(name) {
                return Err("duplicate capture group name".to_string());
            }
        }
        Ok(names)
    }

    /// A finished group in the current alternative: its names may both participate with
    /// every name already defined in this alternative.
    fn add_names(&mut self, names: HashSet<Name>) -> Result<(), String> {
        let current = std::mem::take(&mut self.alternative);
        let (mut big, small) = if names.len() > current.len() {
            (names, current)
        } else {
            (current, names)
        };
        for name in small {
            if !big.insert(name) {
                return Err("duplicate capture group name".to_string());
            }
        }
        self.alternative = big;
        Ok(())
    }
}

/// Union, moving the smaller set into the larger.
fn union(a: HashSet<Name>, b: HashSet<Name>) -> HashSet<Name> {
    let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    big.extend(small);
    big
}

/// The operator of a ClassSetExpression, once known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SetOp {
    Union,
    Intersection,
    Subtraction,
}

/// An open `[` of a `v`-mode class: ClassContents[+UnicodeSetsMode] being parsed.
struct SetFrame {
    negated: bool,
    op: Option<SetOp>,
    operands: usize,
    first_is_range: bool,
    /// Just after `&&` or `--`: a ClassSetOperand must come next.
    after_operator: bool,
    /// MayContainStrings of what has been parsed so far.
    may_contain_strings: bool,
}

impl SetFrame {
    fn new(negated: bool) -> SetFrame {
        SetFrame {
            negated,
            op: None,
            operands: 0,
            first_is_range: false,
            after_operator: false,
            may_contain_strings: false,
        }
    }

    /// `&&` or `--` after at least one operand.
    fn operator(&mut self, op: SetOp) -> Result<(), String> {
        match self.op {
            None if self.first_is_range => {
                return Err("a class range cannot be an operand of && or --".to_string());
            }
            None => self.op = Some(op),
            Some(current) if current == op => {}
            Some(_) => {
                return Err("invalid set operation in character class".to_string());
            }
        }
        self.after_operator = true;
        Ok(())
    }

    /// A ClassSetOperand or ClassSetRange.
    fn operand(&mut self, is_range: bool, may_contain_strings: bool) -> Result<(), String> {
        if self.operands == 0 {
            self.first_is_range = is_range;
            self.may_contain_strings = may_contain_strings;
        } else {
            if self.after_operator {
                if is_range {
                    return Err("a class range cannot be an operand of && or --".to_string());
                }
            } else {
                match self.op {
                    None | Some(SetOp::Union) => self.op = Some(SetOp::Union),
                    Some(_) => {
                        return Err("invalid set operation in character class".to_string());
                    }
                }
            }
            match self.op {
                Some(SetOp::Intersection) => self.may_contain_strings &= may_contain_strings,
                Some(SetOp::Subtraction) => {}
                Some(SetOp::Union) | None => self.may_contain_strings |= may_contain_strings,
            }
        }
        self.operands += 1;
        self.after_operator = false;
        Ok(())
    }
}

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

/// IdentifierStartChar: UnicodeIDStart, `$` or `_`.
fn is_identifier_start(c: u32) -> bool {
    c == u32::from('$')
        || c == u32::from('_')
        || char::from_u32(c).is_some_and(unicode_id_start::is_id_start)
}

/// IdentifierPartChar: UnicodeIDContinue, `$`, ZWNJ or ZWJ.
fn is_identifier_part(c: u32) -> bool {
    c == u32::from('$')
        || c == 0x200C
        || c == 0x200D
        || char::from_u32(c).is_some_and(unicode_id_start::is_id_continue)
}

/// ClassSetSyntaxCharacter: must be escaped inside a `v`-mode class.
fn is_class_set_syntax_character(c: u32) -> bool {
    is_one_of(c, "()[]{}/-\\|")
}

/// A code point whose doubling is a ClassSetReservedDoublePunctuator.
fn is_double_punctuator_character(c: u32) -> bool {
    is_one_of(c, "&!#$%*+,.:;<=>?@^`~")
}

/// ClassSetReservedPunctuator: may follow `\` in a `v`-mode class.
fn is_class_set_reserved_punctuator(c: u32) -> bool {
    is_one_of(c, "&-!#%,:;<=>@`~")
}

/// The MV of two DecimalDigits sequences compared: is `a` > `b`?
fn digits_greater(a: &[u32], b: &[u32]) -> bool {
    let strip = |d: &[u32]| -> Vec<u32> {
        let first = d
            .iter()
            .position(|&c| c != u32::from('0'))
            .unwrap_or(d.len());
        d[first..].to_vec()
    };
    let (a, b) = (strip(a), strip(b));
    a.len() > b.len() || (a.len() == b.len() && a > b)
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

    /// `(` … up to the start of the group's Disjunction.
    fn open_group(&mut self) -> Result<GroupFrame, String> {
        self.pos += 1;
        if !self.is(0, '?') {
            self.captures += 1;
            self.parsed.capture_names.push(None);
            return Ok(GroupFrame::new(true, None));
        }
        match self.char_at(1) {
            Some('=' | '!') => {
                self.pos += 2;
                // Lookaheads are QuantifiableAssertions only in Annex B's grammar.
                Ok(GroupFrame::new(!self.mode.unicode, None))
            }
            Some('<') if matches!(self.char_at(2), Some('=' | '!')) => {
                self.pos += 3;
                Ok(GroupFrame::new(false, None))
            }
            Some('<') => {
                let start = self.pos;
                self.pos += 1;
                let name = self.group_name()?;
                self.captures += 1;
                self.parsed.capture_names.push(Some(name.clone()));
                self.parsed.group_name_spans.push((start, self.pos));
                self.names.insert(name.clone());
                Ok(GroupFrame::new(true, Some(name)))
            }
            Some(':' | 'i' | 'm' | 's' | '-') => {
                self.pos += 1;
                self.modifiers()?;
                Ok(GroupFrame::new(true, None))
            }
            _ => Err("invalid group".to_string()),
        }
    }

    /// After `(?`: RegularExpressionModifiers `:` or RegularExpressionModifiers `-`
    /// RegularExpressionModifiers `:`, with their early errors (`(?:` is the empty case).
    fn modifiers(&mut self) -> Result<(), String> {
        let add = self.modifier_set()?;
        if self.is(0, ':') {
            self.pos += 1;
            return Ok(());
        }
        if !self.is(0, '-') {
            return Err("invalid group".to_string());
        }
        self.pos += 1;
        let remove = self.modifier_set()?;
        if !self.is(0, ':') {
            return Err("invalid group".to_string());
        }
        self.pos += 1;
        if add == 0 && remove == 0 {
            return Err("a modifier group must add or remove at least one flag".to_string());
        }
        if add & remove != 0 {
            return Err("a modifier flag cannot be both added and removed".to_string());
        }
        Ok(())
    }

    /// RegularExpressionModifiers: `i`, `m`, `s`, each at most once, as a bit set.
    fn modifier_set(&mut self) -> Result<u8, String> {
        let mut set = 0u8;
        loop {
            let bit = match self.char_at(0) {
                Some('i') => 1,
                Some('m') => 2,
                Some('s') => 4,
                _ => return Ok(set),
            };
            if set & bit != 0 {
                return Err("repeated flag in modifier group".to_string());
            }
            set |= bit;
            self.pos += 1;
        }
    }

    /// GroupName :: `<` RegExpIdentifierName `>`, at `<`. Returns the decoded name.
    fn group_name(&mut self) -> Result<Name, String> {
        if !self.is(0, '<') {
            return Err("invalid capture group name".to_string());
        }
        self.pos += 1;
        let mut name = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                return Err("unterminated capture group name".to_string());
            };
            if c == u32::from('>') {
                self.pos += 1;
                break;
            }
            self.pos += 1;
            let c = if c == u32::from('\\') {
                // `\` RegExpUnicodeEscapeSequence[+UnicodeMode], in either mode.
                if !self.is(0, 'u') {
                    return Err("invalid escape in capture group name".to_string());
                }
                self.pos += 1;
                self.unicode_escape(true)
                    .ok_or("invalid Unicode escape in capture group name")?
            } else if !self.mode.unicode
                && is_lead_surrogate(c)
                && self.peek().is_some_and(is_trail_surrogate)
            {
                // [~UnicodeMode] UnicodeLeadSurrogate UnicodeTrailSurrogate.
                let trail = self.peek().unwrap_or(0xDC00);
                self.pos += 1;
                combine_surrogates(c, trail)
            } else {
                c
            };
            let valid = if name.is_empty() {
                is_identifier_start(c)
            } else {
                is_identifier_part(c)
            };
            if !valid {
                return Err("invalid capture group name".to_string());
            }
            name.push(c);
        }
        if name.is_empty() {
            return Err("empty capture group name".to_string());
        }
        Ok(name)
    }

    /// One Term other than a group: an Assertion, or an Atom and its optional Quantifier.
    fn term(&mut self) -> Result<(), String> {
        let Some(c) = self.char_at(0) else {
            return Ok(());
        };
        match c {
            '^' | '$' => {
                self.pos += 1;
                return Ok(());
            }
            '\\' => match self.char_at(1) {
                None => return Err("\\ at end of pattern".to_string()),
                Some('b' | 'B') => {
                    self.pos += 2;
                    return Ok(());
                }
                Some(_) => self.atom_escape()?,
            },
            '.' => self.pos += 1,
            '[' => {
                if self.mode.sets {
                    self.class_set()?;
                } else {
                    self.class()?;
                }
            }
            '*' | '+' | '?' => return Err("nothing to repeat".to_string()),
            '{' => {
                if self.mode.unicode {
                    return Err("lone quantifier brackets".to_string());
                }
                // ExtendedAtom :: InvalidBracedQuantifier is an error; any other `{` is an
                // ExtendedPatternCharacter.
                if self.braced_quantifier()?.is_some() {
                    return Err("nothing to repeat".to_string());
                }
                self.pos += 1;
            }
            '}' | ']' => {
                if self.mode.unicode {
                    return Err(format!("lone '{c}'"));
                }
                self.pos += 1;
            }
            _ => self.pos += 1,
        }
        self.quantifier()
    }

    /// `{` DecimalDigits (`}` | `,}` | `,` DecimalDigits `}`) at the current position, without
    /// consuming it: the position after it, or `None` if the text is not one. Errors if the
    /// bounds are out of order.
    fn braced_quantifier(&self) -> Result<Option<usize>, String> {
        let digits = |mut i: usize| {
            let start = i;
            while is_decimal_digit(self.text.get(i).copied()) {
                i += 1;
            }
            (start, i)
        };
        let is_at = |i: usize, c: char| self.text.get(i) == Some(&u32::from(c));
        let (min_start, min_end) = digits(self.pos + 1);
        if min_start == min_end {
            return Ok(None);
        }
        if is_at(min_end, '}') {
            return Ok(Some(min_end + 1));
        }
        if !is_at(min_end, ',') {
            return Ok(None);
        }
        if is_at(min_end + 1, '}') {
            return Ok(Some(min_end + 2));
        }
        let (max_start, max_end) = digits(min_end + 1);
        if max_start == max_end || !is_at(max_end, '}') {
            return Ok(None);
        }
        let min = &self.text[min_start..min_end];
        let max = &self.text[max_start..max_end];
        if digits_greater(min, max) {
            return Err("numbers out of order in {} quantifier".to_string());
        }
        Ok(Some(max_end + 1))
    }

    /// An optional Quantifier after an Atom.
    fn quantifier(&mut self) -> Result<(), String> {
        match self.char_at(0) {
            Some('*' | '+' | '?') => self.pos += 1,
            Some('{') => match self.braced_quantifier()? {
                Some(end) => self.pos = end,
                None if self.mode.unicode => return Err("incomplete quantifier".to_string()),
                // Annex B: not a quantifier; the `{` is an ExtendedPatternCharacter.
                None => return Ok(()),
            },
            _ => return Ok(()),
        }
        if self.is(0, '?') {
            self.pos += 1;
        }
        Ok(())
    }

    /// `\` AtomEscape, at the `\` (which is not the last code point, nor before `b`/`B`).
    fn atom_escape(&mut self) -> Result<(), String> {
        self.pos += 1;
        match self.char_at(0) {
            Some('1'..='9') if self.mode.unicode => {
                // DecimalEscape; checked against the number of groups at the end.
                let mut value: u64 = 0;
                while let Some(d) = self.peek().filter(|&d| is_decimal_digit(Some(d))) {
                    value = value
                        .saturating_mul(10)
                        .saturating_add(u64::from(d - u32::from('0')));
                    self.pos += 1;
                }
                self.max_decimal_escape = self.max_decimal_escape.max(value);
                Ok(())
            }
            Some('d' | 'D' | 's' | 'S' | 'w' | 'W') => {
                self.pos += 1;
                Ok(())
            }
            Some(c @ ('p' | 'P')) if self.mode.unicode => {
                self.pos += 1;
                self.property(c == 'P').map(|_| ())
            }
            Some('k') if self.mode.named => {
                let start = self.pos - 1;
                self.pos += 1;
                if !self.is(0, '<') {
                    return Err("invalid named reference".to_string());
                }
                let name = self.group_name()?;
                self.parsed.references.push((start, self.pos, name.clone()));
                self.references.push(name);
                Ok(())
            }
            // Annex B: `\` [lookahead = c] not followed by a letter is the atom `\`, and a
            // DecimalEscape with no such group is a legacy octal or identity escape; all are
            // valid, and character_escape reads them.
            _ => self.character_escape(false).map(|_| ()),
        }
    }

    /// CharacterEscape (and in a class the rest of ClassEscape's code-point forms), at the
    /// code point after `\`. Returns its CharacterValue.
    fn character_escape(&mut self, in_class: bool) -> Result<u32, String> {
        let unicode = self.mode.unicode;
        let Some(c) = self.peek() else {
            return Err("\\ at end of pattern".to_string());
        };
        let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
        let value = match ch {
            'f' => 0x0C,
            'n' => 0x0A,
            'r' => 0x0D,
            't' => 0x09,
            'v' => 0x0B,
            'c' => {
                let next = self.at(1);
                if is_ascii_letter(next) {
                    self.pos += 2;
                    return Ok(next.unwrap_or(0) % 32);
                }
                if unicode {
                    return Err("invalid unicode escape \\c".to_string());
                }
                if in_class && (is_decimal_digit(next) || next == Some(u32::from('_'))) {
                    // ClassEscape :: [~UnicodeMode] `c` ClassControlLetter.
                    self.pos += 2;
                    return Ok(next.unwrap_or(0) % 32);
                }
                // `\` [lookahead = c]: the `\` alone; `c` is read next as itself.
                return Ok(u32::from('\\'));
            }
            '0' if !is_decimal_digit(self.at(1)) => 0,
            '0'..='9' => {
                if unicode {
                    return Err(if in_class {
                        "invalid class escape".to_string()
                    } else {
                        "invalid decimal escape".to_string()
                    });
                }
                if ch >= '8' {
                    // IdentityEscape.
                    c
                } else {
                    return Ok(self.legacy_octal_escape());
                }
            }
            'x' => {
                if let (Some(h), Some(l)) = (hex_value(self.at(1)), hex_value(self.at(2))) {
                    self.pos += 3;
                    return Ok(h * 16 + l);
                }
                if unicode {
                    return Err("invalid escape \\x".to_string());
                }
                c
            }
            'u' => {
                self.pos += 1;
                return match self.unicode_escape(unicode) {
                    Some(value) => Ok(value),
                    None if unicode => Err("invalid Unicode escape".to_string()),
                    None => Ok(c),
                };
            }
            _ if unicode => {
                if is_syntax_character(c) || ch == '/' || (in_class && ch == '-') {
                    c
                } else {
                    return Err(format!("invalid escape \\{ch}"));
                }
            }
            // SourceCharacterIdentityEscape[+NamedCaptureGroups] excludes `k`.
            'k' if self.mode.named => return Err("invalid escape \\k".to_string()),
            _ => c,
        };
        self.pos += 1;
        Ok(value)
    }

    /// LegacyOctalEscapeSequence, at its first digit (0-7). Returns its MV.
    fn legacy_octal_escape(&mut self) -> u32 {
        let first = self.peek().unwrap_or(0x30) - 0x30;
        self.pos += 1;
        let mut value = first;
        if is_octal_digit(self.peek()) {
            value = value * 8 + (self.peek().unwrap_or(0x30) - 0x30);
            self.pos += 1;
            if first <= 3 && is_octal_digit(self.peek()) {
                value = value * 8 + (self.peek().unwrap_or(0x30) - 0x30);
                self.pos += 1;
            }
        }
        value
    }

    /// RegExpUnicodeEscapeSequence after `\u`. Returns the value, or `None` (consuming
    /// nothing) if the text is not one. With `unicode`, `\u{…}` is allowed and a lead
    /// surrogate escape followed by a trail surrogate escape is one code point.
    fn unicode_escape(&mut self, unicode: bool) -> Option<u32> {
        let hex4 = |p: &Parser, offset: usize| -> Option<u32> {
            (0..4).try_fold(0u32, |acc, i| Some(acc * 16 + hex_value(p.at(offset + i))?))
        };
        if unicode && self.is(0, '{') {
            let mut i = 1;
            let mut value: u32 = 0;
            while let Some(h) = hex_value(self.at(i)) {
                value = value.saturating_mul(16).saturating_add(h);
                i += 1;
            }
            if i == 1 || !self.is(i, '}') || value > 0x10FFFF {
                return None;
            }
            self.pos += i + 1;
            return Some(value);
        }
        let value = hex4(self, 0)?;
        self.pos += 4;
        if unicode && is_lead_surrogate(value) && self.is(0, '\\') && self.is(1, 'u') {
            if let Some(trail) = hex4(self, 2).filter(|&t| is_trail_surrogate(t)) {
                self.pos += 6;
                return Some(combine_surrogates(value, trail));
            }
        }
        Some(value)
    }

    /// `\p{…}` / `\P{…}` after the `p`/`P`: UnicodePropertyValueExpression and its early
    /// errors. Returns MayContainStrings.
    fn property(&mut self, negated: bool) -> Result<bool, String> {
        if !self.is(0, '{') {
            return Err("invalid property name".to_string());
        }
        self.pos += 1;
        let word = |p: &mut Parser| -> String {
            let mut s = String::new();
            while let Some(c) = p
                .char_at(0)
                .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
            {
                s.push(c);
                p.pos += 1;
            }
            s
        };
        let name = word(self);
        let value = if self.is(0, '=') {
            self.pos += 1;
            Some(word(self))
        } else {
            None
        };
        if !self.is(0, '}') {
            return Err("invalid property name".to_string());
        }
        self.pos += 1;
        match value {
            Some(value) => {
                let valid = props::non_binary_property(&name)
                    .is_some_and(|property| props::is_property_value(property, &value));
                if !valid {
                    return Err("invalid property name or value".to_string());
                }
                Ok(false)
            }
            None if props::is_general_category_value(&name) || props::is_binary_property(&name) => {
                Ok(false)
            }
            None if self.mode.sets && props::is_binary_property_of_strings(&name) => {
                if negated {
                    return Err("a property of strings cannot be negated".to_string());
                }
                Ok(true)
            }
            None => Err("invalid property name".to_string()),
        }
    }

    /// CharacterClass without [UnicodeSetsMode]: NonemptyClassRanges and their early errors
    /// (Annex B's for non-unicode patterns).
    fn class(&mut self) -> Result<(), String> {
        self.pos += 1;
        if self.is(0, '^') {
            self.pos += 1;
        }
        loop {
            match self.peek() {
                None => return Err("unterminated character class".to_string()),
                Some(c) if c == u32::from(']') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(_) => {}
            }
            let first = self.class_atom()?;
            if self.is(0, '-') && self.at(1).is_some() && !self.is(1, ']') {
                self.pos += 1;
                let second = self.class_atom()?;
                match (first, second) {
                    (Some(a), Some(b)) if a > b => {
                        return Err("range out of order in character class".to_string());
                    }
                    (Some(_), Some(_)) => {}
                    _ if self.mode.unicode => {
                        return Err("invalid character class in range".to_string());
                    }
                    _ => {}
                }
            }
        }
    }

    /// ClassAtom: its CharacterValue, or `None` for a CharacterClassEscape.
    fn class_atom(&mut self) -> Result<Option<u32>, String> {
        let Some(c) = self.peek() else {
            return Err("unterminated character class".to_string());
        };
        self.pos += 1;
        if c != u32::from('\\') {
            return Ok(Some(c));
        }
        match self.char_at(0) {
            None => Err("\\ at end of pattern".to_string()),
            Some('b') => {
                self.pos += 1;
                Ok(Some(0x08))
            }
            Some('-') if self.mode.unicode => {
                self.pos += 1;
                Ok(Some(u32::from('-')))
            }
            Some('d' | 'D' | 's' | 'S' | 'w' | 'W') => {
                self.pos += 1;
                Ok(None)
            }
            Some(c @ ('p' | 'P')) if self.mode.unicode => {
                self.pos += 1;
                self.property(c == 'P')?;
                Ok(None)
            }
            Some(_) => self.character_escape(true).map(Some),
        }
    }

    /// CharacterClass with [UnicodeSetsMode], at `[`: ClassSetExpression with nested classes
    /// on an explicit stack, and the MayContainStrings early errors of negated classes.
    fn class_set(&mut self) -> Result<(), String> {
        let mut stack: Vec<SetFrame> = Vec::new();
        self.open_class_set(&mut stack);
        loop {
            let Some(c) = self.char_at(0) else {
                return Err("unterminated character class".to_string());
            };
            let Some(top) = stack.last_mut() else {
                return Ok(());
            };
            if c == ']' {
                if top.after_operator {
                    return Err("missing operand after && or --".to_string());
                }
                self.pos += 1;
                let Some(frame) = stack.pop() else {
                    return Ok(());
                };
                if frame.negated && frame.may_contain_strings {
                    return Err("negated character class may contain strings".to_string());
                }
                let may_contain_strings = frame.may_contain_strings && !frame.negated;
                match stack.last_mut() {
                    None => return Ok(()),
                    Some(parent) => parent.operand(false, may_contain_strings)?,
                }
                continue;
            }
            if top.operands > 0 && !top.after_operator {
                if c == '&' && self.is(1, '&') {
                    top.operator(SetOp::Intersection)?;
                    self.pos += 2;
                    if self.is(0, '&') {
                        return Err("invalid set operation in character class".to_string());
                    }
                    continue;
                }
                if c == '-' && self.is(1, '-') {
                    top.operator(SetOp::Subtraction)?;
                    self.pos += 2;
                    continue;
                }
            }
            if c == '[' {
                if stack.len() >= MAX_NESTING {
                    return Err(format!("classes nested deeper than {MAX_NESTING}"));
                }
                self.open_class_set(&mut stack);
                continue;
            }
            let (is_range, may_contain_strings) = self.class_set_operand()?;
            if let Some(top) = stack.last_mut() {
                top.operand(is_range, may_contain_strings)?;
            }
        }
    }

    fn open_class_set(&mut self, stack: &mut Vec<SetFrame>) {
        self.pos += 1;
        let negated = self.is(0, '^');
        if negated {
            self.pos += 1;
        }
        stack.push(SetFrame::new(negated));
    }

    /// A ClassSetOperand other than a bracketed NestedClass, or a ClassSetRange. Returns
    /// (is a range, MayContainStrings).
    fn class_set_operand(&mut self) -> Result<(bool, bool), String> {
        if self.is(0, '\\') {
            match self.char_at(1) {
                Some('q') => {
                    if !self.is(2, '{') {
                        return Err("invalid escape \\q".to_string());
                    }
                    self.pos += 3;
                    return Ok((false, self.class_string_disjunction()?));
                }
                Some('d' | 'D' | 's' | 'S' | 'w' | 'W') => {
                    self.pos += 2;
                    return Ok((false, false));
                }
                Some(c @ ('p' | 'P')) => {
                    self.pos += 2;
                    return Ok((false, self.property(c == 'P')?));
                }
                _ => {}
            }
        }
        let first = self.class_set_character()?;
        if self.is(0, '-') && !self.is(1, '-') {
            self.pos += 1;
            let last = self.class_set_character()?;
            if first > last {
                return Err("range out of order in character class".to_string());
            }
            return Ok((true, false));
        }
        Ok((false, false))
    }

    /// ClassSetCharacter: its CharacterValue.
    fn class_set_character(&mut self) -> Result<u32, String> {
        let Some(c) = self.peek() else {
            return Err("unterminated character class".to_string());
        };
        if c == u32::from('\\') {
            self.pos += 1;
            let Some(d) = self.peek() else {
                return Err("\\ at end of pattern".to_string());
            };
            if d == u32::from('b') || is_class_set_reserved_punctuator(d) {
                self.pos += 1;
                return Ok(if d == u32::from('b') { 0x08 } else { d });
            }
            return self.character_escape(true);
        }
        if is_class_set_syntax_character(c) {
            let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
            return Err(format!(
                "'{ch}' must be escaped in a character class with the v flag"
            ));
        }
        if is_double_punctuator_character(c) && self.at(1) == Some(c) {
            return Err("reserved double punctuator in character class".to_string());
        }
        self.pos += 1;
        Ok(c)
    }

    /// ClassStringDisjunctionContents after `\q{`, through the `}`. Returns
    /// MayContainStrings: whether some ClassString is empty or longer than one character.
    fn class_string_disjunction(&mut self) -> Result<bool, String> {
        let mut may_contain_strings = false;
        let mut length = 0usize;
        loop {
            match self.char_at(0) {
                None => return Err("unterminated class string disjunction".to_string()),
                Some(c @ ('}' | '|')) => {
                    self.pos += 1;
                    may_contain_strings |= length != 1;
                    length = 0;
                    if c == '}' {
                        return Ok(may_contain_strings);
                    }
                }
                Some(_) => {
                    self.class_set_character()?;
                    length += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::validate;

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
        use super::props;
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

    const MAX: usize = super::MAX_NESTING;

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
}
