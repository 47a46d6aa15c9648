"""Plain-text cleaning: characters, paragraphs, trailing boilerplate, headlines."""

from __future__ import annotations

import unicodedata

import pytest

from newsevents.clean import clean_article, clean_text, clean_title
from newsevents.clean.headline import repeats
from newsevents.model import Article, ArticleError

LEAD = (
    "Germany on Wednesday expelled two Russian diplomats after federal prosecutors said they had "
    "evidence that Russia was behind the killing of a Georgian man in a Berlin park in August."
)
SECOND = (
    "The foreign ministry said the move was a response to Moscow's failure to cooperate with the inquiry."
)


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_comment_form_and_share_buttons_at_the_end_are_removed() -> None:
    text = f"{LEAD}\n\n{SECOND}\n\nShare this:\n\nTwitter\n\nFacebook\n\nLike this:\n\nLeave a Reply"
    assert paragraphs(clean_text(text)) == [LEAD, SECOND]


def test_a_related_posts_block_goes_with_its_heading() -> None:
    links = "Russia denies any role in Berlin killing\n\nMerkel warns of further steps"
    text = f"{LEAD}\n\n{SECOND}\n\nRelated posts\n\n{links}"
    assert paragraphs(clean_text(text)) == [LEAD, SECOND]


def test_boilerplate_words_inside_the_body_are_kept() -> None:
    middle = "Leave a Reply"
    text = f"{LEAD}\n\n{middle}\n\n{SECOND}"
    assert paragraphs(clean_text(text)) == [LEAD, middle + ".", SECOND]


def test_a_closing_block_never_cuts_into_long_body_text() -> None:
    long_paragraph = SECOND + " " + LEAD
    text = f"{LEAD}\n\nRelated\n\n{long_paragraph}"
    assert paragraphs(clean_text(text)) == [LEAD, "Related.", long_paragraph]


def test_whitespace_is_collapsed_and_paragraphs_are_separated_by_one_blank_line() -> None:
    text = f"  {LEAD.replace(' ', '   ', 3)}\r\n\r\n\r\n\t{SECOND}  \u00a0\n\n\n"
    assert clean_text(text) == f"{LEAD}\n\n{SECOND}"


def test_hard_wrapped_lines_are_joined_into_their_paragraph() -> None:
    words = LEAD.split()
    wrapped = " ".join(words[:12]) + "\n" + " ".join(words[12:24]) + "\n" + " ".join(words[24:])
    assert clean_text(wrapped + "\n\n" + SECOND) == f"{LEAD}\n\n{SECOND}"


def test_a_short_first_line_of_wrapped_text_is_not_taken_for_a_headline() -> None:
    text = "The Prime Minister of\nIsrael cancelled the visit of two advisers to Washington on Monday."
    assert clean_text(text) == " ".join(text.split("\n"))


def test_text_with_one_paragraph_a_line_keeps_its_paragraphs() -> None:
    assert clean_text(f"{LEAD}\n{SECOND}") == f"{LEAD}\n\n{SECOND}"


def test_unicode_is_nfc_invisible_characters_go_and_curly_quotes_become_straight() -> None:
    decomposed = unicodedata.normalize("NFD", "Café in Genève")
    text = f"{decomposed}: the minister\u2019s \u201cfinal\u201d offer\u200b was re\u00adjected."
    cleaned = clean_text(text)
    assert cleaned == 'Café in Genève: the minister\'s "final" offer was rejected.'
    assert unicodedata.is_normalized("NFC", cleaned)


def test_guillemets_and_primes_are_left_alone() -> None:
    text = "He stood 6\u2032 2\u2033 tall and called it \u00abla paix\u00bb."
    assert clean_text(text) == text


def test_a_stray_quote_at_the_end_of_the_headline_is_removed() -> None:
    cleaned = clean_text(f"Prime Minister cancels visit over Gaza invasion plan\u201d.\n\n{LEAD}")
    assert paragraphs(cleaned)[0] == "Prime Minister cancels visit over Gaza invasion plan."
    assert clean_title("Prime Minister cancels visit over Gaza invasion plan\u201d.") == (
        "Prime Minister cancels visit over Gaza invasion plan"
    )


def test_a_balanced_quote_at_the_end_of_the_headline_stays() -> None:
    headline = 'Minister calls plan "a disaster"'
    assert paragraphs(clean_text(f"{headline}\n\n{LEAD}"))[0] == headline + "."


