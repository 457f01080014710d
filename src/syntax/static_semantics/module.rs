//! Module Semantics: the static semantics of a Module that ParseModule stores in its Source
//! Text Module Record (ECMA-262 16.2.1 Module Semantics, 16.2.2 Imports, 16.2.3 Exports),
//! with the source phase imports proposal (`import source x from`, phase ~source~) and the
//! import defer proposal (`import defer * as ns from`, phase ~defer~).
//!
//! [`module_info`] applies the module-level early errors, then computes ParseModule's
//! steps 3 to 11 (ModuleRequests, ImportEntries, the split of ExportEntries into local,
//! indirect and star entries, HasTLA) plus two facts the Compartments layers need
//! (`import.meta` and dynamic `import()` use).
//!
//! Representation choices:
//! - An ImportEntry's or ExportEntry's [[ModuleRequest]] is an index into
//!   [`ModuleInfo::requests`] (the module's [[RequestedModules]]): the position of the
//!   record that ModuleRequests kept for the declaration, i.e. the one that is
//!   ModuleRequestsEqual to it and has the same [[Phase]].
//! - [[Attributes]] are kept sorted by key (WithClauseToAttributes step 2), so two equal
//!   attribute sets are equal vectors; [`module_requests_equal`] still compares them as
//!   sets, as the spec does.

use std::collections::HashSet;
use std::sync::Arc;

use super::names::{
    declaration_bound_names, import_declaration_bound_names, statement_var_declared_names,
    var_decl_bound_names,
};
use crate::syntax::ast::*;
use crate::syntax::diagnostics::SyntaxError;
use crate::syntax::visit::{
    walk_expr, walk_function, walk_pattern, walk_stmt, walk_var_decl, PatternKind, Visit,
};

/// The LocalName of an anonymous `export default` declaration or expression.
pub const DEFAULT_LOCAL_NAME: &str = "*default*";

/// ParseModule (16.2.1.7.1, `sec-parsemodule`) steps 3 to 11 for an already parsed
/// Module, after the module early errors (16.2.1.1 and 16.2.3.1) it is responsible for.
pub fn module_info(program: &Program) -> Result<ModuleInfo, SyntaxError> {
    let body = &program.body;
    module_early_errors(body)?;

    // 3. Let requestedModules be the ModuleRequests of body.
    let mut requests = module_requests(body);
    // 4. Let importEntries be the ImportEntries of body.
    let import_entries = import_entries(body, &mut requests);
    // 5. Let importedBoundNames be ImportedLocalNames(importEntries).
    //    (ImportedLocalNames, 16.2.1.2, is the list of the entries' [[LocalName]]s; step
    //    10.a looks the name up in importEntries directly.)
    // 6. Let indirectExportEntries be a new empty List.
    let mut indirect_export_entries = Vec::new();
    // 7. Let localExportEntries be a new empty List.
    let mut local_export_entries = Vec::new();
    // 8. Let starExportEntries be a new empty List.
    let mut star_export_entries = Vec::new();
    // 9. Let exportEntries be the ExportEntries of body.
    let export_entries = export_entries(body, &mut requests);
    // 10. For each ExportEntry Record ee of exportEntries, do
    for ee in export_entries {
        // a. If ee.[[ModuleRequest]] is null, then
        if ee.module_request.is_none() {
            // i. If importedBoundNames does not contain ee.[[LocalName]], then
            //    (and ii.1: let ie be the element of importEntries whose [[LocalName]]
            //    is ee.[[LocalName]])
            let ie = import_entries
                .iter()
                .find(|ie| ee.local_name.as_deref() == Some(ie.local_name.as_str()));
            match ie {
                // 1. Append ee to localExportEntries.
                None => local_export_entries.push(ee),
                // ii. Else,
                Some(ie) => {
                    // 1. NOTE: an imported binding or namespace that is exported again is
                    //    rewritten as if it were re-exported from the original module.
                    let import_name = match &ie.import_name {
                        // 2. If ie.[[ImportName]] is namespace-object, then
                        //    a. NOTE: This is a re-export of an imported module namespace
                        //       object.
                        //    b. Append { [[ImportName]]: all, ... }.
                        ImportName::NamespaceObject => ExportImportName::All,
                        // 3. Else if ie.[[ImportName]] is source, then (source-phase-imports)
                        //    a. NOTE: This is a re-export of an imported module source object.
                        //    b. Append { [[ImportName]]: source, ... }.
                        ImportName::Source => ExportImportName::Source,
                        // 4. Else,
                        //    a. NOTE: This is a re-export of a single name.
                        //    b. Append { [[ImportName]]: ie.[[ImportName]], ... }.
                        ImportName::Name(name) => ExportImportName::Name(name.clone()),
                    };
                    indirect_export_entries.push(ExportEntry {
                        export_name: ee.export_name,
                        module_request: Some(ie.module_request),
                        import_name: Some(import_name),
                        local_name: None,
                        span: ee.span,
                    });
                }
            }
        // b. Else if ee.[[ImportName]] is all-but-default, then
        } else if ee.import_name == Some(ExportImportName::AllButDefault) {
            // i. Assert: ee.[[ExportName]] is null.
            debug_assert!(ee.export_name.is_none());
            // ii. Append ee to starExportEntries.
            star_export_entries.push(ee);
        // c. Else,
        } else {
            // i. Append ee to indirectExportEntries.
            indirect_export_entries.push(ee);
        }
    }
    // 11. Let async be body Contains await.
    let mut scan = Scan {
        has_top_level_await: false,
        uses_import_meta: false,
        uses_dynamic_import: false,
        top: true,
    };
    scan.visit_program(program);

    Ok(ModuleInfo {
        requests,
        import_entries,
        local_export_entries,
        indirect_export_entries,
        star_export_entries,
        has_top_level_await: scan.has_top_level_await,
        uses_import_meta: scan.uses_import_meta,
        uses_dynamic_import: scan.uses_dynamic_import,
    })
}

