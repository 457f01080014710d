// `compartments run --lockdown tests/scripts/lockdown.js` (cli/tests/runtime_cli.rs): the
// intrinsics are hardened before the first line runs, lockdown() cannot run twice, the
// function constructors reached through prototypes throw, a compartment has no clock, and
// harden works. Without --lockdown the first line prints `false false`.
print(Object.isFrozen(Array.prototype), Object.isFrozen(Object));
try {
  lockdown();
} catch (e) {
  print(e.constructor.name, e.message);
}
try {
  (function () {}).constructor("return 1");
} catch (e) {
  print("Function.prototype.constructor:", e.constructor.name);
}
const compartment = new Compartment();
print(compartment.evaluate("[] instanceof Array"), compartment.evaluate("Object.isFrozen(Math)"));
try {
  compartment.evaluate("Date.now()");
} catch (e) {
  print("Date.now() in a compartment:", e.constructor.name);
}
const hardened = harden({ inner: { value: 1 } });
print(Object.isFrozen(hardened.inner));
