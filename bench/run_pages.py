"""`make bench`: every page of bench/pages.py at 1x and 10x the national volume, each against a
bare Django view in the same run (docs/performance.md).

1. Builds one PostgreSQL database per scale, once (`migrate`, `createcachetable`,
   `load_reference_data`, `seed_demo --scale N`, `ANALYZE`); a database already built for its
   scale is kept (`BENCH_REBUILD=1` builds again).
2. Serves it with production settings under gunicorn and gunicorn.conf.py (3 sync workers), as
   the Dockerfile does, with the bare view added (bench/wsgi.py).
3. For each page: checks one request answers 200, renders it once in-process with the page
   cache off to count its queries and size, waits until the workers are idle, runs `wrk`
   (bench/latency.lua) or, for a download, fetches it BENCH_DOWNLOADS (3) times one after
   another, and reads the workers' memory. The bare view is measured at the start
   and at the end of each scale; a page's share is its req/s over their mean.
4. Prints the table and writes it to bench/results-DATE.txt.

Environment: BENCH_DATABASE_SERVER (postgres://postgres@127.0.0.1:5432), BENCH_DB_PREFIX
(avoin_bench: databases avoin_bench_x1, avoin_bench_x10), BENCH_SCALES (1,10), BENCH_PORT
(8100), BENCH_SECONDS (10 per page), BENCH_CONNECTIONS (6), CACHE_URL (default: the database
cache, as in production).
"""

import datetime
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.measure import (  # noqa: E402
    BARE,
    CONNECTIONS,
    PYTHON,
    SECONDS,
    Server,
    fetch,
    status_of,
    timed,
    wrk,
)
from bench.pages import ACCOUNTS, PAGES, PLACES  # noqa: E402

SERVER = os.environ.get("BENCH_DATABASE_SERVER", "postgres://postgres@127.0.0.1:5432")
PREFIX = os.environ.get("BENCH_DB_PREFIX", "avoin_bench")
SCALES = [int(n) for n in os.environ.get("BENCH_SCALES", "1,10").split(",")]
# Targets at 10x (issue 12): share of the bare view's req/s, p95 in ms.
SHARE_TARGET = {"public": 50, "signed_in": 15, "dashboard": 15, "download": None}
P95_TARGET = {"public": 100, "signed_in": 100, "dashboard": 250, "download": None}
MAX_QUERIES = 12
MAX_RSS_MB = 120


def database(scale):
    return f"{PREFIX}_x{scale}"


def environment(db, **extra):
    """Production settings (DEBUG off) on the benchmark's database, served over plain HTTP."""
    return {
        **os.environ,
        "ENV_FILE": os.devnull,
        "DEBUG": "off",
        "SECRET_KEY": "bench-only-4f9c1e7a2b8d6c3e5f0a9b7d2c4e6f8a1b3d5c7e9f",
        "DATABASE_URL": f"{SERVER}/{db}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "off",
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def psql(sql, db="postgres"):
    result = subprocess.run(
        ["psql", f"{SERVER}/{db}", "-tAc", sql], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def build(scale):
    """The scale's database, built once: its comment says it is complete."""
    db = database(scale)
    marker = f"avoin bench scale {scale}"
    comment = psql(
        f"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '{db}'"
    )
    if comment == marker and not os.environ.get("BENCH_REBUILD"):
        # Kept, but brought up to the code's migrations.
        manage("migrate", "--no-input", "-v", "0", env=environment(db))
        print(f"{db}: built before, kept.")
        return
    started = time.monotonic()
    psql(f'DROP DATABASE IF EXISTS "{db}"')
    psql(f'CREATE DATABASE "{db}"')
    env = environment(db)
    manage("migrate", "--no-input", "-v", "0", env=env)
    manage("createcachetable", env=env)
    manage("load_reference_data", env=env)
    # seed_demo refuses without DEBUG (demo accounts have a known password).
    manage("seed_demo", "--scale", str(scale), env={**env, "DEBUG": "on"})
    psql("ANALYZE", db)
    psql(f"COMMENT ON DATABASE \"{db}\" IS '{marker}'")
    print(f"{db}: built in {time.monotonic() - started:.0f} s.")


def prepare(scale):
    """URLs, session cookies, queries and sizes, from a child process set up on the database."""
    output = ROOT / "bench" / f".prepared-x{scale}.json"
    env = environment(database(scale), PAGE_CACHE_SECONDS="0")
    subprocess.run([PYTHON, __file__, "--prepare", str(output)], cwd=ROOT, env=env, check=True)
    return json.loads(output.read_text())


def _prepare_here(output):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "avoin.settings")
    django.setup()
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from avoin.second_factor import needs_second_factor, verified_in_session

    places = {}
    for name, (model, lookup, field) in PLACES.items():
        found = apps.get_model(model).objects.filter(**lookup).order_by("pk").first()
        places[name] = getattr(found, field)
    cookies = {}
    clients = {None: Client()}
    for who, lookup in ACCOUNTS.items():
        client = Client()
        user = get_user_model().objects.get(**lookup)
        client.force_login(user)
        if needs_second_factor(user):  # a whole sign-in for the team: both factors
            verified_in_session(client.session, user)
        clients[who] = client
        cookies[who] = client.cookies["sessionid"].value
    pages = []
    for page in PAGES:
        url = page.url.format(**places)
        client = clients[page.who]
        first = client.get(url)
        body = first.getvalue()
        # A conditional page counts what the 304 costs: asked again with the first ETag.
        headers = {"If-None-Match": first["ETag"]} if page.conditional else {}
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, headers=headers)
            response.getvalue()
        pages.append(
            {
                "name": page.name,
                "url": url,
                "who": page.who,
                "kind": page.kind,
                "conditional": page.conditional,
                "status": first.status_code,
                "queries": len(queries.captured_queries),
                "size": len(body),
            }
        )
    Path(output).write_text(json.dumps({"pages": pages, "cookies": cookies}))


