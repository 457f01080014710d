//! 20.4 Symbol Objects (sec-symbol-objects).
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_symbol_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
