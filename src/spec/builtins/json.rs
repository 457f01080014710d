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
    crate::step!("sec-internalizejsonproperty", "1");
    let val = get(agent, holder, name)?;
    // 2. If val is an Object, then
    crate::step!("sec-internalizejsonproperty", "2");
    if let Value::Object(object) = &val {
        // a. Let isArray be ? IsArray(val).
        crate::step!("sec-internalizejsonproperty", "2.a");
        let val_is_array = is_array(agent, &val)?;
        // b. If isArray is true, then
        crate::step!("sec-internalizejsonproperty", "2.b");
        if val_is_array {
            // i. Let len be ? LengthOfArrayLike(val).
            crate::step!("sec-internalizejsonproperty", "2.b.i");
            let len = length_of_array_like(agent, object)?;
            // ii. Let I be 0.
            crate::step!("sec-internalizejsonproperty", "2.b.ii");
            // iii. Repeat, while I < len,
            crate::step!("sec-internalizejsonproperty", "2.b.iii");
            for i in 0..len {
                // 1. Let prop be ! ToString(𝔽(I)).
                crate::step!("sec-internalizejsonproperty", "2.b.iii.1");
                let prop = index_key(i);
                // 2. Let newElement be ? InternalizeJSONProperty(val, prop, reviver).
                crate::step!("sec-internalizejsonproperty", "2.b.iii.2");
                let new_element = internalize_json_property(agent, object, &prop, reviver)?;
                // 3. If newElement is undefined, then
                crate::step!("sec-internalizejsonproperty", "2.b.iii.3");
                if new_element.is_undefined() {
                    // a. Perform ? val.[[Delete]](prop).
                    crate::step!("sec-internalizejsonproperty", "2.b.iii.3.a");
                    object.delete(agent, &prop)?;
                } else {
                    // 4. Else,
                    crate::step!("sec-internalizejsonproperty", "2.b.iii.4");
                    // a. Perform ? CreateDataProperty(val, prop, newElement).
                    crate::step!("sec-internalizejsonproperty", "2.b.iii.4.a");
                    create_data_property(agent, object, &prop, new_element)?;
                }
                // 5. Set I to I + 1.
                crate::step!("sec-internalizejsonproperty", "2.b.iii.5");
            }
        } else {
            // c. Else,
            crate::step!("sec-internalizejsonproperty", "2.c");
            // i. Let keys be ? EnumerableOwnProperties(val, key).
            crate::step!("sec-internalizejsonproperty", "2.c.i");
            let keys = enumerable_own_properties(agent, object, EnumerableKind::Key)?;
            // ii. For each String P of keys, do
            crate::step!("sec-internalizejsonproperty", "2.c.ii");
            for p in keys {
                let Value::String(p) = p else { continue };
                let p = PropertyKey::from_string(p);
                // 1. Let newElement be ? InternalizeJSONProperty(val, P, reviver).
                crate::step!("sec-internalizejsonproperty", "2.c.ii.1");
                let new_element = internalize_json_property(agent, object, &p, reviver)?;
                // 2. If newElement is undefined, then
                crate::step!("sec-internalizejsonproperty", "2.c.ii.2");
                if new_element.is_undefined() {
                    // a. Perform ? val.[[Delete]](P).
                    crate::step!("sec-internalizejsonproperty", "2.c.ii.2.a");
                    object.delete(agent, &p)?;
                } else {
                    // 3. Else,
                    crate::step!("sec-internalizejsonproperty", "2.c.ii.3");
                    // a. Perform ? CreateDataProperty(val, P, newElement).
                    crate::step!("sec-internalizejsonproperty", "2.c.ii.3.a");
                    create_data_property(agent, object, &p, new_element)?;
                }
            }
        }
    }
    // 3. Return ? Call(reviver, holder, « name, val »).
    crate::step!("sec-internalizejsonproperty", "3");
    call(
        agent,
        reviver,
        &Value::Object(holder.clone()),
        &[name.to_value(), val],
    )
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
#[crate::trace::checks_tracing_once]
fn serialize_json_property(
    agent: &mut Agent,
    state: &mut JsonSerialization,
    key: &JsString,
    holder: &Object,
) -> JsResult<Option<Vec<u16>>> {
    agent.check_stack()?;
    // 1. Let value be ? Get(holder, key).
    crate::step!("sec-serializejsonproperty", "1");
    let mut value = get(agent, holder, &PropertyKey::from_string(key.clone()))?;
    // 2. If value is an Object or value is a BigInt, then
    crate::step!("sec-serializejsonproperty", "2");
    if matches!(value, Value::Object(_) | Value::BigInt(_)) {
        // a. Let toJSON be ? GetV(value, "toJSON").
        crate::step!("sec-serializejsonproperty", "2.a");
        let to_json = get_v(agent, &value, &"toJSON".into())?;
        // b. If IsCallable(toJSON) is true, then
        crate::step!("sec-serializejsonproperty", "2.b");
        if is_callable(&to_json) {
            // i. Set value to ? Call(toJSON, value, « key »).
            crate::step!("sec-serializejsonproperty", "2.b.i");
            value = call(agent, &to_json, &value, &[Value::String(key.clone())])?;
        }
    }
    // 3. If state.[[ReplacerFunction]] is not undefined, then
    crate::step!("sec-serializejsonproperty", "3");
    if let Some(replacer) = state.replacer_function.clone() {
        // a. Set value to ? Call(state.[[ReplacerFunction]], holder, « key, value »).
        crate::step!("sec-serializejsonproperty", "3.a");
        value = call(
            agent,
            &replacer,
            &Value::Object(holder.clone()),
            &[Value::String(key.clone()), value],
        )?;
    }
    // 4. If value is an Object, then
    crate::step!("sec-serializejsonproperty", "4");
    if let Value::Object(o) = &value {
        enum Unwrap {
            Number,
            String,
            Boolean(bool),
            BigInt(Value),
            None,
        }
        let unwrap = match &o.data().kind {
            ObjectKind::Number(_) => Unwrap::Number,
            ObjectKind::String(_) => Unwrap::String,
            ObjectKind::Boolean(b) => Unwrap::Boolean(*b),
            ObjectKind::BigInt(b) => Unwrap::BigInt(Value::BigInt(b.clone())),
            _ => Unwrap::None,
        };
        // a. If value has a [[NumberData]] internal slot, then
        crate::step!("sec-serializejsonproperty", "4.a");
        if let Unwrap::Number = unwrap {
            // i. Set value to ? ToNumber(value).
            crate::step!("sec-serializejsonproperty", "4.a.i");
            value = Value::Number(to_number(agent, &value)?);
        } else {
            // b. Else if value has a [[StringData]] internal slot, then
            crate::step!("sec-serializejsonproperty", "4.b");
            if let Unwrap::String = unwrap {
                // i. Set value to ? ToString(value).
                crate::step!("sec-serializejsonproperty", "4.b.i");
                value = Value::String(to_string(agent, &value)?);
            } else {
                // c. Else if value has a [[BooleanData]] internal slot, then
                crate::step!("sec-serializejsonproperty", "4.c");
                if let Unwrap::Boolean(b) = unwrap {
                    // i. Set value to value.[[BooleanData]].
                    crate::step!("sec-serializejsonproperty", "4.c.i");
                    value = Value::Boolean(b);
                } else {
                    // d. Else if value has a [[BigIntData]] internal slot, then
                    crate::step!("sec-serializejsonproperty", "4.d");
                    if let Unwrap::BigInt(b) = unwrap {
                        // i. Set value to value.[[BigIntData]].
                        crate::step!("sec-serializejsonproperty", "4.d.i");
                        value = b;
                    }
                }
            }
        }
    }
    // 5. If value is null, return "null".
    crate::step!("sec-serializejsonproperty", "5");
    if let Value::Null = value {
        return Ok(Some("null".encode_utf16().collect()));
    }
    // 6. If value is true, return "true".
    crate::step!("sec-serializejsonproperty", "6");
    if let Value::Boolean(true) = value {
        return Ok(Some("true".encode_utf16().collect()));
    }
    // 7. If value is false, return "false".
    crate::step!("sec-serializejsonproperty", "7");
    if let Value::Boolean(false) = value {
        return Ok(Some("false".encode_utf16().collect()));
    }
    // 8. If value is a String, return QuoteJSONString(value).
    crate::step!("sec-serializejsonproperty", "8");
    if let Value::String(s) = &value {
        let mut product = StringBuilder::with_capacity(s.len() + 2);
        quote_json_string(&mut product, s.units()).or_throw(agent)?;
        return Ok(Some(product.into_units()));
    }
    // 9. If value is a Number, then
    crate::step!("sec-serializejsonproperty", "9");
    if let Value::Number(n) = value {
        // a. If value is finite, return ! ToString(value).
        crate::step!("sec-serializejsonproperty", "9.a");
        if n.is_finite() {
            return Ok(Some(to_string(agent, &value)?.units().to_vec()));
        }
        // b. Return "null".
        crate::step!("sec-serializejsonproperty", "9.b");
        return Ok(Some("null".encode_utf16().collect()));
    }
    // 10. If value is a BigInt, throw a TypeError exception.
    crate::step!("sec-serializejsonproperty", "10");
    if let Value::BigInt(_) = value {
        return Err(agent.type_error("JSON.stringify cannot serialize a BigInt"));
    }
    // 11. If value is an Object and IsCallable(value) is false, then
    crate::step!("sec-serializejsonproperty", "11");
    if let Value::Object(o) = &value {
        if !o.is_callable() {
            // a. Let isArray be ? IsArray(value).
            crate::step!("sec-serializejsonproperty", "11.a");
            let value_is_array = is_array(agent, &value)?;
            // b. If isArray is true, return ? SerializeJSONArray(state, value).
            crate::step!("sec-serializejsonproperty", "11.b");
            if value_is_array {
                return serialize_json_array(agent, state, o).map(Some);
            }
            // c. Return ? SerializeJSONObject(state, value).
            crate::step!("sec-serializejsonproperty", "11.c");
            return serialize_json_object(agent, state, o).map(Some);
        }
    }
    // 12. Return undefined.
    crate::step!("sec-serializejsonproperty", "12");
    Ok(None)
}

