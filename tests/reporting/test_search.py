"""Stored, indexed full-text vectors per language (ADR 0039); PostgreSQL only, like the
search tests in test_practices.py."""

import pytest
from django.db import connection

from reporting.models import GoodPractice
from tests.factories import GoodPracticeFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="full-text search needs PostgreSQL"
    ),
]


def found(text):
    return set(GoodPractice.objects.published().search(text).values_list("pk", flat=True))


def test_translations_are_searched_in_their_own_language():
    practice = GoodPracticeFactory(
        language="fi",
        title="Nuorisovaltuusto budjettivalmistelussa",
        title_sv="Ungdomsfullmäktige i budgetberedningen",
        summary_sv="Ungas delaktighet innan budgetramen bereds.",
        title_en="Youth council in budget preparation",
        summary_en="Young people were consulted on the budgets.",
    )
    assert found("delaktigheten") == {practice.pk}  # Swedish stemming of the translation
    assert found("budget consultations") == {practice.pk}  # English stemming
    assert found("nuorisovaltuustoa") == {practice.pk}  # Finnish stemming of the original


def test_vectors_follow_every_save_and_update():
    practice = GoodPracticeFactory(title="Kuntalaiskysely")
    assert found("kuntalaiskysely") == {practice.pk}
    practice.title = "Asukasraati"
    practice.save()
    assert found("kuntalaiskysely") == set() and found("asukasraati") == {practice.pk}
    GoodPractice.objects.filter(pk=practice.pk).update(summary_en="Citizens' jury on parks")
    assert found("juries") == {practice.pk}


def test_vectors_are_filled_on_bulk_loads():
    creator = UserFactory()
    GoodPractice.objects.bulk_create(
        GoodPracticeFactory.build(created_by=creator, language="sv", title=f"Invånarpanel {n}")
        for n in range(3)
    )
    assert len(found("invånarpanelen")) == 3


def test_the_search_uses_the_gin_indexes():
    GoodPracticeFactory(title="Osallisuusohjelma")
    queryset = GoodPractice.objects.search("osallisuus")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    for column in ("search_fi", "search_sv", "search_en"):
        assert f"practice_{column}" in plan


def test_ranked_by_weight_across_languages():
    in_summary = GoodPracticeFactory(title="Kirjasto", summary_en="A dialogue is mentioned.")
    in_title = GoodPracticeFactory(title="Kirjasto", title_en="Dialogues with young people")
    ranked = list(GoodPractice.objects.published().search("dialogue").values_list("pk", flat=True))
    assert ranked.index(in_title.pk) < ranked.index(in_summary.pk)
