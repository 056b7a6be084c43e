#!/usr/bin/env python3
"""Runs the kornews vs bare-lindera benchmark; called by bench/run.sh (see bench/README.md).

    python3 bench/bench.py --small target/bench/corpus-20mb.jsonl --large target/bench/corpus-100mb.jsonl

Every command is started with subprocess.Popen and reaped with os.wait4, which returns the
kernel's resource usage of that one child: wall time is measured around it, CPU time and peak RSS
(ru_maxrss, KiB on Linux) come from that rusage.
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Private copies made by run.sh (target/release/ may be rebuilt by someone else during a run).
KORNEWS = ROOT / "target/bench/bin/kornews"
# Which extraction stages the kornews side runs (`none` = the foundation only, `all`).
STAGES = os.environ.get("STAGES", "all")
BARE = ROOT / "target/bench/bin/bare_lindera"


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def run(cmd):
    """Runs cmd; returns (stdout, wall seconds, rusage of that child). Fails loudly."""
    out_path = ROOT / "target/bench/.stdout"
    err_path = ROOT / "target/bench/.stderr"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen([str(c) for c in cmd], stdout=out, stderr=err, cwd=ROOT)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.stderr.write(err_path.read_text(errors="replace")[-4000:])
        sys.exit(f"bench: {' '.join(map(str, cmd))} exited with {p.returncode}")
    return out_path.read_text(), wall, ru


def text_bytes(path):
    """MB definition shared by both sides: sum of len(text.encode('utf-8')) over the records."""
    total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                t = json.loads(line).get("text")
                if isinstance(t, str):
                    total += len(t.encode("utf-8"))
    return total


def bare(corpus, threads, nbytes):
    out, wall, ru = run([BARE, corpus, "-j", threads])
    r = json.loads(out.strip().splitlines()[-1])
    if r["bytes"] != nbytes:
        sys.exit(f"bench: bare_lindera counted {r['bytes']} bytes of text, expected {nbytes}")
    return {
        "side": "bare",
        "threads": threads,
        "seconds": r["seconds"],
        "mb_per_s": nbytes / 1e6 / r["seconds"],
        "wall": wall,
        "wall_mb_per_s": nbytes / 1e6 / wall,
        "cpu": ru.ru_utime + ru.ru_stime,
        "maxrss_kib": ru.ru_maxrss,
        "tokens": r["tokens"],
    }


def kornews(corpus, threads, nbytes, out_dir, tokens=False):
    cmd = [KORNEWS, "extract", corpus, "--out", out_dir, "-j", threads, "-q", "--stages", STAGES]
    if tokens:
        cmd.append("--tokens")
    _, wall, ru = run(cmd)
    manifest = json.loads((Path(out_dir) / "run.json").read_text())
    secs = manifest["elapsed_seconds"]
    docs = manifest["documents"]
    if docs["error"]:
        sys.exit(f"bench: kornews reported {docs['error']} document errors on {corpus}")
    return {
        "side": "kornews",
        "threads": threads,
        "seconds": secs,
        "mb_per_s": nbytes / 1e6 / secs,
        "wall": wall,
        "wall_mb_per_s": nbytes / 1e6 / wall,
        "cpu": ru.ru_utime + ru.ru_stime,
        "maxrss_kib": ru.ru_maxrss,
        "documents": docs["total"],
        "sentences": manifest["rows"].get("sentences"),
        "tokens": manifest["rows"].get("tokens"),
    }


def med(xs):
    return statistics.median(xs)


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", required=True, help="corpus for the throughput rounds (20 MB)")
    ap.add_argument("--large", required=True, help="second corpus for peak RSS (100 MB)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--rss-rounds", type=int, default=1)
    ap.add_argument("--tokens-rounds", type=int, default=3)
    ap.add_argument("--command", default="bash bench/run.sh", help="how this run was started, for the report")
    ap.add_argument("--results", default=str(ROOT / "target/bench/results.md"))
    args = ap.parse_args()
    threads = [int(t) for t in args.threads.split(",")]
    work = ROOT / "target/bench"
    work.mkdir(parents=True, exist_ok=True)

    small, large = Path(args.small), Path(args.large)
    nb_small, nb_large = text_bytes(small), text_bytes(large)
    meta_small = json.loads(Path(str(small) + ".meta.json").read_text())
    load_before = os.getloadavg()
    started = datetime.datetime.now().astimezone()

    # Warm-up (page cache, binaries); not recorded.
    log("warm-up")
    bare(small, max(threads), nb_small)
    kornews(small, max(threads), nb_small, work / "out-warmup")

    runs = []
    for r in range(args.rounds):
        for t in threads:
            order = ["bare", "kornews"] if (r + t) % 2 == 0 else ["kornews", "bare"]
            pair = {}
            load1 = os.getloadavg()[0]
            for side in order:
                if side == "bare":
                    pair[side] = bare(small, t, nb_small)
                else:
                    pair[side] = kornews(small, t, nb_small, work / f"out-j{t}")
                pair[side]["round"] = r + 1
                pair[side]["order"] = order.index(side)
                pair[side]["load1"] = load1
            runs += [pair["bare"], pair["kornews"]]
            log(
                f"round {r + 1}/{args.rounds} -j{t} ({' then '.join(order)}): bare {pair['bare']['mb_per_s']:.2f} MB/s,"
                f" kornews {pair['kornews']['mb_per_s']:.2f} MB/s (load {load1:.2f})"
            )

    # Cost of --tokens (tokens.csv), -j1, alternating with a plain run.
    tok = []
    for r in range(args.tokens_rounds):
        for with_tokens in ((False, True) if r % 2 == 0 else (True, False)):
            k = kornews(small, 1, nb_small, work / "out-tokens", tokens=with_tokens)
            k["with_tokens"] = with_tokens
            tok.append(k)
        log(f"--tokens round {r + 1}/{args.tokens_rounds}: " + ", ".join(
            f"{'with' if x['with_tokens'] else 'without'} {x['mb_per_s']:.2f} MB/s" for x in tok[-2:]))

    # Peak RSS of kornews -j2 (and of the baseline, for reference) on both corpora.
    rss = []
    rss_threads = 2 if 2 in threads else max(threads)
    sizes = ((f"{nb_small / 1e6:.0f} MB", small, nb_small), (f"{nb_large / 1e6:.0f} MB", large, nb_large))
    for name, path, nb in sizes:
        for _ in range(args.rss_rounds):
            k = kornews(path, rss_threads, nb, work / "out-rss")
            k["corpus"] = name
            rss.append(k)
            log(f"peak RSS kornews -j{rss_threads} {name}: {k['maxrss_kib'] / 1024:.0f} MiB ({k['mb_per_s']:.2f} MB/s)")
            b = bare(path, rss_threads, nb)
            b["corpus"] = name
            rss.append(b)
            log(f"peak RSS bare_lindera -j{rss_threads} {name}: {b['maxrss_kib'] / 1024:.0f} MiB")

    # Report.
    lines = []
    w = lines.append
    w(f"### Results ({started:%Y-%m-%d %H:%M %Z})")
    w("")
    w(
        f"Machine: {os.cpu_count()} cores ({cpu_model()}), {platform.system()} {platform.release()}, shared;"
        f" load average before the run {load_before[0]:.2f}. Command: `{args.command}`."
    )
    w(
        f"Throughput corpus: `{small.relative_to(ROOT) if small.is_absolute() else small}`, {meta_small['articles']} articles,"
        f" {nb_small / 1e6:.2f} MB of article text (seed {meta_small['seed']}, {meta_small['sources_used']} source articles"
        f" from corpus/, sources sha256 `{meta_small['sources_sha256'][:16]}`)."
    )
    kb = KORNEWS.read_bytes()
    built = datetime.datetime.fromtimestamp(KORNEWS.stat().st_mtime).astimezone()
    w(
        f"kornews binary: built from the working tree at {built:%Y-%m-%d %H:%M %Z}, sha256 `{hashlib.sha256(kb).hexdigest()[:16]}`;"
        f" lindera 6.2.0, embedded ko-dic."
    )
    w("MB = 10^6 bytes of UTF-8 article text (the `text` fields), the same number for both sides.")
    w("")
    loads = sorted(x["load1"] for x in runs if x["side"] == "bare")
    w(
        f"Throughput, median of {args.rounds} alternating rounds (1-minute load average at the start of each pair:"
        f" {loads[0]:.2f}–{loads[-1]:.2f}, median {med(loads):.2f}; on 2 cores a load above ~1 means other work"
        f" shared the CPUs, which hits the -j2 runs first):"
    )
    w("")
    w(f"kornews runs with `--stages {STAGES}`.")
    w("")
    w("| threads | bare lindera MB/s | kornews MB/s | kornews / bare | kornews extra time per MB | paired ratio (min–max) | bare wall MB/s | kornews wall MB/s |")
    w("|---:|---:|---:|---:|---:|---:|---:|---:|")
    summary = {}
    for t in threads:
        b = [x for x in runs if x["side"] == "bare" and x["threads"] == t]
        k = [x for x in runs if x["side"] == "kornews" and x["threads"] == t]
        bm, km = med([x["mb_per_s"] for x in b]), med([x["mb_per_s"] for x in k])
        paired = [kk["mb_per_s"] / bb["mb_per_s"] for bb, kk in zip(b, k)]
        ratio = km / bm
        summary[t] = {"bare": bm, "kornews": km, "ratio": ratio}
        w(
            f"| {t} | {bm:.2f} | {km:.2f} | {ratio:.2f} | +{(1 / ratio - 1) * 100:.0f}% |"
            f" {med(paired):.2f} ({min(paired):.2f}–{max(paired):.2f}) |"
            f" {med([x['wall_mb_per_s'] for x in b]):.2f} | {med([x['wall_mb_per_s'] for x in k]):.2f} |"
        )
    w("")
    w(
        "bare lindera MB/s: tokenization only (input already in memory, dictionary loaded). kornews MB/s: "
        "`elapsed_seconds` of its run.json (reading and parsing the JSONL, cleaning, sentence splitting, "
        "morphology, stages, writing and committing the CSV tables; not process start-up and dictionary "
        "load). Wall columns: the whole process, start-up included. kornews extra time per MB = "
        "bare MB/s ÷ kornews MB/s − 1. Paired ratio: kornews/bare within each round."
    )
    w("")
    ks = [x for x in runs if x["side"] == "kornews"]
    bs = [x for x in runs if x["side"] == "bare"]
    ktok = next((x["tokens"] for x in tok if x["with_tokens"]), None)
    w(
        f"Work done: bare lindera tokenizes every line of every article ({bs[0]['tokens']:,} tokens); kornews tokenizes only "
        f"the {ks[0]['sentences']:,} sentences of headline/body blocks"
        + (f" ({ktok:,} tokens)" if ktok else "")
        + ", page chrome excluded."
    )
    w("")
    if tok:
        with_t = [x["mb_per_s"] for x in tok if x["with_tokens"]]
        without_t = [x["mb_per_s"] for x in tok if not x["with_tokens"]]
        w(
            f"kornews -j1 with `--tokens` (also writes tokens.csv): {med(with_t):.2f} MB/s vs {med(without_t):.2f} MB/s "
            f"without (median of {args.tokens_rounds} alternating pairs)."
        )
        w("")
    w(
        "CPU time per run (user+sys of the whole process, median; less disturbed by other load than wall time,"
        " though not immune to it):"
    )
    w("")
    w("| threads | bare lindera | kornews | kornews ÷ bare |")
    w("|---:|---:|---:|---:|")
    for t in threads:
        bc = med([x["cpu"] for x in bs if x["threads"] == t])
        kc = med([x["cpu"] for x in ks if x["threads"] == t])
        w(f"| {t} | {bc:.2f} s | {kc:.2f} s | {kc / bc:.1f}x |")
    w("")
    w(f"Peak RSS (max resident set size of the process, `ru_maxrss`), -j{rss_threads}:")
    w("")
    w("| corpus | kornews extract | bare lindera (reference) | kornews MB/s in that run |")
    w("|---|---:|---:|---:|")
    for name, _, nb in sizes:
        kr = [x for x in rss if x["corpus"] == name and x["side"] == "kornews"]
        br = [x for x in rss if x["corpus"] == name and x["side"] == "bare"]
        if not kr or not br:
            # RSS_ROUNDS=0: no memory runs were made.
            w(f"| {name} | not measured | not measured | |")
            continue
        w(
            f"| {name} | {med([x['maxrss_kib'] for x in kr]) / 1024:.0f} MiB |"
            f" {med([x['maxrss_kib'] for x in br]) / 1024:.0f} MiB | {med([x['mb_per_s'] for x in kr]):.2f} |"
        )
    w("")
    w(
        "bare lindera keeps the whole input in memory by design (it reads everything before timing), so its "
        "RSS grows with the corpus; kornews streams its input in batches of at most 32 articles / 1 MB, with at most 2 × threads + 2 batches in flight."
    )
    report = "\n".join(lines) + "\n"
    Path(args.results).write_text(report)
    (work / "results.json").write_text(
        json.dumps({"started": started.isoformat(), "runs": runs, "tokens_runs": tok, "rss": rss, "summary": summary}, indent=1) + "\n"
    )
    print(report)
    log(f"written to {args.results} (raw numbers in {work / 'results.json'})")


if __name__ == "__main__":
    main()
