"""The store on a real DuckDB file and a real PostgreSQL server: round trips, idempotency, exports."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from newsevents.model import Actor, Article, ArticleError, Event, Location
from newsevents.store import SCHEMA_VERSION, Store, StoreError, base, flatten_record, nest_record, open_store
from newsevents.store.postgres import pyformat

TEXT_ONE = "Israeli officials met Egyptian mediators in Cairo. They did not agree on a truce?"
TEXT_TWO = 'Police fired on protesters.\tThe army said "no comment"\nlater.'


def make_articles() -> list[Article]:
    return [
        Article(text=TEXT_ONE, title="Talks in Cairo", published="2024-03-05", url="https://example.org/1"),
        Article(text=TEXT_TWO, title="Clashes", source="wire", origin="clashes.txt", language="en"),
    ]


def make_events(articles: list[Article]) -> list[Event]:
    one, two = articles
    meeting = Event(
        article_id=one.id,
        sentence=TEXT_ONE[:50],
        span=(0, 50),
        plover_type="CONSULT",
        plover_mode="meeting",
        cameo_code="043",
        quad_class=1,
        goldstein=2.8,
        status="asserted",
        date="2024-03-04",
        source=Actor("Israeli officials", name="Israel", country="ISR", sector="GOV", how="exact"),
        target=Actor("Egyptian mediators", name="Egypt", country="EGY", sector="GOV", wikidata="Q79"),
        location=Location("Cairo", "EGY", 30.0444, 31.2357, admin1="Cairo", geonames_id=360630, level="city"),
        confidence=0.91,
        trigger="met",
        trigger_span=(18, 21),
        extra={"context": ["diplomacy", "ceasefire"], "parse": {"verb": "meet"}},
    )
    refusal = Event(
        article_id=one.id,
        sentence=TEXT_ONE[51:],
        span=(51, len(TEXT_ONE)),
        plover_type="REJECT",
        cameo_code="1056",
        quad_class=3,
        goldstein=-5.0,
        status="negated",
        source=Actor("They"),
    )
    shooting = Event(
        article_id=two.id,
        sentence=TEXT_TWO,
        span=(0, len(TEXT_TWO)),
        plover_type="ASSAULT",
        cameo_code="180",
        quad_class=4,
        goldstein=-9.0,
        status="asserted",
        date="2024-03-06",
        source=Actor("Police", country=None, sector="COP"),
        target=Actor("protesters", sector="CVL"),
        location=Location("Kenya", "KEN"),
    )
    return [meeting, refusal, shooting]


def by_id(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: e.event_id)


Filled = tuple[Store, list[Article], list[Event]]


@pytest.fixture
def filled(target: str) -> Iterator[Filled]:
    articles = make_articles()
    events = make_events(articles)
    with open_store(target) as store:
        store.add_articles(articles)
        store.add_events(events)
        yield store, articles, events


def test_events_come_back_equal_to_what_went_in(target: str) -> None:
    articles = make_articles()
    events = make_events(articles)
    with open_store(target) as store:
        assert store.add_articles(articles) == 2
        assert store.add_events(events) == 3
    with open_store(target) as store:  # reopened: the data is on disk, not in a cache
        assert by_id(store.events()) == by_id(events)
        assert store.coded_article_ids() == {a.id for a in articles}


def test_adding_the_same_rows_again_adds_none(target: str) -> None:
    articles = make_articles()
    events = make_events(articles)
    errors = [ArticleError("a1", "bad.html", "no text left after cleaning", stage="clean")]
    with open_store(target) as store:
        assert store.add_events(events[:2]) == 2
        assert store.add_events(events) == 1  # only the third is new
        assert store.add_events(events) == 0
        assert store.add_articles(articles) == 2
        assert store.add_articles(articles) == 0
        assert store.add_errors(errors) == 1
        assert store.add_errors(errors) == 0
        counts = store.query(
            "SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM articles) AS articles,"
            " (SELECT count(*) FROM errors) AS errors"
        )
    assert counts.iloc[0].tolist() == [3, 2, 1]


def test_inserts_in_several_batches_count_every_row(target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "BATCH", 2)
    articles = [Article(text=f"Article number {n}.") for n in range(7)]
    with open_store(target) as store:
        assert store.add_articles(iter(articles)) == 7
        assert store.add_articles(iter([*articles[3:], Article(text="One more.")])) == 1
        assert len(store.coded_article_ids()) == 8


def test_frame_is_flat_with_one_column_per_field(filled: Filled) -> None:
    store, _, events = filled
    frame = store.events_frame("plover_type = ?", ["CONSULT"])
    assert len(frame) == 1
    row = frame.iloc[0]
    assert row["event_id"] == events[0].event_id
    assert (row["source_code"], row["target_code"], row["target_wikidata"]) == ("ISRGOV", "EGYGOV", "Q79")
    assert (row["location_lat"], row["location_geonames_id"]) == (30.0444, 360630)
    assert (row["span_start"], row["trigger_end"], row["cameo_root"]) == (0, 21, "04")
    assert json.loads(row["extra"]) == events[0].extra
    everything = store.events_frame()
    assert everything["trigger_start"].isna().sum() == 2  # missing ints stay missing, not 0 or NaN floats
    assert str(everything["quad_class"].dtype) == "Int64"


def test_question_marks_and_percent_signs_inside_quotes_are_text(filled: Filled) -> None:
    store, _, events = filled
    where = "sentence LIKE '%?%' AND status = ?"  # the quoted ? is text, the bare one a placeholder
    found = store.events(where, ["negated"])
    assert [e.event_id for e in found] == [events[1].event_id]


def test_query_errors_become_one_line_store_errors(filled: Filled) -> None:
    store, _, _ = filled
    with pytest.raises(StoreError, match="query failed") as caught:
        store.events_frame("no_such_column = 1")
    assert "\n" not in str(caught.value)


def test_jsonl_export_is_the_contract_record(filled: Filled, tmp_path: Path) -> None:
    store, _, events = filled
    path = tmp_path / "events.jsonl"
    assert store.export(path) == 3
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    expected = {e.event_id: e.to_dict() for e in events}
    assert {r["event_id"]: r for r in records} == expected
    assert list(records[0]) == list(events[0].to_dict())  # same key order as the coder writes


def test_csv_and_parquet_exports_hold_the_flat_rows(filled: Filled, tmp_path: Path) -> None:
    store, _, _ = filled
    frame = store.events_frame()
    assert store.export(tmp_path / "events.csv") == 3
    assert store.export(tmp_path / "out.pq", format="parquet") == 3
    from_csv = pd.read_csv(tmp_path / "events.csv", dtype={"cameo_code": str, "cameo_root": str})
    from_parquet = pq.read_table(tmp_path / "out.pq").to_pandas()
    assert list(from_csv.columns) == list(frame.columns) == list(from_parquet.columns)
    assert from_csv["event_id"].tolist() == frame["event_id"].tolist()
    assert from_csv["sentence"].tolist() == frame["sentence"].tolist()  # tabs, quotes, newlines survive
    assert from_parquet["cameo_code"].tolist() == frame["cameo_code"].tolist()
    pd.testing.assert_series_equal(from_parquet["location_lat"], frame["location_lat"])
    pd.testing.assert_series_equal(from_csv["goldstein"], frame["goldstein"])
    with duckdb.connect() as con:  # another tool reads the file as typed columns
        n, geonames = con.execute(
            "SELECT count(*), max(location_geonames_id) FROM read_parquet(?)", [str(tmp_path / "out.pq")]
        ).fetchone()
    assert (n, geonames) == (3, 360630)


def test_export_refuses_an_unknown_format(filled: Filled, tmp_path: Path) -> None:
    store, _, _ = filled
    with pytest.raises(StoreError, match="unknown export format 'xlsx'"):
        store.export(tmp_path / "events.xlsx")


def test_gdelt_export_reads_back_as_gdelt_columns(filled: Filled, tmp_path: Path) -> None:
    store, articles, events = filled
    path = tmp_path / "events.gdelt.tsv"
    assert store.export_gdelt(path) == 3
    gdelt = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=3).set_index(
        "GLOBALEVENTID"
    )
    meeting = gdelt.loc[events[0].event_id]
    assert meeting["SQLDATE"] == "20240304"
    assert (meeting["Actor1Code"], meeting["Actor1Name"], meeting["Actor2CountryCode"]) == (
        "ISRGOV",
        "ISRAEL",
        "EGY",
    )
    assert (meeting["EventCode"], meeting["EventBaseCode"], meeting["EventRootCode"]) == ("043", "043", "04")
    assert (meeting["QuadClass"], float(meeting["ActionGeo_Lat"])) == ("1", 30.0444)
    assert meeting["SOURCEURL"] == articles[0].url
    refusal = gdelt.loc[events[1].event_id]
    assert refusal["SQLDATE"] == "20240305"  # no event date: the article's
    assert (refusal["Actor1Name"], refusal["Actor2Code"], refusal["EventBaseCode"]) == ("THEY", "", "105")
    assert gdelt.loc[events[2].event_id, "SOURCEURL"] == ""


def test_polecat_export_keeps_one_line_per_event(filled: Filled, tmp_path: Path) -> None:
    store, _, events = filled
    path = tmp_path / "events.polecat.tsv"
    assert store.export_polecat(path) == 3
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4  # the header and one line each: the newline inside a sentence is gone
    polecat = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=3).set_index("event_id")
    meeting = polecat.loc[events[0].event_id]
    assert (meeting["story_date"], meeting["event_date"], meeting["event_type"]) == (
        "2024-03-05",
        "2024-03-04",
        "CONSULT",
    )
    assert (meeting["mode"], meeting["context"], meeting["headline"]) == (
        "meeting",
        "diplomacy;ceasefire",
        "Talks in Cairo",
    )
    assert (meeting["source_actor"], meeting["target_sector"], meeting["geonames_id"]) == (
        "Israel",
        "GOV",
        "360630",
    )
    shooting = polecat.loc[events[2].event_id]
    assert shooting["text"] == TEXT_TWO.replace("\t", " ").replace("\n", " ")
    assert (shooting["source_sector"], shooting["country"], shooting["headline"]) == ("COP", "KEN", "Clashes")


def test_an_empty_store_exports_empty_files(target: str, tmp_path: Path) -> None:
    with open_store(target) as store:
        assert store.events() == []
        assert store.export(tmp_path / "none.parquet") == 0
        assert store.export_gdelt(tmp_path / "none.tsv") == 0
    assert pq.read_table(tmp_path / "none.parquet").num_rows == 0
    assert (tmp_path / "none.tsv").read_text().startswith("GLOBALEVENTID\tSQLDATE")


def test_read_only_store_reads_but_needs_existing_tables(target: str) -> None:
    articles = make_articles()
    with open_store(target) as store:
        store.add_events(make_events(articles))
    with open_store(target, read_only=True) as store:
        assert len(store.events()) == 3
        with pytest.raises(StoreError, match="cannot add to events"):
            store.add_events(make_events(articles))


def test_read_only_on_an_empty_database_says_so(tmp_path: Path) -> None:
    path = tmp_path / "blank.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="holds no newsevents tables"):
        open_store(path, read_only=True)


def test_a_newer_schema_version_is_refused(target: str) -> None:
    with open_store(target) as store:
        store._execute("UPDATE meta SET value = ? WHERE key = ?", [str(SCHEMA_VERSION + 1), "schema_version"])
    with pytest.raises(StoreError, match=f"schema version {SCHEMA_VERSION + 1}"):
        open_store(target)


def test_a_duckdb_file_open_in_another_process_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    holder = textwrap.dedent(
        f"""
        import sys, duckdb
        con = duckdb.connect({str(path)!r})
        print("open", flush=True)
        sys.stdin.read()
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="open in another process") as caught:
            open_store(path)
        assert str(process.pid) in str(caught.value)
        assert "\n" not in str(caught.value)
    finally:
        process.communicate(timeout=30)  # closing its stdin lets it exit


def test_a_file_that_is_not_duckdb_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database\n" * 500)
    with pytest.raises(StoreError, match="is not a DuckDB database file"):
        open_store(path)


def test_an_unreachable_server_gives_an_error_without_the_password() -> None:
    with pytest.raises(StoreError, match="cannot connect to") as caught:
        open_store("postgresql://newsevents:s3cret@127.0.0.1:1/events")
    assert "s3cret" not in str(caught.value)


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    store = open_store(tmp_path / "events.duckdb")
    store.close()
    store.close()  # twice is harmless
    with pytest.raises(StoreError, match="is closed"):
        store.events()


def test_flat_rows_nest_back_into_the_record() -> None:
    for event in make_events(make_articles()):
        record = event.to_dict()
        assert nest_record(flatten_record(record)) == record


def test_placeholders_become_pyformat_outside_quotes_only() -> None:
    sql = "a = ? AND b LIKE '5%?' AND \"we?ird\" = ? AND c = 'it''s?'"
    assert pyformat(sql, [1, 2]) == "a = %s AND b LIKE '5%%?' AND \"we?ird\" = %s AND c = 'it''s?'"
    assert pyformat("x LIKE '%a'", None) == "x LIKE '%a'"
