"""The whole daily job beside trafilatura alone, the unchanged day, and many sources.

    python bench/bench_pipeline.py [--pairs 3] [--sources 650] [--skip-many]

1. The 181 real benchmark pages (tests/data/benchmark/html, the repository's copy of
   /work/shared/corpora/article-extraction-benchmark) served on 127.0.0.1 by the replay
   server (`add_site`), one feed listing them all: the whole daily job (crawl, processing on
   the worker pool, dedup, storage; a fresh database each time) against trafilatura alone
   (`bare_extraction` on the same pages in this process), in alternating pairs; medians and
   the throughput ratio. Each job's CPU split (crawl process, workers, this process: the
   single writer, and the replay server's threads) says where its time went, and a worker's
   page is timed step by step in this process (text layer, extractor, stemmer, dedup's
   signature), beside trafilatura alone on the same page.
2. The unchanged second run on the same database: requests, article downloads, conditional
   answers, wall time, time to the first request (start-up). The same for every configured
   source over the bundled snapshot (feeds, sitemaps, listings and the gov.kz API, whose
   replica is run with and without ETags): requests per discovery URL, API requests per
   project and language, article downloads.
3. N sources x 5 articles, each source on a host of its own on loopback, with the configured
   politeness (download_delay, concurrent_per_domain): wall time, CPU, peak memory of the
   process tree (/proc, proportional set size: the pool's workers are forked from one warm
   server and share its pages copy-on-write, which resident sizes would count once per
   process), peak requests per host in any 1 s window and in flight at once, download
   timeouts.
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
    """Peak memory of this process and all its descendants, sampled from /proc: the sum of
    their proportional set sizes (smaps_rollup "Pss:", a page shared by n processes counts
    1/n in each). The pool's workers are forks of one warm server (kzmon/processing.py) and
    share most of its memory copy-on-write; summing resident sizes would count those pages
    once per worker (their sum is kept beside it, `peak_rss`, for comparison). Where
    smaps_rollup is missing (kernels before 4.14), resident size."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval, self.peak, self.peak_rss, self._stop = interval, 0, 0, threading.Event()
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

    @staticmethod
    def _sizes(pid: int, page: int) -> tuple[int, int]:
        """(PSS, RSS) of one process, in bytes."""
        try:
            rss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page
        except (OSError, IndexError, ValueError):
            return 0, 0
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024, rss
        except (OSError, IndexError, ValueError):
            pass
        return rss, rss

    def _sample(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._stop.is_set():
            sizes = [self._sizes(pid, page) for pid in self._tree(os.getpid())]
            total = sum(pss for pss, _ in sizes)
            self.peak_rss = max(self.peak_rss, sum(rss for _, rss in sizes))
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


def worker_steps(pages: dict[str, bytes]) -> None:
    """A worker's page step by step (kzmon/processing.py extract_raw), in this process. The
    whole page is timed at first sight, as a worker meets it; the steps after it, on warm
    caches, are each a little cheaper than in a worker."""
    from kzmon.extract.announcements import extract_announcements
    from kzmon.extract.stemming import stem_text
    from kzmon.extract.text import extract_page
    from kzmon.processing import extract_raw
    from kzmon.storage.articles import compress_html
    from kzmon.storage.dedup.stories import text_work

    steps = dict.fromkeys(("trafilatura alone", "text layer (extract_page)", "extractor (announcements)",
                           "stemmer", "dedup signature (text_work)", "whole worker page (extract_raw)"), 0.0)

    def timed(step: str, fn, *args):  # CPU time of this process: steadier than the wall clock on a busy machine
        start = time.process_time()
        out = fn(*args)
        steps[step] += time.process_time() - start
        return out

    first = next(iter(pages.values())).decode("utf-8", "replace")
    extract_raw({"html_gz": compress_html(first), "fetched_url": "https://b.kz/0", "requested_url": "https://b.kz/0"}, None)
    for n, html in enumerate(pages.values()):
        text = html.decode("utf-8", "replace")
        # the whole page first: a worker sees each page once, and the steps below, run on the
        # same text, fill caches (the stemmer's words, compiled patterns) that would flatter it
        raw = {"html_gz": compress_html(html), "fetched_url": f"https://b.kz/{n}", "requested_url": f"https://b.kz/{n}"}
        timed("whole worker page (extract_raw)", extract_raw, raw, None)
        timed("trafilatura alone", trafilatura_alone, {"one": html})
        page = timed("text layer (extract_page)", extract_page, text, f"https://b.kz/{n}")
        if page is not None:
            timed("extractor (announcements)", extract_announcements, page.text, None, page.language, page.title)
            timed("stemmer", stem_text, f"{page.title or ''}\n{page.text}", page.language)
            timed("dedup signature (text_work)", text_work, page.title, page.text, page.language)
    whole = steps["whole worker page (extract_raw)"]
    print("a worker's page, step by step (CPU ms per page, share of the whole worker page):")
    for step, spent in steps.items():
        print(f"  {step:<34} {1000 * spent / len(pages):6.1f} ms  {100 * spent / whole:5.1f}%")


def whole_job_vs_trafilatura(pairs: int) -> None:
    pages = _pages()
    gzip_levels(pages)
    worker_steps(pages)
    as_of = datetime.fromisoformat("2026-11-20T23:00:00+05:00")
    site = {f"/p/{key}": (html, "text/html; charset=utf-8") for key, html in pages.items()}
    site["/feed.xml"] = (_feed(HOST, list(site), as_of - timedelta(hours=2)), "application/rss+xml; charset=utf-8")
    source = Source(id="bench", name="Bench", languages=["en", "ru", "kk"], feeds=[f"https://{HOST}/feed.xml"])
    trafilatura_alone(dict(list(pages.items())[:5]))  # imported and warm before the first pair
    job_times, alone_times, job_cpu, alone_cpu = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp, ReplayServer() as server:
        server.add_site(HOST, Path(tmp) / "site", site)
        # A real server gzips on its own machine; the replay, on this one, does it once per body
        # (ReplayServer.gzipped). Done before the pairs, so the first job does not pay it.
        for html, _type in site.values():
            server.gzipped(html)
        for n in range(pairs):
            workdir = Path(tmp) / f"run{n}"
            config = _config(workdir, [source], download_delay=0.0, concurrent_per_domain=16, window_days=20000)
            cpu, start = _cpu(), time.perf_counter()
            summary = _run(config, server, as_of)
            job_times.append(time.perf_counter() - start)
            job_cpu.append(_cpu() - cpu)
            cpu = time.process_time()
            alone_times.append(trafilatura_alone(pages))
            alone_cpu.append(time.process_time() - cpu)
            st = summary.stage_times
            print(f"  pair {n + 1}: whole job {job_times[-1]:.2f} s (crawl {st.get('crawl_s')} s, processing after "
                  f"it {st.get('processing_after_crawl_s')} s; CPU {job_cpu[-1]:.2f} s = crawl {st.get('crawl_cpu_s')} s"
                  f" + workers {st.get('workers_cpu_s')} s + this process {st.get('parent_cpu_s')} s (the single writer"
                  f" and the replay server's threads), {job_cpu[-1] / job_times[-1]:.2f} cores busy on average; "
                  f"{summary.new_articles} articles stored, {summary.status}), trafilatura alone {alone_times[-1]:.2f} s "
                  f"({alone_cpu[-1]:.2f} s CPU)")
        job, alone = statistics.median(job_times), statistics.median(alone_times)
        print(f"whole daily job on {len(pages)} pages: {len(pages) / job:.1f} pages/s (median {job:.2f} s); "
              f"trafilatura alone: {len(pages) / alone:.1f} pages/s (median {alone:.2f} s); "
              f"ratio {alone / job:.2f}x (target >= 0.8x)")
        cores = os.cpu_count() or 1
        print(f"  by CPU: trafilatura alone {statistics.median(alone_cpu):.2f} s, the whole job "
              f"{statistics.median(job_cpu):.2f} s in all its processes: on {cores} idle cores at most "
              f"{cores * statistics.median(alone_cpu) / statistics.median(job_cpu):.2f}x; when other work holds the "
              f"cores (Linux shares CPU between sessions, not processes: sched_autogroup) at most "
              f"{statistics.median(alone_cpu) / statistics.median(job_cpu):.2f}x, whatever the job's parallelism")

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


def unchanged_snapshot_day(validating_api: bool) -> None:
    """Every configured source on the bundled snapshot, twice: what the second (unchanged) run asks."""
    from kzmon.crawler.urls import canonical_url
    from kzmon.demo import demo_config
    from kzmon.replay.server import captured_date
    from kzmon.storage import open_db

    as_of = datetime.fromisoformat(f"{captured_date()}T23:00:00+05:00")
    with tempfile.TemporaryDirectory() as tmp, ReplayServer() as server:
        server.dynamic_etags = validating_api
        config = demo_config(load_config(DEFAULT_CONFIG), Path(tmp))
        first = _run(config, server, as_of)
        before, mark = len(server.requests), time.monotonic()
        start = time.perf_counter()
        summary = _run(config, server, as_of)
        elapsed = time.perf_counter() - start
        with server._lock:
            log = list(zip(server.requests[before:], server.received_times[before:]))
        db = open_db(config.database)
        known = {r[0] for r in db.execute("SELECT url FROM article_urls")} | \
            {r[0] for r in db.execute("SELECT url FROM fetch_state WHERE kind = 'article'")}
        api = "/api/v1/public/content-manager/news"
        pairs = sum(len(s.api.projects) * len(s.api.languages) for s in config.sources if s.api)
        articles, discovery, api_asks, other = [], {}, [], []
        for (method, host, target, status), _ in log:
            if target.startswith(api):
                api_asks.append(status)
            elif target == "/robots.txt" or method == "POST":
                other.append(target)
            elif canonical_url(f"https://{host}{target}") in known:
                articles.append(target)
            else:
                discovery.setdefault((host, target), []).append(status)
        first_request = min((when for _, when in log), default=mark) - mark
        statuses = sorted({s for ss in discovery.values() for s in ss})
    print(f"unchanged day over the bundled snapshot ({len(config.sources)} sources, gov.kz API "
          f"{'with' if validating_api else 'without'} ETags; first run stored {first.new_articles}): "
          f"{len(log)} requests: {len(discovery)} discovery URLs asked at most "
          f"{max(map(len, discovery.values()), default=0)} time(s) each (answered {statuses}); gov.kz API "
          f"{len(api_asks)} requests for {pairs} project-language listings (answered {sorted(set(api_asks))}); "
          f"{len(other)} robots.txt/ticket; {len(articles)} article downloads; {summary.new_articles} new; "
          f"{elapsed:.2f} s wall, first request {first_request:.2f} s after the start (target < 2 s)")


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
              f"(crawl {summary.stage_times.get('crawl_cpu_s')} s, workers {summary.stage_times.get('workers_cpu_s')} s, "
              f"this process {summary.stage_times.get('parent_cpu_s')} s: the single writer and the replay server), "
              f"{cpu / wall:.2f} cores busy on average, "
              f"peak memory (PSS) of the process tree (this process, which serves the sites, included) "
              f"{memory.peak / 2**20:.0f} MB (target <= 500 MB; summed resident sizes, which count shared pages "
              f"once per process, {memory.peak_rss / 2**20:.0f} MB), "
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
    for validating in (True, False):
        unchanged_snapshot_day(validating)


if __name__ == "__main__":
    main()
