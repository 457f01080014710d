// Compartments layer 4: the Compartment class — its own globals, evaluators and module memo.
// Run: cargo run --release -- run --module examples/compartments/layer4.js

// Globals are isolated: each compartment has its own globalThis, sharing the intrinsics.
const sandbox = new Compartment({ globals: { greeting: 'hello from the sandbox' } });
print(sandbox.evaluate('greeting'), sandbox.evaluate('typeof print'), sandbox.globalThis.Array === Array);
sandbox.evaluate('globalThis.leaked = true');
print('leaked' in globalThis);

// A resolveHook and a loadHook serving modules from memory: resolveHook turns an import
// specifier into a full specifier (the memo key); loadHook returns a descriptor for it.
const files = {
  'app/main.js': `import { shout } from './util.js'; export const message = shout(import.meta.url);`,
  'app/util.js': `export const shout = (text) => text.toUpperCase() + '!';`,
  'app/late.js': `export const late = true;`,
};
const app = new Compartment({
  resolveHook(importSpecifier, referrer) {
    return referrer.replace(/[^/]*$/, '') + importSpecifier.replace(/^\.\//, '');
  },
  async loadHook(fullSpecifier) {
    print(`loadHook(${fullSpecifier})`);
    return { source: new ModuleSource(files[fullSpecifier]), importMeta: { url: fullSpecifier } };
  },
});
const { message } = await app.import('app/main.js');
print(message);

// A cycle across two compartments: each aliases the other's module.
const even = new Compartment({
  resolveHook: (specifier) => specifier,
  loadHook: async (specifier) => specifier === 'even'
    ? { source: new ModuleSource(`import isOdd from 'odd'; export default (n) => n === 0 || isOdd(n - 1);`) }
    : { namespace: specifier, compartment: odd },
});
const odd = new Compartment({
  resolveHook: (specifier) => specifier,
  loadHook: async (specifier) => specifier === 'odd'
    ? { source: new ModuleSource(`import isEven from 'even'; export default (n) => n !== 0 && isEven(n - 1);`) }
    : { namespace: specifier, compartment: even },
});
const { default: isEven } = await even.import('even');
print(isEven(10), isEven(7), (await odd.import('even')).default === isEven);

// importNow: synchronous, from the shared memo (no new loadHook call) or a loadHook that
// returns a descriptor directly; it throws rather than wait for a promise.
print(app.importNow('app/util.js').shout('now'));
const sync = new Compartment({ loadHook: () => ({ source: new ModuleSource(`export default 'synchronous';`) }) });
print(sync.importNow('anything').default);
try {
  app.importNow('app/late.js'); // app's loadHook is async: nothing is loaded or kept
} catch (error) {
  print(error.name);
}
print((await app.import('app/late.js')).late);
