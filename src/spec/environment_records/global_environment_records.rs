//! 9.1.1.4.12–9.1.1.4.17, the abstract operations of Global Environment Records:
//! HasLexicalDeclaration, HasRestrictedGlobalProperty, CanDeclareGlobalVar,
//! CanDeclareGlobalFunction, CreateGlobalVarBinding and CreateGlobalFunctionBinding.

use super::*;

/// HasLexicalDeclaration ( envRecord, name ) (9.1.1.4.12).
pub fn has_lexical_declaration(env: &Env, name: &str) -> bool {
    // 1. Let DclRec be envRecord.[[DeclarativeRecord]].
    // 2. Return ! DclRec.HasBinding(name).
    env.has_declarative_binding(name)
}

/// HasRestrictedGlobalProperty ( envRecord, name ) (9.1.1.4.13).
pub fn has_restricted_global_property(agent: &mut Agent, env: &Env, name: &str) -> JsResult<bool> {
    // 1. Let ObjRec be envRecord.[[ObjectRecord]].
    // 2. Let globalObject be ObjRec.[[BindingObject]].
    let global = env.binding_object().expect("a global environment");
    // 3. Let existingProp be ? globalObject.[[GetOwnProperty]](name).
    let existing = global.get_own_property(agent, &PropertyKey::from_identifier(name))?;
    // 4. If existingProp is undefined, return false.
    // 5. If existingProp.[[Configurable]] is true, return false.
    // 6. Return true.
    Ok(matches!(existing, Some(p) if p.configurable == Some(false)))
}

/// CanDeclareGlobalVar ( envRecord, name ) (9.1.1.4.14).
pub fn can_declare_global_var(agent: &mut Agent, env: &Env, name: &str) -> JsResult<bool> {
    // 1. Let ObjRec be envRecord.[[ObjectRecord]].
    // 2. Let globalObject be ObjRec.[[BindingObject]].
    let global = env.binding_object().expect("a global environment");
    // 3. Let hasProperty be ? HasOwnProperty(globalObject, name).
    // 4. If hasProperty is true, return true.
    if has_own_property(agent, &global, &PropertyKey::from_identifier(name))? {
        return Ok(true);
    }
    // 5. Return ? IsExtensible(globalObject).
    global.is_extensible(agent)
}

/// CanDeclareGlobalFunction ( envRecord, name ) (9.1.1.4.15).
pub fn can_declare_global_function(agent: &mut Agent, env: &Env, name: &str) -> JsResult<bool> {
    let global = env.binding_object().expect("a global environment");
    // 3. Let existingProp be ? globalObject.[[GetOwnProperty]](name).
    let existing = global.get_own_property(agent, &PropertyKey::from_identifier(name))?;
    match existing {
        // 4. If existingProp is undefined, return ? IsExtensible(globalObject).
        None => global.is_extensible(agent),
        Some(prop) => {
            // 5. If existingProp.[[Configurable]] is true, return true.
            if prop.configurable == Some(true) {
                return Ok(true);
            }
            // 6. If IsDataDescriptor(existingProp) is true and existingProp has attribute
            //    values { [[Writable]]: true, [[Enumerable]]: true }, return true.
            // 7. Return false.
            Ok(prop.is_data_descriptor()
                && prop.writable == Some(true)
                && prop.enumerable == Some(true))
        }
    }
}

/// CreateGlobalVarBinding ( envRecord, name, deletable ) (9.1.1.4.16).
pub fn create_global_var_binding(
    agent: &mut Agent,
    env: &Env,
    name: &str,
    deletable: bool,
) -> JsResult<()> {
    let global = env.binding_object().expect("a global environment");
    let key = PropertyKey::from_identifier(name);
    // 3. Let hasProperty be ? HasOwnProperty(globalObject, name).
    let has = has_own_property(agent, &global, &key)?;
    // 4. Let extensible be ? IsExtensible(globalObject).
    let extensible = global.is_extensible(agent)?;
    // 5. If hasProperty is false and extensible is true, then
    if !has && extensible {
        // a. Perform ? ObjRec.CreateMutableBinding(name, deletable).
        define_property_or_throw(
            agent,
            &global,
            &key,
            PropertyDescriptor::data(Value::Undefined, true, true, deletable),
        )?;
        // b. Perform ? ObjRec.InitializeBinding(name, undefined).
        let record = ObjectRecord {
            binding_object: global,
            is_with_environment: false,
        };
        object_set_mutable_binding(agent, &record, name, Value::Undefined, false)?;
    }
    // 6. Return unused.
    Ok(())
}

/// CreateGlobalFunctionBinding ( envRecord, name, value, deletable ) (9.1.1.4.17).
pub fn create_global_function_binding(
    agent: &mut Agent,
    env: &Env,
    name: &str,
    value: Value,
    deletable: bool,
) -> JsResult<()> {
    let global = env.binding_object().expect("a global environment");
    let key = PropertyKey::from_identifier(name);
    // 3. Let existingProp be ? globalObject.[[GetOwnProperty]](name).
    let existing = global.get_own_property(agent, &key)?;
    // 4. If existingProp is undefined or existingProp.[[Configurable]] is true, then
    let desc = if existing.is_none_or(|p| p.configurable == Some(true)) {
        // a. Let desc be the PropertyDescriptor { [[Value]]: value, [[Writable]]: true,
        //    [[Enumerable]]: true, [[Configurable]]: deletable }.
        PropertyDescriptor::data(value.clone(), true, true, deletable)
    } else {
        // 5. Else, a. Let desc be the PropertyDescriptor { [[Value]]: value }.
        PropertyDescriptor::value_only(value.clone())
    };
    // 6. Perform ? DefinePropertyOrThrow(globalObject, name, desc).
    define_property_or_throw(agent, &global, &key, desc)?;
    // 7. Perform ? Set(globalObject, name, value, false).
    set(agent, &global, &key, value, false)?;
    // 8. Return unused.
    Ok(())
}
