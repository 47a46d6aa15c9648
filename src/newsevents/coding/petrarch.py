"""TABARI/PETRARCH verb dictionaries a researcher owns, applied over spaCy's dependency parse.

``load_verbs`` reads a ``.verbs`` dictionary in either syntax and tells them apart by content:
PETRARCH-1 (TABARI lineage: ``- SAID WOULD * TALKS [102]``, ``_`` joins words that must touch, a space
lets words come between) and PETRARCH-2 (``- * POLICE (TO BORDER) [153]``: ``(...)`` a prepositional
phrase, ``{...}`` a noun phrase whose last word is its head). Both become one linear form: words before
``*`` must occur, in order, to the left of the verb in its clause; words after it, in order, in the verb's
own subtree. ``$`` binds the source, ``+`` the target, ``%`` a coordinated actor, ``^`` skips a noun
phrase, ``&NAME`` stands for any phrase of a synonym set. The verb's lemma (or its listed inflected
form) selects the verb block; the most specific matching pattern gives the code, else the code of the
verb line or of the block header. A ``.discards`` list silences whole sentences (or whole stories, for
phrases marked ``+``).

Where the two syntaxes differ in meaning, each is read as its own program read it: a paired code
``[032:033]`` is two events in PETRARCH-1 (a visit, and its reception with the sides swapped) and the
code of the active and of the passive voice in PETRARCH-2; PETRARCH-1 patterns see the sentence as a
string of words around the verb, PETRARCH-2 patterns see the verb's own phrases (its subject, its objects
and prepositional phrases, not the clauses inside them), and a PETRARCH-2 verb whose complement clause
is coded ("prepared to attend") leaves the event to that clause. Unbound targets follow PETRARCH's rule:
the first named phrase after the verb ("welcomed a resumption of ties with Osgiliath").

Nothing here walks a constituency tree: patterns are matched against token sequences cut from the
dependency parse, which is how TABARI read sentences, with the parse only choosing the window.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Span, Token

from newsevents.actors.petrarch import DictionaryError, strip_comments
from newsevents.coding import arguments as args
from newsevents.coding.coder import Trigger
from newsevents.coding.knowledge import Pattern

NULL_CODE = "---"
# PETRARCH's targets sit in the verb phrase: its object or the object of one of its prepositions.
TARGET_PREPS = frozenset(
    {"to", "with", "against", "for", "on", "in", "at", "into", "toward", "towards", "over", "about"}
    | {"from", "upon"}
)
# Clause links climbed to find the words left of a verb: "said it WOULD *", "PLAN_TO_*".
CLIMB_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj", "pcomp", "acomp"})
CLIMB_LIMIT = 2
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
# Dependencies that open a clause of its own: PETRARCH-2 patterns do not reach into them.
CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "cc", "parataxis", "csubj", "mark", "punct", "appos"}
)
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
# CAMEO's intents (03), appeals (02) and demands (10) of an act: cooperation (05, 06), aid (07), yielding
# (08) give their second digit; other acts have no such code of their own.
INTENT_FAMILIES = frozenset({"02", "03", "10"})
INTENDED_ACTS = {"06": "1", "05": "2", "07": "3", "08": "5"}
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
SYMBOLS = {"$": "source", "+": "target", "%": "compound", "^": "skip"}
PHRASE_MARK = "\x01"
CODE = re.compile(r"\[([^\]]*)\]")
BRACES = re.compile(r"\{([^}]*)\}")


# -- the dictionary -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Element:
    """One position of a pattern: words (any of several phrases) or an actor symbol."""

    kind: str  # word | source | target | compound | skip
    phrases: tuple[tuple[str, ...], ...] = ()
    tight: bool = False  # no word may come between this element and the one before it
    in_phrase: bool = False  # PETRARCH-2: written inside ( ), so it belongs to a prepositional phrase


@dataclass(frozen=True)
class VerbPattern:
    code: str
    upper: tuple[Element, ...]  # left of the verb, in text order
    lower: tuple[Element, ...]  # right of the verb, in text order
    touches_verb: bool  # the last upper element must stand right before the verb ("FAILED_TO_*")
    line: int

    @property
    def weight(self) -> int:
        """Specificity: every word and actor symbol the pattern asks for."""
        return sum(max((len(p) for p in e.phrases), default=1) for e in (*self.upper, *self.lower))

    @property
    def words(self) -> tuple[str, ...]:
        """The words right of the verb (the first phrase of each set), lower-cased."""
        return tuple(w.lower() for e in self.lower if e.kind == "word" for w in e.phrases[0])


@dataclass(frozen=True)
class VerbEntry:
    """A verb of a block: its base word, particles before/after it, and the code it carries alone."""

    base: str
    front: tuple[str, ...]
    back: tuple[str, ...]
    code: str
    block: int


@dataclass
class VerbBlock:
    name: str
    code: str
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(frozen=True)
class Transformation:
    """A PETRARCH-2 verb-verb rule ``~ a (b . ATTACK) SAY = a b 112``: an event stated inside another
    verb's clause becomes one event of the outer subject ("X said Y attacked" is X accusing Y).

    ``inner_source`` is ``a`` (the outer subject again, or a pronoun for it), ``b`` (another actor) or
    ``_`` (none of its own: "wants to attack"); ``inner_target`` is ``b`` (must be there) or ``.`` (any).
    ``inner``/``outer`` name verbs of the dictionary, whose codes stand for their code families, or ``Q``
    (any code). The result binds ``a``/``b`` and gives a code, ``Q`` being the inner event's own.
    """

    inner_source: str
    inner_target: str
    inner: str
    outer: str
    result: tuple[str, str]
    code: str


@dataclass
class Discards:
    """Phrases whose presence means a sentence (or, marked ``+``, a whole story) is not coded."""

    sentence: re.Pattern[str] | None = None
    story: re.Pattern[str] | None = None

    def silences(self, sentence: Span) -> bool:
        if self.sentence is not None and self.sentence.search(_padded(sentence.text)):
            return True
        return self.story is not None and bool(self.story.search(_padded(sentence.doc.text)))


@dataclass
class PetrarchVerbs:
    """A loaded verbs dictionary: the coder asks it for a trigger on every verb (``VerbMatcher``)."""

    blocks: list[VerbBlock] = field(default_factory=list)
    forms: dict[str, list[VerbEntry]] = field(default_factory=dict)
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    syntax: int = 1
    discards: Discards | None = None
    exclusive: bool = False  # True: verbs the dictionary lacks state no event either
    transformations: list[Transformation] = field(default_factory=list)

    def match(self, verb: Token) -> Trigger | None:
        """The dictionary's trigger for this verb, or None to let the coder's own patterns try."""
        triggers = self.match_all(verb)
        return triggers[0] if triggers else None

    def match_all(self, verb: Token) -> list[Trigger]:
        """Every event the verb states: one, or two for a PETRARCH-1 paired code ``[032:033]`` (a visit,
        and its reception with the sides swapped, both sides then fixed from the parse).

        Empty bindings mean "no event here" (a discarded sentence, a null code ``[---]``, or a verb an
        exclusive dictionary lacks): the coder finds no source and codes nothing for the verb. A compound
        actor ``%`` left of the verb is bound as the sources with an empty target: its members act on
        one another.
        """
        if self.discards is not None and self.discards.silences(verb.sent):
            return [_silent(verb)]
        entries = self._entries_of(verb)
        if not entries:
            return [_silent(verb)] if self.exclusive else []
        entry, found = self._best_of(entries, verb)
        code = found.pattern.code if found is not None else entry.code
        forward, _, backward = code.partition(":")
        if self.syntax == 2:
            # PETRARCH-2 reads [A:P] as the code in the active voice and the code in the passive one;
            # a code paired with itself ([040:040], "met", "held talks with") is an act both sides do.
            symmetric = backward == forward and not args.is_passive(verb)
            forward, backward = (backward if args.is_passive(verb) and backward else forward), ""
            backward = forward if symmetric else backward
            if found is None and self._complement_codes(verb):
                return [_silent(verb)]  # "prepared to attend": the complement's code says what happened
            if self._purpose_of_coded(verb):
                return [_silent(verb)]  # "pressured by Congress to help Iran": one event, the pressure
        if forward in ("", NULL_CODE) and backward in ("", NULL_CODE):
            return [_silent(verb)]
        transformed = self._transformed(verb, entry, found, forward)
        if transformed is not None:
            return [transformed]
        intended = self._intended(verb, forward)
        if intended is not None:
            return [_with_controller(t, verb) for t in _triggers(verb, entry, found, (intended, ""), 2)]
        return _triggers(verb, entry, found, (forward, backward), self.syntax)

    def _intended(self, verb: Token, code: str) -> str | None:
        """'seeking to deepen a partnership': an act that a verb of intent, appeal or demand governs, and
        that verb's own code has no pattern to refine it, is coded as that intent (031), appeal (021)
        or demand (101) of cooperation, aid or yielding; None for anything else."""
        act = INTENDED_ACTS.get(code[:2])
        if self.syntax != 2 or act is None or verb.dep_ != "xcomp":
            return None
        entries = self._entries_of(verb.head)
        if not entries:
            return None
        entry, found = self._best_of(entries, verb.head)
        family = entry.code.partition(":")[0][:2]
        return family + act if found is None and family in INTENT_FAMILIES else None

    def _transformed(self, verb: Token, entry: VerbEntry, found: Found | None, code: str) -> Trigger | None:
        """The event of the first verb-verb rule that holds for this verb and the verb whose clause it
        completes ("Obama wants Putin to attack": Obama appeals to Putin), or None."""
        # "claimed that ISIL had attacked Iraq and taken Mosul": a coordinated verb shares the clause
        clause = verb.head if verb.dep_ == "conj" and verb.head.dep_ in COMPLEMENT_DEPS else verb
        if not self.transformations or clause.dep_ not in COMPLEMENT_DEPS or clause.i < clause.head.i:
            return None  # "X attacked Y, officials said": a report's source, not a verb phrase holding it
        outer = clause.head
        outer_code = self._own_code(outer)
        outer_subjects = args.verb_subjects(outer) or _clause_subject(outer)
        if outer_code is None or not outer_subjects:
            return None
        inner_subjects = _own_subjects(verb) or _own_subjects(clause) or _controller(clause)
        kind = _subject_kind(inner_subjects, outer_subjects)
        bound = found.bound("target") if found is not None else None
        targets = args.with_conjuncts(bound) if bound is not None else _phrase_target(verb, self.syntax)
        for rule in self.transformations:
            if rule.inner_source != kind or (rule.inner_target != "." and not targets):
                continue
            if not (self._named(rule.inner, verb, code) and self._named(rule.outer, outer, outer_code)):
                continue
            sides = {"a": outer_subjects, rule.inner_target: targets or []}
            if kind == "b":
                sides[rule.inner_source] = _expanded(inner_subjects)
            source, target = (sides.get(symbol) for symbol in rule.result)
            if not source or not target:
                continue
            result = code if rule.code == "Q" else rule.code
            lemma = "_".join((*entry.front, entry.base, *entry.back)).lower()
            pattern = Pattern(code=result, lemma=lemma, kind="verb", target_preps=TARGET_PREPS)
            return Trigger(verb, pattern, source, target)
        return None

    def _own_code(self, verb: Token) -> str | None:
        """The code the dictionary gives the verb itself, clauses it governs aside."""
        entries = self._entries_of(verb)
        if not entries:
            return None
        entry, found = self._best_of(entries, verb)
        forward, _, backward = (found.pattern.code if found is not None else entry.code).partition(":")
        return backward if self.syntax == 2 and backward and args.is_passive(verb) else forward

    def _named(self, name: str, verb: Token, code: str) -> bool:
        """Whether a rule's verb name covers this verb: ``Q`` any coded verb; a dictionary verb itself,
        or a verb whose code falls in that verb's code family (SAY 010 covers 010-019)."""
        if name == "Q":
            return code not in ("", NULL_CODE)
        named = self.forms.get(name, [])
        if any(entry in named for entry in self._entries_of(verb)):
            return True
        families = {e.code.partition(":")[0] for e in named}
        families |= {b.code.partition(":")[0] for b in self.blocks if b.name == name}
        return any(_in_family(code, f) for f in families if f not in ("", NULL_CODE))

    def _purpose_of_coded(self, verb: Token) -> bool:
        """A to-clause of purpose hung on a verb this dictionary codes."""
        if verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return False
        code = self._own_code(verb.head)
        return code is not None and code not in ("", NULL_CODE)

    def _complement_codes(self, verb: Token) -> bool:
        """Whether a clause the verb governs ("to attend the games") has a verb this dictionary codes."""
        for child in verb.children:
            if child.dep_ in COMPLEMENT_DEPS and child.pos_ in ("VERB", "AUX") and self._entries_of(child):
                entry, found = self._best_of(self._entries_of(child), child)
                code = (found.pattern.code if found is not None else entry.code).partition(":")[0]
                if code not in ("", NULL_CODE):
                    return True
        return False

    def _best_of(self, entries: list[VerbEntry], verb: Token) -> tuple[VerbEntry, Found | None]:
        """A word listed in several blocks: the best pattern over all of them, else the first block
        whose verb line carries a code."""
        best: tuple[VerbEntry, Found] | None = None
        for entry in entries:
            found = best_pattern(self.blocks[entry.block].patterns, verb, self.syntax)
            if found is not None and found.outranks(best[1] if best else None, self.syntax):
                best = (entry, found)
        if best is not None:
            return best
        coded = [e for e in entries if e.code.partition(":")[0] not in ("", NULL_CODE) or ":" in e.code]
        return (coded or entries)[0], None

    def _entries_of(self, verb: Token) -> list[VerbEntry]:
        """Multi-word verbs ("cordon off", "wire tap") whose other words are there, else the word alone."""
        candidates: list[VerbEntry] = []
        for key in (verb.text.upper(), verb.lemma_.upper()):
            for entry in self.forms.get(key, ()):
                if entry not in candidates:
                    candidates.append(entry)
        phrasal = [e for e in candidates if (e.front or e.back) and _particles_hold(verb, e)]
        return phrasal or [e for e in candidates if not (e.front or e.back)]


