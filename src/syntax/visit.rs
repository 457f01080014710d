//! A visitor over the AST: the one place that knows the shape of every node.
//!
//! [`Visit`] walks a tree through shared references (`&'a`, so a visitor may keep
//! references into the tree, as the early-error pass keeps names); [`visit_mut::VisitMut`]
//! walks it through `&mut` (scope annotation fills `Function.scope`). Both are generated
//! from the same text by the `visitor!` macro below, so they cannot drift apart.
//!
//! Each trait has one `visit_*` method per kind of node; its default implementation calls
//! the matching `walk_*` function, which visits the node's children in source order. A
//! pass overrides only the nodes it cares about and calls the `walk_*` function (or some
//! of the partial walks: [`walk_params`], [`walk_function_body`]) for the children, after
//! changing whatever context it carries in itself; it restores that context afterwards.
//!
//! What the walk visits and what it leaves out:
//! - identifiers are visited by role: IdentifierReference
//!   ([`Visit::visit_identifier_reference`], also a shorthand property), BindingIdentifier
//!   ([`Visit::visit_binding_identifier`]: binding patterns, import bindings, class and
//!   function names), the identifier of a simple assignment target
//!   ([`Visit::visit_assignment_target_identifier`], by default a reference),
//!   LabelIdentifier ([`Visit::visit_label_identifier`]) and a PrivateIdentifier used in
//!   `o.#x` or `#x in o` ([`Visit::visit_private_reference`]);
//! - IdentifierNames (non-computed property keys and `.name` accesses), private names
//!   declared by class elements, literals, template strings, ModuleExportNames,
//!   specifiers and import attributes hold no code and are not visited;
//! - a function's BindingIdentifier is visited by [`Visit::visit_function_declaration`]
//!   and [`Visit::visit_function_expression`] (whose checks differ), never by
//!   [`Visit::visit_function`], which is also what arrows, methods, accessors,
//!   constructors, field initializers and static blocks go through.
//!
//! Deeply nested input must not overflow the native stack: [`walk_stmt`], [`walk_expr`]
//! and [`walk_pattern`], through which every recursion passes, switch to a fresh stack
//! segment when less than [`RED_ZONE`] bytes remain.

use crate::syntax::ast::*;
use std::sync::Arc;

/// Remaining stack below which the walk switches to a fresh stack segment.
pub const RED_ZONE: usize = 64 * 1024;
/// Size of each stack segment the walk allocates when it runs low.
pub const STACK_SEGMENT: usize = 1024 * 1024;

/// Which grammar a [`Pattern`] stands for (the AST shares one type between them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatternKind {
    /// A BindingPattern or BindingIdentifier: declarations, parameters, catch parameters.
    /// Its identifiers are BindingIdentifiers.
    Binding,
    /// An AssignmentPattern or simple assignment target: the target of `=`, `++`/`--` and
    /// of a for-in/of head without a declaration. Its identifiers are
    /// IdentifierReferences.
    Assignment,
}

/// The function node behind an `Arc`, for the shared walk: always there.
fn shared_function(function: &Arc<Function>) -> Option<&Function> {
    Some(function)
}

/// The function node behind an `Arc`, for the mutable walk: only when the `Arc` is not
/// shared (functions are unique right after parsing; a shared one is left alone).
fn unique_function(function: &mut Arc<Function>) -> Option<&mut Function> {
    Arc::get_mut(function)
}

