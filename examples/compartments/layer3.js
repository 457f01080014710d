// Compartments layer 3: Evaluators — eval, Function and Module bound to a global object of
// your choosing (sharing the realm's intrinsics), with an import hook for import() in scripts.
// Run: cargo run --release -- run --module examples/compartments/layer3.js

// A DSL in the style of a test framework: its verbs are globals of its own Evaluators only.
const results = [];
const dslGlobals = {
  __proto__: globalThis,
  test(name, body) {
    try {
      body();
      results.push(`ok ${name}`);
    } catch (error) {
      results.push(`not ok ${name}: ${error.message}`);
    }
  },
  expect(actual) {
    return {
      toBe(expected) {
        if (actual !== expected) throw new Error(`${actual} !== ${expected}`);
      },
    };
  },
};
const dsl = new Evaluators({ globalThis: dslGlobals });
const spec = new dsl.Module(new ModuleSource(`
  test('arrays are shared intrinsics', () => expect([] instanceof Array).toBe(true));
  test('one plus one', () => expect(1 + 1).toBe(3));
`));
await import(spec);
print(results.join('\n'));
print('test is a global here:', typeof test, '- and in the DSL:', dsl.eval('typeof test'));

// Direct eval needs the Evaluators' own eval under the name `eval` in their global scope.
const localThis = { __proto__: globalThis };
const evaluators = new Evaluators({ globalThis: localThis });
const probe = "(function () { var local = 1; return eval('typeof local'); })()";
print('before threading:', evaluators.eval(probe));
localThis.eval = evaluators.eval;
print('after threading:', evaluators.eval(probe));

// import() in e.eval code goes to the Evaluators' importHook, with their importMeta.
const modules = {
  greeting: new Module(new ModuleSource(`export default 'hello from a hooked import';`)),
};
const hooked = new Evaluators({
  importHook(specifier, importMeta) {
    print(`importHook(${JSON.stringify(specifier)}) for ${importMeta.name}`);
    return modules[specifier];
  },
  importMeta: { name: 'the hooked evaluators' },
});
const namespace = await hooked.eval(`import('greeting')`);
print(namespace.default);
print('memoised:', (await hooked.Function(`return import('greeting')`)()) === namespace);
