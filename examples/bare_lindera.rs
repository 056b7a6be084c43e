//! Baseline for `bench/run.sh`: what a careful user of bare lindera gets on the same input that
//! `kornews extract` reads.
//!
//! ```text
//! cargo build --release --examples
//! target/release/examples/bare_lindera INPUT.jsonl [-j N]
//! ```
//!
//! * reads every line of the JSONL file into memory first and keeps each record's `text` field
//!   (records without a string `text` are skipped, as kornews would report them as errors);
//! * loads `embedded://ko-dic` once (`Mode::Normal`, no user dictionary) and builds one
//!   `SegmentWorker` per thread of a rayon pool of `N` threads;
//! * times only the tokenization: each article's text is fed line by line (lindera cuts its
//!   lattice at newlines anyway) and every token is consumed by counting it and summing its
//!   surface length (no `details()`, no feature parsing);
//! * prints one line of JSON:
//!   `{"threads":N,"bytes":B,"seconds":S,"mb_per_s":M,"tokens":T,...}` where `bytes` is the sum of
//!   the UTF-8 lengths of the `text` fields and MB = 10^6 bytes.

use std::io::{BufRead, BufReader};
use std::sync::Mutex;
use std::time::Instant;

use lindera::dictionary::load_dictionary;
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use rayon::prelude::*;

fn usage() -> ! {
    eprintln!("usage: bare_lindera INPUT.jsonl [-j N]");
    std::process::exit(2)
}

fn main() {
    let mut input: Option<String> = None;
    let mut threads: usize = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-j" | "--threads" => {
                threads = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|&n: &usize| n > 0)
                    .unwrap_or_else(|| usage())
            }
            s if s.starts_with("-j") && s.len() > 2 => {
                threads = s[2..]
                    .parse()
                    .ok()
                    .filter(|&n: &usize| n > 0)
                    .unwrap_or_else(|| usage())
            }
            "-h" | "--help" => usage(),
            _ if input.is_none() => input = Some(a),
            _ => usage(),
        }
    }
    let input = input.unwrap_or_else(|| usage());

    // 1. Read everything into memory (not timed).
    let file = std::fs::File::open(&input).unwrap_or_else(|e| {
        eprintln!("bare_lindera: {input}: {e}");
        std::process::exit(2)
    });
    let mut texts: Vec<String> = Vec::new();
    let mut skipped = 0usize;
    for line in BufReader::with_capacity(1 << 16, file).lines() {
        let line = line.unwrap_or_else(|e| {
            eprintln!("bare_lindera: {input}: {e}");
            std::process::exit(2)
        });
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<serde_json::Value>(&line) {
            Ok(serde_json::Value::Object(mut o)) => match o.remove("text") {
                Some(serde_json::Value::String(t)) => texts.push(t),
                _ => skipped += 1,
            },
            _ => skipped += 1,
        }
    }
    let bytes: usize = texts.iter().map(|t| t.len()).sum();

    // 2. Dictionary and per-thread workers (not timed).
    let load_start = Instant::now();
    let dictionary = load_dictionary("embedded://ko-dic").unwrap_or_else(|e| {
        eprintln!("bare_lindera: loading ko-dic: {e}");
        std::process::exit(2)
    });
    let segmenter = Segmenter::new(Mode::Normal, dictionary, None);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    // Exactly one worker per pool thread, indexed by rayon's thread index: each thread only ever
    // locks its own slot, so the mutexes are uncontended.
    let workers: Vec<Mutex<_>> = (0..threads)
        .map(|_| Mutex::new(segmenter.new_worker()))
        .collect();
    let load_seconds = load_start.elapsed().as_secs_f64();

    // 3. Tokenize (timed).
    let start = Instant::now();
    let (tokens, surface_bytes) = pool.install(|| {
        texts
            .par_iter()
            .map(|text| {
                let i = rayon::current_thread_index().expect("inside the pool");
                let mut worker = workers[i].lock().unwrap();
                let mut n = 0u64;
                let mut len = 0u64;
                for line in text.split('\n') {
                    if line.is_empty() {
                        continue;
                    }
                    let tokens = worker
                        .segment(line)
                        .unwrap_or_else(|e| panic!("lindera: {e}"));
                    for t in &tokens {
                        n += 1;
                        len += t.surface.len() as u64;
                    }
                }
                (n, len)
            })
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    let seconds = start.elapsed().as_secs_f64();

    let out = serde_json::json!({
        "threads": threads,
        "bytes": bytes,
        "seconds": (seconds * 1e6).round() / 1e6,
        "mb_per_s": ((bytes as f64 / 1e6 / seconds.max(1e-9)) * 1000.0).round() / 1000.0,
        "tokens": tokens,
        "surface_bytes": surface_bytes,
        "articles": texts.len(),
        "skipped": skipped,
        "load_seconds": (load_seconds * 1e6).round() / 1e6,
    });
    println!("{out}");
}
