//! 23.1 Array Objects (sec-array-objects): the Array constructor and %Array.prototype% methods.
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_array_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
