//! 26.2 FinalizationRegistry Objects (sec-finalization-registry-objects).
//!
//! A cell's [[WeakRefTarget]] and [[UnregisterToken]] are held weakly ([`WeakTarget`]: a
//! `boa_gc::WeakGc` for an object, the symbol itself for a symbol); its [[HeldValue]] is
//! held strongly, as the spec says.
//!
//! Cleanup: a collected target leaves its cell's [[WeakRefTarget]] empty (the weak
//! reference no longer upgrades). Whenever the promise-job queue runs empty
//! ([`crate::spec::jobs::run_jobs`]) the host looks for registries with such cells and
//! performs HostEnqueueFinalizationRegistryCleanupJob (9.9.4.1) for each, so cleanup
//! callbacks run as jobs after a collection has found their targets dead (9.9.3).
//! `FinalizationRegistry.prototype.cleanupSome` is a proposal, not part of ECMAScript 2025,
//! and is not provided.

use super::helpers::{define_constructor, define_method, define_value};
use super::weak_ref::{can_be_held_weakly, WeakTarget};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create, require_internal_slot,
};
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::testing_and_comparison::{is_callable, same_value};
use crate::spec::value::Value;
use boa_gc::{Finalize, Trace};

/// A Record { [[WeakRefTarget]], [[HeldValue]], [[UnregisterToken]] } of [[Cells]].
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct Cell {
    pub target: WeakTarget,
    pub held_value: Value,
    /// `None` is ~empty~.
    pub unregister_token: Option<WeakTarget>,
}

/// The internal slots of a FinalizationRegistry.
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct RegistryData {
    /// [[Realm]].
    pub realm: Realm,
    /// [[CleanupCallback]]: a JobCallback Record (HostMakeJobCallback keeps only the
    /// function here).
    pub cleanup_callback: Value,
    /// [[Cells]].
    pub cells: Vec<Cell>,
    /// Whether a cleanup job for this registry is queued and has not run yet.
    pub cleanup_queued: bool,
    /// Whether its cells hold their targets strongly: a registry made by the
    /// FinalizationRegistry of a compartment made after lockdown (SES), whose targets are
    /// never collected and whose cleanup callback never runs.
    pub strong: bool,
}

fn with_data<R>(o: &Object, f: impl FnOnce(&mut RegistryData) -> R) -> Option<R> {
    match &mut o.data_mut().kind {
        ObjectKind::FinalizationRegistry(data) => Some(f(data)),
        _ => None,
    }
}

/// FinalizationRegistry ( cleanupCallback ) (26.2.1.1).
fn finalization_registry_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    finalization_registry_create(agent, call, false)
}

/// The steps of the `FinalizationRegistry` of a compartment made after lockdown (SES):
/// FinalizationRegistry ( cleanupCallback ) whose registry holds the targets it registers
/// strongly, so that its cleanup callback is never called — ECMA-262 lets an
/// implementation never collect a target (9.10, "may"), and so no collection is
/// observable through it.
fn strong_finalization_registry_constructor(
    agent: &mut Agent,
    call: &BuiltinCall,
) -> JsResult<Value> {
    finalization_registry_create(agent, call, true)
}

/// The `FinalizationRegistry` of a compartment made after lockdown (C4.1 step 17, SES): a
/// built-in constructor named "FinalizationRegistry", of length 1, whose "prototype" is the
/// shared %FinalizationRegistry.prototype% (whose "constructor" lockdown made inert) and
/// whose registries hold their targets strongly.
pub fn create_compartment_finalization_registry_constructor(
    agent: &mut Agent,
    realm: &Realm,
) -> Object {
    super::weak_ref::compartment_constructor(
        agent,
        realm,
        "FinalizationRegistry",
        strong_finalization_registry_constructor,
        Intrinsic::FinalizationRegistryPrototype,
    )
}

