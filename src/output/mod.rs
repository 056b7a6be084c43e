//! CSV tables. Rows for one document are produced by [`emit`] into any [`Sink`]: the table files
//! of `kornews extract` ([`TableFiles`], written to temporary files and renamed into place only
//! when the run completes), or one stream for `kornews pipe`.

pub mod rows;

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

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

struct OpenTable {
    table: Table,
    tmp: PathBuf,
    path: PathBuf,
    writer: csv::Writer<BufWriter<File>>,
    rows: u64,
}

/// The table files of one `extract` run. Rows go to `.NAME.csv.partial` files in the output
/// directory; [`TableFiles::commit`] flushes, syncs and renames them to `NAME.csv`. Dropped
/// without a commit, the partial files are removed and the previous tables stay as they were.
pub struct TableFiles {
    tables: Vec<OpenTable>,
    committed: bool,
}

impl TableFiles {
    pub fn create(dir: &Path, tables: &[Table]) -> io::Result<TableFiles> {
        fs::create_dir_all(dir).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
        let mut open = Vec::new();
        for &t in tables {
            let path = dir.join(format!("{}.csv", t.name()));
            let tmp = dir.join(format!(".{}.csv.partial", t.name()));
            let file = File::create(&tmp).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", tmp.display())))?;
            let mut writer = csv_writer(BufWriter::with_capacity(1 << 16, file));
            writer.write_record(t.columns()).map_err(io_err)?;
            open.push(OpenTable { table: t, tmp, path, writer, rows: 0 });
        }
        Ok(TableFiles { tables: open, committed: false })
    }

    /// Rows written so far, per table.
    pub fn counts(&self) -> Vec<(Table, u64)> {
        self.tables.iter().map(|t| (t.table, t.rows)).collect()
    }

    /// Flushes, syncs and renames every table into place.
    pub fn commit(mut self) -> io::Result<()> {
        for t in &mut self.tables {
            t.writer.flush()?;
            t.writer.get_ref().get_ref().sync_all()?;
        }
        for t in &self.tables {
            fs::rename(&t.tmp, &t.path)?;
        }
        self.committed = true;
        Ok(())
    }
}

impl Drop for TableFiles {
    fn drop(&mut self) {
        if !self.committed {
            for t in &self.tables {
                let _ = fs::remove_file(&t.tmp);
            }
        }
    }
}

impl Sink for TableFiles {
    fn wants(&self, table: Table) -> bool {
        self.tables.iter().any(|t| t.table == table)
    }

    fn row<S: Serialize>(&mut self, table: Table, row: &S) -> io::Result<()> {
        if let Some(t) = self.tables.iter_mut().find(|t| t.table == table) {
            t.writer.serialize(row).map_err(io_err)?;
            t.rows += 1;
        }
        Ok(())
    }
}

/// Writes `bytes` to `path` atomically (temporary file, sync, rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = path.with_extension("partial");
    {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    fs::rename(&tmp, path)
}
