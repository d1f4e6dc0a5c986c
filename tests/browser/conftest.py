"""Playwright driving Debian's Chromium against the live test server."""

import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Screenshots and HTML of the pages of failed browser tests (git-ignored).
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # from here (loading data, checking results) are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def new_page(browser, request):
    """Open a page in a browser context of its own: one per person in the journey.

    `new_page(javascript=False, downloads=True)`. When the test fails, every
    page it opened is saved in test-artifacts/ as a screenshot and as HTML. A page without
    JavaScript cannot run `page.evaluate`, so neither `axe_check`: check it with JavaScript.
    """
    pages = []

    def open_page(*, javascript=True, viewport=DESKTOP, downloads=False):
        context = browser.new_context(
            locale="fi-FI",
            viewport=viewport,
            java_script_enabled=javascript,
            accept_downloads=downloads,
        )
        pages.append(context.new_page())
        return pages[-1]

    yield open_page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        _save_artifacts(request.node.name, pages)
    for page in pages:
        page.context.close()


@pytest.fixture
def page(new_page):
    """One page from `new_page`, for a test with a single visitor."""
    return new_page()


def _save_artifacts(test_name, pages):
    ARTIFACTS.mkdir(exist_ok=True)
    stem = re.sub(r"[^\w.-]+", "-", test_name).strip("-")
    for number, page in enumerate(pages, 1):
        if page.is_closed():
            continue
        name = f"{stem}-{number}" if len(pages) > 1 else stem
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        (ARTIFACTS / f"{name}.html").write_text(page.content(), encoding="utf-8")


@pytest.fixture
def site(live_server):
    """The live server's address, with the reference data loaded into its database."""
    call_command("load_reference_data", stdout=open(os.devnull, "w"))
    return live_server.url


def sideways_overflow(page):
    """How many CSS pixels the page scrolls sideways (0 when it fits its viewport)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.fixture
def axe_check():
    """Run axe-core (WCAG 2.1 A and AA) on the page at its own width and at 390 px, where
    nothing may scroll sideways either; fail on any violation. The page keeps its width."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def run(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        width = page.viewport_size["width"]
        assert results.violations_count == 0, (
            f"{page.url} at {width} px\n{results.generate_report()}"
        )

    def on_phone(page):
        overflow = sideways_overflow(page)
        assert overflow == 0, f"{page.url} scrolls sideways by {overflow} px at 390 px"
        run(page)

    def check(page):
        size = page.viewport_size
        if size == PHONE:
            return on_phone(page)
        run(page)
        page.set_viewport_size(PHONE)
        on_phone(page)  # a failure leaves the page at 390 px for its screenshot
        page.set_viewport_size(size)

    return check
