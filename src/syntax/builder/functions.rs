//! Functions, arrow functions, methods and classes.

use super::statements::{first, next};
use super::*;
use std::sync::Arc;

/// The parts of a function-like pair before its body.
struct Head<'i> {
    is_async: bool,
    is_generator: bool,
    name: Option<P<'i>>,
    params: Option<P<'i>>,
    body: Option<P<'i>>,
}

fn head<'i>(pair: &P<'i>) -> Head<'i> {
    let mut h = Head {
        is_async: false,
        is_generator: false,
        name: None,
        params: None,
        body: None,
    };
    for part in inner(pair) {
        match part.as_rule() {
            Rule::async_mark => h.is_async = true,
            Rule::star => h.is_generator = true,
            Rule::formal_parameters => h.params = Some(part),
            Rule::function_body => h.body = Some(part),
            _ => h.name = Some(part),
        }
    }
    h
}

impl<'i> Builder<'i> {
    /// function_declaration / function_expression.
    pub fn function(&mut self, pair: &P<'i>, kind: FunctionKind) -> R<Arc<Function>> {
        let span = span_of(pair);
        let h = head(pair);
        let id = match &h.name {
            Some(p) => Some(self.ident_in(p)?),
            None => None,
        };
        self.function_from_parts(span, kind, id, h.is_async, h.is_generator, h.params, h.body)
    }

    #[allow(clippy::too_many_arguments)]
    fn function_from_parts(
        &mut self,
        span: Span,
        kind: FunctionKind,
        id: Option<Ident>,
        is_async: bool,
        is_generator: bool,
        params: Option<P<'i>>,
        body: Option<P<'i>>,
    ) -> R<Arc<Function>> {
        let body_pair = match body {
            Some(b) => b,
            None => return err("function without a body", span),
        };
        let items: Vec<P<'i>> = inner(&body_pair).collect();
        let has_use_strict = self.directives_say_strict(&items);
        let strict = self.strict || has_use_strict;
        self.with_strict(strict, |b| {
            let (params, rest) = match params {
                Some(p) => b.formal_parameters(&p)?,
                None => (Vec::new(), None),
            };
            let simple_params = is_simple(&params, &rest);
            check_use_strict_params(has_use_strict, simple_params, span)?;
            let body = b.statement_list(items)?;
            Ok(Arc::new(Function {
                id,
                is_async,
                is_generator,
                params,
                rest,
                strict,
                has_use_strict,
                simple_params,
                ..function_record(kind, FunctionBody::Block(body), span)
            }))
        })
    }

    pub fn formal_parameters(&mut self, pair: &P<'i>) -> R<(Vec<PatternElement>, Option<Pattern>)> {
        let mut params = Vec::new();
        let mut rest = None;
        for part in inner(pair) {
            match part.as_rule() {
                Rule::rest_element => rest = Some(self.binding_target(first(&part)?)?),
                _ => params.push(self.binding_element(part)?),
            }
        }
        Ok((params, rest))
    }

    /// An arrow function from its already-converted parameters and its tail pair.
    pub fn arrow(
        &mut self,
        span: Span,
        is_async: bool,
        params: Vec<PatternElement>,
        rest: Option<Pattern>,
        tail: P<'i>,
    ) -> R<Expr> {
        let body_pair = first(&tail)?;
        let simple_params = is_simple(&params, &rest);
        let function = if body_pair.as_rule() == Rule::function_body {
            let items: Vec<P<'i>> = inner(&body_pair).collect();
            let has_use_strict = self.directives_say_strict(&items);
            check_use_strict_params(has_use_strict, simple_params, span)?;
            let strict = self.strict || has_use_strict;
            let body = self.with_strict(strict, |b| b.statement_list(items))?;
            Function {
                is_async,
                params,
                rest,
                strict,
                has_use_strict,
                simple_params,
                ..function_record(FunctionKind::Arrow, FunctionBody::Block(body), span)
            }
        } else {
            let body = self.assignment(body_pair)?;
            Function {
                is_async,
                params,
                rest,
                strict: self.strict,
                simple_params,
                ..function_record(
                    FunctionKind::Arrow,
                    FunctionBody::Expr(Box::new(body)),
                    span,
                )
            }
        };
        Ok(Expr {
            span,
            kind: ExprKind::Arrow(Arc::new(function)),
        })
    }

