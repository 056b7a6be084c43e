//! Quotations: who said what.
//!
//! **Direct** quotes are words between quotation marks that a reporting cue after the closing
//! mark (`"…"라며`, `"…"고 말했다`, `"…"는 입장이다`) or a speaker before it (a headline
//! `홍은택 "…"`, a broadcast interview cue) makes speech. Marks around a term, a title or an
//! event name are not quotes: that is decided from the cue (a case particle after the mark, a
//! naming verb such as 부르다) and from the content (a clause ending in a verb ending, or a noun
//! phrase), never from length alone.
//!
//! **Indirect** quotes are clauses ended by a quotative and a reporting predicate: `~다고
//! 밝혔다`, `~다는 계획도 밝혔다`, `~다는 입장이다`, `~다며 + another predicate`.
//!
//! The **speaker** is the subject before the quote (the nearest topic `은/는` phrase that names a
//! person, an organization, a title or a speaking noun), else a subject after it (`"…"라고 홍
//! 대표는 말했다`), else the speaker carried from the previous sentences when the subject is
//! elided. Names resolve to the entity stage's canonical names; several people in one subject
//! are `;`-joined in text order; `카카오 관계자` speaks for 카카오. Headline quotes without a
//! written speaker keep it empty.
//!
//! Lexicons (cues, reporting verbs, speech nouns, speaking nouns) are data:
//! `dictionaries/quotes/quotes.tsv`.

use std::borrow::Cow;
use std::sync::Arc;
use rustc_hash::FxHashSet;

use crate::doc::{Analysis, BlockKind, Entity, Morph, Quote, Span};
use crate::extract::entities::{GenericOrgs, DATE, ORGANIZATION, PERSON, ROLE, TIME};
use crate::extract::Stage;
use crate::resources::DataFiles;

pub const DIRECT: &str = "direct";

/// Sentence units longer than this (a page without sentence punctuation) are not searched for
/// quotes or commitments: real sentences, even with a long quotation inside, are far shorter, and
/// the search must stay linear in the size of the article.
pub const MAX_SENTENCE_CHARS: usize = 4000;
pub const INDIRECT: &str = "indirect";

/// How many sentences after a quote that opens the story its speaker may be introduced in.
const LEDE_SENTENCES: usize = 3;

/// The lexicons of `quotes/quotes.tsv`.
#[derive(Debug, Default, Clone)]
pub struct QuoteLexicon {
    pub cue_speech: FxHashSet<String>,
    pub cue_nominal: FxHashSet<String>,
    pub verbs: FxHashSet<String>,
    pub naming: FxHashSet<String>,
    pub speech_nouns: FxHashSet<String>,
    pub speech_noun_pred: FxHashSet<String>,
    pub speaker_nouns: FxHashSet<String>,
    pub skip_lead: FxHashSet<String>,
    pub carry_lead: FxHashSet<String>,
    pub interview: Vec<String>,
    pub ruling_party: FxHashSet<String>,
    pub opposition_party: FxHashSet<String>,
}

impl QuoteLexicon {
    pub fn new(data: &DataFiles) -> Result<QuoteLexicon, String> {
        let mut lex = QuoteLexicon::default();
        for (at, class, word) in data.class_words("quotes/quotes.tsv")? {
            let word = word.to_string();
            let set = match class {
                "cue_speech" => &mut lex.cue_speech,
                "cue_nominal" => &mut lex.cue_nominal,
                "verb" => &mut lex.verbs,
                "naming" => &mut lex.naming,
                "speech_noun" => &mut lex.speech_nouns,
                "speech_noun_pred" => &mut lex.speech_noun_pred,
                "speaker_noun" => &mut lex.speaker_nouns,
                "skip_lead" => &mut lex.skip_lead,
                "carry_lead" => &mut lex.carry_lead,
                "ruling_party" => &mut lex.ruling_party,
                "opposition_party" => &mut lex.opposition_party,
                "interview" => {
                    lex.interview.push(word);
                    continue;
                }
                other => return Err(format!("{at}: unknown class {other:?}")),
            };
            set.insert(word);
        }
        Ok(lex)
    }
}

#[derive(Clone)]
pub struct QuoteStage {
    pub(crate) lex: QuoteLexicon,
    /// Surnames (one and two syllables) and titles of `ner/`, for names the entity stage did not
    /// tag in a title phrase (`편재윤 민생민주당 의원은`).
    surnames: FxHashSet<String>,
    titles: FxHashSet<String>,
    /// Endings that close an indirect quote's clause, with how many trailing characters are the
    /// quotative (left out of the quote) and which pattern they start.
    endings: Vec<(&'static str, usize, Pattern)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pattern {
    /// `~다고 밝혔다`: a reporting verb follows.
    Say,
    /// `~다는 계획을 밝혔다`, `~다는 입장이다`: a speech noun follows.
    Noun,
    /// `~다며 고개를 숙였다`: any predicate follows.
    While,
}

impl QuoteStage {
    pub fn new(data: &DataFiles) -> Result<QuoteStage, String> {
        use Pattern::*;
        let first = |l: &str| l.split('\t').next().unwrap_or("").trim().to_string();
        let surnames: FxHashSet<String> = data.lines("ner/surnames.txt").map(|(_, l)| first(l)).filter(|s| !s.is_empty()).collect();
        let titles: FxHashSet<String> = data.lines("ner/roles.txt").map(|(_, l)| first(l)).filter(|s| !s.is_empty()).collect();
        Ok(QuoteStage {
            lex: QuoteLexicon::new(data)?,
            surnames,
            titles,
            endings: vec![
                ("다고도", 2, Say),
                ("라고도", 2, Say),
                ("다고는", 2, Say),
                ("다고", 1, Say),
                ("라고", 1, Say),
                ("냐고", 1, Say),
                ("자고", 1, Say),
                ("다는", 1, Noun),
                ("라는", 1, Noun),
                ("냐는", 1, Noun),
                ("다면서", 2, While),
                ("라면서", 2, While),
                ("다며", 1, While),
                ("라며", 1, While),
                ("냐며", 1, While),
                ("자며", 1, While),
            ],
        })
    }
}

#[inline]
pub(crate) fn is_hangul(c: char) -> bool {
    ('가'..='힣').contains(&c)
}

fn closer_for(open: char) -> Option<&'static [char]> {
    Some(match open {
        '"' | '“' => &['"', '”'],
        '\'' | '‘' => &['\'', '’'],
        '「' => &['」'],
        '『' => &['』'],
        _ => return None,
    })
}

/// `text` holds an opening mark ([`closer_for`]): `text.chars().any(|c| closer_for(c).is_some())`
/// by vectorized searches for the bytes that start one (`"`, `'`, or E2 of `“‘`, E3 of `「『`),
/// each checked with the two bytes after it.
fn has_opening_mark(text: &str) -> bool {
    let b = text.as_bytes();
    let mut find = crate::segment::ByteFinder::new(b, [b'"', b'\'', 0xE2], [0xE3, 0xE3, 0xE3]);
    let mut at = 0;
    while let Some(i) = find.next_from(at) {
        let tail = (b.get(i + 1).copied(), b.get(i + 2).copied());
        let opens = match b[i] {
            b'"' | b'\'' => true,
            // `“` E2 80 9C, `‘` E2 80 98.
            0xE2 => matches!(tail, (Some(0x80), Some(0x9C | 0x98))),
            // `「` E3 80 8C, `『` E3 80 8E.
            _ => matches!(tail, (Some(0x80), Some(0x8C | 0x8E))),
        };
        if opens {
            return true;
        }
        at = i + 1;
    }
    false
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’' | '「' | '」' | '『' | '』')
}

/// First component of a ko-dic tag (`XSV+EP` → `XSV`).
#[inline]
pub(crate) fn tag(m: &Morph) -> &str {
    let p = &*m.features.pos;
    match p.as_bytes().iter().position(|&b| b == b'+') {
        Some(i) => &p[..i],
        None => p,
    }
}

/// `nominal(m)`, read from the class the morpheme's dictionary word keeps.
#[inline]
pub(crate) fn nominal(m: &Morph) -> bool {
    m.features.tag_class & crate::doc::TAG_NOMINAL != 0
}

/// `predicate(m)`, read from the class the morpheme's dictionary word keeps.
#[inline]
pub(crate) fn predicate(m: &Morph) -> bool {
    m.features.tag_class & crate::doc::TAG_PREDICATE != 0
}

/// `punct(m)`, read from the class the morpheme's dictionary word keeps.
#[inline]
pub(crate) fn punct(m: &Morph) -> bool {
    m.features.tag_class & crate::doc::TAG_PUNCT != 0
}

#[inline]
pub(crate) fn is_nominal_tag(t: &str) -> bool {
    // `NNG` `NNP` `NNB` `NNBC` `NR` `NP` `SL` `SH` `SN` `XSN` `XPN` `XR`, compared byte by byte.
    matches!(t.as_bytes(), [b'N', b'N', b'G' | b'P' | b'B'] | [b'N', b'N', b'B', b'C'] | [b'N', b'R' | b'P'] | [b'S', b'L' | b'H' | b'N'] | [b'X', b'S' | b'P', b'N'] | [b'X', b'R'])
}

#[inline]
pub(crate) fn is_predicate_tag(t: &str) -> bool {
    // `VV` `VA` `VX` `XSV` `XSA` `VCP` `VCN`, compared byte by byte.
    matches!(t.as_bytes(), [b'V', b'V' | b'A' | b'X'] | [b'X', b'S', b'V' | b'A'] | [b'V', b'C', b'P' | b'N'])
}

#[inline]
pub(crate) fn is_punct_tag(t: &str) -> bool {
    matches!(t.as_bytes(), [b'S', ..]) && !matches!(t.as_bytes(), [b'S', b'L' | b'H' | b'N'])
}

/// One whitespace-delimited word of a sentence: code points relative to the sentence, and the
/// range of its morphemes in the sentence's morpheme slice.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    pub(crate) s: usize,
    pub(crate) e: usize,
    pub(crate) m0: usize,
    pub(crate) m1: usize,
    /// End of the word without its trailing punctuation and marks (see [`Sent::bare_str`]): the
    /// end of its last Hangul or alphanumeric character, `s` when it has none.
    pub(crate) b: usize,
}

/// The word of characters `s0..e` of a sentence starting at `base` (its bare text ending at `b`),
/// with its morphemes: those from the first that ends after its start (`mi`, moved on) to the
/// last that starts before its end.
fn word_at(morphs: &[Morph], base: usize, s0: usize, e: usize, b: usize, mi: &mut usize) -> Word {
    while *mi < morphs.len() && morphs[*mi].span.end <= base + s0 {
        *mi += 1;
    }
    let m0 = *mi;
    let mut m1 = m0;
    while m1 < morphs.len() && morphs[m1].span.start < base + e {
        m1 += 1;
    }
    Word { s: s0, e, m0, m1, b }
}

/// The characters of a sentence, the byte offset of each (and of its end) and its words (their
/// morphemes among `morphs`, the sentence starting at code point `base`).
fn read_sentence(src: &str, morphs: &[Morph], base: usize) -> (Vec<char>, Vec<usize>, Vec<Word>) {
    let mut chars: Vec<char> = Vec::with_capacity(src.len() / 2);
    let mut bytes: Vec<usize> = Vec::with_capacity(src.len() / 2 + 1);
    // Characters, their offsets and the words, in one pass (a Hangul syllable is no space; it
    // and any alphanumeric character end a word's bare text so far).
    let mut words = Vec::with_capacity(src.len() / 8 + 1);
    let mut mi = 0;
    let mut start: Option<usize> = None;
    let mut bare_end = 0;
    for (i, (b, c)) in src.char_indices().enumerate() {
        chars.push(c);
        bytes.push(b);
        let hangul = is_hangul(c);
        let space = !hangul && crate::segment::is_space(c);
        match (space, start) {
            (false, None) => {
                start = Some(i);
                bare_end = i;
            }
            (true, Some(s0)) => {
                words.push(word_at(morphs, base, s0, i, bare_end, &mut mi));
                start = None;
            }
            _ => {}
        }
        if !space && (hangul || c.is_alphanumeric()) {
            bare_end = i + 1;
        }
    }
    if let Some(s0) = start {
        words.push(word_at(morphs, base, s0, chars.len(), bare_end, &mut mi));
    }
    bytes.push(src.len());
    (chars, bytes, words)
}

/// A sentence's characters, the byte offset of each (and of its end) and its words: what
/// [`Sent::new`] prepares from the analysis.
#[derive(Debug, Clone, Default)]
pub struct SentParts {
    chars: Vec<char>,
    bytes: Vec<usize>,
    words: Vec<Word>,
    /// The subjects the quotes stage found, and per word what [`QuoteStage::subjects`] made of it
    /// there (see [`Memo`]), for the commitments stage to read instead of finding them again.
    subjects: Vec<Subject>,
    memo: Vec<Memo>,
}

/// What [`QuoteStage::subjects`] made of one word, kept only when that did not depend on the
/// people the subject finder remembered so far ([`RoleMemory`]'s `found`), so that it is the same
/// for any later reader of the sentence.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) enum Memo {
    /// Not looked at (inside a quotation), or read with the remembered people.
    #[default]
    Unknown,
    /// No subject.
    Nothing,
    /// The subject at this index of [`SentParts::subjects`].
    At(usize),
}

/// What the quotes stage prepared for a document that the commitments stage reads again instead
/// of preparing it twice: each sentence it read ([`SentParts`]) and the generic organization words.
/// Scratch, not output: the commitments stage empties it.
#[derive(Clone, Default)]
pub struct Prepared {
    pub(crate) sentences: Vec<Option<SentParts>>,
    pub(crate) generic: Option<Arc<GenericOrgs>>,
    /// The document's titles and people (its `found` list emptied), built once for both stages.
    pub(crate) roles: Option<RoleMemory>,
}

impl std::fmt::Debug for Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Prepared({} sentences)", self.sentences.iter().filter(|s| s.is_some()).count())
    }
}

/// The entities of each sentence of a document, in the document's order: one vector cut by
/// sentence (`by_sentence[si]`), built by a counting pass instead of a vector per sentence.
pub(crate) struct BySentence<'a> {
    entities: Vec<&'a Entity>,
    /// Where the entities of each sentence start in `entities` (and, last, its length).
    starts: Vec<usize>,
}

impl<'a> BySentence<'a> {
    pub(crate) fn new(a: &'a Analysis) -> BySentence<'a> {
        let n = a.sentences.len();
        let mut starts = vec![0usize; n + 1];
        for en in a.entities.iter().filter(|en| en.sentence < n) {
            starts[en.sentence + 1] += 1;
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut next = starts.clone();
        let mut entities: Vec<&'a Entity> = Vec::new();
        if let Some(first) = a.entities.first() {
            entities = vec![first; starts[n]];
        }
        for en in a.entities.iter().filter(|en| en.sentence < n) {
            entities[next[en.sentence]] = en;
            next[en.sentence] += 1;
        }
        BySentence { entities, starts }
    }
}

impl<'a> std::ops::Index<usize> for BySentence<'a> {
    type Output = [&'a Entity];
    fn index(&self, si: usize) -> &[&'a Entity] {
        &self.entities[self.starts[si]..self.starts[si + 1]]
    }
}

/// A sentence prepared for quote finding.
pub(crate) struct Sent<'a> {
    pub(crate) analysis: &'a Analysis,
    /// Generic organization words (`시`, `회사`) of this document and what they stand for.
    pub(crate) generic: &'a GenericOrgs,
    pub(crate) kind: BlockKind,
    pub(crate) base: usize,
    pub(crate) chars: Cow<'a, [char]>,
    /// The sentence's text, and the byte offset in it of every character (and of its end).
    src: &'a str,
    bytes: Cow<'a, [usize]>,
    pub(crate) morphs: &'a [Morph],
    pub(crate) words: Cow<'a, [Word]>,
    pub(crate) entities: &'a [&'a Entity],
    /// Per word: it ends a clause (filled by the commitments stage, which owns that test).
    pub(crate) clause_ends: std::cell::OnceCell<Vec<bool>>,
}

impl<'a> Sent<'a> {
    pub(crate) fn new(a: &'a Analysis, index: usize, ents: &'a [&'a Entity], generic: &'a GenericOrgs) -> Sent<'a> {
        let s = &a.sentences[index];
        let src = a.text(s.span);
        let morphs = &a.morphs[s.morphs.clone()];
        let base = s.span.start;
        let (chars, bytes, words) = read_sentence(src, morphs, base);
        Sent {
            analysis: a,
            generic,
            kind: s.kind,
            base,
            chars: Cow::Owned(chars),
            src,
            bytes: Cow::Owned(bytes),
            morphs,
            words: Cow::Owned(words),
            entities: ents,
            clause_ends: Default::default(),
        }
    }

    /// A sentence prepared before (by [`Sent::new`], kept with [`Sent::into_parts`]), borrowed.
    pub(crate) fn with_parts(a: &'a Analysis, index: usize, ents: &'a [&'a Entity], generic: &'a GenericOrgs, parts: &'a SentParts) -> Sent<'a> {
        let s = &a.sentences[index];
        Sent {
            analysis: a,
            generic,
            kind: s.kind,
            base: s.span.start,
            chars: Cow::Borrowed(&parts.chars),
            src: a.text(s.span),
            bytes: Cow::Borrowed(&parts.bytes),
            morphs: &a.morphs[s.morphs.clone()],
            words: Cow::Borrowed(&parts.words),
            entities: ents,
            clause_ends: Default::default(),
        }
    }

    /// What [`Sent::new`] prepared, to be read again by a later stage.
    pub(crate) fn into_parts(self) -> SentParts {
        SentParts { chars: self.chars.into_owned(), bytes: self.bytes.into_owned(), words: self.words.into_owned(), subjects: Vec::new(), memo: Vec::new() }
    }

    /// The text of characters `s..e`, as a slice of the sentence.
    #[inline]
    pub(crate) fn slice(&self, s: usize, e: usize) -> &'a str {
        &self.src[self.bytes[s]..self.bytes[e]]
    }

    /// The text of characters `s..e` (copied from the sentence's slice).
    pub(crate) fn text(&self, s: usize, e: usize) -> String {
        self.slice(s, e).to_string()
    }

    pub(crate) fn word_text(&self, w: &Word) -> String {
        self.text(w.s, w.e)
    }

    /// The text of a word, as a slice of the sentence.
    #[inline]
    pub(crate) fn word_str(&self, w: &Word) -> &'a str {
        self.slice(w.s, w.e)
    }

    /// The text of a word without trailing punctuation and quotation marks (the characters after
    /// its last Hangul or alphanumeric one), as a slice of the sentence.
    #[inline]
    pub(crate) fn bare_str(&self, w: &Word) -> &'a str {
        self.slice(w.s, w.b)
    }

    #[inline]
    pub(crate) fn word_morphs(&self, w: &Word) -> &'a [Morph] {
        &self.morphs[w.m0..w.m1]
    }

    /// The index of the first word starting at or after `pos`.
    pub(crate) fn word_from(&self, pos: usize) -> usize {
        self.words.partition_point(|w| w.e <= pos)
    }

    /// The word has a predicate: `lemma(w).is_some()`, without building the lemma.
    #[inline]
    pub(crate) fn has_lemma(&self, w: &Word) -> bool {
        self.word_morphs(w).iter().any(|m| predicate(m))
    }

    /// Lemma of the first predicate of a word (`밝혔다` → 밝히, `설명했다` → 설명하), if any.
    pub(crate) fn lemma(&self, w: &Word) -> Option<String> {
        self.lemma_cow(w).map(std::borrow::Cow::into_owned)
    }

    /// [`Sent::lemma`] without a copy when the lemma is one morpheme's stem (a slice of the
    /// sentence or of the dictionary entry): only a 하다-verb's noun + stem is built.
    pub(crate) fn lemma_cow(&self, w: &Word) -> Option<std::borrow::Cow<'a, str>> {
        let ms = self.word_morphs(w);
        let k = ms.iter().position(|m| predicate(m))?;
        let m = &ms[k];
        let analysis: &'static str = &m.features.analysis;
        let stem: &'a str = if analysis.is_empty() { self.morph_str(m) } else { analysis.split('/').next().unwrap_or("") };
        if matches!(tag(m), "XSV" | "XSA") {
            // Nouns written right before the stem as it is written (`설명` `하` of `설명하는`): the
            // lemma is that stretch of the sentence, no copy.
            if analysis.is_empty() {
                // The nouns that end right before the stem, and no noun before them.
                let j = ms[..k].iter().rposition(|p| !nominal(p)).map_or(0, |x| x + 1);
                let run = &ms[j..=k];
                let inside = run[0].span.start >= self.base && m.span.end - self.base <= self.chars.len();
                if inside && ms[..j].iter().all(|p| !nominal(p)) && run.windows(2).all(|x| x[0].span.end == x[1].span.start) {
                    return Some(std::borrow::Cow::Borrowed(self.slice(run[0].span.start - self.base, m.span.end - self.base)));
                }
            }
            let mut noun = String::new();
            for p in &ms[..k] {
                if nominal(p) {
                    noun.push_str(self.morph_str(p));
                }
            }
            noun.push_str(stem);
            return Some(std::borrow::Cow::Owned(noun));
        }
        Some(std::borrow::Cow::Borrowed(stem))
    }

    pub(crate) fn morph_text(&self, m: &Morph) -> String {
        self.morph_str(m).to_string()
    }

    /// The text of a morpheme (clipped to the sentence), as a slice of the sentence.
    #[inline]
    pub(crate) fn morph_str(&self, m: &Morph) -> &'a str {
        let s = m.span.start.max(self.base) - self.base;
        let e = (m.span.end - self.base).min(self.chars.len());
        self.slice(s, e)
    }

    /// True when the content between `s` and `e` ends like a clause (a verb ending or a
    /// predicate), not like a noun phrase; `?`/`!` at the end also count.
    fn clausal(&self, s: usize, e: usize) -> bool {
        let last = self.chars[s..e].iter().rev().find(|c| !crate::segment::is_space(**c));
        if matches!(last, Some('?' | '!')) {
            return true;
        }
        let (a0, a1) = (self.base + s, self.base + e);
        let m = self
            .morphs
            .iter()
            .rev()
            .filter(|m| m.span.start >= a0 && m.span.end <= a1)
            .find(|m| !punct(m));
        match m {
            Some(m) => {
                let p = &*m.features.pos;
                predicate(m) || p.starts_with('E') || p.contains("+E")
            }
            None => false,
        }
    }

    pub(crate) fn abs(&self, s: usize, e: usize) -> Span {
        Span::new(self.base + s, self.base + e)
    }
}

