//! Page chrome removal that keeps offsets: every non-blank line of the page becomes one or more
//! classified [`Block`]s (headline, body, caption, byline, copyright, …). Nothing is deleted from
//! the text; later stages read only the blocks whose kind carries sentences.
//!
//! The patterns are data (`dictionaries/boilerplate.tsv`, `dictionaries/sections.txt`); this file
//! holds the layout logic: captions repeated by scrapers, credits after captions, the headline
//! before the first paragraph, the trailer after the copyright line or the comment box.


use once_cell::sync::Lazy;
use regex::{Regex, RegexSet, RegexSetBuilder};

use crate::doc::{Block, BlockKind};
use crate::offsets::CharIndex;
use crate::resources::DataFiles;
use crate::segment::is_space;

mod gate;
use gate::{Bits, LiteralGate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Line,
    Start,
    Prefix,
    Suffix,
    Caption,
    Credit,
}

#[derive(Debug, Clone)]
struct Rule {
    kind: BlockKind,
    name: &'static str,
    regex: Regex,
}

/// The compiled boilerplate rules. Build once with [`Cleaner::new`]; a clone shares the compiled
/// rules and gets search scratch space of its own (see [`crate::Pipeline::fork`]).
#[derive(Debug, Clone)]
pub struct Cleaner {
    line: Vec<Rule>,
    /// The open line rules (those the literal gate cannot rule out, see [`gate`]) as one set:
    /// they are anchored at the start and give up within a few characters on a line of text.
    /// Its lazy DFA gets a larger cache than the default: with the default, Korean text
    /// overflows it and the set falls back to a far slower engine.
    line_set: RegexSet,
    /// Indices in `line` of the rules in `line_set`, in file order.
    open: Vec<usize>,
    /// The gated line rules: bit `i` is `line[i]`.
    gated: Bits,
    start: Vec<Rule>,

    prefix: Vec<Rule>,
    suffix: Vec<Rule>,
    caption: Vec<Rule>,
    /// Photo credits at the start or the end of a caption line (`(사진=… 제공)`, `/뉴스1`).
    credit: Vec<Rule>,
    sections: rustc_hash::FxHashSet<String>,
    /// For each `start` rule: a `line` rule has the same pattern.
    start_is_line_rule: Vec<bool>,
    /// Which of the line rules (bits `0..line.len()`), the start rules (the next bits), the
    /// caption, prefix and credit rules (the bits after those, in that order) can match a line.
    gate: LiteralGate,
}

/// What the cleaner found: the blocks, and the reporter(s) and outlet named in the chrome.
#[derive(Debug, Default, Clone)]
pub struct Cleaned {
    pub blocks: Vec<Block>,
    pub reporters: Vec<String>,
    pub outlet: Option<String>,
}

/// A line of the page: byte range of its trimmed text.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    /// Code points of the trimmed line.
    chars: usize,
    /// Blank lines between the previous non-blank line and this one.
    gap_before: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Chrome(BlockKind, &'static str),
    Text,
}


/// Two lines that are the same caption: equal but for spacing and the style of quotation marks
/// (scrapers capture the image alt text and the visible caption).
fn same_caption(a: &str, b: &str) -> bool {
    fn norm(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().filter(|c| !is_space(*c)).map(|c| match c {
            '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' => '"',
            other => other,
        })
    }
    a == b || (a.len().abs_diff(b.len()) <= 16 && norm(a).eq(norm(b)))
}

/// Lines longer than this (in bytes, about 160 Hangul syllables) are not matched against the
/// line rules: no chrome line is that long, and body paragraphs are the bulk of every page.
const LINE_RULE_MAX_BYTES: usize = 480;

/// A line at least this long that does not end like a sentence and runs on into the next line is
/// a hard-wrapped paragraph line; shorter ones are headings.
const WRAP_MIN_CHARS: usize = 35;
/// Longest line taken for a headline, a menu or a page tool: anything longer is text.
const HEADING_MAX_CHARS: usize = 200;
/// Longest unpunctuated line taken for a subhead.
const SUBHEAD_MAX_CHARS: usize = 100;

/// A row of navigation links: six or more short words with no punctuation or digits, which a
/// headline (nearly always carrying `…`, quotes, commas or numbers) does not look like.
fn is_nav_row(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() >= 6
        && words.iter().all(|w| w.chars().count() <= 6)
        && !s.chars().any(|c| c.is_ascii_digit() || ".,…'\"‘’“”·!?%()[]".contains(c))
}

