"""Each reader on files written here, in tmp_path."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.ingest import read_paths
from newsevents.model import Article, ArticleError

BODY = (
    "Israeli Prime Minister Benjamin Netanyahu cancelled a visit by two advisers to Washington on "
    "Monday after the United States abstained in a Security Council vote."
)
PAGE = (
    f"<html><head><title>Visit cancelled</title></head><body><article><p>{BODY}</p></article></body></html>"
)


def articles(items: list[Article | ArticleError]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def errors(items: list[Article | ArticleError]) -> list[ArticleError]:
    return [item for item in items if isinstance(item, ArticleError)]


def test_txt_is_one_article_with_its_headline_as_title(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"Netanyahu cancels advisers' visit\n\n{BODY}\n", encoding="utf-8")
    [article] = list(read_paths([path]))
    assert isinstance(article, Article)
    assert article.title == "Netanyahu cancels advisers' visit"
    assert article.text.startswith("Netanyahu cancels advisers' visit\n\n")  # the headline stays in the text
    assert (article.raw_format, article.origin) == ("text", str(path))
    assert article.id.startswith("a")


def test_txt_title_is_not_guessed_from_a_body_paragraph_or_a_dateline(tmp_path: Path) -> None:
    one_paragraph = tmp_path / "one.txt"
    one_paragraph.write_text(BODY, encoding="utf-8")
    dateline = tmp_path / "dated.txt"
    dateline.write_text(f"Friday, January 4, 2019\n\n{BODY}", encoding="utf-8")
    two_sentences = tmp_path / "two.txt"
    two_sentences.write_text(f"Troops moved in. Residents fled.\n\n{BODY}", encoding="utf-8")
    assert [item.title for item in read_paths([one_paragraph, dateline, two_sentences])] == [None] * 3


def test_the_same_text_always_gets_the_same_id(tmp_path: Path) -> None:
    first, second, other = tmp_path / "1.txt", tmp_path / "2.txt", tmp_path / "3.txt"
    first.write_text(BODY, encoding="utf-8")
    second.write_text(BODY, encoding="utf-8")
    other.write_text(BODY + " More.", encoding="utf-8")
    ids = [item.id for item in read_paths([first, second, other])]
    assert ids[0] == ids[1] != ids[2]


def test_html_page_keeps_its_raw_html_for_the_cleaner(tmp_path: Path) -> None:
    path = tmp_path / "page.HTM"
    path.write_text(PAGE, encoding="utf-8")
    [article] = list(read_paths([path], published="2024-03-25"))
    assert isinstance(article, Article)
    assert (article.raw_format, article.text, article.published) == ("html", PAGE, "2024-03-25")


def test_jsonl_reads_every_field_and_reports_bad_lines_alone(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"id": 7, "text": BODY, "title": "Visit off", "published": "2024-03-25T22:30:00-05:00",
                    "url": "https://example.org/a", "source": "Example"}),
        "{not json",
        json.dumps({"title": "no text here"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"text": "   "}),
        json.dumps({"text": BODY + " Again.", "published": "not a date"}),
    ]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([path], published="2020-01-01"))
    first, last = articles(items)
    assert (first.id, first.title, first.url, first.source) == (
        "7",
        "Visit off",
        "https://example.org/a",
        "Example",
    )
    assert first.published == "2024-03-25"  # the day as written, not converted to UTC
    assert (first.origin, first.raw_format) == (f"{path}:1", "jsonl")
    assert last.published == "2020-01-01" and last.id.startswith("a")  # unreadable date: the run's date
    assert [(error.origin, error.stage) for error in errors(items)] == [
        (f"{path}:{line}", "ingest") for line in (2, 3, 5, 6)
    ]
    reasons = [error.reason for error in errors(items)]
    assert reasons[0].startswith("not JSON") and "no 'text'" in reasons[1] and "not an object" in reasons[2]
    assert all("\n" not in reason for reason in reasons)


def test_csv_reads_rows_with_fields_past_the_default_size_limit(tmp_path: Path) -> None:
    long_text = (BODY + " ") * 1500  # about 250 KB, past the csv module's 128 KiB default
    path = tmp_path / "articles.csv"
    path.write_text(
        "ID,Title,Text,Published\n"
        f'1,"Visit off","{long_text}",2024-03-25\n'
        '2,"Empty",,2024-03-26\n'
        f'3,,"{BODY}",\n',
        encoding="utf-8",
    )
    items = list(read_paths([path]))
    first, third = articles(items)
    assert (first.id, first.title, first.published, len(first.text)) == (
        "1",
        "Visit off",
        "2024-03-25",
        len(long_text),
    )
    assert (third.id, third.title, third.published, third.raw_format) == ("3", None, None, "csv")
    [empty] = errors(items)
    assert (empty.article_id, empty.origin) == ("2", f"{path}:3")


def test_csv_without_a_text_column_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    [error] = list(read_paths([path]))
    assert isinstance(error, ArticleError) and "no 'text' column" in error.reason


def _write_warc(path: Path, *, gzip: bool) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)

        def response(url: str, status: str, content_type: str, payload: bytes, date: str) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )  # fmt: skip
            writer.write_record(record)

        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
        response(
            "https://example.org/news",
            "200 OK",
            "text/html; charset=utf-8",
            PAGE.encode(),
            "2024-03-25T10:00:00Z",
        )
        response(
            "https://example.org/logo.png",
            "200 OK",
            "image/png",
            b"\x89PNG\r\n\x1a\n\x00",
            "2024-03-25T10:00:01Z",
        )
        response(
            "https://example.org/gone",
            "404 Not Found",
            "text/html",
            b"<html>gone</html>",
            "2024-03-25T10:00:02Z",
        )
        latin = f"<html><body><p>Caf\xe9 talks. {BODY}</p></body></html>".encode("latin-1")
        response(
            "https://example.org/old",
            "200 OK",
            "text/html; charset=iso-8859-1",
            latin,
            "2024-03-26T10:00:00Z",
        )


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_yields_each_html_response(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _write_warc(path, gzip=name.endswith(".gz"))
    items = list(read_paths([path]))
    assert not errors(items)
    news, old = articles(items)
    assert (news.url, news.published, news.raw_format, news.source) == (
        "https://example.org/news", "2024-03-25", "html", "example.org",
    )  # fmt: skip
    assert news.text == PAGE and news.origin.startswith(f"{path}#")
    assert "Café talks" in old.text and old.published == "2024-03-26"


def test_a_broken_warc_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00 this is not gzip at all")
    [error] = list(read_paths([path]))
    assert isinstance(error, ArticleError) and "WARC" in error.reason


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Example Wire</title><link>https://example.org/</link><description>News</description>
    <item>
      <title>Visit cancelled</title><link>https://example.org/1</link>
      <pubDate>Mon, 25 Mar 2024 23:10:00 -0400</pubDate>
      <description>Short summary.</description>
      <content:encoded><![CDATA[<p>{body}</p><p>Second paragraph.</p>]]></content:encoded>
    </item>
    <item>
      <title>Plain one</title><link>https://example.org/2</link>
      <description>{body}</description>
    </item>
    <item><title>Nothing in it</title><link>https://example.org/3</link></item>
  </channel>
</rss>
""".replace("{body}", BODY)

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom</title><id>urn:example</id><updated>2024-03-26T00:00:00Z</updated>
  <entry>
    <title>Talks resume</title><id>urn:example:1</id>
    <link href="https://example.org/atom/1"/>
    <published>2024-03-27T08:00:00+02:00</published><updated>2024-03-28T08:00:00Z</updated>
    <summary type="text">{body}</summary>
  </entry>
  <entry>
    <title>Html one</title><id>urn:example:2</id><link href="https://example.org/atom/2"/>
    <updated>2024-03-29T08:00:00Z</updated>
    <content type="html">&lt;p&gt;{body}&lt;/p&gt;</content>
  </entry>
