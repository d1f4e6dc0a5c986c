"""The reporting app's pages: good practices (public library and intake), progress reports
and activities (signed in), and the public progress figures. Mounted at the site's root."""

from django.urls import include, path, re_path

from . import feeds
from .views import (
    actions,
    activities,
    calendar,
    evaluations,
    feedback,
    figures,
    meetings,
    monitoring,
    practices,
    progress,
)

app_name = "reporting"

practice_patterns = [
    path("", practices.practice_list, name="practice_list"),
    path("international/", practices.practice_international, name="practice_international"),
    path("feed/", feeds.practice_feed, name="practice_feed"),
    re_path(
        r"^open-data\.(?P<file_format>csv|json)$",
        practices.practice_open_data,
        name="practice_open_data",
    ),
    path("mine/", practices.practice_mine, name="practice_mine"),
    path("new/", practices.practice_create, name="practice_create"),
    path("moderation/", practices.moderation_queue, name="moderation_queue"),
    path("<int:pk>/", practices.practice_detail, name="practice_detail"),
    path("<int:pk>/edit/", practices.practice_update, name="practice_update"),
    path("<int:pk>/submit/", practices.practice_submit, name="practice_submit"),
    path("<int:pk>/moderate/", practices.practice_moderate, name="practice_moderate"),
]

report_patterns = [
    path("", progress.report_list, name="report_list"),
    path(
        "organisations/<int:organisation_pk>/periods/<int:period_pk>/",
        progress.report_form,
        name="report_form",
    ),
    path("<int:pk>/", progress.report_detail, name="report_detail"),
    path("<int:pk>/submit/", progress.report_submit, name="report_submit"),
    path("<int:pk>/review/", progress.report_review, name="report_review"),
    path("periods/", progress.period_list, name="period_list"),
    path("periods/<int:pk>/edit/", progress.period_update, name="period_update"),
    path("periods/<int:pk>/lock/", progress.period_lock, name="period_lock"),
]

activity_patterns = [
    path(
        "organisations/<int:organisation_pk>/activities/",
        include(
            [
                path("", activities.activity_list, name="activity_list"),
                path("new/", activities.activity_choose, name="activity_choose"),
                path("new/<slug:kind>/", activities.activity_create, name="activity_create"),
            ]
        ),
    ),
    path(
        "activities/<int:pk>/",
        include(
            [
                path("", activities.activity_detail, name="activity_detail"),
                path("edit/", activities.activity_update, name="activity_update"),
                path("feedback/", feedback.feedback_link, name="feedback_link"),
                path("feedback/new/", feedback.feedback_link_create, name="feedback_link_create"),
            ]
        ),
    ),
]

action_patterns = [
    path("", actions.action_progress_list, name="action_progress_list"),
    path("<str:code>/", actions.action_progress_update, name="action_progress_update"),
    path("<str:code>/milestones/new/", actions.milestone_create, name="milestone_create"),
    path("<str:code>/milestones/<int:pk>/", actions.milestone_update, name="milestone_update"),
    path("<str:code>/milestones/<int:pk>/done/", actions.milestone_done, name="milestone_done"),
]

public_patterns = [
    path("", figures.progress_overview, name="progress_overview"),
    re_path(
        r"^open-data\.(?P<file_format>csv|json)$",
        figures.progress_open_data,
        name="progress_open_data",
    ),
    path(
        "open-data-statuses.csv",
        figures.progress_open_data_statuses,
        name="progress_open_data_statuses",
    ),
]

monitoring_patterns = [
    path("", monitoring.dashboard, name="dashboard"),
    re_path(
        r"^tables/(?P<table>[a-z]+)\.(?P<file_format>csv|xlsx)$",
        monitoring.dashboard_download,
        name="dashboard_download",
    ),
    path("tables.xlsx", monitoring.dashboard_workbook, name="dashboard_workbook"),
]

meeting_patterns = [
    path("", meetings.meeting_list, name="meeting_list"),
    path("new/", meetings.meeting_create, name="meeting_create"),
    path("<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("<int:pk>/edit/", meetings.meeting_update, name="meeting_update"),
    path("<int:pk>/pack/", meetings.meeting_pack, name="meeting_pack"),
    path("<int:pk>/pack.xlsx", meetings.meeting_pack_download, name="meeting_pack_download"),
    path("<int:pk>/pack/finalise/", meetings.meeting_pack_freeze, name="meeting_pack_freeze"),
    path("<int:pk>/decisions/new/", meetings.decision_create, name="decision_create"),
    path("<int:pk>/decisions/<int:item_pk>/", meetings.decision_update, name="decision_update"),
    path("<int:pk>/action-items/new/", meetings.action_item_create, name="action_item_create"),
    path(
        "<int:pk>/action-items/<int:item_pk>/",
        meetings.action_item_update,
        name="action_item_update",
    ),
]

evaluation_patterns = [
    path("workspace/", evaluations.evaluation_workspace_list, name="evaluation_workspace_list"),
    path(
        "workspace/<slug:kind>/",
        include(
            [
                path("", evaluations.evaluation_workspace, name="evaluation_workspace"),
                path("edit/", evaluations.evaluation_update, name="evaluation_update"),
                path("publish/", evaluations.evaluation_publish, name="evaluation_publish"),
                path("proposals/new/", evaluations.proposal_create, name="proposal_create"),
                path(
                    "<slug:target>/<str:number>/<slug:criterion>/",
                    evaluations.assessment_update,
                    name="assessment_update",
                ),
            ]
        ),
    ),
    path("<slug:kind>/", evaluations.evaluation_report, name="evaluation_report"),
    re_path(
        r"^(?P<kind>[-\w]+)/report\.(?P<file_format>xlsx|json)$",
        evaluations.evaluation_download,
        name="evaluation_download",
    ),
]

urlpatterns = [
    path("practices/", include(practice_patterns)),
    path("reports/actions/", include(action_patterns)),
    path("reports/", include(report_patterns)),
    path("reports/", include(activity_patterns)),
    path("progress/", include(public_patterns)),
    path("monitoring/meetings/", include(meeting_patterns)),
    path("monitoring/", include(monitoring_patterns)),
    path("calendar.ics", calendar.calendar_feed, name="calendar_feed"),
    path("evaluations/", include(evaluation_patterns)),
    path("reports/feedback/", feedback.feedback_results, name="feedback_results"),
    path("feedback/<str:token>/", feedback.feedback_answer, name="feedback_answer"),
]
