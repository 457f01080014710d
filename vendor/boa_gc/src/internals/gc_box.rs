use crate::Trace;

use super::{
    DeallocFn, DropValueFn, GcHeader, TraceFn, TraceNonRootsFn, VTable, vtable_of,
};

/// A garbage collected allocation.
#[derive(Debug)]
#[repr(C)]
pub struct GcBox<T: Trace + ?Sized + 'static> {
    pub(crate) header: GcHeader,
    pub(crate) vtable: &'static VTable,
    value: T,
}

impl<T: Trace> GcBox<T> {
    /// Returns a new `GcBox` with a rooted `GcBoxHeader`.
    pub(crate) fn new(value: T) -> Self {
        let vtable = vtable_of::<T>();
        Self {
            header: GcHeader::new(),
            vtable,
            value,
        }
    }

    /// PATCH: drops the value of the box in place, leaving the header and the allocation.
    ///
    /// # Safety
    ///
    /// `this` must point to a live `GcBox<T>` whose value was not dropped yet; the value must
    /// not be used afterwards (the box may only be deallocated without dropping its value).
    pub(crate) unsafe fn drop_value_in_place(this: std::ptr::NonNull<Self>) {
        // SAFETY: the caller guarantees `this` is valid and its value is dropped only once;
        // `addr_of_mut!` takes the field's address without making a reference to the box.
        unsafe { std::ptr::drop_in_place(std::ptr::addr_of_mut!((*this.as_ptr()).value)) }
    }
}

impl<T: Trace + ?Sized> GcBox<T> {
    /// Returns a reference to the `GcBox`'s value.
    pub(crate) const fn value(&self) -> &T {
        &self.value
    }

    /// Returns `true` if the header is marked.
    pub(crate) fn is_marked(&self) -> bool {
        self.header.is_marked()
    }

    #[inline]
    pub(crate) fn inc_ref_count(&self) {
        self.header.inc_ref_count();
    }

    #[inline]
    pub(crate) fn dec_ref_count(&self) {
        self.header.dec_ref_count();
    }

    // PATCH: unused since round 36 (`Gc::trace_non_roots` calls
    // `GcHeader::count_non_root_handle`).
    #[allow(dead_code)]
    #[inline]
    pub(crate) fn inc_non_root_count(&self) {
        self.header.inc_non_root_count();
    }

    pub(crate) fn reset_non_root_count(&self) {
        self.header.reset_non_root_count();
    }

    /// Check if the gc object is rooted.
    ///
    /// # Note
    ///
    /// This only gives valid result if the we have run through the
    /// tracing non roots phase.
    pub(crate) fn is_rooted(&self) -> bool {
        self.header.is_rooted()
    }

    pub(crate) fn trace_fn(&self) -> TraceFn {
        self.vtable.trace_fn()
    }

    pub(crate) fn trace_non_roots_fn(&self) -> TraceNonRootsFn {
        self.vtable.trace_non_roots_fn()
    }

    pub(crate) fn drop_value_fn(&self) -> DropValueFn {
        self.vtable.drop_value_fn()
    }

    pub(crate) fn dealloc_fn(&self) -> DeallocFn {
        self.vtable.dealloc_fn()
    }
}
