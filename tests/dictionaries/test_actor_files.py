"""Users' actor files: PETRARCH actors and agents, CSV and YAML, read from snippets written here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents import get_pipeline
from newsevents.actors.petrarch import name_variants, petrarch_date, read_actors, read_agents, split_code
from newsevents.actors.userfiles import DictionaryError, file_kind, is_actor_file, read_user_actors

ACTORS = """<!-- actors for the tests: invented names and codes -->
RURITANIA_  [RUR]
+RURITANIAN_
+STRELSAU

GRAND_DUCHY_OF_FENWICK [FEN] ; a TABARI comment
THE_LEAGUE_OF_SMALL_NATIONS [IGOLSN]
BORDER_WATCH [RURMIL]

RUDOLF_RASSENDYLL   # a person with dated roles and a default
+RED_RUDOLF
\t[RURGOV 19940101-990630]
\t[RUROPP >19990701]
\t[RUR]

NOBODY_IN_PARTICULAR [---]
"""

AGENTS = """!FOLK! = MAN, MEN, WOMAN, WOMEN
FERRY_CAPTAIN [~CIV]
PEACE_ENVOY [~GOVENV]
HARBOUR_POLICE {} [~COP]
OX {OXEN} [~AGR]
ALMS!FOLK! [~REL]
AID_CHARITY [NGO~]
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_codes_split_into_country_and_sector() -> None:
    assert split_code("RURGOV") == ("RUR", "GOV")
    assert split_code("RUR") == ("RUR", None)
    assert split_code("IGOLSN") == ("LSN", "IGO")
    assert split_code("---") == (None, None)


def test_dates_in_both_lengths() -> None:
    assert petrarch_date("19940101") == dt.date(1994, 1, 1)
    assert petrarch_date("990630") == dt.date(1999, 6, 30)
    assert petrarch_date("050630") == dt.date(2005, 6, 30)  # 00-30 are this century
    with pytest.raises(ValueError):
        petrarch_date("soon")


def test_names_as_news_text_writes_them() -> None:
    assert name_variants("GRAND_DUCHY_OF_FENWICK") == ["Grand Duchy of Fenwick"]
    assert name_variants("THE_LEAGUE_OF_SMALL_NATIONS") == [
        "The League of Small Nations",
        "the League of Small Nations",
    ]
    assert "LSN" in name_variants("LSN") and "U.N." in name_variants("U.N.")


def test_actors_file_gives_records_with_codes_and_roles(tmp_path: Path) -> None:
    records = {r["name"]: r for r in read_actors(_write(tmp_path, "tests.actors.txt", ACTORS))}
    assert set(records) == {
        "Ruritania",
        "Grand Duchy of Fenwick",
        "The League of Small Nations",
        "Border Watch",
        "Rudolf Rassendyll",
    }  # the null-coded entry is dropped
    assert records["Ruritania"]["aliases"] == ["Ruritanian", "Strelsau"]
    assert (records["Border Watch"]["country"], records["Border Watch"]["sector"]) == ("RUR", "MIL")
    league = records["The League of Small Nations"]
    assert (league["country"], league["sector"], league["code"]) == ("LSN", "IGO", "IGOLSN")
    roles = records["Rudolf Rassendyll"]["roles"]
    assert [(r["sector"], r["start"], r["end"]) for r in roles] == [
        ("GOV", dt.date(1994, 1, 1), dt.date(1999, 6, 30)),
        ("OPP", dt.date(1999, 7, 1), None),
        (None, None, dt.date(1993, 12, 31)),  # the default holds where no dated code does
    ]
    assert "Red Rudolf" in records["Rudolf Rassendyll"]["aliases"]


def test_agents_file_gives_words_plurals_and_substitutions(tmp_path: Path) -> None:
    agents = {(a.words, a.code, a.prefix) for a in read_agents(_write(tmp_path, "tests.agents.txt", AGENTS))}
    assert (("ferry", "captain"), "CIV", False) in agents
    assert (("ferry", "captains"), "CIV", False) in agents  # a regular plural is made
    assert (("harbour", "polices"), "COP", False) not in agents  # "{}": no plural
    assert (("oxen",), "AGR", False) in agents  # a listed plural
    assert (("almsmen",), "REL", False) in agents and (("almswoman",), "REL", False) in agents
    assert (("aid", "charity"), "NGO", True) in agents and (("aid", "charities"), "NGO", True) in agents


