//! Declarations and their scopes: LexicallyDeclaredNames without duplicates, no name both
//! lexically declared and in VarDeclaredNames (14.2.1 Block, 14.12.1 switch, 15.2.1
//! function bodies, 15.7.1 static blocks, 16.1.1 Script, 16.2.1.1 Module), catch
//! parameters (14.15.1), for-loop heads (14.7.4.1, 14.7.5.1), `let` as a lexically bound
//! name and missing initializers (14.3.1, 14.3.3 using declarations).
//!
//! Each statement list gets a [`Scope`] whose lexical names are collected before its
//! statements are walked, so a `var` met anywhere below can be checked against every
//! enclosing scope up to its var scope (the function, script, module or static block),
//! whichever comes first in the source.

use super::Checker;
use crate::syntax::ast::*;
use crate::syntax::static_semantics::names::{
    import_declaration_bound_names, pattern_bound_names, var_decl_bound_names,
};
use crate::syntax::visit::walk_var_decl;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    /// A Script's top level (functions are var-scoped there).
    Script,
    /// A Module's top level (functions and imports are lexical there).
    Module,
    /// A function body (functions are var-scoped at its top level).
    Function,
    /// A class static block (like a function body).
    StaticBlock,
    /// A Block statement.
    Block,
    /// The CaseBlock of a switch statement.
    Switch,
    /// The lexical head of a for / for-in / for-of statement.
    ForHead,
    /// A catch parameter; `simple` when it is a lone BindingIdentifier (which Annex B
    /// B.3.4 lets a `var` in the catch block redeclare).
    Catch { simple: bool },
}

impl ScopeKind {
    /// `var` declarations do not hoist past this scope.
    fn is_var_scope(self) -> bool {
        matches!(
            self,
            ScopeKind::Script | ScopeKind::Module | ScopeKind::Function | ScopeKind::StaticBlock
        )
    }

    /// At this scope's top level a FunctionDeclaration declares a var name
    /// (TopLevelVarDeclaredNames), not a lexical one.
    fn functions_are_vars(self) -> bool {
        matches!(
            self,
            ScopeKind::Script | ScopeKind::Function | ScopeKind::StaticBlock
        )
    }
}

/// The names one scope declares lexically.
#[derive(Debug)]
pub(crate) struct Scope<'a> {
    pub kind: ScopeKind,
    /// LexicallyDeclaredNames (for a catch scope, the parameter's BoundNames), each with
    /// where it is declared.
    pub lexical: HashMap<&'a str, Span>,
}

impl<'a> Scope<'a> {
    pub fn new(kind: ScopeKind) -> Scope<'a> {
        Scope {
            kind,
            lexical: HashMap::new(),
        }
    }
}

/// Where a `var` / `let` / `const` / `using` declaration stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DeclPosition {
    /// A statement (VariableStatement or LexicalDeclaration).
    Statement,
    /// The initializer part of `for (...;...;...)`.
    ForInit,
    /// The head of `for (... in ...)` or `for (... of ...)` (the statement checks what
    /// differs between the two).
    ForInOf,
}

impl<'a> Checker<'a> {
    /// Pushes the scope of a statement list, its lexical names collected (and checked for
    /// duplicates), and checks its top-level function declarations against them when they
    /// are var-scoped.
    pub fn enter_statement_list_scope(&mut self, kind: ScopeKind, stmts: &'a [Stmt]) {
        let mut scope = Scope::new(kind);
        let mut var_functions: Vec<&'a Ident> = Vec::new();
        for stmt in stmts {
            self.collect_lexical(
                stmt,
                kind.functions_are_vars(),
                &mut scope,
                &mut var_functions,
            );
        }
        self.check_var_functions(&scope, &var_functions);
        self.scopes.push(scope);
    }

    /// Pushes the scope of a switch statement's CaseBlock (all clauses share it).
    pub fn enter_case_block_scope(&mut self, cases: &'a [SwitchCase]) {
        let mut scope = Scope::new(ScopeKind::Switch);
        let mut var_functions = Vec::new();
        for case in cases {
            for stmt in &case.body {
                self.collect_lexical(stmt, false, &mut scope, &mut var_functions);
            }
        }
        self.scopes.push(scope);
    }

