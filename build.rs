//! Compiles `data/` (see `src/lexicon/compile.rs`) into `$OUT_DIR`:
//! - `factcards-<lang>.bin`, one file per folder with a `language.txt`, built into the native
//!   crate (feature `builtin-languages`); for the wasm target, `web/factcards-<lang>.bin` too,
//!   the same packed (`src/lexicon/pack.rs`), which the web build fetches on demand;
//! - `core.bin`, what every language shares (detection profiles, page chrome, organization cues),
//!   always built in;
//! - `languages.rs`, the list of languages and their stemmers, for `src/lexicon/mod.rs`;
//! - `factcards-files.js`, the list of languages and their files, and `factcards-labels.js`, the
//!   widget's labels of every language, copied into `pkg/` by build.sh.
//!
//! A language is its folder: nothing here or in the code names one.

#[allow(dead_code)]
#[path = "src/lexicon/compile.rs"]
mod compile;
#[allow(dead_code)]
#[path = "src/lexicon/lists.rs"]
mod lists;
#[allow(dead_code)]
#[path = "src/lexicon/pack.rs"]
mod pack;
#[allow(dead_code)]
#[path = "src/lexicon/store.rs"]
mod store;
#[allow(dead_code)]
#[path = "src/token.rs"]
mod token;

/// What `src/token.rs` needs of `crate::unicode`, straight from unicode-normalization.
mod unicode {
    pub fn is_combining_mark(c: char) -> bool {
        unicode_normalization::char::is_combining_mark(c)
    }
    pub fn lower(c: char) -> impl Iterator<Item = char> {
        c.to_lowercase()
    }
}

use std::fs;
use std::path::Path;

/// The Snowball algorithms of rust-stemmers a language may name.
const STEMMERS: &[&str] = &[
    "arabic",
    "danish",
    "dutch",
    "english",
    "finnish",
    "french",
    "german",
    "greek",
    "hungarian",
    "italian",
    "norwegian",
    "portuguese",
    "romanian",
    "russian",
    "spanish",
    "swedish",
    "tamil",
    "turkish",
];

