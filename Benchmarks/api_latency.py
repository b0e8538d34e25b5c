#!/usr/bin/env python3
"""Latency of the list and analytics endpoints on a running server, uncached: every request differs
(another entity, word, document or page), so the response cache never answers. Prints p50/p99 per
endpoint beside the targets (lists p50 <= 50 ms; analytics p50 <= 50 ms and p99 <= 200 ms).

Usage: Benchmarks/api_latency.py --url http://127.0.0.1:8080 [--requests 200]
"""

import argparse
import json
import random
import re
import time
import urllib.parse
import urllib.request


def get(base, path):
    start = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=60) as response:
        body = response.read()
        status = response.status
    return (time.perf_counter() - start) * 1000, status, body


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    base = args.url.rstrip("/")
    rng = random.Random(20261207)

    corpus = json.loads(get(base, "/v1/corpus")[2])
    entities = [e["id"] for e in json.loads(get(base, "/v1/entities?limit=100")[2])["data"]]
    entities += [e["id"] for e in json.loads(get(base, "/v1/entities?limit=100&offset=100")[2])["data"]]
    documents = []
    for offset in range(0, 2000, 100):
        documents += [d for d in json.loads(get(base, f"/v1/documents?limit=100&offset={offset}")[2])["data"]]
    words = sorted({w.lower() for d in documents for w in re.findall(r"[A-Za-z]{5,}", d["title"])})
    publications = sorted({d["publication"] for d in documents if d.get("publication")}) or ["none"]
    print(f"server: {corpus['documents']} documents; {args.requests} requests per endpoint, each one different")

    def entity():
        return urllib.parse.quote(rng.choice(entities))

    def word():
        return urllib.parse.quote(rng.choice(words))

    def page():
        return f"{rng.randrange(0, 50) * 20}&limit={rng.randrange(1, 101)}"

    cases = [
        ("list", "/v1/documents (page)", lambda: f"/v1/documents?offset={page()}"),
        ("list", "/v1/documents?entity=", lambda: f"/v1/documents?entity={entity()}&limit={rng.randrange(1, 101)}"),
        ("list", "/v1/documents?from=&to=", lambda: f"/v1/documents?from=20{rng.randrange(20, 26)}&offset={page()}"),
        ("list", "/v1/entities (page)", lambda: f"/v1/entities?offset={page()}"),
        ("list", "/v1/entities?type=person", lambda: f"/v1/entities?type=person&offset={page()}"),
        ("list", "/v1/entities?q=", lambda: f"/v1/entities?q={word()[:4]}&limit={rng.randrange(1, 101)}"),
        ("list", "/v1/documents?publication=", lambda: f"/v1/documents?publication={urllib.parse.quote(rng.choice(publications))}&offset={page()}"),
        ("list", "/v1/quotes (page)", lambda: f"/v1/quotes?offset={page()}"),
        ("list", "/v1/quotes?speaker=", lambda: f"/v1/quotes?speaker={entity()}&limit={rng.randrange(1, 101)}"),
        ("list", "/v1/quotes?q=", lambda: f"/v1/quotes?q={word()}&limit={rng.randrange(1, 101)}"),
        ("list", "/v1/quotes?kind=", lambda: f"/v1/quotes?kind={rng.choice(['direct', 'partial'])}&offset={page()}"),
        ("list", "/v1/events (page)", lambda: f"/v1/events?offset={page()}"),
        ("list", "/v1/events?entity=", lambda: f"/v1/events?entity={entity()}&limit={rng.randrange(1, 101)}"),
        ("list", "/v1/events?type=", lambda: f"/v1/events?type={rng.choice(['meeting', 'statement', 'agreement', 'other'])}&offset={page()}"),
        ("analytics", "/v1/trends?facet=person", lambda: f"/v1/trends?facet=person&limit={rng.randrange(1, 101)}"),
        ("analytics", "/v1/trends?q=", lambda: f"/v1/trends?facet=entity&q={word()}"),
        ("analytics", "/v1/trends?from= (a year)", lambda: (lambda y: f"/v1/trends?facet=person&from={y}&to={y}&limit={rng.randrange(1, 101)}")(2020 + rng.randrange(0, 6))),
        ("analytics", "/v1/trends?entity=", lambda: f"/v1/trends?facet=organization&entity={entity()}&limit={rng.randrange(1, 101)}"),
        ("analytics", "/v1/timeseries?entity=", lambda: f"/v1/timeseries?entity={entity()}&interval={rng.choice(['week', 'month', 'year'])}"),
        ("analytics", "/v1/timeseries?q=", lambda: f"/v1/timeseries?q={word()}&interval=week"),
        ("analytics", "/v1/documents/{id}/related", lambda: "/v1/documents/" + urllib.parse.quote(rng.choice(documents)["id"]) + f"/related?limit={rng.randrange(5, 20)}"),
        ("analytics", "/v1/search?facets=", lambda: f"/v1/search?q={word()}&facets=person,publication&limit={rng.randrange(1, 101)}"),
    ]
    for kind, name, make in cases:
        # Distinct targets only: the response cache keeps an answer per target until the next publish.
        targets = []
        seen = set()
        for _ in range(args.requests * 50):
            target = make()
            if target not in seen:
                seen.add(target)
                targets.append(target)
            if len(targets) == args.requests:
                break
        times = []
        for target in targets:
            ms, status, _ = get(base, target)
            if status != 200:
                raise SystemExit(f"{name}: status {status}")
            times.append(ms)
        goal = "p50 <= 50 ms" if kind == "list" else "p50 <= 50 ms, p99 <= 200 ms"
        print(f"  {name:<34} p50 {percentile(times, 50):8.1f} ms   p99 {percentile(times, 99):8.1f} ms   ({len(times)} targets)  target {goal}")


if __name__ == "__main__":
    main()
