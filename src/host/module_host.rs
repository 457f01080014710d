//! Module hosts: what the default HostLoadImportedModule asks for modules
//! ([`ModuleLoader`]). [`MemoryModuleHost`] resolves a specifier as an exact key of a map
//! of source texts (Rust tests); [`FileModuleHost`] resolves it as a path relative to the
//! importing file's directory (`compartments run --module`, test262). Each loads a module
//! once: the same key or canonical path, with the same `type` import attribute, gives the
//! same Module Record.
//!
//! The `type` attribute picks the kind of record (HostGetSupportedImportAttributes answers
//! « "type" »): none — a Source Text Module Record (ParseModule); `"json"` — ParseJSONModule;
//! `"text"` — a Synthetic Module Record whose default export is the text (the import-text
//! proposal's CreateTextModule); any other value is a TypeError naming it.

use crate::spec::abstract_module_records::{Module, ModuleKind, SyntheticEvaluationSteps};
use crate::spec::agents::Agent;
use crate::spec::builtins::module_source_objects::{module_source_instance, ModuleSourceRecord};
use crate::spec::completion_record::JsResult;
use crate::spec::module_semantics::{ModuleLoader, Referrer};
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::Property;
use crate::spec::ordinary_object_internal_methods::{
    ordinary_object_create, ordinary_object_create_with,
};
use crate::spec::realms::Intrinsic;
use crate::spec::source_positions::{SourcePosition, SourceText};
use crate::spec::source_text_module_records::parse_module;
use crate::spec::string_type::JsString;
use crate::spec::synthetic_module_records::{
    create_default_export_synthetic_module, new_synthetic_module, parse_json_module,
};
use crate::spec::value::Value;
use crate::syntax::ast::ModuleRequest;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The value of the request's `type` import attribute, if it has one.
fn module_type(request: &ModuleRequest) -> Option<String> {
    request
        .attributes
        .iter()
        .find(|(key, _)| String::from_utf16_lossy(key) == "type")
        .map(|(_, value)| String::from_utf16_lossy(value))
}

/// The Module Record for `text` as the request's `type` attribute asks.
fn create_module(
    agent: &mut Agent,
    text: &str,
    name: &str,
    module_type: Option<&str>,
) -> JsResult<Module> {
    match module_type {
        None => parse(agent, text, name),
        Some("json") => parse_json_module(agent, text, name)
            .inspect_err(|error| name_json_module_error(error, text, name)),
        Some("text") => Ok(create_default_export_synthetic_module(
            agent,
            Value::string(text),
            name,
        )),
        Some(other) => Err(agent.type_error(&format!(
            "cannot import '{name}' with type '{other}': this host supports the module types \"json\" and \"text\""
        ))),
    }
}

/// A JSON module whose text JSON.parse rejected: its SyntaxError (a fresh object no code
/// has seen) gets the module's name in its message and, as where it happened, the module's
/// line and column of the `position N` (a UTF-16 index) that JSON.parse's messages end with
/// (`spec::builtins::json`).
fn name_json_module_error(error: &Value, text: &str, name: &str) {
    let Value::Object(error) = error else {
        return;
    };
    let message = match error.own_property(&"message".into()) {
        Some(Property::Data {
            value: Value::String(message),
            ..
        }) => message.to_rust_string(),
        _ => return,
    };
    if !message.starts_with("JSON.parse: ") {
        return;
    }
    // The UTF-16 index as a byte offset of `text` (the index of the code unit after the
    // text when past its end).
    let position = message
        .rsplit("position ")
        .next()
        .map(|tail| tail.trim_end_matches(')'))
        .and_then(|digits| digits.parse::<usize>().ok());
    if let Some(position) = position {
        let mut units = 0;
        let offset = text
            .char_indices()
            .find(|(_, c)| {
                units += c.len_utf16();
                units > position
            })
            .map_or(text.len(), |(i, _)| i);
        if let ObjectKind::Error(at) = &mut error.data_mut().kind {
            *at = Some(SourcePosition {
                source: Arc::new(SourceText {
                    name: name.to_string(),
                    text: Arc::from(text),
                }),
                offset: offset as u32,
            });
        }
    }
    let message = format!("{name} is not valid JSON: {message}");
    error.insert_property(
        "message".into(),
        Property::data(
            Value::String(JsString::from(message.as_str())),
            true,
            false,
            true,
        ),
    );
}

