//! 9.2 PrivateEnvironment Records (sec-privateenvironment-records) and Private Names
//! (6.2.12 sec-private-names).

use super::string_type::JsString;
use boa_gc::{custom_trace, empty_trace, Finalize, Gc, GcRefCell, Trace};
use std::rc::Rc;

/// A Private Name: a globally unique value with a [[Description]].
#[derive(Clone)]
pub struct PrivateName(Rc<JsString>);

impl Finalize for PrivateName {}
// SAFETY: a Private Name holds only its description string, never a Gc pointer.
unsafe impl Trace for PrivateName {
    empty_trace!();
}

impl PrivateName {
    pub fn new(description: &str) -> PrivateName {
        PrivateName(Rc::new(JsString::from(description)))
    }

    /// [[Description]] (`#x` is described as `#x`).
    pub fn description(&self) -> &JsString {
        &self.0
    }
}

impl PartialEq for PrivateName {
    fn eq(&self, other: &PrivateName) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
impl Eq for PrivateName {}

impl std::fmt::Debug for PrivateName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A PrivateEnvironment Record: [[OuterPrivateEnvironment]] and [[Names]].
#[derive(Finalize)]
pub struct PrivateEnvironmentRecord {
    pub outer: Option<PrivateEnv>,
    pub names: Vec<PrivateName>,
}

// SAFETY: only the outer environment holds Gc pointers; names hold none.
unsafe impl Trace for PrivateEnvironmentRecord {
    custom_trace!(this, mark, {
        mark(&this.outer);
    });
}

#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct PrivateEnv(pub Gc<GcRefCell<PrivateEnvironmentRecord>>);

/// NewPrivateEnvironment ( outerPrivEnv ) (9.2.1.1).
pub fn new_private_environment(outer: Option<PrivateEnv>) -> PrivateEnv {
    // 1. Let names be a new empty List.
    crate::step!("sec-newprivateenvironment", "1");
    // 2. Return the PrivateEnvironment Record { [[OuterPrivateEnvironment]]:
    //    outerPrivateEnv, [[Names]]: names }.
    crate::step!("sec-newprivateenvironment", "2");
    PrivateEnv(Gc::new(GcRefCell::new(PrivateEnvironmentRecord {
        outer,
        names: Vec::new(),
    })))
}

/// ResolvePrivateIdentifier ( privateEnv, identifier ) (9.2.1.2).
pub fn resolve_private_identifier(private_env: &PrivateEnv, identifier: &str) -> PrivateName {
    // (The recursion of step 5 is a loop: each turn is ResolvePrivateIdentifier on env.)
    let mut env = private_env.clone();
    loop {
        let outer = {
            // 1. Let names be privateEnv.[[Names]].
            crate::step!("sec-resolve-private-identifier", "1");
            let record = env.0.borrow();
            // 2. For each Private Name pn of names, do
            crate::step!("sec-resolve-private-identifier", "2");
            for pn in &record.names {
                // a. If pn.[[Description]] is identifier, then
                crate::step!("sec-resolve-private-identifier", "2.a");
                if pn.description().eq_str(identifier) {
                    // i. Return pn.
                    crate::step!("sec-resolve-private-identifier", "2.a.i");
                    return pn.clone();
                }
            }
            // 3. Let outerPrivateEnv be privateEnv.[[OuterPrivateEnvironment]].
            crate::step!("sec-resolve-private-identifier", "3");
            record.outer.clone()
        };
        // 4. Assert: outerPrivateEnv is not null.
        crate::spec_assert!("sec-resolve-private-identifier", "4", outer.is_some());
        // 5. Return ResolvePrivateIdentifier(outerPrivateEnv, identifier).
        crate::step!("sec-resolve-private-identifier", "5");
        env = outer.expect("step 4");
    }
}
