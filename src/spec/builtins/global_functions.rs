//! 19.2 Function Properties of the Global Object (isFinite, isNaN, parseFloat, parseInt, the URI functions).
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_global_functions_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
