//! The `extract` job: stream inputs in chunks, process each chunk in parallel, write rows in input
//! order with a checkpoint after each chunk, then commit the tables and run.json (the protocol is
//! in [`crate::output::outdir`]). `--resume` continues from the last checkpoint.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, sync_channel};
use std::sync::Mutex;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::doc::Item;
use crate::ingest::{Ingest, IngestOptions, InputRecord};
use crate::output::outdir::{self, OutDir};
use crate::output::{self, Table, TableFiles, TableState};
use crate::{Outcome, Pipeline};

/// Options of `kornews extract`.
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    pub inputs: Vec<String>,
    pub out: PathBuf,
    pub threads: usize,
    pub tokens: bool,
    pub quiet: bool,
    pub ingest: IngestOptions,
    /// Documents per batch, the unit of work of one thread (memory is bounded by a few batches
    /// per thread).
    pub chunk_docs: usize,
    /// Bytes of text per batch.
    pub chunk_bytes: usize,
    /// Where the lexicons came from (`embedded` or a directory), for run.json.
    pub dictionaries: String,
    /// `--resume`: continue the interrupted run in `out` from its last checkpoint.
    pub resume: bool,
    /// `--excel`: a BOM at the start of every table and formula-like cells neutralized.
    pub excel: bool,
}

/// What a finished run reports.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub documents: u64,
    pub ok: u64,
    pub empty: u64,
    pub errors: u64,
    pub chars: u64,
    pub bytes: u64,
    pub seconds: f64,
    pub rows: Vec<(String, u64)>,
    /// `--resume` found the finished tables of this very run: nothing was done.
    pub nothing_to_do: bool,
    /// `--resume` continued an interrupted run after this many documents.
    pub resumed_at: Option<u64>,
}

impl Summary {
    fn to_json(&self) -> Value {
        json!({ "documents": self.documents, "ok": self.ok, "empty": self.empty, "error": self.errors,
                "chars": self.chars, "bytes": self.bytes })
    }

    fn from_json(v: &Value) -> Option<Summary> {
        Some(Summary {
            documents: v["documents"].as_u64()?,
            ok: v["ok"].as_u64()?,
            empty: v["empty"].as_u64()?,
            errors: v["error"].as_u64()?,
            chars: v["chars"].as_u64().unwrap_or(0),
            bytes: v["bytes"].as_u64().unwrap_or(0),
            ..Summary::default()
        })
    }
}

/// A run that could not be completed: no table of it was put in place.
#[derive(Debug)]
pub enum Fatal {
    /// A usage error, or a `--resume` that was refused (exit code 2).
    Usage(String),
    /// The output directory could not be written (exit code 3).
    Output(String),
    /// A worker thread or the input reader crashed (exit code 4).
    Internal(String),
}

impl Fatal {
    pub fn exit_code(&self) -> u8 {
        match self {
            Fatal::Usage(_) => 2,
            Fatal::Output(_) => 3,
            Fatal::Internal(_) => 4,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            Fatal::Usage(m) | Fatal::Output(m) | Fatal::Internal(m) => m,
        }
    }
}

/// The documents of a batch, their text bytes, and the digest of the input files read up to its
/// last document.
type Job = (u64, Vec<Item>, u64, Value);

/// Takes the next batch; also says how many input files had been read completely after its last
/// document.
fn take_chunk(ingest: &mut Ingest, docs: usize, bytes: usize) -> (Vec<Item>, u64, usize) {
    let mut chunk = Vec::new();
    let mut size = 0usize;
    let mut records = ingest.records.len();
    while chunk.len() < docs && size < bytes {
        match ingest.next() {
            Some(item) => {
                if let Item::Doc(d) = &item {
                    size += d.text.len();
                }
                chunk.push(item);
                records = ingest.records.len();
            }
            None => break,
        }
    }
    (chunk, size as u64, records)
}

/// A running sha256 over the input files read so far (path, sha256, size of each), so a
/// checkpoint can say which file contents the finished documents came from.
#[derive(Clone, Default)]
struct RecordsDigest {
    hasher: Sha256,
    count: usize,
}

impl RecordsDigest {
    fn feed(&mut self, records: &[InputRecord]) {
        for r in &records[self.count.min(records.len())..] {
            self.hasher.update(format!("{}\0{}\0{}\n", r.path, r.sha256, r.bytes).as_bytes());
        }
        self.count = self.count.max(records.len());
    }

