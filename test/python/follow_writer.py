#!/usr/bin/env python3
"""A worker process logging to app.log through logging.FileHandler: one O_APPEND fd kept across
rotations, as a worker that has not reopened its log since another one renamed it. Records are
"line <n>", n counting from --first.

    python3 test/python/follow_writer.py app.log --first 1000000            # commands on stdin
    python3 test/python/follow_writer.py app.log --first 1 --every-ms 2     # streams until stdin ends

Commands, one per line: "write N" writes N records and answers "ok"; "stop" answers the number of
records written and exits. With --every-ms it writes one record per period until stdin closes, then
prints that number. Stdlib only.
"""

import argparse
import logging
import sys
import threading
import time

parser = argparse.ArgumentParser()
parser.add_argument('path')
parser.add_argument('--first', type=int, default=1)
parser.add_argument('--every-ms', type=float, default=0)
args = parser.parse_args()

handler = logging.FileHandler(args.path, mode='a', encoding='utf-8')
handler.setFormatter(logging.Formatter('{levelname} {asctime} {module} {process:d} {thread:d} {message}', style='{'))
log = logging.getLogger('worker')
log.addHandler(handler)
log.setLevel(logging.INFO)
log.propagate = False

written = 0


def write(count):
    global written
    for _ in range(count):
        log.info('line %06d', args.first + written)
        written += 1


def answer(text):
    sys.stdout.write(text + '\n')
    sys.stdout.flush()


if args.every_ms > 0:
    done = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    while not done.is_set():
        write(1)
        time.sleep(args.every_ms / 1000)
    answer(str(written))
else:
    for command in sys.stdin:
        verb, _, count = command.strip().partition(' ')
        if verb == 'write':
            write(int(count))
            answer('ok')
        elif verb == 'stop':
            break
    answer(str(written))
