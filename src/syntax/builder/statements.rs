//! Statements and declarations.

use super::*;

impl<'i> Builder<'i> {
    pub fn statement_list(&mut self, items: Vec<P<'i>>) -> R<Vec<Stmt>> {
        let mut body = Vec::with_capacity(items.len());
        self.statement_list_into(items, true, &mut body)?;
        Ok(body)
    }

    /// The statements of `items` appended to `body`; `in_prologue` when they begin a
    /// statement list (its directive prologue).
    pub fn statement_list_into(
        &mut self,
        items: impl IntoIterator<Item = P<'i>>,
        in_prologue: bool,
        body: &mut Vec<Stmt>,
    ) -> R<()> {
        let mut in_prologue = in_prologue;
        for item in items {
            let directive = if in_prologue {
                let text = directive_text(&item);
                in_prologue = text.is_some();
                text.map(|text| Box::new(text.to_string()))
            } else {
                None
            };
            let mut stmt = self.statement(item)?;
            if let (Some(text), StmtKind::Expr { directive, .. }) = (directive, &mut stmt.kind) {
                *directive = Some(text);
            }
            body.push(stmt);
        }
        Ok(())
    }

    pub fn statement(&mut self, pair: P<'i>) -> R<Stmt> {
        self.nested(span_of(&pair), |b| b.statement_unguarded(pair))
    }

    fn statement_unguarded(&mut self, pair: P<'i>) -> R<Stmt> {
        let span = span_of(&pair);
        let kind = match pair.as_rule() {
            Rule::block_statement => StmtKind::Block(self.block(first(&pair)?)?),
            Rule::variable_statement => StmtKind::Var(self.var_decl(&pair)?),
            Rule::lexical_declaration => StmtKind::Var(self.var_decl(&pair)?),
            Rule::empty_statement => StmtKind::Empty,
            Rule::debugger_statement => StmtKind::Debugger,
            Rule::expression_statement => StmtKind::Expr {
                expr: self.expression(first(&pair)?)?,
                directive: None,
            },
            Rule::if_statement => {
                let mut parts = inner(&pair);
                let test = self.expression(next(&mut parts, span)?)?;
                let consequent = self.statement(next(&mut parts, span)?)?;
                let alternate = match parts.next() {
                    Some(p) => Some(Box::new(self.statement(p)?)),
                    None => None,
                };
                StmtKind::If {
                    test: Box::new(test),
                    consequent: Box::new(consequent),
                    alternate,
                }
            }
            Rule::while_statement => {
                let mut parts = inner(&pair);
                let test = self.expression(next(&mut parts, span)?)?;
                let body = self.statement(next(&mut parts, span)?)?;
                StmtKind::While {
                    test: Box::new(test),
                    body: Box::new(body),
                }
            }
            Rule::do_while_statement => {
                let mut parts = inner(&pair);
                let body = self.statement(next(&mut parts, span)?)?;
                let test = self.expression(next(&mut parts, span)?)?;
                StmtKind::DoWhile {
                    body: Box::new(body),
                    test: Box::new(test),
                }
            }
            Rule::for_statement => self.for_statement(&pair)?,
            Rule::continue_statement => StmtKind::Continue(self.optional_label(&pair)?),
            Rule::break_statement => StmtKind::Break(self.optional_label(&pair)?),
            Rule::return_statement => StmtKind::Return(match inner(&pair).next() {
                Some(p) => Some(Box::new(self.expression(p)?)),
                None => None,
            }),
            Rule::throw_statement => StmtKind::Throw(Box::new(self.expression(first(&pair)?)?)),
            Rule::with_statement => {
                let mut parts = inner(&pair);
                let object = self.expression(next(&mut parts, span)?)?;
                let body = self.statement(next(&mut parts, span)?)?;
                StmtKind::With {
                    object: Box::new(object),
                    body: Box::new(body),
                }
            }
            Rule::switch_statement => {
                let mut parts = inner(&pair);
                let discriminant = self.expression(next(&mut parts, span)?)?;
                let mut cases = Vec::new();
                for case in parts {
                    cases.push(self.switch_case(case)?);
                }
                StmtKind::Switch {
                    discriminant: Box::new(discriminant),
                    cases,
                }
            }
            Rule::labelled_statement => {
                let mut parts = inner(&pair);
                let label = self.ident(&next(&mut parts, span)?)?;
                let body = self.statement(next(&mut parts, span)?)?;
                StmtKind::Labeled {
                    label: Box::new(label),
                    body: Box::new(body),
                }
            }
            Rule::try_statement => self.try_statement(&pair)?,
            Rule::function_declaration => {
                let function = self.function(&pair, FunctionKind::Normal)?;
                if function.id.is_none() {
                    return err("a function declaration needs a name", span);
                }
                StmtKind::Function(function)
            }
            Rule::class_declaration => {
                let class = self.class(&pair)?;
                if class.id.is_none() {
                    return err("a class declaration needs a name", span);
                }
                StmtKind::Class(Box::new(class))
            }
            Rule::import_declaration => StmtKind::Import(Box::new(self.import_declaration(&pair)?)),
            Rule::export_declaration => StmtKind::Export(Box::new(self.export_declaration(&pair)?)),
            other => return err(format!("unexpected {other:?}"), span),
        };
        Ok(Stmt { span, kind })
    }

