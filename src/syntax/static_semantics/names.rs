//! BoundNames (ECMA-262 8.2.1) of patterns and declarations, ContainsExpression (8.5.2) of
//! formal parameters, and the function declarations that declaration instantiation
//! initializes.

use crate::syntax::ast::*;
use crate::syntax::visit::{RED_ZONE, STACK_SEGMENT};
use std::sync::Arc;

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

/// The `var` declarations of one Statement or StatementListItem, in source order, without
/// descending into functions or classes: what VarDeclaredNames (8.2.8) and
/// VarScopedDeclarations (8.2.9) both walk. A FunctionDeclaration contributes nothing: this
/// is the non-TopLevel form, used by a Module's ModuleItemList, a Block and a CaseBlock; a
/// Script's or function body's TopLevel forms add its top-level function declarations.
/// `export var` counts (ExportDeclaration : export VariableStatement).
///
/// A syntax-directed operation with its own recursion rules (statements only, not
/// expressions or functions), written case by case like the spec's definition rather
/// than on the `syntax::visit` walk.
pub fn var_declarations<'a>(stmt: &'a Stmt, out: &mut Vec<&'a VarDecl>) {
    // Nested statements recurse; grow the stack rather than overflow it.
    stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || {
        var_declarations_inner(stmt, out)
    })
}

fn var_declarations_inner<'a>(stmt: &'a Stmt, out: &mut Vec<&'a VarDecl>) {
    let mut push = |decl: &'a VarDecl| {
        if decl.kind == VarKind::Var {
            out.push(decl);
        }
    };
    match &stmt.kind {
        StmtKind::Var(decl) => push(decl),
        StmtKind::For {
            init: Some(init), ..
        } => {
            if let ForInit::Var(decl) = &**init {
                push(decl);
            }
        }
        StmtKind::ForIn { left, .. } | StmtKind::ForOf { left, .. } => {
            if let ForHead::Var(decl) = &**left {
                push(decl);
            }
        }
        _ => {}
    }
    match &stmt.kind {
        StmtKind::Block(block) => statement_list_var_declarations(&block.body, out),
        StmtKind::If {
            consequent,
            alternate,
            ..
        } => {
            var_declarations(consequent, out);
            if let Some(alternate) = alternate {
                var_declarations(alternate, out);
            }
        }
        StmtKind::For { body, .. }
        | StmtKind::ForIn { body, .. }
        | StmtKind::ForOf { body, .. }
        | StmtKind::While { body, .. }
        | StmtKind::DoWhile { body, .. }
        | StmtKind::With { body, .. }
        | StmtKind::Labeled { body, .. } => var_declarations(body, out),
        StmtKind::Switch { cases, .. } => {
            for case in cases {
                statement_list_var_declarations(&case.body, out);
            }
        }
        StmtKind::Try {
            block,
            handler,
            finalizer,
        } => {
            statement_list_var_declarations(&block.body, out);
            if let Some(handler) = handler {
                statement_list_var_declarations(&handler.body.body, out);
            }
            if let Some(finalizer) = finalizer {
                statement_list_var_declarations(&finalizer.body, out);
            }
        }
        StmtKind::Export(decl) => {
            if let ExportDecl::Declaration(inner) = decl.as_ref() {
                var_declarations(inner, out);
            }
        }
        // Declarations (function, class, let/const) and statements that declare nothing.
        StmtKind::Var(_)
        | StmtKind::Function(_)
        | StmtKind::Class(_)
        | StmtKind::Expr { .. }
        | StmtKind::Empty
        | StmtKind::Debugger
        | StmtKind::Continue(_)
        | StmtKind::Break(_)
        | StmtKind::Return(_)
        | StmtKind::Throw(_)
        | StmtKind::Import(_) => {}
    }
}

/// [`var_declarations`] of each statement of a StatementList.
pub fn statement_list_var_declarations<'a>(stmts: &'a [Stmt], out: &mut Vec<&'a VarDecl>) {
    for stmt in stmts {
        var_declarations(stmt, out);
    }
}

/// VarDeclaredNames (8.2.8) of one Statement or StatementListItem, in source order,
/// duplicates kept (non-TopLevel form; see [`var_declarations`]).
pub fn statement_var_declared_names<'a>(stmt: &'a Stmt, out: &mut Vec<&'a Ident>) {
    let mut decls = Vec::new();
    var_declarations(stmt, &mut decls);
    for decl in decls {
        out.extend(var_decl_bound_names(decl));
    }
}

