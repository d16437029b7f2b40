//! The JS boundary (wasm32 only): converts options in and the Analysis out, maps errors to JS
//! `Error`s. It decides nothing.
//!
//! The web build has no language built in (cargo feature `builtin-languages` off): `pkg/factcards.js`
//! asks [`language_for`] which language a text needs, fetches `factcards-<lang>.bin` and hands it
//! to [`load_language`] before [`analyze`].

use wasm_bindgen::prelude::*;

use crate::{Analyzer, Options};

fn js_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&format!("factcards: {message}")).into()
}

fn analyzer(options: JsValue) -> Result<Analyzer, JsValue> {
    Analyzer::builder()
        .options(read_options(&options)?)
        .build()
        .map_err(js_error)
}

/// The options object, read field by field: serde's deserializer and its messages cost about 5 KB of
/// the gzipped .wasm for five fields.
fn read_options(o: &JsValue) -> Result<Options, JsValue> {
    let mut out = Options::default();
    if o.is_undefined() || o.is_null() {
        return Ok(out);
    }
    if !o.is_object() {
        return Err(js_error("bad options: expected an object"));
    }
    let bad = |name: &str, want: &str| js_error(format!("bad options: {name} must be {want}"));
    let count = |name: &str, v: &JsValue| -> Result<usize, JsValue> {
        v.as_f64()
            .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= u32::MAX as f64)
            .map(|n| n as usize)
            .ok_or_else(|| bad(name, "a whole number"))
    };
    let object: &js_sys::Object = o.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        let v = js_sys::Reflect::get(o, &key).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() || v.is_null() {
            continue;
        }
        match name.as_str() {
            "language" => out.language = Some(v.as_string().ok_or_else(|| bad(&name, "a string"))?),
            "summarySentences" => out.summary_sentences = Some(count(&name, &v)?),
            "maxWords" => out.max_words = Some(count(&name, &v)?),
            "maxChars" => out.max_chars = Some(count(&name, &v)?),
            "kinds" => {
                let list: js_sys::Array = v.dyn_into().map_err(|_| bad(&name, "an array of strings"))?;
                out.kinds = Some(
                    list.iter()
                        .map(|k| k.as_string().ok_or_else(|| bad(&name, "an array of strings")))
                        .collect::<Result<_, _>>()?,
                );
            }
            _ => return Err(js_error(format!("bad options: unknown field `{name}`, expected one of `language`, `summarySentences`, `maxWords`, `kinds`, `maxChars`"))),
        }
    }
    Ok(out)
}

/// Analyses `text` and returns the Analysis as a plain object.
/// `options`: `{ language?, summarySentences?, maxWords?, kinds?, maxChars? }`.
/// Fails on invalid options, and when the text's language data is not loaded.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let analysis =
        analyzer(options)?
            .try_analyze(text)
            .map_err(|e| match e.language_to_load() {
                Some(_) => js_error(format!("{e}: await ready(text) before analyze(text)")),
                None => js_error(e),
            })?;
    Ok(js::analysis(&analysis).into())
}

/// The Analysis as plain JS objects, field by field in the order of `src/analysis.rs` (what
/// serde's JSON gives, `null` for an absent title; the optional fields absent): serde-wasm-bindgen
/// and its formatting machinery cost about 8 KB of the gzipped .wasm.
mod js {
    use crate::analysis::*;
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::JsValue;

    struct Obj(Object);

    impl Obj {
        fn new() -> Obj {
            Obj(Object::new())
        }
        fn set(&self, key: &str, value: impl Into<JsValue>) -> &Obj {
            let _ = Reflect::set(&self.0, &JsValue::from_str(key), &value.into());
            self
        }
        fn opt(&self, key: &str, value: Option<impl Into<JsValue>>) -> &Obj {
            if let Some(v) = value {
                self.set(key, v);
            }
            self
        }
        fn get(&self) -> JsValue {
            self.0.clone().into()
        }
    }

    fn num(n: usize) -> JsValue {
        JsValue::from_f64(n as f64)
    }

    fn list<T>(items: &[T], f: impl Fn(&T) -> JsValue) -> JsValue {
        let out = Array::new_with_length(items.len() as u32);
        for (i, it) in items.iter().enumerate() {
            out.set(i as u32, f(it));
        }
        out.into()
    }

    fn strings(items: &[String]) -> JsValue {
        list(items, |s| JsValue::from_str(s))
    }

    fn span(s: &Span) -> JsValue {
        Obj::new()
            .set("start", num(s.start))
            .set("end", num(s.end))
            .get()
    }

    fn entity_ref(r: &EntityRef) -> JsValue {
        Obj::new()
            .opt("id", r.id.as_deref())
            .set("name", r.name.as_str())
            .get()
    }

