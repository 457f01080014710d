//! 16.2.1.6 Cyclic Module Records (sec-cyclic-module-records): LoadRequestedModules,
//! InnerModuleLoading, ContinueModuleLoading (16.2.1.6.1.1), Link and InnerModuleLinking
//! (16.2.1.6.1.2), Evaluate, InnerModuleEvaluation, ExecuteAsyncModule,
//! GatherAvailableAncestors, AsyncModuleExecutionFulfilled and AsyncModuleExecutionRejected
//! (16.2.1.6.1.3), and the import defer proposal's EvaluateModuleSync and
//! GatherAsynchronousTransitiveDependencies.

use super::abstract_module_records::{AsyncEvaluationOrder, Module, ModuleStatus};
use super::agents::{increment_module_async_evaluation_count, Agent};
use super::builtin_function_objects::{builtin_closure, BuiltinCall};
use super::completion_record::JsResult;
use super::event_log;
use super::module_lists::ModuleList;
use super::module_semantics::{
    all_import_attributes_supported, get_imported_module, load_imported_module, GraphLoadingState,
    GraphLoadingStateHandle, LoadPayload, Referrer,
};
use super::object_kinds::ObjectKind;
use super::object_type::Object;
use super::operations_on_objects::call;
use super::promise_objects::{new_promise_capability, perform_promise_then, PromiseState};
use super::realms::Intrinsic;
use super::source_text_module_records::{execute_module, initialize_environment};
use super::synthetic_module_records::{
    synthetic_evaluate, synthetic_link, synthetic_load_requested_modules,
};
use super::testing_and_comparison::same_value;
use super::value::Value;
use crate::syntax::ast::ImportPhase;
use crate::syntax::static_semantics::module::module_requests_equal;
use boa_gc::{Gc, GcRefCell};

/// LoadRequestedModules ( [ hostDefined ] ) (16.2.1.6.1.1).
pub fn load_requested_modules(agent: &mut Agent, module: &Module, host_defined: Value) -> Object {
    load_requested_modules_with_state(agent, module, host_defined).0
}

/// LoadRequestedModules, also giving its GraphLoadingState (`None` for a record that is
/// not cyclic), so that a synchronous Compartment load that has to give up can abandon it
/// ([`abandon_graph_loading`]).
pub fn load_requested_modules_with_state(
    agent: &mut Agent,
    module: &Module,
    host_defined: Value,
) -> (Object, Option<GraphLoadingStateHandle>) {
    if !module.is_cyclic() {
        // The record's own concrete method (a Synthetic Module Record).
        return (synthetic_load_requested_modules(agent), None);
    }
    // 1. If hostDefined is not present, let hostDefined be empty.
    crate::step!("sec-LoadRequestedModules", "1");
    // 2. Let pc be ! NewPromiseCapability(%Promise%).
    crate::step!("sec-LoadRequestedModules", "2");
    let promise = Value::Object(agent.intrinsic(Intrinsic::Promise));
    let pc = new_promise_capability(agent, &promise).expect("%Promise% is a constructor");
    event_log::name_promise(agent, &pc.promise, || {
        format!("LoadRequestedModules({})", module.name())
    });
    // 3. Let state be the GraphLoadingState Record { [[IsLoading]]: true,
    //    [[PendingModulesCount]]: 1, [[Visited]]: « », [[PromiseCapability]]: pc,
    //    [[HostDefined]]: hostDefined }.
    crate::step!("sec-LoadRequestedModules", "3");
    let state = Gc::new(GcRefCell::new(GraphLoadingState {
        promise_capability: pc.clone(),
        is_loading: true,
        pending_modules_count: 1,
        visited: ModuleList::new(),
        host_defined,
    }));
    // 4. Perform InnerModuleLoading(state, module, recursive-load).
    crate::step!("sec-LoadRequestedModules", "4");
    inner_module_loading(agent, &state, module, LoadType::RecursiveLoad);
    // 5. Return pc.[[Promise]].
    crate::step!("sec-LoadRequestedModules", "5");
    (pc.promise, Some(state))
}

/// Abandons a graph loading that will not finish (a synchronous Compartment load that
/// would have to wait): [[IsLoading]] false (ContinueModuleLoading then returns at once),
/// and no visited module keeps it among the load states of its [[LoadingModules]], so a
/// later load of the same request starts afresh instead of joining it.
pub fn abandon_graph_loading(state: &GraphLoadingStateHandle) {
    let visited = {
        let mut data = state.borrow_mut();
        data.is_loading = false;
        data.visited.clone()
    };
    for module in visited {
        let mut data = module.data_mut();
        for (_, states) in data.loading_modules.iter_mut() {
            states.retain(|(payload, _)| {
                !matches!(payload, LoadPayload::GraphLoadingState(s) if Gc::ptr_eq(s, state))
            });
        }
        data.loading_modules
            .retain(|(_, states)| !states.is_empty());
    }
}

/// The loadType of InnerModuleLoading (source phase imports): a module imported for its
/// source phase is loaded alone, without its dependencies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadType {
    Single,
    RecursiveLoad,
}

impl LoadType {
    /// "If phase is source, let loadType be single; else let loadType be recursive-load."
    fn for_phase(phase: ImportPhase) -> LoadType {
        match phase {
            ImportPhase::Source => LoadType::Single,
            ImportPhase::Evaluation | ImportPhase::Defer => LoadType::RecursiveLoad,
        }
    }
}