/// QuoteJSONString ( value ) (25.5.2.3), appended to `product` (too long: a RangeError).
#[crate::trace::checks_tracing_once]
fn quote_json_string(product: &mut StringBuilder, value: &[u16]) -> Result<(), StringError> {
    // 1. Let product be the String value consisting solely of the code unit 0x0022
    //    (QUOTATION MARK).
    crate::step!("sec-quotejsonstring", "1");
    product.push(0x22)?;
    // 2. For each code point C of StringToCodePoints(value), do
    crate::step!("sec-quotejsonstring", "2");
    let mut i = 0;
    while i < value.len() {
        // (With tracing off, a run of code points that steps a and b leave alone is
        // appended as it is — step c for each of them — without the markers.)
        if !crate::trace::enabled() {
            let plain =
                |u: &u16| *u >= 0x20 && *u != 0x22 && *u != 0x5C && !(0xD800..=0xDFFF).contains(u);
            let run = value[i..].iter().take_while(|u| plain(u)).count();
            if run > 0 {
                product.extend(&value[i..i + run])?;
                i += run;
                continue;
            }
        }
        let c = value[i];
        let escape: Option<&str> = match c {
            0x08 => Some("\\b"),
            0x09 => Some("\\t"),
            0x0A => Some("\\n"),
            0x0C => Some("\\f"),
            0x0D => Some("\\r"),
            0x22 => Some("\\\""),
            0x5C => Some("\\\\"),
            _ => None,
        };
        // a. If C is listed in the "Code Point" column of Table 75, then
        crate::step!("sec-quotejsonstring", "2.a");
        if let Some(escape) = escape {
            // i. Set product to the string-concatenation of product and the escape
            //    sequence for C as specified in the "Escape Sequence" column of the
            //    corresponding row.
            crate::step!("sec-quotejsonstring", "2.a.i");
            product.push_str(escape)?;
            i += 1;
            continue;
        }
        let is_leading = (0xD800..=0xDBFF).contains(&c);
        let is_trailing = (0xDC00..=0xDFFF).contains(&c);
        // (A leading surrogate followed by a trailing one is one code point C.)
        let pair = is_leading && matches!(value.get(i + 1), Some(0xDC00..=0xDFFF));
        // b. Else if C has a numeric value less than 0x0020 (SPACE) or C has the same
        //    numeric value as a leading surrogate or trailing surrogate, then
        crate::step!("sec-quotejsonstring", "2.b");
        if !pair && (c < 0x20 || is_leading || is_trailing) {
            // i. Let unit be the code unit whose numeric value is the numeric value of C.
            crate::step!("sec-quotejsonstring", "2.b.i");
            // ii. Set product to the string-concatenation of product and
            //     UnicodeEscape(unit).
            crate::step!("sec-quotejsonstring", "2.b.ii");
            unicode_escape(product, c)?;
            i += 1;
        } else {
            // c. Else,
            crate::step!("sec-quotejsonstring", "2.c");
            // i. Set product to the string-concatenation of product and
            //    UTF16EncodeCodePoint(C).
            crate::step!("sec-quotejsonstring", "2.c.i");
            if pair {
                product.extend(&value[i..i + 2])?;
                i += 2;
            } else {
                product.push(c)?;
                i += 1;
            }
        }
    }
    // 3. Set product to the string-concatenation of product and the code unit 0x0022
    //    (QUOTATION MARK).
    crate::step!("sec-quotejsonstring", "3");
    product.push(0x22)?;
    // 4. Return product.
    crate::step!("sec-quotejsonstring", "4");
    Ok(())
}

