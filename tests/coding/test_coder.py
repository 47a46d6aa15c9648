"""The coder on sentences written for these tests: types, arguments, voice, coordination, status."""

from __future__ import annotations

import pytest

from newsevents import code_text
from newsevents.model import Event


def _events(text: str, day: str = "2024-03-25") -> list[Event]:
    return code_text(text, published=day)


def _dyads(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.source.country if e.source else None, e.plover_type, e.target.country if e.target else None)
        for e in events
    }


def test_active_and_passive_give_the_same_dyad() -> None:
    active = _dyads(_events("Russian forces attacked Ukrainian troops near Bakhmut."))
    passive = _dyads(_events("Ukrainian troops were attacked by Russian forces near Bakhmut."))
    assert ("RUS", "ASSAULT", "UKR") in active
    assert ("RUS", "ASSAULT", "UKR") in passive


def test_coordinated_subjects_give_one_event_each() -> None:
    dyads = _dyads(_events("France and Germany condemned Iran on Tuesday."))
    assert {("FRA", "ACCUSE", "IRN"), ("DEU", "ACCUSE", "IRN")} <= dyads


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Egypt will host talks with Israel next week.", "planned"),
        ("The Turkish foreign minister is scheduled to meet his Greek counterpart.", "planned"),
        ("Russia did not attack Ukraine's power grid overnight, officials said.", "negated"),
        ("Chinese warships could blockade Taiwan, analysts said.", "hypothetical"),
        ("Indian troops clashed with Chinese soldiers on the border.", "asserted"),
    ],
)
def test_status(text: str, status: str) -> None:
    events = _events(text)
    assert events, text
    assert events[0].status == status


def test_threat_codes_the_threat_not_the_threatened_act() -> None:
    events = _events("North Korea threatened to attack South Korea.")
    types = {e.plover_type for e in events}
    assert "THREATEN" in types
    assert "ASSAULT" not in types


def test_refusal_codes_reject_and_not_the_refused_meeting() -> None:
    events = _events("Iran refused to meet the American envoy in Oman.")
    types = {e.plover_type for e in events}
    assert "REJECT" in types
    assert "CONSULT" not in types


def test_sport_results_are_no_events() -> None:
    assert _events("Brazil beat Argentina 2-1 in a friendly match in Rio de Janeiro on Saturday.") == []


def test_abstaining_is_no_concession() -> None:
    events = _events("The United States abstained in the Security Council vote on the resolution.")
    assert not [e for e in events if e.plover_type in ("CONCEDE", "RETREAT")]


def test_event_records_are_stable() -> None:
    text = "Japan and Australia signed a defence agreement in Tokyo on Monday."
    first, second = _events(text), _events(text)
    assert first and [e.event_id for e in first] == [e.event_id for e in second]


def test_weekday_moves_the_event_date_back() -> None:
    events = _events("Spain recalled its ambassador to Argentina on Monday.", day="2024-05-22")
    assert events and events[0].date == "2024-05-20"


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("Hungary has said it will support Serbia.", ("HUN", "AGREE", "SRB")),
        (
            "The Kenyan government announced that it had expelled two Ugandan diplomats.",
            ("KEN", "SANCTION", "UGA"),
        ),
    ],
)
def test_a_pronoun_that_says_what_it_will_do_is_the_speaker(text: str, dyad: tuple[str, str, str]) -> None:
    assert dyad in _dyads(_events(text))


def test_easing_a_restriction_needs_no_named_counterpart_as_imposing_one_does() -> None:
    lifted = _dyads(_events("Sudan's government lifted the curfew in Khartoum on Sunday."))
    imposed = _dyads(_events("Sudan's government imposed a curfew in Khartoum on Sunday."))
    assert ("SDN", "CONCEDE", None) in lifted
    assert ("SDN", "COERCE", None) in imposed


