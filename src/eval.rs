//! `kornews eval`: extraction quality against hand-made gold tables.
//!
//! Entities: the documents scored are those that appear in the gold table. A predicted entity
//! matches a gold one **exactly** when document, type, start and end are equal, and by **overlap**
//! when document and type are equal and the spans share at least one code point (each gold and
//! each predicted row is used at most once, gold rows in order). Precision, recall and F1 are
//! reported per type, micro-averaged over all types, and for PERSON+ORGANIZATION+LOCATION together.
//! On exact matches, `canonical` (PERSON, ORGANIZATION) and `normalized` (DATE, TIME) are compared.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

/// One annotated or predicted entity.
#[derive(Debug, Clone)]
pub struct EntityRow {
    pub doc_id: String,
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub text: String,
    pub canonical: String,
    pub normalized: String,
}

/// Reads an entities.csv (gold or predicted).
pub fn read_entities(path: &Path) -> Result<Vec<EntityRow>, String> {
    let mut r = csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = r.headers().map_err(|e| format!("{}: {e}", path.display()))?.clone();
    let col = |name: &str| {
        headers.iter().position(|h| h == name).ok_or_else(|| format!("{}: no column {name:?}", path.display()))
    };
    let (d, s, e, t, x, c, n) =
        (col("doc_id")?, col("start")?, col("end")?, col("type")?, col("text")?, col("canonical")?, col("normalized")?);
    let mut out = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| format!("{}: {e}", path.display()))?;
        let num = |k: usize| {
            rec.get(k).unwrap_or("").parse::<usize>().map_err(|_| format!("{}: record {}: bad offset", path.display(), i + 1))
        };
        out.push(EntityRow {
            doc_id: rec.get(d).unwrap_or("").to_string(),
            start: num(s)?,
            end: num(e)?,
            kind: rec.get(t).unwrap_or("").to_string(),
            text: rec.get(x).unwrap_or("").to_string(),
            canonical: rec.get(c).unwrap_or("").to_string(),
            normalized: rec.get(n).unwrap_or("").to_string(),
        });
    }
    Ok(out)
}

/// Counts for precision/recall.
#[derive(Debug, Default, Clone, Copy)]
pub struct Prf {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        if self.pred == 0 { 0.0 } else { self.tp as f64 / self.pred as f64 }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 { 0.0 } else { self.tp as f64 / self.gold as f64 }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    fn add(&mut self, o: &Prf) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.gold += o.gold;
    }
}

/// Scores of one entity evaluation.
#[derive(Debug, Default)]
pub struct EntityScores {
    pub exact: BTreeMap<String, Prf>,
    pub overlap: BTreeMap<String, Prf>,
    /// (agree, compared) for canonical on exact PERSON/ORGANIZATION matches.
    pub canonical: (usize, usize),
    /// (agree, compared) for normalized on exact DATE/TIME matches.
    pub normalized: (usize, usize),
    pub misses: Vec<EntityRow>,
    pub false_alarms: Vec<EntityRow>,
    pub documents: usize,
}

fn overlaps(a: &EntityRow, b: &EntityRow) -> bool {
    a.start < b.end && b.start < a.end
}

