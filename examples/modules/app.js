// A module graph: live bindings, a namespace object, top-level await and import().
// Run: cargo run --release -- run --module examples/modules/app.js
import { greet, counter, bump } from "./lib/greet.js";
import * as ns from "./lib/greet.js";
print(greet("modules"));
print(counter); bump(); print(counter);
print(Object.keys(ns).join(","));
const later = await import("./lib/late.js");
print(later.default, import.meta !== undefined);
