//! 25.5 The JSON Object (sec-json-object): JSON.parse with InternalizeJSONProperty,
//! JSON.stringify with the JSON Serialization Record and its operations, and
//! %JSON% [ %Symbol.toStringTag% ].

use super::helpers::{define_method, define_value};
use crate::spec::agents::Agent;
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{
    call, create_array_from_list, create_data_property, create_data_property_or_throw,
    enumerable_own_properties, get, get_v, index_key, length_of_array_like, EnumerableKind,
};
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::string_type::{
    check_string_length, JsString, OrThrow, StringBuilder, StringError,
};
use crate::spec::testing_and_comparison::{is_array, is_callable};
use crate::spec::type_conversion::{integer_or_infinity, string_to_number, to_number, to_string};
use crate::spec::value::Value;

/// JSON.parse ( text [ , reviver ] ) (25.5.1).
fn parse(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let jsonString be ? ToString(text).
    let json_string = to_string(agent, &call.arg(0))?;
    // 2. Parse StringToCodePoints(jsonString) as a JSON text as specified in ECMA-404.
    //    Throw a SyntaxError exception if it is not a valid JSON text as defined in that
    //    specification.
    // 3. Let scriptString be the string-concatenation of "(", jsonString, and ");".
    // 4. Let script be ParseText(scriptString, Script).
    // 5. NOTE: The early error rules defined in 13.2.5.1 have special handling for the
    //    above invocation of ParseText.
    // 6. Assert: script is a Parse Node.
    // 7. Let completion be Completion(Evaluation of script).
    // 8. NOTE: The PropertyDefinitionEvaluation semantics defined in 13.2.5.5 have special
    //    handling for the above evaluation.
    // 9. Let unfiltered be completion.[[Value]].
    // 10. Assert: unfiltered is either a String, a Number, a Boolean, an Object that is
    //     defined by either an ArrayLiteral or an ObjectLiteral, or null.
    // (The JSON text is evaluated as that script would evaluate it, without going through
    // the script parser: object literals create their properties with
    // CreateDataPropertyOrThrow in source order — a later duplicate key replaces the value,
    // and "__proto__" is an ordinary key (13.2.5.5) — and array literals are created as
    // ArrayAccumulation creates them.)
    let mut parser = JsonParser {
        text: json_string.units(),
        position: 0,
    };
    let unfiltered = parser.parse_text(agent)?;
    // 11. If IsCallable(reviver) is true, then
    let reviver = call.arg(1);
    if is_callable(&reviver) {
        // a. Let root be OrdinaryObjectCreate(%Object.prototype%).
        let root = agent.ordinary_object();
        // b. Let rootName be the empty String.
        let root_name = PropertyKey::from_str("");
        // c. Perform ! CreateDataPropertyOrThrow(root, rootName, unfiltered).
        create_data_property_or_throw(agent, &root, &root_name, unfiltered)?;
        // d. Return ? InternalizeJSONProperty(root, rootName, reviver).
        return internalize_json_property(agent, &root, &root_name, &reviver);
    }
    // 12. Else, a. Return unfiltered.
    Ok(unfiltered)
}

/// A parser of JSON text (ECMA-404) over UTF-16 code units that builds the values the
/// evaluation of the text as an expression would produce.
struct JsonParser<'a> {
    text: &'a [u16],
    position: usize,
}

