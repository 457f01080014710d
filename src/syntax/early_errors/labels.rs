//! Labels, `break` and `continue`: ContainsDuplicateLabels, ContainsUndefinedBreakTarget,
//! ContainsUndefinedContinueTarget (8.3.1 to 8.3.3, applied by 15.2.1, 15.7.1, 16.1.1 and
//! 16.2.1.1), 14.8.1 (`continue` outside an iteration), 14.9.1 (`break` outside an
//! iteration or switch), and 14.13.1 (labelled function declarations). None of these
//! cross function or static block boundaries: the walk starts a fresh [`LabelSet`] there.

use super::identifiers::IdentUse;
use super::Checker;
use crate::syntax::ast::*;

/// The labels, iteration statements and switch statements enclosing the current point of
/// one function body (or script, module, static block).
#[derive(Debug, Default)]
pub(crate) struct LabelSet<'a> {
    /// Each enclosing label, and whether it labels an iteration statement (only those
    /// can be `continue` targets).
    labels: Vec<(&'a str, bool)>,
    /// Enclosing iteration statements.
    iterations: u32,
    /// Enclosing switch statements.
    switches: u32,
}

/// Is `stmt` an IterationStatement?
fn is_iteration(stmt: &Stmt) -> bool {
    matches!(
        stmt.kind,
        StmtKind::For { .. }
            | StmtKind::ForIn { .. }
            | StmtKind::ForOf { .. }
            | StmtKind::While { .. }
            | StmtKind::DoWhile { .. }
    )
}

impl<'a> Checker<'a> {
    /// A LabelledStatement and the labels directly around it, then its LabelledItem.
    pub fn labelled_statement(&mut self, stmt: &'a Stmt) {
        let mut chain: Vec<&'a Ident> = Vec::new();
        let mut item = stmt;
        while let StmtKind::Labeled { label, body } = &item.kind {
            chain.push(label);
            item = body;
        }
        let iteration = is_iteration(item);
        let depth = self.labels.labels.len();
        for label in chain {
            self.identifier(label, IdentUse::Label);
            // ContainsDuplicateLabels: a label inside the statement it labels.
            if self
                .labels
                .labels
                .iter()
                .any(|(name, _)| *name == label.name)
            {
                self.error(
                    format!("label `{}` has already been declared", label.name),
                    label.span,
                );
            }
            self.labels.labels.push((&label.name, iteration));
        }
        if let StmtKind::Function(function) = &item.kind {
            // LabelledItem : FunctionDeclaration — It is a Syntax Error if any source text
            // is matched by this production (B.3.1 allows plain functions in sloppy code).
            if function.is_async || function.is_generator {
                self.error(
                    "a labelled declaration cannot be an async function or a generator",
                    item.span,
                );
            } else if self.ctx.strict {
                self.error(
                    "in strict mode code, functions cannot be labelled",
                    item.span,
                );
            }
        }
        self.statement(item);
        self.labels.labels.truncate(depth);
    }

    /// Walks the body of an iteration statement.
    pub fn iteration_body(&mut self, body: &'a Stmt) {
        self.labels.iterations += 1;
        self.sub_statement(body);
        self.labels.iterations -= 1;
    }

    /// Runs `f` inside a switch statement's CaseBlock.
    pub fn in_switch(&mut self, f: impl FnOnce(&mut Self)) {
        self.labels.switches += 1;
        f(self);
        self.labels.switches -= 1;
    }

    pub fn break_statement(&mut self, label: &'a Option<Ident>, span: Span) {
        match label {
            Some(label) => {
                self.identifier(label, IdentUse::Label);
                if !self
                    .labels
                    .labels
                    .iter()
                    .any(|(name, _)| *name == label.name)
                {
                    self.error(format!("undefined label `{}`", label.name), label.span);
                }
            }
            None => {
                if self.labels.iterations == 0 && self.labels.switches == 0 {
                    self.error("`break` must be inside a loop or a switch", span);
                }
            }
        }
    }

    pub fn continue_statement(&mut self, label: &'a Option<Ident>, span: Span) {
        match label {
            Some(label) => {
                self.identifier(label, IdentUse::Label);
                match self
                    .labels
                    .labels
                    .iter()
                    .find(|(name, _)| *name == label.name)
                {
                    None => self.error(format!("undefined label `{}`", label.name), label.span),
                    Some((_, false)) => self.error(
                        format!("`continue {}` does not name an enclosing loop", label.name),
                        label.span,
                    ),
                    Some((_, true)) => {}
                }
            }
            None => {
                if self.labels.iterations == 0 {
                    self.error("`continue` must be inside a loop", span);
                }
            }
        }
    }
}
