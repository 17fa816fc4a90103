"""Unknown names on a real database: sightings replaced per source, exact counts, aliases and dismissals."""

from __future__ import annotations

from dataclasses import replace
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.coalition.models import Alias, Member, Person
from apps.coalition.tests.factories import MemberFactory, PersonFactory
from apps.core.exceptions import InvalidTransition
from apps.core.models import AuditEntry
from apps.extraction.names import NameSighting as Seen
from apps.names import services, sightings
from apps.names.models import NameCandidate, NameSighting
from apps.names.tests.factories import NameCandidateFactory, NameSightingFactory
from apps.sources import receive as source_services
from apps.sources.archives import IncomingFile
from apps.sources.ingest import source_ingest, source_reextract
from apps.sources.models import SourceText
from apps.sources.tests.factories import SourceTextFactory
from apps.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db

# A fictional deputy minister: no lexicon knows her, so the extraction reports her as an unknown name.
FIRST = b" date 2026-03-02 Swedish Deputy Defence Minister Ingrid Halvorsen said Sweden will send air defence " \
        b"systems to Ukraine."
SECOND = b" date 2026-03-04 Sweden will train Ukrainian pilots, Ingrid Halvorsen told reporters in Stockholm."
KEY = "ingrid halvorsen"


def ingest(name: str, data: bytes) -> SourceText:
    source = source_services.source_receive(upload=None, item=IncomingFile(name, data, None, len(data)))
    source_ingest(source_id=source.pk)
    source.refresh_from_db()
    assert source.status == SourceText.Status.INGESTED, source.refusal_reason
    return source


def candidate() -> NameCandidate:
    return NameCandidate.objects.get(key=KEY)


def seen(key: str, text: str | None = None, hint: str = "person") -> Seen:
    text = text or key.title()
    return Seen(key=key, text=text, hint=hint, sentence=f"Officials met {text} on Monday.")


def test_a_real_article_naming_an_unknown_person_makes_a_candidate():
    source = ingest("halvorsen.txt", FIRST)
    found = candidate()
    assert (found.text, found.hint, found.state, found.article_count) == ("Ingrid Halvorsen", "person", "open", 1)
    sighting = NameSighting.objects.get(candidate=found)
    assert sighting.source == source
    assert sighting.sentence.startswith("Swedish Deputy Defence Minister Ingrid Halvorsen said")


def test_ingesting_a_source_twice_leaves_the_same_sightings_and_counts():
    source = ingest("halvorsen.txt", FIRST)
    before = sorted(NameSighting.objects.values_list("candidate__key", "source_id", "text"))
    SourceText.objects.filter(pk=source.pk).update(status=SourceText.Status.QUEUED)
    source_ingest(source_id=source.pk)
    source_reextract(source_id=source.pk)
    assert sorted(NameSighting.objects.values_list("candidate__key", "source_id", "text")) == before
    assert candidate().article_count == 1
    assert NameCandidate.objects.filter(key=KEY).count() == 1


def test_counts_add_up_across_sources_and_follow_a_source_that_no_longer_names_it():
    first = ingest("first.txt", FIRST)
    ingest("second.txt", SECOND)
    assert candidate().article_count == 2
    sightings.name_sightings_replace(source=first, sightings=[])
    assert candidate().article_count == 1
    assert not NameSighting.objects.filter(source=first).exists()


def test_the_display_text_is_the_form_seen_most_often():
    sources = SourceTextFactory.create_batch(3, status=SourceText.Status.INGESTED)
    sightings.name_sightings_replace(source=sources[0], sightings=[seen("halvorsen", "Halvorsens")])
    sightings.name_sightings_replace(source=sources[1], sightings=[seen("halvorsen", "Halvorsen")])
    sightings.name_sightings_replace(source=sources[2], sightings=[seen("halvorsen", "Halvorsen")])
    found = NameCandidate.objects.get(key="halvorsen")
    assert (found.text, found.article_count) == ("Halvorsen", 3)


def test_a_vague_hint_gives_way_to_a_telling_one():
    first, second = SourceTextFactory.create_batch(2, status=SourceText.Status.INGESTED)
    sightings.name_sightings_replace(source=first, sightings=[seen("saab", hint="name")])
    sightings.name_sightings_replace(source=second, sightings=[seen("saab", hint="organisation")])
    assert NameCandidate.objects.get(key="saab").hint == "organisation"


