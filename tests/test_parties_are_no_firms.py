"""Issue 11, companies: a political party or a ministry is no firm. "«AMANAT» партиясы депутаттық
фракциясының отырысында айтылды" (a dev article of round 13) made AMANAT the firm of every plant
its deputies heard of, and their titles "AMANAT жылыжай". The word beside the name says what it
is, after it ("партиясы", "party", like a deposit's "кен орны") or before it ("партии «AMANAT»",
"the Ministry of Agriculture", which made "Agriculture" a firm): the lists are data (companies.yaml
quote_not_before, not_firm_before). And "Meat plant ..." opening a headline is no firm "Meat"
when the article writes "meat" in lower case. Tested in new words; each case failed before.
"""
import pytest

from kzmon.extract.announcements import extract_announcements

CASES = [
    ("Meat plant under construction in Kegen\n"
     "At a meeting of the AMANAT party faction in Konayev, the deputies heard that a meat processing plant worth "
     "over KZT 1 bn is being built in Kegen district. The AMANAT party's regional branch said the plant will "
     "employ 30 people.", "en"),
    ("В Кегене строят мясокомбинат\n"
     "На заседании фракции партии «AMANAT» в Конаеве сообщили, что в Кегенском районе строится мясокомбинат "
     "стоимостью более 1 млрд тенге. По словам главы филиала партии «AMANAT», на комбинате будут работать "
     "30 человек.", "ru"),
    ("Кегенде ет комбинаты салынып жатыр\n"
     "Қонаевта өткен «AMANAT» партиясы депутаттық фракциясының отырысында Кеген ауданында құны 1 млрд теңгеден "
     "асатын ет өңдеу комбинаты салынып жатқаны айтылды. «AMANAT» партиясы филиалының төрағасының айтуынша, "
     "комбинатта 30 адам жұмыс табады.", "kk"),
]


@pytest.mark.parametrize("text, language", CASES)
def test_a_party_and_a_headline_word_are_no_firms(text, language):
    records = extract_announcements(text, None, language, None)
    assert len(records) == 1 and records[0]["investment_kzt"] == 1_000_000_000, records
    assert records[0]["companies"] == [] and "AMANAT" not in records[0]["title"], records


def test_a_firm_beside_a_party_is_the_only_firm():
    text = ("At a meeting of the AMANAT party faction, deputies heard that Kazakhmys will build a copper smelter "
            "worth $1 billion in Balkhash.")
    records = extract_announcements(text, None, "en", None)
    assert [r["companies"] for r in records] == [["Kazakhmys"]], records


def test_a_ministry_is_no_firm():
    text = ("The Ministry of Agriculture signed an agreement with Nord Feed Kazakhstan LLP to build a pet food plant "
            "in Konayev worth KZT 40 bn.")
    records = extract_announcements(text, None, "en", None)
    assert [r["companies"] for r in records] == [["Nord Feed Kazakhstan LLP"]], records
    assert "Agriculture" not in records[0]["title"]
