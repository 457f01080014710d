//! 15.7 Class Definitions: ClassDefinitionEvaluation (15.7.14), ClassElementEvaluation,
//! the default constructor, BindingClassDeclarationEvaluation (15.7.15).

use super::expressions::{evaluate_expression, lexical_environment};
use super::functions::{define_method, method_definition_evaluation};
use super::literals::evaluate_property_key;
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::{create_builtin_function, BuiltinCall, BuiltinSteps};
use crate::spec::class_private_elements::{
    define_field, initialize_instance_elements, private_method_or_accessor_add,
    ClassFieldDefinition, PrivateElement,
};
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::{
    define_method_property, make_class_constructor, make_constructor, make_method,
    ordinary_function_create, set_class_field_initializer_name, set_class_fields,
    set_constructor_kind, set_function_name, ClassConstructorFields, ClassFieldInitializerName,
    ConstructorKind, FunctionName,
};
use crate::spec::environment_records::new_declarative_environment;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{call_object, construct, get};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create,
};
use crate::spec::private_environment_records::{new_private_environment, PrivateName};
use crate::spec::realms::Intrinsic;
use crate::spec::string_type::JsString;
use crate::spec::value::Value;
use crate::syntax::ast::{Class, ClassElement, PropKey};

/// What ClassElementEvaluation gives.
enum ElementRecord {
    Private(PrivateElement),
    Field(ClassFieldDefinition),
    StaticBlock(Object),
}

/// The source text of a class, for its constructor's [[SourceText]].
fn class_source_text(agent: &Agent, class: &Class) -> Option<JsString> {
    let source = agent.running_execution_context().source.clone()?;
    source
        .text
        .get(class.span.start as usize..class.span.end as usize)
        .map(JsString::from)
}

/// ClassDefinitionEvaluation with the class's own name as classBinding (when it has one)
/// and `name` (NamedEvaluation) or its own name or "" as className, followed by setting
/// [[SourceText]] (ClassExpression evaluation, 15.7.16).
pub fn class_definition_evaluation_named(
    agent: &mut Agent,
    class: &Class,
    name: Option<FunctionName>,
) -> JsResult<Value> {
    let (binding, class_name) = match &class.id {
        Some(id) => (
            Some(id.name.as_str()),
            FunctionName::Key(PropertyKey::from_identifier(&id.name)),
        ),
        None => (
            None,
            name.unwrap_or_else(|| FunctionName::Key(PropertyKey::from_str(""))),
        ),
    };
    let f = class_definition_evaluation(agent, class, binding, class_name)?;
    Ok(Value::Object(f))
}

/// BindingClassDeclarationEvaluation (15.7.15).
pub fn binding_class_declaration_evaluation(agent: &mut Agent, class: &Class) -> JsResult<Object> {
    // 1. Let className be the StringValue of BindingIdentifier.
    // ("default" for `export default class {}`, the second algorithm.)
    crate::step!(
        "sec-runtime-semantics-bindingclassdeclarationevaluation",
        "1"
    );
    let class_name = class.id.as_ref().map_or("default", |id| id.name.as_str());
    // 2. Let sourceText be the source text matched by ClassDeclaration.
    // (ClassDefinitionEvaluation sets [[SourceText]] from the class's span.)
    crate::step!(
        "sec-runtime-semantics-bindingclassdeclarationevaluation",
        "2"
    );
    // 3. Let value be ? ClassDefinitionEvaluation of ClassTail with arguments className,
    //    className, and sourceText.
    crate::step!(
        "sec-runtime-semantics-bindingclassdeclarationevaluation",
        "3"
    );
    let binding = class.id.as_ref().map(|id| id.name.as_str());
    let value = class_definition_evaluation(
        agent,
        class,
        binding,
        FunctionName::Key(PropertyKey::from_str(class_name)),
    )?;
    // 4. Let env be the running execution context's LexicalEnvironment.
    crate::step!(
        "sec-runtime-semantics-bindingclassdeclarationevaluation",
        "4"
    );
    let env = lexical_environment(agent);
    // 5. Perform ? InitializeBoundName(className, value, env).
    // (env is not undefined: InitializeBoundName's step 1.a, env.InitializeBinding.)
    crate::step!(
        "sec-runtime-semantics-bindingclassdeclarationevaluation",
        "5"
    );
    env.initialize_binding(agent, class_name, Value::Object(value.clone()))?;
    // 6. Return value.
    crate::step!(
        "sec-runtime-semantics-bindingclassdeclarationevaluation",
        "6"
    );
    Ok(value)
}

