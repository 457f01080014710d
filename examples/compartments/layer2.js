// Compartments layer 2: virtual module sources — any object with `bindings` and
// `execute` can be a module. Run: cargo run --release -- run --module examples/compartments/layer2.js

// The proposal's JSON example: a module source for JSON text.
class JsonModuleSource {
  bindings = [{ export: 'default' }];
  #text;
  constructor(text) { this.#text = text; }
  execute(imports) { imports.default = JSON.parse(this.#text); }
}

// A virtual module that imports from a JavaScript module and exports a computed value,
// asynchronously (an async execute is awaited as top-level await is).
const config = new Module(new JsonModuleSource('{ "base": 20 }'));
const doubler = new Module({
  bindings: [
    { import: 'default', as: 'config', from: './config.json' },
    { export: 'doubled' },
  ],
  needsImportMeta: true,
  async execute(imports, { importMeta }) {
    await null;
    imports.doubled = imports.config.base * 2;
    print(`execute ran for ${importMeta.url}`);
  },
}, {
  importHook: specifier => config,
  importMetaHook(meta) { meta.url = 'virtual:doubler'; },
});

// The proposal's pass-through example: re-export another module's namespace.
const pass = new Module({ bindings: [{ exportAllFrom: './doubler.js', as: 'inner' }] },
  { importHook: () => doubler });

const { inner } = await import(pass);
print(inner.doubled);

// Bindings are checked before anything runs.
try {
  new Module({ bindings: [{ export: 'x' }, { export: 'x' }] });
} catch (error) {
  print(error.name, error.message);
}
