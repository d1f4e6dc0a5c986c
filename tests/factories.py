import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from avoin.permissions import MINISTRY_TEAM_GROUP
from organisations.models import Organisation, Region


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"{50 + n % 50:02d}")
    name_fi = factory.Sequence(lambda n: f"Testimaakunta {n}")
    name_sv = factory.Sequence(lambda n: f"Testlandskapet {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = Organisation.Kind.MUNICIPALITY
    code = factory.Sequence(lambda n: f"T{n:05d}")
    name_fi = factory.Sequence(lambda n: f"Testikunta {n}")
    name_sv = factory.Sequence(lambda n: f"Testkommun {n}")
    language_status = Organisation.LanguageStatus.FINNISH
    region = factory.SubFactory(RegionFactory)
    county_status = Organisation.CountyStatus.IN_COUNTY
    wellbeing_county = factory.LazyFunction(
        lambda: Organisation.objects.of_kind(Organisation.Kind.WELLBEING_COUNTY).first()
    )


class AgencyFactory(OrganisationFactory):
    kind = Organisation.Kind.STATE_AGENCY
    code = ""
    name_fi = factory.Sequence(lambda n: f"Testivirasto {n}")
    name_sv = factory.Sequence(lambda n: f"Testverket {n}")
    language_status = ""
    region = None
    county_status = ""
    wellbeing_county = None
    ministry = factory.LazyFunction(
        lambda: Organisation.objects.of_kind(Organisation.Kind.MINISTRY).first()
    )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.invalid")
    password = factory.django.Password("correct horse battery staple")


class MinistryTeamUserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"ministry{n}")
    is_staff = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=MINISTRY_TEAM_GROUP))