/// A module that only provides a module source object (test262's `<module source>`): a
/// Synthetic Module Record with no exports whose [[ModuleSource]] is an object whose
/// [[Prototype]] is an object whose [[Prototype]] is %AbstractModuleSource.prototype%, as
/// source phase imports require of Module Source Objects.
fn module_source_module(agent: &mut Agent, name: &str) -> Module {
    let realm = agent.current_realm();
    let module = new_synthetic_module(
        realm.clone(),
        name,
        Vec::new(),
        SyntheticEvaluationSteps::Nothing,
    );
    let abstract_prototype = realm.intrinsic(Intrinsic::AbstractModuleSourcePrototype);
    let host_prototype = ordinary_object_create(Some(abstract_prototype));
    let source = ordinary_object_create_with(
        Some(host_prototype),
        ObjectKind::HostModuleSource(module.clone()),
    );
    {
        let mut data = module.data_mut();
        data.module_source = Some(source);
        if let ModuleKind::Synthetic {
            module_source_kind, ..
        } = &mut data.kind
        {
            *module_source_kind = Some("Test262ModuleSource");
        }
    }
    module
}

/// Gives a Source Text Module Record a [[ModuleSource]]: a ModuleSource instance over the
/// same parse (Compartments layer 0), so that `import source x from "./a.js"` yields a
/// source usable with `new Module(x, handler)`. ECMA-262 alone leaves it empty (test262
/// expects that), so hosts do this only when asked.
fn give_module_source(agent: &Agent, module: &Module) {
    if let Some(code) = module.ecmascript_code() {
        let record = Arc::new(ModuleSourceRecord {
            ecmascript_code: code,
            source: module.source(),
        });
        let source = module_source_instance(agent, record);
        module.data_mut().module_source = Some(source);
    }
}

/// ParseModule of `text` in the current realm; a parse error is thrown as a SyntaxError
/// naming the file, line and column.
fn parse(agent: &mut Agent, text: &str, name: &str) -> JsResult<Module> {
    let realm = agent.current_realm();
    parse_module(agent, text, name, realm, Value::Undefined).map_err(|error| {
        // The message without a `SyntaxError: ` prefix: a report names the error once.
        let rendered = error.render_message(name, text);
        agent.syntax_error(rendered.trim_end())
    })
}

/// Modules given as a map from specifier to source text.
#[derive(Default)]
pub struct MemoryModuleHost {
    sources: HashMap<String, String>,
    loaded: RefCell<HashMap<(String, Option<String>), Module>>,
    /// Whether JavaScript modules get a ModuleSource as their [[ModuleSource]].
    module_sources: bool,
}

impl MemoryModuleHost {
    pub fn new<'a>(sources: impl IntoIterator<Item = (&'a str, &'a str)>) -> MemoryModuleHost {
        MemoryModuleHost {
            sources: sources
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            loaded: RefCell::new(HashMap::new()),
            module_sources: false,
        }
    }

    /// The same host, giving each JavaScript module a ModuleSource as its [[ModuleSource]]
    /// (Compartments layer 0).
    pub fn with_module_sources(mut self) -> MemoryModuleHost {
        self.module_sources = true;
        self
    }

    /// The Module Record loaded for `specifier` with no `type` attribute, if it has been
    /// (tests read its fields).
    pub fn loaded_module(&self, specifier: &str) -> Option<Module> {
        self.loaded
            .borrow()
            .get(&(specifier.to_string(), None))
            .cloned()
    }
}