def misses(page, share, figures, rss, scale):
    """What the page misses of its targets (judged at the largest scale)."""
    if scale != max(SCALES):
        return ""
    missed = []
    if SHARE_TARGET[page["kind"]] and share < SHARE_TARGET[page["kind"]]:
        missed.append(f"share<{SHARE_TARGET[page['kind']]}%")
    if P95_TARGET[page["kind"]] and figures["p95"] > P95_TARGET[page["kind"]]:
        missed.append(f"p95>{P95_TARGET[page['kind']]}ms")
    # A streamed download reads in chunks (500 practices, 2 000 statuses): its queries grow
    # with the data by design, so the cap is for pages.
    if page["kind"] != "download" and page["queries"] > MAX_QUERIES:
        missed.append(f"queries>{MAX_QUERIES}")
    if rss > MAX_RSS_MB:
        missed.append(f"RSS>{MAX_RSS_MB}MB")
    if figures["errors"] or figures["non2xx"]:
        missed.append("errors")
    return " ".join(missed)


HEADER = (
    f"{'page':<30} {'req/s':>8} {'share':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
    f"{'queries':>7} {'size KB':>9} {'RSS MB':>7}  misses"
)


def run_scale(scale, out):
    prepared = prepare(scale)
    cookies = prepared["cookies"]
    with Server(environment(database(scale))) as server:
        for page in prepared["pages"]:
            if page["status"] != 200:
                raise RuntimeError(f"{page['name']} {page['url']} answered {page['status']}")
            fetch(page["url"], cookies.get(page["who"]))
        server.wait_until_idle()
        bare_before = wrk(BARE)
        rows = []
        for page in prepared["pages"]:
            cookie = cookies.get(page["who"])
            server.wait_until_idle()
            if page["kind"] == "download":
                figures = timed(page["url"], cookie)
            elif page["conditional"]:
                etag = fetch(page["url"], cookie)[1]["ETag"]
                figures = wrk(page["url"], cookie, headers=[f"If-None-Match: {etag}"])
            else:
                figures = wrk(page["url"], cookie)
            # A lost session would be measured as a fast redirect to the sign-in page (wrk
            # counts only 4xx and 5xx as errors): the page must still answer as it did.
            expected = 304 if page["conditional"] else 200
            answered = status_of(page["url"], cookie, etag if page["conditional"] else None)
            if answered != expected:
                raise RuntimeError(f"{page['name']} answered {answered} after the run")
            rows.append((page, figures, server.rss_mb()))
            print(f"  {page['name']}: {figures['rps']:.1f} req/s", flush=True)
        server.wait_until_idle()
        bare_after = wrk(BARE)
    bare = (bare_before["rps"] + bare_after["rps"]) / 2
    out(f"\nScale x{scale} ({database(scale)}): bare Django view {bare:.0f} req/s "
        f"(before {bare_before['rps']:.0f}, after {bare_after['rps']:.0f}), "
        f"p95 {bare_before['p95']:.1f} ms")  # fmt: skip
    out(HEADER)
    for page, figures, rss in rows:
        share = 100 * figures["rps"] / bare
        out(
            f"{page['name']:<30} {figures['rps']:>8.1f} {share:>6.1f}% {figures['p50']:>8.1f} "
            f"{figures['p95']:>8.1f} {figures['p99']:>8.1f} {page['queries']:>7} "
            f"{page['size'] / 1024:>9.1f} {rss:>7.0f}  {misses(page, share, figures, rss, scale)}"
        )


def main():
    if sys.argv[1:2] == ["--prepare"]:
        _prepare_here(sys.argv[2])
        return
    started = datetime.datetime.now()
    results = ROOT / "bench" / f"results-{started:%Y-%m-%d-%H%M}.txt"
    env = environment(database(SCALES[0]))
    manage("collectstatic", "--no-input", "-v", "0", env=env)
    for scale in SCALES:
        build(scale)
    lines = []

    def out(line):
        print(line, flush=True)
        lines.append(line)

    cache = os.environ.get("CACHE_URL", "the database (default)")
    out(f"Avoin benchmark {started:%d.%m.%Y %H:%M}; {os.cpu_count()} cores, "
        f"{os.uname().nodename}; gunicorn.conf.py workers, wrk -t2 -c{CONNECTIONS} "
        f"-d{SECONDS}s per page; cache: {cache}")  # fmt: skip
    out(f"Load average at start: {os.getloadavg()[0]:.2f} (other work on the machine counts)")
    for scale in SCALES:
        run_scale(scale, out)
    out(f"\nLoad average at end: {os.getloadavg()[0]:.2f}")
    results.write_text("\n".join(lines) + "\n")
    print(f"\nWritten to {results.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
