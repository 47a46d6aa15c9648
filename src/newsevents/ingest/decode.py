"""Bytes to text: UTF-8 first, then a detected encoding, then Latin-1 (with a warning).

Binary junk (NUL bytes, many control bytes) is refused: it is an error, not an article.
"""

from __future__ import annotations

import codecs
import logging
from dataclasses import dataclass

import charset_normalizer

log = logging.getLogger(__name__)

# Bytes below 0x20 that real text never holds (tab, newlines, form feed and escape are allowed).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_MAX_CONTROL_SHARE = 0.01
_SNIFF_BYTES = 1 << 16
# Encodings that mark themselves with a byte order mark; they may hold NUL bytes legitimately.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, and the encoding it was read as."""

    text: str
    encoding: str


class NotText(ValueError):
    """The bytes are binary data, not text; the message is the one-line reason."""


def decode_bytes(data: bytes, *, where: str = "") -> Decoded:
    """Decode a file's bytes; raises NotText for binary junk."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_marked(data, encoding)
    refuse_binary(data)
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    detected = detect_encoding(data)
    if detected is not None:
        log.info("%s: not UTF-8, read as %s (detected)", where or "input", detected)
        return Decoded(data.decode(detected, errors="replace"), detected)
    log.warning("%s: not UTF-8 and no encoding detected; read as latin-1", where or "input")
    return Decoded(data.decode("latin-1"), "latin-1")


def refuse_binary(data: bytes) -> None:
    """Raise NotText when the bytes hold NULs or more control bytes than text ever has."""
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in data:
        raise NotText("binary data (NUL bytes), not text")
    if not sample:
        return
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        raise NotText(f"binary data ({controls} control bytes in the first {len(sample)}), not text")


def detect_encoding(data: bytes) -> str | None:
    """charset_normalizer's guess, except that cp1252 wins whenever it decodes with no more mess.

    On short Western text the detector's "coherence" is noise: it ranks cp1250 over cp1252 and turns
    "Genève" into "Genčve". English news that is not UTF-8 is nearly always cp1252 or Latin-1; text that
    really is Central European or Cyrillic decodes to a mess in cp1252 and keeps the detector's guess.
    """
    matches = charset_normalizer.from_bytes(data[: _SNIFF_BYTES * 16])
    best = matches.best()
    if best is None:
        return None
    if any(match.encoding == "cp1252" and match.chaos <= best.chaos for match in matches):
        return "cp1252"
    return best.encoding


def _decode_marked(data: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError as error:
        raise NotText(f"has a {encoding} byte order mark but does not decode: {error.reason}") from None
