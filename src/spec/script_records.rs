//! 16.1.4 Script Records (sec-script-records).

use super::realms::Realm;
use super::source_positions::SourceText;
use super::value::Value;
use crate::syntax::Program;
use boa_gc::{custom_trace, Finalize, Gc, Trace};
use std::sync::Arc;

/// A Script Record (Table 40).
#[derive(Finalize)]
pub struct ScriptRecordData {
    /// [[Realm]].
    pub realm: Realm,
    /// [[ECMAScriptCode]].
    pub ecmascript_code: Arc<Program>,
    /// The source text and its name (host data: Function.prototype.toString, locations).
    pub source: Arc<SourceText>,
    /// [[HostDefined]].
    pub host_defined: Value,
}

// SAFETY: the parse tree and source text hold no Gc pointers; realm and host data are traced.
unsafe impl Trace for ScriptRecordData {
    custom_trace!(this, mark, {
        mark(&this.realm);
        mark(&this.host_defined);
    });
}

#[derive(Clone, Trace, Finalize)]
#[boa_gc(unsafe_no_drop)]
pub struct ScriptRecord(pub Gc<ScriptRecordData>);

impl ScriptRecord {
    pub fn source(&self) -> Arc<SourceText> {
        self.0.source.clone()
    }
}
