"""Messages and exceptions for write_logs.py: what the SMS agent really logs, plus the public-input
text (SMS bodies) that breaks naive parsers. Exceptions carry the module names of the real
libraries so their tracebacks end like production ones ("openai.RateLimitError: ...")."""

# processing_time lines come from processing_times.py, with values the truth can count.
APP_MESSAGES = [
    '"POST /sms/webhook/ HTTP/1.1" 200 17',
    'Task process_sms[9f0c2b1e-7a4d-4c1e-9b2a-5d6e7f8a9b0c] failed for user_id=41 after 3 retries',
    'Internal Server Error: /sms/webhook/',
    'Not Found: /wp-login.php',
    'Nightly reconcile:\nERROR in step 2: user_id=12 missing\n\nTraceback not captured (worker restarted)',
    'CRITICAL is only a word here\nWARNING: so is this\nINFO too',
    'message ending with a carriage return\r',
    'windows line\r\nending inside',
    'message ending with a newline\n',
    'two empty lines follow\n\n\nand then text',
    'Received SMS: "quoted" and back\\slash and\ttab',
    'literal escape Caf\\u00e9 stays six characters',
    'unicode: 🎉 café Montréal 中文 こんにちは',
    'ANSI \x1b[31mred\x1b[0m from a body',
    '100% sure %s is not formatted without args',
    'braces {levelname} {message} are not fields',
]

SMS_BODIES = [
    'What is the weather tomorrow?',
    'Remind me to call mom at 5pm',
    'STOP',
    'Réservez une table à Montréal',
    '明天的天气怎么样？',
    'party 🎉🍕 at 8',
    'What does "carpe diem" mean?',
    'Save it to C:\\Users\\bob\\notes.txt',
    'ends with a backslash \\',
    'name\tqty\tprice',
    'line one\nline two',
    'first\n\nthird after an empty line',
    'sent from Windows\r\nsecond line',
    'carriage\rreturn',
    'Caf\\u00e9 au lait please',
    '\x1b[31mRED ALERT\x1b[0m call me',
    '{"json": "inside", "n": 1}',
    'quote at end "',
    'step 1 ok\nERROR in step 2\nTraceback? what is that',
    'bell\x07 and \x01 bytes',
]


def _named(module, name, base=Exception):
    cls = type(name, (base,), {})
    cls.__module__ = module
    return cls


def printed_name(cls):
    """The class as the last line of a traceback names it (traceback.format_exception_only)."""
    module = cls.__module__
    return cls.__qualname__ if module in ('__main__', 'builtins') else f'{module}.{cls.__qualname__}'


RateLimitError = _named('openai', 'RateLimitError')
APITimeoutError = _named('openai', 'APITimeoutError', TimeoutError)
TwilioRestException = _named('twilio.base.exceptions', 'TwilioRestException')
MaxRetriesExceededError = _named('celery.exceptions', 'MaxRetriesExceededError')
PsycopgOperationalError = _named('psycopg2', 'OperationalError')
DjangoOperationalError = _named('django.db.utils', 'OperationalError')

DB_DOWN = ('connection to server at "db" (172.18.0.2), port 5432 failed: Connection refused\n'
           '\tIs the server running on that host and accepting TCP/IP connections?')


def _openai():
    raise RateLimitError("Error code: 429 - {'error': {'message': 'Rate limit reached for gpt-4', "
                         "'type': 'requests', 'param': None, 'code': 'rate_limit_exceeded'}}")


def _twilio_then_retry():
    try:
        raise TwilioRestException("HTTP 400 error: Unable to create record: The 'To' number +15005550001 "
                                  'is not a valid phone number.')
    except TwilioRestException:
        # Implicit chaining: "During handling of the above exception, another exception occurred:"
        raise MaxRetriesExceededError("Can't retry sms_agent.tasks.process_sms[9f0c2b1e] args:(41,) kwargs:{}")


def _database():
    try:
        raise PsycopgOperationalError(DB_DOWN)
    except PsycopgOperationalError as exc:
        # Explicit chaining: "The above exception was the direct cause of the following exception:"
        raise DjangoOperationalError(DB_DOWN) from exc


def _three_deep():
    try:
        _database()
    except DjangoOperationalError:
        raise RuntimeError('webhook failed: "db" down\nERROR in step 2\nTraceback is part of this message')


def _key_error():
    return {}['Body']


def _suppressed_context():
    try:
        _openai()
    except RateLimitError:
        raise ValueError('reply unusable') from None


def _empty_message():
    raise TimeoutError()


def _processing_time_in_traceback():
    # Only the traceback says processing_time: the source line below, then the message itself.
    raise TimeoutError('upstream gave up\nprocessing_time=9.999 exceeded the budget')  # processing_time=9.999


def _noted():
    exc = APITimeoutError('Request timed out.')
    exc.add_note('processing_time=9.999 when the client gave up')  # printed after the exception line
    raise exc


def _key_then_type():
    try:
        _key_error()
    except KeyError:
        form = None  # the fallback that was never filled in
        return form['Body']


_RAISERS = [_openai, _twilio_then_retry, _database, _three_deep, _key_error, _suppressed_context, _empty_message,
            _processing_time_in_traceback, _noted, _key_then_type]


def raise_one(rng):
    """Raises one of the exceptions, each from a few frames deep."""
    rng.choice(_RAISERS)()
