//! A literal gate for unanchored line rules: one pass of an Aho-Corasick automaton over a line
//! says which rules can match it, so each rule's regex runs only on the few lines that hold one of
//! the literals its matches begin with (`저작권자`, `무단`, `후원` …), instead of each regex
//! scanning every line of every page. The literals come from the patterns themselves
//! (`regex_syntax`'s prefix extraction), so the rules stay data in `boilerplate.tsv`.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex_syntax::hir::literal::Extractor;

/// At most this many rules per gate (one bit each).
pub const MAX_RULES: usize = 64;

#[derive(Debug)]
pub struct LiteralGate {
    ac: Option<AhoCorasick>,
    /// The rule of each literal of `ac`.
    rule_of: Vec<u8>,
    /// Rules with no finite set of leading literals: always candidates.
    always: u64,
}

impl LiteralGate {
    /// A gate for `patterns` (at most [`MAX_RULES`]); rule `k` is bit `k`.
    pub fn new(patterns: &[&str]) -> LiteralGate {
        assert!(patterns.len() <= MAX_RULES);
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut rule_of = Vec::new();
        let mut always = 0u64;
        for (k, p) in patterns.iter().enumerate() {
            let lits = regex_syntax::Parser::new().parse(p).ok().and_then(|hir| {
                let seq = Extractor::new().extract(&hir);
                let lits: Vec<Vec<u8>> = seq.literals()?.iter().map(|l| l.as_bytes().to_vec()).collect();
                (!lits.is_empty() && lits.iter().all(|l| !l.is_empty())).then_some(lits)
            });
            match lits {
                Some(lits) => {
                    rule_of.extend(std::iter::repeat_n(k as u8, lits.len()));
                    literals.extend(lits);
                }
                None => always |= 1 << k,
            }
        }
        let ac = (!literals.is_empty()).then(|| {
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .match_kind(MatchKind::Standard)
                .build(&literals)
                .expect("a DFA over a few hundred short literals")
        });
        LiteralGate { ac, rule_of, always }
    }

    /// The rules that can match `s` (a superset of those that do).
    pub fn candidates(&self, s: &str) -> u64 {
        let mut bits = self.always;
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(s) {
                bits |= 1 << self.rule_of[m.pattern().as_usize()];
            }
        }
        bits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_is_a_candidate_only_where_one_of_its_leading_literals_occurs() {
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
}