// ---------------------------------------------------------------------------------------
// ModuleRequest Records
// ---------------------------------------------------------------------------------------

/// ModuleRequestsEqual ( x, y ) (16.2.1.3.1, `sec-ModuleRequestsEqual`): same
/// [[Specifier]] and the same [[Attributes]] as a set. [[Phase]] is not compared here;
/// ModuleRequests compares it separately (source-phase-imports, import defer).
pub fn module_requests_equal(x: &ModuleRequest, y: &ModuleRequest) -> bool {
    // 1. If x.[[Specifier]] is not y.[[Specifier]], return false.
    if x.specifier != y.specifier {
        return false;
    }
    // 2. Let leftAttrs be x.[[Attributes]].
    // 3. Let rightAttrs be y.[[Attributes]].
    // 4. Let leftAttrsCount be the number of elements in leftAttrs.
    // 5. Let rightAttrsCount be the number of elements in rightAttrs.
    // 6. If leftAttrsCount ≠ rightAttrsCount, return false.
    if x.attributes.len() != y.attributes.len() {
        return false;
    }
    // 7. For each ImportAttribute Record l of leftAttrs, do
    //    a. If rightAttrs does not contain an ImportAttribute Record r such that
    //       l.[[Key]] is r.[[Key]] and l.[[Value]] is r.[[Value]], return false.
    // 8. Return true.
    x.attributes.iter().all(|l| y.attributes.contains(l))
}

