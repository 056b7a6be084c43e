#!/usr/bin/env bash
# Seeds the fuzz corpus (fuzz/corpus/pipeline/) from the bundled articles: every corpus/**/*.txt
# as it is, and every line of corpus/articles.jsonl as one JSONL input.
set -euo pipefail
cd "$(dirname "$0")"
out=corpus/pipeline
mkdir -p "$out"
find ../corpus -name '*.txt' -print0 | while IFS= read -r -d '' f; do
  cp "$f" "$out/txt_$(basename "$f")"
done
n=0
while IFS= read -r line; do
  n=$((n + 1))
  printf '%s\n' "$line" > "$out/jsonl_$n"
done < ../corpus/articles.jsonl
echo "seeded $(ls "$out" | wc -l) inputs into fuzz/$out"
