//! 27.1.6 Async-from-Sync Iterator Objects (sec-async-from-sync-iterator-objects).

use super::agents::Agent;
use super::operations_on_iterator_objects::IteratorRecord;

/// CreateAsyncFromSyncIterator ( syncIteratorRecord ) (27.1.6.1).
pub fn create_async_from_sync_iterator(
    agent: &mut Agent,
    sync_iterator_record: IteratorRecord,
) -> IteratorRecord {
    let _ = agent;
    sync_iterator_record
}
