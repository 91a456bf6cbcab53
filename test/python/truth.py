"""The truth write_logs.py prints per family: counts per level, tracebacks as written, final
exception classes, templates of untraced ERROR/CRITICAL records, and processing_time in exact
nearest-rank percentiles (integer microseconds until the one division into seconds)."""

from collections import Counter

LEVELS = ['INFO', 'WARNING', 'ERROR', 'CRITICAL']
PERCENTILES = [('p50', 500), ('p90', 900), ('p95', 950), ('p99', 990), ('p99.9', 999)]


def new_truth():
    return {'records': 0, 'levels': {level: 0 for level in LEVELS}, 'tracebacks': 0, 'withTraceback': [],
            'errorRecords': 0, 'errorTypes': Counter(), 'errorTypesByLevel': {}, 'templates': Counter(),
            'micros': [], 'garbage': 0}


def written_text(family, message, exc_text):
    """The message and traceback as Formatter.format joins them: it adds a newline before the
    traceback unless the formatted text already ends with one (only possible in the verbose
    format, where the message comes last)."""
    if not exc_text:
        return message
    ends_with_newline = family != 'sms' and message.endswith('\n')
    return message + ('' if ends_with_newline else '\n') + exc_text


def count(truth, family, level, said, exc_text, error_type):
    """said: (message, template, processing_time as int µs, 'garbage' or None)."""
    message, template, processing_time = said
    truth['records'] += 1
    truth['levels'][level] += 1
    is_error = level in ('ERROR', 'CRITICAL')
    truth['errorRecords'] += is_error
    if exc_text:
        truth['tracebacks'] += 1
        truth['withTraceback'].append({'level': level, 'message': message, 'exc_text': exc_text,
                                       'written': written_text(family, message, exc_text)})
        truth['errorTypes'][error_type] += 1
        truth['errorTypesByLevel'].setdefault(level, Counter())[error_type] += 1
    elif is_error:
        truth['templates'][template] += 1
    if processing_time == 'garbage':
        truth['garbage'] += 1
    elif processing_time is not None:
        truth['micros'].append(processing_time)


def _by_count(counter):
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def processing_time(micros, garbage):
    values = sorted(micros)
    n = len(values)
    summary = {'count': n, 'garbage': garbage, 'min': values[0] / 1e6 if n else None,
               'max': values[-1] / 1e6 if n else None, 'sum': sum(values) / 1e6}
    for name, per_mille in PERCENTILES:
        rank = -(-per_mille * n // 1000)  # ceil(q/100 · n), on integers
        summary[name] = values[rank - 1] / 1e6 if n else None
    return summary, [us / 1e6 for us in values]


def finish(truth):
    """Counters to plain, ordered dicts; processing_time values to their summary and list."""
    truth['errorTypes'] = _by_count(truth['errorTypes'])
    truth['errorTypesByLevel'] = {level: _by_count(truth['errorTypesByLevel'][level])
                                  for level in LEVELS if level in truth['errorTypesByLevel']}
    truth['templates'] = _by_count(truth['templates'])
    truth['processingTime'], truth['processingTimeValues'] = processing_time(truth.pop('micros'),
                                                                             truth.pop('garbage'))
    return truth
