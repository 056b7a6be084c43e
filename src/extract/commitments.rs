//! Commitments: who will do what, by when.
//!
//! A commitment is a future action that an actor promises (`~하겠다`, `~을 약속했다`), has
//! decided (`~하기로 했다`, `~을 추진한다`, a scheduled `~한다` with a future date), plans
//! (`~할 계획이다`, `~한다는 방침을 밝혔다`, `~을 목표로`) or is reviewing (`~을 검토하겠다`: the
//! action reviewed). Clauses coordinated before one cue share it (`완공하고, … 착공하는 등 …
//! 구축하기로 했다` gives three rows).
//!
//! For each action: the span runs from the start of its clause to the action word; `object` is
//! the `을/를` phrase before it; `deadline` is the date of its clause (or of the sentence before
//! the chain) resolved against the publication date (`2개월 내` → two months after it; `연말까지`
//! → the last day of the year; a date followed by `부터` is a start, not a deadline); `condition`
//! is a clause ending in `~는 대로`, `~면`, `~할 경우`. The actor is the speaker when the action
//! is inside a quote (direct or indirect, with `quote_id`), else the clause's subject, else the
//! subject carried from earlier sentences.
//!
//! Not commitments: negated actions (`~하지 않겠다`, `계획은 없다`), conjecture and politeness
//! with `-겠-` (`모르겠다`, `감사하겠습니다`), questions, past tense, predictions about others
//! (`~할 것으로 보인다` has no cue). Cue lists are data: `dictionaries/commitments/commitments.tsv`.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::doc::{Analysis, BlockKind, Commitment, Entity};
use crate::extract::entities::{DATE, QUANTITY};
use crate::extract::entities::GenericOrgs;
use crate::extract::quotes::{adnominal, is_predicate_tag, nominal, predicate, punct, tag, QuoteStage, RoleMemory, Sent, Word, MAX_SENTENCE_CHARS};
use crate::extract::Stage;
use crate::resources::DataFiles;

pub const PROMISE: &str = "promise";
pub const DECISION: &str = "decision";
pub const PLAN: &str = "plan";
pub const REVIEW: &str = "review";

#[derive(Debug, Default, Clone)]
struct Lexicon {
    decide_after_giro: FxHashSet<String>,
    plan_noun: FxHashSet<String>,
    promise_verb: FxHashSet<String>,
    drive_verb: FxHashSet<String>,
    review_verb: FxHashSet<String>,
    not_action: FxHashSet<String>,
    condition_end: FxHashSet<String>,
    deadline_after: FxHashSet<String>,
    start_after: FxHashSet<String>,
    aux_verb: FxHashSet<String>,
    relational_verb: FxHashSet<String>,
    dated_noun: FxHashSet<String>,
    announce_verb: FxHashSet<String>,
    means_verb: FxHashSet<String>,
    plan_verb: FxHashSet<String>,
    say_verb: FxHashSet<String>,
    action_idiom: FxHashSet<String>,
    intransitive_verb: FxHashSet<String>,
    concessive_adverb: FxHashSet<String>,
    decide_idiom: FxHashSet<String>,
    state_idiom: FxHashSet<String>,
    durative_verb: FxHashSet<String>,
    begin_verb: FxHashSet<String>,
    performative_action: FxHashSet<String>,
    /// The words of `review_verb`, `plan_verb`, `promise_verb` and `drive_verb`, each with the
    /// classes it is in ([`REVIEW_VERB`] …): one look-up per word of a sentence instead of four.
    cue_verb: FxHashMap<String, u8>,
    /// Longest first.
    vague_deadline: Vec<String>,
}

impl Lexicon {
    fn new(data: &DataFiles) -> Result<Lexicon, String> {
        let mut lex = Lexicon::default();
        for (at, class, word) in data.class_words("commitments/commitments.tsv")? {
            let word = word.to_string();
            let set = match class {
                "decide_after_giro" => &mut lex.decide_after_giro,
                "plan_noun" => &mut lex.plan_noun,
                "promise_verb" => &mut lex.promise_verb,
                "drive_verb" => &mut lex.drive_verb,
                "review_verb" => &mut lex.review_verb,
                "not_action" => &mut lex.not_action,
                "condition_end" => &mut lex.condition_end,
                "deadline_after" => &mut lex.deadline_after,
                "start_after" => &mut lex.start_after,
                "aux_verb" => &mut lex.aux_verb,
                "relational_verb" => &mut lex.relational_verb,
                "dated_noun" => &mut lex.dated_noun,
                "announce_verb" => &mut lex.announce_verb,
                "means_verb" => &mut lex.means_verb,
                "plan_verb" => &mut lex.plan_verb,
                "say_verb" => &mut lex.say_verb,
                "action_idiom" => &mut lex.action_idiom,
                "intransitive_verb" => &mut lex.intransitive_verb,
                "concessive_adverb" => &mut lex.concessive_adverb,
                "decide_idiom" => &mut lex.decide_idiom,
                "state_idiom" => &mut lex.state_idiom,
                "durative_verb" => &mut lex.durative_verb,
                "begin_verb" => &mut lex.begin_verb,
                "performative_action" => &mut lex.performative_action,
                "vague_deadline" => {
                    lex.vague_deadline.push(word);
                    continue;
                }
                other => return Err(format!("{at}: unknown class {other:?}")),
            };
            set.insert(word);
        }
        lex.vague_deadline.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        for (set, bit) in [(&lex.review_verb, REVIEW_VERB), (&lex.plan_verb, PLAN_VERB), (&lex.promise_verb, PROMISE_VERB), (&lex.drive_verb, DRIVE_VERB)] {
            for w in set {
                *lex.cue_verb.entry(w.clone()).or_default() |= bit;
            }
        }
        Ok(lex)
    }
}

#[derive(Clone)]
pub struct CommitmentStage {
    lex: Lexicon,
    /// For subjects and speakers: the same subject finder as the quotes stage.
    quotes: QuoteStage,
}

/// End of the last DATE entity that starts at or after `from` and ends by `to`.
fn date_end(entities: &[&crate::doc::Entity], from: usize, to: usize) -> usize {
    entities
        .iter()
        .filter(|en| en.kind == DATE && en.span.start >= from && en.span.end <= to)
        .map(|en| en.span.end)
        .max()
        .unwrap_or(to)
}

impl CommitmentStage {
    pub fn new(data: &DataFiles) -> Result<CommitmentStage, String> {
        Ok(CommitmentStage { lex: Lexicon::new(data)?, quotes: QuoteStage::new(data)? })
    }
}

/// The text of a word without trailing punctuation and quotation marks.
#[inline]
fn bare<'a>(st: &Sent<'a>, w: &Word) -> &'a str {
    // Where the bare text ends is found once per word, when the sentence is read.
    st.bare_str(w)
}

/// The argument an adnominal word takes inside a noun phrase.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Governs {
    Nothing,
    /// `을/를` (`피해를 본`, `고용을 늘리기`).
    Object,
    /// `에` (`관계자들에 대한`, `규정에 따른`).
    At,
    /// `을/를` or a `-기` verb (`소비자를 위한`, `늘리기 위한`).
    Purpose,
    /// `을/를` or `(으)로` (`미래를 향한`, `세계로 향한`).
    Toward,
    /// `와/과` or `에` (`안전과 관련한`).
    With,
}

impl Governs {
    /// What word `w` governs, if it is an adnominal verb: the verbs that act as postpositions
    /// (`대한`, `관한`, `따른`, `의한`, `위한`, `향한`, `통한`, `관련한/관련된`) their fixed
    /// argument; another verb (not an adjective) its object.
    fn of(st: &Sent, w: &Word) -> Governs {
        if !last_morph_text(st, w).is_some_and(|(_, p)| p.ends_with("ETM")) {
            return Governs::Nothing;
        }
        let Some(first) = st.word_morphs(w).first() else { return Governs::Nothing };
        let stem = first.features.analysis.split('/').next().filter(|a| !a.is_empty()).unwrap_or_else(|| st.morph_str(first));
        match stem {
            "대하" | "관하" | "따르" | "의하" => Governs::At,
            "위하" => Governs::Purpose,
            "향하" => Governs::Toward,
            "통하" => Governs::Object,
            "관련" => Governs::With,
            _ if adnominal_verb(st, w) => Governs::Object,
            _ => Governs::Nothing,
        }
    }

    /// Word `w` is the argument this government asks for.
    fn takes(self, st: &Sent, w: &Word) -> bool {
        let Some((m, p)) = last_morph_text(st, w) else { return false };
        let particle = p.starts_with('J');
        let object = p == "JKO" || (particle && matches!(m, "을" | "를"));
        match self {
            Governs::Nothing => false,
            Governs::Object => object,
            Governs::At => particle && m == "에",
            Governs::Purpose => object || p == "ETN",
            Governs::Toward => object || (particle && matches!(m, "로" | "으로")),
            Governs::With => particle && matches!(m, "와" | "과" | "에"),
        }
    }
}

/// A verb (not an adjective) in its adnominal form (`본`, `보신`, `구축한`, `이용할`).
fn adnominal_verb(st: &Sent, w: &Word) -> bool {
    let ms = st.word_morphs(w);
    last_morph_text(st, w).is_some_and(|(_, p)| p.ends_with("ETM"))
        && ms.iter().any(|m| {
            let pos = &*m.features.pos;
            pos.starts_with("VV") || pos.starts_with("XSV") || pos.contains("+VV")
        })
}

/// Past tense in a word (`했다`, `밝혔다`): reports, not commitments.
fn past(st: &Sent, w: &Word) -> bool {
    // (The decomposition's past ending is read once per dictionary word: `Features::past_ep`.)
    st.word_morphs(w).iter().any(|m| m.features.past_ep || (&*m.features.pos == "EP" && matches!(st.morph_str(m), "었" | "았" | "였" | "했")))
}

/// The action of a word: its verb stem, or the noun of a 하다-verb (`구축하겠다` → 구축), and the
/// end (relative) of that stem in the text.
fn action_of(st: &Sent, w: &Word) -> Option<(String, usize)> {
    let ms = st.word_morphs(w);
    let k = ms.iter().position(|m| predicate(m))?;
    let m = &ms[k];
    if tag(m) == "VX" && ms[..k].iter().all(|p| !nominal(p)) {
        // An auxiliary verb on its own (`넓혀 나가`): part of the verb before it.
        return None;
    }
    if let Some(stem) = misread_ieo(st, ms, k) {
        return Some(stem);
    }
    if matches!(tag(m), "XSV" | "XSA") {
        let noun: Vec<&crate::doc::Morph> = ms[..k].iter().filter(|p| nominal(p)).collect();
        let last = noun.last()?;
        let text: String = noun.iter().map(|p| st.morph_str(p)).collect();
        return Some((text, last.span.end - st.base));
    }
    // A noun and a verb in one word with no particle between (`손봅니다`, `힘쓴다`: ko-dic reads
    // 손보다 as 손 + 보다): the compound verb as written.
    if k == 1 && tag(&ms[0]) == "NNG" && tag(m) == "VV" && ms[0].span.start == st.base + w.s {
        return Some((st.morph_text(&ms[0]) + &stem_of(st, ms, k), (m.span.end - st.base).min(w.e)));
    }
    // A verb with an auxiliary in the same word (`길러내`, `돌려드리`): the compound as written.
    if let Some(x) = ms.get(k + 1).filter(|x| tag(x) == "VX" && tag(m) == "VV" && connective_a(st, m)) {
        return Some((st.morph_text(m) + &stem_of(st, ms, k + 1), (x.span.end - st.base).min(w.e)));
    }
    Some((stem_of(st, ms, k), (m.span.end - st.base).min(w.e)))
}

/// `이어가겠다`, `이어나간다`: ko-dic reads 이어 (잇다 + -어) as the copula 이 + -어 before an
/// auxiliary verb. The verb as written with its auxiliary (`이어가`) and its end.
fn misread_ieo(st: &Sent, ms: &[crate::doc::Morph], k: usize) -> Option<(String, usize)> {
    let (m, e, x) = (ms.get(k)?, ms.get(k + 1)?, ms.get(k + 2)?);
    if tag(m) != "VCP" || st.morph_str(m) != "이" || st.morph_str(e) != "어" || tag(x) != "VX" {
        return None;
    }
    Some((format!("이어{}", stem_of(st, ms, k + 2)), x.span.end - st.base))
}

/// A verb and an auxiliary in one word (`보여드리`, `알아보`, `이어가`): the pair is the action
/// even when the first verb alone is no action (`보이`, `알`, the copula of a misread `이어`).
fn verb_with_aux(st: &Sent, w: &Word) -> bool {
    let ms = st.word_morphs(w);
    ms.iter().enumerate().any(|(i, m)| {
        (tag(m) == "VV" && connective_a(st, m) && ms.get(i + 1).is_some_and(|x| tag(x) == "VX")) || misread_ieo(st, ms, i).is_some()
    })
}

/// The stem of the predicate morpheme `ms[k]` as written. A morpheme that is the stem alone
/// (`내`, `쓰`, `듣`) is its surface: ko-dic's analysis of such an entry names another verb
/// (`내` → 나, `쓰` → 쓸). An ㄹ-stem before `-ㄴ다` loses its ㄹ (`만든다`, `연다`): it is
/// restored. A conjugated morpheme (`밝혀` = 밝히+어) gives the stem of its analysis.
fn stem_of(st: &Sent, ms: &[crate::doc::Morph], k: usize) -> String {
    let m = &ms[k];
    let surface = st.morph_text(m);
    let pos = &*m.features.pos;
    if !pos.contains('+') && matches!(pos, "VV" | "VA" | "VX") {
        // An ㄹ-stem drops its ㄹ before ㄴ, ㅂ, ㅅ and 오 (`만드는` = 만들+는): ko-dic's
        // analysis restores it. Before other endings (`쓰겠다`) the surface is the stem.
        let analysed = m.features.analysis.split('/').next().unwrap_or("");
        let next_drops = ms.get(k + 1).is_some_and(|x| st.morph_str(x).starts_with(['는', '니', '나', '냐', '습', '세', '시', '오']));
        if next_drops && restore_rieul_open(&surface).as_deref() == Some(analysed) {
            return analysed.to_string();
        }
        let next_da = ms.get(k + 1).is_some_and(|x| x.features.pos.starts_with('E') && st.morph_str(x).starts_with('다'));
        if m.features.analysis.is_empty() && next_da {
            if let Some(restored) = restore_rieul(&surface) {
                return restored;
            }
        }
        return surface;
    }
    match m.features.analysis.split('/').next() {
        Some(first) if !m.features.analysis.is_empty() => first.to_string(),
        _ => surface,
    }
}

/// `만드` → 만들: the last syllable (open) with ㄹ added.
fn restore_rieul_open(surface: &str) -> Option<String> {
    let last = surface.chars().last()?;
    let code = last as u32;
    if !(0xAC00..=0xD7A3).contains(&code) || !(code - 0xAC00).is_multiple_of(28) {
        return None;
    }
    let mut s: String = surface.chars().take(surface.chars().count() - 1).collect();
    s.push(char::from_u32(code + 8)?);
    Some(s)
}

/// `만든` → 만들: a syllable with final ㄴ read as the ㄹ-stem it comes from.
fn restore_rieul(surface: &str) -> Option<String> {
    let last = surface.chars().last()?;
    let code = last as u32;
    if !(0xAC00..=0xD7A3).contains(&code) || (code - 0xAC00) % 28 != 4 {
        return None;
    }
    let rieul = char::from_u32(code - 4 + 8)?;
    let mut s: String = surface.chars().take(surface.chars().count() - 1).collect();
    s.push(rieul);
    Some(s)
}

/// A predicate morpheme ending in the connective `-어/-아` (`넓혀`, `길러`, `따져`).
fn connective_a(st: &Sent, m: &crate::doc::Morph) -> bool {
    let a = &m.features.analysis;
    m.features.pos.ends_with("EC") && (a.contains("+어/EC") || a.contains("+아/EC") || a.contains("+여/EC") || a.contains("+ㅓ/EC") || a.contains("+ㅏ/EC") || {
        let t = st.morph_str(m);
        t.ends_with('어') || t.ends_with('아') || t.ends_with('여')
    })
}

/// The stem written before a cue ending when ko-dic gives no verb (`열기로` read as a noun):
/// `열기로` → 열, `착공하기로` → 착공.
fn surface_stem(st: &Sent, w: &Word) -> Option<(String, usize)> {
    let t = bare(st, w);
    if misread_adnominal(st, w) {
        // `열` (계획이다): the stem as written.
        return Some((t.to_string(), w.s + t.chars().count()));
    }
    if contracted_giro(&t) {
        // `지원키로` = 지원하기로: the noun of the 하다-verb.
        let stem = t.strip_suffix("키로도").or_else(|| t.strip_suffix("키로"))?;
        return Some((stem.to_string(), w.s + stem.chars().count()));
    }
    let stem = t.strip_suffix("기로도").or_else(|| t.strip_suffix("기로"))?;
    let stem = stem.strip_suffix('하').filter(|s| !s.is_empty()).unwrap_or(stem);
    if stem.is_empty() {
        return None;
    }
    Some((stem.to_string(), w.s + stem.chars().count()))
}

/// `지원키로`, `증편키로도`: `~하기로` contracted after a noun, as news writes it. The noun is
/// Hangul (`5키로` is five kilos).
fn contracted_giro(t: &str) -> bool {
    t.strip_suffix("키로도").or_else(|| t.strip_suffix("키로")).is_some_and(|stem| stem.chars().count() >= 2 && stem.chars().all(crate::extract::quotes::is_hangul))
}

/// A word that ends in a question (`검토하느냐`, `추진하나요`, `검토하느냐"는`): the part before a
/// quotation mark is looked at.
fn question_form(t: &str) -> bool {
    let core = t.split(['"', '“', '”', '\'', '‘', '’']).next().unwrap_or(t);
    ["느냐", "냐", "냐고", "나요", "습니까", "는가", "을까", "ㄹ까", "할까"].iter().any(|q| core.ends_with(q))
}

/// A noun word's noun (`보상을` → 보상) and its end.
fn noun_of(st: &Sent, w: &Word) -> Option<(String, usize)> {
    let ms = st.word_morphs(w);
    let nouns: Vec<&crate::doc::Morph> = ms.iter().take_while(|m| nominal(m) || matches!(tag(m), "SSO" | "SSC" | "SY")).filter(|m| nominal(m)).collect();
    let last = nouns.last()?;
    Some((nouns.iter().map(|m| st.morph_str(m)).collect(), last.span.end - st.base))
}

/// `set` has the word's noun ([`noun_of`], the empty string when it has none): without a copy
/// when the noun is one morpheme.
fn noun_in(st: &Sent, w: &Word, set: &FxHashSet<String>) -> bool {
    let ms = st.word_morphs(w);
    let mut nouns = ms.iter().take_while(|m| nominal(m) || matches!(tag(m), "SSO" | "SSC" | "SY")).filter(|m| nominal(m));
    match (nouns.next(), nouns.next()) {
        (None, _) => set.contains(""),
        (Some(m), None) => set.contains(st.morph_str(m)),
        _ => set.contains(&noun_of(st, w).map(|x| x.0).unwrap_or_default()),
    }
}

/// The last morpheme of a word that is no punctuation: its text and its tag (as slices).
fn last_morph_text<'a>(st: &Sent<'a>, w: &Word) -> Option<(&'a str, &'static str)> {
    st.word_morphs(w).iter().rev().find(|m| !punct(m)).map(|m| (st.morph_str(m), &*m.features.pos))
}

impl CommitmentStage {
    /// The verb word before an auxiliary verb word (`넓혀 나가기로`, `보여 드리겠다`, `따져
    /// 보겠다`): the `-어/-아` word that carries the action, or `None`.
    fn aux_head(&self, st: &Sent, w: usize) -> Option<usize> {
        let k = w.checked_sub(1)?;
        let ms = st.word_morphs(&st.words[w]);
        let aux = match ms.iter().position(|m| predicate(m)) {
            Some(first) => first == 0 && self.lex.aux_verb.contains(&stem_of(st, ms, first)),
            // `감면해 주기로`: ko-dic reads 주기로 as the noun 주기 (cycle) and a particle.
            None => bare(st, &st.words[w]).ends_with("기로") && surface_stem(st, &st.words[w]).is_some_and(|(stem, _)| self.lex.aux_verb.contains(&stem)),
        };
        if !aux {
            return None;
        }
        let pw = &st.words[k];
        let pt = st.word_str(pw);
        if pt.ends_with(|c: char| !crate::extract::quotes::is_hangul(c)) {
            return None;
        }
        let pm = st.word_morphs(pw);
        let last = pm.last()?;
        let pred = pm.iter().position(|m| predicate(m))?;
        let only_verb = pm[..pred].iter().all(|m| nominal(m)) && matches!(tag(&pm[pred]), "VV" | "XSV");
        (only_verb && connective_a(st, last)).then_some(k)
    }
}

/// A predicate with a connective ending (`공개하고,`, `모아`, `돌아가도록`): the end of a clause.
/// A predicate without an ending or with a final ending inside the sentence is a misreading of
/// a noun (`다음 주` read as 주/VX, `후보지` as 후보+이+지) and ends nothing. Adverbs made of
/// adjectives (`빠르게`) sit inside the clause.
fn ends_clause(lex: &Lexicon, st: &Sent, w: &Word) -> bool {
    // Cheap test first (the last test below): no connective ending, no end of a clause.
    if !st.word_morphs(w).iter().rev().find(|m| !punct(m)).is_some_and(|m| m.features.pos.ends_with("EC")) {
        return false;
    }
    let t = bare(st, w);
    let ms = st.word_morphs(w);
    let pred = ms.iter().position(|m| predicate(m)).unwrap_or(0);
    // `B씨를 불러 조사할`, `모아 … 낼`: a serial `-어/-아` verb stays in the clause of the verb
    // after it (as its manner, or as an action that shares its dates). `집단소송을 낼지 결정`:
    // a `-ㄹ지` clause is the object of the verb after it. A particle inside the word before the
    // verb (`키로가` read as 키+로+가다) is a misreading.
    let serial = ms.last().is_some_and(|m| connective_a(st, m)) && !t.ends_with(',');
    let complement = ms.iter().rev().find(|m| !punct(m)).is_some_and(|m| m.features.pos.ends_with("EC") && st.morph_str(m).ends_with('지'));
    !serial
        && !complement
        && !in_name(st, w)
        && !ms[..pred].iter().any(|m| tag(m).starts_with('J'))
        && st.lemma_cow(w).is_some_and(|l| !lex.relational_verb.contains(&*l))
        && !adnominal(st, w)
        // `비를 맞지 않고 환승하는`: `-지 않고` (without doing) is an adverbial, no clause of its own.
        && !matches!(t, "않고" | "말고" | "않은" | "않도록")
        && st.word_morphs(w).iter().rev().find(|m| !punct(m)).is_some_and(|m| m.features.pos.ends_with("EC"))
        && !bare(st, w).ends_with('게')
}

/// Word `j` ends a clause ([`ends_clause`]) or closes an adnominal one ([`closes_clause`]):
/// computed for every word of the sentence once, on first use.
fn clause_end(lex: &Lexicon, st: &Sent, j: usize) -> bool {
    st.clause_ends.get_or_init(|| (0..st.words.len()).map(|k| ends_clause(lex, st, &st.words[k]) || closes_clause(st, k) || circumstance(st, k)).collect())[j]
}

/// `~할 것으로 보이는 가운데,`, `~한 만큼`: word `j` is the noun that closes an adnominal clause of
/// the circumstances (while, since); its dates are that clause's, not the main clause's.
fn circumstance(st: &Sent, j: usize) -> bool {
    j > 0 && matches!(bare(st, &st.words[j]), "가운데" | "만큼") && adnominal(st, &st.words[j - 1])
}

/// A word inside a person, organization or place name (`남구` read as 남+구 verb): no verb.
fn in_name(st: &Sent, w: &Word) -> bool {
    let (s, e) = (st.base + w.s, st.base + w.e);
    st.entities.iter().any(|en| matches!(en.kind.as_str(), "PERSON" | "ORGANIZATION" | "LOCATION") && en.span.start <= s && e <= en.span.end + 2 && s < en.span.end)
}

/// A commitment reported as one of the past: the report after it is in the past tense and
/// turns against it (`~하겠다고 약속했지만`, `~하겠다는 계획서를 냈지만`), it ends in `-더니`
/// (`만들겠다더니`), or an auxiliary in the past follows it (`추진해 왔다`).
fn broken_or_past(st: &Sent, k: usize) -> bool {
    let n = st.words.len();
    if bare(st, &st.words[k]).ends_with("더니") {
        return true;
    }
    // `2025년까지 완공하겠다고 했었다`: a report in the pluperfect (`-었었-`) tells a promise of
    // the past, no longer standing.
    if (k..(k + 3).min(n)).any(|x| {
        let b = bare(st, &st.words[x]);
        past(st, &st.words[x]) && ["었었", "았었", "했었", "였었", "웠었", "렸었"].iter().any(|p| b.contains(p))
    }) {
        return true;
    }
    if st.words.get(k + 1).is_some_and(|x| matches!(st.lemma_cow(x).as_deref(), Some("오" | "가" | "보")) && past(st, x)) {
        return true;
    }
    (k..(k + 4).min(n)).any(|x| {
        let w = &st.words[x];
        let b = bare(st, w);
        // `~을 약속했는데 … 지킬 수 있겠느냐`: a past report with `-는데` sets up what follows.
        past(st, w) && (b.ends_with("지만") || b.ends_with("으나") || b.ends_with("더니") || b.ends_with("는데"))
    })
}

/// `내년 상반기 실시설계를 마친 뒤 하반기에 착공`: a half-year, quarter or month written without
/// a year takes the year of the date before it in the sentence when that one is a later year
/// (the entity stage resolves it to the publication year).
fn same_year_as_before(st: &Sent, ds: usize, text: &str, w: crate::time::When, published: Option<crate::doc::Date>) -> crate::time::When {
    use crate::time::When;
    use chrono::Datelike;
    let Some(p) = published else { return w };
    let py = p.year();
    let yearless = !text.chars().any(|c| c.is_ascii_digit() && text.contains('년'))
        && !["년", "올해", "금년", "이달", "이번", "지난", "연내", "연말"].iter().any(|x| text.contains(x));
    if !yearless {
        return w;
    }
    // A date in another quotation (`"… 2030년 물량까지 잡혀 있다"며 "4분기까지 …"`) is about
    // another statement.
    let quoted_apart = |end: usize| st.slice(end - st.base, ds - st.base).contains(['"', '“', '”']);
    let before = st
        .entities
        .iter()
        .filter(|en| en.kind == DATE && en.span.end <= ds && !quoted_apart(en.span.end))
        .filter_map(|en| en.normalized.get(..4).and_then(|y| y.parse::<i32>().ok()))
        .next_back();
    match (before, w) {
        (Some(y), When::Half(wy, h)) if wy == py && y > py => When::Half(y, h),
        (Some(y), When::Quarter(wy, q)) if wy == py && y > py => When::Quarter(y, q),
        (Some(y), When::Month(wy, m)) if wy == py && y > py => When::Month(y, m),
        _ => w,
    }
}

/// `~하는 등`, `~한 뒤`, `~한 후에`: word `j` is the noun that closes the adnominal clause before it.
fn closes_clause(st: &Sent, j: usize) -> bool {
    j > 0 && j < st.words.len() && matches!(bare(st, &st.words[j]), "등" | "등을" | "등의" | "뒤" | "뒤에" | "후" | "후에") && adnominal(st, &st.words[j - 1])
}

/// Deadlines the entity stage leaves unmarked: `설 연휴 전`, `추석 전까지`, `설 명절을 앞두고`,
/// `이번 분기 안에`, `다음 분기까지`, the Sino-Korean weeks `금주 중`, `차주 내`, `일주일 안에`, and
/// seasons (`올여름까지`, `내년 봄`, `오는 가을`, `이번 겨울 전에`: see [`crate::time::season`]).
static UNLISTED_DEADLINE: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
    regex::Regex::new(
        r"(?:^|\s)(?:(?P<holiday>설날|설|추석|한가위|구정)\s?(?:연휴|명절)?(?:을|를)?\s?(?:전까지|이전|전|앞두고)|(?P<quarter>(?:이번|다음)\s?분기)\s?(?:말까지|말|안에|안|내에|내|중에|중|까지)|(?P<week>금주|차주)\s?(?:안에|안|내에|내로|내|중에|중|까지)|(?P<sevendays>일주일)\s?(?:이내에|이내|안에|안|내에|내로|내)|(?P<which>올해\s?|올|이번\s?|금년\s?|오는\s?|내년\s?|다음\s?|이듬해\s?)?(?P<season>봄|여름|가을|겨울)(?:철)?(?:\s?(?P<before>전|이전))?(?P<tail>까지|에는|에|중에|중|안에|안|내에|내)?)",
    )
    .unwrap()
});

