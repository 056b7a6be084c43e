//! A literal gate for line rules: one pass of an Aho-Corasick automaton over a line says which
//! rules can match it, so each rule's regex runs only on the few lines that hold one of the
//! literals every match of the rule contains (`저작권자`, `무단`, `제보`, `기자` …), instead of each
//! regex reading every line of every page. The literals come from the patterns themselves (their
//! syntax trees, through `regex_syntax`), so the rules stay data in `boilerplate.tsv`.
//!
//! A rule whose every match must contain one of a few literals is *gated*. A rule with no such
//! set, or whose set holds a literal that nearly every line of text contains (one Hangul
//! syllable, one letter or digit, `.`, `,`), is *open*: the gate always reports it.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::{Class, Hir, HirKind};

/// One bit per rule.
pub type Bits = u128;

/// At most this many rules per gate (one bit each).
pub const MAX_RULES: usize = Bits::BITS as usize;

/// Character classes with more members than this give no literal (`[가-힣]`, `\w`).
const MAX_CLASS_CHARS: u32 = 16;

#[derive(Debug, Clone)]
pub struct LiteralGate {
    /// The literals' automaton (overlapping semantics: every state knows every literal that ends
    /// where it is entered) and the rules each of its match states stands for.
    dfa: Option<(DFA, StateID, RuleBits)>,
    /// Open rules: always candidates.
    always: Bits,
}

/// The rules whose literals end in each match state of the DFA: a line's candidates are the
/// union over the states its bytes pass through, one table look-up per byte instead of one
/// call of an overlapping search per literal found.
#[derive(Debug, Clone)]
struct RuleBits {
    /// By state index (state id `>> shift`), up to the last match state.
    bits: Vec<Bits>,
    shift: u32,
}

/// A set of literals such that every match of `h` contains at least one of them, or `None`.
fn required(h: &Hir) -> Option<Vec<Vec<u8>>> {
    fn class_size(c: &Class) -> u32 {
        match c {
            Class::Unicode(c) => c.iter().map(|r| r.end() as u32 - r.start() as u32 + 1).sum(),
            Class::Bytes(c) => c.iter().map(|r| u32::from(r.end()) - u32::from(r.start()) + 1).sum(),
        }
    }
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Literal(l) => Some(vec![l.0.to_vec()]),
        HirKind::Class(c) if class_size(c) > MAX_CLASS_CHARS => None,
        HirKind::Class(Class::Unicode(c)) => {
            Some(c.iter().flat_map(|r| r.start()..=r.end()).map(|ch| ch.to_string().into_bytes()).collect())
        }
        HirKind::Class(Class::Bytes(c)) => Some(c.iter().flat_map(|r| r.start()..=r.end()).map(|b| vec![b]).collect()),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub),
        HirKind::Repetition(_) => None,
        HirKind::Capture(c) => required(&c.sub),
        // Every part of a concatenation is in every match: take the most selective part.
        HirKind::Concat(parts) => parts.iter().filter_map(required).filter(|lits| !is_weak(lits)).max_by_key(|lits| {
            let shortest = lits.iter().map(|l| l.len()).min().unwrap_or(0);
            (shortest.min(6), std::cmp::Reverse(lits.len()))
        }),
        // One branch or another: the union, if every branch has a set.
        HirKind::Alternation(branches) => {
            let mut out = Vec::new();
            for b in branches {
                out.extend(required(b)?);
            }
            Some(out)
        }
    }
}

/// A literal set that nearly every line of Korean text contains one of: an empty literal, one
/// Hangul syllable, one ASCII letter or digit, a period or a comma.
fn is_weak(lits: &[Vec<u8>]) -> bool {
    lits.iter().any(|l| match std::str::from_utf8(l) {
        Ok(s) => {
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (None, _) => true,
                (Some(c), None) => c.is_ascii_alphanumeric() || ('가'..='힣').contains(&c) || matches!(c, '.' | ',' | ' '),
                _ => false,
            }
        }
        Err(_) => l.is_empty(),
    })
}

/// The literals that gate pattern `p`: its required literals, else its leading literals, unless
/// either set is weak. `None`: the rule is open.
pub fn gate_literals(p: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::Parser::new().parse(p).ok()?;
    let req = required(&hir).filter(|l| !l.is_empty() && !is_weak(l));
    req.or_else(|| {
        let seq = Extractor::new().extract(&hir);
        let lits: Vec<Vec<u8>> = seq.literals()?.iter().map(|l| l.as_bytes().to_vec()).collect();
        (!lits.is_empty() && !is_weak(&lits)).then_some(lits)
    })
}

