//! 6.2.9 Data Blocks (sec-data-blocks): the byte sequences behind ArrayBuffers (a Data
//! Block) and SharedArrayBuffers (a Shared Data Block), and CreateByteDataBlock,
//! CreateSharedByteDataBlock and CopyDataBlockBytes.
//!
//! ## Representation (docs/ARCHITECTURE.md, "Binary data")
//!
//! - A **Data Block** is a `Vec<u8>` owned by the one ArrayBuffer whose [[ArrayBufferData]]
//!   it is (`Option<Vec<u8>>` there, `None` once detached). Views (TypedArrays, DataViews)
//!   reach it through their [[ViewedArrayBuffer]], so no two objects own the same block and
//!   no sharing is needed; an element access borrows the buffer's object for the bytes it
//!   reads or writes, without allocating.
//! - A **Shared Data Block** is a [`SharedDataBlock`]: an `Arc<RwLock<Vec<u8>>>` that every
//!   SharedArrayBuffer object viewing the block holds (in any agent). Its identity is the
//!   `Arc`'s. Every access takes the lock, so each read and write is atomic and the block
//!   can grow in place: a growable SharedArrayBuffer's block holds exactly its current
//!   byte length (its [[ArrayBufferByteLengthData]]), and `grow` extends it with zeroes
//!   under the write lock.
//! - Sizes are bounded by [`MAX_BYTE_LENGTH`]; larger requests, and any allocation the
//!   machine refuses (`Vec::try_reserve_exact`, asked before the zeroed allocation), are a
//!   RangeError, never an abort.
//!
//! The memory model's events (the candidate execution, ReadSharedMemory and
//! WriteSharedMemory events, chosen values) are not recorded: with every access taking the
//! block's lock, each execution is sequentially consistent, which the memory model allows.

use super::agents::Agent;
use super::completion_record::JsResult;
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// The largest Data Block this implementation creates: 2^32 bytes (4 GiB). CreateByteDataBlock
/// step 2 ("If it is impossible to create such a Data Block, throw a RangeError") throws for
/// anything larger, and for anything the allocator refuses.
pub const MAX_BYTE_LENGTH: u64 = 1 << 32;

/// A new zeroed Data Block of `size` bytes, or `None` when it cannot be created (over
/// [`MAX_BYTE_LENGTH`], or refused by the allocator).
pub fn try_new_block(size: u64) -> Option<Vec<u8>> {
    if size > MAX_BYTE_LENGTH {
        return None;
    }
    let size = usize::try_from(size).ok()?;
    // First ask the allocator, fallibly, whether it can provide the bytes; then take them
    // zeroed with `vec!`, whose zeroed allocation leaves large blocks to the operating
    // system's zero pages (nothing is written, so an untouched block costs no memory).
    let mut probe: Vec<u8> = Vec::new();
    probe.try_reserve_exact(size).ok()?;
    drop(probe);
    Some(vec![0; size])
}

/// CreateByteDataBlock ( size ) (6.2.9.1).
pub fn create_byte_data_block(agent: &mut Agent, size: u64) -> JsResult<Vec<u8>> {
    // 1. If size > 2^53 - 1, throw a RangeError exception.
    crate::step!("sec-createbytedatablock", "1");
    if size > (1 << 53) - 1 {
        return Err(agent.range_error("the byte length exceeds 2^53 - 1"));
    }
    // 2. Let db be a new Data Block value consisting of size bytes. If it is impossible to
    //    create such a Data Block, throw a RangeError exception.
    crate::step!("sec-createbytedatablock", "2");
    // 3. Set all of the bytes of db to 0.
    crate::step!("sec-createbytedatablock", "3");
    // Under `--heap-limit`, a block that would take the heap past the limit is one the host
    // cannot create (a RangeError, before any byte is allocated).
    if agent
        .limits
        .heap_would_exceed(usize::try_from(size).unwrap_or(usize::MAX))
    {
        return Err(agent.range_error(&format!(
            "cannot allocate a Data Block of {size} bytes: it would exceed the heap limit"
        )));
    }
    let Some(db) = try_new_block(size) else {
        return Err(agent.range_error(&format!(
            "cannot allocate a Data Block of {size} bytes (the limit is {MAX_BYTE_LENGTH})"
        )));
    };
    // 4. Return db.
    crate::step!("sec-createbytedatablock", "4");
    Ok(db)
}

/// A Shared Data Block: bytes that several SharedArrayBuffer objects — of any agent — view.
/// See the module documentation.
#[derive(Clone, Debug)]
pub struct SharedDataBlock(Arc<RwLock<Vec<u8>>>);

impl SharedDataBlock {
    /// Whether `self` and `other` are the same Shared Data Block.
    pub fn same_block(&self, other: &SharedDataBlock) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// The block's identity (for the WaiterList store, keyed by block and byte index).
    pub fn id(&self) -> usize {
        Arc::as_ptr(&self.0) as usize
    }

