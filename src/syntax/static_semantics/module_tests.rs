//! Tests of `static_semantics::module`: each import and export form parsed as a Module, and
//! the records ParseModule would store for it. The expected values are read off the spec
//! (ImportEntriesForModule, ExportEntriesForModule, ParseModule step 10, ModuleRequests,
//! WithClauseToAttributes, Contains), not off the implementation's output.

use super::module::{module_requests_equal, DEFAULT_LOCAL_NAME};
use crate::syntax::ast::*;
use crate::syntax::{parse_module, parse_script};

use ExportImportName as X;
use ImportPhase::{Defer, Evaluation, Source};

fn js(s: &str) -> JsString {
    s.encode_utf16().collect()
}

fn info(source: &str) -> ModuleInfo {
    match parse_module(source) {
        Ok(program) => program.module,
        Err(e) => panic!("{source:?} should parse, got {e:?}"),
    }
}

fn error(source: &str) -> String {
    match parse_module(source) {
        Ok(_) => panic!("{source:?} should be a SyntaxError"),
        Err(e) => e.message,
    }
}

fn req(specifier: &str, attributes: &[(&str, &str)], phase: ImportPhase) -> ModuleRequest {
    ModuleRequest {
        specifier: js(specifier),
        attributes: attributes.iter().map(|(k, v)| (js(k), js(v))).collect(),
        phase,
    }
}

/// An ImportEntry Record without its span: ([[ModuleRequest]], [[ImportName]],
/// [[LocalName]]).
type Ie = (usize, ImportName, String);

fn ie(module: usize, import_name: ImportName, local: &str) -> Ie {
    (module, import_name, local.to_string())
}

fn name(s: &str) -> ImportName {
    ImportName::Name(js(s))
}

fn imports(info: &ModuleInfo) -> Vec<Ie> {
    info.import_entries
        .iter()
        .map(|e| {
            (
                e.module_request,
                e.import_name.clone(),
                e.local_name.clone(),
            )
        })
        .collect()
}

/// An ExportEntry Record without its span: ([[ExportName]], [[ModuleRequest]],
/// [[ImportName]], [[LocalName]]).
type Ee = (
    Option<JsString>,
    Option<usize>,
    Option<ExportImportName>,
    Option<String>,
);

fn ee(export: Option<&str>, module: Option<usize>, import: Option<X>, local: Option<&str>) -> Ee {
    (export.map(js), module, import, local.map(str::to_string))
}

/// A local export entry: { [[ExportName]]: export, [[LocalName]]: local, others null }.
fn local(export: &str, local: &str) -> Ee {
    ee(Some(export), None, None, Some(local))
}

fn x_name(s: &str) -> X {
    X::Name(js(s))
}

fn entries(list: &[ExportEntry]) -> Vec<Ee> {
    list.iter()
        .map(|e| {
            (
                e.export_name.clone(),
                e.module_request,
                e.import_name.clone(),
                e.local_name.clone(),
            )
        })
        .collect()
}

fn locals(info: &ModuleInfo) -> Vec<Ee> {
    entries(&info.local_export_entries)
}
fn indirects(info: &ModuleInfo) -> Vec<Ee> {
    entries(&info.indirect_export_entries)
}
fn stars(info: &ModuleInfo) -> Vec<Ee> {
    entries(&info.star_export_entries)
}

fn no_exports(info: &ModuleInfo) -> bool {
    info.local_export_entries.is_empty()
        && info.indirect_export_entries.is_empty()
        && info.star_export_entries.is_empty()
}

// ---------------------------------------------------------------------------------------
// Imports (ImportEntriesForModule, 16.2.2.3)
// ---------------------------------------------------------------------------------------

