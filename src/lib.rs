//! `compartments`: a spec-conformance reference interpreter for ECMAScript and the TC39
//! Compartments proposal.

pub mod host;
pub mod interp;
pub mod spec;
pub mod syntax;
pub mod trace;
