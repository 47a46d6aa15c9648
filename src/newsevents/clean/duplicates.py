"""Near-duplicate articles across a run: MinHash signatures of word 5-shingles, found with LSH.

Wire stories reprinted with a changed word or two, another dateline or a sentence cut share most of their
5-word shingles; a different article on the same story shares almost none. Candidates from the LSH index
are confirmed by the signatures' estimated Jaccard similarity, so the LSH's false positives never count.
"""

from __future__ import annotations

import re

from datasketch import LeanMinHash, MinHash, MinHashLSH

from newsevents.model import Article

SHINGLE_WORDS = 5
THRESHOLD = 0.8
NUM_PERM = 128
SEED = 1  # fixed, so the same articles always give the same signatures
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Lower-cased word n-grams; a text shorter than one n-gram is its own single shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


class NearDuplicates:
    """Remembers the articles it has seen; ``check`` names an earlier near-duplicate of a new one.

    Memory: about 1 KB per remembered article (a 128-value signature), plus the LSH index.
    """

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._index = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: list[LeanMinHash] = []
        self._ids: list[str] = []

    def __len__(self) -> int:
        return len(self._ids)

    def check(self, article: Article) -> str | None:
        """The id of the earliest remembered near-duplicate; else None, and the article is remembered.

        An article with no words is neither a duplicate nor remembered.
        """
        signature = self._signature(article.text)
        if signature is None:
            return None
        earlier = self._earliest_match(signature)
        if earlier is not None:
            return self._ids[earlier]
        key = len(self._ids)
        self._index.insert(key, signature)
        self._signatures.append(signature)
        self._ids.append(article.id)
        return None

    def _signature(self, text: str) -> LeanMinHash | None:
        grams = shingles(text)
        if not grams:
            return None
        minhash = MinHash(num_perm=self.num_perm, seed=SEED)
        minhash.update_batch(list(grams))
        return LeanMinHash(minhash)

    def _earliest_match(self, signature: LeanMinHash) -> int | None:
        candidates = sorted(self._index.query(signature))
        return next(
            (key for key in candidates if self._signatures[key].jaccard(signature) >= self.threshold),
            None,
        )