/// A line of reporting, not a photo's description: it ends with a verb of saying or a plan
/// (`…라고 밝혔다.`, `…할 계획이다.`), which captions (`…하고 있다.`, `…모습.`) do not. Such a
/// line above a photo credit is the paragraph before a photo without a caption.
fn reports(s: &str) -> bool {
    const ENDS: [&str; 14] = [
        "밝혔다", "말했다", "전했다", "설명했다", "강조했다", "지적했다", "덧붙였다", "주장했다", "계획이다", "예정이다", "방침이다", "전망이다", "보인다", "설명이다",
    ];
    let core = s.trim_end_matches(|c: char| matches!(c, '.' | '"' | '”' | '\'' | '’' | ')') || is_space(c));
    s.ends_with('.') && ENDS.iter().any(|e| core.ends_with(e))
}

/// A row of section links above a breadcrumb (`정책뉴스 브리핑룸 정책자료` over `정책뉴스 > 복지`)
/// looks like a headline: when a breadcrumb or a menu row stands between the line taken for the
/// headline and a later title line that the page's date or byline follows, the lines above that
/// menu are navigation and the later line is the headline.
fn navigation_above_headline(kinds: &mut [Option<(BlockKind, &'static str)>]) {
    let Some(h) = kinds.iter().position(|k| matches!(k, Some((BlockKind::Headline, _)))) else { return };
    // The page's date or byline after the headline, before any body line.
    let mut date = None;
    for (i, k) in kinds.iter().enumerate().skip(h + 1) {
        match k {
            None => break,
            Some((BlockKind::Dateline | BlockKind::Byline, _)) => {
                date = Some(i);
                break;
            }
            _ => {}
        }
    }
    let Some(d) = date else { return };
    let is_nav = |k: &Option<(BlockKind, &'static str)>| matches!(k, Some((BlockKind::Menu, "breadcrumb" | "section-menu" | "nav-row")));
    let Some(m) = (h + 1..d).rev().find(|&i| is_nav(&kinds[i])) else { return };
    let Some(t) = (m + 1..d).find(|&i| matches!(kinds[i], Some((BlockKind::Subhead, "before-first-paragraph")))) else { return };
    for k in kinds[h..m].iter_mut() {
        if matches!(k, Some((BlockKind::Headline | BlockKind::Subhead, _))) {
            *k = Some((BlockKind::Menu, "nav-row"));
        }
    }
    kinds[t] = Some((BlockKind::Headline, "before-first-paragraph"));
}

/// Whether the first line after line `i` that is not a menu or a page tool is the page's date or
/// byline: then line `i` is the headline, however much it looks like a row of links
/// (`반도체 장비 수출 석 달째 증가` above `입력 2025.04.02 09:41`).
fn dated_next(kinds: &[Option<(BlockKind, &'static str)>], i: usize) -> bool {
    kinds[i + 1..]
        .iter()
        .find(|k| !matches!(k, Some((BlockKind::Menu, _))))
        .is_some_and(|k| matches!(k, Some((BlockKind::Dateline | BlockKind::Byline, _))))
}

/// True when a sentence ends inside the line (`…다. 다음`), which headings do not have. A
/// question or exclamation before a quotation (`복구 늦어진 이유? "…"`) is a heading's style.
fn has_inner_sentence_end(s: &str) -> bool {
    s.match_indices(['.', '?', '!']).any(|(i, p)| {
        let before = s[..i].chars().next_back();
        let rest = &s[i + 1..];
        let after = rest.chars().next();
        let quote_follows = p != "." && rest.trim_start().starts_with(['"', '“', '\'', '‘']);
        before.is_some_and(|c| ('가'..='힣').contains(&c)) && after.is_some_and(is_space) && !quote_follows
    })
}

/// Sentence-final punctuation, possibly followed by closing quotes or brackets.
fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| matches!(c, '"' | '\'' | '”' | '’' | '」' | '』' | ')' | ']' | '>' | '》' | '〉') || is_space(c));
    t.ends_with(['.', '?', '!', '。', '…', '？', '！'])
}

static REPORTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:([가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*)\s*(?:기자|특파원|선임기자|전문기자|객원기자|통신원|사진기자|인턴기자)|(?:기자|글|사진|글·사진)\s*[=:]\s*([가-힣]{2,4}))").unwrap()
});
static OUTLET_DATELINE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^[\[(【<]\s*[가-힣A-Za-z·\s]{1,12}\s*[=＝]\s*([가-힣A-Za-z0-9]+(?:\s[가-힣A-Za-z0-9]+)?)\s*[\])】>]").unwrap());
static OUTLET_BIO: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^([가-힣A-Za-z0-9]{2,12})\s*(?:사진|선임|전문|객원|인턴|정치부|경제부|사회부|국제부|문화부|산업부|체육부|스포츠부)?\s*기자(?:입니다)?[.,]").unwrap()
});
static OUTLET_COPYRIGHT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:저작권자|[Cc]opyright|COPYRIGHT|ⓒ|©|Ⓒ|\([cC]\))\s*(?:\([cC]\)|ⓒ|©|Ⓒ)?\s*[:：]?\s*(?:\([cC]\)|ⓒ|©|Ⓒ)?\s*(?:by\s+)?(?:[Tt]he\s+)?([가-힣A-Za-z][가-힣A-Za-z0-9&]*)").unwrap()
});

