//! 9.1.1.4.12–9.1.1.4.17, the abstract operations of Global Environment Records:
//! HasLexicalDeclaration, HasRestrictedGlobalProperty, CanDeclareGlobalVar,
//! CanDeclareGlobalFunction, CreateGlobalVarBinding and CreateGlobalFunctionBinding.

use super::*;
use crate::step;

/// HasLexicalDeclaration ( envRecord, name ) (9.1.1.4.12).
pub fn has_lexical_declaration(env: &Env, name: &str) -> bool {
    // 1. Let DclRec be envRecord.[[DeclarativeRecord]].
    step!("sec-haslexicaldeclaration", "1");
    // 2. Return ! DclRec.HasBinding(name).
    step!("sec-haslexicaldeclaration", "2");
    env.has_declarative_binding(name)
}

/// HasRestrictedGlobalProperty ( envRecord, name ) (9.1.1.4.13).
pub fn has_restricted_global_property(agent: &mut Agent, env: &Env, name: &str) -> JsResult<bool> {
    // 1. Let ObjRec be envRecord.[[ObjectRecord]].
    step!("sec-hasrestrictedglobalproperty", "1");
    // 2. Let globalObject be ObjRec.[[BindingObject]].
    step!("sec-hasrestrictedglobalproperty", "2");
    let global = env.binding_object().expect("a global environment");
    // 3. Let existingProp be ? globalObject.[[GetOwnProperty]](name).
    step!("sec-hasrestrictedglobalproperty", "3");
    let existing = global.get_own_property(agent, &PropertyKey::from_identifier(name))?;
    // 4. If existingProp is undefined, return false.
    step!("sec-hasrestrictedglobalproperty", "4");
    let Some(existing) = existing else {
        return Ok(false);
    };
    // 5. If existingProp.[[Configurable]] is true, return false.
    step!("sec-hasrestrictedglobalproperty", "5");
    if existing.configurable == Some(true) {
        return Ok(false);
    }
    // 6. Return true.
    step!("sec-hasrestrictedglobalproperty", "6");
    Ok(true)
}

/// CanDeclareGlobalVar ( envRecord, name ) (9.1.1.4.14).
pub fn can_declare_global_var(agent: &mut Agent, env: &Env, name: &str) -> JsResult<bool> {
    // 1. Let ObjRec be envRecord.[[ObjectRecord]].
    step!("sec-candeclareglobalvar", "1");
    // 2. Let globalObject be ObjRec.[[BindingObject]].
    step!("sec-candeclareglobalvar", "2");
    let global = env.binding_object().expect("a global environment");
    // 3. Let hasProperty be ? HasOwnProperty(globalObject, name).
    step!("sec-candeclareglobalvar", "3");
    let has_property = has_own_property(agent, &global, &PropertyKey::from_identifier(name))?;
    // 4. If hasProperty is true, return true.
    step!("sec-candeclareglobalvar", "4");
    if has_property {
        return Ok(true);
    }
    // 5. Return ? IsExtensible(globalObject).
    step!("sec-candeclareglobalvar", "5");
    global.is_extensible(agent)
}

/// CanDeclareGlobalFunction ( envRecord, name ) (9.1.1.4.15).
pub fn can_declare_global_function(agent: &mut Agent, env: &Env, name: &str) -> JsResult<bool> {
    // 1. Let ObjRec be envRecord.[[ObjectRecord]].
    step!("sec-candeclareglobalfunction", "1");
    // 2. Let globalObject be ObjRec.[[BindingObject]].
    step!("sec-candeclareglobalfunction", "2");
    let global = env.binding_object().expect("a global environment");
    // 3. Let existingProp be ? globalObject.[[GetOwnProperty]](name).
    step!("sec-candeclareglobalfunction", "3");
    let existing = global.get_own_property(agent, &PropertyKey::from_identifier(name))?;
    // 4. If existingProp is undefined, return ? IsExtensible(globalObject).
    step!("sec-candeclareglobalfunction", "4");
    let Some(existing) = existing else {
        return global.is_extensible(agent);
    };
    // 5. If existingProp.[[Configurable]] is true, return true.
    step!("sec-candeclareglobalfunction", "5");
    if existing.configurable == Some(true) {
        return Ok(true);
    }
    // 6. If IsDataDescriptor(existingProp) is true and existingProp has attribute values
    //    { [[Writable]]: true, [[Enumerable]]: true }, return true.
    step!("sec-candeclareglobalfunction", "6");
    if existing.is_data_descriptor()
        && existing.writable == Some(true)
        && existing.enumerable == Some(true)
    {
        return Ok(true);
    }
    // 7. Return false.
    step!("sec-candeclareglobalfunction", "7");
    Ok(false)
}

