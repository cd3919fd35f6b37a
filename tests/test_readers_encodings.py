"""Text files in the encodings Arabic news arrives in are decoded, not guessed."""

import codecs

import pytest

from marsad.model import Article, Document
from marsad.readers import decode_bytes, read_inputs

SAMPLE = ("الرياض (واس) – استقبل ولي العهد السعودي في الرياض اليوم وزير الخارجية الفرنسي، "
          "وبحث معه تطورات الأوضاع في المنطقة والعلاقات الثنائية بين البلدين.")


def _read_one(path) -> Article | Document:
    items = list(read_inputs([str(path)]))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize("encoding, payload", [
    ("utf-8", SAMPLE.encode("utf-8")),
    ("utf-8 with BOM", codecs.BOM_UTF8 + SAMPLE.encode("utf-8")),
    ("utf-16 LE with BOM", SAMPLE.encode("utf-16")),
    ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be")),
    ("windows-1256", SAMPLE.encode("cp1256")),
])
def test_readers_text_file_decodes(tmp_path, encoding, payload):
    path = tmp_path / "riyadh-visit.txt"
    path.write_bytes(payload)
    art = _read_one(path)
    assert isinstance(art, Article), getattr(art, "errors", None)
    assert art.id == "riyadh-visit"
    assert art.text == SAMPLE  # no BOM, no mojibake
    assert "\ufeff" not in art.text


def test_readers_windows_1256_is_detected_not_latin(tmp_path):
    # Read as Latin-1 this would be accented letters; marsad must see Arabic.
    payload = "أعلنت وزارة الخارجية أن الوزير سيزور القاهرة يوم الأحد.".encode("cp1256")
    assert decode_bytes(payload).startswith("أعلنت")


def test_readers_crlf_becomes_newline(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("السطر الأول.\r\nالسطر الثاني.\r\n".encode())
    art = _read_one(path)
    assert art.text == "السطر الأول.\nالسطر الثاني.\n"


def test_readers_utf16_jsonl(tmp_path):
    path = tmp_path / "wide.jsonl"
    path.write_bytes('{"id": "w1", "text": "قال الوزير إن المحادثات مستمرة."}\n'.encode("utf-16"))
    art = _read_one(path)
    assert isinstance(art, Article)
    assert art.id == "w1" and art.text.startswith("قال")


def test_readers_jsonl_with_bom(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + '{"id": "b1", "text": "نص الخبر."}\n'.encode())
    art = _read_one(path)
    assert isinstance(art, Article) and art.id == "b1"