/// InnerModuleLoading ( state, module, loadType ) (16.2.1.6.1.1.1).
pub fn inner_module_loading(
    agent: &mut Agent,
    state: &GraphLoadingStateHandle,
    module: &Module,
    load_type: LoadType,
) {
    // 1. Assert: state.[[IsLoading]] is true.
    crate::spec_assert!("sec-InnerModuleLoading", "1", state.borrow().is_loading);
    // 2. If loadType is recursive-load, module is a Cyclic Module Record, module.[[Status]]
    //    is new, and state.[[Visited]] does not contain module, then
    crate::step!("sec-InnerModuleLoading", "2");
    if load_type == LoadType::RecursiveLoad
        && module.is_cyclic()
        && module.status() == ModuleStatus::New
        && !state.borrow().visited.contains(module)
    {
        // a. Append module to state.[[Visited]].
        crate::step!("sec-InnerModuleLoading", "2.a");
        state.borrow_mut().visited.push(module.clone());
        // b. Let requestedModulesCount be the number of elements in
        //    module.[[RequestedModules]].
        crate::step!("sec-InnerModuleLoading", "2.b");
        let requested = module.requested_modules();
        // c. Set state.[[PendingModulesCount]] to state.[[PendingModulesCount]] +
        //    requestedModulesCount.
        crate::step!("sec-InnerModuleLoading", "2.c");
        state.borrow_mut().pending_modules_count += requested.len();
        // d. For each ModuleRequest Record request of module.[[RequestedModules]], do
        crate::step!("sec-InnerModuleLoading", "2.d");
        for request in &requested {
            let loaded = module
                .data()
                .loaded_modules
                .iter()
                .find(|(r, _)| module_requests_equal(r, request))
                .map(|(_, m)| m.clone());
            // i. If AllImportAttributesSupported(request.[[Attributes]]) is false, then
            crate::step!("sec-InnerModuleLoading", "2.d.i");
            if !all_import_attributes_supported(request) {
                // 1. Let error be ThrowCompletion(a newly created SyntaxError object).
                crate::step!("sec-InnerModuleLoading", "2.d.i.1");
                let error = agent.syntax_error(&format!(
                    "unsupported import attribute in the import of '{}'",
                    String::from_utf16_lossy(&request.specifier)
                ));
                // 2. Perform ContinueModuleLoading(state, request.[[Phase]], error).
                crate::step!("sec-InnerModuleLoading", "2.d.i.2");
                continue_module_loading(agent, state, request.phase, Err(error));
            } else if let Some(loaded) = loaded {
                // ii. Else if module.[[LoadedModules]] contains a LoadedModuleRequest
                //     Record record such that ModuleRequestsEqual(record, request) is true,
                //     then
                crate::step!("sec-InnerModuleLoading", "2.d.ii");
                // 1. If request.[[Phase]] is source, let innerLoadType be single; else let
                //    innerLoadType be recursive-load.
                crate::step!("sec-InnerModuleLoading", "2.d.ii.1");
                let inner_load_type = LoadType::for_phase(request.phase);
                // 2. Perform InnerModuleLoading(state, record.[[Module]], innerLoadType).
                crate::step!("sec-InnerModuleLoading", "2.d.ii.2");
                inner_module_loading(agent, state, &loaded, inner_load_type);
            } else {
                // iii. Else,
                crate::step!("sec-InnerModuleLoading", "2.d.iii");
                // 1. Perform LoadImportedModule(module, request, state.[[HostDefined]],
                //    state).
                crate::step!("sec-InnerModuleLoading", "2.d.iii.1");
                let host_defined = state.borrow().host_defined.clone();
                load_imported_module(
                    agent,
                    Referrer::Module(module.clone()),
                    request,
                    host_defined,
                    LoadPayload::GraphLoadingState(state.clone()),
                );
                // 2. NOTE: LoadImportedModule will call FinishLoadingImportedModule,
                //    which re-enters the graph loading process through
                //    ContinueModuleLoading.
                crate::step!("sec-InnerModuleLoading", "2.d.iii.2");
            }
            // iv. If state.[[IsLoading]] is false, return unused.
            crate::step!("sec-InnerModuleLoading", "2.d.iv");
            if !state.borrow().is_loading {
                return;
            }
        }
    }
    // 3. Assert: state.[[PendingModulesCount]] ≥ 1.
    crate::spec_assert!(
        "sec-InnerModuleLoading",
        "3",
        state.borrow().pending_modules_count >= 1
    );
    // 4. Set state.[[PendingModulesCount]] to state.[[PendingModulesCount]] - 1.
    crate::step!("sec-InnerModuleLoading", "4");
    let pending = {
        let mut s = state.borrow_mut();
        s.pending_modules_count = s.pending_modules_count.saturating_sub(1);
        s.pending_modules_count
    };
    // 5. If state.[[PendingModulesCount]] = 0, then
    crate::step!("sec-InnerModuleLoading", "5");
    if pending == 0 {
        // a. Set state.[[IsLoading]] to false.
        crate::step!("sec-InnerModuleLoading", "5.a");
        state.borrow_mut().is_loading = false;
        // b. For each Cyclic Module Record loaded of state.[[Visited]], do
        crate::step!("sec-InnerModuleLoading", "5.b");
        let visited = state.borrow().visited.clone();
        for loaded in visited {
            // i. If loaded.[[Status]] is new, set loaded.[[Status]] to unlinked.
            crate::step!("sec-InnerModuleLoading", "5.b.i");
            if loaded.status() == ModuleStatus::New {
                loaded.set_status(agent, ModuleStatus::Unlinked);
            }
        }
        // c. Perform ! Call(state.[[PromiseCapability]].[[Resolve]], undefined,
        //    « undefined »).
        crate::step!("sec-InnerModuleLoading", "5.c");
        let resolve = state.borrow().promise_capability.resolve.clone();
        let _ = call(agent, &resolve, &Value::Undefined, &[Value::Undefined]);
    }
    // 6. Return unused.
    crate::step!("sec-InnerModuleLoading", "6");
}

/// ContinueModuleLoading ( state, phase, moduleCompletion ) (16.2.1.6.1.1.2).
pub fn continue_module_loading(
    agent: &mut Agent,
    state: &GraphLoadingStateHandle,
    phase: ImportPhase,
    module_completion: JsResult<Module>,
) {
    // 1. If state.[[IsLoading]] is false, return unused.
    crate::step!("sec-ContinueModuleLoading", "1");
    if !state.borrow().is_loading {
        return;
    }
    match module_completion {
        // 2. If moduleCompletion is a normal completion, then
        Ok(module) => {
            crate::step!("sec-ContinueModuleLoading", "2");
            // a. If phase is source, let loadType be single; else let loadType be
            //    recursive-load.
            crate::step!("sec-ContinueModuleLoading", "2.a");
            let load_type = LoadType::for_phase(phase);
            // b. Perform InnerModuleLoading(state, moduleCompletion.[[Value]], loadType).
            crate::step!("sec-ContinueModuleLoading", "2.b");
            inner_module_loading(agent, state, &module, load_type);
        }
        // 3. Else,
        Err(error) => {
            crate::step!("sec-ContinueModuleLoading", "3");
            // a. Set state.[[IsLoading]] to false.
            crate::step!("sec-ContinueModuleLoading", "3.a");
            state.borrow_mut().is_loading = false;
            // b. Perform ! Call(state.[[PromiseCapability]].[[Reject]], undefined,
            //    « moduleCompletion.[[Value]] »).
            crate::step!("sec-ContinueModuleLoading", "3.b");
            let reject = state.borrow().promise_capability.reject.clone();
            let _ = call(agent, &reject, &Value::Undefined, &[error]);
        }
    }
    // 4. Return unused.
    crate::step!("sec-ContinueModuleLoading", "4");
}

