//! Spec assertions (`spec_assert!`, issue 17): a violated `Assert:` step is reported — a
//! panic naming the step in tests, as the CLI's internal error — and an Assert that holds
//! does nothing.

use compartments::host::engine::{Engine, EngineOptions};
use compartments::host::stack::catch_panic;
use compartments::spec::builtins::array_buffer_abstract_operations::{
    allocate_array_buffer, array_buffer_byte_length, detach_array_buffer, Order,
};
use compartments::spec::realms::Intrinsic;
use compartments::trace::ASSERTION_FAILED;

#[test]
fn a_violated_assert_is_reported_with_its_step() {
    let mut engine = Engine::new(EngineOptions::default());
    let agent = engine.agent_mut();
    let constructor = agent.intrinsic(Intrinsic::ArrayBuffer);
    let buffer = allocate_array_buffer(agent, &constructor, 8, None).expect("8 bytes");
    // The Assert holds: nothing happens.
    assert_eq!(array_buffer_byte_length(&buffer, Order::SeqCst), 8);
    // ArrayBufferByteLength step 2: Assert: IsDetachedBuffer(arrayBuffer) is false.
    detach_array_buffer(agent, &buffer, None).expect("no detach key");
    let message = catch_panic(|| array_buffer_byte_length(&buffer, Order::SeqCst))
        .expect_err("a detached buffer violates the Assert");
    assert!(message.starts_with(ASSERTION_FAILED), "{message}");
    assert!(
        message.contains(
            "ArrayBufferByteLength step 2: Assert: IsDetachedBuffer(arrayBuffer) is false. \
             (checked as `!is_detached_buffer(array_buffer)`)"
        ),
        "{message}"
    );
}

#[test]
fn a_violated_assert_is_reported_with_tracing_on_too() {
    let mut engine = Engine::new(EngineOptions::default());
    let agent = engine.agent_mut();
    let constructor = agent.intrinsic(Intrinsic::ArrayBuffer);
    let buffer = allocate_array_buffer(agent, &constructor, 4, None).expect("4 bytes");
    detach_array_buffer(agent, &buffer, None).expect("no detach key");
    let (result, lines) = compartments::trace::capture(|| {
        catch_panic(|| array_buffer_byte_length(&buffer, Order::SeqCst))
    });
    let message = result.expect_err("the Assert fails");
    assert!(message.starts_with(ASSERTION_FAILED), "{message}");
    // The trace shows the Assert step as the last step run, and nothing of the check's own
    // IsDetachedBuffer call (a condition is evaluated with the markers silenced).
    assert_eq!(
        lines.last().map(String::as_str),
        Some("25.1.3.2 ArrayBufferByteLength step 2: Assert: IsDetachedBuffer(arrayBuffer) is false.")
    );
    assert!(
        !lines.iter().any(|l| l.contains("IsDetachedBuffer step")),
        "{lines:#?}"
    );
}
