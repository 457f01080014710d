//! 16.2.1.6.1.3.2–16.2.1.6.1.3.5, the asynchronous part of a Cyclic Module Record's
//! evaluation: ExecuteAsyncModule, GatherAvailableAncestors, AsyncModuleExecutionFulfilled
//! and AsyncModuleExecutionRejected.

use super::*;

/// ExecuteAsyncModule ( module ) (16.2.1.6.1.3.2).
pub fn execute_async_module(agent: &mut Agent, module: &Module) {
    // 1. Assert: module.[[Status]] is either evaluating or evaluating-async.
    crate::spec_assert!(
        "sec-execute-async-module",
        "1",
        matches!(
            module.status(),
            ModuleStatus::Evaluating | ModuleStatus::EvaluatingAsync
        )
    );
    // 2. Assert: module.[[HasTLA]] is true.
    crate::spec_assert!("sec-execute-async-module", "2", module.has_tla());
    // 3. Let capability be ! NewPromiseCapability(%Promise%).
    crate::step!("sec-execute-async-module", "3");
    let promise = Value::Object(agent.intrinsic(Intrinsic::Promise));
    let capability = new_promise_capability(agent, &promise).expect("%Promise% is a constructor");
    event_log::name_promise(agent, &capability.promise, || {
        format!("ExecuteAsyncModule({})", module.name())
    });
    // 4. Let fulfilledClosure be a new Abstract Closure with no parameters that captures
    //    module and performs the following steps when called:
    crate::step!("sec-execute-async-module", "4");
    // 5. Let onFulfilled be CreateBuiltinFunction(fulfilledClosure, 0, "", « »).
    crate::step!("sec-execute-async-module", "5");
    let on_fulfilled = builtin_closure(agent, fulfilled_closure, 0.0, module.clone());
    // 6. Let rejectedClosure be a new Abstract Closure with parameters (error) that
    //    captures module and performs the following steps when called:
    crate::step!("sec-execute-async-module", "6");
    // 7. Let onRejected be CreateBuiltinFunction(rejectedClosure, 0, "", « »).
    crate::step!("sec-execute-async-module", "7");
    let on_rejected = builtin_closure(agent, rejected_closure, 0.0, module.clone());
    // 8. Perform PerformPromiseThen(capability.[[Promise]], onFulfilled, onRejected).
    crate::step!("sec-execute-async-module", "8");
    perform_promise_then(
        agent,
        &capability.promise,
        Value::Object(on_fulfilled),
        Value::Object(on_rejected),
        None,
    );
    // 9. Perform ! module.ExecuteModule(capability).
    crate::step!("sec-execute-async-module", "9");
    let _ = execute_module(agent, module, Some(capability));
    // 10. Return unused.
    crate::step!("sec-execute-async-module", "10");
}

/// fulfilledClosure of ExecuteAsyncModule (step 4).
fn fulfilled_closure(agent: &mut Agent, _call: &BuiltinCall, module: &Module) -> JsResult<Value> {
    // a. Perform AsyncModuleExecutionFulfilled(module).
    crate::step!("sec-execute-async-module", "4.a");
    async_module_execution_fulfilled(agent, module);
    // b. Return undefined.
    crate::step!("sec-execute-async-module", "4.b");
    Ok(Value::Undefined)
}

/// rejectedClosure of ExecuteAsyncModule (step 6).
fn rejected_closure(agent: &mut Agent, call: &BuiltinCall, module: &Module) -> JsResult<Value> {
    // a. Perform AsyncModuleExecutionRejected(module, error).
    crate::step!("sec-execute-async-module", "6.a");
    async_module_execution_rejected(agent, module, call.arg(0));
    // b. Return undefined.
    crate::step!("sec-execute-async-module", "6.b");
    Ok(Value::Undefined)
}

