//! 22.2 RegExp (Regular Expression) Objects (sec-regexp-regular-expression-objects): the
//! abstract operations for RegExp creation (22.2.3), the RegExp constructor (22.2.4) and
//! its properties (22.2.5), %RegExp.prototype% (22.2.6) with the Symbol methods that
//! String.prototype.match / matchAll / replace / search / split defer to, RegExpExec and
//! RegExpBuiltinExec (22.2.7), and the Annex B method `compile` (B.2.4.1).
//! %RegExpStringIteratorPrototype% (22.2.9) is in `regexp_string_iterator.rs`.
//!
//! ## The matcher
//!
//! The spec's Pattern Semantics (22.2.2) compile a Pattern into a Matcher; here the
//! `regress` crate does (ParsePattern's early errors are checked first by our own parser,
//! `syntax::regexp::parse_pattern`, which also gives each capture group's name). The input
//! is the String's UTF-16 code units: with `u` or `v` regress reads them as code points
//! (surrogate pairs combined, lone surrogates as themselves: StringToCodePoints), without
//! them as code units (UCS-2), so that every index it reports is already a code-unit index
//! (GetStringIndex needs no conversion). Without `u`/`v` the pattern too is handed to
//! regress as code units, each a "BMP code point" as RegExpInitialize step 12 says.
//!
//! regress searches forward from a start index, trying the matcher at each position and
//! advancing one character (a code point with `u`/`v`, else a code unit) after a failure:
//! exactly the loop of RegExpBuiltinExec step 13 for a non-sticky RegExp. For a sticky one
//! the match must start at lastIndex: the leftmost match at or after lastIndex starts there
//! exactly when there is one there, so the search's first match is taken only if it does.
//!
//! A compiled matcher is immutable, so matchers are kept in a small per-thread cache keyed
//! by pattern and flags: evaluating a RegularExpressionLiteral in a loop creates a new
//! RegExp object each time (as 13.2.7.3 requires) without recompiling the pattern. No
//! program can tell.

use super::helpers::{define_accessor, define_constructor, define_method};
use super::string::operations::{code_point_at, get_substitution, is_regexp};
use crate::spec::agents::Agent;
use crate::spec::array_exotic_objects::array_create;
use crate::spec::builtin_function_objects::{Behaviour, BuiltinCall};
use crate::spec::completion_record::JsResult;
use crate::spec::object_kinds::{InternalSlot, ObjectKind};
use crate::spec::object_type::{Object, PropertyKey};
use crate::spec::operations_on_objects::{
    call as call_function, construct, create_array_from_list, create_data_property_or_throw,
    define_property_or_throw, get, length_of_array_like, set, species_constructor,
};
use crate::spec::ordinary_object_internal_methods::{
    ordinary_create_from_constructor, ordinary_object_create, require_internal_slot,
};
use crate::spec::property_descriptor::PropertyDescriptor;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::string_type::JsString;
use crate::spec::testing_and_comparison::{is_callable, same_value};
use crate::spec::type_conversion::{
    to_boolean, to_integer_or_infinity, to_length, to_object, to_string, to_uint32,
};
use crate::spec::value::Value;
use boa_gc::{empty_trace, Finalize, Trace};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;

// ---------------------------------------------------------------------------------------
// The internal slots
// ---------------------------------------------------------------------------------------

/// A RegExp Record (22.2.3.3... "RegExp Records"), with what the matcher needs.
#[derive(Debug)]
pub struct RegExpRecord {
    pub ignore_case: bool,
    pub multiline: bool,
    pub dot_all: bool,
    pub unicode: bool,
    pub unicode_sets: bool,
    pub capturing_groups_count: usize,
}

/// [[RegExpRecord]] and [[RegExpMatcher]]: the compiled pattern and, for each capture
/// group, its CapturingGroupName (what "the ith capture of R was defined with a GroupName"
/// asks).
#[derive(Debug)]
pub struct RegExpMatcher {
    pub record: RegExpRecord,
    regex: regress::Regex,
    capture_names: Vec<Option<JsString>>,
    /// "R contains any GroupName".
    has_group_name: bool,
    /// The last search: in this String, from this index, the first match (if any).
    last_search: RefCell<Option<(JsString, usize, Option<regress::Match>)>>,
}

impl RegExpMatcher {
    /// The first match starting at `start` or after it (trying each character position in
    /// turn, as RegExpBuiltinExec's loop does), or `None`.
    ///
    /// The answer for the last search is remembered: when the next one is in the same
    /// String from an index between that search's start and its match, it has the same
    /// answer (every position in between was tried and failed). So the sticky RegExp of
    /// @@split, which is asked at every index q in turn, scans the String once between two
    /// separators instead of once per index. Matching is a pure function of the pattern,
    /// the String and the index, so no program can tell.
    fn first_match_from(
        &self,
        s: &JsString,
        start: usize,
        full_unicode: bool,
    ) -> Option<regress::Match> {
        if let Some((string, from, found)) = &*self.last_search.borrow() {
            let covered = match found {
                Some(m) => (*from..=m.start()).contains(&start),
                None => *from <= start,
            };
            if covered && JsString::ptr_eq(string, s) {
                return found.clone();
            }
        }
        let units = s.units();
        let found = if full_unicode {
            self.regex.find_from_utf16(units, start).next()
        } else {
            self.regex.find_from_ucs2(units, start).next()
        };
        *self.last_search.borrow_mut() = Some((s.clone(), start, found.clone()));
        found
    }
}

/// The internal slots of an initialized RegExp instance: [[OriginalSource]],
/// [[OriginalFlags]], [[RegExpRecord]] and [[RegExpMatcher]].
#[derive(Debug, Finalize)]
pub struct RegExpSlots {
    pub original_source: JsString,
    pub original_flags: JsString,
    pub matcher: Rc<RegExpMatcher>,
}

// SAFETY: strings and the compiled pattern only; no Gc pointer.
unsafe impl Trace for RegExpSlots {
    empty_trace!();
}

/// The slots of `o` when it is an initialized RegExp instance.
pub fn regexp_slots(o: &Object) -> Option<(JsString, JsString, Rc<RegExpMatcher>)> {
    match &o.data().kind {
        ObjectKind::RegExp(Some(slots)) => Some((
            slots.original_source.clone(),
            slots.original_flags.clone(),
            slots.matcher.clone(),
        )),
        _ => None,
    }
}

/// Whether `o` has a [[RegExpMatcher]] internal slot (initialized or not).
pub fn has_regexp_matcher(o: &Object) -> bool {
    matches!(o.data().kind, ObjectKind::RegExp(_))
}

/// The most matchers kept in the per-thread cache before it is emptied.
const MATCHER_CACHE_LIMIT: usize = 512;

/// (P, F) as code units → the matcher RegExpInitialize compiled for them.
type MatcherCache = FxHashMap<(Vec<u16>, Vec<u16>), Rc<RegExpMatcher>>;

thread_local! {
    static MATCHER_CACHE: RefCell<MatcherCache> = RefCell::new(FxHashMap::default());
}

