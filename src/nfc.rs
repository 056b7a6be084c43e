//! NFC for the analysis, with offsets kept in the original text.
//!
//! The lexicons, the page-chrome rules and ko-dic know precomposed Hangul syllables (`가`), not
//! conjoining jamo sequences (`ᄀ`+`ᅡ`, as NFD text and some old systems write Korean). A document
//! whose text is not in NFC is analyzed in its composed form: [`crate::Pipeline`] composes it
//! before cleaning, and when every stage is done maps every span back to the original text with
//! [`Restore`], so every table still points into the text as it was written (and its text cells
//! are the original's code points).
//!
//! The text is cut into segments at the characters before which NFC never changes anything
//! (combining class 0 and NFC quick check `Yes`): a conjoining vowel or final consonant, or a
//! combining mark, stays in the segment of the character before it. A segment whose NFC form is
//! one character (`ᄀ`+`ᅡ`+`ᆨ` → `각`, `e`+`◌́` → `é`) is replaced by it; any other segment is
//! kept as written, character by character. So every character of the composed text comes from
//! a run of whole characters of the original, and every boundary between characters of the
//! composed text maps to a boundary of the original, in order.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::doc::{Analysis, Span};
use crate::offsets::CharIndex;

/// A sentence in NFC and where each of its characters came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composed {
    /// The NFC form (up to the segments left as written, see the module docs).
    pub text: String,
    /// `(byte in text, byte in the original)` at the start of every character of `text`, then
    /// `(text.len(), original.len())`.
    map: Vec<(usize, usize)>,
}

impl Composed {
    /// Original byte offset of a byte offset of the composed text. `b` is a character boundary
    /// of the composed text (lindera's token offsets are); another offset maps to the start of the
    /// character it falls in.
    pub fn original(&self, b: usize) -> usize {
        match self.map.binary_search_by_key(&b, |&(c, _)| c) {
            Ok(i) => self.map[i].1,
            Err(i) => self.map[i.saturating_sub(1)].1,
        }
    }
}

/// Maps the spans of an analysis of the composed text back to the original text.
#[derive(Debug)]
pub struct Restore {
    original: String,
    /// Original code point offset of each code point boundary of the composed text.
    chars: Vec<usize>,
}

impl Restore {
    /// `original` is the text `composed` was made from.
    pub fn new(original: String, composed: &Composed) -> Restore {
        let mut chars = Vec::with_capacity(composed.map.len());
        let (mut byte, mut char) = (0, 0);
        for &(_, ob) in &composed.map {
            char += original[byte..ob].chars().count();
            byte = ob;
            chars.push(char);
        }
        Restore { original, chars }
    }

    /// The original span of a span of the composed text.
    pub fn span(&self, s: Span) -> Span {
        Span::new(self.chars[s.start], self.chars[s.end])
    }

    /// Puts the original text back into an analysis made on the composed text, and maps every
    /// span (blocks, sentences, tokens, entities, quotes, commitments) to it.
    pub fn apply(self, a: &mut Analysis) {
        for b in &mut a.blocks {
            b.span = self.span(b.span);
        }
        for s in &mut a.sentences {
            s.span = self.span(s.span);
        }
        for m in &mut a.morphs {
            m.span = self.span(m.span);
        }
        for e in &mut a.entities {
            e.span = self.span(e.span);
        }
        for q in &mut a.quotes {
            q.span = self.span(q.span);
        }
        for c in &mut a.commitments {
            c.span = self.span(c.span);
        }
        a.index = CharIndex::new(&self.original);
        a.doc.text = self.original;
    }
}

