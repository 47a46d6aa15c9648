"""Who did it and to whom: source and target tokens of a trigger, read off the dependency parse."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from spacy.tokens import Token

from newsevents.actors.kb import KNOWLEDGE, read_yaml
from newsevents.coding.knowledge import Pattern

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
# Clauses whose subject is the governing clause's subject ("X agreed to meet Y", "X met Y and signed"),
# and adjectives predicated of it ("X is willing to talk", "X is ready to host").
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp"})
DEFAULT_NOUN_TARGET_PREPS = frozenset({"to", "with", "against", "on"})
NOUN_SOURCE_PREPS = frozenset({"by", "of", "from"})


def is_passive(verb: Token) -> bool:
    return any(child.dep_ in PASSIVE_SUBJECT_DEPS or child.dep_ == "auxpass" for child in verb.children)


def with_conjuncts(token: Token) -> list[Token]:
    """'Israel and Egypt': each coordinated actor acts on its own."""
    result = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            result.extend(with_conjuncts(child))
    return result


def prep_objects(head: Token, preps: frozenset[str]) -> Iterator[Token]:
    for child in head.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    yield grandchild


def verb_subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The verb's logical subject: its own, else the one it shares with a governing clause."""
    stative = is_stative(verb)
    passive = is_passive(verb) and not stative
    subject_deps = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS if stative else SUBJECT_DEPS
    for child in verb.children:
        if passive and child.dep_ == "agent":
            return [pobj for pobj in child.children if pobj.dep_ == "pobj"]
        if not passive and child.dep_ in subject_deps:
            return [_participle_subject(child)]
    if passive:
        return []
    if depth < 4 and verb.dep_ in SHARED_SUBJECT_DEPS and verb.head != verb:
        head = verb.head
        if head.dep_ == "prep" and head.head != head:  # "focus on obtaining"
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            if verb.dep_ == "xcomp" and is_passive(head):  # "X is scheduled to meet Y": X meets
                surface = [c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
                if surface:
                    return surface
            return verb_subjects(head, depth + 1)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        owner = verb.head
        possessor = next((c for c in owner.children if c.dep_ == "poss"), None)
        if (
            possessor is None
            and verb.dep_ == "acl"
            and owner.lemma_.lower() in filter_words("statement_nouns")
        ):
            issuer = owner.head if owner.dep_ == "dobj" and owner.head.pos_ == "VERB" else None
            if issuer is not None:  # "issued a declaration demanding that ...": the issuer demands
                return verb_subjects(issuer, depth + 1)
        return [possessor] if possessor is not None and verb.dep_ == "acl" else [owner]
    return []


def _participle_subject(subject: Token) -> Token:
    """'The Red Cross operating in Iraq said': a participle the parse made the subject stands for the
    noun it describes, which the parse hung under it as its own subject."""
    if subject.tag_ != "VBG":
        return subject
    own = [c for c in subject.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    return own[0] if own else subject


@functools.cache
def filter_words(key: str) -> frozenset[str]:
    """A word list of coding/filters.yaml ("stance_participles", "statement_nouns", ...), read once."""
    filters = read_yaml(KNOWLEDGE / "coding" / "filters.yaml") or {}
    return frozenset(filters.get(key) or ())


def is_stative(verb: Token) -> bool:
    """'Vietnam is committed to opening up', 'is opposed to': a participle of stance in passive form,
    with no "by" doer and a "to" complement, states its subject's own stance; the subject is the doer."""
    if verb.lemma_.lower() not in filter_words("stance_participles") or not is_passive(verb):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in ("to", "in")) for c in verb.children)


