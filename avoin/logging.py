"""Keep sign-in tokens out of every log line."""

import logging
import re

TOKEN = re.compile(r"(sesame=)[^&\s\"']+")
REDACTED = r"\1[redacted]"


def redact(text: str) -> str:
    return TOKEN.sub(REDACTED, text)


class RedactSignInTokens(logging.Filter):
    """Replace `sesame=<token>` in a record's message (and its arguments) with a marker."""

    def filter(self, record):
        message = record.getMessage()
        if "sesame=" in message:
            record.msg = redact(message)
            record.args = None
        return True