def _silent(verb: Token) -> Trigger:
    """A trigger that binds nobody: the verb states no event (and our own patterns do not try it)."""
    return Trigger(verb, Pattern(code=NULL_CODE, lemma=verb.lemma_.lower(), kind="verb"), [], [])


def _own_subjects(verb: Token) -> list[Token]:
    """The subject the verb's clause states itself ("Putin to attack"), not one it shares."""
    if args.is_passive(verb):
        return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return [c for c in verb.children if c.dep_ in args.SUBJECT_DEPS]


def _with_controller(trigger: Trigger, verb: Token) -> Trigger:
    """An appeal or demand ("urged Gondor to send aid") is made to the governing verb's object."""
    controller = _controller(verb)
    if not controller or trigger.pattern.code[:2] == "03":
        return trigger
    return Trigger(trigger.token, trigger.pattern, trigger.source_tokens, _expanded(controller))


def _controller(clause: Token) -> list[Token]:
    """'urged Gondor to attack': the object of the governing verb is the subject of its xcomp."""
    if clause.dep_ != "xcomp":
        return []
    return [c for c in clause.head.children if c.dep_ == "dobj" and c.i < clause.i]


def _subject_kind(inner: list[Token], outer: list[Token]) -> str:
    """``_`` no subject of its own, ``a`` the outer subject again (or a pronoun for it), ``b`` another."""
    if not inner:
        return "_"
    names = {t.text.lower() for t in outer}
    if all(t.pos_ == "PRON" or t.text.lower() in names for t in inner):
        return "a"
    return "b"