def test_a_named_body_of_no_country_keeps_no_country_and_still_acts() -> None:
    events = _events(
        "Amnesty International accused the Ethiopian government of torturing detainees in Mekelle."
    )
    actors = {(e.source.name, e.source.country, e.plover_type, e.target.country) for e in events if e.source}
    assert ("Amnesty International", None, "ACCUSE", "ETH") in actors


def test_an_unplaced_domestic_actor_is_of_its_counterparts_country() -> None:
    events = _events("A judge opened an investigation into three Chilean ministers on Friday.")
    assert [(e.source.country, e.source.sector, e.plover_type) for e in events] == [("CHL", "JUD", "ACCUSE")]


def test_a_stance_prefix_names_no_nationality() -> None:
    events = _events("The pro-Iranian Hezbollah group declared a unilateral ceasefire in south Lebanon.")
    assert [(e.source.name, e.source.country) for e in events if e.source] == [("Hezbollah", "LBN")]


def test_announcing_ones_own_conflictual_act_is_a_threat_and_a_meeting_an_intent_to_meet() -> None:
    boycott = _events("Palestinian leaders said they would boycott all contacts with the United States.")
    meeting = _events("The Kenyan president said he would meet Ugandan President Yoweri Museveni next week.")
    assert [(e.source.country, e.plover_type, e.target.country, e.status) for e in boycott] == [
        ("PSE", "THREATEN", "USA", "asserted")
    ]
    assert [(e.plover_type, e.cameo_code, e.status) for e in meeting] == [("AGREE", "036", "planned")]


def test_a_cooperative_act_still_ahead_is_an_intent_and_a_past_or_negated_one_is_the_act() -> None:
    def coded(text: str) -> list[tuple[str, str, str]]:
        return [(e.plover_type, e.cameo_code, e.status) for e in _events(text)]

    assert coded("Japan will send humanitarian aid to Kenya.") == [("AGREE", "033", "planned")]
    assert coded("Japan sent humanitarian aid to Kenya.") == [("AID", "070", "asserted")]
    assert coded("Japan did not send humanitarian aid to Kenya.") == [("AID", "070", "negated")]


def test_a_definite_title_with_its_country_is_that_countrys_not_the_last_person_named() -> None:
    dyads = _dyads(_events("Vladimir Putin offered to negotiate with the president of Armenia on Monday."))
    assert ("RUS", "AGREE", "ARM") in dyads


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("The Kenyan president flew to Addis Ababa on Monday.", ("KEN", "CONSULT", "ETH")),
        ("Israeli tanks fired four shells at targets in Jenin, witnesses said.", ("ISR", "ASSAULT", "PSE")),
    ],
)
def test_an_act_on_a_place_abroad_targets_its_country(text: str, dyad: tuple[str, str, str]) -> None:
    assert dyad in _dyads(_events(text))


def test_coercion_by_no_one_named_is_by_the_places_authorities() -> None:
    events = _events("Two Reuters journalists were detained in Yangon on Tuesday.")
    assert [(e.source.country, e.plover_type, e.target.sector) for e in events] == [("MMR", "COERCE", "MED")]


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        (
            "Libya offered to transport two scholars to Britain, a newspaper said.",
            ("LBY", "AGREE", "030", "GBR"),
        ),
        ("Chad refused to hand over the two pilots to Sudan.", ("TCD", "REJECT", "120", "SDN")),
    ],
)
def test_a_promise_or_refusal_of_an_act_without_a_pattern_is_still_coded(
    text: str, coded: tuple[str, str, str, str]
) -> None:
    events = _events(text)
    assert coded in {
        (e.source.country, e.plover_type, e.cameo_code, e.target.country) for e in events if e.target
    }


def test_violence_by_an_unnamed_perpetrator_is_coded_without_a_source_and_nature_is_not() -> None:
    bombing = _events("A roadside bomb killed two Kenyan soldiers near Mandera on Sunday.")
    quake = _events("A magnitude 6.8 earthquake struck central Morocco late on Friday.")
    assert [(e.source, e.plover_type, e.target.country) for e in bombing] == [(None, "ASSAULT", "KEN")]
    assert bombing[0].confidence < 0.5
    assert quake == []


