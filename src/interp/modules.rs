//! Runtime Semantics: Evaluation of module items (16.2.1.14 Module, 16.2.2 imports,
//! 16.2.3.7 exports), `import.meta` (13.3.12.1) and ImportCall (13.3.10.1).

use super::classes::{binding_class_declaration_evaluation, class_definition_evaluation_named};
use super::expressions::{evaluate_expression, is_anonymous_function_definition, named_evaluation};
use super::statements::evaluate_statement;
use crate::spec::abstract_module_records::Module;
use crate::spec::agents::Agent;
use crate::spec::builtins::module_objects::module_instance_slots;
use crate::spec::completion_record::{Completion, JsResult};
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::execution_contexts::{get_active_script_or_module, ScriptOrModule};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{call, create_data_property_or_throw};
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
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
    crate::step!("sec-meta-properties-runtime-semantics-evaluation", "2");
    let Some(ScriptOrModule::Module(module)) = get_active_script_or_module(agent) else {
        return Err(agent.syntax_error("import.meta is only valid in module code"));
    };
    module_import_meta(agent, &module).map(Value::Object)
}

/// ImportMeta evaluation steps 3-5 for `module`: its import.meta object, made (through
/// its Module instance's importMetaHook or the host) on first use. A virtual module's
/// `execute` receives the same object as `importMeta` (layer 2).
pub fn module_import_meta(agent: &mut Agent, module: &Module) -> JsResult<Object> {
    let module = module.clone();
    // 3. Let importMeta be module.[[ImportMeta]].
    crate::step!("sec-meta-properties-runtime-semantics-evaluation", "3");
    let import_meta = module.data().import_meta.clone();
    // 4. If importMeta is empty, then
    crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4");
    if let Some(import_meta) = import_meta {
        // 5. Else,
        crate::step!("sec-meta-properties-runtime-semantics-evaluation", "5");
        // a. Assert: Type(importMeta) is Object.
        crate::step!("sec-meta-properties-runtime-semantics-evaluation", "5.a");
        // b. Return importMeta.
        crate::step!("sec-meta-properties-runtime-semantics-evaluation", "5.b");
        return Ok(import_meta);
    }
    // a. Set importMeta to OrdinaryObjectCreate(null).
    crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.a");
    let import_meta = ordinary_object_create(None);
    // b. If module.[[ModuleInstance]] is undefined or
    //    module.[[ModuleInstance]].[[ImportMetaHook]] is undefined, then
    crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.b");
    let instance = module.data().module_instance.clone().map(Value::Object);
    let hook = instance
        .as_ref()
        .and_then(module_instance_slots)
        .filter(|(_, _, _, meta_hook)| !matches!(meta_hook, Value::Undefined));
    match hook {
        None => {
            // i. Let importMetaValues be HostGetImportMetaProperties(module).
            crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.b.i");
            let host_hook = agent.host.get_import_meta_properties;
            let import_meta_values = host_hook(agent, &module);
            // ii. For each Record { [[Key]], [[Value]] } p of importMetaValues, do
            crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.b.ii");
            for (key, value) in import_meta_values {
                // 1. Perform ! CreateDataPropertyOrThrow(importMeta, p.[[Key]],
                //    p.[[Value]]).
                crate::step!(
                    "sec-meta-properties-runtime-semantics-evaluation",
                    "4.b.ii.1"
                );
                create_data_property_or_throw(agent, &import_meta, &key, value)?;
            }
            // iii. Perform HostFinalizeImportMeta(importMeta, module).
            crate::step!(
                "sec-meta-properties-runtime-semantics-evaluation",
                "4.b.iii"
            );
            let host_hook = agent.host.finalize_import_meta;
            host_hook(agent, &import_meta, &module);
        }
        Some((_, handler, _, import_meta_hook)) => {
            // c. Else,
            crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.c");
            // i. Let importMetaHook be module.[[ModuleInstance]].[[ImportMetaHook]].
            crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.c.i");
            // ii. Let handler be module.[[ModuleInstance]].[[HandlerValue]].
            crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.c.ii");
            // iii. Perform ? Call(importMetaHook, handler, « importMeta »).
            crate::step!(
                "sec-meta-properties-runtime-semantics-evaluation",
                "4.c.iii"
            );
            let argument = Value::Object(import_meta.clone());
            let result = call(
                agent,
                &import_meta_hook,
                &handler,
                std::slice::from_ref(&argument),
            );
            crate::spec::event_log::hook_called(
                agent,
                "importMetaHook",
                &module,
                &handler,
                &[argument],
                &result,
            );
            result?;
        }
    }
    // d. Set module.[[ImportMeta]] to importMeta.
    crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.d");
    module.data_mut().import_meta = Some(import_meta.clone());
    // e. Return importMeta.
    crate::step!("sec-meta-properties-runtime-semantics-evaluation", "4.e");
    Ok(import_meta)
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
