"""The command line as a user meets it: formats, the store, bad input, re-runs, the version."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO, run_cli

SAMPLES = REPO / "examples" / "samples.jsonl"
GOOD = "Iranian President Masoud Pezeshkian met Iraqi Prime Minister Mohammed Shia al-Sudani in Baghdad."


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """A folder with one good article and every kind of bad one."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Le président français a rencontré à Genève.".encode("latin-1"))
    (folder / "huge.txt").write_text("Word " * 4_200_000, encoding="utf-8")  # about 21 MB
    (folder / "dangling.txt").symlink_to(folder / "missing-target.txt")
    return folder


def test_bad_articles_are_reported_and_the_rest_coded(mixed_folder: Path) -> None:
    result = run_cli("code", str(mixed_folder), "--published", "2024-09-11", "--format", "jsonl")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert events and all(e["sentence"].startswith("Iranian President") for e in events)
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    reasons = "\n".join(skipped)
    for name in ("binary.txt", "empty.txt", "huge.txt", "dangling.txt", "latin1.txt"):
        assert name in reasons, f"{name} not reported:\n{result.stderr}"
    assert len(skipped) >= 5


def test_store_is_idempotent_and_show_reads_it(tmp_path: Path) -> None:
    store = tmp_path / "events.duckdb"
    first = run_cli("code", str(SAMPLES), "--store", str(store), "--format", "jsonl")
    assert first.returncode == 0, first.stderr
    with duckdb.connect(str(store), read_only=True) as db:
        events, articles = (
            db.execute("select count(*) from events").fetchone()[0],
            db.execute("select count(*) from articles").fetchone()[0],
        )
    assert events > 0 and articles == 5
    again = run_cli("code", str(SAMPLES), "--store", str(store), "--format", "jsonl")
    assert again.returncode == 0
    with duckdb.connect(str(store), read_only=True) as db:
        assert db.execute("select count(*) from events").fetchone()[0] == events
        assert db.execute("select count(*) from articles").fetchone()[0] == 5
    shown = run_cli("show", "--store", str(store), "--limit", "3")
    assert shown.returncode == 0 and "3 events" in shown.stdout


def test_stdin_csv_and_table_formats() -> None:
    piped = run_cli("code", "--published", "2024-09-11", "--format", "csv", stdin=GOOD)
    assert piped.returncode == 0, piped.stderr
    header, *rows = piped.stdout.splitlines()
    assert "plover_type" in header and "source_code" in header and rows
    table = run_cli("code", "-", "--published", "2024-09-11", "--format", "table", stdin=GOOD)
    assert "CONSULT" in table.stdout and "events" in table.stdout


def test_non_english_article_is_skipped_with_a_reason(tmp_path: Path) -> None:
    german = tmp_path / "de.txt"
    german.write_text(
        "Die Bundesregierung hat am Montag neue Hilfen für die Ukraine beschlossen. Der Kanzler sagte, "
        "Deutschland werde weitere Luftabwehrsysteme liefern.",
        encoding="utf-8",
    )
    result = run_cli("code", str(german))
    assert result.returncode == 1 and "not English" in result.stderr and result.stdout == ""


def test_version_names_the_knowledge_date() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and "true as of" in result.stdout


def test_a_users_actors_file_takes_effect_at_once(tmp_path: Path) -> None:
    text = "Amara Okonkwo-Lindqvist met Kenyan President William Ruto in Nairobi."
    sheet = tmp_path / "my_actors.csv"
    sheet.write_text(
        "name,aliases,country,sector,code,start,end,wikidata\n"
        "Amara Okonkwo-Lindqvist,,NOR,GOV,,2023-01-01,,\n",
        encoding="utf-8",
    )
    without = run_cli("code", "-", "--published", "2024-05-01", "--format", "jsonl", stdin=text)
    assert without.returncode == 0 and not without.stdout.strip()
    with_file = run_cli(
        "code", "-", "--published", "2024-05-01", "--format", "jsonl", "--actors", str(sheet), stdin=text
    )
    assert with_file.returncode == 0, with_file.stderr
    events = [json.loads(line) for line in with_file.stdout.splitlines()]
    assert events and events[0]["source"]["name"] == "Amara Okonkwo-Lindqvist"
    assert events[0]["source"]["code"] == "NORGOV" and events[0]["target"]["country"] == "KEN"
