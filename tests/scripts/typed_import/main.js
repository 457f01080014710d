// A compartment cannot honour `with { type: 'json' }` (its loads and hooks take a specifier
// only, docs/spec-issues.md): the import is a TypeError, and data.json — which happens to be
// JavaScript — never runs as code. The host itself (outside compartments) gives a JSON
// module, and data.json is no JSON, so that import is a SyntaxError.
const compartment = new Compartment({ globals: { print } });
compartment.import('./importer.js').then(
  () => print('imported:', compartment.globalThis.ran),
  (error) => print('compartment:', error.constructor.name, 'ran:', compartment.globalThis.ran),
);
import('./importer.js').then(
  () => print('host: imported'),
  (error) => print('host:', error.constructor.name),
);