impl Cleaner {
    /// Compiles the rules; a bad row is reported as `boilerplate.tsv:LINE`.
    pub fn new(data: &DataFiles) -> Result<Cleaner, String> {
        let mut line = Vec::new();
        let mut start = Vec::new();
        let mut prefix = Vec::new();
        let mut suffix = Vec::new();
        let mut caption = Vec::new();
        let mut credit = Vec::new();
        for (no, row) in data.lines("boilerplate.tsv") {
            let at = |m: &str| format!("boilerplate.tsv:{no}: {m}");
            let cols: Vec<&str> = row.splitn(4, '\t').collect();
            if cols.len() != 4 {
                return Err(at("expected 4 tab-separated columns: scope, kind, name, regex"));
            }
            let scope = match cols[0] {
                "line" => Scope::Line,
                "start" => Scope::Start,
                "prefix" => Scope::Prefix,
                "suffix" => Scope::Suffix,
                "caption" => Scope::Caption,
                "credit" => Scope::Credit,
                other => return Err(at(&format!("unknown scope {other:?}"))),
            };
            let kind = BlockKind::parse(cols[1]).ok_or_else(|| at(&format!("unknown kind {:?}", cols[1])))?;
            let regex = Regex::new(cols[3]).map_err(|e| at(&format!("bad regex: {e}")))?;
            let name: &'static str = Box::leak(cols[2].to_string().into_boxed_str());
            let rule = Rule { kind, name, regex };
            match scope {
                Scope::Line => line.push(rule),
                Scope::Start => start.push(rule),
                Scope::Prefix => prefix.push(rule),
                Scope::Suffix => suffix.push(rule),
                Scope::Caption => caption.push(rule),
                Scope::Credit => credit.push(rule),
            }
        }
        let sections = data.lines("sections.txt").map(|(_, l)| l.trim().to_string()).collect();
        let set = |rules: &[&Rule]| {
            RegexSetBuilder::new(rules.iter().map(|r| r.regex.as_str()))
                .dfa_size_limit(16 << 20)
                .build()
                .map_err(|e| format!("boilerplate.tsv: {e}"))
        };
        let patterns: Vec<&str> = line.iter().chain(&start).chain(&caption).chain(&prefix).chain(&credit).map(|r| r.regex.as_str()).collect();
        if patterns.len() > gate::MAX_RULES {
            return Err(format!("boilerplate.tsv: more than {} line, start, caption, prefix and credit rules", gate::MAX_RULES));
        }
        let gate = LiteralGate::new(&patterns);
        let open: Vec<usize> = (0..line.len()).filter(|&i| gate.open() & (1 << i) != 0).collect();
        if let Some(&i) = open.iter().find(|&&i| !line[i].regex.as_str().starts_with('^')) {
            // An open rule that is not anchored would make the set read every line to its end.
            return Err(format!("boilerplate.tsv: line rule {:?} is neither anchored (^…) nor holds a literal", line[i].name));
        }
        let gated = (0..line.len()).filter(|i| !open.contains(i)).fold(0 as Bits, |m, i| m | 1 << i);
        let line_set = set(&open.iter().map(|&i| &line[i]).collect::<Vec<_>>())?;
        let start_is_line_rule = start.iter().map(|r| line.iter().any(|l| l.regex.as_str() == r.regex.as_str())).collect();
        Ok(Cleaner { line, line_set, open, gated, start, start_is_line_rule, gate, caption, credit, prefix, suffix, sections })
    }

    /// True for a line made only of section/menu words (`정치 경제 사회 국제`).
    fn is_section_menu(&self, s: &str) -> bool {
        if s.len() > 240 || s.ends_with(['.', '?', '!']) {
            return false; // menus are short rows of words
        }
        let split = || s.split(|c: char| matches!(c, '|' | '/' | '·' | ',' | '>' | 'ㅣ') || is_space(c)).filter(|w| !w.is_empty());
        let words = split().count();
        // Unknown words allowed: none below four words, else up to 40%. Most short lines are
        // headlines whose first words are not section names: stop at the first one too many.
        let allowed = if words >= 4 { words * 4 / 10 } else { 0 };
        let mut unknown = 0;
        for w in split() {
            if !self.sections.contains(w) {
                unknown += 1;
                if unknown > allowed {
                    return false;
                }
            }
        }
        words > 0
    }

