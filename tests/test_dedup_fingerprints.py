"""Fact fingerprints must read one figure the same way in every language and number format."""
from kzmon.storage.dedup.fingerprints import article_facts, company_key, is_anchor, numeric_facts, record_facts


def keys(text, language):
    return {f.key for f in numeric_facts(text, language)}


def test_one_amount_in_three_languages_is_one_fact():
    en = keys("with total investment of 464.2 billion tenge", "en")
    ru = keys("инвестиции в них составят 464,2 миллиарда тенге", "ru")
    kk = keys("жалпы құны 464,2 млрд теңге болатын", "kk")
    assert en == ru == kk and len(en) == 1


def test_thousands_separators_and_scale_words_agree():
    assert keys("more than 4,700 jobs", "en") == keys("свыше 4 700 рабочих мест", "ru") == keys("4,7 тыс. рабочих мест", "ru")
    assert keys("1.3 trillion tenge", "en") == keys("1 300 млрд тенге", "ru")
    assert keys("KZT 1.9 tn", "en") == keys("1,9 трлн тенге", "ru")


def test_years_days_and_small_counts_are_not_facts():
    assert keys("On May 28, 2024 the 21 projects and 5 plants were discussed", "en") == set()


def test_percent_is_kept_apart_from_amounts():
    facts = keys("grew by 5.1% to 5.1 billion tenge", "en")
    assert len(facts) == 2 and any(k.startswith("p:") for k in facts)


def test_company_names_meet_across_scripts_and_legal_forms():
    assert company_key("ТОО «Силк Роуд Ферро»") == company_key("Silk Road Ferro LLP")
    assert company_key("ТЭМПО Казахстан") == company_key("TEMPO")
    assert company_key("Тараз Цемент") == company_key("Taraz Cement JSC")
    assert company_key("Шуак Энерджи") == company_key("Shuak Energy")
    assert company_key("Taraz Cement") != company_key("Shymkent Cement")
    assert company_key("ТОО") is None


def test_anchors_are_money_sized_values_and_companies():
    assert is_anchor("v:131500000000") and is_anchor("co:trzsmnt")
    assert not is_anchor("v:4700") and not is_anchor("p:5.1")


def test_record_facts_carry_figures_and_companies():
    rec = {"investment_kzt": 45_200_000_000, "jobs": 60, "companies": ["Shuak Energy"]}
    facts = {f.key for f in record_facts([rec])}
    assert "v:45200000000" in facts and "v:60" in facts and f"co:{company_key('Shuak Energy')}" in facts


def test_article_facts_keep_the_stronger_weight_of_a_repeated_fact():
    facts = {f.key: f.weight for f in article_facts("A plant worth 45.2 billion tenge", "en",
                                                     [{"investment_kzt": 45_200_000_000}])}
    assert list(facts) == ["v:45200000000"] and facts["v:45200000000"] == 1.5
