#!/usr/bin/env python3
"""Writes app.log / errors.log / sms.log through the real logging module, configured with the
monitoring guide's LOGGING dict, and prints a JSON truth manifest on stdout.

    python3 test/python/write_logs.py --dir /tmp/logs --records 3000 --max-bytes-app 60000

Only the file names and maxBytes are overridden, so tests can force many rotations. The script
refuses (exit 3) when rotation deleted a file, because then the manifest would count records that
are no longer on disk. Per family the manifest also holds errorTypes (final exception class of
every record with a traceback, any level; errorTypesByLevel), templates and processingTime (truth.py).
Stdlib only.
"""

import argparse
import copy
import json
import locale
import logging
import logging.config
import os
import random
import re
import sys
import threading

# The production containers run with a UTF-8 locale; without one Python would write the log
# files in ASCII/latin-1 and crash on the emoji. Re-run in UTF-8 mode rather than alter the dict.
if not sys.flags.utf8_mode and locale.getpreferredencoding(False).lower().replace("-", "") != "utf8":
    os.execv(sys.executable, [sys.executable, "-X", "utf8", *sys.argv])

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from log_messages import APP_MESSAGES, SMS_BODIES, printed_name, raise_one  # noqa: E402
from processing_times import latency_message  # noqa: E402
from truth import LEVELS, count, finish, new_truth  # noqa: E402

LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'formatters': {
        'verbose': {
            'format': '{levelname} {asctime} {module} {process:d} {thread:d} {message}',
            'style': '{',
        },
        'json': {
            'format': '{"level": "%(levelname)s", "time": "%(asctime)s", "module": "%(module)s", "message": "%(message)s"}',
        },
    },
    'handlers': {
        'file': {
            'level': 'INFO',
            'class': 'logging.handlers.RotatingFileHandler',
            'filename': 'logs/app.log',
            'maxBytes': 1024*1024*15,  # 15MB
            'backupCount': 10,
            'formatter': 'verbose',
        },
        'error_file': {
            'level': 'ERROR',
            'class': 'logging.handlers.RotatingFileHandler',
            'filename': 'logs/errors.log',
            'maxBytes': 1024*1024*15,
            'backupCount': 10,
            'formatter': 'verbose',
        },
        'sms_file': {
            'level': 'INFO',
            'class': 'logging.handlers.RotatingFileHandler',
            'filename': 'logs/sms.log',
            'maxBytes': 1024*1024*10,
            'backupCount': 5,
            'formatter': 'json',
        },
    },
    'loggers': {
        'django': {
            'handlers': ['file', 'error_file'],
            'level': 'INFO',
        },
        'sms_agent': {
            'handlers': ['file', 'error_file'],
            'level': 'INFO',
        },
        'sms_agent.sms': {
            'handlers': ['sms_file'],
            'level': 'INFO',
            'propagate': False,
        },
    },
}

HANDLER_OF = {'app': 'file', 'errors': 'error_file', 'sms': 'sms_file'}
APP_LOGGERS = ['django', 'django.request', 'django.server', 'sms_agent', 'sms_agent.views', 'sms_agent.tasks']
NOT_JSON_CLEAN = set('"\\') | {chr(c) for c in range(0x20)}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--dir', required=True)
    parser.add_argument('--records', type=int, default=2000)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--max-bytes-app', type=int)
    parser.add_argument('--max-bytes-errors', type=int, help='defaults to --max-bytes-app')
    parser.add_argument('--max-bytes-sms', type=int)
    return parser.parse_args()


def configure(args):
    config = copy.deepcopy(LOGGING)
    handlers = config['handlers']
    for family, name in HANDLER_OF.items():
        handlers[name]['filename'] = os.path.join(args.dir, f'{family}.log')
    overrides = {'file': args.max_bytes_app, 'error_file': args.max_bytes_errors or args.max_bytes_app,
                 'sms_file': args.max_bytes_sms}
    for name, max_bytes in overrides.items():
        if max_bytes:
            handlers[name]['maxBytes'] = max_bytes
    os.makedirs(args.dir, exist_ok=True)
    # The handlers append: leftovers from an earlier run would make the manifest wrong.
    for entry in os.listdir(args.dir):
        if re.fullmatch(r'(app|errors|sms)\.log(\.\d+)?', entry):
            os.remove(os.path.join(args.dir, entry))
    logging.config.dictConfig(config)
    return config


def app_message(rng):
    """(message, template, processing_time): a constant message is its own template."""
    if rng.random() < 0.4:
        return latency_message(rng)
    message = rng.choice(APP_MESSAGES)
    return message, message, None


def log_one(rng, truth):
    level = rng.choices(LEVELS, weights=[70, 15, 12, 3])[0]
    with_traceback = rng.random() < (0.03 if level == 'INFO' else 0.5)
    if rng.random() < 0.3:
        logger = logging.getLogger('sms_agent.sms')
        direction = 'Failed to send SMS to' if level in ('ERROR', 'CRITICAL') else rng.choice(
            ['Incoming SMS from', 'Outgoing SMS to'])
        message = f'{direction} +1555{rng.randint(1000000, 9999999)}: {rng.choice(SMS_BODIES)}'
        said = (message, f'{direction} {{phone}}: {{body}}', None)
        families = ['sms']
    else:
        logger = logging.getLogger(rng.choice(APP_LOGGERS))
        said = app_message(rng)
        message = said[0]
        families = ['app', 'errors'] if level in ('ERROR', 'CRITICAL') else ['app']
    exc_text = error_type = ''
    if with_traceback:
        try:
            raise_one(rng)
        except Exception as exc:
            error_type = printed_name(type(exc))
            exc_text = logging.Formatter().formatException(sys.exc_info())
            if level == 'ERROR' and rng.random() < 0.7:
                logger.exception(message)
            else:
                logger.log(getattr(logging, level), message, exc_info=True)
    else:
        logger.log(getattr(logging, level), message)
    for family in families:
        count(truth[family], family, level, said, exc_text, error_type)
    if families == ['sms'] and set(message) & NOT_JSON_CLEAN:
        truth['sms']['notJsonClean'].append(message)


def main():
    args = parse_args()
    config = configure(args)
    rng = random.Random(args.seed)
    truth = {family: new_truth() for family in HANDLER_OF}
    truth['sms']['notJsonClean'] = []
    # Several writer threads (one after the other, so the order stays seeded) give several thread ids.
    chunk = max(1, args.records // 4)
    for start in range(0, args.records, chunk):
        worker = threading.Thread(target=lambda n: [log_one(rng, truth) for _ in range(n)],
                                  args=(min(chunk, args.records - start),))
        worker.start()
        worker.join()
    logging.shutdown()
    for family, name in HANDLER_OF.items():
        handler = config['handlers'][name]
        base = handler['filename']
        if os.path.exists(f"{base}.{handler['backupCount']}"):
            print(f'{family}: rotation reached {base}.{handler["backupCount"]}, records may have been '
                  'deleted; raise the max bytes or lower --records', file=sys.stderr)
            sys.exit(3)
        truth[family]['files'] = sorted((e for e in os.listdir(args.dir) if e.startswith(f'{family}.log')),
                                        key=lambda e: int(e.rsplit('.', 1)[1]) if e[-1].isdigit() else 0)
        truth[family]['maxBytes'] = handler['maxBytes']
        finish(truth[family])
    json.dump({'records': args.records, 'seed': args.seed, 'families': truth}, sys.stdout)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
