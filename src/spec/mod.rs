//! Records and abstract operations of ECMA-262 and the proposals, one file per clause,
//! named after it. Each abstract operation is one function named after it; its doc comment
//! gives the clause number, title and id, and each step is quoted where it is implemented.
//!
//! Status: the runtime (issue 3) has not started; the operations here are the leaf ones
//! that need no realm or objects.

pub mod number_type;
pub mod type_conversion;
