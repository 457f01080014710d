//! 10.2.3–10.2.10: making and completing ECMAScript function objects —
//! OrdinaryFunctionCreate (10.2.3), AddRestrictedFunctionProperties (10.2.4),
//! MakeConstructor (10.2.5), MakeClassConstructor (10.2.6), MakeMethod (10.2.7),
//! DefineMethodProperty (10.2.8), SetFunctionName (10.2.9) and SetFunctionLength (10.2.10).
//! (Split from ecmascript_function_objects.rs, which keeps the objects' slots and their
//! [[Call]] and [[Construct]], 10.2.1–10.2.2; the items here are re-exported from it.)

use super::*;

/// OrdinaryFunctionCreate ( functionPrototype, sourceText, ParameterList, Body, thisMode,
/// env, privateEnv ) (10.2.3).
#[inline]
pub fn ordinary_function_create(
    agent: &mut Agent,
    function_prototype: Object,
    code: &Arc<ast::Function>,
    lexical_this: bool,
    env: Env,
    private_env: Option<PrivateEnv>,
) -> Object {
    ordinary_function_create_named(
        agent,
        function_prototype,
        code,
        lexical_this,
        env,
        private_env,
        None,
    )
}

/// OrdinaryFunctionCreate (10.2.3) followed, when `name` is given, by SetFunctionName(F,
/// name) (10.2.9) for a String name and no prefix — only while not tracing (the caller
/// checks): SetFunctionName's step 1 Assert holds of the new F (extensible, with only
/// "length"), steps 2-5 leave the String as it is (not a Symbol or a Private Name, F has
/// no [[InitialName]], no prefix), and step 6's DefinePropertyOrThrow with the ordinary
/// [[DefineOwnProperty]] only adds "name" after "length": F is made with both in place
/// (docs/ARCHITECTURE.md, "Object creation").
#[crate::trace::checks_tracing_once]
pub fn ordinary_function_create_named(
    agent: &mut Agent,
    function_prototype: Object,
    code: &Arc<ast::Function>,
    lexical_this: bool,
    env: Env,
    private_env: Option<PrivateEnv>,
    name: Option<&JsString>,
) -> Object {
    debug_assert!(name.is_none() || !crate::trace::enabled());
    // (Step 15's GetActiveScriptOrModule, not while tracing: when the running execution
    // context's ScriptOrModule is not null, it is the topmost such context of step 2, and
    // steps 1-3 return its ScriptOrModule — `None` here: `function_slots` takes the
    // context's; docs/ARCHITECTURE.md, "Object creation".)
    let script_or_module = match &agent.running_execution_context().script_or_module {
        Some(_) if !crate::trace::enabled() => None,
        _ => Some(crate::spec::execution_contexts::get_active_script_or_module(agent)),
    };
    // The slots are filled in (steps 1-21) as one FunctionData, and the object is made
    // with them at the end (step 2's OrdinaryObjectCreate with F's [[Call]], step 3).
    // (One test of the tracing flag for the markers of steps 1 and 4-6, which do no work
    // here: every function made runs them.)
    if crate::trace::enabled() {
        // 1. Let internalSlotsList be the internal slots listed in Table 26.
        crate::step!("sec-ordinaryfunctioncreate", "1");
        // 4. Set F.[[SourceText]] to sourceText. (The function's span in its source text.)
        crate::step!("sec-ordinaryfunctioncreate", "4");
        // 5. Set F.[[FormalParameters]] to ParameterList.
        crate::step!("sec-ordinaryfunctioncreate", "5");
        // 6. Set F.[[ECMAScriptCode]] to Body. (5 and 6: `code` holds both.)
        crate::step!("sec-ordinaryfunctioncreate", "6");
    }
    // 7. Let Strict be IsStrict(Body).
    crate::step!("sec-ordinaryfunctioncreate", "7");
    let strict = code.strict;
    // 8. Set F.[[Strict]] to Strict.
    crate::step!("sec-ordinaryfunctioncreate", "8");
    // 9. If thisMode is lexical-this, set F.[[ThisMode]] to lexical.
    crate::step!("sec-ordinaryfunctioncreate", "9");
    let this_mode = if lexical_this {
        ThisMode::Lexical
    } else {
        // 10. Else if Strict is true, set F.[[ThisMode]] to strict.
        crate::step!("sec-ordinaryfunctioncreate", "10");
        if strict {
            ThisMode::Strict
        } else {
            // 11. Else, set F.[[ThisMode]] to global.
            crate::step!("sec-ordinaryfunctioncreate", "11");
            ThisMode::Global
        }
    };
    // (One test of the tracing flag for the markers of steps 12-20: the FunctionData below
    // does their work.)
    if crate::trace::enabled() {
        // 12. Set F.[[IsClassConstructor]] to false. (And [[ConstructorKind]] base until
        //     MakeConstructor / ClassDefinitionEvaluation say otherwise.)
        crate::step!("sec-ordinaryfunctioncreate", "12");
        // 13. Set F.[[Environment]] to env.
        crate::step!("sec-ordinaryfunctioncreate", "13");
        // 14. Set F.[[PrivateEnvironment]] to privateEnv.
        crate::step!("sec-ordinaryfunctioncreate", "14");
        // 15. Set F.[[ScriptOrModule]] to GetActiveScriptOrModule(). (script_or_module, above)
        crate::step!("sec-ordinaryfunctioncreate", "15");
        // 16. Set F.[[Realm]] to the current Realm Record.
        crate::step!("sec-ordinaryfunctioncreate", "16");
        // 17. Set F.[[HomeObject]] to undefined.
        crate::step!("sec-ordinaryfunctioncreate", "17");
        // 18. Set F.[[Fields]] to a new empty List.
        crate::step!("sec-ordinaryfunctioncreate", "18");
        // 19. Set F.[[PrivateMethods]] to a new empty List.
        crate::step!("sec-ordinaryfunctioncreate", "19");
        // 20. Set F.[[ClassFieldInitializerName]] to empty.
        crate::step!("sec-ordinaryfunctioncreate", "20");
    }
    // (Steps 5-20 but 13: the slots shared with the functions made before from this code
    // in the same circumstances; docs/ARCHITECTURE.md, "Object creation".)
    debug_assert_eq!(strict, code.strict);
    let slots = super::function_slots::function_slots(
        agent,
        code,
        this_mode,
        private_env,
        script_or_module,
    );
    let data = FunctionData::new(env, slots);
    // (One test of the tracing flag for the markers of steps 2 and 3.)
    if crate::trace::enabled() {
        // 2. Let F be OrdinaryObjectCreate(functionPrototype, internalSlotsList).
        crate::step!("sec-ordinaryfunctioncreate", "2");
        // 3. Set F.[[Call]] to the definition specified in 10.2.1. (FUNCTION_METHODS)
        crate::step!("sec-ordinaryfunctioncreate", "3");
    }
    if !crate::trace::enabled() {
        // (Not while tracing: F is made with step 22's "length" property in place, in a
        // list with room for the "name" that SetFunctionName or MakeConstructor adds
        // next; SetFunctionLength's Assert holds of the new F, and DefinePropertyOrThrow
        // with the ordinary [[DefineOwnProperty]] only adds the property; see
        // docs/ARCHITECTURE.md.)
        // 21. Let len be the ExpectedArgumentCount of ParameterList.
        let len = expected_argument_count(code);
        // 22. Perform SetFunctionLength(F, len).
        // (SetFunctionName(F, name) step 6, when the caller asks for it: the list of the
        // two, shared with the functions made before with the same length and name, by
        // the code's address: docs/ARCHITECTURE.md, "Object creation".)
        if let (Some(name), Ok(len)) = (name, u32::try_from(len)) {
            let properties = agent.shared_properties.function(
                Arc::as_ptr(code) as usize / std::mem::align_of::<ast::Function>(),
                len,
                name,
            );
            // (Kept for `cached_named_arrow`: every caller of this named path makes an
            // arrow function with its code's `function_prototype_for`.)
            if lexical_this {
                super::function_slots::remember_named_arrow(
                    agent,
                    data.slots_handle(),
                    &function_prototype,
                    name,
                    &properties,
                );
            }
            // 23. Return F.
            return Object::new_with_shared_properties(
                &FUNCTION_METHODS,
                Some(function_prototype),
                ObjectKind::Function(data),
                properties,
                Default::default(),
            );
        }
        let length = (
            PropertyKey::length_key(),
            crate::spec::object_type::Property::Data {
                value: Value::Number(len as f64),
                writable: false,
                enumerable: false,
                configurable: true,
            },
        );
        let properties = match name {
            Some(name) => vec![
                length,
                (
                    PropertyKey::name_key(),
                    crate::spec::object_type::Property::Data {
                        value: Value::String(name.clone()),
                        writable: false,
                        enumerable: false,
                        configurable: true,
                    },
                ),
            ],
            None => {
                let mut properties = Vec::with_capacity(2);
                properties.push(length);
                properties
            }
        };
        // 23. Return F.
        return Object::new_with_properties(
            &FUNCTION_METHODS,
            Some(function_prototype),
            ObjectKind::Function(data),
            properties,
        );
    }
    let f = Object::new(
        &FUNCTION_METHODS,
        Some(function_prototype),
        ObjectKind::Function(data),
    );
    // 21. Let len be the ExpectedArgumentCount of ParameterList.
    crate::step!("sec-ordinaryfunctioncreate", "21");
    let len = expected_argument_count(code);
    // 22. Perform SetFunctionLength(F, len).
    crate::step!("sec-ordinaryfunctioncreate", "22");
    set_function_length(agent, &f, len as f64);
    // 23. Return F.
    crate::step!("sec-ordinaryfunctioncreate", "23");
    f
}

