//! One `Serialize` row type per table, in column order. Offsets are code points.

use serde::Serialize;

#[derive(Serialize)]
pub struct DocumentRow<'a> {
    pub doc_id: &'a str,
    pub source: &'a str,
    pub title: &'a str,
    pub published: String,
    pub published_from: &'a str,
    pub encoding: &'a str,
    pub outlet: &'a str,
    pub byline: &'a str,
    pub chars: usize,
    pub sentences: usize,
    pub entities: usize,
    pub quotes: usize,
    pub commitments: usize,
    pub status: &'a str,
    pub message: &'a str,
}

#[derive(Serialize)]
pub struct BlockRow<'a> {
    pub doc_id: &'a str,
    pub block: usize,
    pub start: usize,
    pub end: usize,
    pub kind: &'a str,
    pub rule: &'a str,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct SentenceRow<'a> {
    pub doc_id: &'a str,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub kind: &'a str,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct TokenRow<'a> {
    pub doc_id: &'a str,
    pub sentence: usize,
    pub token: usize,
    pub start: usize,
    pub end: usize,
    pub surface: &'a str,
    pub pos: &'a str,
    pub semantic_class: &'a str,
    pub reading: &'a str,
    pub analysis: &'a str,
}

#[derive(Serialize)]
pub struct EntityRow<'a> {
    pub doc_id: &'a str,
    pub entity_id: usize,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: &'a str,
    pub text: &'a str,
    pub canonical: &'a str,
    pub normalized: &'a str,
}

#[derive(Serialize)]
pub struct QuoteRow<'a> {
    pub doc_id: &'a str,
    pub quote_id: usize,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub kind: &'a str,
    pub text: &'a str,
    pub speaker: &'a str,
    pub speaker_text: &'a str,
    pub verb: &'a str,
}

#[derive(Serialize)]
pub struct CommitmentRow<'a> {
    pub doc_id: &'a str,
    pub commitment_id: usize,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub actor: &'a str,
    pub action: &'a str,
    pub object: &'a str,
    pub deadline_text: &'a str,
    pub deadline: &'a str,
    pub modality: &'a str,
    pub condition: &'a str,
    pub quote_id: String,
    pub text: &'a str,
}

/// Column names of every table, for headers written before any row (a table with no rows still
/// has its header).
pub const DOCUMENTS: &[&str] = &[
    "doc_id", "source", "title", "published", "published_from", "encoding", "outlet", "byline", "chars",
    "sentences", "entities", "quotes", "commitments", "status", "message",
];
pub const BLOCKS: &[&str] = &["doc_id", "block", "start", "end", "kind", "rule", "text"];
pub const SENTENCES: &[&str] = &["doc_id", "sentence", "start", "end", "kind", "text"];
pub const TOKENS: &[&str] = &[
    "doc_id", "sentence", "token", "start", "end", "surface", "pos", "semantic_class", "reading", "analysis",
];
pub const ENTITIES: &[&str] =
    &["doc_id", "entity_id", "sentence", "start", "end", "type", "text", "canonical", "normalized"];
pub const QUOTES: &[&str] =
    &["doc_id", "quote_id", "sentence", "start", "end", "kind", "text", "speaker", "speaker_text", "verb"];
pub const COMMITMENTS: &[&str] = &[
    "doc_id", "commitment_id", "sentence", "start", "end", "actor", "action", "object", "deadline_text",
    "deadline", "modality", "condition", "quote_id", "text",
];
