//! How the REPL shows a value: as node's `util.inspect` does with its default options
//! (depth 2, strings quoted, only enumerable own properties, `[Circular *1]`, `Map(1) {
//! 'a' => 1 }`, `Promise { <pending> }`, `[Function: f]`, ...), without running any code:
//! no getter, Proxy trap, `toString` or `Symbol.toStringTag` getter is called (accessors show
//! as `[Getter]`, a Proxy as its target). Entries go on one line when they fit in 80
//! columns, else one per line, arrays of more than six short entries in columns, as
//! node's reduceToSingleString and groupArrayElements do.

use crate::spec::agents::Agent;
use crate::spec::builtins::date::iso_string;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, Property, PropertyKey};
use crate::spec::ordinary_object_internal_methods::ordinary_own_property_keys_of;
use crate::spec::promise_objects::PromiseState;
use crate::spec::string_type::JsString;
use crate::spec::value::Value;
use crate::syntax::ast::FunctionKind;

/// Nesting shown before an object is abbreviated as `[Object]` (node's default depth).
const DEPTH: usize = 2;
/// Array elements, and Map and Set entries, shown before `... N more items`.
const MAX_ITEMS: usize = 100;
/// Characters of a string shown before `... N more characters`.
const MAX_STRING: usize = 10_000;
/// The width within which an object's entries go on one line.
const BREAK_LENGTH: usize = 80;

/// `value` as node's REPL would echo it.
pub fn inspect(agent: &mut Agent, value: &Value) -> String {
    let mut inspector = Inspector {
        agent,
        stack: Vec::new(),
        circular: Vec::new(),
    };
    inspector.value(value, 0)
}

/// A string quoted as node quotes it: single quotes unless the string holds one (then
/// double quotes, or backquotes when it holds both), with escapes for control characters
/// and lone surrogates.
pub fn quote(s: &JsString) -> String {
    let units = s.units();
    let (shown, rest) = if units.len() > MAX_STRING {
        (&units[..MAX_STRING], units.len() - MAX_STRING)
    } else {
        (units, 0)
    };
    let has = |c: u8| shown.contains(&u16::from(c));
    let quote = if !has(b'\'') {
        '\''
    } else if !has(b'"') {
        '"'
    } else if !has(b'`') && !has(b'$') {
        '`'
    } else {
        '\''
    };
    let mut out = String::with_capacity(shown.len() + 2);
    out.push(quote);
    for c in char::decode_utf16(shown.iter().copied()) {
        match c {
            Ok(c) if c == quote || c == '\\' => {
                out.push('\\');
                out.push(c);
            }
            Ok('\n') => out.push_str("\\n"),
            Ok('\t') => out.push_str("\\t"),
            Ok('\r') => out.push_str("\\r"),
            Ok('\u{8}') => out.push_str("\\b"),
            Ok('\u{c}') => out.push_str("\\f"),
            Ok('\u{b}') => out.push_str("\\v"),
            Ok(c) if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02X}", c as u32));
            }
            Ok(c) => out.push(c),
            Err(lone) => out.push_str(&format!("\\u{:04X}", lone.unpaired_surrogate())),
        }
    }
    out.push(quote);
    if rest > 0 {
        out.push_str(&format!("... {rest} more character{}", plural(rest)));
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// An own property read without running code.
fn data_property(o: &Object, key: &str) -> Option<Value> {
    match o.own_property(&PropertyKey::from_str(key))? {
        Property::Data { value, .. } => Some(value),
        Property::Accessor { .. } => None,
    }
}

/// A data property of `o` or its prototype chain (no Proxy, no accessor).
fn lookup(o: &Object, key: &PropertyKey) -> Option<Value> {
    let mut current = Some(o.clone());
    for _ in 0..10_000 {
        let object = current?;
        if matches!(object.data().kind, ObjectKind::Proxy(_)) {
            return None;
        }
        match object.own_property(key) {
            Some(Property::Data { value, .. }) => return Some(value),
            Some(Property::Accessor { .. }) => return None,
            None => current = object.data().prototype.clone(),
        }
    }
    None
}

fn string_of(value: Option<Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.to_rust_string()),
        _ => None,
    }
}

/// A property key as node shows it: an identifier bare, other strings quoted, a symbol
/// in brackets.
fn key_text(key: &PropertyKey) -> String {
    match key {
        PropertyKey::Index(i) => format!("'{i}'"),
        PropertyKey::String(s) => {
            let text = s.to_rust_string();
            let mut chars = text.chars();
            let identifier = chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
            if identifier {
                text
            } else {
                quote(s)
            }
        }
        PropertyKey::Symbol(s) => format!("[{}]", s.descriptive_string().to_rust_string()),
    }
}