/// ClassDefinitionEvaluation ( classBinding, className ) (15.7.14), run as strict mode
/// code ("All parts of a ClassDeclaration or a ClassExpression are strict mode code").
fn class_definition_evaluation(
    agent: &mut Agent,
    class: &Class,
    class_binding: Option<&str>,
    class_name: FunctionName,
) -> JsResult<Object> {
    let was_strict = agent.running_execution_context().strict;
    agent.running_execution_context_mut().strict = true;
    let result = class_definition_steps(agent, class, class_binding, class_name);
    agent.running_execution_context_mut().strict = was_strict;
    result
}

fn class_definition_steps(
    agent: &mut Agent,
    class: &Class,
    class_binding: Option<&str>,
    class_name: FunctionName,
) -> JsResult<Object> {
    // 1. Let env be the LexicalEnvironment of the running execution context.
    let env = lexical_environment(agent);
    // 2. Let classEnv be NewDeclarativeEnvironment(env).
    let class_env = new_declarative_environment(Some(env.clone()));
    // 3. If classBinding is not undefined, then
    //    a. Perform ! classEnv.CreateImmutableBinding(classBinding, true).
    if let Some(binding) = class_binding {
        class_env.create_immutable_binding(agent, binding, true)?;
    }
    // 4. Let outerPrivateEnvironment be the running execution context's PrivateEnvironment.
    let outer_private_environment = agent
        .running_execution_context()
        .private_environment
        .clone();
    // 5. Let classPrivateEnvironment be NewPrivateEnvironment(outerPrivateEnvironment).
    let class_private_environment = new_private_environment(outer_private_environment.clone());
    // 6. If ClassBody is present, then
    //    a. For each String dn of the PrivateBoundIdentifiers of ClassBody, do
    //       i. If classPrivateEnvironment.[[Names]] contains a pn such that
    //          pn.[[Description]] is dn, then 1. Assert: This is only possible for
    //          getter/setter pairs.
    //       ii. Else, 1. Let name be a new Private Name whose [[Description]] is dn.
    //           2. Append name to classPrivateEnvironment.[[Names]].
    for element in &class.elements {
        let key = match element {
            ClassElement::Method { key, .. } | ClassElement::Field { key, .. } => key,
            ClassElement::StaticBlock(_) => continue,
        };
        if let PropKey::Private(id) = key {
            let mut record = class_private_environment.0.borrow_mut();
            if !record
                .names
                .iter()
                .any(|pn| pn.description().eq_str(&id.name))
            {
                record.names.push(PrivateName::new(&id.name));
            }
        }
    }
    // 7. If ClassHeritage is not present, then
    //    a. Let protoParent be %Object.prototype%.
    //    b. Let constructorParent be %Function.prototype%.
    let (proto_parent, constructor_parent) = match &class.super_class {
        None => (
            Some(agent.intrinsic(Intrinsic::ObjectPrototype)),
            agent.intrinsic(Intrinsic::FunctionPrototype),
        ),
        // 8. Else,
        Some(heritage) => {
            // a. Set the running execution context's LexicalEnvironment to classEnv.
            // b. NOTE: The running execution context's PrivateEnvironment is
            //    outerPrivateEnvironment when evaluating ClassHeritage.
            agent.running_execution_context_mut().lexical_environment = Some(class_env.clone());
            // c. Let superclassRef be Completion(Evaluation of ClassHeritage).
            let superclass = evaluate_expression(agent, heritage);
            // d. Set the running execution context's LexicalEnvironment to env.
            agent.running_execution_context_mut().lexical_environment = Some(env.clone());
            // e. Let superclass be ? GetValue(? superclassRef).
            let superclass = superclass?;
            match superclass {
                // f. If superclass is null, then
                //    i. Let protoParent be null.
                //    ii. Let constructorParent be %Function.prototype%.
                Value::Null => (None, agent.intrinsic(Intrinsic::FunctionPrototype)),
                // h. Else,
                Value::Object(superclass) if superclass.is_constructor() => {
                    // i. Let protoParent be ? Get(superclass, "prototype").
                    // ii. If protoParent is not an Object and protoParent is not null, throw
                    //     a TypeError exception.
                    let proto_parent = match get(agent, &superclass, &"prototype".into())? {
                        Value::Object(p) => Some(p),
                        Value::Null => None,
                        _ => {
                            return Err(agent.type_error(
                                "class extends value does not have a valid prototype property",
                            ))
                        }
                    };
                    // iii. Let constructorParent be superclass.
                    (proto_parent, superclass)
                }
                // g. Else if IsConstructor(superclass) is false, then
                //    i. Throw a TypeError exception.
                _ => {
                    return Err(agent.type_error("class extends value is not a constructor or null"))
                }
            }
        }
    };
    // 9. Let proto be OrdinaryObjectCreate(protoParent).
    let proto = ordinary_object_create(proto_parent);
    // 12. Set the running execution context's LexicalEnvironment to classEnv.
    // 13. Set the running execution context's PrivateEnvironment to
    //     classPrivateEnvironment.
    {
        let context = agent.running_execution_context_mut();
        context.lexical_environment = Some(class_env.clone());
        context.private_environment = Some(class_private_environment);
    }
    let restore = |agent: &mut Agent| {
        let context = agent.running_execution_context_mut();
        context.lexical_environment = Some(env.clone());
        context.private_environment = outer_private_environment.clone();
    };
    let derived = class.super_class.is_some();
    // 10. If ClassBody is not present, let constructor be ~empty~.
    // 11. Else, let constructor be the ConstructorMethod of ClassBody.
    let f = match &class.constructor {
        // 14. If constructor is ~empty~, then
        //     a. Let defaultConstructor be a new Abstract Closure (default_constructor).
        //     b. Let F be CreateBuiltinFunction(defaultConstructor, 0, className,
        //        « [[ConstructorKind]], [[SourceText]] », the current Realm Record,
        //        constructorParent).
        None => {
            let f = create_builtin_function(
                agent,
                BuiltinSteps::Behaviour(default_constructor),
                0.0,
                class_name,
                None,
                Some(constructor_parent),
                None,
                true,
            );
            if let ObjectKind::Builtin(b) = &mut f.data_mut().kind {
                b.derived = derived;
            }
            f
        }
        // 15. Else,
        Some(constructor) => {
            // a. Let constructorInfo be ! DefineMethod of constructor with arguments proto
            //    and constructorParent.
            // b. Let F be constructorInfo.[[Closure]].
            let f = define_method(agent, &proto, constructor, Some(constructor_parent));
            // c. Perform MakeClassConstructor(F).
            make_class_constructor(&f);
            // d. Perform SetFunctionName(F, className).
            set_function_name(agent, &f, &class_name, None)?;
            f
        }
    };
    // 16. Perform MakeConstructor(F, false, proto).
    make_constructor(agent, &f, false, Some(proto.clone()));
    // 17. If ClassHeritage is present, set F.[[ConstructorKind]] to ~derived~.
    if derived {
        set_constructor_kind(&f, ConstructorKind::Derived);
    }
    // 18. Perform ! DefineMethodProperty(proto, "constructor", F, false).
    define_method_property(
        agent,
        &proto,
        FunctionName::Key("constructor".into()),
        f.clone(),
        false,
    )?;
    // 19-20. Let elements be the NonConstructorElements of ClassBody.
    // 21. Let instancePrivateMethods be a new empty List.
    // 22. Let staticPrivateMethods be a new empty List.
    // 23. Let instanceFields be a new empty List.
    // 24. Let staticElements be a new empty List.
    let mut instance_private_methods: Vec<PrivateElement> = Vec::new();
    let mut static_private_methods: Vec<PrivateElement> = Vec::new();
    let mut instance_fields: Vec<ClassFieldDefinition> = Vec::new();
    let mut static_elements: Vec<ElementRecord> = Vec::new();
    // 25. For each ClassElement e of elements, do
    for e in &class.elements {
        // a. If IsStatic of e is false, then
        //    i. Let element be Completion(ClassElementEvaluation of e with argument proto).
        // b. Else, i. Let element be Completion(ClassElementEvaluation of e with argument F).
        let is_static = match e {
            ClassElement::Method { is_static, .. } | ClassElement::Field { is_static, .. } => {
                *is_static
            }
            ClassElement::StaticBlock(_) => true,
        };
        let home = if is_static { &f } else { &proto };
        let element = class_element_evaluation(agent, e, home);
        // c. If element is an abrupt completion, then
        //    i. Set the running execution context's LexicalEnvironment to env.
        //    ii. Set the running execution context's PrivateEnvironment to
        //        outerPrivateEnvironment.
        //    iii. Return ? element.
        let element = match element {
            Ok(element) => element,
            Err(error) => {
                restore(agent);
                return Err(error);
            }
        };
        match element {
            // e. If element is a PrivateElement, then
            Some(ElementRecord::Private(element)) => {
                // ii. If IsStatic of e is false, let container be instancePrivateMethods.
                // iii. Else, let container be staticPrivateMethods.
                let container = if is_static {
                    &mut static_private_methods
                } else {
                    &mut instance_private_methods
                };
                // iv. If container contains a PrivateElement pe such that pe.[[Key]] is
                //     element.[[Key]], then
                if let Some(pe) = container.iter_mut().find(|pe| pe.key() == element.key()) {
                    // 1. Assert: element.[[Kind]] and pe.[[Kind]] are both ~accessor~.
                    // 2-3. Let combined be the accessor with both halves.
                    // 4. Replace pe in container with combined.
                    if let (
                        PrivateElement::Accessor {
                            get: pg, set: ps, ..
                        },
                        PrivateElement::Accessor {
                            get: eg, set: es, ..
                        },
                    ) = (pe, element)
                    {
                        if eg.is_some() {
                            *pg = eg;
                        }
                        if es.is_some() {
                            *ps = es;
                        }
                    }
                } else {
                    // v. Else, 1. Append element to container.
                    container.push(element);
                }
            }
            // f. Else if element is a ClassFieldDefinition Record, then
            //    i. If IsStatic of e is false, append element to instanceFields.
            //    ii. Else, append element to staticElements.
            Some(ElementRecord::Field(field)) => {
                if is_static {
                    static_elements.push(ElementRecord::Field(field));
                } else {
                    instance_fields.push(field);
                }
            }
            // g. Else if element is a ClassStaticBlockDefinition Record, then
            //    i. Append element to staticElements.
            Some(block @ ElementRecord::StaticBlock(_)) => static_elements.push(block),
            None => {}
        }
    }
    // 26. Set the running execution context's LexicalEnvironment to env.
    agent.running_execution_context_mut().lexical_environment = Some(env.clone());
    // 27. If classBinding is not undefined, then
    //     a. Perform ! classEnv.InitializeBinding(classBinding, F).
    if let Some(binding) = class_binding {
        class_env.initialize_binding(agent, binding, Value::Object(f.clone()))?;
    }
    // 28. Set F.[[PrivateMethods]] to instancePrivateMethods.
    // 29. Set F.[[Fields]] to instanceFields.
    set_class_fields(
        &f,
        ClassConstructorFields {
            fields: instance_fields,
            private_methods: instance_private_methods,
            source_text: class_source_text(agent, class),
        },
    );
    // 30. For each PrivateElement method of staticPrivateMethods, do
    //     a. Perform ! PrivateMethodOrAccessorAdd(F, method).
    for method in &static_private_methods {
        if let Err(error) = private_method_or_accessor_add(agent, &f, method) {
            restore(agent);
            return Err(error);
        }
    }
    // 31. For each element elementRecord of staticElements, do
    for element_record in &static_elements {
        let result = match element_record {
            // a. If elementRecord is a ClassFieldDefinition Record, then
            //    i. Let result be Completion(DefineField(F, elementRecord)).
            ElementRecord::Field(field) => define_field(agent, &f, field),
            // b. Else, ii. Let result be Completion(Call(elementRecord.[[BodyFunction]], F)).
            ElementRecord::StaticBlock(body) => {
                call_object(agent, body, &Value::Object(f.clone()), &[]).map(|_| ())
            }
            ElementRecord::Private(_) => Ok(()),
        };
        // c. If result is an abrupt completion, then
        //    i. Set the running execution context's PrivateEnvironment to
        //       outerPrivateEnvironment.
        //    ii. Return ? result.
        if let Err(error) = result {
            restore(agent);
            return Err(error);
        }
    }
    // 32. Set the running execution context's PrivateEnvironment to
    //     outerPrivateEnvironment.
    restore(agent);
    // 33. Return F.
    Ok(f)
}

