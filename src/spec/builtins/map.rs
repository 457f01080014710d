//! 24.1 Map Objects (sec-map-objects): the Map constructor, Map.groupBy, %Map.prototype% and %MapIteratorPrototype%.
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_map_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
