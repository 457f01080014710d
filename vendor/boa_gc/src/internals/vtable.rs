use std::{alloc::Layout, any::TypeId};

use crate::{GcBox, GcErasedPointer, Trace, Tracer};

// Workaround: https://users.rust-lang.org/t/custom-vtables-with-integers/78508
pub(crate) const fn vtable_of<T: Trace + 'static>() -> &'static VTable {
    trait HasVTable: Trace + Sized + 'static {
        const VTABLE: &'static VTable;

        unsafe fn trace_fn(this: GcErasedPointer, tracer: &mut Tracer) {
            // SAFETY: The caller must ensure that the passed erased pointer is `GcBox<Self>`.
            let value = unsafe { this.cast::<GcBox<Self>>().as_ref().value() };

            // SAFETY: The implementor must ensure that `trace` is correctly implemented.
            unsafe {
                Trace::trace(value, tracer);
            }
        }

        unsafe fn trace_non_roots_fn(this: GcErasedPointer) {
            // SAFETY: The caller must ensure that the passed erased pointer is `GcBox<Self>`.
            let value = unsafe { this.cast::<GcBox<Self>>().as_ref().value() };

            // SAFETY: The implementor must ensure that `trace_non_roots` is correctly implemented.
            unsafe {
                Self::trace_non_roots(value);
            }
        }

        // PATCH: drops the value in place, leaving the allocation (and the header) for
        // `dealloc_fn`.
        unsafe fn drop_value_fn(this: GcErasedPointer) {
            // SAFETY: The caller must ensure that the passed erased pointer is `GcBox<Self>`,
            // that its value was not dropped yet and is not used again.
            unsafe { GcBox::drop_value_in_place(this.cast::<GcBox<Self>>()) }
        }

        // PATCH: deallocates a box whose value `drop_value_fn` dropped.
        unsafe fn dealloc_fn(this: GcErasedPointer) {
            let this = this.cast::<GcBox<Self>>();
            // SAFETY: The caller must ensure that the passed erased pointer is `GcBox<Self>`,
            // allocated by `Box::new` (so with the global allocator and this layout), whose
            // value was already dropped. `ManuallyDrop` has the layout of its content, so
            // this frees the allocation without dropping the value again.
            let _allocation = unsafe {
                Box::from_raw(this.as_ptr().cast::<std::mem::ManuallyDrop<GcBox<Self>>>())
            };
        }

        // PATCH: no `drop_fn` (the value and the allocation at once): `Collector::dump`
        // drops every value before it deallocates any node, as the sweep does.
    }

    impl<T: Trace + 'static> HasVTable for T {
        const VTABLE: &'static VTable = &VTable {
            trace_fn: T::trace_fn,
            trace_non_roots_fn: T::trace_non_roots_fn,
            drop_value_fn: T::drop_value_fn,
            dealloc_fn: T::dealloc_fn,
            type_id: TypeId::of::<T>(),
            // PATCH: the layout (was the size alone), for the free lists of `Collector::sweep`.
            layout: Layout::new::<GcBox<T>>(),
            // PATCH: the box's list in `FreeLists::heads`, computed once per type.
            size_class: crate::FreeLists::size_class_of(Layout::new::<GcBox<T>>()),
        };
    }

    T::VTABLE
}

pub(crate) type TraceFn = unsafe fn(this: GcErasedPointer, tracer: &mut Tracer);
pub(crate) type TraceNonRootsFn = unsafe fn(this: GcErasedPointer);
pub(crate) type DropValueFn = unsafe fn(this: GcErasedPointer);
pub(crate) type DeallocFn = unsafe fn(this: GcErasedPointer);

#[derive(Debug)]
pub(crate) struct VTable {
    trace_fn: TraceFn,
    trace_non_roots_fn: TraceNonRootsFn,
    drop_value_fn: DropValueFn,
    dealloc_fn: DeallocFn,
    type_id: TypeId,
    layout: Layout,
    /// PATCH: `FreeLists::size_class_of(layout)`: the index of the box's free list in
    /// `FreeLists::heads`, or `SIZE_CLASSES` when its layout has none there.
    size_class: usize,
}

impl VTable {
    pub(crate) fn trace_fn(&self) -> TraceFn {
        self.trace_fn
    }

    pub(crate) fn trace_non_roots_fn(&self) -> TraceNonRootsFn {
        self.trace_non_roots_fn
    }

    pub(crate) fn drop_value_fn(&self) -> DropValueFn {
        self.drop_value_fn
    }

    pub(crate) fn dealloc_fn(&self) -> DeallocFn {
        self.dealloc_fn
    }

    pub(crate) const fn type_id(&self) -> TypeId {
        self.type_id
    }

    /// PATCH: the layout of the box (`Layout::new::<GcBox<T>>()`, what `Box::new` used).
    pub(crate) fn layout(&self) -> Layout {
        self.layout
    }

    /// PATCH: the index of the box's free list in `FreeLists::heads` (`SIZE_CLASSES` if
    /// none).
    #[inline]
    pub(crate) fn size_class(&self) -> usize {
        self.size_class
    }
}