/// Steps 5-21 of RegExpInitialize without the object: checks the flags F and parses the
/// pattern P (ParsePattern), then compiles it (CompilePattern). `Err` is the SyntaxError's
/// message.
fn compile_pattern(p: &JsString, f: &JsString) -> Result<Rc<RegExpMatcher>, String> {
    let key = (p.units().to_vec(), f.units().to_vec());
    if let Some(matcher) = MATCHER_CACHE.with(|cache| cache.borrow().get(&key).cloned()) {
        return Ok(matcher);
    }
    // 5. If F contains any code unit other than "d", "g", "i", "m", "s", "u", "v", or "y",
    //    or if F contains any code unit more than once, throw a SyntaxError exception.
    let flags = String::from_utf16(f.units()).map_err(|_| "invalid flags".to_string())?;
    let (u, v) = crate::syntax::regexp::check_flags(&flags)?;
    // 6. If F contains "i", let i be true; else let i be false.
    // 7. If F contains "m", let m be true; else let m be false.
    // 8. If F contains "s", let s be true; else let s be false.
    // 9. If F contains "u", let u be true; else let u be false.
    // 10. If F contains "v", let v be true; else let v be false.
    let (i, m, s) = (
        flags.contains('i'),
        flags.contains('m'),
        flags.contains('s'),
    );
    let pattern_text: Vec<u32> = if u || v {
        // 11. If u is true or v is true, then
        //     a. Let patternText be StringToCodePoints(P).
        char::decode_utf16(p.units().iter().copied())
            .map(|c| match c {
                Ok(c) => u32::from(c),
                Err(lone) => u32::from(lone.unpaired_surrogate()),
            })
            .collect()
    } else {
        // 12. Else,
        //     a. Let patternText be the result of interpreting each of P's 16-bit elements
        //        as a Unicode BMP code point. UTF-16 decoding is not applied to the
        //        elements.
        p.units().iter().map(|&unit| u32::from(unit)).collect()
    };
    // 13. Let parseResult be ParsePattern(patternText, u, v).
    // 14. If parseResult is a non-empty List of SyntaxError objects, throw a SyntaxError
    //     exception.
    let parsed = crate::syntax::regexp::parse_pattern(&pattern_text, u, v)?;
    let capture_names = &parsed.capture_names;
    // 15. Assert: parseResult is a Pattern Parse Node.
    // 18. Let capturingGroupsCount be CountLeftCapturingParensWithin(parseResult).
    // 19. Let rer be the RegExp Record { [[IgnoreCase]]: i, [[Multiline]]: m, [[DotAll]]:
    //     s, [[Unicode]]: u, [[UnicodeSets]]: v, [[CapturingGroupsCount]]:
    //     capturingGroupsCount }.
    let record = RegExpRecord {
        ignore_case: i,
        multiline: m,
        dot_all: s,
        unicode: u,
        unicode_sets: v,
        capturing_groups_count: capture_names.len(),
    };
    // 21. Set obj.[[RegExpMatcher]] to CompilePattern of parseResult with argument rer.
    let regress_flags = regress::Flags {
        icase: i,
        multiline: m,
        dot_all: s,
        unicode: u || v,
        unicode_sets: v,
        no_opt: false,
    };
    let mut regress_text = unname_groups(&pattern_text, &parsed);
    if !(u || v) {
        regress_text = non_unicode_escapes(&regress_text);
    }
    let regex =
        regress::Regex::from_unicode(regress_text.iter().copied(), regress_flags).map_err(|e| {
            format!(
                "{e} (the pattern passed ECMAScript's grammar, but the matcher cannot compile it)"
            )
        })?;
    let has_group_name = capture_names.iter().any(Option::is_some);
    let capture_names = parsed
        .capture_names
        .into_iter()
        .map(|name| {
            name.map(|code_points| {
                let mut units = Vec::new();
                for cp in code_points {
                    match char::from_u32(cp) {
                        Some(c) => {
                            let mut buffer = [0u16; 2];
                            units.extend_from_slice(c.encode_utf16(&mut buffer));
                        }
                        None => units.push(cp as u16),
                    }
                }
                JsString::from_vec(units)
            })
        })
        .collect();
    let matcher = Rc::new(RegExpMatcher {
        record,
        regex,
        capture_names,
        has_group_name,
        last_search: RefCell::new(None),
    });
    MATCHER_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= MATCHER_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, matcher.clone());
    });
    Ok(matcher)
}

/// The pattern as regress is given it: every named group made a plain capturing group (its
/// `?<name>` removed: it keeps its index) and every `\k<name>` replaced by `(?:\i\j…)`,
/// the back references to each group of that name. The names are ours (RegExpBuiltinExec
/// reads them from the parse), so regress never sees one: it rejects surrogate pairs in the
/// names of a non-unicode pattern (given to it as code units) and mismatches `\k` to a
/// duplicated name. Groups sharing a name can never both participate (the early error
/// about duplicate names), and a back reference to a group that did not participate
/// matches the empty String (BackreferenceMatcher), so the concatenation matches exactly
/// what the one participating group captured, as the spec's `\k<name>` does.
fn unname_groups(text: &[u32], parsed: &crate::syntax::regexp::ParsedPattern) -> Vec<u32> {
    if parsed.group_name_spans.is_empty() && parsed.references.is_empty() {
        return text.to_vec();
    }
    let mut edits: Vec<(usize, usize, Option<&[u32]>)> = parsed
        .group_name_spans
        .iter()
        .map(|&(start, end)| (start, end, None))
        .chain(
            parsed
                .references
                .iter()
                .map(|(start, end, name)| (*start, *end, Some(name.as_slice()))),
        )
        .collect();
    edits.sort_by_key(|edit| edit.0);
    let mut out = Vec::with_capacity(text.len());
    let mut at = 0;
    for (start, end, reference) in edits {
        out.extend_from_slice(&text[at..start]);
        if let Some(name) = reference {
            out.extend("(?:".chars().map(u32::from));
            for (i, group) in parsed.capture_names.iter().enumerate() {
                if group.as_deref() == Some(name) {
                    out.push(u32::from('\\'));
                    out.extend((i + 1).to_string().chars().map(u32::from));
                }
            }
            out.push(u32::from(')'));
        }
        at = end;
    }
    out.extend_from_slice(&text[at..]);
    out
}

/// For a pattern without `u`/`v`, the escapes regress reads as it would with `u`, rewritten
/// to what they mean without it: `\uXXXX\uYYYY` naming a surrogate pair is two characters
/// (RegExpUnicodeEscapeSequence combines the pair only in [UnicodeMode]), so the lead
/// surrogate is given as the code unit itself (regress does not combine those); and `\u`
/// not followed by four hex digits is the IdentityEscape `u` (B.1.2), so `\u{61}` is `u`
/// repeated 61 times, not `a`.
fn non_unicode_escapes(text: &[u32]) -> Vec<u32> {
    let hex4 = |at: usize| -> Option<u32> {
        let digits = text.get(at..at + 4)?;
        digits.iter().try_fold(0u32, |value, &c| {
            Some(value * 16 + char::from_u32(c)?.to_digit(16)?)
        })
    };
    let backslash = u32::from('\\');
    let u = u32::from('u');
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] != backslash || i + 1 >= text.len() {
            out.push(text[i]);
            i += 1;
            continue;
        }
        if text[i + 1] == u {
            match hex4(i + 2) {
                Some(lead @ 0xD800..=0xDBFF)
                    if text.get(i + 6) == Some(&backslash)
                        && text.get(i + 7) == Some(&u)
                        && matches!(hex4(i + 8), Some(0xDC00..=0xDFFF)) =>
                {
                    out.push(lead);
                    i += 6;
                    continue;
                }
                Some(_) => {}
                None => {
                    out.push(u);
                    i += 2;
                    continue;
                }
            }
        }
        // Any other escape: `\` and the character it escapes, as they are.
        out.push(text[i]);
        out.push(text[i + 1]);
        i += 2;
    }
    out
}

// ---------------------------------------------------------------------------------------
// 22.2.3 Abstract Operations for RegExp Creation
// ---------------------------------------------------------------------------------------

/// RegExpCreate ( P, F ) (22.2.3.1).
pub fn regexp_create(agent: &mut Agent, p: &Value, f: &Value) -> JsResult<Object> {
    // 1. Let obj be ! RegExpAlloc(%RegExp%).
    let regexp = agent.intrinsic(Intrinsic::RegExp);
    let obj = regexp_alloc(agent, &regexp)?;
    // 2. Return ? RegExpInitialize(obj, P, F).
    regexp_initialize(agent, &obj, p, f)
}

/// RegExpAlloc ( newTarget ) (22.2.3.2).
pub fn regexp_alloc(agent: &mut Agent, new_target: &Object) -> JsResult<Object> {
    // 1. Let obj be ? OrdinaryCreateFromConstructor(newTarget, "%RegExp.prototype%", «
    //    [[OriginalSource]], [[OriginalFlags]], [[RegExpRecord]], [[RegExpMatcher]] »).
    let obj = ordinary_create_from_constructor(
        agent,
        new_target,
        Intrinsic::RegExpPrototype,
        ObjectKind::RegExp(None),
    )?;
    // 2. Perform ! DefinePropertyOrThrow(obj, "lastIndex", PropertyDescriptor {
    //    [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: false }).
    let desc = PropertyDescriptor {
        writable: Some(true),
        enumerable: Some(false),
        configurable: Some(false),
        ..Default::default()
    };
    define_property_or_throw(agent, &obj, &"lastIndex".into(), desc)?;
    // 3. Return obj.
    Ok(obj)
}

