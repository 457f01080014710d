//! Boa's **`boa_gc`** crate implements a garbage collector.
//!
//! # Crate Overview
//! **`boa_gc`** is a mark-sweep garbage collector that implements a [`Trace`] and [`Finalize`] trait
//! for garbage collected values.
#![doc = include_str!("../ABOUT.md")]
#![doc(
    html_logo_url = "https://raw.githubusercontent.com/boa-dev/boa/main/assets/logo_black.svg",
    html_favicon_url = "https://raw.githubusercontent.com/boa-dev/boa/main/assets/logo_black.svg"
)]
#![cfg_attr(not(test), forbid(clippy::unwrap_used))]
#![allow(
    clippy::module_name_repetitions,
    clippy::redundant_pub_crate,
    clippy::let_unit_value
)]

extern crate self as boa_gc;

mod cell;
mod pointers;
mod trace;

pub(crate) mod internals;

use internals::{EphemeronBox, ErasedEphemeronBox, ErasedWeakMapBox, WeakMapBox};
use pointers::{NonTraceable, RawWeakMap};
use std::{
    cell::{Cell, RefCell},
    mem::{self, ManuallyDrop},
    ptr::NonNull,
};

pub use crate::trace::{Finalize, Trace, Tracer};
pub use boa_macros::{Finalize, Trace};
pub use cell::{GcRef, GcRefCell, GcRefMut};
pub use internals::GcBox;
pub use pointers::{Ephemeron, Gc, GcErased, WeakGc, WeakMap};

type GcErasedPointer = NonNull<GcBox<NonTraceable>>;
type EphemeronPointer = NonNull<dyn ErasedEphemeronBox>;
type ErasedWeakMapBoxPointer = NonNull<dyn ErasedWeakMapBox>;

// PATCH: the collector's state on this thread ([`GcState`]), was a `bool` (`GC_DROPPING`).
thread_local!(static GC_STATE: Cell<GcState> = const { Cell::new(GcState::Running) });

/// PATCH: what the collector is doing on this thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GcState {
    /// Not collecting, or marking and finalizing: finalizers may run.
    Running,
    /// Dropping the values of unreachable nodes, none of them deallocated yet: finalizers
    /// must not run, but a dropped handle decrements its node's reference count (the node's
    /// header is valid until `Collector::sweep` deallocates it).
    DroppingValues,
    /// Deallocating nodes (`Collector::sweep` and `Collector::dump` after the values are
    /// dropped): finalizers must not run. PATCH: no handle is dropped then (every value was
    /// dropped before the first node is deallocated), so a dropped handle always decrements
    /// its node's count (`Gc`'s `Drop` reads no thread-local state: it did, through a call,
    /// on every handle dropped anywhere).
    Deallocating,
}
// PATCH: const-initialised (was lazily initialised: every access went through the lazy
// storage's state check and accessor call; every allocation accesses it). PATCH: and with
// no destructor (`ManuallyDrop`, and `BoaGc` has no `Drop`; `HEAP_DUMP` frees the heap when
// the thread ends):
// a thread-local with one is reached through a test of its state, and registers the
// destructor at its first access, a call in the allocation path that made it save and
// restore registers on every allocation.
thread_local!(static BOA_GC: ManuallyDrop<RefCell<BoaGc>> = const { ManuallyDrop::new(RefCell::new( BoaGc {
    config: GcConfig::DEFAULT,
    runtime: GcRuntimeData {
        collections: 0,
        bytes_allocated: 0,
        old_len: 0,
        old_bytes: 0,
        major_limit: 0,
    },
    strongs: Vec::new(),
    weaks: Vec::new(),
    weak_maps: Vec::new(),
    free: FreeLists { heads: [None; SIZE_CLASSES], lists: Vec::new(), bytes: 0 },
})) });

/// PATCH: the least headroom ([`GcConfig::min_headroom`]): 256 KiB (round 36; was 1 MiB).
const MIN_HEADROOM: usize = 262_144;

#[derive(Debug, Clone, Copy)]
struct GcConfig {
    /// The threshold at which the garbage collector will trigger a collection.
    threshold: usize,
    /// The least headroom: a collection comes after allocating at least this many bytes.
    min_headroom: usize,
    /// The headroom as a percentage of the live bytes after the last collection.
    headroom_percentage: usize,
}