def verb_targets(verb: Token, pattern: Pattern) -> list[Token]:
    """Direct object (or passive subject), else the object of a target preposition."""
    if is_passive(verb) and not is_stative(verb):
        found = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if not found and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            found = [verb.head]  # "the delegation to the US canceled by Netanyahu"
    else:
        found = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    by_prep = list(prep_objects(verb, pattern.target_preps))
    if by_prep and pattern.objects and not pattern.prep and not is_passive(verb):
        # "withdrew its aid workers from Afghanistan", "imposed sanctions on Iran": the object the
        # pattern asks for is what is acted with; the preposition names the party
        found = [c for c in found if c.dep_ == "dative"]
    found += by_prep
    for particle in verb.children:  # "meet with": spaCy hangs the preposition on a particle at times
        if particle.dep_ == "prt":
            found += list(prep_objects(particle, pattern.target_preps))
    if not found and (pattern.code[:2] in ADDRESSED_ROOTS or pattern.clause):
        found = clause_subjects(verb)  # "demanded that President Mugabe abandon the policy"
    return found


# Roots of acts addressed to whoever must act next: appeals (02) and demands (10).
ADDRESSED_ROOTS = frozenset({"02", "10"})


def clause_subjects(verb: Token) -> list[Token]:
    """The subject of the clause a verb of asking governs: the one asked to act."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
    return []


def noun_sources(noun: Token, pattern: Pattern | None = None) -> list[Token]:
    """'Gallant's visit', 'the visit of his advisers', 'the Israeli delegation's visit'."""
    found = [c for c in noun.children if c.dep_ == "poss"]
    of_is_target = pattern is not None and pattern.of_role == "target"
    preps = NOUN_SOURCE_PREPS - {"of"} if of_is_target else NOUN_SOURCE_PREPS
    if pattern is not None:
        preps = (
            preps - pattern.target_preps
        )  # "the withdrawal of the UK from the EU": "from" names the target
    found += list(prep_objects(noun, preps))
    # "the Israeli attack", "a Russian threat"; not "a stern reminder" or "joint exercises"
    found += [
        c
        for c in noun.children
        if c.dep_ in ("compound", "amod")
        and (c.pos_ == "PROPN" or (c.pos_ == "ADJ" and c.text[:1].isupper()))
    ]
    return found


def noun_targets(noun: Token, pattern: Pattern) -> list[Token]:
    preps = pattern.target_preps or DEFAULT_NOUN_TARGET_PREPS
    if pattern.of_role == "target":
        preps = preps | {"of"}
    return list(prep_objects(noun, preps))


def support_verb(noun: Token, support_verbs: frozenset[str] | None = None) -> Token | None:
    """The verb that states the act an event noun names, if the noun is its object: 'Israel launched an
    attack', also through a measure of it: 'the EU gave Chad 5 million dollars of aid'. Only a support
    verb states the act ("launched an attack"): 'France condemned the attack' did not attack.
    ``support_verbs`` None takes any verb, as PETRARCH reads a user's dictionary."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "NUM"):
        measure = noun.head.head
        if measure.dep_ in ("dobj", "attr") and _supports(measure.head, support_verbs):
            return measure.head
    if noun.dep_ in ("dobj", "attr") and _supports(noun.head, support_verbs):
        return noun.head
    # "Serb forces were engaged in ethnic cleansing", "took part in talks": the act one takes part in
    in_phrase = noun.dep_ == "pobj" and noun.head.lower_ == "in"
    if in_phrase and support_verbs is not None and _supports(noun.head.head, support_verbs):
        return noun.head.head
    return None


def support_targets(verb: Token, preps: frozenset[str]) -> list[Token]:
    """'gave the Ivory Coast 5 million dollars of aid', 'provided aid to Chad': the support verb's
    indirect object or its "to" phrase is the noun's target."""
    indirect = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    return indirect + list(prep_objects(verb, preps))


def _supports(verb: Token, support_verbs: frozenset[str] | None) -> bool:
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if support_verbs is None:
        return True
    # the lemmatiser misses some forms ("staged" -> "stag"): the word less its ending stands in
    word = verb.lower_
    return bool({verb.lemma_.lower(), word, word[:-1], word[:-2], word[:-3]} & support_verbs)