impl JsonParser<'_> {
    fn peek(&self) -> Option<u16> {
        self.text.get(self.position).copied()
    }

    fn error(&self, agent: &mut Agent, what: &str) -> Value {
        match self.peek() {
            None => agent.syntax_error(&format!(
                "JSON.parse: {what} at the end of the text (position {})",
                self.position
            )),
            Some(unit) => {
                let shown = char::from_u32(u32::from(unit))
                    .map_or_else(|| format!("\\u{unit:04x}"), |c| c.to_string());
                agent.syntax_error(&format!(
                    "JSON.parse: {what}: unexpected '{shown}' at position {}",
                    self.position
                ))
            }
        }
    }

    /// ws: tab, line feed, carriage return and space.
    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(0x09 | 0x0A | 0x0D | 0x20)) {
            self.position += 1;
        }
    }

    /// Consumes `unit` or throws.
    fn expect(&mut self, agent: &mut Agent, unit: u8, what: &str) -> JsResult<()> {
        if self.peek() == Some(u16::from(unit)) {
            self.position += 1;
            Ok(())
        } else {
            Err(self.error(agent, what))
        }
    }

    /// JSON-text = ws value ws
    fn parse_text(&mut self, agent: &mut Agent) -> JsResult<Value> {
        self.skip_whitespace();
        let value = self.parse_value(agent)?;
        self.skip_whitespace();
        if self.position != self.text.len() {
            return Err(self.error(agent, "unexpected text after the JSON value"));
        }
        Ok(value)
    }

    /// value = false / null / true / object / array / number / string
    fn parse_value(&mut self, agent: &mut Agent) -> JsResult<Value> {
        agent.check_stack()?;
        match self.peek() {
            Some(0x7B) => self.parse_object(agent),
            Some(0x5B) => self.parse_array(agent),
            Some(0x22) => Ok(Value::String(self.parse_string(agent)?)),
            Some(0x2D | 0x30..=0x39) => self.parse_number(agent),
            Some(0x74) => self.parse_literal(agent, "true", Value::Boolean(true)),
            Some(0x66) => self.parse_literal(agent, "false", Value::Boolean(false)),
            Some(0x6E) => self.parse_literal(agent, "null", Value::Null),
            _ => Err(self.error(agent, "expected a JSON value")),
        }
    }

    fn parse_literal(&mut self, agent: &mut Agent, word: &str, value: Value) -> JsResult<Value> {
        for unit in word.bytes() {
            self.expect(agent, unit, "invalid literal")?;
        }
        Ok(value)
    }

    /// object = begin-object [ member *( value-separator member ) ] end-object
    /// member = string name-separator value
    fn parse_object(&mut self, agent: &mut Agent) -> JsResult<Value> {
        self.expect(agent, b'{', "expected '{'")?;
        // ObjectLiteral evaluation: 1. Let obj be OrdinaryObjectCreate(%Object.prototype%).
        let object = agent.ordinary_object();
        self.skip_whitespace();
        if self.peek() == Some(u16::from(b'}')) {
            self.position += 1;
            return Ok(Value::Object(object));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(u16::from(b'"')) {
                return Err(self.error(agent, "expected a property name"));
            }
            let name = self.parse_string(agent)?;
            self.skip_whitespace();
            self.expect(agent, b':', "expected ':' after a property name")?;
            self.skip_whitespace();
            let value = self.parse_value(agent)?;
            // PropertyDefinitionEvaluation: Perform ! CreateDataPropertyOrThrow(object,
            // propKey, propValue).
            create_data_property_or_throw(agent, &object, &PropertyKey::from_string(name), value)?;
            self.skip_whitespace();
            match self.peek() {
                Some(0x2C) => self.position += 1,
                Some(0x7D) => {
                    self.position += 1;
                    return Ok(Value::Object(object));
                }
                _ => return Err(self.error(agent, "expected ',' or '}' in an object")),
            }
        }
    }

    /// array = begin-array [ value *( value-separator value ) ] end-array
    fn parse_array(&mut self, agent: &mut Agent) -> JsResult<Value> {
        self.expect(agent, b'[', "expected '['")?;
        let mut elements = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(u16::from(b']')) {
            self.position += 1;
        } else {
            loop {
                self.skip_whitespace();
                elements.push(self.parse_value(agent)?);
                self.skip_whitespace();
                match self.peek() {
                    Some(0x2C) => self.position += 1,
                    Some(0x5D) => {
                        self.position += 1;
                        break;
                    }
                    _ => return Err(self.error(agent, "expected ',' or ']' in an array")),
                }
            }
        }
        // ArrayLiteral evaluation: ArrayCreate(0), CreateDataPropertyOrThrow for each
        // element, then "length".
        Ok(Value::Object(create_array_from_list(agent, elements)))
    }

    /// number = [ minus ] int [ frac ] [ exp ]
    fn parse_number(&mut self, agent: &mut Agent) -> JsResult<Value> {
        let start = self.position;
        let is_digit = |u: Option<u16>| matches!(u, Some(0x30..=0x39));
        if self.peek() == Some(u16::from(b'-')) {
            self.position += 1;
        }
        // int = zero / ( digit1-9 *DIGIT )
        match self.peek() {
            Some(0x30) => self.position += 1,
            Some(0x31..=0x39) => {
                while is_digit(self.peek()) {
                    self.position += 1;
                }
            }
            _ => return Err(self.error(agent, "expected a digit")),
        }
        // frac = decimal-point 1*DIGIT
        if self.peek() == Some(u16::from(b'.')) {
            self.position += 1;
            if !is_digit(self.peek()) {
                return Err(self.error(agent, "expected a digit after '.'"));
            }
            while is_digit(self.peek()) {
                self.position += 1;
            }
        }
        // exp = e [ minus / plus ] 1*DIGIT
        if matches!(self.peek(), Some(0x45 | 0x65)) {
            self.position += 1;
            if matches!(self.peek(), Some(0x2B | 0x2D)) {
                self.position += 1;
            }
            if !is_digit(self.peek()) {
                return Err(self.error(agent, "expected a digit in the exponent"));
            }
            while is_digit(self.peek()) {
                self.position += 1;
            }
        }
        // The NumericLiteral (with its unary minus) denotes the same value as
        // StringToNumber of the same text.
        Ok(Value::Number(string_to_number(
            &self.text[start..self.position],
        )))
    }

    /// string = quotation-mark *char quotation-mark
    fn parse_string(&mut self, agent: &mut Agent) -> JsResult<JsString> {
        self.expect(agent, b'"', "expected '\"'")?;
        let mut units = Vec::new();
        loop {
            let Some(unit) = self.peek() else {
                return Err(self.error(agent, "unterminated string"));
            };
            match unit {
                0x22 => {
                    self.position += 1;
                    return Ok(JsString::from_vec(units));
                }
                0x5C => {
                    self.position += 1;
                    let Some(escape) = self.peek() else {
                        return Err(self.error(agent, "unterminated escape"));
                    };
                    let decoded = match escape {
                        0x22 => 0x22,
                        0x5C => 0x5C,
                        0x2F => 0x2F,
                        0x62 => 0x08,
                        0x66 => 0x0C,
                        0x6E => 0x0A,
                        0x72 => 0x0D,
                        0x74 => 0x09,
                        0x75 => {
                            // %x75 4HEXDIG: uXXXX
                            let mut value: u16 = 0;
                            for _ in 0..4 {
                                self.position += 1;
                                let digit = self
                                    .peek()
                                    .and_then(|u| char::from_u32(u32::from(u)))
                                    .and_then(|c| c.to_digit(16));
                                let Some(digit) = digit else {
                                    return Err(self.error(agent, "invalid \\u escape"));
                                };
                                value = value * 16 + digit as u16;
                            }
                            value
                        }
                        _ => return Err(self.error(agent, "invalid escape")),
                    };
                    self.position += 1;
                    units.push(decoded);
                }
                // unescaped = %x20-21 / %x23-5B / %x5D-10FFFF
                0x00..=0x1F => {
                    return Err(self.error(agent, "control character in a string"));
                }
                _ => {
                    self.position += 1;
                    units.push(unit);
                }
            }
        }
    }
}

