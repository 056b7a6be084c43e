//! The seed article (`../shared/seeds/`, a real page that is not part of the repository): the
//! acceptance checks of the entity issue. Skipped, with a note, where the folder is absent.

mod common;

use common::*;

/// Runs `extract` on the seed folder (published 2022-10-19): (seed folder, the temporary
/// directory to keep alive, output folder); `None`, with a note, where the folder is absent.
fn run_seed() -> Option<(std::path::PathBuf, tempfile::TempDir, std::path::PathBuf)> {
    let seeds = root().join("../shared/seeds");
    if !seeds.exists() {
        eprintln!("skipped: ../shared/seeds is not here");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = extract(&[seeds.to_str().unwrap(), "--published", "2022-10-19"], &out);
    assert!(o.status.success(), "{}", stderr(&o));
    Some((seeds, dir, out))
}

#[test]
fn seed_article_entities() {
    let Some((_, _dir, out)) = run_seed() else { return };
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
    let Some((seeds, _dir, out)) = run_seed() else { return };
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

#[test]
fn seed_article_commitments() {
    let Some((_, _dir, out)) = run_seed() else { return };
    let rows = read_table(&out.join("commitments.csv")).rows;
    let quotes = read_table(&out.join("quotes.csv")).rows;
    let find = |action: &str, text: &str| {
        rows.iter()
            .find(|r| r["action"] == action && r["text"].contains(text))
            .unwrap_or_else(|| panic!("no {action} ({text}) in {rows:#?}"))
    };
    // The two-month prevention system: a plan of 홍은택, with its condition.
    let system = find("구축", "유사 사고 방지 시스템");
    assert_eq!(system["deadline"], "2022-12-19");
    assert_eq!(system["deadline_text"], "2개월 내에");
    assert!(system["condition"].contains("안정화 되는대로"), "{system:?}");
    assert!(["홍은택", "카카오"].contains(&system["actor"].as_str()), "{system:?}");
    // The Ansan and Siheung data centres: decisions of 카카오, with their years.
    let ansan = find("완공", "경기 안산");
    assert_eq!((ansan["actor"].as_str(), ansan["deadline"].as_str(), ansan["modality"].as_str()), ("카카오", "2023", "decision"));
    assert_eq!(ansan["object"], "경기 안산 자체 데이터센터");
    let siheung = find("착공", "경기 시흥");
    assert_eq!((siheung["actor"].as_str(), siheung["deadline"].as_str(), siheung["modality"].as_str()), ("카카오", "2024", "decision"));
    assert_eq!(find("구축", "자체 데이터센터를 구축")["modality"], "decision");
    // Compensation and the overhaul.
    assert_eq!(find("실시", "보상을 실시")["modality"], "decision");
    for action in ["수립", "실행"] {
        let r = find(action, "");
        assert_eq!((r["actor"].as_str(), r["modality"].as_str()), ("홍은택", "promise"), "{r:?}");
    }
    for action in ["점검", "쇄신"] {
        let r = find(action, "");
        assert_eq!((r["actor"].as_str(), r["modality"].as_str()), ("남궁훈", "promise"), "{r:?}");
        // Spoken inside a quote: linked to it.
        let q = &quotes[r["quote_id"].parse::<usize>().unwrap()];
        assert_eq!(q["speaker"], "남궁훈");
    }
    assert_eq!(find("보상", "")["modality"], "review");
    // Hedges and regrets are not commitments.
    assert!(rows.iter().all(|r| !["걸리", "하", "드리"].contains(&r["action"].as_str())), "{rows:#?}");
}
