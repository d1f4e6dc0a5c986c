from django.db import migrations, models


def columns(model_name):
    return [
        migrations.RenameField(model_name, "title", "title_fi"),
        migrations.RenameField(model_name, "message", "message_fi"),
        migrations.AddField(
            model_name,
            "title_sv",
            models.CharField(blank=True, max_length=200, verbose_name="title in Swedish"),
        ),
        migrations.AddField(
            model_name,
            "title_en",
            models.CharField(blank=True, max_length=200, verbose_name="title in English"),
        ),
        migrations.AddField(
            model_name,
            "message_sv",
            models.TextField(blank=True, max_length=5000, verbose_name="message in Swedish"),
        ),
        migrations.AddField(
            model_name,
            "message_en",
            models.TextField(blank=True, max_length=5000, verbose_name="message in English"),
        ),
        migrations.AlterField(
            model_name,
            "title_fi",
            models.CharField(max_length=200, verbose_name="title in Finnish"),
        ),
        migrations.AlterField(
            model_name,
            "message_fi",
            models.TextField(max_length=5000, verbose_name="message in Finnish"),
        ),
    ]


class Migration(migrations.Migration):
    """A round's title and message in Finnish, Swedish and English; existing text is Finnish."""

    dependencies = [("organisations", "0006_versions_and_history")]

    operations = columns("nominationround") + columns("historicalnominationround")
