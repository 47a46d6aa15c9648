"""Characters and whitespace: one pass of str.translate, then whitespace collapsed inside lines.

Curly quotes become straight ones: ‘ ’ ‛ to ' and “ ” ‟ to ". That is safe in English text (each is one
character for one, so nothing else shifts, and the parser knows both), and it lets a stray quote be found
by counting. Low quotes („ ‚), guillemets and primes (′ ″, feet and minutes) are left as they are: they
are not English quote marks, or not quotes at all.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = {"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "‟": '"'}
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Invisible characters scraped pages are full of: zero-width space and joiner-less marks, soft hyphen, BOM.
_INVISIBLE = "\u200b\u2060\ufeff\u00ad"
_LINE_BREAKS = "\u2028\u2029\u0085\x0b\x0c"


def _translation_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(char): None for char in _INVISIBLE}
    table.update({ord(char): " " for char in _SPACES})
    table.update({ord(char): "\n" for char in _LINE_BREAKS})
    table.update({ord(char): straight for char, straight in _QUOTES.items()})
    # Other control characters carry nothing readable.
    for code in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0)):
        table[code] = None
    return table


_TABLE = _translation_table()
_RUNS_OF_SPACES = re.compile(r" {2,}")


def normalise_characters(text: str) -> str:
    """NFC, one kind of line break, no invisible or control characters, straight quotes."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.translate(_TABLE)


def collapse_spaces(line: str) -> str:
    return _RUNS_OF_SPACES.sub(" ", line).strip()
