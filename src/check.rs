//! The invariants every output of the pipeline keeps, checked on the rows exactly as they are
//! written (through [`crate::output::emit`]), against the original text obtained independently
//! of the pipeline.
//!
//! The fuzz target (`fuzz/`), the regression tests of its findings (`tests/fuzz_regressions.rs`)
//! and the hostile-input tests use these checks:
//! - no panic anywhere (the pipeline turns a panic into an `internal error` row, which fails the
//!   check);
//! - one documents row per article (nothing disappears), its `chars` the length of the original;
//! - every `start`/`end` a code point offset with `start < end <= chars`, and every text cell
//!   (`text`, `surface`) equal to the original's code points `start..end`;
//! - blocks and sentences in order and not overlapping, each sentence inside a block that has
//!   sentences, each token inside its sentence and after the token before it, each entity, quote
//!   and commitment starting inside the sentence it names, and each `quote_id` naming a quote.

use std::collections::BTreeMap;
use std::io::{self, BufRead};

use serde::Serialize;

use crate::doc::Item;
use crate::ingest::{decode, Ingest, IngestOptions};
use crate::output::{self, Sink, Table};
use crate::{Outcome, Pipeline};

/// Every table of one outcome, as CSV rows (no header).
#[derive(Default)]
struct Memory {
    tables: BTreeMap<&'static str, csv::Writer<Vec<u8>>>,
}

impl Sink for Memory {
    fn wants(&self, _table: Table) -> bool {
        true
    }

    fn row<S: Serialize>(&mut self, table: Table, row: &S) -> io::Result<()> {
        let w = self.tables.entry(table.name()).or_insert_with(|| output::csv_writer(Vec::new()));
        w.serialize(row).map_err(io::Error::other)
    }
}

type Row = BTreeMap<&'static str, String>;

impl Memory {
    fn rows(&mut self, table: Table) -> Result<Vec<Row>, String> {
        let Some(w) = self.tables.remove(table.name()) else { return Ok(Vec::new()) };
        let bytes = w.into_inner().map_err(|e| e.to_string())?;
        let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[..]);
        let mut out = Vec::new();
        for rec in r.records() {
            let rec = rec.map_err(|e| format!("{}.csv does not read back: {e}", table.name()))?;
            if rec.len() != table.columns().len() {
                return Err(format!("{}.csv row has {} fields: {rec:?}", table.name(), rec.len()));
            }
            out.push(table.columns().iter().copied().zip(rec.iter().map(String::from)).collect());
        }
        Ok(out)
    }
}

fn num(row: &Row, col: &str) -> Result<usize, String> {
    row[col].parse().map_err(|_| format!("column {col} is not a number: {row:?}"))
}

/// Checks one outcome. `original` is the article's text as read independently of the pipeline
/// (`None` when the input is not an article, e.g. undecodable bytes: then the outcome must be
/// an error row). Returns the number of rows checked.
pub fn check_outcome(original: Option<&str>, outcome: &Outcome) -> Result<usize, String> {
    let mut mem = Memory::default();
    // A span outside the text makes the writer panic: that is a failed check too.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| output::emit(&mut mem, outcome)))
        .map_err(|_| "writing the rows panicked (a span outside the text?)".to_string())?
        .map_err(|e| format!("emit: {e}"))?;
    let docs = mem.rows(Table::Documents)?;
    let [doc] = &docs[..] else { return Err(format!("{} documents rows for one article", docs.len())) };
    if doc["message"].contains("internal error") {
        return Err(format!("panic inside the pipeline: {}", doc["message"]));
    }
    match (outcome, original) {
        (Outcome::Failed(f), _) => {
            if doc["status"] != "error" || f.message.is_empty() || !f.message.contains(&f.source) {
                return Err(format!("an error row must say what is wrong and name its source: {doc:?}"));
            }
            return Ok(1);
        }
        (Outcome::Done(_), None) => return Err(format!("input that is no article was processed: {doc:?}")),
        (Outcome::Done(a), Some(original)) => {
            if a.doc.text != original {
                return Err("the document text is not the original text".into());
            }
            if !matches!(doc["status"].as_str(), "ok" | "empty") {
                return Err(format!("a processed article has status {:?}", doc["status"]));
            }
        }
    }
    let chars: Vec<char> = original.unwrap_or_default().chars().collect();
    if num(doc, "chars")? != chars.len() {
        return Err(format!("documents.chars {} but the text has {} code points", doc["chars"], chars.len()));
    }
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    let mut checked = 1;
    let mut spans: BTreeMap<&str, Vec<(usize, usize, Row)>> = BTreeMap::new();
    for (table, text_col) in [
        (Table::Blocks, "text"),
        (Table::Sentences, "text"),
        (Table::Tokens, "surface"),
        (Table::Entities, "text"),
        (Table::Quotes, "text"),
        (Table::Commitments, "text"),
    ] {
        let name = table.name();
        for row in mem.rows(table)? {
            let (s, e) = (num(&row, "start")?, num(&row, "end")?);
            if !(s < e && e <= chars.len()) {
                return Err(format!("{name}.csv offsets {s}..{e} out of 0..{}: {row:?}", chars.len()));
            }
            if slice(s, e) != row[text_col] {
                return Err(format!("{name}.csv {text_col} is not the original {s}..{e} ({:?}): {row:?}", slice(s, e)));
            }
            checked += 1;
            spans.entry(name).or_default().push((s, e, row));
        }
    }
    let get = |name: &str| spans.get(name).map(Vec::as_slice).unwrap_or_default();
    for (name, count_col) in [("sentences", "sentences"), ("entities", "entities"), ("quotes", "quotes"), ("commitments", "commitments")] {
        if num(doc, count_col)? != get(name).len() {
            return Err(format!("documents.{count_col} is {} but {name}.csv has {} rows", doc[count_col], get(name).len()));
        }
    }
    in_order("blocks", get("blocks"))?;
    in_order("sentences", get("sentences"))?;
    let text_blocks: Vec<(usize, usize)> = get("blocks")
        .iter()
        .filter(|(_, _, r)| matches!(r["kind"].as_str(), "headline" | "subhead" | "body" | "caption"))
        .map(|&(s, e, _)| (s, e))
        .collect();
    let sentences: Vec<(usize, usize)> = get("sentences").iter().map(|&(s, e, _)| (s, e)).collect();
    for &(s, e) in &sentences {
        if !text_blocks.iter().any(|&(bs, be)| bs <= s && e <= be) {
            return Err(format!("sentence {s}..{e} is not inside a headline, subhead, body or caption block"));
        }
    }
    let mut last: Option<(usize, usize)> = None;
    for (s, e, row) in get("tokens") {
        let si = num(row, "sentence")?;
        let &(ss, se) = sentences.get(si).ok_or_else(|| format!("token of sentence {si} that does not exist"))?;
        if !(ss <= *s && *e <= se) {
            return Err(format!("token {s}..{e} outside its sentence {ss}..{se}: {row:?}"));
        }
        if let Some((lsi, le)) = last {
            if lsi == si && *s < le {
                return Err(format!("token {s}..{e} overlaps the token before it (ends at {le}): {row:?}"));
            }
        }
        last = Some((si, *e));
    }
    for name in ["entities", "quotes", "commitments"] {
        for (s, _, row) in get(name) {
            let si = num(row, "sentence")?;
            let &(ss, se) = sentences.get(si).ok_or_else(|| format!("{name}.csv names sentence {si} that does not exist"))?;
            if !(ss <= *s && *s < se) {
                return Err(format!("{name}.csv row does not start inside its sentence {ss}..{se}: {row:?}"));
            }
        }
    }
    for (_, _, row) in get("commitments") {
        if !row["quote_id"].is_empty() && num(row, "quote_id")? >= get("quotes").len() {
            return Err(format!("commitment names a quote that does not exist: {row:?}"));
        }
    }
    Ok(checked)
}