/// CreateGlobalVarBinding ( envRecord, name, deletable ) (9.1.1.4.16).
pub fn create_global_var_binding(
    agent: &mut Agent,
    env: &Env,
    name: &str,
    deletable: bool,
) -> JsResult<()> {
    // 1. Let ObjRec be envRecord.[[ObjectRecord]].
    step!("sec-createglobalvarbinding", "1");
    // 2. Let globalObject be ObjRec.[[BindingObject]].
    step!("sec-createglobalvarbinding", "2");
    let global = env.binding_object().expect("a global environment");
    let key = PropertyKey::from_identifier(name);
    // 3. Let hasProperty be ? HasOwnProperty(globalObject, name).
    step!("sec-createglobalvarbinding", "3");
    let has_property = has_own_property(agent, &global, &key)?;
    // 4. Let extensible be ? IsExtensible(globalObject).
    step!("sec-createglobalvarbinding", "4");
    let extensible = global.is_extensible(agent)?;
    // 5. If hasProperty is false and extensible is true, then
    step!("sec-createglobalvarbinding", "5");
    if !has_property && extensible {
        // a. Perform ? ObjRec.CreateMutableBinding(name, deletable).
        //    (an Object Environment Record's CreateMutableBinding: DefinePropertyOrThrow)
        step!("sec-createglobalvarbinding", "5.a");
        define_property_or_throw(
            agent,
            &global,
            &key,
            PropertyDescriptor::data(Value::Undefined, true, true, deletable),
        )?;
        // b. Perform ? ObjRec.InitializeBinding(name, undefined).
        step!("sec-createglobalvarbinding", "5.b");
        let record = ObjectRecord {
            binding_object: global,
            is_with_environment: false,
        };
        object_set_mutable_binding(agent, &record, name, Value::Undefined, false)?;
    }
    // 6. Return unused.
    step!("sec-createglobalvarbinding", "6");
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
    // 1. Let ObjRec be envRecord.[[ObjectRecord]].
    step!("sec-createglobalfunctionbinding", "1");
    // 2. Let globalObject be ObjRec.[[BindingObject]].
    step!("sec-createglobalfunctionbinding", "2");
    let global = env.binding_object().expect("a global environment");
    let key = PropertyKey::from_identifier(name);
    // 3. Let existingProp be ? globalObject.[[GetOwnProperty]](name).
    step!("sec-createglobalfunctionbinding", "3");
    let existing = global.get_own_property(agent, &key)?;
    // 4. If existingProp is undefined or existingProp.[[Configurable]] is true, then
    step!("sec-createglobalfunctionbinding", "4");
    let desc = if existing.is_none_or(|p| p.configurable == Some(true)) {
        // a. Let desc be the PropertyDescriptor { [[Value]]: value, [[Writable]]: true,
        //    [[Enumerable]]: true, [[Configurable]]: deletable }.
        step!("sec-createglobalfunctionbinding", "4.a");
        PropertyDescriptor::data(value.clone(), true, true, deletable)
    } else {
        // 5. Else,
        step!("sec-createglobalfunctionbinding", "5");
        // a. Let desc be the PropertyDescriptor { [[Value]]: value }.
        step!("sec-createglobalfunctionbinding", "5.a");
        PropertyDescriptor::value_only(value.clone())
    };
    // 6. Perform ? DefinePropertyOrThrow(globalObject, name, desc).
    step!("sec-createglobalfunctionbinding", "6");
    define_property_or_throw(agent, &global, &key, desc)?;
    // 7. Perform ? Set(globalObject, name, value, false).
    step!("sec-createglobalfunctionbinding", "7");
    set(agent, &global, &key, value, false)?;
    // 8. Return unused.
    step!("sec-createglobalfunctionbinding", "8");
    Ok(())
}