/// Words of which a sentence with a cue has one (else only a plain present-tense ending can
/// make one): the cheap gate before [`CommitmentStage::cues`], one pass over the sentence.
static CUE_WORDS: once_cell::sync::Lazy<aho_corasick::AhoCorasick> = once_cell::sync::Lazy::new(|| {
    aho_corasick::AhoCorasick::builder().kind(Some(aho_corasick::AhoCorasickKind::DFA)).build([
        "겠", "기로", "키로", "것이라", "거라", "계획", "예정", "방침", "목표", "검토", "약속", "공약", "데 합의", "데 결정", "데 뜻", "다짐",
        // `"… 제공할 것"이라고`: a promise in the speaker's words.
        "것\"", "것”", "추진", "나선", "구상", "다고",
        // `"… 지급할 것입니다"`, `"… 마칠 것이다"`: the same promise with its copula written out.
        "것입니", "것이다",
        // `~하는 방향으로/쪽으로 가닥을 잡았다`: a decision or review of a direction.
        "방향으로", "쪽으로",
    ])
    .unwrap()
});

/// Words of which every match of [`UNLISTED_DEADLINE`] has one: a text without them is not
/// searched with the regex.
static UNLISTED_DEADLINE_WORDS: once_cell::sync::Lazy<aho_corasick::AhoCorasick> = once_cell::sync::Lazy::new(|| {
    aho_corasick::AhoCorasick::builder().kind(Some(aho_corasick::AhoCorasickKind::DFA)).build(["설", "추석", "한가위", "구정", "분기", "금주", "차주", "일주일", "봄", "여름", "가을", "겨울"]).unwrap()
});

#[cfg(test)]
mod gate_tests {
    use super::{CUE_WORDS, UNLISTED_DEADLINE, UNLISTED_DEADLINE_WORDS};