/// RegExpInitialize ( obj, pattern, flags ) (22.2.3.3).
pub fn regexp_initialize(
    agent: &mut Agent,
    obj: &Object,
    pattern: &Value,
    flags: &Value,
) -> JsResult<Object> {
    // 1. If pattern is undefined, let P be the empty String.
    // 2. Else, let P be ? ToString(pattern).
    let p = if pattern.is_undefined() {
        JsString::default()
    } else {
        to_string(agent, pattern)?
    };
    // 3. If flags is undefined, let F be the empty String.
    // 4. Else, let F be ? ToString(flags).
    let f = if flags.is_undefined() {
        JsString::default()
    } else {
        to_string(agent, flags)?
    };
    // 5.-15., 18.-21. (compile_pattern)
    let matcher = match compile_pattern(&p, &f) {
        Ok(matcher) => matcher,
        Err(message) => {
            return Err(agent.syntax_error(&format!(
                "Invalid regular expression: /{}/{}: {message}",
                shortened(&p),
                shortened(&f)
            )))
        }
    };
    // 16. Set obj.[[OriginalSource]] to P.
    // 17. Set obj.[[OriginalFlags]] to F.
    // 20. Set obj.[[RegExpRecord]] to rer.
    // 21. Set obj.[[RegExpMatcher]] to CompilePattern of parseResult with argument rer.
    obj.data_mut().kind = ObjectKind::RegExp(Some(Box::new(RegExpSlots {
        original_source: p,
        original_flags: f,
        matcher,
    })));
    // 22. Perform ? Set(obj, "lastIndex", +0𝔽, true).
    set(agent, obj, &"lastIndex".into(), Value::Number(0.0), true)?;
    // 23. Return obj.
    Ok(obj.clone())
}

/// `s` for an error message: its first 80 characters, then "…" if there are more.
fn shortened(s: &JsString) -> String {
    const SHOWN: usize = 80;
    let text = s.to_rust_string();
    match text.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// EscapeRegExpPattern ( P, F ) (22.2.6.13.1): `/` and line terminators escaped, so that
/// "/" + source + "/" + flags parses back to an equivalent literal; "(?:)" for "".
pub fn escape_regexp_pattern(p: &JsString) -> JsString {
    if p.is_empty() {
        return JsString::from("(?:)");
    }
    let mut out: Vec<u16> = Vec::with_capacity(p.len());
    let units = p.units();
    let mut in_class = false;
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        match u {
            0x5C => {
                // `\` and the code unit it escapes stay as they are (an escaped line
                // terminator becomes an escape sequence).
                out.push(u);
                if let Some(&next) = units.get(i + 1) {
                    match next {
                        0x0A => out.extend("n".encode_utf16()),
                        0x0D => out.extend("r".encode_utf16()),
                        0x2028 => out.extend("u2028".encode_utf16()),
                        0x2029 => out.extend("u2029".encode_utf16()),
                        _ => out.push(next),
                    }
                    i += 1;
                }
            }
            0x2F if !in_class => out.extend("\\/".encode_utf16()),
            0x5B => {
                in_class = true;
                out.push(u);
            }
            0x5D => {
                in_class = false;
                out.push(u);
            }
            0x0A => out.extend("\\n".encode_utf16()),
            0x0D => out.extend("\\r".encode_utf16()),
            0x2028 => out.extend("\\u2028".encode_utf16()),
            0x2029 => out.extend("\\u2029".encode_utf16()),
            _ => out.push(u),
        }
        i += 1;
    }
    JsString::from_vec(out)
}

// ---------------------------------------------------------------------------------------
// 22.2.4 The RegExp Constructor
// ---------------------------------------------------------------------------------------

/// RegExp ( pattern, flags ) (22.2.4.1).
fn regexp_constructor(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    let pattern = call.arg(0);
    let flags = call.arg(1);
    // 1. Let patternIsRegExp be ? IsRegExp(pattern).
    let pattern_is_regexp = is_regexp(agent, &pattern)?;
    let new_target = match call.new_target {
        // 2. If NewTarget is undefined, then
        None => {
            // a. Let newTarget be the active function object.
            let new_target = call.callee.clone();
            // b. If patternIsRegExp is true and flags is undefined, then
            if pattern_is_regexp && flags.is_undefined() {
                // i. Let patternConstructor be ? Get(pattern, "constructor").
                let Value::Object(pattern_object) = &pattern else {
                    unreachable!("IsRegExp is true only for an Object");
                };
                let pattern_constructor = get(agent, pattern_object, &"constructor".into())?;
                // ii. If SameValue(newTarget, patternConstructor) is true, return pattern.
                if same_value(&Value::Object(new_target.clone()), &pattern_constructor) {
                    return Ok(pattern);
                }
            }
            new_target
        }
        // 3. Else,
        //    a. Let newTarget be NewTarget.
        Some(new_target) => new_target.clone(),
    };
    let slots = match &pattern {
        Value::Object(o) => regexp_slots(o),
        _ => None,
    };
    let (p, f) = if let Some((source, original_flags, _)) = slots {
        // 4. If pattern is an Object and pattern has a [[RegExpMatcher]] internal slot, then
        //    a. Let P be pattern.[[OriginalSource]].
        //    b. If flags is undefined, let F be pattern.[[OriginalFlags]].
        //    c. Else, let F be flags.
        let f = if flags.is_undefined() {
            Value::String(original_flags)
        } else {
            flags
        };
        (Value::String(source), f)
    } else if pattern_is_regexp {
        // 5. Else if patternIsRegExp is true, then
        let Value::Object(pattern_object) = &pattern else {
            unreachable!("IsRegExp is true only for an Object");
        };
        //    a. Let P be ? Get(pattern, "source").
        let p = get(agent, pattern_object, &"source".into())?;
        //    b. If flags is undefined, then
        //       i. Let F be ? Get(pattern, "flags").
        //    c. Else,
        //       i. Let F be flags.
        let f = if flags.is_undefined() {
            get(agent, pattern_object, &"flags".into())?
        } else {
            flags
        };
        (p, f)
    } else {
        // 6. Else,
        //    a. Let P be pattern.
        //    b. Let F be flags.
        (pattern, flags)
    };
    // 7. Let O be ? RegExpAlloc(newTarget).
    let o = regexp_alloc(agent, &new_target)?;
    // 8. Return ? RegExpInitialize(O, P, F).
    Ok(Value::Object(regexp_initialize(agent, &o, &p, &f)?))
}

/// get RegExp [ %Symbol.species% ] (22.2.5.2).
fn get_species(_agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Return the this value.
    Ok(call.this.clone())
}

// ---------------------------------------------------------------------------------------
// 22.2.6 Properties of the RegExp Prototype Object
// ---------------------------------------------------------------------------------------

/// "If R is not an Object, throw a TypeError exception."
fn this_object(agent: &mut Agent, call: &BuiltinCall, method: &str) -> JsResult<Object> {
    match call.this {
        Value::Object(o) => Ok(o.clone()),
        _ => Err(agent.type_error(&format!("RegExp.prototype.{method} called on a non-object"))),
    }
}

/// RegExp.prototype.exec ( string ) (22.2.6.2).
fn exec(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let R be the this value.
    // 2. Perform ? RequireInternalSlot(R, [[RegExpMatcher]]).
    let r = require_internal_slot(
        agent,
        call.this,
        InternalSlot::RegExpMatcher,
        "RegExp.prototype.exec",
    )?;
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, &call.arg(0))?;
    // 4. Return ? RegExpBuiltinExec(R, S).
    regexp_builtin_exec(agent, &r, &s)
}

/// get RegExp.prototype.flags (22.2.6.4).
fn get_flags(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let R be the this value.
    // 2. If R is not an Object, throw a TypeError exception.
    let r = this_object(agent, call, "flags")?;
    // 3. Let codeUnits be a new empty List.
    let mut code_units = String::new();
    // 4. Let hasIndices be ToBoolean(? Get(R, "hasIndices")).
    // 5. If hasIndices is true, append the code unit 0x0064 (LATIN SMALL LETTER D) to
    //    codeUnits.
    // 6.-17. The same for "global" (g), "ignoreCase" (i), "multiline" (m), "dotAll" (s),
    //    "unicode" (u), "unicodeSets" (v) and "sticky" (y), in this order.
    for (name, flag) in [
        ("hasIndices", 'd'),
        ("global", 'g'),
        ("ignoreCase", 'i'),
        ("multiline", 'm'),
        ("dotAll", 's'),
        ("unicode", 'u'),
        ("unicodeSets", 'v'),
        ("sticky", 'y'),
    ] {
        let value = get(agent, &r, &name.into())?;
        if to_boolean(&value) {
            code_units.push(flag);
        }
    }
    // 18. Return the String value whose code units are the elements of the List
    //     codeUnits. If codeUnits has no elements, the empty String is returned.
    Ok(Value::string(&code_units))
}

