//! Expressions: operands, operator precedence, conditional and assignment, arrows.

use super::statements::{first, next};
use super::*;
use std::iter::Peekable;

/// A binary operand: an expression, or the PrivateIdentifier of `#x in obj`.
enum Operand {
    Expr(Expr),
    Private(Ident),
}

#[derive(Clone, Copy)]
enum Op {
    Binary(BinaryOp),
    Logical(LogicalOp),
}

impl Op {
    fn precedence(self) -> u8 {
        match self {
            Op::Logical(LogicalOp::Coalesce) => 1,
            Op::Logical(LogicalOp::Or) => 2,
            Op::Logical(LogicalOp::And) => 3,
            Op::Binary(op) => match op {
                BinaryOp::BitOr => 4,
                BinaryOp::BitXor => 5,
                BinaryOp::BitAnd => 6,
                BinaryOp::Eq | BinaryOp::NotEq | BinaryOp::StrictEq | BinaryOp::StrictNotEq => 7,
                BinaryOp::Lt
                | BinaryOp::Gt
                | BinaryOp::LtEq
                | BinaryOp::GtEq
                | BinaryOp::In
                | BinaryOp::Instanceof => 8,
                BinaryOp::Shl | BinaryOp::Shr | BinaryOp::UShr => 9,
                BinaryOp::Add | BinaryOp::Sub => 10,
                BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod => 11,
                BinaryOp::Exp => 12,
            },
        }
    }
}

fn binary_op(text: &str) -> Option<Op> {
    Some(match text {
        "??" => Op::Logical(LogicalOp::Coalesce),
        "||" => Op::Logical(LogicalOp::Or),
        "&&" => Op::Logical(LogicalOp::And),
        "|" => Op::Binary(BinaryOp::BitOr),
        "^" => Op::Binary(BinaryOp::BitXor),
        "&" => Op::Binary(BinaryOp::BitAnd),
        "==" => Op::Binary(BinaryOp::Eq),
        "!=" => Op::Binary(BinaryOp::NotEq),
        "===" => Op::Binary(BinaryOp::StrictEq),
        "!==" => Op::Binary(BinaryOp::StrictNotEq),
        "<" => Op::Binary(BinaryOp::Lt),
        ">" => Op::Binary(BinaryOp::Gt),
        "<=" => Op::Binary(BinaryOp::LtEq),
        ">=" => Op::Binary(BinaryOp::GtEq),
        "in" => Op::Binary(BinaryOp::In),
        "instanceof" => Op::Binary(BinaryOp::Instanceof),
        "<<" => Op::Binary(BinaryOp::Shl),
        ">>" => Op::Binary(BinaryOp::Shr),
        ">>>" => Op::Binary(BinaryOp::UShr),
        "+" => Op::Binary(BinaryOp::Add),
        "-" => Op::Binary(BinaryOp::Sub),
        "*" => Op::Binary(BinaryOp::Mul),
        "/" => Op::Binary(BinaryOp::Div),
        "%" => Op::Binary(BinaryOp::Mod),
        "**" => Op::Binary(BinaryOp::Exp),
        _ => return None,
    })
}

fn assignment_op(text: &str) -> Option<AssignOp> {
    if text == "=" {
        return Some(AssignOp::Assign);
    }
    let op = binary_op(text.strip_suffix('=')?)?;
    Some(match op {
        Op::Binary(b) => AssignOp::Compound(b),
        Op::Logical(l) => AssignOp::Logical(l),
    })
}

type Items<'i> = Peekable<Pairs<'i, Rule>>;

impl<'i> Builder<'i> {
    /// `expression`: a comma-separated list of AssignmentExpressions.
    pub fn expression(&mut self, pair: P<'i>) -> R<Expr> {
        let span = span_of(&pair);
        if pair.as_rule() != Rule::expression {
            return self.assignment(pair);
        }
        let mut items: Vec<Expr> = Vec::new();
        let mut parts = inner(&pair).peekable();
        while let Some(part) = parts.next() {
            let item = self.assignment(part)?;
            // One expression, not a sequence: itself, without a list (issue 21, parse
            // time; what the general path below returns for it).
            if items.is_empty()
                && parts.peek().is_none()
                && !matches!(item.kind, ExprKind::Sequence(_))
            {
                return Ok(item);
            }
            self.push_sequence_item(&mut items, item);
        }
        if items.len() == 1 {
            return Ok(items.pop().unwrap_or_else(|| unreachable_expr(span)));
        }
        Ok(Expr {
            span,
            kind: ExprKind::Sequence(items),
        })
    }

    /// `assignment_expression`.
    pub fn assignment(&mut self, pair: P<'i>) -> R<Expr> {
        self.nested(span_of(&pair), |b| b.assignment_unguarded(pair))
    }

