"""A project's industry is read from the whole article: its own words first, then the one industry its
sentences name, then the one its headline names; and product words a reader knows name the
industry in all three languages. Each test failed before its change."""
import pytest

from kzmon.extract.announcements import extract_announcements


def _projects(text: str, language: str) -> list[dict]:
    return [r for r in extract_announcements(text, None, language, None) if r["kind"] == "project"]


@pytest.mark.parametrize("text, language, sector", [
    ("Пищевая промышленность Костанайской области прирастает новыми цехами\n"
     "В Рудном открыли цех по выпуску полуфабрикатов стоимостью 200 млн тенге.", "ru", "agro_food"),
    ("Food industry: Kostanay region adds new workshops\n"
     "A workshop producing dumplings worth 150 million tenge was launched in Rudny.", "en", "agro_food"),
    ("Тамақ өнеркәсібі: Шымкентте жаңа цех ашылды\n"
     "Қалада құны 300 млн теңге болатын тұшпара шығаратын цех іске қосылды.", "kk", "agro_food"),
])
def test_the_one_industry_the_headline_names_is_the_industry_of_a_project_that_names_none(text, language, sector):
    """The body names only the product ("полуфабрикаты", "dumplings", "тұшпара"); the headline says
    which industry the article is about."""
    projects = _projects(text, language)
    assert projects and all(p["sector"] == sector for p in projects)


@pytest.mark.parametrize("text, language", [
    ("Food and textile industries grow in Kostanay region\n"
     "A workshop producing dumplings worth 150 million tenge was launched in Rudny.", "en"),
    ("Пищевая и текстильная промышленность растут в Костанайской области\n"
     "В Рудном открыли цех по выпуску полуфабрикатов стоимостью 200 млн тенге.", "ru"),
])
def test_a_headline_that_names_two_industries_gives_none(text, language):
    projects = _projects(text, language)
    assert projects and all(p["sector"] is None for p in projects)


@pytest.mark.parametrize("text, language, sector", [
    ("Цех, работающий в составе текстильного кластера, будет шить форменную одежду, инвестиции составят "
     "1,2 млрд тенге.", "ru", "light_industry"),
    ("The workshop, part of the region's textile cluster, will sew uniforms; investment is KZT1.2bn.", "en",
     "light_industry"),
])
def test_the_one_industry_a_projects_sentence_names_is_its_industry(text, language, sector):
    projects = _projects(text, language)
    assert projects and projects[0]["sector"] == sector


@pytest.mark.parametrize("text, language, sector", [
    ("В Кызылорде построят завод по переработке твердых бытовых отходов за 37,8 млрд тенге.", "ru", "other"),
    ("A complex to process and burn solid household waste worth 12 billion tenge will be built in Uralsk.", "en",
     "other"),
    ("Қалада 5 млрд теңгеге қатты тұрмыстық қалдықтарды өңдейтін зауыт салынады.", "kk", "other"),
    ("В Караганде запустили производство бытовой химии стоимостью 800 млн тенге.", "ru", "chemicals"),
    ("A coal-fired power plant worth $700 million will be built in Kokshetau.", "en", "energy"),
    ("В Кокшетау построят угольную ТЭЦ стоимостью 300 млрд тенге.", "ru", "energy"),
    ("В Сарани строится завод стальных прямошовных электросварных труб за 5 млрд тенге.", "ru", "metal_products"),
    ("Сараньда құны 5 млрд теңге болатын болат дәнекерленген құбырлар зауыты салынып жатыр.", "kk",
     "metal_products"),
    ("A plant producing polypropylene sacks and film worth 3 billion tenge opened in Atyrau.", "en",
     "rubber_plastics"),
    ("В Аксае построили завод, который будет выпускать моторные масла, стоимостью 2 млрд тенге.", "ru", "oil_gas"),
    ("Ақсайда құны 2 млрд теңге болатын мотор майларын шығаратын зауыт ашылды.", "kk", "oil_gas"),
    ("В Усть-Каменогорске появится завод горно-шахтных машин стоимостью 1,5 млрд тенге.", "ru", "machinery"),
    ("В Шымкенте стартовало производство нетканого материала за 100 млн тенге.", "ru", "light_industry"),
    ("A plant producing copper concentrate worth $300 million will be built in Abai region.", "en", "mining"),
])
def test_product_words_name_the_industry(text, language, sector):
    projects = _projects(text, language)
    assert projects and projects[0]["sector"] == sector
