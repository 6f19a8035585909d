"""Canonical URLs: one spelling per article, so nothing is downloaded twice."""
from __future__ import annotations

import pytest

from kzmon.crawler.urls import canonical_url, same_site


@pytest.mark.parametrize("variant, canonical", [
    ("HTTPS://WWW.Inform.KZ/ru/zavod-abc123", "https://www.inform.kz/ru/zavod-abc123"),
    ("https://www.inform.kz/ru/zavod-abc123/", "https://www.inform.kz/ru/zavod-abc123"),
    ("https://www.inform.kz/ru/zavod-abc123#comments", "https://www.inform.kz/ru/zavod-abc123"),
    ("https://www.inform.kz/ru/zavod-abc123?utm_source=telegram&utm_medium=social", "https://www.inform.kz/ru/zavod-abc123"),
    ("https://www.inform.kz/ru/zavod-abc123?fbclid=IwAR0x", "https://www.inform.kz/ru/zavod-abc123"),
    ("http://www.inform.kz:80/ru/zavod-abc123", "https://www.inform.kz/ru/zavod-abc123"),
    ("https://en.inform.kz/amp/news/plant-1ab2c3/", "https://en.inform.kz/news/plant-1ab2c3"),
    ("https://astanatimes.com/2026/11/plant-opens/amp/", "https://astanatimes.com/2026/11/plant-opens"),
    ("https://invest.gov.kz/ru/amp/news/40804/", "https://invest.gov.kz/ru/news/40804"),
    ("https://kapital.kz/economic/123/zavod.html?amp=1", "https://kapital.kz/economic/123/zavod.html"),
    ("https://m.tengrinews.kz/kazakhstan_news/zavod-584421/", "https://tengrinews.kz/kazakhstan_news/zavod-584421"),
])
def test_variants_share_one_canonical_form(variant, canonical):
    assert canonical_url(variant) == canonical


def test_meaningful_query_parameters_are_kept_in_a_stable_order():
    a = canonical_url("https://www.gov.kz/memleket/entities/mps/press/news/details/123?lang=ru&utm_campaign=x")
    b = canonical_url("https://www.gov.kz/memleket/entities/mps/press/news/details/123?lang=ru")
    assert a == b == "https://www.gov.kz/memleket/entities/mps/press/news/details/123?lang=ru"
    assert canonical_url("https://x.kz/news/?page=2&sort=new") == canonical_url("https://x.kz/news?sort=new&page=2")
    assert canonical_url("https://www.gov.kz/a/details/123?lang=kk") != a.replace("lang=ru", "lang=en")


def test_different_articles_stay_different():
    assert canonical_url("https://astanatimes.com/2026/11/a/") != canonical_url("https://astanatimes.com/2026/11/b/")


def test_same_site_ignores_www_and_mobile_hosts():
    assert same_site("https://www.zakon.kz/a.html", "https://m.zakon.kz/b.html")
    assert not same_site("https://zakon.kz/a", "https://kapital.kz/a")
