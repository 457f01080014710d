//! What the corpus's frontmatter must say, so that a run on another engine can sort its
//! failures: the features a test needs (`features:`, the proposal's layers named as below
//! besides test262's own feature names) and the open readings it pins (`reading:`, one of
//! [`READINGS`]). `cargo test --test conformance` checks each file with [`problems`].

use super::corpus::CorpusTest;
use super::rename::identifier_references;

/// The corpus's own feature names: `(feature, what it is)`. Tests use test262's names for
/// ECMA-262 and its proposals (`source-phase-imports`, `import-defer`,
/// `arbitrary-module-namespace-names`, `cross-realm`, ...) besides these.
pub const FEATURES: &[(&str, &str)] = &[
    (
        "ModuleSource",
        "layer 0: the ModuleSource constructor (module source text → a reusable source)",
    ),
    (
        "Module",
        "layer 0: the Module constructor, import(module), the importHook and importMetaHook",
    ),
    (
        "module-source-bindings",
        "layer 1: ModuleSource.prototype.bindings, needsImport, needsImportMeta",
    ),
    (
        "virtual-module-source",
        "layer 2: virtual module sources ({ bindings, execute, needsImport, needsImportMeta })",
    ),
    (
        "Evaluators",
        "layer 3: the Evaluators constructor and its eval, Function and Module",
    ),
    ("Compartment", "layer 4: the Compartment constructor"),
    ("lockdown", "SES: lockdown()"),
    ("harden", "SES: harden()"),
];

/// The open readings tests may pin: `(id, the reading, the section of docs/spec-issues.md
/// that gives it)`.
pub const READINGS: &[(&str, &str, &str)] = &[
    ("modulesource-tostring", "ModuleSource(sourceText) converts its argument with ToString first", "Compartments layer 0: ModuleSource(sourceText) never converts sourceText"),
    ("bindings-forms", "the Binding objects of import and export forms beyond the proposal's examples ({ export, as } for a local rename, export default function f as { export: 'f', as: 'default' }, string names kept)", "Compartments layers 1 and 2: readings the conformance suite pins"),
    ("bindings-phases", "import source gives no binding; import defer * as ns is { importAllFrom, as }", "Compartments layers 1 and 2: readings the conformance suite pins"),
    ("bindings-fresh-array", "bindings is a fresh array of fresh Binding objects on each read", "Compartments layers 1 and 2: readings the conformance suite pins"),
    ("needs-import-dynamic-only", "needsImport counts dynamic import() only", "Compartments layers 1 and 2: readings the conformance suite pins"),
    ("single-binding-object", "a virtual source's bindings that is a single Binding object is a list of one", "Compartments layers 1 and 2: readings the conformance suite pins"),
    ("virtual-execute-async", "a virtual module with an execute is asynchronous ([[HasTLA]]): what execute returns is awaited", "Compartments layers 1 and 2: readings the conformance suite pins"),
    ("virtual-source-read-once", "a virtual module source is read once, when the Module is constructed, in a fixed order", "Compartments layers 1 and 2: readings the conformance suite pins"),
    ("imports-namespace", "the shape of the Module Imports Namespace, which the proposal leaves as a design question: an exotic object like a module namespace (null prototype, sealed, non-configurable writable properties), imports first, then local exports", "Compartments layers 1 and 2: readings the conformance suite pins"),
    ("evaluators-builtins", "built-in functions without Evaluators of their own act for their caller", "Compartments layer 3: the Evaluators a built-in function runs with"),
    ("evaluators-defaults", "an absent Evaluators option comes from the caller's Evaluators", "Compartments layer 3: defaults of `new Evaluators(options)`"),
    ("evaluators-direct-eval", "a direct eval is a call of the running context's [[Eval]]", "Compartments layer 3: which [[Eval]] makes a direct eval"),
    ("evaluators-shared-constructors", "the realm's shared %Function% and its kin evaluate in the start global", "Compartments layer 3: the Evaluators a built-in function runs with"),
    ("evaluators-module-adopts", "the Module constructor adopts its Evaluators' importHook and importMeta", "Compartments layer 3: the Module constructor's \"importHook or importMeta options\""),
    ("evaluators-script-import", "import() in script contexts of Evaluators with an importHook goes through it", "Compartments layer 3: what a \"script execution context\" is for dynamic import"),
    ("evaluators-interface", "the shape of new Evaluators(options) and its result (options read with [[Get]], in order; data properties)", "Compartments layer 3: defaults of `new Evaluators(options)`"),
    ("compartment-options", "Compartment options read once in the Interface's order; the SES/XS legacy names and the three-argument form are TypeErrors", "Compartments layer 4: readings the text leaves open"),
    ("compartment-evaluate", "compartment.evaluate is strict indirect eval: let and const do not persist between calls", "Compartments layer 4: readings the text leaves open"),
    ("compartment-defaults", "a compartment without resolveHook resolves as its parent; without loadHook it instantiates its parent's source", "Compartments layer 4: readings the text leaves open"),
    ("compartment-descriptors", "the descriptor forms: record and source take either kind of source, { instance } is { namespace }, the read order, aliases and specifier", "Compartments layer 4: readings the text leaves open"),
    ("compartment-sync-load-hook", "a loadHook's result is awaited only when it is a promise, so importNow and loadNow work with a synchronous loadHook (no loadNowHook)", "Compartments layer 4: readings the text leaves open"),
    ("compartment-import-now", "importNow and loadNow fail with a TypeError when anything would wait and roll every memo back; after top-level await they return", "Compartments layer 4: readings the text leaves open"),
    ("compartment-hook-results", "a resolveHook result that is not a String is a TypeError (no ToString); failed loads are not memoised", "Compartments layer 4: readings the text leaves open"),
    ("compartment-script-import", "import() in evaluate code goes through the compartment's hooks with the referrer undefined", "Compartments layer 4: readings the text leaves open"),
    ("compartment-import-meta", "import.meta is made only when the source needs it: a null-prototype object with the descriptor's importMeta copied with [[Set]]", "Compartments layer 4: readings the text leaves open"),
    ("compartment-globals", "a compartment's globalThis: ECMA-262's globals, ModuleSource, Evaluators, its own eval, Function, Module, Compartment, the shared harden, then globals", "Compartments layer 4: readings the text leaves open"),
    ("compartment-interface", "the Compartment constructor and prototype shaped as ECMA-262 shapes built-in classes", "Compartments layer 4: readings the text leaves open"),
    ("ses-harden-before-lockdown", "harden before lockdown throws", "SES: lockdown and harden"),
    ("ses-eval-taming", "evalTaming: 'no-eval' makes the start compartment's eval and Function throw", "SES: lockdown and harden"),
    ("ses-error-taming", "after lockdown errors have no stack and there is no V8 stack API", "SES: lockdown and harden"),
    ("ses-date-math", "compartments' Date.now(), new Date(), Date() and Math.random() throw", "SES: lockdown and harden"),
    ("ses-override-taming", "the override taming lists (which properties stay assignable on objects inheriting them)", "SES: lockdown and harden"),
];