impl ModuleLoader for MemoryModuleHost {
    fn load(
        &self,
        agent: &mut Agent,
        _referrer: &Referrer,
        request: &ModuleRequest,
    ) -> JsResult<Module> {
        let specifier = String::from_utf16_lossy(&request.specifier);
        let key = (specifier.clone(), module_type(request));
        if let Some(module) = self.loaded.borrow().get(&key) {
            return Ok(module.clone());
        }
        let Some(text) = self.sources.get(&specifier) else {
            return Err(agent.type_error(&format!("cannot find module '{specifier}'")));
        };
        let module = create_module(agent, text, &specifier, key.1.as_deref())?;
        if self.module_sources {
            give_module_source(agent, &module);
        }
        self.loaded.borrow_mut().insert(key, module.clone());
        Ok(module)
    }
}

/// Modules read from files; relative specifiers are resolved against the importing file's
/// directory (the current directory for the entry point and for scripts).
#[derive(Default)]
pub struct FileModuleHost {
    loaded: RefCell<HashMap<(PathBuf, Option<String>), Module>>,
    /// test262's `<module source>` specifier (INTERPRETING.md): when on, it names a module
    /// that provides a module source object.
    test262_module_source: bool,
    module_source: RefCell<Option<Module>>,
    /// Whether JavaScript modules get a ModuleSource as their [[ModuleSource]].
    module_sources: bool,
    /// The directory relative paths are read from instead of the current directory: names
    /// (the modules' names, error messages, the event log) stay relative to it.
    root: Option<PathBuf>,
}

impl FileModuleHost {
    pub fn new() -> FileModuleHost {
        FileModuleHost::default()
    }

    /// The CLI's host: each JavaScript module gets a ModuleSource as its [[ModuleSource]]
    /// (Compartments layer 0), so `import source` works on `.js` files.
    pub fn with_module_sources() -> FileModuleHost {
        FileModuleHost {
            module_sources: true,
            ..FileModuleHost::default()
        }
    }

    /// The host test262 runs modules with: `<module source>` resolves to a module with a
    /// module source object.
    pub fn for_test262() -> FileModuleHost {
        FileModuleHost {
            test262_module_source: true,
            ..FileModuleHost::default()
        }
    }

    /// The same host reading relative paths under `root` rather than the current directory
    /// (the conformance suite: modules are named relative to `conformance/`, whatever the
    /// process's directory, so that the event log has no absolute paths).
    pub fn under_root(mut self, root: PathBuf) -> FileModuleHost {
        self.root = Some(root);
        self
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
        if self.test262_module_source && specifier == "<module source>" {
            let existing = self.module_source.borrow().clone();
            let module = existing.unwrap_or_else(|| module_source_module(agent, &specifier));
            *self.module_source.borrow_mut() = Some(module.clone());
            return Ok(module);
        }
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
            Referrer::Realm(_) | Referrer::Evaluators(_) => (PathBuf::new(), "<host>".to_string()),
        };
        let path = lexically_normal(&base.join(&specifier));
        let on_disk = match &self.root {
            Some(root) => root.join(&path),
            None => path.clone(),
        };
        let canonical = match std::fs::canonicalize(&on_disk) {
            Ok(p) => p,
            Err(_) => {
                return Err(agent.type_error(&format!(
                    "cannot find module '{}' (imported as '{specifier}' by {importer})",
                    path.display()
                )))
            }
        };
        let key = (canonical, module_type(request));
        if let Some(module) = self.loaded.borrow().get(&key) {
            return Ok(module.clone());
        }
        let text = match std::fs::read_to_string(&key.0) {
            Ok(text) => text,
            Err(error) => {
                return Err(agent.type_error(&format!(
                    "cannot read module '{}' (imported by {importer}): {error}",
                    path.display()
                )))
            }
        };
        let name = path.display().to_string();
        let module = create_module(agent, &text, &name, key.1.as_deref())?;
        if self.module_sources {
            give_module_source(agent, &module);
        }
        self.loaded.borrow_mut().insert(key, module.clone());
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
