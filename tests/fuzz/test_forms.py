"""Forms under fire (issue 13, part 5): generated input posted to every form of the portal.

Whatever arrives — long, empty, unicode of every category, control characters, invalid UTF-8,
huge numbers, far dates, repeated and missing fields — the answer is never a server error; a
refused form shows translated errors beside its fields, and nothing is saved from it.
"""

import hashlib
import importlib
import inspect
import re
from pathlib import Path
from urllib.parse import quote_from_bytes

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.targets import NOT_FUZZED, TARGETS, World

pytestmark = pytest.mark.django_db

FIELD = re.compile(r'<(?:input|select|textarea)\b[^>]*?\bname="([^"]+)"')
VALUE = re.compile(r'<(?:option|input)\b[^>]*?\bvalue="([^"]*)"')
AWKWARD = [
    "",
    " ",
    "0",
    "-1",
    "1e308",
    "NaN",
    "9" * 400,
    "31.12.9999",
    "1.1.0001",
    "29.2.2023",
    "2024-13-45",
    "http://",
    "javascript:alert(1)",
    "<script>alert(1)</script>",
    "a@b",
    "'; DROP TABLE x; --",
    "\x00",
    "\u202e\u200b",
    "𝔄𝔳𝔬𝔦𝔫 🇫🇮",
]


@pytest.fixture
def world(db):
    return World()


def client_for(world, target):
    client = Client()
    if target.who:
        client.force_login(world.user(target.who))
    return client


def page_fields(client, path):
    """The names of the fields the page's forms send, and the values its choices offer."""
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    html = response.content.decode()
    names = sorted(set(FIELD.findall(html)) - {"csrfmiddlewaretoken", "language", "next"})
    assert names, f"{path} shows no form fields"
    return names, sorted(set(VALUE.findall(html)))[:200]


def values(choices):
    one = st.one_of(
        st.sampled_from(AWKWARD + choices) if choices else st.sampled_from(AWKWARD),
        st.text(max_size=120),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.dates().map(lambda day: f"{day.day}.{day.month}.{day.year}"),
        st.integers(min_value=500, max_value=40_000).map(lambda n: "å" * n),
    )
    return st.one_of(one, st.lists(one, min_size=2, max_size=3))  # a field sent twice


def submissions(names, choices):
    extra = st.dictionaries(st.text(min_size=1, max_size=20), values(choices), max_size=2)
    known = st.fixed_dictionaries({}, optional={name: values(choices) for name in names})
    return st.tuples(known, extra).map(lambda parts: {**parts[1], **parts[0]})


def fingerprint(models):
    """What the rows of `models` hold now."""
    digest = hashlib.sha256()
    for model in models:
        for row in model._default_manager.order_by("pk").values_list():
            digest.update(repr(row).encode())
    return digest.hexdigest()


def refused_forms(response):
    if response.status_code != 200 or response.context is None:
        return []
    found = {}
    for context in response.context:
        for value in context.flatten().values():
            if isinstance(value, forms.BaseForm) and value.is_bound and value.errors:
                found[id(value)] = value
    return list(found.values())


def translated(error):
    def text(language):
        with translation.override(language):
            message = str(error.message)
            return message % error.params if error.params else message

    finnish = text("fi")
    return finnish != text("en") or not re.search(r"[A-Za-z]{3}", finnish)


def check(target, response, before, after):
    assert response.status_code < 500, (target.name, response.status_code)
    html = response.content.decode(errors="replace") if response.status_code == 200 else ""
    for form in refused_forms(response):
        assert before == after, f"{target.name}: a refused form saved something"
        for name, errors in form.errors.as_data().items():
            if name in form.fields and not form[name].is_hidden:
                assert f'id="{form[name].auto_id}_errors"' in html, (target.name, name)
            for error in errors:
                assert translated(error), (target.name, name, error.messages)


def post(client, target, path, data):
    if target.method == "get":
        return client.get(path, data)
    return client.post(path, data)


@pytest.mark.parametrize("target", TARGETS, ids=lambda target: target.name)
def test_generated_input_never_breaks_a_form(world, target):
    client = client_for(world, target)
    names, choices = page_fields(client, (target.page or target.path)(world))

    @given(data=submissions(names, choices))
    def run(data):
        cache.clear()  # rate limits would answer every later example with 429
        path = target.path(world)
        before = fingerprint(target.models)
        response = post(client, target, path, data)
        check(target, response, before, fingerprint(target.models))

    run()


@pytest.mark.parametrize("target", TARGETS, ids=lambda target: target.name)
def test_invalid_utf8_never_breaks_a_form(world, target):
    client = client_for(world, target)
    names, _choices = page_fields(client, (target.page or target.path)(world))
    pairs = st.lists(st.tuples(st.sampled_from(names or ["x"]), st.binary(max_size=60)), max_size=4)

    @given(pairs=pairs)
    def run(pairs):
        cache.clear()
        path = target.path(world)
        body = "&".join(f"{name}={quote_from_bytes(raw)}" for name, raw in pairs)
        before = fingerprint(target.models)
        if target.method == "get":
            response = client.get(f"{path}?{body}")
        else:
            response = client.generic(
                "POST", path, body, content_type="application/x-www-form-urlencoded"
            )
        check(target, response, before, fingerprint(target.models))

    run()


def project_form_modules():
    """Every forms module of the project's own apps: `forms.py` or a module of `forms/`."""
    root = Path(settings.BASE_DIR)
    for app in apps.get_app_configs():
        folder = Path(app.path)
        if folder.parent != root:
            continue  # Django's and third parties' apps
        for path in sorted(folder.rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if path.stem == "forms" or "forms" in parts[:-1]:
                yield importlib.import_module(".".join(parts))


def project_form_classes():
    for module in project_form_modules():
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                yield cls


def test_every_form_is_fuzzed():
    """A new form class in avoin, organisations, commitments or reporting joins TARGETS."""
    fuzzed = {target.form for target in TARGETS} | set(NOT_FUZZED)
    missing = {cls.__qualname__ for cls in project_form_classes()} - {
        cls.__qualname__ for cls in fuzzed
    }
    assert not missing, f"add these forms to tests/fuzz/targets.py: {sorted(missing)}"
