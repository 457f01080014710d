//! Finding test262 tests: walking the paths given, and naming each test by its path
//! relative to the test262 directory (the one holding `harness/assert.js`).

use std::fs;
use std::path::{Path, PathBuf};

/// One test file: where it is, and its name (its path relative to the test262
/// directory, with `/` separators, e.g. `test/language/types/null/S8.2_A1_T1.js`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestCase {
    pub path: PathBuf,
    pub name: String,
}

/// The tests found under some paths, and anything worth warning about.
#[derive(Clone, Debug, Default)]
pub struct Discovery {
    pub cases: Vec<TestCase>,
    pub warnings: Vec<String>,
}

/// Is this file name a test? test262 tests end in `.js`; files whose name contains
/// `_FIXTURE` are modules imported by tests, never tests themselves (INTERPRETING.md).
pub fn is_test_file_name(name: &str) -> bool {
    name.ends_with(".js") && !name.contains("_FIXTURE")
}

/// The nearest directory, `path` itself (when a directory) or one of its ancestors, that
/// holds `harness/assert.js`.
pub fn find_test262_dir(path: &Path) -> Option<PathBuf> {
    let path = fs::canonicalize(path).ok()?;
    path.ancestors()
        .find(|dir| dir.join("harness").join("assert.js").is_file())
        .map(Path::to_path_buf)
}

/// `path` relative to `base` with `/` separators, or `path` as given when it is not
/// under `base`.
fn relative_name(path: &Path, base: Option<&Path>) -> String {
    let canonical = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let relative = base.and_then(|base| canonical.strip_prefix(base).ok());
    match relative {
        Some(rel) => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        None => path.to_string_lossy().into_owned(),
    }
}