/// GatherAvailableAncestors ( module, execList ) (16.2.1.6.1.3.3).
pub fn gather_available_ancestors(module: &Module, exec_list: &mut ModuleList) {
    // 1. For each Cyclic Module Record m of module.[[AsyncParentModules]], do
    crate::step!("sec-gather-available-ancestors", "1");
    let parents = module.data().async_parent_modules.clone();
    for m in parents {
        // a. If execList does not contain m and m.[[CycleRoot]].[[EvaluationError]] is
        //    empty, then
        crate::step!("sec-gather-available-ancestors", "1.a");
        let root_error = m
            .data()
            .cycle_root
            .as_ref()
            .and_then(|root| root.data().evaluation_error.clone());
        if exec_list.contains(&m) || root_error.is_some() {
            continue;
        }
        // i. Assert: m.[[Status]] is evaluating-async.
        crate::spec_assert!(
            "sec-gather-available-ancestors",
            "1.a.i",
            m.status() == ModuleStatus::EvaluatingAsync
        );
        // ii. Assert: m.[[EvaluationError]] is empty.
        crate::spec_assert!(
            "sec-gather-available-ancestors",
            "1.a.ii",
            m.data().evaluation_error.is_none()
        );
        // iii. Assert: m.[[AsyncEvaluationOrder]] is an integer.
        crate::spec_assert!(
            "sec-gather-available-ancestors",
            "1.a.iii",
            matches!(
                m.data().async_evaluation_order,
                AsyncEvaluationOrder::Order(_)
            )
        );
        // iv. Assert: m.[[PendingAsyncDependencies]] > 0.
        crate::spec_assert!(
            "sec-gather-available-ancestors",
            "1.a.iv",
            m.data().pending_async_dependencies.is_some_and(|n| n > 0)
        );
        // v. Set m.[[PendingAsyncDependencies]] to m.[[PendingAsyncDependencies]] - 1.
        crate::step!("sec-gather-available-ancestors", "1.a.v");
        let pending = {
            let mut data = m.data_mut();
            let pending = data
                .pending_async_dependencies
                .unwrap_or(1)
                .saturating_sub(1);
            data.pending_async_dependencies = Some(pending);
            pending
        };
        // vi. If m.[[PendingAsyncDependencies]] = 0, then
        crate::step!("sec-gather-available-ancestors", "1.a.vi");
        if pending == 0 {
            // 1. Append m to execList.
            crate::step!("sec-gather-available-ancestors", "1.a.vi.1");
            exec_list.push(m.clone());
            // 2. If m.[[HasTLA]] is false, perform GatherAvailableAncestors(m, execList).
            crate::step!("sec-gather-available-ancestors", "1.a.vi.2");
            if !m.data().has_tla {
                gather_available_ancestors(&m, exec_list);
            }
        }
    }
    // 2. Return unused.
    crate::step!("sec-gather-available-ancestors", "2");
}

