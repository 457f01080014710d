//! Random module graphs built from Compartments `Module`s (layers 0 and 2) against a small
//! independent model of ECMA-262's module evaluation.
//!
//! A generated graph has 1 to 8 modules; each has an ordered list of 0 to 3 dependencies
//! (any module: cycles, self-imports and repeated imports of one module are all allowed)
//! and is one of
//! - a JavaScript module, `new ModuleSource(text)` whose text imports its dependencies in
//!   order (`import * as nK from 'mJ'`), then prints `enter i` and `exit i`, with or without
//!   an `await 0` between the two (top-level await);
//! - a virtual module source `{ bindings: [{ importAllFrom: 'mJ', as: 'nK' }, ...],
//!   execute }` with no `execute` (it prints nothing), a sync `execute`, an async
//!   `execute` without `await`, or an async `execute` with one `await 0`, printing the same
//!   way.
//!
//! Every module is `new Module(source, handler)` made up front with one shared handler whose
//! `importHook` maps `mJ` to module J; the entry is `await import(modules[0])` in a main
//! module, which then prints `done`.
//!
//! The model (`predict`) knows nothing of the engine. It is a transcription, on plain
//! indices, of ES2025's InnerModuleEvaluation (the Tarjan-style DFS over
//! [[RequestedModules]] in order, [[DFSIndex]]/[[DFSAncestorIndex]], [[CycleRoot]],
//! [[PendingAsyncDependencies]], [[AsyncParentModules]], [[AsyncEvaluationOrder]] from
//! IncrementModuleAsyncEvaluationCount), ExecuteAsyncModule, GatherAvailableAncestors and
//! AsyncModuleExecutionFulfilled (sorting by [[AsyncEvaluationOrder]]), driven by a FIFO
//! job queue that counts each promise job these programs cause:
//! - a JavaScript module with `await 0`: the await's reaction job resumes the body (prints
//!   `exit`), whose completion resolves the ExecuteAsyncModule capability with `undefined`,
//!   so the job running AsyncModuleExecutionFulfilled comes one job later;
//! - a virtual module with an `execute` has [[HasTLA]] true (our layer 2 reading,
//!   docs/spec-issues.md): a sync `execute` resolves the capability with `undefined` at
//!   once (AsyncModuleExecutionFulfilled one job later); an async `execute` returns a
//!   promise P and the capability is resolved with P, which costs a
//!   NewPromiseResolveThenableJob, then P's reaction, then the capability's reaction
//!   (with `await 0`, P is fulfilled by the resume job queued before the thenable job);
//! - JavaScript modules without `await` and virtual modules without `execute` are
//!   synchronous: they run inside InnerModuleEvaluation (or in AsyncModuleExecutionFulfilled's
//!   sorted list once their asynchronous dependencies are done).
//!
//! So the prediction is the exact sequence of `enter`/`exit` lines, interleavings between
//! independent asynchronous modules included; `done` comes last. Not modelled: the jobs of
//! loading and linking (they all happen before Evaluate, which runs in one job, and print
//! nothing), evaluation errors and rejections (nothing throws), `import defer`, and
//! execute's options.
//!
//! A second property (layer 1): `new ModuleSource(text).bindings`, read through the engine
//! and JSON-stringified, equals the model of tests/static_analysis_properties.rs for that
//! file's generated declarations (shared through tests/common/module_declarations.rs).
//!
//! 2,000 graphs and 300 declaration lists per run (about 8 s in release mode); a third
//! test checks that the graph generator reaches cycles, concurrent asynchronous modules,
//! execLists of two or more, and the other cases the model distinguishes.

