"""Dates written in Kazakh news pages (ru / kk / en) and a page's publication date.

Our own patterns handle what pages here actually print - inflected Kazakh months,
Russian nominative and abbreviated months, "DD.MM.YYYY · HH:MM" - and dateparser is
the fallback for the rest. Times without an offset are Kazakhstan time (UTC+5).
Month words: extract/data/months.yaml; where dates hide in a page: date_sources.yaml.
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator


from kzmon.extract.regions import fold
from kzmon.extract.data_files import load_yaml

DATA_DIR = Path(__file__).parent / "data"
ALMATY = timezone(timedelta(hours=5))
DATEPARSER_MAX_CHARS = 80       # dateparser is slow and imaginative on longer strings
EARLIEST_YEAR = 1991


@lru_cache(maxsize=1)
def _months() -> tuple[dict[str, int], str, dict[str, int], str]:
    """Month word -> number, the month regex, relative word -> day offset, kk year words."""
    with (DATA_DIR / "months.yaml").open(encoding="utf-8") as fh:
        data = load_yaml(fh)
    words: dict[str, int] = {}
    for lang in ("ru", "en"):
        for number, forms in data[lang].items():
            for form in forms:
                words[fold(form.lower())] = int(number)
    kk_endings = sorted({fold(e) for e in data["kk_endings"]}, key=len, reverse=True)
    kk_stems: dict[str, int] = {}
    for number, stems in data["kk"].items():
        for stem in stems:
            kk_stems[fold(stem.lower())] = int(number)
    alternatives = sorted(words, key=len, reverse=True)
    kk_part = "(?:" + "|".join(map(re.escape, sorted(kk_stems, key=len, reverse=True))) + ")" \
        + "(?:" + "|".join(map(re.escape, kk_endings)) + ")?"
    month_rx = "(?:" + kk_part + "|" + "|".join(map(re.escape, alternatives)) + r")(?![^\W\d_])\.?"
    words.update(kk_stems)
    relative = {fold(w.lower()): int(offset) for offset, ws in data["relative_days"].items() for w in ws}
    year_words = "|".join(re.escape(fold(w)) for w in data["kk_year_words"])
    return words, month_rx, relative, year_words


def _month_number(word: str) -> int | None:
    words = _months()[0]
    word = word.lower().rstrip(".")
    if word in words:
        return words[word]
    for cut in range(1, 7):              # a Kazakh stem plus its ending
        if word[:-cut] in words:
            return words[word[:-cut]]
    return None


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    _, month, relative, year_words = _months()
    day = r"(?<!\d)(?P<day>[0-3]?\d)"
    year = r"(?P<year>(?:19|20)\d{2})(?!\d)"
    flags = re.IGNORECASE
    return {
        "iso": re.compile(
            r"(?<!\d)(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
            r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:[.,]\d+)?)?"
            r"\s*(?P<tz>Z|[+-][0-2]\d:?[0-5]\d)?)?(?!\d)"),
        "numeric": re.compile(
            r"(?<![\d.])(?P<day>[0-3]?\d)(?P<sep>[./])(?P<month>[01]?\d)(?P=sep)" + year),
        "kk": re.compile(
            year + r"\s*(?:" + year_words + r"|жылдын)?\s*" + r"(?P<day>[0-3]?\d)\s*-?\s*(?:ши|шы)?\s*"
            r"(?P<month>" + month + ")", flags),
        "day_month_year": re.compile(
            day + r"(?:-?(?:ши|шы|st|nd|rd|th|го|е))?\s+(?P<month>" + month + r"),?\s+" + year, flags),
        "month_day_year": re.compile(
            r"(?<![^\W\d_])(?P<month>" + month + r")\s+" + day + r"(?:st|nd|rd|th)?,?\s+" + year, flags),
        "day_month": re.compile(
            day + r"(?:-?(?:ши|шы|st|nd|rd|th|го|е))?\s+(?P<month>" + month + ")", flags),
        "relative": re.compile(
            r"(?<![^\W\d_])(?P<rel>" + "|".join(map(re.escape, relative)) + r")(?![^\W\d_])", flags),
        "time": re.compile(r"(?<![\d:])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d])"),
    }


def _build(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0,
           tz: timezone = ALMATY) -> datetime | None:
    if year < EARLIEST_YEAR:
        return None
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None


def _offset(text: str | None) -> timezone:
    if not text:
        return ALMATY
    if text.upper() == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))


def _time_near(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """A clock time written just before or after a date ("13:51, 15 Август 2025")."""
    window_start = max(0, start - 12)
    for m in _patterns()["time"].finditer(folded, window_start, min(len(folded), end + 15)):
        if m.end() <= start or m.start() >= end:
            return int(m["hour"]), int(m["minute"])
    return None


def _candidates(text: str, now: datetime) -> Iterator[tuple[int, int, datetime]]:
    """Every date the patterns see, as (start, end, value)."""
    folded = fold(text)
    pats = _patterns()
    for m in pats["iso"].finditer(folded):
        value = _build(int(m["year"]), int(m["month"]), int(m["day"]),
                       int(m["hour"] or 0), int(m["minute"] or 0), int(m["second"] or 0), _offset(m["tz"]))
        if value:
            yield m.start(), m.end(), value
    for name in ("numeric", "kk", "day_month_year", "month_day_year", "day_month"):
        for m in pats[name].finditer(folded):
            month = int(m["month"]) if name == "numeric" else _month_number(m["month"])
            if month is None:
                continue
            day = int(m["day"])
            if name == "day_month" and not re.search("[а-я]", m["month"], re.IGNORECASE):
                continue          # English pages print the year; "20 may be" is no date
            if name == "day_month":
                year = now.astimezone(ALMATY).year
            else:
                year = int(m["year"])
            clock = _time_near(folded, m.start(), m.end()) or (0, 0)
            value = _build(year, month, day, *clock)
            if name == "day_month" and value and value > now:
                value = _build(year - 1, month, day, *clock)
            if value:
                yield m.start(), m.end(), value
    for m in pats["relative"].finditer(folded):
        offset = _months()[2][m["rel"].lower()]
        local = now.astimezone(ALMATY) + timedelta(days=offset)
        clock = _time_near(folded, m.start(), m.end())
        if clock is None and len(folded) > 30:
            continue      # "today" in a sentence is not a date line
        value = _build(local.year, local.month, local.day, *(clock or (0, 0)))
        if value:
            yield m.start(), m.end(), value


def parse_date_text(text: str, languages: list[str] | None = None, *,
                    now: datetime | None = None) -> datetime | None:
    """The first full date (day, month, year) written in `text`, tz-aware; None for none.

    A bare year ("в 2027 году") or month is not a date. A day and month without a year
    take the latest such day not after `now`; "Сегодня"/"Кеше" count from `now`.
    """
    if not text or not text.strip():
        return None
    now = now or datetime.now(timezone.utc)
    text = " ".join(text.split())
    if re.match(r"^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d", text):   # RFC 2822 (feeds)
        try:
            value = parsedate_to_datetime(text)
            return value if value.tzinfo else value.replace(tzinfo=ALMATY)
        except (TypeError, ValueError):
            pass
    best: tuple[int, int, datetime] | None = None
    for start, end, value in _candidates(text, now):
        if best is None or start < best[0] or (start == best[0] and end > best[1]):
            best = (start, end, value)
    if best:
        return best[2]
    if len(text) <= DATEPARSER_MAX_CHARS and re.search(r"\d", text):
        return _dateparser(text, languages, now)
    return None


def warm_dateparser() -> None:
    """Import dateparser and load its ru/kk/en locales (about 0.15 s, once per process): a
    process that forks workers pays it once for all of them, not once per worker at its
    first page whose date only dateparser reads."""
    _dateparser("12 марта 2024, 10:15", None, datetime.now(timezone.utc))


def _dateparser(text: str, languages: list[str] | None, now: datetime) -> datetime | None:
    import dateparser  # imported late: it takes a second to load its locale data

    value = dateparser.parse(text, languages=languages or ["ru", "kk", "en"], settings={
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": now.astimezone(ALMATY).replace(tzinfo=None),
        "STRICT_PARSING": True,
    })
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=ALMATY)


# --- the publication date of a page -------------------------------------------------

_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})(?P<sep>[/-])(?P<month>0?[1-9]|1[0-2])"
    r"(?:(?P=sep)(?P<day>0?[1-9]|[12]\d|3[01]))?(?=[/-]|$)")
_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle"}


@lru_cache(maxsize=1)
def _sources() -> dict:
    with (DATA_DIR / "date_sources.yaml").open(encoding="utf-8") as fh:
        return load_yaml(fh)


def parse_iso(value: str | None) -> datetime | None:
    """An ISO-8601 timestamp or date from an attribute; naive means Kazakhstan time."""
    if not value:
        return None
    m = _patterns()["iso"].search(value.strip())
    if not m:
        return None
    return _build(int(m["year"]), int(m["month"]), int(m["day"]), int(m["hour"] or 0),
                  int(m["minute"] or 0), int(m["second"] or 0), _offset(m["tz"]))


def _json_ld_dates(tree) -> Iterator[str]:
    """datePublished values of the JSON-LD blocks, article types first."""
    found: list[tuple[int, str]] = []

    def walk(node) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            if isinstance(node.get("datePublished"), str):
                types = node.get("@type") or []
                types = [types] if isinstance(types, str) else types
                rank = 0 if any(str(t).lower() in _ARTICLE_TYPES for t in types) else 1
                found.append((rank, node["datePublished"]))
            for key, value in node.items():
                if key != "datePublished" and isinstance(value, (dict, list)):
                    walk(value)

    for script in tree.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"):
        try:
            walk(json.loads(script.text or ""))
        except ValueError:
            continue
    for _, value in sorted(found, key=lambda f: f[0]):
        yield value


def _meta_dates(tree) -> Iterator[str]:
    names = [n.lower() for n in _sources()["meta"]]
    metas = tree.xpath("//meta[@content]")
    for name in names:
        for meta in metas:
            keys = {(meta.get(a) or "").lower() for a in ("property", "name", "itemprop")}
            if name in keys:
                yield meta.get("content")


def _itemprop_dates(tree) -> Iterator[str]:
    for el in tree.xpath("//*[@itemprop='datePublished'][not(self::meta)]"):
        yield el.get("datetime") or el.get("content") or el.text_content()


def _document_order(tree) -> tuple[dict, int]:
    """Position of every element, and of the first <h1> (the article's title)."""
    order = {el: i for i, el in enumerate(tree.iter())}
    h1 = tree.xpath("//h1")
    return order, order[h1[0]] if h1 else 0


def _near_title(elements: Iterable, order: dict, title_at: int) -> list:
    """Elements closest to the title first: sidebars and listings come last."""
    return sorted(elements, key=lambda el: abs(order.get(el, 0) - title_at))


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _date_elements(tree) -> list:
    """<time> elements, and the body's elements whose class or id contains a date word (ASCII
    letters compared case-blind, as XPath translate() would), in document order. The words are
    tested here, not in the XPath: nine translate() calls per element cost more than the rest
    of the date search."""
    words = tuple(_sources()["date_element_words"])

    def marked(el) -> bool:
        for name in ("class", "id"):
            value = el.get(name)
            if value and any(w in value.translate(_ASCII_LOWER) for w in words):
                return True
        return False

    return [el for el in tree.xpath("//time | //body//*[@class or @id]") if el.tag == "time" or marked(el)]


def _url_date(url: str | None) -> datetime | None:
    """/2023/01/12/, /2026-11-20/ or /2023/01/ (the first of the month) in a URL's path."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    m = _URL_DATE.search(path.split("?")[0])
    if not m:
        return None
    return _build(int(m["year"]), int(m["month"]), int(m["day"] or 1))


# A copyright line dates the site, not the article ("© 2026 Kazinform", "Copyright 1 January 2026"):
# a date read from one would make every old undated article on the site look new.
# Only the notice's own marks count: "paragraph 2(c)" or "the law on copyright" in a short
# paragraph of the article is no copyright line.
_COPYRIGHT = re.compile(r"©|\(c\)\s*(?:19|20)\d\d|^\W*copyright\b|\bcopyright\s*(?:©|\(c\)|(?:19|20)\d\d)"
                        r"|все права защищены|барлық құқық\w* қорғалған|all rights reserved", re.IGNORECASE)


def is_copyright_line(text: str) -> bool:
    """Whether a line is a copyright notice (its dates are never an article's date)."""
    return bool(_COPYRIGHT.search(text or ""))


_COPYRIGHT_HINT = re.compile(r"©|\(c\)|copyright|права|құқық|rights", re.IGNORECASE)


def drop_copyright_lines(tree) -> int:
    """Remove the short elements of a parsed page that are copyright lines (their tails stay),
    so that no date reader, ours or htmldate's, sees them; returns how many went. Only the text
    nodes that carry a copyright mark are looked at, then their element and its ancestors as long
    as they stay a line (max_date_text): the page is not walked element by element."""
    max_chars = int(_sources()["max_date_text"])
    doomed = []
    for node in tree.xpath("//body//text()"):
        if not _COPYRIGHT_HINT.search(node):
            continue
        owner = node.getparent()
        if owner is not None and node.is_tail:
            owner = owner.getparent()
        line = None
        while owner is not None and owner.tag not in ("body", "html"):
            text = " ".join(owner.text_content().split())
            if len(text) > max_chars:
                break
            if is_copyright_line(text):
                line = owner
            owner = owner.getparent()
        if line is not None and line not in doomed and not any(d in line.iterancestors() for d in doomed):
            doomed = [d for d in doomed if line not in d.iterancestors()] + [line]
    for el in doomed:
        el.drop_tree()
    return len(doomed)


def _parse_html(html: str):
    import lxml.html

    try:
        return lxml.html.document_fromstring(html)
    except ValueError:   # a str with an XML encoding declaration: give lxml bytes it can decode
        parser = lxml.html.HTMLParser(encoding="utf-8")
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)


def find_published(html: str, url: str | None = None, now: datetime | None = None) -> datetime | None:
    """The page's publication date (see dated_page for where it comes from)."""
    return dated_page(html, url, now)[0]


def dated_page(html: str, url: str | None = None, now: datetime | None = None) -> tuple[datetime | None, str | None]:
    """The page's publication date from its most trusted signal that is not in the future.

    Order: JSON-LD datePublished, article:published_time and og:article:published_time
    metas, itemprop=datePublished, <time datetime>, date text in date elements, the URL.
    Strings inside <script> other than JSON-LD are never read.
    """
    from lxml import etree

    if not html or not html.strip():
        return dated_tree(None, url, now)
    try:
        tree = _parse_html(html)
    except (etree.ParserError, ValueError):
        tree = None
    return dated_tree(tree, url, now)


def dated_tree(tree, url: str | None = None, now: datetime | None = None) -> tuple[datetime | None, str | None]:
    """dated_page on a page already parsed (an lxml.html tree, or None): the text layer parses
    each page once. The tree is changed (scripts and styles are stripped from it): give it
    last, or a copy."""
    from lxml import etree

    now = now or datetime.now(timezone.utc)

    def ok(value: datetime | None) -> bool:
        return value is not None and value <= now

    def from_url() -> tuple[datetime | None, str | None]:
        value = _url_date(url)
        return (value, "url") if ok(value) else (None, None)

    if tree is None:
        return from_url()

    for raw in _json_ld_dates(tree):
        if ok(value := parse_iso(raw)):
            return value, "json-ld"
    for raw in _meta_dates(tree):
        if ok(value := parse_iso(raw)):
            return value, "meta"
    for raw in _itemprop_dates(tree):
        if ok(value := parse_iso(raw) or parse_date_text(raw, now=now)):
            return value, "meta"

    etree.strip_elements(tree, "script", "style", "noscript", "template", with_tail=False)
    order, title_at = _document_order(tree)
    for el in _near_title(tree.xpath("//time[@datetime]"), order, title_at):
        parent = el.getparent()
        if is_copyright_line(parent.text_content() if parent is not None else el.text_content()):
            continue
        if ok(value := parse_iso(el.get("datetime"))):
            return value, "page-text"
    max_chars = int(_sources()["max_date_text"])
    for el in _near_title(_date_elements(tree), order, title_at):
        text = " ".join(el.text_content().split())
        if not text or len(text) > max_chars or is_copyright_line(text):
            continue
        if ok(value := parse_date_text(text, now=now)):
            return value, "page-text"
    return from_url()


DATELINE_LINES = 6
_YEAR = re.compile(r"(?:19|20)\d\d")


def date_in_text(text: str, now: datetime | None = None) -> date | None:
    """The article's own date when nothing else gives one: a dateline or byline near the top
    ("12 апреля 2022, 10:15", "Updated on 14.03.2021", "Жарияланды: 05.09.2023"). Only a full
    date with its year counts: "August 9" alone would be read into the wrong year."""
    now = now or datetime.now(timezone.utc)
    for line in [ln for ln in (text or "").splitlines() if ln.strip()][1:DATELINE_LINES + 1]:
        line = " ".join(line.split())
        if len(line) > 200 or is_copyright_line(line):
            continue    # a paragraph of the body, or a copyright line: not a dateline
        for start, end, value in sorted(_candidates(line, now)):
            if _YEAR.search(line[start:end]) and value <= now:
                return value.astimezone(ALMATY).date()
    return None