    /// Every string of up to three pieces of `pieces` (with and without spaces between them).
    fn strings(pieces: &[&str]) -> Vec<String> {
        let mut out = vec![String::new()];
        for a in pieces {
            out.push(a.to_string());
            for b in pieces {
                for sep in ["", " "] {
                    out.push(format!("{a}{sep}{b}"));
                    for c in pieces {
                        out.push(format!("{a}{sep}{b} {c}"));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn the_cue_word_gate_answers_as_the_searches_it_replaced() {
        let pieces = ["겠", "기", "로", "키", "것", "이라", "거", "라", "계획", "예정", "방", "침", "목표", "검토", "약속", "공약", "데", "합의", "결정", "뜻", "다짐", "\"", "”", "추진", "나선", "구상", "다고", "방향", "으로", "쪽", "한다", "시는", ".", "입니", "이다", "이"];
        for t in strings(&pieces) {
            let old = t.contains('겠')
                || ["기로", "키로", "것이라", "거라", "계획", "예정", "방침", "목표", "검토", "약속", "공약", "데 합의", "데 결정", "데 뜻", "다짐", "것\"", "것”", "추진", "나선", "구상", "다고", "방향으로", "쪽으로", "것입니", "것이다"].iter().any(|w| t.contains(w));
            assert_eq!(CUE_WORDS.is_match(&t), old, "{t:?}");
        }
    }

    #[test]
    fn a_cue_verb_class_is_the_membership_of_the_lemma_in_each_verb_list() {
        let lex = super::Lexicon::new(&crate::resources::DataFiles::embedded()).unwrap();
        let in_set = |set: &rustc_hash::FxHashSet<String>, w: &str| !w.is_empty() && set.contains(w);
        let mut words: Vec<String> = ["", "하", "검토하", "추진하", "약속하", "계획하", "나서", "가", "없"].iter().map(|w| w.to_string()).collect();
        for set in [&lex.review_verb, &lex.plan_verb, &lex.promise_verb, &lex.drive_verb, &lex.not_action, &lex.say_verb] {
            words.extend(set.iter().cloned());
        }
        assert!(words.len() > 20);
        for w in &words {
            let c = lex.cue_verb_class(w);
            assert_eq!(c & super::REVIEW_VERB != 0, in_set(&lex.review_verb, w), "{w}");
            assert_eq!(c & super::PLAN_VERB != 0, in_set(&lex.plan_verb, w), "{w}");
            assert_eq!(c & super::PROMISE_VERB != 0, in_set(&lex.promise_verb, w), "{w}");
            assert_eq!(c & super::DRIVE_VERB != 0, in_set(&lex.drive_verb, w), "{w}");
        }
    }

    #[test]
    fn a_text_without_an_unlisted_deadline_word_has_no_unlisted_deadline() {
        let pieces = ["설", "날", "추석", "한가위", "구정", "연휴", "전까지", "이번", "다음", "분기", "말까지", "금주", "차주", "안에", "일주일", "이내", "올", "내년", "봄", "여름", "가을", "겨울", "철", "까지", "주", "일", "에는"];
        for t in strings(&pieces) {
            if UNLISTED_DEADLINE.is_match(&t) {
                assert!(UNLISTED_DEADLINE_WORDS.is_match(&t), "{t:?}");
            }
        }
    }
}

/// Classes of [`Lexicon::cue_verb`].
const REVIEW_VERB: u8 = 1;
const PLAN_VERB: u8 = 2;
const PROMISE_VERB: u8 = 4;
const DRIVE_VERB: u8 = 8;

impl Lexicon {
    /// The cue verb classes of the lemma `w` (none for the empty lemma of a word with no
    /// predicate): bit `REVIEW_VERB` set when `review_verb` has it, and so on.
    fn cue_verb_class(&self, w: &str) -> u8 {
        if w.is_empty() {
            return 0;
        }
        self.cue_verb.get(w).copied().unwrap_or(0)
    }
}

/// A cue found in a sentence: the word holding the action and the modality.
#[derive(Debug, Clone, Copy)]
struct Cue {
    word: usize,
    modality: &'static str,
    /// The action is the noun of this word, not a verb (`보상을 검토하겠다`).
    noun: bool,
}

impl CommitmentStage {
    fn cues(&self, st: &Sent, published: Option<crate::doc::Date>, direct: &[(usize, usize)], carried_org: bool) -> Vec<Cue> {
        let lex = &self.lex;
        let n = st.words.len();
        let mut out: Vec<Cue> = Vec::new();
        let mut taken: FxHashSet<usize> = FxHashSet::default();
        let ends_object = |w: &Word| {
            last_morph_text(st, w).is_some_and(|(t, p)| p == "JKO" || (matches!(t, "을" | "를") && p.starts_with('J')))
        };
        for k in 0..n {
            let w = &st.words[k];
            let t = bare(st, w);
            let lemma = st.lemma_cow(w).unwrap_or_default();
            let class = lex.cue_verb_class(&lemma);
            if let Some(c) = self.review_begun(st, k) {
                taken.insert(k + 1);
                out.push(c);
                continue;
            }
            // Review: `보상을 검토하겠다`, `도입하는 방안을 검토하고 있다`, `검토 중이다`.
            let marked = |x: &Word| {
                ends_object(x) || last_morph_text(st, x).is_some_and(|(m, p)| p.starts_with("JX") && matches!(m, "도" | "은" | "는"))
            };
            // The noun of a verb of reviewing, planning or driving before `중` (`검토 중이다`,
            // `개정을 추진 중이다`, `구상 중인`): the verb in the progressive.
            // `추진 중이다`, not `추진 중형 선박` (중 the bound noun, not a longer noun's first syllable).
            // (Read once for both uses below.)
            let before_jung = lemma.is_empty() && st.words.get(k + 1).is_some_and(|x| st.slice(x.s, x.e).starts_with('중') && st.word_morphs(x).first().is_some_and(|m| st.morph_str(m) == "중"));
            let progressive = |verbs: &FxHashSet<String>| before_jung && noun_of(st, w).is_some_and(|(nn, _)| verbs.contains(&format!("{nn}하")));
            // Review: `보상을 검토하겠다`; plan: `~하는 사업을 계획하고 있다`.
            let judge = if class & REVIEW_VERB != 0 || t.starts_with("검토") {
                Some(REVIEW)
            } else if class & PLAN_VERB != 0 || progressive(&lex.plan_verb) {
                Some(PLAN)
            } else {
                None
            };
            // `증편을 검토할 수도 있다`, `검토해 볼 수 있다`: a possibility, no commitment.
            let judge = judge.filter(|_| !possibility(st, k));
            // `손실을 고려해 … 동결하기로 했다`: a verb of weighing in `-어/-아` before another verb is
            // used as a postposition (considering), no review of its own (`고려하고 있다` still is).
            let judge = judge.filter(|_| !(lex.relational_verb.contains(&*lemma) && k + 1 < n && st.word_morphs(w).iter().rev().find(|m| !punct(m)).is_some_and(|m| connective_a(st, m))));
            let judge = judge.filter(|_| !experienced(st, k));
            // `지금은 검토하지 않고 있다`: a negated review. `교체를 검토할 것으로 보인다/알려졌다`: a
            // prediction or hearsay about the review, no cue of its own.
            let judge = judge.filter(|_| !negated(st, k) && !st.words.get(k + 1).is_some_and(|x| st.word_str(x).starts_with("것으로")));
            if let Some(modality) = judge {
                // `판결문을 검토한 뒤`: a review done before the action, not one committed to.
                // `"인상도 검토하느냐"는 질문에`: a question, not a commitment.
                // `배치를 다음 대회 전까지 전면 재검토하겠다`: dates and adverbs may stand between the
                // object and the verb of reviewing (words with no verb, no subject and no comma).
                let o = (k.saturating_sub(5)..k).rev().take_while(|&j| j + 1 == k || {
                    let x = &st.words[j + 1];
                    !st.has_lemma(x) && !st.word_str(x).ends_with(',') && !last_morph_text(st, x).is_some_and(|(_, p)| p == "JKS" || p == "JKO")
                }).find(|&j| if j + 1 == k { marked(&st.words[j]) } else { ends_object(&st.words[j]) || last_morph_text(st, &st.words[j]).is_some_and(|(m, p)| p.starts_with("JX") && m == "도") });
                if let (false, false, Some(o), false) = (past(st, w), closes_clause(st, k + 1), o, question_form(&t)) {
                    let obj = &st.words[o];
                    let head = noun_of(st, obj).map(|x| x.0).unwrap_or_default();
                    let target = if matches!(head.as_str(), "방안" | "것" | "여부" | "안" | "사업") && o >= 1 && (st.has_lemma(&st.words[o - 1]) || misread_rieul_adnominal(st, o - 1).is_some()) {
                        Cue { word: o - 1, modality, noun: false }
                    } else if matches!(head.as_str(), "여부" | "방안") && o >= 1 && nouns_only(st, &st.words[o - 1]) {
                        // `매각 여부를 검토한다`, `보상 방안도 검토하고 있다`: the action noun before
                        // 여부 or 방안 (ko-dic marks few action nouns as such: not 보상, 지원).
                        Cue { word: o - 1, modality, noun: true }
                    } else if o >= 1 && !action_noun(st, obj) && bare_action_noun(st, &st.words[o - 1]) {
                        // `분담 비율을 검토하겠다`: the action noun before a head that names none.
                        Cue { word: o - 1, modality, noun: true }
                    } else {
                        Cue { word: o, modality, noun: true }
                    };
                    taken.insert(k);
                    out.push(target);
                }
                continue;
            }
            // Promise: `~하겠다`, `~하도록 하겠다`.
            // `누가 거기를 가겠나`: a question, not a promise.
            // `"…책임지겠느냐"고 따졌다`: the word before the closing mark.
            let core = || t.split(['"', '“', '”']).next().unwrap_or(t);
            let question = || ["겠나", "겠냐", "겠니", "겠는가", "겠느냐", "겠습니까", "겠어요?"].iter().any(|q| core().ends_with(q))
                || (t.ends_with("겠다는") && st.words.get(k + 1).is_some_and(|x| asks(&bare(st, x))));
            // (A pass over the word's characters: cheaper than a substring search on so short a text.)
            // `인력을 늘리겠다는 약속을 받기 전에는`, `… 하겠다는 답변을 요구했다`: a promise the
            // subject wants from someone else, not one it makes.
            let asked_of_others = || {
                t.ends_with("겠다는")
                    && st.words.get(k + 1).is_some_and(|x| ends_object(x) && noun_of(st, x).is_some_and(|(noun, _)| matches!(noun.as_str(), "약속" | "다짐" | "확약" | "확답" | "답변" | "답" | "보장" | "말")))
                    // (The verb may follow a contrast: `약속을 말이 아니라 문서로 받기 전에는`.)
                    && (k + 2..n.min(k + 7)).map(|x| &st.words[x]).filter_map(|x| st.lemma_cow(x)).find(|v| !matches!(v.as_ref(), "아니" | "이" | "")).is_some_and(|v| {
                        matches!(v.as_ref(), "받" | "받아내" | "얻어내" | "끌어내" | "얻" | "요구" | "요구하" | "촉구" | "촉구하" | "요청" | "요청하" | "기다리" | "원하" | "믿")
                    })
            };
            if t.chars().any(|c| c == '겠') && !past(st, w) && !question() && !asked_of_others() {
                let mut a = k;
                if lemma == "하" && k > 0 && bare(st, &st.words[k - 1]).ends_with("도록") {
                    a = k - 1;
                }
                let al = st.lemma_cow(&st.words[a]).unwrap_or_default();
                // `보여드리겠다`, `이어가겠다`: with an auxiliary the pair is the action (`보이`
                // alone is the verb of `~할 것으로 보인다`, no action).
                let aux = verb_with_aux(st, &st.words[a]);
                let adjective = !aux && st.word_morphs(&st.words[a]).iter().find(|m| predicate(m)).is_some_and(|m| matches!(tag(m), "VA" | "XSA" | "VCP" | "VCN"));
                if !al.is_empty() && (aux || !lex.not_action.contains(&*al)) && !adjective && !negated(st, a) {
                    // `~하겠다는 계획이다/구상이다/방침이다`: a plan stated in the actor's words
                    // (`~하겠다는 입장이다`, `~하겠다는 뜻을 밝혔다` stay promises).
                    let planned = t.ends_with("겠다는")
                        && st.words.get(k + 1).is_some_and(|x| {
                            // `짓겠다는 계획은 이번이 처음이 아니다`: a plan noun as topic reports on it.
                            let topic = last_morph_text(st, x).is_some_and(|(m, p)| p.starts_with("JX") && matches!(m, "은" | "는"));
                            !topic && noun_of(st, x).is_some_and(|(noun, _)| lex.plan_noun.contains(&noun) && noun != "방안" && noun != "일정")
                        });
                    out.push(Cue { word: a, modality: if planned { PLAN } else { PROMISE }, noun: false });
                }
                continue;
            }
            // Promise in the actor's own words: `"… 실행할 것"이라며`, `"…할 것입니다"`.
            let hedge = || t.starts_with("것같") || st.words.get(k + 1).is_some_and(|x| st.lemma_cow(x).as_deref() == Some("같"));
            let in_direct = direct.iter().any(|&(o, c)| w.s > o && w.s < c);
            // Reported in indirect speech with a verb of saying (`관련 고시를 개정할 것이라고
            // 밝혔다`, `쉼터를 설치할 것이라고 공약했다`): the speaker's own promise. After
            // `전망했다`, `예상했다` the same clause is a prediction.
            let reported = !in_direct
                && ["것이라고", "것이라며", "거라고", "거라며"].iter().any(|x| t.starts_with(x))
                && (k + 1..n.min(k + 4)).find(|&x| st.has_lemma(&st.words[x])).is_some_and(|v| lex.say_verb.contains(&*st.lemma_cow(&st.words[v]).unwrap_or_default()));
            // `"…메워줄 것이냐"며`: a question; `"완공까지 10년이 걸릴 것"`: a subject that names no
            // agent makes the clause a prediction.
            if t.starts_with('것') | t.starts_with('거') && !t.starts_with("것으로") && !hedge() && k > 0 && (in_direct || reported) && !asks(&t) && !self.agentless_subject(st, k - 1) {
                let pw = &st.words[k - 1];
                let future = st.word_morphs(pw).last().is_some_and(|m| m.features.pos.ends_with("ETM") && (m.features.analysis.contains("ᆯ/ETM") || st.morph_str(m).ends_with('할') || st.morph_str(m).ends_with('ㄹ')));
                let pl = st.lemma_cow(pw).unwrap_or_default();
                let adjective = st.word_morphs(pw).iter().find(|m| predicate(m)).is_some_and(|m| matches!(tag(m), "VA" | "XSA" | "VCP" | "VCN"));
                // `"집값은 더 오를 것"`, `"공사가 길어질 것"`: a verb whose subject undergoes the change
                // states a prediction.
                if future && !pl.is_empty() && !lex.not_action.contains(&*pl) && !lex.intransitive_verb.contains(&*pl) && !adjective && !negated(st, k - 1) && !pl.ends_with('되') {
                    out.push(Cue { word: k - 1, modality: PROMISE, noun: false });
                    continue;
                }
            }
            if let Some(c) = self.direction_or_intent(st, k) {
                out.push(c);
                continue;
            }
            // A headline or subhead that stops at `~하기로` (`… 전담재판부 1곳 더 늘리기로`).
            if k + 1 == n && self.elliptic_giro(st, k) {
                out.push(Cue { word: k, modality: DECISION, noun: false });
                continue;
            }
            // Decision: `~하기로 했다/결정했다`.
            if (t.ends_with("기로") || t.ends_with("기로도") || contracted_giro(&t)) && k + 1 < n {
                // `짓기로 시와 합의했다`, `열기로 노조와 뜻을 모았다`: a partner or a place between
                // the clause and the verb of deciding.
                let verb = (k + 1..n.min(k + 4)).find(|&x| st.has_lemma(&st.words[x]) || !argument_word(st, &st.words[x])).unwrap_or(k + 1);
                let verb = self.past_adverb(st, verb);
                let next = st.lemma_cow(&st.words[verb]).unwrap_or_default();
                // `올리기로 가닥을 잡았다`, `줄이기로 방향을 정했다`, `열기로 뜻을 모았다`: an idiom of
                // deciding (object noun and verb, lexicon class `decide_idiom`).
                let idiom = next.is_empty() && st.words.get(verb + 1).is_some_and(|v| self.object_verb_in(st, verb, v, &lex.decide_idiom));
                if (idiom || lex.decide_after_giro.contains(&*next)) && !lex.not_action.contains(&*lemma) && !negated(st, k) {
                    out.push(Cue { word: k, modality: DECISION, noun: false });
                }
                continue;
            }
            // Decision: `재발 방지책을 마련하는 데 합의했다`, `~하는 데 뜻을 모았다`: the clause
            // before `데` is what was agreed on (the verbs of `~하기로 합의했다`, not the bare `하다`).
            if k + 2 < n && st.slice(st.words[k + 1].s, st.words[k + 1].e).starts_with('데') && matches!(bare(st, &st.words[k + 1]), "데" | "데에" | "데도") && adnominal(st, w) && !past(st, w) {
                let verb = (k + 2..n.min(k + 5)).find(|&x| st.has_lemma(&st.words[x]) || !argument_word(st, &st.words[x])).unwrap_or(k + 2);
                let vl = st.lemma_cow(&st.words[verb]).unwrap_or_default();
                if vl != "하" && lex.decide_after_giro.contains(&*vl) && !lex.not_action.contains(&*lemma) && !negated(st, k) && !negated(st, verb) {
                    out.push(Cue { word: k, modality: DECISION, noun: false });
                    continue;
                }
            }
            // Plan: `~할 계획이다`, `~한다는 방침을 밝혔다`. ko-dic reads some `-ㄹ` forms as nouns
            // (`집회를 열 계획이다`: 열 as the numeral): after an object and before a plan noun,
            // such a word is the verb.
            // (Also after an object marked 도: `공청회도 열 계획이다`.)
            let also_object = |x: &Word| last_morph_text(st, x).is_some_and(|(m, p)| p.starts_with("JX") && m == "도");
            if k + 1 < n && lemma.is_empty() && k > 0 && misread_adnominal(st, w) && (ends_object(&st.words[k - 1]) || also_object(&st.words[k - 1])) {
                let noun = noun_of(st, &st.words[k + 1]).map(|x| x.0).unwrap_or_default();
                if matches!(noun.as_str(), "계획" | "예정" | "방침") && !past(st, &st.words[k + 1]) {
                    out.push(Cue { word: k, modality: PLAN, noun: false });
                    continue;
                }
            }
            if k + 1 < n && !lemma.is_empty() && noun_in(st, &st.words[k + 1], &lex.plan_noun) {
                let next = &st.words[k + 1];
                let noun = noun_of(st, next).map(|x| x.0).unwrap_or_default();
                // `끝날 예정이었으나`: a plan that was, not one that is.
                let ll = ((adnominal(st, w) && !past(st, w) && !past_adnominal(st, w)) || t.ends_with("다는") || t.ends_with("라는")) && !past(st, next);
                let denied = {
                    let nt = bare(st, next);
                    let after = st.words.get(k + 2).and_then(|x| st.lemma_cow(x)).unwrap_or_default();
                    // `사들일 계획은 당장 없다`: an adverb may stand before 없다.
                    nt.ends_with("없다") || after == "없" || nt.contains("없") || (k + 3..n.min(k + 5)).any(|x| st.lemma_cow(&st.words[x]).as_deref() == Some("없") && (k + 2..x).all(|y| !st.has_lemma(&st.words[y])))
                };
                // `국무회의에 상정될 예정이다`, `회의가 열릴 예정이다`: a schedule reported in the
                // passive or of an event, no agent's plan.
                // (`결승에서 만날 예정이다` reports a fixture; `노사 대표를 만날 예정이다`, with an
                // object in its clause, is an agent's plan.)
                let own_object = || (k.saturating_sub(6)..k).rev().take_while(|&x| !last_morph_text(st, &st.words[x]).is_some_and(|(_, p)| p.starts_with('E') || p.contains("+E")) && !st.word_str(&st.words[x]).ends_with(',')).any(|x| ends_object(&st.words[x]));
                let passive = (lemma.chars().count() > 1 && lemma.ends_with('되')) || (lex.intransitive_verb.contains(&*lemma) && !own_object());
                // `부담을 덜어주는 방안을 확정할 방침이다`: a 방안 that is the object of another verb
                // is what that verb acts on (its own cue decides), unless the verb announces it.
                // The verb may stand after its partner or a date (`방안을 기재부와 협의하고 있다`).
                let object_of_verb = noun == "방안"
                    && ends_object(next)
                    && (k + 2..n.min(k + 5)).map(|x| &st.words[x]).find(|x| st.has_lemma(x) || st.word_str(x).contains(['"', '“', '”', ','])).and_then(|x| st.lemma_cow(x)).is_some_and(|v| !lex.announce_verb.contains(&*v) && !lex.say_verb.contains(&*v));
                // `점검하도록 할 방침이다`: the action is the verb before `~도록 하다`.
                let causative = lemma == "하" && k > 0 && bare(st, &st.words[k - 1]).ends_with("도록") && st.has_lemma(&st.words[k - 1]);
                if ll && lex.plan_noun.contains(&noun) && !denied && !passive && !object_of_verb && (causative || !lex.not_action.contains(&*lemma)) && !negated(st, k) {
                    out.push(Cue { word: if causative { k - 1 } else { k }, modality: PLAN, noun: false });
                    continue;
                }
            }
            // Plan: an action noun right before a plan noun and the copula (`다음 달 말 공개
            // 예정이다`, `2027년 하반기 개통 예정이다`, `2029년 준공 목표다`): news often drops `~할`.
            if k + 1 < n && lemma.is_empty() && self.noun_plan(st, k) {
                out.push(Cue { word: k, modality: PLAN, noun: true });
                continue;
            }
            // Plan: `~을 목표로`.
            if t.starts_with("목표로") && k > 0 && ends_object(&st.words[k - 1]) {
                // `회수하는 것을 목표로`: the action is the verb of the clause before 것.
                let head = noun_of(st, &st.words[k - 1]).map(|x| x.0).unwrap_or_default();
                if head == "것" && k >= 2 && adnominal(st, &st.words[k - 2]) {
                    out.push(Cue { word: k - 2, modality: PLAN, noun: false });
                } else {
                    out.push(Cue { word: k - 1, modality: PLAN, noun: true });
                }
                continue;
            }
            // Promise: `~을 약속했다`.
            // `요금 무료화도 공약했다`: an object marked 도. `~을 신설할 것을 약속했다`: the action is
            // the verb of the clause before 것.
            let also = |x: &Word| last_morph_text(st, x).is_some_and(|(m, p)| p.starts_with("JX") && m == "도");
            if class & PROMISE_VERB != 0 && k > 0 && (ends_object(&st.words[k - 1]) || also(&st.words[k - 1])) {
                let head = noun_of(st, &st.words[k - 1]).map(|x| x.0).unwrap_or_default();
                if head == "것" && k >= 2 && adnominal(st, &st.words[k - 2]) && !negated(st, k - 2) {
                    out.push(Cue { word: k - 2, modality: PROMISE, noun: false });
                } else if head != "것" {
                    out.push(Cue { word: k - 1, modality: PROMISE, noun: true });
                }
                continue;
            }
            // Decision: `~을 추진한다`, `~에 나선다` (not past).
            let driving = progressive(&lex.drive_verb);
            // `추진하기 어렵다`, `추진하기 위해`: a verb in the nominal `-기` is an argument, no
            // announcement.
            let nominal = st.word_morphs(w).iter().rev().find(|m| !punct(m)).is_some_and(|m| m.features.pos.ends_with("ETN"));
            if (class & DRIVE_VERB != 0 || driving) && !past(st, w) && !adnominal(st, w) && !question_form(&t) && !nominal {
                if lemma == "나서" {
                    let prev = if k > 0 { bare(st, &st.words[k - 1]) } else { "" };
                    // `후속 조치에 나선다`: the action is 나서, the 에-phrase is what it takes on.
                    if prev.ends_with('에') || prev.ends_with("에도") || prev.ends_with("에는") {
                        out.push(Cue { word: k, modality: DECISION, noun: false });
                    }
                } else if k >= 2
                    && (ends_object(&st.words[k - 1]) || also(&st.words[k - 1]))
                    && matches!(noun_of(st, &st.words[k - 1]).map(|x| x.0).as_deref(), Some("방안" | "계획" | "사업" | "것"))
                    && (adnominal(st, &st.words[k - 2]) || misread_rieul_adnominal(st, k - 2).is_some())
                {
                    // `~을 앞당기는 방안을 추진한다`: the action is the clause's verb, 추진 no action
                    // of its own.
                    out.push(Cue { word: k - 2, modality: DECISION, noun: false });
                    taken.insert(k);
                } else {
                    out.push(Cue { word: k, modality: DECISION, noun: driving });
                }
                continue;
            }
        }
        // Decision: an action announced in the present tense and reported (`… 도서관을 건립한다고
        // 22일 밝혔다`, `… 착공해 2029년 준공한다고 발표했다`): the press-release lead.
        for k in 0..n.saturating_sub(1) {
            let w = &st.words[k];
            let t = bare(st, w);
            let Some(said) = t.strip_suffix("다고").map(|x| format!("{x}다")) else { continue };
            if !present_tense(&said) || direct.iter().any(|&(o, c)| w.s > o && w.s <= c) || out.iter().any(|c| c.word == k) {
                continue;
            }
            // The verb of saying, after at most two words of date or place (`22일`, `시청에서`).
            let Some(v) = (k + 1..n.min(k + 4)).find(|&x| st.has_lemma(&st.words[x])) else { continue };
            let verb = st.lemma_cow(&st.words[v]).unwrap_or_default();
            if !lex.announce_verb.contains(&*verb) || !past(st, &st.words[v]) {
                continue;
            }
            if self.settled(st, k, carried_org) {
                out.push(Cue { word: k, modality: DECISION, noun: false });
            }
        }
        // Decision: an action announced in the present tense (`설비 투자도 늘린다`, `2026년까지 …
        // 짓는다`), the way news states what an organization has settled on.
        if let Some(k) = n.checked_sub(1) {
            let w = &st.words[k];
            let outside = !direct.iter().any(|&(o, c)| w.s > o && w.s <= c);
            if outside && present_tense(&bare(st, w)) && !out.iter().any(|c| c.word == k) && !taken.contains(&k) && self.settled(st, k, carried_org) {
                out.push(Cue { word: k, modality: DECISION, noun: false });
            }
        }
        let _ = published;
        out.retain(|c| !taken.contains(&c.word) || c.modality == REVIEW);
        // Past promises and plans: `~하겠다고 약속했지만`, `~하겠다더니`, `~을 추진해 왔다`.
        out.retain(|c| !broken_or_past(st, c.word));
        // Two cues on one action (`~하는 방안을 검토하고 있다`: 방안 makes a plan, 검토 a review):
        // the verb that governs the phrase, found later in the sentence, decides.
        let mut kept: Vec<Cue> = Vec::new();
        for c in out.into_iter().rev() {
            if !kept.iter().any(|x| x.word == c.word) {
                kept.push(c);
            }
        }
        kept.reverse();
        kept
    }

    /// Word `k` is an action noun right before a plan noun and the copula: `공개 예정이다`,
    /// `개통 예정입니다`, `준공 목표다`, `착공 계획이며`. The noun stands alone (no particle, not a
    /// date, a quantity or a name), and the plan is not one of the past (`예정이었다`).
    fn noun_plan(&self, st: &Sent, k: usize) -> bool {
        // Cheap gate first: called for every noun word of a sentence with a cue word.
        let next = &st.words[k + 1];
        if !matches!(st.chars[next.s], '예' | '계' | '방' | '목') {
            return false;
        }
        if !["예정", "계획", "방침", "목표"].iter().any(|p| st.slice(next.s, next.e).starts_with(p)) {
            return false;
        }
        let w = &st.words[k];
        let ms = st.word_morphs(w);
        // `2028년 개통이 목표다`: the goal's noun as the subject of `목표다` (only with 목표).
        let marked = ms.len() >= 2 && ms.last().is_some_and(|m| tag(m) == "JKS") && st.slice(next.s, next.e).starts_with("목표");
        let (t, ms) = if marked {
            let m = &ms[ms.len() - 1];
            (st.slice(w.s, m.span.start - st.base), &ms[..ms.len() - 1])
        } else {
            (st.word_str(w), ms)
        };
        // A date right before the noun (`다음 달 말 공개 예정`, `2027년 하반기 개통 예정`): without
        // one the noun is as often no action (`중장기 목표로는`).
        let dated = k > 0 && st.entities.iter().any(|en| en.kind == DATE && en.span.end <= st.base + w.s && en.span.end > st.base + st.words[k.saturating_sub(2)].s);
        let bare_noun = dated && t.chars().count() >= 2 && t.chars().all(crate::extract::quotes::is_hangul) && !ms.is_empty() && ms.iter().all(|m| matches!(tag(m), "NNG" | "XSN"));
        if !bare_noun || self.lex.dated_noun.contains(t) || self.lex.plan_noun.contains(t) || st.entities.iter().any(|en| en.span.start < st.base + w.e && st.base + w.s < en.span.end && matches!(en.kind.as_str(), "DATE" | "QUANTITY" | "PERSON" | "ORGANIZATION" | "LOCATION")) {
            return false;
        }
        let nt = bare(st, next);
        let Some((plan, rest)) = ["예정", "계획", "방침", "목표"].iter().find_map(|p| nt.strip_prefix(p).map(|r| (*p, r))) else { return false };
        let copula = matches!(rest, "이다" | "입니다" | "이며" | "이고" | "이라고" | "이라며") || (plan == "목표" && matches!(rest, "다" | "로" | "로는"));
        copula && !past(st, next)
    }

    /// The clause ending at the verb word `v` has a subject marked 이/가 that names no agent
    /// (`완공까지 10년이 걸릴 것`, `집값이 오를 것이라고`): a prediction, not a promise. A person, an
    /// organization, a pronoun (`제가`, `우리가`) or a generic body (`회사가`) is an agent.
    fn agentless_subject(&self, st: &Sent, v: usize) -> bool {
        for j in (0..v).rev() {
            let x = &st.words[j];
            let text = st.word_str(x);
            // `"새 구장이 문을 여는 대로 … 옮길 것"`: a subject inside the condition clause before the
            // action is the condition's, not the action's.
            if text.ends_with(',') || (st.has_lemma(x) && !adnominal(st, x)) || condition_word(st, x, &bare(st, x)) {
                return false;
            }
            if let Some((m, p)) = last_morph_text(st, x) {
                if p == "JKS" {
                    let named = st.entities.iter().any(|en| matches!(en.kind.as_str(), "PERSON" | "ORGANIZATION") && en.span.start < st.base + x.e && st.base + x.s < en.span.end);
                    let pronoun = st.word_morphs(x).first().is_some_and(|f| tag(f) == "NP");
                    let generic = crate::extract::entities::is_generic_org(st.slice(x.s, x.e - m.chars().count()).trim_start_matches(['"', '“', '\'', '‘']));
                    return !(named || pronoun || generic);
                }
            }
            if text.contains(['"', '“', '”']) {
                return false;
            }
        }
        false
    }

    /// The present-tense verb at word `k` states an action an agent has settled on: a verb
    /// (not `되다`, not a cue-less predicate such as `있다`) whose subject is an organization or
    /// person (or, with an object or as a 하다-verb, the organization carried from before).
    /// `불만이 나온다`, `상한은 … 오른다` are reports: their subject names no agent.
    #[inline(never)]
    fn settled(&self, st: &Sent, k: usize, carried_org: bool) -> bool {
        let lex = &self.lex;
        let w = &st.words[k];
        let lemma = st.lemma_cow(w).unwrap_or_default();
        let verb = st.word_morphs(w).iter().find(|m| predicate(m)).is_some_and(|m| matches!(tag(m), "VV" | "XSV"));
        // Cheap tests of the verb first (the same as at the end): most words fail one.
        if !verb || lemma.is_empty() || lemma.ends_with('지') || lemma.ends_with('되') || lemma == "하" || lex.not_action.contains(&*lemma) {
            return false;
        }
        // `비판을 받는다`, `주목을 받는다`: what befalls the subject, not an act of it.
        if k > 0 && self.object_verb_in(st, k - 1, w, &lex.state_idiom) {
            return false;
        }
        let agent = st.entities.iter().any(|en| matches!(en.kind.as_str(), "PERSON" | "ORGANIZATION") && en.span.end <= st.base + w.s && {
            // The character right after the name (no copy of the text after it).
            st.chars.get(en.span.end - st.base).is_some_and(|c| matches!(c, '은' | '는' | '이' | '가' | '도'))
        });
        // `가족을 위한 지원도 늘어난다`: an object with a verb of its own after it (`위한`) is that
        // verb's, not this one's.
        let object = (k.saturating_sub(4)..k).any(|x| last_morph_text(st, &st.words[x]).is_some_and(|(_, p)| p == "JKO") && !st.words[x + 1..k].iter().any(|y| adnominal(st, y)));
        let also = (k.saturating_sub(4)..k).any(|x| last_morph_text(st, &st.words[x]).is_some_and(|(m, p)| p == "JX" && m == "도"));
        let xsv = st.word_morphs(w).iter().any(|m| tag(m) == "XSV");
        let named = |x: &Word| st.entities.iter().any(|en| matches!(en.kind.as_str(), "PERSON" | "ORGANIZATION") && en.span.start < st.base + x.e && st.base + x.s < en.span.end);
        // `신중론이 나온다`, `전시관이 들어선다`: a subject marked 이/가 that names no agent
        // makes the verb a report. `사업도 속도를 낸다`: a topic that names no agent, with an
        // object of the verb after it, is the subject too (without an object, `교량 디자인은 연말
        // 확정한다`, the topic is what the carried agent acts on).
        let from = self.clause_boundary_before(st, w.s);
        // A date in the clause that can be a deadline (not a start, not the past) makes the verb
        // a scheduled action: `결함 선박 명단은 내달 중순 공개한다`, `정제 라인 2개는 4분기 중 교체를
        // 마친다`: the topic is what the carried agent acts on.
        let dated = self.deadline_date(st, from, w.s);
        // `첫 삽을 뜬다`, `문을 연다`, `손을 본다`: an idiom of acting.
        let idiom = k > 0 && self.action_idiom(st, k - 1, &lemma);
        // The subject of this verb: no predicate between it and the verb (`사용액이 늘어난
        // 만큼 … 도입한다` has its 이/가 inside another clause).
        let mut report = false;
        let mut object_seen = false;
        // A generic organization word as topic or subject (`회사는`, `시는`, `구단이`) is an agent the
        // entity stage leaves unnamed.
        let mut generic_agent = false;
        for (xi, x) in st.words[..k].iter().enumerate().rev() {
            if x.s < from || (st.has_lemma(x) && !bare(st, x).ends_with('게')) {
                break;
            }
            let Some((m, p)) = last_morph_text(st, x) else { continue };
            // `길이 280m의 보행교는`, `높이 30m의`: a measure noun before an amount in the genitive,
            // not a subject marked 이 (ko-dic reads 길이 as 길 + 이).
            if p == "JKS" && st.words.get(xi + 1).is_some_and(|y| st.word_str(y).ends_with('의') && st.entities.iter().any(|en| en.kind == QUANTITY && en.span.start == st.base + y.s)) {
                continue;
            }
            if p == "JKO" {
                object_seen = true;
            }
            // `전환에도`: a particle before 도 makes an adverbial, not a topic.
            let ms = st.word_morphs(x);
            let stacked = ms.len() >= 2 && ms.iter().rev().filter(|m| !punct(m)).nth(1).is_some_and(|m| tag(m).starts_with('J'));
            let topic = p.starts_with("JX") && matches!(m, "은" | "는" | "도") && !stacked;
            let generic = crate::extract::entities::is_generic_org(st.slice(x.s, x.e - m.chars().count()));
            // `두 기관은`, `양측은`, `여야는`: bodies or people named together before.
            let counted = (p == "JKS" || topic) && counted_word(st, xi, m);
            if (p == "JKS" || topic) && (generic || counted) {
                generic_agent = true;
            }
            if (p == "JKS" || (topic && object_seen && !dated && !idiom)) && !named(x) && !generic && !counted {
                report = true;
                break;
            }
            if (p == "JKS" || topic) && named(x) {
                break;
            }
        }
        // `기상학자들은 … 원인으로 꼽는다`: a group of people as topic or subject is who acts, however
        // far before the verb (a relative clause may stand between).
        let group = st.words[..k].iter().any(|x| {
            x.s >= from && !named(x) && last_morph_text(st, x).is_some_and(|(m, p)| (p == "JKS" || (p.starts_with("JX") && matches!(m, "은" | "는"))) && st.slice(x.s, x.e - m.chars().count()).ends_with('들'))
        });
        report |= group;
        // A dated verb with no object takes its topic as the patient unless the verb is one whose
        // subject undergoes the change (`공사는 2028년 끝난다`).
        // `민간 투자도 뒤따른다`: a topic marked 도 is the subject of such a verb, not its object.
        let takes = object || xsv || ((dated || also) && !lex.intransitive_verb.contains(&*lemma));
        // `… 답답함을 호소합니다`, `… 라고 지적합니다`: a broadcast narrates in the formal present, so
        // an undated verb of saying there reports speech, no settled action.
        let narrated = !dated && bare(st, w).ends_with("니다") && self.quotes.lex.verbs.contains(&*lemma);
        verb && !report && !narrated
            && (agent || generic_agent || (takes && carried_org))
            && !lemma.ends_with('지')
            && !lemma.is_empty()
            && !lex.not_action.contains(&*lemma)
            && !negated(st, k)
            && !lemma.ends_with('되')
            && lemma != "하"
    }

    /// A DATE between `from` and `to` (relative) that can be a deadline: not inside a name, not a
    /// start (`2025년부터`) and not of the past (`지난해`, `지난 3월`, `어제`).
    fn deadline_date(&self, st: &Sent, from: usize, to: usize) -> bool {
        st.entities.iter().any(|en| {
            if en.kind != DATE || en.span.start < st.base + from || en.span.end > st.base + to {
                return false;
            }
            let text = st.analysis.text(en.span);
            let past = ["지난", "작년", "재작년", "어제", "그제", "전날"].iter().any(|p| text.starts_with(p));
            let rel = en.span.end - st.base;
            let start = st.chars.get(rel) == Some(&'부') && st.chars.get(rel + 1) == Some(&'터');
            let in_name = st.entities.iter().any(|o| matches!(o.kind.as_str(), "PERSON" | "ORGANIZATION") && o.span.start <= en.span.start && en.span.end <= o.span.end);
            !past && !start && !in_name
        })
    }

    /// Word `o` is an object (`가닥을`) and the verb word `v` after it makes with it an entry
    /// `noun:verb` of `set` (`가닥:잡`, `비판:받`).
    fn object_verb_in(&self, st: &Sent, o: usize, v: &Word, set: &FxHashSet<String>) -> bool {
        if set.is_empty() {
            return false;
        }
        let ow = &st.words[o];
        let is_object = last_morph_text(st, ow).is_some_and(|(m, p)| p == "JKO" || (p.starts_with('J') && matches!(m, "을" | "를" | "도")));
        let (Some((noun, _)), Some(verb)) = (is_object.then(|| noun_of(st, ow)).flatten(), st.lemma(v)) else { return false };
        set.contains(&format!("{noun}:{verb}"))
    }

    /// The object at word `o` and the verb `lemma` make an idiom of acting (`첫 삽을 뜬다`, `문을
    /// 연다`, `손을 본다`; lexicon class `action_idiom`, `noun:verb`).
    fn action_idiom(&self, st: &Sent, o: usize, lemma: &str) -> bool {
        if self.lex.action_idiom.is_empty() {
            return false;
        }
        let ow = &st.words[o];
        let is_object = last_morph_text(st, ow).is_some_and(|(m, p)| p == "JKO" || (p.starts_with('J') && matches!(m, "을" | "를")));
        if !is_object {
            return false;
        }
        let Some((noun, _)) = noun_of(st, ow) else { return false };
        let key = format!("{noun}:{lemma}");
        // `첫 삽을` is two words: the head noun decides.
        self.lex.action_idiom.contains(&key)
    }

    /// Actions coordinated before a cue's action in the same clause chain: `완공하고`, `착공하는 등`.
    #[inline(never)]
    fn coordinated(&self, st: &Sent, a: usize, quotes: &[(usize, usize)]) -> Vec<usize> {
        let mut out = Vec::new();
        let inside = |k: usize| quotes.iter().position(|&(o, c)| st.words[k].s >= o && st.words[k].s <= c);
        let region = inside(a);
        // The clause boundary before each word, in one pass (a chain may be long).
        let mut bounds = Vec::with_capacity(st.words.len());
        let mut last = 0;
        for (k, x) in st.words.iter().enumerate() {
            bounds.push(last);
            if clause_end(&self.lex, st, k) {
                last = x.e;
            }
        }
        let mut j = a;
        let mut relative = false;
        let mut purpose = false;
        while j > 0 {
            j -= 1;
            let w = &st.words[j];
            // Single quotation marks around a term (`'부르미' 차량을`) are part of the clause; a
            // direct quote's own marks are found through `quotes`.
            if inside(j) != region || st.word_str(w).chars().any(|c| matches!(c, '"' | '“' | '”')) {
                break;
            }
            if purpose && (st.word_str(w).ends_with(',') || last_morph_text(st, w).is_some_and(|(_, p)| p == "JKS")) {
                // The subject or the comma that opens the purpose clause: the chain goes on before it.
                purpose = false;
                if !st.has_lemma(w) {
                    continue;
                }
            }
            if !st.has_lemma(w) || in_name(st, w) {
                continue;
            }
            // `유출 경위와 피해 규모`: a word after the conjunctive 와/과 is a noun (피해 read as
            // 피하+아).
            if j > 0 && last_morph_text(st, &st.words[j - 1]).is_some_and(|(_, p)| p == "JC") {
                continue;
            }
            let t = bare(st, w);
            // `선사가 빌릴 수 있도록 … 연계한다`: a purpose clause sits inside the clause of the action
            // after it, up to its own subject (`선사가`) or a comma; `늦어도`, `빨라도` bound the date
            // of that clause.
            if t.ends_with("도록") || self.lex.concessive_adverb.contains(t) {
                purpose |= t.ends_with("도록");
                continue;
            }
            if purpose && !st.word_str(w).ends_with(',') {
                continue;
            }
            purpose = false;
            // `결과를 발표하고, 위반 사항이 확인되면 과징금을 부과할`: a condition clause belongs
            // to the action after it and does not end the chain.
            if t.ends_with('면') && !t.ends_with("라면") && !t.ends_with("따르면") && !t.contains(',') && last_morph_text(st, w).is_some_and(|(_, p)| p.ends_with("EC")) {
                continue;
            }
            // A particle before the verb inside one word (`키로가` read as 키+로+가다) is a
            // misreading, and `-지 않고` or a relational verb (`앞두고`, `위해`, `맞춰`) sits
            // inside the clause of the action after it.
            let ms = st.word_morphs(w);
            let pred = ms.iter().position(|m| predicate(m)).unwrap_or(0);
            // `2조원을 들여 공장을 짓는다`: spending an amount is the means of the action after it.
            let spending = st.lemma_cow(w).is_some_and(|l| self.lex.means_verb.contains(&*l)) && j > 0 && {
                let pw = &st.words[j - 1];
                st.entities.iter().any(|en| en.kind == QUANTITY && en.span.start >= st.base + pw.s && en.span.end <= st.base + pw.e && en.span.end > en.span.start && st.analysis.text(en.span).ends_with('원'))
            };
            // `추이를 보고 정한다`, `상황을 보고 결정하겠다`: seeing before a verb of deciding is what the
            // decision rests on (in view of), no action of its own.
            let in_view = t == "보고" && st.words.get(j + 1).and_then(|x| st.lemma_cow(x)).is_some_and(|l| matches!(l.as_ref(), "정하" | "결정하" | "판단하" | "결정"));
            let relational = spending || in_view || st.lemma_cow(w).is_some_and(|l| self.lex.relational_verb.contains(&*l));
            let complement = last_morph_text(st, w).is_some_and(|(m, p)| p.ends_with("EC") && m.ends_with('지'));
            // A verb must end in an ending: a bare predicate (`단원구` read as 단원+구다) or one before
            // a bound noun (`세 번째` read as 세다) is a misread noun or determiner. A nominalized
            // verb (`부담을 덜기 위해`) is an argument inside the clause.
            let last = ms.iter().rev().find(|m| !punct(m));
            let no_ending = last.is_some_and(|m| !m.features.pos.contains('E'));
            let nominalized = last.is_some_and(|m| m.features.pos.ends_with("ETN"));
            let before_bound = st.words.get(j + 1).and_then(|x| st.word_morphs(x).first()).is_some_and(|m| matches!(tag(m), "NNBC" | "NNB")) && !adnominal(st, w);
            // A noun and a plain verb in one word (`고객사` read as 고객+사다) is a misread noun:
            // a verb made from a noun is a 하다-verb (`구축해`).
            let noun_verb = pred > 0 && ms[..pred].iter().all(|m| nominal(m)) && tag(&ms[pred]) == "VV" && st.morph_str(&ms[pred]).chars().count() == 1;
            if noun_verb || ms[..pred].iter().any(|m| tag(m).starts_with('J')) || relational || complement || no_ending || nominalized || before_bound || matches!(t, "않고" | "말고" | "않도록") {
                continue;
            }
            // `세 차례에 나눠`: a native numeral before a noun (ko-dic reads 세 as 세다 + 어) is no verb.
            if matches!(t, "두" | "세" | "네") && st.words.get(j + 1).and_then(|x| st.word_morphs(x).first()).is_some_and(|m| nominal(m)) {
                continue;
            }
            // Adverbs made of adjectives (`빠르게`, `신속하게`) sit inside the clause.
            if last_morph_text(st, w).is_some_and(|(m, p)| p.ends_with("EC") && m == "게") {
                continue;
            }
            let next_is_deung = st.words.get(j + 1).is_some_and(|x| bare(st, x) == "등");
            // The clause of this verb has its own date (`내년 3월 … 시행한 뒤`, `2026년까지 … 구축해`):
            // a scheduled action, not a condition or a manner.
            let dated = self.has_date(st, bounds[j], w.s);
            let then = closes_clause(st, j + 1) && !next_is_deung && dated;
            if adnominal(st, w) && !next_is_deung && !then {
                // A relative clause with its own object (`삼산동을 잇는 보행교`): a serial verb before
                // it is part of it. A quoted term (`‘열린 해안 거점’`) is a name, no clause.
                let quoted = st.word_str(w).contains(['\'', '‘', '’', '"', '“', '”']);
                relative |= !quoted && j > 0 && last_morph_text(st, &st.words[j - 1]).is_some_and(|(_, p)| p == "JKO");
                continue;
            }
            // `-어/-아` chains count when the verb has its own object (`데이터센터를 지어`).
            let serial = last_morph_text(st, w).is_some_and(|(m, p)| p.ends_with("EC") && matches!(m, "어" | "아" | "여" | "해"))
                // (Also the contracted `따져`, `바꿔`: ko-dic writes their ending ㅓ/ㅏ.)
                || (w.m1 > w.m0 && st.word_morphs(w).last().is_some_and(|m| connective_a(st, m)));
            // The next action of the chain: the one found last, else the cue's.
            let next = out.last().copied().unwrap_or(a);
            let object_before = j > 0 && (j.saturating_sub(3)..j).any(|x| last_morph_text(st, &st.words[x]).is_some_and(|(_, p)| p == "JKO"));
            // Objects inside a `-는지` clause (`불러 규정을 지켰는지 조사할`) belong to that clause.
            let complement_at = |x: usize| last_morph_text(st, &st.words[x]).is_some_and(|(m, p)| p.ends_with("EC") && m.ends_with('지'));
            // `시행령을 고쳐 … 농지 범위도 넓힌다`: a noun marked 도 right before the verb is its object.
            let also_object = also_object_before(st, j, next);
            let object_after = also_object || (j + 1..next).any(|x| last_morph_text(st, &st.words[x]).is_some_and(|(_, p)| p == "JKO") && !(x + 1..next).any(complement_at));
            // A serial verb is an action of its own when both verbs have objects (`사례를 모아
            // 소송을 낼`), when it has no object but a date (`12일 리마로 이동해 회담한다`), or
            // when the verb after it has its own date (`공장을 착공해 2026년부터 양산에 들어갈`).
            // One object for both (`B씨를 불러 조사할`) makes one action.
            let serial_action = if object_before { object_after || self.has_date(st, w.e, st.words[next].s) } else { dated };
            let coord = next_is_deung
                || then
                || (serial && serial_action)
                || last_morph_text(st, w).is_some_and(|(m, p)| p.ends_with("EC") && matches!(m, "고" | "며" | "으며" | "하고" | "하며" | "는가하면"))
                || t.ends_with("하고")
                || t.ends_with("하며");
            // `태화강을 가로질러 … 잇는 보행교를 착공해`: a serial verb before a relative clause
            // belongs to that clause.
            if serial && relative && !then {
                continue;
            }
            // `다시 안심하고 편리하게 서비스를 사용할 수 있는 환경을 구축하고`: a `-고` verb with no
            // object of its own right before such a relative clause belongs to it too (not one
            // followed by a comma, which ends its own clause: `날로 치르고, … 찾는 회원에게`).
            if relative && !then && !next_is_deung && !st.word_str(w).ends_with(',') && !(0..j).rev().take_while(|&x| st.words[x].s >= bounds[j]).any(|x| last_morph_text(st, &st.words[x]).is_some_and(|(_, p)| p == "JKO")) {
                continue;
            }
            if serial && !coord {
                // `사업을 3단계로 나눠 추진하기로`: the manner of the action after it.
                continue;
            }
            if !coord || past(st, w) || negated(st, j) {
                break;
            }
            let lemma = st.lemma_cow(w).unwrap_or_default();
            // `진행되며`: a passive names no agent's action.
            if self.lex.not_action.contains(&*lemma) || lemma == "하" || lemma.ends_with('되') {
                break;
            }
            out.push(j);
            relative = false;
        }
        out
    }

    /// End (relative) of the last clause that ends before `pos`: after a predicate that is not
    /// adnominal, or after `~하는 등`. 0 when none does.
    fn clause_boundary_before(&self, st: &Sent, pos: usize) -> usize {
        for j in (0..st.words.len()).rev() {
            let w = &st.words[j];
            if w.e > pos {
                continue;
            }
            if clause_end(&self.lex, st, j) {
                return w.e;
            }
        }
        0
    }

    /// A DATE (a deadline or a start) between `from` and `to` (relative).
    fn has_date(&self, st: &Sent, from: usize, to: usize) -> bool {
        // A date word inside a name (`내일` of `내일소비자연대`) dates nothing.
        let in_name = |en: &&Entity| st.entities.iter().any(|o| matches!(o.kind.as_str(), "PERSON" | "ORGANIZATION") && o.span.start <= en.span.start && en.span.end <= o.span.end);
        st.entities.iter().any(|en| en.kind == DATE && en.span.start >= st.base + from && en.span.end <= st.base + to && !in_name(en))
    }

    /// The action at word `p` is joined to a later one by the serial `-어/-아` (`모아`, `세워`,
    /// `구축해`), not by a comma.
    fn serial_link(&self, st: &Sent, p: usize, next: usize) -> bool {
        let w = &st.words[p];
        p < next && !st.word_str(w).ends_with(',') && st.word_morphs(w).last().is_some_and(|m| connective_a(st, m))
    }

    /// The action at word `p` is joined to a later one by `-고` with no comma (`내년 말까지
    /// 보행교를 완공하고 둘레길을 정비하기로`): one breath, so a date at the head of the first clause
    /// covers both. A comma (`… 넓히고, 인력을 뽑는다`) closes the first clause's date.
    /// The date must open that clause, before its object: in `정화를 연말까지 마치고 부지를
    /// 인계하기로` it is the first action's own. A verb that runs until the date (`이달 말까지 출발을
    /// 미루고`, lexicon class `durative_verb`) takes it as its extent, no deadline of the next one.
    fn go_link(&self, st: &Sent, p: usize, next: usize) -> bool {
        let w = &st.words[p];
        let linked = p < next
            && !st.word_str(w).ends_with(',')
            && last_morph_text(st, w).is_some_and(|(m, pos)| pos.ends_with("EC") && m == "고")
            && !st.words[p + 1..next].iter().any(|x| st.word_str(x).contains(['"', '“', '”', ',']))
            && st.lemma_cow(w).is_none_or(|l| !self.lex.durative_verb.contains(&*l));
        if !linked {
            return false;
        }
        let from = self.clause_boundary_before(st, w.s);
        let is_date = |x: &Word| st.entities.iter().any(|en| en.kind == DATE && en.span.start < st.base + x.e && st.base + x.s < en.span.end);
        let is_object = |x: &Word| last_morph_text(st, x).is_some_and(|(_, pos)| pos == "JKO");
        let clause: Vec<&Word> = st.words[..p].iter().filter(|x| x.s >= from).collect();
        let date_at = clause.iter().position(|x| is_date(x));
        let object_at = clause.iter().position(|x| is_object(x));
        matches!((date_at, object_at), (Some(d), Some(o)) if d < o)
    }

    /// Start (relative) of the clause of the action at word `a`: after the previous predicate,
    /// subject, quotation mark or comma.
    fn clause_start(&self, st: &Sent, a: usize, subjects: &[crate::extract::quotes::Subject]) -> usize {
        let aw = &st.words[a];
        let mut start = 0;
        for j in (0..a).rev() {
            let w = &st.words[j];
            let text = st.word_str(w);
            if let Some(p) = text.rfind(['"', '“', '”']) {
                start = w.s + text[..p].chars().count() + 1;
                break;
            }
            if clause_end(&self.lex, st, j) {
                start = w.e;
                break;
            }
            if subjects.iter().any(|s| s.pe == w.e && !s.generic) || text.ends_with(',') {
                start = w.e;
                break;
            }
        }
        while start < aw.s && (crate::segment::is_space(st.chars[start]) || st.chars[start] == ',') {
            start += 1;
        }
        start
    }

    /// The object (`을/를` phrase) between `from` and the action word `a`.
    fn object(&self, st: &Sent, from: usize, a: usize) -> String {
        for j in (0..a).rev() {
            let w = &st.words[j];
            if w.s < from {
                break;
            }
            let Some((m, p)) = last_morph_text(st, w) else { continue };
            if !(p == "JKO" || (p.starts_with('J') && matches!(m, "을" | "를"))) {
                continue;
            }
            let end = w.e - m.chars().count();
            let mut s = w.s;
            // What the adnominal word just taken governs: its argument, with its particle, is
            // part of the object too (`관계자들에 대한 보상 정책`, `고용을 늘리기 위한 유인책`,
            // `피해를 본 소비자`).
            let mut gov = Governs::Nothing;
            for k in (0..j).rev() {
                let pw = &st.words[k];
                if pw.s < from {
                    break;
                }
                let dated = st.entities.iter().any(|en| en.kind == DATE && en.span.start < st.base + pw.e && st.base + pw.s < en.span.end);
                if !dated && gov.takes(st, pw) {
                    s = pw.s;
                    // `늘리기 위한`: the nominalized verb takes its own object.
                    gov = if last_morph_text(st, pw).is_some_and(|(_, p)| p == "ETN") { Governs::Object } else { Governs::Nothing };
                    continue;
                }
                let ms = st.word_morphs(pw);
                let ok = ms.iter().all(|m| {
                    let t = tag(m);
                    !(is_predicate_tag(t) && !m.features.pos.ends_with("ETM")) && !(t.starts_with('J') && t != "JKG" && t != "JC") && !m.features.pos.starts_with("EC") && !m.features.pos.starts_with("EF")
                });
                // `피해를 보신 이용자들`: a relative verb of several morphemes with its object
                // right before it.
                let relative = !ok
                    && adnominal_verb(st, pw)
                    && k > 0
                    && st.words[k - 1].s >= from
                    && last_morph_text(st, &st.words[k - 1]).is_some_and(|(m, p)| p == "JKO" || (p.starts_with('J') && matches!(m, "을" | "를")));
                // `금년 내 보완책을`: the word after a date that makes it a deadline is no part of
                // the object.
                let after_date = self.lex.deadline_after.contains(bare(st, pw)) && k > 0 && st.entities.iter().any(|en| en.kind == DATE && en.span.end <= st.base + pw.s && en.span.end > st.base + st.words[k - 1].s);
                // `공사를 마친 뒤 운영을`: a time noun ends the object (what comes before it is
                // another event), as does `데` (`피해를 막는 데 모든 역량을`). Not `전`, `다음`
                // or `때`, which also make noun phrases (`전 직원`, `다음 시즌`, `대설 때 기준`).
                let time_noun = matches!(bare(st, pw), "뒤" | "후" | "이후" | "직후" | "직전" | "데");
                // An adverb is no part of a noun phrase (`또`, `함께`), unless it grades the
                // adjective after it (`가장 무거운 처분`).
                let adverb = ms.iter().filter(|m| !punct(m)).all(|m| matches!(&*m.features.pos, "MAG" | "MAJ"))
                    && !st.word_morphs(&st.words[k + 1]).last().is_some_and(|m| matches!(&*m.features.pos, "XSA+ETM" | "VA+ETM"));
                if !(ok || relative) || after_date || dated || time_noun || adverb {
                    break;
                }
                s = pw.s;
                gov = Governs::of(st, pw);
            }
            return st.text(s, end).trim().to_string();
        }
        String::new()
    }

    /// The deadline in `from..to`: (text, ISO date).
    fn deadline(&self, st: &Sent, from: usize, to: usize, published: Option<crate::doc::Date>) -> Option<(String, String)> {
        let (a0, a1) = (st.base + from, st.base + to);
        let after = |end: usize| -> String {
            let rel = end - st.base;
            // The next four characters (a slice of the sentence, not a copy).
            let rest = st.slice(rel, (rel + 4).min(st.chars.len()));
            let rest = rest.trim_start();
            for w in ["이내에", "이내", "안에", "내에", "까지", "내", "안", "중에", "중", "동안", "간", "부터", "이후에", "이후", "뒤", "후"] {
                // The whole word, or the word before a particle (`까지는`): not `중` of `중순`.
                let whole = rest.starts_with(w) && rest[w.len()..].chars().next().is_none_or(|c| !crate::extract::quotes::is_hangul(c) || matches!(w, "까지" | "부터" | "안에" | "내에" | "중에" | "이후"));
                if rest.starts_with(w) && whole && self.lex.deadline_after.contains(w) | self.lex.start_after.contains(w) {
                    return w.to_string();
                }
            }
            // `내년 대회부터`, `다음 시즌부터`: a start named by a dated event (one noun word before 부터).
            let ws = (rel..st.chars.len()).find(|&i| !crate::segment::is_space(st.chars[i])).unwrap_or(st.chars.len());
            let we = (ws..st.chars.len()).find(|&i| crate::segment::is_space(st.chars[i])).unwrap_or(st.chars.len());
            let word = st.slice(ws, we);
            let spaced = st.chars.get(rel).is_some_and(|c| crate::segment::is_space(*c));
            if let Some(noun) = word.trim_end_matches(|c: char| !crate::extract::quotes::is_hangul(c)).strip_suffix("부터").or_else(|| word.strip_suffix("부터는")) {
                let syllables = noun.chars().count();
                if spaced && (1..=4).contains(&syllables) && noun.chars().all(crate::extract::quotes::is_hangul) && self.lex.start_after.contains("부터") {
                    return "부터".to_string();
                }
            }
            String::new()
        };
        // Adjacent date expressions are one (`다음 달` `3일` → `다음 달 3일`).
        // A clock time right after a date makes it more precise (`8일 오전 10시` → …T10:00).
        let mut dates: Vec<(usize, usize, &str)> = Vec::new();
        let mut clock: Vec<Option<&str>> = Vec::new();
        let in_name = |en: &Entity| st.entities.iter().any(|o| matches!(o.kind.as_str(), "PERSON" | "ORGANIZATION") && o.span.start <= en.span.start && en.span.end <= o.span.end);
        for en in st.entities.iter().filter(|en| en.span.start >= a0 && en.span.end <= a1 && matches!(en.kind.as_str(), "DATE" | "QUANTITY" | "TIME") && !in_name(en)) {
            if let Some(last) = dates.last_mut() {
                let gap = st.text(last.1 - st.base, en.span.start - st.base);
                if last.2 == DATE && en.kind == DATE && gap.chars().all(|c| c == ' ') {
                    last.1 = en.span.end;
                    continue;
                }
                if last.2 == DATE && en.kind == "TIME" && gap.chars().all(|c| c == ' ') && en.normalized.starts_with('T') {
                    last.1 = en.span.end;
                    *clock.last_mut().unwrap() = Some(en.normalized.as_str());
                    continue;
                }
            }
            if en.kind == "TIME" {
                continue;
            }
            dates.push((en.span.start, en.span.end, if en.kind == DATE { DATE } else { QUANTITY }));
            clock.push(None);
        }
        if dates.iter().any(|d| self.lex.start_after.contains(&after(d.1))) {
            // `내년부터 3년간`: a duration right after the start runs from it.
            if let Some(found) = self.duration_from_start(st, &dates, published) {
                return Some(found);
            }
            // An action with a start date (`2026년 1분기부터 양산에 들어갈`) has no deadline here,
            // unless the clause also says until when (`다음 달부터 연말까지 … 실시한다`).
            let first_start = dates.iter().find(|d| self.lex.start_after.contains(&after(d.1))).map(|d| d.0).unwrap_or(0);
            let mut k = 0;
            dates.retain(|d| {
                // Only `… 부터 … 까지`: a deadline said after the start.
                let keep = d.0 > first_start && self.lex.deadline_after.contains(&after(d.1));
                if !keep {
                    clock.remove(k);
                } else {
                    k += 1;
                }
                keep
            });
            if dates.is_empty() {
                return None;
            }
        }
        // The last date that makes a deadline wins: look from the end, stop at the first.
        let mut best: Option<(String, String)> = None;
        let mut best_at = 0;
        for (i, (&(ds, de, kind), time)) in dates.iter().zip(&clock).enumerate().rev() {
            best_at = ds;
            if kind == QUANTITY && restates_period(st, &dates, i) {
                continue;
            }
            // `2030년 전국체전 개최 1년 전까지`, `개관 6개월 전에`: a duration before an event.
            if kind == QUANTITY {
                if let Some(found) = self.before_event(st, &dates, i, published) {
                    best = Some(found);
                    break;
                }
            }
            let text = st.analysis.text(crate::doc::Span::new(ds, de)).to_string();
            let tail = after(de);
            let spaced = st.chars.get(de - st.base).is_some_and(|c| crate::segment::is_space(*c));
            let dtext = if tail.is_empty() { text.clone() } else if spaced { format!("{text} {tail}") } else { format!("{text}{tail}") };
            // `90일 안에`, `10일 이내`: a count of days before a word of `within` is a duration, not the
            // day of the month the entity stage reads in it.
            let day_count = kind == DATE
                && matches!(tail.as_str(), "내" | "내에" | "안" | "안에" | "이내" | "이내에" | "뒤" | "후")
                && text.strip_suffix('일').is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
            let kind = if day_count { QUANTITY } else { kind };
            // `연 12일에서 18일로`, `주 3일에서 5일로`: bare days as the ends of a change, or after a
            // word of frequency, are counts of days, not days of the month.
            if kind == DATE && counted_days(st, ds, de, &text) {
                continue;
            }
            // `내년 예산에`, `2025년 예산안`: the date names the period of the noun after it, not
            // when the action is due.
            // `내년도 예산안`, `2027년도 본예산에는`: a fiscal or school year, not when the action is due.
            let year_do = text.ends_with("년도") || (text.ends_with('년') && st.chars.get(de - st.base) == Some(&'도') && st.chars.get(de - st.base + 1).is_some_and(|c| crate::segment::is_space(*c)));
            if kind == DATE && year_do {
                continue;
            }
            // `2028년 완공을 목표로 … 운영한다`: the date of a goal phrase before the action is the
            // goal's (its own row), not the action's deadline.
            if kind == DATE {
                let j = st.word_from(de - st.base);
                // An action noun as a word of its own (`2028년을 목표로` has the date as the goal).
                // `2027년 개통 목표로` (news drops the particle): the same goal.
                let goal = st.words.get(j).is_some_and(|w| w.s >= de - st.base && (bare(st, w).ends_with(['을', '를']) || bare_action_noun(st, w) || noun_of(st, w).is_some_and(|(nn, _)| nn.chars().count() == bare(st, w).chars().count())))
                    && st.words.get(j + 1).is_some_and(|w| w.e <= to && st.slice(w.s, w.e).starts_with("목표로"));
                if goal {
                    continue;
                }
            }
            // `다음 달 개통하는 도로 주변에 신호등을 설치`, `오는 9월 완공하는 다리 이름을 공모`: a date
            // right before an adnominal verb dates that verb's clause, not the action its noun phrase
            // is an argument of; a venue (`다음 달 열리는 이사회에서 결정`) dates the action held there.
            if kind == DATE && tail.is_empty() && self.dates_adnominal(st, de, to) {
                continue;
            }
            // (A day is no period: `다음 달 10일 예산안을 의결` is due that day.)
            if kind == DATE && tail.is_empty() && spaced && !text.ends_with('일') {
                let w = st.word_from(de - st.base);
                // `내년 1분기 전기요금을 동결`: a compound noun headed by one (`전기요금`) too.
                if st.words.get(w).and_then(|x| noun_of(st, x)).is_some_and(|(noun, _)| self.lex.dated_noun.iter().any(|d| noun.ends_with(d.as_str()))) {
                    continue;
                }
            }
            // `매년 1월 … 공개하기로`, `해마다 3월`: a date that recurs is no deadline.
            if kind == DATE && recurring(st, ds) {
                continue;
            }
            if kind == DATE {
                let date_text = match time {
                    // The date alone, for parsing: the time is added to its ISO form below.
                    Some(_) => st.analysis.text(crate::doc::Span::new(ds, date_end(&st.entities, ds, de))).to_string(),
                    None => text.clone(),
                };
                let when = crate::time::parse_date(&date_text, published).map(|w| same_year_as_before(st, ds, &date_text, w, published));
                // `2월 발표한 계획을 고치기로`: a date with a verb of its own before the action is that
                // verb's, and a past one stays past.
                let when = when.map(|w| if self.point_of_another_clause(st, de, to) { w } else { yearless_ahead(&date_text, w, published) });
                // The day of the speaking (`19일 밝혔다`) or a past date is no deadline.
                if let (Some(w), Some(p)) = (when, published) {
                    if w.last_day().is_some_and(|d| d < p || (d == p && tail.is_empty())) {
                        continue;
                    }
                }
                let mut iso = match when {
                    Some(w) if date_text.ends_with('말') => w.last_day().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_else(|| w.iso()),
                    Some(w) => w.iso(),
                    None => String::new(),
                };
                if let Some(t) = time {
                    if iso.len() == 10 {
                        iso.push_str(t);
                    }
                }
                best = Some((dtext, iso));
                break;
            } else if matches!(tail.as_str(), "뒤" | "후") && self.point_of_another_clause(st, de, to) {
                continue;
            } else if matches!(tail.as_str(), "내" | "내에" | "안" | "안에" | "이내" | "이내에" | "간" | "동안" | "뒤" | "후") || text.ends_with('간') {
                // `3년간` written as one quantity: the duration without 간.
                let text = text.strip_suffix('간').unwrap_or(&text).to_string();
                // `2개월 내`: that long after the publication date.
                let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
                let unit: String = text.chars().skip_while(|c| c.is_ascii_digit()).collect::<String>().trim().to_string();
                // `한 달 안에`, `열흘 내`, `1주일 안에`: native numerals and day counts.
                let (digits, unit) = match native_duration(&text) {
                    Some((k, u)) if digits.is_empty() => (k.to_string(), u.to_string()),
                    _ if unit == "주일" => (digits, "주".to_string()),
                    _ => (digits, unit),
                };
                // `가동 3년 내`, `착공 후 2년 안에`: counted from an event, not from the publication.
                let anchored = self.event_before(st, ds - st.base);
                let iso = match (digits.parse::<u32>(), published) {
                    _ if anchored => String::new(),
                    (Ok(k), Some(p)) => match unit.as_str() {
                        "개월" | "달" => p.checked_add_months(chrono::Months::new(k)),
                        "년" => k.checked_mul(12).and_then(|m| p.checked_add_months(chrono::Months::new(m))),
                        "주" => p.checked_add_days(chrono::Days::new(7 * u64::from(k))),
                        "일" => p.checked_add_days(chrono::Days::new(u64::from(k))),
                        _ => None,
                    }
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                    _ => String::new(),
                };
                if !unit.is_empty() && matches!(unit.as_str(), "개월" | "달" | "년" | "주" | "일") {
                    best = Some((dtext, iso));
                    break;
                }
            }
        }
        // The last deadline wins, whether the entity stage marked it or not: `내년 봄까지` (the
        // season after the year), `내년 봄 착공에 앞서 올여름까지 … 마칠`.
        let unlisted = self.unlisted_deadline(st, from, to, published);
        match (best, unlisted) {
            (Some(b), Some((at, t, iso))) if at + st.base >= best_at => Some((t, iso)).or(Some(b)),
            (Some(b), _) => Some(b),
            (None, u) => u.map(|(_, t, iso)| (t, iso)),
        }
    }

    /// `2030년 전국체전 개최 1년 전까지`, `2026년 6월 지방선거 1년 전에`: the duration `dates[i]`
    /// followed by `전까지`/`전에`/`전`, after an event named by nouns. With a date before the event
    /// the deadline is that date less the duration, at its precision ([`crate::time::before`]);
    /// with an event alone (`개관 1년 전까지`) the text is kept and the date left empty.
    fn before_event(&self, st: &Sent, dates: &[(usize, usize, &str)], i: usize, published: Option<crate::doc::Date>) -> Option<(String, String)> {
        let (qs, qe, _) = dates[i];
        let rel = qe - st.base;
        let rest: String = st.chars[rel..(rel + 6).min(st.chars.len())].iter().collect();
        let r = rest.trim_start();
        let tail = ["전까지", "전에", "전"].into_iter().find(|t| r.starts_with(t) && (*t != "전" || r[t.len()..].chars().next().is_none_or(|c| !crate::extract::quotes::is_hangul(c))))?;
        let end = rel + (rest.chars().count() - r.chars().count()) + tail.chars().count();
        let (n, unit) = duration_parts(st.analysis.text(crate::doc::Span::new(qs, qe)))?;
        let wi = st.word_from(qs - st.base);
        if wi == 0 || st.words[wi].s != qs - st.base {
            return None;
        }
        // The event: noun words (no verb, no particle) between a date and the duration.
        let mut j = wi;
        while j > 0 {
            let w = &st.words[j - 1];
            let nouns = st.word_morphs(w).iter().all(|m| matches!(tag(m), "NNG" | "NNP"));
            let date_word = st.entities.iter().any(|en| en.kind == DATE && en.span.start < st.base + w.e && st.base + w.s < en.span.end);
            if !nouns || date_word || st.has_lemma(w) {
                break;
            }
            j -= 1;
        }
        let event_start = st.words.get(j).filter(|_| j < wi)?.s;
        // The date right before the event's nouns (`2030년 전국체전`).
        let dated = i.checked_sub(1).map(|k| dates[k]).filter(|d| d.2 == DATE && d.1 <= st.base + event_start && st.text(d.1 - st.base, event_start).trim().is_empty());
        match dated {
            Some((ds, de, _)) => {
                let when = crate::time::parse_date(st.analysis.text(crate::doc::Span::new(ds, de)), published)?;
                let due = crate::time::before(when, n, &unit)?;
                Some((st.text(ds - st.base, end), due.iso()))
            }
            None => Some((st.text(event_start, end), String::new())),
        }
    }

    /// `내년부터 3년간`, `다음 달부터 6개월 동안`: a start date, `부터`, and a duration right after it
    /// (`간`, `동안`): the last period the duration covers ([`crate::time::span_end`]), with the
    /// text from the start to the duration.
    fn duration_from_start(&self, st: &Sent, dates: &[(usize, usize, &str)], published: Option<crate::doc::Date>) -> Option<(String, String)> {
        for pair in dates.windows(2) {
            let (&(ds, de, kind), &(qs, qe, qkind)) = (&pair[0], &pair[1]);
            if kind != DATE || qkind != QUANTITY || st.text(de - st.base, qs - st.base).trim() != "부터" {
                continue;
            }
            let qtext = st.analysis.text(crate::doc::Span::new(qs, qe)).to_string();
            let rest: String = st.chars[qe - st.base..].iter().take(3).collect();
            let tail = if qtext.ends_with('간') || rest.starts_with('간') {
                "간"
            } else if rest.trim_start().starts_with("동안") {
                "동안"
            } else {
                continue;
            };
            let (n, unit) = duration_parts(&qtext)?;
            let start = crate::time::parse_date(st.analysis.text(crate::doc::Span::new(ds, de)), published)?;
            let end = crate::time::span_end(start, n, &unit)?;
            let written = st.text(ds - st.base, qe - st.base);
            let text = if qtext.ends_with('간') { written } else if tail == "간" { format!("{written}간") } else { format!("{written} 동안") };
            return Some((text, end.iso()));
        }
        None
    }

    /// Deadlines the entity stage does not mark as dates: a holiday (`설 연휴 전`, `추석 전까지`,
    /// `설 명절을 앞두고`) and a relative quarter (`이번 분기 안에`, `다음 분기까지`).
    fn unlisted_deadline(&self, st: &Sent, from: usize, to: usize, published: Option<crate::doc::Date>) -> Option<(usize, String, String)> {
        let text = st.slice(from, to);
        if !UNLISTED_DEADLINE_WORDS.is_match(text) {
            return None;
        }
        // A season is one only as a word of its own (not `가을야구`, `겨울방학`), and with a word
        // that dates it (`올여름`, `내년 봄`, `오는 가을`) or a deadline or `전` after it (`봄까지`,
        // `여름 전에`): a bare `봄 배구` names no time.
        let c = UNLISTED_DEADLINE
            .captures_iter(text)
            .filter(|c| {
                c.name("season").is_none_or(|_| {
                    let end = c.get(0).map_or(0, |m| m.end());
                    let word_ends = text[end..].chars().next().is_none_or(|n| !crate::extract::quotes::is_hangul(n));
                    word_ends && (c.name("which").is_some() || c.name("before").is_some() || c.name("tail").is_some())
                })
            })
            .last()?;
        let m = c.get(0)?;
        let lead = m.as_str().len() - m.as_str().trim_start().len();
        let at = from + text[..m.start() + lead].chars().count();
        let whole = m.as_str().trim_start().to_string();
        if c.name("sevendays").is_some() {
            // `일주일 안에`: seven days after the publication date.
            let iso = published.and_then(|p| p.checked_add_days(chrono::Days::new(7))).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
            return Some((at, whole, iso));
        }
        if let Some(season) = c.name("season") {
            let which = c.name("which").map_or("", |w| w.as_str());
            let when = crate::time::season(which, season.as_str(), c.name("before").is_some(), published);
            // A season already over (`올봄` said in September) is no deadline.
            if let (Some(w), Some(p)) = (when, published) {
                if w.last_day().is_some_and(|d| d < p) {
                    return None;
                }
            }
            return Some((at, whole, when.map(|w| w.iso()).unwrap_or_default()));
        }
        let when = match (c.name("holiday"), c.name("week")) {
            (Some(h), _) => crate::time::holiday_eve(h.as_str(), published),
            // `금주` is this week, `차주` the next one.
            (None, Some(w)) => crate::time::parse_date(if w.as_str() == "금주" { "이번 주" } else { "다음 주" }, published),
            (None, None) => crate::time::parse_date(c.name("quarter")?.as_str(), published),
        };
        let iso = match when {
            Some(w) if whole.ends_with('말') || whole.ends_with("말까지") => w.last_day().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            Some(w) => w.iso(),
            None => String::new(),
        };
        Some((at, whole, iso))
    }

    /// A noun (not a date, not `향후`/`앞으로`) or `후`/`뒤`/`이후` right before the duration at
    /// `ds` (relative): the duration counts from that event (`가동 3년 내`, `착공 후 2년 안에`).
    fn event_before(&self, st: &Sent, ds: usize) -> bool {
        let wi = st.word_from(ds);
        if wi == 0 || st.words.get(wi).is_none_or(|w| w.s != ds) {
            return false;
        }
        let pw = &st.words[wi - 1];
        let t = st.word_str(pw);
        if matches!(t, "후" | "뒤" | "이후") {
            return true;
        }
        // `당선되면 한 달 안에`, `예산이 확보되면 3개월 안에`: counted from the condition's event
        // (the convention keeps `~되는 대로 2개월 내` counted from the report, as in the README).
        let core = t.trim_start_matches(['"', '“', '\'', '‘']);
        if st.has_lemma(pw) && core.ends_with('면') && !matches!(core, "이르면" | "빠르면") && !core.ends_with("따르면") && !core.ends_with("라면") {
            return true;
        }
        // Adverbial nouns (`대신 3개월 내에`, `우선 1년 안에`) name no event to count from.
        if matches!(t, "향후" | "앞으로" | "최근" | "지난" | "오는" | "대신" | "우선" | "당장" | "일단") || t.ends_with(|c: char| !crate::extract::quotes::is_hangul(c)) {
            return false;
        }
        let dated = st.entities.iter().any(|en| matches!(en.kind.as_str(), "DATE" | "QUANTITY" | "TIME") && en.span.start < st.base + pw.e && st.base + pw.s < en.span.end);
        let ms = st.word_morphs(pw);
        !dated && !ms.is_empty() && ms.iter().all(|m| matches!(tag(m), "NNG" | "NNP"))
    }

    /// A condition clause before word `a`: `데이터센터가 안정화 되는대로`, `예산이 확보되면`.
    fn condition(&self, st: &Sent, from: usize, a: usize) -> String {
        for j in (0..a).rev() {
            let w = &st.words[j];
            if w.e <= from {
                break;
            }
            // `"…옮길 것"이라며 "3년 안에 … 늘리겠다"`: a condition inside another quote is that one's.
            if j + 1 < a && st.word_str(w).trim_start_matches(['"', '“']).contains(['"', '”', '“']) {
                break;
            }
            let t = bare(st, w);
            if !condition_word(st, w, &t) {
                continue;
            }
            let end = w.s + t.chars().count();
            // The condition clause starts after the previous predicate or subject.
            let mut s = from;
            for k in (0..j).rev() {
                let pw = &st.words[k];
                if pw.s < from {
                    break;
                }
                let particle_end = bare(st, pw).ends_with(['가', '이', '은', '는', '을', '를', '도']);
                if st.has_lemma(pw) && !adnominal(st, pw) && !particle_end && k + 1 < j {
                    s = st.words[k + 1].s;
                    break;
                }
                s = pw.s;
            }
            // `"당선되면 한 달 안에`: the quotation mark that opens the quote is no part of it.
            return st.text(s, end).trim().trim_start_matches(['"', '“', '\'', '‘']).to_string();
        }
        String::new()
    }
}

/// `늘린다`, `짓는다`, `연다`: the plain present tense of a verb (not `이다`, `있다`, `한다고`).
fn present_tense(t: &str) -> bool {
    let Some(stem) = t.strip_suffix('다') else { return false };
    let Some(last) = stem.chars().last() else { return false };
    if matches!(stem, "이" | "있" | "없" | "아니" | "같") || stem.ends_with("있") || stem.ends_with("없") {
        return false;
    }
    if stem.ends_with('는') && stem.chars().count() >= 2 {
        return true;
    }
    let jong = |c: char| {
        let code = c as u32;
        (0xAC00..=0xD7A3).contains(&code).then(|| (code - 0xAC00) % 28)
    };
    // The formal `-ㅂ니다/-습니다` of broadcast and speech (`늘립니다`, `손봅니다`, `짓습니다`), not
    // after `-었-/-겠-` or 있 (a final ㅆ: `했습니다`, `하겠습니다`, `있습니다`) nor after 없.
    if let Some(before) = stem.strip_suffix('니') {
        let mut cs = before.chars().rev();
        return match cs.next() {
            Some('습') => cs.next().is_some_and(|c| jong(c).is_some_and(|j| j != 0 && j != 20) && c != '없'),
            // (`입니다` is as often the copula as `줄입니다`: the verb's tag decides later.)
            Some(c) => jong(c) == Some(17) && c != '닙',
            None => false,
        };
    }
    jong(last) == Some(4)
}

/// A duration in native Korean numerals: `한 달` → (1, 달), `두 해` → (2, 년), `열흘` → (10, 일),
/// `보름` → (15, 일), `일주일` → (1, 주).
fn native_duration(text: &str) -> Option<(u32, &'static str)> {
    const DAYS: &[(&str, u32)] = &[("하루", 1), ("이틀", 2), ("사흘", 3), ("나흘", 4), ("닷새", 5), ("엿새", 6), ("이레", 7), ("여드레", 8), ("아흐레", 9), ("열흘", 10), ("보름", 15)];
    const COUNT: &[(&str, u32)] = &[("한", 1), ("두", 2), ("세", 3), ("네", 4), ("다섯", 5), ("여섯", 6), ("일곱", 7), ("여덟", 8), ("아홉", 9), ("열", 10)];
    let t = text.trim();
    if let Some(&(_, k)) = DAYS.iter().find(|(w, _)| t == *w) {
        return Some((k, "일"));
    }
    if t == "일주일" {
        return Some((1, "주"));
    }
    let (num, unit) = t.split_once(' ').unwrap_or((t, ""));
    let (num, unit) = if unit.is_empty() { (t.get(..t.len().saturating_sub(3))?, t.get(t.len().saturating_sub(3)..)?) } else { (num, unit) };
    let k = COUNT.iter().find(|(w, _)| *w == num)?.1;
    let unit = match unit {
        "달" => "달",
        "해" => "년",
        "주" | "주일" => "주",
        _ => return None,
    };
    Some((k, unit))
}

/// Some noun of the word is an action noun (ko-dic's semantic class `행위`: `분담`, `배치`, `교체`).
fn action_noun(st: &Sent, w: &Word) -> bool {
    st.word_morphs(w).iter().any(|m| nominal(m) && &*m.features.semantic_class == "행위")
}

/// A word of nouns alone (no particle, no verb) whose last noun is an action noun: `분담` of `분담
/// 비율을`.
fn bare_action_noun(st: &Sent, w: &Word) -> bool {
    let ms = st.word_morphs(w);
    !ms.is_empty() && ms.iter().all(|m| matches!(tag(m), "NNG" | "NNP")) && ms.last().is_some_and(|m| &*m.features.semantic_class == "행위")
}

/// The verb at word `k` is followed (after at most one auxiliary) by `수`/`수도` and 있다: `검토할 수도
/// 있다`, `검토해 볼 수 있다` state a possibility, not a commitment.
fn possibility(st: &Sent, k: usize) -> bool {
    (k + 1..(k + 3).min(st.words.len())).any(|x| {
        matches!(bare(st, &st.words[x]), "수" | "수도" | "수는") && st.words.get(x + 1).is_some_and(|y| st.lemma_cow(y).as_deref() == Some("있"))
    })
}

/// A duration's count and unit (`3년간` → (3, 년), `6개월` → (6, 개월), `한 달` → (1, 달), `2주일` →
/// (2, 주)), or `None` when it is no count of years, months, weeks or days.
fn duration_parts(text: &str) -> Option<(u32, String)> {
    let text = text.strip_suffix('간').unwrap_or(text).trim();
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    let unit: String = text.chars().skip_while(|c| c.is_ascii_digit()).collect::<String>().trim().to_string();
    let (n, unit) = match native_duration(text) {
        Some((k, u)) if digits.is_empty() => (k, u.to_string()),
        _ => (digits.parse().ok()?, if unit == "주일" { "주".to_string() } else { unit }),
    };
    matches!(unit.as_str(), "개월" | "달" | "년" | "주" | "일").then_some((n, unit))
}

/// `것이냐`, `거냐`, `건가`, `것인가`: a question about the clause before (`미루겠다는 것이냐`).
fn asks(t: &str) -> bool {
    ["것이냐", "거냐", "건가", "것인가", "것이냐고", "거냐고", "건지", "것인지", "겁니까", "것입니까"].iter().any(|q| t.starts_with(q))
}

/// A noun phrase word with a particle of partner, place or addressee (`시와`, `노조와도`,
/// `국회에서`, `정부에`): an argument that may stand between `~기로` and the verb of deciding.
fn argument_word(st: &Sent, w: &Word) -> bool {
    let ms = st.word_morphs(w);
    ms.first().is_some_and(|m| nominal(m))
        && ms.iter().rev().find(|m| !punct(m)).is_some_and(|m| matches!(tag(m), "JKB" | "JC" | "JX"))
        && !st.word_str(w).ends_with(',')
}

/// A word with no verb in ko-dic's reading that is an adnominal `-ㄹ` form of a verb (`열`:
/// read as the numeral ten, in `집회를 열 계획이다`): one syllable with final ㄹ, no particle.
fn misread_adnominal(st: &Sent, w: &Word) -> bool {
    let t = st.word_str(w);
    let mut cs = t.chars();
    let (Some(c), None) = (cs.next(), cs.next()) else { return false };
    let code = c as u32;
    (0xAC00..=0xD7A3).contains(&code) && (code - 0xAC00) % 28 == 8 && st.word_morphs(w).iter().all(|m| nominal(m) && !tag(m).starts_with('J'))
}

/// `행사를 여는 방안`: ko-dic reads the adnominal of an ㄹ-stem verb (열다 → 여는) as a pronoun
/// with the topic particle (여/NP + 는/JX). Right after an object, such a word of one open syllable
/// and `는` is the verb: its stem with the ㄹ restored (`열`).
fn misread_rieul_adnominal(st: &Sent, k: usize) -> Option<String> {
    let w = &st.words[k];
    let t = st.word_str(w);
    let mut cs = t.chars();
    let (Some(first), Some('는'), None) = (cs.next(), cs.next(), cs.next()) else { return None };
    if k == 0 || st.has_lemma(w) {
        return None;
    }
    let object = last_morph_text(st, &st.words[k - 1]).is_some_and(|(m, p)| p == "JKO" || (matches!(m, "을" | "를") && p.starts_with('J')));
    if !object {
        return None;
    }
    restore_rieul_open(&first.to_string())
}

/// A negated action: `~하지 않겠다`, `~지 못하`, `안 ~`.
fn negated(st: &Sent, k: usize) -> bool {
    let w = &st.words[k];
    let t = bare(st, w);
    // `없애다` (to remove) is an action, not a negation.
    // (One pass over the characters first: cheaper than substring searches.)
    let (mut an, mut mot, mut eop) = (false, false, false);
    for c in t.chars() {
        match c {
            '않' => an = true,
            '못' => mot = true,
            '없' => eop = true,
            _ => {}
        }
    }
    if an || (mot && t.contains("못하")) || (eop && !t.contains("없애")) {
        return true;
    }
    if k > 0 && matches!(bare(st, &st.words[k - 1]), "안" | "못") {
        return true;
    }
    t.ends_with('지')
        && st.words.get(k + 1).is_some_and(|x| {
            let n = bare(st, x);
            n.starts_with("않") || n.starts_with("못") || n.starts_with("말")
        })
}

/// Updates the carried actor from a sentence's subjects: the carried name, the last organization
/// carried, and whether the carried name is a person quoted directly in that sentence.
fn carry(subjects: &[crate::extract::quotes::Subject], named: &FxHashSet<&str>, orgs: &FxHashSet<&str>, quoted: &dyn Fn(&str) -> bool, state: (&mut String, &mut String, &mut bool)) {
    let (carried, last_org, speech) = state;
    if let Some(s) = carried_subject(subjects, named) {
        let org = orgs.contains(s.as_str());
        *speech = !org && quoted(&s);
        if org {
            *last_org = s.clone();
        }
        *carried = s;
    }
}

/// The organization a subject written as the head noun of its name stands for (`교육청` →
/// 부산시교육청, `공단` → 국민건강보험공단): the nearest one before `pos` whose canonical name is
/// longer and ends with the word, else the first after it. One Hangul word of two or more syllables.
fn org_by_head<'o>(word: &str, pos: usize, orgs: &[(usize, &'o str)]) -> Option<&'o str> {
    if word.chars().count() < 2 || !word.chars().all(crate::extract::quotes::is_hangul) {
        return None;
    }
    let fits = |o: &&(usize, &str)| o.1.len() > word.len() && o.1.ends_with(word);
    orgs.iter().filter(fits).filter(|o| o.0 < pos).last().or_else(|| orgs.iter().find(fits)).map(|o| o.1)
}

/// The subject a sentence leaves for the next ones to carry: its topic (`시는`), else a subject
/// marked 이/가 that names a person or organization of the document (the lead `환경부가 … 늘린다.`
/// before `… 지원키로 했다.`).
fn carried_subject(subjects: &[crate::extract::quotes::Subject], named: &FxHashSet<&str>) -> Option<String> {
    subjects
        .iter()
        .find(|s| s.topic && !s.generic && !s.speaker.is_empty())
        .or_else(|| subjects.iter().find(|s| !s.topic && !s.generic && named.contains(s.speaker.as_str())))
        .map(|s| s.speaker.clone())
}

impl Stage for CommitmentStage {
    fn name(&self) -> &'static str {
        "commitments"
    }