#[test]
fn import_default() {
    let m = info(r#"import x from "m";"#);
    assert_eq!(m.requests, vec![req("m", &[], Evaluation)]);
    assert_eq!(imports(&m), vec![ie(0, name("default"), "x")]);
    assert!(no_exports(&m));
}

#[test]
fn import_namespace() {
    let m = info(r#"import * as ns from "m";"#);
    assert_eq!(m.requests, vec![req("m", &[], Evaluation)]);
    assert_eq!(imports(&m), vec![ie(0, ImportName::NamespaceObject, "ns")]);
}

#[test]
fn import_named() {
    let m = info(r#"import { a as b, c, "string name" as d, default as e, } from "m";"#);
    assert_eq!(
        imports(&m),
        vec![
            ie(0, name("a"), "b"),
            ie(0, name("c"), "c"),
            ie(0, name("string name"), "d"),
            ie(0, name("default"), "e"),
        ]
    );
}

#[test]
fn import_default_with_namespace_or_named() {
    // ImportClause : ImportedDefaultBinding , NameSpaceImport / NamedImports — the
    // default entry comes first.
    let m = info(r#"import d, * as ns from "m"; import e, { f } from "n";"#);
    assert_eq!(
        m.requests,
        vec![req("m", &[], Evaluation), req("n", &[], Evaluation)]
    );
    assert_eq!(
        imports(&m),
        vec![
            ie(0, name("default"), "d"),
            ie(0, ImportName::NamespaceObject, "ns"),
            ie(1, name("default"), "e"),
            ie(1, name("f"), "f"),
        ]
    );
}

#[test]
fn import_source_phase() {
    let m = info(r#"import source x from "m";"#);
    assert_eq!(m.requests, vec![req("m", &[], Source)]);
    assert_eq!(imports(&m), vec![ie(0, ImportName::Source, "x")]);
}

#[test]
fn import_defer_phase() {
    let m = info(r#"import defer * as ns from "m";"#);
    assert_eq!(m.requests, vec![req("m", &[], Defer)]);
    assert_eq!(imports(&m), vec![ie(0, ImportName::NamespaceObject, "ns")]);
}

#[test]
fn import_without_bindings() {
    // `import "m"` and `import {} from "m"` request the module and bind nothing.
    let m = info(r#"import "m"; import {} from "n";"#);
    assert_eq!(
        m.requests,
        vec![req("m", &[], Evaluation), req("n", &[], Evaluation)]
    );
    assert!(m.import_entries.is_empty());
    assert!(no_exports(&m));
}

#[test]
fn import_entry_spans() {
    let source = r#"import d, { a as b } from "m";"#;
    let m = info(source);
    let text = |span: Span| &source[span.start as usize..span.end as usize];
    assert_eq!(text(m.import_entries[0].span), "d");
    assert_eq!(text(m.import_entries[1].span), "a as b");
}

// ---------------------------------------------------------------------------------------
// Local exports (ExportEntries, 16.2.3.4)
// ---------------------------------------------------------------------------------------

#[test]
fn export_var_let_const() {
    // BoundNames of the VariableStatement / LexicalDeclaration, in source order.
    let m = info(
        "var o = {}; export var a = 1, { b, c: [d] } = o; export let l = 1; export const k = 2;",
    );
    assert_eq!(
        locals(&m),
        vec![
            local("a", "a"),
            local("b", "b"),
            local("d", "d"),
            local("l", "l"),
            local("k", "k"),
        ]
    );
    assert!(m.requests.is_empty() && m.import_entries.is_empty());
    assert!(indirects(&m).is_empty() && stars(&m).is_empty());
}

#[test]
fn export_function_and_class_declarations() {
    let m = info("export function f() {} export async function* g() {} export class C {}");
    assert_eq!(
        locals(&m),
        vec![local("f", "f"), local("g", "g"), local("C", "C")]
    );
}

#[test]
fn export_default_anonymous_function() {
    // BoundNames of an anonymous `export default` HoistableDeclaration is « "*default*" ».
    let m = info("export default function () {}");
    assert_eq!(locals(&m), vec![local("default", DEFAULT_LOCAL_NAME)]);
    assert_eq!(DEFAULT_LOCAL_NAME, "*default*");
    let m = info("export default async function* () {}");
    assert_eq!(locals(&m), vec![local("default", "*default*")]);
}

#[test]
fn export_default_named_function() {
    let m = info("export default function f() {}");
    assert_eq!(locals(&m), vec![local("default", "f")]);
}

#[test]
fn export_default_class() {
    assert_eq!(
        locals(&info("export default class {}")),
        vec![local("default", "*default*")]
    );
    assert_eq!(
        locals(&info("export default class K {}")),
        vec![local("default", "K")]
    );
}

#[test]
fn export_default_expression() {
    // export default AssignmentExpression ; — LocalName "*default*", even when the
    // expression is a named function expression.
    assert_eq!(
        locals(&info("export default 1 + 2;")),
        vec![local("default", "*default*")]
    );
    assert_eq!(
        locals(&info("export default (function g() {});")),
        vec![local("default", "*default*")]
    );
}

#[test]
fn export_named_local() {
    let source = "var a, c; export { a as b, c };";
    let m = info(source);
    assert_eq!(locals(&m), vec![local("b", "a"), local("c", "c")]);
    assert!(m.requests.is_empty());
    let text = |span: Span| &source[span.start as usize..span.end as usize];
    assert_eq!(text(m.local_export_entries[0].span), "a as b");
}

#[test]
fn export_string_names() {
    // A string may name the export; the local name stays an identifier.
    let m = info(r#"var v; export { v as "a-b", v as "" };"#);
    assert_eq!(locals(&m), vec![local("a-b", "v"), local("", "v")]);
}

#[test]
fn export_reserved_word_as_export_name() {
    // Only the local name is an IdentifierReference; the exported name may be any
    // IdentifierName.
    let m = info("var x; export { x as if, x as default };");
    assert_eq!(locals(&m), vec![local("if", "x"), local("default", "x")]);
}

// ---------------------------------------------------------------------------------------
// Indirect and star exports
// ---------------------------------------------------------------------------------------

#[test]
fn export_named_from() {
    // ExportSpecifier with a module: LocalName null, ImportName the first name.
    let m = info(r#"export { a, b as c, "s" as "t", default, default as d2 } from "m";"#);
    assert_eq!(m.requests, vec![req("m", &[], Evaluation)]);
    assert_eq!(
        indirects(&m),
        vec![
            ee(Some("a"), Some(0), Some(x_name("a")), None),
            ee(Some("c"), Some(0), Some(x_name("b")), None),
            ee(Some("t"), Some(0), Some(x_name("s")), None),
            ee(Some("default"), Some(0), Some(x_name("default")), None),
            ee(Some("d2"), Some(0), Some(x_name("default")), None),
        ]
    );
    assert!(locals(&m).is_empty() && stars(&m).is_empty());
    assert!(m.import_entries.is_empty());
}

#[test]
fn export_named_from_may_use_reserved_words_and_strings() {
    let m = info(r#"export { if, "x y" } from "m";"#);
    assert_eq!(
        indirects(&m),
        vec![
            ee(Some("if"), Some(0), Some(x_name("if")), None),
            ee(Some("x y"), Some(0), Some(x_name("x y")), None),
        ]
    );
}

#[test]
fn export_empty_named_from_still_requests() {
    // ModuleRequests of `export ExportFromClause FromClause` does not depend on the
    // specifiers; ExportEntries of `{ }` is empty.
    let m = info(r#"export {} from "m"; import {} from "n";"#);
    assert_eq!(
        m.requests,
        vec![req("m", &[], Evaluation), req("n", &[], Evaluation)]
    );
    assert!(no_exports(&m) && m.import_entries.is_empty());
}

#[test]
fn export_default_declaration_name_is_a_local_binding() {
    // The name of `export default function f` / `class K` is a LexicallyDeclaredName, so
    // it can be exported again under another name.
    let m = info("export default function f() {} export { f as g };");
    assert_eq!(locals(&m), vec![local("default", "f"), local("g", "f")]);
    let m = info("export { K }; export default class K {}");
    assert_eq!(locals(&m), vec![local("K", "K"), local("default", "K")]);
}

#[test]
fn export_star() {
    let m = info(r#"export * from "m";"#);
    assert_eq!(m.requests, vec![req("m", &[], Evaluation)]);
    assert_eq!(
        stars(&m),
        vec![ee(None, Some(0), Some(X::AllButDefault), None)]
    );
    assert!(locals(&m).is_empty() && indirects(&m).is_empty());
}

#[test]
fn export_star_as() {
    // `export * as ns from` is an indirect entry with ImportName all.
    let m = info(r#"export * as ns from "m"; export * as "a b" from "n";"#);
    assert_eq!(
        indirects(&m),
        vec![
            ee(Some("ns"), Some(0), Some(X::All), None),
            ee(Some("a b"), Some(1), Some(X::All), None),
        ]
    );
    assert!(stars(&m).is_empty());
}

#[test]
fn export_default_from() {
    let m = info(r#"export { default } from "m";"#);
    assert_eq!(
        indirects(&m),
        vec![ee(Some("default"), Some(0), Some(x_name("default")), None)]
    );
}

#[test]
fn reexport_of_imported_binding_is_indirect() {
    // ParseModule step 10.a.ii: an exported import becomes an indirect entry pointing at
    // the import's module, with the import's ImportName.
    let m = info(r#"import { a } from "m"; export { a };"#);
    assert_eq!(
        indirects(&m),
        vec![ee(Some("a"), Some(0), Some(x_name("a")), None)]
    );
    assert!(locals(&m).is_empty());
    assert_eq!(imports(&m), vec![ie(0, name("a"), "a")]);

    let m = info(r#"import { a as b } from "m"; export { b as c };"#);
    assert_eq!(
        indirects(&m),
        vec![ee(Some("c"), Some(0), Some(x_name("a")), None)]
    );

    let m = info(r#"import d from "m"; export { d };"#);
    assert_eq!(
        indirects(&m),
        vec![ee(Some("d"), Some(0), Some(x_name("default")), None)]
    );
}

#[test]
fn reexport_before_import() {
    // Order does not matter: the import binding is a LexicallyDeclaredName of the module.
    let m = info(r#"export { a }; import { a } from "m";"#);
    assert_eq!(
        indirects(&m),
        vec![ee(Some("a"), Some(0), Some(x_name("a")), None)]
    );
}

#[test]
fn reexport_of_imported_namespace() {
    // ie.[[ImportName]] is namespace-object: ImportName all.
    let m = info(r#"import * as ns from "m"; export { ns as n2 };"#);
    assert_eq!(
        indirects(&m),
        vec![ee(Some("n2"), Some(0), Some(X::All), None)]
    );
}

#[test]
fn reexport_of_source_import() {
    // source-phase-imports: ie.[[ImportName]] is source: ImportName source.
    let m = info(r#"import source s from "m"; export { s };"#);
    assert_eq!(m.requests, vec![req("m", &[], Source)]);
    assert_eq!(
        indirects(&m),
        vec![ee(Some("s"), Some(0), Some(X::Source), None)]
    );
}

#[test]
fn reexport_of_deferred_namespace() {
    let m = info(r#"import "m"; import defer * as ns from "m"; export { ns };"#);
    assert_eq!(
        m.requests,
        vec![req("m", &[], Evaluation), req("m", &[], Defer)]
    );
    assert_eq!(
        indirects(&m),
        vec![ee(Some("ns"), Some(1), Some(X::All), None)]
    );
}

#[test]
fn mixed_exports_keep_source_order_within_each_list() {
    let m = info(
        r#"
        import { i } from "a";
        var v;
        export { v };
        export * from "b";
        export { i as j };
        export { x } from "c";
        export default v;
        export * from "a";
        "#,
    );
    assert_eq!(
        m.requests,
        vec![
            req("a", &[], Evaluation),
            req("b", &[], Evaluation),
            req("c", &[], Evaluation),
        ]
    );
    assert_eq!(
        locals(&m),
        vec![local("v", "v"), local("default", "*default*")]
    );
    assert_eq!(
        indirects(&m),
        vec![
            ee(Some("j"), Some(0), Some(x_name("i")), None),
            ee(Some("x"), Some(2), Some(x_name("x")), None),
        ]
    );
    assert_eq!(
        stars(&m),
        vec![
            ee(None, Some(1), Some(X::AllButDefault), None),
            ee(None, Some(0), Some(X::AllButDefault), None),
        ]
    );
}

// ---------------------------------------------------------------------------------------
// ModuleRequests (16.2.1.4), attributes (16.2.2.4), ModuleRequestsEqual (16.2.1.3.1)
// ---------------------------------------------------------------------------------------

#[test]
fn import_attributes() {
    let m = info(r#"import j from "./data.json" with { type: "json" };"#);
    assert_eq!(
        m.requests,
        vec![req("./data.json", &[("type", "json")], Evaluation)]
    );
    assert_eq!(imports(&m), vec![ie(0, name("default"), "j")]);
}

#[test]
fn attributes_are_sorted_by_utf16_code_units() {
    // WithClauseToAttributes step 2: sorted by key as UTF-16 code units, so U+10000
    // (0xD800 0xDC00) sorts before U+FFFF.
    let m = info(r#"import "m" with { type: "json", "\u{FFFF}": "1", "\u{10000}": "2", a: "3" };"#);
    assert_eq!(
        m.requests,
        vec![req(
            "m",
            &[
                ("a", "3"),
                ("type", "json"),
                ("\u{10000}", "2"),
                ("\u{FFFF}", "1"),
            ],
            Evaluation
        )]
    );
}

#[test]
fn requests_are_deduplicated_on_specifier_attributes_and_phase() {
    let m = info(
        r#"
        import a from "m";
        import b from "m" with { type: "json" };
        export { c } from "m";
        import "m";
        import source s from "m";
        import defer * as n from "m";
        import e from "m" with { y: "2", x: "1" };
        import f from "m" with { x: "1", y: "2" };
        import g from "m" with { type: "json" };
        export * from "m" with { type: "json" };
        import source t from "m";
        import z from "other";
        import defer * as n2 from "m";
        "#,
    );
    assert_eq!(
        m.requests,
        vec![
            req("m", &[], Evaluation),
            req("m", &[("type", "json")], Evaluation),
            req("m", &[], Source),
            req("m", &[], Defer),
            req("m", &[("x", "1"), ("y", "2")], Evaluation),
            req("other", &[], Evaluation),
        ]
    );
    assert_eq!(
        imports(&m),
        vec![
            ie(0, name("default"), "a"),
            ie(1, name("default"), "b"),
            ie(2, ImportName::Source, "s"),
            ie(3, ImportName::NamespaceObject, "n"),
            ie(4, name("default"), "e"),
            ie(4, name("default"), "f"),
            ie(1, name("default"), "g"),
            ie(2, ImportName::Source, "t"),
            ie(5, name("default"), "z"),
            ie(3, ImportName::NamespaceObject, "n2"),
        ]
    );
    assert_eq!(
        indirects(&m),
        vec![ee(Some("c"), Some(0), Some(x_name("c")), None)]
    );
    assert_eq!(
        stars(&m),
        vec![ee(None, Some(1), Some(X::AllButDefault), None)]
    );
}

#[test]
fn requests_keep_first_appearance_order() {
    let m = info(r#"import x from "a"; import y from "b"; import z from "a";"#);
    assert_eq!(
        m.requests,
        vec![req("a", &[], Evaluation), req("b", &[], Evaluation)]
    );
    assert_eq!(
        imports(&m),
        vec![
            ie(0, name("default"), "x"),
            ie(1, name("default"), "y"),
            ie(0, name("default"), "z"),
        ]
    );
}

#[test]
fn module_requests_equal_compares_attributes_as_sets() {
    let ab = req("m", &[("a", "1"), ("b", "2")], Evaluation);
    let ba = req("m", &[("b", "2"), ("a", "1")], Evaluation);
    let a = req("m", &[("a", "1")], Evaluation);
    let a2 = req("m", &[("a", "2")], Evaluation);
    let other = req("n", &[("a", "1"), ("b", "2")], Evaluation);
    assert!(module_requests_equal(&ab, &ba));
    assert!(!module_requests_equal(&ab, &a));
    assert!(!module_requests_equal(&a, &a2));
    assert!(!module_requests_equal(&ab, &other));
    // The phase is not part of ModuleRequestsEqual.
    assert!(module_requests_equal(&a, &req("m", &[("a", "1")], Source)));
}

// ---------------------------------------------------------------------------------------
// HasTLA (ParseModule step 11: body Contains `await`)
// ---------------------------------------------------------------------------------------

fn tla(source: &str) -> bool {
    info(source).has_top_level_await
}

#[test]
fn top_level_await() {
    assert!(tla("await 1;"));
    assert!(tla("const v = await Promise.resolve(1);"));
    assert!(tla("{ await 1; }"));
    assert!(tla("if (true) { while (false) { await 1; } }"));
    assert!(tla("try { } finally { await 1; }"));
    assert!(tla("export const v = await 1;"));
    assert!(tla("export default await 1;"));
    assert!(tla("f(async () => {}, await 1);"));
}

#[test]
fn top_level_for_await() {
    assert!(tla("for await (const x of []) ;"));
    assert!(tla("label: for await (const x of []) { }"));
    assert!(!tla("for (const x of []) ;"));
}

#[test]
fn top_level_await_using() {
    assert!(tla("await using r = null;"));
    assert!(tla("{ await using r = null; }"));
    assert!(!tla("using r = null;"));
}

#[test]
fn await_in_functions_is_not_top_level() {
    assert!(!tla(""));
    assert!(!tla("const f = async () => { await 1; };"));
    assert!(!tla("const f = async () => await 1;"));
    assert!(!tla(
        "async function g() { await 1; for await (const x of []) ; }"
    ));
    assert!(!tla("export default async function () { await 1; }"));
    assert!(!tla("const o = { async m() { await 1; } };"));
    assert!(!tla("class C { async m() { await 1; } }"));
    assert!(!tla("(async function () { await 1; })();"));
}

#[test]
fn await_in_class_heritage_and_computed_keys_is_top_level() {
    // ClassTail Contains looks at the ClassHeritage and, through
    // ComputedPropertyContains, at computed element names.
    assert!(tla("class C extends (await Promise.resolve(Object)) {}"));
    assert!(tla("class C { [await 'k']() {} }"));
    assert!(tla("class C { static [await 'k'] = 1; }"));
    assert!(tla("const D = class { [await 'k'] = 1; };"));
    // PropertyDefinition : MethodDefinition — only the computed key.
    assert!(tla("const o = { [await 'k']() {} };"));
    assert!(tla("const o = { k: await 1 };"));
}

#[test]
fn await_in_destructuring_defaults_is_top_level() {
    assert!(tla("const { a = await 1 } = {};"));
    assert!(tla("let x; [x = await 1] = [];"));
}

// ---------------------------------------------------------------------------------------
// import.meta and dynamic import
// ---------------------------------------------------------------------------------------

#[test]
fn import_meta_anywhere() {
    assert!(info("import.meta.url;").uses_import_meta);
    assert!(info("function f() { return import.meta; }").uses_import_meta);
    assert!(info("class C { m() { return () => import.meta; } }").uses_import_meta);
    let m = info(r#"import x from "m"; export { x };"#);
    assert!(!m.uses_import_meta);
}

#[test]
fn dynamic_import_anywhere() {
    assert!(info(r#"import("m");"#).uses_dynamic_import);
    assert!(info(r#"function f() { return import.source("m"); }"#).uses_dynamic_import);
    assert!(info(r#"class C { static x = import.defer("m"); }"#).uses_dynamic_import);
    assert!(
        info(r#"const f = async () => import("m", { with: { type: "json" } });"#)
            .uses_dynamic_import
    );
    // Static imports and re-exports are not dynamic imports.
    let m = info(r#"import x from "m"; export * from "n"; x;"#);
    assert!(!m.uses_dynamic_import);
    assert!(!m.uses_import_meta);
    assert!(!m.has_top_level_await);
}

#[test]
fn dynamic_import_does_not_add_requests() {
    let m = info(r#"await import("m");"#);
    assert!(m.requests.is_empty());
    assert!(m.has_top_level_await && m.uses_dynamic_import);
}

#[test]
fn scripts_keep_an_empty_module_info() {
    let program = match parse_script(r#"import("m");"#) {
        Ok(p) => p,
        Err(e) => panic!("script should parse: {e:?}"),
    };
    assert!(program.module.requests.is_empty());
    assert!(!program.module.uses_dynamic_import);
    assert!(!program.module.uses_import_meta);
}

// ---------------------------------------------------------------------------------------
// Early errors (16.2.1.1, 16.2.3.1)
// ---------------------------------------------------------------------------------------

#[test]
fn duplicate_exported_names() {
    assert!(error("var x; export { x }; export { x };").contains("duplicate export name `x`"));
    assert!(error("var x, y; export { x as z }; export { y as z };").contains("`z`"));
    assert!(error("export function f() {} export function* f() {}").contains("`f`"));
    assert!(error("var x, y; export default x; export { y as default };").contains("`default`"));
    assert!(error(r#"var x; export { x as z }; export * as z from "m";"#).contains("`z`"));
    assert!(
        error(r#"var x; export default x; export * as default from "m";"#).contains("`default`")
    );
    assert!(error(r#"export { a as "n" } from "m"; var b; export { b as "n" };"#).contains("`n`"));
    // Two `export * from` have no ExportedNames.
    info(r#"export * from "m"; export * from "n";"#);
}

#[test]
fn duplicate_export_default_is_an_error() {
    let message = error("export default 1; export default 2;");
    assert!(message.contains("default"), "{message}");
}

#[test]
fn exported_bindings_must_be_declared() {
    assert!(
        error("export { unresolvable };").contains("`unresolvable` is exported but not declared")
    );
    assert!(error("export { Number };").contains("`Number`"));
    assert!(error("function f() { var inner; } export { inner };").contains("`inner`"));
    // Block-scoped declarations are not the module's.
    assert!(error("{ let b; } export { b };").contains("`b`"));
    assert!(error("{ function g() {} } export { g };").contains("`g`"));
    assert!(error("try {} catch (e) {} export { e };").contains("`e`"));
    // Declared by var (anywhere outside functions), let, const, function, class, import.
    info("export { v }; if (true) { var v; }");
    info("export { l, c, f, K, i, n }; let l; const c = 1; function f() {} class K {} import i, * as n from 'm';");
    info("export { s }; import source s from 'm';");
}

#[test]
fn exported_local_names_cannot_be_reserved_words() {
    for word in [
        "if",
        "await",
        "yield",
        "default",
        "enum",
        "this",
        "null",
        "true",
        "implements",
        "interface",
        "let",
        "package",
        "private",
        "protected",
        "public",
        "static",
    ] {
        let message = error(&format!("export {{ {word} }};"));
        assert!(message.contains("reserved word"), "{word}: {message}");
    }
    // StringValue decides: an escaped keyword is still the keyword.
    assert!(error(r"export { \u0069f };").contains("reserved word"));
    // With a from clause the names are IdentifierNames, not references.
    info(r#"export { if, static as let } from "m";"#);
    // `eval` and `arguments` are not reserved words (only unresolvable here).
    assert!(error("export { arguments };").contains("not declared"));
}

#[test]
fn error_span_points_at_the_duplicate() {
    let source = "var x; export { x }; export { x as x };";
    match parse_module(source) {
        Ok(_) => panic!("should fail"),
        Err(e) => assert_eq!(
            &source[e.span.start as usize..e.span.end as usize],
            "x",
            "{e:?}"
        ),
    }
    let source = "export { nope };";
    match parse_module(source) {
        Ok(_) => panic!("should fail"),
        Err(e) => assert_eq!(e.span, Span::new(9, 13)),
    }
}
