//! Runtime Semantics: Evaluation of statements (ECMA-262 14): blocks and
//! BlockDeclarationInstantiation, declarations, `if`, `return`, `with`, `switch`, labels,
//! `throw`, `try`. Loops are in iteration.rs.

use super::classes::binding_class_declaration_evaluation;
use super::expressions::{evaluate_expression, evaluate_named, lexical_environment};
use super::functions::instantiate_function_object;
use super::identifiers::IdentifierReference;
use super::iteration::{evaluate_loop, is_loop};
use super::patterns::binding_initialization;
use crate::spec::agents::Agent;
use crate::spec::completion_record::{Completion, JsResult, StatementResult};
use crate::spec::environment_records::{
    new_declarative_environment, new_declarative_environment_of_names,
    new_declarative_environment_with, new_object_environment, Binding, BindingName, Env,
};
use crate::spec::testing_and_comparison::is_strictly_equal;
use crate::spec::type_conversion::to_object;
use crate::spec::value::Value;
use crate::syntax::ast::{
    Block, Pattern, Stmt, StmtKind, SwitchCase, VarDecl, VarDeclarator, VarKind,
};
use crate::syntax::static_semantics::names::{declaration_bound_names, pattern_bound_names};

/// Evaluation of a StatementList: each statement in order, keeping the last value
/// (UpdateEmpty), stopping at the first abrupt completion.
pub fn evaluate_statement_list(agent: &mut Agent, statements: &[Stmt]) -> StatementResult {
    // StatementList : StatementList StatementListItem
    // 1. Let sl be ? Evaluation of StatementList.
    // 2. Let s be Completion(Evaluation of StatementListItem).
    // 3. Return ? UpdateEmpty(s, sl).
    let mut value: Option<Value> = None;
    for statement in statements {
        let completion = match &statement.kind {
            // An ExpressionStatement without the dispatch of LabelledEvaluation (what
            // labelled_evaluation does for it: the position, the return signal).
            StmtKind::Expr { expr, .. } => {
                agent.current_offset = statement.span.start;
                match crate::interp::expressions::evaluate_expression_statement(agent, expr) {
                    Ok(v) => {
                        if let Some(old) = value.replace(v) {
                            old.discard();
                        }
                        continue;
                    }
                    Err(e) => crate::interp::generators::return_signal_to_completion(e)?,
                }
            }
            // An IfStatement whose Expression is a binary expression of Number operands
            // (`if_number_test`): steps 1-2 without the dispatch.
            StmtKind::If {
                test,
                consequent,
                alternate,
            } if !crate::trace::enabled() => {
                agent.current_offset = statement.span.start;
                match if_number_test(agent, test) {
                    // (Without else: 3. If exprValue is false, return undefined.)
                    Some(false) if alternate.is_none() => {
                        if let Some(old) = value.replace(Value::Undefined) {
                            old.discard();
                        }
                        continue;
                    }
                    Some(expr_value) => {
                        // 3.-4. stmtCompletion: Evaluation of the Statement chosen; 5.
                        //    Return ? UpdateEmpty(stmtCompletion, undefined).
                        let chosen = if expr_value {
                            Some(consequent)
                        } else {
                            alternate.as_ref()
                        };
                        let stmt_completion = match chosen {
                            Some(chosen) => evaluate_statement(agent, chosen),
                            None => Ok(Completion::Normal(None)),
                        };
                        match stmt_completion {
                            Err(e) => crate::interp::generators::return_signal_to_completion(e)?,
                            Ok(c) => c.update_empty(Some(Value::Undefined)),
                        }
                    }
                    None => evaluate_statement(agent, statement)?,
                }
            }
            // A VariableStatement or LexicalDeclaration without the dispatch of
            // LabelledEvaluation (the position, the return signal; its completion is
            // ~empty~, which UpdateEmpty leaves as the list's value). Not while tracing.
            StmtKind::Var(decl) if !crate::trace::enabled() => {
                agent.current_offset = statement.span.start;
                match variable_declaration(agent, decl) {
                    Ok(()) => continue,
                    Err(e) => crate::interp::generators::return_signal_to_completion(e)?,
                }
            }
            _ => evaluate_statement(agent, statement)?,
        };
        if let Completion::Normal(v) = &completion {
            if v.is_some() {
                value = v.clone();
            }
            continue;
        }
        return Ok(completion.update_empty(value));
    }
    Ok(Completion::Normal(value))
}