    /// `cand`: the gate's candidates for `s`.
    fn classify_line(&self, s: &str, cand: Bits) -> Class {
        // Chrome lines are short; a long line is text (or, after the article, trailer prose).
        if s.len() <= LINE_RULE_MAX_BYTES {
            // Rules in file order, the first match wins. Most lines match no rule: the set says
            // so in one pass that stops early, and only a chrome line is tried rule by rule.
            if let Some(r) = self.first_line_rule(s, cand) {
                return Class::Chrome(r.kind, r.name);
            }
            if self.is_section_menu(s) {
                return Class::Chrome(BlockKind::Menu, "section-menu");
            }
        }
        Class::Text
    }

    /// `text_line`: every line rule was tried on `s` and none matched, so a start rule that is
    /// also a line rule (the copyright lines) need not be tried again.
    fn starts_trailer(&self, s: &str, chars: usize, text_line: bool, cand: Bits) -> Option<(BlockKind, &'static str)> {
        if chars > 300 {
            return None;
        }
        // A handful of rules, each with a literal the regex engine finds by a vectorized scan:
        // trying them one by one is faster here than one set (measured with
        // bench/regexset-probe).
        let first_bit = self.line.len();
        self.start
            .iter()
            .zip(&self.start_is_line_rule)
            .enumerate()
            .find(|(k, (r, &dup))| cand & (1 << (first_bit + k)) != 0 && !(dup && text_line) && r.regex.is_match(s))
            .map(|(_, (r, _))| (r.kind, r.name))
    }

