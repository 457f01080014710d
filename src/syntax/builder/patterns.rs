//! Binding patterns, and the reinterpretation of expressions as assignment patterns
//! (AssignmentPattern cover) and as arrow parameters (ArrowFormalParameters cover).

use super::expressions::strip_parens;
use super::statements::{first, next};
use super::*;

impl<'i> Builder<'i> {
    /// binding_identifier, object_binding_pattern or array_binding_pattern.
    pub fn binding_target(&mut self, pair: P<'i>) -> R<Pattern> {
        self.nested(span_of(&pair), |b| b.binding_target_unguarded(pair))
    }

    fn binding_target_unguarded(&mut self, pair: P<'i>) -> R<Pattern> {
        let span = span_of(&pair);
        match pair.as_rule() {
            Rule::binding_identifier | Rule::identifier => {
                Ok(Pattern::Ident(self.ident_in(&pair)?))
            }
            Rule::object_binding_pattern => {
                let mut properties = Vec::new();
                let mut rest = None;
                for part in inner(&pair) {
                    let part_span = span_of(&part);
                    match part.as_rule() {
                        Rule::binding_rest_property => {
                            rest = Some(Box::new(Pattern::Ident(self.ident_in(&first(&part)?)?)))
                        }
                        Rule::binding_property => {
                            let prop = first(&part)?;
                            if prop.as_rule() == Rule::single_name_binding {
                                let mut items = inner(&prop);
                                let id = self.ident_in(&next(&mut items, part_span)?)?;
                                let init = match items.next() {
                                    Some(p) => Some(Box::new(self.assignment(p)?)),
                                    None => None,
                                };
                                properties.push(ObjectPatternProp {
                                    span: part_span,
                                    key: PropKey::Ident(id.clone()),
                                    value: PatternElement {
                                        span: part_span,
                                        target: Pattern::Ident(id),
                                        init,
                                    },
                                    shorthand: true,
                                });
                            } else {
                                let mut items = inner(&part);
                                let key = self.property_key(next(&mut items, part_span)?)?;
                                let value = self.binding_element(next(&mut items, part_span)?)?;
                                properties.push(ObjectPatternProp {
                                    span: part_span,
                                    key,
                                    value,
                                    shorthand: false,
                                });
                            }
                        }
                        other => return err(format!("unexpected {other:?}"), part_span),
                    }
                }
                Ok(Pattern::Object {
                    span,
                    properties,
                    rest,
                })
            }
            Rule::array_binding_pattern => {
                let mut elements = Vec::new();
                let mut rest = None;
                for part in inner(&pair) {
                    match part.as_rule() {
                        Rule::elision => elements.push(None),
                        Rule::binding_element => elements.push(Some(self.binding_element(part)?)),
                        Rule::rest_element => {
                            rest = Some(Box::new(self.binding_target(first(&part)?)?))
                        }
                        other => return err(format!("unexpected {other:?}"), span_of(&part)),
                    }
                }
                Ok(Pattern::Array {
                    span,
                    elements,
                    rest,
                })
            }
            other => err(format!("unexpected {other:?}"), span),
        }
    }

    pub fn binding_element(&mut self, pair: P<'i>) -> R<PatternElement> {
        let span = span_of(&pair);
        let mut items = inner(&pair);
        let target = self.binding_target(next(&mut items, span)?)?;
        let init = match items.next() {
            Some(p) => Some(Box::new(self.assignment(p)?)),
            None => None,
        };
        Ok(PatternElement { span, target, init })
    }

    /// IsValidSimpleAssignmentTarget / AssignmentTargetType simple: an identifier (not
    /// `eval`/`arguments` in strict code) or a property access, possibly parenthesized.
    pub fn simple_assignment_target(&self, expr: Expr) -> R<Pattern> {
        let inner_expr = strip_parens(&expr);
        match &inner_expr.kind {
            ExprKind::Ident(id) => {
                self.check_assignable_name(id)?;
                // A parenthesized identifier stays an expression: IsIdentifierRef of `(x)`
                // is false, so `(x) = function () {}` does no NamedEvaluation.
                if matches!(expr.kind, ExprKind::Paren(_)) {
                    return Ok(Pattern::Expr(Box::new(expr)));
                }
                Ok(Pattern::Ident(id.clone()))
            }
            ExprKind::Member { .. } | ExprKind::SuperMember(_) => Ok(Pattern::Expr(Box::new(expr))),
            _ => err("invalid assignment target", expr.span),
        }
    }

    fn check_assignable_name(&self, id: &Ident) -> R<()> {
        if self.strict && (id.name == "eval" || id.name == "arguments") {
            return err(
                format!("`{}` cannot be assigned in strict mode code", id.name),
                id.span,
            );
        }
        Ok(())
    }

