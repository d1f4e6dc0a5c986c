"""Names in the order Finns and Swedes expect: …, X, Y, Z, Å, Ä, Ö (and Ü with Y).

PostgreSQL gets an ICU collation `avoin_nordic` (sv-FI) by a migration; SQLite gets a Python
collation of the same name on every connection (registered in `avoin.apps`). Lists sort names
in the page's language with `name_order()`. Knows no domain app.
"""

import unicodedata

from django.db.models import F, Value
from django.db.models.functions import Coalesce, Collate, NullIf

from avoin.translation import DEFAULT_LANGUAGE, active_language

NORDIC = "avoin_nordic"
CREATE_ON_POSTGRESQL = f"CREATE COLLATION IF NOT EXISTS {NORDIC} (provider = icu, locale = 'sv-FI')"
DROP_ON_POSTGRESQL = f"DROP COLLATION IF EXISTS {NORDIC}"
# After Z, in this order; Ü is read as Y, as in Finnish and Swedish dictionaries.
LAST_LETTERS = {"å": "z\u0001", "ä": "z\u0002", "æ": "z\u0002", "ö": "z\u0003", "ø": "z\u0003"}
AS_OTHER_LETTER = {"ü": "y"}


def nordic_key(text: str) -> str:
    """A sort key: case-blind, å ä ö after z, other accents ignored (é as e)."""
    key = []
    for letter in (text or "").casefold():
        if letter in LAST_LETTERS:
            key.append(LAST_LETTERS[letter])
            continue
        letter = AS_OTHER_LETTER.get(letter, letter)
        base = unicodedata.normalize("NFD", letter)[0]
        key.append(base)
    return "".join(key)


def nordic_compare(first: str, second: str) -> int:
    """SQLite's collation callback: negative, zero or positive."""
    a, b = nordic_key(first), nordic_key(second)
    return (a > b) - (a < b)


def register_on_sqlite(sender, connection, **kwargs):
    """`connection_created` receiver: give SQLite connections the nordic collation."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(NORDIC, nordic_compare)


def name_order(prefix: str = ""):
    """An ordering expression for `<prefix>name_<language>` in the page's language (Finnish
    where the name is missing), sorted the nordic way."""
    language = active_language()
    name = F(f"{prefix}name_{DEFAULT_LANGUAGE}")
    if language != DEFAULT_LANGUAGE:
        name = Coalesce(NullIf(F(f"{prefix}name_{language}"), Value("")), name)
    return Collate(name, NORDIC)
