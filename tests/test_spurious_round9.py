"""Round 9: a facility word inside a firm's registered name (АО «... фабрика») names the firm, not a project."""
import pytest

from kzmon.extract.announcements import extract_announcements


def _titles(records):
    return [r["title"] for r in records]


FIRM_NAMED_BY_A_FACILITY = {
    "ru": ("Правительство одобрило заключение соглашений об инвестициях между Министерством здравоохранения "
           "и компаниями ТОО «Дельта Фарм», АО «Северная фармацевтическая фабрика» о локализации фармпроизводств. "
           "Общая сумма инвестиций по одобренным проектам – 73 млрд тенге."),
    "kk": ("Денсаулық сақтау министрлігі «Дельта Фарм» ЖШС-мен және АҚ «Оңтүстік фармацевтикалық фабрикасы» "
           "компаниясымен дәрі-дәрмек өндірісін оқшаулау туралы келісімге қол қойды. "
           "Жобалардың жалпы құны 40 млрд теңге."),
}


@pytest.mark.parametrize("lang", sorted(FIRM_NAMED_BY_A_FACILITY))
def test_firm_name_with_facility_word_is_no_record(lang):
    titles = _titles(extract_announcements(FIRM_NAMED_BY_A_FACILITY[lang]))
    assert not any("фабрика" in t for t in titles), titles


def test_project_of_a_named_firm_still_a_record():
    # the firm's name carries a facility word, and the project is a new one beside it
    text = "ТОО «Шымкентский цементный завод» построит новую линию по выпуску клинкера стоимостью 20 млрд тенге."
    records = extract_announcements(text)
    assert records and records[0]["investment_kzt"] == 20_000_000_000
