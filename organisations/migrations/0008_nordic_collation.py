from django.db import migrations

from avoin.collation import CREATE_ON_POSTGRESQL, DROP_ON_POSTGRESQL


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_ON_POSTGRESQL)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_ON_POSTGRESQL)


class Migration(migrations.Migration):
    """Names sort …, Z, Å, Ä, Ö on PostgreSQL (ICU); SQLite gets the same order in Python."""

    dependencies = [("organisations", "0007_round_in_three_languages")]

    operations = [migrations.RunPython(create, drop)]
