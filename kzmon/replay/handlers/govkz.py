"""Replay of the www.gov.kz public content-manager API (the part kzmon's gov.kz adapter uses).

The real API guards its news endpoint with a session ticket: a client first POSTs to
/api/v1/public/_/c/k6, which sets the cookie "ticket"; without that cookie
GET /api/v1/public/content-manager/news answers HTTP 400 {"message":"notAllowed"}. The
replica keeps that behaviour so the adapter's session handling is exercised, not assumed.

News request: ?projects=eq:{slug}&page=N&size=M&sort-by=created_date:DESC
(page is 1-based; an empty JSON array means past the last page; size is capped at 100;
sort-by created_date:ASC is honoured too; created_date=gt:<ISO datetime> filters, and
gte: answers HTTP 500, as the real server does). Unknown projects give [].

Language: the `lang` query parameter (ru, kk, en; `kz` is read as kk) chooses the edition;
without it, the first tag of Accept-Language; without either, ru. Each item exists in the
language it was published in, so a kk request lists only the Kazakh items.

Data: <site_dir>/news/<project>.json = {lang: [items]}, items as the API returns them
(id, title, body HTML, created_date "YYYY-MM-DDTHH:MM:SS" local time, heropic, projects).
"""
from __future__ import annotations

import hashlib
import json
from http.cookies import SimpleCookie
from pathlib import Path

LANGUAGES = ("ru", "kk", "en")
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 10
TICKET_COOKIE = "ticket"
# what the replica issues: fixed, so a replayed session is reproducible
TICKET_VALUE = hashlib.sha256(b"kzmon-replay-gov.kz-ticket").hexdigest()[:32]

Response = tuple[int, dict[str, str], bytes]


def _json(status: int, payload: object, extra: dict[str, str] | None = None) -> Response:
    headers = {"Content-Type": "application/json;charset=UTF-8"}
    headers.update(extra or {})
    return status, headers, json.dumps(payload, ensure_ascii=False).encode("utf-8")


def _header(headers: dict[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return ""


def _first(query: dict[str, list[str]], name: str) -> str | None:
    values = query.get(name) or []
    return values[0] if values else None


def _has_ticket(headers: dict[str, str]) -> bool:
    cookie = SimpleCookie()
    try:
        cookie.load(_header(headers, "Cookie"))
    except Exception:  # a malformed Cookie header is simply no ticket
        return False
    return TICKET_COOKIE in cookie and cookie[TICKET_COOKIE].value == TICKET_VALUE


def requested_language(query: dict[str, list[str]], headers: dict[str, str]) -> str:
    """lang parameter first, then Accept-Language, else ru."""
    lang = (_first(query, "lang") or "").lower()
    if not lang:
        accept = _header(headers, "Accept-Language")
        lang = accept.split(",")[0].split(";")[0].strip().lower().split("-")[0] if accept else ""
    lang = {"kz": "kk"}.get(lang, lang)
    return lang if lang in LANGUAGES else "ru"


def handle_ticket(method: str, path: str, query: dict[str, list[str]], headers: dict[str, str],
                  body: bytes, site_dir: Path) -> Response:
    """POST sets the session ticket cookie that the news endpoint demands."""
    if method.upper() != "POST":
        return _json(405, {"message": "methodNotAllowed"}, {"Allow": "POST"})
    cookie = f"{TICKET_COOKIE}={TICKET_VALUE}; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax"
    return _json(200, {"status": "ok"}, {"Set-Cookie": cookie})


def _int(value: str | None, default: int) -> int | None:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        return None


def handle_news(method: str, path: str, query: dict[str, list[str]], headers: dict[str, str],
                body: bytes, site_dir: Path) -> Response:
    """The news listing of one project, paged, in the requested language."""
    if method.upper() not in ("GET", "HEAD"):
        return _json(405, {"message": "methodNotAllowed"}, {"Allow": "GET"})
    if not _has_ticket(headers):
        return _json(400, {"message": "notAllowed"})
    project = (_first(query, "projects") or "").removeprefix("eq:")
    page = _int(_first(query, "page"), 1)
    size = _int(_first(query, "size"), DEFAULT_PAGE_SIZE)
    if not project or page is None or size is None or page < 1 or size < 1:
        return _json(400, {"message": "badRequest"})
    size = min(size, MAX_PAGE_SIZE)

    source = Path(site_dir) / "news" / f"{Path(project).name}.json"
    editions = json.loads(source.read_text(encoding="utf-8")) if source.is_file() else {}
    items = list(editions.get(requested_language(query, headers), []))

    since = _first(query, "created_date")
    if since:
        op, _, value = since.partition(":")
        if op != "gt" or not value:
            return _json(500, {"message": "internalServerError"})
        items = [it for it in items if it["created_date"] > value]

    field, _, order = (_first(query, "sort-by") or "created_date:DESC").partition(":")
    if field != "created_date":
        return _json(400, {"message": "badRequest"})
    items.sort(key=lambda it: it["created_date"], reverse=order.upper() != "ASC")

    start = (page - 1) * size
    return _json(200, items[start:start + size])
