#!/usr/bin/env python3
"""Runs our search benchmark, then the same corpus and queries through Tantivy and SQLite FTS5, and
prints our figures as ratios to theirs. Usage: search_compare.py OUT_DIR OURS_COMMAND...

OURS_COMMAND is `broadsheet-bench search --out OUT_DIR --serve ...`: it writes the corpus, the queries
and its own figures (ours.json), then keeps its index and answers timing requests on its standard input.

Timing: CPU time of the calling thread around each search call (time.thread_time here, the same clock
on the Swift side), best of three runs per query, because the machine is shared. Two orders: back to
back (the later runs find the query's data in the CPU caches) and interleaved (three rounds over the
whole list: each run starts with other queries' data in the caches). Ranking-only latencies are timed
in turns with Tantivy's: per query type and order, one engine times the list, then the other, three
times, the engine going first alternating, each query keeping its best of nine runs; a slow spell of
the shared machine then falls on both, and one that covers a whole turn is outvoted. Back-to-back turns also time the list with snippets: ours, and Tantivy's
(top 10, then each hit's stored body fetched and its SnippetGenerator's HTML and highlights made, from a
second copy of its index that stores the body, built untimed). Tantivy's snippet generator marks only
plain terms, not regex (prefix) or fuzzy (typo) matches, so those types have no Tantivy snippet figure.
FTS5 is timed on its own. Build: process CPU time (Tantivy's
writer threads included) and wall time. Each engine indexes one record per article (a title field and
a body field holding the paragraphs; Tantivy's body has one value per paragraph) and returns the top 10
articles by BM25, every query word required (in the title or the body).

Relevance: per query type, the mean top-10 overlap |ours ∩ Tantivy's| / max(|ours|, |Tantivy's|) of
the article ids, over the queries where either finds something, with our typo tolerance and proximity
bonus switched off (the `top` request of our benchmark) so that both rank by plain BM25. Prefix and
typo queries are listed too (typo queries with our typo tolerance on), but Tantivy gives every regex
match the same score, and its fuzzy scores differ from our weighted expansions, so those two rows are
not comparable rankings.
"""
import json, os, shutil, sqlite3, subprocess, sys, time

out = sys.argv[1]
types = ["1-word", "2-word", "phrase", "prefix", "typo"]


class Ours:
    """Our benchmark process, serving timing requests (see serveTimings in SearchBenchmark.swift)."""

    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        for line in self.process.stdout:
            if line.strip() == "ready":
                return
            print(line, end="", flush=True)
        sys.exit("our benchmark ended before serving (exit status %s)" % self.process.wait())

    def time_list(self, ks, mode):
        """Best time (ms) and whether anything was found, per query, timed in `mode`."""
        request = mode + " " + " ".join(map(str, ks))
        self.process.stdin.write(request + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer or answer.startswith("error"):
            sys.exit("our benchmark answered %r to %r" % (answer, request[:80]))
        pairs = [x.split(":") for x in answer.split()]
        return [float(ms) for ms, _ in pairs], [found == "1" for _, found in pairs]

    def top(self, ks, typos=False):
        """Our top 10 article ids per query, ranked by plain BM25 (no proximity bonus; no typo
        tolerance unless `typos`, for misspelt queries)."""
        self.process.stdin.write(("top-typo " if typos else "top ") + " ".join(map(str, ks)) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer or answer.startswith("error"):
            sys.exit("our benchmark answered %r to a top request" % answer)
        return [[] if g == "-" else g.split(",") for g in answer.split()]

    def close(self):
        self.process.stdin.write("quit\n")
        self.process.stdin.close()
        self.process.wait()


ours_process = Ours(sys.argv[2:])
ours = json.load(open(os.path.join(out, "ours.json")))
queries = [json.loads(l) for l in open(os.path.join(out, "queries.jsonl"))]


def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def records():
    with open(os.path.join(out, "corpus.jsonl")) as f:
        for line in f:
            yield json.loads(line)


def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round((len(xs) - 1) * p)))] if xs else 0.0


def time_list(run, qs, mode):
    """Best of three runs per query (CPU time of this thread), as the Swift side does: back to back,
    the later runs find the query's data in the CPU caches; interleaved (three rounds over the whole
    list), each run starts with other queries' data in them."""
    best = [float("inf")] * len(qs)
    found = [False] * len(qs)
    order = [k for _ in range(3) for k in range(len(qs))] if mode == "interleaved" else [k for k in range(len(qs)) for _ in range(3)]
    for k in order:
        s = time.thread_time()
        n = run(qs[k])
        best[k] = min(best[k], (time.thread_time() - s) * 1000)
        found[k] = bool(n)
    return best, found


def summary(best, found):
    return (percentile(best, 0.5), percentile(best, 0.99), sum(found), len(best))


def time_queries(run):
    result = {}
    for t in types:
        qs = [q for q in queries if q["type"] == t]
        for q in qs:  # warm-up
            run(q)
        for mode in ("back-to-back", "interleaved"):
            result[t if mode == "back-to-back" else t + "/interleaved"] = summary(*time_list(run, qs, mode))
    return result


