// Compartments layer 1: what a ModuleSource says about its imports and exports, without
// running it. Run: cargo run --release -- run examples/compartments/layer1.js
const source = new ModuleSource(`
  import main, { helper as assist } from './lib.js';
  import * as util from './util.js';
  export { assist };
  export * from './reexported.js';
  export const answer = 42;
  export default function start() { return import('./lazy.js'); }
  console.log(import.meta.url);
`);
for (const binding of source.bindings) {
  print(JSON.stringify(binding));
}
print('needsImport', source.needsImport, 'needsImportMeta', source.needsImportMeta);
