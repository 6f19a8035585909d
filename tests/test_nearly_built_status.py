"""A facility being readied for its opening, or whose construction "is progressing", is under
construction, not planned (issue 11: status event words; planned is what the extractor says when it
finds none). Written on dev articles of corpus rounds 10 and 11, tested in new words; each failed
before its cue."""
import pytest

from kzmon.extract.announcements import extract_announcements


@pytest.mark.parametrize("text, language", [
    ("К открытию готовится крупное предприятие по производству ремней для грузовиков.", "ru"),
    ("Аким рассказал, как продвигается строительство газоперерабатывающего завода в Жанаозене.", "ru"),
    ("Облыста жаңа цемент зауыты іске қосуға дайындалуда.", "kk"),
    ("A new cement plant in Shymkent is being prepared for launch.", "en"),
])
def test_nearly_built_is_under_construction(text, language):
    projects = [r for r in extract_announcements(text, None, language, None) if r["kind"] == "project"]
    assert [p["status"] for p in projects] == ["under_construction"]
