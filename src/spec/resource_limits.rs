//! The implementation's limits (issue 21): ECMA-262 leaves the size of Strings, BigInts and
//! argument lists, and how long or how large a computation may grow, to the implementation
//! (it only says what a String or a List *is*). These are ours, in one place, each checked
//! by one function:
//!
//! | limit | value | exceeded |
//! |---|---|---|
//! | String length | [`MAX_STRING_LENGTH`] = 2³⁰ − 25 code units (as SpiderMonkey, V8 on 64-bit hosts is 2²⁹ − 24) | RangeError "Invalid string length" (`string_type::check_string_length`) |
//! | argument list / CreateListFromArrayLike | [`MAX_ARGUMENTS`] = 2²⁰ values | RangeError "too many arguments" ([`check_argument_count`]) |
//! | BigInt size | [`MAX_BIGINT_BITS`] = 2²⁰ bits (as SpiderMonkey) | RangeError "Maximum BigInt size exceeded" (`bigint_type::JsBigInt::checked`) |
//! | host time limit | `Engine::set_time_limit` (`run --time-limit`) | RangeError, then again at every check ([`Termination::TimeLimit`]) |
//! | host heap limit | `Engine::set_heap_limit` (`run --heap-limit`) | RangeError, then again at every check ([`Termination::HeapLimit`]) |
//!
//! **The host limits** are checked by [`Agent::check_limits`] at every [[Call]] and
//! [[Construct]] (through `check_stack`), every loop iteration, before every job, and in
//! the loops of built-ins that run as long as a program asks (over an array-like's length,
//! a RegExp's backtracking): a decrement and a branch, with the clock and the heap counter
//! read every [`LIMITS_CHECK_INTERVAL`]th time. Once a limit is hit the agent is
//! *terminated*: every later check throws again, so a `catch` or `finally` cannot keep the
//! program going, and the host reads [`Agent::termination`] to report it.
//!
//! **The heap** is what the process's global allocator has handed out, counted per thread
//! by [`CountingAllocator`] (an agent lives on one thread, and so does everything it
//! allocates); a host that wants a heap limit installs it as its `#[global_allocator]`
//! (the `compartments` binary does). The limit counts the growth of the thread's heap since
//! the limit was set: objects, environments, strings, the syntax tree of code parsed since.
//! It does not count coroutine stacks (mapped directly: about 8 KiB for each suspended
//! generator or async function) or memory freed by other threads. Before a run is ended
//! for its heap, a full collection runs, so garbage not yet collected does not count. A
//! single request for more than the limit (a String, an argument list, a Map's table) is
//! refused before it is made, with [`Agent::reserve`], which also turns a failed
//! allocation into a RangeError instead of an abort.

use super::agents::Agent;
use super::completion_record::JsResult;
use super::value::Value;
use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The longest String: 2³⁰ − 25 code units (2 GiB of UTF-16), the limit
/// `String.prototype.repeat` and `padStart` had before the others.
pub const MAX_STRING_LENGTH: usize = (1 << 30) - 25;

/// The most values an argument list (and CreateListFromArrayLike) may hold: 2²⁰
/// (SpiderMonkey allows 500,000 arguments, V8 about as many as fit its stack).
pub const MAX_ARGUMENTS: usize = 1 << 20;

/// The most bits a BigInt's magnitude may have: 2²⁰ (SpiderMonkey's limit; V8's is 2³⁰).
/// Every operation on BigInts this size (multiplication, division, conversion to a
/// decimal String) finishes in well under a second, so no single BigInt operation can
/// outlast the host's time limit by much.
pub const MAX_BIGINT_BITS: u64 = 1 << 20;

/// How many [`Agent::check_limits`] calls pass between two readings of the clock and the
/// heap counter.
pub const LIMITS_CHECK_INTERVAL: u32 = 1024;

/// Why the host's limits ended the agent's work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Termination {
    /// The time limit ran out.
    TimeLimit,
    /// The heap grew past the limit (after a full collection).
    HeapLimit,
    /// The host could not write the program's output (a closed pipe, a full disk): there
    /// is no point in going on.
    OutputFailed(std::io::ErrorKind),
}

