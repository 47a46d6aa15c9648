"""A run with a researcher's own verbs and actors dictionaries: PETRARCH's readings, end to end."""

from __future__ import annotations

import pytest

from newsevents import get_pipeline
from newsevents.model import Article

VERBS = """
---  CLASH   [190]  ---
RAID
---  ALLEGE   [110]  ---
ALLEGE
- * (OF PLOT)   [1121]  # a phrase in ( ): PETRARCH-2 syntax
---  STATE   [010]  ---
DECLARE
---  SEARCH   [---]  ---
SEEK [030]
---  BOOST   [060]  ---
DEEPEN

~ a (b . RAID) DECLARE = a b 112
"""

ACTORS = """RURITANIA_ [RUR]
+RURITANIAN_
FREEDONIA_ [FRE]
SYLVANIA_ [SYL]
"""


@pytest.fixture(scope="module")
def pipe(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("dictionaries")
    (folder / "mine.verbs.txt").write_text(VERBS, encoding="utf-8")
    (folder / "mine.actors.txt").write_text(ACTORS, encoding="utf-8")
    return get_pipeline(dictionaries=[folder / "mine.verbs.txt", folder / "mine.actors.txt"])


def _triples(pipe, text: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    article = Article(text=text, id="a", published="2020-01-01")
    events = pipe.code_doc(article, pipe.nlp(text))
    return {(e.source.code, e.target.code if e.target else "", e.cameo_code) for e in events}


def test_a_report_of_another_actor_attacking_is_an_accusation(pipe) -> None:  # type: ignore[no-untyped-def]
    assert _triples(pipe, "Ruritania declared that Sylvania had raided Freedonia.") == {("RUR", "SYL", "112")}


def test_seeking_to_cooperate_is_an_intent_to_cooperate(pipe) -> None:  # type: ignore[no-untyped-def]
    triples = _triples(pipe, "Ruritania and Freedonia are seeking to deepen their partnership.")
    assert triples == {("RUR", "FRE", "031"), ("FRE", "RUR", "031")}


def test_a_subject_naming_no_one_is_read_by_the_first_name_in_it(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "A report released in the Ruritanian capital alleged that Freedonia was aware of the plan."
    assert _triples(pipe, text) == {("RUR", "FRE", "110")}
