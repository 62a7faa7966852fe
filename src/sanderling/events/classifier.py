"""Learned PLOVER event-type sentence classifier: a fine-tuned MiniLM encoder + a linear softmax head.

Runs on onnxruntime + tokenizers + numpy only (no torch), entirely from files shipped in
``sanderling/events/data/`` (built by ``scripts/build_classifier.py``; see docs/classifier.md)::

    >>> from sanderling.events.classifier import SentenceClassifier
    >>> clf = SentenceClassifier.default()
    >>> probs = clf.predict_proba(["An airstrike on the village killed at least nine people."])
    >>> clf.labels[int(probs[0].argmax())]
    'ASSAULT'

The labels are the 16 PLOVER types and ``"none"`` (no codable event), in the order of ``classifier.json``.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from sanderling.errors import ModelError

META_FILE = "classifier.json"
MODE_FILE = "mode-head.npz"
_BY_DIR: dict[str, SentenceClassifier] = {}
_REBUILD = "run scripts/build_classifier.py (see docs/classifier.md) or reinstall sanderling"


def _default_threads() -> int:
    """SANDERLING_CLASSIFIER_THREADS, else OMP_NUM_THREADS (worker processes get 1), else up to 2."""
    for var in ("SANDERLING_CLASSIFIER_THREADS", "OMP_NUM_THREADS"):
        env = os.environ.get(var, "")
        if env.isdigit() and int(env) > 0:
            return int(env)
    return max(1, min(2, os.cpu_count() or 1))


def mean_pooled(sess: Any, tok: Any, inputs: set[str], texts: Sequence[str], batch_size: int, dim: int = 384,
                normalize: bool = True) -> np.ndarray:
    """Mean pooling over the attention mask of a MiniLM-style ONNX encoder (``sess``, tokenizer ``tok`` with
    truncation and padding set, model input names ``inputs``): float32 [n, dim], L2-normalised if asked."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths share a batch: less padding
    for start in range(0, len(order), batch_size):
        idx = order[start : start + batch_size]
        enc = tok.encode_batch([texts[i] for i in idx])
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        (hidden,) = sess.run(None, feed)  # InferenceSession.run is thread-safe
        m = mask[..., None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        if normalize:
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        out[idx] = pooled
    return out


def _data_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """``data_dir``, or the package's own ``sanderling/events/data``."""
    return Path(data_dir) if data_dir is not None else Path(str(resources.files("sanderling.events") / "data"))


def classifier_version(data_dir: str | os.PathLike[str] | None = None) -> str:
    """The version of a classifier folder (default: the shipped one), read from its metadata only:
    processes that stamp versions but never classify (the CLI) do not load the model."""
    base = _data_dir(data_dir)
    try:
        return str(json.loads((base / META_FILE).read_text("utf-8")).get("version", "unknown"))
    except (OSError, ValueError, AttributeError) as exc:
        raise ModelError(f"event classifier metadata {base / META_FILE} is unreadable ({exc}); {_REBUILD}") from exc


class SentenceClassifier:
    """Embeds sentences with an int8 ONNX all-MiniLM-L6-v2 and scores the 16 PLOVER event types.

    The ONNX session and tokenizer are created once, in ``__init__``; ``default()`` caches one instance.
    """

    _default: SentenceClassifier | None = None
    _default_lock = threading.Lock()

    def __init__(
        self,
        data_dir: str | os.PathLike[str] | None = None,
        *,
        threads: int | None = None,
        batch_size: int = 64,
        max_tokens: int | None = None,
    ):
        base = _data_dir(data_dir)
        meta_path = base / META_FILE
        if not meta_path.is_file():
            raise ModelError(f"event classifier metadata {meta_path} is missing; {_REBUILD}")
        try:
            self.meta: dict[str, Any] = json.loads(meta_path.read_text("utf-8"))
            enc = self.meta["encoder"]
            onnx_path = base / enc["onnx"]
            tok_path = base / enc["tokenizer"]
            head_path = base / self.meta["head"]["file"]
            labels = tuple(str(x) for x in self.meta["labels"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"event classifier metadata {meta_path} is unreadable ({exc}); {_REBUILD}") from exc
        for path in (onnx_path, tok_path, head_path):
            if not path.is_file():
                raise ModelError(f"event classifier file {path} is missing; {_REBUILD}")
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelError(f"event classifier needs {exc.name}: pip install onnxruntime tokenizers") from exc

        self.base = base
        self.labels: tuple[str, ...] = labels
        self.version: str = str(self.meta.get("version", "unknown"))
        # a dynamically quantised encoder scales activations per call: one sentence per call keeps it deterministic
        self.batch_size = max(1, int(enc.get("batch_size", batch_size)))
        self.max_tokens = int(max_tokens or enc.get("max_tokens", 128))
        self.dim = int(enc.get("dim", 384))
        self.normalize = bool(enc.get("normalize", True))
        try:
            with np.load(head_path, allow_pickle=False) as head:
                self._W = np.asarray(head["W"], dtype=np.float32)
                self._b = np.asarray(head["b"], dtype=np.float32)
                head_labels = tuple(str(x) for x in head["labels"])
        except Exception as exc:
            raise ModelError(f"event classifier head {head_path} is broken ({exc}); {_REBUILD}") from exc
        if head_labels != labels or self._W.shape != (len(labels), self.dim) or self._b.shape != (len(labels),):
            raise ModelError(f"event classifier head {head_path} does not match {meta_path}; {_REBUILD}")
        try:
            self._tok = Tokenizer.from_file(str(tok_path))
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = threads if threads and threads > 0 else _default_threads()
            opts.inter_op_num_threads = 1
            opts.log_severity_level = 3
            # the weights are stored int8 + DequantizeLinear; let constant folding turn them into fp32 once, here
            opts.add_session_config_entry("session.disable_quant_qdq", "1")
            self._sess = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime/tokenizers raise their own types for corrupt files
            raise ModelError(f"event classifier files in {base} are broken ({exc}); {_REBUILD}") from exc
        # optional per-type mode heads (scripts/build_mode_head.py), always the package's
        self._modes: dict[str, tuple[np.ndarray, np.ndarray, tuple[str, ...]]] = {}
        mode_path = _data_dir() / MODE_FILE
        if mode_path.is_file() and self.dim == 384:
            try:
                with np.load(mode_path, allow_pickle=False) as mh:
                    for key in mh.files:
                        if key.endswith("_modes"):
                            t = key.removesuffix("_modes")
                            W = np.asarray(mh[f"{t}_W"], np.float32)
                            b = np.asarray(mh[f"{t}_b"], np.float32)
                            self._modes[t] = (W, b, tuple(str(x) for x in mh[key]))
            except Exception as exc:
                raise ModelError(f"mode head {mode_path} is broken ({exc}); {_REBUILD}") from exc
        pad_id = self._tok.token_to_id("[PAD]")
        self._tok.enable_truncation(self.max_tokens)
        self._tok.enable_padding(pad_id=0 if pad_id is None else pad_id, pad_token="[PAD]")
        self._inputs = {i.name for i in self._sess.get_inputs()}

    @classmethod
    def default(cls) -> SentenceClassifier:
        """The shipped model, loaded on first use and cached for the process."""
        if cls._default is None:
            with cls._default_lock:
                if cls._default is None:
                    cls._default = cls()
        return cls._default

    @classmethod
    def load(cls, data_dir: str | os.PathLike[str] | None = None) -> SentenceClassifier:
        """The shipped model (``None``) or a head folder written by ``sanderling train``, cached per folder."""
        if data_dir is None:
            return cls.default()
        key = str(Path(data_dir).resolve())
        with cls._default_lock:
            if key not in _BY_DIR:
                _BY_DIR[key] = cls(key)
            return _BY_DIR[key]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Mean-pooled sentence embeddings, float32 [n, 384]; L2-normalised unless the head was trained on raw
        pooled vectors (``encoder.normalize`` in classifier.json)."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a sequence of strings, not a single string")
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        return mean_pooled(self._sess, self._tok, self._inputs, texts, self.batch_size, self.dim, self.normalize)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities [n, len(labels)] over ``self.labels`` (the order of classifier.json); rows sum to 1."""
        return self.head_proba(self.embed(texts))

    def head_proba(self, emb: np.ndarray) -> np.ndarray:
        """The head's probabilities for embeddings from :meth:`embed`."""
        logits = emb @ self._W.T + self._b
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        return probs

    def mode(self, emb: np.ndarray, etype: str) -> tuple[str, float]:
        """The most probable PLOVER mode of ``etype`` ("" = none fits) for one embedding, with its probability."""
        head = self._modes.get(etype)
        if head is None:
            return "", 0.0
        W, b, modes = head
        z = emb @ W.T + b
        z = np.exp(z - z.max())
        z /= z.sum()
        j = int(z.argmax())
        return modes[j], float(z[j])

    def predict(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """The most probable type and its probability for each text."""
        probs = self.predict_proba(texts)
        best = probs.argmax(axis=1) if len(probs) else np.zeros(0, dtype=int)
        return [(self.labels[int(j)], float(probs[i, j])) for i, j in enumerate(best)]


__all__ = ["SentenceClassifier"]
