//! 9.1.2 Environment Record Operations: GetIdentifierReference and the operations that make
//! each kind of record (NewDeclarativeEnvironment, NewObjectEnvironment,
//! NewFunctionEnvironment, NewGlobalEnvironment); NewModuleEnvironment stays beside the
//! Module Environment Record's methods.

use super::*;

/// GetIdentifierReference ( envRecord, name, strict ) (9.1.2.1), as a loop over the chain.
#[crate::trace::checks_tracing_once]
pub fn get_identifier_reference<'a>(
    agent: &mut Agent,
    env: Option<Env>,
    name: &'a str,
    strict: bool,
) -> JsResult<Reference<'a>> {
    let mut current = env;
    loop {
        // 1. If envRecord is null, then
        crate::step!("sec-getidentifierreference", "1");
        let Some(env) = current else {
            // a. Return the Reference Record { [[Base]]: unresolvable, [[ReferencedName]]:
            //    name, [[Strict]]: strict, [[ThisValue]]: empty }.
            crate::step!("sec-getidentifierreference", "1.a");
            return Ok(Reference {
                base: ReferenceBase::Unresolvable,
                name: ReferenceName::Identifier(name),
                strict,
                this_value: None,
            });
        };
        // 2. Let exists be ? envRecord.HasBinding(name).
        crate::step!("sec-getidentifierreference", "2");
        let exists = env.has_binding(agent, name)?;
        // 3. If exists is true, then
        crate::step!("sec-getidentifierreference", "3");
        if exists {
            // a. Return the Reference Record { [[Base]]: envRecord, [[ReferencedName]]:
            //    name, [[Strict]]: strict, [[ThisValue]]: empty }.
            crate::step!("sec-getidentifierreference", "3.a");
            return Ok(Reference {
                base: ReferenceBase::Environment(env),
                name: ReferenceName::Identifier(name),
                strict,
                this_value: None,
            });
        }
        // 4. Else,
        crate::step!("sec-getidentifierreference", "4");
        // a. Let outer be envRecord.[[OuterEnv]].
        crate::step!("sec-getidentifierreference", "4.a");
        let outer = env.outer();
        // b. Return ? GetIdentifierReference(outer, name, strict). (the loop's next turn)
        crate::step!("sec-getidentifierreference", "4.b");
        current = outer;
    }
}

/// NewDeclarativeEnvironment ( outerEnv ) (9.1.2.2).
#[crate::trace::checks_tracing_once]
pub fn new_declarative_environment(outer: Option<Env>) -> Env {
    // 1. Let env be a new Declarative Environment Record containing no bindings.
    // 2. Set env.[[OuterEnv]] to E.
    // 3. Return env.
    // (one Env::new does the three; one test of the tracing flag on this frequent path)
    if crate::trace::enabled() {
        crate::step!("sec-newdeclarativeenvironment", "1");
        crate::step!("sec-newdeclarativeenvironment", "2");
        crate::step!("sec-newdeclarativeenvironment", "3");
    }
    Env::new(outer, EnvKind::Declarative(DeclarativeRecord::default()))
}

/// NewDeclarativeEnvironment(outer) (9.1.2.2) followed by a CreateMutableBinding or
/// CreateImmutableBinding (9.1.1.1.2-3) of each of `bindings` (new, distinct names,
/// uninitialized): the record made with them, in one allocation of exactly their room.
/// Not while tracing (the caller's shortcut, docs/ARCHITECTURE.md).
pub fn new_declarative_environment_with(outer: Option<Env>, bindings: Vec<Binding>) -> Env {
    let mut record = DeclarativeRecord {
        bindings,
        index: None,
    };
    record.index_when_large();
    Env::new(outer, EnvKind::Declarative(record))
}

/// [`new_declarative_environment_with`] the bindings BlockDeclarationInstantiation (14.2.3)
/// step 3 creates for a Block whose names were found when it was parsed
/// (`Block::lexical_bindings`: no function declaration), each made by
/// [`binding_of_lexical_name`]. Not while tracing. (Memory only: the record is allocated
/// empty and its list is made in place, so neither the list nor the record is copied
/// through a temporary just written — each such copy stalled on a store-forwarding miss.)
#[inline]
pub fn new_declarative_environment_of_names(
    outer: Option<Env>,
    names: &[crate::syntax::ast::LexicalName],
) -> Env {
    let env = Env::new(outer, EnvKind::Declarative(DeclarativeRecord::default()));
    if let EnvKind::Declarative(d) = &mut *env.kind_mut() {
        // (One reservation of the record's own list, then each binding made into its
        // room: a list made first and moved into the record was copied with a 16-byte load
        // over its just-written words, a store-forwarding stall.)
        d.bindings.reserve_exact(names.len());
        d.bindings.extend(names.iter().map(binding_of_lexical_name));
        d.index_when_large();
    }
    env
}

/// The binding BlockDeclarationInstantiation (14.2.3) step 3 creates for a name the Block
/// lexically declares (no function declaration): uninitialized, immutable and strict for
/// a `const` declaration's name (CreateImmutableBinding(dn, true), 9.1.1.1.3), mutable
/// otherwise (CreateMutableBinding(dn, false), 9.1.1.1.2), not deletable. Its name is the
/// interned one when the name has one (no reference count to update; docs/ARCHITECTURE.md,
/// "Binding names").
#[inline(always)]
pub fn binding_of_lexical_name(dn: &crate::syntax::ast::LexicalName) -> Binding {
    Binding {
        name: match dn.interned {
            Some(interned) => BindingName::Interned(interned),
            None => BindingName::Shared(dn.name.shared().clone()),
        },
        name_hash: dn.name_hash,
        value: None,
        mutable: !dn.constant,
        strict: dn.constant,
        deletable: false,
        import: None,
    }
}

