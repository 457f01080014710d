//! `compartments graph --module FILE [--phase load|link|evaluate]`: loads the module graph
//! of FILE with the file-system module host, runs the phases up to the one asked for, and
//! prints the graph in Graphviz DOT (`host::module_graph`) to stdout. An error in a phase
//! is reported on stderr (exit 1) after the graph as it stands then.

use super::{GraphArgs, GraphPhase, EXIT_INTERNAL_ERROR};
use compartments::host::engine::{Engine, EngineOptions};
use compartments::host::module_graph::module_graph_dot;
use compartments::host::module_host::FileModuleHost;
use compartments::host::stack::on_big_stack;
use std::process::ExitCode;
use std::rc::Rc;

pub fn graph(args: &GraphArgs) -> ExitCode {
    let name = args.module.display().to_string();
    let phase = args.phase;
    let features = args.features.features();
    let result = on_big_stack(move || {
        // The program's own output would mix with the DOT text: keep it in the engine.
        let mut engine = Engine::new(EngineOptions {
            test262: false,
            capture_print: true,
            features,
        });
        engine.set_module_loader(Rc::new(FileModuleHost::with_module_sources()));
        let module = match engine.load_module(&name) {
            Ok(module) => module,
            Err(uncaught) => return (String::new(), Some(uncaught.report)),
        };
        let mut error = None;
        let mut title = "after load";
        if phase != GraphPhase::Load {
            title = "after link";
            if let Err(uncaught) = engine.link_module(&module) {
                error = Some(uncaught.report);
            } else if phase == GraphPhase::Evaluate {
                title = "after evaluate";
                let promise = engine.evaluate_linked_module(&module);
                if let Err(uncaught) = engine
                    .run_jobs()
                    .and_then(|()| engine.module_result(&promise))
                {
                    error = Some(uncaught.report);
                }
            }
        }
        (module_graph_dot(&module, title), error)
    });
    match result {
        Ok((dot, error)) => {
            print!("{dot}");
            match error {
                None => ExitCode::SUCCESS,
                Some(report) => {
                    eprintln!("{report}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(panic) => {
            eprintln!("internal error: the interpreter panicked (a bug): {panic}");
            ExitCode::from(EXIT_INTERNAL_ERROR)
        }
    }
}