/// FinalizationRegistry ( cleanupCallback ) (26.2.1.1), with whether the new registry
/// holds its targets strongly.
fn finalization_registry_create(
    agent: &mut Agent,
    call: &BuiltinCall,
    strong: bool,
) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error("Constructor FinalizationRegistry requires 'new'"));
    };
    // 2. If IsCallable(cleanupCallback) is false, throw a TypeError exception.
    let cleanup_callback = call.arg(0);
    if !is_callable(&cleanup_callback) {
        return Err(agent.type_error("FinalizationRegistry: the cleanup callback is not callable"));
    }
    // 4. Let fn be the active function object.
    // 5. Set finalizationRegistry.[[Realm]] to fn.[[Realm]].
    let realm = match &call.callee.data().kind {
        ObjectKind::Builtin(b) => Some(b.realm.clone()),
        _ => None,
    }
    .unwrap_or_else(|| agent.current_realm());
    // 3. Let finalizationRegistry be ? OrdinaryCreateFromConstructor(NewTarget,
    //    "%FinalizationRegistry.prototype%", « [[Realm]], [[CleanupCallback]], [[Cells]] »).
    // 6. Set finalizationRegistry.[[CleanupCallback]] to HostMakeJobCallback(cleanupCallback).
    // 7. Set finalizationRegistry.[[Cells]] to a new empty List.
    let registry = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::FinalizationRegistryPrototype,
        ObjectKind::FinalizationRegistry(Box::new(RegistryData {
            realm,
            cleanup_callback,
            cells: Vec::new(),
            cleanup_queued: false,
            strong,
        })),
    )?;
    // (A registry holding its targets strongly never has a cell to clean up.)
    if !strong {
        if let Some(weak) = WeakTarget::new(&Value::Object(registry.clone())) {
            agent.finalization_registries.push(weak);
        }
    }
    // 8. Return finalizationRegistry.
    Ok(Value::Object(registry))
}

/// FinalizationRegistry.prototype.register ( target, heldValue [ , unregisterToken ] )
/// (26.2.3.2).
fn register(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let finalizationRegistry be the this value.
    // 2. Perform ? RequireInternalSlot(finalizationRegistry, [[Cells]]).
    let registry = require_internal_slot(
        agent,
        call.this,
        InternalSlot::Cells,
        "FinalizationRegistry.prototype.register",
    )?;
    let (target, held_value, unregister_token) = (call.arg(0), call.arg(1), call.arg(2));
    // 3. If CanBeHeldWeakly(target) is false, throw a TypeError exception.
    let strong = with_data(&registry, |d| d.strong).unwrap_or(false);
    let hold = if strong {
        WeakTarget::strong
    } else {
        WeakTarget::new
    };
    let weak_target = hold(&target).filter(|_| can_be_held_weakly(agent, &target));
    let Some(weak_target) = weak_target else {
        return Err(agent.type_error("FinalizationRegistry.prototype.register: invalid target"));
    };
    // 4. If SameValue(target, heldValue) is true, throw a TypeError exception.
    if same_value(&target, &held_value) {
        return Err(agent.type_error(
            "FinalizationRegistry.prototype.register: the target and the held value are the same",
        ));
    }
    // 5. If CanBeHeldWeakly(unregisterToken) is false, then
    let token = if can_be_held_weakly(agent, &unregister_token) {
        WeakTarget::new(&unregister_token)
    } else {
        // a. If unregisterToken is not undefined, throw a TypeError exception.
        if !unregister_token.is_undefined() {
            return Err(agent
                .type_error("FinalizationRegistry.prototype.register: invalid unregister token"));
        }
        // b. Set unregisterToken to ~empty~.
        None
    };
    // 6. Let cell be the Record { [[WeakRefTarget]]: target, [[HeldValue]]: heldValue,
    //    [[UnregisterToken]]: unregisterToken }.
    // 7. Append cell to finalizationRegistry.[[Cells]].
    with_data(&registry, |d| {
        d.cells.push(Cell {
            target: weak_target,
            held_value,
            unregister_token: token,
        })
    });
    // 8. Return undefined.
    Ok(Value::Undefined)
}

