"""The stages composed, one way: ingest -> clean -> nlp -> actors -> coding -> geo -> (store).

A ``Pipeline`` holds what is loaded once per process (spaCy, the knowledge bases, the gazetteer) and
turns articles into events. Errors are values: a bad article becomes an ``ArticleError`` in the run
report and the rest go on.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from newsevents.actors.kb import KnowledgeBase, load_kb
from newsevents.actors.resolve import ActorResolver
from newsevents.clean import NearDuplicates, clean_article
from newsevents.coding.coder import Coder, Locate, Typer
from newsevents.coding.knowledge import CodingKnowledge, load_coding_knowledge
from newsevents.geo import Gazetteer, default_gazetteer, find_dateline, locate_event, places_in
from newsevents.model import Article, ArticleError, Event, Location
from newsevents.nlp import load_nlp, sentences

BATCH = 16
# Letter-only words spaCy's English tokenizer still splits ("cannot" -> "can", "not").
TOKENIZER_SPLIT_WORDS = frozenset({"cannot", "gonna", "gotta", "lemme", "wanna", "whaddya", "whatcha"})


@dataclass
class RunReport:
    """What a run did: counts and every bad article with its reason."""

    read: int = 0
    coded: int = 0
    duplicates: int = 0
    events: int = 0
    errors: list[ArticleError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Coded:
    article: Article
    events: list[Event]


class Pipeline:
    """Everything loaded once; ``code`` streams coded articles."""

    def __init__(
        self,
        *,
        model: str | None = None,
        dictionaries: Sequence[str | Path] = (),
        actors: Sequence[str | Path] = (),
        deduplicate: bool = True,
        learned: bool = False,
    ) -> None:
        self.nlp = load_nlp(model)
        self.learned = learned
        paths = [Path(p) for p in dictionaries]
        self._actor_files = [Path(p) for p in actors] + [p for p in paths if _is_actor_file(p)]
        self._pattern_files = [p for p in paths if not _is_actor_file(p)]
        self.deduplicate = deduplicate

    @cached_property
    def kb(self) -> KnowledgeBase:
        from newsevents.actors.userfiles import file_kind

        dictionaries = any(file_kind(p) in ("actors", "agents") for p in self._actor_files)
        return load_kb(self._tokenize, extra=self._actor_files, shipped=not dictionaries)

    @cached_property
    def knowledge(self) -> CodingKnowledge:
        ours = [p for p in self._pattern_files if p.suffix.lower() in (".yaml", ".yml")]
        return load_coding_knowledge(extra_patterns=ours)

    @cached_property
    def resolver(self) -> ActorResolver:
        # A user's dictionary may list a capital as an actor wherever it stands ("in Minas Tirith").
        return ActorResolver(
            self.kb,
            capitals_in_places_are_places=not self.dictionary_mode,
            dictionary_mode=self.dictionary_mode,
        )

    @cached_property
    def matchers(self) -> list:  # type: ignore[type-arg]
        from newsevents.coding.petrarch import dictionary_matchers  # user dictionaries are rare

        return dictionary_matchers(self._pattern_files)

    @cached_property
    def dictionary_mode(self) -> bool:
        """A user's verbs dictionary decides what is coded (see Coder)."""
        return any(matcher.blocks for matcher in self.matchers)

    @cached_property
    def coder(self) -> Coder:
        return Coder(
            self.knowledge,
            self.resolver,
            matchers=self.matchers,
            dictionary_mode=self.dictionary_mode,
            typer=self.typer,
        )

    @cached_property
    def typer(self) -> Typer | None:
        """The learned event typer over sentence embeddings, unless switched off or a dictionary rules."""
        if not self.learned or self.dictionary_mode:
            return None
        from newsevents.coding.classifier import sentence_typer
        from newsevents.coding.embedding import EmbeddingUnavailable

        try:
            return sentence_typer()
        except EmbeddingUnavailable as missing:  # rules alone still code; say what is lost and why
            warnings.warn(f"learned event typer is off: {missing}", stacklevel=2)
            return None

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return default_gazetteer()

    def _tokenize(self, text: str) -> list[str]:
        """Tokens of a knowledge-base name as spaCy splits it. Most names are plain words, which spaCy
        splits at spaces alone; those skip the tokenizer, the larger part of loading the knowledge base
        (a test checks both ways agree on every name we ship)."""
        words = text.split(" ")
        if all(word.isalpha() and word.lower() not in TOKENIZER_SPLIT_WORDS for word in words):
            return words
        return [token.text for token in self.nlp.tokenizer(text)]

    # -- the run ----------------------------------------------------------------------------------
    def code(
        self, items: Iterable[Article | ArticleError], report: RunReport | None = None
    ) -> Iterator[Coded]:
        """Clean, parse and code articles in batches; bad ones go to ``report.errors``."""
        report = report if report is not None else RunReport()
        duplicates = NearDuplicates() if self.deduplicate else None
        batch: list[Article] = []
        for item in items:
            report.read += 1
            article = self._prepare(item, duplicates, report)
            if article is None:
                continue
            batch.append(article)
            if len(batch) >= BATCH:
                yield from self._code_batch(batch, report)
                batch = []
        if batch:
            yield from self._code_batch(batch, report)

    def _prepare(
        self, item: Article | ArticleError, duplicates: NearDuplicates | None, report: RunReport
    ) -> Article | None:
        if isinstance(item, ArticleError):
            report.errors.append(item)
            return None
        cleaned = _guarded(lambda: clean_article(item), item, "clean")
        if isinstance(cleaned, ArticleError):
            report.errors.append(cleaned)
            return None
        if duplicates is not None:
            cleaned.duplicate_of = duplicates.check(cleaned)
            if cleaned.duplicate_of:
                report.duplicates += 1
        return cleaned

    def _code_batch(self, batch: list[Article], report: RunReport) -> Iterator[Coded]:
        fresh = [a for a in batch if not a.duplicate_of]
        docs = dict(zip((a.id for a in fresh), self.nlp.pipe(a.text for a in fresh), strict=True))
        for article in batch:
            if article.duplicate_of:
                yield Coded(article, [])
                continue
            events = _guarded(lambda a=article: self.code_doc(a, docs[a.id]), article, "coding")
            if isinstance(events, ArticleError):
                report.errors.append(events)
                continue
            report.coded += 1
            report.events += len(events)
            yield Coded(article, events)

    def code_doc(self, article: Article, doc: Doc) -> list[Event]:
        """Code one parsed article: actors, events, places."""
        day = _day(article.published)
        found = self.resolver.scan(doc, day)
        return self.coder.code(article, sentences(doc), found, self._placer(article))

    def _placer(self, article: Article) -> Locate:
        """The event's place by the parse, else the article's dateline; mentions found once a sentence."""
        gazetteer = self.gazetteer
        dateline = find_dateline(article.text, gazetteer)
        mentions: dict[tuple[int, str | None], list] = {}  # type: ignore[type-arg]

        def locate(sent: Span, trigger: Token, hint: str | None) -> Location | None:
            key = (sent.start, hint)
            if key not in mentions:
                mentions[key] = places_in(sent, gazetteer, country_hint=hint)
            return locate_event(
                sent, trigger, gazetteer=gazetteer, country_hint=hint, dateline=dateline, places=mentions[key]
            )

        return locate


def _guarded(step, article: Article, stage: str):  # type: ignore[no-untyped-def]
    """Run one article's step; an unexpected failure becomes that article's error, not the run's."""
    try:
        return step()
    except Exception as err:
        return ArticleError(article.id, article.origin, f"{type(err).__name__}: {err}", stage=stage)


def _day(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _is_actor_file(path: Path) -> bool:
    """Actors and agents go to the knowledge base; verbs, discards and our YAML patterns to the coder."""
    from newsevents.actors.userfiles import is_actor_file

    return is_actor_file(path)
