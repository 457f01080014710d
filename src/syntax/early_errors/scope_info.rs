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
//!   top-level code, nested arrows included.
//!
//! Functions are `Arc<Function>`, unique right after parsing; a shared one (which cannot be
//! mutated) is left as it is, never a panic.

use crate::syntax::ast::*;
use crate::syntax::static_semantics::names::{
    import_declaration_bound_names, pattern_bound_names, statement_var_declared_names,
    var_decl_bound_names, var_declarations,
};
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
    let mut flags = Flags::default();
    for stmt in &mut program.body {
        statement(stmt, &mut flags);
    }
    // `arguments` at the top level is a global name, not an arguments object.
    scope.has_direct_eval = flags.direct_eval;
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
                        .map_or_else(|| DEFAULT_NAME.to_string(), |id| id.name.clone());
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
                    info.lexically_declared_names.push(id.name.clone());
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
                    info.lexically_declared_names.push(id.name.clone());
                    info.lexically_scoped_declarations
                        .push(DeclRef::Class(id.name.clone()));
                }
            }
            StmtKind::Var(decl) if decl.kind != VarKind::Var => {
                let names: Vec<String> = var_decl_bound_names(decl)
                    .into_iter()
                    .map(|id| id.name.clone())
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
            info.var_declared_names.push(id.name.clone());
        }
    }
    info
}

fn function_name(function: &Function) -> String {
    function
        .id
        .as_ref()
        .map_or_else(|| DEFAULT_NAME.to_string(), |id| id.name.clone())
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
                names.into_iter().map(|id| id.name.clone()).collect(),
            ));
        }
    }
}

/// Annotates a function in place (when it is not shared) and returns what it refers to.
fn function(function: &mut Arc<Function>) -> Flags {
    match Arc::get_mut(function) {
        Some(f) => annotate_function(f),
        None => Flags::default(),
    }
}

fn annotate_function(f: &mut Function) -> Flags {
    let mut scope = match &f.body {
        FunctionBody::Block(stmts) => statement_list_scope(stmts, ListKind::TopLevel),
        FunctionBody::Expr(_) => ScopeInfo::default(),
    };
    let mut flags = Flags::default();
    for param in &mut f.params {
        pattern_element(param, &mut flags);
    }
    if let Some(rest) = &mut f.rest {
        pattern(rest, &mut flags);
    }
    match &mut f.body {
        FunctionBody::Block(stmts) => {
            for stmt in stmts {
                statement(stmt, &mut flags);
            }
        }
        FunctionBody::Expr(expr) => self::expr(expr, &mut flags),
    }
    scope.uses_arguments = flags.arguments;
    scope.has_direct_eval = flags.direct_eval;
    f.scope = scope;
    flags
}

/// A nested function: annotated; an arrow's references count for the enclosing code.
fn nested_function(f: &mut Arc<Function>, flags: &mut Flags) {
    let is_arrow = f.kind == FunctionKind::Arrow;
    let inner = function(f);
    if is_arrow {
        flags.arguments |= inner.arguments;
        flags.direct_eval |= inner.direct_eval;
    }
}

fn statement(stmt: &mut Stmt, flags: &mut Flags) {
    stacker::maybe_grow(super::RED_ZONE, super::STACK_SEGMENT, || {
        statement_inner(stmt, flags)
    })
}

fn statements(stmts: &mut [Stmt], flags: &mut Flags) {
    for stmt in stmts {
        statement(stmt, flags);
    }
}

fn var_decl(decl: &mut VarDecl, flags: &mut Flags) {
    for declarator in &mut decl.declarations {
        pattern(&mut declarator.target, flags);
        if let Some(init) = &mut declarator.init {
            expr(init, flags);
        }
    }
}