/// Static Semantics: ExpectedArgumentCount (15.1.5): the parameters before the first one
/// with an initializer (or the rest parameter).
pub fn expected_argument_count(code: &ast::Function) -> usize {
    code.params.iter().take_while(|p| p.init.is_none()).count()
}

/// MakeConstructor ( F [ , writablePrototype [ , prototype ] ] ) (10.2.5).
pub fn make_constructor(
    agent: &mut Agent,
    f: &Object,
    writable_prototype: bool,
    prototype: Option<Object>,
) {
    // 1. If F is an ECMAScript function object, then
    crate::step!("sec-makeconstructor", "1");
    if matches!(f.data().kind, ObjectKind::Function(_)) {
        //    a. Assert: IsConstructor(F) is false.
        crate::spec_assert!(
            "sec-makeconstructor",
            "1.a",
            f.methods().construct.is_none()
        );
        //    b. Assert: F is an extensible object that does not have a "prototype" own
        //       property.
        crate::spec_assert!(
            "sec-makeconstructor",
            "1.b",
            f.data().extensible && f.own_property(&"prototype".into()).is_none()
        );
        //    c. Set F.[[Construct]] to the definition specified in 10.2.2.
        crate::step!("sec-makeconstructor", "1.c");
        f.set_methods(&CONSTRUCTOR_METHODS);
    } else {
        // 2. Else,
        crate::step!("sec-makeconstructor", "2");
        //    a. Set F.[[Construct]] to the definition specified in 10.3.2.
        crate::step!("sec-makeconstructor", "2.a");
        f.set_methods(&crate::spec::builtin_function_objects::BUILTIN_CONSTRUCTOR_METHODS);
    }
    // 3. Set F.[[ConstructorKind]] to base.
    crate::step!("sec-makeconstructor", "3");
    if let ObjectKind::Function(data) = &mut f.data_mut().kind {
        data.set_constructor_kind(ConstructorKind::Base);
    }
    // 4. If writablePrototype is not present, set writablePrototype to true. (The callers
    //    pass true when the spec omits it.)
    crate::step!("sec-makeconstructor", "4");
    // 5. If prototype is not present, then
    crate::step!("sec-makeconstructor", "5");
    let prototype = prototype.unwrap_or_else(|| {
        // a. Set prototype to OrdinaryObjectCreate(%Object.prototype%).
        crate::step!("sec-makeconstructor", "5.a");
        let prototype = agent.ordinary_object();
        // b. Perform ! DefinePropertyOrThrow(prototype, "constructor", PropertyDescriptor {
        //    [[Value]]: F, [[Writable]]: writablePrototype, [[Enumerable]]: false,
        //    [[Configurable]]: true }).
        crate::step!("sec-makeconstructor", "5.b");
        prototype.insert_property(
            "constructor".into(),
            crate::spec::object_type::Property::data(
                Value::Object(f.clone()),
                writable_prototype,
                false,
                true,
            ),
        );
        prototype
    });
    // 6. Perform ! DefinePropertyOrThrow(F, "prototype", PropertyDescriptor { [[Value]]:
    //    prototype, [[Writable]]: writablePrototype, [[Enumerable]]: false,
    //    [[Configurable]]: false }).
    crate::step!("sec-makeconstructor", "6");
    f.insert_property(
        "prototype".into(),
        crate::spec::object_type::Property::data(
            Value::Object(prototype),
            writable_prototype,
            false,
            false,
        ),
    );
    // 7. Return unused.
    crate::step!("sec-makeconstructor", "7");
}

