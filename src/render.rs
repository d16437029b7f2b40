//! A readable plain-text rendering of an Analysis, for the command line.

use std::fmt::Write;

use crate::analysis::{Analysis, Fact};

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let s = format!("{}", v as i64);
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 && c != '-' {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else {
        format!("{v}")
    }
}

pub fn text(a: &Analysis) -> String {
    let mut o = String::new();
    if let Some(t) = &a.title {
        let _ = writeln!(o, "{t}\n{}", "=".repeat(t.chars().count().min(80)));
    }
    let _ = writeln!(
        o,
        "language {} ({:.2}) · {} words · {} min read",
        a.language, a.language_confidence, a.stats.words, a.stats.reading_minutes
    );
    for w in &a.warnings {
        let _ = writeln!(o, "warning: {w}");
    }
    let _ = writeln!(o, "\nSummary");
    for s in &a.summary {
        let _ = writeln!(o, "  • {}", s.text.trim());
    }
    if !a.keyphrases.is_empty() {
        let _ = writeln!(o, "  key phrases: {}", a.keyphrases.join(" · "));
    }
    let heading = |o: &mut String, title: &str, any: bool| {
        if any {
            let _ = writeln!(o, "\n{title}");
        }
    };
    let names = |refs: &[crate::analysis::EntityRef]| {
        refs.iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>()
            .join(" ↔ ")
    };
    fn kind(f: &Fact) -> &'static str {
        match f {
            Fact::Meeting(_) => "meeting",
            Fact::Agreement(_) => "agreement",
            Fact::Number(_) => "number",
            Fact::Quote(_) => "quote",
        }
    }
    let of = |k: &'static str| a.facts.iter().filter(move |f| kind(f) == k);
    heading(&mut o, "Meetings", of("meeting").next().is_some());
    for f in of("meeting") {
        if let Fact::Meeting(m) = f {
            let mut line = names(&m.participants);
            for x in [&m.place, &m.when].into_iter().flatten() {
                line.push_str(" · ");
                line.push_str(x);
            }
            let _ = writeln!(o, "  {line}");
        }
    }
    heading(&mut o, "Agreements", of("agreement").next().is_some());
    for f in of("agreement") {
        if let Fact::Agreement(g) = f {
            let _ = writeln!(o, "  {} — {}", g.title, names(&g.parties));
        }
    }
    heading(&mut o, "Numbers", of("number").next().is_some());
    for f in of("number") {
        if let Fact::Number(n) = f {
            let unit = n.unit.as_deref().unwrap_or("");
            let value = match (n.category, n.range) {
                (_, Some([a, b])) => format!("{a}–{b}"),
                (crate::analysis::NumberCategory::Year, _) => format!("{}", n.value),
                _ => number(n.value),
            };
            let _ = writeln!(
                o,
                "  {value} {unit} ({:?}) — {}   [{}]",
                n.category, n.about, n.text
            );
        }
    }
    heading(&mut o, "Quotes", of("quote").next().is_some());
    for f in of("quote") {
        if let Fact::Quote(q) = f {
            let who = q
                .speaker
                .as_ref()
                .map_or("speaker unknown", |s| s.name.as_str());
            let _ = writeln!(o, "  “{}” — {}", q.text, who);
        }
    }
    if !a.entities.is_empty() {
        let _ = writeln!(o, "\nEntities");
        for e in a.entities.iter().take(20) {
            let _ = writeln!(
                o,
                "  {} ({:?}{})",
                e.name,
                e.kind,
                e.country
                    .as_ref()
                    .map(|c| format!(", {c}"))
                    .unwrap_or_default()
            );
        }
    }
    o
}