    /// The left side of `=` or of for-in/of: a simple target or a destructuring
    /// AssignmentPattern reinterpreted from an array or object literal.
    pub fn expr_to_assignment_pattern(&mut self, expr: Expr) -> R<Pattern> {
        let span = expr.span;
        match expr.kind {
            ExprKind::Array(elements) => {
                let mut out = Vec::new();
                let mut rest = None;
                let count = elements.len();
                for (index, element) in elements.into_iter().enumerate() {
                    match element {
                        ArrayElement::Hole => out.push(None),
                        ArrayElement::Expr(e) => out.push(Some(self.expr_to_pattern_element(e)?)),
                        ArrayElement::Spread(e) => {
                            if index + 1 != count || self.spread_before_comma.contains(&e.span) {
                                return err("a rest element must be last", e.span);
                            }
                            if let ExprKind::Assign { .. } = e.kind {
                                return err("a rest element cannot have a default", e.span);
                            }
                            rest = Some(Box::new(self.expr_to_assignment_pattern(e)?));
                        }
                    }
                }
                Ok(Pattern::Array {
                    span,
                    elements: out,
                    rest,
                })
            }
            ExprKind::Object(props) => {
                let mut properties = Vec::new();
                let mut rest = None;
                let count = props.len();
                for (index, prop) in props.into_iter().enumerate() {
                    match prop {
                        PropDef::KeyValue { key, value } => {
                            let value_span = value.span;
                            properties.push(ObjectPatternProp {
                                span: value_span,
                                key,
                                value: self.expr_to_pattern_element(value)?,
                                shorthand: false,
                            });
                        }
                        PropDef::Proto {
                            value,
                            span: prop_span,
                        } => {
                            self.duplicate_proto.retain(|s| *s != prop_span);
                            properties.push(ObjectPatternProp {
                                span: prop_span,
                                key: PropKey::Ident(Ident {
                                    name: self.name("__proto__"),
                                    span: prop_span,
                                    escaped: false,
                                    place: PlaceCache::for_name("__proto__"),
                                }),
                                value: self.expr_to_pattern_element(value)?,
                                shorthand: false,
                            });
                        }
                        PropDef::Shorthand(id) => {
                            self.check_assignable_name(&id)?;
                            properties.push(ObjectPatternProp {
                                span: id.span,
                                key: PropKey::Ident(id.clone()),
                                value: PatternElement {
                                    span: id.span,
                                    target: Pattern::Ident(id),
                                    init: None,
                                },
                                shorthand: true,
                            });
                        }
                        PropDef::CoverInitializedName {
                            name,
                            init,
                            span: prop_span,
                        } => {
                            self.cover_initialized.retain(|s| *s != prop_span);
                            self.check_assignable_name(&name)?;
                            properties.push(ObjectPatternProp {
                                span: prop_span,
                                key: PropKey::Ident(name.clone()),
                                value: PatternElement {
                                    span: prop_span,
                                    target: Pattern::Ident(name),
                                    init: Some(Box::new(init)),
                                },
                                shorthand: true,
                            });
                        }
                        PropDef::Spread(e) => {
                            if index + 1 != count || object_has_trailing_comma(self.source, span) {
                                return err("a rest property must be last", e.span);
                            }
                            match strip_parens(&e).kind {
                                ExprKind::Ident(_)
                                | ExprKind::Member { .. }
                                | ExprKind::SuperMember(_) => {}
                                _ => return err("invalid rest property target", e.span),
                            }
                            rest = Some(Box::new(self.simple_assignment_target(e)?));
                        }
                        PropDef::Method { function, .. } => {
                            return err("a method cannot be an assignment target", function.span)
                        }
                    }
                }
                Ok(Pattern::Object {
                    span,
                    properties,
                    rest,
                })
            }
            kind => self.simple_assignment_target(Expr { span, kind }),
        }
    }

    /// An element of an assignment pattern: `target` or `target = default`.
    fn expr_to_pattern_element(&mut self, expr: Expr) -> R<PatternElement> {
        let span = expr.span;
        if let ExprKind::Assign {
            op: AssignOp::Assign,
            target,
            value,
        } = expr.kind
        {
            return Ok(PatternElement {
                span,
                target,
                init: Some(value),
            });
        }
        Ok(PatternElement {
            span,
            target: self.expr_to_assignment_pattern(expr)?,
            init: None,
        })
    }

    /// An arrow parameter from the cover: like an assignment pattern element, but only
    /// BindingIdentifiers may be targets (no property accesses, no parentheses).
    pub fn expr_to_binding_element(&mut self, expr: Expr) -> R<PatternElement> {
        if let ExprKind::Paren(_) = expr.kind {
            return err("invalid arrow function parameter", expr.span);
        }
        let element = self.expr_to_pattern_element(expr)?;
        check_binding_pattern(&element.target)?;
        Ok(element)
    }
}

/// A pattern reinterpreted from an expression is a binding pattern only if every target
/// is an identifier.
fn check_binding_pattern(pattern: &Pattern) -> R<()> {
    match pattern {
        Pattern::Ident(_) => Ok(()),
        Pattern::Expr(e) => err("invalid binding target", e.span),
        Pattern::Array { elements, rest, .. } => {
            for element in elements.iter().flatten() {
                check_binding_pattern(&element.target)?;
            }
            if let Some(rest) = rest {
                check_binding_pattern(rest)?;
            }
            Ok(())
        }
        Pattern::Object {
            properties, rest, ..
        } => {
            for prop in properties {
                check_binding_pattern(&prop.value.target)?;
            }
            if let Some(rest) = rest {
                check_binding_pattern(rest)?;
            }
            Ok(())
        }
    }
}

/// Whether the object literal at `span` ends with `,` before its `}`.
fn object_has_trailing_comma(source: &str, span: Span) -> bool {
    let text = &source[span.start as usize..span.end as usize];
    text.trim_end_matches('}').trim_end().ends_with(',')
}