impl Termination {
    /// The message of the RangeError each check throws.
    pub fn message(self) -> &'static str {
        match self {
            Termination::TimeLimit => "the host's time limit was exceeded",
            Termination::HeapLimit => "the host's heap limit was exceeded",
            Termination::OutputFailed(_) => "the host can no longer write output",
        }
    }
}

/// The host limits an agent runs under (all off by default).
#[derive(Debug, Default)]
pub struct HostLimits {
    /// When the time limit runs out.
    pub deadline: Option<std::time::Instant>,
    /// The most bytes the thread's heap may grow by past `heap_baseline`.
    pub heap_limit: Option<usize>,
    /// The thread's heap ([`heap_in_use`]) when the heap limit was set.
    pub heap_baseline: isize,
    /// Checks left before the next reading of the clock and the heap counter.
    pub countdown: u32,
    /// Set once a limit is hit: from then on every check throws.
    pub termination: Option<Termination>,
}

impl HostLimits {
    /// Whether `bytes` more would take the heap past the limit.
    pub fn heap_would_exceed(&self, bytes: usize) -> bool {
        heap_would_exceed(self.heap_limit, self.heap_baseline, bytes)
    }

    /// [`HostLimits::heap_would_exceed`] once garbage is collected (only when it would).
    fn heap_would_exceed_collecting(&self, bytes: usize) -> bool {
        heap_would_exceed_collecting(self.heap_limit, self.heap_baseline, bytes)
    }
}

/// Whether `bytes` more would take the heap past `limit` even after a collection: garbage
/// not yet collected does not count, and the collector runs only when the heap looks full.
fn heap_would_exceed_collecting(limit: Option<usize>, baseline: isize, bytes: usize) -> bool {
    if !heap_would_exceed(limit, baseline, bytes) {
        return false;
    }
    boa_gc::force_collect();
    heap_would_exceed(limit, baseline, bytes)
}

fn heap_would_exceed(limit: Option<usize>, baseline: isize, bytes: usize) -> bool {
    match limit {
        Some(limit) => {
            let grown = heap_in_use().saturating_sub(baseline).max(0) as usize;
            grown.saturating_add(bytes) > limit
        }
        None => false,
    }
}

/// The host limits of the agent running on this thread, for long loops in Rust that have
/// no agent at hand (a String being built, a RegExp match): see [`host_limit_exceeded`].
/// The agent keeps them in step with its own (`Agent::set_time_limit`,
/// `Agent::set_heap_limit`; a new agent clears them, as does one going away). With several
/// agents alive on one thread, the last one to set its limits sets these.
#[derive(Clone, Copy)]
struct ThreadLimits {
    deadline: Option<std::time::Instant>,
    heap_limit: Option<usize>,
    heap_baseline: isize,
}

thread_local! {
    static THREAD_LIMITS: Cell<ThreadLimits> = const {
        Cell::new(ThreadLimits { deadline: None, heap_limit: None, heap_baseline: 0 })
    };
}

/// Which host limit of the running agent has run out, if one has: reads the clock and the
/// heap counter. For loops in Rust that can run long without calling back into
/// JavaScript (and so without [`Agent::check_limits`]); they stop with the
/// [`Termination`], which the agent then records ([`Agent::terminate`]).
pub fn host_limit_exceeded() -> Option<Termination> {
    let limits = THREAD_LIMITS.with(Cell::get);
    if let Some(deadline) = limits.deadline {
        if std::time::Instant::now() >= deadline {
            return Some(Termination::TimeLimit);
        }
    }
    if heap_would_exceed(limits.heap_limit, limits.heap_baseline, 0) {
        return Some(Termination::HeapLimit);
    }
    None
}

/// Whether `bytes` more would take the running agent's heap past the host's limit, after
/// collecting garbage if need be: for code with no agent at hand that is about to ask for a
/// block whose size the program controls (a String's buffer).
pub fn host_heap_would_exceed(bytes: usize) -> bool {
    let limits = THREAD_LIMITS.with(Cell::get);
    heap_would_exceed_collecting(limits.heap_limit, limits.heap_baseline, bytes)
}

