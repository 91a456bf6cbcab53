"""The SMS agent's views. Each view logs through core.said and returns what it logged, so the
traffic script knows the truth without reading the logs; only Django's own records (404, 500,
DisallowedHost) are known to the script from the request it made."""
import base64
import json
import random
import secrets
import socket
import time
import uuid
from logging import CRITICAL, ERROR, INFO, WARNING

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from . import said
from .errors import AIProviderUnavailable, ReportError, TwilioSendError
from .models import ErrorLog, Task, User
from .services import account_sid, ask_ai, ask_ai_down, request_id, send_sms_failing, twilio_sid

SMS = "sms_agent.sms"
TIERS = ["free", "pro", "enterprise"]
STARTED = time.monotonic()
_last_health = {}


def _done(**extra):
    return JsonResponse({"said": said.records(), **extra})


def _log_processing_time(spelling, task, user, seconds):
    """Four spellings of one duration; the last is not a processing_time and latency must not read it."""
    if spelling == 0:
        text = f"{seconds:.3f}"
        said.log("sms_agent.tasks", INFO, "Task %s for user %s finished processing_time=%s", task, user, text,
                 processing_time=float(text))
    elif spelling == 1:
        text = f"{seconds:.2f}"
        said.log("sms_agent.http", INFO, "POST /sms/webhook/ 200 request_id=%s processing_time: %ss", request_id(),
                 text, processing_time=float(text))
    elif spelling == 2:
        ms = round(seconds * 1000)
        said.log("sms_agent.ai", INFO, "Reply for user %s ready, processing_time %dms", user, ms,
                 processing_time=ms / 1000)
    else:
        ms = round(seconds * 1000)
        said.log("sms_agent.tasks", INFO, "Task %s completed in %dms", task, ms, other_duration=ms / 1000)


@csrf_exempt
def sms_webhook(request):
    said.start()
    phone, body = request.POST["From"], request.POST["Body"]
    scenario = request.POST.get("scenario", "ok")
    said.log(SMS, INFO, "SMS received from %s: %s", phone, body, sms="received")
    tier = TIERS[int(phone[-2:]) % len(TIERS)]
    user, _ = User.objects.get_or_create(phone=phone, defaults={"tier": tier, "email": f"u{phone[-4:]}@example.com"})
    user.last_active = timezone.now()
    user.save(update_fields=["last_active"])
    rid = request_id()
    task = uuid.uuid4()
    if scenario == "ai_down":
        waited = random.uniform(2.1, 9.5)
        said.log("sms_agent.ai", WARNING, "OpenAI slow for user %s: attempt 2/3 after %.1fs", user.id, waited)
        try:
            ask_ai_down(user.id, rid)
        except AIProviderUnavailable:
            said.log("sms_agent.ai", ERROR, "AI provider gave up for user %s (request_id=%s)", user.id, rid,
                     exc_info=True)
        reply, category, success = "Sorry, I can't answer right now. Try again later.", "general", False
    else:
        reply, category = ask_ai(body)
        success = True
    seconds = round(random.uniform(0.04, 2.8), 3)
    Task.objects.create(user=user, created_at=timezone.now(), success=success, processing_time=seconds,
                        category=category)
    _log_processing_time(int(request.POST.get("spelling", "0")), task, user.id, seconds)
    if scenario == "twilio_fail":
        sid, account = twilio_sid(), account_sid()
        try:
            send_sms_failing(phone, sid, account)
        except TwilioSendError:
            said.log("sms_agent.twilio", ERROR, "Twilio API call failed for %s (account %s)", sid, account,
                     exc_info=True)
            ErrorLog.objects.create(timestamp=timezone.now(), message=f"twilio {sid}")
        said.log(SMS, ERROR, "Error sending SMS to %s: Twilio error 30006 (%s)", phone, sid, sms="failed")
    else:
        said.log(SMS, INFO, "SMS sent to %s: %s", phone, reply, sms="sent")
    return _done(task={"success": success, "processing_time": seconds, "category": category})


@csrf_exempt
def sms_status(request):
    said.start()
    sid, status = request.POST["MessageSid"], request.POST["MessageStatus"]
    if status == "delivered":
        said.log(SMS, INFO, "Delivery status for %s: delivered", sid, sms="delivered")
    else:
        said.log(SMS, WARNING, "Delivery status for %s: undelivered (error 30003)", sid, sms="undelivered")
    return _done()


