// pest. The Elegant Parser
// Copyright (c) 2018 Dragoș Tiselice
//
// Licensed under the Apache License, Version 2.0
// <LICENSE-APACHE or http://www.apache.org/licenses/LICENSE-2.0> or the MIT
// license <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. All files in the project carrying such notice may not be copied,
// modified, or distributed except according to those terms.

use alloc::vec;
use alloc::vec::Vec;
use core::ops::{Index, Range};

/// Implementation of a `Stack` which maintains popped elements and length of previous states
/// in order to rewind the stack to a previous state.
#[derive(Debug)]
pub struct Stack<T: Clone> {
    /// All elements in the stack.
    cache: Vec<T>,
    /// All elements that are in previous snapshots but may not be in the next state.
    /// They will be pushed back to `cache` if the snapshot is restored,
    /// otherwise be dropped if the snapshot is cleared.
    ///
    /// Those elements from a sequence of snapshots are stacked in one [`Vec`], and
    /// `popped.len() == lengths.iter().map(|(len, remained)| len - remained).sum()`
    popped: Vec<T>,
    /// Every element corresponds to a snapshot, and each element has two fields:
    /// - Length of `cache` when corresponding snapshot is taken (AKA `len`).
    /// - Count of elements that come from corresponding snapshot
    ///   and are still in next snapshot or current state (AKA `remained`).
    ///
    /// And `len` is never less than `remained`.
    ///
    /// On restoring, the `cache` can be divided into two parts:
    /// - `0..remained` are untouched since the snapshot is taken.
    ///
    ///   There's nothing to do with those elements. Just let them stay where they are.
    ///
    /// - `remained..cache.len()` are pushed after the snapshot is taken.
    lengths: Vec<(usize, usize)>,
    /// Patched (compartments, docs/pest-patch.md): snapshots taken since the stack last
    /// changed, on top of those in `lengths`, not yet written there. Each would be
    /// `(cache.len(), cache.len())` (nothing was pushed or popped since any of them was
    /// taken), and clearing or restoring such a snapshot changes nothing but removes it, so
    /// most snapshots (a parser takes one per sequence and lookahead, and rarely pushes or
    /// pops) are a count. `push` and `pop` write them into `lengths` first.
    pending: usize,
}

impl<T: Clone> Default for Stack<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Clone> Stack<T> {
    /// Creates a new `Stack`.
    pub fn new() -> Self {
        Stack {
            cache: vec![],
            popped: vec![],
            lengths: vec![],
            pending: 0,
        }
    }

    /// An empty stack with room for `capacity` nested snapshots (patched: compartments).
    pub fn with_snapshot_capacity(capacity: usize) -> Self {
        Stack {
            cache: vec![],
            popped: vec![],
            lengths: Vec::with_capacity(capacity),
            pending: 0,
        }
    }

    /// Returns `true` if the stack is currently empty.
    #[allow(dead_code)]
    pub fn is_empty(&self) -> bool {
        self.cache.is_empty()
    }

    /// Returns the top-most `&T` in the `Stack`.
    pub fn peek(&self) -> Option<&T> {
        self.cache.last()
    }

    /// Pushes a `T` onto the `Stack`.
    pub fn push(&mut self, elem: T) {
        self.write_pending();
        self.cache.push(elem);
    }

    /// Pops the top-most `T` from the `Stack`.
    pub fn pop(&mut self) -> Option<T> {
        self.write_pending();
        let len = self.cache.len();
        let popped = self.cache.pop();
        if let Some(popped) = &popped
            && let Some((_, remained_count)) = self.lengths.last_mut()
        {
            // `len >= *unpopped_count`
            if len == *remained_count {
                *remained_count -= 1;
                self.popped.push(popped.clone());
            }
        }
        popped
    }

    /// Returns the size of the stack
    pub fn len(&self) -> usize {
        self.cache.len()
    }

    /// Takes a snapshot of the current `Stack`.
    #[inline]
    pub fn snapshot(&mut self) {
        self.pending += 1;
    }

    /// Writes the pending snapshots into `lengths` (before the stack changes).
    #[inline]
    fn write_pending(&mut self) {
        if self.pending > 0 {
            self.write_pending_snapshots();
        }
    }

