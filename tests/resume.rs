//! `extract --resume`: an interrupted run continued from its last checkpoint gives the same bytes
//! as an uninterrupted run, for any thread count; a resume with other options or inputs is
//! refused; with nothing to resume it says so.

mod common;

use std::path::Path;
use std::time::Duration;

use common::*;

const STAGING: &str = ".kornews-staging";

fn checkpoint_documents(out: &Path) -> u64 {
    read_json(&out.join(STAGING).join("checkpoint.json"))["summary"]["documents"].as_u64().unwrap()
}

fn run(args: &[&str], out: &Path, threads: usize) -> std::process::Output {
    let mut c = kornews();
    c.arg("extract").args(args).arg("-q").arg("-j").arg(threads.to_string()).arg("--out").arg(out);
    c.stdin(std::process::Stdio::null()).output().unwrap()
}

/// Kills runs of `args` at the given hold points (`None`: after a random delay), each one after
/// the first with `--resume`, then finishes with `--resume`; the tables and run.json must be
/// those of an uninterrupted run. Returns the documents each resume started after.
fn interrupt_and_resume(args: &[&str], input_docs: u64, kills: &[(Option<&str>, usize)], seed: u64) -> Vec<u64> {
    let tmp = tempfile::tempdir().unwrap();
    let reference = tmp.path().join("reference");
    let o = run(args, &reference, 2);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    let ref_manifest = read_json(&reference.join("run.json"));
    assert_eq!(ref_manifest["documents"]["total"], input_docs);

    let mut rng = Rng(seed);
    let out = tmp.path().join("out");
    let checkpoint = |out: &Path| out.join(STAGING).join("checkpoint.json").exists().then(|| checkpoint_documents(out));
    // The documents after which a resume started and wrote at least one checkpoint.
    let mut resumed_at = Vec::new();
    for (i, &(hold, threads)) in kills.iter().enumerate() {
        let mut a = args.to_vec();
        if i > 0 {
            a.push("--resume");
        }
        let before = checkpoint(&out);
        let running = spawn_extract(&a, &out, threads, hold);
        let ended = match hold {
            Some(_) => running.kill_at_hold(),
            None => running.kill_after(Duration::from_millis(200 + rng.below(600))),
        };
        assert!(ended.killed || hold.is_none(), "killed at its hold point: {}", ended.stderr);
        let after = checkpoint(&out);
        assert!(after >= before || !ended.killed, "checkpoints only move forward: {before:?} → {after:?}");
        if hold.is_some() {
            assert!(after.is_some_and(|d| d < input_docs), "killed before the end");
        }
        if i > 0 {
            if let Some(b) = before {
                if after > before || !ended.killed {
                    resumed_at.push(b);
                }
            }
        }
    }
    let last = checkpoint(&out);
    let o = run(&[args, &["--resume"]].concat(), &out, 3);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(ref_manifest["documents"]["error"].as_u64().map_or(0, |e| (e > 0) as i32)));
    if let Some(last) = last {
        assert!(stderr(&o).contains(&format!("resuming the interrupted run after {last} documents")), "{}", stderr(&o));
        resumed_at.push(last);
    }
    for (name, _) in manifest_tables(&ref_manifest) {
        let file = format!("{name}.csv");
        let (a, b) = (std::fs::read(reference.join(&file)).unwrap(), std::fs::read(out.join(&file)).unwrap());
        assert!(a == b, "{file}: the resumed run differs from the uninterrupted run");
    }
    assert_eq!(csv_hashes(&out), csv_hashes(&reference), "the same tables, no more");
    let manifest = read_json(&out.join("run.json"));
    assert_eq!(manifest_for_comparison(&manifest), manifest_for_comparison(&ref_manifest));
    let recorded: Vec<u64> = manifest["resumed"].as_array().unwrap().iter().map(|r| r["at_document"].as_u64().unwrap()).collect();
    assert_eq!(recorded, resumed_at, "run.json lists where each resume started");
    assert!(!out.join(STAGING).exists() && !out.join(".kornews-run-in-progress").exists());
    resumed_at
}

#[test]
fn a_directory_run_with_tokens_killed_three_times_resumes_to_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let mut docs = make_corpus(&input, 4, 40) as u64;
    // A gzip JSONL file and a file that is an error row are documents too.
    let jsonl = std::fs::read(root().join("corpus/articles.jsonl")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, &jsonl).unwrap();
    std::fs::write(input.join("zz.jsonl.gz"), gz.finish().unwrap()).unwrap();
    docs += 4;
    std::fs::write(input.join("batch001/junk.txt"), b"\x00\x01\x02\x03binary\x04\x05\x06").unwrap();
    docs += 1;
    let input = input.to_str().unwrap().to_string();
    let resumed = interrupt_and_resume(
        &[&input, "--tokens", "--published", "2022-10-19"],
        docs,
        &[(Some("mid-batch:2"), 2), (Some("mid-batch:2"), 1), (None, 3)],
        7,
    );
    // Batches of 32 documents: the first run was killed in its second batch, the first resume in
    // its second batch (after one checkpoint), the last kill came at a random moment.
    assert_eq!(resumed[..2], [32, 64], "resumed after {resumed:?} documents");
}