/// Generates a visitor trait and its `walk_*` functions. `ref` is the reference type the
/// walk hands out (`&'a` or `&mut`), `mut` is empty or `mut` (for `&mut place`
/// expressions), `iter` is `iter` or `iter_mut`, `function_node` reaches the `Function` inside an `Arc<Function>`.
macro_rules! visitor {
    (
        $(#[$trait_attr:meta])*
        trait $Visit:ident $(<$lt:lifetime>)?;
        ref = [$($ref:tt)*];
        mut = [$($mut:tt)?];
        iter = $iter:ident;
        function_node = $function_node:path;
    ) => {
        $(#[$trait_attr])*
        pub trait $Visit $(<$lt>)? {
            /// A Script or Module: its statements.
            fn visit_program(&mut self, program: $($ref)* Program) {
                walk_program(self, program)
            }
            /// A Statement, StatementListItem or ModuleItem.
            fn visit_stmt(&mut self, stmt: $($ref)* Stmt) {
                walk_stmt(self, stmt)
            }
            /// A Block: a block statement, a `try` block, a catch body or a `finally`
            /// block.
            fn visit_block(&mut self, block: $($ref)* Block) {
                walk_block(self, block)
            }
            /// A `var` / `let` / `const` / `using` / `await using` declaration, as a
            /// statement or in a for-statement head (by default, also through
            /// [`Self::visit_for_init`] and [`Self::visit_for_head`]).
            fn visit_var_decl(&mut self, decl: $($ref)* VarDecl) {
                walk_var_decl(self, decl)
            }
            /// The first part of `for (init; test; update)`.
            fn visit_for_init(&mut self, init: $($ref)* ForInit) {
                walk_for_init(self, init)
            }
            /// The left side of `for (... in ...)` / `for (... of ...)`.
            fn visit_for_head(&mut self, head: $($ref)* ForHead) {
                walk_for_head(self, head)
            }
            /// A CaseClause or DefaultClause.
            fn visit_switch_case(&mut self, case: $($ref)* SwitchCase) {
                walk_switch_case(self, case)
            }
            /// `catch (param) { ... }`.
            fn visit_catch_clause(&mut self, clause: $($ref)* CatchClause) {
                walk_catch_clause(self, clause)
            }
            /// An ImportDeclaration: its ImportedBindings.
            fn visit_import_decl(&mut self, decl: $($ref)* ImportDecl) {
                walk_import_decl(self, decl)
            }
            /// An ExportDeclaration: the declaration or expression it holds.
            fn visit_export_decl(&mut self, decl: $($ref)* ExportDecl) {
                walk_export_decl(self, decl)
            }
            /// An expression.
            fn visit_expr(&mut self, expr: $($ref)* Expr) {
                walk_expr(self, expr)
            }
            /// A template literal (plain or tagged): its substitutions.
            fn visit_template(&mut self, template: $($ref)* Template) {
                walk_template(self, template)
            }
            /// A PropertyDefinition of an object literal.
            fn visit_prop_def(&mut self, prop: $($ref)* PropDef) {
                walk_prop_def(self, prop)
            }
            /// A PropertyName or ClassElementName: a computed key's expression.
            fn visit_prop_key(&mut self, key: $($ref)* PropKey) {
                walk_prop_key(self, key)
            }
            /// The property of a member access: a computed key's expression, or a
            /// PrivateIdentifier reference.
            fn visit_member_prop(&mut self, prop: $($ref)* MemberProp) {
                walk_member_prop(self, prop)
            }
            /// A binding or assignment pattern (or a lone identifier or member target).
            fn visit_pattern(&mut self, pattern: $($ref)* Pattern, kind: PatternKind) {
                walk_pattern(self, pattern, kind)
            }
            /// An element of a pattern or a parameter: its target, then its initializer.
            fn visit_pattern_element(
                &mut self,
                element: $($ref)* PatternElement,
                kind: PatternKind,
            ) {
                walk_pattern_element(self, element, kind)
            }
            /// A FunctionDeclaration (also `export default function`): its name, then
            /// [`Self::visit_function`].
            fn visit_function_declaration(&mut self, function: $($ref)* Arc<Function>) {
                walk_function_declaration(self, function)
            }
            /// A FunctionExpression (plain, generator or async): its name, then
            /// [`Self::visit_function`].
            fn visit_function_expression(&mut self, function: $($ref)* Arc<Function>) {
                walk_function_expression(self, function)
            }
            /// Any function-like node, without its name: parameters, then body.
            fn visit_function(&mut self, function: $($ref)* Arc<Function>) {
                if let Some(function) = $function_node(function) {
                    walk_function(self, function)
                }
            }
            /// A ClassDeclaration or ClassExpression: its name, its heritage, then
            /// [`Self::visit_class_body`].
            fn visit_class(&mut self, class: $($ref)* Class) {
                walk_class(self, class)
            }
            /// The ClassBody of `class`: the constructor, then the elements.
            fn visit_class_body(&mut self, class: $($ref)* Class) {
                walk_class_body(self, class)
            }
            /// A ClassElement other than the constructor.
            fn visit_class_element(&mut self, element: $($ref)* ClassElement) {
                walk_class_element(self, element)
            }
            /// An IdentifierReference.
            fn visit_identifier_reference(&mut self, _id: $($ref)* Ident) {}
            /// A BindingIdentifier.
            fn visit_binding_identifier(&mut self, _id: $($ref)* Ident) {}
            /// The identifier of a simple assignment target (`x = 1`, `x++`, `[x] = a`):
            /// an IdentifierReference.
            fn visit_assignment_target_identifier(&mut self, id: $($ref)* Ident) {
                self.visit_identifier_reference(id)
            }
            /// A LabelIdentifier (of a labelled statement, `break` or `continue`).
            fn visit_label_identifier(&mut self, _id: $($ref)* Ident) {}
            /// The PrivateIdentifier of `o.#x` or `#x in o`.
            fn visit_private_reference(&mut self, _id: $($ref)* Ident) {}
        }

        pub fn walk_program<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            program: $($ref)* Program,
        ) {
            for stmt in &$($mut)? program.body {
                v.visit_stmt(stmt);
            }
        }

        pub fn walk_stmt<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(v: &mut V, stmt: $($ref)* Stmt) {
            stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || walk_stmt_kind(v, stmt))
        }

        fn walk_stmt_kind<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            stmt: $($ref)* Stmt,
        ) {
            match &$($mut)? stmt.kind {
                StmtKind::Var(decl) => v.visit_var_decl(decl),
                StmtKind::Function(function) => v.visit_function_declaration(function),
                StmtKind::Class(class) => v.visit_class(class),
                StmtKind::Expr { expr, .. } => v.visit_expr(expr),
                StmtKind::Throw(expr) => v.visit_expr(expr),
                StmtKind::Block(block) => v.visit_block(block),
                StmtKind::Empty | StmtKind::Debugger => {}
                StmtKind::If {
                    test,
                    consequent,
                    alternate,
                } => {
                    v.visit_expr(test);
                    v.visit_stmt(consequent);
                    if let Some(alternate) = alternate {
                        v.visit_stmt(alternate);
                    }
                }
                StmtKind::For {
                    init,
                    test,
                    update,
                    body,
                    ..
                } => {
                    if let Some(init) = init {
                        v.visit_for_init(init);
                    }
                    if let Some(test) = test {
                        v.visit_expr(test);
                    }
                    if let Some(update) = update {
                        v.visit_expr(update);
                    }
                    v.visit_stmt(body);
                }
                StmtKind::ForIn { left, right, body }
                | StmtKind::ForOf {
                    left, right, body, ..
                } => {
                    v.visit_for_head(left);
                    v.visit_expr(right);
                    v.visit_stmt(body);
                }
                StmtKind::While { test, body } => {
                    v.visit_expr(test);
                    v.visit_stmt(body);
                }
                StmtKind::DoWhile { body, test } => {
                    v.visit_stmt(body);
                    v.visit_expr(test);
                }
                StmtKind::Continue(label) | StmtKind::Break(label) => {
                    if let Some(label) = label {
                        v.visit_label_identifier(label);
                    }
                }
                StmtKind::Return(argument) => {
                    if let Some(argument) = argument {
                        v.visit_expr(argument);
                    }
                }
                StmtKind::With { object, body } => {
                    v.visit_expr(object);
                    v.visit_stmt(body);
                }
                StmtKind::Switch {
                    discriminant,
                    cases,
                } => {
                    v.visit_expr(discriminant);
                    for case in cases {
                        v.visit_switch_case(case);
                    }
                }
                StmtKind::Labeled { label, body } => {
                    v.visit_label_identifier(label);
                    v.visit_stmt(body);
                }
                StmtKind::Try {
                    block,
                    handler,
                    finalizer,
                } => {
                    v.visit_block(block);
                    if let Some(handler) = handler {
                        v.visit_catch_clause(handler);
                    }
                    if let Some(finalizer) = finalizer {
                        v.visit_block(finalizer);
                    }
                }
                StmtKind::Import(decl) => v.visit_import_decl(decl),
                StmtKind::Export(decl) => v.visit_export_decl(decl),
            }
        }

        pub fn walk_block<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            block: $($ref)* Block,
        ) {
            for stmt in &$($mut)? block.body {
                v.visit_stmt(stmt);
            }
        }

        pub fn walk_var_decl<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            decl: $($ref)* VarDecl,
        ) {
            for declarator in &$($mut)? decl.declarations {
                v.visit_pattern(&$($mut)? declarator.target, PatternKind::Binding);
                if let Some(init) = &$($mut)? declarator.init {
                    v.visit_expr(init);
                }
            }
        }

        pub fn walk_for_init<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            init: $($ref)* ForInit,
        ) {
            match init {
                ForInit::Var(decl) => v.visit_var_decl(decl),
                ForInit::Expr(expr) => v.visit_expr(expr),
            }
        }

        pub fn walk_for_head<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            head: $($ref)* ForHead,
        ) {
            match head {
                ForHead::Var(decl) => v.visit_var_decl(decl),
                ForHead::Pattern(pattern) => v.visit_pattern(pattern, PatternKind::Assignment),
            }
        }

        pub fn walk_switch_case<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            case: $($ref)* SwitchCase,
        ) {
            if let Some(test) = &$($mut)? case.test {
                v.visit_expr(test);
            }
            for stmt in &$($mut)? case.body {
                v.visit_stmt(stmt);
            }
        }

        pub fn walk_catch_clause<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            clause: $($ref)* CatchClause,
        ) {
            if let Some(param) = &$($mut)? clause.param {
                v.visit_pattern(param, PatternKind::Binding);
            }
            v.visit_block(&$($mut)? clause.body);
        }

        /// The ImportedBindings in source order: the default binding, then the
        /// namespace binding or the named bindings (BoundNames of ImportDeclaration).
        pub fn walk_import_decl<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            decl: $($ref)* ImportDecl,
        ) {
            if let Some(id) = &$($mut)? decl.default {
                v.visit_binding_identifier(id);
            }
            if let Some(id) = &$($mut)? decl.namespace {
                v.visit_binding_identifier(id);
            }
            for specifier in &$($mut)? decl.named {
                v.visit_binding_identifier(&$($mut)? specifier.local);
            }
        }

        pub fn walk_export_decl<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            decl: $($ref)* ExportDecl,
        ) {
            match decl {
                ExportDecl::Named { .. } | ExportDecl::All { .. } => {}
                ExportDecl::Declaration(stmt) => v.visit_stmt(stmt),
                ExportDecl::DefaultFunction(function) => v.visit_function_declaration(function),
                ExportDecl::DefaultClass(class) => v.visit_class(class),
                ExportDecl::DefaultExpr(expr) => v.visit_expr(expr),
            }
        }

        pub fn walk_expr<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(v: &mut V, expr: $($ref)* Expr) {
            stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || walk_expr_kind(v, expr))
        }

        fn walk_expr_kind<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            expr: $($ref)* Expr,
        ) {
            match &$($mut)? expr.kind {
                ExprKind::Ident(id) => v.visit_identifier_reference(id),
                ExprKind::This
                | ExprKind::Null
                | ExprKind::Bool(_)
                | ExprKind::Number(_)
                | ExprKind::BigInt(_)
                | ExprKind::String(_)
                | ExprKind::RegExp { .. }
                | ExprKind::NewTarget
                | ExprKind::ImportMeta => {}
                ExprKind::Template(template) => v.visit_template(template),
                ExprKind::TaggedTemplate { tag, quasi } => {
                    v.visit_expr(tag);
                    v.visit_template(quasi);
                }
                ExprKind::Array(elements) => {
                    for element in elements {
                        match element {
                            ArrayElement::Hole => {}
                            ArrayElement::Expr(e) | ArrayElement::Spread(e) => v.visit_expr(e),
                        }
                    }
                }
                ExprKind::Object(props) => {
                    for prop in props {
                        v.visit_prop_def(prop);
                    }
                }
                ExprKind::Function(function) => v.visit_function_expression(function),
                ExprKind::Arrow(function) => v.visit_function(function),
                ExprKind::Class(class) => v.visit_class(class),
                ExprKind::Unary { argument, .. } | ExprKind::Await(argument) => {
                    v.visit_expr(argument)
                }
                ExprKind::Update { target, .. } => {
                    v.visit_pattern(target, PatternKind::Assignment)
                }
                ExprKind::Binary { left, right, .. } | ExprKind::Logical { left, right, .. } => {
                    v.visit_expr(left);
                    v.visit_expr(right);
                }
                ExprKind::PrivateIn { name, right } => {
                    v.visit_private_reference(name);
                    v.visit_expr(right);
                }
                ExprKind::Conditional {
                    test,
                    consequent,
                    alternate,
                } => {
                    v.visit_expr(test);
                    v.visit_expr(consequent);
                    v.visit_expr(alternate);
                }
                ExprKind::Assign { target, value, .. } => {
                    v.visit_pattern(target, PatternKind::Assignment);
                    v.visit_expr(value);
                }
                ExprKind::Sequence(items) => {
                    for item in items {
                        v.visit_expr(item);
                    }
                }
                ExprKind::Paren(inner) | ExprKind::OptionalChain(inner) => v.visit_expr(inner),
                ExprKind::Member {
                    object, property, ..
                } => {
                    v.visit_expr(object);
                    v.visit_member_prop(property);
                }
                ExprKind::SuperMember(property) => v.visit_member_prop(property),
                ExprKind::Call {
                    callee, arguments, ..
                }
                | ExprKind::New { callee, arguments } => {
                    v.visit_expr(callee);
                    walk_arguments(v, arguments);
                }
                ExprKind::SuperCall(arguments) => walk_arguments(v, arguments),
                ExprKind::ImportCall {
                    specifier, options, ..
                } => {
                    v.visit_expr(specifier);
                    if let Some(options) = options {
                        v.visit_expr(options);
                    }
                }
                ExprKind::Yield { argument, .. } => {
                    if let Some(argument) = argument {
                        v.visit_expr(argument);
                    }
                }
            }
        }

        /// Arguments: each expression, spread or not.
        fn walk_arguments<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            arguments: $($ref)* [Argument],
        ) {
            for argument in arguments {
                match argument {
                    Argument::Expr(e) | Argument::Spread(e) => v.visit_expr(e),
                }
            }
        }

        pub fn walk_template<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            template: $($ref)* Template,
        ) {
            for expr in &$($mut)? template.expressions {
                v.visit_expr(expr);
            }
        }

        pub fn walk_prop_def<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            prop: $($ref)* PropDef,
        ) {
            match prop {
                PropDef::KeyValue { key, value } => {
                    v.visit_prop_key(key);
                    v.visit_expr(value);
                }
                PropDef::Shorthand(id) => v.visit_identifier_reference(id),
                PropDef::CoverInitializedName { name, init, .. } => {
                    v.visit_identifier_reference(name);
                    v.visit_expr(init);
                }
                PropDef::Method { key, function, .. } => {
                    v.visit_prop_key(key);
                    v.visit_function(function);
                }
                PropDef::Spread(e) | PropDef::Proto { value: e, .. } => v.visit_expr(e),
            }
        }

        pub fn walk_prop_key<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            key: $($ref)* PropKey,
        ) {
            if let PropKey::Computed(expr) = key {
                v.visit_expr(expr);
            }
        }

        pub fn walk_member_prop<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            prop: $($ref)* MemberProp,
        ) {
            match prop {
                MemberProp::Ident(_) => {}
                MemberProp::Computed(expr) => v.visit_expr(expr),
                MemberProp::Private(id) => v.visit_private_reference(id),
            }
        }

        pub fn walk_pattern<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            pattern: $($ref)* Pattern,
            kind: PatternKind,
        ) {
            stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || match pattern {
                Pattern::Ident(id) => match kind {
                    PatternKind::Binding => v.visit_binding_identifier(id),
                    PatternKind::Assignment => v.visit_assignment_target_identifier(id),
                },
                Pattern::Expr(expr) => v.visit_expr(expr),
                Pattern::Array { elements, rest, .. } => {
                    for element in elements.$iter().flatten() {
                        v.visit_pattern_element(element, kind);
                    }
                    if let Some(rest) = rest {
                        v.visit_pattern(rest, kind);
                    }
                }
                Pattern::Object {
                    properties, rest, ..
                } => {
                    for prop in properties {
                        v.visit_prop_key(&$($mut)? prop.key);
                        v.visit_pattern_element(&$($mut)? prop.value, kind);
                    }
                    if let Some(rest) = rest {
                        v.visit_pattern(rest, kind);
                    }
                }
            })
        }

        pub fn walk_pattern_element<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            element: $($ref)* PatternElement,
            kind: PatternKind,
        ) {
            v.visit_pattern(&$($mut)? element.target, kind);
            if let Some(init) = &$($mut)? element.init {
                v.visit_expr(init);
            }
        }

        pub fn walk_function_declaration<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            function: $($ref)* Arc<Function>,
        ) {
            if let Some(node) = $function_node(function) {
                if let Some(id) = &$($mut)? node.id {
                    v.visit_binding_identifier(id);
                }
            }
            v.visit_function(function);
        }

        pub fn walk_function_expression<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            function: $($ref)* Arc<Function>,
        ) {
            walk_function_declaration(v, function)
        }

        /// A function's parameters, then its body ([`walk_params`], then
        /// [`walk_function_body`]).
        pub fn walk_function<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            function: $($ref)* Function,
        ) {
            walk_params(v, function);
            walk_function_body(v, &$($mut)? function.body);
        }

        /// FormalParameters: each parameter, then the rest parameter.
        pub fn walk_params<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            function: $($ref)* Function,
        ) {
            for param in &$($mut)? function.params {
                v.visit_pattern_element(param, PatternKind::Binding);
            }
            if let Some(rest) = &$($mut)? function.rest {
                v.visit_pattern(rest, PatternKind::Binding);
            }
        }

        /// A FunctionBody's statements, or a ConciseBody's (or field initializer's)
        /// expression.
        pub fn walk_function_body<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            body: $($ref)* FunctionBody,
        ) {
            match body {
                FunctionBody::Block(stmts) => {
                    for stmt in stmts {
                        v.visit_stmt(stmt);
                    }
                }
                FunctionBody::Expr(expr) => v.visit_expr(expr),
            }
        }

        pub fn walk_class<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            class: $($ref)* Class,
        ) {
            if let Some(id) = &$($mut)? class.id {
                v.visit_binding_identifier(id);
            }
            if let Some(heritage) = &$($mut)? class.super_class {
                v.visit_expr(heritage);
            }
            v.visit_class_body(class);
        }

        pub fn walk_class_body<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            class: $($ref)* Class,
        ) {
            if let Some(constructor) = &$($mut)? class.constructor {
                v.visit_function(constructor);
            }
            for element in &$($mut)? class.elements {
                v.visit_class_element(element);
            }
        }

        pub fn walk_class_element<$($lt,)? V: $Visit $(<$lt>)? + ?Sized>(
            v: &mut V,
            element: $($ref)* ClassElement,
        ) {
            match element {
                ClassElement::Method { key, function, .. } => {
                    v.visit_prop_key(key);
                    v.visit_function(function);
                }
                ClassElement::Field {
                    key, initializer, ..
                } => {
                    v.visit_prop_key(key);
                    if let Some(initializer) = initializer {
                        v.visit_function(initializer);
                    }
                }
                ClassElement::StaticBlock(block) => v.visit_function(block),
            }
        }
    };
}

visitor! {
    /// A walk over a tree through shared references that live as long as the tree (`'a`).
    trait Visit<'a>;
    ref = [&'a];
    mut = [];
    iter = iter;
    function_node = shared_function;
}

/// The same visitor over `&mut` references: [`VisitMut`](visit_mut::VisitMut) and its
/// `walk_*` functions. A function behind a shared `Arc` cannot be mutated and is skipped
/// (with everything in it) by the default `visit_function`.
pub mod visit_mut {
    use super::*;

    visitor! {
        /// A walk over a tree through mutable references.
        trait VisitMut;
        ref = [&mut];
        mut = [mut];
        iter = iter_mut;
        function_node = unique_function;
    }
}

#[cfg(test)]
mod tests;
