//! 27.1.6 Async-from-Sync Iterator Objects (sec-async-from-sync-iterator-objects).

use super::agents::Agent;
use super::operations_on_iterator_objects::IteratorRecord;
use boa_gc::{custom_trace, Finalize, Trace};

/// [[SyncIteratorRecord]] of an Async-from-Sync Iterator instance (27.1.6.3).
#[derive(Finalize)]
pub struct SyncIteratorRecordSlot(pub IteratorRecord);

// SAFETY: the record's iterator and next method are traced; [[Done]] is a boolean.
unsafe impl Trace for SyncIteratorRecordSlot {
    custom_trace!(this, mark, {
        mark(&this.0.iterator);
        mark(&this.0.next_method);
    });
}

/// CreateAsyncFromSyncIterator ( syncIteratorRecord ) (27.1.6.1).
pub fn create_async_from_sync_iterator(
    agent: &mut Agent,
    sync_iterator_record: IteratorRecord,
) -> IteratorRecord {
    let _ = agent;
    sync_iterator_record
}
