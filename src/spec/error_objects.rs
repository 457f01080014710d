//! 20.5 Error Objects (sec-error-objects): creating error objects for the errors the
//! specification throws ("throw a TypeError exception"). The constructors and prototypes
//! themselves are in builtins/error.rs.

use super::agents::Agent;
use super::object_kinds::ObjectKind;
use super::object_type::{Object, Property};
use super::ordinary_object_internal_methods::ordinary_object_create_with;
use super::realms::Intrinsic;
use super::string_type::JsString;
use super::value::Value;

/// A new error object of the current realm with prototype `prototype` (one of the
/// %NativeError.prototype% intrinsics) and a "message" own property, remembering where
/// the running code is.
pub fn new_error(agent: &mut Agent, prototype: Intrinsic, message: &str) -> Object {
    let position = agent.current_position();
    let prototype = agent.intrinsic(prototype);
    let error = ordinary_object_create_with(Some(prototype), ObjectKind::Error(position));
    // CreateNonEnumerableDataPropertyOrThrow(O, "message", msg).
    error.insert_property(
        "message".into(),
        Property::data(Value::String(JsString::from(message)), true, false, true),
    );
    error
}
