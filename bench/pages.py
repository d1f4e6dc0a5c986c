"""The pages `make bench` measures: one entry per page, in the order they are run.

`url` may name objects of the demo data in braces; `PLACES` says how each is found in the
benchmark's database. `who` is None for an anonymous reader, or the demo account the page is
read as: "team" (the ministry team), "espoo" (an editor of Espoo), "group" (the working group).
`kind` sets the page's target (docs/performance.md): "public", "signed_in", "dashboard" (the
dashboards and the meeting pack: 250 ms) or "download" (a whole file: timed request by
request, one at a time, rather than with wrk).

To add a page (the monitoring dashboard, the working-group pack, evaluations...), add a line.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    name: str
    url: str
    who: str | None = None
    kind: str = "public"
    # Ask again with the ETag of the first answer (If-None-Match): the 304 path.
    conditional: bool = False


PAGES = [
    Page("home", "/fi/"),
    Page("programme", "/fi/programme/"),
    Page("commitment 1", "/fi/programme/commitments/1/"),
    Page("measure 1.2", "/fi/programme/measures/1.2/"),
    Page("recommendation R1.1-p2", "/fi/programme/recommendations/R1.1-p2/"),
    Page("action", "/fi/programme/actions/{action}/"),
    Page("organisations", "/fi/organisations/"),
    Page("organisation (Espoo)", "/fi/organisations/{espoo}/"),
    Page("practice library", "/fi/practices/"),
    Page("search fi ?q=osallisuus", "/fi/practices/?q=osallisuus"),
    Page("search sv ?q=delaktighet", "/sv/practices/?q=delaktighet"),
    Page("search en ?q=participation", "/en/practices/?q=participation"),
    Page("library page 40, filtered", "/fi/practices/?kind=municipality&page=40"),
    Page("practice", "/fi/practices/{practice}/"),
    Page("international section", "/en/practices/international/"),
    Page("progress", "/fi/progress/"),
    Page("calendar", "/fi/calendar.ics"),
    Page("practices open data JSON", "/fi/practices/open-data.json", kind="download"),
    Page("practices open data CSV", "/fi/practices/open-data.csv", kind="download"),
    Page("progress open data JSON", "/fi/progress/open-data.json", kind="download"),
    Page("progress statuses CSV", "/fi/progress/open-data-statuses.csv", kind="download"),
    Page("practices JSON, unchanged (304)", "/fi/practices/open-data.json", conditional=True),
    # Signed in.
    Page("checklist (Espoo)", "/fi/programme/asked-of-us/", who="espoo", kind="signed_in"),
    Page("own practices (Espoo)", "/fi/practices/mine/", who="espoo", kind="signed_in"),
    Page("round dashboard", "/fi/organisations/nominations/{round}/", who="team", kind="dashboard"),
    Page("moderation", "/fi/practices/moderation/", who="team", kind="signed_in"),
    Page("reports", "/fi/reports/", who="team", kind="signed_in"),
    Page("monitoring dashboard", "/fi/monitoring/", who="group", kind="dashboard"),
    Page(
        "monitoring dashboard, filtered",
        "/fi/monitoring/?kind=municipality",
        who="group",
        kind="dashboard",
    ),
    Page("working-group meetings", "/fi/monitoring/meetings/", who="group", kind="signed_in"),
    Page(
        "meeting pack (frozen)",
        "/fi/monitoring/meetings/{meeting}/pack/",
        who="group",
        kind="dashboard",
    ),
    Page(
        "meeting pack (live)",
        "/fi/monitoring/meetings/{meeting}/pack/?live=1",
        who="group",
        kind="dashboard",
    ),
    Page(
        "round network XLSX",
        "/fi/organisations/nominations/{round}/network.xlsx",
        who="team",
        kind="download",
    ),
]

# How the braces in `url` are found in the demo data: (model, lookup, field to use).
PLACES = {
    "espoo": ("organisations.Organisation", {"kind": "municipality", "code": "049"}, "pk"),
    "round": ("organisations.NominationRound", {"title_fi__endswith": "edustajat 2024"}, "pk"),
    "practice": ("reporting.GoodPractice", {"status": "published"}, "pk"),
    "action": ("commitments.Action", {}, "code"),
    "meeting": ("reporting.Meeting", {"pack_frozen_at__isnull": False}, "pk"),
}

# The demo accounts pages are read as (seed_demo): username, or email of a member.
ACCOUNTS = {
    "team": {"username": "ministerio"},
    "group": {"username": "tyoryhma"},
    "espoo": {"email": "osallisuus@espoo.example.invalid"},
}