def _in_family(code: str, family: str) -> bool:
    """CAMEO's hierarchy: a root code ``190`` covers ``19x``; any other code covers its refinements."""
    stem = family[:2] if len(family) == 3 and family.endswith("0") else family
    return code.startswith(stem)


def _particles_hold(verb: Token, entry: VerbEntry) -> bool:
    doc = verb.doc
    before = [t.text.upper() for t in doc[max(verb.i - len(entry.front), 0) : verb.i]]
    if list(entry.front) != before:
        return False
    after = [t.text.upper() for t in doc[verb.i + 1 : verb.i + 1 + len(entry.back)]]
    particles = [
        c.text.upper() for c in verb.children if c.dep_ in ("prt", "prep", "advmod") and c.i > verb.i
    ]
    return list(entry.back) == after or all(word in particles for word in entry.back)


# -- matching ---------------------------------------------------------------------------------------------
Bindings = tuple[tuple[str, Token], ...]  # (source | target | compound, head token of the phrase)


@dataclass(frozen=True)
class Found:
    """A pattern that matched and the noun phrases it bound."""

    pattern: VerbPattern
    bindings: Bindings = ()
    reach: int = 0  # where the match ends right of the verb: PETRARCH-2 reads the phrase left to right

    def bound(self, kind: str) -> Token | None:
        return next((token for k, token in self.bindings if k == kind), None)

    def outranks(self, other: Found | None, syntax: int) -> bool:
        """Heavier wins; among equals the later pattern, or in PETRARCH-2 the one matched nearer the verb
        ("expressed appreciation for China's assistance" is appreciation)."""
        if other is None or self.pattern.weight != other.pattern.weight:
            return other is None or self.pattern.weight > other.pattern.weight
        return syntax != 2 or self.reach <= other.reach