/// Link ( ) (16.2.1.6.1.2) of a Cyclic Module Record.
pub fn link(agent: &mut Agent, module: &Module) -> JsResult<()> {
    if !module.is_cyclic() {
        // The record's own concrete method (a Synthetic Module Record).
        return synthetic_link(agent, module);
    }
    // 1. Assert: module.[[Status]] is one of unlinked, linked, evaluating-async, or
    //    evaluated.
    crate::spec_assert!(
        "sec-moduledeclarationlinking",
        "1",
        matches!(
            module.status(),
            ModuleStatus::Unlinked
                | ModuleStatus::Linked
                | ModuleStatus::EvaluatingAsync
                | ModuleStatus::Evaluated
        )
    );
    // 2. Let stack be a new empty List.
    crate::step!("sec-moduledeclarationlinking", "2");
    let mut stack = ModuleList::new();
    // 3. Let result be Completion(InnerModuleLinking(module, stack, 0)).
    crate::step!("sec-moduledeclarationlinking", "3");
    let result = inner_module_linking(agent, module, &mut stack, 0);
    // 4. If result is an abrupt completion, then
    crate::step!("sec-moduledeclarationlinking", "4");
    if let Err(error) = result {
        // a. For each Cyclic Module Record m of stack, do
        crate::step!("sec-moduledeclarationlinking", "4.a");
        for m in &stack {
            // i. Assert: m.[[Status]] is linking.
            crate::spec_assert!(
                "sec-moduledeclarationlinking",
                "4.a.i",
                m.status() == ModuleStatus::Linking
            );
            // ii. Set m.[[Status]] to unlinked.
            crate::step!("sec-moduledeclarationlinking", "4.a.ii");
            m.set_status(agent, ModuleStatus::Unlinked);
        }
        // b. Assert: module.[[Status]] is unlinked.
        crate::spec_assert!(
            "sec-moduledeclarationlinking",
            "4.b",
            module.status() == ModuleStatus::Unlinked
        );
        // c. Return ? result.
        crate::step!("sec-moduledeclarationlinking", "4.c");
        return Err(error);
    }
    // 5. Assert: module.[[Status]] is one of linked, evaluating-async, or evaluated.
    crate::spec_assert!(
        "sec-moduledeclarationlinking",
        "5",
        matches!(
            module.status(),
            ModuleStatus::Linked | ModuleStatus::EvaluatingAsync | ModuleStatus::Evaluated
        )
    );
    // 6. Assert: stack is empty.
    crate::spec_assert!("sec-moduledeclarationlinking", "6", stack.is_empty());
    // 7. Return unused.
    crate::step!("sec-moduledeclarationlinking", "7");
    Ok(())
}

/// InnerModuleLinking ( module, stack, index ) (16.2.1.6.1.2.1).
pub fn inner_module_linking(
    agent: &mut Agent,
    module: &Module,
    stack: &mut ModuleList,
    mut index: usize,
) -> JsResult<usize> {
    // 1. If module is not a Cyclic Module Record, then
    crate::step!("sec-InnerModuleLinking", "1");
    if !module.is_cyclic() {
        // a. Perform ? module.Link().
        crate::step!("sec-InnerModuleLinking", "1.a");
        link(agent, module)?;
        // b. Return index.
        crate::step!("sec-InnerModuleLinking", "1.b");
        return Ok(index);
    }
    // 2. If module.[[Status]] is one of linking, linked, evaluating-async, or evaluated,
    //    then
    crate::step!("sec-InnerModuleLinking", "2");
    if matches!(
        module.status(),
        ModuleStatus::Linking
            | ModuleStatus::Linked
            | ModuleStatus::EvaluatingAsync
            | ModuleStatus::Evaluated
    ) {
        // a. Return index.
        crate::step!("sec-InnerModuleLinking", "2.a");
        return Ok(index);
    }
    // 3. Assert: module.[[Status]] is unlinked.
    crate::spec_assert!(
        "sec-InnerModuleLinking",
        "3",
        module.status() == ModuleStatus::Unlinked
    );
    // 4. Set module.[[Status]] to linking.
    crate::step!("sec-InnerModuleLinking", "4");
    // 5. Set module.[[DFSIndex]] to index.
    crate::step!("sec-InnerModuleLinking", "5");
    // 6. Set module.[[DFSAncestorIndex]] to index.
    crate::step!("sec-InnerModuleLinking", "6");
    {
        let mut data = module.data_mut();
        data.dfs_index = Some(index);
        data.dfs_ancestor_index = Some(index);
    }
    // Step 4's status change, made after steps 5 and 6 (unobservably) so that its event
    // carries the new indices.
    module.set_status(agent, ModuleStatus::Linking);
    // 7. Set index to index + 1.
    crate::step!("sec-InnerModuleLinking", "7");
    index += 1;
    // 8. Append module to stack.
    crate::step!("sec-InnerModuleLinking", "8");
    stack.push(module.clone());
    // 9. For each ModuleRequest Record required of module.[[RequestedModules]], do
    crate::step!("sec-InnerModuleLinking", "9");
    for required in module.requested_modules() {
        // a. If required.[[Phase]] is evaluation, then (and defer: import defer loads and
        //    links a deferred module as an evaluation-phase one)
        crate::step!("sec-InnerModuleLinking", "9.a");
        if required.phase == ImportPhase::Source {
            continue;
        }
        // i. Let requiredModule be GetImportedModule(module, required).
        crate::step!("sec-InnerModuleLinking", "9.a.i");
        let required_module = get_imported_module(module, &required);
        // ii. Set index to ? InnerModuleLinking(requiredModule, stack, index).
        crate::step!("sec-InnerModuleLinking", "9.a.ii");
        index = inner_module_linking(agent, &required_module, stack, index)?;
        // iii. If requiredModule is a Cyclic Module Record, then
        crate::step!("sec-InnerModuleLinking", "9.a.iii");
        if !required_module.is_cyclic() {
            continue;
        }
        // 1. Assert: requiredModule.[[Status]] is one of linking, linked,
        //    evaluating-async, or evaluated.
        crate::spec_assert!(
            "sec-InnerModuleLinking",
            "9.a.iii.1",
            matches!(
                required_module.status(),
                ModuleStatus::Linking
                    | ModuleStatus::Linked
                    | ModuleStatus::EvaluatingAsync
                    | ModuleStatus::Evaluated
            )
        );
        // 2. Assert: requiredModule.[[Status]] is linking if and only if stack contains
        //    requiredModule.
        crate::spec_assert!(
            "sec-InnerModuleLinking",
            "9.a.iii.2",
            (required_module.status() == ModuleStatus::Linking) == stack.contains(&required_module)
        );
        // 3. If requiredModule.[[Status]] is linking, then
        crate::step!("sec-InnerModuleLinking", "9.a.iii.3");
        if required_module.status() == ModuleStatus::Linking {
            // a. Set module.[[DFSAncestorIndex]] to min(module.[[DFSAncestorIndex]],
            //    requiredModule.[[DFSAncestorIndex]]).
            crate::step!("sec-InnerModuleLinking", "9.a.iii.3.a");
            let theirs = required_module.data().dfs_ancestor_index;
            let mut data = module.data_mut();
            data.dfs_ancestor_index = data.dfs_ancestor_index.min(theirs);
        }
    }
    // 10. Perform ? module.InitializeEnvironment().
    crate::step!("sec-InnerModuleLinking", "10");
    initialize_environment(agent, module)?;
    // 11. Assert: module occurs exactly once in stack.
    crate::spec_assert!(
        "sec-InnerModuleLinking",
        "11",
        stack.occurrences(module) == 1
    );
    // 12. Assert: module.[[DFSAncestorIndex]] ≤ module.[[DFSIndex]].
    crate::spec_assert!(
        "sec-InnerModuleLinking",
        "12",
        dfs_ancestor_index_at_most_dfs_index(module)
    );
    // 13. If module.[[DFSAncestorIndex]] = module.[[DFSIndex]], then
    crate::step!("sec-InnerModuleLinking", "13");
    let is_root = {
        let data = module.data();
        data.dfs_ancestor_index == data.dfs_index
    };
    if is_root {
        // a. Let done be false.
        crate::step!("sec-InnerModuleLinking", "13.a");
        let mut done = false;
        // b. Repeat, while done is false,
        crate::step!("sec-InnerModuleLinking", "13.b");
        while !done {
            // i. Let requiredModule be the last element of stack.
            crate::step!("sec-InnerModuleLinking", "13.b.i");
            // ii. Remove the last element of stack.
            crate::step!("sec-InnerModuleLinking", "13.b.ii");
            let Some(required_module) = stack.pop() else {
                break;
            };
            // iii. Assert: requiredModule is a Cyclic Module Record.
            crate::spec_assert!(
                "sec-InnerModuleLinking",
                "13.b.iii",
                required_module.is_cyclic()
            );
            // iv. Set requiredModule.[[Status]] to linked.
            crate::step!("sec-InnerModuleLinking", "13.b.iv");
            required_module.set_status(agent, ModuleStatus::Linked);
            // v. If requiredModule and module are the same Module Record, set done to
            //    true.
            crate::step!("sec-InnerModuleLinking", "13.b.v");
            done = &required_module == module;
        }
    }
    // 14. Return index.
    crate::step!("sec-InnerModuleLinking", "14");
    Ok(index)
}

