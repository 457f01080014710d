//! 24.3 WeakMap Objects (sec-weakmap-objects).
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_weak_map_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