struct Inspector<'a> {
    agent: &'a mut Agent,
    /// The objects being shown, outermost first (a repeat is `[Circular *n]`).
    stack: Vec<Object>,
    /// Objects found to be circular, numbered by position + 1.
    circular: Vec<Object>,
}

/// What an object looks like before its entries: `prefix { entries }`, or `base` alone
/// when it has no entries.
struct Shape {
    /// Shown before the braces (`Map(2)`, `[Function: f]`, `Foo`), may be empty.
    prefix: String,
    /// `{`/`}` or `[`/`]`.
    brackets: (&'static str, &'static str),
    /// Shown instead of `prefix {}` when there are no entries (`[Function: f]`, `[]`).
    empty: String,
    /// Shown instead of the entries beyond the depth (`[Object]`, `[Array]`).
    abbreviated: String,
}

impl Inspector<'_> {
    fn value(&mut self, value: &Value, depth: usize) -> String {
        match value {
            Value::Undefined => "undefined".into(),
            Value::Null => "null".into(),
            Value::Boolean(b) => b.to_string(),
            Value::Number(n) if *n == 0.0 && n.is_sign_negative() => "-0".into(),
            Value::Number(n) => crate::spec::number_type::number_to_string(*n),
            Value::BigInt(b) => format!("{}n", b.to_js_string().to_rust_string()),
            Value::String(s) => quote(s),
            Value::Symbol(s) => s.descriptive_string().to_rust_string(),
            Value::Object(o) => self.object(o, depth),
        }
    }

    fn object(&mut self, o: &Object, depth: usize) -> String {
        if let Some(i) = self.stack.iter().position(|seen| seen == o) {
            let target = self.stack[i].clone();
            let n = match self.circular.iter().position(|c| *c == target) {
                Some(n) => n + 1,
                None => {
                    self.circular.push(target);
                    self.circular.len()
                }
            };
            return format!("[Circular *{n}]");
        }
        // A Proxy shows as its target, as node does by default (no trap runs).
        let proxy_target = match &o.data().kind {
            ObjectKind::Proxy(p) => Some(p.target.clone()),
            _ => None,
        };
        if let Some(target) = proxy_target {
            return match target {
                Some(target) => self.object(&target, depth),
                None => "<Revoked Proxy>".into(),
            };
        }
        self.stack.push(o.clone());
        let shown = self.object_entries(o, depth);
        self.stack.pop();
        match self.circular.iter().position(|c| c == o) {
            Some(n) => format!("<ref *{}> {shown}", n + 1),
            None => shown,
        }
    }

    fn object_entries(&mut self, o: &Object, depth: usize) -> String {
        let shape = self.shape(o);
        let mut leading = Vec::new();
        let is_array = matches!(o.data().kind, ObjectKind::Array | ObjectKind::Arguments(_));
        let mut entries = Vec::new();
        // Whatever the object holds besides properties: array elements, Map and Set
        // entries, a promise's result.
        let has_entries = self.has_entries(o, is_array);
        if depth > DEPTH && has_entries {
            return shape.abbreviated;
        }
        if is_array {
            leading = self.array_elements(o, depth);
        } else {
            leading.extend(self.inner_entries(o, depth));
        }
        let keys = ordinary_own_property_keys_of(o);
        for key in keys {
            if is_array && matches!(key, PropertyKey::Index(_)) {
                continue;
            }
            if is_array && matches!(&key, PropertyKey::String(s) if s.to_rust_string() == "length")
            {
                continue;
            }
            let Some(property) = o.own_property(&key) else {
                continue;
            };
            let shown = match property {
                Property::Data {
                    value, enumerable, ..
                } => {
                    if !enumerable {
                        continue;
                    }
                    self.value(&value, depth + 1)
                }
                Property::Accessor {
                    get,
                    set,
                    enumerable,
                    ..
                } => {
                    if !enumerable {
                        continue;
                    }
                    match (get.is_none(), set.is_none()) {
                        (false, false) => "[Getter/Setter]".into(),
                        (false, true) => "[Getter]".into(),
                        (true, false) => "[Setter]".into(),
                        (true, true) => "undefined".into(),
                    }
                }
            };
            entries.push(format!("{}: {shown}", key_text(&key)));
        }
        leading.extend(entries);
        if leading.is_empty() {
            return shape.empty;
        }
        let numeric = is_array && self.all_numeric(o);
        reduce_to_single_string(
            leading,
            &shape.prefix,
            shape.brackets,
            depth,
            is_array,
            numeric,
        )
    }

    /// Whether every element of an array is a Number or a BigInt (node right-aligns
    /// grouped columns of those).
    fn all_numeric(&self, o: &Object) -> bool {
        o.data().properties.0.iter().all(|(key, p)| {
            !matches!(key, PropertyKey::Index(_))
                || matches!(p.data_value(), Some(Value::Number(_) | Value::BigInt(_)))
        })
    }

    /// Whether the object has anything to show between its braces.
    fn has_entries(&self, o: &Object, is_array: bool) -> bool {
        let data = o.data();
        let enumerable =
            data.properties.0.iter().any(|(key, p)| {
                p.enumerable() && !(is_array && matches!(key, PropertyKey::Index(_)))
            });
        enumerable
            || match &data.kind {
                ObjectKind::Array | ObjectKind::Arguments(_) => {
                    matches!(
                        data.properties.0.get(&PropertyKey::from_str("length")).as_deref(),
                        Some(Property::Data { value: Value::Number(n), .. }) if *n > 0.0
                    )
                }
                ObjectKind::Map(m) | ObjectKind::Set(m) => !m.is_empty(),
                ObjectKind::Promise(_) | ObjectKind::ModuleNamespace(_) => true,
                _ => false,
            }
    }

    /// The elements of an array (or arguments object), holes counted as `<N empty items>`.
    fn array_elements(&mut self, o: &Object, depth: usize) -> Vec<String> {
        let length = match data_property(o, "length") {
            Some(Value::Number(n)) if n >= 0.0 => n as u64,
            _ => ordinary_own_property_keys_of(o)
                .iter()
                .filter_map(|k| match k {
                    PropertyKey::Index(i) => Some(u64::from(*i) + 1),
                    _ => None,
                })
                .max()
                .unwrap_or(0),
        };
        let mut out = Vec::new();
        let mut holes = 0u64;
        let mut index = 0u64;
        while index < length && out.len() < MAX_ITEMS {
            let property = u32::try_from(index)
                .ok()
                .and_then(|i| o.own_property(&PropertyKey::Index(i)));
            match property {
                None => {
                    holes += 1;
                    index += 1;
                    continue;
                }
                Some(property) => {
                    if holes > 0 {
                        out.push(format!("<{holes} empty item{}>", plural(holes as usize)));
                        holes = 0;
                    }
                    out.push(match property {
                        Property::Data { value, .. } => self.value(&value, depth + 1),
                        Property::Accessor { .. } => "[Getter/Setter]".into(),
                    });
                }
            }
            index += 1;
        }
        if holes > 0 {
            out.push(format!("<{holes} empty item{}>", plural(holes as usize)));
        }
        if index < length {
            let rest = (length - index) as usize;
            out.push(format!("... {rest} more item{}", plural(rest)));
        }
        out
    }

    /// Map and Set entries, a promise's state, a namespace's exports.
    fn inner_entries(&mut self, o: &Object, depth: usize) -> Vec<String> {
        enum Inner {
            Map(Vec<(Value, Value)>, usize),
            Set(Vec<Value>, usize),
            Promise(PromiseState, Value),
            Namespace(Vec<JsString>, bool),
            None,
        }
        let inner = match &o.data().kind {
            ObjectKind::Map(m) => Inner::Map(
                (0..m.len())
                    .filter_map(|i| m.entry(i))
                    .take(MAX_ITEMS)
                    .collect(),
                m.size(),
            ),
            ObjectKind::Set(m) => Inner::Set(
                (0..m.len())
                    .filter_map(|i| m.entry(i))
                    .map(|(k, _)| k)
                    .take(MAX_ITEMS)
                    .collect(),
                m.size(),
            ),
            ObjectKind::Promise(p) => Inner::Promise(p.state, p.result.clone()),
            ObjectKind::ModuleNamespace(n) => Inner::Namespace(n.exports.clone(), n.deferred),
            _ => Inner::None,
        };
        let more = |shown: usize, size: usize| {
            (size > shown).then(|| {
                let rest = size - shown;
                format!("... {rest} more item{}", plural(rest))
            })
        };
        match inner {
            Inner::Map(entries, size) => {
                let shown = entries.len();
                let mut out: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| {
                        format!(
                            "{} => {}",
                            self.value(k, depth + 1),
                            self.value(v, depth + 1)
                        )
                    })
                    .collect();
                out.extend(more(shown, size));
                out
            }
            Inner::Set(values, size) => {
                let shown = values.len();
                let mut out: Vec<String> =
                    values.iter().map(|v| self.value(v, depth + 1)).collect();
                out.extend(more(shown, size));
                out
            }
            Inner::Promise(PromiseState::Pending, _) => vec!["<pending>".into()],
            Inner::Promise(PromiseState::Fulfilled, value) => vec![self.value(&value, depth + 1)],
            Inner::Promise(PromiseState::Rejected, reason) => {
                vec![format!("<rejected> {}", self.value(&reason, depth + 1))]
            }
            // A deferred namespace would evaluate its module on a read: only the names.
            Inner::Namespace(names, true) => names
                .iter()
                .map(|n| key_text(&PropertyKey::from_string(n.clone())))
                .collect(),
            Inner::Namespace(names, false) => names
                .iter()
                .map(|name| {
                    let key = PropertyKey::from_string(name.clone());
                    let shown = match o.get(self.agent, &key, &Value::Object(o.clone())) {
                        Ok(value) => self.value(&value, depth + 1),
                        Err(_) => "<uninitialized>".into(),
                    };
                    format!("{}: {shown}", key_text(&key))
                })
                .collect(),
            Inner::None => Vec::new(),
        }
    }

    /// How the object is introduced: by its kind, else its constructor's name and
    /// `Symbol.toStringTag` (data properties only).
    fn shape(&mut self, o: &Object) -> Shape {
        let braces = ("{", "}");
        let simple = |prefix: String, abbreviated: &str| Shape {
            empty: if prefix.is_empty() {
                "{}".into()
            } else {
                format!("{prefix} {{}}")
            },
            prefix,
            brackets: braces,
            abbreviated: format!("[{abbreviated}]"),
        };
        let constructor = o
            .data()
            .prototype
            .clone()
            .and_then(
                |p| match lookup(&p, &PropertyKey::from_str("constructor")) {
                    Some(Value::Object(c)) => string_of(data_property(&c, "name")),
                    _ => None,
                },
            )
            .filter(|name| !name.is_empty());
        let tag = string_of(lookup(
            o,
            &PropertyKey::Symbol(self.agent.well_known.to_string_tag.clone()),
        ))
        .filter(|tag| !tag.is_empty());
        let kind_name = |default: &str| constructor.clone().unwrap_or_else(|| default.into());
        let data = o.data();
        match &data.kind {
            ObjectKind::Array => {
                let name = kind_name("Array");
                let prefix = if name == "Array" {
                    String::new()
                } else {
                    name.clone()
                };
                Shape {
                    empty: if prefix.is_empty() {
                        "[]".into()
                    } else {
                        format!("{prefix} []")
                    },
                    prefix,
                    brackets: ("[", "]"),
                    abbreviated: format!("[{name}]"),
                }
            }
            ObjectKind::Arguments(_) => Shape {
                prefix: "[Arguments]".into(),
                brackets: ("[", "]"),
                empty: "[Arguments] []".into(),
                abbreviated: "[Arguments]".into(),
            },
            ObjectKind::Function(_) | ObjectKind::Builtin(_) | ObjectKind::BoundFunction(_) => {
                let base = function_base(o);
                Shape {
                    prefix: base.clone(),
                    brackets: braces,
                    empty: base.clone(),
                    abbreviated: base,
                }
            }
            ObjectKind::Error(position) => {
                let name = string_of(lookup(o, &PropertyKey::from_str("name")))
                    .unwrap_or_else(|| "Error".into());
                let message =
                    string_of(lookup(o, &PropertyKey::from_str("message"))).unwrap_or_default();
                let mut base = if message.is_empty() {
                    name
                } else {
                    format!("{name}: {message}")
                };
                if let Some(position) = position {
                    base.push_str(&format!("\n    at {}", position.describe()));
                }
                let base = if self.stack.len() > 1 {
                    format!("[{}]", base.lines().next().unwrap_or_default())
                } else {
                    base
                };
                Shape {
                    prefix: base.clone(),
                    brackets: braces,
                    empty: base.clone(),
                    abbreviated: base,
                }
            }
            ObjectKind::Map(m) => simple(format!("{}({})", kind_name("Map"), m.size()), "Map"),
            ObjectKind::Set(m) => simple(format!("{}({})", kind_name("Set"), m.size()), "Set"),
            ObjectKind::WeakMap(_) | ObjectKind::WeakSet(_) | ObjectKind::WeakRef(_) => {
                let name = match &data.kind {
                    ObjectKind::WeakMap(_) => kind_name("WeakMap"),
                    ObjectKind::WeakSet(_) => kind_name("WeakSet"),
                    _ => kind_name("WeakRef"),
                };
                let text = format!("{name} {{ <items unknown> }}");
                Shape {
                    prefix: name,
                    brackets: braces,
                    empty: text.clone(),
                    abbreviated: text,
                }
            }
            ObjectKind::Promise(_) => simple(kind_name("Promise"), "Promise"),
            ObjectKind::Date(tv) => {
                let text = if tv.is_finite() {
                    iso_string(*tv)
                } else {
                    "Invalid Date".into()
                };
                Shape {
                    prefix: text.clone(),
                    brackets: braces,
                    empty: text.clone(),
                    abbreviated: text,
                }
            }
            ObjectKind::RegExp(Some(slots)) => {
                let text = format!(
                    "/{}/{}",
                    slots.original_source.to_rust_string(),
                    slots.original_flags.to_rust_string()
                );
                Shape {
                    prefix: text.clone(),
                    brackets: braces,
                    empty: text.clone(),
                    abbreviated: text,
                }
            }
            ObjectKind::Number(_)
            | ObjectKind::String(_)
            | ObjectKind::Boolean(_)
            | ObjectKind::Symbol(_)
            | ObjectKind::BigInt(_) => {
                let text = match &data.kind {
                    ObjectKind::Number(n) => format!("[Number: {}]", self.value_of_number(*n)),
                    ObjectKind::String(s) => format!("[String: {}]", quote(s)),
                    ObjectKind::Boolean(b) => format!("[Boolean: {b}]"),
                    ObjectKind::Symbol(s) => {
                        format!("[Symbol: {}]", s.descriptive_string().to_rust_string())
                    }
                    ObjectKind::BigInt(b) => {
                        format!("[BigInt: {}n]", b.to_js_string().to_rust_string())
                    }
                    _ => unreachable!(),
                };
                Shape {
                    prefix: text.clone(),
                    brackets: braces,
                    empty: text.clone(),
                    abbreviated: text,
                }
            }
            ObjectKind::ModuleNamespace(n) => {
                let prefix = if n.deferred {
                    "[Module: null prototype, deferred]"
                } else {
                    "[Module: null prototype]"
                };
                simple(prefix.into(), "Module")
            }
            ObjectKind::Generator(_) => simple("Object [Generator]".into(), "Object"),
            ObjectKind::AsyncGenerator(_) => simple("Object [AsyncGenerator]".into(), "Object"),
            _ => {
                if data.prototype.is_none() {
                    let prefix = match tag {
                        Some(tag) => format!("[Object: null prototype] [{tag}]"),
                        None => "[Object: null prototype]".into(),
                    };
                    return simple(prefix, "Object: null prototype");
                }
                let name = constructor.unwrap_or_else(|| "Object".into());
                let prefix = match tag {
                    Some(tag) if tag != name => format!("{name} [{tag}]"),
                    _ if name == "Object" => String::new(),
                    _ => name.clone(),
                };
                simple(prefix, &name)
            }
        }
    }

    fn value_of_number(&self, n: f64) -> String {
        if n == 0.0 && n.is_sign_negative() {
            "-0".into()
        } else {
            crate::spec::number_type::number_to_string(n)
        }
    }
}

