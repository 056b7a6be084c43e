//! The data model every stage reads and writes.
//!
//! A [`Document`] is what ingest produced: an id, the decoded original text and its metadata.
//! An [`Analysis`] is the document plus everything the stages found in it. All positions are
//! half-open **Unicode code point** offsets into [`Document::text`]; [`crate::offsets::CharIndex`]
//! is the one place that turns byte offsets into code points.


/// Half-open code point range `[start, end)` into the original text of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Where the publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedFrom {
    /// The `published` field of a JSONL record.
    Field,
    /// The `--published` option.
    Option,
    /// A date printed in the page (`입력 2022.10.19 10:21`).
    Page,
    /// Not known.
    None,
}

impl PublishedFrom {
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedFrom::Field => "field",
            PublishedFrom::Option => "option",
            PublishedFrom::Page => "page",
            PublishedFrom::None => "",
        }
    }
}

/// A calendar date (proleptic Gregorian), as printed in ISO 8601.
pub type Date = chrono::NaiveDate;

/// Metadata that came with the article or was found in it.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: String,
    pub url: String,
    pub outlet: String,
    pub published: Option<Date>,
    pub published_from: Option<PublishedFrom>,
    /// `utf-8`, `utf-8-bom` or `cp949`.
    pub encoding: String,
    /// Reporter(s) named in the byline, `;`-separated.
    pub byline: String,
}

/// One article as ingest delivers it.
#[derive(Debug, Clone)]
pub struct Document {
    /// Stable id: the `id` field of a JSONL record, `FILE:LINE`, or the path of a `.txt` file.
    pub id: String,
    /// Where it came from: a path, `PATH:LINE`, or `-:LINE` for stdin.
    pub source: String,
    /// The decoded original text. Every offset in every table points into this string.
    pub text: String,
    pub meta: Meta,
    /// Non-fatal remarks about the input (NUL bytes, replaced metadata, …), for documents.csv.
    pub warnings: Vec<String>,
}

/// A document that could not be read or decoded: it becomes a documents.csv row with status
/// `error`, never a silent loss.
#[derive(Debug, Clone)]
pub struct Failed {
    pub id: String,
    pub source: String,
    pub message: String,
    pub meta: Meta,
}

/// What ingest yields, in input order.
#[derive(Debug, Clone)]
pub enum Item {
    Doc(Document),
    Failed(Failed),
}

/// The class of a block of the page found by the cleaner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Headline,
    Subhead,
    Body,
    Caption,
    /// A caption repeated right after itself, as scrapers often capture it.
    CaptionDup,
    Credit,
    /// Broadcast transcript cues (`[앵커]`, `◀ 인터뷰 ▶ 홍길동/교수`): not sentences, but they name speakers.
    Cue,
    Menu,
    Dateline,
    Byline,
    Email,
    Copyright,
    Tags,
    Comments,
    Donation,
    Related,
    Bio,
    Footer,
}

impl BlockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Headline => "headline",
            BlockKind::Subhead => "subhead",
            BlockKind::Body => "body",
            BlockKind::Caption => "caption",
            BlockKind::CaptionDup => "caption_dup",
            BlockKind::Credit => "credit",
            BlockKind::Cue => "cue",
            BlockKind::Menu => "menu",
            BlockKind::Dateline => "dateline",
            BlockKind::Byline => "byline",
            BlockKind::Email => "email",
            BlockKind::Copyright => "copyright",
            BlockKind::Tags => "tags",
            BlockKind::Comments => "comments",
            BlockKind::Donation => "donation",
            BlockKind::Related => "related",
            BlockKind::Bio => "bio",
            BlockKind::Footer => "footer",
        }
    }

    pub fn parse(s: &str) -> Option<BlockKind> {
        Some(match s {
            "headline" => BlockKind::Headline,
            "subhead" => BlockKind::Subhead,
            "body" => BlockKind::Body,
            "caption" => BlockKind::Caption,
            "caption_dup" => BlockKind::CaptionDup,
            "credit" => BlockKind::Credit,
            "cue" => BlockKind::Cue,
            "menu" => BlockKind::Menu,
            "dateline" => BlockKind::Dateline,
            "byline" => BlockKind::Byline,
            "email" => BlockKind::Email,
            "copyright" => BlockKind::Copyright,
            "tags" => BlockKind::Tags,
            "comments" => BlockKind::Comments,
            "donation" => BlockKind::Donation,
            "related" => BlockKind::Related,
            "bio" => BlockKind::Bio,
            "footer" => BlockKind::Footer,
            _ => return None,
        })
    }

    /// Blocks whose text is split into sentences and analysed.
    pub fn has_sentences(self) -> bool {
        matches!(
            self,
            BlockKind::Headline | BlockKind::Subhead | BlockKind::Body | BlockKind::Caption
        )
    }
}

