"""A local HTTP server that answers for the real sites from the bundled snapshot.

No machine here reaches the internet, so the demo and the tests replay what each source
serves. The server is a real HTTP/1.1 server on 127.0.0.1: virtual hosts chosen by the
Host header, status codes, Content-Type with charset, ETag and Last-Modified with
conditional GET (304), gzip when the client accepts it, and faults on demand (a host that
answers 500, never answers, redirects in a loop, forbids everything in robots.txt, sends a
page larger than the crawler's limit or a gzip bomb, or asks to be retried later with
Retry-After) so resilience is tested against real sockets.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qs, parse_qsl, urlencode, urlsplit

import yaml

SNAPSHOT_DIR = Path(__file__).resolve().parent / "snapshot"
ALMATY = timezone.utc  # Last-Modified is always sent in GMT

CONTENT_TYPES = {
    ".html": "text/html; charset=UTF-8",
    ".htm": "text/html; charset=UTF-8",
    ".xml": "application/xml; charset=UTF-8",
    ".rss": "application/rss+xml; charset=UTF-8",
    ".json": "application/json; charset=UTF-8",
    ".txt": "text/plain; charset=UTF-8",
}

Handler = Callable[..., tuple[int, dict[str, str], bytes]]
GZIP_CACHE_BYTES = 32 * 2**20  # compressed bodies kept (ReplayServer.gzipped)


def _normal_target(path_and_query: str) -> str:
    """Compare query strings order-insensitively, as servers do."""
    parts = urlsplit(path_and_query)
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return parts.path + ("?" + query if query else "")


@dataclass
class Route:
    path: str | None = None
    path_prefix: str | None = None
    file: str | None = None
    type: str | None = None
    status: int = 200
    location: str | None = None
    last_modified: str | None = None
    handler: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Site:
    host: str
    directory: Path
    routes: dict[str, Route]
    prefixes: list[Route]
    articles: list[dict[str, Any]]


def captured_date(snapshot: Path = SNAPSHOT_DIR) -> str:
    """The day the snapshot stands for; the demo runs as of it."""
    return (snapshot / "CAPTURED").read_text(encoding="utf-8").strip()


def load_sites(snapshot: Path = SNAPSHOT_DIR) -> dict[str, Site]:
    sites: dict[str, Site] = {}
    for site_yaml in sorted(snapshot.glob("*/site.yaml")):
        data = yaml.safe_load(site_yaml.read_text(encoding="utf-8")) or {}
        routes: dict[str, Route] = {}
        prefixes: list[Route] = []
        for raw in data.get("routes") or []:
            known = {k: v for k, v in raw.items() if k in Route.__dataclass_fields__}
            route = Route(**known)
            if route.last_modified is not None:
                route.last_modified = str(route.last_modified)
            if route.path_prefix:
                prefixes.append(route)
            elif route.path:
                routes[_normal_target(route.path)] = route
        host = site_yaml.parent.name
        sites[host] = Site(host, site_yaml.parent, routes, prefixes, data.get("articles") or [])
    return sites


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return  # a client that hung up mid-answer (a crawl refusing an oversized page, a killed crawl)
        super().handle_error(request, client_address)


class ReplayServer:
    """Serve the snapshot on 127.0.0.1; use as a context manager or start()/stop()."""

    def __init__(self, snapshot: Path = SNAPSHOT_DIR, port: int = 0, host: str = "127.0.0.1") -> None:
        self.snapshot = snapshot
        self.sites = load_sites(snapshot)
        self.default_modified = datetime.fromisoformat(captured_date(snapshot)).replace(tzinfo=timezone.utc)
        self.faults: dict[str, str | int] = {}
        self.latency = 0.0  # seconds before each answer: a slow web, so a test can stop a run midway
        self.requests: list[tuple[str, str, str, int]] = []  # (method, host, target, status)
        self.request_times: list[float] = []  # time.monotonic() of each entry of `requests`, when answered
        self.received_times: list[float] = []  # time.monotonic() of each entry of `requests`, when it arrived
        self.fault_bytes = 6_000_000  # size of an 'oversize' page, and what a 'gzip_bomb' expands to
        # Called as before_answer(method, host, target) before each answer, on the server's thread.
        self.before_answer: Callable[[str, str, str], None] | None = None
        # Dynamic routes (the gov.kz API) answer with an ETag of their body, and 304 to a matching
        # If-None-Match, as a JSON API behind a validating proxy does. Off by default: whether
        # www.gov.kz's API sends validators is not known, and kzmon must cope either way.
        self.dynamic_etags = False
        self._retry_after: dict[str, tuple[int, int, int, bool]] = {}
        self._throttled: dict[tuple[str, str], int] = {}
        self._bomb: bytes | None = None
        self._gzip_cache: dict[bytes, bytes] = {}
        self._gzip_cached = 0  # bytes in _gzip_cache
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._httpd = _QuietServer((host, port), self._make_handler())
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def start(self) -> "ReplayServer":
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="replay-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> "ReplayServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def fail(self, host: str, how: str | int) -> None:
        """Make a host misbehave: an HTTP status code; 'hang' to accept and never answer;
        'redirect_loop' (every page redirects to a twin that redirects back); 'redirect_chain'
        (every page redirects to a new one, without end); 'robots' (robots.txt disallows
        everything, pages are served as usual); 'oversize' (every page is `fault_bytes` long,
        with a Content-Length); 'oversize_stream' (the same without one, until the connection
        closes); 'gzip_bomb' (a small gzip body that expands to `fault_bytes`); 'tarpit' (accepts,
        sends headers, then trickles the body a byte every half second, until the client gives up);
        'pager_repeat' (a pager past its end: `?page=N` and `/page/N/` answer page 1, forever);
        'http_only' (the site serves plain http: a request sent over https, as the replay
        transport says, is dropped without an answer, as a port with no TLS would)."""
        self.faults[host] = how

    def retry_after(self, host: str, status: int, seconds: int, times: int = 1, as_date: bool = False) -> None:
        """Answer `status` with `Retry-After` to the first `times` requests for each page of a
        host (robots.txt excepted), then serve normally. The header says `seconds`, or with
        `as_date` the HTTP date that many seconds after the answer."""
        self._retry_after[host] = (status, seconds, times, as_date)

    def _throttle(self, host: str, target: str) -> tuple[int, str] | None:
        rule = self._retry_after.get(host)
        if rule is None or urlsplit(target).path == "/robots.txt":
            return None
        status, seconds, times, as_date = rule
        with self._lock:
            seen = self._throttled.get((host, target), 0)
            self._throttled[(host, target)] = seen + 1
        if seen >= times:
            return None
        if as_date:
            return status, format_datetime(datetime.fromtimestamp(time.time() + seconds, timezone.utc), usegmt=True)
        return status, str(seconds)

    def _fault_answer(self, fault: str, host: str, target: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes] | None:
        """The answer of a host with a fault other than a status code or 'hang'; None to serve normally."""
        path = urlsplit(target).path
        html = {"Content-Type": "text/html; charset=UTF-8"}
        if fault == "robots":
            if path == "/robots.txt":
                return 200, {"Content-Type": "text/plain; charset=UTF-8"}, b"User-agent: *\nDisallow: /\n"
            return None
        if path == "/robots.txt":
            return None  # the site's own robots.txt: the fault is in its pages
        if fault == "redirect_loop":
            twin = target.replace("kzmon_loop=1", "").rstrip("?&") if "kzmon_loop=1" in target else \
                target + ("&" if "?" in target else "?") + "kzmon_loop=1"
            return 302, {"Location": f"https://{host}{twin}", "Content-Length": "0"}, b""
        if fault == "redirect_chain":
            query = parse_qs(urlsplit(target).query)
            hop = int(query.get("kzmon_hop", ["0"])[0]) + 1
            return 302, {"Location": f"https://{host}{path}?kzmon_hop={hop}", "Content-Length": "0"}, b""
        if fault in ("oversize", "oversize_stream"):
            body = b"<html><body>" + b"x" * self.fault_bytes + b"</body></html>"
            out = {**html, "Content-Length": str(len(body))} if fault == "oversize" else {**html, "Connection": "close"}
            return 200, out, body
        if fault == "gzip_bomb":
            if self._bomb is None:
                self._bomb = gzip.compress(b"<html><body>" + b"\0" * self.fault_bytes, compresslevel=9, mtime=0)
            return 200, {**html, "Content-Encoding": "gzip"}, self._bomb
        return None

    def gzipped(self, content: bytes) -> bytes:
        """The gzip'd body, compressed once per distinct body: a real server does this work on
        its own machine (or caches it), so the replay should not take CPU from the crawl it
        serves on the same one (gzip -9 of the 181 benchmark pages: ~1.3 s a run)."""
        key = hashlib.sha1(content).digest()
        with self._lock:
            found = self._gzip_cache.get(key)
        if found is None:
            found = gzip.compress(content, mtime=0)
            with self._lock:
                if self._gzip_cached + len(found) > GZIP_CACHE_BYTES:
                    self._gzip_cache.clear()
                    self._gzip_cached = 0
                if key not in self._gzip_cache:
                    self._gzip_cache[key] = found
                    self._gzip_cached += len(found)
        return found

    def _log(self, method: str, host: str, target: str, status: int, received: float | None = None) -> None:
        with self._lock:
            now = time.monotonic()
            self.requests.append((method, host, target, status))
            self.request_times.append(now)
            self.received_times.append(received if received is not None else now)

    def received_between(self, start: float, end: float) -> list[tuple[str, str, str, int]]:
        """The requests that arrived between two time.monotonic() moments (method, host, target, status)."""
        with self._lock:
            return [r for r, when in zip(self.requests, self.received_times) if start <= when <= end]

    def add_site(self, host: str, directory: Path, pages: dict[str, tuple[bytes, str] | tuple[bytes, str, int]]) -> None:
        """Serve a small site of one's own under `host`: {path: (body, Content-Type[, status])},
        files written into `directory`; for a 3xx status the body is the Location."""
        directory.mkdir(parents=True, exist_ok=True)
        routes = {}
        for number, (path, page) in enumerate(pages.items()):
            body, content_type, status = (*page, 200) if len(page) == 2 else page
            if 300 <= status < 400:  # a redirect: the body is its Location
                routes[_normal_target(path)] = Route(path=path, status=status, location=body.decode())
                continue
            name = f"page{number}.bin"
            (directory / name).write_bytes(body)
            routes[_normal_target(path)] = Route(path=path, file=name, type=content_type, status=status)
        self.sites[host] = Site(host, directory, routes, [], [])

    def fetch_times(self, host: str, target: str) -> list[tuple[float, int]]:
        """(time.monotonic(), status) of each GET of one page of a host."""
        with self._lock:
            return [(when, s) for (m, h, t, s), when in zip(self.requests, self.request_times)
                    if m == "GET" and h == host and t == target]

    def fetched(self, host: str | None = None, method: str = "GET") -> list[str]:
        with self._lock:
            return [t for m, h, t, s in self.requests if m == method and (host is None or h == host)]

    # -- request handling -------------------------------------------------------------
    def answer(self, method: str, host: str, target: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        site = self.sites.get(host)
        if site is None:
            return 404, {"Content-Type": "text/plain; charset=UTF-8"}, b"unknown host\n"
        route = site.routes.get(_normal_target(target))
        if route is None:
            path = urlsplit(target).path
            route = next((r for r in site.prefixes if path.startswith(r.path_prefix or "")), None)
        if route is None:
            return 404, {"Content-Type": "text/html; charset=UTF-8"}, b"<html><body><h1>404 Not Found</h1></body></html>"
        if route.handler:
            status, out, content = self._dynamic(route.handler, method, target, headers, body, site.directory)
            if self.dynamic_etags and status == 200 and method in ("GET", "HEAD"):
                out = {**out, "ETag": '"' + hashlib.sha1(content).hexdigest()[:16] + '"'}
                if "if-none-match" in headers and out["ETag"] in [t.strip() for t in headers["if-none-match"].split(",")]:
                    return 304, {"ETag": out["ETag"]}, b""
            return status, out, content
        if route.location:
            return route.status, {"Location": route.location, "Content-Length": "0"}, b""
        if method not in ("GET", "HEAD"):
            return 405, {"Allow": "GET, HEAD"}, b""
        content = (site.directory / route.file).read_bytes() if route.file else b""
        suffix = Path(route.file or "").suffix.lower()
        out = {"Content-Type": route.type or CONTENT_TYPES.get(suffix, "application/octet-stream")}
        modified = datetime.fromisoformat(route.last_modified) if route.last_modified else self.default_modified
        if modified.tzinfo is None:
            modified = modified.replace(tzinfo=timezone.utc)
        out["Last-Modified"] = format_datetime(modified.astimezone(timezone.utc), usegmt=True)
        out["ETag"] = '"' + hashlib.sha1(content).hexdigest()[:16] + '"'
        out.update(route.headers)
        if route.status == 200 and self._not_modified(headers, out["ETag"], modified):
            return 304, {k: out[k] for k in ("ETag", "Last-Modified")}, b""
        return route.status, out, content

    @staticmethod
    def _not_modified(headers: dict[str, str], etag: str, modified: datetime) -> bool:
        if "if-none-match" in headers:
            return etag in [t.strip() for t in headers["if-none-match"].split(",")]
        since = headers.get("if-modified-since")
        if since:
            try:
                return modified.replace(microsecond=0) <= parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False
        return False

    @staticmethod
    def _dynamic(name: str, method: str, target: str, headers: dict[str, str], body: bytes, directory: Path) -> tuple[int, dict[str, str], bytes]:
        module_name, _, function = name.rpartition("_")
        module = importlib.import_module(f"kzmon.replay.handlers.{module_name}")
        handle: Handler = getattr(module, f"handle_{function}")
        parts = urlsplit(target)
        return handle(method, parts.path, parse_qs(parts.query), headers, body, directory)

    def _make_handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            server_version = "nginx"
            sys_version = ""

            def log_message(self, *args: object) -> None:  # quiet: the tests read server.requests
                pass

            def _serve(self, method: str) -> None:
                received = time.monotonic()
                asked = self.path  # logged as asked, whatever the fault answers
                host = (self.headers.get("Host") or "").split(":")[0].lower()
                headers = {k.lower(): v for k, v in self.headers.items()}
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                fault = server.faults.get(host)
                if server.latency:
                    server._stopping.wait(server.latency)
                if fault == "hang":
                    server._log(method, host, self.path, 0, received)
                    server._stopping.wait(600)
                    return
                if fault == "http_only" and headers.get("x-kzmon-replay-scheme") == "https":
                    server._log(method, host, self.path, 0, received)
                    self.close_connection = True  # no TLS here: the connection ends without an answer
                    return
                if fault == "tarpit" and urlsplit(self.path).path != "/robots.txt":
                    server._log(method, host, self.path, 200, received)
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=UTF-8")
                    self.send_header("Content-Length", "100000")
                    self.end_headers()
                    for _ in range(240):  # two minutes at most
                        self.wfile.write(b" ")
                        self.wfile.flush()
                        if server._stopping.wait(0.5):
                            break
                    self.close_connection = True
                    return
                if fault == "pager_repeat":
                    self.path = _page_one(self.path)
                if server.before_answer is not None:
                    server.before_answer(method, host, self.path)
                throttled = server._throttle(host, self.path)
                faulted = server._fault_answer(fault, host, self.path, headers) if isinstance(fault, str) else None
                if throttled is not None:
                    status, out, content = throttled[0], {"Content-Type": "text/html; charset=UTF-8",
                                                          "Retry-After": throttled[1]}, b"<h1>Slow down</h1>"
                elif isinstance(fault, int):
                    status, out, content = fault, {"Content-Type": "text/html; charset=UTF-8"}, b"<h1>Server Error</h1>"
                elif faulted is not None:
                    status, out, content = faulted
                else:
                    status, out, content = server.answer(method, host, self.path, headers, body)
                server._log(method, host, asked, status, received)
                if out.get("Connection") == "close":
                    self.close_connection = True
                if content and "gzip" in headers.get("accept-encoding", "") and status == 200 \
                        and "Content-Encoding" not in out and fault not in ("oversize", "oversize_stream"):
                    content = server.gzipped(content)
                    out["Content-Encoding"] = "gzip"
                    out["Vary"] = "Accept-Encoding"
                self.send_response(status)
                for key, value in out.items():
                    self.send_header(key, value)
                self.send_header("Date", format_datetime(datetime.now(timezone.utc), usegmt=True))
                if "Content-Length" not in out and out.get("Connection") != "close":
                    self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                if method != "HEAD" and status != 304:
                    self.wfile.write(content)

            def _serve_quietly(self, method: str) -> None:
                try:
                    self._serve(method)
                except (BrokenPipeError, ConnectionResetError):  # the client went away (a killed crawl)
                    self.close_connection = True

            def do_GET(self) -> None:
                self._serve_quietly("GET")

            def do_HEAD(self) -> None:
                self._serve_quietly("HEAD")

            def do_POST(self) -> None:
                self._serve_quietly("POST")

        return RequestHandler


def _page_one(target: str) -> str:
    """What a pager that never ends answers for a page past its end: page 1."""
    parts = urlsplit(target)
    path = re.sub(r"/page/\d+/?$", "/", parts.path)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page"])
    return path + ("?" + query if query else "")


def main(argv: list[str] | None = None) -> None:
    """`python -m kzmon.replay.server --port 8765`: serve the snapshot until Ctrl-C."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT_DIR)
    args = parser.parse_args(argv)
    with ReplayServer(args.snapshot, args.port) as server:
        print(f"replaying {len(server.sites)} sites on http://127.0.0.1:{server.port}/ (Host header picks the site); Ctrl-C stops")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
