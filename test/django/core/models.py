"""The three tables the guide's MetricsCollector reads (core_user, core_task, core_errorlog)."""
from django.db import models


class User(models.Model):
    phone = models.CharField(max_length=20, unique=True)
    email = models.CharField(max_length=100, default="")
    tier = models.CharField(max_length=20, default="free")
    last_active = models.DateTimeField(null=True)


class Task(models.Model):
    user = models.ForeignKey(User, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField()
    success = models.BooleanField(default=False)
    processing_time = models.FloatField(null=True)
    category = models.CharField(max_length=30, default="general")


class ErrorLog(models.Model):
    timestamp = models.DateTimeField()
    message = models.TextField(default="")
