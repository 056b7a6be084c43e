//! lindera ko-dic morphology, one sentence at a time.
//!
//! One [`Morphology`] (dictionary + user dictionary) is loaded per run and shared; each thread
//! takes a [`MorphWorker`] with its own lattice and a cache of dictionary features, so a word's
//! features are parsed once, not once per token. The features of a word live for the rest of
//! the process (one allocation per distinct word seen, shared by all workers through
//! [`Morphology`]), so a token refers to them by a plain reference, with no reference count to
//! update. lindera reports byte offsets; they are
//! turned into code points through [`crate::offsets`].

use std::sync::{Arc, RwLock};

use lindera::dictionary::{load_dictionary, DictionaryBuilder};
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use lindera::worker::SegmentWorker;
use sha2::{Digest, Sha256};

use crate::doc::{Features, Morph, Span};
use crate::offsets::Cursor;

/// The version of lindera this build is pinned to (see Cargo.toml).
pub const LINDERA_VERSION: &str = "6.2.0";

/// The shared, read-only morphological analyzer.
pub struct Morphology {
    segmenter: Segmenter,
    /// The same segmenter without the user dictionary, and the user dictionary's words: a
    /// sentence that holds none of them gets the same lattice, so the same tokens, from either;
    /// lindera scans every sentence for user words with an automaton that is slower than this
    /// check. `None` when there is no user dictionary or its words could not be read.
    plain: Option<(Segmenter, Arc<UserWords>)>,
    /// Features of every word any worker has met, by dictionary and word id: bounded by the size of the
    /// dictionaries, whatever the size of the corpus.
    features: Arc<RwLock<FeatureMap>>,
}

type FeatureMap = rustc_hash::FxHashMap<u64, &'static Features>;

/// Per-thread analyzer state: the lindera workers and the feature cache.
pub struct MorphWorker {
    worker: SegmentWorker,
    plain: Option<(SegmentWorker, Arc<UserWords>)>,
    cache: FeatureMap,
    shared: Arc<RwLock<FeatureMap>>,
}

/// The surfaces of the user dictionary as one automaton: does a sentence hold any of them?
pub struct UserWords {
    dfa: aho_corasick::dfa::DFA,
    start: aho_corasick::automaton::StateID,
}

impl UserWords {
    fn new(words: &[String]) -> Option<UserWords> {
        use aho_corasick::automaton::Automaton;
        let dfa = aho_corasick::dfa::DFA::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .start_kind(aho_corasick::StartKind::Unanchored)
            .prefilter(false)
            .build(words)
            .ok()?;
        let start = dfa.start_state(aho_corasick::Anchored::No).ok()?;
        Some(UserWords { dfa, start })
    }

    /// Whether `s` contains one of the words: one transition per byte, until the first match
    /// (the first bytes of Hangul words are those of nearly every syllable, so a search with a
    /// prefilter would stop at every character).
    pub fn occur_in(&self, s: &str) -> bool {
        use aho_corasick::automaton::Automaton;
        let mut sid = self.start;
        for &b in s.as_bytes() {
            sid = self.dfa.next_state(aho_corasick::Anchored::No, sid, b);
            if self.dfa.is_match(sid) {
                return true;
            }
        }
        false
    }
}

/// The surfaces of a user dictionary in lindera's simple CSV format, read as lindera reads them;
/// `None` if one is empty or the CSV cannot be read.
fn user_surfaces(csv_text: &str) -> Option<Vec<String>> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(csv_text.as_bytes());
    let mut out = Vec::new();
    for r in rdr.records() {
        let surface = r.ok()?.get(0)?.to_string();
        if surface.is_empty() {
            return None;
        }
        out.push(surface);
    }
    Some(out)
}

/// A ko-dic decomposition (`하/VV/*+였/EP/*`) that holds a past-tense pre-final ending:
/// `었/EP`, `았/EP` or `였/EP` (and so `/EP/`).
pub fn past_in_analysis(analysis: &str) -> bool {
    analysis.contains("/EP/") && (analysis.contains("었/EP") || analysis.contains("았/EP") || analysis.contains("였/EP"))
}

fn field(s: &str) -> Box<str> {
    if s == "*" { "".into() } else { s.into() }
}