/// `[Function: f]`, `[Function (anonymous)]`, `[class A]`, `[class B extends A]`,
/// `[AsyncFunction: f]`, `[GeneratorFunction: g]`, `[AsyncGeneratorFunction: g]`.
fn function_base(o: &Object) -> String {
    let name = string_of(data_property(o, "name")).filter(|n| !n.is_empty());
    let (kind, class) = match &o.data().kind {
        ObjectKind::Function(f) => match f.code.kind {
            FunctionKind::ClassConstructor { derived } => ("class", Some(derived)),
            _ => (
                match (f.code.is_async, f.code.is_generator) {
                    (true, true) => "AsyncGeneratorFunction",
                    (true, false) => "AsyncFunction",
                    (false, true) => "GeneratorFunction",
                    (false, false) => "Function",
                },
                None,
            ),
        },
        // A class without a constructor method: its default constructor is built-in.
        ObjectKind::Builtin(b) if b.class_fields.is_some() => ("class", Some(b.derived)),
        _ => ("Function", None),
    };
    match class {
        Some(derived) => {
            let name = name.unwrap_or_else(|| "(anonymous)".into());
            let parent = o
                .data()
                .prototype
                .clone()
                .and_then(|p| string_of(data_property(&p, "name")))
                .filter(|n| !n.is_empty());
            match parent {
                Some(parent) if derived => format!("[class {name} extends {parent}]"),
                _ => format!("[class {name}]"),
            }
        }
        None => match name {
            Some(name) => format!("[{kind}: {name}]"),
            None => format!("[{kind} (anonymous)]"),
        },
    }
}

