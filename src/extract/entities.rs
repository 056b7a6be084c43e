//! Named entities: PERSON, ORGANIZATION, LOCATION, DATE, TIME, QUANTITY, ROLE.
//!
//! Evidence is combined, never taken from one source alone:
//! - patterns over the sentence text for dates, times and quantities (units from the lexicon);
//! - gazetteers and suffix lists from `dictionaries/ner/` for places, organizations and titles;
//! - lindera ko-dic for word boundaries, particles (stripped from spans) and its 인명/지명 classes;
//! - context rules: a name before a title (`홍은택 카카오 각자대표`), a surname before a title
//!   (`홍 대표`), `김모(33)씨`, `A씨`, an organization before `관계자`, address chains, a place or
//!   country acting as a subject (`북한이 … 발표했다`);
//! - within the document, short forms resolve to the fullest name (`홍 대표` → 홍은택).
//!
//! Spans follow KLUE-NER: particles, 씨/모 and titles are outside person spans.

use std::collections::HashMap;

use once_cell::sync::Lazy;
use regex::Regex;

use crate::doc::{Analysis, Entity, Span};
use crate::extract::lexicon::NerLexicon;
use crate::extract::Stage;
use crate::resources::DataFiles;
use crate::time;

pub const PERSON: &str = "PERSON";
pub const ORGANIZATION: &str = "ORGANIZATION";
pub const LOCATION: &str = "LOCATION";
pub const DATE: &str = "DATE";
pub const TIME: &str = "TIME";
pub const QUANTITY: &str = "QUANTITY";
pub const ROLE: &str = "ROLE";

/// Priority of a sports team found by its shape (`부산 씨호크스`, `FC 한강`): its place word alone
/// then names the team in the rest of the document.
const TEAM: u8 = 6;

/// Priority of `두 대표`-style mentions of several people: one PERSON row whose canonical joins
/// the full names of the people the document gives that title, `;`-separated.
const JOINT: u8 = 7;

/// Marks (in `normalized`) a generic organization word (`시`, `구단`) that is an entity only if
/// the document names an organization it stands for.
const GENERIC_MARK: &str = "\u{1}generic";

/// One whitespace-delimited word of a sentence, with its particles and brackets stripped.
#[derive(Debug, Clone)]
struct Word<'a> {
    /// The whole word (code points, document offsets).
    span: Span,
    /// The word without leading brackets/quotes, trailing particles, punctuation and `(…)`.
    stem: Span,
    /// (Borrowed from the sentence unless a rule below built it.)
    stem_text: std::borrow::Cow<'a, str>,
    /// Text inside a trailing parenthesis (`남궁태오(23)가` → `23`).
    paren: Option<&'a str>,
    /// A particle followed the stem.
    particle: Option<&'a str>,
    /// Ends with 씨/군/양 (stripped from the stem).
    honorific: bool,
    /// All morphemes of the stem are proper nouns of this ko-dic class (`인명`, `지명`).
    class: Option<&'static str>,
    /// The stem is one common-noun/adverb/determiner word of ko-dic.
    common_word: bool,
    /// The stem is entirely Hangul.
    hangul: bool,
    /// The stem holds a verb, adjective, ending or derivational suffix (`진료할`, `이용자`): not a name.
    inflected: bool,
    /// Every morpheme of the stem is a proper noun or unknown to ko-dic.
    proper_or_unknown: bool,
    /// ko-dic reads a verb suffix or ending into the stem after a noun (`공서진`: 공서 + 하 + 지 +
    /// ㄴ), in a form that could not modify a noun after it: no adnominal or past ending last
    /// (`강조한`, `밝혔던`), no verb first (`이어서`). A name misread is possible.
    name_read_as_verb: bool,
    /// Some morpheme of the stem is a proper noun or unknown to ko-dic.
    has_proper: bool,
    /// The stem is a verb with an adnominal ending and a bound noun (`오은채`: 오 + 은 + 채).
    bound_noun_last: bool,
    /// Code points of the stem up to the end of its last proper-noun or unknown morpheme (0 when
    /// it has none): `설악산국립공원` → 3 (설악산 + the common nouns 국립, 공원).
    proper_head: usize,
    /// The word holds 로 or 길 (the roads' endings).
    ro_gil: bool,
}

/// Per-word facts of [`EntityStage::word_rules`], in buffers reused from sentence to sentence.
#[derive(Default)]
struct RuleBufs<'s> {
    /// Rows of flags, one per word each ([`bool_rows`]).
    bools: Vec<bool>,
    road_end: Vec<u8>,
    loc_kind: Vec<Option<&'s str>>,
}

/// `buf` cut into `K` rows of `n` flags, all false.
fn bool_rows<const K: usize>(buf: &mut Vec<bool>, n: usize) -> [&mut [bool]; K] {
    buf.clear();
    buf.resize(n * K, false);
    let mut rest: &mut [bool] = buf;
    std::array::from_fn(|_| {
        let (row, tail) = std::mem::take(&mut rest).split_at_mut(n);
        rest = tail;
        row
    })
}

/// A candidate before overlaps are resolved.
#[derive(Debug, Clone)]
struct Cand {
    span: Span,
    kind: &'static str,
    normalized: String,
    /// Higher wins on overlap at equal length.
    priority: u8,
}

static DATE_RE: Lazy<Regex> = Lazy::new(|| {
    let rel_day = r"이날|당일|오늘|어제|그제|그저께|내일|모레|전날|이튿날";
    let rel = r"재작년|지난해|작년|올해|금년|내년|내후년|이듬해|이번\s?주|다음\s?주|내주|지난주|연내|연말|연초|상반기|하반기";
    // Months by their relation to the publication, which a day of that month may follow (`다음 달 1일`).
    let rel_month = r"이달|이번\s?달|다음\s?달|내달|지난달";
    Regex::new(&format!(
        r"(?x)
        (?:(?:지난|오는|이번|다음|올)\s?)?
        (?:
            \d{{4}}\s?[.\-/]\s?\d{{1,2}}\s?[.\-/]\s?\d{{1,2}}
          | (?:\d{{4}}\s?년(?:도)?|{rel})
            (?:\s?(?:\d{{1,2}}\s?월(?:\s?\d{{1,2}}\s?일)?|상반기|하반기|[1-4]\s?분기|초|말))?
          | (?:{rel_month})(?:\s?\d{{1,2}}\s?일)?
          | \d{{1,2}}\s?월(?:\s?\d{{1,2}}\s?일)?
          | \d{{1,2}}\s?일
          | [1-4]\s?분기
          | {rel_day}
          | [월화수목금토일]요일
        )
        (?:\s?(?:초|중순|말))?
        (?:\s?\([월화수목금토일]\))?
        "
    ))
    .unwrap()
});

/// Words one of which every match of [`DATE_RE`] without a digit holds (its relative words,
/// days and `요일`): a sentence with neither is not searched for dates.
static DATE_WORDS: Lazy<aho_corasick::AhoCorasick> =
    Lazy::new(|| aho_corasick::AhoCorasick::builder().kind(Some(aho_corasick::AhoCorasickKind::DFA)).build(DATE_WORD_LIST).unwrap());

const DATE_WORD_LIST: &[&str] = &[
    "이날", "당일", "오늘", "어제", "그제", "그저께", "내일", "모레", "전날", "이튿날", "재작년", "지난해", "작년", "올해", "금년", "내년", "내후년", "이듬해", "이달", "이번",
    "다음", "내달", "지난달", "내주", "지난주", "연내", "연말", "연초", "상반기", "하반기", "요일",
];

/// [`DATE_WORDS`] for a leftmost search without overlaps, by SIMD (`None` where the machine
/// lacks it): each occurrence of a word is found or overlaps one found that starts no later.
static DATE_WORDS_PACKED: Lazy<Option<aho_corasick::packed::Searcher>> = Lazy::new(|| {
    let mut b = aho_corasick::packed::Config::new().match_kind(aho_corasick::packed::MatchKind::LeftmostFirst).builder();
    for w in DATE_WORD_LIST {
        b.add(w);
    }
    b.build()
});

/// Starts of the occurrences of [`DATE_WORD_LIST`] found without overlaps, into `out`. An
/// occurrence left out overlaps one found (at most 9 bytes long) that starts before it
/// (leftmost search) or ends inside it (the standard search of the fallback).
fn date_word_starts(text: &str, out: &mut Vec<usize>) {
    match &*DATE_WORDS_PACKED {
        Some(p) => out.extend(p.find_iter(text).map(|m| m.start())),
        None => out.extend(DATE_WORDS.find_iter(text).map(|m| m.start())),
    }
}

/// A court panel or a prosecutors' department: `형사합의23부`, `민사41단독`, `행정3부`, `형사항소3부`,
/// `반부패수사3부`.
static PANEL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:(?:민사|형사|행정|가사|파산|특허|노동)?(?:합의|항소)?\d{1,3}(?:부|단독)|제\d{1,3}(?:형사|민사)부|[가-힣]{0,6}수사\d{0,2}부|[가-힣]{1,4}범죄(?:수사|조사)?\d{0,2}부|형사\d{1,2}부|공판\d{0,2}부)$").unwrap()
});

static TIME_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:(?:오전|오후|새벽|아침|낮|저녁|밤)\s?)?(?:\d{1,2}\s?시(?:\s?\d{1,2}\s?분)?(?:\s?\d{1,2}\s?초)?(?:\s?반)?|\d{1,2}:\d{2})").unwrap()
});

/// A lot number in an address: `1400번지`, `12-3번지`.
static LOT_NUMBER: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\d{1,5}(?:-\d{1,4})?번지$").unwrap());


static PART_OF_DAY: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\s(오전|오후|새벽|아침|낮|저녁|밤)").unwrap());

static NATIVE_QTY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:(?:한두|두세|서너|너덧|네댓|대여섯|예닐곱|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|석|넉)\s?(?:명|곳|개|차례|번|달|해|시간|가지|대|척|채|건|가구|마리|권|주|주일|배|골|경기|분|살|개월|군데|차례)|나흘|이틀|사흘|닷새|엿새|이레|여드레|아흐레|열흘|보름)").unwrap()
});

/// An age in parentheses after a name: `(33)`, `(33세)`, `(33·회사원)`.
static AGE: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\d{1,3}\s?(?:세|살)?(?:\s?[·,].{0,12})?$").unwrap());

static BIG_NUMBER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?(?:조|억|만)(?:\s?(?:\d{1,3}(?:,\d{3})+|\d+)\s?(?:억|만|천))*").unwrap()
});

/// [`BIG_NUMBER`] anchored at the start of the haystack (for [`digit_matches_in`]).
static BIG_NUMBER_AT: Lazy<Regex> = Lazy::new(|| Regex::new(&format!("^(?:{})", BIG_NUMBER.as_str())).unwrap());

/// A photo's date stamp at the end of a caption (`… 2024.3.12`, `2024.7.3/뉴스1`): part of the credit.
static CAPTION_STAMP: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.?\s*(?:/\s*\S{1,15})?\s*$").unwrap());

static MO_PERSON: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"([가-힣]{1,2})\s?모\s?(?:\(\d{1,3}[^)]{0,10}\))?\s?(?:씨|군|양)").unwrap());
static LATIN_PERSON: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:^|[^A-Za-z0-9가-힣])([A-Z]|[ㄱ-ㅎ])\s?(?:\(\d{1,3}[^)]{0,12}\)\s?)?(?:씨|군|양)").unwrap());
static LATIN_ORG: Lazy<Regex> = Lazy::new(|| Regex::new(r"\b[A-Z]{1,4}\s[A-Z]{1,2}&[A-Z]{1,2}").unwrap());

/// Matches of `re` that start a word (not inside `카카오는`): where a match starts mid-word, the
/// search starts again one character later, so a shorter match at a word start is not lost.
fn word_matches<'t>(re: &Regex, text: &'t str) -> Vec<regex::Match<'t>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at <= text.len() {
        let Some(m) = re.find_at(text, at) else { break };
        let mid_word = text[..m.start()].chars().next_back().is_some_and(|c| c.is_alphanumeric());
        if mid_word || m.is_empty() {
            at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        out.push(m);
        at = m.end();
    }
    out
}

/// [`word_matches`] when every match of `re` in `text` lies inside one of `regions` (sorted,
/// disjoint byte ranges on character boundaries) and `re` looks at nothing outside its match (no
/// `^`, `$` or `\b`): the same matches, with the search run over the regions only. Each region is
/// searched as the text cut at its end, which holds every match starting in it, so the engine
/// finds there what it finds in the whole text.
fn word_matches_in<'t>(re: &Regex, text: &'t str, regions: &[(usize, usize)]) -> Vec<regex::Match<'t>> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(r0, r1) in regions {
        let hay = &text[..r1];
        at = at.max(r0);
        while at <= r1 {
            let Some(m) = re.find_at(hay, at) else { break };
            let mid_word = text[..m.start()].chars().next_back().is_some_and(|c| c.is_alphanumeric());
            if mid_word || m.is_empty() {
                at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            out.push(m);
            at = m.end();
        }
    }
    out
}

/// The byte ranges [`word_matches_in`] finds for the pattern that `anchored`
/// holds as `^(?:…)` (its every match starting with an ASCII digit, no other numeric character in
/// `text`): each digit of a region that starts a word is tried in turn, and the match there is
/// the one the unanchored search reports when it finds its leftmost match there. (A match at a
/// digit inside a word was skipped by that search, and the one after it looked for from the next
/// character on: the same as trying the next digit.)
fn digit_matches_in(anchored: &Regex, text: &str, regions: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    for &(r0, r1) in regions {
        at = at.max(r0);
        while at < r1 {
            let Some(k) = bytes[at..r1].iter().position(u8::is_ascii_digit) else { break };
            let p = at + k;
            let mid_word = text[..p].chars().next_back().is_some_and(|c| c.is_alphanumeric());
            if !mid_word {
                if let Some(m) = anchored.find(&text[p..r1]).filter(|m| !m.is_empty()) {
                    out.push((p, p + m.end()));
                    at = p + m.end();
                    continue;
                }
            }
            at = p + 1;
        }
    }
    out
}

/// Adds `[b0, b1)` (widened to character boundaries, clipped to `text`) to `regions`, merging it
/// with the last region when they touch. Regions must be added in the order of their starts.
fn add_region(regions: &mut Vec<(usize, usize)>, text: &str, b0: usize, b1: usize) {
    let mut b0 = b0.min(text.len());
    while !text.is_char_boundary(b0) {
        b0 -= 1;
    }
    let mut b1 = b1.min(text.len());
    while !text.is_char_boundary(b1) {
        b1 += 1;
    }
    match regions.last_mut() {
        Some(last) if b0 <= last.1 => last.1 = last.1.max(b1),
        _ => regions.push((b0, b1)),
    }
}

/// What one pass over a sentence tells the patterns of numbers, dates and times.
#[derive(Default)]
struct NumberScan {
    /// Byte offsets of the ASCII digits.
    digits: Vec<usize>,
    /// A numeric character other than an ASCII digit (`２`, `①`, `½`): the patterns' `\d` may
    /// match it, so the whole sentence is searched the old way.
    other_numeric: bool,
    /// Byte offsets of 년, 월 and 일 right after two Sino-Korean numerals (one space may come
    /// between): where a match of [`time::SINO_DATE`] may end.
    sino_ends: Vec<usize>,
    /// Byte ranges of the matches of [`NATIVE_QTY`] ([`native_counts`], found in the same pass).
    native: Vec<(usize, usize)>,
    /// A space with the characters around it that surround the first space of a multiword name
    /// ([`NerLexicon::multiword_space`]; true when the scan had no lexicon).
    multiword_space: bool,
}

/// A Sino-Korean numeral character of [`time::SINO_DATE`].
fn sino_numeral(c: char) -> bool {
    matches!(c, '일' | '이' | '삼' | '사' | '오' | '육' | '칠' | '팔' | '구' | '십' | '백' | '천')
}

impl NumberScan {
    fn scan(&mut self, text: &str, lex: Option<&NerLexicon>) {
        self.multiword_space = !lex.is_some_and(NerLexicon::multiword_gated);
        self.digits.clear();
        self.sino_ends.clear();
        self.native.clear();
        self.other_numeric = false;
        // Where the last native count found ends (no overlaps).
        let mut native_at = 0;
        // The two characters before the current one (skipping one whitespace before it).
        let (mut prev2, mut prev1): (char, char) = ('\0', '\0');
        for (b, c) in text.char_indices() {
            if c.is_ascii() {
                if c.is_ascii_digit() {
                    self.digits.push(b);
                }
            } else if is_hangul(c) {
                // As `native_counts`: a numeral or day count at a word start.
                if b >= native_at && native_first(c) && !(is_hangul(prev1) || prev1.is_alphanumeric()) {
                    if let Some(end) = native_count_at(text, b) {
                        self.native.push((b, end));
                        native_at = end;
                    }
                }
                if matches!(c, '년' | '월' | '일') {
                    // `[…]{2,8}\s?(?:년|월|일)`: two numerals right before, or before one space.
                    if sino_numeral(prev1) && sino_numeral(prev2) {
                        self.sino_ends.push(b);
                    } else if prev1.is_whitespace() {
                        let mut back = text[..b].chars().rev();
                        back.next();
                        if back.next().is_some_and(sino_numeral) && back.next().is_some_and(sino_numeral) {
                            self.sino_ends.push(b);
                        }
                    }
                }
            } else if c.is_numeric() {
                self.other_numeric = true;
            }
            // (The character before a space and the one after it.)
            if prev1 == ' ' && !self.multiword_space {
                self.multiword_space = lex.is_some_and(|l| l.multiword_space(prev2, c));
            }
            prev2 = prev1;
            prev1 = c;
        }
    }
}

/// Bytes a match of [`DATE_RE`] may start before the first digit or date word it holds (a
/// prefix word, a space, a weekday's first syllable), and its longest match in bytes, both with
/// room to spare.
const DATE_BACK: usize = 24;
const DATE_LEN: usize = 80;
/// The same for [`TIME_RE`] and its first digit.
const TIME_BACK: usize = 12;
const TIME_LEN: usize = 48;
/// The longest match of [`time::SINO_DATE`] before its last character (8 numerals and a space).
const SINO_BACK: usize = 8 * 3 + 4;

/// The end of the one whitespace character [`DATE_RE`]'s `\s?` may take at byte `b` of `t`
/// (`b` when there is none).
fn after_space(t: &str, b: usize) -> usize {
    match t[b..].chars().next() {
        Some(c) if c.is_whitespace() => b + c.len_utf8(),
        _ => b,
    }
}

/// The digit at byte `b` of `t` may start a number of [`DATE_RE`]: 4 digits before `[.\-/]` or
/// 년, 1 or 2 before 월 or 일, `[1-4]` before 분기 (each with one space allowed between).
fn date_digit(t: &str, b: usize) -> bool {
    let bytes = t.as_bytes();
    let k = bytes[b..].iter().take(4).take_while(|c| c.is_ascii_digit()).count();
    if k == 4 {
        let r = &t[after_space(t, b + 4)..];
        if r.starts_with(['.', '-', '/', '년']) {
            return true;
        }
    }
    for j in 1..=k.min(2) {
        if t[after_space(t, b + j)..].starts_with(['월', '일']) {
            return true;
        }
    }
    matches!(bytes[b], b'1'..=b'4') && t[after_space(t, b + 1)..].starts_with("분기")
}

/// The digit at byte `b` of `t` may start a clock time of [`TIME_RE`]: 1 or 2 digits before
/// `:`, or before 시 (one space allowed between).
fn clock_digit(t: &str, b: usize) -> bool {
    let bytes = t.as_bytes();
    let k = bytes[b..].iter().take(2).take_while(|c| c.is_ascii_digit()).count();
    (1..=k).any(|j| bytes.get(b + j) == Some(&b':') || t[after_space(t, b + j)..].starts_with('시'))
}

/// Characters of a number in 조/억/만/천 as [`BIG_NUMBER`] and the quantity pattern read them
/// before their unit.
fn number_char(c: char) -> bool {
    c.is_ascii_digit() || c == ',' || c == '.' || c.is_whitespace() || matches!(c, '조' | '억' | '만' | '천')
}

/// Where the number starting at byte `b` of `text` stops being made of [`number_char`]s.
fn number_run_end(text: &str, b: usize) -> usize {
    text[b..].char_indices().find(|&(_, c)| !number_char(c)).map_or(text.len(), |(k, _)| b + k)
}

/// What [`EntityStage::number_matches`] finds in a sentence.
struct NumberMatches<'t> {
    dates: Vec<regex::Match<'t>>,
    sino: Vec<regex::Match<'t>>,
    times: Vec<regex::Match<'t>>,
    /// Byte ranges of the quantities and of the numbers in 조/억/만.
    quantities: Vec<(usize, usize)>,
    big: Vec<(usize, usize)>,
    /// Byte ranges of [`NATIVE_QTY`]'s matches.
    native: Vec<(usize, usize)>,
}

/// [`NATIVE_QTY`]'s numerals, counters and day counts, each list in the pattern's order.
const NATIVE_NUMERALS: &[&str] = &["한두", "두세", "서너", "너덧", "네댓", "대여섯", "예닐곱", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "스무", "서른", "마흔", "석", "넉"];
const NATIVE_COUNTERS: &[&str] = &[
    "명", "곳", "개", "차례", "번", "달", "해", "시간", "가지", "대", "척", "채", "건", "가구", "마리", "권", "주", "주일", "배", "골", "경기", "분", "살", "개월", "군데", "차례",
];
const NATIVE_DAYS: &[&str] = &["나흘", "이틀", "사흘", "닷새", "엿새", "이레", "여드레", "아흐레", "열흘", "보름"];

/// The end of the match of [`NATIVE_QTY`] starting at byte `b` of `t`, if any: a numeral, one
/// optional space and a counter (the first counter of the list that fits, as the regex's
/// alternation takes it), else a day count.
fn native_count_at(t: &str, b: usize) -> Option<usize> {
    let rest = &t[b..];
    for n in NATIVE_NUMERALS {
        if let Some(after) = rest.strip_prefix(n) {
            // (A space taken by `\s?` cannot start a counter: the space is taken when there is one.)
            let after = match after.chars().next() {
                Some(c) if c.is_whitespace() => &after[c.len_utf8()..],
                _ => after,
            };
            if let Some(c) = NATIVE_COUNTERS.iter().find(|c| after.starts_with(**c)) {
                return Some(t.len() - after.len() + c.len());
            }
            // (No numeral starts another: the next alternatives are the day counts.)
            break;
        }
    }
    NATIVE_DAYS.iter().find(|d| rest.starts_with(**d)).map(|d| b + d.len())
}

/// The first syllable of one of [`NATIVE_NUMERALS`] or [`NATIVE_DAYS`].
fn native_first(c: char) -> bool {
    matches!(c, '한' | '두' | '세' | '네' | '다' | '여' | '일' | '아' | '열' | '스' | '서' | '마' | '석' | '넉' | '나' | '이' | '사' | '닷' | '엿' | '보' | '너' | '대' | '예')
}

/// A suffix that may end a word right after a quantity and is no part of it: `간` after a
/// duration (`3년간`, `사흘간`, `40분간에`), `당` of a rate (`1명당`, `1개당`) and the particle `뿐`
/// (`두 번뿐이었다`).
fn duration_gan(rest: &str, particle_start: impl Fn(&str) -> bool) -> bool {
    rest.strip_prefix(['간', '당', '뿐']).is_some_and(|r| r.chars().next().is_none_or(|c| !is_hangul(c)) || particle_start(r) || r.starts_with("이었") || r.starts_with("이다"))
}

/// The matches of [`NATIVE_QTY`] that [`word_matches`] finds (as [`NumberScan::scan`] finds them
/// in its pass): at each word start (no letter or
/// digit before), left to right without overlaps.
#[cfg(test)]
fn native_counts(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut prev: Option<char> = None;
    for (b, c) in t.char_indices() {
        let before = prev.replace(c);
        // (Every numeral and day count starts with one of these syllables; the test of the
        // character before, with Hangul first, is asked for them only.)
        if b < at || !native_first(c) {
            continue;
        }
        if before.is_some_and(|p| is_hangul(p) || p.is_alphanumeric()) {
            continue;
        }
        if let Some(end) = native_count_at(t, b) {
            out.push((b, end));
            at = end;
        }
    }
    out
}

/// Where a quantity whose number starts at byte `b` of `t` starts: before the first number of a
/// range (`3~4배`, `60~70%`, `50∼150㎜`: the unit written once, on the last) and before a word of
/// speed that makes the unit a rate (`시속 60㎞`, `초속 31m`).
fn quantity_start(t: &str, b: usize) -> usize {
    let mut start = b;
    // A span of years (`2027~2029년`) is a date, not a quantity.
    let year = t[b..].len() > 4 && t.as_bytes()[b..b + 4].iter().all(u8::is_ascii_digit) && t[b + 4..].trim_start_matches(' ').starts_with('년');
    if year {
        return b;
    }
    let before = &t[..b];
    let trimmed = before.trim_end_matches(' ');
    if let Some(c) = trimmed.chars().next_back().filter(|c| matches!(c, '~' | '∼' | '〜' | '～')) {
        let head = trimmed[..trimmed.len() - c.len_utf8()].trim_end_matches(' ');
        let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.').len();
        let first = head.len() - digits;
        let clean = digits > 0 && head[first..].starts_with(|c: char| c.is_ascii_digit()) && !head[..first].ends_with(|c: char| c.is_alphanumeric() || matches!(c, '~' | '∼' | '〜' | '～' | '-'));
        if clean {
            start = first;
        }
    }
    let before = t[..start].trim_end_matches(' ');
    if start - before.len() <= 1 {
        for w in ["시속", "초속", "분속"] {
            if let Some(head) = before.strip_suffix(w) {
                if !head.ends_with(|c: char| c.is_alphanumeric()) {
                    start = head.len();
                }
                break;
            }
        }
    }
    start
}

/// A number with the counter 번 (`3번`), naming an exit or a gate after a station.
static NUMBERED: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\d{1,2}번$").unwrap());

/// A building number after a road's name (`3617`, `45-2`).
static STREET_NUMBER: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\d{1,5}(?:-\d{1,4})?$").unwrap());
static ROUTE_NUMBER: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\d{1,4}호선$").unwrap());

/// An interchange, junction or tollgate named in Hangul with a Latin ending: `서안성IC`,
/// `안성JCT`, `서서울TG`.
fn interchange(s: &str) -> bool {
    // (Most words end in Hangul: the last byte rules them out.)
    if !matches!(s.as_bytes().last(), Some(b'C' | b'T' | b'G')) {
        return false;
    }
    ["IC", "JCT", "TG"].iter().any(|suf| s.strip_suffix(suf).is_some_and(|h| h.chars().count() >= 2 && h.chars().all(is_hangul)))
}

/// An institution whose name is also its building (`국회`, `시청`, `해운대구청`).
fn building_body(s: &str) -> bool {
    // Every such name ends in 회, 대, 청 or 사: most words are ruled out by their last character.
    if !matches!(s.chars().next_back(), Some('회' | '대' | '청' | '사')) {
        return false;
    }
    matches!(s, "국회" | "청와대" | "시청" | "구청" | "군청" | "도청" | "정부서울청사" | "정부세종청사")
        || (s.chars().count() >= 3 && ["시청", "구청", "군청", "도청"].iter().any(|x| s.ends_with(x)))
}

/// Particles and copula forms by spelling, longest first.
const PARTICLES: &[&str] = &[
    "에서는", "으로부터", "에게서", "으로써", "이라고", "에서도", "까지는", "과의", "와의", "에서", "에게", "께서", "으로", "까지",
    "부터", "이나", "보다", "처럼", "이다", "였다", "이었", "대비", "은", "는", "이", "가", "을", "를", "의", "에", "와", "과",
    "로", "도", "만", "씩", "나", "였", "인", "째",
];

/// [`PARTICLES`] indexed once, so that the per-word checks cost one hash lookup instead of a scan
/// of the list: the set of spellings, and the particles by their first and by their last
/// character (each list in the order of `PARTICLES`, so a scan of it finds what a scan of the
/// whole list would).
struct ParticleIndex {
    set: rustc_hash::FxHashSet<&'static str>,
    by_first: rustc_hash::FxHashMap<char, Vec<&'static str>>,
    by_last: rustc_hash::FxHashMap<char, Vec<&'static str>>,
}

static PARTICLE_INDEX: Lazy<ParticleIndex> = Lazy::new(|| {
    let mut index = ParticleIndex { set: Default::default(), by_first: Default::default(), by_last: Default::default() };
    for &p in PARTICLES {
        index.set.insert(p);
        index.by_first.entry(p.chars().next().unwrap()).or_default().push(p);
        index.by_last.entry(p.chars().next_back().unwrap()).or_default().push(p);
    }
    index
});

/// `s` is one of [`PARTICLES`] (`PARTICLES.contains(&s)`).
fn is_particle(s: &str) -> bool {
    s.len() <= 12 && PARTICLE_INDEX.set.contains(s)
}

/// The particles `s` may end with, in the order of [`PARTICLES`] (those of them that do not
/// end with the last character of `s` are left out).
fn particles_ending(s: &str) -> &'static [&'static str] {
    s.chars().next_back().and_then(|c| PARTICLE_INDEX.by_last.get(&c)).map_or(&[], Vec::as_slice)
}

/// What may follow a road's name in a word (`경동로`, `가흥로와`, `중원대로가`, `내성천길에서`).
const ROAD_PARTICLES: &[&str] = &[
    "", "와", "과", "가", "이", "를", "을", "는", "은", "의", "에", "에서", "에서는", "에는", "까지", "와의", "과의", "로", "으로", "도", "만", "변",
];

/// The longest of [`ROAD_PARTICLES`], in bytes.
const ROAD_PARTICLE_MAX: usize = "에서는".len();

/// Case particles after which `X대로` is a road, not `as X` (`중원대로가`, `충주대로와`).
const ROAD_CASE: &[&str] = &["와", "과", "가", "를", "에", "에서", "에서는", "에는", "까지", "와의", "과의", "로", "변"];

/// Words after which a number is a duration, not a date (`3일간`, `19일 만에`).
fn duration_follows(rest: &str) -> bool {
    let r = rest.trim_start();
    ["간", "동안", "째", "만에", "만이", "이내", "내에", "내로", "가량", "여 ", "여간", "이상", "이하", "치", "분"]
        .iter()
        .any(|w| rest.starts_with(w) || (r.starts_with(w) && (*w == "만에" || *w == "동안" || *w == "만이" || *w == "이내")))
}

/// The entity stage.
#[derive(Clone)]
pub struct EntityStage {
    /// Tells the stages apart in the per-thread [`WORD_FACTS`] cache.
    id: u64,
    lex: NerLexicon,
    quantity: Regex,
    /// `quantity` anchored at the start of the haystack (for [`digit_matches_in`]).
    quantity_at: Regex,
    /// `수` and a power of ten before a unit (`수백명`, `수십억원`).
    some_quantity: Regex,
    /// The gazetteer's location kinds, each once (the per-thread cache keeps an index into it).
    kinds: Vec<String>,
    /// The longest unit of `quantity`, in bytes.
    unit_max: usize,
}

impl EntityStage {
    pub fn new(data: &DataFiles) -> Result<EntityStage, String> {
        let lex = NerLexicon::new(data)?;
        let units: Vec<String> = lex.units.iter().map(|(u, _)| regex::escape(u)).collect();
        let quantity = Regex::new(&format!(
            r"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:\s?(?:조|억|만|천)(?:\s?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)?)*\s?(?:여|여만|수)?\s?(?:{})",
            units.join("|")
        ))
        .map_err(|e| format!("units.tsv: {e}"))?;
        let quantity_at = Regex::new(&format!("^(?:{})", quantity.as_str())).map_err(|e| format!("units.tsv: {e}"))?;
        let some_quantity = Regex::new(&format!(r"수\s?(?:십|백|천)(?:만|억)?\s?(?:여\s?)?(?:{})", units.join("|"))).map_err(|e| format!("units.tsv: {e}"))?;
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut kinds: Vec<String> = lex.locations.values().map(|e| e.kind.clone()).collect();
        kinds.sort();
        kinds.dedup();
        let unit_max = lex.units.iter().map(|(u, _)| u.len()).max().unwrap_or(0);
        Ok(EntityStage { id, lex, quantity, quantity_at, some_quantity, kinds, unit_max })
    }
}

fn is_hangul(c: char) -> bool {
    ('가'..='힣').contains(&c)
}

fn tag(pos: &str) -> &str {
    match pos.as_bytes().iter().position(|&b| b == b'+') {
        Some(i) => &pos[..i],
        None => pos,
    }
}

/// What the characters of a word hold, noted by [`words`] as it reads them.
#[derive(Default, Clone, Copy)]
struct Seen {
    /// An opening parenthesis.
    open: bool,
    /// Hangul syllables only.
    all_hangul: bool,
    /// 로 or 길.
    ro_gil: bool,
}

/// A character that ends a word: whitespace, `·`, `,`, `/`, `…`, `、`, `~`, `～`.
fn separator(c: char) -> bool {
    // (A Hangul syllable, most characters of a sentence, is none of them.)
    if is_hangul(c) {
        return false;
    }
    c.is_whitespace() || c == '·' || c == ',' || c == '/' || c == '…' || c == '、' || c == '~' || c == '～' || c == '∼' || c == '〜'
}