fn main() {
    for path in [
        "data",
        "src/lexicon/compile.rs",
        "src/lexicon/lists.rs",
        "src/lexicon/pack.rs",
        "src/lexicon/store.rs",
        "src/token.rs",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    if let Err(e) = run() {
        panic!("building the language files: {e}");
    }
}

fn run() -> Result<(), String> {
    let out = std::env::var("OUT_DIR").map_err(|e| e.to_string())?;
    let out = Path::new(&out);
    let root = Path::new("data");
    let langs = compile::languages(root)?;
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm {
        fs::create_dir_all(out.join("web")).map_err(|e| e.to_string())?;
    }
    let write = |name: &str, bytes: &[u8]| {
        fs::write(out.join(name), bytes).map_err(|e| format!("{name}: {e}"))
    };
    for d in &langs {
        if d.stemmer != "none" && !STEMMERS.contains(&d.stemmer.as_str()) {
            return Err(format!(
                "{}: stemmer {} is none of: none, {}",
                d.code,
                d.stemmer,
                STEMMERS.join(", ")
            ));
        }
        let file = compile::language(&root.join(&d.code), &root.join("common"), d)?;
        write(&format!("factcards-{}.bin", d.code), &file.bytes)?;
        // The web build's files, packed (build.sh copies them into pkg/).
        if wasm {
            write(&format!("web/factcards-{}.bin", d.code), &file.packed())?;
        }
        // The image of the tables a reader builds from the file, which native builds read as
        // they are (`Store::read_built`): no parsing or hashing when a language is first used.
        let store = store::Store::read(Box::leak(file.bytes.clone().into_boxed_slice()))
            .map_err(|e| format!("{}: reading it back: {e}", d.code))?;
        write(
            &format!("factcards-{}.image", d.code),
            &store.image(file.bytes.len()),
        )?;
    }
    write("core.bin", &compile::core(root, &langs)?)?;
    write("factcards-files.js", compile::files_js(&langs).as_bytes())?;
    write("factcards-labels.js", compile::labels_js(&langs).as_bytes())?;
    write("unicode_tables.rs", unicode_tables().as_bytes())?;
    write("languages.rs", languages_rs(&langs).as_bytes())
}

/// LEB128 varints, as the packed tables hold them.
fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A packed table as a Rust byte array.
fn byte_table(name: &str, doc: &str, bytes: &[u8]) -> String {
    let mut out = format!("/// {doc}\npub static {name}: &[u8] = &[");
    for (i, b) in bytes.iter().enumerate() {
        out.push_str(if i % 32 == 0 { "\n    " } else { " " });
        out.push_str(&format!("{b},"));
    }
    out.push_str("\n];\n");
    out
}

/// The ranges of code points with a property, packed: per range, its distance from the end of the
/// range before and its length less one (varints; `src/unicode.rs` unpacks them).
fn ranges(name: &str, doc: &str, has: impl Fn(char) -> bool) -> String {
    let mut bytes = Vec::new();
    let (mut start, mut last_end): (Option<u32>, u32) = (None, 0);
    for cp in 0..=0x11_0000u32 {
        let yes = char::from_u32(cp).is_some_and(&has);
        match (yes, start) {
            (true, None) => start = Some(cp),
            (false, Some(s)) => {
                varint(&mut bytes, u64::from(s - last_end));
                varint(&mut bytes, u64::from(cp - 1 - s));
                last_end = cp - 1;
                start = None;
            }
            _ => {}
        }
    }
    byte_table(name, doc, &bytes)
}

/// A case mapping of the standard library (`char::to_lowercase` or `char::to_uppercase`) as two
/// tables: runs of characters mapped to one character at the same distance (every character, or
/// every other one), and the characters mapped to several.
fn case_tables(name: &str, map: impl Fn(char) -> Vec<char>) -> String {
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new(); // start, stride, count, delta
    let mut multi = Vec::new(); // packed: the distance from the character before, three characters
    let mut last_multi = 0;
    for cp in 0..=0x10_FFFFu32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let to = map(c);
        if to.len() > 1 {
            let mut t = [0u32; 3];
            for (k, x) in to.iter().enumerate() {
                t[k] = *x as u32;
            }
            varint(&mut multi, u64::from(cp - last_multi));
            for x in t {
                varint(&mut multi, u64::from(x));
            }
            last_multi = cp;
            continue;
        }
        if to == [c] {
            continue;
        }
        let delta = to[0] as i64 - cp as i64;
        if let Some(r) = runs.last_mut() {
            let last = r.0 + r.1 * (r.2 - 1);
            if r.3 == delta && ((r.2 == 1 && cp - last <= 2) || (r.2 > 1 && cp - last == r.1)) {
                r.1 = cp - last;
                r.2 += 1;
                continue;
            }
        }
        runs.push((cp, 1, 1, delta));
    }
    // Packed (varints; `src/unicode.rs` unpacks them): per run, its distance from the run before,
    // count × 2 + (every other one), the distance it maps by (zigzag: 2d, or -2d - 1 below 0).
    let mut packed = Vec::new();
    let mut last = 0;
    for (start, stride, count, delta) in runs {
        varint(&mut packed, u64::from(start - last));
        varint(&mut packed, u64::from(count * 2 + u32::from(stride == 2)));
        varint(
            &mut packed,
            if delta >= 0 {
                delta as u64 * 2
            } else {
                (-delta) as u64 * 2 - 1
            },
        );
        last = start;
    }
    let upper = name.to_uppercase();
    format!(
        "{}{}",
        byte_table(
            &format!("{upper}_RUNS"),
            &format!("Runs of `char::to_{name}case`: (first character, count × 2 + (every other one), distance), packed."),
            &packed
        ),
        byte_table(
            &format!("{upper}_MULTI"),
            &format!("The characters `char::to_{name}case` maps to several: (character, three characters, 0 for none), packed."),
            &multi
        )
    )
}

