//! Hostile and broken input: directory walks with loops, dangling links, FIFOs, sockets, devices,
//! unreadable files and names that are not UTF-8; a gzip bomb; damaged gzip; articles over the
//! size limit; pathological text. Each case is reported (an error row naming the file and the
//! line) and skipped, nothing hangs, and everything else is still processed, with every offset
//! slicing the original text.

mod common;

use std::collections::HashMap;
use std::fs::File;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const GOOD: &str = "입력 2024.05.02 09:00\n정부는 2일 새 대책을 발표했다. 장관은 \"연내 시행하겠다\"고 말했다.\n";
/// A body paragraph (a line alone that short could be read as a headline or chrome).
const BODY: &str = "정부는 2일 전세사기 피해자 지원 대책을 발표했다. 국토교통부는 피해 주택의 경매를 미루기로 했다.";

/// What a run of the binary gave, measured by `wait4`: exit code, stderr, peak memory.
struct Run {
    code: Option<i32>,
    stderr: String,
    max_rss_kib: i64,
    seconds: f64,
}

/// Runs `cmd` with stdin closed; fails the test if it has not exited after `limit` (it is killed).
/// The child is reaped by `wait4` (which also gives its peak memory), not by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn run_limited(mut cmd: Command, limit: Duration) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let err_path = dir.path().join("stderr");
    cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(File::create(&err_path).unwrap());
    let started = Instant::now();
    let child = cmd.spawn().expect("spawn kornews");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // WNOHANG: poll, so that a hang is caught and killed instead of blocking the test forever.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        assert!(r >= 0, "wait4: {}", std::io::Error::last_os_error());
        if r == pid {
            break;
        }
        if started.elapsed() > limit {
            unsafe { libc::kill(pid, libc::SIGKILL) };
            unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
            panic!("kornews did not finish within {limit:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    Run {
        code,
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
        max_rss_kib: usage.ru_maxrss,
        seconds: started.elapsed().as_secs_f64(),
    }
}

