//! Records and abstract operations of ECMA-262 and the proposals, one file per clause,
//! named after it. Each abstract operation is one function named after it; its doc comment
//! gives the clause number and title, and each step is quoted where it is implemented.

pub mod agents;
pub mod arguments_exotic_objects;
pub mod array_exotic_objects;
pub mod bigint_type;
pub mod bound_function_exotic_objects;
pub mod builtin_function_objects;
pub mod builtins;
pub mod class_private_elements;
pub mod completion_record;
pub mod ecmascript_function_objects;
pub mod environment_records;
pub mod error_objects;
pub mod evaluators;
pub mod execution_contexts;
pub mod function_declaration_instantiation;
pub mod global_object;
pub mod immutable_prototype_exotic_objects;
pub mod jobs;
pub mod number_type;
pub mod object_kinds;
pub mod object_type;
pub mod operations_on_iterator_objects;
pub mod operations_on_objects;
pub mod ordinary_object_internal_methods;
pub mod private_environment_records;
pub mod promise_objects;
pub mod property_descriptor;
pub mod proxy_object_internal_methods;
pub mod realm_initialization;
pub mod realms;
pub mod reference_record;
pub mod script_records;
pub mod scripts;
pub mod source_positions;
pub mod string_exotic_objects;
pub mod string_type;
pub mod symbol_type;
pub mod testing_and_comparison;
pub mod type_conversion;
pub mod value;
