//! The statement-level rules: `return` outside functions (the [Return] parameter), `with`
//! in strict mode code (14.11.1), IsLabelledFunction bodies of `if` and iteration
//! statements (14.6.1, 14.7.1.1), `for await` outside async code, a second `default`
//! clause in a switch, and the scopes of blocks, switches, for heads and catch clauses.

use super::declarations::{DeclPosition, ScopeKind};
use super::Checker;
use crate::syntax::ast::*;
use crate::syntax::static_semantics::names::pattern_bound_names;
use crate::syntax::visit::{
    walk_block, walk_for_head, walk_for_init, walk_stmt, PatternKind, Visit,
};

/// IsLabelledFunction(stmt): a LabelledStatement whose innermost item is a function
/// declaration.
fn is_labelled_function(stmt: &Stmt) -> bool {
    let mut item = stmt;
    let mut labelled = false;
    while let StmtKind::Labeled { body, .. } = &item.kind {
        labelled = true;
        item = body;
    }
    labelled && matches!(item.kind, StmtKind::Function(_))
}

impl<'a> Checker<'a> {
    /// A statement: the rules of its own kind, then its children with the scope, label
    /// and loop facts it opens.
    pub fn statement(&mut self, stmt: &'a Stmt) {
        match &stmt.kind {
            StmtKind::If {
                consequent,
                alternate,
                ..
            } => {
                self.sub_statement(consequent);
                if let Some(alternate) = alternate {
                    self.sub_statement(alternate);
                }
                walk_stmt(self, stmt);
            }
            StmtKind::For { init, body, .. } => {
                // A lexical declaration in the head has a scope of its own around the
                // whole statement.
                let lexical = match init.as_deref() {
                    Some(ForInit::Var(decl)) if decl.kind != VarKind::Var => {
                        self.enter_for_head_scope(decl);
                        true
                    }
                    _ => false,
                };
                self.iteration(stmt, body);
                if lexical {
                    self.scopes.pop();
                }
            }
            StmtKind::ForIn { left, body, .. } => {
                self.for_in_of(stmt, left, body);
                if let ForHead::Var(decl) = &**left {
                    if matches!(decl.kind, VarKind::Using | VarKind::AwaitUsing) {
                        let keyword = if decl.kind == VarKind::AwaitUsing {
                            "await using"
                        } else {
                            "using"
                        };
                        self.error(
                            format!("`{keyword}` is not allowed in a for-in head"),
                            decl.span,
                        );
                    }
                }
            }
            StmtKind::ForOf {
                left,
                body,
                is_await,
                ..
            } => {
                if *is_await && !self.ctx.await_expr {
                    self.error(
                        "`for await` is only allowed in async functions and at the top level of modules",
                        stmt.span,
                    );
                }
                self.for_in_of(stmt, left, body)
            }
            StmtKind::While { body, .. } | StmtKind::DoWhile { body, .. } => {
                self.iteration(stmt, body)
            }
            StmtKind::Continue(label) => {
                walk_stmt(self, stmt);
                self.continue_statement(label, stmt.span);
            }
            StmtKind::Break(label) => {
                walk_stmt(self, stmt);
                self.break_statement(label, stmt.span);
            }
            StmtKind::Return(_) => {
                if !self.ctx.return_ok {
                    self.error("`return` is only allowed inside a function", stmt.span);
                }
                walk_stmt(self, stmt);
            }
            StmtKind::With { body, .. } => {
                if self.ctx.strict {
                    self.error("`with` is not allowed in strict mode code", stmt.span);
                }
                self.sub_statement(body);
                walk_stmt(self, stmt);
            }
            StmtKind::Switch { cases, .. } => {
                // CaseBlock has at most one DefaultClause (a grammar rule the grammar
                // leaves to this pass).
                if let Some(second) = cases.iter().filter(|c| c.test.is_none()).nth(1) {
                    self.error(
                        "a switch statement can have only one default clause",
                        second.span,
                    );
                }
                self.enter_case_block_scope(cases);
                self.in_switch(|this| walk_stmt(this, stmt));
                self.scopes.pop();
            }
            StmtKind::Labeled { label, body } => self.labelled_statement(label, body, stmt),
            _ => walk_stmt(self, stmt),
        }
    }

    /// The Statement of an `if`, an iteration statement or `with`: it cannot be a
    /// labelled function declaration.
    fn sub_statement(&mut self, stmt: &'a Stmt) {
        if is_labelled_function(stmt) {
            self.error(
                "a labelled function declaration cannot be the body of an if, loop or with statement",
                stmt.span,
            );
        }
    }

    /// An iteration statement: its body is a sub-statement, and `break` / `continue`
    /// without a label may stand in it (nothing else of the statement can hold them).
    fn iteration(&mut self, stmt: &'a Stmt, body: &'a Stmt) {
        self.sub_statement(body);
        self.in_iteration(|this| walk_stmt(this, stmt));
    }

    /// A Block: its own scope, then its statements.
    pub fn block(&mut self, block: &'a Block) {
        self.enter_statement_list_scope(ScopeKind::Block, &block.body);
        walk_block(self, block);
        self.scopes.pop();
    }

    /// `for (...in...)` / `for (...of...)`: a ForDeclaration has a scope of its own
    /// (BoundNames without duplicates, none named "let", none in the VarDeclaredNames of
    /// the body) around the whole statement.
    fn for_in_of(&mut self, stmt: &'a Stmt, left: &'a ForHead, body: &'a Stmt) {
        match left {
            ForHead::Var(decl) if decl.kind != VarKind::Var => {
                self.enter_for_head_scope(decl);
                self.iteration(stmt, body);
                self.scopes.pop();
            }
            _ => self.iteration(stmt, body),
        }
    }

    /// The first part of `for (init; ...)`: a declaration there is in a for-init
    /// position.
    pub fn for_init(&mut self, init: &'a ForInit) {
        match init {
            ForInit::Var(decl) => self.variable_declaration(decl, DeclPosition::ForInit),
            ForInit::Expr(_) => walk_for_init(self, init),
        }
    }

    /// The left side of a for-in / for-of: a declaration there has no initializer.
    pub fn for_head(&mut self, head: &'a ForHead) {
        match head {
            ForHead::Var(decl) => self.variable_declaration(decl, DeclPosition::ForInOf),
            ForHead::Pattern(_) => walk_for_head(self, head),
        }
    }

    /// Catch : catch ( CatchParameter ) Block — BoundNames of CatchParameter without
    /// duplicates, none of them in the LexicallyDeclaredNames of Block, nor (B.3.4) in
    /// its VarDeclaredNames unless the parameter is a lone identifier.
    pub fn catch_clause(&mut self, handler: &'a CatchClause) {
        let Some(param) = &handler.param else {
            self.block(&handler.body);
            return;
        };
        self.visit_pattern(param, PatternKind::Binding);
        self.enter_catch_scope(param);
        // The Block's scope is entered here rather than by `block`, to check its
        // lexical names against the parameter's before its statements are walked.
        self.enter_statement_list_scope(ScopeKind::Block, &handler.body.body);
        let mut names = Vec::new();
        pattern_bound_names(param, &mut names);
        self.check_not_lexical_in_innermost(&names);
        walk_block(self, &handler.body);
        self.scopes.pop();
        self.scopes.pop();
    }
}
