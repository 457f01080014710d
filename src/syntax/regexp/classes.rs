//! Character classes (22.2.1): CharacterClass without [UnicodeSetsMode] (ClassContents as
//! NonemptyClassRanges, with Annex B's ranges for non-unicode patterns) and with it
//! (ClassSetExpression: ClassUnion, ClassIntersection, ClassSubtraction, nested classes,
//! `\q{…}` ClassStringDisjunction), and their MayContainStrings early errors.

use super::{is_one_of, Parser, MAX_NESTING};

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

impl Parser<'_> {
    /// CharacterClass without [UnicodeSetsMode]: NonemptyClassRanges and their early errors
    /// (Annex B's for non-unicode patterns).
    pub(super) fn class(&mut self) -> Result<(), String> {
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
    pub(super) fn class_set(&mut self) -> Result<(), String> {
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
