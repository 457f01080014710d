//! Lists of Module Records with constant-time membership.
//!
//! The module algorithms keep Lists of modules that they search at every step:
//! GraphLoadingState.[[Visited]] (InnerModuleLoading 2), the `stack` of InnerModuleLinking
//! and InnerModuleEvaluation (their Asserts "requiredModule.[[Status]] is linking if and
//! only if stack contains requiredModule" and "module occurs exactly once in stack"), the
//! `seen` Lists of the readiness checks, GetExportedNames' exportStarSet and
//! GatherAvailableAncestors' execList. Searched as plain vectors they made loading,
//! linking and evaluating a graph of n modules O(n²) (5,000 modules: 16 % of the run).
//! [`ModuleList`] is such a List — same elements in the same order, duplicates allowed —
//! that also counts the occurrences of each module, so "contains" and "occurs exactly once"
//! take constant time.

use super::abstract_module_records::Module;
use boa_gc::{custom_trace, Finalize, Trace};
use rustc_hash::FxHashMap;

/// A List of Module Records (identity equality) with constant-time `contains`.
#[derive(Clone, Default, Finalize)]
pub struct ModuleList {
    items: Vec<Module>,
    /// How many times each module, keyed by identity, occurs in `items`.
    occurrences: FxHashMap<usize, usize>,
}

// SAFETY: every Module of the List is traced; the counts hold no Gc pointers.
unsafe impl Trace for ModuleList {
    custom_trace!(this, mark, {
        for module in &this.items {
            mark(module);
        }
    });
}

impl ModuleList {
    pub fn new() -> ModuleList {
        ModuleList::default()
    }

    /// Appends `module` to the List.
    pub fn push(&mut self, module: Module) {
        *self.occurrences.entry(module.identity()).or_insert(0) += 1;
        self.items.push(module);
    }

    /// Removes the last element of the List and returns it.
    pub fn pop(&mut self) -> Option<Module> {
        let module = self.items.pop()?;
        let key = module.identity();
        if let Some(count) = self.occurrences.get_mut(&key) {
            *count -= 1;
            if *count == 0 {
                self.occurrences.remove(&key);
            }
        }
        Some(module)
    }

    /// Whether the List contains `module`.
    pub fn contains(&self, module: &Module) -> bool {
        self.occurrences.contains_key(&module.identity())
    }

    /// How many times `module` occurs in the List.
    pub fn occurrences(&self, module: &Module) -> usize {
        self.occurrences
            .get(&module.identity())
            .copied()
            .unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The elements in List order.
    pub fn iter(&self) -> std::slice::Iter<'_, Module> {
        self.items.iter()
    }

    /// The elements in List order, as a plain vector.
    pub fn into_vec(self) -> Vec<Module> {
        self.items
    }
}

impl<'a> IntoIterator for &'a ModuleList {
    type Item = &'a Module;
    type IntoIter = std::slice::Iter<'a, Module>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl IntoIterator for ModuleList {
    type Item = Module;
    type IntoIter = std::vec::IntoIter<Module>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::abstract_module_records::SyntheticEvaluationSteps;
    use crate::spec::agents::{Agent, HostHooks};
    use crate::spec::realm_initialization::initialize_host_defined_realm;
    use crate::spec::synthetic_module_records::new_synthetic_module;

    #[test]
    fn membership_follows_pushes_and_pops_with_duplicates() {
        let mut agent = Agent::new(HostHooks::default());
        let Ok(realm) = initialize_host_defined_realm(&mut agent) else {
            panic!("the realm could not be initialized");
        };
        let module = |name| {
            new_synthetic_module(
                realm.clone(),
                name,
                vec![],
                SyntheticEvaluationSteps::Nothing,
            )
        };
        let (a, b) = (module("a"), module("b"));
        let mut list = ModuleList::new();
        assert!(!list.contains(&a));
        list.push(a.clone());
        list.push(b.clone());
        list.push(a.clone());
        assert_eq!(list.occurrences(&a), 2);
        assert_eq!(list.occurrences(&b), 1);
        assert_eq!(list.len(), 3);
        assert!(list.pop().is_some_and(|m| m == a));
        assert_eq!(list.occurrences(&a), 1);
        assert!(list.pop().is_some_and(|m| m == b));
        assert!(!list.contains(&b));
        assert!(list.contains(&a));
        assert_eq!(list.into_vec(), vec![a]);
    }
}