def best_pattern(patterns: Iterable[VerbPattern], verb: Token, syntax: int = 1) -> Found | None:
    """The heaviest pattern of the block that matches; among equals the later one, as PETRARCH's
    dictionary tree keeps the last of two identical patterns."""
    upper, lower = windows(verb, syntax)
    present = {w for t in (*upper, *lower) for w in (t.text.upper(), t.lemma_.upper(), t.norm_.upper())}
    units = _NounUnits(verb.sent, _prepositional(verb) if syntax == 2 else frozenset())
    best: Found | None = None
    for pattern in patterns:
        if best is not None and pattern.weight < best.pattern.weight:
            continue
        if not _words_present(pattern, present):
            continue
        found = _match_pattern(pattern, upper, lower, units)
        if found is not None and found.outranks(best, syntax):
            best = found
    return best


def _prepositional(verb: Token) -> frozenset[int]:
    """The verb's prepositional phrases, when it has an object of its own: with none, the parse may
    have put the object in a phrase ("received by courier money"), so no word is kept out."""
    if not any(c.dep_ in (*args.OBJECT_DEPS, *PASSIVE_SUBJECTS) for c in verb.children):
        return frozenset()
    return frozenset(t.i for c in verb.children if c.dep_ in ("prep", "agent") for t in c.subtree)


def _words_present(pattern: VerbPattern, present: set[str]) -> bool:
    """A cheap test before the search: every word element has a phrase whose words all occur."""
    for element in (*pattern.upper, *pattern.lower):
        if element.kind == "word" and not any(all(w in present for w in p) for p in element.phrases):
            return False
    return True


def windows(verb: Token, syntax: int) -> tuple[list[Token], list[Token]]:
    """The words a pattern is matched against, left and right of the verb.

    PETRARCH-1 patterns read the sentence as TABARI did, as a string of words: the verb's clause and
    the clauses it hangs from on the left, its whole subtree on the right. PETRARCH-2 patterns name the
    verb's own phrases: its subject on the left; its objects and prepositional phrases on the right,
    without the clauses embedded in them.
    """
    if syntax == 1:
        return _upper_window(verb), _lower_window(verb)
    return _subject_window(verb), _phrase_window(verb)


def _subject_window(verb: Token) -> list[Token]:
    if args.is_passive(verb):
        heads = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    else:
        heads = [c for c in verb.children if c.dep_ in args.SUBJECT_DEPS]
        heads = heads or [t for t in _clause_subject(verb) or []]
    return sorted({t for head in heads for t in _phrase_tokens(head)}, key=lambda t: t.i)


def _phrase_window(verb: Token) -> list[Token]:
    subjects = PASSIVE_SUBJECTS if args.is_passive(verb) else frozenset()
    heads = [c for c in verb.children if c.i > verb.i and c.dep_ not in CLAUSE_DEPS] + [
        c for c in verb.children if c.dep_ in subjects
    ]
    return sorted({t for head in heads for t in _phrase_tokens(head)}, key=lambda t: t.i)


def _phrase_tokens(head: Token) -> list[Token]:
    """A phrase without the clauses inside it ("an agreement that ..." stops at "agreement")."""
    found = [head] if not (head.is_punct or head.is_space) else []
    for child in head.children:
        if child.dep_ not in CLAUSE_DEPS:
            found.extend(_phrase_tokens(child))
    return found


def _upper_window(verb: Token) -> list[Token]:
    """Words left of the verb in its clause, and in the clauses it depends on ("said it would *")."""
    top = verb
    for _ in range(CLIMB_LIMIT):
        if top.dep_ not in CLIMB_DEPS or top.head == top:
            break
        top = top.head
    return [t for t in top.subtree if t.i < verb.i and not t.is_punct and not t.is_space]


def _lower_window(verb: Token) -> list[Token]:
    """Words right of the verb in its own subtree, less a coordinated clause ("... and promised aid")."""
    cut: set[int] = set()
    for child in verb.children:
        if child.i > verb.i and (
            (child.dep_ in ("conj", "parataxis") and child.pos_ in ("VERB", "AUX")) or child.dep_ == "cc"
        ):
            cut.update(t.i for t in child.subtree)
    return [t for t in verb.subtree if t.i > verb.i and t.i not in cut and not t.is_punct and not t.is_space]


class _NounUnits:
    """Noun phrases as units that ``$ + % ^`` consume whole; built lazily, once per sentence."""

    def __init__(self, sent: Span, prepositional: frozenset[int] = frozenset()) -> None:
        self.sent = sent
        self._chunk_of: dict[int, Span] | None = None
        self.prepositional = prepositional  # PETRARCH-2: tokens of the verb's prepositional phrases

    def chunk_of(self, token: Token) -> Span | None:
        if self._chunk_of is None:
            self._chunk_of = {}
            try:
                for chunk in self.sent.noun_chunks:
                    for t in chunk:
                        self._chunk_of[t.i] = chunk
            except ValueError:  # no parser: every noun stands alone
                pass
        return self._chunk_of.get(token.i)