/// Steps 1-2 of IfStatement evaluation (14.6.2) when its Expression is a binary expression
/// whose operands are Numbers read without effect (`number_or_global_binary_expression`:
/// Number literals, binding slots and global places holding Numbers) and whose result is
/// a Boolean (a relational or equality operator): exprValue, ToBoolean of a Boolean being
/// the Boolean (7.1.2). `None` for anything else (the caller takes the steps, evaluating
/// the Expression from the start). Not while tracing.
#[inline(never)]
fn if_number_test(agent: &mut Agent, test: &crate::syntax::ast::Expr) -> Option<bool> {
    match crate::interp::expressions::number_or_global_binary_expression(agent, test)? {
        Value::Boolean(b) => Some(b),
        other => {
            other.discard();
            None
        }
    }
}

/// Evaluation of one statement, with an empty label set.
pub fn evaluate_statement(agent: &mut Agent, statement: &Stmt) -> StatementResult {
    // A non-empty Block without lexical declarations (the usual loop or `if` body):
    // LabelledEvaluation's dispatch to it, and block_statement's checks, skipped.
    // A Block with lexical declarations: LabelledEvaluation's dispatch to block_statement
    // skipped (not while tracing).
    if let StmtKind::Block(block) = &statement.kind {
        if !block.scoped && !block.body.is_empty() {
            agent.current_offset = statement.span.start;
            return match evaluate_statement_list(agent, &block.body) {
                Err(e) => crate::interp::generators::return_signal_to_completion(e),
                completion => completion,
            };
        }
        if block.scoped && !crate::trace::enabled() {
            agent.current_offset = statement.span.start;
            return match block_statement(agent, block) {
                Err(e) => crate::interp::generators::return_signal_to_completion(e),
                completion => completion,
            };
        }
    }
    labelled_evaluation(agent, statement, &[])
}

/// LabelledEvaluation (14.13.4) with the label set of the enclosing labelled statements;
/// other statements ignore it.
///
/// A return completion that a `yield` was resumed with reaches the statement as a return
/// signal on the error channel (expressions only have normal and throw completions) and
/// becomes the statement's return completion here.
pub fn labelled_evaluation(
    agent: &mut Agent,
    statement: &Stmt,
    label_set: &[&str],
) -> StatementResult {
    match labelled_evaluation_of_kind(agent, statement, label_set) {
        Err(e) => crate::interp::generators::return_signal_to_completion(e),
        completion => completion,
    }
}

fn labelled_evaluation_of_kind(
    agent: &mut Agent,
    statement: &Stmt,
    label_set: &[&str],
) -> StatementResult {
    agent.current_offset = statement.span.start;
    match &statement.kind {
        StmtKind::Labeled { label, body } => {
            // LabelledStatement : LabelIdentifier : LabelledItem
            // 1. Let label be the StringValue of LabelIdentifier.
            // 2. Let newLabelSet be the list-concatenation of labelSet and « label ».
            let mut new_label_set = label_set.to_vec();
            new_label_set.push(&label.name);
            // 3. Let stmtResult be Completion(LabelledEvaluation of LabelledItem with
            //    argument newLabelSet).
            let stmt_result = labelled_evaluation(agent, body, &new_label_set)?;
            // 4. If stmtResult is a break completion and stmtResult.[[Target]] is label,
            //    then a. Set stmtResult to NormalCompletion(stmtResult.[[Value]]).
            // 5. Return ? stmtResult.
            match stmt_result {
                Completion::Break(Some(target), value) if target == label.name => {
                    Ok(Completion::Normal(Some(value.unwrap_or_default())))
                }
                other => Ok(other),
            }
        }
        _ if is_loop(statement) => {
            // BreakableStatement : IterationStatement
            // 1. Let stmtResult be Completion(LoopEvaluation of IterationStatement with
            //    argument labelSet).
            crate::step!("sec-runtime-semantics-labelledevaluation", "1");
            let stmt_result = evaluate_loop(agent, statement, label_set)?;
            // 2. If stmtResult is a break completion, then
            crate::step!("sec-runtime-semantics-labelledevaluation", "2");
            let stmt_result = match stmt_result {
                Completion::Break(target, value) => {
                    // a. If stmtResult.[[Target]] is empty, then
                    crate::step!("sec-runtime-semantics-labelledevaluation", "2.a");
                    match (target, value) {
                        (None, None) => {
                            // i. If stmtResult.[[Value]] is empty, set stmtResult to
                            //    NormalCompletion(undefined).
                            crate::step!("sec-runtime-semantics-labelledevaluation", "2.a.i");
                            Completion::Normal(Some(Value::Undefined))
                        }
                        (None, Some(value)) => {
                            // ii. Else, set stmtResult to
                            //     NormalCompletion(stmtResult.[[Value]]).
                            crate::step!("sec-runtime-semantics-labelledevaluation", "2.a.ii");
                            Completion::Normal(Some(value))
                        }
                        (target, value) => Completion::Break(target, value),
                    }
                }
                other => other,
            };
            // 3. Return ? stmtResult.
            crate::step!("sec-runtime-semantics-labelledevaluation", "3");
            Ok(stmt_result)
        }
        StmtKind::Switch {
            discriminant,
            cases,
        } => Ok(break_to_normal(switch_statement(
            agent,
            discriminant,
            cases,
        )?)),
        _ => evaluate_other_statement(agent, statement),
    }
}

