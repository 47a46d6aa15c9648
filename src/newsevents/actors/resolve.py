"""Actors in text: names, titles, demonyms, metonyms and pronouns resolved to country, sector and code.

One pass over a parsed article finds every mention (longest match in the knowledge base's token-tuple
indexes, then fuzzy matching of person names the index missed); the coder then asks for the actor of an
argument token, which composes the mentions in that token's noun phrase ("Israeli Defense Minister Yoav
Gallant" is one actor). Pronouns and bare titles ("he", "the minister") take the last fitting person
mentioned before them in the same article.
"""

from __future__ import annotations

import bisect
import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token

from newsevents.actors.kb import Entry, KnowledgeBase
from newsevents.model import Actor

# Dependency labels that keep a token inside its head's name block ("US President Joe Biden").
NAME_BLOCK_DEPS = frozenset({"compound", "amod", "nmod", "flat", "det", "nummod", "punct", "quantmod"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
FUZZY_CUTOFF = 85.0
# Country names: longer names only, and closer, since short names differ by a letter ("Niger", "Nigeria").
FUZZY_COUNTRY_CUTOFF = 90.0
MIN_FUZZY_COUNTRY = 7
# Sectors that, as a modifier, say more than the head noun does ("rebel commander" is REB, not MIL).
MARKED_SECTORS = frozenset({"REB", "INS", "OPP", "ELI", "CVL", "REF"})


@dataclass
class Mention:
    """Words that denote something in the knowledge base."""

    start: int
    end: int
    entry: Entry | None = None
    country: str | None = None  # for adjectives: "Israeli" -> ISR
    title_sector: str | None = None
    how: str = "exact"


@dataclass
class ArticleActors:
    """Every mention of one parsed article, and the people mentioned in order (for pronouns)."""

    doc: Doc
    day: dt.date | None
    by_token: dict[int, Mention] = field(default_factory=dict)
    person_positions: list[int] = field(default_factory=list)
    person_entries: list[Entry] = field(default_factory=list)

    def add(self, mention: Mention) -> None:
        for i in range(mention.start, mention.end):
            self.by_token[i] = mention
        if mention.entry is not None and mention.entry.kind == "person":
            self.person_positions.append(mention.start)
            self.person_entries.append(mention.entry)

    def last_person_before(self, index: int, sector: str | None = None) -> Entry | None:
        position = bisect.bisect_left(self.person_positions, index)
        for entry in reversed(self.person_entries[:position]):
            if sector is None or entry.at(self.day)[1] == sector:
                return entry
        return None


class ActorResolver:
    """Finds and composes actors; built once per process over a knowledge base."""

    def __init__(
        self,
        kb: KnowledgeBase,
        *,
        capitals_in_places_are_places: bool = True,
        dictionary_mode: bool | None = None,
    ) -> None:
        self.kb = kb
        self.capitals_in_places_are_places = capitals_in_places_are_places
        # A user's PETRARCH dictionaries are read as PETRARCH reads them (case aside, word for word);
        # only dictionary runs keep capitals wherever they stand, so that flag tells when not given.
        self.dictionary_mode = (
            not capitals_in_places_are_places if dictionary_mode is None else dictionary_mode
        )
        self._folded_names: dict[tuple[str, ...], list[Entry]] = {}
        if self.dictionary_mode:
            for key, entries in kb.names.items():
                self._folded_names.setdefault(tuple(w.lower() for w in key), []).extend(entries)
        self._fuzzy_names: list[str] = []
        self._fuzzy_entries: list[Entry] = []
        self._fuzzy_countries: list[str] = []
        self._fuzzy_country_entries: list[Entry] = []
        for key, entries in kb.names.items():
            people = [e for e in entries if e.kind == "person"]
            if people and len(key) > 1:
                self._fuzzy_names.append(" ".join(key))
                self._fuzzy_entries.append(people[0])
            countries = [e for e in entries if e.kind == "country" and not e.sector]
            name = " ".join(key)
            if countries and len(name) >= MIN_FUZZY_COUNTRY and not self.dictionary_mode:
                self._fuzzy_countries.append(name)
                self._fuzzy_country_entries.append(countries[0])

        # The lengths of the names starting with each word, longest first: the scan tries only those.
        self._name_lengths = _lengths_by_first_word((*kb.names, *kb.adjectives))
        self._folded_lengths = _lengths_by_first_word(self._folded_names)  # dictionary runs only

    # -- one pass per article -------------------------------------------------------------------
    def scan(self, doc: Doc, day: dt.date | None) -> ArticleActors:
        found = ArticleActors(doc, day)
        i = 0
        while i < len(doc):
            mention = self._match_at(doc, i) or self._title_at(doc, i)
            if mention is not None and self.dictionary_mode and _glued(doc, mention.start, mention.end):
                mention = None  # PETRARCH matches whole words: "pro-Russia" is not Russia
            if mention is not None and _stance(doc, mention.start):
                mention = None  # "pro-Iranian militias" are not Iran's, "anti-government rebels" no GOV
            if mention is None:
                i += 1
                continue
            found.add(mention)
            i = mention.end
        self._add_fuzzy_people(doc, found)
        self._add_fuzzy_countries(doc, found)
        self._add_surnames(doc, found)
        found.person_positions, found.person_entries = _sorted_people(found)
        return found

    def _match_at(self, doc: Doc, i: int) -> Mention | None:
        kb = self.kb
        first = doc[i].text.replace("’", "'")
        lengths = self._name_lengths.get(first, ())
        if self._folded_lengths:
            lengths = tuple(sorted({*lengths, *self._folded_lengths.get(first.lower(), ())}, reverse=True))
        for n in (n for n in lengths if n <= len(doc) - i):  # none: no name starts with this word
            key = tuple(token.text.replace("’", "'") for token in doc[i : i + n])
            entries = kb.names.get(key)
            if entries and _looks_like_name(doc[i : i + n], kb.name_particles):
                return Mention(i, i + n, entry=entries[0])
            entries = self._folded_names.get(tuple(w.lower() for w in key))
            if entries and _parsed_as_name(doc[i : i + n]):
                return Mention(i, i + n, entry=entries[0], how="case")
            country = kb.adjectives.get(key)
            if country:
                return Mention(i, i + n, country=country)
        return None

    def _title_at(self, doc: Doc, i: int) -> Mention | None:
        kb = self.kb
        for n in range(min(kb.max_title_tokens, len(doc) - i), 0, -1):
            key = tuple(token.lower_ for token in doc[i : i + n])
            sector = kb.titles.get(key)
            if sector:
                return Mention(i, i + n, title_sector=sector, how="title")
        return None

    def _add_fuzzy_people(self, doc: Doc, found: ArticleActors) -> None:
        """Person names the index missed ("Tzaji Hanegbi") matched by similarity to known names."""
        if not self._fuzzy_names:
            return
        for ent in doc.ents:
            if ent.label_ != "PERSON" or len(ent) < 2 or any(t.i in found.by_token for t in ent):
                continue
            best = process.extractOne(
                ent.text, self._fuzzy_names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            if best is not None:
                found.add(Mention(ent.start, ent.end, entry=self._fuzzy_entries[best[2]], how="fuzzy"))

    def _add_fuzzy_countries(self, doc: Doc, found: ArticleActors) -> None:
        """Country names misspelt in the text ("Ethopia", "Phillippines"): a close match to a known one."""
        for token in doc:  # the small model rarely tags a misspelt name as a place: any proper noun
            if token.pos_ != "PROPN" or len(token.text) < MIN_FUZZY_COUNTRY or token.i in found.by_token:
                continue
            best = process.extractOne(
                token.text, self._fuzzy_countries, scorer=fuzz.ratio, score_cutoff=FUZZY_COUNTRY_CUTOFF
            )
            if best is not None:
                entry = self._fuzzy_country_entries[best[2]]
                found.add(Mention(token.i, token.i + 1, entry=entry, how="fuzzy"))

    def _add_surnames(self, doc: Doc, found: ArticleActors) -> None:
        """A surname alone: the person of that name mentioned earlier, else the only one we know."""
        for token in doc:
            if token.i in found.by_token or token.pos_ != "PROPN":
                continue
            earlier_person = _earlier_by_name_part(token, found)
            if earlier_person is not None:
                found.add(Mention(token.i, token.i + 1, entry=earlier_person, how="coreference"))
                continue
            candidates = self.kb.surnames.get(token.text)
            if not candidates or _has_unknown_first_name(token, found) or _inside_longer_name(token):
                continue
            if _modifies_common_noun(token, self.kb.leader_governments):
                continue  # "the Syrian Christian community" is no President Christian
            earlier = [e for e in found.person_entries if e in candidates]
            if earlier:
                found.add(Mention(token.i, token.i + 1, entry=earlier[-1], how="surname"))
            elif len(candidates) == 1 and token.ent_type_ == "PERSON":
                found.add(Mention(token.i, token.i + 1, entry=candidates[0], how="surname"))
            else:
                mention = self._surname_mention(token, candidates, found.day)
                if mention is not None:
                    found.add(mention)

    def _surname_mention(self, token: Token, candidates: list[Entry], day: dt.date | None) -> Mention | None:
        """'the Bush administration' in 2003: of two Bushes one held office that day. With no date, or
        none in office, a government named by its leader's surname is still that leader's country's,
        when every person of that surname is of one country."""
        if day is not None:
            serving = [e for e in candidates if any(r.holds_on(day) for r in e.roles)]
            if len(serving) == 1:
                return Mention(token.i, token.i + 1, entry=serving[0], how="surname")
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        countries = {e.country for e in candidates}
        if (
            following is not None
            and following.lemma_.lower() in self.kb.leader_governments
            and len(countries) == 1
        ):
            return Mention(token.i, token.i + 1, entry=candidates[0], how="surname")
        return None

    # -- the actor of an argument -----------------------------------------------------------------
    def actor_of(self, token: Token, found: ArticleActors) -> Actor | None:
        """The actor a noun phrase headed by ``token`` denotes, or None when it denotes none we know."""
        # "a group of Yoruba leaders" is the leaders; "a human rights group" is a sector of its own
        if token.lower_ in self.kb.quantifiers and self._head_sector(token) is None:
            inner = _of_object(token)  # "a group of Yoruba leaders"; "the Hezbollah group" is itself
            if inner is not None:
                return self.actor_of(inner, found)
            if not any(t.i in found.by_token for t in _name_block(token)):
                return None
        if token.pos_ == "PRON":
            return self._pronoun(token, found)
        block = _name_block(token)
        mentions = _unique(found.by_token[t.i] for t in block if t.i in found.by_token)
        actor = self._compose(token, block, mentions, found)
        if actor is None or actor.name is None or actor.how == "modifier":
            named = self._appositive(token, found)  # "his Turkish counterpart, Hakan Fidan"
            actor = _merged(named, actor) if named is not None else actor
        if actor is not None and actor.country is None:
            actor = self._country_from_attachment(token, actor, found)
        return actor

    def _compose(
        self, head: Token, block: list[Token], mentions: list[Mention], found: ArticleActors
    ) -> Actor | None:
        text = _text_of(block)
        title_sector = next((m.title_sector for m in mentions if m.title_sector), None)
        head_sector = self._head_sector(head) if head.i not in found.by_token else None
        modifier_sectors = [
            self.kb.sector_words[t.lemma_.lower()]
            for t in block
            if t.i != head.i and t.lemma_.lower() in self.kb.sector_words and t.i not in found.by_token
        ]
        modifier_sector = next((s for s in modifier_sectors if s in MARKED_SECTORS), None)
        if modifier_sector is None and head.lemma_.lower() in self.kb.generic_heads and modifier_sectors:
            modifier_sector = modifier_sectors[-1]
        former = any(self.kb.modifiers.get(t.lower_) == "ELI" for t in block)
        entry_mention = next((m for m in mentions if m.entry is not None and m.entry.kind == "person"), None)
        entry_mention = entry_mention or next((m for m in mentions if m.entry is not None), None)
        adjective_country = next((m.country for m in mentions if m.country), None)
        if (
            entry_mention is not None
            and self.capitals_in_places_are_places
            and _is_setting(head, entry_mention)
        ):
            return None  # "police in Dhaka", "met in Beijing": the capital is where, not who
        if entry_mention is not None:
            entry = entry_mention.entry
            assert entry is not None
            country, sector = entry.at(found.day, title_sector)
            how = entry_mention.how
            if entry.kind == "country":
                sector = entry.sector or modifier_sector or title_sector or head_sector
                how = "metonym" if entry.sector else ("country" if sector is None else "modifier")
                if how == "country" and head.pos_ == "NOUN" and head.i not in found.by_token:
                    how = "owner"  # "Pakistan's cricket team": the country owns a phrase we cannot read
            agent = None
            if entry.kind == "person" and head.lemma_.lower() in self.kb.leader_governments and head_sector:
                sector = None  # "the Bush administration" is the government, not Bush himself
            if entry.kind != "country" and sector is None:
                # an actor known only by country, with an agent word: "US commander" is USA + MIL
                agent = modifier_sector or title_sector or head_sector
                sector = agent
            if former and entry.kind == "person":
                sector = "ELI"
            code = entry.code if entry.kind in ("organisation", "group") and entry.code else None
            if agent:
                code = (code or country or "") + agent
            elif self.dictionary_mode and entry.kind != "person":
                code = _with_agent(
                    entry, code, modifier_sector or title_sector or head_sector, self.kb.religions
                )
            return Actor(
                text=text, name=entry.name, country=country, sector=sector, code=code,
                wikidata=entry.wikidata, how=how,
            )  # fmt: skip
        # An unknown name's modifiers say what it is: "Syrian intelligence chief Ali Mamlouk" is SPY.
        sector = modifier_sector or title_sector or head_sector or next(iter(modifier_sectors), None)
        if former and sector:
            sector = "ELI"
        if adjective_country is None and sector is None:
            return None
        if adjective_country is None and _is_definite_title(head, block, title_sector):
            person = found.last_person_before(head.i, title_sector)
            if person is not None:
                country, person_sector = person.at(found.day, title_sector)
                return Actor(
                    text, person.name, country, person_sector, wikidata=person.wikidata, how="coreference"
                )
        name = self.kb.country_names.get(adjective_country or "", None)
        if head.pos_ == "PROPN" and head_sector is not None and head.i not in found.by_token:
            name = _proper_name(head)  # "the Third World Water Forum": a body we do not know by name
        return Actor(text=text, name=name, country=adjective_country, sector=sector, how="modifier")

    def coordinated(self, token: Token, found: ArticleActors) -> list[Actor] | None:
        """'French President Emmanuel Macron and European Commission President Ursula von der Leyen':
        the small model often folds two coordinated names into one phrase; split it at the 'and'."""
        region = _coordination_region(token)
        cuts = [t for t in region if t.dep_ == "cc" or (t.dep_ == "punct" and t.text == ",")]
        if not any(t.dep_ == "cc" for t in cuts):
            return None
        actors: list[Actor] = []
        segments = _segments(region, cuts)
        head_words = [t for t in segments[-1] if t.pos_ in ("NOUN", "PROPN")][-1:]
        for segment in segments:
            bare = all((m := found.by_token.get(t.i)) is not None and _names_a_country(m) for t in segment)
            if (segment[-1].pos_ == "ADJ" or bare) and head_words:  # "Qatari and Egyptian mediators"
                segment = [*segment, *head_words]
            mentions = _unique(found.by_token[t.i] for t in segment if t.i in found.by_token)
            if not any(m.entry is not None or m.country for m in mentions):
                continue
            head = segment[-1]
            actor = self._compose(head, segment, mentions, found)
            if actor is not None and actor.country and actor not in actors:
                actors.append(actor)
        return actors if len(actors) > 1 else None

    def _head_sector(self, head: Token) -> str | None:
        """'security forces' before 'forces': a two-word sector noun wins over its head word."""
        words = self.kb.sector_words
        if self.dictionary_mode and _glued(head.doc, head.i, head.i + 1):
            return None  # "non-Muslims" is one word to PETRARCH, and not the agent MUSLIM
        if head.i > 0:
            pair = f"{head.doc[head.i - 1].lower_} {head.lemma_.lower()}"
            plural = f"{head.doc[head.i - 1].lower_} {head.lower_}"
            if pair in words or plural in words:
                return words.get(pair) or words[plural]
        return words.get(head.lemma_.lower()) or words.get(head.lower_)

    def _pronoun(self, token: Token, found: ArticleActors) -> Actor | None:
        if token.lower_ not in PERSONAL_PRONOUNS:
            return None
        person = found.last_person_before(token.i)
        if person is None:
            return None
        country, sector = person.at(found.day)
        return Actor(token.text, person.name, country, sector, wikidata=person.wikidata, how="coreference")

    def _appositive(self, token: Token, found: ArticleActors) -> Actor | None:
        """'his Turkish counterpart, Hakan Fidan': the apposition names the actor."""
        for child in token.children:
            if child.dep_ == "appos":
                return self.actor_of(child, found)
        return None

    def _country_from_attachment(self, token: Token, actor: Actor, found: ArticleActors) -> Actor:
        """A sector noun with no country takes it from its possessor, 'of'/'from' phrase or leader."""
        for child in token.children:
            inner = None
            if child.dep_ == "poss":
                inner = child
            elif child.dep_ == "prep" and child.lower_ in ATTACHED_PREPS:  # "rebels in Syria"
                inner = _first_pobj(child)
            elif child.dep_ == "acl" and child.lemma_ == "lead":
                inner = _agent_object(child)
            if inner is None:
                continue
            other = self.actor_of(inner, found)
            if other is not None and other.country:
                actor.country = other.country
                actor.code = None
                if self.dictionary_mode and other.code and actor.sector:
                    # "activists of Gonzo GMO": the agent's code follows the whole actor code
                    actor.code = _joined(other.code, actor.sector, self.kb.religions)
                actor.__post_init__()
                return actor
        return actor


COORDINATION_DEPS = NAME_BLOCK_DEPS | {"cc", "conj", "appos", "nmod"}


def _coordination_region(head: Token) -> list[Token]:
    """The head's name phrase with any coordinated or appended names, but no clauses or prepositions."""
    return _phrase(head, lambda child, parent: child.dep_ in COORDINATION_DEPS)


def _phrase(head: Token, follows: Callable[[Token, Token], bool]) -> list[Token]:
    """The head and every descendant reached through children that ``follows(child, parent)`` admits."""
    tokens = [head]
    stack = [head]
    while stack:
        current = stack.pop()
        for child in current.children:
            if follows(child, current):
                tokens.append(child)
                stack.append(child)
    return sorted(tokens, key=lambda t: t.i)


def _segments(region: list[Token], cuts: list[Token]) -> list[list[Token]]:
    cut_at = {t.i for t in cuts}
    segments: list[list[Token]] = [[]]
    for token in region:
        if token.i in cut_at:
            segments.append([])
        elif token.dep_ != "punct":
            segments[-1].append(token)
    merged: list[list[Token]] = []
    for segment in (s for s in segments if s):
        if merged and any(t.dep_ == "appos" for t in segment):
            merged[-1].extend(segment)  # "her French counterpart, Jean-Noel Barrot": one person
        else:
            merged.append(segment)
    return merged


LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "around", "throughout"})
# "rebels in Syria", "students throughout Indonesia": where a group is tells whose it is
ATTACHED_PREPS = frozenset({"of", "from", "in", "across", "throughout"})


def _names_a_country(mention: Mention) -> bool:
    """A demonym, or a dictionary entry for a whole country ("US" with code USA and no sector)."""
    entry = mention.entry
    return bool(mention.country) or (entry is not None and entry.kind != "person" and entry.sector is None)


def _merged(named: Actor, described: Actor | None) -> Actor:
    """An apposition names the actor its head describes: "The US commander in Iraq, General David
    Petraeus" is one noun phrase, so a name known only by country takes the role the head states."""
    if described is None or named.sector or not described.sector or named.country != described.country:
        return named
    return replace(named, sector=described.sector, code=described.code, how="apposition")


def _with_agent(entry: Entry, code: str | None, agent: str | None, religions: frozenset[str]) -> str | None:
    """PETRARCH appends an agent's code to the code of the actor it qualifies, whatever sector that
    code already has: "UN troops" is IGOUNO + MIL. None: the code country and sector make stands."""
    full = entry.code or code
    if not agent or not full:
        return code
    return _joined(full, agent, religions)


def _joined(code: str, agent: str, religions: frozenset[str]) -> str:
    """An actor code with an agent's code added, unless the code already ends with it. CAMEO writes a
    role before a religion ("exiled leaders of Egypt's Muslim Brotherhood" is EGY OPP MUS), so a role
    goes in before the religion codes that end the actor's code."""
    if code.endswith(agent):
        return code
    tail = ""
    while agent[:3] not in religions and len(code) > 3 and code[-3:] in religions:
        code, tail = code[:-3], code[-3:] + tail
    return code + agent + tail


def _is_setting(head: Token, mention: Mention) -> bool:
    entry = mention.entry
    if entry is None or entry.kind != "country" or entry.sector is None:
        return False  # only metonyms (a capital standing for a government) can be mere places
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE


def _fold(text: str) -> str:
    """Without accents: 'Orbán' and 'Orban' are one name."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _earlier_by_name_part(token: Token, found: ArticleActors) -> Entry | None:
    """A word of the name of a person mentioned earlier in the article refers to that person."""
    word = _fold(token.text)
    if len(word) < 3 or not word[:1].isupper():
        return None
    position = bisect.bisect_left(found.person_positions, token.i)
    for entry in reversed(found.person_entries[:position]):
        if word in _name_words(entry.name):
            return entry
    return None


def _lengths_by_first_word(keys: Iterable[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    starts: dict[str, set[int]] = {}
    for key in keys:
        starts.setdefault(key[0], set()).add(len(key))
    return {word: tuple(sorted(lengths, reverse=True)) for word, lengths in starts.items()}


def _inside_longer_name(token: Token) -> bool:
    """'Thomas' in 'Thomas Rivera Schatz' is a first name: a surname ends the name it stands in."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.pos_ == "PROPN" and following.ent_iob_ == "I"


def _name_words(name: str) -> frozenset[str]:
    """The words of a person's name without accents, worked out once per name per process."""
    return frozenset(_fold(name).replace("-", " ").split())


def _has_unknown_first_name(token: Token, found: ArticleActors) -> bool:
    """'Pedro Sanchez' is not the Sanchez we know when his first name is not the one we know."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return (
        before.pos_ == "PROPN"
        and before.dep_ == "compound"
        and before.i not in found.by_token
        and before.text[:1].isupper()
        and before.ent_type_ == "PERSON"
    )


def _looks_like_name(span: Span, particles: frozenset[str]) -> bool:
    """A lower-case common word is not a name ("us" is not the US, "chad" is not Chad); a name may
    begin with a lower-case "the" ("the Shire") or a name particle (``particles``)."""
    first = span[1].text if len(span) > 1 and span[0].lower_ == "the" else span[0].text
    if first in particles and any(t.text[:1].isupper() for t in span[1:]):
        return True  # "al-Qaeda", "el-Sisi", "van der Leyen": a particle opens the name
    return first[:1].isupper() or not first.isalpha()


STANCE_PREFIXES = frozenset({"pro", "anti"})


def _stance(doc: Doc, start: int) -> bool:
    """Whether a name is the object of a stance prefix: "pro-Iranian", "anti-Russian"."""
    return (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
        and doc[start - 2].lower_ in STANCE_PREFIXES
    )


def _glued(doc: Doc, start: int, end: int) -> bool:
    """Whether words [start, end) are part of a longer hyphenated word ("pro-Russia", "UK-based",
    "non-Muslims"), which a dictionary phrase for the part alone does not match."""
    before = start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_
    before = before and not doc[start - 1].whitespace_
    after = end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
    after = after and not doc[end].whitespace_
    return before or after


def _parsed_as_name(span: Span) -> bool:
    """'President obama', 'help iSrael': PETRARCH reads text in capitals, so case does not hide a name
    the parse tags as one; a lower-case common word ("us", "chad") is not tagged so."""
    return all(t.pos_ == "PROPN" or not t.is_alpha for t in span) and any(t.is_alpha for t in span)


def _name_block(head: Token) -> list[Token]:
    """'Israel's Prime Minister Benjamin Netanyahu': modifiers, the head's possessor and its "'s"."""

    def follows(child: Token, parent: Token) -> bool:
        if child.dep_ == "poss":
            return parent == head
        if child.dep_ == "case":
            return parent != head
        if child.dep_ == "npadvmod":
            return parent.lower_ == "led"  # "Vietnamese-led forces" are Vietnam's (not "-backed")
        return child.dep_ in NAME_BLOCK_DEPS

    return _phrase(head, follows)


def _modifies_common_noun(token: Token, leader_governments: frozenset[str]) -> bool:
    """A surname as the modifier of a common noun ("Christian community", "Trump supporters") names no
    one, except a government named by its leader ("the Bush administration")."""
    head = token.head
    return (
        token.dep_ in ("compound", "amod")
        and head.pos_ == "NOUN"
        and head.lemma_.lower() not in leader_governments
    )


def _proper_name(head: Token) -> str:
    """The capitalised words of a name headed by ``head`` with its "of" phrase ("Association of African
    Jurists"), without articles or clauses."""
    doc, inside = head.doc, {t.i for t in head.subtree}
    start = head.i
    while start - 1 in inside and doc[start - 1].text[:1].isupper() and doc[start - 1].dep_ != "det":
        start -= 1
    words = list(doc[start : head.i])
    tail: list[Token] = []
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = _first_pobj(of) if of is not None else None
    if pobj is not None and pobj.text[:1].isupper():
        tail = [of, *(t for t in pobj.lefts if t.text[:1].isupper()), pobj]
    tokens = sorted([*words, head, *tail], key=lambda t: t.i)
    return _text_of(tokens)


def _text_of(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _unique(mentions: object) -> list[Mention]:
    seen: list[Mention] = []
    for mention in mentions:  # type: ignore[attr-defined]
        if all(mention is not other for other in seen):
            seen.append(mention)
    return seen


def _is_definite_title(head: Token, block: list[Token], sector: str | None) -> bool:
    """'the chancellor' refers back to a person; 'the president of Armenia' names whose president he is."""
    if sector is None or head.tag_ not in ("NN", "NNP") or not any(t.lower_ == "the" for t in block):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in head.children)


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return _first_pobj(child)
    return None


def _first_pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _agent_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return _first_pobj(child)
    return None


def _sorted_people(found: ArticleActors) -> tuple[list[int], list[Entry]]:
    pairs = sorted(zip(found.person_positions, found.person_entries, strict=True), key=lambda p: p[0])
    return [p for p, _ in pairs], [e for _, e in pairs]
