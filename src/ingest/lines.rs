//! JSONL lines read with a bounded buffer: a line longer than the article size limit is read
//! through (so a gigabyte line in a gzip bomb costs no more memory than a short one) and only
//! its length is kept.

use std::io::{self, BufRead};

/// Reads one line into `buf`, without its LF and trailing CRs. Returns `None` at the end of
/// the input, else the line's length in bytes (without LF and trailing CRs). When that length is
/// over `limit`, `buf` is left empty: at most `limit` bytes of a line are ever held. A read error
/// is returned as it is; the bytes of the unfinished line are dropped.
pub fn read_line(r: &mut dyn BufRead, limit: usize, buf: &mut Vec<u8>) -> io::Result<Option<u64>> {
    read_line_with(r, limit, buf, &mut |_| {})
}

/// [`read_line`], also handing every byte of the line (without LF and trailing CRs, in order,
/// kept or not) to `seen`: `kornews pipe` hashes whole lines this way.
pub fn read_line_with(r: &mut dyn BufRead, limit: usize, buf: &mut Vec<u8>, seen: &mut dyn FnMut(&[u8])) -> io::Result<Option<u64>> {
    buf.clear();
    let mut kept = Keep { buf, limit, over: false, seen };
    let mut len = 0u64;
    // CRs seen at the end of what was read so far: trailing unless more of the line follows.
    let mut crs = 0u64;
    let mut any = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let newline = memchr::memchr(b'\n', chunk);
        let part = &chunk[..newline.unwrap_or(chunk.len())];
        match part.iter().rposition(|&b| b != b'\r') {
            None => crs += part.len() as u64,
            Some(k) => {
                kept.crs(crs);
                kept.push(&part[..=k]);
                len += crs + k as u64 + 1;
                crs = (part.len() - k - 1) as u64;
            }
        }
        let consumed = newline.map_or(part.len(), |i| i + 1);
        r.consume(consumed);
        if newline.is_some() {
            break;
        }
    }
    Ok(any.then_some(len))
}

/// The kept bytes of a line: dropped for good once they pass the limit.
struct Keep<'b> {
    buf: &'b mut Vec<u8>,
    limit: usize,
    over: bool,
    seen: &'b mut dyn FnMut(&[u8]),
}

impl Keep<'_> {
    fn fits(&mut self, n: u64) -> bool {
        if !self.over && self.buf.len() as u64 + n > self.limit as u64 {
            self.over = true;
            *self.buf = Vec::new();
        }
        !self.over
    }

    fn push(&mut self, bytes: &[u8]) {
        (self.seen)(bytes);
        if self.fits(bytes.len() as u64) {
            self.buf.extend_from_slice(bytes);
        }
    }

    fn crs(&mut self, n: u64) {
        const CRS: [u8; 64] = [b'\r'; 64];
        let mut left = n;
        while left > 0 {
            let k = left.min(64);
            (self.seen)(&CRS[..k as usize]);
            left -= k;
        }
        if n > 0 && self.fits(n) {
            self.buf.resize(self.buf.len() + n as usize, b'\r');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of `input`, read through a reader with a tiny buffer (so lines cross reads).
    fn lines(input: &[u8], limit: usize, cap: usize) -> Vec<(u64, Vec<u8>)> {
        let mut r = io::BufReader::with_capacity(cap, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        while let Some(len) = read_line(&mut r, limit, &mut buf).unwrap() {
            out.push((len, buf.clone()));
        }
        out
    }

    #[test]
    fn lines_crs_and_limits() {
        let input = b"ab\r\ncd\r\re\r\r\n\nlonger line\nlast";
        for cap in [1, 2, 3, 7, 64] {
            let got = lines(input, 100, cap);
            let want: Vec<(u64, Vec<u8>)> = [&b"ab"[..], b"cd\r\re", b"", b"longer line", b"last"]
                .iter()
                .map(|l| (l.len() as u64, l.to_vec()))
                .collect();
            assert_eq!(got, want, "buffer of {cap}");
            // A limit of 5 keeps the short lines and only the length of the long one.
            let got = lines(input, 5, cap);
            assert_eq!(got[3], (11, Vec::new()), "buffer of {cap}");
            assert_eq!(got[1], (5, b"cd\r\re".to_vec()), "a line exactly at the limit is kept");
        }
        assert!(lines(b"", 10, 4).is_empty());
    }

    #[test]
    fn trailing_crs_do_not_count_against_the_limit() {
        let mut input = b"abc".to_vec();
        input.extend(std::iter::repeat_n(b'\r', 10_000));
        input.extend_from_slice(b"\nz");
        assert_eq!(lines(&input, 3, 16), vec![(3, b"abc".to_vec()), (1, b"z".to_vec())]);
    }

    #[test]
    fn every_byte_of_a_line_is_seen_kept_or_not() {
        let input = b"ab\r\rc\r\r\nlong line here\n";
        let mut r = io::BufReader::with_capacity(3, &input[..]);
        let mut buf = Vec::new();
        for (limit, want) in [(100, &b"ab\r\rc"[..]), (3, b"long line here")] {
            let mut seen = Vec::new();
            let len = read_line_with(&mut r, limit, &mut buf, &mut |b| seen.extend_from_slice(b)).unwrap();
            assert_eq!(seen, want);
            assert_eq!(len, Some(want.len() as u64));
        }
        assert!(buf.is_empty(), "the long line is over the limit of 3");
    }

    #[test]
    fn a_read_error_is_returned() {
        struct Broken;
        impl io::Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::InvalidData, "corrupt deflate stream"))
            }
        }
        let mut r = io::BufReader::new(io::Read::chain(&b"ok\npart"[..], Broken));
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut r, 100, &mut buf).unwrap(), Some(2));
        assert!(read_line(&mut r, 100, &mut buf).is_err());
    }
}
