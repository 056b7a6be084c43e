//! Byte offsets ↔ Unicode code point offsets.
//!
//! Rust strings, regexes and lindera work in UTF-8 byte offsets; every table of kornews speaks
//! code points (so that `text[start:end]` in Python gives the cell). This module is the one place
//! where one becomes the other.

use crate::doc::Span;

/// Code point index of one text: maps a char index to its byte offset and back.
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// Byte offset of every char, plus the text length at the end. Empty when the text is ASCII
    /// (then bytes and chars coincide).
    starts: Vec<u32>,
    len_bytes: usize,
    len_chars: usize,
}

impl CharIndex {
    /// Builds the index in one pass. Texts longer than 4 GiB are not supported (ingest refuses them).
    pub fn new(text: &str) -> Self {
        assert!(text.len() < u32::MAX as usize, "text over 4 GiB");
        if text.is_ascii() {
            return CharIndex { starts: Vec::new(), len_bytes: text.len(), len_chars: text.len() };
        }
        let mut starts: Vec<u32> = text.char_indices().map(|(b, _)| b as u32).collect();
        let len_chars = starts.len();
        starts.push(text.len() as u32);
        CharIndex { starts, len_bytes: text.len(), len_chars }
    }

    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// Byte offset of char `c` (`c` may equal the number of chars).
    #[inline]
    pub fn byte(&self, c: usize) -> usize {
        if self.starts.is_empty() {
            c
        } else {
            self.starts[c] as usize
        }
    }

    /// Char index of byte offset `b`, which must lie on a char boundary.
    #[inline]
    pub fn char(&self, b: usize) -> usize {
        if self.starts.is_empty() {
            return b;
        }
        match self.starts.binary_search(&(b as u32)) {
            Ok(i) => i,
            Err(_) => panic!("byte offset {b} is not on a char boundary"),
        }
    }

    /// Code point span of the byte range `[b0, b1)`.
    #[inline]
    pub fn span(&self, b0: usize, b1: usize) -> Span {
        Span::new(self.char(b0), self.char(b1))
    }

    /// Byte range of a code point span.
    #[inline]
    pub fn bytes(&self, s: Span) -> std::ops::Range<usize> {
        self.byte(s.start)..self.byte(s.end)
    }

    /// The text of a code point span.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str, s: Span) -> &'t str {
        &text[self.bytes(s)]
    }

    pub fn len_bytes(&self) -> usize {
        self.len_bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_mixed_text() {
        let t = "A씨는 \"2.5%\"라고 말했다. ⓒ 😀x";
        let ix = CharIndex::new(t);
        assert_eq!(ix.len_chars(), t.chars().count());
        for (c, (b, _)) in t.char_indices().enumerate() {
            assert_eq!(ix.byte(c), b);
            assert_eq!(ix.char(b), c);
        }
        assert_eq!(ix.byte(ix.len_chars()), t.len());
        let s = ix.span(1, 7); // "씨는"
        assert_eq!(s, Span::new(1, 3));
        assert_eq!(ix.slice(t, s), "씨는");
    }

    #[test]
    fn ascii_is_identity() {
        let ix = CharIndex::new("abc def");
        assert_eq!(ix.char(4), 4);
        assert_eq!(ix.byte(7), 7);
    }
}

/// Forward-only byte → code point conversion inside one piece of text that starts at code point
/// `base` of its document: for token offsets, which come in increasing order.
pub struct Cursor<'t> {
    text: &'t str,
    byte: usize,
    char: usize,
}

impl<'t> Cursor<'t> {
    pub fn new(text: &'t str, base: usize) -> Self {
        Cursor { text, byte: 0, char: base }
    }

    /// Document code point of byte offset `b` of the piece; `b` must not go backwards.
    #[inline]
    pub fn char_at(&mut self, b: usize) -> usize {
        debug_assert!(b >= self.byte, "cursor went backwards");
        self.char += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.char
    }
}