/// NewObjectEnvironment ( obj, isWithEnv, outerEnv ) (9.1.2.3).
pub fn new_object_environment(object: Object, is_with_env: bool, outer: Option<Env>) -> Env {
    // 1. Let env be a new Object Environment Record.
    crate::step!("sec-newobjectenvironment", "1");
    // 2. Set env.[[BindingObject]] to O.
    crate::step!("sec-newobjectenvironment", "2");
    // 3. Set env.[[IsWithEnvironment]] to W.
    crate::step!("sec-newobjectenvironment", "3");
    // 4. Set env.[[OuterEnv]] to E.
    crate::step!("sec-newobjectenvironment", "4");
    // 5. Return env.
    crate::step!("sec-newobjectenvironment", "5");
    Env::new(
        outer,
        EnvKind::Object(ObjectRecord {
            binding_object: object,
            is_with_environment: is_with_env,
        }),
    )
}

/// NewFunctionEnvironment ( func, newTarget ) (9.1.2.4).
pub fn new_function_environment(function: &Object, new_target: Value) -> Env {
    use crate::spec::ecmascript_function_objects::environment_and_lexical_this_mode;
    // (F.[[Environment]] and whether F.[[ThisMode]] is lexical, read together.)
    let (outer, lexical) = environment_and_lexical_this_mode(function);
    new_function_environment_of(function, outer, lexical, new_target, None)
}

/// NewFunctionEnvironment ( F, newTarget ) (9.1.2.4) with F.[[Environment]] (`outer`) and
/// whether F.[[ThisMode]] is lexical already read (PrepareForOrdinaryCall reads them with
/// F's other slots, in one borrow). `spare`: a record from
/// [`Env::recycle_function_record`] to make it in, instead of a new allocation (memory
/// only).
#[crate::trace::checks_tracing_once]
#[inline]
pub fn new_function_environment_of(
    function: &Object,
    outer: Option<Env>,
    lexical: bool,
    new_target: Value,
    spare: Option<Env>,
) -> Env {
    // (one Env::new does the steps; the tracing flag is tested once on this frequent path)
    let tracing = crate::trace::enabled();
    // 1. Let env be a new Function Environment Record containing no bindings.
    // 2. Set env.[[FunctionObject]] to F.
    if tracing {
        crate::step!("sec-newfunctionenvironment", "1");
        crate::step!("sec-newfunctionenvironment", "2");
    }
    // 3. If F.[[ThisMode]] is lexical, set env.[[ThisBindingStatus]] to lexical.
    // 4. Else, set env.[[ThisBindingStatus]] to uninitialized.
    if tracing {
        crate::step!("sec-newfunctionenvironment", "3");
    }
    let status = if lexical {
        ThisBindingStatus::Lexical
    } else {
        if tracing {
            crate::step!("sec-newfunctionenvironment", "4");
        }
        ThisBindingStatus::Uninitialized
    };
    // 5. Set env.[[NewTarget]] to newTarget.
    // 6. Set env.[[OuterEnv]] to F.[[Environment]].
    // 7. Return env.
    if tracing {
        crate::step!("sec-newfunctionenvironment", "5");
        crate::step!("sec-newfunctionenvironment", "6");
        crate::step!("sec-newfunctionenvironment", "7");
    }
    let fields = FunctionFields {
        this_value: Value::Undefined,
        this_binding_status: status,
        function_object: Some(function.clone()),
        new_target: match new_target {
            Value::Object(o) => Some(o),
            _ => None,
        },
    };
    match spare {
        Some(spare) => spare.reuse_function_record(outer, fields),
        None => Env::new(
            outer,
            EnvKind::Function(DeclarativeRecord::default(), fields),
        ),
    }
}

/// NewGlobalEnvironment ( G, thisValue ) (9.1.2.5).
pub fn new_global_environment(global: Object, this_value: Object) -> Env {
    // 1. Let objRec be NewObjectEnvironment(G, false, null).
    // 2. Let dclRec be NewDeclarativeEnvironment(null).
    // 3. Let env be a new Global Environment Record.
    // 4. Set env.[[ObjectRecord]] to objRec.
    // 5. Set env.[[GlobalThisValue]] to thisValue.
    // 6. Set env.[[DeclarativeRecord]] to dclRec.
    // 7. Set env.[[OuterEnv]] to null.
    // 8. Return env.
    // (the records are fields of one Env, built at once: objRec and dclRec are not Envs of
    // their own)
    crate::step!("sec-newglobalenvironment", "1");
    crate::step!("sec-newglobalenvironment", "2");
    crate::step!("sec-newglobalenvironment", "3");
    crate::step!("sec-newglobalenvironment", "4");
    crate::step!("sec-newglobalenvironment", "5");
    crate::step!("sec-newglobalenvironment", "6");
    crate::step!("sec-newglobalenvironment", "7");
    crate::step!("sec-newglobalenvironment", "8");
    Env::new(
        None,
        EnvKind::Global(GlobalFields {
            object_record: ObjectRecord {
                binding_object: global,
                is_with_environment: false,
            },
            global_this_value: this_value,
            declarative_record: DeclarativeRecord::default(),
            version: next_global_version(),
        }),
    )
}
