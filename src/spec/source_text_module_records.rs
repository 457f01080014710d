//! 16.2.1.7 Source Text Module Records (sec-source-text-module-records): ParseModule
//! (16.2.1.7.1), GetExportedNames (16.2.1.7.2.1), ResolveExport (16.2.1.7.2.2),
//! InitializeEnvironment (16.2.1.7.3.1), ExecuteModule (16.2.1.7.3.2).

use super::abstract_module_records::{Module, ModuleData, ModuleKind, ModuleStatus};
use super::agents::Agent;
use super::async_function_objects::async_block_start;
use super::completion_record::{Completion, JsResult};
use super::environment_records::{create_import_binding, new_module_environment};
use super::execution_contexts::{ExecutionContext, ScriptOrModule};
use super::module_lists::ModuleList;
use super::module_semantics::{get_imported_module, get_module_namespace};
use super::promise_objects::PromiseCapability;
use super::realms::Realm;
use super::source_positions::SourceText;
use super::string_type::JsString;
use super::synthetic_module_records::{synthetic_get_exported_names, synthetic_resolve_export};
use super::value::Value;
use crate::spec::evaluation::evaluate_statement_list;
use crate::spec::evaluation::instantiate_function_object;
use crate::syntax::ast::{DeclRef, ExportImportName, ImportName, ImportPhase, ModuleInfo};
use crate::syntax::static_semantics::names::function_declarations_to_initialize;
use crate::syntax::SyntaxError;
use std::sync::Arc;

/// The [[BindingName]] of a ResolvedBinding Record: a String, ~namespace~, (import defer)
/// ~deferred-namespace~, or (source phase imports) ~source~.
#[derive(Clone, Debug, PartialEq)]
pub enum BindingName {
    Name(JsString),
    Namespace,
    DeferredNamespace,
    Source,
}

/// The result of ResolveExport: a ResolvedBinding Record, null, or ~ambiguous~.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolution {
    Resolved {
        module: Module,
        binding_name: BindingName,
    },
    Null,
    Ambiguous,
}

