//! Decimal numbers: the value of one written in JSON's syntax (`-12.5e3`),
//! [`value`], and the text of a computed one, [`write`] (`message::number`
//! and `json::Number::from_f64` are this writer).
//!
//! The standard library's `f64::from_str` is exact in every case, but it
//! brings a 10 kB table of powers of five and 4 kB of code into the wasm
//! that every visitor downloads. Reports hold counts and amounts of money:
//! at most 15 significant digits and a handful of decimals. For those this
//! parser takes Clinger's fast path (an exact integer times or divided by an
//! exact power of ten, one correctly rounded operation), so the result is
//! the same double `f64::from_str` gives. Longer or more extreme numbers are
//! approximated to within a few units in the last place; the rules only need
//! to know that such a number is beyond 2^53, not a fraction, or infinite
//! (`1e400`), and those answers do not change. The tests compare the two
//! parsers on random input.

/// Powers of ten that are exact doubles.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Integers up to this are exact doubles.
const EXACT_INTEGER: u64 = 1 << 53;

/// The value of `text`, a number in JSON's syntax (a leading `+` is also
/// accepted); `None` when it is not one. Too large numbers are infinite.
pub fn value(text: &str) -> Option<f64> {
    value_of_bytes(text.as_bytes())
}

/// [`value`] of text given as its bytes (a number kept inline, which need
/// not be checked as UTF-8 again to be read).
pub fn value_of_bytes(bytes: &[u8]) -> Option<f64> {
    let mut at = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            at = 1;
            true
        }
        Some(b'+') => {
            at = 1;
            false
        }
        _ => false,
    };
    // The significant digits as an integer, and the power of ten to scale it
    // by. Digits past what a u64 holds only move the exponent (or, after the
    // point, are dropped): they are below a double's precision anyway.
    let mut mantissa: u64 = 0;
    let mut exponent: i64 = 0;
    let mut digits = 0;
    let take = |digit: u8, after_point: bool, mantissa: &mut u64, exponent: &mut i64| {
        if *mantissa < (u64::MAX - 9) / 10 {
            *mantissa = *mantissa * 10 + u64::from(digit - b'0');
            if after_point {
                *exponent -= 1;
            }
        } else if !after_point {
            *exponent += 1;
        }
    };
    while let Some(&b) = bytes.get(at).filter(|b| b.is_ascii_digit()) {
        take(b, false, &mut mantissa, &mut exponent);
        digits += 1;
        at += 1;
    }
    if digits == 0 {
        return None;
    }
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        let before = digits;
        while let Some(&b) = bytes.get(at).filter(|b| b.is_ascii_digit()) {
            take(b, true, &mut mantissa, &mut exponent);
            digits += 1;
            at += 1;
        }
        if digits == before {
            return None;
        }
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        let exponent_negative = match bytes.get(at) {
            Some(b'-') => {
                at += 1;
                true
            }
            Some(b'+') => {
                at += 1;
                false
            }
            _ => false,
        };
        let start = at;
        let mut written: i64 = 0;
        while let Some(&b) = bytes.get(at).filter(|b| b.is_ascii_digit()) {
            // Beyond ±10^6 every double is 0 or infinite already.
            written = (written * 10 + i64::from(b - b'0')).min(1_000_000);
            at += 1;
        }
        if at == start {
            return None;
        }
        exponent += if exponent_negative { -written } else { written };
    }
    if at != bytes.len() {
        return None;
    }
    let magnitude = scale(mantissa, exponent);
    Some(if negative { -magnitude } else { magnitude })
}

/// `mantissa × 10^exponent` as a double.
fn scale(mantissa: u64, exponent: i64) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let m = mantissa as f64;
    if mantissa <= EXACT_INTEGER {
        // Clinger's fast path: one correctly rounded operation on exact values.
        if (0..=22).contains(&exponent) {
            return m * EXACT_POWERS[exponent as usize];
        }
        if (-22..0).contains(&exponent) {
            return m / EXACT_POWERS[(-exponent) as usize];
        }
    }
    // Approximate: scale by 10^22 at a time, dividing for negative powers
    // (division by an exact power of ten loses less than multiplying by an
    // inexact reciprocal).
    let mut value = m;
    let mut rest = exponent;
    while rest > 0 && value.is_finite() {
        let step = rest.min(22);
        value *= EXACT_POWERS[step as usize];
        rest -= step;
    }
    while rest < 0 && value != 0.0 {
        let step = (-rest).min(22);
        value /= EXACT_POWERS[step as usize];
        rest += step;
    }
    value
}

