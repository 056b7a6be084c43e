//! Bytes → text: UTF-8 (with or without BOM) or legacy EUC-KR/CP949, detected per input.

use encoding_rs::EUC_KR;

/// Decoded text and the name of the encoding it was in.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// `utf-8`, `utf-8-bom` or `cp949`.
    pub encoding: &'static str,
    /// Code point offset in `text` where the original bytes started (1 after a stripped BOM is
    /// not counted: offsets are into the text without the BOM).
    pub nul_count: usize,
}

/// Why bytes could not be decoded, with a place a person can find.
#[derive(Debug, PartialEq, Eq)]
pub struct DecodeError(pub String);

/// Line (1-based) and column (1-based, in bytes) of a byte offset.
pub fn line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = at - before.iter().rposition(|&b| b == b'\n').map(|p| p + 1).unwrap_or(0) + 1;
    (line, col)
}

/// Decodes one input. UTF-8 is tried first (WHATWG EUC-KR is CP949/UHC, a superset of EUC-KR);
/// input that is neither is an error naming the first bad byte.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (body, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let nul_count = memchr_count(body, 0);
    // simdutf8 checks valid UTF-8 several times faster than the standard library on Korean text;
    // the standard library's check runs only on failure, for the place of the first bad byte.
    let checked = match simdutf8::basic::from_utf8(body) {
        Ok(s) => Ok(s),
        Err(_) => std::str::from_utf8(body),
    };
    match checked {
        Ok(s) => Ok(Decoded {
            text: s.to_owned(),
            encoding: if bom { "utf-8-bom" } else { "utf-8" },
            nul_count,
        }),
        Err(utf8_err) => {
            if !bom {
                if let Some(text) = EUC_KR.decode_without_bom_handling_and_without_replacement(body) {
                    return Ok(Decoded { text: text.into_owned(), encoding: "cp949", nul_count });
                }
            }
            let at = utf8_err.valid_up_to();
            let (line, col) = line_col(body, at);
            Err(DecodeError(format!(
                "not valid UTF-8 (byte 0x{:02X} at line {line}, column {col}, byte {}) and not valid CP949/EUC-KR",
                body[at],
                at + usize::from(bom) * 3
            )))
        }
    }
}

fn memchr_count(bytes: &[u8], needle: u8) -> usize {
    memchr::memchr_iter(needle, bytes).count()
}

/// True when the bytes look like a binary file rather than text: many control bytes early on.
/// Looks at the first 4,096 characters, byte by byte: control characters are single bytes, and
/// every byte that is not a UTF-8 continuation byte starts a character.
pub fn looks_binary(text: &str) -> bool {
    let (mut n, mut control) = (0usize, 0usize);
    for &b in text.as_bytes() {
        if b & 0xC0 != 0x80 {
            if n == 4096 {
                break;
            }
            n += 1;
        }
        control += usize::from(b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c));
    }
    control * 10 > n
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `looks_binary` as first written, one character at a time.
    fn looks_binary_by_char(text: &str) -> bool {
        let (mut n, mut control) = (0usize, 0usize);
        for c in text.chars().take(4096) {
            n += 1;
            control += usize::from((c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t' | '\x0c'));
        }
        control * 10 > n
    }

    proptest! {
        #[test]
        fn binary_test_by_byte_agrees_with_the_test_by_character(
            parts in proptest::collection::vec(prop_oneof![Just("가"), Just("a"), Just("\u{1}"), Just("\n"), Just("é"), Just("😀"), Just("\0")], 0..5000)
        ) {
            let text: String = parts.concat();
            prop_assert_eq!(looks_binary(&text), looks_binary_by_char(&text));
        }
    }

    #[test]
    fn control_bytes_make_binary_and_invalid_utf8_is_still_placed() {
        assert!(looks_binary("\u{1}\u{2}\u{3}abc"));
        assert!(!looks_binary("가나다\n라마바\t"));
        let e = decode(b"ab\n\xFF\xFE\xFD\xFC").unwrap_err();
        assert!(e.0.contains("line 2, column 1"), "{}", e.0);
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("가나다".as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("가나다", "utf-8"));
        let d = decode(b"\xEF\xBB\xBF\xEA\xB0\x80").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("가", "utf-8-bom"));
    }

    #[test]
    fn cp949_is_detected() {
        let (bytes, _, _) = EUC_KR.encode("카카오는 19일 사과했다. 똠방각하");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "cp949");
        assert_eq!(d.text, "카카오는 19일 사과했다. 똠방각하");
    }

    #[test]
    fn garbage_names_line_and_column() {
        let err = decode(b"ok line\nab\xFF\xFFcd").unwrap_err();
        assert!(err.0.contains("line 2, column 3"), "{}", err.0);
    }
}
