"""PETRARCH verb dictionaries: both syntaxes read from snippets written here, matched on our sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Token

from newsevents.coding.petrarch import (
    DictionaryError,
    PetrarchVerbs,
    dictionary_matchers,
    is_verbs_file,
    load_verbs,
)
from newsevents.nlp import load_nlp

# PETRARCH-1 (TABARI) syntax: "_" joins words that must touch, a blank lets words come between.
OLD_STYLE = """<!-- verbs for the tests: invented blocks, invented codes -->
&PACTWORDS
+ACCORD
+PEACE_TREATY

&NEVERWORDS_
+NEVER
+DID NOT

--- ENDORSE [051] ---
ENDORSE    # a comment after the verb
- * &PACTWORDS [057]
- * AID TO + [0731]
- &NEVERWORDS_* [128]  # a closed connector: the set must touch the verb

--- TRAVEL [042:043] ---
JOURNEY
FLY {FLIES FLEW FLOWN FLYING}

--- SEAL [---] ---
+SEAL_OFF
- * BORDER [1921]

--- EXPLAIN [---] ---
EXPLAIN
- + WAS * TO $ [0211]

--- DELAY [161] ---
DELAY
- % HAVE * [1612]
"""

# PETRARCH-2 syntax: (...) a prepositional phrase, {...} a noun phrase whose last word is the head.
NEW_STYLE = """####### SYNONYM SETS #######
&ARMY
+TROOPS
+SOLDIERS

####### VERB PATTERNS #######
---  DISPATCH   [---]  ---
DISPATCH
SEND {SENDS SENT SENDING}
- * POLICE (TO BORDER)        [1531]  # SEND
- * (TO BORDER)               [1541]  # SEND
- &ARMY *                     [1542]  # SEND
- * {RELIEF SUPPLIES}         [0731]  # SEND

