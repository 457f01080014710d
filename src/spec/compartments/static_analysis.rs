//! Compartments layer 1, "Surface Module Source Static Analysis"
//! (`../shared/spec/compartments/1-static-analysis.md`), and the binding half of layer 2,
//! "Virtual Module Sources" (`2-virtual-module-source.md`): the pure analysis behind a
//! `ModuleSource`'s `bindings`, `needsImportMeta` and `needsImport`, and the validation
//! and linking fields of a virtual module source's `bindings`.
//!
//! The proposal states both layers in prose; the numbered algorithms here are ours
//! (`spec-steps/compartments-*.yaml`, `informal: true`).
//!
//! # The nine binding shapes
//!
//! 1-static-analysis.md lists eight shapes and 2-virtual-module-source.md eight; their union
//! is nine ([`StaticBinding`]):
//!
//! | shape                               | 1-static-analysis | 2-virtual-module-source |
//! |-------------------------------------|-------------------|-------------------------|
//! | `{ import, from }`                  | yes               | yes                     |
//! | `{ import, as, from }`              | yes               | yes                     |
//! | `{ export }`                        | yes               | yes                     |
//! | `{ export, as }`                    | no                | yes                     |
//! | `{ export, from }`                  | yes               | no                      |
//! | `{ export, as, from }`              | yes               | yes                     |
//! | `{ importAllFrom, as }`             | yes               | yes                     |
//! | `{ exportAllFrom }`                 | yes               | yes                     |
//! | `{ exportAllFrom, as }`             | yes               | yes                     |
//!
//! In every shape `export` (or `import`) is the name on the *source* side and `as` the name
//! on the *target* side: `{ export: 'x', as: 'a', from: 'x.js' }` is `export { x as a } from
//! 'x.js'`, `{ export: 'x', as: 'a' }` exports the local `x` under the name `a`. Layer 1
//! needs `{ export, as }` for `export { x as a }` (a local export with a rename), which
//! 1-static-analysis.md's list omits.
//!
//! # Decisions (where the proposal is silent)
//!
//! - **Renames that rename nothing.** `import { a as a }` and `export { a as a }` produce the
//!   shapes without `as` (`{ import: 'a', from }`, `{ export: 'a' }`): `as` appears exactly
//!   when the two names differ, so the bindings of two texts that bind the same names are
//!   the same.
//! - **Default imports.** `import x from 'm'` is `{ import: 'default', as: 'x', from: 'm' }`.
//! - **Default exports.** `export default function f() {}` and `export default class C {}`
//!   bind a local name, so they are `{ export: 'f', as: 'default' }` — the same as
//!   `function f() {} export { f as default }`, and what ParseModule's ExportEntry says
//!   ([[LocalName]] `f`, [[ExportName]] `"default"`). An anonymous default function or
//!   class and `export default expression` bind only the unnameable `*default*`, and are
//!   `{ export: 'default' }`; a virtual module source with that binding gets the local name
//!   `default` in its Module Imports Namespace, where ParseModule says `*default*`.
//! - **Declarations.** `export const a = 1, b = 2` is one `{ export }` per BoundNames element
//!   in order (`a`, then `b`; destructuring patterns in source order).
//! - **No binding, no entry.** `import 'm'`, `import {} from 'm'` and `export {} from 'm'`
//!   bind no name and contribute nothing, so their dependency on `'m'` does not show in
//!   `bindings` (no shape can say "depends on `m`, binds nothing"); a tool walking
//!   `bindings` for the module graph, as 1-static-analysis.md's example does, misses it.
//!   Import attributes (`with { type: 'json' }`) are not reflected either.
//! - **Import phases.** The proposal predates source phase imports and import defer.
//!   `import defer * as ns from 'm'` is `{ importAllFrom: 'm', as: 'ns' }`: its binding is
//!   `m`'s namespace, exactly what the shape says; only *when* `m` evaluates differs, and
//!   bindings express no evaluation order. `import source x from 'm'` contributes no
//!   binding: `x` is `m`'s module source object, neither an export of `m` (`{ import:
//!   'default', as: 'x', from: 'm' }` would link `m`'s default export) nor its namespace;
//!   any shape would misdescribe it, and a virtual module source built from such bindings
//!   would bind something else. Consequently `import source x from 'm'; export { x }`
//!   reflects `export { x }` as `{ export: 'x' }`, a local export.
//! - **`needsImport`** ([`needs_import`]) is the use of a dynamic import form (`import()`,
//!   `import.source()`, `import.defer()`), not static imports. In layer 2 `needsImport`
//!   asks for the `import` function handed to `execute`, which only dynamic import calls;
//!   static imports and `export ... from` are linked by the module machinery through the
//!   `Module`'s `importHook` whether or not `execute` receives an `import` function.
//!   1-static-analysis.md's rationale paragraph, which counts static imports too, asks a
//!   different question (whether a `Module` needs an `importHook` at all), and `bindings`
//!   already answers that one.
//!
//! # Names
//!
//! Names and specifiers are UTF-16 ([`JsString`]), so lone surrogates in string export
//! names and specifiers survive. The interpreter's binding names (an ImportEntry's or
//! ExportEntry's [[LocalName]]) are Rust strings: [`validate_virtual_bindings`] requires
//! every name (but not the specifiers) to be well-formed Unicode, as ECMA-262 requires of
//! a string ModuleExportName (16.2.1.1: IsStringWellFormedUnicode) and an identifier
//! always is, before [`module_info_from_bindings`] converts them.

