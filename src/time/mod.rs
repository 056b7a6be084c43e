//! Korean date and time expressions resolved against the publication date.
//!
//! [`normalize_date`] gives ISO 8601 at the precision the text gives: `2022`, `2022-10`,
//! `2022-10-19`, half-years `2023-H1`, quarters `2022-Q3`, ISO weeks `2022-W43`. [`normalize_time`]
//! gives `T15:20`. Relative expressions (`내년`, `지난 15일`, `다음 달`) need the publication date;
//! without it they stay unresolved (`None`), never guessed from today's date. The commitments
//! stage reuses [`parse_date`] for deadlines.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use once_cell::sync::Lazy;
use regex::Regex;

use crate::doc::Date;

/// The calendar meaning of a date expression before it is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Year(i32),
    Half(i32, u8),
    Quarter(i32, u8),
    Month(i32, u32),
    Week(i32, u32),
    Day(NaiveDate),
}

impl When {
    pub fn iso(self) -> String {
        match self {
            When::Year(y) => format!("{y:04}"),
            When::Half(y, h) => format!("{y:04}-H{h}"),
            When::Quarter(y, q) => format!("{y:04}-Q{q}"),
            When::Month(y, m) => format!("{y:04}-{m:02}"),
            When::Week(y, w) => format!("{y:04}-W{w:02}"),
            When::Day(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// The last day of the period (for deadlines).
    pub fn last_day(self) -> Option<NaiveDate> {
        let end_of_month = |y: i32, m: u32| {
            NaiveDate::from_ymd_opt(y, m, 1)
                .and_then(|d| d.checked_add_months(Months::new(1)))
                .and_then(|d| d.pred_opt())
        };
        match self {
            When::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31),
            When::Half(y, h) => end_of_month(y, u32::from(h) * 6),
            When::Quarter(y, q) => end_of_month(y, u32::from(q) * 3),
            When::Month(y, m) => end_of_month(y, m),
            When::Week(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Sun),
            When::Day(d) => Some(d),
        }
    }
}

/// Indices of the groups of [`PARTS`] (`iso` is followed by `iy`, `im`, `id`): asked by number,
/// not by name, for every part of every date (checked against the names in a test).
const G_ISO: usize = 1;
const G_YEAR: usize = 5;
const G_YY: usize = 6;
const G_MONTH: usize = 7;
const G_DAY: usize = 8;
const G_QUARTER: usize = 9;
const G_WORD: usize = 10;

static PARTS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?x)
        (?P<iso>(?P<iy>\d{4})\s*[.\-/]\s*(?P<im>\d{1,2})\s*[.\-/]\s*(?P<id>\d{1,2})\.?)
      | (?P<year>\d{4})\s*년(?:도)?
      | (?P<yy>\d{2})\s*년(?:도)?
      | (?P<month>\d{1,2})\s*월
      | (?P<day>\d{1,2})\s*일
      | (?P<quarter>[1-4])\s*분기
      | (?P<word>재작년|지난해|작년|올해|금년|내년|내후년|후년|이듬해|이날|당일|오늘|어제|그제|그저께|내일|모레|전날|다음\s*날|이튿날|이달|이번\s*달|다음\s*달|내달|지난달|지난\s*달|이번\s*주|다음\s*주|내주|지난주|지난\s*주|이번\s*분기|다음\s*분기|지난\s*분기|상반기|하반기|연내|연말|연초|연중|초|중순|말|[월화수목금토일]요일|지난|오는|이번|다음|올)
    ",
    )
    .unwrap()
});

