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

#[test]
fn seed_article_quotes() {
    let seeds = root().join("../shared/seeds");
    if !seeds.exists() {
        eprintln!("skipped: ../shared/seeds is not here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = extract(&[seeds.to_str().unwrap(), "--published", "2022-10-19"], &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let quotes = read_table(&out.join("quotes.csv")).rows;
    let sentences = read_table(&out.join("sentences.csv")).rows;
    let kind_of = |sentence: &str| sentences.iter().find(|s| s["sentence"] == sentence).map(|s| s["kind"].clone()).unwrap_or_default();
    // The ten direct quotes of the body, in order, with their speakers.
    let body: Vec<&std::collections::HashMap<String, String>> =
        quotes.iter().filter(|q| q["kind"] == "direct" && kind_of(&q["sentence"]) == "body").collect();
    let speakers: Vec<&str> = body.iter().map(|q| q["speaker"].as_str()).collect();
    let mut expected = vec!["홍은택;남궁훈"];
    expected.extend(["남궁훈"; 3]);
    expected.extend(["홍은택"; 6]);
    assert_eq!(speakers, expected, "{body:#?}");
    assert!(body[0]["text"].starts_with("준비 및 대응 상황이"), "{}", body[0]["text"]);
    assert_eq!(body[0]["verb"], "숙였다");
    // The plan stated without a subject belongs to the previous speaker.
    let plan = quotes.iter().find(|q| q["kind"] == "indirect" && q["text"].contains("방지 시스템을 구축한다"));
    assert_eq!(plan.map(|q| q["speaker"].as_str()), Some("홍은택"), "{quotes:#?}");
    // The press conference's name in quotation marks (a caption) is not a quote.
    assert!(quotes.iter().all(|q| !q["text"].contains("대국민 기자회견")), "{quotes:#?}");
    // Offsets point at the quoted words.
    let text = std::fs::read_to_string(seeds.join("000_ecf23e8085159052.txt")).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for q in &quotes {
        let (s, e): (usize, usize) = (q["start"].parse().unwrap(), q["end"].parse().unwrap());
        assert_eq!(chars[s..e].iter().collect::<String>(), q["text"]);
    }
}