impl Default for GcConfig {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl GcConfig {
    // PATCH: a constant, for the const-initialised `BOA_GC`.
    const DEFAULT: Self = {
        Self {
            // Start at 1MB, the nursary size for V8 is ~1-8MB and SM can be up to 16MB
            threshold: 1_048_576,
            // PATCH: was `used_space_percentage: 70` (the threshold grew to the live bytes
            // / 0.7 and never shrank: a collection after allocating ~0.43 × the live heap).
            // PATCH: 256 KiB (was 1 MiB, round 36): a program whose live heap is small
            // collects every 256 KiB of nodes, whose blocks (from the free lists) and the
            // allocations they own stay in the processor's cache between the collection's
            // passes and their reuse; walking 1 MiB of mostly dead nodes three times missed
            // the cache (churn.js: ~10 % of its time less, in wall and CPU time; the live
            // nodes, walked four times as often, are left out by young collections:
            // `Collector::collect`).
            min_headroom: MIN_HEADROOM,
            headroom_percentage: 150,
        }
    };
}

impl GcConfig {
    /// The next threshold after a collection left `live` bytes: `live` plus the larger of
    /// `min_headroom` and `headroom_percentage` % of `live`.
    fn next_threshold(&self, live: usize) -> usize {
        let headroom = (live / 100).saturating_mul(self.headroom_percentage);
        live.saturating_add(headroom.max(self.min_headroom))
    }
}

#[derive(Default, Debug, Clone, Copy)]
struct GcRuntimeData {
    collections: usize,
    bytes_allocated: usize,
    /// PATCH: the number of old nodes: `strongs[..old_len]`, the nodes that survived the
    /// last collection (each marked until the next full collection); the nodes allocated
    /// since are behind them (see `Collector::collect`).
    old_len: usize,
    /// PATCH: the bytes allocated when the last collection ended (the old nodes' and the
    /// ephemerons').
    old_bytes: usize,
    /// PATCH: the next collection is a full one once `old_bytes` exceeds this (set by each
    /// full collection: the bytes it left plus the larger of `MIN_HEADROOM` and those
    /// bytes).
    major_limit: usize,
}

#[derive(Debug)]
struct BoaGc {
    config: GcConfig,
    runtime: GcRuntimeData,
    strongs: Vec<GcErasedPointer>,
    weaks: Vec<EphemeronPointer>,
    weak_maps: Vec<ErasedWeakMapBoxPointer>,
    /// PATCH: the blocks of swept nodes kept for the next allocations.
    free: FreeLists,
}

// PATCH: what `BoaGc`'s `Drop` did (it has none now, see `BOA_GC`): when the thread ends,
// its heap is dumped and the kept blocks are given back. Its destructor is registered by
// the thread's first allocation of a node (`Allocator::new_block`: the free lists are
// empty then) or of an ephemeron (`Allocator::alloc_ephemeron`), before the first node
// is listed, or by `force_collect`: where `BOA_GC`'s first access registered its own
// destructor before, so it runs where `BoaGc`'s `Drop` ran among the thread's other
// thread-local destructors.
thread_local!(static HEAP_DUMP: HeapDump = const { HeapDump });

/// PATCH: dumps the thread's heap when dropped (the thread-local `HEAP_DUMP`).
struct HeapDump;

impl HeapDump {
    /// Makes sure the thread's heap is dumped when the thread ends. (After `HEAP_DUMP` is
    /// destroyed, a node allocated by a later thread-local destructor is not freed; before
    /// this patch `BOA_GC` itself was destroyed then, and the allocation panicked.)
    #[inline]
    fn register() {
        let _ = HEAP_DUMP.try_with(|_| ());
    }
}

impl Drop for HeapDump {
    fn drop(&mut self) {
        // `BOA_GC` has no destructor: it is still there while the thread's thread-local
        // destructors run.
        BOA_GC.with(|st| {
            let mut gc = st.borrow_mut();
            Collector::dump(&mut gc);
            gc.free.release_all();
            // What dropping `BoaGc` would free besides (`dump` took the node lists).
            gc.free.lists = Vec::new();
        });
    }
}

/// PATCH: the most bytes of swept `GcBox`es kept for reuse (the blocks beyond go back to the
/// global allocator). The first threshold (PATCH: round 36: and four times the least
/// headroom, `MIN_HEADROOM`), so that a program whose live heap is small (whose
/// collections come every 256 KiB allocated after the first at 1 MiB) allocates nearly
/// all its nodes from blocks its last collection freed.
const FREE_BYTES_MAX: usize = 1_048_576;

/// PATCH: the blocks of unreachable `GcBox`es that `Collector::sweep` deallocated, kept for
/// the next `GcBox`es of the same layout (a pop here is a fraction of the global
/// allocator's allocation and deallocation, and most nodes die young: churn.js allocates
/// three nodes per iteration). One intrusive singly linked list per layout: a free block's
/// second word (PATCH: was its first) is the next free block of its list. At most
/// `FREE_BYTES_MAX` bytes in all; `force_collect` (which the host runs before it judges the
/// heap full) and the thread's end give them all back, so a heap limit counts none of them.
#[derive(Debug)]
struct FreeLists {
    /// PATCH: the lists of the layouts aligned to 8 bytes and smaller than
    /// `SIZE_CLASSES` × 8 bytes (every `GcBox` of compartments' values), by size / 8: a
    /// block is taken and given back without searching for its list (an allocation's
    /// layout is a constant, so `take` folds to a load of its head).
    heads: [Option<NonNull<FreeBlock>>; SIZE_CLASSES],
    /// The lists of the other layouts.
    lists: Vec<FreeList>,
    /// The bytes of all the blocks of all the lists.
    bytes: usize,
}

/// PATCH: the number of lists of [`FreeLists::heads`]: layouts of up to 1 KiB.
const SIZE_CLASSES: usize = 128;

#[derive(Debug)]
struct FreeList {
    /// The layout every block of the list was allocated with (by `Box::new` of a
    /// `GcBox<T>`: the global allocator and `Layout::new::<GcBox<T>>()`).
    layout: std::alloc::Layout,
    /// The first free block, if any.
    head: Option<NonNull<FreeBlock>>,
}

/// The first two words of a free block: PATCH: the second is the next block of its list
/// (was the first). Every `GcBox` is larger and at least as aligned: it starts with a
/// `GcHeader` and a `&'static VTable`; the link is where the vtable reference was, so that
/// `Collector::sweep` can list a box while later values it drops may still decrement the
/// box's header (the first word), which nothing reads again.
#[repr(C)]
struct FreeBlock {
    _header: mem::MaybeUninit<u64>,
    next: Option<NonNull<FreeBlock>>,
}

impl FreeLists {
    /// PATCH: the index in `heads` of the list of `layout`, if it has one there: layouts of
    /// the same index have the same size and alignment (8), so a block of a list has the
    /// layout of every block of it.
    #[inline]
    fn size_class(layout: std::alloc::Layout) -> Option<usize> {
        let class = Self::size_class_of(layout);
        (class < SIZE_CLASSES).then_some(class)
    }

    /// PATCH: `size_class`, as a constant of each `GcBox` type (its vtable's `size_class`):
    /// the index, or `SIZE_CLASSES` when the layout has no list in `heads`.
    pub(crate) const fn size_class_of(layout: std::alloc::Layout) -> usize {
        let class = layout.size() / 8;
        if layout.align() == 8 && layout.size() % 8 == 0 && class < SIZE_CLASSES {
            class
        } else {
            SIZE_CLASSES
        }
    }

