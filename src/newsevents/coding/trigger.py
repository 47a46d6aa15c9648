"""A trigger: the word that states an event and the pattern it matched, and whether a pattern matches."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsevents.coding import arguments as args
from newsevents.coding.knowledge import Pattern

OF = frozenset({"of"})


@dataclass
class Trigger:
    """A word that states an event, the pattern it matched, and any arguments the pattern bound."""

    token: Token
    pattern: Pattern
    source_tokens: list[Token] | None = None  # bound by the pattern ("$" in PETRARCH syntax), else parse
    target_tokens: list[Token] | None = None  # bound by the pattern ("+"), else parse
    status: str | None = None  # set by the act itself (an ultimatum is given now), else read off the parse


MAX_PHRASE = 4


def phrases_at(token: Token) -> list[str]:
    """The word itself and the multiword phrases around it, as lemmas and as words ("hunger strike")."""
    doc = token.doc
    found = [token.lemma_.lower(), token.lower_]
    for size in range(2, MAX_PHRASE + 1):
        for start in range(max(token.i - size + 1, 0), min(token.i, len(doc) - size) + 1):
            window = doc[start : start + size]
            if window.root.i != token.i:  # the phrase belongs to its head word, once
                continue
            found.append(" ".join(t.lemma_.lower() for t in window))
            found.append(" ".join(t.lower_ for t in window))
    return found


def constraints_hold(trigger: Token, pattern: Pattern) -> bool:
    """Whether the pattern's particle, preposition and objects are found around the trigger."""
    children = list(trigger.children)
    if pattern.particle and not any(_is_particle(c) and c.lower_ == pattern.particle for c in children):
        return False
    if pattern.clause and not any(c.dep_ == "ccomp" for c in children):
        return False
    preps = [c for c in children if c.dep_ in ("prep", "prt", "agent", "dative")]
    # "pulled out of the talks": spaCy hangs the preposition on the particle at times
    preps += [g for c in children if _is_particle(c) for g in c.children if g.dep_ == "prep"]
    if pattern.prep:
        preps = [c for c in preps if c.lower_ == pattern.prep]
        if not preps:
            return False
    if pattern.objects:
        if pattern.prep:
            objects = [p for c in preps for p in c.children if p.dep_ == "pobj"]
        else:
            object_deps = (
                ("dobj", "nsubjpass", "attr", "oprd") if args.is_passive(trigger) else ("dobj", "attr")
            )
            objects = [c for c in children if c.dep_ in object_deps]
            if trigger.pos_ == "NOUN":
                objects = children
            objects += [p for c in preps for p in c.children if p.dep_ == "pobj"]
        if trigger.lemma_.lower() in args.filter_words("permission_verbs"):
            objects += _allowed_act(children)
        objects += [c for o in objects for c in o.children if c.dep_ == "conj"]  # "systems and ammunition"
        # "suspended part of its aid", "halted deliveries of arms": what the measure is of
        objects += [p for o in objects for p in args.prep_objects(o, OF) if o.pos_ in ("NOUN", "NUM")]
        objects += [c for o in objects for c in o.children if c.dep_ == "compound"]  # "President Assad"
        if not any(set(phrases_at(o)) & pattern.objects for o in objects):
            return False
    return True


def _allowed_act(children: list[Token]) -> list[Token]:
    """The clause a verb of permission governs, its doer and its object ("allowed candidate Ouattara
    to run", "let the opposition hold a rally"): the words an object constraint may name."""
    clauses = [c for c in children if c.dep_ in ("ccomp", "xcomp")]
    return clauses + [c for clause in clauses for c in clause.children if c.dep_ in ("nsubj", "dobj")]


def _is_particle(token: Token) -> bool:
    """'gave in', 'stepped down', also tagged as adverb or preposition; a preposition with an object
    ("gave a news conference in Tokyo") is none."""
    if token.dep_ == "prep":
        return not any(c.dep_ == "pobj" for c in token.children)
    return token.dep_ in ("prt", "advmod")
