"""`newsevents kb build-wikidata`: a Wikidata dump fragment written here becomes an actors file to code with.

The fragment is fictional people in real-shaped entities: two countries (Portugal with its ISO code P298,
France without, so its code comes from countries.yaml), three offices and four humans, one a line in the
dump's JSON-array layout, gzipped.
"""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

from newsevents.actors.userfiles import read_user_actors
from newsevents.actors.wikidata import (
    BuildReport,
    SectorMatcher,
    WikidataDumpError,
    build_people,
    build_wikidata,
    parse_time,
    write_people_yaml,
)
from tests.conftest import run_cli

DEFENCE_PRT, PRESIDENT_FRA, KNESSET_MEMBER = "Q99000001", "Q99000002", "Q99000003"
ANA, LUCIEN, YAEL, TOMAS = "Q99000101", "Q99000102", "Q99000103", "Q99000104"


def _item(
    qid: str, label: str, claims: dict[str, list[dict[str, Any]]], aliases: tuple[str, ...] = ()
) -> dict[str, Any]:
    return {
        "id": qid,
        "type": "item",
        "labels": {"en": {"language": "en", "value": label}},
        "aliases": {"en": [{"language": "en", "value": a} for a in aliases]},
        "claims": claims,
    }


def _link(qid: str, rank: str = "normal", **qualifiers: list[dict[str, Any]]) -> dict[str, Any]:
    snak = {
        "snaktype": "value",
        "datavalue": {"value": {"entity-type": "item", "id": qid}, "type": "wikibase-entityid"},
    }
    return {"mainsnak": snak, "type": "statement", "rank": rank, "qualifiers": qualifiers}


def _time(iso: str, precision: int = 11) -> list[dict[str, Any]]:
    value = {"time": f"+{iso}T00:00:00Z", "precision": precision, "calendarmodel": "Q1985727"}
    return [{"snaktype": "value", "datavalue": {"value": value, "type": "time"}}]


def _string(value: str) -> dict[str, Any]:
    return {
        "mainsnak": {"snaktype": "value", "datavalue": {"value": value, "type": "string"}},
        "rank": "normal",
    }


def fragment() -> list[dict[str, Any]]:
    human, office = [_link("Q5")], [_link("Q4164871")]
    lucien_term = _link(PRESIDENT_FRA, P580=_time("2004-05-16"), P582=_time("2009-05-15"))
    yael_term = _link(KNESSET_MEMBER, P580=_time("2016-00-00", 9), P582=_time("2019-04-00", 10))
    ana_terms = [
        _link(DEFENCE_PRT, P580=_time("2022-03-30")),
        _link(PRESIDENT_FRA, rank="deprecated", P580=_time("2020-01-01")),
    ]
    ana = {"P31": human, "P27": [_link("Q45")], "P102": [_link("Q99000900")], "P39": ana_terms}
    tomas_terms = [_link("Q99000999", P580=_time("2018-01-01")), _link(PRESIDENT_FRA)]
    return [
        _item("Q45", "Portugal", {"P31": [_link("Q6256")], "P298": [_string("PRT")]}),
        _item("Q142", "France", {"P31": [_link("Q6256")]}),
        _item(DEFENCE_PRT, "Minister of National Defence", {"P31": office, "P1001": [_link("Q45")]}),
        _item(PRESIDENT_FRA, "President of the French Republic", {"P17": [_link("Q142")]}),
        _item(KNESSET_MEMBER, "member of the Knesset", {"P31": office, "P1001": [_link("Q801")]}),
        _item("Q90", "Paris", {"P31": [_link("Q515")], "P17": [_link("Q142")]}),
        _item(ANA, "Ana Pereira", ana, aliases=("Ana Maria Pereira", "Pereira", "Ana Pereira")),
        _item(LUCIEN, "Lucien Marchand", {"P31": human, "P27": [_link("Q142")], "P39": [lucien_term]}),
        _item(YAEL, "Yael Ben-Ami", {"P31": human, "P39": [yael_term]}),
        _item(TOMAS, "Tomás Vidal", {"P31": human, "P27": [_link("Q45")], "P39": tomas_terms}),
    ]


def _array_lines(entities: list[dict[str, Any]]) -> str:
    """The dump's layout: "[", one entity a line each ending with ",", the last without, "]"."""
    return "[\n" + ",\n".join(json.dumps(e, ensure_ascii=False) for e in entities) + "\n]\n"


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "fragment-all.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(_array_lines(fragment()))
    return path


