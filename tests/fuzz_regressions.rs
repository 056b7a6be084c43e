//! The inputs the fuzzer found (tests/fuzz_regressions/, listed in its README), a sample of the
//! fuzzer's minimized corpus (tests/fuzz_regressions/corpus/), and the corpus it was seeded
//! with, run through the whole pipeline with the fuzz target's checks (`kornews::check`): as a
//! `.txt` article and as JSONL. CI runs these stored inputs, never the fuzzer (see
//! fuzz/README.md).

use std::path::Path;
use std::sync::OnceLock;

use kornews::resources::DataFiles;
use kornews::Pipeline;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(DataFiles::embedded()).unwrap())
}

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    v.sort();
    v
}

#[test]
fn every_stored_fuzz_finding_passes_the_fuzz_checks() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut inputs: Vec<_> = files(&dir).into_iter().filter(|p| p.extension().is_none_or(|e| e != "md")).collect();
    assert!(inputs.len() >= 2, "the findings are missing from {}", dir.display());
    // And a sample of the fuzzer's minimized corpus (inputs of every size).
    let corpus = files(&dir.join("corpus"));
    assert!(corpus.len() >= 50, "the corpus sample is missing");
    inputs.extend(corpus);
    let mut failures = Vec::new();
    for path in &inputs {
        let bytes = std::fs::read(path).unwrap();
        if let Err(e) = kornews::check::check_bytes(pipeline(), &bytes) {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{} of {} inputs fail:\n{}", failures.len(), inputs.len(), failures.join("\n"));
}

#[test]
fn the_seed_corpus_passes_the_fuzz_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for path in files(&root.join("corpus/articles")) {
        let bytes = std::fs::read(&path).unwrap();
        checked += kornews::check::check_txt(pipeline(), &bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let jsonl = std::fs::read(root.join("corpus/articles.jsonl")).unwrap();
    checked += kornews::check::check_jsonl(pipeline(), &jsonl).unwrap();
    assert!(checked > 1000, "only {checked} rows checked");
}

#[test]
fn the_checks_catch_a_wrong_offset() {
    // The checks must be able to fail: a token moved by one code point is caught.
    use kornews::ingest::{Ingest, IngestOptions};
    let text = "정부는 2일 새 대책을 발표했다.";
    let ingest = Ingest::new(&[], IngestOptions::default()).unwrap();
    let kornews::Outcome::Done(mut a) = pipeline().process(ingest.txt_item("t.txt".into(), text.as_bytes())) else { panic!() };
    assert!(kornews::check::check_outcome(Some(text), &kornews::Outcome::Done(a.clone())).is_ok());
    a.morphs[1].span.start += 1;
    let err = kornews::check::check_outcome(Some(text), &kornews::Outcome::Done(a.clone())).unwrap_err();
    assert!(err.contains("tokens"), "{err}");
    let mut b = a.clone();
    b.morphs[1].span.start -= 1;
    b.sentences[0].span.end = text.chars().count() + 1;
    assert!(kornews::check::check_outcome(Some(text), &kornews::Outcome::Done(b)).is_err());
}
