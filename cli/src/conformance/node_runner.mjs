// The test262 runner of `compartments conformance --engine ses|node`: runs ONE mode of ONE
// test in this node process, as INTERPRETING.md says (harness files as global scripts,
// then the test as a sloppy or strict Script, or as a Module), and reports the verdict
// on stderr as a last line `@@compartments-result {"outcome": "pass"|"fail", "message"}`.
// What the test prints goes to stdout. Written by the tool into its cache directory
// (cli/src/conformance/node_runner.mjs in the repository); the argument is a JSON object:
//   { ses, mode: "sloppy"|"strict"|"module"|"raw", harness: [files], async, negative:
//     {phase, type} | null, test: path }
// With `ses`, the SES shim (`ses`) and `@endo/module-source`'s ModuleSource are loaded
// first, and the proposal's `new Compartment({ loadHook, loadNowHook, ... })` is mapped to
// SES's options (see `adapt`); test262's `assert` survives SES's lockdown() (see
// `keepTest262Assert`).
import vm from 'node:vm';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const config = JSON.parse(process.argv[2]);
const hostRunScript = (text, filename) =>
  vm.runInThisContext(text, {
    filename,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });

let reported = false;
let asyncLine = null;
let uncaught = null;

function report(outcome, message) {
  if (reported) return;
  reported = true;
  process.stderr.write(`\n@@compartments-result ${JSON.stringify({ outcome, message })}\n`);
}

function describe(error) {
  try {
    if (error !== null && (typeof error === 'object' || typeof error === 'function') && 'name' in error) {
      return `${error.name}: ${error.message}`;
    }
    return String(error);
  } catch {
    return '(a thrown value that cannot be described)';
  }
}

function errorName(error) {
  try {
    return error?.constructor?.name ?? error?.name;
  } catch {
    return undefined;
  }
}

// The verdict once the test has run (and its jobs): `error` is what escaped, if anything.
function judge(phase, error) {
  const negative = config.negative;
  if (error !== undefined) {
    if (negative && negative.phase === phase && errorName(error) === negative.type) {
      return report('pass', '');
    }
    if (negative) {
      return report('fail', `expected a ${negative.type} in phase ${negative.phase}, got ${phase} ${describe(error)}`);
    }
    return report('fail', `${phase === 'parse' ? 'unexpected ' : ''}${describe(error)}`);
  }
  if (negative) {
    return report('fail', `expected a ${negative.type} in phase ${negative.phase}, got no error`);
  }
  if (config.async) {
    if (asyncLine === 'Test262:AsyncTestComplete') return report('pass', '');
    if (asyncLine !== null) return report('fail', asyncLine.replace('Test262:AsyncTestFailure:', ''));
    return report('fail', 'the async test ended without printing Test262:AsyncTestComplete');
  }
  return report('pass', '');
}

globalThis.print = (...values) => {
  const line = values.map(String).join(' ');
  if (line.startsWith('Test262:AsyncTest') && asyncLine === null) asyncLine = line;
  process.stdout.write(`${line}\n`);
};

function make262(runScript) {
  return {
    global: globalThis,
    evalScript: (text) => runScript(String(text), '$262.evalScript'),
    detachArrayBuffer: (buffer) => structuredClone(buffer, { transfer: [buffer] }),
    gc: () => undefined,
    createRealm() {
      const context = vm.createContext();
      const global = vm.runInContext('this', context);
      const realm = {
        global,
        evalScript: (text) => vm.runInContext(String(text), context),
        createRealm: () => make262(runScript).createRealm(),
      };
      global.$262 = realm;
      global.print = globalThis.print;
      return realm;
    },
    agent: {},
  };
}
globalThis.$262 = make262(hostRunScript);