/// A subject phrase that may be a speaker: `홍 대표는`, `카카오 관계자는`, `한 주민은`.
#[derive(Debug, Clone)]
pub(crate) struct Subject {
    /// The phrase without its particle (relative code points).
    pub(crate) s: usize,
    pub(crate) e: usize,
    /// End of the particle.
    pub(crate) pe: usize,
    /// Marked by the topic particle 은/는/도 (else by 이/가/께서).
    pub(crate) topic: bool,
    pub(crate) speaker: String,
    /// A subject that names no entity, title or speaking noun (`대형 병원 여덟 곳이`): a speaker
    /// only for a direct quote right after it, or for an indirect one when it names a group
    /// (`병원들은`, `주민 30여명은`: see [`group_subject`]).
    pub(crate) generic: bool,
    /// `이 관계자는`, `해당 업체는`: a description that refers back to the last speaker (its
    /// `speaker` is empty). A pronoun (`그는`) has an empty `speaker` too but refers to the last
    /// person.
    pub(crate) anaphor: bool,
    /// A plural pronoun (`이들은`, `그들은`): the people named together last, not the last person.
    pub(crate) plural: bool,
    /// A bare title or speaking noun that names nobody by itself (`대변인은`, `감독은`): it
    /// repeats the head of the last speaker's phrase (`국토부 대변인`, `정태수 감독`) when it is
    /// the same word.
    pub(crate) bare: bool,
    /// Names a person (by an entity, or by a name the quotes stage read in a title phrase:
    /// `정도윤 울산 마린스 감독`, `알렉스 베르너 감독`), so a later `그는` refers to it.
    pub(crate) person: bool,
}

/// A document's person and organization names (as written, and canonical) → canonical name.
#[derive(Default)]
struct Names<'a> {
    person: rustc_hash::FxHashMap<&'a str, &'a str>,
    org: rustc_hash::FxHashMap<&'a str, &'a str>,
}

/// True when the phrase `s..e` contains a PERSON or ORGANIZATION entity.
fn has_name(st: &Sent, s: usize, e: usize) -> bool {
    let span = st.abs(s, e);
    st.entities.iter().any(|en| (en.kind == PERSON || en.kind == ORGANIZATION) && span.contains(&en.span))
}

/// Where a speaker came from, for carrying it to later sentences.
#[derive(Debug, Default, Clone)]
struct Carry {
    /// The last speaker or subject named: an elided subject is this one.
    speaker: String,
    /// The last person named as speaker or subject: `그는`, `그녀는` refer to this one.
    person: String,
    /// The last people named together (`신하윤씨와 구태민씨는`): `이들은`, `그들은` refer to them.
    group: String,
    /// The last word of the phrase that named the last speaker (`국토부 대변인` → 대변인).
    head: String,
    /// The last speaker was named as a person (`한 사립대 교수`, `시 관계자`, a PERSON entity), so a
    /// later `그는` may refer to it even when it is no named person.
    human: bool,
}

impl Carry {
    /// The speaker a subject names: its own, or for `이 관계자는` the last speaker, or for a
    /// pronoun (`그는`) the last person.
    fn resolve(&self, s: &Subject) -> String {
        match (s.speaker.is_empty(), s.anaphor) {
            (false, _) if s.bare && s.speaker == self.head && !self.speaker.is_empty() => self.speaker.clone(),
            (false, _) => s.speaker.clone(),
            (true, true) => self.speaker.clone(),
            (true, false) => self.pronoun(s.plural),
        }
    }

    /// The antecedent of a personal pronoun: a plural one (`이들`) the people named together
    /// last, when they were named after the last single person; else the last person.
    fn pronoun(&self, plural: bool) -> String {
        if plural && !self.group.is_empty() {
            self.group.clone()
        } else if !plural && !self.speaker.is_empty() && self.speaker != self.person && (self.human || matches!(self.head.as_str(), "관계자" | "대변인")) {
            // `도 관계자는 "…"고 말했다. 그는 "…"`, `"…"라고 한 사립대 교수는 말했다. 그는 "…"`: the
            // official or the unnamed person quoted last is a person too.
            self.speaker.clone()
        } else {
            self.person.clone()
        }
    }

    /// `people`: the canonical names of the document's PERSON entities.
    fn set(&mut self, speaker: &str, people: &FxHashSet<String>) {
        self.speaker = speaker.to_string();
        self.head.clear();
        if speaker.split(';').all(|n| people.contains(n)) {
            if speaker.contains(';') {
                self.group = speaker.to_string();
            } else {
                self.person = speaker.to_string();
                self.group.clear();
            }
        }
    }
}

impl QuoteStage {
    /// Subjects of a sentence, in text order, outside the given quote spans.
    /// The subjects of words another stage found before are read from `known` (what it kept of
    /// the same sentence); returned with them is what each word made ([`Memo`]), for a later reader.
    pub(crate) fn subjects(&self, st: &Sent, quotes: &[(usize, usize)], roles: &RoleMemory, known: Option<&SentParts>) -> (Vec<Subject>, Vec<Memo>) {
        let mut out = Vec::new();
        let mut memo = vec![Memo::Unknown; st.words.len()];
        let parens = round_brackets(st);
        for (wi, w) in st.words.iter().enumerate() {
            if quotes.iter().any(|&(o, c)| w.s >= o && w.e <= c + 1) {
                continue;
            }
            match known.and_then(|p| p.memo.get(wi)) {
                Some(Memo::Nothing) => continue,
                Some(&Memo::At(i)) => {
                    out.push(known.unwrap().subjects[i].clone());
                    continue;
                }
                _ => {}
            }
            if !may_end_subject(st, wi) {
                // What `subject_at` answers for such a word, without remembered people.
                memo[wi] = Memo::Nothing;
                continue;
            }
            roles.touched.set(false);
            let found = self.subject_at(st, wi, &parens, roles);
            if !roles.touched.get() {
                memo[wi] = if found.is_some() { Memo::At(out.len()) } else { Memo::Nothing };
            }
            out.extend(found);
        }
        (out, memo)
    }

    /// The subject whose particle ends word `wi`, if any (`parens`: the sentence's round brackets).
    /// None without a look at `roles` when [`may_end_subject`] says no.
    fn subject_at(&self, st: &Sent, wi: usize, parens: &[(usize, usize)], roles: &RoleMemory) -> Option<Subject> {
        let w = &st.words[wi];
        {
            let (mut e, pe, topic) = match self.particle(st, w).or_else(|| also_topic(st, wi)) {
                Some(x) => x,
                None => return None,
            };
            // A subject inside round brackets (`'어대김'(어차피 당대표는 김태윤)`) is an aside, not the
            // sentence's; one whose particle follows the closing bracket (`반부패수사3부(황보태진
            // 부장검사)는`) is the phrase before the bracket, the bracket an apposition.
            let (mut wi, mut w) = (wi, w);
            if let Some(&(o, c)) = parens.iter().find(|&&(o, c)| o < w.s && w.s < c) {
                let k = st.word_from(o);
                if c >= e || k >= st.words.len() || st.words[k].s >= o {
                    return None;
                }
                (wi, w, e) = (k, &st.words[k], o);
            }
            // Extend left over noun words (names, titles, organizations, `A와 B`); ko-dic's tags
            // inside unknown names are noisy, so a word counts unless it has a verb, an ending
            // or a case particle other than `과/와`.
            let mut s = w.s;
            let mut k = wi;
            while k > 0 && wi - k < 6 {
                let pw = &st.words[k - 1];
                let pms = st.word_morphs(pw);
                let ptext = st.slice(pw.s, pw.e);
                // `[파이낸셜뉴스] 환경부가`, `[아이뉴스24 김모 기자] 회사가`: an outlet tag in
                // square brackets before the lead's subject is no part of it.
                if ptext.ends_with(']') {
                    break;
                }
                // `▲서정만 대책위원장이`: a caption's bullet glued to the first word is no part of it.
                let covered = st.entities.iter().any(|en| {
                    matches!(en.kind.as_str(), "PERSON" | "ORGANIZATION" | "ROLE" | "LOCATION")
                        && en.span.start <= st.base + pw.s + bullet_len(ptext)
                        && st.base + pw.e <= en.span.end
                }) || crate::extract::entities::is_generic_org(ptext.trim_end_matches(','))
                    // `홍은택, 남궁훈 대표`: a list of names, but not a clause ended by a comma
                    // (`올리려 했으나, 금융위원회가`).
                    || (ptext.ends_with(',') && !st.has_lemma(pw))
                    // A count that heads the subject, whatever ko-dic makes of its numeral (`세 곳이`).
                    || st.entities.iter().any(|en| en.kind == crate::extract::entities::QUANTITY && en.span.end == st.base + e && en.span.start <= st.base + pw.s);
                let last_m = pms.iter().rposition(|m| !punct(m));
                // A name the entity stage left untagged, before a title (`편재윤 민생민주당 의원은`).
                let covered = covered
                    || self.name_word(st, k - 1).is_some()
                    // `편 의원은`: a surname right before the title (not 이/한/전, which are
                    // determiners and prefixes as often).
                    || (k == wi && self.surnames.contains(ptext) && !matches!(ptext, "이" | "그" | "한" | "전" | "현" | "새" | "각" | "두" | "세"));
                // `한 공유 킥보드 업체 관계자는`: ko-dic breaks a loanword it does not know into a
                // noun and a verb (킥/NNG 보/VV 드/EC); a word that starts with a noun and has no
                // particle, no derivational suffix and no final or adnominal ending is still a noun
                // of the phrase.
                let broken_noun = pms.first().is_some_and(|m| matches!(tag(m), "NNG" | "NNP"))
                    && pms.iter().any(|m| matches!(tag(m), "VV" | "VA"))
                    && ptext.chars().all(is_hangul)
                    && !self.lex.skip_lead.contains(ptext)
                    && pms.iter().all(|m| {
                        let p = &*m.features.pos;
                        !(p.starts_with('J') || p.contains("XS") || p.contains("VCP") || p.contains("EP") || p.contains("EF") || p.contains("ETM") || p.contains("ETN"))
                    });
                // `[파이낸셜뉴스] 민생민주당이`: a word in square brackets is a dateline or a label.
                let label = ptext.starts_with('[') && ptext.ends_with(']');
                // `사공다은 '천둥회' 회장은`: a name in marks right before the title is part of the phrase.
                let quoted_name = ptext.chars().count() > 2
                    && ptext.chars().next().is_some_and(|c| closer_for(c).is_some())
                    && ptext.chars().last().is_some_and(is_mark)
                    && !ptext.chars().skip(1).take(ptext.chars().count() - 2).any(is_mark)
                    && st.entities.iter().any(|en| en.kind == ROLE && en.span.start == st.base + st.words[k].s);
                let nominal = !label && (covered || broken_noun || quoted_name || pms.iter().any(|m| nominal(m))
                    && pms.iter().enumerate().all(|(mi, m)| {
                        let t = tag(m);
                        let p = &*m.features.pos;
                        // `정민수(31)씨와 오세진(34)씨는`: 와/과 ending a noun before the subject
                        // joins it (ko-dic often tags it as the comitative JKB).
                        let joins = t == "JKB" && Some(mi) == last_m && m.span.start >= st.base && matches!(st.slice(m.span.start - st.base, (m.span.end - st.base).min(st.chars.len())), "와" | "과");
                        !(is_predicate_tag(t) || p.starts_with('E') || p.contains("+E") || (t.starts_with('J') && t != "JC" && !joins))
                    })
                    && !ptext.chars().any(is_mark)
                    && !ptext.ends_with(':')
                    && !self.lex.skip_lead.contains(ptext));
                // A count that is the subject's head (`병원 여덟 곳이`, `주민 30여명은`) is part of it.
                let dated = st.entities.iter().any(|en| {
                    matches!(en.kind.as_str(), "DATE" | "TIME" | "QUANTITY")
                        && en.span.start < st.base + pw.e
                        && st.base + pw.s < en.span.end
                        && !(en.kind == crate::extract::entities::QUANTITY && en.span.end == st.base + e)
                        // An age or a year in brackets after a name (`신하윤(31)씨와`) is part of it.
                        && !bracketed(st, en.span)
                        // So is an age group before a noun (`한 70대 환자는`, `20대 여성이`).
                        && !(en.kind == crate::extract::entities::QUANTITY && en.span.end == st.base + pw.e && age_group(st.slice(pw.s, pw.e)))
                });
                if !nominal || dated {
                    break;
                }
                s = pw.s;
                k -= 1;
            }
            // `국민통합당의 한 중진 의원은`, `이 관계자는`: an indefinite or anaphoric determiner.
            let det = if k > 0 { st.slice(st.words[k - 1].s, st.words[k - 1].e) } else { "" };
            let indefinite = det == "한";
            let anaphoric = matches!(det, "이" | "그" | "해당" | "같은");
            // Skip leading brackets.
            while s < e && (matches!(st.chars[s], '(' | '[' | '<' | '·' | ',') || is_bullet(st.chars[s])) {
                s += 1;
            }
            if s >= e {
                return None;
            }
            let mut anaphor = false;
            let found = if indefinite {
                // An unnamed member of an organization named in the genitive before: its name.
                let of_org = (k >= 2).then(|| &st.words[k - 2]).and_then(|gw| {
                    st.entities
                        .iter()
                        .rfind(|en| en.kind == ORGANIZATION && en.span.start >= st.base + gw.s && en.span.end <= st.base + gw.e)
                        .filter(|_| st.word_text(gw).ends_with('의'))
                        .map(|en| en.canonical.clone())
                });
                // Else `한 소아과 원장 A씨`: the person named; a phrase that names nobody
                // (`한 증권사 IT서비스 담당 연구원`, `한 대학병원 관계자`) is an indefinite
                // description, spoken for by no organization, even when a word of it looks like one.
                let person = st.entities.iter().any(|en| en.kind == PERSON && st.abs(s, e).contains(&en.span));
                // `업계 한 관계자`, `카카오 한 관계자`, `정부 한 관계자`: a bare noun before 한 names the
                // field or body the unnamed speaker belongs to (an organization speaks for itself).
                let field = if of_org.is_none() && !person && k >= 2 { self.field_before(st, &st.words[k - 2]) } else { None };
                let field = field.and_then(|f| self.speaker_of(st, s, e, roles).map(|_| f));
                match of_org.or_else(|| field.as_ref().and_then(|f| f.0.clone())) {
                    Some(org) => Some((org, false)),
                    None if field.is_some() => Some((format!("{} {}", field.unwrap().1, st.slice(s, e)), false)),
                    None if person => self.speaker_of(st, s, e, roles),
                    None => self.speaker_of(st, s, e, roles).map(|_| (st.text(s, e), false)),
                }
            } else if anaphoric
                && st.slice(s, e).split(' ').next().is_some_and(GenericOrgs::stands_for_private)
                // `같은 회사 오민준 전무도`: a person named in the phrase speaks, not the company.
                && !has_name(st, s, e)
                && self.apposed_name(st, s, e).is_none()
            {
                // `이 회사 관계자는`, `해당 구단은`: the company or team named last, not the last speaker.
                st.generic.private_before(st.base + s).map(|org| (org, false))
            } else if anaphoric && self.speaker_of(st, s, e, roles).is_some_and(|(_, p)| !p) && !has_name(st, s, e) {
                // `이 관계자는`: the one quoted before.
                anaphor = true;
                s = st.words[k - 1].s;
                Some((String::new(), true))
            } else {
                self.speaker_of(st, s, e, roles)
            };
            if let Some((speaker, person)) = found {
                let plural = speaker.is_empty() && !anaphor && matches!(st.slice(s, e), "이들" | "그들" | "그녀들");
                let text = st.slice(s, e);
                let bare = k == wi && !indefinite && !anaphor && speaker == text && (self.titles.contains(text) || self.lex.speaker_nouns.contains(text));
                Some(Subject { s, e, pe, topic, speaker, generic: false, anaphor, plural, bare, person })
            } else {
                Some(Subject { s, e, pe, topic, speaker: st.text(s, e), generic: true, anaphor: false, plural: false, bare: false, person: false })
            }
        }
    }

