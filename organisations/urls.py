from django.urls import path, re_path

from . import member_views, views

app_name = "organisations"

urlpatterns = [
    path("", views.organisation_list, name="organisation_list"),
    path("<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("<int:pk>/contacts/new/", views.contact_create, name="contact_create"),
    path("<int:pk>/contacts/<int:contact_pk>/edit/", views.contact_update, name="contact_update"),
    path("<int:pk>/contacts/<int:contact_pk>/end/", views.contact_end, name="contact_end"),
    path("<int:pk>/members/invite/", views.member_invite, name="member_invite"),
    path("<int:pk>/members/", member_views.member_list, name="member_list"),
    path("<int:pk>/members/<int:member_pk>/", member_views.member_update, name="member_update"),
    path(
        "<int:pk>/members/<int:member_pk>/remove/",
        member_views.member_remove,
        name="member_remove",
    ),
    path(
        "people/<int:user_pk>/deactivate/",
        member_views.user_deactivate,
        name="user_deactivate",
    ),
    path("nominations/", views.nomination_round_list, name="nomination_round_list"),
    path("nominations/new/", views.nomination_round_create, name="nomination_round_create"),
    path("nominations/<int:pk>/", views.nomination_round_detail, name="nomination_round_detail"),
    path(
        "nominations/<int:pk>/send/",
        views.nomination_round_send,
        name="nomination_round_send",
    ),
    path(
        "nominations/<int:pk>/close/",
        views.nomination_round_close,
        name="nomination_round_close",
    ),
    path(
        "nominations/<int:pk>/emails/<int:message_pk>/resend/",
        views.nomination_message_resend,
        name="nomination_message_resend",
    ),
    re_path(
        r"^nominations/(?P<pk>[0-9]+)/network\.(?P<file_format>csv|xlsx)$",
        views.nomination_round_export,
        name="nomination_round_export",
    ),
    path(
        "nominations/requests/<int:pk>/",
        views.nomination_request_detail,
        name="nomination_request_detail",
    ),
]