    pub fn block(&mut self, pair: P<'i>) -> R<Block> {
        let span = span_of(&pair);
        let body = self.statement_list(inner(&pair).collect())?;
        let scoped = body.iter().any(is_lexical_declaration);
        let lexical_bindings = if scoped {
            crate::syntax::static_semantics::names::lexical_binding_names(&body)
        } else {
            None
        };
        Ok(Block {
            span,
            body,
            scoped,
            lexical_bindings,
        })
    }

    fn optional_label(&self, pair: &P<'i>) -> R<Option<Box<Ident>>> {
        match inner(pair).next() {
            Some(label) => Ok(Some(Box::new(self.ident_in(&label)?))),
            None => Ok(None),
        }
    }

    /// variable_statement, lexical_declaration, or the declaration part of a for head:
    /// a kind marker followed by variable_declaration pairs.
    pub fn var_decl(&mut self, pair: &P<'i>) -> R<VarDecl> {
        let span = span_of(pair);
        let mut kind = VarKind::Var;
        let mut declarations = Vec::new();
        for part in inner(pair) {
            match part.as_rule() {
                Rule::var_kind => kind = VarKind::Var,
                Rule::let_kind => kind = VarKind::Let,
                Rule::const_kind => kind = VarKind::Const,
                Rule::using_kind => kind = VarKind::Using,
                Rule::await_using_kind => kind = VarKind::AwaitUsing,
                Rule::variable_declaration => declarations.push(self.variable_declaration(part)?),
                other => return err(format!("unexpected {other:?}"), span_of(&part)),
            }
        }
        Ok(VarDecl {
            kind,
            declarations,
            span,
        })
    }

    fn variable_declaration(&mut self, pair: P<'i>) -> R<VarDeclarator> {
        let span = span_of(&pair);
        let mut parts = inner(&pair);
        let target = self.binding_target(next(&mut parts, span)?)?;
        let init = match parts.next() {
            Some(p) => Some(Box::new(self.assignment(p)?)),
            None => None,
        };
        Ok(VarDeclarator { target, init, span })
    }