    /// `편재윤 민생민주당 의원`, `시흥소방서 박태성 현장대응단장`: a phrase that ends in a title and
    /// has, before it, a word shaped like a Korean name (a surname and a two-syllable given name)
    /// that no entity, title or speaking noun covers: (the name, the title).
    fn apposed_name<'s>(&self, st: &Sent<'s>, s: usize, e: usize) -> Option<(String, &'s str)> {
        let (w0, w1) = (st.word_from(s), st.word_from(e.saturating_sub(1)) + 1);
        if w1 < w0 + 2 || w1 > st.words.len() {
            return None;
        }
        let last = &st.words[w1 - 1];
        let title = st.slice(last.s, e.min(last.e).max(last.s));
        let title = title.split('(').next().unwrap_or(title);
        if !self.is_title(st, last, title) {
            return None;
        }
        (w0..w1 - 1).find_map(|k| self.name_word(st, k)).map(|n| (n.to_string(), title))
    }

    /// `황보수진 남도대 소비자학과 교수`, `남도대 경제학부 남기훈 교수`, `석지원 오늘배달 대표`: the
    /// people of one subject phrase speak jointly only when a conjunction joins them (`A와 B`, `A,
    /// B`, `A·B`). Without one, a second "name" is an affiliation the entity stage misread as a
    /// person (`남도대`, `오늘배달`): it is dropped when it follows a Korean name right after a
    /// space, and of the rest the one right before the title holds it, else the first.
    fn title_holder<'e>(&self, st: &Sent, people: Vec<&'e &'e Entity>, inside: &[&Entity]) -> Vec<&'e &'e Entity> {
        if people.len() < 2 {
            return people;
        }
        let rel = |p: usize| p - st.base;
        let korean = |en: &Entity| self.korean_name(st.slice(rel(en.span.start), rel(en.span.end)));
        let mut kept: Vec<&'e &'e Entity> = Vec::new();
        for p in people {
            let after_name = kept.last().is_some_and(|q| korean(q) && q.span.end + 1 == p.span.start && st.chars.get(rel(q.span.end)) == Some(&' '));
            if !after_name {
                kept.push(p);
            }
        }
        let joined = kept.windows(2).any(|w| {
            let gap = st.slice(rel(w[0].span.end).min(rel(w[1].span.start)), rel(w[1].span.start));
            gap.contains([',', '·', '、', '/']) || gap.contains("와 ") || gap.contains("과 ") || gap.contains("및") || gap.contains("그리고")
        });
        if joined {
            return kept;
        }
        let holder = kept.iter().copied().find(|p| {
            inside.iter().any(|r| r.kind == ROLE && r.span.start > p.span.end && st.slice(rel(p.span.end), rel(r.span.start)).chars().all(|c| c == ' '))
        });
        vec![holder.unwrap_or(kept[0])]
    }

    /// Shaped like a Korean name: a known surname and a two-syllable given name (`황보수진`, `남기훈`).
    fn korean_name(&self, t: &str) -> bool {
        let n = t.chars().count();
        let cut = |k: usize| t.char_indices().nth(k).map_or(t.len(), |(i, _)| i);
        t.chars().all(is_hangul) && ((n == 3 && self.surnames.contains(&t[..cut(1)])) || (n == 4 && self.surnames.contains(&t[..cut(2)])))
    }

    /// `윤모 전무`, `정모 상무`: a word of a surname and 모 right before a title in the phrase
    /// `s..e` is an anonymized person, named by the surname (as `윤모(52)씨` is).
    fn anonymized_before_title(&self, st: &Sent, s: usize, e: usize) -> Option<String> {
        let (w0, w1) = (st.word_from(s), (st.word_from(e.saturating_sub(1)) + 1).min(st.words.len()));
        (w0..w1.saturating_sub(1)).find_map(|k| {
            let t = st.slice(st.words[k].s, st.words[k].e);
            let mut cs = t.chars();
            let (c0, c1) = (cs.next()?, cs.next()?);
            if cs.next().is_some() || c1 != '모' {
                return None;
            }
            let surname = &t[..c0.len_utf8()];
            let next = &st.words[k + 1];
            let title = st.slice(next.s, next.e.min(e).max(next.s));
            (self.surnames.contains(surname) && self.is_title(st, next, title)).then(|| surname.to_string())
        })
    }

    /// Word `k` is a personal name by ko-dic alone (`알렉스`, `베르너`: one NNP morpheme of the
    /// class 인명, Hangul, two syllables or more, not a bare surname) that no entity covers.
    fn dictionary_name(&self, st: &Sent, k: usize) -> bool {
        let w = &st.words[k];
        let t = st.slice(w.s, w.e);
        let ms = st.word_morphs(w);
        let span = st.abs(w.s, w.e);
        ms.len() == 1
            && tag(&ms[0]) == "NNP"
            && &*ms[0].features.semantic_class == "인명"
            && t.chars().count() >= 2
            && t.chars().all(is_hangul)
            && !self.surnames.contains(t)
            && !st.entities.iter().any(|en| en.span.start < span.end && span.start < en.span.end)
    }

    /// `알렉스 베르너 감독`: the words right before the title at `t0` (inside the phrase from `s`)
    /// that are personal names by ko-dic alone, as one name (at most three words).
    fn name_words_before(&self, st: &Sent, s: usize, t0: usize) -> Option<String> {
        let mut k = st.word_from(t0);
        let end = k;
        while k > 0 && end - k < 3 && st.words[k - 1].s >= s && st.words[k - 1].e < t0 && self.dictionary_name(st, k - 1) {
            k -= 1;
        }
        (k < end).then(|| st.text(st.words[k].s, st.words[end - 1].e))
    }

    /// `연맹` for 한국프로축구연맹, `연대` for 플랫폼노동자연대: an organization of the document whose
    /// name is longer and ends with `word` (two or three syllables, no speaking noun such as 정부):
    /// the nearest one named before `pos`, else the first after.
    fn short_form(&self, st: &Sent, word: &str, pos: usize) -> Option<String> {
        // Short forms are short (연맹, 연대, 노조, 조합): longer words are names of their own, and
        // this keeps the pass over the document's entities rare.
        if !(2..=3).contains(&word.chars().count()) || !word.chars().all(is_hangul) || self.lex.speaker_nouns.contains(word) || self.titles.contains(word) {
            return None;
        }
        let fits = |en: &&Entity| en.kind == ORGANIZATION && en.canonical.len() > word.len() && en.canonical.ends_with(word);
        let ents = &st.analysis.entities;
        ents.iter().filter(|en| en.span.end <= pos).rfind(fits).or_else(|| ents.iter().filter(|en| en.span.start >= pos).find(fits)).map(|en| en.canonical.clone())
    }

    /// A title: a ROLE entity covers the word, or it is (or ends in) a title of `ner/roles.txt`.
    fn is_title(&self, st: &Sent, w: &Word, title: &str) -> bool {
        let span = st.abs(w.s, w.e);
        st.entities.iter().any(|en| en.kind == ROLE && en.span.start >= span.start && en.span.start < span.end)
            || self.titles.contains(title)
            || title.char_indices().skip(1).any(|(i, _)| title[i..].chars().count() >= 2 && self.titles.contains(&title[i..]))
    }

    /// Word `k` of a sentence when it is shaped like a Korean name that the entity stage left
    /// untagged: Hangul, a known surname and a two-syllable given name, not covered by an entity,
    /// not a speaking noun, and not one common noun of the dictionary.
    fn name_word<'s>(&self, st: &Sent<'s>, k: usize) -> Option<&'s str> {
        let w = &st.words[k];
        let t = st.slice(w.s, w.e).trim_start_matches(is_bullet);
        let n = t.chars().count();
        if !(3..=4).contains(&n) || !t.chars().all(is_hangul) {
            return None;
        }
        let k2 = t.char_indices().nth(2).map(|(i, _)| i).unwrap_or(t.len());
        let k1 = t.char_indices().nth(1).map(|(i, _)| i).unwrap_or(t.len());
        if !((n == 4 && self.surnames.contains(&t[..k2])) || (n == 3 && self.surnames.contains(&t[..k1]))) {
            return None;
        }
        let span = st.abs(w.s, w.e);
        let ms = st.word_morphs(w);
        // One morpheme over the whole word is a word ko-dic knows (가까운, 정부), not a name.
        let common = ms.len() == 1 && tag(&ms[0]) != "NNP";
        let covered = st.entities.iter().any(|en| en.span.start < span.end && span.start < en.span.end);
        (!common && !covered && !self.lex.speaker_nouns.contains(t) && !self.lex.skip_lead.contains(t) && !self.titles.contains(t)).then_some(t)
    }

    /// A bare noun word before the determiner 한 (`업계 한 관계자`): (the organization it names,
    /// if any; its text). None for a word with a particle or an ending, a date, a number or a
    /// word of the reporting sentence (`이날 한 관계자는`).
    fn field_before<'s>(&self, st: &Sent<'s>, w: &Word) -> Option<(Option<String>, &'s str)> {
        let text = st.slice(w.s, w.e);
        let ms = st.word_morphs(w);
        let clausal = ms.iter().any(|m| {
            let p = &*m.features.pos;
            predicate(m) || p.starts_with('E') || p.contains("+E") || p.starts_with('J')
        });
        if !ms.iter().any(|m| nominal(m)) || clausal || !text.chars().all(|c| is_hangul(c) || c.is_alphanumeric()) || self.lex.skip_lead.contains(text) {
            return None;
        }
        let span = st.abs(w.s, w.e);
        let mut org = None;
        for en in st.entities.iter().filter(|en| en.span.start < span.end && span.start < en.span.end) {
            match en.kind.as_str() {
                k if k == ORGANIZATION => org = Some(en.canonical.clone()),
                k if k == PERSON || k == ORGANIZATION => return None,
                "DATE" | "TIME" | "QUANTITY" => return None,
                _ => {}
            }
        }
        Some((org, text))
    }

    /// The subject particle ending a word: (end of the noun, end of the particle, topic?). From
    /// the morphemes (`대표/NNG 는/JX`), or, where ko-dic mis-analyses an unknown name
    /// (`남궁태오는` → `남/NNG 궁태/NNG 오/VV 는/ETM`), from the surface when the word before the
    /// particle ends exactly where an entity or a speaking noun does.
    fn particle(&self, st: &Sent, w: &Word) -> Option<(usize, usize, bool)> {
        // The entity test is the dearer one: it runs only on a word with a particle.
        let found = self.particle_shape(st, w)?;
        // `한은 "…"`, `박지은 교수`: a name that ends in a syllable shaped like a particle (한은 →
        // 한/NNG 은/JX) is a bare name when a person or organization entity covers the whole word.
        let end = w.s + st.slice(w.s, w.e).trim_end_matches([',', '.']).chars().count();
        if st.entities.iter().any(|en| {
            (en.kind == PERSON || en.kind == ORGANIZATION) && en.span.end == st.base + end && en.span.start <= st.base + w.s + bullet_len(st.slice(w.s, w.e))
        }) {
            return None;
        }
        Some(found)
    }

    /// [`QuoteStage::particle`] before its test of a name that covers the word.
    fn particle_shape(&self, st: &Sent, w: &Word) -> Option<(usize, usize, bool)> {
        // Cheap gate first: every particle below (a morpheme of the word, or its end) ends in one
        // of these characters.
        if !st.chars[w.s..w.e].iter().any(|c| matches!(c, '은' | '는' | '도' | '서' | '이' | '가')) {
            return None;
        }
        let ms = st.word_morphs(w);
        if let Some(pk) = ms.iter().rposition(|m| !punct(m)).filter(|&k| k > 0) {
            let pm = &ms[pk];
            let t = tag(pm);
            let topic = t == "JX" && matches!(st.morph_str(pm), "은" | "는" | "도");
            let subj = t == "JKS" && matches!(st.morph_str(pm), "이" | "가" | "께서");
            // The word before the particle ends in a noun (a bracket may come between:
            // `최고재무책임자(CFO)는`).
            let prev = || ms[..pk].iter().rev().find(|m| !matches!(tag(m), "SSC" | "SSO"));
            if (topic || subj) && prev().is_some_and(|m| nominal(m)) {
                let mut e = pm.span.start - st.base;
                if let Some(open) = st.chars[w.s..e].iter().position(|&c| c == '(') {
                    if st.chars[e - 1] == ')' {
                        e = w.s + open;
                    }
                }
                return Some((e, pm.span.end - st.base, topic));
            }
        }
        let text = st.slice(w.s, w.e).trim_end_matches([',', '.']);
        // (Every particle below ends in one of these: most words are ruled out by their last character.)
        if !matches!(text.chars().next_back(), Some('은' | '는' | '도' | '서' | '이' | '가')) {
            return None;
        }
        for (p, topic) in [("은", true), ("는", true), ("도", true), ("께서", false), ("이", false), ("가", false)] {
            let Some(stem) = text.strip_suffix(p) else { continue };
            if stem.is_empty() {
                continue;
            }
            let e = w.s + stem.chars().count();
            let abs_e = st.base + e;
            let entity_end = st.entities.iter().any(|en| matches!(en.kind.as_str(), "PERSON" | "ORGANIZATION" | "ROLE") && en.span.end == abs_e && en.span.start >= st.base + w.s);
            let last_word = stem.rsplit(' ').next().unwrap_or(stem);
            if entity_end || self.lex.speaker_nouns.contains(last_word) || crate::extract::entities::is_generic_org(last_word) {
                return Some((e, e + p.chars().count(), topic));
            }
        }
        None
    }

    /// `head` ends with a speaking noun of two or more syllables (`…관계자`, `…주민`): a hash lookup
    /// per suffix of `head` instead of a pass over the whole list (a word that ends with a noun
    /// ends with it at a character boundary).
    fn ends_with_speaker_noun(&self, head: &str) -> bool {
        head.char_indices().any(|(i, _)| {
            let suffix = &head[i..];
            suffix.chars().nth(1).is_some() && self.lex.speaker_nouns.contains(suffix)
        })
    }

    /// The speaker named by the phrase `s..e` of a sentence, and whether it is a person.
    fn speaker_of(&self, st: &Sent, s: usize, e: usize, roles: &RoleMemory) -> Option<(String, bool)> {
        let span = st.abs(s, e);
        let inside: Vec<&Entity> = st.entities.iter().copied().filter(|en| span.contains(&en.span)).collect();
        let mut people: Vec<String> = Vec::new();
        // `마르셀라 이투라 솔리스 칠레 외교장관`: PERSON entities written next to each other, and the
        // untagged words that go on after them, are one foreign name.
        let persons: Vec<&&Entity> = inside.iter().filter(|en| en.kind == PERSON).collect();
        if persons.len() >= 2
            // `황보수진 남도대 소비자학과 교수`: Korean names side by side are no foreign name (the
            // second is an affiliation misread as a name).
            && !persons.iter().all(|en| self.korean_name(st.slice(en.span.start - st.base, en.span.end - st.base)))
            && persons.iter().all(|en| !en.canonical.contains(';') && en.canonical == st.slice(en.span.start - st.base, en.span.end - st.base))
            && persons.windows(2).all(|p| p[1].span.start == p[0].span.end + 1 && st.chars[p[0].span.end - st.base] == ' ')
        {
            let mut end = persons[persons.len() - 1].span.end - st.base;
            let mut k = st.word_from(end);
            while k < st.words.len() && st.words[k].s == end + 1 && st.words[k].e <= e && self.name_tail(st, k) {
                end = st.words[k].e;
                k += 1;
            }
            // A foreigner is introduced with a country before the title (`… 칠레 외교장관`); two
            // Korean names side by side are two people.
            let country = st.words.get(k).is_some_and(|w| {
                st.entities.iter().any(|en| (en.kind == crate::extract::entities::LOCATION || en.kind == ORGANIZATION) && en.span.start == st.base + w.s)
            });
            if country {
                let full = st.text(persons[0].span.start - st.base, end);
                roles.remember(span.start, "", &full);
                return Some((full, true));
            }
        }
        // A name in marks (`사공다은 '천둥회' 회장`) names a group or a work, not the speaker.
        let in_marks = |en: &Entity| {
            let (a0, a1) = (en.span.start - st.base, en.span.end - st.base);
            a0 > 0 && st.chars.get(a0 - 1).is_some_and(|&c| closer_for(c).is_some()) && st.chars.get(a1).copied().is_some_and(is_mark)
        };
        let named: Vec<&&Entity> = inside.iter().filter(|en| en.kind == PERSON && !in_marks(en)).collect();
        let named = self.title_holder(st, named, &inside);
        for en in named {
            // `김모(45)씨`: an anonymized person is the surname alone, never a full name that
            // happens to share it.
            let surface = st.text(en.span.start - st.base, en.span.end - st.base);
            let names: Vec<String> = if surface.chars().count() == 1 && st.chars.get(en.span.end - st.base) == Some(&'모') {
                vec![surface]
            } else {
                en.canonical.split(';').map(str::to_string).collect()
            };
            for name in names {
                if !name.is_empty() && !people.contains(&name) {
                    people.push(name);
                }
            }
        }
        if !people.is_empty() {
            return Some((people.join(";"), true));
        }
        if let Some(surname) = self.anonymized_before_title(st, s, e) {
            return Some((surname, true));
        }
        // `수원 블루스톰의 알렉스 베르너 감독`: names by ko-dic alone right before the title.
        if let Some(last) = st.words.get(st.word_from(e.saturating_sub(1))).filter(|w| w.s > s && w.s < e) {
            let title = st.slice(last.s, e.min(last.e));
            if self.is_title(st, last, title) {
                if let Some(name) = self.name_words_before(st, s, last.s) {
                    roles.remember(span.start, title, &name);
                    return Some((name, true));
                }
            }
        }
        if let Some((name, title)) = self.apposed_name(st, s, e) {
            roles.remember(span.start, title, &name);
            return Some((name, true));
        }
        if let Some(bare) = anonymized_name(st.slice(s, e)) {
            return Some((bare, true));
        }
        let orgs: Vec<&&Entity> = inside.iter().filter(|en| en.kind == ORGANIZATION).collect();
        // `대학병원과 종합병원 여덟 곳`: a phrase headed by a count is a group described by its
        // members, not the organization named in it.
        let counted = inside.iter().any(|en| en.kind == crate::extract::entities::QUANTITY && en.span.end == span.end);
        if !orgs.is_empty() && !counted {
            // `국민통합당 선거관리위원회`: organizations written next to each other are one name.
            // `국토교통부와 서울시`: organizations joined by 와/과, a comma or 및 speak jointly.
            let name_of = |first: &Entity, last: &Entity| {
                if std::ptr::eq(first, last) {
                    if first.canonical.is_empty() { st.text(first.span.start - st.base, first.span.end - st.base) } else { first.canonical.clone() }
                } else {
                    format!("{} {}", first.canonical, st.text(first.span.end - st.base, last.span.end - st.base).trim_start())
                }
            };
            let mut names: Vec<String> = Vec::new();
            let (mut first, mut last) = (*orgs[0], *orgs[0]);
            for o in &orgs[1..] {
                let gap = st.text(last.span.end - st.base, o.span.start - st.base);
                if gap.chars().all(|c| c == ' ') && !gap.is_empty() {
                    last = o;
                } else if matches!(gap.trim(), "와" | "과" | "," | "·" | "및" | ", 그리고") {
                    names.push(name_of(first, last));
                    (first, last) = (*o, *o);
                } else {
                    break;
                }
            }
            names.push(name_of(first, last));
            names.dedup();
            // `연대 관계자`, `연맹은`: the last word of a longer name the article gives.
            if let [name] = names.as_slice() {
                if let Some(full) = self.short_form(st, name, span.start) {
                    return Some((full, false));
                }
            }
            return Some((names.join(";"), false));
        }
        // A title that heads the phrase (`장관은`, `최고재무책임자(CFO)는`, `장관 측은`), not one
        // that modifies another noun (`대표 교체 계획은`).
        let head_role = inside.iter().rev().find(|en| en.kind == ROLE).filter(|role| {
            let rest = st.slice(role.span.end - st.base, e).trim();
            rest.is_empty() || matches!(rest, "측" | "쪽") || self.lex.speaker_nouns.contains(rest)
        });
        if let Some(role) = head_role {
            let text = st.slice(role.span.start - st.base, role.span.end - st.base);
            // `윤 전 원내대표`: a surname before the title picks the holder with that surname.
            let phrase = st.slice(s, role.span.start - st.base);
            let surname = phrase.split(' ').next().filter(|w| {
                let n = w.chars().count();
                (1..=2).contains(&n) && w.chars().all(is_hangul) && !matches!(*w, "전" | "현" | "새" | "각" | "두" | "세" | "이" | "그" | "한" | "해당")
            });
            if let Some(p) = surname.and_then(|sn| roles.holder_named(text, span.start, sn)) {
                return Some((p, true));
            }
            if let Some(p) = roles.holder(text, span.start) {
                return Some((p.to_string(), true));
            }
            return Some((st.text(s, e), false));
        }
        // (A slice of the sentence: copied only when it is the answer.)
        let text = st.slice(s, e);
        // `회사 관계자`, `시 대변인`: an official of an organization the article names elsewhere.
        let mut parts = text.split(' ');
        if let (Some(first), Some(last)) = (parts.next(), text.rsplit(' ').next()) {
            let speaking = matches!(last, "관계자" | "관계자들" | "대변인" | "측" | "쪽") || self.lex.speaker_nouns.contains(last);
            if first != last && speaking && crate::extract::entities::is_generic_org(first) {
                if let Some(org) = st.generic.resolve(first, span.start) {
                    return Some((org, false));
                }
            }
            if first != last && speaking && text.matches(' ').count() == 1 {
                if let Some(org) = self.short_form(st, first, span.start) {
                    return Some((org, false));
                }
            }
        }
        if crate::extract::entities::is_generic_org(text) {
            if let Some(org) = st.generic.resolve(text, span.start) {
                return Some((org, false));
            }
        }
        let head = text.rsplit(' ').next().unwrap_or(text);
        let head = head.strip_suffix('들').unwrap_or(head);
        if self.lex.speaker_nouns.contains(head) || self.ends_with_speaker_noun(head) {
            return Some((text.to_string(), false));
        }
        // Pronouns: 그, 그녀, 이들 — resolved by the caller through the carried speaker.
        if matches!(text, "그" | "그녀" | "그들" | "이들" | "그녀들") {
            return Some((String::new(), true));
        }
        None
    }

    /// Top-level quotation mark pairs (opening, closing) of a sentence. An opening mark without
    /// its closing mark in the sentence protects nothing.
    #[inline(never)]
    fn pairs(st: &Sent) -> Vec<(usize, usize)> {
        let c = &st.chars;
        let mut out = Vec::new();
        let mut i = 0;
        while i < c.len() {
            if let Some(closers) = closer_for(c[i]) {
                // An apostrophe inside a Latin word is not a mark (don't, O'Neil).
                let latin_before = i > 0 && c[i - 1].is_ascii_alphanumeric();
                if !(c[i] == '\'' && latin_before) {
                    if let Some(j) = (i + 1..c.len()).find(|&j| closers.contains(&c[j])) {
                        if j > i + 1 {
                            out.push((i, j));
                            i = j + 1;
                            continue;
                        }
                    }
                }
            }
            i += 1;
        }
        out
    }
}

/// Who holds which title, as the text introduces them (`홍은택 카카오 각자대표`), so that a
/// bare title (`장관은`) resolves to the latest person given it before.
#[derive(Default, Clone)]
pub(crate) struct RoleMemory {
    /// (position, title, person), in text order.
    seen: Vec<(usize, String, String)>,
    /// The canonical names of the document's people, in order of first mention.
    people: Vec<String>,
    /// (position, title, person) of people found in title phrases by the quotes stage itself
    /// (`편재윤 민생민주당 의원은`), in text order.
    found: std::cell::RefCell<Vec<(usize, String, String)>>,
    /// Set when `found` is read or written ([`RoleMemory::holder_named`], [`RoleMemory::remember`]):
    /// a subject found without it is the same whatever was remembered before.
    pub(crate) touched: std::cell::Cell<bool>,
}

impl RoleMemory {
    pub(crate) fn new(a: &Analysis) -> RoleMemory {
        let mut seen = Vec::new();
        let mut last_person: Option<&Entity> = None;
        for en in &a.entities {
            match en.kind.as_str() {
                k if k == PERSON => last_person = Some(en),
                k if k == ROLE => {
                    if let Some(p) = last_person {
                        if p.sentence == en.sentence && en.span.start >= p.span.end && en.span.start - p.span.end <= 16 && !p.canonical.contains(';') {
                            seen.push((en.span.start, a.text(en.span).to_string(), p.canonical.clone()));
                        }
                    }
                }
                k if k == ORGANIZATION => {}
                _ => last_person = None,
            }
        }
        let mut people: Vec<String> = Vec::new();
        for en in a.entities.iter().filter(|en| en.kind == PERSON && !en.canonical.contains(';')) {
            if !people.contains(&en.canonical) {
                people.push(en.canonical.clone());
            }
        }
        RoleMemory { seen, people, found: Default::default(), touched: Default::default() }
    }

    /// The same memory with nothing remembered by a stage yet (`found` emptied).
    pub(crate) fn forgetting(mut self) -> RoleMemory {
        self.found.get_mut().clear();
        self.touched.set(false);
        self
    }

    /// The holder of `title` whose name starts with `surname` (`윤 전 원내대표`), else the only
    /// person of the document with that surname.
    fn holder_named(&self, title: &str, before: usize, surname: &str) -> Option<String> {
        self.touched.set(true);
        let end = self.seen.partition_point(|(p, _, _)| *p < before);
        let fits = |p: &str| p.starts_with(surname) && p.chars().count() > surname.chars().count();
        if let Some((_, _, p)) = self.seen[..end].iter().rev().find(|(_, t, p)| (t == title || t.ends_with(title)) && fits(p)) {
            return Some(p.clone());
        }
        let found = self.found.borrow();
        if let Some((_, _, p)) = found.iter().rev().find(|(at, t, p)| *at < before && (t == title || t.ends_with(title)) && fits(p)) {
            return Some(p.clone());
        }
        let mut with = self.people.iter().chain(found.iter().map(|(_, _, p)| p)).filter(|p| fits(p));
        let one = with.next()?;
        with.all(|p| p == one).then(|| one.clone())
    }

    /// Remembers a person the quotes stage found in a title phrase at `at`.
    fn remember(&self, at: usize, title: &str, person: &str) {
        self.touched.set(true);
        let mut found = self.found.borrow_mut();
        if !found.iter().any(|(a, _, _)| *a == at) {
            found.push((at, title.to_string(), person.to_string()));
        }
    }

    fn holder(&self, title: &str, before: usize) -> Option<&str> {
        let end = self.seen.partition_point(|(p, _, _)| *p < before);
        self.seen[..end]
            .iter()
            .rev()
            .take(200)
            .find(|(_, t, _)| t == title || t.ends_with(title))
            .map(|(_, _, p)| p.as_str())
    }
}

/// A direct quote found in a sentence, before speakers are assigned.
#[derive(Debug, Clone)]
struct Found {
    o: usize,
    c: usize,
    /// End of the cue word after the closing mark (== c + 1 when none).
    cue_end: usize,
    /// Index of the verb word, if any.
    verb: Option<usize>,
    /// The next quote of the same chain shares this one's verb and speaker.
    chained: bool,
    kind: &'static str,
    /// Content span (relative) when it differs from the marks' inside (indirect quotes).
    content: (usize, usize),
    speaker: Option<(String, String)>,
    /// `"…"(탁 의원)`: the speaker named in brackets right after the closing mark.
    paren: Option<(usize, usize)>,
}

impl QuoteStage {
    /// The first predicate word at or after word `from` that is not inside a quote; `Err` when a
    /// quotation mark opens first (a chain).
    fn next_predicate(&self, st: &Sent, from: usize, pairs: &[(usize, usize)]) -> Result<Option<usize>, ()> {
        for k in from..st.words.len() {
            let w = &st.words[k];
            if let Some(&(o, _)) = pairs.iter().find(|&&(o, c)| w.s <= o && o < w.e || (w.s > o && w.e <= c + 1)) {
                if o >= w.s {
                    return Err(());
                }
                continue;
            }
            if st.has_lemma(w) && !adnominal(st, w) && !self.name_in_title_phrase(st, k) {
                return Ok(Some(k));
            }
        }
        Ok(None)
    }

    /// `"…"라고 편재윤 민생민주당 의원은 말했다`: a name-shaped word (which ko-dic may read as a
    /// verb, 편 = 펴+ㄴ) followed by words that end in a title with a subject particle.
    fn name_in_title_phrase(&self, st: &Sent, k: usize) -> bool {
        let w = &st.words[k];
        let person = st.entities.iter().any(|en| en.kind == PERSON && en.span.start <= st.base + w.s && st.base + w.e <= en.span.end);
        if self.name_word(st, k).is_none() && !self.name_tail(st, k) && !person {
            return false;
        }
        (k + 1..(k + 4).min(st.words.len())).any(|j| {
            let w = &st.words[j];
            match self.particle(st, w) {
                Some((e, _, _)) => {
                    let t = st.slice(w.s, e);
                    self.is_title(st, w, t.split('(').next().unwrap_or(t))
                }
                None => false,
            }
        })
    }

