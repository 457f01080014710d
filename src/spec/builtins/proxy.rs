//! 28.2 Proxy Objects (sec-proxy-objects): the Proxy constructor and Proxy.revocable.
//!
//! Not written yet: see the README status table.

use crate::spec::agents::Agent;
use crate::spec::realms::Realm;

pub fn create_proxy_intrinsics(agent: &mut Agent, realm: &Realm) {
    let _ = (agent, realm);
}
