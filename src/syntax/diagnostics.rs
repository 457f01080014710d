//! SyntaxError values and their rendering as `file:line:column` with a caret.

use super::ast::Span;
use std::fmt;

/// An early or parse-time SyntaxError: a message and the source range it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
}

impl SyntaxError {
    pub fn new(message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            message: message.into(),
            span,
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SyntaxError: {}", self.message)
    }
}

impl std::error::Error for SyntaxError {}

/// Is `c` an ECMAScript LineTerminator (LF, CR, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH
/// SEPARATOR)? CRLF is one LineTerminatorSequence; [`line_col`] treats it so.
fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// The largest char boundary of `source` not after `offset` (offsets past the end clamp to
/// the end), so that a span from a buggy or foreign producer can never make us panic.
fn floor_char_boundary(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The byte offset where the line holding `offset` starts, and its 1-based line number.
fn line_start(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset);
    let mut line = 1;
    let mut start = 0;
    let mut chars = source[..offset].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_line_terminator(c) {
            continue;
        }
        if c == '\r' && source[i + 1..].starts_with('\n') {
            // CRLF is a single line terminator. When `offset` points between the CR and
            // the LF, it is still on the line the CRLF ends.
            if i + 1 >= offset {
                break;
            }
            chars.next();
            start = i + 2;
        } else {
            start = i + c.len_utf8();
        }
        line += 1;
    }
    (start, line)
}

/// The byte offset where the line starting at `start` ends (its terminator excluded).
fn line_end(source: &str, start: usize) -> usize {
    source[start..]
        .find(is_line_terminator)
        .map_or(source.len(), |i| start + i)
}

/// The 1-based line and column of byte `offset` in `source`. Lines are separated by
/// ECMAScript line terminators (LF, CR, CRLF, U+2028, U+2029); the column counts chars
/// (Unicode scalar values) from the start of the line. An offset past the end of the
/// text, or inside a multi-byte char, is moved back to the nearest char boundary.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset);
    let (start, line) = line_start(source, offset);
    let column = source[start..offset].chars().count() + 1;
    (line, column)
}

impl SyntaxError {
    /// Renders the error for a person, in the style of rustc:
    ///
    /// ```text
    /// SyntaxError: message
    ///   --> file:LINE:COLUMN
    ///    |
    /// 12 | the source line
    ///    |      ^^^
    /// ```
    ///
    /// The carets cover the part of the span on its first line (at least one caret). The
    /// span is taken as it comes: offsets out of range or inside a char are clamped, never
    /// a panic.
    pub fn render(&self, file_name: &str, source: &str) -> String {
        format!("SyntaxError: {}", self.render_message(file_name, source))
    }

    /// [`SyntaxError::render`] without its `SyntaxError: ` prefix: the message of a
    /// SyntaxError object thrown for a parse error (a report prefixes it with the error's
    /// name once).
    ///
    /// A line longer than [`RENDER_WIDTH`] chars is shown as a window of that many chars
    /// around the error (`...` where it is cut), so that an error in a one-line, megabyte
    /// file does not echo the megabyte.
    pub fn render_message(&self, file_name: &str, source: &str) -> String {
        let start = floor_char_boundary(source, self.span.start as usize);
        let end = floor_char_boundary(source, self.span.end as usize).max(start);
        let (line_begin, line) = line_start(source, start);
        let line_stop = line_end(source, line_begin);
        let column = source[line_begin..start].chars().count() + 1;
        let span_stop = end.min(line_stop).max(start);
        // The shown part of the line: at most RENDER_WIDTH chars, starting at most
        // RENDER_CONTEXT chars before the error.
        let (shown_begin, cut_before) = if column - 1 > RENDER_CONTEXT
            && source[line_begin..line_stop].chars().count() > RENDER_WIDTH
        {
            let begin = source[line_begin..start]
                .char_indices()
                .rev()
                .nth(RENDER_CONTEXT - 1)
                .map_or(line_begin, |(i, _)| line_begin + i);
            (begin, true)
        } else {
            (line_begin, false)
        };
        let (shown_stop, cut_after) = match source[shown_begin..line_stop]
            .char_indices()
            .nth(RENDER_WIDTH)
        {
            Some((i, _)) => (shown_begin + i, true),
            None => (line_stop, false),
        };
        let ellipsis = |cut: bool| if cut { "..." } else { "" };
        let text = format!(
            "{}{}{}",
            ellipsis(cut_before),
            &source[shown_begin..shown_stop],
            ellipsis(cut_after)
        );
        let carets = source[start.min(shown_stop)..span_stop.min(shown_stop)]
            .chars()
            .count()
            .max(1);
        // Reproduce tabs in the caret line's indentation so that the carets line up with
        // the source line whatever the terminal's tab width.
        let indent: String = ellipsis(cut_before)
            .chars()
            .chain(source[shown_begin..start.min(shown_stop)].chars())
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let width = line.to_string().len();
        let pad = " ".repeat(width);
        format!(
            "{message}\n\
             {pad}--> {file_name}:{line}:{column}\n\
             {pad} |\n\
             {line} | {text}\n\
             {pad} | {indent}{carets}\n",
            message = self.message,
            carets = "^".repeat(carets),
        )
    }
}

