"""Scrapy settings built from config.yaml: polite, quiet, and with no listening socket."""
from __future__ import annotations

from typing import Any

from scrapy.settings import default_settings

from kzmon.config import Config

# Disabled by crawl_settings below and never wanted in an unattended crawl (no listening sockets).
UNLOADED_EXTENSIONS = ("scrapy.extensions.remote_control.RemoteControl", "scrapy.extensions.telnet.TelnetConsole")


def crawl_settings(config: Config, database: str, *, replay_address: str | None = None, log_level: str = "WARNING") -> dict[str, Any]:
    crawl = config.crawl
    settings: dict[str, Any] = {
        "BOT_NAME": "kzmon",
        "USER_AGENT": crawl.user_agent_string,
        "ROBOTSTXT_OBEY": crawl.obey_robots,
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrent_per_domain,
        # Scrapy starts this many asyncio tasks for EVERY callback's output (2.19's
        # _parallel_asyncio), though a callback yields one item or a page of links: the default
        # 100 cost ~100 tasks a page, a third of the crawl's CPU on 181 pages (bench_pipeline).
        # Items end on one writer thread anyway, so more than a few in parallel buys nothing.
        "CONCURRENT_ITEMS": 8,
        # Never quite 0: on the asyncio reactor Scrapy 2.19's downloader, with no delay, hands a
        # slot's whole queue to the network at once (it counts a request as transferring only
        # when its task first runs), so CONCURRENT_REQUESTS_PER_DOMAIN would not hold.
        # tests/test_politeness_per_host.py measures it.
        "DOWNLOAD_DELAY": max(crawl.download_delay, 0.001),
        # AutoThrottle adapts a configured delay to the site's latency; with no delay configured
        # (the demo, the tests, the bench on loopback) it would impose its own 0.1 s start delay.
        "AUTOTHROTTLE_ENABLED": crawl.download_delay > 0,
        "AUTOTHROTTLE_START_DELAY": max(crawl.download_delay, 0.1),
        "AUTOTHROTTLE_MAX_DELAY": 30.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_TIMEOUT": crawl.timeout_seconds,
        "DOWNLOAD_MAXSIZE": crawl.max_page_bytes,
        "DOWNLOAD_WARNSIZE": crawl.max_page_bytes // 2,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": 2,
        "COOKIES_ENABLED": True,
        "REDIRECT_MAX_TIMES": 5,
        # An unattended scraper opens no listening sockets.
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        # Not even loaded: the remote-control extension imports aiohttp (~0.15 s of the crawl
        # process's CPU, which the processing stage needs) only to find itself disabled. Scrapy
        # imports every key of EXTENSIONS to normalise it, a None included, so they are left out
        # of the base list instead.
        "EXTENSIONS_BASE": {name: order for name, order in default_settings.EXTENSIONS_BASE.items()
                            if name not in UNLOADED_EXTENSIONS},
        "LOG_LEVEL": log_level,
        "LOG_FORMAT": "%(levelname)s %(name)s: %(message)s",
        "LOG_FORMATTER": "kzmon.crawler.logformatter.QuietLogFormatter",
        "ITEM_PIPELINES": {"kzmon.crawler.pipeline.ArticlePipeline": 300},
        # The fetch policy (crawler/policy.py) sees every request first, redirects included.
        "DOWNLOADER_MIDDLEWARES": {"kzmon.crawler.policy.FetchPolicyMiddleware": 50,
                                   "kzmon.crawler.conditional.ConditionalGetMiddleware": 580,
                                   # after HttpCompressionMiddleware (590) in the request order, so
                                   # its process_response sees the body still gzip'd
                                   "kzmon.crawler.gzip_body.KeepGzipBodyMiddleware": 595,
                                   # before RetryMiddleware (550): a 429/503 with Retry-After waits, then retries
                                   "kzmon.crawler.retry_after.RetryAfterMiddleware": 560,
                                   # Scrapy 2.19's let some first requests to a site past robots.txt
                                   "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
                                   "kzmon.crawler.robots.RobotsTxtMiddleware": 100},
        "KZMON_RETRY_AFTER_MAX": 120,  # seconds; a longer Retry-After fails the request for this run
        # Only http and https are fetched: a link in someone else's feed never reads a local
        # file, a data: URL, an FTP server or an S3 bucket.
        "DOWNLOAD_HANDLERS": {"file": None, "data": None, "ftp": None, "s3": None},
        "KZMON_DATABASE": database,
        "KZMON_DB_LOCK_WAIT": crawl.db_lock_wait_seconds,  # crawler/database.py: the writer's bounded wait
    }
    if replay_address:
        handler = "kzmon.crawler.replay.ReplayDownloadHandler"
        settings["DOWNLOAD_HANDLERS"].update({"http": handler, "https": handler})
        settings["KZMON_REPLAY_ADDRESS"] = replay_address
    return settings