#[test]
fn a_jsonl_run_killed_mid_batch_and_at_a_checkpoint_resumes_to_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    let docs = make_corpus(&dir, 0, 300) as u64;
    let file = dir.join("news.jsonl");
    let resumed = interrupt_and_resume(
        &[file.to_str().unwrap(), "--stages", "entities,quotes"],
        docs,
        &[(Some("mid-batch:3"), 2), (Some("checkpoint:2"), 3), (Some("mid-batch:1"), 1)],
        11,
    );
    // Batches of 32 documents: killed in the third batch (2 checkpoints), then a resume killed at
    // its second checkpoint (4 in all), then a resume killed before its first checkpoint (it
    // leaves no trace), then the last resume.
    assert_eq!(resumed, [64, 128]);
}

/// An interrupted run (killed in the middle of its third batch) of `args` in `out`.
fn interrupted(args: &[&str], out: &Path) -> Vec<u8> {
    let ended = spawn_extract(args, out, 2, Some("mid-batch:3")).kill_at_hold();
    assert!(ended.killed);
    std::fs::read(out.join(STAGING).join("checkpoint.json")).unwrap()
}

#[test]
fn resume_with_other_options_or_inputs_is_refused_and_keeps_the_interrupted_run() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    make_corpus(&input, 5, 0);
    let input = input.to_str().unwrap();
    let out = tmp.path().join("out");
    let checkpoint = interrupted(&[input], &out);
    let partial = std::fs::read(out.join(STAGING).join("documents.csv.partial")).unwrap();

    for (extra, says) in [
        (&["--tokens"][..], "--tokens (was false, now true)"),
        (&["--stages", "entities"][..], "stages"),
        (&["--excel"][..], "--excel"),
        (&["--published", "2020-01-01"][..], "--published"),
    ] {
        let o = run(&[&[input, "--resume"][..], extra].concat(), &out, 2);
        assert_eq!(o.status.code(), Some(2), "{extra:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("cannot resume") && stderr(&o).contains(says), "{extra:?}: {}", stderr(&o));
        assert_eq!(std::fs::read(out.join(STAGING).join("checkpoint.json")).unwrap(), checkpoint, "left as it was");
        assert_eq!(std::fs::read(out.join(STAGING).join("documents.csv.partial")).unwrap(), partial);
    }
    // Another input list.
    let o = run(&[input, "corpus/articles", "--resume"], &out, 2);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("inputs"), "{}", stderr(&o));
    // stdin cannot be read twice.
    let o = run(&["-", "--resume"], &out, 2);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("stdin"), "{}", stderr(&o));

    // An input file changed since.
    let article = std::fs::read_dir(Path::new(input).join("batch000")).unwrap().next().unwrap().unwrap().path();
    let mut text = std::fs::read_to_string(&article).unwrap();
    text.push_str("덧붙인 문장이다.\n");
    std::fs::write(&article, text).unwrap();
    let o = run(&[input, "--resume"], &out, 2);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("input files"), "{}", stderr(&o));
    assert_eq!(std::fs::read(out.join(STAGING).join("checkpoint.json")).unwrap(), checkpoint);

    // A fresh run discards the interrupted one, and says so.
    let o = run(&[input], &out, 2);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("partial output of an interrupted run was discarded"), "{}", stderr(&o));
    assert!(!out.join(STAGING).exists());
}

#[test]
fn damaged_partial_tables_are_not_resumed() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    make_corpus(&input, 5, 0);
    let input = input.to_str().unwrap();
    let out = tmp.path().join("out");
    interrupted(&[input], &out);
    let cp = read_json(&out.join(STAGING).join("checkpoint.json"));
    let sentences = cp["tables"].as_array().unwrap().iter().find(|t| t["name"] == "sentences").unwrap()["bytes"].as_u64().unwrap();
    let partial = out.join(STAGING).join("sentences.csv.partial");
    // Shorter than the checkpoint says (as after a crash of the machine).
    std::fs::OpenOptions::new().write(true).open(&partial).unwrap().set_len(sentences - 10).unwrap();
    let o = run(&[input, "--resume"], &out, 2);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("sentences.csv.partial"), "{}", stderr(&o));
    assert!(!out.join("run.json").exists() && !out.join("sentences.csv").exists());
}

#[test]
fn resume_with_nothing_to_resume_starts_over_or_has_nothing_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    make_corpus(&input, 2, 0);
    let input = input.to_str().unwrap();
    let (out, reference) = (tmp.path().join("out"), tmp.path().join("reference"));
    assert_eq!(run(&[input], &reference, 2).status.code(), Some(0));

    // No interrupted run: it runs from the beginning, and says so.
    let o = run(&[input, "--resume"], &out, 2);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("nothing to resume") && stderr(&o).contains("starting from the beginning"), "{}", stderr(&o));
    assert_eq!(csv_hashes(&out), csv_hashes(&reference));

    // The finished tables of this very run: nothing is done, nothing is touched.
    let before: Vec<_> = std::fs::read_dir(&out).unwrap().map(|e| {
        let e = e.unwrap();
        (e.file_name(), e.metadata().unwrap().modified().unwrap())
    }).collect();
    let o = run(&[input, "--resume"], &out, 1);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("already holds the finished tables of this run"), "{}", stderr(&o));
    let after: Vec<_> = std::fs::read_dir(&out).unwrap().map(|e| {
        let e = e.unwrap();
        (e.file_name(), e.metadata().unwrap().modified().unwrap())
    }).collect();
    assert_eq!(before, after);

    // Finished tables of other options: --resume runs from the beginning.
    let o = run(&[input, "--resume", "--stages", "none"], &out, 1);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("starting from the beginning"), "{}", stderr(&o));
    assert_eq!(read_json(&out.join("run.json"))["stages"], serde_json::json!([]));
}
