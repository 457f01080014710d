//! The TC39 Compartments proposal (`../shared/spec/compartments/`), one file per layer.

pub mod static_analysis;