/// RegExpHasFlag ( R, codeUnit ) (22.2.6.4.1).
fn regexp_has_flag(agent: &mut Agent, r: &Value, code_unit: char, name: &str) -> JsResult<Value> {
    // 1. If R is not an Object, throw a TypeError exception.
    let Value::Object(r) = r else {
        return Err(agent.type_error(&format!(
            "RegExp.prototype.{name} getter called on a non-object"
        )));
    };
    // 2. If R does not have an [[OriginalFlags]] internal slot, then
    let Some((_, flags, _)) = regexp_slots(r) else {
        // a. If SameValue(R, %RegExp.prototype%) is true, return undefined.
        if *r == agent.intrinsic(Intrinsic::RegExpPrototype) {
            return Ok(Value::Undefined);
        }
        // b. Otherwise, throw a TypeError exception.
        return Err(agent.type_error(&format!(
            "RegExp.prototype.{name} getter called on an object that is not a RegExp"
        )));
    };
    // 3. Let flags be R.[[OriginalFlags]].
    // 4. If flags contains codeUnit, return true.
    // 5. Return false.
    Ok(Value::Boolean(flags.units().contains(&(code_unit as u16))))
}

macro_rules! flag_getters {
    ($($(#[$doc:meta])* $fn_name:ident => $flag:literal, $name:literal;)*) => {
        $(
            $(#[$doc])*
            fn $fn_name(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
                // 1. Let R be the this value.
                // 2. Let cu be the code unit of the flag.
                // 3. Return ? RegExpHasFlag(R, cu).
                regexp_has_flag(agent, call.this, $flag, $name)
            }
        )*
    };
}

flag_getters! {
    /// get RegExp.prototype.dotAll (22.2.6.3).
    get_dot_all => 's', "dotAll";
    /// get RegExp.prototype.global (22.2.6.5).
    get_global => 'g', "global";
    /// get RegExp.prototype.hasIndices (22.2.6.6).
    get_has_indices => 'd', "hasIndices";
    /// get RegExp.prototype.ignoreCase (22.2.6.7).
    get_ignore_case => 'i', "ignoreCase";
    /// get RegExp.prototype.multiline (22.2.6.10).
    get_multiline => 'm', "multiline";
    /// get RegExp.prototype.sticky (22.2.6.15).
    get_sticky => 'y', "sticky";
    /// get RegExp.prototype.unicode (22.2.6.18).
    get_unicode => 'u', "unicode";
    /// get RegExp.prototype.unicodeSets (22.2.6.19).
    get_unicode_sets => 'v', "unicodeSets";
}

/// get RegExp.prototype.source (22.2.6.13).
fn get_source(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let R be the this value.
    // 2. If R is not an Object, throw a TypeError exception.
    let r = this_object(agent, call, "source")?;
    // 3. If R does not have an [[OriginalSource]] internal slot, then
    let Some((src, _flags, _)) = regexp_slots(&r) else {
        // a. If SameValue(R, %RegExp.prototype%) is true, return "(?:)".
        if r == agent.intrinsic(Intrinsic::RegExpPrototype) {
            return Ok(Value::string("(?:)"));
        }
        // b. Otherwise, throw a TypeError exception.
        return Err(agent.type_error(
            "RegExp.prototype.source getter called on an object that is not a RegExp",
        ));
    };
    // 4. Assert: R has an [[OriginalFlags]] internal slot.
    // 5. Let src be R.[[OriginalSource]].
    // 6. Let flags be R.[[OriginalFlags]].
    // 7. Return EscapeRegExpPattern(src, flags).
    Ok(Value::String(escape_regexp_pattern(&src)))
}

/// RegExp.prototype.test ( S ) (22.2.6.16).
fn test(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let R be the this value.
    // 2. If R is not an Object, throw a TypeError exception.
    let r = this_object(agent, call, "test")?;
    // 3. Let string be ? ToString(S).
    let string = to_string(agent, &call.arg(0))?;
    // 4. Let match be ? RegExpExec(R, string).
    let m = regexp_exec(agent, &r, &string)?;
    // 5. If match is not null, return true; else return false.
    Ok(Value::Boolean(!matches!(m, Value::Null)))
}

/// RegExp.prototype.toString ( ) (22.2.6.17).
fn to_string_method(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let R be the this value.
    // 2. If R is not an Object, throw a TypeError exception.
    let r = this_object(agent, call, "toString")?;
    // 3. Let pattern be ? ToString(? Get(R, "source")).
    let source = get(agent, &r, &"source".into())?;
    let pattern = to_string(agent, &source)?;
    // 4. Let flags be ? ToString(? Get(R, "flags")).
    let flags = get(agent, &r, &"flags".into())?;
    let flags = to_string(agent, &flags)?;
    // 5. Let result be the string-concatenation of "/", pattern, "/", and flags.
    let slash = JsString::from("/");
    // 6. Return result.
    Ok(Value::String(
        slash.concat(&pattern).concat(&slash).concat(&flags),
    ))
}

/// RegExp.prototype.compile ( pattern, flags ) (B.2.4.1).
fn compile(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[RegExpMatcher]]).
    let o = require_internal_slot(
        agent,
        call.this,
        InternalSlot::RegExpMatcher,
        "RegExp.prototype.compile",
    )?;
    let pattern = call.arg(0);
    let flags = call.arg(1);
    let slots = match &pattern {
        Value::Object(p) => regexp_slots(p),
        _ => None,
    };
    let (p, f) = if let Some((source, original_flags, _)) = slots {
        // 3. If pattern is an Object and pattern has a [[RegExpMatcher]] internal slot, then
        //    a. If flags is not undefined, throw a TypeError exception.
        if !flags.is_undefined() {
            return Err(agent.type_error(
                "RegExp.prototype.compile: flags must be undefined when the pattern is a RegExp",
            ));
        }
        //    b. Let P be pattern.[[OriginalSource]].
        //    c. Let F be pattern.[[OriginalFlags]].
        (Value::String(source), Value::String(original_flags))
    } else {
        // 4. Else,
        //    a. Let P be pattern.
        //    b. Let F be flags.
        (pattern, flags)
    };
    // 5. Return ? RegExpInitialize(O, P, F).
    Ok(Value::Object(regexp_initialize(agent, &o, &p, &f)?))
}

/// Reads "flags" as the Symbol methods do: ? ToString(? Get(rx, "flags")).
fn get_flags_string(agent: &mut Agent, rx: &Object) -> JsResult<JsString> {
    let flags = get(agent, rx, &"flags".into())?;
    to_string(agent, &flags)
}

fn contains(s: &JsString, c: char) -> bool {
    s.units().contains(&(c as u16))
}

/// ? ToString(? Get(result, "0")).
fn match_string(agent: &mut Agent, result: &Value) -> JsResult<JsString> {
    let result = to_object(agent, result)?;
    let matched = get(agent, &result, &"0".into())?;
    to_string(agent, &matched)
}

/// The steps the Symbol methods share after an empty match: "Let thisIndex be ℝ(?
/// ToLength(? Get(rx, "lastIndex"))). Let nextIndex be AdvanceStringIndex(S, thisIndex,
/// fullUnicode). Perform ? Set(rx, "lastIndex", 𝔽(nextIndex), true)."
pub fn advance_last_index(
    agent: &mut Agent,
    rx: &Object,
    s: &JsString,
    full_unicode: bool,
) -> JsResult<()> {
    let last_index = get(agent, rx, &"lastIndex".into())?;
    let this_index = to_length(agent, &last_index)?;
    let next_index = advance_string_index(s, this_index, full_unicode);
    set(
        agent,
        rx,
        &"lastIndex".into(),
        Value::Number(next_index as f64),
        true,
    )
}

/// RegExp.prototype [ %Symbol.match% ] ( string ) (22.2.6.8).
fn symbol_match(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let rx be the this value.
    // 2. If rx is not an Object, throw a TypeError exception.
    let rx = this_object(agent, call, "[Symbol.match]")?;
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, &call.arg(0))?;
    // 4. Let flags be ? ToString(? Get(rx, "flags")).
    let flags = get_flags_string(agent, &rx)?;
    // 5. If flags does not contain "g", then
    if !contains(&flags, 'g') {
        // a. Return ? RegExpExec(rx, S).
        return regexp_exec(agent, &rx, &s);
    }
    // 6. Else,
    //    a. If flags contains "u" or flags contains "v", let fullUnicode be true.
    //       Otherwise, let fullUnicode be false.
    let full_unicode = contains(&flags, 'u') || contains(&flags, 'v');
    //    b. Perform ? Set(rx, "lastIndex", +0𝔽, true).
    set(agent, &rx, &"lastIndex".into(), Value::Number(0.0), true)?;
    //    c. Let A be ! ArrayCreate(0).
    //    d. Let n be 0.
    let mut matches: Vec<Value> = Vec::new();
    //    e. Repeat,
    loop {
        agent.check_deadline()?;
        // i. Let result be ? RegExpExec(rx, S).
        let result = regexp_exec(agent, &rx, &s)?;
        // ii. If result is null, then
        if matches!(result, Value::Null) {
            // 1. If n = 0, return null.
            if matches.is_empty() {
                return Ok(Value::Null);
            }
            // 2. Return A.
            return Ok(Value::Object(create_array_from_list(agent, matches)));
        }
        // iii. Else,
        //      1. Let matchStr be ? ToString(? Get(result, "0")).
        let match_str = match_string(agent, &result)?;
        //      3. If matchStr is the empty String, then
        //         a.-c. (advance lastIndex)
        let empty = match_str.is_empty();
        //      2. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(n)), matchStr).
        //      4. Set n to n + 1.
        matches.push(Value::String(match_str));
        if empty {
            advance_last_index(agent, &rx, &s, full_unicode)?;
        }
    }
}

