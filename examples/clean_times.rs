//! Diagnostic: thread CPU time of page cleaning and sentence splitting alone, on documents
//! already in memory (no morphology, no output).
//!
//! ```text
//! cargo run --release --example clean_times -- target/bench/corpus-20mb.jsonl [ROUNDS]
//! ```
//!
//! Prints the minimum and the median over ROUNDS passes (default 7) of the CPU seconds of this
//! thread spent in `Cleaner::clean` and in `Splitter::split`. To compare two builds, run their
//! binaries alternately. Nothing here is used by `kornews` itself.

use std::time::Duration;

use kornews::doc::{Analysis, BlockKind, Item};
use kornews::ingest::{Ingest, IngestOptions};
use kornews::resources::DataFiles;
use kornews::Pipeline;

#[path = "support/thread_cpu.rs"]
mod thread_cpu;
use thread_cpu::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let input = args.next().expect("usage: clean_times INPUT [ROUNDS]");
    let rounds: usize = args.next().map_or(7, |r| r.parse().unwrap()).max(1);
    let p = Pipeline::new(DataFiles::embedded()).unwrap();
    let docs: Vec<Analysis> = Ingest::new(&[input], IngestOptions::default())
        .unwrap()
        .filter_map(|i| match i {
            Item::Doc(d) => Some(Analysis::new(d)),
            _ => None,
        })
        .collect();
    let (mut clean, mut split) = (Vec::new(), Vec::new());
    let mut pieces = 0usize;
    for _ in 0..rounds {
        let (mut c, mut s) = (Duration::ZERO, Duration::ZERO);
        pieces = 0;
        for a in &docs {
            let t0 = Instant::now();
            let cleaned = p.cleaner.clean(&a.doc.text, &a.index);
            c += t0.elapsed();
            let t0 = Instant::now();
            for b in kornews::clean::text_blocks(&cleaned.blocks) {
                if !matches!(b.kind, BlockKind::Headline | BlockKind::Subhead) {
                    let range = a.index.bytes(b.span);
                    pieces += p.splitter.split(&a.doc.text[range]).len();
                }
            }
            s += t0.elapsed();
        }
        clean.push(c);
        split.push(s);
    }
    for (name, mut v) in [("clean", clean), ("split", split)] {
        v.sort();
        println!("{name:>6}  min {:.3} s  median {:.3} s", v[0].as_secs_f64(), v[v.len() / 2].as_secs_f64());
    }
    println!("{} documents, {pieces} sentences from body blocks", docs.len());
}
