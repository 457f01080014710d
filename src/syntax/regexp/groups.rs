//! Groups (22.2.1: Atom's `(` GroupSpecifier Disjunction `)` and `(?` RegularExpressionModifiers
//! `:` Disjunction `)`): the group stack's frames, RegularExpressionModifiers and GroupName,
//! with the early errors on duplicate names (MightBothParticipate) and on modifiers.

use super::{combine_surrogates, is_lead_surrogate, is_trail_surrogate, Name, Parser};
use std::collections::HashSet;

/// An open group (or the whole pattern) with the capture group names seen in it, so that
/// duplicate names are allowed only in different alternatives (MightBothParticipate).
pub(super) struct GroupFrame {
    /// Whether a Quantifier may follow the closing `)`.
    pub(super) quantifiable: bool,
    /// The group's own name, for `(?<name>…)`.
    name: Option<Name>,
    /// Names defined in the alternative being parsed.
    alternative: HashSet<Name>,
    /// Names defined in the alternatives already finished.
    finished: HashSet<Name>,
}

impl GroupFrame {
    pub(super) fn new(quantifiable: bool, name: Option<Name>) -> GroupFrame {
        GroupFrame {
            quantifiable,
            name,
            alternative: HashSet::new(),
            finished: HashSet::new(),
        }
    }

    /// `|`: names in different alternatives never both participate, so they only union.
    pub(super) fn end_alternative(&mut self) {
        let current = std::mem::take(&mut self.alternative);
        self.finished = union(std::mem::take(&mut self.finished), current);
    }

    /// `)`: every name defined inside the group and the group's own name.
    pub(super) fn close(mut self) -> Result<HashSet<Name>, String> {
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
    pub(super) fn add_names(&mut self, names: HashSet<Name>) -> Result<(), String> {
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

impl Parser<'_> {
    /// `(` … up to the start of the group's Disjunction.
    pub(super) fn open_group(&mut self) -> Result<GroupFrame, String> {
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
    pub(super) fn group_name(&mut self) -> Result<Name, String> {
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
}
