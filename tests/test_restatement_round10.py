"""Round 10: a pool told twice, once with a rounded figure ("1 300-ден астам", "более 1 300") and
once exactly ("1 320"), is one pool with the exact figure; two pools whose figures differ stay two."""
from kzmon.extract.announcements import extract_announcements


def _programs(records):
    return [r for r in records if r["kind"] == "program"]


def test_rounded_jobs_restate_the_pool_kk():
    text = ("Атырау облысында 20 жаңа жоба жүзеге асып, 1 300-ден астам жұмыс орны құрылады. "
            "Мұны облыс әкімі есеп беру брифингінде мәлімдеді.\n"
            "Сонымен қатар өңірде жалпы құны 104 млрд теңгелік 20 инвестициялық жоба іске асырылуда, "
            "соның арқасында 1 320 жаңа жұмыс орны пайда болады.")
    pools = _programs(extract_announcements(text))
    assert len(pools) == 1, pools
    assert pools[0]["jobs"] == 1320 and pools[0]["investment_kzt"] == 104_000_000_000, pools


def test_rounded_jobs_restate_the_pool_ru():
    text = ("В Атырауской области реализуются 20 новых проектов, будет создано более 1 300 рабочих мест. "
            "Об этом сообщил аким области на брифинге.\n"
            "Всего в регионе реализуется 20 инвестиционных проектов общей стоимостью 104 млрд тенге, "
            "благодаря которым появится 1 320 новых рабочих мест.")
    pools = _programs(extract_announcements(text))
    assert len(pools) == 1, pools
    assert pools[0]["jobs"] == 1320, pools


def test_pools_with_different_jobs_stay_apart():
    text = ("В Атырауской области реализуются 20 новых проектов, будет создано 1 300 рабочих мест. "
            "Об этом сообщил аким области на брифинге.\n"
            "В Мангистауской области реализуются 20 инвестиционных проектов, "
            "благодаря которым появится 1 500 новых рабочих мест.")
    pools = _programs(extract_announcements(text))
    assert len(pools) == 2, pools
