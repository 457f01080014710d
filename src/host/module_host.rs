//! Module hosts: what the default HostLoadImportedModule asks for modules
//! ([`ModuleLoader`]). [`MemoryModuleHost`] resolves a specifier as an exact key of a map
//! of source texts (Rust tests); [`FileModuleHost`] resolves it as a path relative to the
//! importing file's directory (`compartments run --module`). Each loads a module once: the
//! same key or canonical path gives the same Module Record.

use crate::spec::abstract_module_records::Module;
use crate::spec::agents::Agent;
use crate::spec::completion_record::JsResult;
use crate::spec::module_semantics::{ModuleLoader, Referrer};
use crate::spec::source_text_module_records::parse_module;
use crate::spec::value::Value;
use crate::syntax::ast::ModuleRequest;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// ParseModule of `text` in the current realm; a parse error is thrown as a SyntaxError
/// naming the file, line and column.
fn parse(agent: &mut Agent, text: &str, name: &str) -> JsResult<Module> {
    let realm = agent.current_realm();
    parse_module(agent, text, name, realm, Value::Undefined).map_err(|error| {
        let rendered = error.render(name, text);
        let message = rendered.trim_end().to_string();
        agent.syntax_error(&message)
    })
}

/// Modules given as a map from specifier to source text.
#[derive(Default)]
pub struct MemoryModuleHost {
    sources: HashMap<String, String>,
    loaded: RefCell<HashMap<String, Module>>,
}

impl MemoryModuleHost {
    pub fn new<'a>(sources: impl IntoIterator<Item = (&'a str, &'a str)>) -> MemoryModuleHost {
        MemoryModuleHost {
            sources: sources
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            loaded: RefCell::new(HashMap::new()),
        }
    }

    /// The Module Record loaded for `specifier`, if it has been (tests read its fields).
    pub fn loaded_module(&self, specifier: &str) -> Option<Module> {
        self.loaded.borrow().get(specifier).cloned()
    }
}

impl ModuleLoader for MemoryModuleHost {
    fn load(
        &self,
        agent: &mut Agent,
        _referrer: &Referrer,
        request: &ModuleRequest,
    ) -> JsResult<Module> {
        let key = String::from_utf16_lossy(&request.specifier);
        if let Some(module) = self.loaded.borrow().get(&key) {
            return Ok(module.clone());
        }
        let Some(text) = self.sources.get(&key) else {
            return Err(agent.type_error(&format!("cannot find module '{key}'")));
        };
        let module = parse(agent, text, &key)?;
        self.loaded.borrow_mut().insert(key, module.clone());
        Ok(module)
    }
}

/// Modules read from files; relative specifiers are resolved against the importing file's
/// directory (the current directory for the entry point and for scripts).
#[derive(Default)]
pub struct FileModuleHost {
    loaded: RefCell<HashMap<PathBuf, Module>>,
}

impl FileModuleHost {
    pub fn new() -> FileModuleHost {
        FileModuleHost::default()
    }
}

impl ModuleLoader for FileModuleHost {
    fn load(
        &self,
        agent: &mut Agent,
        referrer: &Referrer,
        request: &ModuleRequest,
    ) -> JsResult<Module> {
        let specifier = String::from_utf16_lossy(&request.specifier);
        let (base, importer) = match referrer {
            Referrer::Module(m) => {
                let name = m.name();
                let dir = Path::new(&name)
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                (dir, name)
            }
            Referrer::Script(s) => {
                let name = s.source().name.clone();
                let dir = Path::new(&name)
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                (dir, name)
            }
            Referrer::Realm(_) => (PathBuf::new(), "<host>".to_string()),
        };
        let path = lexically_normal(&base.join(&specifier));
        let canonical = match std::fs::canonicalize(&path) {
            Ok(p) => p,
            Err(_) => {
                return Err(agent.type_error(&format!(
                    "cannot find module '{}' (imported as '{specifier}' by {importer})",
                    path.display()
                )))
            }
        };
        if let Some(module) = self.loaded.borrow().get(&canonical) {
            return Ok(module.clone());
        }
        let text = match std::fs::read_to_string(&canonical) {
            Ok(text) => text,
            Err(error) => {
                return Err(agent.type_error(&format!(
                    "cannot read module '{}' (imported by {importer}): {error}",
                    path.display()
                )))
            }
        };
        let name = path.display().to_string();
        let module = parse(agent, &text, &name)?;
        self.loaded.borrow_mut().insert(canonical, module.clone());
        Ok(module)
    }
}

/// `path` with its `.` components dropped and each `..` applied to the component before it
/// when there is one (no file-system access): the module's name in reports and in the event
/// log reads `examples/modules/lib/late.js`, not `examples/modules/./lib/late.js`.
fn lexically_normal(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(normal.components().next_back(), Some(Component::Normal(_))) =>
            {
                normal.pop();
            }
            other => normal.push(other.as_os_str()),
        }
    }
    normal
}