    /// method_definition: returns the key, the kind and the function.
    pub fn method_definition(
        &mut self,
        pair: &P<'i>,
        in_class: bool,
        derived: bool,
    ) -> R<(PropKey, MethodKind, Arc<Function>)> {
        // The source text of a MethodDefinition: `static` belongs to the ClassElement.
        let start = inner(pair)
            .find(|p| p.as_rule() != Rule::static_mark)
            .map_or(span_of(pair), |p| span_of(&p));
        let span = start.to(span_of(pair));
        let mut kind = MethodKind::Method;
        let mut is_async = false;
        let mut is_generator = false;
        let mut key = None;
        let mut params = None;
        let mut body = None;
        for part in inner(pair) {
            match part.as_rule() {
                Rule::static_mark => {}
                Rule::getter_mark => kind = MethodKind::Get,
                Rule::setter_mark => kind = MethodKind::Set,
                Rule::async_mark => is_async = true,
                Rule::star => is_generator = true,
                Rule::formal_parameters => params = Some(part),
                Rule::function_body => body = Some(part),
                _ => key = Some(self.property_key(part)?),
            }
        }
        let key = match key {
            Some(k) => k,
            None => return err("method without a name", span),
        };
        let is_constructor = in_class
            && kind == MethodKind::Method
            && !is_async
            && !is_generator
            && key_is(&key, "constructor");
        let function_kind = match kind {
            MethodKind::Get => FunctionKind::Getter,
            MethodKind::Set => FunctionKind::Setter,
            MethodKind::Method if is_constructor => FunctionKind::ClassConstructor { derived },
            MethodKind::Method => FunctionKind::Method,
        };
        let function = self.function_from_parts(
            span,
            function_kind,
            None,
            is_async,
            is_generator,
            params,
            body,
        )?;
        match kind {
            MethodKind::Get if !function.params.is_empty() || function.rest.is_some() => {
                return err("a getter takes no parameters", span)
            }
            MethodKind::Set if function.params.len() != 1 || function.rest.is_some() => {
                return err("a setter takes exactly one parameter", span)
            }
            _ => {}
        }
        Ok((key, kind, function))
    }

    /// class_declaration / class_expression. All parts of a class are strict mode code.
    pub fn class(&mut self, pair: &P<'i>) -> R<Class> {
        self.with_strict(true, |b| b.class_strict(pair))
    }

    fn class_strict(&mut self, pair: &P<'i>) -> R<Class> {
        let span = span_of(pair);
        let mut id = None;
        let mut super_class = None;
        let mut constructor: Option<Arc<Function>> = None;
        let mut elements = Vec::new();
        let parts: Vec<P<'i>> = inner(pair).collect();
        let derived = parts.iter().any(|p| p.as_rule() == Rule::class_heritage);
        for part in parts {
            let part_span = span_of(&part);
            match part.as_rule() {
                Rule::binding_identifier => id = Some(self.ident_in(&part)?),
                Rule::class_heritage => {
                    super_class = Some(Box::new(self.lhs_expression(first(&part)?)?))
                }
                Rule::empty_class_element => {}
                Rule::class_static_block => {
                    let items: Vec<P<'i>> = inner(&part).collect();
                    let body = self.statement_list(items)?;
                    elements.push(ClassElement::StaticBlock(Arc::new(Function {
                        strict: true,
                        ..function_record(
                            FunctionKind::ClassStaticBlock,
                            FunctionBody::Block(body),
                            part_span,
                        )
                    })));
                }
                Rule::class_member
                    if inner(&part).any(|p| p.as_rule() == Rule::formal_parameters) =>
                {
                    let is_static = inner(&part).any(|p| p.as_rule() == Rule::static_mark);
                    let (key, kind, function) =
                        self.method_definition(&part, !is_static, derived)?;
                    if is_static && key_is(&key, "prototype") {
                        return err(
                            "a class cannot have a static method named prototype",
                            part_span,
                        );
                    }
                    if let PropKey::Private(name) = &key {
                        if name.name == "#constructor" {
                            return err("#constructor is not a valid private name", name.span);
                        }
                    }
                    if matches!(function.kind, FunctionKind::ClassConstructor { .. }) {
                        if constructor.is_some() {
                            return err("a class can have only one constructor", part_span);
                        }
                        constructor = Some(function);
                        continue;
                    }
                    if !is_static && key_is(&key, "constructor") {
                        return err(
                            "a class constructor cannot be a getter, setter, generator or async",
                            part_span,
                        );
                    }
                    elements.push(ClassElement::Method {
                        span: part_span,
                        is_static,
                        key,
                        kind,
                        function,
                    });
                }
                Rule::class_member => {
                    let mut items = inner(&part).peekable();
                    let is_static = items
                        .peek()
                        .is_some_and(|p| p.as_rule() == Rule::static_mark);
                    if is_static {
                        items.next();
                    }
                    let key = self.property_key(next(&mut items, part_span)?)?;
                    if key_is(&key, "constructor") || (is_static && key_is(&key, "prototype")) {
                        return err("invalid class field name", part_span);
                    }
                    if let PropKey::Private(name) = &key {
                        if name.name == "#constructor" {
                            return err("#constructor is not a valid private name", name.span);
                        }
                    }
                    let initializer = match items.next() {
                        Some(init) => {
                            let init_span = span_of(&init);
                            let value = self.assignment(first(&init)?)?;
                            Some(Arc::new(Function {
                                strict: true,
                                ..function_record(
                                    FunctionKind::ClassField,
                                    FunctionBody::Expr(Box::new(value)),
                                    init_span,
                                )
                            }))
                        }
                        None => None,
                    };
                    elements.push(ClassElement::Field {
                        span: part_span,
                        is_static,
                        key,
                        initializer,
                    });
                }
                other => return err(format!("unexpected {other:?}"), part_span),
            }
        }
        check_private_names(&elements)?;
        Ok(Class {
            span,
            id,
            super_class,
            constructor,
            elements,
        })
    }
}

