"""Rows outside the last hour (and one user never active), so the metrics' one-hour windows filter something."""
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from core.models import ErrorLog, Task, User


class Command(BaseCommand):
    help = "Insert users, tasks and error logs older than an hour."

    def handle(self, *args, **options):
        now = timezone.now()
        for i, hours in enumerate([3, 3, 5, 26, 30]):
            User.objects.create(phone=f"+1555900{i:04d}", tier="free", last_active=now - timedelta(hours=hours))
        User.objects.create(phone="+15559009999", tier="pro", last_active=None)
        for i, hours in enumerate([1.5, 2, 2, 6, 30, 49]):
            Task.objects.create(created_at=now - timedelta(hours=hours), success=i % 2 == 0,
                                processing_time=9.5 + i, category="backfill")
        for hours in [1.5, 2, 25]:
            ErrorLog.objects.create(timestamp=now - timedelta(hours=hours), message="old")
