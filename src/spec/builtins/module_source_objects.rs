//! Compartments layer 0, "ModuleSource Objects" (`0-module-and-module-source.emu`,
//! sec-modulesource-objects): Module Source Records, CreateModuleSourceRecord, the
//! `ModuleSource` constructor and %ModuleSource.prototype%. `ModuleSource` is a subclass of
//! source phase imports' %AbstractModuleSource% (its [[Prototype]] is %AbstractModuleSource%
//! and its prototype's is %AbstractModuleSource.prototype%), so a ModuleSource instance is a
//! module source object: `import source x from "./a.js"` under a host that gives Source
//! Text Module Records a [[ModuleSource]] yields one.

use super::helpers::{define_accessor, define_constructor, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::compartments::static_analysis::{
    module_source_bindings, needs_import, needs_import_meta,
};
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{create_array_from_list, create_data_property_or_throw};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create, ordinary_object_create_with,
    require_internal_slot,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::source_positions::SourceText;
use crate::spec::string_type::JsString;
use crate::spec::type_conversion::to_string;
use crate::spec::value::Value;
use crate::syntax::Program;
use boa_gc::{empty_trace, Finalize, Trace};
use std::sync::Arc;

/// A Module Source Record (sec-modulesource-records): the static portion of a Source Text
/// Module Record. [[ECMAScriptCode]] is the parse; its `module` field holds
/// [[RequestedModules]], [[ImportEntries]], [[LocalExportEntries]],
/// [[IndirectExportEntries]], [[StarExportEntries]] and [[HasTLA]]. [[HostDefined]] is
/// always undefined here (CreateModuleSourceRecord step 19). Immutable: every Module made
/// from it shares it, and it holds no garbage-collected value.
#[derive(Debug)]
pub struct ModuleSourceRecord {
    /// [[ECMAScriptCode]] with its static semantics.
    pub ecmascript_code: Arc<Program>,
    /// The source text and its name (for locations and messages).
    pub source: Arc<SourceText>,
}

/// The [[ModuleSource]] slot of a ModuleSource instance: a shared handle on an immutable
/// Module Source Record.
#[derive(Clone, Debug, Finalize)]
pub struct ModuleSourceHandle(pub Arc<ModuleSourceRecord>);

// SAFETY: a Module Source Record holds a parse tree and source text only, no Gc pointers.
unsafe impl Trace for ModuleSourceHandle {
    empty_trace!();
}

/// CreateModuleSourceRecord ( body ) (sec-createmodulesourcerecord). The parser computes
/// ModuleRequests, ImportEntries, ExportEntries and the sorting of steps 8-16 once, into
/// `body.module` (the same static semantics ParseModule uses), so the record is the parse
/// and its name.
pub fn create_module_source_record(body: Program, source: Arc<SourceText>) -> ModuleSourceRecord {
    // 1. Let requestedModules be the ModuleRequests of body.
    crate::step!("sec-createmodulesourcerecord", "1");
    // 2. Let importEntries be ImportEntries of body.
    crate::step!("sec-createmodulesourcerecord", "2");
    // 3. Let importedBoundNames be ImportedLocalNames(importEntries).
    crate::step!("sec-createmodulesourcerecord", "3");
    // 4. Let indirectExportEntries be a new empty List.
    crate::step!("sec-createmodulesourcerecord", "4");
    // 5. Let localExportEntries be a new empty List.
    crate::step!("sec-createmodulesourcerecord", "5");
    // 6. Let starExportEntries be a new empty List.
    crate::step!("sec-createmodulesourcerecord", "6");
    // 7. Let exportEntries be ExportEntries of body.
    crate::step!("sec-createmodulesourcerecord", "7");
    // 8. For each ExportEntry Record ee of exportEntries, do (sorted into the three lists
    //    by the parser's static semantics, as ParseModule step 10 does — SPEC ISSUE: this
    //    text appends a re-exported namespace import to localExportEntries where ParseModule
    //    rewrites it to an indirect ~all~ entry; we follow ParseModule so that the two
    //    records of one text agree, docs/spec-issues.md)
    crate::step!("sec-createmodulesourcerecord", "8");
    // 9. Let async be body Contains await.
    crate::step!("sec-createmodulesourcerecord", "9");
    // 10. NOTE: How should hostDefined be populated if this operation is triggered by the
    //     user and whether or not hostDefined should be used for sources created in user
    //     land.
    crate::step!("sec-createmodulesourcerecord", "10");
    // 11. Let hostDefined be undefined.
    crate::step!("sec-createmodulesourcerecord", "11");
    // 12. Return Module Source Record { [[HasTLA]]: async, [[ECMAScriptCode]]: body,
    //     [[RequestedModules]]: requestedModules, [[ImportEntries]]: importEntries,
    //     [[LocalExportEntries]]: localExportEntries, [[IndirectExportEntries]]:
    //     indirectExportEntries, [[StarExportEntries]]: starExportEntries, [[HostDefined]]:
    //     hostDefined }.
    crate::step!("sec-createmodulesourcerecord", "12");
    ModuleSourceRecord {
        ecmascript_code: Arc::new(body),
        source,
    }
}

/// A ModuleSource instance of the current realm over `record` (what a host hands out as a
/// Source Text Module Record's [[ModuleSource]]).
pub fn module_source_instance(agent: &Agent, record: Arc<ModuleSourceRecord>) -> Object {
    let prototype = agent.intrinsic(Intrinsic::ModuleSourcePrototype);
    ordinary_object_create_with(
        Some(prototype),
        ObjectKind::ModuleSource(ModuleSourceHandle(record)),
    )
}

/// The [[ModuleSource]] slot of `value`, if it is a ModuleSource instance.
pub fn module_source_slot(value: &Value) -> Option<Arc<ModuleSourceRecord>> {
    let Value::Object(o) = value else {
        return None;
    };
    match &o.data().kind {
        ObjectKind::ModuleSource(handle) => Some(handle.0.clone()),
        _ => None,
    }
}

/// ModuleSource ( sourceText ) (sec-modulesource).
fn module_source_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    crate::step!("sec-modulesource", "1");
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error("Constructor ModuleSource requires 'new'"));
    };
    // SPEC ISSUE: ParseText needs source text; the text never converts sourceText. We
    // take ToString(sourceText) before step 2, as Function() does with its body argument
    // (docs/spec-issues.md).
    let source_text = to_string(agent, &call.arg(0))?.to_rust_string();
    // 2. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%ModuleSource.prototype%",
    //    « [[ModuleSource]] »).
    crate::step!("sec-modulesource", "2");
    let o = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::ModuleSourcePrototype,
        ObjectKind::Ordinary,
    )?;
    // 3. Let body be ParseText(sourceText, Module).
    crate::step!("sec-modulesource", "3");
    let body = agent.on_parser_stack(|| crate::syntax::parse_module(&source_text));
    // 4. If body is a List of errors, throw a SyntaxError exception.
    crate::step!("sec-modulesource", "4");
    let body = match body {
        Ok(body) => body,
        Err(error) => {
            let rendered = error.render_message("ModuleSource", &source_text);
            return Err(agent.syntax_error(rendered.trim_end()));
        }
    };
    // 5. Set O.[[ModuleSource]] to ? CreateModuleSourceRecord(body).
    crate::step!("sec-modulesource", "5");
    let source = Arc::new(SourceText {
        name: "ModuleSource".to_string(),
        text: Arc::from(source_text.as_str()),
    });
    let record = create_module_source_record(body, source);
    o.data_mut().kind = ObjectKind::ModuleSource(ModuleSourceHandle(Arc::new(record)));
    // 6. Return O.
    crate::step!("sec-modulesource", "6");
    Ok(Value::Object(o))
}

