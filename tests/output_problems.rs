//! Output problems: an output path that is a file or lies under one, a directory this user may not
//! write, a read-only file system, a full disk and a file size limit. Each one: exit code 3, a
//! message naming the path, and no table that looks complete (the previous run's tables and
//! run.json stay as they were).
//!
//! Root ignores file permissions, so the permission test runs kornews as `nobody` (setpriv) when
//! the tests run as root. The full disk is a small tmpfs mounted in a private mount namespace
//! (`unshare -rm`, which needs no root where user namespaces are allowed); where that is not
//! possible the test says SKIPPED on stderr. The file size limit (RLIMIT_FSIZE, EFBIG) needs no
//! privilege at all.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::*;

const MARKER: &str = ".kornews-run-in-progress";
const STAGING: &str = ".kornews-staging";

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_kornews"))
}

/// A finished run of two articles in `out`: its run.json and tables, to check they survive.
fn previous_run(out: &Path) -> (Vec<u8>, std::collections::BTreeMap<String, (u64, String)>) {
    let o = extract(&["corpus/articles/01_yonhap_politics_jeonse.txt", "corpus/articles/02_news1_economy_outlook.txt"], out);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (std::fs::read(out.join("run.json")).unwrap(), csv_hashes(out))
}

fn assert_untouched(out: &Path, previous: &(Vec<u8>, std::collections::BTreeMap<String, (u64, String)>)) {
    assert_eq!(std::fs::read(out.join("run.json")).unwrap(), previous.0, "run.json is the previous run's");
    assert_eq!(csv_hashes(out), previous.1, "the previous tables are intact");
}

#[test]
fn an_output_path_that_is_a_file_or_under_a_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tables");
    std::fs::write(&file, "a file").unwrap();
    for out in [file.clone(), file.join("out")] {
        let o = extract(&["corpus/articles/01_yonhap_politics_jeonse.txt"], &out);
        assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
        let e = stderr(&o);
        assert!(e.contains("cannot write output") && e.contains(out.to_str().unwrap()), "{e}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "a file");
    }
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["tables"], "nothing was created beside it");

    // A directory that cannot be created even by root (procfs).
    let out = Path::new("/proc/self/kornews-out");
    let o = extract(&["corpus/articles/01_yonhap_politics_jeonse.txt"], out);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("/proc/self/kornews-out"), "{}", stderr(&o));
}

fn is_root() -> bool {
    let o = Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&o.stdout).trim() == "0"
}

#[test]
fn a_directory_this_user_cannot_write_is_an_error_and_keeps_the_previous_tables() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = dir.path().join("out");
    let previous = previous_run(&out);
    let article = dir.path().join("a.txt");
    std::fs::copy(root().join("corpus/articles/03_newsis_society_fire.txt"), &article).unwrap();
    std::fs::set_permissions(&article, std::fs::Permissions::from_mode(0o644)).unwrap();

    let mut c = if is_root() {
        // Root may write anywhere: run as nobody, for whom a root-owned 0755 directory is read-only.
        if Command::new("setpriv").arg("--version").output().is_err() {
            eprintln!("SKIPPED: running as root and setpriv is not available to drop privileges");
            return;
        }
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(bin());
        c
    } else {
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).unwrap();
        Command::new(bin())
    };
    let o = c.current_dir(root()).args(["extract", "-q", "--out"]).arg(&out).arg(&article).stdin(Stdio::null()).output().unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains(out.to_str().unwrap()) && e.contains("Permission denied"), "{e}");
    assert_untouched(&out, &previous);
    assert!(!out.join(MARKER).exists() && !out.join(STAGING).exists());
}

/// Runs a bash script in a private user and mount namespace (so it may mount a tmpfs); `None`
/// when this system does not allow that.
fn in_namespace(script: &str, args: &[&Path]) -> Option<Output> {
    let probe = Command::new("unshare").args(["-rm", "sh", "-c", "mount -t tmpfs tmpfs /mnt 2>/dev/null || mount -t tmpfs tmpfs /tmp"]).output();
    match probe {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            eprintln!("SKIPPED: cannot mount a tmpfs in a private namespace here: {}", String::from_utf8_lossy(&o.stderr));
            return None;
        }
        Err(e) => {
            eprintln!("SKIPPED: unshare is not available: {e}");
            return None;
        }
    }
    let mut c = Command::new("unshare");
    c.args(["-rm", "bash", "-c", script, "script"]).arg(bin()).args(args).current_dir(root()).stdin(Stdio::null());
    Some(c.output().unwrap())
}

