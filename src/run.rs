//! The `extract` job: stream inputs in chunks, process each chunk in parallel, write rows in input
//! order, commit the tables and run.json atomically.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, sync_channel};
use std::sync::Mutex;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

use crate::doc::Item;
use crate::ingest::{Ingest, IngestOptions};
use crate::output::{self, Table, TableFiles};
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
}

/// A run that could not be completed (no table was committed).
#[derive(Debug)]
pub struct Fatal(pub String);

fn take_chunk(ingest: &mut Ingest, docs: usize, bytes: usize) -> (Vec<Item>, u64) {
    let mut chunk = Vec::new();
    let mut size = 0usize;
    while chunk.len() < docs && size < bytes {
        match ingest.next() {
            Some(item) => {
                if let Item::Doc(d) = &item {
                    size += d.text.len();
                }
                chunk.push(item);
            }
            None => break,
        }
    }
    (chunk, size as u64)
}

fn progress(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::new_spinner();
    pb.set_style(ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}").unwrap());
    pb
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
    let started_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let threads = opts.threads.max(1);
    let ingest = Ingest::new(&opts.inputs, opts.ingest.clone()).map_err(Fatal)?;

    let tables: Vec<Table> =
        Table::ALL.iter().copied().filter(|&t| t != Table::Tokens || opts.tokens).collect();
    // The previous run.json is removed just before the new tables are renamed into place (below),
    // so tables are never vouched for by the manifest of another run.
    let manifest_path = opts.out.join("run.json");
    let mut files = TableFiles::create(&opts.out, &tables).map_err(|e| Fatal(format!("cannot write output: {e}")))?;

    let pb = progress(opts.quiet);
    let total = ingest.total_bytes().filter(|&t| t > 0);

    // A pipeline of threads: one reads the input into numbered batches, `threads` workers process
    // whole batches (`Pipeline::process_batch`), and this thread writes the outcomes in input
    // order. A batch must be written before another one is read once `in_flight` batches are under
    // way, which bounds memory whatever the speed of each step.
    let in_flight = 2 * threads + 2;
    let (job_tx, job_rx) = sync_channel::<(u64, Vec<Item>, u64)>(threads);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = channel::<(u64, Option<Vec<Outcome>>, u64)>();
    let (permit_tx, permit_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        permit_tx.send(()).expect("permits fit in the channel");
    }

    let mut summary = Summary::default();
    let mut bytes = 0u64;
    let (written, records) = std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut ingest = ingest;
            let mut seq = 0u64;
            while permit_rx.recv().is_ok() {
                let (batch, size) = take_chunk(&mut ingest, opts.chunk_docs, opts.chunk_bytes);
                if batch.is_empty() || job_tx.send((seq, batch, size)).is_err() {
                    break;
                }
                seq += 1;
            }
            ingest.records
        });
        for _ in 0..threads {
            let (job_rx, done_tx) = (&job_rx, done_tx.clone());
            scope.spawn(move || {
                // After the writer stops (a write error), jobs are still taken and dropped, so the
                // reader is never left blocked on a full queue.
                let mut writing = true;
                loop {
                    let job = job_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok((seq, batch, size)) = job else { break };
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
                    if done_tx.send((seq, outcomes, size)).is_err() {
                        writing = false;
                    }
                }
            });
        }
        drop(done_tx);

        let mut pending: BTreeMap<u64, (Option<Vec<Outcome>>, u64)> = BTreeMap::new();
        let mut next = 0u64;
        let mut written: Result<(), String> = Ok(());
        'batches: for (seq, outcomes, size) in done_rx.iter() {
            pending.insert(seq, (outcomes, size));
            while let Some((outcomes, size)) = pending.remove(&next) {
                next += 1;
                let Some(outcomes) = outcomes else {
                    written = Err("internal error: a worker thread crashed; no table was written".into());
                    break 'batches;
                };
                for o in &outcomes {
                    if let Err(e) = output::emit(&mut files, o) {
                        written = Err(format!("cannot write output in {}: {e}", opts.out.display()));
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
                let _ = permit_tx.send(());
                bytes += size;
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
    written.map_err(Fatal)?;
    let records = records.map_err(|_| Fatal("input reader crashed".into()))?;
    summary.bytes = bytes;
    summary.rows = files.counts().into_iter().map(|(t, n)| (t.name().to_string(), n)).collect();
    if manifest_path.exists() {
        std::fs::remove_file(&manifest_path).map_err(|e| Fatal(format!("{}: {e}", manifest_path.display())))?;
    }
    files.commit().map_err(|e| Fatal(format!("cannot write output in {}: {e}", opts.out.display())))?;
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
            "out": opts.out.display().to_string(),
            "threads": opts.threads,
            "tokens": opts.tokens,
            "published": opts.ingest.published.map(|d| d.to_string()),
            "max_article_bytes": opts.ingest.max_article_bytes,
            "dictionaries": opts.dictionaries,
        },
        "stages": pipeline.stages.iter().map(|s| s.name()).collect::<Vec<_>>(),
        "inputs": records,
        "rows": summary.rows.iter().map(|(t, n)| (t.clone(), json!(n))).collect::<serde_json::Map<_, _>>(),
        "documents": { "total": summary.documents, "ok": summary.ok, "empty": summary.empty, "error": summary.errors },
        "started_at": started_at,
        "elapsed_seconds": (summary.seconds * 1000.0).round() / 1000.0,
        "finished": true,
    });
    let text = serde_json::to_string_pretty(&manifest).unwrap() + "\n";
    output::write_atomic(&manifest_path, text.as_bytes())
        .map_err(|e| Fatal(format!("{}: {e}", manifest_path.display())))?;
    Ok(summary)
}
