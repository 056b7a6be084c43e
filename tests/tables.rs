//! End-to-end: the bundled corpus and fixtures through the real binary. Every table has its
//! header, every offset slices the original text to the cell's text, and any thread count gives
//! byte-identical tables.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::*;

const TABLES: &[(&str, &str)] = &[
    ("documents", "doc_id,source,title,published,published_from,encoding,outlet,byline,chars,sentences,entities,quotes,commitments,status,message"),
    ("blocks", "doc_id,block,start,end,kind,rule,text"),
    ("sentences", "doc_id,sentence,start,end,kind,text"),
    ("tokens", "doc_id,sentence,token,start,end,surface,pos,semantic_class,reading,analysis"),
    ("entities", "doc_id,entity_id,sentence,start,end,type,text,canonical,normalized"),
    ("quotes", "doc_id,quote_id,sentence,start,end,kind,text,speaker,speaker_text,verb"),
    ("commitments", "doc_id,commitment_id,sentence,start,end,actor,action,object,deadline_text,deadline,modality,condition,quote_id,text"),
];

/// The original text of every document, found through its `source` column.
fn originals(docs: &HashMap<String, HashMap<String, String>>, roots: &[&Path]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for (id, row) in docs {
        if row["status"] == "error" {
            continue;
        }
        let source = &row["source"];
        let (file, line) = match source.rsplit_once(':') {
            Some((f, l)) if l.chars().all(|c| c.is_ascii_digit()) => (f.to_string(), Some(l.parse::<usize>().unwrap())),
            _ => (source.clone(), None),
        };
        let path = roots.iter().map(|r| r.join(&file)).find(|p| p.exists()).unwrap_or_else(|| panic!("no file for {source}"));
        let bytes = std::fs::read(&path).unwrap();
        let text = match line {
            None => kornews::ingest::decode::decode(&bytes).unwrap().text,
            Some(n) => {
                let raw = if path.extension().is_some_and(|e| e == "gz") {
                    let mut s = String::new();
                    std::io::Read::read_to_string(&mut flate2::read::MultiGzDecoder::new(&bytes[..]), &mut s).unwrap();
                    s
                } else {
                    String::from_utf8(bytes).unwrap()
                };
                let rec: serde_json::Value = serde_json::from_str(raw.lines().nth(n - 1).unwrap()).unwrap();
                rec["text"].as_str().unwrap().to_string()
            }
        };
        out.insert(id.clone(), text);
    }
    out
}

#[test]
fn every_table_has_its_header_and_every_offset_slices_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = extract(&["corpus", "tests/fixtures", "--tokens"], &out);
    assert_eq!(o.status.code(), Some(1), "fixtures hold bad JSONL lines: {}", stderr(&o));
    for (name, header) in TABLES {
        let first = std::fs::read_to_string(out.join(format!("{name}.csv"))).unwrap();
        assert_eq!(first.lines().next().unwrap(), *header, "{name}.csv header");
    }
    let docs = documents(&out);
    let root = root();
    let texts = originals(&docs, &[&root, &root.join("tests")]);
    assert!(texts.len() >= 25, "expected the corpus and fixtures, got {} documents", texts.len());

    let mut checked = 0;
    for name in ["blocks", "sentences", "tokens", "entities", "quotes", "commitments"] {
        let t = read_table(&out.join(format!("{name}.csv")));
        let text_col = if name == "tokens" { "surface" } else { "text" };
        for row in &t.rows {
            let text = &texts[&row["doc_id"]];
            let (s, e): (usize, usize) = (row["start"].parse().unwrap(), row["end"].parse().unwrap());
            assert!(s < e && e <= text.chars().count(), "{name} {row:?}");
            assert_eq!(slice_chars(text, s, e), row[text_col], "{name}.csv row {row:?}");
            checked += 1;
        }
    }
    assert!(checked > 10_000, "only {checked} cells checked");

    // Sentences lie inside sentence-carrying blocks, in order, without overlap.
    let blocks = read_table(&out.join("blocks.csv"));
    let sentences = read_table(&out.join("sentences.csv"));
    let mut last: HashMap<&str, usize> = HashMap::new();
    for s in &sentences.rows {
        let (a, b): (usize, usize) = (s["start"].parse().unwrap(), s["end"].parse().unwrap());
        let prev = last.insert(&s["doc_id"], b).unwrap_or(0);
        assert!(a >= prev, "overlap at {s:?}");
        assert!(
            blocks.rows.iter().any(|bl| bl["doc_id"] == s["doc_id"]
                && bl["kind"] == s["kind"]
                && bl["start"].parse::<usize>().unwrap() <= a
                && b <= bl["end"].parse::<usize>().unwrap()),
            "sentence outside its block: {s:?}"
        );
    }
}

