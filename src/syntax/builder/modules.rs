//! Import and export declarations.

use super::statements::{first, next};
use super::*;

impl<'i> Builder<'i> {
    pub fn import_declaration(&mut self, pair: &P<'i>) -> R<ImportDecl> {
        let span = span_of(pair);
        let mut decl = ImportDecl {
            phase: ImportPhase::Evaluation,
            default: None,
            namespace: None,
            named: Vec::new(),
            source: ModuleSpecifier {
                span,
                value: Vec::new(),
            },
            attributes: Vec::new(),
        };
        for part in inner(pair) {
            match part.as_rule() {
                Rule::source_phase_import => {
                    decl.phase = ImportPhase::Source;
                    self.require_phase(decl.phase, span)?;
                    let mut items = inner(&part);
                    decl.default = Some(self.ident_in(&next(&mut items, span)?)?);
                    decl.source = self.module_specifier(&next(&mut items, span)?)?;
                }
                Rule::defer_phase_import => {
                    decl.phase = ImportPhase::Defer;
                    self.require_phase(decl.phase, span)?;
                    let mut items = inner(&part);
                    let namespace = next(&mut items, span)?;
                    decl.namespace = Some(self.ident_in(&first(&namespace)?)?);
                    decl.source = self.module_specifier(&next(&mut items, span)?)?;
                }
                Rule::import_clause => {
                    for clause in inner(&part) {
                        match clause.as_rule() {
                            Rule::binding_identifier => {
                                decl.default = Some(self.ident_in(&clause)?)
                            }
                            Rule::namespace_import => {
                                decl.namespace = Some(self.ident_in(&first(&clause)?)?)
                            }
                            Rule::named_imports => {
                                for spec in inner(&clause) {
                                    decl.named.push(self.import_specifier(&spec)?);
                                }
                            }
                            other => return err(format!("unexpected {other:?}"), span_of(&clause)),
                        }
                    }
                }
                Rule::module_specifier => decl.source = self.module_specifier(&part)?,
                Rule::with_clause => decl.attributes = self.with_clause(&part)?,
                other => return err(format!("unexpected {other:?}"), span_of(&part)),
            }
        }
        Ok(decl)
    }

    fn import_specifier(&mut self, pair: &P<'i>) -> R<ImportSpecifier> {
        let span = span_of(pair);
        let parts: Vec<P<'i>> = inner(pair).collect();
        match parts.as_slice() {
            [local] => {
                let local = self.ident_in(local)?;
                Ok(ImportSpecifier {
                    span,
                    imported: ModuleExportName::Ident(local.clone()),
                    local,
                })
            }
            [imported, local] => Ok(ImportSpecifier {
                span,
                imported: self.module_export_name(imported)?,
                local: self.ident_in(local)?,
            }),
            _ => err("malformed import specifier", span),
        }
    }

    fn module_export_name(&mut self, pair: &P<'i>) -> R<ModuleExportName> {
        let part = first(pair)?;
        match part.as_rule() {
            Rule::string_literal => {
                let value = self.string(&part)?;
                if String::from_utf16(&value).is_err() {
                    return err(
                        "a module export name must be a well-formed Unicode string",
                        span_of(&part),
                    );
                }
                Ok(ModuleExportName::String(value, span_of(&part)))
            }
            _ => Ok(ModuleExportName::Ident(self.ident(&part)?)),
        }
    }

    fn module_specifier(&mut self, pair: &P<'i>) -> R<ModuleSpecifier> {
        let literal = first(pair)?;
        Ok(ModuleSpecifier {
            span: span_of(&literal),
            value: self.string(&literal)?,
        })
    }

    fn with_clause(&mut self, pair: &P<'i>) -> R<Vec<ImportAttribute>> {
        let mut out: Vec<ImportAttribute> = Vec::new();
        for attribute in inner(pair) {
            let span = span_of(&attribute);
            let mut items = inner(&attribute);
            let key_pair = next(&mut items, span)?;
            let key = if key_pair.as_rule() == Rule::string_literal {
                self.string(&key_pair)?
            } else {
                self.ident(&key_pair)?.name.encode_utf16().collect()
            };
            let value = self.string(&next(&mut items, span)?)?;
            if out.iter().any(|a| a.key == key) {
                return err("duplicate import attribute key", span);
            }
            out.push(ImportAttribute { span, key, value });
        }
        Ok(out)
    }

    pub fn export_declaration(&mut self, pair: &P<'i>) -> R<ExportDecl> {
        let span = span_of(pair);
        let body = first(pair)?;
        match body.as_rule() {
            Rule::export_all => {
                let mut exported = None;
                let mut source = None;
                let mut attributes = Vec::new();
                for part in inner(&body) {
                    match part.as_rule() {
                        Rule::module_export_name => {
                            exported = Some(self.module_export_name(&part)?)
                        }
                        Rule::module_specifier => source = Some(self.module_specifier(&part)?),
                        Rule::with_clause => attributes = self.with_clause(&part)?,
                        other => return err(format!("unexpected {other:?}"), span_of(&part)),
                    }
                }
                let source = source.ok_or_else(|| SyntaxError::new("missing from clause", span))?;
                Ok(ExportDecl::All {
                    exported,
                    source,
                    attributes,
                })
            }
            Rule::export_named => {
                let mut specifiers = Vec::new();
                let mut source = None;
                let mut attributes = Vec::new();
                for part in inner(&body) {
                    match part.as_rule() {
                        Rule::export_specifier => {
                            let spec_span = span_of(&part);
                            let names: Vec<P<'i>> = inner(&part).collect();
                            let local = match names.first() {
                                Some(p) => self.module_export_name(p)?,
                                None => return err("malformed export specifier", spec_span),
                            };
                            let exported = match names.get(1) {
                                Some(p) => self.module_export_name(p)?,
                                None => local.clone(),
                            };
                            specifiers.push(ExportSpecifier {
                                span: spec_span,
                                local,
                                exported,
                            });
                        }
                        Rule::module_specifier => source = Some(self.module_specifier(&part)?),
                        Rule::with_clause => attributes = self.with_clause(&part)?,
                        other => return err(format!("unexpected {other:?}"), span_of(&part)),
                    }
                }
                if source.is_none() {
                    // ExportDeclaration : export NamedExports ; — local names must be
                    // identifiers (not strings); reserved words are checked later.
                    for spec in &specifiers {
                        if let ModuleExportName::String(_, s) = &spec.local {
                            return err("a string export name needs a from clause", *s);
                        }
                    }
                }
                Ok(ExportDecl::Named {
                    specifiers,
                    source,
                    attributes,
                })
            }
            Rule::export_default => {
                let value = first(&body)?;
                match value.as_rule() {
                    Rule::function_declaration => Ok(ExportDecl::DefaultFunction(
                        self.function(&value, FunctionKind::Normal)?,
                    )),
                    Rule::class_declaration => {
                        Ok(ExportDecl::DefaultClass(Box::new(self.class(&value)?)))
                    }
                    _ => Ok(ExportDecl::DefaultExpr(Box::new(self.assignment(value)?))),
                }
            }
            _ => {
                let stmt = self.statement(body)?;
                Ok(ExportDecl::Declaration(stmt))
            }
        }
    }
}
