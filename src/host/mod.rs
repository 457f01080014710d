//! The command-line host: the `compartments` CLI, the test262 runner and the helpers they
//! share (running the recursive parser on a thread with a big stack).

pub mod cli;
pub mod engine;
pub mod host_globals;
pub mod module_graph;
pub mod module_host;
pub mod stack;
pub mod test262;
pub mod test262_agents;
