//! 14.7 Iteration Statements: `do-while`, `while`, `for`, `for-in` and `for-of` with
//! their LoopEvaluation, ForBodyEvaluation, CreatePerIterationEnvironment,
//! ForIn/OfHeadEvaluation and ForIn/OfBodyEvaluation.

use super::expressions::{
    evaluate_expression, lexical_environment, number_binary_expression, resolve_binding,
};
use super::patterns::{binding_initialization, destructuring_assignment_evaluation};
use super::statements::{evaluate_statement, set_lexical_environment, variable_declaration};
use crate::spec::agents::Agent;
use crate::spec::await_operation::await_value;
use crate::spec::completion_record::{Completion, JsResult, StatementResult};
use crate::spec::environment_records::{new_declarative_environment, Env};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_iterator_objects::{
    async_iterator_close, get_iterator_of_kind, iterator_close, iterator_complete, iterator_value,
    IteratorKind, IteratorRecord,
};
use crate::spec::operations_on_objects::call;
use crate::spec::reference_record::{initialize_referenced_binding, put_value};
use crate::spec::type_conversion::{to_boolean, to_object};
use crate::spec::value::Value;
use crate::syntax::ast::{
    AssignOp, Block, Expr, ExprKind, ForHead, ForInit, LexicalName, Pattern, Stmt, StmtKind,
    UpdateOp, VarKind,
};
use crate::syntax::static_semantics::names::var_decl_bound_names;
use std::collections::VecDeque;

/// Whether a statement is an IterationStatement.
pub fn is_loop(statement: &Stmt) -> bool {
    matches!(
        statement.kind,
        StmtKind::For { .. }
            | StmtKind::ForIn { .. }
            | StmtKind::ForOf { .. }
            | StmtKind::While { .. }
            | StmtKind::DoWhile { .. }
    )
}

/// LoopContinues ( completion, labelSet ) (14.7.1.1). (Inlined: it runs once per iteration.)
#[inline(always)]
fn loop_continues(completion: &Completion, label_set: &[&str]) -> bool {
    // 1. If completion is a normal completion, return true.
    crate::step!("sec-loopcontinues", "1");
    if let Completion::Normal(_) = completion {
        return true;
    }
    // 2. If completion is not a continue completion, return false.
    crate::step!("sec-loopcontinues", "2");
    let Completion::Continue(target, _) = completion else {
        return false;
    };
    // 3. If completion.[[Target]] is empty, return true.
    crate::step!("sec-loopcontinues", "3");
    let Some(target) = target else {
        return true;
    };
    // 4. If labelSet contains completion.[[Target]], return true.
    crate::step!("sec-loopcontinues", "4");
    if label_set.contains(&target.as_str()) {
        return true;
    }
    // 5. Return false.
    crate::step!("sec-loopcontinues", "5");
    false
}

/// LoopEvaluation (14.7.1.2) of an IterationStatement.
#[crate::trace::checks_tracing_once]
pub fn evaluate_loop(agent: &mut Agent, statement: &Stmt, label_set: &[&str]) -> StatementResult {
    match &statement.kind {
        StmtKind::DoWhile { body, test } => {
            // DoWhileLoopEvaluation (14.7.2.2) with argument labelSet:
            // 1. Let V be undefined.
            crate::step!("sec-runtime-semantics-dowhileloopevaluation", "1");
            let mut v = Value::Undefined;
            // 2. Repeat,
            crate::step!("sec-runtime-semantics-dowhileloopevaluation", "2");
            loop {
                // (The host's time limit, not a spec step: a loop that calls nothing must
                //  still stop when it runs out; see Agent::check_limits.)
                agent.check_limits()?;
                // a. Let stmtResult be Completion(Evaluation of Statement).
                crate::step!("sec-runtime-semantics-dowhileloopevaluation", "2.a");
                let stmt_result = evaluate_statement(agent, body)?;
                // b. If LoopContinues(stmtResult, labelSet) is false, return ?
                //    UpdateEmpty(stmtResult, V).
                crate::step!("sec-runtime-semantics-dowhileloopevaluation", "2.b");
                if !loop_continues(&stmt_result, label_set) {
                    return Ok(stmt_result.update_empty(Some(v)));
                }
                // c. If stmtResult.[[Value]] is not empty, set V to stmtResult.[[Value]].
                crate::step!("sec-runtime-semantics-dowhileloopevaluation", "2.c");
                if let Some(value) = stmt_result.value() {
                    v = value.clone();
                }
                // d. Let exprRef be ? Evaluation of Expression.
                crate::step!("sec-runtime-semantics-dowhileloopevaluation", "2.d");
                // e. Let exprValue be ? GetValue(exprRef).
                crate::step!("sec-runtime-semantics-dowhileloopevaluation", "2.e");
                let expr_value = evaluate_expression(agent, test)?;
                // f. If ToBoolean(exprValue) is false, return V.
                crate::step!("sec-runtime-semantics-dowhileloopevaluation", "2.f");
                if !to_boolean(&expr_value) {
                    return Ok(Completion::Normal(Some(v)));
                }
            }
        }
        StmtKind::While { test, body } => {
            // WhileLoopEvaluation (14.7.3.2) with argument labelSet:
            // 1. Let V be undefined.
            crate::step!("sec-runtime-semantics-whileloopevaluation", "1");
            let mut v = Value::Undefined;
            // 2. Repeat,
            crate::step!("sec-runtime-semantics-whileloopevaluation", "2");
            loop {
                // (The host's time limit, not a spec step: a loop that calls nothing must
                //  still stop when it runs out; see Agent::check_limits.)
                agent.check_limits()?;
                if crate::trace::enabled() {
                    // a. Let exprRef be ? Evaluation of Expression.
                    crate::step!("sec-runtime-semantics-whileloopevaluation", "2.a");
                    // b. Let exprValue be ? GetValue(exprRef).
                    crate::step!("sec-runtime-semantics-whileloopevaluation", "2.b");
                }
                let expr_value = evaluate_expression(agent, test)?;
                // c. If ToBoolean(exprValue) is false, return V.
                crate::step!("sec-runtime-semantics-whileloopevaluation", "2.c");
                if !to_boolean(&expr_value) {
                    return Ok(Completion::Normal(Some(v)));
                }
                // d. Let stmtResult be Completion(Evaluation of Statement).
                crate::step!("sec-runtime-semantics-whileloopevaluation", "2.d");
                let stmt_result = evaluate_statement(agent, body)?;
                // e. If LoopContinues(stmtResult, labelSet) is false, return ?
                //    UpdateEmpty(stmtResult, V).
                crate::step!("sec-runtime-semantics-whileloopevaluation", "2.e");
                if !loop_continues(&stmt_result, label_set) {
                    return Ok(stmt_result.update_empty(Some(v)));
                }
                // f. If stmtResult.[[Value]] is not empty, set V to stmtResult.[[Value]].
                crate::step!("sec-runtime-semantics-whileloopevaluation", "2.f");
                if let Some(value) = stmt_result.value() {
                    v = value.clone();
                }
            }
        }
        StmtKind::For {
            init,
            test,
            update,
            body,
            closures,
            captures,
        } => for_statement(
            agent,
            init.as_deref(),
            test.as_deref(),
            update.as_deref(),
            body,
            // (With tracing on, whether the loop makes closures at all, so that the
            // trace does not depend on what they refer to.)
            if crate::trace::enabled() {
                *closures
            } else {
                *captures
            },
            label_set,
        ),
        StmtKind::ForIn { left, right, body } => for_in_of(
            agent,
            left,
            right,
            body,
            IterationKind::Enumerate,
            label_set,
        ),
        StmtKind::ForOf {
            left,
            right,
            body,
            is_await,
        } => {
            // ForInOfStatement : for await ( ... of AssignmentExpression ) Statement
            // 1. Let keyResult be ? ForIn/OfHeadEvaluation(..., AssignmentExpression,
            //    async-iterate).
            // 2. Return ? ForIn/OfBodyEvaluation(..., Statement, keyResult, iterate, ...,
            //    labelSet, async).
            let kind = if *is_await {
                IterationKind::AsyncIterate
            } else {
                IterationKind::Iterate
            };
            for_in_of(agent, left, right, body, kind, label_set)
        }
        _ => unreachable!("not an iteration statement"),
    }
}

