from django.urls import path

from core import views

urlpatterns = [
    path("health", views.health),
    path("health/last", views.health_last),
    path("sms/webhook/", views.sms_webhook),
    path("sms/status/", views.sms_status),
    path("api/ingest/", views.ingest),
    path("api/accounts/<str:account>/", views.account_event),
    path("reports/<str:kind>/", views.report),
]
