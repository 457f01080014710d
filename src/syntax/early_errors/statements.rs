//! The walk over statements, with the statement-level rules: `return` outside functions
//! (the [Return] parameter), `with` in strict mode code (14.11.1), IsLabelledFunction
//! bodies of `if` and iteration statements (14.6.1, 14.7.1.1), `for await` outside async
//! code, a second `default` clause in a switch, and the scopes of blocks, switches, for
//! heads and catch clauses.

use super::declarations::{DeclPosition, ScopeKind};
use super::functions::FunctionName;
use super::Checker;
use crate::syntax::ast::*;
use crate::syntax::static_semantics::names::pattern_bound_names;

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
    pub fn statement(&mut self, stmt: &'a Stmt) {
        stacker::maybe_grow(super::RED_ZONE, super::STACK_SEGMENT, || {
            self.statement_inner(stmt)
        })
    }

    /// The Statement of an `if`, an iteration statement or `with`: it cannot be a
    /// labelled function declaration.
    pub fn sub_statement(&mut self, stmt: &'a Stmt) {
        if is_labelled_function(stmt) {
            self.error(
                "a labelled function declaration cannot be the body of an if, loop or with statement",
                stmt.span,
            );
        }
        self.statement(stmt);
    }

    fn statement_inner(&mut self, stmt: &'a Stmt) {
        match &stmt.kind {
            StmtKind::Var(decl) => self.variable_declaration(decl, DeclPosition::Statement),
            StmtKind::Function(function) => self.function(function, FunctionName::Declaration),
            StmtKind::Class(class) => self.class(class),
            StmtKind::Expr { expr, .. } => self.expr(expr),
            StmtKind::Block(block) => self.block(block, ScopeKind::Block),
            StmtKind::Empty | StmtKind::Debugger => {}
            StmtKind::If {
                test,
                consequent,
                alternate,
            } => {
                self.expr(test);
                self.sub_statement(consequent);
                if let Some(alternate) = alternate {
                    self.sub_statement(alternate);
                }
            }
            StmtKind::For {
                init,
                test,
                update,
                body,
            } => {
                let lexical = match init {
                    Some(ForInit::Var(decl)) if decl.kind != VarKind::Var => {
                        self.enter_for_head_scope(decl);
                        true
                    }
                    _ => false,
                };
                match init {
                    Some(ForInit::Var(decl)) => {
                        self.variable_declaration(decl, DeclPosition::ForInit)
                    }
                    Some(ForInit::Expr(expr)) => self.expr(expr),
                    None => {}
                }
                if let Some(test) = test {
                    self.expr(test);
                }
                if let Some(update) = update {
                    self.expr(update);
                }
                self.iteration_body(body);
                if lexical {
                    self.scopes.pop();
                }
            }
            StmtKind::ForIn { left, right, body } => {
                self.for_in_of(left, right, body, DeclPosition::ForIn)
            }
            StmtKind::ForOf {
                left,
                right,
                body,
                is_await,
            } => {
                if *is_await && !self.ctx.await_expr {
                    self.error(
                        "`for await` is only allowed in async functions and at the top level of modules",
                        stmt.span,
                    );
                }
                self.for_in_of(left, right, body, DeclPosition::ForOf)
            }
            StmtKind::While { test, body } => {
                self.expr(test);
                self.iteration_body(body);
            }
            StmtKind::DoWhile { body, test } => {
                self.iteration_body(body);
                self.expr(test);
            }
            StmtKind::Continue(label) => self.continue_statement(label, stmt.span),
            StmtKind::Break(label) => self.break_statement(label, stmt.span),
            StmtKind::Return(argument) => {
                if !self.ctx.return_ok {
                    self.error("`return` is only allowed inside a function", stmt.span);
                }
                if let Some(argument) = argument {
                    self.expr(argument);
                }
            }
            StmtKind::With { object, body } => {
                if self.ctx.strict {
                    self.error("`with` is not allowed in strict mode code", stmt.span);
                }
                self.expr(object);
                self.sub_statement(body);
            }
            StmtKind::Switch {
                discriminant,
                cases,
            } => {
                self.expr(discriminant);
                // CaseBlock has at most one DefaultClause (a grammar rule the grammar
                // leaves to this pass).
                if let Some(second) = cases.iter().filter(|c| c.test.is_none()).nth(1) {
                    self.error(
                        "a switch statement can have only one default clause",
                        second.span,
                    );
                }
                self.enter_case_block_scope(cases);
                self.in_switch(|this| {
                    for case in cases {
                        if let Some(test) = &case.test {
                            this.expr(test);
                        }
                        for stmt in &case.body {
                            this.statement(stmt);
                        }
                    }
                });
                self.scopes.pop();
            }
            StmtKind::Labeled { .. } => self.labelled_statement(stmt),
            StmtKind::Throw(argument) => self.expr(argument),
            StmtKind::Try {
                block,
                handler,
                finalizer,
            } => {
                self.block(block, ScopeKind::Block);
                if let Some(handler) = handler {
                    self.catch_clause(handler);
                }
                if let Some(finalizer) = finalizer {
                    self.block(finalizer, ScopeKind::Block);
                }
            }
            StmtKind::Import(decl) => self.import_declaration(decl),
            StmtKind::Export(decl) => self.export_declaration(decl),
        }
    }

    /// A Block: its own scope, then its statements.
    pub fn block(&mut self, block: &'a Block, kind: ScopeKind) {
        self.enter_statement_list_scope(kind, &block.body);
        for stmt in &block.body {
            self.statement(stmt);
        }
        self.scopes.pop();
    }

    fn for_in_of(
        &mut self,
        left: &'a ForHead,
        right: &'a Expr,
        body: &'a Stmt,
        position: DeclPosition,
    ) {
        match left {
            ForHead::Var(decl) if decl.kind != VarKind::Var => {
                // ForDeclaration: BoundNames without duplicates, none named "let", none
                // in the VarDeclaredNames of the body.
                self.enter_for_head_scope(decl);
                self.variable_declaration(decl, position);
                self.expr(right);
                self.iteration_body(body);
                self.scopes.pop();
            }
            ForHead::Var(decl) => {
                self.variable_declaration(decl, position);
                self.expr(right);
                self.iteration_body(body);
            }
            ForHead::Pattern(pattern) => {
                self.assignment_pattern(pattern);
                self.expr(right);
                self.iteration_body(body);
            }
        }
    }

    /// Catch : catch ( CatchParameter ) Block — BoundNames of CatchParameter without
    /// duplicates, none of them in the LexicallyDeclaredNames of Block, nor (B.3.4) in
    /// its VarDeclaredNames unless the parameter is a lone identifier.
    fn catch_clause(&mut self, handler: &'a CatchClause) {
        let Some(param) = &handler.param else {
            self.block(&handler.body, ScopeKind::Block);
            return;
        };
        self.binding_pattern(param);
        self.enter_catch_scope(param);
        self.enter_statement_list_scope(ScopeKind::Block, &handler.body.body);
        let mut names = Vec::new();
        pattern_bound_names(param, &mut names);
        self.check_not_lexical_in_innermost(&names);
        for stmt in &handler.body.body {
            self.statement(stmt);
        }
        self.scopes.pop();
        self.scopes.pop();
    }
}
