//! The host layer of the library: the embedding API (`Engine`), the module hosts, the
//! globals a host adds (`print`, `console`, `$262`), the compartment a host makes for code
//! to run in, module-graph pictures and running the recursive parser on a thread with a
//! big stack. The command line and the test262 runner are the `compartments-cli` package
//! (`cli/`), built on this.

pub mod engine;
pub mod host_compartment;
pub mod host_globals;
pub mod inspect;
pub mod module_graph;
pub mod module_host;
pub mod stack;
pub mod test262_agents;
