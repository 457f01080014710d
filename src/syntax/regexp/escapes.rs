//! Escapes (22.2.1): AtomEscape (DecimalEscape, CharacterClassEscape, CharacterEscape,
//! `k` GroupName), CharacterEscape with Annex B's legacy forms, RegExpUnicodeEscapeSequence
//! and UnicodePropertyValueExpression (`\p{…}`), with their early errors.

use super::{
    combine_surrogates, hex_value, is_ascii_letter, is_decimal_digit, is_lead_surrogate,
    is_octal_digit, is_syntax_character, is_trail_surrogate, Parser,
};
use crate::syntax::regexp_properties as props;

impl Parser<'_> {
    /// `\` AtomEscape, at the `\` (which is not the last code point, nor before `b`/`B`).
    pub(super) fn atom_escape(&mut self) -> Result<(), String> {
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
    pub(super) fn character_escape(&mut self, in_class: bool) -> Result<u32, String> {
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
    pub(super) fn unicode_escape(&mut self, unicode: bool) -> Option<u32> {
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
    pub(super) fn property(&mut self, negated: bool) -> Result<bool, String> {
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
}