    /// The head of the list of `layout` (created if it is not in `lists` yet and
    /// `create`), if any.
    #[inline]
    fn head_mut(
        &mut self,
        layout: std::alloc::Layout,
        create: bool,
    ) -> Option<&mut Option<NonNull<FreeBlock>>> {
        if let Some(class) = Self::size_class(layout) {
            return Some(&mut self.heads[class]);
        }
        let index = if let Some(i) = self.lists.iter().position(|l| l.layout == layout) {
            i
        } else if create {
            self.lists.push(FreeList { layout, head: None });
            self.lists.len() - 1
        } else {
            return None;
        };
        Some(&mut self.lists[index].head)
    }

    /// A free block of `layout`, if one is kept.
    #[inline]
    fn take(&mut self, layout: std::alloc::Layout) -> Option<NonNull<u8>> {
        let head = self.head_mut(layout, false)?;
        let block = (*head)?;
        // SAFETY: a block in a list is a live allocation of the list's layout (`layout`)
        // that only the list owns, whose first word `give` wrote as a `FreeBlock`.
        *head = unsafe { block.as_ref() }.next;
        self.bytes -= layout.size();
        Some(block.cast())
    }

    /// PATCH: a free block of the list `heads[class]`, of `size` bytes (`take` for a layout
    /// of that size class), if one is kept; `None` when `class` is `SIZE_CLASSES` (no list
    /// there).
    #[inline]
    fn take_from_class(&mut self, class: usize, size: usize) -> Option<NonNull<u8>> {
        let head = self.heads.get_mut(class)?;
        let block = (*head)?;
        // SAFETY: as in `take`.
        *head = unsafe { block.as_ref() }.next;
        self.bytes -= size;
        Some(block.cast())
    }

    /// Keeps `block`, of `layout`, for reuse; false (and the block untouched) when the lists
    /// are full.
    ///
    /// # Safety
    ///
    /// `block` must be an allocation of the global allocator with `layout`, at least as
    /// large and as aligned as a `FreeBlock`, that nothing else uses or frees afterwards.
    #[inline]
    unsafe fn give(&mut self, block: NonNull<u8>, layout: std::alloc::Layout) -> bool {
        if self.bytes + layout.size() > FREE_BYTES_MAX {
            return false;
        }
        let Some(head) = self.head_mut(layout, true) else {
            return false;
        };
        let block = block.cast::<FreeBlock>();
        // SAFETY: the caller guarantees the block is ours alone, large and aligned enough
        // for a `FreeBlock`.
        unsafe { (&raw mut (*block.as_ptr()).next).write(*head) };
        *head = Some(block);
        self.bytes += layout.size();
        true
    }

    /// PATCH: `give` for a block whose list is `heads[class]` (`class < SIZE_CLASSES`), of
    /// `size` bytes: false (and the block untouched) when the lists are full.
    ///
    /// # Safety
    ///
    /// As `give`, with `class` the size class of the block's layout and `size` its size.
    #[inline]
    unsafe fn give_to_class(&mut self, block: NonNull<u8>, class: usize, size: usize) -> bool {
        if self.bytes + size > FREE_BYTES_MAX {
            return false;
        }
        let head = &mut self.heads[class];
        let block = block.cast::<FreeBlock>();
        // SAFETY: the caller guarantees the block is ours alone, large and aligned enough
        // for a `FreeBlock`.
        unsafe { (&raw mut (*block.as_ptr()).next).write(*head) };
        *head = Some(block);
        self.bytes += size;
        true
    }

