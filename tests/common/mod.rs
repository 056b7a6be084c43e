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