    fn for_statement(&mut self, pair: &P<'i>) -> R<StmtKind> {
        let span = span_of(pair);
        let mut parts = inner(pair).peekable();
        let is_await = parts.peek().is_some_and(|p| p.as_rule() == Rule::for_await);
        if is_await {
            parts.next();
        }
        let head = next(&mut parts, span)?;
        let body = Box::new(self.statement(next(&mut parts, span)?)?);
        let head_span = span_of(&head);
        let items: Vec<P<'i>> = match head.as_rule() {
            Rule::for_classic_rest => vec![head.clone()],
            _ => inner(&head).collect(),
        };
        // The last items say which form this is: `for_classic_rest`, `for_in`/`for_of` and
        // the right side, or (for an expression head) nothing: a for-in inside the expression.
        let classic = items
            .last()
            .filter(|p| p.as_rule() == Rule::for_classic_rest)
            .cloned();
        if let Some(rest) = classic {
            if is_await {
                return err("for await requires an of-clause", span);
            }
            let init = match head.as_rule() {
                Rule::for_declaration_head => Some(self.for_declaration_init(&items)?),
                Rule::for_expression_head => {
                    let expr = self.expression(items[0].clone())?;
                    check_no_in(&expr)?;
                    if starts_with_let_bracket(self.source, &expr) {
                        return err(
                            "a for-statement initializer cannot start with `let [`",
                            expr.span,
                        );
                    }
                    Some(ForInit::Expr(Box::new(expr)))
                }
                _ => None,
            };
            let mut test = None;
            let mut update = None;
            for part in inner(&rest) {
                match part.as_rule() {
                    Rule::for_test => test = Some(Box::new(self.expression(first(&part)?)?)),
                    Rule::for_update => update = Some(Box::new(self.expression(first(&part)?)?)),
                    other => return err(format!("unexpected {other:?}"), span_of(&part)),
                }
            }
            return Ok(StmtKind::For {
                init: init.map(Box::new),
                test,
                update,
                body,
                closures: true,
                captures: true,
            });
        }
        let n = items.len();
        if head.as_rule() == Rule::for_expression_head && n == 1 {
            // `for (lhs in rhs)`, parsed as one expression.
            if is_await {
                return err("for await requires an of-clause", span);
            }
            self.for_in_head = true;
            let expr = self.expression(items[0].clone());
            self.for_in_head = false;
            let (lhs, rhs) = split_for_in(expr?).map_err(|e| {
                SyntaxError::new(
                    "expected `in`, `of` or `;` in the for-statement head",
                    e.span,
                )
            })?;
            let target = self.for_in_of_target(lhs, false, is_await)?;
            return Ok(StmtKind::ForIn {
                left: Box::new(ForHead::Pattern(Box::new(target))),
                right: Box::new(rhs),
                body,
            });
        }
        if n < 3 || !matches!(items[n - 2].as_rule(), Rule::for_in | Rule::for_of) {
            return err("malformed for-statement head", head_span);
        }
        let is_of = items[n - 2].as_rule() == Rule::for_of;
        if is_await && !is_of {
            return err("for await requires an of-clause", span);
        }
        let left = if head.as_rule() == Rule::for_declaration_head {
            self.for_declaration_binding(&items)?
        } else {
            let lhs = self.expression(items[0].clone())?;
            ForHead::Pattern(Box::new(self.for_in_of_target(lhs, is_of, is_await)?))
        };
        let right_pair = items[n - 1].clone();
        if is_of {
            let right = self.assignment(right_pair)?;
            Ok(StmtKind::ForOf {
                left: Box::new(left),
                right: Box::new(right),
                body,
                is_await,
            })
        } else {
            let right = self.expression(right_pair)?;
            Ok(StmtKind::ForIn {
                left: Box::new(left),
                right: Box::new(right),
                body,
            })
        }
    }

    /// The left side of for-in/of written as an expression: a LeftHandSideExpression
    /// reinterpreted as an assignment target, with the lookahead restrictions
    /// `[lookahead ≠ let []` (for-in) and `[lookahead ∉ { let, async of }]` (for-of).
    fn for_in_of_target(&mut self, lhs: Expr, is_of: bool, is_await: bool) -> R<Pattern> {
        if is_of {
            if starts_with_token(self.source, &lhs, "let") {
                return err("the left side of for-of cannot start with `let`", lhs.span);
            }
            if let ExprKind::Ident(id) = &lhs.kind {
                if !id.escaped && id.name == "async" && !is_await {
                    return err("the left side of for-of cannot be `async`", lhs.span);
                }
            }
        } else if starts_with_let_bracket(self.source, &lhs) {
            return err("for-in left side cannot start with `let [`", lhs.span);
        }
        self.expr_to_assignment_pattern(lhs)
    }

    /// The ForDeclaration / ForBinding of `for (var|let|const|using x of/in ...)`.
    fn for_declaration_binding(&mut self, items: &[P<'i>]) -> R<ForHead> {
        let (kind_pair, target_pair) = match items {
            [kind, target, ..] => (kind, target),
            _ => return err("malformed for declaration", Span::default()),
        };
        let target = self.binding_target(target_pair.clone())?;
        let target_span = target.span();
        Ok(ForHead::Var(VarDecl {
            kind: var_kind(kind_pair),
            declarations: vec![VarDeclarator {
                target,
                init: None,
                span: target_span,
            }],
            span: span_of(kind_pair).to(target_span),
        }))
    }

    /// The declaration of a classic for head: kind, first binding, its initializer and
    /// further declarators (each initializer under the [~In] restriction).
    fn for_declaration_init(&mut self, items: &[P<'i>]) -> R<ForInit> {
        let (kind_pair, target_pair) = match items {
            [kind, target, ..] => (kind, target),
            _ => return err("malformed for declaration", Span::default()),
        };
        let target = self.binding_target(target_pair.clone())?;
        let mut first_span = target.span();
        let mut first_init = None;
        let mut declarations = Vec::new();
        for part in &items[2..] {
            match part.as_rule() {
                Rule::first_declarator_init => {
                    let init = self.assignment(first(part)?)?;
                    first_span = first_span.to(init.span);
                    first_init = Some(Box::new(init));
                }
                Rule::variable_declaration => {
                    declarations.push(self.variable_declaration(part.clone())?)
                }
                _ => {}
            }
        }
        declarations.insert(
            0,
            VarDeclarator {
                target,
                init: first_init,
                span: first_span,
            },
        );
        let end = declarations.last().map_or(first_span, |d| d.span);
        let decl = VarDecl {
            kind: var_kind(kind_pair),
            span: span_of(kind_pair).to(end),
            declarations,
        };
        for d in &decl.declarations {
            if let Some(init) = &d.init {
                check_no_in(init)?;
            }
        }
        Ok(ForInit::Var(decl))
    }

    fn switch_case(&mut self, pair: P<'i>) -> R<SwitchCase> {
        let span = span_of(&pair);
        let mut parts = inner(&pair).peekable();
        let head = next(&mut parts, span)?;
        let test = if head.as_rule() == Rule::switch_default {
            None
        } else {
            Some(Box::new(self.expression(head)?))
        };
        let body = self.statement_list(parts.collect())?;
        Ok(SwitchCase { span, test, body })
    }

    fn try_statement(&mut self, pair: &P<'i>) -> R<StmtKind> {
        let span = span_of(pair);
        let mut parts = inner(pair);
        let block = self.block(next(&mut parts, span)?)?;
        let mut handler = None;
        let mut finalizer = None;
        for part in parts {
            match part.as_rule() {
                Rule::catch_clause => {
                    let catch_span = span_of(&part);
                    let mut items: Vec<P> = inner(&part).collect();
                    let body_pair = items.pop().ok_or_else(|| {
                        SyntaxError::new("catch clause without a block", catch_span)
                    })?;
                    let param = match items.pop() {
                        Some(p) => Some(self.binding_target(p)?),
                        None => None,
                    };
                    let body = self.block(body_pair)?;
                    handler = Some(CatchClause {
                        span: catch_span,
                        param,
                        body,
                    });
                }
                Rule::finally_clause => finalizer = Some(self.block(first(&part)?)?),
                other => return err(format!("unexpected {other:?}"), span_of(&part)),
            }
        }
        Ok(StmtKind::Try {
            block: Box::new(block),
            handler: handler.map(Box::new),
            finalizer: finalizer.map(Box::new),
        })
    }
}

pub(crate) fn first<'i>(pair: &P<'i>) -> R<P<'i>> {
    inner(pair)
        .next()
        .ok_or_else(|| SyntaxError::new("unexpected empty construct", span_of(pair)))
}