impl Agent {
    /// Throws a RangeError once a host limit ([`HostLimits`]) is exceeded, and again on
    /// every later call; reads the clock and the heap counter only every
    /// [`LIMITS_CHECK_INTERVAL`]th call. [`Agent::check_stack`] calls it (so every [[Call]]
    /// and [[Construct]] does), every loop iteration does, the job loop before each job,
    /// and built-ins in their loops over program-controlled counts.
    #[inline]
    pub fn check_limits(&mut self) -> JsResult<()> {
        if self.limits.countdown > 0 {
            self.limits.countdown -= 1;
            return Ok(());
        }
        self.check_limits_now()
    }

    /// The part of [`Agent::check_limits`] that reads the clock and the heap.
    #[cold]
    #[inline(never)]
    pub fn check_limits_now(&mut self) -> JsResult<()> {
        if let Some(termination) = self.limits.termination {
            return Err(self.range_error(termination.message()));
        }
        self.limits.countdown =
            if self.limits.deadline.is_none() && self.limits.heap_limit.is_none() {
                // Nothing to check: come back rarely.
                u32::MAX
            } else {
                LIMITS_CHECK_INTERVAL
            };
        if let Some(deadline) = self.limits.deadline {
            if std::time::Instant::now() >= deadline {
                return Err(self.terminate(Termination::TimeLimit));
            }
        }
        if self.limits.heap_would_exceed_collecting(0) {
            return Err(self.terminate(Termination::HeapLimit));
        }
        Ok(())
    }

    /// Ends the agent's work for `why`: this and every later check throws. Gives the first
    /// RangeError to throw.
    pub fn terminate(&mut self, why: Termination) -> Value {
        if self.limits.termination.is_none() {
            self.limits.termination = Some(why);
        }
        self.limits.countdown = 0;
        let message = self.limits.termination.unwrap_or(why).message();
        self.range_error(message)
    }

    /// Why the host's limits ended the agent's work, if they did.
    pub fn termination(&self) -> Option<Termination> {
        self.limits.termination
    }

    /// Limits the agent's work to end at `deadline` (`None`: no time limit).
    pub fn set_time_limit(&mut self, deadline: Option<std::time::Instant>) {
        self.limits.deadline = deadline;
        if self.limits.termination == Some(Termination::TimeLimit) {
            self.limits.termination = None;
        }
        self.limits_changed();
    }

    /// Limits how many bytes this thread's heap may grow by from now on (`None`: no
    /// limit).
    pub fn set_heap_limit(&mut self, bytes: Option<usize>) {
        self.limits.heap_limit = bytes;
        self.limits.heap_baseline = heap_in_use();
        if self.limits.termination == Some(Termination::HeapLimit) {
            self.limits.termination = None;
        }
        self.limits_changed();
    }

    /// The next check reads the clock and the heap; the thread's copy of the limits
    /// follows the agent's.
    fn limits_changed(&mut self) {
        self.limits.countdown = 0;
        let limits = ThreadLimits {
            deadline: self.limits.deadline,
            heap_limit: self.limits.heap_limit,
            heap_baseline: self.limits.heap_baseline,
        };
        THREAD_LIMITS.with(|cell| cell.set(limits));
    }

    /// Clears the thread's copy of the limits (a new agent has none; one going away leaves
    /// none behind).
    pub fn clear_thread_limits() {
        THREAD_LIMITS.with(|cell| {
            cell.set(ThreadLimits {
                deadline: None,
                heap_limit: None,
                heap_baseline: 0,
            })
        });
    }

    /// Makes room in `list` for `additional` more elements of a size the program chose:
    /// past the heap limit that ends the run ([`Termination::HeapLimit`]); an allocation
    /// the system refuses is a RangeError instead of an abort.
    pub fn reserve<T>(&mut self, list: &mut Vec<T>, additional: usize) -> JsResult<()> {
        if list.capacity() - list.len() >= additional {
            return Ok(());
        }
        let bytes = additional
            .saturating_add(list.len())
            .saturating_mul(std::mem::size_of::<T>().max(1));
        self.check_heap_for(bytes)?;
        list.try_reserve(additional)
            .map_err(|_| self.range_error("out of memory"))
    }

