"""Dates in page text and a page's publication date, on snippets written for these tests."""
from datetime import datetime, timedelta, timezone

import pytest

from kzmon.extract.dates import ALMATY, find_published, parse_date_text

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)


def local(*args) -> datetime:
    return datetime(*args, tzinfo=ALMATY)


@pytest.mark.parametrize("text, expected", [
    ("12 марта 2024", local(2024, 3, 12)),
    ("3 декабря 2019 года", local(2019, 12, 3)),
    ("15 Август 2025", local(2025, 8, 15)),                 # nominative month (inform.kz)
    ("13:51, 15 Август 2025", local(2025, 8, 15, 13, 51)),
    ("7 Октябрь 2024, 09:05", local(2024, 10, 7, 9, 5)),
    ("12 Янв 2022", local(2022, 1, 12)),                   # abbreviated month
    ("4 Сент. 2021", local(2021, 9, 4)),
    ("28.02.2026 · 14:05", local(2026, 2, 28, 14, 5)),
    ("05/11/2025", local(2025, 11, 5)),
    ("2 August 2023", local(2023, 8, 2)),
    ("August 2, 2023", local(2023, 8, 2)),
    ("Posted on Sept 30th, 2022 at 10:40", local(2022, 9, 30, 10, 40)),
    ("2020 жылғы 15 қыркүйек", local(2020, 9, 15)),
    ("2021 ж. 3 наурызда", local(2021, 3, 3)),
    ("2019 жылдың 1 желтоқсанында", local(2019, 12, 1)),
    ("2022 жылғы 9 шілдесі", local(2022, 7, 9)),
    ("2020 жылгы 15 кыркуйек", local(2020, 9, 15)),        # typed without Kazakh letters
    ("06 апреля 2018 22:27", local(2018, 4, 6, 22, 27)),
    ("2024-03-12", local(2024, 3, 12)),
    ("2024-03-12T10:15:00", local(2024, 3, 12, 10, 15)),
    ("2024-03-12T10:15:00+06:00", datetime(2024, 3, 12, 10, 15, tzinfo=timezone(timedelta(hours=6)))),
    ("2024-03-12T05:15:00Z", datetime(2024, 3, 12, 5, 15, tzinfo=timezone.utc)),
    ("Tue, 12 Mar 2024 10:00:00 +0000", datetime(2024, 3, 12, 10, 0, tzinfo=timezone.utc)),
])
def test_parse_date_text(text, expected):
    value = parse_date_text(text, now=NOW)
    assert value == expected
    assert value.tzinfo is not None


@pytest.mark.parametrize("text, expected", [
    ("15 қыркүйегі", local(2026, 9, 15)),          # no year: the latest such day before now
    ("25 желтоқсанда", local(2025, 12, 25)),       # would be in the future this year
    ("5 мая", local(2026, 5, 5)),
    ("Сегодня, 14:05", local(2026, 11, 20, 14, 5)),
    ("Вчера, 23:10", local(2026, 11, 19, 23, 10)),
    ("Кеше, 09:10", local(2026, 11, 19, 9, 10)),
])
def test_dates_relative_to_now(text, expected):
    assert parse_date_text(text, now=NOW) == expected


@pytest.mark.parametrize("text", [
    "в 2027 году", "2027 жылы", "by 2030", "в марте", "Завод запустят в третьем квартале",
    "31 февраля 2024", "", "   ", "20 may be enough",
    "Today the minister said the plant would open soon, according to the press service.",
])
def test_no_date(text):
    assert parse_date_text(text, now=NOW) is None


def test_first_date_in_a_byline_wins():
    text = "By Aigerim Seisembayeva in Business on 12 January 2023 (updated 14 January 2023)"
    assert parse_date_text(text, now=NOW) == local(2023, 1, 12)


def page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


JSON_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
           '{"@type": "WebSite", "datePublished": "2015-01-01"},'
           '{"@type": "NewsArticle", "datePublished": "2026-11-18T09:30:00+05:00"}]}</script>')