/// ForStatement LoopEvaluation (14.7.4.2).
fn for_statement(
    agent: &mut Agent,
    init: Option<&ForInit>,
    test: Option<&Expr>,
    update: Option<&Expr>,
    body: &Stmt,
    closures: bool,
    label_set: &[&str],
) -> StatementResult {
    match init {
        Some(ForInit::Var(decl)) if decl.kind != VarKind::Var => {
            // ForStatement : for ( LexicalDeclaration Expression_opt ; Expression_opt )
            // 1. Let oldEnv be the running execution context's LexicalEnvironment.
            let old_env = lexical_environment(agent);
            // 2. Let loopEnv be NewDeclarativeEnvironment(oldEnv).
            let loop_env = new_declarative_environment(Some(old_env.clone()));
            // 3. Let isConst be IsConstantDeclaration of LexicalDeclaration.
            let is_const = decl.kind == VarKind::Const;
            // 4. Let boundNames be the BoundNames of LexicalDeclaration.
            let bound_names: Vec<String> = var_decl_bound_names(decl)
                .into_iter()
                .map(|id| id.name.to_string())
                .collect();
            // 5. For each element dn of boundNames, do
            //    a. If isConst is true, then i. Perform ! loopEnv.CreateImmutableBinding(dn,
            //       true).
            //    b. Else, i. Perform ! loopEnv.CreateMutableBinding(dn, false).
            for dn in &bound_names {
                if is_const {
                    loop_env.create_immutable_binding(agent, dn, true)?;
                } else {
                    loop_env.create_mutable_binding(agent, dn, false)?;
                }
            }
            // 6. Set the running execution context's LexicalEnvironment to loopEnv.
            set_lexical_environment(agent, loop_env);
            // 7. Let forDcl be Completion(Evaluation of LexicalDeclaration).
            // 8. If forDcl is an abrupt completion, then
            //    a. Set the running execution context's LexicalEnvironment to oldEnv.
            //    b. Return ? forDcl.
            if let Err(e) = variable_declaration(agent, decl) {
                set_lexical_environment(agent, old_env);
                return Err(e);
            }
            // 9. If isConst is false, let perIterationLets be boundNames; otherwise let
            //    perIterationLets be a new empty List.
            // (Shortcut, docs/ARCHITECTURE.md: when the loop's code makes no closure that
            // can refer to these bindings, no code can tell the per-iteration copies from
            // loopEnv, so none are made.)
            let per_iteration_lets: Vec<String> = if is_const || !closures {
                Vec::new()
            } else {
                bound_names
            };
            // 10-11. test and increment.
            // 12. Let bodyResult be Completion(ForBodyEvaluation(test, increment, Statement,
            //     perIterationLets, labelSet)).
            let body_result =
                for_body_evaluation(agent, test, update, body, &per_iteration_lets, label_set);
            // 13. Set the running execution context's LexicalEnvironment to oldEnv.
            set_lexical_environment(agent, old_env);
            // 14. Return ? bodyResult.
            body_result
        }
        _ => {
            match init {
                // for ( var VariableDeclarationList ; ... )
                // 1. Let varDcl be ? Evaluation of VariableDeclarationList.
                Some(ForInit::Var(decl)) => variable_declaration(agent, decl)?,
                // for ( Expression_opt ; ... )
                // 1. If the first Expression is present, then
                //    a. Let exprRef be ? Evaluation of the first Expression.
                //    b. Perform ? GetValue(exprRef).
                Some(ForInit::Expr(e)) => {
                    evaluate_expression(agent, e)?;
                }
                None => {}
            }
            // 4. Return ? ForBodyEvaluation(test, increment, Statement, « », labelSet).
            for_body_evaluation(agent, test, update, body, &[], label_set)
        }
    }
}

