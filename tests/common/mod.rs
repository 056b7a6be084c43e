//! Shared helpers for the end-to-end tests: run the real binary, read its tables.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn kornews() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kornews"));
    c.current_dir(root());
    c
}

/// Runs `kornews extract ARGS --out OUT -q` from the crate root.
pub fn extract(args: &[&str], out: &Path) -> Output {
    let mut c = kornews();
    c.arg("extract").args(args).arg("--out").arg(out).arg("-q").stdin(Stdio::null());
    c.output().expect("run kornews")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A table as a header and rows of named cells.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<HashMap<String, String>>,
}

pub fn read_table(path: &Path) -> Table {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            header.iter().cloned().zip(rec.iter().map(String::from)).collect()
        })
        .collect();
    Table { header, rows }
}

/// Rows of documents.csv keyed by doc_id.
pub fn documents(out: &Path) -> HashMap<String, HashMap<String, String>> {
    read_table(&out.join("documents.csv")).rows.into_iter().map(|r| (r["doc_id"].clone(), r)).collect()
}

/// Slices a text by code point offsets, as Python's `text[start:end]` does.
pub fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// A small seeded random number generator (SplitMix64), so randomized tests replay exactly.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Builds a corpus in `dir` from the bundled articles: `copies` folders of every
/// `corpus/articles/*.txt` (each copy with its own last line, so no two documents are equal), and
/// `news.jsonl` with `jsonl_lines` records made from `corpus/articles.jsonl`, one of them
/// malformed. Returns the number of documents.
pub fn make_corpus(dir: &Path, copies: usize, jsonl_lines: usize) -> usize {
    let mut articles: Vec<PathBuf> = std::fs::read_dir(root().join("corpus/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    articles.sort();
    std::fs::create_dir_all(dir).unwrap();
    let mut docs = 0;
    for c in 0..copies {
        let sub = dir.join(format!("batch{c:03}"));
        std::fs::create_dir_all(&sub).unwrap();
        for a in &articles {
            let mut text = std::fs::read_to_string(a).unwrap();
            text.push_str(&format!("\n사본 {c}번입니다.\n"));
            std::fs::write(sub.join(a.file_name().unwrap()), text).unwrap();
            docs += 1;
        }
    }
    if jsonl_lines > 0 {
        let records: Vec<serde_json::Value> = std::fs::read_to_string(root().join("corpus/articles.jsonl"))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let mut out = String::new();
        for i in 0..jsonl_lines {
            if i == jsonl_lines / 2 {
                out.push_str("{\"id\": \"broken\", \"text\": \n");
            } else {
                let mut r = records[i % records.len()].clone();
                r["id"] = serde_json::json!(format!("j{i:05}"));
                out.push_str(&serde_json::to_string(&r).unwrap());
                out.push('\n');
            }
            docs += 1;
        }
        std::fs::write(dir.join("news.jsonl"), out).unwrap();
    }
    docs
}

/// Size and sha256 of a file.
pub fn file_hash(path: &Path) -> (u64, String) {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (bytes.len() as u64, hex::encode(Sha256::digest(&bytes)))
}

/// Size and sha256 of every `NAME.csv` in a directory, by table name.
pub fn csv_hashes(dir: &Path) -> std::collections::BTreeMap<String, (u64, String)> {
    let mut out = std::collections::BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        if let Some(table) = name.strip_suffix(".csv") {
            if p.is_file() {
                out.insert(table.to_string(), file_hash(&p));
            }
        }
    }
    out
}

/// The tables a run.json vouches for: size and sha256 by table name.
pub fn manifest_tables(manifest: &serde_json::Value) -> std::collections::BTreeMap<String, (u64, String)> {
    manifest["tables"]
        .as_object()
        .expect("run.json has tables")
        .iter()
        .map(|(k, v)| (k.clone(), (v["bytes"].as_u64().unwrap(), v["sha256"].as_str().unwrap().to_string())))
        .collect()
}

pub fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// run.json without what may differ between two runs of the same inputs and options into two
/// directories, or between an interrupted-and-resumed run and one uninterrupted run: the times
/// (`started_at`, `elapsed_seconds`), the resumptions (`resumed`), the thread count and the
/// output directory.
pub fn manifest_for_comparison(manifest: &serde_json::Value) -> serde_json::Value {
    let mut m = manifest.clone();
    let o = m.as_object_mut().unwrap();
    for k in ["started_at", "elapsed_seconds", "resumed"] {
        assert!(o.remove(k).is_some(), "run.json has {k}");
    }
    let opts = o.get_mut("options").unwrap().as_object_mut().unwrap();
    opts.remove("threads");
    opts.remove("out");
    m
}

/// A `kornews extract` running in the background, its stderr collected.
pub struct Running {
    pub child: std::process::Child,
    pub stderr: std::sync::Arc<std::sync::Mutex<String>>,
    held: std::sync::mpsc::Receiver<String>,
}

/// How a background run ended.
pub struct Ended {
    /// Killed by our SIGKILL (rather than exited on its own first).
    pub killed: bool,
    pub code: Option<i32>,
    pub stderr: String,
}

/// Starts `kornews extract -q ARGS --out OUT`, with `KORNEWS_TEST_HOLD=hold` when given.
pub fn spawn_extract(args: &[&str], out: &Path, threads: usize, hold: Option<&str>) -> Running {
    use std::io::BufRead;
    let mut c = kornews();
    c.arg("extract").args(args).arg("-q").arg("-j").arg(threads.to_string()).arg("--out").arg(out);
    c.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped());
    if let Some(h) = hold {
        c.env("KORNEWS_TEST_HOLD", h);
    }
    let mut child = c.spawn().expect("start kornews");
    let pipe = child.stderr.take().unwrap();
    let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let (tx, held) = std::sync::mpsc::channel();
    let collected = stderr.clone();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(pipe).lines() {
            let Ok(line) = line else { break };
            if let Some(point) = line.strip_prefix("kornews-test-hold: ") {
                let _ = tx.send(point.to_string());
            }
            let mut s = collected.lock().unwrap();
            s.push_str(&line);
            s.push('\n');
        }
    });
    Running { child, stderr, held }
}

impl Running {
    /// Waits until the process stops at its hold point (it must get there).
    pub fn wait_for_hold(&mut self) {
        if self.held.recv().is_err() {
            let status = self.child.wait().unwrap();
            panic!("the run ended ({status}) without reaching its hold point: {}", self.stderr.lock().unwrap());
        }
    }

    /// Waits until the process stops at its hold point, then kills it.
    pub fn kill_at_hold(mut self) -> Ended {
        self.wait_for_hold();
        self.kill_now()
    }

    /// Sends SIGKILL after `delay` (or finds that the process had ended by then).
    pub fn kill_after(self, delay: std::time::Duration) -> Ended {
        std::thread::sleep(delay);
        self.kill_now()
    }

    pub fn kill_now(mut self) -> Ended {
        use std::os::unix::process::ExitStatusExt;
        let _ = self.child.kill();
        let status = self.child.wait().unwrap();
        // The stderr reader ends with the process; give it the last lines.
        let stderr = self.stderr.lock().unwrap().clone();
        Ended { killed: status.signal() == Some(9), code: status.code(), stderr }
    }
}
