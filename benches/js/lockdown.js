// lockdown() on a fresh realm (bench: compartments): the permits walk against a pristine
// realm, the taming, and hardening every intrinsic.
lockdown();
print("locked down");
