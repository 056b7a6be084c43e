//! Korean sentence splitting that keeps quotations whole.
//!
//! A block (a paragraph or headline) is cut after sentence-final punctuation followed by a space,
//! except inside a quotation (`"…다. …다"라며 …` stays one unit), after an abbreviation (`Mr.`),
//! in spaced dates (`2022. 10. 19.`), and after an ellipsis that does not close a sentence
//! (`먹통…홍 대표`). Decimals and dates without spaces (`2.5%`, `2022.10.19`) are never cut
//! because a cut needs a following space. An opening mark that never closes in its block protects
//! nothing, so it cannot swallow the rest of the article.

use std::collections::HashSet;

use crate::resources::DataFiles;

/// Longest quotation (in bytes) that still protects its inside from being cut.
const MAX_QUOTE_BYTES: usize = 6000;

/// The splitter with its abbreviation list. Build once, share across threads.
#[derive(Debug, Clone)]
pub struct Splitter {
    abbreviations: HashSet<String>,
}

fn closing_of(c: char) -> Option<char> {
    Some(match c {
        '“' => '”',
        '‘' => '’',
        '「' => '」',
        '『' => '』',
        '«' => '»',
        _ => return None,
    })
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '»')
}

/// The offsets of any of six bytes (two sets of three: repeat a byte for fewer), found by two
/// vectorized searches ([`memchr::memchr3`]) instead of a test of every byte. Each search's last
/// answer is kept until the reader passes it, so each set's search reads the text once in all
/// however often it is asked.
pub(crate) struct ByteFinder<'a> {
    hay: &'a [u8],
    sets: [[u8; 3]; 2],
    /// Per set: the first offset at or after the start it was last asked from, `hay.len()` when
    /// there is none (`usize::MAX`: not asked yet).
    next: [usize; 2],
}

impl<'a> ByteFinder<'a> {
    pub(crate) fn new(hay: &'a [u8], a: [u8; 3], b: [u8; 3]) -> ByteFinder<'a> {
        ByteFinder { hay, sets: [a, b], next: [usize::MAX; 2] }
    }

    /// The first offset at or after `from` of one of the bytes, if any. `from` may go back no
    /// further than an offset returned before (the reader moves forward).
    pub(crate) fn next_from(&mut self, from: usize) -> Option<usize> {
        let mut best = self.hay.len();
        for k in 0..2 {
            if self.next[k] == usize::MAX || (self.next[k] < from && self.next[k] < self.hay.len()) {
                let [x, y, z] = self.sets[k];
                self.next[k] = self.hay.get(from..).and_then(|h| memchr::memchr3(x, y, z, h)).map_or(self.hay.len(), |o| from + o);
            }
            best = best.min(self.next[k]);
        }
        (best < self.hay.len()).then_some(best)
    }
}

/// White space for page text: Unicode spaces, NUL (treated as a space) and zero-width marks.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\0' || c == '\u{200b}' || c == '\u{feff}'
}

/// Byte ranges `[open, close_end)` of the quotations of `s` that close within it.
pub fn quote_ranges(s: &str) -> Vec<(usize, usize)> {
    // Every quotation mark is `"`, `'`, or a character whose UTF-8 form starts with C2 (`«»`),
    // E2 (`“”‘’`) or E3 (`「」『』`).
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut at = 0;
    // Only the characters that start with one of those bytes can be marks: jump from one to the
    // next (`·` and `…` share them with the marks, Hangul does not). A block without them (most
    // of them) has no quotation.
    let mut find = ByteFinder::new(bytes, [b'"', b'\'', 0xC2], [0xE2, 0xE3, 0xE3]);
    while let Some(i) = find.next_from(at) {
        let c = s[i..].chars().next().expect("a character starts here");
        at = i + c.len_utf8();
        match c {
            '"' | '\'' => {
                let prev = s[..i].chars().next_back();
                // Close the innermost open straight mark of this kind, if any.
                if let Some(pos) = stack.iter().rposition(|&(o, _)| o == c) {
                    let can_close = !prev.is_none_or(is_space) || c == '"';
                    if can_close {
                        let (_, start) = stack[pos];
                        stack.truncate(pos);
                        out.push((start, i + c.len_utf8()));
                        continue;
                    }
                }
                let next = s[at..].chars().next();
                let opens = next.is_some_and(|n| !is_space(n))
                    && (c == '"' || !prev.is_some_and(|p| p.is_ascii_alphanumeric()));
                if opens {
                    stack.push((c, i));
                }
            }
            _ if closing_of(c).is_some() => stack.push((c, i)),
            _ if is_closer(c) => {
                if let Some(pos) = stack.iter().rposition(|&(o, _)| closing_of(o) == Some(c)) {
                    let (_, start) = stack[pos];
                    stack.truncate(pos);
                    out.push((start, i + c.len_utf8()));
                }
            }
            _ => {}
        }
    }
    out.retain(|&(a, b)| b - a <= MAX_QUOTE_BYTES);
    out.sort_unstable();
    // Keep outermost ranges only.
    let mut outer: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for r in out {
        match outer.last() {
            Some(&(_, e)) if r.0 < e => {}
            _ => outer.push(r),
        }
    }
    outer
}