def test_csv_and_yaml_files(tmp_path: Path) -> None:
    sheet = _write(
        tmp_path,
        "mine.csv",
        "name,aliases,country,sector,code,start,end,wikidata\n"
        "Ruritania,Ruritanian|Strelsau,rur,,,,,\n"
        "Rudolf Rassendyll,Red Rudolf,RUR,GOV,,1994-01-01,1999-06-30,Q1\n"
        "Rudolf Rassendyll,,RUR,OPP,,1999-07-01,,Q1\n",
    )
    records = {r["name"]: r for r in read_user_actors(sheet)}
    assert records["Ruritania"] == {
        "name": "Ruritania",
        "aliases": ["Ruritanian", "Strelsau"],
        "country": "RUR",
    }
    assert [r["sector"] for r in records["Rudolf Rassendyll"]["roles"]] == ["GOV", "OPP"]
    yaml_file = _write(tmp_path, "my_actors.yaml", "- name: Fenwick\n  country: FEN\n  sector: GOV\n")
    assert read_user_actors(yaml_file) == [{"name": "Fenwick", "country": "FEN", "sector": "GOV"}]


def test_bad_files_raise_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="'name' column"):
        read_user_actors(_write(tmp_path, "bad.csv", "who,where\nX,Y\n"))
    with pytest.raises(DictionaryError, match="each with a name"):
        read_user_actors(_write(tmp_path, "bad_actors.yaml", "- country: FEN\n"))
    with pytest.raises(DictionaryError, match="cannot read"):
        read_user_actors(tmp_path / "missing.actors.txt")


def test_files_are_told_apart_by_name_and_by_content(tmp_path: Path) -> None:
    actors = _write(tmp_path, "plain.txt", ACTORS)
    agents = _write(tmp_path, "words.txt", AGENTS)
    verbs = _write(tmp_path, "other.txt", "--- ENDORSE [051] ---\nENDORSE\n- * ACCORD [057]\n")
    patterns = _write(tmp_path, "patterns.yaml", "- code: '042'\n  verbs: [tour]\n")
    people = _write(tmp_path, "people.yaml", "- name: Fenwick\n  country: FEN\n")
    assert (file_kind(actors), file_kind(agents)) == ("actors", "agents")
    assert is_actor_file(actors) and is_actor_file(agents) and is_actor_file(people)
    assert not is_actor_file(verbs) and not is_actor_file(patterns)
    assert not is_actor_file(_write(tmp_path, "x.discards.txt", "CHESS\n"))


def test_loaded_files_resolve_actors_with_dates_and_agents(tmp_path: Path) -> None:
    actors = _write(tmp_path, "tests.actors.txt", ACTORS)
    agents = _write(tmp_path, "tests.agents.txt", AGENTS)
    pipe = get_pipeline(dictionaries=[actors, agents])

    def actor(text: str, day: str, word: str):  # type: ignore[no-untyped-def]
        doc = pipe.nlp(text)
        found = pipe.resolver.scan(doc, dt.date.fromisoformat(day))
        return pipe.resolver.actor_of(next(t for t in doc if t.text == word), found)

    assert actor("Red Rudolf spoke in Zenda.", "1995-03-01", "Rudolf").code == "RURGOV"
    assert actor("Red Rudolf spoke in Zenda.", "2001-03-01", "Rudolf").code == "RUROPP"
    assert actor("Red Rudolf spoke in Zenda.", "1990-03-01", "Rudolf").code == "RUR"
    assert actor("The Ruritanian peace envoys arrived.", "2001-03-01", "envoys").code == "RURGOVENV"
    assert actor("Strelsau ferry captains refused.", "2001-03-01", "captains").code == "RURCIV"
    league = actor("The League of Small Nations met.", "2001-03-01", "League")
    assert (league.country, league.code) == ("LSN", "IGOLSN")


def test_a_dated_international_code_keeps_the_whole_code(tmp_path: Path) -> None:
    text = (
        "BLACK_BANNER_FRONT\n+BBF_\n\t[IMGMUSBBF >20130408]\n\n"
        "OLD_LEAGUE\n\t[IGOOLD <19991231]\n\t[IGONEW >20000101]\n"
    )
    records = {r["name"]: r for r in read_actors(_write(tmp_path, "dated.actors.txt", text))}
    front = records["Black Banner Front"]
    assert (front["kind"], front["code"], front["country"]) == ("organisation", "IMGMUSBBF", "BBF")
    assert "roles" in records["Old League"]  # two codes: the dates decide, as for any dated entry
