"""Event status from the parse: asserted, negated, planned or hypothetical; and governing acts.

The cue words are data (``coding/status.yaml``); this module only says where to look for them: the
trigger's own auxiliaries, negation and conditional markers, the modifiers of an event noun ("a
potential invasion"), and the clauses that govern the trigger ("is scheduled to meet", "cancelled the
visit"). Reported speech is transparent: "X said Y will visit" keeps Y's own status.

Some governing verbs are acts of their own: "threatened to attack" is a threat, "refused to meet" a
refusal, "promised to send aid" a commitment, "urged Iran to release" a request. The governed act is
then not coded; the coder codes the governing act with the code ``complement_codes`` gives for the
governed act's code (a threatened attack is 138, a refused meeting 125 ...).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsevents.coding.knowledge import StatusCues

ASSERTED, NEGATED, PLANNED, HYPOTHETICAL = "asserted", "negated", "planned", "hypothetical"
# Cue kinds that are acts of their own, coded at the governing verb instead of the governed act.
GOVERNING_ACTS = {
    "threat": "threat",
    "refusal": "refusal",
    "commitment": "commitment",
    "request_appeal": "appeal",
    "request_demand": "demand",
    "accusation": "accusation",  # the accused act is an allegation: not coded, the accusation is
}
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "dobj", "nsubjpass", "acl", "advcl", "conj"})
STEPS = 4
# what a cue of the form "undertake to", "prepared to" governs: a clause, or the object of its "to"
TO_CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "pcomp", "relcl"})
TO = frozenset({"to"})


@dataclass(frozen=True)
class Governor:
    """A governing act: 'threatened' in 'X threatened to attack Y'."""

    kind: str  # threat | refusal | commitment | appeal | demand
    token: Token


class StatusReader:
    """Reads status cues off the parse; built once over the cue lists."""

    def __init__(self, cues: StatusCues) -> None:
        self.cues = cues
        self.single_cues = {kind: frozenset(w for w in cues[kind] if " " not in w) for kind in cues.words}
        self.particle_cues = {kind: _particles(cues[kind]) for kind in cues.words}
        self.phrase_cues = {kind: _phrases(cues[kind]) for kind in cues.words}

    def _is(self, kind: str, token: Token, governed: Token | None = None) -> bool:
        """Whether the token is a cue of the kind; ``governed``, the word it governs, if any."""
        words = (token.lemma_.lower(), token.lower_)
        if any(word in self.single_cues.get(kind, ()) for word in words):
            return True
        particles = self.particle_cues.get(kind, {})
        wanted = next((particles[word] for word in words if word in particles), None)
        # "rule out", "call off": the particle must be there ("Taliban ruled Afghanistan" rules out
        # nothing); "agree to" takes its "to" from the governed clause, which must be one ("undertook
        # a mediation mission" undertakes nothing)
        if wanted is not None:
            clause = governed is None or governed.dep_ in TO_CLAUSE_DEPS or _has_particle(token, TO)
            if ("to" in wanted and clause) or _has_particle(token, wanted - TO):
                return True
        phrases = self.phrase_cues.get(kind, {})
        rests = next((phrases[word] for word in words if word in phrases), ())
        return any(_followed_by(token, rest) for rest in rests)  # "issued an ultimatum to"

    def is_reporting(self, token: Token) -> bool:
        """A verb of saying or reporting ("said", "told", "announced")."""
        return self._is("reporting", token)

    # -- governing acts ---------------------------------------------------------------------------
    def governor(self, trigger: Token) -> Governor | None:
        """The threat, refusal, commitment or request that governs the trigger, if any."""
        current = trigger
        for _ in range(STEPS):
            head = _clause_head(current) if current.dep_ != "conj" else None
            if head is None or _conditional(current):
                return None  # "willing to send arms if it is attacked": the attack is no one's promise
            # a noun governs a clause ("a threat to attack", "its demand that ..."), not an "of"
            # phrase: "the threat of an attack" is a possible attack, no one's threat
            clause = head.pos_ != "NOUN" or current.dep_ != "pobj"
            for kind, act in GOVERNING_ACTS.items():
                if clause and self._is(kind, head, current):
                    return Governor(act, head)
            if self._is("reporting", head):
                return self._stated_act(head)
            current = head
        return None

    def obliged(self, verb: Token) -> str | None:
        """'demand' or 'appeal' when the verb is under an obligation modal ("must disarm", "should
        withdraw", "has to leave"); the caller decides whose obligation it is."""
        clause = verb
        if verb.dep_ in ("acomp", "attr") and verb.head.lemma_ == "be":
            clause = verb.head  # "must be ready to mediate"
        for child in clause.children:
            if child.dep_ in ("aux", "auxpass"):  # the one-word modals ("must"; "has" is no modal)
                if child.lower_ in self.cues["obligation_demand"]:
                    return "demand"
                if child.lower_ in self.cues["obligation_appeal"]:
                    return "appeal"
        head = verb.head  # "has to leave", "need to withdraw": the modal verb governs the act
        if verb.dep_ == "xcomp" and head != verb and head.lemma_.lower() in ("have", "need"):
            if any(c.dep_ == "neg" for c in head.children):
                return None  # "don't have to justify" frees them of it
            phrase = f"{head.lemma_.lower()} to"
            if phrase in self.cues["obligation_demand"]:
                return "demand"
        return None

    def _stated_act(self, reporting: Token) -> Governor | None:
        """'reiterated its demand that Israel ease restrictions': a verb of saying whose object names
        a demand, threat or promise states that act; the clause is what is demanded."""
        for noun in reporting.children:
            if noun.dep_ != "dobj":
                continue
            for kind, act in GOVERNING_ACTS.items():
                if act != "accusation" and self._is(kind, noun):
                    return Governor(act, reporting)
        return None

    # -- status -----------------------------------------------------------------------------------
    def act_status(self, token: Token, *, verb: bool) -> str:
        """The status of an act stated by a verb or named by an event noun."""
        return self.verb_status(token) if verb else self.noun_status(token)

    def verb_status(self, verb: Token) -> str:
        own = self.own_status(verb)
        return own if own != ASSERTED else self._governed(verb, noun=False)

    def noun_status(self, noun: Token) -> str:
        for child in noun.children:
            if child.dep_ == "det" and child.lower_ == "no":
                return NEGATED
            if child.dep_ in ("amod", "compound", "nmod", "det"):
                if self._is("nonfactual_modifiers", child):
                    return HYPOTHETICAL
                if self._is("planned_modifiers", child):
                    return PLANNED
        if _after_phrase(noun, self.cues["negation"]):  # "in the absence of an agreement"
            return NEGATED
        if _after_phrase(noun, self.cues["nonfactual_modifiers"]):
            return HYPOTHETICAL
        if _after_phrase(noun, self.cues["planned_modifiers"]):
            return PLANNED
        return self._governed(noun, noun=True)

    def own_status(self, verb: Token) -> str:
        status = ASSERTED
        for child in verb.children:
            word = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "advmod" and word in ("never", "no longer")):
                return NEGATED
            if child.dep_ == "mark" and word in ("if", "unless", "whether"):
                status = HYPOTHETICAL
            if child.dep_ in ("aux", "auxpass") and status == ASSERTED:
                if word in ("will", "shall", "'ll", "wo"):
                    status = PLANNED
                elif word == "would" and self._reported(verb):
                    status = PLANNED  # "said it would send troops": the future of the past
                elif word in self.cues["hypothetical"]:
                    status = HYPOTHETICAL
        if any(child.dep_ == "advcl" and _conditional(child) for child in verb.children):
            status = HYPOTHETICAL  # "Russia would shoot down missiles if a strike threatened its troops"
        return status

    def _reported(self, verb: Token) -> bool:
        return verb.dep_ == "ccomp" and self._is("reporting", verb.head)

    def _governed(self, token: Token, *, noun: bool) -> str:
        """Walk up the governing clauses; the nearest cue decides."""
        current = token
        for _ in range(STEPS):
            head = _clause_head(current)
            if head is None:
                return ASSERTED
            if self._is("cancellation", head) or self._is("postponement", head):
                return ASSERTED if self.own_status(head) == NEGATED else NEGATED
            if self._is("denial", head) or (self._is("negation", head) and head.pos_ == "VERB"):
                return NEGATED  # "denied attacking", "failed to reach a deal", "refrained from"
            if self._is("wish", head) or (self._is("hypothetical", head) and head.pos_ in ("VERB", "ADJ")):
                return HYPOTHETICAL  # "wants to meet", "considered striking", "likely to be invaded"
            if self._planned_head(head, current):
                own = self.own_status(head)
                return own if own in (NEGATED, HYPOTHETICAL) else PLANNED
            if self._is("reporting", head):
                return ASSERTED
            if head.pos_ in ("VERB", "AUX"):
                head_status = self.own_status(head)
                if noun:  # "did not launch an attack"; but "the visit was not affected" stays asserted
                    return head_status if current.dep_ == "dobj" else ASSERTED
                if head_status != ASSERTED and current.dep_ in ("xcomp", "conj", "ccomp"):
                    return head_status  # "a law that would have allowed the government to extradite"
            current = head
        return ASSERTED

    def _planned_head(self, head: Token, governed: Token) -> bool:
        if governed.dep_ not in ("xcomp", "dobj", "nsubjpass", "acl", "pobj", "ccomp"):
            return False
        if head.lemma_ == "be" and governed.dep_ == "xcomp":
            return True  # "the minister is to visit Paris"
        if head.lemma_ == "go" and head.tag_ == "VBG" and governed.dep_ == "xcomp":
            return True  # "is going to visit"
        return self._is("planned", head)


