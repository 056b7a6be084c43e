//! The on-disk protocol of an `extract` output directory (README: "Output files and interrupted
//! runs").
//!
//! - `OUT/NAME.csv` and `OUT/run.json` are plain files. `run.json` is the commit record: it exists
//!   only for a finished run and gives the size and sha256 of every table of that run.
//! - `OUT/.kornews-run-in-progress` exists from the start of a run until its tables and run.json
//!   are in place. It is also the lock that keeps two runs out of one directory.
//! - A run writes its tables to `OUT/.kornews-staging/NAME.csv.partial`, with a checkpoint
//!   (`checkpoint.json`) after every batch for `--resume`.
//! - Commit: the finished tables are synced, run.json is written to the staging directory and
//!   synced (from then on the run is complete on disk), the old `OUT/run.json` is removed, the
//!   tables are renamed into `OUT/`, and run.json is renamed into `OUT/` last. A run killed within
//!   the commit is completed (rolled forward) by the next kornews run in that directory.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::Table;

/// Present while a run is going (and after one was killed or failed).
pub const MARKER: &str = ".kornews-run-in-progress";
/// Where a run writes before its commit.
pub const STAGING: &str = ".kornews-staging";
/// The commit record and manifest.
pub const MANIFEST: &str = "run.json";
/// The resume state, in the staging directory.
pub const CHECKPOINT: &str = "checkpoint.json";

/// File name of a table in the staging directory.
pub fn partial_name(table: Table) -> String {
    format!("{}.csv.partial", table.name())
}

/// Adds the path to an I/O error's message.
pub fn at(path: &Path) -> impl Fn(io::Error) -> io::Error + '_ {
    move |e| io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// Test hook: when the environment variable `KORNEWS_TEST_HOLD` names this point, says so on
/// stderr (`kornews-test-hold: POINT`) and waits forever, so a test can kill the process exactly
/// there. Does nothing otherwise.
pub fn hold(point: &str) {
    if hold_point() == Some(point) {
        eprintln!("kornews-test-hold: {point}");
        loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    }
}

/// The point named by `KORNEWS_TEST_HOLD`, if any (see [`hold`]).
pub fn hold_point() -> Option<&'static str> {
    static WANTED: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    WANTED.get_or_init(|| std::env::var("KORNEWS_TEST_HOLD").ok()).as_deref()
}

/// Makes the entries of a directory durable (renames, removals). A no-op where directories cannot
/// be opened as files.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir).and_then(|d| d.sync_all()).map_err(at(dir))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// sha256 (hex) and length of the first `len` bytes of a file (all of it when `len` is `None`).
pub fn hash_file(path: &Path, len: Option<u64>) -> io::Result<(Sha256, u64)> {
    let mut f = File::open(path).map_err(at(path))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut left = len.unwrap_or(u64::MAX);
    let mut total = 0u64;
    while left > 0 {
        let want = buf.len().min(left.try_into().unwrap_or(usize::MAX));
        let n = f.read(&mut buf[..want]).map_err(at(path))?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
        total += n as u64;
        left -= n as u64;
    }
    Ok((h, total))
}

/// Writes a file through a temporary name and renames it into place (`sync`: and makes it
/// durable first).
pub fn write_replace(path: &Path, bytes: &[u8], sync: bool) -> io::Result<()> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    {
        let mut f = File::create(&tmp).map_err(at(&tmp))?;
        f.write_all(bytes).map_err(at(&tmp))?;
        if sync {
            f.sync_all().map_err(at(&tmp))?;
        }
    }
    fs::rename(&tmp, path).map_err(at(path))
}

/// An output directory held by this run: the marker is locked until [`OutDir::finish`] (or the
/// process ends, however it ends).
pub struct OutDir {
    root: PathBuf,
    staging: PathBuf,
    marker_path: PathBuf,
    marker: File,
    /// Things worth telling the user (an interrupted commit completed, leftovers removed).
    pub notes: Vec<String>,
}