---  PREPARE   [030]  ---
PREPARE
"""


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _verb(nlp, text: str, word: str) -> Token:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


def _codes(verbs: PetrarchVerbs, token: Token) -> list[str]:
    return [trigger.pattern.code for trigger in verbs.match_all(token)]


@pytest.fixture
def old_style(tmp_path: Path) -> PetrarchVerbs:
    return load_verbs(_write(tmp_path, "tests.verbs.txt", OLD_STYLE))


@pytest.fixture
def new_style(tmp_path: Path) -> PetrarchVerbs:
    return load_verbs(_write(tmp_path, "tests.verbs.txt", NEW_STYLE))


def test_old_style_is_read_with_blocks_synsets_and_forms(old_style: PetrarchVerbs) -> None:
    assert old_style.syntax == 1
    assert [b.name for b in old_style.blocks] == ["ENDORSE", "TRAVEL", "SEAL", "EXPLAIN", "DELAY"]
    assert [b.code for b in old_style.blocks] == ["051", "042:043", "---", "---", "161"]
    assert ("PEACE", "TREATY") in old_style.synsets["&PACTWORDS"]
    assert ("ACCORDS",) in old_style.synsets["&PACTWORDS"]  # plurals are made for a plain label
    assert ("NEVERS",) not in old_style.synsets["&NEVERWORDS"]  # but not for a label ending in "_"
    assert {"ENDORSES", "ENDORSED", "ENDORSING"} <= set(old_style.forms)
    assert "FLEW" in old_style.forms and "FLYED" not in old_style.forms  # listed forms replace rules
    seal = old_style.forms["SEAL"][0]
    assert (seal.base, seal.back) == ("SEAL", ("OFF",))


def test_new_style_is_told_apart_by_its_brackets(new_style: PetrarchVerbs) -> None:
    assert new_style.syntax == 2
    assert len(new_style.blocks[0].patterns) == 4
    assert new_style.blocks[1].code == "030"


def test_new_style_reads_a_paired_code_as_active_and_passive(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    text = NEW_STYLE.replace("[1541]", "[1541:1549]")
    verbs = load_verbs(_write(tmp_path, "tests.verbs.txt", text))
    active = _verb(nlp, "Ruritania sent observers to the border.", "sent")
    passive = _verb(nlp, "Observers were sent to the border by Ruritania.", "sent")
    assert _codes(verbs, active) == ["1541"]
    assert _codes(verbs, passive) == ["1549"]


def test_a_synset_phrase_after_the_verb_gives_its_code(old_style: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    verb = _verb(nlp, "Ruritania endorsed the peace treaty with Freedonia on Monday.", "endorsed")
    assert _codes(old_style, verb) == ["057"]
    plural = _verb(nlp, "Ruritania endorsed two accords with Freedonia.", "endorsed")
    assert _codes(old_style, plural) == ["057"]


def test_a_closed_connector_needs_touching_words(old_style: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    touching = _verb(nlp, "Ruritania never endorsed the plan.", "endorsed")
    apart = _verb(nlp, "Ruritania never said it endorsed the plan.", "endorsed")
    assert _codes(old_style, touching) == ["128"]
    assert _codes(old_style, apart) == ["051"]


def test_no_pattern_falls_back_to_the_block_code(old_style: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    verb = _verb(nlp, "Ruritania endorsed the plan of Freedonia.", "endorsed")
    assert _codes(old_style, verb) == ["051"]


def test_a_plus_binds_the_target(old_style: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    verb = _verb(nlp, "Ruritania endorsed more aid to Freedonia and Sylvania.", "endorsed")
    (trigger,) = old_style.match_all(verb)
    assert trigger.pattern.code == "0731"
    assert trigger.target_tokens is not None
    assert {t.text for t in trigger.target_tokens} == {"Freedonia", "Sylvania"}  # with its conjuncts
    assert trigger.source_tokens is None  # unbound: the coder reads the subject off the parse


def test_source_and_target_bound_left_and_right_of_the_verb(old_style: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    verb = _verb(nlp, "The plan was explained to Freedonia.", "explained")
    (trigger,) = old_style.match_all(verb)
    assert trigger.pattern.code == "0211"
    assert [t.text for t in trigger.target_tokens or []] == ["plan"]
    assert [t.text for t in trigger.source_tokens or []] == ["Freedonia"]


def test_a_paired_code_gives_the_reverse_event_too(old_style: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    verb = _verb(nlp, "The Ruritanian minister flew to Freedonia on Monday.", "flew")
    there, back = old_style.match_all(verb)
    assert (there.pattern.code, back.pattern.code) == ("042", "043")
    assert [t.text for t in there.source_tokens or []] == ["minister"]
    assert "Freedonia" in [t.text for t in there.target_tokens or []]
    assert back.source_tokens == there.target_tokens and back.target_tokens == there.source_tokens


def test_a_multiword_verb_needs_its_particle(old_style: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    sealed_off = _verb(nlp, "Ruritanian troops sealed off the border with Freedonia.", "sealed")
    assert _codes(old_style, sealed_off) == ["1921"]
    sealed = _verb(nlp, "Ruritanian troops sealed the border with Freedonia.", "sealed")
    assert old_style.match(sealed) is None  # SEAL alone is not in the dictionary


def test_a_null_code_silences_the_verb(old_style: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    verb = _verb(nlp, "Ruritania explained its position.", "explained")
    (trigger,) = old_style.match_all(verb)
    assert trigger.source_tokens == [] and trigger.target_tokens == []  # the coder finds no actors


def test_a_verb_the_dictionary_lacks_is_left_to_the_coder_unless_exclusive(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "tests.verbs.txt", OLD_STYLE)
    verb = _verb(nlp, "Ruritania attacked Freedonia.", "attacked")
    assert load_verbs(path).match(verb) is None
    silent = load_verbs(path, exclusive=True).match(verb)
    assert silent is not None and silent.source_tokens == []


def test_new_style_phrases_and_subject_sets(new_style: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    police = _verb(nlp, "Ruritania sent police to the border.", "sent")
    border = _verb(nlp, "Ruritania sent observers to the border.", "sent")
    troops = _verb(nlp, "Ruritanian soldiers sent a letter to Freedonia.", "sent")
    supplies = _verb(nlp, "Ruritania sent relief supplies to Freedonia.", "sent")
    passive = _verb(nlp, "Relief supplies were sent to Freedonia by Ruritania.", "sent")
    plain = _verb(nlp, "Ruritania sent a letter to Freedonia.", "sent")
    assert _codes(new_style, police) == ["1531"]
    assert _codes(new_style, border) == ["1541"]
    assert _codes(new_style, troops) == ["1542"]
    assert _codes(new_style, supplies) == ["0731"]
    assert _codes(new_style, passive) == ["0731"]  # the passive subject is what was sent
    assert new_style.match(plain) is not None and _codes(new_style, plain) == ["---"]


def test_discards_silence_a_sentence_or_a_story(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    verbs = _write(tmp_path, "tests.verbs.txt", OLD_STYLE)
    discards = _write(tmp_path, "tests.discards.txt", "CHESS OLYMPIAD\n+HURRICANE   # story level\n")
    matcher = load_verbs(verbs, discards=[discards])
    sentence = nlp("Ruritania endorsed the chess olympiad with Freedonia.")
    story = nlp("A hurricane hit the coast. Ruritania endorsed the peace treaty.")
    plain = nlp("Ruritania endorsed the peace treaty.")
    assert _codes(matcher, next(t for t in sentence if t.text == "endorsed")) == ["---"]
    assert _codes(matcher, next(t for t in story if t.text == "endorsed")) == ["---"]
    assert _codes(matcher, next(t for t in plain if t.text == "endorsed")) == ["057"]


def test_run_files_become_matchers(tmp_path: Path) -> None:
    verbs = _write(tmp_path, "mine.txt", OLD_STYLE)  # no telling name: known by its block headers
    discards = _write(tmp_path, "mine.discards.txt", "CHESS OLYMPIAD\n")
    patterns = _write(tmp_path, "patterns.yaml", "- code: '042'\n  verbs: [tour]\n")
    assert is_verbs_file(verbs) and not is_verbs_file(patterns)
    matchers = dictionary_matchers([verbs, discards, patterns])
    assert len(matchers) == 1 and matchers[0].discards is not None
    only_discards = dictionary_matchers([discards])
    assert len(only_discards) == 1 and not only_discards[0].blocks


def test_unusable_files_raise_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read"):
        load_verbs(tmp_path / "missing.verbs.txt")
    with pytest.raises(DictionaryError, match="no verb block"):
        load_verbs(_write(tmp_path, "empty.verbs.txt", "# nothing here\n&SET\n+WORD\n"))


def test_an_unbound_target_is_the_first_named_phrase_after_the_verb(old_style: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    verb = _verb(nlp, "Ruritania endorsed a resumption of ties with Freedonia and Sylvania.", "endorsed")
    (trigger,) = old_style.match_all(verb)
    assert {t.text for t in trigger.target_tokens or []} == {"Freedonia", "Sylvania"}


def test_a_compound_left_of_the_verb_acts_on_itself(old_style: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    verb = _verb(nlp, "Ruritania and Freedonia have delayed the talks.", "delayed")
    (trigger,) = old_style.match_all(verb)
    assert trigger.pattern.code == "1612"
    assert {t.text for t in trigger.source_tokens or []} == {"Ruritania", "Freedonia"}
    assert trigger.target_tokens == []  # the coder pairs the members both ways
    alone = _verb(nlp, "Ruritania has delayed the talks.", "delayed")
    assert _codes(old_style, alone) == ["161"]


def test_new_style_leaves_the_event_to_a_coded_complement(new_style: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Ruritania prepared to send police to the border.")
    prepared, sent = doc[1], doc[3]
    assert _codes(new_style, prepared) == ["---"]
    assert _codes(new_style, sent) == ["1531"]
    assert _codes(new_style, _verb(nlp, "Ruritania prepared a new plan.", "prepared")) == ["030"]


# PETRARCH-2 verb-verb transformations: an event inside another verb's clause, recoded.
TRANSFORMING = """
---  CLASH   [190]  ---
RAID
---  STATE   [010]  ---
DECLARE
---  INSIST   [100]  ---
DEMAND [030]
- * TALKS                   [1041]
- * REFORM                  [1043]

