//! Time of one analysis of each pathological input (the bench report includes it): every one
//! must stay within the linear budget — a 1 MB line, 25k quotes, 50k capitalized words, deeply
//! nested quotes, only digits, RTL, CJK, emoji, only sentence ends, only straight quotes.
use std::time::Instant;
fn main() {
    let cases: Vec<(&str, String)> = vec![
        ("1MB line", "parola ".repeat(150_000)),
        ("quotes", "“a” ".repeat(25_000)),
        ("caps", "Nome ".repeat(50_000)),
        (
            "nested",
            format!("{}x{}", "“«„".repeat(3_000), "”»“".repeat(3_000)),
        ),
        ("digits", "1234567890".repeat(20_000)),
        ("rtl", "مرحبا بالعالم. ".repeat(5_000)),
        ("cjk", "你好，世界。".repeat(10_000)),
        ("emoji", "👍🏽🇮🇹 ".repeat(20_000)),
        ("enders", ". ".repeat(50_000)),
        ("straight", "\"".repeat(30_000)),
    ];
    for (name, t) in &cases {
        let t0 = Instant::now();
        let a = factcards::Analyzer::default().analyze(t);
        println!("{name}: {:?} ({} facts)", t0.elapsed(), a.facts.len());
    }
}
