//! 21.4.3.2 Date.parse: the accepted string formats (the Date Time String Format of
//! 21.4.1.32, and the formats of toString and toUTCString).

use super::string_formats::{DAY_NAMES, MONTH_NAMES};
use super::time_values::{
    days_in_year, make_date, make_day, make_time, month_start, time_clip, utc, MS_PER_MINUTE,
};

/// A cursor over the characters of a date string.
struct Scanner<'a> {
    chars: &'a [char],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Exactly `n` decimal digits.
    fn digits(&mut self, n: usize) -> Option<f64> {
        let mut value = 0.0;
        for _ in 0..n {
            let d = self.peek()?.to_digit(10)?;
            value = value * 10.0 + f64::from(d);
            self.pos += 1;
        }
        Some(value)
    }

    /// One or more decimal digits (at most `max`), with how many there were.
    fn some_digits(&mut self, max: usize) -> Option<(f64, usize)> {
        let mut value = 0.0;
        let mut count = 0;
        while count < max {
            let Some(d) = self.peek().and_then(|c| c.to_digit(10)) else {
                break;
            };
            value = value * 10.0 + f64::from(d);
            self.pos += 1;
            count += 1;
        }
        (count > 0).then_some((value, count))
    }

    /// A three-letter name from `names` (case-sensitive), as its index.
    fn name(&mut self, names: &[&str]) -> Option<usize> {
        let word: String = self.chars.get(self.pos..self.pos + 3)?.iter().collect();
        let index = names.iter().position(|n| *n == word)?;
        self.pos += 3;
        Some(index)
    }
}

/// The number of days in month `m` (0-11) of year `y`.
fn days_in_month(y: f64, m: usize) -> f64 {
    let leap = days_in_year(y) == 366.0;
    month_start(m + 1, leap) - month_start(m, leap)
}

/// Parses the Date Time String Format (21.4.1.32), including expanded years
/// (21.4.1.32.1): date-only forms are UTC, date-time forms without an offset are local
/// time. `None` when the string is not a valid instance of the format (syntax errors and
/// out-of-bounds values alike).
fn parse_iso(chars: &[char]) -> Option<f64> {
    let mut s = Scanner { chars, pos: 0 };
    // YYYY or ±YYYYYY ("-000000" is not a valid expanded year).
    let year = match s.peek()? {
        '+' | '-' => {
            let negative = s.peek() == Some('-');
            s.pos += 1;
            let y = s.digits(6)?;
            if negative && y == 0.0 {
                return None;
            }
            if negative {
                -y
            } else {
                y
            }
        }
        _ => s.digits(4)?,
    };
    let mut month = 1.0;
    let mut day_of_month = 1.0;
    if s.eat('-') {
        month = s.digits(2)?;
        if !(1.0..=12.0).contains(&month) {
            return None;
        }
        if s.eat('-') {
            day_of_month = s.digits(2)?;
            if day_of_month < 1.0 || day_of_month > days_in_month(year, month as usize - 1) {
                return None;
            }
        }
    }
    let (mut hour, mut minute, mut second, mut ms) = (0.0, 0.0, 0.0, 0.0);
    let mut offset = None;
    let has_time = s.eat('T');
    if has_time {
        hour = s.digits(2)?;
        if !s.eat(':') {
            return None;
        }
        minute = s.digits(2)?;
        if s.eat(':') {
            second = s.digits(2)?;
            if s.eat('.') {
                let (frac, count) = s.some_digits(9)?;
                ms = (frac / 10f64.powi(count as i32 - 3)).floor();
                // Digits beyond nine are ignored.
                while s.peek().is_some_and(|c| c.is_ascii_digit()) {
                    s.pos += 1;
                }
            }
        }
        if hour > 24.0 || minute > 59.0 || second > 59.0 {
            return None;
        }
        // "24:00:00" is allowed as the end of a day only.
        if hour == 24.0 && (minute != 0.0 || second != 0.0 || ms != 0.0) {
            return None;
        }
        // Z or ±HH:mm.
        if s.eat('Z') {
            offset = Some(0.0);
        } else if let Some(sign @ ('+' | '-')) = s.peek() {
            s.pos += 1;
            let oh = s.digits(2)?;
            if !s.eat(':') {
                return None;
            }
            let om = s.digits(2)?;
            if oh > 23.0 || om > 59.0 {
                return None;
            }
            let minutes = oh * 60.0 + om;
            offset = Some(if sign == '-' { -minutes } else { minutes });
        }
    }
    if !s.at_end() {
        return None;
    }
    let date = make_date(
        make_day(year, month - 1.0, day_of_month),
        make_time(hour, minute, second, ms),
    );
    // "When the UTC offset representation is absent, date-only forms are interpreted as a
    // UTC time and date-time forms are interpreted as a local time."
    let tv = match offset {
        Some(minutes) => date - minutes * MS_PER_MINUTE,
        None if has_time => utc(date),
        None => date,
    };
    Some(tv)
}

