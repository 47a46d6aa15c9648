"""Predicates to events: triggers matched on the parse, arguments, status, codes and confidence.

For each sentence: every verb or event noun whose lemma has a pattern in ``coding/predicates.yaml`` is a
trigger; the most specific pattern whose constraints hold (object, preposition, particle) gives the CAMEO
code; the parse gives source and target tokens, which the actor resolver turns into actors; the status
module gives the status; an act governed by a threat, promise, refusal or request is coded at its
governing verb (``governed.py``). An event needs a source and a target with a known country (a dyad),
except for patterns marked monadic (protests, mobilisation), acts on a place (its country is the target)
and violence by an unnamed doer (no source). Where no pattern yields an event, an optional learned typer
(``classifier.py``) may name the sentence's type; who the parties are is then settled in ``parties.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from spacy.tokens import Span, Token

from newsevents.actors.kb import OFFICIAL_SECTORS
from newsevents.actors.resolve import ActorResolver, ArticleActors
from newsevents.coding import arguments as args
from newsevents.coding import parties
from newsevents.coding.governed import OPEN_TARGET_PREPS, GovernedActs
from newsevents.coding.knowledge import CodingKnowledge, Pattern
from newsevents.coding.status import ASSERTED, HYPOTHETICAL, StatusReader
from newsevents.coding.trigger import Trigger, constraints_hold, phrases_at
from newsevents.model import Actor, Article, Event, Location
from newsevents.nlp import Sentence

if TYPE_CHECKING:
    from newsevents.coding.classifier import Prediction

Locate = Callable[[Span, Token, str | None], Location | None]  # sentence, trigger, country hint
# Sentences in, their most likely PLOVER types out (see coding/classifier.py).
Typer = Callable[[list[str]], list["Prediction"]]


class VerbMatcher(Protocol):
    """Another source of verb patterns, e.g. a TABARI/PETRARCH ``.verbs`` dictionary a user loads."""

    def match(self, verb: Token) -> Trigger | None: ...


# Sectors that make a sentence political even when it also talks about sport or weather.
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "REB", "INS", "IGO", "COP", "OPP", "LEG", "JUD", "SPY"})
INNER_PREPS = frozenset({"to", "with", "against", "on", "from", "for"})  # not "in": a place, no party
BETWEEN = frozenset({"between", "among"})
NO_PLACE = "no place is tied to the event in its sentence and the article has no dateline"
VERBAL = (1, 3)  # QuadClasses of verbal cooperation and verbal conflict
ARMED_TYPES = frozenset({"ASSAULT", "MOBILIZE"})  # "The United States carried out air strikes": its military
# Events among the people of one place: actors of no stated country there are the place's.
PLACED_TYPES = frozenset({"PROTEST", "COERCE", "ASSAULT", "MOBILIZE"})
# The learned typer: which clauses may hold the main act of a sentence, and its label for no event.
MAIN_ACT_DEPS = frozenset({"ccomp", "xcomp", "conj", "advcl", "parataxis"})
NO_TYPE = "NONE"
# Prepositions that name the means of a violent act whose doer is unnamed ("killed in a car bombing").
MEANS_PREPS = frozenset({"in", "by", "during", "with", "from"})
# Acts done to a place are done to its country: "shelled Kharkiv" targets Ukraine (sector open).
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE"})
# and a visit to a place is a visit to its country: "Saddam Hussein arrived in Amman on a visit" (042).
PLACE_TARGET_CODES = frozenset({"042"})
PEACEKEEPING, DEPLOYMENT = "074", "154"  # forces sent to keep the peace, or any others
INVESTIGATION_ROOT = "09"
CONTAINED_ACT_PENALTY = 0.2  # an act inside another coded act ranks below it
RECIPROCAL: list[Actor] = []  # a marker: the coordinated sources act on each other
# Acts that coordinated doers with no target do to each other ("Japan and Australia signed a pact",
# "Israel and Hamas exchanged fire"); "France and Germany condemned ..." is no condemnation of each other.
RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE", "SUPPORT", "ASSAULT"})
# How an actor known by no name of its own was read: by an adjective, as a bare country, or as the
# owner of a phrase we cannot read ("Pakistan's cricket team").
UNNAMED_HOWS = ("modifier", "country", "owner")


class Coder:
    """Codes the sentences of a parsed article; built once per process."""

    def __init__(
        self,
        knowledge: CodingKnowledge,
        resolver: ActorResolver,
        matchers: Sequence[VerbMatcher] = (),
        *,
        dictionary_mode: bool = False,
        typer: Typer | None = None,
        typer_threshold: float = 0.85,
    ) -> None:
        self.knowledge = knowledge
        self.resolver = resolver
        self.matchers = list(matchers)
        # A user's verbs dictionary decides alone what is coded and how, as PETRARCH would: its patterns
        # find their own arguments, carry their own negation and intent, and its codes for a bare
        # country ("USA") are the user's to choose. Our own patterns read status and arguments themselves,
        # and take a country named as the speaker of a verbal act ("The US expressed concern") as its
        # government.
        self.dictionary_mode = dictionary_mode
        self.status = StatusReader(knowledge.cues)
        self.governed = GovernedActs(knowledge, self.status, dictionary_mode=dictionary_mode)
        # Where no pattern fires, a learned typer may name the type (never over a user's dictionary).
        self.typer = None if dictionary_mode else typer
        self.typer_threshold = typer_threshold

    def code(
        self,
        article: Article,
        sentences: list[Sentence],
        found: ArticleActors,
        locate: Locate | None = None,
    ) -> list[Event]:
        by_sentence: list[list[Event]] = []
        pending: list[tuple[int, Sentence, list[Trigger], tuple[Token, list[Token]] | None]] = []
        for sentence in sentences:
            if self._off_topic(sentence.span, found):
                continue
            acts = self._acts(sentence.span)
            coded = [(act.token, self._events_of(act, sentence, article, found, locate)) for act in acts]
            found_here = _contained_acts_ranked_lower(coded, self._support_verb)
            if not found_here and self.typer is not None:
                main = self._main_act(sentence.span, found)
                if acts or main is not None:  # else no reading of the type could yield an event
                    pending.append((len(by_sentence), sentence, acts, main))
            by_sentence.append(found_here)
        if pending and self.typer is not None:  # one batch an article: the encoder is faster in batches
            predictions = self.typer([sentence.text for _, sentence, _, _ in pending])
            for (index, sentence, acts, main), prediction in zip(pending, predictions, strict=True):
                by_sentence[index] = self._learned_events(
                    prediction, acts, main, sentence, article, found, locate
                )
        return [event for events in by_sentence for event in events]

    def _support_verb(self, noun: Token) -> Token | None:
        support = None if self.dictionary_mode else self.knowledge.filters.get("support_verbs", frozenset())
        return args.support_verb(noun, support)

    def _acts(self, sent: Span) -> list[Trigger]:
        """The sentence's triggers, a governed act replaced by its governing act (see governed.py)."""
        return self.governed.acts(sent, self.triggers(sent))

    def _learned_events(
        self,
        prediction: Prediction,
        acts: list[Trigger],
        main: tuple[Token, list[Token]] | None,
        sentence: Sentence,
        article: Article,
        found: ArticleActors,
        locate: Locate | None,
    ) -> list[Event]:
        """No pattern gave an event. The typer names the sentence's type; a pattern of that type whose
        target the sentence does not name may then stand alone (two readings agree), else the main act
        is coded with the type if the typer is sure enough. The parse still gives actors, status, place."""
        if prediction.type == NO_TYPE or not prediction.cameo:
            return []
        agreeing = [a for a in acts if self.knowledge.info(a.pattern.code).plover_type == prediction.type]
        triggers = [replace(a, pattern=replace(a.pattern, monadic=True)) for a in agreeing]
        events = [e for t in triggers for e in self._events_of(t, sentence, article, found, locate)]
        no_event = self.knowledge.filters.get("no_event_verbs", frozenset())
        sure = prediction.probability >= self.typer_threshold
        if not events and main is not None and sure and main[0].lemma_.lower() not in no_event:
            verb, subjects = main
            pattern = Pattern(prediction.cameo, verb.lemma_, "verb", OPEN_TARGET_PREPS, monadic=True)
            trigger = Trigger(verb, pattern, source_tokens=subjects)
            events = self._events_of(trigger, sentence, article, found, locate)
            agreeing = []
        for event in events:
            event.confidence = round(min(event.confidence, prediction.probability), 2)
            event.extra["learned"] = {
                "probability": round(prediction.probability, 3),
                "example": prediction.example,
                "agrees_with_pattern": bool(agreeing),
            }
        return events

    def _main_act(self, sent: Span, found: ArticleActors) -> tuple[Token, list[Token]] | None:
        """The first verb, from the root down, whose subject is an actor, with that subject; a verb of
        saying defers to what is said ("X said it would withdraw" is about withdrawing, and "it" is X)."""
        queue = [sent.root]
        while queue:
            verb = queue.pop(0)
            clauses = [c for c in verb.children if c.dep_ in MAIN_ACT_DEPS and c.pos_ in ("VERB", "AUX")]
            reporting = self.status.is_reporting(verb) and any(c.dep_ == "ccomp" for c in clauses)
            if verb.pos_ in ("VERB", "AUX") and not reporting:
                subjects = self._speaker_for_pronoun(verb, args.verb_subjects(verb), found)
                if self._actors(subjects, found):
                    return verb, subjects
            queue.extend(sorted(clauses, key=lambda c: c.dep_ != "ccomp"))
        return None

    def _speaker_for_pronoun(self, verb: Token, subjects: list[Token], found: ArticleActors) -> list[Token]:
        """'Hungary said it will support ...': the speaker, by the actors as we read them."""
        return self.governed.speaker_for_pronoun(verb, subjects, lambda tokens: self._actors(tokens, found))

    # -- triggers ---------------------------------------------------------------------------------
    def triggers(self, sent: Span) -> list[Trigger]:
        if self.dictionary_mode:
            return [t for token in sent if _verbal(token) for t in self._matched_all(token)]
        found: list[Trigger] = []
        consumed: set[int] = set()
        for token in sent:
            if _verbal(token):
                matched = self._matched(token)
                if matched is not None:
                    found.append(matched)
                    continue
                pattern = self._verb_pattern(token)
                if pattern is not None:
                    found.append(Trigger(token, pattern))
                    if pattern.objects:
                        consumed.update(c.i for c in token.children if set(phrases_at(c)) & pattern.objects)
        for token in sent:
            if token.pos_ == "NOUN" and token.i not in consumed:
                pattern = self._noun_pattern(token)
                if pattern is not None:
                    found.append(Trigger(token, pattern))
        return self._without_restatements(found)

    def _without_restatements(self, triggers: list[Trigger]) -> list[Trigger]:
        """'met his counterpart to discuss the bid' is one meeting: a purpose clause of the same type as
        the clause it serves restates that event."""
        types = {t.token.i: self.knowledge.info(t.pattern.code).plover_type for t in triggers}
        kept = []
        for trigger in triggers:
            token, own = trigger.token, types[trigger.token.i]
            restated = False
            for _ in range(3):
                if token.dep_ not in ("advcl", "xcomp") or token.head == token:
                    break
                token = token.head
                if types.get(token.i) == own:
                    restated = True
                    break
            if not restated:
                kept.append(trigger)
        return kept

    def _matched(self, verb: Token) -> Trigger | None:
        """User dictionaries come first: a researcher's own codings win over ours."""
        for matcher in self.matchers:
            trigger = matcher.match(verb)
            if trigger is not None:
                return trigger
        return None

    def _matched_all(self, verb: Token) -> list[Trigger]:
        """Every event a dictionary pattern codes at this verb (PETRARCH-1 pairs give two)."""
        for matcher in self.matchers:
            triggers = matcher.match_all(verb) if hasattr(matcher, "match_all") else [matcher.match(verb)]
            found = [t for t in triggers if t is not None]
            if found:
                return found
        return []

    def _verb_pattern(self, verb: Token) -> Pattern | None:
        candidates = [p for phrase in phrases_at(verb) for p in self.knowledge.verbs.get(phrase, ())]
        for pattern in sorted(candidates, key=lambda p: -p.specificity):
            if constraints_hold(verb, pattern):
                return pattern
        return None

    def _noun_pattern(self, noun: Token) -> Pattern | None:
        candidates = [p for phrase in phrases_at(noun) for p in self.knowledge.nouns.get(phrase, ())]
        for pattern in sorted(candidates, key=lambda p: -p.specificity):
            if constraints_hold(noun, pattern):
                return pattern
        return None

    def _off_topic(self, sent: Span, found: ArticleActors) -> bool:
        """Sport results, weather, entertainment: no political interaction unless officials act."""
        contexts = self.knowledge.filters.get("no_event_contexts", frozenset())
        if not any(token.lemma_.lower() in contexts for token in sent):
            return False
        for token in sent:
            mention = found.by_token.get(token.i)
            if mention is not None and mention.entry is not None:
                _, sector = mention.entry.at(found.day)
                if sector in POLITICAL_SECTORS or mention.entry.kind == "organisation":
                    return False
            if mention is not None and mention.title_sector in POLITICAL_SECTORS:
                return False
            if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
                actor = self.resolver.actor_of(token, found)  # "the Indian government", "police"
                if actor is not None and actor.sector in POLITICAL_SECTORS:
                    return False
        return True

    # -- events -----------------------------------------------------------------------------------
    def _events_of(
        self,
        trigger: Trigger,
        sentence: Sentence,
        article: Article,
        found: ArticleActors,
        locate: Locate | None,
    ) -> list[Event]:
        token, pattern = trigger.token, trigger.pattern
        is_verb = pattern.kind == "verb"
        if self.dictionary_mode:
            status = ASSERTED  # the dictionary's patterns carry negation and intent themselves
        else:
            status = trigger.status or self.status.act_status(token, verb=is_verb)
        sources, targets, fallback = self._arguments(trigger, sentence.span, found)
        pattern = self.governed.as_intent(pattern, status)
        if is_verb and pattern.code in PLACE_TARGET_CODES and not self.dictionary_mode:
            pattern = self._deployment(token, pattern)
        if is_verb:
            pattern, status = self.governed.as_refusal(token, pattern, status)
        reciprocal = targets is RECIPROCAL
        # A dyadic act needs its target. (Letting a verb with an actor subject stand alone, "Bouteflicka
        # threatened to impose a curfew", found more of PLOVER's gold but cost more in precision and
        # false events on our own behavioural set than it gained: measured, and left out.)
        needs_target = not pattern.monadic and (self.dictionary_mode or not is_verb)
        info = self.knowledge.info(pattern.code)
        place_targeted = info.plover_type in PLACE_TARGET_TYPES or pattern.code in PLACE_TARGET_CODES
        # "A missionary was arrested in Lebanon", "was put under investigation in Italy": coercion or
        # an investigation by no one named is the place's authorities'.
        by_authorities = (
            not sources
            and targets
            and is_verb
            and args.is_passive(token)
            and (info.plover_type == "COERCE" or pattern.code[:2] == INVESTIGATION_ROOT)
            and not self.dictionary_mode
        )
        # "Three civilians were killed in a car bombing": violence by an unidentified perpetrator is
        # still an event (source null), as conflict data records it; its victims are named.
        unattributed = (
            not sources
            and bool(targets)
            and is_verb
            and info.plover_type == "ASSAULT"
            and not self.dictionary_mode
            and (
                self._by_unnamed_means(token)
                or pattern.code in self.knowledge.filters.get("unattributed_codes", frozenset())
            )
        )
        if (not sources and not by_authorities and not unattributed) or (
            not targets and not reciprocal and needs_target and not place_targeted
        ):
            return []
        known = [a.country for a in (targets if not reciprocal else []) + sources if a.country]
        location = locate(sentence.span, token, known[0] if known else None) if locate else None
        if by_authorities:
            sources = parties.authorities_of(location)
        if not self.dictionary_mode:
            sources = self._of_the_one_country(sources, sentence.span, found)
        # "Thousands of people protested in Tel Aviv": people of no stated country are the place's, for
        # the events that happen among the people of one place (not a visit to the place).
        setting = location if info.plover_type in PLACED_TYPES else None
        if setting is not None and not reciprocal and not self.dictionary_mode:
            # "Israeli air strikes killed 20 people in Gaza": the victims are the place's people before
            # they are the attacker's
            targets = parties.placed(targets, setting, keep_unplaced=True, victims=True)
        if not reciprocal:
            # a dictionary's own codes ("---JUD") are the user's: no country is added by sector there
            sources, targets = parties.domestic(sources, targets, by_sector=not self.dictionary_mode)
        keep = self.dictionary_mode  # a dictionary may code an actor of no country ("---GOV")
        # "Opposition leaders agreed to postpone the rally in Baku": with no counterpart to take a
        # country from, an unplaced opposition, court or union is of the place it acts in
        sources = parties.placed(sources, setting or (location if not targets else None), keep_unplaced=keep)
        # the victims of violence by no one named are all the event has: kept, placed or not
        keep_victims = keep or (unattributed and not sources)
        targets = targets if reciprocal else parties.placed(targets, setting, keep_unplaced=keep_victims)
        if not targets and not reciprocal and place_targeted:
            targets = parties.place_as_target(location, sources)  # "tanks fired at targets in Jericho"
        if not reciprocal and not self.dictionary_mode:
            # "Croatia is investigating Croatian extremists": a target we cannot tell from the doer
            # says nothing more; the act stands as the doer's
            targets = [t for t in targets if not any(parties.same_actor(s, t) for s in sources)]
        if unattributed and not sources and not targets:
            return []  # the victims were of no country we could place: nothing is left to code
        if not targets and not reciprocal and not pattern.monadic:
            # a dyadic act whose target goes unnamed ("Akayev agreed to resign"), as PLOVER codes it,
            # but only by a doer known for itself, and only an act said to be done, refused or planned
            sources = [s for s in sources if parties.identified(s)] if status != HYPOTHETICAL else []
        if (not sources and not unattributed) or (not targets and not reciprocal and needs_target):
            return []
        doers: list[Actor | None] = list(sources) or [None]
        pairs = (
            parties.reciprocal(sources) if reciprocal else [(s, t) for s in doers for t in targets or [None]]
        )
        if not self.dictionary_mode and self.knowledge.quad(pattern.code) in VERBAL:
            pairs = [
                (parties.as_government(s), parties.as_government(t) if t else None) for s, t in pairs if s
            ]
        elif not self.dictionary_mode and info.plover_type in ARMED_TYPES:
            pairs = [(parties.as_sector(s, "MIL") if s else None, t) for s, t in pairs]
        events = []
        for source, target in pairs:
            if source is not None and target is not None and parties.same_actor(source, target):
                continue
            events.append(
                Event(
                    article_id=article.id,
                    sentence=sentence.text,
                    span=(sentence.start, sentence.end),
                    plover_type=info.plover_type,
                    plover_mode=pattern.mode or info.plover_mode,
                    cameo_code=pattern.code,
                    quad_class=self.knowledge.quad(pattern.code),
                    goldstein=info.goldstein,
                    status=status,
                    date=event_date(sentence.span, article.published),
                    source=source,
                    target=target,
                    location=location,
                    extra={} if location else {"location": NO_PLACE},
                    confidence=round(_confidence(pattern, fallback, source, target) - _background(token), 2),
                    trigger=token.text,
                    trigger_span=(token.idx, token.idx + len(token.text)),
                )
            )
        return events

    def _of_the_one_country(self, actors: list[Actor], sent: Span, found: ArticleActors) -> list[Actor]:
        """'Vice-President Moody Awori declined to resign despite pressure by the Kenya Anti-Corruption
        Commission': an official we know only by title is of the one country the sentence names."""
        if all(a.country or a.name or a.sector not in OFFICIAL_SECTORS for a in actors):
            return actors
        in_sentence = (found.by_token.get(i) for i in range(sent.start, sent.end))
        mentions = {id(m): m for m in in_sentence if m is not None}.values()
        # a country named as a place ("near the border with Russia") says nothing of who serves whom
        named = [m for m in mentions if not _as_place(sent.doc[m.start : m.end].root)]
        countries = {m.country or (m.entry.at(found.day)[0] if m.entry else None) for m in named}
        countries.discard(None)
        if len(countries) != 1:
            return actors
        country = countries.pop()
        return [
            replace(a, country=country, code=None, how="sentence")
            if not a.country and not a.name and a.sector in OFFICIAL_SECTORS
            else a
            for a in actors
        ]

    def _deployment(self, verb: Token, pattern: Pattern) -> Pattern:
        """'NATO peacekeeping troops arrived in Bosnia': armed forces that arrive or travel somewhere are
        deployed there (074 peacekeeping, else 154 MOBILIZE), they pay no visit."""
        forces = self.knowledge.filters.get("deployed_forces", frozenset())
        subjects = args.verb_subjects(verb)
        if not any(s.lemma_.lower() in forces for s in subjects):
            return pattern
        words = {t.lemma_.lower() for s in subjects for t in s.subtree}
        peacekeeping = words & self.knowledge.filters.get("peacekeeping_words", frozenset())
        return replace(pattern, code=PEACEKEEPING if peacekeeping else DEPLOYMENT, mode=None, monadic=True)

    def _by_unnamed_means(self, verb: Token) -> bool:
        """'were killed' (no agent), 'a car bomb killed', 'killed by an explosive device': a violent act
        whose doer the sentence leaves out or names only by the weapon; not 'an earthquake struck'."""
        means = self.knowledge.filters.get("violent_means", frozenset())

        def is_means(token: Token) -> bool:
            return token.lemma_.lower() in means or token.lower_ in means

        doers = args.verb_subjects(verb)
        if doers:
            return all(is_means(d) for d in doers)
        # a passive with no doer must still name the means ("killed in a car bombing"): "journalists
        # are killed for their work" and "his children were injured" say too little to code
        return args.is_passive(verb) and any(is_means(t) for t in args.prep_objects(verb, MEANS_PREPS))

    def _arguments(
        self, trigger: Trigger, sent: Span, found: ArticleActors
    ) -> tuple[list[Actor], list[Actor], bool]:
        token, pattern = trigger.token, trigger.pattern
        if pattern.kind == "verb":
            source_tokens = self._speaker_for_pronoun(token, args.verb_subjects(token), found)
            target_tokens = args.verb_targets(token, pattern)
        else:
            verb = self._support_verb(token)
            source_tokens = args.noun_sources(token, pattern)
            if verb is not None and not self._actors(source_tokens, found):  # "staged mass rallies"
                source_tokens = args.verb_subjects(verb)
            target_tokens = args.noun_targets(token, pattern)
            if verb is not None and not target_tokens:
                target_tokens = args.support_targets(verb, pattern.target_preps or SUPPORT_TARGET_PREPS)
        if trigger.source_tokens is not None:
            source_tokens = self._speaker_for_pronoun(token, trigger.source_tokens, found)
        if trigger.target_tokens is not None:
            target_tokens = trigger.target_tokens
        sources = self._actors(source_tokens, found)
        if not sources and pattern.kind == "verb" and not self.dictionary_mode:
            # "US drone strikes killed eight militants": an act whose subject is another act is done
            # by that act's doer
            acts = [t for t in source_tokens if t.pos_ == "NOUN" and self._noun_pattern(t) is not None]
            sources = self._actors([s for t in acts for s in args.noun_sources(t)], found)
        # PETRARCH: the first actor named in the subject (a passive's "by its resumption of ties with X"
        # names the means, not the doer)
        if self.dictionary_mode and not sources and not _passive_like(token):
            sources = self._actors(self._first_named(source_tokens, found, token), found)
        targets = [t for t in self._actors(target_tokens, found) if t not in sources]
        fallback = False
        if pattern.kind == "noun" and not sources:  # "talks between Israel and Hamas"
            between = self._actors(list(args.prep_objects(token, BETWEEN)), found)
            if len(between) > 1:
                return between, RECIPROCAL, False
        plover_type = self.knowledge.info(pattern.code).plover_type
        # "Syrian and Russian jets bombed rebel positions" is no fight between them: force with an
        # object of its own is done together, not to each other ("clashed", "exchanged fire" are)
        # an offensive, a raid or an attack named by a noun is launched together ("the offensive by
        # Syrian, Iranian and Russian forces"); only a clash, a battle or a war is fought in turn
        mutual_nouns = self.knowledge.filters.get("mutual_nouns", frozenset())
        aimed = plover_type == "ASSAULT" and (
            any(c.dep_ == "dobj" for c in token.children)
            or (pattern.kind == "noun" and token.lemma_.lower() not in mutual_nouns)
        )
        symmetric = (
            self.dictionary_mode
            or (plover_type in RECIPROCAL_TYPES and not aimed)
            or _each_other(token, self.knowledge.filters.get("mutual_verbs", frozenset()))
        )
        placeless = not any(t.country or t.name for t in targets)  # "traded artillery fire": no party
        if len(sources) > 1 and placeless and not pattern.monadic and symmetric:
            return sources, RECIPROCAL, False  # "Japan and Australia signed an agreement"
        # A verb with no target in the parse may take the nearest other actor of the sentence ("expressed
        # concerns about ... to achieve Israel's objectives"); an event noun may not: nouns name events
        # in passing ("hostilities", "an offensive") far more often than they state them.
        fallback_allowed = pattern.kind == "verb" and not pattern.monadic and not self.dictionary_mode
        if sources and fallback_allowed and not any(t.country for t in targets):
            in_subject = {t.i for head in source_tokens for t in head.subtree}  # "rebels backed by Turkey"
            other = self._other_actor(sent, token, sources, found, in_subject)
            if other:
                targets, fallback = other, True
        return sources, targets, fallback

    def _first_named(self, tokens: list[Token], found: ArticleActors, trigger: Token) -> list[Token]:
        """'A report released in the Rwandan capital': the first actor mentioned inside the phrases
        (clauses included, the trigger's own aside), as PETRARCH reads a subject that names no one."""
        inside = [t for head in tokens for t in head.subtree]
        own = {t.i for t in trigger.subtree} if trigger in inside else set()  # "an agreement forced by X"
        for token in sorted(inside, key=lambda t: t.i):
            if token.i in found.by_token and token not in tokens and token.i not in own:
                return [token.head if token.dep_ in ("amod", "compound", "poss") else token]
        return []

    def _actors(self, tokens: list[Token], found: ArticleActors) -> list[Actor]:
        """The actors of argument tokens; one per country, the one that says more about it kept."""
        actors = self._argument_actors(tokens, found)
        specific = {a.country for a in actors if a.country and a.sector}
        actors = [a for a in actors if a.sector or a.country not in specific]
        if self.dictionary_mode:  # "activists of Gonzo GMO": GONGMOOPP says more than GONGMO
            codes = [a.code or "" for a in actors]
            actors = [a for a in actors if not any(parties.says_more(c, a.code or "") for c in codes)]
        named = {a.code for a in actors if a.name and a.how not in UNNAMED_HOWS}
        # "her French counterpart, Jean-Noel Barrot": one actor, the named one
        unique: list[Actor] = []
        for actor in actors:
            if actor.code in named and (not actor.name or actor.how in UNNAMED_HOWS):
                continue
            if all(actor.code != other.code or actor.name != other.name for other in unique):
                unique.append(actor)
        return unique

    def _argument_actors(self, tokens: list[Token], found: ArticleActors) -> list[Actor]:
        actors: list[Actor] = []
        for token in tokens:
            for member in _name_conjuncts(token, found):
                if member.dep_ in ("amod", "compound") and member.i not in found.by_token:
                    continue  # "a military operation": a sector word on the event noun is no actor
                split = self.resolver.coordinated(member, found)
                if split:
                    actors.extend(a for a in split if a not in actors)
                    break  # the split covered the coordinated members too
                actor = self.resolver.actor_of(member, found)
                inner = [] if actor is not None and actor.country else self._inner_actors(member, found)
                shared = self._shared_head(member, actor, found) if actor is not None else []
                for candidate in inner or [
                    actor,
                    *shared,
                ]:  # "its ambassador to Argentina", "trips to Spain and Portugal"
                    if (
                        candidate is not None
                        and (candidate.country or candidate.sector)
                        and candidate not in actors
                    ):
                        actors.append(candidate)
        return actors

    def _shared_head(self, head: Token, actor: Actor, found: ArticleActors) -> list[Actor]:
        """'The leaders of Armenia and Azerbaijan': one head noun, an actor for each country after it."""
        if actor.name is not None and actor.how not in (*UNNAMED_HOWS, None):
            return []  # a named person or body is one actor
        owners = [pobj for pobj in args.prep_objects(head, frozenset({"of", "from"}))]
        others = []
        for owner in owners:
            for member in args.with_conjuncts(owner)[1:]:
                other = self.resolver.actor_of(member, found)
                if other is not None and other.country and other.country != actor.country:
                    others.append(replace(actor, country=other.country, name=other.name, code=None))
        return others

    def _inner_actors(self, token: Token, found: ArticleActors, depth: int = 0) -> list[Actor]:
        """An event noun as argument stands for its participants: 'cancelled the visit to Washington'."""
        if depth > 1 or token.pos_ != "NOUN":
            return []
        for inner in args.prep_objects(token, INNER_PREPS):
            members = [self.resolver.actor_of(m, found) for m in args.with_conjuncts(inner)]
            actors = [a for a in members if a is not None]
            if actors:
                return actors
            deeper = self._inner_actors(inner, found, depth + 1)
            if deeper:
                return deeper
        for source in args.noun_sources(token):
            actor = self.resolver.actor_of(source, found)
            if actor is not None:
                return [actor]
        return []

    def _other_actor(
        self, sent: Span, trigger: Token, sources: list[Actor], found: ArticleActors, in_subject: set[int]
    ) -> list[Actor]:
        """No target in the parse: the nearest actor of another country in the trigger's own clause.

        The clause is the trigger's, widened through the clauses it completes ("was set to discuss ...,
        after disagreements between Netanyahu and Biden"); an actor in another clause ("with barely a
        word of protest from America") is no party to the act.
        """
        countries = {s.country for s in sources}
        best: tuple[int, Actor] | None = None
        seen: set[int] = set()
        clause = _clause_tokens(trigger)
        for token in sent:
            if token.i not in clause or token.i in in_subject:
                continue
            mention = found.by_token.get(token.i)
            if mention is None or id(mention) in seen:
                continue
            seen.add(id(mention))
            head = sent.doc[mention.start : mention.end].root
            actor = self.resolver.actor_of(head, found)
            if actor is None or not actor.country or actor.country in countries:
                continue
            distance = abs(head.i - trigger.i)
            if best is None or distance < best[0]:
                best = (distance, actor)
        return [best[1]] if best else []


