//! Embeds the spec-step transcriptions (`spec-steps/*.yaml`) in the library, so that
//! `compartments run --trace` can print each executed step's text: writes
//! `$OUT_DIR/spec_steps.rs` with one `(file name, contents)` pair per YAML file, in file-name
//! order, each contents an `include_str!` of the file (so editing a file rebuilds).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let dir = Path::new(&manifest_dir).join("spec-steps");
    // A directory: cargo rescans it, so added and removed files are noticed too.
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut code = String::from(
        "/// The spec-step files embedded at build time: (file name, YAML text).\n\
         pub static SPEC_STEP_FILES: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let absolute = path.canonicalize().unwrap_or_else(|_| path.clone());
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            absolute.display().to_string()
        );
    }
    code.push_str("];\n");
    std::fs::write(Path::new(&out_dir).join("spec_steps.rs"), code).expect("OUT_DIR is writable");
}