/// MakeClassConstructor ( F ) (10.2.6).
pub fn make_class_constructor(f: &Object) {
    // 1. Assert: F.[[IsClassConstructor]] is false.
    crate::spec_assert!(
        "sec-makeclassconstructor",
        "1",
        matches!(&f.data().kind, ObjectKind::Function(data) if !data.is_class_constructor())
    );
    // 2. Set F.[[IsClassConstructor]] to true.
    crate::step!("sec-makeclassconstructor", "2");
    if let ObjectKind::Function(data) = &mut f.data_mut().kind {
        data.set_class_constructor();
    }
    // 3. Return unused.
    crate::step!("sec-makeclassconstructor", "3");
}

/// Sets [[ConstructorKind]] (ClassDefinitionEvaluation step 16.b for derived classes).
pub fn set_constructor_kind(f: &Object, kind: ConstructorKind) {
    if let ObjectKind::Function(data) = &mut f.data_mut().kind {
        data.set_constructor_kind(kind);
    }
}

/// Sets [[ClassFieldInitializerName]] of a field initializer function.
pub fn set_class_field_initializer_name(f: &Object, name: ClassFieldInitializerName) {
    if let ObjectKind::Function(data) = &mut f.data_mut().kind {
        data.set_class_field_initializer_name(name);
    }
}