PLACE_PREPS = frozenset({"in", "at", "near", "with", "to", "from", "into", "across", "along", "on", "inside"})


def _as_place(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS


def _passive_like(token: Token) -> bool:
    """A passive, or a participle clause of one ("Rebuked by Eriador, Osgiliath ...")."""
    bare_participle = token.tag_ == "VBN" and not any(c.dep_ == "aux" for c in token.children)
    return args.is_passive(token) or bare_participle


def _verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.tag_.startswith("VB"))


def _clause_tokens(trigger: Token) -> set[int]:
    head = trigger
    for _ in range(3):
        if head.dep_ not in ("xcomp", "advcl", "conj", "pcomp") or head.head == head:
            break
        if head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children):
            break  # "one day after a jet shot down a helicopter": a clause of its own event
        head = head.head if head.head.dep_ != "prep" else head.head.head
    return {token.i for token in head.subtree}


def _each_other(trigger: Token, mutual_verbs: frozenset[str]) -> bool:
    """'accused each other', 'swapped prisoners', 'traded accusations': the doers act on each other,
    whatever the act."""
    if trigger.lemma_.lower() in mutual_verbs or (
        trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in mutual_verbs
    ):
        return True
    return any(
        (t.lower_ in ("other", "another") and any(c.lower_ in ("each", "one") for c in t.children))
        or (t.lower_ == "another" and t.i > 0 and t.nbor(-1).lower_ == "one")
        for t in trigger.subtree
    )


