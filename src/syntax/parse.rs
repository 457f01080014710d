//! ParseScript / ParseModule: run the grammar, build the AST, apply early errors.

use super::ast::{Goal, Program, Span};
use super::builder::{directive_text, span_base, Builder};
use super::diagnostics::SyntaxError;
use super::early_errors::EvalContext;
use super::grammar::{EcmaScriptParser, Rule};
use super::ParseOptions;
use pest::Parser;

/// Stack the parser runs on: pest and the builder recurse once per nesting level, and
/// deeply nested input must become a SyntaxError, never a native stack overflow. A parse
/// gets a fresh segment of this size (mapped lazily, so only what is used costs memory)
/// unless [`PARSER_STACK_IN_PLACE`] of the caller's stack remain: the caller's own stack
/// may be small (a 2 MiB test thread) or mostly used (`eval` deep in a recursion).
const PARSER_STACK: usize = 256 * 1024 * 1024;

/// How much of the caller's stack must remain for a parse to run on it in place. The CLI,
/// the test262 pool and the fuzzer run programs on threads of
/// [`crate::host::stack::PARSER_STACK_SIZE`] (256 MiB), so a parse at or near their top
/// level (a script, each module of a graph, an indirect `eval`) runs in place, with at
/// least this much stack, instead of mapping and unmapping a 256-MiB segment: that cost
/// ~20 µs per parse in system time and fresh-page faults (1,000 modules: 1,000
/// mmap/munmap pairs, ~5,000 page faults). Deep nesting stays a SyntaxError: the builder
/// stops at `MAX_NESTING` levels, which need far less than this.
const PARSER_STACK_IN_PLACE: usize = 240 * 1024 * 1024;

/// Runs `parse` on the caller's stack when [`PARSER_STACK_IN_PLACE`] of it remain, else on
/// a fresh [`PARSER_STACK`] segment.
fn on_parser_stack<R>(parse: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(PARSER_STACK_IN_PLACE, PARSER_STACK, parse)
}

pub fn parse(source: &str, options: ParseOptions) -> Result<Program, SyntaxError> {
    on_parser_stack(|| parse_on_big_stack(source, options, true, None))
}

/// PerformEval's parse (19.2.1.1 step 11): a Script whose early errors are those of eval
/// code in `context` (new.target, super, arguments in field initializers, the enclosing
/// private names).
pub fn parse_eval(
    source: &str,
    strict: bool,
    context: &EvalContext,
    features: super::Features,
) -> Result<Program, SyntaxError> {
    let options = ParseOptions {
        goal: Goal::Script,
        strict,
        features,
    };
    on_parser_stack(|| parse_on_big_stack(source, options, true, Some(context)))
}

/// The tree of a valid program as text, with spans and ParenthesizedExpression nodes left
/// out: two programs that differ only in redundant parentheses give the same text.
pub fn normalized_tree(source: &str, options: ParseOptions) -> Result<String, SyntaxError> {
    let program = on_parser_stack(|| parse_on_big_stack(source, options, false, None))?;
    // How an identifier was spelled (`\u0061` or `a`) does not change the tree.
    let dump = format!("{:#?}", program.body).replace("escaped: true,", "escaped: false,");
    Ok(without_spans(&dump))
}

/// Removes every `span: Span { start: N, end: N }` field and bare `Span { .. }` value from a
/// Debug rendering.
fn without_spans(debug: &str) -> String {
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug;
    while let Some(at) = rest.find("Span {") {
        let mut head = &rest[..at];
        if let Some(stripped) = head.strip_suffix("span: ") {
            head = stripped;
        }
        out.push_str(head);
        rest = &rest[at..];
        match rest.find('}') {
            Some(end) => rest = &rest[end + 1..],
            None => break,
        }
        if let Some(stripped) = rest.strip_prefix(", ") {
            rest = stripped;
        }
    }
    out.push_str(rest);
    out
}

