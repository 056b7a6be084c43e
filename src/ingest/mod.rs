//! Inputs → [`Item`]s in input order: `.txt` files, directories, JSONL (plain or gzip), stdin.

pub mod decode;
pub mod lines;
pub mod published;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::doc::{Date, Document, Failed, Item, Meta, PublishedFrom};

/// How to read the inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// `--published`: the publication date of articles that carry none in a JSONL field.
    pub published: Option<Date>,
    /// Articles larger than this many bytes are reported and not processed.
    pub max_article_bytes: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions { published: None, max_article_bytes: 64 << 20 }
    }
}

/// One input file as recorded in run.json.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InputRecord {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

/// A unit of reading, found by expanding the command-line inputs.
#[derive(Debug, Clone)]
enum Source {
    Txt { path: PathBuf, id: String },
    Jsonl { path: PathBuf, id: String, gz: bool },
    Stdin,
    /// A path that could not be used (unreadable directory entry, FIFO, loop…).
    Bad { id: String, message: String },
}

fn kind_of(path: &Path) -> Option<(bool, bool)> {
    // (is_jsonl, is_gz). Read from the bytes of the name, so a name that is not UTF-8 is still
    // recognized (and then reported, see `expand`).
    let name = path.file_name()?.as_encoded_bytes().to_ascii_lowercase();
    if name.ends_with(b".jsonl.gz") {
        Some((true, true))
    } else if name.ends_with(b".jsonl") {
        Some((true, false))
    } else if name.ends_with(b".txt") {
        Some((false, false))
    } else {
        None
    }
}

/// Display form of a path relative to `base`, with `/` separators. Bytes of a name that are not
/// UTF-8 are written `\xNN`.
fn rel_id(path: &Path, base: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    let s = escape_path(rel);
    #[cfg(windows)]
    let s = s.replace('\\', "/");
    s.trim_start_matches("./").to_string()
}

/// A path as text, with each byte that is not part of valid UTF-8 written as `\xNN`.
fn escape_path(path: &Path) -> String {
    let mut out = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// Why a path that exists cannot be read as an article file, if it cannot: a FIFO (opening it
/// would wait for a writer), a socket, a device. Follows symbolic links.
fn not_regular(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.is_file() || meta.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        let what = if t.is_fifo() {
            "a FIFO (named pipe)"
        } else if t.is_socket() {
            "a socket"
        } else if t.is_char_device() || t.is_block_device() {
            "a device"
        } else {
            "something else"
        };
        Some(format!("{what}, not a regular file; skipped"))
    }
    #[cfg(not(unix))]
    Some("not a regular file; skipped".to_string())
}

/// The reason a directory entry could not be walked, or `None` when the entry can be ignored (a
/// dangling link whose name is no article's).
fn walk_error(e: &walkdir::Error) -> Option<String> {
    if e.loop_ancestor().is_some() {
        return Some("symbolic link loop; skipped".to_string());
    }
    if let Some(p) = e.path() {
        let dangling = std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()) && std::fs::metadata(p).is_err();
        if dangling {
            kind_of(p)?;
            return Some("dangling symbolic link (its target does not exist); skipped".to_string());
        }
    }
    let why = e.io_error().map(|x| x.to_string()).unwrap_or_else(|| e.to_string());
    Some(format!("cannot read: {why}; skipped"))
}

/// Expands the inputs named on the command line. A path that does not exist is a usage error.
/// Inside a directory, everything that cannot be read as an article file (a loop of symbolic
/// links, a dangling link, an unreadable folder, a FIFO, a socket, a name that is not UTF-8)
/// becomes an error row and the walk goes on.
fn expand(inputs: &[String]) -> Result<Vec<Source>, String> {
    let mut out = Vec::new();
    for arg in inputs {
        if arg == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let path = PathBuf::from(arg);
        let meta = std::fs::metadata(&path).map_err(|e| format!("input {arg}: {e}"))?;
        let parent = path.parent().map(Path::to_path_buf).unwrap_or_default();
        if meta.is_dir() {
            let walker = walkdir::WalkDir::new(&path).follow_links(true).sort_by_file_name();
            for entry in walker {
                match entry {
                    Ok(e) => {
                        let p = e.path();
                        if e.file_type().is_dir() {
                            continue;
                        }
                        let Some((jsonl, gz)) = kind_of(p) else { continue };
                        let id = rel_id(p, &parent);
                        if p.to_str().is_none() {
                            out.push(Source::Bad {
                                id,
                                message: "the file name is not valid UTF-8 (its bytes are shown as \\xNN); skipped, rename it to read it".into(),
                            });
                        } else if let Some(message) = not_regular(p) {
                            out.push(Source::Bad { id, message });
                        } else if jsonl {
                            out.push(Source::Jsonl { path: p.to_path_buf(), id, gz });
                        } else {
                            out.push(Source::Txt { path: p.to_path_buf(), id });
                        }
                    }
                    Err(e) => {
                        let id = e.path().map(|p| rel_id(p, &parent)).unwrap_or_else(|| arg.clone());
                        if let Some(message) = walk_error(&e) {
                            out.push(Source::Bad { id, message });
                        }
                    }
                }
            }
        } else {
            let id = rel_id(&path, &parent);
            if let Some(message) = not_regular(&path) {
                out.push(Source::Bad { id, message });
                continue;
            }
            match kind_of(&path) {
                Some((true, gz)) => out.push(Source::Jsonl { path, id, gz }),
                _ => out.push(Source::Txt { path, id }),
            }
        }
    }
    Ok(out)
}

