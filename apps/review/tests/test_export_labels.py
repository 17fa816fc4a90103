"""manage.py export_labels: every article an editor reviewed as a labels line (the editors' truth), its text beside
it, and `manage.py evaluate` on the export; the labels' reads (apps.review.quality) in bounded queries."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.coalition.models import Contribution
from apps.review import services
from apps.review.management.commands.export_labels import file_name
from apps.review.quality import labelled, labelled_batches, reviewed_sources
from apps.review.tests.helpers import ARTICLES, machine, reviewed_joint

pytestmark = pytest.mark.django_db




def export(*args: str) -> tuple[list[dict], str]:
    out, err = StringIO(), StringIO()
    call_command("export_labels", *args, stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines() if line.strip()], err.getvalue()


def pairs(label: dict) -> list[tuple[str, str, str]]:
    return [(c["actor"], c["type"], c["status"]) for c in label["commitments"]]


def test_the_export_holds_the_corrected_pairs_and_not_the_rejected_one(articles, editor):
    reviewed_joint(articles, editor)
    labels, summary = export()
    assert len(labels) == 1  # no other article was reviewed
    label = labels[0]
    assert pairs(label) == [("DE", "air_defence", "delivered"), ("DE", "training", "pledged"),
                            ("FR", "military_aid", "pledged")]
    assert ("FR", "air_defence") not in {(a, t) for a, t, _ in pairs(label)}
    assert label["file"] == "joint.txt" and label["ok"] is True and label["error"] is None
    assert (label["date"], label["language"], label["source"]) == ("2026-03-04", "en", "Reuters")
    assert label["members"] == ["DE", "FR", "UA"] and label["people"] == []
    assert label["statement_draft"] is False and label["quotes"] == []
    assert "unreviewed" not in label
    assert set(label) == {"file", "ok", "error", "date", "language", "source", "members", "people", "commitments",
                          "statement_draft", "quotes"}  # spec §7: the extract shape without evidence
    assert summary.strip() == "1 reviewed article(s) exported (1 reviewed in full), 4 reviewed commitment(s)."


def test_evaluate_scores_todays_rules_against_the_export(articles, editor, tmp_path):
    reviewed_joint(articles, editor)
    folder = tmp_path / "reviews"
    call_command("export_labels", "--output", str(folder), stdout=StringIO(), stderr=StringIO())
    assert sorted(p.name for p in folder.iterdir()) == ["joint.txt", "labels.jsonl"]
    assert (folder / "joint.txt").read_bytes() == ARTICLES["joint.txt"].encode()  # the original bytes
    out = StringIO()
    call_command("evaluate", str(folder / "labels.jsonl"), "--verbose", stdout=out)
    text = out.getvalue()
    # The rules still read DE and FR × air defence and training, pledged: 2 of 4 kept, 1 of the editors' missed.
    assert re.search(r"^articles\s+1$", text, re.M)
    assert re.search(r"^\(actor, type\) F1\s+0\.571\s", text, re.M), text
    assert re.search(r"^status accuracy\s+0\.500\s+on 2 matched pairs", text, re.M), text
    assert re.search(r"^date accuracy\s+1\.000", text, re.M) and re.search(r"^source accuracy\s+1\.000", text, re.M)


def test_articles_reviewed_in_part_are_left_out_unless_partial(articles, editor, tmp_path):
    source_id = articles["joint.txt"]
    item = machine("DE", "air_defence", source_id)
    services.contribution_confirm(contribution=item, version=item.version, actor=editor)
    labels, summary = export()
    assert labels == []
    assert "1 article(s) reviewed only in part left out (--partial exports them too)." in summary
    labels, summary = export("--partial")
    assert pairs(labels[0]) == [("DE", "air_defence", "pledged")]
    assert labels[0]["unreviewed"] == [{"actor": "DE", "type": "training"}, {"actor": "FR", "type": "air_defence"},
                                       {"actor": "FR", "type": "training"}]
    assert "(0 reviewed in full)" in summary and "left out" not in summary
    # evaluate leaves the pairs nobody reviewed out: the rules are right on the one an editor confirmed.
    output = tmp_path / "part"
    call_command("export_labels", "--partial", "--output", str(output), stderr=StringIO())
    out = StringIO()
    call_command("evaluate", str(output / "labels.jsonl"), stdout=out)
    assert re.search(r"^\(actor, type\) F1\s+1\.000\s", out.getvalue(), re.M), out.getvalue()


def test_since_keeps_the_articles_reviewed_from_then_on(articles, editor, tmp_path):
    reviewed_joint(articles, editor)
    item = machine("PL", "training", articles["pl_training.txt"])
    services.contribution_confirm(contribution=item, version=item.version, actor=editor)
    Contribution.objects.filter(source_id=articles["pl_training.txt"]).update(
        reviewed_at=timezone.now() - timedelta(days=30))
    today = timezone.localdate().isoformat()
    assert [label["file"] for label in export()[0]] == ["pl_training.txt", "joint.txt"]  # in id order
    assert [label["file"] for label in export("--since", today)[0]] == ["joint.txt"]
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert export("--since", tomorrow)[0] == []
    assert export("--since", f"{today}T00:00:00+00:00")[0]
    with pytest.raises(CommandError, match="--since takes a date"):
        export("--since", "last week")
    # A .jsonl output holds the labels alone.
    path = tmp_path / "out" / "gold.jsonl"
    call_command("export_labels", "--output", str(path), stderr=StringIO())
    assert [json.loads(line)["file"] for line in path.read_text(encoding="utf-8").splitlines()] == [
        "pl_training.txt", "joint.txt"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["gold.jsonl"]


def test_file_names_are_the_original_ones_made_safe_and_unique():
    taken: set[str] = set()
    assert file_name("joint.txt", 1, taken) == "joint.txt"
    assert file_name("other/joint.txt", 2, taken) == "joint~2.txt"  # the folders dropped; the name was taken
    assert file_name("JOINT.TXT", 3, taken) == "JOINT~3.txt"  # one file to a case-blind file system
    assert file_name("..", 4, taken) == "source-4.txt"
    assert file_name("report.html", 5, taken) == "report.html.txt"
    assert file_name("a/b\\c:d?.txt", 6, taken) == "c_d_.txt"


def test_labels_take_three_queries_per_batch_however_many_articles(articles, editor, django_assert_num_queries):
    reviewed_joint(articles, editor)
    for name in ("de_pledge.txt", "de_delivery.txt", "pl_training.txt"):
        item = Contribution.objects.get(source_id=articles[name])
        services.contribution_confirm(contribution=item, version=item.version, actor=editor)
    ids = list(reviewed_sources().order_by("pk").values_list("pk", flat=True))
    assert len(ids) == 4
    with django_assert_num_queries(3):
        assert len(labelled(ids)) == 4
    with django_assert_num_queries(3):
        assert len(labelled(ids[:1])) == 1
    with CaptureQueriesContext(connection) as queries:
        batches = list(labelled_batches(size=3))
    assert [len(batch) for batch in batches] == [3, 1]
    assert len(queries) == 2 * 4 + 1  # a batch: its ids, contributions, events, articles; then no more ids
