//! Prints the AST of a file (or the SyntaxError): `cargo run --example parse_debug -- [--module] FILE`.
use compartments::syntax::{parse, ParseOptions};
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let module = args.iter().any(|a| a == "--module");
    for file in args.iter().filter(|a| !a.starts_with("--")) {
        let source = std::fs::read_to_string(file).unwrap_or_else(|_| file.clone());
        let options = if module {
            ParseOptions::module()
        } else {
            ParseOptions::script()
        };
        match parse(&source, options) {
            Ok(p) => println!("{:#?}", p.body),
            Err(e) => println!("{e} at {:?}", e.span),
        }
    }
}
