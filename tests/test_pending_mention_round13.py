"""A facility named with nothing told of it ("A 150-km rail spur to the Sarybel deposit in
Karaganda region was on the agenda of the cabinet meeting") is what the next sentence that opens
with "The line", "The plant", "Завод", "Бұл зауыт" tells figures or a status of: the mention is
linked and becomes the record (the guidance's category 3 rail spur; round 3's Fufeng list)."""
import pytest

from kzmon.extract.announcements import extract_announcements

TEXTS = {
    "en": ("Cabinet reviews industrial projects\n"
           "A cement plant near Shymkent was on the agenda of the city akimat on Monday. "
           "The plant will cost 60 billion tenge and is to be built by 2028."),
    "ru": ("Правительство рассмотрело проекты\n"
           "В акимате в понедельник обсудили цементный завод под Шымкентом. "
           "Этот завод обойдется в 60 млрд тенге, его построят к 2028 году."),
    "kk": ("Үкімет жобаларды қарады\n"
           "Шымкент маңындағы цемент зауыты дүйсенбіде қала әкімдігінде талқыланды. "
           "Бұл зауыт 60 млрд теңгеге салынады, құрылысы 2028 жылға қарай аяқталады."),
}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_mention_told_of_in_the_next_sentence_is_the_record(language):
    projects = [r for r in extract_announcements(TEXTS[language], None, language, None) if r["kind"] == "project"]
    assert len(projects) == 1
    assert projects[0]["investment_kzt"] == 60_000_000_000 and projects[0]["regions"] == ["KZ-79"]
    assert "цемент" in projects[0]["title"].lower() or "cement" in projects[0]["title"].lower()


def test_a_company_sentence_after_a_mention_opens_nothing():
    text = ("Steel output\nQarmet's Kostenko coal mine in Karaganda region was hit by a fire last year. "
            "The company expects output to fall by 2 percent.")
    assert [r for r in extract_announcements(text, None, "en", None) if r["kind"] == "project"] == []
