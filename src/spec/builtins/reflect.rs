//! 28.1 The Reflect Object (sec-reflect-object).
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_reflect_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