use compartments::host::engine::{Engine, EngineOptions};
use compartments::host::module_host::MemoryModuleHost;
use compartments::host::stack::on_big_stack;
use proptest::prelude::*;
use std::collections::VecDeque;
use std::fmt;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `new ModuleSource(...)`, no top-level await.
    Js,
    /// `new ModuleSource(...)` with `await 0` between `enter` and `exit`.
    JsAwait,
    /// A virtual module source without `execute`: links, prints nothing.
    VirtualNoExecute,
    /// `execute(ns) { ... }`.
    VirtualSync,
    /// `async execute(ns) { ... }` without `await`.
    VirtualAsync,
    /// `async execute(ns) { ...; await 0; ... }`.
    VirtualAsyncAwait,
}

impl Kind {
    /// [[HasTLA]]: `await` in a ModuleSource's text; an `execute` in a virtual source.
    fn has_tla(self) -> bool {
        !matches!(self, Kind::Js | Kind::VirtualNoExecute)
    }
}

#[derive(Clone)]
struct Graph {
    /// Each module's kind and dependencies (indices, in import order).
    modules: Vec<(Kind, Vec<usize>)>,
}

impl Graph {
    /// The main module: the whole generated program.
    fn main_text(&self) -> String {
        let mut text = String::from(
            "const modules = [];\n\
             const handler = { importHook(specifier) { return modules[Number(specifier.slice(1))]; } };\n",
        );
        for (i, (kind, deps)) in self.modules.iter().enumerate() {
            let source = match kind {
                Kind::Js | Kind::JsAwait => {
                    let mut body = String::new();
                    for (k, j) in deps.iter().enumerate() {
                        body.push_str(&format!("import * as n{k} from 'm{j}'; "));
                    }
                    let wait = if *kind == Kind::JsAwait {
                        "await 0; "
                    } else {
                        ""
                    };
                    body.push_str(&format!("print('enter {i}'); {wait}print('exit {i}');"));
                    format!("new ModuleSource(\"{body}\")")
                }
                _ => {
                    let bindings: Vec<String> = deps
                        .iter()
                        .enumerate()
                        .map(|(k, j)| format!("{{ importAllFrom: 'm{j}', as: 'n{k}' }}"))
                        .collect();
                    let (prefix, wait) = match kind {
                        Kind::VirtualAsync => ("async ", ""),
                        Kind::VirtualAsyncAwait => ("async ", "await 0; "),
                        _ => ("", ""),
                    };
                    let execute = if *kind == Kind::VirtualNoExecute {
                        String::new()
                    } else {
                        format!(
                            ", {prefix}execute(ns) {{ print('enter {i}'); {wait}print('exit {i}'); }}"
                        )
                    };
                    format!("{{ bindings: [{}]{execute} }}", bindings.join(", "))
                }
            };
            text.push_str(&format!(
                "modules.push(new Module({source}, handler)); // {i}\n"
            ));
        }
        text.push_str("await import(modules[0]);\nprint('done');\n");
        text
    }
}

/// Failures show the program (shrunk graphs are short).
impl fmt::Debug for Graph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\n{}", self.main_text())
    }
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        2 => Just(Kind::Js),
        2 => Just(Kind::JsAwait),
        1 => Just(Kind::VirtualNoExecute),
        1 => Just(Kind::VirtualSync),
        1 => Just(Kind::VirtualAsync),
        1 => Just(Kind::VirtualAsyncAwait),
    ]
}

/// A dependency of module `i` of `n`: mostly a later module (so that graphs are mostly
/// reachable from 0 and deep), sometimes any module (cycles, self-imports).
fn dependency(i: usize, n: usize) -> BoxedStrategy<usize> {
    if i + 1 < n {
        prop_oneof![3 => i + 1..n.min(i + 4), 1 => 0..n].boxed()
    } else {
        (0..n).boxed()
    }
}

fn graph() -> impl Strategy<Value = Graph> {
    (1..=8usize).prop_flat_map(|n| {
        let modules: Vec<_> = (0..n)
            .map(|i| {
                let count = prop_oneof![1 => Just(0), 5 => 1..=3usize];
                let deps = count.prop_flat_map(move |k| prop::collection::vec(dependency(i, n), k));
                (kind(), deps)
            })
            .collect();
        modules.prop_map(|modules| Graph { modules })
    })
}

