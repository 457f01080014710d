//! 26.2 FinalizationRegistry Objects (sec-finalization-registry-objects).
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_finalization_registry_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