@csrf_exempt
def ingest(request):
    said.start()
    rid = request_id()
    try:
        events = json.loads(request.body)["events"]
        said.log("sms_agent.ingest", INFO, "Ingested %d events from %s (request_id=%s)", len(events),
                 request.META["REMOTE_ADDR"], rid)
    except json.JSONDecodeError:
        said.log("sms_agent.ingest", ERROR, "Could not parse payload from %s (request_id=%s)",
                 request.META["REMOTE_ADDR"], rid, exc_info=True)
        ErrorLog.objects.create(timestamp=timezone.now(), message=f"ingest {rid}")
    return _done()


@csrf_exempt
def account_event(request, account):
    """Errors without a traceback, each with ids of another shape."""
    said.start()
    event = request.POST["event"]
    user_id = random.randint(1000, 99999)
    email = f"user{user_id}@example.com"
    if event == "signin":
        token = base64.urlsafe_b64encode(secrets.token_bytes(18)).decode()
        said.log("sms_agent.accounts", INFO, "User %s <%s> signed in from 10.0.%d.%d (session %s)", user_id, email,
                 random.randint(0, 255), random.randint(1, 254), token)
    elif event == "signature":
        said.log("sms_agent.billing", ERROR, "Payment webhook rejected for account %s: signature mismatch "
                 "(request_id=%s)", account, request_id())
    elif event == "quota":
        used = random.randint(51, 80)
        said.log("sms_agent.accounts", WARNING, "Rate limit for user %s <%s>: %d/50 requests in the last hour",
                 user_id, email, used)
        said.log("sms_agent.accounts", ERROR, "User %s <%s> exceeded quota: %d of 50 messages, tier=%s", user_id,
                 email, used, random.choice(TIERS))
    elif event == "upstream":
        url = f"https://api.openai.com/v1/threads/thread_{secrets.token_hex(12)}/runs"
        said.log("sms_agent.ai", ERROR, "Upstream call to %s took %.1fs (timeout 30s), request_id=%s", url,
                 random.uniform(30.1, 45), request_id())
    elif event == "callback":
        said.log("sms_agent.twilio", ERROR, "Status callback for %s arrived before the message was stored",
                 twilio_sid())
    elif event == "retry":
        # A 22-character base64url job id; 12-character ones without a digit can read as a word
        # to smsmon's masks about 1 time in 50 (src/operators/randomLetters.test.ts holds that rate).
        said.log("sms_agent.tasks", ERROR, "Retry budget exhausted for user_%d after %d attempts (job %s)", user_id,
                 random.randint(3, 5), secrets.token_urlsafe(16))
    elif event == "backlog":
        said.log("sms_agent.tasks", CRITICAL, "Task queue depth %d above limit 5000; dropping task %s",
                 random.randint(5001, 9000), uuid.uuid4())
    if event != "signin":
        ErrorLog.objects.create(timestamp=timezone.now(), message=f"account {event}")
    return _done()


SECTIONS = {"daily": "tasks per day", "tiers": "users per tier"}


def report(request, kind):
    """Unhandled exceptions: Django's django.request logger writes them, with the traceback."""
    if kind == "ratio":
        done = Task.objects.filter(success=True).count()
        failed = 0
        return JsonResponse({"ratio": done / failed})
    try:
        section = SECTIONS[kind]
    except KeyError as exc:
        raise ReportError(f"unknown report {kind!r}") from exc
    return JsonResponse({"section": section})


def _check_database():
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return {"status": "healthy", "response_time": round(time.perf_counter() - started, 6)}
    except Exception as exc:  # noqa: BLE001 - the health body names any failure
        return {"status": "unhealthy", "error": str(exc)}


def _check_redis():
    """PING over RESP with the stdlib: the redis client is not a Debian dependency of this test app."""
    started = time.perf_counter()
    try:
        with socket.create_connection((settings.REDIS_HOST, settings.REDIS_PORT), timeout=2) as sock:
            sock.sendall(b"*1\r\n$4\r\nPING\r\n")
            answer = sock.recv(64)
        if answer != b"+PONG\r\n":
            return {"status": "unhealthy", "error": answer.decode(errors="replace")}
        return {"status": "healthy", "response_time": round(time.perf_counter() - started, 6)}
    except OSError as exc:
        return {"status": "unhealthy", "error": str(exc)}


def health(request):
    services = {"database": _check_database(), "redis": _check_redis()}
    status = "healthy" if all(s["status"] == "healthy" for s in services.values()) else "unhealthy"
    body = {
        "status": status,
        "timestamp": timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
        "services": services,
        "version": "1.0.0",
        "uptime": int(time.monotonic() - STARTED),
    }
    _last_health["body"] = body
    return JsonResponse(body, status=200 if status == "healthy" else 503)


def health_last(request):
    """The body /health served last, for the test to compare with what smsmon read."""
    return JsonResponse(_last_health.get("body", {}))