# Turns per query type and order in time_in_turns: with two, a slow spell of the shared machine that
# covered one engine's two turns of a heavy query decided that engine's p99 (a 1.1x swing either way).
TURNS = 3


def time_in_turns(run, run_with_snippets, snippet_types):
    """time_queries for an engine and ours taking turns: per query type and order, one engine times
    the whole list, then the other; all that three times, the engine going first alternating, keeping each
    query's best. Back to back, each engine also times the list with snippets (Tantivy's only for
    `snippet_types`). Returns (theirs, ours) in time_queries' shape, with "TYPE/snippets" entries."""
    theirs_result, ours_result = {}, {}
    for n, t in enumerate(types):
        ks = [k for k, q in enumerate(queries) if q["type"] == t]
        qs = [queries[k] for k in ks]
        ours_process.time_list(ks, "interleaved")  # warm-up
        for q in qs:
            run(q)
        for mode in ("back-to-back", "interleaved"):
            theirs = ([float("inf")] * len(ks), [False] * len(ks))
            ours = ([float("inf")] * len(ks), [False] * len(ks))
            ours_snippets = [float("inf")] * len(ks)
            theirs_snippets = [float("inf")] * len(ks)
            snippets = mode == "back-to-back"
            for turn in range(TURNS):
                for engine in (("ours", "theirs") if (n + turn) % 2 == 0 else ("theirs", "ours")):
                    if engine == "ours":
                        best, found = ours_process.time_list(ks, mode)
                        ours = ([min(a, b) for a, b in zip(ours[0], best)], found)
                        if snippets:
                            best, _ = ours_process.time_list(ks, "back-to-back-with-snippets")
                            ours_snippets = [min(a, b) for a, b in zip(ours_snippets, best)]
                    else:
                        best, found = time_list(run, qs, mode)
                        theirs = ([min(a, b) for a, b in zip(theirs[0], best)], found)
                        if snippets and t in snippet_types:
                            best, _ = time_list(run_with_snippets, qs, mode)
                            theirs_snippets = [min(a, b) for a, b in zip(theirs_snippets, best)]
            key = t if mode == "back-to-back" else t + "/interleaved"
            theirs_result[key] = summary(*theirs)
            ours_result[key] = summary(*ours)
            if snippets:
                ours_result[t + "/snippets"] = summary(ours_snippets, ours[1])
                if t in snippet_types:
                    theirs_result[t + "/snippets"] = summary(theirs_snippets, theirs[1])
    return theirs_result, ours_result


def typo_distance(word):
    return 2 if len(word) >= 9 else 1


# ---------------------------------------------------------------- Tantivy
def run_tantivy():
    import tantivy

    def schema_storing_body(stored):
        sb = tantivy.SchemaBuilder()
        sb.add_text_field("title", stored=False, tokenizer_name="en_stem")
        sb.add_text_field("body", stored=stored, tokenizer_name="en_stem", index_option="position")
        sb.add_text_field("id", stored=True, tokenizer_name="raw")
        return sb.build()

    def build(name, schema, threads):
        path = os.path.join(out, name)
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(path)
        index = tantivy.Index(schema, path=path)
        writer = index.writer(heap_size=256_000_000, num_threads=threads)
        for r in records():
            writer.add_document(tantivy.Document(id=r["id"], title=r["title"], body=r["paragraphs"]))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        return index, path

    schema = schema_storing_body(False)
    rss0 = rss()
    w0, c0 = time.perf_counter(), time.process_time()
    index, path = build("tantivy-index", schema, 1)
    build_wall, build_cpu = time.perf_counter() - w0, time.process_time() - c0
    searcher = index.searcher()
    size = sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path))
    rss_delta = rss() - rss0
    print("indexing with Tantivy again, storing the body for snippets (untimed)…", flush=True)
    stored_schema = schema_storing_body(True)
    stored_index, stored_path = build("tantivy-stored-index", stored_schema, 2)
    stored_searcher = stored_index.searcher()
    os.sync()  # the index files' writeback would otherwise run during the first timings

    def make_query(q, index, schema):
        words = q["words"]
        t = q["type"]
        if t == "1-word":
            return index.parse_query(words[0], ["title", "body"])
        elif t == "2-word":
            return index.parse_query("+" + words[0] + " +" + words[1], ["title", "body"])
        elif t == "phrase":
            return index.parse_query('"' + " ".join(words) + '"', ["title", "body"])
        elif t == "prefix":
            return tantivy.Query.regex_query(schema, "body", words[0] + ".*")
        return tantivy.Query.fuzzy_term_query(schema, "body", words[0], distance=typo_distance(words[0]), transposition_cost_one=True)

    def run(q):
        return len(searcher.search(make_query(q, index, schema), 10).hits)

    def run_with_snippets(q):
        query = make_query(q, stored_index, stored_schema)
        hits = stored_searcher.search(query, 10).hits
        generator = tantivy.SnippetGenerator.create(stored_searcher, query, stored_schema, "body")
        generator.set_max_num_chars(240)  # our snippet window
        for _, address in hits:
            snippet = generator.snippet_from_doc(stored_searcher.doc(address))
            snippet.to_html()
            snippet.highlighted()
        return len(hits)

    theirs, ours_in_turns = time_in_turns(run, run_with_snippets, {"1-word", "2-word", "phrase"})

    overlap = {}
    for t in types:
        ks = [k for k, q in enumerate(queries) if q["type"] == t]
        ours_top = ours_process.top(ks, typos=t == "typo")
        scores = []
        for k, mine in zip(ks, ours_top):
            query = make_query(queries[k], stored_index, stored_schema)
            theirs_top = [stored_searcher.doc(a)["id"][0] for _, a in stored_searcher.search(query, 10).hits]
            if mine or theirs_top:
                scores.append(len(set(mine) & set(theirs_top)) / max(len(mine), len(theirs_top)))
        overlap[t] = (sum(scores) / len(scores) if scores else float("nan"), len(scores), len(ks))
    shutil.rmtree(stored_path, ignore_errors=True)
    return {"build_wall": build_wall, "build_cpu": build_cpu, "bytes": size, "rss": rss_delta, "latency": theirs, "ours_in_turns": ours_in_turns,
            "overlap": overlap}


