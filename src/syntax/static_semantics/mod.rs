//! Static semantics computed once after parsing and kept with the tree.

pub mod module;
#[cfg(test)]
mod module_tests;
pub mod names;