fn parse_on_big_stack(
    source: &str,
    options: ParseOptions,
    keep_parens: bool,
    eval_context: Option<&EvalContext>,
) -> Result<Program, SyntaxError> {
    let program = match build_item_by_item(source, options, keep_parens) {
        Some(program) => program,
        None => build_whole(source, options, keep_parens)?,
    };
    match eval_context {
        Some(context) => super::early_errors::check_eval(&program, context)?,
        None => super::early_errors::check(&program)?,
    }
    let mut program = with_module_info(program)?;
    super::early_errors::annotate(&mut program);
    if eval_context.is_none() {
        super::slot_caches::mark(&program);
    }
    Ok(program)
}

/// The tree of the whole program from one parse of the `script` / `module` rule.
fn build_whole(
    source: &str,
    options: ParseOptions,
    keep_parens: bool,
) -> Result<Program, SyntaxError> {
    let rule = match options.goal {
        Goal::Script => Rule::script,
        Goal::Module => Rule::module,
    };
    let mut pairs =
        EcmaScriptParser::parse(rule, source).map_err(|e| from_pest_error(source, e))?;
    let root = pairs
        .next()
        .ok_or_else(|| SyntaxError::new("empty parse", Span::new(0, 0)))?;
    let mut builder = Builder::new(source, options.strict);
    builder.keep_parens = keep_parens;
    builder.features = options.features;
    let program = builder.program(root, options.goal)?;
    builder.finish()?;
    Ok(program)
}

/// The tree of the whole program, parsed and built one top-level item at a time
/// (`script_item` / `module_item_alone` in the grammar): pest's token queue for a parse
/// holds every token until the parse ends (about 1 KB for a short statement), so one parse
/// of a 50 MB program needed more than 10 GB. The items of the directive prologue are kept
/// until it ends (whether it says "use strict" decides how everything is built). `None`
/// when an item does not parse or build (a SyntaxError somewhere): the caller parses the
/// program whole, so errors are reported exactly as before.
fn build_item_by_item(source: &str, options: ParseOptions, keep_parens: bool) -> Option<Program> {
    let item_rule = match options.goal {
        Goal::Script => Rule::script_item,
        Goal::Module => Rule::module_item_alone,
    };
    let head = EcmaScriptParser::parse(Rule::program_head, source).ok()?;
    let mut pos = head.last()?.as_span().end();
    let mut builder = Builder::new(source, options.strict);
    builder.keep_parens = keep_parens;
    builder.features = options.features;
    let mut body = Vec::new();
    // The prologue's items and where each starts, until an item that is not a directive.
    let mut prologue = Vec::new();
    let mut in_prologue = true;
    while pos < source.len() {
        let mut pairs = EcmaScriptParser::parse(item_rule, &source[pos..]).ok()?;
        let item = pairs.next()?;
        let end = item.as_span().end();
        if end == 0 {
            return None;
        }
        let start = pos;
        pos += end;
        if !in_prologue {
            let _base = span_base(start);
            // A SyntaxError the builder finds is left to the whole parse too: a grammar
            // error in a later item comes first there. (The item's pairs go to the
            // builder as they come: no vector of them, one allocation fewer an item.)
            builder
                .statement_list_into(item.into_inner(), false, &mut body)
                .ok()?;
            continue;
        }
        let items: Vec<_> = item.into_inner().collect();
        let directives = items.iter().all(|item| directive_text(item).is_some());
        prologue.push((start, items));
        if directives && pos < source.len() {
            continue;
        }
        in_prologue = false;
        let leading: Vec<_> = prologue
            .iter()
            .flat_map(|(_, items)| items.iter().cloned())
            .collect();
        if options.goal == Goal::Module || builder.directives_say_strict(&leading) {
            builder.strict = true;
        }
        let mut still_prologue = true;
        for (start, items) in prologue.drain(..) {
            let _base = span_base(start);
            let next = still_prologue && items.iter().all(|item| directive_text(item).is_some());
            builder
                .statement_list_into(items, still_prologue, &mut body)
                .ok()?;
            still_prologue = next;
        }
    }
    builder.finish().ok()?;
    body.shrink_to_fit();
    Some(builder.program_of(body, options.goal))
}

