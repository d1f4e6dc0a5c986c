"""One harness for every app's access table.

A table row is a URL name, an HTTP method and the expected answer for each of `ROLES`: a status
code, or `LOGIN` for "sent to sign in". A scene (tests/*/conftest.py) gives a client per role.
"""

import pytest
from django.urls import reverse

LOGIN = "login"
ROLES = ["anonymous", "other_member", "viewer", "editor", "ministry", "working_group"]


def access_params(cases):
    """pytest parameters (name, method, role, expected): one per row and role."""
    return [
        pytest.param(name, method, role, expected, id=f"{name}-{method}-{role}")
        for name, method, *statuses in cases
        for role, expected in zip(ROLES, statuses, strict=True)
    ]


def assert_access(scene, url, method, role, expected):
    """Open `url` as `role` and check the answer."""
    client = scene.client(None if role == "anonymous" else role)
    response = getattr(client, method)(url)
    if expected == LOGIN:
        assert response.status_code == 302, (url, method, role)
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == expected, (url, method, role)


def sign_in(client, username, password, ip="10.0.0.1"):
    """Post the team's password sign-in form from an address."""
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )
