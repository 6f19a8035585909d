"""The extractor skips an article that names no facility and counts no projects (speed, issue 13):
that test must never drop an article that has records."""
import json
from pathlib import Path

from kzmon.extract.announcements import _may_announce, extract_announcements

REPORTING = Path(__file__).parent / "data" / "reporting" / "dev"


def test_every_dev_article_with_gold_records_is_read():
    read = 0
    for gold_file in sorted((REPORTING / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if not gold["announcements"]:
            continue
        text = (REPORTING / gold["text_file"]).read_text(encoding="utf-8")
        title, body = text.split("\n", 1)
        assert _may_announce(body, title), gold["id"]
        read += 1
    assert read >= 80


def test_articles_without_a_facility_or_a_pool_are_skipped_in_three_languages():
    assert not _may_announce("Nadal kept Spain alive against Russia in the Davis Cup Finals on Friday.", None)
    assert not _may_announce("Сборная Казахстана по хоккею обыграла Латвию со счетом 3:2.", None)
    assert not _may_announce("Қазақстан құрамасы Латвияны 3:2 есебімен жеңді.", None)
    # a facility or a pool anywhere, the headline included, and the article is read
    assert _may_announce("Work will start next year.", "Tyre plant for Saran")
    assert _may_announce("В регионе реализуют 12 проектов.", None)
    assert _may_announce("Облыста 5 жаңа зауыт салынады.", None)
    assert extract_announcements("Nadal kept Spain alive against Russia in the Davis Cup Finals.", None) == []
