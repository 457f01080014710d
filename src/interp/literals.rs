//! Literals that build objects: array literals (13.2.4), object literals (13.2.5),
//! regular expression literals (13.2.7) and template literals (13.2.8).

use super::expressions::{
    evaluate_expression, is_anonymous_function_definition, named_evaluation, resolve_binding,
};
use super::functions::method_definition_evaluation;
use crate::spec::agents::Agent;
use crate::spec::array_exotic_objects::{array_create, array_create_with_elements};
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::FunctionName;
use crate::spec::number_type::number_to_string;
use crate::spec::object_type::{ElementList, Object, PropertyKey};
use crate::spec::operations_on_iterator_objects::{get_iterator, iterator_step_value};
use crate::spec::operations_on_objects::{
    copy_data_properties, create_data_property_or_throw, define_property_or_throw, index_key, set,
    set_integrity_level, IntegrityLevel,
};
use crate::spec::private_environment_records::resolve_private_identifier;
use crate::spec::property_descriptor::PropertyDescriptor;
use crate::spec::realms::TemplateSite;
use crate::spec::reference_record::get_value;
use crate::spec::string_type::JsString;
use crate::spec::type_conversion::{to_property_key, to_string};
use crate::spec::value::Value;
use crate::syntax::ast::{ArrayElement, PropDef, PropKey, Template};

/// 13.2.4.2 ArrayLiteral evaluation with ArrayAccumulation.
pub fn array_literal(agent: &mut Agent, elements: &[ArrayElement]) -> JsResult<Value> {
    // (Not while tracing, a list of AssignmentExpressions only: the AssignmentExpressions
    // are evaluated first, in order, and the Array is made after them with its elements
    // and "length" in place (`array_create_with_elements`). Nothing can reach the new
    // Array before step 4 returns it, ArrayCreate(0) cannot throw, and the current realm
    // whose %Array.prototype% it takes is the same before and after the evaluations;
    // step 4 of ElementList : Elision_opt AssignmentExpression, CreateDataPropertyOrThrow
    // on that Array, only adds the element and sets "length"; docs/ARCHITECTURE.md.)
    if !crate::trace::enabled()
        && elements
            .iter()
            .all(|element| matches!(element, ArrayElement::Expr(_)))
    {
        // (Each AssignmentExpression a Number the evaluation reads without effect:
        // `number_elements_untraced`.)
        if let Some(values) = number_elements_untraced(agent, elements) {
            // 1. Let array be ! ArrayCreate(0). (With the elements of step 4.)
            return Ok(Value::Object(array_create_with_elements(agent, values)));
        }
        let mut values = ElementList::with_capacity(elements.len());
        for element in elements {
            let ArrayElement::Expr(e) = element else {
                unreachable!("tested above")
            };
            // 2. Let initResult be ? Evaluation of AssignmentExpression.
            // 3. Let initValue be ? GetValue(initResult).
            let init_value = evaluate_expression(agent, e)?;
            // 4. Perform ! CreateDataPropertyOrThrow(array, ! ToString(𝔽(nextIndex)),
            //    initValue). 5. Return nextIndex + 1.
            values.push(Some(init_value));
        }
        // 1. Let array be ! ArrayCreate(0). (With the elements of step 4.)
        return Ok(Value::Object(array_create_with_elements(agent, values)));
    }
    // 1. Let array be ! ArrayCreate(0).
    let array = array_create(agent, 0, None)?;
    // 2. Let nextIndex be ? ArrayAccumulation of ElementList with arguments array and 0.
    let mut next_index: u64 = 0;
    for element in elements {
        match element {
            // Elision : , — 1. Let len be nextIndex + 1.
            // 2. Perform ? Set(array, "length", 𝔽(len), true). 3. Return len.
            ArrayElement::Hole => {
                next_index += 1;
                set(
                    agent,
                    &array,
                    &"length".into(),
                    Value::Number(next_index as f64),
                    true,
                )?;
            }
            // ElementList : Elision_opt AssignmentExpression
            // 2. Let initResult be ? Evaluation of AssignmentExpression.
            // 3. Let initValue be ? GetValue(initResult).
            // 4. Perform ! CreateDataPropertyOrThrow(array, ! ToString(𝔽(nextIndex)),
            //    initValue).
            // 5. Return nextIndex + 1.
            ArrayElement::Expr(e) => {
                let init_value = evaluate_expression(agent, e)?;
                create_data_property_or_throw(agent, &array, &index_key(next_index), init_value)?;
                next_index += 1;
            }
            // SpreadElement : ... AssignmentExpression
            // 1. Let spreadRef be ? Evaluation of AssignmentExpression.
            // 2. Let spreadObj be ? GetValue(spreadRef).
            // 3. Let iteratorRecord be ? GetIterator(spreadObj, ~sync~).
            // 4. Repeat, a. Let next be ? IteratorStepValue(iteratorRecord).
            //    b. If next is ~done~, return nextIndex.
            //    c. Perform ! CreateDataPropertyOrThrow(array, ! ToString(𝔽(nextIndex)),
            //       next).
            //    d. Set nextIndex to nextIndex + 1.
            ArrayElement::Spread(e) => {
                let spread_obj = evaluate_expression(agent, e)?;
                let mut record = get_iterator(agent, &spread_obj)?;
                while let Some(next) = iterator_step_value(agent, &mut record)? {
                    create_data_property_or_throw(agent, &array, &index_key(next_index), next)?;
                    next_index += 1;
                }
            }
        }
    }
    // 3. (Trailing Elision handled above.) 4. Return array.
    Ok(Value::Object(array))
}

