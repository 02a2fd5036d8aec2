"""The report in a real browser: headless Chromium opens the rendered file, every chart draws, the page
is right to left, the console stays clean and the page asks the network for nothing.

Needs Debian's chromium and chromium-driver (scripts/test_setup.sh installs them); skips, saying
why, only when they are absent. The full-page screenshot is saved to $AKHBAR_SCREENSHOT (default:
<tmp>/akhbar-report-browser.png) and its path printed, so that a person can look at it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest

from flows.catalog import refresh_catalog
from reports.render import render

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshot_report import check_report, chromium_available  # noqa: E402
from test_reports import HOSTILE, sample_tables, write_tables  # noqa: E402

pytestmark = pytest.mark.slow


def test_report_in_headless_chromium(tmp_path: Path) -> None:
    why = chromium_available()
    if why:
        pytest.skip(why)
    catalog = refresh_catalog(write_tables(tmp_path / "lake", sample_tables()), tmp_path / "c.duckdb")
    with duckdb.connect(str(catalog), read_only=True) as con:
        html = render(con, tmp_path / "report" / "report.html").html
    png = Path(os.environ.get("AKHBAR_SCREENSHOT") or Path(tempfile.gettempdir()) / "akhbar-report-browser.png")

    result = check_report(html, png, width=1280, text_selector="#quotes")
    print(f"\nscreenshot of the report: {png} (page height {result.height}px)")

    assert not result.errors, f"console errors: {result.errors}"
    assert not result.foreign_requests, f"the page asked for: {result.foreign_requests}"
    assert result.requests == [html.resolve().as_uri()]
    assert result.charts >= 4 and result.drawn == result.charts, f"{result.drawn}/{result.charts} charts drawn"
    assert result.rtl
    # The hostile quote and speaker show as text: the markup did not run or vanish into the DOM.
    assert HOSTILE.split(" عنوان")[0] in result.text_sample  # '<script>alert("x")</script>'
    assert "<b>متحدث</b>" in result.text_sample
    assert png.stat().st_size > 50_000
