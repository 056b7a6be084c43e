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

/// Reads any kornews table (gold or predicted) as rows of named columns.
pub fn read_table(path: &Path, required: &[&str]) -> Result<Vec<HashMap<String, String>>, String> {
    let mut r = csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = r.headers().map_err(|e| format!("{}: {e}", path.display()))?.clone();
    for name in required {
        if !headers.iter().any(|h| h == *name) {
            return Err(format!("{}: no column {name:?}", path.display()));
        }
    }
    let mut out = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| format!("{}: record {}: {e}", path.display(), i + 1))?;
        let row: HashMap<String, String> = headers.iter().zip(rec.iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect();
        for k in ["start", "end"] {
            if required.contains(&k) && row[k].parse::<usize>().is_err() {
                return Err(format!("{}: record {}: bad {k} {:?}", path.display(), i + 1, row[k]));
            }
        }
        out.push(row);
    }
    Ok(out)
}

/// The documents annotated for a task: `annotated.csv` of the gold folder when present (it lists
/// articles with no rows too), else the documents of the gold table.
pub fn annotated_documents(gold_dir: &Path, task: &str, gold: &[HashMap<String, String>]) -> Result<HashSet<String>, String> {
    let path = gold_dir.join("annotated.csv");
    if path.exists() {
        let rows = read_table(&path, &["task", "doc_id"])?;
        return Ok(rows.into_iter().filter(|r| r["task"] == task).map(|r| r["doc_id"].clone()).collect());
    }
    Ok(gold.iter().map(|r| r["doc_id"].clone()).collect())
}

/// One row of a table, by column name.
pub type RowMap = HashMap<String, String>;
type Row = RowMap;

fn span(r: &Row) -> (usize, usize) {
    (r["start"].parse().unwrap_or(0), r["end"].parse().unwrap_or(0))
}

fn overlap_len(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// One-to-one matching of predicted to gold rows of the same document whose spans overlap and
/// that `compatible` accepts, the largest overlaps first. Returns (gold index, pred index) pairs.
fn match_rows(gold: &[&Row], pred: &[&Row], compatible: impl Fn(&Row, &Row) -> bool) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            if g["doc_id"] == p["doc_id"] && compatible(g, p) {
                let o = overlap_len(span(g), span(p));
                if o > 0 {
                    cands.push((std::cmp::Reverse(o), gi, pi));
                }
            }
        }
    }
    cands.sort();
    let (mut gu, mut pu) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut out = Vec::new();
    for (_, gi, pi) in cands {
        if !gu[gi] && !pu[pi] {
            gu[gi] = true;
            pu[pi] = true;
            out.push((gi, pi));
        }
    }
    out.sort();
    out
}

/// Speakers and actors compare as sets of `;`-joined names, ignoring spaces.
pub fn same_names(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> std::collections::BTreeSet<String> {
        s.split(';').map(|x| x.chars().filter(|c| !c.is_whitespace()).collect::<String>()).filter(|x| !x.is_empty()).collect()
    };
    norm(a) == norm(b)
}

/// Scores of a quote or commitment evaluation.
#[derive(Debug, Default)]
pub struct SpanScores {
    pub task: String,
    pub documents: usize,
    /// Detection, over all rows and by kind (quotes) or modality-blind (commitments).
    pub detection: BTreeMap<String, Prf>,
    /// (agree, compared) of a column on matched rows, by column name.
    pub agreement: BTreeMap<String, (usize, usize)>,
    pub misses: Vec<Row>,
    pub false_alarms: Vec<Row>,
    pub disagreements: Vec<(String, Row, Row)>,
}

fn restrict<'a>(rows: &'a [Row], docs: &HashSet<String>) -> Vec<&'a Row> {
    rows.iter().filter(|r| docs.contains(&r["doc_id"])).collect()
}

/// Quotes: a predicted quote matches a gold one when their content spans overlap. Detection is
/// reported for all quotes and by kind (a match then also needs the same kind); `speaker` is
/// compared on the matches of all quotes.
pub fn score_quotes(gold: &[Row], pred: &[Row], docs: &HashSet<String>) -> SpanScores {
    let (g, p) = (restrict(gold, docs), restrict(pred, docs));
    let mut s = SpanScores { task: "quotes".into(), documents: docs.len(), ..Default::default() };
    let all = match_rows(&g, &p, |_, _| true);
    s.detection.insert("all".into(), Prf { tp: all.len(), pred: p.len(), gold: g.len() });
    for kind in ["direct", "indirect"] {
        let gk: Vec<&Row> = g.iter().copied().filter(|r| r["kind"] == kind).collect();
        let pk: Vec<&Row> = p.iter().copied().filter(|r| r["kind"] == kind).collect();
        let m = match_rows(&gk, &pk, |_, _| true);
        s.detection.insert(kind.into(), Prf { tp: m.len(), pred: pk.len(), gold: gk.len() });
    }
    let mut agree = (0, 0);
    for &(gi, pi) in &all {
        agree.1 += 1;
        if same_names(&g[gi]["speaker"], &p[pi]["speaker"]) {
            agree.0 += 1;
        } else {
            s.disagreements.push(("speaker".into(), g[gi].clone(), p[pi].clone()));
        }
    }
    s.agreement.insert("speaker".into(), agree);
    let gm: HashSet<usize> = all.iter().map(|m| m.0).collect();
    let pm: HashSet<usize> = all.iter().map(|m| m.1).collect();
    s.misses = g.iter().enumerate().filter(|(i, _)| !gm.contains(i)).map(|(_, r)| (*r).clone()).collect();
    s.false_alarms = p.iter().enumerate().filter(|(i, _)| !pm.contains(i)).map(|(_, r)| (*r).clone()).collect();
    s
}