/// UnicodeEscape ( C ) (25.5.2.4), appended to `product`.
fn unicode_escape(product: &mut StringBuilder, c: u16) -> Result<(), StringError> {
    // 1. Let n be the numeric value of C.
    crate::step!("sec-unicodeescape", "1");
    // 2. Assert: n ≤ 0xFFFF.
    crate::spec_assert!("sec-unicodeescape", "2", by: "C is a u16");
    // 3. Let hex be the String representation of n, formatted as a lowercase hexadecimal
    //    number.
    crate::step!("sec-unicodeescape", "3");
    // 4. Return the string-concatenation of the code unit 0x005C (REVERSE SOLIDUS), "u",
    //    and StringPad(hex, 4, "0", start).
    crate::step!("sec-unicodeescape", "4");
    product.push_str(&format!("\\u{c:04x}"))
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
    /// The length of the String steps 9-10 make of the elements: brackets, separators and,
    /// with a gap, the line feeds and indents (its capacity, so that it is built without
    /// reallocations).
    fn final_length(&self, state: &JsonSerialization, step_back: &[u16]) -> usize {
        let lines = if state.gap.is_empty() {
            0
        } else {
            (self.parts.len() + 1).saturating_mul(state.indent.len() + 1) + step_back.len()
        };
        self.joined_length.saturating_add(lines).saturating_add(2)
    }

    fn push(&mut self, agent: &mut Agent, part: Vec<u16>) -> JsResult<()> {
        // Each element, and a separator after it.
        self.joined_length = self.joined_length.saturating_add(part.len() + 1);
        check_string_length(self.joined_length).or_throw(agent)?;
        self.parts.push(part);
        Ok(())
    }
}

