"""Quiet by default, and nothing reaches for the internet on its own.

A run whose sites do not answer prints one line per problem on stderr, no traceback and no
Scrapy log; --quiet leaves stdout empty; a log file gets plain full-width lines. A run makes
no connection but to the configured sites: tldextract (Scrapy's cookie middleware) keeps to
the suffix list bundled with it instead of fetching publicsuffix.org, which an environment
proxy that counts its connections would see.
"""
from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from kzmon.config import DEFAULT_CONFIG
from kzmon.replay.server import ReplayServer


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the with block ends: nothing listens


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("KZMON_CONFIG", "KZMON_DEBUG", "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS")}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "xdg-config"), XDG_DATA_HOME=str(tmp_path / "xdg-data"), **extra)
    return env


def _dead_config(tmp_path: Path) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({"database": "k.db", "sources": [
        {"id": "feedless", "name": "Closed feed", "feeds": [f"http://127.0.0.1:{_closed_port()}/rss"]},
        {"id": "listless", "name": "Closed listing", "listings": [{"url": f"http://127.0.0.1:{_closed_port()}/news"}],
         "article_pattern": r"/news/\d+"},
    ]}), encoding="utf-8")
    return path


def test_an_offline_run_prints_one_line_per_problem(tmp_path):
    config = _dead_config(tmp_path)
    result = subprocess.run([sys.executable, "-m", "kzmon.cli", "run", "--config", str(config)], cwd=tmp_path,
                            env=_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert sorted(line.split(":")[1].strip() for line in lines) == ["source feedless", "source listless"], result.stderr
    assert all("connection refused" in line for line in lines), result.stderr
    assert "Traceback" not in result.stderr and "scrapy" not in result.stderr.lower()
    # stdout to a file (cron's log): plain lines, nothing cut short, no box drawing
    assert "…" not in result.stdout and "┃" not in result.stdout and "│" not in result.stdout
    row = next(line for line in result.stdout.splitlines() if line.lstrip().startswith("feedless") and "refused" in line)
    assert row.rstrip().endswith("/rss"), "the whole error, URL included, on one line"


def test_quiet_prints_only_problems(tmp_path):
    config = _dead_config(tmp_path)
    result = subprocess.run([sys.executable, "-m", "kzmon.cli", "--quiet", "run", "--config", str(config)], cwd=tmp_path,
                            env=_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 2
    ok = subprocess.run([sys.executable, "-m", "kzmon.cli", "sources", "--quiet", "--config", str(config)], cwd=tmp_path,
                        env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and ok.stdout == "" and ok.stderr == ""


def test_an_unexpected_error_is_one_line_unless_verbose(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"database": "k.db", "sources": [{"id": "x", "name": "X", "feeds": ["https://x.kz/rss"]}]}))
    (tmp_path / "k.db").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)  # a header, then garbage
    quiet = subprocess.run([sys.executable, "-m", "kzmon.cli", "search", "--config", str(config), "x"], cwd=tmp_path,
                           env=_env(tmp_path), capture_output=True, text=True, timeout=60)
    assert quiet.returncode == 1 and quiet.stderr.count("\n") == 1 and "Traceback" not in quiet.stderr
    loud = subprocess.run([sys.executable, "-m", "kzmon.cli", "search", "-v", "--config", str(config), "x"], cwd=tmp_path,
                          env=_env(tmp_path), capture_output=True, text=True, timeout=60)
    assert loud.returncode == 1 and "Traceback" in loud.stderr


class CountingProxy:
    """A listening socket standing in for an HTTP proxy: it counts who connects, and answers nothing."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.sock.close()


def _run_behind_counting_proxy(tmp_path: Path, sources: list[dict], **extra_env: str):
    """`kzmon run` against the replay (KZMON_REPLAY_ADDRESS) with no cached suffix list and every
    proxy variable pointing at a socket that counts connections; the configured hosts bypass it
    (NO_PROXY), so whatever reaches the proxy went somewhere else."""
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"database": "k.db", "crawl": {"window_days": 3650, "download_delay": 0},
                                      "sources": sources}, allow_unicode=True), encoding="utf-8")
    configured = {urlsplit(u).hostname for s in sources for u in s.get("feeds", []) + s.get("sitemaps", [])
                  + [listing["url"] for listing in s.get("listings", [])]
                  + ([(s["api"] or {}).get("base", "https://www.gov.kz")] if s.get("api") else [])}
    proxy = CountingProxy()
    proxy_url = f"http://127.0.0.1:{proxy.port}"
    try:
        with ReplayServer() as server:
            env = _env(tmp_path, KZMON_REPLAY_ADDRESS=f"127.0.0.1:{server.port}",
                       TLDEXTRACT_CACHE=str(tmp_path / "empty-tldextract-cache"),
                       HTTP_PROXY=proxy_url, HTTPS_PROXY=proxy_url, http_proxy=proxy_url, https_proxy=proxy_url,
                       NO_PROXY=",".join(sorted(configured)), no_proxy=",".join(sorted(configured)), **extra_env)
            result = subprocess.run([sys.executable, "-m", "kzmon.cli", "run", "--config", str(config)], cwd=tmp_path,
                                    env=env, capture_output=True, text=True, timeout=300)
            hosts = {host.split(":")[0] for _method, host, _target, _status in server.requests}
    finally:
        proxy.close()
    return result, hosts, configured, proxy.connections


SOURCES = [s for s in yaml.safe_load(DEFAULT_CONFIG.read_text(encoding="utf-8"))["sources"]
           if s["id"] in ("astanatimes", "kapital", "govkz-mps")]  # gov.kz sets a cookie: tldextract's first use


def test_a_run_connects_to_the_configured_sites_only(tmp_path):
    result, hosts, configured, connections = _run_behind_counting_proxy(tmp_path, SOURCES)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert result.stderr == ""
    with sqlite3.connect(tmp_path / "k.db") as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
    assert hosts and hosts <= configured, hosts - configured
    assert connections == 0, "something reached for the network past the configured sites"


def test_the_proxy_would_have_seen_a_suffix_list_download(tmp_path):
    """The control: with tldextract told to fetch its list (what it does by default), the same
    run does knock on the proxy. So the zero above means something."""
    result, _hosts, _configured, connections = _run_behind_counting_proxy(
        tmp_path, SOURCES, TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS="https://publicsuffix.org/list/public_suffix_list.dat")
    assert connections > 0, result.stderr[-2000:]
