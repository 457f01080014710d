//! Parses and drops nesting depth N of each construct on the main thread (8 MiB stack):
//! `cargo run --release --example depth_probe -- N`.
use compartments::syntax::{parse, ParseOptions};
fn main() {
    let depth: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    for (open, middle, close) in [
        ("(", "a", ")"),
        ("a=>", "1", ""),
        ("function f(){", "", "}"),
        ("{", "", "}"),
        ("[a=[", "b", "]]=1;"),
        ("({[", "a", "]:1})"),
        ("(class{[", "a", "]=1})"),
    ] {
        let source = format!("{}{}{}", open.repeat(depth), middle, close.repeat(depth));
        let ok = parse(&source, ParseOptions::script()).is_ok();
        println!("{open}…{close} depth {depth}: parsed={ok}, dropped");
    }
}
