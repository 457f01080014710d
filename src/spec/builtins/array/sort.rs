//! 23.1.3.30 Array.prototype.sort with SortIndexedProperties (23.1.3.30.1) and
//! CompareArrayElements (23.1.3.30.2), and 23.1.3.34 Array.prototype.toSorted.

use super::common::skip_holes_ascending;
use super::constructor::call_value;
use crate::spec::agents::Agent;
use crate::spec::array_exotic_objects::{array_create, ARRAY_METHODS};
use crate::spec::builtin_function_objects::BuiltinCall;
use crate::spec::completion_record::JsResult;
use crate::spec::ecmascript_function_objects::PreparedCall;
use crate::spec::object_type::{CallMethod, Object};
use crate::spec::operations_on_objects::{
    create_data_property_or_throw, delete_property_or_throw, get, has_property, index_key,
    length_of_array_like, set,
};
use crate::spec::ordinary_object_internal_methods::ORDINARY_METHODS;
use crate::spec::testing_and_comparison::is_callable;
use crate::spec::type_conversion::{to_number, to_object, to_string};
use crate::spec::value::Value;
use std::cmp::Ordering;

/// CompareArrayElements ( x, y, comparefn ) (23.1.3.30.2).
#[crate::trace::checks_tracing_once]
fn compare_array_elements(
    agent: &mut Agent,
    x: &Value,
    y: &Value,
    comparefn: &Value,
    comparator: Option<&(Object, CallMethod)>,
) -> JsResult<Ordering> {
    // (Untraced, one test skips steps 1-3 when neither x nor y is undefined.)
    if crate::trace::enabled() || x.is_undefined() || y.is_undefined() {
        // 1. If x and y are both undefined, return +0𝔽.
        crate::step!("sec-comparearrayelements", "1");
        if x.is_undefined() && y.is_undefined() {
            return Ok(Ordering::Equal);
        }
        // 2. If x is undefined, return 1𝔽.
        crate::step!("sec-comparearrayelements", "2");
        if x.is_undefined() {
            return Ok(Ordering::Greater);
        }
        // 3. If y is undefined, return -1𝔽.
        crate::step!("sec-comparearrayelements", "3");
        if y.is_undefined() {
            return Ok(Ordering::Less);
        }
    }
    // 4. If comparator is not undefined, then
    crate::step!("sec-comparearrayelements", "4");
    if !comparefn.is_undefined() {
        // a. Let v be ? ToNumber(? Call(comparator, undefined, « x, y »)).
        crate::step!("sec-comparearrayelements", "4.a");
        // (A Number result is its own ToNumber.)
        let arguments = [x.copied(), y.copied()];
        // (Untraced, Call's steps 1-3 for comparefn, callable since sort's step 1: its
        // [[Call]], found once per sort, is called directly; `comparator`.)
        let result = match comparator {
            Some((f, f_call)) if !crate::trace::enabled() => {
                f_call(agent, f, &Value::Undefined, &arguments)
            }
            _ => call_value(agent, comparefn, &Value::Undefined, &arguments),
        };
        let [x_argument, y_argument] = arguments;
        x_argument.discard();
        y_argument.discard();
        let result = result?;
        let v = match result {
            Value::Number(n) => n,
            result => to_number(agent, &result)?,
        };
        // b. If v is NaN, return +0𝔽.
        crate::step!("sec-comparearrayelements", "4.b");
        if v.is_nan() {
            return Ok(Ordering::Equal);
        }
        // c. Return v.
        crate::step!("sec-comparearrayelements", "4.c");
        return Ok(comparison_order(v));
    }
    // 5. Let xString be ? ToString(x).
    crate::step!("sec-comparearrayelements", "5");
    let x_string = to_string(agent, x)?;
    // 6. Let yString be ? ToString(y).
    crate::step!("sec-comparearrayelements", "6");
    let y_string = to_string(agent, y)?;
    // (IsLessThan of two Strings compares them code unit by code unit: one comparison
    // answers steps 7 and 9.)
    let order = x_string.units().cmp(y_string.units());
    // 7. Let xSmaller be ! IsLessThan(xString, yString, true).
    crate::step!("sec-comparearrayelements", "7");
    let x_smaller = order == Ordering::Less;
    // 8. If xSmaller is true, return -1𝔽.
    crate::step!("sec-comparearrayelements", "8");
    if x_smaller {
        return Ok(Ordering::Less);
    }
    // 9. Let ySmaller be ! IsLessThan(yString, xString, true).
    crate::step!("sec-comparearrayelements", "9");
    let y_smaller = order == Ordering::Greater;
    // 10. If ySmaller is true, return 1𝔽.
    crate::step!("sec-comparearrayelements", "10");
    if y_smaller {
        return Ok(Ordering::Greater);
    }
    // 11. Return +0𝔽.
    crate::step!("sec-comparearrayelements", "11");
    Ok(Ordering::Equal)
}

