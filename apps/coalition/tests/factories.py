from __future__ import annotations

import factory

from apps.coalition.models import Member, Person


class MemberFactory(factory.django.DjangoModelFactory[Member]):
    class Meta:
        model = Member

    code = factory.Sequence(lambda n: f"Z{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    name_en = factory.Sequence(lambda n: f"Freedonia {n}")
    role = Member.Role.COALITION_MEMBER


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person

    slug = factory.Sequence(lambda n: f"person_{chr(97 + n // 26 % 26)}{chr(97 + n % 26)}")
    name_en = factory.Sequence(lambda n: f"Person {n}")
