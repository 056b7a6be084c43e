#!/usr/bin/env python3
"""Turns hand-written annotation files (ann/*.tsv) into a gold entities.csv with code point offsets.

Usage: python3 corpus/gold/build_gold.py [GOLD_DIR]   (default: the folder of this script)

Each ann/<name>.tsv names its article: <name> is the doc_id with '/' replaced by '__'
(`corpus__articles__01_x.txt`) or a JSONL id (`jsonl-001`). The article text is looked up
relative to the repository root (doc_ids of .txt files are repository-relative paths) or in the
.jsonl files of corpus/ and corpus/heldout/. Rows: type, text, occurrence, canonical, normalized.
"""
import csv
import glob
import json
import os
import sys

TYPES = {"PERSON", "ORGANIZATION", "LOCATION", "DATE", "TIME", "QUANTITY", "ROLE"}
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))


def jsonl_texts():
    texts = {}
    for path in sorted(glob.glob(os.path.join(REPO, "corpus", "**", "*.jsonl"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rec = json.loads(line)
                    texts[str(rec["id"])] = rec["text"]
    return texts


def article_text(doc_id, jsonl):
    if doc_id in jsonl:
        return jsonl[doc_id]
    raw = open(os.path.join(REPO, doc_id), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp949")


def main():
    gold_dir = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else HERE
    jsonl = jsonl_texts()
    rows, errors = [], []
    for path in sorted(glob.glob(os.path.join(gold_dir, "ann", "*.tsv"))):
        name = os.path.basename(path)[: -len(".tsv")]
        doc_id = name.replace("__", "/")
        text = article_text(doc_id, jsonl)
        doc_rows = []
        for no, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            while len(cols) < 5:
                cols.append("")
            typ, surface, occ, canonical, normalized = cols[:5]
            where = f"{path}:{no}"
            if typ not in TYPES:
                errors.append(f"{where}: unknown type {typ!r}")
                continue
            try:
                n = int(occ)
            except ValueError:
                errors.append(f"{where}: occurrence {occ!r} is not a number")
                continue
            pos = -1
            for _ in range(n):
                pos = text.find(surface, pos + 1)
                if pos < 0:
                    break
            if pos < 0 or not surface:
                errors.append(f"{where}: {surface!r} has no occurrence {n} in {doc_id}")
                continue
            doc_rows.append((pos, pos + len(surface), typ, surface, canonical, normalized))
        doc_rows.sort()
        seen = set()
        for r in doc_rows:
            if (r[0], r[1], r[2]) in seen:
                errors.append(f"{path}: duplicate row {r[3]!r} at {r[0]}")
            seen.add((r[0], r[1], r[2]))
        for i, (s, e, typ, surface, canonical, normalized) in enumerate(doc_rows):
            rows.append([doc_id, i, "", s, e, typ, surface, canonical, normalized])
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    out = os.path.join(gold_dir, "entities.csv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["doc_id", "entity_id", "sentence", "start", "end", "type", "text", "canonical", "normalized"])
        w.writerows(rows)
    docs = len({r[0] for r in rows})
    print(f"{out}: {len(rows)} entities in {docs} documents")


if __name__ == "__main__":
    main()
