//! 21.3 The Math Object (sec-math-object).
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_math_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
