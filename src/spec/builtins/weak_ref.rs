//! 26.1 WeakRef Objects (sec-weak-ref-objects).
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_weak_ref_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
