#!/usr/bin/env python3
"""The test app's manage.py: migrate, seed_history and runserver against a throwaway database."""
import os
import sys

if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smsagent.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
