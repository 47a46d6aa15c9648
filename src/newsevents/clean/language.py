"""Is the article English? py3langid, its model shipped inside the package, loaded once per process."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

ENGLISH = "en"
# Below this many characters a guess is noise (a name, a dateline): such text is not judged.
MIN_CHARS_TO_JUDGE = 40
# The opening of an article tells its language; scoring a whole long article only costs time.
SAMPLE_CHARS = 2000


# The languages news comes in. Restricting the model to them keeps English from being read as a close
# creole or pidgin (a short English sentence full of names came out as Nigerian Pidgin).
NEWS_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "sv", "no", "da", "fi", "pl", "cs", "sk", "hu", "ro", "bg",
    "el", "tr", "ru", "uk", "sr", "hr", "sl", "lt", "lv", "et", "ar", "fa", "he", "ur", "hi", "bn", "ta",
    "zh", "ja", "ko", "vi", "th", "id", "ms", "tl", "sw", "am", "ka", "hy", "az", "kk",
)  # fmt: skip
# Below this probability the model is unsure, and an unsure article is given the benefit of the doubt.
MIN_CONFIDENCE = 0.9


@cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(NEWS_LANGUAGES))
    return identifier


def detect_language(text: str) -> tuple[str, float]:
    """The most likely language code of the text, and its probability."""
    language, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return str(language), float(probability)


def not_english_reason(text: str) -> str | None:
    """Why the text is not taken as English, or None when it is (or is too short to tell)."""
    if len(text) < MIN_CHARS_TO_JUDGE:
        return None
    language, probability = detect_language(text)
    if language == ENGLISH or probability < MIN_CONFIDENCE:
        return None
    return f"language is {language!r}, not English"
