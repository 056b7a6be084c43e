//! Property tests (proptest) on the pieces with tricky invariants: sentence splitting, cleaning,
//! date normalization.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use kornews::clean::Cleaner;
use kornews::Pipeline;
use kornews::offsets::CharIndex;
use kornews::resources::DataFiles;
use kornews::segment::{is_space, Splitter};
use kornews::time::{normalize_date, normalize_time, parse_date, When};
use proptest::prelude::*;

fn splitter() -> &'static Splitter {
    static S: OnceLock<Splitter> = OnceLock::new();
    S.get_or_init(|| Splitter::new(&DataFiles::embedded()))
}

fn cleaner() -> &'static Cleaner {
    static C: OnceLock<Cleaner> = OnceLock::new();
    C.get_or_init(|| Cleaner::new(&DataFiles::embedded()).unwrap())
}

/// Characters that steer the splitter and the cleaner, mixed with any character at all.
fn page_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec!['가', '다', '요', '죠', '까', '는', '했', '기', '자', '일', '년', '월']),
        3 => prop::sample::select(vec!['.', '?', '!', '…', '。', '？', '！', ',', '=', '|', '@', '#', '©', 'ⓒ', '▶', '[', ']', '(', ')', '》', '〉']),
        3 => prop::sample::select(vec!['"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』', '«', '»']),
        3 => prop::sample::select(vec![' ', ' ', '\n', '\r', '\t', '\u{3000}', '\u{a0}', '\0', '\u{200b}', '\u{feff}', '\u{2028}', '\u{85}', '\u{0b}', '\u{0c}']),
        2 => prop::sample::select(vec!['0', '1', '2', '9', 'A', 'M', 'r', 'x', 'J']),
        1 => prop::sample::select(vec!['\u{1100}', '\u{1161}', '\u{11a8}', '\u{301}', '\u{200d}', '\u{202e}', '\u{200f}', '😀']),
        2 => any::<char>(),
    ]
}

fn page_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(page_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// Lines a news page is made of (chrome and text), to exercise the cleaner's rules.
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "입력 2022.10.19 10:21",
            "홍길동 기자 hong@example.com",
            "저작권자 © 예시일보 무단전재 및 재배포 금지",
            "[서울=뉴시스] 김기자 기자 = 정부는 19일 대책을 발표했다.",
            "사진=연합뉴스",
            "▶ 관련기사 더보기",
            "메뉴 건너뛰기",
            "카카오 먹통 사태… 홍 대표 \"책임 통감\"",
            "정부는 2일 새 대책을 발표했다. 장관은 \"연내 시행하겠다\"고 말했다.",
            "#태그 #경제",
            "댓글 3",
            "ⓒ 연합뉴스",
            "[앵커]",
            "기사입력 2023-11-05",
        ])
        .prop_map(String::from),
        page_text(80),
    ]
}

fn page() -> impl Strategy<Value = String> {
    let sep = prop::sample::select(vec!["\n", "\r\n", "\n\n", "\r", " \n  ", "\n\u{3000}\n"]);
    prop::collection::vec((page_line(), sep), 0..14).prop_map(|parts| parts.into_iter().map(|(l, s)| l + s).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// "Covers the block": the pieces are byte ranges of the block, non-empty, on char boundaries,
    /// in order and not overlapping, each trimmed (no white space, as `segment::is_space` defines
    /// it, at either end), and every character outside the pieces is white space. So no word is
    /// lost and none is counted twice.
    #[test]
    fn sentence_pieces_cover_the_block(s in page_text(160)) {
        let pieces = splitter().split(&s);
        let mut prev_end = 0;
        for &(a, b) in &pieces {
            prop_assert!(a < b && b <= s.len(), "{a}..{b} in {}", s.len());
            prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
            prop_assert!(a >= prev_end, "piece {a}..{b} overlaps or precedes the one ending at {prev_end}");
            let gap = &s[prev_end..a];
            prop_assert!(gap.chars().all(is_space), "non-space text between pieces: {gap:?}");
            let piece = &s[a..b];
            prop_assert!(!piece.starts_with(is_space) && !piece.ends_with(is_space), "untrimmed piece {piece:?}");
            prev_end = b;
        }
        prop_assert!(s[prev_end..].chars().all(is_space), "non-space text after the last piece: {:?}", &s[prev_end..]);
    }

    /// Cleaning never moves an offset: the blocks are code point spans of the text, non-empty, in
    /// order and not overlapping; each block's text (through the char index) is exactly those code
    /// points of the text, trimmed; and nothing is deleted: every character outside the blocks is
    /// white space.
    #[test]
    fn cleaning_keeps_offsets(text in page()) {
        let index = CharIndex::new(&text);
        let chars: Vec<char> = text.chars().collect();
        let blocks = cleaner().clean(&text, &index).blocks;
        let mut prev_end = 0;
        for b in &blocks {
            let (s, e) = (b.span.start, b.span.end);
            prop_assert!(s < e && e <= chars.len(), "{s}..{e} of {}", chars.len());
            prop_assert!(s >= prev_end, "block {s}..{e} overlaps or precedes the one ending at {prev_end}");
            prop_assert!(chars[prev_end..s].iter().copied().all(is_space), "text lost between blocks: {:?}", chars[prev_end..s].iter().collect::<String>());
            let slice: String = chars[s..e].iter().collect();
            prop_assert_eq!(index.slice(&text, b.span), slice.as_str());
            prop_assert!(!is_space(chars[s]) && !is_space(chars[e - 1]), "untrimmed block {slice:?}");
            prev_end = e;
        }
        prop_assert!(chars[prev_end..].iter().copied().all(is_space), "text lost after the last block");
    }
}

/// Any calendar day chrono can represent, weighted towards the two ends of the range.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let (lo, hi) = (NaiveDate::MIN.num_days_from_ce(), NaiveDate::MAX.num_days_from_ce());
    prop_oneof![
        1 => (0..40i32).prop_map(move |k| NaiveDate::from_num_days_from_ce_opt(lo + k).unwrap()),
        1 => (0..40i32).prop_map(move |k| NaiveDate::from_num_days_from_ce_opt(hi - k).unwrap()),
        2 => (lo..=hi).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
        2 => (1900..2200i32, 1..=12u32, 1..=28u32).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
    ]
}

