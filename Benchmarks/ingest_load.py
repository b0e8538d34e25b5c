"""Drives Benchmarks/ingest.sh: starts the server twice on one data folder, then loads it over HTTP.

Prints each figure beside its target (issue: live, durable corpus). Only loopback traffic; every loop
is bounded in count and time.
"""
import argparse, http.client, json, os, signal, socket, subprocess, threading, time, urllib.parse

KEY = "ingest-benchmark-key"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def request(port, method, path, body=None, headers=None, timeout=120):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def start(args, port):
    env = dict(os.environ, BROADSHEET_API_KEYS=KEY)
    log = open(os.path.join(os.path.dirname(args.data.rstrip("/")) or ".", "serve.log"), "a")
    process = subprocess.Popen(
        [args.bin, "serve", "--host", "127.0.0.1", "--port", str(port), "--corpus", args.corpus, "--data", args.data,
         "--log-level", "warning"],
        stdout=log, stderr=log, env=env)
    started = time.monotonic()
    while time.monotonic() - started < 1800:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode}; see serve.log")
        try:
            status, _ = request(port, "GET", "/readyz", timeout=2)
            if status == 200:
                return process, time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit("server not ready in 30 minutes")


def stop(process):
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=120)


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


def row(name, value, unit, target):
    print(f"  {name:<48} {value:>10.2f} {unit:<6} target {target}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--posted", required=True)
    parser.add_argument("--articles", type=int, required=True)
    args = parser.parse_args()
    port = free_port()

    process, seconds = start(args, port)
    rss = peak_rss_mb(process.pid)
    _, body = request(port, "GET", "/v1/corpus")
    documents = json.loads(body)["documents"]
    print(f"first serve --corpus: {documents} documents")
    row("first start to /readyz 200", seconds, "s", "<= 120 s")
    row("peak RSS of the first start", rss, "MB", "<= 1200 MB")
    stop(process)

    process, seconds = start(args, port)
    row("restart on the same data folder to /readyz 200", seconds, "s", "<= 10 s")
    row("peak RSS of the restart", peak_rss_mb(process.pid), "MB", "(none)")

    # Two clients POST batches of 100 while a third probes /healthz.
    lines = open(args.posted, encoding="utf-8").read().splitlines()
    batches = [lines[i:i + 100] for i in range(0, len(lines), 100)]
    batch_latency, visible_after, health = [], [], []
    lock = threading.Lock()
    done = threading.Event()
    headers = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/x-ndjson"}

    def poster(part):
        for batch in part:
            t0 = time.monotonic()
            status, body = request(port, "POST", "/v1/documents", "\n".join(batch).encode(), headers)
            t1 = time.monotonic()
            if status != 200:
                raise SystemExit(f"batch POST answered {status}: {body[:200]!r}")
            last = json.loads(batch[-1])
            # Searchable: a search for a word of its title, limited to the article, finds it
            # (a get by id is real time, so it would not tell).
            word = urllib.parse.quote(last["title"].split()[0].lower())
            target = f"/v1/search?q={word}&document={urllib.parse.quote(last['id'])}"
            while time.monotonic() - t1 < 30:
                status, body = request(port, "GET", target)
                if status == 200 and json.loads(body).get("total", 0) > 0:
                    break
                time.sleep(0.01)
            with lock:
                batch_latency.append(t1 - t0)
                visible_after.append(time.monotonic() - t1)

    def prober():
        while not done.is_set():
            t0 = time.monotonic()
            request(port, "GET", "/healthz", timeout=10)
            with lock:
                health.append(time.monotonic() - t0)
            time.sleep(0.005)

    probe = threading.Thread(target=prober)
    probe.start()
    posters = [threading.Thread(target=poster, args=(batches[k::2],)) for k in range(2)]
    t0 = time.monotonic()
    for t in posters:
        t.start()
    for t in posters:
        t.join()
    wall = time.monotonic() - t0
    done.set()
    probe.join()
    posted = sum(len(b) for b in batches)
    print(f"writes: {posted} articles in NDJSON batches of 100 from two clients")
    row("sustained write rate", posted / wall, "art/s", ">= 1000 articles/s")
    row("batch answer p50", percentile(batch_latency, 50) * 1000, "ms", "(none)")
    row("searchable after the answer, p50", percentile(visible_after, 50) * 1000, "ms", "<= 1000 ms")
    row("searchable after the answer, max", max(visible_after) * 1000, "ms", "<= 1000 ms")
    row("/healthz p99 during the ingest", percentile(health, 99) * 1000, "ms", "<= 5 ms")

    single = []
    for i in range(300):
        article = json.dumps({"id": f"single-{i}", "title": f"Single article number {i}",
                              "body": f"Paragraph one of article {i}.\n\nParagraph two, said Ann Lee."})
        t0 = time.monotonic()
        status, body = request(port, "POST", "/v1/documents", article.encode(),
                               {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"})
        single.append(time.monotonic() - t0)
        if status not in (200, 201):
            raise SystemExit(f"single POST answered {status}: {body[:200]!r}")
    row("single-article POST p50 (durable)", percentile(single, 50) * 1000, "ms", "<= 20 ms")
    row("single-article POST p99 (durable)", percentile(single, 99) * 1000, "ms", "<= 100 ms")

    _, body = request(port, "GET", "/v1/corpus")
    report = json.loads(body)
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(args.data) for f in fs)
    print(f"data folder: {size / 1e6:.1f} MB for {report['stored']} articles")
    row("data folder per article", size / max(1, report["stored"]) / 1024, "KiB", "(none)")
    stop(process)


main()
