//! 27.1 Iteration (sec-iteration): the Iterator constructor and %Iterator.prototype% methods.
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_iterator_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