/// WithClauseToAttributes (16.2.2.4, `sec-withclausetoattributes`): the ImportAttribute
/// Records of a WithClause, sorted by [[Key]] in UTF-16 code unit order. (Duplicate keys
/// were already rejected as an early error, 16.2.2.1.)
pub fn with_clause_to_attributes(attributes: &[ImportAttribute]) -> Vec<(JsString, JsString)> {
    // WithEntries: « ImportAttribute Record { [[Key]]: PropName, [[Value]]: SV } » each.
    let mut out: Vec<(JsString, JsString)> = attributes
        .iter()
        .map(|a| (a.key.clone(), a.value.clone()))
        .collect();
    // 2. Sort attributes according to the lexicographic order of their [[Key]] field,
    //    treating the value of each such field as a sequence of UTF-16 code unit values.
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// ModuleRequests of one ModuleItem (16.2.1.4): the sole ModuleRequest Record of an
/// ImportDeclaration or of an `export ... from` declaration, `None` for anything else.
fn module_item_request(item: &Stmt) -> Option<ModuleRequest> {
    let (specifier, attributes, phase) = match &item.kind {
        // ImportDeclaration : import ImportClause FromClause WithClause? ;
        // ImportDeclaration : import ModuleSpecifier WithClause? ;
        // ImportDeclaration : import source ImportedBinding FromClause ; (phase source)
        // ImportDeclaration : import defer NameSpaceImport FromClause ; (phase defer)
        StmtKind::Import(decl) => (&decl.source, &decl.attributes, decl.phase),
        // ExportDeclaration : export ExportFromClause FromClause WithClause? ;
        StmtKind::Export(decl) => match &**decl {
            ExportDecl::Named {
                source: Some(source),
                attributes,
                ..
            }
            | ExportDecl::All {
                source, attributes, ..
            } => (source, attributes, ImportPhase::Evaluation),
            // Every other ExportDeclaration: a new empty List.
            _ => return None,
        },
        // ModuleItem : StatementListItem: a new empty List.
        _ => return None,
    };
    // 1. Let specifier be SV of FromClause (or ModuleSpecifier).
    // 2. Let attributes be WithClauseToAttributes of WithClause (« » without one).
    // 3. Return « ModuleRequest Record { [[Specifier]]: specifier,
    //    [[Attributes]]: attributes, [[Phase]]: phase } ».
    Some(ModuleRequest {
        specifier: specifier.value.clone(),
        attributes: with_clause_to_attributes(attributes),
        phase,
    })
}

/// The index in `requests` of the record equal to `mr` (ModuleRequestsEqual and the same
/// [[Phase]]), appending `mr` when there is none. This is the loop of
/// `ModuleItemList : ModuleItemList ModuleItem` in ModuleRequests.
fn add_module_request(requests: &mut Vec<ModuleRequest>, mr: ModuleRequest) -> usize {
    // a. Let found be false.
    // b. For each ModuleRequest Record mr2 of requests, do
    //    i. If ModuleRequestsEqual(mr, mr2) is true and mr.[[Phase]] is mr2.[[Phase]],
    //       then set found to true.
    let found = requests
        .iter()
        .position(|mr2| module_requests_equal(&mr, mr2) && mr.phase == mr2.phase);
    match found {
        Some(index) => index,
        // c. If found is false, then
        //    i. Append mr to requests.
        None => {
            requests.push(mr);
            requests.len() - 1
        }
    }
}

/// Static Semantics: ModuleRequests (16.2.1.4, `sec-static-semantics-modulerequests`), with
/// source-phase-imports' and import defer's [[Phase]]: the requests of every import and
/// `export ... from` declaration in source order, keeping the first of any records that
/// are ModuleRequestsEqual with the same [[Phase]].
pub fn module_requests(body: &[Stmt]) -> Vec<ModuleRequest> {
    // Module : [empty]: 1. Return a new empty List.
    let mut requests = Vec::new();
    // ModuleItemList : ModuleItemList ModuleItem
    // 1. Let requests be ModuleRequests of ModuleItemList.
    // 2. Let additionalRequests be ModuleRequests of ModuleItem.
    // 3. For each ModuleRequest Record mr of additionalRequests, do (add_module_request)
    for item in body {
        if let Some(mr) = module_item_request(item) {
            add_module_request(&mut requests, mr);
        }
    }
    // 4. Return requests.
    requests
}

// ---------------------------------------------------------------------------------------
// ImportEntries and ExportEntries
// ---------------------------------------------------------------------------------------

/// Static Semantics: ImportEntries (16.2.2.2, `sec-static-semantics-importentries`) of a
/// ModuleItemList, with ImportEntriesForModule (16.2.2.3) inlined. `requests` is the
/// module's ModuleRequests; each entry refers to its request by index there.
pub fn import_entries(body: &[Stmt], requests: &mut Vec<ModuleRequest>) -> Vec<ImportEntry> {
    let mut entries = Vec::new();
    // ModuleItemList : ModuleItemList ModuleItem: the list-concatenation of both.
    for item in body {
        // ModuleItem : ExportDeclaration / StatementListItem: a new empty List.
        let StmtKind::Import(decl) = &item.kind else {
            continue;
        };
        let Some(mr) = module_item_request(item) else {
            continue;
        };
        // 1. Let module be the sole element of ModuleRequests of ImportDeclaration.
        let module = add_module_request(requests, mr);
        // ImportDeclaration : import source ImportedBinding FromClause ;
        //   (phase source: the one binding has [[ImportName]] source)
        // ImportedDefaultBinding : ImportedBinding
        //   1. Let localName be the sole element of BoundNames of ImportedBinding.
        //   2. Let defaultEntry be the ImportEntry Record { [[ModuleRequest]]: module,
        //      [[ImportName]]: "default", [[LocalName]]: localName }.
        if let Some(local) = &decl.default {
            let import_name = match decl.phase {
                ImportPhase::Source => ImportName::Source,
                ImportPhase::Evaluation | ImportPhase::Defer => {
                    ImportName::Name("default".encode_utf16().collect())
                }
            };
            entries.push(ImportEntry {
                module_request: module,
                import_name,
                local_name: local.name.to_string(),
                span: local.span,
            });
        }
        // NameSpaceImport : * as ImportedBinding
        //   1. Let localName be the StringValue of ImportedBinding.
        //   2. Let entry be the ImportEntry Record { [[ModuleRequest]]: module,
        //      [[ImportName]]: namespace-object, [[LocalName]]: localName }.
        if let Some(local) = &decl.namespace {
            entries.push(ImportEntry {
                module_request: module,
                import_name: ImportName::NamespaceObject,
                local_name: local.name.to_string(),
                span: local.span,
            });
        }
        // ImportSpecifier : ImportedBinding
        //   1. Let localName be the sole element of BoundNames of ImportedBinding.
        //   2. Let entry be { [[ModuleRequest]]: module, [[ImportName]]: localName,
        //      [[LocalName]]: localName }.
        // ImportSpecifier : ModuleExportName as ImportedBinding
        //   1. Let importName be the StringValue of ModuleExportName.
        //   2. Let localName be the StringValue of ImportedBinding.
        //   3. Let entry be { [[ModuleRequest]]: module, [[ImportName]]: importName,
        //      [[LocalName]]: localName }.
        for specifier in &decl.named {
            entries.push(ImportEntry {
                module_request: module,
                import_name: ImportName::Name(module_export_name_value(&specifier.imported)),
                local_name: specifier.local.name.to_string(),
                span: specifier.span,
            });
        }
    }
    entries
}

/// Static Semantics: ExportEntries (16.2.3.4, `sec-static-semantics-exportentries`) of a
/// ModuleItemList, with ExportEntriesForModule (16.2.3.5) inlined. `requests` is the
/// module's ModuleRequests; each entry refers to its request by index there.
pub fn export_entries(body: &[Stmt], requests: &mut Vec<ModuleRequest>) -> Vec<ExportEntry> {
    let mut entries = Vec::new();
    for item in body {
        // ModuleItem : ImportDeclaration / StatementListItem: a new empty List.
        let StmtKind::Export(decl) = &item.kind else {
            continue;
        };
        // ExportDeclaration : export ExportFromClause FromClause WithClause? ;
        //   1. Let module be the sole element of ModuleRequests of ExportDeclaration.
        //   2. Return ExportEntriesForModule of ExportFromClause with argument module.
        // ExportDeclaration : export NamedExports ;
        //   1. Return ExportEntriesForModule of NamedExports with argument null.
        let module = module_item_request(item).map(|mr| add_module_request(requests, mr));
        let local = |name: &str, span: Span| ExportEntry {
            export_name: Some(name.encode_utf16().collect()),
            module_request: None,
            import_name: None,
            local_name: Some(name.to_string()),
            span,
        };
        match &**decl {
            ExportDecl::All { exported, .. } => match exported {
                // ExportFromClause : *
                //   1. Let entry be { [[ModuleRequest]]: module, [[ImportName]]:
                //      all-but-default, [[LocalName]]: null, [[ExportName]]: null }.
                None => entries.push(ExportEntry {
                    export_name: None,
                    module_request: module,
                    import_name: Some(ExportImportName::AllButDefault),
                    local_name: None,
                    span: item.span,
                }),
                // ExportFromClause : * as ModuleExportName
                //   1. Let exportName be the StringValue of ModuleExportName.
                //   2. Let entry be { [[ModuleRequest]]: module, [[ImportName]]: all,
                //      [[LocalName]]: null, [[ExportName]]: exportName }.
                Some(name) => entries.push(ExportEntry {
                    export_name: Some(module_export_name_value(name)),
                    module_request: module,
                    import_name: Some(ExportImportName::All),
                    local_name: None,
                    span: item.span,
                }),
            },
            // ExportSpecifier : ModuleExportName
            // ExportSpecifier : ModuleExportName as ModuleExportName
            //   1. Let sourceName be the StringValue of the first ModuleExportName.
            //   2. Let exportName be the StringValue of the last ModuleExportName.
            //   3. If module is null, then
            //      a. Let localName be sourceName.
            //      b. Let importName be null.
            //   4. Else,
            //      a. Let localName be null.
            //      b. Let importName be sourceName.
            //   5. Return « ExportEntry Record { [[ModuleRequest]]: module,
            //      [[ImportName]]: importName, [[LocalName]]: localName,
            //      [[ExportName]]: exportName } ».
            ExportDecl::Named { specifiers, .. } => {
                for specifier in specifiers {
                    let source_name = module_export_name_value(&specifier.local);
                    let (local_name, import_name) = match module {
                        None => (Some(String::from_utf16_lossy(&source_name)), None),
                        Some(_) => (None, Some(ExportImportName::Name(source_name))),
                    };
                    entries.push(ExportEntry {
                        export_name: Some(module_export_name_value(&specifier.exported)),
                        module_request: module,
                        import_name,
                        local_name,
                        span: specifier.span,
                    });
                }
            }
            // ExportDeclaration : export VariableStatement
            // ExportDeclaration : export Declaration
            //   1. Let entries be a new empty List.
            //   2. Let names be the BoundNames of the VariableStatement / Declaration.
            //   3. For each element name of names, append the ExportEntry Record
            //      { [[ModuleRequest]]: null, [[ImportName]]: null, [[LocalName]]: name,
            //      [[ExportName]]: name } to entries.
            ExportDecl::Declaration(stmt) => {
                for name in declaration_bound_names(stmt) {
                    entries.push(local(&name.name, name.span));
                }
            }
            // ExportDeclaration : export default HoistableDeclaration
            // ExportDeclaration : export default ClassDeclaration
            //   1. Let names be the BoundNames of the declaration ("*default*" when
            //      anonymous).
            //   2. Let localName be the sole element of names.
            //   3. Return « { [[ModuleRequest]]: null, [[ImportName]]: null,
            //      [[LocalName]]: localName, [[ExportName]]: "default" } ».
            // ExportDeclaration : export default AssignmentExpression ;
            //   1. Let entry be { ..., [[LocalName]]: "*default*", [[ExportName]]: "default" }.
            ExportDecl::DefaultFunction(_)
            | ExportDecl::DefaultClass(_)
            | ExportDecl::DefaultExpr(_) => {
                let local_name = default_export_local_name(decl).unwrap_or(DEFAULT_LOCAL_NAME);
                entries.push(ExportEntry {
                    export_name: Some("default".encode_utf16().collect()),
                    module_request: None,
                    import_name: None,
                    local_name: Some(local_name.to_string()),
                    span: item.span,
                });
            }
        }
    }
    entries
}

/// The BoundNames of an `export default` declaration's function or class when it has a
/// name (its LocalName), `None` when anonymous or an AssignmentExpression (`*default*`).
fn default_export_local_name(decl: &ExportDecl) -> Option<&str> {
    match decl {
        ExportDecl::DefaultFunction(f) => f.id.as_ref().map(|id| id.name.as_str()),
        ExportDecl::DefaultClass(c) => c.id.as_ref().map(|id| id.name.as_str()),
        _ => None,
    }
}

/// StringValue of a ModuleExportName (an IdentifierName's StringValue, or a string
/// literal's SV).
fn module_export_name_value(name: &ModuleExportName) -> JsString {
    match name {
        ModuleExportName::Ident(id) => id.name.encode_utf16().collect(),
        ModuleExportName::String(value, _) => value.clone(),
    }
}

fn module_export_name_span(name: &ModuleExportName) -> Span {
    match name {
        ModuleExportName::Ident(id) => id.span,
        ModuleExportName::String(_, span) => *span,
    }
}

// ---------------------------------------------------------------------------------------
// Early errors
// ---------------------------------------------------------------------------------------

/// The Module early errors about exports: 16.2.3.1 (the local names of `export { ... }`
/// without `from` are IdentifierReferences: no strings, no reserved words) and two rules
/// of 16.2.1.1 (Module : ModuleBody): ExportedNames has no duplicates, and every
/// ExportedBindings name is in the module's VarDeclaredNames or LexicallyDeclaredNames
/// (import bindings included).
///
/// The other 16.2.1.1 rules are the general early-error pass's (`early_errors`, which runs
/// first): duplicate LexicallyDeclaredNames (import bindings included), lexical names
/// that are also var names, `super`, `new.target`, labels and private names.
pub fn module_early_errors(body: &[Stmt]) -> Result<(), SyntaxError> {
    // 16.2.3.1: ExportDeclaration : export NamedExports ;
    for item in body {
        if let StmtKind::Export(decl) = &item.kind {
            if let ExportDecl::Named {
                specifiers,
                source: None,
                ..
            } = &**decl
            {
                check_referenced_bindings(specifiers)?;
            }
        }
    }
    // It is a Syntax Error if the ExportedNames of ModuleItemList contains any duplicate
    // entries.
    let mut exported: Vec<(JsString, Span)> = Vec::new();
    for item in body {
        if let StmtKind::Export(decl) = &item.kind {
            exported_names(decl, item.span, &mut exported);
        }
    }
    let mut seen: HashSet<&[u16]> = HashSet::new();
    for (name, span) in &exported {
        if !seen.insert(name) {
            return Err(SyntaxError::new(
                format!(
                    "duplicate export name `{}`: a module can export each name only once",
                    String::from_utf16_lossy(name)
                ),
                *span,
            ));
        }
    }

    // It is a Syntax Error if any element of the ExportedBindings of ModuleItemList does
    // not also occur in either the VarDeclaredNames of ModuleItemList, or the
    // LexicallyDeclaredNames of ModuleItemList.
    let lexical = lexically_declared_names(body);
    let mut var = Vec::new();
    var_declared_names(body, &mut var);
    let declared: HashSet<&str> = lexical
        .into_iter()
        .chain(var.iter().map(|v| v.name.as_str()))
        .collect();
    for item in body {
        if let StmtKind::Export(decl) = &item.kind {
            for (name, span) in exported_bindings(decl, item.span) {
                if !declared.contains(name) {
                    return Err(SyntaxError::new(
                        format!("`{name}` is exported but not declared in this module"),
                        span,
                    ));
                }
            }
        }
    }
    Ok(())
}

/// 16.2.3.1, ExportDeclaration : export NamedExports ;
/// - It is a Syntax Error if ReferencedBindings of NamedExports contains any
///   StringLiterals.
/// - For each IdentifierName n of ReferencedBindings of NamedExports: It is a Syntax
///   Error if the StringValue of n is a ReservedWord or is one of "implements",
///   "interface", "let", "package", "private", "protected", "public", or "static".
fn check_referenced_bindings(specifiers: &[ExportSpecifier]) -> Result<(), SyntaxError> {
    for specifier in specifiers {
        match &specifier.local {
            ModuleExportName::String(_, span) => {
                return Err(SyntaxError::new(
                    "a string export name needs a from clause: `export { \"name\" }` exports no local binding",
                    *span,
                ))
            }
            ModuleExportName::Ident(id) => {
                if crate::syntax::reserved_words::is_reserved_in_module(&id.name) {
                    return Err(SyntaxError::new(
                        format!(
                            "`{}` is a reserved word and cannot name a local binding to export",
                            id.name
                        ),
                        id.span,
                    ));
                }
            }
        }
    }
    Ok(())
}

/// LexicallyDeclaredNames (8.2.6) of a ModuleItemList. At a Module's top level, function
/// declarations are lexical (not var) declarations.
fn lexically_declared_names(body: &[Stmt]) -> Vec<&str> {
    let mut out = Vec::new();
    for item in body {
        match &item.kind {
            // ModuleItem : ImportDeclaration — 1. Return the BoundNames of ImportDeclaration.
            StmtKind::Import(decl) => {
                out.extend(
                    import_declaration_bound_names(decl)
                        .into_iter()
                        .map(|id| id.name.as_str()),
                );
            }
            // ModuleItem : ExportDeclaration
            //   1. If ExportDeclaration is export VariableStatement, return a new empty
            //      List.
            //   2. Return the BoundNames of ExportDeclaration.
            StmtKind::Export(decl) => match &**decl {
                ExportDecl::Declaration(stmt) => {
                    let is_var = matches!(&stmt.kind, StmtKind::Var(d) if d.kind == VarKind::Var);
                    if !is_var {
                        out.extend(
                            declaration_bound_names(stmt)
                                .into_iter()
                                .map(|id| id.name.as_str()),
                        );
                    }
                }
                // BoundNames of the `export default` forms: the function's or class's
                // name, or "*default*".
                ExportDecl::DefaultFunction(_)
                | ExportDecl::DefaultClass(_)
                | ExportDecl::DefaultExpr(_) => {
                    out.push(default_export_local_name(decl).unwrap_or(DEFAULT_LOCAL_NAME));
                }
                // export ExportFromClause FromClause / export NamedExports: no BoundNames.
                ExportDecl::Named { .. } | ExportDecl::All { .. } => {}
            },
            // ModuleItem : StatementListItem — LexicallyDeclaredNames of StatementListItem.
            _ => statement_lexically_declared_names(item, &mut out),
        }
    }
    out
}

/// LexicallyDeclaredNames of a StatementListItem (non-TopLevel form): a Declaration's
/// BoundNames; a LabelledStatement's labelled FunctionDeclaration; nothing for other
/// statements.
fn statement_lexically_declared_names<'a>(stmt: &'a Stmt, out: &mut Vec<&'a str>) {
    match &stmt.kind {
        StmtKind::Var(decl) if decl.kind == VarKind::Var => {}
        StmtKind::Var(_) | StmtKind::Function(_) | StmtKind::Class(_) => {
            out.extend(
                declaration_bound_names(stmt)
                    .into_iter()
                    .map(|id| id.name.as_str()),
            );
        }
        // LabelledStatement : LabelIdentifier : LabelledItem — LexicallyDeclaredNames of
        // LabelledItem; LabelledItem : FunctionDeclaration — its BoundNames.
        StmtKind::Labeled { body, .. } => match &body.kind {
            StmtKind::Function(_) | StmtKind::Labeled { .. } => {
                statement_lexically_declared_names(body, out)
            }
            _ => {}
        },
        _ => {}
    }
}

