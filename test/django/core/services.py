"""Stand-ins for OpenAI and Twilio that fail the way the real clients do: real sockets refused,
real chained exceptions (`raise … from …` and an exception raised while handling another)."""
import random
import secrets
import socket

from .errors import AIProviderUnavailable, TwilioSendError

CATEGORIES = ["weather", "translation", "reminder", "general", "search"]
REPLIES = [
    "It will be sunny, 21°C, light wind from the west.",
    'In Spanish: "buenos días". Say it with a smile!',
    "Done: I'll remind you at 5pm.",
    'Top pick: "Luigi\'s" on 5th Ave, open until 11.',
    "Here's a short answer: yes, but check the label first.",
]


def twilio_sid():
    return "SM" + secrets.token_hex(16)


def account_sid():
    return "AC" + secrets.token_hex(16)


def request_id():
    return "req_" + secrets.token_hex(8)


def closed_port():
    """A port on 127.0.0.1 that nothing listens on: bound, then closed."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ask_ai(body):
    return random.choice(REPLIES), random.choice(CATEGORIES)


def ask_ai_down(user_id, rid):
    """The primary model times out, then the fallback is refused: the second is raised while handling the first."""
    try:
        raise TimeoutError(f"OpenAI read timed out after 30.0s (request_id={rid})")
    except TimeoutError:
        try:
            socket.create_connection(("127.0.0.1", closed_port()), timeout=1).close()
        except ConnectionRefusedError:
            raise AIProviderUnavailable(f"no model answered for user {user_id}")


def send_sms_failing(phone, sid, account):
    try:
        socket.create_connection(("127.0.0.1", closed_port()), timeout=1).close()
    except ConnectionRefusedError as exc:
        raise TwilioSendError(f"POST /2010-04-01/Accounts/{account}/Messages.json for {sid} to {phone} failed") from exc
