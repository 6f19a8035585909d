"""The fast forms of the cue regexes match exactly what the plain IGNORECASE alternations match.

Speed work rewrote how cue lists are compiled (scanned in lower-cased text, grouped by first
letter, a word-start test moved behind the first letter); these tests compare every cue list
of the data files with the plain form over every sentence of our test articles.
"""
import json
import re
from pathlib import Path

import pytest

from kzmon.extract.announcements.folding import FLAGS, compile_folded, lowered
from kzmon.extract.announcements.figures import NUMBER_RE
from kzmon.extract.announcements.sentences import split_sentences
from kzmon.extract.announcements.vocabulary import WORD_START, _all_sectors, _load, any_of, fast

DATA = Path(__file__).parent / "data"


def _sentences() -> list[str]:
    out = []
    for folder in (DATA / "gold", DATA / "announcements", DATA / "announcements" / "heldout",
                   DATA / "announcements" / "round2", DATA / "announcements" / "round3"):
        for g in sorted(folder.glob("*.json")):
            gold = json.loads(g.read_text(encoding="utf-8"))
            text = (folder.parent / gold["text_file"]).read_text(encoding="utf-8")
            out.extend(s.text for s in split_sentences(text))
    # case, word edges and characters whose lower case is longer than they are
    out += ["CONSTRUCTION BEGAN", "Xconstruction began", "İstanbul plant was LAUNCHED", "$5 bn", "US$2.3 bn",
            "Компания ЗАПУСТИЛА завод", "ЖОБА ІСКЕ ҚОСЫЛДЫ", "a\nb launched"]
    return out


SENTENCES = _sentences()
CORPUS = "\n".join(SENTENCES)


def _spans(rx, text: str) -> list[tuple]:
    return [(m.span(), m.group(0), m.lastgroup) for m in rx.finditer(text)]


def _cue_lists() -> list[tuple[str, list[str]]]:
    cues = _load("cues.yaml")
    lists = [(name, frags) for name, frags in cues.items()
             if name.endswith("_patterns") and not any(f.startswith("^") for f in frags)]
    lists += [(f"status:{name}", [f for by_lang in by_lang_map.values() for f in by_lang])
              for name, by_lang_map in _load("status.yaml").items()]
    lists += [(f"sector:{slug}", frags) for slug, frags in _load("sectors.yaml").items() if frags]
    lists += [(name, cues[name]) for name in ("facility_nouns", "count_nouns", "capacity_per_year", "capacity_lead",
                                               "jobs_construction", "currency_kzt", "currency_usd")]
    return lists


def test_sentences_cover_all_three_languages():
    joined = " ".join(SENTENCES)
    assert re.search(r"[әғқңөұүһі]", joined) and re.search(r"[а-я]", joined) and re.search(r"[a-z]", joined)
    assert len(SENTENCES) > 300


@pytest.mark.parametrize("name,fragments", _cue_lists(), ids=lambda x: x if isinstance(x, str) else "")
def test_cue_list_forms_agree_with_the_plain_alternation(name, fragments):
    plain_fast = re.compile("(?:" + "|".join(f"(?:{f})" for f in fragments) + ")", FLAGS)
    longest_first = sorted(fragments, key=len, reverse=True)
    plain_any = re.compile(WORD_START + "(?:" + "|".join(longest_first) + ")", FLAGS)
    assert _spans(fast(fragments), CORPUS) == _spans(plain_fast, CORPUS), name
    assert _spans(any_of(fragments), CORPUS) == _spans(plain_any, CORPUS), name


def test_one_scan_for_all_sectors_agrees_with_the_plain_alternation():
    rx, literal, _ = _all_sectors()
    fragments = [f for frags in _load("sectors.yaml").values() for f in frags or []]
    assert any(f.lower() in literal for f in fragments)
    plain = re.compile(WORD_START + "(?:" + "|".join(sorted(literal, key=len, reverse=True))
                       + "|" + "|".join(f"(?:{f})" for f in fragments if f.lower() not in literal) + ")", FLAGS)
    assert [m.start() for m in rx.finditer(CORPUS)] == [m.start() for m in plain.finditer(CORPUS)]


def test_search_match_and_positions_as_with_ignorecase():
    rx = compile_folded(r"(?<![\w])(?:(?P<kzt>tenge|теңге)|(?P<usd>dollars?))")
    exact = re.compile(rx.pattern, FLAGS)
    text = "Worth 5 billion TENGE, or 10 million Dollars, in Теңге"
    for pos in range(len(text)):
        a, b = rx.search(text, pos), exact.search(text, pos)
        assert (a and (a.span(), a.group(0), a.lastgroup, a.groupdict())) == (b and (b.span(), b.group(0), b.lastgroup, b.groupdict()))
        a, b = rx.match(text, pos), exact.match(text, pos)
        assert (a and a.span()) == (b and b.span())
    # groups read from the original text, not its lower-case copy
    assert rx.search(text).group(0) == "TENGE"


def test_a_text_whose_lower_case_is_longer_uses_the_exact_pattern():
    text = "İİ plant LAUNCHED"
    assert lowered(text) is None
    m = any_of(["launched"]).search(text)
    assert m and m.group(0) == "LAUNCHED" and text[m.start():m.end()] == "LAUNCHED"


def test_number_tokens_unchanged_by_the_digit_first_pattern():
    old = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)|\d+(?:[.,]\d+)*)(-[^\W\d]+)?", FLAGS)
    samples = SENTENCES + ["1 000 000 and 2,5 млрд, 300-ге, a1 5.5.5 12 345,6 x,12 .5 9-ы"]
    for text in samples:
        assert [m.span(0) + m.span(1) + m.span(2) for m in NUMBER_RE.finditer(text)] == \
               [m.span(0) + m.span(1) + m.span(2) for m in old.finditer(text)], text
