//! Invariants on any input: no panic, and every span is a valid UTF-16 range of the original text,
//! never inside a surrogate pair, that slices to the text reported for it.

use factcards::analysis::Fact;
use factcards::{Analysis, Analyzer};
use proptest::prelude::*;

/// Pieces that stress normalization, segmentation and the extractors.
const PIECES: &[&str] = &[
    "Il presidente ",
    "Vladimir Putin",
    " ha detto ",
    "“",
    "”",
    "«",
    "»",
    "„",
    "\"",
    "‘",
    "’",
    "'",
    ". ",
    "! ",
    "? ",
    "… ",
    "...",
    ", ",
    ": ",
    "\n",
    "\r\n",
    "\n\n",
    "\u{00A0}",
    "\u{202F}",
    "\t",
    "50 miliardi di dollari",
    "$50bn",
    "£600m",
    "80%",
    "oltre l'",
    "1.000,5",
    "1,000.5",
    "tra il 1995 e il 2023",
    "2019-2021",
    "G7",
    "COVID-19",
    "F-16",
    "una dozzina di accordi",
    "24 anni",
    "three months",
    "👍🏽",
    "🇮🇹",
    "e\u{0301}",
    "\u{0301}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{FFFD}",
    "مرحبا بالعالم",
    "你好，世界。",
    "<p>",
    "</p>",
    "<script>x()</script>",
    "&amp;",
    "&#39;",
    "<img src=x onerror=alert(1)>",
    "Back to top button",
    "Read more",
    "Mr. ",
    "U.S. ",
    "Dr. Smith",
    "Nazioni Unite",
    "ONU",
    "Hanoi",
    "signed a treaty with ",
    "ha firmato un patto con ",
    "said",
    "told reporters",
    "secondo ",
    "12",
    "0",
    "-",
    "–",
    "—",
    "(",
    ")",
    "A",
    "a",
    " ",
    "  ",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
}

fn utf16_slice(units: &[u16], start: usize, end: usize) -> String {
    String::from_utf16_lossy(&units[start..end])
}

fn check(text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let ok = |s: usize, e: usize| -> bool {
        let inside = |i: usize| i > 0 && i < units.len() && (0xDC00..0xE000).contains(&units[i]);
        s <= e && e <= units.len() && !inside(s) && !inside(e)
    };
    for s in &a.summary {
        prop_assert!(ok(s.start, s.end), "summary span {}..{}", s.start, s.end);
        prop_assert_eq!(utf16_slice(&units, s.start, s.end), s.text.clone());
    }
    for f in &a.facts {
        for e in f.evidence() {
            prop_assert!(ok(e.start, e.end), "evidence {}..{}", e.start, e.end);
        }
        match f {
            Fact::Number(n) => {
                prop_assert!(ok(n.span.start, n.span.end));
                prop_assert_eq!(
                    utf16_slice(&units, n.span.start, n.span.end),
                    n.text.clone()
                );
            }
            Fact::Quote(q) => {
                prop_assert!(ok(q.span.start, q.span.end));
                prop_assert_eq!(
                    utf16_slice(&units, q.span.start, q.span.end),
                    q.text.clone()
                );
            }
            _ => {}
        }
    }
    for e in &a.entities {
        for m in &e.mentions {
            prop_assert!(ok(m.start, m.end), "mention {}..{}", m.start, m.end);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_valid_on_any_mix(t in text()) {
        let a = Analyzer::default().analyze(&t);
        check(&t, &a)?;
    }

    #[test]
    fn spans_are_valid_in_every_language(t in text(), lang in prop::sample::select(&factcards::LANGUAGES[..])) {
        let a = Analyzer::builder().language(lang).build().unwrap().analyze(&t);
        check(&t, &a)?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(t in "\\PC{0,300}") {
        let a = Analyzer::default().analyze(&t);
        check(&t, &a)?;
    }
}
/// Pathological inputs finish (their cost is measured by the bench, not here) and stay valid.
#[test]
fn pathological_inputs() {
    let cases: Vec<String> = vec![
        "parola ".repeat(150_000), // one ~1 MB line
        "“a” ".repeat(25_000),     // many quotes
        "Nome ".repeat(50_000),    // 50k capitalized words
        format!("{}x{}", "“«„".repeat(3_000), "”»“".repeat(3_000)), // deeply nested quotes
        "1234567890".repeat(20_000), // only digits
        "مرحبا بالعالم. ".repeat(5_000), // RTL
        "你好，世界。".repeat(10_000), // CJK
        "👍🏽🇮🇹 ".repeat(20_000),    // emoji
        ". ".repeat(50_000),       // only sentence ends
        "\"".repeat(30_000),       // only straight quotes
    ];
    for t in &cases {
        let a = Analyzer::default().analyze(t);
        check(t, &a).unwrap();
    }
}

/// Inputs the fuzzer (`./build.sh fuzz`) found a panic with, kept as they were found: every
/// language reads them without panicking and with valid spans.
#[test]
fn fuzz_findings() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let t = String::from_utf8_lossy(&bytes);
        for lang in factcards::LANGUAGES {
            let a = Analyzer::builder()
                .language(lang)
                .build()
                .unwrap()
                .analyze(&t);
            check(&t, &a).unwrap();
        }
    }
}
