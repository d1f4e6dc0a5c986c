"""How `make bench` measures (bench/run_pages.py): gunicorn serving a benchmark database as the
Dockerfile does, `wrk` for a page's throughput and latency, whole downloads timed one after
another, the workers' CPU time and memory read from /proc."""

import http.client
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8100"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "6"))
BARE = "/bench/hello/"
DOWNLOADS = int(os.environ.get("BENCH_DOWNLOADS", "3"))
TICK = os.sysconf("SC_CLK_TCK")


class Server:
    """gunicorn with gunicorn.conf.py, as in the Dockerfile, with `env` (the settings of a
    scale's database)."""

    def __init__(self, env):
        self.env = env
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "bench.wsgi",
                "-c",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--access-logfile",
                "/dev/null",
                # Another gunicorn on the machine may hold the default control socket.
                "--no-control-socket",
            ],  # fmt: skip
            cwd=ROOT,
            env=self.env,
        )
        for _attempt in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}{BARE}", timeout=30)
                return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.5)
        self.__exit__()
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        """Stop the server this benchmark started (its master's id), and only it."""
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    def workers(self):
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return pids

    def cpu_ticks(self):
        total = 0
        for pid in self.workers():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])
        return total

    def wait_until_idle(self, timeout=30):
        """Until the workers use under 2 % of a core over half a second (at most `timeout`)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            before = self.cpu_ticks()
            time.sleep(0.5)
            if (self.cpu_ticks() - before) / TICK < 0.01:
                return
        print("  (the workers did not become idle; measuring anyway)")

    def rss_mb(self):
        """The largest worker's resident memory, in MB."""
        largest = 0
        for pid in self.workers():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            found = re.search(r"VmRSS:\s+(\d+) kB", status)
            largest = max(largest, int(found.group(1)) if found else 0)
        return largest / 1024


def wrk(url, cookie=None, seconds=SECONDS, headers=()):
    command = [
        "wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "60s",
        "-s", str(ROOT / "bench" / "latency.lua"),
    ]  # fmt: skip
    if cookie:
        command += ["-H", f"Cookie: sessionid={cookie}"]
    for header in headers:
        command += ["-H", header]
    result = subprocess.run(
        [*command, f"http://127.0.0.1:{PORT}{url}"], capture_output=True, text=True, check=True
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH "))
    values = dict(pair.split("=") for pair in line.split()[1:])
    figures = {key: float(value) for key, value in values.items()}
    figures["rps"] = figures["requests"] / figures["seconds"]
    return figures


def fetch(url, cookie=None):
    """One whole response: (status, headers, seconds)."""
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{url}")
    if cookie:
        request.add_header("Cookie", f"sessionid={cookie}")
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=300) as response:
        response.read()
        return response.status, response.headers, time.monotonic() - started


def status_of(url, cookie=None, etag=None):
    """The status of one request, redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=300)
    headers = {"Cookie": f"sessionid={cookie}"} if cookie else {}
    if etag:
        headers["If-None-Match"] = etag
    connection.request("GET", url, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


def timed(url, cookie=None, times=DOWNLOADS):
    """A download fetched `times` times one after another, as a harvester would."""
    seconds = sorted(fetch(url, cookie)[2] * 1000 for _time in range(times))
    return {
        "rps": 1000 * len(seconds) / sum(seconds),
        "p50": seconds[len(seconds) // 2],
        "p95": seconds[-1],
        "p99": seconds[-1],
        "errors": 0,
        "non2xx": 0,
    }