/// CompareArrayElements ( x, y, comparefn ) (23.1.3.30.2) when neither x nor y is
/// undefined (steps 1-3 do nothing) and comparefn is called through `prepared` (untraced):
/// step 4's ? Call(comparefn, undefined, « x, y ») and ToNumber (of a Number, itself), then
/// 4.b-c.
#[inline(always)]
fn compare_with_prepared_call(
    agent: &mut Agent,
    x: &Value,
    y: &Value,
    prepared: &mut PreparedCall,
) -> JsResult<Ordering> {
    let result = prepared.call(agent, [x, y]);
    // (PreparedCall::call removed calleeContext for any result but a Number.)
    let v = match result? {
        Value::Number(n) => n,
        result => to_number(agent, &result)?,
    };
    // (+0, -0 and NaN: step 4.b's +0𝔽 and 4.c's ±0 order alike.)
    Ok(comparison_order(v))
}

/// The order a comparator's result `v` (a Number, not NaN) stands for in a sort: before
/// when negative, after when positive, neither for +0 and -0 (and for NaN, which
/// CompareArrayElements 4.b and CompareTypedArrayElements make +0 first).
#[inline(always)]
pub fn comparison_order(v: f64) -> Ordering {
    if v < 0.0 {
        Ordering::Less
    } else if v > 0.0 {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

/// A stable merge sort whose comparator may throw: the first abrupt completion stops the
/// sort before any further comparison and is returned (SortIndexedProperties step 4).
/// (The runs hold the positions of the items, moved without touching the items; the
/// sequence of comparisons is that of merging the items themselves.)
/// (Generic over the comparison, which is inlined into the merge loop: memory only.)
pub fn merge_sort<T, F>(items: Vec<T>, compare: &mut F) -> JsResult<Vec<T>>
where
    F: FnMut(&T, &T) -> JsResult<Ordering> + ?Sized,
{
    let len = items.len();
    if len <= 1 {
        return Ok(items);
    }
    let mut source: Vec<usize> = (0..len).collect();
    let mut merged: Vec<usize> = Vec::with_capacity(len);
    let mut width = 1;
    while width < len {
        merged.clear();
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut i, mut j) = (start, middle);
            while i < middle && j < end {
                // Take from the right run only when it is strictly smaller: stability.
                if compare(&items[source[i]], &items[source[j]])? == Ordering::Greater {
                    merged.push(source[j]);
                    j += 1;
                } else {
                    merged.push(source[i]);
                    i += 1;
                }
            }
            merged.extend_from_slice(&source[i..middle]);
            merged.extend_from_slice(&source[j..end]);
            start = end;
        }
        std::mem::swap(&mut source, &mut merged);
        width *= 2;
    }
    // (Each position once: every item is moved to its place.)
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    Ok(source
        .into_iter()
        .filter_map(|position| slots.get_mut(position).and_then(Option::take))
        .collect())
}