/// Splits a sentence into words with stems, into `out` (emptied first; a buffer reused from
/// sentence to sentence).
fn words<'a>(a: &'a Analysis, sentence: usize, out: &mut Vec<Word<'a>>) {
    let s = &a.sentences[sentence];
    let text = a.text(s.span);
    let morphs = &a.morphs[s.morphs.clone()];
    out.clear();
    // (Room for the words of most sentences: a word and its space take about 8 bytes or more.)
    out.reserve(text.len() / 6 + 2);
    // The sentence's characters and their byte offsets (and its length), once: a word's are a
    // slice of them.
    let mut buf = WORD_CHARS.with(|b| std::mem::take(&mut *b.borrow_mut()));
    let (chars, bytes) = &mut buf;
    chars.clear();
    bytes.clear();
    chars.extend(text.chars());
    // (Each offset from the one before: one decoding of the text.)
    let mut b = 0;
    bytes.extend(chars.iter().map(|c| {
        let at = b;
        b += c.len_utf8();
        at
    }));
    bytes.push(text.len());
    let (chars, bytes) = (&*chars, &*bytes);
    let mut bits_buf = MORPH_BITS_BUF.with(|b| std::mem::take(&mut *b.borrow_mut()));
    morph_bits_of(morphs, &mut bits_buf);
    let bits = &bits_buf[..];
    let mut mi = 0;
    // (code point, byte offset in `text`) of the start of the current word.
    let mut start: Option<(usize, usize)> = None;
    let mut pos = s.span.start;
    let mut push = |w0: (usize, usize), w1: (usize, usize), seen: Seen, out: &mut Vec<Word<'a>>| {
        while mi < morphs.len() && morphs[mi].span.end <= w0.0 {
            mi += 1;
        }
        let m0 = mi;
        let mut m1 = m0;
        while m1 < morphs.len() && morphs[m1].span.start < w1.0 {
            m1 += 1;
        }
        let (c0, c1) = (w0.0 - s.span.start, w1.0 - s.span.start);
        debug_assert_eq!((bytes[c0], bytes[c1]), (w0.1, w1.1));
        out.push(make_word_from(a, w0.0, w1.0, &morphs[m0..m1], &bits[m0..m1], &chars[c0..c1], text, &bytes[c0..=c1], seen));
    };
    // What the characters of the current word hold so far.
    let mut seen = Seen::default();
    // (Over the characters decoded above, not the text again.)
    for (&c, &b) in chars.iter().zip(bytes.iter()) {
        let hangul = is_hangul(c);
        let sep = !hangul && separator(c);
        // `형사합의23부(서문혜진 부장판사)는`: a parenthesis that opens inside a word and closes
        // in a later one starts a new word (one closed in the same word, `기구(WTO)`, does not).
        if c == '(' && start.is_some() {
            let rest = &text[b..];
            let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            if !rest[..word_end].contains(')') && rest.contains(')') {
                push(start.take().unwrap(), (pos, b), seen, out);
            }
        }
        if sep {
            if let Some(w0) = start.take() {
                push(w0, (pos, b), seen, out);
            }
        } else {
            if start.is_none() {
                start = Some((pos, b));
                seen = Seen { open: false, all_hangul: true, ro_gil: false };
            }
            seen.open |= c == '(';
            seen.all_hangul &= hangul;
            seen.ro_gil |= c == '로' || c == '길';
        }
        pos += 1;
    }
    if let Some(w0) = start {
        push(w0, (pos, text.len()), seen, out);
    }
    WORD_CHARS.with(|b| *b.borrow_mut() = buf);
    MORPH_BITS_BUF.with(|b| *b.borrow_mut() = bits_buf);
}

thread_local! {
    /// Per thread: the facts of a stem that depend on its text alone (and, for an organization
    /// word, its `hangul` flag: [`EntityStage::is_org_word`]), a dozen lexicon lookups per word,
    /// for the stage with the given id. Nothing kept here may depend on the word's other parts
    /// (its particle, its form): the first word met with a stem would decide for all the others,
    /// and the answer would depend on which documents a thread happened to see first.
    static WORD_FACTS: std::cell::RefCell<(u64, rustc_hash::FxHashMap<String, StemFacts>)> =
        std::cell::RefCell::new((u64::MAX, Default::default()));
}

/// What [`WORD_FACTS`] keeps for one stem: title and organization word by its `hangul` flag, and
/// the facts of its text alone: its gazetteer kind (an index into [`EntityStage::kinds`], plus
/// one; 0 when the gazetteer lacks it), [`NerLexicon::location_by_suffix`] and
/// [`NerLexicon::is_facility`].
#[derive(Default, Clone, Copy)]
struct StemFacts {
    /// Organization word, by the `hangul` flag (the second value is unused).
    role_org: [Option<(bool, bool)>; 2],
    /// [`EntityStage::role_facts`].
    title: bool,
    title_exempt: bool,
    loc_kind: u16,
    by_suffix: bool,
    facility: bool,
    /// [`EntityStage::county_short_form`], [`is_generic_org`] and [`EntityStage::place_with_feature`].
    county_short: bool,
    generic: bool,
    place_feature: bool,
}

/// Entries of [`WORD_FACTS`] before it is emptied (bounds its memory).
const WORD_FACTS_MAX: usize = 200_000;

thread_local! {
    /// Scratch buffers for the characters of one sentence and their byte offsets (no allocation per sentence).
    static WORD_CHARS: std::cell::RefCell<(Vec<char>, Vec<usize>)> = const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
    /// Scratch buffer of [`morph_bits_of`] for one sentence.
    static MORPH_BITS_BUF: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Scratch buffers of [`NumberScan`], reused from sentence to sentence.
    static NUMBER_SCAN: std::cell::RefCell<NumberScan> = std::cell::RefCell::new(NumberScan::default());
}

/// Quotation marks, brackets and bullets before a word's stem.
fn leading_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '(' | '<' | '[' | '《' | '〈' | '【' | '▲' | '△' | '◇' | '■' | '▶' | '◆' | '○' | '●' | '-')
}

/// Punctuation, closing quotation marks and brackets after a word's stem.
fn trailing_mark(c: char) -> bool {
    matches!(c, '.' | ',' | '!' | '?' | ';' | ':' | '…' | '"' | '\'' | '”' | '’' | '」' | '』' | '>' | ']' | '》' | '〉' | '】')
}

/// What [`make_word_from`] asks of a morpheme's part of speech, as bits computed once per
/// dictionary word ([`morph_bits`], kept in [`crate::doc::Features::entity_bits`]). `T_` bits test the first
/// tag (before `+`), `P_` bits the whole tag string.
const T_J: u32 = 1; // starts with J
const T_VCP: u32 = 1 << 1; // == VCP
const T_E: u32 = 1 << 2; // starts with E
const T_XSN: u32 = 1 << 3; // == XSN
const T_MARK: u32 = 1 << 4; // SF, SP, SE, SSC, SC or SY
const T_NNB: u32 = 1 << 5;
const T_NNP: u32 = 1 << 6;
const T_V: u32 = 1 << 7; // starts with V
const T_XSV_XSA: u32 = 1 << 8; // == XSV or == XSA
const T_MAG: u32 = 1 << 9;
const T_XSV_XSA_PREFIX: u32 = 1 << 10; // starts with XSV or XSA
const T_COMMON: u32 = 1 << 11; // NNG, MAG, MM, NP, NNB, MAJ, VV, VA or XR
const T_NNG: u32 = 1 << 12;
const P_VERB_FIRST: u32 = 1 << 13; // starts with V, XSV, XSA or E
const P_ETM: u32 = 1 << 14; // holds ETM
const P_EP: u32 = 1 << 15; // holds EP
const P_VV_ETM: u32 = 1 << 16; // == VV+ETM
const T_VERB_NOT_VCP: u32 = 1 << 17; // starts with V and != VCP

pub(crate) fn morph_bits(pos: &str) -> u32 {
    let t = tag(pos);
    let mut b = 0;
    let mut set = |bit: u32, on: bool| {
        if on {
            b |= bit;
        }
    };
    set(T_J, t.starts_with('J'));
    set(T_VCP, t == "VCP");
    set(T_E, t.starts_with('E'));
    set(T_XSN, t == "XSN");
    set(T_MARK, matches!(t, "SF" | "SP" | "SE" | "SSC" | "SC" | "SY"));
    set(T_NNB, t == "NNB");
    set(T_NNP, t == "NNP");
    set(T_V, t.starts_with('V'));
    set(T_XSV_XSA, t == "XSV" || t == "XSA");
    set(T_MAG, t == "MAG");
    set(T_XSV_XSA_PREFIX, t.starts_with("XSV") || t.starts_with("XSA"));
    set(T_COMMON, matches!(t, "NNG" | "MAG" | "MM" | "NP" | "NNB" | "MAJ" | "VV" | "VA" | "XR"));
    set(T_NNG, t == "NNG");
    set(P_VERB_FIRST, ["V", "XSV", "XSA", "E"].iter().any(|p| pos.starts_with(p)));
    set(P_ETM, pos.contains("ETM"));
    set(P_EP, pos.contains("EP"));
    set(P_VV_ETM, pos == "VV+ETM");
    set(T_VERB_NOT_VCP, t.starts_with('V') && t != "VCP");
    b
}

/// [`morph_bits`] of each morpheme of `morphs` (kept in its features), into `out` (emptied first).
fn morph_bits_of(morphs: &[crate::doc::Morph], out: &mut Vec<u32>) {
    out.clear();
    out.extend(morphs.iter().map(|m| m.features.entity_bits));
}

/// `text` holds the characters of the word, `bytes` the byte offset in `word` of each and of the
/// word's end (`word` may be the whole sentence). `bits` holds [`morph_bits`] of each of `morphs`.
#[allow(clippy::too_many_arguments)]
fn make_word_from<'a>(a: &Analysis, w0: usize, w1: usize, morphs: &[crate::doc::Morph], bits: &[u32], text: &[char], word: &'a str, bytes: &[usize], seen: Seen) -> Word<'a> {
    debug_assert_eq!(morphs.len(), bits.len());
    debug_assert_eq!(text.len(), w1 - w0);
    let slice = |c0: usize, c1: usize| -> &'a str { &word[bytes[c0]..bytes[c1]] };
    let span = Span::new(w0, w1);
    let mut s0 = 0;
    let mut s1 = text.len();
    while s0 < s1 && leading_mark(text[s0]) {
        s0 += 1;
    }
    // A quoted name (`‘런앤고’를`): the name is what the marks enclose, whatever ko-dic makes of
    // it, and a particle is what follows the closing mark.
    let mut particle = None;
    let mut k = morphs.len();
    if s0 == 1 {
        let close = match text[0] {
            '‘' => Some('’'),
            '“' => Some('”'),
            '\'' | '"' => Some(text[0]),
            '「' => Some('」'),
            '『' => Some('』'),
            _ => None,
        };
        if let Some(c) = close.and_then(|c| text[1..].iter().position(|&x| x == c).map(|p| p + 1)) {
            let rest = slice(c + 1, text.len()).trim_end_matches(|ch: char| ".,!?;:…".contains(ch));
            if c > 1 && rest.chars().all(is_hangul) && rest.chars().count() <= 3 {
                if !rest.is_empty() {
                    particle = Some(rest);
                }
                s1 = c;
                k = 0;
            }
        }
    }
    // Trailing particles and endings, by ko-dic's analysis of the word.
    while k > 0 {
        let m = &morphs[k - 1];
        let t = bits[k - 1];
        // An ending is stripped after the copula or another ending (`대표였다`), not after a verb
        // or verb suffix: `남궁하린` read as 남궁 + 하 + 린 is one word, not 남궁하 + an ending.
        // An ending spelled like a particle (`시그널스는` read as 시그널 + 스 + 는) is still taken
        // for the particle.
        // (Only asked for an ending.)
        let after_verb = || k >= 2 && !is_particle(a.text(m.span)) && bits[k - 2] & (T_VERB_NOT_VCP | T_XSV_XSA_PREFIX) != 0;
        let strip = t & (T_J | T_VCP) != 0 || (t & T_E != 0 && !after_verb()) || (t & T_XSN != 0 && a.text(m.span) == "들");
        let local_end = m.span.end - w0;
        if strip && local_end <= s1 && m.span.start >= w0 + s0 {
            let p0 = m.span.start - w0;
            if p0 > s0 {
                particle = Some(slice(p0, s1));
                s1 = p0;
                k -= 1;
                continue;
            }
        }
        if t & T_MARK != 0 && m.span.start >= w0 + s0 && local_end >= s1 {
            let p0 = m.span.start - w0;
            if p0 > s0 && text[p0] != ')' {
                s1 = p0;
                k -= 1;
                continue;
            }
        }
        break;
    }
    while s1 > s0 && trailing_mark(text[s1 - 1]) {
        s1 -= 1;
    }
    // A trailing "(…)" group: age, abbreviation, or a note.
    let mut paren = None;
    if s1 > s0 && text[s1 - 1] == ')' {
        if let Some(open) = text[s0..s1].iter().rposition(|&c| c == '(') {
            let open = s0 + open;
            if open > s0 {
                paren = Some(slice(open + 1, s1 - 1));
                s1 = open;
            }
        }
    }
    // A parenthesis closed in the word and opened in an earlier one (`(서문혜진 부장판사)는`): the
    // word ends before it.
    if paren.is_none() && s1 > s0 + 1 && text[s1 - 1] == ')' && !text[s0..s1].contains(&'(') {
        s1 -= 1;
    }
    // A parenthesis opened in the word and closed in a later one (`에너지(Northport Energy Inc.)`):
    // the word ends where it opens.
    // (Only a word with a `(` has one: `seen.open`.)
    if let Some(open) = seen.open.then(|| text[s0..s1].iter().rposition(|&c| c == '(')).flatten() {
        if open > 0 && !text[s0 + open..s1].contains(&')') {
            s1 = s0 + open;
        }
    }
    // Particles after a parenthesis were stripped above; strip 씨/군/양.
    let mut honorific = false;
    if s1 - s0 >= 2 && matches!(text[s1 - 1], '씨' | '군' | '양') {
        let before = text[s1 - 2];
        if is_hangul(before) || before.is_ascii_uppercase() || before == ')' {
            // Only when ko-dic read it as the dependent noun 씨 (not 솜씨, 날씨).
            let dep = morphs.iter().zip(bits).any(|(m, &b)| m.span.start == w0 + s1 - 1 && b & T_NNB != 0)
                || before.is_ascii_uppercase();
            if dep {
                honorific = true;
                s1 -= 1;
                if text[s1 - 1] == ')' {
                    if let Some(open) = text[s0..s1].iter().rposition(|&c| c == '(') {
                        paren = Some(slice(s0 + open + 1, s1 - 1));
                        s1 = s0 + open;
                    }
                }
            }
        }
    }
    let stem = Span::new(w0 + s0, w0 + s1.max(s0));
    let stem_text = std::borrow::Cow::Borrowed(slice(s0, s1.max(s0)));
    // The morphemes inside the stem, in one pass.
    let mut first: Option<(&crate::doc::Morph, u32)> = None;
    let mut last: Option<(&crate::doc::Morph, u32)> = None;
    // The second and third morphemes inside.
    let mut second: Option<(&crate::doc::Morph, u32)> = None;
    let mut third: Option<(&crate::doc::Morph, u32)> = None;
    let mut inside = 0usize;
    let (mut all_nnp, mut same_class, mut inflected, mut all_proper, mut has_proper, mut proper_head) = (true, true, false, true, false, 0);
    for (m, &t) in morphs.iter().zip(bits).filter(|(m, _)| m.span.start >= stem.start && m.span.end <= stem.end) {
        match first {
            None => first = Some((m, t)),
            Some((f, _)) => same_class &= m.features.semantic_class == f.features.semantic_class,
        }
        match inside {
            1 => second = Some((m, t)),
            2 => third = Some((m, t)),
            _ => {}
        }
        last = Some((m, t));
        inside += 1;
        all_nnp &= t & T_NNP != 0;
        inflected |= t & (T_V | T_E | T_XSN | T_XSV_XSA | T_MAG) != 0;
        let proper = m.features.unknown || t & T_NNP != 0;
        all_proper &= proper;
        if proper {
            has_proper = true;
            proper_head = m.span.end - stem.start;
        }
    }
    let class: Option<&'static str> = match first {
        Some((f, _)) if all_nnp && same_class && !f.features.semantic_class.is_empty() => {
            let features: &'static crate::doc::Features = f.features;
            Some(&features.semantic_class)
        }
        _ => None,
    };
    let common_word = first.is_some_and(|(f, t)| inside == 1 && f.span == stem && !f.features.unknown && t & T_COMMON != 0);
    // (From the characters already decoded: the stem is `text[s0..s1]`.)
    let hangul = s1 > s0 && (seen.all_hangul || text[s0..s1].iter().all(|&c| is_hangul(c)));
    let proper_or_unknown = first.is_some() && all_proper;
    let name_read_as_verb = {
        let head_verb = first.is_some_and(|(_, t)| t & T_V != 0);
        let last_bits = last.map_or(0, |(_, t)| t);
        let verb_last = last_bits & P_VERB_FIRST != 0;
        // `정형준` read as 정형 + 준 (주 + ㄴ): a noun and then a one-syllable verb fused with the
        // adnominal ending, no particle between. News writes a clause before a title with its
        // particle (`도움을 준`, `강조한` is 하 + ㄴ); this is how ko-dic reads given names that
        // end in 준, 진, 운 ….
        let fused = match (first, second, inside) {
            (Some((_, n)), Some((v, vt)), 2) => n & T_NNG != 0 && vt & P_VV_ETM != 0 && v.span.end - v.span.start == 1,
            _ => false,
        };
        (verb_last && !head_verb && last_bits & (P_ETM | P_EP) == 0) || fused
    };
    let bound_noun_last = inside == 3
        && first.is_some_and(|(_, t)| t & T_V != 0)
        && second.is_some_and(|(_, t)| t & P_ETM != 0)
        && third.is_some_and(|(_, t)| t & T_NNB != 0);
    let ro_gil = seen.ro_gil;
    Word { span, stem, stem_text, paren, particle, honorific, class, common_word, hangul, inflected, proper_or_unknown, name_read_as_verb, has_proper, bound_noun_last, proper_head, ro_gil }
}

/// [`EntityStage::is_role`] from the facts of the stem's text ([`EntityStage::role_facts`]) and
/// the word's own form: a verb form that ends like a title (`내주지`: 내주 + 지) is not one.
fn role_of_word(w: &Word, title: bool, exempt: bool) -> bool {
    title && !(w.inflected && w.particle.is_none() && !exempt)
}

fn subject(w: &Word) -> bool {
    matches!(w.particle.as_deref(), Some("이" | "가" | "은" | "는" | "도" | "이나" | "측은"))
}

impl EntityStage {
    fn is_role(&self, w: &Word) -> bool {
        let (title, exempt) = self.role_facts(&w.stem_text);
        role_of_word(w, title, exempt)
    }

    /// What [`EntityStage::is_role`] reads of a stem's text alone (kept per stem in
    /// [`WORD_FACTS`]): whether it is a title, and whether it stays one when written as a verb
    /// form (listed as a title or office, or two syllables at most).
    fn role_facts(&self, stem: &str) -> (bool, bool) {
        let title = !stem.is_empty() && (self.lex.role(stem) || matches!(stem, "CEO" | "CFO" | "CTO" | "COO"));
        let exempt = self.lex.roles.contains(stem) || stem.chars().count() <= 2 || self.lex.office_roles.contains(stem);
        (title, exempt)
    }

    fn is_org_word(&self, w: &Word) -> bool {
        let s = &*w.stem_text;
        if s.is_empty() || self.lex.roles.contains(s) {
            return false;
        }
        if self.lex.organizations.contains_key(s) {
            return true;
        }
        // A city whose name ends like a body (`의정부`: …정부) is a place; whether it acts is
        // decided with the other places.
        // (So is a foreign prefecture or state that ends so: `오사카부`, `교토부`.)
        if self.lex.locations.get(s).is_some_and(|e| matches!(e.kind.as_str(), "city" | "county" | "district" | "foreign_city")) {
            return false;
        }
        // `해오름FC`, `수원FC`: a football club's name with FC written onto it.
        if glued_fc(s) {
            return true;
        }
        let latin_head = s.chars().next().is_some_and(|c| c.is_ascii_uppercase());
        if latin_head && s.chars().any(is_hangul) {
            // LG전자, KS에너지솔루션, DS투자증권
            let hangul_tail: String = s.chars().skip_while(|c| !is_hangul(*c)).collect();
            return self.lex.org_suffixes.iter().any(|(suf, _)| hangul_tail.ends_with(suf.as_str()));
        }
        w.hangul && self.lex.org_by_suffix(s) && !kind_of_hospital(s)
    }

    /// The facts of a stem's text kept in [`WORD_FACTS`] (title and organization word left unset).
    fn stem_facts(&self, stem: &str) -> StemFacts {
        let loc_kind = self.lex.locations.get(stem).map_or(0, |e| {
            let k = self.kinds.iter().position(|k| *k == e.kind).expect("every kind is listed");
            u16::try_from(k + 1).expect("few kinds")
        });
        let (title, title_exempt) = self.role_facts(stem);
        StemFacts {
            role_org: [None; 2],
            title,
            title_exempt,
            loc_kind,
            by_suffix: self.lex.location_by_suffix(stem),
            facility: self.lex.is_facility(stem),
            county_short: self.county_short_form(stem),
            generic: is_generic_org(stem),
            place_feature: self.place_with_feature(stem),
        }
    }

    /// A plausible personal name: Hangul, 2–4 syllables (5 with a two-syllable surname), starting
    /// with a surname, not a known word, place, organization or title.
    fn name_like(&self, w: &Word, is_role: bool, is_org: bool) -> bool {
        let n = w.stem_text.chars().count();
        // (The word's flags first, then one surname lookup, then the gazetteers.)
        if !(w.hangul && (2..=5).contains(&n) && !w.common_word && !w.inflected && !is_role && !is_org) {
            return false;
        }
        let Some(k) = self.lex.surname_of(&w.stem_text) else { return false };
        n - k <= 3
            && n - k >= 1
            && !self.lex.locations.contains_key(&*w.stem_text)
            && !self.lex.organizations.contains_key(&*w.stem_text)
            && w.stem_text.chars().skip(k).ne("모".chars())
            && w.class.as_deref() != Some("지명")
            // `주그리스 대사관`: 주 + a country names a mission abroad (ko-dic may read 주 as a surname).
            && !w.stem_text.strip_prefix('주').is_some_and(|c| self.lex.locations.get(c).is_some_and(|e| matches!(e.kind.as_str(), "country" | "foreign_city")))
    }

    fn find<'a, 's>(&'s self, a: &'a Analysis, si: usize, cands: &mut Vec<Cand>, words_buf: &mut Vec<Word<'a>>, bufs: &mut RuleBufs<'s>) {
        let s = &a.sentences[si];
        let text = a.text(s.span);
        let pub_date = a.doc.meta.published;
        let base = s.span.start;
        // Byte offset in the sentence → document code point.
        let sentence_byte = a.index.byte(base);
        let cp = |b: usize| a.index.char(sentence_byte + b);
        let push = |cands: &mut Vec<Cand>, b0: usize, b1: usize, kind: &'static str, normalized: String, priority: u8| {
            let t = &text[b0..b1];
            let lead = t.len() - t.trim_start().len();
            let b1 = b0 + t.trim_end().len();
            let b0 = b0 + lead;
            if b0 < b1 {
                cands.push(Cand { span: Span::new(cp(b0), cp(b1)), kind, normalized, priority });
            }
        };
        let boundary_before = |b: usize| !text[..b].chars().next_back().is_some_and(|c| c.is_alphanumeric());