/// Parses the strings Date.prototype.toString and toUTCString produce (and toDateString's
/// and their forms without a time zone name or time): "Www Mmm DD YYYY HH:mm:ss
/// GMT±hhmm (name)" and "Www, DD Mmm YYYY HH:mm:ss GMT".
fn parse_date_string(chars: &[char]) -> Option<f64> {
    let mut s = Scanner { chars, pos: 0 };
    s.name(&DAY_NAMES)?;
    let utc_form = s.eat(',');
    if !s.eat(' ') {
        return None;
    }
    let (month, day_of_month) = if utc_form {
        let d = s.digits(2)?;
        if !s.eat(' ') {
            return None;
        }
        (s.name(&MONTH_NAMES)?, d)
    } else {
        let m = s.name(&MONTH_NAMES)?;
        if !s.eat(' ') {
            return None;
        }
        (m, s.digits(2)?)
    };
    if !s.eat(' ') {
        return None;
    }
    let negative = s.eat('-');
    let (year, count) = s.some_digits(9)?;
    if count < 4 {
        return None;
    }
    let year = if negative { -year } else { year };
    if day_of_month < 1.0 || day_of_month > days_in_month(year, month) {
        return None;
    }
    let (mut hour, mut minute, mut second) = (0.0, 0.0, 0.0);
    let mut offset = 0.0;
    if s.eat(' ') {
        hour = s.digits(2)?;
        if !s.eat(':') {
            return None;
        }
        minute = s.digits(2)?;
        if !s.eat(':') {
            return None;
        }
        second = s.digits(2)?;
        if hour > 23.0 || minute > 59.0 || second > 59.0 {
            return None;
        }
        if s.eat(' ') {
            for c in "GMT".chars() {
                if !s.eat(c) {
                    return None;
                }
            }
            if let Some(sign @ ('+' | '-')) = s.peek() {
                s.pos += 1;
                let oh = s.digits(2)?;
                let om = s.digits(2)?;
                if oh > 23.0 || om > 59.0 {
                    return None;
                }
                let minutes = oh * 60.0 + om;
                offset = if sign == '-' { -minutes } else { minutes };
            }
            // An optional " (time zone name)".
            if s.eat(' ') {
                if !s.eat('(') || s.chars.last() != Some(&')') {
                    return None;
                }
                s.pos = s.chars.len();
            }
        }
    }
    if !s.at_end() {
        return None;
    }
    let date = make_date(
        make_day(year, month as f64, day_of_month),
        make_time(hour, minute, second, 0.0),
    );
    Some(date - offset * MS_PER_MINUTE)
}

/// The string-to-time-value step of Date.parse (21.4.3.2): the Date Time String Format
/// first, then the formats toString and toUTCString produce; NaN for anything else.
pub(super) fn parse_date(string: &str) -> f64 {
    let chars: Vec<char> = string.chars().collect();
    let tv = parse_iso(&chars)
        .or_else(|| parse_date_string(&chars))
        .unwrap_or(f64::NAN);
    time_clip(tv)
}