    /// TopLevelVarDeclaredNames coming from function declarations must not also be
    /// lexically declared at the same top level.
    fn check_var_functions(&mut self, scope: &Scope<'a>, functions: &[&'a Ident]) {
        for id in functions {
            if scope.lexical.contains_key(id.name.as_str()) {
                self.already_declared(id);
            }
        }
    }

    pub fn already_declared(&mut self, id: &Ident) {
        self.error(format!("`{}` has already been declared", id.name), id.span);
    }

    /// Adds `id` to the lexical names of `scope`, reporting a duplicate.
    fn declare_lexical(&mut self, scope: &mut Scope<'a>, id: &'a Ident) {
        if scope.lexical.contains_key(id.name.as_str()) {
            self.already_declared(id);
        } else {
            scope.lexical.insert(&id.name, id.span);
        }
    }

    /// LexicallyDeclaredNames (or TopLevelLexicallyDeclaredNames when `top_level`) of one
    /// StatementListItem / ModuleItem, added to `scope`; the function declarations that
    /// are var-scoped at a top level are pushed onto `var_functions` instead.
    fn collect_lexical(
        &mut self,
        stmt: &'a Stmt,
        top_level: bool,
        scope: &mut Scope<'a>,
        var_functions: &mut Vec<&'a Ident>,
    ) {
        match &stmt.kind {
            StmtKind::Var(decl) if decl.kind != VarKind::Var => {
                for id in var_decl_bound_names(decl) {
                    self.declare_lexical(scope, id);
                }
            }
            StmtKind::Class(class) => {
                if let Some(id) = &class.id {
                    self.declare_lexical(scope, id);
                }
            }
            StmtKind::Function(function) => {
                if let Some(id) = &function.id {
                    if top_level {
                        var_functions.push(id);
                    } else {
                        self.declare_lexical(scope, id);
                    }
                }
            }
            StmtKind::Labeled { .. } => {
                // LabelledStatement: the names of a labelled FunctionDeclaration.
                let mut item = stmt;
                while let StmtKind::Labeled { body, .. } = &item.kind {
                    item = body;
                }
                if let StmtKind::Function(function) = &item.kind {
                    if let Some(id) = &function.id {
                        if top_level {
                            var_functions.push(id);
                        } else {
                            self.declare_lexical(scope, id);
                        }
                    }
                }
            }
            StmtKind::Import(decl) => {
                for id in import_declaration_bound_names(decl) {
                    self.declare_lexical(scope, id);
                }
            }
            StmtKind::Export(decl) => match decl.as_ref() {
                ExportDecl::Declaration(inner) => {
                    self.collect_lexical(inner, top_level, scope, var_functions)
                }
                ExportDecl::DefaultFunction(function) => {
                    if let Some(id) = &function.id {
                        self.declare_lexical(scope, id);
                    }
                }
                ExportDecl::DefaultClass(class) => {
                    if let Some(id) = &class.id {
                        self.declare_lexical(scope, id);
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }

    /// A name in VarDeclaredNames: it must not be lexically declared in any scope from
    /// here up to (and including) its var scope. A catch parameter that is a lone
    /// BindingIdentifier is the exception (B.3.4, which since ES2020 also covers
    /// `for (var e of ...)`; test262's annexB `catch-redeclared-for-of-var.js`).
    pub fn declare_var(&mut self, id: &Ident) {
        let name = id.name.as_str();
        let mut conflict = false;
        for scope in self.scopes.iter().rev() {
            if scope.lexical.contains_key(name) {
                conflict = match scope.kind {
                    ScopeKind::Catch { simple } => !simple,
                    _ => true,
                };
                if conflict {
                    break;
                }
            }
            if scope.kind.is_var_scope() {
                break;
            }
        }
        if conflict {
            self.already_declared(id);
        }
    }

    /// A `var` / `let` / `const` / `using` / `await using` declaration: its BoundNames,
    /// initializers and placement, then its parts.
    pub fn variable_declaration(&mut self, decl: &'a VarDecl, position: DeclPosition) {
        let lexical = decl.kind != VarKind::Var;
        let using = matches!(decl.kind, VarKind::Using | VarKind::AwaitUsing);
        if using {
            self.using_declaration(decl, position);
        }
        for id in var_decl_bound_names(decl) {
            if lexical && id.name == "let" {
                // LexicalDeclaration / ForDeclaration — It is a Syntax Error if the
                // BoundNames contains "let".
                self.error("`let` cannot be a lexically bound name", id.span);
            }
            if !lexical {
                self.declare_var(id);
            }
        }
        if position != DeclPosition::ForInOf {
            for declarator in &decl.declarations {
                if declarator.init.is_some() {
                    continue;
                }
                if !matches!(declarator.target, Pattern::Ident(_)) {
                    // VariableDeclaration / LexicalBinding : BindingPattern Initializer —
                    // the Initializer is not optional.
                    self.error(
                        "a destructuring declaration must have an initializer",
                        declarator.span,
                    );
                } else if matches!(
                    decl.kind,
                    VarKind::Const | VarKind::Using | VarKind::AwaitUsing
                ) {
                    // LexicalBinding : BindingIdentifier Initializer_opt — It is a Syntax
                    // Error if Initializer is not present and IsConstantDeclaration of the
                    // LexicalDeclaration containing this LexicalBinding is true.
                    let keyword = match decl.kind {
                        VarKind::Const => "const",
                        VarKind::Using => "using",
                        _ => "await using",
                    };
                    self.error(
                        format!("missing initializer in {keyword} declaration"),
                        declarator.span,
                    );
                }
            }
        }
        walk_var_decl(self, decl);
    }

    /// The placement and shape rules of `using` / `await using` declarations.
    fn using_declaration(&mut self, decl: &'a VarDecl, position: DeclPosition) {
        let keyword = if decl.kind == VarKind::AwaitUsing {
            "await using"
        } else {
            "using"
        };
        if decl.kind == VarKind::AwaitUsing && !self.ctx.await_expr {
            self.error(
                "`await using` is only allowed in async functions and at the top level of modules",
                decl.span,
            );
        }
        if position == DeclPosition::Statement {
            match self.scopes.last().map(|s| s.kind) {
                // It is a Syntax Error if the goal symbol is Script and UsingDeclaration is
                // not contained within a Block, CaseBlock, ForStatement, ..., FunctionBody,
                // ..., ClassStaticBlockBody.
                Some(ScopeKind::Script) => self.error(
                    format!("`{keyword}` is not allowed at the top level of a script"),
                    decl.span,
                ),
                // It is a Syntax Error if UsingDeclaration is directly contained in the
                // StatementList of a CaseClause or DefaultClause.
                Some(ScopeKind::Switch) => self.error(
                    format!("`{keyword}` is not allowed directly in a switch case"),
                    decl.span,
                ),
                _ => {}
            }
        }
        for declarator in &decl.declarations {
            if !matches!(declarator.target, Pattern::Ident(_)) {
                self.error(
                    format!("a `{keyword}` declaration binds identifiers only, not patterns"),
                    declarator.target.span(),
                );
            }
        }
    }

    /// Pushes the scope of a for / for-in / for-of head declared with `let`, `const` or
    /// `using`: its BoundNames, without duplicates.
    pub fn enter_for_head_scope(&mut self, decl: &'a VarDecl) {
        let mut scope = Scope::new(ScopeKind::ForHead);
        for id in var_decl_bound_names(decl) {
            self.declare_lexical(&mut scope, id);
        }
        self.scopes.push(scope);
    }

    /// Pushes the scope of a catch parameter: its BoundNames, without duplicates.
    pub fn enter_catch_scope(&mut self, param: &'a Pattern) {
        let simple = matches!(param, Pattern::Ident(_));
        let mut scope = Scope::new(ScopeKind::Catch { simple });
        let mut names = Vec::new();
        pattern_bound_names(param, &mut names);
        for id in names {
            self.declare_lexical(&mut scope, id);
        }
        self.scopes.push(scope);
    }

    /// Names that must not also be lexically declared by the innermost scope (a function
    /// body's parameters, a catch clause's parameter against its block).
    pub fn check_not_lexical_in_innermost(&mut self, names: &[&'a Ident]) {
        let clashes: Vec<&'a Ident> = match self.scopes.last() {
            Some(scope) => names
                .iter()
                .copied()
                .filter(|id| scope.lexical.contains_key(id.name.as_str()))
                .collect(),
            None => Vec::new(),
        };
        for id in clashes {
            // Report at the lexical declaration, which comes after the parameter.
            let span = self
                .scopes
                .last()
                .and_then(|s| s.lexical.get(id.name.as_str()).copied())
                .unwrap_or(id.span);
            self.error(format!("`{}` has already been declared", id.name), span);
        }
    }
}
