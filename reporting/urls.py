from django.urls import path, re_path

from . import feeds
from .views import practices as views

app_name = "reporting"

urlpatterns = [
    path("", views.practice_list, name="practice_list"),
    path("international/", views.practice_international, name="practice_international"),
    path("feed/", feeds.practice_feed, name="practice_feed"),
    re_path(
        r"^open-data\.(?P<file_format>csv|json)$",
        views.practice_open_data,
        name="practice_open_data",
    ),
    path("mine/", views.practice_mine, name="practice_mine"),
    path("new/", views.practice_create, name="practice_create"),
    path("moderation/", views.moderation_queue, name="moderation_queue"),
    path("<int:pk>/", views.practice_detail, name="practice_detail"),
    path("<int:pk>/edit/", views.practice_update, name="practice_update"),
    path("<int:pk>/submit/", views.practice_submit, name="practice_submit"),
    path("<int:pk>/moderate/", views.practice_moderate, name="practice_moderate"),
]
