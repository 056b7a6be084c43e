#!/usr/bin/env python3
"""Builds a benchmark JSONL of a requested size from the team's own articles in corpus/.

    python3 bench/make_corpus.py --mb 20 --out target/bench/corpus-20mb.jsonl [--seed 1]

Sources: every corpus/**/*.txt file and every record (its `text` field) of corpus/*.jsonl, read
in sorted path order. Nothing else is read.

Each source page is cut into paragraphs at blank lines and divided into three parts:

* head: the paragraphs before the first prose paragraph (menus, section bars, headline, date
  lines, photo captions before the lede...);
* body: from the first to the last prose paragraph before the trailer, inclusive (so captions,
  credits, interview labels and short lines between paragraphs stay in the pool);
* tail: everything after that (signature, copyright, donation box, tags, "most read" lists,
  reporter bio, site footer...). The trailer starts at the first paragraph after the first prose
  paragraph with a copyright/"무단 전재"/donation/tags/"관련 기사"/"많이 본 뉴스"/comments line.

Keeping trailer paragraphs out of the body pool matters: kornews treats everything after a trailer
line as page chrome, so a trailer line sampled into the middle of an article would hide the rest
of it from the morphological analyzer and flatter kornews.

A prose paragraph is one whose last line is at least 20 characters long, holds at least 10 Hangul
syllables, ends like a sentence (`.`, `?`, `!`, `…`, possibly followed by closing quotes or
brackets) and is not a footer line (copyright, `|`-separated site information).

A generated article takes its page frame (head, the first body paragraph, i.e. the lede with its
dateline, and tail) from one source picked at random, and fills the rest of the body with as many
paragraphs as that source's body has, each drawn from a randomly chosen source article (never
the frame itself when there is another one to choose from). Paragraphs are joined with blank
lines. So the page boilerplate is kept, in the place where a news page has it, and no article is
a verbatim copy of a source article.

Records are written until the total UTF-8 size of the `text` fields reaches --mb x 10^6 bytes.
Each record has `id` (bench-SEED-NNNNNN), `published` (the frame's `published` field when it came
from JSONL, otherwise a date drawn from the RNG in 2023-2024) and `text`. The output depends only
on the sources and the seed: the same corpus/ and the same --seed give byte-identical files.

A summary (articles, text bytes, sources used/skipped and a sha256 over the sources) is written to
OUT.meta.json and printed to stderr.
"""

import argparse
import datetime
import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

PARA_SPLIT = re.compile(r"\r?\n(?:[ \t\u00a0\u3000\u200b\ufeff]*\r?\n)+")
SENTENCE_END = re.compile(r"[.?!…。？！][\"'”’」』)\]>》〉]*$")
# Footer lines that end with a period ("Copyright ... All rights reserved.") are not prose.
CHROME = re.compile(r"[Cc]opyright|COPYRIGHT|[Aa]ll [Rr]ights|ⓒ|©|Ⓒ|무단|\|")
HANGUL = re.compile(r"[가-힣]")
# Lines that start a page trailer whatever follows (copyright, donation box, tags, "most read").
TRAILER = re.compile(
    r"[Cc]opyright|COPYRIGHT|[Aa]ll [Rr]ights|저작권자|무단\s*(?:전재|복제)|원고료|후원하기|기자\s*구독"
    r"|^\s*(?:태그|TAG|Tags?)\s*[:：]|^\s*(?:관련\s*(?:기사|뉴스)|(?:가장\s*)?많이\s*본\s*(?:뉴스|기사)|이\s*시각.*뉴스|댓글.*)\s*$",
    re.M,
)


