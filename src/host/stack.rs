//! Running recursive work (parsing, later evaluation) on a thread with a big stack, and
//! turning a panic there into an error message instead of a crash.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;
use std::thread;

/// Stack size for threads that parse: the parser is recursive and test262 nests deeply.
/// Only the pages actually touched are committed, so this costs address space, not memory.
pub const PARSER_STACK_SIZE: usize = 256 * 1024 * 1024;

/// The message carried by a panic payload (`panic!("...")` gives a `&str` or a `String`).
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-string payload".to_string()
    }
}

thread_local! {
    /// How many [`catch_panic`] calls are running on this thread.
    static CATCHING: Cell<usize> = const { Cell::new(0) };
    /// Where the last panic caught on this thread happened, if the hook saw it.
    static LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs (once) a panic hook that stays quiet about panics [`catch_panic`] catches,
/// recording their location for its message instead; other panics go to the previous
/// hook. For hosts that report caught panics themselves (the CLI), so that a parser bug
/// hit by thousands of tests does not print thousands of backtraces.
pub fn install_quiet_panic_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.with(Cell::get) > 0 {
                let location = info
                    .location()
                    .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
                LOCATION.with(|cell| *cell.borrow_mut() = location);
            } else {
                previous(info);
            }
        }));
    });
}

/// Calls `f`, turning a panic into `Err(message)` (with the panic's location when
/// [`install_quiet_panic_hook`] is in place).
pub fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    LOCATION.with(|cell| cell.borrow_mut().take());
    CATCHING.with(|c| c.set(c.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(c.get().saturating_sub(1)));
    result.map_err(|payload| {
        let message = panic_message(payload.as_ref());
        match LOCATION.with(|cell| cell.borrow_mut().take()) {
            Some(location) => format!("{message} (at {location})"),
            None => message,
        }
    })
}

/// Runs `f` on a new thread with a [`PARSER_STACK_SIZE`] stack and waits for it. A panic
/// in `f`, or failing to start the thread, is returned as `Err(message)`.
pub fn on_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> Result<T, String> {
    thread::scope(|scope| {
        let handle = thread::Builder::new()
            .name("compartments-parse".to_string())
            .stack_size(PARSER_STACK_SIZE)
            .spawn_scoped(scope, || catch_panic(f))
            .map_err(|e| format!("could not start a thread with a big stack: {e}"))?;
        handle
            .join()
            .map_err(|payload| panic_message(payload.as_ref()))?
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(n: u64) -> u64 {
        // Keep a frame of real size so the recursion cannot be turned into a loop.
        let frame = std::hint::black_box([n; 16]);
        if n == 0 {
            0
        } else {
            1 + depth(frame[15] - 1)
        }
    }

    #[test]
    fn big_stack_allows_deep_recursion() {
        // ~130 bytes * 200_000 frames: far more than a default 2 MiB thread stack.
        assert_eq!(on_big_stack(|| depth(200_000)), Ok(200_000));
    }

    #[test]
    fn big_stack_borrows_and_reports_panics() {
        let text = String::from("borrowed");
        assert_eq!(on_big_stack(|| text.len()), Ok(8));
        let err = on_big_stack(|| -> usize { panic!("boom {}", 1) });
        assert_eq!(err, Err("boom 1".to_string()));
    }

    #[test]
    fn catch_panic_keeps_the_message() {
        assert_eq!(catch_panic(|| 5), Ok(5));
        assert_eq!(
            catch_panic(|| -> i32 { panic!("static message") }),
            Err("static message".to_string())
        );
    }
}