    /// Ends the run when `bytes` more would take the heap past the host's limit.
    pub fn check_heap_for(&mut self, bytes: usize) -> JsResult<()> {
        if let Some(termination) = self.limits.termination {
            return Err(self.range_error(termination.message()));
        }
        if self.limits.heap_would_exceed_collecting(bytes) {
            return Err(self.terminate(Termination::HeapLimit));
        }
        Ok(())
    }
}

/// Throws a RangeError when an argument list (or a List made by CreateListFromArrayLike)
/// would hold more than [`MAX_ARGUMENTS`] values.
pub fn check_argument_count(agent: &mut Agent, count: u64) -> JsResult<()> {
    if count > MAX_ARGUMENTS as u64 {
        return Err(agent.range_error(&format!(
            "too many arguments: {count} (at most {MAX_ARGUMENTS})"
        )));
    }
    Ok(())
}

thread_local! {
    /// Bytes the global allocator handed out to this thread minus those this thread gave
    /// back (negative when it frees what others allocated).
    static HEAP_IN_USE: Cell<isize> = const { Cell::new(0) };
}

/// The bytes this thread has allocated and not freed, as [`CountingAllocator`] counts them
/// (0 when it is not the global allocator).
pub fn heap_in_use() -> isize {
    HEAP_IN_USE.with(Cell::get)
}

/// Whether the process counts its heap ([`CountingAllocator`] is installed), without which
/// a heap limit cannot be kept.
pub fn heap_is_counted() -> bool {
    let before = heap_in_use();
    let probe = std::hint::black_box(Box::new(0u64));
    let counted = heap_in_use() != before;
    drop(probe);
    counted
}

#[inline(always)]
fn count(delta: isize) {
    HEAP_IN_USE.with(|c| c.set(c.get().wrapping_add(delta)));
}

/// mimalloc for blocks under [`LARGE_BLOCK`] and the system allocator for larger ones,
/// counting each thread's allocations for the heap limit. A host installs it with
/// `#[global_allocator] static A: CountingAllocator = CountingAllocator;`.
pub struct CountingAllocator;

/// The size from which a block comes from the system allocator (glibc), which maps such
/// blocks on their own, returns them to the OS when freed and grows them in place
/// (`mremap`) when reallocated. mimalloc copies a growing large block into a new one, so a
/// program's largest vectors briefly existed twice: the 50 MB parse of issue 21 peaked at
/// 2.2 GB instead of 1.75 GB.
const LARGE_BLOCK: usize = 1 << 20;

/// The alignment every `mi_malloc` block of at least this size has (mimalloc's
/// MI_MAX_ALIGN_SIZE on 64-bit targets); a smaller block is aligned to its size rounded up
/// to a power of two.
const MIMALLOC_GUARANTEED_ALIGN: usize = 16;

/// Whether a block of `layout` from the unaligned calls (`mi_malloc`, `mi_zalloc`,
/// `mi_realloc`) is aligned enough: the alignment is at most the guaranteed one and at most
/// the size (Rust sizes are multiples of their alignment, so this is almost every request).
/// The `_aligned` calls take a slower path for blocks over 1 KiB.
fn unaligned_call_suffices(align: usize, size: usize) -> bool {
    align <= MIMALLOC_GUARANTEED_ALIGN && align <= size
}