/// VarDeclaredNames (8.2.8) of a ModuleItemList.
fn var_declared_names<'a>(body: &'a [Stmt], out: &mut Vec<&'a Ident>) {
    for item in body {
        match &item.kind {
            // ModuleItem : ImportDeclaration — a new empty List.
            StmtKind::Import(_) => {}
            // ModuleItem : ExportDeclaration — if it is export VariableStatement, the
            // BoundNames of the VariableStatement; otherwise a new empty List.
            StmtKind::Export(decl) => {
                if let ExportDecl::Declaration(stmt) = &**decl {
                    if let StmtKind::Var(var) = &stmt.kind {
                        if var.kind == VarKind::Var {
                            out.extend(var_decl_bound_names(var));
                        }
                    }
                }
            }
            // ModuleItem : StatementListItem — VarDeclaredNames of StatementListItem.
            _ => statement_var_declared_names(item, out),
        }
    }
}

/// ExportedNames (16.2.3.3, `sec-static-semantics-exportednames`) of one
/// ExportDeclaration, with spans, appended to `out`.
fn exported_names(decl: &ExportDecl, item_span: Span, out: &mut Vec<(JsString, Span)>) {
    match decl {
        // ExportFromClause : * — a new empty List.
        ExportDecl::All { exported: None, .. } => {}
        // ExportFromClause : * as ModuleExportName — « StringValue of ModuleExportName ».
        ExportDecl::All {
            exported: Some(name),
            ..
        } => out.push((
            module_export_name_value(name),
            module_export_name_span(name),
        )),
        // ExportSpecifier : ModuleExportName (as ModuleExportName)? — « StringValue of the
        // last ModuleExportName ».
        ExportDecl::Named { specifiers, .. } => {
            for specifier in specifiers {
                out.push((
                    module_export_name_value(&specifier.exported),
                    module_export_name_span(&specifier.exported),
                ));
            }
        }
        // export VariableStatement / export Declaration — their BoundNames.
        ExportDecl::Declaration(stmt) => {
            for id in declaration_bound_names(stmt) {
                out.push((id.name.encode_utf16().collect(), id.span));
            }
        }
        // export default ... — « "default" ».
        ExportDecl::DefaultFunction(_)
        | ExportDecl::DefaultClass(_)
        | ExportDecl::DefaultExpr(_) => out.push(("default".encode_utf16().collect(), item_span)),
    }
}

