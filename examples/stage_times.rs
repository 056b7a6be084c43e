//! Diagnostic: single-thread time of each kornews stage on one input (no output files).
//!
//! ```text
//! cargo run --release --example stage_times -- target/bench/corpus-20mb.jsonl [ROUNDS] [BATCH]
//! ```
//!
//! Prints CPU seconds of the thread per stage (ingest, clean, split, morphology, the extraction stages, CSV
//! serialization into memory) as the minimum over ROUNDS passes (default 3). With BATCH > 1
//! (default 1), each stage runs over BATCH documents before the next stage starts. Nothing here
//! is used by `kornews` itself.

use std::io;
use std::time::Duration;

#[path = "support/thread_cpu.rs"]
mod thread_cpu;
use thread_cpu::Instant;

use kornews::doc::{Analysis, BlockKind, Item, Sentence};
use kornews::ingest::{Ingest, IngestOptions};
use kornews::output::{self, Sink, Table};
use kornews::resources::DataFiles;
use kornews::{Outcome, Pipeline};

struct Bytes {
    out: Vec<u8>,
}

impl Sink for Bytes {
    fn wants(&self, t: Table) -> bool {
        t != Table::Tokens
    }
    fn row<S: serde::Serialize>(&mut self, _t: Table, row: &S) -> io::Result<()> {
        let mut w = output::csv_writer(&mut self.out);
        w.serialize(row).map_err(|e| io::Error::other(e.to_string()))?;
        Ok(())
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let input = args.next().expect("usage: stage_times INPUT [ROUNDS] [BATCH]");
    let rounds: usize = args.next().map_or(3, |r| r.parse().unwrap());
    let batch: usize = args.next().map_or(1, |r| r.parse().unwrap());
    let p = Pipeline::new(DataFiles::embedded()).unwrap();
    // One slot per extraction stage, between morphology and emit.
    let mut names: Vec<&str> = vec!["ingest", "clean", "split", "morph"];
    names.extend(p.stages.iter().map(|s| s.name()));
    names.extend(["emit", "total"]);
    let ns = p.stages.len();
    let mut best = vec![Duration::MAX; names.len()];
    for _ in 0..rounds {
        let mut t = vec![Duration::ZERO; names.len()];
        let all = Instant::now();
        let mut worker = p.morphology.worker();
        let mut sink = Bytes { out: Vec::with_capacity(64 << 20) };
        let mut ingest = Ingest::new(&[input.clone()], IngestOptions::default()).unwrap();
        loop {
            let t0 = Instant::now();
            let mut docs = Vec::new();
            while docs.len() < batch {
                match ingest.next() {
                    Some(Item::Doc(d)) => docs.push(d),
                    Some(_) => {}
                    None => break,
                }
            }
            t[0] += t0.elapsed();
            if docs.is_empty() {
                break;
            }
            let t0 = Instant::now();
            let mut an: Vec<Analysis> = docs
                .into_iter()
                .map(|doc| {
                    let mut a = Analysis::new(doc);
                    a.blocks = p.cleaner.clean(&a.doc.text, &a.index).blocks;
                    a
                })
                .collect();
            t[1] += t0.elapsed();
            for a in an.iter_mut() {
                let text = a.doc.text.clone();
                let blocks: Vec<_> = kornews::clean::text_blocks(&a.blocks).cloned().collect();
                for b in blocks {
                    let t0 = Instant::now();
                    let range = a.index.bytes(b.span);
                    let block = &text[range.clone()];
                    let pieces = match b.kind {
                        BlockKind::Headline | BlockKind::Subhead => vec![(0, block.len())],
                        _ => p.splitter.split(block),
                    };
                    t[2] += t0.elapsed();
                    let t0 = Instant::now();
                    for (s0, s1) in pieces {
                        let span = a.index.span(range.start + s0, range.start + s1);
                        let m0 = a.morphs.len();
                        worker.analyze(&block[s0..s1], span.start, &mut a.morphs).unwrap();
                        a.sentences.push(Sentence { span, kind: b.kind, morphs: m0..a.morphs.len() });
                    }
                    t[3] += t0.elapsed();
                }
            }
            for (k, s) in p.stages.iter().enumerate() {
                let t0 = Instant::now();
                for a in an.iter_mut() {
                    s.run(a);
                }
                t[4 + k] += t0.elapsed();
            }
            let t0 = Instant::now();
            for a in an {
                sink.out.clear();
                output::emit(&mut sink, &Outcome::Done(a)).unwrap();
            }
            t[4 + ns] += t0.elapsed();
        }
        t[5 + ns] = all.elapsed();
        for (b, x) in best.iter_mut().zip(&t) {
            *b = (*b).min(*x);
        }
    }
    for (n, b) in names.iter().zip(&best) {
        println!("{n:>8} {:8.3} s", b.as_secs_f64());
    }
}
