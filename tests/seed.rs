//! The seed article (`../shared/seeds/`, a real page that is not part of the repository): the
//! acceptance checks of the entity issue. Skipped, with a note, where the folder is absent.

mod common;

use common::*;

#[test]
fn seed_article_entities() {
    let seeds = root().join("../shared/seeds");
    if !seeds.exists() {
        eprintln!("skipped: ../shared/seeds is not here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = extract(&[seeds.to_str().unwrap(), "--published", "2022-10-19"], &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = read_table(&out.join("entities.csv")).rows;
    let has = |kind: &str, text: &str, col: &str, value: &str| {
        rows.iter().any(|r| r["type"] == kind && r["text"] == text && (col.is_empty() || r[col] == value))
    };
    for (kind, text, col, value) in [
        ("PERSON", "남궁훈", "canonical", "남궁훈"),
        ("PERSON", "홍은택", "canonical", "홍은택"),
        ("PERSON", "홍", "canonical", "홍은택"),
        ("PERSON", "남", "canonical", "남궁훈"),
        ("PERSON", "두 대표", "canonical", "남궁훈;홍은택"),
        ("ORGANIZATION", "카카오", "", ""),
        ("ORGANIZATION", "SK C&C", "", ""),
        ("LOCATION", "경기 판교", "", ""),
        ("LOCATION", "경기도 성남시", "", ""),
        ("LOCATION", "경기 안산", "", ""),
        ("LOCATION", "경기 시흥", "", ""),
        ("DATE", "19일", "normalized", "2022-10-19"),
        ("DATE", "지난 15일", "normalized", "2022-10-15"),
        ("DATE", "내년", "normalized", "2023"),
        ("DATE", "2024년", "normalized", "2024"),
        ("ROLE", "각자대표", "", ""),
        ("ROLE", "대표", "", ""),
    ] {
        assert!(has(kind, text, col, value), "missing {kind} {text} {col}={value}");
    }
    // No person is invented from page chrome or common words.
    let people: Vec<&str> = rows.iter().filter(|r| r["type"] == "PERSON").map(|r| r["canonical"].as_str()).collect();
    assert!(people.iter().all(|p| ["남궁훈", "홍은택", "남궁훈;홍은택"].contains(p)), "{people:?}");
}