    fn assignment_unguarded(&mut self, pair: P<'i>) -> R<Expr> {
        // Taken by the outermost AssignmentExpression of a for-head only.
        let in_for_head = std::mem::take(&mut self.for_in_head);
        let span = span_of(&pair);
        let mut items: Items<'i> = inner(&pair).peekable();
        let head = match items.peek() {
            Some(p) => p.clone(),
            None => return err("expected an expression", span),
        };
        match head.as_rule() {
            Rule::yield_expression => {
                items.next();
                return self.yield_expression(head);
            }
            Rule::async_ident_arrow => {
                items.next();
                let mut parts = inner(&head);
                let param = self.ident_in(&next(&mut parts, span)?)?;
                let tail = next(&mut parts, span)?;
                let params = vec![PatternElement {
                    span: param.span,
                    target: Pattern::Ident(param),
                    init: None,
                }];
                return self.arrow(span, true, params, None, tail);
            }
            _ => {}
        }
        // An arrow function: a cover followed by an arrow tail.
        let mut lookahead = items.clone();
        lookahead.next();
        if let Some(tail) = lookahead.peek() {
            if matches!(tail.as_rule(), Rule::arrow_tail | Rule::async_arrow_tail) {
                let tail = tail.clone();
                return self.arrow_from_cover(span, head, tail);
            }
        }
        self.assignment_rest(span, &mut items, in_for_head)
    }

    /// The operand, binary operators, conditional and assignment operator of an
    /// assignment_expression that is not a yield or an arrow.
    fn assignment_rest(&mut self, span: Span, items: &mut Items<'i>, in_for_head: bool) -> R<Expr> {
        let first = self.operand(items)?;
        // Most operands stand alone: no list of operands and operators for them (issue
        // 21, parse time).
        let alone = items
            .peek()
            .is_none_or(|p| p.as_rule() != Rule::binary_operator);
        let mut operands = Vec::new();
        let mut ops: Vec<(Op, Span)> = Vec::new();
        let mut first = Some(first);
        if !alone {
            operands.extend(first.take());
        }
        while let Some(p) = items.peek() {
            if p.as_rule() != Rule::binary_operator {
                break;
            }
            let op_span = span_of(p);
            let text = p.as_str();
            let op = match binary_op(text) {
                Some(op) => op,
                None => return err(format!("unknown operator {text}"), op_span),
            };
            items.next();
            if ops.len() as u32 >= MAX_NESTING {
                return too_deep(op_span);
            }
            let unary = next(items, span)?;
            let mut unary_items: Items<'i> = inner(&unary).peekable();
            operands.push(self.operand(&mut unary_items)?);
            ops.push((op, op_span));
        }
        let mut expr = if ops.is_empty() {
            match first.or_else(|| operands.pop()) {
                Some(Operand::Expr(e)) => e,
                Some(Operand::Private(id)) => {
                    return err("a private name can only be used before `in`", id.span)
                }
                None => return err("expected an expression", span),
            }
        } else {
            combine(operands, ops)?
        };
        if let Some(p) = items.peek() {
            if p.as_rule() == Rule::conditional_tail {
                let tail = p.clone();
                items.next();
                let mut parts = inner(&tail);
                let consequent = self.assignment(next(&mut parts, span)?)?;
                let alternate = self.assignment(next(&mut parts, span)?)?;
                expr = Expr {
                    span: expr.span.to(alternate.span),
                    kind: ExprKind::Conditional {
                        test: Box::new(expr),
                        consequent: Box::new(consequent),
                        alternate: Box::new(alternate),
                    },
                };
            }
        }
        if let Some(p) = items.peek() {
            if p.as_rule() == Rule::assignment_operator {
                let op_pair = p.clone();
                items.next();
                let op = match assignment_op(op_pair.as_str()) {
                    Some(op) => op,
                    None => return err("unknown assignment operator", span_of(&op_pair)),
                };
                let value = self.assignment(next(items, span)?)?;
                if in_for_head {
                    // `for (a in b = c)`: the Expression after `in` is `b = c`.
                    if let Ok((lhs, rest)) = super::statements::split_for_in(expr.clone()) {
                        let target = match op {
                            AssignOp::Assign => self.expr_to_assignment_pattern(rest)?,
                            _ => self.simple_assignment_target(rest)?,
                        };
                        let assign_span = target.span().to(value.span);
                        let assign = Expr {
                            span: assign_span,
                            kind: ExprKind::Assign {
                                op,
                                target,
                                value: Box::new(value),
                            },
                        };
                        return Ok(Expr {
                            span,
                            kind: ExprKind::Binary {
                                op: BinaryOp::In,
                                left: Box::new(lhs),
                                right: Box::new(assign),
                            },
                        });
                    }
                }
                let target = match op {
                    AssignOp::Assign => self.expr_to_assignment_pattern(expr)?,
                    _ => self.simple_assignment_target(expr)?,
                };
                return Ok(Expr {
                    span,
                    kind: ExprKind::Assign {
                        op,
                        target,
                        value: Box::new(value),
                    },
                });
            }
        }
        if let Some(p) = items.peek() {
            return err(format!("unexpected {:?}", p.as_rule()), span_of(p));
        }
        Ok(expr)
    }

