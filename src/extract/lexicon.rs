//! The named-entity lexicons of `dictionaries/ner/`, loaded once per run.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::resources::DataFiles;

/// An entry of a gazetteer.
#[derive(Debug, Clone)]
pub struct Entry {
    pub canonical: String,
    pub kind: String,
}

/// Gazetteers, title words, surnames, units and suffixes.
#[derive(Debug, Clone)]
pub struct NerLexicon {
    pub locations: HashMap<String, Entry>,
    /// The names of 시/군 without their suffix, of two or three syllables (`부여` for 부여군,
    /// `구리` for 구리시), listed or not: one lookup instead of building `name + 시/군`.
    pub admin_stems: HashSet<String>,
    pub organizations: HashMap<String, Entry>,
    /// Names with a space inside (`두산 베어스`, `SK C&C`), found in running text.
    pub multiword: Vec<(String, bool)>,
    pub multiword_ac: AhoCorasick,
    /// The characters around the first space of every `multiword` name (`None` when a name
    /// starts or ends with its space): see [`NerLexicon::may_hold_multiword`].
    multiword_spaces: Option<HashSet<(char, char)>>,
    /// (suffix, shortest name before it, in chars).
    pub org_suffixes: Vec<(String, usize)>,
    org_suffix_min: HashMap<String, usize>,
    pub org_stoplist: HashSet<String>,
    /// Nouns introducing an organization's name (`업체`, `기업`, `경쟁사`).
    pub org_descriptors: Vec<String>,
    /// Last words of Latin-script organization names (`Inc`, `Energy`, `Institute`).
    pub latin_org_endings: HashSet<String>,
    /// Endings that make a word an ordinary noun whatever comes before (`-수당`, `-식당`).
    pub org_stop_endings: Vec<String>,
    pub location_suffixes: Vec<(String, usize)>,
    /// `location_suffixes` by ending: the smallest number of syllables needed before it.
    location_suffix_min: HashMap<String, usize>,
    pub roles: HashSet<String>,
    /// Titles that name an office and stand for its holder on their own (`장관은`): kinds
    /// government, politics, business, law, military. Others (기자, 투수, 교사) need a name beside them.
    pub office_roles: HashSet<String>,
    /// Last characters of `location_suffixes`, `org_suffixes` and `roles`: a word ending in none
    /// of them has none of those endings, so the per-suffix lookups are skipped.
    location_suffix_last: CharSet,
    org_suffix_last: CharSet,
    role_last: CharSet,
    /// Last characters of `context.feature_tail`.
    pub feature_tail_last: CharSet,
    /// One-syllable surnames.
    surnames1: CharSet,
    /// Two-syllable surnames (`남궁`, `제갈`), and their first syllables.
    surnames2: HashSet<(char, char)>,
    surnames2_first: CharSet,
    /// Units and counters, longest first.
    pub units: Vec<(String, String)>,
    /// Words the context rules look for next to a name (`ner/context_words.tsv`).
    pub context: ContextWords,
}

/// A set of characters: a bit per Hangul syllable (one load and a test, where a hash set costs
/// a hash and a probe), a hash set for any other character.
#[derive(Debug, Clone, Default)]
pub struct CharSet {
    hangul: Vec<u64>,
    other: HashSet<char>,
}

impl CharSet {
    fn syllable(c: char) -> Option<usize> {
        let u = c as u32;
        (0xAC00..=0xD7A3).contains(&u).then(|| (u - 0xAC00) as usize)
    }

    pub fn insert(&mut self, c: char) {
        match CharSet::syllable(c) {
            Some(k) => {
                if self.hangul.is_empty() {
                    self.hangul = vec![0; 11172usize.div_ceil(64)];
                }
                self.hangul[k >> 6] |= 1 << (k & 63);
            }
            None => {
                self.other.insert(c);
            }
        }
    }

    pub fn contains(&self, c: char) -> bool {
        match CharSet::syllable(c) {
            Some(k) => self.hangul.get(k >> 6).is_some_and(|w| (w >> (k & 63)) & 1 == 1),
            None => !self.other.is_empty() && self.other.contains(&c),
        }
    }
}

