//! The library's layers (docs/ARCHITECTURE.md, "Layers"): every path a source file names
//! (`crate::x`, `super::…::x` climbing out of its layer, `$crate::x`) must point to a layer
//! that file's layer may depend on.
//!
//! - `syntax` (parser, early errors, static semantics) depends on nothing of ours but the
//!   step tracer (`trace`);
//! - `spec` (abstract operations, objects, records, built-ins, suspension of execution
//!   contexts) depends on `syntax`; it reaches the evaluation of syntax (`interp`) only
//!   through `src/spec/evaluation.rs`, the one documented seam;
//! - `interp` (Runtime Semantics: Evaluation of each production) depends on `spec` and
//!   `syntax`;
//! - `host` (embedding API, module hosts, test262 runner, command line) sits on top, and
//!   nothing in the library depends on it.
//!
//! The test fails with each offending file, line and path, so a wrong-way `use` cannot land.

use std::fs;
use std::path::{Path, PathBuf};

/// The layers of the library, by top-level module of `src/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layer {
    Syntax,
    Spec,
    Interp,
    Host,
    Trace,
}

impl Layer {
    fn of_module(name: &str) -> Option<Layer> {
        match name {
            "syntax" => Some(Layer::Syntax),
            "spec" => Some(Layer::Spec),
            "interp" => Some(Layer::Interp),
            "host" => Some(Layer::Host),
            "trace" | "step" => Some(Layer::Trace),
            _ => None,
        }
    }

    /// The layers code in `self` may name.
    fn may_use(self, other: Layer, file: &Path) -> bool {
        use Layer::*;
        match (self, other) {
            (_, Trace) => true,
            (a, b) if a == b => true,
            (Spec, Syntax) | (Interp, Syntax) | (Interp, Spec) => true,
            (Spec, Interp) => file.ends_with("src/spec/evaluation.rs"),
            (Host, _) => true,
            _ => false,
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable source directory") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The layer of a file under `src/`, and its module path below `src/` (for resolving
/// `super::`): `src/spec/builtins/map.rs` → (Spec, ["spec", "builtins", "map"]).
fn layer_of_file(src: &Path, file: &Path) -> Option<(Layer, Vec<String>)> {
    let relative = file.strip_prefix(src).ok()?;
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    let layer = Layer::of_module(parts.first()?)?;
    Some((layer, parts))
}

/// Every `crate::name` / `$crate::name` and every `super::` chain in `line`, resolved to
/// the top-level module it names.
fn named_modules(line: &str, module_path: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        let boundary = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if boundary && rest.starts_with("crate::") {
            let name: String = rest["crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.push(name);
            i += "crate::".len();
            continue;
        }
        if boundary && rest.starts_with("super::") {
            // Count the chain of `super::` and take the name after it.
            let mut depth = 0;
            let mut tail = rest;
            while let Some(t) = tail.strip_prefix("super::") {
                depth += 1;
                tail = t;
            }
            let name: String = tail
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // A file's module is `module_path`; `super` is its parent. Climbing to the
            // crate root means the next name is a top-level module.
            if depth >= module_path.len() {
                found.push(name);
            }
            i += rest.len() - tail.len();
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    found
}

#[test]
fn no_use_crosses_the_layers_the_wrong_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut violations = Vec::new();
    let mut checked = 0;
    for file in &files {
        let Some((layer, module_path)) = layer_of_file(&src, file) else {
            continue; // lib.rs, main.rs: the crate root names every layer.
        };
        checked += 1;
        let text = fs::read_to_string(file).expect("readable source file");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for name in named_modules(code, &module_path) {
                let Some(other) = Layer::of_module(&name) else {
                    continue;
                };
                if !layer.may_use(other, file) {
                    violations.push(format!(
                        "{}:{}: {:?} names {:?} (`{}`)",
                        file.strip_prefix(&src).unwrap().display(),
                        number + 1,
                        layer,
                        other,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} files found under {}",
        src.display()
    );
    assert!(
        violations.is_empty(),
        "{} uses cross the layers the wrong way (docs/ARCHITECTURE.md, \"Layers\"):\n{}",
        violations.len(),
        violations.join("\n")
    );
}

#[test]
fn the_checker_sees_paths_that_climb_out_of_a_layer() {
    let path: Vec<String> = ["spec", "builtins", "math"].map(String::from).into();
    assert_eq!(named_modules("use crate::interp::x;", &path), ["interp"]);
    assert_eq!(
        named_modules("super::super::super::host::y()", &path),
        ["host"]
    );
    // `super::super` from spec/builtins/math.rs is `spec`, which is not a top-level name.
    assert!(named_modules("super::super::realms::Intrinsic", &path).is_empty());
    assert_eq!(named_modules("$crate::trace::record", &path), ["trace"]);
    assert!(named_modules("my_crate::interp", &path).is_empty());
    let file = Path::new("src/spec/builtins/math.rs");
    assert!(!Layer::Spec.may_use(Layer::Interp, file));
    assert!(Layer::Spec.may_use(Layer::Interp, Path::new("src/spec/evaluation.rs")));
    assert!(!Layer::Interp.may_use(Layer::Host, file));
    assert!(!Layer::Syntax.may_use(Layer::Spec, file));
}