fn break_to_normal(completion: Completion) -> Completion {
    match completion {
        Completion::Break(None, value) => Completion::Normal(Some(value.unwrap_or_default())),
        other => other,
    }
}

fn evaluate_other_statement(agent: &mut Agent, statement: &Stmt) -> StatementResult {
    match &statement.kind {
        StmtKind::Var(decl) => {
            variable_declaration(agent, decl)?;
            Ok(Completion::Normal(None))
        }
        // FunctionDeclaration evaluation: 1. Return ~empty~.
        StmtKind::Function(_) => Ok(Completion::Normal(None)),
        StmtKind::Class(class) => {
            // ClassDeclaration : class BindingIdentifier ClassTail
            // 1. Perform ? BindingClassDeclarationEvaluation of this ClassDeclaration.
            // 2. Return ~empty~.
            binding_class_declaration_evaluation(agent, class)?;
            Ok(Completion::Normal(None))
        }
        StmtKind::Expr { expr, .. } => {
            // ExpressionStatement : Expression ;
            // 1. Let exprRef be ? Evaluation of Expression.
            // 2. Return ? GetValue(exprRef).
            Ok(Completion::Normal(Some(evaluate_expression(agent, expr)?)))
        }
        StmtKind::Block(block) => block_statement(agent, block),
        // EmptyStatement : ; — 1. Return ~empty~.
        StmtKind::Empty => Ok(Completion::Normal(None)),
        // DebuggerStatement: 1. If an implementation-defined debugging facility is
        // available and enabled, then ... 2. Else, a. Return ~empty~.
        StmtKind::Debugger => Ok(Completion::Normal(None)),
        StmtKind::If {
            test,
            consequent,
            alternate,
        } => {
            // IfStatement : if ( Expression ) Statement else Statement
            // 1. Let exprRef be ? Evaluation of Expression.
            // 2. Let exprValue be ToBoolean(? GetValue(exprRef)).
            let expr_value = super::expressions::evaluate_to_boolean(agent, test)?;
            // 3. If exprValue is true, then a. Let stmtCompletion be Completion(Evaluation
            //    of the first Statement).
            // 4. Else, a. Let stmtCompletion be Completion(Evaluation of the second
            //    Statement).
            // (Without else: 3. If exprValue is false, return undefined.)
            // 5. Return ? UpdateEmpty(stmtCompletion, undefined).
            let stmt_completion = if expr_value {
                evaluate_statement(agent, consequent)?
            } else if let Some(alternate) = alternate {
                evaluate_statement(agent, alternate)?
            } else {
                return Ok(Completion::Normal(Some(Value::Undefined)));
            };
            Ok(stmt_completion.update_empty(Some(Value::Undefined)))
        }
        // ContinueStatement : continue ; — 1. Return Completion Record { [[Type]]: continue,
        // [[Value]]: ~empty~, [[Target]]: ~empty~ }. (With a label: [[Target]]: label.)
        StmtKind::Continue(label) => Ok(Completion::Continue(
            label.as_ref().map(|l| l.name.to_string()),
            None,
        )),
        // BreakStatement : break ; — likewise with [[Type]]: break.
        StmtKind::Break(label) => Ok(Completion::Break(
            label.as_ref().map(|l| l.name.to_string()),
            None,
        )),
        StmtKind::Return(argument) => {
            // ReturnStatement : return ; — 1. Return ReturnCompletion(undefined).
            // ReturnStatement : return Expression ;
            // 1. Let exprRef be ? Evaluation of Expression.
            // 2. Let exprValue be ? GetValue(exprRef).
            // 3. If GetGeneratorKind() is ~async~, set exprValue to ? Await(exprValue).
            // 4. Return ReturnCompletion(exprValue).
            let value = match argument {
                Some(e) => {
                    let expr_value = evaluate_expression(agent, e)?;
                    if crate::spec::generator_objects::get_generator_kind(agent)
                        == crate::spec::generator_objects::GeneratorKind::Async
                    {
                        crate::spec::await_operation::await_value(agent, expr_value)?
                    } else {
                        expr_value
                    }
                }
                None => Value::Undefined,
            };
            Ok(Completion::Return(value))
        }
        StmtKind::With { object, body } => {
            // WithStatement : with ( Expression ) Statement
            // 1. Let val be ? Evaluation of Expression.
            // 2. Let obj be ? ToObject(? GetValue(val)).
            let val = evaluate_expression(agent, object)?;
            let obj = to_object(agent, &val)?;
            // 3. Let oldEnv be the running execution context's LexicalEnvironment.
            let old_env = lexical_environment(agent);
            // 4. Let newEnv be NewObjectEnvironment(obj, true, oldEnv).
            let new_env = new_object_environment(obj, true, Some(old_env.clone()));
            // 5. Set the running execution context's LexicalEnvironment to newEnv.
            set_lexical_environment(agent, new_env);
            // 6. Let C be Completion(Evaluation of Statement).
            let c = evaluate_statement(agent, body);
            // 7. Set the running execution context's LexicalEnvironment to oldEnv.
            set_lexical_environment(agent, old_env);
            // 8. Return ? UpdateEmpty(C, undefined).
            Ok(c?.update_empty(Some(Value::Undefined)))
        }
        StmtKind::Throw(argument) => {
            // ThrowStatement : throw Expression ;
            // 1. Let exprRef be ? Evaluation of Expression.
            // 2. Let exprValue be ? GetValue(exprRef).
            let expr_value = evaluate_expression(agent, argument)?;
            // 3. Return ThrowCompletion(exprValue).
            agent.current_offset = statement.span.start;
            agent.last_throw_position = agent.current_position();
            Err(expr_value)
        }
        StmtKind::Try {
            block,
            handler,
            finalizer,
        } => try_statement(agent, block, handler.as_deref(), finalizer.as_deref()),
        // ImportDeclaration : import ImportClause FromClause ; — 1. Return empty.
        StmtKind::Import(_) => Ok(Completion::Normal(None)),
        StmtKind::Export(export) => super::modules::evaluate_export_declaration(agent, export),
        StmtKind::Labeled { .. }
        | StmtKind::Switch { .. }
        | StmtKind::For { .. }
        | StmtKind::ForIn { .. }
        | StmtKind::ForOf { .. }
        | StmtKind::While { .. }
        | StmtKind::DoWhile { .. } => unreachable!("handled by labelled_evaluation"),
    }
}