// ---------------------------------------------------------------------------------------
// The model.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    /// Not reached by the DFS (linked, or never loaded: neither runs).
    Linked,
    Evaluating,
    EvaluatingAsync,
    Evaluated,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Order {
    Unset,
    Integer(usize),
    Done,
}

#[derive(Clone, Debug)]
struct Record {
    status: Status,
    dfs_index: usize,
    dfs_ancestor_index: usize,
    pending_async_dependencies: usize,
    async_parent_modules: Vec<usize>,
    async_evaluation_order: Order,
    cycle_root: Option<usize>,
    top_level_capability: bool,
    /// The promise an async `execute` returned: fulfilled, and whether a reaction waits.
    execute_promise_fulfilled: bool,
    execute_promise_awaited: bool,
}

#[derive(Clone, Copy, Debug)]
enum Job {
    /// The `await 0` of a JavaScript module resumes: `exit`, then the body's completion
    /// resolves the ExecuteAsyncModule capability with undefined.
    ResumeBody(usize),
    /// The `await 0` of an async `execute` resumes: `exit`, then its promise P fulfills.
    ResumeExecute(usize),
    /// NewPromiseResolveThenableJob: P.then(resolve, reject) of the capability.
    ResolveThenable(usize),
    /// P's reaction: the capability's resolve with undefined.
    ExecutePromiseReaction(usize),
    /// The capability's onFulfilled: AsyncModuleExecutionFulfilled(module).
    Fulfilled(usize),
    /// The jobs from the entry's [[TopLevelCapability]] to main's `print('done')`.
    Done(u8),
}

/// What a run of the model went through (for the generator-coverage test).
#[derive(Clone, Copy, Debug, Default)]
struct Stats {
    /// A strongly connected component of more than one module was evaluated.
    cycle: bool,
    /// Two modules were started by ExecuteAsyncModule and not yet fulfilled at once.
    concurrent: bool,
    /// An execList had two modules or more (its sorting mattered).
    batch: bool,
    /// A synchronous module ran from AsyncModuleExecutionFulfilled's execList.
    sync_after_async: bool,
    /// A module waited on two asynchronous dependencies or more.
    pending_two: bool,
    /// InnerModuleEvaluation step 11.c.v on a module still `evaluating` (on the stack) with
    /// an [[AsyncEvaluationOrder]] already.
    evaluating_with_order: bool,
    /// Step 11.c.iv.1 replaced a dependency by a different [[CycleRoot]] that was still
    /// asynchronous.
    waited_on_cycle_root: bool,
    /// Modules printed `enter`.
    entered: usize,
}

struct Model<'g> {
    graph: &'g Graph,
    records: Vec<Record>,
    async_evaluation_count: usize,
    jobs: VecDeque<Job>,
    printed: Vec<String>,
    in_flight: usize,
    stats: Stats,
}