/// RegExp.prototype [ %Symbol.matchAll% ] ( string ) (22.2.6.9).
fn symbol_match_all(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let R be the this value.
    // 2. If R is not an Object, throw a TypeError exception.
    let r = this_object(agent, call, "[Symbol.matchAll]")?;
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, &call.arg(0))?;
    // 4. Let C be ? SpeciesConstructor(R, %RegExp%).
    let default_constructor = agent.intrinsic(Intrinsic::RegExp);
    let c = species_constructor(agent, &r, &default_constructor)?;
    // 5. Let flags be ? ToString(? Get(R, "flags")).
    let flags = get_flags_string(agent, &r)?;
    // 6. Let matcher be ? Construct(C, « R, flags »).
    let matcher = construct(
        agent,
        &c,
        &[Value::Object(r.clone()), Value::String(flags.clone())],
        None,
    )?;
    // 7. Let lastIndex be ? ToLength(? Get(R, "lastIndex")).
    let last_index = get(agent, &r, &"lastIndex".into())?;
    let last_index = to_length(agent, &last_index)?;
    // 8. Perform ? Set(matcher, "lastIndex", lastIndex, true).
    set(
        agent,
        &matcher,
        &"lastIndex".into(),
        Value::Number(last_index as f64),
        true,
    )?;
    // 9. If flags contains "g", let global be true.
    // 10. Else, let global be false.
    let global = contains(&flags, 'g');
    // 11. If flags contains "u" or flags contains "v", let fullUnicode be true.
    // 12. Else, let fullUnicode be false.
    let full_unicode = contains(&flags, 'u') || contains(&flags, 'v');
    // 13. Return CreateRegExpStringIterator(matcher, S, global, fullUnicode).
    Ok(Value::Object(
        super::regexp_string_iterator::create_regexp_string_iterator(
            agent,
            matcher,
            s,
            global,
            full_unicode,
        ),
    ))
}

/// RegExp.prototype [ %Symbol.replace% ] ( string, replaceValue ) (22.2.6.11).
fn symbol_replace(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let rx be the this value.
    // 2. If rx is not an Object, throw a TypeError exception.
    let rx = this_object(agent, call, "[Symbol.replace]")?;
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, &call.arg(0))?;
    // 4. Let lengthS be the length of S.
    let length_s = s.len();
    // 5. Let functionalReplace be IsCallable(replaceValue).
    let mut replace_value = call.arg(1);
    let functional_replace = is_callable(&replace_value);
    // 6. If functionalReplace is false, then
    //    a. Set replaceValue to ? ToString(replaceValue).
    if !functional_replace {
        replace_value = Value::String(to_string(agent, &replace_value)?);
    }
    // 7. Let flags be ? ToString(? Get(rx, "flags")).
    let flags = get_flags_string(agent, &rx)?;
    // 8. If flags contains "g", let global be true. Otherwise, let global be false.
    let global = contains(&flags, 'g');
    // 9. If global is true, then
    //    a. If flags contains "u" or flags contains "v", let fullUnicode be true.
    //       Otherwise, let fullUnicode be false.
    let full_unicode = contains(&flags, 'u') || contains(&flags, 'v');
    if global {
        //    b. Perform ? Set(rx, "lastIndex", +0𝔽, true).
        set(agent, &rx, &"lastIndex".into(), Value::Number(0.0), true)?;
    }
    // 10. Let results be a new empty List.
    let mut results: Vec<Object> = Vec::new();
    // 11. Let done be false.
    // 12. Repeat, while done is false,
    loop {
        agent.check_deadline()?;
        // a. Let result be ? RegExpExec(rx, S).
        let result = regexp_exec(agent, &rx, &s)?;
        // b. If result is null, then
        //    i. Set done to true.
        let Value::Object(result) = result else {
            break;
        };
        // c. Else,
        //    i. Append result to results.
        results.push(result.clone());
        //    ii. If global is false, then
        //        1. Set done to true.
        if !global {
            break;
        }
        //    iii. Else,
        //         1. Let matchStr be ? ToString(? Get(result, "0")).
        let match_str = match_string(agent, &Value::Object(result))?;
        //         2. If matchStr is the empty String, then
        //            a.-c. (advance lastIndex)
        if match_str.is_empty() {
            advance_last_index(agent, &rx, &s, full_unicode)?;
        }
    }
    // 13. Let accumulatedResult be the empty String.
    let mut accumulated_result: Vec<u16> = Vec::new();
    // 14. Let nextSourcePosition be 0.
    let mut next_source_position: usize = 0;
    // 15. For each element result of results, do
    for result in results {
        agent.check_deadline()?;
        // a. Let resultLength be ? LengthOfArrayLike(result).
        let result_length = length_of_array_like(agent, &result)?;
        // b. Let nCaptures be max(resultLength - 1, 0).
        let n_captures = result_length.saturating_sub(1);
        // c. Let matched be ? ToString(? Get(result, "0")).
        let matched = get(agent, &result, &"0".into())?;
        let matched = to_string(agent, &matched)?;
        // d. Let matchLength be the length of matched.
        let match_length = matched.len();
        // e. Let position be ? ToIntegerOrInfinity(? Get(result, "index")).
        let position = get(agent, &result, &"index".into())?;
        let position = to_integer_or_infinity(agent, &position)?;
        // f. Set position to the result of clamping position between 0 and lengthS.
        let position = position.max(0.0).min(length_s as f64) as usize;
        // g. Let captures be a new empty List.
        let mut captures: Vec<Value> = Vec::new();
        // h. Let n be 1.
        // i. Repeat, while n ≤ nCaptures,
        let mut n: u64 = 1;
        while n <= n_captures {
            // i. Let capN be ? Get(result, ! ToString(𝔽(n))).
            let cap_n = get(
                agent,
                &result,
                &crate::spec::operations_on_objects::index_key(n),
            )?;
            // ii. If capN is not undefined, then
            //     1. Set capN to ? ToString(capN).
            let cap_n = if cap_n.is_undefined() {
                cap_n
            } else {
                Value::String(to_string(agent, &cap_n)?)
            };
            // iii. Append capN to captures.
            captures.push(cap_n);
            // v. Set n to n + 1.
            n += 1;
        }
        // j. Let namedCaptures be ? Get(result, "groups").
        let mut named_captures = get(agent, &result, &"groups".into())?;
        let replacement = if functional_replace {
            // k. If functionalReplace is true, then
            //    i. Let replacerArgs be the list-concatenation of « matched », captures,
            //       and « 𝔽(position), S ».
            let mut replacer_args = vec![Value::String(matched.clone())];
            replacer_args.extend(captures);
            replacer_args.push(Value::Number(position as f64));
            replacer_args.push(Value::String(s.clone()));
            //    ii. If namedCaptures is not undefined, then
            //        1. Append namedCaptures to replacerArgs.
            if !named_captures.is_undefined() {
                replacer_args.push(named_captures);
            }
            //    iii. Let replacementValue be ? Call(replaceValue, undefined,
            //         replacerArgs).
            let replacement_value =
                call_function(agent, &replace_value, &Value::Undefined, &replacer_args)?;
            //    iv. Let replacement be ? ToString(replacementValue).
            to_string(agent, &replacement_value)?
        } else {
            // l. Else,
            //    i. If namedCaptures is not undefined, then
            //       1. Set namedCaptures to ? ToObject(namedCaptures).
            if !named_captures.is_undefined() {
                named_captures = Value::Object(to_object(agent, &named_captures)?);
            }
            //    ii. Let replacement be ? GetSubstitution(matched, S, position, captures,
            //        namedCaptures, replaceValue).
            let Value::String(template) = &replace_value else {
                unreachable!("replaceValue was converted by step 6");
            };
            get_substitution(
                agent,
                &matched,
                &s,
                position,
                &captures,
                &named_captures,
                template,
            )?
        };
        // m. If position ≥ nextSourcePosition, then
        if position >= next_source_position {
            // i. NOTE: position should not normally move backwards. ...
            // ii. Set accumulatedResult to the string-concatenation of accumulatedResult,
            //     the substring of S from nextSourcePosition to position, and replacement.
            accumulated_result.extend_from_slice(&s.units()[next_source_position..position]);
            accumulated_result.extend_from_slice(replacement.units());
            // iii. Set nextSourcePosition to position + matchLength.
            next_source_position = position + match_length;
        }
    }
    // 16. If nextSourcePosition ≥ lengthS, return accumulatedResult.
    // 17. Return the string-concatenation of accumulatedResult and the substring of S from
    //     nextSourcePosition.
    if next_source_position < length_s {
        accumulated_result.extend_from_slice(&s.units()[next_source_position..]);
    }
    Ok(Value::String(JsString::from_vec(accumulated_result)))
}

