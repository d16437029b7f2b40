//! The `factcards` command: cards for articles in files or on stdin, as text or Analysis JSON;
//! `--jsonl` is the batch mode (one `{"id","text"}` per input line, one Analysis per output line).

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

use factcards::{Analysis, Analyzer};

/// mimalloc instead of the system's: the analysis makes many small strings and vectors, and
/// glibc's malloc and free were about a tenth of its time.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: factcards [--json] [--sentences K] [--max-words N] [--lang xx] [--kinds a,b] [FILE ...|-]
       factcards --jsonl [--sentences K] [--lang xx] < items.jsonl
Prints the summary and fact cards of each article (standard input when no FILE or '-'),
as text, or as the Analysis JSON with --json. --jsonl reads {\"id\",\"text\"} lines and writes one
Analysis per line with its id.";

struct Args {
    json: bool,
    jsonl: bool,
    files: Vec<String>,
    analyzer: Analyzer,
}

fn parse_args() -> Result<Args, String> {
    let mut json = false;
    let mut jsonl = false;
    let mut files = Vec::new();
    let mut b = Analyzer::builder();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--json" => json = true,
            "--jsonl" => jsonl = true,
            "--sentences" => {
                let v = value("--sentences")?;
                b = b.summary_sentences(
                    v.parse()
                        .map_err(|_| format!("--sentences: not a number: {v}"))?,
                );
            }
            "--max-words" => {
                let v = value("--max-words")?;
                b = b.max_words(
                    v.parse()
                        .map_err(|_| format!("--max-words: not a number: {v}"))?,
                );
            }
            "--lang" | "--language" => b = b.language(&value("--lang")?),
            "--kinds" => {
                b = b.kinds(
                    value("--kinds")?
                        .split(',')
                        .map(str::to_string)
                        .collect::<Vec<_>>(),
                )
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            "--version" => {
                println!("factcards {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => files.push(a),
        }
    }
    let analyzer = b.build().map_err(|e| e.to_string())?;
    Ok(Args {
        json,
        jsonl,
        files,
        analyzer,
    })
}

fn read_input(path: &str) -> Result<(String, bool), String> {
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("stdin: {e}"))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, false)),
        Err(e) => Ok((String::from_utf8_lossy(e.as_bytes()).into_owned(), true)),
    }
}

fn to_json(a: &Analysis) -> String {
    serde_json::to_string(a).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

fn batch(analyzer: &Analyzer) -> Result<(), String> {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|e| format!("stdin: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let item: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("line {}: not JSON: {e}", n + 1))?;
        let id = item.get("id").cloned().unwrap_or(serde_json::Value::Null);
        let text = item.get("text").and_then(|t| t.as_str()).unwrap_or("");
        let analysis = analyzer.analyze(text);
        let mut line = Vec::with_capacity(4096);
        sorted::analysis(&mut line, &analysis, &id);
        line.push(b'\n');
        out.write_all(&line).map_err(write_error)?;
    }
    out.flush().map_err(write_error)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    if args.jsonl {
        return batch(&args.analyzer);
    }
    let files = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files
    };
    let many = files.len() > 1;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for f in &files {
        let (text, lossy) = read_input(f)?;
        let mut a = args.analyzer.analyze(&text);
        if lossy {
            a.warnings
                .push("the input is not valid UTF-8: invalid bytes were replaced".to_string());
        }
        if args.json {
            writeln!(out, "{}", to_json(&a)).map_err(write_error)?;
        } else {
            if many {
                writeln!(out, "── {f}").map_err(write_error)?;
            }
            write!(out, "{}", factcards::render::text(&a)).map_err(write_error)?;
        }
    }
    out.flush().map_err(write_error)
}

