//! Generated sequences of import and export declarations and the bindings
//! (`ModuleSource.prototype.bindings`, Compartments layer 1) they have, from the declarations
//! alone: shared by tests/static_analysis_properties.rs and tests/module_graph_properties.rs
//! (each includes this file with `#[path]`; tests/common/mod.rs is the test262 runner).

use compartments::spec::compartments::static_analysis::StaticBinding;
use compartments::syntax::ast::JsString;
use proptest::prelude::*;
use std::collections::HashSet;

pub fn u(s: &str) -> JsString {
    s.encode_utf16().collect()
}

/// Short identifiers (so that generated names collide and exercise the fix-up), never a
/// reserved word.
pub fn ident() -> impl Strategy<Value = String> {
    "[a-z_$][a-z0-9]{0,1}".prop_filter("not a reserved word", |s| {
        !matches!(s.as_str(), "do" | "if" | "in")
    })
}

/// A ModuleExportName: an identifier, an IdentifierName that is a reserved word, or a
/// string with spaces, quotes, non-ASCII and astral characters (well-formed).
#[derive(Clone, Debug)]
pub struct Name {
    value: JsString,
    /// Rendered as a string literal even if it is an IdentifierName.
    quoted: bool,
}

pub fn name() -> impl Strategy<Value = Name> {
    prop_oneof![
        4 => (ident(), any::<bool>()).prop_map(|(s, quoted)| Name { value: u(&s), quoted }),
        1 => prop::sample::select(vec!["default", "if", "class", "as", "from"])
            .prop_map(|s| Name { value: u(s), quoted: false }),
        2 => prop::collection::vec(
            prop::sample::select(vec!['a', 'b', ' ', '"', '\'', '\\', 'é', '😀', '*', '-']),
            0..4,
        )
        .prop_map(|chars| Name {
            value: u(&chars.into_iter().collect::<String>()),
            quoted: true,
        }),
    ]
}

/// A module specifier, from a small pool so that requests repeat; one has a lone
/// surrogate.
pub fn specifier() -> impl Strategy<Value = JsString> {
    prop::sample::select(vec![
        u("a"),
        u("b"),
        u("./c.js"),
        u("d é😀"),
        vec![0x65, 0xD800],
    ])
}

/// A string literal of `s`, escaping all but ASCII letters, digits, spaces and `./-*`.
pub fn literal(s: &[u16]) -> String {
    let mut out = String::from("'");
    for &unit in s {
        match char::from_u32(unit as u32) {
            Some(c) if c.is_ascii_alphanumeric() || " ./-*_$".contains(c) => out.push(c),
            _ => out.push_str(&format!("\\u{unit:04X}")),
        }
    }
    out.push('\'');
    out
}