/// MakeMethod ( F, homeObject ) (10.2.7).
pub fn make_method(f: &Object, home_object: Object) {
    // 1. Assert: homeObject is an ordinary object.
    crate::spec_assert!(
        "sec-makemethod",
        "1",
        crate::spec::ordinary_object_internal_methods::has_ordinary_lookup(&home_object)
    );
    // 2. Set F.[[HomeObject]] to homeObject.
    crate::step!("sec-makemethod", "2");
    if let ObjectKind::Function(data) = &mut f.data_mut().kind {
        data.set_home_object(home_object);
    }
    // 3. Return unused.
    crate::step!("sec-makemethod", "3");
}

/// The name argument of SetFunctionName: a property key or a Private Name.
#[derive(Clone, Debug)]
pub enum FunctionName {
    Key(PropertyKey),
    Private(PrivateName),
}

/// SetFunctionName ( F, name [ , prefix ] ) (10.2.9). The spec's steps cannot fail; here a
/// name longer than the String limit (a prefix or brackets around a description that is
/// already nearly that long) is a RangeError (`resource_limits`).
#[crate::trace::checks_tracing_once]
pub fn set_function_name(
    agent: &mut Agent,
    f: &Object,
    name: &FunctionName,
    prefix: Option<&str>,
) -> JsResult<()> {
    let key = PropertyKey::name_key();
    // 1. Assert: F is an extensible object that does not have a "name" own property.
    crate::spec_assert!("sec-setfunctionname", "1", f.is_extensible_without(&key));
    // 2. If name is a Symbol, then
    crate::step!("sec-setfunctionname", "2");
    let mut name: JsString = match name {
        FunctionName::Key(PropertyKey::Symbol(symbol)) => {
            // a. Let description be name.[[Description]].
            crate::step!("sec-setfunctionname", "2.a");
            let description = symbol.description();
            // b. If description is undefined, set name to the empty String.
            crate::step!("sec-setfunctionname", "2.b");
            match description {
                None => JsString::default(),
                Some(d) => {
                    // c. Else, set name to the string-concatenation of "[", description,
                    //    and "]".
                    crate::step!("sec-setfunctionname", "2.c");
                    JsString::from("[")
                        .concat_in(agent, d)?
                        .concat_in(agent, &JsString::from("]"))?
                }
            }
        }
        FunctionName::Private(p) => {
            // 3. Else if name is a Private Name, then
            crate::step!("sec-setfunctionname", "3");
            // a. Set name to name.[[Description]].
            crate::step!("sec-setfunctionname", "3.a");
            p.description().clone()
        }
        FunctionName::Key(key) => key.as_string().unwrap_or_default(),
    };
    // 4. If F has an [[InitialName]] internal slot, then
    crate::step!("sec-setfunctionname", "4");
    if let ObjectKind::Builtin(b) = &mut f.data_mut().kind {
        //    a. Set F.[[InitialName]] to name.
        crate::step!("sec-setfunctionname", "4.a");
        b.initial_name = Some(name.clone());
    }
    // 5. If prefix is present, then
    crate::step!("sec-setfunctionname", "5");
    if let Some(prefix) = prefix {
        // a. Set name to the string-concatenation of prefix, the code unit 0x0020 (SPACE),
        //    and name.
        crate::step!("sec-setfunctionname", "5.a");
        name = JsString::from(format!("{prefix} ")).concat_in(agent, &name)?;
        // b. If F has an [[InitialName]] internal slot, then
        crate::step!("sec-setfunctionname", "5.b");
        if matches!(f.data().kind, ObjectKind::Builtin(_)) {
            // i. NOTE: The choice in the following step is made independently each time
            //    this Abstract Operation is invoked.
            crate::step!("sec-setfunctionname", "5.b.i");
            // ii. Optionally, set F.[[InitialName]] to name. (Not done: [[InitialName]]
            //     keeps the name without the prefix.)
            crate::step!("sec-setfunctionname", "5.b.ii");
        }
    }
    // 6. Perform ! DefinePropertyOrThrow(F, "name", PropertyDescriptor { [[Value]]: name,
    //    [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }).
    crate::step!("sec-setfunctionname", "6");
    define_new_function_property(agent, f, key, Value::String(name));
    // 7. Return unused.
    crate::step!("sec-setfunctionname", "7");
    Ok(())
}