impl OutDir {
    /// Creates the directory if needed, takes the lock, and completes the commit of an earlier
    /// run that was killed within its commit.
    pub fn open(root: &Path) -> io::Result<OutDir> {
        if let Ok(m) = fs::metadata(root) {
            if !m.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!("{}: exists and is not a directory", root.display()),
                ));
            }
        }
        fs::create_dir_all(root).map_err(at(root))?;
        let marker_path = root.join(MARKER);
        let marker = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&marker_path)
            .map_err(at(&marker_path))?;
        match marker.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    format!("{}: another kornews run is writing to this directory (it holds {MARKER})", root.display()),
                ))
            }
            Err(fs::TryLockError::Error(e)) => return Err(at(&marker_path)(e)),
        }
        let mut dir = OutDir {
            root: root.to_path_buf(),
            staging: root.join(STAGING),
            marker_path,
            marker,
            notes: Vec::new(),
        };
        if dir.staging.join(MANIFEST).exists() {
            match dir.roll_forward(true) {
                Ok(()) => dir.notes.push(format!(
                    "{}: an earlier run was killed while it was putting its finished tables in place; its commit was completed",
                    root.display()
                )),
                Err(e) => {
                    dir.notes.push(format!(
                        "{}: an earlier run was killed while it was putting its tables in place, and its commit could not be completed ({e}); its output is discarded",
                        root.display()
                    ));
                    fs::remove_dir_all(&dir.staging).map_err(at(&dir.staging))?;
                }
            }
        }
        // A staging directory with neither a commit record nor a checkpoint holds nothing that
        // can be committed or resumed (a run killed before its first checkpoint, or after its
        // commit): it goes.
        if dir.staging.exists() && !dir.staging.join(CHECKPOINT).exists() {
            fs::remove_dir_all(&dir.staging).map_err(at(&dir.staging))?;
        }
        Ok(dir)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn staging(&self) -> &Path {
        &self.staging
    }

    /// Rewrites the marker (the run it names, or why it failed). Written over the old text, then
    /// cut to length, so a full disk does not leave it empty (the blocks are already there).
    pub fn set_marker(&mut self, text: &str) -> io::Result<()> {
        self.marker.seek(SeekFrom::Start(0)).map_err(at(&self.marker_path))?;
        self.marker.write_all(text.as_bytes()).map_err(at(&self.marker_path))?;
        self.marker.set_len(text.len() as u64).map_err(at(&self.marker_path))?;
        self.marker.sync_data().map_err(at(&self.marker_path))?;
        sync_dir(&self.root)
    }

    /// The checkpoint of an interrupted run, if there is one.
    pub fn checkpoint(&self) -> io::Result<Option<serde_json::Value>> {
        let path = self.staging.join(CHECKPOINT);
        match fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{}: {e}", path.display()))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(at(&path)(e)),
        }
    }

    /// Writes the checkpoint (not synced: it survives a killed process; after a crash of the
    /// machine `--resume` checks the partial tables against it and refuses when they differ).
    pub fn write_checkpoint(&self, checkpoint: &serde_json::Value) -> io::Result<()> {
        let text = serde_json::to_vec(checkpoint).expect("a JSON value serializes");
        write_replace(&self.staging.join(CHECKPOINT), &text, false)
    }

    /// Empties the staging directory for a new run and removes leftovers of older kornews
    /// versions (`.NAME.csv.partial`, `run.partial` in the directory itself).
    pub fn start_fresh(&mut self) -> io::Result<()> {
        if self.staging.exists() {
            let checkpoint = self.staging.join(CHECKPOINT);
            if checkpoint.exists() {
                self.notes.push(format!(
                    "{}: the partial output of an interrupted run was discarded (--resume continues one)",
                    self.root.display()
                ));
                // The checkpoint goes first: a run killed while the folder is being emptied must
                // not leave a checkpoint whose partial tables are already gone (a later --resume
                // would find a run it cannot continue); without one, the folder is discarded.
                fs::remove_file(&checkpoint).map_err(at(&checkpoint))?;
                hold("discard:1");
            }
            fs::remove_dir_all(&self.staging).map_err(at(&self.staging))?;
        }
        for t in Table::ALL {
            let old = self.root.join(format!(".{}.csv.partial", t.name()));
            if old.exists() {
                fs::remove_file(&old).map_err(at(&old))?;
            }
        }
        let old = self.root.join("run.partial");
        if old.exists() {
            fs::remove_file(&old).map_err(at(&old))?;
        }
        fs::create_dir(&self.staging).map_err(at(&self.staging))?;
        sync_dir(&self.root)
    }

    /// Commits a run whose tables are complete and synced in the staging directory: `manifest`
    /// (run.json, with a `tables` object naming each table's file, bytes and sha256) is made
    /// durable in the staging directory, then everything is put in place.
    pub fn commit(&self, manifest: &[u8]) -> io::Result<()> {
        write_replace(&self.staging.join(MANIFEST), manifest, true)?;
        sync_dir(&self.staging)?;
        hold("commit:1");
        self.roll_forward(false)
    }

    /// Puts the tables named by the staged run.json in place, then run.json. Idempotent: a run
    /// killed in the middle is completed by calling it again. `verify` checks every table against
    /// its size and sha256 first (after a kill, before anything is moved).
    fn roll_forward(&self, verify: bool) -> io::Result<()> {
        let record_path = self.staging.join(MANIFEST);
        let record: serde_json::Value = serde_json::from_slice(&fs::read(&record_path).map_err(at(&record_path))?)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{}: {e}", record_path.display())))?;
        let tables = record["tables"]
            .as_object()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, format!("{}: no tables", record_path.display())))?;
        let mut moves = Vec::new();
        for (name, t) in tables {
            let table = Table::ALL
                .into_iter()
                .find(|x| x.name() == name)
                .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, format!("{}: unknown table {name}", record_path.display())))?;
            let from = self.staging.join(partial_name(table));
            let to = self.root.join(format!("{name}.csv"));
            if verify {
                let have = if from.exists() { &from } else { &to };
                let (h, len) = hash_file(have, None)?;
                if Some(len) != t["bytes"].as_u64() || t["sha256"].as_str() != Some(hex::encode(h.finalize()).as_str()) {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("{} does not match its size and sha256 in {}", have.display(), record_path.display()),
                    ));
                }
            }
            moves.push((from, to));
        }
        // The run is complete on disk: it is no longer something to resume.
        let checkpoint = self.staging.join(CHECKPOINT);
        if checkpoint.exists() {
            fs::remove_file(&checkpoint).map_err(at(&checkpoint))?;
        }
        let manifest = self.root.join(MANIFEST);
        if manifest.exists() {
            fs::remove_file(&manifest).map_err(at(&manifest))?;
            sync_dir(&self.root)?;
        }
        hold("commit:2");
        for (i, (from, to)) in moves.iter().enumerate() {
            if from.exists() {
                fs::rename(from, to).map_err(at(to))?;
            }
            if i == 0 {
                hold("commit:3");
            }
        }
        // A table of an earlier run that this run does not write (tokens.csv without --tokens)
        // would look like part of this run: it goes.
        for t in Table::ALL {
            if !tables.contains_key(t.name()) {
                let stale = self.root.join(format!("{}.csv", t.name()));
                if stale.exists() {
                    fs::remove_file(&stale).map_err(at(&stale))?;
                }
            }
        }
        sync_dir(&self.root)?;
        hold("commit:4");
        fs::rename(&record_path, &manifest).map_err(at(&manifest))?;
        sync_dir(&self.root)?;
        hold("commit:5");
        fs::remove_dir_all(&self.staging).map_err(at(&self.staging))?;
        Ok(())
    }

    /// The run is over and its output in place: the marker goes, and the lock with it.
    pub fn finish(self) -> io::Result<()> {
        fs::remove_file(&self.marker_path).map_err(at(&self.marker_path))?;
        sync_dir(&self.root)
    }
}