/// Evaluate ( ) (16.2.1.6.1.3) of a Cyclic Module Record: the promise for the evaluation
/// of the module's strongly connected component.
pub fn evaluate(agent: &mut Agent, module: &Module) -> Object {
    if !module.is_cyclic() {
        // The record's own concrete method (a Synthetic Module Record).
        return synthetic_evaluate(agent, module);
    }
    // 1. Assert: None of module or any of its recursive dependencies have [[Status]] set
    //    to evaluating or a status earlier than linked. (import defer: Evaluate can now run
    //    inside another Evaluate, through EvaluateModuleSync.)
    crate::spec_assert!(
        "sec-moduleevaluation",
        "1",
        no_recursive_dependency_evaluating_or_before_linked(module, &mut ModuleList::new())
    );
    // 2. Assert: module.[[Status]] is one of linked, evaluating-async, or evaluated.
    crate::spec_assert!(
        "sec-moduleevaluation",
        "2",
        matches!(
            module.status(),
            ModuleStatus::Linked | ModuleStatus::EvaluatingAsync | ModuleStatus::Evaluated
        )
    );
    // 3. If module.[[Status]] is either evaluating-async or evaluated, set module to
    //    module.[[CycleRoot]].
    crate::step!("sec-moduleevaluation", "3");
    let mut module = module.clone();
    if matches!(
        module.status(),
        ModuleStatus::EvaluatingAsync | ModuleStatus::Evaluated
    ) {
        let root = module.data().cycle_root.clone();
        if let Some(root) = root {
            module = root;
        }
    }
    // 4. If module.[[TopLevelCapability]] is not empty, then
    crate::step!("sec-moduleevaluation", "4");
    let existing = module.data().top_level_capability.clone();
    if let Some(capability) = existing {
        // a. Return module.[[TopLevelCapability]].[[Promise]].
        crate::step!("sec-moduleevaluation", "4.a");
        return capability.promise;
    }
    // 5. Let stack be a new empty List.
    crate::step!("sec-moduleevaluation", "5");
    let mut stack = ModuleList::new();
    // 6. Let capability be ! NewPromiseCapability(%Promise%).
    crate::step!("sec-moduleevaluation", "6");
    let promise = Value::Object(agent.intrinsic(Intrinsic::Promise));
    let capability = new_promise_capability(agent, &promise).expect("%Promise% is a constructor");
    // 7. Set module.[[TopLevelCapability]] to capability.
    crate::step!("sec-moduleevaluation", "7");
    module.data_mut().top_level_capability = Some(capability.clone());
    event_log::name_promise(agent, &capability.promise, || {
        format!("[[TopLevelCapability]] of {}", module.name())
    });
    // 8. Let result be Completion(InnerModuleEvaluation(module, stack, 0)).
    crate::step!("sec-moduleevaluation", "8");
    let result = inner_module_evaluation(agent, &module, &mut stack, 0);
    match result {
        // 9. If result is an abrupt completion, then
        Err(error) => {
            crate::step!("sec-moduleevaluation", "9");
            // a. For each Cyclic Module Record m of stack, do
            crate::step!("sec-moduleevaluation", "9.a");
            for m in &stack {
                // i. Assert: m.[[Status]] is evaluating.
                crate::spec_assert!(
                    "sec-moduleevaluation",
                    "9.a.i",
                    m.status() == ModuleStatus::Evaluating
                );
                // ii. Assert: m.[[AsyncEvaluationOrder]] is unset.
                crate::spec_assert!(
                    "sec-moduleevaluation",
                    "9.a.ii",
                    m.data().async_evaluation_order == AsyncEvaluationOrder::Unset
                );
                // iii. Set m.[[Status]] to evaluated.
                crate::step!("sec-moduleevaluation", "9.a.iii");
                // iv. Set m.[[EvaluationError]] to result.
                crate::step!("sec-moduleevaluation", "9.a.iv");
                // (the error first, so that the status event carries it)
                m.data_mut().evaluation_error = Some(error.clone());
                m.set_status(agent, ModuleStatus::Evaluated);
            }
            // b. Assert: module.[[Status]] is evaluated.
            crate::spec_assert!(
                "sec-moduleevaluation",
                "9.b",
                module.status() == ModuleStatus::Evaluated
            );
            // c. Assert: module.[[EvaluationError]] and result are the same Completion
            //    Record.
            crate::spec_assert!(
                "sec-moduleevaluation",
                "9.c",
                module
                    .data()
                    .evaluation_error
                    .as_ref()
                    .is_some_and(|e| same_value(e, &error))
            );
            // d. Perform ! Call(capability.[[Reject]], undefined, « result.[[Value]] »).
            crate::step!("sec-moduleevaluation", "9.d");
            let _ = call(agent, &capability.reject, &Value::Undefined, &[error]);
        }
        // 10. Else,
        Ok(_) => {
            crate::step!("sec-moduleevaluation", "10");
            // a. Assert: module.[[Status]] is either evaluating-async or evaluated.
            crate::spec_assert!(
                "sec-moduleevaluation",
                "10.a",
                matches!(
                    module.status(),
                    ModuleStatus::EvaluatingAsync | ModuleStatus::Evaluated
                )
            );
            // b. If module.[[AsyncEvaluationOrder]] is unset, then
            crate::step!("sec-moduleevaluation", "10.b");
            // SPEC ISSUE: a module that finished evaluating asynchronously has
            // [[AsyncEvaluationOrder]] done; when it is Evaluate()d again (import() of a
            // module first evaluated as another's dependency) nothing else resolves this
            // capability, so the promise would never settle. We test [[Status]] is evaluated,
            // as tc39/ecma262#3613 does (docs/spec-issues.md).
            if module.status() == ModuleStatus::Evaluated {
                // i. Assert: module.[[Status]] is evaluated.
                crate::spec_assert!(
                    "sec-moduleevaluation",
                    "10.b.i",
                    module.status() == ModuleStatus::Evaluated
                );
                // ii. Perform ! Call(capability.[[Resolve]], undefined, « undefined »).
                crate::step!("sec-moduleevaluation", "10.b.ii");
                let _ = call(
                    agent,
                    &capability.resolve,
                    &Value::Undefined,
                    &[Value::Undefined],
                );
            }
            // c. Assert: stack is empty.
            crate::spec_assert!("sec-moduleevaluation", "10.c", stack.is_empty());
        }
    }
    // 11. Return capability.[[Promise]].
    crate::step!("sec-moduleevaluation", "11");
    capability.promise
}

