//! Runtime Semantics: Evaluation of the syntax tree (tree-walking), one file per group of
//! productions. The abstract operations these call live in `crate::spec`.

pub mod calls;
pub mod classes;
pub mod expressions;
pub mod functions;
pub mod generators;
pub mod identifiers;
pub mod iteration;
pub mod literals;
pub mod modules;
pub mod operators;
pub mod patterns;
pub mod property_access;
pub mod statements;
