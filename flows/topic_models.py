"""Outlet adaptations of the topic model on disk: written by ``akhbar adapt-topics``, read by the runs that name them.

An adaptation file (``.npz``, no pickles) holds only the second model (``transforms.topic_adapt.Student``) and a JSON
record of how it was made; at load time it is combined with the shipped model it was made from, so a file made
from another model version is refused instead of silently mixing models. Written atomically (temporary file,
then rename): a killed ``adapt-topics`` leaves the previous file or the new one.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from transforms import topics
from transforms.topic_adapt import Adaptation, AdaptationError, Student, combine

FORMAT = "akhbar-topic-adaptation/1"


def save(adaptation: Adaptation, path: str | os.PathLike[str], made_from: dict[str, Any]) -> dict[str, Any]:
    """Write the adaptation and return its record (``made_from``: which articles, for the record)."""
    st = adaptation.student
    meta = {
        "format": FORMAT,
        "model_version": adaptation.model.version,
        "base_version": adaptation.base_version,
        "threshold": adaptation.threshold,
        "articles": adaptation.articles,
        "confident_articles": adaptation.confident,
        "abstains": list(adaptation.abstains),
        "made_from": made_from,
        "made_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".adapt-", suffix=".npz", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            np.savez_compressed(
                fh, weights=st.weights.astype(np.float16), bias=st.bias, cal_weights=st.cal_weights,
                cal_bias=st.cal_bias, meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
            )
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the file is for every run that names it
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return meta


def load(path: str | os.PathLike[str]) -> topics.TopicModel:
    """The shipped model combined with the adaptation at ``path`` (cached while the file is unchanged)."""
    st = os.stat(path)
    return _load(str(Path(path).resolve()), st.st_mtime_ns, st.st_size)


def check(path: str | os.PathLike[str]) -> str | None:
    """Why the adaptation file at ``path`` cannot be used, or None: runs check before they start."""
    try:
        load(path)
    except FileNotFoundError:
        return f"no topic adaptation file at {path} (write one with `akhbar adapt-topics`)"
    except (OSError, AdaptationError) as exc:
        return str(exc)
    return None


def record(path: str | os.PathLike[str]) -> dict[str, Any]:
    with np.load(path, allow_pickle=False) as arrays:
        return json.loads(arrays["meta"].tobytes().decode("utf-8"))


@cache
def _load(path: str, _mtime: int, _size: int) -> topics.TopicModel:
    try:
        with np.load(path, allow_pickle=False) as arrays:
            meta = json.loads(arrays["meta"].tobytes().decode("utf-8"))
            student = Student(
                weights=arrays["weights"].astype(np.float32),
                bias=arrays["bias"],
                cal_weights=arrays["cal_weights"],
                cal_bias=arrays["cal_bias"],
            )
    except (OSError, ValueError, KeyError) as exc:
        raise AdaptationError(f"{path}: not a topic adaptation file ({exc})") from exc
    if meta.get("format") != FORMAT:
        raise AdaptationError(f"{path}: not a topic adaptation file (format {meta.get('format')!r})")
    base = topics.shipped_model()
    if meta["base_version"] != base.version:
        raise AdaptationError(
            f"{path} adapts topic model {meta['base_version']}, but this akhbar ships {base.version}: "
            "run `akhbar adapt-topics` again"
        )
    model = combine(base, student)
    if model.version != meta["model_version"]:
        raise AdaptationError(f"{path}: content does not match its record ({model.version})")
    return model