/// ForBodyEvaluation ( test, increment, stmt, perIterationBindings, labelSet ) (14.7.4.3).
fn for_body_evaluation(
    agent: &mut Agent,
    test: Option<&Expr>,
    increment: Option<&Expr>,
    stmt: &Stmt,
    per_iteration_bindings: &[String],
    label_set: &[&str],
) -> StatementResult {
    // 1. Let V be undefined.
    let mut v = Value::Undefined;
    // 2. Perform ? CreatePerIterationEnvironment(perIterationBindings).
    create_per_iteration_environment(agent, per_iteration_bindings)?;
    // (Not while tracing: a body of ExpressionStatements only, evaluated in step b without
    // the statement dispatch; see `expression_statements_of`.)
    let expression_statements = if crate::trace::enabled() {
        None
    } else {
        expression_statements_of(stmt)
    };
    // (Not while tracing: a Block body of declarations and ExpressionStatements, evaluated
    // in step b without the statement dispatch; see `declarations_block_of`.)
    let declarations_block = if crate::trace::enabled() || expression_statements.is_some() {
        None
    } else {
        declarations_block_of(stmt)
    };
    // (Not while tracing: the running LexicalEnvironment, held for the fast paths of the
    // test, the body's statements and the increment below, which read binding slots
    // through it. It is the running one whenever they run: each statement leaves the
    // LexicalEnvironment as it found it, and after step e's new record it is taken again.)
    let mut env = lexical_environment(agent);
    // 3. Repeat,
    loop {
        // (The host's time limit, not a spec step; see Agent::check_limits.)
        agent.check_limits()?;
        let untraced = !crate::trace::enabled();
        // a. If test is not ~empty~, then
        //    i. Let testRef be ? Evaluation of test.
        //    ii. Let testValue be ? GetValue(testRef).
        //    iii. If ToBoolean(testValue) is false, return V.
        if let Some(test) = test {
            // (`i < n` of Numbers in binding slots or literals, a Boolean: its own
            // ToBoolean; not while tracing. Then the same of slots and global places
            // without the general dispatch, expressions.rs.)
            let test_boolean = match untraced
                .then(|| super::expressions::number_comparison_in(&env, test))
                .flatten()
            {
                Some(test_boolean) => {
                    agent.current_offset = test.span.start;
                    test_boolean
                }
                None => match number_binary_expression(agent, test)
                    .or_else(|| number_or_global_test(agent, test))
                {
                    Some(test_value) => {
                        let test_boolean = match &test_value {
                            Value::Boolean(b) => *b,
                            other => to_boolean(other),
                        };
                        test_value.discard();
                        test_boolean
                    }
                    None => super::expressions::evaluate_to_boolean(agent, test)?,
                },
            };
            if !test_boolean {
                return Ok(Completion::Normal(Some(v)));
            }
        }
        // b. Let result be Completion(Evaluation of stmt).
        if let Some(statements) = expression_statements {
            // (Each ExpressionStatement's completion is normal with a value, or a throw, or
            // the return completion of a return signal; the Block's is the last one's.
            // c. LoopContinues is true for the normal one; d. sets V to its value. A
            // return completion has a value: c. returns it as it is.)
            let env = untraced.then_some(&env);
            if let Err(e) = expression_statements_evaluation(agent, env, statements, &mut v) {
                return crate::interp::generators::return_signal_to_completion(e);
            }
        } else if let Some((block, names)) = declarations_block {
            // (The Block's completion is normal with the last ExpressionStatement's value or
            // ~empty~, or a throw, or the return completion of a return signal, as above:
            // c. LoopContinues is true for the normal one; d. `v` is set as it goes.)
            agent.current_offset = stmt.span.start;
            if let Err(e) = declarations_block_evaluation(agent, block, names, &mut v) {
                return crate::interp::generators::return_signal_to_completion(e);
            }
        } else {
            let result = evaluate_statement(agent, stmt)?;
            // c. If LoopContinues(result, labelSet) is false, return ? UpdateEmpty(result,
            //    V).
            if !loop_continues(&result, label_set) {
                return Ok(result.update_empty(Some(v)));
            }
            // d. If result.[[Value]] is not ~empty~, set V to result.[[Value]].
            if let Completion::Normal(Some(value)) = result {
                std::mem::replace(&mut v, value).discard();
            } else if let Some(value) = result.value() {
                v = value.clone();
            }
        }
        // e. Perform ? CreatePerIterationEnvironment(perIterationBindings).
        //    (Step 1 of it does nothing for an empty list.)
        if !per_iteration_bindings.is_empty() {
            create_per_iteration_environment(agent, per_iteration_bindings)?;
            env = lexical_environment(agent);
        }
        // f. If increment is not ~empty~, then
        //    i. Let incRef be ? Evaluation of increment.
        //    ii. Perform ? GetValue(incRef).
        if let Some(increment) = increment {
            if !update_number_in_place(agent, untraced.then_some(&env), increment) {
                evaluate_expression(agent, increment)?.discard();
            }
        }
    }
}

