"""A minimal SMS-to-AI Agent for smsmon's end-to-end tests (test/django).

Everything the tests vary comes from the environment: SMSMON_DJANGO_DB (database name; _HOST,
_PORT, _USER: the server, default 127.0.0.1:5432 as postgres, trust auth),
SMSMON_DJANGO_LOG_DIR, SMSMON_DJANGO_MAX_BYTES (small, so the handlers rotate during a test run)
and SMSMON_DJANGO_REDIS_PORT.
"""
import os

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = ["core"]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "smsagent.urls"
WSGI_APPLICATION = None
USE_TZ = True
# Not UTC: Django sets the process's TZ from it, so every asctime is New York wall-clock time.
TIME_ZONE = "America/New_York"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("SMSMON_DJANGO_DB", "smsmon_django"),
        "USER": os.environ.get("SMSMON_DJANGO_DB_USER", "postgres"),
        "HOST": os.environ.get("SMSMON_DJANGO_DB_HOST", "127.0.0.1"),
        "PORT": os.environ.get("SMSMON_DJANGO_DB_PORT", "5432"),
    }
}
REDIS_HOST = "127.0.0.1"
REDIS_PORT = int(os.environ.get("SMSMON_DJANGO_REDIS_PORT", "6379"))

# The monitoring guide's LOGGING dict, verbatim (MONITORING_GUIDE.md, "Application Logging").
# Django logging configuration
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

# The test's override: its own log directory, and a maxBytes small enough that files rotate.
LOG_DIR = os.environ.get("SMSMON_DJANGO_LOG_DIR", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "logs"))
_max_bytes = os.environ.get("SMSMON_DJANGO_MAX_BYTES")
for _name, _handler in LOGGING["handlers"].items():
    _handler["filename"] = os.path.join(LOG_DIR, os.path.basename(_handler["filename"]))
    if _max_bytes:
        _handler["maxBytes"] = int(_max_bytes)