// SAFETY: GlobalAlloc is an unsafe trait (an allocator must hand out valid, unaliased
// memory). libmimalloc-sys's functions are `extern "C"`, hence the unsafe calls. Which
// allocator owns a block follows from its size alone (`LARGE_BLOCK`), which every call
// receives in its layout, so a block is always freed or resized by the allocator that made
// it; a resize across the boundary allocates in the other one, copies the smaller size and
// frees the old block. Each request is passed on with the size and, where the unaligned
// mimalloc call would not guarantee it, the alignment of its layout, and the result is
// returned unchanged. The bookkeeping touches a const-initialised thread-local Cell, which
// never allocates or unwinds.
unsafe impl GlobalAlloc for CountingAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        if size < LARGE_BLOCK && unaligned_call_suffices(align, size) {
            // (The common request: counted first, so that `mi_malloc` is a tail call.
            // mimalloc returns null for such a block only when the system refuses it
            // memory; its size then stays counted, which can only make a heap limit
            // stricter.)
            count(size as isize);
            // SAFETY: see the impl; mimalloc accepts any size.
            return unsafe { mi::mi_malloc(size).cast() };
        }
        // SAFETY: as above; the other requests.
        unsafe { self.alloc_other(layout, false) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        if size < LARGE_BLOCK && unaligned_call_suffices(align, size) {
            // (Counted first, as in `alloc`.)
            count(size as isize);
            // SAFETY: see the impl; mimalloc accepts any size.
            return unsafe { mi::mi_zalloc(size).cast() };
        }
        // SAFETY: as above; the other requests.
        unsafe { self.alloc_other(layout, true) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // Counted first, so that the free is a tail call.
        count(-(layout.size() as isize));
        // SAFETY: `ptr` was allocated by this allocator with `layout`, so by the allocator
        // its size selects.
        unsafe {
            if layout.size() >= LARGE_BLOCK {
                System.dealloc(ptr, layout)
            } else {
                mi::mi_free(ptr.cast())
            }
        };
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let (old_size, align) = (layout.size(), layout.align());
        let (old_large, new_large) = (old_size >= LARGE_BLOCK, new_size >= LARGE_BLOCK);
        let p: *mut u8 = if old_large && new_large {
            // SAFETY: `ptr` is a system block of `layout` (see `dealloc`).
            unsafe { System.realloc(ptr, layout, new_size) }
        } else if !old_large && !new_large {
            // SAFETY: `ptr` is a mimalloc block; the new block keeps the alignment, as
            // GlobalAlloc::realloc requires.
            unsafe {
                if unaligned_call_suffices(align, new_size) {
                    mi::mi_realloc(ptr.cast(), new_size).cast()
                } else {
                    mi::mi_realloc_aligned(ptr.cast(), new_size, align).cast()
                }
            }
        } else {
            // Across the boundary: a new block from the other allocator, the contents
            // copied, the old block freed (each through this allocator, so counted).
            // SAFETY: the caller guarantees `new_size` with `align` is a valid layout.
            let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, align) };
            // SAFETY: as `alloc`; the copy stays within both blocks, which do not overlap.
            unsafe {
                let new = self.alloc(new_layout);
                if !new.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new, old_size.min(new_size));
                    self.dealloc(ptr, layout);
                }
                return new;
            }
        };
        if !p.is_null() {
            count(new_size as isize - old_size as isize);
        }
        p
    }
}

impl CountingAllocator {
    /// [`GlobalAlloc::alloc`] (`zeroed`: `alloc_zeroed`) of a large block (the system
    /// allocator's) or of one whose alignment the unaligned mimalloc calls would not
    /// guarantee: counted once it is allocated.
    #[cold]
    #[inline(never)]
    unsafe fn alloc_other(&self, layout: Layout, zeroed: bool) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        // SAFETY: see the GlobalAlloc impl; both allocators accept any size and
        // power-of-two alignment.
        let p: *mut u8 = unsafe {
            match (size >= LARGE_BLOCK, zeroed) {
                (true, false) => System.alloc(layout),
                (true, true) => System.alloc_zeroed(layout),
                (false, false) if unaligned_call_suffices(align, size) => {
                    mi::mi_malloc(size).cast()
                }
                (false, true) if unaligned_call_suffices(align, size) => mi::mi_zalloc(size).cast(),
                (false, false) => mi::mi_malloc_aligned(size, align).cast(),
                (false, true) => mi::mi_zalloc_aligned(size, align).cast(),
            }
        };
        if !p.is_null() {
            count(size as isize);
        }
        p
    }
}
