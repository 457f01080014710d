//! The seam between the abstract operations and the evaluation of syntax.
//!
//! The specification's algorithms reach into syntax through a few Runtime Semantics:
//! ScriptEvaluation, GlobalDeclarationInstantiation, OrdinaryCallEvaluateBody, the
//! generator and async bodies, PerformEval and the module algorithms "evaluate" a
//! StatementList or an Expression, instantiate function declarations
//! (InstantiateFunctionObject), bind formal parameters (IteratorBindingInitialization) and
//! evaluate class field initializers. Those productions are evaluated by `crate::interp`,
//! which is built on `crate::spec`; this module is the only place where `crate::spec`
//! names `crate::interp` (tests/layering.rs enforces it), so the dependency between the
//! two layers is exactly this list.

/// Evaluation of a StatementList (14.2.2 and the statement productions).
pub use crate::interp::statements::evaluate_statement_list;

/// Evaluation of an Expression followed by GetValue (13 and 7.1's conversions on it).
pub use crate::interp::expressions::evaluate_expression;

/// The same for a concise arrow body's ExpressionBody (EvaluateConciseBody, 15.3.5).
pub use crate::interp::expressions::evaluate_expression_body;

/// EvaluateBody of a class field Initializer (10.2.1.3, 15.7.10 ClassFieldDefinitionEvaluation).
pub use crate::interp::functions::evaluate_field_initializer;

/// Runtime Semantics: InstantiateFunctionObject (15.2.4 and its generator and async forms).
pub use crate::interp::functions::instantiate_function_object;

/// IteratorBindingInitialization of FormalParameters (8.6.3), as
/// FunctionDeclarationInstantiation step 26 / 27 performs it.
pub use crate::interp::patterns::formal_parameters_binding_initialization;
