//! Times the `line` rules (or, with a third argument `start`, the `start` rules) of
//! boilerplate.tsv on every trimmed, non-empty line of at most 300 characters of a JSONL corpus
//! (what `Cleaner::classify_line` sees): as one `RegexSet` with the default DFA cache (what
//! kornews did until it moved to one regex per rule), as one `RegexSet` with a larger DFA cache,
//! and as one `Regex` per rule tried in order. All three must classify the same lines.

use std::time::Instant;

use regex::{Regex, RegexSet, RegexSetBuilder};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 && args.len() != 4 {
        eprintln!("usage: regexset-probe BOILERPLATE.tsv CORPUS.jsonl [SCOPE]   (SCOPE: line (default) or start)");
        std::process::exit(2);
    }
    let tsv = std::fs::read_to_string(&args[1]).expect("boilerplate.tsv");
    let corpus = std::fs::read_to_string(&args[2]).expect("corpus");
    let mut lines = Vec::new();
    for l in corpus.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
        for x in v["text"].as_str().unwrap_or("").split('\n') {
            let s = x.trim();
            if !s.is_empty() && s.len() <= 480 {
                lines.push(s.to_string());
            }
        }
    }
    let scope = format!("{}\t", args.get(3).map_or("line", String::as_str));
    let pats: Vec<String> = tsv
        .lines()
        .filter(|l| l.starts_with(&scope))
        .filter_map(|l| l.splitn(4, '\t').nth(3).map(str::to_string))
        .collect();
    println!(
        "{} lines, {} `{}` rules",
        lines.len(),
        pats.len(),
        scope.trim()
    );

    let first = |set: &RegexSet| -> (f64, Vec<Option<usize>>) {
        let t = Instant::now();
        let r = lines
            .iter()
            .map(|s| set.matches(s).into_iter().next())
            .collect();
        (t.elapsed().as_secs_f64(), r)
    };
    let (t0, want) = first(&RegexSet::new(&pats).unwrap());
    println!("RegexSet, default DFA cache:               {t0:8.3} s");
    for mib in [10usize, 64] {
        let set = RegexSetBuilder::new(&pats)
            .dfa_size_limit(mib << 20)
            .build()
            .unwrap();
        let (t, got) = first(&set);
        assert_eq!(got, want, "different classification");
        println!(
            "RegexSet, dfa_size_limit({mib} MiB):       {t:8.3} s  ({:.0}x)",
            t0 / t
        );
    }
    let regs: Vec<Regex> = pats.iter().map(|p| Regex::new(p).unwrap()).collect();
    let t = Instant::now();
    let got: Vec<Option<usize>> = lines
        .iter()
        .map(|s| regs.iter().position(|r| r.is_match(s)))
        .collect();
    let t = t.elapsed().as_secs_f64();
    assert_eq!(got, want, "different classification");
    println!(
        "one Regex per rule, first match wins:      {t:8.3} s  ({:.0}x)",
        t0 / t
    );
    let big = |p: &[&String]| RegexSetBuilder::new(p).dfa_size_limit(16 << 20).build().unwrap();
    {
        // What Cleaner::first_line_rule does: the set of rules anchored at the start says which of
        // them match (it gives up within a few characters on a line of text); the other rules,
        // each with a literal the engine scans for, are tried one by one before the first
        // anchored hit.
        let aidx: Vec<usize> = (0..pats.len()).filter(|&i| pats[i].starts_with('^')).collect();
        let fidx: Vec<usize> = (0..pats.len()).filter(|&i| !pats[i].starts_with('^')).collect();
        let set = big(&aidx.iter().map(|&i| &pats[i]).collect::<Vec<_>>());
        let t = Instant::now();
        let got: Vec<Option<usize>> = lines
            .iter()
            .map(|s| {
                let a = set.matches(s).into_iter().next().map(|k| aidx[k]);
                let f = fidx.iter().copied().take_while(|&i| a.is_none_or(|a| i < a)).find(|&i| regs[i].is_match(s));
                f.or(a)
            })
            .collect();
        let t = t.elapsed().as_secs_f64();
        assert_eq!(got, want, "different classification");
        println!("anchored set's matches + floating rules:    {t:8.3} s  ({:.0}x)", t0 / t);
    }
    {
        // The anchored set asked only whether some rule matches (`is_match` stops at the first
        // match state; `matches` runs the overlapping search to the end), then which; the floating
        // rules gated by one regex of all of them.
        let aidx: Vec<usize> = (0..pats.len()).filter(|&i| pats[i].starts_with('^')).collect();
        let fidx: Vec<usize> = (0..pats.len()).filter(|&i| !pats[i].starts_with('^')).collect();
        let set = big(&aidx.iter().map(|&i| &pats[i]).collect::<Vec<_>>());
        let gate = Regex::new(&fidx.iter().map(|&i| format!("(?:{})", pats[i])).collect::<Vec<_>>().join("|")).unwrap();
        let t = Instant::now();
        let got: Vec<Option<usize>> = lines
            .iter()
            .map(|s| {
                let a = if set.is_match(s) { set.matches(s).into_iter().next().map(|k| aidx[k]) } else { None };
                let f = if gate.is_match(s) { fidx.iter().copied().take_while(|&i| a.is_none_or(|a| i < a)).find(|&i| regs[i].is_match(s)) } else { None };
                f.or(a)
            })
            .collect();
        let t = t.elapsed().as_secs_f64();
        assert_eq!(got, want, "different classification");
        println!("anchored is_match, then matches; gated floating: {t:8.3} s  ({:.0}x)", t0 / t);
        let t = Instant::now();
        let n = lines.iter().filter(|s| set.is_match(s)).count();
        println!("anchored set is_match: {:.3} s, {n} hits", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let n = lines.iter().filter(|s| set.matches(s).matched_any()).count();
        println!("anchored set matches: {:.3} s, {n} hits", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let n = lines.iter().filter(|s| gate.is_match(s)).count();
        println!("floating gate alone: {:.3} s, {n} hits", t.elapsed().as_secs_f64());
    }
    {
        // Floating rules gated by an Aho-Corasick DFA (no prefilter: Teddy's fingerprints of Hangul
        // literals hit on nearly every Hangul syllable) over the prefix literals each rule needs.
        let fidx: Vec<usize> = (0..pats.len()).filter(|&i| !pats[i].starts_with('^')).collect();
        let mut lits: Vec<Vec<u8>> = Vec::new();
        for &i in &fidx {
            let hir = regex_syntax::Parser::new().parse(&pats[i]).unwrap();
            let seq = regex_syntax::hir::literal::Extractor::new().extract(&hir);
            let l = seq.literals().expect("finite literal set");
            println!("rule {i}: {} literals", l.len());
            lits.extend(l.iter().map(|x| x.as_bytes().to_vec()));
        }
        for (name, kind, pf) in [("AC DFA, no prefilter", aho_corasick::AhoCorasickKind::DFA, false), ("AC DFA, prefilter", aho_corasick::AhoCorasickKind::DFA, true), ("AC NFA, no prefilter", aho_corasick::AhoCorasickKind::ContiguousNFA, false)] {
            let ac = aho_corasick::AhoCorasick::builder().kind(Some(kind)).prefilter(pf).build(&lits).unwrap();
            let t = Instant::now();
            let n = lines.iter().filter(|s| ac.is_match(s.as_str())).count();
            println!("{name} gate: {:.3} s, {n} hits", t.elapsed().as_secs_f64());
        }
        for &i in &fidx {
            let t = Instant::now();
            let n = lines.iter().filter(|s| regs[i].is_match(s)).count();
            println!("rule {i} regex: {:.3} s, {n} hits", t.elapsed().as_secs_f64());
            let r = regex_automata::meta::Regex::builder().configure(regex_automata::meta::Regex::config().auto_prefilter(false)).build(&pats[i]).unwrap();
            let t = Instant::now();
            let n = lines.iter().filter(|s| r.is_match(s.as_str())).count();
            println!("rule {i} meta no prefilter: {:.3} s, {n} hits", t.elapsed().as_secs_f64());
        }
    }
    // What Cleaner::first_line_rule did: the rules anchored at the start as one set (it fails
    // within a few characters on a line of text), the others one by one (each has a literal the
    // engine scans for), and only on a hit the rules in order.
    let all: Vec<&String> = pats.iter().collect();
    let anchored: Vec<&String> = pats.iter().filter(|p| p.starts_with('^')).collect();
    let floating: Vec<&Regex> = pats.iter().zip(&regs).filter(|(p, _)| !p.starts_with('^')).map(|(_, r)| r).collect();
    for (name, set, rest) in [("one set (16 MiB), then rule by rule:     ", big(&all), vec![]), ("anchored set + floating rules one by one:", big(&anchored), floating)] {
        let t = Instant::now();
        let got: Vec<Option<usize>> = lines
            .iter()
            .map(|s| {
                if !set.is_match(s) && !rest.iter().any(|r| r.is_match(s)) {
                    return None;
                }
                regs.iter().position(|r| r.is_match(s))
            })
            .collect();
        let t = t.elapsed().as_secs_f64();
        assert_eq!(got, want, "different classification");
        println!("{name}  {t:8.3} s  ({:.0}x)", t0 / t);
    }
    if std::env::var("PROBE_EACH").is_ok() {
        let set = big(&anchored);
        let t = Instant::now();
        let n = lines.iter().filter(|s| set.is_match(s)).count();
        println!("anchored set alone: {:.3} s, {n} hits", t.elapsed().as_secs_f64());
        for (p, r) in pats.iter().zip(&regs) {
            let t = Instant::now();
            let n = lines.iter().filter(|s| r.is_match(s)).count();
            println!("{:.4} s {n:6} {}", t.elapsed().as_secs_f64(), p.chars().take(30).collect::<String>());
        }
    }
}
