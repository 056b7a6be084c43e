//! `kornews pipe`: JSONL articles on stdin → CSV rows of every table on stdout, for shard runners
//! (Spark `rdd.pipe`, Spark SQL `TRANSFORM`, Dask, Ray…).
//!
//! The contract:
//! - One JSONL record per input line, the same record format as `extract` reads. Blank lines are
//!   skipped.
//! - One CSV record per output line, no header, LF line ends. The first field names the table
//!   (`documents`, `sentences`, `entities`, `quotes`, `commitments`, and `tokens` with
//!   `--tokens`); the other fields are that table's columns exactly as `extract` writes them.
//! - No raw CR or LF inside a field: each one is replaced by a space, so a field keeps its length
//!   in code points and `start`/`end` still slice the original text.
//! - The rows of an article depend only on that article's line (and the options): an article's
//!   rows are the same whichever lines come before or after it, so splitting the input into any
//!   number of contiguous parts and concatenating the outputs gives the same bytes. That is why a
//!   record without an `id` gets a content id (`sha256:` + 16 hex digits of its line), its
//!   `source` is `-`, and a malformed line's row names no position: stdin line numbers are
//!   reported on stderr, or in the rows with `--line-numbers` (then ids and sources are `-:LINE`,
//!   as `kornews extract -` gives them).
//! - Memory is bounded: lines are read in chunks (documents and bytes), each chunk is processed
//!   (in parallel with `threads` > 1) and its rows are written in input order and flushed before
//!   the next chunk is read.

use std::io::{self, BufRead, Write};

use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::doc::{Failed, Item, Meta};
use crate::ingest::{Ingest, IngestOptions};
use crate::output::{self, Sink, Table};
use crate::{Outcome, Pipeline};

/// Options of `kornews pipe`.
#[derive(Debug, Clone)]
pub struct PipeOptions {
    pub tokens: bool,
    pub threads: usize,
    pub ingest: IngestOptions,
    /// Put stdin line numbers into ids, sources and messages (as `extract -` does). Breaks
    /// partition invariance: only for a single process reading a whole file.
    pub line_numbers: bool,
    /// Documents per chunk.
    pub chunk_docs: usize,
    /// Bytes of input per chunk.
    pub chunk_bytes: usize,
}

impl Default for PipeOptions {
    fn default() -> Self {
        PipeOptions {
            tokens: false,
            threads: 1,
            ingest: IngestOptions::default(),
            line_numbers: false,
            chunk_docs: 256,
            chunk_bytes: 8 << 20,
        }
    }
}

/// What a finished `pipe` run saw.
#[derive(Debug, Default, Clone)]
pub struct PipeSummary {
    pub lines: u64,
    pub documents: u64,
    pub errors: u64,
}

/// Why a `pipe` run stopped before the end of its input.
#[derive(Debug)]
pub enum PipeError {
    /// stdin could not be read (rows of the lines before were written).
    Input(io::Error),
    /// stdout could not be written (closed pipe, full disk).
    Output(io::Error),
}

/// The name given to the one-line streams handed to [`Ingest`]: ids, sources and message
/// prefixes built from it are recognized and replaced (see [`relabel`]).
const SENTINEL: &str = "\u{0}kornews-pipe";

/// One input line, read with a bounded buffer.
struct Line {
    /// 1-based line number in this process's stdin.
    number: u64,
    /// The line without its LF and trailing CRs; empty when it is over the limit.
    bytes: Vec<u8>,
    /// Length of the line in bytes (without LF and trailing CRs).
    len: u64,
    /// sha256 of the line (without LF and trailing CRs), hex.
    sha256: String,
}

