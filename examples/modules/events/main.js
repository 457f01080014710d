// The module event log: cargo run --release -- run --module --events examples/modules/events/main.js
// (tests/runtime_cli.rs derives every line of it from the spec's algorithms).
import { x } from "./dep.js";
import("./missing.js").catch((e) => print("caught " + e.name));
print("main " + x);