    fn yield_expression(&mut self, pair: P<'i>) -> R<Expr> {
        let span = span_of(&pair);
        let mut delegate = false;
        let mut argument = None;
        for part in inner(&pair) {
            match part.as_rule() {
                Rule::star => delegate = true,
                _ => argument = Some(Box::new(self.assignment(part)?)),
            }
        }
        Ok(Expr {
            span,
            kind: ExprKind::Yield { argument, delegate },
        })
    }

    /// One operand: prefix operators, `new`s, a primary expression, suffixes and a postfix
    /// operator, taken from `items`.
    fn operand(&mut self, items: &mut Items<'i>) -> R<Operand> {
        let mut prefixes: Vec<P<'i>> = Vec::new();
        while let Some(p) = items.peek() {
            if p.as_rule() != Rule::prefix_operator {
                break;
            }
            if prefixes.len() as u32 >= MAX_NESTING {
                return too_deep(span_of(p));
            }
            prefixes.push(p.clone());
            items.next();
        }
        let mut expr = match self.call_expression(items)? {
            Operand::Private(id) => {
                if !prefixes.is_empty() {
                    return err("a private name can only be used before `in`", id.span);
                }
                return Ok(Operand::Private(id));
            }
            Operand::Expr(e) => e,
        };
        if let Some(p) = items.peek() {
            if p.as_rule() == Rule::postfix_operator {
                let op = if p.as_str() == "++" {
                    UpdateOp::Increment
                } else {
                    UpdateOp::Decrement
                };
                let end = span_of(p);
                items.next();
                let span = expr.span.to(end);
                let target = self.simple_assignment_target(expr)?;
                expr = Expr {
                    span,
                    kind: ExprKind::Update {
                        op,
                        prefix: false,
                        target,
                    },
                };
            }
        }
        for prefix in prefixes.into_iter().rev() {
            let prefix_span = span_of(&prefix);
            let span = prefix_span.to(expr.span);
            let kind = match prefix.as_str() {
                "++" | "--" => {
                    let op = if prefix.as_str() == "++" {
                        UpdateOp::Increment
                    } else {
                        UpdateOp::Decrement
                    };
                    ExprKind::Update {
                        op,
                        prefix: true,
                        target: self.simple_assignment_target(expr)?,
                    }
                }
                "await" => ExprKind::Await(Box::new(expr)),
                text => {
                    let op = match text {
                        "delete" => UnaryOp::Delete,
                        "void" => UnaryOp::Void,
                        "typeof" => UnaryOp::Typeof,
                        "+" => UnaryOp::Plus,
                        "-" => UnaryOp::Minus,
                        "~" => UnaryOp::BitNot,
                        "!" => UnaryOp::Not,
                        _ => return err(format!("unknown operator {text}"), prefix_span),
                    };
                    if op == UnaryOp::Delete && self.strict {
                        if let ExprKind::Ident(_) = strip_parens(&expr).kind {
                            return err(
                                "delete of an unqualified identifier in strict mode",
                                expr.span,
                            );
                        }
                    }
                    if op == UnaryOp::Delete {
                        if let ExprKind::Member {
                            property: MemberProp::Private(_),
                            ..
                        } = &strip_parens(&expr).kind
                        {
                            return err("private fields cannot be deleted", expr.span);
                        }
                        if let ExprKind::OptionalChain(chain) = &strip_parens(&expr).kind {
                            if let ExprKind::Member {
                                property: MemberProp::Private(_),
                                ..
                            } = &chain.kind
                            {
                                return err("private fields cannot be deleted", expr.span);
                            }
                        }
                    }
                    ExprKind::Unary {
                        op,
                        argument: Box::new(expr),
                    }
                }
            };
            expr = Expr { span, kind };
        }
        Ok(Operand::Expr(expr))
    }