/// A JSONL record. Only `text` is required.
#[derive(Deserialize)]
struct Record {
    text: Option<serde_json::Value>,
    id: Option<serde_json::Value>,
    title: Option<String>,
    published: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
}

struct OpenJsonl {
    reader: Box<dyn BufRead + Send>,
    hashing: Option<Arc<Mutex<(Sha256, u64)>>>,
    file_id: String,
    display: String,
    line: usize,
    buf: Vec<u8>,
}

/// The stream of items, in input order. Reads lazily: memory holds one article at a time. It can
/// be moved to another thread (`extract` reads on its own thread).
pub struct Ingest {
    sources: std::vec::IntoIter<Source>,
    current: Option<OpenJsonl>,
    opts: IngestOptions,
    /// Every input file read so far, with its sha256 (complete once the iterator is exhausted).
    pub records: Vec<InputRecord>,
}

/// A reader that feeds a shared hasher, so the hash can be read after the decoder is done.
struct SharedHashing<R> {
    inner: R,
    state: Arc<Mutex<(Sha256, u64)>>,
}

impl<R: Read> Read for SharedHashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut st = self.state.lock().unwrap();
        st.0.update(&buf[..n]);
        st.1 += n as u64;
        Ok(n)
    }
}

impl Ingest {
    pub fn new(inputs: &[String], opts: IngestOptions) -> Result<Ingest, String> {
        let sources = expand(inputs)?;
        Ok(Ingest { sources: sources.into_iter(), current: None, opts, records: Vec::new() })
    }

    /// Total size of the input files, when every input is a plain file (no stdin, no gzip): the
    /// denominator of the progress display's ETA.
    pub fn total_bytes(&self) -> Option<u64> {
        let mut total = 0;
        for s in self.sources.as_slice() {
            match s {
                Source::Txt { path, .. } | Source::Jsonl { path, gz: false, .. } => {
                    total += std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
                }
                Source::Bad { .. } => {}
                _ => return None,
            }
        }
        Some(total)
    }

    /// Reads a stream of JSONL (for `kornews pipe` and tests).
    pub fn from_reader(reader: Box<dyn BufRead + Send>, name: &str, opts: IngestOptions) -> Ingest {
        Ingest {
            sources: Vec::new().into_iter(),
            current: Some(OpenJsonl {
                reader,
                hashing: None,
                file_id: name.to_string(),
                display: name.to_string(),
                line: 0,
                buf: Vec::new(),
            }),
            opts,
            records: Vec::new(),
        }
    }

    fn finish_current(&mut self) {
        if let Some(cur) = self.current.take() {
            if let Some(h) = cur.hashing {
                let (hasher, bytes) = std::mem::take(&mut *h.lock().unwrap());
                self.records.push(InputRecord {
                    path: cur.display,
                    sha256: hex::encode(hasher.finalize()),
                    bytes,
                });
            }
        }
    }

    fn open_txt(&mut self, path: &Path, id: String) -> Item {
        let source = id.clone();
        let fail = |message: String| {
            Item::Failed(Failed { id: id.clone(), source: source.clone(), message, meta: Meta::default() })
        };
        let bytes = match read_limited(path, self.opts.max_article_bytes) {
            Ok(Ok(b)) => b,
            Ok(Err(size)) => {
                return fail(format!(
                    "{id}: article of {size} bytes is over the limit of {} bytes (--max-article-bytes); not processed",
                    self.opts.max_article_bytes
                ))
            }
            Err(e) => return fail(format!("{id}: cannot read: {e}")),
        };
        self.records.push(InputRecord {
            path: id.clone(),
            sha256: hex::encode(Sha256::digest(&bytes)),
            bytes: bytes.len() as u64,
        });
        self.txt_item(id, &bytes)
    }

