"""Logs a record and remembers it for the response, so the traffic script's truth is what the app
did, never what it reads back from the logs. A statement is its call site (file:line)."""
import logging
import os
import sys
import threading

_local = threading.local()


def start():
    _local.records = []


def records():
    return list(getattr(_local, "records", []))


def log(logger_name, level, msg, *args, exc_info=False, **facts):
    caller = sys._getframe(1)
    statement = f"{os.path.basename(caller.f_code.co_filename)}:{caller.f_lineno}"
    logging.getLogger(logger_name).log(level, msg, *args, exc_info=exc_info, stacklevel=2)
    exc = sys.exc_info()[1] if exc_info else None
    _local.records.append(
        {
            "statement": statement,
            "logger": logger_name,
            "level": logging.getLevelName(level),
            "message": msg % args if args else msg,
            "exception": type(exc).__name__ if exc is not None else None,
            **facts,
        }
    )