/// Sets the running execution context's LexicalEnvironment.
pub fn set_lexical_environment(agent: &mut Agent, env: Env) {
    agent.running_execution_context_mut().lexical_environment = Some(env);
}

/// [`variable_declaration`] with a LexicalDeclaration of one LexicalBinding :
/// BindingIdentifier Initializer going to its steps (`identifiers::initialize_lexical_binding`,
/// inline) without the loop over the declarations (for the StatementLists that dispatch
/// declarations themselves).
#[inline(always)]
pub(super) fn lexical_or_variable_declaration(agent: &mut Agent, decl: &VarDecl) -> JsResult<()> {
    if let [VarDeclarator {
        target: Pattern::Ident(id),
        init: Some(init),
        ..
    }] = decl.declarations.as_slice()
    {
        if decl.kind != VarKind::Var {
            return super::identifiers::initialize_lexical_binding(agent, id, init);
        }
    }
    variable_declaration(agent, decl)
}

/// 14.3.1.2 / 14.3.2.1 Evaluation of LexicalDeclaration and VariableStatement.
pub fn variable_declaration(agent: &mut Agent, decl: &VarDecl) -> JsResult<()> {
    for declarator in &decl.declarations {
        match (&declarator.target, &declarator.init) {
            (Pattern::Ident(id), None) => {
                if decl.kind != VarKind::Var {
                    // LexicalBinding : BindingIdentifier
                    // 1. Let lhs be ! ResolveBinding(StringValue of BindingIdentifier).
                    // 2. Perform ! InitializeReferencedBinding(lhs, undefined).
                    let lhs = IdentifierReference::resolve(agent, id)?;
                    lhs.initialize_referenced_binding(agent, Value::Undefined)?;
                }
                // VariableDeclaration : BindingIdentifier — 1. Return ~empty~.
            }
            (Pattern::Ident(id), Some(init)) if decl.kind != VarKind::Var => {
                // LexicalBinding : BindingIdentifier Initializer (the steps below, with
                // ResolveBinding and InitializeReferencedBinding of a binding slot inline;
                // identifiers.rs).
                super::identifiers::initialize_lexical_binding(agent, id, init)?;
            }
            (Pattern::Ident(id), Some(init)) => {
                // 1. Let bindingId be the StringValue of BindingIdentifier.
                // 2. Let lhs be ? ResolveBinding(bindingId).
                let lhs = IdentifierReference::resolve(agent, id)?;
                // 3. If IsAnonymousFunctionDefinition(Initializer) is true, then
                //    a. Let value be ? NamedEvaluation of Initializer with argument bindingId.
                // 4. Else, a. Let rhs be ? Evaluation of Initializer.
                //    b. Let value be ? GetValue(rhs).
                let value = evaluate_named(agent, init, &id.name)?;
                if decl.kind == VarKind::Var {
                    // 5. Perform ? PutValue(lhs, value).
                    lhs.put_value(agent, value)?;
                } else {
                    // 5. Perform ! InitializeReferencedBinding(lhs, value).
                    lhs.initialize_referenced_binding(agent, value)?;
                }
            }
            (pattern, init) => {
                // BindingPattern Initializer
                // 1. Let rhs be ? Evaluation of Initializer.
                // 2. Let rval be ? GetValue(rhs).
                let rval = match init {
                    Some(init) => evaluate_expression(agent, init)?,
                    None => Value::Undefined,
                };
                // 3. Return ? BindingInitialization of BindingPattern with arguments rval
                //    and undefined (var) / the LexicalEnvironment (let, const).
                let env = if decl.kind == VarKind::Var {
                    None
                } else {
                    Some(lexical_environment(agent))
                };
                binding_initialization(agent, pattern, rval, env.as_ref())?;
            }
        }
    }
    Ok(())
}

