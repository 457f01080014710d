// A chain of 200 modules inside one compartment, imported synchronously (bench:
// compartments). Module m<i> imports m<i-1>.
var modules = {};
modules.m0 = { source: new ModuleSource("export const depth = 0;") };
for (var i = 1; i < 200; i++) {
  modules["m" + i] = {
    source: new ModuleSource("import { depth as d } from 'm" + (i - 1) + "'; export const depth = d + 1;"),
  };
}
var c = new Compartment({ resolveHook: function (s) { return s; }, modules: modules });
print(c.importNow("m199").depth);
