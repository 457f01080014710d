//! Filling `Program.scope` and `Function.scope` ([`ScopeInfo`]): the scope-level static
//! semantics that instantiation needs (GlobalDeclarationInstantiation 16.1.7,
//! FunctionDeclarationInstantiation 10.2.11, InitializeEnvironment 16.2.1.6.4,
//! ClassStaticBlockDefinitionEvaluation 15.7.11), computed once after the early errors:
//!
//! - VarDeclaredNames / LexicallyDeclaredNames and VarScopedDeclarations /
//!   LexicallyScopedDeclarations, in their TopLevel forms for a Script, a function body
//!   and a static block (function declarations there are var-scoped), and in their plain
//!   forms for a Module (functions are lexical; imports declare lexical names);
//! - `uses_arguments`: the function's parameters or body reference `arguments` (through
//!   nested arrows, which have no `arguments` of their own; an arrow records its own
//!   references too);
//! - `has_direct_eval`: a call `eval(...)` (possibly a direct eval) in the function or
//!   top-level code, nested arrows included;
//! - for functions, the BoundNames of the FormalParameters, whether they have duplicates,
//!   and ContainsExpression of them (FunctionDeclarationInstantiation steps 5, 6 and 8);
//! - on each `for (init; test; update)` statement, `closures`: whether its code can create
//!   a closure (a function, a class or a call `eval(...)` anywhere in it), and `captures`:
//!   whether such a closure can refer to the bindings of its `let` declaration (a function
//!   in it has an IdentifierReference or assignment target of one of their names, or it
//!   contains a class or a call `eval(...)`).
//!
//! The names come from the spec-shaped operations of `static_semantics::names` over each
//! statement list; the references come from one walk with the mutable form of the shared
//! visitor (`syntax::visit::visit_mut`). Functions are `Arc<Function>`, unique right after
//! parsing; a shared one (which cannot be mutated) is left as it is, never a panic.

use crate::syntax::ast::*;
use crate::syntax::static_semantics::names::{
    contains_expression, import_declaration_bound_names, parameter_bound_names,
    pattern_bound_names, statement_var_declared_names, var_decl_bound_names, var_declarations,
};
use crate::syntax::visit::visit_mut::{self, VisitMut};
use crate::syntax::visit::PatternKind;
use std::collections::HashSet;
use std::sync::Arc;

/// The LocalName of an anonymous `export default` (16.2.3).
const DEFAULT_NAME: &str = "*default*";

/// Fills the ScopeInfo of the program and of every function it contains.
pub fn annotate(program: &mut Program) {
    let kind = match program.goal {
        Goal::Script => ListKind::TopLevel,
        Goal::Module => ListKind::Module,
    };
    let mut scope = statement_list_scope(&program.body, kind);
    let mut annotator = Annotator::default();
    annotator.visit_program(program);
    // `arguments` at the top level is a global name, not an arguments object.
    scope.has_direct_eval = annotator.flags.direct_eval;
    program.scope = scope;
}

