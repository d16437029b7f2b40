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
        let mut v = serde_json::to_value(&analysis).map_err(|e| e.to_string())?;
        if let Some(obj) = v.as_object_mut() {
            obj.insert("id".to_string(), id);
        }
        serde_json::to_writer(&mut out, &v).map_err(|e| write_error(e.into()))?;
        out.write_all(b"\n").map_err(write_error)?;
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