impl LiteralGate {
    /// A gate for `patterns` (at most [`MAX_RULES`]); rule `k` is bit `k`.
    pub fn new(patterns: &[&str]) -> LiteralGate {
        assert!(patterns.len() <= MAX_RULES);
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut rule_of = Vec::new();
        let mut always: Bits = 0;
        for (k, p) in patterns.iter().enumerate() {
            match gate_literals(p) {
                Some(lits) => {
                    rule_of.extend(std::iter::repeat_n(k as u8, lits.len()));
                    literals.extend(lits);
                }
                None => always |= 1 << k,
            }
        }
        let dfa = (!literals.is_empty()).then(|| {
            let dfa = DFA::builder()
                .match_kind(MatchKind::Standard)
                .start_kind(StartKind::Unanchored)
                .prefilter(false)
                .build(&literals)
                .expect("a DFA over a few hundred short literals");
            let start = dfa.start_state(Anchored::No).expect("an unanchored start state");
            // Every state reachable from the start, with the rules of the literals it matches.
            let mut seen = rustc_hash::FxHashSet::default();
            let mut todo = vec![start];
            let mut matches: Vec<(StateID, Bits)> = Vec::new();
            seen.insert(start);
            while let Some(sid) = todo.pop() {
                if dfa.is_match(sid) {
                    let bits = (0..dfa.match_len(sid)).fold(0 as Bits, |b, i| b | 1 << rule_of[dfa.match_pattern(sid, i).as_usize()]);
                    matches.push((sid, bits));
                }
                for byte in 0..=255u8 {
                    let next = dfa.next_state(Anchored::No, sid, byte);
                    if seen.insert(next) {
                        todo.push(next);
                    }
                }
            }
            // State ids are multiples of one stride: index the table by id / stride.
            let shift = seen.iter().fold(0u32, |acc, s| acc | s.as_u32()).trailing_zeros().min(31);
            let len = matches.iter().map(|(s, _)| (s.as_u32() >> shift) as usize + 1).max().unwrap_or(0);
            let mut bits = vec![0 as Bits; len];
            for (sid, b) in matches {
                bits[(sid.as_u32() >> shift) as usize] |= b;
            }
            (dfa, start, RuleBits { bits, shift })
        });
        LiteralGate { dfa, always }
    }

    /// The open rules: those the gate reports for every line.
    pub fn open(&self) -> Bits {
        self.always
    }

    /// The rules that can match `s` (a superset of those that do).
    pub fn candidates(&self, s: &str) -> Bits {
        let mut bits = self.always;
        if let Some((dfa, start, table)) = &self.dfa {
            let mut sid = *start;
            for &b in s.as_bytes() {
                sid = dfa.next_state(Anchored::No, sid, b);
                if let Some(found) = table.bits.get((sid.as_u32() >> table.shift) as usize) {
                    bits |= found;
                }
            }
        }
        bits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The candidates are exactly the rules one of whose literals occurs in the line, also where
    /// literals overlap or one holds another (`사진`, `사진기자`, `진기`).
    #[test]
    fn candidates_are_the_rules_whose_literals_occur_even_overlapping() {
        let patterns = [r"사진\s*=", r"사진기자", r"진기록", r"(?:기자|특파원)\s*=", r"Ⓒ|ⓒ|©", r"\d+명"];
        let g = LiteralGate::new(&patterns);
        let lits: Vec<Option<Vec<Vec<u8>>>> = patterns.iter().map(|p| gate_literals(p)).collect();
        let lines = [
            "", "사진기록", "사진기자 =", "ⓒ 연합뉴스", "김민수 특파원 = 워싱턴", "진기록을 세운 사진기자", "기자", "사진 = 독자 제공",
            "본문 문장입니다. 3명이 다쳤다.", "특파원기자진기록사진=©",
        ];
        for s in lines {
            let mut want: Bits = 0;
            for (k, l) in lits.iter().enumerate() {
                match l {
                    None => want |= 1 << k,
                    Some(l) if l.iter().any(|x| s.as_bytes().windows(x.len()).any(|w| w == x.as_slice())) => want |= 1 << k,
                    Some(_) => {}
                }
            }
            assert_eq!(g.candidates(s), want, "{s}");
        }
    }

    #[test]
    fn a_rule_is_a_candidate_only_where_one_of_its_literals_occurs() {
        let g = LiteralGate::new(&[r"무단\s*(?:전재|복제)", r"(?:저작권자|[Cc]opyright)\s*©", r"\d+명"]);
        assert_eq!(g.candidates("기사 본문입니다."), 0b100);
        assert_eq!(g.candidates("… 무단전재 및 재배포 금지"), 0b101);
        assert_eq!(g.candidates("copyright © 2025"), 0b110);
        assert_eq!(g.candidates("저작권자 © 무단 전재"), 0b111);
        // Every line the regexes match is a candidate of each of them.
        for (k, p) in [r"무단\s*(?:전재|복제)", r"(?:저작권자|[Cc]opyright)\s*©"].iter().enumerate() {
            let re = regex::Regex::new(p).unwrap();
            for s in ["무단 복제", "Copyright ©", "저작권자©", "x 무단전재 y"] {
                if re.is_match(s) {
                    assert_ne!(g.candidates(s) & (1 << k), 0, "{p} on {s}");
                }
            }
        }
    }

    #[test]
    fn literals_inside_anchored_patterns_gate_them_and_common_ones_leave_them_open() {
        let g = LiteralGate::new(&[
            r"^(?:[◎▣]\s*)?.{0,20}제보(?:는|\s*:)",        // the literal after a run of any characters
            r"^[^>.\d]{1,14}(?:\s*[>›»]\s*[^>.\d]{1,14})+$", // a small class
            r"^(?:공유|가|스크랩)$",                           // one syllable: open
            r"^[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+$",             // `@`
        ]);
        assert_eq!(g.open(), 0b0100);
        assert_eq!(g.candidates("시민 제보는 이메일로"), 0b0101);
        assert_eq!(g.candidates("뉴스 > 정치 > 국회"), 0b0110);
        assert_eq!(g.candidates("hong@example.com"), 0b1100);
        assert_eq!(g.candidates("정부는 19일 대책을 발표했다."), 0b0100);
    }
}
