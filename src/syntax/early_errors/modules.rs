//! Import and export declarations (16.2.2, 16.2.3): ImportedBindings are
//! BindingIdentifiers of the Module's top level (their duplicates and clashes are found by
//! the module scope, where they are lexically declared); exported declarations are walked
//! like the statements they hold. The export-name rules (duplicate ExportedNames,
//! ExportedBindings that are not declared, ReferencedBindings that are reserved words)
//! belong to `static_semantics::module`.

use super::functions::FunctionName;
use super::identifiers::IdentUse;
use super::Checker;
use crate::syntax::ast::*;
use crate::syntax::static_semantics::names::import_declaration_bound_names;

impl<'a> Checker<'a> {
    pub fn import_declaration(&mut self, decl: &'a ImportDecl) {
        for id in import_declaration_bound_names(decl) {
            self.identifier(id, IdentUse::Binding);
        }
    }

    pub fn export_declaration(&mut self, decl: &'a ExportDecl) {
        match decl {
            ExportDecl::Named { .. } | ExportDecl::All { .. } => {}
            ExportDecl::Declaration(stmt) => self.statement(stmt),
            ExportDecl::DefaultFunction(function) => {
                self.function(function, FunctionName::Declaration)
            }
            ExportDecl::DefaultClass(class) => self.class(class),
            ExportDecl::DefaultExpr(expr) => self.expr(expr),
        }
    }
}
