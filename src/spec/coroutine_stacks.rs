//! Native stacks for suspended execution contexts (see `execution_context_suspension.rs`).
//!
//! Each generator or async body that has started runs on a stack of its own. A stack per
//! mapping (corosensei's `DefaultStack`) would put one memory map per live generator and
//! run into the kernel's `vm.max_map_count` (65,530) at about 32,000 of them, so stacks are
//! carved from large reservations instead: [`STACKS_PER_RESERVATION`] stacks per `mmap`,
//! reserved without committing memory (`MAP_NORESERVE`), so only the pages a body actually
//! touches cost memory. Finished stacks go back to a per-thread free list; their pages
//! beyond the first [`HOT_BYTES`] are handed back to the kernel (`MADV_DONTNEED`) so one
//! deep recursion does not pin memory forever.
//!
//! There are no guard pages between the stacks (a guard page per stack would split the
//! reservation into two maps per stack, back over the map limit). Overflow is prevented
//! instead by [`Agent::check_stack`](crate::spec::agents::Agent::check_stack), which every
//! call, construct and nesting point consults against the running stack's limit (see
//! `execution_context_suspension.rs`), and by parsing on a stack of its own (`Agent::on_parser_stack`).

use std::cell::RefCell;
use std::num::NonZeroUsize;

/// Size of each stack: about 8,000 nested JavaScript calls inside a generator or async
/// function (a call takes about 4 KiB of native stack in a release build).
pub const STACK_SIZE: usize = 32 * 1024 * 1024;

/// Stacks per reservation (1 GiB of address space per `mmap`).
const STACKS_PER_RESERVATION: usize = 32;

/// Bytes at the top of a recycled stack whose pages are kept (the common shallow case).
const HOT_BYTES: usize = 64 * 1024;

thread_local! {
    /// Lowest addresses of the stacks that are free for reuse on this thread.
    static FREE_STACKS: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// A stack from the pool; it returns to the pool when dropped.
pub struct PooledStack {
    /// The lowest address of the stack (its limit; stacks grow down).
    bottom: usize,
}

impl PooledStack {
    /// A free stack, reserving a new batch of them when none is left. Fails (with the
    /// reason) only when the address space cannot be reserved.
    pub fn take() -> Result<PooledStack, String> {
        if let Some(bottom) = FREE_STACKS.with(|free| free.borrow_mut().pop()) {
            return Ok(PooledStack { bottom });
        }
        let bytes = STACK_SIZE * STACKS_PER_RESERVATION;
        // SAFETY: an anonymous private mapping at an address of the kernel's choosing
        // touches no existing memory; the result is checked before use.
        let start = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                bytes,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if start == libc::MAP_FAILED {
            return Err(format!(
                "could not reserve {} MiB for generator stacks: {}",
                bytes >> 20,
                std::io::Error::last_os_error()
            ));
        }
        let start = start as usize;
        FREE_STACKS.with(|free| {
            let mut free = free.borrow_mut();
            // Hand out the lowest stack first so that reuse stays in one region.
            free.extend(
                (1..STACKS_PER_RESERVATION)
                    .rev()
                    .map(|i| start + i * STACK_SIZE),
            );
        });
        Ok(PooledStack { bottom: start })
    }

    /// The lowest usable address: code running on this stack must stay above it.
    pub fn limit_address(&self) -> usize {
        self.bottom
    }
}

impl Drop for PooledStack {
    fn drop(&mut self) {
        // SAFETY: the range lies inside a reservation this pool made and never unmaps;
        // no coroutine runs on the stack any more (corosensei drops the stack only after
        // the coroutine finished or was unwound). MADV_DONTNEED on a private anonymous
        // mapping only replaces the pages with zero pages.
        unsafe {
            libc::madvise(
                self.bottom as *mut libc::c_void,
                STACK_SIZE - HOT_BYTES,
                libc::MADV_DONTNEED,
            );
        }
        let bottom = self.bottom;
        // The thread-local free list is gone only while the thread itself is exiting; the
        // stack's address space is then simply not reused.
        let _ = FREE_STACKS.try_with(|free| free.borrow_mut().push(bottom));
    }
}

// SAFETY: `base` and `limit` bound a region of STACK_SIZE bytes that is mapped read-write
// for as long as the process lives (reservations are never unmapped) and that belongs to
// this PooledStack alone until it is dropped; both are 16-byte aligned (page-aligned).
unsafe impl corosensei::stack::Stack for PooledStack {
    fn base(&self) -> corosensei::stack::StackPointer {
        NonZeroUsize::new(self.bottom + STACK_SIZE).expect("a mapped address is not zero")
    }

    fn limit(&self) -> corosensei::stack::StackPointer {
        NonZeroUsize::new(self.bottom).expect("a mapped address is not zero")
    }
}
