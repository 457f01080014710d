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

/// BoundNames of an ImportDeclaration (ECMA-262 8.2.1 and 16.2.2, with the source phase
/// imports proposal's `import source x from`): the ImportedBindings in source order
/// (the default binding, then the namespace binding or the named bindings). `import "m"`
/// binds nothing.
pub fn import_declaration_bound_names(decl: &ImportDecl) -> Vec<&Ident> {
    let mut out: Vec<&Ident> = Vec::new();
    out.extend(decl.default.iter());
    out.extend(decl.namespace.iter());
    out.extend(decl.named.iter().map(|specifier| &specifier.local));
    out
}

/// VarDeclaredNames (ECMA-262 8.2.8) of one Statement or StatementListItem, in source
/// order, pushed onto `out` (duplicates kept, as the spec's lists keep them). It does not
/// descend into functions or classes, and a FunctionDeclaration (in a block, a label, or a
/// StatementList) contributes nothing: this is the non-TopLevel form, which is what a
/// Module's ModuleItemList, a Block and a CaseBlock use. A Script's or function body's
/// TopLevelVarDeclaredNames adds its top-level function declarations on top of this.
pub fn statement_var_declared_names<'a>(stmt: &'a Stmt, out: &mut Vec<&'a Ident>) {
    // Nested statements recurse; grow the stack rather than overflow it.
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
        statement_var_declared_names_inner(stmt, out)
    })
}

fn statement_var_declared_names_inner<'a>(stmt: &'a Stmt, out: &mut Vec<&'a Ident>) {
    match &stmt.kind {
        StmtKind::Var(decl) => {
            if decl.kind == VarKind::Var {
                for d in &decl.declarations {
                    pattern_bound_names(&d.target, out);
                }
            }
        }
        StmtKind::Block(block) => statement_list_var_declared_names(&block.body, out),
        StmtKind::If {
            consequent,
            alternate,
            ..
        } => {
            statement_var_declared_names(consequent, out);
            if let Some(alternate) = alternate {
                statement_var_declared_names(alternate, out);
            }
        }
        StmtKind::For { init, body, .. } => {
            if let Some(ForInit::Var(decl)) = init {
                if decl.kind == VarKind::Var {
                    out.extend(var_decl_bound_names(decl));
                }
            }
            statement_var_declared_names(body, out);
        }
        StmtKind::ForIn { left, body, .. } | StmtKind::ForOf { left, body, .. } => {
            if let ForHead::Var(decl) = left {
                if decl.kind == VarKind::Var {
                    out.extend(var_decl_bound_names(decl));
                }
            }
            statement_var_declared_names(body, out);
        }
        StmtKind::While { body, .. }
        | StmtKind::DoWhile { body, .. }
        | StmtKind::With { body, .. }
        | StmtKind::Labeled { body, .. } => statement_var_declared_names(body, out),
        StmtKind::Switch { cases, .. } => {
            for case in cases {
                statement_list_var_declared_names(&case.body, out);
            }
        }
        StmtKind::Try {
            block,
            handler,
            finalizer,
        } => {
            statement_list_var_declared_names(&block.body, out);
            if let Some(handler) = handler {
                statement_list_var_declared_names(&handler.body.body, out);
            }
            if let Some(finalizer) = finalizer {
                statement_list_var_declared_names(&finalizer.body, out);
            }
        }
        // Declarations (function, class) and statements that declare nothing. Import and
        // export declarations are ModuleItems, handled by the module's own rules.
        StmtKind::Function(_)
        | StmtKind::Class(_)
        | StmtKind::Expr { .. }
        | StmtKind::Empty
        | StmtKind::Debugger
        | StmtKind::Continue(_)
        | StmtKind::Break(_)
        | StmtKind::Return(_)
        | StmtKind::Throw(_)
        | StmtKind::Import(_)
        | StmtKind::Export(_) => {}
    }
}

/// VarDeclaredNames of a StatementList (non-TopLevel form; see
/// [`statement_var_declared_names`]).
pub fn statement_list_var_declared_names<'a>(stmts: &'a [Stmt], out: &mut Vec<&'a Ident>) {
    for stmt in stmts {
        statement_var_declared_names(stmt, out);
    }
}
