"""Issue 11, headline and lead: a headline's project is a record of its own when the body's one
other new record is another kind of facility. "N Kazakhstan to build mining complex" over a body
that ends with "a new woodworking enterprise will also be put on-stream" (a dev article of round 8)
had become one "woodworking enterprise" carrying the complex's KZT 100 bln and 600 jobs: the
headline confirmed the only project of the body because it had figures. Tested in new words; each
case failed before.
"""
import pytest

from kzmon.extract.announcements import extract_announcements

CASES = [
    ("Kostanay region to build ore processing complex\n"
     "The akim of Kostanay region briefed journalists on local industry. He said stripping works have begun at "
     "the Kundyzdy copper field. Around KZT 75 bln has been put into the project so far. Building of the "
     "processing complex will start in 2021. Also, a new furniture factory will open in the region next March.",
     "en"),
    ("В Костанайской области построят горно-обогатительный комплекс\n"
     "Аким Костанайской области рассказал журналистам о развитии промышленности. По его словам, на медном "
     "месторождении Кундызды начались вскрышные работы. В проект уже вложено около 75 млрд тенге. Строительство "
     "комплекса начнется в 2021 году. Кроме того, в марте следующего года в области откроется новая мебельная "
     "фабрика.", "ru"),
    ("Қостанай облысында кен байыту кешені салынады\n"
     "Облыс әкімі журналистерге өңір өнеркәсібі туралы айтып берді. Оның айтуынша, Құндызды мыс кен орнында аршу "
     "жұмыстары басталды. Жобаға 75 млрд теңгеге жуық қаржы салынды. Кешен құрылысы 2021 жылы басталады. Сонымен "
     "қатар келесі жылы наурызда облыста жаңа жиһаз фабрикасы ашылады.", "kk"),
]


@pytest.mark.parametrize("text, language", CASES)
def test_the_headline_project_stays_apart_from_another_kind_of_facility(text, language):
    records = extract_announcements(text, None, language, None)
    sectors = sorted(r["sector"] for r in records)
    assert sectors == ["mining", "wood_paper"], records
    furniture = next(r for r in records if r["sector"] == "wood_paper")
    assert furniture["investment_kzt"] is None, furniture