impl FromIterator<char> for CharSet {
    fn from_iter<I: IntoIterator<Item = char>>(iter: I) -> CharSet {
        let mut set = CharSet::default();
        for c in iter {
            set.insert(c);
        }
        set
    }
}

/// The lists of `ner/context_words.tsv`, by name (the file's header says what each is for).
#[derive(Debug, Default, Clone)]
pub struct ContextWords {
    pub area_noun: Vec<&'static str>,
    pub trip_verb: Vec<&'static str>,
    pub partner_word: Vec<&'static str>,
    pub addressee_word: Vec<&'static str>,
    pub feature_tail: Vec<&'static str>,
    pub company_tail: Vec<&'static str>,
    pub road_kind: Vec<&'static str>,
    pub direction: Vec<&'static str>,
    pub chain_tail: Vec<&'static str>,
    pub road_common: Vec<&'static str>,
    pub word_landmark: Vec<&'static str>,
    pub mission_country: Vec<&'static str>,
}

impl ContextWords {
    /// Reads `ner/context_words.tsv`; an unknown list name or a list left empty is an error naming
    /// the file (and line). The words live as long as the process, like the compiled rules.
    fn new(data: &DataFiles) -> Result<ContextWords, String> {
        const NAME: &str = "ner/context_words.tsv";
        let mut c = ContextWords::default();
        for (no, cols) in tsv(data, NAME, 2)? {
            let list = match cols[0] {
                "area_noun" => &mut c.area_noun,
                "trip_verb" => &mut c.trip_verb,
                "partner_word" => &mut c.partner_word,
                "addressee_word" => &mut c.addressee_word,
                "feature_tail" => &mut c.feature_tail,
                "company_tail" => &mut c.company_tail,
                "road_kind" => &mut c.road_kind,
                "direction" => &mut c.direction,
                "chain_tail" => &mut c.chain_tail,
                "road_common" => &mut c.road_common,
                "word_landmark" => &mut c.word_landmark,
                "mission_country" => &mut c.mission_country,
                other => return Err(format!("{NAME}:{no}: unknown list {other:?}")),
            };
            if cols[1].is_empty() {
                return Err(format!("{NAME}:{no}: empty word"));
            }
            list.push(Box::leak(cols[1].to_string().into_boxed_str()));
        }
        let lists = [
            ("area_noun", &c.area_noun),
            ("trip_verb", &c.trip_verb),
            ("partner_word", &c.partner_word),
            ("addressee_word", &c.addressee_word),
            ("feature_tail", &c.feature_tail),
            ("company_tail", &c.company_tail),
            ("road_kind", &c.road_kind),
            ("direction", &c.direction),
            ("chain_tail", &c.chain_tail),
            ("road_common", &c.road_common),
            ("word_landmark", &c.word_landmark),
            ("mission_country", &c.mission_country),
        ];
        if let Some((name, _)) = lists.iter().find(|(_, l)| l.is_empty()) {
            return Err(format!("{NAME}: the list {name} has no words"));
        }
        Ok(c)
    }
}

fn tsv<'a>(data: &'a DataFiles, name: &'a str, min_cols: usize) -> Result<Vec<(usize, Vec<&'a str>)>, String> {
    let mut out = Vec::new();
    for (no, line) in data.lines(name) {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() < min_cols || cols[0].is_empty() {
            return Err(format!("{name}:{no}: expected {min_cols} tab-separated columns"));
        }
        out.push((no, cols));
    }
    Ok(out)
}

fn gazetteer(data: &DataFiles, name: &str) -> Result<HashMap<String, Entry>, String> {
    let mut map = HashMap::default();
    for (_, cols) in tsv(data, name, 1)? {
        let canonical = cols.get(1).filter(|c| !c.is_empty()).unwrap_or(&cols[0]).to_string();
        let kind = cols.get(2).unwrap_or(&"").to_string();
        map.entry(cols[0].to_string()).or_insert(Entry { canonical, kind });
    }
    Ok(map)
}