/// ExportedBindings (16.2.3.2, `sec-static-semantics-exportedbindings`) of one
/// ExportDeclaration, with spans.
fn exported_bindings(decl: &ExportDecl, item_span: Span) -> Vec<(&str, Span)> {
    match decl {
        // export ExportFromClause FromClause — a new empty List.
        ExportDecl::All { .. }
        | ExportDecl::Named {
            source: Some(_), ..
        } => Vec::new(),
        // export NamedExports ; — ExportedBindings of NamedExports: the StringValue of
        // each ExportSpecifier's first ModuleExportName. (Strings were rejected by
        // 16.2.3.1 before this runs.)
        ExportDecl::Named {
            specifiers,
            source: None,
            ..
        } => specifiers
            .iter()
            .filter_map(|specifier| match &specifier.local {
                ModuleExportName::Ident(id) => Some((id.name.as_str(), id.span)),
                ModuleExportName::String(..) => None,
            })
            .collect(),
        // export VariableStatement / export Declaration — their BoundNames.
        ExportDecl::Declaration(stmt) => declaration_bound_names(stmt)
            .into_iter()
            .map(|id| (id.name.as_str(), id.span))
            .collect(),
        // export default HoistableDeclaration / ClassDeclaration — their BoundNames;
        // export default AssignmentExpression — « "*default*" ».
        ExportDecl::DefaultFunction(_)
        | ExportDecl::DefaultClass(_)
        | ExportDecl::DefaultExpr(_) => {
            vec![(
                default_export_local_name(decl).unwrap_or(DEFAULT_LOCAL_NAME),
                item_span,
            )]
        }
    }
}