/// ClassElementEvaluation (15.7.13) with argument object.
fn class_element_evaluation(
    agent: &mut Agent,
    element: &ClassElement,
    object: &Object,
) -> JsResult<Option<ElementRecord>> {
    match element {
        // ClassElement : MethodDefinition / static MethodDefinition
        // 1. Return ? MethodDefinitionEvaluation of MethodDefinition with arguments object
        //    and false.
        ClassElement::Method {
            key,
            kind,
            function,
            ..
        } => {
            let key = evaluate_property_key(agent, key)?;
            Ok(
                method_definition_evaluation(agent, object, key, *kind, function, false)?
                    .map(ElementRecord::Private),
            )
        }
        // ClassElement : FieldDefinition ; — ClassFieldDefinitionEvaluation (15.7.10).
        ClassElement::Field {
            key, initializer, ..
        } => {
            // 1. Let name be ? Evaluation of ClassElementName.
            crate::step!("sec-runtime-semantics-classfielddefinitionevaluation", "1");
            let name = match evaluate_property_key(agent, key)? {
                FunctionName::Key(k) => ClassFieldInitializerName::Key(k),
                FunctionName::Private(p) => ClassFieldInitializerName::Private(p),
            };
            // 2. If Initializer is present, then
            crate::step!("sec-runtime-semantics-classfielddefinitionevaluation", "2");
            let initializer = match initializer {
                Some(code) => {
                    // a. Let formalParameterList be an instance of the production
                    //    FormalParameters : [empty].
                    crate::step!(
                        "sec-runtime-semantics-classfielddefinitionevaluation",
                        "2.a"
                    );
                    // b. Let env be the LexicalEnvironment of the running execution context.
                    crate::step!(
                        "sec-runtime-semantics-classfielddefinitionevaluation",
                        "2.b"
                    );
                    let context = agent.running_execution_context();
                    let env = context
                        .lexical_environment
                        .clone()
                        .expect("a class body has an environment");
                    // c. Let privateEnv be the running execution context's
                    //    PrivateEnvironment.
                    crate::step!(
                        "sec-runtime-semantics-classfielddefinitionevaluation",
                        "2.c"
                    );
                    let private_env = context.private_environment.clone();
                    // d. Let sourceText be the empty sequence of Unicode code points.
                    crate::step!(
                        "sec-runtime-semantics-classfielddefinitionevaluation",
                        "2.d"
                    );
                    // e. Let initializer be OrdinaryFunctionCreate(%Function.prototype%,
                    //    sourceText, formalParameterList, Initializer, non-lexical-this,
                    //    env, privateEnv).
                    crate::step!(
                        "sec-runtime-semantics-classfielddefinitionevaluation",
                        "2.e"
                    );
                    let prototype = agent.intrinsic(Intrinsic::FunctionPrototype);
                    let initializer =
                        ordinary_function_create(agent, prototype, code, false, env, private_env);
                    // f. Perform MakeMethod(initializer, homeObject).
                    crate::step!(
                        "sec-runtime-semantics-classfielddefinitionevaluation",
                        "2.f"
                    );
                    make_method(&initializer, object.clone());
                    // g. Set initializer.[[ClassFieldInitializerName]] to name.
                    crate::step!(
                        "sec-runtime-semantics-classfielddefinitionevaluation",
                        "2.g"
                    );
                    set_class_field_initializer_name(&initializer, name.clone());
                    Some(initializer)
                }
                None => {
                    // 3. Else,
                    crate::step!("sec-runtime-semantics-classfielddefinitionevaluation", "3");
                    // a. Let initializer be empty.
                    crate::step!(
                        "sec-runtime-semantics-classfielddefinitionevaluation",
                        "3.a"
                    );
                    None
                }
            };
            // 4. Return the ClassFieldDefinition Record { [[Name]]: name, [[Initializer]]:
            //    initializer }.
            crate::step!("sec-runtime-semantics-classfielddefinitionevaluation", "4");
            Ok(Some(ElementRecord::Field(ClassFieldDefinition {
                name,
                initializer,
            })))
        }
        // ClassElement : ClassStaticBlock — ClassStaticBlockDefinitionEvaluation (15.7.11).
        ClassElement::StaticBlock(code) => {
            // 1. Let lex be the running execution context's LexicalEnvironment.
            crate::step!(
                "sec-runtime-semantics-classstaticblockdefinitionevaluation",
                "1"
            );
            let context = agent.running_execution_context();
            let env = context
                .lexical_environment
                .clone()
                .expect("a class body has an environment");
            // 2. Let privateEnv be the running execution context's PrivateEnvironment.
            crate::step!(
                "sec-runtime-semantics-classstaticblockdefinitionevaluation",
                "2"
            );
            let private_env = context.private_environment.clone();
            // 3. Let sourceText be the empty sequence of Unicode code points.
            crate::step!(
                "sec-runtime-semantics-classstaticblockdefinitionevaluation",
                "3"
            );
            // 4. Let formalParameters be an instance of the production FormalParameters :
            //    [empty].
            crate::step!(
                "sec-runtime-semantics-classstaticblockdefinitionevaluation",
                "4"
            );
            // 5. Let bodyFunction be OrdinaryFunctionCreate(%Function.prototype%,
            //    sourceText, formalParameters, ClassStaticBlockBody, non-lexical-this,
            //    lex, privateEnv).
            crate::step!(
                "sec-runtime-semantics-classstaticblockdefinitionevaluation",
                "5"
            );
            let prototype = agent.intrinsic(Intrinsic::FunctionPrototype);
            let body_function =
                ordinary_function_create(agent, prototype, code, false, env, private_env);
            // 6. Perform MakeMethod(bodyFunction, homeObject).
            crate::step!(
                "sec-runtime-semantics-classstaticblockdefinitionevaluation",
                "6"
            );
            make_method(&body_function, object.clone());
            // 7. Return the ClassStaticBlockDefinition Record { [[BodyFunction]]:
            //    bodyFunction }.
            crate::step!(
                "sec-runtime-semantics-classstaticblockdefinitionevaluation",
                "7"
            );
            Ok(Some(ElementRecord::StaticBlock(body_function)))
        }
    }
}