/// RequireInternalSlot(O, [[ModuleSource]]) for the ModuleSource.prototype accessors,
/// returning O.[[ModuleSource]].
fn require_module_source(
    agent: &mut Agent,
    o: &Value,
    accessor: &str,
) -> JsResult<Arc<ModuleSourceRecord>> {
    let o = require_internal_slot(
        agent,
        o,
        InternalSlot::ModuleSource,
        format_args!("ModuleSource.prototype.{accessor}"),
    )?;
    Ok(
        module_source_slot(&Value::Object(o))
            .expect("RequireInternalSlot checked [[ModuleSource]]"),
    )
}

/// get ModuleSource.prototype.bindings (layer 1, informal
/// `compartments-modulesource-bindings`): a new Array of new Binding objects each time it
/// is read — the host links from the internal slot, so what user code does to the array
/// cannot matter, and a fresh array needs no per-instance cache.
fn get_bindings(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    crate::step!("compartments-modulesource-bindings", "1");
    // 2. Perform ? RequireInternalSlot(O, [[ModuleSource]]).
    crate::step!("compartments-modulesource-bindings", "2");
    let record = require_module_source(agent, call.this, "bindings")?;
    // 3. Let bindings be the static-analysis bindings of O.[[ModuleSource]].[[ECMAScriptCode]]
    //    (compartments-static-analysis-bindings).
    crate::step!("compartments-modulesource-bindings", "3");
    let bindings = module_source_bindings(&record.ecmascript_code);
    // 4. Let list be a new empty List.
    crate::step!("compartments-modulesource-bindings", "4");
    let mut list = Vec::with_capacity(bindings.len());
    // 5. For each binding b of bindings, do
    crate::step!("compartments-modulesource-bindings", "5");
    for binding in &bindings {
        // a. Let obj be OrdinaryObjectCreate(%Object.prototype%).
        crate::step!("compartments-modulesource-bindings", "5.a");
        let obj = agent.ordinary_object();
        // b. For each field (key, name) of b, in the shape's key order, perform !
        //    CreateDataPropertyOrThrow(obj, key, name).
        crate::step!("compartments-modulesource-bindings", "5.b");
        for (key, name) in binding.fields() {
            let value = Value::String(JsString::from_units(name));
            create_data_property_or_throw(agent, &obj, &PropertyKey::from_str(key.name()), value)?;
        }
        // c. Append obj to list.
        crate::step!("compartments-modulesource-bindings", "5.c");
        list.push(Value::Object(obj));
    }
    // 6. Return CreateArrayFromList(list).
    crate::step!("compartments-modulesource-bindings", "6");
    Ok(Value::Object(create_array_from_list(agent, list)))
}

