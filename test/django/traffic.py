#!/usr/bin/env python3
"""Drives the test app's runserver with a bounded number of requests of each kind and writes the
truth as JSON: every record the app logged (the views return what they logged; Django's own
records follow from the request made), counted per statement, file, level, error type and SMS event.

    python3 traffic.py --base http://127.0.0.1:8123 --out truth.json [--scale 1] [--workers 4]

Stdlib only. Exit 0 when every request got the answer its kind expects, else 1 with the reason.
"""
import argparse
import collections
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

BODIES = [
    "What's the weather in Boston tomorrow?",
    'Translate "good morning" to Spanish',
    'remind me at 5pm: "call mom" \U0001f4de',
    "Best pizza near 10001?",
    'He said "it\'s fine" but is it? processing_time=5',
    "STOP",
    'Reply with {"ok": true} please',
]
# Django's own logging statements (django/utils/log.py, django/core/handlers/exception.py).
LOG_RESPONSE = "django/utils/log.py:log_response"
SECURITY = "django/core/handlers/exception.py:response_for_exception"
# runserver's access log: the guide's 'django' logger resets django.server to propagate, so it lands in app.log.
ACCESS = "django/core/servers/basehttp.py:log_message"


def families(logger, level):
    """Where the guide's LOGGING dict sends a record of this logger and level."""
    rank = {"DEBUG": 10, "INFO": 20, "WARNING": 30, "ERROR": 40, "CRITICAL": 50}[level]
    if rank < 20:
        return []
    if logger == "sms_agent.sms" or logger.startswith("sms_agent.sms."):
        return ["sms"]
    if logger.split(".")[0] in ("sms_agent", "django"):
        return ["app", "errors"] if rank >= 40 else ["app"]
    return []


def django_record(statement, logger, level, message, exception=None):
    return {"statement": statement, "logger": logger, "level": level, "message": message, "exception": exception}


def phone(i):
    return f"+1555{(1000000 + i * 7919) % 10000000:07d}"


def plan(scale):
    """(method, path, form data or raw body, headers, expected status, Django's own records)."""
    requests = []
    webhook = [("ok", 40), ("ai_down", 8), ("twilio_fail", 8)]
    i = 0
    for scenario, n in webhook:
        for _ in range(n * scale):
            form = {"From": phone(i % 23), "Body": BODIES[i % len(BODIES)], "scenario": scenario,
                    "spelling": str(i % 4)}
            requests.append(("POST", "/sms/webhook/", form, {}, 200, []))
            i += 1
    for n, status in [(16, "delivered"), (4, "undelivered")]:
        for k in range(n * scale):
            requests.append(("POST", "/sms/status/", {"MessageSid": f"SM{k + 77:032x}", "MessageStatus": status},
                             {}, 200, []))
    for k in range(6 * scale):
        requests.append(("POST", "/api/ingest/", json.dumps({"events": list(range(k + 1))}).encode(), {}, 200, []))
        requests.append(("POST", "/api/ingest/", b'{"events": [1, 2,', {}, 200, []))
    for event, n in [("signin", 10), ("signature", 6), ("quota", 6), ("upstream", 5), ("callback", 4), ("retry", 4),
                     ("backlog", 3)]:
        for k in range(n * scale):
            account = f"AC{(k * 2654435761) % (1 << 128):032x}"
            requests.append(("POST", f"/api/accounts/{account}/", {"event": event}, {}, 200, []))
    for k in range(4 * scale):
        path = "/reports/ratio/"
        requests.append(("GET", path, None, {}, 500, [
            django_record(LOG_RESPONSE, "django.request", "ERROR", f"Internal Server Error: {path}",
                          "ZeroDivisionError")]))
        path = f"/reports/q{k + 1}-summary/"
        requests.append(("GET", path, None, {}, 500, [
            django_record(LOG_RESPONSE, "django.request", "ERROR", f"Internal Server Error: {path}", "ReportError")]))
        requests.append(("GET", "/reports/daily/", None, {}, 200, []))
        path = ["/wp-login.php", "/.env", f"/static/app.{k:08x}.js", "/admin/"][k % 4]
        requests.append(("GET", path, None, {}, 404, [
            django_record(LOG_RESPONSE, "django.request", "WARNING", f"Not Found: {path}")]))
    for k in range(3 * scale):
        host = f"evil-{k}.example"
        message = f"Invalid HTTP_HOST header: '{host}'. You may need to add '{host}' to ALLOWED_HOSTS."
        requests.append(("GET", "/reports/daily/", None, {"Host": host}, 400, [
            django_record(SECURITY, "django.security.DisallowedHost", "ERROR", message),
            django_record(LOG_RESPONSE, "django.request", "WARNING", "Bad Request: /reports/daily/")]))
    return requests


