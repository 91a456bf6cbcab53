#!/usr/bin/env python3
"""Writes hostile records through the real logging module with the app's verbose formatter:
huge single lines, very long tracebacks and CRLF files, for the reader bounds tests.

    python3 test/python/write_hostile_records.py --file /tmp/x/app.log --kind long-line --size 50000000

Kinds (each file also gets ordinary records before and after the hostile one):
  long-line   one ERROR record whose message is one line of --size bytes
  long-type   a traceback whose exception class name is --size bytes long
  deep-trace  a traceback of about --size lines (mutual recursion, so Python cannot fold it)
  crlf        ordinary records and a RateLimitError traceback, written with '\\r\\n' line ends
              as Python's text mode writes them on Windows
Stdlib only.
"""

import argparse
import logging
import sys

VERBOSE = '{levelname} {asctime} {module} {process:d} {thread:d} {message}'


class RateLimitError(Exception):
    pass


def logger_for(path, crlf):
    handler = logging.StreamHandler(open(path, 'w', encoding='utf-8', newline='\r\n' if crlf else None))
    handler.setFormatter(logging.Formatter(VERBOSE, style='{'))
    log = logging.getLogger('hostile')
    log.handlers[:] = [handler]
    log.setLevel(logging.INFO)
    log.propagate = False
    return log


def ping(depth):
    return pong(depth - 1) if depth > 0 else (_ for _ in ()).throw(ValueError('bottom reached'))


def pong(depth):
    return ping(depth - 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--file', required=True)
    parser.add_argument('--kind', required=True, choices=['long-line', 'long-type', 'deep-trace', 'crlf'])
    parser.add_argument('--size', type=int, default=1000)
    args = parser.parse_args()
    log = logger_for(args.file, args.kind == 'crlf')
    log.info('before the hostile record')
    if args.kind == 'long-line':
        log.error('huge %s', 'x' * args.size)
    elif args.kind == 'long-type':
        try:
            raise type('E' * args.size, (Exception,), {})('boom')
        except Exception:
            log.exception('failed with a long class name')
    elif args.kind == 'deep-trace':
        # Every frame is printed as two lines; alternating functions are never folded.
        sys.setrecursionlimit(args.size + 1000)
        try:
            ping(args.size // 2)
        except ValueError:
            log.exception('deep failure')
    else:
        for i in range(3):
            log.info('request %d served', i)
        try:
            raise RateLimitError('Error code: 429')
        except RateLimitError:
            log.exception('OpenAI call failed')
    log.info('after the hostile record')


if __name__ == '__main__':
    main()
