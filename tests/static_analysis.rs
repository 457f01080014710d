//! Compartments layer 1 and the binding half of layer 2
//! (`src/spec/compartments/static_analysis.rs`) on examples: the nine binding shapes from
//! module text (import clauses, default exports, exported declarations, string names, order,
//! import phases), needsImport and needsImportMeta, virtual bindings read back from their
//! fields and validated, and the ModuleInfo built from bindings.

use compartments::spec::compartments::static_analysis::*;
use compartments::syntax::ast::*;
use compartments::syntax::parse_module;

fn u(s: &str) -> JsString {
    s.encode_utf16().collect()
}

fn bindings_of(source: &str) -> Vec<StaticBinding> {
    let program = parse_module(source).unwrap_or_else(|e| panic!("{source}: {e:?}"));
    module_source_bindings(&program)
}

/// The bindings of `source`, each rendered with Display.
fn shown(source: &str) -> Vec<String> {
    bindings_of(source).iter().map(|b| b.to_string()).collect()
}

#[test]
fn nine_shapes_from_module_text() {
    assert_eq!(
        shown("import { a } from 'a.js';"),
        [r#"{ import: "a", from: "a.js" }"#]
    );
    assert_eq!(
        shown("import { a, b } from 'ab.js';"),
        [
            r#"{ import: "a", from: "ab.js" }"#,
            r#"{ import: "b", from: "ab.js" }"#
        ]
    );
    assert_eq!(
        shown("import { a as x } from 'a.js';"),
        [r#"{ import: "a", as: "x", from: "a.js" }"#]
    );
    assert_eq!(shown("let x; export { x };"), [r#"{ export: "x" }"#]);
    assert_eq!(
        shown("let x; export { x as a };"),
        [r#"{ export: "x", as: "a" }"#]
    );
    assert_eq!(
        shown("export { x } from 'x.js';"),
        [r#"{ export: "x", from: "x.js" }"#]
    );
    assert_eq!(
        shown("export { x as a } from 'x.js';"),
        [r#"{ export: "x", as: "a", from: "x.js" }"#]
    );
    assert_eq!(
        shown("import * as x from 'x.js';"),
        [r#"{ importAllFrom: "x.js", as: "x" }"#]
    );
    assert_eq!(
        shown("export * from 'x.js';"),
        [r#"{ exportAllFrom: "x.js" }"#]
    );
    assert_eq!(
        shown("export * as x from 'x.js';"),
        [r#"{ exportAllFrom: "x.js", as: "x" }"#]
    );
}

#[test]
fn default_imports_and_mixed_import_clauses() {
    assert_eq!(
        shown("import x from 'm';"),
        [r#"{ import: "default", as: "x", from: "m" }"#]
    );
    assert_eq!(
        shown("import x, * as ns from 'm';"),
        [
            r#"{ import: "default", as: "x", from: "m" }"#,
            r#"{ importAllFrom: "m", as: "ns" }"#
        ]
    );
    assert_eq!(
        shown("import x, { y, z as w, default as d } from 'm';"),
        [
            r#"{ import: "default", as: "x", from: "m" }"#,
            r#"{ import: "y", from: "m" }"#,
            r#"{ import: "z", as: "w", from: "m" }"#,
            r#"{ import: "default", as: "d", from: "m" }"#
        ]
    );
    // A rename to the same name is no rename.
    assert_eq!(
        shown("import { a as a } from 'm';"),
        [r#"{ import: "a", from: "m" }"#]
    );
    assert_eq!(
        shown(r#"import { "a" as a, "b c" as d } from 'm';"#),
        [
            r#"{ import: "a", from: "m" }"#,
            r#"{ import: "b c", as: "d", from: "m" }"#
        ]
    );
}

#[test]
fn imports_without_names_contribute_nothing() {
    assert!(bindings_of("import 'm';").is_empty());
    assert!(bindings_of("import {} from 'm';").is_empty());
    assert!(bindings_of("export {} from 'm';").is_empty());
    assert!(bindings_of("export {};").is_empty());
    assert!(bindings_of("import 'm' with { type: 'json' };").is_empty());
    // Attributes are not reflected.
    assert_eq!(
        shown("import j from 'm.json' with { type: 'json' };"),
        [r#"{ import: "default", as: "j", from: "m.json" }"#]
    );
}

#[test]
fn default_exports() {
    for source in [
        "export default 1;",
        "export default function () {}",
        "export default async function* () {}",
        "export default class {}",
        "export default (function f() {});",
        "export default class extends Object {}",
    ] {
        assert_eq!(shown(source), [r#"{ export: "default" }"#], "{source}");
    }
    assert_eq!(
        shown("export default function f() {}"),
        [r#"{ export: "f", as: "default" }"#]
    );
    assert_eq!(
        shown("export default async function g() {}"),
        [r#"{ export: "g", as: "default" }"#]
    );
    assert_eq!(
        shown("export default class C {}"),
        [r#"{ export: "C", as: "default" }"#]
    );
    assert_eq!(
        shown("let a; export { a as default };"),
        [r#"{ export: "a", as: "default" }"#]
    );
    assert_eq!(
        shown("export { default } from 'm';"),
        [r#"{ export: "default", from: "m" }"#]
    );
    assert_eq!(
        shown("export { default as x } from 'm';"),
        [r#"{ export: "default", as: "x", from: "m" }"#]
    );
}

#[test]
fn exported_declarations_in_bound_names_order() {
    assert_eq!(
        shown("export const a = 1, b = 2;"),
        [r#"{ export: "a" }"#, r#"{ export: "b" }"#]
    );
    assert_eq!(
        shown("export var { p, q: [r, ...s], ...t } = {};"),
        [
            r#"{ export: "p" }"#,
            r#"{ export: "r" }"#,
            r#"{ export: "s" }"#,
            r#"{ export: "t" }"#
        ]
    );
    assert_eq!(
        shown(
            "export function f() {} export class C {} export let l; export async function* g() {}"
        ),
        [
            r#"{ export: "f" }"#,
            r#"{ export: "C" }"#,
            r#"{ export: "l" }"#,
            r#"{ export: "g" }"#
        ]
    );
}

#[test]
fn string_names_and_lone_surrogates_survive() {
    assert_eq!(
        shown(r#"export { "a b" as c } from 'm';"#),
        [r#"{ export: "a b", as: "c", from: "m" }"#]
    );
    assert_eq!(
        shown(r#"let x; export { x as "y z" };"#),
        [r#"{ export: "x", as: "y z" }"#]
    );
    assert_eq!(
        shown(r#"export * as "*" from 'm';"#),
        [r#"{ exportAllFrom: "m", as: "*" }"#]
    );
    // A lone surrogate in a specifier is kept as is.
    let bindings = bindings_of(r#"import { a } from '\uD800';"#);
    assert_eq!(
        bindings,
        [StaticBinding::Import {
            import: u("a"),
            from: vec![0xD800]
        }]
    );
}

#[test]
fn order_of_appearance_across_declarations() {
    let source = "export { y as z }; import { a } from 'a'; export * from 'b';\n\
                  const y = 1; export default y; import * as n from 'c'; export { n };";
    assert_eq!(
        shown(source),
        [
            r#"{ export: "y", as: "z" }"#,
            r#"{ import: "a", from: "a" }"#,
            r#"{ exportAllFrom: "b" }"#,
            r#"{ export: "default" }"#,
            r#"{ importAllFrom: "c", as: "n" }"#,
            r#"{ export: "n" }"#,
        ]
    );
}

#[test]
fn import_phases() {
    // Source phase imports contribute no binding (module doc, "Import phases").
    assert!(bindings_of("import source s from 'm';").is_empty());
    assert_eq!(
        shown("import source s from 'm'; export { s };"),
        [r#"{ export: "s" }"#]
    );
    // A deferred namespace import is a namespace import.
    assert_eq!(
        shown("import defer * as ns from 'm';"),
        [r#"{ importAllFrom: "m", as: "ns" }"#]
    );
}

#[test]
fn needs_import_meta_and_needs_import() {
    let flags = |source: &str| {
        let program = parse_module(source).unwrap();
        (needs_import_meta(&program), needs_import(&program))
    };
    assert_eq!(
        flags("import x from 'm'; export * from 'n';"),
        (false, false)
    );
    assert_eq!(flags("import.meta.url;"), (true, false));
    assert_eq!(
        flags("function f() { return () => import.meta; }"),
        (true, false)
    );
    assert_eq!(flags("import('m');"), (false, true));
    assert_eq!(flags("class C { m() { import('m'); } }"), (false, true));
    assert_eq!(flags("import.source('m');"), (false, true));
    assert_eq!(flags("import.defer('m');"), (false, true));
    assert_eq!(flags("import 'm'; import.meta; import('n');"), (true, true));
}

fn field(s: &str) -> Option<FieldValue> {
    Some(FieldValue::String(u(s)))
}

#[test]
fn binding_from_fields_reads_every_shape_back() {
    let all = bindings_of(
        "import { a } from 'm'; import { b as c } from 'm'; let d, e; export { d };\n\
         export { e as f }; export { g } from 'm'; export { h as i } from 'm';\n\
         import * as j from 'm'; export * from 'm'; export * as k from 'm';",
    );
    assert_eq!(all.len(), 9);
    let kinds: std::collections::HashSet<_> = all.iter().map(std::mem::discriminant).collect();
    assert_eq!(kinds.len(), 9);
    for binding in &all {
        assert_eq!(
            binding_from_fields(&BindingFields::of(binding)).as_ref(),
            Ok(binding)
        );
    }
}

#[test]
fn binding_from_fields_rejects_unknown_shapes() {
    use BindingKey as K;
    let unknown = |fields: BindingFields| match binding_from_fields(&fields) {
        Err(e @ BindingError::UnknownShape { .. }) => {
            assert_eq!(e.error_type(), BindingErrorType::TypeError);
            e
        }
        other => panic!("{fields:?}: {other:?}"),
    };
    assert_eq!(
        unknown(BindingFields::default()),
        BindingError::UnknownShape { present: vec![] }
    );
    let cases: Vec<(BindingFields, Vec<BindingKey>)> = vec![
        (
            BindingFields {
                import: field("a"),
                ..Default::default()
            },
            vec![K::Import],
        ),
        (
            BindingFields {
                r#as: field("a"),
                ..Default::default()
            },
            vec![K::As],
        ),
        (
            BindingFields {
                from: field("a"),
                ..Default::default()
            },
            vec![K::From],
        ),
        (
            BindingFields {
                import: field("a"),
                r#as: field("b"),
                ..Default::default()
            },
            vec![K::Import, K::As],
        ),
        (
            BindingFields {
                import: field("a"),
                export: field("b"),
                from: field("m"),
                ..Default::default()
            },
            vec![K::Import, K::From, K::Export],
        ),
        (
            BindingFields {
                import_all_from: field("m"),
                ..Default::default()
            },
            vec![K::ImportAllFrom],
        ),
        (
            BindingFields {
                import_all_from: field("m"),
                from: field("m"),
                r#as: field("x"),
                ..Default::default()
            },
            vec![K::As, K::From, K::ImportAllFrom],
        ),
        (
            BindingFields {
                export_all_from: field("m"),
                from: field("m"),
                ..Default::default()
            },
            vec![K::From, K::ExportAllFrom],
        ),
        (
            BindingFields {
                export_all_from: field("m"),
                import_all_from: field("m"),
                r#as: field("x"),
                ..Default::default()
            },
            vec![K::As, K::ImportAllFrom, K::ExportAllFrom],
        ),
    ];
    for (fields, present) in cases {
        let error = unknown(fields);
        assert_eq!(error, BindingError::UnknownShape { present });
        assert!(
            error.to_string().contains("is not a binding shape"),
            "{error}"
        );
    }
    // The shape is decided before the types: a non-string in an unknown shape is
    // reported as the shape.
    assert_eq!(
        unknown(BindingFields {
            import: Some(FieldValue::NotString),
            ..Default::default()
        }),
        BindingError::UnknownShape {
            present: vec![K::Import]
        }
    );
}

#[test]
fn binding_from_fields_names_the_non_string_field() {
    use BindingKey as K;
    let not = Some(FieldValue::NotString);
    let check = |fields: BindingFields, key: BindingKey| {
        let error = binding_from_fields(&fields).unwrap_err();
        assert_eq!(error, BindingError::NotAString { key });
        assert_eq!(error.error_type(), BindingErrorType::TypeError);
        assert!(error.to_string().contains(&format!("`{}`", key.name())));
    };
    check(
        BindingFields {
            import: not.clone(),
            from: field("m"),
            ..Default::default()
        },
        K::Import,
    );
    check(
        BindingFields {
            import: field("a"),
            from: not.clone(),
            ..Default::default()
        },
        K::From,
    );
    // The first non-string in the shape's order (import, as, from) is named.
    check(
        BindingFields {
            import: field("a"),
            r#as: not.clone(),
            from: not.clone(),
            ..Default::default()
        },
        K::As,
    );
    check(
        BindingFields {
            export: not.clone(),
            ..Default::default()
        },
        K::Export,
    );
    check(
        BindingFields {
            export: field("a"),
            r#as: not.clone(),
            ..Default::default()
        },
        K::As,
    );
    check(
        BindingFields {
            import_all_from: not.clone(),
            r#as: not.clone(),
            ..Default::default()
        },
        K::ImportAllFrom,
    );
    check(
        BindingFields {
            export_all_from: not.clone(),
            ..Default::default()
        },
        K::ExportAllFrom,
    );
    check(
        BindingFields {
            export_all_from: field("m"),
            r#as: not,
            ..Default::default()
        },
        K::As,
    );
}

#[test]
fn validate_virtual_bindings_rules() {
    let export = |e: &str| StaticBinding::Export { export: u(e) };
    let export_as = |e: &str, a: &str| StaticBinding::ExportAs {
        export: u(e),
        r#as: u(a),
    };
    let import = |i: &str| StaticBinding::Import {
        import: u(i),
        from: u("m"),
    };
    assert_eq!(validate_virtual_bindings(&[]), Ok(()));
    // Re-exporting an import, exporting one local under two names: fine.
    assert_eq!(
        validate_virtual_bindings(&[import("a"), export("a"), export_as("a", "b")]),
        Ok(())
    );
    let duplicate_export = validate_virtual_bindings(&[
        export("a"),
        import("x"),
        StaticBinding::ExportAllFromAs {
            export_all_from: u("n"),
            r#as: u("a"),
        },
    ])
    .unwrap_err();
    assert_eq!(
        duplicate_export,
        BindingError::DuplicateExportName {
            name: u("a"),
            first: 0,
            second: 2
        }
    );
    assert_eq!(duplicate_export.error_type(), BindingErrorType::SyntaxError);
    assert_eq!(
        duplicate_export.to_string(),
        r#"bindings 0 and 2 both export the name "a""#
    );
    // `{ export, as }` and `{ export, as, from }` export their `as`.
    assert_eq!(
        validate_virtual_bindings(&[
            export_as("x", "y"),
            StaticBinding::ExportAsFrom {
                export: u("x"),
                r#as: u("y"),
                from: u("m")
            }
        ]),
        Err(BindingError::DuplicateExportName {
            name: u("y"),
            first: 0,
            second: 1
        })
    );
    // `{ exportAllFrom }` exports no name of its own.
    assert_eq!(
        validate_virtual_bindings(&[
            StaticBinding::ExportAllFrom {
                export_all_from: u("m")
            },
            StaticBinding::ExportAllFrom {
                export_all_from: u("m")
            },
        ]),
        Ok(())
    );
    let duplicate_import = validate_virtual_bindings(&[
        import("a"),
        StaticBinding::ImportAllFrom {
            import_all_from: u("n"),
            r#as: u("a"),
        },
    ])
    .unwrap_err();
    assert_eq!(
        duplicate_import,
        BindingError::DuplicateImportName {
            name: u("a"),
            first: 0,
            second: 1
        }
    );
    assert_eq!(duplicate_import.error_type(), BindingErrorType::SyntaxError);
    // The import name of `{ import, as, from }` is not a local name.
    assert_eq!(
        validate_virtual_bindings(&[
            import("a"),
            StaticBinding::ImportAs {
                import: u("a"),
                r#as: u("b"),
                from: u("m")
            },
        ]),
        Ok(())
    );
    // Lone surrogates: an error in names, fine in specifiers.
    let lone = vec![0x61, 0xDC00];
    let error = validate_virtual_bindings(&[StaticBinding::ExportAs {
        export: u("a"),
        r#as: lone.clone(),
    }])
    .unwrap_err();
    assert_eq!(
        error,
        BindingError::NameNotWellFormed {
            index: 0,
            key: BindingKey::As,
            name: lone.clone()
        }
    );
    assert_eq!(error.error_type(), BindingErrorType::SyntaxError);
    assert_eq!(
        validate_virtual_bindings(&[StaticBinding::ExportAllFrom {
            export_all_from: lone
        }]),
        Ok(())
    );
}

#[test]
fn text_bindings_always_validate() {
    for source in [
        "import a, { b, c as d } from 'm'; import * as e from 'm'; export { a, d as f };",
        "export default function f() {} export { f };",
        "export * from 'm'; export * from 'm'; export * as x from 'm';",
        "import { a } from 'm'; export { a } from 'm';",
    ] {
        assert_eq!(
            validate_virtual_bindings(&bindings_of(source)),
            Ok(()),
            "{source}"
        );
    }
}

#[test]
fn module_info_of_bindings_matches_parse_module() {
    let source = "import a, { b as c } from 'm'; import * as ns from 'n';\n\
                  export { c as d, ns, a as default }; export let l = 1;\n\
                  export * from 'm'; export * as all from 'o'; export { x as y } from 'n';";
    let program = parse_module(source).unwrap();
    let info = module_info_from_bindings(&module_source_bindings(&program));
    let strip = |mut info: ModuleInfo| {
        for e in &mut info.import_entries {
            e.span = Span::default();
        }
        for list in [
            &mut info.local_export_entries,
            &mut info.indirect_export_entries,
            &mut info.star_export_entries,
        ] {
            for e in list.iter_mut() {
                e.span = Span::default();
            }
        }
        info
    };
    let expected = strip(program.module.clone());
    assert_eq!(info.requests, expected.requests);
    assert_eq!(info.import_entries, expected.import_entries);
    assert_eq!(info.local_export_entries, expected.local_export_entries);
    assert_eq!(
        info.indirect_export_entries,
        expected.indirect_export_entries
    );
    assert_eq!(info.star_export_entries, expected.star_export_entries);
    // The re-exported imports were rewritten to indirect entries.
    assert_eq!(info.local_export_entries.len(), 1);
    assert_eq!(info.indirect_export_entries.len(), 5);
    assert_eq!(
        info.indirect_export_entries[1].import_name,
        Some(ExportImportName::All)
    );
}

#[test]
fn module_info_of_virtual_bindings() {
    let bindings = vec![
        StaticBinding::Export {
            export: u("default"),
        },
        StaticBinding::ImportAs {
            import: u("x"),
            r#as: u("y"),
            from: u("a"),
        },
        StaticBinding::ExportAllFrom {
            export_all_from: u("b"),
        },
        StaticBinding::ExportFrom {
            export: u("z"),
            from: u("a"),
        },
        StaticBinding::ExportAs {
            export: u("y"),
            r#as: u("w"),
        },
    ];
    let info = module_info_from_bindings(&bindings);
    // Requests deduplicated, in order of first appearance, phase evaluation.
    let specifiers: Vec<String> = info
        .requests
        .iter()
        .map(|r| String::from_utf16_lossy(&r.specifier))
        .collect();
    assert_eq!(specifiers, ["a", "b"]);
    assert!(info
        .requests
        .iter()
        .all(|r| r.phase == ImportPhase::Evaluation && r.attributes.is_empty()));
    assert_eq!(
        info.local_export_entries,
        [ExportEntry {
            export_name: Some(u("default")),
            module_request: None,
            import_name: None,
            local_name: Some("default".to_string()),
            span: Span::default(),
        }]
    );
    assert_eq!(
        info.indirect_export_entries,
        [
            ExportEntry {
                export_name: Some(u("z")),
                module_request: Some(0),
                import_name: Some(ExportImportName::Name(u("z"))),
                local_name: None,
                span: Span::default(),
            },
            // `{ export: 'y', as: 'w' }` of the imported `y` re-exports `x` of 'a'.
            ExportEntry {
                export_name: Some(u("w")),
                module_request: Some(0),
                import_name: Some(ExportImportName::Name(u("x"))),
                local_name: None,
                span: Span::default(),
            },
        ]
    );
    assert_eq!(info.star_export_entries.len(), 1);
    assert_eq!(info.star_export_entries[0].module_request, Some(1));
    assert_eq!(info.import_entries.len(), 1);
    assert!(!info.has_top_level_await && !info.uses_import_meta && !info.uses_dynamic_import);
    assert_eq!(module_info_from_bindings(&[]).requests, []);
}
