#!/usr/bin/env python3
"""Turns hand-written annotation files into gold tables with code point offsets.

Usage: python3 corpus/gold/build_gold.py [GOLD_DIR]   (default: the folder of this script)

  ann/*.tsv          -> entities.csv     rows: type, text, occurrence, canonical, normalized
  quotes/*.tsv       -> quotes.csv       rows: kind, text, occurrence, speaker, speaker_text, verb
  commitments/*.tsv  -> commitments.csv  rows: text, occurrence, actor, action, object,
                                               deadline_text, deadline, modality, condition
  (all three)        -> annotated.csv    task,doc_id: every annotated article, including those
                                         with no rows (the evaluation scores exactly these)

Each <name>.tsv names its article: <name> is the doc_id with '/' replaced by '__'
(`corpus__articles__01_x.txt`) or a JSONL id (`jsonl-001`). The article text is looked up
relative to the repository root (doc_ids of .txt files are repository-relative paths) or in the
.jsonl files of corpus/ and corpus/heldout/. `text` is found by its `occurrence`-th match (from
1) in the original text; the span of the row is that match. See GUIDELINES.md.
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


def locate(text, surface, occ, where, errors):
    """Code point span of the occ-th occurrence of surface, or None (with an error)."""
    try:
        n = int(occ)
    except ValueError:
        errors.append(f"{where}: occurrence {occ!r} is not a number")
        return None
    pos = -1
    for _ in range(n):
        pos = text.find(surface, pos + 1)
        if pos < 0:
            break
    if pos < 0 or not surface or n < 1:
        errors.append(f"{where}: {surface!r} has no occurrence {occ} in the article")
        return None
    return pos, pos + len(surface)


def read_rows(gold_dir, folder, ncols, jsonl, errors):
    """Yields (doc_id, text, where, cols) for every annotation row of gold_dir/folder/*.tsv."""
    for path in sorted(glob.glob(os.path.join(gold_dir, folder, "*.tsv"))):
        name = os.path.basename(path)[: -len(".tsv")]
        doc_id = name.replace("__", "/")
        try:
            text = article_text(doc_id, jsonl)
        except OSError as e:
            errors.append(f"{path}: no article for doc_id {doc_id!r} ({e})")
            continue
        for no, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) > ncols:
                errors.append(f"{path}:{no}: {len(cols)} columns, expected at most {ncols}")
                continue
            while len(cols) < ncols:
                cols.append("")
            yield doc_id, text, f"{path}:{no}", cols


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{path}: {len(rows)} rows in {len({r[0] for r in rows})} documents")


def build_quotes(gold_dir, jsonl, errors):
    by_doc = {}
    for doc_id, text, where, cols in read_rows(gold_dir, "quotes", 6, jsonl, errors):
        kind, surface, occ, speaker, speaker_text, verb = cols
        if kind not in ("direct", "indirect"):
            errors.append(f"{where}: kind {kind!r} is not direct or indirect")
            continue
        span = locate(text, surface, occ, where, errors)
        if span:
            by_doc.setdefault(doc_id, []).append((span[0], span[1], kind, surface, speaker, speaker_text, verb))
    rows = []
    for doc_id in sorted(by_doc):
        for i, (s, e, kind, surface, speaker, speaker_text, verb) in enumerate(sorted(by_doc[doc_id])):
            rows.append([doc_id, i, "", s, e, kind, surface, speaker, speaker_text, verb])
    return rows


MODALITIES = ("promise", "decision", "plan", "review")


def build_commitments(gold_dir, jsonl, errors):
    by_doc = {}
    for doc_id, text, where, cols in read_rows(gold_dir, "commitments", 9, jsonl, errors):
        surface, occ, actor, action, obj, deadline_text, deadline, modality, condition = cols
        if modality not in MODALITIES:
            errors.append(f"{where}: modality {modality!r} is not one of {MODALITIES}")
            continue
        if not action:
            errors.append(f"{where}: action is empty")
            continue
        span = locate(text, surface, occ, where, errors)
        if span:
            by_doc.setdefault(doc_id, []).append(
                (span[0], span[1], actor, action, obj, deadline_text, deadline, modality, condition, surface))
    rows = []
    for doc_id in sorted(by_doc):
        for i, r in enumerate(sorted(by_doc[doc_id])):
            s, e, actor, action, obj, deadline_text, deadline, modality, condition, surface = r
            rows.append([doc_id, i, "", s, e, actor, action, obj, deadline_text, deadline, modality, condition, "", surface])
    return rows


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
    quotes = build_quotes(gold_dir, jsonl, errors)
    commitments = build_commitments(gold_dir, jsonl, errors)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    annotated = []
    for task, folder in (("entities", "ann"), ("quotes", "quotes"), ("commitments", "commitments")):
        for path in sorted(glob.glob(os.path.join(gold_dir, folder, "*.tsv"))):
            annotated.append([task, os.path.basename(path)[: -len(".tsv")].replace("__", "/")])
    with open(os.path.join(gold_dir, "annotated.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["task", "doc_id"])
        w.writerows(annotated)
    write_csv(os.path.join(gold_dir, "entities.csv"),
              ["doc_id", "entity_id", "sentence", "start", "end", "type", "text", "canonical", "normalized"], rows)
    if os.path.isdir(os.path.join(gold_dir, "quotes")):
        write_csv(os.path.join(gold_dir, "quotes.csv"),
                  ["doc_id", "quote_id", "sentence", "start", "end", "kind", "text", "speaker", "speaker_text", "verb"], quotes)
    if os.path.isdir(os.path.join(gold_dir, "commitments")):
        write_csv(os.path.join(gold_dir, "commitments.csv"),
                  ["doc_id", "commitment_id", "sentence", "start", "end", "actor", "action", "object", "deadline_text",
                   "deadline", "modality", "condition", "quote_id", "text"], commitments)


if __name__ == "__main__":
    main()