def _clause_head(token: Token) -> Token | None:
    """The word that governs this clause or phrase, skipping prepositions ('refrain from attacking')."""
    if token.dep_ not in CLAUSE_DEPS or token.head == token:
        return None
    head = token.head
    if head.dep_ in ("prep", "agent") and head.head != head:
        head = head.head
    return head


PARTICLES = frozenset(
    {"to", "on", "upon", "for", "out", "down", "off", "at", "from", "of", "with", "back", "into"}
)


def _particles(entries: frozenset[str]) -> dict[str, frozenset[str]]:
    """Of the verb-and-particle cues ('call off', 'set to'), the particles each verb needs."""
    found: dict[str, set[str]] = {}
    for entry in entries:
        parts = entry.split()
        if len(parts) == 2 and parts[1] in PARTICLES and parts[0] not in ("is", "are", "was"):
            found.setdefault(parts[0], set()).add(parts[1])
    return {verb: frozenset(particles) for verb, particles in found.items()}


def _phrases(entries: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Longer cues ('issue an ultimatum', 'express willingness to'), by first word: the words after it
    (a final particle is left to the governed clause, as for 'agree to')."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for entry in entries:
        parts = entry.split()
        if len(parts) == 2 and parts[1] in PARTICLES:
            continue  # a verb and its particle (above)
        if parts[-1] in PARTICLES:
            parts = parts[:-1]
        if len(parts) >= 2:
            found.setdefault(parts[0], []).append(tuple(parts[1:]))
    return {word: tuple(rests) for word, rests in found.items()}


def _followed_by(token: Token, rest: tuple[str, ...]) -> bool:
    """Whether the words after the token are ``rest``, by lemma or as written."""
    doc = token.doc
    if token.i + len(rest) >= len(doc):
        return False
    following = doc[token.i + 1 : token.i + 1 + len(rest)]
    return all(word in (t.lemma_.lower(), t.lower_) for word, t in zip(rest, following, strict=True))


def _has_particle(token: Token, particles: frozenset[str]) -> bool:
    if any(c.lower_ in particles and c.dep_ in ("prt", "prep", "advmod") for c in token.children):
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in particles


def _conditional(clause: Token) -> bool:
    """An adverbial clause that states a condition: 'if ...', 'unless ...'."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children)


def _after_phrase(noun: Token, phrases: frozenset[str]) -> bool:
    """'threat of attack', 'alternatives to a potential invasion': the noun is the object of a cue."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    owner = prep.head
    return f"{owner.lemma_.lower()} {prep.lower_}" in phrases or f"{owner.lower_} {prep.lower_}" in phrases