fn extract_cmd(args: &[&std::ffi::OsStr], out: &Path) -> Command {
    let mut c = kornews();
    c.arg("extract").args(args).arg("--out").arg(out).arg("-q");
    c
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

/// Every table row of `out`: offsets in bounds and each text cell equal to the original's code
/// points `start..end`. `texts` maps doc_id → original text. Returns the rows checked.
fn check_tables(out: &Path, texts: &HashMap<String, String>) -> usize {
    let mut checked = 0;
    for name in ["blocks", "sentences", "tokens", "entities", "quotes", "commitments"] {
        let path = out.join(format!("{name}.csv"));
        if !path.exists() {
            continue;
        }
        let col = if name == "tokens" { "surface" } else { "text" };
        let chars: HashMap<&String, Vec<char>> = texts.iter().map(|(k, v)| (k, v.chars().collect())).collect();
        for row in read_table(&path).rows {
            let text = chars.get(&row["doc_id"]).unwrap_or_else(|| panic!("{name}.csv row of unknown document {row:?}"));
            let (s, e): (usize, usize) = (row["start"].parse().unwrap(), row["end"].parse().unwrap());
            assert!(s < e && e <= text.len(), "{name}.csv offsets out of bounds: {row:?}");
            assert_eq!(text[s..e].iter().collect::<String>(), row[col], "{name}.csv {row:?}");
            checked += 1;
        }
    }
    checked
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo: {}", std::io::Error::last_os_error());
}

#[test]
fn directory_walk_reports_loops_links_fifos_sockets_devices_and_bad_names_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir_all(inp.join("sub")).unwrap();
    std::fs::write(inp.join("a_good.txt"), GOOD).unwrap();
    std::fs::write(inp.join("sub/b_good.txt"), GOOD).unwrap();
    std::fs::write(inp.join("z_good.jsonl"), "{\"id\":\"j1\",\"text\":\"정부는 새 대책을 발표했다.\"}\n").unwrap();
    // A link back to an ancestor: followed, it would never end.
    std::os::unix::fs::symlink("..", inp.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("no/such/target.txt", inp.join("dangling.txt")).unwrap();
    // A dangling link that names no article is none of kornews's business.
    std::os::unix::fs::symlink("nowhere", inp.join("dangling.png")).unwrap();
    // Opening a FIFO for reading waits for a writer forever.
    mkfifo(&inp.join("fifo.txt"));
    mkfifo(&inp.join("fifo.jsonl"));
    let _socket = std::os::unix::net::UnixListener::bind(inp.join("sock.txt")).unwrap();
    // An endless device behind an article name.
    std::os::unix::fs::symlink("/dev/zero", inp.join("zero.txt")).unwrap();
    // A name that is not UTF-8 (Latin-1 é).
    let latin1 = PathBuf::from(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(inp.join(&latin1), GOOD).unwrap();
    // A FIFO named directly on the command line.
    let lone_fifo = dir.path().join("lone.jsonl");
    mkfifo(&lone_fifo);

    let out = dir.path().join("out");
    let r = run_limited(extract_cmd(&[inp.as_os_str(), lone_fifo.as_os_str()], &out), Duration::from_secs(120));
    assert_eq!(r.code, Some(1), "errors give exit 1: {}", r.stderr);
    let docs = documents(&out);
    for ok in ["in/a_good.txt", "in/sub/b_good.txt", "j1"] {
        assert_eq!(docs[ok]["status"], "ok", "{ok}: {:?}", docs[ok]);
    }
    let expect = [
        ("in/dangling.txt", "dangling symbolic link"),
        ("in/fifo.txt", "a FIFO (named pipe), not a regular file; skipped"),
        ("in/fifo.jsonl", "a FIFO (named pipe), not a regular file; skipped"),
        ("in/sock.txt", "a socket, not a regular file; skipped"),
        ("in/zero.txt", "a device, not a regular file; skipped"),
        ("in/caf\\xE9.txt", "not valid UTF-8"),
        ("in/sub/loop", "symbolic link loop; skipped"),
        ("lone.jsonl", "a FIFO (named pipe), not a regular file; skipped"),
    ];
    for (id, what) in expect {
        let d = docs.get(id).unwrap_or_else(|| panic!("no row for {id}: {:?}", docs.keys().collect::<Vec<_>>()));
        assert_eq!(d["status"], "error", "{id}");
        assert!(d["message"].starts_with(&format!("{id}: ")) && d["message"].contains(what), "{id}: {}", d["message"]);
    }
    assert_eq!(docs.len(), expect.len() + 3, "one row per article or bad entry, nothing else: {:?}", docs.keys().collect::<Vec<_>>());
    assert!(!docs.keys().any(|k| k.contains("dangling.png")));
}

#[test]
fn unreadable_files_and_folders_are_reported_and_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root_dir = dir.path();
    std::fs::set_permissions(root_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let inp = root_dir.join("in");
    std::fs::create_dir_all(inp.join("locked")).unwrap();
    std::fs::write(inp.join("a_good.txt"), GOOD).unwrap();
    std::fs::write(inp.join("secret.txt"), GOOD).unwrap();
    std::fs::write(inp.join("locked/inner.txt"), GOOD).unwrap();
    std::fs::set_permissions(inp.join("secret.txt"), std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(inp.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = root_dir.join("out");
    std::fs::create_dir(&out).unwrap();
    let mut cmd = extract_cmd(&[inp.as_os_str()], &out);
    if unsafe { libc::geteuid() } == 0 {
        // Root reads files whatever their mode: run kornews as `nobody` instead, so the modes
        // apply. Where that is not allowed, this case cannot be tested honestly here.
        std::os::unix::fs::chown(&out, Some(65534), Some(65534)).unwrap();
        cmd.uid(65534).gid(65534);
        let probe = Command::new("true").uid(65534).gid(65534).status();
        if !probe.as_ref().is_ok_and(|s| s.success()) {
            eprintln!("SKIPPED unreadable-file case: running as root and cannot switch to uid 65534 ({probe:?})");
            return;
        }
    }
    let r = run_limited(cmd, Duration::from_secs(120));
    let restore = |p: &Path, m| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    restore(&inp.join("locked"), 0o755);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let docs = documents(&out);
    assert_eq!(docs["in/a_good.txt"]["status"], "ok");
    let secret = &docs["in/secret.txt"];
    assert_eq!(secret["status"], "error");
    assert!(secret["message"].starts_with("in/secret.txt: cannot read: Permission denied"), "{}", secret["message"]);
    let locked = &docs["in/locked"];
    assert_eq!(locked["status"], "error");
    assert!(locked["message"].starts_with("in/locked: cannot read:") && locked["message"].contains("Permission denied"), "{}", locked["message"]);
    assert_eq!(docs.len(), 3, "{:?}", docs.keys().collect::<Vec<_>>());
}

#[test]
fn a_file_name_that_is_not_utf8_on_the_command_line_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().join(std::ffi::OsStr::from_bytes(b"\xff\xfe.txt"));
    std::fs::write(&name, GOOD).unwrap();
    let r = run_limited(extract_cmd(&[name.as_os_str()], &dir.path().join("out")), Duration::from_secs(60));
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("UTF-8"), "{}", r.stderr);
    assert!(!dir.path().join("out").exists(), "nothing is written");
}

/// A gzip file in concatenated members, so gigabytes of text cost a few megabytes on disk and a
/// few milliseconds to make: `head`, then `repeat` × `times`, then `tail`.
fn gzip_members(head: &[u8], repeat: &[u8], times: usize, tail: &[u8]) -> Vec<u8> {
    let gz = |b: &[u8]| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(b).unwrap();
        e.finish().unwrap()
    };
    let (head, block, tail) = (gz(head), gz(repeat), gz(tail));
    let mut out = head;
    for _ in 0..times {
        out.extend_from_slice(&block);
    }
    out.extend_from_slice(&tail);
    out
}

#[test]
fn a_gzip_bomb_with_a_gigantic_line_is_streamed_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let line = |id: &str| format!("{{\"id\":\"{id}\",\"text\":\"정부는 {id} 대책을 발표했다.\"}}\n");
    let head = format!("{}{}{{\"id\":\"bomb\",\"text\":\"", line("before1"), line("before2"));
    let mib: Vec<u8> = "가나다라마바사 ".as_bytes().iter().copied().cycle().take(1 << 20).collect();
    let times = 1536; // 1.5 GiB in one line
    let tail = format!("\"}}\n{}{}", line("after1"), line("after2"));
    let bytes = gzip_members(head.as_bytes(), &mib, times, tail.as_bytes());
    let path = dir.path().join("bomb.jsonl.gz");
    std::fs::write(&path, &bytes).unwrap();
    let bomb_len = (head.len() - head.rfind('\n').unwrap() - 1) + times * mib.len() + 2;

    let out = dir.path().join("out");
    let r = run_limited(extract_cmd(&[path.as_os_str()], &out), Duration::from_secs(180));
    eprintln!(
        "gzip bomb: {:.1} MB compressed, {:.2} GB expanded; peak RSS {} MiB; {:.1} s",
        bytes.len() as f64 / 1e6,
        (bomb_len + head.len() + tail.len()) as f64 / 1e9,
        r.max_rss_kib / 1024,
        r.seconds
    );
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let rows = read_table(&out.join("documents.csv")).rows;
    let ids: Vec<&str> = rows.iter().map(|r| r["doc_id"].as_str()).collect();
    assert_eq!(ids, ["before1", "before2", "bomb.jsonl.gz:3", "after1", "after2"]);
    assert!(rows.iter().filter(|r| r["doc_id"] != "bomb.jsonl.gz:3").all(|r| r["status"] == "ok"));
    assert_eq!(rows[2]["status"], "error");
    assert_eq!(
        rows[2]["message"],
        format!("bomb.jsonl.gz:3: line of {bomb_len} bytes is over the limit of 67108864 bytes (--max-article-bytes); not processed")
    );
    // The process holds the dictionary (~130 MiB) and at most one article's 64 MiB of a line,
    // never the 1.5 GiB line.
    assert!(r.max_rss_kib < 450 * 1024, "peak RSS {} MiB", r.max_rss_kib / 1024);
}

