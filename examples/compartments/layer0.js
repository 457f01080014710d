// Compartments layer 0: ModuleSource, Module, import(module), importHook, importMetaHook.
// Run: cargo run --release -- run --module examples/compartments/layer0.js
//
// `import source` gives the ModuleSource of greeting.js (this host gives every JavaScript
// module one); a Module made from it is a new instance of that code, linked through our
// importHook instead of the host.
import source greetingSource from './greeting.js';

const sources = new Map([
  ['name', new ModuleSource(`export const name = 'compartments';`)],
]);
const instances = new Map();
const handler = {
  importHook(specifier) {
    print(`importHook(${JSON.stringify(specifier)})`);
    if (!instances.has(specifier)) {
      instances.set(specifier, new Module(sources.get(specifier), handler));
    }
    return instances.get(specifier);
  },
  importMetaHook(meta) {
    meta.url = 'virtual:greeting';
  },
};

const greeting = new Module(greetingSource, handler);
print(greeting.source === greetingSource, Object.prototype.toString.call(greeting));
const namespace = await import(greeting);
print(namespace.message);
// The same instance gives the same namespace; the hook was called once per specifier.
print(namespace === (await import(greeting)), instances.size);