/// RegExp.prototype [ %Symbol.search% ] ( string ) (22.2.6.12).
fn symbol_search(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let rx be the this value.
    // 2. If rx is not an Object, throw a TypeError exception.
    let rx = this_object(agent, call, "[Symbol.search]")?;
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, &call.arg(0))?;
    // 4. Let previousLastIndex be ? Get(rx, "lastIndex").
    let previous_last_index = get(agent, &rx, &"lastIndex".into())?;
    // 5. If SameValue(previousLastIndex, +0𝔽) is false, then
    if !same_value(&previous_last_index, &Value::Number(0.0)) {
        // a. Perform ? Set(rx, "lastIndex", +0𝔽, true).
        set(agent, &rx, &"lastIndex".into(), Value::Number(0.0), true)?;
    }
    // 6. Let result be ? RegExpExec(rx, S).
    let result = regexp_exec(agent, &rx, &s)?;
    // 7. Let currentLastIndex be ? Get(rx, "lastIndex").
    let current_last_index = get(agent, &rx, &"lastIndex".into())?;
    // 8. If SameValue(currentLastIndex, previousLastIndex) is false, then
    if !same_value(&current_last_index, &previous_last_index) {
        // a. Perform ? Set(rx, "lastIndex", previousLastIndex, true).
        set(agent, &rx, &"lastIndex".into(), previous_last_index, true)?;
    }
    // 9. If result is null, return -1𝔽.
    // 10. Return ? Get(result, "index").
    match result {
        Value::Object(result) => get(agent, &result, &"index".into()),
        _ => Ok(Value::Number(-1.0)),
    }
}

/// RegExp.prototype [ %Symbol.split% ] ( string, limit ) (22.2.6.14).
fn symbol_split(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. Let rx be the this value.
    // 2. If rx is not an Object, throw a TypeError exception.
    let rx = this_object(agent, call, "[Symbol.split]")?;
    // 3. Let S be ? ToString(string).
    let s = to_string(agent, &call.arg(0))?;
    // 4. Let C be ? SpeciesConstructor(rx, %RegExp%).
    let default_constructor = agent.intrinsic(Intrinsic::RegExp);
    let c = species_constructor(agent, &rx, &default_constructor)?;
    // 5. Let flags be ? ToString(? Get(rx, "flags")).
    let flags = get_flags_string(agent, &rx)?;
    // 6. If flags contains "u" or flags contains "v", let unicodeMatching be true.
    // 7. Else, let unicodeMatching be false.
    let unicode_matching = contains(&flags, 'u') || contains(&flags, 'v');
    // 8. If flags contains "y", let newFlags be flags.
    // 9. Else, let newFlags be the string-concatenation of flags and "y".
    let new_flags = if contains(&flags, 'y') {
        flags
    } else {
        flags.concat(&JsString::from("y"))
    };
    // 10. Let splitter be ? Construct(C, « rx, newFlags »).
    let splitter = construct(
        agent,
        &c,
        &[Value::Object(rx.clone()), Value::String(new_flags)],
        None,
    )?;
    // 11. Let A be ! ArrayCreate(0).
    let a = array_create(agent, 0, None)?;
    // 12. Let lengthA be 0.
    let mut length_a: u64 = 0;
    // 13. If limit is undefined, let lim be 2^32 - 1; else let lim be ℝ(? ToUint32(limit)).
    let limit = call.arg(1);
    let lim: u64 = if limit.is_undefined() {
        u64::from(u32::MAX)
    } else {
        u64::from(to_uint32(agent, &limit)?)
    };
    // 14. If lim = 0, return A.
    if lim == 0 {
        return Ok(Value::Object(a));
    }
    // 15. If S is the empty String, then
    if s.is_empty() {
        // a. Let z be ? RegExpExec(splitter, S).
        let z = regexp_exec(agent, &splitter, &s)?;
        // b. If z is not null, return A.
        if !matches!(z, Value::Null) {
            return Ok(Value::Object(a));
        }
        // c. Perform ! CreateDataPropertyOrThrow(A, "0", S).
        create_data_property_or_throw(agent, &a, &"0".into(), Value::String(s))?;
        // d. Return A.
        return Ok(Value::Object(a));
    }
    // 16. Let size be the length of S.
    let size = s.len();
    // 17. Let p be 0.
    let mut p: usize = 0;
    // 18. Let q be p.
    let mut q: usize = p;
    let index_key = crate::spec::operations_on_objects::index_key;
    // 19. Repeat, while q < size,
    while q < size {
        agent.check_deadline()?;
        // a. Perform ? Set(splitter, "lastIndex", 𝔽(q), true).
        set(
            agent,
            &splitter,
            &"lastIndex".into(),
            Value::Number(q as f64),
            true,
        )?;
        // b. Let z be ? RegExpExec(splitter, S).
        let z = regexp_exec(agent, &splitter, &s)?;
        // c. If z is null, then
        let Value::Object(z) = z else {
            // i. Set q to AdvanceStringIndex(S, q, unicodeMatching).
            q = advance_string_index(&s, q as u64, unicode_matching) as usize;
            continue;
        };
        // d. Else,
        //    i. Let e be ℝ(? ToLength(? Get(splitter, "lastIndex"))).
        let e = get(agent, &splitter, &"lastIndex".into())?;
        let e = to_length(agent, &e)?;
        //    ii. Set e to min(e, size).
        let e = e.min(size as u64) as usize;
        //    iii. If e = p, then
        if e == p {
            // 1. Set q to AdvanceStringIndex(S, q, unicodeMatching).
            q = advance_string_index(&s, q as u64, unicode_matching) as usize;
            continue;
        }
        //    iv. Else,
        //        1. Let T be the substring of S from p to q.
        let t = s.substring(p, q);
        //        2. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(lengthA)), T).
        create_data_property_or_throw(agent, &a, &index_key(length_a), Value::String(t))?;
        //        3. Set lengthA to lengthA + 1.
        length_a += 1;
        //        4. If lengthA = lim, return A.
        if length_a == lim {
            return Ok(Value::Object(a));
        }
        //        5. Set p to e.
        p = e;
        //        6. Let numberOfCaptures be ? LengthOfArrayLike(z).
        let number_of_captures = length_of_array_like(agent, &z)?;
        //        7. Set numberOfCaptures to max(numberOfCaptures - 1, 0).
        let number_of_captures = number_of_captures.saturating_sub(1);
        //        8. Let i be 1.
        //        9. Repeat, while i ≤ numberOfCaptures,
        let mut i: u64 = 1;
        while i <= number_of_captures {
            // a. Let nextCapture be ? Get(z, ! ToString(𝔽(i))).
            let next_capture = get(agent, &z, &index_key(i))?;
            // b. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(lengthA)),
            //    nextCapture).
            create_data_property_or_throw(agent, &a, &index_key(length_a), next_capture)?;
            // c. Set i to i + 1.
            i += 1;
            // d. Set lengthA to lengthA + 1.
            length_a += 1;
            // e. If lengthA = lim, return A.
            if length_a == lim {
                return Ok(Value::Object(a));
            }
        }
        //        10. Set q to p.
        q = p;
    }
    // 20. Let T be the substring of S from p to size.
    let t = s.substring(p, size);
    // 21. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(lengthA)), T).
    create_data_property_or_throw(agent, &a, &index_key(length_a), Value::String(t))?;
    // 22. Return A.
    Ok(Value::Object(a))
}

// ---------------------------------------------------------------------------------------
// 22.2.7 Abstract Operations for RegExp Matching
// ---------------------------------------------------------------------------------------

