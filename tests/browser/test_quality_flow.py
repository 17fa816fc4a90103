"""The extraction's quality, measured by the reviews, in the browser: an editor confirms one commitment and opens
the quality page from the navigation (every score 1.000, nothing corrected); then corrects the type of one
commitment and the status of another in the review UI, opens the page again and sees the scores fall and the two
corrections listed with links to them. An analyst has no link to the page and gets 403. axe-core checks each page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.cache import cache

from apps.accounts.models import User
from apps.accounts.roles import roles_sync
from apps.coalition.models import CommitmentStatus, CommitmentType, Contribution
from apps.coalition.reference import reference_data_load_all
from apps.review.selectors import WAITING_CACHE_KEY
from apps.sources import receive as source_services
from apps.sources.archives import IncomingFile
from apps.sources.ingest import source_ingest
from apps.sources.models import SourceText
from tests.browser.conftest import PASSWORD, axe_violations, log_in, screenshot
from tests.corpus import DEV, SEED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
ARTICLES = 4  # dev-corpus articles beside the seed
State = Contribution.ReviewState


@pytest.fixture(autouse=True)
def fresh_count() -> Iterator[None]:
    cache.delete(WAITING_CACHE_KEY)
    yield
    cache.delete(WAITING_CACHE_KEY)


def make_user(role: str) -> User:
    roles_sync(django_apps)  # transactional tests flush the tables: the roles and reference data come back
    reference_data_load_all(django_apps)
    user = User.objects.create_user(username=f"{role}-quality", password=PASSWORD)
    user.groups.add(Group.objects.get(name=role))
    return user


def ingest(path_name: str, data: bytes) -> None:
    source = source_services.source_receive(upload=None, item=IncomingFile(path_name, data, None, len(data)))
    if source.status == SourceText.Status.QUEUED:
        source_ingest(source_id=source.pk)


def alone(c: Contribution) -> bool:
    """The article states this (actor, type) once: an editor's word on it settles the pair."""
    return Contribution.objects.filter(source_id=c.source_id, actor_id=c.actor_id, type=c.type).count() == 1


def free_type(c: Contribution) -> str:
    """A type the article gives this actor nowhere, so the corrected pair is new."""
    taken = set(Contribution.objects.filter(source_id=c.source_id, actor_id=c.actor_id).values_list("type", flat=True))
    return next(value for value in CommitmentType.values if value not in taken)


def figures(page) -> dict[str, str]:
    return {name: page.locator(f"#quality-{name}").inner_text().strip()
            for name in ("types", "pairs", "status", "sources", "reviewed")}


def open_quality(page, base: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Quality", exact=True).click()
    page.wait_for_url(f"{base}/review/quality/")
    page.get_by_role("heading", name="Extraction quality", level=1).wait_for()
    assert axe_violations(page) == []


def correct(page, base: str, item: Contribution, **fields: str) -> None:
    page.goto(f"{base}/review/{item.pk}/")
    page.get_by_text("Correct…").click()
    form = page.locator("form.correct-form")
    if "type" in fields:
        form.get_by_label("Commitment").select_option(fields["type"])
    if "status" in fields:
        form.get_by_label("Status").select_option(fields["status"])
    form.get_by_role("button", name="Save the correction").click()
    page.get_by_text(re.compile(r"^Corrected: ")).wait_for()


def test_an_editor_sees_the_score_change_with_the_corrections(page, browser, live_server):
    editor, analyst = make_user("editor"), make_user("analyst")
    ingest(SEED.name, SEED.read_bytes())
    for path in sorted(DEV.glob("*.txt"))[:ARTICLES]:
        ingest(path.name, path.read_bytes())
    single = [c for c in Contribution.objects.select_related("actor").order_by("source_id", "id") if alone(c)]
    assert len(single) >= 3, [str(c) for c in single]
    confirmed, retyped, restated = single[0], single[1], single[2]
    new_type = free_type(retyped)
    new_status = (CommitmentStatus.DELIVERED if restated.status != CommitmentStatus.DELIVERED
                  else CommitmentStatus.PROPOSED)
    base = live_server.url
    log_in(page, base, editor.username)

    # Nothing reviewed: the page says there is nothing to score yet.
    open_quality(page, base)
    assert page.get_by_text("No article has been reviewed yet.").is_visible()

    # One confirmation, through the review UI: the rules agree with the editor on everything reviewed.
    page.goto(f"{base}/review/{confirmed.pk}/")
    page.locator("#review-item").get_by_role("button", name=re.compile(r"^Confirm")).click()
    page.get_by_text(re.compile(r"^Confirmed: ")).wait_for()
    page.get_by_role("link", name="Review queue", exact=False).first.wait_for()
    open_quality(page, base)
    before = figures(page)
    assert before == {"types": "1.000", "pairs": "1.000", "status": "1.000", "sources": "1", "reviewed": "1"}
    assert page.get_by_text("nothing was corrected").is_visible()
    screenshot(page, "quality-before")

    # The queue links to the page too.
    page.get_by_role("link", name="Review queue").first.click()
    page.wait_for_url(f"{base}/review/")
    assert page.get_by_role("link", name="How well the machine reads, measured by your reviews").is_visible()

    # Two corrections in the review UI: one commitment's type, another's status.
    correct(page, base, retyped, type=new_type)
    correct(page, base, restated, status=str(new_status))
    assert Contribution.objects.get(pk=retyped.pk).review_state == State.CORRECTED
    assert Contribution.objects.get(pk=restated.pk).status == new_status

    open_quality(page, base)
    after = figures(page)
    assert after["reviewed"] == "3" and int(after["sources"]) >= 1
    assert float(after["pairs"]) < float(before["pairs"])  # the rules read the old type: one extra, one missed
    assert float(after["status"]) < float(before["status"])  # ... and the old status
    rows = page.locator("#corrections tbody tr")
    assert rows.count() == 2
    type_row = page.locator("#corrections tr[data-correction=type]")
    assert " ".join(type_row.locator("th").inner_text().split()) == (
        f"Type: {CommitmentType(retyped.type).label} → {CommitmentType(new_type).label}")
    assert type_row.locator("td.num").inner_text() == "1"
    status_row = page.locator("#corrections tr[data-correction=status]")
    assert " ".join(status_row.locator("th").inner_text().split()) == (
        f"Status: {CommitmentStatus(restated.status).label} → {CommitmentStatus(new_status).label}")
    totals = page.locator("#correction-totals")
    assert totals.get_by_text("Type changed").is_visible() and totals.get_by_text("Status changed").is_visible()
    screenshot(page, "quality-after")
    page.set_viewport_size({"width": 390, "height": 844})  # on a phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(page) == []  # the tables scroll in regions a keyboard can reach
    screenshot(page, "quality-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    # An example opens the corrected commitment in the review UI.
    status_row.get_by_role("link", name=f"commitment #{restated.pk}").click()
    page.wait_for_url(f"{base}/review/{restated.pk}/")
    assert page.get_by_text("corrected by editor").is_visible()
    assert page.console_errors == []  # no CSP violation, no failed request, no script error

    # An analyst: no link, and the page refused.
    watcher = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(watcher, base, analyst.username)
    assert watcher.get_by_role("link", name="Quality", exact=True).count() == 0
    assert watcher.goto(f"{base}/review/quality/").status == 403
    watcher.context.close()
