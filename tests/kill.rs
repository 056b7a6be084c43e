//! Interrupted runs: `kornews extract` is killed (SIGKILL) again and again, at random moments of
//! runs over a generated corpus of about 1,300 articles and at every step of the commit, and
//! after each kill the output directory is checked:
//! - every `NAME.csv` in it is a complete table of the previous run or of the new run, byte for
//!   byte (never a truncated one);
//! - if `run.json` is there, it says `"finished": true` and vouches for exactly the tables there
//!   (sizes and sha256), all from one run;
//! - if it is not, the in-progress marker is there (and, once the directory had a finished run,
//!   the commit record of the new run in the staging directory, which the next run completes);
//! - the marker says `"finished": false`, and partial tables exist only in the staging directory.
//!
//! Runs alternate between fresh starts and `--resume`, with 1 to 3 threads; from time to time a
//! `--resume` is run to the end and its tables must equal those of an uninterrupted run.
//!
//! The kill moments come from a seeded generator (`KORNEWS_KILL_SEED` overrides the seed); they
//! are spread over the duration of one uninterrupted run measured at the start.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use common::*;

const MARKER: &str = ".kornews-run-in-progress";
const STAGING: &str = ".kornews-staging";

type Set = BTreeMap<String, (u64, String)>;

/// Where a kill landed, judged from what it left.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Landed {
    /// Before the first checkpoint of the run (reading, or the first batch).
    BeforeFirstCheckpoint,
    /// While writing, after a checkpoint.
    MidRun,
    /// After the last batch was written, before the commit record.
    BeforeCommit,
    /// Within the commit (a commit record in the staging directory, or run.json in place and the
    /// marker not yet removed).
    Commit,
    /// The run had finished before the kill.
    Finished,
}

/// What the directory holds after a kill.
#[derive(Debug, PartialEq, Eq)]
enum Holds {
    Old,
    New,
    /// No run.json: a commit to complete (or nothing yet, in a directory that never had a run).
    Unvouched,
}

/// Checks the directory after a kill against the previous complete set `old` (none for a
/// directory that had no finished run) and the set the interrupted run would write.
fn check(out: &Path, old: Option<&Set>, new: &Set, total_docs: u64, ended: &Ended) -> (Holds, Landed) {
    let context = || format!("after a kill (killed: {}, exit {:?}), stderr:\n{}", ended.killed, ended.code, ended.stderr);
    let mut csvs = Set::new();
    for e in std::fs::read_dir(out).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        match name.as_str() {
            "run.json" | MARKER | STAGING => {}
            n if n.ends_with(".csv") => {
                let table = n.trim_end_matches(".csv").to_string();
                let h = file_hash(&out.join(n));
                let from_old = old.is_some_and(|o| o.get(&table) == Some(&h));
                assert!(from_old || new.get(&table) == Some(&h), "{n} is neither the previous nor the new complete table {}", context());
                csvs.insert(table, h);
            }
            other => panic!("unexpected file {other} in the output directory {}", context()),
        }
    }
    let marker = out.join(MARKER).exists();
    let staging = out.join(STAGING);
    if marker {
        let m = read_json(&out.join(MARKER));
        assert_eq!(m["finished"], false, "the marker says the run has not finished {}", context());
    } else {
        assert!(!staging.exists(), "a staging directory without the marker {}", context());
    }
    let record = staging.join("run.json");
    let holds = if out.join("run.json").exists() {
        let manifest = read_json(&out.join("run.json"));
        assert_eq!(manifest["finished"], true, "{}", context());
        let vouched = manifest_tables(&manifest);
        assert_eq!(vouched, csvs, "run.json vouches for exactly the tables in the directory {}", context());
        if &vouched == new {
            Holds::New
        } else {
            assert_eq!(Some(&vouched), old, "run.json vouches for one complete run {}", context());
            Holds::Old
        }
    } else {
        assert!(marker, "no run.json and no marker {}", context());
        if record.exists() {
            assert_eq!(&manifest_tables(&read_json(&record)), new, "the commit record names the new tables {}", context());
        } else {
            assert!(old.is_none(), "the previous run.json is gone but no commit record replaces it {}", context());
            assert!(csvs.is_empty(), "tables without run.json and without a commit record {}", context());
        }
        Holds::Unvouched
    };
    if marker && staging.exists() {
        for e in std::fs::read_dir(&staging).unwrap() {
            let name = e.unwrap().file_name().into_string().unwrap();
            assert!(
                name.ends_with(".csv.partial") || name == "checkpoint.json" || name == "run.json" || name.ends_with(".tmp"),
                "unexpected {name} in the staging directory {}",
                context()
            );
        }
    }
    let landed = if !ended.killed {
        assert_eq!(holds, Holds::New, "a run that finished leaves its tables {}", context());
        assert!(!marker, "a finished run removes its marker {}", context());
        Landed::Finished
    } else if record.exists() || holds == Holds::New {
        Landed::Commit
    } else if staging.join("checkpoint.json").exists() {
        let cp = read_json(&staging.join("checkpoint.json"));
        if cp["summary"]["documents"].as_u64().unwrap() == total_docs {
            Landed::BeforeCommit
        } else {
            Landed::MidRun
        }
    } else {
        Landed::BeforeFirstCheckpoint
    };
    (holds, landed)
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn run_to_end(args: &[&str], out: &Path, threads: usize) -> std::process::Output {
    let mut c = kornews();
    c.arg("extract").args(args).arg("-q").arg("-j").arg(threads.to_string()).arg("--out").arg(out);
    c.stdin(std::process::Stdio::null()).output().unwrap()
}