/// RegExpExec ( R, S ) (22.2.7.1).
pub fn regexp_exec(agent: &mut Agent, r: &Object, s: &JsString) -> JsResult<Value> {
    // 1. Let exec be ? Get(R, "exec").
    let exec = get(agent, r, &"exec".into())?;
    // 2. If IsCallable(exec) is true, then
    if is_callable(&exec) {
        // a. Let result be ? Call(exec, R, « S »).
        let result = call_function(
            agent,
            &exec,
            &Value::Object(r.clone()),
            &[Value::String(s.clone())],
        )?;
        // b. If result is not an Object and result is not null, throw a TypeError
        //    exception.
        if !result.is_object() && !matches!(result, Value::Null) {
            return Err(agent
                .type_error("RegExp exec method returned something other than an Object or null"));
        }
        // c. Return result.
        return Ok(result);
    }
    // 3. Perform ? RequireInternalSlot(R, [[RegExpMatcher]]).
    if !has_regexp_matcher(r) {
        return Err(agent.type_error(
            "RegExpExec called on an object that is not a RegExp and has no callable exec",
        ));
    }
    // 4. Return ? RegExpBuiltinExec(R, S).
    regexp_builtin_exec(agent, r, s)
}

/// RegExpBuiltinExec ( R, S ) (22.2.7.2).
pub fn regexp_builtin_exec(agent: &mut Agent, r: &Object, s: &JsString) -> JsResult<Value> {
    // 1. Let length be the length of S.
    let length = s.len();
    // 2. Let lastIndex be ℝ(? ToLength(! Get(R, "lastIndex"))).
    let last_index = get(agent, r, &"lastIndex".into())?;
    let mut last_index = to_length(agent, &last_index)?;
    let Some((_, flags, matcher)) = regexp_slots(r) else {
        return Err(agent.type_error("RegExp object is not initialized"));
    };
    // 3. Let flags be R.[[OriginalFlags]].
    // 4. If flags contains "g", let global be true; else let global be false.
    let global = contains(&flags, 'g');
    // 5. If flags contains "y", let sticky be true; else let sticky be false.
    let sticky = contains(&flags, 'y');
    // 6. If flags contains "d", let hasIndices be true; else let hasIndices be false.
    let has_indices = contains(&flags, 'd');
    // 7. If global is false and sticky is false, set lastIndex to 0.
    if !global && !sticky {
        last_index = 0;
    }
    // 8. Let matcher be R.[[RegExpMatcher]].
    // 9. If flags contains "u" or flags contains "v", let fullUnicode be true; else let
    //    fullUnicode be false.
    let full_unicode = contains(&flags, 'u') || contains(&flags, 'v');
    // 10. Let matchSucceeded be false.
    // 11. If fullUnicode is true, let input be StringToCodePoints(S). Otherwise, let input
    //     be a List whose elements are the code units that are the elements of S.
    // 12. NOTE: Each element of input is considered to be a character.
    let units = s.units();
    // 13. Repeat, while matchSucceeded is false,
    //     a. If lastIndex > length, then
    if last_index > length as u64 {
        // i. If global is true or sticky is true, then
        //    1. Perform ? Set(R, "lastIndex", +0𝔽, true).
        if global || sticky {
            set(agent, r, &"lastIndex".into(), Value::Number(0.0), true)?;
        }
        // ii. Return null.
        return Ok(Value::Null);
    }
    let mut last_index = last_index as usize;
    //     b. Let inputIndex be the index into input of the character that was obtained
    //        from element lastIndex of S. (With fullUnicode, an index inside a surrogate
    //        pair is that of the pair's code point, which starts one code unit before.)
    let input_index = if full_unicode
        && last_index > 0
        && last_index < length
        && (0xD800..=0xDBFF).contains(&units[last_index - 1])
        && (0xDC00..=0xDFFF).contains(&units[last_index])
    {
        last_index - 1
    } else {
        last_index
    };
    //     c. Let r be matcher(input, inputIndex).
    //     d. If r is failure, then
    //        i. If sticky is true, then
    //           1. Perform ? Set(R, "lastIndex", +0𝔽, true).
    //           2. Return null.
    //        ii. Set lastIndex to AdvanceStringIndex(S, lastIndex, fullUnicode).
    //     e. Else,
    //        i. Assert: r is a MatchState.
    //        ii. Set matchSucceeded to true.
    //     (regress's forward search is this loop: it tries the matcher at inputIndex, then
    //     one character further after each failure; see the module documentation.)
    let found = matcher.first_match_from(s, input_index, full_unicode);
    let found = match found {
        Some(m) if m.start() == input_index => Some(m),
        Some(m) if !sticky => {
            last_index = m.start();
            Some(m)
        }
        _ => None,
    };
    let Some(r_match) = found else {
        // The loop ends with lastIndex > length (a failure at every index) or a sticky
        // failure: both set lastIndex to 0 when global or sticky and return null.
        if global || sticky {
            set(agent, r, &"lastIndex".into(), Value::Number(0.0), true)?;
        }
        return Ok(Value::Null);
    };
    // 14. Let e be r.[[EndIndex]].
    // 15. If fullUnicode is true, set e to GetStringIndex(S, e). (regress's indices are
    //     code-unit indices already.)
    let e = r_match.end();
    // 16. If global is true or sticky is true, then
    //     a. Perform ? Set(R, "lastIndex", 𝔽(e), true).
    if global || sticky {
        set(agent, r, &"lastIndex".into(), Value::Number(e as f64), true)?;
    }
    // 17. Let n be the number of elements in r.[[Captures]].
    let n = r_match.captures.len();
    // 18. Assert: n = R.[[RegExpRecord]].[[CapturingGroupsCount]].
    debug_assert_eq!(n, matcher.record.capturing_groups_count);
    // 19. Assert: n < 2^32 - 1.
    // 20. Let A be ! ArrayCreate(n + 1).
    // 21. Assert: The mathematical value of A's "length" property is n + 1.
    let a = array_create(agent, n as u64 + 1, None)?;
    // 22. Perform ! CreateDataPropertyOrThrow(A, "index", 𝔽(lastIndex)).
    create_data_property_or_throw(agent, &a, &"index".into(), Value::Number(last_index as f64))?;
    // 23. Perform ! CreateDataPropertyOrThrow(A, "input", S).
    create_data_property_or_throw(agent, &a, &"input".into(), Value::String(s.clone()))?;
    // 24. Let match be the Match Record { [[StartIndex]]: lastIndex, [[EndIndex]]: e }.
    let match_record = (last_index, e.max(last_index));
    // 25. Let indices be a new empty List.
    // 26. Let groupNames be a new empty List.
    // 27. Append match to indices.
    let mut indices: Vec<Option<(usize, usize)>> = vec![Some(match_record)];
    let mut group_names: Vec<Option<JsString>> = Vec::new();
    // 28. Let matchedSubstr be GetMatchString(S, match).
    let matched_substr = s.substring(match_record.0, match_record.1);
    // 29. Perform ! CreateDataPropertyOrThrow(A, "0", matchedSubstr).
    create_data_property_or_throw(agent, &a, &"0".into(), Value::String(matched_substr))?;
    // 30. If R contains any GroupName, then
    //     a. Let groups be OrdinaryObjectCreate(null).
    //     b. Let hasGroups be true.
    // 31. Else,
    //     a. Let groups be undefined.
    //     b. Let hasGroups be false.
    let has_groups = matcher.has_group_name;
    let groups = has_groups.then(|| ordinary_object_create(None));
    // 32. Perform ! CreateDataPropertyOrThrow(A, "groups", groups).
    create_data_property_or_throw(
        agent,
        &a,
        &"groups".into(),
        groups.clone().map_or(Value::Undefined, Value::Object),
    )?;
    let mut matched_group_names: Vec<JsString> = Vec::new();
    // 33. For each integer i such that 1 ≤ i ≤ n, in ascending order, do
    for i in 1..=n {
        // a. Let captureI be ith element of r.[[Captures]].
        let capture_i = r_match.captures[i - 1].clone();
        let captured_value = match capture_i {
            // b. If captureI is undefined, then
            None => {
                // i. Let capturedValue be undefined.
                // ii. Append undefined to indices.
                indices.push(None);
                Value::Undefined
            }
            // c. Else,
            Some(range) => {
                // i. Let captureStart be captureI.[[StartIndex]].
                // ii. Let captureEnd be captureI.[[EndIndex]].
                // iii. If fullUnicode is true, then
                //      1. Set captureStart to GetStringIndex(S, captureStart).
                //      2. Set captureEnd to GetStringIndex(S, captureEnd).
                // iv. Let capture be the Match Record { [[StartIndex]]: captureStart,
                //     [[EndIndex]]: captureEnd }.
                let capture = (range.start, range.end.max(range.start));
                // v. Let capturedValue be GetMatchString(S, capture).
                // vi. Append capture to indices.
                indices.push(Some(capture));
                Value::String(s.substring(capture.0, capture.1))
            }
        };
        // d. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(i)), capturedValue).
        create_data_property_or_throw(
            agent,
            &a,
            &PropertyKey::from(i as u32),
            captured_value.clone(),
        )?;
        // e. If the ith capture of R was defined with a GroupName, then
        if let (Some(name), Some(groups)) = (&matcher.capture_names[i - 1], &groups) {
            // i. Let s be the CapturingGroupName of that GroupName.
            // ii. If matchedGroupNames contains s, then
            if matched_group_names.contains(name) {
                // 1. Assert: capturedValue is undefined.
                // 2. Append undefined to groupNames.
                group_names.push(None);
            } else {
                // iii. Else,
                //      1. If capturedValue is not undefined, append s to
                //         matchedGroupNames.
                if !captured_value.is_undefined() {
                    matched_group_names.push(name.clone());
                }
                //      2. NOTE: If there are multiple groups named s, groups may already
                //         have an s property at this point. ...
                //      3. Perform ! CreateDataPropertyOrThrow(groups, s, capturedValue).
                create_data_property_or_throw(
                    agent,
                    groups,
                    &PropertyKey::from_string(name.clone()),
                    captured_value,
                )?;
                //      4. Append s to groupNames.
                group_names.push(Some(name.clone()));
            }
        } else {
            // f. Else,
            //    i. Append undefined to groupNames.
            group_names.push(None);
        }
    }
    // 34. If hasIndices is true, then
    if has_indices {
        // a. Let indicesArray be MakeMatchIndicesIndexPairArray(S, indices, groupNames,
        //    hasGroups).
        let indices_array =
            make_match_indices_index_pair_array(agent, &indices, &group_names, has_groups)?;
        // b. Perform ! CreateDataPropertyOrThrow(A, "indices", indicesArray).
        create_data_property_or_throw(agent, &a, &"indices".into(), Value::Object(indices_array))?;
    }
    // 35. Return A.
    Ok(Value::Object(a))
}