/// Evaluation of a `for` increment `x++` / `x--` / `++x` / `--x` whose identifier's
/// binding slot or global place holds a Number, without the expression dispatch: steps
/// 1-5 of 13.4.2.1-13.4.5.1 in place (`identifiers::update_number_in_slot`, what the
/// dispatch does for it; the value, which GetValue gives and ForBodyEvaluation step f
/// discards, is not made). `false`, with nothing done, for anything else (and while
/// tracing: the identifiers then have no place). `env`: the running LexicalEnvironment,
/// when the caller holds it (not while tracing).
#[inline(always)]
fn update_number_in_place(agent: &mut Agent, env: Option<&Env>, increment: &Expr) -> bool {
    let ExprKind::Update {
        op,
        target: Pattern::Ident(id),
        ..
    } = &increment.kind
    else {
        return false;
    };
    let delta = if *op == UpdateOp::Increment {
        1.0
    } else {
        -1.0
    };
    if !env.is_some_and(|env| super::identifiers::update_slot_number_in(env, id, delta))
        && super::identifiers::update_number_in_slot(agent, id, delta).is_none()
    {
        return false;
    }
    agent.current_offset = increment.span.start;
    true
}

/// The ExpressionStatements a loop body consists of, when it is one, or a Block without
/// lexical declarations whose StatementList is only ExpressionStatements (`None`
/// otherwise). Evaluating such a body (14.2.2 Block : { StatementList }, 14.5.1
/// ExpressionStatement, the StatementList's UpdateEmpty) gives the last statement's value
/// or the first abrupt completion, a throw or the return completion of a return signal:
/// no break or continue completion, no label, no environment.
fn expression_statements_of(stmt: &Stmt) -> Option<&[Stmt]> {
    let statements = match &stmt.kind {
        StmtKind::Expr { .. } => std::slice::from_ref(stmt),
        StmtKind::Block(block) if !block.scoped && !block.body.is_empty() => &block.body,
        _ => return None,
    };
    statements
        .iter()
        .all(|s| matches!(s.kind, StmtKind::Expr { .. }))
        .then_some(statements)
}

/// A loop body that is a Block whose names were found when it was parsed
/// (`Block::lexical_bindings`: it declares something lexically, no function) and whose
/// StatementList is only VariableStatements, `let` / `const` LexicalDeclarations and
/// ExpressionStatements (`None` otherwise): the Block and those names. Evaluating such a
/// body (14.2.2 Block : { StatementList } as `statements::block_statement` does it, each
/// declaration's completion ~empty~, 14.3.1.2 and 14.3.2.1) gives the last
/// ExpressionStatement's value or ~empty~ (UpdateEmpty), or the first abrupt completion, a
/// throw or the return completion of a return signal: no break or continue completion, no
/// label.
fn declarations_block_of(stmt: &Stmt) -> Option<(&Block, &[LexicalName])> {
    let StmtKind::Block(block) = &stmt.kind else {
        return None;
    };
    let names = block.lexical_bindings.as_deref()?;
    (block.scoped
        && block.body.iter().all(|s| match &s.kind {
            StmtKind::Expr { .. } => true,
            StmtKind::Var(decl) => {
                matches!(decl.kind, VarKind::Var | VarKind::Let | VarKind::Const)
            }
            _ => false,
        }))
    .then_some((block, names))
}

/// Evaluation of the Block of [`declarations_block_of`] (14.2.2 Block : { StatementList }),
/// setting `v` to each ExpressionStatement's value as it is evaluated (the Block's value
/// is the last one's: a declaration's ~empty~ leaves it, UpdateEmpty). Not while tracing.
#[inline(never)]
fn declarations_block_evaluation(
    agent: &mut Agent,
    block: &Block,
    names: &[LexicalName],
    v: &mut Value,
) -> JsResult<()> {
    // 1. Let oldEnv be the running execution context's LexicalEnvironment.
    // 2. Let blockEnv be NewDeclarativeEnvironment(oldEnv).
    // 3. Perform BlockDeclarationInstantiation(StatementList, blockEnv).
    //    (The record made with its bindings at once, as `block_statement` makes it.)
    // 4. Set the running execution context's LexicalEnvironment to blockEnv.
    //    (Memory only: oldEnv's handle is moved out of the context and back, not cloned.)
    let old_env = {
        let outer = lexical_environment(agent);
        let block_env = crate::spec::environment_records::new_declarative_environment_of_names(
            Some(outer),
            names,
        );
        agent
            .running_execution_context_mut()
            .lexical_environment
            .replace(block_env)
    };
    // 5. Let blockValue be Completion(Evaluation of StatementList).
    let block_value = declarations_and_expressions_evaluation(agent, &block.body, v);
    // 6. Set the running execution context's LexicalEnvironment to oldEnv.
    agent.running_execution_context_mut().lexical_environment = old_env;
    // 7. Return ? blockValue.
    // (Memory only: a normal completion is made anew rather than the body's result copied
    // back, a 24-byte copy whose load spanned the body's just-written tag, a store-forwarding
    // stall.)
    block_value?;
    Ok(())
}

/// The StatementList of [`declarations_block_evaluation`]: each statement in order at its
/// position, as `statements::evaluate_statement_list` evaluates it (a declaration by
/// `variable_declaration`, an ExpressionStatement by `evaluate_expression_statement`).
#[inline(always)]
fn declarations_and_expressions_evaluation(
    agent: &mut Agent,
    statements: &[Stmt],
    v: &mut Value,
) -> JsResult<()> {
    for statement in statements {
        agent.current_offset = statement.span.start;
        match &statement.kind {
            StmtKind::Var(decl) => super::statements::lexical_or_variable_declaration(agent, decl)?,
            StmtKind::Expr { expr, .. } => {
                let value = super::expressions::evaluate_expression_statement(agent, expr)?;
                std::mem::replace(v, value).discard();
            }
            // (`declarations_block_of` gives no other statement.)
            _ => {}
        }
    }
    Ok(())
}

