"""Is the article English? py3langid, its model shipped inside the package, loaded once per process."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

ENGLISH = "en"
# Below this many characters a guess is noise (a name, a dateline): such text is not judged.
MIN_CHARS_TO_JUDGE = 40
# The opening of an article tells its language; scoring a whole long article only costs time.
SAMPLE_CHARS = 2000


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The most likely language code of the text, and its probability."""
    language, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return str(language), float(probability)


def not_english_reason(text: str) -> str | None:
    """Why the text is not taken as English, or None when it is (or is too short to tell)."""
    if len(text) < MIN_CHARS_TO_JUDGE:
        return None
    language, _ = detect_language(text)
    if language == ENGLISH:
        return None
    return f"language is {language!r}, not English"