/// Numbers as text: small, calendar-sized, huge (over u32 and u64), zero-padded, negative.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..100u32).prop_map(|n| n.to_string()),
        (0..10000u32).prop_map(|n| format!("{n:04}")),
        any::<u32>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        Just("99999999999999999999999".to_string()),
        Just("0".to_string()),
    ]
}

fn date_part() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => number(),
        3 => prop::sample::select(vec!["년", "년도", "월", "일", "분기", "시", "분", "반", ":", ".", "-", "/", " ", "요일", "주"]).prop_map(String::from),
        3 => prop::sample::select(vec![
            "재작년", "지난해", "작년", "올해", "금년", "내년", "내후년", "후년", "이듬해", "이날", "당일", "오늘", "어제", "그제",
            "그저께", "내일", "모레", "전날", "다음 날", "이튿날", "이달", "이번 달", "다음 달", "내달", "지난달", "이번 주",
            "다음 주", "내주", "지난주", "상반기", "하반기", "연내", "연말", "연초", "연중", "초", "중순", "말", "월요일",
            "화요일", "수요일", "목요일", "금요일", "토요일", "일요일", "지난", "오는", "이번", "다음", "올", "오전", "오후",
            "새벽", "밤", "낮", "저녁", "이천이십육년", "삼월", "십오일", "구천구백구십구년", "천천천년",
        ]).prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20000, ..ProptestConfig::default() })]

    /// Date and time normalization never panics, for any numbers and any publication date (or
    /// none), and what it gives is well formed.
    #[test]
    fn date_normalization_never_panics(parts in prop::collection::vec(date_part(), 1..7), published in prop::option::of(any_date())) {
        let text: String = parts.concat();
        if let Some(w) = parse_date(&text, published) {
            let _ = w.last_day();
            prop_assert!(!w.iso().is_empty());
        }
        if let Some(iso) = normalize_date(&text, published) {
            prop_assert!(iso.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '-' || c == '+'), "{iso}");
        }
        if let Some(t) = normalize_time(&text) {
            prop_assert!(t.len() == 6 && t.starts_with('T'), "{t}");
        }
    }

    /// Every period, whatever its numbers, prints and has a last day (or none) without panicking.
    #[test]
    fn any_period_prints_and_ends(y in any::<i32>(), small in any::<u8>(), big in any::<u32>(), d in any_date()) {
        for w in [When::Year(y), When::Half(y, small), When::Quarter(y, small), When::Month(y, big), When::Week(y, big), When::Day(d)] {
            let _ = w.last_day();
            prop_assert!(!w.iso().is_empty());
        }
    }
}

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(DataFiles::embedded()).unwrap())
}

/// The commitments of one JSONL article published on 2022-10-19.
fn commitments_of(text: &str) -> Vec<kornews::doc::Commitment> {
    let line = serde_json::json!({"id": "p", "published": "2022-10-19", "text": text}).to_string();
    let reader: Box<dyn std::io::BufRead + Send> = Box::new(std::io::Cursor::new(line.into_bytes()));
    let item = kornews::ingest::Ingest::from_reader(reader, "p", Default::default()).next().unwrap();
    match pipeline().process(item) {
        kornews::Outcome::Done(a) => a.commitments,
        kornews::Outcome::Failed(f) => panic!("{}", f.message),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// A deadline `N년/개월/주/일 내에` is the publication date moved by exactly that much, or
    /// empty when that is past the calendar. (Numbers of two or four digits before 년 are years,
    /// and `N일` is a day of the month, so they are left out here.): never a wrapped-around number (`357913942년` once
    /// gave 8 months, as 12 × 357913942 overflows 32 bits).
    #[test]
    fn duration_deadlines_are_exact_or_empty(n in prop_oneof![1..10u64, 10_000..=u64::from(u32::MAX) + 10, Just(357913942u64)], unit in prop::sample::select(vec!["년", "개월", "주"])) {
        let text = format!("정부는 {n}{unit} 내에 데이터센터를 구축하기로 했다.");
        let p = NaiveDate::from_ymd_opt(2022, 10, 19).unwrap();
        let want = u32::try_from(n).ok().and_then(|k| match unit {
            "년" => k.checked_mul(12).and_then(|m| p.checked_add_months(chrono::Months::new(m))),
            "개월" => p.checked_add_months(chrono::Months::new(k)),
            "주" => p.checked_add_days(chrono::Days::new(7 * u64::from(k))),
            _ => p.checked_add_days(chrono::Days::new(u64::from(k))),
        });
        let got = commitments_of(&text);
        prop_assert_eq!(got.len(), 1, "{}", text);
        prop_assert_eq!(&got[0].deadline_text, &format!("{n}{unit} 내에"));
        prop_assert_eq!(got[0].deadline.clone(), want.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(), "{}", text);
    }
}