def send(base, request):
    method, path, data, headers, expected, django_records = request
    if isinstance(data, dict):
        data = urllib.parse.urlencode(data).encode()
        headers = {**headers, "Content-Type": "application/x-www-form-urlencoded"}
    req = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=20) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    if status != expected:
        raise RuntimeError(f"{method} {path}: HTTP {status}, expected {expected}: {body[:300]!r}")
    said = json.loads(body)["said"] if status == 200 and path != "/reports/daily/" else []
    task = json.loads(body).get("task") if status == 200 and path == "/sms/webhook/" else None
    level = "ERROR" if status >= 500 else "WARNING" if status >= 400 else "INFO"
    access = django_record(ACCESS, "django.server", level, f'"{method} {path} HTTP/1.1" {status} {len(body)}')
    return said + django_records + [access], task


def truth_of(results):
    records = [record for said, _ in results for record in said]
    for record in records:
        record["families"] = families(record["logger"], record["level"])
    by_statement = collections.defaultdict(lambda: {"count": 0, "levels": collections.Counter(),
                                                    "exceptions": collections.Counter(), "messages": []})
    files = collections.Counter()
    levels = collections.defaultdict(collections.Counter)
    error_groups = collections.defaultdict(lambda: {"count": 0, "statements": set(), "messages": [],
                                                    "traceback": False})
    for record in records:
        entry = by_statement[record["statement"]]
        entry["count"] += 1
        entry["levels"][record["level"]] += 1
        if record["exception"]:
            entry["exceptions"][record["exception"]] += 1
        entry["messages"].append(record["message"].split("\n")[0])
        for family in record["families"]:
            files[family] += 1
            levels[family][record["level"]] += 1
        if "errors" in record["families"]:
            # errors count's key: the final exception class of a traceback, else the statement itself.
            key = record["exception"] or record["statement"]
            group = error_groups[key]
            group["count"] += 1
            group["traceback"] = record["exception"] is not None
            group["statements"].add(record["statement"])
            group["messages"].append(record["message"].split("\n")[0])
    tasks = [task for _, task in results if task]
    errors_statements = {s for g in error_groups.values() for s in g["statements"]}
    return {
        "requests": len(results),
        "records": records,
        "statements": {
            key: {"count": v["count"], "levels": dict(v["levels"]), "exceptions": dict(v["exceptions"]),
                  "messages": v["messages"]}
            for key, v in sorted(by_statement.items())
        },
        "distinct_statements": len(by_statement),
        "files": dict(files),
        "levels": {family: dict(counter) for family, counter in levels.items()},
        "error_statements": len(errors_statements),
        "error_groups": {
            key: {"count": g["count"], "statements": sorted(g["statements"]), "traceback": g["traceback"],
                  "messages": g["messages"]}
            for key, g in sorted(error_groups.items())
        },
        "error_records": sum(g["count"] for g in error_groups.values()),
        "processing_time": sorted(r["processing_time"] for r in records if "processing_time" in r
                                  and "app" in r["families"]),
        "other_durations": sorted(r["other_duration"] for r in records if "other_duration" in r),
        "sms_events": dict(collections.Counter(r["sms"] for r in records if "sms" in r)),
        "tasks_written": len(tasks),
        "tasks_successful": sum(1 for t in tasks if t["success"]),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    requests = plan(args.scale)
    try:
        with ThreadPoolExecutor(args.workers) as pool:
            results = list(pool.map(lambda r: send(args.base, r), requests))
    except Exception as error:  # noqa: BLE001 - one line for the test's failure message
        print(f"traffic: {error}", file=sys.stderr)
        return 1
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(truth_of(results), out, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
