//! Prints `normalized_tree` of a file (the paren-insensitive tree the parser tests compare):
//! `cargo run --example tree_dump -- [--module] FILE`.
use compartments::syntax::{normalized_tree, ParseOptions};
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let module = args.iter().any(|a| a == "--module");
    let options = if module {
        ParseOptions::module()
    } else {
        ParseOptions::script()
    };
    for file in args.iter().filter(|a| !a.starts_with("--")) {
        match std::fs::read_to_string(file).map(|s| normalized_tree(&s, options)) {
            Ok(Ok(tree)) => println!("{tree}"),
            Ok(Err(e)) => println!("{e}"),
            Err(e) => println!("cannot read {file}: {e}"),
        }
    }
}
