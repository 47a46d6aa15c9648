"""TABARI/PETRARCH ``.actors`` and ``.agents`` dictionaries, read into our actor records and sector words.

An actors file is a series of entries: a primary phrase with an optional ``[CODE]``, synonym lines
``+PHRASE``, and date restrictions on lines of their own ``[CODE <DATE]``, ``[CODE >DATE]``,
``[CODE DATE-DATE]`` (or ``[CODE]``, a default). Words are joined by ``_`` or blanks; dates are
YYYYMMDD or YYMMDD (00-30 are 20YY). A code such as ``USAGOV`` is country USA, sector GOV; ``IGOUNO`` is
the international body UNO of sector IGO. An agents file maps words to sector codes: ``MINISTER [~GOV]``
(the code follows the actor's: ARNGOV), ``MSF [NGO~]`` (it precedes it), with plural forms generated or
given in ``{...}`` and substitution sets ``!PERSON! = MAN, MEN``.

Dictionary names are upper case; news text is not, so every phrase is indexed as the text would write
it: "Minas Tirith", "Prince of Dol Amroth", and acronyms as they are ("IMF", "U.N.").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NULL_CODES = frozenset({"", "---", "+++", "###"})
# Code prefixes of actors that belong to no country: the body's own letters stand for its country.
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM", "INT", "UIS"})
# CAMEO role codes that make a dated entry an office holder ("[USAGOV 20090120-20170120]"); other
# second codes in dated entries are states' own (Soviet Ukraine: USRUKR).
ROLE_SECTORS = frozenset(
    {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "ELI", "CVL", "CIV", "BUS", "MED"}
    | {"EDU", "REL", "LAB", "AGR", "HLH", "REF", "MOD", "RAD", "INS", "UAF", "HRI", "ENV", "CRM", "DEV"}
    | {"IGO", "NGO"}
)
SMALL_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "la", "le", "el", "in", "on", "al"})
CODE = re.compile(r"\[([^\]]*)\]")
RESTRICTION = re.compile(r"^\s*\[([^\]]*)\]")


class DictionaryError(ValueError):
    """A dictionary file that cannot be read at all (a bad line is skipped, not raised)."""


def strip_comments(text: str, *, semicolon: bool = False) -> list[str]:
    """Lines without ``<!-- -->`` comments (over several lines too) and ``#`` comments (a ``#`` inside a
    code such as ``[###]`` is kept); TABARI's ``;`` comments too when asked. Blank lines stay, as
    PETRARCH-1 ends a verb block's pattern list on one."""
    text = re.sub(r"<!.*?-->", " ", text, flags=re.S)
    lines = []
    for raw in text.splitlines():
        line = _cut_hash(raw)
        if semicolon and ";" in line:
            line = line[: line.index(";")]
        lines.append(line.rstrip())
    return lines


def _cut_hash(line: str) -> str:
    depth = 0
    for index, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(depth - 1, 0)
        elif char == "#" and depth == 0:
            return line[:index]
    return line


@dataclass
class _Entry:
    phrases: list[str] = field(default_factory=list)
    default: str | None = None
    restrictions: list[tuple[str, dt.date | None, dt.date | None]] = field(default_factory=list)


def read_actors(path: Path) -> list[dict[str, Any]]:
    """Every entry of a PETRARCH/TABARI ``.actors`` file as a record of ``docs/knowledge.md``."""
    records = []
    for entry in _entries(_lines(path)):
        record = _record(entry)
        if record is not None:
            records.append(record)
    return records


def _lines(path: Path) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise DictionaryError(f"{path}: cannot read ({err.strerror or err})") from err
    return [line for line in strip_comments(text, semicolon=True) if line.strip()]


def _entries(lines: list[str]) -> list[_Entry]:
    entries: list[_Entry] = []
    current: _Entry | None = None
    for line in lines:
        restriction = RESTRICTION.match(line)
        if restriction is not None:
            if current is not None:
                _add_restriction(current, restriction.group(1))
            continue
        text = line.strip()
        if text.startswith("+") and current is not None:
            current.phrases.append(CODE.sub(" ", text[1:]).strip())
            continue
        current = _Entry()
        entries.append(current)
        codes = CODE.findall(text)
        current.phrases.append(CODE.sub(" ", text).strip())
        if codes:
            _add_restriction(current, codes[-1])
    return entries


def _add_restriction(entry: _Entry, body: str) -> None:
    parts = body.split(None, 1)
    if not parts:
        return
    code = parts[0].upper()
    when = parts[1].replace(" ", "") if len(parts) > 1 else ""
    try:
        if not when:
            entry.default = code
        elif when.startswith("<"):
            entry.restrictions.append((code, None, petrarch_date(when[1:])))
        elif when.startswith(">"):
            entry.restrictions.append((code, petrarch_date(when[1:]), None))
        elif "-" in when:
            first, _, last = when.partition("-")
            entry.restrictions.append((code, petrarch_date(first), petrarch_date(last)))
    except ValueError:
        return  # a malformed date restriction is skipped, as PETRARCH skips it


def petrarch_date(text: str) -> dt.date:
    """YYYYMMDD, or YYMMDD with 00-30 read as 20YY and the rest as 19YY."""
    digits = text.strip()
    if not digits.isdigit():
        raise ValueError(f"not a date: {text!r}")
    if len(digits) > 7:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    year = int(digits[:2])
    year += 2000 if year <= 30 else 1900
    return dt.date(year, int(digits[2:4]), int(digits[4:6]))


def split_code(code: str) -> tuple[str | None, str | None]:
    """A PETRARCH actor code as (country, sector): USAGOV -> (USA, GOV), IGOUNO -> (UNO, IGO)."""
    code = code.upper()
    if code in NULL_CODES or code.startswith("-"):
        return None, None
    if code[:3] in INTERNATIONAL:
        return (code[-3:] if len(code) > 3 else code), code[:3]
    return code[:3], code[3:] or None


def _record(entry: _Entry) -> dict[str, Any] | None:
    names = [n for n in (display_name(p) for p in entry.phrases) if n]
    if not names:
        return None
    aliases = [alias for phrase in entry.phrases for alias in name_variants(phrase)]
    aliases = [a for a in dict.fromkeys(aliases) if a != names[0]]
    default = entry.default.split("/")[0] if entry.default else None  # "ELR/GAL": we keep one actor
    dated = {code.split("/")[0].upper() for code, _, _ in entry.restrictions}
    if len(dated) == 1 and next(iter(dated))[:3] in INTERNATIONAL and (default or "") in (*dated, ""):
        # One international code whatever the date ("ISIL" is IMGMUSISI from 2013): the organisation's
        # full code must survive, and a role keeps only a country and a sector.
        default = next(iter(dated))
    elif entry.restrictions:
        roles = [_role(code, start, end) for code, start, end in entry.restrictions]
        if default and default not in NULL_CODES:  # the default holds on the days no dated code does
            roles.extend(_role(default, start, end) for start, end in uncovered(entry.restrictions))
        country = next((r["country"] for r in roles if r["country"]), None)
        # Dated codes that are bare countries (a state renamed) keep a country's ways: "Ukrainian
        # lawmakers" still takes its sector from the agent word; dated offices make a person.
        kind = "person" if any((r["sector"] or "")[:3] in ROLE_SECTORS for r in roles) else "country"
        return {"name": names[0], "aliases": aliases, "country": country, "roles": roles, "kind": kind}
    if not default or default in NULL_CODES:
        return None
    country, sector = split_code(default)
    if country is None:
        return None
    kind = "organisation" if default[:3] in INTERNATIONAL else "country"
    return {
        "name": names[0],
        "aliases": aliases,
        "country": country,
        "sector": sector,
        "code": default,
        "kind": kind,
    }


def uncovered(
    restrictions: list[tuple[str, dt.date | None, dt.date | None]],
) -> list[tuple[dt.date | None, dt.date | None]]:
    """The stretches of time no restriction covers (limits are inclusive), as (start, end)."""
    day = dt.timedelta(days=1)
    spans = sorted((start or dt.date.min, end or dt.date.max) for _, start, end in restrictions)
    gaps: list[tuple[dt.date | None, dt.date | None]] = []
    cursor: dt.date | None = None  # the first day not yet covered; None: the beginning of time
    for start, end in spans:
        if cursor is None and start > dt.date.min:
            gaps.append((None, start - day))
        elif cursor is not None and start > cursor:
            gaps.append((cursor, start - day))
        if end == dt.date.max:
            return gaps
        cursor = max(cursor or dt.date.min, end + day)
    gaps.append((cursor, None))
    return gaps


def _role(code: str, start: dt.date | None, end: dt.date | None) -> dict[str, Any]:
    country, sector = split_code(code.split("/")[0])
    return {"title": "", "country": country, "sector": sector, "start": start, "end": end}


def _words(phrase: str) -> list[str]:
    return [w for w in re.split(r"[_\s]+", phrase) if w]


def display_name(phrase: str) -> str:
    """The phrase as news text writes it: "MINAS_TIRITH_" -> "Minas Tirith"."""
    words = _words(phrase)
    return " ".join(_cased(w, first=k == 0) for k, w in enumerate(words))


def name_variants(phrase: str) -> list[str]:
    """Ways a text may write the phrase: as a name, in capitals when it is an acronym, with "the" in
    lower case mid-sentence. The article stays part of the phrase: PETRARCH matches a dictionary
    phrase word for word, so THE_ISLAMIC_STATE is not "an Islamic State target"."""
    words = _words(phrase)
    if not words:
        return []
    variants = [display_name(phrase)]
    if all(_acronym_like(w) for w in words):
        variants.append(" ".join(words))
    if len(words) > 1 and words[0].upper() == "THE":
        variants.append(" ".join(["the", *display_name(phrase).split()[1:]]))
    return variants


def _acronym_like(word: str) -> bool:
    letters = word.replace(".", "").replace("-", "")
    return "." in word or len(letters) <= 4


def _cased(word: str, *, first: bool) -> str:
    if "." in word:
        return word  # "U.N.", "K.U.": initials keep their capitals
    lower = word.lower()
    if not first and lower in SMALL_WORDS:
        return lower
    return "-".join(part[:1].upper() + part[1:] for part in lower.split("-"))


# -- agents -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Agent:
    """Words naming a kind of actor and the sector code they add (before the country when ``prefix``)."""

    words: tuple[str, ...]  # lower case
    code: str
    prefix: bool = False


def read_agents(path: Path) -> list[Agent]:
    """Every agent phrase of a PETRARCH ``.agents`` file, with its plural forms."""
    agents: list[Agent] = []
    markers: dict[str, list[str]] = {}
    for line in _lines(path):
        text = line.strip()
        if "!" in text and "=" in text and "[" not in text:
            name, _, values = text.partition("=")
            markers[name.strip().strip("!")] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        agents.extend(_agents_of(text, markers))
    return agents


def _agents_of(text: str, markers: dict[str, list[str]]) -> list[Agent]:
    codes = CODE.findall(text)
    if not codes:
        return []
    raw_code = codes[-1].strip()
    prefix = raw_code.endswith("~") and not raw_code.startswith("~")
    code = raw_code.strip("~ ").upper()
    if not code:
        return []
    phrase = CODE.sub(" ", text)
    listed = re.search(r"\{([^}]*)\}", phrase)
    phrase = re.sub(r"\{[^}]*\}", " ", phrase).strip()
    forms = _substituted(phrase, markers)
    if "!" not in phrase:
        if listed is not None:
            forms += [listed.group(1).strip()] if listed.group(1).strip() else []
        else:
            forms.append(_plural_phrase(phrase))
    return [Agent(tuple(w.lower() for w in _words(form)), code, prefix) for form in forms if _words(form)]


def _substituted(phrase: str, markers: dict[str, list[str]]) -> list[str]:
    found = re.search(r"!([^!]+)!", phrase)
    if found is None:
        return [phrase]
    values = markers.get(found.group(1), [])
    return [phrase[: found.start()] + value + phrase[found.end() :] for value in values]


def _plural_phrase(phrase: str) -> str:
    words = _words(phrase)
    last = words[-1].upper()
    if last.endswith("Y") and len(last) > 1 and last[-2] not in "AEIOU":
        plural = last[:-1] + "IES"
    elif last.endswith(("S", "X", "Z", "CH", "SH")):
        plural = last + "ES"
    else:
        plural = last + "S"
    return " ".join([*words[:-1], plural])


def is_agents_text(lines: list[str]) -> bool:
    """Agents lines carry codes with a ``~`` ("[~GOV]", "[NGO~]")."""
    coded = [line for line in lines if "[" in line]
    return bool(coded) and sum("~" in line for line in coded) * 2 > len(coded)