/// Scores predicted entities against gold ones.
pub fn score_entities(gold: &[EntityRow], pred: &[EntityRow]) -> EntityScores {
    let docs: HashSet<&str> = gold.iter().map(|g| g.doc_id.as_str()).collect();
    let pred: Vec<&EntityRow> = pred.iter().filter(|p| docs.contains(p.doc_id.as_str())).collect();
    let mut s = EntityScores { documents: docs.len(), ..Default::default() };
    let mut by_doc: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in pred.iter().enumerate() {
        by_doc.entry(p.doc_id.as_str()).or_default().push(i);
    }
    for g in gold {
        s.exact.entry(g.kind.clone()).or_default().gold += 1;
        s.overlap.entry(g.kind.clone()).or_default().gold += 1;
    }
    for p in &pred {
        s.exact.entry(p.kind.clone()).or_default().pred += 1;
        s.overlap.entry(p.kind.clone()).or_default().pred += 1;
    }
    let mut used_exact = vec![false; pred.len()];
    let mut used_overlap = vec![false; pred.len()];
    for g in gold {
        let cands = by_doc.get(g.doc_id.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        if let Some(&i) = cands.iter().find(|&&i| !used_exact[i] && pred[i].kind == g.kind && pred[i].start == g.start && pred[i].end == g.end) {
            used_exact[i] = true;
            s.exact.get_mut(&g.kind).unwrap().tp += 1;
            let p = pred[i];
            if matches!(g.kind.as_str(), "PERSON" | "ORGANIZATION") {
                s.canonical.1 += 1;
                s.canonical.0 += usize::from(p.canonical == g.canonical);
            }
            if matches!(g.kind.as_str(), "DATE" | "TIME") {
                s.normalized.1 += 1;
                s.normalized.0 += usize::from(p.normalized == g.normalized);
            }
        }
        if let Some(&i) = cands.iter().find(|&&i| !used_overlap[i] && pred[i].kind == g.kind && overlaps(pred[i], g)) {
            used_overlap[i] = true;
            s.overlap.get_mut(&g.kind).unwrap().tp += 1;
        } else {
            s.misses.push(g.clone());
        }
    }
    for (i, p) in pred.iter().enumerate() {
        if !used_overlap[i] {
            s.false_alarms.push((*p).clone());
        }
    }
    s
}

fn line(out: &mut String, name: &str, p: &Prf) {
    let _ = writeln!(
        out,
        "  {name:<22} {:>6.3} {:>6.3} {:>6.3}   {:>5} {:>5} {:>5}",
        p.precision(),
        p.recall(),
        p.f1(),
        p.tp,
        p.pred,
        p.gold
    );
}

/// The report `kornews eval` prints.
pub fn report_entities(s: &EntityScores, verbose: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "entities: {} documents", s.documents);
    for (title, table) in [("exact span", &s.exact), ("overlapping span", &s.overlap)] {
        let _ = writeln!(out, "\n{title}\n  {:<22} {:>6} {:>6} {:>6}   {:>5} {:>5} {:>5}", "type", "P", "R", "F1", "tp", "pred", "gold");
        let mut micro = Prf::default();
        let mut pol = Prf::default();
        for (k, p) in table {
            line(&mut out, k, p);
            micro.add(p);
            if matches!(k.as_str(), "PERSON" | "ORGANIZATION" | "LOCATION") {
                pol.add(p);
            }
        }
        line(&mut out, "PER+ORG+LOC", &pol);
        line(&mut out, "micro", &micro);
    }
    let pct = |(a, b): (usize, usize)| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let _ = writeln!(out, "\ncanonical agrees on {}/{} exact PERSON/ORGANIZATION matches ({:.3})", s.canonical.0, s.canonical.1, pct(s.canonical));
    let _ = writeln!(out, "normalized agrees on {}/{} exact DATE/TIME matches ({:.3})", s.normalized.0, s.normalized.1, pct(s.normalized));
    if verbose {
        let _ = writeln!(out, "\nmisses (gold rows with no overlapping prediction of the same type):");
        for g in &s.misses {
            let _ = writeln!(out, "  {}\t{}-{}\t{}\t{}", g.doc_id, g.start, g.end, g.kind, g.text);
        }
        let _ = writeln!(out, "\nfalse alarms (predictions overlapping no gold row of the same type):");
        for p in &s.false_alarms {
            let _ = writeln!(out, "  {}\t{}-{}\t{}\t{}", p.doc_id, p.start, p.end, p.kind, p.text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(doc: &str, s: usize, t: usize, k: &str) -> EntityRow {
        EntityRow { doc_id: doc.into(), start: s, end: t, kind: k.into(), text: String::new(), canonical: String::new(), normalized: String::new() }
    }

    #[test]
    fn exact_and_overlap_matching() {
        let gold = vec![e("d", 0, 3, "PERSON"), e("d", 10, 14, "LOCATION"), e("d", 20, 22, "DATE")];
        let pred = vec![e("d", 0, 3, "PERSON"), e("d", 10, 12, "LOCATION"), e("d", 20, 22, "TIME"), e("other", 0, 1, "PERSON")];
        let s = score_entities(&gold, &pred);
        assert_eq!(s.exact["PERSON"].tp, 1);
        assert_eq!(s.exact["LOCATION"].tp, 0);
        assert_eq!(s.overlap["LOCATION"].tp, 1);
        assert_eq!(s.overlap["DATE"].tp, 0);
        assert_eq!(s.overlap["TIME"].pred, 1);
        assert_eq!(s.exact["PERSON"].pred, 1, "documents absent from the gold are not scored");
        assert_eq!(s.misses.len(), 1);
        assert_eq!(s.false_alarms.len(), 1);
        assert!((s.exact["PERSON"].f1() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn one_prediction_matches_one_gold_row() {
        let gold = vec![e("d", 0, 5, "DATE"), e("d", 3, 8, "DATE")];
        let pred = vec![e("d", 0, 8, "DATE")];
        let s = score_entities(&gold, &pred);
        assert_eq!(s.overlap["DATE"].tp, 1);
        assert_eq!(s.misses.len(), 1);
    }
}