    /// Gives every kept block back to the global allocator.
    fn release_all(&mut self) {
        let heads = self.heads.iter_mut().enumerate().map(|(class, head)| {
            // The layout of the blocks of `heads[class]` (`size_class`).
            let layout = std::alloc::Layout::from_size_align(class * 8, 8);
            (head, layout.ok())
        });
        let lists = self.lists.iter_mut().map(|l| (&mut l.head, Some(l.layout)));
        for (head, layout) in heads.chain(lists) {
            while let Some(block) = *head {
                // SAFETY: as in `take`; the block is then deallocated with the layout it was
                // allocated with, and no longer in the list.
                *head = unsafe { block.as_ref() }.next;
                if let Some(layout) = layout {
                    unsafe { std::alloc::dealloc(block.as_ptr().cast(), layout) };
                }
            }
        }
        self.bytes = 0;
    }
}

// Whether or not the thread is currently in the sweep phase of garbage collection.
// During this phase, attempts to dereference a `Gc<T>` pointer will trigger a panic.
/// `DropGuard` flags whether the Collector is currently running `Collector::sweep()` or `Collector::dump()`
///
/// While the `DropGuard` is active, all `GcBox`s must not be dereferenced or accessed as it could cause Undefined Behavior
#[derive(Debug, Clone)]
struct DropGuard;

impl DropGuard {
    fn new(state: GcState) -> Self {
        GC_STATE.with(|current| current.set(state));
        Self
    }
}

impl Drop for DropGuard {
    fn drop(&mut self) {
        GC_STATE.with(|current| current.set(GcState::Running));
    }
}

/// Returns `true` if it is safe for a type to run [`Finalize::finalize`].
#[must_use]
#[inline]
pub fn finalizer_safe() -> bool {
    GC_STATE.with(|current| current.get() == GcState::Running)
}

/// The Allocator handles allocation of garbage collected values.
///
/// The allocator can trigger a garbage collection.
#[derive(Debug, Clone, Copy)]
struct Allocator;

impl Allocator {
    /// Allocate a new garbage collected value to the Garbage Collector's heap.
    ///
    /// PATCH: the box is allocated (and the value moved into it) before the collector's
    /// state is borrowed, and the collection check is inlined: upstream moved the value into
    /// the closure and again into the box (a `GcBox` of an object is 112 bytes: three copies),
    /// and called `manage_state` out of line. Allocating before a collection that the
    /// allocation triggers changes nothing the collector sees: the new node is not in
    /// `strongs` yet, so the collection neither frees nor traces it (as upstream, where it
    /// did not exist yet), and the handles in its value count as roots, as they did while
    /// the value was on the caller's stack.
    ///
    /// PATCH: the box is a block of a swept node of the same layout when one is kept
    /// ([`FreeLists`]).
    /// The block is taken (or allocated) and listed with the collector's state borrowed,
    /// and the value written into it after, so that the value is moved once, from the
    /// caller into the node (nothing runs between the two: no collection sees the block
    /// before it holds the value).
    ///
    /// PATCH: the block is taken by `alloc_block`, one function for every type (it was
    /// `LocalKey::with` with the closure of each type, which the compiler merged into one
    /// function receiving the layout: the free list's index was computed from it on every
    /// allocation, and the thread-local's accessor was called through a pointer); the index
    /// is now the type's constant (`FreeLists::size_class_of`).
    #[inline]
    fn alloc_gc<T: Trace>(value: GcBox<T>) -> NonNull<GcBox<T>> {
        let layout = std::alloc::Layout::new::<GcBox<T>>();
        let class = const { FreeLists::size_class_of(std::alloc::Layout::new::<GcBox<T>>()) };
        let ptr = Self::alloc_block(layout, class).cast::<GcBox<T>>();
        // SAFETY: the block is an allocation of `Layout::new::<GcBox<T>>()` by the global
        // allocator that nothing else uses (fresh, or `FreeLists::take`), so writing a
        // `GcBox<T>` there makes it what `Box::new(value)` would have made (`Box::from_raw`
        // accepts it: the node's `dealloc_fn` and `drop_fn` free it as a `Box` of this
        // type). The node is in `strongs` already, but no collection can run before this
        // write: nothing else runs in between.
        unsafe { ptr.as_ptr().write(value) };
        ptr
    }

    /// PATCH: `alloc_gc(make())` with the value made after the block is allocated, and
    /// written there (`Gc::new_with`).
    ///
    /// # Safety
    ///
    /// `make` must not allocate with this collector, run a collection, or panic (the block
    /// is in `strongs`, not yet written, while it runs).
    #[inline(always)]
    unsafe fn alloc_gc_with<T: Trace>(make: impl FnOnce() -> GcBox<T>) -> NonNull<GcBox<T>> {
        let layout = std::alloc::Layout::new::<GcBox<T>>();
        let class = const { FreeLists::size_class_of(std::alloc::Layout::new::<GcBox<T>>()) };
        let ptr = Self::alloc_block(layout, class).cast::<GcBox<T>>();
        // SAFETY: as in `alloc_gc`; `make` runs nothing that could reach the block (the
        // caller's contract), so nothing else runs before this write either.
        unsafe { ptr.as_ptr().write(make()) };
        ptr
    }

    /// PATCH: `f` of this thread's `BOA_GC`, reached through the pointer `LocalKey::with`
    /// returns (a closure doing the work made `with` too large to inline: it was a call,
    /// and the thread-local's accessor a call through a pointer from it).
    #[inline(always)]
    #[allow(clippy::inline_always)]
    fn with_state<R>(f: impl FnOnce(&RefCell<BoaGc>) -> R) -> R {
        let st: *const RefCell<BoaGc> = BOA_GC.with(|st| std::ptr::from_ref(&**st));
        // SAFETY: the pointer is `BOA_GC`'s value on this thread, which `with` gave out; it
        // has no destructor, so it lives as long as the thread. It is used as `with`'s
        // closure would have used it (the reference does not outlive `f`).
        f(unsafe { &*st })
    }

    /// PATCH: a block of `layout` (whose size class is `class`: `FreeLists::size_class_of`)
    /// for a new node, listed in `strongs`; its value is written by the caller, before
    /// anything else runs. The collection the allocation may trigger runs first.
    #[inline(never)]
    fn alloc_block(layout: std::alloc::Layout, class: usize) -> NonNull<u8> {
        Self::with_state(|st| {
            let Ok(mut gc) = st.try_borrow_mut() else {
                // (`borrow_mut` panics: the state is borrowed.)
                return Self::alloc_block_slow(st.borrow_mut(), layout, class);
            };
            // The common case calls nothing (so it saves no registers): no collection is
            // due, the free list has a block and `strongs` has room. The other cases
            // continue in `alloc_block_slow` (a jump: the borrow goes with them).
            if gc.runtime.bytes_allocated <= gc.config.threshold
                && gc.strongs.len() < gc.strongs.capacity()
            {
                if let Some(block) = gc.free.take_from_class(class, layout.size()) {
                    gc.strongs.push(block.cast::<GcBox<NonTraceable>>());
                    gc.runtime.bytes_allocated += layout.size();
                    return block;
                }
            }
            Self::alloc_block_slow(gc, layout, class)
        })
    }

    /// PATCH: `alloc_block` when a collection is due, the free list of the size class is
    /// empty or `strongs` is full (so at the thread's first allocation), with the state
    /// `alloc_block` borrowed.
    #[inline(never)]
    fn alloc_block_slow(
        mut gc: std::cell::RefMut<'_, BoaGc>,
        layout: std::alloc::Layout,
        class: usize,
    ) -> NonNull<u8> {
        Self::manage_state(&mut gc);

        let block = match gc.free.take_from_class(class, layout.size()) {
            Some(block) => block,
            None => Self::new_block(&mut gc.free, layout, class),
        };

        gc.strongs.push(block.cast::<GcBox<NonTraceable>>());
        gc.runtime.bytes_allocated += layout.size();
        block
    }