/// ParseModule ( sourceText, realm, hostDefined ) (16.2.1.7.1). `name` names the source
/// (a path or specifier) for locations.
pub fn parse_module(
    agent: &Agent,
    source_text: &str,
    name: &str,
    realm: Realm,
    host_defined: Value,
) -> Result<Module, SyntaxError> {
    // 1. Let body be ParseText(sourceText, Module).
    crate::step!("sec-parsemodule", "1");
    let options = crate::syntax::ParseOptions::module().with_features(agent.features);
    let body = agent.on_parser_stack(|| crate::syntax::parse(source_text, options));
    // 2. If body is a List of errors, return body.
    crate::step!("sec-parsemodule", "2");
    let body = body?;
    // Steps 3-11 were done by the parser in step 1: ParseText computes the module's static
    // semantics (ModuleRequests, ImportEntries, ExportEntries sorted into the three lists,
    // Contains await) once, into body.module (src/syntax/static_semantics/module.rs, which
    // quotes these steps); each is marked here as done by it. The Assert among them is
    // checked here, over the entries the parser sorted.
    // 3. Let requestedModules be the ModuleRequests of body.
    crate::step_done!(
        "sec-parsemodule",
        "3",
        "by the parser in step 1 (module static semantics)"
    );
    // 4. Let importEntries be the ImportEntries of body.
    crate::step_done!(
        "sec-parsemodule",
        "4",
        "by the parser in step 1 (module static semantics)"
    );
    // 5. Let importedBoundNames be ImportedLocalNames(importEntries).
    crate::step_done!(
        "sec-parsemodule",
        "5",
        "by the parser in step 1 (module static semantics)"
    );
    // 6. Let indirectExportEntries be a new empty List.
    crate::step_done!(
        "sec-parsemodule",
        "6",
        "by the parser in step 1 (module static semantics)"
    );
    // 7. Let localExportEntries be a new empty List.
    crate::step_done!(
        "sec-parsemodule",
        "7",
        "by the parser in step 1 (module static semantics)"
    );
    // 8. Let starExportEntries be a new empty List.
    crate::step_done!(
        "sec-parsemodule",
        "8",
        "by the parser in step 1 (module static semantics)"
    );
    // 9. Let exportEntries be the ExportEntries of body.
    crate::step_done!(
        "sec-parsemodule",
        "9",
        "by the parser in step 1 (module static semantics)"
    );
    // 10. For each ExportEntry Record ee of exportEntries, do
    crate::step_done!(
        "sec-parsemodule",
        "10",
        "by the parser in step 1 (module static semantics)"
    );
    // a. If ee.[[ModuleRequest]] is null, then
    crate::step_done!(
        "sec-parsemodule",
        "10.a",
        "by the parser in step 1 (module static semantics)"
    );
    // i. If importedBoundNames does not contain ee.[[LocalName]], then
    crate::step_done!(
        "sec-parsemodule",
        "10.a.i",
        "by the parser in step 1 (module static semantics)"
    );
    // 1. Append ee to localExportEntries.
    crate::step_done!(
        "sec-parsemodule",
        "10.a.i.1",
        "by the parser in step 1 (module static semantics)"
    );
    // ii. Else,
    crate::step_done!(
        "sec-parsemodule",
        "10.a.ii",
        "by the parser in step 1 (module static semantics)"
    );
    // 1. NOTE: When exporting a binding or namespace object which was originally imported from
    //    another module, the ExportEntry Record is rewritten to match the form it would have if
    //    the binding or namespace object had been re-exported directly from the original module
    //    rather than imported then exported. This allows conflicts which arise from exporting
    //    the same binding or namespace twice under the same name through export * from to be
    //    ignored rather than being treated as ambiguous in the ResolveExport concrete method of
    //    Source Text Module Records.
    crate::step_done!(
        "sec-parsemodule",
        "10.a.ii.1",
        "by the parser in step 1 (module static semantics)"
    );
    // 2. Let ie be the element of importEntries whose [[LocalName]] is ee.[[LocalName]].
    crate::step_done!(
        "sec-parsemodule",
        "10.a.ii.2",
        "by the parser in step 1 (module static semantics)"
    );
    // 3. If ie.[[ImportName]] is namespace-object, then
    crate::step_done!(
        "sec-parsemodule",
        "10.a.ii.3",
        "by the parser in step 1 (module static semantics)"
    );
    // a. NOTE: This is a re-export of an imported module namespace object.
    crate::step_done!(
        "sec-parsemodule",
        "10.a.ii.3.a",
        "by the parser in step 1 (module static semantics)"
    );
    // b. Append the ExportEntry Record { [[ModuleRequest]]: ie.[[ModuleRequest]],
    //    [[ImportName]]: all, [[LocalName]]: null, [[ExportName]]: ee.[[ExportName]] } to
    //    indirectExportEntries.
    crate::step_done!(
        "sec-parsemodule",
        "10.a.ii.3.b",
        "by the parser in step 1 (module static semantics)"
    );
    // 4. Else if ie.[[ImportName]] is source, then
    crate::step_done!(
        "sec-parsemodule",
        "10.a.ii.4",
        "by the parser in step 1 (module static semantics)"
    );
    // a. NOTE: This is a re-export of an imported module source object.
    crate::step_done!(
        "sec-parsemodule",
        "10.a.ii.4.a",
        "by the parser in step 1 (module static semantics)"
    );
    // b. Append the ExportEntry Record { [[ModuleRequest]]: ie.[[ModuleRequest]],
    //    [[ImportName]]: source, [[LocalName]]: null, [[ExportName]]: ee.[[ExportName]] } to
    //    indirectExportEntries.
    crate::step_done!(
        "sec-parsemodule",
        "10.a.ii.4.b",
        "by the parser in step 1 (module static semantics)"
    );
    // 5. Else,
    crate::step_done!(
        "sec-parsemodule",
        "10.a.ii.5",
        "by the parser in step 1 (module static semantics)"
    );
    // a. NOTE: This is a re-export of a single name.
    crate::step_done!(
        "sec-parsemodule",
        "10.a.ii.5.a",
        "by the parser in step 1 (module static semantics)"
    );
    // b. Append the ExportEntry Record { [[ModuleRequest]]: ie.[[ModuleRequest]],
    //    [[ImportName]]: ie.[[ImportName]], [[LocalName]]: null, [[ExportName]]:
    //    ee.[[ExportName]] } to indirectExportEntries.
    crate::step_done!(
        "sec-parsemodule",
        "10.a.ii.5.b",
        "by the parser in step 1 (module static semantics)"
    );
    // b. Else if ee.[[ImportName]] is all-but-default, then
    crate::step_done!(
        "sec-parsemodule",
        "10.b",
        "by the parser in step 1 (module static semantics)"
    );
    // i. Assert: ee.[[ExportName]] is null.
    crate::spec_assert!(
        "sec-parsemodule",
        "10.b.i",
        body.module
            .star_export_entries
            .iter()
            .all(|ee| ee.export_name.is_none())
    );
    // ii. Append ee to starExportEntries.
    crate::step_done!(
        "sec-parsemodule",
        "10.b.ii",
        "by the parser in step 1 (module static semantics)"
    );
    // c. Else,
    crate::step_done!(
        "sec-parsemodule",
        "10.c",
        "by the parser in step 1 (module static semantics)"
    );
    // i. Append ee to indirectExportEntries.
    crate::step_done!(
        "sec-parsemodule",
        "10.c.i",
        "by the parser in step 1 (module static semantics)"
    );
    // 11. Let async be body Contains await.
    crate::step_done!(
        "sec-parsemodule",
        "11",
        "by the parser in step 1 (module static semantics)"
    );
    let has_tla = body.module.has_top_level_await;
    // 12. Return Source Text Module Record { [[Realm]]: realm, [[Environment]]: empty,
    //     [[Namespace]]: empty, [[CycleRoot]]: empty, [[HasTLA]]: async,
    //     [[AsyncEvaluationOrder]]: unset, [[TopLevelCapability]]: empty,
    //     [[AsyncParentModules]]: « », [[PendingAsyncDependencies]]: empty, [[Status]]:
    //     new, [[EvaluationError]]: empty, [[HostDefined]]: hostDefined, [[ECMAScriptCode]]:
    //     body, [[Context]]: empty, [[ImportMeta]]: empty, [[RequestedModules]]:
    //     requestedModules, [[LoadedModules]]: « », [[ImportEntries]]: importEntries,
    //     [[LocalExportEntries]]: localExportEntries, [[IndirectExportEntries]]:
    //     indirectExportEntries, [[StarExportEntries]]: starExportEntries, [[DFSIndex]]:
    //     empty, [[DFSAncestorIndex]]: empty }.
    crate::step!("sec-parsemodule", "12");
    let module = Module::new(ModuleData::new(
        realm,
        ModuleKind::SourceText {
            ecmascript_code: Arc::new(body),
        },
        has_tla,
        host_defined,
        Arc::new(SourceText {
            name: name.to_string(),
            text: Arc::from(source_text),
        }),
    ));
    super::event_log::status_changed(agent, &module, None);
    Ok(module)
}