def test_an_event_noun_after_absence_of_is_negated() -> None:
    events = _events("In the absence of an agreement between Kenya and Somalia, the talks stalled.")
    assert events and {e.status for e in events if e.trigger == "agreement"} == {"negated"}


def test_a_first_name_is_not_taken_for_a_known_surname() -> None:
    events = _events(
        "Senate President Thomas Rivera Schatz criticised Governor Pedro Pierluisi.", day="2021-08-10"
    )
    assert all(e.source is None or e.source.name != "Jody Thomas" for e in events)


def test_one_head_noun_over_coordinated_countries_is_an_actor_for_each() -> None:
    dyads = _dyads(_events("The foreign ministers of Rwanda and Burundi held talks in Nairobi."))
    assert {("RWA", "CONSULT", "BDI"), ("BDI", "CONSULT", "RWA")} <= dyads


def test_an_actor_inside_the_subject_phrase_is_never_the_fallback_target() -> None:
    dyads = _dyads(_events("Syrian rebels backed by Turkey attacked a government checkpoint near Aleppo."))
    assert ("SYR", "ASSAULT", "TUR") not in dyads


def test_an_act_under_a_condition_is_hypothetical_even_when_announced() -> None:
    events = _events(
        "The army chief said Russia would shoot down the missiles if a US strike hit its troops."
    )
    assert [(e.plover_type, e.status) for e in events if e.trigger == "shoot"] == [
        ("ASSAULT", "hypothetical")
    ]


def test_a_government_acting_in_a_sentence_about_sport_is_still_coded() -> None:
    assert ("IND", "ACCUSE", "PAK") in _dyads(
        _events("The Indian government criticised Pakistan over the World Cup scheduling.")
    )
    assert _events("Brazil beat Argentina 2-0 in a friendly match in Rio.") == []


def test_an_act_conditional_on_anothers_doing_is_an_ultimatum_given_now() -> None:
    events = _events(
        "Nigeria said it will withdraw its troops from Chad unless the Chadian president agrees to a truce."
    )
    assert [(e.source.country, e.cameo_code, e.status, e.target.country) for e in events] == [
        ("NGA", "139", "asserted", "TCD")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each condemns; neither condemns the other (the target goes unnamed, as PLOVER codes it)
        ("France and Germany condemned the attack.", {("FRA", "ACCUSE", None), ("DEU", "ACCUSE", None)}),
        (
            "Japan and Australia signed a defence pact.",
            {("JPN", "SUPPORT", "AUS"), ("AUS", "SUPPORT", "JPN")},
        ),
        (
            "Kenya and Ethiopia accused each other of border violations.",
            {("KEN", "ACCUSE", "ETH"), ("ETH", "ACCUSE", "KEN")},
        ),
        (
            "Russia and Ukraine swapped 90 prisoners of war.",
            {("RUS", "RETREAT", "UKR"), ("UKR", "RETREAT", "RUS")},
        ),
    ],
)
def test_coordinated_doers_act_on_each_other_only_in_acts_done_in_turn(
    text: str, expected: set[tuple[str, str, str | None]]
) -> None:
    assert _dyads(_events(text)) == expected


def test_a_dyadic_act_with_no_named_target_is_coded_for_a_known_doer() -> None:
    assert _dyads(_events("Hungary promised to hold free elections next spring.")) == {("HUN", "AGREE", None)}
    # the doer must be known for itself: a country owning a phrase we cannot read is not the state
    assert _events("Pakistan's cricket team crushed its rivals in Multan.") == []
    # a merely possible act with no target says too little
    assert _events("Hungary could promise to hold free elections.") == []