/// The elements of an array literal (13.2.4.2, untraced: a list of AssignmentExpressions
/// only) each of which is a NumericLiteral, an identifier whose binding slot holds a
/// Number (`identifier_number_untraced`) or an arithmetic, shift or bitwise
/// `BinaryExpression` of two such (`number_arithmetic`): steps 2-3 of ElementList's
/// ArrayAccumulation evaluate each without effect (GetBindingValue of an initialized
/// binding; ToNumeric and ToPrimitive of a Number return it), so the values are the
/// Numbers computed here, in order. `None` as soon as an element is anything else (it
/// and every element before it are then evaluated again by the general steps, which
/// cannot tell: nothing was done). Memory only: the Numbers are written into the new
/// list where they are computed (issue 20, wall time: an element value returned through
/// memory by `evaluate_expression` was copied with a wide load that waited on the
/// narrower stores that had just written it).
#[inline(never)]
fn number_elements_untraced(agent: &Agent, elements: &[ArrayElement]) -> Option<ElementList> {
    use super::identifiers::identifier_number_untraced;
    use crate::syntax::ast::{Expr, ExprKind};
    let operand = |e: &Expr| match &e.kind {
        ExprKind::Number(n) => Some(*n),
        ExprKind::Ident(id) => identifier_number_untraced(agent, id),
        _ => None,
    };
    let number = |element: &ArrayElement| {
        let ArrayElement::Expr(e) = element else {
            return None;
        };
        match &e.kind {
            ExprKind::Binary { op, left, right } => {
                super::operators::number_arithmetic(*op, operand(left)?, operand(right)?)
            }
            _ => operand(e),
        }
    };
    let (first, rest) = elements.split_first()?;
    let first = number(first)?;
    let mut values = ElementList::with_capacity(elements.len());
    // (Each Number is written into its slot after the slot is added: a value pushed is
    // kept on the stack across the push's possible growth of the list and then copied
    // with a 16-byte load, which waited on its two 8-byte stores.)
    let mut append = |n: f64| {
        values.push(None);
        if let Some(slot) = values.last_mut() {
            *slot = Some(Value::Number(n));
        }
    };
    append(first);
    for element in rest {
        append(number(element)?);
    }
    Some(values)
}

