"""The Vega, Vega-Lite and Vega-Embed JavaScript inlined into every report.

vl-convert builds the bundle (about 0.9 MB) in roughly 9 s, which alone would blow the report's
time budget, so the bundle ships pre-built in ``templates/vega-bundle.js`` (Vega, Vega-Lite and
Vega-Embed are BSD-3-Clause; see ``templates/VEGA-LICENSES.md``). Rebuild it after upgrading
altair or vl-convert-python with::

    .venv/bin/python -m reports.vendor

If the shipped file is missing or was built for another Vega-Lite version, the bundle is built on
the fly once and cached under ``$XDG_CACHE_HOME/akhbar``.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path

BUNDLE = "templates/vega-bundle.js"


def vegalite_version() -> str:
    """Vega-Lite major.minor that Altair writes specs for (e.g. '6.4')."""
    import altair as alt

    return ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def _header(vl: str) -> str:
    import vl_convert as vlc

    return f"// akhbar vega bundle: vega {vlc.get_vega_version()}, vega-lite {vl}, vega-embed {vlc.get_vega_embed_version()}\n"


def build_bundle(vl: str) -> str:
    import vl_convert as vlc

    return _header(vl) + vlc.javascript_bundle(vl_version=vl)  # type: ignore[call-arg]  # stub lacks snippet=None


def _cache_path(vl: str) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "akhbar" / f"vega-bundle-vl{vl}.js"


@cache
def javascript_bundle() -> str:
    """The bundle defining ``window.vegaEmbed``: shipped file, else user cache, else built now."""
    vl = vegalite_version()
    head = _header(vl)
    shipped = resources.files("reports").joinpath(BUNDLE)
    if shipped.is_file():
        text = shipped.read_text(encoding="utf-8")
        if text.startswith(head):
            return text
    cached = _cache_path(vl)
    if cached.is_file():
        text = cached.read_text(encoding="utf-8")
        if text.startswith(head):
            return text
    text = build_bundle(vl)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(cached)
    except OSError:
        pass
    return text


def main() -> None:
    path = Path(__file__).resolve().parent / BUNDLE
    path.write_text(build_bundle(vegalite_version()), encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