impl Model<'_> {
    /// [[RequestedModules]]: the dependencies without repeats (ModuleRequests never holds
    /// two equal requests; bindings' requests likewise).
    fn requested_modules(&self, module: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for &j in &self.graph.modules[module].1 {
            if !out.contains(&j) {
                out.push(j);
            }
        }
        out
    }

    fn kind(&self, module: usize) -> Kind {
        self.graph.modules[module].0
    }

    fn print(&mut self, what: &str, module: usize) {
        if what == "enter" {
            self.stats.entered += 1;
        }
        self.printed.push(format!("{what} {module}"));
    }

    /// ExecuteModule() of a synchronous module.
    fn execute_module(&mut self, module: usize) {
        match self.kind(module) {
            Kind::Js => {
                self.print("enter", module);
                self.print("exit", module);
            }
            Kind::VirtualNoExecute => {}
            kind => unreachable!("{kind:?} has [[HasTLA]]"),
        }
    }

    /// ExecuteAsyncModule(module): a capability whose fulfilment is
    /// AsyncModuleExecutionFulfilled(module); ExecuteModule(capability).
    fn execute_async_module(&mut self, module: usize) {
        assert!(matches!(
            self.records[module].status,
            Status::Evaluating | Status::EvaluatingAsync
        ));
        assert!(self.kind(module).has_tla());
        self.in_flight += 1;
        self.stats.concurrent |= self.in_flight >= 2;
        match self.kind(module) {
            Kind::JsAwait => {
                self.print("enter", module);
                self.jobs.push_back(Job::ResumeBody(module));
            }
            Kind::VirtualSync => {
                self.print("enter", module);
                self.print("exit", module);
                self.jobs.push_back(Job::Fulfilled(module));
            }
            Kind::VirtualAsync => {
                self.print("enter", module);
                self.print("exit", module);
                self.records[module].execute_promise_fulfilled = true;
                self.jobs.push_back(Job::ResolveThenable(module));
            }
            Kind::VirtualAsyncAwait => {
                self.print("enter", module);
                self.jobs.push_back(Job::ResumeExecute(module));
                self.jobs.push_back(Job::ResolveThenable(module));
            }
            Kind::Js | Kind::VirtualNoExecute => unreachable!(),
        }
    }

    /// InnerModuleEvaluation(module, stack, index) (no errors can happen).
    fn inner_module_evaluation(
        &mut self,
        module: usize,
        stack: &mut Vec<usize>,
        mut index: usize,
    ) -> usize {
        // 2-3.
        match self.records[module].status {
            Status::EvaluatingAsync | Status::Evaluated | Status::Evaluating => return index,
            Status::Linked => {}
        }
        // 5-10.
        let record = &mut self.records[module];
        record.status = Status::Evaluating;
        record.dfs_index = index;
        record.dfs_ancestor_index = index;
        record.pending_async_dependencies = 0;
        index += 1;
        stack.push(module);
        // 11.
        for required in self.requested_modules(module) {
            index = self.inner_module_evaluation(required, stack, index);
            let mut required = required;
            assert_eq!(
                self.records[required].status == Status::Evaluating,
                stack.contains(&required)
            );
            if self.records[required].status == Status::Evaluating {
                self.stats.evaluating_with_order |= matches!(
                    self.records[required].async_evaluation_order,
                    Order::Integer(_)
                );
                let ancestor = self.records[required].dfs_ancestor_index;
                let record = &mut self.records[module];
                record.dfs_ancestor_index = record.dfs_ancestor_index.min(ancestor);
            } else {
                let root = self.records[required].cycle_root.expect("a cycle root");
                self.stats.waited_on_cycle_root |= root != required
                    && matches!(self.records[root].async_evaluation_order, Order::Integer(_));
                required = root;
                assert!(matches!(
                    self.records[required].status,
                    Status::EvaluatingAsync | Status::Evaluated
                ));
            }
            if let Order::Integer(_) = self.records[required].async_evaluation_order {
                self.records[module].pending_async_dependencies += 1;
                self.records[required].async_parent_modules.push(module);
            }
        }
        // 12-13.
        if self.records[module].pending_async_dependencies > 0 || self.kind(module).has_tla() {
            assert_eq!(self.records[module].async_evaluation_order, Order::Unset);
            self.records[module].async_evaluation_order =
                Order::Integer(self.async_evaluation_count);
            self.async_evaluation_count += 1;
            if self.records[module].pending_async_dependencies == 0 {
                self.execute_async_module(module);
            }
        } else {
            self.execute_module(module);
        }
        // 16.
        if self.records[module].dfs_ancestor_index == self.records[module].dfs_index {
            self.stats.cycle |= stack.last() != Some(&module);
            loop {
                let required = stack.pop().expect("module is on the stack");
                self.records[required].status = match self.records[required].async_evaluation_order
                {
                    Order::Integer(_) => Status::EvaluatingAsync,
                    _ => Status::Evaluated,
                };
                self.records[required].cycle_root = Some(module);
                if required == module {
                    break;
                }
            }
        }
        self.stats.pending_two |= self.records[module].pending_async_dependencies >= 2;
        index
    }

    /// GatherAvailableAncestors(module, execList).
    fn gather_available_ancestors(&mut self, module: usize, exec_list: &mut Vec<usize>) {
        for m in self.records[module].async_parent_modules.clone() {
            if !exec_list.contains(&m) {
                assert_eq!(self.records[m].status, Status::EvaluatingAsync);
                assert!(matches!(
                    self.records[m].async_evaluation_order,
                    Order::Integer(_)
                ));
                assert!(self.records[m].pending_async_dependencies > 0);
                self.records[m].pending_async_dependencies -= 1;
                if self.records[m].pending_async_dependencies == 0 {
                    exec_list.push(m);
                    if !self.kind(m).has_tla() {
                        self.gather_available_ancestors(m, exec_list);
                    }
                }
            }
        }
    }

    fn resolve_top_level_capability(&mut self, module: usize) {
        if self.records[module].top_level_capability {
            self.jobs.push_back(Job::Done(1));
        }
    }

    /// AsyncModuleExecutionFulfilled(module).
    fn async_module_execution_fulfilled(&mut self, module: usize) {
        assert_eq!(self.records[module].status, Status::EvaluatingAsync);
        self.in_flight -= 1;
        self.records[module].async_evaluation_order = Order::Done;
        self.records[module].status = Status::Evaluated;
        self.resolve_top_level_capability(module);
        let mut exec_list = Vec::new();
        self.gather_available_ancestors(module, &mut exec_list);
        let order = |r: &Record| match r.async_evaluation_order {
            Order::Integer(n) => n,
            other => panic!("{other:?} in execList"),
        };
        exec_list.sort_by_key(|&m| order(&self.records[m]));
        self.stats.batch |= exec_list.len() >= 2;
        for m in exec_list {
            if self.kind(m).has_tla() {
                self.execute_async_module(m);
            } else {
                self.stats.sync_after_async = true;
                self.execute_module(m);
                self.records[m].async_evaluation_order = Order::Done;
                self.records[m].status = Status::Evaluated;
                self.resolve_top_level_capability(m);
            }
        }
    }

    fn run_job(&mut self, job: Job) {
        match job {
            Job::ResumeBody(m) => {
                self.print("exit", m);
                self.jobs.push_back(Job::Fulfilled(m));
            }
            Job::ResumeExecute(m) => {
                self.print("exit", m);
                self.records[m].execute_promise_fulfilled = true;
                if self.records[m].execute_promise_awaited {
                    self.jobs.push_back(Job::ExecutePromiseReaction(m));
                }
            }
            Job::ResolveThenable(m) => {
                if self.records[m].execute_promise_fulfilled {
                    self.jobs.push_back(Job::ExecutePromiseReaction(m));
                } else {
                    self.records[m].execute_promise_awaited = true;
                }
            }
            Job::ExecutePromiseReaction(m) => self.jobs.push_back(Job::Fulfilled(m)),
            Job::Fulfilled(m) => self.async_module_execution_fulfilled(m),
            Job::Done(0) => {
                assert!(self.jobs.is_empty(), "the entry settles last");
                self.printed.push("done".to_string());
            }
            Job::Done(n) => self.jobs.push_back(Job::Done(n - 1)),
        }
    }
}