def test_replacing_sightings_takes_the_same_queries_for_three_names_or_forty():
    def queries(count: int) -> int:
        source = SourceTextFactory.create(status=SourceText.Status.INGESTED)
        names = [seen(f"name {count} {i}") for i in range(count)]
        with CaptureQueriesContext(connection) as captured:
            sightings.name_sightings_replace(source=source, sightings=names)  # new candidates
            sightings.name_sightings_replace(source=source, sightings=names[1:])  # existing ones, one gone
        assert NameCandidate.objects.get(key=f"name {count} 0").article_count == 0
        assert NameCandidate.objects.get(key=f"name {count} 1").article_count == 1
        return len(captured)

    assert queries(3) == queries(40) <= 12


def test_dismissed_names_stay_dismissed_when_seen_again(admin_user):
    source = ingest("halvorsen.txt", FIRST)
    services.name_candidate_dismiss(candidate=candidate(), actor=admin_user)
    assert candidate().state == NameCandidate.State.DISMISSED
    assert candidate().resolved_by == admin_user
    assert AuditEntry.objects.filter(action="name.dismiss", object_id=str(candidate().pk)).exists()
    ingest("second.txt", SECOND)
    source_reextract(source_id=source.pk)
    assert (candidate().state, candidate().article_count) == (NameCandidate.State.DISMISSED, 2)


def test_a_name_can_be_dismissed_only_once(admin_user):
    ingest("halvorsen.txt", FIRST)
    services.name_candidate_dismiss(candidate=candidate(), actor=admin_user)
    with pytest.raises(InvalidTransition, match="already dismissed"):
        services.name_candidate_dismiss(candidate=candidate(), actor=admin_user)
    with pytest.raises(InvalidTransition):
        services.name_candidate_alias(candidate=candidate(), actor=admin_user, text="Ingrid Halvorsen", language="",
                                      person=PersonFactory.create())
    services.name_candidate_reopen(candidate=candidate(), actor=admin_user)
    assert candidate().state == NameCandidate.State.OPEN


@pytest.mark.parametrize("persona", ["editor", "analyst"])
def test_only_admins_may_resolve_names(request, persona):
    actor = request.getfixturevalue(persona)
    ingest("halvorsen.txt", FIRST)
    with pytest.raises(PermissionDenied):
        services.name_candidate_alias(candidate=candidate(), actor=actor, text="Ingrid Halvorsen", language="",
                                      person=PersonFactory.create())
    with pytest.raises(PermissionDenied):
        services.name_candidate_create_person(candidate=candidate(), actor=actor, slug="halvorsen",
                                              name_en="Ingrid Halvorsen")
    with pytest.raises(PermissionDenied):
        services.name_candidate_create_member(candidate=candidate(), actor=actor, code="HALV", name_en="Halvorsen")
    with pytest.raises(PermissionDenied):
        services.name_candidate_dismiss(candidate=candidate(), actor=actor)
    assert candidate().state == NameCandidate.State.OPEN
    assert not Alias.objects.filter(text="Ingrid Halvorsen").exists()


def test_alias_of_an_existing_person_queues_the_articles_again(admin_user, django_capture_on_commit_callbacks):
    first, second = ingest("first.txt", FIRST), ingest("second.txt", SECOND)
    SourceTextFactory.create(status=SourceText.Status.INGESTED)  # an article without the name is not re-read
    person = PersonFactory.create(slug="halvorsen", name_en="Ingrid Halvorsen", member=Member.objects.get(code="SE"))
    with django_capture_on_commit_callbacks() as callbacks:
        outcome = services.name_candidate_alias(candidate=candidate(), actor=admin_user, text=" Ingrid  Halvorsen ",
                                                language="en", person=person)
    alias = Alias.objects.get(person=person)
    assert (alias.text, alias.language, alias.member) == ("Ingrid Halvorsen", "en", None)
    found = candidate()
    assert (found.state, found.alias, found.resolved_by) == (NameCandidate.State.ALIASED, alias, admin_user)
    assert found.resolved_at is not None
    # The articles it was seen in come back for the caller to re-read (the names view queues them: test_views).
    assert set(outcome.source_ids) == {first.pk, second.pk} and outcome.queued == 0
    assert replace(outcome, queued=2).message == ("«Ingrid Halvorsen» is now an alias of Ingrid Halvorsen (SE); "
                                                  "2 articles are being re-read.")
    assert len(callbacks) == 1  # the gazetteer's invalidation
    assert AuditEntry.objects.filter(action="name.alias", object_id=str(found.pk)).exists()
    assert not AuditEntry.objects.filter(action="sources.reextract").exists()
    assert {first.pk, second.pk} == set(NameSighting.objects.filter(candidate=found).values_list("source", flat=True))