/// InnerModuleEvaluation ( module, stack, index ) (16.2.1.6.1.3.1).
pub fn inner_module_evaluation(
    agent: &mut Agent,
    module: &Module,
    stack: &mut ModuleList,
    mut index: usize,
) -> JsResult<usize> {
    // 1. If module is not a Cyclic Module Record, then
    crate::step!("sec-innermoduleevaluation", "1");
    if !module.is_cyclic() {
        // a. Let promise be ! module.Evaluate().
        crate::step!("sec-innermoduleevaluation", "1.a");
        let promise = evaluate(agent, module);
        // b. Assert: promise.[[PromiseState]] is not pending.
        crate::spec_assert!(
            "sec-innermoduleevaluation",
            "1.b",
            promise_state(&promise) != Some(PromiseState::Pending)
        );
        // c. If promise.[[PromiseState]] is rejected, then
        crate::step!("sec-innermoduleevaluation", "1.c");
        if let Some(reason) = rejected_promise_result(&promise) {
            // i. Return ThrowCompletion(promise.[[PromiseResult]]).
            crate::step!("sec-innermoduleevaluation", "1.c.i");
            return Err(reason);
        }
        // d. Return index.
        crate::step!("sec-innermoduleevaluation", "1.d");
        return Ok(index);
    }
    // 2. If module.[[Status]] is either evaluating-async or evaluated, then
    crate::step!("sec-innermoduleevaluation", "2");
    if matches!(
        module.status(),
        ModuleStatus::EvaluatingAsync | ModuleStatus::Evaluated
    ) {
        // a. If module.[[EvaluationError]] is empty, return index.
        crate::step!("sec-innermoduleevaluation", "2.a");
        // b. Otherwise, return ? module.[[EvaluationError]].
        crate::step!("sec-innermoduleevaluation", "2.b");
        return match module.data().evaluation_error.clone() {
            None => Ok(index),
            Some(error) => Err(error),
        };
    }
    // 3. If module.[[Status]] is evaluating, return index.
    crate::step!("sec-innermoduleevaluation", "3");
    if module.status() == ModuleStatus::Evaluating {
        return Ok(index);
    }
    // 4. Assert: module.[[Status]] is linked.
    crate::spec_assert!(
        "sec-innermoduleevaluation",
        "4",
        module.status() == ModuleStatus::Linked
    );
    // 5. Set module.[[Status]] to evaluating.
    crate::step!("sec-innermoduleevaluation", "5");
    // 6. Set module.[[DFSIndex]] to index.
    crate::step!("sec-innermoduleevaluation", "6");
    // 7. Set module.[[DFSAncestorIndex]] to index.
    crate::step!("sec-innermoduleevaluation", "7");
    // 8. Set module.[[PendingAsyncDependencies]] to 0.
    crate::step!("sec-innermoduleevaluation", "8");
    {
        let mut data = module.data_mut();
        data.dfs_index = Some(index);
        data.dfs_ancestor_index = Some(index);
        data.pending_async_dependencies = Some(0);
    }
    // Step 5's status change, made after steps 6-8 so that its event carries their values.
    module.set_status(agent, ModuleStatus::Evaluating);
    // 9. Set index to index + 1.
    crate::step!("sec-innermoduleevaluation", "9");
    index += 1;
    // 10. Let evaluationList be a new empty List.
    crate::step!("sec-innermoduleevaluation", "10");
    let mut evaluation_list: Vec<Module> = Vec::new();
    // 11. For each ModuleRequest Record required of module.[[RequestedModules]], do
    crate::step!("sec-innermoduleevaluation", "11");
    for required in module.requested_modules() {
        // a. Let requiredModule be GetImportedModule(module, required).
        crate::step!("sec-innermoduleevaluation", "11.a");
        // SPEC ISSUE (docs/spec-issues.md, "Source phase imports: InnerModuleEvaluation
        // tests a [[Phase]] that Module Records lack", and "import defer: the algorithms
        // that walk [[RequestedModules]]"): source phase imports' "If
        // requiredModule.[[Phase]] is evaluation" and import defer's evaluationList are
        // merged: a ~source~ request adds nothing to evaluationList.
        if required.phase == ImportPhase::Source {
            continue;
        }
        let required_module = get_imported_module(module, &required);
        // b. If required.[[Phase]] is defer, then
        crate::step!("sec-innermoduleevaluation", "11.b");
        if required.phase == ImportPhase::Defer {
            // i. Let additionalModules be
            //    GatherAsynchronousTransitiveDependencies(requiredModule).
            crate::step!("sec-innermoduleevaluation", "11.b.i");
            let additional_modules = gather_asynchronous_transitive_dependencies(
                &required_module,
                &mut ModuleList::new(),
            );
            // ii. For each Module Record additionalModule of additionalModules, do
            crate::step!("sec-innermoduleevaluation", "11.b.ii");
            for additional_module in additional_modules {
                // 1. If evaluationList does not contain additionalModule, then
                crate::step!("sec-innermoduleevaluation", "11.b.ii.1");
                if !evaluation_list.contains(&additional_module) {
                    // a. Append additionalModule to evaluationList.
                    crate::step!("sec-innermoduleevaluation", "11.b.ii.1.a");
                    evaluation_list.push(additional_module);
                }
            }
        } else if !evaluation_list.contains(&required_module) {
            // c. Else if evaluationList does not contain requiredModule, then
            crate::step!("sec-innermoduleevaluation", "11.c");
            // i. Append requiredModule to evaluationList.
            crate::step!("sec-innermoduleevaluation", "11.c.i");
            evaluation_list.push(required_module);
        }
    }
    // 12. Append module to stack.
    crate::step!("sec-innermoduleevaluation", "12");
    stack.push(module.clone());
    // 13. For each Module Record requiredModule of evaluationList, do
    crate::step!("sec-innermoduleevaluation", "13");
    for mut required_module in evaluation_list {
        // a. Set index to ? InnerModuleEvaluation(requiredModule, stack, index).
        crate::step!("sec-innermoduleevaluation", "13.a");
        index = inner_module_evaluation(agent, &required_module, stack, index)?;
        // b. If requiredModule is a Cyclic Module Record, then
        crate::step!("sec-innermoduleevaluation", "13.b");
        if !required_module.is_cyclic() {
            continue;
        }
        // i. Assert: requiredModule.[[Status]] is one of evaluating, evaluating-async, or
        //    evaluated.
        crate::spec_assert!(
            "sec-innermoduleevaluation",
            "13.b.i",
            matches!(
                required_module.status(),
                ModuleStatus::Evaluating | ModuleStatus::EvaluatingAsync | ModuleStatus::Evaluated
            )
        );
        // ii. Assert: requiredModule.[[Status]] is evaluating if and only if stack
        //    contains requiredModule.
        crate::spec_assert!(
            "sec-innermoduleevaluation",
            "13.b.ii",
            (required_module.status() == ModuleStatus::Evaluating)
                == stack.contains(&required_module)
        );
        // iii. If requiredModule.[[Status]] is evaluating, then
        crate::step!("sec-innermoduleevaluation", "13.b.iii");
        if required_module.status() == ModuleStatus::Evaluating {
            // 1. Set module.[[DFSAncestorIndex]] to min(module.[[DFSAncestorIndex]],
            //    requiredModule.[[DFSAncestorIndex]]).
            crate::step!("sec-innermoduleevaluation", "13.b.iii.1");
            let theirs = required_module.data().dfs_ancestor_index;
            let mut data = module.data_mut();
            data.dfs_ancestor_index = data.dfs_ancestor_index.min(theirs);
        } else {
            // iv. Else,
            crate::step!("sec-innermoduleevaluation", "13.b.iv");
            // 1. Set requiredModule to requiredModule.[[CycleRoot]].
            crate::step!("sec-innermoduleevaluation", "13.b.iv.1");
            let root = required_module.data().cycle_root.clone();
            if let Some(root) = root {
                required_module = root;
            }
            // 2. Assert: requiredModule.[[Status]] is either evaluating-async or
            //    evaluated.
            crate::spec_assert!(
                "sec-innermoduleevaluation",
                "13.b.iv.2",
                matches!(
                    required_module.status(),
                    ModuleStatus::EvaluatingAsync | ModuleStatus::Evaluated
                )
            );
            // 3. If requiredModule.[[EvaluationError]] is not empty, return ?
            //    requiredModule.[[EvaluationError]].
            crate::step!("sec-innermoduleevaluation", "13.b.iv.3");
            let error = required_module.data().evaluation_error.clone();
            if let Some(error) = error {
                return Err(error);
            }
        }
        // v. If requiredModule.[[AsyncEvaluationOrder]] is an integer, then
        crate::step!("sec-innermoduleevaluation", "13.b.v");
        let required_order = required_module.data().async_evaluation_order;
        if let AsyncEvaluationOrder::Order(_) = required_order {
            // 1. Set module.[[PendingAsyncDependencies]] to
            //    module.[[PendingAsyncDependencies]] + 1.
            crate::step!("sec-innermoduleevaluation", "13.b.v.1");
            {
                let mut data = module.data_mut();
                data.pending_async_dependencies =
                    Some(data.pending_async_dependencies.unwrap_or(0) + 1);
            }
            // 2. Append module to requiredModule.[[AsyncParentModules]].
            crate::step!("sec-innermoduleevaluation", "13.b.v.2");
            required_module
                .data_mut()
                .async_parent_modules
                .push(module.clone());
        }
    }
    // 14. If module.[[PendingAsyncDependencies]] > 0 or module.[[HasTLA]] is true, then
    crate::step!("sec-innermoduleevaluation", "14");
    let (pending, has_tla) = {
        let data = module.data();
        (data.pending_async_dependencies.unwrap_or(0), data.has_tla)
    };
    if pending > 0 || has_tla {
        // a. Assert: module.[[AsyncEvaluationOrder]] is unset.
        crate::spec_assert!(
            "sec-innermoduleevaluation",
            "14.a",
            module.data().async_evaluation_order == AsyncEvaluationOrder::Unset
        );
        // b. Set module.[[AsyncEvaluationOrder]] to IncrementModuleAsyncEvaluationCount().
        crate::step!("sec-innermoduleevaluation", "14.b");
        let order = increment_module_async_evaluation_count(agent);
        module.data_mut().async_evaluation_order = AsyncEvaluationOrder::Order(order);
        // c. If module.[[PendingAsyncDependencies]] = 0, perform ExecuteAsyncModule(module).
        crate::step!("sec-innermoduleevaluation", "14.c");
        if pending == 0 {
            execute_async_module(agent, module);
        }
    } else {
        // 15. Else,
        crate::step!("sec-innermoduleevaluation", "15");
        // a. Perform ? module.ExecuteModule().
        crate::step!("sec-innermoduleevaluation", "15.a");
        execute_module(agent, module, None)?;
    }
    // 16. Assert: module occurs exactly once in stack.
    crate::spec_assert!(
        "sec-innermoduleevaluation",
        "16",
        stack.occurrences(module) == 1
    );
    // 17. Assert: module.[[DFSAncestorIndex]] ≤ module.[[DFSIndex]].
    crate::spec_assert!(
        "sec-innermoduleevaluation",
        "17",
        dfs_ancestor_index_at_most_dfs_index(module)
    );
    // 18. If module.[[DFSAncestorIndex]] = module.[[DFSIndex]], then
    crate::step!("sec-innermoduleevaluation", "18");
    let is_root = {
        let data = module.data();
        data.dfs_ancestor_index == data.dfs_index
    };
    if is_root {
        // a. Let done be false.
        crate::step!("sec-innermoduleevaluation", "18.a");
        let mut done = false;
        // b. Repeat, while done is false,
        crate::step!("sec-innermoduleevaluation", "18.b");
        while !done {
            // i. Let requiredModule be the last element of stack.
            crate::step!("sec-innermoduleevaluation", "18.b.i");
            // ii. Remove the last element of stack.
            crate::step!("sec-innermoduleevaluation", "18.b.ii");
            let Some(required_module) = stack.pop() else {
                break;
            };
            // iii. Assert: requiredModule is a Cyclic Module Record.
            crate::spec_assert!(
                "sec-innermoduleevaluation",
                "18.b.iii",
                required_module.is_cyclic()
            );
            // iv. Assert: requiredModule.[[AsyncEvaluationOrder]] is either an integer or
            //     unset.
            crate::spec_assert!(
                "sec-innermoduleevaluation",
                "18.b.iv",
                matches!(
                    required_module.data().async_evaluation_order,
                    AsyncEvaluationOrder::Order(_) | AsyncEvaluationOrder::Unset
                )
            );
            let data = required_module.data();
            // v. If requiredModule.[[AsyncEvaluationOrder]] is unset, set
            //    requiredModule.[[Status]] to evaluated.
            crate::step!("sec-innermoduleevaluation", "18.b.v");
            let status = if data.async_evaluation_order == AsyncEvaluationOrder::Unset {
                ModuleStatus::Evaluated
            } else {
                // vi. Otherwise, set requiredModule.[[Status]] to evaluating-async.
                crate::step!("sec-innermoduleevaluation", "18.b.vi");
                ModuleStatus::EvaluatingAsync
            };
            drop(data);
            required_module.set_status(agent, status);
            // vii. If requiredModule and module are the same Module Record, set done to
            //      true.
            crate::step!("sec-innermoduleevaluation", "18.b.vii");
            done = &required_module == module;
            // viii. Set requiredModule.[[CycleRoot]] to module.
            crate::step!("sec-innermoduleevaluation", "18.b.viii");
            required_module.data_mut().cycle_root = Some(module.clone());
        }
    }
    // 19. Return index.
    crate::step!("sec-innermoduleevaluation", "19");
    Ok(index)
}