pub(crate) fn next<'i>(parts: &mut impl Iterator<Item = P<'i>>, span: Span) -> R<P<'i>> {
    parts
        .next()
        .ok_or_else(|| SyntaxError::new("unexpected end of construct", span))
}

/// The kind of a declaration from its marker pair.
fn var_kind(pair: &P) -> VarKind {
    match pair.as_rule() {
        Rule::let_kind => VarKind::Let,
        Rule::const_kind => VarKind::Const,
        Rule::using_kind => VarKind::Using,
        Rule::await_using_kind => VarKind::AwaitUsing,
        _ => VarKind::Var,
    }
}

/// Splits `lhs in rhs` read as one expression: the first `in` on the left spine (through
/// the left operands of binary and logical operators, the test of `?:` and the first item
/// of a comma list, never into parentheses) separates the LeftHandSideExpression from the
/// Expression, which is the rest of the tree with that `in` replaced by its right operand.
/// `Err` gives the expression back unchanged when there is no such `in`.
pub(crate) fn split_for_in(expr: Expr) -> Result<(Expr, Expr), Expr> {
    let Expr { span, kind } = expr;
    // Rebuilds a node around its (possibly split) leftmost child.
    let node = |kind: ExprKind, start: Span| Expr {
        span: start.to(span),
        kind,
    };
    match kind {
        ExprKind::Binary {
            op: BinaryOp::In,
            left,
            right,
        } => match split_for_in(*left) {
            Ok((lhs, rest)) => {
                let start = rest.span;
                let kind = ExprKind::Binary {
                    op: BinaryOp::In,
                    left: Box::new(rest),
                    right,
                };
                Ok((lhs, node(kind, start)))
            }
            Err(left) => Ok((left, *right)),
        },
        ExprKind::Binary { op, left, right } => {
            split_leftmost(*left, span, |left| ExprKind::Binary { op, left, right })
        }
        ExprKind::Logical { op, left, right } => {
            split_leftmost(*left, span, |left| ExprKind::Logical { op, left, right })
        }
        ExprKind::Conditional {
            test,
            consequent,
            alternate,
        } => split_leftmost(*test, span, |test| ExprKind::Conditional {
            test,
            consequent,
            alternate,
        }),
        ExprKind::Sequence(mut items) if !items.is_empty() => {
            let first = items.remove(0);
            split_leftmost(first, span, |first| {
                items.insert(0, *first);
                ExprKind::Sequence(items)
            })
        }
        kind => Err(Expr { span, kind }),
    }
}