/// The key of a PropertyName / ClassElementName (13.2.5.4 and 15.7.16): a property key or
/// a Private Name.
pub fn evaluate_property_key(agent: &mut Agent, key: &PropKey) -> JsResult<FunctionName> {
    Ok(match key {
        // LiteralPropertyName : IdentifierName — 1. Return the StringValue of IdentifierName.
        PropKey::Ident(id) => FunctionName::Key(PropertyKey::from_identifier(&id.name)),
        // LiteralPropertyName : StringLiteral — 1. Return the SV of StringLiteral.
        PropKey::String(s, _) => {
            FunctionName::Key(PropertyKey::from_string(JsString::from_units(s)))
        }
        // LiteralPropertyName : NumericLiteral — 1. Let nbr be the NumericValue of
        // NumericLiteral. 2. Return ! ToString(nbr).
        PropKey::Number(n, _) => FunctionName::Key(PropertyKey::from_str(&number_to_string(*n))),
        PropKey::BigInt(digits, _) => {
            let b = match crate::spec::bigint_type::JsBigInt::from_literal(digits) {
                Ok(Some(b)) => b,
                Ok(None) => return Err(agent.syntax_error("invalid BigInt literal")),
                Err(too_big) => return Err(too_big.throw(agent)),
            };
            FunctionName::Key(PropertyKey::from_string(b.to_js_string()))
        }
        // ComputedPropertyName : [ AssignmentExpression ]
        // 1. Let exprValue be ? Evaluation of AssignmentExpression.
        // 2. Let propName be ? GetValue(exprValue).
        // 3. Return ? ToPropertyKey(propName).
        PropKey::Computed(e) => {
            let prop_name = evaluate_expression(agent, e)?;
            FunctionName::Key(to_property_key(agent, &prop_name)?)
        }
        // ClassElementName : PrivateIdentifier
        // 1. Let privateIdentifier be the StringValue of PrivateIdentifier.
        // 2. Let privateEnvRec be the running execution context's PrivateEnvironment.
        // 3. Let names be privateEnvRec.[[Names]].
        // 4. Assert: Exactly one element of names is a Private Name whose [[Description]]
        //    is privateIdentifier.
        // 5. Let privateName be the Private Name in names whose [[Description]] is
        //    privateIdentifier.
        // 6. Return privateName.
        PropKey::Private(id) => {
            let env = agent
                .running_execution_context()
                .private_environment
                .clone()
                .expect("a class body has a PrivateEnvironment");
            FunctionName::Private(resolve_private_identifier(&env, &id.name))
        }
    })
}

/// 13.2.5.4 ObjectLiteral evaluation with PropertyDefinitionEvaluation (13.2.5.5).
pub fn object_literal(agent: &mut Agent, props: &[PropDef]) -> JsResult<Value> {
    // 1. Let obj be OrdinaryObjectCreate(%Object.prototype%).
    let obj = agent.ordinary_object();
    // 2. Perform ? PropertyDefinitionEvaluation of PropertyDefinitionList with argument obj.
    for prop in props {
        property_definition_evaluation(agent, &obj, prop)?;
    }
    // 3. Return obj.
    Ok(Value::Object(obj))
}

