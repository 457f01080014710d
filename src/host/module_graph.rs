//! `compartments graph`: a module graph as Graphviz DOT, so that a person can look at what
//! the spec's figures of cyclic module graphs show. Each module is a node labelled with its
//! Cyclic Module Record fields ([[Status]], [[DFSIndex]], [[DFSAncestorIndex]], [[HasTLA]],
//! [[AsyncEvaluationOrder]], [[PendingAsyncDependencies]]); solid edges are
//! [[LoadedModules]] (labelled with the specifier), dashed edges point to the [[CycleRoot]]
//! and dotted edges to [[AsyncParentModules]].

use crate::spec::abstract_module_records::{AsyncEvaluationOrder, Module};
use std::fmt::Write;

/// The graph reachable from `root` through [[LoadedModules]], in DOT, titled `title`.
pub fn module_graph_dot(root: &Module, title: &str) -> String {
    let modules = reachable_modules(root);
    let id = |m: &Module| -> usize {
        modules
            .iter()
            .position(|n| n == m)
            .expect("every module an edge names was visited")
    };
    let mut dot = String::new();
    let _ = writeln!(dot, "digraph modules {{");
    let _ = writeln!(dot, "  label={};", quoted(title));
    let _ = writeln!(dot, "  labelloc=t;");
    let _ = writeln!(dot, "  node [shape=box, fontname=\"monospace\"];");
    for (index, module) in modules.iter().enumerate() {
        let data = module.data();
        let mut label = format!(
            "{}\n[[Status]] {}",
            short_name(&module.name()),
            data.status.name()
        );
        let index_text = |i: Option<usize>| i.map_or("empty".to_string(), |i| i.to_string());
        let _ = write!(
            label,
            "\n[[DFSIndex]] {}  [[DFSAncestorIndex]] {}",
            index_text(data.dfs_index),
            index_text(data.dfs_ancestor_index)
        );
        let order = match data.async_evaluation_order {
            AsyncEvaluationOrder::Unset => "unset".to_string(),
            AsyncEvaluationOrder::Order(n) => n.to_string(),
            AsyncEvaluationOrder::Done => "done".to_string(),
        };
        let _ = write!(
            label,
            "\n[[HasTLA]] {}  [[AsyncEvaluationOrder]] {}",
            data.has_tla, order
        );
        if let Some(pending) = data.pending_async_dependencies {
            let _ = write!(label, "\n[[PendingAsyncDependencies]] {pending}");
        }
        if data.evaluation_error.is_some() {
            label.push_str("\n[[EvaluationError]] set");
        }
        let _ = writeln!(dot, "  m{index} [label={}];", quoted(&label));
    }
    for (index, module) in modules.iter().enumerate() {
        let data = module.data();
        for (request, imported) in &data.loaded_modules {
            let specifier = String::from_utf16_lossy(&request.specifier);
            let _ = writeln!(
                dot,
                "  m{index} -> m{} [label={}];",
                id(imported),
                quoted(&specifier)
            );
        }
        if let Some(root) = &data.cycle_root {
            let _ = writeln!(
                dot,
                "  m{index} -> m{} [style=dashed, color=gray40, label=\"[[CycleRoot]]\"];",
                id(root)
            );
        }
        for parent in &data.async_parent_modules {
            let _ = writeln!(
                dot,
                "  m{index} -> m{} [style=dotted, color=blue, label=\"async parent\"];",
                id(parent)
            );
        }
    }
    dot.push_str("}\n");
    dot
}

/// `root` and every module reachable from it through [[LoadedModules]], [[CycleRoot]] and
/// [[AsyncParentModules]], in depth-first discovery order.
fn reachable_modules(root: &Module) -> Vec<Module> {
    let mut seen: Vec<Module> = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(module) = stack.pop() {
        if seen.contains(&module) {
            continue;
        }
        let data = module.data();
        let mut next: Vec<Module> = data.loaded_modules.iter().map(|(_, m)| m.clone()).collect();
        next.extend(data.cycle_root.iter().cloned());
        next.extend(data.async_parent_modules.iter().cloned());
        drop(data);
        seen.push(module);
        stack.extend(next.into_iter().rev());
    }
    seen
}

/// The last path component of a module's name.
fn short_name(name: &str) -> String {
    std::path::Path::new(name)
        .file_name()
        .map_or_else(|| name.to_string(), |f| f.to_string_lossy().into_owned())
}

/// A DOT string literal.
fn quoted(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n");
    format!("\"{escaped}\"")
}