    /// The item of one `.txt` article read as `bytes`, named `id` (its source too): decoded, and
    /// its publication date found, as for a file of the input. The fuzz target and the tests feed
    /// bytes through here.
    pub fn txt_item(&self, id: String, bytes: &[u8]) -> Item {
        match decode::decode(bytes) {
            Ok(d) => self.make_doc(id.clone(), id, d, Meta::default(), None),
            Err(e) => Item::Failed(Failed { message: format!("{id}: {}", e.0), source: id.clone(), id, meta: Meta::default() }),
        }
    }

    fn make_doc(
        &self,
        id: String,
        source: String,
        d: decode::Decoded,
        mut meta: Meta,
        field_published: Option<Date>,
    ) -> Item {
        meta.encoding = d.encoding.to_string();
        let mut warnings = Vec::new();
        if decode::looks_binary(&d.text) {
            return Item::Failed(Failed {
                id,
                source: source.clone(),
                message: format!("{source}: looks like a binary file (control bytes in the first 4096 characters); not processed"),
                meta,
            });
        }
        if d.nul_count > 0 {
            let at = d.text.find('\0').unwrap_or(0);
            let (line, col) = decode::line_col(d.text.as_bytes(), at);
            warnings.push(format!(
                "{} NUL byte(s), the first at line {line}, column {col}; treated as spaces",
                d.nul_count
            ));
        }
        let (published, from) = if let Some(p) = field_published {
            (Some(p), PublishedFrom::Field)
        } else if let Some(p) = self.opts.published {
            (Some(p), PublishedFrom::Option)
        } else if let Some(p) = published::find_in_page(
            // The page's labels (`입력`, `송고`) are matched in NFC, as the pipeline analyzes it.
            crate::nfc::compose(&d.text).map(|c| c.text).as_deref().unwrap_or(&d.text),
        ) {
            (Some(p), PublishedFrom::Page)
        } else {
            (None, PublishedFrom::None)
        };
        meta.published = published;
        meta.published_from = Some(from);
        Item::Doc(Document { id, source, text: d.text, meta, warnings })
    }

    fn next_jsonl_line(&mut self) -> Option<Item> {
        let limit = self.opts.max_article_bytes;
        loop {
            let cur = self.current.as_mut()?;
            // At most `limit` bytes of a line are held: a longer one is read through, not kept.
            let read = lines::read_line(&mut *cur.reader, limit, &mut cur.buf);
            cur.line += 1;
            let line_no = cur.line;
            let source = format!("{}:{}", cur.display, line_no);
            let len = match read {
                Ok(None) => {
                    self.finish_current();
                    return None;
                }
                Ok(Some(len)) => len,
                Err(e) => {
                    let msg = format!(
                        "{source}: input damaged after line {}: {e}; the lines before it were kept",
                        line_no - 1
                    );
                    let id = source.clone();
                    self.finish_current();
                    return Some(Item::Failed(Failed { id, source, message: msg, meta: Meta::default() }));
                }
            };
            if len > limit as u64 {
                let id = format!("{}:{}", cur.file_id, line_no);
                return Some(Item::Failed(Failed {
                    id,
                    message: format!(
                        "{source}: line of {len} bytes is over the limit of {limit} bytes (--max-article-bytes); not processed"
                    ),
                    source,
                    meta: Meta::default(),
                }));
            }
            if cur.buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            let raw = std::mem::take(&mut cur.buf);
            let file_id = cur.file_id.clone();
            return Some(self.parse_record(&raw, &file_id, line_no, source));
        }
    }

