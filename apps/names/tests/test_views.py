"""The names page: who may see it, htmx rows, plain-POST fallbacks, CSRF, escaping, bounded queries."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.coalition.models import Alias, Member, Person
from apps.coalition.tests.factories import PersonFactory
from apps.names.models import NameCandidate
from apps.names.tests.factories import NameCandidateFactory, NameSightingFactory
from apps.sources.models import SourceText

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}
PAGE = reverse("names:name_candidates")


def seen_in(count: int, **fields: object) -> NameCandidate:
    candidate = NameCandidateFactory.create(article_count=count, **fields)
    NameSightingFactory.create_batch(count, candidate=candidate)
    return candidate


def post_urls(candidate: NameCandidate) -> dict[str, tuple[str, dict[str, str]]]:
    person = PersonFactory.create()
    return {
        "alias": (reverse("names:name_alias", args=[candidate.pk]),
                  {"target": f"person:{person.slug}", "text": candidate.text, "language": ""}),
        "person": (reverse("names:name_new_person", args=[candidate.pk]),
                   {"slug": "halvorsen", "name_en": "Ingrid Halvorsen", "member": "SE"}),
        "member": (reverse("names:name_new_member", args=[candidate.pk]),
                   {"code": "HALV", "name_en": "Halvorsen Group", "role": "organisation"}),
        "dismiss": (reverse("names:name_dismiss", args=[candidate.pk]), {}),
    }


def test_anonymous_is_sent_to_login(client):
    candidate = seen_in(1)
    for url in [PAGE, *(url for url, _ in post_urls(candidate).values())]:
        response = client.post(url) if url != PAGE else client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url
    assert NameCandidate.objects.get().state == "open"


@pytest.mark.parametrize("persona", ["analyst", "editor"])
def test_analysts_and_editors_are_refused(persona, request):
    client = Client()
    client.force_login(request.getfixturevalue(persona))
    candidate = seen_in(1)
    assert client.get(PAGE).status_code == 403
    for url, data in post_urls(candidate).values():
        assert client.post(url, data).status_code == 403, url
        assert client.post(url, data, headers=HTMX).status_code == 403, url
    candidate.refresh_from_db()
    assert candidate.state == "open"
    assert not Person.objects.filter(slug="halvorsen").exists() and not Member.objects.filter(code="HALV").exists()
    assert "Names</a>" not in client.get(reverse("timeline:index")).content.decode()


@pytest.mark.parametrize("action", ["alias", "person", "member", "dismiss"])
def test_admin_actions_redirect_back_with_a_message(admin_client_, action):
    candidate = seen_in(2)
    url, data = post_urls(candidate)[action]
    back = f"{PAGE}?hint=person"
    response = admin_client_.post(url, {**data, "next": back})
    assert response.status_code == 302 and response.url == back
    candidate.refresh_from_db()
    assert candidate.state == ("dismissed" if action == "dismiss" else "aliased")
    page = admin_client_.get(back).content.decode()
    assert f"«{candidate.text}»" in page  # the message, once
    assert f'id="name-{candidate.pk}"' not in page  # no longer listed


def test_plain_post_never_redirects_off_site(admin_client_):
    candidate = seen_in(1)
    response = admin_client_.post(reverse("names:name_dismiss", args=[candidate.pk]),
                                  {"next": "https://evil.example/"})
    assert response.url == PAGE


def test_admin_sees_the_page_and_the_navigation_link(admin_client_):
    seen_in(3, text="Ingrid Halvorsen", key="ingrid halvorsen")
    response = admin_client_.get(PAGE)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{PAGE}" aria-current="page">Names</a>' in html
    assert "Ingrid Halvorsen" in html and "<mark>Ingrid Halvorsen</mark>" in html
    assert 'value="halvorsen"' in html  # the slug, suggested from the name
    assert html.count('<datalist id="alias-targets">') == 1
    assert 'value="person:' in html and 'value="member:SE"' in html


def test_htmx_dismiss_returns_only_the_row(admin_client_):
    candidate = seen_in(1, text="Saab")
    response = admin_client_.post(reverse("names:name_dismiss", args=[candidate.pk]), headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<datalist" not in html
    assert html.lstrip().startswith(f'<tr id="name-{candidate.pk}" class="name-done')
    assert "«Saab» was dismissed" in html
    assert 'id="names-status" hx-swap-oob="innerHTML"' in html  # the live region hears it too
    candidate.refresh_from_db()
    assert candidate.state == "dismissed"


def test_htmx_alias_confirms_and_polls_for_the_re_reading(admin_client_, django_capture_on_commit_callbacks):
    candidate = seen_in(3, text="Ingrid Halvorsen")
    person = PersonFactory.create(slug="halvorsen", name_en="Ingrid Halvorsen", member=Member.objects.get(code="SE"))
    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client_.post(reverse("names:name_alias", args=[candidate.pk]),
                                      {"target": "person:halvorsen", "text": "Ingrid Halvorsen", "language": "en"},
                                      headers=HTMX)
    html = response.content.decode()
    assert "«Ingrid Halvorsen» is now an alias of Ingrid Halvorsen (SE); 3 articles are being re-read." in html
    progress = reverse("names:name_progress", args=[candidate.pk]) + "?queued=3"
    assert f'hx-get="{progress}"' in html and "0 of 3 articles re-read" in html
    assert len(callbacks) == 2  # one re-extraction task for the three articles, the gazetteer's invalidation
    assert Alias.objects.get(person=person).language == "en"

    html = admin_client_.get(progress, headers=HTMX).content.decode()
    assert "0 of 3 articles re-read" in html and "every 2s" in html
    assert "hx-swap-oob" not in html  # polling does not repeat the announcement
    resolved_at = NameCandidate.objects.get().resolved_at
    assert resolved_at is not None
    reread_at = resolved_at + timedelta(seconds=1)
    sources = SourceText.objects.filter(name_sightings__candidate=candidate).order_by("pk")
    SourceText.objects.filter(pk=sources[0].pk).update(processed_at=reread_at)  # as the re-extraction does
    assert "1 of 3 articles re-read" in admin_client_.get(progress, headers=HTMX).content.decode()
    SourceText.objects.update(processed_at=reread_at)
    html = admin_client_.get(progress, headers=HTMX).content.decode()
    assert "All 3 articles re-read." in html and "every 2s" not in html
    assert 'hx-swap-oob="innerHTML">«Ingrid Halvorsen»: 3 of 3 articles re-read.' in html


def test_typed_name_resolves_without_the_list(admin_client_):
    candidate = seen_in(1, text="Halvorsen")
    PersonFactory.create(slug="halvorsen", name_en="Ingrid Halvorsen")
    admin_client_.post(reverse("names:name_alias", args=[candidate.pk]),
                       {"target": "ingrid halvorsen", "text": "Halvorsen"}, headers=HTMX)
    person = Alias.objects.get(text="Halvorsen").person
    assert person is not None and person.slug == "halvorsen"


def test_invalid_new_person_shows_the_errors_in_the_row(admin_client_):
    candidate = seen_in(1, text="Ingrid Halvorsen")
    PersonFactory.create(slug="halvorsen", name_en="Someone Else")
    response = admin_client_.post(reverse("names:name_new_person", args=[candidate.pk]),
                                  {"slug": "halvorsen", "name_en": "Ingrid Halvorsen", "member": "XX"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "No member has the code “XX”" in html
    assert "<details open>" in html and 'aria-invalid="true"' in html
    response = admin_client_.post(reverse("names:name_new_person", args=[candidate.pk]),
                                  {"slug": "halvorsen", "name_en": "Ingrid Halvorsen", "member": "SE"}, headers=HTMX)
    assert "The slug “halvorsen” is already Someone Else’s; choose another." in response.content.decode()
    response = admin_client_.post(reverse("names:name_new_person", args=[candidate.pk]),
                                  {"slug": "Halvorsen", "name_en": "Ingrid Halvorsen"})
    assert response.status_code == 302
    assert "lowercase ASCII letters" in admin_client_.get(response.url).content.decode()
    candidate.refresh_from_db()
    assert candidate.state == "open"


def test_a_name_someone_else_resolved_says_so(admin_client_):
    candidate = seen_in(1, text="Saab", state="dismissed")
    url, data = post_urls(candidate)["alias"]
    html = admin_client_.post(url, data, headers=HTMX).content.decode()
    assert "«Saab» was already dismissed." in html and "failed" in html


def test_post_without_csrf_token_is_refused(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    candidate = seen_in(1)
    response = client.post(reverse("names:name_dismiss", args=[candidate.pk]), headers=HTMX)
    assert response.status_code == 403
    candidate.refresh_from_db()
    assert candidate.state == "open"


def test_example_sentences_are_escaped(admin_client_):
    candidate = NameCandidateFactory.create(text="Saab", key="saab")
    NameSightingFactory.create(candidate=candidate, text="Saab",
                        sentence='The Saab Group would deliver <script>alert("x")</script> soon & "safely".')
    html = admin_client_.get(PAGE).content.decode()
    assert "<script>alert" not in html
    assert ("The <mark>Saab</mark> Group would deliver &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; soon "
            "&amp; &quot;safely&quot;.") in html


def test_names_are_listed_most_seen_first_and_paged_by_keyset(admin_client_):
    made = [seen_in(i % 4 + 1, text=f"Name {i:03d}", key=f"name {i:03d}") for i in range(120)]
    NameCandidateFactory.create(text="Gone", article_count=0)  # no longer seen anywhere
    NameCandidateFactory.create(text="Done", state="dismissed", article_count=9)
    expected = [c.text for c in sorted(made, key=lambda c: (-c.article_count, c.pk))]
    listed, url, total = [], PAGE, None
    while url:
        with CaptureQueriesContext(connection) as captured:
            response = admin_client_.get(url)
        assert not any("OFFSET" in query["sql"] for query in captured)
        listed += [row.candidate.text for row in response.context["rows"]]
        url, total = response.context["next_url"], response.context["total"]
    assert listed == expected
    assert total == 120


def test_filter_by_kind_and_search(admin_client_):
    seen_in(2, text="Ingrid Halvorsen", hint="person")
    seen_in(1, text="Saab", hint="organisation")
    seen_in(1, text="Halvorsen Group", hint="organisation")
    texts = lambda query: [r.candidate.text for r in admin_client_.get(PAGE + query).context["rows"]]  # noqa: E731
    assert texts("?hint=organisation") == ["Saab", "Halvorsen Group"]
    assert texts("?q=halvor") == ["Ingrid Halvorsen", "Halvorsen Group"]
    assert texts("?q=halvor&hint=organisation") == ["Halvorsen Group"]
    assert texts("?hint=nonsense") == ["Ingrid Halvorsen", "Saab", "Halvorsen Group"]
    assert admin_client_.get(PAGE + "?after=garbage").status_code == 404


def test_the_page_takes_the_same_queries_for_3_names_or_60(admin_client_, django_assert_max_num_queries):
    def queries(count: int) -> int:
        NameCandidate.objects.all().delete()
        for _ in range(count):
            seen_in(3)
        with CaptureQueriesContext(connection) as captured:
            response = admin_client_.get(PAGE)
        assert len(response.context["rows"]) == min(count, 50)
        assert all(len(row.examples) == 2 for row in response.context["rows"])
        return len(captured)

    admin_client_.get(PAGE)  # member and person names come from a shared cache: fill it first
    assert queries(3) == queries(60)
    with django_assert_max_num_queries(10):
        admin_client_.get(PAGE)


def test_progress_is_for_htmx_only(admin_client_):
    candidate = seen_in(1)
    response = admin_client_.get(reverse("names:name_progress", args=[candidate.pk]))
    assert response.status_code == 302 and response.url == PAGE
    assert re.search(r"HX-Request", response.headers.get("Vary", ""))


# --- Bulk dismissal and its undo -------------------------------------------------------------------

DISMISS = reverse("names:names_dismiss")
REOPEN = reverse("names:names_reopen")


def test_the_page_offers_to_tick_names_for_a_bulk_dismissal(admin_client_):
    candidate = seen_in(1, text="Saab")
    html = admin_client_.get(PAGE).content.decode()
    assert f'<form id="names-bulk" method="post" action="{DISMISS}"' in html
    assert (f'<input type="checkbox" name="candidate" value="{candidate.pk}" form="names-bulk" '
            f'id="pick-{candidate.pk}" aria-label="Select «Saab»">') in html
    assert 'data-select-all-of="names-bulk"' in html  # shown by the script; boxes work without it


def test_htmx_bulk_dismiss_returns_the_list_with_an_undo_and_undo_reopens_exactly_those(admin_client_):
    first, second, kept = seen_in(3, text="Saab"), seen_in(2, text="Bundeswehr"), seen_in(1, text="Halvorsen")
    back = f"{PAGE}?q=a"
    response = admin_client_.post(DISMISS, {"candidate": [first.pk, second.pk], "next": back}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="names-list"') and "<html" not in html
    assert "2 names were dismissed: «Saab», «Bundeswehr». They will not be listed again." in html
    assert f'id="name-{first.pk}"' not in html and f'id="name-{kept.pk}"' in html  # the list after the change
    undo = re.search(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', html, re.S)
    assert undo is not None and undo.group(1) == REOPEN
    assert re.findall(r'name="candidate" value="(\d+)"', undo.group(2)) == [str(first.pk), str(second.pk)]
    assert f'name="next" value="{back}"' in undo.group(2)
    assert set(NameCandidate.objects.filter(state="dismissed").values_list("pk", flat=True)) == {first.pk, second.pk}

    response = admin_client_.post(REOPEN, {"candidate": [first.pk, second.pk], "next": back}, headers=HTMX)
    html = response.content.decode()
    assert "2 names are listed again: «Saab», «Bundeswehr»." in html and "Undo" not in html
    assert f'id="name-{first.pk}"' in html and f'id="name-{second.pk}"' in html
    assert not NameCandidate.objects.filter(state="dismissed").exists()


def test_plain_post_bulk_dismiss_and_undo_work_without_script(admin_client_):
    first, second = seen_in(2, text="Saab"), seen_in(1, text="Bundeswehr")
    response = admin_client_.post(DISMISS, {"candidate": [first.pk, second.pk], "next": f"{PAGE}?hint=person"})
    assert response.status_code == 302
    assert response.url == f"{PAGE}?hint=person&dismissed={first.pk}%2C{second.pk}"
    page = admin_client_.get(response.url)
    html = page.content.decode()
    assert "2 names were dismissed: «Saab», «Bundeswehr»." in html
    assert f'action="{REOPEN}"' in html and [c.pk for c in page.context["undo"]] == [first.pk, second.pk]
    assert f'name="next" value="{PAGE}?hint=person"' in html  # the undo returns to the page, not to this outcome

    response = admin_client_.post(REOPEN, {"candidate": [first.pk, second.pk], "next": f"{PAGE}?hint=person"})
    assert response.status_code == 302 and response.url == f"{PAGE}?hint=person"
    html = admin_client_.get(response.url).content.decode()
    assert "2 names are listed again" in html
    assert set(NameCandidate.objects.values_list("state", flat=True)) == {"open"}
    # Once they are open again, the old outcome address offers no undo.
    assert admin_client_.get(f"{PAGE}?dismissed={first.pk},{second.pk}").context["undo"] == []


def test_bulk_dismiss_says_which_ticked_names_were_no_longer_open(admin_client_):
    still_open = seen_in(1, text="Saab")
    aliased = seen_in(1, text="Bundeswehr", state="aliased")
    html = admin_client_.post(DISMISS, {"candidate": [still_open.pk, aliased.pk]}, headers=HTMX).content.decode()
    assert "1 name was dismissed: «Saab». It will not be listed again. 1 ticked name was no longer open." in html
    assert 'class="message warning"' in html
    html = admin_client_.post(DISMISS, {"candidate": [aliased.pk]}, headers=HTMX).content.decode()
    assert "None of the ticked names was still open." in html and "Undo" not in html


@pytest.mark.parametrize(("data", "error"), [
    ({}, "Tick at least one name."),
    ({"candidate": ["12", "twelve"]}, "The choice of names is broken"),
    ({"candidate": [str(i) for i in range(1, 202)]}, "At most 200 names at a time."),
])
def test_a_broken_bulk_choice_is_refused_with_a_reason(admin_client_, data, error):
    candidate = seen_in(1)
    assert error in admin_client_.post(DISMISS, data, headers=HTMX).content.decode()
    response = admin_client_.post(DISMISS, data)
    assert response.status_code == 302 and error in admin_client_.get(response.url).content.decode()
    candidate.refresh_from_db()
    assert candidate.state == "open"


@pytest.mark.parametrize("persona", ["analyst", "editor"])
def test_bulk_actions_are_for_admins_only(persona, request, client):
    candidate = seen_in(1)
    for url in (DISMISS, REOPEN):
        response = client.post(url, {"candidate": [candidate.pk]})
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(request.getfixturevalue(persona))
    for url in (DISMISS, REOPEN):
        assert client.post(url, {"candidate": [candidate.pk]}).status_code == 403
        assert client.post(url, {"candidate": [candidate.pk]}, headers=HTMX).status_code == 403
        assert client.get(url).status_code in (403, 405)
    candidate.refresh_from_db()
    assert candidate.state == "open"


def test_bulk_dismiss_needs_the_csrf_token(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    candidate = seen_in(1)
    assert client.post(DISMISS, {"candidate": [candidate.pk]}, headers=HTMX).status_code == 403
    candidate.refresh_from_db()
    assert candidate.state == "open"


def test_names_in_the_outcome_are_escaped(admin_client_):
    candidate = seen_in(1, text='<img src=x onerror="alert(1)">')
    html = admin_client_.post(DISMISS, {"candidate": [candidate.pk]}, headers=HTMX).content.decode()
    assert "<img src=x" not in html
    assert "«&lt;img src=x onerror=&quot;alert(1)&quot;&gt;»" in html


def test_bulk_dismiss_takes_the_same_queries_for_3_names_or_40(admin_client_):
    def queries(count: int) -> int:
        NameCandidate.objects.all().delete()
        ids = [seen_in(2).pk for _ in range(count)]
        seen_in(1)  # the page goes on listing the others
        with CaptureQueriesContext(connection) as captured:
            response = admin_client_.post(DISMISS, {"candidate": ids}, headers=HTMX)
        assert len(response.context["undo"]) == count
        return len(captured)

    admin_client_.get(PAGE)  # member and person names come from a shared cache: fill it first
    assert queries(3) == queries(40) <= 16


@pytest.mark.parametrize(("language", "dismissed", "undo"), [
    ("ru", "3 имени отклонены: «Saab», «Bundeswehr», «Halvorsen».", "Отменить"),
    ("uk", "3 імені відхилено: «Saab», «Bundeswehr», «Halvorsen».", "Скасувати"),
])
def test_bulk_outcome_speaks_the_readers_language(admin_client_, language, dismissed, undo):
    admin_client_.cookies["django_language"] = language
    ids = [seen_in(1, text=text).pk for text in ("Saab", "Bundeswehr", "Halvorsen")]
    html = admin_client_.post(DISMISS, {"candidate": ids}, headers=HTMX).content.decode()
    assert dismissed in html and f">{undo}<" in html
