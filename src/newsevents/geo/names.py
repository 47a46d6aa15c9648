"""Place-name normalisation shared by the gazetteer builder and the lookups at run time.

Both sides must fold a name the same way, so the one function lives here and nowhere else.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not decompose into a base letter plus a mark.
_SPECIAL_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE", "œ": "oe",
     "Œ": "OE", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "ß": "ss"}
)  # fmt: skip
_APOSTROPHES = str.maketrans({"‘": "'", "’": "'", "ʻ": "'", "ʼ": "'", "`": "'", "´": "'"})
_DROPPED = re.compile(r"[.'\"()\[\]]")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/,]+")


def fold_name(text: str) -> str:
    """The lookup key of a place name: no accents, no dots or apostrophes, hyphens as spaces, casefolded.

    "Deir el-Balah" -> "deir el balah", "Rafaḩ" -> "rafah", "U.S." -> "us", "the Gaza Strip" -> "gaza strip".
    """
    text = ascii_name(text)
    text = _DROPPED.sub("", text)
    text = _SEPARATORS.sub(" ", text).strip().casefold()
    if text.startswith("the "):
        text = text[4:]
    return text


@lru_cache(maxsize=65536)
def cached_fold(text: str) -> str:
    """`fold_name` for the hot path, where the same mentions come back sentence after sentence."""
    return fold_name(text)


def ascii_name(text: str) -> str:
    """A display name in plain letters, case kept: "Khān Yūnis" -> "Khan Yunis", "Ma‘ale" -> "Ma'ale"."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS).translate(_APOSTROPHES))
    return "".join(ch for ch in text if ch.isascii())