    #[cold]
    #[inline(never)]
    fn write_pending_snapshots(&mut self) {
        let len = self.cache.len();
        self.lengths
            .extend(core::iter::repeat_n((len, len), self.pending));
        self.pending = 0;
    }

    /// The parsing after the last snapshot was successful so clearing it.
    #[inline]
    pub fn clear_snapshot(&mut self) {
        if self.pending > 0 {
            self.pending -= 1;
            return;
        }
        // Patched (compartments, docs/pest-patch.md): nothing was popped since the snapshot
        // (the common case), so the parent's count and `popped` stay as they are — what the
        // general case below computes then (`parent_popped` is 0: the parent's remaining
        // count is at most this snapshot's length), without its out-of-line work.
        match self.lengths.pop() {
            Some((len, remained)) if len == remained => {}
            Some((len, remained)) => self.clear_popped_snapshot(len, remained),
            None => {}
        }
    }

    #[cold]
    #[inline(never)]
    fn clear_popped_snapshot(&mut self, len: usize, remained: usize) {
        {
            let popped_count = len - remained;
            if let Some((_, parent_remained)) = self.lengths.last_mut() {
                let merged_remained = (*parent_remained).min(remained);
                let parent_popped = *parent_remained - merged_remained;
                *parent_remained = merged_remained;

                let popped_start = self.popped.len() - popped_count;
                drop(
                    self.popped
                        .drain(popped_start..popped_start + popped_count - parent_popped),
                );
            } else {
                self.popped.truncate(self.popped.len() - popped_count);
            }
        }
    }