fn lines_of(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_full_disk_is_an_error_naming_the_file_keeps_the_previous_tables_and_resume_finishes_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let (mnt, snapshot, reference) = (dir.path().join("mnt"), dir.path().join("snapshot"), dir.path().join("reference"));
    for d in [&mnt, &snapshot] {
        std::fs::create_dir(d).unwrap();
    }
    let o = extract(&["corpus", "--tokens"], &reference);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A 1 MiB tmpfs holds a two-article run, not the whole corpus with tokens (several MB). Then the
    // file system grows and --resume finishes the run.
    let script = r#"
        set -u
        K="$1"; MNT="$2"; SNAP="$3"
        mount -t tmpfs -o size=1m tmpfs "$MNT" || exit 90
        "$K" extract -q --out "$MNT/out" corpus/articles/01_yonhap_politics_jeonse.txt corpus/articles/02_news1_economy_outlook.txt
        echo "small=$?"
        "$K" extract -q --tokens --out "$MNT/out" corpus 2> "$SNAP/full.stderr"
        echo "full=$?"
        mkdir "$SNAP/after-failure" && cp -a "$MNT/out/." "$SNAP/after-failure/"
        mount -o remount,size=64m "$MNT" || exit 91
        "$K" extract -q --tokens --resume --out "$MNT/out" corpus 2> "$SNAP/resume.stderr"
        echo "resume=$?"
        mkdir "$SNAP/after-resume" && cp -a "$MNT/out/." "$SNAP/after-resume/"
    "#;
    let Some(o) = in_namespace(script, &[&mnt, &snapshot]) else { return };
    let report = lines_of(&o);
    assert!(o.status.success(), "{report}\n{}", stderr(&o));
    assert!(report.contains("small=0"), "{report}");
    assert!(report.contains("full=3"), "exit code 3 on a full disk: {report}");
    let e = std::fs::read_to_string(snapshot.join("full.stderr")).unwrap();
    assert!(e.contains("No space left on device") && e.contains(&format!("{}/out/", mnt.display())), "{e}");

    // The previous run is still what run.json vouches for; the failed run's partial tables are
    // only in the staging directory, under the marker, which says the run failed.
    let after = snapshot.join("after-failure");
    let manifest = read_json(&after.join("run.json"));
    assert_eq!(manifest["documents"]["total"], 2);
    assert_eq!(manifest_tables(&manifest), csv_hashes(&after));
    assert!(!after.join("tokens.csv").exists());
    let marker = read_json(&after.join(MARKER));
    assert_eq!(marker["finished"], false);
    assert!(marker["failed"].as_str().unwrap().contains("No space left on device"), "{marker}");
    assert!(after.join(STAGING).join("checkpoint.json").exists() || after.join(STAGING).exists());

    // With room again, --resume finishes the run: the tables of an uninterrupted run.
    assert!(report.contains("resume=0"), "{report}\n{}", std::fs::read_to_string(snapshot.join("resume.stderr")).unwrap());
    let done = snapshot.join("after-resume");
    assert_eq!(csv_hashes(&done), csv_hashes(&reference));
    assert_eq!(manifest_for_comparison(&read_json(&done.join("run.json"))), manifest_for_comparison(&read_json(&reference.join("run.json"))));
    assert!(!done.join(MARKER).exists() && !done.join(STAGING).exists());
}

#[test]
fn a_read_only_file_system_is_an_error_and_keeps_the_previous_tables() {
    let dir = tempfile::tempdir().unwrap();
    let (mnt, snapshot) = (dir.path().join("mnt"), dir.path().join("snapshot"));
    for d in [&mnt, &snapshot] {
        std::fs::create_dir(d).unwrap();
    }
    let script = r#"
        set -u
        K="$1"; MNT="$2"; SNAP="$3"
        mount -t tmpfs -o size=8m tmpfs "$MNT" || exit 90
        "$K" extract -q --out "$MNT/out" corpus/articles/01_yonhap_politics_jeonse.txt
        echo "first=$?"
        mount -o remount,ro "$MNT" || exit 91
        "$K" extract -q --out "$MNT/out" corpus/articles/02_news1_economy_outlook.txt 2> "$SNAP/ro.stderr"
        echo "read-only=$?"
        cp -a "$MNT/out/." "$SNAP/"
    "#;
    let Some(o) = in_namespace(script, &[&mnt, &snapshot]) else { return };
    let report = lines_of(&o);
    assert!(o.status.success() && report.contains("first=0"), "{report}\n{}", stderr(&o));
    assert!(report.contains("read-only=3"), "{report}");
    let e = std::fs::read_to_string(snapshot.join("ro.stderr")).unwrap();
    assert!(e.contains("Read-only file system") && e.contains(&format!("{}/out", mnt.display())), "{e}");
    let manifest = read_json(&snapshot.join("run.json"));
    assert_eq!(manifest["inputs"][0]["path"], "01_yonhap_politics_jeonse.txt");
    assert_eq!(manifest_tables(&manifest), csv_hashes(&snapshot));
}

#[test]
fn a_file_size_limit_is_an_error_naming_the_file_and_resume_finishes_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let (out, reference) = (dir.path().join("out"), dir.path().join("reference"));
    let previous = previous_run(&out);
    let o = extract(&["corpus", "--tokens"], &reference);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    // RLIMIT_FSIZE of 200 KiB, with SIGXFSZ ignored: a write past it fails with EFBIG.
    let o = Command::new("bash")
        .args(["-c", r#"trap "" XFSZ; ulimit -f 200 && exec "$@""#, "limit"])
        .arg(bin())
        .args(["extract", "-q", "--tokens", "corpus", "--out"])
        .arg(&out)
        .current_dir(root())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("File too large") && e.contains(&format!("{}/{STAGING}/", out.display())), "{e}");
    assert_untouched(&out, &previous);
    assert!(!out.join("tokens.csv").exists());
    let marker = read_json(&out.join(MARKER));
    assert!(marker["failed"].as_str().unwrap().contains("File too large"), "{marker}");

    // Without the limit, --resume finishes it: the tables of an uninterrupted run.
    let o = extract(&["corpus", "--tokens", "--resume"], &out);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(csv_hashes(&out), csv_hashes(&reference));
    assert!(!out.join(MARKER).exists() && !out.join(STAGING).exists());
}

#[test]
fn two_runs_cannot_write_one_directory_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let previous = previous_run(&out);
    // The first run holds the directory (stopped at its start); the second is refused.
    let mut first = spawn_extract(&["corpus"], &out, 1, Some("started"));
    first.wait_for_hold();
    let second = extract(&["corpus/articles/03_newsis_society_fire.txt"], &out);
    let ended = first.kill_now();
    assert!(ended.killed);
    assert_eq!(second.status.code(), Some(3), "{}", stderr(&second));
    assert!(stderr(&second).contains("another kornews run is writing to this directory"), "{}", stderr(&second));
    assert_untouched(&out, &previous);
}