/// 14.2.2 Block : { StatementList }.
fn block_statement(agent: &mut Agent, block: &Block) -> StatementResult {
    // Block : { } — 1. Return ~empty~.
    if block.body.is_empty() {
        return Ok(Completion::Normal(None));
    }
    // A block without lexical declarations gets an environment no code can observe: none
    // is made.
    if !block.scoped {
        return evaluate_statement_list(agent, &block.body);
    }
    // 1. Let oldEnv be the running execution context's LexicalEnvironment.
    let old_env = lexical_environment(agent);
    // (Not while tracing, a block without function declarations: steps 2 and 3 make a
    // new record with BlockDeclarationInstantiation's bindings, made at once with them;
    // see `lexical_bindings_directly`, docs/ARCHITECTURE.md.)
    let direct = if crate::trace::enabled() {
        None
    } else if let Some(names) = &block.lexical_bindings {
        // (The names found when the Block was parsed: the record made with them.)
        Some(new_declarative_environment_of_names(
            Some(old_env.clone()),
            names,
        ))
    } else {
        lexical_bindings_directly(&block.body)
            .map(|bindings| new_declarative_environment_with(Some(old_env.clone()), bindings))
    };
    let block_env = match direct {
        Some(block_env) => block_env,
        None => {
            // 2. Let blockEnv be NewDeclarativeEnvironment(oldEnv).
            let block_env = new_declarative_environment(Some(old_env.clone()));
            // 3. Perform BlockDeclarationInstantiation(StatementList, blockEnv).
            block_declaration_instantiation(agent, &block.body, &block_env)?;
            block_env
        }
    };
    // 4. Set the running execution context's LexicalEnvironment to blockEnv.
    set_lexical_environment(agent, block_env);
    // 5. Let blockValue be Completion(Evaluation of StatementList).
    let block_value = evaluate_statement_list(agent, &block.body);
    // 6. Set the running execution context's LexicalEnvironment to oldEnv.
    set_lexical_environment(agent, old_env);
    // 7. Return ? blockValue.
    block_value
}

/// BlockDeclarationInstantiation ( code, env ) (14.2.3).
pub fn block_declaration_instantiation(
    agent: &mut Agent,
    code: &[Stmt],
    env: &Env,
) -> JsResult<()> {
    // (Not while tracing: a code without function declarations gets its bindings in one
    // step; docs/ARCHITECTURE.md.)
    if !crate::trace::enabled() {
        if let Some(bindings) = lexical_bindings_directly(code) {
            if !bindings.is_empty() {
                env.append_bindings(bindings.len(), bindings.into_iter());
            }
            return Ok(());
        }
    }
    // 1. Let declarations be the LexicallyScopedDeclarations of code.
    // 2. Let privateEnv be the running execution context's PrivateEnvironment.
    let private_env = agent
        .running_execution_context()
        .private_environment
        .clone();
    // 3. For each element d of declarations, do
    for d in lexically_scoped_declarations(code) {
        let constant = matches!(&d.kind, StmtKind::Var(v) if v.kind == VarKind::Const);
        // a. For each element dn of the BoundNames of d, do
        for dn in declaration_bound_names(d) {
            // i. If IsConstantDeclaration of d is true, then
            //    1. Perform ! env.CreateImmutableBinding(dn, true).
            // ii. Else, 1. Perform ! env.CreateMutableBinding(dn, false). (Annex B.3.2.6:
            //    a function declaration repeated in a sloppy block reuses the binding.)
            if constant {
                env.create_immutable_binding(agent, &dn.name, true)?;
            } else if !env.has_declarative_binding(&dn.name) {
                env.create_mutable_binding(agent, &dn.name, false)?;
            }
        }
        // b. If d is either a FunctionDeclaration, a GeneratorDeclaration, an
        //    AsyncFunctionDeclaration, or an AsyncGeneratorDeclaration, then
        if let StmtKind::Function(f) = &d.kind {
            // i. Let fn be the sole element of the BoundNames of d.
            let name = f.id.as_ref().map_or("*default*", |id| id.name.as_str());
            // ii. Let fo be InstantiateFunctionObject of d with arguments env and privateEnv.
            let fo = instantiate_function_object(agent, f, env.clone(), private_env.clone());
            // iii. Perform ! env.InitializeBinding(fn, fo). (Annex B.3.2.6: if the binding
            //      is already initialized, SetMutableBinding instead.)
            let initialized = env.has_initialized_binding(name);
            if initialized {
                env.set_mutable_binding(agent, name, Value::Object(fo), false)?;
            } else {
                env.initialize_binding(agent, name, Value::Object(fo))?;
            }
        }
    }
    // 4. Return unused.
    Ok(())
}