fn statement_inner(stmt: &mut Stmt, flags: &mut Flags) {
    match &mut stmt.kind {
        StmtKind::Var(decl) => var_decl(decl, flags),
        StmtKind::Function(f) => nested_function(f, flags),
        StmtKind::Class(class) => self::class(class, flags),
        StmtKind::Expr { expr, .. } | StmtKind::Throw(expr) => self::expr(expr, flags),
        StmtKind::Block(block) => statements(&mut block.body, flags),
        StmtKind::Empty | StmtKind::Debugger | StmtKind::Continue(_) | StmtKind::Break(_) => {}
        StmtKind::If {
            test,
            consequent,
            alternate,
        } => {
            expr(test, flags);
            statement(consequent, flags);
            if let Some(alternate) = alternate {
                statement(alternate, flags);
            }
        }
        StmtKind::For {
            init,
            test,
            update,
            body,
        } => {
            match init {
                Some(ForInit::Var(decl)) => var_decl(decl, flags),
                Some(ForInit::Expr(e)) => expr(e, flags),
                None => {}
            }
            if let Some(test) = test {
                expr(test, flags);
            }
            if let Some(update) = update {
                expr(update, flags);
            }
            statement(body, flags);
        }
        StmtKind::ForIn { left, right, body }
        | StmtKind::ForOf {
            left, right, body, ..
        } => {
            match left {
                ForHead::Var(decl) => var_decl(decl, flags),
                ForHead::Pattern(p) => pattern(p, flags),
            }
            expr(right, flags);
            statement(body, flags);
        }
        StmtKind::While { test, body } | StmtKind::DoWhile { body, test } => {
            expr(test, flags);
            statement(body, flags);
        }
        StmtKind::Return(argument) => {
            if let Some(argument) = argument {
                expr(argument, flags);
            }
        }
        StmtKind::With { object, body } => {
            expr(object, flags);
            statement(body, flags);
        }
        StmtKind::Switch {
            discriminant,
            cases,
        } => {
            expr(discriminant, flags);
            for case in cases {
                if let Some(test) = &mut case.test {
                    expr(test, flags);
                }
                statements(&mut case.body, flags);
            }
        }
        StmtKind::Labeled { body, .. } => statement(body, flags),
        StmtKind::Try {
            block,
            handler,
            finalizer,
        } => {
            statements(&mut block.body, flags);
            if let Some(handler) = handler {
                if let Some(param) = &mut handler.param {
                    pattern(param, flags);
                }
                statements(&mut handler.body.body, flags);
            }
            if let Some(finalizer) = finalizer {
                statements(&mut finalizer.body, flags);
            }
        }
        StmtKind::Import(_) => {}
        StmtKind::Export(decl) => match decl.as_mut() {
            ExportDecl::Named { .. } | ExportDecl::All { .. } => {}
            ExportDecl::Declaration(inner) => statement(inner, flags),
            ExportDecl::DefaultFunction(f) => nested_function(f, flags),
            ExportDecl::DefaultClass(class) => self::class(class, flags),
            ExportDecl::DefaultExpr(e) => expr(e, flags),
        },
    }
}

fn class(class: &mut Class, flags: &mut Flags) {
    // The heritage and computed keys belong to the enclosing code; the constructor,
    // methods, field initializers and static blocks are functions of their own.
    if let Some(heritage) = &mut class.super_class {
        expr(heritage, flags);
    }
    if let Some(constructor) = &mut class.constructor {
        function(constructor);
    }
    for element in &mut class.elements {
        match element {
            ClassElement::Method { key, function, .. } => {
                property_key(key, flags);
                self::function(function);
            }
            ClassElement::Field {
                key, initializer, ..
            } => {
                property_key(key, flags);
                if let Some(initializer) = initializer {
                    self::function(initializer);
                }
            }
            ClassElement::StaticBlock(block) => {
                function(block);
            }
        }
    }
}

fn property_key(key: &mut PropKey, flags: &mut Flags) {
    if let PropKey::Computed(e) = key {
        expr(e, flags);
    }
}

fn pattern_element(element: &mut PatternElement, flags: &mut Flags) {
    pattern(&mut element.target, flags);
    if let Some(init) = &mut element.init {
        expr(init, flags);
    }
}

fn pattern(p: &mut Pattern, flags: &mut Flags) {
    stacker::maybe_grow(super::RED_ZONE, super::STACK_SEGMENT, || match p {
        // A binding or assignment target: only an assignment target refers to
        // `arguments`, and an early error already forbids that in strict code; treating
        // both as references is conservative.
        Pattern::Ident(id) => reference(id, flags),
        Pattern::Expr(e) => expr(e, flags),
        Pattern::Array { elements, rest, .. } => {
            for element in elements.iter_mut().flatten() {
                pattern_element(element, flags);
            }
            if let Some(rest) = rest {
                pattern(rest, flags);
            }
        }
        Pattern::Object {
            properties, rest, ..
        } => {
            for prop in properties {
                property_key(&mut prop.key, flags);
                pattern_element(&mut prop.value, flags);
            }
            if let Some(rest) = rest {
                pattern(rest, flags);
            }
        }
    })
}

fn reference(id: &Ident, flags: &mut Flags) {
    if id.name == "arguments" {
        flags.arguments = true;
    }
}

