"""The crawl loads no extension it has disabled: the remote-control extension imports aiohttp
(a web server library) on load, CPU the crawl process's one core spends for nothing, and an
unattended crawl listens on no port (telnet console, remote control)."""
from __future__ import annotations

import subprocess
import sys

from kzmon.config import DEFAULT_CONFIG, load_config
from kzmon.crawler.settings import crawl_settings


def test_the_crawls_extensions_leave_out_remote_control_and_telnet(tmp_path):
    from scrapy.settings import Settings

    settings = Settings(crawl_settings(load_config(DEFAULT_CONFIG), str(tmp_path / "k.db")))
    loaded = settings.get_component_priority_dict_with_base("EXTENSIONS")
    assert "scrapy.extensions.corestats.CoreStats" in loaded   # the rest of Scrapy's list stays
    assert not [name for name in loaded if "remote_control" in name or "telnet" in name]
    assert not settings.getbool("REMOTE_CONTROL_ENABLED") and not settings.getbool("TELNETCONSOLE_ENABLED")


def test_building_the_crawlers_extensions_imports_no_web_server(tmp_path):
    # In a fresh interpreter, as in the crawl's own process: the extension manager is built
    # exactly as Scrapy builds it when a crawl starts.
    code = f"""
import sys
from scrapy.extension import ExtensionManager
from scrapy.utils.test import get_crawler
from kzmon.config import DEFAULT_CONFIG, load_config
from kzmon.crawler.settings import crawl_settings
crawler = get_crawler(settings_dict=crawl_settings(load_config(DEFAULT_CONFIG), {str(tmp_path / 'k.db')!r}))
ExtensionManager.from_crawler(crawler)
print("aiohttp" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr
