//! 21.2 BigInt Objects (sec-bigint-objects).
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_bigint_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