/// Commitments: a match needs overlapping spans and the same `action`. On matches, `actor`,
/// `deadline` and `modality` are compared (`deadline` only where the gold gives one or the
/// prediction does).
pub fn score_commitments(gold: &[Row], pred: &[Row], docs: &HashSet<String>) -> SpanScores {
    let (g, p) = (restrict(gold, docs), restrict(pred, docs));
    let mut s = SpanScores { task: "commitments".into(), documents: docs.len(), ..Default::default() };
    let same_action = |a: &Row, b: &Row| {
        let (x, y) = (a["action"].replace(' ', ""), b["action"].replace(' ', ""));
        !x.is_empty() && (x == y || (x.chars().count() >= 2 && y.starts_with(&x)) || (y.chars().count() >= 2 && x.starts_with(&y)))
    };
    let m = match_rows(&g, &p, same_action);
    s.detection.insert("all".into(), Prf { tp: m.len(), pred: p.len(), gold: g.len() });
    for col in ["actor", "deadline", "modality"] {
        let mut agree = (0, 0);
        for &(gi, pi) in &m {
            if col == "deadline" && g[gi]["deadline"].is_empty() && p[pi]["deadline"].is_empty() {
                continue;
            }
            agree.1 += 1;
            let ok = if col == "actor" { same_names(&g[gi][col], &p[pi][col]) } else { g[gi][col] == p[pi][col] };
            if ok {
                agree.0 += 1;
            } else {
                s.disagreements.push((col.into(), g[gi].clone(), p[pi].clone()));
            }
        }
        s.agreement.insert(col.into(), agree);
    }
    let gm: HashSet<usize> = m.iter().map(|x| x.0).collect();
    let pm: HashSet<usize> = m.iter().map(|x| x.1).collect();
    s.misses = g.iter().enumerate().filter(|(i, _)| !gm.contains(i)).map(|(_, r)| (*r).clone()).collect();
    s.false_alarms = p.iter().enumerate().filter(|(i, _)| !pm.contains(i)).map(|(_, r)| (*r).clone()).collect();
    s
}

/// The report `kornews eval` prints for quotes or commitments.
pub fn report_spans(s: &SpanScores, verbose: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {} documents", s.task, s.documents);
    let _ = writeln!(out, "\ndetection (overlapping span{})\n  {:<22} {:>6} {:>6} {:>6}   {:>5} {:>5} {:>5}",
        if s.task == "commitments" { ", same action" } else { "" }, "", "P", "R", "F1", "tp", "pred", "gold");
    for (k, p) in &s.detection {
        line(&mut out, k, p);
    }
    let _ = writeln!(out);
    for (col, (a, b)) in &s.agreement {
        let r = if *b == 0 { 0.0 } else { *a as f64 / *b as f64 };
        let _ = writeln!(out, "{col} agrees on {a}/{b} matches ({r:.3})");
    }
    if verbose {
        let show = |r: &Row| -> String {
            let extra: Vec<String> = ["kind", "speaker", "actor", "action", "deadline", "modality"]
                .iter()
                .filter_map(|k| r.get(*k).map(|v| format!("{k}={v}")))
                .collect();
            format!("{}\t{}-{}\t{}\t{}", r["doc_id"], r["start"], r["end"], extra.join(" "), r["text"].chars().take(60).collect::<String>())
        };
        let _ = writeln!(out, "\nmisses (gold rows with no match):");
        for r in &s.misses {
            let _ = writeln!(out, "  {}", show(r));
        }
        let _ = writeln!(out, "\nfalse alarms (predictions with no match):");
        for r in &s.false_alarms {
            let _ = writeln!(out, "  {}", show(r));
        }
        let _ = writeln!(out, "\ndisagreements on matches (gold | predicted):");
        for (col, g, p) in &s.disagreements {
            let _ = writeln!(out, "  {col}: {} | {}\t{}", g.get(col.as_str()).cloned().unwrap_or_default(), p.get(col.as_str()).cloned().unwrap_or_default(), show(g));
        }
    }
    out
}