# ---------------------------------------------------------------- SQLite FTS5
def run_fts5():
    path = os.path.join(out, "fts5.db")
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61')")
    w0, c0 = time.perf_counter(), time.process_time()
    db.executemany("INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)", ((n, r["title"], "\n\n".join(r["paragraphs"])) for n, r in enumerate(records())))
    db.commit()
    build_wall, build_cpu = time.perf_counter() - w0, time.process_time() - c0
    size = os.path.getsize(path)

    def run(q):
        words = q["words"]
        t = q["type"]
        if t == "1-word":
            m = words[0]
        elif t == "2-word":
            m = words[0] + " " + words[1]
        elif t == "phrase":
            m = '"' + " ".join(words) + '"'
        elif t == "prefix":
            m = words[0] + "*"
        else:
            return None  # FTS5 has no fuzzy matching
        return len(db.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT 10", (m,)).fetchall())

    lat = time_queries(run)
    lat["typo"] = lat["typo/interleaved"] = None
    return {"build_wall": build_wall, "build_cpu": build_cpu, "bytes": size, "rss": 0, "latency": lat}


def ratio(a, b):
    return "%.2fx" % (a / b) if b else "n/a"


mb = ours["bytes"] / 1e6
print("corpus: %d articles, %d paragraphs, %.1f MB" % (ours["articles"], ours["paragraphs"], mb))
print("ours: index file %.1f MB, opened from disk in %.3f s" % (ours["file_bytes"] / 1e6, ours["open_seconds"]))
engines = {}
print("indexing with Tantivy…", flush=True)
engines["tantivy"] = run_tantivy()
ours_process.close()
in_turns = engines["tantivy"]["ours_in_turns"]
if os.environ.get("SKIP_FTS5") != "1":
    print("indexing with SQLite FTS5…", flush=True)
    engines["fts5"] = run_fts5()

print()
print("%-32s %14s" % ("", "broadsheet") + "".join("%14s %8s" % (n, "ratio") for n in engines))
def row(label, value, fmt, key, better_low=True):
    line = "%-32s %14s" % (label, fmt % value)
    for n, e in engines.items():
        v = key(e)
        line += "%14s %8s" % (fmt % v if v is not None else "n/a", ratio(value, v) if v else "n/a")
    print(line)

row("build CPU s", ours["build_cpu_seconds"], "%.2f", lambda e: e["build_cpu"])
row("build CPU MB/s", mb / ours["build_cpu_seconds"], "%.1f", lambda e: mb / e["build_cpu"])
row("build wall s", ours["build_seconds"], "%.2f", lambda e: e["build_wall"])
row("index MB", ours["index_bytes"] / 1e6, "%.1f", lambda e: e["bytes"] / 1e6)
for t in types:
    for label, key in (("", t), (" (interleaved)", t + "/interleaved"), (" (with snippets)", t + "/snippets")):
        row(t + " p50 ms" + label, in_turns[key][0], "%.3f", lambda e: e["latency"][key][0] if e["latency"].get(key) else None)
        row(t + " p99 ms" + label, in_turns[key][1], "%.3f", lambda e: e["latency"][key][1] if e["latency"].get(key) else None)
print()
print("relevance: mean top-10 overlap with Tantivy (article ids; ours without typo tolerance or proximity bonus;")
print("  prefix and typo: Tantivy ranks regex matches alike and fuzzy ones otherwise, not comparable)")
for t in types:
    mean, n, total = engines["tantivy"]["overlap"][t]
    print("  %-8s %.3f  (%d of %d queries found something in either engine)" % (t, mean, n, total))
for n, e in engines.items():
    print("%s: queries with hits: %s" % (n, ", ".join("%s %d/%d" % (t, v[2], v[3]) for t, v in e["latency"].items() if v and "/" not in t)))
print("ratios: ours / theirs (below 1.00x: we are faster or smaller); every latency row timed in turns with Tantivy;")
print("plain rows: ranking only (top 10), back to back; with snippets: top 10 and each hit's highlighted snippet (n/a: the engine makes none for that type)")