/// Evaluation of the ExpressionStatements of [`expression_statements_of`], in order (each
/// at its position, as `evaluate_statement_list` does), setting `v` to the last one's
/// value, the body's completion value (the others' are replaced by the next one's).
/// `env`: the running LexicalEnvironment, when the caller holds it (not while tracing).
#[inline(always)]
fn expression_statements_evaluation(
    agent: &mut Agent,
    env: Option<&Env>,
    statements: &[Stmt],
    v: &mut Value,
) -> JsResult<()> {
    let Some((last, statements)) = statements.split_last() else {
        return Ok(());
    };
    for statement in statements {
        // (A value the next statement's replaces.)
        if assign_number_statement(agent, env, statement).is_none() {
            expression_statement_evaluation(agent, statement)?.discard();
        }
    }
    let value = match assign_number_statement(agent, env, last) {
        Some(n) => Value::Number(n),
        None => expression_statement_evaluation(agent, last)?,
    };
    std::mem::replace(v, value).discard();
    Ok(())
}

/// ExpressionStatement : Expression ; (14.5.1) — 1. Let exprRef be ? Evaluation of
/// Expression. 2. Return ? GetValue(exprRef).
#[inline(always)]
fn expression_statement_evaluation(agent: &mut Agent, statement: &Stmt) -> JsResult<Value> {
    let StmtKind::Expr { expr, .. } = &statement.kind else {
        // (`expression_statements_of` gives ExpressionStatements only.)
        return Ok(Value::Undefined);
    };
    agent.current_offset = statement.span.start;
    super::expressions::evaluate_expression_statement(agent, expr)
}

/// [`expression_statement_evaluation`] of `x = a op b` to a binding slot holding a Number
/// or a global place, with `env` (the running LexicalEnvironment, held by the caller; not
/// while tracing): `identifiers::assign_number_in` (13.15.2 steps 1.a-e for that case), its
/// value. `None`, with nothing done, for anything else.
#[inline(always)]
fn assign_number_statement(agent: &mut Agent, env: Option<&Env>, statement: &Stmt) -> Option<f64> {
    let (
        Some(env),
        StmtKind::Expr {
            expr:
                Expr {
                    kind:
                        ExprKind::Assign {
                            op: AssignOp::Assign,
                            target: Pattern::Ident(id),
                            value,
                        },
                    span,
                    ..
                },
            ..
        },
    ) = (env, &statement.kind)
    else {
        return None;
    };
    let n = super::identifiers::assign_number_in(env, id, value)?;
    // (Where the general steps leave the error location.)
    agent.current_offset = span.start;
    Some(n)
}