/// The lines the program prints, predicted from the graph alone: Evaluate() on module 0
/// (in one job), then the job queue until it is empty.
fn predict(graph: &Graph) -> Vec<String> {
    simulate(graph).0
}

fn simulate(graph: &Graph) -> (Vec<String>, Stats) {
    let fresh = Record {
        status: Status::Linked,
        dfs_index: 0,
        dfs_ancestor_index: 0,
        pending_async_dependencies: 0,
        async_parent_modules: Vec::new(),
        async_evaluation_order: Order::Unset,
        cycle_root: None,
        top_level_capability: false,
        execute_promise_fulfilled: false,
        execute_promise_awaited: false,
    };
    let mut model = Model {
        graph,
        records: vec![fresh; graph.modules.len()],
        async_evaluation_count: 0,
        jobs: VecDeque::new(),
        printed: Vec::new(),
        in_flight: 0,
        stats: Stats::default(),
    };
    // Evaluate(): a fresh [[TopLevelCapability]], InnerModuleEvaluation, then resolve it
    // at once if the entry finished synchronously.
    model.records[0].top_level_capability = true;
    let mut stack = Vec::new();
    model.inner_module_evaluation(0, &mut stack, 0);
    assert!(stack.is_empty());
    if !matches!(model.records[0].async_evaluation_order, Order::Integer(_)) {
        model.resolve_top_level_capability(0);
    }
    while let Some(job) = model.jobs.pop_front() {
        model.run_job(job);
    }
    assert_eq!(model.in_flight, 0);
    (model.printed, model.stats)
}

