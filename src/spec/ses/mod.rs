//! SES (Hardened JavaScript, `../shared/spec/ses/`): `lockdown()` and `harden()`, written
//! as our informal algorithms S1-S5 (`spec-steps/ses-*.yaml`).

pub mod harden;
pub mod lockdown;
pub mod override_taming;
pub mod permits;
pub mod taming;
