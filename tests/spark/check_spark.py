"""Checks `kornews pipe` under Spark (local[2]): rdd.pipe, Spark SQL TRANSFORM, wholeTextFiles.

Run by tests/spark/run.sh, which installs a pinned pyspark in target/spark-venv. Usage:

    python tests/spark/check_spark.py [BINARY]      # default: target/release/kornews

Each check compares the rows Spark returns with one local `kornews pipe` run on the same lines:
as sorted lines (the multiset of rows), and in order where Spark keeps the partition order.
Prints `spark: N passed, M failed` and exits 1 when a check failed.
"""

import json
import os
import shutil
import subprocess
import sys
import time
import traceback

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "kornews"))
WORK = os.path.join(ROOT, "target", "spark-check")


def corpus_records():
    """corpus/articles.jsonl and every .txt of corpus/articles (id = file name) as dicts."""
    records = []
    with open(os.path.join(ROOT, "corpus", "articles.jsonl"), encoding="utf-8") as f:
        records += [json.loads(line) for line in f if line.strip()]
    folder = os.path.join(ROOT, "corpus", "articles")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                records.append({"id": name, "text": f.read()})
    return records


# The columns of each table, as in README "Tables" (without the leading `table` field of pipe).
COLUMNS = {
    "documents": "doc_id,source,title,published,published_from,encoding,outlet,byline,chars,sentences,entities,quotes,commitments,status,message",
    "sentences": "doc_id,sentence,start,end,kind,text",
    "entities": "doc_id,entity_id,sentence,start,end,type,text,canonical,normalized",
    "quotes": "doc_id,quote_id,sentence,start,end,kind,text,speaker,speaker_text,verb",
    "commitments": "doc_id,commitment_id,sentence,start,end,actor,action,object,deadline_text,deadline,modality,condition,quote_id,text",
}
COLUMNS = {t: c.split(",") for t, c in COLUMNS.items()}


def fixture_lines(minimum=200):
    """At least `minimum` articles (the corpus repeated with new ids), a blank line and a
    malformed one in the middle."""
    base = corpus_records()
    lines = []
    rep = 0
    while len(lines) < minimum:
        for r in base:
            r = dict(r, id=f"r{rep}/{r['id']}")
            lines.append(json.dumps(r, ensure_ascii=False))
        rep += 1
    middle = len(lines) // 2
    lines[middle:middle] = ["", '{"id": "broken", "text": "잘린 줄']
    # A tab inside a field: Spark SQL TRANSFORM splits output lines on tabs unless told otherwise.
    tab = "정부는\t2일 새 대책을 발표했다. 장관은 \"연내 시행하겠다\"고 말했다."
    lines.append(json.dumps({"id": "tab\tid", "text": tab}, ensure_ascii=False))
    return lines


def local_pipe(lines, *args):
    """One local run of `kornews pipe` on all the lines: the reference."""
    data = ("\n".join(lines) + "\n").encode("utf-8")
    p = subprocess.run([BINARY, "pipe", *args], input=data, capture_output=True, check=True)
    return p.stdout.decode("utf-8").splitlines()


