"""The shape of what the spiders hand to the pipeline: plain, picklable values.

Discovery often knows things the page may not say (a feed's date and title, an API item's
language and body); they travel with the item as hints, and the pipeline prefers what the
page itself states.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any


def item_hints(hint: dict[str, Any] | None) -> dict[str, Any]:
    hint = hint or {}
    published = hint.get("published")
    return {"hint_published": published.isoformat() if isinstance(published, datetime) else published,
            "hint_title": hint.get("title"), "hint_language": hint.get("language"), "api_body": hint.get("body")}