/// SortIndexedProperties ( obj, len, SortCompare, holes ) (23.1.3.30.1), with SortCompare
/// the closure of sort / toSorted: CompareArrayElements with comparefn.
fn sort_indexed_properties(
    agent: &mut Agent,
    obj: &Object,
    len: u64,
    comparefn: &Value,
    skip_holes: bool,
) -> JsResult<Vec<Value>> {
    // 1. Let items be a new empty List.
    crate::step!("sec-sortindexedproperties", "1");
    let mut items = Vec::new();
    // 2. Let k be 0.
    crate::step!("sec-sortindexedproperties", "2");
    let mut k = 0;
    // 3. Repeat, while k < len,
    crate::step!("sec-sortindexedproperties", "3");
    // (Untraced, an ordinary object or Array whose indices 0 to len - 1 are all elements
    // — own data properties, no holes: each HasProperty finds the own property and
    // returns true, each Get returns its [[Value]], no prototype is consulted and no code
    // runs; the values are read at once. docs/ARCHITECTURE.md, "Sort".)
    if !crate::trace::enabled() && has_ordinary_own_lookup(obj) {
        let values = obj.data().properties.0.dense_element_values(len);
        if let Some(values) = values {
            for _ in 0..len {
                agent.check_limits()?;
            }
            items = values;
            k = len;
        }
    }
    while k < len {
        agent.check_limits()?;
        if skip_holes {
            // (On a large plain object, the missing indices — whose HasProperty is false
            // and unobservable — are skipped without running the steps.)
            k = skip_holes_ascending(obj, k, len);
            if k >= len {
                break;
            }
        }
        // a. Let Pk be ! ToString(𝔽(k)).
        crate::step!("sec-sortindexedproperties", "3.a");
        let pk = index_key(k);
        // b. If holes is skip-holes, then
        crate::step!("sec-sortindexedproperties", "3.b");
        let k_read = if skip_holes {
            // i. Let kRead be ? HasProperty(obj, Pk).
            crate::step!("sec-sortindexedproperties", "3.b.i");
            has_property(agent, obj, &pk)?
        } else {
            // c. Else,
            crate::step!("sec-sortindexedproperties", "3.c");
            // i. Assert: holes is read-through-holes.
            crate::spec_assert!(
                "sec-sortindexedproperties",
                "3.c.i",
                by: "skip_holes is false: read-through-holes"
            );
            // ii. Let kRead be true.
            crate::step!("sec-sortindexedproperties", "3.c.ii");
            true
        };
        // d. If kRead is true, then
        crate::step!("sec-sortindexedproperties", "3.d");
        if k_read {
            // i. Let kValue be ? Get(obj, Pk).
            crate::step!("sec-sortindexedproperties", "3.d.i");
            let k_value = get(agent, obj, &pk)?;
            // ii. Append kValue to items.
            crate::step!("sec-sortindexedproperties", "3.d.ii");
            items.push(k_value);
        }
        // e. Set k to k + 1.
        crate::step!("sec-sortindexedproperties", "3.e");
        k += 1;
    }
    // 4. Sort items using an implementation-defined sequence of calls to SortCompare. If
    //    any such call returns an abrupt completion, stop before performing any further
    //    calls to SortCompare and return that Completion Record.
    crate::step!("sec-sortindexedproperties", "4");
    let comparator = match comparefn {
        Value::Object(f) => f.methods().call.map(|f_call| (f.clone(), f_call)),
        _ => None,
    };
    // (Untraced, an ECMAScript comparefn whose calls take the plain call path is called
    // through a prepared call: `PreparedCall`; docs/ARCHITECTURE.md, "Sort".)
    let mut prepared = match comparefn {
        Value::Object(f) if !crate::trace::enabled() && items.len() > 1 => PreparedCall::new(f),
        _ => None,
    };
    let items = merge_sort(items, &mut |x, y| match &mut prepared {
        Some(prepared) if !x.is_undefined() && !y.is_undefined() => {
            compare_with_prepared_call(agent, x, y, prepared)
        }
        Some(prepared) => {
            prepared.suspend(agent);
            compare_array_elements(agent, x, y, comparefn, comparator.as_ref())
        }
        None => compare_array_elements(agent, x, y, comparefn, comparator.as_ref()),
    });
    if let Some(prepared) = &mut prepared {
        prepared.suspend(agent);
    }
    let items = items?;
    // 5. Return items.
    crate::step!("sec-sortindexedproperties", "5");
    Ok(items)
}

/// Whether `o`'s [[GetOwnProperty]], [[HasProperty]], [[Get]], [[Set]] and
/// [[DefineOwnProperty]] of an index key it has as an element are the ordinary ones: an
/// ordinary object or an Array (whose [[DefineOwnProperty]] of an index below "length" —
/// every element is — is OrdinaryDefineOwnProperty).
fn has_ordinary_own_lookup(o: &Object) -> bool {
    let methods = o.methods();
    std::ptr::eq(methods, &ORDINARY_METHODS) || std::ptr::eq(methods, &ARRAY_METHODS)
}

/// Set(o, ! ToString(𝔽(index)), v, true) when `o` is an ordinary object or an Array and
/// the index an element of it (an own data property with the default attributes):
/// OrdinarySet 1-2 find the own writable data property, OrdinarySetWithOwnDescriptor
/// 2.a-d.iv call o.[[DefineOwnProperty]](P, { [[Value]]: v }), which only replaces the
/// [[Value]] (for an Array, an index below "length": OrdinaryDefineOwnProperty), and the
/// result is true; no code runs. `Err` with `v` for anything else.
fn replace_own_element(o: &Object, index: u64, v: Value) -> Result<(), Value> {
    if !has_ordinary_own_lookup(o) {
        return Err(v);
    }
    let old = o.data_mut().properties.0.replace_element(index, v)?;
    // (The old value is released after the borrow.)
    old.discard();
    Ok(())
}

