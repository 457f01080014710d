//! The `compartments` command-line host; see `compartments --help`.

/// Counts each thread's heap, for `--heap-limit` (`compartments::spec::resource_limits`).
#[global_allocator]
static ALLOCATOR: compartments::spec::resource_limits::CountingAllocator =
    compartments::spec::resource_limits::CountingAllocator;

fn main() -> std::process::ExitCode {
    compartments_cli::cli::main()
}
