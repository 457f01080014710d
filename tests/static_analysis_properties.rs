//! Compartments layer 1 (`src/spec/compartments/static_analysis.rs`) against generated
//! modules: random sequences of import and export declarations of every form (default,
//! namespace, named, renamed, string names, source and defer phases, attributes, `export *`,
//! `export * as`, exported declarations, default exports), kept valid (no duplicate
//! exports or bindings, every exported local declared), rendered to text and parsed with
//! `parse_module`. Checks that
//! - `module_source_bindings` equals a model computed from the generated declarations
//!   alone;
//! - those bindings validate as a virtual module source's and read back through
//!   `binding_from_fields`;
//! - `module_info_from_bindings` agrees with the parser's own ModuleInfo on what bindings
//!   can express: requested specifiers (in order of the first declaration with a binding),
//!   import entries (less source phase ones), local, indirect and star export entries
//!   (less spans, `*default*` read as `default`).
//!
//! The generator, the renderer and the model are in tests/common/module_declarations.rs
//! (tests/module_graph_properties.rs uses them too).

#[path = "common/module_declarations.rs"]
mod module_declarations;

use compartments::spec::compartments::static_analysis::*;
use compartments::syntax::ast::{ExportImportName, ImportName, ImportPhase, JsString};
use compartments::syntax::parse_module;
use module_declarations::{decl, fix_up, model, render};
use proptest::prelude::*;
use std::collections::HashSet;

type Spec = JsString;
/// An ExportEntry without its span: [[ExportName]], the specifier of [[ModuleRequest]],
/// [[ImportName]], [[LocalName]].
type ExportRow = (
    Option<JsString>,
    Option<Spec>,
    Option<ExportImportName>,
    Option<String>,
);

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn bindings_match_the_model_and_the_parsers_module_info(
        decls in prop::collection::vec(decl(), 0..10).prop_map(fix_up)
    ) {
        let text = render(&decls);
        let program = parse_module(&text)
            .unwrap_or_else(|e| panic!("generated module does not parse: {e:?}\n{text}"));
        let bindings = module_source_bindings(&program);
        prop_assert_eq!(&bindings, &model(&decls), "{}", text);

        // Text bindings are valid virtual bindings, and read back from their fields.
        prop_assert_eq!(validate_virtual_bindings(&bindings), Ok(()), "{}", text);
        for binding in &bindings {
            let read = binding_from_fields(&BindingFields::of(binding));
            prop_assert_eq!(read.as_ref(), Ok(binding));
        }

        let ours = module_info_from_bindings(&bindings);
        let theirs = &program.module;

        // Requests: specifiers in order of the first binding that names them.
        let mut expected: Vec<Spec> = Vec::new();
        for binding in &bindings {
            let specifier = binding.specifier().cloned();
            if let Some(s) = specifier {
                if !expected.contains(&s) {
                    expected.push(s);
                }
            }
        }
        let our_specifiers: Vec<Spec> = ours.requests.iter().map(|r| r.specifier.clone()).collect();
        prop_assert_eq!(&our_specifiers, &expected);
        prop_assert!(ours.requests.iter().all(|r| r.phase == ImportPhase::Evaluation && r.attributes.is_empty()));

        let spec_of = |requests: &[compartments::syntax::ast::ModuleRequest], i: usize| requests[i].specifier.clone();
        // Import entries, less the source phase ones.
        let project_imports = |info: &compartments::syntax::ast::ModuleInfo| -> Vec<(Spec, ImportName, String)> {
            info.import_entries
                .iter()
                .filter(|e| e.import_name != ImportName::Source)
                .map(|e| (spec_of(&info.requests, e.module_request), e.import_name.clone(), e.local_name.clone()))
                .collect()
        };
        prop_assert_eq!(project_imports(&ours), project_imports(theirs), "{}", text);
        // Every parser request an expressible entry uses is among ours.
        for (specifier, _, _) in project_imports(theirs) {
            prop_assert!(our_specifiers.contains(&specifier));
        }

        let project_exports = |info: &compartments::syntax::ast::ModuleInfo,
                               list: &[compartments::syntax::ast::ExportEntry]|
         -> Vec<ExportRow> {
            list.iter()
                .map(|e| {
                    let local = e.local_name.clone().map(|l| if l == "*default*" { "default".to_string() } else { l });
                    (
                        e.export_name.clone(),
                        e.module_request.map(|i| spec_of(&info.requests, i)),
                        e.import_name.clone(),
                        local,
                    )
                })
                .collect()
        };
        prop_assert_eq!(
            project_exports(&ours, &ours.local_export_entries),
            project_exports(theirs, &theirs.local_export_entries),
            "{}", text
        );
        prop_assert_eq!(
            project_exports(&ours, &ours.indirect_export_entries),
            project_exports(theirs, &theirs.indirect_export_entries),
            "{}", text
        );
        prop_assert_eq!(
            project_exports(&ours, &ours.star_export_entries),
            project_exports(theirs, &theirs.star_export_entries),
            "{}", text
        );
    }
}

/// The generator reaches every binding shape and every declaration form, so the property
/// above is not vacuous.
#[test]
fn the_generator_reaches_every_shape_and_form() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = prop::collection::vec(decl(), 0..10).prop_map(fix_up);
    let mut shapes = HashSet::new();
    let mut forms = HashSet::new();
    let mut bindings_seen = 0;
    for _ in 0..300 {
        let decls = strategy.new_tree(&mut runner).unwrap().current();
        let text = render(&decls);
        if std::env::var_os("SHOW_GENERATED").is_some() {
            println!("---\n{text}");
        }
        let program = parse_module(&text).unwrap();
        for binding in module_source_bindings(&program) {
            bindings_seen += 1;
            shapes.insert(std::mem::discriminant(&binding));
        }
        for form in [
            "import source",
            "import defer",
            "with {",
            "export default function (",
            "export default function ",
            "export default class  {",
            "export default 1",
            "\\u",
            " as '",
            "import {} from",
        ] {
            if text.contains(form) {
                forms.insert(form);
            }
        }
    }
    assert_eq!(shapes.len(), 9, "shapes reached");
    assert_eq!(forms.len(), 10, "forms reached: {forms:?}");
    assert!(bindings_seen > 1000, "{bindings_seen} bindings");
}
