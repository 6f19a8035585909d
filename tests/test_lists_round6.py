"""Round 6: lists of plants and one facility told in several sentences (invented sentences).

- a pool counted, then its items in a sentence that opens with the list ("They are - a X, a Y and
  a Z", "Олар — X, Y және Z", "Это – X, Y и Z"): one record per item, beside the pool;
- bullets of a pool named by an activity or a product alone ("- deep processing of wool in ...");
- a plural head over bracketed items in a sentence of saying ("added that plants making X (A), ...");
  the last bracketed item after ", and" is kept whatever its words;
- "Projects to produce X and Y" under a counted pool: one project per product;
- "start X ... and to build Y": two projects;
- a count then a dash or colon and its list ("три объекта – X, Y и Z");
- a counted pool said again ("Үш жобаның бәрінде") is the same pool;
- one facility told in several sentences: its blocks, warehouses, turbines and stages, or its kind
  said again (with the area it grows to), stay in its record;
- a photo caption with its credit is no second record; "one of the projects — X" is X alone;
- the facility's own name written before its head titles it before its firm.
"""
from datetime import date

from kzmon.extract.announcements import extract_announcements

DAY = date(2024, 5, 1)


def _records(text: str) -> list[dict]:
    return extract_announcements(text, DAY)


def _projects(text: str) -> list[dict]:
    return [r for r in _records(text) if r["kind"] == "project"]


def test_a_counted_pool_then_a_sentence_that_is_its_list():
    en = ("Four new plants are to be launched in Pavlodar region this year. They are - a plant making "
          "paving slabs, a zinc smelting plant and a plant for recycling tyres and producing rubber crumb.")
    titles = [p["title"] for p in _projects(en)]
    assert len(titles) == 3 and "rubber crumb" in titles[2]
    assert any(r["kind"] == "program" and r["project_count"] == 4 for r in _records(en))
    ru = "В области в этом году откроют три предприятия. Это – кирпичный завод, мельничный комплекс и птицефабрика."
    assert len(_projects(ru)) == 3
    kk = "Облыста төрт ірі жоба жүзеге асып жатыр. Олар — цемент зауыты, құс фабрикасы және жылыжай кешені."
    assert len(_projects(kk)) == 3


def test_bullets_named_by_activity_or_product_alone_are_items():
    en = ("Region to carry out 7 projects in food industry\n\n"
          "Seven investment projects generating around 400 jobs are to be implemented in 2025.\n\n"
          "Among the projects are:\n\n- deep processing of camel milk in Mangistau region,\n\n"
          "- a meat packing complex in Kostanay region,\n\n- fruit juice production in Turkestan region.\n")
    items = _projects(en)
    assert [p["regions"] for p in items] == [["KZ-47"], ["KZ-39"], ["KZ-61"]]
    assert "milk" in items[0]["title"]
    ru = ("В регионе реализуют пять проектов\n\nВ этом году в области реализуют пять проектов на 20 млрд тенге.\n\n"
          "Среди проектов:\n\n– глубокая переработка шерсти в Актюбинской области;\n\n"
          "– выпуск картонной упаковки в Павлодарской области.\n")
    assert [p["regions"] for p in _projects(ru)] == [["KZ-15"], ["KZ-55"]]


def test_the_parts_of_one_facility_stay_in_its_record():
    ru = ("В Жамбылской области строится тепличный комплекс «Агро Сарыагаш» стоимостью 30 млрд тенге.\n\n"
          "Из шести тепличных блоков три уже запущены. Одновременно идет строительство административно-бытового "
          "комплекса и складов.")
    (one,) = _projects(ru)
    assert one["investment_kzt"] == 30_000_000_000
    en = ("A wind farm worth 40 billion tenge is being built near Kentau in Turkestan region.\n\n"
          "The first turbines of the wind farm have been installed.")
    assert len(_projects(en)) == 1


def test_a_plural_head_over_bracketed_items_after_a_verb_of_saying():
    en = ("This year the region expects to implement 40 industrial projects worth 300 billion tenge.\n\n"
          "The governor added that plants making glass wool (Aktobe region), assembling buses (Kostanay region) "
          "and processing rare earths (Zhambyl region) have already been commissioned.")
    items = _projects(en)
    assert [p["regions"] for p in items] == [["KZ-15"], ["KZ-39"], ["KZ-31"]]
    assert {p["status"] for p in items} == {"commissioned"}