impl Splitter {
    pub fn new(data: &DataFiles) -> Splitter {
        let abbreviations = data.lines("abbreviations.txt").map(|(_, l)| l.trim().to_string()).collect();
        Splitter { abbreviations }
    }

    /// Splits one block into sentences: byte ranges relative to `s`, trimmed, non-empty, in order.
    pub fn split(&self, s: &str) -> Vec<(usize, usize)> {
        let quotes = quote_ranges(s);
        let mut q = quotes.iter().peekable();
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        // The bytes that can start a final mark: `.?!`, or the first byte of `…` (E2), `。` (E3),
        // `？！` (EF).
        let mut marks = ByteFinder::new(s.as_bytes(), [b'.', b'?', b'!'], [0xE2, 0xE3, 0xEF]);
        while i < s.len() {
            // Skip protected quotation ranges.
            while let Some(&&(a, b)) = q.peek() {
                if b <= i {
                    q.next();
                } else {
                    if a <= i {
                        i = b;
                    }
                    break;
                }
            }
            if i >= s.len() {
                break;
            }
            let c = s[i..].chars().next().unwrap();
            let is_term = matches!(c, '.' | '?' | '!' | '。' | '？' | '！' | '…');
            if !is_term {
                i += c.len_utf8();
                // On to the next byte that can start a final mark: `.?!`, or the first byte of
                // `…` (E2), `。` (E3), `？！` (EF). A quotation jumped into is skipped above.
                i = marks.next_from(i).unwrap_or(s.len());
                continue;
            }
            // The run of final punctuation, then closing brackets/quotes.
            let run_start = i;
            let mut j = i;
            let mut only_ellipsis = true;
            let mut dots = 0;
            for ch in s[i..].chars() {
                match ch {
                    '.' | '?' | '!' | '。' | '？' | '！' | '…' => {
                        if ch != '…' && ch != '.' {
                            only_ellipsis = false;
                        }
                        if ch == '.' {
                            dots += 1;
                        }
                        j += ch.len_utf8();
                    }
                    _ => break,
                }
            }
            if only_ellipsis && dots == 1 && !s[run_start..j].contains('…') {
                only_ellipsis = false; // a single period
            }
            let run_end = j;
            for ch in s[j..].chars() {
                if matches!(ch, ')' | ']' | '”' | '’' | '」' | '』' | '》' | '〉') {
                    j += ch.len_utf8();
                } else {
                    break;
                }
            }
            let next = s[j..].chars().next();
            i = j;
            let before = s[..run_start].chars().next_back();
            if !next.is_none_or(is_space) && !run_into_next_sentence(before, &s[run_start..run_end], j == run_end, next) {
                continue; // "2.5%", "2022.10.19", "A.I", "…홍 대표"
            }
            if only_ellipsis && !before.is_some_and(closes_korean_sentence) {
                continue;
            }
            if &s[run_start..run_end] == "." {
                // Spaced dates and numbered items: "2022. 10. 19."
                if before.is_some_and(|b| b.is_ascii_digit()) {
                    let after = s[j..].trim_start_matches(is_space).chars().next();
                    if after.is_some_and(|a| a.is_ascii_digit()) || ends_with_spaced_date(&s[..run_start]) {
                        continue;
                    }
                }
                // Abbreviations and initials: "Mr. Kim", "J. Smith".
                let word: &str = {
                    let head = &s[..run_start];
                    let k = head
                        .char_indices()
                        .rev()
                        .take_while(|&(_, ch)| ch.is_ascii_alphabetic() || ch == '.')
                        .last()
                        .map(|(k, _)| k)
                        .unwrap_or(run_start);
                    &head[k..]
                };
                if !word.is_empty()
                    && (self.abbreviations.contains(word)
                        || (word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase()))
                {
                    continue;
                }
            }
            push_trimmed(s, start, j, &mut out);
            start = j;
        }
        push_trimmed(s, start, s.len(), &mut out);
        out
    }
}