/// SetFunctionLength ( F, length ) (10.2.10).
#[crate::trace::checks_tracing_once]
pub fn set_function_length(agent: &mut Agent, f: &Object, length: f64) {
    let key = PropertyKey::length_key();
    // 1. Assert: F is an extensible object that does not have a "length" own property.
    crate::spec_assert!("sec-setfunctionlength", "1", f.is_extensible_without(&key));
    // 2. Perform ! DefinePropertyOrThrow(F, "length", PropertyDescriptor { [[Value]]:
    //    𝔽(length), [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }).
    crate::step!("sec-setfunctionlength", "2");
    define_new_function_property(agent, f, key, Value::Number(length));
    // 3. Return unused.
    crate::step!("sec-setfunctionlength", "3");
}

/// `! DefinePropertyOrThrow(F, key, PropertyDescriptor { [[Value]]: value, [[Writable]]:
/// false, [[Enumerable]]: false, [[Configurable]]: true })` of SetFunctionName step 6 and
/// SetFunctionLength step 2, whose step 1 Asserts that F is extensible and has no such own
/// property. With the ordinary [[DefineOwnProperty]] that only creates the property, so
/// (not observable, and not while tracing, where the steps of OrdinaryDefineOwnProperty
/// are shown) the property is created directly: every function made runs this twice.
fn define_new_function_property(agent: &mut Agent, f: &Object, key: PropertyKey, value: Value) {
    if !crate::trace::enabled()
        && crate::spec::ordinary_object_internal_methods::defines_ordinarily(f)
    {
        f.insert_new_property(
            key,
            crate::spec::object_type::Property::Data {
                value,
                writable: false,
                enumerable: false,
                configurable: true,
            },
        );
        return;
    }
    let _ = define_property_or_throw(
        agent,
        f,
        &key,
        PropertyDescriptor::data(value, false, false, true),
    );
}