fn suffixes(data: &DataFiles, name: &str) -> Result<Vec<(String, usize)>, String> {
    let mut v = Vec::new();
    for (no, cols) in tsv(data, name, 1)? {
        let min = match cols.get(1) {
            Some(n) => n.parse().map_err(|_| format!("{name}:{no}: minimum length is not a number"))?,
            None => 2,
        };
        v.push((cols[0].to_string(), min));
    }
    v.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.0.cmp(&b.0)));
    Ok(v)
}

impl NerLexicon {
    pub fn new(data: &DataFiles) -> Result<NerLexicon, String> {
        let locations = gazetteer(data, "ner/locations.tsv")?;
        let admin_stems = locations
            .iter()
            .filter(|(_, e)| matches!(e.kind.as_str(), "county" | "city"))
            .filter_map(|(k, _)| k.strip_suffix(['시', '군']))
            .filter(|k| (2..=3).contains(&k.chars().count()))
            .map(str::to_string)
            .collect();
        let organizations = gazetteer(data, "ner/organizations.tsv")?;
        let mut multiword: Vec<(String, bool)> = organizations
            .keys()
            .filter(|k| k.contains(' '))
            .map(|k| (k.clone(), true))
            .chain(locations.keys().filter(|k| k.contains(' ')).map(|k| (k.clone(), false)))
            .collect();
        multiword.sort();
        // (A DFA: searched in every sentence, built once.)
        let multiword_ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(multiword.iter().map(|(k, _)| k.as_str()))
            .map_err(|e| e.to_string())?;
        let mut roles = HashSet::default();
        let mut office_roles = HashSet::default();
        for (_, l) in data.lines("ner/roles.txt") {
            let mut cols = l.split('\t').map(str::trim);
            let role = cols.next().unwrap_or("").to_string();
            if matches!(cols.next(), Some("government" | "politics" | "business" | "law" | "military")) {
                office_roles.insert(role.clone());
            }
            roles.insert(role);
        }
        let mut surnames1 = CharSet::default();
        let mut surnames2 = HashSet::default();
        for (_, l) in data.lines("ner/surnames.txt") {
            let mut cs = l.split('\t').next().unwrap().trim().chars();
            match (cs.next(), cs.next(), cs.next()) {
                (Some(a), None, _) => {
                    surnames1.insert(a);
                    true
                }
                (Some(a), Some(b), None) => surnames2.insert((a, b)),
                _ => false,
            };
        }
        let mut units: Vec<(String, String)> = tsv(data, "ner/units.tsv", 1)?
            .into_iter()
            .map(|(_, c)| (c[0].to_string(), c.get(1).unwrap_or(&"").to_string()))
            .collect();
        units.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.0.cmp(&b.0)));
        units.dedup_by(|a, b| a.0 == b.0);
        let org_suffixes = suffixes(data, "ner/org_suffixes.txt")?;
        let location_suffixes = suffixes(data, "ner/location_suffixes.txt")?;
        let last_chars = |words: &mut dyn Iterator<Item = &str>| -> CharSet { words.filter_map(|w| w.chars().next_back()).collect() };
        let location_suffix_last = last_chars(&mut location_suffixes.iter().map(|(s, _)| s.as_str()));
        let org_suffix_last = last_chars(&mut org_suffixes.iter().map(|(s, _)| s.as_str()));
        let role_last = last_chars(&mut roles.iter().map(String::as_str));
        let context = ContextWords::new(data)?;
        Ok(NerLexicon {
            feature_tail_last: context.feature_tail.iter().filter_map(|t| t.chars().next_back()).collect(),
            location_suffix_last,
            org_suffix_last,
            role_last,
            locations,
            admin_stems,
            organizations,
            multiword_spaces: multiword
                .iter()
                .map(|(k, _)| {
                    let i = k.find(' ').expect("a space");
                    Some((k[..i].chars().next_back()?, k[i + 1..].chars().next()?))
                })
                .collect(),
            multiword,
            multiword_ac,
            org_suffix_min: org_suffixes.iter().rev().cloned().collect(),
            org_suffixes,
            latin_org_endings: data.lines("ner/latin_org_endings.txt").map(|(_, l)| l.trim().to_string()).collect(),
            org_descriptors: data.lines("ner/org_descriptors.txt").map(|(_, l)| l.trim().to_string()).filter(|l| !l.is_empty()).collect(),
            org_stoplist: data.lines("ner/org_stoplist.txt").map(|(_, l)| l.trim().to_string()).filter(|l| !l.starts_with('-')).collect(),
            org_stop_endings: data
                .lines("ner/org_stoplist.txt")
                .filter_map(|(_, l)| l.trim().strip_prefix('-').map(str::to_string))
                .collect(),
            location_suffix_min: {
                let mut m: HashMap<String, usize> = HashMap::default();
                for (suf, min) in &location_suffixes {
                    let e = m.entry(suf.clone()).or_insert(*min);
                    *e = (*e).min(*min);
                }
                m
            },
            location_suffixes,
            roles,
            office_roles,
            surnames1,
            surnames2_first: surnames2.iter().map(|&(a, _)| a).collect(),
            surnames2,
            units,
            context,
        })
    }

    /// Whether `text` may hold one of the `multiword` names: false only when no space of it has
    /// around it the characters that surround the first space of a name (each occurrence has).
    pub fn may_hold_multiword(&self, text: &str) -> bool {
        self.multiword_spaces.is_none()
            || memchr::memchr_iter(b' ', text.as_bytes()).any(|s| {
                let before = text[..s].chars().next_back();
                let after = text[s + 1..].chars().next();
                matches!((before, after), (Some(b), Some(a)) if self.multiword_space(b, a))
            })
    }

    /// Whether [`NerLexicon::multiword_space`] rules anything out.
    pub fn multiword_gated(&self) -> bool {
        self.multiword_spaces.is_some()
    }

    /// `before`, a space and `after` may be the first space of a `multiword` name and the
    /// characters around it (always, when the gate is off).
    pub fn multiword_space(&self, before: char, after: char) -> bool {
        self.multiword_spaces.as_ref().is_none_or(|pairs| pairs.contains(&(before, after)))
    }

    /// The surname a Hangul name starts with (two-syllable surnames first), and its length: a
    /// surname is followed by at least one more syllable. Called for most words of every
    /// sentence, so it compares characters, not strings.
    pub fn surname_of(&self, name: &str) -> Option<usize> {
        let mut cs = name.chars();
        let (Some(a), Some(b)) = (cs.next(), cs.next()) else { return None };
        if cs.next().is_some() && self.surnames2_first.contains(a) && self.surnames2.contains(&(a, b)) {
            return Some(2);
        }
        self.surnames1.contains(a).then_some(1)
    }

    pub fn is_surname(&self, s: &str) -> bool {
        let mut cs = s.chars();
        match (cs.next(), cs.next(), cs.next()) {
            (Some(a), None, _) => self.surnames1.contains(a),
            (Some(a), Some(b), None) => self.surnames2_first.contains(a) && self.surnames2.contains(&(a, b)),
            _ => false,
        }
    }

    /// A title word, or a compound that ends in one (`각자대표`, `국토법안심사소위원장`).
    pub fn role(&self, stem: &str) -> bool {
        if self.roles.contains(stem) {
            return true;
        }
        // Every other way below needs a title's last character (or the 장/사 of 시장/지사).
        if !stem.chars().next_back().is_some_and(|c| c == '장' || c == '사' || self.role_last.contains(c)) {
            return false;
        }
        // `기장군` (…장군): a district the gazetteer knows is no title.
        if self.locations.get(stem).is_some_and(|e| matches!(e.kind.as_str(), "city" | "county" | "district")) {
            return false;
        }
        let n = stem.chars().count();
        if n > 12 || !stem.chars().all(|c| ('가'..='힣').contains(&c)) {
            return false;
        }
        // `여수시장`, `고양시장`: the mayor of a city the gazetteer knows (`시장` alone is a market).
        // (`대구시장`, `부산시장`: also a metropolitan city written with 시.)
        if let Some(city) = stem.strip_suffix('장') {
            if city.ends_with('시') && self.locations.get(city).is_some_and(|e| matches!(e.kind.as_str(), "city" | "province")) {
                return true;
            }
        }
        // `충북지사`, `경남지사`: the governor of a province the gazetteer knows (`지사` alone is a branch).
        if stem.strip_suffix("지사").is_some_and(|p| self.locations.get(p).is_some_and(|e| e.kind == "province")) {
            return true;
        }
        // Every proper suffix of two or more syllables, looked up (not every title scanned).
        stem.char_indices().skip(1).map(|(i, _)| (i, &stem[i..])).filter(|(_, suf)| suf.chars().count() >= 2).any(|(i, r)| {
            // Short titles that end many ordinary compounds (주식시장, 의사, 통신부) only count whole.
            self.roles.contains(r)
                // `재난안전실장`, `교통실장`: the head of an office (…실) named by two syllables or
                // more (`거실장`, `욕실장` are cabinets).
                && !(r == "실장" && i < stem.len() && stem[..i].chars().count() < 2)
                && !(r != "실장" && matches!(
                    r,
                    "시장" | "의사" | "이사" | "선수" | "주장" | "대장" | "간사" | "지사" | "차장" | "소장" | "감독" | "교사" | "대사" | "단장" | "검사" | "원장" | "실장" | "사장" | "신부"
                ))
                // A long name before a title that also ends institutions (`한국경제정책연구원`)
                // makes an institution; a short one is a kind of that title (`정책연구원`).
                && !(stem[..i].chars().count() >= 4 && self.org_suffix_min.contains_key(r))
                // `박람회장`, `설명회장`: the venue (…회 + 장) of an event, not the head of a body.
                && !(r == "회장" && ["박람", "전시", "설명", "공청", "토론", "간담", "발표", "음악", "연주", "시사"].iter().any(|e| stem[..i].ends_with(e)))
                // `출국장`, `입국장`: an airport's departure or arrival hall, not a bureau's head.
                && !(r == "국장" && matches!(&stem[..i], "출" | "입"))
        })
    }

    /// An organization name by its ending (`…위원회`, `…전자`), with a long enough name before it.
    /// True when `word` is or ends with a noun that introduces an organization's name.
    pub fn org_descriptor(&self, word: &str) -> bool {
        self.org_descriptors.iter().any(|d| word.ends_with(d.as_str()))
    }

    pub fn org_by_suffix(&self, stem: &str) -> bool {
        // (The last character first: it rules out most words before the stoplist is scanned.)
        if !stem.chars().next_back().is_some_and(|c| self.org_suffix_last.contains(c)) {
            return false;
        }
        if self.org_stoplist.contains(stem) || self.org_stop_endings.iter().any(|e| stem.ends_with(e.as_str())) {
            return false;
        }
        let n = stem.chars().count();
        stem.char_indices().skip(1).any(|(i, _)| {
            self.org_suffix_min.get(&stem[i..]).is_some_and(|&min| n >= stem[i..].chars().count() + min)
        })
    }

    /// A facility noun that names a place after a place name (`세부 국제공항`, `국회 본관`): one of
    /// the place endings, whole, or a building's part.
    pub fn is_facility(&self, word: &str) -> bool {
        self.location_suffix_min.contains_key(word) || matches!(word, "본관" | "별관" | "신관" | "대강당" | "강당" | "대회의실" | "회의실" | "청사" | "시청" | "도청" | "구청" | "군청" | "소통관" | "정문" | "로비" | "의사당")
    }

    /// A place by its ending (`…청사`, `…구장`).
    pub fn location_by_suffix(&self, stem: &str) -> bool {
        stem.chars().next_back().is_some_and(|c| self.location_suffix_last.contains(c))
            && stem.chars().all(|c| ('가'..='힣').contains(&c) || c.is_ascii_digit())
            && stem
                .char_indices()
                .enumerate()
                .any(|(k, (i, _))| self.location_suffix_min.get(&stem[i..]).is_some_and(|&min| k >= min))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_set_answers_as_a_hash_set() {
        let members: Vec<char> = "김이박최남궁제갈가힣各A1·".chars().chain(('가'..='힣').step_by(97)).collect();
        let set: CharSet = members.iter().copied().collect();
        let hash: HashSet<char> = members.iter().copied().collect();
        for c in ('\0'..='\u{FFFF}').chain(['\u{1F600}', '\u{10FFFF}']) {
            assert_eq!(set.contains(c), hash.contains(&c), "{c:?}");
        }
        assert!(!CharSet::default().contains('가'));
    }
}