use std::collections::HashMap;
use std::fmt;

use crate::syntax::ast::*;
use crate::syntax::static_semantics::module::module_requests_equal;
use crate::syntax::static_semantics::names::declaration_bound_names;

// ---------------------------------------------------------------------------------------
// Bindings
// ---------------------------------------------------------------------------------------

/// One `Binding` of the proposal: one of the nine shapes (module doc). Field names are
/// the property keys (`r#as` is `as`, `import_all_from` is `importAllFrom`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StaticBinding {
    /// `{ import, from }`: `import { a } from 'm'`.
    Import { import: JsString, from: JsString },
    /// `{ import, as, from }`: `import { a as x } from 'm'`, `import x from 'm'`.
    ImportAs {
        import: JsString,
        r#as: JsString,
        from: JsString,
    },
    /// `{ export }`: `export { x }`, `export const x = 1`.
    Export { export: JsString },
    /// `{ export, as }`: `export { x as a }`, `export default function x() {}`.
    ExportAs { export: JsString, r#as: JsString },
    /// `{ export, from }`: `export { x } from 'm'`.
    ExportFrom { export: JsString, from: JsString },
    /// `{ export, as, from }`: `export { x as a } from 'm'`.
    ExportAsFrom {
        export: JsString,
        r#as: JsString,
        from: JsString,
    },
    /// `{ importAllFrom, as }`: `import * as x from 'm'`.
    ImportAllFrom {
        import_all_from: JsString,
        r#as: JsString,
    },
    /// `{ exportAllFrom }`: `export * from 'm'`.
    ExportAllFrom { export_all_from: JsString },
    /// `{ exportAllFrom, as }`: `export * as x from 'm'`.
    ExportAllFromAs {
        export_all_from: JsString,
        r#as: JsString,
    },
}

/// A property key of a binding object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BindingKey {
    Import,
    As,
    From,
    Export,
    ImportAllFrom,
    ExportAllFrom,
}

impl BindingKey {
    /// All six keys, in the order [`binding_from_fields`] reports them.
    pub const ALL: [BindingKey; 6] = [
        BindingKey::Import,
        BindingKey::As,
        BindingKey::From,
        BindingKey::Export,
        BindingKey::ImportAllFrom,
        BindingKey::ExportAllFrom,
    ];

    /// The property key as JavaScript spells it.
    pub fn name(self) -> &'static str {
        match self {
            BindingKey::Import => "import",
            BindingKey::As => "as",
            BindingKey::From => "from",
            BindingKey::Export => "export",
            BindingKey::ImportAllFrom => "importAllFrom",
            BindingKey::ExportAllFrom => "exportAllFrom",
        }
    }
}

