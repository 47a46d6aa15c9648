"""newsevents: political event data from news text.

The public face is a few plain functions::

    import newsevents
    events = newsevents.code_text("Netanyahu cancelled the visit ...", published="2024-03-25")
    frame = newsevents.to_frame(events)
    with newsevents.open_store("events.duckdb") as store:
        store.add_events(events)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsevents.model import Actor, Article, ArticleError, Event, Location

if TYPE_CHECKING:
    import pandas as pd

    from newsevents.pipeline import Pipeline, RunReport
    from newsevents.store import Store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "ArticleError",
    "Event",
    "Location",
    "__version__",
    "code_articles",
    "code_text",
    "get_pipeline",
    "open_store",
    "to_frame",
]


@lru_cache(maxsize=8)
def _pipeline(
    model: str | None, dictionaries: tuple[str, ...], actors: tuple[str, ...], learned: bool
) -> Pipeline:
    from newsevents.pipeline import Pipeline

    return Pipeline(model=model, dictionaries=dictionaries, actors=actors, learned=learned)


def get_pipeline(
    *,
    model: str | None = None,
    dictionaries: Sequence[str | Path] = (),
    actors: Sequence[str | Path] = (),
    learned: bool = False,
) -> Pipeline:
    """The pipeline for these settings, loaded once per process. ``learned=False`` codes with the
    patterns alone, without the learned event typer."""
    return _pipeline(model, tuple(map(str, dictionaries)), tuple(map(str, actors)), learned)


def code_text(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    dictionaries: Sequence[str | Path] = (),
    actors: Sequence[str | Path] = (),
    learned: bool = False,
) -> list[Event]:
    """Code one article's text; raises ``ValueError`` with the reason when the text cannot be coded."""
    report = _new_report()
    article = Article(text=text, title=title, published=published, origin="code_text")
    pipe = get_pipeline(dictionaries=dictionaries, actors=actors, learned=learned)
    coded = list(pipe.code([article], report))
    if report.errors:
        raise ValueError(str(report.errors[0]))
    return [event for item in coded for event in item.events]


def code_articles(
    articles: Iterable[Article | ArticleError],
    *,
    dictionaries: Sequence[str | Path] = (),
    actors: Sequence[str | Path] = (),
    report: RunReport | None = None,
    learned: bool = False,
) -> list[Event]:
    """Code many articles; bad ones are collected in ``report.errors`` and skipped."""
    coded = get_pipeline(dictionaries=dictionaries, actors=actors, learned=learned).code(articles, report)
    return [event for item in coded for event in item.events]


def to_frame(events: Iterable[Event]) -> pd.DataFrame:
    """Events as a flat pandas DataFrame: one row per event, actor and place fields as columns."""
    import pandas as pd

    rows = [flatten(event.to_dict()) for event in events]
    return pd.DataFrame(rows)


def flatten(record: dict[str, object], prefix: str = "") -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and key in ("source", "target", "location"):
            flat.update(flatten(value, f"{name}_"))
        elif value is None and key in ("source", "target", "location"):
            continue
        else:
            flat[name] = value
    return flat


def open_store(target: str | Path) -> Store:
    """A DuckDB file (the default) or a ``postgresql://`` URL."""
    from newsevents.store import open_store as _open

    return _open(target)


def _new_report() -> RunReport:
    from newsevents.pipeline import RunReport

    return RunReport()
