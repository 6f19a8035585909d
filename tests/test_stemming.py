"""Stems for the stemmed full-text column, on words and sentences written for these tests."""

import pytest

from kzmon.extract.stemming import stem_query, stem_text


def same_stem(a: str, b: str, language: str | None) -> bool:
    return stem_text(a, language) == stem_text(b, language)


@pytest.mark.parametrize("a, b", [
    ("трубы", "труб"),
    ("трубами", "труба"),
    ("заводов", "заводе"),
    ("Карагандинской", "карагандинская"),
    ("областях", "область"),
    ("построят", "построить"),
    ("ёлки", "елки"),
])
def test_russian_forms_share_a_stem(a, b):
    assert same_stem(a, b, "ru")


@pytest.mark.parametrize("a, b", [
    ("зауыттар", "зауыт"),
    ("зауытында", "зауыты"),
    ("облыстарында", "облысының"),
    ("облысына", "облыс"),
    ("жобалардың", "жобасы"),
    ("жобаға", "жоба"),
    ("қыркүйегінде", "қыркүйек"),
    ("Астанада", "Астана"),
    ("Шымкентте", "Шымкенттің"),
    ("өнімдері", "өнім"),
    ("компаниялар", "компаниясы"),
])
def test_kazakh_forms_share_a_stem(a, b):
    assert same_stem(a, b, "kk")


@pytest.mark.parametrize("a, b", [
    ("Астана", "астан"),        # the stem of a name is not cut into another word
    ("тенге", "тен"),
    ("облыс", "облы"),
])
def test_kazakh_stems_are_not_overcut(a, b):
    assert stem_text(a, "kk") != b


@pytest.mark.parametrize("a, b", [
    ("plants", "plant"),
    ("factories", "factory"),
    ("Kazakhstan's", "kazakhstan"),
    ("boxes", "box"),
])
def test_english_plurals_share_a_stem(a, b):
    assert same_stem(a, b, "en")


@pytest.mark.parametrize("word", ["process", "gas", "bus", "analysis"])
def test_english_words_ending_in_s_keep_it(word):
    assert stem_text(word, "en") == word


def test_text_becomes_a_lower_case_token_stream():
    out = stem_text("В Карагандинской области построят 2 завода по выпуску труб.", "ru")
    assert out.split() == ["в", "карагандинский", "область", "построить", "2", "завод", "по", "выпуск", "труба"]


def test_mixed_scripts_are_stemmed_by_their_own_rules():
    out = stem_text("Компания Steel Plants построит завод в области Жетісу", "ru").split()
    assert "plant" in out and "завод" in out and "жетісу" in out


def test_query_finds_the_stemmed_text():
    doc = stem_text("Завод по производству стальных труб запустят в 2025 году.", "ru").split()
    assert set(stem_query("трубы производство").split()) <= set(doc)
    kk_doc = stem_text("Облыста 15 жаңа зауыт салынады, жобалардың құны 55 млрд теңге.", "kk").split()
    assert set(stem_query("зауыттар жобасы").split()) <= set(kk_doc)
    assert set(stem_query("жобалар", "kk").split()) <= set(kk_doc)
    en_doc = stem_text("Two factories will produce steel pipes.", "en").split()
    assert set(stem_query("factory pipe").split()) <= set(en_doc)


def test_empty_text():
    assert stem_text("", "ru") == ""
    assert stem_query("  ") == ""