    fn value(&self) -> Value {
        json!({ "count": self.count, "sha256": hex::encode(self.hasher.clone().finalize()) })
    }
}

fn progress(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::new_spinner();
    pb.set_style(ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}").unwrap());
    pb
}

/// Everything the tables depend on: what `--resume` requires to be unchanged. (The thread count
/// and the batch size are not in it: the tables do not depend on them.)
fn run_key(pipeline: &Pipeline, opts: &ExtractOptions, ingest: &Ingest) -> Value {
    json!({
        "kornews_version": env!("CARGO_PKG_VERSION"),
        "inputs": opts.inputs,
        "input_files": ingest.fingerprint(),
        "tokens": opts.tokens,
        "excel": opts.excel,
        "published": opts.ingest.published.map(|d| d.to_string()),
        "max_article_bytes": opts.ingest.max_article_bytes,
        "stages": pipeline.stages.iter().map(|s| s.name()).collect::<Vec<_>>(),
        "lexicons": pipeline.data.files.iter().map(|f| json!({ "name": f.name, "sha256": f.sha256 })).collect::<Vec<_>>(),
    })
}

/// What differs between the key of the interrupted run and this one, in words.
fn key_differences(old: &Value, new: &Value) -> Vec<String> {
    let (Some(o), Some(n)) = (old.as_object(), new.as_object()) else {
        return vec!["the checkpoint format".into()];
    };
    let mut out = Vec::new();
    for (k, v) in n {
        let was = o.get(k).unwrap_or(&Value::Null);
        if was == v {
            continue;
        }
        out.push(match k.as_str() {
            "input_files" => "the input files (one was added, removed or modified since the interrupted run)".to_string(),
            "lexicons" => "the lexicons (--dictionaries, or their contents)".to_string(),
            "inputs" | "stages" => format!("{k} (was {was}, now {v})"),
            _ => format!("--{} (was {was}, now {v})", k.replace('_', "-")),
        });
    }
    if let Some(k) = o.keys().find(|k| !n.contains_key(*k)) {
        out.push(format!("the checkpoint format ({k})"));
    }
    out
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The summary of the finished run in `dir` when it is this very run (same key) and its tables
/// are all there at their recorded sizes.
fn finished_same_run(dir: &Path, key_sha256: &str) -> Option<Summary> {
    let manifest: Value = serde_json::from_slice(&std::fs::read(dir.join(outdir::MANIFEST)).ok()?).ok()?;
    if manifest["finished"] != true || manifest["run_key"] != key_sha256 {
        return None;
    }
    for (name, t) in manifest["tables"].as_object()? {
        if std::fs::metadata(dir.join(format!("{name}.csv"))).ok()?.len() != t["bytes"].as_u64()? {
            return None;
        }
    }
    let d = &manifest["documents"];
    Some(Summary {
        documents: d["total"].as_u64()?,
        ok: d["ok"].as_u64()?,
        empty: d["empty"].as_u64()?,
        errors: d["error"].as_u64()?,
        nothing_to_do: true,
        ..Summary::default()
    })
}

/// Runs `extract`: every input to tables in `opts.out`.
pub fn extract(pipeline: &Pipeline, opts: &ExtractOptions) -> Result<Summary, Fatal> {
    // The dictionary's hash (for run.json) is computed beside the run, not after it.
    std::thread::scope(|scope| {
        let dictionary_sha256 = scope.spawn(|| pipeline.morphology.dictionary_sha256());
        extract_with(pipeline, opts, move || dictionary_sha256.join().unwrap_or_default())
    })
}

fn extract_with(pipeline: &Pipeline, opts: &ExtractOptions, dictionary_sha256: impl FnOnce() -> String) -> Result<Summary, Fatal> {
    let started = Instant::now();
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let threads = opts.threads.max(1);
    let mut ingest = Ingest::new(&opts.inputs, opts.ingest.clone()).map_err(Fatal::Usage)?;
    if opts.resume && ingest.reads_stdin() {
        return Err(Fatal::Usage("--resume cannot be used with `-`: stdin cannot be read a second time".into()));
    }
    let tables: Vec<Table> =
        Table::ALL.iter().copied().filter(|&t| t != Table::Tokens || opts.tokens).collect();
    let key = run_key(pipeline, opts, &ingest);
    let key_sha256 = sha256_hex(key.to_string().as_bytes());
    let out_name = opts.out.display().to_string();
    let output_error = |e: std::io::Error| Fatal::Output(format!("cannot write output: {e}"));

    let mut dir = OutDir::open(&opts.out).map_err(output_error)?;
    for note in dir.notes.drain(..) {
        eprintln!("kornews: {note}");
    }

    // Where this run starts: from a checkpoint (--resume), or from the beginning.
    let mut checkpoint = None;
    if opts.resume {
        match dir.checkpoint() {
            Err(e) => return Err(Fatal::Usage(format!("cannot resume: {e}"))),
            Ok(Some(cp)) => {
                let differences = key_differences(&cp["key"], &key);
                if !differences.is_empty() {
                    return Err(Fatal::Usage(format!(
                        "cannot resume the interrupted run in {out_name}: it had other options or inputs: {}. Run without --resume to start over",
                        differences.join("; ")
                    )));
                }
                checkpoint = Some(cp);
            }
            Ok(None) => {
                if let Some(summary) = finished_same_run(&opts.out, &key_sha256) {
                    dir.finish().map_err(output_error)?;
                    return Ok(summary);
                }
                eprintln!("kornews: {out_name}: nothing to resume (no interrupted run there); starting from the beginning");
            }
        }
    }

    let mut summary = Summary::default();
    let mut digest = RecordsDigest::default();
    let mut resumed: Vec<Value> = Vec::new();
    let mut started_at = now.clone();
    let mut elapsed_before = 0.0;
    let refused = |what: String| Fatal::Usage(format!("cannot resume the interrupted run in {out_name}: {what}"));
    let mut files = match &checkpoint {
        Some(cp) => {
            let states: Option<Vec<TableState>> =
                cp["tables"].as_array().and_then(|a| a.iter().map(TableState::from_json).collect());
            let done = Summary::from_json(&cp["summary"]);
            let (Some(states), Some(done)) = (states, done) else {
                return Err(refused(format!("{} is not a checkpoint this version can read", outdir::CHECKPOINT)));
            };
            let files = TableFiles::resume(dir.staging(), &states, opts.excel)
                .map_err(|e| refused(format!("{e}. Run without --resume to start over")))?;
            // The documents already written are read again (their files are hashed for run.json)
            // but not processed.
            for n in 0..done.documents {
                if ingest.next().is_none() {
                    return Err(refused(format!("the inputs now hold {n} documents, the interrupted run had written {}", done.documents)));
                }
            }
            digest.feed(&ingest.records);
            if digest.value() != cp["records"] {
                return Err(refused("an input file that it had read has changed since".into()));
            }
            resumed = cp["resumed"].as_array().cloned().unwrap_or_default();
            resumed.push(json!({ "at_document": done.documents, "started_at": now }));
            started_at = cp["started_at"].as_str().unwrap_or(&now).to_string();
            elapsed_before = cp["elapsed_seconds"].as_f64().unwrap_or(0.0);
            summary = Summary { resumed_at: Some(done.documents), ..done };
            eprintln!("kornews: {out_name}: resuming the interrupted run after {} documents", done.documents);
            files
        }
        None => {
            dir.start_fresh().map_err(output_error)?;
            for note in dir.notes.drain(..) {
                eprintln!("kornews: {note}");
            }
            TableFiles::create(dir.staging(), &tables, opts.excel).map_err(output_error)?
        }
    };
    let marker = json!({
        "pid": std::process::id(),
        "started_at": now,
        "resume": checkpoint.is_some(),
        "inputs": opts.inputs,
        "finished": false,
        "note": "A kornews run is writing this directory, or one was killed or failed. The tables here are those that run.json describes, if it exists.",
    });
    dir.set_marker(&(serde_json::to_string_pretty(&marker).unwrap() + "\n")).map_err(output_error)?;
    outdir::hold("started");

    let result = write_tables(pipeline, opts, threads, ingest, digest, &mut files, &dir, &mut summary, &key, &started_at, &resumed, elapsed_before, started);
    let records = match result {
        Ok(records) => records,
        Err(e) => return Err(failed(&mut dir, &now, e)),
    };

    let commit = |dir: &mut OutDir, files: &mut TableFiles, summary: &mut Summary| -> Result<(), Fatal> {
        let states = files.finish().map_err(output_error)?;
        summary.rows = states.iter().map(|t| (t.table.name().to_string(), t.rows)).collect();
        summary.seconds = started.elapsed().as_secs_f64();
        let manifest = json!({
            "kornews_version": env!("CARGO_PKG_VERSION"),
            "lindera_version": crate::morph::LINDERA_VERSION,
            "dictionary": {
                "name": "ko-dic (mecab-ko-dic 2.1.1-20180720, embedded by lindera-ko-dic)",
                "sha256": dictionary_sha256(),
            },
            "lexicons": pipeline.data.files.iter().map(|f| json!({
                "name": f.name, "origin": f.origin, "sha256": f.sha256,
            })).collect::<Vec<_>>(),
            "options": {
                "inputs": opts.inputs,
                "out": out_name,
                "threads": opts.threads,
                "tokens": opts.tokens,
                "excel": opts.excel,
                "published": opts.ingest.published.map(|d| d.to_string()),
                "max_article_bytes": opts.ingest.max_article_bytes,
                "dictionaries": opts.dictionaries,
            },
            "stages": pipeline.stages.iter().map(|s| s.name()).collect::<Vec<_>>(),
            "inputs": records,
            "rows": summary.rows.iter().map(|(t, n)| (t.clone(), json!(n))).collect::<serde_json::Map<_, _>>(),
            "tables": states.iter().map(|t| (t.table.name().to_string(), json!({
                "file": format!("{}.csv", t.table.name()), "rows": t.rows, "bytes": t.bytes, "sha256": t.sha256,
            }))).collect::<serde_json::Map<_, _>>(),
            "documents": { "total": summary.documents, "ok": summary.ok, "empty": summary.empty, "error": summary.errors },
            "run_key": key_sha256,
            "started_at": started_at,
            "elapsed_seconds": ((elapsed_before + summary.seconds) * 1000.0).round() / 1000.0,
            "resumed": resumed,
            "finished": true,
        });
        let text = serde_json::to_string_pretty(&manifest).unwrap() + "\n";
        dir.commit(text.as_bytes()).map_err(output_error)
    };
    if let Err(e) = commit(&mut dir, &mut files, &mut summary) {
        return Err(failed(&mut dir, &now, e));
    }
    dir.finish().map_err(output_error)?;
    Ok(summary)
}

/// A run that failed says so in the marker (best effort: the disk may be full), and keeps its
/// staging folder for `--resume`.
fn failed(dir: &mut OutDir, started_at: &str, e: Fatal) -> Fatal {
    let marker = json!({
        "pid": std::process::id(),
        "started_at": started_at,
        "finished": false,
        "failed": e.message(),
        "note": "This kornews run failed. The tables here are those that run.json describes, if it exists. --resume continues the run from its last checkpoint.",
    });
    let _ = dir.set_marker(&(serde_json::to_string_pretty(&marker).unwrap() + "\n"));
    e
}

/// Reads, processes and writes every document (after those a resumed run skipped), with a
/// checkpoint after each batch. Gives the input files read, for run.json.
#[allow(clippy::too_many_arguments)]
fn write_tables(
    pipeline: &Pipeline,
    opts: &ExtractOptions,
    threads: usize,
    ingest: Ingest,
    digest: RecordsDigest,
    files: &mut TableFiles,
    dir: &OutDir,
    summary: &mut Summary,
    key: &Value,
    started_at: &str,
    resumed: &[Value],
    elapsed_before: f64,
    started: Instant,
) -> Result<Vec<InputRecord>, Fatal> {
    let pb = progress(opts.quiet);
    let total = ingest.total_bytes().filter(|&t| t > 0);
    let output_error = |e: std::io::Error| Fatal::Output(format!("cannot write output: {e}"));

    // A pipeline of threads: one reads the input into numbered batches, `threads` workers process
    // whole batches (`Pipeline::process_batch`), and this thread writes the outcomes in input
    // order. A batch must be written before another one is read once `in_flight` batches are under
    // way, which bounds memory whatever the speed of each step.
    let in_flight = 2 * threads + 2;
    let (job_tx, job_rx) = sync_channel::<Job>(threads);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = channel::<(u64, Option<Vec<Outcome>>, u64, Value)>();
    let (permit_tx, permit_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        permit_tx.send(()).expect("permits fit in the channel");
    }

    let mut bytes = summary.bytes;
    let (written, records) = std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut ingest = ingest;
            let mut digest = digest;
            let mut seq = 0u64;
            while permit_rx.recv().is_ok() {
                let (batch, size, read) = take_chunk(&mut ingest, opts.chunk_docs, opts.chunk_bytes);
                if batch.is_empty() {
                    break;
                }
                digest.feed(&ingest.records[..read]);
                if job_tx.send((seq, batch, size, digest.value())).is_err() {
                    break;
                }
                seq += 1;
            }
            ingest.records
        });
        for _ in 0..threads {
            let (job_rx, done_tx) = (&job_rx, done_tx.clone());
            scope.spawn(move || {
                let pipeline = &pipeline.fork();
                // After the writer stops (a write error), jobs are still taken and dropped, so the
                // reader is never left blocked on a full queue.
                let mut writing = true;
                loop {
                    let job = job_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok((seq, batch, size, read)) = job else { break };
                    if !writing {
                        continue;
                    }
                    // `process_batch` turns a panic on one document into its error row; a panic
                    // outside it ends the run (`None`) instead of leaving the writer waiting.
                    let outcomes = catch_unwind(AssertUnwindSafe(|| {
                        let mut outcomes = pipeline.process_batch(batch);
                        if !opts.tokens {
                            // Only tokens.csv needs the morphemes: free them here, on the thread
                            // whose feature cache their `Arc`s point into, not on the writer's.
                            for o in outcomes.iter_mut() {
                                if let Outcome::Done(a) = o {
                                    a.morphs = Vec::new();
                                }
                            }
                        }
                        outcomes
                    }))
                    .ok();
                    if done_tx.send((seq, outcomes, size, read)).is_err() {
                        writing = false;
                    }
                }
            });
        }
        drop(done_tx);

        let mut pending: BTreeMap<u64, (Option<Vec<Outcome>>, u64, Value)> = BTreeMap::new();
        let mut next = 0u64;
        let mut written: Result<(), Fatal> = Ok(());
        'batches: for (seq, outcomes, size, read) in done_rx.iter() {
            pending.insert(seq, (outcomes, size, read));
            while let Some((outcomes, size, read)) = pending.remove(&next) {
                next += 1;
                let Some(outcomes) = outcomes else {
                    written = Err(Fatal::Internal("internal error: a worker thread crashed; no table was written".into()));
                    break 'batches;
                };
                let hold_mid = outdir::hold_point() == Some(format!("mid-batch:{next}").as_str());
                for (i, o) in outcomes.iter().enumerate() {
                    if hold_mid && i == outcomes.len() / 2 {
                        let _ = files.states();
                        outdir::hold(&format!("mid-batch:{next}"));
                    }
                    if let Err(e) = output::emit(files, o) {
                        written = Err(output_error(e));
                        break 'batches;
                    }
                    summary.documents += 1;
                    match o {
                        Outcome::Failed(_) => summary.errors += 1,
                        Outcome::Done(a) => {
                            summary.chars += a.index.len_chars() as u64;
                            if a.sentences.is_empty() {
                                summary.empty += 1
                            } else {
                                summary.ok += 1
                            }
                        }
                    }
                }
                bytes += size;
                summary.bytes = bytes;
                // The checkpoint: every row so far is in the files, and these are their lengths
                // and hashes, after this many documents.
                let states = match files.states() {
                    Ok(s) => s,
                    Err(e) => {
                        written = Err(output_error(e));
                        break 'batches;
                    }
                };
                let checkpoint = json!({
                    "format": 1,
                    "key": key,
                    "summary": summary.to_json(),
                    "records": read,
                    "tables": states.iter().map(TableState::to_json).collect::<Vec<_>>(),
                    "started_at": started_at,
                    "elapsed_seconds": elapsed_before + started.elapsed().as_secs_f64(),
                    "resumed": resumed,
                });
                if let Err(e) = dir.write_checkpoint(&checkpoint) {
                    written = Err(output_error(e));
                    break 'batches;
                }
                outdir::hold(&format!("checkpoint:{next}"));
                let _ = permit_tx.send(());
                let secs = started.elapsed().as_secs_f64().max(1e-9);
                let rate = bytes as f64 / secs;
                // Text bytes run a little behind file bytes (JSON escapes, BOMs): the ETA is approximate.
                let eta = match total {
                    Some(t) if rate > 0.0 => format!(", ETA {:.0} s", (t.saturating_sub(bytes)) as f64 / rate),
                    _ => String::new(),
                };
                pb.set_message(format!(
                    "{} documents, {:.1} MB, {:.2} MB/s{eta}",
                    summary.documents,
                    bytes as f64 / 1e6,
                    rate / 1e6
                ));
                pb.tick();
            }
        }
        // On a write error, the workers and the reader stop at their next send.
        drop(done_rx);
        drop(permit_tx);
        let records = reader.join();
        (written, records)
    });
    pb.finish_and_clear();
    written?;
    records.map_err(|_| Fatal::Internal("internal error: the input reader crashed; no table was written".into()))
}