#[test]
fn sigkill_at_random_points_never_leaves_a_table_that_looks_complete() {
    let seed = std::env::var("KORNEWS_KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(20261126u64);
    let mut rng = Rng(seed);
    let tmp = tempfile::tempdir().unwrap();
    let (new_in, old_in, small_in) = (tmp.path().join("new"), tmp.path().join("old"), tmp.path().join("small"));
    let new_docs = make_corpus(&new_in, 45, 120) as u64;
    let _ = make_corpus(&old_in, 1, 6);
    let small_docs = make_corpus(&small_in, 3, 20) as u64;
    let args = |input: &Path, resume: bool| {
        let mut a = vec![input.to_str().unwrap().to_string(), "--stages".into(), "none".into()];
        if resume {
            a.push("--resume".into());
        }
        a
    };
    let run = |input: &Path, out: &Path, resume: bool, threads: usize| run_to_end(&strs(&args(input, resume)), out, threads);

    // Uninterrupted runs: the sets the directory may hold.
    let started = Instant::now();
    let o = run(&new_in, &tmp.path().join("ref-new"), false, 2);
    // Kill moments are drawn over this duration; it shrinks when runs end before their kill (the
    // first run reads a cold page cache, and the machine's load changes).
    let mut full = started.elapsed();
    assert_eq!(o.status.code(), Some(1), "the corpus has one malformed line: {}", stderr(&o));
    let new_manifest = read_json(&tmp.path().join("ref-new/run.json"));
    let new_set = manifest_tables(&new_manifest);
    assert_eq!(csv_hashes(&tmp.path().join("ref-new")), new_set);
    assert_eq!(new_manifest["documents"]["total"], new_docs);
    assert!(run(&small_in, &tmp.path().join("ref-small"), false, 2).status.code() == Some(1));
    let small_set = manifest_tables(&read_json(&tmp.path().join("ref-small/run.json")));
    assert!(run(&old_in, &tmp.path().join("ref-old"), false, 2).status.code() == Some(1));
    let old_set = manifest_tables(&read_json(&tmp.path().join("ref-old/run.json")));
    assert!(old_set != new_set && old_set != small_set);

    let out = tmp.path().join("out");
    let mut landed: BTreeMap<Landed, usize> = BTreeMap::new();
    let mut landed_at_points: BTreeMap<Landed, usize> = BTreeMap::new();
    let mut kills = 0;
    let mut verified_resumes = 0;
    let reset_to_old = |out: &Path| {
        let o = run(&old_in, out, false, 2);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert_eq!(csv_hashes(out), old_set);
        assert!(!out.join(MARKER).exists() && !out.join(STAGING).exists());
    };
    let finish_with_resume = |out: &Path, threads: usize| {
        let o = run(&new_in, out, true, threads);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert_eq!(csv_hashes(out), new_set, "a resumed run gives the tables of an uninterrupted one");
        assert_eq!(manifest_for_comparison(&read_json(&out.join("run.json"))), manifest_for_comparison(&new_manifest));
        assert!(!out.join(MARKER).exists() && !out.join(STAGING).exists());
    };

    // 1. Into a directory that never had a finished run: the tables appear complete or not at all.
    for _ in 0..4 {
        let _ = std::fs::remove_dir_all(&out);
        let delay = full.mul_f64(rng.unit());
        let ended = spawn_extract(&strs(&args(&new_in, false)), &out, 2, None).kill_after(delay);
        let (_, l) = check(&out, None, &new_set, new_docs, &ended);
        kills += ended.killed as usize;
        *landed.entry(l).or_default() += 1;
    }

    // 2. Random kills over runs that replace a finished run, fresh or resumed.
    reset_to_old(&out);
    let mut previous_was_killed = false;
    while kills < 48 {
        let resume = previous_was_killed && rng.below(3) != 0;
        let threads = 1 + rng.below(3) as usize;
        let delay = full.mul_f64(1.05 * rng.unit());
        let ended = spawn_extract(&strs(&args(&new_in, resume)), &out, threads, None).kill_after(delay);
        let (holds, l) = check(&out, Some(&old_set), &new_set, new_docs, &ended);
        kills += ended.killed as usize;
        previous_was_killed = ended.killed;
        if !ended.killed {
            full = full.mul_f64(0.85);
        }
        *landed.entry(l).or_default() += 1;
        if holds == Holds::New || rng.below(6) == 0 {
            // Now and then, and whenever the new run got in place: finish it with --resume and
            // compare with the uninterrupted run, then put the previous run back.
            finish_with_resume(&out, 1 + rng.below(3) as usize);
            verified_resumes += 1;
            reset_to_old(&out);
            previous_was_killed = false;
        }
    }

    // 3. Kills at chosen points: the start, a checkpoint, the middle of a batch, and every step of
    // the commit (small corpus, so the run reaches its commit quickly).
    let mut at_points = 0;
    for point in ["started", "checkpoint:1", "mid-batch:2", "commit:1", "commit:2", "commit:3", "commit:4", "commit:5"] {
        for follow_with_resume in [false, true] {
            reset_to_old(&out);
            let ended = spawn_extract(&strs(&args(&small_in, false)), &out, 2, Some(point)).kill_at_hold();
            assert!(ended.killed);
            kills += 1;
            at_points += 1;
            let (holds, l) = check(&out, Some(&old_set), &small_set, small_docs, &ended);
            if point.starts_with("commit:") {
                assert_eq!(l, Landed::Commit, "{point}");
                let expect = match point {
                    "commit:1" => Holds::Old,
                    "commit:5" => Holds::New,
                    _ => Holds::Unvouched,
                };
                assert_eq!(holds, expect, "{point}");
            } else {
                assert_eq!(holds, Holds::Old, "{point}");
            }
            *landed_at_points.entry(l).or_default() += 1;
            if follow_with_resume {
                // --resume completes the interrupted run: its tables, as an uninterrupted run.
                let o = run(&small_in, &out, true, 1);
                assert_eq!(o.status.code(), Some(1), "{point}: {}", stderr(&o));
                assert_eq!(csv_hashes(&out), small_set, "{point}");
                assert!(!out.join(MARKER).exists() && !out.join(STAGING).exists(), "{point}");
            } else {
                // A fresh run of other inputs first completes (or discards) the interrupted one,
                // then replaces it.
                let o = run(&old_in, &out, false, 1);
                assert_eq!(o.status.code(), Some(1), "{point}: {}", stderr(&o));
                assert_eq!(csv_hashes(&out), old_set, "{point}");
                if point.starts_with("commit:") && point != "commit:5" {
                    assert!(stderr(&o).contains("its commit was completed"), "{point}: {}", stderr(&o));
                }
            }
        }
    }

    eprintln!(
        "kill test (seed {seed}): {kills} kills, {} at random moments and {at_points} at chosen points; kill moments drawn over {:.2} s at the end; \
         random moments landed: {landed:?} (Finished: the run ended before the kill, not counted as a kill); chosen points landed: \
         {landed_at_points:?}; {verified_resumes} interrupted runs finished with --resume matched the uninterrupted run",
        kills - at_points,
        full.as_secs_f64()
    );
    assert!(kills >= 60, "{kills} kills");
}

/// A fresh run discards the partial output of an interrupted one; killed while it empties the
/// staging folder, it must not leave a checkpoint whose partial tables are gone: the next
/// `--resume` starts over (nothing to resume) and gives the tables of an uninterrupted run.
#[test]
fn a_kill_while_discarding_an_interrupted_run_leaves_nothing_to_resume() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    make_corpus(&input, 3, 20);
    let args = |resume: bool| {
        let mut a = vec![input.to_str().unwrap().to_string(), "--stages".into(), "none".into()];
        if resume {
            a.push("--resume".into());
        }
        a
    };
    let reference = tmp.path().join("ref");
    assert_eq!(run_to_end(&strs(&args(false)), &reference, 2).status.code(), Some(1));
    let want = csv_hashes(&reference);
    let out = tmp.path().join("out");
    // An interrupted run with a checkpoint and its partial tables.
    assert!(spawn_extract(&strs(&args(false)), &out, 2, Some("checkpoint:1")).kill_at_hold().killed);
    assert!(out.join(STAGING).join("checkpoint.json").exists());
    // A fresh run starts to discard it and is killed on the way.
    assert!(spawn_extract(&strs(&args(false)), &out, 2, Some("discard:1")).kill_at_hold().killed);
    assert!(!out.join(STAGING).join("checkpoint.json").exists(), "the checkpoint goes first");
    let o = run_to_end(&strs(&args(true)), &out, 1);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("nothing to resume"), "{}", stderr(&o));
    assert_eq!(csv_hashes(&out), want);
    assert!(!out.join(MARKER).exists() && !out.join(STAGING).exists());
}
