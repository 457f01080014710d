//! ParseScript / ParseModule: run the grammar, build the AST, apply early errors.

use super::ast::{Goal, Program, Span};
use super::builder::Builder;
use super::diagnostics::SyntaxError;
use super::grammar::{EcmaScriptParser, Rule};
use super::ParseOptions;
use pest::Parser;

/// Stack the parser runs on: pest and the builder recurse once per nesting level, and
/// deeply nested input must become a SyntaxError, never a native stack overflow.
const PARSER_STACK: usize = 256 * 1024 * 1024;
/// Below this much remaining stack, switch to a fresh segment of PARSER_STACK bytes.
const RED_ZONE: usize = 1024 * 1024;

pub fn parse(source: &str, options: ParseOptions) -> Result<Program, SyntaxError> {
    stacker::maybe_grow(RED_ZONE, PARSER_STACK, || parse_on_big_stack(source, options))
}

fn parse_on_big_stack(source: &str, options: ParseOptions) -> Result<Program, SyntaxError> {
    let rule = match options.goal {
        Goal::Script => Rule::script,
        Goal::Module => Rule::module,
    };
    let mut pairs = EcmaScriptParser::parse(rule, source).map_err(|e| from_pest_error(source, e))?;
    let root = pairs
        .next()
        .ok_or_else(|| SyntaxError::new("empty parse", Span::new(0, 0)))?;
    let mut builder = Builder::new(source, options.strict);
    let program = builder.program(root, options.goal)?;
    builder.finish()?;
    Ok(program)
}

/// A pest error becomes a SyntaxError at the furthest position the grammar reached.
fn from_pest_error(source: &str, e: pest::error::Error<Rule>) -> SyntaxError {
    let pos = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let message = match &e.variant {
        pest::error::ErrorVariant::CustomError { message } => message.clone(),
        pest::error::ErrorVariant::ParsingError { .. } => {
            match source[pos..].chars().next() {
                None => "unexpected end of input".to_string(),
                Some(c) => format!("unexpected token {}", describe(source, pos, c)),
            }
        }
    };
    let end = source[pos..]
        .chars()
        .next()
        .map_or(pos, |c| pos + c.len_utf8());
    SyntaxError::new(message, Span::new(pos, end))
}

fn describe(source: &str, pos: usize, c: char) -> String {
    if c.is_alphanumeric() || c == '_' || c == '$' {
        let word: String = source[pos..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
            .collect();
        format!("`{word}`")
    } else if c.is_whitespace() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("`{c}`")
    }
}
