//! # kornews
//!
//! A batch pipeline that turns Korean news articles into tables:
//! ingest → clean → sentences → lindera morphology → extraction stages → CSV.
//!
//! ```no_run
//! use kornews::{Pipeline, Outcome, doc::Item};
//! use kornews::ingest::{Ingest, IngestOptions};
//!
//! let pipeline = Pipeline::new(kornews::resources::DataFiles::embedded()).unwrap();
//! for item in Ingest::new(&["corpus".to_string()], IngestOptions::default()).unwrap() {
//!     if let Outcome::Done(a) = pipeline.process(item) {
//!         for s in &a.sentences {
//!             println!("{}", a.text(s.span));
//!         }
//!     }
//! }
//! ```

pub mod check;
pub mod clean;
pub mod doc;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod morph;
pub mod nfc;
pub mod offsets;
pub mod output;
pub mod pipe;
pub mod resources;
pub mod run;
pub mod segment;
pub mod time;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Mutex;

use doc::{Analysis, Document, Failed, Item, Sentence};

/// What processing one input item gave: an analysis, or a failure that becomes an error row.
#[derive(Debug)]
pub enum Outcome {
    Done(Analysis),
    Failed(Failed),
}

/// Every resource, loaded once. Threads may share one pipeline, but a worker that runs many
/// documents should take its own [`Pipeline::fork`].
pub struct Pipeline {
    pub data: std::sync::Arc<resources::DataFiles>,
    pub cleaner: clean::Cleaner,
    pub splitter: segment::Splitter,
    pub morphology: std::sync::Arc<morph::Morphology>,
    pub stages: Vec<Box<dyn extract::Stage>>,
    /// Idle per-thread morphology workers (taken for one document, then returned).
    workers: Mutex<Vec<morph::MorphWorker>>,
}

impl Pipeline {
    pub fn new(data: resources::DataFiles) -> Result<Pipeline, String> {
        // Loading ko-dic is the longest step of the start: it runs on a thread of its own while
        // the rules and lexicons are compiled here.
        let (morphology, rest) = std::thread::scope(|scope| {
            let morphology = scope.spawn(|| morph::Morphology::new(&data.get("user_dict.csv").text));
            let rest = (|| Ok::<_, String>((clean::Cleaner::new(&data)?, segment::Splitter::new(&data), extract::default_stages(&data)?)))();
            (morphology.join().unwrap_or_else(|p| std::panic::resume_unwind(p)), rest)
        });
        let (cleaner, splitter, stages) = rest?;
        let morphology = std::sync::Arc::new(morphology?);
        Ok(Pipeline { data: std::sync::Arc::new(data), cleaner, splitter, morphology, stages, workers: Mutex::new(Vec::new()) })
    }

    /// A copy of the pipeline for one worker thread, made in a few milliseconds: the dictionary
    /// and the data files are shared, the rules and lexicons copied. What it buys is regex
    /// scratch space of its own. A `Regex` lends its search cache from a pool that is free for
    /// one thread but costly when several threads search the same `Regex` at once (the regex
    /// crate documents this and advises a clone per thread, see rust-lang/regex#934); the
    /// cleaning rules run on every line of every page. The output is the same either way.
    pub fn fork(&self) -> Pipeline {
        Pipeline {
            data: self.data.clone(),
            cleaner: self.cleaner.clone(),
            splitter: self.splitter.clone(),
            morphology: self.morphology.clone(),
            stages: self.stages.iter().map(|s| s.fork()).collect(),
            workers: Mutex::new(Vec::new()),
        }
    }

    /// Keeps only the named stages (`all`, `none`, or a comma-separated list such as `entities`).
    pub fn select_stages(&mut self, list: &str) -> Result<(), String> {
        if list == "all" {
            return Ok(());
        }
        let wanted: Vec<&str> = if list == "none" { Vec::new() } else { list.split(',').map(str::trim).collect() };
        for w in &wanted {
            if !self.stages.iter().any(|s| s.name() == *w) {
                let known: Vec<&str> = self.stages.iter().map(|s| s.name()).collect();
                return Err(format!("unknown stage {w:?} (known: {})", known.join(", ")));
            }
        }
        self.stages.retain(|s| wanted.contains(&s.name()));
        Ok(())
    }

    /// Processes one input item. Never panics: an internal failure on one document becomes that
    /// document's error row.
    pub fn process(&self, item: Item) -> Outcome {
        self.process_batch(vec![item]).pop().expect("one outcome per item")
    }

