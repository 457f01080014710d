//! Renaming global names in test code, for engines that ship a proposal's constructor under
//! another name (the XS build in `../shared/engines` calls layer 0's `Module` `ModuleStuff`).
//!
//! Only code is renamed: the file is parsed (as a Script, or as a Module when it is not a
//! Script) and every IdentifierReference — and simple assignment target — spelled `Module`
//! becomes `ModuleStuff`, found with the AST visitor; strings (`'[object Module]'`, the
//! `Symbol.toStringTag` of namespaces), comments, property names (`e.Module` of an
//! Evaluators) and template text are left alone. Code inside strings (`eval('Module')`,
//! `new Function(...)` bodies) is not renamed. A file that does not parse is left as it is
//! (the engine then reports the SyntaxError it should).

use compartments::syntax::ast::Ident;
use compartments::syntax::visit::Visit;
use compartments::syntax::{parse_module, parse_script, Program};

/// Collects the spans of the IdentifierReferences named `from`.
struct References<'n> {
    name: &'n str,
    spans: Vec<(usize, usize)>,
}

impl<'a> Visit<'a> for References<'_> {
    fn visit_identifier_reference(&mut self, id: &'a Ident) {
        if id.name == self.name && !id.escaped {
            self.spans
                .push((id.span.start as usize, id.span.end as usize));
        }
    }
}

/// How many IdentifierReferences named `name` the text has (0 when it does not parse).
/// Parsing is recursive: call it on a thread with a big stack.
pub fn identifier_references(text: &str, name: &str) -> usize {
    let Ok(program) = parse_script(text).or_else(|_| parse_module(text)) else {
        return 0;
    };
    let mut references = References {
        name,
        spans: Vec::new(),
    };
    references.visit_program(&program);
    references.spans.len()
}

/// The text of a file to run, with every IdentifierReference `from` renamed `to`, and how
/// many were renamed. Parsing is recursive: call it on a thread with a big stack.
pub fn rename_references(text: &str, from: &str, to: &str) -> (String, usize) {
    let program: Program = match parse_script(text).or_else(|_| parse_module(text)) {
        Ok(program) => program,
        Err(_) => return (text.to_string(), 0),
    };
    let mut references = References {
        name: from,
        spans: Vec::new(),
    };
    references.visit_program(&program);
    let mut spans = references.spans;
    spans.sort_unstable();
    spans.dedup();
    let mut out = String::with_capacity(text.len() + spans.len() * (to.len() + 8));
    let mut last = 0;
    let mut renamed = 0;
    for (start, end) in spans {
        // Only where the source spells the name (a span that does not is left alone).
        if start < last || text.get(start..end) != Some(from) {
            continue;
        }
        out.push_str(&text[last..start]);
        if is_shorthand_property(text, start, end) {
            // `{ Module }` is `{ Module: Module }`: keep the property's name.
            out.push_str(from);
            out.push_str(": ");
        }
        out.push_str(to);
        last = end;
        renamed += 1;
    }
    out.push_str(&text[last..]);
    (out, renamed)
}

/// Whether the reference at `start..end` is a shorthand property of an object literal:
/// the previous token is `{` or `,` and the next is `}` or `,` (an array element or a
/// sequence expression between commas are the other cases; told apart by the nearest
/// unclosed bracket before it being a brace).
fn is_shorthand_property(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let after = text[end..].trim_start();
    if !(before.ends_with('{') || before.ends_with(','))
        || !(after.starts_with('}') || after.starts_with(','))
    {
        return false;
    }
    // The innermost unclosed bracket before the name: an object literal's brace, not a
    // template substitution's `${`.
    let mut depth = 0i32;
    for (i, c) in before.char_indices().rev() {
        match c {
            ')' | ']' | '}' => depth += 1,
            '(' | '[' | '{' => {
                if depth == 0 {
                    return c == '{' && !before[..i].ends_with('$');
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use compartments::host::stack::on_big_stack;

    fn rename(text: &str) -> String {
        let text = text.to_string();
        on_big_stack(move || rename_references(&text, "Module", "ModuleStuff").0).unwrap()
    }

    #[test]
    fn code_is_renamed_and_strings_comments_and_properties_are_not() {
        assert_eq!(
            rename("new Module(s, h); // Module\nvar t = '[object Module]'; e.Module;"),
            "new ModuleStuff(s, h); // Module\nvar t = '[object Module]'; e.Module;"
        );
        assert_eq!(
            rename("class M extends Module {}; Module = 1; `Module ${Module}`;"),
            "class M extends ModuleStuff {}; ModuleStuff = 1; `Module ${ModuleStuff}`;"
        );
        assert_eq!(rename("ModuleSource; Modules;"), "ModuleSource; Modules;");
        assert_eq!(
            rename("import x from './a.js'; new Module(x);"),
            "import x from './a.js'; new ModuleStuff(x);"
        );
    }

    #[test]
    fn shorthand_properties_keep_their_name() {
        assert_eq!(
            rename("var o = { Module, x }; f([Module, 1], (a, Module));"),
            "var o = { Module: ModuleStuff, x }; f([ModuleStuff, 1], (a, ModuleStuff));"
        );
    }

    #[test]
    fn text_that_does_not_parse_is_left_alone() {
        assert_eq!(rename("Module ("), "Module (");
    }
}