/// Modules reachable from module 0.
fn reachable(graph: &Graph) -> Vec<bool> {
    let mut seen = vec![false; graph.modules.len()];
    let mut todo = vec![0];
    while let Some(i) = todo.pop() {
        if !std::mem::replace(&mut seen[i], true) {
            todo.extend(graph.modules[i].1.iter().copied());
        }
    }
    seen
}

// ---------------------------------------------------------------------------------------
// The engine.

fn run_main(main: String) -> Result<Vec<String>, String> {
    on_big_stack(move || {
        let mut engine = Engine::new(EngineOptions {
            capture_print: true,
            ..EngineOptions::default()
        });
        let host = MemoryModuleHost::new([("main", main.as_str())]).with_module_sources();
        engine.set_module_loader(Rc::new(host));
        let promise = engine.evaluate_module("main").map_err(|u| u.report)?;
        engine.run_jobs().map_err(|u| u.report)?;
        engine.module_result(&promise).map_err(|u| u.report)?;
        Ok(engine.take_printed())
    })
    .expect("no panic")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn modules_evaluate_once_in_the_order_the_model_predicts(graph in graph()) {
        let printed = run_main(graph.main_text());
        let printed = match printed {
            Ok(printed) => printed,
            Err(report) => return Err(TestCaseError::fail(format!("the program failed: {report}"))),
        };
        let reachable = reachable(&graph);
        for (i, (kind, _)) in graph.modules.iter().enumerate() {
            let expected = usize::from(reachable[i] && *kind != Kind::VirtualNoExecute);
            for what in ["enter", "exit"] {
                let line = format!("{what} {i}");
                let count = printed.iter().filter(|p| **p == line).count();
                prop_assert_eq!(count, expected, "{:?} printed {:?}", graph, printed);
            }
        }
        prop_assert_eq!(printed, predict(&graph), "{:?}", graph);
    }
}

/// The generator reaches the situations the model distinguishes, so the property above is
/// not vacuous.
#[test]
fn the_generator_reaches_cycles_batches_and_races() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = graph();
    let mut counts = [0usize; 7];
    let mut entered = 0;
    let cases = 1000;
    for _ in 0..cases {
        let graph = strategy.new_tree(&mut runner).unwrap().current();
        let (_, stats) = simulate(&graph);
        let reached = [
            stats.cycle,
            stats.concurrent,
            stats.batch,
            stats.sync_after_async,
            stats.pending_two,
            stats.evaluating_with_order,
            stats.waited_on_cycle_root,
        ];
        for (count, reached) in counts.iter_mut().zip(reached) {
            *count += usize::from(reached);
        }
        entered += stats.entered;
    }
    // cycle, concurrent, batch, sync_after_async, pending_two, evaluating_with_order,
    // waited_on_cycle_root: each in at least 5 % of the graphs (8 % to 47 % when written).
    assert!(counts.iter().all(|&c| c * 20 >= cases), "{counts:?}");
    assert!(2 * entered >= 5 * cases, "{entered} modules entered");
}

