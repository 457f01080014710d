//! 10.4.1 Bound Function Exotic Objects (sec-bound-function-exotic-objects).

use super::agents::Agent;
use super::completion_record::JsResult;
use super::object_kinds::ObjectKind;
use super::object_type::{InternalMethods, Object};
use super::operations_on_objects::{call_object, construct};
use super::ordinary_object_internal_methods::ORDINARY_METHODS;
use super::value::Value;
use boa_gc::{Finalize, Trace};

/// [[BoundTargetFunction]], [[BoundThis]], [[BoundArguments]].
#[derive(Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct BoundFunctionData {
    pub bound_target_function: Object,
    pub bound_this: Value,
    pub bound_arguments: Vec<Value>,
}

static BOUND_FUNCTION_METHODS: InternalMethods = InternalMethods {
    call: Some(bound_function_call),
    ..ORDINARY_METHODS
};

static BOUND_CONSTRUCTOR_METHODS: InternalMethods = InternalMethods {
    call: Some(bound_function_call),
    construct: Some(bound_function_construct),
    ..ORDINARY_METHODS
};

fn bound_parts(f: &Object) -> (Object, Value, Vec<Value>) {
    match &f.data().kind {
        ObjectKind::BoundFunction(b) => (
            b.bound_target_function.clone(),
            b.bound_this.clone(),
            b.bound_arguments.clone(),
        ),
        _ => unreachable!("a bound function exotic object"),
    }
}

/// [[Call]] ( thisArgument, argumentsList ) (10.4.1.1).
fn bound_function_call(
    agent: &mut Agent,
    f: &Object,
    _this: &Value,
    arguments: &[Value],
) -> JsResult<Value> {
    agent.check_stack()?;
    // 1. Let target be F.[[BoundTargetFunction]].
    crate::step!(
        "sec-bound-function-exotic-objects-call-thisargument-argumentslist",
        "1"
    );
    // 2. Let boundThis be F.[[BoundThis]].
    crate::step!(
        "sec-bound-function-exotic-objects-call-thisargument-argumentslist",
        "2"
    );
    // 3. Let boundArgs be F.[[BoundArguments]].
    crate::step!(
        "sec-bound-function-exotic-objects-call-thisargument-argumentslist",
        "3"
    );
    let (target, bound_this, mut args) = bound_parts(f);
    // 4. Let args be the list-concatenation of boundArgs and argumentsList.
    crate::step!(
        "sec-bound-function-exotic-objects-call-thisargument-argumentslist",
        "4"
    );
    args.extend_from_slice(arguments);
    // 5. Return ? Call(target, boundThis, args).
    crate::step!(
        "sec-bound-function-exotic-objects-call-thisargument-argumentslist",
        "5"
    );
    call_object(agent, &target, &bound_this, &args)
}

/// [[Construct]] ( argumentsList, newTarget ) (10.4.1.2).
fn bound_function_construct(
    agent: &mut Agent,
    f: &Object,
    arguments: &[Value],
    new_target: &Object,
) -> JsResult<Object> {
    agent.check_stack()?;
    // 1. Let target be F.[[BoundTargetFunction]].
    crate::step!(
        "sec-bound-function-exotic-objects-construct-argumentslist-newtarget",
        "1"
    );
    // 3. Let boundArgs be F.[[BoundArguments]]. (Read with target.)
    let (target, _, mut args) = bound_parts(f);
    // 2. Assert: IsConstructor(target) is true.
    crate::spec_assert!(
        "sec-bound-function-exotic-objects-construct-argumentslist-newtarget",
        "2",
        target.is_constructor()
    );
    crate::step!(
        "sec-bound-function-exotic-objects-construct-argumentslist-newtarget",
        "3"
    );
    // 4. Let args be the list-concatenation of boundArgs and argumentsList.
    crate::step!(
        "sec-bound-function-exotic-objects-construct-argumentslist-newtarget",
        "4"
    );
    args.extend_from_slice(arguments);
    // 5. If SameValue(F, newTarget) is true, set newTarget to target.
    crate::step!(
        "sec-bound-function-exotic-objects-construct-argumentslist-newtarget",
        "5"
    );
    let new_target = if f == new_target { &target } else { new_target };
    // 6. Return ? Construct(target, args, newTarget).
    crate::step!(
        "sec-bound-function-exotic-objects-construct-argumentslist-newtarget",
        "6"
    );
    construct(agent, &target, &args, Some(new_target))
}

/// BoundFunctionCreate ( targetFunction, boundThis, boundArgs ) (10.4.1.3).
pub fn bound_function_create(
    agent: &mut Agent,
    target_function: &Object,
    bound_this: Value,
    bound_args: Vec<Value>,
) -> JsResult<Object> {
    // 1. Let proto be ? targetFunction.[[GetPrototypeOf]]().
    crate::step!("sec-boundfunctioncreate", "1");
    let proto = target_function.get_prototype_of(agent)?;
    // 2. Let internalSlotsList be the list-concatenation of « [[Prototype]], [[Extensible]] »
    //    and the internal slots listed in Table 27.
    crate::step!("sec-boundfunctioncreate", "2");
    // 5. Set obj.[[Call]] as described in 10.4.1.1.
    // 6. If IsConstructor(targetFunction) is true, then
    //    a. Set obj.[[Construct]] as described in 10.4.1.2.
    // (Steps 5 and 6 choose the method table the object is made with in step 3.)
    crate::step!("sec-boundfunctioncreate", "5");
    crate::step!("sec-boundfunctioncreate", "6");
    let methods = if target_function.is_constructor() {
        crate::step!("sec-boundfunctioncreate", "6.a");
        &BOUND_CONSTRUCTOR_METHODS
    } else {
        &BOUND_FUNCTION_METHODS
    };
    // 3. Let obj be MakeBasicObject(internalSlotsList).
    crate::step!("sec-boundfunctioncreate", "3");
    // 4. Set obj.[[Prototype]] to proto.
    crate::step!("sec-boundfunctioncreate", "4");
    // 7. Set obj.[[BoundTargetFunction]] to targetFunction.
    crate::step!("sec-boundfunctioncreate", "7");
    // 8. Set obj.[[BoundThis]] to boundThis.
    crate::step!("sec-boundfunctioncreate", "8");
    // 9. Set obj.[[BoundArguments]] to boundArgs.
    crate::step!("sec-boundfunctioncreate", "9");
    // 10. Return obj.
    crate::step!("sec-boundfunctioncreate", "10");
    Ok(Object::new(
        methods,
        proto,
        ObjectKind::BoundFunction(Box::new(BoundFunctionData {
            bound_target_function: target_function.clone(),
            bound_this,
            bound_arguments: bound_args,
        })),
    ))
}