    /// `new`s, a primary expression and its suffixes (a LeftHandSideExpression).
    fn call_expression(&mut self, items: &mut Items<'i>) -> R<Operand> {
        let mut news: Vec<Span> = Vec::new();
        while let Some(p) = items.peek() {
            if p.as_rule() != Rule::new_operator {
                break;
            }
            if news.len() as u32 >= MAX_NESTING {
                return too_deep(span_of(p));
            }
            news.push(span_of(p));
            items.next();
        }
        let primary = match items.next() {
            Some(p) => p,
            None => return err("expected an expression", Span::default()),
        };
        if primary.as_rule() == Rule::private_in_operand {
            let id = self.ident(&first(&primary)?)?;
            if !news.is_empty() {
                return err("a private name can only be used before `in`", id.span);
            }
            return Ok(Operand::Private(id));
        }
        let mut expr = self.primary(primary)?;
        if !news.is_empty()
            && matches!(
                expr.kind,
                ExprKind::SuperCall(_) | ExprKind::ImportCall { .. }
            )
        {
            return err("`new` cannot be applied to this expression", expr.span);
        }
        // Whether a `?.` has been seen: the rest of the chain belongs to it.
        let mut in_chain = false;
        let mut suffixes: u32 = news.len() as u32;
        while let Some(p) = items.peek() {
            let rule = p.as_rule();
            if !matches!(
                rule,
                Rule::member_dot
                    | Rule::member_bracket
                    | Rule::call_arguments
                    | Rule::tagged_template
                    | Rule::optional_suffix
            ) {
                break;
            }
            let suffix = p.clone();
            items.next();
            let suffix_span = span_of(&suffix);
            suffixes += 1;
            if suffixes >= MAX_NESTING {
                return too_deep(suffix_span);
            }
            let start = news.last().copied().unwrap_or(expr.span);
            match rule {
                Rule::call_arguments if !news.is_empty() => {
                    if in_chain {
                        return err(
                            "an optional chain cannot be constructed with `new`",
                            suffix_span,
                        );
                    }
                    let new_span = news.pop().unwrap_or(expr.span);
                    let arguments = self.arguments(first(&suffix)?)?;
                    expr = Expr {
                        span: new_span.to(suffix_span),
                        kind: ExprKind::New {
                            callee: Box::new(expr),
                            arguments,
                        },
                    };
                }
                Rule::call_arguments => {
                    let arguments = self.arguments(first(&suffix)?)?;
                    expr = Expr {
                        span: expr.span.to(suffix_span),
                        kind: ExprKind::Call {
                            callee: Box::new(expr),
                            arguments,
                            optional: false,
                        },
                    };
                }
                Rule::member_dot | Rule::member_bracket => {
                    let property = self.member_property(&suffix)?;
                    let _ = start;
                    expr = Expr {
                        span: expr.span.to(suffix_span),
                        kind: ExprKind::Member {
                            object: Box::new(expr),
                            property,
                            optional: false,
                        },
                    };
                }
                Rule::tagged_template => {
                    if in_chain {
                        return err(
                            "a tagged template cannot be part of an optional chain",
                            suffix_span,
                        );
                    }
                    let quasi = self.template(first(&suffix)?, true)?;
                    expr = Expr {
                        span: expr.span.to(suffix_span),
                        kind: ExprKind::TaggedTemplate {
                            tag: Box::new(expr),
                            quasi: Box::new(quasi),
                        },
                    };
                }
                _ => {
                    // optional_suffix: `?.name`, `?.#name`, `?.[e]`, `?.(args)`.
                    if !news.is_empty() {
                        return err(
                            "an optional chain cannot be constructed with `new`",
                            suffix_span,
                        );
                    }
                    in_chain = true;
                    let part = first(&suffix)?;
                    let span = expr.span.to(suffix_span);
                    expr = match part.as_rule() {
                        Rule::call_arguments => Expr {
                            span,
                            kind: ExprKind::Call {
                                callee: Box::new(expr),
                                arguments: self.arguments(first(&part)?)?,
                                optional: true,
                            },
                        },
                        Rule::member_bracket => Expr {
                            span,
                            kind: ExprKind::Member {
                                object: Box::new(expr),
                                property: self.member_property(&part)?,
                                optional: true,
                            },
                        },
                        Rule::private_name => Expr {
                            span,
                            kind: ExprKind::Member {
                                object: Box::new(expr),
                                property: MemberProp::Private(Box::new(self.ident(&part)?)),
                                optional: true,
                            },
                        },
                        _ => Expr {
                            span,
                            kind: ExprKind::Member {
                                object: Box::new(expr),
                                property: MemberProp::Ident(self.ident(&part)?),
                                optional: true,
                            },
                        },
                    };
                }
            }
        }
        while let Some(new_span) = news.pop() {
            if in_chain {
                return err(
                    "an optional chain cannot be constructed with `new`",
                    new_span,
                );
            }
            expr = Expr {
                span: new_span.to(expr.span),
                kind: ExprKind::New {
                    callee: Box::new(expr),
                    arguments: Vec::new(),
                },
            };
        }
        if in_chain {
            expr = Expr {
                span: expr.span,
                kind: ExprKind::OptionalChain(Box::new(expr)),
            };
        }
        Ok(Operand::Expr(expr))
    }

