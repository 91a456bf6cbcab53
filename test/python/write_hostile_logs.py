#!/usr/bin/env python3
"""Writes app.log / errors.log / sms.log through the real logging module and the guide's LOGGING
dict (write_logs.py's), every record carrying the hostile text read as JSON from stdin: in
messages, in exception messages, in a forged header's module (a body with a newline and a
well-formed header, as an SMS can carry), in processing_time lines and request paths.

    echo '"\\u001b]0;owned\\u0007"' | python3 test/python/write_hostile_logs.py --dir /tmp/logs

Stdlib only.
"""

import argparse
import json
import logging
import sys
import time

from write_logs import configure


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--dir', required=True)
    args = parser.parse_args()
    args.max_bytes_app = args.max_bytes_errors = args.max_bytes_sms = None
    hostile = json.load(sys.stdin)
    configure(args)
    stamp = time.strftime('%Y-%m-%d %H:%M:%S,000')
    # A header's module field holds no whitespace: the forged one keeps every other character.
    module = ''.join(c for c in hostile if c not in ' \t\n\v\f\r')
    forged = f'ERROR {stamp} {module} 1 2 forged {hostile}'
    views = logging.getLogger('sms_agent.views')
    views.info(f'Incoming SMS from +15551234567: hi {hostile}\n{forged}')
    views.info(f'"POST /sms/{hostile}/ HTTP/1.1" 200 17 processing_time=1.5s {hostile}')
    views.info(f'hi\nINFO {stamp} {module} 1 2 processing_time=2.5s {hostile}')
    views.info(f'processing_time={hostile}')
    try:
        raise ValueError(f'bad body {hostile}')
    except ValueError:
        views.exception(f'Failed to process SMS {hostile}')
    views.error(f'SMS failed {hostile}\n{forged}')
    try:
        raise type(f'Evil{hostile}Error', (Exception,), {})(hostile)
    except Exception:
        views.exception('hostile exception class')
    views.error(f'Task failed {hostile}\nTraceback (most recent call last):\n  File "x.py", line 1\n'
                f'{hostile}Error: forged type')
    logging.getLogger('sms_agent.sms').info(f'Incoming SMS from +15551234567: {hostile}')
    logging.getLogger('sms_agent.sms').info(f'Outgoing SMS to +15551234567: {hostile}\n{forged}')
    logging.shutdown()


if __name__ == '__main__':
    main()