/// InternalizeJSONProperty ( holder, name, reviver ) (25.5.1.1).
fn internalize_json_property(
    agent: &mut Agent,
    holder: &Object,
    name: &PropertyKey,
    reviver: &Value,
) -> JsResult<Value> {
    agent.check_stack()?;
    // 1. Let val be ? Get(holder, name).
    let val = get(agent, holder, name)?;
    // 2. If val is an Object, then
    if let Value::Object(object) = &val {
        // a. Let isArray be ? IsArray(val).
        // b. If isArray is true, then
        if is_array(agent, &val)? {
            // i. Let len be ? LengthOfArrayLike(val).
            let len = length_of_array_like(agent, object)?;
            // ii. Let I be 0.
            // iii. Repeat, while I < len,
            for i in 0..len {
                // 1. Let prop be ! ToString(𝔽(I)).
                let prop = index_key(i);
                // 2. Let newElement be ? InternalizeJSONProperty(val, prop, reviver).
                // 3-4. (see internalize_element)
                internalize_element(agent, object, &prop, reviver)?;
                // 5. Set I to I + 1.
            }
        } else {
            // c. Else,
            //    i. Let keys be ? EnumerableOwnProperties(val, ~key~).
            let keys = enumerable_own_properties(agent, object, EnumerableKind::Key)?;
            //    ii. For each String P of keys, do
            for p in keys {
                let Value::String(p) = p else { continue };
                // 1. Let newElement be ? InternalizeJSONProperty(val, P, reviver).
                // 2-3. (see internalize_element)
                internalize_element(agent, object, &PropertyKey::from_string(p), reviver)?;
            }
        }
    }
    // 3. Return ? Call(reviver, holder, « name, val »).
    call(
        agent,
        reviver,
        &Value::Object(holder.clone()),
        &[name.to_value(), val],
    )
}