    fn assigns(&self) -> &'static str {
        "commitments"
    }

    fn run(&self, a: &mut Analysis) {
        a.commitments = self.find(a);
        a.prepared = Default::default();
    }

    fn fork(&self) -> Box<dyn Stage> {
        Box::new(self.clone())
    }
}

impl CommitmentStage {
    fn find(&self, a: &Analysis) -> Vec<Commitment> {
        // The document's titles and people, as the quotes stage built them when it ran.
        let roles = a.prepared.roles.clone().unwrap_or_else(|| RoleMemory::new(a));
        // The generic organization words and the sentences the quotes stage prepared, when it ran.
        let own_generic;
        let generic: &GenericOrgs = match a.prepared.generic.as_deref() {
            Some(g) => g,
            None => {
                own_generic = GenericOrgs::new(a, &a.entities);
                &own_generic
            }
        };
        let published = a.doc.meta.published;
        let mut first_quote = 0;
        // Names an actor can be carried as (organizations and people of the document).
        let named: FxHashSet<&str> = a
            .entities
            .iter()
            .filter(|e| matches!(e.kind.as_str(), "PERSON" | "ORGANIZATION"))
            .map(|e| e.canonical.as_str())
            .collect();
        let by_sentence = crate::extract::quotes::BySentence::new(a);
        // Organizations of the document by position: a subject written as the head of one's name
        // (`교육청은` for 부산시교육청) is that organization.
        let orgs: Vec<(usize, &str)> = a.entities.iter().filter(|e| e.kind == "ORGANIZATION").map(|e| (e.span.start, e.canonical.as_str())).collect();
        let org_names: FxHashSet<&str> = orgs.iter().map(|o| o.1).collect();
        // Speakers resolved from a longer phrase (`탁재원 경남도지사` → 탁재원), not groups that speak as
        // written (`전문가들`).
        let speakers: FxHashSet<&str> = a.quotes.iter().filter(|q| !q.speaker.is_empty() && !q.speaker_text.is_empty() && q.speaker_text != q.speaker).map(|q| q.speaker.as_str()).collect();
        let mut out = Vec::new();
        let mut carried = String::new();
        // The last organization carried, and whether `carried` is a person who was only quoted
        // (`탁 지사는 "…"고 말했다.`): an action stated after that, outside quotes and with no
        // subject of its own, is the organization's (`순환철도는 … 완공한다는 목표다`).
        let mut last_org = String::new();
        let mut carried_speech = false;
        // The last names said together (`금융위원회;은행연합회`), for `두 기관은`, `양측은`.
        let mut last_joint = String::new();
        for si in 0..a.sentences.len() {
            let sentence = &a.sentences[si];
            if !matches!(sentence.kind, BlockKind::Body | BlockKind::Headline | BlockKind::Subhead) {
                continue;
            }
            let text = a.text(sentence.span);
            let cheap = CUE_WORDS.is_match(text)
                || {
                    // A sentence ending in the plain present tense (`늘린다.`): cheap test first.
                    let t = text.trim_end().trim_end_matches(['.', '"', '”', '\'', '’']);
                    t.rsplit(char::is_whitespace).next().is_some_and(present_tense)
                };
            // Quotes are in text order: skip those that end before this sentence.
            while first_quote < a.quotes.len() && a.quotes[first_quote].span.end <= sentence.span.start && a.quotes[first_quote].span.start < sentence.span.start {
                first_quote += 1;
            }
            if !cheap || text.trim_end().ends_with('?') || sentence.span.len() > MAX_SENTENCE_CHARS {
                continue;
            }
            let st = match a.prepared.sentences.get(si).and_then(Option::as_ref) {
                Some(parts) => Sent::with_parts(a, si, &by_sentence[si], generic, parts),
                None => Sent::new(a, si, &by_sentence[si], generic),
            };
            // Quotes of this sentence (relative spans) and their ids.
            let quotes: Vec<(usize, usize, usize)> = a
                .quotes
                .iter()
                .enumerate()
                .skip(first_quote)
                .take_while(|(_, q)| q.span.start < sentence.span.end)
                .filter(|(_, q)| q.span.start < sentence.span.end && sentence.span.start < q.span.end)
                .map(|(i, q)| (q.span.start.max(st.base) - st.base, q.span.end.min(sentence.span.end) - st.base, i))
                .collect();
            let marks: Vec<(usize, usize)> = quotes.iter().filter(|q| a.quotes[q.2].kind == "direct").map(|q| (q.0.saturating_sub(1), q.1)).collect();
            // The carried subject names an agent: an entity, or a speaker the quotes stage resolved
            // (a name ko-dic knows before a title, `탁재원 경남도지사는 "…"`, has no entity row).
            // (Names said together, `금융위원회;은행연합회`, are agents when each one is.)
            let carried_org = !carried.is_empty() && (named.contains(carried.as_str()) || speakers.contains(carried.as_str()) || (carried.contains(';') && carried.split(';').all(|n| named.contains(n))));
            // A chain of actions stays inside its quotation, direct or indirect: `기자간담회를 열고
            // … 건설한다고 밝혔다` has the speaker's own act before the reported clause.
            let regions: Vec<(usize, usize)> = quotes.iter().map(|q| if a.quotes[q.2].kind == "direct" { (q.0.saturating_sub(1), q.1) } else { (q.0, q.1) }).collect();
            let cues = self.cues(&st, published, &marks, carried_org);
            let has_name = by_sentence[si].iter().any(|e| matches!(e.kind.as_str(), "PERSON" | "ORGANIZATION"));
            if cues.is_empty() && !has_name {
                continue;
            }
            let mut subjects = self.quotes.subjects(&st, &marks, &roles, a.prepared.sentences.get(si).and_then(Option::as_ref)).0;
            // Topics only (`교육청은`): a 이/가 subject is as often inside a relative clause
            // (`병원이 환자를 받지 못할 때`).
            for s in subjects.iter_mut().filter(|s| s.generic && s.topic) {
                if let Some(org) = org_by_head(&s.speaker, st.base + s.s, &orgs) {
                    s.speaker = org.to_string();
                    s.generic = false;
                }
            }
            // `두 기관은`, `양측은`, `이들은`: the bodies or people named together last; `여야는`: the
            // two parties named last; `이 단체는`: the organization named last.
            for s in subjects.iter_mut() {
                // The phrase with a number word before it (`두 은행은`, read by the quotes stage as
                // `은행`, one bank, is the two).
                let counted_from = (st.slice(0, s.s).trim_end().rsplit(' ').next().is_some_and(|d| matches!(d, "두" | "세" | "네" | "양"))).then(|| st.slice(0, s.s).trim_end().len() - 3);
                let owned;
                let phrase: &str = match counted_from {
                    Some(b) => {
                        owned = st.text(st.slice(0, s.s)[..b].chars().count(), s.e);
                        &owned
                    }
                    None => st.slice(s.s, s.e),
                };
                if !(s.generic || (s.speaker.is_empty() && (s.plural || s.anaphor)) || ((counted_group(phrase) || phrase == "여야") && !s.speaker.contains(';'))) {
                    continue;
                }
                let found = if phrase == "여야" {
                    parties_before(&a.entities, st.base + s.s)
                } else if let Some(both) = phrase.strip_suffix(" 노사").and_then(|x| management_and_union(x, st.base + s.s, &orgs, generic)) {
                    // `병원 노사는`: the hospital and its union.
                    Some(both)
                } else if counted_group(phrase) && !last_joint.is_empty() {
                    Some(last_joint.clone())
                } else if matches!(phrase.rsplit(' ').next(), Some("단체" | "기관" | "조직" | "법인" | "정당" | "은행" | "재단"))
                    && matches!(st.slice(0, s.s).trim_end().rsplit(' ').next().into_iter().chain(phrase.split(' ').next()).find(|d| matches!(*d, "이" | "해당" | "같은")), Some(_))
                {
                    orgs.iter().rfind(|o| o.0 < st.base + s.s).map(|o| o.1.to_string())
                } else {
                    None
                };
                if let Some(name) = found {
                    s.speaker = name;
                    s.generic = false;
                    s.plural = false;
                    s.anaphor = false;
                }
            }
            let quoted_speaker = |s: &str| quotes.iter().any(|q| a.quotes[q.2].kind == "direct" && a.quotes[q.2].speaker == s);
            // Names said together in this sentence (`한빛은행과 새롬은행은`): what a later `두 은행은` is.
            for name in subjects.iter().filter(|s| !s.generic).map(|s| s.speaker.as_str()).chain(quotes.iter().map(|q| a.quotes[q.2].speaker.as_str())) {
                if name.contains(';') {
                    last_joint = name.to_string();
                }
            }
            if cues.is_empty() {
                carry(&subjects, &named, &org_names, &quoted_speaker, (&mut carried, &mut last_org, &mut carried_speech));
                continue;
            }
            let mut actions: Vec<(usize, Cue)> = Vec::new();
            // Whether each action is a cue's own word (else it joined a cue's chain).
            let mut own: Vec<bool> = Vec::new();
            for c in &cues {
                if actions.iter().any(|(w, _)| *w == c.word) {
                    continue;
                }
                // `이르면 내년 하반기 착공해 2028년 완공 예정이다`: an action noun before a plan noun
                // heads a chain like a verb.
                // So does the action noun of a goal (`2028년 착공해 2029년 준공을 목표로 한다`).
                let goal = || st.words.get(c.word + 1).is_some_and(|x| bare(&st, x).starts_with("목표로"));
                let chains = !c.noun || (c.modality == PLAN && c.word + 1 < st.words.len() && (self.noun_plan(&st, c.word) || goal()));
                let mut chain = if chains { self.coordinated(&st, c.word, &regions) } else { Vec::new() };
                chain.reverse();
                for j in chain {
                    match actions.iter().position(|(w, _)| *w == j) {
                        None => {
                            actions.push((j, Cue { word: j, modality: c.modality, noun: false }));
                            own.push(false);
                        }
                        // `배치하고, … 주는 방안을 … 협의하기로 했다`: a clause reached by the chains of
                        // two cues takes the later one's, the verb that governs the sentence.
                        Some(p) if !own[p] => actions[p].1.modality = c.modality,
                        Some(_) => {}
                    }
                }
                actions.push((c.word, *c));
                own.push(true);
            }
            actions.sort_by_key(|(w, _)| *w);
            // The word that carries each action: the verb before an auxiliary (`넓혀 나가`).
            let heads: Vec<Option<usize>> = actions.iter().map(|(w, c)| if c.noun { None } else { self.aux_head(&st, *w) }).collect();
            let first_start = actions
                .first()
                .map(|(w, _)| {
                    let h = heads[0].unwrap_or(*w);
                    self.clause_start(&st, h, &subjects).min(st.words[h].s)
                })
                .unwrap_or(0);
            // A date before the chain counts only when no other clause ends between it and the chain.
            // A headline's `…` separates statements (`2029년 준공 목표…지사 "…만들겠다"`): a date before
            // it is not the sentence's.
            let chain_from = self.clause_boundary_before(&st, first_start).max(st.chars[..first_start].iter().rposition(|&c| c == '…').map_or(0, |p| p + 1));
            let mut previous: Option<(usize, (String, String))> = None;
            for (i, (w, c)) in actions.iter().enumerate() {
                let aw = &st.words[*w];
                let head = heads[i].unwrap_or(*w);
                let hw = &st.words[head];
                let found = if c.noun {
                    noun_of(&st, aw)
                } else {
                    match heads[i] {
                        Some(h) => {
                            let aux = action_of(&st, aw).or_else(|| surface_stem(&st, aw));
                            let main = &st.words[h];
                            let xsv = st.word_morphs(main).iter().any(|m| tag(m) == "XSV");
                            match aux {
                                // `노력해 보겠다`: the action is the noun of the 하다-verb.
                                Some(_) if xsv => action_of(&st, main),
                                Some((stem, end)) => Some((format!("{} {stem}", bare(&st, main)), end)),
                                None => None,
                            }
                        }
                        None if contracted_giro(&bare(&st, aw)) => surface_stem(&st, aw),
                        None => action_of(&st, aw).or_else(|| surface_stem(&st, aw)).or_else(|| misread_rieul_adnominal(&st, *w).map(|stem| (stem, aw.s + 1))),
                    }
                };
                let Some((action, stem_end)) = found else { continue };
                if action.is_empty() || action == "하" || self.lex.not_action.contains(&action) {
                    continue;
                }
                if !own[i] && self.lex.performative_action.contains(&action) {
                    continue;
                }
                // A broadcast bite (`[이름 / 직함 : …]`) has no quotation mark: the clause starts
                // inside the quote at the latest.
                let start = match quotes.iter().find(|q| hw.s >= q.0 && hw.s < q.1 && a.quotes[q.2].kind == "direct") {
                    Some(q) => self.clause_start(&st, head, &subjects).max(q.0),
                    None => self.clause_start(&st, head, &subjects),
                };
                let span_start = start.min(hw.s);
                // `9일 … 계획을 발표하고, … 늘리겠다고 밝혔다`, `지난 14일 설명회를 열고 … 하기로 했다`:
                // a clause joined to the cue's and dated on or before the publication day is an act
                // already done, no commitment.
                if !own[i] && self.done_on(&st, self.clause_boundary_before(&st, span_start), hw.s, published) {
                    continue;
                }
                let object = if c.noun { String::new() } else { self.object(&st, span_start, head) };
                let sentence_from = subjects.iter().filter(|s| s.pe <= span_start && !s.generic).map(|s| s.pe).next_back().unwrap_or(0);
                // `요금 인상을 연말까지 다시 검토하겠다`: the date between a reviewed noun and its verb.
                let own = self.deadline(&st, span_start, hw.s, published).or_else(|| {
                    let v = (*w + 1..st.words.len()).find(|&j| st.has_lemma(&st.words[j])).filter(|_| c.noun)?;
                    self.deadline(&st, aw.e, st.words[v].s, published)
                });
                // `다음 달 중 … 모아 소송을 낼`: an action joined by `-어/-아` to the one before
                // it, with no date of its own, shares that one's deadline.
                let inherited = match (&own, &previous) {
                    (None, Some((p, dl))) if !dl.0.is_empty() && !self.has_date(&st, span_start, hw.s) && (self.serial_link(&st, *p, head) || self.go_link(&st, *p, head)) => Some(dl.clone()),
                    _ => None,
                };
                let mut deadline = own
                    .or(inherited)
                    .or_else(|| self.deadline(&st, sentence_from.min(first_start).max(chain_from.min(first_start)), first_start, published))
                    .unwrap_or_default();
                // `조속히`, `가능한 한 빨리`, `임기 내`: a deadline with no date (lexicon class
                // `vague_deadline`): the words are kept, the date is left empty.
                if deadline.0.is_empty() && span_start < hw.s {
                    let clause = st.slice(span_start, hw.e);
                    if let Some(v) = self.lex.vague_deadline.iter().find(|v| clause.contains(v.as_str())) {
                        deadline = (v.clone(), String::new());
                    }
                }
                previous = Some((*w, deadline.clone()));
                let condition = self.condition(&st, sentence_from, *w);
                let quote = quotes.iter().find(|q| aw.s >= q.0 && aw.s < q.1);
                let actor = match quote.filter(|q| !a.quotes[q.2].speaker.is_empty()) {
                    Some(q) => reported_subject(&subjects, &a.quotes[q.2], q.0, aw.s).unwrap_or_else(|| a.quotes[q.2].speaker.clone()),
                    None => {
                        let before: Vec<&crate::extract::quotes::Subject> = subjects.iter().filter(|s| s.pe <= aw.s && !s.generic).collect();
                        let lead = if before.is_empty() { headline_lead(&st, aw.s) } else { None };
                        match before.iter().rev().find(|s| s.topic).or(before.last()) {
                            Some(s) if !s.speaker.is_empty() => s.speaker.clone(),
                            _ if lead.is_some() => lead.unwrap_or_default(),
                            _ if carried_speech && !last_org.is_empty() => last_org.clone(),
                            _ => carried.clone(),
                        }
                    }
                };
                out.push(Commitment {
                    sentence: si,
                    span: st.abs(span_start, stem_end.max(span_start)),
                    actor,
                    action,
                    object,
                    deadline_text: deadline.0,
                    deadline: deadline.1,
                    modality: c.modality.to_string(),
                    condition,
                    quote_id: quote.map(|q| q.2),
                });
            }
            carry(&subjects, &named, &org_names, &quoted_speaker, (&mut carried, &mut last_org, &mut carried_speech));
        }
        out.sort_by_key(|c| (c.span.start, c.span.end));
        out.dedup_by(|b, a| a.span == b.span && a.action == b.action);
        out
    }
}