/// Every test file under `dir`, recursively. Symbolic links to files are followed; links
/// to directories are not (no loops).
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        fs::read_dir(dir).map_err(|e| format!("cannot read directory {}: {e}", dir.display()))?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read directory {}: {e}", dir.display()))?;
        let path = entry.path();
        let file_type = entry
            .file_type()
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if file_type.is_dir() {
            paths.push((path, true));
        } else if file_type.is_file() || (file_type.is_symlink() && path.is_file()) {
            paths.push((path, false));
        }
    }
    paths.sort();
    for (path, is_dir) in paths {
        if is_dir {
            walk(&path, out)?;
        } else if path
            .file_name()
            .is_some_and(|name| is_test_file_name(&name.to_string_lossy()))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// The tests under `paths` (files or directories, walked recursively), sorted by name
/// and without duplicates. Names are relative to `test262_dir` when given, else to the
/// nearest test262 directory above each path. A path that does not exist is an error.
pub fn collect_tests(paths: &[PathBuf], test262_dir: Option<&Path>) -> Result<Discovery, String> {
    let explicit_dir = match test262_dir {
        Some(dir) => Some(
            fs::canonicalize(dir)
                .map_err(|e| format!("cannot use test262 directory {}: {e}", dir.display()))?,
        ),
        None => None,
    };
    let mut discovery = Discovery::default();
    for path in paths {
        let metadata =
            fs::metadata(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let base = match &explicit_dir {
            Some(dir) => Some(dir.clone()),
            None => {
                let found = find_test262_dir(path);
                if found.is_none() {
                    discovery.warnings.push(format!(
                        "no test262 directory (one with harness/assert.js) contains {}; \
                         its tests are named by their paths as given",
                        path.display()
                    ));
                }
                found
            }
        };
        let mut files = Vec::new();
        if metadata.is_dir() {
            walk(path, &mut files)?;
        } else if path
            .file_name()
            .is_some_and(|name| is_test_file_name(&name.to_string_lossy()))
        {
            files.push(path.clone());
        }
        for file in files {
            let name = relative_name(&file, base.as_deref());
            discovery.cases.push(TestCase { path: file, name });
        }
    }
    discovery.cases.sort_by(|a, b| a.name.cmp(&b.name));
    discovery.cases.dedup_by(|a, b| a.name == b.name);
    Ok(discovery)
}

/// The `harness/` directory a run uses: `test262_dir`'s when given, else that of the
/// test262 checkout holding the paths (`None` when none does). Paths in different
/// checkouts are an error: one run evaluates one harness.
pub fn harness_dir_for(
    paths: &[PathBuf],
    test262_dir: Option<&Path>,
) -> Result<Option<PathBuf>, String> {
    if let Some(dir) = test262_dir {
        return Ok(Some(dir.join("harness")));
    }
    let mut found: Option<PathBuf> = None;
    for dir in paths.iter().filter_map(|path| find_test262_dir(path)) {
        match &found {
            Some(first) if *first != dir => {
                return Err(format!(
                    "the paths lie in two test262 checkouts ({} and {}); give --test262-dir",
                    first.display(),
                    dir.display()
                ))
            }
            _ => found = Some(dir),
        }
    }
    Ok(found.map(|dir| dir.join("harness")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh directory under the system temp dir, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(tag: &str) -> TempDir {
            let dir = std::env::temp_dir().join(format!(
                "compartments-discover-{tag}-{}",
                std::process::id()
            ));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }
        fn write(&self, rel: &str, text: &str) {
            let path = self.0.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn test_file_names() {
        assert!(is_test_file_name("a.js"));
        assert!(!is_test_file_name("a_FIXTURE.js"));
        assert!(!is_test_file_name("export-star_FIXTURE.js"));
        assert!(!is_test_file_name("a.json"));
        assert!(!is_test_file_name("a.js.txt"));
    }

    #[test]
    fn walks_sorted_skips_fixtures_and_names_relative_to_test262() {
        let tmp = TempDir::new("walk");
        tmp.write("harness/assert.js", "");
        tmp.write("test/b/z.js", "");
        tmp.write("test/b/a.js", "");
        tmp.write("test/a.js", "");
        tmp.write("test/b/dep_FIXTURE.js", "");
        tmp.write("test/b/data.json", "");
        let found = collect_tests(&[tmp.0.join("test")], None).unwrap();
        let names: Vec<_> = found.cases.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["test/a.js", "test/b/a.js", "test/b/z.js"]);
        assert!(found.warnings.is_empty());
        // A file and its directory given together: listed once.
        let found =
            collect_tests(&[tmp.0.join("test/b/a.js"), tmp.0.join("test/b")], None).unwrap();
        assert_eq!(found.cases.len(), 2);
        // An explicit test262 directory names the tests relative to it.
        let found = collect_tests(&[tmp.0.join("test/b")], Some(&tmp.0.join("test"))).unwrap();
        assert_eq!(found.cases[0].name, "b/a.js");
    }

    #[test]
    fn finds_the_nearest_test262_dir_or_warns() {
        let tmp = TempDir::new("nearest");
        tmp.write("t262/harness/assert.js", "");
        tmp.write("t262/test/x.js", "");
        tmp.write("loose/y.js", "");
        let dir = find_test262_dir(&tmp.0.join("t262/test/x.js")).unwrap();
        assert_eq!(dir, fs::canonicalize(tmp.0.join("t262")).unwrap());
        let found = collect_tests(&[tmp.0.join("loose")], None).unwrap();
        assert_eq!(found.cases.len(), 1);
        assert_eq!(found.warnings.len(), 1);
    }

    #[test]
    fn one_harness_directory_per_run() {
        let tmp = TempDir::new("harness-dir");
        tmp.write("one/harness/assert.js", "");
        tmp.write("one/test/a.js", "");
        tmp.write("one/test/b.js", "");
        tmp.write("two/harness/assert.js", "");
        tmp.write("two/test/c.js", "");
        tmp.write("loose/d.js", "");
        let one = fs::canonicalize(tmp.0.join("one")).unwrap();
        let paths = [tmp.0.join("one/test/a.js"), tmp.0.join("one/test/b.js")];
        assert_eq!(harness_dir_for(&paths, None), Ok(Some(one.join("harness"))));
        let mixed = [tmp.0.join("one/test/a.js"), tmp.0.join("two/test/c.js")];
        assert!(harness_dir_for(&mixed, None)
            .unwrap_err()
            .contains("two test262 checkouts"));
        assert_eq!(
            harness_dir_for(&mixed, Some(Path::new("t262"))),
            Ok(Some(PathBuf::from("t262/harness")))
        );
        assert_eq!(harness_dir_for(&[tmp.0.join("loose")], None), Ok(None));
    }

    #[test]
    fn a_missing_path_is_an_error() {
        let err = collect_tests(&[PathBuf::from("/nonexistent/compartments/x")], None);
        assert!(err.is_err());
    }
}
