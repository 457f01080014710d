//! PATCH (round 36): young collections (`Collector::collect` with `full` false and no
//! ephemeron): they free unreachable young nodes, cycles included; keep a young node that
//! an old node holds (a handle stored after the old node survived); leave unreachable old
//! nodes to the next full collection, which frees them and what they hold; and are full
//! collections while an ephemeron exists.

use std::cell::Cell;

use boa_macros::{Finalize, Trace};

use super::run_test;
use crate::{BOA_GC, Collector, Gc, GcRefCell, WeakGc, force_collect};

thread_local!(static DROPPED: Cell<usize> = const { Cell::new(0) });

fn dropped() -> usize {
    DROPPED.with(Cell::get)
}

/// A node that counts its drops, with a slot for a handle (for cycles and old-to-young
/// edges).
#[derive(Trace, Finalize)]
struct Node {
    value: usize,
    next: GcRefCell<Option<Gc<Node>>>,
    #[unsafe_ignore_trace]
    _count: DropCount,
}

/// Counts its drops (in `DROPPED`).
struct DropCount;

impl Drop for DropCount {
    fn drop(&mut self) {
        DROPPED.with(|d| d.set(d.get() + 1));
    }
}

fn node(value: usize) -> Gc<Node> {
    Gc::new(Node {
        value,
        next: GcRefCell::new(None),
        _count: DropCount,
    })
}

/// A cycle of two nodes, returned as one of them.
fn cycle(value: usize) -> Gc<Node> {
    let a = node(value);
    let b = node(value + 1);
    *a.next.borrow_mut() = Some(b.clone());
    *b.next.borrow_mut() = Some(a.clone());
    a
}

/// A collection as an allocation starts it (not forced).
fn collect() {
    BOA_GC.with(|st| Collector::collect(&mut st.borrow_mut(), false));
}

fn is_old(node: &Gc<Node>) -> bool {
    // SAFETY: the box is live while `node` holds it.
    unsafe { node.inner_ptr().as_ref() }.is_marked()
}

#[test]
fn young_collection_frees_young_cycles() {
    run_test(|| {
        let kept = cycle(1);
        collect();
        assert!(is_old(&kept), "a survivor is old");
        let garbage = cycle(10);
        drop(garbage);
        let before = dropped();
        collect();
        assert_eq!(dropped(), before + 2, "the young cycle was not freed");
        assert_eq!(kept.value, 1);
        assert_eq!(kept.next.borrow().as_ref().map(|n| n.value), Some(2));
    });
}

#[test]
fn young_node_held_by_old_node_is_kept() {
    run_test(|| {
        let old = node(1);
        collect();
        assert!(is_old(&old));
        // An old-to-young edge made after the old node survived.
        *old.next.borrow_mut() = Some(cycle(20));
        let before = dropped();
        collect();
        assert_eq!(dropped(), before, "a node held by an old node was freed");
        let young = old.next.borrow().clone().expect("the slot holds the cycle");
        assert_eq!(young.value, 20);
        assert_eq!(young.next.borrow().as_ref().map(|n| n.value), Some(21));
        drop(young);
        // Unlinked, the (now old) cycle goes at the next full collection.
        *old.next.borrow_mut() = None;
        force_collect();
        assert_eq!(dropped(), before + 2, "the unlinked cycle was not freed");
        assert_eq!(old.value, 1);
    });
}

#[test]
fn full_collection_frees_old_garbage_and_what_it_holds() {
    run_test(|| {
        let old = cycle(1);
        collect();
        assert!(is_old(&old));
        // A young cycle held by an old cycle that nothing reaches.
        *old.next.borrow().as_ref().expect("a cycle").next.borrow_mut() = Some(cycle(30));
        drop(old);
        let before = dropped();
        force_collect();
        assert_eq!(dropped(), before + 4, "old garbage or what it held was kept");
        assert!(BOA_GC.with(|st| st.borrow().strongs.is_empty()));
    });
}

#[test]
fn old_garbage_is_freed_without_forcing() {
    run_test(|| {
        // Each round leaves an old unreachable cycle (it survived one collection); the full
        // collections that the old nodes' growth starts free them.
        for i in 0..20_000 {
            let survivor = cycle(i);
            collect();
            drop(survivor);
        }
        let old = BOA_GC.with(|st| st.borrow().strongs.len());
        assert!(old < 20_000, "old garbage was never freed ({old} nodes)");
        assert!(dropped() > 20_000, "old garbage was never freed");
    });
}

#[test]
fn collections_are_full_while_an_ephemeron_exists() {
    run_test(|| {
        let watched = cycle(1);
        collect();
        assert!(is_old(&watched));
        let watch = WeakGc::new(&watched);
        drop(watched);
        collect();
        assert!(watch.upgrade().is_none(), "an old node watched weakly was kept");
    });
}