/// A function record with everything but its kind, body and span at the defaults of a
/// plain, sloppy, parameterless function; callers override the rest with `..`.
fn function_record(kind: FunctionKind, body: FunctionBody, span: Span) -> Function {
    Function {
        kind,
        id: None,
        is_async: false,
        is_generator: false,
        params: Vec::new(),
        rest: None,
        body,
        strict: false,
        has_use_strict: false,
        simple_params: true,
        span,
        scope: ScopeInfo::default(),
    }
}

/// FunctionBodyContainsUseStrict with a non-simple parameter list is an early error.
fn check_use_strict_params(has_use_strict: bool, simple_params: bool, span: Span) -> R<()> {
    if has_use_strict && !simple_params {
        return err(
            "\"use strict\" is not allowed in a function with non-simple parameters",
            span,
        );
    }
    Ok(())
}

fn is_simple(params: &[PatternElement], rest: &Option<Pattern>) -> bool {
    rest.is_none()
        && params
            .iter()
            .all(|p| p.init.is_none() && matches!(p.target, Pattern::Ident(_)))
}

/// PropName of a non-computed key equals `name`.
pub(crate) fn key_is(key: &PropKey, name: &str) -> bool {
    match key {
        PropKey::Ident(id) => id.name == name,
        PropKey::String(s, _) => String::from_utf16(s).is_ok_and(|s| s == name),
        _ => false,
    }
}

/// ClassBody early error: PrivateBoundIdentifiers has no duplicates, except one getter and
/// one setter of the same placement.
fn check_private_names(elements: &[ClassElement]) -> R<()> {
    use std::collections::HashMap;
    // name -> (is_static, getter seen, setter seen, other seen)
    let mut seen: HashMap<&str, (bool, bool, bool, bool)> = HashMap::new();
    for element in elements {
        let (key, is_static, kind) = match element {
            ClassElement::Method {
                key,
                is_static,
                kind,
                ..
            } => (key, *is_static, Some(*kind)),
            ClassElement::Field { key, is_static, .. } => (key, *is_static, None),
            ClassElement::StaticBlock(_) => continue,
        };
        let PropKey::Private(name) = key else {
            continue;
        };
        let entry = seen.get(name.name.as_str()).copied();
        let (getter, setter) = match kind {
            Some(MethodKind::Get) => (true, false),
            Some(MethodKind::Set) => (false, true),
            _ => (false, false),
        };
        match entry {
            None => {
                seen.insert(&name.name, (is_static, getter, setter, !getter && !setter));
            }
            Some((prev_static, prev_get, prev_set, prev_other)) => {
                let pair_ok = !prev_other
                    && prev_static == is_static
                    && ((getter && !prev_get && prev_set) || (setter && !prev_set && prev_get));
                if !pair_ok {
                    return err(format!("duplicate private name {}", name.name), name.span);
                }
                seen.insert(&name.name, (is_static, true, true, false));
            }
        }
    }
    Ok(())
}