    /// Word `k` goes on a foreign name whose first words are a PERSON entity right before it
    /// (`마르셀라 이투라 솔리스`, where only the first two are tagged): Hangul only, no particle,
    /// no entity or title of its own.
    fn name_tail(&self, st: &Sent, k: usize) -> bool {
        if k == 0 {
            return false;
        }
        let (w, pw) = (&st.words[k], &st.words[k - 1]);
        let t = st.slice(w.s, w.e);
        let prev_person = st.entities.iter().any(|en| en.kind == PERSON && en.span.end == st.base + pw.e && !en.canonical.contains(';'));
        let span = st.abs(w.s, w.e);
        prev_person
            && t.chars().all(is_hangul)
            && (2..=5).contains(&t.chars().count())
            && !st.entities.iter().any(|en| en.span.start < span.end && span.start < en.span.end)
            && !self.titles.contains(t)
            && !st.word_morphs(w).iter().any(|m| tag(m).starts_with('J') || m.features.pos.contains("+J"))
    }

    /// Classifies the quotation mark pairs of a sentence into direct quotes.
    #[inline(never)]
    fn direct(&self, st: &Sent, pairs: &[(usize, usize)], after_cue_block: bool) -> Vec<Found> {
        let n = st.chars.len();
        let mut out: Vec<Found> = Vec::new();
        let mut pending: Vec<Found> = Vec::new();
        for (pi, &(o, c)) in pairs.iter().enumerate() {
            let inner = (o + 1, c);
            let mut k = c + 1;
            while k < n && is_hangul(st.chars[k]) {
                k += 1;
            }
            let mut cue = st.text(c + 1, k);
            let mut cue_end = k;
            if cue.is_empty() {
                // `"…" 라고 말했다`: the cue written as its own word.
                let mut j = c + 1;
                while j < n && crate::segment::is_space(st.chars[j]) {
                    j += 1;
                }
                let mut m = j;
                while m < n && is_hangul(st.chars[m]) {
                    m += 1;
                }
                let word = st.text(j, m);
                if j > c + 1 && self.lex.cue_speech.contains(&word) && word != "하고" {
                    cue = word;
                    cue_end = m;
                }
            }
            // `"…"(탁 의원), "…"(이 장관)`: an exchange with each speaker in brackets after the quote.
            let paren = if cue.is_empty() { self.paren_speaker(st, c) } else { None };
            if let Some((_, pe)) = paren {
                cue_end = pe + 1;
            }
            let chain_next = {
                let mut j = cue_end;
                while j < n && (crate::segment::is_space(st.chars[j]) || matches!(st.chars[j], ',' | '·' | '、')) {
                    j += 1;
                }
                pairs.get(pi + 1).is_some_and(|&(o2, _)| o2 == j)
            };
            let found = |verb: Option<usize>, chained: bool| Found {
                o,
                c,
                cue_end,
                verb,
                chained,
                kind: DIRECT,
                content: inner,
                speaker: None,
                paren,
            };
            let decision: Option<Found> = if paren.is_some() {
                let multiword = st.chars[inner.0..inner.1].iter().any(|&ch| crate::segment::is_space(ch));
                (multiword || st.clausal(inner.0, inner.1)).then(|| found(None, false))
            } else if cue.is_empty() {
                if chain_next {
                    Some(found(None, true))
                } else {
                    let mut j = c + 1;
                    while j < n && (crate::segment::is_space(st.chars[j]) || matches!(st.chars[j], '.' | '!' | '?' | '…' | ')' | ']' | '”')) {
                        j += 1;
                    }
                    let at_end = j >= n;
                    let alone = st.chars[..o].iter().all(|&ch| !ch.is_alphanumeric() && !is_hangul(ch));
                    let headline = matches!(st.kind, BlockKind::Headline | BlockKind::Subhead | BlockKind::Caption);
                    let clausal = st.clausal(inner.0, inner.1);
                    let named_before = self.name_before(st, o).is_some()
                        // `업계 "…"`, `업체 "…" 보상 선 긋기`: a headline's speaker written as a speaking noun.
                        || (headline
                            && word_before(st, o).is_some_and(|(s, e)| {
                                let w = st.slice(s, e);
                                let w = w.strip_suffix('들').unwrap_or(w);
                                self.lex.speaker_nouns.contains(w) || crate::extract::entities::is_generic_org(w)
                            }));
                    let multiword = st.chars[inner.0..inner.1].iter().any(|&ch| crate::segment::is_space(ch));
                    // A headline is made of segments joined by `…` or `vs` (`"이번 주 처리" vs "…"…
                    // 여야 충돌`): words in double marks that end a segment stand alone like words
                    // that end the headline. Single marks there are mostly terms (`'깜짝 실적'`).
                    let seg_end = headline && matches!(st.chars[o], '"' | '“') && segment_end(st, c + 1);
                    let yes = (alone && at_end && (clausal || after_cue_block || multiword))
                        || (headline && (at_end || seg_end) && (clausal || multiword || named_before))
                        // `12개국 외교장관 ‘산티아고 공동선언’ 채택`: single marks in a headline with more
                        // words after them hold a name unless they hold a clause.
                        || (named_before && (clausal || (headline && (at_end || seg_end || matches!(st.chars[o], '"' | '“')))))
                        || (st.kind == BlockKind::Body && at_end && clausal);
                    if yes {
                        Some(found(None, false))
                    } else if alone && st.kind == BlockKind::Body && (clausal || multiword) {
                        // `"정말 무서웠어요." 현장을 본 최모씨는 이렇게 말했다`, `"…" 정모씨의 말이다`:
                        // a quote that is a sentence of its own, reported by the words after it.
                        self.reported_after(st, o, c, pairs).map(|v| found(Some(v), false))
                    } else {
                        None
                    }
                }
            } else if self.lex.cue_speech.contains(&cue) && self.labels_a_thing(st, cue_end) {
                // `'아이들 통학로를 지켜 주세요'라고 적힌 손팻말`: words written on a thing.
                None
            } else if self.lex.cue_speech.contains(&cue) {
                match self.next_predicate(st, st.word_from(cue_end), pairs) {
                    Err(()) => Some(found(None, true)),
                    Ok(Some(v)) => {
                        let lemma = st.lemma(&st.words[v]).unwrap_or_default();
                        if self.lex.naming.contains(&lemma) {
                            None
                        } else {
                            Some(found(Some(v), false))
                        }
                    }
                    Ok(None) => Some(found(None, false)),
                }
            } else if self.lex.cue_nominal.contains(&cue) {
                // "…"는 입장이다 / "…"라는 지적이 나왔다: clause content and a speech noun next.
                let wi = st.word_from(cue_end);
                let noun_ok = st.words.get(wi).is_some_and(|w| {
                    st.word_morphs(w)
                        .iter()
                        .find(|m| nominal(m))
                        .is_some_and(|m| self.lex.speech_nouns.contains(&st.morph_text(m)))
                });
                // `"…"는 게 그의 설명이다`: 게 (것이), then the speech noun with the copula.
                let thing = st.words.get(wi).is_some_and(|w| matches!(st.slice(w.s, w.e), "게" | "것이"));
                let pred = thing
                    .then(|| {
                        (wi + 1..(wi + 4).min(st.words.len())).find(|&k| {
                            let ms = st.word_morphs(&st.words[k]);
                            ms.iter().any(|m| tag(m) == "VCP") && ms.iter().any(|m| nominal(m) && self.lex.speech_noun_pred.contains(&st.morph_text(m)))
                        })
                    })
                    .flatten();
                // `"…검토하느냐"는 질문에 공 장관은`: a speech noun with an adverbial case particle
                // names the question or remark the sentence answers; it is no quote of its own.
                let answered = !thing
                    && st.words.get(wi).is_some_and(|w| {
                        let ms = st.word_morphs(w);
                        ms.iter().any(|m| tag(m) == "JKB" && st.morph_str(m).starts_with('에')) && !ms.iter().any(|m| predicate(m))
                    });
                if answered {
                    None
                } else if let Some(v) = pred.filter(|_| st.clausal(inner.0, inner.1) || after_cue_block) {
                    Some(found(Some(v), false))
                } else if noun_ok && (st.clausal(inner.0, inner.1) || after_cue_block) {
                    let v = self.next_predicate(st, wi, pairs).unwrap_or_default();
                    Some(found(v, false))
                } else {
                    None
                }
            } else {
                None
            };
            match decision {
                Some(f) if f.chained => pending.push(f),
                Some(f) => {
                    for mut p in pending.drain(..) {
                        p.verb = f.verb;
                        out.push(p);
                    }
                    out.push(f);
                }
                None => {
                    // The chain broke: what was pending has no cue of its own.
                    for p in pending.drain(..) {
                        if st.clausal(p.content.0, p.content.1) {
                            out.push(p);
                        }
                    }
                }
            }
        }
        for p in pending.drain(..) {
            if st.clausal(p.content.0, p.content.1) {
                out.push(p);
            }
        }
        out
    }

    /// The word after a quotative cue is an adnominal form of a naming or writing verb that
    /// modifies a noun (`'…'라고 적힌 손팻말`, `'…'라고 불리는 사업`).
    fn labels_a_thing(&self, st: &Sent, cue_end: usize) -> bool {
        st.words.get(st.word_from(cue_end)).is_some_and(|w| adnominal(st, w) && st.lemma(w).is_some_and(|l| self.lex.naming.contains(&l)))
    }

    /// The verb word that reports a quote standing as a sentence of its own (its words end in
    /// `.`, `!`, `?` or `…`) from the words after it: a reporting verb after `이렇게`/`그렇게`/`이같이`
    /// (`최씨는 당시 상황을 이렇게 전했다`), or a speech noun with the copula ending the sentence
    /// (`정모씨의 말이다`, `… 관계자의 설명이다`).
    fn reported_after(&self, st: &Sent, o: usize, c: usize, pairs: &[(usize, usize)]) -> Option<usize> {
        let inner_end = st.chars[o + 1..c].iter().rev().find(|ch| !crate::segment::is_space(**ch));
        let after = st.chars.get(c + 1);
        if !(matches!(inner_end, Some('.' | '!' | '?' | '…')) || matches!(after, Some('.' | '!' | '?' | '…'))) {
            return None;
        }
        if pairs.iter().any(|&(o2, _)| o2 > c) {
            return None;
        }
        let first = st.word_from(c + 1);
        let words = &st.words[first.min(st.words.len())..];
        let last = words.len().checked_sub(1)? + first;
        let lw = &st.words[last];
        let ms = st.word_morphs(lw);
        if ms.iter().any(|m| tag(m) == "VCP") && ms.iter().any(|m| nominal(m) && self.lex.speech_noun_pred.contains(&st.morph_text(m))) && last > first {
            return Some(last);
        }
        let thus = (first..=last).find(|&k| matches!(st.slice(st.words[k].s, st.words[k].e), "이렇게" | "그렇게" | "이같이"))?;
        (thus + 1..=last).find(|&k| {
            let w = &st.words[k];
            !adnominal(st, w) && st.lemma(w).is_some_and(|l| self.lex.verbs.contains(&l))
        })
    }

    /// `"…"(탁 의원)`: the inside of round brackets right after the closing mark at `c` when it
    /// names a person, an organization or a title (not `(가칭)`, `(2024)`).
    fn paren_speaker(&self, st: &Sent, c: usize) -> Option<(usize, usize)> {
        if st.chars.get(c + 1) != Some(&'(') {
            return None;
        }
        let s = c + 2;
        let e = (s..st.chars.len().min(s + 30)).find(|&j| st.chars[j] == ')')?;
        let span = st.abs(s, e);
        let named = st.entities.iter().any(|en| matches!(en.kind.as_str(), "PERSON" | "ORGANIZATION" | "ROLE") && span.contains(&en.span));
        let last = st.slice(s, e).rsplit(' ').next().unwrap_or("");
        (e > s && (named || self.lex.speaker_nouns.contains(last))).then_some((s, e))
    }

    /// A named entity (or title) right before position `o` (`홍은택 "…"` in a headline).
    fn name_before(&self, st: &Sent, o: usize) -> Option<(usize, usize)> {
        let mut j = o;
        while j > 0 && (crate::segment::is_space(st.chars[j - 1]) || matches!(st.chars[j - 1], ':' | '…' | '·' | ',')) {
            j -= 1;
        }
        let end = st.base + j;
        let last = st
            .entities
            .iter()
            .filter(|en| matches!(en.kind.as_str(), "PERSON" | "ORGANIZATION" | "ROLE"))
            .find(|en| en.span.end == end)?;
        // Extend left over adjacent entities (`남궁훈 카카오 대표`).
        let mut s = last.span.start;
        loop {
            let prev = st.entities.iter().find(|en| {
                matches!(en.kind.as_str(), "PERSON" | "ORGANIZATION" | "ROLE")
                    && en.span.end < s
                    && st.chars[en.span.end - st.base..s - st.base].iter().all(|&c| crate::segment::is_space(c) || c == ',')
            });
            match prev {
                Some(p) => s = p.span.start,
                None => break,
            }
        }
        // `베르너 감독 "…"`: a name the entity stage left untagged, before the title.
        let mut k = st.word_from(s - st.base);
        while k > 0 && st.words[k - 1].e + 1 == s - st.base && self.dictionary_name(st, k - 1) {
            s = st.base + st.words[k - 1].s;
            k -= 1;
        }
        Some((s - st.base, j))
    }

    /// Indirect quotes of a sentence, outside the direct quotes' marks and cues.
    #[inline(never)]
    fn indirect(&self, st: &Sent, direct: &[Found], pairs: &[(usize, usize)]) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        let covered = |s: usize, e: usize| pairs.iter().any(|&(o, c)| s <= c && o <= e);
        for (wi, w) in st.words.iter().enumerate() {
            if covered(w.s, w.e.saturating_sub(1)) {
                continue;
            }
            let text = st.slice(w.s, w.e).trim_end_matches([',', '.']);
            // Every ending ends in one of these: most words are ruled out by their last character.
            if !text.ends_with(['고', '는', '도', '서', '며']) {
                continue;
            }
            let Some(&(ending, tail, pat)) = self.endings.iter().find(|(e, _, _)| text.ends_with(e)) else { continue };
            if text.chars().count() <= ending.chars().count() {
                continue;
            }
            // The ending must be a verb ending (or the quotative particle), not part of a noun.
            let last = st.word_morphs(w).iter().rev().find(|m| !punct(m));
            let ok = last.is_some_and(|m| {
                let p = &*m.features.pos;
                p.starts_with('E') || p.contains("+E") || p == "JKQ" || (p == "JX" && tail == 2)
            });
            if !ok {
                continue;
            }
            let content_end = w.s + text.chars().count() - tail;
            let verb = match pat {
                Pattern::Say => self.reporting_verb(st, wi + 1, pairs),
                Pattern::Noun => self.noun_then_verb(st, wi + 1, pairs),
                Pattern::While => match self.next_predicate(st, wi + 1, pairs) {
                    Ok(Some(v)) => Some(v),
                    _ => None,
                },
            };
            let Some(verb) = verb else { continue };
            // Where the clause starts: after the previous quote of the sentence, after the
            // speaker's particle, past words of the reporting sentence (이날, 19일).
            let mut start = 0;
            for d in direct.iter().filter(|d| d.c < w.s) {
                start = start.max(d.cue_end);
            }
            for q in out.iter() {
                start = start.max(q.cue_end);
            }
            // Never across quotation marks: after the word that closes the last pair before it.
            // A name or term in marks that the clause goes on through (`'청년주거안정특별법'을
            // 처리하겠다고`, `'…' 서비스를 열겠다고`) is part of the clause, not a boundary.
            for &(_, c) in pairs.iter().filter(|&&(o, c)| c < w.s && (direct.iter().any(|d| d.o == o) || !self.term_in_clause(st, c))) {
                let wi = st.word_from(c);
                start = start.max(st.words.get(wi).map_or(c + 1, |x| x.e));
            }
            out.push(Found {
                o: start,
                c: content_end,
                cue_end: w.e,
                verb: Some(verb),
                chained: false,
                kind: INDIRECT,
                content: (start, content_end),
                speaker: None,
                paren: None,
            });
        }
        out
    }

    /// The marks closing at `c` hold a name or term that its clause goes on through: a case
    /// particle that is no quotative cue right after the mark (`'…'을`, `'…'에`), or a noun
    /// after it (`'…' 서비스도`).
    fn term_in_clause(&self, st: &Sent, c: usize) -> bool {
        let n = st.chars.len();
        let mut k = c + 1;
        while k < n && is_hangul(st.chars[k]) {
            k += 1;
        }
        let at = st.base + c + 1;
        // `'어대김'(어차피 당대표는 김태윤) 현상을`: a term glossed in brackets right after its marks.
        if k == c + 1 && st.chars.get(k) == Some(&'(') {
            return true;
        }
        if k > c + 1 {
            let suffix = st.slice(c + 1, k);
            if self.lex.cue_speech.contains(suffix) || self.lex.cue_nominal.contains(suffix) {
                return false;
            }
            let ms: Vec<&Morph> = st.morphs.iter().filter(|m| m.span.start >= at && m.span.end <= st.base + k).collect();
            return !ms.is_empty() && ms.iter().all(|m| tag(m).starts_with('J') && !m.features.pos.contains("+E"));
        }
        if k < n && !crate::segment::is_space(st.chars[k]) {
            return false;
        }
        let wi = st.word_from(k);
        st.words.get(wi).is_some_and(|w| {
            let ms = st.word_morphs(w);
            ms.first().is_some_and(|m| nominal(m))
                && ms.iter().all(|m| !predicate(m) && !m.features.pos.starts_with('E') && !m.features.pos.contains("+E"))
        })
    }

    /// `~다고 [19일] 밝혔다`: a reporting verb within a few words, past date words and adverbs.
    fn reporting_verb(&self, st: &Sent, from: usize, pairs: &[(usize, usize)]) -> Option<usize> {
        for k in from..(from + 6).min(st.words.len()) {
            let w = &st.words[k];
            if pairs.iter().any(|&(o, c)| w.s <= c && o < w.e) {
                return None;
            }
            let Some(lemma) = st.lemma(w) else { continue };
            if lemma == "하" && ["한다", "합니다", "한대", "하더라"].iter().any(|h| st.word_text(w).starts_with(h)) {
                // `~다고 한다`: hearsay the reporter passes on, with no speaker.
                return None;
            }
            if self.lex.verbs.contains(&lemma) && !adnominal(st, w) {
                return Some(k);
            }
            if adnominal(st, w) {
                continue;
            }
            if lemma == "통하" || lemma == "대하" {
                continue;
            }
            return None;
        }
        None
    }

    /// `~다는 계획도 밝혔다`, `~다는 입장이다`.
    fn noun_then_verb(&self, st: &Sent, from: usize, pairs: &[(usize, usize)]) -> Option<usize> {
        let w = st.words.get(from)?;
        let ms = st.word_morphs(w);
        let noun = ms.iter().find(|m| nominal(m))?;
        let noun = st.morph_text(noun);
        // `~다는 게 군의 설명이다`: 게 (것이) is no speech noun; the one after it is.
        if !self.lex.speech_nouns.contains(&noun) && !matches!(noun.as_str(), "게" | "것") {
            return None;
        }
        if self.lex.speech_noun_pred.contains(&noun) && ms.iter().any(|m| tag(m) == "VCP") {
            return Some(from);
        }
        if matches!(noun.as_str(), "게" | "것") {
            // `~다는 게 군의 설명이다`.
            return (from + 1..(from + 4).min(st.words.len())).find(|&k| {
                let ms = st.word_morphs(&st.words[k]);
                ms.iter().any(|m| tag(m) == "VCP") && ms.iter().any(|m| nominal(m) && self.lex.speech_noun_pred.contains(&st.morph_text(m)))
            });
        }
        self.reporting_verb(st, from + 1, pairs)
    }
}

impl Stage for QuoteStage {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn assigns(&self) -> &'static str {
        "quotes"
    }

    fn run(&self, a: &mut Analysis) {
        let mut prepared = Prepared::default();
        let quotes = self.find_keeping(a, &mut prepared);
        a.quotes = quotes;
        a.prepared = prepared;
    }

    fn fork(&self) -> Box<dyn Stage> {
        Box::new(self.clone())
    }
}

impl QuoteStage {
    /// `text` contains one of the quotative endings (`self.endings`): one pass over the text,
    /// trying the endings only where a character that starts one of them is.
    fn has_ending(&self, text: &str) -> bool {
        text.char_indices().any(|(i, c)| {
            matches!(c, '다' | '라' | '냐' | '자') && self.endings.iter().any(|(e, _, _)| text[i..].starts_with(e))
        })
    }

