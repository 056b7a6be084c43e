//! Bad input never stops a run and never disappears: each case becomes a documents.csv row that
//! says what is wrong and where, and the other documents are still written.

mod common;

use std::io::Write;
use std::process::Stdio;

use common::*;

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

const GOOD: &str = "입력 2024.05.02 09:00\n정부는 2일 새 대책을 발표했다. 장관은 \"연내 시행하겠다\"고 말했다.\n";

#[test]
fn undecodable_file_is_an_error_row_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    write(&inp, "a_good.txt", GOOD.as_bytes());
    // 0xFF never occurs in UTF-8 nor as a CP949 lead byte.
    write(&inp, "b_bad.txt", b"first line\nsecond \xFF\xFF line\n");
    let out = dir.path().join("out");
    let o = extract(&[inp.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(1), "errors give exit 1");
    let docs = documents(&out);
    let bad = &docs["in/b_bad.txt"];
    assert_eq!(bad["status"], "error");
    assert!(bad["message"].contains("in/b_bad.txt") && bad["message"].contains("line 2, column 8"), "{}", bad["message"]);
    assert_eq!(docs["in/a_good.txt"]["status"], "ok");
}

#[test]
fn cp949_file_is_decoded_and_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = extract(&["tests/fixtures/cp949.txt"], &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let d = &documents(&out)["cp949.txt"];
    assert_eq!((d["encoding"].as_str(), d["status"].as_str(), d["published"].as_str()), ("cp949", "ok", "2023-02-23"));
    let s = read_table(&out.join("sentences.csv"));
    assert_eq!(s.rows[0]["text"], "한국은행은 기준금리를 연 3.5%로 동결했다고 19일 밝혔다.");
}

#[test]
fn utf8_bom_is_stripped_and_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(GOOD.as_bytes());
    write(dir.path(), "bom.txt", &bytes);
    let out = dir.path().join("out");
    extract(&[dir.path().join("bom.txt").to_str().unwrap()], &out);
    let d = &documents(&out)["bom.txt"];
    assert_eq!(d["encoding"], "utf-8-bom");
    // Offsets are into the text without the BOM.
    let s = read_table(&out.join("sentences.csv"));
    assert_eq!((s.rows[0]["start"].as_str(), s.rows[0]["end"].as_str()), ("20", "38"));
    assert_eq!(slice_chars(GOOD, 20, 38), s.rows[0]["text"]);
}

#[test]
fn empty_and_chrome_only_files_are_empty_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "chrome.txt", "메뉴 건너뛰기\n로그인\n저작권자 © 예시일보 무단전재 및 재배포 금지\n".as_bytes());
    let out = dir.path().join("out");
    let o = extract(&[dir.path().to_str().unwrap()], &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = documents(&out);
    assert_eq!(docs.len(), 2);
    assert!(docs.values().all(|d| d["status"] == "empty" && d["sentences"] == "0"), "{docs:?}");
}

#[test]
fn nul_bytes_are_reported_and_the_text_is_still_processed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "nul.txt", "정부는 새 대책을 발표했다.\n장관은 \0설명했다. 끝났다.\n".as_bytes());
    let out = dir.path().join("out");
    let o = extract(&[dir.path().join("nul.txt").to_str().unwrap()], &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let d = &documents(&out)["nul.txt"];
    assert_eq!(d["status"], "ok");
    assert!(d["message"].contains("1 NUL byte") && d["message"].contains("line 2, column 11"), "{}", d["message"]);
}

#[test]
fn binary_junk_is_an_error_row() {
    let dir = tempfile::tempdir().unwrap();
    let junk: Vec<u8> = (0..4000u32).map(|i| (i % 7) as u8).collect();
    write(dir.path(), "junk.txt", &junk);
    let out = dir.path().join("out");
    let o = extract(&[dir.path().join("junk.txt").to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(1));
    let d = &documents(&out)["junk.txt"];
    assert_eq!(d["status"], "error");
    assert!(d["message"].contains("binary"), "{}", d["message"]);
}

#[test]
fn malformed_jsonl_lines_are_reported_with_line_numbers_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = extract(&["tests/fixtures/mixed.jsonl"], &out);
    assert_eq!(o.status.code(), Some(1));
    let docs = documents(&out);
    assert_eq!(docs.len(), 5, "the blank line is not a document: {docs:?}");
    let broken = &docs["mixed.jsonl:4"];
    assert_eq!(broken["status"], "error");
    assert!(broken["message"].starts_with("mixed.jsonl:4: malformed JSON"), "{}", broken["message"]);
    let no_text = &docs["mixed.jsonl:5"];
    assert!(no_text["message"].contains("no `text` field"), "{}", no_text["message"]);
    assert_eq!(no_text["title"], "본문 없음", "metadata of a failed record is kept");
    assert_eq!(docs["a1"]["status"], "ok");
    assert_eq!(docs["a1"]["published_from"], "field");
    assert_eq!(docs["a1"]["outlet"], "예시일보");
    assert_eq!(docs["a2"]["source"], "mixed.jsonl:3");
    assert_eq!(docs["7"]["status"], "ok", "numeric ids are kept");
    assert!(docs["7"]["message"].contains("`published`"), "bad published field is reported");
}

