//! The `compartments` command-line host; see `compartments --help`.

fn main() -> std::process::ExitCode {
    compartments_cli::cli::main()
}