/// The reading `id`'s entry, if it is one.
pub fn reading(id: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    READINGS.iter().find(|(r, _, _)| *r == id)
}

/// The globals whose use in code requires a feature: `(global, feature)`.
const GLOBAL_FEATURES: &[(&str, &str)] = &[
    ("ModuleSource", "ModuleSource"),
    ("Module", "Module"),
    ("Evaluators", "Evaluators"),
    ("Compartment", "Compartment"),
    ("lockdown", "lockdown"),
    ("harden", "harden"),
];

/// What is wrong with the test's frontmatter: a reading that is not one of [`READINGS`];
/// a global of the proposal used in its code (an IdentifierReference, in the test or the
/// fixtures it names — `fixtures`) without its feature; `import source` or
/// `$262.AbstractModuleSource` without `source-phase-imports`. Parsing is recursive: call
/// it on a thread with a big stack.
pub fn problems(test: &CorpusTest, fixtures: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(error) = &test.info.error {
        problems.push(error.clone());
    }
    for id in &test.info.readings {
        if reading(id).is_none() {
            problems.push(format!(
                "reading: {id} is not one of the readings in cli/src/conformance/hygiene.rs (READINGS)"
            ));
        }
    }
    let mut texts: Vec<&str> = vec![&test.text];
    texts.extend(fixtures.iter().map(String::as_str));
    for (global, feature) in GLOBAL_FEATURES {
        let used = texts
            .iter()
            .any(|text| identifier_references(text, global) > 0);
        if used && !test.info.has_feature(feature) {
            problems.push(format!(
                "uses {global} but its features do not list {feature}"
            ));
        }
    }
    let source_phase = texts
        .iter()
        .any(|text| text.contains("import source ") || text.contains("AbstractModuleSource"));
    if source_phase && !test.info.has_feature("source-phase-imports") {
        problems.push(
            "uses source phase imports but its features do not list source-phase-imports"
                .to_string(),
        );
    }
    problems
}
