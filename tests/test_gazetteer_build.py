"""tools/build_gazetteer.py: which GeoNames names become gazetteer names."""

import importlib.util
from pathlib import Path

import pytest

_TOOL = Path(__file__).resolve().parents[1] / "tools" / "build_gazetteer.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("build_gazetteer", _TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gazetteer_build_keeps_arabic_spellings_only(tool):
    names = tool.arabic_names(["Tripoli", "طرابلس", "طَرَابُلُس", "ترىپولى", "طرابلس، لیبیا", "Τρίπολη"],
                              allow_persian=True)
    assert names == ["طرابلس"]  # the vocalized form is the same name; Persian/comma forms go


def test_gazetteer_build_maps_persian_letters_only_as_a_last_resort(tool):
    assert tool.arabic_names(["کابل"], allow_persian=True) == ["كابل"]
    assert tool.arabic_names(["کابل"], allow_persian=False) == []
    assert tool.arabic_names(["گرگان"], allow_persian=True) == []  # گ is not an Arabic letter


def test_gazetteer_build_drops_short_and_debris_names(tool):
    assert tool.too_short("قم")
    assert tool.too_short("بيت ج")
    assert not tool.too_short("عدن")


def test_gazetteer_build_common_words_depend_on_place_size(tool):
    # "صور" (pictures) is a word first, even for a Lebanese city of 135k.
    assert tool.common_word("صور", "LB", 135_000) is not None
    # A large Arab city keeps a name that the news makes frequent.
    assert tool.common_word("تعز", "YE", 940_000) is None
    # A small town abroad loses a name that reads as an Arabic word.
    assert tool.common_word("كان", "FR", 70_000) is not None
    assert tool.common_word("ليون", "FR", 520_000) is None