/// CreatePerIterationEnvironment ( perIterationBindings ) (14.7.4.4).
fn create_per_iteration_environment(
    agent: &mut Agent,
    per_iteration_bindings: &[String],
) -> JsResult<()> {
    // 1. If perIterationBindings has any elements, then
    if per_iteration_bindings.is_empty() {
        return Ok(());
    }
    // a. Let lastIterationEnv be the running execution context's LexicalEnvironment.
    let last_iteration_env = lexical_environment(agent);
    // b. Let outer be lastIterationEnv.[[OuterEnv]]. c. Assert: outer is not null.
    let outer = last_iteration_env.outer();
    // d. Let thisIterationEnv be NewDeclarativeEnvironment(outer).
    let this_iteration_env = new_declarative_environment(outer);
    // (Room for exactly the bindings below: the record lives as long as the closures
    // that capture it.)
    this_iteration_env.reserve_bindings(per_iteration_bindings.len());
    // e. For each element bn of perIterationBindings, do
    for bn in per_iteration_bindings {
        // i. Perform ! thisIterationEnv.CreateMutableBinding(bn, false).
        this_iteration_env.create_mutable_binding(agent, bn, false)?;
        // ii. Let lastValue be ? lastIterationEnv.GetBindingValue(bn, true).
        let last_value = last_iteration_env.get_binding_value(agent, bn, true)?;
        // iii. Perform ! thisIterationEnv.InitializeBinding(bn, lastValue).
        this_iteration_env.initialize_binding(agent, bn, last_value)?;
    }
    // f. Set the running execution context's LexicalEnvironment to thisIterationEnv.
    set_lexical_environment(agent, this_iteration_env);
    // 2. Return unused.
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum IterationKind {
    Enumerate,
    Iterate,
    AsyncIterate,
}

/// EnumerateObjectProperties ( O ) (14.7.5.9), implemented as the spec's informative For-In
/// Iterator (14.7.5.10) suggests.
fn enumerate_object_properties(obj: Object) -> ForInState {
    // 1. Return an iterator object whose next method iterates over all the String-valued
    //    keys of enumerable properties of O. ...
    crate::step!("sec-enumerate-object-properties", "1");
    create_for_in_iterator(obj)
}

/// CreateForInIterator ( object ) (14.7.5.10.1): the iterator's slots (the object itself is
/// never exposed to code, so it is not made).
fn create_for_in_iterator(object: Object) -> ForInState {
    // 1. Let iterator be OrdinaryObjectCreate(%ForInIteratorPrototype%, « [[Object]],
    //    [[ObjectWasVisited]], [[VisitedKeys]], [[RemainingKeys]] »).
    crate::step!("sec-createforiniterator", "1");
    // 2. Set iterator.[[Object]] to object.
    crate::step!("sec-createforiniterator", "2");
    // 3. Set iterator.[[ObjectWasVisited]] to false.
    crate::step!("sec-createforiniterator", "3");
    // 4. Set iterator.[[VisitedKeys]] to a new empty List.
    crate::step!("sec-createforiniterator", "4");
    // 5. Set iterator.[[RemainingKeys]] to a new empty List.
    crate::step!("sec-createforiniterator", "5");
    let iterator = ForInState {
        object: Some(object),
        object_was_visited: false,
        visited_keys: Default::default(),
        remaining_keys: VecDeque::new(),
    };
    // 6. Return iterator.
    crate::step!("sec-createforiniterator", "6");
    iterator
}

/// The state of EnumerateObjectProperties: the steps of %ForInIteratorPrototype%.next
/// (14.7.5.10.2.1), run directly (the For-In Iterator object is never exposed to code).
struct ForInState {
    object: Option<Object>,
    object_was_visited: bool,
    /// [[VisitedKeys]]: a set, as it is only appended to and searched (a List scanned per
    /// key made `for-in` over an object of 40,000 keys quadratic).
    visited_keys: rustc_hash::FxHashSet<PropertyKey>,
    remaining_keys: VecDeque<PropertyKey>,
}

impl ForInState {
    /// %ForInIteratorPrototype%.next ( ): the next key, or `None` when done.
    fn next(&mut self, agent: &mut Agent) -> JsResult<Option<Value>> {
        // 5. Repeat,
        loop {
            let Some(object) = self.object.clone() else {
                return Ok(None);
            };
            // a. If O.[[ObjectWasVisited]] is false, then
            if !self.object_was_visited {
                // i. Let keys be ? object.[[OwnPropertyKeys]]().
                // ii. For each element key of keys, do
                //     1. If key is a String, then a. Append key to O.[[RemainingKeys]].
                for key in object.own_property_keys(agent)? {
                    if !key.is_symbol() {
                        self.remaining_keys.push_back(key);
                    }
                }
                // iii. Set O.[[ObjectWasVisited]] to true.
                self.object_was_visited = true;
            }
            // b. Repeat, while O.[[RemainingKeys]] is not empty,
            //    i. Let r be the first element of O.[[RemainingKeys]].
            //    ii. Remove the first element from O.[[RemainingKeys]].
            while let Some(r) = self.remaining_keys.pop_front() {
                // iii. If there does not exist an element v of O.[[VisitedKeys]] such that
                //      SameValue(r, v) is true, then
                if !self.visited_keys.contains(&r) {
                    // 1. Let desc be ? object.[[GetOwnProperty]](r).
                    // 2. If desc is not undefined, then
                    if let Some(desc) = object.get_own_property(agent, &r)? {
                        // a. Append r to O.[[VisitedKeys]].
                        self.visited_keys.insert(r.clone());
                        // b. If desc.[[Enumerable]] is true, return
                        //    CreateIteratorResultObject(r, false).
                        if desc.enumerable == Some(true) {
                            return Ok(Some(r.to_value()));
                        }
                    }
                }
            }
            // c. Set object to ? object.[[GetPrototypeOf]]().
            // d. Set O.[[Object]] to object.
            // e. Set O.[[ObjectWasVisited]] to false.
            // f. If object is null, return CreateIteratorResultObject(undefined, true).
            self.object = object.get_prototype_of(agent)?;
            self.object_was_visited = false;
        }
    }
}

/// Where a for-in/of loop takes its values from: the for-in state, or the Iterator
/// Record with the iteratorKind ForIn/OfBodyEvaluation is given (async for `for await`,
/// whose iterationKind is iterate).
enum Source {
    Enumerate(ForInState),
    Iterate(IteratorRecord, IteratorKind),
}

impl Source {
    /// The end of an iteration whose `status` is abrupt (ForIn/OfBodyEvaluation steps
    /// 6.i.ii-iv and 6.l): AsyncIteratorClose for an async iterator, IteratorClose for a
    /// sync one, `status` itself for for-in.
    fn close<T>(&self, agent: &mut Agent, status: JsResult<T>) -> JsResult<T> {
        match self {
            // If iteratorKind is async, return ? AsyncIteratorClose(iteratorRecord, status).
            Source::Iterate(record, IteratorKind::Async) => {
                async_iterator_close(agent, record, status)
            }
            // If iterationKind is enumerate, then return ? status.
            Source::Enumerate(_) => status,
            // Else, return ? IteratorClose(iteratorRecord, status).
            Source::Iterate(record, IteratorKind::Sync) => iterator_close(agent, record, status),
        }
    }
}

/// The kinds of left-hand sides (lhsKind).
#[derive(Clone, Copy, PartialEq, Eq)]
enum LhsKind {
    Assignment,
    VarBinding,
    LexicalBinding,
}

fn for_in_of(
    agent: &mut Agent,
    left: &ForHead,
    right: &Expr,
    body: &Stmt,
    kind: IterationKind,
    label_set: &[&str],
) -> StatementResult {
    let (lhs_kind, target, uninitialized_bound_names): (LhsKind, &Pattern, Vec<String>) = match left
    {
        ForHead::Pattern(p) => (LhsKind::Assignment, p, Vec::new()),
        ForHead::Var(decl) => {
            let target = &decl.declarations[0].target;
            if decl.kind == VarKind::Var {
                (LhsKind::VarBinding, target, Vec::new())
            } else {
                let names = var_decl_bound_names(decl)
                    .into_iter()
                    .map(|id| id.name.to_string())
                    .collect();
                (LhsKind::LexicalBinding, target, names)
            }
        }
    };
    let is_const = matches!(left, ForHead::Var(d) if d.kind == VarKind::Const);
    // 1. Let keyResult be ? ForIn/OfHeadEvaluation(uninitializedBoundNames, Expression,
    //    iterationKind).
    let source = match for_in_of_head_evaluation(agent, &uninitialized_bound_names, right, kind)? {
        Some(source) => source,
        // (A break completion: `for-in` over undefined or null.)
        None => return Ok(Completion::Normal(Some(Value::Undefined))),
    };
    // 2. Return ? ForIn/OfBodyEvaluation(lhs, Statement, keyResult, iterationKind,
    //    lhsKind, labelSet).
    for_in_of_body_evaluation(agent, target, body, source, lhs_kind, is_const, label_set)
}

/// ForIn/OfHeadEvaluation ( uninitializedBoundNames, expr, iterationKind ) (14.7.5.6):
/// `None` is the break completion of a for-in over undefined or null.
fn for_in_of_head_evaluation(
    agent: &mut Agent,
    uninitialized_bound_names: &[String],
    expr: &Expr,
    kind: IterationKind,
) -> JsResult<Option<Source>> {
    // 1. Let oldEnv be the running execution context's LexicalEnvironment.
    crate::step!("sec-runtime-semantics-forinofheadevaluation", "1");
    let old_env = lexical_environment(agent);
    // 2. If uninitializedBoundNames is not empty, then
    crate::step!("sec-runtime-semantics-forinofheadevaluation", "2");
    if !uninitialized_bound_names.is_empty() {
        // a. Assert: uninitializedBoundNames has no duplicate entries.
        crate::spec_assert!(
            "sec-runtime-semantics-forinofheadevaluation",
            "2.a",
            by: "the early errors of a lexical ForDeclaration reject duplicate bound names"
        );
        // b. Let newEnv be NewDeclarativeEnvironment(oldEnv).
        crate::step!("sec-runtime-semantics-forinofheadevaluation", "2.b");
        let new_env = new_declarative_environment(Some(old_env.clone()));
        // c. For each String name of uninitializedBoundNames, do
        crate::step!("sec-runtime-semantics-forinofheadevaluation", "2.c");
        for name in uninitialized_bound_names {
            // i. Perform ! newEnv.CreateMutableBinding(name, false).
            crate::step!("sec-runtime-semantics-forinofheadevaluation", "2.c.i");
            new_env.create_mutable_binding(agent, name, false)?;
        }
        // d. Set the running execution context's LexicalEnvironment to newEnv.
        crate::step!("sec-runtime-semantics-forinofheadevaluation", "2.d");
        set_lexical_environment(agent, new_env);
    }
    // 3. Let exprRef be Completion(Evaluation of expr).
    crate::step!("sec-runtime-semantics-forinofheadevaluation", "3");
    let expr_value = evaluate_expression(agent, expr);
    // 4. Set the running execution context's LexicalEnvironment to oldEnv.
    crate::step!("sec-runtime-semantics-forinofheadevaluation", "4");
    set_lexical_environment(agent, old_env);
    // 5. Let exprValue be ? GetValue(? exprRef).
    crate::step!("sec-runtime-semantics-forinofheadevaluation", "5");
    let expr_value = expr_value?;
    // 6. If iterationKind is enumerate, then
    crate::step!("sec-runtime-semantics-forinofheadevaluation", "6");
    if kind == IterationKind::Enumerate {
        // a. If exprValue is either undefined or null, then
        crate::step!("sec-runtime-semantics-forinofheadevaluation", "6.a");
        if expr_value.is_nullish() {
            // i. Return Completion Record { [[Type]]: break, [[Value]]: empty,
            //    [[Target]]: empty }.
            crate::step!("sec-runtime-semantics-forinofheadevaluation", "6.a.i");
            return Ok(None);
        }
        // b. Let obj be ! ToObject(exprValue).
        crate::step!("sec-runtime-semantics-forinofheadevaluation", "6.b");
        let obj = to_object(agent, &expr_value)?;
        // c. Let iterator be EnumerateObjectProperties(obj).
        crate::step!("sec-runtime-semantics-forinofheadevaluation", "6.c");
        let iterator = enumerate_object_properties(obj);
        // d. Let nextMethod be ! GetV(iterator, "next").
        // (The For-In Iterator is never exposed: its next method's steps run directly.)
        crate::step!("sec-runtime-semantics-forinofheadevaluation", "6.d");
        // e. Return the Iterator Record { [[Iterator]]: iterator, [[NextMethod]]:
        //    nextMethod, [[Done]]: false }.
        crate::step!("sec-runtime-semantics-forinofheadevaluation", "6.e");
        Ok(Some(Source::Enumerate(iterator)))
    } else {
        // 7. Else,
        crate::step!("sec-runtime-semantics-forinofheadevaluation", "7");
        // a. Assert: iterationKind is either iterate or async-iterate.
        crate::spec_assert!(
            "sec-runtime-semantics-forinofheadevaluation",
            "7.a",
            matches!(kind, IterationKind::Iterate | IterationKind::AsyncIterate)
        );
        // b. If iterationKind is async-iterate, let iteratorKind be async.
        crate::step!("sec-runtime-semantics-forinofheadevaluation", "7.b");
        // c. Else, let iteratorKind be sync.
        crate::step!("sec-runtime-semantics-forinofheadevaluation", "7.c");
        let iterator_kind = if kind == IterationKind::AsyncIterate {
            IteratorKind::Async
        } else {
            IteratorKind::Sync
        };
        // d. Return ? GetIterator(exprValue, iteratorKind).
        crate::step!("sec-runtime-semantics-forinofheadevaluation", "7.d");
        let record = get_iterator_of_kind(agent, &expr_value, iterator_kind)?;
        Ok(Some(Source::Iterate(record, iterator_kind)))
    }
}

/// ForIn/OfBodyEvaluation ( lhs, stmt, iteratorRecord, iterationKind, lhsKind, labelSet
/// [ , iteratorKind ] ) (14.7.5.7); `source` carries iteratorRecord and iteratorKind.
fn for_in_of_body_evaluation(
    agent: &mut Agent,
    lhs: &Pattern,
    stmt: &Stmt,
    mut source: Source,
    lhs_kind: LhsKind,
    is_const: bool,
    label_set: &[&str],
) -> StatementResult {
    // 1. If iteratorKind is not present, set iteratorKind to sync.
    // 2. Let oldEnv be the running execution context's LexicalEnvironment.
    let old_env = lexical_environment(agent);
    // 3. Let V be undefined.
    let mut v = Value::Undefined;
    // 4. Let destructuring be IsDestructuring of lhs.
    let destructuring = matches!(lhs, Pattern::Object { .. } | Pattern::Array { .. });
    // 6. Repeat,
    loop {
        // (The host's time limit, not a spec step; see Agent::check_limits.)
        agent.check_limits()?;
        let next_value = match &mut source {
            Source::Enumerate(state) => state.next(agent)?,
            Source::Iterate(record, iterator_kind) => {
                // a. Let nextResult be ? Call(iteratorRecord.[[NextMethod]],
                //    iteratorRecord.[[Iterator]]).
                let iterator = Value::Object(record.iterator.clone());
                let next_result = call(agent, &record.next_method, &iterator, &[])?;
                // b. If iteratorKind is async, set nextResult to ? Await(nextResult).
                let next_result = if *iterator_kind == IteratorKind::Async {
                    await_value(agent, next_result)?
                } else {
                    next_result
                };
                // c. If nextResult is not an Object, throw a TypeError exception.
                let Value::Object(next_result) = next_result else {
                    return Err(agent.type_error("iterator result is not an object"));
                };
                // d. Let done be ? IteratorComplete(nextResult).
                // e. If done is true, return V.
                // f. Let nextValue be ? IteratorValue(nextResult).
                if iterator_complete(agent, &next_result)? {
                    None
                } else {
                    Some(iterator_value(agent, &next_result)?)
                }
            }
        };
        let Some(next_value) = next_value else {
            return Ok(Completion::Normal(Some(v)));
        };
        // g-h. Bind or assign the value.
        let status: JsResult<()> = match lhs_kind {
            // g. If lhsKind is either ~assignment~ or ~varBinding~, then
            LhsKind::Assignment | LhsKind::VarBinding => {
                if destructuring {
                    // i. If destructuring is true, then
                    //    1. If lhsKind is ~assignment~, then a. Let status be
                    //       Completion(DestructuringAssignmentEvaluation of
                    //       assignmentPattern with argument nextValue).
                    //    2. Else, c. Let status be Completion(BindingInitialization of lhs
                    //       with arguments nextValue and undefined).
                    if lhs_kind == LhsKind::Assignment {
                        destructuring_assignment_evaluation(agent, lhs, next_value)
                    } else {
                        binding_initialization(agent, lhs, next_value, None)
                    }
                } else {
                    // ii. Else,
                    //     1. Let lhsRef be Completion(Evaluation of lhs). (It may be
                    //        evaluated repeatedly.)
                    //     3. If lhsRef is an abrupt completion, then a. Let status be lhsRef.
                    //     4. Else, a. Let status be Completion(PutValue(lhsRef.[[Value]],
                    //        nextValue)).
                    super::expressions::target_reference(agent, lhs)
                        .and_then(|lhs_ref| put_value(agent, &lhs_ref, next_value))
                }
            }
            // h. Else,
            LhsKind::LexicalBinding => {
                // iii. Let iterationEnv be NewDeclarativeEnvironment(oldEnv).
                let iteration_env = new_declarative_environment(Some(old_env.clone()));
                // iv. Perform ForDeclarationBindingInstantiation of lhs with argument
                //     iterationEnv.
                let mut names = Vec::new();
                crate::syntax::static_semantics::names::pattern_bound_names(lhs, &mut names);
                for name in names {
                    if is_const {
                        iteration_env.create_immutable_binding(agent, &name.name, true)?;
                    } else {
                        iteration_env.create_mutable_binding(agent, &name.name, false)?;
                    }
                }
                // v. Set the running execution context's LexicalEnvironment to iterationEnv.
                set_lexical_environment(agent, iteration_env.clone());
                if destructuring {
                    // vi. If destructuring is true, then
                    //     1. Let status be Completion(ForDeclarationBindingInitialization of
                    //        lhs with arguments nextValue and iterationEnv).
                    binding_initialization(agent, lhs, next_value, Some(&iteration_env))
                } else {
                    // vii. Else,
                    //      2. Let lhsName be the sole element of the BoundNames of lhs.
                    //      3. Let lhsRef be ! ResolveBinding(lhsName).
                    //      4. Let status be Completion(InitializeReferencedBinding(lhsRef,
                    //         nextValue)).
                    let Pattern::Ident(id) = lhs else {
                        unreachable!("a non-destructuring ForDeclaration binds one name");
                    };
                    resolve_binding(agent, &id.name, None).and_then(|lhs_ref| {
                        initialize_referenced_binding(agent, &lhs_ref, next_value)
                    })
                }
            }
        };
        // i. If status is an abrupt completion, then
        if let Err(error) = status {
            // i. Set the running execution context's LexicalEnvironment to oldEnv.
            set_lexical_environment(agent, old_env);
            // ii. If iteratorKind is async, return ? AsyncIteratorClose(iteratorRecord,
            //     status).
            // iii. If iterationKind is ~enumerate~, then 1. Return ? status.
            // iv. Else, 2. Return ? IteratorClose(iteratorRecord, status).
            return source.close(agent, Err(error));
        }
        // j. Let result be Completion(Evaluation of stmt).
        let result = evaluate_statement(agent, stmt);
        // k. Set the running execution context's LexicalEnvironment to oldEnv.
        set_lexical_environment(agent, old_env.clone());
        // l. If LoopContinues(result, labelSet) is false, then
        let result = match result {
            Ok(r) if loop_continues(&r, label_set) => r,
            other => {
                // i. If iterationKind is ~enumerate~, then
                //    1. Return ? UpdateEmpty(result, V).
                // ii. Else,
                //     2. Set status to Completion(UpdateEmpty(result, V)).
                //     3. If iteratorKind is async, return ? AsyncIteratorClose(
                //        iteratorRecord, status).
                //     4. Return ? IteratorClose(iteratorRecord, status).
                let status = other.map(|r| r.update_empty(Some(v)));
                return source.close(agent, status);
            }
        };
        // m. If result.[[Value]] is not ~empty~, set V to result.[[Value]].
        if let Some(value) = result.value() {
            v = value.clone();
        }
    }
}

/// A `for` test that `number_binary_expression` does not take whose Number operands
/// include identifiers with global places (`number_or_global_binary_expression`; out of
/// line, so that the test of slots stays small).
#[inline(never)]
fn number_or_global_test(agent: &mut Agent, test: &Expr) -> Option<Value> {
    super::expressions::number_or_global_binary_expression(agent, test)
}
