"""The confidence: logistic weights fitted on examples, and the map that puts HIGH where readings were right."""

from __future__ import annotations

from apps.extraction.confidence import HIGH, PRECISION_TARGET, Reading, calibrate, fit, mapped, probability, score


def test_fit_learns_which_readings_are_right() -> None:
    good, bad = Reading(status_source="verb", first=True), Reading(status_source="default", first=False, hearsay=True)
    examples = [(good, 1, True)] * 40 + [(good, 1, False)] * 2 + [(bad, 1, False)] * 30 + [(bad, 1, True)] * 10
    weights = fit(examples)
    assert probability(weights, good) > 0.85 > 0.4 > probability(weights, bad)


def test_calibration_puts_high_where_readings_were_right() -> None:
    scored = [(0.99 - i / 200, True) for i in range(60)] + [(0.6, False)] * 20 + [(0.55, True)] * 20
    knots = calibrate(scored)
    cut = next(x for x, y in knots if y == HIGH)
    above = [ok for p, ok in scored if p >= cut]
    assert len(above) >= 20 and sum(above) / len(above) >= PRECISION_TARGET
    assert mapped(cut, knots) == HIGH and mapped(0.5, knots) == 0.5 and mapped(1.0, knots) == 1.0
    values = [mapped(p / 100, knots) for p in range(101)]
    assert values == sorted(values)  # the order of the scores is the model's


def test_scores_are_between_zero_and_one() -> None:
    assert 0 <= score(Reading()) <= 1 and 0 <= score(Reading(actor_source="group", distance=250), 5) <= 1
