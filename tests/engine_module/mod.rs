//! What the Compartments end-to-end tests share: running module `main` of in-memory sources
//! (with the host giving JavaScript modules a ModuleSource, as the CLI's does) and
//! collecting what it printed.
// Each test crate that includes this module uses only some of its functions.
#![allow(dead_code)]

use compartments::host::engine::{Engine, EngineOptions};
use compartments::host::module_host::MemoryModuleHost;
use compartments::host::stack::on_big_stack;
use std::rc::Rc;

/// Runs module `main` of `sources`, then the jobs: the printed lines, or the uncaught
/// error's report.
pub fn run(sources: &[(&'static str, &'static str)]) -> Result<Vec<String>, String> {
    let sources = sources.to_vec();
    on_big_stack(move || {
        let mut engine = Engine::new(EngineOptions {
            capture_print: true,
            ..EngineOptions::default()
        });
        let host = MemoryModuleHost::new(sources.iter().copied()).with_module_sources();
        engine.set_module_loader(Rc::new(host));
        let promise = engine.evaluate_module("main").map_err(|u| u.report)?;
        engine.run_jobs().map_err(|u| u.report)?;
        engine.module_result(&promise).map_err(|u| u.report)?;
        Ok(engine.take_printed())
    })
    .expect("no panic")
}

/// What module `main` (the only source) printed; panics if it threw.
pub fn printed(main: &'static str) -> Vec<String> {
    run(&[("main", main)]).expect("main runs")
}