/// VarDeclaredNames of a StatementList (non-TopLevel form; see
/// [`statement_var_declared_names`]).
pub fn statement_list_var_declared_names<'a>(stmts: &'a [Stmt], out: &mut Vec<&'a Ident>) {
    for stmt in stmts {
        statement_var_declared_names(stmt, out);
    }
}

/// The function declarations among `body`'s VarScopedDeclarations that
/// FunctionDeclarationInstantiation / GlobalDeclarationInstantiation initialize: for each
/// name, the last declaration, in the order of their first... (step 14 of 10.2.11 and step
/// 8 of 16.1.7: walking in reverse, keeping the first seen, inserting at the front).
pub fn function_declarations_to_initialize(
    body: &[Stmt],
    var_scoped_declarations: &[DeclRef],
) -> Vec<Arc<Function>> {
    let mut names: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut functions: Vec<Arc<Function>> = Vec::new();
    for d in var_scoped_declarations.iter().rev() {
        if let DeclRef::Function { name, index } = d {
            if names.insert(name.as_str()) {
                if let Some(f) = body.get(*index).and_then(function_of_statement) {
                    functions.push(f);
                }
            }
        }
    }
    functions.reverse();
    functions
}

/// The function declaration a VarScopedDeclarations entry `DeclRef::Function { index, .. }`
/// of `body` stands for: the statement at `index` (through labels and `export`).
pub fn function_declaration_at(body: &[Stmt], index: usize) -> Option<Arc<Function>> {
    body.get(index).and_then(function_of_statement)
}

/// The function declared by a statement (through labels and `export`).
fn function_of_statement(stmt: &Stmt) -> Option<Arc<Function>> {
    match &stmt.kind {
        StmtKind::Function(f) => Some(f.clone()),
        StmtKind::Labeled { body, .. } => function_of_statement(body),
        StmtKind::Export(export) => match &**export {
            ExportDecl::Declaration(stmt) => function_of_statement(stmt),
            ExportDecl::DefaultFunction(f) => Some(f.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Static Semantics: ContainsExpression (8.5.2) of a function's FormalParameters.
pub fn contains_expression(code: &Function) -> bool {
    code.params
        .iter()
        .any(|p| p.init.is_some() || pattern_contains_expression(&p.target))
        || code.rest.as_ref().is_some_and(pattern_contains_expression)
}

fn pattern_contains_expression(pattern: &Pattern) -> bool {
    match pattern {
        Pattern::Ident(_) | Pattern::Expr(_) => false,
        Pattern::Object {
            properties, rest, ..
        } => {
            properties.iter().any(|p| {
                matches!(p.key, PropKey::Computed(_))
                    || p.value.init.is_some()
                    || pattern_contains_expression(&p.value.target)
            }) || rest.as_deref().is_some_and(pattern_contains_expression)
        }
        Pattern::Array { elements, rest, .. } => {
            elements
                .iter()
                .flatten()
                .any(|e| e.init.is_some() || pattern_contains_expression(&e.target))
                || rest.as_deref().is_some_and(pattern_contains_expression)
        }
    }
}

/// The bindings BlockDeclarationInstantiation (14.2.3) step 3 creates for a StatementList
/// whose LexicallyScopedDeclarations include no function declaration: the BoundNames of
/// each declaration d, in order, constant when IsConstantDeclaration of d is true (a
/// `const` declaration). `None` when there is a function declaration (possibly labelled)
/// or no lexical declaration at all ([`Block::lexical_bindings`]).
pub fn lexical_binding_names(code: &[Stmt]) -> Option<thin_vec::ThinVec<LexicalName>> {
    let mut names = thin_vec::ThinVec::new();
    for statement in code {
        let mut d = statement;
        while let StmtKind::Labeled { body, .. } = &d.kind {
            d = body;
        }
        let constant = match &d.kind {
            StmtKind::Var(v) if v.kind == VarKind::Var => continue,
            StmtKind::Var(v) => v.kind == VarKind::Const,
            StmtKind::Class(_) => false,
            StmtKind::Function(_) => return None,
            _ => continue,
        };
        for dn in declaration_bound_names(d) {
            names.push(LexicalName {
                name: dn.name.clone(),
                name_hash: dn.place.name_hash,
                interned: crate::syntax::interned_names::intern(&dn.name),
                constant,
            });
        }
    }
    (!names.is_empty()).then_some(names)
}