def _match_pattern(
    pattern: VerbPattern, upper: list[Token], lower: list[Token], units: _NounUnits
) -> Found | None:
    lower_bound: Bindings = ()
    reach = 0
    if pattern.lower:
        first = pattern.lower[0].tight
        result = next(_ends(pattern.lower, 0, lower, 0, units, first, ()), None)
        if result is None:
            return None
        reach, lower_bound = result
    if not pattern.upper:
        return Found(pattern, lower_bound, reach)
    last = len(upper)
    for start in range(len(upper)):
        for end, bound in _ends(pattern.upper, 0, upper, start, units, True, ()):
            if end == last or not pattern.touches_verb:
                return Found(pattern, bound + lower_bound, reach)
    return None


def _ends(
    elements: tuple[Element, ...],
    index: int,
    seq: list[Token],
    pos: int,
    units: _NounUnits,
    anchored: bool,
    bound: Bindings,
) -> Iterator[tuple[int, Bindings]]:
    """Where ``elements[index:]`` can end in ``seq`` when the first starts at ``pos`` (anchored) or
    anywhere after it, with the phrases bound on the way."""
    if index == len(elements):
        yield pos, bound
        return
    element = elements[index]
    tight_next = elements[index + 1].tight if index + 1 < len(elements) else False
    for start in [pos] if anchored else range(pos, len(seq)):
        for end, extra in _element_ends(element, seq, start, units):
            yield from _ends(elements, index + 1, seq, end, units, tight_next, bound + extra)


def _element_ends(
    element: Element, seq: list[Token], start: int, units: _NounUnits
) -> list[tuple[int, Bindings]]:
    if start >= len(seq):
        return []
    if element.kind == "word":
        if not element.in_phrase and seq[start].i in units.prepositional:
            return []  # "- * TRIP" is the verb's object, not "at the start of a trip"
        ends = {
            start + len(phrase)
            for phrase in element.phrases
            if start + len(phrase) <= len(seq)
            and all(_word_fits(seq[start + k], w) for k, w in enumerate(phrase))
        }
        return [(end, ()) for end in sorted(ends, reverse=True)]
    end, root = _unit_at(seq, start, units, compound=element.kind == "compound")
    if root is None:
        return []
    return [(end, () if element.kind == "skip" else ((element.kind, root),))]


def _word_fits(token: Token, word: str) -> bool:
    return word in (token.text.upper(), token.lemma_.upper(), token.norm_.upper())


def _unit_at(seq: list[Token], start: int, units: _NounUnits, *, compound: bool) -> tuple[int, Token | None]:
    """The noun phrase beginning at ``seq[start]``: where it ends in ``seq`` and its head."""
    token = seq[start]
    chunk = units.chunk_of(token)
    if chunk is not None:
        root = chunk.root  # a phrase may start after words a pattern took ("THEIR ^ ABOUT +")
        last = chunk.end - 1
    elif token.pos_ in NOUN_POS:
        root, last = token, token.i
    else:
        return start, None
    if compound:
        members = args.with_conjuncts(root)
        if len(members) < 2:
            return start, None
        last = max(last, *(m.i for m in members))
    end = start
    while end < len(seq) and seq[end].i <= last:
        end += 1
    return end, root


def _triggers(
    verb: Token, entry: VerbEntry, found: Found | None, codes: tuple[str, str], syntax: int
) -> list[Trigger]:
    forward, backward = codes
    words = frozenset(found.pattern.words) if found is not None else frozenset()
    lemma = "_".join((*entry.front, entry.base, *entry.back)).lower()

    def pattern_of(code: str) -> Pattern:
        return Pattern(code=code, lemma=lemma, kind="verb", target_preps=TARGET_PREPS, objects=words)

    bound_source = found.bound("source") if found is not None else None
    bound_target = found.bound("target") if found is not None else None
    compound = found.bound("compound") if found is not None else None
    source = args.with_conjuncts(bound_source) if bound_source is not None else _clause_subject(verb)
    if source is None and not args.is_passive(verb):
        source = _listed(args.verb_subjects(verb))
    bound = args.with_conjuncts(bound_target) if bound_target is not None else None
    if _reduced_passive(verb) and bound_source is None and bound_target is None:
        # "soldiers killed in Ukraine": the noun is what was done to; the agent, else the phrase
        # PETRARCH reads in the passive's place ("in Ukraine"), is who did it.
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        source = _expanded(agents) if agents else _phrase_target(verb, syntax) or []
        bound = args.with_conjuncts(verb.head)
    has_forward = forward not in ("", NULL_CODE)
    if compound is not None and has_forward and compound.i < verb.i:
        return _compound_triggers(verb, compound, pattern_of(forward), bound)
    if compound is not None and bound is None:
        bound = args.with_conjuncts(compound)  # "AGREE * WITH %": a coordinated target is just the target
    target = bound if bound is not None else _phrase_target(verb, syntax)
    if not backward or backward == NULL_CODE:
        return [Trigger(verb, pattern_of(forward), source, target)]
    # A paired code: the reverse event needs both sides fixed, so read the unbound ones off the parse.
    base = pattern_of(forward if has_forward else backward)
    sources = source if source is not None else _expanded(args.verb_subjects(verb))
    targets = target if target is not None else _expanded(args.verb_targets(verb, base))
    triggers = [Trigger(verb, pattern_of(forward), sources, targets)] if has_forward else []
    triggers.append(Trigger(verb, pattern_of(backward), targets, sources))
    return triggers


