"""A project whose sentence names no place but points back to a region ("The region will soon
commission a 1000Wt power plant and a transformer plant", dev round 3) is in the one region the
nearest sentence before it names."""
import pytest

from kzmon.extract.announcements import extract_announcements

TEXTS = {
    "en": ("China and Kazakhstan to launch joint projects\n"
           "In Pavlodar region, Xinjiang Tianfu will build a 300 million dollar aluminium foil plant.\n"
           "The region will soon commission a cable plant and a transformer plant.\n"
           "Separately, a flour mill will be built in Kostanay region."),
    "ru": ("Казахстан и Китай запустят совместные проекты\n"
           "В Павлодарской области компания Xinjiang Tianfu построит завод алюминиевой фольги за 300 млн долларов.\n"
           "В регионе вскоре введут в эксплуатацию кабельный завод и трансформаторный завод.\n"
           "Кроме того, в Костанайской области построят мельницу."),
    "kk": ("Қазақстан мен Қытай бірлескен жобаларды бастайды\n"
           "Павлодар облысында Xinjiang Tianfu компаниясы 300 млн долларға алюминий фольга зауытын салады.\n"
           "Өңірде жақында кабель зауыты мен трансформатор зауыты пайдалануға беріледі.\n"
           "Сонымен қатар Қостанай облысында диірмен кешені салынады."),
}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_region_referred_back_is_the_one_named_before(language):
    projects = [r for r in extract_announcements(TEXTS[language], None, language, None) if r["kind"] == "project"]
    assert [r["regions"] for r in projects] == [["KZ-55"], ["KZ-55"], ["KZ-55"], ["KZ-39"]]


def test_two_regions_named_before_give_none():
    text = ("Joint projects\nIn Pavlodar and Kostanay regions, new plants are under way.\n"
            "The region will soon commission a transformer plant.")
    projects = [r for r in extract_announcements(text, None, "en", None) if r["kind"] == "project"]
    assert all(r["regions"] == [] for r in projects)