/// The most chars of a source line that a rendered SyntaxError shows.
pub const RENDER_WIDTH: usize = 160;
/// How many chars before the error a cut line keeps.
const RENDER_CONTEXT: usize = 60;

#[cfg(test)]
mod tests {
    use super::*;

    fn err(start: usize, end: usize) -> SyntaxError {
        SyntaxError::new("Unexpected token", Span::new(start, end))
    }

    #[test]
    fn line_col_counts_from_one() {
        assert_eq!(line_col("", 0), (1, 1));
        assert_eq!(line_col("abc", 0), (1, 1));
        assert_eq!(line_col("abc", 2), (1, 3));
        assert_eq!(line_col("abc", 3), (1, 4));
    }

    #[test]
    fn line_col_knows_every_line_terminator() {
        for terminator in ["\n", "\r", "\r\n", "\u{2028}", "\u{2029}"] {
            let source = format!("a{terminator}bc{terminator}d");
            let b = source.find('b').unwrap();
            let d = source.find('d').unwrap();
            assert_eq!(line_col(&source, b), (2, 1), "{terminator:?}");
            assert_eq!(line_col(&source, b + 1), (2, 2), "{terminator:?}");
            assert_eq!(line_col(&source, d), (3, 1), "{terminator:?}");
        }
    }

    #[test]
    fn crlf_is_one_terminator_and_lfcr_is_two() {
        assert_eq!(line_col("a\r\nb", 3), (2, 1));
        // Between the CR and the LF: still on the first line.
        assert_eq!(line_col("a\r\nb", 2), (1, 3));
        assert_eq!(line_col("a\n\rb", 3), (3, 1));
        assert_eq!(line_col("\r\n\r\n", 4), (3, 1));
    }

    #[test]
    fn column_counts_chars_not_bytes() {
        let source = "é\u{1F600}x";
        let x = source.find('x').unwrap();
        assert_eq!(line_col(source, x), (1, 3));
    }

    #[test]
    fn line_col_clamps_bad_offsets() {
        assert_eq!(line_col("ab", 100), (1, 3));
        // Offset 1 is inside the two-byte 'é': moved back to its start.
        assert_eq!(line_col("é", 1), (1, 1));
        assert_eq!(line_col("a\u{2028}", 2), (1, 2));
    }

    #[test]
    fn render_shows_the_line_and_carets() {
        let source = "let x = 1;\nlet y = = 2;\n";
        let at = source.find("= 2").unwrap();
        let rendered = err(at, at + 1).render("a.js", source);
        assert_eq!(
            rendered,
            "SyntaxError: Unexpected token\n\
             \x20--> a.js:2:9\n\
             \x20 |\n\
             2 | let y = = 2;\n\
             \x20 |         ^\n"
        );
    }

    #[test]
    fn render_pads_the_gutter_to_the_line_number() {
        let source = format!("{}foo bar", "\n".repeat(11));
        let at = source.find("bar").unwrap();
        let rendered = err(at, at + 3).render("f.js", &source);
        assert_eq!(
            rendered,
            "SyntaxError: Unexpected token\n\
             \x20 --> f.js:12:5\n\
             \x20  |\n\
             12 | foo bar\n\
             \x20  |     ^^^\n"
        );
    }