    /// PATCH: a block of `layout` when the free list of its size class (`class`) is empty:
    /// a kept block of a layout with no size class, or a new one.
    #[inline]
    fn new_block(free: &mut FreeLists, layout: std::alloc::Layout, class: usize) -> NonNull<u8> {
        if class >= SIZE_CLASSES {
            if let Some(block) = free.take(layout) {
                return block;
            }
        }
        // (The thread's first node is a new block.)
        HeapDump::register();
        // SAFETY: the layout of a `GcBox` is never zero-sized (it holds a header and a
        // reference).
        let block = unsafe { std::alloc::alloc(layout) };
        NonNull::new(block).unwrap_or_else(|| std::alloc::handle_alloc_error(layout))
    }

    fn alloc_ephemeron<K: Trace + ?Sized, V: Trace>(
        value: EphemeronBox<K, V>,
    ) -> NonNull<EphemeronBox<K, V>> {
        let element_size = size_of_val::<EphemeronBox<K, V>>(&value);
        HeapDump::register();
        BOA_GC.with(|st| {
            let mut gc = st.borrow_mut();

            Self::manage_state(&mut gc);
            // Safety: value cannot be a null pointer, since `Box` cannot return null pointers.
            let ptr = unsafe { NonNull::new_unchecked(Box::into_raw(Box::new(value))) };
            let erased: NonNull<dyn ErasedEphemeronBox> = ptr;

            gc.weaks.push(erased);
            gc.runtime.bytes_allocated += element_size;

            ptr
        })
    }

    fn alloc_weak_map<K: Trace + ?Sized, V: Trace>() -> WeakMap<K, V> {
        let weak_map = WeakMap {
            inner: Gc::new(GcRefCell::new(RawWeakMap::new())),
        };
        let weak = WeakGc::new(&weak_map.inner);

        BOA_GC.with(|st| {
            let mut gc = st.borrow_mut();

            let weak_box = WeakMapBox { map: weak };

            // Safety: value cannot be a null pointer, since `Box` cannot return null pointers.
            let ptr = unsafe { NonNull::new_unchecked(Box::into_raw(Box::new(weak_box))) };
            let erased: ErasedWeakMapBoxPointer = ptr;

            gc.weak_maps.push(erased);

            weak_map
        })
    }

    // PATCH: inlined (the test is two loads and a compare; the collection stays out of line).
    #[inline]
    fn manage_state(gc: &mut BoaGc) {
        if gc.runtime.bytes_allocated > gc.config.threshold {
            Collector::collect(gc, false);
        }
    }
}

/// This collector currently functions in four main phases
///
/// Mark -> Finalize -> Mark -> Sweep
///
/// 1. Mark nodes as reachable.
/// 2. Finalize the unreachable ephemerons (PATCH: only those; see `Collector::collect`).
/// 3. Mark again because dropping an ephemeron's value can potentially resurrect dead nodes
///    (PATCH: only when some ephemeron was finalized).
/// 4. Sweep: drop the values of all dead nodes, then deallocate them (PATCH: two passes).
///
/// A better approach in a more concurrent structure may be to reorder.
///
/// Mark -> Sweep -> Finalize
struct Collector;

impl Collector {
    /// Run a collection on the full heap.
    ///
    /// PATCH (round 36): or on the young nodes only (those allocated since the last
    /// collection, `strongs[old_len..]`), unless `full`, an ephemeron or a weak map exists,
    /// or the old nodes have grown past `major_limit`. The old nodes (which survived the
    /// last collection) stay marked until the next full collection unmarks them all first
    /// (sticky mark bits): a young collection counts the handles held by young nodes only
    /// (`Gc::trace_non_roots` does not count a handle to a marked node), so a young node
    /// held by an old one looks rooted and is kept; the tracer stops at marked nodes, so
    /// the old nodes are neither traced nor swept; the young nodes that survive are
    /// marked, and become old. So a young collection keeps every node a full one would,
    /// and more: the unreachable nodes held by old unreachable nodes, which the next full
    /// collection frees. With no ephemeron nothing observes when a node is freed.
    // PATCH: never inlined into the allocation path (`Allocator::manage_state`).
    #[inline(never)]
    fn collect(gc: &mut BoaGc, full: bool) {
        gc.runtime.collections += 1;

        let full = full
            || !gc.weaks.is_empty()
            || !gc.weak_maps.is_empty()
            || gc.runtime.old_bytes > gc.runtime.major_limit;
        if full {
            // The old nodes become young: unmarked, as every node must be before marking
            // (their non-root counts are zero: reset when they survived, and not counted
            // since while they were marked).
            for node in &gc.strongs[..gc.runtime.old_len] {
                // SAFETY: node must be valid as this phase cannot drop any node.
                unsafe { node.as_ref() }.header.unmark();
            }
            gc.runtime.old_len = 0;
        }
        let old_len = gc.runtime.old_len;

        Self::trace_non_roots(&gc.strongs[old_len..], &gc.weaks);

        let mut tracer = Tracer::new();

        let unreachable_ephemerons =
            Self::mark_heap(&mut tracer, &gc.strongs[old_len..], &gc.weaks, &gc.weak_maps);

        assert!(tracer.is_empty(), "The queue should be empty");

        // PATCH: only unreachable ephemerons are finalized here, and the heap marked again
        // after them (dropping an ephemeron's value may run arbitrary `Drop` code). The
        // unreachable strong nodes are not finalized: the one thing their finalizers did
        // (`Gc`'s and `Ephemeron`'s `Finalize`: decrement the reference count of the node
        // a handle points to) is done by dropping the handles in `Collector::sweep`, and no
        // other finalizer runs, so none can resurrect a node (docs/boa-gc-patch.md).
        if !unreachable_ephemerons.is_empty() {
            // SAFETY: All passed pointers are valid, since we won't deallocate until `Self::sweep`.
            unsafe { Self::finalize(unreachable_ephemerons) };

            // Reuse the tracer's already allocated capacity.
            let _final_unreachables =
                Self::mark_heap(&mut tracer, &gc.strongs[old_len..], &gc.weaks, &gc.weak_maps);
        }

        // SAFETY: The head of our linked list is always valid per the invariants of our GC.
        unsafe {
            Self::sweep(
                &mut gc.strongs,
                old_len,
                &mut gc.weaks,
                &mut gc.runtime.bytes_allocated,
                &mut gc.free,
            );
        }

        // Weak maps have to be cleared after the sweep, since the process dereferences GcBoxes.
        gc.weak_maps.retain(|w| {
            // SAFETY: The caller must ensure the validity of every node of `heap_start`.
            let node_ref = unsafe { w.as_ref() };

            if node_ref.is_live() {
                node_ref.clear_dead_entries();

                true
            } else {
                // SAFETY:
                // The `Allocator` must always ensure its start node is a valid, non-null pointer that
                // was allocated by `Box::from_raw(Box::new(..))`.
                let _unmarked_node = unsafe { Box::from_raw(w.as_ptr()) };

                false
            }
        });

        // PATCH: give memory back only when a vector is mostly empty, keeping room to grow.
        shrink_if_sparse(&mut gc.strongs);
        shrink_if_sparse(&mut gc.weaks);
        shrink_if_sparse(&mut gc.weak_maps);

        // PATCH: the next collection comes after allocating the larger of `min_headroom` and
        // `headroom_percentage` % of what survived this one.
        gc.config.threshold = gc.config.next_threshold(gc.runtime.bytes_allocated);

        // PATCH: every node left is old now (marked by this collection, and left marked by
        // the sweep).
        gc.runtime.old_len = gc.strongs.len();
        gc.runtime.old_bytes = gc.runtime.bytes_allocated;
        if full {
            gc.runtime.major_limit = gc
                .runtime
                .bytes_allocated
                .saturating_add(gc.runtime.bytes_allocated.max(MIN_HEADROOM));
        }
    }