impl Morphology {
    /// Loads the embedded ko-dic and builds the user dictionary from CSV text
    /// (`surface,POS,reading`, lindera's simple user-dictionary format).
    pub fn new(user_dict_csv: &str) -> Result<Morphology, String> {
        let dictionary = load_dictionary("embedded://ko-dic").map_err(|e| format!("loading ko-dic: {e}"))?;
        let user = if user_dict_csv.lines().any(|l| !l.trim().is_empty()) {
            let builder = DictionaryBuilder::new((*dictionary.metadata).clone());
            Some(
                builder
                    .build_user_dict_from_reader(user_dict_csv.as_bytes())
                    .map_err(|e| format!("user_dict.csv: {e}"))?,
            )
        } else {
            None
        };
        let has_user = user.is_some();
        let segmenter = Segmenter::new(Mode::Normal, dictionary, user);
        let plain = if has_user {
            user_surfaces(user_dict_csv).and_then(|words| {
                let ac = UserWords::new(&words)?;
                let mut plain = segmenter.clone();
                plain.user_dictionary = None;
                Some((plain, Arc::new(ac)))
            })
        } else {
            None
        };
        Ok(Morphology { segmenter, plain, features: Default::default() })
    }

    pub fn worker(&self) -> MorphWorker {
        MorphWorker {
            worker: self.segmenter.new_worker(),
            plain: self.plain.as_ref().map(|(s, ac)| (s.new_worker(), ac.clone())),
            cache: Default::default(),
            shared: self.features.clone(),
        }
    }

    /// sha256 over the embedded dictionary's word entries, word features and metadata: identifies
    /// the exact dictionary an extraction was made with.
    pub fn dictionary_sha256(&self) -> String {
        let d = &self.segmenter.dictionary;
        let mut h = Sha256::new();
        h.update(&*d.prefix_dictionary.vals_data);
        h.update(&*d.prefix_dictionary.words_idx_data);
        h.update(&*d.prefix_dictionary.words_data);
        h.update(serde_json::to_vec(&*d.metadata).unwrap_or_default());
        hex::encode(h.finalize())
    }
}

impl MorphWorker {
    /// Analyzes `sentence`, which starts at code point `char_start` of the document, appending
    /// its morphemes to `out`.
    pub fn analyze(&mut self, sentence: &str, char_start: usize, out: &mut Vec<Morph>) -> Result<(), String> {
        let worker = match &mut self.plain {
            Some((plain, user_words)) if !user_words.occur_in(sentence) => plain,
            _ => &mut self.worker,
        };
        let tokens = worker.segment(sentence).map_err(|e| e.to_string())?;
        let mut cursor = Cursor::new(sentence, char_start);
        for mut t in tokens {
            let wid = t.word_id;
            let lex = if wid.is_unknown() { 2u64 } else if wid.is_system() { 0 } else { 1 };
            let key = (lex << 32) | u64::from(wid.id());
            let features = match self.cache.get(&key) {
                Some(f) => *f,
                None => {
                    let known = self.shared.read().unwrap_or_else(|e| e.into_inner()).get(&key).copied();
                    let f = match known {
                        Some(f) => f,
                        None => {
                            let d: Vec<&str> = t.details_iter().collect();
                            let get = |i: usize| d.get(i).copied().unwrap_or("*");
                            let pos = field(get(0));
                            let analysis = field(get(7));
                            let f = Features {
                                tag_class: crate::doc::tag_class(&pos),
                                past_ep: past_in_analysis(&analysis),
                                entity_bits: crate::extract::entities::morph_bits(&pos),
                                analysis,
                                pos,
                                semantic_class: field(get(1)),
                                reading: field(get(3)),
                                unknown: lex == 2,
                                user: lex == 1,
                            };
                            let mut shared = self.shared.write().unwrap_or_else(|e| e.into_inner());
                            *shared.entry(key).or_insert_with(|| Box::leak(Box::new(f)))
                        }
                    };
                    self.cache.insert(key, f);
                    f
                }
            };
            let start = cursor.char_at(t.byte_start);
            let end = cursor.char_at(t.byte_end);
            out.push(Morph { span: Span::new(start, end), features });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_words_occur_in_exactly_the_sentences_that_contain_one() {
        let words: Vec<String> = ["카카오뱅크", "뱅크", "SK C&C", "데이터센터", "터센"].iter().map(|w| w.to_string()).collect();
        let u = UserWords::new(&words).unwrap();
        for s in ["", "카카오", "카카오뱅크는", "뱅", "SK C&C가", "SK C", "데이터 센터", "데이터센", "이터센터", "한국은행 뱅크런"] {
            assert_eq!(u.occur_in(s), words.iter().any(|w| s.contains(w.as_str())), "{s}");
        }
    }
}