def _name_conjuncts(token: Token, found: ArticleActors) -> list[Token]:
    """The token and the names coordinated with it, also where the parse hung the coordination on
    another word of the same name ("Barack Obama and Vladimir Putin" parsed with "Barack" as subject
    and "Putin" joined to "Obama")."""
    members = args.with_conjuncts(token)
    mention = found.by_token.get(token.i)
    if mention is None or mention.end - mention.start < 2:
        return members
    for word in token.doc[mention.start : mention.end]:
        if word != token:
            members += [m for m in args.with_conjuncts(word)[1:] if m not in members]
    return members


def _confidence(pattern: Pattern, fallback: bool, source: Actor | None, target: Actor | None) -> float:
    score = 0.6 + 0.1 * min(pattern.specificity, 2)
    if fallback:
        score -= 0.2
    if target is None and not pattern.monadic:
        score -= 0.25  # a dyadic act whose target the sentence does not name
    if source is None:
        score -= 0.2  # the doer is not named
    elif source.sector is None:
        score -= 0.05
    if target is not None and target.sector is None:
        score -= 0.05
    return round(max(0.05, min(score, 0.95)), 2)


SUPPORT_TARGET_PREPS = frozenset({"to"})
BACKGROUND_DEPS = frozenset({"advcl", "relcl", "acl", "pcomp"})


