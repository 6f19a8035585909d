"""Issue 11, Kazakh reading (the grammar is Kazakh's own; English and Russian have no such case):
- "қағаз қап шығаратын цех пен пайдаланылған майды қайта өңдейтін кәсіпорын": a Kazakh noun comes
  after the participle that says what it does, so the second facility of a pair joined by "пен"
  was out of reach and the pair was one record; and "қайта" (re-), ending like a locative, cut
  the title to "өңдейтін кәсіпорын".
- "4 млн-ға жуық қағаз қап" (about 4 million paper bags): the case ending on the scale word hid
  the noun after it, and the bags became KZT 4 million.
Tested in new words.
"""
from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.figures import find_figures


def _projects(text: str) -> list[dict]:
    return [r for r in extract_announcements(text, "2017-03-10", "kk") if r["kind"] == "project"]


def test_two_facilities_joined_by_pen_are_two_records():
    records = _projects("Таразда полиэтилен пакет шығаратын цех пен пайдаланылған шинаны қайта өңдейтін зауыт салынады.")
    assert len(records) == 2, records
    assert "шина" in records[1]["title"] and "қайта өңдейтін" in records[1]["title"], records


def test_products_sharing_one_noun_keep_it_guard():
    # "жиһаз, сусын және құрылыс заттарын шығаратын өндірістер": the noun and its participle are every
    # product's, not a facility of the last product only
    titles = [r["title"] for r in _projects("Парк аумағында жиһаз, сусын және құрылыс заттарын шығаратын өндірістер жұмысын бастады.")]
    assert "жиһаз шығаратын өндіріс" in titles and "сусын шығаратын өндіріс" in titles, titles


def test_about_four_million_bags_is_no_money():
    assert [f.kind for f in find_figures("Жылына 5 млн-ға жуық полиэтилен пакет шығаратын цех.", "kk")
            if f.kind == "money"] == []


def test_about_four_billion_tenge_is_money_guard():
    money = [f for f in find_figures("Жобаға 4 млрд-қа жуық теңге жұмсалады.", "kk") if f.kind == "money"]
    assert [f.value for f in money] == [4e9]
    assert [f.value for f in find_figures("Жобаға 3 млрд-тан астам қаржы бөлінді.", "kk") if f.kind == "money"] == [3e9]


def test_two_products_sharing_a_participle_and_a_plural_head():
    # "ет пен сүт өңдейтін кәсіпорындар": enterprises processing meat and milk, one each (the spec's
    # list of products without figures); English and Russian had this ("plants producing X and Y")
    titles = [r["title"] for r in _projects("Таразда ет пен сүт өңдейтін кәсіпорындар ашылды.")]
    assert sorted(titles) == ["Тараздағы ет өңдейтін кәсіпорын", "Тараздағы сүт өңдейтін кәсіпорын"], titles