    fn fact(f: &Fact) -> JsValue {
        let o = Obj::new();
        match f {
            Fact::Meeting(m) => {
                o.set("kind", "meeting")
                    .set("evidence", list(&m.evidence, span))
                    .set("confidence", m.confidence)
                    .set("participants", list(&m.participants, entity_ref))
                    .opt(
                        "type",
                        m.meeting_type.map(|t| match t {
                            MeetingType::Summit => "summit",
                            MeetingType::Talks => "talks",
                            MeetingType::Visit => "visit",
                            MeetingType::Call => "call",
                            MeetingType::Meeting => "meeting",
                        }),
                    )
                    .opt("place", m.place.as_deref())
                    .opt("when", m.when.as_deref())
                    .opt(
                        "status",
                        m.status.map(|s| match s {
                            MeetingStatus::Held => "held",
                            MeetingStatus::Planned => "planned",
                        }),
                    );
            }
            Fact::Agreement(a) => {
                o.set("kind", "agreement")
                    .set("evidence", list(&a.evidence, span))
                    .set("confidence", a.confidence)
                    .set("parties", list(&a.parties, entity_ref))
                    .set("title", a.title.as_str())
                    .set("topics", strings(&a.topics))
                    .opt("count", a.count)
                    .opt("when", a.when.as_deref())
                    .opt(
                        "status",
                        a.status.map(|s| match s {
                            AgreementStatus::Signed => "signed",
                            AgreementStatus::Planned => "planned",
                        }),
                    );
            }
            Fact::Number(n) => {
                o.set("kind", "number")
                    .set("evidence", list(&n.evidence, span))
                    .set("confidence", n.confidence)
                    .set("text", n.text.as_str())
                    .set("value", n.value)
                    .opt("unit", n.unit.as_deref())
                    .set(
                        "category",
                        match n.category {
                            NumberCategory::Money => "money",
                            NumberCategory::Percent => "percent",
                            NumberCategory::Count => "count",
                            NumberCategory::Year => "year",
                            NumberCategory::Range => "range",
                            NumberCategory::Duration => "duration",
                            NumberCategory::Date => "date",
                            NumberCategory::Quantity => "quantity",
                        },
                    )
                    .set("about", n.about.as_str())
                    .opt(
                        "range",
                        n.range.map(|[a, b]| Array::of2(&a.into(), &b.into())),
                    )
                    .opt("qualifier", n.qualifier.as_deref())
                    .set("span", span(&n.span));
            }
            Fact::Quote(q) => {
                o.set("kind", "quote")
                    .set("evidence", list(&q.evidence, span))
                    .set("confidence", q.confidence)
                    .set("text", q.text.as_str())
                    .opt("speaker", q.speaker.as_ref().map(entity_ref))
                    .set("span", span(&q.span));
            }
        }
        o.get()
    }

    pub(super) fn analysis(a: &Analysis) -> JsValue {
        Obj::new()
            .set("schemaVersion", a.schema_version)
            .set("language", a.language.as_str())
            .set("languageConfidence", a.language_confidence)
            .set(
                "title",
                a.title.as_deref().map_or(JsValue::NULL, JsValue::from_str),
            )
            .set(
                "summary",
                list(&a.summary, |s| {
                    Obj::new()
                        .set("start", num(s.start))
                        .set("end", num(s.end))
                        .set("text", s.text.as_str())
                        .set("index", num(s.index))
                        .set("score", s.score)
                        .get()
                }),
            )
            .set("keyphrases", strings(&a.keyphrases))
            .set(
                "entities",
                list(&a.entities, |e| {
                    Obj::new()
                        .set("id", e.id.as_str())
                        .set("name", e.name.as_str())
                        .set(
                            "kind",
                            match e.kind {
                                EntityKind::Person => "person",
                                EntityKind::Organization => "organization",
                                EntityKind::Country => "country",
                                EntityKind::Place => "place",
                                EntityKind::Other => "other",
                            },
                        )
                        .set("aliases", strings(&e.aliases))
                        .opt("role", e.role.as_deref())
                        .opt("country", e.country.as_deref())
                        .set("mentions", list(&e.mentions, span))
                        .set("salience", e.salience)
                        .get()
                }),
            )
            .set("facts", list(&a.facts, fact))
            .set("stats", {
                let s = &a.stats;
                Obj::new()
                    .set("characters", num(s.characters))
                    .set("words", num(s.words))
                    .set("sentences", num(s.sentences))
                    .set("readingMinutes", s.reading_minutes)
                    .get()
            })
            .set("warnings", strings(&a.warnings))
            .get()
    }
}

/// The language `analyze(text, options)` reads `text` in: the forced one, or the one detected
/// (every language's detection profile is in the core, loaded or not).
#[wasm_bindgen(js_name = languageFor)]
pub fn language_for(text: &str, options: JsValue) -> Result<String, JsValue> {
    Ok(analyzer(options)?.language_of(text).to_string())
}

/// Loads a language file (`factcards-<lang>.bin`) and returns its language code.
#[wasm_bindgen(js_name = loadLanguage)]
pub fn load_language(bytes: &[u8]) -> Result<String, JsValue> {
    crate::load_language(bytes.to_vec())
        .map(str::to_string)
        .map_err(js_error)
}

/// Whether a language's data is loaded.
#[wasm_bindgen(js_name = hasLanguage)]
pub fn has_language(code: &str) -> bool {
    crate::language_ready(code)
}

/// The languages factcards knows, in the order language detection breaks ties.
#[wasm_bindgen]
pub fn languages() -> Vec<String> {
    crate::LANGUAGES.iter().map(|c| c.to_string()).collect()
}

/// The version of the factcards core.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
