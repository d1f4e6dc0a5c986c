"""The demo's people: the ministry team, the working group and organisation members."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from organisations.models import Membership, Organisation

DEMO_PASSWORD = "avoin-demo-salasana"
# Municipal demo members: (Finnish name, address, role)
DEMO_MUNICIPAL_MEMBERS = [
    ("Espoo", "osallisuus@espoo.example.invalid", Membership.Role.EDITOR),
    ("Vaasa", "delaktighet@vasa.example.invalid", Membership.Role.EDITOR),
    ("Pohjanmaan hyvinvointialue", "osallisuus@pohjanmaa.example.invalid", Membership.Role.EDITOR),
]


def user(username, group_name, superuser=False):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@example.invalid",
            "is_staff": superuser,
            "is_superuser": superuser,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def municipal_members():
    User = get_user_model()
    members = {}
    for name, address, role in DEMO_MUNICIPAL_MEMBERS:
        organisation = Organisation.objects.get(name_fi=name)
        user, _created = User.objects.get_or_create(username=address, defaults={"email": address})
        Membership.objects.get_or_create(
            user=user, organisation=organisation, defaults={"role": role}
        )
        members[organisation.pk] = user
    return members