/// A classified region of the page (whitespace trimmed). Blocks never overlap and are in text order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
    /// The boilerplate rule that classified it (`""` for plain body text).
    pub rule: &'static str,
}

/// A sentence unit. A quotation with several sentences inside stays in one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// The kind of block it came from (body, headline, subhead, caption).
    pub kind: BlockKind,
    /// Index range of its morphemes in [`Analysis::morphs`].
    pub morphs: std::ops::Range<usize>,
}

/// Dictionary features of one word, read once per dictionary word and shared by its tokens.
#[derive(Debug, PartialEq, Eq)]
pub struct Features {
    /// Part-of-speech tag as ko-dic writes it (`NNP`, `VV+EP`, …).
    pub pos: Box<str>,
    /// Semantic class (`인명`, `지명`, …), empty when ko-dic has none.
    pub semantic_class: Box<str>,
    pub reading: Box<str>,
    /// `Inflect`/`Compound`/`Preanalysis` decomposition (`가/VV/*+았/EP/*`), empty when none.
    pub analysis: Box<str>,
    /// True for words that were not in any dictionary.
    pub unknown: bool,
    /// True for words from the kornews user dictionary.
    pub user: bool,
    /// The class of the first component of `pos` ([`tag_class`]), read once per dictionary word.
    pub tag_class: u8,
    /// `analysis` holds a past-tense pre-final ending (`었/EP`, `았/EP`, `였/EP`):
    /// [`crate::morph::past_in_analysis`], read once per dictionary word.
    pub past_ep: bool,
    /// What the entity stage asks of `pos` ([`crate::extract::entities::morph_bits`]), read once
    /// per dictionary word.
    pub entity_bits: u32,
}

/// [`Features::tag_class`] bit: the first tag is nominal (`NNG` `NNP` `NNB` `NNBC` `NR` `NP` `SL`
/// `SH` `SN` `XSN` `XPN` `XR`).
pub const TAG_NOMINAL: u8 = 1;
/// [`Features::tag_class`] bit: the first tag is a predicate (`VV` `VA` `VX` `XSV` `XSA` `VCP` `VCN`).
pub const TAG_PREDICATE: u8 = 2;
/// [`Features::tag_class`] bit: the first tag is punctuation or a symbol (`S…` but `SL` `SH` `SN`).
pub const TAG_PUNCT: u8 = 4;

/// The class bits of a ko-dic part-of-speech tag by its first component (`XSV+EP` → `XSV`).
pub fn tag_class(pos: &str) -> u8 {
    use crate::extract::quotes::{is_nominal_tag, is_predicate_tag, is_punct_tag};
    let t = pos.split('+').next().unwrap_or(pos);
    let mut c = 0;
    if is_nominal_tag(t) {
        c |= TAG_NOMINAL;
    }
    if is_predicate_tag(t) {
        c |= TAG_PREDICATE;
    }
    if is_punct_tag(t) {
        c |= TAG_PUNCT;
    }
    c
}

/// One morpheme token.
#[derive(Debug, Clone)]
pub struct Morph {
    pub span: Span,
    /// Shared by every token of the same dictionary word; see [`crate::morph`].
    pub features: &'static Features,
}

/// An extracted entity mention (filled by the entities stage).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub sentence: usize,
    pub span: Span,
    pub kind: String,
    pub canonical: String,
    pub normalized: String,
}

/// A quotation (filled by the quotes stage).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub sentence: usize,
    pub span: Span,
    pub kind: String,
    pub speaker: String,
    pub speaker_text: String,
    pub verb: String,
}

/// A commitment (filled by the commitments stage).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    pub sentence: usize,
    pub span: Span,
    pub actor: String,
    pub action: String,
    pub object: String,
    pub deadline_text: String,
    pub deadline: String,
    pub modality: String,
    pub condition: String,
    pub quote_id: Option<usize>,
}

/// A document and everything the stages found in it.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub doc: Document,
    pub index: crate::offsets::CharIndex,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub morphs: Vec<Morph>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub commitments: Vec<Commitment>,
    /// Scratch the quotes stage leaves for the commitments stage (sentences it prepared): not output.
    pub prepared: crate::extract::quotes::Prepared,
}

impl Analysis {
    /// The text of a span of this document.
    pub fn text(&self, s: Span) -> &str {
        self.index.slice(&self.doc.text, s)
    }

    pub fn new(doc: Document) -> Self {
        let index = crate::offsets::CharIndex::new(&doc.text);
        Analysis {
            index,
            doc,
            blocks: Vec::new(),
            sentences: Vec::new(),
            morphs: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            commitments: Vec::new(),
            prepared: Default::default(),
        }
    }
}
