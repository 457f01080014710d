//! The built-in library (ECMA-262 18-28), one file per built-in, and the realm set-up that
//! creates it: CreateIntrinsics (9.3.2) and SetDefaultGlobalBindings (9.3.3).
//!
//! Status (issue 3): what the test262 harness and the language tests need. The full
//! library is issue 4.

pub mod abstract_module_source;
pub mod array;
pub mod array_buffer;
pub mod array_buffer_abstract_operations;
pub mod array_from_async;
pub mod array_iterator;
pub mod async_from_sync_iterator_prototype;
pub mod async_function;
pub mod async_generator_function;
pub mod async_generator_prototype;
pub mod atomics;
pub mod atomics_wait;
pub mod bigint;
pub mod boolean;
pub mod compartment_objects;
pub mod data_view;
pub mod date;
pub mod error;
pub mod evaluators;
pub mod finalization_registry;
pub mod function;
pub mod generator_function;
pub mod global;
pub mod global_functions;
pub mod helpers;
pub mod iterator;
pub mod iterator_helpers;
pub mod json;
pub mod map;
pub mod math;
pub mod module_objects;
pub mod module_source_objects;
pub mod number;
pub mod object;
pub mod promise;
pub mod proxy;
pub mod reflect;
pub mod regexp;
pub mod regexp_string_iterator;
pub mod set;
pub mod shared_array_buffer;
pub mod string;
pub mod symbol;
pub mod typed_array;
pub mod typed_array_constructors;
pub mod typed_array_prototype;
pub mod typed_array_prototype_copying;
pub mod weak_map;
pub mod weak_ref;
pub mod weak_set;

use crate::spec::agents::Agent;
use crate::spec::array_exotic_objects::ARRAY_METHODS;
use crate::spec::immutable_prototype_exotic_objects::IMMUTABLE_PROTOTYPE_METHODS;
use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::{Object, Property};
use crate::spec::ordinary_object_internal_methods::ordinary_object_create;
use crate::spec::realms::{Intrinsic, Realm};
use crate::spec::string_exotic_objects::string_create;
use crate::spec::string_type::JsString;
use crate::spec::value::Value;

/// CreateIntrinsics ( realmRecord ) (9.3.2), steps after the bootstrap objects exist:
/// "Set fields of realmRec.[[Intrinsics]] with the values listed in Table 6 ... The
/// initial values of all these properties are created as described in clauses 19
/// through 28."
pub fn create_intrinsics(agent: &mut Agent, realm: &Realm) {
    // 2. (continued) Set fields of realmRec.[[Intrinsics]] with the values listed in
    //    Table 6 ... (step 3, AddRestrictedFunctionProperties, is in
    //    create_function_prototype).
    function::create_function_prototype(agent, realm);
    function::create_function_intrinsics(agent, realm);
    object::create_object_intrinsics(agent, realm);
    error::create_error_intrinsics(agent, realm);
    array_iterator::create_array_iterator_intrinsics(agent, realm);
    array::create_array_intrinsics(agent, realm);
    array_from_async::define_array_from_async(agent, realm);
    string::create_string_intrinsics(agent, realm);
    symbol::create_symbol_intrinsics(agent, realm);
    boolean::create_boolean_intrinsics(agent, realm);
    number::create_number_intrinsics(agent, realm);
    bigint::create_bigint_intrinsics(agent, realm);
    math::create_math_intrinsics(agent, realm);
    json::create_json_intrinsics(agent, realm);
    abstract_module_source::create_abstract_module_source_intrinsics(agent, realm);
    module_source_objects::create_module_source_intrinsics(agent, realm);
    module_objects::create_module_intrinsics(agent, realm);
    reflect::create_reflect_intrinsics(agent, realm);
    proxy::create_proxy_intrinsics(agent, realm);
    global_functions::create_global_functions_intrinsics(agent, realm);
    iterator::create_iterator_intrinsics(agent, realm);
    iterator_helpers::create_iterator_helpers_intrinsics(agent, realm);
    date::create_date_intrinsics(agent, realm);
    regexp::create_regexp_intrinsics(agent, realm);
    array_buffer::create_array_buffer_intrinsics(agent, realm);
    shared_array_buffer::create_shared_array_buffer_intrinsics(agent, realm);
    data_view::create_data_view_intrinsics(agent, realm);
    typed_array::create_typed_array_intrinsics(agent, realm);
    typed_array_constructors::create_typed_array_constructors(agent, realm);
    atomics::create_atomics_intrinsics(agent, realm);
    map::create_map_intrinsics(agent, realm);
    set::create_set_intrinsics(agent, realm);
    weak_map::create_weak_map_intrinsics(agent, realm);
    weak_set::create_weak_set_intrinsics(agent, realm);
    weak_ref::create_weak_ref_intrinsics(agent, realm);
    finalization_registry::create_finalization_registry_intrinsics(agent, realm);
    promise::create_promise_intrinsics(agent, realm);
    generator_function::create_generator_function_intrinsics(agent, realm);
    async_function::create_async_function_intrinsics(agent, realm);
    async_generator_function::create_async_generator_function_intrinsics(agent, realm);
    async_from_sync_iterator_prototype::create_async_from_sync_iterator_prototype(agent, realm);
    global::create_global_function_intrinsics(agent, realm);
    evaluators::create_evaluators_intrinsics(agent, realm);
    compartment_objects::create_compartment_intrinsics(agent, realm);
    crate::spec::ses::lockdown::create_ses_intrinsics(agent, realm);
    // 4. Return unused.
    crate::step!("sec-createintrinsics", "4");
}