/// AsyncModuleExecutionFulfilled ( module ) (16.2.1.6.1.3.4).
pub fn async_module_execution_fulfilled(agent: &mut Agent, module: &Module) {
    // 1. If module.[[Status]] is evaluated, then
    crate::step!("sec-async-module-execution-fulfilled", "1");
    if module.status() == ModuleStatus::Evaluated {
        // a. Assert: module.[[EvaluationError]] is not empty.
        crate::spec_assert!(
            "sec-async-module-execution-fulfilled",
            "1.a",
            module.data().evaluation_error.is_some()
        );
        // b. Return unused.
        crate::step!("sec-async-module-execution-fulfilled", "1.b");
        return;
    }
    // 2. Assert: module.[[Status]] is evaluating-async.
    crate::spec_assert!(
        "sec-async-module-execution-fulfilled",
        "2",
        module.status() == ModuleStatus::EvaluatingAsync
    );
    // 3. Assert: module.[[AsyncEvaluationOrder]] is an integer.
    crate::spec_assert!(
        "sec-async-module-execution-fulfilled",
        "3",
        matches!(
            module.data().async_evaluation_order,
            AsyncEvaluationOrder::Order(_)
        )
    );
    // 4. Assert: module.[[EvaluationError]] is empty.
    crate::spec_assert!(
        "sec-async-module-execution-fulfilled",
        "4",
        module.data().evaluation_error.is_none()
    );
    // 5. Set module.[[AsyncEvaluationOrder]] to done.
    crate::step!("sec-async-module-execution-fulfilled", "5");
    // 6. Set module.[[Status]] to evaluated.
    crate::step!("sec-async-module-execution-fulfilled", "6");
    module.data_mut().async_evaluation_order = AsyncEvaluationOrder::Done;
    module.set_status(agent, ModuleStatus::Evaluated);
    // 7. If module.[[TopLevelCapability]] is not empty, then
    crate::step!("sec-async-module-execution-fulfilled", "7");
    let capability = module.data().top_level_capability.clone();
    if let Some(capability) = capability {
        // a. Assert: module.[[CycleRoot]] and module are the same Module Record.
        crate::spec_assert!(
            "sec-async-module-execution-fulfilled",
            "7.a",
            module.data().cycle_root.as_ref() == Some(module)
        );
        // b. Perform ! Call(module.[[TopLevelCapability]].[[Resolve]], undefined,
        //    « undefined »).
        crate::step!("sec-async-module-execution-fulfilled", "7.b");
        let _ = call(
            agent,
            &capability.resolve,
            &Value::Undefined,
            &[Value::Undefined],
        );
    }
    // 8. Let execList be a new empty List.
    crate::step!("sec-async-module-execution-fulfilled", "8");
    let mut exec_list = ModuleList::new();
    // 9. Perform GatherAvailableAncestors(module, execList).
    crate::step!("sec-async-module-execution-fulfilled", "9");
    gather_available_ancestors(module, &mut exec_list);
    // 10. Assert: All elements of execList have their [[AsyncEvaluationOrder]] field set to
    //     an integer, [[PendingAsyncDependencies]] field set to 0, and [[EvaluationError]]
    //     field set to empty.
    crate::spec_assert!(
        "sec-async-module-execution-fulfilled",
        "10",
        exec_list.iter().all(|m| {
            let data = m.data();
            matches!(data.async_evaluation_order, AsyncEvaluationOrder::Order(_))
                && data.pending_async_dependencies == Some(0)
                && data.evaluation_error.is_none()
        })
    );
    // 11. Let sortedExecList be a List whose elements are the elements of execList, sorted
    //     by their [[AsyncEvaluationOrder]] field in ascending order.
    crate::step!("sec-async-module-execution-fulfilled", "11");
    let order = |m: &Module| match m.data().async_evaluation_order {
        AsyncEvaluationOrder::Order(n) => n,
        _ => u64::MAX,
    };
    let mut exec_list = exec_list.into_vec();
    exec_list.sort_by_key(order);
    // 12. For each Cyclic Module Record m of sortedExecList, do
    crate::step!("sec-async-module-execution-fulfilled", "12");
    for m in exec_list {
        // a. If m.[[Status]] is evaluated, then
        crate::step!("sec-async-module-execution-fulfilled", "12.a");
        if m.status() == ModuleStatus::Evaluated {
            // i. Assert: m.[[EvaluationError]] is not empty.
            crate::spec_assert!(
                "sec-async-module-execution-fulfilled",
                "12.a.i",
                m.data().evaluation_error.is_some()
            );
        } else if m.data().has_tla {
            // b. Else if m.[[HasTLA]] is true, then
            crate::step!("sec-async-module-execution-fulfilled", "12.b");
            // i. Perform ExecuteAsyncModule(m).
            crate::step!("sec-async-module-execution-fulfilled", "12.b.i");
            execute_async_module(agent, &m);
        } else {
            // c. Else,
            crate::step!("sec-async-module-execution-fulfilled", "12.c");
            // i. Let result be m.ExecuteModule().
            crate::step!("sec-async-module-execution-fulfilled", "12.c.i");
            let result = execute_module(agent, &m, None);
            // ii. If result is an abrupt completion, then
            crate::step!("sec-async-module-execution-fulfilled", "12.c.ii");
            if let Err(error) = result {
                // 1. Perform AsyncModuleExecutionRejected(m, result.[[Value]]).
                crate::step!("sec-async-module-execution-fulfilled", "12.c.ii.1");
                async_module_execution_rejected(agent, &m, error);
            } else {
                // iii. Else,
                crate::step!("sec-async-module-execution-fulfilled", "12.c.iii");
                // 1. Set m.[[AsyncEvaluationOrder]] to done.
                crate::step!("sec-async-module-execution-fulfilled", "12.c.iii.1");
                // 2. Set m.[[Status]] to evaluated.
                crate::step!("sec-async-module-execution-fulfilled", "12.c.iii.2");
                m.data_mut().async_evaluation_order = AsyncEvaluationOrder::Done;
                m.set_status(agent, ModuleStatus::Evaluated);
                // 3. If m.[[TopLevelCapability]] is not empty, then
                crate::step!("sec-async-module-execution-fulfilled", "12.c.iii.3");
                let capability = m.data().top_level_capability.clone();
                if let Some(capability) = capability {
                    // a. Assert: m.[[CycleRoot]] and m are the same Module Record.
                    crate::spec_assert!(
                        "sec-async-module-execution-fulfilled",
                        "12.c.iii.3.a",
                        m.data().cycle_root.as_ref() == Some(&m)
                    );
                    // b. Perform ! Call(m.[[TopLevelCapability]].[[Resolve]], undefined,
                    //    « undefined »).
                    crate::step!("sec-async-module-execution-fulfilled", "12.c.iii.3.b");
                    let _ = call(
                        agent,
                        &capability.resolve,
                        &Value::Undefined,
                        &[Value::Undefined],
                    );
                }
            }
        }
    }
    // 13. Return unused.
    crate::step!("sec-async-module-execution-fulfilled", "13");
}

