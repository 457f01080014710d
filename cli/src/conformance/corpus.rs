//! The conformance corpus (`conformance/` in the repository, or any directory laid out like
//! it): where it is, which files are tests, what each test's frontmatter says beyond what
//! test262 runners read (`description`, `spec`, `reading`), and where the test262 harness
//! files come from.
//!
//! A test is named by its path relative to the corpus root with `/` separators
//! (`layer0/cycle.js`): that is its module name in our event log and the basis of its
//! snapshot's name (`snapshots/layer0__cycle.snap`). Its layer is the first component of
//! that name (`layer0`, ..., `ses`), the rows of the report's matrix.

use crate::test262::discover::is_test_file_name;
use crate::test262::frontmatter::{frontmatter, parse_metadata, Metadata};
use serde::Deserialize;
use std::fs;
use std::path::{Path, PathBuf};

/// The corpus root's sub-directory of reviewed logs.
pub const SNAPSHOTS: &str = "snapshots";

/// A corpus: its root directory (the one holding `snapshots/` and the layer directories).
#[derive(Clone, Debug)]
pub struct Corpus {
    pub root: PathBuf,
}

/// One test of the corpus, read.
#[derive(Clone, Debug)]
pub struct CorpusTest {
    /// The name relative to the corpus root (`layer0/cycle.js`).
    pub name: String,
    /// The file.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// What its frontmatter says.
    pub info: TestInfo,
}

/// The frontmatter fields the conformance tools use: test262's (flags, includes,
/// features, negative) and the corpus's own (`description`, `spec`, `reading`).
#[derive(Clone, Debug, Default)]
pub struct TestInfo {
    /// test262's fields, as the test262 runner reads them.
    pub meta: Metadata,
    /// The description, on one line.
    pub description: String,
    /// `spec:`: the clause (and steps) the test checks.
    pub spec: String,
    /// `reading:`: the open readings of the proposal the test pins (ids listed in
    /// conformance/README.md, "Readings"); empty when it pins none. An engine failing such
    /// a test may have chosen another reading rather than deviated from the text.
    pub readings: Vec<String>,
    /// Why the frontmatter could not be read, when it could not.
    pub error: Option<String>,
}

/// The corpus's own frontmatter fields.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ExtraFields {
    description: Option<String>,
    spec: Option<String>,
    reading: Option<Readings>,
}

/// `reading: id` or `reading: [id, id]`.
#[derive(Deserialize)]
#[serde(untagged)]
enum Readings {
    One(String),
    Many(Vec<String>),
}

impl TestInfo {
    /// Reads the frontmatter of `text`.
    pub fn of(text: &str) -> TestInfo {
        let meta = match parse_metadata(text) {
            Ok(meta) => meta,
            Err(error) => {
                return TestInfo {
                    error: Some(error),
                    ..TestInfo::default()
                }
            }
        };
        let extra: ExtraFields = frontmatter(text)
            .filter(|yaml| !yaml.trim().is_empty())
            .and_then(|yaml| serde_yaml_ng::from_str(yaml).ok())
            .unwrap_or_default();
        let one_line = |s: Option<String>| {
            s.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                .unwrap_or_default()
        };
        TestInfo {
            meta,
            description: one_line(extra.description),
            spec: one_line(extra.spec),
            readings: match extra.reading {
                None => Vec::new(),
                Some(Readings::One(id)) => vec![id],
                Some(Readings::Many(ids)) => ids,
            },
            error: None,
        }
    }

    pub fn has_feature(&self, feature: &str) -> bool {
        self.meta.features.iter().any(|f| f == feature)
    }
}

impl Corpus {
    /// The corpus rooted at `root`.
    pub fn new(root: impl Into<PathBuf>) -> Corpus {
        Corpus { root: root.into() }
    }

    /// The corpus holding `path`: the nearest ancestor of `path` (itself included when a
    /// directory) with a `snapshots/` sub-directory; otherwise `path` itself when it is a
    /// directory, or its directory.
    pub fn holding(path: &Path) -> Corpus {
        let start = if path.is_dir() {
            path.to_path_buf()
        } else {
            path.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        let mut dir = Some(start.as_path());
        while let Some(d) = dir {
            if d.join(SNAPSHOTS).is_dir() {
                return Corpus::new(d);
            }
            dir = d.parent();
        }
        Corpus::new(start)
    }

    /// `snapshots/` under the root.
    pub fn snapshots_dir(&self) -> PathBuf {
        self.root.join(SNAPSHOTS)
    }

    /// `path`'s name relative to the root, with `/` separators (the path as given when it
    /// is not under the root).
    pub fn name_of(&self, path: &Path) -> String {
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The reviewed snapshot of the test `name`: `snapshots/<snapshot name>.snap`.
    pub fn snapshot_path(&self, name: &str) -> PathBuf {
        self.snapshots_dir()
            .join(format!("{}.snap", snapshot_name(name)))
    }

    /// The tests under `paths` (files or directories, walked recursively; the root when
    /// empty): every `*.js` file except `*_FIXTURE*` files and `snapshots/`, read, sorted
    /// by name. A path that does not exist is an error.
    pub fn collect(&self, paths: &[PathBuf]) -> Result<Vec<CorpusTest>, String> {
        let roots = if paths.is_empty() {
            vec![self.root.clone()]
        } else {
            paths.to_vec()
        };
        let mut files = Vec::new();
        for path in &roots {
            if path.is_dir() {
                walk(path, &self.snapshots_dir(), &mut files)?;
            } else if path.is_file() {
                files.push(path.clone());
            } else {
                return Err(format!("{}: no such file or directory", path.display()));
            }
        }
        let mut tests = Vec::new();
        for path in files {
            let text = fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            tests.push(CorpusTest {
                name: self.name_of(&path),
                info: TestInfo::of(&text),
                path,
                text,
            });
        }
        tests.sort_by(|a, b| a.name.cmp(&b.name));
        tests.dedup_by(|a, b| a.name == b.name);
        Ok(tests)
    }
}

/// Adds the test files under `dir` (not under `skip`) to `files`.
fn walk(dir: &Path, skip: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    if dir == skip {
        return Ok(());
    }
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, skip, files)?;
        } else if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(is_test_file_name)
        {
            files.push(path);
        }
    }
    Ok(())
}