/// Array.prototype.sort ( comparefn ) (23.1.3.30).
pub(super) fn sort(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If comparefn is not undefined and IsCallable(comparefn) is false, throw a
    //    TypeError exception.
    let comparefn = call.arg(0);
    if !comparefn.is_undefined() && !is_callable(&comparefn) {
        return Err(
            agent.type_error("The comparison function must be either a function or undefined")
        );
    }
    // 2. Let obj be ? ToObject(this value).
    let obj = to_object(agent, call.this)?;
    // 3. Let len be ? LengthOfArrayLike(obj).
    let len = length_of_array_like(agent, &obj)?;
    // 4. Let SortCompare be a new Abstract Closure with parameters (x, y) that captures
    //    comparefn and performs the following steps when called:
    //    a. Return ? CompareArrayElements(x, y, comparefn).
    // 5. Let sortedList be ? SortIndexedProperties(obj, len, SortCompare, ~skip-holes~).
    let sorted_list = sort_indexed_properties(agent, &obj, len, &comparefn, true)?;
    // 6. Let itemCount be the number of elements in sortedList.
    let item_count = sorted_list.len() as u64;
    // 7. Let j be 0.
    // 8. Repeat, while j < itemCount,
    for (j, item) in sorted_list.into_iter().enumerate() {
        agent.check_limits()?;
        // a. Perform ? Set(obj, ! ToString(𝔽(j)), sortedList[j], true).
        // b. Set j to j + 1.
        // (Untraced, where obj is an ordinary object or Array and index j an element — an
        // own writable data property: OrdinarySet only replaces its [[Value]], as in
        // `replace_own_element`. docs/ARCHITECTURE.md, "Sort".)
        let item = if crate::trace::enabled() {
            item
        } else {
            match replace_own_element(&obj, j as u64, item) {
                Ok(()) => continue,
                Err(item) => item,
            }
        };
        set(agent, &obj, &index_key(j as u64), item, true)?;
    }
    // 9. NOTE: The call to SortIndexedProperties in step 5 uses ~skip-holes~. The
    //    remaining indices are deleted to preserve the number of holes that were detected
    //    and excluded from the sort.
    // 10. Repeat, while j < len,
    let mut j = item_count;
    while j < len {
        agent.check_limits()?;
        let next = skip_holes_ascending(&obj, j, len);
        if next >= len {
            break;
        }
        j = next;
        // a. Perform ? DeletePropertyOrThrow(obj, ! ToString(𝔽(j))).
        // b. Set j to j + 1.
        delete_property_or_throw(agent, &obj, &index_key(j))?;
        j += 1;
    }
    // 11. Return obj.
    Ok(Value::Object(obj))
}

/// Array.prototype.toSorted ( comparefn ) (23.1.3.34).
pub(super) fn to_sorted(agent: &mut Agent, call: &BuiltinCall) -> JsResult<Value> {
    // 1. If comparefn is not undefined and IsCallable(comparefn) is false, throw a
    //    TypeError exception.
    let comparefn = call.arg(0);
    if !comparefn.is_undefined() && !is_callable(&comparefn) {
        return Err(
            agent.type_error("The comparison function must be either a function or undefined")
        );
    }
    // 2. Let O be ? ToObject(this value).
    let o = to_object(agent, call.this)?;
    // 3. Let len be ? LengthOfArrayLike(O).
    let len = length_of_array_like(agent, &o)?;
    // 4. Let A be ? ArrayCreate(len).
    let a = array_create(agent, len, None)?;
    // 5. Let SortCompare be a new Abstract Closure with parameters (x, y) that captures
    //    comparefn and performs the following steps when called:
    //    a. Return ? CompareArrayElements(x, y, comparefn).
    // 6. Let sortedList be ? SortIndexedProperties(O, len, SortCompare,
    //    ~read-through-holes~).
    let sorted_list = sort_indexed_properties(agent, &o, len, &comparefn, false)?;
    // 7. Let j be 0.
    // 8. Repeat, while j < len,
    for (j, item) in sorted_list.into_iter().enumerate() {
        agent.check_limits()?;
        // a. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(j)), sortedList[j]).
        // b. Set j to j + 1.
        create_data_property_or_throw(agent, &a, &index_key(j as u64), item)?;
    }
    // 9. Return A.
    Ok(Value::Object(a))
}
