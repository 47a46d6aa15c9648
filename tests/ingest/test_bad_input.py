"""Bad input never raises: each case is an ArticleError with a one-line reason, and reading goes on."""

from __future__ import annotations

import codecs
import io
import json
import random
from pathlib import Path

import pytest

from newsevents.ingest import read_paths
from newsevents.model import Article, ArticleError

BODY = "The minister met his counterpart in Geneva on Tuesday to discuss a ceasefire."


def read_one(path: Path) -> Article | ArticleError:
    [item] = list(read_paths([path]))
    return item


def assert_ingest_error(item: Article | ArticleError, origin: Path | str, *words: str) -> None:
    assert isinstance(item, ArticleError), item
    assert (item.origin, item.stage) == (str(origin), "ingest")
    assert "\n" not in item.reason
    for word in words:
        assert word in item.reason, item.reason


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    assert_ingest_error(read_one(tmp_path / "nowhere.txt"), tmp_path / "nowhere.txt", "cannot read")


def test_a_dangling_symlink_is_an_error_and_the_next_file_is_still_read(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted-target.txt")
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    error, article = list(read_paths([link, good]))
    assert_ingest_error(error, link, "cannot read", "No such file")
    assert isinstance(article, Article) and article.text == BODY


def test_a_folder_named_like_a_text_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "article.txt"
    folder.mkdir()
    assert_ingest_error(read_one(folder), folder, "no article files")


def test_a_dangling_symlink_inside_a_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "missing")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    error, article = list(read_paths([tmp_path]))
    assert_ingest_error(error, tmp_path / "a.txt", "cannot read")
    assert isinstance(article, Article)


@pytest.mark.parametrize("name", ["junk.txt", "junk.html", "junk.csv"])
def test_binary_junk_with_nul_bytes_is_an_error_not_an_article(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert_ingest_error(read_one(path), path, "binary")


def test_binary_junk_without_nul_bytes_is_an_error(tmp_path: Path) -> None:
    noise = bytes(byte for byte in random.Random(7).randbytes(4000) if byte)
    path = tmp_path / "noise.txt"
    path.write_bytes(noise)
    assert_ingest_error(read_one(path), path, "binary", "control bytes")


def test_binary_junk_on_standard_input_is_an_error() -> None:
    [item] = list(read_paths(["-"], stdin=io.StringIO("\x00\x01\x02 junk")))
    assert_ingest_error(item, "<stdin>", "binary")


def test_a_jsonl_line_of_junk_is_an_error_for_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        json.dumps({"text": BODY}).encode()
        + b"\n\x00\x01\x02\x03\n"
        + json.dumps({"text": BODY + "!"}).encode()
    )
    first, junk, last = list(read_paths([path]))
    assert isinstance(first, Article) and isinstance(last, Article)
    assert_ingest_error(junk, f"{path}:2", "binary")


def test_a_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = "Café talks in Zürich: the minister's résumé was read aloud, à la française, at the Genève summit."
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    article = read_one(path)
    assert isinstance(article, Article) and article.text == text


def test_a_windows_1252_file_keeps_its_curly_quotes(tmp_path: Path) -> None:
    text = "The minister said “no” to the plan, and the talks in Genève ended — for now."
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    article = read_one(path)
    assert isinstance(article, Article) and article.text == text


def test_a_utf16_file_with_a_byte_order_mark_is_text_not_junk(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + BODY.encode("utf-16-le"))
    article = read_one(path)
    assert isinstance(article, Article) and article.text == BODY


def test_a_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + BODY.encode())
    article = read_one(path)
    assert isinstance(article, Article) and article.text == BODY


@pytest.mark.parametrize("content", [b"", b"   \n\n \t \n"])
@pytest.mark.parametrize("name", ["empty.txt", "empty.html"])
def test_an_empty_article_is_an_error(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert_ingest_error(read_one(path), path, "empty")


def test_empty_standard_input_is_an_error() -> None:
    [item] = list(read_paths(["-"], stdin=io.StringIO("")))
    assert_ingest_error(item, "<stdin>", "empty")


def test_a_20_mb_article_is_read_whole_for_the_cleaner_to_refuse(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(BODY * 260_000, encoding="utf-8")  # 20.3 MB
    article = read_one(path)
    assert isinstance(article, Article) and len(article.text) == len(BODY) * 260_000