/// `… 2022. 10. 19` (the final period of a spaced date follows).
fn ends_with_spaced_date(head: &str) -> bool {
    static DATE: once_cell::sync::Lazy<regex::Regex> =
        once_cell::sync::Lazy::new(|| regex::Regex::new(r"\d{2,4}\.\s?\d{1,2}\.\s?\d{1,2}$").unwrap());
    let tail = head.char_indices().rev().nth(15).map_or(head, |(i, _)| &head[i..]);
    DATE.is_match(tail)
}

/// A sentence end with no space after it, as scrapers leave it when they drop a line break
/// (`…밝혔다.B씨도`, `…했습니다.이어`): one final mark right after a syllable that ends a
/// declarative, polite or interrogative sentence, and a Hangul syllable or a capital letter
/// right after the mark (no closing quotation mark or bracket in between: `…다."라고` is a quote
/// that goes on).
fn run_into_next_sentence(before: Option<char>, run: &str, bare: bool, next: Option<char>) -> bool {
    bare && matches!(run, "." | "?" | "!")
        && before.is_some_and(|b| matches!(b, '다' | '요' | '죠' | '까'))
        && next.is_some_and(|n| ('가'..='힣').contains(&n) || n.is_ascii_uppercase())
}

/// Hangul syllables that end a Korean sentence before an ellipsis (`…했다…`, `그렇죠…`).
fn closes_korean_sentence(c: char) -> bool {
    matches!(c, '다' | '요' | '죠' | '까' | '네' | '라' | '자' | '군' | '지')
}