</feed>
""".replace("{body}", BODY)


def test_rss_entries_are_articles(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(read_paths([path], published="2000-01-01"))
    first, second = articles(items)
    assert (first.title, first.url, first.published, first.source) == (
        "Visit cancelled", "https://example.org/1", "2024-03-25", "Example Wire",
    )  # fmt: skip
    assert first.raw_format == "html" and "Second paragraph" in first.text  # content beats the summary
    assert second.text == BODY and second.published == "2000-01-01"
    [error] = errors(items)
    assert error.origin == f"{path}#3" and "no content" in error.reason


def test_atom_entries_are_articles(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    first, second = list(read_paths([path]))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.title, first.url, first.published, first.raw_format) == (
        "Talks resume", "https://example.org/atom/1", "2024-03-27", "text",
    )  # fmt: skip
    assert first.text == BODY
    assert (second.raw_format, second.published) == ("html", "2024-03-29")
    assert second.text.startswith("<p>")


def test_an_xml_file_that_is_no_feed_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("this is <<< not xml at all", encoding="utf-8")
    [error] = list(read_paths([path]))
    assert isinstance(error, ArticleError) and "not a readable feed" in error.reason


def test_a_folder_is_read_recursively_sorted_known_endings_only(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(BODY + " Two.", encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY + " One.", encoding="utf-8")
    (tmp_path / "c.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article file", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("inside a hidden folder", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert [Path(item.origin).relative_to(tmp_path).as_posix() for item in items] == [
        "a.txt",
        "b/2.txt",
        "c.html",
    ]


def test_a_folder_without_article_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("nothing to read", encoding="utf-8")
    [error] = list(read_paths([tmp_path]))
    assert isinstance(error, ArticleError) and "no article files" in error.reason


def test_dash_or_no_path_reads_standard_input() -> None:
    [from_dash] = list(read_paths(["-"], stdin=io.StringIO(BODY), published="2024-03-25"))
    [from_nothing] = list(read_paths([], stdin=io.StringIO(BODY)))
    assert isinstance(from_dash, Article) and isinstance(from_nothing, Article)
    assert (from_dash.text, from_dash.origin, from_dash.published) == (BODY, "<stdin>", "2024-03-25")
    assert from_nothing.id == from_dash.id


def test_an_html_page_on_standard_input_is_read_as_html() -> None:
    [article] = list(read_paths(["-"], stdin=io.StringIO("<!DOCTYPE html>\n" + PAGE)))
    assert isinstance(article, Article) and article.raw_format == "html"


def test_a_malformed_published_argument_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a date"):
        read_paths([tmp_path], published="25/03/2024")


def test_published_argument_is_normalised_and_fills_only_articles_without_a_date(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"text": BODY, "published": "2024-03-25"})
        + "\n"
        + json.dumps({"text": BODY + "!"})
        + "\n",
        encoding="utf-8",
    )
    when = datetime(2024, 4, 1, 12, tzinfo=UTC).isoformat()
    assert [item.published for item in read_paths([path], published=when)] == ["2024-03-25", "2024-04-01"]