#[test]
fn damaged_gzip_keeps_the_good_lines_and_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..3000 {
        writeln!(e, "{{\"id\":\"n{i}\",\"text\":\"기사 {i}번이다. 내용이 조금 있다.\"}}").unwrap();
    }
    let full = e.finish().unwrap();
    let mut flipped = full.clone();
    let mid = flipped.len() / 2;
    for b in &mut flipped[mid..mid + 16] {
        *b ^= 0x5a;
    }
    let mut junk_after = full.clone();
    junk_after.extend_from_slice(b"this is not gzip at all");
    let cases: [(&str, &[u8]); 4] = [
        ("cut.jsonl.gz", &full[..full.len() * 2 / 3]),
        ("flipped.jsonl.gz", &flipped),
        ("junk_after.jsonl.gz", &junk_after),
        ("header_only.jsonl.gz", &full[..6]),
    ];
    for (name, bytes) in cases {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        // The complete lines a decoder gets before the damage, and how many of them are the
        // lines that were compressed.
        let decoded = |bytes: &[u8]| {
            let mut d = flate2::read::MultiGzDecoder::new(bytes);
            let mut got = Vec::new();
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = std::io::Read::read(&mut d, &mut buf) {
                got.extend_from_slice(&buf[..n]);
            }
            got
        };
        let (got, whole) = (decoded(bytes), decoded(&full));
        let complete = got.iter().filter(|&&b| b == b'\n').count();
        let same = got.iter().zip(&whole).take_while(|(a, b)| a == b).count();
        let intact = got[..same].iter().filter(|&&b| b == b'\n').count();

        let out = dir.path().join(format!("out_{name}"));
        let r = run_limited(extract_cmd(&[dir.path().join(name).as_os_str()], &out), Duration::from_secs(120));
        assert_eq!(r.code, Some(1), "{name}: {}", r.stderr);
        let rows = read_table(&out.join("documents.csv")).rows;
        let (last, good) = rows.split_last().unwrap();
        let good_ids: Vec<String> = good.iter().map(|r| r["doc_id"].clone()).collect();
        let want: Vec<String> = (0..intact).map(|i| format!("n{i}")).collect();
        // Every complete line gives one row; the intact ones are the original articles, in order.
        assert_eq!(good.len(), complete, "{name}");
        assert_eq!(good_ids[..intact], want[..], "{name}: the lines before the damage are kept, in order");
        assert!(good[..intact].iter().all(|r| r["status"] == "ok"), "{name}");
        if name == "flipped.jsonl.gz" {
            // Bytes flipped inside a deflate stream may decode to garbage until the decoder fails
            // or the member's CRC does not match: those lines are read (mostly as malformed JSON
            // rows) before the damage can be known.
            assert!(intact > 1000 && intact < 3000, "{name}: {intact} intact lines");
        } else {
            assert_eq!(intact, complete, "{name}");
        }
        let line = good.len() + 1;
        assert_eq!(last["status"], "error", "{name}");
        assert!(
            last["message"].starts_with(&format!("{name}:{line}: input damaged after line {}:", line - 1))
                && last["message"].ends_with("the lines before it were kept"),
            "{name}: {}",
            last["message"]
        );
    }
}