    fn parse_record(&self, raw: &[u8], file_id: &str, line_no: usize, source: String) -> Item {
        let default_id = format!("{file_id}:{line_no}");
        let fail = |id: String, meta: Meta, message: String| {
            Item::Failed(Failed { id, source: source.clone(), message: format!("{source}: {message}"), meta })
        };
        let line = match decode::decode(raw) {
            Ok(d) => d,
            Err(e) => return fail(default_id, Meta::default(), e.0),
        };
        let rec: Record = match serde_json::from_str(&line.text) {
            Ok(r) => r,
            Err(e) => return fail(default_id, Meta::default(), format!("malformed JSON: {e}")),
        };
        let id = match &rec.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => default_id,
        };
        let meta = Meta {
            title: rec.title.unwrap_or_default(),
            url: rec.url.unwrap_or_default(),
            outlet: rec.outlet.unwrap_or_default(),
            ..Meta::default()
        };
        let text = match rec.text {
            Some(serde_json::Value::String(t)) => t,
            Some(_) => return fail(id, meta, "field `text` is not a string".into()),
            None => return fail(id, meta, "no `text` field".into()),
        };
        let mut field_published = None;
        let mut bad_published = None;
        if let Some(p) = rec.published.as_deref().filter(|p| !p.trim().is_empty()) {
            match published::parse_iso(p) {
                Some(d) => field_published = Some(d),
                None => bad_published = Some(p.to_string()),
            }
        }
        let nul_count = text.bytes().filter(|&b| b == 0).count();
        let d = decode::Decoded { text, encoding: line.encoding, nul_count };
        let mut item = self.make_doc(id, source, d, meta, field_published);
        if let (Item::Doc(doc), Some(p)) = (&mut item, bad_published) {
            doc.warnings.push(format!("field `published` {p:?} is not YYYY-MM-DD; ignored"));
        }
        item
    }

    fn open_jsonl(&mut self, path: &Path, id: String, gz: bool) -> Option<Item> {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                return Some(Item::Failed(Failed {
                    id: id.clone(),
                    source: id.clone(),
                    message: format!("{id}: cannot read: {e}"),
                    meta: Meta::default(),
                }))
            }
        };
        let state = Arc::new(Mutex::new((Sha256::new(), 0u64)));
        let hashed = SharedHashing { inner: file, state: state.clone() };
        let reader: Box<dyn BufRead + Send> = if gz {
            Box::new(BufReader::with_capacity(1 << 16, flate2::read::MultiGzDecoder::new(BufReader::new(hashed))))
        } else {
            Box::new(BufReader::with_capacity(1 << 16, hashed))
        };
        self.current = Some(OpenJsonl {
            reader,
            hashing: Some(state),
            file_id: id.clone(),
            display: id,
            line: 0,
            buf: Vec::new(),
        });
        None
    }
}

impl Iterator for Ingest {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if self.current.is_some() {
                if let Some(item) = self.next_jsonl_line() {
                    return Some(item);
                }
                continue;
            }
            match self.sources.next()? {
                Source::Txt { path, id } => return Some(self.open_txt(&path, id)),
                Source::Jsonl { path, id, gz } => {
                    if let Some(item) = self.open_jsonl(&path, id, gz) {
                        return Some(item);
                    }
                }
                Source::Stdin => {
                    let stdin: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(1 << 16, io::stdin()));
                    self.current = Some(OpenJsonl {
                        reader: stdin,
                        hashing: None,
                        file_id: "-".into(),
                        display: "-".into(),
                        line: 0,
                        buf: Vec::new(),
                    });
                }
                Source::Bad { id, message } => {
                    return Some(Item::Failed(Failed {
                        source: id.clone(),
                        message: format!("{id}: {message}"),
                        id,
                        meta: Meta::default(),
                    }))
                }
            }
        }
    }
}

/// Reads a whole file unless it is larger than `limit` (then `Ok(Err(size))`).
fn read_limited(path: &Path, limit: usize) -> io::Result<Result<Vec<u8>, u64>> {
    let file = File::open(path)?;
    let size = file.metadata()?.len();
    if size > limit as u64 {
        return Ok(Err(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        return Ok(Err(bytes.len() as u64));
    }
    Ok(Ok(bytes))
}

impl Ingest {
    /// What `extract --resume` compares to tell that the inputs are those of the interrupted run:
    /// the sha256 over every source still to be read, in order, with the size and modification
    /// time of each file. Call it before reading.
    pub fn fingerprint(&self) -> String {
        let mut h = Sha256::new();
        for s in self.sources.as_slice() {
            h.update(format!("{s:?}\0").as_bytes());
            if let Source::Txt { path, .. } | Source::Jsonl { path, .. } = s {
                if let Ok(m) = std::fs::metadata(path) {
                    let mtime = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
                    h.update(format!("{} {}", m.len(), mtime.map_or(0, |d| d.as_nanos())).as_bytes());
                }
            }
            h.update(b"\n");
        }
        hex::encode(h.finalize())
    }

    /// Whether one of the inputs is stdin (`-`), which cannot be read twice.
    pub fn reads_stdin(&self) -> bool {
        self.sources.as_slice().iter().any(|s| matches!(s, Source::Stdin)) || self.current.is_some()
    }
}