/// One match of [`PARTS`]: the digits of its numbers, or its word with the spaces taken out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part<'a> {
    Iso(&'a str, &'a str, &'a str),
    Year(&'a str),
    Yy(&'a str),
    Month(&'a str),
    Day(&'a str),
    Quarter(&'a str),
    Word(&'static str),
}

/// The words of [`PARTS`]' `word` group in its order: the spelling before the optional spaces,
/// the one after them (empty when the word has no space), and the word without spaces.
const PART_WORDS: &[(&str, &str, &str)] = &[
    ("재작년", "", "재작년"),
    ("지난해", "", "지난해"),
    ("작년", "", "작년"),
    ("올해", "", "올해"),
    ("금년", "", "금년"),
    ("내년", "", "내년"),
    ("내후년", "", "내후년"),
    ("후년", "", "후년"),
    ("이듬해", "", "이듬해"),
    ("이날", "", "이날"),
    ("당일", "", "당일"),
    ("오늘", "", "오늘"),
    ("어제", "", "어제"),
    ("그제", "", "그제"),
    ("그저께", "", "그저께"),
    ("내일", "", "내일"),
    ("모레", "", "모레"),
    ("전날", "", "전날"),
    ("다음", "날", "다음날"),
    ("이튿날", "", "이튿날"),
    ("이달", "", "이달"),
    ("이번", "달", "이번달"),
    ("다음", "달", "다음달"),
    ("내달", "", "내달"),
    ("지난달", "", "지난달"),
    ("지난", "달", "지난달"),
    ("이번", "주", "이번주"),
    ("다음", "주", "다음주"),
    ("내주", "", "내주"),
    ("지난주", "", "지난주"),
    ("지난", "주", "지난주"),
    ("이번", "분기", "이번분기"),
    ("다음", "분기", "다음분기"),
    ("지난", "분기", "지난분기"),
    ("상반기", "", "상반기"),
    ("하반기", "", "하반기"),
    ("연내", "", "연내"),
    ("연말", "", "연말"),
    ("연초", "", "연초"),
    ("연중", "", "연중"),
    ("초", "", "초"),
    ("중순", "", "중순"),
    ("말", "", "말"),
    // (`[월화수목금토일]요일`: its place in the order, the weekdays below.)
    ("\u{0}요일", "", ""),
    ("지난", "", "지난"),
    ("오는", "", "오는"),
    ("이번", "", "이번"),
    ("다음", "", "다음"),
    ("올", "", "올"),
];

const WEEKDAYS: [&str; 7] = ["월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"];

/// The end of the whitespace (as `\s*` reads it) starting at byte `b` of `t`.
fn skip_spaces(t: &str, b: usize) -> usize {
    t[b..].char_indices().find(|&(_, c)| !c.is_whitespace()).map_or(t.len(), |(k, _)| b + k)
}

/// The ASCII digits starting at byte `b` of `t`, counted up to `max`.
fn digits_at(t: &[u8], b: usize, max: usize) -> usize {
    t[b..].iter().take(max).take_while(|c| c.is_ascii_digit()).count()
}

/// The match of [`PARTS`] starting at byte `b` of `t`, if any, and its end: the alternatives
/// tried in the pattern's order (leftmost-first). Only for texts whose only numeric characters
/// are ASCII digits (`\d` would also take others).
fn part_at(t: &str, b: usize) -> Option<(Part<'_>, usize)> {
    let bytes = t.as_bytes();
    let rest = &t[b..];
    let nd = digits_at(bytes, b, 5);
    let sep = |q: usize| matches!(bytes.get(q), Some(b'.' | b'-' | b'/'));
    if nd >= 4 {
        // iso: \d{4}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}\.?
        let q = skip_spaces(t, b + 4);
        if sep(q) {
            let q = skip_spaces(t, q + 1);
            let m = digits_at(bytes, q, 2);
            if m > 0 {
                let r = skip_spaces(t, q + m);
                if sep(r) {
                    let r = skip_spaces(t, r + 1);
                    let d = digits_at(bytes, r, 2);
                    if d > 0 {
                        let end = r + d + usize::from(bytes.get(r + d) == Some(&b'.'));
                        return Some((Part::Iso(&t[b..b + 4], &t[q..q + m], &t[r..r + d]), end));
                    }
                }
            }
        }
        // year: \d{4}\s*년(?:도)?
        if let Some(end) = after_word(t, skip_spaces(t, b + 4), "년") {
            return Some((Part::Year(&t[b..b + 4]), end + if t[end..].starts_with('도') { 3 } else { 0 }));
        }
    }
    if nd >= 2 {
        if let Some(end) = after_word(t, skip_spaces(t, b + 2), "년") {
            return Some((Part::Yy(&t[b..b + 2]), end + if t[end..].starts_with('도') { 3 } else { 0 }));
        }
    }
    if nd >= 1 {
        let k = nd.min(2);
        let q = skip_spaces(t, b + k);
        if let Some(end) = after_word(t, q, "월") {
            return Some((Part::Month(&t[b..b + k]), end));
        }
        if let Some(end) = after_word(t, q, "일") {
            return Some((Part::Day(&t[b..b + k]), end));
        }
        if matches!(bytes[b], b'1'..=b'4') {
            if let Some(end) = after_word(t, skip_spaces(t, b + 1), "분기") {
                return Some((Part::Quarter(&t[b..b + 1]), end));
            }
        }
        return None;
    }
    // (Every word starts with a Hangul syllable.)
    if !rest.starts_with(|c: char| ('가'..='힣').contains(&c)) {
        return None;
    }
    for &(head, tail, word) in PART_WORDS {
        if word.is_empty() {
            if let Some(k) = WEEKDAYS.iter().position(|w| rest.starts_with(w)) {
                return Some((Part::Word(WEEKDAYS[k]), b + WEEKDAYS[k].len()));
            }
            continue;
        }
        if !rest.starts_with(head) {
            continue;
        }
        if tail.is_empty() {
            return Some((Part::Word(word), b + head.len()));
        }
        if let Some(end) = after_word(t, skip_spaces(t, b + head.len()), tail) {
            return Some((Part::Word(word), end));
        }
    }
    None
}

/// The end of `w` when `t` has it at byte `b`.
fn after_word(t: &str, b: usize, w: &str) -> Option<usize> {
    t[b..].starts_with(w).then_some(b + w.len())
}

/// The matches of [`PARTS`] in `t`, left to right without overlaps, as `captures_iter` finds
/// them (texts whose only numeric characters are ASCII digits).
struct Parts<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Parts<'a> {
    type Item = Part<'a>;
    fn next(&mut self) -> Option<Part<'a>> {
        let t = self.text;
        while self.at < t.len() {
            let b = self.at;
            if let Some((part, end)) = part_at(t, b) {
                self.at = end;
                return Some(part);
            }
            self.at += t[b..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }
}

/// A match of [`PARTS`] read from its groups.
fn part_of<'t>(c: &regex::Captures<'t>) -> Part<'t> {
    let group = |g: usize| c.get(g).map(|m| m.as_str());
    if let (Some(y), Some(m), Some(d)) = (group(G_ISO + 1), group(G_ISO + 2), group(G_ISO + 3)) {
        return Part::Iso(y, m, d);
    }
    for (g, make) in [(G_YEAR, Part::Year as fn(&'t str) -> Part<'t>), (G_YY, Part::Yy), (G_MONTH, Part::Month), (G_DAY, Part::Day), (G_QUARTER, Part::Quarter)] {
        if let Some(m) = group(g) {
            return make(m);
        }
    }
    let w: String = c[G_WORD].chars().filter(|c| !c.is_whitespace()).collect();
    let word = PART_WORDS.iter().map(|p| p.2).chain(WEEKDAYS).find(|x| !x.is_empty() && **x == w).expect("every word of PARTS is listed");
    Part::Word(word)
}

fn weekday(c: char) -> Option<Weekday> {
    Some(match c {
        '월' => Weekday::Mon,
        '화' => Weekday::Tue,
        '수' => Weekday::Wed,
        '목' => Weekday::Thu,
        '금' => Weekday::Fri,
        '토' => Weekday::Sat,
        '일' => Weekday::Sun,
        _ => return None,
    })
}

/// `d` moved by `days`, or `None` past the ends of the calendar chrono can represent.
fn shift(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::days(days))
}

fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let idx = y * 12 + m as i32 - 1 + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

/// Sino-Korean numerals before 년/월/일 (`이천이십육년 삼월`): ko-dic splits them into pieces,
/// the entity stage finds the run whole and this reads its value.
pub static SINO_DATE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"[일이삼사오육칠팔구십백천]{2,8}\s?(?:년|월|일)").unwrap());

/// The value of a Sino-Korean numeral (`이천이십육` → 2026), or `None` when it is not one.
pub fn sino_number(s: &str) -> Option<u32> {
    let digit = |c: char| "영일이삼사오육칠팔구".chars().position(|d| d == c).map(|p| p as u32);
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    let mut last_unit = u32::MAX;
    for c in s.chars() {
        let unit = match c {
            '십' => 10,
            '백' => 100,
            '천' => 1000,
            _ => {
                if pending.is_some() {
                    return None; // two digits in a row: not a numeral
                }
                pending = Some(digit(c)?);
                continue;
            }
        };
        if unit >= last_unit {
            return None;
        }
        last_unit = unit;
        total += pending.take().unwrap_or(1) * unit;
    }
    Some(total + pending.unwrap_or(0))
}

/// Rewrites Sino-Korean numerals before 년/월/일 as digits (`이천이십육년` → `2026년`).
fn arabic(text: &str) -> std::borrow::Cow<'_, str> {
    if !SINO_DATE.is_match(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        SINO_DATE
            .replace_all(text, |c: &regex::Captures| {
                let m = &c[0];
                let unit = m.chars().last().unwrap();
                let num: String = m.chars().filter(|ch| !ch.is_whitespace()).take_while(|ch| *ch != unit).collect();
                match sino_number(&num) {
                    Some(n) => format!("{n}{unit}"),
                    None => m.to_string(),
                }
            })
            .into_owned(),
    )
}

/// Parses a date expression. `pub_date` resolves relative parts; without it they make the whole
/// expression unresolved.
pub fn parse_date(text: &str, pub_date: Option<Date>) -> Option<When> {
    let text = arabic(text);
    let text = text.as_ref();
    let mut year: Option<i32> = None;
    let mut month: Option<u32> = None;
    let mut day: Option<u32> = None;
    let mut half: Option<u8> = None;
    let mut quarter: Option<u8> = None;
    let mut past = false; // 지난
    let mut future = false; // 오는, 다음
    let mut year_part: Option<&str> = None; // 초, 말, 연말 …
    let mut fixed_day: Option<NaiveDate> = None;
    let mut week: Option<(i32, u32)> = None;
    let mut wday: Option<Weekday> = None;
    let mut relative = false;
    let mut any = false;
    let p = pub_date;

    // The parts by a scan of the text; by the regex when the text has numeric characters other
    // than ASCII digits, which `\d` also reads.
    let unusual = text.chars().any(|c| !c.is_ascii() && c.is_numeric());
    let mut by_scan = Parts { text, at: if unusual { text.len() } else { 0 } };
    let mut by_regex = if unusual { Some(PARTS.captures_iter(text)) } else { None };
    let mut next = || match &mut by_regex {
        Some(caps) => caps.next().map(|c| part_of(&c)),
        None => by_scan.next(),
    };
    while let Some(part) = next() {
        any = true;
        match part {
            Part::Iso(y, m, d) => {
                let d = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
                fixed_day = Some(d);
            }
            Part::Year(y) => year = Some(y.parse().ok()?),
            Part::Yy(y) => year = Some(2000 + y.parse::<i32>().ok()?),
            Part::Month(m) => {
                let m: u32 = m.parse().ok()?;
                if !(1..=12).contains(&m) {
                    return None;
                }
                month = Some(m);
            }
            Part::Day(d) => {
                let d: u32 = d.parse().ok()?;
                if !(1..=31).contains(&d) {
                    return None;
                }
                day = Some(d);
            }
            Part::Quarter(q) => quarter = Some(q.parse().ok()?),
            Part::Word(w) => {
                let pd = || p;
                match w {
                    "지난" => past = true,
                    "오는" | "다음" => future = true,
                    "이번" | "올" => {}
                    "올해" | "금년" => {
                        relative = true;
                        year = pd().map(|d| d.year())
                    }
                    "내년" | "이듬해" => {
                        relative = true;
                        year = pd().map(|d| d.year() + 1)
                    }
                    "내후년" | "후년" => {
                        relative = true;
                        year = pd().map(|d| d.year() + 2)
                    }
                    "지난해" | "작년" => {
                        relative = true;
                        year = pd().map(|d| d.year() - 1)
                    }
                    "재작년" => {
                        relative = true;
                        year = pd().map(|d| d.year() - 2)
                    }
                    "이날" | "당일" | "오늘" => {
                        relative = true;
                        fixed_day = pd()
                    }
                    "어제" | "전날" => {
                        relative = true;
                        fixed_day = pd().and_then(|d| shift(d, -1))
                    }
                    "그제" | "그저께" => {
                        relative = true;
                        fixed_day = pd().and_then(|d| shift(d, -2))
                    }
                    "내일" | "다음날" | "이튿날" => {
                        relative = true;
                        fixed_day = pd().and_then(|d| shift(d, 1))
                    }
                    "모레" => {
                        relative = true;
                        fixed_day = pd().and_then(|d| shift(d, 2))
                    }
                    "이달" | "이번달" | "다음달" | "내달" | "지난달" => {
                        relative = true;
                        let delta = match w {
                            "다음달" | "내달" => 1,
                            "지난달" => -1,
                            _ => 0,
                        };
                        if let Some(d) = pd() {
                            let (y, m) = add_months(d.year(), d.month(), delta);
                            year = Some(y);
                            month = Some(m);
                        }
                    }
                    "이번주" | "다음주" | "내주" | "지난주" => {
                        relative = true;
                        let delta = match w {
                            "다음주" | "내주" => 7,
                            "지난주" => -7,
                            _ => 0,
                        };
                        if let Some(iw) = pd().and_then(|d| shift(d, delta)).map(|d| d.iso_week()) {
                            week = Some((iw.year(), iw.week()));
                        }
                    }
                    "이번분기" | "다음분기" | "지난분기" => {
                        // The quarter of the publication date, or the one after or before it.
                        relative = true;
                        let delta = match w {
                            "다음분기" => 3,
                            "지난분기" => -3,
                            _ => 0,
                        };
                        if let Some(d) = pd() {
                            let (y, m) = add_months(d.year(), d.month(), delta);
                            year = Some(y);
                            quarter = Some(((m - 1) / 3 + 1) as u8);
                        }
                    }
                    "상반기" => half = Some(1),
                    "하반기" => half = Some(2),
                    "연내" | "연중" => year_part = Some("year"),
                    "연말" => year_part = Some("end"),
                    "연초" => year_part = Some("start"),
                    "초" => year_part = Some("start"),
                    "중순" => year_part = Some("mid"),
                    "말" => year_part = Some("end"),
                    other => {
                        if other.ends_with("요일") {
                            wday = other.chars().next().and_then(weekday);
                        }
                    }
                }
            }
        }
    }
    if !any {
        return None;
    }
    if let Some(d) = fixed_day {
        return Some(When::Day(d));
    }
    if relative && p.is_none() {
        return None;
    }
    // Fill what the text leaves out from the publication date.
    if let Some(d) = day {
        let p = p;
        let (mut y, mut m) = match (year, month) {
            (Some(y), Some(m)) => (y, m),
            (None, Some(m)) => {
                let p = p?;
                let mut y = p.year();
                if past && m > p.month() {
                    y -= 1;
                } else if future && m < p.month() {
                    y += 1;
                }
                (y, m)
            }
            (_, None) => {
                let p = p?;
                (p.year(), p.month())
            }
        };
        if month.is_none() {
            if let Some(p) = p {
                if past && d > p.day() {
                    (y, m) = add_months(y, m, -1);
                } else if future && d < p.day() {
                    (y, m) = add_months(y, m, 1);
                }
                // `오는 30일` said on 14 February: February has no 30th, so the next 30th is in
                // March (and `지난 31일` said on 2 May is 31 March).
                if NaiveDate::from_ymd_opt(y, m, d).is_none() && (1..=31).contains(&d) && (past || future) {
                    (y, m) = add_months(y, m, if past { -1 } else { 1 });
                }
            }
        }
        return NaiveDate::from_ymd_opt(y, m, d).map(When::Day);
    }
    if let Some(m) = month {
        let y = match year {
            Some(y) => y,
            None => {
                let p = p?;
                if past && m > p.month() {
                    p.year() - 1
                } else if future && m < p.month() {
                    p.year() + 1
                } else {
                    p.year()
                }
            }
        };
        return Some(When::Month(y, m));
    }
    if let Some((y, w)) = week {
        if let (Some(wd), Some(_)) = (wday, p) {
            return NaiveDate::from_isoywd_opt(y, w, wd).map(When::Day);
        }
        return Some(When::Week(y, w));
    }
    if let Some(wd) = wday {
        let p = p?;
        // 지난 금요일: the latest before; 오는/다음 금요일: the next after; bare: within this week.
        let mut d = p;
        if past || !future {
            if past {
                d = shift(d, -1)?;
            }
            while d.weekday() != wd {
                d = shift(d, -1)?;
            }
            if !past && (p - d).num_days() > 0 && !future {
                // bare weekday: nearest day of this ISO week
                let monday = shift(p, -i64::from(p.weekday().num_days_from_monday()))?;
                d = shift(monday, i64::from(wd.num_days_from_monday()))?;
            }
        } else {
            d = shift(d, 1)?;
            while d.weekday() != wd {
                d = shift(d, 1)?;
            }
        }
        return Some(When::Day(d));
    }
    let y = match year {
        Some(y) => y,
        None if half.is_some() || quarter.is_some() || year_part.is_some() => p?.year(),
        None => return None,
    };
    if let Some(h) = half {
        return Some(When::Half(y, h));
    }
    if let Some(q) = quarter {
        return Some(When::Quarter(y, q));
    }
    match year_part {
        Some("end") => Some(When::Month(y, 12)),
        Some("start") => Some(When::Month(y, 1)),
        _ => Some(When::Year(y)),
    }
}

/// 설날 (lunar new year's day) and 추석 of the years the table covers (2020–2030).
const SEOLLAL: &[(i32, u32, u32)] = &[
    (2020, 1, 25), (2021, 2, 12), (2022, 2, 1), (2023, 1, 22), (2024, 2, 10), (2025, 1, 29),
    (2026, 2, 17), (2027, 2, 7), (2028, 1, 27), (2029, 2, 13), (2030, 2, 3),
];
const CHUSEOK: &[(i32, u32, u32)] = &[
    (2020, 10, 1), (2021, 9, 21), (2022, 9, 10), (2023, 9, 29), (2024, 9, 17), (2025, 10, 6),
    (2026, 9, 25), (2027, 9, 15), (2028, 10, 3), (2029, 9, 22), (2030, 9, 12),
];

/// `설 연휴 전`, `추석 전까지`, `설 명절을 앞두고`: the last day before the next 설 or 추석
/// holiday (the day before the holiday, the day itself and the day after) on or after the
/// publication date. `None` without a publication date or outside the table's years.
pub fn holiday_eve(name: &str, pub_date: Option<Date>) -> Option<When> {
    let p = pub_date?;
    let table = match name {
        "설" | "설날" | "구정" => SEOLLAL,
        "추석" | "한가위" => CHUSEOK,
        _ => return None,
    };
    table
        .iter()
        .filter_map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
        .map(|d| d - Duration::days(2))
        .find(|eve| *eve >= p)
        .map(When::Day)
}

/// A season as a deadline (`올여름까지`, `내년 봄`, `오는 가을`, `이번 겨울 전에`): the season's
/// last month, the convention of the gold (봄 March–May → May, 여름 June–August → August, 가을
/// September–November → November, 겨울 December–February → February of the next year). With
/// `before` (`겨울 전에`, `여름이 오기 전`) the month before the season starts (February, May,
/// August, November). `which` is the word before the season: `올`/`올해`/`이번` (this year's; this
/// winter is the current one in January and February), `내년`/`다음`/`이듬해` (next year's), or
/// empty / `오는` (the next one that has not ended by the publication date). `None` without a
/// publication date, for `지난` and for an unknown season word.
pub fn season(which: &str, name: &str, before: bool, pub_date: Option<Date>) -> Option<When> {
    let p = pub_date?;
    let start: u32 = match name {
        "봄" => 3,
        "여름" => 6,
        "가을" => 9,
        "겨울" => 12,
        _ => return None,
    };
    // (year the season starts in, month the deadline falls in), for a season starting in `y`.
    let due = |y: i32| -> (i32, u32) {
        if before {
            (y, start - 1)
        } else if start == 12 {
            (y + 1, 2)
        } else {
            (y, start + 2)
        }
    };
    // The winter that is on in January and February started the year before.
    let this_year = if start == 12 && p.month() <= 2 { p.year() - 1 } else { p.year() };
    let which: String = which.chars().filter(|c| !c.is_whitespace()).collect();
    let (y, m) = match which.as_str() {
        "올" | "올해" | "이번" | "금년" => due(this_year),
        "내년" | "다음" | "이듬해" => due(this_year + 1),
        "" | "오는" => {
            let (y, m) = due(this_year);
            let ended = NaiveDate::from_ymd_opt(y, m, 1).is_some_and(|d| When::Month(d.year(), d.month()).last_day().is_some_and(|l| l < p));
            if ended {
                due(this_year + 1)
            } else {
                (y, m)
            }
        }
        _ => return None,
    };
    Some(When::Month(y, m))
}

/// The last period a duration covers when it runs from `start`, at the start's precision
/// (`내년부터 3년간`: a deadline). `n` units of `unit` (`년`, `개월`/`달`, `주`, `일`) counted from
/// the start, the start included: from the year 2023, 3 `년` → 2025; from the month 2022-11, 6
/// `개월` → 2023-04; from the day 2022-11-03, 10 `일` → 2022-11-12. `None` for zero units and for
/// units the start's precision cannot count (days from a year, anything from a half-year).
pub fn span_end(start: When, n: u32, unit: &str) -> Option<When> {
    if n == 0 || n > 1000 {
        return None;
    }
    let k = n as i32;
    let month = |y: i32, m: u32, delta: i32| {
        let (y, m) = add_months(y, m, delta);
        When::Month(y, m)
    };
    match (start, unit) {
        (When::Year(y), "년") => Some(When::Year(y + k - 1)),
        (When::Year(y), "개월" | "달") => Some(month(y, 1, k - 1)),
        (When::Month(y, m), "개월" | "달") => Some(month(y, m, k - 1)),
        (When::Month(y, m), "년") => Some(month(y, m, 12 * k - 1)),
        (When::Day(d), "일") => shift(d, i64::from(k) - 1).map(When::Day),
        (When::Day(d), "주") => shift(d, 7 * i64::from(k) - 1).map(When::Day),
        (When::Day(d), "개월" | "달") => d.checked_add_months(Months::new(n)).and_then(|e| e.pred_opt()).map(When::Day),
        (When::Day(d), "년") => d.checked_add_months(Months::new(12 * n)).and_then(|e| e.pred_opt()).map(When::Day),
        _ => None,
    }
}

/// The date `n` units (`년`, `개월`/`달`, `주`, `일`) before `w`, at `w`'s precision: the deadline
/// of `2030년 전국체전 1년 전까지` (2029) or `2026년 6월 지방선거 1년 전까지` (2025-06). `None` for
/// units the precision cannot count (months from a year, days from a month).
pub fn before(w: When, n: u32, unit: &str) -> Option<When> {
    if n > 1000 {
        return None;
    }
    let k = n as i32;
    match (w, unit) {
        (When::Year(y), "년") => Some(When::Year(y - k)),
        (When::Half(y, h), "년") => Some(When::Half(y - k, h)),
        (When::Quarter(y, q), "년") => Some(When::Quarter(y - k, q)),
        (When::Month(y, m), "년") => Some(When::Month(y - k, m)),
        (When::Month(y, m), "개월" | "달") => {
            let (y, m) = add_months(y, m, -k);
            Some(When::Month(y, m))
        }
        (When::Day(d), "년") => d.checked_sub_months(Months::new(12 * n)).map(When::Day),
        (When::Day(d), "개월" | "달") => d.checked_sub_months(Months::new(n)).map(When::Day),
        (When::Day(d), "주") => shift(d, -7 * i64::from(n)).map(When::Day),
        (When::Day(d), "일") => shift(d, -i64::from(n)).map(When::Day),
        _ => None,
    }
}

/// ISO 8601 form of a date expression, or `None`.
pub fn normalize_date(text: &str, pub_date: Option<Date>) -> Option<String> {
    parse_date(text, pub_date).map(When::iso)
}

static CLOCK: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:(?P<ampm>오전|오후|새벽|아침|낮|저녁|밤)\s*)?(?:(?P<h>\d{1,2})\s*시(?:\s*(?P<m>\d{1,2})\s*분|\s*(?P<half>반))?|(?P<hh>\d{1,2}):(?P<mm>\d{2}))").unwrap()
});