/// `layer0/module-ctor.js` → `layer0__module-ctor`.
pub fn snapshot_name(name: &str) -> String {
    name.trim_end_matches(".js").replace('/', "__")
}

/// The layer of the test `name`: its first path component (`layer0`, `ses`), or `.` for
/// a test at the root.
pub fn layer_of(name: &str) -> &str {
    match name.split_once('/') {
        Some((layer, _)) => layer,
        None => ".",
    }
}

/// The body of an insta snapshot file: what follows its `---` header.
pub fn snapshot_body(snapshot: &str) -> Option<&str> {
    let rest = snapshot.strip_prefix("---\n")?;
    let end = rest.find("\n---\n")?;
    Some(&rest[end + "\n---\n".len()..])
}

/// test262's `harness/` for a run over `corpus`: under `test262_dir` when given, else under
/// `$TEST262_DIR`, else the first `shared/test262/harness` or `test262/harness` beside the
/// corpus root or one of its ancestors (the repository keeps the reference data in
/// `../shared`). An error says where it looked.
pub fn find_harness_dir(corpus: &Corpus, test262_dir: Option<&Path>) -> Result<PathBuf, String> {
    let check =
        |dir: PathBuf| -> Option<PathBuf> { dir.join("assert.js").is_file().then_some(dir) };
    if let Some(dir) = test262_dir {
        let harness = dir.join("harness");
        return check(harness.clone()).ok_or_else(|| {
            format!(
                "no test262 harness at {} (harness/assert.js)",
                harness.display()
            )
        });
    }
    if let Some(dir) = std::env::var_os("TEST262_DIR") {
        let harness = PathBuf::from(dir).join("harness");
        return check(harness.clone()).ok_or_else(|| {
            format!(
                "no test262 harness at {} ($TEST262_DIR/harness/assert.js)",
                harness.display()
            )
        });
    }
    let root = fs::canonicalize(&corpus.root).unwrap_or_else(|_| corpus.root.clone());
    for dir in root.ancestors() {
        for candidate in ["shared/test262/harness", "test262/harness"] {
            if let Some(found) = check(dir.join(candidate)) {
                return Ok(found);
            }
        }
    }
    Err(format!(
        "test262's harness not found: the conformance tests include test262's harness files \
         (assert.js, sta.js, doneprintHandle.js, asyncHelpers.js, ...). Give --test262-dir, \
         set TEST262_DIR, or put the shared directory beside the repository \
         (../shared/test262) — looked in the ancestors of {}",
        root.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_snapshots_and_layers() {
        assert_eq!(snapshot_name("layer0/cycle.js"), "layer0__cycle");
        assert_eq!(layer_of("layer0/cycle.js"), "layer0");
        assert_eq!(layer_of("ses/x/y.js"), "ses");
        assert_eq!(layer_of("top.js"), ".");
        let corpus = Corpus::new("/c");
        assert_eq!(corpus.name_of(Path::new("/c/layer1/a.js")), "layer1/a.js");
        assert_eq!(
            corpus.snapshot_path("layer1/a.js"),
            PathBuf::from("/c/snapshots/layer1__a.snap")
        );
    }

    #[test]
    fn a_snapshot_body_follows_its_header() {
        let snap = "---\nsource: x\ndescription: \"a\"\n---\n== strict\nline\n";
        assert_eq!(snapshot_body(snap), Some("== strict\nline\n"));
        assert_eq!(snapshot_body("no header"), None);
    }

    #[test]
    fn the_corpus_fields_are_read() {
        let text =
            "/*---\ndescription: >\n  two\n  lines\nspec: C1 step 2\nreading: hooks-read-once\n\
                    features: [Module]\nflags: [onlyStrict]\n---*/\n";
        let info = TestInfo::of(text);
        assert_eq!(info.description, "two lines");
        assert_eq!(info.spec, "C1 step 2");
        assert_eq!(info.readings, ["hooks-read-once"]);
        assert!(info.has_feature("Module"));
        assert_eq!(info.meta.flags, ["onlyStrict"]);
        let many = TestInfo::of("/*---\nreading: [a, b]\n---*/");
        assert_eq!(many.readings, ["a", "b"]);
        let bad = TestInfo::of("/*---\nflags: [\n---*/");
        assert!(bad.error.is_some());
    }
}