fn strip_parens(e: &Expr) -> &Expr {
    let mut e = e;
    while let ExprKind::Paren(inner) = &e.kind {
        e = inner;
    }
    e
}

fn arguments(args: &mut [Argument], flags: &mut Flags) {
    for arg in args {
        match arg {
            Argument::Expr(e) | Argument::Spread(e) => expr(e, flags),
        }
    }
}

fn expr(e: &mut Expr, flags: &mut Flags) {
    stacker::maybe_grow(super::RED_ZONE, super::STACK_SEGMENT, || {
        expr_inner(e, flags)
    })
}

fn expr_inner(e: &mut Expr, flags: &mut Flags) {
    match &mut e.kind {
        ExprKind::Ident(id) => reference(id, flags),
        ExprKind::This
        | ExprKind::Null
        | ExprKind::Bool(_)
        | ExprKind::Number(_)
        | ExprKind::BigInt(_)
        | ExprKind::String(_)
        | ExprKind::RegExp { .. }
        | ExprKind::NewTarget
        | ExprKind::ImportMeta => {}
        ExprKind::Template(t) => {
            for e in &mut t.expressions {
                expr(e, flags);
            }
        }
        ExprKind::TaggedTemplate { tag, quasi } => {
            expr(tag, flags);
            for e in &mut quasi.expressions {
                expr(e, flags);
            }
        }
        ExprKind::Array(elements) => {
            for element in elements {
                match element {
                    ArrayElement::Hole => {}
                    ArrayElement::Expr(e) | ArrayElement::Spread(e) => expr(e, flags),
                }
            }
        }
        ExprKind::Object(props) => {
            for prop in props {
                match prop {
                    PropDef::KeyValue { key, value } => {
                        property_key(key, flags);
                        expr(value, flags);
                    }
                    PropDef::Shorthand(id) => reference(id, flags),
                    PropDef::CoverInitializedName { name, init, .. } => {
                        reference(name, flags);
                        expr(init, flags);
                    }
                    PropDef::Method { key, function, .. } => {
                        property_key(key, flags);
                        self::function(function);
                    }
                    PropDef::Spread(e) | PropDef::Proto { value: e, .. } => expr(e, flags),
                }
            }
        }
        ExprKind::Function(f) | ExprKind::Arrow(f) => nested_function(f, flags),
        ExprKind::Class(class) => self::class(class, flags),
        ExprKind::Unary { argument, .. } | ExprKind::Await(argument) => expr(argument, flags),
        ExprKind::Update { target, .. } => pattern(target, flags),
        ExprKind::Binary { left, right, .. } | ExprKind::Logical { left, right, .. } => {
            expr(left, flags);
            expr(right, flags);
        }
        ExprKind::PrivateIn { right, .. } => expr(right, flags),
        ExprKind::Conditional {
            test,
            consequent,
            alternate,
        } => {
            expr(test, flags);
            expr(consequent, flags);
            expr(alternate, flags);
        }
        ExprKind::Assign { target, value, .. } => {
            pattern(target, flags);
            expr(value, flags);
        }
        ExprKind::Sequence(items) => {
            for e in items {
                expr(e, flags);
            }
        }
        ExprKind::Paren(inner) | ExprKind::OptionalChain(inner) => expr(inner, flags),
        ExprKind::Member {
            object, property, ..
        } => {
            expr(object, flags);
            if let MemberProp::Computed(e) = property {
                expr(e, flags);
            }
        }
        ExprKind::SuperMember(property) => {
            if let MemberProp::Computed(e) = property {
                expr(e, flags);
            }
        }
        ExprKind::Call {
            callee,
            arguments: args,
            optional,
        } => {
            // A CallExpression whose callee is the IdentifierReference `eval` (possibly
            // parenthesized): a direct eval if it calls %eval% at run time.
            if !*optional {
                if let ExprKind::Ident(id) = &strip_parens(callee).kind {
                    if id.name == "eval" {
                        flags.direct_eval = true;
                    }
                }
            }
            expr(callee, flags);
            arguments(args, flags);
        }
        ExprKind::New {
            callee,
            arguments: args,
        } => {
            expr(callee, flags);
            arguments(args, flags);
        }
        ExprKind::SuperCall(args) => arguments(args, flags),
        ExprKind::ImportCall {
            specifier, options, ..
        } => {
            expr(specifier, flags);
            if let Some(options) = options {
                expr(options, flags);
            }
        }
        ExprKind::Yield { argument, .. } => {
            if let Some(argument) = argument {
                expr(argument, flags);
            }
        }
    }
}