def _listed(subjects: list[Token]) -> list[Token] | None:
    """'The US, Russia, and Switzerland met': a list the parse took for an apposition ("Russia", itself
    coordinated) is more subjects. None when there is no such list."""
    members = [
        c
        for s in subjects
        for c in s.children
        if c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children)
    ]
    if not members:
        return None
    return _expanded(subjects) + [m for member in members for m in args.with_conjuncts(member)]


def _reduced_passive(verb: Token) -> bool:
    """A past participle qualifying people or a name ("soldiers killed in Ukraine", "prisoners freed by
    Gondor"); a thing so qualified ("an agreement forced on Rohan") is no one an event is done to."""
    head = verb.head
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and (head.pos_ == "PROPN" or head.tag_ == "NNS")


def _named_head(token: Token, units: _NounUnits) -> Token:
    chunk = units.chunk_of(token)
    head = chunk.root if chunk is not None else token
    while head.dep_ in ("compound", "amod", "poss", "flat", "nmod") and head.head != head:
        head = head.head  # "Ithilen's president": the phrase is headed by what the name qualifies
    return head


def _phrase_target(verb: Token, syntax: int) -> list[Token] | None:
    """PETRARCH's target: the first named phrase after the verb in its own phrase ("welcomed a
    resumption of ties with Osgiliath", "condemned an attack by Osgiliath soldiers in Ithilen"), with its
    conjuncts. None when there is none: the coder then reads the object off the parse."""
    sent = verb.sent
    units = _NounUnits(sent)
    near = windows(verb, syntax)[1]
    # A reported clause offers its subject ("believes Dagolath can cope"), not what it says of it
    # ("said such a step enjoyed support from Moscow").
    said = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree} - {
        t.i for c in verb.children if c.dep_ == "ccomp" for s in _own_subjects(c) for t in s.subtree
    }
    far = [t for t in _lower_window(verb) if syntax == 2 and t not in near and t.i not in said]
    for token in (*near, *far):  # PETRARCH-2: the verb's own phrases first, then what they embed
        if not _names_something(token):
            continue
        head = _named_head(token, units)
        return [*_of_owner(head), *args.with_conjuncts(head)]
    return None