impl CommitmentStage {
    /// `제재 검토에 착수했다`, `요금 인하 검토에 들어갔다`, `매각 여부 검토에 나섰다`: a review begun
    /// (lexicon class `begin_verb`). The action reviewed is the noun word right before `검토` (before
    /// `여부` when it stands there); the verb of beginning is no action of its own.
    fn review_begun(&self, st: &Sent, k: usize) -> Option<Cue> {
        if k == 0 || !matches!(bare(st, &st.words[k]), "검토에" | "검토에도" | "재검토에") {
            return None;
        }
        let v = st.words.get(k + 1)?;
        if !self.lex.begin_verb.contains(&st.lemma(v)?) || question_form(&bare(st, v)) || negated(st, k + 1) {
            return None;
        }
        let mut o = k - 1;
        if bare(st, &st.words[o]) == "여부" && o > 0 {
            o -= 1;
        }
        nouns_only(st, &st.words[o]).then_some(Cue { word: o, modality: REVIEW, noun: true })
    }

    /// `~하는 방향으로 가닥을 잡았다`, `~하는 쪽으로 결정했다` (a decision), `~하는 방향으로 검토하고 있다`
    /// (a review), and the intent `~하고자 한다`, `~하려 한다` (a plan, in the present tense): the
    /// verb at `k` is the action.
    fn direction_or_intent(&self, st: &Sent, k: usize) -> Option<Cue> {
        let w = &st.words[k];
        // Cheap gate first (both patterns below need one of these): called for every word.
        let next = st.words.get(k + 1)?;
        let t = bare(st, w);
        if !(t.ends_with("고자") || t.ends_with("려") || t.ends_with("려고")) && !(matches!(st.chars[next.s], '방' | '쪽') && matches!(bare(st, next), "방향으로" | "쪽으로")) {
            return None;
        }
        let lemma = st.lemma(w)?;
        if self.lex.not_action.contains(&lemma) || negated(st, k) || lemma.ends_with('되') {
            return None;
        }
        let next = st.words.get(k + 1)?;
        let t = bare(st, w);
        if (t.ends_with("고자") || t.ends_with("려") || t.ends_with("려고")) && st.lemma(next).as_deref() == Some("하") && present_tense(&bare(st, next)) {
            return Some(Cue { word: k, modality: PLAN, noun: false });
        }
        if !adnominal(st, w) || past_adnominal(st, w) || !matches!(bare(st, next), "방향으로" | "쪽으로") {
            return None;
        }
        let v = st.words.get(k + 2)?;
        let vl = st.lemma(v).unwrap_or_default();
        let idiom = vl.is_empty() && st.words.get(k + 3).is_some_and(|x| self.object_verb_in(st, k + 2, x, &self.lex.decide_idiom));
        let verb = if idiom { k + 3 } else { k + 2 };
        if negated(st, verb) || question_form(&bare(st, &st.words[verb])) {
            return None;
        }
        if idiom || (vl != "하" && self.lex.decide_after_giro.contains(&vl)) {
            Some(Cue { word: k, modality: DECISION, noun: false })
        } else if self.lex.review_verb.contains(&vl) || bare(st, v).starts_with("검토") {
            Some(Cue { word: k, modality: REVIEW, noun: false })
        } else {
            None
        }
    }

    /// `3년 뒤 입주 물량이 급감하는 …`: a time after a duration (`N 뒤`, `N 후`) that a verb follows
    /// before the action (ending at `to`, relative) dates that verb's clause, not the action.
    /// A DATE in `from..to` (relative; `to` is the action word) that falls on or before the
    /// publication day and dates the action itself (no verb between them, not a bound such as
    /// `까지`, `부터`, `안에`): the action is reported as done.
    fn done_on(&self, st: &Sent, from: usize, to: usize, published: Option<crate::doc::Date>) -> bool {
        let Some(p) = published else { return false };
        st.entities.iter().any(|en| {
            if en.kind != DATE || en.span.start < st.base + from || en.span.end > st.base + to {
                return false;
            }
            let rel = en.span.end - st.base;
            // `16일 이 같은 내용을 담은 대책을 내놓고`: verbs between the date and the action may only
            // be adnominal ones inside its object, and the date is not the first one's (`지난해 발표한
            // 계획에 따라 … 짓고`).
            // A word of a name (`분당구` read as 분당 + 구다) is no verb.
            let mut verbs = st.words.iter().filter(|w| w.s >= rel && w.e <= to && st.lemma(w).is_some() && !in_name(st, w)).peekable();
            if verbs.peek().is_some_and(|w| st.word_from(rel) == st.word_from(w.s)) {
                return false;
            }
            if verbs.any(|w| !adnominal(st, w)) {
                return false;
            }
            // `13일 브리핑에서 "… 보내 …"`: a date outside the quote dates the speaking.
            if st.slice(rel, to).contains(['"', '“', '”']) {
                return false;
            }
            // `본회의 당일`, `개막 전날`: a day named by an event noun before it.
            let wi = st.word_from(en.span.start - st.base);
            if wi > 0 && st.words[wi].s == en.span.start - st.base && nouns_only(st, &st.words[wi - 1]) && !st.entities.iter().any(|o| o.kind == DATE && o.span.end == st.base + st.words[wi - 1].e) {
                return false;
            }
            let rest = st.slice(rel, (rel + 3).min(st.chars.len())).trim_start();
            if ["까지", "부터", "내", "안", "중", "이내", "이후", "후", "뒤", "전"].iter().any(|b| rest.starts_with(b)) {
                return false;
            }
            // (`3월 중순 결과를 공개하고 …하겠다` said in November: a month without a year that has
            // ended is next year's, as for a deadline.)
            let text = st.analysis.text(en.span);
            crate::time::parse_date(text, Some(p)).map(|w| yearless_ahead(text, w, Some(p))).and_then(|w| w.last_day()).is_some_and(|d| d <= p)
        })
    }

    /// The word right after the date ending at `de` (absolute) is an adnominal verb before `to`
    /// (relative), and the noun phrase it modifies is no venue marked 에서: the date is that
    /// relative clause's.
    fn dates_adnominal(&self, st: &Sent, de: usize, to: usize) -> bool {
        let rel = de - st.base;
        let j = st.word_from(rel);
        // A verb (`개통하는`, `완공할`), not an adjective (`다른`, `새로운`).
        let verb = |w: &Word| st.word_morphs(w).iter().any(|m| matches!(tag(m), "VV" | "XSV"));
        if !st.words.get(j).is_some_and(|w| w.s >= rel && w.e <= to && adnominal(st, w) && verb(w)) {
            return false;
        }
        for w in st.words[j + 1..].iter().take_while(|w| w.e <= to) {
            if st.has_lemma(w) {
                break;
            }
            // The noun phrase as object, genitive, topic or subject; one marked 에/에서 (`열리는
            // 이사회에서`, `발표할 개정안에는`) is when and where the action is taken.
            if let Some((m, p)) = last_morph_text(st, w).filter(|(_, p)| p.starts_with('J')) {
                return matches!(p, "JKO" | "JKG" | "JKS") || (p.starts_with("JX") && matches!(m, "은" | "는")) && !bare(st, w).contains('에');
            }
        }
        false
    }

    fn point_of_another_clause(&self, st: &Sent, de: usize, to: usize) -> bool {
        st.words.iter().any(|w| w.s + st.base > de && w.e <= to && st.lemma(w).is_some())
    }

    /// A sentence that stops at `~하기로` (a headline or subhead: `대구지법, 전담재판부 1곳 더
    /// 늘리기로`): the decision of `~하기로 했다` with its verb left out. The word is a verb in the
    /// nominal `-기` with `로` (not `5만기로`, a counter), not negated (`하지 않기로`).
    fn elliptic_giro(&self, st: &Sent, k: usize) -> bool {
        let w = &st.words[k];
        let t = bare(st, w);
        let lemma = st.lemma(w).unwrap_or_default();
        t.ends_with("기로")
            && !lemma.is_empty()
            && !self.lex.not_action.contains(&lemma)
            && st.word_morphs(w).iter().any(|m| tag(m) == "ETN")
            && !negated(st, k)
    }

    /// `~하기로 최종 확정했다`, `~하기로 잠정 합의했다`: an adverb-like noun or adverb between the
    /// `~하기로` clause and the verb of deciding. Returns the verb's word when word `v` is such a
    /// word, else `v`.
    fn past_adverb(&self, st: &Sent, v: usize) -> usize {
        let Some(w) = st.words.get(v) else { return v };
        let ms = st.word_morphs(w);
        let adverb = st.lemma(w).is_none() && !ms.is_empty() && ms.iter().all(|m| matches!(tag(m), "NNG" | "MAG")) && !st.word_text(w).ends_with(',');
        match st.words.get(v + 1).and_then(|x| st.lemma(x)) {
            Some(l) if adverb && self.lex.decide_after_giro.contains(&l) => v + 1,
            _ => v,
        }
    }
}