#[test]
fn articles_and_lines_over_the_size_limit_are_reported_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    // The default limit (64 MiB) applies without the option: a sparse 65 MiB file is refused
    // from its size, without being read.
    let big = File::create(dir.path().join("a_big.txt")).unwrap();
    big.set_len(65 << 20).unwrap();
    std::fs::write(dir.path().join("b_good.txt"), GOOD).unwrap();
    let long = BODY.repeat(12);
    let jsonl = format!(
        "{{\"id\":\"short\",\"text\":\"{BODY}\"}}\n{{\"id\":\"long\",\"text\":\"{long}\"}}\n{{\"id\":\"next\",\"text\":\"{BODY}\"}}\n"
    );
    std::fs::write(dir.path().join("c.jsonl"), &jsonl).unwrap();
    let out = dir.path().join("out");
    let r = run_limited(extract_cmd(&[dir.path().as_os_str()], &out), Duration::from_secs(120));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let name = dir.path().file_name().unwrap().to_str().unwrap();
    let docs = documents(&out);
    let b = &docs[&format!("{name}/a_big.txt")];
    assert_eq!(b["status"], "error");
    assert_eq!(b["message"], format!("{name}/a_big.txt: article of {} bytes is over the limit of 67108864 bytes (--max-article-bytes); not processed", 65 << 20));
    assert_eq!(docs[&format!("{name}/b_good.txt")]["status"], "ok");
    assert_eq!(docs["long"]["status"], "ok", "2 kB is far under the default limit");

    // A JSONL line over an explicit limit: its row names the file and line; the next line is read.
    let out2 = dir.path().join("out2");
    let jsonl_path = dir.path().join("c.jsonl");
    let r = run_limited(extract_cmd(&[jsonl_path.as_os_str(), os("--max-article-bytes"), os("1000")], &out2), Duration::from_secs(120));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let docs = documents(&out2);
    let line_len = jsonl.lines().nth(1).unwrap().len();
    assert_eq!(docs["c.jsonl:2"]["message"], format!("c.jsonl:2: line of {line_len} bytes is over the limit of 1000 bytes (--max-article-bytes); not processed"));
    assert_eq!((docs["short"]["status"].as_str(), docs["next"]["status"].as_str()), ("ok", "ok"));
    assert!(!docs.contains_key("long"));
}

