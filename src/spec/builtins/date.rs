//! 21.4 Date Objects (sec-date-objects).
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_date_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