def test_alias_of_an_existing_member(admin_user, django_capture_on_commit_callbacks):
    ingest("halvorsen.txt", FIRST)
    member = MemberFactory.create(code="NDC", name_en="Nordic Defence Cooperation")
    with django_capture_on_commit_callbacks() as callbacks:
        outcome = services.name_candidate_alias(candidate=candidate(), actor=admin_user, text="Ingrid Halvorsen",
                                                language="", member=member)
    assert Alias.objects.get(text="Ingrid Halvorsen").member == member
    assert replace(outcome, queued=1).message == ("«Ingrid Halvorsen» is now an alias of Nordic Defence "
                                                  "Cooperation (NDC); 1 article is being re-read.")
    assert len(outcome.source_ids) == 1 and len(callbacks) == 1


def test_alias_needs_exactly_one_target_and_a_text(admin_user):
    ingest("halvorsen.txt", FIRST)
    with pytest.raises(ValidationError) as error:
        services.name_candidate_alias(candidate=candidate(), actor=admin_user, text="Ingrid Halvorsen", language="")
    assert "target" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.name_candidate_alias(candidate=candidate(), actor=admin_user, text="  ", language="xx",
                                      person=PersonFactory.create())
    assert set(error.value.message_dict) == {"text", "language"}
    assert candidate().state == NameCandidate.State.OPEN


def test_new_person_from_a_name(admin_user, django_capture_on_commit_callbacks):
    ingest("halvorsen.txt", FIRST)
    sweden = Member.objects.get(code="SE")
    with django_capture_on_commit_callbacks() as callbacks:
        outcome = services.name_candidate_create_person(
            candidate=candidate(), actor=admin_user, slug="halvorsen", name_en="Ingrid Halvorsen",
            name_ru="Ингрид Хальворсен", name_uk="", member=sweden)
    person = Person.objects.get(slug="halvorsen")
    assert (person.name_en, person.name_ru, person.member) == ("Ingrid Halvorsen", "Ингрид Хальворсен", sweden)
    assert list(person.aliases.values_list("text", "language")) == [("Ingrid Halvorsen", "")]
    assert candidate().alias == person.aliases.get()
    assert len(outcome.source_ids) == 1 and len(callbacks) == 1
    assert AuditEntry.objects.filter(action="person.create", object_id=str(person.pk)).exists()


@pytest.mark.parametrize(("slug", "name_en", "fields"), [
    ("Halvorsen", "Ingrid Halvorsen", {"slug"}),
    ("halvorsen2", "Ingrid Halvorsen", {"slug"}),
    ("hal-vorsen", "Ingrid Halvorsen", {"slug"}),
    ("jonson_taken", "Ingrid Halvorsen", {"slug"}),
    ("halvorsen", "", {"name_en"}),
    ("", " ", {"slug", "name_en"}),
])
def test_new_person_is_refused_with_clear_errors(admin_user, slug, name_en, fields):
    ingest("halvorsen.txt", FIRST)
    PersonFactory.create(slug="jonson_taken", name_en="Someone Else")
    with pytest.raises(ValidationError) as error:
        services.name_candidate_create_person(candidate=candidate(), actor=admin_user, slug=slug, name_en=name_en)
    assert set(error.value.message_dict) == fields
    if slug == "jonson_taken":
        assert error.value.message_dict["slug"] == [
            "The slug “jonson_taken” is already Someone Else’s; choose another."]
    assert not Person.objects.filter(name_en="Ingrid Halvorsen").exists()
    assert candidate().state == NameCandidate.State.OPEN


def test_new_member_from_a_name(admin_user):
    ingest("halvorsen.txt", FIRST)
    outcome = services.name_candidate_create_member(candidate=candidate(), actor=admin_user, code="HALV",
                                                    name_en="Halvorsen Group", role=Member.Role.ORGANISATION)
    member = Member.objects.get(code="HALV")
    assert (member.name_en, member.role) == ("Halvorsen Group", Member.Role.ORGANISATION)
    assert member.aliases.get().text == "Ingrid Halvorsen"
    assert outcome.message.startswith("«Ingrid Halvorsen» is now an alias of Halvorsen Group (HALV);")