/// The shared steps of InternalizeJSONProperty for one element or property of `val`.
fn internalize_element(
    agent: &mut Agent,
    val: &Object,
    prop: &PropertyKey,
    reviver: &Value,
) -> JsResult<()> {
    // Let newElement be ? InternalizeJSONProperty(val, prop, reviver).
    let new_element = internalize_json_property(agent, val, prop, reviver)?;
    if new_element.is_undefined() {
        // If newElement is undefined, then a. Perform ? val.[[Delete]](prop).
        val.delete(agent, prop)?;
    } else {
        // Else, a. Perform ? CreateDataProperty(val, prop, newElement).
        create_data_property(agent, val, prop, new_element)?;
    }
    Ok(())
}

/// A JSON Serialization Record (Table 74).
struct JsonSerialization {
    /// [[ReplacerFunction]].
    replacer_function: Option<Value>,
    /// [[Stack]].
    stack: Vec<Object>,
    /// The addresses of the objects on [[Stack]] (alive while they are on it), so that
    /// "state.[[Stack]] contains value" is one lookup instead of a scan of the stack.
    on_stack: rustc_hash::FxHashSet<usize>,
    /// [[Indent]].
    indent: Vec<u16>,
    /// [[Gap]].
    gap: Vec<u16>,
    /// [[PropertyList]].
    property_list: Option<Vec<JsString>>,
}

/// JSON.stringify ( value [ , replacer [ , space ] ] ) (25.5.2).
fn stringify(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let value = call.arg(0);
    let replacer = call.arg(1);
    let mut space = call.arg(2);
    // 1. Let stack be a new empty List.
    // 2. Let indent be the empty String.
    // 3. Let PropertyList be undefined.
    let mut property_list: Option<Vec<JsString>> = None;
    // 4. Let ReplacerFunction be undefined.
    let mut replacer_function = None;
    // 5. If replacer is an Object, then
    if let Value::Object(replacer_object) = &replacer {
        if replacer_object.is_callable() {
            // a. If IsCallable(replacer) is true, then
            //    i. Set ReplacerFunction to replacer.
            replacer_function = Some(replacer.clone());
        } else if is_array(agent, &replacer)? {
            // b. Else,
            //    i. Let isArray be ? IsArray(replacer).
            //    ii. If isArray is true, then
            //        1. Set PropertyList to a new empty List.
            let mut list: Vec<JsString> = Vec::new();
            //        2. Let len be ? LengthOfArrayLike(replacer).
            let len = length_of_array_like(agent, replacer_object)?;
            //        3. Let k be 0.
            //        4. Repeat, while k < len,
            for k in 0..len {
                // (The host's limits: len is the program's.)
                agent.check_limits()?;
                // a. Let prop be ! ToString(𝔽(k)).
                // b. Let v be ? Get(replacer, prop).
                let v = get(agent, replacer_object, &index_key(k))?;
                // c. Let item be undefined.
                let item = match &v {
                    // d. If v is a String, then i. Set item to v.
                    Value::String(s) => Some(s.clone()),
                    // e. Else if v is a Number, then i. Set item to ! ToString(v).
                    Value::Number(_) => Some(to_string(agent, &v)?),
                    // f. Else if v is an Object, then
                    //    i. If v has a [[StringData]] or [[NumberData]] internal slot, set
                    //       item to ? ToString(v).
                    Value::Object(o)
                        if matches!(
                            o.data().kind,
                            ObjectKind::String(_) | ObjectKind::Number(_)
                        ) =>
                    {
                        Some(to_string(agent, &v)?)
                    }
                    _ => None,
                };
                // g. If item is not undefined and PropertyList does not contain item, then
                //    i. Append item to PropertyList.
                if let Some(item) = item {
                    if !list.contains(&item) {
                        list.push(item);
                    }
                }
                // h. Set k to k + 1.
            }
            property_list = Some(list);
        }
    }
    // 6. If space is an Object, then
    if let Value::Object(space_object) = &space {
        let (number, string) = match space_object.data().kind {
            ObjectKind::Number(_) => (true, false),
            ObjectKind::String(_) => (false, true),
            _ => (false, false),
        };
        if number {
            // a. If space has a [[NumberData]] internal slot, then
            //    i. Set space to ? ToNumber(space).
            space = Value::Number(to_number(agent, &space)?);
        } else if string {
            // b. Else if space has a [[StringData]] internal slot, then
            //    i. Set space to ? ToString(space).
            space = Value::String(to_string(agent, &space)?);
        }
    }
    let gap: Vec<u16> = match &space {
        // 7. If space is a Number, then
        Value::Number(n) => {
            // a. Let spaceMV be ! ToIntegerOrInfinity(space).
            // b. Set spaceMV to min(10, spaceMV).
            let space_mv = integer_or_infinity(*n).min(10.0);
            // c. If spaceMV < 1, let gap be the empty String; otherwise let gap be the
            //    String value containing spaceMV occurrences of the code unit 0x0020
            //    (SPACE).
            if space_mv < 1.0 {
                Vec::new()
            } else {
                vec![0x20; space_mv as usize]
            }
        }
        // 8. Else if space is a String, then
        //    a. If the length of space ≤ 10, let gap be space; otherwise let gap be the
        //       substring of space from 0 to 10.
        Value::String(s) => s.units()[..s.len().min(10)].to_vec(),
        // 9. Else, a. Let gap be the empty String.
        _ => Vec::new(),
    };
    // 10. Let wrapper be OrdinaryObjectCreate(%Object.prototype%).
    let wrapper = agent.ordinary_object();
    // 11. Perform ! CreateDataPropertyOrThrow(wrapper, the empty String, value).
    create_data_property_or_throw(agent, &wrapper, &PropertyKey::from_str(""), value)?;
    // 12. Let state be the JSON Serialization Record { [[ReplacerFunction]]:
    //     ReplacerFunction, [[Stack]]: stack, [[Indent]]: indent, [[Gap]]: gap,
    //     [[PropertyList]]: PropertyList }.
    let mut state = JsonSerialization {
        replacer_function,
        stack: Vec::new(),
        on_stack: rustc_hash::FxHashSet::default(),
        indent: Vec::new(),
        gap,
        property_list,
    };
    // 13. Return ? SerializeJSONProperty(state, the empty String, wrapper).
    let result = serialize_json_property(agent, &mut state, &JsString::default(), &wrapper)?;
    Ok(result.map_or(Value::Undefined, |units| {
        Value::String(JsString::from_vec(units))
    }))
}