def test_the_last_bracketed_item_after_a_comma_and_is_kept():
    en = ("This year 90 projects worth 500 billion tenge will be implemented, in particular, plants producing "
          "cathode copper (Karaganda region), truck components (Kostanay region), and processing rare earths "
          "(Zhambyl region), the minister said.")
    assert [p["regions"] for p in _projects(en)] == [["KZ-35"], ["KZ-39"], ["KZ-31"]]


def test_projects_to_produce_two_products_under_a_counted_pool():
    en = ("The country expects to implement 120 industrial projects this year.\n\n"
          "Projects to produce polystyrene and methanol are due to be commissioned soon.")
    titles = [p["title"] for p in _projects(en)]
    assert len(titles) == 2 and "polystyrene" in titles[0] and "methanol" in titles[1]


def test_a_count_then_a_dash_and_its_list():
    ru = "В Таразе строятся три объекта – кирпичный завод, тепличный комплекс и мельница."
    recs = _records(ru)
    assert [r["kind"] for r in recs] == ["program", "project", "project", "project"]
    assert {r["status"] for r in recs} == {"under_construction"}
    kk = "Шымкенттегі индустриялық аймақта екі нысан – цемент зауыты мен құс фабрикасы салынып жатыр."
    assert len(_projects(kk)) == 2


def test_a_pool_counted_again_is_the_same_pool():
    kk = ("Облыста жалпы құны 2 млрд доллар болатын үш ірі инвестициялық жоба жүзеге асып жатыр. "
          "Үш жобаның бәрінде жұмыс қолға алынды, оларды алдағы жылы аяқтау жоспарда бар.")
    pools = [r for r in _records(kk) if r["kind"] == "program"]
    assert len(pools) == 1 and pools[0]["investment_usd"] == 2_000_000_000


def test_two_projects_joined_by_and_to_build():
    en = ("The region intends to start lime production at the Koktas deposit and to build a plant making "
          "refractory bricks in Karaganda region.")
    titles = [p["title"] for p in _projects(en)]
    assert len(titles) == 2 and "lime" in titles[0] and "refractory" in titles[1]


def test_a_photo_caption_with_its_credit_is_no_second_record():
    en = ("Qazwind to build 120MW wind farm in Kazakhstan\n\n"
          "Qazwind plans wind farm in Kazakhstan. (Credit: Jane Doe on Unsplash)\n\n"
          "Qazaq Wind Energy Company (Qazwind) has disclosed plans to put up a large wind farm near Shu in "
          "Zhambyl region. The company is to spend some 60 billion tenge on the 120MW facility.")
    (one,) = _projects(en)
    assert one["investment_kzt"] == 60_000_000_000


def test_one_of_the_projects_is_the_class_not_a_second_record():
    ru = ("Одним из самых масштабных индустриальных проектов Жамбылской области стало строительство в "
          "Шуском районе стекольного завода ТОО «Шу Гласс».")
    (one,) = _projects(ru)
    assert "стеколь" in one["title"]
    en = "One of the largest industrial projects of Kostanay region, a glass plant, is being built in Rudny."
    (one,) = _projects(en)
    assert "glass" in one["title"]


def test_the_facility_is_titled_by_its_own_name_before_its_firm():
    from kzmon.extract.announcements.draft import Draft
    from kzmon.extract.announcements.finish import _own_name_first
    d = Draft("project", "жел электр станциясы", 0)
    d.companies = ["ERG", "Көкжар"]
    d.add_evidence("Облыстың ірі жобаларының бірі — «Көкжар» жел электр станциясы пайдалануға берілді.")
    assert _own_name_first(d)[0] == "Көкжар"


def test_the_facility_said_again_by_its_kind_with_the_area_it_grows_to():
    ru = ("В Сарыагашском районе на участке площадью 30 га строится тепличный комплекс «Агро Сарыагаш» стоимостью "
          "20 млрд тенге.\n\nКогда комплекс заработает, появится 400 рабочих мест, а площадь теплиц будут "
          "наращивать до 200 га.")
    (one,) = _projects(ru)
    assert one["jobs"] == 400 and one["area_m2"] == 300_000


def test_a_kazakh_unit_is_an_item_of_its_own():
    kk = ("Облыста жалпы құны 5 млрд доллар болатын үш ірі жоба жүзеге асып жатыр. "
          "Олар — полипропилен шығару жобасы, газсепарациялық қондырғы және газ өңдеу зауыты.")
    titles = [p["title"] for p in _projects(kk)]
    assert len(titles) == 3 and "қондырғы" in titles[1]