    /// A LeftHandSideExpression pair (`lhs_expression`).
    pub fn lhs_expression(&mut self, pair: P<'i>) -> R<Expr> {
        let span = span_of(&pair);
        let mut items: Items<'i> = inner(&pair).peekable();
        match self.call_expression(&mut items)? {
            Operand::Expr(e) => Ok(e),
            Operand::Private(_) => err("unexpected private name", span),
        }
    }

    fn member_property(&mut self, pair: &P<'i>) -> R<MemberProp> {
        let part = first(pair)?;
        Ok(match part.as_rule() {
            Rule::identifier => MemberProp::Ident(self.ident(&part)?),
            Rule::private_name => MemberProp::Private(Box::new(self.ident(&part)?)),
            _ => MemberProp::Computed(Box::new(self.expression(part)?)),
        })
    }

    pub fn arguments(&mut self, pair: P<'i>) -> R<Vec<Argument>> {
        let mut out = Vec::new();
        for part in inner(&pair) {
            if part.as_rule() == Rule::spread_element {
                out.push(Argument::Spread(self.assignment(first(&part)?)?));
            } else {
                out.push(Argument::Expr(self.assignment(part)?));
            }
        }
        Ok(out)
    }

    fn primary(&mut self, pair: P<'i>) -> R<Expr> {
        let span = span_of(&pair);
        let kind = match pair.as_rule() {
            Rule::identifier => ExprKind::Ident(self.ident(&pair)?),
            Rule::this_expression => ExprKind::This,
            Rule::null_literal => ExprKind::Null,
            Rule::boolean_literal => ExprKind::Bool(pair.as_str() == "true"),
            Rule::numeric_literal => match self.number(&pair)? {
                literals::NumericValue::Number(n) => ExprKind::Number(n),
                literals::NumericValue::BigInt(digits) => ExprKind::BigInt(digits),
            },
            Rule::string_literal => ExprKind::String(self.string(&pair)?),
            Rule::template_literal => ExprKind::Template(Box::new(self.template(pair, false)?)),
            Rule::regex_literal => {
                let mut parts = inner(&pair);
                let pattern = next(&mut parts, span)?.as_str().to_string();
                let flags_pair = next(&mut parts, span)?;
                let flags = flags_pair.as_str().to_string();
                if flags.contains('\\') {
                    return err("regular expression flags cannot contain escapes", span);
                }
                if let Err(message) = crate::syntax::regexp::validate(&pattern, &flags) {
                    return err(
                        format!("invalid regular expression /{pattern}/{flags}: {message}"),
                        span,
                    );
                }
                ExprKind::RegExp { pattern, flags }
            }
            Rule::array_literal => ExprKind::Array(self.array_literal(&pair)?),
            Rule::object_literal => ExprKind::Object(self.object_literal(&pair)?),
            Rule::function_expression => {
                ExprKind::Function(self.function(&pair, FunctionKind::Normal)?)
            }
            Rule::class_expression => ExprKind::Class(Box::new(self.class(&pair)?)),
            Rule::parenthesized => return self.parenthesized_expression(pair),
            Rule::super_call => ExprKind::SuperCall(self.arguments(first(&pair)?)?),
            Rule::super_member => {
                let part = first(&pair)?;
                ExprKind::SuperMember(match part.as_rule() {
                    Rule::identifier => MemberProp::Ident(self.ident(&part)?),
                    _ => MemberProp::Computed(Box::new(self.expression(part)?)),
                })
            }
            Rule::new_target => ExprKind::NewTarget,
            Rule::import_meta => ExprKind::ImportMeta,
            Rule::import_call => {
                let mut parts = inner(&pair).peekable();
                let mut phase = ImportPhase::Evaluation;
                if let Some(p) = parts.peek() {
                    if p.as_rule() == Rule::import_phase {
                        phase = if p.as_str() == "source" {
                            ImportPhase::Source
                        } else {
                            ImportPhase::Defer
                        };
                        parts.next();
                        self.require_phase(phase, span)?;
                    }
                }
                let specifier = Box::new(self.assignment(next(&mut parts, span)?)?);
                let options = match parts.next() {
                    Some(p) => Some(Box::new(self.assignment(p)?)),
                    None => None,
                };
                if phase != ImportPhase::Evaluation && options.is_some() {
                    return err("import.source() and import.defer() take one argument", span);
                }
                ExprKind::ImportCall {
                    phase,
                    specifier,
                    options,
                }
            }
            Rule::async_call_cover => ExprKind::Call {
                callee: Box::new(Expr {
                    span: Span::new(span.start as usize, span.start as usize + 5),
                    kind: ExprKind::Ident(Ident {
                        name: self.name("async"),
                        span: Span::new(span.start as usize, span.start as usize + 5),
                        escaped: false,
                        place: PlaceCache::for_name("async"),
                    }),
                }),
                arguments: self.arguments(first(&pair)?)?,
                optional: false,
            },
            other => return err(format!("unexpected {other:?}"), span),
        };
        Ok(Expr { span, kind })
    }