/// The LexicallyScopedDeclarations (8.2.6) of a Block's or CaseBlock's StatementList: its
/// `let`, `const`, class and function declarations (a labelled function declaration too),
/// in source order.
fn lexically_scoped_declarations(code: &[Stmt]) -> impl Iterator<Item = &Stmt> {
    code.iter().filter_map(|statement| {
        let mut d = statement;
        while let StmtKind::Labeled { body, .. } = &d.kind {
            d = body;
        }
        match &d.kind {
            StmtKind::Var(v) if v.kind == VarKind::Var => None,
            StmtKind::Var(_) | StmtKind::Class(_) | StmtKind::Function(_) => Some(d),
            _ => None,
        }
    })
}

/// BlockDeclarationInstantiation's step 3 when no element d of declarations is a function
/// declaration (then step 3.b never applies; `None` otherwise): for each element dn of the
/// BoundNames of each d, `! env.CreateImmutableBinding(dn, true)` if IsConstantDeclaration
/// of d (a `const` declaration) and `! env.CreateMutableBinding(dn, false)` otherwise (`let`
/// and class declarations) — 9.1.1.1.3 and 9.1.1.1.2 on the Declarative Environment Record
/// env: an uninitialized binding, strict if immutable, not deletable. The Early Errors of
/// Block and CaseBlock (no LexicallyDeclaredNames twice) make each name new to env, and the
/// Annex B.3.2.6 test of the general path only concerns function declarations. The
/// bindings, in order, with their names and name hashes taken from the identifiers, for
/// the caller to add to env at once (or to make a new env with).
fn lexical_bindings_directly(code: &[Stmt]) -> Option<Vec<Binding>> {
    let declarations = || lexically_scoped_declarations(code);
    let mut count = 0;
    for d in declarations() {
        match &d.kind {
            StmtKind::Function(_) => return None,
            StmtKind::Var(v) => count += v.declarations.len(),
            _ => count += 1,
        }
    }
    let mut bindings = Vec::with_capacity(count);
    if count == 0 {
        return Some(bindings);
    }
    let mut add = |dn: &crate::syntax::ast::Ident, constant: bool| {
        bindings.push(Binding {
            name: BindingName::Shared(dn.name.shared().clone()),
            name_hash: dn.place.name_hash,
            value: None,
            mutable: !constant,
            strict: constant,
            deletable: false,
            import: None,
        });
    };
    // (BoundNames of d walked here rather than collected by `declaration_bound_names`:
    // a vector per declaration cost the churn bench ~400 instructions per iteration.)
    for d in declarations() {
        match &d.kind {
            StmtKind::Var(v) => {
                let constant = v.kind == VarKind::Const;
                for declarator in &v.declarations {
                    match &declarator.target {
                        Pattern::Ident(dn) => add(dn, constant),
                        pattern => {
                            let mut names = Vec::new();
                            pattern_bound_names(pattern, &mut names);
                            for dn in names {
                                add(dn, constant);
                            }
                        }
                    }
                }
            }
            StmtKind::Class(c) => {
                if let Some(dn) = &c.id {
                    add(dn, false);
                }
            }
            _ => unreachable!("only lexical declarations, and no function declaration"),
        }
    }
    Some(bindings)
}