def _of_owner(head: Token) -> list[Token]:
    """'released the mayor of the West Bank city': a name inside an "of" phrase belongs to the noun
    phrase that phrase qualifies, whose agent word ("mayor") PETRARCH joins to the name's code. The
    owner is offered first; the coder keeps the actor that says more of the two."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return []
    owner = prep.head
    return [owner] if owner.pos_ == "NOUN" and owner != owner.head else []


def _names_something(token: Token) -> bool:
    """A proper name or a capitalised adjective ("Russian students"), not a date or a number."""
    if token.ent_type_ in NOT_NAMES:
        return False
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "ADJ" and token.text[:1].isupper() and not token.is_sent_start


def _clause_subject(verb: Token) -> list[Token] | None:
    """'Arnor is about to restore ties': when the parse gives the verb no subject, the subject of the
    clause it hangs from (PETRARCH reads the subject off the nearest sentence node). None: the parse's
    own subject stands, or there is none to find."""
    if args.is_passive(verb) or args.verb_subjects(verb):
        return None
    head = verb
    for _ in range(CLIMB_LIMIT + 1):
        if head.head == head or head.dep_ not in (*CLIMB_DEPS, "prep"):
            return None
        head = head.head
        subjects = [c for c in head.children if c.dep_ in args.SUBJECT_DEPS]
        if subjects:
            return _expanded(subjects)
        if args.is_passive(head):
            return None  # "children were killed in shelling, medics said": not the medics' shelling
    return None


def _expanded(tokens: list[Token]) -> list[Token]:
    return [member for token in tokens for member in args.with_conjuncts(token)]


def _compound_triggers(
    verb: Token, compound: Token, pattern: Pattern, target: list[Token] | None
) -> list[Trigger]:
    """'Gondor and Osgiliath have delayed their meeting': the members act on one another (the coder
    pairs several sources with no target both ways), or together on a target the pattern bound."""
    return [Trigger(verb, pattern, args.with_conjuncts(compound), target if target is not None else [])]


# -- reading ---------------------------------------------------------------------------------------------
def load_verbs(path: Path, *, discards: Iterable[Path] = (), exclusive: bool = False) -> PetrarchVerbs:
    """Read a PETRARCH-1 or PETRARCH-2 ``.verbs`` dictionary (and any ``.discards`` lists).

    Raises DictionaryError when the file cannot be read or holds no verb block at all.
    """
    lines = _read_lines(path)
    verbs = parse_verbs(lines)
    if not verbs.blocks:
        raise DictionaryError(f"{path}: no verb block ('--- NAME [CODE] ---') found")
    verbs.discards = load_discards(discards) if discards else None
    verbs.exclusive = exclusive
    return verbs


def _read_lines(path: Path) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise DictionaryError(f"{path}: cannot read ({err.strerror or err})") from err
    return strip_comments(text)


def is_petrarch2(lines: list[str]) -> bool:
    """PETRARCH-2 patterns mark phrases with ( ) and { }; PETRARCH-1 ones never do."""
    return any(
        line.lstrip().startswith("-") and "*" in line and ("(" in line or "{" in line) for line in lines
    )


def parse_verbs(lines: list[str]) -> PetrarchVerbs:
    verbs = PetrarchVerbs(syntax=2 if is_petrarch2(lines) else 1)
    verbs.synsets = _read_synsets(lines)
    block: VerbBlock | None = None
    in_synset = False
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line.startswith("~"):  # a PETRARCH-2 verb-verb transformation
            in_synset = False
            rule = parse_transformation(line)
            if rule is not None:
                verbs.transformations.append(rule)
            continue
        if not line:
            in_synset = False
            continue
        if line.startswith("&"):
            in_synset = True
        elif line.startswith("+") and in_synset:
            continue
        elif line.startswith("---"):
            in_synset = False
            block = _new_block(verbs, line)
        elif line.startswith("-"):
            in_synset = False
            pattern = parse_pattern(line, number, verbs.synsets, syntax=verbs.syntax)
            if block is not None and pattern is not None:
                block.patterns.append(pattern)
        elif block is not None:
            in_synset = False
            for entry in parse_verb_line(line, block, len(verbs.blocks) - 1):
                for form in _forms(line, entry):
                    verbs.forms.setdefault(form, []).append(entry)
    return verbs


def parse_transformation(line: str) -> Transformation | None:
    """``~ a (b . ATTACK) SAY = a b 112``; None when the line has not that shape."""
    left, equals, right = re.sub(r"[()]", " ", line.lstrip("~")).partition("=")
    before, after = left.split(), right.split()
    if not equals or len(before) != 5 or len(after) != 3 or before[0] != "a":
        return None
    _, inner_source, inner_target, inner, outer = before
    if inner_source not in ("a", "b", "_") or inner_target not in ("b", "."):
        return None
    return Transformation(
        inner_source, inner_target, inner.upper(), outer.upper(), (after[0], after[1]), after[2]
    )


def _new_block(verbs: PetrarchVerbs, line: str) -> VerbBlock:
    codes = CODE.findall(line)
    name = CODE.sub(" ", line).strip("- ").strip() or f"block {len(verbs.blocks) + 1}"
    block = VerbBlock(name=name, code=codes[0].strip() if codes else NULL_CODE)
    verbs.blocks.append(block)
    return block


def parse_verb_line(line: str, block: VerbBlock, index: int) -> list[VerbEntry]:
    """``WORD``, ``WORD {IRREGULAR FORMS} [CODE]``, ``+CORDON_OFF``, ``WIRE_+TAP``, ``LASH OUT``."""
    codes = CODE.findall(line)
    code = codes[-1].strip() if codes else block.code
    head = BRACES.sub(" ", CODE.sub(" ", line)).strip()
    if not head:
        return []
    words = re.split(r"[_\s]+", head)
    marked = [k for k, w in enumerate(words) if w.startswith("+")]
    at = marked[0] if marked else 0
    words = [w.lstrip("+") for w in words]
    if not all(words):
        return []
    return [
        VerbEntry(
            base=words[at], front=tuple(words[:at]), back=tuple(words[at + 1 :]), code=code, block=index
        )
    ]


def _forms(line: str, entry: VerbEntry) -> set[str]:
    """The verb word's forms: the listed irregular ones, else the regular -S, -ED, -ING ones."""
    forms = {entry.base}
    listed = BRACES.search(line)
    if listed is not None:
        for item in listed.group(1).split():
            parts = [p for p in item.split("_") if p]
            marked = [p for p in parts if p.startswith("+")]
            word = (
                marked[0]
                if marked
                else parts[len(entry.front)]
                if len(parts) > len(entry.front)
                else parts[0]
            )
            forms.add(word.lstrip("+"))
    else:
        forms.update(regular_forms(entry.base))
    return forms


def regular_forms(base: str) -> set[str]:
    third = base + "ES" if base.endswith(("S", "X", "Z", "CH", "SH")) else base + "S"
    if base.endswith("Y") and len(base) > 1 and base[-2] not in "AEIOU":
        third = base[:-1] + "IES"
    past = base + "D" if base.endswith("E") else base + "ED"
    ing = base[:-1] + "ING" if base.endswith("E") and not base.endswith("EE") else base + "ING"
    return {third, past, ing}


def plural(word: str) -> str:
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    return word + "S"


