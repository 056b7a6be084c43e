//! Publication dates printed in a page (`입력 2022.10.19 10:21`, `기사입력 2023-11-05`, `2022년 10월 19일`).

use once_cell::sync::Lazy;
use regex::Regex;

use crate::doc::Date;

/// A date with a label that says it is the article's (입력, 기사입력, 등록, 승인, 발행, 게재, 송고, 작성).
static LABELLED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?:기사\s*입력|최초\s*입력|입력|등록|승인|발행|게재|송고|작성|Published|published)\s*(?:일자|일시|시간|일)?\s*[:：]?\s*(\d{4})\s*(?:[.\-/]|년)\s*(\d{1,2})\s*(?:[.\-/]|월)\s*(\d{1,2})",
    )
    .unwrap()
});

/// A date followed by its label (`2024-07-03 14:00 송고`).
static LABEL_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})\.?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:송고|입력|등록|작성|발행)").unwrap()
});

/// A line that is nothing but a date (and maybe a time): `2022-10-19`, `2022.10.19 10:21`, `2022년 10월 19일 (수)`.
static BARE_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^\s*(\d{4})\s*(?:[.\-/]|년)\s*(\d{1,2})\s*(?:[.\-/]|월)\s*(\d{1,2})\s*(?:일|\.)?\s*(?:\([월화수목금토일]\))?\s*(?:(?:오전|오후|AM|PM)?\s*\d{1,2}\s*[:시]\s*\d{0,2}\s*(?:분|:\d{2})?)?\s*$",
    )
    .unwrap()
});

/// A dotted date followed only by the name of its source, as government press releases and
/// portals print it (`2027.03.09 보건복지부`, `2025.11.02 국토교통부 도로국`): one to three words
/// whose last ends as an institution's name does (…부, …처, …청, …원, …회, …공사, …일보 …).
static SOURCE_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^\s*(\d{4})\.(\d{1,2})\.(\d{1,2})\.?\s+(?:[가-힣A-Za-z]{1,12}\s+){0,2}[가-힣]{0,12}(?:부|처|청|원|회|실|국|과|공사|공단|재단|센터|뉴스|일보|신문|방송|통신)\s*$",
    )
    .unwrap()
});

/// Finds the publication date printed in the page: a labelled date anywhere, else the first
/// line that is only a date (or a date and its source). Returns `None` when there is none or it is not a real calendar day.
pub fn find_in_page(text: &str) -> Option<Date> {
    if let Some(c) = LABELLED.captures(text) {
        if let Some(d) = ymd(&c[1], &c[2], &c[3]) {
            return Some(d);
        }
    }
    if let Some(c) = LABEL_AFTER.captures(text) {
        if let Some(d) = ymd(&c[1], &c[2], &c[3]) {
            return Some(d);
        }
    }
    static SHORT_YEAR: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"^\s*(\d{2})\.(\d{2})\.(\d{2})\s+\d{1,2}:\d{2}").unwrap());
    for line in text.lines() {
        if line.len() > 80 {
            continue;
        }
        if let Some(c) = SHORT_YEAR.captures(line) {
            if let Some(d) = ymd(&format!("20{}", &c[1]), &c[2], &c[3]) {
                return Some(d);
            }
        }
        if let Some(c) = BARE_LINE.captures(line).or_else(|| SOURCE_LINE.captures(line)) {
            if let Some(d) = ymd(&c[1], &c[2], &c[3]) {
                return Some(d);
            }
        }
    }
    None
}

/// Parses `YYYY-MM-DD` (also the date part of an RFC 3339 timestamp, or `YYYY.MM.DD`).
pub fn parse_iso(s: &str) -> Option<Date> {
    static ISO: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"^\s*(\d{4})[\-./](\d{1,2})[\-./](\d{1,2})").unwrap());
    let c = ISO.captures(s)?;
    ymd(&c[1], &c[2], &c[3])
}

fn ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    let y: i32 = y.parse().ok()?;
    if !(1900..=2200).contains(&y) {
        return None;
    }
    Date::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> Option<Date> {
        Date::from_ymd_opt(y, m, dd)
    }

    #[test]
    fn labelled_dates() {
        assert_eq!(find_in_page("메뉴\n입력 2022.10.19 10:21\n본문"), d(2022, 10, 19));
        assert_eq!(find_in_page("기사입력 2023-11-05 14:03 수정 2023-11-06"), d(2023, 11, 5));
        assert_eq!(find_in_page("승인 2024.01.09 17:45"), d(2024, 1, 9));
        assert_eq!(find_in_page("등록 2024년 3월 2일"), d(2024, 3, 2));
        // `일자` after the label (`게재 일자 :`, `입력일자`).
        assert_eq!(find_in_page("게재 일자 : 2025년 10월 14일(火)"), d(2025, 10, 14));
        assert_eq!(find_in_page("입력일자 2023.05.02"), d(2023, 5, 2));
        assert_eq!(find_in_page("(세종=뉴스1) 김 기자 | 2024-07-03 14:00 송고"), d(2024, 7, 3));
    }

    #[test]
    fn bare_date_line() {
        assert_eq!(find_in_page("제목\n2022-10-19\n본문은 2021년 1월 1일 얘기다."), d(2022, 10, 19));
        assert_eq!(find_in_page("2024.03.12 (화) 오후 3:20\n"), d(2024, 3, 12));
        assert_eq!(find_in_page("메뉴\n24.04.02 11:20 최종 업데이트 24.04.02 14:51\n"), d(2024, 4, 2));
    }

    #[test]
    fn date_line_with_its_source() {
        assert_eq!(find_in_page("정책뉴스 > 복지\n제목\n2026.05.11 행정안전부\n본문"), d(2026, 5, 11));
        assert_eq!(find_in_page("2025.11.02 국토교통부 도로국\n"), d(2025, 11, 2));
        // A date before words that are no source's name is not the page's date line.
        assert_eq!(find_in_page("2025.11.02 치매 국가책임제 10년\n"), None);
        assert_eq!(find_in_page("2025.11.02 회의를 열었다\n"), None);
    }

    #[test]
    fn dates_inside_body_sentences_do_not_count() {
        assert_eq!(find_in_page("정부는 2021년 1월 1일부터 시행한다고 밝혔다."), None);
        assert_eq!(find_in_page("입력 2022.13.40"), None);
    }

    #[test]
    fn iso_field() {
        assert_eq!(parse_iso("2022-10-19"), d(2022, 10, 19));
        assert_eq!(parse_iso("2022-10-19T10:21:00+09:00"), d(2022, 10, 19));
        assert_eq!(parse_iso("yesterday"), None);
    }
}
