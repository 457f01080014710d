//! Runtime Semantics: Evaluation of module items (16.2.1.14 Module, 16.2.2 imports,
//! 16.2.3.7 exports), `import.meta` (13.3.12.1) and ImportCall (13.3.10.1).

use super::classes::{binding_class_declaration_evaluation, class_definition_evaluation_named};
use super::expressions::{evaluate_expression, is_anonymous_function_definition, named_evaluation};
use super::statements::evaluate_statement;
use crate::spec::agents::Agent;
use crate::spec::completion_record::{Completion, JsResult};
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::execution_contexts::{get_active_script_or_module, ScriptOrModule};
use crate::spec::module_semantics::module_import_meta;
use crate::spec::object_type::PropertyKey;
use crate::spec::value::Value;
use crate::syntax::ast::{ExportDecl, Expr, ImportPhase};
use crate::syntax::static_semantics::module::DEFAULT_LOCAL_NAME;

/// InitializeBoundName("*default*", value, env) with env the running execution context's
/// LexicalEnvironment.
fn initialize_default(agent: &mut Agent, value: Value) -> JsResult<()> {
    let env = agent
        .running_execution_context()
        .lexical_environment
        .clone()
        .ok_or_else(|| agent.syntax_error("export default outside a module"))?;
    env.initialize_binding(agent, DEFAULT_LOCAL_NAME, value)
}

/// Evaluation of an ExportDeclaration (16.2.3.7).
pub fn evaluate_export_declaration(agent: &mut Agent, export: &ExportDecl) -> JsResult<Completion> {
    match export {
        // ExportDeclaration : export ExportFromClause FromClause WithClause_opt ;
        //                     export NamedExports ;
        // 1. Return empty.
        ExportDecl::Named { .. } | ExportDecl::All { .. } => Ok(Completion::Normal(None)),
        // ExportDeclaration : export VariableStatement / export Declaration
        // 1. Return ? Evaluation of VariableStatement / Declaration.
        ExportDecl::Declaration(statement) => evaluate_statement(agent, statement),
        // ExportDeclaration : export default HoistableDeclaration
        // 1. Return ? Evaluation of HoistableDeclaration (empty: it was instantiated).
        ExportDecl::DefaultFunction(_) => Ok(Completion::Normal(None)),
        // ExportDeclaration : export default ClassDeclaration
        ExportDecl::DefaultClass(class) => {
            if class.id.is_some() {
                // 1. Let value be ? BindingClassDeclarationEvaluation of ClassDeclaration.
                // 2. Let className be the sole element of the BoundNames of
                //    ClassDeclaration. (a name: step 3 does not apply)
                binding_class_declaration_evaluation(agent, class)?;
            } else {
                // 1. (ClassDeclaration : class ClassTail) Let value be ?
                //    ClassDefinitionEvaluation of ClassTail with arguments undefined and
                //    "default".
                let value = class_definition_evaluation_named(
                    agent,
                    class,
                    Some(FunctionName::Key(PropertyKey::from_str("default"))),
                )?;
                // 3. If className is "*default*", then
                //    a. Let env be the running execution context's LexicalEnvironment.
                //    b. Perform ? InitializeBoundName("*default*", value, env).
                initialize_default(agent, value)?;
            }
            // 4. Return empty.
            Ok(Completion::Normal(None))
        }
        // ExportDeclaration : export default AssignmentExpression ;
        ExportDecl::DefaultExpr(expression) => {
            // 1. If IsAnonymousFunctionDefinition(AssignmentExpression) is true, then
            //    a. Let value be ? NamedEvaluation of AssignmentExpression with argument
            //       "default".
            // 2. Else, a. Let rhs be ? Evaluation of AssignmentExpression.
            //    b. Let value be ? GetValue(rhs).
            let value = if is_anonymous_function_definition(expression) {
                named_evaluation(
                    agent,
                    expression,
                    FunctionName::Key(PropertyKey::from_str("default")),
                )?
            } else {
                evaluate_expression(agent, expression)?
            };
            // 3. Let env be the running execution context's LexicalEnvironment.
            // 4. Perform ? InitializeBoundName("*default*", value, env).
            initialize_default(agent, value)?;
            // 5. Return empty.
            Ok(Completion::Normal(None))
        }
    }
}

/// Evaluation of ImportMeta : `import . meta` (13.3.12.1), as Compartments layer 0 changes
/// it: a Module instance's importMetaHook, called with its handler as `this`, fills the
/// object instead of the host.
pub fn evaluate_import_meta(agent: &mut Agent) -> JsResult<Value> {
    // 1. Let module be GetActiveScriptOrModule().
    crate::step!("sec-meta-properties-runtime-semantics-evaluation", "1");
    // 2. Assert: module is a Source Text Module Record.
    let module = get_active_script_or_module(agent);
    crate::spec_assert!(
        "sec-meta-properties-runtime-semantics-evaluation",
        "2",
        matches!(&module, Some(ScriptOrModule::Module(m)) if m.ecmascript_code().is_some())
    );
    let Some(ScriptOrModule::Module(module)) = module else {
        return Err(agent.syntax_error("import.meta is only valid in module code"));
    };
    module_import_meta(agent, &module).map(Value::Object)
}

/// Evaluation of ImportCall (13.3.10.1): `import ( AssignmentExpression ,opt )`,
/// `import ( AssignmentExpression , AssignmentExpression ,opt )`, (source phase imports)
/// `import . source ( AssignmentExpression )` and (import defer) `import . defer (
/// AssignmentExpression )`.
pub fn evaluate_import_call(
    agent: &mut Agent,
    phase: ImportPhase,
    specifier: &Expr,
    options: Option<&Expr>,
) -> JsResult<Value> {
    // 1. Return ? EvaluateImportCall(AssignmentExpression [, AssignmentExpression]), or
    //    for import.source, ? EvaluateImportCall(AssignmentExpression, source), or for
    //    import.defer, ? EvaluateImportCall(AssignmentExpression, defer).
    crate::spec::import_calls::evaluate_import_call(agent, phase, specifier, options)
}
