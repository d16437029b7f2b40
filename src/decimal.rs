//! Decimal numbers read from and written back to text, with the standard library's results
//! (`str::parse::<f64>`, `f64::to_string`) but without its tables in the .wasm: what an article
//! holds ("1995", "4.5", "0.08") takes the exact fast path (Clinger's: at most 2^53 and a power of
//! ten up to 10^22, one rounding); anything else goes to the standard library natively and to the
//! JS engine in the web build, both correctly rounded.

/// `s.parse::<f64>().ok()`, the same value.
pub fn parse(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (negative, rest) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let signed = |v: f64| if negative { -v } else { v };
    let mut i = 0;
    let mut mantissa: u64 = 0;
    let mut digits = 0; // significant digits in `mantissa`
    let mut exponent: i64 = 0;
    let mut seen = 0; // digits before and after the point
    let mut exact = true;
    let mut take = |d: u8, after_point: bool, exponent: &mut i64| {
        if mantissa == 0 && d == 0 {
            if after_point {
                *exponent -= 1;
            }
            return;
        }
        if digits < 19 {
            mantissa = mantissa * 10 + u64::from(d);
            digits += 1;
            if after_point {
                *exponent -= 1;
            }
        } else {
            exact = false;
        }
    };
    while let Some(&d) = rest.get(i).filter(|d| d.is_ascii_digit()) {
        take(d - b'0', false, &mut exponent);
        seen += 1;
        i += 1;
    }
    if rest.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&d) = rest.get(i).filter(|d| d.is_ascii_digit()) {
            take(d - b'0', true, &mut exponent);
            seen += 1;
            i += 1;
        }
    }
    if seen == 0 {
        // "inf", "infinity", "nan" in any case; nothing else without a digit.
        let word = std::str::from_utf8(rest).ok()?;
        return if word.eq_ignore_ascii_case("inf") || word.eq_ignore_ascii_case("infinity") {
            Some(signed(f64::INFINITY))
        } else if word.eq_ignore_ascii_case("nan") {
            Some(f64::NAN)
        } else {
            None
        };
    }
    if let Some(b'e' | b'E') = rest.get(i) {
        i += 1;
        let minus = match rest.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e: i64 = 0;
        while let Some(&d) = rest.get(i).filter(|d| d.is_ascii_digit()) {
            e = (e * 10 + i64::from(d - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent += if minus { -e } else { e };
    }
    if i != rest.len() {
        return None;
    }
    if mantissa == 0 && exact {
        return Some(signed(0.0));
    }
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    if exact && mantissa <= 1 << 53 && (-22..=22).contains(&exponent) {
        let m = mantissa as f64;
        let v = if exponent >= 0 {
            m * POW10[exponent as usize]
        } else {
            m / POW10[(-exponent) as usize]
        };
        return Some(signed(v));
    }
    Some(parse_slow(s))
}

/// A valid number the fast path cannot take.
#[cfg(not(target_arch = "wasm32"))]
fn parse_slow(s: &str) -> f64 {
    s.parse().unwrap_or(f64::NAN)
}

/// A valid number the fast path cannot take: the JS grammar of decimal literals is Rust's, and
/// both round correctly.
#[cfg(target_arch = "wasm32")]
fn parse_slow(s: &str) -> f64 {
    // (What the text holds is a whole decimal number: parseFloat reads it all, as Number does.)
    js_sys::Number::parse_float(s)
}

/// `v.to_string()`, the same text: whole numbers below 10^15 written as integers.
pub fn to_string(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        if v == 0.0 && v.is_sign_negative() {
            return "-0".to_string();
        }
        return (v as i64).to_string();
    }
    to_string_slow(v)
}

#[cfg(not(target_arch = "wasm32"))]
fn to_string_slow(v: f64) -> String {
    v.to_string()
}

/// The JS engine's shortest digits (those Rust writes: the shortest that read back, the nearest),
/// spelt as Rust does: never an exponent, "inf" and "NaN".
#[cfg(target_arch = "wasm32")]
fn to_string_slow(v: f64) -> String {
    if v.is_nan() {
        return "NaN".to_string();
    }
    if v.is_infinite() {
        return if v < 0.0 { "-inf" } else { "inf" }.to_string();
    }
    let js: String = js_sys::Number::from(v)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default();
    let (sign, js) = match js.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", js.as_str()),
    };
    let Some((mantissa, exp)) = js.split_once('e') else {
        return format!("{sign}{js}");
    };
    let exp: i64 = exp.trim_start_matches('+').parse().unwrap_or(0);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{int}{frac}");
    // The decimal point goes after `point` digits of `all`.
    let point = int.len() as i64 + exp;
    let mut out = String::from(sign);
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat('0').take((-point) as usize));
        out.push_str(&all);
    } else if point as usize >= all.len() {
        out.push_str(&all);
        out.extend(std::iter::repeat('0').take(point as usize - all.len()));
    } else {
        out.push_str(&all[..point as usize]);
        out.push('.');
        out.push_str(&all[point as usize..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(s: &str) {
        let want: Option<f64> = s.parse().ok();
        let got = parse(s);
        assert_eq!(
            got.map(|v| if v.is_nan() { 0 } else { v.to_bits() }),
            want.map(|v| if v.is_nan() { 0 } else { v.to_bits() }),
            "{s:?}"
        );
    }

    #[test]
    fn parses_as_the_standard_library() {
        for s in [
            "", "-", "+", ".", "-.", "1", "-1", "+1", "1.", ".5", "-.5", "0", "-0", "0.0", "-0.0",
            "00012", "1995", "4.5", "0.08", "1e5", "1E5", "1e", "1e+", "1e-3", "2.5e+10", "1.5.2",
            "1,5", " 1", "1 ", "inf", "-INF", "Infinity", "+infinity", "nan", "NaN", "-nan",
            "infinit", "9007199254740992", "9007199254740993", "123456789012345678901234567890",
            "0.1", "0.30000000000000004", "1e22", "1e23", "1e-22", "1e-23", "1e308", "1e309",
            "1e-400", "0.000000000000000000000000000001", "1_000", "0x10", "١٢", "3.14159265358979323846",
            "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "000000000000000000000000000001.5", "1.00000000000000000000000001", "1e99999999999999999999",
        ] {
            same(s);
        }
        // Every short decimal an article writes.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let int = x % 10_u64.pow((x >> 40) as u32 % 12);
            let frac = (x >> 20) % 10_u64.pow((x >> 50) as u32 % 8);
            same(&int.to_string());
            same(&format!("{int}.{frac}"));
            same(&format!("0.{frac:0>5}"));
        }
    }

    #[test]
    fn writes_as_the_standard_library() {
        for v in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            1995.0,
            2023.0,
            4.5,
            0.08,
            1e14,
            999_999_999_999_999.0,
            1e15,
            1e16,
            1e21,
            1e22,
            1.5e300,
            1e-7,
            0.1,
            1.0 / 3.0,
            f64::NAN,
            f64::INFINITY,
            -f64::INFINITY,
            f64::MAX,
            f64::MIN_POSITIVE,
            -12.25,
        ] {
            assert_eq!(to_string(v), v.to_string(), "{v:?}");
        }
    }
}