        // Dates, then the part of day right after them (`19일 오전`).
        let caption = s.kind == crate::doc::BlockKind::Caption;
        let mut scan = NUMBER_SCAN.with(|b| std::mem::take(&mut *b.borrow_mut()));
        scan.scan(text, Some(&self.lex));
        let found = self.number_matches(text, &scan, false);
        let multiword = if scan.multiword_space { text } else { "" };
        NUMBER_SCAN.with(|b| *b.borrow_mut() = scan);
        for m in found.dates {
            if caption && CAPTION_STAMP.is_match(&text[m.start()..]) {
                continue;
            }
            let mut end = m.end();
            let core = m.as_str();
            let rest = &text[end..];
            let ends_in_number_unit = core.ends_with('일') || core.ends_with('년') || core.ends_with('월');
            if ends_in_number_unit && duration_follows(rest) && !core.starts_with("지난") && !core.starts_with("오는") {
                continue;
            }
            // `오늘배달`, `내일학교`: a day word glued to a noun names something else.
            if matches!(core, "오늘" | "내일" | "어제" | "모레") && rest.chars().next().is_some_and(is_hangul) && !self.particle_start(rest) && !rest.starts_with(['께', '쯤', '엔', '중', '만']) {
                continue;
            }
            if core.trim_end().ends_with(')') {
                end = m.start() + core.rfind('(').unwrap_or(core.len());
            }
            let span_text = &text[m.start()..end];
            let norm = time::normalize_date(span_text, pub_date).unwrap_or_default();
            push(cands, m.start(), end, DATE, norm, 3);
            if let Some(p) = PART_OF_DAY.captures(&text[m.end()..]) {
                let g = p.get(1).unwrap();
                let after = &text[m.end() + g.end()..];
                if !after.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
                    push(cands, m.end() + g.start(), m.end() + g.end(), TIME, String::new(), 3);
                }
            }
        }
        // Dates in Sino-Korean numerals (`이천이십육년`), which ko-dic splits into pieces.
        for m in found.sino {
            let rest = &text[m.end()..];
            if rest.chars().next().is_some_and(is_hangul) && !self.particle_start(rest) {
                continue; // 이십일세기
            }
            let norm = time::normalize_date(m.as_str(), pub_date).unwrap_or_default();
            if !norm.is_empty() {
                push(cands, m.start(), m.end(), DATE, norm, 3);
            }
        }
        for m in found.times {
            if text[m.end()..].starts_with('간') {
                continue;
            }
            push(cands, m.start(), m.end(), TIME, time::normalize_time(m.as_str()).unwrap_or_default(), 3);
        }
        for (b0, b1) in found.quantities {
            // A unit glued to a following Hangul word is part of that word (`3명은` is fine, `2차전지` is not).
            let next = text[b1..].chars().next();
            let unit_is_hangul = text[b0..b1].chars().last().is_some_and(is_hangul);
            if unit_is_hangul && next.is_some_and(is_hangul) && !self.particle_start(&text[b1..]) && !duration_gan(&text[b1..], |r| self.particle_start(r)) {
                continue;
            }
            push(cands, quantity_start(text, b0), b1, QUANTITY, String::new(), 2);
        }
        // `수백명`, `수십t`, `수천 명`: an unknown number of tens, hundreds or thousands.
        if text.contains('수') {
            for m in self.some_quantity.find_iter(text) {
                let next = text[m.end()..].chars().next();
                let unit_is_hangul = m.as_str().chars().last().is_some_and(is_hangul);
                if boundary_before(m.start()) && !(unit_is_hangul && next.is_some_and(is_hangul) && !self.particle_start(&text[m.end()..])) {
                    push(cands, m.start(), m.end(), QUANTITY, String::new(), 2);
                }
            }
        }
        for (b0, b1) in found.big {
            // 812억, 3조2000억: a number in 조/억/만 with its unit left out.
            let next = text[b1..].chars().next();
            if !(next.is_some_and(is_hangul) && !self.particle_start(&text[b1..])) {
                push(cands, b0, b1, QUANTITY, String::new(), 1);
            }
        }
        for (b0, b1) in found.native {
            // `두 대표` is two people, not a count of 대.
            let next = text[b1..].chars().next();
            if !(next.is_some_and(is_hangul) && !self.particle_start(&text[b1..])) || duration_gan(&text[b1..], |r| self.particle_start(r)) {
                push(cands, b0, b1, QUANTITY, String::new(), 1);
            }
        }
        // (Both patterns end in 씨, 군 or 양; the Latin one starts with a capital or a jamo,
        // whose UTF-8 starts with the byte E3.)
        let honorific = text.contains('씨') || text.contains('군') || text.contains('양');
        for c in MO_PERSON.captures_iter(if honorific && text.contains('모') { text } else { "" }) {
            let g = c.get(1).unwrap();
            if boundary_before(g.start()) && self.lex.is_surname(g.as_str()) {
                push(cands, g.start(), g.end(), PERSON, String::new(), 5);
            }
        }
        let latin_or_jamo = honorific && text.bytes().any(|b| b.is_ascii_uppercase() || b == 0xE3);
        for c in LATIN_PERSON.captures_iter(if latin_or_jamo { text } else { "" }) {
            let g = c.get(1).unwrap();
            push(cands, g.start(), g.end(), PERSON, String::new(), 5);
        }
        for m in LATIN_ORG.find_iter(if text.contains('&') { text } else { "" }) {
            if text[m.end()..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
                continue;
            }
            push(cands, m.start(), m.end(), ORGANIZATION, String::new(), 4);
        }
        // (Most sentences hold none of the names: the scan's test of their spaces rules them out.)
        for m in self.lex.multiword_ac.find_iter(multiword) {
            let ok_start = boundary_before(m.start());
            let next = text[m.end()..].chars().next();
            let ok_end = next.is_none_or(|c| !c.is_alphanumeric()) || self.particle_start(&text[m.end()..]);
            if ok_start && ok_end {
                let org = self.lex.multiword[m.pattern().as_usize()].1;
                push(cands, m.start(), m.end(), if org { ORGANIZATION } else { LOCATION }, String::new(), 4);
            }
        }

        self.word_rules(a, si, cands, words_buf, bufs);
    }

    /// The matches (as [`word_matches`] finds them) of the patterns of dates, Sino-Korean dates,
    /// times, quantities, numbers in 조/억/만 and native-Korean counts in a sentence. Each pattern
    /// is searched only around the places `scan` found that one of its matches needs (see
    /// [`word_matches_in`]); with `exact`, or when the sentence has a numeric character other than
    /// an ASCII digit, the whole sentence is searched as before.
    fn number_matches<'t>(&self, text: &'t str, scan: &NumberScan, exact: bool) -> NumberMatches<'t> {
        let exact = exact || scan.other_numeric;
        let digits = !scan.digits.is_empty();
        let mut regions: Vec<(usize, usize)> = Vec::new();
        let dates = if exact {
            let dates = digits || DATE_WORDS.is_match(text);
            if dates { word_matches(&DATE_RE, text) } else { Vec::new() }
        } else {
            // Every match holds, within its first bytes, a date word or a digit that starts a
            // number of the date (`date_digit`). (The words are found without overlaps: one
            // missed overlaps one found that starts no later, whose region then holds the match
            // too.)
            let mut anchors: Vec<usize> = scan.digits.iter().copied().filter(|&b| date_digit(text, b)).collect();
            let n = anchors.len();
            date_word_starts(text, &mut anchors);
            if anchors.len() > n && n > 0 {
                anchors.sort_unstable();
            }
            for &b in &anchors {
                add_region(&mut regions, text, b.saturating_sub(DATE_BACK), b + DATE_LEN);
            }
            word_matches_in(&DATE_RE, text, &regions)
        };
        let sino = if exact {
            word_matches(&time::SINO_DATE, text)
        } else {
            regions.clear();
            for &b in &scan.sino_ends {
                add_region(&mut regions, text, b.saturating_sub(SINO_BACK), b + 3);
            }
            word_matches_in(&time::SINO_DATE, text, &regions)
        };
        let times = if exact {
            let clock = text.contains('시') || text.contains(':');
            if clock { word_matches(&TIME_RE, text) } else { Vec::new() }
        } else {
            regions.clear();
            for &b in scan.digits.iter().filter(|&&b| clock_digit(text, b)) {
                add_region(&mut regions, text, b.saturating_sub(TIME_BACK), b + TIME_LEN);
            }
            word_matches_in(&TIME_RE, text, &regions)
        };
        // Quantities start with a digit, and what comes before their unit is made of number
        // characters: a region for each run of them (with room for `여`/`수` and the unit), and
        // for BIG_NUMBER one for each run that holds 조, 억 or 만.
        let (quantities, big) = if !digits {
            (Vec::new(), Vec::new())
        } else if exact {
            let ranges = |ms: Vec<regex::Match>| ms.iter().map(|m| (m.start(), m.end())).collect();
            (ranges(word_matches(&self.quantity, text)), ranges(word_matches(&BIG_NUMBER, text)))
        } else {
            regions.clear();
            let mut big_regions: Vec<(usize, usize)> = Vec::new();
            let mut i = 0;
            while i < scan.digits.len() {
                let b = scan.digits[i];
                let end = number_run_end(text, b);
                add_region(&mut regions, text, b, end + 16 + self.unit_max);
                if text[b..end].contains(['조', '억', '만']) {
                    add_region(&mut big_regions, text, b, end);
                }
                while i < scan.digits.len() && scan.digits[i] < end {
                    i += 1;
                }
            }
            (digit_matches_in(&self.quantity_at, text, &regions), digit_matches_in(&BIG_NUMBER_AT, text, &big_regions))
        };
        let native = if exact { word_matches(&NATIVE_QTY, text).iter().map(|m| (m.start(), m.end())).collect() } else { scan.native.clone() };
        NumberMatches { dates, sino, times, quantities, big, native }
    }

    /// Does a particle start `rest` (`은`, `의`, `에서` …)?
    fn particle_start(&self, rest: &str) -> bool {
        rest.chars().next().and_then(|c| PARTICLE_INDEX.by_first.get(&c)).is_some_and(|ps| ps.iter().any(|p| rest.starts_with(p)))
    }

    fn word_rules<'a, 's>(&'s self, a: &'a Analysis, si: usize, cands: &mut Vec<Cand>, words_buf: &mut Vec<Word<'a>>, bufs: &mut RuleBufs<'s>) {
        let mut ws = std::mem::take(words_buf);
        words(a, si, &mut ws);
        // ko-dic reads `경기도` as 경기 + the particle 도: a name the gazetteers know wins.
        let mut full = String::new();
        for w in ws.iter_mut() {
            // … and `을지로3가` as 을지로 3 + the particle 가, `을지로6가의` as one noun: a numbered
            // 가 or 동 is the place's (`numbered_village`), with any particle after it.
            if w.stem_text.bytes().any(|b| b.is_ascii_digit()) {
                let whole = a.text(Span::new(w.stem.start, w.span.end));
                let whole = whole.trim_end_matches(|c: char| !is_hangul(c) && !c.is_ascii_digit());
                if let Some((k, _)) = whole.char_indices().find(|&(k, c)| matches!(c, '가' | '동') && k > 0 && whole.as_bytes()[k - 1].is_ascii_digit()) {
                    let head = &whole[..k + '가'.len_utf8()];
                    let after = &whole[head.len()..];
                    if numbered_village(head) && (after.is_empty() || is_particle(after)) && head.len() != w.stem_text.len() {
                        w.stem = Span::new(w.stem.start, w.stem.start + head.chars().count());
                        w.stem_text = head.to_string().into();
                        w.particle = (!after.is_empty()).then_some(after);
                        w.common_word = false;
                        w.hangul = false;
                        continue;
                    }
                }
            }
            if let Some(p) = w.particle {
                full.clear();
                full.push_str(&w.stem_text);
                full.push_str(p);
                // … and `동해고속도로` as 동해고속도 + the particle 로.
                let road = p == "로" && (full.ends_with("도로") || full.ends_with("교차로")) && full.chars().count() >= 4;
                // … and `세투발반도` as 세투발반 + the particle 도 (a place ending: 반도, 교차로).
                let place_end = p == "도" && w.hangul && self.lex.location_by_suffix(&full);
                if self.lex.locations.contains_key(&full) || self.lex.organizations.contains_key(&full) || road || place_end {
                    w.stem = Span::new(w.stem.start, w.stem.end + p.chars().count());
                    w.stem_text = full.clone().into();
                    // A particle after the one taken into the name stays (`충북도는` read as 충북 + 도 + 는).
                    let after = a.text(Span::new(w.stem.end, w.span.end)).trim_end_matches(|c: char| !is_hangul(c));
                    w.particle = (!after.is_empty() && is_particle(after)).then_some(after);
                    w.common_word = false;
                } else if let Some(rest) = p.strip_prefix('도').filter(|r| !r.is_empty() && is_particle(r)) {
                    // … and `충북도는` as 충북 + the particles 도 and 는.
                    full.truncate(w.stem_text.len());
                    full.push('도');
                    if w.hangul && self.lex.locations.contains_key(&full) {
                        w.stem = Span::new(w.stem.start, w.stem.end + 1);
                        w.stem_text = full.clone().into();
                        w.particle = Some(rest);
                        w.common_word = false;
                    }
                }
            }
        }
        // `여수해양경찰서는` read as 여수 + 해양경찰 + the particle 서 + 는: the 서 of a police or fire
        // station, a tax office (`…경찰서`, `…소방서`, `…세무서`) ends the name.
        for w in ws.iter_mut() {
            let Some(p) = w.particle else { continue };
            if !p.starts_with('서') || !w.hangul || w.stem_text.chars().count() < 3 {
                continue;
            }
            full.clear();
            full.push_str(&w.stem_text);
            full.push('서');
            if self.lex.organizations.contains_key(&full) || self.lex.org_by_suffix(&full) {
                let rest = &p['서'.len_utf8()..];
                w.stem = Span::new(w.stem.start, w.stem.end + 1);
                w.stem_text.to_mut().push('서');
                w.particle = (!rest.is_empty()).then_some(rest);
                w.common_word = false;
            }
        }
        // An island read as a name and the particle 도 (`금오도·개도`, `오동도 앞바다`, `거문도
        // 여천항`): a name of two or more syllables that is no known place, followed by a list
        // separator, a noun of area or a place.
        for i in 0..ws.len() {
            let w = &ws[i];
            if w.particle.as_deref() != Some("도") || !w.hangul || w.stem.end + 1 != w.span.end || !(2..=3).contains(&w.stem_text.chars().count()) {
                continue;
            }
            if self.lex.locations.contains_key(&*w.stem_text) || self.lex.organizations.contains_key(&*w.stem_text) || self.lex.surname_of(&w.stem_text).is_some_and(|_| w.class.as_deref() == Some("인명")) {
                continue;
            }
            let after = a.text(Span::new(w.span.end, w.span.end + 1));
            let listed = matches!(after, "·" | ",");
            let next_place = ws.get(i + 1).is_some_and(|x| {
                self.lex.context.area_noun.iter().any(|v| x.stem_text.starts_with(v)) || self.lex.locations.contains_key(&*x.stem_text) || self.lex.location_by_suffix(&x.stem_text) || self.named_feature(x) || self.chain_tail(x)
            });
            if listed || next_place {
                let w = &mut ws[i];
                w.stem = Span::new(w.stem.start, w.stem.end + 1);
                w.stem_text.to_mut().push('도');
                w.particle = None;
                w.common_word = false;
                w.class = Some("지명");
            }
        }
        // An 읍·면·리 name right after a place (`정선군 임계면`): ko-dic may read its last syllable
        // as the ending -면 or a particle; after a place name it is the unit's suffix.
        for i in 1..ws.len() {
            // (The word's own test first: the lookups for the word before are asked for few words.)
            if !matches!(ws[i].particle.as_deref(), Some("면" | "리")) {
                continue;
            }
            let prev_place = {
                let p = &ws[i - 1];
                p.particle.is_none() && p.paren.is_none() && p.stem.end == p.span.end && p.hangul
                    && (self.lex.locations.contains_key(&*p.stem_text) || p.class.as_deref() == Some("지명") || self.admin_unit(&p.stem_text) || self.county_short_form(&p.stem_text))
            };
            let w = &mut ws[i];
            if prev_place && w.hangul && matches!(w.particle.as_deref(), Some("면" | "리")) && (1..=4).contains(&w.stem_text.chars().count()) && w.stem.end + 1 == w.span.end {
                let p = w.particle.take().unwrap();
                w.stem = Span::new(w.stem.start, w.stem.end + 1);
                w.stem_text.to_mut().push_str(p);
                w.common_word = false;
                w.inflected = false;
            }
        }
        // … and sometimes misreads a particle (`국토부와` as 국토부 + the verb 오다): strip a
        // particle by its spelling when what is left is a known name.
        for w in ws.iter_mut() {
            if w.particle.is_some() {
                continue;
            }
            let endings = particles_ending(&w.stem_text);
            if !endings.is_empty() && !self.lex.locations.contains_key(&*w.stem_text) && !self.lex.organizations.contains_key(&*w.stem_text) {
                for p in endings.iter().filter(|p| **p != "인") {
                    if let Some(head) = w.stem_text.strip_suffix(p) {
                        if !head.is_empty() && (self.lex.locations.contains_key(head) || self.lex.organizations.contains_key(head)) {
                            w.stem = Span::new(w.stem.start, w.stem.end - p.chars().count());
                            w.stem_text = head.to_string().into();
                            w.particle = Some(p);
                            w.common_word = false;
                            break;
                        }
                    }
                }
            }
        }
        self.place_with_short_seo(&mut ws);
        // Roads by their ending (`가흥로와`, `경동로 일대`, `직지대로`, `내성천길 45`): ko-dic may read
        // a road's 로 or 대로 as a particle or a suffix. After a syllable with a final consonant
        // other than ㄹ the particle is 으로, so a 로 written there is the road's; 대로 and 길 are
        // checked by their context below.
        let RuleBufs { bools, road_end, loc_kind } = bufs;
        road_end.clear();
        road_end.resize(ws.len(), 0);
        // (The second pass reads `X로` after a vowel, where 로 may be a particle, as a road when a
        // road joined by 와/과/및 comes right before it: `경포로와 창해로 주변`.)
        for (pass, i) in (0..ws.len()).map(|i| (0, i)).chain((1..ws.len()).map(|i| (1, i))) {
            if pass == 1 && (road_end[i] != 0 || road_end[i - 1] == 0 || !matches!(ws[i - 1].particle.as_deref(), Some("와" | "과" | "및"))) {
                continue;
            }
            let w = &ws[i];
            // (`road_word` wants 로 or 길 in the word and no parenthesis or 씨: most words are ruled
            // out before the punctuation is trimmed.)
            // (What comes before the stem is quotation marks and brackets: the word's flag tells.)
            if w.paren.is_some() || w.honorific || !w.ro_gil {
                continue;
            }
            let raw = a.text(Span::new(w.stem.start, w.span.end));
            let written = raw.trim_end_matches(|c: char| matches!(c, '.' | ',' | '!' | '?' | ';' | ':' | '…' | '"' | '\'' | '”' | '’' | ')'));
            let Some((x_len, suffix, rest)) = self.road_word(w, written, pass == 1) else { continue };
            // `계획대로`, `예정대로` (as planned): 대로 names a road only with a case particle, before a
            // number, a noun of area or a road's part, or right after a neighbourhood (`복대동 직지대로`).
            if suffix == "대로" && !ROAD_CASE.contains(&rest) {
                let next = ws.get(i + 1).map(|x| a.text(x.span)).unwrap_or("");
                let number_next = ws.get(i + 1).is_some_and(|x| STREET_NUMBER.is_match(&x.stem_text));
                let next_ok = rest.is_empty() && (number_next || self.road_context(next));
                let prev_ok = rest.is_empty() && i > 0 && {
                    let p = &ws[i - 1];
                    p.particle.is_none() && p.stem.end == p.span.end && p.hangul && ["동", "읍", "면", "리", "가", "구"].iter().any(|u| p.stem_text.ends_with(u)) && p.stem_text.chars().count() >= 2
                };
                if !(next_ok || prev_ok) {
                    continue;
                }
            }
            let w = &mut ws[i];
            {
                let total = x_len + suffix.chars().count();
                w.stem = Span::new(w.stem.start, w.stem.start + total);
                w.stem_text = written.chars().take(total).collect();
                w.particle = (!rest.is_empty()).then_some(rest);
                w.common_word = false;
                w.inflected = false;
                road_end[i] = match suffix {
                    "로" => 1,
                    "대로" => 2,
                    _ => 3,
                };
            }
        }
        // `선우진아 위원장`, `사공미란 의원`: ko-dic may read a given name's last syllable as a
        // particle or an ending; right before a title, a name with that syllable is the name.
        for i in 0..ws.len().saturating_sub(1) {
            let Some(p) = ws[i].particle.as_deref() else { continue };
            // (A character takes at most 4 bytes: longer particles are not counted.)
            let odd = p.len() <= 4 && p.chars().count() == 1 && !matches!(p, "은" | "는" | "이" | "가" | "을" | "를" | "의" | "와" | "과" | "도" | "로" | "에" | "만" | "인" | "나");
            // (Asked last: the lexicon lookups cost more than the other tests.)
            let title_next = || self.is_role(&ws[i + 1]) || (i + 2 < ws.len() && self.is_org_word(&ws[i + 1]) && ws[i + 1].particle.is_none() && self.is_role(&ws[i + 2]));
            // No particle comes before 씨 written apart (`황보나은 씨`: 황보 + 나 + 은 is a misreading).
            let ssi_next = ws[i + 1].stem_text == "씨" && ws[i + 1].stem.start == ws[i + 1].span.start;
            if !(odd || ssi_next) || !ws[i].hangul || ws[i].span.end != ws[i].stem.end + 1 || !(ssi_next || title_next()) {
                continue;
            }
            let joined = Word { stem: Span::new(ws[i].stem.start, ws[i].stem.end + 1), stem_text: format!("{}{p}", ws[i].stem_text).into(), particle: None, common_word: false, inflected: false, ..ws[i].clone() };
            if self.name_like(&joined, false, false) && self.lex.surname_of(&joined.stem_text).is_some_and(|k| joined.stem_text.chars().count() - k >= 2) {
                ws[i] = joined;
            }
        }
        let ws = ws;
        // Per word, from the per-thread cache of stems (one lookup for all of them): title,
        // organization word, gazetteer kind (`location_of`), a place ending
        // (`location_by_suffix`) and a facility noun (`is_facility`).
        let n = ws.len();
        let [role, org, by_suffix, facility, county_short, generic_word, place_feature, person, loc_here, road_alone, feature, placeish, acting, introduced, particle_after] = bool_rows(bools, n);
        for (p, w) in particle_after.iter_mut().zip(ws.iter()) {
            *p = w.particle.is_some() || w.honorific || w.paren.is_some();
        }
        let particle_after = &*particle_after;
        loc_kind.clear();
        WORD_FACTS.with(|facts| {
            let mut facts = facts.borrow_mut();
            if facts.0 != self.id || facts.1.len() > WORD_FACTS_MAX {
                facts.0 = self.id;
                facts.1.clear();
            }
            for (i, w) in ws.iter().enumerate() {
                let h = usize::from(w.hangul);
                let f = match facts.1.get(&*w.stem_text) {
                    Some(f) if f.role_org[h].is_some() => *f,
                    known => {
                        let mut f = known.copied().unwrap_or_else(|| self.stem_facts(&w.stem_text));
                        f.role_org[h] = Some((self.is_org_word(w), false));
                        facts.1.insert(w.stem_text.to_string(), f);
                        f
                    }
                };
                let (o, _) = f.role_org[h].unwrap_or_default();
                // (Whether a title is one also depends on the word's form, which is not kept.)
                role[i] = role_of_word(w, f.title, f.title_exempt);
                org[i] = o;
                loc_kind.push(f.loc_kind.checked_sub(1).map(|k| self.kinds[usize::from(k)].as_str()));
                by_suffix[i] = f.by_suffix;
                facility[i] = f.facility;
                county_short[i] = f.county_short;
                generic_word[i] = f.generic;
                place_feature[i] = f.place_feature;
            }
        });
        // `다른 대학병원`, `여러 은행`, `각 지방법원`: a kind of body after a determiner of kinds names
        // none (a name of the gazetteer still does: `다른 카카오 계열사`).
        let kind_after_determiner = |i: usize| {
            i > 0
                && ws[i - 1].particle.is_none()
                && matches!(&*ws[i - 1].stem_text, "다른" | "각" | "여러" | "모든" | "일부" | "타" | "인근" | "전국" | "주요" | "대형" | "해당")
                && !self.lex.organizations.contains_key(&*ws[i].stem_text)
        };
        for i in 1..n {
            if org[i] && kind_after_determiner(i) {
                org[i] = false;
            }
        }
        let add = |cands: &mut Vec<Cand>, span: Span, kind: &'static str, priority: u8| {
            if !span.is_empty() {
                cands.push(Cand { span, kind, normalized: String::new(), priority });
            }
        };
        // (A particle, 씨 or a parenthesis after the stem.)
        let has_particle = |i: usize| particle_after[i];
        let place = |i: usize| loc_kind[i].is_some();
        // Words found to be places so far in this sentence (gazetteer, ko-dic, suffix or address
        // chain), for the units and short forms that follow them.
        // A road standing alone (`가흥로와`, `경동로 일대`, `충주대로와 중원대로가`, `내성천길에서`):
        // a 로 that cannot be a particle with a particle or a road's context after it, a 대로 with a
        // case particle or that context, a 길 after a name ko-dic knows as proper or not at all,
        // and any of them coordinated with another road.
        for i in 0..n {
            road_alone[i] = {
                let w = &ws[i];
                if road_end[i] == 0 {
                    false
                } else {
                let next_ctx = i + 1 < n && w.particle.is_none() && w.stem.end == w.span.end && {
                    let t = a.text(ws[i + 1].span);
                    STREET_NUMBER.is_match(&ws[i + 1].stem_text) || self.road_context(t)
                };
                let coordinated = (i > 0 && road_end[i - 1] != 0 && matches!(ws[i - 1].particle.as_deref(), Some("와" | "과" | "및")))
                    || (i + 1 < n && road_end[i + 1] != 0 && matches!(w.particle.as_deref(), Some("와" | "과" | "및")));
                match road_end[i] {
                    1 => w.particle.is_some() || next_ctx || coordinated,
                    2 => w.particle.as_deref().is_some_and(|p| ROAD_CASE.contains(&p)) || next_ctx || coordinated,
                    _ => {
                        let x_len = w.stem_text.chars().count() - 1;
                        w.hangul && x_len >= 2 && w.proper_head >= x_len && (w.particle.is_some() || next_ctx || coordinated)
                    }
                }
                }
            };
        }
        // Per word, computed once: a place ending (`location_by_suffix`) and a named feature
        // (`named_feature`), used by `placeish` and by the rules for places below.
        for ((f, w), &pf) in feature.iter_mut().zip(ws.iter()).zip(place_feature.iter()) {
            *f = self.named_feature_given(w, || pf);
        }
        // A place or facility by any evidence: gazetteer, ko-dic's 지명 class, a place ending, a
        // facility noun (`대관령 옛길`).
        for i in 0..n {
            let w = &ws[i];
            placeish[i] = road_alone[i] || place(i) || w.class.as_deref() == Some("지명") || by_suffix[i] || feature[i] || facility[i];
        }
        self.acting_places(a, &ws, loc_kind, acting);

        // People: a name-like word with a title after it, 씨, an age, ko-dic's 인명 class, or a
        // title before it; a bare surname before a title.
        for i in 0..n {
            let w = &ws[i];
            if w.stem.is_empty() {
                continue;
            }
            let title_after = (i + 1 < n && role[i + 1] && !has_particle(i))
                || (i + 2 < n && role[i + 2] && !has_particle(i) && !has_particle(i + 1) && (org[i + 1] || !ws[i + 1].hangul || place(i + 1) || ws[i + 1].class.is_none()))
                || (i + 3 < n && role[i + 3] && !has_particle(i) && !has_particle(i + 1) && !has_particle(i + 2) && (org[i + 1] || org[i + 2]));
            let age = w.paren.as_deref().is_some_and(|p| AGE.is_match(p));
            // `제갈나은 씨는`, `권도윤 씨가`: 씨 written as a word of its own after the name.
            let ssi_next = !has_particle(i) && w.stem.end == w.span.end && ws.get(i + 1).is_some_and(|x| x.stem_text == "씨" && x.stem.start == x.span.start);
            let honorific = w.honorific || ssi_next;
            // 선우민혁: a two-syllable surname and a given name that ko-dic does not know as a word.
            let rare_surname = w.hangul
                && !w.common_word
                && !w.inflected
                && w.stem_text.chars().count() >= 3
                && self.lex.surname_of(&w.stem_text) == Some(2);
            // 박태성이: three syllables ko-dic knows only as a proper noun or not at all, before a particle.
            let unknown_name = w.hangul
                && w.particle.is_some()
                && w.proper_or_unknown
                && w.class.as_deref() != Some("지명")
                && w.stem_text.chars().count() == 3;
            let after_title = i > 0 && role[i - 1] && !has_particle(i - 1) && w.particle.is_some();
            // `재단 이사인 권도윤 씨`: a title with the copula 인 before the name it describes.
            let title_is = i > 0 && role[i - 1] && ws[i - 1].particle.as_deref() == Some("인") && (honorific || age || title_after);
            // 남궁하린 사무총장, 공서진 장관: ko-dic may read a given name as a verb (하 + 린,
            // 공서 + 하 + 지 + ㄴ); before a title, with 씨 or an age, that reading is not
            // trusted. After a one-syllable surname only for a verb reading that could not
            // modify the title anyway (not `강조한 장관`).
            // (Counted only where asked.)
            let n_syl = || w.stem_text.chars().count();
            let loosely = (title_after || honorific || age)
                && w.inflected
                && w.particle.is_none()
                && match self.lex.surname_of(&w.stem_text) {
                    Some(2) => (3..=4).contains(&n_syl()),
                    Some(1) => n_syl() == 3 && (w.name_read_as_verb || w.bound_noun_last),
                    _ => false,
                }
                && self.name_like(&Word { inflected: false, ..w.clone() }, role[i], org[i]);
            // (The context first: `name_like` asks the lexicon.)
            // ko-dic's 인명 alone is not trusted for a village after its 읍/면 (`대정읍 하모리`) or for
            // a 하다-verb's `-해` right after an argument of the verb (`오사카로 이동해`).
            let kodic_name = (unknown_name || (w.class.as_deref() == Some("인명") && w.stem_text.chars().count() >= 3)) && !self.misread_name(&ws, i);
            if (title_after || honorific || age || title_is || kodic_name || after_title || rare_surname) && (self.name_like(w, role[i], org[i]) || loosely) {
                person[i] = true;
                add(cands, w.stem, PERSON, 5);
            } else if matches!(&*w.stem_text, "두" | "세" | "네" | "양") && i + 1 < n && role[i + 1] && !has_particle(i) {
                // 두 대표: the people holding that title, joined (resolved below).
                add(cands, Span::new(w.stem.start, ws[i + 1].stem.end), PERSON, JOINT);
            } else if w.hangul && !has_particle(i) && ((i + 1 < n && role[i + 1]) || (i + 2 < n && matches!(&*ws[i + 1].stem_text, "전" | "현" | "前") && !has_particle(i + 1) && role[i + 2])) && self.lex.is_surname(&w.stem_text) {
                // 홍 대표, 남궁 대표: kept only if the document names someone with that surname.
                person[i] = true;
                add(cands, w.stem, PERSON, 1);
            } else if w.hangul && w.honorific && self.lex.is_surname(&w.stem_text) {
                person[i] = true;
                add(cands, w.stem, PERSON, 4); // 이씨
            }
        }

        // A foreign name written with spaces (`이사벨 모랄레스`) is one person: adjacent name
        // words ending with one that is not shaped like a Korean name (no known surname, or a
        // given name of three or more syllables after a one-syllable surname) or that ko-dic
        // knows as a person's name.
        let foreign = |w: &Word| match self.lex.surname_of(&w.stem_text) {
            None => true,
            Some(k) => w.stem_text.chars().count() - k >= 3,
        };
        let mut i = 0;
        while i + 1 < n {
            let mut j = i;
            while j + 1 < n && person[j] && person[j + 1] && !has_particle(j) && ws[j].stem.end == ws[j].span.end {
                j += 1;
            }
            // The family name comes last in these names; a Korean name with a two-syllable
            // surname (남궁하린) is never part of one.
            let last = &ws[j];
            // (Asked only for a run of two or more names.)
            let family = || {
                (foreign(last) || (last.class.as_deref() == Some("인명") && last.stem_text.chars().count() >= 3))
                    && last.stem_text.chars().count() >= 2
                    && !self.lex.is_surname(&last.stem_text)
            };
            if j > i && family() && foreign(&ws[i]) && (i..=j).all(|k| self.lex.surname_of(&ws[k].stem_text) != Some(2)) {
                add(cands, Span::new(ws[i].stem.start, ws[j].stem.end), PERSON, 6);
            }
            // A foreign person's first name followed by words no dictionary knows (`라일리
            // 벤슨을`, `마르셀라 이투라 솔리스 칠레 외교장관`, `베른트 K. 하르트만`): the rest of
            // the name, up to a place, title, organization or particle.
            // A word shaped like a Korean name (surname and one or two syllables) continues it
            // only after a first name that is not shaped like one (`마르셀라 이투라`).
            let korean_shaped = |x: &Word| self.lex.surname_of(&x.stem_text).is_some_and(|k| (1..=2).contains(&(x.stem_text.chars().count() - k)));
            if person[i] && !self.lex.is_surname(&ws[i].stem_text) && ws[i].stem_text.chars().count() >= 2 && ws[i].hangul && self.lex.surname_of(&ws[i].stem_text) != Some(2) {
                let start_foreign = foreign(&ws[i]);
                let mut k = i;
                while k + 1 < n && k < i + 3 && !has_particle(k) && ws[k].stem.end == ws[k].span.end {
                    let x = &ws[k + 1];
                    let initial = x.stem_text.len() <= 3 && x.stem_text.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && a.text(x.span).ends_with('.');
                    let part = x.hangul && x.stem_text.chars().count() >= 2 && !x.common_word && !x.inflected && !role[k + 1] && !org[k + 1] && !place(k + 1) && !self.lex.is_surname(&x.stem_text) && x.stem.start == x.span.start
                        // ko-dic knows it as a person's name, or does not know it at all.
                        && (x.class.as_deref() == Some("인명") || (x.proper_or_unknown && !x.has_proper))
                        && (start_foreign
                            || (k == i
                                && !korean_shaped(x)
                                && x.class.as_deref() == Some("인명")
                                && (has_particle(k + 1)
                                    || (k + 2 < n && role[k + 2])
                                    || k + 2 == n
                                    // `이시다 히로유키 일본 총리`: the country, then the title.
                                    || (k + 3 < n && loc_kind[k + 2] == Some("country") && !has_particle(k + 2) && role[k + 3]))));
                    if !(initial || part) {
                        break;
                    }
                    k += 1;
                }
                if k > i && !(ws[k].stem_text.len() <= 3 && ws[k].stem_text.is_ascii()) {
                    add(cands, Span::new(ws[i].stem.start, ws[k].stem.end), PERSON, 6);
                }
            }
            i = j + 1;
        }
        // A foreign name of several words right before a country and a title (`응우옌 반 탄 베트남
        // 농업환경부 장관`, `속 피세트 캄보디아 총리`): ko-dic reads such syllables as anything
        // (common nouns, a verb form, a particle), so the words are taken by their place, from
        // the word that ends the phrase before (a particle, an ending, a mark, a date, a body or
        // a title) up to the country.
        let sent_morphs = &a.morphs[a.sentences[si].morphs.clone()];
        let first_tag = |x: &Word| sent_morphs.iter().find(|m| m.span.start == x.stem.start).map_or("", |m| tag(&m.features.pos));
        let numeric = |x: &Word| cands.iter().any(|c| matches!(c.kind, DATE | TIME | QUANTITY) && c.span.start < x.span.end && x.span.start < c.span.end);
        let in_name = |j: usize| {
            let x = &ws[j];
            // A particle ko-dic reads into a name (`시사완` as 시사 + 완) is no particle here.
            let odd = x.particle.as_deref().is_none_or(|p| p.chars().count() == 1 && !matches!(p, "은" | "는" | "이" | "가" | "을" | "를" | "의" | "와" | "과" | "도" | "로" | "에" | "만" | "인" | "나"));
            x.hangul && odd && !x.honorific && x.paren.is_none() && x.stem.start == x.span.start && (1..=7).contains(&a.text(x.span).chars().count()) && a.text(x.span).chars().all(is_hangul) && !role[j] && !org[j] && !place(j) && !numeric(x)
        };
        let mut foreign_names: Vec<Span> = Vec::new();
        for k in 1..n {
            let titled = (k + 1 < n && role[k + 1]) || (k + 2 < n && org[k + 1] && !has_particle(k + 1) && role[k + 2]);
            if loc_kind[k] != Some("country") || has_particle(k) || !titled || ws[k].stem.start != ws[k].span.start {
                continue;
            }
            let mut s0 = k;
            while s0 > 0 && k - s0 < 4 && in_name(s0 - 1) && a.text(Span::new(ws[s0 - 1].span.end, ws[s0].span.start)).chars().all(char::is_whitespace) {
                s0 -= 1;
            }
            if s0 > 0 && k - s0 == 4 && in_name(s0 - 1) {
                continue; // no word ends the phrase before: not a name
            }
            // Adverbs, determiners, verb forms and common nouns of two or more syllables before
            // the name belong to the sentence (`직후`, `또`, `마친`).
            while s0 < k && {
                let x = &ws[s0];
                let korean_shaped = self.lex.surname_of(&x.stem_text).is_some_and(|c| (1..=2).contains(&(x.stem_text.chars().count() - c)));
                let long = x.stem_text.chars().count() >= 2;
                // (One syllable read as a verb is a name's: `보`, `탄`.)
                matches!(first_tag(x), "MAG" | "MM" | "MAJ" | "NP") || (x.inflected && long) || (x.common_word && long) || (korean_shaped && x.stem_text.chars().count() >= 3)
            } {
                s0 += 1;
            }
            // A common noun ko-dic gives a meaning class (`참석`, `회의`: 행위) is a word, not a
            // syllable of a transliterated name (`반`, `티`, `시사` have none).
            let meaning = |x: &Word| sent_morphs.iter().any(|m| m.span.start >= x.span.start && m.span.end <= x.span.end && tag(&m.features.pos) == "NNG" && m.span.len() >= 2 && !m.features.semantic_class.is_empty());
            if k - s0 < 2 || ws[s0..k].iter().all(|x| x.common_word) || ws[s0..k].iter().any(meaning) {
                continue;
            }
            foreign_names.push(Span::new(ws[s0].span.start, ws[k - 1].span.end));
        }
        for span in foreign_names {
            add(cands, span, PERSON, 6);
        }
        // Titles: beside a person, after an organization or place (`국토부 장관`), or an office
        // title standing for its holder (`장관은`). Occupations alone (`의사 수`) are not entities.
        for i in 0..n {
            if !role[i] {
                continue;
            }
            let w = &ws[i];
            let beside_person = (i > 0 && person[i - 1] && !has_particle(i - 1))
                || (i > 1 && person[i - 2] && !has_particle(i - 1) && !has_particle(i - 2))
                || (i > 2 && person[i - 3] && !has_particle(i - 1) && !has_particle(i - 2) && !has_particle(i - 3))
                || (i + 1 < n && person[i + 1] && (!has_particle(i) || w.particle.as_deref() == Some("인")));
            let after_body = i > 0 && !has_particle(i - 1) && (org[i - 1] || place(i - 1));
            let plural = w.particle.as_deref().is_some_and(|p| p.starts_with('들')) || w.stem_text.ends_with('들');
            let ambiguous = matches!(&*w.stem_text, "시장" | "의사" | "이사" | "주장" | "대사" | "검사" | "감독" | "후보" | "선발" | "위원" | "대장" | "단장");
            let office = self.lex.office_roles.contains(&*w.stem_text) || (!self.lex.roles.contains(&*w.stem_text) && self.lex.role(&w.stem_text));
            if beside_person || after_body || (office && !ambiguous && !plural) {
                add(cands, w.stem, ROLE, 2);
            }
        }

        // A name no dictionary knows, introduced by the kind of body it is (`배달대행업체 런앤고`,
        // `경쟁사인 LK디지털과 HS정보기술`): an organization.
        for i in 1..n {
            let w = &ws[i];
            // A quoted name may be any string of syllables (`‘런앤고’`).
            let quoted = w.stem.start > w.span.start;
            let name_like = w.stem.len() >= 2
                && !w.common_word
                && (!w.inflected || quoted)
                && !person[i]
                && !role[i]
                && !org[i]
                && !place(i)
                && w.stem_text.chars().next().is_some_and(|c| is_hangul(c) || c.is_ascii_alphabetic())
                && (quoted || w.has_proper || !w.hangul);
            if !name_like {
                continue;
            }
            let p = &ws[i - 1];
            // `경쟁사인`: ko-dic may read the copula's `인` as part of a noun (사인).
            let descriptor = self.lex.org_descriptor(&p.stem_text)
                || (p.particle.is_none() && p.stem_text.strip_suffix('인').is_some_and(|h| self.lex.org_descriptor(h)));
            let by_descriptor = matches!(p.particle.as_deref(), None | Some("인")) && !p.honorific && p.paren.is_none() && descriptor;
            // The second of a pair: `LK디지털과 HS정보기술이`.
            let paired = introduced[i - 1] && matches!(p.particle.as_deref(), Some("과" | "와" | "및"));
            introduced[i] = by_descriptor || paired;
        }
        for i in 0..n {
            let w = &ws[i];
            if w.stem.is_empty() || person[i] || role[i] {
                continue;
            }
            // Between a person and a title: the organization they belong to.
            // (Not a constituency in parentheses after a lawmaker's name: `남궁현철(경북 안동) 의원`.)
            let between = i > 0 && w.stem.start == w.span.start && (person[i - 1] || (i > 1 && person[i - 2] && org[i - 1])) && !has_particle(i - 1)
                && ((i + 1 < n && role[i + 1]) || (i + 2 < n && role[i + 2] && !has_particle(i)));
            // (Not a verb's clause before it: `결렬되면 노조는`.)
            let before_official = i + 1 < n
                && matches!(&*ws[i + 1].stem_text, "관계자" | "측" | "대변인" | "노조" | "관계자들")
                && !has_particle(i)
                && !kind_after_determiner(i)
                && !(w.inflected && a.text(w.span).chars().last().is_some_and(|c| matches!(c, '면' | '고' | '서' | '며' | '지' | '데' | '만')));
            let held_at = (w.particle.as_deref() == Some("에서")
                && i + 1 < n
                && ["열린", "열리는", "열렸다", "열릴", "개최된", "진행된", "만난", "기자회견"].iter().any(|v| ws[i + 1].stem_text.starts_with(v) || a.text(ws[i + 1].span).starts_with(v)))
                || (building_body(&w.stem_text) && self.at_building(a, &ws, i));
            // A team: a place and a transliterated name (`부산 씨호크스`), or `FC 한강`.
            let fc_team = w.stem_text == "FC" && ws[i + 1..].first().is_some_and(|x| x.hangul && !x.common_word);
            // (A foreign city after a country or a foreign state is a place in it: `아르헨티나
            // 부에노스아이레스`, `캘리포니아주 로스앤젤레스`.)
            let in_foreign = || matches!(loc_kind[i], Some("country" | "foreign_city")) && loc_kind[i + 1] == Some("foreign_city");
            if i + 1 < n && !has_particle(i) && ((place(i) && self.team_name(&ws[i + 1]) && !in_foreign()) || fc_team) {
                add(cands, Span::new(w.stem.start, ws[i + 1].stem.end), ORGANIZATION, TEAM);
            }
            if i + 1 < n && !has_particle(i) && ws[i + 1].stem_text == "FC" && (place(i) || w.hangul) {
                add(cands, Span::new(w.stem.start, ws[i + 1].stem.end), ORGANIZATION, TEAM);
            }
            // `주폴란드 대사관`, `주일 대사관`: a mission abroad, named by 주 + the country.
            // (ko-dic may read `주독일` as 주독 + the copula 이: the word as written counts.)
            // (`주베트남 한국대사관`: the mission's own country may be written before the noun.)
            if i + 1 < n && w.paren.is_none() && w.stem.start == w.span.start && ["대사관", "총영사관", "영사관", "대표부"].iter().any(|m| ws[i + 1].stem_text.ends_with(m) && ws[i + 1].stem_text.chars().count() <= m.chars().count() + 2) {
                // (`주오사카 총영사관`: a consulate is named by the foreign city it serves; `주일`, `주한`:
                // a country's one-syllable short form, a country only in that word.)
                let country = a.text(w.span).strip_prefix('주').is_some_and(|c| {
                    self.lex.locations.get(c).is_some_and(|e| matches!(e.kind.as_str(), "country" | "foreign_city")) || self.lex.context.mission_country.contains(&c)
                });
                if country {
                    add(cands, Span::new(w.span.start, ws[i + 1].stem.end), ORGANIZATION, 4);
                }
            }
            let loc = loc_kind[i];
            // A hospital as the place a patient is taken to (`…병원으로 옮겨졌다`, `…병원에 이송됐다`).
            // (Also a hospital joined by 과/와 to the one named last: `…병원과 중구 …의 …의료원으로
            // 옮겨졌다`.)
            let taken_to_at = |j: usize| {
                (ws[j].stem_text.ends_with("병원") || ws[j].stem_text.ends_with("의료원"))
                    && matches!(ws[j].particle.as_deref(), Some("으로" | "로" | "에"))
                    && ws.get(j + 1).is_some_and(|x| ["이송", "옮겨", "옮긴", "후송", "입원", "실려", "도착"].iter().any(|v| a.text(x.span).starts_with(v)))
            };
            let taken_to = taken_to_at(i)
                || ((w.stem_text.ends_with("병원") || w.stem_text.ends_with("의료원")) && matches!(w.particle.as_deref(), Some("과" | "와")) && (i + 1..n.min(i + 5)).any(taken_to_at));
            if org[i] {
                add(cands, w.stem, if held_at || taken_to { LOCATION } else { ORGANIZATION }, 3);
            } else if let Some(kind) = loc {
                // A country or local government acting as a subject is an organization.
                let admin = ["시", "군", "구", "도"].iter().any(|u| w.stem_text.ends_with(u));
                let admin_full = admin && matches!(kind, "province" | "city" | "county" | "district");
                let govt = (kind == "country" || admin_full) && (subject(w) || acting[i]);
                let gov_noun = i + 1 < n && matches!(&*ws[i + 1].stem_text, "정부" | "당국") && !has_particle(i);
                // A country whose official is named (`칠레 외교장관`, `페루의 몬테스 장관`) acts
                // as a state.
                let officials = kind == "country"
                    && ((i + 1 < n && role[i + 1] && !has_particle(i))
                        || (w.particle.as_deref() == Some("의") && i + 1 < n && person[i + 1])
                        || (!has_particle(i) && i + 1 < n && person[i + 1]));
                // A short form that is also a common word (경기: a match) needs a place after it.
                // It also stands alone when coordinated with a place (`울진과 봉화`), before a noun
                // of area (`영동 산지`, `원주 원정`) or as the goal of a trip (`제주를 오가는`).
                // A full administrative name (`고성군`) never needs one.
                let coordinated = (i > 0 && (placeish[i - 1] || loc_here[i - 1]) && matches!(ws[i - 1].particle.as_deref(), None | Some("과" | "와" | "및")) && ws[i - 1].paren.is_none())
                    || (i + 1 < n && place(i + 1) && matches!(w.particle.as_deref(), Some("과" | "와" | "및")));
                let area_next = !has_particle(i) && i + 1 < n && self.lex.context.area_noun.iter().any(|x| ws[i + 1].stem_text.starts_with(x));
                let trip = matches!(w.particle.as_deref(), Some("를" | "을" | "에서" | "으로" | "로" | "까지" | "에서는"))
                    && i + 1 < n
                    && self.lex.context.trip_verb.iter().any(|v| a.text(ws[i + 1].span).starts_with(v));
                // A foreign city or country of three or more syllables that ko-dic also lists as a
                // common noun (`아테네`) is no Korean word: it stands alone.
                let foreign = matches!(kind, "foreign_city" | "country") && w.stem_text.chars().count() >= 3;
                // So does a landmark or region of three or more syllables (`부석사`, `충북선`),
                // except those that are also ordinary words (`중앙선`: `word_landmark`).
                let landmark = matches!(kind, "landmark" | "region") && w.stem_text.chars().count() >= 3 && !self.lex.context.word_landmark.contains(&(&*w.stem_text));
                let needs_chain = w.common_word
                    && !foreign
                    && !landmark
                    && !admin_full
                    && !coordinated
                    && !area_next
                    && !trip
                    && !self.on_route(a, &ws, i, &placeish)
                    // `거제서 1명 숨져`, `통영에서 열린`: a 시/군 with the locative 에서 or its short
                    // form 서 (not 경기, a match, which is a province's short form).
                    && !(matches!(w.particle.as_deref(), Some("서" | "에서" | "에서는" | "에서도")) && matches!(kind, "city" | "county"))
                    && !(i + 1 < n && !has_particle(i) && (placeish[i + 1] || self.chain_tail(&ws[i + 1]) || self.unit_name(&ws[i + 1])))
                    && !(i > 0 && !has_particle(i - 1) && (placeish[i - 1] || loc_here[i - 1]));
                if gov_noun {
                    add(cands, Span::new(w.stem.start, ws[i + 1].stem.end), ORGANIZATION, 4);
                } else if govt || officials || (between && kind != "country") || before_official {
                    add(cands, w.stem, ORGANIZATION, 3);
                } else if !needs_chain {
                    add(cands, w.stem, LOCATION, 3);
                    loc_here[i] = true;
                }
            } else if self.company_name(w) {
                add(cands, w.stem, ORGANIZATION, 2);
            } else if between || before_official {
                if !w.common_word {
                    add(cands, w.stem, ORGANIZATION, 2);
                }
            } else if introduced[i] {
                add(cands, w.stem, ORGANIZATION, 2);
            } else if matches!(&*w.stem_text, "시청" | "구청" | "군청" | "도청") && self.at_building(a, &ws, i) {
                // `시청 앞에서`, `도청 브리핑에서`: the building.
                add(cands, w.stem, LOCATION, 2);
                loc_here[i] = true;
            } else if matches!(&*w.stem_text, "시" | "군" | "구" | "도" | "시청" | "구청" | "군청" | "도청") && subject(w) {
                // 시는 … 밝혔다: the city government named earlier.
                add(cands, w.stem, ORGANIZATION, 2);
            } else if generic_word[i]
                && !matches!(&*w.stem_text, "도" | "회사" | "사측" | "업체")
                && (w.particle.is_some() || ws.get(i + 1).is_some_and(|x| matches!(&*x.stem_text, "관계자" | "측" | "관계자들")))
                // `병원은 … 밝혔다`, `병원 측은`: a hospital acting; `병원에 이송됐다` is a place.
                && (&*w.stem_text != "병원" || subject(w) || ws.get(i + 1).is_some_and(|x| matches!(&*x.stem_text, "관계자" | "측" | "관계자들")))
                && !(i > 0 && !has_particle(i - 1) && matches!(&*ws[i - 1].stem_text, "각" | "다른" | "한" | "여러" | "모든" | "일부" | "두" | "세" | "타" | "인근" | "전국"))
                // `다른 대학병원 노조들`: the kind of body before it follows a determiner.
                && !(i > 1 && !has_particle(i - 1) && kind_after_determiner(i - 1))
                && !(i + 1 < n && role[i + 1])
            {
                // `시와 협의해`, `미술관은`, `구단 관계자는`: a body the article named, by its
                // kind; kept only if the article names one that fits (resolved per document).
                cands.push(Cand { span: w.stem, kind: ORGANIZATION, normalized: GENERIC_MARK.to_string(), priority: 2 });
            } else if road_alone[i] || (w.class.as_deref() == Some("지명") && self.kodic_place_here(a, &ws, i, &placeish)) || by_suffix[i] || feature[i] || self.listed_with_place(a, &ws, i, &placeish) {
                add(cands, w.stem, LOCATION, 1);
                loc_here[i] = true;
            } else if i > 0 && (place(i - 1) || loc_here[i - 1]) && !has_particle(i - 1) && w.hangul && self.admin_unit(&w.stem_text) && ((!w.common_word && !w.inflected) || self.village_after_unit(&ws[i - 1].stem_text, &w.stem_text) || self.village_after_short_form(&ws[i - 1].stem_text, w)) {
                add(cands, w.stem, LOCATION, 2);
                loc_here[i] = true;
            } else if numbered_village(&w.stem_text) && w.stem_text.chars().take_while(|c| is_hangul(*c)).count() >= 2 {
                // `을지로3가`, `상계3동`: a numbered 가 or 동 of a name is a place on its own.
                add(cands, w.stem, LOCATION, 2);
                loc_here[i] = true;
            } else if i > 0 && ((w.stem_text.ends_with('역') && self.on_line(a.text(ws[i - 1].span), w)) || (!has_particle(i - 1) && (self.on_mountain(&ws[i - 1], w) || ((place(i - 1) || loc_here[i - 1]) && numbered_village(&w.stem_text))))) {
                // `북한산 백운대`, `팔공산 동화사`: a peak, terrace, rock or temple right after its
                // mountain; `강릉선 진부역`: a station right after its line; `분당구 정자1동`, `종로1가`:
                // a numbered 동 or 가 after the place above it.
                add(cands, w.stem, LOCATION, 2);
                loc_here[i] = true;
            } else if i > 0
                && loc_kind[i - 1] == Some("foreign_city")
                && !has_particle(i - 1)
                && ws[i - 1].stem.end == ws[i - 1].span.end
                && w.hangul
                && w.proper_or_unknown
                && !w.common_word
                && !w.inflected
                && !person[i]
                && !role[i]
                && !(i + 1 < n && role[i + 1])
            {
                // `도쿄 신주쿠`, `오사카 도톤보리`: a name right after a foreign city is a district of it.
                add(cands, w.stem, LOCATION, 1);
                loc_here[i] = true;
            } else if self.name_before_area(&ws, i) {
                // `껀터 시내`, `콘깬 일대`: a name ko-dic knows only as a proper noun of no class, or
                // not at all, before a noun of area is a place (a foreign city the gazetteer lacks).
                add(cands, w.stem, LOCATION, 1);
                loc_here[i] = true;
            } else if i > 0 && matches!(loc_kind[i - 1], Some("province")) && !has_particle(i - 1) && w.hangul && self.county_short_form(&w.stem_text) {
                // `충남 부여`, `경북 봉화`: a 시/군 named without its suffix after its province,
                // even when the bare name is also a common word.
                add(cands, w.stem, LOCATION, 3);
                loc_here[i] = true;
            } else if county_short[i] && self.bare_city_here(a, &ws, i, &loc_kind) {
                add(cands, w.stem, LOCATION, 3);
                loc_here[i] = true;
            }
            // `국도 44호선`, `도시철도 2호선`: a numbered road or line (ko-dic may read `국도` as
            // 국 + the particle 도).
            // (The next word's ending first: it rules out almost every word.)
            if i + 1 < n && ws[i + 1].stem_text.ends_with("호선") && w.span.start == w.stem.start && self.lex.context.road_kind.contains(&a.text(w.span)) && ROUTE_NUMBER.is_match(&ws[i + 1].stem_text) {
                // … and a place on it named by its ending (`국도 38호선 다릿재터널`, `국도 38호선
                // 목행교차로`), as `남해고속도로 광양IC` is one.
                let on_it = i + 2 < n && !has_particle(i + 1) && ws[i + 1].stem.end == ws[i + 1].span.end && {
                    let x = &ws[i + 2];
                    interchange(&x.stem_text) || (x.hangul && x.stem_text.chars().count() >= 3 && ["터널", "교차로", "나들목", "분기점", "휴게소", "대교", "사거리", "삼거리", "역"].iter().any(|t| x.stem_text.ends_with(t)))
                };
                let end = if on_it { ws[i + 2].stem.end } else { ws[i + 1].stem.end };
                add(cands, Span::new(w.stem.start, end), LOCATION, 4);
            }
        }
        // `3번 국도`, `42번 지방도`: a road named by its number before its kind.
        for i in 0..n.saturating_sub(1) {
            if let Some(end) = self.numbered_road(a, &ws, i) {
                add(cands, Span::new(ws[i].stem.start, end), LOCATION, 4);
            }
        }
        // `북면 천부리`, `서면 태하리`, `우도면 천진리`: a short 면/읍 (which ko-dic may read as a
        // noun, a verb + `-면` or a name + the copula's `-면`) right before a village's name ending
        // in 리 that is no ordinary word heads an address.
        for i in 0..n.saturating_sub(1) {
            let (w, x) = (&ws[i], &ws[i + 1]);
            // (The next word's ending first: it rules out almost every word.)
            if !(x.stem_text.ends_with('리') && x.stem_text.chars().count() == 3 && x.hangul && !x.common_word && !x.inflected && x.stem.start == x.span.start) {
                continue;
            }
            let written = a.text(w.span);
            if (2..=4).contains(&written.chars().count())
                && written.ends_with(['면', '읍'])
                && written.chars().all(is_hangul)
                && w.paren.is_none()
                && a.text(Span::new(w.span.end, x.span.start)).chars().all(char::is_whitespace)
                && !person[i + 1]
                && !role[i + 1]
            {
                add(cands, Span::new(w.span.start, x.stem.end), LOCATION, 2);
            }
        }
        let court_spans: rustc_hash::FxHashSet<Span> = cands.iter().filter(|c| c.kind == ORGANIZATION).map(|c| c.span).collect();
        // A court's or a prosecutors' office's panel or department is part of its name
        // (`서울중앙지법 형사합의23부`, `수원지검 공공수사2부`): the body that decides and speaks.
        for i in 0..n.saturating_sub(1) {
            let w = &ws[i];
            // (The last character rules out most words before the list is scanned.)
            let judicial = matches!(w.stem_text.chars().next_back(), Some('원' | '법' | '청' | '검'))
                && ["법원", "지법", "고법", "지원", "검찰청", "지검", "고검"].iter().any(|x| w.stem_text.ends_with(x));
            if judicial && !has_particle(i) && PANEL.is_match(&ws[i + 1].stem_text) && court_spans.contains(&w.stem) {
                // `수원지법 평택지원 형사2단독`: a branch court is named with its district court.
                let district = i > 0
                    && w.stem_text.ends_with("지원")
                    && !has_particle(i - 1)
                    && ["지법", "지방법원"].iter().any(|x| ws[i - 1].stem_text.ends_with(x))
                    && court_spans.contains(&ws[i - 1].stem);
                let start = if district { ws[i - 1].stem.start } else { w.stem.start };
                add(cands, Span::new(start, ws[i + 1].stem.end), ORGANIZATION, 4);
            }
        }
        // A body's unit is named with the body (`국회 국토교통위원회`, `공주대 방재공학과`,
        // `집행위 경쟁총국`), and a place's public body with the place (`필리핀 기상청`, `서울
        // 동작구청`, `정산면 주민자치회`): one organization.
        let org_spans: rustc_hash::FxHashSet<Span> = cands.iter().filter(|c| c.kind == ORGANIZATION).map(|c| c.span).collect();
        for i in 0..n.saturating_sub(1) {
            let w = &ws[i];
            if has_particle(i) || w.stem.end != w.span.end || w.stem.is_empty() {
                continue;
            }
            // (Only a body or a place starts such a name: the tests below need one.)
            let body = org_spans.contains(&w.stem);
            if !(body || loc_kind[i].is_some() || loc_here[i]) {
                continue;
            }
            let x = &ws[i + 1];
            // `방재공학과`: ko-dic may read the last syllable as the particle 과.
            let (x_text, x_end): (std::borrow::Cow<str>, usize) = match x.particle.as_deref() {
                Some("과") if x.stem_text.ends_with('학') => (format!("{}과", x.stem_text).into(), x.stem.end + 1),
                _ => ((&*x.stem_text).into(), x.stem.end),
            };
            if !a.text(Span::new(w.stem.end, x.stem.start)).chars().all(char::is_whitespace) {
                continue; // `충북도, 소방청과`: two bodies, not one
            }
            // A regional branch (`한국도로공사 강원본부`, `서울지사`) is named by its region.
            // (Each test only where the one before it holds: the lists are scanned for few words.)
            let unit = body && {
                let branch = BRANCH_ENDINGS.iter().any(|u| x_text.strip_suffix(u).is_some_and(|r| self.lex.locations.contains_key(r)));
                // `해온중공업 노동조합`: a company's union is an organization of its own.
                branch || UNIT_ENDINGS.iter().any(|u| x_text.ends_with(u) && x_text.len() > u.len()) || matches!(&*x_text, "노동조합" | "노조")
            };
            let public = || PUBLIC_BODY_ENDINGS.iter().any(|u| x_text.ends_with(u)) && x_text.chars().count() >= 3;
            let of_place = (loc_kind[i].is_some() || loc_here[i]) && !org[i] && org[i + 1] && public() && !self.lex.location_by_suffix(&x_text) && !self.seat_before_body(&w.stem_text, &x_text);
            // A country's research institute or agency (`독일 포츠담기후영향연구소`, `그리스 관광청`).
            let of_country = loc_kind[i] == Some("country")
                && !org[i]
                && x.hangul
                && x.stem.start == x.span.start
                && ((org[i + 1] && ["연구소", "연구원", "연구센터", "기구", "연구소"].iter().any(|u| x_text.ends_with(u)))
                    || (x_text.ends_with('청') && x_text.chars().count() >= 3 && !x.common_word && !self.lex.location_by_suffix(&x_text)));
            if (body && unit) || of_place || of_country {
                add(cands, Span::new(w.stem.start, x_end), ORGANIZATION, 4);
            }
        }
        // A name's original or abbreviation in parentheses right after it: `세계무역기구(WTO)`,
        // `노스포트 에너지(Northport Energy Inc.)`. The Latin name is an organization when the
        // name before it is one, or when it ends like a company or institution (then the name
        // before it is one too).
        let org_ends: rustc_hash::FxHashSet<usize> = cands.iter().filter(|c| c.kind == ORGANIZATION).map(|c| c.span.end).collect();
        for i in 0..n {
            let w = &ws[i];
            let Some((open, alias)) = self.latin_alias(a, w.stem.end) else { continue };
            let before_org = org_ends.contains(&w.stem.end);
            let last = a.text(alias).split_whitespace().last().unwrap_or("").trim_end_matches('.');
            let company = self.lex.latin_org_endings.contains(last);
            if !before_org && !company {
                continue;
            }
            if !before_org && !person[i] && !role[i] {
                // The transliterated name: this word, and the word before it when that one is an
                // unknown Hangul word with no particle (`노스포트 에너지`).
                let mut start = w.stem.start;
                if i > 0 && !has_particle(i - 1) && ws[i - 1].hangul && !ws[i - 1].common_word && !ws[i - 1].inflected && !place(i - 1) && !role[i - 1] && !person[i - 1] && !self.lex.org_descriptor(&ws[i - 1].stem_text) {
                    start = ws[i - 1].stem.start;
                }
                add(cands, Span::new(start, open), ORGANIZATION, 3);
            }
            add(cands, alias, ORGANIZATION, 3);
        }
        // A place the gazetteer writes as one word, written with a space before its geographic
        // ending (`파나마 운하`, `호르무즈 해협`, `말레이 반도`).
        let mut joined = String::new();
        for i in 0..n.saturating_sub(1) {
            let (w, x) = (&ws[i], &ws[i + 1]);
            if !GEO_ENDINGS.contains(&&*x.stem_text) || has_particle(i) || w.stem.end != w.span.end || !w.hangul || x.stem.start != w.span.end + 1 {
                continue;
            }
            joined.clear();
            joined.push_str(&w.stem_text);
            joined.push_str(&x.stem_text);
            if self.lex.locations.contains_key(joined.as_str()) {
                add(cands, Span::new(w.stem.start, x.stem.end), LOCATION, 4);
            }
        }
        // Address chains: consecutive places with no particle in between become one span.
        let loc_spans: rustc_hash::FxHashSet<Span> = cands.iter().filter(|c| c.kind == LOCATION).map(|c| c.span).collect();

        let mut merged: Vec<Cand> = Vec::new();
        let mut i = 0;
        while i < n {
            let is_loc = |j: usize| loc_spans.contains(&ws[j].stem);
            if is_loc(i) {
                let mut j = i;
                let spaced = |j: usize| a.text(Span::new(ws[j].stem.end, ws[j + 1].stem.start)).chars().all(char::is_whitespace);
                let joins = |j: usize| j + 1 < n && !has_particle(j) && ws[j].stem.end == ws[j].span.end && spaced(j);
                // A place right before `방향`/`방면` is where traffic goes, not a part of the
                // address before it (`평택제천고속도로 제천 방향`).
                let goal = |k: usize| k + 1 < n && !has_particle(k) && matches!(&*ws[k + 1].stem_text, "방향" | "방면");
                loop {
                    if joins(j) && is_loc(j + 1) && !goal(j + 1) {
                        j += 1;
                        continue;
                    }
                    // A place named by its ending right after another (`돌산읍 돌산공원`, `진사리
                    // 한빛마을아파트`, `금오도 여천항`), even when ko-dic reads its name as common nouns.
                    if joins(j) && !goal(j + 1) && !org[j + 1] && !person[j + 1] && !role[j + 1] && self.chain_tail(&ws[j + 1]) {
                        j += 1;
                        continue;
                    }
                    // A street address (`돌산로 3617 돌산공원 종합안내소`, `내성천길 45 봉화군민회관`): a
                    // road, its building number and the building named after it.
                    if road_end[j] != 0 && joins(j) && STREET_NUMBER.is_match(&ws[j + 1].stem_text) {
                        j += 1;
                        if joins(j) {
                            let x = &ws[j + 1];
                            if x.hangul && x.stem_text.chars().count() >= 3 && !x.common_word && !x.inflected && !person[j + 1] && !role[j + 1] {
                                j += 1;
                            }
                        }
                        continue;
                    }
                    // A trail's numbered course (`금오도 비렁길 3코스`, `올레길 7코스`).
                    if joins(j) && ws[j + 1].stem_text.strip_suffix("코스").is_some_and(|d| (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit())) && (road_end[j] != 0 || ws[j].stem_text.ends_with('길')) {
                        j += 1;
                        continue;
                    }
                    // An exit or gate by its number (`송탄역 3번 출구`).
                    if joins(j) && j + 2 < n && joins(j + 1) && NUMBERED.is_match(&ws[j + 1].stem_text) && matches!(&*ws[j + 2].stem_text, "출구" | "출입구" | "게이트" | "승강장" | "탑승구") {
                        j += 2;
                        break;
                    }
                    // A lot number (`우동 1400번지`) or a part of the place (`필리핀 중부`,
                    // `헝가리 북동부`) continues the address.
                    if joins(j) && (LOT_NUMBER.is_match(&ws[j + 1].stem_text) || self.lex.context.direction.contains(&(&*ws[j + 1].stem_text))) {
                        j += 1;
                        // … and so does a name no dictionary knows after the part (`로도스섬 남부
                        // 린도스`): the place inside that part.
                        let x = ws.get(j + 1);
                        if self.lex.context.direction.contains(&(&*ws[j].stem_text))
                            && joins(j)
                            && x.is_some_and(|x| {
                                // ko-dic may read a foreign place as a person's name (`메콩델타`) or
                                // split it into a common noun and a name (`참파삭주`): any name that
                                // is not one common word, verb form, area noun or body.
                                let name = (x.proper_or_unknown && x.class.is_none()) || (!x.common_word && !x.inflected && x.has_proper && !self.lex.context.area_noun.iter().any(|v| x.stem_text.starts_with(v)));
                                x.hangul && x.stem_text.chars().count() >= 2 && name && !person[j + 1] && !org[j + 1] && !role[j + 1]
                            })
                        {
                            j += 1;
                        }
                        continue;
                    }
                    // A facility named after the place (`세부 국제공항`, `서울 영등포구 국회 본관`,
                    // `메히요네스 산업단지`): a facility noun, right after the place or after
                    // one name no dictionary knows as a common word.
                    let facility = |k: usize| self.lex.is_facility(&ws[k].stem_text);
                    if joins(j) && facility(j + 1) {
                        j += 1;
                    } else if joins(j) && joins(j + 1) && j + 2 < n && (org[j + 1] || building_body(&ws[j + 1].stem_text)) && facility(j + 2) {
                        // `여의도동 국회 본관`: an institution's building at the address.
                        j += 2;
                    } else if joins(j) && joins(j + 1) && ws[j + 1].hangul && !ws[j + 1].common_word && !ws[j + 1].inflected && j + 2 < n && facility(j + 2) {
                        j += 2;
                    }
                    break;
                }
                if j > i {
                    merged.push(Cand { span: Span::new(ws[i].stem.start, ws[j].stem.end), kind: LOCATION, normalized: String::new(), priority: 4 });
                }
                i = j + 1;
            } else {
                i += 1;
            }
        }
        // An institution's building or hall (`국회 소통관`, `시청 대회의실`, `도계초등학교 체육관`): a place.
        for i in 0..n.saturating_sub(1) {
            let w = &ws[i];
            let spaced = || a.text(Span::new(w.stem.end, ws[i + 1].stem.start)).chars().all(char::is_whitespace);
            if (org[i] || building_body(&w.stem_text)) && !has_particle(i) && w.stem.end == w.span.end && spaced() && (self.lex.is_facility(&ws[i + 1].stem_text) || self.office_annex(&ws[i + 1])) {
                merged.push(Cand { span: Span::new(w.stem.start, ws[i + 1].stem.end), kind: LOCATION, normalized: String::new(), priority: 4 });
            }
        }
        cands.extend(merged);
        // The words' buffer goes back for the next sentence.
        let mut ws = ws;
        ws.clear();
        *words_buf = ws;
    }

    /// Places acting as a body (a local government or a state), by the grammar around them:
    /// `안산시에 따르면`, `경기도와 분담 비율을 협의`, `평택시에 진단을 요청했다`, `평택시 역시`,
    /// `충북도, 소방청과`, `폴란드와 체코는 … 요청했다`, and a headline's `부산시, …` or
    /// `강원도 "…"`. Only full administrative names (`…시/군/구/도`) and countries count; a
    /// name coordinated with one that acts (`멕시코, 페루와 협정을`) acts too.
    fn acting_places(&self, a: &Analysis, ws: &[Word], loc_kind: &[Option<&str>], acting: &mut [bool]) {
        let n = ws.len();
        let body = |i: usize| match loc_kind[i] {
            Some("country") => true,
            Some("province" | "city" | "county" | "district") => ["시", "군", "구", "도"].iter().any(|u| ws[i].stem_text.ends_with(u)),
            _ => false,
        };
        if !(0..n).any(body) {
            return;
        }
        let bare = |i: usize| ws[i].particle.is_none() && !ws[i].honorific && ws[i].paren.is_none() && ws[i].stem.end == ws[i].span.end;
        // The separator right after word i (`,` or `·`), if any.
        let sep_after = |i: usize| -> Option<char> { a.text(Span::new(ws[i].span.end, ws[i].span.end + 1)).chars().next().filter(|c| matches!(c, ',' | '·')) };
        let starts = |j: usize, list: &[&str]| {
            let t = a.text(ws[j].span).trim_start_matches(|c: char| matches!(c, '"' | '\'' | '“' | '‘'));
            list.iter().any(|v| t.starts_with(v))
        };
        let within = |i: usize, k: usize, list: &[&str]| (i + 1..(i + 1 + k).min(n)).any(|j| starts(j, list));
        for i in 0..n {
            if !body(i) {
                continue;
            }
            let p = ws[i].particle.as_deref();
            let according = p == Some("에") && i + 1 < n && starts(i + 1, &["따르면", "따른"]);
            let partner = matches!(p, Some("와" | "과")) && within(i, 3, &self.lex.context.partner_word);
            let addressee = matches!(p, Some("에" | "에게")) && within(i, 3, &self.lex.context.addressee_word);
            let also = bare(i) && i + 1 < n && matches!(&*ws[i + 1].stem_text, "역시" | "또한");
            // (Also after a headline's `…`: `메콩강 가뭄에 댐 방류 갈등…베트남 "…"`.)
            let segment_start = i == 0 || (ws[i].span.start > 0 && a.text(Span::new(ws[i].span.start - 1, ws[i].span.start)) == "…");
            let headline = segment_start && bare(i) && i + 1 < n && (sep_after(i) == Some(',') || a.text(ws[i + 1].span).starts_with(['“', '"']));
            let with_body = bare(i) && sep_after(i).is_some() && i + 1 < n && loc_kind[i + 1].is_none() && self.is_org_word(&ws[i + 1]);
            // `한국과 중남미 12개국이`, `폴란드와 체코는`: partners that act together as subjects.
            // So do local governments (`대구시와 경상북도는`, `부산시와 경상남도도`).
            let joint = matches!(p, Some("와" | "과"))
                && (i + 1..(i + 4).min(n)).find(|&j| ws[j].particle.is_some()).is_some_and(|j| {
                    subject(&ws[j])
                        && if loc_kind[i] == Some("country") {
                            loc_kind[j] == Some("country") || ["개국", "국가", "국가들"].iter().any(|x| ws[j].stem_text.ends_with(x))
                        } else {
                            j == i + 1 && loc_kind[j] != Some("country") && body(j)
                        }
                });
            // `아르헨티나, 브라질 외교장관과`: a country whose official is named.
            let officials = loc_kind[i] == Some("country") && bare(i) && i + 1 < n && self.is_role(&ws[i + 1]);
            acting[i] = according || partner || addressee || also || headline || with_body || joint || officials;
        }
        // The last of a list that is the subject (`태국과 캄보디아, 라오스, 베트남은 … 합의했다`) makes
        // the names listed before it act too.
        let listed_subject = |i: usize| loc_kind[i] == Some("country") && subject(&ws[i]);
        for i in (1..n).rev() {
            if (acting[i] || listed_subject(i)) && body(i - 1) && bare(i - 1) && sep_after(i - 1).is_some() {
                acting[i - 1] = true;
            }
        }
    }

    /// Word i names an institution's building as a place: `국회에서`, `시청 앞에서`, `도청
    /// 브리핑에서`, `국회 앞`.
    fn at_building(&self, a: &Analysis, ws: &[Word], i: usize) -> bool {
        let w = &ws[i];
        matches!(w.particle.as_deref(), Some("에서" | "에서는" | "에서도" | "앞" | "앞에서"))
            || (w.particle.is_none()
                && w.stem.end == w.span.end
                && ws.get(i + 1).is_some_and(|x| ["앞", "앞에서", "앞으로", "브리핑", "기자회견", "대회의실", "회의실", "광장", "로비", "정문", "일대", "인근", "주변"].iter().any(|v| a.text(x.span).starts_with(v))))
    }

    /// Word i, which only ko-dic's 지명 class makes a place: trusted for names of three or more
    /// syllables, and for shorter ones (ko-dic lists `수면`, `내기` as place names too) only where a
    /// place is expected: before a noun of area, after or before another place, or with a
    /// particle of place (`에서`, `으로`, `까지`).
    fn kodic_place_here(&self, a: &Analysis, ws: &[Word], i: usize, placeish: &[bool]) -> bool {
        let w = &ws[i];
        if w.stem_text.chars().count() >= 3 || !w.hangul {
            return true;
        }
        let bare = |k: usize| ws[k].particle.is_none() && ws[k].paren.is_none() && !ws[k].honorific;
        let particle = matches!(w.particle.as_deref(), Some("에서" | "에서는" | "에서도" | "으로" | "로" | "까지" | "에" | "의"));
        let area = bare(i) && ws.get(i + 1).is_some_and(|x| self.lex.context.area_noun.iter().any(|v| x.stem_text.starts_with(v)));
        let trip = ws.get(i + 1).is_some_and(|x| self.lex.context.trip_verb.iter().any(|v| a.text(x.span).starts_with(v)));
        let near = (i > 0 && bare(i - 1) && placeish[i - 1]) || (bare(i) && i + 1 < ws.len() && placeish[i + 1]);
        particle || area || trip || near
    }

    /// Word i, a name ending like an island (`개도`, `사도`) or a place (`자산공원`), in a list of
    /// places: next to a place across `·` (`금오도·개도·거문도`), or after a place and `과/와/및`
    /// (`만성리해수욕장과 자산공원`).
    fn listed_with_place(&self, a: &Analysis, ws: &[Word], i: usize, placeish: &[bool]) -> bool {
        let w = &ws[i];
        if !w.hangul || w.inflected || w.stem.is_empty() {
            return false;
        }
        // (The context first: most words have no place beside them.)
        let near_place = (i > 0 && placeish[i - 1]) || (i + 1 < ws.len() && placeish[i + 1]);
        if !near_place {
            return false;
        }
        let island = w.stem_text.chars().count() == 2 && w.stem_text.ends_with('도');
        if !island && !self.chain_tail(w) {
            return false;
        }
        let dot_before = i > 0 && placeish[i - 1] && ws[i - 1].particle.is_none() && a.text(Span::new(ws[i - 1].span.end, w.span.start)) == "·";
        let dot_after = i + 1 < ws.len() && placeish[i + 1] && w.particle.is_none() && a.text(Span::new(w.span.end, ws[i + 1].span.start)) == "·";
        let and_before = i > 0 && placeish[i - 1] && matches!(ws[i - 1].particle.as_deref(), Some("과" | "와" | "및")) && !island;
        dot_before || dot_after || and_before
    }

    /// A place written with the short particle 서 (for 에서) that ko-dic reads as a verb form
    /// (`파주서` as 파 + 주 + 서, `아스타나서` as 아스 + 타나 + 서): when the word without its last
    /// syllable is a place the gazetteer knows, that is the name and 서 the particle. Only for
    /// words ko-dic did not read as a noun and the particle (so `강남서`, a police station, keeps
    /// its reading), and not before `관계자`/`측` (a station's officials).
    fn place_with_short_seo(&self, ws: &mut [Word]) {
        for i in 0..ws.len() {
            let w = &ws[i];
            if w.particle.is_some() || !w.hangul || !(w.inflected || w.name_read_as_verb) || w.stem.start != w.span.start || w.stem.end != w.span.end {
                continue;
            }
            let Some(head) = w.stem_text.strip_suffix('서') else { continue };
            let known = head.chars().count() >= 2
                && self.lex.locations.get(head).is_some_and(|e| !matches!(e.kind.as_str(), "landmark"))
                && !self.lex.organizations.contains_key(&*w.stem_text);
            let officials = ws.get(i + 1).is_some_and(|x| matches!(&*x.stem_text, "관계자" | "측" | "관계자들"));
            if known && !officials {
                let w = &mut ws[i];
                w.stem = Span::new(w.stem.start, w.stem.end - 1);
                let keep = w.stem_text.len() - '서'.len_utf8();
                w.stem_text.to_mut().truncate(keep);
                w.particle = Some("서");
                w.common_word = false;
                w.inflected = false;
                w.name_read_as_verb = false;
            }
        }
    }

    /// Word i, a place that is also a common word, as one end of a route: `시안에서 알마티를
    /// 거쳐`, `서울에서 제천까지`, `광주부터 목포까지`: a place with 에서/부터 and, within three words
    /// after it, a place with 까지/으로/로 or 을/를 before 거쳐/지나; or the other way round.
    fn on_route(&self, a: &Analysis, ws: &[Word], i: usize, placeish: &[bool]) -> bool {
        let start = |k: usize| matches!(ws[k].particle.as_deref(), Some("에서" | "부터" | "에서부터"));
        let end = |k: usize| {
            matches!(ws[k].particle.as_deref(), Some("까지" | "으로" | "로" | "까지는"))
                || (matches!(ws[k].particle.as_deref(), Some("을" | "를")) && ws.get(k + 1).is_some_and(|x| ["거쳐", "거친", "지나", "지난", "경유"].iter().any(|v| a.text(x.span).starts_with(v))))
        };
        if start(i) {
            (i + 1..(i + 4).min(ws.len())).any(|k| placeish[k] && end(k))
        } else if end(i) {
            (i.saturating_sub(3)..i).any(|k| placeish[k] && start(k))
        } else {
            false
        }
    }

    /// Word i, a 시/군 named without its suffix where the bare name is an ordinary word the
    /// gazetteer leaves out (`구리`, `양주`, `화성`, `음성`): a place only at the head of an address
    /// (`구리 교문동`, `화성 동탄2신도시`, `양주 옥정동`), or in a list with other 시/군 and
    /// provinces (`의정부·양주·동두천`).
    fn bare_city_here(&self, a: &Analysis, ws: &[Word], i: usize, loc_kind: &[Option<&str>]) -> bool {
        let w = &ws[i];
        if !w.hangul || w.paren.is_some() || w.honorific || loc_kind[i].is_some() || !self.county_short_form(&w.stem_text) {
            return false;
        }
        let bare = w.particle.is_none() && w.stem.end == w.span.end;
        let head = bare
            && ws.get(i + 1).is_some_and(|x| {
                a.text(Span::new(w.span.end, x.span.start)).chars().all(char::is_whitespace)
                    && x.stem_text.starts_with(is_hangul)
                    && (self.unit_name(x)
                        || self.lex.location_by_suffix(&x.stem_text)
                        || self.lex.locations.get(&*x.stem_text).is_some_and(|e| matches!(e.kind.as_str(), "region" | "district")))
            });
        let admin = |k: usize| matches!(loc_kind[k], Some("city" | "county" | "province"));
        let dot = |k: usize| a.text(Span::new(ws[k].span.end, ws[k + 1].span.start)) == "·";
        let listed = (i > 0 && admin(i - 1) && ws[i - 1].particle.is_none() && dot(i - 1)) || (bare && i + 1 < ws.len() && admin(i + 1) && dot(i));
        head || listed
    }

    /// Words i and i + 1 as a road named by its number and its kind (`7번 국도`, `42번 지방도를`):
    /// the end of the name. ko-dic may read `국도` as 국 + the particle 도, so the word as written
    /// counts, with a particle after the kind.
    fn numbered_road(&self, a: &Analysis, ws: &[Word], i: usize) -> Option<usize> {
        let w = &ws[i];
        let number = w.stem_text.strip_suffix('번').is_some_and(|d| (1..=3).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()));
        if !number || w.particle.is_some() || w.stem.end != w.span.end {
            return None;
        }
        let x = &ws[i + 1];
        let written = a.text(x.span);
        self.lex.context.road_kind.iter().find_map(|k| {
            let rest = written.strip_prefix(k)?;
            let rest = rest.trim_end_matches(|c: char| ".,!?;:…\"'”’)".contains(c));
            (rest.is_empty() || PARTICLES.contains(&rest)).then(|| x.span.start + k.chars().count())
        })
    }

    /// One sense per article for places: a place found once with evidence (`안산시`, `청주시
    /// 오송읍`, `해운대구 우동`, `대전 유성구`) is a place wherever else the article writes it or its
    /// bare form (`안산의 관문`, `오송을`, `우동에서`, `대전이`), although ko-dic also reads these names
    /// as common nouns. Only names the gazetteer lists, and none that is a frequent ordinary word
    /// (`word_landmark`: `경기`).
    fn propagate_places(&self, a: &Analysis, found: &mut Vec<(usize, Cand)>) {
        let mut names: Vec<String> = Vec::new();
        for (_, c) in found.iter().filter(|(_, c)| c.kind == LOCATION) {
            for part in a.text(c.span).split(' ') {
                if !part.chars().all(is_hangul) || part.chars().count() < 2 {
                    continue;
                }
                // The bare form only when the gazetteer lists it: those it leaves out are ordinary
                // words (`예산` for 예산군 is a budget, `고령` for 고령군 old age).
                let bare = part.strip_suffix(['시', '군', '구', '읍', '면']).filter(|b| b.chars().count() >= 2);
                for name in [Some(part), bare].into_iter().flatten() {
                    if self.lex.locations.contains_key(name) && !self.lex.context.word_landmark.contains(&name) && !names.iter().any(|x| x == name) {
                        names.push(name.to_string());
                    }
                }
            }
        }
        if names.is_empty() {
            return;
        }
        let Some(finder) = NameFinder::new(names.iter().map(String::as_str)) else { return };
        let mut occupied: Vec<Span> = found.iter().map(|(_, c)| c.span).collect();
        occupied.sort();
        let mut added = Vec::new();
        let mut ms = Vec::new();
        for (si, s) in a.sentences.iter().enumerate() {
            let text = a.text(s.span);
            finder.find_all(text, &mut ms);
            for m in ms.drain(..) {
                let before = text[..m.start()].chars().next_back();
                let rest = &text[m.end()..];
                // (`한국인`: a person of the place, not the particle 인.)
                let ends_word = rest.chars().next().is_none_or(|c| !c.is_alphanumeric()) || (self.particle_start(rest) && !rest.starts_with('인'));
                if before.is_some_and(|c| c.is_alphanumeric()) || !ends_word {
                    continue;
                }
                let sb = a.index.byte(s.span.start);
                let span = Span::new(a.index.char(sb + m.start()), a.index.char(sb + m.end()));
                if !overlaps_any(&occupied, span) {
                    added.push((si, Cand { span, kind: LOCATION, normalized: String::new(), priority: 2 }));
                }
            }
        }
        if !added.is_empty() {
            found.extend(added);
            found.sort_by_key(|(si, c)| (*si, c.span.start));
        }
    }

    /// A neighbourhood after a 시/군 written without its suffix (`남양주 다산동`, ko-dic: 다 + 산동):
    /// a name of three syllables ending in 동 or 리 that is not one common word.
    fn village_after_short_form(&self, prev: &str, w: &Word) -> bool {
        w.stem_text.chars().count() == 3
            && (w.stem_text.ends_with('동') || w.stem_text.ends_with('리'))
            && !w.common_word
            && self.lex.locations.get(prev).is_some_and(|e| matches!(e.kind.as_str(), "city" | "county") && !prev.ends_with(['시', '군']))
    }

    /// An office building named by the place it stands in (`광교청사`, `북부청사`), after the
    /// body that uses it: `경기도청 광교청사` is one place.
    fn office_annex(&self, w: &Word) -> bool {
        w.hangul && w.stem_text.ends_with("청사") && self.lex.location_by_suffix(&w.stem_text)
    }

    /// A village or neighbourhood after the unit above it (`도계읍 신리`, `해운대구 우동`): a
    /// short name ending in 동/리/가 that ko-dic reads as a common word or a verb.
    fn village_after_unit(&self, prev: &str, s: &str) -> bool {
        let n = s.chars().count();
        // `청송군 부남면` read as 부 + the verb 남 + the ending -면.
        if (2..=4).contains(&n) && (s.ends_with('면') || s.ends_with('읍')) && ["군", "시", "구"].iter().any(|u| prev.ends_with(u)) && prev.chars().count() >= 2 {
            return true;
        }
        (2..=4).contains(&n)
            && ["구", "군", "시", "읍", "면"].iter().any(|u| prev.ends_with(u))
            && prev.chars().count() >= 2
            && ["동", "리", "가"].iter().any(|u| s.ends_with(u))
            && (prev.ends_with('읍') || prev.ends_with('면') || !s.ends_with('리'))
    }

    /// A neighbourhood or village (`범어동`, `도동리`, `흥해읍`) before a body that names a larger
    /// region of its own (`대구지방검찰청`, `부산지방기상청`): the village is where the body sits,
    /// not a part of its name (`범어동 대구지방검찰청` is a place and an organization). A body of
    /// the village itself (`정산면 주민자치회`) names no region and stays one organization.
    fn seat_before_body(&self, place: &str, body: &str) -> bool {
        // (The village's ending first: it rules out almost every place.)
        if !(place.chars().count() >= 2 && place.ends_with(['동', '리', '가', '읍', '면'])) {
            return false;
        }
        // The body's name opens with a province, city, county or district (two to four syllables).
        body.char_indices().skip(2).take(3).any(|(b, _)| {
            let head = &body[..b];
            !place.starts_with(head) && self.lex.locations.get(head).is_some_and(|e| matches!(e.kind.as_str(), "province" | "city" | "county" | "district"))
        })
    }

    /// A word ko-dic lists as a person's name that the sentence reads otherwise: a district right
    /// after a foreign city (`도쿄 신주쿠`), a village right after the 읍/면/시/군/구 above it (`대정읍 하모리`, `경산시 중방동`), or a word ending in the
    /// connective `-해` of a 하다-verb with no particle, right after a word marked as the verb's
    /// destination, place or object (`오사카로 이동해`, `현장을 방문해`).
    fn misread_name(&self, ws: &[Word], i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).map(|p| &ws[p]) else { return false };
        let w = &ws[i];
        if self.on_mountain(prev, w) {
            return true;
        }
        // `도쿄 신주쿠`: a name right after a foreign city is a district of it.
        if prev.particle.is_none() && !prev.honorific && prev.paren.is_none() && prev.stem.end == prev.span.end && self.lex.locations.get(&*prev.stem_text).is_some_and(|e| e.kind == "foreign_city") {
            return true;
        }
        if prev.particle.is_none() && !prev.honorific && prev.paren.is_none() && self.village_after_unit(&prev.stem_text, &w.stem_text) && prev.stem.end == prev.span.end {
            return self.lex.locations.contains_key(&*prev.stem_text) || self.admin_unit(&prev.stem_text);
        }
        w.particle.is_none()
            && !w.honorific
            && w.paren.is_none()
            && w.stem.end == w.span.end
            && w.stem_text.ends_with('해')
            && matches!(prev.particle, Some("로" | "으로" | "에" | "에서" | "를" | "을"))
    }

    /// A peak, terrace, rock or temple (three syllables ending in 봉, 대, 암 or 사) right after the
    /// mountain it stands on, with nothing between (`북한산 백운대`, `팔공산 동화사`), even when ko-dic
    /// reads it as a common noun (`동화사`).
    fn on_mountain(&self, prev: &Word, w: &Word) -> bool {
        // (The ending first: it rules out most words before they are counted.)
        w.stem_text.ends_with(['봉', '대', '암', '사'])
            && w.stem_text.chars().count() == 3
            && w.hangul
            && !w.inflected
            && prev.particle.is_none()
            && !prev.honorific
            && prev.paren.is_none()
            && prev.stem.end == prev.span.end
            && prev.stem_text.ends_with('산')
            && self.lex.locations.get(&*prev.stem_text).is_some_and(|e| e.kind == "landmark")
    }

    /// A station (three to five syllables ending in 역) right after the rail line it is on, with
    /// nothing between: `강릉선 진부역`, `경부선 천안역`, however ko-dic reads the two words (`강릉선` as
    /// 강릉 + the particles 서+ㄴ, `진부역` as a verb + 부역). `prev` is the line's word as written.
    fn on_line(&self, prev: &str, w: &Word) -> bool {
        w.stem_text.ends_with('역')
            && (3..=5).contains(&w.stem_text.chars().count())
            && w.hangul
            && w.stem.start == w.span.start
            && prev.ends_with('선')
            && self.lex.locations.get(prev).is_some_and(|e| e.kind == "landmark")
    }

    /// A 시/군 name without its suffix (`부여` for 부여군, `봉화` for 봉화군).
    fn county_short_form(&self, s: &str) -> bool {
        self.lex.admin_stems.contains(s)
    }

    /// A company named by a proper name and a line of business (`태성에너지`, `한결소재`).
    fn company_name(&self, w: &Word) -> bool {
        let head = w.proper_head;
        if !w.hangul || w.common_word || head < 2 {
            return false;
        }
        let n = w.stem_text.chars().count();
        if head >= n {
            return false;
        }
        let cut = w.stem_text.char_indices().nth(head).map_or(w.stem_text.len(), |(b, _)| b);
        let (name, tail) = w.stem_text.split_at(cut);
        self.lex.context.company_tail.contains(&tail) && !self.lex.locations.contains_key(name) && !self.lex.org_stoplist.contains(&*w.stem_text)
    }

    /// A named natural feature or facility: a proper name ko-dic knows or does not know at all,
    /// followed by a common noun of geography or transport (`설악산국립공원`, `강릉항`,
    /// `돌니실롱스크주`, `니사클로츠카강`).
    fn named_feature(&self, w: &Word) -> bool {
        self.named_feature_given(w, || self.place_with_feature(&w.stem_text))
    }

    /// [`Self::named_feature`] with `place_feature` answering [`Self::place_with_feature`] for the
    /// stem (from [`WORD_FACTS`]).
    fn named_feature_given(&self, w: &Word, place_feature: impl FnOnce() -> bool) -> bool {
        if interchange(&w.stem_text) {
            return true;
        }
        if !w.hangul || w.common_word || w.inflected {
            return false;
        }
        let n = w.stem_text.chars().count();
        // Both ways below need a feature's ending, and so its last character.
        if !w.stem_text.chars().next_back().is_some_and(|c| self.lex.feature_tail_last.contains(c)) {
            return false;
        }
        if place_feature() {
            return true;
        }
        let head = w.proper_head;
        if head < 2 || head >= n {
            return false;
        }
        let cut = w.stem_text.char_indices().nth(head).map_or(w.stem_text.len(), |(b, _)| b);
        let (name, tail) = w.stem_text.split_at(cut);
        self.lex.context.feature_tail.contains(&tail)
            && !(tail == "주" && head < 3)
            && !self.lex.organizations.contains_key(name)
            && !self.lex.org_by_suffix(name)
    }

    /// A place the gazetteer knows followed by a geographic or transport ending, even when ko-dic
    /// splits the word elsewhere (`오산역` read as 오 + 산역, `여수항`, `안성터널`): two hash
    /// lookups of the head, the list of endings only after a hit.
    fn place_with_feature(&self, s: &str) -> bool {
        // Every tail tested below ends with the last character of `s`: a feature's ending needs it.
        if !s.chars().next_back().is_some_and(|c| self.lex.feature_tail_last.contains(c)) {
            return false;
        }
        let n = s.chars().count();
        s.char_indices().rev().take(3).skip(0).any(|(b, _)| {
            let (head, tail) = s.split_at(b);
            let k = n - tail.chars().count();
            k >= 2
                && tail != "주"
                // (`태안항`, `하동항`: also a 시/군 named without its suffix, which ko-dic may read as a common noun.)
                && (self.lex.locations.get(head).is_some_and(|e| e.kind != "country") || self.county_short_form(head))
                && self.lex.context.feature_tail.contains(&tail)
        })
    }

    /// The Latin-script text inside a parenthesis that opens at code point `at`, when it looks
    /// like a name (starts with a capital letter, letters, digits, spaces and `.,&'-` only, at most
    /// 60 characters): (position of `(`, span of the text inside).
    fn latin_alias(&self, a: &Analysis, at: usize) -> Option<(usize, Span)> {
        let rest = a.doc.text.get(a.index.byte(at)..)?;
        let inner = rest.strip_prefix('(')?;
        let close = inner.find(')')?;
        let body = &inner[..close];
        let ok = body.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && body.chars().count() <= 60
            && body.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | ',' | '&' | '\'' | '-'))
            && body.chars().any(|c| c.is_ascii_lowercase() || c.is_ascii_uppercase())
            && body == body.trim();
        ok.then(|| (at, Span::new(at + 1, at + 1 + body.chars().count())))
    }

    /// A word that ends like a place (`chain_tail` of `context_words.tsv`) after a name of at least
    /// two characters: Hangul and digits only, no verb or ending inside. Checked only right after a
    /// place, so the endings are looked up by hash for the last one to four characters.
    fn chain_tail(&self, w: &Word) -> bool {
        let s = &*w.stem_text;
        let n = s.chars().count();
        if w.inflected || n < 3 || !s.chars().all(|c| is_hangul(c) || c.is_ascii_digit()) {
            return false;
        }
        s.char_indices().rev().take(4).any(|(b, _)| s[..b].chars().count() >= 2 && self.lex.context.chain_tail.contains(&&s[b..]))
    }

    /// A transliterated team name: three or more Hangul syllables ending in 스/즈 that no
    /// dictionary knows (`씨호크스`, `베어스`, `시그널스`).
    fn team_name(&self, w: &Word) -> bool {
        if glued_fc(&w.stem_text) {
            return true;
        }
        let n = w.stem_text.chars().count();
        w.hangul
            && n >= 3
            && (w.stem_text.ends_with('스') || w.stem_text.ends_with('즈'))
            && match self.lex.locations.get(&*w.stem_text) {
                // A foreign city's name after a Korean place is a team (`광주 피닉스`).
                Some(e) => e.kind == "foreign_city",
                None => !w.common_word,
            }
    }

    /// A road by its ending, written `X로`, `X대로` or `X길` and a particle (`가흥로와`, `직지대로`,
    /// `내성천길에서`): (characters of X, the ending, the particle). X has two or more syllables;
    /// before `로` its last syllable has a final consonant other than ㄹ (there the particle would
    /// be 으로). Common nouns that end like a road (`탐방로`, `출근길`: `road_common`) are none.
    ///
    /// After a vowel or ㄹ, where 로 may be the particle, the 로 is the road's when a particle
    /// follows that cannot follow the particle 로 (`퇴계로를`, `경포로와`, `창해로에서`), or, with
    /// `coordinated`, when another road comes right before (`경포로와 창해로`).
    fn road_word<'w>(&self, w: &Word, written: &'w str, coordinated: bool) -> Option<(usize, &'static str, &'w str)> {
        if w.paren.is_some() || w.honorific || !written.chars().any(|c| c == '로' || c == '길') || !written.chars().all(|c| is_hangul(c) || c.is_ascii_digit()) {
            return None;
        }
        // The word must start with the stem as read (nothing before it).
        if !written.starts_with(&*w.stem_text) {
            return None;
        }
        for b in written.char_indices().skip(2).map(|(b, _)| b).chain([written.len()]) {
            let (head, rest) = written.split_at(b);
            // (No road particle is longer than [`ROAD_PARTICLE_MAX`] bytes.)
            if rest.len() > ROAD_PARTICLE_MAX || !ROAD_PARTICLES.contains(&rest) {
                continue;
            }
            for suffix in ["대로", "로", "길"] {
                let Some(x) = head.strip_suffix(suffix) else { continue };
                let x_len = x.chars().count();
                if x_len < 2 {
                    continue;
                }
                // (The final consonant before 로 first: it rules out the particle 로, the most
                // frequent case, before the list of common nouns is scanned.)
                if suffix == "로" {
                    let last = x.chars().next_back()?;
                    let jong = if is_hangul(last) { (last as u32 - 0xAC00) % 28 } else { 0 };
                    if (jong == 0 || jong == 8) && !coordinated && !matches!(rest, "를" | "와" | "와의" | "가" | "에" | "에서" | "에서는" | "에는") {
                        continue;
                    }
                }
                if self.lex.context.road_common.iter().any(|c| head.ends_with(c)) {
                    continue;
                }
                return Some((x_len, suffix, rest));
            }
        }
        None
    }

    /// Word i is a name ko-dic knows only as a proper noun of no class or not at all (two or more
    /// syllables, not shaped like a Korean name, no team), right before a noun of area that is not
    /// a word for residents (`껀터 시내`, `콘깬 일대`, not `홍길동 시민`).
    fn name_before_area(&self, ws: &[Word], i: usize) -> bool {
        let w = &ws[i];
        let Some(x) = ws.get(i + 1) else { return false };
        w.hangul
            && w.proper_or_unknown
            && w.class.is_none()
            && w.particle.is_none()
            && w.stem.end == w.span.end
            && w.stem_text.chars().count() >= 2
            && !self.team_name(w)
            && !self.lex.surname_of(&w.stem_text).is_some_and(|k| (1..=2).contains(&(w.stem_text.chars().count() - k)))
            && self.lex.context.area_noun.iter().any(|v| {
                // Not a direction (`정체전선 남쪽`), a way (`방면`), residents or an away game.
                let direction = ["북", "남", "동", "서", "중"].iter().any(|d| v.starts_with(d)) || matches!(*v, "방면" | "방향" | "원정");
                !v.ends_with('민') && !direction && x.stem_text.starts_with(v)
            })
    }

    /// A town, township or village named with its unit (`석포면`, `서벽리`, `가흥동`, `풍기읍`): a
    /// name no dictionary knows as one common word, of two to five syllables.
    fn unit_name(&self, w: &Word) -> bool {
        let n = w.stem_text.chars().count();
        w.hangul && !w.common_word && (3..=5).contains(&n) && ["읍", "면", "리", "동"].iter().any(|u| w.stem_text.ends_with(u))
    }

    /// A word after a road's name that names a part or the area of it (`일대`, `구간`, `사거리`).
    fn road_context(&self, next: &str) -> bool {
        self.lex.context.area_noun.iter().any(|v| next.starts_with(v)) || ["구간", "사거리", "삼거리", "교차로", "일부", "변", "쪽", "확장", "지하차도", "방향"].iter().any(|v| next.starts_with(v))
    }

    /// `…시`, `…군`, `…구`, `…읍`, `…면`, `…동`, `…리`, `…로`, `…길` after a place.
    fn admin_unit(&self, s: &str) -> bool {
        let n = s.chars().count();
        (2..=8).contains(&n)
            && ["시", "군", "구", "읍", "면", "동", "리", "로", "길", "가"].iter().any(|u| s.ends_with(u))
            && !((s.ends_with('로') || s.ends_with('길')) && self.lex.context.road_common.iter().any(|c| s.ends_with(c)))
    }
}