    /// Classifies every non-blank line of `text` into blocks.
    pub fn clean(&self, text: &str, index: &CharIndex) -> Cleaned {
        // 1. Lines, trimmed.
        let mut lines = Vec::new();
        let mut pos = 0;
        let mut gap = false;
        for raw in text.split_inclusive('\n') {
            let s = raw.trim_start_matches(is_space);
            let lead = raw.len() - s.len();
            let s = s.trim_end_matches(is_space);
            if s.is_empty() {
                gap = true;
            } else {
                lines.push(Line { start: pos + lead, end: pos + lead + s.len(), chars: s.chars().count(), gap_before: gap });
                gap = false;
            }
            pos += raw.len();
        }
        let txt = |l: &Line| &text[l.start..l.end];

        // 2. Line by line: chrome rules, the trailer, text.
        let mut class: Vec<Class> = Vec::with_capacity(lines.len());
        let mut trailer: Option<BlockKind> = None;
        let mut seen_paragraph = false;
        // The gate's candidates for each line; all rules where it was not run.
        let mut cands: Vec<Bits> = Vec::with_capacity(lines.len());
        for l in &lines {
            let s = txt(l);
            let wants_start = (trailer.is_some() || seen_paragraph) && l.chars <= 300;
            let cand = if s.len() <= LINE_RULE_MAX_BYTES || wants_start { self.gate.candidates(s) } else { 0 };
            cands.push(if s.len() <= LINE_RULE_MAX_BYTES || wants_start { cand } else { Bits::MAX });
            let c = self.classify_line(s, cand);
            let text_line = c == Class::Text && s.len() <= LINE_RULE_MAX_BYTES;
            if let Some(tk) = trailer {
                class.push(match c {
                    Class::Chrome(..) => c,
                    Class::Text => match self.starts_trailer(s, l.chars, text_line, cand) {
                        Some((k, n)) => Class::Chrome(k, n),
                        None if tk == BlockKind::Related && !ends_like_sentence(s) => {
                            Class::Chrome(BlockKind::Related, "trailer")
                        }
                        None if l.chars >= 40 => Class::Chrome(BlockKind::Bio, "trailer"),
                        None => Class::Chrome(BlockKind::Footer, "trailer"),
                    },
                });
                continue;
            }
            if seen_paragraph {
                if let Some((k, n)) = self.starts_trailer(s, l.chars, text_line, cand) {
                    trailer = Some(k);
                    class.push(match c {
                        Class::Chrome(..) => c,
                        Class::Text => Class::Chrome(k, n),
                    });
                    continue;
                }
            }
            if c == Class::Text && ends_like_sentence(s) && l.chars >= 20 {
                seen_paragraph = true;
            }
            class.push(c);
        }

        // 3. Captions: a line repeated right after itself, a line followed by a photo credit,
        //    a line with a photo marker.
        let mut kinds: Vec<Option<(BlockKind, &'static str)>> = class
            .iter()
            .map(|c| match c {
                Class::Chrome(k, n) => Some((*k, *n)),
                Class::Text => None,
            })
            .collect();
        // The reporter signature or e-mail at the end of each line ([`Cleaner::signature`]), found
        // once for the lines that need it (`None`: not looked for yet).
        let mut sigs: Vec<Option<Signature>> = vec![None; lines.len()];
        for i in 0..lines.len() {
            if kinds[i].is_some() {
                continue;
            }
            let s = txt(&lines[i]);
            let n = lines[i].chars;
            if n >= 10
                && i + 1 < lines.len()
                && kinds[i + 1].is_none()
                && same_caption(txt(&lines[i + 1]), s)
            {
                kinds[i] = Some((BlockKind::Caption, "repeated-line"));
                kinds[i + 1] = Some((BlockKind::CaptionDup, "repeated-line"));
                continue;
            }
            // `[자료제공 : 환경부]` after the last paragraph names the source of a press release,
            // not of a photo: the paragraph above it stays body.
            let source_note = || {
                let next = txt(&lines[i + 1]).trim_start_matches(['[', '(', '<', '/', ' ']);
                next.starts_with("자료") && kinds[i + 2..].iter().all(|k| k.is_some())
            };
            if i + 1 < lines.len()
                && matches!(kinds[i + 1], Some((BlockKind::Credit, n)) if n != "production")
                && n <= 400
                && !reports(s)
                && !source_note()
            {
                kinds[i] = Some((BlockKind::Caption, "before-credit"));
                continue;
            }
            if n <= 400 {
                let core = without_signature(s, *sigs[i].get_or_insert_with(|| self.signature(s)));
                let first_bit = self.line.len() + self.start.len();
                let cand = cands[i] >> first_bit;
                if let Some(r) = gated(&self.caption, cand).find(|r| r.regex.is_match(core)) {
                    kinds[i] = Some((r.kind, r.name));
                }
            }
        }
        // A short title line right above a caption belongs to it.
        for i in 0..lines.len().saturating_sub(1) {
            if kinds[i].is_none()
                && matches!(kinds[i + 1], Some((BlockKind::Caption, _)))
                && !lines[i + 1].gap_before
                && !ends_like_sentence(txt(&lines[i]))
                && lines[i].chars < 40
            {
                kinds[i] = Some((BlockKind::Caption, "caption-title"));
            }
        }

        // 4. Headline and subheads: text before the first paragraph; short unpunctuated lines
        //    standing alone between paragraphs. A long line that does not end like a sentence
        //    and runs on into the next line without a blank line is a hard-wrapped paragraph.
        // (Read only for lines no rule has classified so far: a chrome line keeps its text.)
        let core: Vec<&str> = (0..lines.len())
            .map(|i| {
                let s = txt(&lines[i]);
                if kinds[i].is_some() {
                    return s;
                }
                without_signature(s, *sigs[i].get_or_insert_with(|| self.signature(s)))
            })
            .collect();
        let wrapped: Vec<bool> = (0..lines.len())
            .map(|i| {
                kinds[i].is_none()
                    && i + 1 < lines.len()
                    && kinds[i + 1].is_none()
                    && !lines[i + 1].gap_before
                    && core[i].chars().count() >= WRAP_MIN_CHARS
                    && !ends_like_sentence(core[i])
            })
            .collect();
        // Does the paragraph starting at line i (following wrapped lines) end like a sentence?
        let para_ends_sentence = |mut i: usize| {
            let mut n = 0;
            while wrapped[i] {
                n += core[i].chars().count();
                i += 1;
            }
            n += core[i].chars().count();
            ends_like_sentence(core[i]) && n >= 20
        };
        let mut had_headline = false;
        let mut in_body = false;
        let mut continues = false;
        for i in 0..lines.len() {
            if kinds[i].is_some() {
                continues = false;
                continue;
            }
            let s = core[i];
            let joined = continues;
            continues = wrapped[i];
            if joined {
                continue; // the rest of a wrapped paragraph: body
            }
            if !in_body {
                let n = s.chars().count();
                let single = n > HEADING_MAX_CHARS
                    || (ends_like_sentence(s) && (n >= 20 || (s.ends_with('.') && s.split_whitespace().nth(1).is_some())));
                if single || (had_headline && para_ends_sentence(i)) {
                    in_body = true;
                    continue;
                }
                // Mastheads, site names and leftover page tools are short; headlines are not.
                let words = s.split_whitespace().count();
                kinds[i] = Some(if s.chars().count() < 12 || words < 3 {
                    (BlockKind::Menu, "masthead")
                } else if !had_headline && is_nav_row(s) && !dated_next(&kinds, i) {
                    (BlockKind::Menu, "nav-row")
                } else if had_headline {
                    (BlockKind::Subhead, "before-first-paragraph")
                } else {
                    had_headline = true;
                    (BlockKind::Headline, "before-first-paragraph")
                });
                continues = false;
                continue;
            }
            if !wrapped[i] && !ends_like_sentence(s) && s.chars().count() < SUBHEAD_MAX_CHARS && !has_inner_sentence_end(s) {
                kinds[i] = Some((BlockKind::Subhead, "unpunctuated-line"));
            }
        }
        navigation_above_headline(&mut kinds);

        // 5. Blocks; body lines may carry a dateline/byline prefix or a signature suffix.
        let mut out = Cleaned::default();
        for (i, l) in lines.iter().enumerate() {
            let s = txt(l);
            match kinds[i] {
                Some((BlockKind::Caption, rule)) => self.split_caption(text, l.start, l.end, rule, cands[i], index, &mut out),
                Some((kind, rule)) => {
                    if matches!(kind, BlockKind::Byline | BlockKind::Copyright | BlockKind::Bio) {
                        self.note_names(s, kind, &mut out);
                    }
                    out.blocks.push(Block { span: index.span(l.start, l.end), kind, rule });
                }
                None => self.split_body(text, l.start, l.end, self.prefix_candidates(cands[i]), sigs[i], index, &mut out),
            }
        }
        merge_wrapped(&mut out.blocks, text, index);
        out
    }

    /// The line without a trailing reporter signature or e-mail address.
    #[cfg(test)]
    fn strip_signature<'a>(&self, s: &'a str) -> &'a str {
        if s.contains('@') {
            for r in &self.suffix {
                if let Some(m) = r.regex.find(s) {
                    if m.start() > 0 {
                        return s[..m.start()].trim_end_matches(is_space);
                    }
                }
            }
        }
        s
    }

    /// The trailing reporter signature or e-mail address of a line (not at its start): the first
    /// suffix rule that finds one, and where.
    fn signature(&self, s: &str) -> Signature {
        if s.contains('@') {
            for (k, r) in self.suffix.iter().enumerate() {
                if let Some(m) = r.regex.find(s) {
                    if m.start() > 0 {
                        return Some((k, m.start(), m.end()));
                    }
                }
            }
        }
        None
    }

    /// A body line: cut a dateline/byline prefix and a reporter signature or e-mail suffix.
    /// `prefix_cand`: the prefix rules the gate leaves possible (bit `k`: `self.prefix[k]`).
    /// `sig`: the line's [`Cleaner::signature`] if it was looked for.
    #[allow(clippy::too_many_arguments)]
    fn split_body(&self, text: &str, start: usize, end: usize, prefix_cand: Bits, sig: Option<Signature>, index: &CharIndex, out: &mut Cleaned) {
        let s = &text[start..end];
        let mut b0 = start;
        let mut b1 = end;
        let mut pre = None;
        let mut suf = None;
        for r in gated(&self.prefix, prefix_cand) {
            if let Some(m) = r.regex.find(s) {
                if m.end() > 0 && m.end() < s.len() {
                    self.note_names(m.as_str(), r.kind, out);
                    let (a, b) = trim_range(text, start, start + m.end());
                    pre = Some(Block { span: index.span(a, b), kind: r.kind, rule: r.name });
                    b0 = start + m.end();
                    break;
                }
            }
        }
        let rest = &text[b0..b1];
        // Without a prefix cut, the rest is the line whose signature may have been found before.
        let sig = match sig {
            Some(found) if b0 == start => found,
            _ => self.signature(rest),
        };
        if let Some((k, m0, m1)) = sig {
            let r = &self.suffix[k];
            self.note_names(&rest[m0..m1], r.kind, out);
            let (a, b) = trim_range(text, b0 + m0, b1);
            suf = Some(Block { span: index.span(a, b), kind: r.kind, rule: r.name });
            b1 = b0 + m0;
        }
        // The body proper, trimmed.
        let body = &text[b0..b1];
        let lead = body.len() - body.trim_start_matches(is_space).len();
        let trimmed_len = body.trim_matches(is_space).len();
        out.blocks.extend(pre);
        if trimmed_len > 0 {
            out.blocks.push(Block {
                span: index.span(b0 + lead, b0 + lead + trimmed_len),
                kind: BlockKind::Body,
                rule: "",
            });
        }
        out.blocks.extend(suf);
    }

    /// A caption line: cut a dateline prefix (`(서울=연합뉴스) 홍길동 기자 =`) and photo credits
    /// at its start and end (`(사진=시흥소방서 제공)`, `/사진제공=…`, `외교부 제공`, `[연합뉴스]`),
    /// so that only the caption's own text is analysed.
    /// `cand`: the gate's candidates for the line.
    #[allow(clippy::too_many_arguments)]
    fn split_caption(&self, text: &str, start: usize, end: usize, rule: &'static str, cand: Bits, index: &CharIndex, out: &mut Cleaned) {
        let prefix_cand = self.prefix_candidates(cand);
        let credit_cand = self.credit_candidates(cand);
        let mut blocks = Vec::new();
        let (mut b0, mut b1) = (start, end);
        let s = &text[b0..b1];
        if let Some((r, m)) = gated(&self.prefix, prefix_cand).find_map(|r| r.regex.find(s).map(|m| (r, m))) {
            if m.end() > 0 && m.end() < s.len() {
                self.note_names(m.as_str(), r.kind, out);
                let (a, b) = trim_range(text, b0, b0 + m.end());
                blocks.push(Block { span: index.span(a, b), kind: r.kind, rule: r.name });
                b0 += m.end();
            }
        }
        // A reporter's signature or e-mail at the end.
        let s = &text[b0..b1];
        if s.contains('@') {
            if let Some((r, m)) = self.suffix.iter().find_map(|r| r.regex.find(s).map(|m| (r, m))) {
                if m.start() > 0 {
                    let (a, b) = trim_range(text, b0 + m.start(), b1);
                    blocks.push(Block { span: index.span(a, b), kind: r.kind, rule: r.name });
                    b1 = b0 + m.start();
                }
            }
        }
        // A caption may carry more than one credit (`… 제공) 2023.11.7`): a few rounds.
        for _ in 0..3 {
            let s = &text[b0..b1];
            // The candidates of the whole line hold those of any part of it.
            let cut = gated(&self.credit, credit_cand).find_map(|r| {
                let m = r.regex.find(s)?;
                let body = m.as_str();
                // The period before a credit ends the caption's sentence.
                let lead = body.len() - body.trim_start_matches(|c: char| c == '.' || c == '。' || is_space(c)).len();
                let (c0, c1) = (m.start() + lead, m.end());
                let at_end = m.end() == s.len() && m.start() > 0;
                let at_start = m.start() == 0 && m.end() < s.len();
                (c0 < c1 && (at_end || at_start)).then_some((r, c0, c1, at_end))
            });
            let Some((r, c0, c1, at_end)) = cut else { break };
            let (a, b) = trim_range(text, b0 + c0, b0 + c1);
            if a < b {
                blocks.push(Block { span: index.span(a, b), kind: r.kind, rule: r.name });
            }
            if at_end {
                b1 = b0 + c0;
            } else {
                b0 += c1;
            }
        }
        let (a, b) = trim_range(text, b0, b1);
        if a < b {
            blocks.push(Block { span: index.span(a, b), kind: BlockKind::Caption, rule });
        }
        blocks.sort_by_key(|b| b.span.start);
        out.blocks.extend(blocks);
    }

    fn note_names(&self, s: &str, kind: BlockKind, out: &mut Cleaned) {
        if kind == BlockKind::Byline || kind == BlockKind::Bio {
            if out.outlet.is_none() {
                if let Some(c) = OUTLET_DATELINE.captures(s) {
                    out.outlet = Some(c[1].trim().to_string());
                }
            }
            if out.outlet.is_none() && kind == BlockKind::Bio {
                if let Some(c) = OUTLET_BIO.captures(s) {
                    out.outlet = Some(c[1].to_string());
                }
            }
            if kind == BlockKind::Byline {
                for c in REPORTER.captures_iter(s) {
                    let names = c.get(1).or(c.get(2)).map(|m| m.as_str()).unwrap_or("");
                    for n in names.split(['·', ',']) {
                        let n = n.trim().to_string();
                        if !n.is_empty() && !out.reporters.contains(&n) {
                            out.reporters.push(n);
                        }
                    }
                }
            }
        }
        if kind == BlockKind::Copyright && out.outlet.is_none() {
            if let Some(c) = OUTLET_COPYRIGHT.captures(s) {
                let o = c[1].trim();
                if !o.is_empty() && !o.starts_with("무단") {
                    out.outlet = Some(o.to_string());
                }
            }
        }
    }
}