/// EvaluateModuleSync ( module ) (import defer): evaluates module synchronously, once
/// ReadyForSyncExecution said it can be (or it is already evaluated).
pub fn evaluate_module_sync(agent: &mut Agent, module: &Module) -> JsResult<()> {
    // (For the Asserts of steps 1 and 3: see the SPEC ISSUE below.)
    let already_evaluated = module.is_cyclic() && module.status() == ModuleStatus::Evaluated;
    // 1. Assert: If module is a Cyclic Module Record, module.[[HasTLA]] is false and all
    //    its asynchronous transitive dependencies have already been evaluated.
    crate::spec_assert!(
        "sec-EvaluateModuleSync",
        "1",
        already_evaluated
            || !module.is_cyclic()
            || (!module.has_tla()
                && gather_asynchronous_transitive_dependencies(module, &mut ModuleList::new())
                    .is_empty())
    );
    // 2. Let promise be ! module.Evaluate().
    crate::step!("sec-EvaluateModuleSync", "2");
    let promise = evaluate(agent, module);
    // 3. Assert: promise.[[PromiseState]] is either fulfilled or rejected.
    crate::spec_assert!(
        "sec-EvaluateModuleSync",
        "3",
        already_evaluated || promise_state(&promise) != Some(PromiseState::Pending)
    );
    // SPEC ISSUE (docs/spec-issues.md, "import defer: EvaluateModuleSync of a module whose
    // evaluation was asynchronous"): GetModuleExportsList calls this for any ~evaluated~
    // module, also one with [[HasTLA]] true or one that was evaluated asynchronously
    // ([[AsyncEvaluationOrder]] done). Evaluate() then makes a new [[TopLevelCapability]]
    // that its step 10.b never resolves (the order is not unset), so the promise is pending
    // and steps 1 and 3 do not hold (so they are checked only for a module not yet
    // evaluated). The module is evaluated without error (an error would have rejected the
    // promise through step 9), so a pending promise counts as success.
    // 4. If promise.[[PromiseState]] is rejected, then
    crate::step!("sec-EvaluateModuleSync", "4");
    if let Some(reason) = rejected_promise_result(&promise) {
        // SPEC ISSUE (docs/spec-issues.md, "import defer: EvaluateModuleSync marks the
        // rejection handled"): steps 4.a and 4.b are those of the proposal's 2026-03-20
        // text; the rest of this transcription follows the older draft.
        // a. If promise.[[PromiseIsHandled]] is false, perform
        //    HostPromiseRejectionTracker(promise, "handle").
        crate::step!("sec-EvaluateModuleSync", "4.a");
        if !crate::spec::promise_objects::promise_is_handled(&promise) {
            crate::spec::promise_objects::host_promise_rejection_tracker(
                agent,
                &promise,
                crate::spec::agents::RejectionOperation::Handle,
            );
        }
        // b. Set promise.[[PromiseIsHandled]] to true.
        crate::step!("sec-EvaluateModuleSync", "4.b");
        if let ObjectKind::Promise(p) = &mut promise.data_mut().kind {
            p.is_handled = true;
        }
        // c. Return ThrowCompletion(promise.[[PromiseResult]]).
        crate::step!("sec-EvaluateModuleSync", "4.c");
        return Err(reason);
    }
    // 5. Return unused.
    crate::step!("sec-EvaluateModuleSync", "5");
    Ok(())
}

