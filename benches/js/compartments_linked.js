// 200 compartments linked by { namespace, compartment } descriptors (bench:
// compartments): compartment k's module m imports "prev", compartment k-1's module m.
var previous = null;
for (var k = 0; k < 200; k++) {
  var modules = {};
  if (previous === null) {
    modules.m = { source: new ModuleSource("export const depth = 0;") };
  } else {
    modules.m = { source: new ModuleSource("import { depth as d } from 'prev'; export const depth = d + 1;") };
    modules.prev = { namespace: "m", compartment: previous };
  }
  previous = new Compartment({ resolveHook: function (s) { return s; }, modules: modules });
}
print(previous.importNow("m").depth);
