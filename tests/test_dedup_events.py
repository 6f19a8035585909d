"""One event across outlets and languages: the facts a rewrite keeps (names, what the
facility is, where), and the identity rules that keep a busy news day's articles apart."""
from __future__ import annotations

from kzmon.storage.dedup.fingerprints import article_facts, concept_facts, name_facts, region_facts
from kzmon.storage.dedup.stories import event_score


def keys(facts) -> set[str]:
    return {f.key for f in facts}


def facts(text: str, language: str) -> dict[str, float]:
    return {f.key: f.weight for f in article_facts(text, language)}


def test_names_meet_across_scripts_and_cases():
    en = keys(name_facts("The new Kia plant opened on Tuesday, and Masdar signed a deal with the akimat.", "en"))
    ru = keys(name_facts("В Костанае открыли завод KIA. Компания Масдар подписала соглашение с акиматом.", "ru"))
    assert {"nm:kia", "nm:msdr"} <= en & ru


def test_sentence_starts_words_and_places_are_no_names():
    found = keys(name_facts("Development of the zone goes on. The development plan of Kostanay region was approved. "
                            "Туркестанской области выделили землю.", "en"))
    assert "nm:dvlpmnt" not in found          # written in lower case elsewhere: a word
    assert not any(k.startswith("nm:kstn") for k in found)  # a place: a fact of its own
    assert keys(region_facts("в Туркестанской области")) == {"rg:KZ-61"}


def test_facility_concepts_are_language_free():
    assert keys(concept_facts("A sugar plant will be built")) == keys(concept_facts("Построят сахарный завод")) \
        == keys(concept_facts("Қант зауыты салынады")) == {"cn:sugar"}
    assert "cn:wind" in keys(concept_facts("Жамбыл облысында жел электр станциясы салынады"))
    assert "cn:wind" not in keys(concept_facts("Желтоқсан айында"))     # December is no wind farm
    assert "cn:steel" not in keys(concept_facts("The Steelers won on Sunday"))


def test_the_same_plant_in_two_languages_is_one_event():
    en = facts("A sugar plant worth 250 billion tenge will be built in Almaty region by Al Khaleej Sugar.", "en")
    ru = facts("В Алматинской области компания Al Khaleej Sugar построит сахарный завод.", "ru")
    assert event_score(en, ru, [], [], days_apart=1) > 0


def test_names_alone_do_not_make_one_event():
    a = facts("Trump met Biden in Washington on Monday, the White House said.", "en")
    b = facts("In Washington, Trump criticised Biden over trade, aides said on Monday.", "en")
    assert event_score(a, b, [], [], days_apart=0) == 0


def test_a_round_or_small_figure_with_names_is_no_identity():
    a = facts("Utility PG&E cut power to 2.5 million people in San Francisco and Los Angeles.", "en")
    b = facts("Smoke reached 2.5 million residents of San Francisco and Los Angeles on Monday.", "en")
    assert event_score(a, b, [], [], days_apart=0) == 0


def test_same_region_and_facility_with_other_figures_are_two_events():
    a = facts("Shuak Energy will build a 100 MW solar power plant in Turkistan region worth 45.2 billion tenge.", "en")
    b = facts("Jinko Power will build a 50 MW solar power plant in Turkistan region; investment 24.8 billion tenge.", "en")
    assert event_score(a, b, [], [], days_apart=2) == 0


def test_later_reports_need_a_telling_figure():
    a = facts("Abu Dhabi's Masdar will build a wind farm in Zhambyl region, the ministry said.", "en")
    b = facts("The ministry and Masdar signed a roadmap for a wind farm in Zhambyl region.", "en")
    assert event_score(a, b, [], [], days_apart=1) > 0
    assert event_score(a, b, [], [], days_apart=7) == 0
    c = facts("The float glass plant in Kyzylorda region worth 43.7 billion tenge lit its furnace.", "en")
    d = facts("Стекольный завод в Кызылординской области стоимостью 43,7 млрд тенге зажёг печь.", "ru")
    assert event_score(c, d, [], [], days_apart=7) > 0