/// GetExportedNames ( [ exportStarSet ] ) (16.2.1.7.2.1) of a Source Text Module Record.
pub fn get_exported_names(module: &Module, export_star_set: &mut ModuleList) -> Vec<JsString> {
    if !module.is_cyclic() {
        // The record's own concrete method (a Synthetic Module Record).
        return synthetic_get_exported_names(module);
    }
    // 1. Assert: module.[[Status]] is not new.
    crate::spec_assert!(
        "sec-getexportednames",
        "1",
        module.status() != ModuleStatus::New
    );
    // 2. If exportStarSet is not present, set exportStarSet to a new empty List.
    crate::step!("sec-getexportednames", "2");
    // 3. If exportStarSet contains module, then
    crate::step!("sec-getexportednames", "3");
    if export_star_set.contains(module) {
        // a. Assert: We've reached the starting point of an export * circularity.
        crate::spec_assert!("sec-getexportednames", "3.a", by: "the branch's condition: exportStarSet contains module");
        // b. Return a new empty List.
        crate::step!("sec-getexportednames", "3.b");
        return Vec::new();
    }
    // 4. Append module to exportStarSet.
    crate::step!("sec-getexportednames", "4");
    export_star_set.push(module.clone());
    let info = module.info();
    // 5. Let exportedNames be a new empty List.
    crate::step!("sec-getexportednames", "5");
    let mut exported_names: Vec<JsString> = Vec::new();
    // 6. For each ExportEntry Record e of module.[[LocalExportEntries]], do
    crate::step!("sec-getexportednames", "6");
    for e in &info.local_export_entries {
        // a. Assert: module provides the direct binding for this export.
        crate::spec_assert!("sec-getexportednames", "6.a", e.module_request.is_none());
        // b. Assert: e.[[ExportName]] is not null.
        crate::spec_assert!("sec-getexportednames", "6.b", e.export_name.is_some());
        // c. Append e.[[ExportName]] to exportedNames.
        crate::step!("sec-getexportednames", "6.c");
        exported_names.extend(e.export_name.as_deref().map(JsString::from_units));
    }
    // 7. For each ExportEntry Record e of module.[[IndirectExportEntries]], do
    crate::step!("sec-getexportednames", "7");
    for e in &info.indirect_export_entries {
        // a. Assert: module imports a specific binding for this export.
        crate::spec_assert!("sec-getexportednames", "7.a", e.module_request.is_some());
        // b. Assert: e.[[ExportName]] is not null.
        crate::spec_assert!("sec-getexportednames", "7.b", e.export_name.is_some());
        // c. Append e.[[ExportName]] to exportedNames.
        crate::step!("sec-getexportednames", "7.c");
        exported_names.extend(e.export_name.as_deref().map(JsString::from_units));
    }
    // 8. For each ExportEntry Record e of module.[[StarExportEntries]], do
    crate::step!("sec-getexportednames", "8");
    for e in &info.star_export_entries {
        // a. Assert: e.[[ModuleRequest]] is not null.
        crate::spec_assert!("sec-getexportednames", "8.a", e.module_request.is_some());
        let Some(request) = e.module_request else {
            continue;
        };
        // b. Let requestedModule be GetImportedModule(module, e.[[ModuleRequest]]).
        crate::step!("sec-getexportednames", "8.b");
        let requested_module = get_imported_module(module, &info.requests[request]);
        // c. Let starNames be requestedModule.GetExportedNames(exportStarSet).
        crate::step!("sec-getexportednames", "8.c");
        let star_names = get_exported_names(&requested_module, export_star_set);
        // d. For each element n of starNames, do
        crate::step!("sec-getexportednames", "8.d");
        for n in star_names {
            // i. If n is not "default", then
            crate::step!("sec-getexportednames", "8.d.i");
            // 1. If exportedNames does not contain n, then
            crate::step!("sec-getexportednames", "8.d.i.1");
            if n.to_string() != "default" && !exported_names.contains(&n) {
                // a. Append n to exportedNames.
                crate::step!("sec-getexportednames", "8.d.i.1.a");
                exported_names.push(n);
            }
        }
    }
    // 9. Return exportedNames.
    crate::step!("sec-getexportednames", "9");
    exported_names
}