/// IsModuleSCCEvaluated ( module ) (import defer): whether module's strongly connected
/// component has finished evaluating (its [[CycleRoot]] is evaluated), not only module.
pub fn is_module_scc_evaluated(module: &Module) -> bool {
    // 1. If module.[[CycleRoot]] is not empty, then
    crate::step!("sec-IsModuleSCCEvaluated", "1");
    let cycle_root = module.data().cycle_root.clone();
    if let Some(cycle_root) = cycle_root {
        // a. If module.[[CycleRoot]].[[Status]] is evaluated, return true.
        crate::step!("sec-IsModuleSCCEvaluated", "1.a");
        // b. Return false.
        crate::step!("sec-IsModuleSCCEvaluated", "1.b");
        return cycle_root.status() == ModuleStatus::Evaluated;
    }
    // 2. If module.[[Status]] is evaluated, return true.
    crate::step!("sec-IsModuleSCCEvaluated", "2");
    // 3. Return false.
    crate::step!("sec-IsModuleSCCEvaluated", "3");
    module.status() == ModuleStatus::Evaluated
}

/// GatherAsynchronousTransitiveDependencies ( module [ , seen ] ) (import defer): the
/// dependencies of module, in post-order, that have top-level await and are not yet
/// evaluating or evaluated, without looking past them. `seen` starts empty (step 1).
pub fn gather_asynchronous_transitive_dependencies(
    module: &Module,
    seen: &mut ModuleList,
) -> Vec<Module> {
    // 1. If seen is not specified, let seen be a new empty List.
    crate::step!("sec-GatherAsynchronousTransitiveDependencies", "1");
    // 2. Let result be a new empty List.
    crate::step!("sec-GatherAsynchronousTransitiveDependencies", "2");
    let mut result: Vec<Module> = Vec::new();
    // 3. If seen contains module, return result.
    crate::step!("sec-GatherAsynchronousTransitiveDependencies", "3");
    if seen.contains(module) {
        return result;
    }
    // 4. Append module to seen.
    crate::step!("sec-GatherAsynchronousTransitiveDependencies", "4");
    seen.push(module.clone());
    // 5. If module is not a Cyclic Module Record, return result.
    crate::step!("sec-GatherAsynchronousTransitiveDependencies", "5");
    if !module.is_cyclic() {
        return result;
    }
    // 6. If module.[[Status]] is either evaluating or IsModuleSCCEvaluated(module), return
    //    result.
    crate::step!("sec-GatherAsynchronousTransitiveDependencies", "6");
    if module.status() == ModuleStatus::Evaluating || is_module_scc_evaluated(module) {
        return result;
    }
    // 7. If module.[[HasTLA]] is true, then
    crate::step!("sec-GatherAsynchronousTransitiveDependencies", "7");
    if module.has_tla() {
        // a. Append module to result.
        crate::step!("sec-GatherAsynchronousTransitiveDependencies", "7.a");
        result.push(module.clone());
        // b. Return result.
        crate::step!("sec-GatherAsynchronousTransitiveDependencies", "7.b");
        return result;
    }
    // 8. For each ModuleRequest Record required of module.[[RequestedModules]], do
    crate::step!("sec-GatherAsynchronousTransitiveDependencies", "8");
    for required in module.requested_modules() {
        // SPEC ISSUE (docs/spec-issues.md, "import defer: the algorithms that walk
        // [[RequestedModules]]"): a ~source~ request's module is neither linked nor
        // evaluated with module; it is skipped.
        if required.phase == ImportPhase::Source {
            continue;
        }
        // a. Let requiredModule be GetImportedModule(module, required.[[Specifier]]).
        crate::step!("sec-GatherAsynchronousTransitiveDependencies", "8.a");
        let required_module = get_imported_module(module, &required);
        // b. Let additionalModules be GatherAsynchronousTransitiveDependencies(
        //    requiredModule, seen).
        crate::step!("sec-GatherAsynchronousTransitiveDependencies", "8.b");
        let additional_modules =
            gather_asynchronous_transitive_dependencies(&required_module, seen);
        // c. For each Module Record m of additionalModules, do
        crate::step!("sec-GatherAsynchronousTransitiveDependencies", "8.c");
        for m in additional_modules {
            // i. If result does not contain m, append m to result.
            crate::step!("sec-GatherAsynchronousTransitiveDependencies", "8.c.i");
            if !result.contains(&m) {
                result.push(m);
            }
        }
    }
    // 9. Return result.
    crate::step!("sec-GatherAsynchronousTransitiveDependencies", "9");
    result
}

