//! CSV tables. Rows for one document are produced by [`emit`] into any [`Sink`]: the table files
//! of `kornews extract` ([`TableFiles`], written in a staging directory and put in place only when
//! the run completes, see [`outdir`]), or one stream for `kornews pipe`.

pub mod outdir;
pub mod rows;

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::doc::{Analysis, Failed};
use crate::Outcome;
use rows::*;

/// The tables kornews writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    Documents,
    Blocks,
    Sentences,
    Tokens,
    Entities,
    Quotes,
    Commitments,
}

impl Table {
    pub const ALL: [Table; 7] = [
        Table::Documents,
        Table::Blocks,
        Table::Sentences,
        Table::Tokens,
        Table::Entities,
        Table::Quotes,
        Table::Commitments,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Table::Documents => "documents",
            Table::Blocks => "blocks",
            Table::Sentences => "sentences",
            Table::Tokens => "tokens",
            Table::Entities => "entities",
            Table::Quotes => "quotes",
            Table::Commitments => "commitments",
        }
    }

    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Documents => DOCUMENTS,
            Table::Blocks => BLOCKS,
            Table::Sentences => SENTENCES,
            Table::Tokens => TOKENS,
            Table::Entities => ENTITIES,
            Table::Quotes => QUOTES,
            Table::Commitments => COMMITMENTS,
        }
    }
}

/// Where rows go.
pub trait Sink {
    /// Whether this table is written at all (tokens only on request).
    fn wants(&self, table: Table) -> bool;
    fn row<S: Serialize>(&mut self, table: Table, row: &S) -> io::Result<()>;
}

fn io_err(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Status of a document for documents.csv.
pub fn status(a: &Analysis) -> &'static str {
    if a.sentences.is_empty() { "empty" } else { "ok" }
}

/// Writes every row of one document's outcome.
pub fn emit<K: Sink>(sink: &mut K, outcome: &Outcome) -> io::Result<()> {
    match outcome {
        Outcome::Failed(f) => emit_failed(sink, f),
        Outcome::Done(a) => emit_analysis(sink, a),
    }
}

fn emit_failed<K: Sink>(sink: &mut K, f: &Failed) -> io::Result<()> {
    sink.row(
        Table::Documents,
        &DocumentRow {
            doc_id: &f.id,
            source: &f.source,
            title: &f.meta.title,
            published: f.meta.published.map(|d| d.to_string()).unwrap_or_default(),
            published_from: f.meta.published_from.map(|p| p.as_str()).unwrap_or(""),
            encoding: &f.meta.encoding,
            outlet: &f.meta.outlet,
            byline: &f.meta.byline,
            chars: 0,
            sentences: 0,
            entities: 0,
            quotes: 0,
            commitments: 0,
            status: "error",
            message: &f.message,
        },
    )
}