/// FinalizationRegistry.prototype.unregister ( unregisterToken ) (26.2.3.3).
fn unregister(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let finalizationRegistry be the this value.
    // 2. Perform ? RequireInternalSlot(finalizationRegistry, [[Cells]]).
    let registry = require_internal_slot(
        agent,
        call.this,
        InternalSlot::Cells,
        "FinalizationRegistry.prototype.unregister",
    )?;
    // 3. If CanBeHeldWeakly(unregisterToken) is false, throw a TypeError exception.
    let unregister_token = call.arg(0);
    if !can_be_held_weakly(agent, &unregister_token) {
        return Err(
            agent.type_error("FinalizationRegistry.prototype.unregister: invalid unregister token")
        );
    }
    // 4. Let removed be false.
    // 5. For each Record { [[WeakRefTarget]], [[HeldValue]], [[UnregisterToken]] } cell of
    //    finalizationRegistry.[[Cells]], do
    //    a. If cell.[[UnregisterToken]] is not ~empty~ and
    //       SameValue(cell.[[UnregisterToken]], unregisterToken) is true, then
    //       i. Remove cell from finalizationRegistry.[[Cells]].
    //       ii. Set removed to true.
    let removed = with_data(&registry, |d| {
        let before = d.cells.len();
        d.cells.retain(|cell| {
            !cell
                .unregister_token
                .as_ref()
                .is_some_and(|t| t.is(&unregister_token))
        });
        d.cells.len() != before
    })
    .unwrap_or(false);
    // 6. Return removed.
    Ok(Value::Boolean(removed))
}

/// Whether a cell's target has been collected (its [[WeakRefTarget]] is empty).
fn target_is_empty(cell: &Cell) -> bool {
    cell.target.get().is_none()
}

/// The host's part of 9.9.3 (Execution): for each live FinalizationRegistry with a cell
/// whose target was collected, and no cleanup job queued yet, perform
/// HostEnqueueFinalizationRegistryCleanupJob(fg). Returns whether it queued any. Registries
/// that were collected themselves are forgotten.
pub fn enqueue_finalization_registry_cleanup_jobs(agent: &mut Agent) -> bool {
    let mut queued = false;
    let mut live = Vec::with_capacity(agent.finalization_registries.len());
    for weak in std::mem::take(&mut agent.finalization_registries) {
        let Some(Value::Object(registry)) = weak.get() else {
            continue;
        };
        let needs_cleanup = with_data(&registry, |d| {
            let needs = !d.cleanup_queued && d.cells.iter().any(target_is_empty);
            d.cleanup_queued |= needs;
            needs
        })
        .unwrap_or(false);
        if needs_cleanup {
            host_enqueue_finalization_registry_cleanup_job(agent, registry);
            queued = true;
        }
        live.push(weak);
    }
    live.append(&mut agent.finalization_registries);
    agent.finalization_registries = live;
    queued
}

/// HostEnqueueFinalizationRegistryCleanupJob ( finalizationRegistry ) (9.9.4.1).
fn host_enqueue_finalization_registry_cleanup_job(
    agent: &mut Agent,
    finalization_registry: Object,
) {
    // 1. Let cleanupJob be a new Job Abstract Closure with no parameters that captures
    //    finalizationRegistry and performs the following steps when called:
    let realm = with_data(&finalization_registry, |d| d.realm.clone());
    let cleanup_job = Box::new(move |agent: &mut Agent| -> JsResult<Value> {
        with_data(&finalization_registry, |d| d.cleanup_queued = false);
        // a. Let cleanupResult be Completion(CleanupFinalizationRegistry(
        //    finalizationRegistry)).
        crate::step!("sec-host-cleanup-finalization-registry", "1");
        let cleanup_result = cleanup_finalization_registry(agent, &finalization_registry);
        // b. If cleanupResult is an abrupt completion, perform any host-defined steps for
        //    reporting the error. (This host reports it as an exception out of a job.)
        crate::step!("sec-host-cleanup-finalization-registry", "2");
        cleanup_result?;
        // c. Return unused.
        crate::step!("sec-host-cleanup-finalization-registry", "3");
        Ok(Value::Undefined)
    });
    // 2. An implementation of HostEnqueueFinalizationRegistryCleanupJob schedules
    //    cleanupJob to be performed at some future time, if possible. (This host: in the
    //    agent's job queue, 9.5.)
    crate::spec::jobs::host_enqueue_generic_job(agent, cleanup_job, realm);
}