/// Writes each article into a folder, runs `extract --tokens` over it and checks that each one
/// is processed (status ok) with every offset slicing its original text; also runs each through
/// the in-process checks of the fuzz target. Returns the documents rows.
fn run_articles(articles: &[(&str, String)], limit: Duration) -> (HashMap<String, HashMap<String, String>>, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    let mut texts = HashMap::new();
    for (name, text) in articles {
        std::fs::write(inp.join(name), text).unwrap();
        // Offsets are into the text without a leading BOM.
        texts.insert(format!("in/{name}"), text.strip_prefix('\u{feff}').unwrap_or(text).to_string());
    }
    let out = dir.path().join("out");
    let r = run_limited(extract_cmd(&[inp.as_os_str(), os("--tokens")], &out), limit);
    eprintln!("{} pathological articles in {:.1} s, peak RSS {} MiB", articles.len(), r.seconds, r.max_rss_kib / 1024);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let docs = documents(&out);
    for (id, text) in &texts {
        let d = &docs[id];
        assert_eq!(d["status"], "ok", "{id}: {d:?}");
        assert_eq!(d["chars"].parse::<usize>().unwrap(), text.chars().count(), "{id}");
    }
    assert!(check_tables(&out, &texts) > 0);
    (docs, out, dir)
}

#[test]
fn pathological_quotes_and_a_megabyte_sentence() {
    let straight = format!("그는 {}라고 말했다. 다음 문장이다.\n", "\"".repeat(100_000));
    let curly_open = format!("시장은 {}했다. 끝났다.\n", "“가".repeat(100_000));
    let mixed = format!("{}\n", "'가' “나” 「다」 ‘라’ \"마\" ".repeat(10_000));
    let mut one_mb = String::new();
    while one_mb.len() < 1 << 20 {
        one_mb.push_str("정부는 전국 데이터센터의 전력 설비를 점검하기로 했고 ");
    }
    let one_mb = format!("{}\n", one_mb.trim_end());
    let (docs, out, _dir) = run_articles(
        &[("quotes.txt", straight), ("curly.txt", curly_open), ("mixed.txt", mixed), ("one_mb.txt", one_mb.clone())],
        Duration::from_secs(240),
    );
    // The megabyte without sentence punctuation is one unit, whole.
    assert_eq!(docs["in/one_mb.txt"]["sentences"], "1");
    let s = read_table(&out.join("sentences.csv")).rows.into_iter().find(|r| r["doc_id"] == "in/one_mb.txt").unwrap();
    assert_eq!(s["text"], one_mb.trim_end());
    assert!(docs["in/quotes.txt"]["sentences"].parse::<usize>().unwrap() >= 1);
}