fn emit_analysis<K: Sink>(sink: &mut K, a: &Analysis) -> io::Result<()> {
    let d = &a.doc;
    let id = d.id.as_str();
    let message = d.warnings.join("; ");
    sink.row(
        Table::Documents,
        &DocumentRow {
            doc_id: id,
            source: &d.source,
            title: &d.meta.title,
            published: d.meta.published.map(|p| p.to_string()).unwrap_or_default(),
            published_from: d.meta.published_from.map(|p| p.as_str()).unwrap_or(""),
            encoding: &d.meta.encoding,
            outlet: &d.meta.outlet,
            byline: &d.meta.byline,
            chars: a.index.len_chars(),
            sentences: a.sentences.len(),
            entities: a.entities.len(),
            quotes: a.quotes.len(),
            commitments: a.commitments.len(),
            status: status(a),
            message: &message,
        },
    )?;
    if sink.wants(Table::Blocks) {
        for (i, b) in a.blocks.iter().enumerate() {
            sink.row(
                Table::Blocks,
                &BlockRow {
                    doc_id: id,
                    block: i,
                    start: b.span.start,
                    end: b.span.end,
                    kind: b.kind.as_str(),
                    rule: b.rule,
                    text: a.text(b.span),
                },
            )?;
        }
    }
    for (i, s) in a.sentences.iter().enumerate() {
        sink.row(
            Table::Sentences,
            &SentenceRow {
                doc_id: id,
                sentence: i,
                start: s.span.start,
                end: s.span.end,
                kind: s.kind.as_str(),
                text: a.text(s.span),
            },
        )?;
    }
    if sink.wants(Table::Tokens) {
        for (si, s) in a.sentences.iter().enumerate() {
            for (ti, m) in a.morphs[s.morphs.clone()].iter().enumerate() {
                let f = &m.features;
                sink.row(
                    Table::Tokens,
                    &TokenRow {
                        doc_id: id,
                        sentence: si,
                        token: ti,
                        start: m.span.start,
                        end: m.span.end,
                        surface: a.text(m.span),
                        pos: &f.pos,
                        semantic_class: &f.semantic_class,
                        reading: &f.reading,
                        analysis: &f.analysis,
                    },
                )?;
            }
        }
    }
    for (i, e) in a.entities.iter().enumerate() {
        sink.row(
            Table::Entities,
            &EntityRow {
                doc_id: id,
                entity_id: i,
                sentence: e.sentence,
                start: e.span.start,
                end: e.span.end,
                kind: &e.kind,
                text: a.text(e.span),
                canonical: &e.canonical,
                normalized: &e.normalized,
            },
        )?;
    }
    for (i, q) in a.quotes.iter().enumerate() {
        sink.row(
            Table::Quotes,
            &QuoteRow {
                doc_id: id,
                quote_id: i,
                sentence: q.sentence,
                start: q.span.start,
                end: q.span.end,
                kind: &q.kind,
                text: a.text(q.span),
                speaker: &q.speaker,
                speaker_text: &q.speaker_text,
                verb: &q.verb,
            },
        )?;
    }
    for (i, c) in a.commitments.iter().enumerate() {
        sink.row(
            Table::Commitments,
            &CommitmentRow {
                doc_id: id,
                commitment_id: i,
                sentence: c.sentence,
                start: c.span.start,
                end: c.span.end,
                actor: &c.actor,
                action: &c.action,
                object: &c.object,
                deadline_text: &c.deadline_text,
                deadline: &c.deadline,
                modality: &c.modality,
                condition: &c.condition,
                quote_id: c.quote_id.map(|q| q.to_string()).unwrap_or_default(),
                text: a.text(c.span),
            },
        )?;
    }
    Ok(())
}

/// Builds a CSV writer the way every kornews table is written: RFC 4180 quoting, LF line ends.
pub fn csv_writer<W: Write>(w: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().has_headers(false).terminator(csv::Terminator::Any(b'\n')).from_writer(w)
}

/// A table file that hashes and counts what is written to it.
struct HashFile {
    file: File,
    hasher: Sha256,
    bytes: u64,
}

impl Write for HashFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

struct OpenTable {
    table: Table,
    path: PathBuf,
    writer: csv::Writer<BufWriter<HashFile>>,
    rows: u64,
}

impl OpenTable {
    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush().map_err(outdir::at(&self.path))
    }

    fn state(&self) -> TableState {
        let f = self.writer.get_ref().get_ref();
        TableState { table: self.table, rows: self.rows, bytes: f.bytes, sha256: hex::encode(f.hasher.clone().finalize()) }
    }
}

/// How far a table has been written: rows, bytes and the sha256 of those bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableState {
    pub table: Table,
    pub rows: u64,
    pub bytes: u64,
    pub sha256: String,
}

impl TableState {
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({ "name": self.table.name(), "rows": self.rows, "bytes": self.bytes, "sha256": self.sha256 })
    }

    pub fn from_json(v: &serde_json::Value) -> Option<TableState> {
        let name = v["name"].as_str()?;
        Some(TableState {
            table: Table::ALL.into_iter().find(|t| t.name() == name)?,
            rows: v["rows"].as_u64()?,
            bytes: v["bytes"].as_u64()?,
            sha256: v["sha256"].as_str()?.to_string(),
        })
    }
}