def decode(raw: bytes):
    """UTF-8 (with or without BOM), else CP949, else None."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for enc in ("utf-8", "cp949"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            pass
    return None


def is_prose(paragraph: str) -> bool:
    last = paragraph.strip().split("\n")[-1].strip()
    return (
        len(last) >= 20
        and SENTENCE_END.search(last) is not None
        and len(HANGUL.findall(last)) >= 10
        and not CHROME.search(last)
    )


def split_page(text: str):
    """(head, body, tail) lists of paragraphs, or None when the page has no prose paragraph."""
    paras = [p.strip("\r\n") for p in PARA_SPLIT.split(text)]
    paras = [p for p in paras if p.strip()]
    prose = [i for i, p in enumerate(paras) if is_prose(p)]
    if not prose:
        return None
    first = prose[0]
    trailer = next((i for i in range(first + 1, len(paras)) if TRAILER.search(paras[i])), len(paras))
    last = max(i for i in prose if i < trailer)
    return paras[:first], paras[first : last + 1], paras[last + 1 :]


def read_sources(log):
    """Sorted list of (name, text, published) from corpus/; skipped files are logged."""
    sources = []
    skipped = []
    digest = hashlib.sha256()
    txts = sorted(p for p in CORPUS.rglob("*.txt") if p.is_file())
    jsonls = sorted(p for p in CORPUS.glob("*.jsonl") if p.is_file())
    for path in txts + jsonls:
        rel = path.relative_to(ROOT).as_posix()
        try:
            raw = path.read_bytes()
        except OSError as e:
            skipped.append(f"{rel}: {e}")
            continue
        digest.update(rel.encode() + b"\0" + hashlib.sha256(raw).digest())
        if path.suffix == ".txt":
            text = decode(raw)
            if text is None or "\0" in text:
                skipped.append(f"{rel}: not UTF-8/CP949 text")
                continue
            sources.append((rel, text, None))
            continue
        for no, line in enumerate(raw.split(b"\n"), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(decode(line) or "")
            except ValueError:
                skipped.append(f"{rel}:{no}: not JSON")
                continue
            text = rec.get("text") if isinstance(rec, dict) else None
            if not isinstance(text, str) or "\0" in text:
                skipped.append(f"{rel}:{no}: no usable `text`")
                continue
            pub = rec.get("published")
            pub = pub if isinstance(pub, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub) else None
            sources.append((f"{rel}:{no}", text, pub))
    return sources, skipped, digest.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, required=True, help="text size to generate, in 10^6 bytes")
    ap.add_argument("--out", required=True, help="output JSONL path")
    ap.add_argument("--seed", type=int, default=1, help="RNG seed (default 1)")
    args = ap.parse_args()

    sources, skipped, fingerprint = read_sources(sys.stderr)
    pages = []
    for name, text, pub in sources:
        parts = split_page(text)
        if parts is None:
            skipped.append(f"{name}: no prose paragraph")
            continue
        pages.append((name, parts, pub))
    if not pages:
        sys.exit(f"make_corpus: no usable article in {CORPUS} (is it still empty?)")
    if len(pages) < 3:
        print(f"make_corpus: warning: only {len(pages)} usable source article(s)", file=sys.stderr)

    rng = random.Random(args.seed)
    target = int(args.mb * 1_000_000)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    total = 0
    n = 0
    day0 = datetime.date(2023, 1, 1)
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        while total < target:
            fi = rng.randrange(len(pages))
            _, (head, body, tail), pub = pages[fi]
            others = [i for i in range(len(pages)) if i != fi] or [fi]
            paras = list(head) + [body[0]]
            for _ in range(len(body) - 1):
                _, (_, b, _), _ = pages[rng.choice(others)]
                paras.append(b[rng.randrange(len(b))])
            paras += tail
            text = "\n\n".join(paras)
            published = pub or (day0 + datetime.timedelta(days=rng.randrange(731))).isoformat()
            n += 1
            rec = {"id": f"bench-{args.seed}-{n:06d}", "published": published, "text": text}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            total += len(text.encode("utf-8"))
    tmp.replace(out)

    meta = {
        "path": str(out),
        "seed": args.seed,
        "requested_mb": args.mb,
        "articles": n,
        "text_bytes": total,
        "file_bytes": out.stat().st_size,
        "sources_used": len(pages),
        "sources_skipped": skipped,
        "sources_sha256": fingerprint,
    }
    out.with_name(out.name + ".meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
    print(
        f"make_corpus: {out}: {n} articles, {total / 1e6:.2f} MB of text from {len(pages)} source articles"
        f" ({len(skipped)} skipped), sources sha256 {fingerprint[:16]}",
        file=sys.stderr,
    )
    for s in skipped:
        print(f"make_corpus:   skipped {s}", file=sys.stderr)


if __name__ == "__main__":
    main()