    /// The quotes of a document; the sentences read and the generic organization words are kept
    /// in `prepared` for the commitments stage.
    fn find_keeping(&self, a: &Analysis, prepared: &mut Prepared) -> Vec<Quote> {
        let roles = RoleMemory::new(a);
        let generic = GenericOrgs::new(a, &a.entities);
        let mut kept: Vec<Option<SentParts>> = vec![None; a.sentences.len()];
        // The document's people: its PERSON entities, and the names the quotes stage reads in
        // title phrases (added as they are found).
        let mut people: FxHashSet<String> = a.entities.iter().filter(|e| e.kind == PERSON).map(|e| e.canonical.clone()).collect();
        // Names as written and canonical → canonical, for the labels of broadcast bites.
        let mut names: Names = Names::default();
        for en in &a.entities {
            let map = match en.kind.as_str() {
                "PERSON" => &mut names.person,
                "ORGANIZATION" => &mut names.org,
                _ => continue,
            };
            map.entry(a.text(en.span)).or_insert(en.canonical.as_str());
            map.entry(en.canonical.as_str()).or_insert(en.canonical.as_str());
        }
        // Entities by sentence.
        let by_sentence = BySentence::new(a);
        // The block each sentence is in, and the cue line right before that block.
        let mut block_of = Vec::with_capacity(a.sentences.len());
        let mut bi = 0;
        for s in &a.sentences {
            while bi + 1 < a.blocks.len() && a.blocks[bi].span.end <= s.span.start {
                bi += 1;
            }
            block_of.push(bi);
        }
        // Interview articles (`―질문` lines, each answered by a paragraph in quotation marks): the
        // person interviewed is the one the article names most, leaving out its reporters.
        // `다음은 노하린과의 일문일답`: the article names the person interviewed.
        let announced = a.doc.text.contains("일문일답").then(|| {
            a.sentences.iter().enumerate().find_map(|(si, s)| {
                let t = a.text(s.span);
                if !t.contains("일문일답") {
                    return None;
                }
                by_sentence[si].iter().find(|en| en.kind == PERSON && !en.canonical.contains(';')).map(|en| en.canonical.clone())
            })
        });
        // Is sentence `si` a paragraph that answers a question line right before it?
        let answers_question = |si: usize| -> bool {
            let text = a.text(a.sentences[si].span);
            if !text.starts_with(|c: char| closer_for(c).is_some()) || si == 0 || block_of[si - 1] == block_of[si] {
                return false;
            }
            let mut q = si - 1;
            while q > 0 && block_of[q - 1] == block_of[si - 1] {
                q -= 1;
            }
            let first = a.text(a.sentences[q].span).trim_start();
            first.starts_with(['―', '—', '–', '-']) || first.starts_with("Q.") || first.starts_with("Q:") || first.starts_with("질문")
        };
        // `권 교수에게 물었다.` then the questions: the person named in the paragraph that leads
        // into the first question (in a sentence without quotation marks, so not somebody quoted
        // there), when the article does not announce its Q&A.
        let introduced = || -> Option<String> {
            let first = (1..a.sentences.len()).find(|&si| answers_question(si))?;
            let qb = block_of[first - 1];
            let mut q = first - 1;
            while q > 0 && block_of[q - 1] == qb {
                q -= 1;
            }
            let lead = block_of[q.checked_sub(1)?];
            if a.blocks[lead].kind != BlockKind::Body {
                return None;
            }
            (0..q).rev().take_while(|&si| block_of[si] == lead).find_map(|si| {
                if has_opening_mark(a.text(a.sentences[si].span)) {
                    return None;
                }
                by_sentence[si].iter().rev().find_map(|en| {
                    if en.kind == PERSON && !en.canonical.contains(';') && !a.doc.meta.byline.split(';').any(|r| r == en.canonical) {
                        return Some(en.canonical.clone());
                    }
                    // `권 교수에게`: a surname before a title, for a person the entity stage left
                    // untagged but an earlier title phrase named (`권도윤 서해대 신경과 교수는`).
                    if en.kind != ROLE || en.span.start < 2 {
                        return None;
                    }
                    let before = a.text(Span::new(a.sentences[si].span.start, en.span.start));
                    let surname = before.strip_suffix(' ')?.rsplit(' ').next()?;
                    (self.surnames.contains(surname) && surname.chars().count() <= 2).then(|| roles.holder_named(a.text(en.span), en.span.start, surname)).flatten()
                })
            })
        };
        // Decided at the first answer, when the title phrases before it have been read.
        let interviewee_of = || announced.clone().flatten().or_else(introduced).or_else(|| {
            let mut counts: rustc_hash::FxHashMap<&str, usize> = Default::default();
            for en in a.entities.iter().filter(|en| en.kind == PERSON && !en.canonical.contains(';')) {
                if !a.doc.meta.byline.split(';').any(|r| r == en.canonical) {
                    *counts.entry(en.canonical.as_str()).or_default() += 1;
                }
            }
            counts.into_iter().max_by_key(|&(c, n)| (n, std::cmp::Reverse(c))).map(|(c, _)| c.to_string())
        });
        let mut interviewee: Option<Option<String>> = None;
        let mut out: Vec<Quote> = Vec::new();
        let mut carry = Carry::default();
        let mut bites_done: FxHashSet<usize> = FxHashSet::default();
        // A quote that opens the story before anybody is named (`"버스가 하루 두 번뿐이여."` then
        // `… 정류장에서 만난 이순녀(82)씨가 …`): its speaker is the first person a following
        // sentence makes its subject. (index in `out`, sentence) of such quotes.
        let mut lede: Vec<(usize, usize)> = Vec::new();
        for si in 0..a.sentences.len() {
            let sentence = &a.sentences[si];
            let block = block_of[si];
            // Broadcast bites: `[이름/직함 : 말]` lines, and lines after an interview cue.
            if let Some((desc, speech)) = bracket_bite(a, &a.blocks[block]) {
                if bites_done.insert(block) {
                    let (speaker, speaker_text) = self.cue_speaker(&names, &desc);
                    if !speaker.is_empty() {
                        carry.set(&speaker, &people);
                    }
                    out.push(Quote { sentence: si, span: speech, kind: DIRECT.into(), speaker, speaker_text, verb: String::new() });
                }
                continue;
            }
            let cue_block = self.interview_cue_before(a, block);
            let text = a.text(sentence.span);
            let has_mark = has_opening_mark(text);
            let b = &a.blocks[block];
            // Marks anywhere in the line (even one left open) mean it is no bite without marks:
            // its sentences are read one by one, and none of them may take the whole line.
            // (Read only for a line after a cue.)
            let line_has_mark = || has_mark || has_opening_mark(a.text(b.span));
            if let Some(cue) = cue_block.filter(|_| !line_has_mark() && bites_done.insert(block)) {
                // A bite written without marks: the whole line is the quote (it starts in this
                // sentence, the line's first).
                let (speaker, speaker_text) = self.cue_speaker(&names, cue);
                out.push(Quote { sentence: si, span: b.span, kind: DIRECT.into(), speaker, speaker_text, verb: String::new() });
                continue;
            }
            if cue_block.is_some() && !has_mark {
                continue;
            }
            let maybe_indirect = self.has_ending(text);
            // Every body sentence is read: one without a quote may still name the subject that the
            // next sentence leaves out (`과기정통부는 …을 검토하고 있다. 다만 …는 없다고 선을 그었다`).
            if !has_mark && !maybe_indirect && sentence.kind != BlockKind::Body {
                continue;
            }
            if sentence.span.len() > MAX_SENTENCE_CHARS {
                continue;
            }
            let st = Sent::new(a, si, &by_sentence[si], &generic);
            let pairs = if has_mark { Self::pairs(&st) } else { Vec::new() };
            let mut found = if pairs.is_empty() { Vec::new() } else { self.direct(&st, &pairs, cue_block.is_some()) };
            let mut ind = if maybe_indirect && sentence.kind == BlockKind::Body { self.indirect(&st, &found, &pairs) } else { Vec::new() };
            let quoted: Vec<(usize, usize)> = found.iter().map(|f| (f.o, f.c)).collect();
            let (subjects, memo) = self.subjects(&st, &pairs, &roles, None);
            for s in subjects.iter().filter(|s| s.person && !s.speaker.is_empty() && !s.speaker.contains(';')) {
                if !people.contains(&s.speaker) {
                    people.insert(s.speaker.clone());
                }
            }
            let body = sentence.kind == BlockKind::Body;
            // Speakers of direct quotes.
            let mut prev_speaker: Option<(String, String)> = None;
            for k in 0..found.len() {
                let f = &found[k];
                let chained_from_prev = k > 0 && found[k - 1].chained;
                let before = subjects.iter().filter(|s| s.pe <= f.o && !quoted.iter().any(|&(o, c)| s.s > o && s.e <= c));
                let named = before.clone().filter(|s| !s.generic);
                let topic = named.clone().rfind(|s| s.topic).map(|t| {
                    // `민생민주당은 …하려 했으나, 국민통합당이 "…"며`: the topic's clause has ended
                    // before the nearer subject, whose clause holds the quote.
                    named.clone().rfind(|n| !n.topic && n.s >= t.pe && clause_break(&st, t.pe, n.s)).unwrap_or(t)
                });
                let pick = topic.or_else(|| named.clone().next_back()).or_else(|| {
                    // Any subject right before the quote, with no predicate between them and not
                    // across an ellipsis (`…버스가 두 번으로…"장날에도 못 가요"` is two clauses).
                    before.clone().next_back().filter(|s| {
                        let (w0, w1) = (st.word_from(s.pe), st.word_from(f.o));
                        let gap = st.text(s.pe, f.o);
                        (w0..w1).all(|k| !st.has_lemma(&st.words[k]) || adnominal(&st, &st.words[k])) && !gap.contains('…') && !gap.contains("...")
                    })
                })
                .or_else(|| {
                    // `주민 30여명은 시청 앞에서 집회를 열고 "…"고 요구했다`: a group named by a common
                    // noun, the topic of the sentence, speaks when no named subject comes before
                    // the quote, whatever it did on the way (as for indirect quotes).
                    before.clone().find(|s| s.generic && s.topic && group_subject(&st, s))
                });
                let mut speaker = pick.map(|s| (self.paragraph_body(&st, s, &carry).unwrap_or_else(|| carry.resolve(s)), st.text(s.s, s.e)));
                if let Some((ps, pe)) = f.paren {
                    if let Some((sp, _)) = self.speaker_of(&st, ps, pe, &roles).filter(|(sp, _)| !sp.is_empty()) {
                        speaker = Some((sp, st.text(ps, pe)));
                    }
                }
                if speaker.is_none() && !body {
                    if let Some((s, e)) = self.name_before(&st, f.o) {
                        speaker = self.speaker_of(&st, s, e, &roles).map(|(sp, _)| (sp, st.text(s, e)));
                    }
                }
                if speaker.is_none() && !body {
                    // A headline's speaker written as a common noun (`업계 "…"`, `피해자들 "…"`).
                    if let Some((s, e)) = word_before(&st, f.o) {
                        speaker = self.speaker_of(&st, s, e, &roles).filter(|(sp, _)| !sp.is_empty()).map(|(sp, _)| (sp, st.text(s, e)));
                    }
                }
                if chained_from_prev && prev_speaker.is_some() && pick.is_none_or(|s| s.pe <= found[k - 1].o) {
                    speaker = prev_speaker.clone();
                }
                if speaker.is_none() {
                    // After the quote: `"…"라고 홍 대표는 말했다`.
                    let mut end_chain = k;
                    while end_chain < found.len() && found[end_chain].chained {
                        end_chain += 1;
                    }
                    let last = &found[end_chain.min(found.len() - 1)];
                    let stop = last.verb.map(|v| st.words[v].s).unwrap_or(st.chars.len());
                    speaker = subjects
                        .iter()
                        .find(|s| s.s >= last.cue_end && s.e <= stop && !s.generic)
                        .map(|s| (carry.resolve(s), st.text(s.s, s.e)));
                }
                if speaker.is_none() {
                    // `"…" 정모(45)씨의 말이다`: the one whose words they are.
                    speaker = f.verb.filter(|&v| v > 0 && st.words[v - 1].s > f.c).and_then(|v| {
                        let gw = &st.words[v - 1];
                        let gt = st.slice(gw.s, gw.e);
                        let owner = gt.strip_suffix('의')?;
                        let e = gw.s + owner.chars().count();
                        let ms = st.word_morphs(&st.words[v]);
                        let (sp, _) = (ms.iter().any(|m| tag(m) == "VCP")).then(|| self.speaker_of(&st, gw.s, e, &roles)).flatten()?;
                        // `그의 설명이다`: the pronoun's antecedent.
                        let sp = if sp.is_empty() { carry.pronoun(matches!(owner, "이들" | "그들")) } else { sp };
                        (!sp.is_empty()).then(|| (sp, st.text(gw.s, e)))
                    });
                }
                if speaker.is_none() {
                    if let Some(cue) = cue_block {
                        if st.chars[..f.o].iter().all(|&ch| !is_hangul(ch) && !ch.is_alphanumeric()) {
                            speaker = Some(self.cue_speaker(&names, cue));
                        }
                    }
                }
                if let Some((sp, _)) = &speaker {
                    if sp.is_empty() {
                        // A pronoun subject (그는, 이들은): the carried person or people.
                        let t = speaker.as_ref().unwrap().1.clone();
                        let plural = matches!(t.as_str(), "이들" | "그들" | "그녀들");
                        speaker = Some((carry.pronoun(plural), t));
                    }
                }
                let speaker = match speaker {
                    Some(s) => s,
                    // An answer under a question line, even where the page's layout made it look
                    // like a caption.
                    None if f.o == 0 && answers_question(si) => (interviewee.get_or_insert_with(interviewee_of).clone().unwrap_or_else(|| carry.speaker.clone()), String::new()),
                    None if body => (carry.speaker.clone(), String::new()),
                    None => (String::new(), String::new()),
                };
                prev_speaker = Some(speaker.clone());
                found[k].speaker = Some(speaker);
            }
            // Speakers of indirect quotes, and where their clause starts.
            for q in ind.iter_mut() {
                let region = q.o;
                let cands: Vec<&Subject> = subjects.iter().filter(|s| !s.generic && s.s >= region && s.pe <= q.c && !quoted.iter().any(|&(o, c)| s.s > o && s.e <= c)).collect();
                // `그러면서 1심 재판부가 …을 믿었다고 주장했다`: a sentence that goes on with the
                // last speaker leaves the speaker out, so a 이/가 subject is the reported clause's own.
                let continued = st.words.first().is_some_and(|w| self.lex.carry_lead.contains(st.slice(w.s, w.e).trim_end_matches(',')));
                // `기재부는 …로 보고 있지만, 야당은 …다고 주장했다`: a topic whose clause has ended gives
                // way to the next one.
                let mut topic = cands.iter().find(|s| s.topic);
                for n in cands.iter().filter(|s| s.topic) {
                    if topic.is_some_and(|t| n.s > t.pe && clause_break(&st, t.pe, n.s)) {
                        topic = Some(n);
                    }
                }
                let pick = topic.or_else(|| cands.first().filter(|_| !continued)).copied().or_else(|| {
                    // `병원들은 …다는 입장이다`, `주민 30여명은 …다며 시위를 벌였다`: a group named by a
                    // common noun is the speaker when no named subject is there.
                    subjects.iter().find(|s| s.generic && s.topic && s.s >= region && s.pe <= q.c && group_subject(&st, s))
                });
                // `…했다고 교도통신이 20일 보도했다`: the speaker named after the reported clause,
                // between its ending and the verb; the clause's own subject stays in the quote.
                let verb_s = q.verb.map_or(st.chars.len(), |v| st.words[v].s);
                let after = subjects.iter().find(|s| !s.generic && s.s >= q.cue_end && s.e <= verb_s);
                let pick = if after.is_some() { None } else { pick };
                let mut start = region;
                let speaker = if let Some(s) = after {
                    (self.paragraph_body(&st, s, &carry).unwrap_or_else(|| carry.resolve(s)), st.text(s.s, s.e))
                } else if let Some(s) = pick {
                    start = s.pe;
                    (self.paragraph_body(&st, s, &carry).unwrap_or_else(|| carry.resolve(s)), st.text(s.s, s.e))
                } else if let Some(prev) = found.iter().rev().find(|f| f.c < q.c).and_then(|f| f.speaker.clone()) {
                    prev
                } else if let Some(s) = subjects.iter().filter(|s| s.pe <= region && !s.generic).find(|s| s.topic) {
                    (carry.resolve(s), st.text(s.s, s.e))
                } else {
                    (carry.speaker.clone(), String::new())
                };
                // `~다는 게 기상청(의) 설명이다`: the body whose explanation it is speaks.
                let speaker = q.verb.filter(|&v| v > 0 && v > st.word_from(q.c)).and_then(|v| {
                    let vw = &st.words[v];
                    let ms = st.word_morphs(vw);
                    let pred = ms.iter().any(|m| tag(m) == "VCP") && ms.iter().any(|m| nominal(m) && self.lex.speech_noun_pred.contains(st.slice(m.span.start.max(st.base) - st.base, (m.span.end - st.base).min(st.chars.len()))));
                    let gw = &st.words[v - 1];
                    let gt = st.slice(gw.s, gw.e);
                    let e = gw.s + gt.strip_suffix('의').unwrap_or(gt).chars().count();
                    (pred && gw.s >= q.c).then(|| self.speaker_of(&st, gw.s, e, &roles)).flatten().filter(|(sp, _)| !sp.is_empty()).map(|(sp, _)| (sp, st.text(gw.s, e)))
                }).unwrap_or(speaker);
                start = self.skip_lead(&st, start, q.c);
                q.o = start;
                q.content = (start, q.c);
                q.speaker = Some(speaker);
            }
            ind.retain(|q| q.content.1 > q.content.0 + 1);
            // Carry the speaker to the next sentences.
            let mut all: Vec<Found> = found.drain(..).chain(ind.drain(..)).collect();
            all.sort_by_key(|f| (f.content.0, f.content.1));
            // A person made subject here names the speaker of a lede quote just before.
            lede.retain(|&(_, ls)| si <= ls + LEDE_SENTENCES);
            if body && !lede.is_empty() && si > lede[0].1 {
                let person = subjects.iter().find(|s| !s.generic && !s.speaker.is_empty() && s.speaker.split(';').all(|n| people.contains(n)));
                if let Some(p) = person {
                    for (qi, _) in lede.drain(..) {
                        out[qi].speaker = p.speaker.clone();
                    }
                    carry.set(&p.speaker.clone(), &people);
                }
            }
            for f in &all {
                let (speaker, speaker_text) = f.speaker.clone().unwrap_or_default();
                if !speaker.is_empty() && body {
                    // A quote whose speaker is carried keeps the head of the phrase that named it.
                    let head = if speaker_text.is_empty() && speaker == carry.speaker { std::mem::take(&mut carry.head) } else { String::new() };
                    carry.set(&speaker, &people);
                    carry.head = speaker_text.rsplit(' ').next().filter(|h| !h.is_empty()).map_or(head, str::to_string);
                    if !speaker_text.is_empty() {
                        carry.human = people.contains(&speaker) || self.human_head(&carry.head);
                    }
                }
                if speaker.is_empty() && body && f.kind == DIRECT && carry.speaker.is_empty() {
                    lede.push((out.len(), si));
                }
                let verb = f.verb.map(|v| clean_verb(&st.word_text(&st.words[v]))).unwrap_or_default();
                out.push(Quote {
                    sentence: si,
                    span: st.abs(f.content.0, f.content.1),
                    kind: f.kind.into(),
                    speaker,
                    speaker_text,
                    verb,
                });
            }
            if all.is_empty() && body {
                if let Some(s) = subjects.iter().find(|s| s.topic && !s.generic && !s.speaker.is_empty()) {
                    carry.set(&s.speaker.clone(), &people);
                    carry.head = st.slice(s.s, s.e).rsplit(' ').next().unwrap_or("").to_string();
                    carry.human = people.contains(&s.speaker) || self.human_head(&carry.head);
                }
            }
            let mut parts = st.into_parts();
            parts.subjects = subjects;
            parts.memo = memo;
            kept[si] = Some(parts);
        }
        prepared.sentences = kept;
        prepared.generic = Some(Arc::new(generic));
        out.sort_by_key(|q| (q.span.start, q.span.end));
        out.dedup_by(|b, a| a.span == b.span);
        article_names(a, &mut out, &self.lex.speaker_nouns);
        party_sides(a, &mut out, &self.lex);
        // `이투라 장관은`: one word of a foreign name read whole before is that name.
        let found = roles.found.take();
        prepared.roles = Some(roles.forgetting());
        let mut foreign: Vec<&str> = found.iter().map(|(_, _, p)| p.as_str()).filter(|p| p.contains(' ')).collect();
        foreign.sort_unstable();
        foreign.dedup();
        if !foreign.is_empty() {
            for q in out.iter_mut() {
                let names: Vec<String> = q
                    .speaker
                    .split(';')
                    .map(|n| {
                        let mut full = foreign.iter().filter(|f| !n.is_empty() && !n.contains(' ') && f.split(' ').any(|w| w == n));
                        match (full.next(), full.next()) {
                            (Some(f), None) => f.to_string(),
                            _ => n.to_string(),
                        }
                    })
                    .collect();
                q.speaker = names.join(";");
            }
        }
        out
    }

    /// The head of a speaker's phrase names a person: a title (`교수`, `차관`), an anonymized
    /// person (`A씨`) or a speaking noun for people (`관계자`, `주민`), not one for a body
    /// (`업계`, `당국`, `측`).
    fn human_head(&self, head: &str) -> bool {
        let head = head.strip_suffix('들').filter(|h| !h.is_empty()).unwrap_or(head);
        let body = matches!(
            head,
            "업계" | "당국" | "정부" | "당" | "여당" | "야당" | "與" | "野" | "지도부" | "단체" | "노조" | "검찰" | "경찰" | "소방당국" | "재판부" | "외신" | "주최" | "주최측" | "측" | "쪽" | "의료진" | "변호인단"
        );
        !body && (self.titles.contains(head) || head.ends_with('씨') || self.lex.speaker_nouns.contains(head))
    }

    /// `울산 마린스는 …했다. 구단 관계자는 "…"`: a subject headed by a word for a company or team
    /// is the company or team the sentences before were about (the carried speaker), when that
    /// is one.
    fn paragraph_body(&self, st: &Sent, s: &Subject, carry: &Carry) -> Option<String> {
        let first = st.slice(s.s, s.e).split(' ').next()?;
        (!s.generic && !s.anaphor && GenericOrgs::stands_for_private(first) && !carry.speaker.is_empty() && st.generic.is_private(&carry.speaker)).then(|| carry.speaker.clone())
    }

    /// Skips words of the reporting sentence at the start of an indirect clause: spaces, `이날`,
    /// `19일`, `이어`.
    fn skip_lead(&self, st: &Sent, mut start: usize, end: usize) -> usize {
        loop {
            while start < end && (crate::segment::is_space(st.chars[start]) || st.chars[start] == ',') {
                start += 1;
            }
            let wi = st.word_from(start);
            let Some(w) = st.words.get(wi) else { return start };
            if w.s != start || w.e >= end {
                return start;
            }
            let t = st.slice(w.s, w.e).trim_end_matches(',');
            let date = st.entities.iter().any(|en| {
                (en.kind == DATE || en.kind == TIME) && en.span.start == st.base + w.s && en.span.end <= st.base + w.e && speech_time(en)
            });
            if self.lex.skip_lead.contains(t) || date {
                start = w.e;
                continue;
            }
            return start;
        }
    }