def test_what_a_speaker_says_another_must_or_should_do_is_a_request_to_them() -> None:
    demanded = _events("Germany said Russia must withdraw its troops from Ukraine.")
    assert [(e.source.country, e.cameo_code[:2], e.target.country) for e in demanded] == [
        ("DEU", "10", "RUS")
    ]
    appealed = _events("France said Iran should release the detained journalists.")
    assert [(e.source.country, e.cameo_code[:2], e.target.country) for e in appealed] == [
        ("FRA", "02", "IRN")
    ]
    assert all(e.plover_type != "REQUEST" for e in _events("Iran said it must defend itself against Israel."))
    # a court saying someone must stay in jail rules; it asks nothing of them
    assert _events("A Turkish court said the British journalist must stay in jail.") == []


def test_the_support_verbs_indirect_object_is_the_event_nouns_target() -> None:
    assert ("EU", "AID", "TCD") in _dyads(_events("The European Union gave Chad 5 million euros of aid."))


def test_a_preposition_with_an_object_is_no_particle() -> None:
    # "give in" (080) is not "gave a speech in Paris"
    assert _events("French President Emmanuel Macron gave a speech in Paris on Monday.") == []


def test_a_stance_participle_names_its_subject_as_the_doer() -> None:
    # "is committed to": Vietnam commits itself, nobody commits Vietnam
    assert _dyads(_events("Vietnam is committed to opening up its economy.")) == {("VNM", "AGREE", None)}
    assert _dyads(_events("Israel is opposed to French mediation.")) == {("ISR", "REJECT", "FRA")}


def test_the_speaker_is_the_pronoun_subject_of_a_reported_copula() -> None:
    events = _events("Syria says it is willing to withdraw its troops from Lebanon.")
    assert _dyads(events) == {("SYR", "AGREE", "LBN")}


def test_hyphenated_pattern_words_match_as_spacy_splits_them() -> None:
    codes = {e.cameo_code for e in _events("Hamas and Israel agreed to a cease-fire in Gaza.")}
    assert codes == {"0356"}


def test_a_preposition_hung_on_the_particle_still_constrains_the_pattern() -> None:
    # "pulled out of the talks": spaCy attaches "of" under "out"
    assert [e.cameo_code for e in _events("Russia pulled out of the talks with Ukraine.")] == ["164"]


def test_a_named_group_followed_by_a_generic_noun_is_that_group() -> None:
    events = _events("The Hezbollah group declared a unilateral ceasefire on Wednesday.")
    assert [(e.source.name, e.plover_type) for e in events] == [("Hezbollah", "RETREAT")]


def test_what_another_must_do_is_a_demand_even_with_no_pattern_for_the_act() -> None:
    events = _events("Russia said on Tuesday that Sudan must return the captured helicopter.", "2023-01-01")
    assert [(e.source.country, e.cameo_code, e.target.country) for e in events] == [("RUS", "100", "SDN")]


def test_a_surname_shared_by_several_people_is_the_one_in_office_that_day() -> None:
    events = _events("Bush met Blair in Washington.", "2003-01-01")
    assert [(e.source.name, e.target.country) for e in events] == [("George W. Bush", "GBR")]


def test_a_pattern_object_may_stand_inside_a_measure_of_it() -> None:
    events = _events("The United States suspended part of its military aid to Bosnia.")
    found = [(e.plover_type, e.source.country, e.target.country) for e in events]
    assert found == [("SANCTION", "USA", "BIH")]


def test_a_target_no_different_from_the_doer_leaves_the_act_the_doers() -> None:
    events = _events("Croatia is investigating war crimes by Croatian extremists.")
    assert [(e.plover_type, e.source.country, e.target) for e in events] == [("ACCUSE", "HRV", None)]


def test_an_act_whose_subject_is_another_act_is_done_by_that_acts_doer() -> None:
    events = _events("Israeli air strikes killed 20 people in Gaza.", "2023-11-01")
    # the victims are the place's people, not the attacker's
    assert [(e.source.country, e.plover_type, e.target.country) for e in events] == [
        ("ISR", "ASSAULT", "PSE")
    ]


def test_forces_led_by_a_country_are_that_countrys() -> None:
    events = _events("Vietnamese-led forces have retaken a strategic village in Cambodia.", "1988-01-01")
    assert [(e.source.country, e.source.sector) for e in events] == [("VNM", "MIL")]