    /// Appends one item of a comma list. Without parentheses (normalized_tree), `(a, b), c`
    /// and `a, b, c` are the same list, so a nested sequence is spliced in.
    fn push_sequence_item(&self, items: &mut Vec<Expr>, item: Expr) {
        match item.kind {
            ExprKind::Sequence(nested) if !self.keep_parens => items.extend(nested),
            kind => items.push(Expr {
                span: item.span,
                kind,
            }),
        }
    }

    /// A `parenthesized` cover used as a ParenthesizedExpression.
    fn parenthesized_expression(&mut self, pair: P<'i>) -> R<Expr> {
        let span = span_of(&pair);
        let mut items = Vec::new();
        for part in inner(&pair) {
            match part.as_rule() {
                Rule::rest_element => {
                    return err(
                        "a rest element is only allowed in arrow parameters",
                        span_of(&part),
                    )
                }
                Rule::trailing_comma => {
                    return err("unexpected trailing comma in parentheses", span_of(&part))
                }
                _ => {
                    let item = self.assignment(part)?;
                    self.push_sequence_item(&mut items, item);
                }
            }
        }
        let inner_expr = match items.len() {
            0 => return err("empty parentheses are only allowed before `=>`", span),
            1 => items.pop().unwrap_or_else(|| unreachable_expr(span)),
            _ => {
                let inner_span = items[0].span.to(items[items.len() - 1].span);
                Expr {
                    span: inner_span,
                    kind: ExprKind::Sequence(items),
                }
            }
        };
        if !self.keep_parens {
            return Ok(inner_expr);
        }
        Ok(Expr {
            span,
            kind: ExprKind::Paren(Box::new(inner_expr)),
        })
    }

    pub fn template(&mut self, pair: P<'i>, tagged: bool) -> R<Template> {
        let span = span_of(&pair);
        let mut quasis = Vec::new();
        let mut expressions = Vec::new();
        for part in inner(&pair) {
            if part.as_rule() == Rule::template_chunk {
                let (cooked, raw) = literals::template_values(part.as_str());
                if cooked.is_none() && !tagged {
                    return err(
                        "invalid escape sequence in template literal",
                        span_of(&part),
                    );
                }
                quasis.push(TemplateElement {
                    span: span_of(&part),
                    cooked,
                    raw,
                });
            } else {
                expressions.push(self.expression(part)?);
            }
        }
        Ok(Template {
            span,
            quasis,
            expressions,
        })
    }

    fn array_literal(&mut self, pair: &P<'i>) -> R<Vec<ArrayElement>> {
        let mut out = Vec::new();
        for part in inner(pair) {
            match part.as_rule() {
                Rule::elision => out.push(ArrayElement::Hole),
                Rule::element_comma => {
                    if let Some(ArrayElement::Spread(e)) = out.last() {
                        self.spread_before_comma.push(e.span);
                    }
                }
                _ => out.push(self.array_element(part)?),
            }
        }
        Ok(out)
    }

    fn array_element(&mut self, pair: P<'i>) -> R<ArrayElement> {
        if pair.as_rule() == Rule::spread_element {
            Ok(ArrayElement::Spread(self.assignment(first(&pair)?)?))
        } else {
            Ok(ArrayElement::Expr(self.assignment(pair)?))
        }
    }

    fn object_literal(&mut self, pair: &P<'i>) -> R<Vec<PropDef>> {
        let mut out = Vec::new();
        let mut seen_proto = false;
        for part in inner(pair) {
            let span = span_of(&part);
            let def = match part.as_rule() {
                Rule::spread_element => PropDef::Spread(self.assignment(first(&part)?)?),
                Rule::object_method | Rule::keyed_property
                    if inner(&part).any(|p| p.as_rule() == Rule::formal_parameters) =>
                {
                    let (key, kind, function) = self.method_definition(&part, false, false)?;
                    if let PropKey::Private(id) = &key {
                        return err("private names are only allowed in classes", id.span);
                    }
                    PropDef::Method {
                        key,
                        kind,
                        function,
                    }
                }
                Rule::keyed_property => {
                    let mut parts = inner(&part);
                    let key_pair = next(&mut parts, span)?;
                    let key = self.property_key(key_pair.clone())?;
                    let value = self.assignment(first(&next(&mut parts, span)?)?)?;
                    if is_proto_key(&key_pair, &key) {
                        if seen_proto {
                            // Duplicate __proto__ is an early error, except when the
                            // literal is reinterpreted as a pattern.
                            self.duplicate_proto.push(span);
                        }
                        seen_proto = true;
                        PropDef::Proto { value, span }
                    } else {
                        PropDef::KeyValue { key, value }
                    }
                }
                Rule::cover_initialized_name => {
                    let mut parts = inner(&part);
                    let name = self.ident(&next(&mut parts, span)?)?;
                    let init = self.assignment(next(&mut parts, span)?)?;
                    self.cover_initialized.push(span);
                    PropDef::CoverInitializedName { name, init, span }
                }
                Rule::shorthand_property => PropDef::Shorthand(self.ident(&first(&part)?)?),
                other => return err(format!("unexpected {other:?}"), span),
            };
            out.push(def);
        }
        Ok(out)
    }

