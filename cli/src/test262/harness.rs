//! test262 harness files: which ones a test needs, in which order (INTERPRETING.md:
//! `assert.js` and `sta.js`, then `doneprintHandle.js` for `async` tests, then the
//! `includes` in the order given; none for `raw` tests), and a cache that reads and parses
//! each file once per run, shared by every worker thread.

use super::frontmatter::Metadata;
use compartments::host::engine::ScriptSource;
use compartments::syntax::parse_script;
use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// Evaluated before every test that is not `raw`.
pub const ALWAYS: [&str; 2] = ["assert.js", "sta.js"];
/// Evaluated after [`ALWAYS`] for `async` tests.
pub const ASYNC: &str = "doneprintHandle.js";

/// The harness files to evaluate before the test, in order, each once.
pub fn harness_files(meta: &Metadata) -> Vec<String> {
    if meta.has_flag("raw") {
        return Vec::new();
    }
    let mut files: Vec<String> = ALWAYS.iter().map(|f| f.to_string()).collect();
    if meta.has_flag("async") {
        files.push(ASYNC.to_string());
    }
    for include in &meta.includes {
        if !files.contains(include) {
            files.push(include.clone());
        }
    }
    files
}

/// A harness file name must stay inside `harness/`: relative, no `..`.
fn is_plain_relative(name: &str) -> bool {
    let path = Path::new(name);
    !name.is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)))
}

/// One slot per harness file name, filled by the first thread that asks for it (the
/// others wait for it).
type Slot = Arc<OnceLock<Result<ScriptSource, String>>>;

/// Harness files read from one `harness/` directory and parsed (as non-strict Scripts)
/// at most once each, however many tests and threads use them.
pub struct HarnessCache {
    dir: Option<PathBuf>,
    slots: Mutex<HashMap<String, Slot>>,
}

impl HarnessCache {
    /// A cache over `dir` (a test262 checkout's `harness/`). With `None`, every test that
    /// needs a harness file fails, saying there is no harness directory.
    pub fn new(dir: Option<PathBuf>) -> HarnessCache {
        HarnessCache {
            dir,
            slots: Mutex::new(HashMap::new()),
        }
    }

