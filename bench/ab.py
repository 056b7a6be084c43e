"""Side-by-side runs of several kornews binaries against bare lindera, whole-process wall time.

    python3 bench/ab.py ROUNDS THREADS STAGES BINARY [BINARY ...]

Runs bare lindera and each binary in turn, ROUNDS times, on target/bench/corpus-20mb.jsonl
(made by bench/run.sh), and prints each binary's median wall time, its ratio to bare lindera's,
and the median of the per-round ratios. Start-up is included on both sides, so the ratios are
kinder than bench/run.sh's; use this to compare binaries with each other, not with the targets.
"""
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "target/bench/corpus-20mb.jsonl")
BARE = os.path.join(ROOT, "target/release/examples/bare_lindera")


def wall(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    rounds, threads, stages, bins = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
    times = {b: [] for b in ["bare"] + bins}
    for r in range(rounds):
        times["bare"].append(wall([BARE, CORPUS, "-j", threads]))
        for b in bins:
            out = os.path.join(ROOT, "target/bench/out-ab")
            times[b].append(wall([b, "extract", CORPUS, "--out", out, "-j", threads, "-q", "--stages", stages]))
        print(r, {k: round(v[-1], 3) for k, v in times.items()}, flush=True)
    bare = statistics.median(times["bare"])
    for b in bins:
        paired = statistics.median(times["bare"][i] / times[b][i] for i in range(rounds))
        med = statistics.median(times[b])
        print(f"{b}: median wall {med:.3f} s, bare {bare:.3f} s, ratio {bare / med:.3f}, paired {paired:.3f}")


if __name__ == "__main__":
    main()
