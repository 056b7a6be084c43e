//! `kornews pipe`: JSONL on stdin → rows of every table on stdout, for shard runners.
//!
//! The contract checked here: splitting the input into contiguous parts and concatenating the
//! outputs gives the same bytes as one run (partition invariance); the rows are the rows of
//! `extract`; no field holds a line break; a malformed line is an error row and the rest goes on;
//! the binary needs no environment; bad options and a closed stdout exit non-zero.

mod common;

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::*;

/// The corpus as JSONL lines: corpus/articles.jsonl, then every .txt of corpus/articles (id = file
/// name), a hard-wrapped fixture, a record without an id, a blank line and a malformed line in
/// the middle.
fn corpus_lines() -> Vec<String> {
    let root = root();
    let mut lines: Vec<String> = std::fs::read_to_string(root.join("corpus/articles.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect();
    let mut names: Vec<_> = std::fs::read_dir(root.join("corpus/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for (i, p) in names.iter().enumerate() {
        let text = std::fs::read_to_string(p).unwrap();
        let id = p.file_name().unwrap().to_str().unwrap();
        lines.push(serde_json::json!({ "id": id, "text": text }).to_string());
        if i == 5 {
            lines.push(String::new());
            lines.push(r#"{"id": "broken", "text": "한 줄이 잘렸다"#.to_string());
        }
    }
    let wrapped = std::fs::read_to_string(root.join("tests/fixtures/wrapped_lines.txt")).unwrap();
    lines.push(serde_json::json!({ "id": "wrapped", "text": wrapped, "published": "2023-07-18" }).to_string());
    lines.push(serde_json::json!({ "text": "서울시는 내년 말까지 공원 3곳을 새로 짓기로 했다고 19일 밝혔다." }).to_string());
    lines
}

fn join(lines: &[String]) -> Vec<u8> {
    let mut s = lines.join("\n");
    if !lines.is_empty() {
        s.push('\n');
    }
    s.into_bytes()
}

/// Runs `kornews pipe ARGS` with `input` on stdin.
fn pipe_cmd(mut c: Command, args: &[&str], input: &[u8]) -> Output {
    c.arg("pipe").args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().expect("run kornews pipe");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Written from another thread so that a full stdout pipe cannot block the test.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn pipe(args: &[&str], input: &[u8]) -> Output {
    pipe_cmd(kornews(), args, input)
}

fn pipe_ok(args: &[&str], input: &[u8]) -> Vec<u8> {
    let o = pipe(args, input);
    assert!(o.status.success(), "kornews pipe {args:?}: {:?}\n{}", o.status, stderr(&o));
    o.stdout
}

/// The records of pipe output, each as (table, the other fields).
fn records(out: &[u8]) -> Vec<(String, Vec<String>)> {
    let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(out);
    r.records()
        .map(|rec| {
            let rec = rec.expect("valid CSV");
            let f: Vec<String> = rec.iter().map(String::from).collect();
            (f[0].clone(), f[1..].to_vec())
        })
        .collect()
}

/// Every table of an `extract` output directory: name → rows without the header.
fn extract_tables(out: &Path, names: &[&str]) -> HashMap<String, Vec<Vec<String>>> {
    names
        .iter()
        .map(|n| {
            let t = read_table(&out.join(format!("{n}.csv")));
            let rows = t.rows.iter().map(|r| t.header.iter().map(|h| r[h].clone()).collect()).collect();
            (n.to_string(), rows)
        })
        .collect()
}

fn no_breaks(v: &[String]) -> Vec<String> {
    v.iter().map(|f| f.replace(['\r', '\n'], " ")).collect()
}

const TABLES: &[&str] = &["documents", "sentences", "tokens", "entities", "quotes", "commitments"];

#[test]
fn split_runs_concatenate_to_the_single_run_byte_for_byte() {
    let lines = corpus_lines();
    let whole = pipe_ok(&[], &join(&lines));
    assert!(whole.len() > 10_000, "the corpus gives rows");
    for k in [1usize, 3, 7] {
        let size = lines.len().div_ceil(k);
        let mut cat = Vec::new();
        for part in lines.chunks(size) {
            cat.extend(pipe_ok(&[], &join(part)));
        }
        assert!(cat == whole, "{k} parts concatenated differ from one run");
    }
    // With tokens too.
    let whole = pipe_ok(&["--tokens"], &join(&lines));
    let mut cat = Vec::new();
    for part in lines.chunks(lines.len().div_ceil(3)) {
        cat.extend(pipe_ok(&["--tokens"], &join(part)));
    }
    assert!(cat == whole, "3 parts with --tokens differ from one run");
    // Threads and chunking do not change the bytes either.
    assert!(pipe_ok(&["--tokens", "-j", "2"], &join(&lines)) == whole, "-j 2 differs from -j 1");
}

#[test]
fn rows_are_the_rows_of_extract() {
    let lines = corpus_lines();
    let input = join(&lines);
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("in.jsonl");
    std::fs::write(&jsonl, &input).unwrap();
    let out = dir.path().join("out");
    let mut c = kornews();
    c.args(["extract", "--tokens", "-q", "--out"]).arg(&out).arg("-").stdin(std::fs::File::open(&jsonl).unwrap());
    let o = c.output().unwrap();
    assert_eq!(o.status.code(), Some(1), "the malformed line is an error: {}", stderr(&o));
    let tables = extract_tables(&out, TABLES);

    // With --line-numbers, ids, sources and messages are those of `extract -`: every table is
    // equal row for row, once line breaks in fields are replaced by spaces.
    let piped = records(&pipe_ok(&["--tokens", "--line-numbers"], &input));
    for t in TABLES {
        let want: Vec<Vec<String>> = tables[*t].iter().map(|r| no_breaks(r)).collect();
        let got: Vec<Vec<String>> = piped.iter().filter(|(n, _)| n == t).map(|(_, f)| f.clone()).collect();
        assert!(!got.is_empty(), "no {t} rows");
        assert_eq!(got, want, "table {t}");
    }
    assert!(
        tables["sentences"].iter().any(|r| r[5].contains('\n')),
        "the corpus has a sentence with a line break (the replacement is exercised)"
    );

    // Without it, a record with an id gives the same rows too; only `source` names no line.
    let piped = records(&pipe_ok(&[], &input));
    let id = "06_joongang_intl_eu_battery.txt";
    for t in ["entities", "quotes", "commitments", "sentences"] {
        let want: Vec<Vec<String>> = tables[t].iter().filter(|r| r[0] == id).map(|r| no_breaks(r)).collect();
        let got: Vec<Vec<String>> =
            piped.iter().filter(|(n, f)| n == t && f[0] == id).map(|(_, f)| f.clone()).collect();
        assert!(!want.is_empty() || t != "entities", "{id} has entities");
        assert_eq!(got, want, "table {t} of {id}");
    }
    let doc = piped.iter().find(|(n, f)| n == "documents" && f[0] == id).unwrap();
    let mut want = tables["documents"].iter().find(|r| r[0] == id).unwrap().clone();
    want[1] = "-".into();
    assert_eq!(doc.1, want);
}

#[test]
fn no_line_break_inside_a_field_and_offsets_still_slice_the_original() {
    let lines = corpus_lines();
    let out = pipe_ok(&["--tokens"], &join(&lines));
    assert!(!out.contains(&b'\r'), "no CR anywhere");
    assert!(out.ends_with(b"\n"));
    let widths: HashMap<&str, usize> = [
        ("documents", 15),
        ("sentences", 6),
        ("tokens", 10),
        ("entities", 9),
        ("quotes", 10),
        ("commitments", 14),
    ]
    .into_iter()
    .collect();
    // One physical line is one record with its table's number of columns.
    for line in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let recs = records(line);
        assert_eq!(recs.len(), 1, "{}", String::from_utf8_lossy(line));
        let (t, f) = &recs[0];
        assert_eq!(Some(&f.len()), widths.get(t.as_str()), "{}", String::from_utf8_lossy(line));
    }
    // A replaced line break keeps the length: text[start:end] is the field with CR/LF → space.
    let wrapped = std::fs::read_to_string(root().join("tests/fixtures/wrapped_lines.txt")).unwrap();
    let mut checked = 0;
    for (t, f) in records(&out) {
        if t == "sentences" && f[0] == "wrapped" {
            let (s, e): (usize, usize) = (f[2].parse().unwrap(), f[3].parse().unwrap());
            let original = slice_chars(&wrapped, s, e);
            assert_eq!(original.replace(['\r', '\n'], " "), f[5]);
            checked += original.contains('\n') as usize;
        }
    }
    assert!(checked > 0, "the wrapped fixture has a sentence across lines");
}

#[test]
fn a_malformed_line_is_an_error_row_and_the_rest_is_processed() {
    let lines = corpus_lines();
    let bad_line = lines.iter().position(|l| l.contains("\"broken\"")).unwrap() + 1;
    let o = pipe(&[], &join(&lines));
    assert!(o.status.success(), "an error row does not fail the run: {}", stderr(&o));
    let recs = records(&o.stdout);
    let docs: Vec<&Vec<String>> = recs.iter().filter(|(t, _)| t == "documents").map(|(_, f)| f).collect();
    assert_eq!(docs.len(), lines.iter().filter(|l| !l.trim().is_empty()).count(), "one row per record");
    let errors: Vec<&&Vec<String>> = docs.iter().filter(|f| f[13] == "error").collect();
    assert_eq!(errors.len(), 1);
    assert!(errors[0][0].starts_with("sha256:") && errors[0][14].contains("malformed JSON"), "{:?}", errors[0]);
    // Every other document is ok, and the ones after the bad line have rows.
    assert!(docs.iter().filter(|f| f[13] != "error").all(|f| f[13] == "ok"));
    let last = docs.last().unwrap();
    assert!(last[0].starts_with("sha256:") && last[13] == "ok", "the record without id has a content id: {last:?}");
    assert!(recs.iter().any(|(t, f)| t == "entities" && f[0] == "wrapped"));
    // The line number of the process's stdin is on stderr…
    assert!(stderr(&o).contains(&format!("stdin line {bad_line}: ")), "{}", stderr(&o));
    // …and in the row with --line-numbers.
    let recs = records(&pipe_ok(&["--line-numbers"], &join(&lines)));
    let err = recs.iter().find(|(t, f)| t == "documents" && f[13] == "error").unwrap();
    assert_eq!(err.1[0], format!("-:{bad_line}"));
    assert!(err.1[14].starts_with(&format!("-:{bad_line}: malformed JSON")), "{:?}", err.1);
}

#[test]
fn runs_with_no_environment_and_no_working_directory_files() {
    let lines = corpus_lines();
    let input = join(&lines[..4]);
    let want = pipe_ok(&[], &input);
    let dir = tempfile::tempdir().unwrap();
    let mut c = Command::new(env!("CARGO_BIN_EXE_kornews"));
    c.env_clear().current_dir(dir.path());
    let o = pipe_cmd(c, &[], &input);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout == want, "output without environment differs");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "pipe writes no file");
}

#[test]
fn empty_input_gives_no_rows() {
    let o = pipe(&[], b"");
    assert!(o.status.success());
    assert!(o.stdout.is_empty());
    let o = pipe(&[], b"\n\n  \n");
    assert!(o.status.success());
    assert!(o.stdout.is_empty());
}

#[test]
fn bad_options_exit_non_zero_with_no_rows() {
    let input = join(&corpus_lines()[..1]);
    for args in [
        &["--no-such-option"][..],
        &["--stages", "sentiment"],
        &["--published", "yesterday"],
        &["-j", "0"],
        &["--dictionaries", "/nonexistent/dir"],
    ] {
        let o = pipe(args, &input);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?} wrote rows");
    }
}

#[test]
fn a_closed_stdout_exits_non_zero() {
    let lines = corpus_lines();
    let mut input = Vec::new();
    for _ in 0..3 {
        input.extend(join(&lines));
    }
    let mut child = kornews()
        .arg("pipe")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before any row
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("cannot write to stdout"), "{}", stderr(&o));
}
