//! The TC39 Compartments proposal (`../shared/spec/compartments/`), one file per layer.

pub mod compartment_records;
pub mod module_descriptors;
pub mod static_analysis;
