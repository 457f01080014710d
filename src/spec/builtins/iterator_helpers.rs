//! 27.1.2-27.1.4 Iterator helpers (ES2025): Iterator.from, %WrapForValidIteratorPrototype%, %IteratorHelperPrototype% and the %Iterator.prototype% methods map, filter, take, drop, flatMap, reduce, toArray, forEach, some, every, find.
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_iterator_helpers_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