/// AddRestrictedFunctionProperties ( F, realm ) (10.2.4).
pub fn add_restricted_function_properties(f: &Object, realm: &Realm) {
    // 1. Assert: realm.[[Intrinsics]].[[%ThrowTypeError%]] exists and has been initialized.
    crate::spec_assert!(
        "sec-addrestrictedfunctionproperties",
        "1",
        by: "CreateIntrinsics makes %ThrowTypeError% before it calls this"
    );
    // 2. Let thrower be realm.[[Intrinsics]].[[%ThrowTypeError%]].
    crate::step!("sec-addrestrictedfunctionproperties", "2");
    let thrower = Some(realm.intrinsic(Intrinsic::ThrowTypeError));
    // 3. Perform ! DefinePropertyOrThrow(F, "caller", PropertyDescriptor { [[Get]]: thrower,
    //    [[Set]]: thrower, [[Enumerable]]: false, [[Configurable]]: true }).
    crate::step!("sec-addrestrictedfunctionproperties", "3");
    f.insert_property(
        "caller".into(),
        crate::spec::object_type::Property::Accessor {
            get: thrower.clone(),
            set: thrower.clone(),
            enumerable: false,
            configurable: true,
        },
    );
    // 4. Perform ! DefinePropertyOrThrow(F, "arguments", PropertyDescriptor { [[Get]]:
    //    thrower, [[Set]]: thrower, [[Enumerable]]: false, [[Configurable]]: true }).
    crate::step!("sec-addrestrictedfunctionproperties", "4");
    f.insert_property(
        "arguments".into(),
        crate::spec::object_type::Property::Accessor {
            get: thrower.clone(),
            set: thrower,
            enumerable: false,
            configurable: true,
        },
    );
    // 5. Return unused.
    crate::step!("sec-addrestrictedfunctionproperties", "5");
}

/// DefineMethodProperty ( homeObject, key, closure, enumerable ) (10.2.8).
pub fn define_method_property(
    agent: &mut Agent,
    home_object: &Object,
    key: FunctionName,
    closure: Object,
    enumerable: bool,
) -> JsResult<Option<PrivateElement>> {
    // 1. Assert: homeObject is an ordinary, extensible object.
    crate::spec_assert!(
        "sec-definemethodproperty",
        "1",
        crate::spec::ordinary_object_internal_methods::has_ordinary_lookup(home_object)
            && home_object.data().extensible
    );
    // 2. If key is a Private Name, then
    crate::step!("sec-definemethodproperty", "2");
    match key {
        FunctionName::Private(name) => {
            //    a. Return PrivateElement { [[Key]]: key, [[Kind]]: method, [[Value]]:
            //       closure }.
            crate::step!("sec-definemethodproperty", "2.a");
            Ok(Some(PrivateElement::Method {
                key: name,
                value: closure,
            }))
        }
        FunctionName::Key(key) => {
            // 3. Else,
            crate::step!("sec-definemethodproperty", "3");
            // a. Let desc be the PropertyDescriptor { [[Value]]: closure, [[Writable]]:
            //    true, [[Enumerable]]: enumerable, [[Configurable]]: true }.
            crate::step!("sec-definemethodproperty", "3.a");
            let desc = PropertyDescriptor::data(Value::Object(closure), true, enumerable, true);
            // b. Perform ? DefinePropertyOrThrow(homeObject, key, desc).
            crate::step!("sec-definemethodproperty", "3.b");
            define_property_or_throw(agent, home_object, &key, desc)?;
            // c. NOTE: DefinePropertyOrThrow only returns an abrupt completion when
            //    attempting to define a class static method whose key is "prototype".
            crate::step!("sec-definemethodproperty", "3.c");
            // d. Return unused.
            crate::step!("sec-definemethodproperty", "3.d");
            Ok(None)
        }
    }
}
