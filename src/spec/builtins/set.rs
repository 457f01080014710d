//! 24.2 Set Objects (sec-set-objects): the Set constructor, %Set.prototype% (with the ES2025 set methods) and %SetIteratorPrototype%.
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_set_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