@pytest.mark.parametrize(("code", "message"), [
    ("halv", "A code is uppercase: “HALV”, not “halv”."),
    ("SE", "The code “SE” is already Sweden’s; choose another."),
    ("H", "A code is 2 to 16 uppercase letters"),
    ("1ABC", "A code is 2 to 16 uppercase letters"),
])
def test_new_member_is_refused_with_clear_errors(admin_user, code, message):
    ingest("halvorsen.txt", FIRST)
    with pytest.raises(ValidationError) as error:
        services.name_candidate_create_member(candidate=candidate(), actor=admin_user, code=code, name_en="X")
    assert error.value.message_dict["code"][0].startswith(message)
    assert candidate().state == NameCandidate.State.OPEN


def test_after_aliasing_and_re_reading_the_name_is_a_mention_not_a_sighting(admin_user):
    first, second = ingest("first.txt", FIRST), ingest("second.txt", SECOND)
    services.name_candidate_create_person(candidate=candidate(), actor=admin_user, slug="halvorsen",
                                          name_en="Ingrid Halvorsen", member=Member.objects.get(code="SE"))
    for source in (first, second):
        source_reextract(source_id=source.pk)
        source.refresh_from_db()
        assert "halvorsen" in source.report["extraction"]["people"]
        assert "halvorsen" in TimelineEvent.objects.get(source=source).person_slugs
        assert source.contributions.filter(actor__code="SE").exists()
    found = candidate()
    assert (found.state, found.article_count) == (NameCandidate.State.ALIASED, 0)
    assert not NameSighting.objects.filter(candidate=found).exists()
    assert NameCandidate.objects.filter(key=KEY).count() == 1


# serialized_rollback: the flush after this test must leave the database as the transactional tests after it expect.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_workers_keep_counts_exact_and_never_deadlock():
    import random
    import threading

    from django.db import connections, transaction

    sources = SourceTextFactory.create_batch(4, status=SourceText.Status.INGESTED)
    keys = [f"shared name {i}" for i in range(12)]
    errors: list[BaseException] = []
    start = threading.Barrier(len(sources))

    def work(source: SourceText, seed: int) -> None:
        rng = random.Random(seed)
        try:
            start.wait()
            for _ in range(15):
                names = [seen(key) for key in rng.sample(keys, rng.randint(0, len(keys)))]  # any order
                with transaction.atomic():
                    SourceText.objects.select_for_update().get(pk=source.pk)  # as the ingest holds it
                    sightings.name_sightings_replace(source=source, sightings=names)
        except BaseException as error:  # re-raised in the test thread below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(source, i)) for i, source in enumerate(sources)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    for found in NameCandidate.objects.all():
        assert found.article_count == NameSighting.objects.filter(candidate=found).count(), found.key


# --- Bulk dismissal and its undo -------------------------------------------------------------------


def test_bulk_dismiss_changes_the_open_names_chosen_and_undo_reopens_exactly_those(admin_user):
    first, second = NameCandidateFactory.create(), NameCandidateFactory.create()
    aliased = NameCandidateFactory.create(state=NameCandidate.State.ALIASED)
    dismissed = NameCandidateFactory.create(state=NameCandidate.State.DISMISSED)
    untouched = NameCandidateFactory.create()
    change = services.name_candidates_dismiss(
        candidate_ids=[second.pk, first.pk, aliased.pk, dismissed.pk, 999_999], actor=admin_user)
    assert change.ids == [first.pk, second.pk] and change.skipped == 3
    for found in NameCandidate.objects.filter(pk__in=change.ids):
        assert (found.state, found.resolved_by) == (NameCandidate.State.DISMISSED, admin_user)
        assert found.resolved_at is not None
    assert NameCandidate.objects.get(pk=untouched.pk).state == NameCandidate.State.OPEN
    assert NameCandidate.objects.get(pk=aliased.pk).state == NameCandidate.State.ALIASED
    audited = AuditEntry.objects.filter(action="name.dismiss")
    assert sorted(audited.values_list("object_id", flat=True)) == sorted(str(pk) for pk in change.ids)
    assert {(e.actor, e.object_type) for e in audited} == {(admin_user, "names.namecandidate")}

    undo = services.name_candidates_reopen(candidate_ids=change.ids, actor=admin_user)
    assert undo.ids == [first.pk, second.pk] and undo.skipped == 0
    reopened = NameCandidate.objects.filter(pk__in=change.ids)
    assert {(c.state, c.resolved_by, c.resolved_at) for c in reopened} == {(NameCandidate.State.OPEN, None, None)}
    assert NameCandidate.objects.get(pk=dismissed.pk).state == NameCandidate.State.DISMISSED  # not one of those
    assert AuditEntry.objects.filter(action="name.reopen").count() == 2
    assert services.name_candidates_reopen(candidate_ids=change.ids, actor=admin_user).changed == []