/// [`split_for_in`] through a node whose leftmost child is `child`; `rebuild` puts the node
/// back together around a child (split or not), keeping the node's end.
fn split_leftmost(
    child: Expr,
    span: Span,
    rebuild: impl FnOnce(Box<Expr>) -> ExprKind,
) -> Result<(Expr, Expr), Expr> {
    match split_for_in(child) {
        Ok((lhs, rest)) => {
            let start = rest.span;
            let kind = rebuild(Box::new(rest));
            Ok((
                lhs,
                Expr {
                    span: start.to(span),
                    kind,
                },
            ))
        }
        Err(child) => Err(Expr {
            span,
            kind: rebuild(Box::new(child)),
        }),
    }
}

/// Whether an expression's source text begins with the keyword-like token `word`.
fn starts_with_token(source: &str, expr: &Expr, word: &str) -> bool {
    let text = &source[expr.span.start as usize..expr.span.end as usize];
    match text.strip_prefix(word) {
        Some(rest) => !rest
            .chars()
            .next()
            .is_some_and(|c| literals::is_identifier_part(c) || c == '\\'),
        None => false,
    }
}

/// Whether an expression's source text begins with the tokens `let [`
/// (an ExpressionStatement or for-initializer lookahead restriction).
fn starts_with_let_bracket(source: &str, expr: &Expr) -> bool {
    let text = &source[expr.span.start as usize..expr.span.end as usize];
    if let Some(rest) = text.strip_prefix("let") {
        return rest.trim_start().starts_with('[');
    }
    false
}

/// The [~In] restriction of a for-statement initializer: no `in` operator outside
/// parentheses, brackets, braces or nested functions' bodies (other than arrow concise
/// bodies, which inherit [?In]).
fn check_no_in(expr: &Expr) -> R<()> {
    match &expr.kind {
        ExprKind::Binary {
            op: BinaryOp::In,
            left,
            ..
        } => err(
            "`in` is not allowed in a for-statement initializer",
            left.span.to(expr.span),
        ),
        ExprKind::PrivateIn { .. } => err(
            "`in` is not allowed in a for-statement initializer",
            expr.span,
        ),
        ExprKind::Binary { left, right, .. } | ExprKind::Logical { left, right, .. } => {
            check_no_in(left)?;
            check_no_in(right)
        }
        ExprKind::Conditional {
            test, alternate, ..
        } => {
            check_no_in(test)?;
            check_no_in(alternate)
        }
        ExprKind::Assign { value, target, .. } => {
            if let Pattern::Expr(e) = target {
                check_no_in(e)?;
            }
            check_no_in(value)
        }
        ExprKind::Sequence(items) => items.iter().try_for_each(check_no_in),
        ExprKind::Unary { argument, .. } | ExprKind::Await(argument) => check_no_in(argument),
        ExprKind::Yield {
            argument: Some(argument),
            ..
        } => check_no_in(argument),
        ExprKind::Arrow(f) => match &f.body {
            FunctionBody::Expr(body) => check_no_in(body),
            FunctionBody::Block(_) => Ok(()),
        },
        _ => Ok(()),
    }
}
