//! Labels, `break` and `continue`: ContainsDuplicateLabels, ContainsUndefinedBreakTarget,
//! ContainsUndefinedContinueTarget (8.3.1 to 8.3.3, applied by 15.2.1, 15.7.1, 16.1.1 and
//! 16.2.1.1), 14.8.1 (`continue` outside an iteration), 14.9.1 (`break` outside an
//! iteration or switch), and 14.13.1 (labelled function declarations). None of these
//! cross function or static block boundaries: the walk starts a fresh [`LabelSet`] there.

use super::Checker;
use crate::syntax::ast::*;
use crate::syntax::visit::walk_stmt;

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
    /// A LabelledStatement: its label joins the enclosing ones (the walk checks it as a
    /// LabelIdentifier), then its LabelledItem is walked.
    pub fn labelled_statement(&mut self, label: &'a Ident, body: &'a Stmt, stmt: &'a Stmt) {
        // The innermost item of a chain `a: b: item` decides whether each of its labels
        // can be a `continue` target.
        let mut item = body;
        while let StmtKind::Labeled { body, .. } = &item.kind {
            item = body;
        }
        let iteration = is_iteration(item);
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
        if let StmtKind::Function(function) = &body.kind {
            // LabelledItem : FunctionDeclaration — It is a Syntax Error if any source text
            // is matched by this production (B.3.1 allows plain functions in sloppy code).
            if function.is_async || function.is_generator {
                self.error(
                    "a labelled declaration cannot be an async function or a generator",
                    body.span,
                );
            } else if self.ctx.strict {
                self.error(
                    "in strict mode code, functions cannot be labelled",
                    body.span,
                );
            }
        }
        let depth = self.labels.labels.len();
        self.labels.labels.push((&label.name, iteration));
        walk_stmt(self, stmt);
        self.labels.labels.truncate(depth);
    }

    /// Runs `f` inside an iteration statement.
    pub fn in_iteration(&mut self, f: impl FnOnce(&mut Self)) {
        self.labels.iterations += 1;
        f(self);
        self.labels.iterations -= 1;
    }

    /// Runs `f` inside a switch statement's CaseBlock.
    pub fn in_switch(&mut self, f: impl FnOnce(&mut Self)) {
        self.labels.switches += 1;
        f(self);
        self.labels.switches -= 1;
    }

    /// `break`, after the walk has checked its label as a LabelIdentifier.
    pub fn break_statement(&mut self, label: &'a Option<Box<Ident>>, span: Span) {
        match label {
            Some(label) => {
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

    /// `continue`, after the walk has checked its label as a LabelIdentifier.
    pub fn continue_statement(&mut self, label: &'a Option<Box<Ident>>, span: Span) {
        match label {
            Some(label) => {
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