/// Reads one line of at most `limit` bytes kept in memory; a longer line is consumed and hashed
/// but not kept. Returns `None` at EOF.
fn read_line<R: BufRead>(r: &mut R, limit: usize, number: u64) -> io::Result<Option<Line>> {
    let mut bytes = Vec::new();
    let mut hasher = Sha256::new();
    let Some(len) = crate::ingest::lines::read_line_with(r, limit, &mut bytes, &mut |b| hasher.update(b))? else {
        return Ok(None);
    };
    Ok(Some(Line { number, bytes, len, sha256: hex::encode(hasher.finalize()) }))
}

/// Turns one input line into an [`Item`] (`None` for a blank line), with position-free ids and
/// sources unless `--line-numbers`.
fn item_of(line: Line, opts: &PipeOptions) -> Option<Item> {
    let (id, source) = if opts.line_numbers {
        (format!("-:{}", line.number), format!("-:{}", line.number))
    } else {
        (format!("sha256:{}", &line.sha256[..16]), "-".to_string())
    };
    if line.len > opts.ingest.max_article_bytes as u64 {
        return Some(Item::Failed(Failed {
            message: format!(
                "{source}: line of {} bytes is over the limit of {} bytes (--max-article-bytes); not processed",
                line.len, opts.ingest.max_article_bytes
            ),
            id,
            source,
            meta: Meta::default(),
        }));
    }
    if line.bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return None;
    }
    // The record is parsed exactly as `extract` parses a JSONL line, from a one-line stream.
    let reader: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(line.bytes));
    let item = Ingest::from_reader(reader, SENTINEL, opts.ingest.clone()).next()?;
    Some(relabel(item, &id, &source))
}

/// Replaces the sentinel id, source and message prefix that [`Ingest`] gave a one-line stream.
fn relabel(item: Item, id: &str, source: &str) -> Item {
    let sentinel = format!("{SENTINEL}:1");
    let fix_id = |s: &mut String| {
        if *s == sentinel {
            *s = id.to_string();
        }
    };
    match item {
        Item::Doc(mut d) => {
            fix_id(&mut d.id);
            d.source = source.to_string();
            Item::Doc(d)
        }
        Item::Failed(mut f) => {
            fix_id(&mut f.id);
            f.source = source.to_string();
            if let Some(rest) = f.message.strip_prefix(&sentinel) {
                f.message = format!("{source}{rest}");
            }
            Item::Failed(f)
        }
    }
}

/// The one output stream: `table,` + the row as `extract` writes it, with CR and LF in fields
/// replaced by spaces.
struct RowStream<W: Write> {
    out: W,
    tokens: bool,
    /// Serialize one row at a time into `scratch_buf`, one writer per table (a csv writer checks
    /// that all its records have the same length), built by the same [`output::csv_writer`] as
    /// the tables of `extract`.
    scratch: Vec<csv::Writer<SharedBuf>>,
    scratch_buf: SharedBuf,
    /// Rewrite a row whose fields held line breaks, into `line_buf`.
    line: Vec<csv::Writer<SharedBuf>>,
    line_buf: SharedBuf,
}

