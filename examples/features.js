// One program, two results: `compartments run examples/features.js` (every proposal on)
// and `compartments run --feature none examples/features.js` (plain ECMAScript 2025).
print(typeof ModuleSource, typeof Compartment);
try {
  // import.source is syntax only with the source-phase-imports proposal: parsed here,
  // at run time, so that the rest of the program runs either way.
  new Function("return import.source('./x.js')");
  print('import.source parses');
} catch (e) {
  print(e.constructor.name, e.message);
}
