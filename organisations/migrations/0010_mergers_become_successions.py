from django.db import migrations


def mergers_to_successions(apps, schema_editor):
    """Every `merged_into` link (Pertunmaa → Mäntyharju) becomes a succession."""
    Organisation = apps.get_model("organisations", "Organisation")
    Succession = apps.get_model("organisations", "Succession")
    for organisation in Organisation.objects.filter(merged_into__isnull=False):
        Succession.objects.get_or_create(
            predecessor=organisation, successor_id=organisation.merged_into_id
        )


def successions_to_mergers(apps, schema_editor):
    """Back: the first successor of each predecessor becomes `merged_into` again."""
    Organisation = apps.get_model("organisations", "Organisation")
    Succession = apps.get_model("organisations", "Succession")
    for succession in Succession.objects.order_by("-pk"):
        Organisation.objects.filter(pk=succession.predecessor_id).update(
            merged_into_id=succession.successor_id
        )


class Migration(migrations.Migration):
    dependencies = [("organisations", "0009_organisation_history_successions_business_id")]

    operations = [migrations.RunPython(mergers_to_successions, successions_to_mergers)]