    /// Rewinds the `Stack` to the most recent `snapshot()`. If no `snapshot()` has been taken, this
    /// function return the stack to its initial state.
    // Patched (compartments, docs/pest-patch.md): inlined, with the rare rewinding of popped
    // elements out of line.
    #[inline(always)]
    pub fn restore(&mut self) {
        if self.pending > 0 {
            self.pending -= 1;
            return;
        }
        match self.lengths.pop() {
            Some((len_stack, remained)) => {
                if remained < self.cache.len() {
                    // Remove those elements that are pushed after the snapshot.
                    self.cache.truncate(remained);
                }
                if len_stack > remained {
                    self.rewind(len_stack - remained);
                }
            }
            None => {
                self.cache.clear();
                // As `self.popped` and `self.lengths` should already be empty,
                // there is no need to clear it.
                debug_assert!(self.popped.is_empty());
                debug_assert!(self.lengths.is_empty());
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn rewind(&mut self, rewind_count: usize) {
        let new_len = self.popped.len() - rewind_count;
        let recovered_elements = self.popped.drain(new_len..);
        self.cache.extend(recovered_elements.rev());
        debug_assert_eq!(self.popped.len(), new_len);
    }
}

impl<T: Clone> Index<Range<usize>> for Stack<T> {
    type Output = [T];

    fn index(&self, range: Range<usize>) -> &[T] {
        self.cache.index(range)
    }
}

#[cfg(test)]
mod test {
    use super::Stack;

    // Patched (compartments): snapshots pending when the stack changes are restored as
    // the ones they stand for.
    #[test]
    fn pending_snapshots_written_before_push_and_pop() {
        let mut stack = Stack::new();
        stack.push(0);
        stack.snapshot(); // a
        stack.snapshot(); // b
        stack.push(1);
        stack.snapshot(); // c
        stack.clear_snapshot(); // c
        stack.restore(); // b: 1 goes
        assert_eq!(stack[0..stack.len()], [0]);
        stack.snapshot(); // d
        stack.pop();
        stack.clear_snapshot(); // d
        assert!(stack.is_empty());
        stack.restore(); // a: 0 comes back
        assert_eq!(stack[0..stack.len()], [0]);
        stack.restore(); // none left: the initial state
        assert!(stack.is_empty());
    }

    #[test]
    fn snapshot_with_empty() {
        let mut stack = Stack::new();

        stack.snapshot();
        // []
        assert!(stack.is_empty());
        // [0]
        stack.push(0);
        stack.restore();
        assert!(stack.is_empty());
    }

    #[test]
    fn snapshot_twice() {
        let mut stack = Stack::new();

        stack.push(0);

        stack.snapshot();
        stack.snapshot();
        stack.restore();
        stack.restore();

        assert_eq!(stack[0..stack.len()], [0]);
    }
    #[test]
    fn restore_without_snapshot() {
        let mut stack = Stack::new();

        stack.push(0);
        stack.restore();

        assert_eq!(stack[0..stack.len()], [0; 0]);
    }

    #[test]
    fn snapshot_pop_restore() {
        let mut stack = Stack::new();

        stack.push(0);
        stack.snapshot();
        stack.pop();
        stack.restore();

        assert_eq!(stack[0..stack.len()], [0]);
    }

    #[test]
    fn snapshot_pop_push_restore() {
        let mut stack = Stack::new();

        stack.push(0);
        stack.snapshot();
        stack.pop();
        stack.push(1);
        stack.restore();

        assert_eq!(stack[0..stack.len()], [0]);
    }

    #[test]
    fn snapshot_push_pop_restore() {
        let mut stack = Stack::new();

        stack.push(0);
        stack.snapshot();
        stack.push(1);
        stack.push(2);
        stack.pop();
        stack.restore();

        assert_eq!(stack[0..stack.len()], [0]);
    }

    #[test]
    fn snapshot_push_clear() {
        let mut stack = Stack::new();

        stack.push(0);
        stack.snapshot();
        stack.push(1);
        stack.clear_snapshot();

        assert_eq!(stack[0..stack.len()], [0, 1]);
    }

    #[test]
    fn snapshot_pop_clear() {
        let mut stack = Stack::new();

        stack.push(0);
        stack.push(1);
        stack.snapshot();
        stack.pop();
        stack.clear_snapshot();

        assert_eq!(stack[0..stack.len()], [0]);
    }

    #[test]
    fn nested_snapshot_pop_clear_restore() {
        let mut stack = Stack::new();

        stack.push(0);
        stack.snapshot();
        stack.snapshot();
        stack.pop();
        stack.clear_snapshot();
        stack.restore();

        assert_eq!(stack[0..stack.len()], [0]);
    }

    #[test]
    fn nested_snapshot_clear_preserves_outer_boundary() {
        let mut stack = Stack::new();

        stack.push(0);
        stack.snapshot();
        stack.push(1);
        stack.snapshot();
        stack.pop();
        stack.clear_snapshot();
        stack.restore();

        assert_eq!(stack[0..stack.len()], [0]);
    }

    #[test]
    fn stack_ops() {
        let mut stack = Stack::new();

        // []
        assert!(stack.is_empty());
        assert_eq!(stack.peek(), None);
        assert_eq!(stack.pop(), None);

        // [0]
        stack.push(0);
        assert!(!stack.is_empty());
        assert_eq!(stack.peek(), Some(&0));

        // [0, 1]
        stack.push(1);
        assert!(!stack.is_empty());
        assert_eq!(stack.peek(), Some(&1));

        // [0]
        assert_eq!(stack.pop(), Some(1));
        assert!(!stack.is_empty());
        assert_eq!(stack.peek(), Some(&0));

        // [0, 2]
        stack.push(2);
        assert!(!stack.is_empty());
        assert_eq!(stack.peek(), Some(&2));

        // [0, 2, 3]
        stack.push(3);
        assert!(!stack.is_empty());
        assert_eq!(stack.peek(), Some(&3));

        // Take a snapshot of the current stack
        // [0, 2, 3]
        stack.snapshot();

        // [0, 2]
        assert_eq!(stack.pop(), Some(3));
        assert!(!stack.is_empty());
        assert_eq!(stack.peek(), Some(&2));

        // Take a snapshot of the current stack
        // [0, 2]
        stack.snapshot();

        // [0]
        assert_eq!(stack.pop(), Some(2));
        assert!(!stack.is_empty());
        assert_eq!(stack.peek(), Some(&0));

        // []
        assert_eq!(stack.pop(), Some(0));
        assert!(stack.is_empty());

        // Test backtracking
        // [0, 2]
        stack.restore();
        assert_eq!(stack.pop(), Some(2));
        assert_eq!(stack.pop(), Some(0));
        assert_eq!(stack.pop(), None);

        // Test backtracking
        // [0, 2, 3]
        stack.restore();
        assert_eq!(stack.pop(), Some(3));
        assert_eq!(stack.pop(), Some(2));
        assert_eq!(stack.pop(), Some(0));
        assert_eq!(stack.pop(), None);
    }
}