fn in_order(name: &str, spans: &[(usize, usize, Row)]) -> Result<(), String> {
    for w in spans.windows(2) {
        if w[1].0 < w[0].1 {
            return Err(format!("{name}.csv rows overlap or are out of order: {:?} then {:?}", w[0].2, w[1].2));
        }
    }
    Ok(())
}

/// Runs `bytes` through the whole pipeline as one `.txt` article and checks the outcome.
pub fn check_txt(pipeline: &Pipeline, bytes: &[u8]) -> Result<usize, String> {
    let ingest = Ingest::new(&[], IngestOptions::default())?;
    let item = ingest.txt_item("fuzz.txt".into(), bytes);
    // The original, read without the pipeline: UTF-8 (BOM stripped) or CP949 as documented.
    let original = decode::decode(bytes).ok().map(|d| d.text);
    let outcome = pipeline.process(item);
    check_outcome(original.as_deref(), &outcome)
}

/// Runs `bytes` through the whole pipeline as a JSONL stream (usually one line) and checks
/// every outcome, and that each line that is not blank gives exactly one documents row.
pub fn check_jsonl(pipeline: &Pipeline, bytes: &[u8]) -> Result<usize, String> {
    let reader: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(bytes.to_vec()));
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let mut expected = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let line = trim_cr(line);
        if !line.iter().all(u8::is_ascii_whitespace) {
            expected.push(i + 1);
        }
    }
    let mut seen = Vec::new();
    let mut checked = 0;
    for item in Ingest::from_reader(reader, "fuzz.jsonl", IngestOptions::default()) {
        let source = match &item {
            Item::Doc(d) => d.source.clone(),
            Item::Failed(f) => f.source.clone(),
        };
        let line_no: usize = source
            .strip_prefix("fuzz.jsonl:")
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| format!("source {source:?} does not name the line"))?;
        seen.push(line_no);
        // The original: the `text` string of the line's JSON, read here without the pipeline.
        let original = lines.get(line_no - 1).and_then(|l| {
            let text = decode::decode(trim_cr(l)).ok()?.text;
            let v: serde_json::Value = serde_json::from_str(&text).ok()?;
            v.get("text")?.as_str().map(String::from)
        });
        checked += check_outcome(original.as_deref(), &pipeline.process(item))?;
    }
    if seen != expected {
        return Err(format!("documents rows for lines {seen:?}, but the lines that are not blank are {expected:?}"));
    }
    Ok(checked)
}

fn trim_cr(mut line: &[u8]) -> &[u8] {
    while let Some(rest) = line.strip_suffix(b"\r") {
        line = rest;
    }
    line
}

/// Both checks, as the fuzz target runs them: `Err` names the mode and what broke.
pub fn check_bytes(pipeline: &Pipeline, bytes: &[u8]) -> Result<usize, String> {
    let t = check_txt(pipeline, bytes).map_err(|e| format!("as a .txt article: {e}"))?;
    let j = check_jsonl(pipeline, bytes).map_err(|e| format!("as JSONL: {e}"))?;
    Ok(t + j)
}