    /// The interview cue line right before a block (`[인터뷰] 김민수/교수`), if any.
    fn interview_cue_before<'a>(&self, a: &'a Analysis, block: usize) -> Option<&'a str> {
        if block == 0 {
            return None;
        }
        let prev = &a.blocks[block - 1];
        if prev.kind != BlockKind::Cue {
            return None;
        }
        let t = a.text(prev.span);
        self.lex.interview.iter().any(|w| t.contains(w.as_str())).then_some(t)
    }

    /// Speaker of a broadcast cue line or bite label: `◀ 인터뷰 ▶ 선우태진/건축구조기술사` →
    /// 선우태진; `SY건설 관계자` → SY건설; anything else as written.
    fn cue_speaker(&self, names: &Names, cue: &str) -> (String, String) {
        let mut d = cue.trim();
        // `[인터뷰 : 이름 / 직함]`, `▶ 인터뷰 : 이름 / 직함`: the label and a colon before the speaker.
        let bare_label = d.trim_start_matches(['[', '▶', '<', '(']).trim_start();
        if let Some((label, rest)) = bare_label.split_once(':') {
            if self.lex.interview.iter().any(|w| label.trim() == w.as_str()) {
                d = rest.trim().trim_end_matches([']', '>', ')']).trim_end();
            }
        }
        // Drop the label: `[인터뷰]`, `<인터뷰>`, `(녹취)`, `◀ 인터뷰 ▶`.
        for (open, close) in [('[', ']'), ('<', '>'), ('(', ')'), ('◀', '▶'), ('【', '】')] {
            if d.starts_with(open) {
                if let Some(k) = d.find(close) {
                    let label = &d[open.len_utf8()..k];
                    if self.lex.interview.iter().any(|w| label.contains(w.as_str())) || label.trim().is_empty() {
                        d = d[k + close.len_utf8()..].trim();
                    }
                }
            }
        }
        let desc = d.to_string();
        // `타고온 관계자 (음성변조)`, `A씨 (음성대역)`: a note in brackets after the label is about
        // the recording, not the speaker.
        if let Some(k) = d.rfind('(').filter(|_| d.ends_with(')')) {
            if k > 0 && !d[..k].trim().is_empty() {
                d = d[..k].trim_end();
            }
        }
        let name = d.split('/').next().unwrap_or(d).trim();
        let bare: String = name
            .trim_end_matches("씨")
            .trim_end()
            .trim_end_matches("모")
            .trim_end()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if let Some(c) = names.person.get(bare.as_str()) {
            return (c.to_string(), desc);
        }
        let org_part = name.trim_end_matches("관계자").trim_end_matches("대변인").trim();
        if org_part != name {
            if let Some(c) = names.org.get(org_part) {
                return (c.to_string(), desc);
            }
            return (org_part.to_string(), desc);
        }
        if d.contains('/') && (2..=4).contains(&bare.chars().count()) && bare.chars().all(is_hangul) {
            return (bare, desc);
        }
        // `김모 씨`, `A씨`: an anonymized person is named by the letter or surname alone, as
        // entities name `김모(33)씨` (→ 김).
        let anonymized = name.ends_with('씨') || (name.chars().count() == 2 && name.ends_with('모'));
        let n = bare.chars().count();
        if anonymized && (1..=4).contains(&n) && (bare.chars().all(is_hangul) || (n == 1 && bare.chars().all(|c| c.is_ascii_uppercase()))) {
            return (bare, desc);
        }
        // `A 씨 이송 담당 구급대원/음성변조`: who speaks is before the slash.
        (name.to_string(), desc)
    }
}

/// A word that ends in an adnominal ending (`대리인인`, `열린`): it modifies a noun and is not
/// the predicate of the clause.
pub(crate) fn adnominal(st: &Sent, w: &Word) -> bool {
    st.word_morphs(w).iter().rev().find(|m| !punct(m)).is_some_and(|m| m.features.pos.ends_with("ETM"))
}

/// The cheap gates of [`QuoteStage::subject_at`] for word `wi`: the word holds a character that
/// ends a particle ([`QuoteStage::particle_shape`]), or the next word opens with that of `역시` or
/// `또한` ([`also_topic`]). Without either there is no subject there.
#[inline]
fn may_end_subject(st: &Sent, wi: usize) -> bool {
    let w = &st.words[wi];
    st.chars[w.s..w.e].iter().any(|c| matches!(c, '은' | '는' | '도' | '서' | '이' | '가'))
        || st.words.get(wi + 1).is_some_and(|next| matches!(st.chars[next.s], '역' | '또'))
}

/// `평택시 역시`, `정부 또한`: a noun without a particle before `역시`/`또한` is a topic subject
/// (`X도`). Returns (end of the noun, end of `역시`, topic).
fn also_topic(st: &Sent, wi: usize) -> Option<(usize, usize, bool)> {
    let w = &st.words[wi];
    let next = st.words.get(wi + 1)?;
    // Cheap gate first: the first character of `역시`/`또한`.
    if !matches!(st.chars[next.s], '역' | '또') {
        return None;
    }
    let nt = st.slice(next.s, next.e);
    if !matches!(nt.trim_end_matches(','), "역시" | "또한") {
        return None;
    }
    let last = st.word_morphs(w).iter().rev().find(|m| !punct(m))?;
    let text = st.slice(w.s, w.e);
    (nominal(last) && !text.chars().any(|c| is_mark(c) || !(is_hangul(c) || c.is_alphanumeric()))).then(|| (w.e, next.s + nt.trim_end_matches(',').chars().count(), true))
}

/// Speakers are named as the article names them: a canonical name that the article never writes
/// (the gazetteer's `서울중앙지방법원` for an article that only says `서울중앙지법`) becomes the
/// fullest name the article gives for that entity, as the annotation guidelines ask.
#[inline(never)]
fn article_names(a: &Analysis, quotes: &mut [Quote], common: &FxHashSet<String>) {
    if quotes.is_empty() {
        return;
    }
    // (The pieces between whitespace copied whole, not character by character.)
    let squeeze = |t: &str| t.split(char::is_whitespace).collect::<String>();
    // (Squeezed only when a name needs it.)
    let text = once_cell::unsync::Lazy::new(|| squeeze(&a.doc.text));
    let mut cache: rustc_hash::FxHashMap<String, String> = Default::default();
    // The organizations' texts, in entity order (read once, for every name looked up).
    let org_texts = once_cell::unsync::Lazy::new(|| a.entities.iter().filter(|en| en.kind == ORGANIZATION).map(|en| a.text(en.span)).collect::<Vec<&str>>());
    for q in quotes.iter_mut() {
        if q.speaker.is_empty() {
            continue;
        }
        let sentence = q.sentence;
        let names: Vec<String> = q
            .speaker
            .split(';')
            .map(|name| {
                cache
                    .entry(name.to_string())
                    .or_insert_with(|| {
                        // `서울 썬더스` for `썬더스`: an organization the article also names with one
                        // more word before it (a city, a region) is named in full. Common nouns
                        // (`정부` beside `일본 정부`) may be other bodies and stay as they are.
                        if !common.contains(name) && !crate::extract::entities::is_generic_org(name) && name.chars().count() >= 2 {
                            let longer = org_texts
                                .iter()
                                .copied()
                                .filter(|t| t.strip_suffix(name).and_then(|h| h.strip_suffix(' ')).is_some_and(|h| !h.is_empty() && !h.contains(' ')))
                                .max_by_key(|t| (t.chars().count(), std::cmp::Reverse(*t)));
                            if let Some(t) = longer {
                                return t.to_string();
                            }
                        }
                        // (The name as written in the quote's sentence or anywhere in the article is
                        // in the squeezed text too: tried first, the squeezed text built only when needed.)
                        if a.text(a.sentences[sentence].span).contains(name) || a.doc.text.contains(name) || text.contains(&squeeze(name)) {
                            return name.to_string();
                        }
                        // The longest mention of the entity, or a longer name of the same kind that
                        // ends with it (`서울 썬더스` for `썬더스`).
                        let mentions = a.entities.iter().filter(|en| en.kind == PERSON || en.kind == ORGANIZATION);
                        let kinds: Vec<(&str, &str)> = mentions.clone().filter(|en| en.canonical == name).map(|en| (en.kind.as_str(), a.text(en.span))).collect();
                        mentions
                            .map(|en| (en.kind.as_str(), a.text(en.span)))
                            .filter(|(k, t)| kinds.iter().any(|(k2, t2)| k == k2 && t.ends_with(t2)))
                            .map(|(_, t)| t)
                            .max_by_key(|t| (t.chars().count(), std::cmp::Reverse(*t)))
                            .map_or_else(|| name.to_string(), str::to_string)
                    })
                    .clone()
            })
            .collect();
        q.speaker = names.join(";");
    }
}

/// `야당은`, `여당 지도부는`, a headline's `野 "…"`: a side of the assembly speaks for the party
/// the article names as that side (`야당인 민생민주당`, `여당 국민통합당`), or, when the article
/// names two parties and gives only the other side's, for the other one. Else the side stays as
/// written.
#[inline(never)]
fn party_sides(a: &Analysis, quotes: &mut [Quote], lex: &QuoteLexicon) {
    let side_of = |w: &str| {
        if lex.ruling_party.contains(w) {
            Some(0)
        } else if lex.opposition_party.contains(w) {
            Some(1)
        } else {
            None
        }
    };
    if !quotes.iter().any(|q| q.speaker.split(';').any(|n| side_of(n).is_some())) {
        return;
    }
    let orgs: Vec<&Entity> = a.entities.iter().filter(|e| e.kind == ORGANIZATION).collect();
    let is_side = |e: &Entity| side_of(a.text(e.span)).or_else(|| side_of(&e.canonical));
    let party = |e: &Entity| e.canonical.ends_with('당') && e.canonical.chars().count() >= 3 && is_side(e).is_none();
    let mut named: [Option<&str>; 2] = [None, None];
    for w in orgs.windows(2) {
        let Some(side) = is_side(w[0]) else { continue };
        if w[1].span.start >= w[0].span.end && matches!(a.text(Span::new(w[0].span.end, w[1].span.start)), " " | "인 ") && party(w[1]) {
            named[side].get_or_insert(w[1].canonical.as_str());
        }
    }
    let mut parties: Vec<&str> = orgs.iter().filter(|e| party(e)).map(|e| e.canonical.as_str()).collect();
    parties.sort_unstable();
    parties.dedup();
    if parties.len() == 2 {
        for side in 0..2 {
            if let (None, Some(other)) = (named[side], named[1 - side]) {
                named[side] = parties.iter().copied().find(|p| *p != other);
            }
        }
    }
    for q in quotes.iter_mut() {
        if q.speaker.split(';').any(|n| side_of(n).is_some_and(|side| named[side].is_some())) {
            q.speaker = q.speaker.split(';').map(|n| side_of(n).and_then(|side| named[side]).unwrap_or(n)).collect::<Vec<_>>().join(";");
        }
    }
}

/// `ㄴ(34)씨`, `A씨`, `김모 씨`, `이모(52)씨`: the letter or surname that names an anonymized
/// person (the guidelines' `A씨` → `A`), from the last word of a phrase.
fn anonymized_name(phrase: &str) -> Option<String> {
    let mut words: Vec<&str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
    // `변씨 측`, `A씨 쪽`: the person's side speaks for the person.
    if words.len() > 1 && matches!(words.last(), Some(&("측" | "쪽"))) {
        words.pop();
    }
    // `김모 씨`, `A 씨`: the title written apart.
    let last = match words.as_slice() {
        [.., w, "씨"] => format!("{w}씨"),
        [.., w] => w.to_string(),
        [] => return None,
    };
    let mut t = last.strip_suffix('씨')?;
    if let Some(k) = t.find('(') {
        let age = &t[k..];
        if age.ends_with(')') && age[1..age.len() - 1].chars().all(|c| c.is_ascii_digit() || matches!(c, '·' | ',' | ' ' | '대' | '세')) {
            t = &t[..k];
        }
    }
    let t = if t.chars().count() == 2 { t.strip_suffix('모').unwrap_or(t) } else { t };
    let mut cs = t.chars();
    let c = cs.next()?;
    let letter = is_hangul(c) || ('ㄱ'..='ㅎ').contains(&c) || c.is_ascii_uppercase();
    (cs.next().is_none() && letter).then(|| c.to_string())
}

/// The round bracket pairs of a sentence (not nested), as (opening, closing) positions.
fn round_brackets(st: &Sent) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if !st.src.contains('(') {
        return out;
    }
    let mut open = None;
    for (i, &c) in st.chars.iter().enumerate() {
        match c {
            '(' if open.is_none() => open = Some(i),
            ')' => {
                if let Some(o) = open.take() {
                    out.push((o, i));
                }
            }
            _ => {}
        }
    }
    out
}

/// Bullets that open a caption or a list item (`▲서정만 위원장이 …`), glued to the first word.
/// `70대`, `20~30대`: an age group written as decades.
fn age_group(word: &str) -> bool {
    word.strip_suffix("0대").is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit() || matches!(c, '~' | '·' | '0')))
}

fn is_bullet(c: char) -> bool {
    matches!(c, '▲' | '△' | '■' | '□' | '●' | '○' | '◆' | '◇' | '▶' | '▷' | '►' | '•' | '※')
}

/// How many bullets open a word.
fn bullet_len(word: &str) -> usize {
    word.chars().take_while(|&c| is_bullet(c)).count()
}

/// A clause ends between `a` and `b`: a predicate word (not adnominal) followed by a comma
/// (`처리하려 했으나,`, `보고 있지만,`).
fn clause_break(st: &Sent, a: usize, b: usize) -> bool {
    st.words[st.word_from(a)..st.word_from(b)]
        .iter()
        .any(|w| w.e <= b && st.chars[w.e - 1] == ',' && st.has_lemma(w) && !adnominal(st, w))
}

/// A subject that names a group of people or bodies without naming them (`병원들`, `입주
/// 예정자들`, `주민 30여명`, `대학병원과 종합병원 여덟 곳`): the plural suffix `들`, or a count of
/// people, places or households as its head.
fn group_subject(st: &Sent, s: &Subject) -> bool {
    let text = st.text(s.s, s.e);
    let head = text.rsplit(' ').next().unwrap_or(&text);
    if head.chars().count() >= 2 && head.ends_with('들') && !matches!(head, "이들" | "그들") {
        return true;
    }
    st.entities.iter().any(|en| {
        en.kind == crate::extract::entities::QUANTITY
            && en.span.end == st.base + s.e
            && en.span.start >= st.base + s.s
            && ["명", "곳", "개사", "가구", "개 기관", "개 단체"].iter().any(|c| st.analysis.text(en.span).ends_with(c))
    })
}

/// True when a headline segment ends at `k`, right after a closing mark: past spaces come `…`,
/// `...`, `vs` or `VS` (`"이번 주 처리" vs "발목잡기"…여야 충돌`).
fn segment_end(st: &Sent, mut k: usize) -> bool {
    let n = st.chars.len();
    while k < n && crate::segment::is_space(st.chars[k]) {
        k += 1;
    }
    match st.chars.get(k) {
        Some('…') => true,
        Some('.') => st.chars.get(k + 1) == Some(&'.') && st.chars.get(k + 2) == Some(&'.'),
        Some('v' | 'V') => {
            let next = st.chars.get(k + 1).copied();
            matches!(next, Some('s' | 'S')) && st.chars.get(k + 2).is_none_or(|c| crate::segment::is_space(*c) || matches!(c, '.' | '"' | '“' | '\'' | '‘'))
        }
        _ => false,
    }
}

