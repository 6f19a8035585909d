"""Issue 11, reading who did what: ways a real article's plant was lost or merged. A firm whose
registered name is a plant's name, written in straight or curly quotes as some outlets write it
(АО "Ульбинский металлургический завод"), opened a record of its own as it did not in «». "GreenRecycle
LLP has built a complex", "ТОО построило завод", "зауытты салып бітірді" stated no status: only the
passive ("has been built") did. Two firms' plants in one article were merged as one plant said
twice because both titles had "LLP", read as a shared name. And "a wheelset production complex ...
was put into operation" after a waste sorting complex was read as that complex again. "Has seen the
opening of" and "processed its first containers" are launches. And "1,700 jobs, and 510 once the
plants are put into operation": the plant's jobs are the ones the launch follows. A plant that "приступила
к выпуску", "шығаруды бастады", "has begun producing" is launched, and a zone that "has been set up",
"создана", "құрылды" is a record of its own. Tested in new words.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _projects(text: str, lang: str) -> list[dict]:
    return [r for r in extract_announcements(text, "2023-06-14", lang) if r["kind"] == "project"]


@pytest.mark.parametrize("lang, text", [
    ("ru", "ТОО «Алтай Кабель» запустило кабельный завод в Усть-Каменогорске. Медь для него будет поставлять "
           "АО \"Восточный медеплавильный завод\" по долгосрочному контракту."),
    ("en", "Altai Cable LLP launched a cable plant in Ust-Kamenogorsk. Copper will come from JSC “Eastern Copper "
           "Smelting Plant” under a long-term contract."),
    ("kk", "«Алтай Кабель» ЖШС Өскеменде кабель зауытын іске қосты. Мысты оған АҚ \"Шығыс мыс балқыту зауыты\" "
           "ұзақ мерзімді келісімшартпен жеткізеді."),
])
def test_a_firm_named_after_its_plant_in_straight_or_curly_quotes_is_no_record(lang, text):
    records = _projects(text, lang)
    assert len(records) == 1, records


# one record, launched: a firm that has built its plant, a plant that set about making its goods, a zone set up
@pytest.mark.parametrize("lang, text", [
    pytest.param("en", "In Karaganda, Steppe Recycling LLP has built a plant for processing tyres.", id="built-en"),
    pytest.param("ru", "В Караганде ТОО «Степь Ресайклинг» построило завод по переработке шин.", id="built-ru"),
    pytest.param("kk", "Қарағандыда «Степь Ресайклинг» ЖШС шина өңдейтін зауытты салып бітірді.", id="built-kk"),
    pytest.param("ru", "Фабрика «Жибек Жолы» в Туркестане приступила к выпуску шелковых тканей.", id="set-about-ru"),
    pytest.param("kk", "Түркістандағы «Жібек Жолы» фабрикасы жібек мата шығаруды бастады.", id="set-about-kk"),
    pytest.param("en", "The Zhibek Zholy factory in Turkestan has begun producing silk fabric.", id="set-about-en"),
    pytest.param("en", "A special economic zone has been set up to develop Shymkent's chemical industry.", id="zone-en"),
    pytest.param("ru", "В Шымкенте создана специальная экономическая зона для развития химической промышленности.",
                 id="zone-ru"),
    pytest.param("kk", "Шымкентте химия өнеркәсібін дамыту үшін арнайы экономикалық аймақ құрылды.", id="zone-kk"),
])
def test_a_plant_built_set_about_its_goods_or_a_zone_set_up_is_launched(lang, text):
    records = _projects(text, lang)
    assert len(records) == 1 and records[0]["status"] == "commissioned", records


def test_a_plant_built_decades_ago_is_no_news_guard():
    assert _projects("Завод построили в 1974 году в Караганде.", "ru") == []


def test_two_firms_plants_are_two_records_though_both_are_llps():
    text = ("Two plants started work in the region on Monday. In Taraz, Bereke Agro LLP has built a complex for "
            "drying fruit. Nur Steel LLP has built a plant making steel pipes.")
    records = _projects(text, "en")
    assert len(records) == 2, records


def test_a_complex_of_another_kind_brought_in_with_a_is_a_new_record():
    text = ("In Almaty, EcoSort LLP has built a complex for sorting plastic waste. The project covers the city's "
            "needs.\n\nAlso on Monday, a rail car repair complex with a capacity of 900 cars per year was put "
            "into operation.")
    records = _projects(text, "en")
    assert len(records) == 2 and any("rail car" in r["title"] for r in records), records


@pytest.mark.parametrize("lang, text", [
    ("en", "Taraz has recently seen the opening of a glass container factory."),
    ("en", "Today the terminal processed its first 40 containers. The Taraz logistics terminal employs 80 people."),
    ("ru", "В Таразе состоялось открытие завода стеклотары."),             # read before: the same news in Russian
    ("kk", "Таразда шыны ыдыс зауытының ашылу салтанаты өтті."),           # and in Kazakh
])
def test_an_opening_seen_or_a_first_batch_handled_is_a_launch(lang, text):
    records = _projects(text, lang)
    assert records and all(r["status"] == "commissioned" for r in records), records


@pytest.mark.parametrize("lang, text", [
    ("en", "Construction of a glass plant is under way in Kyzylorda. Building it will create 900 jobs, and 240 jobs "
           "once the plant is put into operation."),
    ("ru", "В Кызылорде идет строительство стекольного завода. Стройка даст 900 рабочих мест, и 240 рабочих мест "
           "после ввода в эксплуатацию."),   # read before: the building's word marks the first
    ("kk", "Қызылордада шыны зауытының құрылысы жүріп жатыр. Құрылыс 900 жұмыс орнын береді, ал 240 жұмыс орны "
           "іске қосылғаннан кейін ашылады."),
])
def test_the_jobs_the_launch_follows_are_the_plants(lang, text):
    records = _projects(text, lang)
    assert len(records) == 1 and records[0]["jobs"] == 240, records


def test_setting_about_work_on_a_project_is_no_launch_guard():
    records = _projects("ТОО «Жибек Жолы» приступило к работе над проектом шелковой фабрики в Туркестане.", "ru")
    assert all(r["status"] != "commissioned" for r in records), records


def test_a_zone_to_be_set_up_is_a_plan_guard():
    records = _projects("В Шымкенте будет создана специальная экономическая зона для развития химической "
                        "промышленности.", "ru")
    assert len(records) == 1 and records[0]["status"] == "planned", records
