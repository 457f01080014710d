//! Where code is: a source text, its name, and an offset in it. Not a spec type; hosts use
//! it to report uncaught errors with file:line:column.

use crate::syntax::diagnostics::line_col;
use boa_gc::{empty_trace, Finalize, Trace};
use std::sync::Arc;

/// A named source text.
#[derive(Debug)]
pub struct SourceText {
    pub name: String,
    pub text: Arc<str>,
}

/// A byte offset in a source text.
#[derive(Clone, Debug)]
pub struct SourcePosition {
    pub source: Arc<SourceText>,
    pub offset: u32,
}

impl Finalize for SourcePosition {}
// SAFETY: a position holds only text and an offset, never a Gc pointer.
unsafe impl Trace for SourcePosition {
    empty_trace!();
}

impl SourcePosition {
    /// `name:line:column` (1-based line and column).
    pub fn describe(&self) -> String {
        let (line, column) = line_col(&self.source.text, self.offset as usize);
        format!("{}:{line}:{column}", self.source.name)
    }
}