/// get ModuleSource.prototype.needsImport (layer 1): whether the source uses dynamic
/// `import()` (static imports are linked through the importHook and need no function).
fn get_needs_import(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let record = require_module_source(agent, call.this, "needsImport")?;
    Ok(Value::Boolean(needs_import(&record.ecmascript_code)))
}

/// get ModuleSource.prototype.needsImportMeta (layer 1): whether the source contains
/// `import.meta`.
fn get_needs_import_meta(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let record = require_module_source(agent, call.this, "needsImportMeta")?;
    Ok(Value::Boolean(needs_import_meta(&record.ecmascript_code)))
}

/// Creates %ModuleSource% and %ModuleSource.prototype% (sec-modulesource-constructor,
/// sec-properties-of-the-modulesource-prototype-object), subclasses of
/// %AbstractModuleSource%.
pub fn create_module_source_intrinsics(agent: &mut Agent, realm: &Realm) {
    let prototype = ordinary_object_create(Some(
        realm.intrinsic(Intrinsic::AbstractModuleSourcePrototype),
    ));
    realm.set_intrinsic(Intrinsic::ModuleSourcePrototype, prototype.clone());
    define_constructor(
        agent,
        realm,
        Intrinsic::ModuleSource,
        "ModuleSource",
        1,
        module_source_constructor,
        &prototype,
        Some(realm.intrinsic(Intrinsic::AbstractModuleSource)),
    );
    define_accessor(agent, &prototype, "bindings", Some(get_bindings), None);
    define_accessor(
        agent,
        &prototype,
        "needsImport",
        Some(get_needs_import),
        None,
    );
    define_accessor(
        agent,
        &prototype,
        "needsImportMeta",
        Some(get_needs_import_meta),
        None,
    );
    // ModuleSource.prototype [ @@toStringTag ]: "ModuleSource", { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &prototype,
        tag,
        Value::string("ModuleSource"),
        false,
        false,
        true,
    );
}
