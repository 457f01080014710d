//! Early errors: the "It is a Syntax Error if ..." rules of ECMA-262 2025 that depend on
//! context or scope, applied to a built AST for the Script and Module goals.
//!
//! The builder already rejects what belongs to the shape of the tree (literals, assignment
//! targets, cover grammars, class constructor and private-name duplicates, ...; see
//! `builder/mod.rs`). This pass walks the finished tree once with the shared visitor
//! (`syntax::visit`), carrying the grammar parameters and the other facts each rule needs
//! in a [`Ctx`], and checks:
//!
//! - identifiers: reserved words, strict-mode-only reserved words, `yield` / `await`
//!   where the [Yield] / [Await] parameters or the Module goal forbid them, `eval` /
//!   `arguments` as strict BindingIdentifiers, `arguments` in field initializers and
//!   static blocks ([`identifiers`]);
//! - declarations: duplicate lexical names and lexical/var conflicts per scope, parameter
//!   names, catch parameters, for-loop heads, `let` as a lexical name, missing
//!   initializers, `using` placement ([`declarations`]);
//! - labels, `break`, `continue` ([`labels`]) and `return` placement;
//! - functions and their parameters: duplicates, YieldExpression / AwaitExpression in
//!   parameters, `super`, `new.target` ([`functions`]);
//! - classes: AllPrivateIdentifiersValid and the class-body contexts ([`classes`]);
//! - modules: import bindings (BindingIdentifiers, whose duplicates the module scope
//!   finds) and `import.meta` ([`expressions`]); the export-name rules belong to
//!   `static_semantics::module`;
//! - `with` in strict mode code and labelled function declarations ([`statements`]).
//!
//! Annex B is not implemented, with two exceptions: a `catch (e)` with a plain identifier
//! parameter may redeclare `e` with `var` (B.3.4, as ES2025 words it: `for (var e of
//! ...)` included, which the older test262-parser-tests case early/0f5f47108da5c34e.js
//! still rejects), and labelled function declarations are accepted in sloppy code
//! (B.3.1's relaxation, as the owner asked).
//!
//! [`check`] reports the error that starts first in the source among all those found.

mod classes;
mod declarations;
mod expressions;
mod functions;
mod identifiers;
mod labels;
mod scope_info;
mod statements;

#[cfg(test)]
mod tests;

use super::ast::*;
use super::diagnostics::SyntaxError;
use super::visit::{walk_program, Visit};
use declarations::{DeclPosition, Scope};
use functions::FunctionName;
use identifiers::IdentUse;
use labels::LabelSet;
use std::collections::HashSet;
use std::sync::Arc;

pub use scope_info::annotate;