/// ResolveExport ( exportName [ , resolveSet ] ) (16.2.1.7.2.2) of a Source Text Module
/// Record.
pub fn resolve_export(
    module: &Module,
    export_name: &JsString,
    resolve_set: &mut Vec<(Module, JsString)>,
) -> Resolution {
    if !module.is_cyclic() {
        // The record's own concrete method (a Synthetic Module Record).
        return synthetic_resolve_export(module, export_name);
    }
    // 1. Assert: module.[[Status]] is not new.
    crate::spec_assert!(
        "sec-resolveexport",
        "1",
        module.status() != ModuleStatus::New
    );
    // 2. If resolveSet is not present, set resolveSet to a new empty List.
    crate::step!("sec-resolveexport", "2");
    // 3. For each Record { [[Module]], [[ExportName]] } r of resolveSet, do
    crate::step!("sec-resolveexport", "3");
    for (m, name) in resolve_set.iter() {
        // a. If module and r.[[Module]] are the same Module Record and exportName is
        //    r.[[ExportName]], then
        crate::step!("sec-resolveexport", "3.a");
        if m == module && name == export_name {
            // i. Assert: This is a circular import request.
            crate::spec_assert!("sec-resolveexport", "3.a.i", by: "the branch's condition: resolveSet holds this module and exportName");
            // ii. Return null.
            crate::step!("sec-resolveexport", "3.a.ii");
            return Resolution::Null;
        }
    }
    // 4. Append the Record { [[Module]]: module, [[ExportName]]: exportName } to resolveSet.
    crate::step!("sec-resolveexport", "4");
    resolve_set.push((module.clone(), export_name.clone()));
    let info = module.info();
    // 5. For each ExportEntry Record e of module.[[LocalExportEntries]], do
    crate::step!("sec-resolveexport", "5");
    for e in &info.local_export_entries {
        // a. If e.[[ExportName]] is exportName, then
        crate::step!("sec-resolveexport", "5.a");
        if e.export_name.as_deref() == Some(export_name.units()) {
            // i. Assert: module provides the direct binding for this export.
            crate::spec_assert!("sec-resolveexport", "5.a.i", e.module_request.is_none());
            // ii. Return ResolvedBinding Record { [[Module]]: module, [[BindingName]]:
            //     e.[[LocalName]] }.
            crate::step!("sec-resolveexport", "5.a.ii");
            return Resolution::Resolved {
                module: module.clone(),
                binding_name: BindingName::Name(
                    e.local_name
                        .as_deref()
                        .map(JsString::from)
                        .unwrap_or_default(),
                ),
            };
        }
    }
    // 6. For each ExportEntry Record e of module.[[IndirectExportEntries]], do
    crate::step!("sec-resolveexport", "6");
    for e in &info.indirect_export_entries {
        // a. If e.[[ExportName]] is exportName, then
        crate::step!("sec-resolveexport", "6.a");
        if e.export_name.as_deref() != Some(export_name.units()) {
            continue;
        }
        // i. Assert: e.[[ModuleRequest]] is not null.
        crate::spec_assert!("sec-resolveexport", "6.a.i", e.module_request.is_some());
        let Some(request) = e.module_request else {
            return Resolution::Null;
        };
        // ii. Let importedModule be GetImportedModule(module, e.[[ModuleRequest]]).
        crate::step!("sec-resolveexport", "6.a.ii");
        let imported_module = get_imported_module(module, &info.requests[request]);
        // iii. If e.[[ImportName]] is all, then
        crate::step!("sec-resolveexport", "6.a.iii");
        match &e.import_name {
            Some(ExportImportName::All) => {
                // 1. Assert: module does not provide the direct binding for this export.
                crate::spec_assert!("sec-resolveexport", "6.a.iii.1", e.module_request.is_some());
                // 2. If e.[[ModuleRequest]].[[Phase]] is defer, then
                crate::step!("sec-resolveexport", "6.a.iii.2");
                if info.requests[request].phase == ImportPhase::Defer {
                    // a. Return ResolvedBinding Record { [[Module]]: importedModule,
                    //    [[BindingName]]: deferred-namespace }.
                    crate::step!("sec-resolveexport", "6.a.iii.2.a");
                    return Resolution::Resolved {
                        module: imported_module,
                        binding_name: BindingName::DeferredNamespace,
                    };
                }
                // 3. Else,
                crate::step!("sec-resolveexport", "6.a.iii.3");
                // a. Assert: e.[[Phase]] is evaluation. (e.[[ModuleRequest]].[[Phase]])
                crate::spec_assert!(
                    "sec-resolveexport",
                    "6.a.iii.3.a",
                    info.requests[request].phase == ImportPhase::Evaluation
                );
                // b. Return ResolvedBinding Record { [[Module]]: importedModule,
                //    [[BindingName]]: namespace }.
                crate::step!("sec-resolveexport", "6.a.iii.3.b");
                return Resolution::Resolved {
                    module: imported_module,
                    binding_name: BindingName::Namespace,
                };
            }
            Some(ExportImportName::Source) => {
                // iv. Else if e.[[ImportName]] is source, then
                crate::step!("sec-resolveexport", "6.a.iv");
                // 1. Assert: module does not provide the direct binding for this export.
                crate::spec_assert!("sec-resolveexport", "6.a.iv.1", e.module_request.is_some());
                // 2. Return ResolvedBinding Record { [[Module]]: importedModule,
                //    [[BindingName]]: source }.
                crate::step!("sec-resolveexport", "6.a.iv.2");
                return Resolution::Resolved {
                    module: imported_module,
                    binding_name: BindingName::Source,
                };
            }
            Some(ExportImportName::Name(import_name)) => {
                // v. Else,
                crate::step!("sec-resolveexport", "6.a.v");
                // 1. Assert: module imports a specific binding for this export.
                crate::spec_assert!("sec-resolveexport", "6.a.v.1", e.module_request.is_some());
                // 2. Assert: e.[[ImportName]] is a String.
                crate::spec_assert!("sec-resolveexport", "6.a.v.2", by: "the match arm: e.[[ImportName]] is ExportImportName::Name, a String");
                // 3. Return importedModule.ResolveExport(e.[[ImportName]], resolveSet).
                crate::step!("sec-resolveexport", "6.a.v.3");
                return resolve_export(
                    &imported_module,
                    &JsString::from_units(import_name),
                    resolve_set,
                );
            }
            // ~all-but-default~ entries are star exports (ParseModule step 10), and an
            // indirect export always has an [[ImportName]].
            Some(ExportImportName::AllButDefault) | None => return Resolution::Null,
        }
    }
    // 7. If exportName is "default", then
    crate::step!("sec-resolveexport", "7");
    if export_name.to_string() == "default" {
        // a. Assert: A default export was not explicitly defined by this module.
        crate::spec_assert!(
            "sec-resolveexport",
            "7.a",
            !info
                .local_export_entries
                .iter()
                .chain(&info.indirect_export_entries)
                .any(|e| e.export_name.as_deref() == Some(export_name.units()))
        );
        // b. Return null.
        crate::step!("sec-resolveexport", "7.b");
        // c. NOTE: A default export cannot be provided by an export * from "mod"
        //    declaration.
        crate::step!("sec-resolveexport", "7.c");
        return Resolution::Null;
    }
    // 8. Let starResolution be null.
    crate::step!("sec-resolveexport", "8");
    let mut star_resolution = Resolution::Null;
    // 9. For each ExportEntry Record e of module.[[StarExportEntries]], do
    crate::step!("sec-resolveexport", "9");
    for e in &info.star_export_entries {
        // a. Assert: e.[[ModuleRequest]] is not null.
        crate::spec_assert!("sec-resolveexport", "9.a", e.module_request.is_some());
        let Some(request) = e.module_request else {
            continue;
        };
        // b. Let importedModule be GetImportedModule(module, e.[[ModuleRequest]]).
        crate::step!("sec-resolveexport", "9.b");
        let imported_module = get_imported_module(module, &info.requests[request]);
        // c. Let resolution be importedModule.ResolveExport(exportName, resolveSet).
        crate::step!("sec-resolveexport", "9.c");
        let resolution = resolve_export(&imported_module, export_name, resolve_set);
        // d. If resolution is ambiguous, return ambiguous.
        crate::step!("sec-resolveexport", "9.d");
        if resolution == Resolution::Ambiguous {
            return Resolution::Ambiguous;
        }
        // e. If resolution is not null, then
        crate::step!("sec-resolveexport", "9.e");
        if resolution == Resolution::Null {
            continue;
        }
        // i. Assert: resolution is a ResolvedBinding Record.
        crate::spec_assert!(
            "sec-resolveexport",
            "9.e.i",
            matches!(resolution, Resolution::Resolved { .. })
        );
        // ii. If starResolution is null, then
        crate::step!("sec-resolveexport", "9.e.ii");
        if star_resolution == Resolution::Null {
            // 1. Set starResolution to resolution.
            crate::step!("sec-resolveexport", "9.e.ii.1");
            star_resolution = resolution;
        } else {
            // iii. Else,
            crate::step!("sec-resolveexport", "9.e.iii");
            // 1. Assert: There is more than one * export that includes the requested name.
            crate::spec_assert!("sec-resolveexport", "9.e.iii.1", by: "the branch's condition: starResolution already holds another star export's resolution");
            let (
                Resolution::Resolved {
                    module: m1,
                    binding_name: b1,
                },
                Resolution::Resolved {
                    module: m2,
                    binding_name: b2,
                },
            ) = (&resolution, &star_resolution)
            else {
                continue;
            };
            // 2. If resolution.[[Module]] and starResolution.[[Module]] are not the same
            //    Module Record, return ambiguous.
            crate::step!("sec-resolveexport", "9.e.iii.2");
            if m1 != m2 {
                return Resolution::Ambiguous;
            }
            // 3. If resolution.[[BindingName]] is not starResolution.[[BindingName]],
            //    return ambiguous.
            crate::step!("sec-resolveexport", "9.e.iii.3");
            if b1 != b2 {
                return Resolution::Ambiguous;
            }
        }
    }
    // 10. Return starResolution.
    crate::step!("sec-resolveexport", "10");
    star_resolution
}

