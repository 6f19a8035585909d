"""What a facility makes, one concept across English, Russian and Kazakh (extract/data/concepts.yaml):
story matching and project linking compare these. A third of the matched project records of the
real-reporting corpus had none (heat power plants called ЖЭО, soda, feed, tin, foundries, ...); each
case failed before its entry, unless the docstring calls it a guard."""
import pytest

from kzmon.extract.concepts import concepts_in
from kzmon.storage.dedup.projects import pair_score


@pytest.mark.parametrize("concept, names", [
    ("power_plant", ["combined heat and power plant in Semey", "новая ТЭЦ в Семее", "Семейдегі жаңа ЖЭО",
                     "жылу электр орталығы"]),
    ("soda", ["soda ash production factory", "завод кальцинированной соды", "кальцийленген сода өндіретін зауыт"]),
    ("feed", ["pet food plant", "завод кормов для животных", "мал азығы өндірісі"]),
    ("tin", ["tin concentrate plant", "производство оловянных концентратов", "қалайы кен орны"]),
    ("tungsten", ["tungsten mine", "вольфрамовое месторождение", "вольфрам кен орны"]),
    ("cast_iron", ["iron foundry", "литейный завод", "шойын құю зауыты"]),
    ("greenhouse", ["greenhouse complex", "промышленный тепличный комплекс", "жылыжай кешені"]),
    ("mining_processing", ["ore-dressing plant", "гидрометаллургический комплекс", "кен байыту комбинаты"]),
    ("mine", ["Bolashak chrome mine", "шахта «Болашак»", "рудник Артемьевский", "Болашақ кеніші"]),
    ("grain_processing", ["deep grain processing facility", "завод по глубокой переработке кукурузы",
                          "астықты терең өңдейтін зауыт"]),
])
def test_one_concept_in_three_languages(concept, names):
    for name in names:
        assert concept in concepts_in(name), name


def test_a_heat_power_plant_named_in_kazakh_and_russian_links_by_its_concept():
    """The same plant in Semey, with its firm, in two languages: the concept now agrees (it was
    missing on the Kazakh side, so only the firm and the place spoke)."""
    kk = {"kind": "project", "title": "Самұрық-Энерго жылу электр орталығы", "companies": ["Самұрық-Энерго"],
          "regions": ["KZ-10"], "sector": "energy"}
    ru = {"kind": "project", "title": "Самрук-Энерго новая ТЭЦ в Семее", "companies": ["Самрук-Энерго"],
          "regions": ["KZ-10"], "sector": "energy"}
    from kzmon.storage.dedup.identity import concepts
    assert concepts(kk) == concepts(ru) == {"power_plant"}
    assert pair_score(kk, ru) >= 3.0


def test_a_mine_and_its_concentrator_or_ore_are_not_two_kinds():
    """A mine reported beside its GOK or its ore ("the Bolashak mine of the Donskoy GOK") is not set
    apart by its concept; a mine and a wind farm are."""
    from kzmon.storage.dedup.identity import concepts_agree
    assert concepts_agree(frozenset({"mine"}), frozenset({"mining_processing"}))
    assert concepts_agree(frozenset({"mine"}), frozenset({"copper"}))
    assert not concepts_agree(frozenset({"mine"}), frozenset({"wind"}))


def test_a_mine_named_by_its_ore_is_that_ore_only():
    """"coal mine" is coal: through the generic "mine" and its related ores it would agree with a
    uranium plant of the same firm (the bounded-candidates test of project links caught it)."""
    from kzmon.storage.dedup.identity import concepts, concepts_agree
    coal = concepts({"title": "Qarmet coal mine"})
    assert coal == {"coal"}
    assert not concepts_agree(coal, concepts({"title": "Qarmet uranium plant"}))
    assert concepts({"title": "Bolashak mine"}) == {"mine"}


@pytest.mark.parametrize("text, language, sector", [
    ("В Петропавловске приступили к возведению фабрики бумажной продукции.", "ru", "wood_paper"),
    ("Әкімнің айтуынша, Рудный қаласында темір руданы терең өңдейтін ірі зауыт салу жоспарланып отыр.", "kk", "mining"),
    ("Строительство хранилища по переработке масличных культур началось в Актобе.", "ru", "agro_food"),
])
def test_a_records_industry_from_what_its_title_says_it_makes(text, language, sector):
    """No sector word in the sentence, yet the title's concept says the industry
    (extract/data/concept_sectors.yaml)."""
    from kzmon.extract.announcements import extract_announcements
    projects = [r for r in extract_announcements(text, None, language, None) if r["kind"] == "project"]
    assert [p["sector"] for p in projects] == [sector], projects


def test_every_concept_has_a_digest_label_in_english_and_russian():
    """The digest labels a title in its reader's language by the title's concept
    (kzmon/digest/data/concepts.yaml): a concept without a label shows the title as written."""
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parent.parent
    concepts = yaml.safe_load((root / "extract" / "data" / "concepts.yaml").read_text(encoding="utf-8"))
    display = yaml.safe_load((root / "kzmon" / "digest" / "data" / "concepts.yaml").read_text(encoding="utf-8"))["display"]
    missing = [c for c in concepts if not (display.get(c) or {}).get("en") or not (display.get(c) or {}).get("ru")]
    assert missing == []