impl StaticBinding {
    /// The binding's properties in the order of the proposal's shape (`import`/`export`/
    /// `importAllFrom`/`exportAllFrom` first, then `as`, then `from`... as written in
    /// 1-static-analysis.md): what a `bindings` array element is created with.
    pub fn fields(&self) -> Vec<(BindingKey, &JsString)> {
        use BindingKey as K;
        match self {
            StaticBinding::Import { import, from } => vec![(K::Import, import), (K::From, from)],
            StaticBinding::ImportAs { import, r#as, from } => {
                vec![(K::Import, import), (K::As, r#as), (K::From, from)]
            }
            StaticBinding::Export { export } => vec![(K::Export, export)],
            StaticBinding::ExportAs { export, r#as } => vec![(K::Export, export), (K::As, r#as)],
            StaticBinding::ExportFrom { export, from } => {
                vec![(K::Export, export), (K::From, from)]
            }
            StaticBinding::ExportAsFrom { export, r#as, from } => {
                vec![(K::Export, export), (K::As, r#as), (K::From, from)]
            }
            StaticBinding::ImportAllFrom {
                import_all_from,
                r#as,
            } => vec![(K::ImportAllFrom, import_all_from), (K::As, r#as)],
            StaticBinding::ExportAllFrom { export_all_from } => {
                vec![(K::ExportAllFrom, export_all_from)]
            }
            StaticBinding::ExportAllFromAs {
                export_all_from,
                r#as,
            } => vec![(K::ExportAllFrom, export_all_from), (K::As, r#as)],
        }
    }

    /// The module specifier the binding depends on (`from`, `importAllFrom` or
    /// `exportAllFrom`), `None` for a local export.
    pub fn specifier(&self) -> Option<&JsString> {
        match self {
            StaticBinding::Import { from, .. }
            | StaticBinding::ImportAs { from, .. }
            | StaticBinding::ExportFrom { from, .. }
            | StaticBinding::ExportAsFrom { from, .. } => Some(from),
            StaticBinding::ImportAllFrom {
                import_all_from, ..
            } => Some(import_all_from),
            StaticBinding::ExportAllFrom { export_all_from }
            | StaticBinding::ExportAllFromAs {
                export_all_from, ..
            } => Some(export_all_from),
            StaticBinding::Export { .. } | StaticBinding::ExportAs { .. } => None,
        }
    }

    /// The name the binding adds to the module's Module Imports Namespace (its local
    /// binding) when it imports: `import` or `as`.
    pub fn imported_local_name(&self) -> Option<&JsString> {
        match self {
            StaticBinding::Import { import, .. } => Some(import),
            StaticBinding::ImportAs { r#as, .. } | StaticBinding::ImportAllFrom { r#as, .. } => {
                Some(r#as)
            }
            _ => None,
        }
    }

    /// The name the binding adds to the module's exports (ExportedNames), if any.
    pub fn exported_name(&self) -> Option<&JsString> {
        match self {
            StaticBinding::Export { export } | StaticBinding::ExportFrom { export, .. } => {
                Some(export)
            }
            StaticBinding::ExportAs { r#as, .. }
            | StaticBinding::ExportAsFrom { r#as, .. }
            | StaticBinding::ExportAllFromAs { r#as, .. } => Some(r#as),
            StaticBinding::Import { .. }
            | StaticBinding::ImportAs { .. }
            | StaticBinding::ImportAllFrom { .. }
            | StaticBinding::ExportAllFrom { .. } => None,
        }
    }
}

impl fmt::Display for StaticBinding {
    /// JavaScript-like: `{ import: "a", as: "x", from: "m" }`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("{ ")?;
        for (i, (key, value)) in self.fields().into_iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}: {:?}", key.name(), String::from_utf16_lossy(value))?;
        }
        f.write_str(" }")
    }
}

fn utf16(s: &str) -> JsString {
    s.encode_utf16().collect()
}

/// StringValue of a ModuleExportName.
fn export_name_value(name: &ModuleExportName) -> JsString {
    match name {
        ModuleExportName::Ident(id) => utf16(&id.name),
        ModuleExportName::String(value, _) => value.clone(),
    }
}

// ---------------------------------------------------------------------------------------
// Layer 1: the static analysis of a module's text
// ---------------------------------------------------------------------------------------

/// ModuleSourceBindings ( module ) (`compartments-static-analysis-bindings`, C1.1): the
/// `bindings` of a `ModuleSource` — one binding for each name or wildcard bound by
/// `import` or `export` in the module's text, in order of appearance (module doc for the
/// decisions). `program` is a parsed Module (its early errors already checked).
pub fn module_source_bindings(program: &Program) -> Vec<StaticBinding> {
    // 1. Let bindings be a new empty List.
    crate::step!("compartments-static-analysis-bindings", "1");
    let mut bindings = Vec::new();
    // 2. For each ModuleItem item of the ModuleItemList of module, in source order, do
    crate::step!("compartments-static-analysis-bindings", "2");
    for item in &program.body {
        match &item.kind {
            // a. If item is an ImportDeclaration, then
            StmtKind::Import(decl) => {
                crate::step!("compartments-static-analysis-bindings", "2.a");
                // i. NOTE: import ModuleSpecifier and an empty NamedImports bind nothing and
                //    contribute no binding.
                crate::step!("compartments-static-analysis-bindings", "2.a.i");
                // ii. If item is import source ImportedBinding FromClause, then
                crate::step!("compartments-static-analysis-bindings", "2.a.ii");
                if decl.phase == ImportPhase::Source {
                    // 1. NOTE: a source phase import ... contributes no binding.
                    crate::step!("compartments-static-analysis-bindings", "2.a.ii.1");
                    continue;
                }
                // iii. Else,
                crate::step!("compartments-static-analysis-bindings", "2.a.iii");
                // 1. Let from be the SV of the FromClause of item.
                crate::step!("compartments-static-analysis-bindings", "2.a.iii.1");
                let from = &decl.source.value;
                // 2. If item has an ImportedDefaultBinding, append { import: "default",
                //    as: localName, from }.
                crate::step!("compartments-static-analysis-bindings", "2.a.iii.2");
                if let Some(local) = &decl.default {
                    bindings.push(StaticBinding::ImportAs {
                        import: utf16("default"),
                        r#as: utf16(&local.name),
                        from: from.clone(),
                    });
                }
                // 3. If item has a NameSpaceImport (import * as or import defer * as),
                //    append { importAllFrom: from, as: localName }.
                crate::step!("compartments-static-analysis-bindings", "2.a.iii.3");
                if let Some(local) = &decl.namespace {
                    bindings.push(StaticBinding::ImportAllFrom {
                        import_all_from: from.clone(),
                        r#as: utf16(&local.name),
                    });
                }
                // 4. For each ImportSpecifier specifier of the NamedImports of item, do
                crate::step!("compartments-static-analysis-bindings", "2.a.iii.4");
                for specifier in &decl.named {
                    // a. Let importName be the StringValue of the ModuleExportName of
                    //    specifier, or of its ImportedBinding.
                    crate::step!("compartments-static-analysis-bindings", "2.a.iii.4.a");
                    let import = export_name_value(&specifier.imported);
                    // b. Let localName be the StringValue of the ImportedBinding.
                    crate::step!("compartments-static-analysis-bindings", "2.a.iii.4.b");
                    let local = utf16(&specifier.local.name);
                    if import == local {
                        // c. If importName is localName, append { import, from }.
                        crate::step!("compartments-static-analysis-bindings", "2.a.iii.4.c");
                        bindings.push(StaticBinding::Import {
                            import,
                            from: from.clone(),
                        });
                    } else {
                        // d. Else, append { import: importName, as: localName, from }.
                        crate::step!("compartments-static-analysis-bindings", "2.a.iii.4.d");
                        bindings.push(StaticBinding::ImportAs {
                            import,
                            r#as: local,
                            from: from.clone(),
                        });
                    }
                }
            }
            // b. Else if item is an ExportDeclaration, then
            StmtKind::Export(decl) => {
                crate::step!("compartments-static-analysis-bindings", "2.b");
                export_declaration_bindings(decl, &mut bindings);
            }
            _ => {}
        }
    }
    // 3. Return bindings.
    crate::step!("compartments-static-analysis-bindings", "3");
    bindings
}

/// Step 2.b of ModuleSourceBindings: the bindings of one ExportDeclaration.
fn export_declaration_bindings(decl: &ExportDecl, bindings: &mut Vec<StaticBinding>) {
    match decl {
        // i. If item is export * FromClause, append { exportAllFrom }.
        ExportDecl::All {
            exported: None,
            source,
            ..
        } => {
            crate::step!("compartments-static-analysis-bindings", "2.b.i");
            bindings.push(StaticBinding::ExportAllFrom {
                export_all_from: source.value.clone(),
            });
        }
        // ii. Else if item is export * as ModuleExportName FromClause, append
        //     { exportAllFrom, as }.
        ExportDecl::All {
            exported: Some(name),
            source,
            ..
        } => {
            crate::step!("compartments-static-analysis-bindings", "2.b.ii");
            bindings.push(StaticBinding::ExportAllFromAs {
                export_all_from: source.value.clone(),
                r#as: export_name_value(name),
            });
        }
        // iii. Else if item is export NamedExports FromClause, then
        ExportDecl::Named {
            specifiers,
            source: Some(source),
            ..
        } => {
            crate::step!("compartments-static-analysis-bindings", "2.b.iii");
            // 1. For each ExportSpecifier specifier of NamedExports, in order, do
            crate::step!("compartments-static-analysis-bindings", "2.b.iii.1");
            for specifier in specifiers {
                // a. Let sourceName be ... and exportName ...
                crate::step!("compartments-static-analysis-bindings", "2.b.iii.1.a");
                let export = export_name_value(&specifier.local);
                let exported = export_name_value(&specifier.exported);
                let from = source.value.clone();
                if export == exported {
                    // b. If sourceName is exportName, append { export, from }.
                    crate::step!("compartments-static-analysis-bindings", "2.b.iii.1.b");
                    bindings.push(StaticBinding::ExportFrom { export, from });
                } else {
                    // c. Else, append { export: sourceName, as: exportName, from }.
                    crate::step!("compartments-static-analysis-bindings", "2.b.iii.1.c");
                    bindings.push(StaticBinding::ExportAsFrom {
                        export,
                        r#as: exported,
                        from,
                    });
                }
            }
        }
        // iv. Else if item is export NamedExports, then
        ExportDecl::Named {
            specifiers,
            source: None,
            ..
        } => {
            crate::step!("compartments-static-analysis-bindings", "2.b.iv");
            // 1. For each ExportSpecifier specifier of NamedExports, in order, do
            crate::step!("compartments-static-analysis-bindings", "2.b.iv.1");
            for specifier in specifiers {
                // a. Let localName be ... and exportName ...
                crate::step!("compartments-static-analysis-bindings", "2.b.iv.1.a");
                let export = export_name_value(&specifier.local);
                let exported = export_name_value(&specifier.exported);
                if export == exported {
                    // b. If localName is exportName, append { export: localName }.
                    crate::step!("compartments-static-analysis-bindings", "2.b.iv.1.b");
                    bindings.push(StaticBinding::Export { export });
                } else {
                    // c. Else, append { export: localName, as: exportName }.
                    crate::step!("compartments-static-analysis-bindings", "2.b.iv.1.c");
                    bindings.push(StaticBinding::ExportAs {
                        export,
                        r#as: exported,
                    });
                }
            }
        }
        // v. Else if item is export VariableStatement or export Declaration, then
        ExportDecl::Declaration(stmt) => {
            crate::step!("compartments-static-analysis-bindings", "2.b.v");
            // 1. For each name of the BoundNames ..., append { export: name }.
            crate::step!("compartments-static-analysis-bindings", "2.b.v.1");
            for name in declaration_bound_names(stmt) {
                bindings.push(StaticBinding::Export {
                    export: utf16(&name.name),
                });
            }
        }
        ExportDecl::DefaultFunction(_)
        | ExportDecl::DefaultClass(_)
        | ExportDecl::DefaultExpr(_) => {
            let name = match decl {
                ExportDecl::DefaultFunction(f) => f.id.as_ref(),
                ExportDecl::DefaultClass(c) => c.id.as_ref(),
                _ => None,
            };
            match name {
                // vi. Else if item is export default HoistableDeclaration or ClassDeclaration
                //     whose BindingIdentifier is present, append { export: name,
                //     as: "default" }.
                Some(name) => {
                    crate::step!("compartments-static-analysis-bindings", "2.b.vi");
                    bindings.push(StaticBinding::ExportAs {
                        export: utf16(&name.name),
                        r#as: utf16("default"),
                    });
                }
                // vii. Else, append { export: "default" }.
                None => {
                    crate::step!("compartments-static-analysis-bindings", "2.b.vii");
                    bindings.push(StaticBinding::Export {
                        export: utf16("default"),
                    });
                }
            }
        }
    }
}

/// `needsImportMeta` of a `ModuleSource`: the module's code contains `import.meta`
/// anywhere, nested functions included (1-static-analysis.md).
pub fn needs_import_meta(program: &Program) -> bool {
    program.module.uses_import_meta
}

/// `needsImport` of a `ModuleSource` (the layer 2 property a `ModuleSource` would have as
/// a virtual module source): the module's code contains a dynamic import form
/// (`import()`, `import.source()`, `import.defer()`) anywhere. Static `import` and
/// `export ... from` declarations do not count: they are linked through the `Module`'s
/// `importHook` by the module machinery, not through the `import` function that
/// `needsImport` asks `execute` to receive (module doc, "Decisions").
pub fn needs_import(program: &Program) -> bool {
    program.module.uses_dynamic_import
}

// ---------------------------------------------------------------------------------------
// Layer 2: reading and validating a virtual module source's bindings
// ---------------------------------------------------------------------------------------

/// The value of one property of a binding object, as the caller read it. The caller
/// decides what "absent" is; `undefined` (the property missing, or set to `undefined`)
/// is the coherent choice, as the proposal's examples read bindings with `??`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldValue {
    /// A String value.
    String(JsString),
    /// Present (not `undefined`) but not a String.
    NotString,
}

/// The six properties of a binding object, each `None` when absent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BindingFields {
    pub import: Option<FieldValue>,
    pub r#as: Option<FieldValue>,
    pub from: Option<FieldValue>,
    pub export: Option<FieldValue>,
    pub import_all_from: Option<FieldValue>,
    pub export_all_from: Option<FieldValue>,
}

impl BindingFields {
    /// The field of `key`.
    pub fn get(&self, key: BindingKey) -> Option<&FieldValue> {
        match key {
            BindingKey::Import => self.import.as_ref(),
            BindingKey::As => self.r#as.as_ref(),
            BindingKey::From => self.from.as_ref(),
            BindingKey::Export => self.export.as_ref(),
            BindingKey::ImportAllFrom => self.import_all_from.as_ref(),
            BindingKey::ExportAllFrom => self.export_all_from.as_ref(),
        }
    }

    /// The fields of a binding, all Strings (for tests and for building fields from a
    /// [`StaticBinding`]).
    pub fn of(binding: &StaticBinding) -> BindingFields {
        let mut fields = BindingFields::default();
        for (key, value) in binding.fields() {
            let value = Some(FieldValue::String(value.clone()));
            match key {
                BindingKey::Import => fields.import = value,
                BindingKey::As => fields.r#as = value,
                BindingKey::From => fields.from = value,
                BindingKey::Export => fields.export = value,
                BindingKey::ImportAllFrom => fields.import_all_from = value,
                BindingKey::ExportAllFrom => fields.export_all_from = value,
            }
        }
        fields
    }
}

/// The JavaScript error a [`BindingError`] should become.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BindingErrorType {
    TypeError,
    SyntaxError,
}

/// What is wrong with a virtual module source's bindings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BindingError {
    /// The present keys are none of the nine shapes (also: no key at all, `as` alone,
    /// `import` without `from`, `import` with `export`, ...). `present` lists the present
    /// keys in [`BindingKey::ALL`] order. A TypeError: the object does not implement the
    /// protocol.
    UnknownShape { present: Vec<BindingKey> },
    /// The shape is right but the property `key` is not a String. A TypeError.
    NotAString { key: BindingKey },
    /// Two bindings export the same name (`export`, or `as` of an exporting shape):
    /// `first` and `second` are their indices in the list. A SyntaxError, as the same
    /// condition is in module text (16.2.1.1: ExportedNames has duplicates).
    DuplicateExportName {
        name: JsString,
        first: usize,
        second: usize,
    },
    /// Two bindings import into the same local name (`import` of `{ import, from }`,
    /// `as` of `{ import, as, from }` and `{ importAllFrom, as }`). A SyntaxError, as in
    /// module text (16.2.1.1: LexicallyDeclaredNames has duplicates).
    DuplicateImportName {
        name: JsString,
        first: usize,
        second: usize,
    },
    /// The name in property `key` of binding `index` is not well-formed Unicode (a lone
    /// surrogate). A SyntaxError, as for a string ModuleExportName in module text
    /// (16.2.1.1: IsStringWellFormedUnicode). Specifiers are not checked.
    NameNotWellFormed {
        index: usize,
        key: BindingKey,
        name: JsString,
    },
}

impl BindingError {
    /// The JavaScript error type to throw.
    pub fn error_type(&self) -> BindingErrorType {
        match self {
            BindingError::UnknownShape { .. } | BindingError::NotAString { .. } => {
                BindingErrorType::TypeError
            }
            BindingError::DuplicateExportName { .. }
            | BindingError::DuplicateImportName { .. }
            | BindingError::NameNotWellFormed { .. } => BindingErrorType::SyntaxError,
        }
    }
}

impl fmt::Display for BindingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lossy = |name: &JsString| String::from_utf16_lossy(name);
        match self {
            BindingError::UnknownShape { present } if present.is_empty() => f.write_str(
                "a binding needs one of the keys import, export, importAllFrom or exportAllFrom",
            ),
            BindingError::UnknownShape { present } => {
                let keys: Vec<&str> = present.iter().map(|k| k.name()).collect();
                write!(
                    f,
                    "{{ {} }} is not a binding shape (the shapes are {{ import, from }}, \
                     {{ import, as, from }}, {{ export }}, {{ export, as }}, {{ export, from }}, \
                     {{ export, as, from }}, {{ importAllFrom, as }}, {{ exportAllFrom }} and \
                     {{ exportAllFrom, as }})",
                    keys.join(", ")
                )
            }
            BindingError::NotAString { key } => {
                write!(f, "the binding's `{}` property is not a string", key.name())
            }
            BindingError::DuplicateExportName {
                name,
                first,
                second,
            } => write!(
                f,
                "bindings {first} and {second} both export the name {:?}",
                lossy(name)
            ),
            BindingError::DuplicateImportName {
                name,
                first,
                second,
            } => write!(
                f,
                "bindings {first} and {second} both import into the local name {:?}",
                lossy(name)
            ),
            BindingError::NameNotWellFormed { index, key, name } => write!(
                f,
                "binding {index}'s `{}` name {:?} contains a lone surrogate",
                key.name(),
                lossy(name)
            ),
        }
    }
}

impl std::error::Error for BindingError {}

/// The binding a virtual module source's binding object describes, from its already read
/// properties: first the shape, from which keys are present (an [`BindingError::UnknownShape`]
/// otherwise), then each of the shape's properties must be a String (the first that is
/// not, in the shape's key order, is a [`BindingError::NotAString`]).
pub fn binding_from_fields(fields: &BindingFields) -> Result<StaticBinding, BindingError> {
    use BindingKey as K;
    let present: Vec<BindingKey> = K::ALL
        .into_iter()
        .filter(|key| fields.get(*key).is_some())
        .collect();
    let string = |key: BindingKey| -> Result<JsString, BindingError> {
        match fields.get(key) {
            Some(FieldValue::String(s)) => Ok(s.clone()),
            _ => Err(BindingError::NotAString { key }),
        }
    };
    let shape = |keys: &[BindingKey]| present.as_slice() == keys;
    // Each arm reads the shape's keys in the shape's order (import/export/...All, as, from).
    if shape(&[K::Import, K::From]) {
        Ok(StaticBinding::Import {
            import: string(K::Import)?,
            from: string(K::From)?,
        })
    } else if shape(&[K::Import, K::As, K::From]) {
        Ok(StaticBinding::ImportAs {
            import: string(K::Import)?,
            r#as: string(K::As)?,
            from: string(K::From)?,
        })
    } else if shape(&[K::Export]) {
        Ok(StaticBinding::Export {
            export: string(K::Export)?,
        })
    } else if shape(&[K::As, K::Export]) {
        Ok(StaticBinding::ExportAs {
            export: string(K::Export)?,
            r#as: string(K::As)?,
        })
    } else if shape(&[K::From, K::Export]) {
        Ok(StaticBinding::ExportFrom {
            export: string(K::Export)?,
            from: string(K::From)?,
        })
    } else if shape(&[K::As, K::From, K::Export]) {
        Ok(StaticBinding::ExportAsFrom {
            export: string(K::Export)?,
            r#as: string(K::As)?,
            from: string(K::From)?,
        })
    } else if shape(&[K::As, K::ImportAllFrom]) {
        Ok(StaticBinding::ImportAllFrom {
            import_all_from: string(K::ImportAllFrom)?,
            r#as: string(K::As)?,
        })
    } else if shape(&[K::ExportAllFrom]) {
        Ok(StaticBinding::ExportAllFrom {
            export_all_from: string(K::ExportAllFrom)?,
        })
    } else if shape(&[K::As, K::ExportAllFrom]) {
        Ok(StaticBinding::ExportAllFromAs {
            export_all_from: string(K::ExportAllFrom)?,
            r#as: string(K::As)?,
        })
    } else {
        Err(BindingError::UnknownShape { present })
    }
}

/// The rules on a whole `bindings` list of a virtual module source, in list order (the
/// first error found is returned):
/// - every name (`import`, `as`, `export`; not the specifiers) is well-formed Unicode
///   ([`BindingError::NameNotWellFormed`]);
/// - no two bindings import into the same local name ([`BindingError::DuplicateImportName`]);
/// - no two bindings export the same name ([`BindingError::DuplicateExportName`]).
///
/// A local export of an imported name (`{ import: 'a', from: 'm' }` with
/// `{ export: 'a' }`) is allowed: it re-exports, as in module text. An empty list is
/// valid. Every list [`module_source_bindings`] computes for a Module without early errors
/// passes.
pub fn validate_virtual_bindings(bindings: &[StaticBinding]) -> Result<(), BindingError> {
    let mut imported: HashMap<&JsString, usize> = HashMap::new();
    let mut exported: HashMap<&JsString, usize> = HashMap::new();
    for (index, binding) in bindings.iter().enumerate() {
        for (key, value) in binding.fields() {
            let is_name = matches!(
                key,
                BindingKey::Import | BindingKey::As | BindingKey::Export
            );
            if is_name && char::decode_utf16(value.iter().copied()).any(|c| c.is_err()) {
                return Err(BindingError::NameNotWellFormed {
                    index,
                    key,
                    name: value.clone(),
                });
            }
        }
        if let Some(name) = binding.imported_local_name() {
            if let Some(first) = imported.insert(name, index) {
                return Err(BindingError::DuplicateImportName {
                    name: name.clone(),
                    first,
                    second: index,
                });
            }
        }
        if let Some(name) = binding.exported_name() {
            if let Some(first) = exported.insert(name, index) {
                return Err(BindingError::DuplicateExportName {
                    name: name.clone(),
                    first,
                    second: index,
                });
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Layer 2: the module record fields of a virtual module source
// ---------------------------------------------------------------------------------------

/// ModuleRecordFieldsOfBindings ( bindings ) (`compartments-module-info-from-bindings`,
/// C2.1): the [[RequestedModules]], [[ImportEntries]], [[LocalExportEntries]],
/// [[IndirectExportEntries]] and [[StarExportEntries]] of a module whose bindings are
/// `bindings`, as ParseModule (16.2.1.7.1) steps 3 to 10 compute them for module text —
/// requests deduplicated as ModuleRequests does, with phase evaluation and no
/// attributes, and an exported import rewritten as a re-export.
///
/// `bindings` should have passed [`validate_virtual_bindings`] (names are converted to
/// the Rust strings of [[LocalName]] lossily otherwise). Entries have empty spans.
/// [[HasTLA]], `uses_import_meta` and `uses_dynamic_import` are `false`: the caller sets
/// them from the virtual module source (`needsImportMeta`, `needsImport`, and whatever it
/// decides for an asynchronous `execute`).
pub fn module_info_from_bindings(bindings: &[StaticBinding]) -> ModuleInfo {
    let local = |name: &JsString| String::from_utf16_lossy(name);
    // 1. NOTE: These are the fields ParseModule steps 3 to 10 would compute ...
    crate::step!("compartments-module-info-from-bindings", "1");
    // 2. Let requestedModules be a new empty List.
    crate::step!("compartments-module-info-from-bindings", "2");
    let mut requests: Vec<ModuleRequest> = Vec::new();
    // 3. Let importEntries be a new empty List.
    crate::step!("compartments-module-info-from-bindings", "3");
    let mut import_entries: Vec<ImportEntry> = Vec::new();
    // 4. Let exportEntries be a new empty List.
    crate::step!("compartments-module-info-from-bindings", "4");
    let mut export_entries: Vec<ExportEntry> = Vec::new();
    // 5. For each binding of bindings, in order, do
    crate::step!("compartments-module-info-from-bindings", "5");
    for binding in bindings {
        // a. Let specifier be binding.from, binding.importAllFrom or binding.exportAllFrom.
        crate::step!("compartments-module-info-from-bindings", "5.a");
        let specifier = binding.specifier();
        // b. If specifier is not none, then
        crate::step!("compartments-module-info-from-bindings", "5.b");
        let module = specifier.map(|specifier| {
            // i. Let module be the ModuleRequest Record { [[Specifier]]: specifier,
            //    [[Attributes]]: « », [[Phase]]: evaluation }.
            crate::step!("compartments-module-info-from-bindings", "5.b.i");
            let module = ModuleRequest {
                specifier: specifier.clone(),
                attributes: Vec::new(),
                phase: ImportPhase::Evaluation,
            };
            // ii. If requestedModules does not contain an equal record with the same
            //     [[Phase]], append module to requestedModules.
            crate::step!("compartments-module-info-from-bindings", "5.b.ii");
            match requests
                .iter()
                .position(|mr2| module_requests_equal(&module, mr2) && module.phase == mr2.phase)
            {
                Some(index) => index,
                None => {
                    requests.push(module);
                    requests.len() - 1
                }
            }
        });
        let import_entry =
            |module: Option<usize>, import_name: ImportName, local_name: &JsString| ImportEntry {
                module_request: module.expect("an importing binding has a specifier"),
                import_name,
                local_name: local(local_name),
                span: Span::default(),
            };
        let export_entry = |export_name: Option<&JsString>,
                            import_name: Option<ExportImportName>,
                            local_name: Option<&JsString>| ExportEntry {
            export_name: export_name.cloned(),
            module_request: module,
            import_name,
            local_name: local_name.map(local),
            span: Span::default(),
        };
        match binding {
            // c. If binding is { import, from }, append { [[ModuleRequest]]: module,
            //    [[ImportName]]: binding.import, [[LocalName]]: binding.import }.
            StaticBinding::Import { import, .. } => {
                crate::step!("compartments-module-info-from-bindings", "5.c");
                import_entries.push(import_entry(
                    module,
                    ImportName::Name(import.clone()),
                    import,
                ));
            }
            // d. Else if binding is { import, as, from }, ... [[LocalName]]: binding.as.
            StaticBinding::ImportAs { import, r#as, .. } => {
                crate::step!("compartments-module-info-from-bindings", "5.d");
                import_entries.push(import_entry(module, ImportName::Name(import.clone()), r#as));
            }
            // e. Else if binding is { importAllFrom, as }, ... namespace-object ...
            StaticBinding::ImportAllFrom { r#as, .. } => {
                crate::step!("compartments-module-info-from-bindings", "5.e");
                import_entries.push(import_entry(module, ImportName::NamespaceObject, r#as));
            }
            // f. Else if binding is { export }, append { [[ModuleRequest]]: null,
            //    [[ImportName]]: null, [[LocalName]]: binding.export,
            //    [[ExportName]]: binding.export }.
            StaticBinding::Export { export } => {
                crate::step!("compartments-module-info-from-bindings", "5.f");
                export_entries.push(export_entry(Some(export), None, Some(export)));
            }
            // g. Else if binding is { export, as }, ... [[ExportName]]: binding.as.
            StaticBinding::ExportAs { export, r#as } => {
                crate::step!("compartments-module-info-from-bindings", "5.g");
                export_entries.push(export_entry(Some(r#as), None, Some(export)));
            }
            // h. Else if binding is { export, from }, ... [[ImportName]]: binding.export ...
            StaticBinding::ExportFrom { export, .. } => {
                crate::step!("compartments-module-info-from-bindings", "5.h");
                let import_name = ExportImportName::Name(export.clone());
                export_entries.push(export_entry(Some(export), Some(import_name), None));
            }
            // i. Else if binding is { export, as, from }, ... [[ExportName]]: binding.as.
            StaticBinding::ExportAsFrom { export, r#as, .. } => {
                crate::step!("compartments-module-info-from-bindings", "5.i");
                let import_name = ExportImportName::Name(export.clone());
                export_entries.push(export_entry(Some(r#as), Some(import_name), None));
            }
            // j. Else if binding is { exportAllFrom }, ... all-but-default ...
            StaticBinding::ExportAllFrom { .. } => {
                crate::step!("compartments-module-info-from-bindings", "5.j");
                let import_name = ExportImportName::AllButDefault;
                export_entries.push(export_entry(None, Some(import_name), None));
            }
            // k. Else, append { ..., [[ImportName]]: all, [[ExportName]]: binding.as }.
            StaticBinding::ExportAllFromAs { r#as, .. } => {
                crate::step!("compartments-module-info-from-bindings", "5.k");
                let import_name = ExportImportName::All;
                export_entries.push(export_entry(Some(r#as), Some(import_name), None));
            }
        }
    }
    // 6. Let indirectExportEntries, localExportEntries and starExportEntries be new empty
    //    Lists.
    crate::step!("compartments-module-info-from-bindings", "6");
    let mut local_export_entries = Vec::new();
    let mut indirect_export_entries = Vec::new();
    let mut star_export_entries = Vec::new();
    // 7. For each ExportEntry Record ee of exportEntries, do
    crate::step!("compartments-module-info-from-bindings", "7");
    for ee in export_entries {
        // a. If ee.[[ModuleRequest]] is null, then
        crate::step!("compartments-module-info-from-bindings", "7.a");
        if ee.module_request.is_none() {
            let ie = import_entries
                .iter()
                .find(|ie| ee.local_name.as_deref() == Some(ie.local_name.as_str()));
            match ie {
                // i. If importEntries has no element whose [[LocalName]] is
                //    ee.[[LocalName]], append ee to localExportEntries.
                None => {
                    crate::step!("compartments-module-info-from-bindings", "7.a.i");
                    local_export_entries.push(ee);
                }
                // ii. Else,
                Some(ie) => {
                    crate::step!("compartments-module-info-from-bindings", "7.a.ii");
                    // 1. Let ie be the element of importEntries whose [[LocalName]] is
                    //    ee.[[LocalName]].
                    crate::step!("compartments-module-info-from-bindings", "7.a.ii.1");
                    let import_name = match &ie.import_name {
                        // 2. If ie.[[ImportName]] is namespace-object, append { ...,
                        //    [[ImportName]]: all, ... }.
                        ImportName::NamespaceObject => {
                            crate::step!("compartments-module-info-from-bindings", "7.a.ii.2");
                            ExportImportName::All
                        }
                        // 3. Else, append { ..., [[ImportName]]: ie.[[ImportName]], ... }.
                        //    (Bindings never make a source import entry.)
                        ImportName::Name(name) => {
                            crate::step!("compartments-module-info-from-bindings", "7.a.ii.3");
                            ExportImportName::Name(name.clone())
                        }
                        ImportName::Source => unreachable!("bindings make no source imports"),
                    };
                    indirect_export_entries.push(ExportEntry {
                        export_name: ee.export_name,
                        module_request: Some(ie.module_request),
                        import_name: Some(import_name),
                        local_name: None,
                        span: ee.span,
                    });
                }
            }
        // b. Else if ee.[[ImportName]] is all-but-default, append ee to starExportEntries.
        } else if ee.import_name == Some(ExportImportName::AllButDefault) {
            crate::step!("compartments-module-info-from-bindings", "7.b");
            star_export_entries.push(ee);
        // c. Else, append ee to indirectExportEntries.
        } else {
            crate::step!("compartments-module-info-from-bindings", "7.c");
            indirect_export_entries.push(ee);
        }
    }
    // 8. Return requestedModules, importEntries, localExportEntries,
    //    indirectExportEntries and starExportEntries.
    crate::step!("compartments-module-info-from-bindings", "8");
    ModuleInfo {
        requests,
        import_entries,
        local_export_entries,
        indirect_export_entries,
        star_export_entries,
        has_top_level_await: false,
        uses_import_meta: false,
        uses_dynamic_import: false,
    }
}
