"""A list announced by a colon under a counted pool: its lines are the pool's projects, built by
the one firm the pool or the announcing line names ("China Energy ... два крупных проекта" /
"китайская компания сосредоточится на строительстве:" / one line per power plant). Invented
texts in the structure of a real report (dev: ru-lada-2025-10-24): the items had no firm, and
in Kazakh the announcing line's "салады" (builds) was no status, so the list gave nothing."""
import pytest

from kzmon.extract.announcements import extract_announcements

TEXTS = {
    "en": """China to invest $700m in Kazakhstan: what will be built
A major Chinese corporation has announced plans to invest more than 700 million US dollars in Kazakhstan's green energy. The investment will expand the country's energy capacity and support renewable energy sources (RES), the outlet writes, citing an agency.
The Ministry of Energy said Sinowind Power had confirmed plans to carry out two large projects in the RES sector. Total investment exceeds $700 million.
According to official data, the Chinese company will build:
A 250 MW solar power plant in Zhambyl region;
A 400 MW wind power plant in Akmola region.
These facilities will raise the share of renewable energy in the grid.""",
    "ru": """Китай вложит $700 млн в Казахстан: что появится
О намерении инвестировать свыше 700 миллионов долларов США в «зеленую» энергетику Казахстана заявила крупная китайская корпорация. Эти вложения помогут нарастить энергетический потенциал и поддержат возобновляемые источники энергии (ВИЭ), пишет издание со ссылкой на агентство.
В Министерстве энергетики сообщили, что компания Sinowind Power подтвердила планы реализовать два крупных проекта в секторе ВИЭ. Общая сумма вложений превышает $700 млн.
По официальным данным, китайская компания займется строительством:
Солнечной электростанции мощностью 250 МВт в Жамбылской области;
Ветровой электростанции мощностью 400 МВт в Акмолинской области.
Эти объекты позволят увеличить долю возобновляемой энергии в энергосистеме.""",
    "kk": """Қытай Қазақстанға 700 млн доллар салады: не салынады
Ірі қытай корпорациясы Қазақстанның «жасыл» энергетикасына 700 миллион АҚШ долларынан астам инвестиция салатынын мәлімдеді. Бұл қаржы елдің энергетикалық әлеуетін арттырып, жаңартылатын энергия көздерін (ЖЭК) қолдайды, деп жазады басылым агенттікке сілтеме жасап.
Энергетика министрлігінің хабарлауынша, Sinowind Power компаниясы ЖЭК саласында екі ірі жобаны жүзеге асыру жоспарын растады. Жалпы инвестиция көлемі 700 млн доллардан асады.
Ресми деректерге сәйкес, қытай компаниясы мыналарды салады:
Жамбыл облысында қуаты 250 МВт күн электр станциясы;
Ақмола облысында қуаты 400 МВт жел электр станциясы.
Бұл нысандар энергожүйедегі жаңартылатын энергияның үлесін арттырады.""",
}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_pools_one_firm_builds_each_listed_plant(language):
    records = extract_announcements(TEXTS[language], None, language, None)
    projects = [r for r in records if r["kind"] == "project"]
    assert [r["regions"] for r in projects] == [["KZ-31"], ["KZ-11"]]
    assert all(r["companies"] == ["Sinowind Power"] for r in projects)
    assert all("Sinowind Power" in r["title"] for r in projects)
    assert all(r["status"] == "planned" for r in projects)


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_renewable_energy_abbreviations_are_no_firm(language):
    records = extract_announcements(TEXTS[language], None, language, None)
    assert not [c for r in records for c in r["companies"] if c in ("ВИЭ", "ЖЭК")]