/// The UTF-8 byte order mark that `--excel` puts at the start of every table.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `--excel`: a cell that a spreadsheet could take for a formula (it starts with `=`, `+`, `-`,
/// `@`, tab or carriage return) gets a leading `'` (OWASP, CSV Injection).
pub fn excel_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The table files of one `extract` run, in the staging directory (`NAME.csv.partial`, see
/// [`outdir`]). Each file is hashed as it is written, so a checkpoint and run.json can name the
/// exact bytes of every table.
pub struct TableFiles {
    tables: Vec<OpenTable>,
    excel: bool,
}

fn open_table(dir: &Path, table: Table, file: File, hasher: Sha256, bytes: u64, bom: bool) -> io::Result<OpenTable> {
    let path = dir.join(outdir::partial_name(table));
    let mut buffered = BufWriter::with_capacity(1 << 16, HashFile { file, hasher, bytes });
    if bom {
        buffered.write_all(BOM).map_err(outdir::at(&path))?;
    }
    Ok(OpenTable { table, path, writer: csv_writer(buffered), rows: 0 })
}

impl TableFiles {
    /// New, empty tables (header rows; with `excel`, the BOM first) in `dir`.
    pub fn create(dir: &Path, tables: &[Table], excel: bool) -> io::Result<TableFiles> {
        let mut open = Vec::new();
        for &t in tables {
            let path = dir.join(outdir::partial_name(t));
            let file = File::create(&path).map_err(outdir::at(&path))?;
            let mut table = open_table(dir, t, file, Sha256::new(), 0, excel)?;
            table.writer.write_record(t.columns()).map_err(io_err).map_err(outdir::at(&path))?;
            open.push(table);
        }
        Ok(TableFiles { tables: open, excel })
    }

    /// Reopens the tables of an interrupted run at a checkpoint: each file is cut back to the
    /// checkpoint's length after checking that its first bytes are the ones the checkpoint
    /// hashed. An error names the file that does not match.
    pub fn resume(dir: &Path, states: &[TableState], excel: bool) -> io::Result<TableFiles> {
        let mut open = Vec::new();
        for s in states {
            let path = dir.join(outdir::partial_name(s.table));
            let (hasher, len) = outdir::hash_file(&path, Some(s.bytes))?;
            if len != s.bytes || hex::encode(hasher.clone().finalize()) != s.sha256 {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "{}: its first {} bytes are not the ones the checkpoint recorded ({len} bytes read)",
                        path.display(),
                        s.bytes
                    ),
                ));
            }
            let mut file = OpenOptions::new().write(true).open(&path).map_err(outdir::at(&path))?;
            file.set_len(s.bytes).map_err(outdir::at(&path))?;
            file.seek(SeekFrom::End(0)).map_err(outdir::at(&path))?;
            let mut table = open_table(dir, s.table, file, hasher, s.bytes, false)?;
            table.rows = s.rows;
            open.push(table);
        }
        Ok(TableFiles { tables: open, excel })
    }

    /// Rows written so far, per table.
    pub fn counts(&self) -> Vec<(Table, u64)> {
        self.tables.iter().map(|t| (t.table, t.rows)).collect()
    }

    /// Hands every row written so far to the operating system and says how far each table is.
    pub fn states(&mut self) -> io::Result<Vec<TableState>> {
        for t in &mut self.tables {
            t.flush()?;
        }
        Ok(self.tables.iter().map(OpenTable::state).collect())
    }

    /// Flushes and syncs every table (before the commit) and says what each holds.
    pub fn finish(&mut self) -> io::Result<Vec<TableState>> {
        let states = self.states()?;
        for t in &self.tables {
            t.writer.get_ref().get_ref().file.sync_all().map_err(outdir::at(&t.path))?;
        }
        Ok(states)
    }
}

impl Sink for TableFiles {
    fn wants(&self, table: Table) -> bool {
        self.tables.iter().any(|t| t.table == table)
    }

    fn row<S: Serialize>(&mut self, table: Table, row: &S) -> io::Result<()> {
        let excel = self.excel;
        if let Some(t) = self.tables.iter_mut().find(|t| t.table == table) {
            if excel {
                // Cells in column order, each text cell neutralized. Numbers never start with
                // a sign here (offsets and counts), so only text changes.
                let value = serde_json::to_value(row).map_err(io::Error::other)?;
                let mut record = csv::StringRecord::new();
                for column in table.columns() {
                    match &value[*column] {
                        serde_json::Value::String(s) => record.push_field(&excel_cell(s)),
                        serde_json::Value::Null => record.push_field(""),
                        other => record.push_field(&other.to_string()),
                    }
                }
                t.writer.write_record(&record).map_err(io_err).map_err(outdir::at(&t.path))?;
            } else {
                t.writer.serialize(row).map_err(io_err).map_err(outdir::at(&t.path))?;
            }
            t.rows += 1;
        }
        Ok(())
    }
}