    /// PATCH: counts the handles held by `strongs` (the nodes being collected) and `weaks`.
    fn trace_non_roots(strongs: &[GcErasedPointer], weaks: &[EphemeronPointer]) {
        // Count all the handles located in GC heap.
        // Then, we can find whether there is a reference from other places, and they are the roots.
        for node in strongs {
            // SAFETY: node must be valid as this phase cannot drop any node.
            let trace_non_roots_fn = unsafe { node.as_ref() }.trace_non_roots_fn();

            // SAFETY: The function pointer is appropriate for this node type because we extract it from it's VTable.
            unsafe {
                trace_non_roots_fn(*node);
            }
        }

        for eph in weaks {
            // SAFETY: node must be valid as this phase cannot drop any node.
            let eph_ref = unsafe { eph.as_ref() };
            eph_ref.trace_non_roots();
        }
    }

    /// Walk the heap and mark any nodes deemed reachable
    fn mark_heap(
        tracer: &mut Tracer,
        strongs: &[GcErasedPointer],
        weaks: &[EphemeronPointer],
        weak_maps: &[ErasedWeakMapBoxPointer],
    ) -> Vec<EphemeronPointer> {
        // Walk the list, tracing and marking the nodes
        // PATCH: no list of unreachable strong nodes (`strong_dead`): nothing reads it now;
        // `Collector::sweep` finds them by their mark.
        let mut pending_ephemerons = Vec::new();

        // === Preliminary mark phase ===
        //
        // 0. Get the naive list of possibly dead nodes.
        for node in strongs {
            // SAFETY: node must be valid as this phase cannot drop any node.
            let node_ref = unsafe { node.as_ref() };
            if node_ref.is_rooted() {
                tracer.enqueue(*node);

                // SAFETY: all nodes must be valid as this phase cannot drop any node.
                unsafe {
                    tracer.trace_until_empty();
                }
            }
        }

        // 0.1. Early return if there are no ephemerons in the GC
        if weaks.is_empty() {
            return pending_ephemerons;
        }

        // === Weak mark phase ===
        //
        //
        // 1. Get the naive list of ephemerons that are supposedly dead or their key is dead and
        // trace all the ephemerons that have roots and their keys are live. Also remove from
        // this list the ephemerons that are marked but their value is dead.
        for eph in weaks {
            // SAFETY: node must be valid as this phase cannot drop any node.
            let eph_ref = unsafe { eph.as_ref() };
            let header = eph_ref.header();
            if header.is_rooted() {
                header.mark();
            }
            // SAFETY: the garbage collector ensures `eph_ref` always points to valid data.
            if unsafe { !eph_ref.trace(tracer) } {
                pending_ephemerons.push(*eph);
            }

            // SAFETY: all nodes must be valid as this phase cannot drop any node.
            unsafe {
                tracer.trace_until_empty();
            }
        }

        // 2. Trace all the weak pointers in the live weak maps to make sure they do not get swept.
        for w in weak_maps {
            // SAFETY: node must be valid as this phase cannot drop any node.
            let node_ref = unsafe { w.as_ref() };

            // SAFETY: The garbage collector ensures that all nodes are valid.
            unsafe { node_ref.trace(tracer) };

            // SAFETY: all nodes must be valid as this phase cannot drop any node.
            unsafe {
                tracer.trace_until_empty();
            }
        }

        // 3. Iterate through all pending ephemerons, removing the ones which have been successfully
        // traced. If there are no changes in the pending ephemerons list, it means that there are no
        // more reachable ephemerons from the remaining ephemeron values.
        let mut previous_len = pending_ephemerons.len();
        loop {
            pending_ephemerons.retain_mut(|eph| {
                // SAFETY: node must be valid as this phase cannot drop any node.
                let eph_ref = unsafe { eph.as_ref() };
                // SAFETY: the garbage collector ensures `eph_ref` always points to valid data.
                let is_key_marked = unsafe { !eph_ref.trace(tracer) };

                // SAFETY: all nodes must be valid as this phase cannot drop any node.
                unsafe {
                    tracer.trace_until_empty();
                }

                is_key_marked
            });

            if previous_len == pending_ephemerons.len() {
                break;
            }

            previous_len = pending_ephemerons.len();
        }

        // 4. The remaining list should contain the ephemerons that are either unreachable or its key
        // is dead.
        pending_ephemerons
    }

