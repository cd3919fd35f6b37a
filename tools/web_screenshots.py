"""Take the web app's screenshots for the docs (docs/screenshots/*.png) in headless Chromium.

    python tools/web_screenshots.py [--chromium /usr/bin/chromium] [--out docs/screenshots]

The store holds only the articles written for the web tests (tests/web_support.py), so the
pictures show no real news.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from marsad.store import Store, ingest_documents  # noqa: E402
from marsad.web import create_app  # noqa: E402
from web_support import live_server, web_documents  # noqa: E402

SHOTS = {  # file name -> (path, CSS selector to wait for)
    "list.png": ("/", "tr.event-row"),
    "event.png": ("/event?article=1&event=EV1", "#article-text"),
    "hostile.png": ("/event?article=4&event=EV1", "#article-text"),
    "map.png": ("/map", "svg.map .cluster"),
    "timeline.png": ("/charts", "svg.timeline rect.bar"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        target = str(Path(tmp) / "shots.db")
        with Store(target, write=True) as store:
            ingest_documents(store, web_documents())
        with live_server(create_app(target)) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            for name, (path, selector) in SHOTS.items():
                page.goto(url + path)
                page.wait_for_selector("body[data-ready='1']")
                page.wait_for_selector(selector)
                page.screenshot(path=str(out / name), full_page=name != "list.png")
                print(out / name)
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