#[test]
fn default_run_reads_the_corpus_and_writes_a_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = extract(&[], &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = documents(&out);
    assert!(docs.len() >= 18, "{} documents", docs.len());
    assert!(docs.values().all(|d| d["status"] == "ok"), "{docs:?}");
    assert!(docs.values().all(|d| d["sentences"].parse::<usize>().unwrap() >= 8));

    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
    assert_eq!(manifest["finished"], true);
    assert_eq!(manifest["lindera_version"], "6.2.0");
    assert_eq!(manifest["kornews_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(manifest["dictionary"]["sha256"].as_str().unwrap().len(), 64);
    assert!(manifest["lexicons"].as_array().unwrap().iter().any(|l| l["name"] == "boilerplate.tsv"));
    let sentences = read_table(&out.join("sentences.csv")).rows.len();
    assert_eq!(manifest["rows"]["sentences"], sentences);
    assert_eq!(manifest["rows"]["documents"], docs.len());
    let inputs = manifest["inputs"].as_array().unwrap();
    let on_disk = walk(&root().join("corpus")).into_iter().filter(|p| p.ends_with(".txt") || p.ends_with(".jsonl")).count();
    assert!(on_disk >= 15);
    assert_eq!(inputs.len(), on_disk, "every .txt and .jsonl file of corpus/ is an input");
    assert!(inputs.iter().all(|i| i["sha256"].as_str().unwrap().len() == 64));
    // No temporary files are left behind.
    for e in std::fs::read_dir(&out).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        assert!(!name.contains("partial"), "left over: {name}");
    }
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p.display().to_string());
        }
    }
    out
}

#[test]
fn one_thread_and_four_threads_give_byte_identical_tables() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let inputs = ["corpus", "tests/fixtures", "--tokens"];
    let oa = kornews().args(["extract", "-q", "-j", "1", "--out"]).arg(&a).args(inputs).output().unwrap();
    let ob = kornews().args(["extract", "-q", "-j", "4", "--out"]).arg(&b).args(inputs).output().unwrap();
    assert_eq!(oa.status.code(), ob.status.code());
    for (name, _) in TABLES {
        let fa = std::fs::read(a.join(format!("{name}.csv"))).unwrap();
        let fb = std::fs::read(b.join(format!("{name}.csv"))).unwrap();
        assert!(fa == fb, "{name}.csv differs between 1 and 4 threads");
    }
}

#[test]
fn documents_keep_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    extract(&["corpus"], &out);
    let ids: Vec<String> = read_table(&out.join("documents.csv")).rows.into_iter().map(|r| r["doc_id"].clone()).collect();
    let mut txt: Vec<&String> = ids.iter().filter(|i| i.ends_with(".txt")).collect();
    let sorted = { let mut s = txt.clone(); s.sort(); s };
    assert_eq!(txt, sorted, "sorted directory walk");
    txt.clear();
    let jsonl: Vec<&String> = ids.iter().filter(|i| i.starts_with("jsonl-")).collect();
    assert_eq!(jsonl, ["jsonl-001", "jsonl-002", "jsonl-003", "jsonl-004"], "JSONL line order");
    assert!(ids.iter().position(|i| i.starts_with("corpus/articles/")).unwrap() < ids.iter().position(|i| i == "jsonl-001").unwrap(),
        "articles/ sorts before articles.jsonl");
}