pub fn is_identifier(s: &[u16]) -> bool {
    let s = String::from_utf16_lossy(s);
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

pub fn render_name(name: &Name) -> String {
    if name.quoted || !is_identifier(&name.value) {
        literal(&name.value)
    } else {
        String::from_utf16_lossy(&name.value)
    }
}

#[derive(Clone, Debug)]
pub enum Decl {
    /// `import 'm';` or `import {} from 'm';`
    ImportNothing { from: JsString, braces: bool },
    /// `import d, * as ns from 'm'`, `import d, { ... } from 'm'`, `import { ... } from 'm'`.
    Import {
        default: Option<String>,
        namespace: Option<String>,
        /// (imported name if written with `as`, local)
        named: Vec<(Option<Name>, String)>,
        from: JsString,
        json: bool,
    },
    /// `import source x from 'm';`
    ImportSource { local: String, from: JsString },
    /// `import defer * as ns from 'm';`
    ImportDefer { local: String, from: JsString },
    /// `export { local as exported };`
    ExportNamed {
        specifiers: Vec<(String, Option<Name>)>,
    },
    /// `export { a as b } from 'm';`
    ExportFrom {
        specifiers: Vec<(Name, Option<Name>)>,
        from: JsString,
        json: bool,
    },
    /// `export * from 'm';` / `export * as x from 'm';`
    ExportAll { r#as: Option<Name>, from: JsString },
    /// `export var|let|const ...;`
    ExportVars {
        kind: &'static str,
        names: Vec<String>,
    },
    /// `export function f() {}`, `export class f {}`
    ExportFunction { name: String, class: bool },
    /// `export default function f() {}` (or anonymous), class, expression.
    ExportDefault { name: Option<String>, form: u8 },
    /// `let x;` (to declare a local that an `export { x }` names)
    Let { name: String },
}

pub fn decl() -> impl Strategy<Value = Decl> {
    let names = prop::collection::vec((prop::option::of(name()), ident()), 0..3);
    prop_oneof![
        1 => (specifier(), any::<bool>()).prop_map(|(from, braces)| Decl::ImportNothing { from, braces }),
        4 => (
            prop::option::of(ident()),
            prop::option::of(ident()),
            names,
            specifier(),
            prop::bool::weighted(0.2)
        )
            .prop_map(|(default, namespace, named, from, json)| {
                // A NameSpaceImport and NamedImports do not go together.
                let named = if namespace.is_some() { Vec::new() } else { named };
                Decl::Import { default, namespace, named, from, json }
            }),
        1 => (ident(), specifier()).prop_map(|(local, from)| Decl::ImportSource { local, from }),
        1 => (ident(), specifier()).prop_map(|(local, from)| Decl::ImportDefer { local, from }),
        3 => prop::collection::vec((ident(), prop::option::of(name())), 0..3)
            .prop_map(|specifiers| Decl::ExportNamed { specifiers }),
        3 => (
            prop::collection::vec((name(), prop::option::of(name())), 0..3),
            specifier(),
            prop::bool::weighted(0.2)
        )
            .prop_map(|(specifiers, from, json)| Decl::ExportFrom { specifiers, from, json }),
        2 => (prop::option::of(name()), specifier())
            .prop_map(|(r#as, from)| Decl::ExportAll { r#as, from }),
        2 => (
            prop::sample::select(vec!["var", "let", "const"]),
            prop::collection::vec(ident(), 1..4)
        )
            .prop_map(|(kind, names)| Decl::ExportVars { kind, names }),
        1 => (ident(), any::<bool>()).prop_map(|(name, class)| Decl::ExportFunction { name, class }),
        1 => (prop::option::of(ident()), 0u8..3).prop_map(|(name, form)| Decl::ExportDefault { name, form }),
    ]
}

/// Drops whatever would be an early error: a local bound twice, a name exported twice, a
/// local export of a name that a source phase import binds (bindings cannot express that
/// re-export; a unit test covers it); then declares every exported local that nothing
/// binds with a `let`.
pub fn fix_up(decls: Vec<Decl>) -> Vec<Decl> {
    let mut locals: HashSet<String> = HashSet::new();
    let mut source_locals: HashSet<String> = HashSet::new();
    let mut exports: HashSet<JsString> = HashSet::new();
    let mut referenced: Vec<String> = Vec::new();
    let mut out = Vec::new();
    // A local: bound once.
    let bind = |locals: &mut HashSet<String>, name: &str| locals.insert(name.to_string());
    for decl in decls {
        let decl = match decl {
            Decl::Import {
                default,
                namespace,
                named,
                from,
                json,
            } => {
                let default = default.filter(|d| bind(&mut locals, d));
                let namespace = namespace.filter(|n| bind(&mut locals, n));
                let named = named
                    .into_iter()
                    .filter(|(_, local)| bind(&mut locals, local))
                    .collect();
                Decl::Import {
                    default,
                    namespace,
                    named,
                    from,
                    json,
                }
            }
            Decl::ImportSource { local, from } => {
                if !bind(&mut locals, &local) {
                    continue;
                }
                source_locals.insert(local.clone());
                Decl::ImportSource { local, from }
            }
            Decl::ImportDefer { local, from } => {
                if !bind(&mut locals, &local) {
                    continue;
                }
                Decl::ImportDefer { local, from }
            }
            Decl::ExportNamed { specifiers } => {
                let specifiers = specifiers
                    .into_iter()
                    .filter(|(local, exported)| {
                        let name = exported
                            .as_ref()
                            .map_or_else(|| u(local), |n| n.value.clone());
                        exports.insert(name)
                    })
                    .collect::<Vec<_>>();
                referenced.extend(specifiers.iter().map(|(local, _)| local.clone()));
                Decl::ExportNamed { specifiers }
            }
            Decl::ExportFrom {
                specifiers,
                from,
                json,
            } => {
                let specifiers = specifiers
                    .into_iter()
                    .filter(|(name, exported)| {
                        exports.insert(exported.as_ref().unwrap_or(name).value.clone())
                    })
                    .collect();
                Decl::ExportFrom {
                    specifiers,
                    from,
                    json,
                }
            }
            Decl::ExportAll { r#as, from } => {
                if let Some(name) = &r#as {
                    if !exports.insert(name.value.clone()) {
                        continue;
                    }
                }
                Decl::ExportAll { r#as, from }
            }
            Decl::ExportVars { kind, names } => {
                let mut kept = Vec::new();
                for n in names {
                    if !locals.contains(&n) && !exports.contains(&u(&n)) {
                        bind(&mut locals, &n);
                        exports.insert(u(&n));
                        kept.push(n);
                    }
                }
                let names = kept;
                if names.is_empty() {
                    continue;
                }
                Decl::ExportVars { kind, names }
            }
            Decl::ExportFunction { name, class } => {
                if locals.contains(&name) || exports.contains(&u(&name)) {
                    continue;
                }
                bind(&mut locals, &name);
                exports.insert(u(&name));
                Decl::ExportFunction { name, class }
            }
            Decl::ExportDefault { name, form } => {
                if exports.contains(&u("default")) {
                    continue;
                }
                // Only function and class declarations have a name.
                let name = name.filter(|_| form < 2);
                if let Some(name) = &name {
                    if !bind(&mut locals, name) {
                        continue;
                    }
                }
                exports.insert(u("default"));
                Decl::ExportDefault { name, form }
            }
            other => other,
        };
        out.push(decl);
    }
    // A source phase import may come after the `export { x }` of its binding.
    for decl in &mut out {
        if let Decl::ExportNamed { specifiers } = decl {
            specifiers.retain(|(local, _)| !source_locals.contains(local));
        }
    }
    for name in referenced {
        if locals.insert(name.clone()) {
            out.push(Decl::Let { name });
        }
    }
    out
}

pub fn render(decls: &[Decl]) -> String {
    let json = |json: bool| if json { " with { type: 'json' }" } else { "" };
    let mut text = String::new();
    for decl in decls {
        let line = match decl {
            Decl::ImportNothing { from, braces } => {
                let braces = if *braces { "{} from " } else { "" };
                format!("import {braces}{};", literal(from))
            }
            Decl::Import {
                default,
                namespace,
                named,
                from,
                json: j,
            } => {
                let mut clauses = Vec::new();
                clauses.extend(default.clone());
                if let Some(ns) = namespace {
                    clauses.push(format!("* as {ns}"));
                }
                if !named.is_empty() || clauses.is_empty() {
                    let specifiers: Vec<String> = named
                        .iter()
                        .map(|(imported, local)| match imported {
                            Some(imported) => format!("{} as {local}", render_name(imported)),
                            None => local.clone(),
                        })
                        .collect();
                    clauses.push(format!("{{ {} }}", specifiers.join(", ")));
                }
                format!(
                    "import {} from {}{};",
                    clauses.join(", "),
                    literal(from),
                    json(*j)
                )
            }
            Decl::ImportSource { local, from } => {
                format!("import source {local} from {};", literal(from))
            }
            Decl::ImportDefer { local, from } => {
                format!("import defer * as {local} from {};", literal(from))
            }
            Decl::ExportNamed { specifiers } => {
                let specifiers: Vec<String> = specifiers
                    .iter()
                    .map(|(local, exported)| match exported {
                        Some(exported) => format!("{local} as {}", render_name(exported)),
                        None => local.clone(),
                    })
                    .collect();
                format!("export {{ {} }};", specifiers.join(", "))
            }
            Decl::ExportFrom {
                specifiers,
                from,
                json: j,
            } => {
                let specifiers: Vec<String> = specifiers
                    .iter()
                    .map(|(name, exported)| match exported {
                        Some(exported) => {
                            format!("{} as {}", render_name(name), render_name(exported))
                        }
                        None => render_name(name),
                    })
                    .collect();
                format!(
                    "export {{ {} }} from {}{};",
                    specifiers.join(", "),
                    literal(from),
                    json(*j)
                )
            }
            Decl::ExportAll { r#as, from } => match r#as {
                Some(name) => format!("export * as {} from {};", render_name(name), literal(from)),
                None => format!("export * from {};", literal(from)),
            },
            Decl::ExportVars { kind, names } => {
                let declarators: Vec<String> = names
                    .iter()
                    .enumerate()
                    .map(|(i, n)| match i % 3 {
                        0 => format!("{n} = 0"),
                        1 => format!("[{n}] = []"),
                        _ => format!("{{ {n} }} = {{}}"),
                    })
                    .collect();
                format!("export {kind} {};", declarators.join(", "))
            }
            Decl::ExportFunction { name, class } => {
                if *class {
                    format!("export class {name} {{}}")
                } else {
                    format!("export function {name}() {{}}")
                }
            }
            Decl::ExportDefault { name, form } => {
                let name = name.as_deref().unwrap_or("");
                match form {
                    0 => format!("export default function {name}() {{}}"),
                    1 => format!("export default class {name} {{}}"),
                    _ => "export default 1 + 1;".to_string(),
                }
            }
            Decl::Let { name } => format!("let {name};"),
        };
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// The model: the bindings of the declarations, from the declarations alone.
pub fn model(decls: &[Decl]) -> Vec<StaticBinding> {
    let mut out = Vec::new();
    for decl in decls {
        match decl {
            Decl::ImportNothing { .. } | Decl::ImportSource { .. } | Decl::Let { .. } => {}
            Decl::Import {
                default,
                namespace,
                named,
                from,
                ..
            } => {
                if let Some(d) = default {
                    out.push(StaticBinding::ImportAs {
                        import: u("default"),
                        r#as: u(d),
                        from: from.clone(),
                    });
                }
                if let Some(ns) = namespace {
                    out.push(StaticBinding::ImportAllFrom {
                        import_all_from: from.clone(),
                        r#as: u(ns),
                    });
                }
                for (imported, local) in named {
                    let import = imported
                        .as_ref()
                        .map_or_else(|| u(local), |n| n.value.clone());
                    out.push(if import == u(local) {
                        StaticBinding::Import {
                            import,
                            from: from.clone(),
                        }
                    } else {
                        StaticBinding::ImportAs {
                            import,
                            r#as: u(local),
                            from: from.clone(),
                        }
                    });
                }
            }
            Decl::ImportDefer { local, from } => out.push(StaticBinding::ImportAllFrom {
                import_all_from: from.clone(),
                r#as: u(local),
            }),
            Decl::ExportNamed { specifiers } => {
                for (local, exported) in specifiers {
                    match exported {
                        Some(e) if e.value != u(local) => out.push(StaticBinding::ExportAs {
                            export: u(local),
                            r#as: e.value.clone(),
                        }),
                        _ => out.push(StaticBinding::Export { export: u(local) }),
                    }
                }
            }
            Decl::ExportFrom {
                specifiers, from, ..
            } => {
                for (name, exported) in specifiers {
                    match exported {
                        Some(e) if e.value != name.value => out.push(StaticBinding::ExportAsFrom {
                            export: name.value.clone(),
                            r#as: e.value.clone(),
                            from: from.clone(),
                        }),
                        _ => out.push(StaticBinding::ExportFrom {
                            export: name.value.clone(),
                            from: from.clone(),
                        }),
                    }
                }
            }
            Decl::ExportAll { r#as, from } => out.push(match r#as {
                Some(name) => StaticBinding::ExportAllFromAs {
                    export_all_from: from.clone(),
                    r#as: name.value.clone(),
                },
                None => StaticBinding::ExportAllFrom {
                    export_all_from: from.clone(),
                },
            }),
            Decl::ExportVars { names, .. } => {
                out.extend(names.iter().map(|n| StaticBinding::Export { export: u(n) }))
            }
            Decl::ExportFunction { name, .. } => {
                out.push(StaticBinding::Export { export: u(name) })
            }
            Decl::ExportDefault { name, .. } => out.push(match name {
                Some(name) => StaticBinding::ExportAs {
                    export: u(name),
                    r#as: u("default"),
                },
                None => StaticBinding::Export {
                    export: u("default"),
                },
            }),
        }
    }
    out
}