/// For InitializeEnvironment's step 2 Assert: every named export of module (its local and
/// indirect export entries) resolves to a binding.
fn named_exports_resolvable(module: &Module, info: &ModuleInfo) -> bool {
    info.local_export_entries
        .iter()
        .chain(&info.indirect_export_entries)
        .filter_map(|e| e.export_name.as_deref())
        .all(|name| {
            matches!(
                resolve_export(module, &JsString::from_units(name), &mut Vec::new()),
                Resolution::Resolved { .. }
            )
        })
}

/// InitializeEnvironment ( ) (16.2.1.7.3.1) of a Source Text Module Record.
pub fn initialize_environment(agent: &mut Agent, module: &Module) -> JsResult<()> {
    if module.is_virtual() {
        // The record's own concrete method (a Virtual Module Record).
        return super::virtual_module_records::virtual_initialize_environment(agent, module);
    }
    let info = module.info();
    // 1. For each ExportEntry Record e of module.[[IndirectExportEntries]], do
    crate::step!("sec-source-text-module-record-initialize-environment", "1");
    for e in &info.indirect_export_entries {
        // a. Assert: e.[[ExportName]] is not null.
        crate::spec_assert!(
            "sec-source-text-module-record-initialize-environment",
            "1.a",
            e.export_name.is_some()
        );
        let Some(export_name) = e.export_name.as_deref().map(JsString::from_units) else {
            continue;
        };
        // b. Let resolution be module.ResolveExport(e.[[ExportName]]).
        crate::step!(
            "sec-source-text-module-record-initialize-environment",
            "1.b"
        );
        let resolution = resolve_export(module, &export_name, &mut Vec::new());
        // c. If resolution is either null or ambiguous, throw a SyntaxError exception.
        crate::step!(
            "sec-source-text-module-record-initialize-environment",
            "1.c"
        );
        if let Some(problem) = unresolved(&resolution) {
            return Err(agent.syntax_error(&format!(
                "{}: the export '{export_name}' {problem}",
                module.name()
            )));
        }
        // d. Assert: resolution is a ResolvedBinding Record.
        crate::spec_assert!(
            "sec-source-text-module-record-initialize-environment",
            "1.d",
            matches!(resolution, Resolution::Resolved { .. })
        );
    }
    // 2. Assert: All named exports from module are resolvable.
    crate::spec_assert!(
        "sec-source-text-module-record-initialize-environment",
        "2",
        named_exports_resolvable(module, &info)
    );
    // 3. Let realm be module.[[Realm]].
    crate::step!("sec-source-text-module-record-initialize-environment", "3");
    let realm = module.realm();
    // 4. Assert: realm is not undefined.
    crate::spec_assert!("sec-source-text-module-record-initialize-environment", "4", by: "module.[[Realm]] is a Realm (ModuleData::realm is not optional)");
    // 5. Let env be NewModuleEnvironment(realm.[[GlobalEnv]]). (Layer 3: the global
    //    environment of module.[[Evaluators]], whose [[Realm]] is realm.)
    crate::step!("sec-source-text-module-record-initialize-environment", "5");
    let evaluators = module.evaluators();
    debug_assert!(
        evaluators.realm() == realm,
        "a module's Evaluators are of its realm"
    );
    let env = new_module_environment(Some(evaluators.global_env()));
    // 6. Set module.[[Environment]] to env.
    crate::step!("sec-source-text-module-record-initialize-environment", "6");
    module.data_mut().environment = Some(env.clone());
    // 7. For each ImportEntry Record in of module.[[ImportEntries]], do
    crate::step!("sec-source-text-module-record-initialize-environment", "7");
    for entry in &info.import_entries {
        // a. Let importedModule be GetImportedModule(module, in.[[ModuleRequest]]).
        crate::step!(
            "sec-source-text-module-record-initialize-environment",
            "7.a"
        );
        let imported_module = get_imported_module(module, &info.requests[entry.module_request]);
        match &entry.import_name {
            // b. If in.[[ImportName]] is namespace-object, then
            ImportName::NamespaceObject => {
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "7.b"
                );
                // i. Let namespace be GetModuleNamespace(importedModule,
                //    in.[[ModuleRequest]].[[Phase]]).
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "7.b.i"
                );
                let phase = info.requests[entry.module_request].phase;
                let namespace = get_module_namespace(agent, &imported_module, phase);
                // ii. Perform ! env.CreateImmutableBinding(in.[[LocalName]], true).
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "7.b.ii"
                );
                env.create_immutable_binding(agent, &entry.local_name, true)?;
                // iii. Perform ! env.InitializeBinding(in.[[LocalName]], namespace).
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "7.b.iii"
                );
                env.initialize_binding(agent, &entry.local_name, Value::Object(namespace))?;
            }
            ImportName::Name(import_name) => {
                // c. Else,
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "7.d"
                );
                // i. Let resolution be importedModule.ResolveExport(in.[[ImportName]]).
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "7.d.i"
                );
                let import_name = JsString::from_units(import_name);
                let resolution = resolve_export(&imported_module, &import_name, &mut Vec::new());
                // ii. If resolution is either null or ambiguous, throw a SyntaxError
                //     exception.
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "7.d.ii"
                );
                if let Some(problem) = unresolved(&resolution) {
                    return Err(agent.syntax_error(&format!(
                        "{}: the import '{import_name}' of '{}' {problem}",
                        module.name(),
                        String::from_utf16_lossy(&info.requests[entry.module_request].specifier)
                    )));
                }
                let Resolution::Resolved {
                    module: target,
                    binding_name,
                } = resolution
                else {
                    continue;
                };
                // iii. If resolution.[[BindingName]] is namespace, then
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "7.d.iii"
                );
                match binding_name {
                    BindingName::Namespace => {
                        // 1. Let namespace be GetModuleNamespace(resolution.[[Module]],
                        //    evaluation).
                        crate::step!(
                            "sec-source-text-module-record-initialize-environment",
                            "7.d.iii.1"
                        );
                        let namespace =
                            get_module_namespace(agent, &target, ImportPhase::Evaluation);
                        // 2. Perform ! env.CreateImmutableBinding(in.[[LocalName]], true).
                        crate::step!(
                            "sec-source-text-module-record-initialize-environment",
                            "7.d.iii.2"
                        );
                        env.create_immutable_binding(agent, &entry.local_name, true)?;
                        // 3. Perform ! env.InitializeBinding(in.[[LocalName]], namespace).
                        crate::step!(
                            "sec-source-text-module-record-initialize-environment",
                            "7.d.iii.3"
                        );
                        env.initialize_binding(agent, &entry.local_name, Value::Object(namespace))?;
                    }
                    BindingName::DeferredNamespace => {
                        // iv. Else if resolution.[[BindingName]] is deferred-namespace, then
                        //     (import defer: `import defer * as ns from "m"; export { ns }`
                        //     re-exported, see ResolveExport)
                        crate::step!(
                            "sec-source-text-module-record-initialize-environment",
                            "7.d.iv"
                        );
                        // 1. Let namespace be GetModuleNamespace(resolution.[[Module]],
                        //    defer).
                        crate::step!(
                            "sec-source-text-module-record-initialize-environment",
                            "7.d.iv.1"
                        );
                        let namespace = get_module_namespace(agent, &target, ImportPhase::Defer);
                        // 2. Perform ! env.CreateImmutableBinding(in.[[LocalName]], true).
                        crate::step!(
                            "sec-source-text-module-record-initialize-environment",
                            "7.d.iv.2"
                        );
                        env.create_immutable_binding(agent, &entry.local_name, true)?;
                        // 3. Perform ! env.InitializeBinding(in.[[LocalName]], namespace).
                        crate::step!(
                            "sec-source-text-module-record-initialize-environment",
                            "7.d.iv.3"
                        );
                        env.initialize_binding(agent, &entry.local_name, Value::Object(namespace))?;
                    }
                    BindingName::Source => {
                        // v. Else if resolution.[[BindingName]] is source, then
                        crate::step!(
                            "sec-source-text-module-record-initialize-environment",
                            "7.d.v"
                        );
                        // 1. Let moduleSourceObject be resolution.[[Module]].[[ModuleSource]].
                        crate::step!(
                            "sec-source-text-module-record-initialize-environment",
                            "7.d.v.1"
                        );
                        // 2. If moduleSourceObject is empty, throw a SyntaxError exception.
                        crate::step!(
                            "sec-source-text-module-record-initialize-environment",
                            "7.d.v.2"
                        );
                        let module_source = module_source_object(agent, &target)?;
                        // 3. Perform ! env.CreateImmutableBinding(in.[[LocalName]], true).
                        crate::step!(
                            "sec-source-text-module-record-initialize-environment",
                            "7.d.v.3"
                        );
                        env.create_immutable_binding(agent, &entry.local_name, true)?;
                        // 4. Perform ! env.InitializeBinding(in.[[LocalName]], moduleSourceObject).
                        crate::step!(
                            "sec-source-text-module-record-initialize-environment",
                            "7.d.v.4"
                        );
                        env.initialize_binding(agent, &entry.local_name, module_source)?;
                    }
                    BindingName::Name(binding_name) => {
                        // vi. Else,
                        crate::step!(
                            "sec-source-text-module-record-initialize-environment",
                            "7.d.vi"
                        );
                        // 1. Perform CreateImportBinding(env, in.[[LocalName]],
                        //    resolution.[[Module]], resolution.[[BindingName]]).
                        crate::step!(
                            "sec-source-text-module-record-initialize-environment",
                            "7.d.vi.1"
                        );
                        create_import_binding(
                            &env,
                            &entry.local_name,
                            target,
                            &binding_name.to_string(),
                        );
                    }
                }
            }
            ImportName::Source => {
                // c. Else if in.[[ImportName]] is source, then
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "7.c"
                );
                // i. Let moduleSourceObject be importedModule.[[ModuleSource]].
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "7.c.i"
                );
                // ii. If moduleSourceObject is empty, throw a SyntaxError exception.
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "7.c.ii"
                );
                let module_source = module_source_object(agent, &imported_module)?;
                // iii. Perform ! env.CreateImmutableBinding(in.[[LocalName]], true).
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "7.c.iii"
                );
                env.create_immutable_binding(agent, &entry.local_name, true)?;
                // iv. Perform ! env.InitializeBinding(in.[[LocalName]], moduleSourceObject).
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "7.c.iv"
                );
                env.initialize_binding(agent, &entry.local_name, module_source)?;
            }
        }
    }
    // 8. Let moduleContext be a new ECMAScript code execution context.
    crate::step!("sec-source-text-module-record-initialize-environment", "8");
    // 9. Set the Function of moduleContext to null.
    crate::step!("sec-source-text-module-record-initialize-environment", "9");
    // 10. Assert: module.[[Realm]] is not undefined.
    crate::spec_assert!("sec-source-text-module-record-initialize-environment", "10", by: "module.[[Realm]] is a Realm (ModuleData::realm is not optional)");
    // 11. Set the Realm of moduleContext to module.[[Realm]].
    crate::step!("sec-source-text-module-record-initialize-environment", "11");
    // 12. Set the ScriptOrModule of moduleContext to module.
    crate::step!("sec-source-text-module-record-initialize-environment", "12");
    // 13. Set the VariableEnvironment of moduleContext to module.[[Environment]].
    crate::step!("sec-source-text-module-record-initialize-environment", "13");
    // 14. Set the LexicalEnvironment of moduleContext to module.[[Environment]].
    crate::step!("sec-source-text-module-record-initialize-environment", "14");
    // 15. Set the PrivateEnvironment of moduleContext to null.
    crate::step!("sec-source-text-module-record-initialize-environment", "15");
    let module_context = module_execution_context(module, &env);
    // 16. Set module.[[Context]] to moduleContext.
    crate::step!("sec-source-text-module-record-initialize-environment", "16");
    module.data_mut().context = Some(module_context.clone());
    // 17. Push moduleContext onto the execution context stack; moduleContext is now the
    //     running execution context.
    crate::step!("sec-source-text-module-record-initialize-environment", "17");
    agent.execution_context_stack.push(module_context);
    let result = instantiate_declarations(agent, module, &env);
    // 25. Remove moduleContext from the execution context stack.
    crate::step!("sec-source-text-module-record-initialize-environment", "25");
    agent.execution_context_stack.pop();
    // 26. Return unused.
    crate::step!("sec-source-text-module-record-initialize-environment", "26");
    result
}