/// A byte buffer that a `csv::Writer` writes into and its owner reads and clears.
#[derive(Clone, Default)]
struct SharedBuf(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Write for SharedBuf {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<W: Write> RowStream<W> {
    fn new(out: W, tokens: bool) -> Self {
        let (scratch_buf, line_buf) = (SharedBuf::default(), SharedBuf::default());
        RowStream {
            out,
            tokens,
            scratch: Table::ALL.iter().map(|_| output::csv_writer(scratch_buf.clone())).collect(),
            scratch_buf,
            line: Table::ALL.iter().map(|_| output::csv_writer(line_buf.clone())).collect(),
            line_buf,
        }
    }
}

fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

impl<W: Write> Sink for RowStream<W> {
    fn wants(&self, table: Table) -> bool {
        match table {
            Table::Blocks => false,
            Table::Tokens => self.tokens,
            _ => true,
        }
    }

    fn row<S: Serialize>(&mut self, table: Table, row: &S) -> io::Result<()> {
        if !self.wants(table) {
            return Ok(());
        }
        // The row exactly as `extract` writes it (same serializer, same quoting).
        let t = Table::ALL.iter().position(|&x| x == table).unwrap_or(0);
        self.scratch[t].serialize(row).map_err(csv_io)?;
        self.scratch[t].flush()?;
        let mut rec = self.scratch_buf.0.borrow_mut();
        let body = &rec[..rec.len() - 1]; // without the LF terminator
        self.out.write_all(table.name().as_bytes())?;
        self.out.write_all(b",")?;
        if !body.iter().any(|&b| b == b'\n' || b == b'\r') {
            self.out.write_all(&rec)?;
        } else {
            // A field holds a line break: read the record back, replace CR and LF by spaces and
            // write it again, so the quoting is what the new value needs.
            let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(&rec[..]);
            let mut fields = csv::ByteRecord::new();
            reader.read_byte_record(&mut fields).map_err(csv_io)?;
            let fixed: Vec<Vec<u8>> = fields
                .iter()
                .map(|f| f.iter().map(|&b| if b == b'\n' || b == b'\r' { b' ' } else { b }).collect())
                .collect();
            self.line[t].write_record(&fixed).map_err(csv_io)?;
            self.line[t].flush()?;
            let mut l = self.line_buf.0.borrow_mut();
            self.out.write_all(&l)?;
            l.clear();
        }
        rec.clear();
        Ok(())
    }
}

/// Runs `pipe`: reads JSONL from `input` to its end, writes rows to `output`.
pub fn pipe<R: BufRead, W: Write>(
    pipeline: &Pipeline,
    opts: &PipeOptions,
    mut input: R,
    output: W,
) -> Result<PipeSummary, PipeError> {
    let pool = if opts.threads > 1 {
        Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(opts.threads)
                .build()
                .map_err(|e| PipeError::Input(io::Error::other(format!("thread pool: {e}"))))?,
        )
    } else {
        None
    };
    // One copy of the pipeline per pool thread (see `Pipeline::fork`), picked by thread index.
    let forks: Vec<Pipeline> = match &pool {
        Some(p) => (0..p.current_num_threads()).map(|_| pipeline.fork()).collect(),
        None => Vec::new(),
    };
    let pipeline = Workers { shared: pipeline, forks: &forks };
    let mut rows = RowStream::new(io::BufWriter::with_capacity(1 << 16, output), opts.tokens);
    let mut summary = PipeSummary::default();
    let mut eof = false;
    while !eof {
        // One chunk: at most chunk_docs documents and about chunk_bytes of input.
        let mut chunk: Vec<(u64, Item)> = Vec::new();
        let mut size = 0u64;
        while chunk.len() < opts.chunk_docs && size < opts.chunk_bytes as u64 {
            let limit = opts.ingest.max_article_bytes;
            let line = match read_line(&mut input, limit, summary.lines + 1) {
                Ok(Some(l)) => l,
                Ok(None) => {
                    eof = true;
                    break;
                }
                Err(e) => {
                    // What was read so far is still processed and written; then the run fails.
                    finish_chunk(&pipeline, pool.as_ref(), chunk, &mut rows, &mut summary)?;
                    return Err(PipeError::Input(e));
                }
            };
            summary.lines += 1;
            size += line.len.min(limit as u64);
            let number = line.number;
            if let Some(item) = item_of(line, opts) {
                chunk.push((number, item));
            }
        }
        finish_chunk(&pipeline, pool.as_ref(), chunk, &mut rows, &mut summary)?;
    }
    Ok(summary)
}

/// The pipeline as the pool threads see it: thread `i` of the pool runs `forks[i]`.
struct Workers<'a> {
    shared: &'a Pipeline,
    forks: &'a [Pipeline],
}

impl Workers<'_> {
    fn process(&self, item: Item) -> Outcome {
        let p = rayon::current_thread_index().and_then(|i| self.forks.get(i)).unwrap_or(self.shared);
        p.process(item)
    }
}