/// Code points of every Unicode general category (Cs, surrogates, cannot occur in a Rust string
/// or in UTF-8: invalid bytes are tested below).
const CATEGORIES: &[(&str, &[char])] = &[
    ("Lu", &['A', 'Ω', 'Ж', 'Ａ']),
    ("Ll", &['a', 'ß', 'ж', 'ａ']),
    ("Lt", &['ǅ', 'ᾈ']),
    ("Lm", &['ʰ', 'ー', 'ㆍ']),
    ("Lo", &['가', '漢', 'あ', 'א', 'ض', 'ㄱ', '\u{1100}']),
    ("Mn", &['\u{300}', '\u{301}', '\u{20d7}', '\u{fe0f}']),
    ("Mc", &['\u{903}', '\u{302e}']),
    ("Me", &['\u{20dd}', '\u{488}']),
    ("Nd", &['0', '٣', '０', '𝟘']),
    ("Nl", &['Ⅻ', '〇']),
    ("No", &['²', '①', '㉠', '½']),
    ("Pc", &['_', '‿']),
    ("Pd", &['-', '—', '〜']),
    ("Ps", &['(', '「', '『', '【']),
    ("Pe", &[')', '」', '』', '】']),
    ("Pi", &['«', '“', '‘']),
    ("Pf", &['»', '”', '’']),
    ("Po", &['.', '!', '…', '。', '·', '※']),
    ("Sm", &['+', '∑', '≠']),
    ("Sc", &['$', '₩', '€']),
    ("Sk", &['^', '`', '゛']),
    ("So", &['©', '㈜', '😀', '▶']),
    ("Zs", &[' ', '\u{a0}', '\u{3000}', '\u{2009}']),
    ("Zl", &['\u{2028}']),
    ("Zp", &['\u{2029}']),
    ("Cc", &['\t', '\u{7}', '\u{85}', '\u{1b}']),
    ("Cf", &['\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{202e}', '\u{2066}', '\u{feff}', '\u{ad}']),
    ("Co", &['\u{e000}', '\u{f8ff}', '\u{f0000}']),
    ("Cn", &['\u{378}', '\u{fdd0}', '\u{ffff}', '\u{10ffff}']),
];

#[test]
fn every_unicode_category_rtl_marks_joiners_and_boms_inside_the_text() {
    let mut all_categories = String::from("카테고리 시험 기사\n");
    for (cat, chars) in CATEGORIES {
        for &c in *chars {
            // Each code point inside a Korean sentence, and alone between spaces.
            all_categories.push_str(&format!("정부는{c}대책을 발표했다 {c} 장관은 \"{c}\"라고 말했다.\n"));
        }
        all_categories.push_str(&format!("{cat}: {}.\n", chars.iter().collect::<String>()));
    }
    let rtl = "정부는\u{200f} 새 \u{202e}대책을\u{202c} 발표했다. \u{2067}مرحبا\u{2069} 장관은 \u{200e}\"연내 시행하겠다\"고 말했다.\n".repeat(20);
    let zwj = "가족 👨\u{200d}👩\u{200d}👧\u{200d}👦 이모지와 카\u{200d}카\u{200c}오 제로폭 결합 문자가 있다. 이\u{200b}어\u{200b}진다.\n".repeat(20);
    let boms = "기사 \u{feff}첫 문장이다.\u{feff} 둘째\u{feff}문장이다.\n\u{feff}\n셋째 문단이다.\u{feff}\n".repeat(20);
    run_articles(
        &[("categories.txt", all_categories), ("rtl.txt", rtl), ("zwj.txt", zwj), ("boms.txt", boms)],
        Duration::from_secs(120),
    );
}

#[test]
fn invalid_utf8_bytes_are_an_error_row_naming_the_place() {
    let dir = tempfile::tempdir().unwrap();
    // Lone surrogates cannot be in a Rust string, but their UTF-8-like encodings can be in a file.
    std::fs::write(dir.path().join("surrogate.txt"), b"\xEC\xA0\x95\xEB\xB6\x80\xEB\x8A\x94 ok\n\xED\xA0\x80 bad\n").unwrap();
    std::fs::write(
        dir.path().join("lines.jsonl"),
        [format!("{{\"id\":\"fine\",\"text\":\"{BODY}\"}}\n").as_bytes(), b"{\"id\":\"bad\",\"text\":\"x\xC0\xAFy\xFF\"}\n"].concat(),
    )
    .unwrap();
    let out = dir.path().join("out");
    let r = run_limited(extract_cmd(&[dir.path().as_os_str()], &out), Duration::from_secs(60));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let name = dir.path().file_name().unwrap().to_str().unwrap();
    let docs = documents(&out);
    let s = &docs[&format!("{name}/surrogate.txt")];
    assert_eq!(s["status"], "error");
    assert!(s["message"].contains("byte 0xED at line 2, column 1"), "{}", s["message"]);
    assert_eq!(docs["fine"]["status"], "ok");
    let bad = &docs[&format!("{name}/lines.jsonl:2")];
    assert!(bad["message"].starts_with(&format!("{name}/lines.jsonl:2: not valid UTF-8 (byte 0xC0")), "{}", bad["message"]);
}