def test_a_verb_and_particle_cue_needs_its_particle() -> None:
    # "rule out" is a refusal; "ruled Afghanistan" is none
    text = "Taliban-ruled Afghanistan has been sharing expertise with the Tamil Tigers."
    events = _events(text, "2000-01-01")
    assert {e.plover_type for e in events} == {"COOPERATE"}
    refused = _events("Germany ruled out sending troops to Ukraine.")
    assert [(e.plover_type, e.source.country) for e in refused] == [("REJECT", "DEU")]


def test_a_verb_of_saying_whose_object_is_a_demand_states_that_demand() -> None:
    events = _events("The ILO reiterated its demand that Israel ease restrictions on Palestinian workers.")
    assert [(e.plover_type, e.source.country, e.target.country) for e in events] == [
        ("REQUEST", "UNO", "ISR")
    ]


def test_a_status_cue_of_several_words_governs_its_act() -> None:
    events = _events("Iran expressed willingness to resume talks with the United States.")
    assert [(e.plover_type, e.status, e.target.country) for e in events] == [("AGREE", "asserted", "USA")]


def test_a_promise_to_call_off_a_protest_is_an_intent_to_yield_not_a_threat() -> None:
    text = "Leaders of the Azadliq opposition coalition agreed to postpone the demonstration in Baku."
    events = _events(text, "2005-10-20")
    # the opposition, of no stated country, is of the place it acts in
    assert [(e.plover_type, e.cameo_code, e.source.country) for e in events] == [("AGREE", "0352", "AZE")]


def test_a_threat_noun_governs_its_act_and_the_threat_of_an_act_is_only_possible() -> None:
    threat = _events("Russia issued a threat to cut gas supplies to Ukraine.", "2019-01-01")
    assert [(e.plover_type, e.source.country, e.target.country) for e in threat] == [
        ("THREATEN", "RUS", "UKR")
    ]
    risk = _events("The threat of an Israeli attack on Iran grew.", "2019-01-01")
    assert [(e.plover_type, e.status) for e in risk] == [("ASSAULT", "hypothetical")]
    # a rejected appeal is a rejection, and the appeal still the appealer's
    dismissed = _events(
        "Ivorian rebels dismissed an appeal from President Laurent Gbagbo to disarm.", "2003-01-01"
    )
    assert {e.plover_type for e in dismissed} == {"REJECT", "REQUEST"}


def test_an_official_known_only_by_title_is_of_the_one_country_the_sentence_names() -> None:
    text = "The vice-president declined to resign despite pressure from Kenya's anti-graft commission."
    assert {(e.plover_type, e.source.country) for e in _events(text)} == {("REJECT", "KEN")}
    # a country named only as a place says nothing of whom the minister serves
    assert _events("The defence minister visited troops near the border with Russia.") == []


def test_coordinated_attackers_of_a_third_party_do_not_attack_each_other() -> None:
    bombed = _dyads(_events("Syrian and Russian jets bombed rebel-held positions in Idlib.", "2019-01-01"))
    assert bombed == {("SYR", "ASSAULT", None), ("RUS", "ASSAULT", None)}
    # a target of no party ("artillery fire") leaves an exchange reciprocal
    text = "Thai and Cambodian troops traded artillery fire along the border."
    traded = _dyads(_events(text, "2019-01-01"))
    assert traded == {("THA", "ASSAULT", "KHM"), ("KHM", "ASSAULT", "THA")}


def _top(events: list[Event]) -> Event:
    return max(events, key=lambda e: e.confidence)


def test_an_act_inside_another_coded_act_ranks_below_it() -> None:
    events = _events("Greece on Monday condemned as a grave mistake Turkey's blockade of Cypriot ports.")
    assert {"ACCUSE", "COERCE"} <= {e.plover_type for e in events}
    assert _top(events).plover_type == "ACCUSE"


def test_a_demand_made_by_staging_a_protest_ranks_below_the_protest() -> None:
    events = _events(
        "Thousands of nurses across Kenya staged rallies on Friday to demand higher pay from the government."
    )
    assert _top(events).plover_type == "PROTEST"
    assert _top(events).source is not None and _top(events).source.country == "KEN"


