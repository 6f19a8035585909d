"""Issue 11, titles a reader can use: a facility's own quoted name is the word that tells it from
its owner's other plants. "ERG построит ветровую электростанцию «Хромтау»" was titled "ERG
ветровая электростанция": the name was taken for a second company and left out, since the title
carries one company only. "завод «Силлено» по выпуску полиэтилена" lost its product as well: the
complement after the name was not read. Tested in new words.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _title(text: str, lang: str) -> str:
    records = [r for r in extract_announcements(text, "2024-05-06", lang) if r["kind"] == "project"]
    assert len(records) == 1, records
    return records[0]["title"]


@pytest.mark.parametrize("lang, text, words", [
    ("ru", "Компания Qazaq Green построит ветровую электростанцию «Жартас» мощностью 80 МВт.",
     ["qazaq green", "ветровая электростанция", "жартас"]),
    ("ru", "Холдинг KazChem откроет завод «Тенгиз Полимер» по выпуску полипропилена.",
     ["kazchem", "завод по выпуску полипропилена", "тенгиз полимер"]),
    ("en", 'Qazaq Green will build the "Zhartas" wind farm of 80 MW near Balkhash.',
     ["qazaq green", "zhartas wind farm"]),
    ("kk", "Qazaq Green компаниясы 80 МВт «Жартас» жел электр станциясын салады.",
     ["qazaq green", "жартас жел электр станциясы"]),
])
def test_the_facilitys_own_name_is_in_its_title(lang, text, words):
    title = _title(text, lang).lower()
    assert all(w in title for w in words), title


def test_a_firm_named_after_the_plant_stays_in_front_guard():
    # the quoted name is the firm itself: written once, in front
    assert _title("Рядом с Таразом запустили завод «Тараз Цемент» мощностью 1 млн тонн.", "ru").count("Тараз Цемент") <= 1