def _read_synsets(lines: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Synonym sets: ``&LABEL`` then ``+PHRASE`` lines; plurals unless the label or phrase ends in ``_``."""
    raw: dict[str, list[tuple[str, bool]]] = {}
    label: str | None = None
    for line in (line.strip() for line in lines):
        if line.startswith("&"):
            name = line.split()[0]
            label = name.rstrip("_")
            raw.setdefault(label, [])
            raw_plural = not name.endswith("_")
            raw[label].append(("", raw_plural))  # remembers the label's plural rule in slot 0
        elif line.startswith("+") and label is not None:
            raw[label].append((line[1:].strip(), True))
        elif line:
            label = None
    return {name: _expand_synset(name, raw, set()) for name in raw}


def _expand_synset(
    name: str, raw: dict[str, list[tuple[str, bool]]], seen: set[str]
) -> tuple[tuple[str, ...], ...]:
    if name in seen or name not in raw:
        return ()
    seen = seen | {name}
    plurals = raw[name][0][1]
    phrases: list[tuple[str, ...]] = []
    for text, _ in raw[name][1:]:
        if text.startswith("&"):
            phrases.extend(_expand_synset(text.rstrip("_"), raw, seen))
            continue
        words = _words(text)
        if not words:
            continue
        phrases.append(words)
        if plurals and not text.endswith("_") and words[-1].isalpha() and len(words[-1]) > 2:
            phrases.append((*words[:-1], plural(words[-1])))
    return tuple(dict.fromkeys(phrases))


def _words(text: str) -> tuple[str, ...]:
    """Dictionary words as spaCy splits them: "DON'T" is DO + N'T."""
    words: list[str] = []
    for word in re.split(r"[_\s]+", text.upper().strip("_ ")):
        if not word:
            continue
        if word.endswith("N'T") and len(word) > 3:
            words.extend((word[:-3], "N'T"))
        else:
            words.append(word)
    return tuple(words)


def parse_pattern(
    line: str, number: int, synsets: dict[str, tuple[tuple[str, ...], ...]], *, syntax: int
) -> VerbPattern | None:
    """One ``- WORDS * WORDS [CODE]`` line; None when it cannot be used (no ``*``, unknown synset,
    TABARI's ``{a|b}`` alternatives in PETRARCH-1 syntax)."""
    codes = CODE.findall(line)
    if not codes:
        return None
    body = line[1 : line.rfind("[")]
    if "*" not in body or (syntax == 1 and "{" in body):
        return None
    if syntax == 2:  # words in ( ) are marked: only they may come from the verb's prepositional phrases
        body = re.sub(r"\(([^()]*)\)", lambda m: " ".join(PHRASE_MARK + w for w in m.group(1).split()), body)
        body = re.sub(r"[(){}]", " ", body)
    body = body.replace("_ ", " ")
    before, _, after = body.partition("*")
    upper = _elements(before.strip(), synsets, first_tight=False)
    lower = _elements(after.rstrip(), synsets, first_tight=after.startswith("_"))
    if upper is None or lower is None:
        return None
    return VerbPattern(
        code=codes[-1].strip(),
        upper=tuple(upper),
        lower=tuple(lower),
        touches_verb=before.endswith("_"),
        line=number,
    )


def _elements(
    text: str, synsets: dict[str, tuple[tuple[str, ...], ...]], first_tight: bool
) -> list[Element] | None:
    elements: list[Element] = []
    for chunk in text.split():
        in_phrase = chunk.startswith(PHRASE_MARK)
        chunk = chunk.removeprefix(PHRASE_MARK)
        pieces = [p for p in chunk.split("_") if p]
        for k, piece in enumerate(pieces):
            tight = k > 0 or (not elements and first_tight and chunk.startswith("_"))
            element = _element(piece, synsets, tight)
            if element is None:
                return None
            elements.append(replace(element, in_phrase=in_phrase))
    return elements


def _element(piece: str, synsets: dict[str, tuple[tuple[str, ...], ...]], tight: bool) -> Element | None:
    if piece in SYMBOLS:
        return Element(SYMBOLS[piece], tight=tight)
    if piece.startswith("&"):
        phrases = synsets.get(piece.rstrip("_"))
        return Element("word", phrases, tight) if phrases else None
    words = _words(piece)
    return Element("word", (words,), tight) if words else None


# -- discards ----------------------------------------------------------------------------------------------
def load_discards(paths: Iterable[Path]) -> Discards:
    """Discard phrases: ``+`` marks a story-level one; a phrase ending in ``_`` must end a word, any other
    is a stem ("BASEBALL" also drops "baseballs")."""
    sentence: list[str] = []
    story: list[str] = []
    for path in paths:
        for line in _read_lines(Path(path)):
            text = line.strip()
            if not text:
                continue
            target = story if text.startswith("+") else sentence
            target.append(_discard_regex(text.lstrip("+").strip()))
    return Discards(_alternation(sentence), _alternation(story))


def _discard_regex(phrase: str) -> str:
    whole = phrase.endswith("_")
    words = [re.escape(w) for w in re.split(r"[_\s]+", phrase.strip("_ ")) if w]
    return r"\s" + r"\s+".join(words) + (r"(?=[\s\W])" if whole else "")


def _alternation(parts: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(parts), re.I) if parts else None


def _padded(text: str) -> str:
    return f" {text} "


def is_verbs_file(path: Path) -> bool:
    """A PETRARCH verbs dictionary, by name or by content (verb block headers and pattern lines)."""
    name = path.name.lower()
    if ".verbs" in name or "verbs." in name:
        return True
    if path.suffix.lower() in (".yaml", ".yml", ".csv", ".json"):
        return False
    head = _head(path)
    return any(re.match(r"\s*---.*\[[^\]]*\]\s*---", line) for line in head)


def is_discards_file(path: Path) -> bool:
    return "discard" in path.name.lower()


def _head(path: Path, limit: int = 4000) -> list[str]:
    try:
        with Path(path).open(encoding="utf-8", errors="replace") as handle:
            return [line for _, line in zip(range(limit), handle, strict=False)]
    except OSError:
        return []


def dictionary_matchers(paths: Iterable[Path], *, exclusive: bool = True) -> list[PetrarchVerbs]:
    """Matchers for the coder from a run's non-actor dictionary files: one per ``.verbs`` dictionary,
    each honouring every ``.discards`` list given (a discards list alone still silences sentences).
    YAML pattern files of our own format are not matchers: the coding knowledge loads them.

    ``exclusive``: a user's verbs dictionary replaces our verb patterns rather than adding to them, as
    two ontologies mixed in one run (a user's WEIS codes and our CAMEO ones) give codes nobody asked for.
    """
    paths = [Path(p) for p in paths]
    discards = [p for p in paths if is_discards_file(p)]
    verbs = [p for p in paths if not is_discards_file(p) and is_verbs_file(p)]
    matchers = [load_verbs(p, discards=discards, exclusive=exclusive) for p in verbs]
    if discards and not matchers:
        matchers.append(PetrarchVerbs(discards=load_discards(discards)))
    return matchers