    /// The parsed harness file `name` (e.g. `propertyHelper.js`), or why it cannot be
    /// used. Parsing is recursive: call it on a thread with a big stack.
    pub fn get(&self, name: &str) -> Result<ScriptSource, String> {
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(slots.entry(name.to_string()).or_default())
        };
        // The map's lock is released: other files load in parallel; the same file waits.
        slot.get_or_init(|| self.load(name)).clone()
    }

    /// The parsed harness files `meta` asks for, in order ([`harness_files`]).
    pub fn scripts_for(&self, meta: &Metadata) -> Result<Vec<ScriptSource>, String> {
        harness_files(meta)
            .iter()
            .map(|name| self.get(name))
            .collect()
    }

    /// How many files have been asked for (loaded or failed).
    pub fn len(&self) -> usize {
        self.slots
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn load(&self, name: &str) -> Result<ScriptSource, String> {
        let label = format!("harness/{name}");
        if !is_plain_relative(name) {
            return Err(format!("{label}: not a file name inside harness/"));
        }
        let Some(dir) = &self.dir else {
            return Err(format!(
                "{label}: no harness directory (give --test262-dir, or run tests inside a \
                 test262 checkout)"
            ));
        };
        let path = dir.join(name);
        let text = fs::read_to_string(&path)
            .map_err(|e| format!("{label}: cannot read {}: {e}", path.display()))?;
        let program = parse_script(&text).map_err(|e| e.render(&label, &text))?;
        Ok(ScriptSource {
            name: label,
            text: Arc::from(text),
            program: Arc::new(program),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use compartments::host::stack::PARSER_STACK_SIZE;
    use rayon::prelude::*;

    fn meta(flags: &[&str], includes: &[&str]) -> Metadata {
        Metadata {
            flags: flags.iter().map(|f| f.to_string()).collect(),
            includes: includes.iter().map(|f| f.to_string()).collect(),
            ..Metadata::default()
        }
    }

    #[test]
    fn includes_come_after_assert_sta_and_doneprint() {
        assert_eq!(harness_files(&meta(&[], &[])), ["assert.js", "sta.js"]);
        assert_eq!(
            harness_files(&meta(
                &["onlyStrict"],
                &["propertyHelper.js", "compareArray.js"]
            )),
            [
                "assert.js",
                "sta.js",
                "propertyHelper.js",
                "compareArray.js"
            ]
        );
        assert_eq!(
            harness_files(&meta(&["async"], &["asyncHelpers.js"])),
            [
                "assert.js",
                "sta.js",
                "doneprintHandle.js",
                "asyncHelpers.js"
            ]
        );
    }

    #[test]
    fn raw_tests_get_no_harness_and_duplicates_run_once() {
        assert!(harness_files(&meta(&["raw"], &[])).is_empty());
        assert_eq!(
            harness_files(&meta(
                &["async"],
                &["sta.js", "doneprintHandle.js", "a.js", "a.js"]
            )),
            ["assert.js", "sta.js", "doneprintHandle.js", "a.js"]
        );
    }

    #[test]
    fn names_must_stay_inside_harness() {
        assert!(is_plain_relative("assert.js"));
        assert!(is_plain_relative("sm/non262.js"));
        assert!(!is_plain_relative("../test/x.js"));
        assert!(!is_plain_relative("/etc/passwd"));
        assert!(!is_plain_relative(""));
        let cache = HarnessCache::new(Some(PathBuf::from("/nonexistent")));
        assert!(cache
            .get("../x.js")
            .unwrap_err()
            .contains("inside harness/"));
    }

    #[test]
    fn without_a_directory_or_file_the_error_names_the_file() {
        let cache = HarnessCache::new(None);
        let error = cache.get("assert.js").unwrap_err();
        assert!(
            error.starts_with("harness/assert.js: no harness directory"),
            "{error}"
        );
        let cache = HarnessCache::new(Some(PathBuf::from("/nonexistent/compartments")));
        let error = cache.scripts_for(&meta(&[], &[])).unwrap_err();
        assert!(
            error.starts_with("harness/assert.js: cannot read"),
            "{error}"
        );
    }

    /// A fresh `harness/`-like directory under the system temp dir, removed on drop.
    struct TempHarness(PathBuf);

    impl TempHarness {
        fn new(tag: &str, files: &[(&str, &str)]) -> TempHarness {
            let dir = std::env::temp_dir()
                .join(format!("compartments-harness-{tag}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            for (name, text) in files {
                fs::write(dir.join(name), text).unwrap();
            }
            TempHarness(dir)
        }
    }

    impl Drop for TempHarness {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn each_file_is_parsed_once_and_shared_across_threads() {
        let tmp = TempHarness::new(
            "shared",
            &[
                ("assert.js", "function assert(v) {}\n"),
                ("sta.js", "function Test262Error() {}\n"),
                ("bad.js", "var 1;\n"),
            ],
        );
        let cache = HarnessCache::new(Some(tmp.0.clone()));
        let first = cache.get("assert.js").unwrap();
        assert_eq!(first.name, "harness/assert.js");
        assert_eq!(&*first.text, "function assert(v) {}\n");
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .stack_size(PARSER_STACK_SIZE)
            .build()
            .unwrap();
        let all: Vec<Vec<ScriptSource>> = pool.install(|| {
            (0..16)
                .into_par_iter()
                .map(|_| cache.scripts_for(&meta(&[], &[])).unwrap())
                .collect()
        });
        for scripts in &all {
            assert!(Arc::ptr_eq(&scripts[0].program, &first.program));
            assert!(Arc::ptr_eq(&scripts[1].program, &all[0][1].program));
        }
        assert_eq!(cache.len(), 2);
        let error = cache.get("bad.js").unwrap_err();
        assert!(error.contains("SyntaxError"), "{error}");
        assert!(error.contains("harness/bad.js"), "{error}");
    }
}
