from django.urls import path

from . import views

app_name = "commitments"

urlpatterns = [
    path("", views.programme_overview, name="programme_overview"),
    path("commitments/<int:number>/", views.commitment_detail, name="commitment_detail"),
    path("measures/<str:number>/", views.measure_detail, name="measure_detail"),
    path("actions/<str:code>/", views.action_detail, name="action_detail"),
    path("recommendations/<str:code>/", views.recommendation_detail, name="recommendation_detail"),
    path("asked-of-us/", views.asked_of_us, name="asked_of_us"),
    path("evaluations/", views.evaluation_list, name="evaluation_list"),
    path("versions/", views.plan_versions, name="plan_versions"),
    path("versions/new/", views.plan_version_create, name="plan_version_create"),
    path("versions/amendments/new/", views.amendment_create, name="amendment_create"),
]