impl Cleaner {
    /// The prefix rules' bits of the gate's candidates `cand` of a line (bit `k`: `self.prefix[k]`).
    fn prefix_candidates(&self, cand: Bits) -> Bits {
        cand.checked_shr((self.line.len() + self.start.len() + self.caption.len()) as u32).unwrap_or(0)
    }

    /// The credit rules' bits of the gate's candidates `cand` of a line (bit `k`: `self.credit[k]`).
    fn credit_candidates(&self, cand: Bits) -> Bits {
        cand.checked_shr((self.line.len() + self.start.len() + self.caption.len() + self.prefix.len()) as u32).unwrap_or(0)
    }

    /// The first line rule, in file order, that matches `s`: the set of open rules says which
    /// of them match; the gated rules before the first open hit are tried one by one, each only
    /// if `cand` (the literal gate) says the line holds one of its literals.
    fn first_line_rule(&self, s: &str, cand: Bits) -> Option<&Rule> {
        // `is_match` stops at the first match state; `matches` runs the overlapping search on,
        // which costs more on the lines (most of them) that no rule matches.
        let open = if self.line_set.is_match(s) { self.line_set.matches(s).into_iter().next().map(|k| self.open[k]) } else { None };
        let before = open.map_or(Bits::MAX, |a| ((1 as Bits) << a) - 1);
        let mut bits = cand & self.gated & before;
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            if self.line[i].regex.is_match(s) {
                return Some(&self.line[i]);
            }
            bits &= bits - 1;
        }
        open.map(|i| &self.line[i])
    }
}