// ---------------------------------------------------------------------------------------
// Contains `await`, `import.meta`, ImportCall
// ---------------------------------------------------------------------------------------

/// One walk over the module's code (with the shared visitor, `syntax::visit`) for three
/// facts:
/// - HasTLA, ParseModule step 11, "body Contains `await`" (Contains, 8.5.1): an
///   AwaitExpression, `for await` or `await using` outside every function. Contains does
///   not look into function bodies or parameters (functions, generators, async
///   functions, arrows, methods, getters, setters); for a class it looks only at the
///   ClassHeritage and, through ComputedPropertyContains (8.5.2), the computed keys of
///   the class elements (not method bodies, field initializers or static blocks); for an
///   object literal's methods, only their computed keys.
/// - `import.meta` anywhere in the module's code, nested functions included.
/// - an ImportCall (any phase) anywhere in the module's code, nested functions and class
///   bodies included: a module that only calls `import()` from a function still needs
///   an import hook, so the whole text counts, not just the top level.
///
/// `top` is true while the walk is outside every function body or parameter list.
struct Scan {
    has_top_level_await: bool,
    uses_import_meta: bool,
    uses_dynamic_import: bool,
    top: bool,
}

impl Scan {
    fn done(&self) -> bool {
        self.has_top_level_await && self.uses_import_meta && self.uses_dynamic_import
    }
}

