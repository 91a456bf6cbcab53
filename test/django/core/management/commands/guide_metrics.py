"""The guide's MetricsCollector.collect_application_metrics (MONITORING_GUIDE.md, "Metrics Collection
Script"), verbatim, printed as JSON. The class's psutil and redis parts are left out: neither is a
Debian dependency of this test app, and only the application metrics are compared."""
import json

from django.core.management.base import BaseCommand
from django.db.models import Count, Avg  # noqa: F401 - as the guide imports them
from core.models import User, Task, ErrorLog


class MetricsCollector:
    def collect_application_metrics(self):
        """Collect application-specific metrics"""
        from datetime import timedelta
        from django.utils import timezone

        now = timezone.now()
        last_hour = now - timedelta(hours=1)

        return {
            'active_users_last_hour': User.objects.filter(last_active__gte=last_hour).count(),
            'tasks_last_hour': Task.objects.filter(created_at__gte=last_hour).count(),
            'successful_tasks_last_hour': Task.objects.filter(
                created_at__gte=last_hour, success=True
            ).count(),
            'errors_last_hour': ErrorLog.objects.filter(timestamp__gte=last_hour).count(),
            'avg_processing_time': Task.objects.filter(
                created_at__gte=last_hour, success=True
            ).aggregate(avg=Avg('processing_time'))['avg'] or 0
        }


class Command(BaseCommand):
    help = "Print the guide's application metrics as JSON."

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(MetricsCollector().collect_application_metrics()))