/// SerializeJSONProperty ( state, key, holder ) (25.5.2.2): `None` is undefined.
fn serialize_json_property(
    agent: &mut Agent,
    state: &mut JsonSerialization,
    key: &JsString,
    holder: &Object,
) -> JsResult<Option<Vec<u16>>> {
    agent.check_stack()?;
    // 1. Let value be ? Get(holder, key).
    let mut value = get(agent, holder, &PropertyKey::from_string(key.clone()))?;
    // 2. If value is an Object or value is a BigInt, then
    if matches!(value, Value::Object(_) | Value::BigInt(_)) {
        // a. Let toJSON be ? GetV(value, "toJSON").
        let to_json = get_v(agent, &value, &"toJSON".into())?;
        // b. If IsCallable(toJSON) is true, then
        //    i. Set value to ? Call(toJSON, value, « key »).
        if is_callable(&to_json) {
            value = call(agent, &to_json, &value, &[Value::String(key.clone())])?;
        }
    }
    // 3. If state.[[ReplacerFunction]] is not undefined, then
    //    a. Set value to ? Call(state.[[ReplacerFunction]], holder, « key, value »).
    if let Some(replacer) = state.replacer_function.clone() {
        value = call(
            agent,
            &replacer,
            &Value::Object(holder.clone()),
            &[Value::String(key.clone()), value],
        )?;
    }
    // 4. If value is an Object, then
    if let Value::Object(o) = &value {
        enum Unwrap {
            Number,
            String,
            Primitive(Value),
            None,
        }
        let unwrap = match &o.data().kind {
            ObjectKind::Number(_) => Unwrap::Number,
            ObjectKind::String(_) => Unwrap::String,
            ObjectKind::Boolean(b) => Unwrap::Primitive(Value::Boolean(*b)),
            ObjectKind::BigInt(b) => Unwrap::Primitive(Value::BigInt(b.clone())),
            _ => Unwrap::None,
        };
        match unwrap {
            // a. If value has a [[NumberData]] internal slot, then
            //    i. Set value to ? ToNumber(value).
            Unwrap::Number => value = Value::Number(to_number(agent, &value)?),
            // b. Else if value has a [[StringData]] internal slot, then
            //    i. Set value to ? ToString(value).
            Unwrap::String => value = Value::String(to_string(agent, &value)?),
            // c. Else if value has a [[BooleanData]] internal slot, then
            //    i. Set value to value.[[BooleanData]].
            // d. Else if value has a [[BigIntData]] internal slot, then
            //    i. Set value to value.[[BigIntData]].
            Unwrap::Primitive(primitive) => value = primitive,
            Unwrap::None => {}
        }
    }
    match &value {
        // 5. If value is null, return "null".
        Value::Null => Ok(Some("null".encode_utf16().collect())),
        // 6. If value is true, return "true".
        // 7. If value is false, return "false".
        Value::Boolean(b) => Ok(Some(
            if *b { "true" } else { "false" }.encode_utf16().collect(),
        )),
        // 8. If value is a String, return QuoteJSONString(value).
        Value::String(s) => {
            let mut product = StringBuilder::with_capacity(s.len() + 2);
            quote_json_string(&mut product, s.units()).or_throw(agent)?;
            Ok(Some(product.into_units()))
        }
        // 9. If value is a Number, then
        //    a. If value is finite, return ! ToString(value).
        //    b. Return "null".
        Value::Number(n) => {
            if n.is_finite() {
                Ok(Some(to_string(agent, &value)?.units().to_vec()))
            } else {
                Ok(Some("null".encode_utf16().collect()))
            }
        }
        // 10. If value is a BigInt, throw a TypeError exception.
        Value::BigInt(_) => Err(agent.type_error("JSON.stringify cannot serialize a BigInt")),
        // 11. If value is an Object and IsCallable(value) is false, then
        Value::Object(o) if !o.is_callable() => {
            // a. Let isArray be ? IsArray(value).
            // b. If isArray is true, return ? SerializeJSONArray(state, value).
            if is_array(agent, &value)? {
                return serialize_json_array(agent, state, o).map(Some);
            }
            // c. Return ? SerializeJSONObject(state, value).
            serialize_json_object(agent, state, o).map(Some)
        }
        // 12. Return undefined.
        _ => Ok(None),
    }
}

