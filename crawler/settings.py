"""Scrapy settings built from config.yaml: polite, quiet, and with no listening socket."""
from __future__ import annotations

from typing import Any

from kzmon.config import Config


def crawl_settings(config: Config, database: str, *, replay_address: str | None = None, log_level: str = "WARNING") -> dict[str, Any]:
    crawl = config.crawl
    settings: dict[str, Any] = {
        "BOT_NAME": "kzmon",
        "USER_AGENT": crawl.user_agent_string,
        "ROBOTSTXT_OBEY": crawl.obey_robots,
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrent_per_domain,
        "DOWNLOAD_DELAY": crawl.download_delay,
        "AUTOTHROTTLE_ENABLED": True,
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
        "LOG_LEVEL": log_level,
        "LOG_FORMAT": "%(levelname)s %(name)s: %(message)s",
        "LOG_FORMATTER": "crawler.logformatter.QuietLogFormatter",
        "ITEM_PIPELINES": {"crawler.pipeline.ArticlePipeline": 300},
        "DOWNLOADER_MIDDLEWARES": {"crawler.conditional.ConditionalGetMiddleware": 580},
        "KZMON_DATABASE": database,
    }
    if replay_address:
        handler = "crawler.replay.ReplayDownloadHandler"
        settings["DOWNLOAD_HANDLERS"] = {"http": handler, "https": handler}
        settings["KZMON_REPLAY_ADDRESS"] = replay_address
    return settings