/// `T15:20` for a clock time; `None` for a part of the day alone (`오전`).
pub fn normalize_time(text: &str) -> Option<String> {
    let c = CLOCK.captures(text)?;
    let (mut h, m): (u32, u32) = if let Some(h) = c.name("h") {
        let m = match (c.name("m"), c.name("half")) {
            (Some(m), _) => m.as_str().parse().ok()?,
            (None, Some(_)) => 30,
            _ => 0,
        };
        (h.as_str().parse().ok()?, m)
    } else {
        (c["hh"].parse().ok()?, c["mm"].parse().ok()?)
    };
    match c.name("ampm").map(|m| m.as_str()) {
        Some("오후") | Some("저녁") if h < 12 => h += 12,
        Some("밤") if (6..12).contains(&h) => h += 12,
        Some("낮") if h < 6 => h += 12,
        _ => {}
    }
    if h > 24 || m > 59 {
        return None;
    }
    Some(format!("T{h:02}:{m:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> Option<Date> {
        NaiveDate::from_ymd_opt(2022, 10, 19)
    }

    fn n(s: &str) -> String {
        normalize_date(s, p()).unwrap_or_default()
    }

    #[test]
    fn parts_group_numbers_match_their_names() {
        let names: Vec<Option<&str>> = PARTS.capture_names().collect();
        let at = |n: &str| names.iter().position(|x| *x == Some(n)).unwrap();
        assert_eq!(names.len(), 11);
        assert_eq!((at("iso"), at("iy"), at("im"), at("id")), (G_ISO, G_ISO + 1, G_ISO + 2, G_ISO + 3));
        assert_eq!((at("year"), at("yy"), at("month"), at("day"), at("quarter"), at("word")), (G_YEAR, G_YY, G_MONTH, G_DAY, G_QUARTER, G_WORD));
    }

    #[test]
    fn examples_from_the_issue() {
        assert_eq!(n("19일"), "2022-10-19");
        assert_eq!(n("지난 15일"), "2022-10-15");
        assert_eq!(n("내년"), "2023");
        assert_eq!(n("2024년"), "2024");
        assert_eq!(n("내년 상반기"), "2023-H1");
        assert_eq!(normalize_time("오후 3시").as_deref(), Some("T15:00"));
    }

    #[test]
    fn relative_days_months_and_parts() {
        assert_eq!(n("지난 25일"), "2022-09-25");
        assert_eq!(n("오는 30일"), "2022-10-30");
        assert_eq!(n("오는 3일"), "2022-11-03");
        let feb = chrono::NaiveDate::from_ymd_opt(2024, 2, 14);
        assert_eq!(normalize_date("오는 30일", feb).as_deref(), Some("2024-03-30"), "February has no 30th");
        let may = chrono::NaiveDate::from_ymd_opt(2024, 5, 2);
        assert_eq!(normalize_date("지난 31일", may).as_deref(), Some("2024-03-31"), "April has no 31st");
        assert_eq!(n("다음 달"), "2022-11");
        assert_eq!(n("지난달"), "2022-09");
        assert_eq!(n("이날"), "2022-10-19");
        assert_eq!(n("올해 말"), "2022-12");
        assert_eq!(n("연말"), "2022-12");
        assert_eq!(n("연내"), "2022");
        assert_eq!(n("하반기"), "2022-H2");
        assert_eq!(n("3분기"), "2022-Q3");
        assert_eq!(n("지난해 3분기"), "2021-Q3");
        assert_eq!(n("2025년 3월"), "2025-03");
        assert_eq!(n("지난 8월"), "2022-08");
        assert_eq!(n("오는 2월"), "2023-02");
        assert_eq!(n("2022.10.19"), "2022-10-19");
        assert_eq!(n("2024년 1월 9일"), "2024-01-09");
        assert_eq!(n("다음 주"), "2022-W43");
        assert_eq!(n("지난 금요일"), "2022-10-14");
        assert_eq!(n("오는 월요일"), "2022-10-24");
    }

    #[test]
    fn without_a_publication_date_relative_expressions_stay_empty() {
        assert_eq!(normalize_date("내년", None), None);
        assert_eq!(normalize_date("19일", None), None);
        assert_eq!(normalize_date("2030년", None).as_deref(), Some("2030"));
        assert_eq!(normalize_date("2024년 1월 9일", None).as_deref(), Some("2024-01-09"));
    }

    #[test]
    fn times() {
        assert_eq!(normalize_time("오후 3시 20분").as_deref(), Some("T15:20"));
        assert_eq!(normalize_time("오전 10시 30분께").as_deref(), Some("T10:30"));
        assert_eq!(normalize_time("새벽 3시").as_deref(), Some("T03:00"));
        assert_eq!(normalize_time("밤 9시 반").as_deref(), Some("T21:30"));
        assert_eq!(normalize_time("14:05").as_deref(), Some("T14:05"));
        assert_eq!(normalize_time("오전"), None);
    }

    #[test]
    fn relative_quarters() {
        assert_eq!(n("이번 분기"), "2022-Q4");
        assert_eq!(n("다음 분기"), "2023-Q1");
        assert_eq!(n("지난 분기"), "2022-Q3");
        assert_eq!(n("내년 1분기"), "2023-Q1");
        assert_eq!(normalize_date("다음 분기", None), None);
        assert_eq!(parse_date("2분기 말", p()).unwrap().last_day(), NaiveDate::from_ymd_opt(2022, 6, 30));
    }

    #[test]
    fn month_starts_and_year_ends_keep_the_text_precision() {
        assert_eq!(n("다음 달 초"), "2022-11");
        assert_eq!(n("내년 초"), "2023-01");
        assert_eq!(n("2027년 말"), "2027-12");
        assert_eq!(n("오는 2030년"), "2030");
        assert_eq!(n("이달 말"), "2022-10");
    }

    #[test]
    fn holidays_before_the_next_one() {
        let jan = NaiveDate::from_ymd_opt(2026, 1, 20);
        assert_eq!(holiday_eve("설", jan).map(When::iso).as_deref(), Some("2026-02-15"));
        assert_eq!(holiday_eve("추석", jan).map(When::iso).as_deref(), Some("2026-09-23"));
        // After this year's 설, the next one is next year's.
        let mar = NaiveDate::from_ymd_opt(2026, 3, 2);
        assert_eq!(holiday_eve("설날", mar).map(When::iso).as_deref(), Some("2027-02-05"));
        assert_eq!(holiday_eve("설", None), None);
        assert_eq!(holiday_eve("성탄절", jan), None);
    }

    #[test]
    fn seasons_are_due_by_their_last_month() {
        let s = |which: &str, name: &str, before: bool, y: i32, m: u32, d: u32| season(which, name, before, NaiveDate::from_ymd_opt(y, m, d)).map(When::iso).unwrap_or_default();
        // Said in spring 2026.
        assert_eq!(s("올", "여름", false, 2026, 3, 17), "2026-08");
        assert_eq!(s("내년", "봄", false, 2026, 3, 17), "2027-05");
        assert_eq!(s("오는", "가을", false, 2026, 2, 24), "2026-11");
        assert_eq!(s("이번", "겨울", true, 2026, 3, 17), "2026-11", "before winter: November");
        assert_eq!(s("", "여름", true, 2026, 3, 17), "2026-05");
        // Winter runs into the next year; this winter in January is the current one.
        assert_eq!(s("올", "겨울", false, 2026, 10, 1), "2027-02");
        assert_eq!(s("이번", "겨울", false, 2026, 1, 10), "2026-02");
        // A bare season said after it ended is next year's.
        assert_eq!(s("", "봄", false, 2026, 9, 1), "2027-05");
        assert_eq!(s("", "봄", false, 2026, 5, 20), "2026-05");
        assert_eq!(season("올", "여름", false, None), None);
        assert_eq!(season("지난", "여름", false, p()), None);
        assert_eq!(season("올", "장마", false, p()), None);
    }

    #[test]
    fn deadlines_end_on_the_last_day() {
        assert_eq!(parse_date("연말", p()).unwrap().last_day(), NaiveDate::from_ymd_opt(2022, 12, 31));
        assert_eq!(parse_date("내년 상반기", p()).unwrap().last_day(), NaiveDate::from_ymd_opt(2023, 6, 30));
        assert_eq!(parse_date("다음 달", p()).unwrap().last_day(), NaiveDate::from_ymd_opt(2022, 11, 30));
    }

    #[test]
    fn sino_korean_numerals() {
        assert_eq!(sino_number("이천이십육"), Some(2026));
        assert_eq!(sino_number("십이"), Some(12));
        assert_eq!(sino_number("삼십일"), Some(31));
        assert_eq!(sino_number("이삼"), None);
        assert_eq!(n("이천이십육년"), "2026");
        assert_eq!(n("이천이십삼년 십이월 이십오일"), "2023-12-25");
    }

    #[test]
    fn a_duration_from_a_start_ends_at_the_start_s_precision() {
        let y = |s: &str| parse_date(s, p()).unwrap();
        assert_eq!(span_end(y("내년"), 3, "년").map(When::iso).as_deref(), Some("2025"));
        assert_eq!(span_end(y("2027년"), 1, "년").map(When::iso).as_deref(), Some("2027"));
        assert_eq!(span_end(y("다음 달"), 6, "개월").map(When::iso).as_deref(), Some("2023-04"));
        assert_eq!(span_end(y("내년 3월"), 2, "년").map(When::iso).as_deref(), Some("2025-02"));
        assert_eq!(span_end(y("오는 3일"), 10, "일").map(When::iso).as_deref(), Some("2022-11-12"));
        assert_eq!(span_end(y("오는 3일"), 2, "주").map(When::iso).as_deref(), Some("2022-11-16"));
        assert_eq!(span_end(y("오는 3일"), 1, "개월").map(When::iso).as_deref(), Some("2022-12-02"));
        assert_eq!(span_end(y("내년 상반기"), 2, "년"), None);
        assert_eq!(span_end(y("내년"), 10, "일"), None);
        assert_eq!(span_end(y("내년"), 0, "년"), None);
    }

    #[test]
    fn a_duration_before_an_event_counts_back_at_the_event_s_precision() {
        let w = |s: &str| parse_date(s, p()).unwrap();
        assert_eq!(before(w("2030년"), 1, "년").map(When::iso).as_deref(), Some("2029"));
        assert_eq!(before(w("2026년 6월"), 1, "년").map(When::iso).as_deref(), Some("2025-06"));
        assert_eq!(before(w("2027년 3월"), 6, "개월").map(When::iso).as_deref(), Some("2026-09"));
        assert_eq!(before(w("2027년 3월 2일"), 2, "주").map(When::iso).as_deref(), Some("2027-02-16"));
        assert_eq!(before(w("2028년 하반기"), 1, "년").map(When::iso).as_deref(), Some("2027-H2"));
        assert_eq!(before(w("2030년"), 6, "개월"), None, "months from a year: no date");
    }

    /// Date words of deadlines as news writes them, published 2026-03-17.
    #[test]
    fn deadline_words_table() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 17);
        for (text, iso) in [
            ("올해 말", "2026-12"),
            ("연말", "2026-12"),
            ("연내", "2026"),
            ("올해", "2026"),
            ("이달 말", "2026-03"),
            ("이달", "2026-03"),
            ("다음 달 중순", "2026-04"),
            ("내달 초", "2026-04"),
            ("내년 초", "2027-01"),
            ("내년 상반기", "2027-H1"),
            ("2026년 하반기", "2026-H2"),
            ("3분기", "2026-Q3"),
            ("오는 2030년", "2030"),
            ("2027년", "2027"),
            ("2025년 1월", "2025-01"),
        ] {
            assert_eq!(normalize_date(text, d).as_deref(), Some(iso), "{text}");
        }
    }

    /// Pieces of date expressions and of the text around them, for generated strings.
    fn date_pieces() -> Vec<String> {
        let mut v: Vec<String> = [
            "0", "1", "2", "3", "4", "5", "9", "12", "2024", "20245", ".", "-", "/", " ", "\u{3000}", "\n", "년", "도", "월", "일", "분기", "분", "기", "요일", "요",
            "가", "A", "날", "달", "주", "해", "초", "말", "중", "순", "(", ")", "께", "이", "내", "지", "난", "오", "는", "다", "음",
        ]
        .iter()
        .map(|x| x.to_string())
        .collect();
        for (head, tail, _) in PART_WORDS {
            if !head.starts_with('\u{0}') {
                v.push(head.to_string());
            }
            if !tail.is_empty() {
                v.push(tail.to_string());
            }
        }
        v.extend(WEEKDAYS.iter().map(|w| w.to_string()));
        v.extend(["월", "화", "수", "목", "금", "토"].iter().map(|w| w.to_string()));
        v
    }

    /// The parts as the regex finds them.
    fn parts_by_regex(t: &str) -> Vec<Part<'_>> {
        PARTS.captures_iter(t).map(|c| part_of(&c)).collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// The scan finds the parts the regex finds, and the dates come out the same.
        #[test]
        fn the_scan_of_parts_answers_as_the_regex(picks in proptest::collection::vec(0usize..1000, 0..10)) {
            let pieces = date_pieces();
            let t: String = picks.iter().map(|&k| pieces[k % pieces.len()].as_str()).collect();
            let scanned: Vec<Part> = Parts { text: &t, at: 0 }.collect();
            proptest::prop_assert_eq!(&scanned, &parts_by_regex(&t), "{}", t);
        }
    }

    #[test]
    fn the_scan_of_parts_answers_as_the_regex_on_every_short_string() {
        let pieces = date_pieces();
        let mut n = 0;
        for a in &pieces {
            for b in &pieces {
                for c in &pieces {
                    let t = format!("{a}{b}{c}");
                    let scanned: Vec<Part> = Parts { text: &t, at: 0 }.collect();
                    assert_eq!(scanned, parts_by_regex(&t), "{t}");
                    n += usize::from(!scanned.is_empty());
                }
            }
        }
        assert!(n > 10_000, "{n}");
    }

    #[test]
    fn unusual_digits_are_read_by_the_regex() {
        // `\d` reads a fullwidth digit; parsing it as a number fails, as before.
        assert_eq!(normalize_date("２０２４년", p()), None);
        assert_eq!(normalize_date("내년 ３월", p()), None);
        assert_eq!(n("내년 ①"), "2023");
    }

    #[test]
    fn nonsense_never_panics() {
        for s in ["99월", "0일", "32일", "13월 40일", "9999년 12월 31일", "년월일", "", "지난 지난 오는"] {
            let _ = normalize_date(s, p());
        }
    }
}
