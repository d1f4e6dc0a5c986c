import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from avoin.links import reverse_in
from commitments.models import Measure, Theme
from organisations.models import Organisation
from reporting.models import GoodPractice
from tests.factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db


def en(name, *args):
    """The English address of a reporting page (most tests here read the English texts)."""
    return reverse_in("en", f"reporting:{name}", args=args)


GOOD = {
    "language": "sv",
    "title": "Ungdomsfullmäktige i dialog om budgeten",
    "summary": "Unga och fullmäktigeledamöter för dialog innan budgetramen bereds.",
    "description": "Varje vår ordnas dialoger om delaktighet.\n\nSammandraget bifogas budgeten.",
    "title_en": "Youth council in dialogue on the budget",
    "summary_en": "Young people and councillors talk before the budget framework is prepared.",
    "title_fi": "",
    "summary_fi": "",
    "title_sv": "",
    "summary_sv": "",
    "links": "https://www.example.invalid/dialog\nhttp://example.invalid/2",
    "contact_email": "delaktighet@espoo.example.invalid",
    "started_year": "2023",
    "target_groups": ["children_youth", "swedish_speakers"],
    "emphases": ["early_participation"],
}


def form_data(scene, **changes):
    data = {
        **GOOD,
        "organisations": [scene.espoo.pk, Organisation.objects.get(code="15").pk],
        "measures": [Measure.objects.get(number="3.1").pk],
        "themes": [Theme.objects.get(year=2024).pk],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_member_logs_a_practice_as_a_draft(practice_scene):
    client = practice_scene.client("editor")
    response = client.post(en("practice_create"), form_data(practice_scene))
    practice = GoodPractice.objects.get(title=GOOD["title"])
    assert response["Location"] == en("practice_detail", practice.pk)
    assert practice.status == "draft" and practice.created_by == practice_scene.editor
    assert practice.search_config == "swedish"
    assert practice.links == ["https://www.example.invalid/dialog", "http://example.invalid/2"]
    assert practice.for_children_youth and practice.for_swedish_speakers
    assert not practice.for_older_people
    assert practice.early_participation and not practice.cross_level_cooperation
    assert practice.organisations.count() == 2


@pytest.mark.parametrize(
    "changes, field, error",
    [
        ({"links": "javascript:alert(1)"}, "links", "is not a web address"),
        ({"links": "ftp://example.invalid/file"}, "links", "is not a web address"),
        ({"contact_email": "maija.meikalainen@espoo.fi"}, "contact_email", "role mailbox"),
        ({"contact_email": "not an address"}, "contact_email", "valid email"),
        ({"title": ""}, "title", "This field is required"),
        ({"title": "x" * 10_000}, "title", "at most 200 characters"),
        ({"started_year": "2999"}, "started_year", "cannot be in the future"),
        ({"organisations": [1]}, "organisations", "organisation you are an editor of"),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_kept(practice_scene, changes, field, error):
    if field == "organisations":
        changes = {"organisations": [Organisation.objects.get(code="905").pk]}
    data = form_data(practice_scene, summary="<script>alert('x')</script>", **changes)
    before = GoodPractice.objects.count()
    response = practice_scene.client("editor").post(en("practice_create"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_errors"' in html and error in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert GoodPractice.objects.count() == before


def test_submit_return_fix_resubmit_publish(practice_scene, mailoutbox):
    editor, ministry = practice_scene.client("editor"), practice_scene.client("ministry")
    editor.post(en("practice_create"), form_data(practice_scene))
    practice = GoodPractice.objects.get(title=GOOD["title"])
    editor.post(en("practice_submit", practice.pk))
    practice.refresh_from_db()
    assert practice.status == "submitted" and practice.submitted_at

    queue = ministry.get(en("moderation_queue")).content.decode()
    assert GOOD["title"] in queue
    url = en("practice_moderate", practice.pk)
    empty = ministry.post(url, {"action": "return", "note": ""})
    assert 'id="id_note_errors"' in empty.content.decode()
    ministry.post(url, {"action": "return", "note": "Lägg till resultaten, tack."})
    practice.refresh_from_db()
    assert practice.status == "returned"
    assert mailoutbox[-1].to == [practice_scene.editor.email]
    assert "Lägg till resultaten" in mailoutbox[-1].body
    page = editor.get(practice.get_absolute_url()).content.decode()
    assert "Lägg till resultaten, tack." in page  # the member sees the note

    practice.refresh_from_db()
    editor.post(
        en("practice_update", practice.pk),
        form_data(practice_scene, description="Resultat: 40 deltagare.", version=practice.version),
    )
    editor.post(en("practice_submit", practice.pk))
    ministry.post(url, {"action": "publish"})
    practice.refresh_from_db()
    assert practice.status == "published" and practice.published_at
    assert practice.description == "Resultat: 40 deltagare."
    statuses = list(practice.history.order_by("history_date").values_list("status", flat=True))
    changes = [s for n, s in enumerate(statuses) if n == 0 or statuses[n - 1] != s]
    assert changes == ["draft", "submitted", "returned", "submitted", "published"]
    who = practice.history.filter(status="published").get().history_user
    assert who == practice_scene.ministry


def test_withdrawn_practices_are_kept_but_hidden(practice_scene):
    published = practice_scene.published
    ministry = practice_scene.client("ministry")
    ministry.post(en("practice_moderate", published.pk), {"action": "withdraw"})
    published.refresh_from_db()
    assert published.status == "withdrawn"
    assert practice_scene.client(None).get(published.get_absolute_url()).status_code == 404
    assert GoodPractice.objects.filter(pk=published.pk).exists()


def test_moderator_is_told_about_a_possible_duplicate(practice_scene):
    GoodPracticeFactory(
        organisations=[practice_scene.espoo],
        status="submitted",
        title="Espoon published käytäntö!",
    )
    duplicate = GoodPractice.objects.get(title="Espoon published käytäntö!")
    html = (
        practice_scene.client("ministry")
        .get(en("practice_moderate", duplicate.pk))
        .content.decode()
    )
    assert "Possible duplicate" in html and "Espoon published käytäntö" in html
    other = GoodPracticeFactory(organisations=[practice_scene.vaasa], status="submitted")
    html = practice_scene.client("ministry").get(en("practice_moderate", other.pk)).content.decode()
    assert "Possible duplicate" not in html


def test_html_shows_as_text_everywhere(practice_scene):
    practice = GoodPracticeFactory(
        organisations=[practice_scene.espoo],
        title="<script>alert('t')</script>",
        summary="<img src=x onerror=alert(1)>",
    )
    anonymous = practice_scene.client(None)
    for url in (
        en("practice_list"),
        practice.get_absolute_url(),
        practice_scene.espoo.get_absolute_url(),
        en("practice_international"),
    ):
        html = anonymous.get(url).content.decode()
        assert "<script>alert('t')" not in html and "<img src=x" not in html
    feed = anonymous.get(en("practice_feed")).content.decode()
    assert "<script>" not in feed and "&lt;script&gt;" in feed
    # The summary is HTML to feed readers: escaped twice, it shows as text there too.
    assert "&amp;lt;img src=x" in feed
    data = json.loads(anonymous.get(en("practice_open_data", "json")).getvalue())
    assert "<script>alert('t')</script>" in [p["title"] for p in data["practices"]]


def library(client, **params):
    response = client.get(en("practice_list"), params)
    assert response.status_code == 200
    return {practice.pk for practice in response.context["page"].object_list}


def test_filters_combine(practice_scene):
    measure = Measure.objects.get(number="1.1")
    pohjanmaa = Organisation.objects.get(kind="wellbeing_county", code="17")
    a = GoodPracticeFactory(organisations=[practice_scene.vaasa], language="sv", started_year=2021,
                            for_older_people=True, cross_level_cooperation=True)  # fmt: skip
    a.measures.set([measure])
    b = GoodPracticeFactory(organisations=[pohjanmaa], language="fi", started_year=2021)
    b.measures.set([measure])
    client = practice_scene.client(None)
    assert library(client, measure="1.1") == {a.pk, b.pk}
    assert library(client, commitment="1") == {a.pk, b.pk}
    assert library(client, measure="1.1", language="sv") == {a.pk}
    assert library(client, county="17") == {a.pk, b.pk}  # Vaasa lies in Pohjanmaa's county
    assert library(client, kind="wellbeing_county") == {b.pk}
    assert library(client, region="15", year="2021") == {a.pk, b.pk}
    assert library(client, region="01", year="2021") == set()
    assert library(client, target_group="older_people") == {a.pk}
    assert library(client, emphasis="cross_level_cooperation") == {a.pk}
    assert practice_scene.published.pk in library(client, kind="municipality", year="2023")


def test_filters_survive_pagination(practice_scene):
    GoodPracticeFactory.create_batch(25, organisations=[practice_scene.vaasa], language="sv")
    html = practice_scene.client(None).get(en("practice_list"), {"language": "sv"}).content.decode()
    assert "language=sv&amp;page=2" in html


@pytest.mark.parametrize(
    "params",
    [{"q": "x" * 10_000}, {"measure": "9.9"}, {"year": "soon"}, {"theme": "<b>"}, {"page": "-3"}],
)
def test_nonsense_filters_never_break_the_library(practice_scene, params):
    response = practice_scene.client(None).get(en("practice_list"), params)
    assert response.status_code == 200
    assert b"<b>" not in response.content.split(b"<main")[1]


def test_english_section_lists_practices_with_english_text(practice_scene):
    english = GoodPracticeFactory(organisations=[practice_scene.vaasa], language="en")
    translated = GoodPracticeFactory(organisations=[practice_scene.vaasa], title_en="In English")
    response = practice_scene.client(None).get(reverse("reporting:practice_international"))
    shown = {practice.pk for practice in response.context["page"].object_list}
    assert shown == {english.pk, translated.pk}
    assert "In English" in response.content.decode()


def test_search_on_sqlite_or_postgresql_finds_words(practice_scene):
    found = GoodPracticeFactory(
        organisations=[practice_scene.vaasa], title="Dialogi nuorten kanssa"
    )
    client = practice_scene.client(None)
    assert found.pk in library(client, q="dialogi")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search needs PostgreSQL")
@pytest.mark.parametrize(
    "query, language, text",
    [
        ("dialogeja", "fi", "Järjestämme dialogin nuorten kanssa"),
        ("delaktighet", "sv", "Ungas delaktighet i budgeten"),
        ("dialogues", "en", "We organised a dialogue with young people"),
    ],
)
def test_full_text_search_in_each_language(practice_scene, query, language, text):
    match = GoodPracticeFactory(organisations=[practice_scene.vaasa], language=language, title=text)
    GoodPracticeFactory(organisations=[practice_scene.vaasa], language=language, title="Muuta")
    assert library(practice_scene.client(None), q=query) == {match.pk}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search needs PostgreSQL")
def test_full_text_results_are_ranked(practice_scene):
    weak = GoodPracticeFactory(
        organisations=[practice_scene.vaasa], title="Kirjasto", description="dialogi mainittu"
    )
    strong = GoodPracticeFactory(organisations=[practice_scene.vaasa], title="Dialogi ja dialogit")
    response = practice_scene.client(None).get(en("practice_list"), {"q": "dialogi"})
    ranked = [practice.pk for practice in response.context["page"].object_list]
    assert ranked.index(strong.pk) < ranked.index(weak.pk)


def test_atom_feed_of_newly_published(practice_scene):
    response = practice_scene.client(None).get(en("practice_feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert "Espoon published käytäntö" in titles
    assert "Espoon draft käytäntö" not in titles


def test_open_data_csv_and_json(practice_scene):
    client = practice_scene.client(None)
    data = json.loads(client.get(en("practice_open_data", "json")).getvalue())
    titles = [record["title"] for record in data["practices"]]
    assert titles == ["Espoon published käytäntö"]
    record = data["practices"][0]
    assert record["organisations"] == ["Espoo"] and record["organisation_kinds"] == ["municipality"]
    response = client.get(en("practice_open_data", "csv"))
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert [row["title"] for row in rows] == titles
    # The address itself: no pattern serves a format other than csv and json.
    assert client.get("/en/practices/open-data.xml").status_code == 404


def test_organisation_and_measure_pages_list_published_practices(practice_scene):
    measure = Measure.objects.get(number="3.1")
    practice_scene.published.measures.set([measure])
    practice_scene.draft.measures.set([measure])
    client = practice_scene.client(None)
    for url in (practice_scene.espoo.get_absolute_url(), measure.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Espoon published käytäntö" in html and "Espoon draft käytäntö" not in html


def add_practices(count, organisations, measure):
    now = timezone.now()
    practices = GoodPractice.objects.bulk_create(
        GoodPracticeFactory.build(
            created_by=organisations.creator,
            title=f"Käytäntö {n} dialogi",
            language=("fi", "sv", "en")[n % 3],
            search_config=("finnish", "swedish", "english")[n % 3],
            published_at=now,
        )
        for n in range(count)
    )
    through = GoodPractice.organisations.through
    through.objects.bulk_create(
        through(goodpractice=p, organisation=organisations[n % len(organisations)])
        for n, p in enumerate(practices)
    )
    measures = GoodPractice.measures.through
    measures.objects.bulk_create(measures(goodpractice=p, measure=measure) for p in practices)


class Orgs(list):
    creator = None


@pytest.mark.parametrize(
    "params", [{}, {"q": "dialogi"}, {"measure": "1.1", "kind": "municipality"}, {"page": "3"}]
)
def test_library_queries_are_the_same_with_1000_and_10000_practices(practice_scene, params):
    organisations = Orgs(Organisation.objects.of_kind("municipality")[:50])
    organisations.creator = practice_scene.editor
    measure = Measure.objects.get(number="1.1")
    client = practice_scene.client(None)
    add_practices(1000, organisations, measure)
    with CaptureQueriesContext(connection) as thousand:
        client.get(en("practice_list"), params)
    add_practices(9000, organisations, measure)
    with CaptureQueriesContext(connection) as ten_thousand:
        response = client.get(en("practice_list"), params)
    assert response.context["page"].paginator.count >= 20
    assert len(thousand.captured_queries) == len(ten_thousand.captured_queries) <= 12