impl<'a> Visit<'a> for Scan {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.done() {
            return;
        }
        // ForInOfStatement : for await ( ... of ... ) Statement contains `await`.
        if let StmtKind::ForOf { is_await: true, .. } = stmt.kind {
            if self.top {
                self.has_top_level_await = true;
            }
        }
        walk_stmt(self, stmt)
    }

    fn visit_var_decl(&mut self, decl: &'a VarDecl) {
        // AwaitUsingDeclaration contains `await`.
        if decl.kind == VarKind::AwaitUsing && self.top {
            self.has_top_level_await = true;
        }
        walk_var_decl(self, decl)
    }

    /// A function's parameters and body are never at the top level (Contains does not
    /// look into functions; for a class, ClassTail Contains sees the ClassHeritage and,
    /// through ComputedPropertyContains, the computed element names, which the walk
    /// visits outside the class's functions; likewise an object literal's method keys).
    fn visit_function(&mut self, function: &'a Arc<Function>) {
        if self.done() {
            return;
        }
        let top = std::mem::replace(&mut self.top, false);
        walk_function(self, function);
        self.top = top;
    }

    fn visit_pattern(&mut self, pattern: &'a Pattern, kind: PatternKind) {
        if self.done() {
            return;
        }
        walk_pattern(self, pattern, kind)
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.done() {
            return;
        }
        match expr.kind {
            ExprKind::ImportMeta => self.uses_import_meta = true,
            ExprKind::ImportCall { .. } => self.uses_dynamic_import = true,
            // AwaitExpression : await UnaryExpression contains `await`.
            ExprKind::Await(_) if self.top => self.has_top_level_await = true,
            _ => {}
        }
        walk_expr(self, expr)
    }
}