def test_a_civil_society_body_we_do_not_know_by_name_is_an_actor() -> None:
    events = _events("The Association of Kenyan Lawyers accused the police of torturing detainees.")
    sources = [e.source for e in events if e.plover_type == "ACCUSE" and e.source]
    assert sources and sources[0].sector == "NGO" and sources[0].name == "Association of Kenyan Lawyers"


def test_a_rights_group_of_no_stated_country_still_acts() -> None:
    events = _events("A human rights group criticised Tunisia on Tuesday.")
    assert [(e.plover_type, e.source and e.source.sector) for e in events] == [("ACCUSE", "NGO")]


def test_protesting_that_someone_fails_is_a_criticism_of_them() -> None:
    events = _events("Amnesty International protested that Egypt was holding journalists without charge.")
    assert ("ACCUSE", "EGY") in {(e.plover_type, e.target and e.target.country) for e in events}
    assert "PROTEST" not in {e.plover_type for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jordan said it would not accept more refugees from Syria.", ("REJECT", "asserted")),
        ("Poland won't support the EU plan, its prime minister said.", ("REJECT", "asserted")),
        ("Iran did not accept the French proposal.", ("AGREE", "negated")),
        ("Israel will not attack Lebanon, its defence minister said.", ("ASSAULT", "negated")),
    ],
)
def test_a_cooperative_act_its_doer_will_not_do_is_a_refusal(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(e.plover_type, e.status) for e in _events(text)}


def test_a_participle_parsed_as_subject_stands_for_the_noun_it_describes() -> None:
    events = _events("The Red Cross working in Yemen said Saudi forces must allow aid to reach Hodeidah.")
    assert ("REQUEST", "SAU") in {(e.plover_type, e.target and e.target.country) for e in events}


def test_militants_of_no_stated_country_still_attack_a_named_target() -> None:
    events = _events("Militants said they tried to assassinate Iraqi Prime Minister Mohammed Shia al-Sudani.")
    assert [(e.plover_type, e.source and e.source.sector) for e in events] == [("ASSAULT", "REB")]


def test_staged_is_read_as_stage_not_stag() -> None:
    events = _events("Iran staged naval war games in the Gulf on Monday.")
    assert [(e.plover_type, e.source and e.source.country) for e in events] == [("MOBILIZE", "IRN")]


def test_a_to_cue_needs_its_clause() -> None:
    assert {
        e.plover_type for e in _events("Oman undertook a mediation mission between Iran and Saudi Arabia.")
    } == {"CONSULT"}


def test_an_act_in_a_condition_is_not_what_is_promised() -> None:
    types = {
        e.plover_type for e in _events("Denmark is willing to send weapons to Estonia if it is attacked.")
    }
    assert "THREATEN" not in types and "AGREE" in types


def test_the_act_one_is_engaged_in_is_ones_own() -> None:
    events = _events(
        "Sudanese forces were engaged in ethnic cleansing against the Masalit people, the UN said."
    )
    assert ("ASSAULT", "SDN") in {(e.plover_type, e.source and e.source.country) for e in events}


def test_a_name_opened_by_a_lower_case_particle_is_found() -> None:
    events = _events("A US drone strike killed two senior al-Qaeda commanders in Yemen on Sunday.")
    targets = {e.target.name for e in events if e.plover_type == "ASSAULT" and e.target}
    assert "Al-Qaeda" in targets


@pytest.mark.parametrize("day", ["2024-03-25", None])
def test_a_government_named_by_its_leaders_surname_is_that_countrys(day: str | None) -> None:
    events = code_text("The Bush administration criticised Iran on Tuesday.", published=day)
    assert [(e.source.code if e.source else None, e.plover_type) for e in events] == [("USAGOV", "ACCUSE")]