/// IncrementModuleAsyncEvaluationCount ( ): the agent's [[ModuleAsyncEvaluationCount]]
/// before it is incremented.
/// promise.[[PromiseResult]] when promise.[[PromiseState]] is rejected.
fn rejected_promise_result(promise: &Object) -> Option<Value> {
    match &promise.data().kind {
        ObjectKind::Promise(p) if p.state == PromiseState::Rejected => Some(p.result.clone()),
        _ => None,
    }
}

/// promise.[[PromiseState]] (none when promise is not a promise).
fn promise_state(promise: &Object) -> Option<PromiseState> {
    match &promise.data().kind {
        ObjectKind::Promise(p) => Some(p.state),
        _ => None,
    }
}

/// For the Asserts of InnerModuleLinking and InnerModuleEvaluation:
/// module.[[DFSAncestorIndex]] ≤ module.[[DFSIndex]].
fn dfs_ancestor_index_at_most_dfs_index(module: &Module) -> bool {
    let data = module.data();
    matches!((data.dfs_ancestor_index, data.dfs_index), (Some(a), Some(i)) if a <= i)
}

/// For Evaluate's step 1 Assert: none of module or any of its recursive dependencies has
/// [[Status]] evaluating, linking, unlinked or new. The dependencies are those Evaluate
/// reaches: the modules loaded for evaluation- and defer-phase requests (a source-phase
/// import's module is only loaded, never linked by its importer); records that are not
/// Cyclic Module Records have no [[Status]] and are not looked into.
fn no_recursive_dependency_evaluating_or_before_linked(
    module: &Module,
    seen: &mut ModuleList,
) -> bool {
    if seen.contains(module) || !module.is_cyclic() {
        return true;
    }
    seen.push(module.clone());
    if matches!(
        module.status(),
        ModuleStatus::Evaluating
            | ModuleStatus::Linking
            | ModuleStatus::Unlinked
            | ModuleStatus::New
    ) {
        return false;
    }
    let dependencies: Vec<Module> = module
        .data()
        .loaded_modules
        .iter()
        .filter(|(request, _)| request.phase != ImportPhase::Source)
        .map(|(_, m)| m.clone())
        .collect();
    dependencies
        .iter()
        .all(|m| no_recursive_dependency_evaluating_or_before_linked(m, seen))
}

mod async_evaluation;
pub use async_evaluation::{
    async_module_execution_fulfilled, async_module_execution_rejected, execute_async_module,
    gather_available_ancestors,
};