/// What code refers to, collected up to the nearest non-arrow function.
#[derive(Clone, Copy, Debug, Default)]
struct Flags {
    arguments: bool,
    direct_eval: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ListKind {
    /// A Script, function body or static block: TopLevel* semantics.
    TopLevel,
    /// A Module's ModuleItemList.
    Module,
}

/// The names and declarations of a Script, Module, function body or static block.
fn statement_list_scope(stmts: &[Stmt], kind: ListKind) -> ScopeInfo {
    let mut info = ScopeInfo::default();
    let mut var_names: Vec<&Ident> = Vec::new();
    for (index, stmt) in stmts.iter().enumerate() {
        let stmt = match (&stmt.kind, kind) {
            (StmtKind::Export(decl), ListKind::Module) => match decl.as_ref() {
                ExportDecl::Declaration(inner) => inner,
                ExportDecl::DefaultFunction(function) => {
                    // LexicallyDeclaredNames is the BoundNames of the ExportDeclaration:
                    // the function's name and "*default*".
                    let name = function_name(function);
                    info.lexically_declared_names.push(name.clone());
                    if name != DEFAULT_NAME {
                        info.lexically_declared_names.push(DEFAULT_NAME.to_string());
                    }
                    info.lexically_scoped_declarations
                        .push(DeclRef::Function { name, index });
                    continue;
                }
                ExportDecl::DefaultClass(class) => {
                    let name = class
                        .id
                        .as_ref()
                        .map_or_else(|| DEFAULT_NAME.to_string(), |id| id.name.to_string());
                    info.lexically_declared_names.push(name.clone());
                    if name != DEFAULT_NAME {
                        info.lexically_declared_names.push(DEFAULT_NAME.to_string());
                    }
                    info.lexically_scoped_declarations
                        .push(DeclRef::Class(name));
                    continue;
                }
                ExportDecl::DefaultExpr(_) => {
                    info.lexically_declared_names.push(DEFAULT_NAME.to_string());
                    info.lexically_scoped_declarations.push(DeclRef::Lexical {
                        names: vec![DEFAULT_NAME.to_string()],
                        constant: false,
                    });
                    continue;
                }
                ExportDecl::Named { .. } | ExportDecl::All { .. } => continue,
            },
            (StmtKind::Import(decl), ListKind::Module) => {
                for id in import_declaration_bound_names(decl) {
                    info.lexically_declared_names.push(id.name.to_string());
                }
                continue;
            }
            _ => stmt,
        };
        // A labelled function declaration is declared like an unlabelled one.
        let mut item = stmt;
        while let StmtKind::Labeled { body, .. } = &item.kind {
            item = body;
        }
        match &item.kind {
            StmtKind::Function(function) => {
                let name = function_name(function);
                let declaration = DeclRef::Function {
                    name: name.clone(),
                    index,
                };
                if kind == ListKind::TopLevel {
                    if let Some(id) = &function.id {
                        var_names.push(id);
                    }
                    info.var_scoped_declarations.push(declaration);
                } else {
                    info.lexically_declared_names.push(name);
                    info.lexically_scoped_declarations.push(declaration);
                }
            }
            StmtKind::Class(class) => {
                if let Some(id) = &class.id {
                    info.lexically_declared_names.push(id.name.to_string());
                    info.lexically_scoped_declarations
                        .push(DeclRef::Class(id.name.to_string()));
                }
            }
            StmtKind::Var(decl) if decl.kind != VarKind::Var => {
                let names: Vec<String> = var_decl_bound_names(decl)
                    .into_iter()
                    .map(|id| id.name.to_string())
                    .collect();
                info.lexically_declared_names.extend(names.iter().cloned());
                info.lexically_scoped_declarations.push(DeclRef::Lexical {
                    names,
                    constant: decl.kind != VarKind::Let,
                });
            }
            _ => {
                statement_var_declared_names(item, &mut var_names);
                var_scoped_declarations(item, &mut info.var_scoped_declarations);
            }
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for id in var_names {
        if seen.insert(&id.name) {
            info.var_declared_names.push(id.name.to_string());
        }
    }
    info
}

fn function_name(function: &Function) -> String {
    function
        .id
        .as_ref()
        .map_or_else(|| DEFAULT_NAME.to_string(), |id| id.name.to_string())
}

/// VarScopedDeclarations of a statement (not descending into functions): one
/// `DeclRef::Var` per `var` VariableDeclaration, for-head declarations included.
fn var_scoped_declarations(stmt: &Stmt, out: &mut Vec<DeclRef>) {
    let mut decls = Vec::new();
    var_declarations(stmt, &mut decls);
    for decl in decls {
        for declarator in &decl.declarations {
            let mut names = Vec::new();
            pattern_bound_names(&declarator.target, &mut names);
            out.push(DeclRef::Var(
                names.into_iter().map(|id| id.name.to_string()).collect(),
            ));
        }
    }
}

/// The walk: fills the ScopeInfo of each function it meets, and collects what the code
/// refers to in `flags`, up to the nearest non-arrow function.
#[derive(Default)]
struct Annotator {
    flags: Flags,
    /// How many functions, classes and calls `eval(...)` the walk has met so far.
    closures: usize,
    /// How many classes and calls `eval(...)` (which can refer to any name) it has met.
    opaque: usize,
    /// How many functions and classes enclose the walk's position.
    depth: usize,
    /// The `depth` of the outermost `for (init; test; update)` statement being walked.
    for_depth: Option<usize>,
    /// Inside such a statement, each name referred to from a function nested deeper than
    /// it, with the depth of the reference.
    closure_refs: Vec<(usize, crate::syntax::ast::Name)>,
}

impl Annotator {
    fn reference(&mut self, id: &Ident) {
        if id.name == "arguments" {
            self.flags.arguments = true;
        }
        if matches!(self.for_depth, Some(d) if self.depth > d) {
            self.closure_refs.push((self.depth, id.name.clone()));
        }
    }
}

impl VisitMut for Annotator {
    /// A function is annotated in place (when it is not shared) with what its own code
    /// refers to; an arrow's references count for the enclosing code too.
    fn visit_function(&mut self, function: &mut Arc<Function>) {
        self.closures += 1;
        let is_arrow = function.kind == FunctionKind::Arrow;
        let Some(f) = Arc::get_mut(function) else {
            // (Not walked: what it refers to is unknown.)
            self.opaque += 1;
            return;
        };
        let mut scope = match &f.body {
            FunctionBody::Block(stmts) => statement_list_scope(stmts, ListKind::TopLevel),
            FunctionBody::Expr(_) => ScopeInfo::default(),
        };
        let outer = std::mem::take(&mut self.flags);
        let closures_before = self.closures;
        self.depth += 1;
        visit_mut::walk_function(self, f);
        self.depth -= 1;
        scope.closure_free = self.closures == closures_before;
        let inner = std::mem::replace(&mut self.flags, outer);
        scope.uses_arguments = inner.arguments;
        scope.has_direct_eval = inner.direct_eval;
        scope.parameter_names = parameter_bound_names(f)
            .into_iter()
            .map(|id| id.name.to_string())
            .collect();
        let mut seen = HashSet::new();
        scope.has_duplicate_parameters = !scope.parameter_names.iter().all(|n| seen.insert(n));
        scope.has_parameter_expressions = contains_expression(f);
        scope.plain_call = matches!(
            f.kind,
            FunctionKind::Normal
                | FunctionKind::Arrow
                | FunctionKind::Method
                | FunctionKind::Getter
                | FunctionKind::Setter
        ) && !f.is_generator
            && !f.is_async
            && scope.closure_free
            && !scope.uses_arguments
            && !scope.has_direct_eval
            && f.simple_params
            && f.rest.is_none()
            && !scope.has_duplicate_parameters
            && f.params.len() == scope.parameter_names.len()
            && f.params
                .iter()
                .all(|p| matches!(p.target, Pattern::Ident(_)) && p.init.is_none())
            && scope.lexically_scoped_declarations.is_empty()
            && scope
                .var_scoped_declarations
                .iter()
                .all(|d| matches!(d, DeclRef::Var(_)))
            && !scope
                .var_declared_names
                .iter()
                .any(|n| scope.parameter_names.contains(n))
            && scope.parameter_names.len() + scope.var_declared_names.len() < 16;
        f.scope = scope;
        if is_arrow {
            self.flags.arguments |= inner.arguments;
            self.flags.direct_eval |= inner.direct_eval;
        }
    }

    /// A binding or assignment target: only an assignment target refers to `arguments`,
    /// and an early error already forbids that in strict code; treating both as
    /// references is conservative. (Function, class and import names are not patterns.)
    fn visit_pattern(&mut self, pattern: &mut Pattern, kind: PatternKind) {
        if let Pattern::Ident(id) = pattern {
            self.reference(id);
        }
        visit_mut::walk_pattern(self, pattern, kind)
    }

    fn visit_identifier_reference(&mut self, id: &mut Ident) {
        self.reference(id)
    }

    fn visit_class(&mut self, class: &mut Class) {
        self.closures += 1;
        self.opaque += 1;
        self.depth += 1;
        visit_mut::walk_class(self, class);
        self.depth -= 1;
    }

    /// A `for (init; test; update)` statement learns whether its code makes closures and
    /// whether they can refer to its `let` bindings.
    fn visit_stmt(&mut self, stmt: &mut Stmt) {
        let before = self.closures;
        let opaque_before = self.opaque;
        let is_for = matches!(stmt.kind, StmtKind::For { .. });
        let outer_for_depth = self.for_depth;
        let refs_start = self.closure_refs.len();
        if is_for && outer_for_depth.is_none() {
            self.for_depth = Some(self.depth);
        }
        visit_mut::walk_stmt(self, stmt);
        if let StmtKind::For {
            init,
            closures,
            captures,
            ..
        } = &mut stmt.kind
        {
            *closures = self.closures != before;
            *captures = *closures
                && (self.opaque != opaque_before
                    || match init.as_deref() {
                        Some(ForInit::Var(decl)) => {
                            let names = var_decl_bound_names(decl);
                            self.closure_refs[refs_start..].iter().any(|(depth, name)| {
                                *depth > self.depth && names.iter().any(|id| id.name == *name)
                            })
                        }
                        _ => true,
                    });
            self.for_depth = outer_for_depth;
            if outer_for_depth.is_none() {
                self.closure_refs.clear();
            }
        }
    }

    fn visit_expr(&mut self, expr: &mut Expr) {
        // A CallExpression whose callee is the IdentifierReference `eval` (possibly
        // parenthesized): a direct eval if it calls %eval% at run time.
        if let ExprKind::Call {
            callee,
            optional: false,
            ..
        } = &expr.kind
        {
            if let ExprKind::Ident(id) = &strip_parens(callee).kind {
                if id.name == "eval" {
                    self.flags.direct_eval = true;
                    self.closures += 1;
                    self.opaque += 1;
                }
            }
        }
        visit_mut::walk_expr(self, expr)
    }
}

fn strip_parens(e: &Expr) -> &Expr {
    let mut e = e;
    while let ExprKind::Paren(inner) = &e.kind {
        e = inner;
    }
    e
}