/// QuoteJSONString ( value ) (25.5.2.3), appended to `product` (too long: a RangeError).
fn quote_json_string(product: &mut StringBuilder, value: &[u16]) -> Result<(), StringError> {
    // 1. Let product be the String value consisting solely of the code unit 0x0022
    //    (QUOTATION MARK).
    product.push(0x22)?;
    // 2. For each code point C of StringToCodePoints(value), do
    let mut i = 0;
    while i < value.len() {
        let c = value[i];
        let escape: Option<&str> = match c {
            // a. If C is listed in the "Code Point" column of Table 75, then
            //    i. Set product to the string-concatenation of product and the escape
            //       sequence for C as specified in the "Escape Sequence" column of the
            //       corresponding row.
            0x08 => Some("\\b"),
            0x09 => Some("\\t"),
            0x0A => Some("\\n"),
            0x0C => Some("\\f"),
            0x0D => Some("\\r"),
            0x22 => Some("\\\""),
            0x5C => Some("\\\\"),
            _ => None,
        };
        if let Some(escape) = escape {
            product.push_str(escape)?;
            i += 1;
            continue;
        }
        let is_leading = (0xD800..=0xDBFF).contains(&c);
        let is_trailing = (0xDC00..=0xDFFF).contains(&c);
        if is_leading && matches!(value.get(i + 1), Some(0xDC00..=0xDFFF)) {
            // c. Else, i. Set product to the string-concatenation of product and
            //    UTF16EncodeCodePoint(C). (A surrogate pair is one code point.)
            product.extend(&value[i..i + 2])?;
            i += 2;
            continue;
        }
        if c < 0x20 || is_leading || is_trailing {
            // b. Else if C has a numeric value less than 0x0020 (SPACE) or C has the same
            //    numeric value as a leading surrogate or trailing surrogate, then
            //    i. Let unit be the code unit whose numeric value is the numeric value of C.
            //    ii. Set product to the string-concatenation of product and
            //        UnicodeEscape(unit).
            unicode_escape(product, c)?;
        } else {
            // c. Else, i. Set product to the string-concatenation of product and
            //    UTF16EncodeCodePoint(C).
            product.push(c)?;
        }
        i += 1;
    }
    // 3. Set product to the string-concatenation of product and the code unit 0x0022
    //    (QUOTATION MARK).
    product.push(0x22)?;
    // 4. Return product.
    Ok(())
}

/// UnicodeEscape ( C ) (25.5.2.4), appended to `product`.
fn unicode_escape(product: &mut StringBuilder, c: u16) -> Result<(), StringError> {
    // 1. Let n be the numeric value of C.
    // 2. Assert: n ≤ 0xFFFF.
    // 3. Let hex be the String representation of n, formatted as a lowercase hexadecimal
    //    number.
    // 4. Return the string-concatenation of the code unit 0x005C (REVERSE SOLIDUS), "u",
    //    and StringPad(hex, 4, "0", start).
    product.push_str(&format!("\\u{c:04x}"))
}