/// The objects every built-in needs before it can be created: %Object.prototype% (an
/// immutable prototype exotic object), %Function.prototype%, the error prototypes (errors
/// may be thrown from here on), and the prototypes that ToObject and the iterator
/// machinery use. Their methods are added by [`create_intrinsics`] and issue 4.
pub fn create_bootstrap_intrinsics(realm: &Realm) {
    // 1. Set realmRec.[[Intrinsics]] to a new Record. (Realm::new_empty made the table,
    //    with no intrinsic in it yet.)
    crate::step!("sec-createintrinsics", "1");
    // 2. Set fields of realmRec.[[Intrinsics]] with the values listed in Table 6. ...
    //    The creation of the intrinsics and their properties must be ordered to avoid any
    //    dependencies upon objects that have not yet been created. (These first; the rest
    //    in create_intrinsics.)
    crate::step!("sec-createintrinsics", "2");
    let object_prototype = Object::new(&IMMUTABLE_PROTOTYPE_METHODS, None, ObjectKind::Ordinary);
    realm.set_intrinsic(Intrinsic::ObjectPrototype, object_prototype.clone());
    error::create_error_prototypes(realm);
    let plain = |which: Intrinsic, proto: &Object| {
        realm.set_intrinsic(which, ordinary_object_create(Some(proto.clone())));
    };
    plain(Intrinsic::IteratorPrototype, &object_prototype);
    let iterator_prototype = realm.intrinsic(Intrinsic::IteratorPrototype);
    plain(Intrinsic::ArrayIteratorPrototype, &iterator_prototype);
    plain(Intrinsic::StringIteratorPrototype, &iterator_prototype);
    plain(Intrinsic::SymbolPrototype, &object_prototype);
    plain(Intrinsic::BigIntPrototype, &object_prototype);
    // 20.3.3: %Boolean.prototype% is itself a Boolean object whose [[BooleanData]] is false.
    realm.set_intrinsic(
        Intrinsic::BooleanPrototype,
        crate::spec::ordinary_object_internal_methods::ordinary_object_create_with(
            Some(object_prototype.clone()),
            ObjectKind::Boolean(false),
        ),
    );
    // 21.1.3: %Number.prototype% is a Number object whose [[NumberData]] is +0.
    realm.set_intrinsic(
        Intrinsic::NumberPrototype,
        crate::spec::ordinary_object_internal_methods::ordinary_object_create_with(
            Some(object_prototype.clone()),
            ObjectKind::Number(0.0),
        ),
    );
    // 22.1.3: %String.prototype% is a String exotic object whose [[StringData]] is "".
    realm.set_intrinsic(
        Intrinsic::StringPrototype,
        string_create(JsString::default(), object_prototype.clone()),
    );
    // 23.1.3: %Array.prototype% is an Array exotic object.
    let array_prototype = Object::new(&ARRAY_METHODS, Some(object_prototype), ObjectKind::Array);
    array_prototype.insert_property(
        "length".into(),
        Property::data(Value::Number(0.0), true, false, false),
    );
    realm.set_intrinsic(Intrinsic::ArrayPrototype, array_prototype);
}
