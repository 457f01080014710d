//! 27.6 AsyncGenerator Objects (sec-asyncgenerator-objects): async generator instances and
//! the AsyncGenerator Abstract Operations (27.6.3).

use super::agents::Agent;
use super::value::Value;
use crate::interp::coroutines::Resumption;

/// AsyncGeneratorYield ( value ) (27.6.3.8).
pub fn async_generator_yield(agent: &mut Agent, value: Value) -> Resumption {
    let _ = value;
    Resumption::Throw(agent.type_error("async generators are not implemented yet"))
}

/// EvaluateAsyncGeneratorBody (15.6.2).
pub fn evaluate_async_generator_body(
    agent: &mut Agent,
    function_object: &super::object_type::Object,
    code: &std::sync::Arc<crate::syntax::ast::Function>,
    arguments_list: &[Value],
) -> super::completion_record::JsResult<super::completion_record::Completion> {
    super::function_declaration_instantiation::function_declaration_instantiation(
        agent,
        function_object,
        code,
        arguments_list,
    )?;
    Err(agent.type_error("async generators are not implemented yet"))
}
