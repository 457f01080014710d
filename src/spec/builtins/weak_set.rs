//! 24.4 WeakSet Objects (sec-weakset-objects).
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_weak_set_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
