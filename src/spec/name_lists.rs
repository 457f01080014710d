//! Lists of names as the declaration-instantiation algorithms build them (10.2.11
//! FunctionDeclarationInstantiation, 16.1.7 GlobalDeclarationInstantiation, 19.2.1.3
//! EvalDeclarationInstantiation, 10.4.4.7 CreateMappedArgumentsObject): Lists of Strings
//! that are appended to and asked whether they contain a name, once per declared name.
//! Scanning the List for each name made 40,000 parameters (or vars, or functions)
//! quadratic; [`NameList`] is the same List with a set beside it once it is long.

use rustc_hash::FxHashSet;

/// How long a list gets before it keeps a set of its names: below that a scan of the few
/// names is cheaper than hashing one.
const INDEXED_FROM: usize = 16;

/// A List of names, in the order they were appended, answering "contains" without a scan.
#[derive(Clone, Default)]
pub struct NameList<'a> {
    names: Vec<&'a str>,
    /// The names of `names`, once there are `INDEXED_FROM` of them.
    set: Option<FxHashSet<&'a str>>,
}

impl<'a> NameList<'a> {
    /// A new empty List.
    pub fn new() -> NameList<'a> {
        NameList::default()
    }

    /// A List whose elements are `names` (a copy of another List).
    pub fn from_names(names: &[&'a str]) -> NameList<'a> {
        let mut list = NameList::new();
        for name in names {
            list.push(name);
        }
        list
    }

    /// Whether the List contains `name`.
    pub fn contains(&self, name: &str) -> bool {
        match &self.set {
            Some(set) => set.contains(name),
            None => self.names.contains(&name),
        }
    }

    /// Appends `name` to the List.
    pub fn push(&mut self, name: &'a str) {
        self.names.push(name);
        match &mut self.set {
            Some(set) => {
                set.insert(name);
            }
            None if self.names.len() >= INDEXED_FROM => {
                self.set = Some(self.names.iter().copied().collect());
            }
            None => {}
        }
    }

    /// The elements, in List order.
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.names.iter().copied()
    }
}

/// Whether `names` has any duplicate entries.
pub fn has_duplicates(names: &[&str]) -> bool {
    if names.len() < INDEXED_FROM {
        return names
            .iter()
            .enumerate()
            .any(|(i, n)| names[..i].contains(n));
    }
    let mut seen = FxHashSet::default();
    !names.iter().all(|n| seen.insert(*n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_answers_as_a_short_one() {
        let owned: Vec<String> = (0..40).map(|i| format!("n{}", i % 30)).collect();
        let mut list = NameList::new();
        for (i, name) in owned.iter().enumerate() {
            assert_eq!(list.contains(name), i >= 30, "{name} at {i}");
            if !list.contains(name) {
                list.push(name);
            }
        }
        assert_eq!(list.iter().count(), 30);
        assert!(!list.contains("n30"));
        let names: Vec<&str> = owned.iter().map(String::as_str).collect();
        assert!(has_duplicates(&names));
        assert!(!has_duplicates(&names[..30]));
        assert!(has_duplicates(&["a", "b", "a"]));
        assert!(!has_duplicates(&["a", "b"]));
    }
}