/// Steps 1-4 of SerializeJSONObject and SerializeJSONArray: the cycle check, pushing
/// `value` and deepening the indent. Returns stepback.
fn enter(agent: &mut Agent, state: &mut JsonSerialization, value: &Object) -> JsResult<Vec<u16>> {
    // 1. If state.[[Stack]] contains value, throw a TypeError exception because the
    //    structure is cyclical.
    if state.on_stack.contains(&value.addr()) {
        return Err(agent.type_error("JSON.stringify cannot serialize a cyclic structure"));
    }
    // 2. Append value to state.[[Stack]].
    state.on_stack.insert(value.addr());
    state.stack.push(value.clone());
    // 3. Let stepback be state.[[Indent]].
    let stepback = state.indent.clone();
    // 4. Set state.[[Indent]] to the string-concatenation of state.[[Indent]] and
    //    state.[[Gap]].
    let gap = state.gap.clone();
    state.indent.extend_from_slice(&gap);
    Ok(stepback)
}

/// The shared closing steps of SerializeJSONObject (9-13) and SerializeJSONArray (9-13):
/// joining `partial` between `open` and `close`, popping the stack and restoring the
/// indent.
fn leave(
    state: &mut JsonSerialization,
    partial: Vec<Vec<u16>>,
    stepback: Vec<u16>,
    open: u16,
    close: u16,
) -> Result<Vec<u16>, StringError> {
    let mut final_ = StringBuilder::new();
    final_.push(open)?;
    // 9. If partial is empty, then a. Let final be "{}" ("[]").
    if !partial.is_empty() {
        // 10. Else,
        if state.gap.is_empty() {
            // a. If state.[[Gap]] is the empty String, then
            //    i. Let properties be the String value formed by concatenating all the
            //       element Strings of partial with each adjacent pair of Strings separated
            //       with the code unit 0x002C (COMMA). A comma is not inserted either
            //       before the first String or after the last String.
            //    ii. Let final be the string-concatenation of "{", properties, and "}".
            for (i, part) in partial.iter().enumerate() {
                if i > 0 {
                    final_.push(0x2C)?;
                }
                final_.extend(part)?;
            }
        } else {
            // b. Else,
            //    i. Let separator be the string-concatenation of the code unit 0x002C
            //       (COMMA), the code unit 0x000A (LINE FEED), and state.[[Indent]].
            let mut separator = vec![0x2C, 0x0A];
            separator.extend_from_slice(&state.indent);
            //    ii. Let properties be the String value formed by concatenating all the
            //        element Strings of partial with each adjacent pair of Strings
            //        separated with separator. The separator String is not inserted
            //        either before the first String or after the last String.
            //    iii. Let final be the string-concatenation of "{", the code unit 0x000A
            //         (LINE FEED), state.[[Indent]], properties, the code unit 0x000A
            //         (LINE FEED), stepback, and "}".
            final_.push(0x0A)?;
            final_.extend(&state.indent)?;
            for (i, part) in partial.iter().enumerate() {
                if i > 0 {
                    final_.extend(&separator)?;
                }
                final_.extend(part)?;
            }
            final_.push(0x0A)?;
            final_.extend(&stepback)?;
        }
    }
    final_.push(close)?;
    // 11. Remove the last element of state.[[Stack]].
    if let Some(last) = state.stack.pop() {
        state.on_stack.remove(&last.addr());
    }
    // 12. Set state.[[Indent]] to stepback.
    state.indent = stepback;
    // 13. Return final.
    Ok(final_.into_units())
}

/// The partial List of SerializeJSONObject and SerializeJSONArray, with the length of the
/// String their elements will be joined into: too long is a RangeError as soon as it is
/// known, not once every element has been copied into it.
#[derive(Default)]
struct Partial {
    parts: Vec<Vec<u16>>,
    joined_length: usize,
}

impl Partial {
    fn push(&mut self, agent: &mut Agent, part: Vec<u16>) -> JsResult<()> {
        // Each element, and a separator after it.
        self.joined_length = self.joined_length.saturating_add(part.len() + 1);
        check_string_length(self.joined_length).or_throw(agent)?;
        self.parts.push(part);
        Ok(())
    }
}

