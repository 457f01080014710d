//! Static semantics computed once after parsing and kept with the tree.

pub mod names;
