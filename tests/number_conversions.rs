//! Number::toString and StringToNumber agree: for every Number x, ToNumber(ToString(x)) is
//! x (the shortest round-trip digits of step 5 identify x), and no shorter digit string
//! identifies it.

use compartments::spec::number_type::number_to_string;
use compartments::spec::type_conversion::string_to_number;
use proptest::prelude::*;

fn to_number(s: &str) -> f64 {
    string_to_number(&s.encode_utf16().collect::<Vec<u16>>())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

    #[test]
    fn to_string_round_trips(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        let s = number_to_string(x);
        let back = to_number(&s);
        if x.is_nan() {
            prop_assert!(back.is_nan());
        } else if x == 0.0 {
            prop_assert_eq!(s, "0");
        } else {
            prop_assert_eq!(back.to_bits(), x.to_bits(), "{} -> {}", x, s);
        }
    }

    /// The nearest decimal with one significant digit fewer (k - 1 digits) no longer
    /// identifies x: k is as small as possible.
    #[test]
    fn digits_are_shortest(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite() && x != 0.0);
        let s = number_to_string(x.abs());
        let mantissa: String = s.split('e').next().unwrap_or("").chars().filter(char::is_ascii_digit).collect();
        let significant = mantissa.trim_start_matches('0').trim_end_matches('0').len();
        prop_assume!(significant > 1);
        let shorter = format!("{:.*e}", significant - 2, x.abs());
        prop_assert_ne!(to_number(&shorter).to_bits(), x.abs().to_bits(), "{} also identifies {}", shorter, x);
    }
}