/// `시행령을 고쳐 … 농지 범위도 넓힌다`, `범죄수익도 끝까지 환수하겠다`: a noun marked 도 between the
/// serial verb at `j` and the verb at `next` is that verb's object, right before it or with only
/// adverbs (`끝까지`, `반드시`: no verb, no subject or object particle) between.
fn also_object_before(st: &Sent, j: usize, next: usize) -> bool {
    (j + 1..next).rev().take_while(|&x| x + 1 == next || {
        let w = &st.words[x + 1];
        st.lemma(w).is_none() && !last_morph_text(st, w).is_some_and(|(_, p)| matches!(p, "JKO" | "JKS" | "JKC"))
    }).any(|x| last_morph_text(st, &st.words[x]).is_some_and(|(m, p)| p.starts_with("JX") && m == "도") && noun_of(st, &st.words[x]).is_some())
}

/// A headline or subhead that opens with a name and a comma (`대구지법, 전담재판부 1곳 더 늘리기로`,
/// `日, 방조제 2030년까지 보강`): that organization or person is the subject of what follows.
fn headline_lead(st: &Sent, before: usize) -> Option<String> {
    if !matches!(st.kind, BlockKind::Headline | BlockKind::Subhead) {
        return None;
    }
    let w = st.words.first().filter(|w| w.e <= before && st.word_text(w).ends_with(','))?;
    st.entities
        .iter()
        .find(|en| matches!(en.kind.as_str(), "ORGANIZATION" | "PERSON") && en.span.start == st.base + w.s && en.span.end + 1 >= st.base + w.e)
        .map(|en| en.canonical.clone())
}

/// `교도통신은 일본 정부가 … 보강하기로 했다고 보도했다`, `신문은 정부가 … 검토하고 있다고 전했다`: an
/// indirect quote whose clause names its own subject (marked 이/가, an entity) reports that
/// subject's commitment, not the reporter's. `qs` is where the quote starts, `at` the action word.
fn reported_subject(subjects: &[crate::extract::quotes::Subject], quote: &crate::doc::Quote, qs: usize, at: usize) -> Option<String> {
    if quote.kind != "indirect" {
        return None;
    }
    subjects
        .iter()
        .filter(|s| s.s >= qs && s.pe <= at && !s.topic && !s.generic && !s.anaphor && !s.speaker.is_empty() && s.speaker != quote.speaker)
        .next_back()
        .map(|s| s.speaker.clone())
}

/// `지난달 발표한 계획에 따라`, `시가 세운 방침`: a verb in the past adnominal `-ㄴ/-은` before a plan noun
/// names a plan made before, not one stated now (`~할 계획`, `~하는 방안`, `~한다는 방침` are).
fn past_adnominal(st: &Sent, w: &Word) -> bool {
    let ms = st.word_morphs(w);
    let verb = ms.iter().any(|m| matches!(tag(m), "VV" | "XSV"));
    verb && ms.iter().rev().find(|m| !punct(m)).is_some_and(|m| {
        let a = &m.features.analysis;
        m.features.pos.ends_with("ETM") && (a.contains("ᆫ/ETM") || a.contains("은/ETM") || matches!(st.morph_str(m), "은" | "ㄴ" | "ᆫ"))
    })
}

/// `2월 말까지 신청을 받는다` said in November, `1분기 중 착공한다` said in December: a month, quarter or
/// half-year written without a year that has already ended by the publication date is due in the
/// next year (a deadline lies ahead). Words that name the year or the past (`지난`, `작년`, `올해`,
/// `내년`, `2026년`, `이달`) keep the date as read.
fn yearless_ahead(text: &str, w: crate::time::When, published: Option<crate::doc::Date>) -> crate::time::When {
    use crate::time::When;
    use chrono::Datelike;
    let Some(p) = published else { return w };
    let named = ["년", "올", "작년", "지난", "금년", "이듬해", "이달", "달", "전년"].iter().any(|x| text.contains(x));
    if named || !w.last_day().is_some_and(|d| d < p) {
        return w;
    }
    let next = match w {
        When::Month(y, m) => When::Month(y + 1, m),
        When::Quarter(y, q) => When::Quarter(y + 1, q),
        When::Half(y, h) => When::Half(y + 1, h),
        When::Day(d) if text.contains('월') => match d.with_year(d.year() + 1) {
            Some(n) => When::Day(n),
            None => return w,
        },
        other => return other,
    };
    if next.last_day().is_some_and(|d| d >= p) {
        next
    } else {
        w
    }
}

/// A word of nouns alone (no particle, no verb): `제재` of `제재 검토에`, `매각` of `매각 여부를`.
fn nouns_only(st: &Sent, w: &Word) -> bool {
    let ms = st.word_morphs(w);
    !ms.is_empty() && ms.iter().all(|m| matches!(tag(m), "NNG" | "NNP" | "SL")) && !st.word_text(w).ends_with(',')
}

/// `검토한 적이 없다`, `검토한 바 없다`, `검토한 적도 있다`: an experience reported or denied with
/// an adnominal and `적`/`바`, no commitment.
fn experienced(st: &Sent, k: usize) -> bool {
    adnominal(st, &st.words[k])
        && st.words.get(k + 1).is_some_and(|x| matches!(bare(st, x), "적" | "적이" | "적도" | "적은" | "바" | "바가" | "바는" | "바도"))
}

/// `2025~2027년 3년간`, `내년 한 해 동안`: a duration right after a date (spaces only between) restates
/// that date's period; the date, not the duration counted from the report, is the deadline.
fn restates_period(st: &Sent, dates: &[(usize, usize, &str)], i: usize) -> bool {
    let Some(&(_, pe, pkind)) = i.checked_sub(1).and_then(|p| dates.get(p)) else { return false };
    let (qs, qe, _) = dates[i];
    if pkind != DATE || pe >= qs || !st.text(pe - st.base, qs - st.base).chars().all(|c| c == ' ') {
        return false;
    }
    let qtext = st.analysis.text(crate::doc::Span::new(qs, qe));
    let rest: String = st.chars[qe - st.base..].iter().take(3).collect();
    duration_parts(qtext).is_some() && (qtext.ends_with('간') || rest.starts_with('간') || rest.trim_start().starts_with("동안"))
}

/// Word `w` (its text `t`, without punctuation) ends a condition clause: `안정화 되는대로`, `여는
/// 대로`, `확보되면`, `~할 경우`, `~을 전제로` (not `이르면`, `빠르면`, `~에 따르면`, `~라면`).
fn condition_word(st: &Sent, w: &Word, t: &str) -> bool {
    t.ends_with("대로")
        || (t.ends_with('면') && st.has_lemma(w) && !t.ends_with("라면") && !t.ends_with("따르면") && !matches!(t.trim_start_matches(['"', '“', '\'', '‘']), "이르면" | "빠르면"))
        || t.starts_with("경우")
        || t == "전제로"
}

/// `병원 노사`: the organization the word before `노사` stands for (`병원` → 청람대학교병원) and
/// its union named in the document (`청람대학교병원 노동조합`), joined; none without both.
fn management_and_union(word: &str, pos: usize, orgs: &[(usize, &str)], generic: &GenericOrgs) -> Option<String> {
    let org = orgs.iter().find(|o| o.1 == word).map(|o| o.1.to_string()).or_else(|| org_by_head(word, pos, orgs).map(str::to_string)).or_else(|| generic.resolve(word, pos))?;
    let union = orgs.iter().find(|o| o.1.len() > org.len() && o.1.starts_with(org.as_str()) && (o.1.ends_with("노동조합") || o.1.ends_with("노조")))?;
    Some(format!("{org};{}", union.1))
}

/// `두 기관`, `세 은행`, `양 기관`, `양측`, `양사`, `노사`, `이들`: a phrase that names bodies or
/// people together by their number or as the two sides, without naming them.
fn counted_group(phrase: &str) -> bool {
    let p = phrase.trim();
    matches!(p, "양측" | "양사" | "양국" | "양자" | "노사" | "이들" | "두 사람" | "세 사람")
        || p.ends_with(" 노사")
        || p.split_once(' ').is_some_and(|(d, n)| matches!(d, "두" | "세" | "네" | "양") && !n.is_empty() && n.chars().all(crate::extract::quotes::is_hangul))
}

/// Word `xi`, ending with the particle `m`, is the head of a [`counted_group`] (`두 기관은`,
/// `양측은`), read without a copy.
fn counted_word(st: &Sent, xi: usize, m: &str) -> bool {
    let x = &st.words[xi];
    let head = st.slice(x.s, x.e - m.chars().count());
    if head.is_empty() || !head.chars().all(crate::extract::quotes::is_hangul) {
        return false;
    }
    counted_group(head) || head == "여야" || (xi > 0 && matches!(st.word_str(&st.words[xi - 1]), "두" | "세" | "네" | "양"))
}

/// `여야는`: the two parties (organizations whose name ends in 당, not the words 여당, 야당) named
/// last before code point `pos`, in the order the text names them.
fn parties_before(entities: &[crate::doc::Entity], pos: usize) -> Option<String> {
    let mut last: Vec<(usize, &str)> = Vec::new();
    for e in entities.iter().filter(|e| e.kind == "ORGANIZATION" && e.span.start < pos && e.canonical.ends_with('당') && !matches!(e.canonical.as_str(), "여당" | "야당" | "정당")) {
        last.retain(|x| x.1 != e.canonical.as_str());
        last.push((e.span.start, e.canonical.as_str()));
    }
    (last.len() >= 2).then(|| format!("{};{}", last[last.len() - 2].1, last[last.len() - 1].1))
}

/// `매년 1월`, `해마다 3월`, `매달 15일`: the date at code point `ds` (absolute) follows a word of
/// recurrence, so it names a time that comes back, not when an action is due.
fn recurring(st: &Sent, ds: usize) -> bool {
    let before = st.slice(0, ds - st.base).trim_end();
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    matches!(word, "매년" | "매해" | "해마다" | "매달" | "매월" | "달마다" | "매주" | "주마다" | "매일" | "격년" | "격월")
}

/// `연 12일에서 18일로`, `주 3일에서 5일로`, `하루 2일`: the DATE `ds..de` is a bare day (`18일`) that
/// ends a change (`…일에서 18일로`), starts one (`12일에서`) or follows a word of frequency or
/// extent (`연`, `주`, `매월`, `최대`): a count of days.
fn counted_days(st: &Sent, ds: usize, de: usize, text: &str) -> bool {
    if !text.strip_suffix('일').is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit())) {
        return false;
    }
    let (rs, re) = (ds - st.base, de - st.base);
    let next = st.slice(re, (re + 2).min(st.chars.len()));
    let before = st.slice(rs.saturating_sub(8), rs).trim_end();
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    next.starts_with("에서")
        || ((next.starts_with('로') || next.starts_with("으로")) && before.ends_with("일에서"))
        || matches!(last, "연" | "주" | "매주" | "매월" | "매달" | "하루" | "최대" | "최장" | "최소")
}

#[cfg(test)]
mod tests {
    use crate::doc::{Document, Meta};
    use crate::resources::DataFiles;
    use crate::Pipeline;

    /// (action, modality, actor, deadline, object, condition) of every commitment of a text,
    /// published 2022-10-19 unless `published` is false.
    fn commitments(text: &str, published: bool) -> Vec<(String, String, String, String, String, String)> {
        let p = Pipeline::new(DataFiles::embedded()).unwrap();
        let date = if published { chrono::NaiveDate::from_ymd_opt(2022, 10, 19) } else { None };
        let meta = Meta { published: date, ..Meta::default() };
        let doc = Document { id: "t".into(), source: "t".into(), text: text.into(), meta, warnings: vec![] };
        let a = p.analyze(doc).unwrap();
        a.commitments
            .iter()
            .map(|c| (c.action.clone(), c.modality.clone(), c.actor.clone(), c.deadline.clone(), c.object.clone(), c.condition.clone()))
            .collect()
    }