fn unicode_tables() -> String {
    // str::to_lowercase's final sigma, probed: "xΣ" ends in ς when x is cased and not
    // case-ignorable; "AxΣ" when x is case-ignorable, or cased.
    let final_sigma = |s: String| s.to_lowercase().ends_with('ς');
    format!(
        "// Generated by build.rs from the unicode-normalization crate and the standard library: do not edit.\n\n{}\n{}\n{}\n{}\n{}\n{}",
        case_tables("lower", |c| c.to_lowercase().collect()),
        case_tables("upper", |c| c.to_uppercase().collect()),
        ranges(
            "CASE_IGNORABLE",
            "Case-ignorable characters (what str::to_lowercase skips looking for a final sigma).",
            |c| final_sigma(format!("A{c}Σ")) && !final_sigma(format!("{c}Σ"))
        ),
        ranges(
            "CASED",
            "Cased characters that are not case-ignorable.",
            |c| final_sigma(format!("{c}Σ"))
        ),
        ranges(
            "COMBINING_MARKS",
            "Combining marks (general category Mn, Mc, Me).",
            unicode_normalization::char::is_combining_mark
        ),
        ranges(
            "NONZERO_COMBINING_CLASS",
            "Characters whose canonical combining class is not 0.",
            |c| unicode_normalization::char::canonical_combining_class(c) != 0
        ),
    )
}

fn languages_rs(langs: &[compile::Description]) -> String {
    let codes: Vec<String> = langs.iter().map(|d| format!("{:?}", d.code)).collect();
    let fallback = langs
        .iter()
        .find(|d| d.fallback)
        .map_or("", |d| d.code.as_str());
    let mut builtin = String::new();
    for d in langs {
        builtin.push_str(&format!(
            "        {code:?} => {{\n            static IMAGE: &Aligned<[u8]> =\n                &Aligned(*include_bytes!(concat!(env!(\"OUT_DIR\"), \"/factcards-{code}.image\")));\n            Some((\n                include_bytes!(concat!(env!(\"OUT_DIR\"), \"/factcards-{code}.bin\")),\n                &IMAGE.0,\n            ))\n        }}\n",
            code = d.code
        ));
    }
    let mut names: Vec<&str> = langs
        .iter()
        .map(|d| d.stemmer.as_str())
        .filter(|s| *s != "none")
        .collect();
    names.sort_unstable();
    names.dedup();
    // Native builds stem with rust-stemmers; the web build with the stemmer module its language
    // file carries (`stemmer/`), which `Store::read` instantiated (`src/stemmer.rs`).
    let mut stemmers = String::new();
    for n in names {
        let mut variant = n.to_string();
        variant[..1].make_ascii_uppercase();
        stemmers.push_str(&format!(
            "        #[cfg(not(target_arch = \"wasm32\"))]\n        {n:?} => Some(|w| {{\n            rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::{variant})\n                .stem(w)\n                .into_owned()\n        }}),\n        #[cfg(target_arch = \"wasm32\")]\n        {n:?} => Some(|w| crate::stemmer::stem({n:?}, w)),\n"
        ));
    }
    format!(
        "// Generated by build.rs from data/*/language.txt: do not edit.\n\
         \n\
         /// The languages factcards knows, in the order language detection breaks ties.\n\
         pub const LANGUAGES: [&str; {n}] = [{codes}];\n\
         \n\
         /// The language of a text in which no language's function words are found.\n\
         pub const FALLBACK: &str = {fallback:?};\n\
         \n\
         /// What every language shares: detection profiles, page chrome, organization cues.\n\
         pub(crate) static CORE: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/core.bin\"));\n\
         \n\
         /// Bytes aligned for the numbers of an image's tables.\n\
         #[cfg(feature = \"builtin-languages\")]\n\
         #[repr(C, align(8))]\n\
         struct Aligned<B: ?Sized>(B);\n\
         \n\
         /// The file of a language built into the crate, and the image of its tables\n\
         /// (`Store::read_built`).\n\
         #[cfg(feature = \"builtin-languages\")]\n\
         pub(crate) fn builtin(code: &str) -> Option<(&'static [u8], &'static [u8])> {{\n    match code {{\n{builtin}        _ => None,\n    }}\n}}\n\
         \n\
         /// The file of a language built into the crate: none in this build.\n\
         #[cfg(not(feature = \"builtin-languages\"))]\n\
         pub(crate) fn builtin(_code: &str) -> Option<(&'static [u8], &'static [u8])> {{\n    None\n}}\n\
         \n\
         /// The stemmer a language's `language.txt` names (only those named are compiled in).\n\
         pub(crate) fn stemmer(name: &str) -> Option<fn(&str) -> String> {{\n    match name {{\n{stemmers}        _ => None,\n    }}\n}}\n",
        n = langs.len(),
        codes = codes.join(", "),
    )
}