/// Node's reduceToSingleString with its default options (compact 3, here a break length of
/// 80): the entries on one line when they fit, else one per line (arrays of more than six
/// short entries in columns first, as groupArrayElements does).
fn reduce_to_single_string(
    entries: Vec<String>,
    prefix: &str,
    (open, close): (&str, &str),
    depth: usize,
    is_array: bool,
    numeric: bool,
) -> String {
    let indentation = depth * 2;
    let count = entries.len();
    let output = if is_array && count > 6 {
        group_array_elements(entries, indentation, numeric)
    } else {
        entries
    };
    let base = if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix} ")
    };
    if output.len() == count {
        let start = output.len() + indentation + open.len() + prefix.len() + 10;
        let total = start + output.len() + output.iter().map(String::len).sum::<usize>();
        if total <= BREAK_LENGTH && !output.iter().any(|e| e.contains('\n')) {
            return format!("{base}{open} {} {close}", output.join(", "));
        }
    }
    let body: Vec<String> = output
        .iter()
        .map(|entry| format!("  {}", entry.replace('\n', "\n  ")))
        .collect();
    format!("{base}{open}\n{}\n{close}", body.join(",\n"))
}

/// Node's groupArrayElements: short entries in as many columns as make a roughly square
/// block (at most 15, within the break length), numbers right-aligned.
fn group_array_elements(output: Vec<String>, indentation: usize, numeric: bool) -> Vec<String> {
    let has_more = output.last().is_some_and(|e| e.starts_with("... "));
    let output_length = output.len() - usize::from(has_more);
    let separator_space = 2;
    let data_len: Vec<usize> = output.iter().map(|e| e.chars().count()).collect();
    let total_length: usize = data_len[..output_length]
        .iter()
        .map(|len| len + separator_space)
        .sum();
    let max_length = data_len[..output_length].iter().copied().max().unwrap_or(0);
    let actual_max = max_length + separator_space;
    if !(actual_max * 3 + indentation < BREAK_LENGTH
        && (total_length as f64 / actual_max as f64 > 5.0 || max_length <= 6))
    {
        return output;
    }
    let average_bias = (actual_max as f64 - total_length as f64 / output.len() as f64).sqrt();
    let biased_max = (actual_max as f64 - 3.0 - average_bias).max(1.0);
    let columns = ((2.5 * biased_max * output_length as f64).sqrt() / biased_max)
        .round()
        .min(((BREAK_LENGTH - indentation) / actual_max) as f64)
        .min(12.0)
        .min(15.0) as usize;
    if columns <= 1 {
        return output;
    }
    let max_line_length: Vec<usize> = (0..columns)
        .map(|i| {
            (i..output_length)
                .step_by(columns)
                .map(|j| data_len[j])
                .max()
                .unwrap_or(0)
                + separator_space
        })
        .collect();
    let mut grouped = Vec::new();
    for i in (0..output_length).step_by(columns) {
        let max = (i + columns).min(output_length);
        let mut line = String::new();
        for j in i..max - 1 {
            let cell = format!("{}, ", output[j]);
            line.push_str(&pad(&cell, max_line_length[j - i], numeric));
        }
        let j = max - 1;
        if numeric {
            line.push_str(&pad(
                &output[j],
                max_line_length[j - i] - separator_space,
                true,
            ));
        } else {
            line.push_str(&output[j]);
        }
        grouped.push(line);
    }
    if has_more {
        grouped.push(output[output_length].clone());
    }
    grouped
}

/// `text` padded with spaces to `width` chars, at the start (`start`) or the end.
fn pad(text: &str, width: usize, start: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(text.chars().count()));
    if start {
        format!("{fill}{text}")
    } else {
        format!("{text}{fill}")
    }
}