/// AdvanceStringIndex ( S, index, unicode ) (22.2.7.3).
pub fn advance_string_index(s: &JsString, index: u64, unicode: bool) -> u64 {
    // 1. Assert: index ≤ 2^53 - 1.
    // 2. If unicode is false, return index + 1.
    if !unicode {
        return index + 1;
    }
    // 3. Let length be the length of S.
    let length = s.len() as u64;
    // 4. If index + 1 ≥ length, return index + 1.
    if index + 1 >= length {
        return index + 1;
    }
    // 5. Let cp be CodePointAt(S, index).
    let cp = code_point_at(s.units(), index as usize);
    // 6. Return index + cp.[[CodeUnitCount]].
    index + cp.code_unit_count as u64
}

/// MakeMatchIndicesIndexPairArray ( S, indices, groupNames, hasGroups ) (22.2.7.8).
fn make_match_indices_index_pair_array(
    agent: &mut Agent,
    indices: &[Option<(usize, usize)>],
    group_names: &[Option<JsString>],
    has_groups: bool,
) -> JsResult<Object> {
    // 1. Let n be the number of elements in indices.
    let n = indices.len();
    // 2. Assert: n < 2^32 - 1.
    // 3. Assert: groupNames has n - 1 elements.
    debug_assert_eq!(group_names.len() + 1, n);
    // 4. NOTE: The groupNames List contains elements aligned with the indices List starting
    //    at indices[1].
    // 5. Let A be ! ArrayCreate(n).
    let a = array_create(agent, n as u64, None)?;
    // 6. If hasGroups is true, then
    //    a. Let groups be OrdinaryObjectCreate(null).
    // 7. Else,
    //    a. Let groups be undefined.
    let groups = has_groups.then(|| ordinary_object_create(None));
    // 8. Perform ! CreateDataPropertyOrThrow(A, "groups", groups).
    create_data_property_or_throw(
        agent,
        &a,
        &"groups".into(),
        groups.clone().map_or(Value::Undefined, Value::Object),
    )?;
    // 9. For each integer i such that 0 ≤ i < n, in ascending order, do
    for (i, match_indices) in indices.iter().enumerate() {
        // a. Let matchIndices be indices[i].
        // b. If matchIndices is not undefined, then
        //    i. Let matchIndexPair be GetMatchIndexPair(S, matchIndices).
        // c. Else,
        //    i. Let matchIndexPair be undefined.
        let match_index_pair = match match_indices {
            Some(pair) => Value::Object(get_match_index_pair(agent, *pair)),
            None => Value::Undefined,
        };
        // d. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(i)), matchIndexPair).
        create_data_property_or_throw(
            agent,
            &a,
            &PropertyKey::from(i as u32),
            match_index_pair.clone(),
        )?;
        // e. If i > 0, then
        if i > 0 {
            // i. Let s be groupNames[i - 1].
            // ii. If s is not undefined, then
            if let Some(s) = &group_names[i - 1] {
                // 1. Assert: groups is not undefined.
                // 2. NOTE: If there are multiple groups named s, groups may already have
                //    an s property at this point. ...
                // 3. Perform ! CreateDataPropertyOrThrow(groups, s, matchIndexPair).
                if let Some(groups) = &groups {
                    create_data_property_or_throw(
                        agent,
                        groups,
                        &PropertyKey::from_string(s.clone()),
                        match_index_pair,
                    )?;
                }
            }
        }
    }
    // 10. Return A.
    Ok(a)
}

/// GetMatchIndexPair ( S, match ) (22.2.7.7).
fn get_match_index_pair(agent: &mut Agent, (start, end): (usize, usize)) -> Object {
    // 1. Assert: match.[[StartIndex]] ≤ match.[[EndIndex]] ≤ the length of S.
    // 2. Return CreateArrayFromList(« 𝔽(match.[[StartIndex]]), 𝔽(match.[[EndIndex]]) »).
    create_array_from_list(
        agent,
        vec![Value::Number(start as f64), Value::Number(end as f64)],
    )
}

// ---------------------------------------------------------------------------------------
// The realm's RegExp intrinsics
// ---------------------------------------------------------------------------------------

/// Creates %RegExp%, %RegExp.prototype% and %RegExpStringIteratorPrototype%.
pub fn create_regexp_intrinsics(agent: &mut Agent, realm: &Realm) {
    // 22.2.6: %RegExp.prototype% "is an ordinary object. It is not a RegExp instance and
    // does not have a [[RegExpMatcher]] internal slot or any of the other internal slots
    // of RegExp instance objects."
    let prototype = ordinary_object_create(Some(realm.intrinsic(Intrinsic::ObjectPrototype)));
    realm.set_intrinsic(Intrinsic::RegExpPrototype, prototype.clone());
    // 22.2.5: the RegExp constructor "has a "length" property whose value is 2𝔽."
    let regexp = define_constructor(
        agent,
        realm,
        Intrinsic::RegExp,
        "RegExp",
        2,
        regexp_constructor,
        &prototype,
        None,
    );
    let species = PropertyKey::Symbol(agent.well_known.species.clone());
    define_accessor(agent, &regexp, species, Some(get_species), None);

    let exec_fn = define_method(agent, &prototype, "exec", 1, exec);
    realm.set_intrinsic(Intrinsic::RegExpPrototypeExec, exec_fn);
    let methods: [(&str, u32, Behaviour); 3] = [
        ("test", 1, test),
        ("toString", 0, to_string_method),
        // B.2.4.1
        ("compile", 2, compile),
    ];
    for (name, length, behaviour) in methods {
        define_method(agent, &prototype, name, length, behaviour);
    }
    let symbol_methods: [(crate::spec::symbol_type::Symbol, u32, Behaviour); 5] = [
        (agent.well_known.match_.clone(), 1, symbol_match),
        (agent.well_known.match_all.clone(), 1, symbol_match_all),
        (agent.well_known.replace.clone(), 2, symbol_replace),
        (agent.well_known.search.clone(), 1, symbol_search),
        (agent.well_known.split.clone(), 2, symbol_split),
    ];
    for (symbol, length, behaviour) in symbol_methods {
        define_method(
            agent,
            &prototype,
            PropertyKey::Symbol(symbol),
            length,
            behaviour,
        );
    }
    let getters: [(&str, Behaviour); 10] = [
        ("dotAll", get_dot_all),
        ("flags", get_flags),
        ("global", get_global),
        ("hasIndices", get_has_indices),
        ("ignoreCase", get_ignore_case),
        ("multiline", get_multiline),
        ("source", get_source),
        ("sticky", get_sticky),
        ("unicode", get_unicode),
        ("unicodeSets", get_unicode_sets),
    ];
    for (name, getter) in getters {
        define_accessor(agent, &prototype, name, Some(getter), None);
    }
    super::regexp_string_iterator::create_regexp_string_iterator_prototype(agent, realm);
}