// The proposal's Compartment constructor over SES's: `loadHook` is SES's `importHook`,
// `loadNowHook` its `importNowHook`; namespaces are not boxed. Each compartment's own
// `Compartment` is adapted the same way. What does not map stays as SES has it (the
// constructor's identity, SES's other options and defaults).
const adapted = new WeakSet();
function adapt(SesCompartment) {
  const names = ['globals', 'modules', 'resolveHook', 'importMetaHook', 'name'];
  const globalThisGetter = Object.getOwnPropertyDescriptor(SesCompartment.prototype, 'globalThis').get;
  function Compartment(...args) {
    if (new.target === undefined) {
      throw new TypeError("Class constructor Compartment cannot be invoked without 'new'");
    }
    const options = args[0] === undefined ? {} : args[0];
    if (args.length > 1 || options === null || typeof options !== 'object') {
      return Reflect.construct(SesCompartment, args, new.target === Compartment ? SesCompartment : new.target);
    }
    const mapped = { __options__: true, __noNamespaceBox__: true };
    for (const name of names) {
      const value = options[name];
      if (value !== undefined) mapped[name] = value;
    }
    if (options.loadHook !== undefined) mapped.importHook = options.loadHook;
    if (options.loadNowHook !== undefined) mapped.importNowHook = options.loadNowHook;
    const compartment = Reflect.construct(SesCompartment, [mapped], new.target === Compartment ? SesCompartment : new.target);
    const inner = Reflect.apply(globalThisGetter, compartment, []).Compartment;
    if (typeof inner === 'function' && !adapted.has(inner)) {
      Reflect.apply(globalThisGetter, compartment, []).Compartment = adapt(inner);
    }
    return compartment;
  }
  Compartment.prototype = SesCompartment.prototype;
  adapted.add(Compartment);
  return Compartment;
}

// SES's lockdown() installs SES's own `assert` global, which would replace test262's:
// test262's is put back after it.
function keepTest262Assert() {
  const sesLockdown = globalThis.lockdown;
  const { lockdown } = {
    lockdown(...args) {
      const test262Assert = globalThis.assert;
      try {
        return Reflect.apply(sesLockdown, this, args);
      } finally {
        globalThis.assert = test262Assert;
      }
    },
  };
  Object.defineProperty(globalThis, 'lockdown', { value: lockdown, writable: true, enumerable: false, configurable: true });
}

process.on('uncaughtException', (error) => {
  if (uncaught === null) uncaught = { error };
});
process.on('unhandledRejection', () => {});
process.on('beforeExit', () => judge('runtime', uncaught === null ? undefined : uncaught.error));
process.on('exit', () => {
  if (!reported) judge('runtime', uncaught === null ? undefined : uncaught.error);
});

async function main() {
  if (config.ses) {
    await import('ses');
    await import('@endo/module-source/shim.js');
    if (typeof globalThis.Compartment === 'function') {
      Object.defineProperty(globalThis, 'Compartment', {
        value: adapt(globalThis.Compartment),
        writable: true,
        enumerable: false,
        configurable: true,
      });
    }
    keepTest262Assert();
  }
  for (const file of config.harness) {
    hostRunScript(fs.readFileSync(file, 'utf8'), file);
  }
  const text = fs.readFileSync(config.test, 'utf8');
  if (config.mode === 'module') {
    try {
      await import(pathToFileURL(config.test).href);
    } catch (error) {
      // Parse and link errors reject the import as evaluation errors do: a SyntaxError
      // is counted as a parse error, any other as a runtime error.
      const phase = errorName(error) === 'SyntaxError' && config.negative?.phase !== 'runtime' ? (config.negative?.phase ?? 'parse') : 'runtime';
      judge(phase, error);
    }
    return;
  }
  const source = config.mode === 'strict' ? `"use strict";\n${text}` : text;
  let script;
  try {
    script = new vm.Script(source, {
      filename: config.test,
      importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
  } catch (error) {
    judge('parse', error);
    return;
  }
  try {
    script.runInThisContext();
  } catch (error) {
    judge('runtime', error);
  }
}

main().catch((error) => report('fail', `the runner failed: ${describe(error)}`));
