"""Jobs are decided by their own clause: "The plant will add considerably to Kazakhstan's
economic output and create more than 520 permanent jobs" (dev en-astanatimes-2023-12-01) lost
its jobs to the economy word of the clause before; money keeps the sentence-wide test."""
import pytest

from kzmon.extract.announcements import extract_announcements

TEXTS = {'en':"Turkish firm to build $120 million glass plant in Kyzylorda region\nA glass plant able to make 200,000 tons a year will be built in Kyzylorda region. The plant will add considerably to Kazakhstan's economic output and create more than 520 permanent jobs.",
'ru':"В Кызылординской области построят стекольный завод за $120 млн\nСтекольный завод мощностью 200 тыс. тонн в год построят в Кызылординской области. Завод внесёт заметный вклад в экономику страны и создаст более 520 постоянных рабочих мест.",
'kk':"Қызылорда облысында 120 млн долларлық шыны зауыты салынады\nҚызылорда облысында жылына 200 мың тонна өнім шығаратын шыны зауыты салынады. Зауыт ел экономикасына елеулі үлес қосып, 520-дан астам тұрақты жұмыс орнын ашады."}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_jobs_after_an_economy_clause_are_the_plants(language):
    records = extract_announcements(TEXTS[language], None, language, None)
    assert [r["jobs"] for r in records if r["kind"] == "project"] == [520]


def test_an_economy_wide_employment_figure_stays_out():
    text = ("Cement plant to be built in Zhambyl region\nA cement plant worth 40 billion tenge will be built in "
            "Zhambyl region. Unemployment in the region fell to 4.8%, and employment reached 520,000 people.")
    records = extract_announcements(text, None, "en", None)
    assert [r["jobs"] for r in records if r["kind"] == "project"] == [None]
