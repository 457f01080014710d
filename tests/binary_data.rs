//! Binary data end to end (issue 16): allocation limits, detaching, binary16, byte order,
//! canonical numeric keys, length tracking over resizable buffers, Atomics on the main
//! agent, and the steps the buffer operations trace — cases where an edge value or an
//! order matters and test262 alone would not say why.

mod engine_script;

fn run(text: &str) -> Vec<String> {
    engine_script::run_printing("binary-data-test.js", text, true)
}

#[test]
fn allocations_beyond_the_limit_are_range_errors() {
    let printed = run(r#"
        function attempt(f) { try { f(); return "ok"; } catch (e) { return e.constructor.name; } }
        print(attempt(() => new ArrayBuffer(2 ** 53)));
        print(attempt(() => new ArrayBuffer(2 ** 53 - 1)));
        print(attempt(() => new ArrayBuffer(2 ** 40)));
        print(attempt(() => new Float64Array(2 ** 30)));
        print(attempt(() => new SharedArrayBuffer(2 ** 40)));
        print(attempt(() => new ArrayBuffer(0, { maxByteLength: 2 ** 40 })));
        print(attempt(() => new ArrayBuffer(8, { maxByteLength: 16 }).resize(17)));
        print(attempt(() => new SharedArrayBuffer(8, { maxByteLength: 16 }).grow(4)));
        print(attempt(() => new ArrayBuffer(16).transfer(2 ** 40)));
    "#);
    assert_eq!(
        printed,
        [
            "RangeError",
            "RangeError",
            "RangeError",
            "RangeError",
            "RangeError",
            "RangeError",
            "RangeError",
            "RangeError",
            "RangeError"
        ]
    );
}

#[test]
fn a_detached_buffer_reads_undefined_and_ignores_writes() {
    let printed = run(r#"
        var buffer = new ArrayBuffer(8);
        var ta = new Int32Array(buffer);
        var view = new DataView(buffer);
        ta[0] = 7;
        var moved = buffer.transfer();
        print(buffer.detached, buffer.byteLength, ta.length, ta.byteLength, ta[0]);
        ta[0] = 1;
        print(ta[0], 0 in ta, Object.keys(ta).length, new Int32Array(moved)[0]);
        try { view.getInt8(0); } catch (e) { print(e.constructor.name); }
        try { ta.fill(0); } catch (e) { print(e.constructor.name); }
    "#);
    assert_eq!(
        printed,
        [
            "true 0 0 0 undefined",
            "undefined false 0 7",
            "TypeError",
            "TypeError"
        ]
    );
}

#[test]
fn binary16_rounds_once_and_agrees_with_math_f16round() {
    let printed = run(r#"
        // 1 + 2^-11 is a tie (to 1); just above it rounds up; 65520 overflows to Infinity;
        // 2^-25 is a tie (to 0); the smallest subnormal is 2^-24.
        var values = [1 + 2 ** -11, 1 + 2 ** -11 + 2 ** -40, 65519, 65520, -65520, 2 ** -25,
                      2 ** -25 + 2 ** -60, 2 ** -24, -0, NaN, 0.1, 1 / 3];
        var f16 = new Float16Array(values);
        print(Array.from(f16).join(" "));
        print(values.every((v, i) => Object.is(f16[i], Math.f16round(v))));
        var view = new DataView(new ArrayBuffer(2));
        view.setFloat16(0, 1.5);
        print(view.getUint8(0).toString(16), view.getUint8(1).toString(16), view.getFloat16(0));
    "#);
    assert_eq!(
        printed,
        [
            "1 1.0009765625 65504 Infinity -Infinity 0 5.960464477539063e-8 \
             5.960464477539063e-8 0 NaN 0.0999755859375 0.333251953125",
            "true",
            "3e 0 1.5"
        ]
    );
}

#[test]
fn data_views_are_big_endian_unless_told_otherwise() {
    let printed = run(r#"
        var bytes = new Uint8Array(8);
        var view = new DataView(bytes.buffer);
        view.setUint32(0, 0x01020304);
        view.setUint32(4, 0x01020304, true);
        print(bytes.join(","));
        view.setBigInt64(0, -2n, true);
        print(view.getBigUint64(0, true), view.getBigInt64(0), bytes.join(","));
        try { view.getInt32(5); } catch (e) { print(e.constructor.name); }
    "#);
    assert_eq!(
        printed,
        [
            "1,2,3,4,4,3,2,1",
            "18446744073709551614 -72057594037927937 254,255,255,255,255,255,255,255",
            "RangeError"
        ]
    );
}

#[test]
fn canonical_numeric_keys_never_reach_the_prototype_chain() {
    let printed = run(r#"
        Object.prototype[5] = "proto";
        Object.prototype["-0"] = "proto";
        Object.prototype["1.5"] = "proto";
        var ta = new Uint8Array(2);
        ta["1.5"] = 9;
        ta.foo = 1;
        print(ta[5], ta["-0"], ta["1.5"], "5" in ta, "1" in ta, ta.foo);
        print(Reflect.ownKeys(ta).join(","));
        print(Reflect.defineProperty(ta, "0", { value: 300 }), ta[0],
              Reflect.defineProperty(ta, "0", { value: 1, writable: false }),
              Reflect.defineProperty(ta, "2", { value: 1 }));
        print(delete ta[0], delete ta[7], Object.isFrozen(Object.freeze(new Uint8Array(0))));
        try { Object.freeze(ta); } catch (e) { print(e.constructor.name); }
    "#);
    assert_eq!(
        printed,
        [
            "undefined undefined undefined false true 1",
            "0,1,foo",
            "true 44 false false",
            "false true true",
            "TypeError"
        ]
    );
}

#[test]
fn length_tracking_views_follow_a_resizable_buffer() {
    let printed = run(r#"
        var rab = new ArrayBuffer(4, { maxByteLength: 16 });
        var tracking = new Uint16Array(rab);
        var fixed = new Uint16Array(rab, 2, 1);
        var view = new DataView(rab, 2);
        rab.resize(11);
        print(tracking.length, fixed.length, view.byteLength);
        rab.resize(2);
        print(tracking.length, fixed.length, fixed.byteOffset, tracking.byteLength,
              view.byteLength);
        rab.resize(1);
        print(tracking.length, tracking.byteLength);
        try { view.byteLength; } catch (e) { print(e.constructor.name); }
        rab.resize(6);
        print(tracking.length, fixed.length, view.byteLength, Object.isExtensible(tracking),
              Reflect.preventExtensions(tracking));
    "#);
    assert_eq!(
        printed,
        ["5 1 9", "1 0 0 2 0", "0 0", "TypeError", "3 1 4 true false"]
    );
}

#[test]
fn atomics_on_the_main_agent() {
    let printed = run(r#"
        var i32 = new Int32Array(new SharedArrayBuffer(16));
        print(Atomics.add(i32, 1, 5), Atomics.sub(i32, 1, 2), Atomics.or(i32, 1, 8),
              Atomics.exchange(i32, 1, -1), Atomics.compareExchange(i32, 1, -1, 3), i32[1]);
        print(Atomics.wait(i32, 0, 1), Atomics.wait(i32, 0, 0, 1), Atomics.isLockFree(4));
        var result = Atomics.waitAsync(i32, 2, 0);
        print(result.async, Atomics.notify(i32, 2), Atomics.notify(i32, 2));
        result.value.then(function (v) { print("notified", v); });
        Atomics.waitAsync(i32, 3, 0, 5).value.then(function (v) { print("later", v); });
        var u8 = new Uint8Array(new ArrayBuffer(1));
        print(Atomics.add(u8, 0, 300), u8[0], Atomics.notify(new Int32Array(4), 0));
    "#);
    assert_eq!(
        printed,
        [
            "0 5 3 11 -1 3",
            "not-equal timed-out true",
            "true 1 0",
            "0 44 0",
            "notified ok",
            "later timed-out"
        ]
    );
}

#[test]
fn agents_share_a_shared_array_buffer() {
    let printed = run(r#"
        var i32 = new Int32Array(new SharedArrayBuffer(8));
        $262.agent.start(`
            $262.agent.receiveBroadcast(function (sab, n) {
                var i32 = new Int32Array(sab);
                Atomics.store(i32, 1, n);
                $262.agent.report(Atomics.wait(i32, 0, 0, 10000));
                $262.agent.leaving();
            });
        `);
        $262.agent.broadcast(i32.buffer, 42);
        while (Atomics.load(i32, 1) !== 42) {}
        var woken = 0;
        while ((woken = Atomics.notify(i32, 0)) === 0) { $262.agent.sleep(1); }
        var report;
        while ((report = $262.agent.getReport()) === null) { $262.agent.sleep(1); }
        print(woken, report);
    "#);
    assert_eq!(printed, ["1 ok"]);
}