/// 14.12.4 SwitchStatement evaluation with CaseBlockEvaluation (14.12.2).
fn switch_statement(
    agent: &mut Agent,
    discriminant: &crate::syntax::ast::Expr,
    cases: &[SwitchCase],
) -> StatementResult {
    // 1. Let exprRef be ? Evaluation of Expression.
    // 2. Let switchValue be ? GetValue(exprRef).
    let switch_value = evaluate_expression(agent, discriminant)?;
    // 3. Let oldEnv be the running execution context's LexicalEnvironment.
    let old_env = lexical_environment(agent);
    // 4. Let blockEnv be NewDeclarativeEnvironment(oldEnv).
    let block_env = new_declarative_environment(Some(old_env.clone()));
    // 5. Perform BlockDeclarationInstantiation(CaseBlock, blockEnv).
    for case in cases {
        block_declaration_instantiation(agent, &case.body, &block_env)?;
    }
    // 6. Set the running execution context's LexicalEnvironment to blockEnv.
    set_lexical_environment(agent, block_env);
    // 7. Let R be Completion(CaseBlockEvaluation of CaseBlock with argument switchValue).
    let r = case_block_evaluation(agent, cases, &switch_value);
    // 8. Set the running execution context's LexicalEnvironment to oldEnv.
    set_lexical_environment(agent, old_env);
    // 9. Return R.
    r
}

/// CaseClauseIsSelected ( C, input ) (14.12.3).
fn case_clause_is_selected(agent: &mut Agent, case: &SwitchCase, input: &Value) -> JsResult<bool> {
    // 1. Assert: C is an instance of the production CaseClause : case Expression :
    //    StatementList_opt.
    crate::spec_assert!(
        "sec-runtime-semantics-caseclauseisselected",
        "1",
        case.test.is_some()
    );
    let Some(test) = case.test.as_ref() else {
        return Ok(false);
    };
    // 2. Let exprRef be ? Evaluation of the Expression of C.
    crate::step!("sec-runtime-semantics-caseclauseisselected", "2");
    // 3. Let clauseSelector be ? GetValue(exprRef).
    crate::step!("sec-runtime-semantics-caseclauseisselected", "3");
    let clause_selector = evaluate_expression(agent, test)?;
    // 4. Return IsStrictlyEqual(input, clauseSelector).
    crate::step!("sec-runtime-semantics-caseclauseisselected", "4");
    Ok(is_strictly_equal(input, &clause_selector))
}

/// CaseBlockEvaluation (14.12.2), for the general form
/// `{ CaseClauses_opt DefaultClause CaseClauses_opt }` (the forms without a default clause
/// are the same walk with no default).
fn case_block_evaluation(
    agent: &mut Agent,
    cases: &[SwitchCase],
    input: &Value,
) -> StatementResult {
    // 1. Let V be undefined.
    let mut v = Value::Undefined;
    let default_index = cases.iter().position(|c| c.test.is_none());
    let run =
        |agent: &mut Agent, case: &SwitchCase, v: &mut Value| -> JsResult<Option<Completion>> {
            // b. If found is true, then
            //    i. Let R be Completion(Evaluation of C).
            //    ii. If R.[[Value]] is not ~empty~, set V to R.[[Value]].
            //    iii. If R is an abrupt completion, return ? UpdateEmpty(R, V).
            let r = evaluate_statement_list(agent, &case.body)?;
            if let Some(value) = r.value() {
                *v = value.clone();
            }
            if r.is_abrupt() {
                return Ok(Some(r.update_empty(Some(v.clone()))));
            }
            Ok(None)
        };
    let (before, after) = match default_index {
        Some(d) => (&cases[..d], &cases[d + 1..]),
        None => (cases, &cases[cases.len()..]),
    };
    // 2. Let A be the List of CaseClause items in the first CaseClauses, in source text
    //    order. 3. Let found be false.
    let mut found = false;
    // 4. For each CaseClause C of A, do
    for case in before {
        // a. If found is false, then i. Set found to ? CaseClauseIsSelected(C, input).
        if !found {
            found = case_clause_is_selected(agent, case, input)?;
        }
        if found {
            if let Some(r) = run(agent, case, &mut v)? {
                return Ok(r);
            }
        }
    }
    // 5. Let foundInB be false.
    let mut found_in_b = false;
    // 6. Let B be the List of CaseClause items in the second CaseClauses.
    // 7. If found is false, then
    if !found {
        // a. For each CaseClause C of B, do
        for case in after {
            // i. If foundInB is false, then 1. Set foundInB to ? CaseClauseIsSelected(C,
            //    input).
            if !found_in_b {
                found_in_b = case_clause_is_selected(agent, case, input)?;
            }
            // ii. If foundInB is true, then evaluate C (as above).
            if found_in_b {
                if let Some(r) = run(agent, case, &mut v)? {
                    return Ok(r);
                }
            }
        }
    }
    // 8. If foundInB is true, return V.
    if found_in_b {
        return Ok(Completion::Normal(Some(v)));
    }
    let Some(d) = default_index else {
        // (No DefaultClause: return V.)
        return Ok(Completion::Normal(Some(v)));
    };
    // 9. Let defaultR be Completion(Evaluation of DefaultClause).
    // 10. If defaultR.[[Value]] is not ~empty~, set V to defaultR.[[Value]].
    // 11. If defaultR is an abrupt completion, return ? UpdateEmpty(defaultR, V).
    if let Some(r) = run(agent, &cases[d], &mut v)? {
        return Ok(r);
    }
    // 12. NOTE: The following is another complete iteration of the second CaseClauses.
    // 13. For each CaseClause C of B, do (evaluate each, as above).
    for case in after {
        if let Some(r) = run(agent, case, &mut v)? {
            return Ok(r);
        }
    }
    // 14. Return V.
    Ok(Completion::Normal(Some(v)))
}