    fn find<'a>(cs: &'a [(String, String, String, String, String, String)], action: &str) -> &'a (String, String, String, String, String, String) {
        cs.iter().find(|c| c.0 == action).unwrap_or_else(|| panic!("no {action} in {cs:?}"))
    }

    /// (action, modality, actor, deadline_text, deadline, condition) of every commitment of a text
    /// published on `date` (YYYY-MM-DD).
    fn on(text: &str, date: &str) -> Vec<(String, String, String, String, String, String)> {
        let p = Pipeline::new(DataFiles::embedded()).unwrap();
        let meta = Meta { published: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(), ..Meta::default() };
        let doc = Document { id: "t".into(), source: "t".into(), text: text.into(), meta, warnings: vec![] };
        let a = p.analyze(doc).unwrap();
        a.commitments.iter().map(|c| (c.action.clone(), c.modality.clone(), c.actor.clone(), c.deadline_text.clone(), c.deadline.clone(), c.condition.clone())).collect()
    }

    /// The object is the whole noun phrase before `을/를`: an adnominal verb that acts as a
    /// postposition brings its argument with it, a relative verb its object; a time noun ends it.
    #[test]
    fn objects_keep_the_argument_of_their_adnominal_verbs() {
        let table: &[(&str, &str, &str)] = &[
            ("도는 침수 피해를 입은 모든 농가에 대한 지원 기준을 마련하겠다고 밝혔다.", "마련", "침수 피해를 입은 모든 농가에 대한 지원 기준"),
            ("구청은 주민의 소득을 늘리기 위한 일자리 사업을 추진하기로 했다.", "추진", "주민의 소득을 늘리기 위한 일자리 사업"),
            ("시는 장애인을 위한 전용 주차장을 만들 계획이다.", "만들", "장애인을 위한 전용 주차장"),
            ("회사는 개인정보 보호와 관련한 내부 규정을 고치겠다고 말했다.", "고치", "개인정보 보호와 관련한 내부 규정"),
            ("교육청은 학교 폭력에 관한 조사 결과를 다음 달 공개할 방침이다.", "공개", "학교 폭력에 관한 조사 결과"),
            ("시는 시민들에게 깨끗한 물을 공급하겠다고 밝혔다.", "공급", "깨끗한 물"),
            ("공사는 터널 보강을 마친 뒤 열차 운행을 재개하기로 했다.", "재개", "열차 운행"),
            ("시는 환경부와 함께 두 하천을 잇는 산책로를 만들기로 했다.", "만들", "두 하천을 잇는 산책로"),
            ("구단은 다음 시즌 시즌권 할인 혜택을 늘리겠다고 밝혔다.", "늘리", "다음 시즌 시즌권 할인 혜택"),
            ("회사는 전 직원의 임금을 올리기로 했다.", "올리", "전 직원의 임금"),
            ("위원회는 가장 무거운 처분을 내리기로 했다.", "내리", "가장 무거운 처분"),
            ("회사는 무료 회원 보상 방안도 검토하고 있다.", "보상", ""),
            ("군은 농가 지원 방안을 검토하기로 했다.", "지원", ""),
        ];
        for (text, action, object) in table {
            let cs = commitments(text, true);
            assert_eq!(find(&cs, action).4, *object, "{text}");
        }
    }

    /// A verb that opens a relative clause with no object of its own is no coordinated action; one
    /// with its own object is.
    #[test]
    fn a_verb_inside_a_relative_clause_is_no_coordinated_action() {
        let cs = commitments("시는 \"주민들이 안심하고 편하게 공원을 이용할 수 있는 환경을 만들겠다\"고 말했다.", true);
        assert!(cs.iter().any(|c| c.0 == "만들"), "{cs:?}");
        assert!(!cs.iter().any(|c| c.0 == "안심"), "{cs:?}");
        let cs = commitments("시는 \"낡은 시설을 점검하고 두 마을을 잇는 도로를 만들겠다\"고 말했다.", true);
        assert!(cs.iter().any(|c| c.0 == "점검"), "{cs:?}");
        assert!(cs.iter().any(|c| c.0 == "만들"), "{cs:?}");
    }

    /// Korean deadline expressions as news writes them, each in a sentence of its own, with the
    /// publication date and the deadline the README/GUIDELINES convention gives (empty: no date).
    #[test]
    fn deadline_expressions_as_news_writes_them() {
        // (published, sentence, action, deadline)
        let table: &[(&str, &str, &str, &str)] = &[
            ("2024-05-14", "군청은 올해 말까지 마을 정자 12곳을 고치기로 했다.", "고치", "2024-12-31"),
            ("2024-05-14", "군청은 연말까지 마을 정자 12곳을 고치기로 했다.", "고치", "2024-12-31"),
            ("2024-05-14", "군청은 연내 마을 정자 12곳을 고치기로 했다.", "고치", "2024"),
            ("2024-05-14", "군청은 올해 안에 마을 정자 12곳을 고치기로 했다.", "고치", "2024"),
            ("2024-05-14", "군청은 이달 말 마을 정자 12곳을 고치기로 했다.", "고치", "2024-05-31"),
            ("2024-05-14", "군청은 이달 중 마을 정자 12곳을 고치기로 했다.", "고치", "2024-05"),
            ("2024-05-14", "군청은 다음 달 중순 마을 정자 12곳을 고치기로 했다.", "고치", "2024-06"),
            ("2024-05-14", "군청은 내달 초 마을 정자 12곳을 고치기로 했다.", "고치", "2024-06"),
            ("2024-05-14", "군청은 내년 초 마을 정자 12곳을 고치기로 했다.", "고치", "2025-01"),
            ("2024-05-14", "군청은 내년 상반기 중 마을 정자 12곳을 고치기로 했다.", "고치", "2025-H1"),
            ("2024-05-14", "군청은 2026년 하반기 마을 정자 12곳을 고치기로 했다.", "고치", "2026-H2"),
            ("2024-05-14", "군청은 3분기 중 마을 정자 12곳을 고치기로 했다.", "고치", "2024-Q3"),
            ("2024-05-14", "군청은 오는 2030년까지 마을 정자 12곳을 고치기로 했다.", "고치", "2030"),
            ("2024-05-14", "군청은 2029년 동계체전 개최 1년 전까지 빙상장을 고치기로 했다.", "고치", "2028"),
            ("2024-05-14", "군청은 2027년 3월 개교 6개월 전까지 통학로를 고치기로 했다.", "고치", "2026-09"),
            ("2024-05-14", "군청은 개관 1년 전까지 운영 인력을 뽑기로 했다.", "뽑", ""),
            ("2024-05-14", "군청은 임기 내 마을 정자 12곳을 고치기로 했다.", "고치", ""),
            ("2024-05-14", "군청은 한 달 안에 마을 정자 12곳을 고치기로 했다.", "고치", "2024-06-14"),
            ("2024-05-14", "군청은 설 연휴 전 마을 정자 12곳을 고치기로 했다.", "고치", "2025-01-27"),
            ("2024-05-14", "군청은 추석 전까지 마을 정자 12곳을 고치기로 했다.", "고치", "2024-09-15"),
            ("2024-05-14", "군청은 향후 5년간 마을 정자 120곳을 고치기로 했다.", "고치", "2029-05-14"),
            ("2024-05-14", "군청은 2025년 1월부터 마을 정자 12곳을 고치기로 했다.", "고치", ""),
            ("2024-05-14", "군청은 조속히 마을 정자 12곳을 고치기로 했다.", "고치", ""),
            ("2024-05-14", "군청은 가능한 빨리 마을 정자 12곳을 고치기로 했다.", "고치", ""),
        ];
        for (date, text, action, due) in table {
            let cs = on(text, date);
            let c = cs.iter().find(|c| c.0 == *action).unwrap_or_else(|| panic!("no {action} in {text}: {cs:?}"));
            assert_eq!(c.4, *due, "{text} (published {date}): {cs:?}");
        }
        // Vague and event-named deadlines keep their words with no date.
        for (text, words) in [
            ("군청은 조속히 마을 정자 12곳을 고치기로 했다.", "조속히"),
            ("군청은 가능한 빨리 마을 정자 12곳을 고치기로 했다.", "가능한 빨리"),
            ("군청은 임기 내 마을 정자 12곳을 고치기로 했다.", "임기 내"),
            ("군청은 개관 1년 전까지 운영 인력을 뽑기로 했다.", "개관 1년 전까지"),
        ] {
            let cs = on(text, "2024-05-14");
            assert!(cs.iter().any(|c| c.3 == words && c.4.is_empty()), "{text}: {cs:?}");
        }
    }

    #[test]
    fn a_duration_after_a_condition_counts_from_its_event() {
        let cs = on("박 후보는 \"당선되면 한 달 안에 청년정책국을 만들겠다\"고 말했다.", "2024-05-14");
        let c = find_on(&cs, "만들");
        assert_eq!((c.1.as_str(), c.3.as_str(), c.4.as_str(), c.5.as_str()), ("promise", "한 달 안에", "", "당선되면"), "{cs:?}");
        let cs = on("군청은 예산이 확보되면 3개월 안에 보수 공사를 마치기로 했다.", "2024-05-14");
        assert_eq!(find_on(&cs, "마치").4, "", "{cs:?}");
        // `~는 대로` keeps the count from the report (the README's example).
        let cs = on("군청은 예산이 확보되는 대로 3개월 안에 보수 공사를 마치기로 했다.", "2024-05-14");
        assert_eq!(find_on(&cs, "마치").4, "2024-08-14", "{cs:?}");
    }

    fn find_on<'a>(cs: &'a [(String, String, String, String, String, String)], action: &str) -> &'a (String, String, String, String, String, String) {
        cs.iter().find(|c| c.0 == action).unwrap_or_else(|| panic!("no {action} in {cs:?}"))
    }

    #[test]
    fn a_date_opening_a_chain_without_a_comma_is_shared() {
        // The date opens the chain before the first object, no comma: both actions are due.
        let cs = on("군청은 내년까지 복지관을 짓고 경로당 30곳을 확충하기로 했다.", "2024-05-14");
        assert_eq!(find_on(&cs, "짓").4, "2025", "{cs:?}");
        assert_eq!(find_on(&cs, "확충").4, "2025", "{cs:?}");
        // After a comma, inside the first clause after its object, or as the extent of a verb
        // that runs until it, the date is not the next action's.
        let cs = on("군청은 내년까지 복지관을 짓고, 경로당 30곳을 확충하기로 했다.", "2024-05-14");
        assert_eq!(find_on(&cs, "확충").4, "", "{cs:?}");
        let cs = on("군청은 복지관 공사를 내년까지 마치고 경로당 30곳을 확충하기로 했다.", "2024-05-14");
        assert_eq!(find_on(&cs, "확충").4, "", "{cs:?}");
        let cs = on("여행사는 다음 달 말까지 유럽 상품 판매를 미루고 계약금을 돌려주기로 했다.", "2024-05-14");
        assert_eq!(find_on(&cs, "돌려주").4, "", "{cs:?}");
    }

    #[test]
    fn meeting_someone_is_a_plan_and_a_promise_asked_for_is_none() {
        // With an object, 만나 is the agent's act; without one (a fixture), an event.
        let cs = on("교육부는 다음 주 금요일에 학부모 대표들을 만날 예정이다.", "2026-03-04");
        let c = find_on(&cs, "만나");
        assert_eq!((c.1.as_str(), c.4.as_str()), ("plan", "2026-03-13"), "{cs:?}");
        let cs = on("두 팀은 다음 주 결승에서 만날 예정이다.", "2026-03-04");
        assert!(cs.is_empty(), "{cs:?}");
        // `~하겠다는 약속을 받다/요구하다`: somebody else's promise.
        let cs = on("주민들은 \"시가 소음을 줄이겠다는 약속을 말이 아니라 문서로 받아야 한다\"고 말했다.", "2026-03-04");
        assert!(cs.is_empty(), "{cs:?}");
        let cs = on("시장은 \"소음을 줄이겠다는 약속을 반드시 지키겠다\"고 말했다.", "2026-03-04");
        assert!(cs.iter().any(|c| c.0 == "지키"), "{cs:?}");
    }

    #[test]
    fn goals_without_a_particle_and_chains_before_a_plan_noun() {
        let cs = on("군청은 2027년 개통 목표로 산악열차를 건설하기로 했다.", "2024-05-14");
        let g = find_on(&cs, "개통");
        assert_eq!((g.1.as_str(), g.4.as_str()), ("plan", "2027"), "{cs:?}");
        assert_eq!(find_on(&cs, "건설").4, "", "the goal's date is its own row's: {cs:?}");
        let cs = on("군청은 체육관을 새로 짓는다. 새 체육관은 이르면 내년 하반기 착공해 2028년 준공 예정이다.", "2024-05-14");
        let c = find_on(&cs, "착공");
        assert_eq!((c.1.as_str(), c.2.as_str(), c.4.as_str()), ("plan", "군청", "2025-H2"), "{cs:?}");
        assert_eq!(find_on(&cs, "준공").4, "2028", "{cs:?}");
    }

    #[test]
    fn idioms_of_deciding_and_of_undergoing() {
        let cs = on("교육부는 4분기 중 대입 수시 비율을 낮추기로 가닥을 잡았다.", "2024-05-14");
        let c = find_on(&cs, "낮추");
        assert_eq!((c.1.as_str(), c.4.as_str()), ("decision", "2024-Q4"), "{cs:?}");
        let cs = on("교육부는 대입 제도를 바꾸기로 했다. 한편 김 장관은 잦은 제도 변경으로 학부모들의 비판을 받는다.", "2024-05-14");
        assert!(!cs.iter().any(|c| c.0 == "받"), "{cs:?}");
    }

    #[test]
    fn clauses_dated_on_or_before_the_report_are_done() {
        // The announcement of the report day and a meeting already held are acts done; the decision
        // that follows them keeps its own deadline.
        let cs = on("시는 14일 이런 내용의 교통 대책을 발표하고 버스 노선을 늘리기로 했다.", "2024-05-14");
        assert!(!cs.iter().any(|c| c.0 == "발표"), "{cs:?}");
        assert_eq!(find_on(&cs, "늘리").4, "", "{cs:?}");
        let cs = on("군은 지난 10일 주민 설명회를 열고 다음 달 배수로 공사를 시작하기로 했다.", "2024-05-14");
        assert!(!cs.iter().any(|c| c.0 == "열"), "{cs:?}");
        assert_eq!(find_on(&cs, "시작").4, "2024-06", "{cs:?}");
        // A meeting still to come is a commitment of its own.
        let cs = on("재단은 오는 25일 이사회를 열고 장학금을 늘리기로 했다.", "2024-05-14");
        assert_eq!(find_on(&cs, "열").4, "2024-05-25", "{cs:?}");
        // A day named by an event (`총회 당일`) and a date of the speaking outside a quote date no
        // clause as done.
        let cs = on("노조는 총회 당일 시청 앞에서 집회를 열고 서명부를 전달할 계획이다.", "2024-05-14");
        assert!(cs.iter().any(|c| c.0 == "열"), "{cs:?}");
        let cs = on("김 실장은 14일 브리핑에서 \"장비를 먼저 보내 오늘 안에 길을 모두 열겠다\"고 밝혔다.", "2024-05-14");
        assert!(cs.iter().any(|c| c.0 == "보내"), "{cs:?}");
    }

    #[test]
    fn a_date_before_an_adnominal_verb_is_that_clauses() {
        let cs = on("시는 다음 달 개통하는 도로의 제한속도를 낮추기로 했다.", "2024-05-14");
        assert_eq!(find_on(&cs, "낮추").4, "", "{cs:?}");
        // An adjective (`다른`) is no clause of its own; a document to come holds the action.
        let cs = on("노조는 다음 달 중 다른 지역 조합원 50명을 모아 소송을 낼 계획이다.", "2024-05-14");
        assert_eq!(find_on(&cs, "내").4, "2024-06", "{cs:?}");
        let cs = on("정부는 이달 말 발표할 개정안에는 세액공제 확대 방안을 담기로 했다.", "2024-05-14");
        assert_eq!(find_on(&cs, "담").4, "2024-05-31", "{cs:?}");
        let cs = on("시는 오는 12월 완공하는 다리의 이름을 공모하기로 했다.", "2024-05-14");
        assert_eq!(find_on(&cs, "공모").4, "", "{cs:?}");
        // The venue where the action is taken dates it.
        let cs = on("도는 다음 달 열리는 이사회에서 요금 인상 여부를 결정할 예정이다.", "2024-05-14");
        assert_eq!(find_on(&cs, "결정").4, "2024-06", "{cs:?}");
        // `추진 중형`: 추진 before a noun that begins with 중 is no progressive plan.
        let cs = on("회사는 수소 추진 중형 여객선을 내년 출시하고, 전기 추진 대형 화물선은 2029년까지 개발을 마칠 예정이다.", "2024-05-14");
        assert!(!cs.iter().any(|c| c.0 == "추진"), "{cs:?}");
    }

    #[test]
    fn press_release_leads_and_pluperfect_reports() {
        // The report day's announcement of a plan `담은` its content is done; the action after it stays.
        let cs = on("시는 14일 이 같은 내용을 담은 교통 대책을 내놓고 연말까지 버스 50대를 늘리기로 했다.", "2024-05-14");
        assert!(!cs.iter().any(|c| c.0 == "내놓"), "{cs:?}");
        assert_eq!(find_on(&cs, "늘리").4, "2024-12-31", "{cs:?}");
        // A date that is the adnominal verb's own does not make the action done.
        let cs = on("구는 지난해 발표한 계획에 따라 공원을 넓히고 주차장을 짓기로 했다.", "2024-05-14");
        assert!(cs.iter().any(|c| c.0 == "넓히"), "{cs:?}");
        let cs = on("정부는 2023년까지 다리를 완공하겠다고 했었다.", "2024-05-14");
        assert!(cs.is_empty(), "{cs:?}");
    }

    #[test]
    fn a_bangan_acted_on_after_a_partner_is_no_plan() {
        let cs = on("시 관계자는 \"요금을 내년부터 내리는 방안을 도와 협의하고 있다\"며 \"결과는 연말까지 공개하겠다\"고 말했다.", "2024-05-14");
        assert!(!cs.iter().any(|c| c.0 == "내리"), "{cs:?}");
        assert_eq!(find_on(&cs, "공개").4, "2024-12-31", "{cs:?}");
    }

    #[test]
    fn counted_days_are_no_days_of_the_month() {
        let cs = on("복지관은 올해 하반기 중 운영일을 주 3일에서 5일로 늘리기로 했다.", "2024-05-14");
        assert_eq!(find_on(&cs, "늘리").4, "2024-H2", "{cs:?}");
        let cs = on("구청은 육아휴가를 연 10일에서 15일로 늘리기로 했다.", "2024-05-14");
        assert_eq!(find_on(&cs, "늘리").4, "", "{cs:?}");
    }

    #[test]
    fn an_object_of_an_adnominal_verb_is_not_the_next_verbs() {
        let cs = on("시는 버스 노선을 조정하기로 했다. 출퇴근 시간대 시민을 위한 배차도 늘어난다.", "2024-05-14");
        assert!(!cs.iter().any(|c| c.0.starts_with("늘어")), "{cs:?}");
    }

    #[test]
    fn plan_statements_with_geotda_and_auxiliary_pairs() {
        let cs = on("교육부는 기숙사 운영을 대학에 맡기겠다는 구상이다. 교육부는 통학 지원을 이어가겠다는 입장이다. 교육부는 장학금을 늘리겠다는 계획도 밝혔다.", "2024-05-14");
        assert_eq!(find_on(&cs, "맡기").1, "plan", "{cs:?}");
        assert_eq!(find_on(&cs, "이어가").1, "promise", "{cs:?}");
        assert_eq!(find_on(&cs, "늘리").1, "plan", "{cs:?}");
        let cs = on("박 장관은 \"달라진 학교를 임기 안에 꼭 보여드리겠다\"고 말했다.", "2024-05-14");
        let c = find_on(&cs, "보여드리");
        assert_eq!((c.1.as_str(), c.3.as_str(), c.4.as_str()), ("promise", "임기 안에", ""), "{cs:?}");
    }

    #[test]
    fn passive_schedules_and_a_bangan_acted_on_are_no_plans_of_their_own() {
        let cs = on("교육부는 시행령을 고치기로 했다. 개정안은 다음 달 국무회의에 상정될 예정이다. 설명회는 오는 20일 열릴 예정이다.", "2024-05-14");
        assert!(!cs.iter().any(|c| c.0 == "상정" || c.0 == "열리"), "{cs:?}");
        let cs = on("교육부는 다음 달 사립대 등록금 부담을 낮춰주는 방안을 발표할 예정이다.", "2024-05-14");
        assert!(!cs.iter().any(|c| c.0.starts_with("낮추")), "{cs:?}");
        assert_eq!(find_on(&cs, "발표").4, "2024-06", "{cs:?}");
    }

    #[test]
    fn a_measure_noun_is_no_subject_and_a_generic_topic_is_the_local_government() {
        let cs = on("울주군은 체육공원을 조성하기로 했다. 높이 40m의 전망대는 다음 달 착공한다. 군은 연말까지 진입로를 넓힐 계획이다.", "2024-05-14");
        let c = find_on(&cs, "착공");
        assert_eq!((c.1.as_str(), c.2.as_str(), c.4.as_str()), ("decision", "울주군", "2024-06"), "{cs:?}");
        assert_eq!(find_on(&cs, "넓히").2, "울주군", "{cs:?}");
    }

    #[test]
    fn a_clock_time_after_the_date_refines_the_deadline() {
        let cs = commitments("경찰은 오는 24일 오후 3시 관계 기관과 합동 감식을 벌일 예정이다.", true);
        let c = cs.iter().find(|c| c.1 == "plan").unwrap_or_else(|| panic!("{cs:?}"));
        assert_eq!(c.3, "2022-10-24T15:00", "{cs:?}");
        let cs = commitments("경찰은 오는 24일 관계 기관과 합동 감식을 벌일 예정이다.", true);
        let c = cs.iter().find(|c| c.1 == "plan").unwrap_or_else(|| panic!("{cs:?}"));
        assert_eq!(c.3, "2022-10-24", "{cs:?}");
    }

    #[test]
    fn coordinated_decisions_share_the_cue() {
        let cs = commitments("한빛전자는 내년에 충남 천안 공장을 완공하고, 2024년 평택에 연구소를 착공하는 등 생산 거점을 넓히기로 했다.", true);
        let wan = find(&cs, "완공");
        assert_eq!((wan.1.as_str(), wan.2.as_str(), wan.3.as_str()), ("decision", "한빛전자", "2023"), "{cs:?}");
        assert_eq!(wan.4, "충남 천안 공장");
        assert_eq!(find(&cs, "착공").3, "2024", "{cs:?}");
        assert_eq!(find(&cs, "넓히").1, "decision");
    }

    #[test]
    fn promise_in_a_quote_belongs_to_the_speaker() {
        let cs = commitments("박지훈 한빛전자 대표는 \"설비가 안정되는 대로 2개월 내에 점검 체계를 구축하겠다\"고 말했다.", true);
        let c = find(&cs, "구축");
        assert_eq!((c.1.as_str(), c.2.as_str(), c.3.as_str(), c.4.as_str()), ("promise", "박지훈", "2022-12-19", "점검 체계"), "{cs:?}");
        assert!(c.5.contains("안정되는 대로"), "{cs:?}");
    }

    #[test]
    fn plans_reviews_and_deadlines() {
        let cs = commitments(
            "국토교통부는 연말까지 전국 현장을 점검할 계획이다. 국토부는 감리 제도 개편을 검토하고 있다. 또 내년 상반기 안전 기준을 새로 마련한다는 방침을 밝혔다. 국토부는 다음 달 현장 설명회를 열기로 했다. 국토부는 오는 30일 결과를 공개하겠다고 밝혔다.",
            true,
        );
        let c = find(&cs, "점검");
        assert_eq!((c.1.as_str(), c.2.as_str(), c.3.as_str()), ("plan", "국토교통부", "2022-12-31"), "{cs:?}");
        assert_eq!(find(&cs, "개편").1, "review", "{cs:?}");
        let m = find(&cs, "마련");
        assert_eq!((m.1.as_str(), m.3.as_str()), ("plan", "2023-H1"), "{cs:?}");
        assert_eq!(find(&cs, "열").3, "2022-11", "{cs:?}");
        assert_eq!(find(&cs, "공개").3, "2022-10-30", "{cs:?}");
    }

    #[test]
    fn traps_are_not_commitments() {
        let cs = commitments(
            "한빛전자는 지난해 공장을 완공했다. 업계는 한빛전자가 내년 공장을 증설할 것으로 보인다고 전했다. 회사는 인력을 줄일 계획은 없다고 밝혔다. 박 대표는 \"가격을 올리지 않겠다\"고 말했다. 정말 공장을 지을 것인가? 결과가 나오려면 시간이 걸릴 것 같다.",
            true,
        );
        assert!(cs.is_empty(), "{cs:?}");
    }

    #[test]
    fn stems_as_written_and_auxiliary_verbs() {
        let cs = commitments("박 대표는 \"해외 거점을 넓혀 나가겠다\"며 \"개발에도 속도를 내겠다\"고 말했다.", true);
        assert_eq!(find(&cs, "넓혀 나가").1, "promise", "{cs:?}");
        assert_eq!(find(&cs, "내").1, "promise", "{cs:?}");
        let cs = commitments("군청은 마을마다 쉼터를 새로 만드는 방안을 검토하고 있다.", true);
        assert_eq!(find(&cs, "만들").1, "review", "the governing verb decides: {cs:?}");
    }

    #[test]
    fn drive_verbs_are_the_action_or_give_way_to_the_clause() {
        let cs = commitments("구청은 골목 주차장 확충에 나선다.", true);
        assert_eq!(find(&cs, "나서").1, "decision", "{cs:?}");
        assert!(!cs.iter().any(|c| c.0 == "확충"), "{cs:?}");
        let cs = commitments("시는 심야 버스 노선을 늘리는 방안을 추진한다.", true);
        assert_eq!(find(&cs, "늘리").1, "decision", "{cs:?}");
        assert!(!cs.iter().any(|c| c.0 == "추진"), "{cs:?}");
    }

    #[test]
    fn a_date_before_a_serial_chain_is_shared() {
        let cs = commitments("협회는 다음 달 중 회원 200명을 모아 집단 소송을 낼 계획이다.", true);
        assert_eq!(find(&cs, "모으").3, "2022-11", "{cs:?}");
        assert_eq!(find(&cs, "내").3, "2022-11", "{cs:?}");
        let cs = commitments("공단은 다음 달 현장 인력을 불러 안전 수칙을 지켰는지 조사할 계획이다.", true);
        assert_eq!(find(&cs, "조사").3, "2022-11", "{cs:?}");
        assert!(!cs.iter().any(|c| c.0 == "부르"), "one object for both verbs, one action: {cs:?}");
    }

    #[test]
    fn a_date_inside_an_earlier_clause_is_not_shared() {
        // `찾도록` ends a clause between the date and the action.
        let cs = commitments("구청은 연말까지 안내 책자를 새로 펴내고, 주민들이 쉽게 찾도록 상담 창구를 운영한다.", true);
        assert_eq!(find(&cs, "운영").3, "", "{cs:?}");
        let cs = commitments("구청은 연말까지 안내 책자를 새로 펴내고, 상담 창구를 운영한다.", true);
        assert_eq!(find(&cs, "펴내").3, "2022-12-31", "{cs:?}");
        assert_eq!(find(&cs, "운영").3, "", "{cs:?}");
    }

    #[test]
    fn a_dated_clause_before_dwi_is_an_action() {
        let cs = commitments("교육청은 내년 3월 1학년을 대상으로 먼저 시행한 뒤 2024년까지 전 학년으로 넓히기로 했다.", true);
        assert_eq!(find(&cs, "시행").3, "2023-03", "{cs:?}");
        assert_eq!(find(&cs, "넓히").3, "2024", "{cs:?}");
        let cs = commitments("검찰은 판결문을 검토한 뒤 항소할 방침이다.", true);
        assert!(!cs.iter().any(|c| c.0 == "판결문" || c.0 == "검토"), "{cs:?}");
        assert_eq!(find(&cs, "항소").1, "plan", "{cs:?}");
    }

    #[test]
    fn past_and_broken_promises_questions_and_former_plans() {
        let cs = commitments(
            "시는 2019년에도 과학관을 짓겠다고 발표했지만 예산을 확보하지 못했다. 누가 그 길로 가겠나. 처음에는 모두 공원으로 만들겠다더니 말을 바꿨다. 공사는 올해 말 끝날 예정이었으나 늦어졌다.",
            true,
        );
        assert!(cs.is_empty(), "{cs:?}");
    }

    #[test]
    fn budget_years_relational_verbs_and_yearless_halves() {
        let cs = commitments("구청은 \"내년 예산에 설계비를 반영하겠다\"고 밝혔다.", true);
        assert_eq!(find(&cs, "반영").3, "", "the year of a budget is no deadline: {cs:?}");
        let cs = commitments("감독은 오는 27일 결승전을 앞두고 선수 일부를 교체하기로 했다.", true);
        assert_eq!(find(&cs, "교체").3, "2022-10-27", "{cs:?}");
        let cs = commitments("공단은 내년 상반기 설계를 마친 뒤 하반기에 착공하기로 했다.", true);
        assert_eq!(find(&cs, "착공").3, "2023-H2", "{cs:?}");
    }

    #[test]
    fn serial_verbs_with_dates_of_their_own_and_nominalized_purposes() {
        let cs = commitments("회사는 다음 달 공사를 시작해 2024년 상반기까지 마무리하고, 세 번째 부지를 확보하기로 했다.", true);
        assert_eq!(find(&cs, "시작").3, "2022-11", "{cs:?}");
        assert_eq!(find(&cs, "마무리").3, "2024-H1", "{cs:?}");
        assert_eq!(find(&cs, "확보").3, "", "{cs:?}");
        let cs = commitments("시는 주민 의견을 모아 다음 달 중 설계안을 확정하기로 했다.", true);
        assert_eq!(find(&cs, "모으").3, "", "{cs:?}");
        assert_eq!(find(&cs, "확정").3, "2022-11", "{cs:?}");
        let cs = commitments("교육청은 강사 300명을 내년 상반기까지 확보하고, 업무 부담을 덜기 위해 상담 센터를 설치할 예정이다.", true);
        assert_eq!(find(&cs, "확보").3, "2023-H1", "{cs:?}");
        assert_eq!(find(&cs, "설치").1, "plan", "{cs:?}");
        let cs = commitments("회사는 3개월 내에 제품의 80%를 회수하는 것을 목표로 하고 있다.", true);
        assert_eq!(find(&cs, "회수").3, "2023-01-19", "{cs:?}");
    }

    #[test]
    fn single_quoted_terms_stay_inside_the_clause() {
        let cs = commitments("군 관계자는 \"다음 달까지 '온동네' 버스를 5대로 늘리고, 어르신을 위해 전화 예약 제도를 도입하겠다\"고 말했다.", true);
        assert_eq!(find(&cs, "늘리").3, "2022-11", "{cs:?}");
        assert_eq!(find(&cs, "도입").3, "", "the date is inside the clause before: {cs:?}");
    }

    #[test]
    fn start_dates_and_missing_publication_dates() {
        let cs = commitments("서울시는 2025년 1월부터 심야버스를 늘리기로 했다.", true);
        assert_eq!(find(&cs, "늘리").3, "", "a start date is not a deadline: {cs:?}");
        let cs = commitments("서울시는 내년까지 심야버스를 늘리기로 했다. 서울시는 2030년까지 노선을 바꾸기로 했다.", false);
        assert_eq!(find(&cs, "늘리").3, "", "no publication date, no relative deadline: {cs:?}");
        assert_eq!(find(&cs, "바꾸").3, "2030", "{cs:?}");
    }
    #[test]
    fn press_release_leads_in_the_present_tense_are_decisions() {
        let cs = commitments("한빛전자는 충남 천안에 2조원을 들여 배터리 공장을 건설한다고 19일 밝혔다.", true);
        let c = find(&cs, "건설");
        assert_eq!((c.1.as_str(), c.2.as_str()), ("decision", "한빛전자"), "{cs:?}");
        assert!(!cs.iter().any(|c| c.0 == "들이"), "spending is the means, no action: {cs:?}");
        let cs = commitments("울산시는 길이 420m의 보행교를 2024년 착공해 2026년 준공한다고 19일 밝혔다.", true);
        assert_eq!(find(&cs, "착공").3, "2024", "{cs:?}");
        assert_eq!(find(&cs, "준공").3, "2026", "{cs:?}");
        let cs = commitments("한빛전자는 매출이 늘어난다고 19일 밝혔다.", true);
        assert!(cs.is_empty(), "a report, no agent's action: {cs:?}");
    }

    #[test]
    fn a_partner_between_giro_and_the_verb_of_deciding() {
        let cs = commitments("국가철도공단은 환승 통로를 2024년까지 새로 짓기로 시와 합의했다.", true);
        let c = find(&cs, "짓");
        assert_eq!((c.1.as_str(), c.2.as_str(), c.3.as_str()), ("decision", "국가철도공단", "2024"), "{cs:?}");
    }

    #[test]
    fn misread_verbs_and_nouns() {
        // ko-dic reads 열 as the numeral, 남구 as 남+구 and 고객사 as 고객+사다.
        let cs = commitments("울산시는 이달 말까지 기본설계 용역을 발주하고, 다음 달 15일 남구 문화예술회관에서 시민 공청회를 열 예정이다.", true);
        assert_eq!(find(&cs, "발주").3, "2022-10-31", "{cs:?}");
        let c = find(&cs, "열");
        assert_eq!((c.1.as_str(), c.3.as_str()), ("plan", "2022-11-15"), "{cs:?}");
        let cs = commitments("장태윤 대표는 \"4분기까지 고객사 두 곳과 장기 공급 계약을 마무리하겠다\"고 말했다.", true);
        assert!(!cs.iter().any(|c| c.0 == "사"), "{cs:?}");
        assert_eq!(find(&cs, "마무리").3, "2022-Q4", "{cs:?}");
        let cs = commitments("석지원 대표는 \"내년 상반기 중 배달 시간 제한 기능을 없애겠다\"고 말했다.", true);
        let c = find(&cs, "없애");
        assert_eq!((c.1.as_str(), c.3.as_str()), ("promise", "2023-H1"), "없애다 is no negation: {cs:?}");
    }

    #[test]
    fn questions_predictions_and_non_agent_subjects() {
        let cs = commitments("연대 관계자는 \"법안을 또 내년으로 미루겠다는 것이냐\"고 반문했다.", true);
        assert!(cs.is_empty(), "{cs:?}");
        let cs = commitments("노동부는 감독을 시작했다. 업계는 감독이 강화되면 배달비가 오를 것으로 예상한다.", true);
        assert!(cs.is_empty(), "{cs:?}");
        let cs = commitments("울산시는 보행교를 짓기로 했다. 도시철도 1호선 사업도 속도를 낸다.", true);
        assert!(!cs.iter().any(|c| c.0 == "내"), "the project is no agent: {cs:?}");
        let cs = commitments("울산시는 보행교를 짓기로 했다. 교량 디자인은 연말 확정한다.", true);
        let c = find(&cs, "확정");
        assert_eq!((c.1.as_str(), c.2.as_str(), c.3.as_str()), ("decision", "울산시", "2022-12-31"), "{cs:?}");
        let cs = commitments("한빛전자는 공장을 짓기로 했다. 회사는 AI 사업 전환에도 속도를 낸다.", true);
        assert_eq!(find(&cs, "내").1, "decision", "{cs:?}");
    }

    #[test]
    fn starts_with_an_end_fiscal_years_and_holidays() {
        let cs = commitments("고용노동부는 다음 달부터 연말까지 플랫폼 10곳을 대상으로 근로감독을 실시하기로 했다.", true);
        assert_eq!(find(&cs, "실시").3, "2022-12-31", "{cs:?}");
        let cs = commitments("복지부 관계자는 \"내년 1월 중 공모를 시작해 3월부터 지정 기관을 차례로 늘리겠다\"고 말했다.", true);
        assert_eq!(find(&cs, "시작").3, "2023-01", "{cs:?}");
        assert_eq!(find(&cs, "늘리").3, "", "the start of the action after it: {cs:?}");
        let cs = commitments("산업통상자원부는 내년도 예산안에 진입도로 건설비 420억원을 반영하기로 했다. 시는 2023년도 본예산에는 공사비 120억원을 편성할 방침이다.", true);
        assert_eq!(find(&cs, "반영").3, "", "{cs:?}");
        assert_eq!(find(&cs, "편성").3, "", "{cs:?}");
        let cs = commitments("시는 설 연휴 전 둔치 임시주차장 800면을 추가로 개방하기로 했다. 노동부는 이번 분기 안에 실태조사 결과를 발표하기로 했다.", true);
        let c = find(&cs, "개방");
        assert_eq!(c.3, "2023-01-20", "설 2023 is 22 January: {cs:?}");
        assert_eq!(find(&cs, "발표").3, "2022-Q4", "{cs:?}");
    }

    #[test]
    fn durations_from_now_and_from_an_event() {
        let cs = commitments("장 대표는 \"3년 내 재활용 공장도 새만금에 세우겠다\"고 말했다.", true);
        assert_eq!(find(&cs, "세우").3, "2025-10-19", "{cs:?}");
        let cs = commitments("장 대표는 \"향후 5년간 협력사에 3000억원을 지원하겠다\"고 말했다.", true);
        assert_eq!(find(&cs, "지원").3, "2027-10-19", "{cs:?}");
        let cs = commitments("구청은 한 달 안에 점검 결과를 공개하기로 했다. 시는 열흘 내 보완책을 내놓기로 했다.", true);
        assert_eq!(find(&cs, "공개").3, "2022-11-19", "{cs:?}");
        assert_eq!(find(&cs, "내놓").3, "2022-10-29", "{cs:?}");
        assert_eq!(super::native_duration("두 해"), Some((2, "년")));
        assert_eq!(super::native_duration("세달"), Some((3, "달")));
        assert_eq!(super::native_duration("여러 달"), None);
        let cs = commitments("장 대표는 \"공장 가동 3년 내 흑자 전환을 이루겠다\"고 말했다.", true);
        assert_eq!(find(&cs, "이루").3, "", "counted from the start of production: {cs:?}");
    }

    #[test]
    fn dates_of_other_quotes_and_relative_clauses() {
        let cs = commitments("장 대표는 \"주문이 이미 2030년 물량까지 잡혀 있다\"며 \"4분기까지 장기 공급 계약을 마무리하겠다\"고 말했다.", true);
        assert_eq!(find(&cs, "마무리").3, "2022-Q4", "{cs:?}");
        let cs = commitments("울산시는 태화강을 가로질러 태화동과 삼산동을 잇는 보행교를 2024년 착공하기로 했다.", true);
        assert!(!cs.iter().any(|c| c.0 == "가로지르"), "{cs:?}");
        assert_eq!(find(&cs, "착공").3, "2024", "{cs:?}");
    }
    #[test]
    fn contracted_giro_is_a_decision() {
        let cs = commitments("환경부는 내년 상반기까지 충전 요금 체계를 개편키로 했다. 시는 충북도와 공항 급행버스를 하루 20회로 증편키로 합의했다.", true);
        let c = find(&cs, "개편");
        assert_eq!((c.1.as_str(), c.2.as_str(), c.3.as_str()), ("decision", "환경부", "2023-H1"), "{cs:?}");
        assert_eq!(find(&cs, "증편").1, "decision", "{cs:?}");
        assert!(super::contracted_giro("지원키로") && !super::contracted_giro("5키로") && !super::contracted_giro("키로"));
        let cs = commitments("회사는 가입자에게 1인당 3만원을 다음 달 감면해 주기로 했다.", true);
        assert_eq!(find(&cs, "감면").3, "2022-11", "주기로 read as a noun is still the auxiliary: {cs:?}");
        assert!(!cs.iter().any(|c| c.0 == "주"), "{cs:?}");
    }

    #[test]
    fn an_action_noun_before_a_plan_noun() {
        let cs = commitments("구청은 공원을 짓기로 했다. 우회도로는 2024년 하반기 개통 예정이다. 평가 결과는 다음 달 말 공개 예정이다.", true);
        let c = find(&cs, "개통");
        assert_eq!((c.1.as_str(), c.3.as_str()), ("plan", "2024-H2"), "{cs:?}");
        assert_eq!(find(&cs, "공개").3, "2022-11-30", "{cs:?}");
        let cs = commitments("한빛전자는 중장기 목표로는 매출 10조원을 제시했다. 시는 2024년 개통 계획은 없다고 밝혔다. 공장은 내년 준공 예정이었다.", true);
        assert!(cs.is_empty(), "no date before the noun, a negation, a past plan: {cs:?}");
    }

    #[test]
    fn promises_reported_as_speech_and_their_traps() {
        let cs = commitments("박서연 장관은 관련 고시를 개정할 것이라고 밝혔다.", true);
        let c = find(&cs, "개정");
        assert_eq!((c.1.as_str(), c.4.as_str()), ("promise", "관련 고시"), "{cs:?}");
        let cs = commitments("기상청은 주말에 비가 다시 내릴 것이라고 전망했다. 업계는 집값이 오를 것이라고 말했다.", true);
        assert!(cs.is_empty(), "predictions: {cs:?}");
        let cs = commitments("김 후보는 \"트램은 완공까지 10년이 걸릴 것\"이라며 \"적자만 메워줄 것이냐\"고 말했다.", true);
        assert!(cs.is_empty(), "an agentless subject and a question: {cs:?}");
        let cs = commitments("박 대표는 \"앞으로 모든 고객에게 무료로 제공할 것\"이라고 강조했다.", true);
        assert_eq!(find(&cs, "제공").1, "promise", "{cs:?}");
        let cs = commitments("한 가입자는 \"회사가 끝까지 책임지겠느냐\"고 따졌다.", true);
        assert!(cs.is_empty(), "{cs:?}");
    }

    #[test]
    fn promise_verbs_with_a_clause_or_a_do_object() {
        let cs = commitments("박 대표는 재발 방지를 위해 정보보호위원회를 신설할 것을 약속했다.", true);
        assert_eq!(find(&cs, "신설").1, "promise", "{cs:?}");
        assert!(!cs.iter().any(|c| c.0 == "것"), "{cs:?}");
        let cs = commitments("김 후보는 마을버스 요금 무료화도 공약했다.", true);
        let c = cs.iter().find(|c| c.0.starts_with("무료")).unwrap_or_else(|| panic!("{cs:?}"));
        assert_eq!(c.1, "promise", "{cs:?}");
    }

    #[test]
    fn plan_verbs_progressives_and_questions() {
        let cs = commitments("구청은 배터리 교환소 500곳을 2024년까지 구축하는 사업도 계획하고 있다.", true);
        let c = find(&cs, "구축");
        assert_eq!((c.1.as_str(), c.3.as_str()), ("plan", "2024"), "{cs:?}");
        let cs = commitments("개인정보보호위원회는 과징금 상한을 높이는 법 개정을 추진 중이다.", true);
        assert_eq!(find(&cs, "추진").1, "decision", "{cs:?}");
        let cs = commitments("\"요금 인상도 검토하느냐\"는 질문에 장관은 답하지 않았다.", true);
        assert!(cs.is_empty(), "{cs:?}");
    }

    #[test]
    fn chains_through_conditions_not_through_passives_or_nouns() {
        let cs = commitments("과기정통부는 다음 달 중 조사 결과를 발표하고, 위반 사항이 확인되면 과징금을 부과할 방침이다.", true);
        assert_eq!(find(&cs, "발표").3, "2022-11", "{cs:?}");
        let c = find(&cs, "부과");
        assert!(c.5.contains("확인되면") && c.3.is_empty(), "{cs:?}");
        let cs = commitments("회사는 유심 교체를 오는 26일부터 대리점에서 진행하기로 했다. 교체는 대리점에서 진행되며, 다음 달 초까지 유심 200만개를 추가로 공급할 계획이다.", true);
        assert_eq!(cs.iter().filter(|c| c.0 == "진행").count(), 1, "a passive is no action: {cs:?}");
        let cs = commitments("박 대표는 \"이달 안으로 유출 경위와 피해 규모에 대한 조사 결과를 공개하겠다\"고 말했다.", true);
        assert!(!cs.iter().any(|c| c.0 == "피하"), "피해 after 와 is a noun: {cs:?}");
        assert_eq!(find(&cs, "공개").3, "2022-10", "{cs:?}");
        let cs = commitments("과기정통부는 데이터센터를 비수도권에 우선 배치하고, 사업자에게 혜택을 주는 방안을 산업부와 협의하기로 했다.", true);
        assert_eq!(find(&cs, "배치").1, "decision", "the later cue governs: {cs:?}");
    }

    #[test]
    fn lead_subjects_outlet_tags_and_adverbial_nouns() {
        let cs = commitments("[파이낸셜뉴스] 한빛전자가 2024년까지 공장을 새로 짓는다. 노후 설비에는 연말까지 교체 비용을 지원키로 했다.", true);
        assert_eq!(find(&cs, "짓").2, "한빛전자", "{cs:?}");
        assert_eq!(find(&cs, "지원").2, "한빛전자", "the lead's subject is carried: {cs:?}");
        let cs = commitments("복지부는 대신 3개월 내에 시범사업 대상 지역을 정하기로 했다.", true);
        assert_eq!(find(&cs, "정하").3, "2023-01-19", "{cs:?}");
    }
    #[test]
    fn agreed_on_with_de() {
        let cs = commitments("양측은 다음 달까지 재발 방지책을 마련하는 데 합의했다.", true);
        let c = find(&cs, "마련");
        assert_eq!((c.1.as_str(), c.3.as_str()), ("decision", "2022-11"), "{cs:?}");
        let cs = commitments("양측은 재발 방지책을 마련하는 데 합의하지 못했다. 그는 공장을 짓는 데 시간이 걸렸다고 말했다.", true);
        assert!(cs.is_empty(), "{cs:?}");
    }

    #[test]
    fn sino_korean_weeks_and_a_week_from_now() {
        // 2022-10-19 is in ISO week 42.
        let cs = commitments("시는 금주 중 보완책을 내놓기로 했다. 구청은 차주 내 결과를 공개하기로 했다. 군은 일주일 안에 점검을 마치기로 했다.", true);
        assert_eq!(find(&cs, "내놓").3, "2022-W42", "{cs:?}");
        assert_eq!(find(&cs, "공개").3, "2022-W43", "{cs:?}");
        assert_eq!(find(&cs, "마치").3, "2022-10-26", "{cs:?}");
    }

    #[test]
    fn seasons_as_deadlines() {
        // Published 2022-10-19: a season is due by its last month.
        let cs = commitments("군은 내년 봄까지 노후 정수장을 고치기로 했다. 시는 올겨울 전에 제설 장비를 새로 들이기로 했다.", true);
        assert_eq!(find(&cs, "고치").3, "2023-05", "the season after the year wins: {cs:?}");
        assert_eq!(find(&cs, "들이").3, "2022-11", "before winter: {cs:?}");
        let cs = commitments("구는 내년 여름 개장에 앞서 오는 봄까지 수영장 설계를 끝낼 예정이다.", true);
        assert_eq!(find(&cs, "끝내").3, "2023-05", "the last date of the clause: {cs:?}");
        assert!(!cs.iter().any(|c| c.0 == "앞서"), "앞서 is a postposition: {cs:?}");
        // `가을야구`, `겨울방학` are words of their own, and a bare season names no time.
        let cs = commitments("구단은 가을야구 진출을 약속했다. 교육청은 겨울방학 동안 교실을 고치기로 했다. 시는 봄 축제를 열기로 했다.", true);
        assert!(cs.iter().all(|c| c.3.is_empty()), "{cs:?}");
        // Said after this year's spring: next year's.
        let cs = commitments("시는 봄까지 공원을 다시 열기로 했다.", true);
        assert_eq!(find(&cs, "열").3, "2023-05", "{cs:?}");
    }

    #[test]
    fn mid_month_is_no_deadline_word_and_a_goal_keeps_its_date() {
        let cs = commitments("시는 다음 달 중순 주민 설명회를 열기로 했다.", true);
        assert_eq!(find(&cs, "열").3, "2022-11", "{cs:?}");
        // `2030년 완공을 목표로`: the goal's date, not the deadline of the other action.
        let cs = commitments("도는 2030년 완공을 목표로 공사 기간 임시 도로를 운영한다.", true);
        assert_eq!(find(&cs, "완공").3, "2030", "{cs:?}");
        assert_eq!(find(&cs, "운영").3, "", "{cs:?}");
    }

    #[test]
    fn reports_of_opinions_and_past_promises_with_neunde() {
        let cs = commitments("시는 내년까지 도로를 넓힌다. 주민들 사이에서는 늦었다는 지적도 나온다.", true);
        assert!(!cs.iter().any(|c| c.0 == "나오"), "{cs:?}");
        let cs = commitments("그는 \"해마다 우승을 약속했는데 이번에는 믿을 수 있겠느냐\"고 말했다.", true);
        assert!(cs.is_empty(), "{cs:?}");
    }

    #[test]
    fn a_project_marked_do_before_chujin_is_its_verb() {
        let cs = commitments("구청은 구민회관 옆에 공영주차장을 짓는 사업도 추진한다.", true);
        assert!(cs.iter().any(|c| c.0 == "짓" && c.1 == "decision"), "{cs:?}");
        assert!(!cs.iter().any(|c| c.0 == "추진"), "{cs:?}");
    }

    #[test]
    fn topics_written_as_the_head_of_an_organization_name() {
        // `공단은` stands for 한국환경공단 named before (no generic word of the entity stage).
        let cs = commitments("한국환경공단 노진우 이사장은 \"현장을 먼저 보겠다\"고 말했다. 공단은 연말까지 측정소 30곳을 새로 설치한다.", true);
        assert_eq!(find(&cs, "설치").2, "한국환경공단", "{cs:?}");
    }

    #[test]
    fn after_a_quoted_speaker_a_subjectless_plan_is_the_organization_s() {
        let cs = commitments("서초구는 내년 상반기까지 청사를 옮긴다. 구본혁 서초구청장은 \"주민 불편을 줄이겠다\"고 말했다. 새 청사 주차장은 2027년 완공 예정이다.", true);
        assert_eq!(find(&cs, "줄이").2, "구본혁", "{cs:?}");
        assert_eq!(find(&cs, "완공").2, "서초구", "the speaker of the quote before is not the actor: {cs:?}");
    }

    #[test]
    fn an_rieul_verb_misread_before_a_plan_phrase() {
        // ko-dic reads 여는 (열다) as 여/NP + 는/JX.
        let cs = commitments("구는 내년 봄 주민 음악회를 여는 방안을 검토하고 있다.", true);
        let c = find(&cs, "열");
        assert_eq!((c.1.as_str(), c.3.as_str()), ("review", "2023-05"), "{cs:?}");
    }

    #[test]
    fn dated_present_tense_with_a_non_agent_topic_and_action_idioms() {
        let cs = commitments("한빛전자는 천안에 새 공장을 짓기로 했다. 공장은 내년 4월 첫 삽을 뜬다. 물류센터는 2024년 문을 연다. 노후 창고 5곳도 연말까지 손을 본다. 안내 책자는 다음 달 중순 펴낸다.", true);
        let c = find(&cs, "뜨");
        assert_eq!((c.1.as_str(), c.2.as_str(), c.3.as_str(), c.4.as_str()), ("decision", "한빛전자", "2023-04", "첫 삽"), "{cs:?}");
        assert_eq!(find(&cs, "열").3, "2024", "{cs:?}");
        assert_eq!(find(&cs, "보").3, "2022-12-31", "{cs:?}");
        assert_eq!(find(&cs, "펴내").3, "2022-11", "{cs:?}");
        // No date and no idiom of acting: the topic is the subject. A verb whose subject undergoes
        // the change stays a report with a date too.
        let cs = commitments("울산시는 보행교를 짓기로 했다. 도시철도 사업도 속도를 낸다. 공사는 2024년 끝난다. 요금은 다음 달 오른다.", true);
        assert!(!cs.iter().any(|c| matches!(c.0.as_str(), "내" | "끝나" | "오르")), "{cs:?}");
        // A start or a past date does not date the action.
        let cs = commitments("울산시는 보행교를 짓기로 했다. 도시철도 사업도 다음 달부터 속도를 낸다.", true);
        assert!(!cs.iter().any(|c| c.0 == "내"), "{cs:?}");
    }

    #[test]
    fn a_generic_organization_topic_is_an_agent() {
        let cs = commitments("한빛전자는 천안에 공장을 짓기로 했다. 한 주민은 \"반갑다\"고 말했다. 회사는 평택에 연구소도 세운다.", true);
        assert_eq!(find(&cs, "세우").1, "decision", "{cs:?}");
    }

    #[test]
    fn purpose_clauses_and_bounding_adverbs_stay_in_the_chain() {
        let cs = commitments("구청은 어르신 500명에게 교통비를 지원하고, 주민들이 쉽게 이용할 수 있도록 안내 창구를 운영한다.", true);
        assert_eq!(find(&cs, "지원").1, "decision", "{cs:?}");
        assert_eq!(find(&cs, "운영").1, "decision", "{cs:?}");
        let cs = commitments("박 대표는 \"이르면 다음 달 시범 서비스를 시작하고, 늦어도 내년 상반기까지는 전국으로 넓히겠다\"고 말했다.", true);
        let c = find(&cs, "시작");
        assert_eq!((c.1.as_str(), c.3.as_str(), c.5.as_str()), ("promise", "2022-11", ""), "이르면 is no condition: {cs:?}");
        assert_eq!(find(&cs, "넓히").3, "2023-H1", "{cs:?}");
    }

    #[test]
    fn a_review_with_a_date_and_an_adverb_before_its_verb() {
        let cs = commitments("박 대표는 \"요금 인상을 연말까지 다시 검토하겠다\"고 말했다.", true);
        let c = find(&cs, "인상");
        assert_eq!((c.1.as_str(), c.3.as_str()), ("review", "2022-12-31"), "{cs:?}");
        assert!(!cs.iter().any(|c| c.0 == "검토"), "{cs:?}");
        // A topic far from the verb is no object of the review.
        let cs = commitments("시는 다음 달 검토하기로 했다.", true);
        assert!(!cs.iter().any(|c| c.0 == "시"), "{cs:?}");
    }

    #[test]
    fn a_plan_denied_with_an_adverb_before_eopda() {
        let cs = commitments("회사는 공장을 매각할 계획은 당장 없다고 밝혔다.", true);
        assert!(cs.is_empty(), "{cs:?}");
    }

    #[test]
    fn starts_named_by_an_event_and_durations_from_a_start() {
        let cs = commitments("협회는 내년 대회부터 참가비를 내리기로 했다.", true);
        assert_eq!(find(&cs, "내리").3, "", "a start: {cs:?}");
        let cs = commitments("시는 내년부터 3년간 공원 조성에 500억원을 쓰기로 했다.", true);
        assert_eq!(find(&cs, "쓰").3, "2025", "{cs:?}");
        let cs = commitments("구청은 다음 달부터 6개월 동안 야간 순찰을 늘리기로 했다.", true);
        assert_eq!(find(&cs, "늘리").3, "2023-04", "{cs:?}");
        assert_eq!(super::duration_parts("3년간"), Some((3, "년".to_string())));
        assert_eq!(super::duration_parts("한 달"), Some((1, "달".to_string())));
        assert_eq!(super::duration_parts("3시간"), None);
    }

    #[test]
    fn durations_from_the_report_are_due_at_their_end() {
        let cs = commitments("구단은 소란을 피운 관중에게 1년 동안 입장을 금지하기로 했다. 회사는 이달 요금을 1개월간 면제하기로 했다.", true);
        assert_eq!(find(&cs, "금지").3, "2023-10-19", "{cs:?}");
        assert_eq!(find(&cs, "면제").3, "2022-11-19", "{cs:?}");
    }

    #[test]
    fn carried_speakers_topics_marked_do_and_groups() {
        // A speaker ko-dic names before a title is carried like an entity.
        let cs = commitments("탁재원 경남도지사는 \"철도는 반드시 개통하겠다\"고 말했다. 창원터널 확장 공사는 내달 중순 첫 삽을 뜬다.", true);
        assert_eq!(find(&cs, "뜨").3, "2022-11", "{cs:?}");
        // `투자도 뒤따른다`: the topic marked 도 is the subject of a verb of happening.
        let cs = commitments("한빛전자는 공장을 짓기로 했다. 협력사 투자도 뒤따른다.", true);
        assert!(!cs.iter().any(|c| c.0 == "뒤따르"), "{cs:?}");
        // A group of people far before the verb is its subject.
        let cs = commitments("한빛전자는 공장을 짓기로 했다. 전문가들은 올여름 바다에서 데워진 공기가 오래 머문 것을 원인으로 꼽는다.", true);
        assert!(!cs.iter().any(|c| c.0 == "꼽"), "{cs:?}");
    }

    #[test]
    fn a_count_of_days_before_within_is_a_duration() {
        let cs = commitments("구청은 \"점검 결과를 10일 안에 공개하겠다\"고 밝혔다. 공단은 90일 이내에 심사를 마치기로 했다. 시는 오는 10일까지 안내문을 보내기로 했다.", true);
        assert_eq!(find(&cs, "공개").3, "2022-10-29", "{cs:?}");
        assert_eq!(find(&cs, "마치").3, "2023-01-17", "{cs:?}");
        assert_eq!(find(&cs, "보내").3, "2022-11-10", "a day of the month with 까지: {cs:?}");
    }

    #[test]
    fn a_possibility_is_no_review() {
        let cs = commitments("구청은 \"여건이 되면 노선 증편을 검토할 수도 있다\"고 말했다. 시는 요금 인하를 검토해 볼 수 있다고 밝혔다.", true);
        assert!(cs.is_empty(), "{cs:?}");
        let cs = commitments("시는 요금 인하를 검토하고 있다.", true);
        assert_eq!(find(&cs, "인하").1, "review", "{cs:?}");
    }

    #[test]
    fn a_review_begun_names_the_action_reviewed_and_an_experience_is_none() {
        let cs = on("시는 요금 인하 검토에 착수했다.", "2025-11-03");
        assert_eq!(find_on(&cs, "인하").1, "review", "{cs:?}");
        let cs = on("구청은 청사 매각 여부 검토에 들어갔다.", "2025-11-03");
        assert_eq!(find_on(&cs, "매각").1, "review", "{cs:?}");
        assert!(!cs.iter().any(|c| c.0 == "들어가" || c.0 == "여부"), "{cs:?}");
        let cs = on("구청은 청사 이전 여부를 검토할 예정이다.", "2025-11-03");
        assert_eq!(find_on(&cs, "이전").1, "review", "{cs:?}");
        for text in ["구청은 청사 매각을 검토한 적이 없다.", "구청장은 \"청사 매각은 검토한 바 없다\"고 말했다."] {
            let cs = on(text, "2025-11-03");
            assert!(cs.is_empty(), "{text}: {cs:?}");
        }
    }

    #[test]
    fn decisions_with_an_adverb_or_an_idiom_after_giro() {
        let cs = on("조합은 임시총회를 열기로 최종 확정했다.", "2025-11-03");
        assert_eq!(find_on(&cs, "열").1, "decision", "{cs:?}");
        let cs = on("구청은 공영주차장을 늘리기로 방침을 정했다.", "2025-11-03");
        assert_eq!(find_on(&cs, "늘리").1, "decision", "{cs:?}");
        let cs = on("노조는 파업을 멈추기로 입장을 정리했다.", "2025-11-03");
        assert_eq!(find_on(&cs, "멈추").1, "decision", "{cs:?}");
    }

    #[test]
    fn a_headline_that_stops_at_giro_is_the_lead_name_s_decision() {
        let cs = on("부산시, 심야 버스 3개 노선 늘리기로\n\n시는 요금 인하 검토에 착수했다.", "2025-11-03");
        let c = find_on(&cs, "늘리");
        assert_eq!((c.1.as_str(), c.2.as_str()), ("decision", "부산시"), "{cs:?}");
        // A counter before 로 (`5만기로`) and a negation are no decisions.
        let cs = on("환경부, 충전기 5만기로…설치비 지원\n\n환경부는 설치비를 지원한다.", "2025-11-03");
        assert!(!cs.iter().any(|c| c.0.contains('기')), "{cs:?}");
        let cs = on("쌀 시장격리는 하지 않기로\n\n정부는 직불금을 올린다.", "2025-11-03");
        assert!(!cs.iter().any(|c| c.0 == "하"), "{cs:?}");
    }

    #[test]
    fn a_duration_after_a_range_of_years_restates_it() {
        let cs = on("도는 2026~2028년 3년간 저수지 40곳을 정비한다.", "2025-11-03");
        assert_eq!(find_on(&cs, "정비").4, "2028", "{cs:?}");
        // Counted from the report when no date stands before it.
        let cs = on("도는 향후 3년간 저수지 40곳을 정비한다.", "2025-11-03");
        assert_eq!(find_on(&cs, "정비").4, "2028-11-03", "{cs:?}");
    }

    #[test]
    fn serial_objects_with_an_adverb_apologies_done_and_reported_subjects() {
        let cs = on("김 구청장은 \"누수 원인을 조사해 책임자도 끝까지 찾겠다\"고 말했다.", "2025-11-03");
        assert_eq!(find_on(&cs, "조사").1, "promise", "{cs:?}");
        assert_eq!(find_on(&cs, "찾").1, "promise", "{cs:?}");
        let cs = on("한빛전자는 고객에게 사과하고 수리비를 돌려주기로 했다.", "2025-11-03");
        assert!(!cs.iter().any(|c| c.0 == "사과"), "an apology made in the report: {cs:?}");
        assert_eq!(find_on(&cs, "돌려주").1, "decision", "{cs:?}");
        let cs = on("연합뉴스는 국토교통부가 철도 요금 체계를 다시 짜는 방안을 검토하고 있다고 보도했다.", "2025-11-03");
        assert_eq!(find_on(&cs, "짜").2, "국토교통부", "{cs:?}");
        let cs = on("구청은 빠른 시일 내 놀이터 8곳을 고치기로 했다.", "2025-11-03");
        let c = find_on(&cs, "고치");
        assert_eq!((c.3.as_str(), c.4.as_str()), ("빠른 시일 내", ""), "{cs:?}");
    }

    #[test]
    fn a_yearless_month_already_past_is_next_year_s_and_a_past_plan_is_none() {
        let cs = on("시는 2월 말까지 신청을 받는다.", "2025-11-03");
        assert_eq!(find_on(&cs, "받").4, "2026-02-28", "{cs:?}");
        let cs = on("시는 1분기 중 착공할 계획이다.", "2025-12-10");
        assert_eq!(find_on(&cs, "착공").4, "2026-Q1", "{cs:?}");
        // A month still ahead, and one that names its year, stay as read.
        let cs = on("시는 12월 말까지 신청을 받는다.", "2025-11-03");
        assert_eq!(find_on(&cs, "받").4, "2025-12-31", "{cs:?}");
        let cs = on("시는 2월 발표한 요금 체계를 고치기로 했다.", "2025-11-03");
        assert_eq!(find_on(&cs, "고치").4, "", "the month of a past act: {cs:?}");
        let cs = on("시는 지난달 발표한 계획에 따라 내년 상반기까지 공원을 조성한다.", "2025-11-03");
        assert!(!cs.iter().any(|c| c.0 == "발표"), "a plan made before: {cs:?}");
        assert_eq!(find_on(&cs, "조성").4, "2026-H1", "{cs:?}");
    }

    #[test]
    fn directions_decided_and_intentions() {
        let cs = on("시는 공원을 넓히는 방향으로 가닥을 잡았다.", "2025-11-03");
        assert_eq!(find_on(&cs, "넓히").1, "decision", "{cs:?}");
        let cs = on("구단은 감독을 교체하는 쪽으로 결정했다.", "2025-11-03");
        assert_eq!(find_on(&cs, "교체").1, "decision", "{cs:?}");
        let cs = on("시는 공원을 넓히고자 한다.", "2025-11-03");
        assert_eq!(find_on(&cs, "넓히").1, "plan", "{cs:?}");
        let cs = on("시는 공원을 넓히고자 했지만 예산이 없었다.", "2025-11-03");
        assert!(cs.is_empty(), "a past intent: {cs:?}");
    }

    #[test]
    fn a_time_after_a_duration_is_due_then_unless_another_clause_takes_it() {
        let cs = on("김 구청장은 \"한 달 뒤 조사 결과를 발표하겠다\"고 말했다.", "2025-11-03");
        let c = find_on(&cs, "발표");
        assert_eq!((c.3.as_str(), c.4.as_str()), ("한 달 뒤", "2025-12-03"), "{cs:?}");
        let cs = on("구청은 3일 후 설명회를 열기로 했다.", "2025-11-03");
        assert_eq!(find_on(&cs, "열").4, "2025-11-06", "a count of days, not the 3rd: {cs:?}");
        let cs = on("구청은 착공 2년 뒤 개관하기로 했다.", "2025-11-03");
        assert_eq!(find_on(&cs, "개관").4, "", "counted from an event: {cs:?}");
        let cs = on("장관은 \"2년 뒤 물량이 줄어드는 일이 없도록 공급에 속도를 내겠다\"고 말했다.", "2025-11-03");
        assert_eq!(find_on(&cs, "내").4, "", "the time of another clause: {cs:?}");
    }

    #[test]
    fn formal_present_tense_of_broadcasts() {
        // `-ㅂ니다/-습니다` states a settled action as `-ㄴ다` does; not a verb of saying, not a
        // negated review.
        let cs = on("구청은 다음 달 말까지 노후 가로등 300개를 교체합니다.", "2025-11-03");
        let c = find_on(&cs, "교체");
        assert_eq!((c.1.as_str(), c.4.as_str()), ("decision", "2025-12-31"), "{cs:?}");
        let cs = on("구청은 가로등을 교체하기로 했습니다. 상인들은 매출 감소에 답답함을 호소합니다. 구청은 지금은 요금 인상을 검토하지 않고 있습니다.", "2025-11-03");
        assert!(!cs.iter().any(|c| matches!(c.0.as_str(), "호소" | "인상" | "요금 인상")), "{cs:?}");
        // `손보다` read as 손 + 보다: the compound verb as written is the action.
        let cs = on("구청은 연말까지 공원 놀이터를 손봅니다.", "2025-11-03");
        assert_eq!(find_on(&cs, "손보").4, "2025-12-31", "{cs:?}");
        for (t, formal) in [("늘린다", true), ("손봅니다", true), ("충당합니다", true), ("짓습니다", true), ("했습니다", false), ("하겠습니다", false), ("있습니다", false), ("없습니다", false), ("아닙니다", false), ("했다", false)] {
            assert_eq!(super::present_tense(t), formal, "{t}");
        }
    }

    #[test]
    fn a_goal_heads_a_chain_and_contracted_serial_verbs_chain() {
        let cs = on("군은 2027년 착공해 2030년 완공을 목표로 한다.", "2025-11-03");
        assert_eq!(find_on(&cs, "착공").4, "2027", "{cs:?}");
        assert_eq!(find_on(&cs, "완공").4, "2030", "{cs:?}");
        // `따져 볼` (ko-dic writes the ending of 따져 as ㅓ) does not end the chain before it.
        let cs = on("위원회는 이달 중 현장 조사를 벌이고, 다음 달 회의에서 보고서를 따져 볼 계획이다.", "2025-11-03");
        let c = find_on(&cs, "벌이");
        assert_eq!((c.1.as_str(), c.4.as_str()), ("plan", "2025-11"), "{cs:?}");
        // `세 차례`: a numeral, no serial verb.
        let cs = on("구는 다음 달 공청회도 열 계획이다.", "2025-11-03");
        assert_eq!(find_on(&cs, "열").4, "2025-12", "열 read as a numeral after an object marked 도: {cs:?}");
        let cs = on("회사는 신입 사원을 더 뽑기로 했다. 나머지 인력은 연말까지 세 차례에 나눠 뽑는다.", "2025-11-03");
        assert!(!cs.iter().any(|c| c.0 == "세"), "{cs:?}");
    }

    #[test]
    fn dates_of_another_statement_or_circumstance_are_not_shared() {
        let cs = on("새 청사 2029년 완공 목표…구청장 \"주차장부터 늘리겠다\"", "2025-11-03");
        assert_eq!(find_on(&cs, "늘리").4, "", "a date before the headline's … : {cs:?}");
        let cs = on("노사가 다음 주 협상을 재개할 것으로 보이는 가운데, 시는 중재안을 마련하기로 했다.", "2025-11-03");
        assert_eq!(find_on(&cs, "마련").4, "", "{cs:?}");
        // A place name between the report date and the act does not hide the date.
        let cs = on("공사는 3일 경기 수원시 팔달구 본사에서 설명회를 열고 요금을 내리겠다고 밝혔다.", "2025-11-03");
        assert!(!cs.iter().any(|c| c.0 == "열"), "done on the report day: {cs:?}");
    }

    #[test]
    fn nominal_drive_verbs_reviews_predicted_and_causatives() {
        let cs = on("시는 재원이 없으면 사업을 추진하기 어렵다고 설명했다.", "2025-11-03");
        assert!(!cs.iter().any(|c| c.0 == "추진"), "{cs:?}");
        let cs = on("구단은 시즌이 끝나면 감독 교체를 검토할 것으로 보인다.", "2025-11-03");
        assert!(cs.is_empty(), "a prediction about a review: {cs:?}");
        let cs = on("교육청은 모든 학교가 이달 중 급식실 환기 설비를 점검하도록 할 방침이다.", "2025-11-03");
        let c = find_on(&cs, "점검");
        assert_eq!((c.1.as_str(), c.4.as_str()), ("plan", "2025-11"), "{cs:?}");
    }

    #[test]
    fn a_promise_with_its_copula_written_out_and_predictions_in_quotes() {
        let cs = on("장관은 \"피해 가구에 다음 달 안에 지원금을 지급할 것입니다\"라고 말했다.", "2025-11-03");
        let c = find_on(&cs, "지급");
        assert_eq!((c.1.as_str(), c.4.as_str()), ("promise", "2025-12"), "{cs:?}");
        let cs = on("장관은 \"내년에도 물가는 더 오를 것입니다\"라고 말했다.", "2025-11-03");
        assert!(cs.is_empty(), "a prediction: {cs:?}");
        // A broadcast bite: the span starts inside the bite.
        let text = "[한상민 / 복지부 장관 : 다음 달 안에 지원금을 지급할 것입니다.]";
        let p = Pipeline::new(DataFiles::embedded()).unwrap();
        let meta = Meta { published: chrono::NaiveDate::from_ymd_opt(2025, 11, 3), ..Meta::default() };
        let a = p.analyze(Document { id: "t".into(), source: "t".into(), text: text.into(), meta, warnings: vec![] }).unwrap();
        let c = a.commitments.iter().find(|c| c.action == "지급").expect("지급");
        let span: String = text.chars().skip(c.span.start).take(c.span.end - c.span.start).collect();
        assert_eq!(span, "다음 달 안에 지원금을 지급");
    }
    #[test]
    fn dates_of_charges_recurring_dates_and_starts_with_ihu() {
        // A date naming the period of a charge (a compound headed by 요금) is no deadline, and a
        // verb of weighing in -어 is neither a review nor an action of the chain.
        let cs = commitments("공사는 물가 부담을 고려해 내년 상반기 가스요금을 동결하기로 했다.", true);
        assert_eq!(find(&cs, "동결").3, "", "{cs:?}");
        assert!(!cs.iter().any(|c| c.0 == "고려" || c.0 == "부담"), "{cs:?}");
        // A date that recurs is no deadline.
        let cs = commitments("구는 매년 3월 사업 결과를 주민에게 공개하기로 했다.", true);
        assert_eq!(find(&cs, "공개").3, "", "{cs:?}");
        // `이후` starts a period like `부터`.
        let cs = commitments("시는 7월 이후 운영 방식을 새로 정하기로 했다.", true);
        assert_eq!(find(&cs, "정하").3, "", "{cs:?}");
        // A month without a year that has ended, chained before a promise, is next year's, not done.
        let cs = on("김 위원장은 \"3월 중순 결과를 공개하고 상반기 안에 제도를 바꾸겠다\"고 말했다.", "2026-11-25");
        assert_eq!(find_on(&cs, "공개").4, "2027-03", "{cs:?}");
        // The goal's noun as the subject of `목표다`.
        let cs = on("순환도로는 2028년 개통이 목표다.", "2026-11-25");
        let c = find_on(&cs, "개통");
        assert_eq!((c.1.as_str(), c.4.as_str()), ("plan", "2028"), "{cs:?}");
        // Seeing before a verb of deciding is what the decision rests on.
        let cs = commitments("구는 공사 일정은 날씨를 보고 정한다.", true);
        assert!(!cs.iter().any(|c| c.0 == "보"), "{cs:?}");
        // A day before a budget noun is the day of the vote, not the budget's period.
        let cs = on("의회는 다음 달 5일 예산안을 의결할 예정이다.", "2026-11-20");
        assert_eq!(find_on(&cs, "의결").4, "2026-12-05", "{cs:?}");
    }

    #[test]
    fn counted_groups_and_the_two_sides_are_the_names_said_together() {
        let cs = commitments("국토교통부와 서울시는 연말까지 버스 노선을 늘리기로 했다. 두 기관은 내년 1월부터 요금을 내린다.", true);
        let c = find(&cs, "내리");
        assert_eq!((c.1.as_str(), c.2.as_str(), c.3.as_str()), ("decision", "국토교통부;서울시", ""), "{cs:?}");
        let cs = commitments("여당인 민생당과 야당인 통합당은 지난 17일 쟁점을 정리했다. 여야는 이달 안에 법안을 처리하기로 합의했다.", true);
        assert_eq!(find(&cs, "처리").2, "민생당;통합당", "{cs:?}");
        // `병원 노사는`: the hospital and its union.
        let cs = commitments("서해대학교병원과 서해대학교병원 노동조합은 18일 교섭을 벌였다. 병원 노사는 다음 달 8차 교섭을 진행한다.", true);
        assert_eq!(find(&cs, "진행").2, "서해대학교병원;서해대학교병원 노동조합", "{cs:?}");
        // `이 단체는`: the organization named last, not the person quoted before.
        let cs = commitments("녹색미래연대 한수진 사무처장은 \"감축 속도를 높여야 한다\"고 말했다. 이 단체는 다음 달 집회를 열 예정이다.", true);
        assert_eq!(find(&cs, "열").2, "녹색미래연대", "{cs:?}");
    }

    #[test]
    fn a_subject_of_a_condition_clause_is_not_the_actions() {
        let cs = commitments("김 대표는 \"새 공장이 완공되는 대로 본사를 그곳으로 옮길 것\"이라며 \"내년에 인력을 늘리겠다\"고 말했다.", true);
        let c = find(&cs, "옮기");
        assert_eq!((c.1.as_str(), c.5.as_str()), ("promise", "새 공장이 완공되는 대로"), "{cs:?}");
        // The condition of one quote is not the next quote's.
        assert_eq!(find(&cs, "늘리").5, "", "{cs:?}");
    }

}