/// The [[ModuleSource]] of `module`, or the SyntaxError InitializeEnvironment throws when
/// it is empty (steps 7.c.ii and 7.d.iv.2).
fn module_source_object(agent: &mut Agent, module: &Module) -> JsResult<Value> {
    let source = module.data().module_source.clone();
    source.map(Value::Object).ok_or_else(|| {
        agent.syntax_error(&format!(
            "'{}' has no source phase: `import source` needs a module source object",
            module.name()
        ))
    })
}

/// Why a resolution is not a ResolvedBinding Record, for the SyntaxError's message.
fn unresolved(resolution: &Resolution) -> Option<&'static str> {
    match resolution {
        Resolution::Resolved { .. } => None,
        Resolution::Null => Some("cannot be resolved"),
        Resolution::Ambiguous => Some("is ambiguous (several `export *` provide it)"),
    }
}

/// A module's execution context (InitializeEnvironment steps 8-15, ExecuteModule 1-7).
fn module_execution_context(
    module: &Module,
    env: &super::environment_records::Env,
) -> ExecutionContext {
    let realm = module.realm();
    ExecutionContext {
        function: None,
        evaluators: module.evaluators(),
        realm,
        script_or_module: Some(ScriptOrModule::Module(module.clone())),
        lexical_environment: Some(env.clone()),
        variable_environment: Some(env.clone()),
        private_environment: None,
        source: Some(module.source()),
        strict: true,
        generator: None,
    }
}