/// A pest error becomes a SyntaxError at the furthest position the grammar reached.
fn from_pest_error(source: &str, e: pest::error::Error<Rule>) -> SyntaxError {
    let pos = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let message = match &e.variant {
        pest::error::ErrorVariant::CustomError { message } if message.contains("stack limit") => {
            "the program nests too deeply (parser stack limit reached)".to_string()
        }
        pest::error::ErrorVariant::CustomError { message } => message.clone(),
        pest::error::ErrorVariant::ParsingError { .. } => match unterminated(source, pos) {
            Some(what) => format!("unterminated {what}"),
            None => match source[pos..].chars().next() {
                None => "unexpected end of input".to_string(),
                Some(c) => format!("unexpected token {}", describe(source, pos, c)),
            },
        },
    };
    let end = source[pos..]
        .chars()
        .next()
        .map_or(pos, |c| pos + c.len_utf8());
    SyntaxError::new(message, Span::new(pos, end))
}

/// Whether the parse failed because a string, template or comment never ends: a quote at
/// the failure position whose line has no closing quote, a failure after the last backtick
/// of the text, or a `/*` at (or just before) it with no `*/` after.
fn unterminated(source: &str, pos: usize) -> Option<&'static str> {
    let rest = &source[pos..];
    let before = &source[..pos];
    if before.ends_with('/') && rest.starts_with('*') && !rest[1..].contains("*/") {
        return Some("comment");
    }
    if rest.starts_with("/*") && !rest[2..].contains("*/") {
        return Some("comment");
    }
    if before.contains('`') && !rest.contains('`') && before.matches('`').count() % 2 == 1 {
        return Some("template literal");
    }
    let quote = rest.chars().next()?;
    if quote != '"' && quote != '\'' {
        return None;
    }
    // The literal ends at a quote not escaped by a backslash, before the line ends.
    let mut escaped = false;
    for c in rest[1..].chars() {
        match c {
            '\n' | '\r' if !escaped => return Some("string literal"),
            '\\' => escaped = !escaped,
            c if c == quote && !escaped => return None,
            _ => escaped = false,
        }
    }
    Some("string literal")
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