/// `해오름FC`, `수원FC`: two or more Hangul syllables with `FC` written onto them, a football
/// club's name.
fn glued_fc(stem: &str) -> bool {
    stem.strip_suffix("FC").is_some_and(|h| h.chars().count() >= 2 && h.chars().all(is_hangul))
}

impl EntityStage {
    /// A name found with good evidence once (a person before a title, an organization by its
    /// suffix) is the same entity wherever else the document writes it.
    fn propagate(&self, a: &Analysis, found: &mut Vec<(usize, Cand)>) {
        let mut names: Vec<(String, &'static str)> = Vec::new();
        // Team short forms: `한강` for `FC 한강`, `부산` for `부산 씨호크스`.
        let mut team_alias: Vec<String> = Vec::new();
        for (_, c) in found.iter().filter(|(_, c)| c.kind == ORGANIZATION && c.priority == TEAM) {
            let t = a.text(c.span);
            for part in t.split(' ').filter(|w| *w != "FC") {
                if !team_alias.iter().any(|x| x == part) {
                    team_alias.push(part.to_string());
                }
            }
        }
        if !team_alias.is_empty() {
            for (_, c) in found.iter_mut() {
                if c.kind == LOCATION && team_alias.iter().any(|x| a.text(c.span) == x) {
                    c.kind = ORGANIZATION;
                }
            }
        }
        for alias in &team_alias {
            names.push((alias.clone(), ORGANIZATION));
        }
        for (_, c) in found.iter() {
            let t = a.text(c.span);
            let n = t.chars().count();
            let good = match c.kind {
                PERSON => c.priority >= 4 && n >= 2 && self.lex.surname_of(t).is_some(),
                ORGANIZATION => n >= 2 && !matches!(t, "시" | "군" | "구" | "도" | "정부" | "당국"),
                _ => false,
            };
            if good && !names.iter().any(|(x, _)| x == t) {
                names.push((t.to_string(), c.kind));
            }
        }
        // A Korean person's given name alone (`태오가`, `민혁이의`), as quotes and sports reports use
        // it: when only one person of the article has it, and ko-dic does not read it as a word.
        let full = names.len();
        let mut given: Vec<String> = Vec::new();
        for (t, kind) in names[..full].iter() {
            if *kind != PERSON || t.contains(' ') {
                continue;
            }
            let Some(k) = self.lex.surname_of(t) else { continue };
            let g: String = t.chars().skip(k).collect();
            if g.chars().count() >= 2 && g.chars().all(is_hangul) && !given.contains(&g) {
                given.push(g);
            }
        }
        // The words of a foreign name written in full (`라우라 베니테스` → `베니테스 장관`).
        let mut parts: Vec<String> = Vec::new();
        for (_, c) in found.iter().filter(|(_, c)| c.kind == PERSON && c.priority == 6) {
            for part in a.text(c.span).split(' ') {
                if part.chars().count() >= 2 && part.chars().all(is_hangul) && !self.lex.is_surname(part) && !parts.iter().any(|p| p == part) {
                    parts.push(part.to_string());
                }
            }
        }
        parts.retain(|p| !names.iter().any(|(t, _)| t == p));
        let part_start = names.len();
        for p in parts {
            names.push((p, PERSON));
        }
        given.retain(|g| !names.iter().any(|(t, _)| t == g) && names[..full].iter().filter(|(t, k)| *k == PERSON && t.ends_with(g.as_str())).count() == 1 && !names.iter().any(|(t, _)| t == g));
        let full_end = names.len();
        for g in given {
            names.push((g, PERSON));
        }
        if names.is_empty() {
            return;
        }
        let finder = match NameFinder::new(names.iter().map(|(x, _)| x.as_str())) {
            Some(f) => f,
            None => return,
        };
        let mut added = Vec::new();
        let mut occupied: Vec<Span> = found.iter().map(|(_, c)| c.span).collect();
        occupied.sort();
        let mut ms = Vec::new();
        for (si, s) in a.sentences.iter().enumerate() {
            let text = a.text(s.span);
            finder.find_all(text, &mut ms);
            for m in ms.drain(..) {
                let before = text[..m.start()].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric()) {
                    continue;
                }
                let rest = &text[m.end()..];
                let next = rest.chars().next();
                let ends_word = next.is_none_or(|c| !c.is_alphanumeric())
                    || self.particle_start(rest)
                    || rest.starts_with('씨');
                // `한국인`, `일본인들`: a country's people (the demonym 인), not the state.
                if !ends_word || (rest.starts_with('인') && self.lex.locations.get(names[m.pattern()].0.as_str()).is_some_and(|e| e.kind == "country")) {
                    continue;
                }
                let sb = a.index.byte(s.span.start);
                let span = Span::new(a.index.char(sb + m.start()), a.index.char(sb + m.end()));
                let taken = overlaps_any(&occupied, span);
                // A given name must not be a word of its own there (`성장`, `지원`).
                let word = m.pattern() >= full_end && {
                    let ms = &a.morphs[s.morphs.clone()];
                    ms.iter().any(|mo| mo.span == span && !mo.features.unknown && matches!(tag(&mo.features.pos), "NNG" | "VV" | "VA" | "MAG" | "XR" | "NNB" | "NP"))
                };
                if taken && (part_start..full_end).contains(&m.pattern()) {
                    // A word of a foreign name read as something else alone: the person.
                    if let Some((_, c)) = found.iter_mut().find(|(_, c)| c.span == span && c.kind != PERSON && c.priority <= 3) {
                        c.kind = PERSON;
                    }
                }
                if !taken && !word {
                    let kind = names[m.pattern()].1;
                    // A generic word (`구단`, `병원`) stays one wherever it is found: an entity only
                    // when the article names a body it can stand for.
                    let normalized = if kind == ORGANIZATION && is_generic_org(&names[m.pattern()].0) { GENERIC_MARK.to_string() } else { String::new() };
                    added.push((si, Cand { span, kind, normalized, priority: 3 }));
                }
            }
        }
        found.extend(added);
        found.sort_by_key(|(si, c)| (*si, c.span.start));
    }
}

