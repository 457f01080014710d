//! 22.1 String Objects (sec-string-objects): the String constructor, %String.prototype% and the String iterator.
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_string_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