/// InitializeEnvironment steps 18-24: the module's var, lexical and function bindings.
fn instantiate_declarations(
    agent: &mut Agent,
    module: &Module,
    env: &super::environment_records::Env,
) -> JsResult<()> {
    // 18. Let code be module.[[ECMAScriptCode]].
    crate::step!("sec-source-text-module-record-initialize-environment", "18");
    let Some(code) = module.ecmascript_code() else {
        return Ok(());
    };
    // 19. Let varDeclarations be the VarScopedDeclarations of code.
    crate::step!("sec-source-text-module-record-initialize-environment", "19");
    // 20. Let declaredVarNames be a new empty List.
    crate::step!("sec-source-text-module-record-initialize-environment", "20");
    let mut declared_var_names: Vec<&str> = Vec::new();
    // 21. For each element d of varDeclarations, do
    crate::step!("sec-source-text-module-record-initialize-environment", "21");
    for d in &code.scope.var_scoped_declarations {
        let DeclRef::Var(names) = d else { continue };
        // a. For each element dn of the BoundNames of d, do
        crate::step!(
            "sec-source-text-module-record-initialize-environment",
            "21.a"
        );
        for dn in names {
            // i. If declaredVarNames does not contain dn, then
            crate::step!(
                "sec-source-text-module-record-initialize-environment",
                "21.a.i"
            );
            if declared_var_names.contains(&dn.as_str()) {
                continue;
            }
            // 1. Perform ! env.CreateMutableBinding(dn, false).
            crate::step!(
                "sec-source-text-module-record-initialize-environment",
                "21.a.i.1"
            );
            env.create_mutable_binding(agent, dn, false)?;
            // 2. Perform ! env.InitializeBinding(dn, undefined).
            crate::step!(
                "sec-source-text-module-record-initialize-environment",
                "21.a.i.2"
            );
            env.initialize_binding(agent, dn, Value::Undefined)?;
            // 3. Append dn to declaredVarNames.
            crate::step!(
                "sec-source-text-module-record-initialize-environment",
                "21.a.i.3"
            );
            declared_var_names.push(dn);
        }
    }
    // 22. Let lexDeclarations be the LexicallyScopedDeclarations of code.
    crate::step!("sec-source-text-module-record-initialize-environment", "22");
    let lex_declarations = &code.scope.lexically_scoped_declarations;
    // 23. Let privateEnv be null.
    crate::step!("sec-source-text-module-record-initialize-environment", "23");
    let functions = function_declarations_to_initialize(&code.body, lex_declarations);
    // 24. For each element d of lexDeclarations, do
    crate::step!("sec-source-text-module-record-initialize-environment", "24");
    for d in lex_declarations {
        let (names, constant): (Vec<&str>, bool) = match d {
            DeclRef::Lexical { names, constant } => {
                (names.iter().map(String::as_str).collect(), *constant)
            }
            DeclRef::Class(name) => (vec![name.as_str()], false),
            DeclRef::Function { name, .. } => (vec![name.as_str()], false),
            DeclRef::Var(_) => continue,
        };
        // a. For each element dn of the BoundNames of d, do
        crate::step!(
            "sec-source-text-module-record-initialize-environment",
            "24.a"
        );
        for dn in names {
            // i. If IsConstantDeclaration of d is true, then
            crate::step!(
                "sec-source-text-module-record-initialize-environment",
                "24.a.i"
            );
            if constant {
                // 1. Perform ! env.CreateImmutableBinding(dn, true).
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "24.a.i.1"
                );
                env.create_immutable_binding(agent, dn, true)?;
            } else {
                // ii. Else,
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "24.a.ii"
                );
                // 1. Perform ! env.CreateMutableBinding(dn, false).
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "24.a.ii.1"
                );
                env.create_mutable_binding(agent, dn, false)?;
            }
            // iii. If d is either a FunctionDeclaration, a GeneratorDeclaration, an
            //      AsyncFunctionDeclaration, or an AsyncGeneratorDeclaration, then
            crate::step!(
                "sec-source-text-module-record-initialize-environment",
                "24.a.iii"
            );
            if let DeclRef::Function { .. } = d {
                let Some(f) = functions.iter().find(|f| {
                    f.id.as_ref().map_or(
                        crate::syntax::static_semantics::module::DEFAULT_LOCAL_NAME,
                        |id| id.name.as_str(),
                    ) == dn
                }) else {
                    continue;
                };
                // 1. Let fo be InstantiateFunctionObject of d with arguments env and
                //    privateEnv.
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "24.a.iii.1"
                );
                let fo = instantiate_function_object(agent, f, env.clone(), None);
                // 2. Perform ! env.InitializeBinding(dn, fo).
                crate::step!(
                    "sec-source-text-module-record-initialize-environment",
                    "24.a.iii.2"
                );
                env.initialize_binding(agent, dn, Value::Object(fo))?;
            }
        }
    }
    Ok(())
}

