#!/usr/bin/env python3
"""Loads DIR/report.html in headless Chromium through the DevTools protocol (over
--remote-debugging-pipe, standard library only), fails on console errors, exceptions, log
errors (failed loads, blocked requests), images that did not decode or a missing fit plot, and
saves a screenshot.

Usage: check_report.py DIR [--screenshot PNG] [--width 1280] [--max-height 0] [--top 0] [--browser chromium]
Exit status 0 when the page is clean, 1 otherwise.
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    """Chromium with the DevTools protocol on file descriptors 3 (commands) and 4 (replies)."""

    def __init__(self, executable, profile):
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        # The shell puts the pipe ends on descriptors 3 and 4, where Chromium expects them.
        self.process = subprocess.Popen(
            ["/bin/sh", "-c", f'exec "$0" "$@" 3<&{to_child_r} 4>&{from_child_w}', executable,
             "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"],
            pass_fds=(to_child_r, from_child_w), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while time.time() < deadline:
            reply = self.read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)
        raise TimeoutError(method)

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method, timeout=60):
        for event in self.events:
            if event.get("method") == method:
                return event
        deadline = time.time() + timeout
        while time.time() < deadline:
            event = self.read()
            self.events.append(event)
            if event.get("method") == method:
                return event
        raise TimeoutError(method)

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def problems_in(events):
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            found.append("exception: " + params.get("exceptionDetails", {}).get("text", "?"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            found.append("console.error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            found.append(f"log error ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}".strip())
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--screenshot", default=None, help="PNG to write (default DIR/report.png)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--max-height", type=int, default=0, help="crop the screenshot to this height (0: whole page)")
    parser.add_argument("--top", type=int, default=0, help="start the screenshot this many CSS pixels down the page")
    parser.add_argument("--browser", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    args = parser.parse_args()
    report = os.path.abspath(os.path.join(args.folder, "report.html"))
    if not os.path.isfile(report):
        print(f"no report.html in {args.folder}", file=sys.stderr)
        return 1
    screenshot = args.screenshot or os.path.join(args.folder, "report.png")
    profile = tempfile.mkdtemp(prefix="lacuna-chromium-")
    browser = Browser(args.browser, profile)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Page"):
            browser.send(f"{domain}.enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": args.width, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
        browser.send("Page.navigate", {"url": "file://" + report}, session=session)
        browser.wait_for("Page.loadEventFired")
        checks = {
            "fit plot": "!!document.querySelector('#fit-0 svg polyline')",
            "every image decoded": "Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)",
            "no external resources": "performance.getEntriesByType('resource').length === 0",
        }
        failures = []
        for name, expression in checks.items():
            value = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                 session=session)["result"].get("value")
            if value is not True:
                failures.append(f"check failed: {name}")
        images = browser.send("Runtime.evaluate", {"expression": "document.images.length", "returnByValue": True},
                              session=session)["result"].get("value")
        metrics = browser.send("Page.getLayoutMetrics", session=session)
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        top = max(0, min(args.top, int(size["height"]) - 1))
        height = int(size["height"]) - top
        if args.max_height > 0:
            height = min(height, args.max_height)
        shot = browser.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": top, "width": args.width, "height": height, "scale": 1}}, session=session)
        with open(screenshot, "wb") as out:
            out.write(base64.b64decode(shot["data"]))
        failures += problems_in(browser.events)
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"{report}: {images} images, page {int(size['height'])} px tall; screenshot {screenshot}; "
          + ("OK" if not failures else f"{len(failures)} problems"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