/// A write error as a message; a closed pipe (`factcards … | head`) is no error: empty.
fn write_error(e: io::Error) -> String {
    if e.kind() == io::ErrorKind::BrokenPipe {
        String::new()
    } else {
        format!("stdout: {e}")
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_empty() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("factcards: {e}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// The Analysis of a batch line as JSON with every object's keys in byte order, `id` among them:
/// what serializing it through a `serde_json::Value` gives (its maps are sorted), written straight
/// (the `Value` was about 8 % of the CLI's time).
mod sorted {
    use factcards::analysis::*;
    use serde::Serialize;

    /// One JSON object being written: `key` adds a key and its colon.
    struct Obj<'a> {
        out: &'a mut Vec<u8>,
        first: bool,
    }

    impl<'a> Obj<'a> {
        fn new(out: &'a mut Vec<u8>) -> Obj<'a> {
            out.push(b'{');
            Obj { out, first: true }
        }
        fn key(&mut self, k: &str) -> &mut Vec<u8> {
            if !self.first {
                self.out.push(b',');
            }
            self.first = false;
            self.out.push(b'"');
            self.out.extend_from_slice(k.as_bytes());
            self.out.extend_from_slice(b"\":");
            self.out
        }
        fn val(&mut self, k: &str, v: &(impl Serialize + ?Sized)) -> &mut Self {
            leaf(self.key(k), v);
            self
        }
        fn opt(&mut self, k: &str, v: &Option<impl Serialize>) -> &mut Self {
            if let Some(v) = v {
                self.val(k, v);
            }
            self
        }
        fn end(&mut self) {
            self.out.push(b'}');
        }
    }

    fn leaf(out: &mut Vec<u8>, v: &(impl Serialize + ?Sized)) {
        let _ = serde_json::to_writer(out, v); // writing to a Vec cannot fail
    }

    fn list<T>(out: &mut Vec<u8>, items: &[T], f: impl Fn(&mut Vec<u8>, &T)) {
        out.push(b'[');
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            f(out, it);
        }
        out.push(b']');
    }

    fn span(out: &mut Vec<u8>, s: &Span) {
        Obj::new(out)
            .val("end", &s.end)
            .val("start", &s.start)
            .end();
    }

    fn spans(out: &mut Vec<u8>, s: &[Span]) {
        list(out, s, span);
    }

    fn entity_ref(out: &mut Vec<u8>, r: &EntityRef) {
        Obj::new(out).opt("id", &r.id).val("name", &r.name).end();
    }

    fn refs(out: &mut Vec<u8>, r: &[EntityRef]) {
        list(out, r, entity_ref);
    }

    fn fact(out: &mut Vec<u8>, f: &Fact) {
        let mut o = Obj::new(out);
        match f {
            Fact::Meeting(m) => {
                o.val("confidence", &m.confidence);
                spans(o.key("evidence"), &m.evidence);
                o.val("kind", "meeting");
                refs(o.key("participants"), &m.participants);
                o.opt("place", &m.place)
                    .opt("status", &m.status)
                    .opt("type", &m.meeting_type)
                    .opt("when", &m.when);
            }
            Fact::Agreement(a) => {
                o.val("confidence", &a.confidence).opt("count", &a.count);
                spans(o.key("evidence"), &a.evidence);
                o.val("kind", "agreement");
                refs(o.key("parties"), &a.parties);
                o.opt("status", &a.status)
                    .val("title", &a.title)
                    .val("topics", &a.topics)
                    .opt("when", &a.when);
            }
            Fact::Number(n) => {
                o.val("about", &n.about)
                    .val("category", &n.category)
                    .val("confidence", &n.confidence);
                spans(o.key("evidence"), &n.evidence);
                o.val("kind", "number")
                    .opt("qualifier", &n.qualifier)
                    .opt("range", &n.range);
                span(o.key("span"), &n.span);
                o.val("text", &n.text)
                    .opt("unit", &n.unit)
                    .val("value", &n.value);
            }
            Fact::Quote(q) => {
                o.val("confidence", &q.confidence);
                spans(o.key("evidence"), &q.evidence);
                o.val("kind", "quote");
                span(o.key("span"), &q.span);
                if let Some(r) = &q.speaker {
                    entity_ref(o.key("speaker"), r);
                }
                o.val("text", &q.text);
            }
        }
        o.end();
    }

    pub(super) fn analysis(out: &mut Vec<u8>, a: &Analysis, id: &serde_json::Value) {
        let mut o = Obj::new(out);
        list(o.key("entities"), &a.entities, |out, e| {
            let mut o = Obj::new(out);
            o.val("aliases", &e.aliases)
                .opt("country", &e.country)
                .val("id", &e.id)
                .val("kind", &e.kind);
            spans(o.key("mentions"), &e.mentions);
            o.val("name", &e.name)
                .opt("role", &e.role)
                .val("salience", &e.salience)
                .end();
        });
        list(o.key("facts"), &a.facts, fact);
        o.val("id", id)
            .val("keyphrases", &a.keyphrases)
            .val("language", &a.language)
            .val("languageConfidence", &a.language_confidence)
            .val("schemaVersion", &a.schema_version);
        let s = &a.stats;
        Obj::new(o.key("stats"))
            .val("characters", &s.characters)
            .val("readingMinutes", &s.reading_minutes)
            .val("sentences", &s.sentences)
            .val("words", &s.words)
            .end();
        list(o.key("summary"), &a.summary, |out, s| {
            Obj::new(out)
                .val("end", &s.end)
                .val("index", &s.index)
                .val("score", &s.score)
                .val("start", &s.start)
                .val("text", &s.text)
                .end();
        });
        o.val("title", &a.title).val("warnings", &a.warnings).end();
    }
}