/// CleanupFinalizationRegistry ( finalizationRegistry ) (9.12).
pub fn cleanup_finalization_registry(
    agent: &mut Agent,
    finalization_registry: &Object,
) -> JsResult<()> {
    // 1. Assert: finalizationRegistry has [[Cells]] and [[CleanupCallback]] internal slots.
    crate::spec_assert!(
        "sec-cleanup-finalization-registry",
        "1",
        matches!(
            finalization_registry.data().kind,
            ObjectKind::FinalizationRegistry(_)
        )
    );
    // 2. Let callback be finalizationRegistry.[[CleanupCallback]].
    crate::step!("sec-cleanup-finalization-registry", "2");
    let Some(callback) = with_data(finalization_registry, |d| d.cleanup_callback.clone()) else {
        return Ok(());
    };
    let callback = crate::spec::jobs::host_make_job_callback(agent, callback);
    // 3. While finalizationRegistry.[[Cells]] contains a Record cell such that
    //    cell.[[WeakRefTarget]] is empty, an implementation may perform the following steps:
    //    a. Choose any such cell.
    //    b. Remove cell from finalizationRegistry.[[Cells]].
    //    (The cells are searched from where the last one was found, and a cell is removed
    //    by moving the last cell into its place: the order of [[Cells]] is not observable,
    //    and searching from the start and shifting the rest each time was quadratic in the
    //    number of dead cells. One more search from the start catches cells a callback's
    //    unregister shifted behind the cursor; any left after that wait for the next job.)
    crate::step!("sec-cleanup-finalization-registry", "3");
    let mut cursor = 0;
    let mut searched_from_start = false;
    while let Some(Some(cell)) = with_data(finalization_registry, |d| loop {
        match d.cells[cursor.min(d.cells.len())..]
            .iter()
            .position(target_is_empty)
        {
            Some(offset) => {
                // a. Choose any such cell.
                crate::step!("sec-cleanup-finalization-registry", "3.a");
                cursor += offset;
                // b. Remove cell from finalizationRegistry.[[Cells]].
                crate::step!("sec-cleanup-finalization-registry", "3.b");
                return Some(d.cells.swap_remove(cursor));
            }
            None if !searched_from_start => {
                searched_from_start = true;
                cursor = 0;
            }
            None => return None,
        }
    }) {
        //    c. Perform ? HostCallJobCallback(callback, undefined, « cell.[[HeldValue]] »).
        crate::step!("sec-cleanup-finalization-registry", "3.c");
        crate::spec::jobs::host_call_job_callback(
            agent,
            &callback,
            &Value::Undefined,
            &[cell.held_value],
        )?;
    }
    // 4. Return unused.
    crate::step!("sec-cleanup-finalization-registry", "4");
    Ok(())
}

/// Creates %FinalizationRegistry% (26.2.2) and %FinalizationRegistry.prototype% (26.2.3).
pub fn create_finalization_registry_intrinsics(agent: &mut Agent, realm: &Realm) {
    let object_prototype = realm.intrinsic(Intrinsic::ObjectPrototype);
    let prototype = ordinary_object_create(Some(object_prototype));
    realm.set_intrinsic(Intrinsic::FinalizationRegistryPrototype, prototype.clone());
    define_constructor(
        agent,
        realm,
        Intrinsic::FinalizationRegistry,
        "FinalizationRegistry",
        1,
        finalization_registry_constructor,
        &prototype,
        None,
    );
    define_method(agent, &prototype, "register", 2, register);
    define_method(agent, &prototype, "unregister", 1, unregister);
    // 26.2.3.4 FinalizationRegistry.prototype [ %Symbol.toStringTag% ]:
    // "FinalizationRegistry", { [[Writable]]: false, [[Enumerable]]: false,
    // [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(
        &prototype,
        tag,
        Value::string("FinalizationRegistry"),
        false,
        false,
        true,
    );
}
