//! 21.1 Number Objects (sec-number-objects).
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_number_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
