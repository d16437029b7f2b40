//! Any bytes → text (lossy UTF-8, as the CLI reads it) and options: analyze never panics and every
//! span is a valid UTF-16 range that slices to its text.
#![no_main]

use factcards::analysis::Fact;
use factcards::Analyzer;
use libfuzzer_sys::fuzz_target;

const KINDS: [&str; 4] = ["meeting", "agreement", "number", "quote"];

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let (opts, rest) = data.split_at(3);
    // "auto", then every language factcards knows.
    let pick = opts[0] as usize % (factcards::LANGUAGES.len() + 1);
    let mut b = Analyzer::builder().language(pick.checked_sub(1).map_or("auto", |i| factcards::LANGUAGES[i]));
    if opts[1] % 4 != 0 {
        b = b.summary_sentences((opts[1] % 12) as usize + 1);
    }
    if opts[2] & 0x80 != 0 {
        b = b.kinds(KINDS.iter().enumerate().filter(|(i, _)| opts[2] >> i & 1 == 1).map(|(_, k)| *k));
    }
    if opts[2] & 0x40 != 0 {
        b = b.max_chars(1 + (opts[2] & 0x3f) as usize * 16);
    }
    let Ok(analyzer) = b.build() else { return };
    let text = String::from_utf8_lossy(rest);
    let a = analyzer.analyze(&text);
    let units: Vec<u16> = text.encode_utf16().collect();
    let slice = |s: usize, e: usize| {
        assert!(s <= e && e <= units.len(), "span {s}..{e} outside 0..{}", units.len());
        String::from_utf16(&units[s..e]).expect("span splits a surrogate pair")
    };
    for s in &a.summary {
        assert_eq!(slice(s.start, s.end), s.text);
    }
    for f in &a.facts {
        for e in f.evidence() {
            slice(e.start, e.end);
        }
        match f {
            Fact::Number(n) => assert_eq!(slice(n.span.start, n.span.end), n.text),
            Fact::Quote(q) => assert_eq!(slice(q.span.start, q.span.end), q.text),
            _ => {}
        }
    }
    for e in &a.entities {
        for m in &e.mentions {
            slice(m.start, m.end);
        }
    }
});