    #[test]
    fn render_stops_carets_at_the_end_of_the_line() {
        let source = "a = `x\ny`;";
        let rendered = err(4, source.len()).render("t.js", source);
        assert!(rendered.ends_with("1 | a = `x\n  |     ^^\n"), "{rendered}");
    }

    #[test]
    fn render_shows_at_least_one_caret() {
        let source = "(";
        let rendered = err(1, 1).render("t.js", source);
        assert!(rendered.contains("--> t.js:1:2\n"), "{rendered}");
        assert!(rendered.ends_with("1 | (\n  |  ^\n"), "{rendered}");
        let rendered = err(0, 0).render("empty.js", "");
        assert!(rendered.ends_with("1 | \n  | ^\n"), "{rendered}");
    }

    #[test]
    fn render_counts_chars_and_keeps_tabs() {
        let source = "\t'é' @";
        let at = source.find('@').unwrap();
        let rendered = err(at, at + 1).render("t.js", source);
        assert!(rendered.contains("--> t.js:1:6\n"), "{rendered}");
        assert!(
            rendered.ends_with("1 | \t'é' @\n  | \t    ^\n"),
            "{rendered}"
        );
    }

    #[test]
    fn render_never_panics_on_bad_spans() {
        let source = "é\r\n\u{2029}x";
        for start in 0..12 {
            for end in 0..12 {
                let rendered = err(start, end).render("t.js", source);
                assert!(rendered.starts_with("SyntaxError: "));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn render_and_line_col_never_panic(
            source in "[a\\t\\r\\n\u{2028}\u{2029}é😀 ]{0,40}",
            start in 0usize..200,
            end in 0usize..200,
        ) {
            let rendered = err(start, end).render("p.js", &source);
            let (line, column) = line_col(&source, start);
            let expected = format!(" --> p.js:{line}:{column}\n");
            proptest::prop_assert!(rendered.contains(&expected), "{}", rendered);
            proptest::prop_assert!(rendered.lines().count() == 5);
        }
    }

    #[test]
    fn render_shows_a_window_of_a_long_line() {
        // A one-line text of a megabyte: the rendering shows RENDER_WIDTH chars of it
        // around the error, cut with `...`, and the caret under the error.
        let source = format!("{}@{}", "a+".repeat(500_000), "+b".repeat(500_000));
        let at = source.find('@').unwrap();
        let rendered = err(at, at + 1).render("big.js", &source);
        assert!(
            rendered.len() < 2 * RENDER_WIDTH + 100,
            "{} bytes",
            rendered.len()
        );
        assert!(rendered.contains("--> big.js:1:1000001\n"), "{rendered}");
        let lines: Vec<&str> = rendered.lines().collect();
        let text = lines[3].strip_prefix("1 | ").unwrap();
        let carets = lines[4].strip_prefix("  | ").unwrap();
        assert!(text.starts_with("...") && text.ends_with("..."), "{text}");
        assert_eq!(text.find('@'), carets.find('^'), "{rendered}");
        assert_eq!(text.chars().count(), RENDER_WIDTH + 6);
        // Near the start of the line, only the end is cut; a short line is whole.
        let source = format!("x @{}", " y".repeat(1000));
        let rendered = err(2, 3).render("t.js", &source);
        assert!(rendered.contains("\n1 | x @ y y"), "{rendered}");
        assert!(rendered.contains("...\n  |   ^\n"), "{rendered}");
        let rendered = err(2, 3).render("t.js", "x @ y");
        assert!(rendered.ends_with("1 | x @ y\n  |   ^\n"), "{rendered}");
    }

    #[test]
    fn render_message_has_no_prefix() {
        let rendered = err(0, 1).render_message("t.js", "@");
        assert!(
            rendered.starts_with("Unexpected token\n --> t.js:1:1\n"),
            "{rendered}"
        );
    }

    #[test]
    fn render_uses_the_line_of_a_span_after_crlf() {
        let source = "a;\r\nb c;";
        let at = source.find('c').unwrap();
        let rendered = err(at, at + 1).render("t.js", source);
        assert!(rendered.contains("--> t.js:2:3\n"), "{rendered}");
        assert!(rendered.contains("2 | b c;\n"), "{rendered}");
    }
}
