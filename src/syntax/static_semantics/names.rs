//! BoundNames (ECMA-262 8.2.1) of patterns and declarations.

use crate::syntax::ast::*;

/// BoundNames of a binding pattern, in source order (pushes identifiers onto `out`).
pub fn pattern_bound_names<'a>(pattern: &'a Pattern, out: &mut Vec<&'a Ident>) {
    match pattern {
        Pattern::Ident(id) => out.push(id),
        Pattern::Expr(_) => {}
        Pattern::Array { elements, rest, .. } => {
            for element in elements.iter().flatten() {
                pattern_bound_names(&element.target, out);
            }
            if let Some(rest) = rest {
                pattern_bound_names(rest, out);
            }
        }
        Pattern::Object {
            properties, rest, ..
        } => {
            for prop in properties {
                pattern_bound_names(&prop.value.target, out);
            }
            if let Some(rest) = rest {
                pattern_bound_names(rest, out);
            }
        }
    }
}

/// BoundNames of a `var`/`let`/`const`/`using` declaration.
pub fn var_decl_bound_names(decl: &VarDecl) -> Vec<&Ident> {
    let mut out = Vec::new();
    for d in &decl.declarations {
        pattern_bound_names(&d.target, &mut out);
    }
    out
}

/// BoundNames of FormalParameters.
pub fn parameter_bound_names(function: &Function) -> Vec<&Ident> {
    let mut out = Vec::new();
    for p in &function.params {
        pattern_bound_names(&p.target, &mut out);
    }
    if let Some(rest) = &function.rest {
        pattern_bound_names(rest, &mut out);
    }
    out
}

/// BoundNames of a declaration statement (function, class, var/let/const): the names it
/// introduces. `*default*` is not produced here; anonymous default exports have none.
pub fn declaration_bound_names(stmt: &Stmt) -> Vec<&Ident> {
    match &stmt.kind {
        StmtKind::Var(decl) => var_decl_bound_names(decl),
        StmtKind::Function(f) => f.id.iter().collect(),
        StmtKind::Class(c) => c.id.iter().collect(),
        _ => Vec::new(),
    }
}