fn quick_yes(c: char) -> bool {
    is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Whether NFC can never join `c` to the character before it.
fn boundary_before(c: char) -> bool {
    canonical_combining_class(c) == 0 && quick_yes(c)
}

/// Whether every character of `s` is one NFC leaves alone whatever surrounds it: below U+0300, a
/// precomposed Hangul syllable (read from its UTF-8 bytes, without decoding), or any other with
/// combining class 0 and quick check `Yes`.
fn all_stable(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            i += 1;
            continue;
        }
        // U+AC00..=U+D7A3 is EA B0 80 ..= ED 9E A3.
        if x >= 0xEA && x <= 0xED && i + 2 < b.len() {
            let (y, z) = (b[i + 1], b[i + 2]);
            let hangul = match x {
                0xEA => y >= 0xB0,
                0xED => y < 0x9E || (y == 0x9E && z <= 0xA3),
                _ => true,
            };
            if hangul {
                i += 3;
                continue;
            }
        }
        let c = s[i..].chars().next().expect("a character starts here");
        if !(c < '\u{300}' || boundary_before(c)) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// The composed form of `s`, or `None` when `s` is already in NFC as far as the quick check can
/// tell (then it is analyzed as it is).
pub fn compose(s: &str) -> Option<Composed> {
    // Nearly every text is ASCII, Latin-1 punctuation and precomposed Hangul syllables, which NFC
    // leaves alone whatever surrounds them (combining class 0, quick check Yes): two comparisons
    // per character instead of the two table lookups of the full quick check.
    if all_stable(s) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return None;
    }
    let mut text = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() / 2 + 1);
    let mut it = s.char_indices().peekable();
    while let Some((start, first)) = it.next() {
        let mut end = start + first.len_utf8();
        while let Some(&(i, c)) = it.peek() {
            if boundary_before(c) {
                break;
            }
            end = i + c.len_utf8();
            it.next();
        }
        let segment = &s[start..end];
        let mut nfc = segment.nfc();
        match (nfc.next(), nfc.next()) {
            (Some(one), None) => {
                map.push((text.len(), start));
                text.push(one);
            }
            _ => {
                for (i, c) in segment.char_indices() {
                    map.push((text.len(), start + i));
                    text.push(c);
                }
            }
        }
    }
    map.push((text.len(), s.len()));
    Some(Composed { text, map })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_level_stability_check_agrees_with_the_character_one() {
        let slow = |s: &str| s.chars().all(|c| c < '\u{300}' || ('\u{AC00}'..='\u{D7A3}').contains(&c) || boundary_before(c));
        for s in [
            "", "abc", "가", "힣", "\u{D7A4}", "\u{D7B0}", "\u{ABFF}", "\u{A000}", "ꯀ가", "기사 “인용” … 3.5%", "ᄀ", "가\u{1100}\u{1161}",
            "e\u{301}", "\u{301}", "中文", "日本語テキスト", "😀 ok", "각\u{11A8}", "\u{D79E}\u{D7A3}",
        ] {
            assert_eq!(all_stable(s), slow(s), "{s:?}");
        }
        // Every Hangul syllable, and the characters on both sides of the block.
        for c in ('\u{ABF0}'..='\u{AC10}').chain('\u{D790}'..='\u{D7FF}').chain(('\u{AC00}'..='\u{D7A3}').step_by(7)) {
            let s = c.to_string();
            assert_eq!(all_stable(&s), slow(&s), "{c:?}");
        }
    }

    #[test]
    fn precomposed_text_is_left_alone() {
        assert!(compose("카카오 “데이터센터” ⓒ 2022 café").is_none());
        assert_eq!(compose("카카오는 19일 사과했다."), None);
        assert_eq!(compose("plain ascii"), None);
    }

    #[test]
    fn jamo_compose_and_map_back() {
        let nfc = "한국은 각 시";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfd, nfc);
        let c = compose(&nfd).unwrap();
        assert_eq!(c.text, nfc);
        // Every character boundary of the composed text maps to the boundary of the same
        // character in the original.
        let orig_bounds: Vec<usize> = {
            let mut v = Vec::new();
            let mut b = 0;
            for ch in nfc.chars() {
                v.push(b);
                b += ch.nfd().map(char::len_utf8).sum::<usize>();
            }
            v.push(b);
            v
        };
        let comp_bounds: Vec<usize> = nfc.char_indices().map(|(i, _)| i).chain([nfc.len()]).collect();
        for (cb, ob) in comp_bounds.iter().zip(&orig_bounds) {
            assert_eq!(c.original(*cb), *ob);
        }
        assert_eq!(c.original(nfc.len()), nfd.len());
    }

    #[test]
    fn lv_syllable_plus_final_jamo_and_stray_jamo() {
        // 가 + ᆨ → 각; a vowel jamo alone stays; an initial before an initial stays.
        let s = "가\u{11A8} \u{1161}x \u{1100}\u{1100}\u{1161}";
        let c = compose(s).unwrap();
        assert_eq!(c.text, "각 \u{1161}x \u{1100}가");
        let x = c.text.find('x').unwrap();
        assert_eq!(&s[c.original(x)..c.original(x + 1)], "x");
        let ga = c.text.rfind('가').unwrap();
        assert_eq!(&s[c.original(ga)..c.original(ga + '가'.len_utf8())], "\u{1100}\u{1161}");
    }

    #[test]
    fn restore_maps_code_point_spans() {
        let s = "a가\u{11A8}b\u{1100}\u{1161}\u{11A8}c";
        let c = compose(s).unwrap();
        assert_eq!(c.text, "a각b각c");
        let r = Restore::new(s.to_string(), &c);
        assert_eq!(r.chars, vec![0, 1, 3, 4, 7, 8]);
        assert_eq!(r.span(Span::new(3, 4)), Span::new(4, 7));
    }

    #[test]
    fn segments_that_do_not_become_one_character_stay_as_written() {
        // 가 followed by a combining acute: NFC keeps two characters, so the original is kept.
        let s = "가\u{301}나";
        let c = compose(s).unwrap();
        assert_eq!(c.text, s);
        for (i, _) in s.char_indices() {
            assert_eq!(c.original(i), i);
        }
    }
}
