#!/usr/bin/env python3
"""Open a page in headless Chromium over the DevTools protocol and report what happened.

Usage: chromium_check.py URL SCREENSHOT.png [--no-script] [--click SELECTOR]

Prints one JSON object: every request the page made, console messages,
uncaught exceptions and error log entries, the DOM after load (and after the
click, if asked), the page's size, and the boxes of its charts in screenshot
pixels. The screenshot covers the whole page. Standard library only; the
protocol runs over the pipe Chromium opens on file descriptors 3 and 4.
"""
import base64, json, os, subprocess, sys, tempfile, time

def main():
    args = sys.argv[1:]
    url, shot = args[0], args[1]
    script = "--no-script" not in args
    click = args[args.index("--click") + 1] if "--click" in args else None

    to_chrome_r, to_chrome_w = os.pipe()
    from_chrome_r, from_chrome_w = os.pipe()
    profile = tempfile.mkdtemp(prefix="taskreport-chromium-")

    def child_fds():
        os.dup2(to_chrome_r, 3)
        os.dup2(from_chrome_w, 4)

    chrome = subprocess.Popen(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
         "--user-data-dir=" + profile, "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "about:blank"],
        # The child's 3 and 4 are set by dup2 before exec; pass_fds keeps them open through it.
        preexec_fn=child_fds, pass_fds=(3, 4),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(to_chrome_r)
    os.close(from_chrome_w)
    writer = os.fdopen(to_chrome_w, "wb", buffering=0)
    reader = os.fdopen(from_chrome_r, "rb", buffering=0)
    pending = b""
    events = []
    next_id = [0]

    def receive():
        nonlocal pending
        while b"\0" not in pending:
            chunk = reader.read(65536)
            if not chunk:
                raise SystemExit("chromium closed the DevTools pipe")
            pending += chunk
        message, pending = pending.split(b"\0", 1)
        return json.loads(message)

    def call(method, params=None, session=None):
        next_id[0] += 1
        message = {"id": next_id[0], "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        writer.write(json.dumps(message).encode() + b"\0")
        while True:
            reply = receive()
            if reply.get("id") == next_id[0]:
                if "error" in reply:
                    raise SystemExit(f"{method}: {reply['error']}")
                return reply.get("result", {})
            events.append(reply)

    def wait_for(method, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for event in events:
                if event.get("method") == method:
                    return
            events.append(receive())
        raise SystemExit(f"no {method} within {timeout} s")

    try:
        target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ["Page", "Runtime", "Log", "Network", "DOM"]:
            call(domain + ".enable", session=session)
        call("Emulation.setScriptExecutionDisabled", {"value": not script}, session=session)
        call("Emulation.setDeviceMetricsOverride",
             {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
        call("Page.navigate", {"url": url}, session=session)
        wait_for("Page.loadEventFired")

        def dom():
            root = call("DOM.getDocument", {"depth": -1}, session=session)["root"]["nodeId"]
            return call("DOM.getOuterHTML", {"nodeId": root}, session=session)["outerHTML"], root

        html, root = dom()
        clicked_html = None
        if click:
            found = call("DOM.querySelector", {"nodeId": root, "selector": click}, session=session)["nodeId"]
            box = call("DOM.getBoxModel", {"nodeId": found}, session=session)["model"]["content"]
            call("DOM.scrollIntoViewIfNeeded", {"nodeId": found}, session=session)
            box = call("DOM.getBoxModel", {"nodeId": found}, session=session)["model"]["content"]
            x, y = (box[0] + box[4]) / 2, (box[1] + box[5]) / 2
            for kind in ["mousePressed", "mouseReleased"]:
                call("Input.dispatchMouseEvent",
                     {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}, session=session)
            clicked_html, root = dom()

        metrics = call("Page.getLayoutMetrics", session=session)["cssContentSize"]
        width, height = int(metrics["width"]), int(metrics["height"])
        call("Emulation.setDeviceMetricsOverride",
             {"width": 1280, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=session)
        html_after_resize, root = dom()
        charts = []
        for node in call("DOM.querySelectorAll", {"nodeId": root, "selector": "figure.chart"}, session=session)["nodeIds"]:
            attributes = call("DOM.getAttributes", {"nodeId": node}, session=session)["attributes"]
            name = dict(zip(attributes[::2], attributes[1::2])).get("id", "")
            image = call("DOM.querySelector", {"nodeId": node, "selector": "img, svg"}, session=session)["nodeId"]
            quad = call("DOM.getBoxModel", {"nodeId": image}, session=session)["model"]["content"]
            charts.append({"id": name, "x": quad[0], "y": quad[1], "width": quad[4] - quad[0], "height": quad[5] - quad[1]})
        picture = call("Page.captureScreenshot", {"format": "png"}, session=session)["data"]
        with open(shot, "wb") as file:
            file.write(base64.b64decode(picture))
        time.sleep(0.2)
        call("Runtime.evaluate", {"expression": "0"}, session=session)  # collect late events

        requests = [e["params"]["request"]["url"] for e in events if e.get("method") == "Network.requestWillBeSent"]
        console = [{"type": e["params"]["type"], "text": " ".join(str(a.get("value", a.get("description", ""))) for a in e["params"]["args"])}
                   for e in events if e.get("method") == "Runtime.consoleAPICalled"]
        exceptions = [e["params"]["exceptionDetails"].get("exception", {}).get("description", e["params"]["exceptionDetails"]["text"])
                      for e in events if e.get("method") == "Runtime.exceptionThrown"]
        log_errors = [e["params"]["entry"]["text"] + " " + e["params"]["entry"].get("url", "")
                      for e in events if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"]
        failed = [e["params"]["errorText"] for e in events if e.get("method") == "Network.loadingFailed"]
        print(json.dumps({"requests": requests, "console": console, "exceptions": exceptions, "log_errors": log_errors,
                          "failed_loads": failed, "dom": html, "dom_after_click": clicked_html,
                          "width": width, "height": height, "charts": charts}))
    finally:
        chrome.kill()
        chrome.wait()
        subprocess.run(["rm", "-rf", profile])

if __name__ == "__main__":
    main()