// ---------------------------------------------------------------------------------------
// Layer 1: `ModuleSource.prototype.bindings` through the engine.

#[path = "common/module_declarations.rs"]
mod module_declarations;

use compartments::spec::compartments::static_analysis::StaticBinding;

/// QuoteJSONString (ECMA-262 25.5.2.3) of a string of code units.
fn json_string(s: &[u16]) -> String {
    let mut out = String::from("\"");
    for unit in char::decode_utf16(s.iter().copied()) {
        match unit {
            Ok('\u{8}') => out.push_str("\\b"),
            Ok('\t') => out.push_str("\\t"),
            Ok('\n') => out.push_str("\\n"),
            Ok('\u{c}') => out.push_str("\\f"),
            Ok('\r') => out.push_str("\\r"),
            Ok('"') => out.push_str("\\\""),
            Ok('\\') => out.push_str("\\\\"),
            Ok(c) if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            Ok(c) => out.push(c),
            Err(e) => out.push_str(&format!("\\u{:04x}", e.unpaired_surrogate())),
        }
    }
    out.push('"');
    out
}

/// A binding object as JSON.stringify writes it: the proposal's shapes, properties in the
/// order the shapes list them (1-static-analysis.md).
fn binding_json(binding: &StaticBinding) -> String {
    let fields: Vec<(&str, &[u16])> = match binding {
        StaticBinding::Import { import, from } => vec![("import", import), ("from", from)],
        StaticBinding::ImportAs { import, r#as, from } => {
            vec![("import", import), ("as", r#as), ("from", from)]
        }
        StaticBinding::Export { export } => vec![("export", export)],
        StaticBinding::ExportAs { export, r#as } => vec![("export", export), ("as", r#as)],
        StaticBinding::ExportFrom { export, from } => vec![("export", export), ("from", from)],
        StaticBinding::ExportAsFrom { export, r#as, from } => {
            vec![("export", export), ("as", r#as), ("from", from)]
        }
        StaticBinding::ImportAllFrom {
            import_all_from,
            r#as,
        } => vec![("importAllFrom", import_all_from), ("as", r#as)],
        StaticBinding::ExportAllFrom { export_all_from } => {
            vec![("exportAllFrom", export_all_from)]
        }
        StaticBinding::ExportAllFromAs {
            export_all_from,
            r#as,
        } => vec![("exportAllFrom", export_all_from), ("as", r#as)],
    };
    let fields: Vec<String> = fields
        .into_iter()
        .map(|(key, value)| format!("\"{key}\":{}", json_string(value)))
        .collect();
    format!("{{{}}}", fields.join(","))
}

/// A JavaScript string literal of a module text (ASCII: the renderer escapes the rest).
fn js_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn module_source_bindings_match_the_static_analysis_model(
        decls in prop::collection::vec(module_declarations::decl(), 0..10)
            .prop_map(module_declarations::fix_up)
    ) {
        let text = module_declarations::render(&decls);
        let main = format!(
            "print(JSON.stringify(new ModuleSource({}).bindings));",
            js_string(&text)
        );
        let printed = run_main(main)
            .map_err(|report| TestCaseError::fail(format!("{report}\n{text}")))?;
        let expected: Vec<String> = module_declarations::model(&decls)
            .iter()
            .map(binding_json)
            .collect();
        prop_assert_eq!(printed, vec![format!("[{}]", expected.join(","))], "{}", text);
    }
}
