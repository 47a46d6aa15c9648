"""Governed acts: an act coded at the verb that governs it, not as the act itself.

"threatened to attack Y" is a threat (138), "urged X to withdraw" an appeal (02x), "Straw said the rebels
must disarm" a demand (10x), "promised to halt the shelling" an intent to de-escalate; an act made
conditional on another's doing is an ultimatum (139). Which verb governs and how is read by the status
module (``Governor``); which code the governing act takes is the knowledge's (``complement``). Our own
patterns only: a user's verbs dictionary decides alone, as PETRARCH would.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from newsevents.coding import arguments as args
from newsevents.coding.knowledge import CodingKnowledge, Pattern
from newsevents.coding.status import ASSERTED, NEGATED, PLANNED, Governor, StatusReader
from newsevents.coding.trigger import Trigger
from newsevents.model import Actor

REQUEST_PREPS = frozenset({"on", "upon", "to"})
# force used or made ready: getting ready for it is MOBILIZE, increase military alert status
ARMED_ROOTS = frozenset({"18", "19", "20"})
READYING_CODE = "152"
# the auxiliaries of a will not to do ("will not", "would not", "won't"; "could not" is inability)
WILL_NOT = frozenset({"will", "would", "wo", "'ll", "shall"})
# Where the target of an act with no pattern of its own may stand (learned or governed acts).
OPEN_TARGET_PREPS = frozenset({"to", "with", "against", "on", "from", "for", "toward", "towards"})
# Governing acts coded even when the governed act has no pattern of its own (see _unpatterned_governed).
BARE_GOVERNING_KINDS = frozenset({"commitment", "threat", "refusal"})
CONFLICTUAL_ROOT = "14"  # roots 14-20: protest, posture, sanction, coerce, assault, fight, mass violence
SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})
EASE_PROTEST, DE_ESCALATE = "082", "087"  # what standing down from a protest or a fight is
# Material and verbal cooperation whose future form is an intent to cooperate (03): consult, support,
# cooperate, aid, yield.
COOPERATIVE_ROOTS = ("04", "08")


class GovernedActs:
    """Replaces the acts a sentence governs by their governing acts; built once with the coder."""

    def __init__(self, knowledge: CodingKnowledge, status: StatusReader, *, dictionary_mode: bool) -> None:
        self.knowledge = knowledge
        self.status = status
        self.dictionary_mode = dictionary_mode

    def acts(self, sent: Span, triggers: list[Trigger]) -> list[Trigger]:
        """The sentence's triggers, a governed act replaced by its governing act (see _split_governed)."""
        plain, governed = self._split_governed(triggers)
        if not self.dictionary_mode:
            governed += self._unpatterned_governed(sent, triggers, [g for g, _ in governed])
            governed += self._unpatterned_obligations(sent, triggers, [g for g, _ in governed])
        acts = [act for act in (self._governing_act(g, t) for g, t in governed) if act is not None]
        plain = [self._as_ultimatum(t) or t for t in plain] if not self.dictionary_mode else plain
        # "issued a threat to cut gas supplies": the governing noun says it all; its verb is no second
        # act of the same kind ("dismissed an appeal to disarm" still is a rejection)
        nouns = {a.token.i: a.pattern.code[:2] for a in acts if a.token.pos_ == "NOUN"}
        plain = [t for t in plain if not any(nouns.get(c.i) == t.pattern.code[:2] for c in t.token.children)]
        return plain + acts

    def _split_governed(
        self, triggers: list[Trigger]
    ) -> tuple[list[Trigger], list[tuple[Governor, Trigger]]]:
        """Acts governed by a threat, refusal, promise or request are coded as that act, once."""
        if self.dictionary_mode:
            return triggers, []
        governed: dict[int, tuple[Governor, Trigger]] = {}
        plain: list[Trigger] = []
        obliged: set[int] = set()
        for trigger in triggers:
            obligation = self._obligation(trigger)
            if obligation is not None:
                governor, trigger = obligation
                governed.setdefault(governor.token.i, (governor, trigger))
                obliged.add(trigger.token.i)
                continue
            governor = self.status.governor(trigger.token) or self._announced_intent(trigger)
            if governor is None:
                plain.append(trigger)
            elif governor.kind != "accusation":  # an alleged act codes nothing; the accusation does
                governed.setdefault(governor.token.i, (governor, trigger))
        # "called on X to agree to a ceasefire": the outermost act is the event; an inner governing act
        # ("agree to") is itself governed and codes nothing of its own.
        governed = {
            i: pair
            for i, pair in governed.items()
            if self.status.governor(pair[0].token) is None and pair[0].token.i not in obliged
        }
        # A governing verb's own pattern ("urge" alone is 020) gives way to the complement's finer code.
        plain = [t for t in plain if t.token.i not in governed]
        return plain, list(governed.values())

    def _unpatterned_governed(
        self, sent: Span, triggers: list[Trigger], governors: list[Governor]
    ) -> list[tuple[Governor, Trigger]]:
        """'Libya offered to hand over two nationals to Britain': a promise, threat or refusal is an act
        of its own even when what is promised has no pattern; it takes the unspecified code (030, 130,
        120) and the target of the governed clause."""
        taken = {t.token.i for t in triggers} | {g.token.i for g in governors}
        found: list[tuple[Governor, Trigger]] = []
        for verb in sent:
            if verb.dep_ != "xcomp" or verb.pos_ != "VERB" or verb.i in taken:
                continue
            governor = self.status.governor(verb)
            if governor is None or governor.kind not in BARE_GOVERNING_KINDS or governor.token.i in taken:
                continue
            taken.add(governor.token.i)
            pattern = Pattern("", verb.lemma_.lower(), "verb", OPEN_TARGET_PREPS)
            found.append((governor, Trigger(verb, pattern)))
        return found

    def _unpatterned_obligations(
        self, sent: Span, triggers: list[Trigger], governors: list[Governor]
    ) -> list[tuple[Governor, Trigger]]:
        """'Russia said Sudan must return the helicopter': what a speaker says another must do is a
        demand even when the act has no pattern; it takes the unspecified code (100, or 020 for
        "should")."""
        taken = {t.token.i for t in triggers} | {g.token.i for g in governors}
        found: list[tuple[Governor, Trigger]] = []
        for verb in sent:
            # the modal first: it is rare, and most verbs need no pattern built for them
            if verb.pos_ not in ("VERB", "AUX") or verb.i in taken or self.status.obliged(verb) is None:
                continue
            pattern = Pattern("", verb.lemma_.lower(), "verb", OPEN_TARGET_PREPS)
            obligation = self._obligation(Trigger(verb, pattern))
            if obligation is not None and obligation[0].token.i not in taken:
                taken.add(obligation[0].token.i)
                found.append(obligation)
        return found

    def _obligation(self, trigger: Trigger) -> tuple[Governor, Trigger] | None:
        """'Straw said the rebels must disarm': what a speaker says another must or should do is a
        demand or an appeal to them (10x, 02x), not the act itself; 'Iran said it must defend itself'
        is no request."""
        token = trigger.token
        if trigger.pattern.kind != "verb":
            return None
        kind = self.status.obliged(token)
        if kind is None:
            return None
        reporting = self._reporting_verb(token)
        subjects = args.verb_subjects(token)
        if reporting is not None and reporting.pos_ == "NOUN" and subjects:
            # a statement given to someone ("a reminder to Iraq that it must ...") asks it of them
            support = self._support_verb(reporting)
            recipients = args.support_targets(support, frozenset({"to"})) if support is not None else []
            subjects = recipients or subjects
        if reporting is None or not subjects or any(s.lower_ in SPEAKER_PRONOUNS for s in subjects):
            return None
        # "the court said Prakash must stay behind bars" is a ruling, no request
        courts = self.knowledge.filters.get("ruling_speakers", frozenset())
        if any(s.lemma_.lower() in courts for s in args.verb_subjects(reporting)):
            return None
        return Governor(kind, reporting), replace(trigger, target_tokens=subjects)

    def _announced_intent(self, trigger: Trigger) -> Governor | None:
        """'Palestinian leaders said they would boycott all contact with the US': an actor announcing
        its own future conflictual act threatens it (CAMEO 13x), as a vow to do it would. Only where the
        doer is the speaker ("it", "they"): "officials said Israel will withdraw" is a planned act
        reported by others, and an announced meeting or visit is a planned intent to meet (as_intent;
        docs/conventions.md)."""
        token = trigger.token
        if trigger.pattern.kind != "verb" or trigger.pattern.code[:2] < CONFLICTUAL_ROOT:
            return None
        subjects = args.verb_subjects(token)
        if len(subjects) != 1 or subjects[0].lower_ not in SPEAKER_PRONOUNS:
            return None
        reporting = self._reporting_verb(token)
        if reporting is None or self.status.verb_status(token) != PLANNED:
            return None
        return Governor("commitment", reporting)

    def _governing_act(self, governor: Governor, governed: Trigger) -> Trigger | None:
        """'threatened to attack Y' -> a threat (138) by the subject of 'threatened' against Y."""
        code = governed.pattern.code
        kind = governor.kind
        if kind == "commitment" and self._readying_force(governor.token, code):
            # "the army prepared to resume shelling": force made ready is a show of it (152), no threat
            pattern = Pattern(
                code=READYING_CODE, lemma=governor.token.lemma_.lower(), kind="verb", monadic=True
            )
            verb = governor.token
            return Trigger(
                verb, pattern, source_tokens=self._doer(verb), target_tokens=_governed_targets(governed)
            )
        if kind == "commitment" and code[:2] >= CONFLICTUAL_ROOT:
            if self._called_off(governed):
                # "agreed to postpone the demonstration", "promised to halt the shelling": a promise to
                # stand down is an intent to yield (ease dissent, de-escalate), not a threat
                code = EASE_PROTEST if code[:2] == "14" else DE_ESCALATE
            else:
                kind = "threat"  # "vowed to crush the rebels" is a threat
        complement = self.knowledge.complement(kind, code)
        if complement is None:
            return None
        verb = governor.token
        pattern = Pattern(code=complement, lemma=verb.lemma_.lower(), kind="verb", target_preps=REQUEST_PREPS)
        if kind in ("appeal", "demand"):
            targets = args.verb_targets(verb, pattern) or _governed_targets(governed)
        else:
            targets = _governed_targets(governed) or args.verb_targets(verb, pattern)
        return Trigger(verb, pattern, source_tokens=self._doer(verb), target_tokens=targets)

    def _readying_force(self, governor: Token, code: str) -> bool:
        """'prepared to resume shelling' (getting ready, a verb), not 'is prepared to attack' (willing)."""
        readying = self.knowledge.filters.get("readying_verbs", frozenset())
        return (
            code[:2] in ARMED_ROOTS
            and governor.pos_ == "VERB"
            and governor.dep_ not in ("acomp", "amod")
            and governor.lemma_.lower() in readying
            and not any(c.dep_ == "auxpass" for c in governor.children)
        )

    def _doer(self, governor: Token) -> list[Token]:
        """The governing verb's subject; a governing noun's owner or the subject of its support verb
        ("a Russian threat to attack", "Iran's offer to talk", "issued a demand that ...")."""
        if governor.pos_ != "NOUN":
            return args.verb_subjects(governor)
        owners = args.noun_sources(governor)
        if owners:
            return owners
        verb = self._support_verb(governor)
        return args.verb_subjects(verb) if verb is not None else []

    def _support_verb(self, noun: Token) -> Token | None:
        return args.support_verb(noun, self.knowledge.filters.get("support_verbs", frozenset()))

    def _called_off(self, trigger: Trigger) -> bool:
        return self.status.act_status(trigger.token, verb=trigger.pattern.kind == "verb") == NEGATED

    def _as_ultimatum(self, trigger: Trigger) -> Trigger | None:
        """'Nigeria will withdraw its troops unless Chad agrees to a ceasefire': an act made conditional
        on another's doing is an ultimatum to that other (139), given now."""
        token = trigger.token
        if trigger.pattern.kind != "verb":
            return None
        for clause in token.children:
            if clause.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ == "unless" for c in clause.children
            ):
                pattern = Pattern("139", token.lemma_.lower(), "verb", OPEN_TARGET_PREPS)
                return Trigger(token, pattern, target_tokens=args.verb_subjects(clause), status=ASSERTED)
        return None

    def as_intent(self, pattern: Pattern, status: str) -> Pattern:
        """'Scholz will visit Beijing': a cooperative act still ahead is an intent to cooperate, CAMEO
        03x and PLOVER AGREE, as both ontologies code it; its status stays `planned`. Conflictual plans
        keep their own type (only a vow or an announcement by the doer makes a threat)."""
        first, last = COOPERATIVE_ROOTS
        if status != PLANNED or self.dictionary_mode or not first <= pattern.code[:2] <= last:
            return pattern
        intent = self.knowledge.complement("commitment", pattern.code)
        return replace(pattern, code=intent, mode=None) if intent else pattern

    def as_refusal(self, token: Token, pattern: Pattern, status: str) -> tuple[Pattern, str]:
        """'Syria says it will not accept more refugees': a cooperative act its doer says it will not
        do is a refusal, CAMEO 12x and PLOVER REJECT, asserted (as "refused to accept" is). A past
        negation ("did not accept") stays the negated act, and a conflictual one ("will not attack")
        is no refusal."""
        first, last = COOPERATIVE_ROOTS
        if status != NEGATED or self.dictionary_mode or not first <= pattern.code[:2] <= last:
            return pattern, status
        if not any(c.dep_ == "aux" and c.lower_ in WILL_NOT for c in token.children):
            return pattern, status
        refusal = self.knowledge.complement("refusal", pattern.code)
        return (replace(pattern, code=refusal, mode=None), ASSERTED) if refusal else (pattern, status)

    def speaker_for_pronoun(
        self, verb: Token, subjects: list[Token], actors_of: Callable[[list[Token]], list[Actor]]
    ) -> list[Token]:
        """'Hungary said it will support ...': a pronoun subject of what is said is the one who says it.

        ``actors_of`` gives the actors argument tokens stand for (the coder's reading).
        """
        if len(subjects) != 1 or subjects[0].lower_ not in SPEAKER_PRONOUNS or actors_of(subjects):
            return subjects
        reporting = self._reporting_verb(verb)
        if reporting is None:
            return subjects
        speakers = args.verb_subjects(reporting)
        return speakers if actors_of(speakers) else subjects

    def _reporting_verb(self, verb: Token) -> Token | None:
        """The verb of saying whose reported clause the verb stands in ("said it would withdraw")."""
        clause = verb
        while clause.dep_ in ("xcomp", "conj", "acomp") and clause.head != clause:
            clause = clause.head  # "said it is willing to withdraw": through the copula
        if clause.dep_ == "ccomp" and self.status.is_reporting(clause.head):
            return clause.head
        head = clause.head  # "issued a stern reminder to Iraq that it must cooperate": a statement noun
        if (
            clause.dep_ in ("acl", "ccomp")
            and head.pos_ == "NOUN"
            and head.lemma_.lower() in self.knowledge.filters.get("statement_nouns", frozenset())
        ):
            return head
        return None


def _governed_targets(trigger: Trigger) -> list[Token]:
    if trigger.target_tokens is not None:
        return trigger.target_tokens
    if trigger.pattern.kind == "verb":
        return args.verb_targets(trigger.token, trigger.pattern)
    return args.noun_targets(trigger.token, trigger.pattern)