    /// A property_name / class_element_name pair as a PropKey.
    pub fn property_key(&mut self, pair: P<'i>) -> R<PropKey> {
        let key = self.property_key_as_written(pair)?;
        if self.keep_parens {
            return Ok(key);
        }
        // normalized_tree: `a`, `'a'` and `1`, `'1'` name the same property.
        Ok(match key {
            PropKey::Ident(id) => PropKey::String(id.name.encode_utf16().collect(), id.span),
            PropKey::Number(n, span) if n.is_infinite() => {
                let name = if n > 0.0 { "Infinity" } else { "-Infinity" };
                PropKey::String(name.encode_utf16().collect(), span)
            }
            PropKey::Number(n, span) if n.fract() == 0.0 && n.abs() < 1e15 => {
                PropKey::String(format!("{}", n as i64).encode_utf16().collect(), span)
            }
            other => other,
        })
    }

    fn property_key_as_written(&mut self, pair: P<'i>) -> R<PropKey> {
        let span = span_of(&pair);
        Ok(match pair.as_rule() {
            Rule::identifier => PropKey::Ident(self.ident(&pair)?),
            Rule::private_name => PropKey::Private(self.ident(&pair)?),
            Rule::string_literal => PropKey::String(self.string(&pair)?, span),
            Rule::numeric_literal => match self.number(&pair)? {
                literals::NumericValue::Number(n) => PropKey::Number(n, span),
                literals::NumericValue::BigInt(d) => PropKey::BigInt(d, span),
            },
            Rule::computed_property_name => {
                PropKey::Computed(Box::new(self.assignment(first(&pair)?)?))
            }
            other => return err(format!("unexpected {other:?}"), span),
        })
    }

    /// An arrow function whose parameters are the cover `head` (an identifier, a
    /// parenthesized cover or an `async(...)` cover).
    fn arrow_from_cover(&mut self, span: Span, head: P<'i>, tail: P<'i>) -> R<Expr> {
        let is_async = tail.as_rule() == Rule::async_arrow_tail;
        let (params, rest) = match head.as_rule() {
            Rule::identifier => {
                let id = self.ident(&head)?;
                (
                    vec![PatternElement {
                        span: id.span,
                        target: Pattern::Ident(id),
                        init: None,
                    }],
                    None,
                )
            }
            Rule::parenthesized | Rule::async_call_cover => {
                let list = if head.as_rule() == Rule::async_call_cover {
                    first(&head)?
                } else {
                    head.clone()
                };
                self.cover_parameters(&list)?
            }
            _ => return err("invalid arrow function parameters", span_of(&head)),
        };
        self.arrow(span, is_async, params, rest, tail)
    }

    /// The items of a parenthesized cover or an `arguments` list as FormalParameters.
    fn cover_parameters(&mut self, list: &P<'i>) -> R<(Vec<PatternElement>, Option<Pattern>)> {
        let mut params = Vec::new();
        let mut rest = None;
        let parts: Vec<P<'i>> = inner(list).collect();
        for (index, part) in parts.iter().enumerate() {
            let part_span = span_of(part);
            if rest.is_some() {
                return err("a rest parameter must be last", part_span);
            }
            match part.as_rule() {
                Rule::trailing_comma => {}
                Rule::rest_element => {
                    let target = self.binding_target(first(part)?)?;
                    if index + 1 != parts.len() {
                        return err("a rest parameter must be last", part_span);
                    }
                    rest = Some(target);
                }
                Rule::spread_element => {
                    if index + 1 != parts.len() {
                        return err("a rest parameter must be last", part_span);
                    }
                    if list
                        .as_str()
                        .trim_end_matches(')')
                        .trim_end()
                        .ends_with(',')
                    {
                        return err("a rest parameter cannot have a trailing comma", part_span);
                    }
                    let expr = self.assignment(first(part)?)?;
                    let element = self.expr_to_binding_element(expr)?;
                    if element.init.is_some() {
                        return err("a rest parameter cannot have a default", part_span);
                    }
                    rest = Some(element.target);
                }
                _ => {
                    let expr = self.assignment(part.clone())?;
                    params.push(self.expr_to_binding_element(expr)?);
                }
            }
        }
        Ok((params, rest))
    }
}

