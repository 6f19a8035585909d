"""Quiet log lines for dropped items.

Scrapy logs every dropped item with its whole content at WARNING; a page that is too old
or not an article is an ordinary outcome of an incremental crawl (recorded in fetch_state),
so it is logged at DEBUG in one line.
"""
from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter


class QuietLogFormatter(LogFormatter):
    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any = None) -> dict[str, Any]:
        return {"level": logging.DEBUG, "msg": "dropped: %(exception)s", "args": {"exception": exception}}