def test_an_assassination_by_no_one_named_is_still_an_event() -> None:
    events = _events("The mayor of Kharkiv, Ihor Terekhov, was assassinated in Kharkiv on Monday.")
    assert [(e.plover_type, e.source, e.target and e.target.country) for e in events] == [
        ("ASSAULT", None, "UKR")
    ]


def test_violence_with_neither_doer_nor_victim_placed_is_not_coded() -> None:
    assert _events("Someone was assassinated on Monday.") == []


def test_gunmen_we_cannot_place_still_attack_a_placed_official() -> None:
    events = _events("A local official was shot dead by gunmen in Kandahar.")
    assert [(e.source and e.source.sector, e.target and e.target.country) for e in events] == [("UAF", "AFG")]


def test_an_investigation_by_no_one_named_is_the_places_authorities() -> None:
    events = _events("A British tourist has been put under investigation in Greece for starting a wildfire.")
    assert ("ACCUSE", "GRC", "GBR") in {
        (e.plover_type, e.source and e.source.country, e.target and e.target.country) for e in events
    }


def test_what_a_statement_given_to_someone_says_they_must_do_is_asked_of_them() -> None:
    events = _events("Germany sent a sharp warning to Serbia that it must withdraw its police from Kosovo.")
    assert ("REQUEST", "DEU", "SRB") in {
        (e.plover_type, e.source and e.source.country, e.target and e.target.country) for e in events
    }


def test_a_participle_on_a_statement_is_its_issuers() -> None:
    events = _events("Hamas issued a statement demanding that Israel release all Palestinian prisoners.")
    assert ("REQUEST", "PSE", "ISR") in {
        (e.plover_type, e.source and e.source.country, e.target and e.target.country) for e in events
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Irish peacekeeping troops arrived in Lebanon on Tuesday.", ("AID", "074")),
        ("Russian troops arrived in Belarus for joint drills.", ("MOBILIZE", "154")),
        ("The Chinese foreign minister arrived in Paris on Monday.", ("CONSULT", "042")),
    ],
)
def test_armed_forces_that_arrive_are_deployed_not_visiting(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(e.plover_type, e.cameo_code) for e in _events(text)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Kenya's electoral commission allowed opposition candidate Ali Musa to run in the election.",
            "0812",
        ),
        ("Tajikistan will allow refugees from Afghanistan to return home.", "0351"),
    ],
)
def test_what_a_verb_of_permission_lets_happen_is_its_object(text: str, code: str) -> None:
    assert code in {e.cameo_code for e in _events(text)}


def test_coordinated_parties_to_an_offensive_do_not_attack_each_other() -> None:
    offensive = _dyads(_events("The offensive by Syrian and Russian forces on Idlib began on Monday."))
    assert ("SYR", "ASSAULT", "RUS") not in offensive and ("RUS", "ASSAULT", "SYR") not in offensive
    clash = _dyads(_events("Clashes between Armenian and Azerbaijani troops killed 12 soldiers."))
    assert {("ARM", "ASSAULT", "AZE"), ("AZE", "ASSAULT", "ARM")} <= clash


def test_a_surname_modifying_a_common_noun_names_no_one() -> None:
    events = _events(
        "Members of the Syrian Christian community welcomed the decision by Turkey.", day="2019-01-01"
    )
    assert all(e.source is None or e.source.country != "FSM" for e in events)
    assert all(e.source is None or e.source.how != "surname" for e in events)


def test_what_someone_does_not_have_to_do_is_asked_of_no_one() -> None:
    said = 'A lawyer for the victim told reporters "Women in France {} justify their private life."'
    assert "REQUEST" in {e.plover_type for e in _events(said.format("have to"))}
    assert "REQUEST" not in {e.plover_type for e in _events(said.format("don't have to"))}


def test_a_state_leaving_a_union_or_a_treaty_is_no_military_retreat() -> None:
    events = _events("Britain completed its withdrawal from the European Union on Friday.")
    assert ("SANCTION", "160") in {(e.plover_type, e.cameo_code) for e in events}
    assert "RETREAT" not in {e.plover_type for e in events}