/// `__proto__: v` or `"__proto__": v` (not computed, not a number): the
/// PropertyDefinition that sets the prototype.
fn is_proto_key(key_pair: &P, key: &PropKey) -> bool {
    let written = matches!(key_pair.as_rule(), Rule::identifier | Rule::string_literal);
    written
        && match key {
            PropKey::Ident(id) => id.name == "__proto__",
            PropKey::String(s, _) => String::from_utf16(s).is_ok_and(|s| s == "__proto__"),
            _ => false,
        }
}

pub(crate) fn strip_parens(expr: &Expr) -> &Expr {
    match &expr.kind {
        ExprKind::Paren(inner) => strip_parens(inner),
        _ => expr,
    }
}

fn unreachable_expr(span: Span) -> Expr {
    Expr {
        span,
        kind: ExprKind::Null,
    }
}

/// Operator precedence (shunting-yard) over operands and binary operators.
fn combine(operands: Vec<Operand>, ops: Vec<(Op, Span)>) -> R<Expr> {
    let mut out: Vec<Operand> = Vec::with_capacity(operands.len());
    let mut stack: Vec<(Op, Span)> = Vec::with_capacity(ops.len());
    let mut operands = operands.into_iter();
    if let Some(first) = operands.next() {
        out.push(first);
    }
    for (op, span) in ops {
        while let Some(&(top, _)) = stack.last() {
            let right_assoc = matches!(op, Op::Binary(BinaryOp::Exp));
            if top.precedence() > op.precedence()
                || (top.precedence() == op.precedence() && !right_assoc)
            {
                reduce(&mut out, &mut stack)?;
            } else {
                break;
            }
        }
        stack.push((op, span));
        match operands.next() {
            Some(o) => out.push(o),
            None => return err("expected an operand", span),
        }
    }
    while !stack.is_empty() {
        reduce(&mut out, &mut stack)?;
    }
    match out.pop() {
        Some(Operand::Expr(e)) => Ok(e),
        Some(Operand::Private(id)) => err("a private name can only be used before `in`", id.span),
        None => err("expected an expression", Span::default()),
    }
}

fn reduce(out: &mut Vec<Operand>, stack: &mut Vec<(Op, Span)>) -> R<()> {
    let (op, op_span) = match stack.pop() {
        Some(x) => x,
        None => return Ok(()),
    };
    let right = out.pop();
    let left = out.pop();
    let (left, right) = match (left, right) {
        (Some(l), Some(r)) => (l, r),
        _ => return err("expected an operand", op_span),
    };
    let right = match right {
        Operand::Expr(e) => e,
        Operand::Private(id) => return err("a private name can only be used before `in`", id.span),
    };
    let expr = match (op, left) {
        (Op::Binary(BinaryOp::In), Operand::Private(name)) => Expr {
            span: name.span.to(right.span),
            kind: ExprKind::PrivateIn {
                name: Box::new(name),
                right: Box::new(right),
            },
        },
        (_, Operand::Private(id)) => {
            return err("a private name can only be used before `in`", id.span)
        }
        (Op::Binary(op), Operand::Expr(left)) => {
            if op == BinaryOp::Exp
                && matches!(left.kind, ExprKind::Unary { .. } | ExprKind::Await(_))
            {
                return err(
                    "a unary expression cannot be the left operand of `**`; add parentheses",
                    left.span.to(right.span),
                );
            }
            Expr {
                span: left.span.to(right.span),
                kind: ExprKind::Binary {
                    op,
                    left: Box::new(left),
                    right: Box::new(right),
                },
            }
        }
        (Op::Logical(op), Operand::Expr(left)) => {
            let mixes = |e: &Expr, coalesce: bool| match &e.kind {
                ExprKind::Logical { op: inner, .. } => (*inner == LogicalOp::Coalesce) != coalesce,
                _ => false,
            };
            let coalesce = op == LogicalOp::Coalesce;
            if mixes(&left, coalesce) || mixes(&right, coalesce) {
                return err(
                    "`??` cannot be mixed with `&&` or `||` without parentheses",
                    left.span.to(right.span),
                );
            }
            Expr {
                span: left.span.to(right.span),
                kind: ExprKind::Logical {
                    op,
                    left: Box::new(left),
                    right: Box::new(right),
                },
            }
        }
    };
    out.push(Operand::Expr(expr));
    Ok(())
}
