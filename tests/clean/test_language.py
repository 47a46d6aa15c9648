"""Only English articles pass; text too short to judge is not rejected."""

from __future__ import annotations

import pytest

from newsevents.clean import clean_article
from newsevents.model import Article, ArticleError

GERMAN = (
    "Der israelische Ministerpräsident hat den Besuch zweier enger Berater in Washington abgesagt, "
    "nachdem sich die Vereinigten Staaten bei der Abstimmung im Sicherheitsrat enthalten hatten. "
    "Die Regierung in Jerusalem zeigte sich über die Entscheidung tief enttäuscht."
)
FRENCH = (
    "Le Premier ministre israélien a annulé la visite de deux de ses proches conseillers à Washington, "
    "après l'abstention des États-Unis lors du vote au Conseil de sécurité. Le gouvernement s'est dit "
    "profondément déçu par cette décision."
)
ENGLISH = (
    "Israel's prime minister cancelled the visit of two close advisers to Washington after the United "
    "States abstained in the Security Council vote. The government said it was deeply disappointed."
)


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (FRENCH, "fr")])
def test_a_non_english_article_is_rejected_with_its_language(text: str, code: str) -> None:
    result = clean_article(Article(text=text, origin="foreign.txt"))
    assert isinstance(result, ArticleError)
    assert result.reason == f"language is '{code}', not English"
    assert (result.stage, result.origin) == ("clean", "foreign.txt")


def test_an_english_article_passes_with_its_language_set() -> None:
    result = clean_article(Article(text=ENGLISH))
    assert isinstance(result, Article) and result.language == "en"


def test_a_short_text_is_too_short_to_reject() -> None:
    short = "Berater in Washington abgesagt."  # German, but under 40 characters
    result = clean_article(Article(text=short))
    assert isinstance(result, Article) and result.text == short