fn property_definition_evaluation(
    agent: &mut Agent,
    object: &Object,
    prop: &PropDef,
) -> JsResult<()> {
    match prop {
        PropDef::KeyValue { key, value } => {
            // PropertyDefinition : PropertyName : AssignmentExpression
            // 1. Let propKey be ? Evaluation of PropertyName.
            let FunctionName::Key(prop_key) = evaluate_property_key(agent, key)? else {
                unreachable!("object literal keys are never private");
            };
            // 3. If IsAnonymousFunctionDefinition(AssignmentExpression) is true and
            //    isProtoSetter is false, then
            //    a. Let propValue be ? NamedEvaluation of AssignmentExpression with argument
            //       propKey.
            // 4. Else, a. Let exprValueRef be ? Evaluation of AssignmentExpression.
            //    b. Let propValue be ? GetValue(exprValueRef).
            let prop_value = if is_anonymous_function_definition(value) {
                named_evaluation(agent, value, FunctionName::Key(prop_key.clone()))?
            } else {
                evaluate_expression(agent, value)?
            };
            // 7. Assert: object is an ordinary, extensible object with no non-configurable
            //    properties.
            // 8. Perform ! CreateDataPropertyOrThrow(object, propKey, propValue).
            create_data_property_or_throw(agent, object, &prop_key, prop_value)
        }
        PropDef::Proto { value, .. } => {
            // 5. If isProtoSetter is true, then
            //    a. If propValue is an Object or propValue is null, then
            //       i. Perform ! object.[[SetPrototypeOf]](propValue).
            //    b. Return unused.
            let prop_value = evaluate_expression(agent, value)?;
            match prop_value {
                Value::Object(p) => {
                    object.set_prototype_of(agent, Some(p))?;
                }
                Value::Null => {
                    object.set_prototype_of(agent, None)?;
                }
                _ => {}
            }
            Ok(())
        }
        PropDef::Shorthand(id) => {
            // PropertyDefinition : IdentifierReference
            // 1. Let propName be the StringValue of IdentifierReference.
            // 2. Let exprValue be ? Evaluation of IdentifierReference.
            // 3. Let propValue be ? GetValue(exprValue).
            let reference = resolve_binding(agent, &id.name, None)?;
            let prop_value = get_value(agent, &reference)?;
            // 4. Assert: object is an ordinary, extensible object with no non-configurable
            //    properties.
            // 5. Perform ! CreateDataPropertyOrThrow(object, propName, propValue).
            create_data_property_or_throw(
                agent,
                object,
                &PropertyKey::from_identifier(&id.name),
                prop_value,
            )
        }
        PropDef::Method {
            key,
            kind,
            function,
        } => {
            // PropertyDefinition : MethodDefinition
            // 1. Perform ? MethodDefinitionEvaluation of MethodDefinition with arguments
            //    object and true.
            let key = evaluate_property_key(agent, key)?;
            method_definition_evaluation(agent, object, key, *kind, function, true)?;
            Ok(())
        }
        PropDef::Spread(e) => {
            // PropertyDefinition : ... AssignmentExpression
            // 1. Let exprValue be ? Evaluation of AssignmentExpression.
            // 2. Let fromValue be ? GetValue(exprValue).
            let from_value = evaluate_expression(agent, e)?;
            // 3. Let excludedNames be a new empty List.
            // 4. Perform ? CopyDataProperties(object, fromValue, excludedNames).
            copy_data_properties(agent, object, &from_value, &[])
        }
        PropDef::CoverInitializedName { .. } => {
            Err(agent.syntax_error("invalid shorthand property initializer"))
        }
    }
}

/// 13.2.7.3 Runtime Semantics: Evaluation of PrimaryExpression : RegularExpressionLiteral.
/// Every evaluation creates a new RegExp object.
pub fn regexp_literal(agent: &mut Agent, pattern: &str, flags: &str) -> JsResult<Value> {
    // 1. Let pattern be CodePointsToString(BodyText of RegularExpressionLiteral).
    let pattern = Value::String(JsString::from(pattern));
    // 2. Let flags be CodePointsToString(FlagText of RegularExpressionLiteral).
    let flags = Value::String(JsString::from(flags));
    // 3. Return ! RegExpCreate(pattern, flags). (The literal's early errors were checked
    //    when it was parsed, so this cannot throw unless the matcher refuses a pattern
    //    the grammar allows; that is reported as the SyntaxError, never a panic.)
    let regexp = crate::spec::builtins::regexp::creation::regexp_create(agent, &pattern, &flags)?;
    Ok(Value::Object(regexp))
}

/// 13.2.8.6 TemplateLiteral evaluation (untagged).
pub fn template_literal(agent: &mut Agent, template: &Template) -> JsResult<Value> {
    // TemplateLiteral : NoSubstitutionTemplate — 1. Return the TV of NoSubstitutionTemplate.
    // SubstitutionTemplate : TemplateHead Expression TemplateSpans
    // 1. Let head be the TV of TemplateHead.
    // 2. Let subRef be ? Evaluation of Expression.
    // 3. Let sub be ? GetValue(subRef).
    // 4. Let middle be ? ToString(sub).
    // 5. Let tail be ? Evaluation of TemplateSpans.
    // 6. Return the string-concatenation of head, middle, and tail.
    // (As `+` does, through JsString::concat: a long part is kept, not copied, and a
    // result past the String length limit is a RangeError before anything is built.)
    let mut result = JsString::from_units(&[]);
    for (i, quasi) in template.quasis.iter().enumerate() {
        let cooked = JsString::from_units(quasi.cooked.as_deref().unwrap_or(&[]));
        result = result.concat_in(agent, &cooked)?;
        if let Some(e) = template.expressions.get(i) {
            let sub = evaluate_expression(agent, e)?;
            let middle = to_string(agent, &sub)?;
            result = result.concat_in(agent, &middle)?;
        }
    }
    Ok(Value::String(result))
}

