"""Kazakh 'is being carried out' written intransitively ('жүзеге асып жатыр', 'іске асып
жатқан') and 'work has begun' ('жұмыс қолға алынды') state works under way (dev: three Atyrau
projects 'жүзеге асып жатыр' were read as plans)."""
import pytest

from kzmon.extract.announcements.vocabulary import status_of


@pytest.mark.parametrize("sentence", [
    "Қазір жалпы құны 2,4 млрд доллар болатын екі ірі инвестициялық жоба жүзеге асып жатыр.",
    "Облыста іске асып жатқан жобалардың бірі — шыны зауыты.",
    "Екі жобаның екеуінде де жұмыс қолға алынды.",
])
def test_kazakh_works_under_way(sentence):
    assert status_of(sentence) == "under_construction"


@pytest.mark.parametrize("sentence, status", [
    ("Зауыт келесі жылы салынады.", "planned"),
    ("Зауыт іске қосылды.", "commissioned"),
])
def test_other_kazakh_statuses_stay(sentence, status):
    assert status_of(sentence) == status
