"""Large patterns are compiled once per interpreter and loaded from __pycache__ afterwards
(extract/compiled_regex.py): always the pattern re.compile gives, whatever the cache holds."""
from __future__ import annotations

import re

import pytest

import kzmon.extract.compiled_regex as compiled_regex
from kzmon.extract.regions import _gazetteer

PATTERN = r"(?P<g0>Шымкент)(?:е|а)?|(?P<g1>Almaty)(?: region)?|(?i:(?P<g2>zhezkazgan))"
TEXT = "В Шымкенте, in Almaty region and ZHEZKAZGAN; Шымкента"


def _same(a: re.Pattern, b: re.Pattern) -> bool:
    return (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex) and \
        [(m.span(), m.lastgroup) for m in a.finditer(TEXT)] == [(m.span(), m.lastgroup) for m in b.finditer(TEXT)]


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(compiled_regex, "CACHE_DIR", tmp_path / "__pycache__")
    return tmp_path / "__pycache__"


def test_compiled_then_loaded_is_what_re_compile_gives(cache):
    first = compiled_regex.compile_cached(PATTERN)
    files = list(cache.glob("regex-*.marshal"))
    second = compiled_regex.compile_cached(PATTERN)   # from the file
    assert len(files) == 1
    assert _same(first, re.compile(PATTERN)) and _same(second, re.compile(PATTERN))
    assert [m.lastgroup for m in second.finditer(TEXT)] == ["g0", "g1", "g2", "g0"]


def test_a_damaged_cache_file_is_compiled_again(cache):
    compiled_regex.compile_cached(PATTERN)
    (path,) = cache.glob("regex-*.marshal")
    path.write_bytes(b"\x00garbage")
    assert _same(compiled_regex.compile_cached(PATTERN), re.compile(PATTERN))
    assert compiled_regex.compile_cached(PATTERN).groupindex == re.compile(PATTERN).groupindex


def test_an_unwritable_cache_still_compiles(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setattr(compiled_regex, "CACHE_DIR", blocked / "__pycache__")
    assert _same(compiled_regex.compile_cached(PATTERN), re.compile(PATTERN))


def test_the_gazetteer_pattern_is_the_same_in_every_process():
    """The cache is keyed by the pattern: one built from a set in hash order would differ per
    process (PYTHONHASHSEED) and never be found again."""
    import subprocess
    import sys
    code = "from kzmon.extract.regions import _gazetteer; import hashlib; " \
           "print(hashlib.sha1(_gazetteer().regex.pattern.encode()).hexdigest())"
    seen = {subprocess.run([sys.executable, "-c", code], env={"PYTHONHASHSEED": str(seed), "PATH": ""},
                           capture_output=True, text=True, check=True).stdout for seed in (1, 2, 3)}
    assert len(seen) == 1
    assert seen.pop().strip() == __import__("hashlib").sha1(_gazetteer().regex.pattern.encode()).hexdigest()


def test_a_new_version_of_a_named_pattern_replaces_the_old_file(cache):
    compiled_regex.compile_cached(PATTERN, name="places-heads")   # a name that starts like the next one
    compiled_regex.compile_cached(PATTERN, name="places")
    compiled_regex.compile_cached(PATTERN + "|(?P<g3>Aktau)", name="places")   # the gazetteer edited
    names = sorted(p.name.rsplit("-", 1)[0].split("-", 3)[3] for p in cache.glob("regex-*.marshal"))
    assert names == ["places", "places-heads"]
    assert compiled_regex.compile_cached(PATTERN + "|(?P<g3>Aktau)", name="places").groupindex["g3"] == 4