/// A number as people write it: integers without a fraction, others with up
/// to six decimals and no trailing zeros (`7730.28`, `-0.5`).
///
/// Written with integer arithmetic rather than `format!("{:.6}")`: the
/// float formatter is several kB of wasm that every visitor would download.
pub fn write(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let negative = value < 0.0;
    let millionths = (value.abs() * 1e6).round();
    if millionths >= 9e18 {
        // Beyond what the format holds (2^53); print the integer part.
        return format!("{}{}", if negative { "-" } else { "" }, value.abs().trunc() as u64);
    }
    let millionths = millionths as u64;
    let (whole, fraction) = (millionths / 1_000_000, millionths % 1_000_000);
    let sign = if negative && millionths != 0 { "-" } else { "" };
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:06}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::{value, write};

    #[test]
    fn the_numbers_reports_hold() {
        assert_eq!(value("0"), Some(0.0));
        assert_eq!(value("3119"), Some(3119.0));
        assert_eq!(value("7730.28"), Some(7730.28));
        assert_eq!(value("-0.5"), Some(-0.5));
        assert_eq!(value("12.50"), Some(12.5));
        assert_eq!(value("1e3"), Some(1000.0));
        assert_eq!(value("2.5E-1"), Some(0.25));
        assert_eq!(value("9007199254740993"), Some(9_007_199_254_740_992.0));
        assert!(value("-0").is_some_and(|v| v == 0.0 && v.is_sign_negative()));
    }

    #[test]
    fn extremes() {
        assert_eq!(value("1e400"), Some(f64::INFINITY));
        assert_eq!(value("-1e400"), Some(f64::NEG_INFINITY));
        assert_eq!(value("1e-400"), Some(0.0));
        assert_eq!(value("1e99999999999999999999"), Some(f64::INFINITY));
        let long = format!("1{}", "0".repeat(400));
        assert_eq!(value(&long), Some(f64::INFINITY));
    }

    #[test]
    fn not_numbers() {
        for text in ["", "-", ".", "1.", ".5", "1e", "1e+", "12a", "1.2.3", "--1", "0x10", " 1"] {
            assert_eq!(value(text), None, "{text:?}");
        }
    }

    /// A tiny deterministic generator, so the test needs no crate.
    fn next(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    #[test]
    fn agrees_with_the_standard_parser() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            let whole = next(&mut seed) % 10u64.pow((next(&mut seed) % 19) as u32);
            let decimals = (next(&mut seed) % 8) as usize;
            let fraction = next(&mut seed) % 10u64.pow(decimals as u32);
            let mut text = if decimals == 0 { whole.to_string() } else { format!("{whole}.{fraction:0decimals$}") };
            if next(&mut seed).is_multiple_of(4) {
                let e = (next(&mut seed) % 80) as i64 - 40;
                text.push_str(&format!("e{e}"));
            }
            if next(&mut seed).is_multiple_of(2) {
                text.insert(0, '-');
            }
            let ours = value(&text).unwrap();
            let std: f64 = text.parse().unwrap();
            let significant = text.trim_start_matches('-').split('e').next().unwrap().replace('.', "");
            let significant = significant.trim_start_matches('0').len();
            let in_fast_path = significant <= 15 && !text.contains('e');
            if in_fast_path {
                assert_eq!(ours.to_bits(), std.to_bits(), "{text}");
            } else {
                let error = ((ours - std) / std).abs();
                assert!(std == 0.0 && ours == 0.0 || error < 1e-14, "{text}: {ours} vs {std}");
            }
        }
    }

    #[test]
    fn numbers_as_people_write_them() {
        for (value, text) in [
            (0.0, "0"),
            (-0.0, "0"),
            (11.0, "11"),
            (7730.28, "7730.28"),
            (96171.6, "96171.6"),
            (-8.0, "-8"),
            (24252.311082, "24252.311082"),
            (0.1 + 0.2, "0.3"),
            (-0.5, "-0.5"),
            (1e15, "1000000000000000"),
            (f64::NAN, "0"),
        ] {
            assert_eq!(write(value), text, "{value}");
        }
    }
}