    /// # Safety
    ///
    /// Passing a vec with invalid pointers will result in Undefined Behaviour.
    ///
    /// PATCH: finalizes the unreachable ephemerons only (see `Collector::collect`).
    unsafe fn finalize(unreachable_ephemerons: Vec<EphemeronPointer>) {
        for node in unreachable_ephemerons {
            // SAFETY: The caller must ensure all pointers inside `unreachable_ephemerons` are valid.
            let node = unsafe { node.as_ref() };
            node.finalize_and_clear();
        }
    }

    /// # Safety
    ///
    /// - Providing an invalid pointer in the `heap_start` or in any of the headers of each
    ///   node will result in Undefined Behaviour.
    /// - Providing a list of pointers that weren't allocated by `Box::into_raw(Box::new(..))`
    ///   will result in Undefined Behaviour.
    ///
    /// PATCH: sweeps `strong[old_len..]` only (the old nodes before are kept, as they are).
    unsafe fn sweep(
        strong: &mut Vec<GcErasedPointer>,
        old_len: usize,
        weak: &mut Vec<EphemeronPointer>,
        total_allocated: &mut usize,
        free: &mut FreeLists,
    ) {
        // PATCH: first the values of the unreachable nodes are dropped, all of them before any
        // node is deallocated, so that a handle dropped with them may decrement the reference
        // count of the node it points to (what `Gc`'s finalizer did before the sweep): a node
        // still reachable must not keep counting a handle held by a freed one, or it would look
        // rooted forever.
        //
        // PATCH: one pass over the nodes partitions them (was a pass dropping values and a
        // `Vec::retain` testing every node's mark again): a reachable node is unmarked and
        // moved to the front (in order), an unreachable one has its value dropped and ends up
        // behind them; the second pass walks the unreachable ones only. PATCH (round 36):
        // the first pass also lists the block of an unreachable node in the free lists
        // right after dropping its value, so the second pass walks only the unreachable
        // nodes it could not list (no size class, or no room), behind the reachable ones.
        let mut kept = 0;
        // PATCH: the end of the unreachable nodes whose blocks are not listed in the first
        // pass (`nodes[kept..deferred]`): those of a layout with no size class, or for
        // which the free lists had no room.
        let mut deferred = 0;
        // PATCH: the bytes freed, subtracted from `total_allocated` once.
        let mut freed = 0;
        {
            let _guard = DropGuard::new(GcState::DroppingValues);
            // (A slice: its length is not loaded again after each drop.)
            let nodes = &mut strong[old_len..];
            for index in 0..nodes.len() {
                let node = nodes[index];
                // SAFETY: The caller must ensure the validity of every node; none is
                // deallocated in this loop.
                let node_ref = unsafe { node.as_ref() };
                if node_ref.is_marked() {
                    // Nothing reads a non-root count before the next collection's
                    // `trace_non_roots` (dropping values only decrements reference counts).
                    // PATCH: the node stays marked: it is old now (`Collector::collect`).
                    node_ref.reset_non_root_count();
                    // `nodes[kept..deferred]` moves up one place (its first node to its end).
                    nodes[deferred] = nodes[kept];
                    nodes[kept] = node;
                    kept += 1;
                    deferred += 1;
                } else {
                    let vtable = node_ref.vtable;
                    let drop_value_fn = vtable.drop_value_fn();

                    // SAFETY: The function pointer is appropriate for this node type because we
                    // extract it from its VTable. The node is unreachable, so nothing reads its
                    // value after this (the block is listed or deallocated below), and each
                    // node is visited once.
                    unsafe {
                        drop_value_fn(node);
                    }
                    let layout = vtable.layout();
                    let class = vtable.size_class();
                    freed += layout.size();
                    // PATCH: the block is listed now, while it is in the cache (a second
                    // pass over the unreachable nodes read every one of them again). The
                    // list's link is the block's second word (`FreeBlock`): values dropped
                    // later in this loop may still decrement the header (the first word) of
                    // this node, and nothing reads the rest of it (its vtable reference
                    // included) before it is allocated again, after the sweep.
                    // SAFETY: the node was allocated by the global allocator with its type's
                    // layout (`Box::new` or a kept block of that layout), a `GcBox` is
                    // larger and at least as aligned as a `FreeBlock`, its value was dropped
                    // just above and nothing but a decrement of its header uses it after
                    // this: the block is the lists'. `class` is the size class of `layout`
                    // (`VTable::size_class`).
                    if !(class < SIZE_CLASSES
                        && unsafe { free.give_to_class(node.cast(), class, layout.size()) })
                    {
                        nodes[deferred] = node;
                        deferred += 1;
                    }
                }
            }
            // PATCH: an unreachable ephemeron's value is dropped here too, while every node
            // it may hold a handle to is allocated (the finalization in `collect` has
            // cleared every unreachable ephemeron already: this is a check of an empty
            // `Option` then).
            for eph in weak.iter() {
                // SAFETY: The caller must ensure the validity of every node; none is
                // deallocated in this loop.
                let eph_ref = unsafe { eph.as_ref() };
                if !eph_ref.header().is_marked() {
                    eph_ref.finalize_and_clear();
                }
            }
        }

        let _guard = DropGuard::new(GcState::Deallocating);

        // The blocks listed above are no longer nodes.
        strong.truncate(old_len + deferred);
        for node in strong.drain(old_len + kept..) {
            // SAFETY: The caller must ensure the validity of every node; its value was
            // dropped above, its header and vtable reference are still there (it was not
            // listed).
            let vtable = unsafe { node.as_ref() }.vtable;
            let layout = vtable.layout();
            let class = vtable.size_class();

            // PATCH: the block is kept for a later node of the same layout when there is
            // room ([`FreeLists`]); the list of the common layouts is the vtable's constant
            // `size_class`, the others are searched (`give`).
            // SAFETY: as above; no value is dropped any more, so nothing decrements the
            // header of a block now.
            if class < SIZE_CLASSES {
                if unsafe { free.give_to_class(node.cast(), class, layout.size()) } {
                    continue;
                }
            } else if unsafe { free.give(node.cast(), layout) } {
                continue;
            }
            let dealloc_fn = vtable.dealloc_fn();

            // SAFETY: The function pointer is appropriate for this node type because we
            // extract it from its VTable; its value was dropped by the loop above (no node
            // was marked since) and the caller ensures it was allocated by
            // `Box::into_raw(Box::new(..))`.
            unsafe {
                dealloc_fn(node);
            }
        }
        *total_allocated -= freed;

        weak.retain(|eph| {
            // SAFETY: The caller must ensure the validity of every node of `heap_start`.
            let eph_ref = unsafe { eph.as_ref() };
            let header = eph_ref.header();
            if header.is_marked() {
                header.unmark();
                header.reset_non_root_count();

                true
            } else {
                // SAFETY: The algorithm ensures only unmarked/unreachable pointers are dropped.
                // The caller must ensure all pointers were allocated by `Box::into_raw(Box::new(..))`.
                let unmarked_eph = unsafe { Box::from_raw(eph.as_ptr()) };
                let unallocated_bytes = size_of_val(&*unmarked_eph);
                *total_allocated -= unallocated_bytes;

                false
            }
        });
    }