def _background(trigger: Token) -> float:
    """Less confidence for an act told in passing: in an adverbial or relative clause ("one day after a
    jet shot down a helicopter"), or named by a noun inside another act ("denounced Serbia's
    suppression"); the sentence's main act comes first."""
    levels = 0 if trigger.pos_ in ("VERB", "AUX") else 1
    token = trigger
    while token.head != token:
        if token.dep_ in BACKGROUND_DEPS:
            levels += 1
        token = token.head
    return round(0.05 * min(levels, 3), 2)


def _contained_acts_ranked_lower(
    coded: list[tuple[Token, list[Event]]], support_verb: Callable[[Token], Token | None]
) -> list[Event]:
    """The sentence's events, those of an act inside another coded act ("reneged on his commitment to
    the people", "denounced Serbia's suppression of ...", "staged rallies to demand reforms") less
    confident than the act that holds them: the holding act is what the sentence reports, even where
    its target had to be guessed. An event noun holds what hangs on its support verb."""
    holders: dict[int, int] = {}  # token -> the trigger it stands for
    for token, events in coded:
        if events:
            holders[token.i] = token.i
            verb = support_verb(token) if token.pos_ not in ("VERB", "AUX") else None
            if verb is not None:
                holders.setdefault(verb.i, token.i)
    for token, events in coded:
        if any(holders.get(a.i, token.i) != token.i for a in token.ancestors):
            for event in events:
                event.confidence = round(max(0.05, event.confidence - CONTAINED_ACT_PENALTY), 2)
    return [event for _, events in coded for event in events]


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def event_date(sent: Span, published: str | None) -> str | None:
    """The article's date, moved back to the weekday the sentence names ("on Monday")."""
    if not published:
        return None
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    for token in sent:
        lower = token.lower_
        if lower in WEEKDAYS:
            back = (day.weekday() - WEEKDAYS.index(lower)) % 7
            return (day - dt.timedelta(days=back)).isoformat()
        if lower == "yesterday":
            return (day - dt.timedelta(days=1)).isoformat()
    return day.isoformat()
