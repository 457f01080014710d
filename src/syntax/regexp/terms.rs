//! Term, Assertion and Quantifier (22.2.1): one Term other than a group, and the
//! quantifier after an Atom, with the early error on out-of-order `{n,m}` bounds.

use super::{is_decimal_digit, Parser};

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

impl Parser<'_> {
    /// One Term other than a group: an Assertion, or an Atom and its optional Quantifier.
    pub(super) fn term(&mut self) -> Result<(), String> {
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
    pub(super) fn quantifier(&mut self) -> Result<(), String> {
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
}
