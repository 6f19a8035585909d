"""`kzmon sources check`: what discovery found, for real, into a throwaway database: the first
N article URLs per source, and the links it turned down with the reason."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml

from kzmon.config import DEFAULT_CONFIG
from kzmon.replay.server import ReplayServer


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def site(tmp_path):
    """A small site on 127.0.0.1: a feed with two articles, a javascript: link, a mailto: link and a
    link to a private address."""
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    items = [f"{base}/news/1.html", f"{base}/news/2.html", "javascript:alert(1)", "mailto:editor@example.kz",
             "http://10.1.2.3/news/3.html"]
    (root / "rss.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>' + "".join(
            f"<item><title>Item {n}</title><link>{link.replace('&', '&amp;')}</link>"
            f"<pubDate>Thu, 19 Nov 2026 10:00:00 +0500</pubDate></item>" for n, link in enumerate(items)) +
        "</channel></rss>", encoding="utf-8")
    for n in (1, 2):
        (root / "news" / f"{n}.html").write_text(
            f"<html><head><title>Plant {n}</title></head><body><article><h1>Plant {n}</h1>"
            f"<p>{'A cement plant worth 10 billion tenge opens in Shymkent with 300 jobs. ' * 5}</p></article></body></html>",
            encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def _env(**extra: str) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if k not in ("KZMON_CONFIG", "KZMON_DEBUG")}, **extra}


def test_check_lists_found_urls_and_refused_links_with_reasons(site, tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"database": "k.db", "crawl": {"window_days": 3650, "download_delay": 0, "obey_robots": False},
                                      "sources": [{"id": "local", "name": "Local", "feeds": [f"{site}/rss.xml"]}]}))
    result = subprocess.run([sys.executable, "-m", "kzmon.cli", "sources", "check", "--config", str(config)], cwd=tmp_path,
                            env=_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "local: 2 articles found" in out
    assert f"  {site}/news/1.html" in out and f"  {site}/news/2.html" in out
    turned_down = [line for line in out.splitlines() if " -- " in line]
    assert any(line.strip().startswith("javascript:alert(1)") for line in turned_down), out
    assert any(line.strip().startswith("mailto:editor@example.kz") for line in turned_down), out
    assert any(line.strip().startswith("http://10.1.2.3/") and "private" in line.lower() for line in turned_down), out
    assert not (tmp_path / "k.db").exists(), "a check writes only into its throwaway database"


def test_check_shows_the_first_n_and_what_the_window_leaves_out(tmp_path):
    bundled = yaml.safe_load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    sources = [s for s in bundled["sources"] if s["id"] == "astanatimes"]
    for window, expect in ((3650, "found"), (7, "older than the window")):
        config = tmp_path / f"config-{window}.yaml"
        config.write_text(yaml.safe_dump({"database": "k.db", "crawl": {"window_days": window, "download_delay": 0},
                                          "sources": sources}, allow_unicode=True), encoding="utf-8")
        with ReplayServer() as server:
            result = subprocess.run([sys.executable, "-m", "kzmon.cli", "sources", "check", "astanatimes", "--first", "3",
                                     "--config", str(config)], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                                    env=_env(KZMON_REPLAY_ADDRESS=f"127.0.0.1:{server.port}"))
        assert result.returncode == 0, result.stdout + result.stderr
        lines = result.stdout.splitlines()
        if expect == "found":
            header = next(line for line in lines if line.startswith("astanatimes: ") and "articles found" in line)
            assert int(header.split()[1]) > 3 and header.endswith("first 3:")
            start = lines.index(header)
            assert all(line.startswith("  https://astanatimes.com/") for line in lines[start + 1:start + 4])
            assert not lines[start + 4].startswith("  https://")
        else:
            assert "astanatimes: 0 articles found" in lines
            old = [line for line in lines if "older than the window (published 2026-" in line]
            assert len(old) == 3, result.stdout