#[test]
fn nfd_korean_gets_the_tokens_of_its_nfc_form_with_offsets_into_the_original() {
    use unicode_normalization::UnicodeNormalization;
    let nfc = std::fs::read_to_string(root().join("corpus/articles/01_yonhap_politics_jeonse.txt")).unwrap();
    let nfd: String = nfc.nfd().collect();
    assert!(nfd.chars().any(|c| ('\u{1100}'..='\u{11ff}').contains(&c)) && nfd.len() > nfc.len());
    let (docs, out, _dir) = run_articles(&[("nfc.txt", nfc.clone()), ("nfd.txt", nfd.clone())], Duration::from_secs(120));
    // Sentences and their tokens, per document: (sentence index, pos tags).
    let tokens = read_table(&out.join("tokens.csv")).rows;
    let tags = |id: &str| -> Vec<(String, String)> {
        tokens.iter().filter(|r| r["doc_id"] == id).map(|r| (r["sentence"].clone(), r["pos"].clone())).collect()
    };
    let (a, b) = (tags("in/nfc.txt"), tags("in/nfd.txt"));
    eprintln!("NFC {} tokens, NFD {} tokens; sentences {} / {}", a.len(), b.len(), docs["in/nfc.txt"]["sentences"], docs["in/nfd.txt"]["sentences"]);
    // The page is read the same way: the same blocks and sentences (the NFD ones composing to
    // the NFC ones), and the same metadata found in the page.
    for table in ["blocks", "sentences"] {
        let rows = read_table(&out.join(format!("{table}.csv"))).rows;
        let of = |id: &str| -> Vec<(String, String)> {
            rows.iter().filter(|r| r["doc_id"] == id).map(|r| (r["kind"].clone(), r["text"].nfc().collect())).collect()
        };
        assert_eq!(of("in/nfc.txt"), of("in/nfd.txt"), "{table}");
    }
    for col in ["title", "published", "outlet", "byline", "entities", "quotes", "commitments"] {
        let nfd_value: String = docs["in/nfd.txt"][col].nfc().collect();
        assert_eq!(docs["in/nfc.txt"][col], nfd_value, "documents.{col}");
    }
    let entities = read_table(&out.join("entities.csv")).rows;
    let ents = |id: &str| -> Vec<(String, String, String)> {
        entities.iter().filter(|r| r["doc_id"] == id).map(|r| (r["type"].clone(), r["text"].nfc().collect(), r["canonical"].clone())).collect()
    };
    assert_eq!(ents("in/nfc.txt"), ents("in/nfd.txt"), "entities");
    // The same tokens: at least 95% of the (sentence, tag) pairs agree in order, and the NFD
    // text is not read as unknown jamo (which would give far fewer or far more tokens).
    let same = a.iter().zip(&b).filter(|(x, y)| x == y).count();
    assert!(same * 100 >= a.len().max(b.len()) * 95, "{same} of {} / {} tokens agree", a.len(), b.len());
    // Each NFD token's surface is the original (decomposed) slice, which composes to the NFC token.
    let nfc_surfaces: Vec<&String> = tokens.iter().filter(|r| r["doc_id"] == "in/nfc.txt").map(|r| &r["surface"]).collect();
    let nfd_surfaces: Vec<&String> = tokens.iter().filter(|r| r["doc_id"] == "in/nfd.txt").map(|r| &r["surface"]).collect();
    let composed_same = nfc_surfaces.iter().zip(&nfd_surfaces).filter(|(x, y)| ***x == y.nfc().collect::<String>()).count();
    assert!(composed_same * 100 >= nfc_surfaces.len() * 95, "{composed_same} of {} surfaces", nfc_surfaces.len());
    assert!(nfd_surfaces.iter().any(|s| s.chars().any(|c| ('\u{1100}'..='\u{11ff}').contains(&c))), "surfaces are the original jamo");
}