    /// The bytes, for reading (a poisoned lock still holds valid bytes).
    pub fn read(&self) -> RwLockReadGuard<'_, Vec<u8>> {
        self.0
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The bytes, for writing.
    pub fn write(&self) -> RwLockWriteGuard<'_, Vec<u8>> {
        self.0
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The number of bytes in the block.
    pub fn len(&self) -> usize {
        self.read().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// CreateSharedByteDataBlock ( size ) (6.2.9.2).
pub fn create_shared_byte_data_block(agent: &mut Agent, size: u64) -> JsResult<SharedDataBlock> {
    // 1. Let db be a new Shared Data Block value consisting of size bytes. If it is
    //    impossible to create such a Shared Data Block, throw a RangeError exception.
    crate::step!("sec-createsharedbytedatablock", "1");
    // Under `--heap-limit`, as in CreateByteDataBlock.
    if agent
        .limits
        .heap_would_exceed(usize::try_from(size).unwrap_or(usize::MAX))
    {
        return Err(agent.range_error(&format!(
            "cannot allocate a Shared Data Block of {size} bytes: it would exceed the heap limit"
        )));
    }
    let Some(bytes) = try_new_block(size) else {
        return Err(agent.range_error(&format!(
            "cannot allocate a Shared Data Block of {size} bytes (the limit is {MAX_BYTE_LENGTH})"
        )));
    };
    let db = SharedDataBlock(Arc::new(RwLock::new(bytes)));
    // 2. Let AR be the Agent Record of the surrounding agent.
    crate::step!("sec-createsharedbytedatablock", "2");
    // 3. Let execution be AR.[[CandidateExecution]].
    crate::step!("sec-createsharedbytedatablock", "3");
    // 4. Let eventsRecord be the Agent Events Record of execution.[[EventsRecords]] whose
    //    [[AgentSignifier]] is AgentSignifier().
    crate::step!("sec-createsharedbytedatablock", "4");
    // 5. Let zero be « 0 ».
    crate::step!("sec-createsharedbytedatablock", "5");
    // 6. For each index i of db, do
    //    (No loop runs: the block was allocated zeroed in step 1, and the memory model's
    //    events are not recorded, see the module documentation.)
    crate::step_done!(
        "sec-createsharedbytedatablock",
        "6",
        "by the zeroed allocation of step 1 (memory-model events are not recorded)"
    );
    //    a. Append WriteSharedMemory { [[Order]]: init, [[NoTear]]: true, [[Block]]: db,
    //       [[ByteIndex]]: i, [[ElementSize]]: 1, [[Payload]]: zero } to
    //       eventsRecord.[[EventList]].
    crate::step_done!(
        "sec-createsharedbytedatablock",
        "6.a",
        "by the zeroed allocation of step 1 (memory-model events are not recorded)"
    );
    // 7. Return db.
    crate::step!("sec-createsharedbytedatablock", "7");
    Ok(db)
}

/// A Data Block or a Shared Data Block, as CopyDataBlockBytes takes them: a block's bytes
/// are borrowed (a Data Block) or locked (a Shared Data Block) by the caller.
pub enum BlockRef<'a> {
    Bytes(&'a [u8]),
    Shared(&'a SharedDataBlock),
}

/// CopyDataBlockBytes ( toBlock, toIndex, fromBlock, fromIndex, count ) (6.2.9.3), with
/// toBlock given as its bytes (a Data Block, or a Shared Data Block's locked bytes) and
/// fromBlock as a [`BlockRef`].
pub fn copy_data_block_bytes(
    to_block: &mut [u8],
    to_index: usize,
    from_block: BlockRef<'_>,
    from_index: usize,
    count: usize,
) {
    // 1. Assert: fromBlock and toBlock are distinct values.
    // 2. Let fromSize be the number of bytes in fromBlock.
    // 3. Assert: fromIndex + count ≤ fromSize.
    // 4. Let toSize be the number of bytes in toBlock.
    // 5. Assert: toIndex + count ≤ toSize.
    let guard;
    let from: &[u8] = match from_block {
        BlockRef::Bytes(bytes) => bytes,
        BlockRef::Shared(block) => {
            guard = block.read();
            &guard
        }
    };
    // 6. Repeat, while count > 0,
    //    a. If fromBlock is a Shared Data Block, then (i-viii) read one byte of fromBlock
    //       (a ReadSharedMemory event) and (ix-x) write it to toBlock[toIndex] (a
    //       WriteSharedMemory event when toBlock is shared).
    //    b. Else, i. Assert: toBlock is not a Shared Data Block.
    //       ii. Set toBlock[toIndex] to fromBlock[fromIndex].
    //    c. Set toIndex to toIndex + 1.
    //    d. Set fromIndex to fromIndex + 1.
    //    e. Set count to count - 1.
    // (All the bytes at once: the caller holds a shared toBlock's lock, `from` holds a
    // shared fromBlock's, and no event is recorded; see the module documentation.)
    let to = to_block.get_mut(to_index..to_index.saturating_add(count));
    match (to, from.get(from_index..from_index.saturating_add(count))) {
        (Some(to), Some(from)) => to.copy_from_slice(from),
        _ => debug_assert!(false, "CopyDataBlockBytes out of the blocks' bounds"),
    }
    // 7. Return unused.
}
