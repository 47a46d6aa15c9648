"""The command line: thin commands over the public face, nothing more."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsevents import __version__, flatten

if TYPE_CHECKING:
    from newsevents.pipeline import RunReport

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Political event data from news text.")
err = Console(stderr=True, highlight=False, soft_wrap=True)
# A table piped to a file or a CI log is read whole: do not fold it to 80 columns.
out = Console(highlight=False, width=None if sys.stdout.isatty() else 180)


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


def _version(value: bool) -> None:
    if value:
        from newsevents.actors.kb import TRUE_AS_OF

        typer.echo(f"newsevents {__version__} (actor knowledge true as of {TRUE_AS_OF})")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """newsevents: who did what to whom, when and where, with the sentence that says so."""


DictionaryOption = Annotated[
    list[Path] | None,
    typer.Option("--dictionary", "-d", help="Extra actor/verb dictionaries (ours or TABARI/PETRARCH)."),
]
ActorsOption = Annotated[
    list[Path] | None, typer.Option("--actors", help="Your own actors file (CSV or YAML); it wins over ours.")
]
LearnedOption = Annotated[
    bool,
    typer.Option(
        "--learned/--no-learned",
        help="Also let the learned event typer code sentences the patterns leave without an event "
        "(never with a verbs dictionary).",
    ),
]


@app.command()
def code(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders; none or '-' reads stdin.")
    ] = None,
    output_format: Annotated[
        Format | None, typer.Option("--format", "-f", help="jsonl, csv or table.")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Date YYYY-MM-DD for articles that carry none.")
    ] = None,
    dictionary: DictionaryOption = None,
    actors: ActorsOption = None,
    store: Annotated[
        Path | None, typer.Option(help="Also write articles and events to this DuckDB file.")
    ] = None,
    learned: LearnedOption = False,
) -> None:
    """Code articles into events."""
    from newsevents import get_pipeline
    from newsevents.ingest import read_paths
    from newsevents.pipeline import RunReport

    report = RunReport()
    chosen = output_format or (Format.table if sys.stdout.isatty() else Format.jsonl)
    pipe = get_pipeline(dictionaries=dictionary or (), actors=actors or (), learned=learned)
    items = read_paths(paths or ["-"], published=published, stdin=sys.stdin)
    coded = _with_progress(pipe.code(items, report), show=_many(paths))
    writer = _Writer(chosen)
    sink = _open_sink(store)
    pending: list = []  # type: ignore[type-arg]
    try:
        for item in coded:
            writer.write(item.events)
            if sink is not None:
                pending.append(item)
                if len(pending) >= STORE_BATCH:
                    _flush(sink, pending)
        if sink is not None:
            _flush(sink, pending)
            sink.add_errors(report.errors)
    finally:
        if sink is not None:
            sink.close()
    writer.finish()
    _report(report)
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def show(
    store: Annotated[Path, typer.Option(help="The DuckDB file to read.")] = Path("newsevents.duckdb"),
    where: Annotated[
        str | None, typer.Option(help="An SQL condition, e.g. \"plover_type = 'ASSAULT'\".")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 50,
) -> None:
    """Print stored events as a table."""
    from newsevents import open_store
    from newsevents.model import Event

    if not store.exists():
        err.print(f"error: no store at {store}")
        raise typer.Exit(2)
    from newsevents.store import StoreError

    try:
        with open_store(store) as db:
            events: list[Event] = db.events(where=where, limit=limit)
    except StoreError as problem:
        err.print(f"error: {problem}", markup=False)
        raise typer.Exit(2) from None
    _print_table(events)


@app.command("eval")
def evaluate(
    gold: Annotated[
        Path, typer.Argument(help="A gold file (PETRARCH2, PLOVER, examples or our own format).")
    ],
    dictionary: DictionaryOption = None,
    actors: ActorsOption = None,
    show_failures: Annotated[int, typer.Option(help="Print this many failed records.")] = 0,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the figures as JSON.")] = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N records.")] = None,
    expect: Annotated[
        str | None, typer.Option(help="'ud': score the unit tests against the UD re-coding.")
    ] = None,
    published: Annotated[str | None, typer.Option(help="Date for records that carry none.")] = None,
    categories: Annotated[bool, typer.Option(help="Also print figures per category.")] = False,
    learned: LearnedOption = False,
) -> None:
    """Score the coder against a gold file."""
    from newsevents import code_text
    from newsevents.evaluate import GoldFormatError, peer_comparison
    from newsevents.evaluate import evaluate as run_eval

    def code_one(text: str, published: str | None) -> list:  # type: ignore[type-arg]
        try:
            return code_text(
                text, published=published, dictionaries=dictionary or (), actors=actors or (), learned=learned
            )
        except ValueError:
            return []

    try:
        report = run_eval(gold, code_one, limit=limit, expect=expect, published=published)
    except GoldFormatError as problem:
        err.print(f"error: {problem}", markup=False)
        raise typer.Exit(2) from None
    out.print(report.format_table(categories=categories), markup=False)
    peer = peer_comparison(report)
    if peer:
        out.print(peer, markup=False)
    if show_failures:
        out.print(report.format_failures(show_failures), markup=False)
    if json_out:
        json_out.write_text(json.dumps(report.to_dict(), indent=2), encoding="utf-8")


STORE_BATCH = 256


def _flush(sink, pending: list) -> None:  # type: ignore[no-untyped-def, type-arg]
    """Bulk inserts, events first: an article in the store means its events are there (resumable runs)."""
    sink.add_events([event for item in pending for event in item.events])
    sink.add_articles([item.article for item in pending])
    pending.clear()


def _many(paths: list[str] | None) -> bool:
    if not paths or paths == ["-"]:
        return False
    return len(paths) > 1 or not paths[0].lower().endswith((".txt", ".html", ".htm"))


def _with_progress(items: Iterable, show: bool) -> Iterator:  # type: ignore[type-arg]
    if not show:
        yield from items
        return
    columns = (SpinnerColumn(), TextColumn("coding"), BarColumn(), TextColumn("{task.completed} articles"))
    with Progress(*columns, TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("coding", total=None)
        for item in items:
            progress.advance(task)
            yield item


def _open_sink(path: Path | None):  # type: ignore[no-untyped-def]
    if path is None:
        return None
    from newsevents import open_store
    from newsevents.store import StoreError

    try:
        return open_store(path)
    except StoreError as problem:
        err.print(f"error: {problem}")
        raise typer.Exit(2) from None


class _Writer:
    """Writes events as they come (jsonl, csv) or all at the end (table)."""

    def __init__(self, chosen: Format) -> None:
        self.format = chosen
        self.rows: list = []  # type: ignore[type-arg]
        self.csv: csv.DictWriter[str] | None = None

    def write(self, events: list) -> None:  # type: ignore[type-arg]
        if self.format is Format.table:
            self.rows.extend(events)
        elif self.format is Format.jsonl:
            for event in events:
                sys.stdout.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        else:
            for event in events:
                row = {k: _cell(v) for k, v in flatten(event.to_dict()).items()}
                if self.csv is None:
                    self.csv = csv.DictWriter(sys.stdout, fieldnames=list(row), extrasaction="ignore")
                    self.csv.writeheader()
                self.csv.writerow(row)
        sys.stdout.flush()

    def finish(self) -> None:
        if self.format is Format.table:
            _print_table(self.rows)


def _cell(value: object) -> object:
    return json.dumps(value) if isinstance(value, (list, dict)) else value


def _print_table(events: list) -> None:  # type: ignore[type-arg]
    table = Table(show_lines=False)
    for column in ("date", "source", "event", "cameo", "target", "status", "place", "sentence"):
        table.add_column(column, overflow="fold")
    for event in events:
        table.add_row(
            event.date or "",
            _actor_cell(event.source),
            f"{event.plover_type}" + (f"/{event.plover_mode}" if event.plover_mode else ""),
            event.cameo_code,
            _actor_cell(event.target),
            event.status,
            event.location.name if event.location else "",
            _shorten(event.sentence, 90),
        )
    out.print(table)
    out.print(f"{len(events)} events")


def _actor_cell(actor: object) -> str:
    if actor is None:
        return ""
    name = getattr(actor, "name", None) or getattr(actor, "text", "")
    return f"{name} ({getattr(actor, 'code', '') or '?'})"


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _report(report: RunReport) -> None:
    for error in report.errors:
        err.print(f"skipped {error}", markup=False)
    err.print(
        f"{report.read} read, {report.coded} coded, {report.duplicates} near-duplicates, "
        f"{report.events} events, {len(report.errors)} errors",
        markup=False,
    )


kb_app = typer.Typer(no_args_is_help=True, help="Build actor files for --actors from outside sources.")
app.add_typer(kb_app, name="kb")


@kb_app.command("build-wikidata")
def kb_build_wikidata(
    dump: Annotated[Path, typer.Argument(help="A Wikidata JSON dump or extract (.json, .jsonl, .gz, .bz2).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="The YAML file; else stdout.")] = None,
    since: Annotated[str, typer.Option(help="Keep roles held on or after this day.")] = "2015-01-01",
) -> None:
    """People holding offices since a date, from Wikidata, in our people format (use with --actors)."""
    import datetime as dt

    from newsevents.actors.wikidata import BuildReport, WikidataDumpError, build_wikidata

    try:
        first_day = dt.date.fromisoformat(since)
    except ValueError:
        err.print(f"error: --since {since!r} is not a date YYYY-MM-DD", markup=False)
        raise typer.Exit(2) from None
    report = BuildReport()
    columns = (SpinnerColumn(), TextColumn("pass {task.fields[pass_no]}: {task.completed:,} lines"))
    with Progress(*columns, TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("reading", total=None, pass_no=1)
        report.progress = lambda pass_no, lines: progress.update(task, completed=lines, pass_no=pass_no)
        try:
            build_wikidata(dump, output if output is not None else sys.stdout, first_day, report)
        except WikidataDumpError as problem:
            err.print(f"error: {problem}", markup=False)
            raise typer.Exit(2) from None
    for where in report.bad_lines:
        err.print(f"skipped {where}", markup=False)
    err.print(report.summary(), markup=False)


def main() -> None:
    app()
