//! `--excel`: a UTF-8 BOM at the start of every table, and a `'` before every cell that starts
//! with =, +, -, @, tab or CR; everything else byte for byte as without it. `tests/fixtures/
//! formulas.jsonl` holds such cells (ids, titles, outlets, sentences, quotes, tokens).

mod common;

use common::*;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The rule, written here again: OWASP's list of characters that start a formula.
fn neutralized(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

fn records(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn excel_tables_have_a_bom_and_no_cell_that_starts_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let (plain, excel) = (dir.path().join("plain"), dir.path().join("excel"));
    let inputs = ["tests/fixtures/formulas.jsonl", "corpus", "--tokens"];
    assert_eq!(extract(&inputs, &plain).status.code(), Some(0));
    let o = extract(&[&inputs[..], &["--excel"]].concat(), &excel);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let mut changed = 0;
    let mut changed_in = std::collections::BTreeSet::new();
    for name in ["documents", "blocks", "sentences", "tokens", "entities", "quotes", "commitments"] {
        let file = format!("{name}.csv");
        let p = std::fs::read(plain.join(&file)).unwrap();
        let e = std::fs::read(excel.join(&file)).unwrap();
        assert!(!p.starts_with(BOM), "{file}: no BOM without --excel");
        assert!(e.starts_with(BOM), "{file}: a BOM with --excel");
        let (p, e) = (records(&p), records(&e[BOM.len()..]));
        assert_eq!(p.len(), e.len(), "{file}: the same rows");
        for (pr, er) in p.iter().zip(&e) {
            assert_eq!(pr.len(), er.len());
            for (pc, ec) in pr.iter().zip(er) {
                assert_eq!(*ec, neutralized(pc), "{file}");
                assert!(!ec.starts_with(['=', '+', '-', '@', '\t', '\r']), "{file}: {ec:?}");
                if ec != pc {
                    changed += 1;
                    changed_in.insert(name);
                }
            }
        }
    }
    // The fixture's cells are among them.
    let docs = read_table(&excel.join("documents.csv")).rows;
    let first = docs.iter().find(|d| d["doc_id"] == "'=cmd|' /C calc'!A0").expect("the id is neutralized");
    assert_eq!(first["title"], "'@SUM(1+1)*cmd|' /C calc'!A0");
    assert_eq!(first["outlet"], "'-연합뉴스");
    let second = docs.iter().find(|d| d["doc_id"] == "'\tTAB-ID").expect("a tab id is neutralized");
    assert_eq!(second["title"], "'\r캐리지 리턴 제목");
    assert_eq!(docs.iter().find(|d| d["doc_id"] == "plain").unwrap()["title"], "평범한 제목");
    let of_fixture = |table: &str| -> Vec<String> {
        read_table(&excel.join(format!("{table}.csv")))
            .rows
            .into_iter()
            .filter(|r| !r["doc_id"].starts_with("corpus/") && !r["doc_id"].starts_with("jsonl-"))
            .map(|r| r["text"].clone())
            .collect()
    };
    let blocks = of_fixture("blocks");
    assert!(blocks.iter().any(|t| t.starts_with("'=HYPERLINK(\"http://example.com/")), "{blocks:?}");
    let sentences = of_fixture("sentences");
    for s in ["'- 정부는", "'+3% 오른", "'@홍길동", "'+82 02"] {
        assert!(sentences.iter().any(|t| t.starts_with(s)), "a sentence starting {s:?}: {sentences:?}");
    }
    let quotes = of_fixture("quotes");
    assert!(quotes.iter().any(|q| q == "'-5도까지 내려간다"), "{quotes:?}");
    assert!(changed_in.contains("tokens") && changed_in.contains("blocks"), "{changed_in:?}");
    assert!(changed >= 20, "{changed} cells neutralized");

    // Without --excel the text is the original slice: the same cells, unchanged.
    let plain_docs = read_table(&plain.join("documents.csv")).rows;
    assert!(plain_docs.iter().any(|d| d["doc_id"] == "=cmd|' /C calc'!A0" && d["title"] == "@SUM(1+1)*cmd|' /C calc'!A0"));
    assert_eq!(read_json(&excel.join("run.json"))["options"]["excel"], true);
    assert_eq!(read_json(&plain.join("run.json"))["options"]["excel"], false);
}

#[test]
fn excel_is_not_an_option_of_pipe() {
    let o = kornews().args(["pipe", "--excel"]).stdin(std::process::Stdio::null()).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}