/// AsyncModuleExecutionRejected ( module, error ) (16.2.1.6.1.3.5).
pub fn async_module_execution_rejected(agent: &mut Agent, module: &Module, error: Value) {
    // 1. If module.[[Status]] is evaluated, then
    crate::step!("sec-async-module-execution-rejected", "1");
    if module.status() == ModuleStatus::Evaluated {
        // a. Assert: module.[[EvaluationError]] is not empty.
        crate::spec_assert!(
            "sec-async-module-execution-rejected",
            "1.a",
            module.data().evaluation_error.is_some()
        );
        // b. Return unused.
        crate::step!("sec-async-module-execution-rejected", "1.b");
        return;
    }
    // 2. Assert: module.[[Status]] is evaluating-async.
    crate::spec_assert!(
        "sec-async-module-execution-rejected",
        "2",
        module.status() == ModuleStatus::EvaluatingAsync
    );
    // 3. Assert: module.[[AsyncEvaluationOrder]] is an integer.
    crate::spec_assert!(
        "sec-async-module-execution-rejected",
        "3",
        matches!(
            module.data().async_evaluation_order,
            AsyncEvaluationOrder::Order(_)
        )
    );
    // 4. Assert: module.[[EvaluationError]] is empty.
    crate::spec_assert!(
        "sec-async-module-execution-rejected",
        "4",
        module.data().evaluation_error.is_none()
    );
    // 5. Set module.[[EvaluationError]] to ThrowCompletion(error).
    crate::step!("sec-async-module-execution-rejected", "5");
    // 6. Set module.[[Status]] to evaluated.
    crate::step!("sec-async-module-execution-rejected", "6");
    // 7. Set module.[[AsyncEvaluationOrder]] to done.
    crate::step!("sec-async-module-execution-rejected", "7");
    {
        let mut data = module.data_mut();
        data.evaluation_error = Some(error.clone());
        data.async_evaluation_order = AsyncEvaluationOrder::Done;
    }
    // Step 6, after step 7 so that the status event carries all three fields.
    module.set_status(agent, ModuleStatus::Evaluated);
    // 8. NOTE: module.[[AsyncEvaluationOrder]] is set to done for symmetry with
    //    AsyncModuleExecutionFulfilled. In InnerModuleEvaluation, the value of a module's
    //    [[AsyncEvaluationOrder]] internal slot is unused when its [[EvaluationError]]
    //    internal slot is not empty.
    crate::step!("sec-async-module-execution-rejected", "8");
    // 9. For each Cyclic Module Record m of module.[[AsyncParentModules]], do
    crate::step!("sec-async-module-execution-rejected", "9");
    let parents = module.data().async_parent_modules.clone();
    for m in parents {
        // a. Perform AsyncModuleExecutionRejected(m, error).
        crate::step!("sec-async-module-execution-rejected", "9.a");
        async_module_execution_rejected(agent, &m, error.clone());
    }
    // 10. If module.[[TopLevelCapability]] is not empty, then
    crate::step!("sec-async-module-execution-rejected", "10");
    let capability = module.data().top_level_capability.clone();
    if let Some(capability) = capability {
        // a. Assert: module.[[CycleRoot]] and module are the same Module Record.
        crate::spec_assert!(
            "sec-async-module-execution-rejected",
            "10.a",
            module.data().cycle_root.as_ref() == Some(module)
        );
        // b. Perform ! Call(module.[[TopLevelCapability]].[[Reject]], undefined,
        //    « error »).
        crate::step!("sec-async-module-execution-rejected", "10.b");
        let _ = call(agent, &capability.reject, &Value::Undefined, &[error]);
    }
    // 11. Return unused.
    crate::step!("sec-async-module-execution-rejected", "11");
}
