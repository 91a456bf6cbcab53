#!/usr/bin/env python3
"""Writes app.log / errors.log / sms.log through the guide's LOGGING dict (write_logs.py) with SMS
bodies that forge a whole record: a newline, then a well-formed header. Prints a JSON manifest of
how many forged records each file holds, by the kind smsmon is expected to flag.

    python3 test/python/write_injected_logs.py --dir /tmp/logs

app.log gets a header stamped years back inside an INFO record, one stamped years ahead inside an
ERROR record and a CRITICAL one stamped back inside another ERROR (errors.log gets the last two);
sms.log gets one with a plausible time whose JSON the real record never closed. Stdlib only.
"""

import argparse
import json
import logging
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from write_logs import configure  # noqa: E402

PAST = 'ERROR 2020-01-01 00:00:00,000 forged 1 2 forged in the past'
FUTURE = 'ERROR 2099-01-01 00:00:00,000 forged 1 2 forged in the future'
PAST_CRITICAL = 'CRITICAL 2020-01-01 00:00:00,000 forged 1 2 forged critical'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--dir', required=True)
    args = parser.parse_args()
    args.max_bytes_app = args.max_bytes_errors = args.max_bytes_sms = None
    configure(args)
    views = logging.getLogger('sms_agent.views')
    sms = logging.getLogger('sms_agent.sms')
    # asctime as the json formatter writes it: a forged sms.log record with a believable time.
    now = logging.Formatter().formatTime(logging.makeLogRecord({'created': time.time(), 'msecs': 0}))
    sms_forged = f'{{"level": "ERROR", "time": "{now}", "module": "forged", "message": "forged sms'

    views.error('Failed to send SMS to %s: %s', '+15550000001', 'timeout')
    views.info('Incoming SMS from %s: %s', '+15550000002', 'hello')
    views.info('Incoming SMS from %s: %s', '+15550000003', 'hi\n' + PAST)
    views.error('Failed to send SMS to %s: %s', '+15550000004', 'x\n' + FUTURE)
    views.error('Failed to send SMS to %s: %s', '+15550000005', 'y\n' + PAST_CRITICAL)
    views.error('Failed to send SMS to %s: %s', '+15550000006', 'timeout')
    views.info('Reply sent')
    sms.info('Incoming SMS from %s: %s', '+15550000007', 'hello')
    sms.info('Incoming SMS from %s: %s', '+15550000008', 'hi\n' + sms_forged)
    sms.info('Outgoing SMS to %s: %s', '+15550000008', 'ok')
    logging.shutdown()
    json.dump({'app': 3, 'errors': 2, 'sms': 1, 'errorsRecords': 6, 'appErrorRecords': 7}, sys.stdout)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