#[test]
fn gzip_jsonl_and_stdin_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = extract(&["tests/fixtures/two.jsonl.gz"], &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = documents(&out);
    assert_eq!(docs["g1"]["published"], "2023-01-02");
    assert_eq!(docs["g2"]["sentences"], "1");

    let out2 = dir.path().join("out2");
    let mut child = kornews()
        .args(["extract", "-", "-q", "--published", "2022-10-19", "--out"])
        .arg(&out2)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("{\"text\":\"표준 입력 기사다. 두 문장이다.\"}\n{\"id\":\"x\",\"text\":\"둘째.\",\"published\":\"2020-01-01\"}\n".as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    let docs = documents(&out2);
    assert_eq!(docs["-:1"]["published"], "2022-10-19");
    assert_eq!(docs["-:1"]["published_from"], "option");
    assert_eq!(docs["x"]["published_from"], "field", "the record's own date wins over --published");
}

#[test]
fn truncated_gzip_keeps_the_good_lines_and_reports_the_damage() {
    let dir = tempfile::tempdir().unwrap();
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..2000 {
        writeln!(e, "{{\"id\":\"n{i}\",\"text\":\"기사 {i}번이다. 내용이 조금 있다.\"}}").unwrap();
    }
    let full = e.finish().unwrap();
    write(dir.path(), "cut.jsonl.gz", &full[..full.len() / 2]);
    let out = dir.path().join("out");
    let o = extract(&[dir.path().join("cut.jsonl.gz").to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(1));
    let rows = read_table(&out.join("documents.csv")).rows;
    let ok = rows.iter().filter(|r| r["status"] == "ok").count();
    assert!(ok > 100 && ok < 2000, "{ok} good lines kept");
    let last = rows.last().unwrap();
    assert_eq!(last["status"], "error");
    assert!(last["message"].contains("damaged"), "{}", last["message"]);
}

#[test]
fn a_20_mb_single_line_article_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "정부는 내년 상반기까지 전국 데이터센터의 전력 설비를 점검하기로 했다 ";
    let mut text = String::new();
    while text.len() < 20 << 20 {
        text.push_str(sentence);
    }
    write(dir.path(), "huge.txt", text.as_bytes());
    let out = dir.path().join("out");
    let o = extract(&[dir.path().join("huge.txt").to_str().unwrap()], &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let d = &documents(&out)["huge.txt"];
    assert_eq!(d["status"], "ok");
    assert_eq!(d["chars"].parse::<usize>().unwrap(), text.chars().count());
}

#[test]
fn articles_over_the_size_limit_are_reported_not_processed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "big.txt", "가".repeat(1000).as_bytes());
    write(dir.path(), "small.txt", GOOD.as_bytes());
    let out = dir.path().join("out");
    let o = extract(&[dir.path().to_str().unwrap(), "--max-article-bytes", "1000"], &out);
    assert_eq!(o.status.code(), Some(1));
    let docs = documents(&out);
    let name = dir.path().file_name().unwrap().to_str().unwrap();
    let big = &docs[&format!("{name}/big.txt")];
    assert!(big["message"].contains("over the limit of 1000 bytes"), "{}", big["message"]);
    assert_eq!(docs[&format!("{name}/small.txt")]["status"], "ok");
}

#[test]
fn a_missing_closing_quote_does_not_swallow_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let text = "시장은 \"예산을 늘리겠다. 주민 의견을 듣겠다고 말했다. 시의회는 반대했다. 결론은 다음 달 나온다.\n다음 문단이다.\n";
    write(dir.path(), "q.txt", text.as_bytes());
    let out = dir.path().join("out");
    extract(&[dir.path().join("q.txt").to_str().unwrap()], &out);
    let s: Vec<String> = read_table(&out.join("sentences.csv")).rows.into_iter().map(|r| r["text"].clone()).collect();
    assert_eq!(
        s,
        [
            "시장은 \"예산을 늘리겠다.",
            "주민 의견을 듣겠다고 말했다.",
            "시의회는 반대했다.",
            "결론은 다음 달 나온다.",
            "다음 문단이다."
        ]
    );
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let o = extract(&["no/such/input"], &dir.path().join("out"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/input"), "{}", stderr(&o));
    let o = extract(&["corpus", "--published", "2022-13-01"], &dir.path().join("out"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("YYYY-MM-DD"), "{}", stderr(&o));
}

#[test]
fn an_output_path_that_is_a_file_is_a_clear_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out");
    std::fs::write(&file, "not a directory").unwrap();
    let o = extract(&["tests/fixtures/wire_dateline.txt"], &file);
    assert_eq!(o.status.code(), Some(3), "exit code 3: the output could not be written");
    assert!(stderr(&o).contains("cannot write output"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a directory");
}

#[test]
fn published_date_comes_from_the_page_when_nothing_else_gives_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    extract(&["tests/fixtures/wire_dateline.txt", "tests/fixtures/wrapped_lines.txt"], &out);
    let docs = documents(&out);
    assert_eq!((docs["wire_dateline.txt"]["published"].as_str(), docs["wire_dateline.txt"]["published_from"].as_str()), ("2024-03-12", "page"));
    let out2 = dir.path().join("out2");
    extract(&["tests/fixtures/wire_dateline.txt", "--published", "2020-02-02"], &out2);
    let d = &documents(&out2)["wire_dateline.txt"];
    assert_eq!((d["published"].as_str(), d["published_from"].as_str()), ("2020-02-02", "option"));
}
