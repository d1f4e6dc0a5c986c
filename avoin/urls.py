from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from avoin import account_views, second_factor_views, views

handler400 = "avoin.views.bad_request"
handler403 = "avoin.views.permission_denied"
handler404 = "avoin.views.page_not_found"
handler500 = "avoin.views.server_error"

urlpatterns = [
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy_notice, name="privacy"),
    # Easy Language (ADR 0020): Finnish under /fi/selko/, Swedish under /sv/lattlast/.
    path("selko/", views.easy_language_page, {"easy_language": "fi"}, name="easy_language_fi"),
    path(
        "selko/<slug:slug>/",
        views.easy_language_page,
        {"easy_language": "fi"},
        name="easy_language_fi_topic",
    ),
    path("lattlast/", views.easy_language_page, {"easy_language": "sv"}, name="easy_language_sv"),
    path(
        "lattlast/<slug:slug>/",
        views.easy_language_page,
        {"easy_language": "sv"},
        name="easy_language_sv_topic",
    ),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/link/", views.login_link, name="login_link"),
    path("accounts/link/request/", views.login_link_request, name="login_link_request"),
    path("accounts/", views.account_home, name="account_home"),
    path("accounts/my-data/", account_views.my_data, name="my_data"),
    path("accounts/two-step/", second_factor_views.second_factor, name="second_factor"),
    path(
        "accounts/two-step/enrol/",
        second_factor_views.second_factor_enrol,
        name="second_factor_enrol",
    ),
    path(
        "accounts/two-step/verify/",
        second_factor_views.second_factor_verify,
        name="second_factor_verify",
    ),
    path(
        "accounts/two-step/recovery-codes/",
        second_factor_views.recovery_codes_renew,
        name="recovery_codes_renew",
    ),
    path("accounts/my-data.json", account_views.my_data_download, name="my_data_download"),
    path("programme/", include("commitments.urls")),
    path("organisations/", include("organisations.urls")),
    path("", include("reporting.urls")),
    path("admin/", admin.site.urls),
)