/// The default constructor's abstract closure (15.7.14 step 14.a).
fn default_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // i. Let args be the List of arguments that was passed to this function by [[Call]]
    //    or [[Construct]].
    // ii. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = call.new_target else {
        return Err(agent.type_error("class constructors cannot be invoked without 'new'"));
    };
    // iii. Let F be the active function object.
    let f = call.callee;
    let derived = matches!(&f.data().kind, ObjectKind::Builtin(b) if b.derived);
    // iv. If F.[[ConstructorKind]] is ~derived~, then
    let result = if derived {
        // 1. NOTE: This branch behaves similarly to constructor(...args) { super(...args); }.
        //    The most notable distinction is that while the aforementioned ECMAScript
        //    source text observably calls the %Symbol.iterator% method on
        //    %Array.prototype%, this function does not.
        // 2. Let func be ! F.[[GetPrototypeOf]]().
        let func = f.get_prototype_of(agent)?;
        // 3. If IsConstructor(func) is false, throw a TypeError exception.
        let func = match func {
            Some(func) if func.is_constructor() => func,
            _ => return Err(agent.type_error("super constructor is not a constructor")),
        };
        // 4. Let result be ? Construct(func, args, NewTarget).
        construct(agent, &func, call.args, Some(new_target))?
    } else {
        // v. Else,
        //    1. NOTE: This branch behaves similarly to constructor() {}.
        //    2. Let result be ? OrdinaryCreateFromConstructor(NewTarget,
        //       "%Object.prototype%").
        ordinary_create_from_constructor(
            agent,
            new_target,
            Intrinsic::ObjectPrototype,
            ObjectKind::Ordinary,
        )?
    };
    // vi. Perform ? InitializeInstanceElements(result, F).
    initialize_instance_elements(agent, &result, f)?;
    // vii. Return result.
    Ok(Value::Object(result))
}
