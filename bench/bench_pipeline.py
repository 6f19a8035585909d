"""The whole daily job beside trafilatura alone, the unchanged day, and many sources.

    python bench/bench_pipeline.py [--pairs 3] [--sources 650] [--skip-many]

1. The 181 real benchmark pages (tests/data/benchmark/html) served on 127.0.0.1 by the replay
   server (`add_site`), one feed listing them all: the whole daily job (crawl, processing on
   the worker pool, dedup, storage; a fresh database each time) against trafilatura alone
   (`bare_extraction` on the same pages in this process), in alternating pairs; medians and
   the throughput ratio.
2. The unchanged second run on the same database: requests, article downloads, conditional
   answers, wall time, time to the first request (start-up).
3. N sources x 5 articles, each source on a host of its own on loopback, with the configured
   politeness (download_delay, concurrent_per_domain): wall time, CPU, peak memory of the
   process tree (/proc), peak requests per host in any 1 s window and in flight at once,
   download timeouts.
Also: gzip levels on the 181 pages (ms per page, ratio), the figure behind HTML_GZIP_LEVEL.
Figures only; no target is asserted.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from kzmon.config import DEFAULT_CONFIG, Source, load_config  # noqa: E402
from kzmon.replay.server import ReplayServer  # noqa: E402

DATA = ROOT / "tests" / "data" / "benchmark"
HOST = "bench.example.kz"


def _pages() -> dict[str, bytes]:
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: gzip.decompress((DATA / "html" / f"{key}.html.gz").read_bytes()) for key in sorted(truth)}


def _feed(host: str, paths: list[str], published: datetime, title: str = "bench") -> bytes:
    items = "".join(f"<item><title>{title} {n}</title><link>https://{host}{p}</link>"
                    f"<pubDate>{format_datetime(published)}</pubDate></item>" for n, p in enumerate(paths))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'.encode()


def _config(workdir: Path, sources: list[Source], **crawl: object):
    base = load_config(DEFAULT_CONFIG)
    crawl_settings = base.crawl.model_copy(update=crawl)
    email = base.email.model_copy(update={"enabled": False})
    return base.model_copy(update={"sources": sources, "database": str(workdir / "kzmon.db"), "workdir": str(workdir),
                                   "crawl": crawl_settings, "email": email})


def _run(config, server, as_of):
    from kzmon.job import run_daily
    return run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{server.port}", progress=None, write_digest=False)


class TreeMemory:
    """Peak resident memory of this process and all its descendants, sampled from /proc."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval, self.peak, self._stop = interval, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    @staticmethod
    def _tree(pid: int) -> list[int]:
        out, todo = [], [pid]
        while todo:
            p = todo.pop()
            out.append(p)
            try:
                for task in os.listdir(f"/proc/{p}/task"):
                    todo += [int(c) for c in Path(f"/proc/{p}/task/{task}/children").read_text().split()]
            except OSError:
                pass
        return out

    def _sample(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._stop.is_set():
            total = 0
            for pid in self._tree(os.getpid()):
                try:
                    total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page
                except (OSError, IndexError, ValueError):
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def gzip_levels(pages: dict[str, bytes]) -> None:
    raw = sum(map(len, pages.values()))
    print("gzip levels on the 181 pages (ms per page, size ratio):")
    for level in (1, 4, 6, 9):
        start = time.perf_counter()
        out = [gzip.compress(p, compresslevel=level, mtime=0) for p in pages.values()]
        elapsed = time.perf_counter() - start
        print(f"  level {level}: {1000 * elapsed / len(pages):.2f} ms, {raw / sum(map(len, out)):.2f}x")


def trafilatura_alone(pages: dict[str, bytes]) -> float:
    import trafilatura
    start = time.perf_counter()
    for html in pages.values():
        trafilatura.bare_extraction(html.decode("utf-8", "replace"), include_comments=False, include_tables=True,
                                    with_metadata=True, favor_precision=True)
    return time.perf_counter() - start


def whole_job_vs_trafilatura(pairs: int) -> None:
    pages = _pages()
    gzip_levels(pages)
    as_of = datetime.fromisoformat("2026-11-20T23:00:00+05:00")
    site = {f"/p/{key}": (html, "text/html; charset=utf-8") for key, html in pages.items()}
    site["/feed.xml"] = (_feed(HOST, list(site), as_of - timedelta(hours=2)), "application/rss+xml; charset=utf-8")
    source = Source(id="bench", name="Bench", languages=["en", "ru", "kk"], feeds=[f"https://{HOST}/feed.xml"])
    trafilatura_alone(dict(list(pages.items())[:5]))  # imported and warm before the first pair
    job_times, alone_times = [], []
    with tempfile.TemporaryDirectory() as tmp, ReplayServer() as server:
        server.add_site(HOST, Path(tmp) / "site", site)
        for n in range(pairs):
            workdir = Path(tmp) / f"run{n}"
            config = _config(workdir, [source], download_delay=0.0, concurrent_per_domain=16, window_days=20000)
            start = time.perf_counter()
            summary = _run(config, server, as_of)
            job_times.append(time.perf_counter() - start)
            alone_times.append(trafilatura_alone(pages))
            print(f"  pair {n + 1}: whole job {job_times[-1]:.2f} s (crawl {summary.stage_times.get('crawl_s')} s, "
                  f"processing after it {summary.stage_times.get('processing_after_crawl_s')} s; {summary.new_articles} articles stored, "
                  f"{summary.status}), trafilatura alone {alone_times[-1]:.2f} s")
        job, alone = statistics.median(job_times), statistics.median(alone_times)
        print(f"whole daily job on {len(pages)} pages: {len(pages) / job:.1f} pages/s (median {job:.2f} s); "
              f"trafilatura alone: {len(pages) / alone:.1f} pages/s (median {alone:.2f} s); "
              f"ratio {alone / job:.2f}x (target >= 0.8x)")

        # 2. the unchanged day, on the last pair's database
        mark = time.monotonic()
        before = len(server.requests)
        start = time.perf_counter()
        summary = _run(config, server, as_of)
        elapsed = time.perf_counter() - start
        with server._lock:
            log = list(zip(server.requests[before:], server.received_times[before:]))
        articles = [r for r, _ in log if r[0] == "GET" and r[2].startswith("/p/")]
        feeds = [r for r, _ in log if r[2] == "/feed.xml"]
        first = min((when for _, when in log), default=mark) - mark
        print(f"unchanged second run: {len(log)} requests ({len(feeds)} to the one discovery URL, answered "
              f"{','.join(str(r[3]) for r in feeds)}), {len(articles)} article downloads, {summary.new_articles} new "
              f"articles, {elapsed:.2f} s wall, first request {first:.2f} s after the start (target: start-up < 2 s)")


def many_sources(count: int) -> None:
    as_of = datetime.fromisoformat("2026-11-20T23:00:00+05:00")
    body = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{t}</title>"
            "<meta property='article:published_time' content='{p}'></head><body><article><h1>{t}</h1>"
            "<p>The akimat of region {i} said on Monday that a new plant number {n} worth {i}{n} billion tenge "
            "will be built near the city, creating {n}00 jobs, according to the regional press service.</p>"
            "<p>Construction starts in spring; the plant will supply the domestic market first and later "
            "export part of its output to neighbouring countries.</p></article></body></html>")
    published = as_of - timedelta(hours=3)
    sources = []
    with tempfile.TemporaryDirectory() as tmp, ReplayServer() as server:
        for i in range(count):
            host = f"src{i}.example.kz"
            paths = [f"/news/{n}" for n in range(1, 6)]
            site = {p: (body.format(t=f"Source {i} plant {n}", p=published.isoformat(), i=i, n=n).encode(),
                        "text/html; charset=utf-8") for n, p in enumerate(paths, 1)}
            site["/rss"] = (_feed(host, paths, published, f"source {i}"), "application/rss+xml; charset=utf-8")
            server.add_site(host, Path(tmp) / f"site{i}", site)
            sources.append(Source(id=f"src{i}", name=f"Source {i}", languages=["en"], feeds=[f"https://{host}/rss"]))
        base = load_config(DEFAULT_CONFIG).crawl
        config = _config(Path(tmp) / "many", sources)
        cpu, start = _cpu(), time.perf_counter()
        with TreeMemory() as memory:
            summary = _run(config, server, as_of)
        wall, cpu = time.perf_counter() - start, _cpu() - cpu
        with server._lock:
            spans = list(zip(server.requests, server.received_times, server.request_times))
        by_host: dict[str, list[tuple[float, float]]] = {}
        for (method, host, target, status), got, done in spans:
            by_host.setdefault(host, []).append((got, done))
        rate = max(max(sum(1 for g, _ in s if t <= g < t + 1.0) for t, _ in s) for s in by_host.values())
        flight = max(max(sum(1 for g, d in s if g <= t < d) for t, _ in s) for s in by_host.values())
        timeouts = sum(1 for s in summary.sources if "timed out" in (s.get("last_error") or "")
                       or "timeout" in (s.get("last_error") or ""))
        print(f"{count} sources x 5 articles on loopback (download_delay {base.download_delay} s, "
              f"{base.concurrent_per_domain} per host): {wall:.1f} s wall (target < 120 s), {cpu:.1f} s CPU, "
              f"peak memory of the process tree (this process, which serves the sites, included) "
              f"{memory.peak / 2**20:.0f} MB (target <= 500 MB), "
              f"{summary.new_articles} articles stored, {len(spans)} requests, status {summary.status}, "
              f"{sum(s['errors'] for s in summary.sources)} errors, {timeouts} download timeouts; "
              f"peak per host: {rate} requests in any 1 s, {flight} in flight at once "
              f"(configured: {base.concurrent_per_domain} at once, one per {base.download_delay} s "
              f"randomised 0.5-1.5x, so at most 2 in any 1 s)")


def main() -> None:  # noqa: D103
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--sources", type=int, default=650)
    parser.add_argument("--skip-many", action="store_true")
    parser.add_argument("--skip-pairs", action="store_true")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores")
    # many sources first: the process tree it measures includes this process (it serves the
    # sites), which should not yet hold trafilatura, imported for the pairs
    if not args.skip_many:
        many_sources(args.sources)
    if not args.skip_pairs:
        whole_job_vs_trafilatura(args.pairs)


if __name__ == "__main__":
    main()
