//! 20.3 Boolean Objects (sec-boolean-objects).
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_boolean_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