/// The leftmost-longest, non-overlapping occurrences of a few names in a text: what an
/// Aho-Corasick automaton with `MatchKind::LeftmostLongest` reports, without building an
/// automaton for every document (that cost more than the search). Names are indexed by their
/// first character; at each position the longest name that starts there wins.
enum NameFinder<'n> {
    /// `mask` has bit `c & 4095` set for the first character `c` of every name: most characters
    /// of a text are ruled out by it before the map is asked.
    ByFirstChar { names: Vec<&'n str>, by_first: rustc_hash::FxHashMap<char, Vec<usize>>, mask: Box<[u64; 64]> },
    /// An empty name matches everywhere (even inside a character): the automaton's behaviour.
    Automaton(aho_corasick::AhoCorasick),
}

/// One occurrence: byte range and the index of the name.
struct NameMatch {
    start: usize,
    end: usize,
    pattern: usize,
}

impl NameMatch {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn pattern(&self) -> usize {
        self.pattern
    }
}

impl<'n> NameFinder<'n> {
    fn new(names: impl Iterator<Item = &'n str>) -> Option<NameFinder<'n>> {
        let names: Vec<&str> = names.collect();
        if names.iter().any(|n| n.is_empty()) {
            return aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
                .build(&names)
                .ok()
                .map(NameFinder::Automaton);
        }
        let mut by_first: rustc_hash::FxHashMap<char, Vec<usize>> = Default::default();
        for (k, n) in names.iter().enumerate() {
            by_first.entry(n.chars().next().unwrap()).or_default().push(k);
        }
        // Longest first; of equal names, the first one (the automaton's choice).
        for ks in by_first.values_mut() {
            ks.sort_by_key(|&k| (std::cmp::Reverse(names[k].len()), k));
        }
        let mut mask = Box::new([0u64; 64]);
        for c in by_first.keys() {
            let bit = *c as u32 & 4095;
            mask[(bit >> 6) as usize] |= 1 << (bit & 63);
        }
        Some(NameFinder::ByFirstChar { names, by_first, mask })
    }

    fn find_all(&self, text: &str, out: &mut Vec<NameMatch>) {
        match self {
            NameFinder::Automaton(ac) => out.extend(
                ac.find_iter(text).map(|m| NameMatch { start: m.start(), end: m.end(), pattern: m.pattern().as_usize() }),
            ),
            NameFinder::ByFirstChar { names, by_first, mask } => {
                // (A match ends on a character boundary: the search goes on from there.)
                // The low 12 bits of each character are read from its last two UTF-8 bytes (its
                // only byte for ASCII), and only a character that passes the mask is decoded.
                let bytes = text.as_bytes();
                let mut next = 0;
                let mut i = 0;
                while i < bytes.len() {
                    let b0 = bytes[i];
                    let (len, bit) = match b0 {
                        0..=0x7F => (1, u32::from(b0)),
                        0x80..=0xDF => (2, (u32::from(b0 & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F)),
                        0xE0..=0xEF => (3, (u32::from(bytes[i + 1] & 0x3F) << 6) | u32::from(bytes[i + 2] & 0x3F)),
                        _ => (4, (u32::from(bytes[i + 2] & 0x3F) << 6) | u32::from(bytes[i + 3] & 0x3F)),
                    };
                    if i >= next && mask[(bit >> 6) as usize] & (1 << (bit & 63)) != 0 {
                        let c = text[i..].chars().next().expect("a character starts here");
                        if let Some(ks) = by_first.get(&c) {
                            if let Some(&k) = ks.iter().find(|&&k| text[i..].starts_with(names[k])) {
                                out.push(NameMatch { start: i, end: i + names[k].len(), pattern: k });
                                next = i + names[k].len();
                            }
                        }
                    }
                    i += len;
                }
            }
        }
    }
}

/// Does `span` overlap one of the sorted, possibly overlapping `spans`? (Candidates are short, so
/// only spans starting shortly before it can reach it.)
/// One sense per article for roads: a place `X` followed by `로` and a space is the road `X로`
/// when the article names that road elsewhere (`퇴계로를 따라` … `퇴계로 3시간 통제`, where ko-dic
/// reads 퇴계 and the particle 로).
fn extend_to_roads(a: &Analysis, found: &mut Vec<(usize, Cand)>, road_common: &[&str]) {
    let mut roads: Vec<&str> = Vec::new();
    for (_, c) in found.iter().filter(|(_, c)| c.kind == LOCATION) {
        let last = a.text(c.span).rsplit(' ').next().unwrap_or("");
        // (Not a common noun that ends like a road: `교차로`, `활주로`.)
        if last.ends_with('로') && last.chars().count() >= 3 && last.chars().all(is_hangul) && !roads.contains(&last) && !road_common.iter().any(|w| last.ends_with(w)) {
            roads.push(last);
        }
    }
    if roads.is_empty() {
        return;
    }
    let mut extend: Vec<usize> = Vec::new();
    for (k, (_, c)) in found.iter().enumerate() {
        if c.kind != LOCATION {
            continue;
        }
        let name = a.text(c.span);
        let after = a.text(Span::new(c.span.end, (c.span.end + 2).min(a.index.len_chars())));
        let mut it = after.chars();
        if it.next() != Some('로') || it.next().is_some_and(|x| !(x.is_whitespace() || matches!(x, '∼' | '~' | '〜' | '～' | ',' | '·'))) {
            continue;
        }
        let last = name.rsplit(' ').next().unwrap_or("");
        if roads.iter().any(|r| r.strip_suffix('로') == Some(last)) {
            extend.push(k);
        }
    }
    for k in extend {
        found[k].1.span = Span::new(found[k].1.span.start, found[k].1.span.end + 1);
    }
    // … and where nothing was found there (`새솔로 2㎞ 구간`, ko-dic: 새솔 + the particle 로).
    let mut occupied: Vec<Span> = found.iter().map(|(_, c)| c.span).collect();
    occupied.sort();
    let mut added = Vec::new();
    for (si, s) in a.sentences.iter().enumerate() {
        let text = a.text(s.span);
        for r in &roads {
            for (b, _) in text.match_indices(r) {
                let before = text[..b].chars().next_back();
                let next = text[b + r.len()..].chars().next();
                if before.is_some_and(char::is_alphanumeric) || next.is_some_and(|x| !(x.is_whitespace() || matches!(x, '∼' | '~' | '〜' | '～' | ',' | '·' | '.'))) {
                    continue;
                }
                let sb = a.index.byte(s.span.start);
                let span = Span::new(a.index.char(sb + b), a.index.char(sb + b + r.len()));
                if !overlaps_any(&occupied, span) {
                    added.push((si, Cand { span, kind: LOCATION, normalized: String::new(), priority: 2 }));
                }
            }
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|(si, c)| (*si, c.span.start));
    }
}

fn overlaps_any(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.start < span.end);
    spans[..i].iter().rev().take(64).any(|s| s.end > span.start)
}

/// Keeps the best non-overlapping candidates: longer first, then higher priority, then earlier.
/// `cands` is emptied; `kept` (emptied first) gets the kept ones in the order of their starts.
fn resolve(cands: &mut Vec<Cand>, kept: &mut Vec<Cand>) {
    cands.sort_by(|a, b| {
        b.span.len().cmp(&a.span.len()).then(b.priority.cmp(&a.priority)).then(a.span.start.cmp(&b.span.start))
    });
    kept.clear();
    // (A huge sentence has many: then a map by start, whose inserts stay cheap.)
    if cands.len() > 256 {
        let mut map: std::collections::BTreeMap<usize, Cand> = std::collections::BTreeMap::new();
        for c in cands.drain(..) {
            let before_ok = map.range(..=c.span.start).next_back().is_none_or(|(_, k)| k.span.end <= c.span.start || k.span.is_empty());
            let after_ok = map.range(c.span.start..).next().is_none_or(|(_, k)| k.span.start >= c.span.end);
            if before_ok && after_ok && !c.span.is_empty() {
                map.insert(c.span.start, c);
            }
        }
        kept.extend(map.into_values());
        return;
    }
    // Kept spans never overlap and are sorted by start, so only the neighbours can collide.
    for c in cands.drain(..) {
        if c.span.is_empty() {
            continue;
        }
        // The kept span starting last at or before `c`, and the first starting at or after it.
        let at = kept.partition_point(|k| k.span.start <= c.span.start);
        let before_ok = at.checked_sub(1).is_none_or(|j| kept[j].span.end <= c.span.start);
        let after_ok = kept[at.saturating_sub(1)..].iter().find(|k| k.span.start >= c.span.start).is_none_or(|k| k.span.start >= c.span.end);
        if before_ok && after_ok {
            kept.insert(at, c);
        }
    }
}

impl Stage for EntityStage {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn assigns(&self) -> &'static str {
        "entities"
    }