/// ParseModule's static semantics for a Module (the module early errors, ModuleRequests,
/// import and export entries, HasTLA; `static_semantics::module`), stored in
/// `program.module`. A Script keeps the default, empty ModuleInfo.
fn with_module_info(mut program: Program) -> Result<Program, SyntaxError> {
    if program.goal == Goal::Module {
        program.module = super::static_semantics::module::module_info(&program)?;
    }
    Ok(program)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(source: &str) -> String {
        match parse(source, ParseOptions::script()) {
            Ok(_) => panic!("{source:?} parsed"),
            Err(e) => e.message,
        }
    }

    #[test]
    fn names_what_never_ends() {
        assert_eq!(message("var x = \"abc"), "unterminated string literal");
        assert_eq!(message("var y = 'a\\'"), "unterminated string literal");
        assert_eq!(
            message("var t = `abc ${x}"),
            "unterminated template literal"
        );
        assert_eq!(message("/* never closed"), "unterminated comment");
        assert_eq!(message("a = `x` + ;"), "unexpected token `;`");
        assert_eq!(message("let x = ;"), "unexpected token `;`");
        assert_eq!(message("if (a) { b();"), "unexpected end of input");
    }

    #[test]
    fn nesting_too_deep_is_named() {
        let source = format!("{}a{}", "(".repeat(6_000), ")".repeat(6_000));
        assert!(message(&source).contains("nests more than"));
    }

    /// Memory per statement (issue 21, item 6): every statement of a program is one `Stmt`
    /// slot of a list and most nodes are boxed `Expr`s, so their sizes are what a long
    /// program costs. Growing one of them is a decision, not an accident: box the new
    /// variant's larger parts instead (as the loop, try and label parts and private names
    /// are). A boxed `Expr` of 72 bytes is an 80-byte malloc chunk, 88 was 96; a `Pattern`
    /// of 48 or 56 is 64. `Stmt` is 88: an ExpressionStatement holds its `Expr` in place
    /// (and `Assign` its target `Pattern`), one slot instead of a 56-byte slot and three
    /// blocks for `a=1;`.
    #[test]
    fn tree_nodes_stay_small() {
        use super::super::ast::{Expr, Ident, Pattern, Stmt};
        use std::mem::size_of;
        assert!(
            size_of::<Stmt>() <= 88,
            "Stmt is {} bytes",
            size_of::<Stmt>()
        );
        assert!(
            size_of::<Expr>() <= 72,
            "Expr is {} bytes",
            size_of::<Expr>()
        );
        assert!(
            size_of::<Ident>() <= 48,
            "Ident is {} bytes",
            size_of::<Ident>()
        );
        assert!(
            size_of::<Pattern>() <= 48,
            "Pattern is {} bytes",
            size_of::<Pattern>()
        );
    }

    /// The parse item by item (`build_item_by_item`) builds exactly the tree, spans
    /// included, that one parse of the whole program does, for programs whose items are
    /// of every kind, with automatic semicolon insertion, comments and directives at the
    /// chunk boundaries.
    #[test]
    fn items_build_the_same_tree_as_one_parse() {
        let items = [
            "a = 1",
            "var b = 2;",
            "let c = [1, 2]",
            "function f(x) { return x }",
            "class K { m() {} }",
            "if (a) b; else c",
            "for (var i = 0; i < 2; i++) ;",
            "for (const k in o) {}",
            "label: while (false) break label",
            "try { t() } catch { } finally { }",
            "/* comment */ x\n++y",
            ";`t${a}`",
            "async function g() { await 1 }",
            "'not a directive';",
            "let\n[d] = [1]",
            ";({} = {})",
        ];
        for (prologue, goal) in [
            ("'use strict';\n", Goal::Script),
            ("'a'\n'use strict'; 'b';\n", Goal::Script),
            ("'a';\n", Goal::Script),
            ("", Goal::Script),
            ("", Goal::Module),
        ] {
            let mut source = String::from(prologue);
            for i in 0..2000 {
                source.push_str(items[i % items.len()]);
                source.push_str(if i % 3 == 0 { "\n" } else { ";\n// c\n" });
            }
            let options = ParseOptions {
                goal,
                strict: false,
                features: super::super::Features::all(),
            };
            let whole = stacker::grow(PARSER_STACK, || build_whole(&source, options, true))
                .unwrap_or_else(|e| panic!("{goal:?} {prologue:?} whole: {e:?}"));
            let chunked =
                stacker::grow(PARSER_STACK, || build_item_by_item(&source, options, true))
                    .unwrap_or_else(|| {
                        panic!("{goal:?} {prologue:?}: the program parses item by item")
                    });
            assert!(whole.body.len() > 2000);
            assert_eq!(chunked.body.len(), whole.body.len());
            assert_eq!(chunked.strict, whole.strict);
            assert_eq!(format!("{:?}", chunked.body), format!("{:?}", whole.body));
        }
        // Programs that are all prologue, or nothing.
        for source in [
            "'use strict'",
            "'a'; 'use strict'\n",
            "",
            "  \n// c\n",
            "#!x\n'a'\nb",
        ] {
            let options = ParseOptions::script();
            let whole = build_whole(source, options, true).expect(source);
            let items = build_item_by_item(source, options, true).expect(source);
            assert_eq!(items.strict, whole.strict, "{source:?}");
            assert_eq!(
                format!("{:?}", items.body),
                format!("{:?}", whole.body),
                "{source:?}"
            );
        }
        // An error in a later item is reported as the whole parse reports it.
        let mut source = "x;\n".repeat(3000);
        source.push_str("var 1;\n");
        source.push_str(&"y;\n".repeat(10));
        let error = parse(&source, ParseOptions::script()).unwrap_err();
        let whole = build_whole(&source, ParseOptions::script(), true).unwrap_err();
        assert_eq!((error.message, error.span), (whole.message, whole.span));
    }
}