def test_a_headline_repeated_right_under_itself_is_kept_once() -> None:
    text = f"Germany expels two Russian diplomats\n\nGermany Expels Two Russian Diplomats.\n\n{LEAD}"
    assert paragraphs(clean_text(text)) == ["Germany expels two Russian diplomats.", LEAD]


def test_a_headline_reworded_in_the_passive_is_kept_once() -> None:
    text = f"Germany expels two Russian diplomats\n\nTwo Russian diplomats expelled by Germany\n\n{LEAD}"
    assert paragraphs(clean_text(text)) == ["Germany expels two Russian diplomats.", LEAD]


def test_a_subtitle_that_says_something_else_is_kept_as_a_sentence_of_its_own() -> None:
    text = f"Germany expels two Russian diplomats\nMoscow vows to respond in kind\n{LEAD}"
    assert paragraphs(clean_text(text)) == [
        "Germany expels two Russian diplomats.",
        "Moscow vows to respond in kind.",
        LEAD,
    ]


def test_a_short_lead_that_restates_the_headline_and_adds_a_date_is_kept() -> None:
    lead = "Germany expelled two Russian diplomats on Wednesday."
    text = f"Germany expels two Russian diplomats\n\n{lead}\n\n{SECOND}"
    assert paragraphs(clean_text(text)) == ["Germany expels two Russian diplomats.", lead, SECOND]


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("Talks end in Geneva.", "Talks end in Geneva"),
        ("Sanctions on the U.S.", "Sanctions on the U.S."),
        ("Talks go on...", "Talks go on..."),
        ("  Two\nlines  ", "Two lines"),
    ],
)
def test_a_title_loses_its_closing_period_only(title: str, clean: str) -> None:
    assert clean_title(title) == clean


def test_a_lead_sentence_restating_the_headline_is_never_dropped() -> None:
    text = f"Germany expels two Russian diplomats\n\n{LEAD}"
    assert paragraphs(clean_text(text)) == ["Germany expels two Russian diplomats.", LEAD]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Police arrest protest leader in Minsk", "Protest leader arrested by police in Minsk", True),
        ("Rebels seize airport near Tripoli", "Airport near Tripoli seized by rebels", True),
        (
            "EU imposes sanctions on Belarus officials",
            "Sanctions imposed on Belarus officials by the EU",
            True,
        ),
        ("Rebels seize airport near Tripoli", "Government troops retake Tripoli airport", False),
        ("Turkey shells Kurdish positions in Syria", "Kurdish forces shell Turkish border town", False),
        ("Burundi President Pierre Nkurunziza dies aged 55", "Burundi mourns its president", False),
    ],
)
def test_repeated_headlines_are_told_from_different_ones(first: str, second: str, same: bool) -> None:
    assert repeats(first, second) is same


def test_the_cleaned_text_replaces_the_text_and_the_id_is_kept() -> None:
    article = Article(text=f"Title line here\n\n{LEAD}  \n\nLeave a Reply", title="Title line here.")
    cleaned = clean_article(article)
    assert isinstance(cleaned, Article)
    assert (cleaned.id, cleaned.title, cleaned.language) == (article.id, "Title line here", "en")
    assert cleaned.text == f"Title line here.\n\n{LEAD}"
    assert article.text.endswith("Leave a Reply")  # the input is left as it was


def test_an_article_with_nothing_but_boilerplate_is_an_error() -> None:
    result = clean_article(Article(text="Share this:\n\nTwitter\n\nLeave a Reply", origin="x.txt"))
    assert isinstance(result, ArticleError)
    assert (result.stage, result.origin) == ("clean", "x.txt") and "empty" in result.reason


def test_an_article_of_invisible_characters_is_an_error() -> None:
    result = clean_article(Article(text="\u200b\u00ad \u00a0\n\ufeff"))
    assert isinstance(result, ArticleError) and "empty" in result.reason


def test_an_article_over_the_size_limit_is_refused_unparsed() -> None:
    huge = Article(text="Troops moved in. " * 1_194_118, origin="huge.txt")  # 20.3 million characters
    result = clean_article(huge)
    assert isinstance(result, ArticleError)
    assert result.reason == "article is 20.3 MB, over the 1.0 MB limit"
    assert result.stage == "clean" and result.article_id == huge.id


def test_the_size_limit_can_be_set() -> None:
    article = Article(text=LEAD)
    assert isinstance(clean_article(article, max_chars=50), ArticleError)
    assert isinstance(clean_article(article, max_chars=len(LEAD)), Article)