/// The word right before position `o` (past spaces and a colon), from the last character that
/// is not a letter or digit (`…피해자들 "…"` → 피해자들).
fn word_before(st: &Sent, o: usize) -> Option<(usize, usize)> {
    let mut e = o;
    while e > 0 && (crate::segment::is_space(st.chars[e - 1]) || st.chars[e - 1] == ':') {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && (is_hangul(st.chars[s - 1]) || st.chars[s - 1].is_alphanumeric()) {
        s -= 1;
    }
    (s < e).then_some((s, e))
}

/// True when the entity at `span` is all that a pair of round brackets holds (`(31)`).
fn bracketed(st: &Sent, span: Span) -> bool {
    if span.start <= st.base || span.end < span.start {
        return false;
    }
    let (s, e) = (span.start - st.base, span.end - st.base);
    st.chars.get(s - 1) == Some(&'(') && st.chars.get(e) == Some(&')')
}

/// A DATE or TIME that dates the speaking (`19일`, `이날`, `지난 15일`), not the content.
fn speech_time(en: &Entity) -> bool {
    en.kind == TIME || en.normalized.len() == 10 || en.normalized.is_empty()
}

/// The verb word without trailing punctuation or closing marks.
fn clean_verb(w: &str) -> String {
    w.trim_end_matches(|c: char| !is_hangul(c) && !c.is_alphanumeric()).to_string()
}

/// `[남궁진/FC 한강 공격수 : 마지막 슈팅은 …]`: a broadcast bite written on one line with its
/// speaker. Returns the speaker label and the span of the words spoken.
#[inline(never)]
fn bracket_bite(a: &Analysis, b: &crate::doc::Block) -> Option<(String, Span)> {
    if b.kind != BlockKind::Body {
        return None;
    }
    let t = a.text(b.span);
    let inner = t.strip_prefix('[')?.strip_suffix(']')?;
    let (desc, speech) = inner.split_once(" : ").or_else(|| inner.split_once(": "))?;
    if !desc.contains('/') || desc.chars().count() > 40 || speech.trim().is_empty() {
        return None;
    }
    let lead = 1 + desc.chars().count() + if inner.contains(" : ") { 3 } else { 2 };
    let spoken = speech.trim_end();
    let start = b.span.start + lead + (speech.chars().count() - speech.trim_start().chars().count());
    let end = b.span.start + lead + spoken.chars().count();
    Some((desc.trim().to_string(), Span::new(start, end)))
}

#[cfg(test)]
mod tests {
    use super::{is_nominal_tag, is_predicate_tag, is_punct_tag, tag, GenericOrgs, Sent};
    use crate::doc::{Document, Meta};
    use crate::resources::DataFiles;
    use crate::Pipeline;

    /// (kind, text, speaker, speaker_text, verb) of every quote of an article published 2022-10-19.
    fn quotes(text: &str) -> Vec<(String, String, String, String, String)> {
        let p = Pipeline::new(DataFiles::embedded()).unwrap();
        let meta = Meta { published: chrono::NaiveDate::from_ymd_opt(2022, 10, 19), ..Meta::default() };
        let doc = Document { id: "t".into(), source: "t".into(), text: text.into(), meta, warnings: vec![] };
        let a = p.analyze(doc).unwrap();
        a.quotes
            .iter()
            .map(|q| (q.kind.clone(), a.text(q.span).to_string(), q.speaker.clone(), q.speaker_text.clone(), q.verb.clone()))
            .collect()
    }

    /// A word the cheap gate of `subjects` passes over is one where `subject_at` finds nothing
    /// and reads no remembered people; and the gate passes over many words.
    #[test]
    fn words_the_subject_gate_skips_have_no_subject() {
        let p = Pipeline::new(DataFiles::embedded()).unwrap();
        let texts = [
            "김민준 서해시장은 20일 시청에서 기자회견을 열고 내년 예산을 늘리겠다고 밝혔다. 평택시 역시 같은 계획을 세웠다. 정부 또한 지원책을 검토하고 있다.",
            "한 공유 킥보드 업체 관계자는 \"안전 수칙을 지키겠다\"고 말했다. 이 관계자는 요금 인상 계획은 없다고 덧붙였다. 그녀가 먼저 제안했다.",
            "국토교통부와 서해시는 다리를 짓기로 했다. 박서연(45) 교수도 같은 의견을 냈다. 회사 측에서 답변을 미뤘다. 주민 30여명이 모였다.",
            "[서해일보] 구청은 (가칭)문화센터를 건립할 계획이며, 주민 의견을 수렴해 결정한다. A씨는 '괜찮다'며 웃었다.",
        ];
        let (mut skipped, mut words) = (0, 0);
        for text in texts {
            let doc = Document { id: "t".into(), source: "t".into(), text: text.into(), meta: Meta::default(), warnings: vec![] };
            let a = p.analyze(doc).unwrap();
            let generic = GenericOrgs::new(&a, &a.entities);
            let stage = super::QuoteStage::new(&DataFiles::embedded()).unwrap();
            let roles = super::RoleMemory::new(&a);
            let by_sentence = super::BySentence::new(&a);
            for si in 0..a.sentences.len() {
                let st = Sent::new(&a, si, &by_sentence[si], &generic);
                let parens = super::round_brackets(&st);
                for wi in 0..st.words.len() {
                    words += 1;
                    if super::may_end_subject(&st, wi) {
                        continue;
                    }
                    skipped += 1;
                    roles.touched.set(false);
                    assert!(stage.subject_at(&st, wi, &parens, &roles).is_none(), "{text}: word {wi}");
                    assert!(!roles.touched.get());
                }
            }
        }
        assert!(skipped * 4 > words, "{skipped} of {words}");
    }

    #[test]
    fn a_lemma_read_from_the_sentence_is_the_lemma_built_from_its_morphemes() {
        let p = Pipeline::new(DataFiles::embedded()).unwrap();
        let text = "시는 내년까지 주차장을 확충하고 도서관 건립을 추진하기로 했다. 회사 측은 \"안전 점검을 강화하겠다\"고 설명했다. 구청은 (가칭)문화센터를 건립할 계획이며 주민 의견을 수렴해 결정한다. 그는 깨끗하게 정리했다고 밝혔다.";
        let doc = Document { id: "t".into(), source: "t".into(), text: text.into(), meta: Meta::default(), warnings: vec![] };
        let a = p.analyze(doc).unwrap();
        let generic = GenericOrgs::new(&a, &a.entities);
        let mut seen = 0;
        for si in 0..a.sentences.len() {
            let st = Sent::new(&a, si, &[], &generic);
            for w in st.words.iter() {
                let ms = st.word_morphs(w);
                let Some(k) = ms.iter().position(|m| is_predicate_tag(tag(m))) else { continue };
                let m = &ms[k];
                let analysis: &str = &m.features.analysis;
                let stem = if analysis.is_empty() { st.morph_str(m) } else { analysis.split('/').next().unwrap_or("") };
                let built = if matches!(tag(m), "XSV" | "XSA") {
                    ms[..k].iter().filter(|p| is_nominal_tag(tag(p))).map(|p| st.morph_str(p)).collect::<String>() + stem
                } else {
                    stem.to_string()
                };
                assert_eq!(st.lemma_cow(w).as_deref(), Some(built.as_str()), "{}", st.word_str(w));
                seen += 1;
            }
        }
        assert!(seen > 10);
    }

    /// [`super::read_sentence`] as it was written first: characters by `char_indices`, words
    /// between spaces, and a word's bare text by trimming it.
    fn read_sentence_reference(src: &str) -> (Vec<char>, Vec<usize>, Vec<(usize, usize, String)>) {
        let (mut chars, mut bytes, mut words) = (Vec::new(), Vec::new(), Vec::new());
        let mut start: Option<usize> = None;
        for (i, (b, c)) in src.char_indices().enumerate() {
            chars.push(c);
            bytes.push(b);
            let space = !super::is_hangul(c) && crate::segment::is_space(c);
            match (space, start) {
                (false, None) => start = Some(i),
                (true, Some(s0)) => {
                    words.push((s0, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s0) = start {
            words.push((s0, chars.len()));
        }
        bytes.push(src.len());
        let words = words
            .into_iter()
            .map(|(s, e)| {
                let t = &src[bytes[s]..bytes[e]];
                (s, e, t.trim_end_matches(|c: char| !super::is_hangul(c) && !c.is_alphanumeric()).to_string())
            })
            .collect();
        (chars, bytes, words)
    }

    proptest::proptest! {
        /// The byte search for an opening mark answers what a test of every character answers.
        #[test]
        fn an_opening_mark_found_by_its_bytes_is_one_found_by_its_characters(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "가", "다", " ", "\"", "'", "“", "”", "‘", "’", "「", "」", "『", "』", "…", "·", "—", "《", "〈", "・", "ー", "a", "€", "😀", "\u{3000}", "。",
            ]), 0..30)
        ) {
            let s: String = pieces.concat();
            proptest::prop_assert_eq!(super::has_opening_mark(&s), s.chars().any(|c| super::closer_for(c).is_some()), "{:?}", s);
        }

        #[test]
        fn a_sentence_is_read_into_the_characters_words_and_bare_words_of_the_reference(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "가", "힣", "한다", "a", "Z", "7", " ", "  ", "\t", "\n", "\0", "\u{200b}", "\u{feff}", "\u{a0}", "\u{3000}", ".", ",", "\"", "“", "”", "'", "’", "(", ")", "…", "·", "é", "ㄱ", "ᄀ", "漢", "😀", "ß", "١", "Ⅻ", "-", "?",
            ]), 0..40)
        ) {
            let src: String = pieces.concat();
            let (chars, bytes, words) = super::read_sentence(&src, &[], 0);
            let (rc, rb, rw) = read_sentence_reference(&src);
            proptest::prop_assert_eq!(&chars, &rc);
            proptest::prop_assert_eq!(&bytes, &rb);
            let got: Vec<(usize, usize, String)> = words.iter().map(|w| (w.s, w.e, src[bytes[w.s]..bytes[w.b]].to_string())).collect();
            proptest::prop_assert_eq!(got, rw);
        }
    }

    #[test]
    fn entities_cut_by_sentence_are_those_of_each_sentence_in_order() {
        let p = Pipeline::new(DataFiles::embedded()).unwrap();
        let text = "김민준 서해시장은 20일 시청에서 기자회견을 열었다. 비가 왔다. 국토교통부와 서해시는 내년 3월까지 다리를 짓기로 했다. 박서연 교수는 \"좋다\"고 말했다.";
        let doc = Document { id: "t".into(), source: "t".into(), text: text.into(), meta: Meta::default(), warnings: vec![] };
        let a = p.analyze(doc).unwrap();
        assert!(a.entities.len() > 3);
        let cut = super::BySentence::new(&a);
        for si in 0..a.sentences.len() {
            let old: Vec<&crate::doc::Entity> = a.entities.iter().filter(|en| en.sentence == si).collect();
            assert_eq!(&cut[si], old.as_slice(), "{si}");
        }
    }

    #[test]
    fn the_tag_class_a_word_keeps_is_the_test_of_its_first_tag() {
        for pos in ["NNG", "NNP+JKS", "XSV+EP", "VV+EC", "VCP+EF", "VA+ETM", "SF", "SL", "SN+NNBC", "SSO", "JKO", "EP+EF", "MAG", "UNKNOWN", "", "+", "NNG+VV", "XSA"] {
            let c = crate::doc::tag_class(pos);
            let t = pos.split('+').next().unwrap();
            assert_eq!(c & crate::doc::TAG_NOMINAL != 0, is_nominal_tag(t), "{pos}");
            assert_eq!(c & crate::doc::TAG_PREDICATE != 0, is_predicate_tag(t), "{pos}");
            assert_eq!(c & crate::doc::TAG_PUNCT != 0, is_punct_tag(t), "{pos}");
        }
        let p = Pipeline::new(DataFiles::embedded()).unwrap();
        let text = "시는 내년까지 주차장을 확충하고 도서관 건립을 추진하기로 했다. 회사 측은 \"안전 점검을 강화하겠다\"고 설명했다. (가칭)문화센터 2곳, 3.5% 늘어 KTX·SRT 운행! 그는 밝혔었다. 갔었고 왔으며 보였다.";
        let doc = Document { id: "t".into(), source: "t".into(), text: text.into(), meta: Meta::default(), warnings: vec![] };
        let a = p.analyze(doc).unwrap();
        assert!(a.morphs.len() > 20);
        for m in &a.morphs {
            let an = &m.features.analysis;
            assert_eq!(m.features.past_ep, an.contains("/EP/") && (an.contains("었/EP") || an.contains("았/EP") || an.contains("였/EP")), "{an}");
            assert_eq!(super::nominal(m), is_nominal_tag(tag(m)), "{}", m.features.pos);
            assert_eq!(super::predicate(m), is_predicate_tag(tag(m)), "{}", m.features.pos);
            assert_eq!(super::punct(m), is_punct_tag(tag(m)), "{}", m.features.pos);
        }
        assert!(a.morphs.iter().any(|m| m.features.past_ep));
    }

    #[test]
    fn tag_classes_are_the_lists_they_compare_byte_by_byte() {
        let tags = ["NNG", "NNP", "NNB", "NNBC", "NR", "NP", "VV", "VA", "VX", "VCP", "VCN", "MM", "MAG", "MAJ", "IC", "JKS", "JKC", "JKG", "JKO", "JKB", "JKV", "JKQ", "JX", "JC", "EP", "EF", "EC", "ETN", "ETM", "XPN", "XSN", "XSV", "XSA", "XR", "SF", "SE", "SSO", "SSC", "SC", "SY", "SL", "SH", "SN", "SP", "SW", "UNKNOWN", "", "N", "S", "V", "X", "NNGX", "VVV", "XS", "SLL", "NN", "VC", "XP"];
        for t in tags {
            assert_eq!(is_nominal_tag(t), matches!(t, "NNG" | "NNP" | "NNB" | "NNBC" | "NR" | "NP" | "SL" | "SH" | "SN" | "XSN" | "XPN" | "XR"), "{t}");
            assert_eq!(is_predicate_tag(t), matches!(t, "VV" | "VA" | "VX" | "XSV" | "XSA" | "VCP" | "VCN"), "{t}");
            assert_eq!(is_punct_tag(t), t.starts_with('S') && !matches!(t, "SL" | "SH" | "SN"), "{t}");
        }
    }

    #[test]
    fn chain_shares_speaker_and_verb() {
        let q = quotes("박지훈 한빛전자 대표는 이날 기자간담회에서 \"투자를 늘리겠다\"며 \"하반기에는 흑자로 돌아설 것\"이라고 말했다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].1, "투자를 늘리겠다");
        assert_eq!(q[1].1, "하반기에는 흑자로 돌아설 것");
        for x in &q {
            assert_eq!((x.0.as_str(), x.2.as_str(), x.4.as_str()), ("direct", "박지훈", "말했다"), "{q:?}");
        }
        assert_eq!(q[0].3, "박지훈 한빛전자 대표");
    }

    #[test]
    fn interview_answers_belong_to_the_person_interviewed() {
        let q = quotes("도예가 남궁서윤 작가가 개인전을 연다. 남궁서윤 작가는 40년 동안 백자만 빚었다. 기획을 맡은 오지훈 큐레이터는 \"작가의 손이 곧 기록\"이라고 말했다.\n\n―왜 백자였나요?\n\n\"흙이 가장 정직하게 대답하는 색이라서요. 다른 색은 거짓말을 할 때가 있어요.\"\n\n―다음 계획은 무엇입니까.\n\n\"내년에는 고향에 가마를 짓고 싶어요.\"");
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!(q[0].2, "오지훈", "{q:?}");
        assert_eq!((q[1].2.as_str(), q[2].2.as_str()), ("남궁서윤", "남궁서윤"), "{q:?}");
    }

    #[test]
    fn short_form_speaker_and_elided_subject() {
        let q = quotes(
            "박지훈 한빛전자 대표는 19일 신제품을 공개했다. 박 대표는 \"가격은 동결한다\"고 밝혔다. 이어 \"수출 물량도 늘리겠다\"고 덧붙였다.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[0].2.as_str(), q[0].3.as_str()), ("박지훈", "박 대표"));
        assert_eq!((q[1].2.as_str(), q[1].3.as_str(), q[1].4.as_str()), ("박지훈", "", "덧붙였다"), "elided subject is carried: {q:?}");
    }

    #[test]
    fn speaker_after_the_quote() {
        let q = quotes("\"이번 결정은 시장의 신뢰를 되찾는 출발점\"이라고 최은서 금융연구원 연구위원은 말했다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2, "최은서", "{q:?}");
    }

    #[test]
    fn scare_quotes_titles_and_names_are_not_quotes() {
        let q = quotes(
            "정부는 이른바 '골든타임'을 놓쳤다는 비판을 받았다. 시민단체는 이를 '뒷북 대책'이라고 불렀다. 구청은 '주민과의 대화' 행사를 열었다.",
        );
        assert!(q.iter().all(|x| x.0 != "direct"), "{q:?}");
    }

    #[test]
    fn official_speaks_for_the_organization() {
        let q = quotes("국토교통부는 20일 대책을 발표했다. 국토부 관계자는 \"현장 점검을 다음 달까지 마치겠다\"고 말했다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!((q[0].2.as_str(), q[0].3.as_str()), ("국토교통부", "국토부 관계자"), "{q:?}");
    }

    #[test]
    fn a_group_that_is_the_topic_speaks_after_what_it_did() {
        // A group named by a common noun and a count, the sentence's topic, with a clause of its
        // own between it and the quote: the group speaks, not the person quoted before.
        let q = quotes("오민재 구청장은 \"공사를 서두르겠다\"고 말했다. 상인 40여명은 구청 앞에서 집회를 열고 \"영업 피해를 보상하라\"고 요구했다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[1].2.as_str(), q[1].3.as_str()), ("상인 40여명", "상인 40여명"), "{q:?}");
        // A coalition named with -연합 is an organization, and speaks for itself.
        let q = quotes("오민재 구청장은 \"공사를 서두르겠다\"고 말했다. 청주환경운동연합은 성명을 내고 \"습지 훼손을 멈춰야 한다\"고 지적했다.");
        assert_eq!((q[1].2.as_str(), q[1].3.as_str()), ("청주환경운동연합", "청주환경운동연합"), "{q:?}");
    }

    #[test]
    fn indirect_quotes_and_plans() {
        let q = quotes("한빛전자는 내년까지 평택 공장을 증설한다고 19일 밝혔다. 회사는 연구 인력도 두 배로 늘린다는 계획도 밝혔다.");
        let ind: Vec<_> = q.iter().filter(|x| x.0 == "indirect").collect();
        assert_eq!(ind.len(), 2, "{q:?}");
        assert_eq!(ind[0].1, "내년까지 평택 공장을 증설한다");
        assert_eq!((ind[0].2.as_str(), ind[0].4.as_str()), ("한빛전자", "밝혔다"));
        assert_eq!(ind[1].1, "연구 인력도 두 배로 늘린다");
        assert_eq!(ind[1].2, "한빛전자", "{q:?}");
    }

    #[test]
    fn the_speaker_named_after_the_reported_clause() {
        // `…다고 X가 V했다`: X speaks; the clause keeps its own subject.
        let q = quotes("정부가 방조제를 2030년까지 보강하기로 했다고 교도통신이 20일 보도했다. 공사가 내년 끝난다고 시 관계자가 밝혔다.");
        let ind: Vec<_> = q.iter().filter(|x| x.0 == "indirect").collect();
        assert_eq!(ind.len(), 2, "{q:?}");
        assert_eq!((ind[0].1.as_str(), ind[0].2.as_str()), ("정부가 방조제를 2030년까지 보강하기로 했다", "교도통신"), "{q:?}");
        assert_eq!((ind[1].1.as_str(), ind[1].3.as_str()), ("공사가 내년 끝난다", "시 관계자"), "{q:?}");
    }

    #[test]
    fn unclosed_mark_swallows_nothing() {
        let q = quotes("주민 김모(61)씨는 \"버스가 하루 두 번뿐이라 병원에 못 간다며 한숨을 쉬었다.\n\n군은 다음 달까지 노선을 늘리겠다고 밝혔다. 군 관계자는 \"수요를 보고 판단하겠다\"고 말했다.");
        assert!(q.iter().all(|x| !x.1.contains("노선을 늘리겠다고 밝혔다")), "{q:?}");
        assert!(q.iter().any(|x| x.1 == "수요를 보고 판단하겠다"), "{q:?}");
    }

    #[test]
    fn broadcast_bite_on_one_line() {
        let q = quotes("구급대원들은 병원을 찾아 헤맸습니다.\n\n[이서준/응급의학과 교수 : 환자를 받을 병원이 없었습니다. 구조가 문제입니다.]\n\n정부는 대책을 내놨습니다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "환자를 받을 병원이 없었습니다. 구조가 문제입니다.");
        assert_eq!(q[0].2, "이서준");
    }

    #[test]
    fn this_official_is_the_last_speaker_not_the_last_person() {
        let q = quotes("김도윤 시의원은 \"예산 집행이 늦다\"고 지적했다. 이에 대해 성남시 관계자는 \"다음 달부터 집행한다\"고 답했다. 이 관계자는 \"인력도 충원하겠다\"고 말했다.");
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!(q[1].2, "성남시", "{q:?}");
        assert_eq!((q[2].2.as_str(), q[2].3.as_str()), ("성남시", "이 관계자"), "{q:?}");
    }

    #[test]
    fn subject_of_a_sentence_without_quote_is_carried() {
        let q = quotes("박지훈 한빛전자 대표는 \"수출이 늘었다\"고 말했다. 금융위원회는 과징금 부과를 검토하고 있다. 다만 영업 정지까지 내릴 계획은 없다고 선을 그었다.");
        let last = q.last().unwrap();
        assert_eq!((last.0.as_str(), last.1.as_str()), ("indirect", "영업 정지까지 내릴 계획은 없다"), "{q:?}");
        assert_eq!((last.2.as_str(), last.3.as_str()), ("금융위원회", ""), "{q:?}");
    }

    #[test]
    fn noun_before_also_is_a_topic_subject() {
        let q = quotes("국토교통부는 점검을 마쳤다고 밝혔다. 박지훈 한빛건설 대표는 \"보강하겠다\"고 말했다. 금융위원회 역시 대출 규제를 풀지 않겠다는 입장이다.");
        let last = q.last().unwrap();
        assert_eq!(last.1, "대출 규제를 풀지 않겠다", "{q:?}");
        assert_eq!((last.2.as_str(), last.3.as_str()), ("금융위원회", "금융위원회"), "{q:?}");
    }

    #[test]
    fn groups_named_by_common_nouns_speak_for_indirect_quotes() {
        let q = quotes("박지훈 한빛전자 대표는 \"보상하겠다\"고 말했다. 판매점들은 본사가 책임을 떠넘겼다는 입장이다. 이날 서초동 상인 40여명은 임대료를 낮춰야 한다며 구청 앞에서 집회를 열었다.");
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!((q[1].1.as_str(), q[1].2.as_str()), ("본사가 책임을 떠넘겼다", "판매점들"), "{q:?}");
        assert_eq!((q[2].1.as_str(), q[2].2.as_str()), ("임대료를 낮춰야 한다", "서초동 상인 40여명"), "{q:?}");
        // A topic inside the reported clause that names no group is no speaker.
        let q = quotes("박지훈 한빛전자 대표는 \"보상하겠다\"고 말했다. 이어 신제품 출시는 내년으로 미뤄진다고 덧붙였다.");
        assert_eq!(q[1].2, "박지훈", "{q:?}");
    }

    #[test]
    fn a_counted_group_is_the_subject_as_written() {
        let q = quotes("구급대는 환자를 태우고 출발했다. 가까운 종합병원 세 곳이 모두 \"병상이 없다\"고 했다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2, "종합병원 세 곳", "{q:?}");
    }

    #[test]
    fn an_age_group_is_part_of_an_unnamed_speaker() {
        let q = quotes("진료를 기다리던 한 60대 환자는 \"검사가 또 밀렸다\"고 말했다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2, "60대 환자", "{q:?}");
    }

    #[test]
    fn two_speakers_of_a_subhead_each_before_their_quote() {
        let q = quotes("새솔제약 노조 \"임금 동결 철회\"…회사 \"경영 여건상 어렵다\"\n\n새솔제약 노동조합은 파업을 예고했다. 새솔제약은 교섭을 요청했다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].2, "새솔제약 노동조합", "{q:?}");
        assert_eq!(q[1].2, "새솔제약", "{q:?}");
    }

    #[test]
    fn headline_subject_before_an_ellipsis_is_not_the_speaker() {
        let q = quotes("하루 세 번 다니던 마을버스가 한 번으로…\"병원도 못 가요\"\n\n마을버스 노선이 줄었다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2, "", "{q:?}");
    }

    #[test]
    fn anonymized_names_are_the_letter_or_surname() {
        // A cue label of a broadcast bite.
        let q = quotes("주민들이 반발하고 있습니다.\n\n◀ 인터뷰 ▶ 박모 씨/인근 주민\n\n\"밤마다 소음 때문에 잠을 못 자요.\"\n\n구청은 조사에 나섰습니다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2, "박", "{q:?}");
        // A subject the entity stage may not tag, and a surname shared with a named person.
        let q = quotes("김서준 한빛유통 대표는 \"가격을 내리겠다\"고 말했다. 원고 중 한 명인 ㅂ(41)씨는 \"늦었지만 다행\"이라고 했다. 가게를 하는 김모(52)씨는 \"손님이 절반으로 줄었다\"고 했다.");
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!(q[1].2, "ㅂ", "{q:?}");
        assert_eq!(q[2].2, "김", "{q:?}");
    }

    #[test]
    fn indefinite_subjects() {
        // A person introduced with 한: the person.
        let q = quotes("서울의 한 치과 원장 B씨는 \"야간 진료는 인력이 문제\"라고 말했다.");
        assert_eq!(q[0].2, "B", "{q:?}");
        // A description: as written, even when a word of it looks like an organization.
        let q = quotes("한 삼성전자 협력업체 직원은 \"납품 단가가 또 깎였다\"고 말했다.");
        assert_eq!(q[0].2, "삼성전자 협력업체 직원", "{q:?}");
    }

    #[test]
    fn nearer_subject_after_a_finished_clause() {
        let q = quotes("한빛전자는 지난달 합병안을 이사회에 올리려 했으나, 금융위원회가 \"주주 보호 장치가 부족하다\"며 제동을 걸었다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2, "금융위원회", "{q:?}");
    }

    #[test]
    fn organizations_joined_by_wa_speak_jointly() {
        let q = quotes("금융위원회와 한국은행은 가계대출 관리 방안을 마련했다고 19일 밝혔다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2, "금융위원회;한국은행", "{q:?}");
    }

    #[test]
    fn surname_before_a_title_picks_its_holder() {
        let q = quotes("민생민주당 원내대표를 지낸 정민수 의원은 협상을 이끌었다. 새 원내대표로 오세진 의원이 뽑혔다. 오세진 원내대표는 \"협치하겠다\"고 말했다. 정 전 원내대표도 \"힘을 보태겠다\"고 말했다.");
        let last = q.last().unwrap();
        assert_eq!(last.1, "힘을 보태겠다", "{q:?}");
        assert_eq!((last.2.as_str(), last.3.as_str()), ("정민수", "정 전 원내대표"), "{q:?}");
    }

    #[test]
    fn a_title_that_modifies_another_noun_is_no_speaker() {
        let q = quotes("한빛건설은 입장문을 내고 \"판결을 존중한다\"면서도 대표 사퇴 계획은 없다고 밝혔다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[1].0.as_str(), q[1].2.as_str()), ("indirect", "한빛건설"), "{q:?}");
    }

    #[test]
    fn speaker_is_named_as_the_article_names_it() {
        // The gazetteer knows 서울중앙지법 as 서울중앙지방법원, a name this article never writes.
        let q = quotes("서울중앙지법은 19일 \"회사는 원고들에게 퇴직금을 지급하라\"고 판결했다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2, "서울중앙지법", "{q:?}");
    }

    #[test]
    fn a_quote_that_opens_the_story_belongs_to_the_person_introduced_next() {
        let q = quotes("\"올해도 비가 안 와서 배추 농사를 다 망쳤어요.\"\n\n지난 10일 오후 전남 해남군의 한 배추밭.\n\n밭을 둘러보던 정민수(67)씨가 마른 잎을 들어 보였다. 그는 \"물을 대 줄 방법이 없다\"고 했다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[0].2.as_str(), q[1].2.as_str()), ("정민수", "정민수"), "{q:?}");
        // Nobody named soon after: no guess.
        let q = quotes("\"올해도 비가 안 와서 배추 농사를 다 망쳤어요.\"\n\n가뭄이 길어지고 있다. 저수지가 말랐다. 비 소식도 없다. 배추값이 올랐다. 정민수 해남군수는 지원을 약속했다.");
        assert_eq!(q[0].2, "", "{q:?}");
    }
    #[test]
    fn plural_pronoun_refers_to_the_people_named_together() {
        let q = quotes("피해자 정민수(31)씨와 오세진(34)씨는 보증금을 모두 잃었다. 이들은 \"모은 돈이 한순간에 사라졌다\"고 말했다. 오씨는 소송을 냈다. 그는 \"끝까지 싸우겠다\"고 했다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[0].2.as_str(), q[0].3.as_str()), ("정민수;오세진", "이들"), "{q:?}");
    }

    #[test]
    fn a_bare_noun_before_han_names_the_field_of_an_unnamed_speaker() {
        let q = quotes("업계 한 관계자는 \"계측 자료를 공유해야 한다\"고 말했다. 한빛전자 한 관계자는 \"검토하겠다\"고 했다. 이날 한 관계자는 \"모르겠다\"고 했다.");
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!(q[0].2, "업계 관계자", "{q:?}");
        assert_eq!(q[1].2, "한빛전자", "{q:?}");
        assert_eq!(q[2].2, "관계자", "{q:?}");
    }

    #[test]
    fn a_connective_before_a_subject_is_not_part_of_it() {
        let q = quotes("박지훈 한빛전자 대표는 \"보상하겠다\"고 말했다. 반면 인근 주민들은 공사장이 원인이라고 주장했다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].2, "인근 주민들", "{q:?}");
    }

    #[test]
    fn a_continuing_sentence_keeps_the_speaker_over_a_clause_subject() {
        let q = quotes("정민수 변호사는 \"법리 오해가 있다\"고 밝혔다. 그러면서 1심 재판부가 공범들의 진술만 믿었다고 주장했다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[1].0.as_str(), q[1].2.as_str()), ("indirect", "정민수"), "{q:?}");
    }

    #[test]
    fn a_persons_side_speaks_for_the_person() {
        let q = quotes("공인중개사 변모(47)씨는 징역 5년을 받았다. 변씨 측은 지시를 따랐을 뿐 범행 구조는 몰랐다는 입장이다.");
        let last = q.last().unwrap();
        assert_eq!((last.0.as_str(), last.2.as_str()), ("indirect", "변"), "{q:?}");
    }

    #[test]
    fn a_headline_speaker_written_as_a_common_noun() {
        let q = quotes("전세사기 총책 징역 12년…피해자들 \"형량 너무 가볍다\"\n\n업계 \"계측 데이터 공유해야\"\n\n법원은 12일 선고했다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[0].2.as_str(), q[1].2.as_str()), ("피해자들", "업계"), "{q:?}");
    }

    #[test]
    fn speakers_in_brackets_after_each_quote() {
        let q = quotes("정민수 의원과 오세진 장관이 맞섰다. 이날 회의장에서는 \"장관은 현장에 가 봤느냐\"(정 의원), \"사고 다음 날 현장을 찾았다\"(오 장관) 같은 설전이 이어졌다. 정부는 \"2024\"(가칭) 계획을 냈다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[0].1.as_str(), q[0].2.as_str(), q[0].3.as_str()), ("장관은 현장에 가 봤느냐", "정민수", "정 의원"), "{q:?}");
        assert_eq!((q[1].1.as_str(), q[1].2.as_str()), ("사고 다음 날 현장을 찾았다", "오세진"), "{q:?}");
    }

    #[test]
    fn the_person_an_article_announces_its_q_and_a_with_answers() {
        let q = quotes("정민수 감독은 \"선수들이 해냈다\"고 말했다. 정 감독은 \"다음 경기도 이기겠다\"고 했다. 정 감독은 웃었다. 오세진도 30점을 올렸다.\n\n다음은 오세진과의 일문일답.\n\n-30점을 올렸다.\n\n\"이겨서 다행이다.\"");
        assert_eq!(q.last().unwrap().2, "오세진", "{q:?}");
    }
    #[test]
    fn an_untagged_name_in_a_title_phrase_is_the_speaker_and_holds_the_title() {
        let q = quotes("\"행정은 이제 끝내야 한다\"라고 편재윤 민생민주당 의원은 말했다. 편 의원은 개정안을 발의하겠다고 밝혔다. 시흥소방서 박태성 현장대응단장은 \"덮을 수밖에 없었다\"고 말했다.");
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!((q[0].2.as_str(), q[0].4.as_str()), ("편재윤", "말했다"), "{q:?}");
        assert_eq!((q[1].2.as_str(), q[1].3.as_str()), ("편재윤", "편 의원"), "{q:?}");
        assert_eq!(q[2].2, "박태성", "{q:?}");
        // A word ko-dic knows is no name, even when it starts like a surname.
        let q = quotes("가까운 대형 병원 여덟 곳이 모두 \"환자를 받을 수 없다\"고 했다.");
        assert_eq!(q[0].2, "대형 병원 여덟 곳", "{q:?}");
    }
    #[test]
    fn a_team_is_named_with_its_city_when_the_article_gives_it() {
        let q = quotes("서울 썬더스는 19일 감독을 유임했다. 썬더스는 \"시즌 중 감독 교체는 없다\"고 밝혔다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2, "서울 썬더스", "{q:?}");
    }
    #[test]
    fn the_body_whose_explanation_it_is_speaks() {
        let q = quotes("소방당국은 진화를 마쳤다. 시간당 100㎜가 넘는 비는 200년에 한 번 나타날 만한 강도라는 게 기상청 설명이다. 빈 버스를 계속 돌릴 수는 없다는 게 국토교통부의 설명이다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[0].0.as_str(), q[0].2.as_str()), ("indirect", "기상청"), "{q:?}");
        assert_eq!(q[1].2, "국토교통부", "{q:?}");
    }

    #[test]
    fn headline_quotes_that_end_a_segment() {
        // Double marks before `…` or `vs` end a headline segment; single marks around a term do not.
        let q = quotes("\"인도가 인도가 아니에요\"…공유 킥보드 사고 한 해 2천 건\n\n\"이번 주 처리\" vs \"발목잡기 아닌 검증\"…여야 정면충돌\n\n한빛전자, 3분기 영업익 812억…'깜짝 실적' 뒤엔 AI\n\n본문은 여기서 시작한다.");
        let texts: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(texts, ["인도가 인도가 아니에요", "이번 주 처리", "발목잡기 아닌 검증"], "{q:?}");
        assert!(q.iter().all(|x| x.2.is_empty()), "no speaker is written: {q:?}");
    }

    #[test]
    fn headline_speaker_written_as_a_speaking_or_generic_noun_before_more_words() {
        let q = quotes("킥보드 사고 늘어…주민들 \"밤길 무서워\" 집단 민원\n\n주민들은 구청에 민원을 냈다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!((q[0].1.as_str(), q[0].2.as_str()), ("밤길 무서워", "주민들"), "{q:?}");
    }

    #[test]
    fn an_indirect_clause_goes_on_through_a_name_in_marks() {
        let q = quotes("민생민주당이 청년 월세를 지원하는 '청년주거안정특별법'을 이번 주 본회의에서 처리하겠다고 2일 밝혔다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "청년 월세를 지원하는 '청년주거안정특별법'을 이번 주 본회의에서 처리하겠다", "{q:?}");
        assert_eq!((q[0].0.as_str(), q[0].2.as_str()), ("indirect", "민생민주당"), "{q:?}");
    }

    #[test]
    fn a_note_after_a_bite_label_is_not_the_speaker() {
        let q = quotes("업체는 보상을 거부했습니다.\n\n[녹취] 타고온 관계자 (음성변조)\n\n\"이용자 과실이라 회사가 보상하기는 어렵습니다.\"\n\n경찰은 수사에 나섰습니다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!((q[0].2.as_str(), q[0].3.as_str()), ("타고온", "타고온 관계자 (음성변조)"), "{q:?}");
    }

    #[test]
    fn a_bracketed_dateline_is_no_part_of_the_subject() {
        let q = quotes("[파이낸셜뉴스] 민생민주당이 법안을 이번 주 처리하겠다고 2일 밝혔다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!((q[0].2.as_str(), q[0].3.as_str()), ("민생민주당", "민생민주당"), "{q:?}");
    }

    #[test]
    fn a_loanword_that_ko_dic_breaks_stays_in_the_subject() {
        // ko-dic reads 킥보드 as 킥/NNG 보/VV 드/EC.
        let q = quotes("타고온은 보상을 거부했다. 한 공유 킥보드 업체 관계자는 \"세울 곳도 없는데 처벌하는 건 앞뒤가 바뀐 것\"이라고 꼬집었다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!((q[0].2.as_str(), q[0].3.as_str()), ("공유 킥보드 업체 관계자", "공유 킥보드 업체 관계자"), "{q:?}");
    }

    #[test]
    fn q_and_a_answers_belong_to_the_person_the_lead_in_names() {
        // 오세린 is named most, but the questions go to 권도윤.
        let q = quotes("오세린 한빛대 교수 연구팀은 연구 결과를 발표했다. 오 교수는 \"수면 빚은 갚기 어렵다\"고 설명했다. 오 교수는 \"등교 시간을 늦춰야 한다\"고 말했다. 대한수면학회 이사인 권도윤 서해대 신경과 교수는 \"멜라토닌이 늦게 나온다\"고 말했다.\n\n수면 부채를 줄이려면 어떻게 해야 할까. 권 교수에게 물었다.\n\n―주말에 늦잠을 자도 되나요.\n\n\"평일보다 1시간 안쪽으로만 더 자면 됩니다.\"");
        let last = q.last().unwrap();
        assert_eq!((last.1.as_str(), last.2.as_str()), ("평일보다 1시간 안쪽으로만 더 자면 됩니다.", "권도윤"), "{q:?}");
    }

    #[test]
    fn a_foreign_name_is_one_speaker_and_its_later_word_is_that_name() {
        let q = quotes("선우재민 외교부 장관은 회의를 열었다.\n\n“두 나라 모두 더 강해질 것”이라고 마르셀라 이투라 솔리스 칠레 외교장관은 말했다. 이투라 장관은 “물 부족을 키워서는 안 된다”고 말했다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[0].2.as_str(), q[0].4.as_str()), ("마르셀라 이투라 솔리스", "말했다"), "{q:?}");
        assert_eq!((q[1].2.as_str(), q[1].3.as_str()), ("마르셀라 이투라 솔리스", "이투라 장관"), "{q:?}");
        // Two Korean names side by side are not merged.
        let q = quotes("석지원 오늘배달 대표는 \"헬멧을 나눠 주겠다\"고 말했다.");
        assert!(!q[0].2.contains(' '), "{q:?}");
    }

    #[test]
    fn a_name_in_marks_before_a_title_belongs_to_the_phrase() {
        let q = quotes("사공다은 '천둥회' 회장은 구단이 팬들과 직접 만나는 간담회를 열어야 한다고 요구했다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!((q[0].1.as_str(), q[0].2.as_str()), ("구단이 팬들과 직접 만나는 간담회를 열어야 한다", "사공다은"), "{q:?}");
    }

    #[test]
    fn a_bare_title_repeats_the_head_of_the_last_speakers_phrase() {
        let q = quotes("국토교통부는 20일 대책을 발표했다. 국토부 대변인은 \"다음 달 세부 방안을 내놓겠다\"고 밝혔다. 대변인은 \"시장 상황을 지켜보겠다\"고 덧붙였다. 업계 관계자는 \"수요가 줄고 있다\"고 전했다. 한 관계자는 \"하반기가 고비\"라고 말했다.");
        assert_eq!(q.len(), 4, "{q:?}");
        assert_eq!((q[1].2.as_str(), q[1].3.as_str()), ("국토교통부", "대변인"), "{q:?}");
        // `한 관계자` is somebody else, not the last speaker.
        assert_eq!(q[3].2, "관계자", "{q:?}");
        let q = quotes("한강 베어스의 정태수 감독은 경기 뒤 \"선수들이 잘 버텼다\"고 말했다. 이어 \"투수들이 고생했다\"고 했다. 감독은 \"다음 경기도 총력전\"이라고 강조했다.");
        assert_eq!(q.last().unwrap().2, "정태수", "{q:?}");
    }

    #[test]
    fn interview_cue_lines_with_a_colon() {
        let q = quotes("주민들이 불안을 호소하고 있습니다.\n\n▶ 인터뷰 : 김서연 / 서울 마포구 주민\n\"밤마다 킥보드가 인도로 달려요.\"\n\n[인터뷰 : 박정우 / 한국교통연구원 연구위원]\n\"속도를 낮춰야 합니다.\"\n\n경찰은 단속을 늘리기로 했습니다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[0].2.as_str(), q[1].2.as_str()), ("김서연", "박정우"), "{q:?}");
    }

    #[test]
    fn an_anonymized_person_before_a_title_is_the_surname() {
        let q = quotes("이 회사 영업본부장인 최모 상무는 \"납품 일정은 지킬 수 있다\"고 말했다.");
        assert_eq!((q[0].2.as_str(), q[0].4.as_str()), ("최", "말했다"), "{q:?}");
    }

    #[test]
    fn names_known_to_the_dictionary_before_a_title_are_the_speaker() {
        let q = quotes("원정팀 토마스 뮐러 감독은 \"선수들이 끝까지 잘 버텼다\"고 말했다. 그는 \"다음 경기도 자신 있다\"고 덧붙였다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].2, "토마스 뮐러", "{q:?}");
        // The name read in the title phrase is a person: `그는` refers to it.
        assert_eq!(q[1].2, "토마스 뮐러", "{q:?}");
    }

    #[test]
    fn a_side_of_the_assembly_speaks_for_the_party_the_article_names_as_that_side() {
        let q = quotes("야당인 미래개혁당은 법안 처리를 서둘렀다. 야당은 정부가 예산을 더 늘려야 한다고 요구했다. 여당 지도부는 \"재원 대책부터 세워야 한다\"고 밝혔다. 시민행복당 대변인은 \"졸속 처리\"라고 비판했다.");
        let speakers: Vec<&str> = q.iter().map(|q| q.2.as_str()).collect();
        // The opposition is named in apposition; the governing side is the other of the two parties.
        assert_eq!(speakers, ["미래개혁당", "시민행복당", "시민행복당"], "{q:?}");
        // Without a party named as a side, the side is the speaker as written.
        let q = quotes("야당은 정부가 예산을 더 늘려야 한다고 요구했다.");
        assert_eq!(q[0].2, "야당", "{q:?}");
    }

    #[test]
    fn the_last_word_of_an_organizations_name_stands_for_it() {
        let q = quotes("한국배구연맹은 심판 판정 논란에 대해 입장을 냈다. 연맹 관계자는 \"영상 판독 규정을 다시 보겠다\"고 말했다.");
        assert_eq!((q[0].2.as_str(), q[0].3.as_str()), ("한국배구연맹", "연맹 관계자"), "{q:?}");
        // A speaking noun that ends a name (`정부` of 미국 정부) is not its short form.
        let q = quotes("미국 정부가 관세를 올렸다. 정부 관계자는 \"대응 방안을 찾겠다\"고 말했다.");
        assert_eq!(q[0].2, "정부", "{q:?}");
    }

    #[test]
    fn an_official_of_this_company_is_the_company_named_last() {
        let q = quotes("미래전자의 김상훈 상무는 \"증설 계획을 다시 짜겠다\"고 말했다. 이 회사 관계자는 \"통보는 아직 없다\"고 말했다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].2, "미래전자", "{q:?}");
    }

    #[test]
    fn a_club_official_speaks_for_the_club_the_sentence_before_was_about() {
        let q = quotes("한강 베어스는 이적료를 모두 냈다고 밝혔다. 한강 베어스 구단은 영수증도 공개했다. 부산 씨호크스는 한강 베어스의 해명을 반박했다. 구단 관계자는 \"잔금은 들어오지 않았다\"고 말했다.");
        let last = q.last().unwrap();
        assert_eq!((last.1.as_str(), last.2.as_str()), ("잔금은 들어오지 않았다", "부산 씨호크스"), "{q:?}");
    }

    #[test]
    fn a_name_ending_like_a_particle_is_no_subject_split() {
        // ko-dic reads 한은 as 한/NNG + 은/JX; the entity covers the whole word.
        let q = quotes("수출 늘어도 내수 부진\n\n한은 \"기준금리 당분간 동결\"\n\n한국은행은 19일 기준금리를 연 3.0%로 동결했다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2, "한국은행", "{q:?}");
    }

    #[test]
    fn a_caption_bullet_is_no_part_of_the_speaker() {
        let q = quotes("공사장 소음에 주민 반발\n\n▲정다온 비상대책위원장이 19일 구청 앞에서 \"밤에는 공사를 멈춰 달라\"며 호소하고 있다. 오현수 기자\n\n주민들은 구청에 민원을 냈다.");
        let q: Vec<_> = q.into_iter().filter(|x| x.1 == "밤에는 공사를 멈춰 달라").collect();
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!((q[0].2.as_str(), q[0].3.as_str()), ("정다온", "정다온 비상대책위원장"), "{q:?}");
    }

    #[test]
    fn a_subject_in_round_brackets_is_an_aside() {
        // The moderator asks; 대표는 inside the gloss of the nickname is not the speaker.
        let q = quotes("오세진 후보는 토론회에 나섰다. 진행자가 이른바 '어대오'(어차피 대표는 오세진) 현상을 어떻게 보느냐고 묻자 오 후보는 \"당원들이 판단할 것\"이라고 답했다.");
        let ind: Vec<_> = q.iter().filter(|x| x.0 == "indirect").collect();
        assert_eq!(ind.len(), 1, "{q:?}");
        assert_eq!((ind[0].2.as_str(), ind[0].4.as_str()), ("진행자", "묻자"), "{q:?}");
        assert!(ind[0].1.starts_with("이른바 '어대오'"), "{q:?}");
        // A person in brackets after a body is an apposition: the body speaks.
        let q = quotes("부산지검 형사2부(남궁민 부장검사)는 \"형량이 지나치게 가볍다\"며 항소했다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].2.starts_with("부산지검") && !q[0].2.contains("남궁민"), "{q:?}");
    }

    #[test]
    fn people_of_one_subject_speak_jointly_only_when_a_conjunction_joins_them() {
        let q = quotes("권하은 남도대 화학과 교수는 \"촉매 수명이 두 배로 늘었다\"고 말했다. \"상용화는 5년 뒤\"라고 남도대 화학과 노태준 교수는 말했다.");
        assert_eq!((q[0].2.as_str(), q[1].2.as_str()), ("권하은", "노태준"), "{q:?}");
        let q = quotes("권하은 한빛대 화학과 교수는 \"촉매 수명이 두 배로 늘었다\"고 말했다. \"상용화는 5년 뒤\"라고 한빛대 화학과 노태준 교수는 말했다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].2, "권하은", "{q:?}");
        assert_eq!(q[1].2, "노태준", "{q:?}");
        let q = quotes("권하은, 노태준 한빛대 교수는 \"연구를 이어가겠다\"고 말했다.");
        assert_eq!(q[0].2, "권하은;노태준", "{q:?}");
    }

    #[test]
    fn he_after_an_official_is_the_official() {
        let q = quotes("정민수 의원은 예산 삭감을 비판했다. 도 관계자는 \"다리 보강을 서두르겠다\"고 말했다. 그는 \"예산이 나오는 대로 착공하겠다\"고 덧붙였다.\n\n경상남도는 다리 점검을 마쳤다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].2, q[1].2, "{q:?}");
        assert_ne!(q[1].2, "정민수", "{q:?}");
    }

    #[test]
    fn a_committees_short_form_is_the_committee() {
        let q = quotes("미래개혁당 선거관리위원회는 경선 일정을 19일 발표했다. 당 선관위 관계자는 \"투표 시스템 점검을 마쳤다\"고 전했다.");
        let last = q.last().unwrap();
        assert_eq!(last.2, "미래개혁당 선거관리위원회", "{q:?}");
    }

    #[test]
    fn a_quote_standing_alone_reported_by_the_words_after_it() {
        let q = quotes("폭우가 쏟아졌다. \"물이 허리까지 차올랐어요.\" 가게를 지키던 상인 윤모(52)씨는 당시 상황을 이렇게 말했다. \"이젠 장사를 접어야 할지도 모르겠다.\" 옆 가게 주인 B씨의 말이다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[0].1.as_str(), q[0].2.as_str(), q[0].4.as_str()), ("물이 허리까지 차올랐어요.", "윤", "말했다"), "{q:?}");
        assert_eq!((q[1].2.as_str(), q[1].4.as_str()), ("B", "말이다"), "{q:?}");
        // A quoted sentence followed by an ordinary sentence is not reported by it.
        let q = quotes("주민들은 \"불안하다\"고 말했다. \"안전이 먼저다.\" 이런 구호가 광장을 메웠다.");
        assert!(q.iter().all(|x| x.1 != "안전이 먼저다."), "{q:?}");
    }

    #[test]
    fn he_after_an_unnamed_person_is_that_person() {
        let q = quotes("오세진 시장은 19일 대책을 내놨다. \"규제를 풀어야 투자가 산다\"라고 한 국립대 경제학과 교수는 말했다. 그는 \"지방의 재량을 키워야 한다\"고 덧붙였다.");
        let last = q.last().unwrap();
        assert_eq!((last.2.as_str(), last.3.as_str()), ("국립대 경제학과 교수", "그"), "{q:?}");
    }

    #[test]
    fn a_person_named_after_same_company_speaks() {
        let q = quotes("나영석 한빛전자 대표는 \"수출 비중을 늘리겠다\"고 말했다. 같은 회사 오민준 전무도 \"미국 공장 가동률이 90%를 넘었다\"고 거들었다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].2, "오민준", "{q:?}");
    }

    #[test]
    fn a_quote_before_thing_and_a_speech_noun_with_the_copula() {
        let q = quotes("서지훈 원장은 \"병상이 부족하다\"고 말했다. 의료계의 우려도 크다. \"응급실 의사 한 명이 환자 스무 명을 본다\"는 게 그의 설명이다.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!((q[1].0.as_str(), q[1].2.as_str(), q[1].4.as_str()), ("direct", "서지훈", "설명이다"), "{q:?}");
    }

    #[test]
    fn words_written_on_a_thing_are_no_speech() {
        let q = quotes("주민 40여명은 시청 앞에서 시위를 벌였다. 주민들은 '공사 차량 우회하라'라고 적힌 손팻말을 들었다. 한 주민은 \"아이들이 위험하다\"고 말했다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "아이들이 위험하다", "{q:?}");
    }

    #[test]
    fn a_question_quoted_before_an_adverbial_particle_is_no_quote() {
        let q = quotes("\"요금도 올리느냐\"는 질문에 정민수 장관은 \"올릴 생각은 없다\"고 답했다.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!((q[0].1.as_str(), q[0].2.as_str()), ("올릴 생각은 없다", "정민수"), "{q:?}");
    }

    #[test]
    fn single_marks_in_a_headline_before_more_words_hold_a_name() {
        let q = quotes("10개국 통상장관 '부산 공동선언' 채택…오세진 장관 '공급망 함께 지킨다'\n\n10개국 통상장관이 19일 부산에서 공동선언을 채택했다.");
        let texts: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(texts, ["공급망 함께 지킨다"], "{q:?}");
    }
}

/// The one-pass and lookup forms of this file give the answers of the scans they replaced.
#[cfg(test)]
mod table_tests {
    use super::*;

    fn stage() -> QuoteStage {
        QuoteStage::new(&DataFiles::embedded()).unwrap()
    }

    #[test]
    fn quotative_endings_in_one_pass_answer_as_a_search_per_ending() {
        let q = stage();
        assert!(q.endings.iter().all(|(e, _, _)| e.starts_with(['다', '라', '냐', '자'])));
        // `indirect` skips a word whose last character ends no ending.
        assert!(q.endings.iter().all(|(e, _, _)| e.ends_with(['고', '는', '도', '서', '며'])));
        for t in ["", "다", "그는 간다고 말했다", "좋다는 입장이다", "간다며 웃었다", "가자고", "하자며", "뭐냐는", "사라면서", "다라냐자", "비가 온다."] {
            assert_eq!(q.has_ending(t), q.endings.iter().any(|(e, _, _)| t.contains(e)), "{t}");
        }
    }

    #[test]
    fn speaking_noun_suffixes_by_lookup_answer_as_a_scan_of_the_list() {
        let q = stage();
        let mut heads: Vec<String> = ["", "관", "다온", "새빛주민", "소래업체관계자", "A관계자"].iter().map(|s| s.to_string()).collect();
        heads.extend(q.lex.speaker_nouns.iter().cloned());
        heads.extend(q.lex.speaker_nouns.iter().map(|n| format!("다온{n}")));
        for h in &heads {
            let scan = q.lex.speaker_nouns.iter().any(|n| n.chars().count() >= 2 && h.ends_with(n.as_str()));
            assert_eq!(q.ends_with_speaker_noun(h), scan, "{h}");
        }
    }
}