    fn run(&self, a: &mut Analysis) {
        let mut found: Vec<(usize, Cand)> = Vec::new();
        {
            let a: &Analysis = a;
            let mut words_buf = Vec::new();
            let mut bufs = RuleBufs::default();
            let (mut cands, mut kept) = (Vec::new(), Vec::new());
            for si in 0..a.sentences.len() {
                self.find(a, si, &mut cands, &mut words_buf, &mut bufs);
                resolve(&mut cands, &mut kept);
                found.extend(kept.drain(..).map(|c| (si, c)));
            }
        }
        self.propagate(a, &mut found);
        self.propagate_places(a, &mut found);
        extend_to_roads(a, &mut found, &self.lex.context.road_common);
        // Canonical names within the document.
        let full_names: Vec<String> = found
            .iter()
            .filter(|(_, c)| c.kind == PERSON && c.span.len() >= 2)
            .map(|(_, c)| a.text(c.span).to_string())
            // A two-syllable surname alone (`황보 의원`) is a short form, not a full name.
            .filter(|t| self.lex.surname_of(t).is_some() && !self.lex.is_surname(t))
            .collect();
        let spaced_names: Vec<String> = found
            .iter()
            .filter(|(_, c)| c.kind == PERSON && c.priority != JOINT)
            .map(|(_, c)| a.text(c.span).to_string())
            .filter(|t| t.contains(' '))
            .collect();
        // Who holds which title: a full name followed by a title within the next two entities.
        let mut titled: Vec<(String, String)> = Vec::new();
        for (k, (_, c)) in found.iter().enumerate() {
            if c.kind == PERSON && c.priority != JOINT {
                let name = a.text(c.span);
                if !full_names.iter().any(|f| f == name) {
                    continue;
                }
                for (_, d) in found.iter().skip(k + 1).take(3) {
                    if d.kind == ROLE {
                        titled.push((a.text(d.span).to_string(), name.to_string()));
                        break;
                    }
                    if d.kind == PERSON {
                        // 홍은택, 남궁훈 카카오 각자 대표: the title covers the list.
                        continue;
                    }
                }
            }
        }
        let mut entities = Vec::new();
        let generic_orgs = GenericOrgs::new(a, &found.iter().filter(|(_, c)| c.normalized != GENERIC_MARK && (c.kind == ORGANIZATION || c.kind == LOCATION)).map(|(si, c)| Entity { sentence: *si, span: c.span, kind: c.kind.to_string(), canonical: a.text(c.span).to_string(), normalized: String::new() }).collect::<Vec<_>>());
        for (si, mut c) in found {
            if c.normalized == GENERIC_MARK {
                if generic_orgs.resolve(a.text(c.span), c.span.start).is_none() {
                    continue;
                }
                c.normalized.clear();
            }
            let text = a.text(c.span).to_string();
            let mut canonical = String::new();
            match c.kind {
                PERSON if c.priority == JOINT => {
                    let title = text.split_whitespace().last().unwrap_or("");
                    let mut people: Vec<&str> = Vec::new();
                    for (t, name) in &titled {
                        if (t == title || t.ends_with(title)) && !people.contains(&name.as_str()) {
                            people.push(name);
                        }
                    }
                    let wanted = match text.chars().next() {
                        Some('두' | '양') => 2,
                        Some('세') => 3,
                        _ => 4,
                    };
                    if people.len() != wanted {
                        continue;
                    }
                    canonical = people.join(";");
                }
                PERSON => {
                    canonical = text.clone();
                    // A foreign name written in full once (`라우라 베니테스`) and by one of its
                    // words later (`베니테스 장관`).
                    if !text.contains(' ') {
                        if let Some(full) = spaced_names.iter().rev().find(|f| f.split(' ').any(|part| part == text)) {
                            canonical = full.clone();
                        }
                    }
                    if self.lex.surname_of(&text).is_none() || !full_names.contains(&text) {
                        // A given name alone: the one person of the article with it.
                        let mut with = full_names.iter().filter(|f| f.len() > text.len() && f.ends_with(text.as_str()) && self.lex.surname_of(f).is_some_and(|k| f.chars().count() - k == text.chars().count()));
                        if let (Some(f), None) = (with.next(), with.clone().next()) {
                            canonical = f.clone();
                        }
                    }
                    let short = self.lex.is_surname(&text) && !full_names.contains(&text);
                    if short {
                        // The last full name before this mention with this surname, else any.
                        let exact = |f: &String| self.lex.surname_of(f).is_some_and(|k| f.chars().take(k).collect::<String>() == text);
                        let prefix = |f: &String| f.starts_with(text.as_str());
                        let pick = full_names.iter().filter(|f| exact(f)).next_back().or_else(|| full_names.iter().filter(|f| prefix(f)).next_back());
                        match pick {
                            Some(f) => canonical = f.clone(),
                            None if c.priority <= 1 => continue, // 두 대표, 이 관계자: no such person
                            None => {}
                        }
                    }
                }
                ORGANIZATION | LOCATION => {
                    let gaz = if c.kind == ORGANIZATION { &self.lex.organizations } else { &self.lex.locations };
                    // The fullest name the article gives: a gazetteer's full form only when the
                    // article writes it too (`서울중앙지법` stays itself in an article that never
                    // writes `서울중앙지방법원`).
                    canonical = match gaz.get(&text) {
                        Some(e) if c.kind == ORGANIZATION && a.doc.text.contains(e.canonical.as_str()) => e.canonical.clone(),
                        _ => text.clone(),
                    };
                }
                _ => {}
            }
            entities.push(Entity { sentence: si, span: c.span, kind: c.kind.to_string(), canonical, normalized: c.normalized });
        }
        // Organizations: a short form resolves to a longer name of the same document that starts with it.
        let orgs: HashMap<String, String> = entities
            .iter()
            .filter(|e| e.kind == ORGANIZATION)
            .map(|e| (a.text(e.span).to_string(), e.canonical.clone()))
            .collect();
        for e in entities.iter_mut().filter(|e| e.kind == ORGANIZATION) {
            let t = a.text(e.span);
            if e.canonical == t {
                // (`abbreviates` holds only for a Hangul short form of three to five syllables.)
                let short_form = (3..=5).contains(&t.chars().count()) && t.chars().all(is_hangul);
                if let Some(longer) = orgs
                    .values()
                    .filter(|c| c.len() > t.len() && c.starts_with(t) && c.chars().nth(t.chars().count()).is_some_and(|ch| ch == ' '))
                    // Not a unit of that body (`국회` is not `국회 예산결산특별위원회`).
                    .filter(|c| !is_unit_of(&c[t.len() + 1..]))
                    .min()
                {
                    e.canonical = longer.clone();
                } else if let Some(full) = orgs
                    .values()
                    // `해오름FC` for `경남 해오름FC`: a club written without its home's name.
                    .filter(|c| glued_fc(t) && c.len() > t.len() && c.ends_with(t) && c[..c.len() - t.len()].ends_with(' ') && !c[..c.len() - t.len() - 1].contains(' '))
                    .min()
                {
                    e.canonical = full.clone();
                } else if let Some(full) = orgs.values().filter(|c| short_form && abbreviates(t, c)).min() {
                    // 국표원 → 국가기술표준원: the syllables of a short form, in order, starting
                    // and ending a longer name of the same article.
                    e.canonical = full.clone();
                } else if let Some(full) = university_full_name(&a.doc.text, t) {
                    e.canonical = full;
                } else if let Some(full) = t.strip_suffix("노조").map(|stem| format!("{stem}노동조합")).filter(|f| t.len() > "노조".len() && orgs.values().any(|c| c == f)) {
                    // `새솔제약 노조` for `새솔제약 노동조합`.
                    e.canonical = full;
                }
            }
        }
        // An alias in parentheses (`세계무역기구(WTO)`) names the organization right before it.
        for k in 1..entities.len() {
            let (prev, cur) = (&entities[k - 1], &entities[k]);
            if cur.kind == ORGANIZATION
                && prev.kind == ORGANIZATION
                && prev.span.end + 1 == cur.span.start
                && a.text(Span::new(prev.span.end, cur.span.start)) == "("
            {
                entities[k].canonical = entities[k - 1].canonical.clone();
            }
        }
        resolve_generic_orgs(a, &mut entities);
        a.entities = entities;
    }

    fn fork(&self) -> Box<dyn Stage> {
        Box::new(self.clone())
    }
}

/// `대학병원`, `요양병원`, `동네 병원`: a kind of hospital, not a hospital's name.
fn kind_of_hospital(name: &str) -> bool {
    const KINDS: &[&str] = &[
        "", "대학", "종합", "상급종합", "요양", "동네", "아동", "소아", "어린이", "공공", "지역", "민간", "대형", "전문", "협력", "거점", "재활",
        "정신", "치과", "한방", "동물", "수련", "지방", "중소", "일반", "개인", "인근", "군", "야전", "격리", "전담", "감염병 전담", "지정", "응급",
    ];
    // (`간판 병원`: the last word alone is 병원, with no name of its own.)
    let last = name.rsplit(' ').next().unwrap_or(name);
    last == "병원" || name.strip_suffix("병원").is_some_and(|k| KINDS.contains(&k.trim_end()))
}

/// `청람대병원` → `청람대학교병원`, `청람대` → `청람대학교`: the short form of a university or its
/// hospital, when the article writes the full name too (as a name of its own or inside a longer
/// one, such as the hospital's union or an address).
fn university_full_name(doc: &str, short: &str) -> Option<String> {
    let (stem, tail) = if let Some(stem) = short.strip_suffix("대병원") {
        (stem, "대학교병원")
    } else if let Some(stem) = short.strip_suffix('대') {
        (stem, "대학교")
    } else {
        return None;
    };
    if stem.chars().count() < 1 || !stem.chars().all(is_hangul) {
        return None;
    }
    let full = format!("{stem}{tail}");
    // A university's name, not the start of its hospital's (`청람대학교병원` names the hospital).
    let found = doc.match_indices(&full).any(|(i, m)| tail != "대학교" || !doc[i + m.len()..].starts_with("병원"));
    found.then_some(full)
}

/// A committee, department, panel or public office named after the body or place before it.
fn is_unit_of(rest: &str) -> bool {
    PANEL.is_match(rest) || UNIT_ENDINGS.iter().chain(PUBLIC_BODY_ENDINGS).any(|u| rest.ends_with(u))
}

/// Endings of a body's unit: `국토교통위원회`, `방재공학과`, `경쟁총국`.
const UNIT_ENDINGS: &[&str] = &["기구", "위원회", "소위", "특위", "학과", "학부", "대학원", "총국", "분과", "지부", "지회", "연구소", "연구센터", "노동조합", "노조", "사무소", "관리소", "출장소"];
/// Endings of a body's regional branch after a region's name (`강원본부`, `부산지사`).
const BRANCH_ENDINGS: &[&str] = &["본부", "지역본부", "지사", "지점", "사업소"];

/// Endings of a place's public body: `동작구청`, `기상청`, `주민자치회`.
const PUBLIC_BODY_ENDINGS: &[&str] = &["청", "의회", "주민자치회", "경찰서", "소방서", "소방본부", "교육청", "부"];

/// Geographic endings that the gazetteer writes joined to the name and news often writes apart
/// (`파나마 운하` for `파나마운하`).
const GEO_ENDINGS: &[&str] = &["운하", "해협", "반도", "제도", "열도", "산맥", "사막", "해", "만", "호", "강", "섬"];

/// A numbered administrative 동 or 가: one to four Hangul syllables, one or two digits, then 동 or
/// 가 (`정자1동`, `상계3동`, `종로1가`).
fn numbered_village(s: &str) -> bool {
    let Some(body) = s.strip_suffix(['동', '가']) else { return false };
    let digits = body.bytes().rev().take_while(u8::is_ascii_digit).count();
    let name = &body[..body.len() - digits];
    (1..=2).contains(&digits) && (1..=4).contains(&name.chars().count()) && name.chars().all(is_hangul)
}

/// True when `short` (3 to 5 Hangul syllables; two are too few to tell) abbreviates `full`: the
/// same first syllable, its last one among the last two of `full`, every syllable of `short` found
/// in `full` in order, and `full` at least two syllables longer.
fn abbreviates(short: &str, full: &str) -> bool {
    // `선관위` for `국민통합당 선거관리위원회`: a body's unit is abbreviated without the body's name.
    if let Some((_, unit)) = full.rsplit_once(' ') {
        if abbreviates(short, unit) {
            return true;
        }
    }
    // Without allocating: the checks that fail most often (the first syllable) come first.
    let (Some(s0), Some(f0)) = (short.chars().next(), full.chars().next()) else { return false };
    if s0 != f0 {
        return false;
    }
    let (sn, fl) = (short.chars().count(), full.chars().count());
    if !(3..=5).contains(&sn) || fl < sn + 2 || !short.chars().chain(full.chars()).all(is_hangul) {
        return false;
    }
    // The last syllable of the short form is one of the last two of the name (`중대본`, `…본부`),
    // or `위` of a closing `위원회` (`선관위`, `대책위`).
    let last = short.chars().next_back().expect("three or more syllables");
    let mut tail = full.chars().rev();
    let (t1, t2) = (tail.next(), tail.next());
    if !(t1 == Some(last) || t2 == Some(last) || (last == '위' && full.ends_with("위원회"))) {
        return false;
    }
    let mut it = full.chars();
    short.chars().all(|c| it.any(|x| x == c))
}

/// Generic words that stand for an organization named elsewhere in the article, and how to find
/// it: `시 관계자` → 부산시, `미술관` → 국립현대미술관, `재판부` → 서울중앙지법 민사41단독,
/// `회사` → the company the article is about.
#[derive(Clone, Copy)]
enum How {
    /// A named organization (or place acting as one) whose name ends with the word.
    EndsWith,
    /// A named organization whose name contains one of these.
    Contains(&'static [&'static str]),
    /// The organization the article mentions most, leaving out public bodies.
    Main,
    /// A court's panel (`서울중앙지법 민사41단독`, `수원지법 형사항소3부`, `부산지법 형사5부`).
    Panel,
}

const GENERIC: &[(&str, How)] = &[
    ("시", How::EndsWith),
    ("구", How::EndsWith),
    ("군", How::EndsWith),
    ("도", How::EndsWith),
    ("당", How::EndsWith),
    ("구청", How::EndsWith),
    ("시청", How::EndsWith),
    ("군청", How::EndsWith),
    ("미술관", How::Contains(&["미술관"])),
    ("박물관", How::Contains(&["박물관"])),
    ("집행위", How::Contains(&["집행위"])),
    ("위원회", How::Contains(&["위원회"])),
    ("법원", How::Contains(&["법원", "지법", "고법"])),
    ("재판부", How::Panel),
    ("경찰", How::Contains(&["경찰"])),
    ("회사", How::Main),
    ("사측", How::Main),
    ("업체", How::Main),
    ("구단", How::Main),
    ("협회", How::Contains(&["협회"])),
    ("노조", How::Contains(&["노조", "노동조합"])),
    ("공단", How::Contains(&["공단"])),
    ("병원", How::EndsWith),
    ("대책위", How::Contains(&["대책위"])),
    ("조직위", How::Contains(&["조직위"])),
    ("협의회", How::Contains(&["협의회"])),
    ("시의회", How::EndsWith),
    ("군의회", How::EndsWith),
    ("구의회", How::EndsWith),
];

/// Names ending like public bodies: never "the company" of an article.
const PUBLIC: &[&str] = &[
    "부", "처", "청", "원", "위원회", "시", "구", "군", "도", "법원", "지법", "경찰서", "당", "국회", "정부", "공사", "공단", "연합", "EU", "UN", "유엔",
    "검찰", "경찰", "지검", "소방서", "소방본부",
];

fn generic(t: &str) -> Option<How> {
    // Every generic word is one to three syllables: most entity texts are ruled out by length.
    if t.len() > 9 {
        return None;
    }
    GENERIC_BY_WORD.get(t).copied()
}

/// [`GENERIC`] by word (the first entry of a word, as a scan of the list finds it): one hash
/// lookup per word instead of a scan.
static GENERIC_BY_WORD: Lazy<rustc_hash::FxHashMap<&'static str, How>> = Lazy::new(|| {
    let mut map = rustc_hash::FxHashMap::default();
    for &(g, how) in GENERIC {
        map.entry(g).or_insert(how);
    }
    map
});

/// Which entries of [`GENERIC`] a name can fit, so that [`GenericOrgs::new`] tests each name
/// against a few of them: an `EndsWith` word only a name ending with its last character, the
/// others (`Contains`, `Panel`) only an organization. (`Main` fits no name by its text.)
struct GenericCandidates {
    /// `EndsWith` entries by the last character of their word, in the order of `GENERIC`.
    by_last: rustc_hash::FxHashMap<char, Vec<usize>>,
    /// `Contains` and `Panel` entries, in the order of `GENERIC`.
    org_only: Vec<usize>,
    /// The words `Contains` entries look for, and `재판부` (a `Panel` entry's): at most 32, one bit
    /// each in the masks of [`GenericCandidates::needles_in`].
    needles: Vec<&'static str>,
    /// `needles` by their first character.
    needles_by_first: rustc_hash::FxHashMap<char, Vec<usize>>,
    /// Per entry of `GENERIC`: the bits of the needles of a `Contains` entry (0 for others).
    entry_mask: Vec<u32>,
}

/// The needle `재판부` a `Panel` entry looks for in a canonical name.
const PANEL_NEEDLE: &str = "재판부";

impl GenericCandidates {
    /// The bits of the needles `c` contains: one pass over its characters instead of a substring
    /// search per needle.
    fn needles_in(&self, c: &str) -> u32 {
        let mut mask = 0;
        for (i, ch) in c.char_indices() {
            if let Some(ks) = self.needles_by_first.get(&ch) {
                for &k in ks {
                    if c[i..].starts_with(self.needles[k]) {
                        mask |= 1 << k;
                    }
                }
            }
        }
        mask
    }

    fn needle_bit(&self, needle: &str) -> u32 {
        self.needles.iter().position(|n| *n == needle).map_or(0, |k| 1 << k)
    }
}

static GENERIC_CANDIDATES: Lazy<GenericCandidates> = Lazy::new(|| {
    let mut c = GenericCandidates {
        by_last: Default::default(),
        org_only: Vec::new(),
        needles: vec![PANEL_NEEDLE],
        needles_by_first: Default::default(),
        entry_mask: vec![0; GENERIC.len()],
    };
    for (k, &(word, how)) in GENERIC.iter().enumerate() {
        match how {
            How::EndsWith => c.by_last.entry(word.chars().next_back().unwrap()).or_default().push(k),
            How::Contains(words) => {
                c.org_only.push(k);
                for w in words {
                    if !c.needles.contains(w) {
                        c.needles.push(w);
                    }
                }
            }
            How::Panel => c.org_only.push(k),
            How::Main => {}
        }
    }
    assert!(c.needles.len() <= 32 && c.needles.iter().all(|n| !n.is_empty()));
    for (k, n) in c.needles.iter().enumerate() {
        c.needles_by_first.entry(n.chars().next().unwrap()).or_default().push(k);
    }
    for (k, &(_, how)) in GENERIC.iter().enumerate() {
        if let How::Contains(words) = how {
            c.entry_mask[k] = words.iter().map(|w| c.needle_bit(w)).fold(0, |m, b| m | b);
        }
    }
    c
});

/// `hay` contains `needle`, as a byte scan (what [`GenericCandidates::needles_in`] replaced; kept
/// for its test).
#[cfg(test)]
fn contains_short(hay: &str, needle: &str) -> bool {
    hay.len() >= needle.len() && hay.as_bytes().windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// True when `word` is a generic organization word (`시`, `회사`, `재판부`).
pub fn is_generic_org(word: &str) -> bool {
    generic(word).is_some()
}

/// For one document: the named organizations (and places) each generic word can stand for, by
/// position, so that resolving a mention costs a binary search, not a pass over the document.
pub struct GenericOrgs {
    /// Per generic word: (position, canonical name) of the names that fit it, in text order.
    fits: Vec<(&'static str, Vec<(usize, String)>)>,
    /// The organization the article mentions most, leaving out public bodies and the outlet.
    main: Option<String>,
    /// (position, canonical name) of every mention of such organizations (companies, teams), in
    /// text order: what `회사`, `업체`, `구단` can stand for.
    private: Vec<(usize, String)>,
}

impl GenericOrgs {
    pub fn new(a: &Analysis, entities: &[Entity]) -> GenericOrgs {
        let named: Vec<&Entity> = entities
            .iter()
            .filter(|e| (e.kind == ORGANIZATION || e.kind == LOCATION) && generic(a.text(e.span)).is_none())
            .collect();
        // Each name is tested only against the generic words it can fit (`GENERIC_CANDIDATES`), and
        // pushed to their lists in text order, as a filter of the names per word would.
        let mut fits: Vec<(&'static str, Vec<(usize, String)>)> = GENERIC.iter().map(|&(word, _)| (word, Vec::new())).collect();
        let cands = &*GENERIC_CANDIDATES;
        for e in &named {
            let c = e.canonical.as_str();
            let by_end = c.chars().next_back().and_then(|l| cands.by_last.get(&l)).map_or(&[][..], Vec::as_slice);
            let org_only = if e.kind == ORGANIZATION { cands.org_only.as_slice() } else { &[] };
            let needles = if org_only.is_empty() { 0 } else { cands.needles_in(c) };
            for &k in by_end.iter().chain(org_only) {
                let (word, how) = GENERIC[k];
                let fit = match how {
                How::EndsWith => {
                    // Longer than the word and ending with it (in bytes: cheaper, same answer).
                    c.len() > word.len() && c.ends_with(word) && (e.kind == ORGANIZATION || word.chars().count() == 1) && !(word == "병원" && kind_of_hospital(c))
                }
                How::Contains(_) => e.kind == ORGANIZATION && needles & cands.entry_mask[k] != 0,
                How::Panel => {
                    // A mention that names the panel itself (not `수원지법` alone, whose
                    // canonical may be a panel of that court).
                    let t = a.text(e.span);
                    let (court, panel) = t.rsplit_once(' ').unwrap_or(("", t));
                    e.kind == ORGANIZATION && (needles & cands.needle_bit(PANEL_NEEDLE) != 0 || (["법원", "지법", "고법", "지원"].iter().any(|w| court.ends_with(w)) && PANEL.is_match(panel)))
                }
                How::Main => false,
                };
                if fit {
                    fits[k].1.push((e.span.start, e.canonical.clone()));
                }
            }
        }
        for (_, list) in fits.iter_mut() {
            list.sort_by_key(|x| x.0);
        }
        let outlet = a.doc.meta.outlet.as_str();
        let mut counts: rustc_hash::FxHashMap<&str, usize> = Default::default();
        let mut private = Vec::new();
        for e in named.iter().filter(|e| {
            // A company's union (`해온중공업 노동조합`) is not what `회사` or `업체` stands for.
            e.kind == ORGANIZATION
                && !PUBLIC.iter().chain(&["노동조합", "노조"]).any(|p| e.canonical.ends_with(p))
                && (outlet.is_empty() || !outlet.contains(e.canonical.as_str()))
        }) {
            *counts.entry(e.canonical.as_str()).or_default() += 1;
            private.push((e.span.start, e.canonical.clone()));
        }
        private.sort();
        let main = counts.into_iter().max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c))).map(|(c, _)| c.to_string());
        GenericOrgs { fits, main, private }
    }

    /// True for a generic word that stands for a company or a team (`회사`, `업체`, `구단`), not
    /// for a kind of public body.
    pub fn stands_for_private(word: &str) -> bool {
        matches!(generic(word), Some(How::Main))
    }

    /// True when `canonical` names an organization of the kind `회사`, `업체`, `구단` stand for.
    pub fn is_private(&self, canonical: &str) -> bool {
        self.private.iter().any(|(_, c)| c == canonical)
    }

    /// `이 회사 관계자`: the company or team named last before `pos`, else the article's main one.
    pub fn private_before(&self, pos: usize) -> Option<String> {
        let i = self.private.partition_point(|(p, _)| *p < pos);
        i.checked_sub(1).map(|k| self.private[k].1.clone()).or_else(|| self.main.clone())
    }

    /// The organization a generic word at code point `pos` stands for: the nearest fitting name
    /// before it, else the first after it, else (for `회사`, `구단`) the article's main one.
    pub fn resolve(&self, word: &str, pos: usize) -> Option<String> {
        let how = generic(word)?;
        let list = &self.fits.iter().find(|(w, _)| *w == word)?.1;
        let i = list.partition_point(|(p, _)| *p < pos);
        if let Some((_, c)) = i.checked_sub(1).map(|k| &list[k]).or_else(|| list.get(i)) {
            return Some(c.clone());
        }
        if word == "재판부" {
            // A panel the article does not name: its court.
            return self.resolve("법원", pos);
        }
        match how {
            How::Main => self.main.clone(),
            _ => None,
        }
    }
}

