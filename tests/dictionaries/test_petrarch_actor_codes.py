"""How PETRARCH dictionaries make actor codes over spaCy's parse: agents joined to any actor code,
roles before religions, apposition, whole words, literal phrases, case, and symmetric paired codes.

Every dictionary here is a snippet invented for the test; the sentences are coded end to end.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsevents import get_pipeline
from newsevents.actors.petrarch import name_variants
from newsevents.actors.resolve import _joined
from newsevents.model import Article

# PETRARCH-2 syntax: a pattern with a phrase in ( ) tells the reader which one.
VERBS = """
---  CLASH   [190]  ---
RAID
- * (WITH SWORDS)   [193]
---  MEET   [040:040]  ---
MEET {MEETS MET MEETING}
---  VISIT   [042:043]  ---
VISIT
"""

ACTORS = """RURITANIA_ [RUR]
+RURITANIAN_
FREEDONIA_ [FRE]
+FREEDONIAN_
STRELSAU_ [RUR]
SMALL_LEAGUE_ [IGOLSN]
THE_GREY_COMPANY_ [RURREB]
RURITANIAN_BROTHERHOOD_ [RURMUS]
RUDOLF_RASSENDYLL_
\t[RURSPY 20300101-20310101]
"""

AGENTS = """TROOPS {} [~MIL]
COMMANDER [~MIL]
MAYOR [~GOV]
LEADER [~OPP]
MILITANT [~REB]
MEDIC [~HLH]
"""


@pytest.fixture(scope="module")
def pipe(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("petrarch_codes")
    files = {"codes.verbs.txt": VERBS, "codes.actors.txt": ACTORS, "codes.agents.txt": AGENTS}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return get_pipeline(dictionaries=[folder / name for name in files])


def _triples(pipe, text: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    article = Article(text=text, id="a", published="2020-01-01")
    events = pipe.code_doc(article, pipe.nlp(text))
    return {(e.source.code, e.target.code if e.target else "", e.cameo_code) for e in events}


def test_an_agent_joins_an_international_body_s_full_code(pipe) -> None:  # type: ignore[no-untyped-def]
    assert _triples(pipe, "Small League troops raided Freedonia.") == {("IGOLSNMIL", "FRE", "190")}


def test_a_role_goes_before_a_religion(pipe) -> None:  # type: ignore[no-untyped-def]
    triples = _triples(pipe, "Freedonia raided the leaders of the Ruritanian Brotherhood.")
    assert triples == {("FRE", "RUROPPMUS", "190")}


def test_a_role_code_goes_in_before_religion_codes() -> None:
    religions = frozenset({"MUS", "SHI"})
    assert _joined("EGYMUS", "OPP", religions) == "EGYOPPMUS"
    assert _joined("EGYMUS", "SHI", religions) == "EGYMUSSHI"  # a religion after a religion stays in order
    assert _joined("RURGOV", "GOV", religions) == "RURGOV"  # an agent the code already ends with adds nothing


def test_a_name_in_an_of_phrase_takes_the_agent_it_qualifies(pipe) -> None:  # type: ignore[no-untyped-def]
    assert _triples(pipe, "Freedonia raided the mayor of Strelsau.") == {("FRE", "RURGOV", "190")}


def test_an_apposition_keeps_the_role_its_head_states(pipe) -> None:  # type: ignore[no-untyped-def]
    # the dictionary knows the man only by country on the day of the article
    text = "The Ruritanian commander, Rudolf Rassendyll, raided Freedonia."
    assert _triples(pipe, text) == {("RURMIL", "FRE", "190")}


def test_a_name_inside_a_hyphenated_word_is_not_matched(pipe) -> None:  # type: ignore[no-untyped-def]
    # "pro-Ruritania" is one word to PETRARCH: the militants are of no known country
    assert _triples(pipe, "Pro-Ruritania militants raided Freedonia.") == {("REB", "FRE", "190")}
    assert _triples(pipe, "Ruritanian militants raided Freedonia.") == {("RURREB", "FRE", "190")}


def test_the_article_of_a_dictionary_phrase_must_be_there(pipe) -> None:  # type: ignore[no-untyped-def]
    assert name_variants("THE_GREY_COMPANY_") == ["The Grey Company", "the Grey Company"]
    assert _triples(pipe, "Freedonia raided the Grey Company.") == {("FRE", "RURREB", "190")}
    assert _triples(pipe, "Freedonia raided a Grey Company camp.") == set()


def test_case_does_not_hide_a_name_the_parse_tags_as_one(pipe) -> None:  # type: ignore[no-untyped-def]
    assert _triples(pipe, "Ruritania raided fREEDONIA.") == {("RUR", "FRE", "190")}
    assert ("RUR", "FRE", "190") not in _triples(pipe, "Ruritania raided freedonia.")


def test_a_code_paired_with_itself_is_done_by_both_sides(pipe) -> None:  # type: ignore[no-untyped-def]
    assert _triples(pipe, "Ruritania met Freedonia.") == {("RUR", "FRE", "040"), ("FRE", "RUR", "040")}
    # a pair of two codes is the active and the passive voice: one event
    assert _triples(pipe, "Ruritania will visit Freedonia.") == {("RUR", "FRE", "042")}


def test_a_passive_clause_does_not_lend_the_reporter_as_subject(pipe) -> None:  # type: ignore[no-untyped-def]
    text = "Four villagers were killed in Strelsau, raiding Freedonia, Ruritanian medics said."
    assert not any(source == "RURHLH" for source, _, _ in _triples(pipe, text))


def test_coordination_hung_on_another_word_of_a_name_is_followed(pipe) -> None:  # type: ignore[no-untyped-def]
    # a parse as the small model gives for "Barack Obama and Vladimir Putin": the first word is the
    # subject, and the coordination hangs from the name's last word
    words = ["Rudolf", "Rassendyll", "and", "Freedonia", "raided", "Strelsau", "."]
    doc = Doc(
        pipe.nlp.vocab,
        words=words,
        heads=[4, 0, 1, 1, 4, 4, 4],
        deps=["nsubj", "pobj", "cc", "conj", "ROOT", "dobj", "punct"],
        pos=["ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "PUNCT"],
    )
    doc = _finish(pipe.nlp, doc)
    article = Article(text=doc.text, id="a", published="2020-01-01")
    sources = {e.source.code for e in pipe.code_doc(article, doc)}
    assert {"RUR", "FRE"} <= sources


def _finish(nlp: spacy.language.Language, doc: Doc) -> Doc:
    """Lemmas and sentence bounds for a hand-built parse, from the model's own lemmatizer."""
    for token in doc:
        token.lemma_ = token.text.lower() if token.pos_ != "PROPN" else token.text
    doc[4].lemma_ = "raid"
    doc[4].tag_ = "VBD"
    return doc