/// A line's trailing signature: (index of the suffix rule, start and end of its match).
type Signature = Option<(usize, usize, usize)>;

/// The line without its trailing signature (and the spaces before it).
fn without_signature(s: &str, sig: Signature) -> &str {
    match sig {
        Some((_, m0, _)) => s[..m0].trim_end_matches(is_space),
        None => s,
    }
}

/// The rules of `rules` whose bit (`k` for `rules[k]`) is set in `cand`, in order.
fn gated(rules: &[Rule], cand: Bits) -> impl Iterator<Item = &Rule> {
    rules.iter().enumerate().filter(move |(k, _)| cand & (1 << k) != 0).map(|(_, r)| r)
}

/// `[a, b)` without leading and trailing white space.
fn trim_range(text: &str, a: usize, b: usize) -> (usize, usize) {
    let s = &text[a..b];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let len = s.trim_matches(is_space).len();
    (a + lead, a + lead + len)
}

/// Joins body lines of a hard-wrapped paragraph: a body block that does not end like a sentence
/// and is followed, after exactly one line break, by another body block.
fn merge_wrapped(blocks: &mut Vec<Block>, text: &str, index: &CharIndex) {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for b in blocks.drain(..) {
        if let Some(prev) = out.last_mut() {
            if prev.kind == BlockKind::Body && b.kind == BlockKind::Body {
                let prev_text = index.slice(text, prev.span);
                let between = &text[index.byte(prev.span.end)..index.byte(b.span.start)];
                if !ends_like_sentence(prev_text)
                    && between.chars().all(is_space)
                    && between.matches('\n').count() == 1
                {
                    prev.span.end = b.span.end;
                    continue;
                }
            }
        }
        out.push(b);
    }
    *blocks = out;
}

