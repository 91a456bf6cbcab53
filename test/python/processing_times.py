"""Messages that carry processing_time, as the middleware and the views write it, plus the other
spellings a reader must accept (ms, us, µs, bare seconds), zeros, minutes-long values and garbage.
Each value is chosen as whole microseconds and printed from integers, so the truth is exact."""

ENDPOINTS = [('POST', '/sms/webhook/'), ('POST', '/sms/status/'), ('GET', '/health/')]
REQUEST = '{method} {path} {status} processing_time{sep}{value}'
VIEW = 'SMS handled for user_id={user_id} processing_time: {value}'
GARBAGE = ['abc', 'NaNs', f"{float('nan'):.2f}s", f"{float('inf'):.2f}s", 'n/a']
ZERO = ['0.000', '0.00s', '0', '0ms', '0us', '0µs']
HUGE = [(120_000_000, '120.000'), (119_999_000, '119.999'), (600_000_000, '600.000'),
        (3_600_250_000, '3600.250')]


def decimal(micros, places):
    """Seconds with the given decimals, from integer microseconds (micros must fit them exactly)."""
    whole, fraction = divmod(micros, 1_000_000)
    assert fraction % 10 ** (6 - places) == 0, (micros, places)
    return f'{whole}.{fraction // 10 ** (6 - places):0{places}d}' if places else str(whole)


def _latency(rng, mean_ms):
    """(text, micros) in one of the accepted spellings."""
    ms = rng.expovariate(1 / mean_ms)
    kind = rng.randrange(6)
    if kind == 0:
        us = round(ms) * 1000
        return decimal(us, 3), us                       # middleware: bare seconds, 3 decimals
    if kind == 1:
        us = round(ms / 10) * 10_000
        return decimal(us, 2) + 's', us                  # views: seconds, 2 decimals, 's'
    if kind == 2:
        return f'{round(ms)}ms', round(ms) * 1000
    if kind == 3:
        tenths = round(ms * 10)
        return f'{tenths // 10}.{tenths % 10}ms', tenths * 100
    us = round(ms * 1000)
    return f"{us}{rng.choice(['us', 'µs'])}", us


def latency_message(rng):
    """(message, template, processing_time): int µs, 'garbage', or None."""
    roll = rng.random()
    if roll < 0.05:
        text, value = rng.choice(GARBAGE), 'garbage'
    elif roll < 0.09:
        text, value = rng.choice(ZERO), 0
    elif roll < 0.098:
        value, text = rng.choice(HUGE)
    else:
        text, value = _latency(rng, 80)
    if rng.random() < 0.3:
        return f'SMS handled for user_id={rng.randint(1, 500)} processing_time: {text}', VIEW, value
    method, path = rng.choice(ENDPOINTS)
    sep = rng.choice(['=', '=', ': ', ' '])
    status = rng.choice([200, 200, 200, 400, 500])
    return f'{method} {path} {status} processing_time{sep}{text}', REQUEST, value
