//! The fuzz driver: `cargo run --release -p compartments-cli --bin fuzz -- --minutes N`
//! (see `compartments_cli::fuzz` and the README's "Fuzzing").

/// Counts each thread's heap (for the heap limit) and remembers its largest request (a
/// huge allocation is a finding).
#[global_allocator]
static ALLOCATOR: compartments_cli::fuzz::worker::TrackingAllocator =
    compartments_cli::fuzz::worker::TrackingAllocator;

fn main() -> std::process::ExitCode {
    compartments_cli::fuzz::main()
}