/// Spans of the blocks that carry sentences, in order.
pub fn text_blocks(blocks: &[Block]) -> impl Iterator<Item = &Block> {
    blocks.iter().filter(|b| b.kind.has_sentences())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The signature found once per line, cut off by [`without_signature`], is what
    /// [`Cleaner::strip_signature`] cuts off; and the match it names is the one the first suffix
    /// rule that matches (not at the start) finds.
    #[test]
    fn a_signature_found_once_cuts_what_the_suffix_rules_cut() {
        let c = Cleaner::new(&DataFiles::embedded()).unwrap();
        let heads = ["", "정부는 내년 예산을 늘리기로 했다.", "(서울=뉴스) ", "가", "abc ", "김민준 기자 "];
        let tails = ["", "홍길동 기자 hong@news.co.kr", "kim.minjun@example.com", " <a@b.kr>", "[박서연 기자 park@x.com]", "@", "문의 a@b", "이메일: x_y@mail.go.kr)", "기자 @news", " 홍길동 특파원 h@n.com "];
        let mut seen = 0;
        for h in heads {
            for t in tails {
                for mid in ["", " ", "  ", "\u{a0}"] {
                    let s = format!("{h}{mid}{t}");
                    let sig = c.signature(&s);
                    assert_eq!(without_signature(&s, sig), c.strip_signature(&s), "{s:?}");
                    let old = s.contains('@').then(|| c.suffix.iter().enumerate().find_map(|(k, r)| r.regex.find(&s).filter(|m| m.start() > 0).map(|m| (k, m.start(), m.end())))).flatten();
                    assert_eq!(sig, old, "{s:?}");
                    seen += sig.is_some() as usize;
                }
            }
        }
        assert!(seen > 10, "{seen}");
    }
}
