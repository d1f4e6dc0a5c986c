"""The letter's own slips of the pen, as its structured copy records them (`source_anomalies`).

Quoted letter text stays verbatim, with "[sic: …]" and the probable intent beside each slip
(`commitments/templatetags/letter.py`); labels and headings that Avoin derives from the letter
use the corrected form (`corrected`).
"""

import functools
from pathlib import Path

import yaml
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

PROGRAMME_FILE = Path(__file__).resolve().parent / "data" / "programme.yaml"


@functools.cache
def slips() -> tuple[tuple[str, str], ...]:
    """(as written, probably intended) for every typo or grammar slip the copy records."""
    with open(PROGRAMME_FILE, encoding="utf-8") as handle:
        anomalies = yaml.safe_load(handle)["source_anomalies"]
    return tuple(
        (anomaly["as_written"], anomaly["probably_intended"])
        for anomaly in anomalies
        if anomaly["type"] == "typo_or_grammar"
    )


def corrected(text: str) -> str:
    """`text` with every recorded slip put right (for labels Avoin derives)."""
    for written, intended in slips():
        text = text.replace(written, intended)
    return text


@functools.cache
def _marks() -> tuple[tuple[str, str], ...]:
    """(escaped slip, the escaped slip with its mark): escaped once, not on every call."""
    return tuple(
        (escape(written), f'{escape(written)} <span class="sic">[sic: {escape(intended)}]</span>')
        for written, intended in slips()
    )


def marked(text: str) -> SafeString:
    """Escaped `text` with "[sic: intended]" after every recorded slip."""
    html = escape(text)
    for written, mark in _marks():
        if written in html:
            html = html.replace(written, mark)
    return mark_safe(html)