/// Appends the elements of `partial` to `final_`, each adjacent pair separated with
/// `separator` (steps 10.a.i and 10.b.ii of SerializeJSONObject and SerializeJSONArray).
#[inline]
fn join_partial(
    final_: &mut StringBuilder,
    partial: &[Vec<u16>],
    separator: &[u16],
) -> Result<(), StringError> {
    for (i, part) in partial.iter().enumerate() {
        if i > 0 {
            final_.extend(separator)?;
        }
        final_.extend(part)?;
    }
    Ok(())
}

/// SerializeJSONObject ( state, value ) (25.5.2.5).
#[crate::trace::checks_tracing_once]
fn serialize_json_object(
    agent: &mut Agent,
    state: &mut JsonSerialization,
    value: &Object,
) -> JsResult<Vec<u16>> {
    // 1. If state.[[Stack]] contains value, throw a TypeError exception because the
    //    structure is cyclical.
    crate::step!("sec-serializejsonobject", "1");
    if state.on_stack.contains(&value.addr()) {
        return Err(agent.type_error("JSON.stringify cannot serialize a cyclic structure"));
    }
    // 2. Append value to state.[[Stack]].
    crate::step!("sec-serializejsonobject", "2");
    state.on_stack.insert(value.addr());
    state.stack.push(value.clone());
    // 3. Let stepBack be state.[[Indent]].
    crate::step!("sec-serializejsonobject", "3");
    let step_back = state.indent.clone();
    // 4. Set state.[[Indent]] to the string-concatenation of state.[[Indent]] and
    //    state.[[Gap]].
    crate::step!("sec-serializejsonobject", "4");
    let gap = state.gap.clone();
    state.indent.extend_from_slice(&gap);
    // 5. If state.[[PropertyList]] is not undefined, then
    crate::step!("sec-serializejsonobject", "5");
    let k: Vec<JsString> = if let Some(list) = &state.property_list {
        // a. Let K be state.[[PropertyList]].
        crate::step!("sec-serializejsonobject", "5.a");
        list.clone()
    } else {
        // 6. Else,
        crate::step!("sec-serializejsonobject", "6");
        // a. Let K be ? EnumerableOwnProperties(value, key).
        crate::step!("sec-serializejsonobject", "6.a");
        enumerable_own_properties(agent, value, EnumerableKind::Key)?
            .into_iter()
            .filter_map(|key| match key {
                Value::String(s) => Some(s),
                _ => None,
            })
            .collect()
    };
    // 7. Let partial be a new empty List.
    crate::step!("sec-serializejsonobject", "7");
    let mut partial = Partial::default();
    // 8. For each element P of K, do
    crate::step!("sec-serializejsonobject", "8");
    for p in k {
        // a. Let strP be ? SerializeJSONProperty(state, P, value).
        crate::step!("sec-serializejsonobject", "8.a");
        let str_p = serialize_json_property(agent, state, &p, value)?;
        // b. If strP is not undefined, then
        crate::step!("sec-serializejsonobject", "8.b");
        if let Some(str_p) = str_p {
            // i. Let member be QuoteJSONString(P).
            crate::step!("sec-serializejsonobject", "8.b.i");
            let mut member = StringBuilder::with_capacity(p.len() + str_p.len() + 4);
            quote_json_string(&mut member, p.units()).or_throw(agent)?;
            // ii. Set member to the string-concatenation of member and ":".
            crate::step!("sec-serializejsonobject", "8.b.ii");
            member.push(0x3A).or_throw(agent)?;
            // iii. If state.[[Gap]] is not the empty String, then
            crate::step!("sec-serializejsonobject", "8.b.iii");
            if !state.gap.is_empty() {
                // 1. Set member to the string-concatenation of member and the code unit
                //    0x0020 (SPACE).
                crate::step!("sec-serializejsonobject", "8.b.iii.1");
                member.push(0x20).or_throw(agent)?;
            }
            // iv. Set member to the string-concatenation of member and strP.
            crate::step!("sec-serializejsonobject", "8.b.iv");
            member.extend(&str_p).or_throw(agent)?;
            // v. Append member to partial.
            crate::step!("sec-serializejsonobject", "8.b.v");
            partial.push(agent, member.into_units())?;
        }
    }
    let mut final_ = StringBuilder::with_capacity(partial.final_length(state, &step_back));
    let partial = partial.parts;
    // 9. If partial is empty, then
    crate::step!("sec-serializejsonobject", "9");
    if partial.is_empty() {
        // a. Let final be "{}".
        crate::step!("sec-serializejsonobject", "9.a");
        final_.push_str("{}").or_throw(agent)?;
    } else {
        // 10. Else,
        crate::step!("sec-serializejsonobject", "10");
        // a. If state.[[Gap]] is the empty String, then
        crate::step!("sec-serializejsonobject", "10.a");
        if state.gap.is_empty() {
            // i. Let properties be the String value formed by concatenating all the
            //    element Strings of partial with each adjacent pair of Strings separated
            //    with the code unit 0x002C (COMMA). A comma is not inserted either before
            //    the first String or after the last String.
            crate::step!("sec-serializejsonobject", "10.a.i");
            // ii. Let final be the string-concatenation of "{", properties, and "}".
            crate::step!("sec-serializejsonobject", "10.a.ii");
            final_.push(0x7B).or_throw(agent)?;
            join_partial(&mut final_, &partial, &[0x2C]).or_throw(agent)?;
            final_.push(0x7D).or_throw(agent)?;
        } else {
            // b. Else,
            crate::step!("sec-serializejsonobject", "10.b");
            // i. Let separator be the string-concatenation of the code unit 0x002C
            //    (COMMA), the code unit 0x000A (LINE FEED), and state.[[Indent]].
            crate::step!("sec-serializejsonobject", "10.b.i");
            let mut separator = vec![0x2C, 0x0A];
            separator.extend_from_slice(&state.indent);
            // ii. Let properties be the String value formed by concatenating all the
            //     element Strings of partial with each adjacent pair of Strings separated
            //     with separator. The separator String is not inserted either before the
            //     first String or after the last String.
            crate::step!("sec-serializejsonobject", "10.b.ii");
            // iii. Let final be the string-concatenation of "{", the code unit 0x000A
            //      (LINE FEED), state.[[Indent]], properties, the code unit 0x000A (LINE
            //      FEED), stepBack, and "}".
            crate::step!("sec-serializejsonobject", "10.b.iii");
            final_.push(0x7B).or_throw(agent)?;
            final_.push(0x0A).or_throw(agent)?;
            final_.extend(&state.indent).or_throw(agent)?;
            join_partial(&mut final_, &partial, &separator).or_throw(agent)?;
            final_.push(0x0A).or_throw(agent)?;
            final_.extend(&step_back).or_throw(agent)?;
            final_.push(0x7D).or_throw(agent)?;
        }
    }
    // 11. Remove the last element of state.[[Stack]].
    crate::step!("sec-serializejsonobject", "11");
    if let Some(last) = state.stack.pop() {
        state.on_stack.remove(&last.addr());
    }
    // 12. Set state.[[Indent]] to stepBack.
    crate::step!("sec-serializejsonobject", "12");
    state.indent = step_back;
    // 13. Return final.
    crate::step!("sec-serializejsonobject", "13");
    Ok(final_.into_units())
}