    // Clean up the heap when BoaGc is dropped
    fn dump(gc: &mut BoaGc) {
        // Weak maps have to be dropped first, since the process dereferences GcBoxes.
        // This can be done without initializing a dropguard since no GcBox's are being dropped.
        for node in mem::take(&mut gc.weak_maps) {
            // SAFETY:
            // The `Allocator` must always ensure its start node is a valid, non-null pointer that
            // was allocated by `Box::from_raw(Box::new(..))`.
            let _unmarked_node = unsafe { Box::from_raw(node.as_ptr()) };
        }

        // PATCH: every value is dropped before any node is deallocated (upstream dropped the
        // nodes one by one, and a handle dropped with one did not touch the node it pointed
        // to, which may have been freed already): a dropped handle decrements the count of
        // a node that is still allocated, as in `Collector::sweep`.
        {
            let _guard = DropGuard::new(GcState::DroppingValues);
            for node in &gc.strongs {
                // SAFETY: The `Allocator` must always ensure its nodes are valid, non-null
                // pointers allocated by `Box::from_raw(Box::new(..))`; none is deallocated in
                // this loop, and each value is dropped once.
                let drop_value_fn = unsafe { node.as_ref() }.drop_value_fn();

                // SAFETY: The function pointer is appropriate for this node type because we
                // extract it from its VTable; the value is not used again (the loop below only
                // deallocates the node).
                unsafe {
                    drop_value_fn(*node);
                }
            }
            for eph in &gc.weaks {
                // SAFETY: as above; the ephemeron's key and value are dropped here, its box
                // deallocated below.
                unsafe { eph.as_ref() }.finalize_and_clear();
            }
        }

        let _guard = DropGuard::new(GcState::Deallocating);

        for node in mem::take(&mut gc.strongs) {
            // SAFETY: as above.
            let dealloc_fn = unsafe { node.as_ref() }.dealloc_fn();

            // SAFETY: The function pointer is appropriate for this node type because we
            // extract it from its VTable; its value was dropped above.
            unsafe {
                dealloc_fn(node);
            }
        }

        for node in mem::take(&mut gc.weaks) {
            // SAFETY:
            // The `Allocator` must always ensure its start node is a valid, non-null pointer that
            // was allocated by `Box::from_raw(Box::new(..))`. Its data was cleared above.
            let _unmarked_node = unsafe { Box::from_raw(node.as_ptr()) };
        }
    }
}

/// PATCH: shrinks `nodes` to twice its length when under a quarter of its capacity is used
/// (upstream shrank every vector to its length after every collection, so that the next
/// allocations grew it again, reallocation by reallocation).
fn shrink_if_sparse<T>(nodes: &mut Vec<T>) {
    if nodes.len() < nodes.capacity() / 4 {
        nodes.shrink_to(nodes.len() * 2);
    }
}

/// Forcefully runs a garbage collection of all inaccessible nodes.
pub fn force_collect() {
    // PATCH: as `BOA_GC`'s first access registered its destructor, before this patch.
    HeapDump::register();
    BOA_GC.with(|current| {
        let mut gc = current.borrow_mut();

        if gc.runtime.bytes_allocated > 0 {
            Collector::collect(&mut gc, true);
        }
        // PATCH: no block kept for reuse survives a forced collection (the host forces one
        // before it judges the heap full: the kept blocks must not count).
        gc.free.release_all();
    });
}

#[cfg(test)]
mod test;

/// Returns `true` is any weak maps are currently allocated.
#[cfg(test)]
#[must_use]
pub fn has_weak_maps() -> bool {
    BOA_GC.with(|current| {
        let gc = current.borrow();

        !gc.weak_maps.is_empty()
    })
}