/// SerializeJSONObject ( state, value ) (25.5.2.5).
fn serialize_json_object(
    agent: &mut Agent,
    state: &mut JsonSerialization,
    value: &Object,
) -> JsResult<Vec<u16>> {
    // 1-4. (see enter)
    let stepback = enter(agent, state, value)?;
    // 5. If state.[[PropertyList]] is not undefined, then
    //    a. Let K be state.[[PropertyList]].
    // 6. Else,
    //    a. Let K be ? EnumerableOwnProperties(value, ~key~).
    let k: Vec<JsString> = match &state.property_list {
        Some(list) => list.clone(),
        None => enumerable_own_properties(agent, value, EnumerableKind::Key)?
            .into_iter()
            .filter_map(|key| match key {
                Value::String(s) => Some(s),
                _ => None,
            })
            .collect(),
    };
    // 7. Let partial be a new empty List.
    let mut partial = Partial::default();
    // 8. For each element P of K, do
    for p in k {
        // a. Let strP be ? SerializeJSONProperty(state, P, value).
        // b. If strP is not undefined, then
        if let Some(str_p) = serialize_json_property(agent, state, &p, value)? {
            // i. Let member be QuoteJSONString(P).
            let mut member = StringBuilder::with_capacity(p.len() + str_p.len() + 4);
            quote_json_string(&mut member, p.units()).or_throw(agent)?;
            // ii. Set member to the string-concatenation of member and ":".
            member.push(0x3A).or_throw(agent)?;
            // iii. If state.[[Gap]] is not the empty String, then
            //      1. Set member to the string-concatenation of member and the code unit
            //         0x0020 (SPACE).
            if !state.gap.is_empty() {
                member.push(0x20).or_throw(agent)?;
            }
            // iv. Set member to the string-concatenation of member and strP.
            member.extend(&str_p).or_throw(agent)?;
            // v. Append member to partial.
            partial.push(agent, member.into_units())?;
        }
    }
    // 9-13. (see leave)
    leave(state, partial.parts, stepback, 0x7B, 0x7D).or_throw(agent)
}

/// SerializeJSONArray ( state, value ) (25.5.2.6).
fn serialize_json_array(
    agent: &mut Agent,
    state: &mut JsonSerialization,
    value: &Object,
) -> JsResult<Vec<u16>> {
    // 1-4. (see enter)
    let stepback = enter(agent, state, value)?;
    // 5. Let partial be a new empty List.
    let mut partial = Partial::default();
    // 6. Let len be ? LengthOfArrayLike(value).
    let len = length_of_array_like(agent, value)?;
    // 7. Let index be 0.
    // 8. Repeat, while index < len,
    for index in 0..len {
        // (The host's limits: len is the program's.)
        agent.check_limits()?;
        // a. Let strP be ? SerializeJSONProperty(state, ! ToString(𝔽(index)), value).
        let key = JsString::from(index.to_string());
        match serialize_json_property(agent, state, &key, value)? {
            // b. If strP is undefined, then i. Append "null" to partial.
            None => partial.push(agent, "null".encode_utf16().collect())?,
            // c. Else, i. Append strP to partial.
            Some(str_p) => partial.push(agent, str_p)?,
        }
        // d. Set index to index + 1.
    }
    // 9-13. (see leave)
    leave(state, partial.parts, stepback, 0x5B, 0x5D).or_throw(agent)
}

/// Creates %JSON% (25.5): "is an ordinary object", "has a [[Prototype]] internal slot
/// whose value is %Object.prototype%".
pub fn create_json_intrinsics(agent: &mut Agent, realm: &Realm) {
    let json = ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    let json_parse = define_method(agent, &json, "parse", 2, parse);
    realm.set_intrinsic(Intrinsic::JsonParse, json_parse);
    define_method(agent, &json, "stringify", 3, stringify);
    // 25.5.3 JSON [ %Symbol.toStringTag% ]: "JSON", { [[Writable]]: false,
    // [[Enumerable]]: false, [[Configurable]]: true }.
    let tag = PropertyKey::Symbol(agent.well_known.to_string_tag.clone());
    define_value(&json, tag, Value::string("JSON"), false, false, true);
    realm.set_intrinsic(Intrinsic::Json, json);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(s: &[u16]) -> String {
        let mut product = StringBuilder::new();
        quote_json_string(&mut product, s).expect("short");
        String::from_utf16_lossy(product.units())
    }

    #[test]
    fn quote_escapes_controls_and_lone_surrogates_only() {
        let text: Vec<u16> = "a\"\\\n\u{1}é😀".encode_utf16().collect();
        assert_eq!(quoted(&text), "\"a\\\"\\\\\\n\\u0001é😀\"");
        assert_eq!(quoted(&[0xD800]), "\"\\ud800\"");
        assert_eq!(quoted(&[0xDC00, 0xD800]), "\"\\udc00\\ud800\"");
        assert_eq!(quoted(&[0xD83D, 0xDE00]), "\"😀\"");
    }
}
