//! 25.5 The JSON Object (sec-json-object).
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_json_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