/// GetTemplateObject ( templateLiteral ) (13.2.8.4).
pub fn get_template_object(agent: &mut Agent, template: &Template) -> JsResult<Object> {
    // 1. Let realm be the current Realm Record.
    let realm = agent.current_realm();
    let site = TemplateSite {
        source: agent
            .running_execution_context()
            .source
            .clone()
            .expect("ECMAScript code has a source text"),
        offset: template.span.start,
    };
    // 2. Let templateRegistry be realm.[[TemplateMap]].
    // 3. For each element e of templateRegistry, do
    //    a. If e.[[Site]] is the same Parse Node as templateLiteral, then
    //       i. Return e.[[Array]].
    if let Some((_, array)) = realm
        .0
        .template_map
        .borrow()
        .iter()
        .find(|(s, _)| s.same(&site))
    {
        return Ok(array.clone());
    }
    // 4. Let rawStrings be the TemplateStrings of templateLiteral with argument true.
    // 6. Let cookedStrings be the TemplateStrings of templateLiteral with argument false.
    // 7. Let count be the number of elements in the List cookedStrings.
    let count = template.quasis.len() as u64;
    // 9. Let template be ! ArrayCreate(count).
    // 10. Let rawObj be ! ArrayCreate(count).
    let template_obj = array_create(agent, count, None)?;
    let raw_obj = array_create(agent, count, None)?;
    // 11. Let index be 0. 12. Repeat, while index < count,
    for (index, quasi) in template.quasis.iter().enumerate() {
        // a. Let prop be ! ToString(𝔽(index)).
        let prop = index_key(index as u64);
        // b. Let cookedValue be cookedStrings[index].
        let cooked_value = match &quasi.cooked {
            Some(c) => Value::String(JsString::from_units(c)),
            None => Value::Undefined,
        };
        // c. Perform ! DefinePropertyOrThrow(template, prop, PropertyDescriptor {
        //    [[Value]]: cookedValue, [[Writable]]: false, [[Enumerable]]: true,
        //    [[Configurable]]: false }).
        define_property_or_throw(
            agent,
            &template_obj,
            &prop,
            PropertyDescriptor::data(cooked_value, false, true, false),
        )?;
        // d. Let rawValue be the String value rawStrings[index].
        // e. Perform ! DefinePropertyOrThrow(rawObj, prop, PropertyDescriptor { [[Value]]:
        //    rawValue, [[Writable]]: false, [[Enumerable]]: true, [[Configurable]]: false }).
        let raw_value = Value::String(JsString::from_units(&quasi.raw));
        define_property_or_throw(
            agent,
            &raw_obj,
            &prop,
            PropertyDescriptor::data(raw_value, false, true, false),
        )?;
        // f. Set index to index + 1.
    }
    // 13. Perform ! SetIntegrityLevel(rawObj, ~frozen~).
    set_integrity_level(agent, &raw_obj, IntegrityLevel::Frozen)?;
    // 14. Perform ! DefinePropertyOrThrow(template, "raw", PropertyDescriptor { [[Value]]:
    //     rawObj, [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }).
    define_property_or_throw(
        agent,
        &template_obj,
        &"raw".into(),
        PropertyDescriptor::data(Value::Object(raw_obj), false, false, false),
    )?;
    // 15. Perform ! SetIntegrityLevel(template, ~frozen~).
    set_integrity_level(agent, &template_obj, IntegrityLevel::Frozen)?;
    // 16. Append the Record { [[Site]]: templateLiteral, [[Array]]: template } to
    //     realm.[[TemplateMap]].
    realm
        .0
        .template_map
        .borrow_mut()
        .push((site, template_obj.clone()));
    // 17. Return template.
    Ok(template_obj)
}
