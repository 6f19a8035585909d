"""The workshops a plant "will include" are its parts, not plants of their own (issue 11 and the
spec's pools and parts: "Текстильная фабрика полного цикла будет включать 11 цехов – прядильный,
ткацкий, красильный и цех обработки" made two more records, and the plant's jobs went to one of
them). Read on a dev article of round 9, tested in new words; the Russian case failed before the
rule, English and Kazakh (which already read a plant's parts) are the guards."""
import pytest

from kzmon.extract.announcements import extract_announcements


@pytest.mark.parametrize("text, language", [
    ("В СЭЗ «Туран» построят текстильную фабрику полного цикла. Текстильная фабрика полного цикла будет включать "
     "11 цехов – прядильный, ткацкий, красильный и цех обработки. Появится более 2000 рабочих мест.", "ru"),
    ("A full-cycle textile factory will be built in the Turan SEZ. The textile factory will include 11 workshops: "
     "spinning, weaving, dyeing and finishing workshops. It will create 2,000 jobs.", "en"),
    ("Тұран АЭА-да толық циклді тоқыма фабрикасы салынады. Тоқыма фабрикасының құрамына 11 цех кіреді: иіру, "
     "тоқу, бояу және өңдеу цехтары. 2 000 жұмыс орны ашылады.", "kk"),
])
def test_a_plants_workshops_are_its_parts(text, language):
    records = extract_announcements(text, None, language, None)
    assert len(records) == 1 and records[0]["kind"] == "project", records
    assert records[0]["jobs"] == 2000