fn push_trimmed(s: &str, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &s[a..b];
    let lead = piece.len() - piece.trim_start_matches(is_space).len();
    let len = piece.trim_matches(is_space).len();
    if len > 0 {
        out.push((a + lead, a + lead + len));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`quote_ranges`] as first written: every character in turn, no jumps.
    fn quote_ranges_reference(s: &str) -> Vec<(usize, usize)> {
        let mut stack: Vec<(char, usize)> = Vec::new();
        let mut out = Vec::new();
        let mut prev: Option<char> = None;
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let next = it.peek().map(|&(_, n)| n);
            match c {
                '"' | '\'' => {
                    if let Some(pos) = stack.iter().rposition(|&(o, _)| o == c) {
                        if !prev.is_none_or(is_space) || c == '"' {
                            let (_, start) = stack[pos];
                            stack.truncate(pos);
                            out.push((start, i + c.len_utf8()));
                            prev = Some(c);
                            continue;
                        }
                    }
                    if next.is_some_and(|n| !is_space(n)) && (c == '"' || !prev.is_some_and(|p| p.is_ascii_alphanumeric())) {
                        stack.push((c, i));
                    }
                }
                _ if closing_of(c).is_some() => stack.push((c, i)),
                _ if is_closer(c) => {
                    if let Some(pos) = stack.iter().rposition(|&(o, _)| closing_of(o) == Some(c)) {
                        let (_, start) = stack[pos];
                        stack.truncate(pos);
                        out.push((start, i + c.len_utf8()));
                    }
                }
                _ => {}
            }
            prev = Some(c);
        }
        out.retain(|&(a, b)| b - a <= MAX_QUOTE_BYTES);
        out.sort_unstable();
        let mut outer: Vec<(usize, usize)> = Vec::new();
        for r in out {
            match outer.last() {
                Some(&(_, e)) if r.0 < e => {}
                _ => outer.push(r),
            }
        }
        outer
    }

    proptest::proptest! {
        /// The byte finder answers what a test of every byte from the asked offset on answers,
        /// for offsets asked in increasing order.
        #[test]
        fn byte_finder_agrees_with_a_test_of_every_byte(
            hay in proptest::collection::vec(proptest::sample::select(vec![b'a', b'.', b'?', b'!', b'"', b'\'', 0xC2, 0xE2, 0xE3, 0xEF, 0xEA, b' ']), 0..80),
            steps in proptest::collection::vec(0usize..6, 0..40),
            two in proptest::bool::ANY,
        ) {
            let (a, b) = if two { ([b'.', b'?', b'!'], [0xE2, 0xE3, 0xEF]) } else { ([b'"', b'\'', 0xC2], [0xE2, 0xE3, 0xE3]) };
            let mut f = ByteFinder::new(&hay, a, b);
            let mut from = 0;
            for st in steps {
                let want = hay.get(from..).and_then(|h| h.iter().position(|x| a.contains(x) || b.contains(x))).map(|o| from + o);
                proptest::prop_assert_eq!(f.next_from(from), want);
                // On to the answer and a little further, as the readers do.
                from = want.unwrap_or(from) + st;
            }
        }

        /// Jumping between the bytes that can start a mark finds the quotations a reading of
        /// every character finds.
        #[test]
        fn quote_ranges_jumping_between_marks_agree_with_reading_every_character(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                '가', '다', 'a', '1', ' ', '\n', '·', '…', '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』', '«', '»', '‥', '—', '。',
            ]), 0..60)
        ) {
            let s: String = chars.into_iter().collect();
            proptest::prop_assert_eq!(quote_ranges(&s), quote_ranges_reference(&s));
        }
    }

    fn split(s: &str) -> Vec<&str> {
        let sp = Splitter::new(&DataFiles::embedded());
        sp.split(s).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn a_sentence_end_the_scraper_glued_to_the_next_sentence() {
        assert_eq!(split("공사는 내달 끝난다.주민들은 반겼다."), vec!["공사는 내달 끝난다.", "주민들은 반겼다."]);
        assert_eq!(split("경찰이 조사 중입니다.B씨는 귀가했습니다."), vec!["경찰이 조사 중입니다.", "B씨는 귀가했습니다."]);
        assert_eq!(split("정말 끝났을까?다들 물었다."), vec!["정말 끝났을까?", "다들 물었다."]);
        // Not sentence ends: a quotation going on, a decimal, an abbreviation, a name.
        assert_eq!(split("그는 “끝났다.”라며 웃었다."), vec!["그는 “끝났다.”라며 웃었다."]);
        assert_eq!(split("비율은 3.5배다. 점유율은 U.S.에서 1위다."), vec!["비율은 3.5배다.", "점유율은 U.S.에서 1위다."]);
        assert_eq!(split("메모에는 가.나.다 순서로 적혀 있었다."), vec!["메모에는 가.나.다 순서로 적혀 있었다."]);
    }

    #[test]
    fn basic_korean_endings() {
        assert_eq!(split("비가 왔다. 그래서 쉬었어요. 정말요?"), vec!["비가 왔다.", "그래서 쉬었어요.", "정말요?"]);
    }

    #[test]
    fn quotation_with_sentences_inside_is_one_unit() {
        let s = "그는 \"준비가 부족했다. 다시 점검하겠다\"라며 고개를 숙였다. 다음 문장이다.";
        assert_eq!(
            split(s),
            vec!["그는 \"준비가 부족했다. 다시 점검하겠다\"라며 고개를 숙였다.", "다음 문장이다."]
        );
        let s = "그는 “첫째다. 둘째다.”고 말했다. 끝.";
        assert_eq!(split(s), vec!["그는 “첫째다. 둘째다.”고 말했다.", "끝."]);
    }

    #[test]
    fn decimals_dates_abbreviations_and_ellipses() {
        assert_eq!(split("금리는 2.5%다. 2022.10.19에 발표됐다."), vec!["금리는 2.5%다.", "2022.10.19에 발표됐다."]);
        assert_eq!(split("시행일은 2022. 10. 19. 이후다. 끝났다."), vec!["시행일은 2022. 10. 19. 이후다.", "끝났다."]);
        assert_eq!(split("Mr. Kim이 왔다. 끝."), vec!["Mr. Kim이 왔다.", "끝."]);
        assert_eq!(split("카카오 먹통… 홍 대표 사과"), vec!["카카오 먹통… 홍 대표 사과"]);
        assert_eq!(split("그렇게 됐다… 이제 끝이다."), vec!["그렇게 됐다…", "이제 끝이다."]);
    }

    #[test]
    fn unbalanced_quote_does_not_swallow() {
        let s = "그는 \"이건 끝나지 않는다. 다음 문장이다. 또 다른 문장이다.";
        assert_eq!(split(s).len(), 3);
    }

    #[test]
    fn headline_without_punctuation() {
        assert_eq!(split("정부, 내년 예산 656조 확정"), vec!["정부, 내년 예산 656조 확정"]);
    }
}