/// Applies every early-error rule this pass owns to `program`; returns the error whose
/// span starts first, if any.
pub fn check(program: &Program) -> Result<(), SyntaxError> {
    let module = program.goal == Goal::Module;
    let mut checker = Checker::new(module);
    checker.ctx = Ctx::top_level(program.strict, module);
    checker.visit_program(program);
    match checker.first {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// Where the code of a direct eval stands (PerformEval, 19.2.1.1 steps 4 to 8): the facts
/// about the enclosing function and class that relax or add early errors for its Script.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvalContext {
    /// inFunction: the eval is inside a non-arrow function (`new.target` is allowed).
    pub in_function: bool,
    /// inMethod: the enclosing function has a [[HomeObject]] (`super.x` is allowed).
    pub in_method: bool,
    /// inDerivedConstructor: the enclosing function is a derived class constructor
    /// (`super()` is allowed).
    pub in_derived_constructor: bool,
    /// inClassFieldInitializer: the eval is in a class field initializer (`arguments` is
    /// not allowed).
    pub in_class_field_initializer: bool,
    /// The names of the running execution context's PrivateEnvironment chain (with their
    /// `#`), which the eval code may use.
    pub private_names: Vec<String>,
}

/// [`check`] for the Script of a direct eval: PerformEval's steps 6 to 8 (new.target,
/// SuperProperty, SuperCall, ContainsArguments) and AllPrivateIdentifiersValid with the
/// enclosing private names, on top of every rule for a Script.
pub fn check_eval(program: &Program, context: &EvalContext) -> Result<(), SyntaxError> {
    let mut checker = Checker::new(false);
    let mut ctx = Ctx::top_level(program.strict, false);
    ctx.new_target = context.in_function;
    ctx.super_prop = context.in_method;
    ctx.super_call = context.in_derived_constructor;
    ctx.no_arguments = context.in_class_field_initializer;
    checker
        .private_names
        .push(context.private_names.iter().map(String::as_str).collect());
    checker.ctx = ctx;
    checker.visit_program(program);
    match checker.first {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// What the grammar parameters and the enclosing constructs allow at a point of the walk.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ctx {
    /// The code is strict mode code.
    pub strict: bool,
    /// The [Yield] parameter: `yield` cannot be an identifier here.
    pub yield_param: bool,
    /// The [Await] parameter: `await` cannot be an identifier here.
    pub await_param: bool,
    /// A YieldExpression may stand here (a generator body, not its parameters).
    pub yield_expr: bool,
    /// An AwaitExpression (and `for await`, `await using`) may stand here: an async body
    /// or the top level of a Module.
    pub await_expr: bool,
    /// `return` may stand here (inside a function body).
    pub return_ok: bool,
    /// `super(...)` may stand here (a derived class constructor, or an arrow in one).
    pub super_call: bool,
    /// `super.x` / `super[x]` may stand here (methods, field initializers, static blocks).
    pub super_prop: bool,
    /// `new.target` may stand here (inside a non-arrow function or class element).
    pub new_target: bool,
    /// `arguments` may not be referenced here (ContainsArguments of a field initializer or
    /// a static block).
    pub no_arguments: bool,
}

impl Ctx {
    fn top_level(strict: bool, module: bool) -> Ctx {
        Ctx {
            strict,
            yield_param: false,
            await_param: module,
            yield_expr: false,
            await_expr: module,
            return_ok: false,
            super_call: false,
            super_prop: false,
            new_target: false,
            no_arguments: false,
        }
    }
}

/// The walk's state: the current context, the scopes and label sets of the current
/// function, the private names of the enclosing classes, and the first error found.
pub(crate) struct Checker<'a> {
    pub ctx: Ctx,
    /// The goal symbol is Module.
    pub module: bool,
    /// Declaration scopes from the outermost to the innermost, reset at function
    /// boundaries (var names never cross them).
    pub scopes: Vec<Scope<'a>>,
    /// Labels, loops and switches of the current function (or script, or static block).
    pub labels: LabelSet<'a>,
    /// PrivateBoundIdentifiers of each enclosing class body, outermost first.
    pub private_names: Vec<HashSet<&'a str>>,
    /// The error found so far that starts first in the source.
    pub first: Option<SyntaxError>,
}

impl<'a> Checker<'a> {
    fn new(module: bool) -> Checker<'a> {
        Checker {
            ctx: Ctx::top_level(false, module),
            module,
            scopes: Vec::new(),
            labels: LabelSet::default(),
            private_names: Vec::new(),
            first: None,
        }
    }

    /// Records an early error; the one starting first in the source is kept.
    pub fn error(&mut self, message: impl Into<String>, span: Span) {
        let replace = match &self.first {
            None => true,
            Some(existing) => span.start < existing.span.start,
        };
        if replace {
            self.first = Some(SyntaxError::new(message, span));
        }
    }

    /// Runs `f` with `ctx` as the context, restoring the previous one afterwards.
    pub fn with_ctx(&mut self, ctx: Ctx, f: impl FnOnce(&mut Self)) {
        let saved = self.ctx;
        self.ctx = ctx;
        f(self);
        self.ctx = saved;
    }
}

/// The walk: the shared visitor ([`crate::syntax::visit`]) with the rules of this pass on
/// the nodes they concern. Each override checks what it owns, changes the context
/// (`ctx`, scopes, labels, private names) for the node's children, walks them with the
/// matching `walk_*` function and restores what it changed.
impl<'a> Visit<'a> for Checker<'a> {
    /// ScriptBody / ModuleBody: one top-level scope, then each statement.
    fn visit_program(&mut self, program: &'a Program) {
        let kind = if self.module {
            declarations::ScopeKind::Module
        } else {
            declarations::ScopeKind::Script
        };
        self.enter_statement_list_scope(kind, &program.body);
        walk_program(self, program);
        self.scopes.pop();
    }

    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.statement(stmt)
    }

    fn visit_block(&mut self, block: &'a Block) {
        self.block(block)
    }

    fn visit_var_decl(&mut self, decl: &'a VarDecl) {
        self.variable_declaration(decl, DeclPosition::Statement)
    }

    fn visit_for_init(&mut self, init: &'a ForInit) {
        self.for_init(init)
    }

    fn visit_for_head(&mut self, head: &'a ForHead) {
        self.for_head(head)
    }

    fn visit_catch_clause(&mut self, clause: &'a CatchClause) {
        self.catch_clause(clause)
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        self.expr(expr)
    }

    fn visit_function_declaration(&mut self, function: &'a Arc<Function>) {
        self.function_name(function, FunctionName::Declaration);
        self.function(function);
    }

    fn visit_function_expression(&mut self, function: &'a Arc<Function>) {
        self.function_name(function, FunctionName::Expression);
        self.function(function);
    }

    fn visit_function(&mut self, function: &'a Arc<Function>) {
        self.function(function)
    }

    fn visit_class(&mut self, class: &'a Class) {
        self.class(class)
    }

    fn visit_class_body(&mut self, class: &'a Class) {
        self.class_body(class)
    }

    fn visit_identifier_reference(&mut self, id: &'a Ident) {
        self.identifier(id, IdentUse::Reference)
    }

    fn visit_binding_identifier(&mut self, id: &'a Ident) {
        self.identifier(id, IdentUse::Binding)
    }

    fn visit_assignment_target_identifier(&mut self, id: &'a Ident) {
        self.assignment_target_identifier(id)
    }

    fn visit_label_identifier(&mut self, id: &'a Ident) {
        self.identifier(id, IdentUse::Label)
    }

    fn visit_private_reference(&mut self, id: &'a Ident) {
        self.private_reference(id)
    }
}