def test_bulk_dismiss_takes_the_same_queries_for_three_names_or_thirty(admin_user):
    def queries(count: int) -> tuple[int, int]:
        ids = [c.pk for c in NameCandidateFactory.create_batch(count)]
        with CaptureQueriesContext(connection) as dismissed:
            assert len(services.name_candidates_dismiss(candidate_ids=ids, actor=admin_user).changed) == count
        with CaptureQueriesContext(connection) as reopened:
            assert len(services.name_candidates_reopen(candidate_ids=ids, actor=admin_user).changed) == count
        return len(dismissed), len(reopened)

    queries(1)  # the actor's permissions are cached on the user object from here on
    assert queries(3) == queries(30) == (5, 5)  # savepoint, lock, update, audit insert, release


@pytest.mark.parametrize("persona", ["editor", "analyst"])
def test_only_admins_may_dismiss_names_in_bulk(request, persona):
    actor = request.getfixturevalue(persona)
    names = NameCandidateFactory.create_batch(2)
    with pytest.raises(PermissionDenied):
        services.name_candidates_dismiss(candidate_ids=[c.pk for c in names], actor=actor)
    NameCandidate.objects.update(state=NameCandidate.State.DISMISSED)
    with pytest.raises(PermissionDenied):
        services.name_candidates_reopen(candidate_ids=[c.pk for c in names], actor=actor)
    assert set(NameCandidate.objects.values_list("state", flat=True)) == {NameCandidate.State.DISMISSED}
    assert not AuditEntry.objects.filter(action__startswith="name.").exists()


# --- After the key changed ------------------------------------------------------------------------


def test_rekey_merges_the_case_forms_of_a_name_and_keeps_a_dismissal(admin_user):
    s1, s2, s3 = SourceTextFactory.create_batch(3, status=SourceText.Status.INGESTED)
    # As the old key filed them: the locative and the uk locative apart, one of them dismissed.
    dismissed = NameCandidateFactory.create(key="аляска", text="Аляске", state=NameCandidate.State.DISMISSED)
    seen_open = NameCandidateFactory.create(key="алясці", text="Алясці", state=NameCandidate.State.OPEN)
    other = NameCandidateFactory.create(key="halvorsen", text="Halvorsen")
    NameSightingFactory.create(candidate=dismissed, source=s1, text="Аляске")
    NameSightingFactory.create(candidate=seen_open, source=s1, text="Алясці")  # the same article: one sighting kept
    NameSightingFactory.create(candidate=seen_open, source=s2, text="Алясці")
    NameSightingFactory.create(candidate=other, source=s3, text="Halvorsen")

    outcome = services.name_candidates_rekey(actor=admin_user)
    assert (outcome.rekeyed, outcome.merged) == (1, 1)
    kept = NameCandidate.objects.get(key="аляск")
    assert (kept.pk, kept.state, kept.article_count) == (dismissed.pk, NameCandidate.State.DISMISSED, 2)
    assert set(kept.sightings.values_list("source_id", flat=True)) == {s1.pk, s2.pk}
    assert not NameCandidate.objects.filter(pk=seen_open.pk).exists()
    assert NameCandidate.objects.get(pk=other.pk).key == "halvorsen"
    assert AuditEntry.objects.filter(action="name.rekey", actor=admin_user).count() == 1
    assert services.name_candidates_rekey(actor=admin_user) == services.NamesRekeyed(rekeyed=0, merged=0)


def test_rekey_swaps_keys_without_a_conflict():
    # Each candidate's new key is the other's old one: the unique key must never be held twice on the way.
    first = NameCandidateFactory.create(key="b", text="A")
    second = NameCandidateFactory.create(key="a", text="B")
    assert services.name_candidates_rekey().rekeyed == 2
    assert NameCandidate.objects.get(pk=first.pk).key == "a" and NameCandidate.objects.get(pk=second.pk).key == "b"


def test_names_rekey_command_says_what_it_did():
    NameCandidateFactory.create(key="кристерссона", text="Кристерссона")
    out = StringIO()
    call_command("names_rekey", stdout=out)
    assert out.getvalue().strip() == "Re-keyed 1 candidate(s); merged 0 into others."
    assert NameCandidate.objects.get().key == "кристерссон"