def _by_name(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {record["name"]: record for record in records}


def test_cli_writes_people_with_dated_roles(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "wikidata-people.yaml"
    result = run_cli("kb", "build-wikidata", str(dump), "-o", str(out), timeout=120)
    assert result.returncode == 0, result.stderr
    assert "2 people with 2 roles" in result.stderr
    people = _by_name(read_user_actors(out))
    assert set(people) == {"Ana Pereira", "Yael Ben-Ami"}  # Lucien left office before 2015, Tomás undated
    ana = people["Ana Pereira"]
    assert ana["wikidata"] == ANA and ana["country"] == "PRT" and ana["default_sector"] == "PTY"
    assert ana["aliases"] == ["Ana Maria Pereira"]
    defence = {"title": "Minister of National Defence", "country": "PRT", "sector": "MIL"}
    assert ana["roles"] == [{**defence, "start": dt.date(2022, 3, 30), "end": None}]
    yael = people["Yael Ben-Ami"]
    assert yael["country"] == "ISR" and yael["default_sector"] is None  # Israel from countries.yaml's Q-id
    assert yael["roles"] == [
        {"title": "member of the Knesset", "country": "ISR", "sector": "LEG", "start": dt.date(2016, 1, 1),
         "end": dt.date(2019, 4, 1), "approx": True}
    ]  # fmt: skip


def test_function_gives_what_the_cli_gives_and_says_what_it_skipped(dump: Path, tmp_path: Path) -> None:
    cli_out, function_out = tmp_path / "cli.yaml", tmp_path / "function.yaml"
    assert run_cli("kb", "build-wikidata", str(dump), "--output", str(cli_out), timeout=120).returncode == 0
    report = build_wikidata(dump, function_out)
    assert read_user_actors(function_out) == read_user_actors(cli_out)
    assert (report.entities, report.countries, report.people, report.roles) == (10, 1, 2, 2)
    assert report.skipped_roles == {
        "ended before --since": 1,
        "no usable start date": 1,
        "office unknown or without a sector": 1,
    }
    assert not list(tmp_path.glob(".*.part"))  # the temporary file was renamed, not left behind


def test_since_decides_which_roles_are_kept(dump: Path) -> None:
    people = _by_name(list(build_people(dump, since=dt.date(2005, 1, 1))))
    assert people["Lucien Marchand"]["roles"][0]["sector"] == "GOV"
    assert people["Lucien Marchand"]["country"] == "FRA"  # France has no P298 here: countries.yaml's Q142
    assert not _by_name(list(build_people(dump, since=dt.date(2024, 1, 1)))).keys() - {"Ana Pereira"}


@pytest.mark.parametrize("layout", ["jsonl", "bz2", "array"])
def test_plain_jsonl_bzip2_and_uncompressed_arrays_read_alike(
    dump: Path, tmp_path: Path, layout: str
) -> None:
    lines = _array_lines(fragment())
    path = tmp_path / f"fragment.{layout}"
    if layout == "jsonl":
        path.write_text("".join(json.dumps(e) + "\n" for e in fragment()), encoding="utf-8")
    elif layout == "bz2":
        path.write_bytes(bz2.compress(lines.encode("utf-8")))
    else:
        path.write_text(lines, encoding="utf-8")
    assert list(build_people(path)) == list(build_people(dump))


def test_a_broken_line_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    text = _array_lines(fragment()).replace(f'{{"id": "{LUCIEN}"', f'{{"id": "{LUCIEN}" oops', 1)
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    report = BuildReport()
    assert {r["name"] for r in build_people(path, report=report)} == {"Ana Pereira", "Yael Ben-Ami"}
    assert report.bad_line_count == 1 and report.bad_lines[0].startswith("line 9: not JSON")


def test_a_truncated_archive_keeps_what_was_read(dump: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.json.gz"
    cut.write_bytes(dump.read_bytes()[:-40])
    report = BuildReport()
    list(build_people(cut, report=report))
    assert any("ends early" in line for line in report.bad_lines)


def test_cli_errors_are_messages_not_tracebacks(tmp_path: Path) -> None:
    missing = run_cli("kb", "build-wikidata", str(tmp_path / "nope.json.gz"), timeout=120)
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
    bad_since = run_cli("kb", "build-wikidata", str(tmp_path), "--since", "2015-13-01", timeout=120)
    assert bad_since.returncode == 2 and "not a date" in bad_since.stderr
    with pytest.raises(WikidataDumpError):
        list(build_people(tmp_path / "nope.json"))


def test_stdout_when_no_output_file(dump: Path) -> None:
    out = io.StringIO()
    build_wikidata(dump, out)
    assert out.getvalue().startswith("# actors/people.yaml format")
    assert "- name: Ana Pereira" in out.getvalue()


def test_written_yaml_reads_back_whatever_the_names_hold(tmp_path: Path) -> None:
    role = {"title": "Minister: Defence [acting]", "country": "PRT", "sector": "MIL"}
    open_role = {**role, "start": dt.date(2020, 1, 1), "end": None}
    closed_role = {**role, "start": dt.date(2016, 1, 1), "end": dt.date(2017, 1, 1), "approx": True}
    records = [
        {"name": "No", "aliases": ["José d'Ávila, Jr", '"Yes" Man'], "wikidata": "Q1", "country": "NOR",
         "default_sector": None, "roles": [open_role]},
        {"name": "2016-01-01 # not a comment", "aliases": [], "wikidata": "Q2", "country": None,
         "default_sector": "PTY", "roles": [closed_role, open_role]},
    ]  # fmt: skip
    out = tmp_path / "tricky.yaml"
    with out.open("w", encoding="utf-8") as handle:
        assert write_people_yaml(records, handle, "# a header\n") == 2
    assert read_user_actors(out) == records


@pytest.mark.parametrize(
    ("label", "sector"),
    [
        ("Minister of Defence of Israel", "MIL"),
        ("President of the United States", "GOV"),
        ("member of the Knesset", "LEG"),
        ("Member of the European Parliament", "LEG"),
        ("member of the Central Committee", None),
        ("Prime Minister of Portugal", "GOV"),
        ("Secretary of State for Defence", "MIL"),
        ("Minister of the Armed Forces", "MIL"),
        ("Minister of Police", "GOV"),
        ("President of the Senate", "LEG"),
        ("President of the Supreme Court", "JUD"),
        ("Attorney General of the United States", "JUD"),
        ("Solicitor General", None),
        ("General of the Army", "MIL"),
        ("Secretary-General of the United Nations", None),
        ("mayor of Lisbon", "GOV"),
        ("Archbishop of Braga", "REL"),
        ("film director", None),
    ],
)
def test_office_labels_give_sectors_from_sectors_yaml(label: str, sector: str | None) -> None:
    assert SectorMatcher.from_knowledge().sector(label) == sector


@pytest.mark.parametrize(
    ("time", "precision", "day", "approx"),
    [
        ("+2022-12-29T00:00:00Z", 11, dt.date(2022, 12, 29), False),
        ("+2022-12-00T00:00:00Z", 10, dt.date(2022, 12, 1), True),
        ("+2022-00-00T00:00:00Z", 9, dt.date(2022, 1, 1), True),
        ("+2020-00-00T00:00:00Z", 8, None, None),  # a decade says too little to date a role
        ("-0044-03-15T00:00:00Z", 11, None, None),
    ],
)
def test_wikidata_times(time: str, precision: int, day: dt.date | None, approx: bool | None) -> None:
    parsed = parse_time({"datavalue": {"value": {"time": time, "precision": precision}}})
    assert (parsed.day, parsed.approx) == (day, approx) if parsed else day is None


def _source_of(out: Path, published: str) -> dict[str, Any]:
    sentence = "Ana Pereira met French officials in Paris."
    result = run_cli(
        "code", "-", "--published", published, "--format", "jsonl", "--actors", str(out), stdin=sentence
    )
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert events, result.stderr
    return events[0]["source"]


def test_the_coder_resolves_a_person_from_the_built_file(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "wikidata-people.yaml"
    assert run_cli("kb", "build-wikidata", str(dump), "-o", str(out), timeout=120).returncode == 0
    source = _source_of(out, "2023-05-10")
    assert source["name"] == "Ana Pereira" and source["wikidata"] == ANA
    assert (source["country"], source["sector"]) == ("PRT", "MIL")
    before = _source_of(out, "2021-05-10")  # before she took office: her party, not the ministry
    assert (before["country"], before["sector"]) == ("PRT", "PTY")