~ a (a b RAID) DECLARE = a b 015
~ a (b . RAID) DECLARE = a b 112
~ a (_ b RAID) DEMAND = a b 138
~ a (b . RAID ) DEMAND = a b 021
~ a (a b Q) DECLARE = a b Q
"""


@pytest.fixture
def transforming(tmp_path: Path) -> PetrarchVerbs:
    return load_verbs(_write(tmp_path, "transforming.verbs.txt", TRANSFORMING + "- * (TO X) [011]\n"))


def _event(verbs: PetrarchVerbs, token: Token) -> tuple[str, list[str], list[str]]:
    (trigger,) = verbs.match_all(token)
    texts = [[t.text for t in side or []] for side in (trigger.source_tokens, trigger.target_tokens)]
    return trigger.pattern.code, texts[0], texts[1]


def test_transformations_are_read(transforming: PetrarchVerbs) -> None:
    first = transforming.transformations[0]
    assert (first.inner_source, first.inner_target, first.inner, first.outer) == ("a", "b", "RAID", "DECLARE")
    assert (first.result, first.code) == (("a", "b"), "015")
    assert len(transforming.transformations) == 5


def test_a_complement_event_is_recoded_for_the_outer_subject(transforming: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    own = nlp("Ruritania declared that it had raided Freedonia.")
    other = nlp("Ruritania declared that Sylvania had raided Freedonia.")
    wish = nlp("Ruritania demands to raid Freedonia.")
    appeal = nlp("Ruritania demands Sylvania to raid Freedonia.")
    assert _event(transforming, _verb(nlp, own.text, "raided")) == ("015", ["Ruritania"], ["Freedonia"])
    assert _event(transforming, _verb(nlp, other.text, "raided")) == ("112", ["Ruritania"], ["Sylvania"])
    assert _event(transforming, _verb(nlp, wish.text, "raid")) == ("138", ["Ruritania"], ["Freedonia"])
    assert _event(transforming, _verb(nlp, appeal.text, "raid")) == ("021", ["Ruritania"], ["Sylvania"])


def test_a_report_placed_after_the_event_is_no_transformation(transforming: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    verb = _verb(nlp, "Sylvania raided Freedonia, Ruritania declared.", "raided")
    code, _, targets = _event(transforming, verb)
    assert code == "190" and targets == ["Freedonia"]


def test_among_equal_patterns_the_one_nearer_the_verb_wins(transforming: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    talks = _verb(nlp, "Ruritania demanded talks and reform.", "demanded")
    reform = _verb(nlp, "Ruritania demanded reform and talks.", "demanded")
    assert _codes(transforming, reform) == ["1043"]
    assert _codes(transforming, talks) == ["1041"]


def test_a_participle_acts_on_the_noun_it_qualifies(transforming: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    by = _verb(nlp, "Freedonia buried the soldiers raided by Ruritania.", "raided")
    assert _event(transforming, by) == ("190", ["Ruritania"], ["soldiers"])


def test_a_reported_clause_offers_its_subject_not_its_content(transforming: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    subject = _verb(nlp, "Ruritania declared Freedonia ready for peace.", "declared")
    content = _verb(nlp, "Ruritania declared such a step enjoyed support from Freedonia.", "declared")
    assert "Freedonia" in _event(transforming, subject)[2]
    assert _event(transforming, content)[2] == []


def test_new_style_bare_words_are_the_verbs_object_not_its_phrases(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    text = NEW_STYLE + "---  MAKE   [---]  ---\nMAKE {MAKES MADE MAKING}\n- * TRIP   [036]\n"
    verbs = load_verbs(_write(tmp_path, "tests.verbs.txt", text))
    trip = _verb(nlp, "The Ruritanian envoy made a trip to Freedonia.", "made")
    remarks = _verb(nlp, "The Ruritanian envoy made his remarks at the start of a trip.", "made")
    assert _codes(verbs, trip) == ["036"]
    assert _codes(verbs, remarks) == ["---"]
    border = _verb(nlp, "Ruritania sent observers to the border.", "sent")
    assert _codes(verbs, border) == ["1541"]  # a word written in ( ) still finds its phrase


def test_a_list_taken_for_an_apposition_is_all_subjects(old_style: PetrarchVerbs, nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("THe US, Russia, and Switzerland endorsed the plan.")
    assert doc[3].text == "Russia" and doc[3].dep_ == "appos"  # the parse this reading repairs
    (trigger,) = old_style.match_all(next(t for t in doc if t.text == "endorsed"))
    assert {t.text for t in trigger.source_tokens or []} == {"US", "Russia", "Switzerland"}


def test_a_purpose_clause_of_a_coded_verb_codes_nothing_of_its_own(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    verbs = load_verbs(_write(tmp_path, "tests.verbs.txt", TRANSFORMING + "- * (TO X) [011]\nSEND [153]\n"))
    doc = nlp("Ruritania sent troops to the border to raid Freedonia.")
    raid = next(t for t in doc if t.text == "raid")
    assert raid.dep_ == "advcl" and raid.head.text == "sent"  # the parse this reading is about
    assert _codes(verbs, raid) == ["---"]
    assert _codes(verbs, _verb(nlp, "Ruritania raided Freedonia.", "raided")) == ["190"]
