"""Open a rendered report in headless Chromium, wait for its charts, take a full-page screenshot
and list console errors and network requests (the report must make none but the file itself).

    .venv/bin/python scripts/screenshot_report.py data/reports/report.html --png /tmp/report.png

Used by tests/test_report_browser.py; needs Debian's chromium and chromium-driver
(scripts/test_setup.sh installs them).
"""

from __future__ import annotations

import argparse
import base64
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage")


def chromium_available() -> str | None:
    """Why the browser cannot run here, or None when it can."""
    if not Path(CHROMEDRIVER).exists():
        return f"{CHROMEDRIVER} not found (apt-get install chromium-driver; scripts/test_setup.sh does it)"
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        return "chromium not found (apt-get install chromium; scripts/test_setup.sh does it)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    return None


@dataclass
class PageCheck:
    url: str
    screenshot: Path
    console: list[dict] = field(default_factory=list)  # every browser log entry
    requests: list[str] = field(default_factory=list)  # every URL the page asked for
    charts: int = 0  # chart containers on the page
    drawn: int = 0  # of them, drawn as SVG
    rtl: bool = False
    height: int = 0
    parts: list[Path] = field(default_factory=list)  # the page in slices, easier to look at
    text_sample: str = ""

    @property
    def errors(self) -> list[dict]:
        return [e for e in self.console if e.get("level") == "SEVERE"]

    @property
    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if u != self.url]


def check_report(html: Path, png: Path, width: int = 1280, timeout: float = 30.0, slice_height: int = 0,
                 text_selector: str = "body") -> PageCheck:
    """Open ``html``, wait for the charts, screenshot it to ``png``; ``text_selector`` picks the
    element whose visible text is returned in ``text_sample``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    html = html.resolve()
    url = html.as_uri()
    profile = tempfile.mkdtemp(prefix="akhbar-chromium-")
    opts = webdriver.ChromeOptions()
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.add_argument(f"--window-size={width},900")
    opts.add_argument("--lang=ar")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    result = PageCheck(url=url, screenshot=png)
    try:
        driver.get(url)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result.charts, result.drawn = driver.execute_script(
                "var c = document.querySelectorAll('div.chart');"
                "var d = 0; c.forEach(function(x){ if (x.querySelector('svg')) d++; });"
                "return [c.length, d];"
            )
            if result.drawn >= result.charts:
                break
            time.sleep(0.2)
        time.sleep(0.5)  # let the last chart finish its layout
        result.rtl = driver.execute_script("return getComputedStyle(document.body).direction") == "rtl"
        result.text_sample = driver.execute_script(
            "var e = document.querySelector(arguments[0]); return e ? e.innerText : '';", text_selector)
        result.height = int(driver.execute_script("return document.documentElement.scrollHeight"))
        driver.set_window_size(width, min(max(result.height, 900), 16000))
        time.sleep(0.5)
        png.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(png))
        if slice_height:
            for i, top in enumerate(range(0, result.height, slice_height)):
                shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
                    "format": "png", "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": top, "width": width, "height": min(slice_height, result.height - top),
                             "scale": 1},
                })
                part = png.with_name(f"{png.stem}-{i + 1:02d}.png")
                part.write_bytes(base64.b64decode(shot["data"]))
                result.parts.append(part)
        result.console = driver.get_log("browser")
        # Chromium first shows its own start page (chrome:// resources) in the same tab: count every
        # request from the navigation to the report onwards, whatever frame or URL it has.
        started = False
        for entry in driver.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg.get("method") != "Network.requestWillBeSent":
                continue
            params = msg["params"]
            if not started and params["request"]["url"] == url and params.get("type") == "Document":
                started = True
            if started:
                result.requests.append(params["request"]["url"])
        if not started:
            raise RuntimeError(f"no request for {url} in the performance log")
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("html", type=Path)
    ap.add_argument("--png", type=Path, default=Path(tempfile.gettempdir()) / "akhbar-report.png")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--slices", type=int, default=0, metavar="PX", help="also save the page in slices of PX pixels")
    args = ap.parse_args(argv)
    why = chromium_available()
    if why:
        print(why, file=sys.stderr)
        return 2
    r = check_report(args.html, args.png, args.width, slice_height=args.slices)
    print(f"screenshot: {r.screenshot} (page height {r.height}px)")
    for part in r.parts:
        print(f"  slice: {part}")
    print(f"charts drawn: {r.drawn}/{r.charts}; rtl: {r.rtl}")
    print(f"console errors: {len(r.errors)}")
    for e in r.console:
        print(f"  [{e.get('level')}] {e.get('message')}")
    print(f"requests other than the file: {len(r.foreign_requests)}")
    for u in r.foreign_requests:
        print(f"  {u[:200]}")
    return 0 if not r.errors and not r.foreign_requests and r.drawn == r.charts else 1


if __name__ == "__main__":
    sys.exit(main())