@pytest.mark.parametrize("html, url, expected", [
    (page(JSON_LD + '<meta property="article:published_time" content="2026-11-01T00:00:00+05:00">'),
     None, local(2026, 11, 18, 9, 30)),
    (page('<meta property="article:published_time" content="2026-11-17T08:00:00+05:00">'),
     None, local(2026, 11, 17, 8)),
    (page('<meta property="og:article:published_time" content="2026-09-19 10:00:00">',
          "<h1>Комбинат</h1><p>19 сентября 2026 года</p>"),
     None, local(2026, 9, 19, 10)),
    (page(body='<h1>T</h1><span itemprop="datePublished" content="2026-11-02">2 ноября</span>'),
     None, local(2026, 11, 2)),
    (page(body='<h1>T</h1><time class="single-publishing-time__date" datetime="2026-11-19T16:20:00+05:00">'
               "19 ноября</time>"),
     None, local(2026, 11, 19, 16, 20)),
    (page(body='<h1>Title</h1><p class="byline">By A. Writer in Business on 12 January 2023</p>'),
     None, local(2023, 1, 12)),
    (page(body='<h1>Заголовок</h1><div class="article__date">12 Янв 2022</div>'),
     None, local(2022, 1, 12)),
    (page(body='<div class="allNewsCard_time">13:51, 15 Август 2025</div><h1>Т</h1>'),
     None, local(2025, 8, 15, 13, 51)),
    (page(body='<h1>Т</h1><span class="date">06 апреля 2018 22:27</span>'),
     None, local(2018, 4, 6, 22, 27)),
    (page(body="<h1>Т</h1><div class='meta'>28.02.2026 · 14:05</div>"),
     None, local(2026, 2, 28, 14, 5)),
    (page(body="<h1>Жаңалық</h1><span class='news-date'>2025 жылғы 3 наурыз</span>"),
     None, local(2025, 3, 3)),
    (page(body="<h1>T</h1><p>No date here.</p>"), "https://kz.kursiv.media/2026-11-20/slug/", local(2026, 11, 20)),
    (page(body="<h1>T</h1>"), "https://astanatimes.com/2023/01/some-slug/", local(2023, 1, 1)),
    (page(body="<h1>T</h1>"), "https://example.kz/news/2024/05/28/slug", local(2024, 5, 28)),
])
def test_find_published(html, url, expected):
    assert find_published(html, url, now=NOW) == expected


def test_script_strings_are_never_read():
    html = page('<script>window.__DATA__ = {"date": "2026-11-10T10:00:00", "t": "10 ноября 2026"};</script>',
                "<h1>T</h1><p>Text.</p>")
    assert find_published(html, now=NOW) is None


def test_future_dates_are_skipped():
    html = page('<meta property="article:published_time" content="2027-01-01T00:00:00+05:00">',
                '<h1>T</h1><span class="date">18 ноября 2026</span>')
    assert find_published(html, now=NOW) == local(2026, 11, 18)
    assert find_published(page(body="<h1>T</h1>"), "https://x.kz/2030/01/a/", now=NOW) is None


def test_the_date_next_to_the_title_beats_a_sidebar():
    html = page(body='<aside><ul><li><span class="date">1 ноября 2026</span> Другая новость</li></ul></aside>'
                     + "<div>" * 5 + '<h1>Заголовок</h1><div class="article__date">17 ноября 2026</div>'
                     + "</div>" * 5)
    assert find_published(html, now=NOW) == local(2026, 11, 17)


def test_broken_json_ld_falls_through_to_meta():
    html = page('<script type="application/ld+json">{"datePublished": </script>'
                '<meta name="pubdate" content="2026-11-05">')
    assert find_published(html, now=NOW) == local(2026, 11, 5)


def test_empty_page_uses_url():
    assert find_published("", "https://astanatimes.com/2024/02/x/", now=NOW) == local(2024, 2, 1)
    assert find_published("", None, now=NOW) is None