/// SerializeJSONArray ( state, value ) (25.5.2.6).
#[crate::trace::checks_tracing_once]
fn serialize_json_array(
    agent: &mut Agent,
    state: &mut JsonSerialization,
    value: &Object,
) -> JsResult<Vec<u16>> {
    // 1. If state.[[Stack]] contains value, throw a TypeError exception because the
    //    structure is cyclical.
    crate::step!("sec-serializejsonarray", "1");
    if state.on_stack.contains(&value.addr()) {
        return Err(agent.type_error("JSON.stringify cannot serialize a cyclic structure"));
    }
    // 2. Append value to state.[[Stack]].
    crate::step!("sec-serializejsonarray", "2");
    state.on_stack.insert(value.addr());
    state.stack.push(value.clone());
    // 3. Let stepBack be state.[[Indent]].
    crate::step!("sec-serializejsonarray", "3");
    let step_back = state.indent.clone();
    // 4. Set state.[[Indent]] to the string-concatenation of state.[[Indent]] and
    //    state.[[Gap]].
    crate::step!("sec-serializejsonarray", "4");
    let gap = state.gap.clone();
    state.indent.extend_from_slice(&gap);
    // 5. Let partial be a new empty List.
    crate::step!("sec-serializejsonarray", "5");
    let mut partial = Partial::default();
    // 6. Let len be ? LengthOfArrayLike(value).
    crate::step!("sec-serializejsonarray", "6");
    let len = length_of_array_like(agent, value)?;
    // 7. Let index be 0.
    crate::step!("sec-serializejsonarray", "7");
    // 8. Repeat, while index < len,
    crate::step!("sec-serializejsonarray", "8");
    for index in 0..len {
        // (The host's limits: len is the program's.)
        agent.check_limits()?;
        // a. Let strP be ? SerializeJSONProperty(state, ! ToString(𝔽(index)), value).
        crate::step!("sec-serializejsonarray", "8.a");
        let key = JsString::from(index.to_string());
        let str_p = serialize_json_property(agent, state, &key, value)?;
        // b. If strP is undefined, then
        crate::step!("sec-serializejsonarray", "8.b");
        match str_p {
            None => {
                // i. Append "null" to partial.
                crate::step!("sec-serializejsonarray", "8.b.i");
                partial.push(agent, "null".encode_utf16().collect())?;
            }
            Some(str_p) => {
                // c. Else,
                crate::step!("sec-serializejsonarray", "8.c");
                // i. Append strP to partial.
                crate::step!("sec-serializejsonarray", "8.c.i");
                partial.push(agent, str_p)?;
            }
        }
        // d. Set index to index + 1.
        crate::step!("sec-serializejsonarray", "8.d");
    }
    let mut final_ = StringBuilder::with_capacity(partial.final_length(state, &step_back));
    let partial = partial.parts;
    // 9. If partial is empty, then
    crate::step!("sec-serializejsonarray", "9");
    if partial.is_empty() {
        // a. Let final be "[]".
        crate::step!("sec-serializejsonarray", "9.a");
        final_.push_str("[]").or_throw(agent)?;
    } else {
        // 10. Else,
        crate::step!("sec-serializejsonarray", "10");
        // a. If state.[[Gap]] is the empty String, then
        crate::step!("sec-serializejsonarray", "10.a");
        if state.gap.is_empty() {
            // i. Let properties be the String value formed by concatenating all the
            //    element Strings of partial with each adjacent pair of Strings separated
            //    with the code unit 0x002C (COMMA). A comma is not inserted either before
            //    the first String or after the last String.
            crate::step!("sec-serializejsonarray", "10.a.i");
            // ii. Let final be the string-concatenation of "[", properties, and "]".
            crate::step!("sec-serializejsonarray", "10.a.ii");
            final_.push(0x5B).or_throw(agent)?;
            join_partial(&mut final_, &partial, &[0x2C]).or_throw(agent)?;
            final_.push(0x5D).or_throw(agent)?;
        } else {
            // b. Else,
            crate::step!("sec-serializejsonarray", "10.b");
            // i. Let separator be the string-concatenation of the code unit 0x002C
            //    (COMMA), the code unit 0x000A (LINE FEED), and state.[[Indent]].
            crate::step!("sec-serializejsonarray", "10.b.i");
            let mut separator = vec![0x2C, 0x0A];
            separator.extend_from_slice(&state.indent);
            // ii. Let properties be the String value formed by concatenating all the
            //     element Strings of partial with each adjacent pair of Strings separated
            //     with separator. The separator String is not inserted either before the
            //     first String or after the last String.
            crate::step!("sec-serializejsonarray", "10.b.ii");
            // iii. Let final be the string-concatenation of "[", the code unit 0x000A
            //      (LINE FEED), state.[[Indent]], properties, the code unit 0x000A (LINE
            //      FEED), stepBack, and "]".
            crate::step!("sec-serializejsonarray", "10.b.iii");
            final_.push(0x5B).or_throw(agent)?;
            final_.push(0x0A).or_throw(agent)?;
            final_.extend(&state.indent).or_throw(agent)?;
            join_partial(&mut final_, &partial, &separator).or_throw(agent)?;
            final_.push(0x0A).or_throw(agent)?;
            final_.extend(&step_back).or_throw(agent)?;
            final_.push(0x5D).or_throw(agent)?;
        }
    }
    // 11. Remove the last element of state.[[Stack]].
    crate::step!("sec-serializejsonarray", "11");
    if let Some(last) = state.stack.pop() {
        state.on_stack.remove(&last.addr());
    }
    // 12. Set state.[[Indent]] to stepBack.
    crate::step!("sec-serializejsonarray", "12");
    state.indent = step_back;
    // 13. Return final.
    crate::step!("sec-serializejsonarray", "13");
    Ok(final_.into_units())
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
