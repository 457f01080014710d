// Copyright (C) 2025 the compartments project. All rights reserved.
// This code is governed by the MIT license found in the LICENSE file.
/*---
spec: >
  4-compartment.md, "Inter-compartment linkage" (the even/odd example);
  compartments-interpret-descriptor (C4.5) steps 5, 8-9; compartments-load (C4.3) steps 1, 5-11;
  ECMA-262 InnerModuleLoading, InnerModuleLinking, InnerModuleEvaluation
description: >
  The text's example as written, repaired only where it cannot run: Comaprtment is Compartment;
  then the two compartments are used. Each loadHook is async and returns, for the other module,
  { instance: specifier, compartment: other } (our reading: the { namespace: string, compartment }
  alias, SPEC ISSUE). Importing 'even' in even loads even's module, whose import of 'odd' is
  even's alias of odd's module, whose import of 'even' is odd's alias of even's module — already
  in even's memo, so the cycle closes across the two compartments: one strongly connected
  component of two modules, linked and evaluated once (cycle root even's module). The default exports call each other through live bindings; importing
  'odd' in odd, or either alias, gives the same namespaces, with no further loadHook call (memo
  events), and importNow agrees. A specifier neither compartment knows rejects with the loadHook's
  Error.
flags: [module, async]
features: [ModuleSource, Compartment]
reading: compartment-descriptors
includes: [asyncHelpers.js, compareArray.js]
---*/

const even = new Compartment({
  resolveHook: specifier => specifier,
  loadHook: async specifier => {
    if (specifier === 'even') {
      return { source: new ModuleSource(`
        import isOdd from 'odd';
        export default n => n === 0 || isOdd(n - 1);
      `) };
    } else if (specifier === 'odd') {
      return { instance: specifier, compartment: odd };
    } else {
      throw new Error(`No such module ${specifier}`);
    }
  },
});

const odd = new Compartment({
  resolveHook: specifier => specifier,
  loadHook: async specifier => {
    if (specifier === 'odd') {
      return { source: new ModuleSource(`
        import isEven from 'even';
        export default n => n !== 0 && isEven(n - 1);
      `) };
    } else if (specifier === 'even') {
      return { instance: specifier, compartment: even };
    } else {
      throw new Error(`No such module ${specifier}`);
    }
  },
});

asyncTest(async function () {
  const evenNamespace = await even.import('even');
  const isEven = evenNamespace.default;
  assert.compareArray([0, 1, 2, 7, 10].map(isEven), [true, false, true, false, true], 'isEven');
  const oddNamespace = await odd.import('odd');
  const isOdd = oddNamespace.default;
  assert.compareArray([0, 1, 2, 7, 10].map(isOdd), [false, true, false, true, false], 'isOdd');
  assert.sameValue(await even.import('odd'), oddNamespace, "even's alias is odd's module");
  assert.sameValue(await odd.import('even'), evenNamespace, "odd's alias is even's module");
  assert.sameValue(even.importNow('odd'), odd.importNow('odd'), 'importNow agrees');
  assert.sameValue(odd.importNow('even'), evenNamespace);
  await assert.throwsAsync(Error, () => even.import('neither'), "the loadHook's error");
});