fn finish_chunk<W: Write>(
    pipeline: &Workers,
    pool: Option<&rayon::ThreadPool>,
    chunk: Vec<(u64, Item)>,
    rows: &mut RowStream<W>,
    summary: &mut PipeSummary,
) -> Result<(), PipeError> {
    if chunk.is_empty() {
        return Ok(());
    }
    let outcomes: Vec<(u64, Outcome)> = match pool {
        Some(p) => p.install(|| chunk.into_par_iter().map(|(n, it)| (n, pipeline.process(it))).collect()),
        None => chunk.into_iter().map(|(n, it)| (n, pipeline.process(it))).collect(),
    };
    for (n, o) in &outcomes {
        output::emit(rows, o).map_err(PipeError::Output)?;
        summary.documents += 1;
        if let Outcome::Failed(f) = o {
            summary.errors += 1;
            // Best effort: a closed stderr must not stop the rows.
            let _ = writeln!(io::stderr(), "kornews pipe: stdin line {n}: {} (document {})", f.message, f.id);
        }
    }
    rows.out.flush().map_err(PipeError::Output)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], capacity: usize, limit: usize) -> Vec<(Vec<u8>, u64, String)> {
        let mut r = io::BufReader::with_capacity(capacity, input);
        let mut out = Vec::new();
        let mut n = 0;
        while let Some(l) = read_line(&mut r, limit, n + 1).unwrap() {
            n += 1;
            assert_eq!(l.number, n);
            out.push((l.bytes, l.len, l.sha256));
        }
        out
    }

    fn sha(b: &[u8]) -> String {
        hex::encode(Sha256::digest(b))
    }

    #[test]
    fn lines_lose_their_lf_and_trailing_crs_whatever_the_buffer_size() {
        let input = b"ab\r\ncd\r\r\n\r\nx\ry\n\nlast";
        let want: Vec<(Vec<u8>, u64, String)> = [&b"ab"[..], b"cd", b"", b"x\ry", b"", b"last"]
            .iter()
            .map(|l| (l.to_vec(), l.len() as u64, sha(l)))
            .collect();
        for capacity in [1, 2, 3, 5, 64] {
            assert_eq!(lines(input, capacity, 100), want, "buffer of {capacity} bytes");
        }
    }

    #[test]
    fn a_line_over_the_limit_is_hashed_but_not_kept() {
        let input = b"0123456789\nok\n";
        for capacity in [1, 4, 64] {
            let got = lines(input, capacity, 4);
            assert_eq!(got[0], (Vec::new(), 10, sha(b"0123456789")));
            assert_eq!(got[1], (b"ok".to_vec(), 2, sha(b"ok")));
        }
    }

    #[test]
    fn line_breaks_in_fields_become_spaces_and_quoting_follows_the_new_value() {
        let mut out = Vec::new();
        {
            let mut rows = RowStream::new(&mut out, false);
            let row = crate::output::rows::SentenceRow { doc_id: "d", sentence: 0, start: 0, end: 7, kind: "body", text: "a\r\nb, c" };
            rows.row(Table::Sentences, &row).unwrap();
            let row = crate::output::rows::SentenceRow { doc_id: "d", sentence: 1, start: 7, end: 10, kind: "body", text: "x\ny" };
            rows.row(Table::Sentences, &row).unwrap();
            let row = crate::output::rows::SentenceRow { doc_id: "d", sentence: 2, start: 10, end: 13, kind: "body", text: "\"q\"" };
            rows.row(Table::Sentences, &row).unwrap();
            // Blocks are not part of the stream.
            let row = crate::output::rows::BlockRow { doc_id: "d", block: 0, start: 0, end: 1, kind: "body", rule: "", text: "z" };
            rows.row(Table::Blocks, &row).unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "sentences,d,0,0,7,body,\"a  b, c\"\nsentences,d,1,7,10,body,x y\nsentences,d,2,10,13,body,\"\"\"q\"\"\"\n"
        );
    }
}