/// 14.15.3 TryStatement evaluation.
fn try_statement(
    agent: &mut Agent,
    block: &Block,
    handler: Option<&crate::syntax::ast::CatchClause>,
    finalizer: Option<&Block>,
) -> StatementResult {
    // 1. Let B be Completion(Evaluation of Block).
    let b = block_statement(agent, block);
    // 2. If B is a throw completion, let C be Completion(CatchClauseEvaluation of Catch
    //    with argument B.[[Value]]). 3. Else, let C be B.
    let c = match (b, handler) {
        (Err(thrown), Some(handler)) => catch_clause_evaluation(agent, handler, thrown),
        (b, _) => b,
    };
    let c = match finalizer {
        None => c,
        Some(finalizer) => {
            // TryStatement : try Block Finally / try Block Catch Finally
            // 4. Let F be Completion(Evaluation of Finally).
            let f = block_statement(agent, finalizer)?;
            // 5. If F is a normal completion, set F to C.
            if f.is_abrupt() {
                // 6. Return ? UpdateEmpty(F, undefined).
                return Ok(f.update_empty(Some(Value::Undefined)));
            }
            c
        }
    };
    // 4. Return ? UpdateEmpty(C, undefined).
    Ok(c?.update_empty(Some(Value::Undefined)))
}

/// CatchClauseEvaluation (14.15.2).
fn catch_clause_evaluation(
    agent: &mut Agent,
    handler: &crate::syntax::ast::CatchClause,
    thrown: Value,
) -> StatementResult {
    // Catch : catch Block — 1. Return ? Evaluation of Block.
    let Some(param) = &handler.param else {
        return block_statement(agent, &handler.body);
    };
    // Catch : catch ( CatchParameter ) Block
    // 1. Let oldEnv be the running execution context's LexicalEnvironment.
    crate::step!("sec-runtime-semantics-catchclauseevaluation", "1");
    let old_env = lexical_environment(agent);
    // 2. Let catchEnv be NewDeclarativeEnvironment(oldEnv).
    crate::step!("sec-runtime-semantics-catchclauseevaluation", "2");
    let catch_env = new_declarative_environment(Some(old_env.clone()));
    // 3. For each element argName of the BoundNames of CatchParameter, do
    crate::step!("sec-runtime-semantics-catchclauseevaluation", "3");
    let mut names = Vec::new();
    crate::syntax::static_semantics::names::pattern_bound_names(param, &mut names);
    for name in names {
        // a. Perform ! catchEnv.CreateMutableBinding(argName, false).
        crate::step!("sec-runtime-semantics-catchclauseevaluation", "3.a");
        catch_env.create_mutable_binding(agent, &name.name, false)?;
    }
    // 4. Set the running execution context's LexicalEnvironment to catchEnv.
    crate::step!("sec-runtime-semantics-catchclauseevaluation", "4");
    set_lexical_environment(agent, catch_env.clone());
    // 5. Let status be Completion(BindingInitialization of CatchParameter with arguments
    //    thrownValue and catchEnv).
    crate::step!("sec-runtime-semantics-catchclauseevaluation", "5");
    let status = binding_initialization(agent, param, thrown, Some(&catch_env));
    // 6. If status is an abrupt completion, then
    crate::step!("sec-runtime-semantics-catchclauseevaluation", "6");
    if let Err(e) = status {
        // a. Set the running execution context's LexicalEnvironment to oldEnv.
        crate::step!("sec-runtime-semantics-catchclauseevaluation", "6.a");
        set_lexical_environment(agent, old_env);
        // b. Return ? status.
        crate::step!("sec-runtime-semantics-catchclauseevaluation", "6.b");
        return Err(e);
    }
    // 7. Let B be Completion(Evaluation of Block).
    crate::step!("sec-runtime-semantics-catchclauseevaluation", "7");
    let b = block_statement(agent, &handler.body);
    // 8. Set the running execution context's LexicalEnvironment to oldEnv.
    crate::step!("sec-runtime-semantics-catchclauseevaluation", "8");
    set_lexical_environment(agent, old_env);
    // 9. Return ? B.
    crate::step!("sec-runtime-semantics-catchclauseevaluation", "9");
    b
}