fn resolve_generic_orgs(a: &Analysis, entities: &mut [Entity]) {
    let orgs = GenericOrgs::new(a, entities);
    for e in entities.iter_mut().filter(|e| e.kind == ORGANIZATION) {
        if let Some(c) = orgs.resolve(a.text(e.span), e.span.start) {
            e.canonical = c;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::doc::{Document, Meta};
    use crate::resources::DataFiles;
    use crate::Pipeline;

    /// (type, text, canonical, normalized) of every entity of a one-paragraph article published
    /// 2022-10-19.
    pub(crate) fn entities(text: &str) -> Vec<(String, String, String, String)> {
        let p = Pipeline::new(DataFiles::embedded()).unwrap();
        let meta = Meta { published: chrono::NaiveDate::from_ymd_opt(2022, 10, 19), ..Meta::default() };
        let doc = Document { id: "t".into(), source: "t".into(), text: text.into(), meta, warnings: vec![] };
        let a = p.analyze(doc).unwrap();
        a.entities
            .iter()
            .map(|e| {
                assert_eq!(a.text(e.span).chars().count(), e.span.len());
                (e.kind.clone(), a.text(e.span).to_string(), e.canonical.clone(), e.normalized.clone())
            })
            .collect()
    }

    fn has(es: &[(String, String, String, String)], kind: &str, text: &str) -> bool {
        es.iter().any(|e| e.0 == kind && e.1 == text)
    }

    /// A day after a month named relative to the publication is one date, and `안`/`중` after a
    /// date are no part of it (published 2022-10-19).
    #[test]
    fn a_relative_month_with_its_day_and_dates_without_within() {
        let es = entities("구청은 다음 달 3일 공청회를 열고 지난달 27일 접수한 민원은 이번 주 안에 답하기로 했다.");
        assert!(es.iter().any(|e| e.0 == "DATE" && e.1 == "다음 달 3일" && e.3 == "2022-11-03"), "{es:?}");
        assert!(es.iter().any(|e| e.0 == "DATE" && e.1 == "지난달 27일" && e.3 == "2022-09-27"), "{es:?}");
        assert!(es.iter().any(|e| e.0 == "DATE" && e.1 == "이번 주" && e.3 == "2022-W42"), "{es:?}");
        let es = entities("군은 올해 안에 다리를 고치고 하반기 중 도로를 넓히며 다음 달 중순 설명회를 연다.");
        assert!(has(&es, "DATE", "올해") && has(&es, "DATE", "하반기") && has(&es, "DATE", "다음 달 중순"), "{es:?}");
        assert!(!es.iter().any(|e| e.1.ends_with(" 안") || e.1.ends_with(" 중")), "{es:?}");
    }

    /// Ranges, speeds, unknown multiples and durations with `간`.
    #[test]
    fn ranges_speeds_and_unknown_multiples() {
        let es = entities("바람이 초속 25m로 불고 차량은 시속 40㎞ 이하로 달렸다. 비는 20~40㎜ 내리고 수요는 2∼3배 늘었다.");
        for q in ["초속 25m", "시속 40㎞", "20~40㎜", "2∼3배"] {
            assert!(has(&es, "QUANTITY", q), "{q}: {es:?}");
        }
        let es = entities("주민 수백명과 관광객 수천 명이 모였고 쓰레기 수십t이 쌓였다. 매출은 두세 배 늘었다.");
        for q in ["수백명", "수천 명", "수십t", "두세 배"] {
            assert!(has(&es, "QUANTITY", q), "{q}: {es:?}");
        }
        let es = entities("공사는 3년간 이어졌고 도로는 사흘간 막혔으며 열차는 20분간 멈췄다.");
        for q in ["3년", "사흘", "20분"] {
            assert!(has(&es, "QUANTITY", q), "{q}: {es:?}");
        }
        // A span of years is a date, and a word that only starts like a multiple is no quantity.
        let es = entities("2023~2025년 사업비는 수십억원이고 수백개 업체가 수요를 조사했다.");
        assert!(!es.iter().any(|e| e.0 == "QUANTITY" && e.1.contains('~')), "{es:?}");
        assert!(has(&es, "QUANTITY", "수십억원") && has(&es, "QUANTITY", "수백개"), "{es:?}");
        assert!(!es.iter().any(|e| e.1.starts_with("수요")), "{es:?}");
    }

    /// A numbered 가 read by ko-dic as a number and the particle 가, roads whose 로 follows a
    /// vowel, and a gazetteer place written with a space before its geographic ending.
    #[test]
    fn numbered_ga_vowel_roads_and_spaced_geographic_endings() {
        let es = entities("사고는 부산 중구 광복로2가 앞에서 났고 부상자는 동구 범일로5가의 의원으로 옮겨졌다. 종로3가 일대도 막혔다.");
        assert!(has(&es, "LOCATION", "부산 중구 광복로2가") && has(&es, "LOCATION", "동구 범일로5가") && has(&es, "LOCATION", "종로3가"), "{es:?}");
        let es = entities("버스는 한빛로를 따라 달렸고 미래로와 새솔로 주변이 막혔다. 시민들은 부산으로 향했다.");
        for r in ["한빛로", "미래로", "새솔로"] {
            assert!(has(&es, "LOCATION", r), "{r}: {es:?}");
        }
        assert!(!es.iter().any(|e| e.1.starts_with("부산으")), "{es:?}");
        // 로 after a vowel with a particle that may follow the particle 로 is no road's.
        let es = entities("회의는 내일로 미뤘고 결론은 다음 회의로는 넘기지 않았다.");
        assert!(!es.iter().any(|e| e.0 == "LOCATION"), "{es:?}");
        let es = entities("유조선들은 호르무즈 해협을 지나 말라카 해협으로 들어섰다.");
        assert!(has(&es, "LOCATION", "호르무즈 해협") && has(&es, "LOCATION", "말라카 해협"), "{es:?}");
    }

    /// Places joined by a range mark are separate words, a road named once is the road where
    /// ko-dic reads its 로 as a particle, and a quantity keeps `당` and `뿐` out.
    #[test]
    fn ranges_of_places_roads_named_again_and_rate_suffixes() {
        let es = entities("인천∼미국 서부 노선이 열렸다. 열차는 서면역∼부산역 구간에서 멈췄다.");
        for l in ["인천", "미국 서부", "서면역", "부산역"] {
            assert!(has(&es, "LOCATION", l), "{l}: {es:?}");
        }
        let es = entities("버스가 새솔로를 따라 내려왔다. 새솔로 2㎞ 구간은 통제됐다.");
        assert_eq!(es.iter().filter(|e| e.0 == "LOCATION" && e.1 == "새솔로").count(), 2, "{es:?}");
        let es = entities("운전기사 1명당 운행 거리를 따졌고 사과는 한 번뿐이었다.");
        assert!(has(&es, "QUANTITY", "1명") && has(&es, "QUANTITY", "한 번"), "{es:?}");
    }

    /// The head of an office named by two syllables or more is a title, and the city before it
    /// acts; a cabinet (`거실장`) is none.
    #[test]
    fn short_office_heads_are_titles() {
        let es = entities("한지우 부산시 교통실장은 노선을 늘리겠다고 밝혔다. 새 거실장을 들였다.");
        assert!(has(&es, "ROLE", "교통실장") && has(&es, "ORGANIZATION", "부산시"), "{es:?}");
        assert!(!has(&es, "ROLE", "거실장"), "{es:?}");
    }

    /// Hospitals joined by 과/와 before the verb of taking patients are both places.
    #[test]
    fn hospitals_patients_are_taken_to_in_a_list() {
        let es = entities("부상자들은 동구 범일동의 새솔대학교병원과 서구의 한빛의료원으로 옮겨졌다.");
        assert!(has(&es, "LOCATION", "새솔대학교병원") && has(&es, "LOCATION", "한빛의료원"), "{es:?}");
    }

    /// A company's union is an organization of its own, and the company stays itself.
    #[test]
    fn a_company_union_is_its_own_organization() {
        let es = entities("한빛자동차 노동조합은 28일 파업을 예고했다. 한빛자동차는 교섭을 요청했다.");
        assert!(es.iter().any(|e| e.0 == "ORGANIZATION" && e.1 == "한빛자동차 노동조합"), "{es:?}");
        assert!(es.iter().any(|e| e.0 == "ORGANIZATION" && e.1 == "한빛자동차" && e.2 == "한빛자동차"), "{es:?}");
    }

    /// A university hospital's short form and the bare `병원` stand for the hospital the article
    /// names; a kind of hospital after a determiner, and a clause before `노조`, name none.
    #[test]
    fn a_hospital_named_short_and_by_its_kind() {
        let es = entities("새솔대학교병원 노동조합은 3일 파업에 들어갔다. 최도현 새솔대병원 원장은 교섭을 제안했다. 병원은 인력을 늘리겠다고 밝혔다.");
        assert!(es.iter().any(|e| e.0 == "ORGANIZATION" && e.1 == "새솔대병원" && e.2 == "새솔대학교병원"), "{es:?}");
        assert!(es.iter().any(|e| e.0 == "ORGANIZATION" && e.1 == "병원" && e.2 == "새솔대학교병원"), "{es:?}");
        let es = entities("교섭이 결렬되면 노조는 파업을 이어간다. 다른 대학병원 노조들도 동참할 것으로 알려졌다.");
        assert!(!es.iter().any(|e| e.1.contains("결렬") || e.1.contains("대학병원")), "{es:?}");
        // Without a named hospital, `병원` is no entity, wherever it is written.
        let es = entities("환자는 병원 8곳에서 거절당했다. 병원은 이유를 밝히지 않았다.");
        assert!(!es.iter().any(|e| e.1 == "병원"), "{es:?}");
        assert!(super::kind_of_hospital("대학병원") && super::kind_of_hospital("간판 병원") && !super::kind_of_hospital("새솔대병원"));
        assert_eq!(super::university_full_name("새솔대학교 연구팀과 새솔대학교병원", "새솔대").as_deref(), Some("새솔대학교"));
        assert_eq!(super::university_full_name("새솔대학교병원", "새솔대"), None, "the hospital's name is not the university's");
    }

    #[test]
    fn places_dates_and_a_coordinated_plan() {
        let es = entities("한편 카카오는 내년에 경기 안산 자체 데이터센터를 완공하고, 2024년 경기 시흥에 데이터 센터를 착공하는 등 자체 데이터센터를 구축하기로 했다.");
        assert!(has(&es, "DATE", "내년"), "{es:?}");
        assert!(has(&es, "LOCATION", "경기 시흥"), "{es:?}");
        assert!(has(&es, "LOCATION", "경기 안산"), "{es:?}");
        assert!(has(&es, "ORGANIZATION", "카카오"), "{es:?}");
        assert!(es.iter().any(|e| e.1 == "2024년" && e.3 == "2024"), "{es:?}");
        assert!(es.iter().any(|e| e.1 == "내년" && e.3 == "2023"), "{es:?}");
    }

    #[test]
    fn names_titles_and_short_forms() {
        let es = entities(
            "박지훈 한빛전자 대표와 남궁민 사장이 19일 경기도 수원시에서 만났다. 박 대표는 \"투자를 늘리겠다\"고 말했다. 남 사장도 동의했다.",
        );
        assert!(has(&es, "PERSON", "박지훈"), "{es:?}");
        assert!(has(&es, "ORGANIZATION", "한빛전자"), "{es:?}");
        assert!(has(&es, "ROLE", "대표"), "{es:?}");
        assert!(has(&es, "LOCATION", "경기도 수원시"), "{es:?}");
        let short: Vec<_> = es.iter().filter(|e| e.0 == "PERSON" && e.1.chars().count() == 1).collect();
        assert_eq!(short.len(), 2, "{es:?}");
        assert_eq!(short[0].2, "박지훈");
        assert_eq!(short[1].2, "남궁민", "a one-syllable short form of a two-syllable surname");
        assert!(es.iter().any(|e| e.0 == "DATE" && e.1 == "19일" && e.3 == "2022-10-19"));
    }

    #[test]
    fn anonymized_people_and_counts() {
        let es = entities("김모(33)씨와 A씨, ㄱ씨는 지난 15일 오후 3시 20분께 3조2000억원 규모의 1만2000명 명단을 2.5% 늘렸다. 두 대표는 나흘 동안 만났다.");
        for (k, t) in [("PERSON", "김"), ("PERSON", "A"), ("PERSON", "ㄱ"), ("QUANTITY", "3조2000억원"), ("QUANTITY", "1만2000명"), ("QUANTITY", "2.5%"), ("QUANTITY", "나흘")] {
            assert!(has(&es, k, t), "{k} {t}: {es:?}");
        }
        assert!(es.iter().any(|e| e.0 == "DATE" && e.1 == "지난 15일" && e.3 == "2022-10-15"), "{es:?}");
        assert!(es.iter().any(|e| e.0 == "TIME" && e.1 == "오후 3시 20분" && e.3 == "T15:20"), "{es:?}");
        assert!(!es.iter().any(|e| e.1.starts_with("두 대")), "두 대표 is not a quantity: {es:?}");
        assert!(!es.iter().any(|e| e.0 == "PERSON" && e.1 == "두"), "{es:?}");
    }

    #[test]
    fn sino_korean_date_is_one_entity() {
        let es = entities("정부는 이천이십육년까지 사업을 마치겠다고 밝혔다.");
        assert!(es.iter().any(|e| e.0 == "DATE" && e.1 == "이천이십육년" && e.3 == "2026"), "{es:?}");
    }

    #[test]
    fn organizations_introduced_by_their_kind_and_parenthesized_aliases() {
        let es = entities("물류업체 ‘빠른길’과 경쟁사인 키위로지스가 손을 잡았고, 컨설팅사 DK파트너스는 보고서를 냈다. 국제에너지기구(IEA)는 전망을 낮췄고 캐나다의 메이플 바이오(Maple Biologics Inc.)는 공장을 세운다.");
        for name in ["빠른길", "키위로지스", "DK파트너스", "국제에너지기구", "IEA", "메이플 바이오", "Maple Biologics Inc."] {
            assert!(has(&es, "ORGANIZATION", name), "{name}: {es:?}");
        }
        let canon = |t: &str| es.iter().find(|e| e.1 == t).map(|e| e.2.clone()).unwrap_or_default();
        assert_eq!(canon("IEA"), canon("국제에너지기구"));
        assert_eq!(canon("Maple Biologics Inc."), "메이플 바이오");
        // Common words after a descriptor are not names; a person in parentheses is not an alias.
        let es = entities("업체 관계자는 기업 이미지를 걱정했다. 소설가 한지우(Han Jiwoo)는 업체 3곳을 찾았다.");
        assert!(!es.iter().any(|e| e.0 == "ORGANIZATION"), "{es:?}");
    }

    #[test]
    fn a_court_panel_is_part_of_the_court_and_the_bench_resolves_to_it() {
        let es = entities("대구지법 형사12부는 사기 혐의로 기소된 업체 대표에게 징역 3년을 선고했다. 재판부는 피해 회복이 이뤄지지 않았다고 밝혔다.");
        assert!(has(&es, "ORGANIZATION", "대구지법 형사12부"), "{es:?}");
        let bench = es.iter().find(|e| e.1 == "재판부").expect("재판부");
        assert_eq!(bench.2, "대구지법 형사12부");
        let es = entities("대구지법은 다음 달 선고 공판을 연다.");
        assert!(has(&es, "ORGANIZATION", "대구지법"), "{es:?}");
    }

    #[test]
    fn an_appeal_panel_and_a_branch_courts_panel_are_panels_the_bench_resolves_to() {
        let es = entities("재판부는 원심이 옳다고 밝혔다. 대전지법 형사항소1부는 피고인의 항소를 기각했다. 재판부는 반성하지 않았다고 밝혔다. 1심인 대전지법 천안지원 형사3단독은 징역 1년을 선고했다. 당시 1심 재판부는 죄질이 나쁘다고 밝혔다.");
        assert!(has(&es, "ORGANIZATION", "대전지법 형사항소1부"), "{es:?}");
        assert!(has(&es, "ORGANIZATION", "대전지법 천안지원 형사3단독"), "{es:?}");
        let benches: Vec<&str> = es.iter().filter(|e| e.1 == "재판부").map(|e| e.2.as_str()).collect();
        // Before any panel is named, the first one named after; then the nearest one before.
        assert_eq!(benches, ["대전지법 형사항소1부", "대전지법 형사항소1부", "대전지법 천안지원 형사3단독"], "{es:?}");
    }

    #[test]
    fn a_given_name_read_as_a_verb_and_a_foreign_short_form() {
        // ko-dic reads 하린 as 하 + 린; before a title the word is still a name.
        let es = entities("시민모임 남궁하린 사무총장은 성명을 냈다.");
        assert!(has(&es, "PERSON", "남궁하린"), "{es:?}");
        // A verb form ending like a title is not a title.
        let es = entities("회사는 자료를 내주지 않았다.");
        assert!(!es.iter().any(|e| e.0 == "ROLE"), "{es:?}");
        let es = entities("회의는 이사벨 모랄레스 장관이 주재했다. 모랄레스 장관은 협력을 약속했다.");
        let short = es.iter().filter(|e| e.0 == "PERSON" && e.1 == "모랄레스").map(|e| e.2.as_str()).collect::<Vec<_>>();
        assert!(!short.is_empty() && short.iter().all(|c| *c == "이사벨 모랄레스"), "{es:?}");
    }

    #[test]
    fn a_short_form_made_of_the_syllables_of_a_longer_name() {
        assert!(super::abbreviates("중대본", "중앙재난안전대책본부"));
        assert!(super::abbreviates("과기정통부", "과학기술정보통신부"));
        // A committee's short form, also of a unit written after its body's name.
        assert!(super::abbreviates("선관위", "국민통합당 선거관리위원회"));
        assert!(super::abbreviates("주민대책위", "주민대책위원회"));
        assert!(!super::abbreviates("선관위", "선거관리본부"), "위 stands for 위원회 only");
        assert!(!super::abbreviates("국회", "국토교통위원회"), "two syllables are too few");
        assert!(!super::abbreviates("시의회", "시민참여위원회"), "the syllables must all be there in order");
        let es = entities("한빛해양환경연구재단은 보고서를 냈다. 한해재단은 다음 달 후속 조사를 한다.");
        let short = es.iter().find(|e| e.1 == "한해재단").unwrap_or_else(|| panic!("{es:?}"));
        assert_eq!(short.2, "한빛해양환경연구재단", "{es:?}");
    }

    #[test]
    fn anonymized_people_with_an_age_and_a_name_inside_parentheses() {
        let es = entities("같은 공장에서 일하던 K(41)씨와 ㄷ(38·회사원)씨가 다쳤다.");
        assert!(has(&es, "PERSON", "K") && has(&es, "PERSON", "ㄷ"), "{es:?}");
        let es = entities("수원지법 형사12부(허정민 부장판사)는 피고인에게 징역 2년을 선고했다.");
        assert!(has(&es, "PERSON", "허정민"), "{es:?}");
        assert!(has(&es, "ROLE", "부장판사"), "{es:?}");
    }

    #[test]
    fn a_given_name_alone_resolves_to_the_one_person_with_it() {
        let es = entities("배준서 선수가 결승타를 쳤다. 감독은 \"준서가 해결했다\"고 말했다.");
        let g = es.iter().find(|e| e.0 == "PERSON" && e.1 == "준서");
        assert_eq!(g.map(|e| e.2.as_str()), Some("배준서"), "{es:?}");
    }

    #[test]
    fn a_foreign_name_continues_over_words_ko_dic_knows_as_names() {
        let es = entities("구단은 외국인 투수 라일리 벤슨을 영입했다.");
        assert!(has(&es, "PERSON", "라일리 벤슨"), "{es:?}");
        // A Japanese name whose family name looks Korean (이 + 시다), then the country and the
        // title; the later short form takes the full name.
        let es = entities("다카하시 겐지 대신은 반대했다. 이시다 히로유키 일본 총리는 대책을 발표했다. 이시다 총리는 서두르겠다고 말했다.");
        assert!(has(&es, "PERSON", "이시다 히로유키"), "{es:?}");
        assert!(es.iter().any(|e| e.0 == "PERSON" && e.1 == "이시다" && e.2 == "이시다 히로유키"), "{es:?}");
    }

    #[test]
    fn addresses_take_lot_numbers_directions_and_facilities() {
        let es = entities("공사는 경기 수원시 장안구 정자동 120번지 일대에서 진행된다.");
        assert!(has(&es, "LOCATION", "경기 수원시 장안구 정자동 120번지"), "{es:?}");
        let es = entities("태풍이 필리핀 중부를 지나 베트남으로 향했다.");
        assert!(has(&es, "LOCATION", "필리핀 중부"), "{es:?}");
        let es = entities("승객들이 제주 국제공항에서 발이 묶였다.");
        assert!(has(&es, "LOCATION", "제주 국제공항"), "{es:?}");
    }

    #[test]
    fn a_long_name_ending_in_a_title_word_is_an_institution() {
        let es = entities("한국해양정책연구원 선임연구위원은 신중해야 한다고 말했다.");
        assert!(has(&es, "ORGANIZATION", "한국해양정책연구원"), "{es:?}");
        assert!(!has(&es, "ROLE", "한국해양정책연구원"), "{es:?}");
    }

    #[test]
    fn a_country_whose_official_is_named_acts_as_a_state() {
        let es = entities("브라질 외교장관은 회의에서 협정을 제안했다.");
        assert!(has(&es, "ORGANIZATION", "브라질"), "{es:?}");
        assert!(has(&es, "ROLE", "외교장관"), "{es:?}");
        let es = entities("그는 지난해 브라질을 여행했다.");
        assert!(has(&es, "LOCATION", "브라질"), "{es:?}");
    }

    #[test]
    fn organizations_by_gazetteer_suffix_and_latin_script() {
        let es = entities("국토부와 SK C&C, LG전자, 부산 씨호크스가 참여했다. 서울중앙지법은 판결했다. 카카오 관계자는 말했다.");
        let es2 = entities("FC 한강은 광주 피닉스를 꺾었다. 한강은 선두를 지켰다.");
        assert!(has(&es2, "ORGANIZATION", "FC 한강") && has(&es2, "ORGANIZATION", "광주 피닉스"), "{es2:?}");
        assert!(es2.iter().filter(|e| e.1 == "한강").all(|e| e.0 == "ORGANIZATION"), "team short form: {es2:?}");
        for t in ["국토부", "SK C&C", "LG전자", "부산 씨호크스", "서울중앙지법", "카카오"] {
            assert!(has(&es, "ORGANIZATION", t), "{t}: {es:?}");
        }
        // The canonical is the fullest name the article gives: the gazetteer's full form only
        // when the article writes it.
        assert!(es.iter().any(|e| e.1 == "국토부" && e.2 == "국토부"), "no full form in the article: {es:?}");
        let es3 = entities("국토교통부는 대책을 내놨다. 국토부 관계자는 시행을 서두르겠다고 말했다.");
        assert!(es3.iter().any(|e| e.1 == "국토부" && e.2 == "국토교통부"), "abbreviation resolves: {es3:?}");
    }

    #[test]
    fn a_club_with_fc_written_onto_its_name() {
        let es = entities("경남 바람FC는 새 감독을 뽑았다. 바람FC는 다음 시즌 승격을 노린다.");
        assert!(es.iter().any(|e| e.0 == "ORGANIZATION" && e.1 == "경남 바람FC"), "{es:?}");
        assert!(es.iter().any(|e| e.0 == "ORGANIZATION" && e.1 == "바람FC" && e.2 == "경남 바람FC"), "{es:?}");
    }

    #[test]
    fn addresses_run_through_towns_and_villages() {
        // 읍/면/리 after the unit above them, even when ko-dic reads the name as a common word
        // or a verb, or reads -면 as an ending.
        let es = entities("강원 정선군 임계면 봉산리에서 불이 났다. 산사태는 경북 청송군 부남면 화장리와 삼척시 도계읍 신리까지 번졌다.");
        for t in ["강원 정선군 임계면 봉산리", "경북 청송군 부남면 화장리", "삼척시 도계읍 신리"] {
            assert!(has(&es, "LOCATION", t), "{t}: {es:?}");
        }
        let es = entities("행사는 부산 해운대구 우동 일대에서 열린다.");
        assert!(has(&es, "LOCATION", "부산 해운대구 우동"), "{es:?}");
    }

    #[test]
    fn a_short_place_name_that_is_also_a_word_needs_context() {
        // Coordinated with a place, before a noun of area, or as the goal of a trip.
        let es = entities("경북 울진과 봉화 산간에 눈이 내렸다. 여수와 제주를 오가는 여객선이 끊겼다. 원주 시내에도 눈이 쌓였다.");
        for t in ["봉화", "제주", "원주"] {
            assert!(has(&es, "LOCATION", t), "{t}: {es:?}");
        }
        // Alone it stays a word.
        let es = entities("봉화를 올리는 행사가 열렸다.");
        assert!(!has(&es, "LOCATION", "봉화"), "{es:?}");
        // A 시/군 without its suffix after its province (`충남 부여`).
        let es = entities("축제는 충남 부여에서 열린다.");
        assert!(has(&es, "LOCATION", "충남 부여"), "{es:?}");
    }

    #[test]
    fn named_features_roads_and_ranges() {
        let es = entities("한라산국립공원과 속초항은 폐쇄됐다. 국도 7호선과 지방도 912호선이 통제됐다. 서울역~용산역 구간이 멈췄다.");
        for t in ["한라산국립공원", "속초항", "국도 7호선", "지방도 912호선", "서울역", "용산역"] {
            assert!(has(&es, "LOCATION", t), "{t}: {es:?}");
        }
        let es = entities("차량들이 경부고속도로에 갇혔다. 차량 200대가 경부고속도로 서울 방향에 멈췄다.");
        assert!(es.iter().filter(|e| e.1 == "경부고속도로").all(|e| e.0 == "LOCATION") && has(&es, "LOCATION", "경부고속도로"), "{es:?}");
    }

    #[test]
    fn roads_by_their_ending_alone_in_lists_and_in_street_addresses() {
        // 로 after a final consonant cannot be the particle (that is 으로): the road's own ending.
        let es = entities("공사 기간 삼산로와 시청로 일대 도로가 통제된다. 차량들은 백석대로를 따라 우회한다.");
        for t in ["삼산로", "시청로", "백석대로"] {
            assert!(has(&es, "LOCATION", t), "{t}: {es:?}");
        }
        // A street address: the district, the road, the building number and the building.
        let es = entities("상황실은 원주시 단계동 봉산천길 27 단계동행정복지센터에 차려졌다.");
        assert!(has(&es, "LOCATION", "원주시 단계동 봉산천길 27 단계동행정복지센터"), "{es:?}");
        // A road after its neighbourhood (`구월동 예술대로`).
        let es = entities("인천 남동구 구월동 예술대로 지하차도가 다음 달 열린다.");
        assert!(has(&es, "LOCATION", "인천 남동구 구월동 예술대로"), "{es:?}");
        // `계획대로`, `예정대로` (as planned), common nouns that end like roads (also after a
        // place: `소백산 탐방로`), and the particle 로.
        let es = entities("공사는 계획대로 진행된다. 2공장은 예정대로 2027년 가동한다. 소백산 탐방로를 걷다 서울로 향했다. 출근길 시민들이 빙판길에 넘어졌다.");
        for t in ["계획대로", "예정대로", "탐방로", "소백산 탐방로", "출근길", "빙판길"] {
            assert!(!es.iter().any(|e| e.1 == t), "{t}: {es:?}");
        }
    }

    #[test]
    fn places_on_a_numbered_road_landmarks_and_places_in_a_short_county() {
        let es = entities("국도 19호선 구례터널과 국도 3호선 상주교차로 사이 구간이 막혔다.");
        for t in ["국도 19호선 구례터널", "국도 3호선 상주교차로"] {
            assert!(has(&es, "LOCATION", t), "{t}: {es:?}");
        }
        // Landmarks the gazetteer knows stand alone even when ko-dic knows them as common nouns.
        let es = entities("관광객들은 통도사를 둘러본 뒤 경전선 열차를 탔다.");
        assert!(has(&es, "LOCATION", "통도사") && has(&es, "LOCATION", "경전선"), "{es:?}");
        // A county's short form before its township or a place by its ending (`산청 시천면`,
        // `함양 용추계곡`, `안동 도산서원`).
        let es = entities("누적 강수량은 산청 시천면이 가장 많았다. 괴산 쌍곡계곡과 안동 도산서원도 문을 닫았다.");
        for t in ["산청 시천면", "괴산 쌍곡계곡", "안동 도산서원"] {
            assert!(has(&es, "LOCATION", t), "{t}: {es:?}");
        }
    }

    #[test]
    fn foreign_names_before_a_country_and_a_title_and_countries_in_a_list_that_acts() {
        let es = entities("회담이 끝났다. 레 반 뚜언 베트남 외교부 장관은 기자들과 만났다.");
        assert!(has(&es, "PERSON", "레 반 뚜언"), "{es:?}");
        let es = entities("회의를 마친 보 반 끼엣 베트남 총리는 귀국했다.");
        assert!(has(&es, "PERSON", "보 반 끼엣") && !es.iter().any(|e| e.1.contains("마친")), "{es:?}");
        // Words of the sentence before the country are no name.
        let es = entities("정상회의 참석 베트남 총리는 귀국했다.");
        assert!(!es.iter().any(|e| e.0 == "PERSON"), "{es:?}");
        // The last of a list is the subject: every country of the list acts.
        let es = entities("말레이시아와 인도네시아, 필리핀, 브루나이는 해상 순찰을 함께 하기로 합의했다.");
        for t in ["말레이시아", "인도네시아", "필리핀", "브루나이"] {
            assert!(has(&es, "ORGANIZATION", t), "{t}: {es:?}");
        }
        // A country's institute or agency is one organization; a mission abroad with its country.
        let es = entities("일본 해양연구소는 조사를 마쳤다. 주태국 한국대사관과 캐나다 우주청도 참여했다.");
        for t in ["일본 해양연구소", "주태국 한국대사관", "캐나다 우주청"] {
            assert!(has(&es, "ORGANIZATION", t), "{t}: {es:?}");
        }
    }

    #[test]
    fn a_province_written_with_the_particle_do_a_governor_and_a_foreign_city_before_an_area_noun() {
        // ko-dic reads `전북도는` as 전북 + 도 + 는.
        let es = entities("전북도는 25일 대책을 발표했다. 남궁서진 전북지사는 현장을 찾았다.");
        assert!(has(&es, "ORGANIZATION", "전북도") && has(&es, "ROLE", "전북지사") && has(&es, "PERSON", "남궁서진"), "{es:?}");
        let es = entities("교민들은 껀터 시내의 공장을 떠났다. 정체전선 남쪽으로 비구름이 몰렸다.");
        assert!(has(&es, "LOCATION", "껀터") && !has(&es, "LOCATION", "정체전선"), "{es:?}");
        // A headline segment that starts after `…` with a country before a quote: the state speaks.
        let es = entities("국경 하천 수위 갈등…캄보디아 \"수문 열어라\"");
        assert!(has(&es, "ORGANIZATION", "캄보디아"), "{es:?}");
    }

    #[test]
    fn islands_read_as_a_name_and_the_particle_do() {
        // ko-dic reads 거문도 and 오동도 as a noun + the particle 도; in a list, before a noun of
        // area or before a place they are islands. `학생도` alone stays a noun and a particle.
        let es = entities("관광객들은 안면도·거문도·청산도를 차례로 돌았다. 오동도 앞바다에서 불꽃놀이가 열렸다. 학생도 교사도 모였다.");
        for t in ["거문도", "오동도"] {
            assert!(has(&es, "LOCATION", t), "{t}: {es:?}");
        }
        assert!(!es.iter().any(|e| e.1.starts_with("학생")), "{es:?}");
        let es = entities("주민들은 크림반도 남쪽으로 피란했다.");
        assert!(has(&es, "LOCATION", "크림반도"), "{es:?}");
    }

    #[test]
    fn interchanges_stations_exits_and_places_by_their_ending() {
        let es = entities("차량들은 북천안IC에서 빠져 목천JCT 쪽으로 돌았다. 승객들은 원주역에 내렸다.");
        for t in ["북천안IC", "목천JCT", "원주역"] {
            assert!(has(&es, "LOCATION", t), "{t}: {es:?}");
        }
        let es = entities("사고는 수원시 팔달구 수원역 4번 출구 앞에서 났다. 주민들은 청주시 흥덕구 가경동 새솔마을아파트에 산다. 버스는 평택시 포승읍 신영항으로 갔다.");
        for t in ["수원시 팔달구 수원역 4번 출구", "청주시 흥덕구 가경동 새솔마을아파트", "평택시 포승읍 신영항"] {
            assert!(has(&es, "LOCATION", t), "{t}: {es:?}");
        }
        // A place before 방향 starts a new span after a road.
        let es = entities("사고는 천안시 동남구 천안논산고속도로 논산 방향에서 났다.");
        assert!(has(&es, "LOCATION", "천안시 동남구 천안논산고속도로"), "{es:?}");
        assert!(has(&es, "LOCATION", "논산"), "{es:?}");
        let es = entities("광장 교차로와 만년교차로가 막혔다.");
        assert!(has(&es, "LOCATION", "만년교차로"), "{es:?}");
    }

    #[test]
    fn islands_and_parks_in_a_list_with_places_and_a_name_inside_a_region() {
        let es = entities("배는 안면도·소도·청산도를 돈다. 차량은 경포해수욕장과 솔숲공원 주차장에 세운다.");
        for t in ["소도", "솔숲공원"] {
            assert!(has(&es, "LOCATION", t), "{t}: {es:?}");
        }
        let es = entities("불은 크레타섬 북부 라타키오스 인근에서 시작됐다.");
        assert!(has(&es, "LOCATION", "크레타섬 북부 라타키오스"), "{es:?}");
    }

    #[test]
    fn a_one_syllable_surname_and_a_name_read_as_verb_ending_and_bound_noun() {
        // 오은채 read as 오 + 은 + 채: before a title, a name.
        let es = entities("오은채 소방서장은 \"속도를 줄여 달라\"고 당부했다.");
        assert!(has(&es, "PERSON", "오은채"), "{es:?}");
    }

    #[test]
    fn police_stations_read_with_the_particle_seo() {
        let es = entities("충주경찰서는 운전자를 입건했다. 통영해양경찰서는 수색을 이어갔다.");
        for t in ["충주경찰서", "통영해양경찰서"] {
            assert!(has(&es, "ORGANIZATION", t), "{t}: {es:?}");
        }
        assert!(!has(&es, "ORGANIZATION", "운전자"), "{es:?}");
    }

    #[test]
    fn kodic_place_names_that_are_common_nouns_need_a_place_context() {
        // ko-dic lists 수면 and 내기 as place names as well as common nouns.
        let es = entities("수면 부족은 집중력을 떨어뜨린다. 두 사람은 저녁값 내기를 했다.");
        assert!(!es.iter().any(|e| e.0 == "LOCATION"), "{es:?}");
        let es = entities("배달 앱 오늘배달은 수수료를 내렸다. 오늘부터 신청을 받는다.");
        assert!(!es.iter().any(|e| e.1 == "오늘" && e.0 == "DATE" && e.3.is_empty()), "{es:?}");
        assert_eq!(es.iter().filter(|e| e.0 == "DATE").count(), 1, "{es:?}");
        // A foreign capital that ko-dic also lists as a common noun stands alone.
        let es = entities("교민들은 아테네에서 생수를 나눴다.");
        assert!(has(&es, "LOCATION", "아테네"), "{es:?}");
        // 한국인 is a nationality, not the place 한국 + the copula.
        let es = entities("현지 한국인 관광객은 모두 무사하다.");
        assert!(!has(&es, "LOCATION", "한국"), "{es:?}");
    }

    #[test]
    fn names_after_a_title_with_the_copula_and_before_a_separate_ssi() {
        let es = entities("협회 이사인 권도윤 씨는 \"준비가 끝났다\"고 말했다. 회장 황보나은 씨는 \"기쁘다\"고 했다.");
        assert!(has(&es, "PERSON", "권도윤"), "{es:?}");
        assert!(has(&es, "ROLE", "이사"), "{es:?}");
        assert!(has(&es, "PERSON", "황보나은"), "{es:?}");
        // 주 + a country is a mission abroad, not a person.
        let es = entities("주독일 대사관은 교민 안전을 확인했다.");
        assert!(!es.iter().any(|e| e.0 == "PERSON"), "{es:?}");
        assert!(has(&es, "ORGANIZATION", "주독일 대사관"), "{es:?}");
    }

    #[test]
    fn mayors_of_known_cities_and_event_venues() {
        let es = entities("최민준 춘천시장은 \"예산을 늘리겠다\"고 말했다. 개막식은 부산국제박람회장에서 열린다.");
        assert!(has(&es, "PERSON", "최민준"), "{es:?}");
        assert!(has(&es, "ROLE", "춘천시장"), "{es:?}");
        assert!(!es.iter().any(|e| e.0 == "ROLE" && e.1.contains("박람회")), "{es:?}");
    }

    #[test]
    fn an_institution_named_by_its_building_is_a_place_there() {
        let es = entities("국회에서 토론회가 열렸다. 주민들은 시청 앞에서 집회를 열었다. 국회는 법안을 통과시켰다.");
        assert!(es.iter().any(|e| e.0 == "LOCATION" && e.1 == "국회"), "{es:?}");
        assert!(es.iter().any(|e| e.0 == "ORGANIZATION" && e.1 == "국회"), "{es:?}");
        assert!(has(&es, "LOCATION", "시청"), "{es:?}");
        let es = entities("환자는 한빛대병원으로 옮겨졌다.");
        assert!(has(&es, "LOCATION", "한빛대병원"), "{es:?}");
    }

    #[test]
    fn local_governments_and_states_acting_as_bodies() {
        let cases = [
            ("청주시에 따르면 인구가 늘었다.", "청주시"),
            ("시는 세종시와 협의해 노선을 정하기로 했다.", "세종시"),
            ("주민들은 천안시에 정밀 조사를 요청했다.", "천안시"),
            ("원주시 역시 대책을 내놨다.", "원주시"),
            ("포항시, 신항만 개발 계획 확정", "포항시"),
            ("충남도, 해양수산부와 긴급회의를 열었다.", "충남도"),
            ("일본과 호주는 방위 협력에 합의했다.", "일본"),
            ("장관은 칠레, 페루 외교장관과 만났다.", "칠레"),
        ];
        for (text, place) in cases {
            let es = entities(text);
            assert!(has(&es, "ORGANIZATION", place), "{text}: {es:?}");
        }
        // The same names as places.
        let es = entities("그는 청주시에서 태어나 일본으로 떠났다.");
        assert!(has(&es, "LOCATION", "청주시") && has(&es, "LOCATION", "일본"), "{es:?}");
    }

    #[test]
    fn companies_missions_and_branches() {
        let es = entities("태성에너지는 18일 공장을 멈췄다고 밝혔다. 주독일 대사관은 교민 피해를 확인했다. 한국도로공사 부산본부 관계자는 말했다.");
        for t in ["태성에너지", "주독일 대사관", "한국도로공사 부산본부"] {
            assert!(has(&es, "ORGANIZATION", t), "{t}: {es:?}");
        }
        let es = entities("충북도, 소방청과 회의를 열었다.");
        assert!(!has(&es, "ORGANIZATION", "충북도, 소방청"), "{es:?}");
    }

    #[test]
    fn a_name_read_as_a_verb_before_a_title() {
        // ko-dic reads 공서진 as 공서 + 하 + 지 + ㄴ: before a title it is a name.
        let e = entities("공서진 장관은 이날 대책을 발표했다. 공 장관은 사과했다.");
        assert!(has(&e, "PERSON", "공서진"), "{e:?}");
        // A verb that modifies the title is not a name, whatever its first syllable.
        let e = entities("개혁을 강조한 장관은 자리를 떠났다.");
        assert!(!e.iter().any(|x| x.0 == "PERSON"), "{e:?}");
        // Given names ending in 준 or 진 that ko-dic reads as a noun and 주/지 + ㄴ.
        let e = entities("정형준 검사장은 수사팀을 꾸렸다. 한현준 위원장과 오세진 의원이 만났다.");
        for name in ["정형준", "한현준", "오세진"] {
            assert!(has(&e, "PERSON", name), "{name}: {e:?}");
        }
        // A noun and a fused verb written with its particle stays a clause.
        let e = entities("도움을 준 회장은 말이 없었다.");
        assert!(!e.iter().any(|x| x.0 == "PERSON"), "{e:?}");
    }

    #[test]
    fn a_long_office_title_ending_in_siljang() {
        let es = entities("변도윤 재난안전실장은 대책을 설명했다.");
        assert!(has(&es, "PERSON", "변도윤") && has(&es, "ROLE", "재난안전실장"), "{es:?}");
    }

    #[test]
    fn a_place_with_the_short_locative_seo_read_as_a_verb() {
        // `김해서`, `타슈켄트서`: a known place and 서 for 에서, in headlines.
        let es = entities("김해서 택시 추락…운전자 숨져");
        assert!(has(&es, "LOCATION", "김해"), "{es:?}");
        let es = entities("타슈켄트서 정상회의 개막");
        assert!(has(&es, "LOCATION", "타슈켄트"), "{es:?}");
    }

    #[test]
    fn both_ends_of_a_route_and_a_city_with_a_locative_are_places() {
        // A place that is also a common word (시안, a draft) at either end of a route.
        let es = entities("열차는 시안에서 우루무치까지 달린다.");
        assert!(has(&es, "LOCATION", "시안") && has(&es, "LOCATION", "우루무치"), "{es:?}");
        let es = entities("시안에서 빠진 조항이 있다.");
        assert!(!has(&es, "LOCATION", "시안"), "{es:?}");
        // A 시/군 that ko-dic also lists as a common noun, with 에서 (`…에서 열린`).
        let es = entities("서귀포에서 열린 마라톤에 5000명이 달렸다.");
        assert!(has(&es, "LOCATION", "서귀포"), "{es:?}");
    }

    #[test]
    fn a_bare_city_name_that_is_a_word_heads_an_address_or_a_list() {
        for (text, place) in [("화성 향남읍 공장에서 불이 났다.", "화성 향남읍"), ("음성 대소면 주민들이 모였다.", "음성 대소면")] {
            let es = entities(text);
            assert!(has(&es, "LOCATION", place), "{place}: {es:?}");
        }
        let es = entities("의정부·양주·연천 주민들이 반대했다.");
        assert!(has(&es, "LOCATION", "양주") && has(&es, "LOCATION", "의정부"), "{es:?}");
        assert!(!es.iter().any(|e| e.0 == "ORGANIZATION"), "{es:?}");
        // Alone, or before a common noun, it stays a word.
        for text in ["화성 탐사선이 발사됐다.", "양주 두 병을 샀다.", "구리 가격이 올랐다."] {
            let es = entities(text);
            assert!(!es.iter().any(|e| e.0 == "LOCATION"), "{text}: {es:?}");
        }
    }

    #[test]
    fn a_neighbourhood_after_a_short_city_name_a_numbered_road_and_an_office_annex() {
        // ko-dic splits some 동 names (`다율동`) into a word and a common noun.
        let es = entities("파주 다율동 상가가 문을 닫았다.");
        assert!(has(&es, "LOCATION", "파주 다율동"), "{es:?}");
        let es = entities("7번 국도 삼척 구간이 통제됐다. 차량은 42번 지방도를 따라 돌아갔다.");
        assert!(has(&es, "LOCATION", "7번 국도") && has(&es, "LOCATION", "42번 지방도"), "{es:?}");
        assert!(!es.iter().any(|e| e.0 == "QUANTITY"), "{es:?}");
        let es = entities("경기도청 북부청사에서 회의가 열렸다.");
        assert!(has(&es, "LOCATION", "경기도청 북부청사"), "{es:?}");
        // `기장군` ends like the title 장군, `의정부` like 정부: the gazetteer's districts win.
        let es = entities("부산 기장군 정관읍에서 불이 났다. 의정부에서 출발한 버스가 멈췄다.");
        assert!(has(&es, "LOCATION", "부산 기장군 정관읍") && has(&es, "LOCATION", "의정부"), "{es:?}");
        assert!(!es.iter().any(|e| e.0 == "ROLE" || e.0 == "ORGANIZATION"), "{es:?}");
    }

    /// A village before a body named after a larger region is where the body sits: a place and
    /// an organization (`범어동 대구지방검찰청`); a body of the village itself stays one name.
    #[test]
    fn a_village_before_a_regional_body_is_its_seat() {
        let es = entities("부산 연제구 거제동 부산지방검찰청은 사건을 재판에 넘겼다.");
        assert!(has(&es, "LOCATION", "부산 연제구 거제동"), "{es:?}");
        assert!(has(&es, "ORGANIZATION", "부산지방검찰청"), "{es:?}");
        let es = entities("청양군 정산면 주민자치회는 성명을 냈다. 서울 동작구청은 입장을 밝혔다.");
        assert!(has(&es, "ORGANIZATION", "정산면 주민자치회"), "{es:?}");
        assert!(has(&es, "ORGANIZATION", "서울 동작구청"), "{es:?}");
    }

    /// Missions abroad named by 주 + a country's one-syllable short form or a foreign city.
    #[test]
    fn missions_named_by_a_short_country_or_a_foreign_city() {
        let es = entities("주중 한국대사관과 주상하이 총영사관은 교민 안전을 점검했다. 주미 대사관도 나섰다.");
        for t in ["주중 한국대사관", "주상하이 총영사관", "주미 대사관"] {
            assert!(has(&es, "ORGANIZATION", t), "{t}: {es:?}");
        }
        assert!(!es.iter().any(|e| e.0 == "PERSON"), "{es:?}");
    }

    /// Words ko-dic lists as names that the sentence reads as a village or a 하다-verb.
    #[test]
    fn a_village_after_its_town_and_a_verb_in_hae_are_no_names() {
        let es = entities("관광객들은 부산으로 이동해 배를 탔다. 대정읍 하모리 포구에서 어민들이 그물을 손질했다.");
        assert!(!es.iter().any(|e| e.0 == "PERSON"), "{es:?}");
        assert!(has(&es, "LOCATION", "대정읍 하모리"), "{es:?}");
    }

    /// A short 면 (read as a noun or a verb + `-면`) before a village heads an address.
    #[test]
    fn a_short_township_before_a_village_heads_an_address() {
        let es = entities("서면 남양리와 북면 현포리에는 눈이 쌓였다.");
        assert!(has(&es, "LOCATION", "서면 남양리"), "{es:?}");
        assert!(has(&es, "LOCATION", "북면 현포리"), "{es:?}");
    }

    /// Local governments joined by 와/과 before the subject act together; a mayor of a
    /// metropolitan city is a title; a departure hall is none.
    #[test]
    fn joined_local_governments_act_and_a_metropolitan_mayor_is_a_title() {
        let es = entities("광주시와 전라남도는 공동 협약을 맺었다고 밝혔다.");
        assert!(has(&es, "ORGANIZATION", "광주시"), "{es:?}");
        assert!(has(&es, "ORGANIZATION", "전라남도"), "{es:?}");
        let es = entities("박정민 부산시장은 공항 출국장을 둘러봤다.");
        assert!(has(&es, "ROLE", "부산시장"), "{es:?}");
        assert!(!es.iter().any(|e| e.1.contains("출국장")), "{es:?}");
    }

    /// Ports by a county's bare name or by the gazetteer; features by their ending; a trail's
    /// numbered course; regional offices and a park's office under its agency.
    #[test]
    fn ports_features_courses_and_regional_offices() {
        let es = entities("화물선이 하동항에 들어왔다. 여객선은 한림항을 출발했다.");
        for t in ["하동항", "한림항"] {
            assert!(has(&es, "LOCATION", t), "{t}: {es:?}");
        }
        let es = entities("제주지방기상청은 호우경보를 내렸다. 정방폭포와 보문관광단지, 새별오름과 사려니숲길은 문을 닫았다.");
        assert!(has(&es, "ORGANIZATION", "제주지방기상청"), "{es:?}");
        for t in ["정방폭포", "보문관광단지", "새별오름", "사려니숲길"] {
            assert!(has(&es, "LOCATION", t), "{t}: {es:?}");
        }
        let es = entities("탐방객들은 지리산 둘레길 3코스를 걸었다. 국립공원공단 설악산국립공원사무소는 탐방로를 막았다.");
        assert!(has(&es, "LOCATION", "지리산 둘레길 3코스"), "{es:?}");
        assert!(has(&es, "ORGANIZATION", "국립공원공단 설악산국립공원사무소"), "{es:?}");
    }

    /// A foreign city after a country or a state is a place in it, not a team; a foreign
    /// prefecture ending in 부 is a place; a name right after a foreign city is its district.
    #[test]
    fn foreign_cities_prefectures_and_districts() {
        let es = entities("공장은 캘리포니아주 로스앤젤레스와 아르헨티나 부에노스아이레스, 일본 교토부에 있다.");
        for t in ["캘리포니아주 로스앤젤레스", "아르헨티나 부에노스아이레스", "일본 교토부"] {
            assert!(has(&es, "LOCATION", t), "{t}: {es:?}");
        }
        assert!(!es.iter().any(|e| e.0 == "ORGANIZATION"), "{es:?}");
        let es = entities("관광객들은 일본 도쿄 시부야에서 쇼핑을 했다.");
        assert!(has(&es, "LOCATION", "일본 도쿄 시부야"), "{es:?}");
        assert!(!es.iter().any(|e| e.0 == "PERSON"), "{es:?}");
        let es = entities("광주 피닉스는 원정에서 이겼다.");
        assert!(has(&es, "ORGANIZATION", "광주 피닉스"), "{es:?}");
    }

    /// A peak or a temple right after its mountain, a numbered 동 after its district, and a
    /// toll gate on an expressway are places in one span.
    #[test]
    fn peaks_and_temples_on_a_mountain_numbered_villages_and_toll_gates() {
        let es = entities("등산객은 북한산 백운대에서 구조됐다. 관광객은 팔공산 동화사를 찾았다.");
        for t in ["북한산 백운대", "팔공산 동화사"] {
            assert!(has(&es, "LOCATION", t), "{t}: {es:?}");
        }
        assert!(!es.iter().any(|e| e.0 == "PERSON"), "{es:?}");
        let es = entities("주민들은 성남시 분당구 정자1동에 모였다. 차량들이 경부고속도로 서울요금소 앞에 멈춰 섰다.");
        assert!(has(&es, "LOCATION", "성남시 분당구 정자1동"), "{es:?}");
        assert!(has(&es, "LOCATION", "경부고속도로 서울요금소"), "{es:?}");
        assert!(super::numbered_village("상계3동") && super::numbered_village("종로1가") && !super::numbered_village("3동") && !super::numbered_village("상계동"));
    }

    /// A station right after its line, and archipelagos by their ending.
    #[test]
    fn a_station_after_its_line_and_archipelagos() {
        let es = entities("열차는 KTX 강릉선 진부역을 지났다. 관광객들은 고군산군도를 찾았고 쿠릴열도 인근에서 지진이 났다. 해군도 나섰다.");
        for t in ["강릉선 진부역", "고군산군도", "쿠릴열도"] {
            assert!(has(&es, "LOCATION", t), "{t}: {es:?}");
        }
        assert!(!es.iter().any(|e| e.0 == "LOCATION" && e.1.starts_with("해군")), "{es:?}");
    }

    /// A country's demonym (`한국인`) is not a later mention of the country acting as a state.
    #[test]
    fn a_demonym_is_no_mention_of_the_state() {
        let es = entities("한국과 일본은 협정에 서명했다. 일본을 찾은 한국인 관광객이 늘었다.");
        assert_eq!(es.iter().filter(|e| e.1 == "한국").count(), 1, "{es:?}");
    }

    #[test]
    fn a_place_found_once_is_a_place_wherever_the_article_names_it() {
        // `광명시` in the body makes the bare `광명` a place in the headline-like sentence and after
        // a particle; `청주시 오송읍` makes `오송` one (ko-dic reads it as a common noun).
        let es = entities("광명 아파트 화재. 경기 광명시 철산동에서 불이 났다. 광명의 소방서는 멀었다.");
        assert_eq!(es.iter().filter(|e| e.0 == "LOCATION" && e.1 == "광명").count(), 2, "{es:?}");
        let es = entities("공장은 충북 청주시 흥덕구 오송읍에 있다. 회사는 오송을 떠나지 않는다.");
        assert!(has(&es, "LOCATION", "오송"), "{es:?}");
        // A place's people (`한국인`) and a word listed as an ordinary one (`경기`) are not spread.
        let es = entities("한국에서 왔다. 한국인 관광객이 늘었다. 경기 수원시에서 열렸다. 경기가 나빠졌다.");
        assert_eq!(es.iter().filter(|e| e.1 == "한국" || e.1 == "한국인").count(), 1, "{es:?}");
        assert_eq!(es.iter().filter(|e| e.1 == "경기").count(), 0, "{es:?}");
        // The bare form of a 군 the gazetteer leaves out (`예산`: a budget) is not spread either.
        let es = entities("충남 예산군 예산읍에서 축제가 열렸다. 군은 예산을 늘렸다.");
        assert!(!es.iter().any(|e| e.1 == "예산"), "{es:?}");
    }
}

/// The precomputed tables of this file give the answers of the list scans they replaced.
#[cfg(test)]
mod table_tests {
    use super::*;

    /// Invented words and particles glued to names, and every word of the lists themselves.
    fn words() -> Vec<String> {
        let mut ws: Vec<String> = ["", "가", "은", "씨", "로", "으로부터", "에서는요", "한빛에서는", "미르", "다온시", "다온시청", "다온구의회", "소래법원 형사3부", "새빛경찰서", "미르재판부", "다온미술관", "노동조합원", "새빛협의회", "소래IC", "소래JCT", "IC", "다온국회", "다온청사", "ABC"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        ws.extend(PARTICLES.iter().map(|p| p.to_string()));
        ws.extend(PARTICLES.iter().map(|p| format!("다온{p}")));
        ws.extend(GENERIC.iter().map(|(g, _)| g.to_string()));
        ws.extend(GENERIC.iter().map(|(g, _)| format!("새빛{g}")));
        ws
    }

    #[test]
    fn particle_index_answers_as_the_list() {
        for w in words() {
            assert_eq!(is_particle(&w), PARTICLES.contains(&w.as_str()), "{w}");
            let ending: Vec<&str> = PARTICLES.iter().copied().filter(|p| w.ends_with(p)).collect();
            let found: Vec<&str> = particles_ending(&w).iter().copied().filter(|p| w.ends_with(p)).collect();
            assert_eq!(found, ending, "{w}");
            let first = w.chars().next().and_then(|c| PARTICLE_INDEX.by_first.get(&c));
            assert_eq!(first.is_some_and(|ps| ps.iter().any(|p| w.starts_with(p))), PARTICLES.iter().any(|p| w.starts_with(p)), "{w}");
        }
    }

    #[test]
    fn generic_words_by_hash_answer_as_the_list() {
        for w in words() {
            let scan = GENERIC.iter().find(|(g, _)| *g == w).map(|(_, h)| std::mem::discriminant(h));
            assert_eq!(generic(&w).map(|h| std::mem::discriminant(&h)), scan, "{w}");
        }
    }

    #[test]
    fn generic_candidates_keep_every_entry_a_name_can_fit() {
        let c = &*GENERIC_CANDIDATES;
        for w in words() {
            // The needles found in one pass are those a substring search finds.
            let mask = c.needles_in(&w);
            for (k, n) in c.needles.iter().enumerate() {
                assert_eq!(mask & (1 << k) != 0, contains_short(&w, n), "{w} {n}");
            }
            // Every `EndsWith` entry the name ends with is a candidate by its last character.
            let by_end = w.chars().next_back().and_then(|l| c.by_last.get(&l)).cloned().unwrap_or_default();
            for (k, (g, how)) in GENERIC.iter().enumerate() {
                match how {
                    How::EndsWith if w.ends_with(g) && !w.is_empty() => assert!(by_end.contains(&k), "{w} {g}"),
                    How::Contains(words) => {
                        assert!(c.org_only.contains(&k));
                        assert_eq!(mask & c.entry_mask[k] != 0, words.iter().any(|x| contains_short(&w, x)), "{w} {g}");
                    }
                    How::Panel => assert!(c.org_only.contains(&k)),
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn a_date_without_digits_holds_a_date_word() {
        let pieces = [
            "", " ", "지난", "오는", "이번", "다음", "올", "해", "달", "주", "년", "년도", "월", "일", "요", "요일", "화", "분기", "초", "중순", "말", "중", "안",
            "이", "날", "당", "오", "늘", "어", "제", "그", "저께", "내", "모레", "전", "튿", "재작", "작", "금", "후", "듬", "연", "상반기", "하반기", "(", ")", "가",
        ];
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in ["", "일", " 달", "요일"] {
                        let t = format!("{a}{b}{c}{d}");
                        if DATE_RE.is_match(&t) {
                            n += 1;
                            assert!(DATE_WORDS.is_match(&t), "{t}");
                        }
                    }
                }
            }
        }
        assert!(n > 1000);
    }

    #[test]
    fn morph_bits_answer_as_the_tests_of_the_tag() {
        let tags = [
            "NNG", "NNP", "NNB", "NNBC", "NR", "NP", "VV", "VA", "VX", "VCP", "VCN", "MM", "MAG", "MAJ", "IC", "JKS", "JKO", "JX", "JC", "EP", "EF", "EC", "ETN", "ETM", "XPN",
            "XSN", "XSV", "XSA", "XSVX", "XR", "SF", "SE", "SP", "SSO", "SSC", "SC", "SY", "SL", "SH", "SN", "UNKNOWN", "", "E", "V", "J", "XS",
        ];
        let mut all: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
        for a in tags {
            for b in ["EP", "ETM", "EF", "EC", "JX", "VV"] {
                all.push(format!("{a}+{b}"));
                all.push(format!("{a}+{b}+ETM"));
            }
        }
        for pos in &all {
            let t = tag(pos);
            let b = morph_bits(pos);
            let has = |bit: u32| b & bit != 0;
            assert_eq!(has(T_J), t.starts_with('J'), "{pos}");
            assert_eq!(has(T_VCP), t == "VCP", "{pos}");
            assert_eq!(has(T_E), t.starts_with('E'), "{pos}");
            assert_eq!(has(T_XSN), t == "XSN", "{pos}");
            assert_eq!(has(T_MARK), matches!(t, "SF" | "SP" | "SE" | "SSC" | "SC" | "SY"), "{pos}");
            assert_eq!(has(T_NNB), t == "NNB", "{pos}");
            assert_eq!(has(T_NNP), t == "NNP", "{pos}");
            assert_eq!(has(T_V), t.starts_with('V'), "{pos}");
            assert_eq!(has(T_XSV_XSA), t == "XSV" || t == "XSA", "{pos}");
            assert_eq!(has(T_MAG), t == "MAG", "{pos}");
            assert_eq!(has(T_XSV_XSA_PREFIX), t.starts_with("XSV") || t.starts_with("XSA"), "{pos}");
            assert_eq!(has(T_NNG), t == "NNG", "{pos}");
            assert_eq!(has(T_VERB_NOT_VCP | T_XSV_XSA_PREFIX), t.starts_with('V') && t != "VCP" || t.starts_with("XSV") || t.starts_with("XSA"), "{pos}");
            assert_eq!(has(T_V | T_E | T_XSN | T_XSV_XSA | T_MAG), t.starts_with('V') || t.starts_with('E') || t == "XSN" || t == "XSV" || t == "XSA" || t == "MAG", "{pos}");
            assert_eq!(has(P_VERB_FIRST), ["V", "XSV", "XSA", "E"].iter().any(|p| pos.starts_with(p)), "{pos}");
            assert_eq!(b & (P_ETM | P_EP) == 0, !pos.contains("ETM") && !pos.contains("EP"), "{pos}");
            assert_eq!(has(P_ETM), pos.contains("ETM"), "{pos}");
            assert_eq!(has(P_VV_ETM), pos == "VV+ETM", "{pos}");
        }
    }

    /// Pieces of numbers, dates, times and counts and of the words around them.
    fn number_pieces() -> Vec<&'static str> {
        let mut v = vec![
            "0", "1", "2", "3", "4", "7", "12", "2024", "20245", "1,000", ".", ",", "-", "/", ":", " ", "\u{3000}", "년", "월", "일", "도", "분기", "시", "분", "초", "반", "간",
            "오전", "오후", "밤", "저녁", "조", "억", "만", "천", "여", "여만", "수", "원", "명", "개", "개월", "%", "조각", "km", "달러", "(", ")", "월요일", "(화)", "가", "A", "는",
            "지난", "오는", "올", "중순", "말", "초", "이", "십", "삼", "이천", "이십육", "백", "구", "오",
        ];
        v.extend(NATIVE_NUMERALS);
        v.extend(NATIVE_COUNTERS);
        v.extend(NATIVE_DAYS);
        v.extend([
            "이날", "당일", "오늘", "어제", "그제", "그저께", "내일", "모레", "전날", "이튿날", "재작년", "지난해", "작년", "올해", "금년", "내년", "내후년", "이듬해", "이달", "이번", "다음", "내달", "지난달", "내주",
            "지난주", "연내", "연말", "연초", "상반기", "하반기", "요일",
        ]);
        v
    }

    /// [`EntityStage::number_matches`] around the places the scan finds, and over the whole
    /// sentence as before, as byte ranges.
    fn number_spans(stage: &EntityStage, t: &str, exact: bool) -> [Vec<(usize, usize)>; 6] {
        let mut scan = NumberScan::default();
        scan.scan(t, None);
        let f = stage.number_matches(t, &scan, exact);
        let r = |ms: &[regex::Match]| ms.iter().map(|m| (m.start(), m.end())).collect::<Vec<_>>();
        [r(&f.dates), r(&f.sino), r(&f.times), f.quantities, f.big, f.native]
    }

    #[test]
    fn number_matches_around_the_scan_answer_as_the_whole_sentence() {
        let stage = EntityStage::new(&DataFiles::embedded()).unwrap();
        let pieces = number_pieces();
        let mut found = 0;
        // Every string of three pieces, and many longer ones.
        let mut texts: Vec<String> = Vec::new();
        for a in &pieces {
            for b in &pieces {
                for c in ["", " ", "1", "년", "월", "일", "시", "명", "조"] {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..40_000 {
            let mut t = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for k in 0..(seed % 14) {
                t.push_str(pieces[((seed >> (4 * k)) as usize).wrapping_mul(2_654_435_761) % pieces.len()]);
            }
            texts.push(t);
        }
        for t in &texts {
            let fast = number_spans(&stage, t, false);
            let slow = number_spans(&stage, t, true);
            assert_eq!(fast, slow, "{t}");
            found += fast.iter().filter(|v| !v.is_empty()).count();
        }
        assert!(found > 20_000, "{found}");
        // A numeric character other than an ASCII digit: the whole sentence is searched.
        let t = "２０２４년 3월 ２일 오후 ３시";
        let mut scan = NumberScan::default();
        scan.scan(t, None);
        assert!(scan.other_numeric);
    }

    /// The character-by-character search [`NameFinder::find_all`] replaced.
    fn find_all_by_chars(names: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut next = 0;
        for (i, _) in text.char_indices() {
            if i < next {
                continue;
            }
            let best = (0..names.len()).filter(|&k| text[i..].starts_with(names[k])).max_by_key(|&k| (names[k].len(), std::cmp::Reverse(k)));
            if let Some(k) = best {
                out.push((i, i + names[k].len(), k));
                next = i + names[k].len();
            }
        }
        out
    }

    #[test]
    fn name_finder_answers_as_a_scan_by_characters() {
        let names = ["홍은택", "홍은", "택", "Aé", "é", "€1", "😀x", "국회 본관", "ª", "ɀ", "Ā", "가"];
        let pieces = ["홍은택", "홍은", "택", "A", "é", "€", "1", "😀", "x", " ", "국회", "본관", "ª", "ɀ", "Ā", "ĀA", "가", "각", "힣", "\u{100}", "ÿ", "Ŀ"];
        let finder = NameFinder::new(names.iter().copied()).unwrap();
        // Every string of up to four pieces.
        let mut texts: Vec<String> = vec![String::new()];
        for _ in 0..4 {
            let more: Vec<String> = texts.iter().flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}"))).collect();
            texts.extend(more);
            texts.sort();
            texts.dedup();
        }
        for t in &texts {
            let mut ms = Vec::new();
            finder.find_all(t, &mut ms);
            let got: Vec<(usize, usize, usize)> = ms.iter().map(|m| (m.start(), m.end(), m.pattern())).collect();
            assert_eq!(got, find_all_by_chars(&names, t), "{t}");
        }
    }

    #[test]
    fn cached_stem_facts_answer_as_the_lexicon() {
        let stage = EntityStage::new(&DataFiles::embedded()).unwrap();
        let mut stems: Vec<String> = words();
        // Every gazetteer name, and each with a syllable before and after it.
        for k in stage.lex.locations.keys().chain(stage.lex.organizations.keys()).take(5000) {
            stems.push(k.clone());
            stems.push(format!("다온{k}"));
            stems.push(format!("{k}가"));
        }
        for s in &stems {
            let f = stage.stem_facts(s);
            let kind = f.loc_kind.checked_sub(1).map(|k| stage.kinds[usize::from(k)].as_str());
            assert_eq!(kind, stage.lex.locations.get(s.as_str()).map(|e| e.kind.as_str()), "{s}");
            assert_eq!(f.by_suffix, stage.lex.location_by_suffix(s), "{s}");
            assert_eq!(f.facility, stage.lex.is_facility(s), "{s}");
            assert_eq!(f.county_short, stage.county_short_form(s), "{s}");
            assert_eq!(f.generic, is_generic_org(s), "{s}");
            assert_eq!(f.place_feature, stage.place_with_feature(s), "{s}");
        }
    }

    #[test]
    fn native_counts_in_the_scan_answer_as_their_own_pass() {
        let pieces = ["한", "두 ", "세", "네 명", "다섯", "여섯 곳", "일곱", "여덟", "아홉", "열", "스무", "서른", "마흔", "석 달", "넉", "나흘", "이틀", "사흘", "닷새", "엿새", "이레", "여드레", "아흐레", "열흘", "보름",
            "명", "곳", "개", "차례", "번", "달", "해", "시간", "가지", "대", "주일", "개월", "군데", " ", "가", "A", "3", "·", "(", "세대", "한국", "이사"];
        let mut n = 0;
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..50_000 {
            let mut t = String::new();
            for _ in 0..6 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let mut scan = NumberScan::default();
            scan.scan(&t, None);
            let want = native_counts(&t);
            n += want.len();
            assert_eq!(scan.native, want, "{t}");
        }
        assert!(n > 10_000, "{n}");
    }

    #[test]
    fn multiword_gate_never_hides_a_name() {
        let stage = EntityStage::new(&DataFiles::embedded()).unwrap();
        let names: Vec<&str> = stage.lex.multiword.iter().map(|(k, _)| k.as_str()).collect();
        let mut texts: Vec<String> = Vec::new();
        for (k, n) in names.iter().enumerate() {
            let other = names[(k * 7 + 3) % names.len()];
            texts.push(n.to_string());
            texts.push(format!("지난해 {n}는 {other}와 만났다"));
            // The name cut or bent around its space: no occurrence, mostly ruled out.
            texts.push(n.replacen(' ', "  ", 1));
            texts.push(n.replacen(' ', "", 1));
            texts.push(format!("{} {}", &n[..n.find(' ').unwrap()], other.split(' ').next_back().unwrap()));
        }
        texts.extend(["", " ", "다온 새빛 한빛", "a b", "우리 정부"].map(String::from));
        let (mut found, mut gated) = (0, 0);
        for t in &texts {
            let any = stage.lex.multiword_ac.find_iter(t.as_str()).next().is_some();
            found += usize::from(any);
            let mut scan = NumberScan::default();
            scan.scan(t, Some(&stage.lex));
            assert_eq!(scan.multiword_space, stage.lex.may_hold_multiword(t), "{t}");
            if !stage.lex.may_hold_multiword(t) {
                gated += 1;
                assert!(!any, "{t}");
            }
        }
        assert!(found > 200 && gated > 200, "{found} {gated}");
    }

    #[test]
    fn separator_answers_as_the_full_test() {
        for c in ('\0'..='\u{FFFF}').chain(['\u{1F600}', '\u{10FFFF}']) {
            let full = c.is_whitespace() || c == '·' || c == ',' || c == '/' || c == '…' || c == '、' || c == '~' || c == '～' || c == '∼' || c == '〜';
            assert_eq!(separator(c), full, "{c:?}");
        }
    }

    /// [`EntityStage::place_with_feature`] without the test of the last character.
    fn place_with_feature_ungated(stage: &EntityStage, s: &str) -> bool {
        let n = s.chars().count();
        s.char_indices().rev().take(3).any(|(b, _)| {
            let (head, tail) = s.split_at(b);
            let k = n - tail.chars().count();
            k >= 2
                && tail != "주"
                && (stage.lex.locations.get(head).is_some_and(|e| e.kind != "country") || stage.county_short_form(head))
                && stage.lex.context.feature_tail.contains(&tail)
        })
    }

    #[test]
    fn gated_place_tests_answer_as_the_ungated_ones() {
        let stage = EntityStage::new(&DataFiles::embedded()).unwrap();
        let mut stems: Vec<String> = words();
        let places: Vec<&String> = stage.lex.locations.keys().chain(stage.lex.admin_stems.iter()).take(3000).collect();
        let tails: Vec<&str> = stage.lex.context.feature_tail.iter().copied().chain(["주", "항", "역", "가", ""]).collect();
        for p in &places {
            for t in &tails {
                stems.push(format!("{p}{t}"));
            }
        }
        stems.extend(stage.lex.organizations.keys().take(3000).cloned());
        let mut features = 0;
        for s in &stems {
            let want = place_with_feature_ungated(&stage, s);
            features += usize::from(want);
            assert_eq!(stage.place_with_feature(s), want, "{s}");
            let stop = stage.lex.org_stoplist.contains(s.as_str()) || stage.lex.org_stop_endings.iter().any(|e| s.ends_with(e.as_str()));
            if stop {
                assert!(!stage.lex.org_by_suffix(s), "{s}");
            }
        }
        assert!(features > 100, "{features}");
    }

    #[test]
    fn word_flag_of_road_endings_answers_as_the_text() {
        let p = crate::Pipeline::new(DataFiles::embedded()).unwrap();
        let text = "‘가온로’를 지나 새빛대로와 (다온길) 45 앞에서 “한길로” 갔다. 미르로는 구름길에서 끝난다, 소래로·다온길 3. 새빛기구(SBG)는 다온에너지(Daon Energy Inc.)와 남궁태오(23)씨, 형사3부(한빛 부장판사)가 (가온)로 갔다.";
        let doc = crate::doc::Document { id: "t".into(), source: "t".into(), text: text.into(), meta: Default::default(), warnings: vec![] };
        let a = p.analyze(doc).unwrap();
        let mut ws = Vec::new();
        let mut seen = 0;
        for si in 0..a.sentences.len() {
            super::words(&a, si, &mut ws);
            for w in &ws {
                let raw = a.text(Span::new(w.stem.start, w.span.end));
                assert_eq!(w.ro_gil, raw.chars().any(|c| c == '로' || c == '길'), "{raw}");
                assert_eq!(w.hangul, !w.stem_text.is_empty() && w.stem_text.chars().all(is_hangul), "{raw}");
                seen += usize::from(w.ro_gil);
            }
        }
        assert!(seen >= 6, "{seen}");
        // The bits kept in the features are those of the tag.
        assert!(a.morphs.iter().all(|m| m.features.entity_bits == morph_bits(&m.features.pos)));
    }

    #[test]
    fn a_title_is_read_from_the_stem_and_the_word_form_as_first_written() {
        // The title test, split into facts of the stem's text (kept per stem for the thread) and
        // the word's form (never kept), answers as the test first written on the whole word, so
        // the first form of a stem a thread meets decides nothing for the others.
        let p = crate::Pipeline::new(DataFiles::embedded()).unwrap();
        let stage = EntityStage::new(&DataFiles::embedded()).unwrap();
        let text = "한빛시 교통실장은 자리를 내주지 않았다. 김 사무국장이 주지 스님과 만났고 부시장, 국장, CEO가 왔다. 그는 이사장직을 내주지도 실장에게 맡기지도 않았다. 사무총장 대행은 위원장으로 뽑혔다.";
        let doc = crate::doc::Document { id: "t".into(), source: "t".into(), text: text.into(), meta: Default::default(), warnings: vec![] };
        let a = p.analyze(doc).unwrap();
        let first_written = |w: &Word| {
            !w.stem_text.is_empty()
                && !(w.inflected && w.particle.is_none() && !stage.lex.roles.contains(&*w.stem_text) && w.stem_text.chars().count() > 2 && !stage.lex.office_roles.contains(&*w.stem_text))
                && (stage.lex.role(&w.stem_text) || matches!(&*w.stem_text, "CEO" | "CFO" | "CTO" | "COO"))
        };
        let mut ws = Vec::new();
        let (mut words, mut titles) = (0, 0);
        for si in 0..a.sentences.len() {
            super::words(&a, si, &mut ws);
            for w in &ws {
                let facts = stage.stem_facts(&w.stem_text);
                assert_eq!(stage.is_role(w), first_written(w), "{}", w.stem_text);
                assert_eq!(role_of_word(w, facts.title, facts.title_exempt), first_written(w), "{}", w.stem_text);
                words += 1;
                titles += usize::from(first_written(w));
            }
        }
        assert!(words > 20 && titles >= 5, "{words} {titles}");
    }

    /// The overlap resolution as first written (a map by start), for [`resolve`] to answer as.
    fn resolve_by_map(mut cands: Vec<Cand>) -> Vec<Cand> {
        cands.sort_by(|a, b| b.span.len().cmp(&a.span.len()).then(b.priority.cmp(&a.priority)).then(a.span.start.cmp(&b.span.start)));
        let mut kept: std::collections::BTreeMap<usize, Cand> = std::collections::BTreeMap::new();
        for c in cands {
            let before_ok = kept.range(..=c.span.start).next_back().is_none_or(|(_, k)| k.span.end <= c.span.start || k.span.is_empty());
            let after_ok = kept.range(c.span.start..).next().is_none_or(|(_, k)| k.span.start >= c.span.end);
            if before_ok && after_ok && !c.span.is_empty() {
                kept.insert(c.span.start, c);
            }
        }
        kept.into_values().collect()
    }

    proptest::proptest! {
        #[test]
        fn resolve_keeps_what_the_map_kept(raw in proptest::collection::vec((0usize..400, 0usize..8, 0u8..4, 0usize..3), 0..400)) {
            let kinds = [PERSON, LOCATION, DATE];
            let cands: Vec<Cand> = raw.iter().map(|&(s, l, p, k)| Cand { span: Span::new(s, s + l), kind: kinds[k], normalized: format!("{s}.{l}.{p}.{k}"), priority: p }).collect();
            let want = resolve_by_map(cands.clone());
            let (mut c, mut kept) = (cands, vec![Cand { span: Span::new(0, 1), kind: ROLE, normalized: String::new(), priority: 0 }]);
            resolve(&mut c, &mut kept);
            proptest::prop_assert!(c.is_empty());
            let key = |v: &[Cand]| v.iter().map(|c| (c.span, c.kind, c.normalized.clone(), c.priority)).collect::<Vec<_>>();
            proptest::prop_assert_eq!(key(&kept), key(&want));
        }
    }

    #[test]
    fn gated_word_tests_answer_as_the_full_tests() {
        assert!(ROAD_PARTICLES.iter().all(|p| p.len() <= ROAD_PARTICLE_MAX));
        for w in words() {
            let body = matches!(w.as_str(), "국회" | "청와대" | "시청" | "구청" | "군청" | "도청" | "정부서울청사" | "정부세종청사")
                || (w.chars().count() >= 3 && ["시청", "구청", "군청", "도청"].iter().any(|x| w.ends_with(x)));
            assert_eq!(building_body(&w), body, "{w}");
            let ic = ["IC", "JCT", "TG"].iter().any(|suf| w.strip_suffix(suf).is_some_and(|h| h.chars().count() >= 2 && h.chars().all(is_hangul)));
            assert_eq!(interchange(&w), ic, "{w}");
        }
    }
}
