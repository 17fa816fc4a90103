"""The review queue in the browser: an editor opens it from the navigation (which shows the waiting count),
confirms one machine-read commitment by its button and the next by its keyboard shortcut, and corrects a third
(the machine's reading kept beside it); an analyst sees no review controls and a direct POST is refused. An
editor adds a commitment the machine missed by picking its sentence in the article. axe-core checks every page
and every htmx swap."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.cache import cache

from apps.accounts.models import User
from apps.accounts.roles import roles_sync
from apps.coalition.models import CommitmentStatus, CommitmentType, Contribution
from apps.coalition.reference import reference_data_load_all
from apps.core.models import AuditEntry
from apps.review.selectors import FORWARD, UNSURE_FIRST, WAITING_CACHE_KEY
from apps.review.tests.helpers import MISSED, SIGNED
from apps.sources import receive as source_services
from apps.sources.archives import IncomingFile
from apps.sources.ingest import source_ingest
from apps.sources.models import SourceText
from tests.browser.conftest import PASSWORD, axe_violations, log_in, screenshot
from tests.corpus import DEV, SEED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
ARTICLES = 4  # dev-corpus articles beside the seed: enough for several items waiting
State = Contribution.ReviewState
CHART_APPROVED = 2  # the chart's table: proposed, pledged, approved, delivered, withdrawn after the month


@pytest.fixture(autouse=True)
def fresh_count() -> Iterator[None]:
    cache.delete(WAITING_CACHE_KEY)  # the navigation's count is cached; the cache outlives each test's data
    yield
    cache.delete(WAITING_CACHE_KEY)


def make_user(role: str) -> User:
    # Transactional tests flush the tables; make sure the reference data is there whatever ran before.
    roles_sync(django_apps)
    reference_data_load_all(django_apps)
    user = User.objects.create_user(username=f"{role}-review", password=PASSWORD)
    user.groups.add(Group.objects.get(name=role))
    return user


def ingest(path_name: str, data: bytes) -> None:
    source = source_services.source_receive(upload=None, item=IncomingFile(path_name, data, None, len(data)))
    if source.status == SourceText.Status.QUEUED:
        source_ingest(source_id=source.pk)  # inline: no worker needed for the pages


def reading(code: str, type_: str, status: str) -> str:
    return f"{code} · {CommitmentType(type_).label} · {CommitmentStatus(status).label}"


def nav_count(page) -> str:
    return " ".join(page.locator("#nav-review-count").text_content().split())


def test_an_editor_reviews_and_an_analyst_cannot(page, browser, live_server):
    editor, analyst = make_user("editor"), make_user("analyst")
    ingest(SEED.name, SEED.read_bytes())
    for path in sorted(DEV.glob("*.txt"))[:ARTICLES]:
        ingest(path.name, path.read_bytes())
    cache.delete(WAITING_CACHE_KEY)
    queue = list(Contribution.objects.filter(review_state=State.MACHINE).select_related("actor")
                 .order_by(*FORWARD[UNSURE_FIRST]))  # the queue's own order: least sure first
    assert len(queue) >= 4, [str(c) for c in queue]
    first, second, third, fourth = queue[:4]
    base = live_server.url

    log_in(page, base, editor.username)
    assert nav_count(page) == f"{len(queue)} waiting"
    page.get_by_role("navigation", name="Main").get_by_role("link", name=f"Review {len(queue)} waiting").click()
    page.wait_for_url(re.compile(r"/review/$"))
    assert page.get_by_role("heading", name="Review queue", level=1).is_visible()
    assert page.get_by_text(f"{len(queue)} commitments wait for review").is_visible()
    rows = page.locator("[data-review-row]")
    assert rows.count() == len(queue)
    assert axe_violations(page) == []
    screenshot(page, "review-queue")

    # One item: its sentence highlighted in its paragraph, the machine's reading, the actions.
    rows.first.locator("[data-row-link]").click()
    page.wait_for_url(re.compile(rf"/review/{first.pk}/$"))
    item = page.locator("#review-item")
    assert item.locator(".review-passage mark.hl-evidence").first.inner_text().split() == first.evidence.split()
    assert page.get_by_role("heading", name="What the machine read").is_visible()
    assert item.get_by_text(f"Back to the queue ({len(queue)} waiting)").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "review-item")

    # Confirm by the button: htmx swaps the next item in, pushes its URL and updates the navigation's count.
    item.get_by_role("button", name=re.compile(r"^Confirm")).click()
    page.get_by_text(f"Confirmed: {reading(first.actor.code, first.type, first.status)}.").wait_for()
    page.wait_for_url(re.compile(rf"/review/{second.pk}/$"))
    assert nav_count(page) == f"{len(queue) - 1} waiting"
    assert page.evaluate("() => document.activeElement.id") == "review-article"  # focus on the new item's heading
    assert axe_violations(page) == []
    screenshot(page, "review-confirmed")
    done = Contribution.objects.get(pk=first.pk)
    assert (done.review_state, done.reviewed_by_id, done.version) == (State.CONFIRMED, editor.pk, 2)
    assert (done.machine_actor_id, done.machine_type, done.machine_status, done.machine_evidence) == (
        first.actor_id, first.type, first.status, first.evidence)

    # Confirm the next one by its keyboard shortcut, c.
    page.keyboard.press("c")
    page.get_by_text(f"Confirmed: {reading(second.actor.code, second.type, second.status)}.").wait_for()
    page.wait_for_url(re.compile(rf"/review/{third.pk}/$"))
    assert Contribution.objects.get(pk=second.pk).review_state == State.CONFIRMED
    assert nav_count(page) == f"{len(queue) - 2} waiting"

    # Correct the third: e opens the form; another type (one this article does not already give the actor
    # for this event) and another status.
    taken = set(Contribution.objects.filter(source_id=third.source_id, event_ordinal=third.event_ordinal,
                                            actor_id=third.actor_id).values_list("type", flat=True))
    new_type = next(value for value in CommitmentType.values if value not in taken)
    new_status = CommitmentStatus.APPROVED if third.status != CommitmentStatus.APPROVED else CommitmentStatus.DELIVERED
    page.keyboard.press("e")
    form = page.locator("form.correct-form")
    form.get_by_label("Who committed").wait_for()
    assert page.evaluate("() => document.activeElement.id") == "id_actor"  # the shortcut focused the first field
    assert form.get_by_label("Commitment").input_value() == third.type
    form.get_by_label("Commitment").select_option(new_type)
    form.get_by_label("Status").select_option(str(new_status))
    form.get_by_label("Note (optional)").fill("The article names another commitment and its state.")
    assert axe_violations(page) == []
    screenshot(page, "review-correct-form")
    form.get_by_role("button", name="Save the correction").click()
    page.get_by_text(f"Corrected: {reading(third.actor.code, new_type, new_status)}.").wait_for()
    page.wait_for_url(re.compile(rf"/review/{fourth.pk}/$"))
    assert nav_count(page) == f"{len(queue) - 3} waiting"
    assert axe_violations(page) == []
    page.keyboard.press("r")  # opens the reason to reject, ready to type in (the fourth stays as it is)
    assert page.evaluate("() => document.activeElement.id") == "reject-note"
    corrected = Contribution.objects.get(pk=third.pk)
    assert (corrected.review_state, corrected.type, corrected.status, corrected.actor_id, corrected.evidence) == (
        State.CORRECTED, new_type, new_status, third.actor_id, third.evidence)
    assert (corrected.machine_actor_id, corrected.machine_type, corrected.machine_status,
            corrected.machine_evidence) == (third.actor_id, third.type, third.status, third.evidence)
    assert (corrected.reviewed_by_id, corrected.version) == (editor.pk, 2)
    assert corrected.review_note == "The article names another commitment and its state."
    assert AuditEntry.objects.filter(action="contribution.correct", object_id=str(third.pk)).count() == 1

    # The corrected item shows what it says now beside what the machine read.
    page.goto(f"{base}/review/{third.pk}/")
    assert page.get_by_role("heading", name="What it says now").is_visible()
    panel = page.locator(".review-panel")
    assert panel.locator(".review-line").get_by_text(str(CommitmentType(new_type).label)).is_visible()
    assert panel.get_by_text("corrected by editor").is_visible()
    machine_read = panel.locator(".machine-read")
    assert machine_read.get_by_text(str(CommitmentType(third.type).label)).is_visible()
    assert machine_read.get_by_text(str(CommitmentStatus(third.status).label)).is_visible()
    assert page.get_by_role("button", name=re.compile(r"^Confirm")).count() == 0  # correct or reject it again
    assert axe_violations(page) == []
    screenshot(page, "review-corrected")
    page.goto(f"{base}/sources/{third.source_id}/")
    assert page.get_by_text(f"machine read: {reading(third.actor.code, third.type, third.status)}").is_visible()
    assert page.get_by_role("link", name="Review again").count() >= 1
    assert page.console_errors == []  # no CSP violation, no failed request, no script error

    # An analyst: no review link, no controls, the pages and a direct POST refused, nothing changed.
    watcher = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    watcher_errors: list[str] = []
    watcher.on("console", lambda message: watcher_errors.append(message.text) if message.type == "error" else None)
    log_in(watcher, base, analyst.username)
    assert watcher.get_by_role("link", name=re.compile(r"^Review")).count() == 0
    assert watcher.locator("#nav-review-count").count() == 0
    for page_path in ("/timeline/", f"/sources/{fourth.source_id}/", f"/sources/{third.source_id}/"):
        assert watcher.goto(base + page_path).status == 200
        assert watcher.get_by_role("button", name=re.compile(r"Confirm|Correct|Reject")).count() == 0
        assert watcher.get_by_role("link", name=re.compile(r"^Review")).count() == 0
        assert watcher.locator("a[href^='/review/'], form[action^='/review/']").count() == 0
    assert watcher.get_by_text("confirmed by editor").first.is_visible()  # the analyst still sees the outcome
    assert axe_violations(watcher) == []
    screenshot(watcher, "review-analyst-source")
    assert watcher_errors == []
    token = watcher.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")  # of the log-out form
    assert watcher.goto(f"{base}/review/").status == 403  # as the role matrix has it
    assert watcher.goto(f"{base}/review/{fourth.pk}/").status == 403
    audits = AuditEntry.objects.count()
    for action, form_data in (("confirm", {"version": "1"}),
                              ("correct", {"version": "1", "actor": fourth.actor.code, "type": new_type,
                                           "status": str(new_status), "evidence": fourth.evidence})):
        refused = watcher.request.post(f"{base}/review/{fourth.pk}/{action}/",
                                       form={"csrfmiddlewaretoken": token, **form_data},
                                       headers={"Referer": f"{base}/sources/{fourth.source_id}/"})
        assert refused.status == 403
        assert "Your role does not allow this." in refused.text()  # the role refused it, not the CSRF check
    untouched = Contribution.objects.get(pk=fourth.pk)
    assert (untouched.review_state, untouched.version, untouched.type, untouched.reviewed_by_id) == (
        State.MACHINE, 1, fourth.type, None)
    assert AuditEntry.objects.count() == audits
    watcher.context.close()


def test_an_editor_adds_a_commitment_the_machine_missed(page, live_server):
    """From the article's page: pick the sentence in its paragraph, say who committed what; the source page, the
    overview's matrix and the chart show it at once, dated by its paragraph."""
    editor = make_user("editor")
    ingest("missed.txt", MISSED.encode())
    source = SourceText.objects.get(original_name="missed.txt")
    ratified = Contribution.objects.get(source=source, actor__code="NL")  # the machine read the ratification only
    assert not Contribution.objects.filter(source=source, event_ordinal=1, actor__code="NL").exists()
    base = live_server.url
    log_in(page, base, editor.username)

    # From a review item of the same article, the add page opens with that item's sentence picked.
    page.goto(f"{base}/review/{ratified.pk}/")
    page.get_by_role("link", name="Add a commitment the machine missed in this article").click()
    page.wait_for_url(re.compile(rf"/review/sources/{source.pk}/add/\?from={ratified.pk}$"))
    picker = page.get_by_role("group", name="Its sentence in the article")
    assert picker.get_by_role("radio", name=re.compile(r"^The Netherlands ratified")).is_checked()
    assert page.get_by_role("link", name="Back to the commitment under review").is_visible()

    # From the article's page, as an editor finds what is missing while reading it.
    page.goto(f"{base}/sources/{source.pk}/")
    page.get_by_role("link", name="Add a commitment").click()
    page.wait_for_url(re.compile(rf"/review/sources/{source.pk}/add/$"))
    assert page.get_by_role("heading", name="Add a commitment the machine missed", level=1).is_visible()
    picker = page.get_by_role("group", name="Its sentence in the article")
    assert picker.get_by_text("This paragraph is an event of its own, dated 4 September 2026").is_visible()
    assert picker.get_by_text("[DE · Air defence · Pledged]").is_visible()  # what the machine read there
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 844})  # on a phone: one column, nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 900})

    # Sent without a sentence: the form comes back in place, saying so, with the focus on it.
    page.get_by_label("Who committed").select_option("NL")
    page.get_by_label("Commitment", exact=True).select_option("legal_guarantee")
    page.get_by_label("Status").select_option("approved")
    page.get_by_role("button", name="Add the commitment").click()
    page.locator("#sentence-error").wait_for()
    assert page.evaluate("() => document.activeElement.id") == "sentence-error"
    assert page.get_by_label("Who committed").input_value() == "NL"  # what was chosen stays
    assert axe_violations(page) == []

    # A click on the sentence picks it; the date is left to its paragraph's.
    page.get_by_text(SIGNED, exact=True).click()
    assert page.get_by_role("radio", name=SIGNED).is_checked()
    page.keyboard.press("ArrowLeft")  # the arrow keys move the choice to the sentence before it, and back
    assert page.get_by_role("radio", name=re.compile(r"^On 4 September Germany pledged")).is_checked()
    page.keyboard.press("ArrowRight")
    assert page.get_by_role("radio", name=SIGNED).is_checked()
    screenshot(page, "review-add")
    page.get_by_role("button", name="Add the commitment").click()
    page.wait_for_url(re.compile(rf"/sources/{source.pk}/#commitment-\d+$"))
    added = Contribution.objects.get(source=source, review_state=State.ADDED)
    assert (added.actor.code, added.type, added.status, added.evidence, added.event_ordinal, added.stated_on) == (
        "NL", "legal_guarantee", "approved", SIGNED, 1, date(2026, 9, 4))
    assert (added.reviewed_by_id, added.confidence) == (editor.pk, None)
    assert AuditEntry.objects.filter(action="contribution.add", object_id=str(added.pk)).count() == 1

    # The article's page: the message, the commitment with its badge and date, its sentence marked in the text.
    assert page.get_by_text("Added: NL · Legal guarantee · Approved.").is_visible()
    line = page.locator(f"#commitment-{added.pk}")
    assert line.get_by_text("+ added by an editor").is_visible()
    assert line.get_by_text("stated on 4 September 2026").is_visible()
    assert page.locator(".source-text mark.hl-evidence", has_text="signed the accord too").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "review-added-source")

    # The overview counts it, among the commitments an editor vouches for too.
    for address in ("/", "/?sure=1"):
        page.goto(base + address)
        cell = page.locator("table.matrix a[href*='member=NL&type=legal_guarantee']")
        assert "2 statements" in cell.get_attribute("title"), address
    page.get_by_text("The numbers").click()
    september = page.get_by_role("row", name=re.compile(r"^September 2026"))
    assert september.get_by_role("cell").nth(CHART_APPROVED).inner_text() == "1"
    assert page.console_errors == []