    /// Processes a batch of items, one step at a time over the whole batch: every document is
    /// cleaned, then split and tokenized, then each extraction stage runs over every document. So
    /// the automata and tables of one step stay in the CPU caches from one document to the next
    /// (run one document at a time, lindera's dictionary pushes them out each time). Each document
    /// is still processed on its own: the outcome of every item is what [`Pipeline::analyze`] gives
    /// it alone. Never panics: an internal failure on one document becomes that document's error
    /// row, and the other documents of the batch are not affected.
    pub fn process_batch(&self, items: Vec<Item>) -> Vec<Outcome> {
        let mut restores = Vec::with_capacity(items.len());
        let mut states: Vec<Result<(Analysis, Failed), Outcome>> = items
            .into_iter()
            .map(|item| match item {
                Item::Failed(f) => {
                    restores.push(None);
                    Err(Outcome::Failed(f))
                }
                Item::Doc(doc) => {
                    let failed = Failed { id: doc.id.clone(), source: doc.source.clone(), message: String::new(), meta: doc.meta.clone() };
                    match catch_unwind(AssertUnwindSafe(|| self.prepare(doc))) {
                        Ok((a, restore)) => {
                            restores.push(restore);
                            Ok((a, failed))
                        }
                        Err(panic) => {
                            restores.push(None);
                            Err(internal_error(failed, panic))
                        }
                    }
                }
            })
            .collect();

        let mut worker = self.workers.lock().unwrap().pop().unwrap_or_else(|| self.morphology.worker());
        for st in states.iter_mut() {
            let Ok((a, failed)) = st else { continue };
            match catch_unwind(AssertUnwindSafe(|| self.sentences_and_morphs(a, &mut worker))) {
                Ok(Ok(())) => {}
                Ok(Err(message)) => {
                    let mut f = std::mem::replace(failed, empty_failed());
                    f.message = format!("{}: {message}", f.source);
                    *st = Err(Outcome::Failed(f));
                }
                Err(panic) => {
                    // A worker that panicked is not reused.
                    worker = self.morphology.worker();
                    *st = Err(internal_error(std::mem::replace(failed, empty_failed()), panic));
                }
            }
        }
        self.workers.lock().unwrap().push(worker);

        for stage in &self.stages {
            for st in states.iter_mut() {
                let Ok((a, failed)) = st else { continue };
                if let Err(panic) = catch_unwind(AssertUnwindSafe(|| stage.run(a))) {
                    *st = Err(internal_error(std::mem::replace(failed, empty_failed()), panic));
                }
            }
        }
        states
            .into_iter()
            .zip(restores)
            .map(|(st, restore)| match st {
                Ok((mut a, _)) => {
                    if let Some(r) = restore {
                        r.apply(&mut a);
                    }
                    Outcome::Done(a)
                }
                Err(o) => o,
            })
            .collect()
    }

    /// Cleans, splits, tokenizes and runs the extraction stages on one document.
    pub fn analyze(&self, doc: Document) -> Result<Analysis, String> {
        let (mut a, restore) = self.prepare(doc);
        let mut worker = self.workers.lock().unwrap().pop().unwrap_or_else(|| self.morphology.worker());
        let result = self.sentences_and_morphs(&mut a, &mut worker);
        self.workers.lock().unwrap().push(worker);
        result?;

        for stage in &self.stages {
            stage.run(&mut a);
        }
        if let Some(r) = restore {
            r.apply(&mut a);
        }
        Ok(a)
    }

    /// The analysis of a document with its page cleaned (blocks, and metadata found in the page).
    /// A text that is not in NFC (Korean in conjoining jamo) is analyzed in its composed form;
    /// the [`nfc::Restore`] returned then maps the finished analysis back to the original text.
    fn prepare(&self, mut doc: Document) -> (Analysis, Option<nfc::Restore>) {
        let restore = nfc::compose(&doc.text).map(|c| {
            let r = nfc::Restore::new(std::mem::take(&mut doc.text), &c);
            doc.text = c.text;
            r
        });
        let mut a = Analysis::new(doc);
        let cleaned = self.cleaner.clean(&a.doc.text, &a.index);
        a.blocks = cleaned.blocks;
        let meta = &mut a.doc.meta;
        if meta.outlet.is_empty() {
            meta.outlet = cleaned.outlet.unwrap_or_default();
        }
        if meta.byline.is_empty() {
            meta.byline = cleaned.reporters.join(";");
        }
        if meta.title.is_empty() {
            if let Some(h) = a.blocks.iter().find(|b| b.kind == doc::BlockKind::Headline) {
                meta.title = a.index.slice(&a.doc.text, h.span).to_string();
            }
        }
        (a, restore)
    }

    fn sentences_and_morphs(&self, a: &mut Analysis, worker: &mut morph::MorphWorker) -> Result<(), String> {
        let text = a.doc.text.as_str();
        for b in clean::text_blocks(&a.blocks) {
            let range = a.index.bytes(b.span);
            let block = &text[range.clone()];
            // A headline or subhead is one unit, whatever punctuation it holds.
            let pieces = match b.kind {
                doc::BlockKind::Headline | doc::BlockKind::Subhead => vec![(0, block.len())],
                _ => self.splitter.split(block),
            };
            // Pieces come in order: their code points are counted on from the block's start
            // (the block is in cache; a look-up in the document's index is not).
            let mut cursor = offsets::Cursor::new(block, b.span.start);
            for (s0, s1) in pieces {
                let span = doc::Span::new(cursor.char_at(s0), cursor.char_at(s1));
                let m0 = a.morphs.len();
                worker.analyze(&block[s0..s1], span.start, &mut a.morphs)?;
                a.sentences.push(Sentence { span, kind: b.kind, morphs: m0..a.morphs.len() });
            }
        }
        Ok(())
    }
}

fn empty_failed() -> Failed {
    Failed { id: String::new(), source: String::new(), message: String::new(), meta: doc::Meta::default() }
}

/// The error row of a document whose processing panicked.
fn internal_error(mut f: Failed, panic: Box<dyn std::any::Any + Send>) -> Outcome {
    let what = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown");
    f.message = format!("{}: internal error ({what}); please report it with this article", f.source);
    Outcome::Failed(f)
}