def kornews_pipe(lines, *args):
    """Runs the kornews binary shipped with --files / sc.addFile on one partition of JSONL lines
    (the helper of README, "Running on a cluster")."""
    import subprocess
    import threading
    from pyspark import SparkFiles

    p = subprocess.Popen([SparkFiles.get("kornews"), "pipe", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def feed():
        try:
            for line in lines:
                p.stdin.write(line.encode("utf-8") + b"\n")
        finally:
            p.stdin.close()

    t = threading.Thread(target=feed)
    t.start()
    for row in p.stdout:
        yield row.decode("utf-8").rstrip("\n")
    t.join()
    if p.wait() != 0:
        raise RuntimeError(f"kornews pipe exited with status {p.returncode}")


def main():
    from pyspark.sql import SparkSession

    os.makedirs(WORK, exist_ok=True)
    lines = fixture_lines()
    articles = sum(1 for l in lines if l.strip()) - 1
    assert articles >= 200, articles
    with open(os.path.join(WORK, "fixture.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    want = local_pipe(lines)
    assert sum(1 for l in want if l.startswith("documents,")) == articles + 1
    assert any(l.startswith("documents,") and ",error," in l for l in want)
    assert any("\t" in l for l in want), "a row holds a tab"

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("kornews-pipe-check")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    results = []

    def check(name, fn):
        t0 = time.time()
        try:
            fn()
            results.append((name, True))
            print(f"ok     {name} ({time.time() - t0:.1f} s)", flush=True)
        except Exception:
            results.append((name, False))
            print(f"FAILED {name}", flush=True)
            traceback.print_exc()

    def same_rows(got, expected, ordered):
        assert len(got) == len(expected), f"{len(got)} rows, expected {len(expected)}"
        assert sorted(got) == sorted(expected), "the multiset of rows differs"
        if ordered:
            assert got == expected, "same rows, other order"

    # rdd.pipe with several partition counts. checkCode=True: a failing binary fails the job.
    for n in (1, 3, 8):
        def run(n=n):
            rdd = sc.parallelize(lines, n)
            assert rdd.getNumPartitions() == n
            got = rdd.pipe(f"{BINARY} pipe", checkCode=True).collect()
            # The output of an article depends only on that article, and collect() keeps the
            # partition order: the rows come back in the local run's order too.
            same_rows(got, want, ordered=True)
        check(f"rdd.pipe, {n} partition(s)", run)

    # The rows split back into one DataFrame per table (README, "Running on a cluster").
    def split_back():
        import csv
        import io

        rows = sc.parallelize(lines, 3).pipe(f"{BINARY} pipe", checkCode=True).cache()
        for table, columns in COLUMNS.items():
            prefix = table + ","
            body = rows.filter(lambda r, p=prefix: r.startswith(p)).map(lambda r, p=prefix: r[len(p):])
            df = spark.read.csv(body, quote='"', escape='"', header=False).toDF(*columns)
            got = sorted(tuple("" if v is None else v for v in r) for r in df.collect())
            local = [l[len(prefix):] for l in want if l.startswith(prefix)]
            expected = sorted(tuple(r) for r in csv.reader(io.StringIO("\n".join(local))))
            assert len(got) == len(expected) > 0, (table, len(got), len(expected))
            assert got == expected, f"{table}: the DataFrame differs from the rows"
    check("rows split back into DataFrames, one per table", split_back)

    # The binary shipped with sc.addFile (as --files does) and run from where Spark put it.
    def shipped():
        sc.addFile(BINARY)

        got = sc.parallelize(lines, 3).mapPartitions(kornews_pipe).collect()
        same_rows(got, want, ordered=True)
    check("sc.addFile + SparkFiles.get, 3 partitions", shipped)

    # Spark SQL: SELECT TRANSFORM over a table of JSONL lines read from a file.
    def transform():
        path = os.path.join(WORK, "fixture.jsonl")
        spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW articles_file USING text OPTIONS (path '{path}')")
        spark.table("articles_file").repartition(3).createOrReplaceTempView("articles")
        out = spark.sql(
            f"""
            SELECT TRANSFORM (value)
              USING '{BINARY} pipe'
              AS (row STRING)
              ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\n'
            FROM articles
            """
        )
        got = [r.row for r in out.collect()]
        same_rows(got, want, ordered=False)
    check("Spark SQL SELECT TRANSFORM, 3 partitions", transform)

    # wholeTextFiles over a folder of .txt articles, turned into JSONL lines in Python.
    def whole_text_files():
        folder = os.path.join(WORK, "txt")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        for r in corpus_records():
            with open(os.path.join(folder, f"{r['id']}.txt" if not r["id"].endswith(".txt") else r["id"]), "w", encoding="utf-8") as f:
                f.write(r["text"])

        def to_jsonl(pair):
            path, text = pair
            return json.dumps({"id": os.path.basename(path), "text": text}, ensure_ascii=False)

        rdd = sc.wholeTextFiles(folder, minPartitions=4).map(to_jsonl)
        got = rdd.pipe(f"{BINARY} pipe", checkCode=True).collect()
        local_lines = []
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                local_lines.append(json.dumps({"id": name, "text": f.read()}, ensure_ascii=False))
        expected = local_pipe(local_lines)
        assert sum(1 for l in expected if l.startswith("documents,")) == len(local_lines) >= 20
        same_rows(got, expected, ordered=False)
    check("wholeTextFiles folder → JSONL → rdd.pipe", whole_text_files)

    # A binary that fails (unknown option) must fail the job, through rdd.pipe and TRANSFORM.
    # Spark logs those task failures as errors: they are expected, so the log is quiet meanwhile.
    print("(the next two checks make tasks fail on purpose)", flush=True)
    sc.setLogLevel("OFF")
    def failing_pipe():
        try:
            sc.parallelize(lines[:5], 2).pipe(f"{BINARY} pipe --no-such-option", checkCode=True).collect()
        except Exception as e:  # Py4JJavaError wrapping the task failure
            assert "exit" in str(e).lower() or "status" in str(e).lower(), str(e)[:500]
            return
        raise AssertionError("the job did not raise")
    check("failing binary fails rdd.pipe", failing_pipe)

    def failing_transform():
        spark.createDataFrame([(l,) for l in lines[:5]], ["value"]).createOrReplaceTempView("few")
        try:
            spark.sql(f"SELECT TRANSFORM (value) USING '{BINARY} pipe --no-such-option' AS (row STRING) FROM few").collect()
        except Exception:
            return
        raise AssertionError("the query did not raise")
    check("failing binary fails SELECT TRANSFORM", failing_transform)
    sc.setLogLevel("ERROR")

    spark.stop()
    passed = sum(1 for _, ok in results if ok)
    failed = len(results) - passed
    print(f"spark: {passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