/// ExecuteModule ( [ capability ] ) (16.2.1.7.3.2) of a Source Text Module Record.
pub fn execute_module(
    agent: &mut Agent,
    module: &Module,
    capability: Option<PromiseCapability>,
) -> JsResult<()> {
    if module.is_virtual() {
        // The record's own concrete method (a Virtual Module Record).
        return super::virtual_module_records::virtual_execute_module(agent, module, capability);
    }
    // 1. Let moduleContext be a new ECMAScript code execution context.
    crate::step!("sec-source-text-module-record-execute-module", "1");
    // 2. Set the Function of moduleContext to null.
    crate::step!("sec-source-text-module-record-execute-module", "2");
    // 3. Set the Realm of moduleContext to module.[[Realm]].
    crate::step!("sec-source-text-module-record-execute-module", "3");
    // 4. Set the ScriptOrModule of moduleContext to module.
    crate::step!("sec-source-text-module-record-execute-module", "4");
    // 5. Assert: module has been linked and declarations in its module environment have
    //    been instantiated.
    crate::spec_assert!(
        "sec-source-text-module-record-execute-module",
        "5",
        module.environment().is_some()
    );
    let Some(env) = module.environment() else {
        return Err(agent.syntax_error("a module executed before it was linked"));
    };
    // 6. Set the VariableEnvironment of moduleContext to module.[[Environment]].
    crate::step!("sec-source-text-module-record-execute-module", "6");
    // 7. Set the LexicalEnvironment of moduleContext to module.[[Environment]].
    crate::step!("sec-source-text-module-record-execute-module", "7");
    let module_context = module_execution_context(module, &env);
    // 8. Suspend the running execution context.
    crate::step!("sec-source-text-module-record-execute-module", "8");
    let Some(code) = module.ecmascript_code() else {
        return Err(agent.type_error("ExecuteModule of a module that has no source text"));
    };
    // 9. If module.[[HasTLA]] is false, then
    crate::step!("sec-source-text-module-record-execute-module", "9");
    if !module.has_tla() {
        // a. Assert: capability is not present.
        crate::spec_assert!(
            "sec-source-text-module-record-execute-module",
            "9.a",
            capability.is_none()
        );
        // b. Push moduleContext onto the execution context stack; moduleContext is now
        //    the running execution context.
        crate::step!("sec-source-text-module-record-execute-module", "9.b");
        agent.execution_context_stack.push(module_context);
        // c. Let result be Completion(Evaluation of module.[[ECMAScriptCode]]).
        crate::step!("sec-source-text-module-record-execute-module", "9.c");
        let result = evaluate_statement_list(agent, &code.body);
        // d. Suspend moduleContext and remove it from the execution context stack.
        crate::step!("sec-source-text-module-record-execute-module", "9.d");
        agent.execution_context_stack.pop();
        // e. Resume the context that is now on the top of the execution context stack
        //    as the running execution context.
        crate::step!("sec-source-text-module-record-execute-module", "9.e");
        // f. If result is an abrupt completion, then
        crate::step!("sec-source-text-module-record-execute-module", "9.f");
        if let Err(error) = result {
            // i. Return ? result.
            crate::step!("sec-source-text-module-record-execute-module", "9.f.i");
            return Err(error);
        }
    } else {
        // 10. Else,
        crate::step!("sec-source-text-module-record-execute-module", "10");
        // a. Assert: capability is a PromiseCapability Record.
        crate::spec_assert!(
            "sec-source-text-module-record-execute-module",
            "10.a",
            capability.is_some()
        );
        let Some(capability) = capability else {
            unreachable!("checked by the Assert of step 10.a")
        };
        // b. Perform AsyncBlockStart(capability, module.[[ECMAScriptCode]],
        //    moduleContext).
        crate::step!("sec-source-text-module-record-execute-module", "10.b");
        async_block_start(agent, capability, module_context, move |agent| {
            evaluate_statement_list(agent, &code.body).map(|c| match c {
                Completion::Normal(_) => Completion::Normal(None),
                other => other,
            })
        })?;
    }
    // 11. Return unused.
    crate::step!("sec-source-text-module-record-execute-module", "11");
    Ok(())
}
