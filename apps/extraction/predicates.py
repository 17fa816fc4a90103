"""The status a clause gives its commitments, read from its predicates (spec §5, §8).

A clause's verbs of known classes (`data/predicates.toml`: giving, deciding, promising, continuing,
considering, refusing, resuming — keyed by lemma, so every inflection counts) are read with their grammar:
for Russian and Ukrainian pymorphy3's tags (tense, aspect, a short passive participle, an infinitive) and the
words before them (negation, "будет", a modal "может"/"бы", a word of readiness "готова"); for English the
verb form (past, participle, base) with its auxiliaries ("has delivered", "will provide", "could send",
"was approved", "will not"). A deed done gives delivered (giving) or approved (deciding); announced, future
or ready gives pledged; modal or considered gives proposed; refused, paused or a future denied gives
withdrawn. A few phrases without such a verb ("no longer", "in service", a draft) are data too.

`clause_signals` names every status the clause signals; commitments.py ranks them (withdrawn first, then
done deeds, then proposals, then pledges).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cues import CueTable, cue_table
from .gazetteer import morph

DATA_FILE = Path(__file__).parent / "data" / "predicates.toml"
CLASSES = ("give", "decide", "promise", "continue", "consider", "refuse", "resume")
RESUMED = "resumed"  # a signal besides the statuses: a resumption ends the pause the clause may also name
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_VERB_POS = frozenset({"VERB", "INFN", "PRTS", "PRTF", "GRND"})
_PREFIX = 3  # letters a word shares with the lemma of its verb, whatever the form ("передала", "передать")
WINDOW = 3  # words before a verb that may govern it ("не будет передавать", "will not be sent")

PAST, PARTICIPLE, FUTURE, PRESENT, INFINITIVE, GERUND, PAST_OR_PARTICIPLE, BASE, ING, DESCRIBED = (
    "past", "participle", "future", "present", "infinitive", "gerund", "past_or_participle", "base", "ing",
    "described")  # DESCRIBED: a thing's passive participle ("переданных систем"), which its words around decide


@dataclass(frozen=True, slots=True)
class Vocabulary:
    classes: dict[str, dict[str, str]]  # language → lemma → class
    prefixes: dict[str, frozenset[str]]  # language → the first letters of its class lemmas (a cheap first look)
    english_forms: dict[str, tuple[str, str, str]]  # English word → (class, form, lemma)
    words: dict[str, frozenset[str]]
    phrases: CueTable
    paper: re.Pattern[str]
    skip: tuple[str, ...]  # sentences that are no commitment: appeals, demands, unconfirmed reports


def _english_forms(entry: str) -> dict[str, str]:
    """"send sent sent" / "deliver" → every form of the verb with what form it is."""
    parts = entry.split()
    base = parts[0]
    if base.endswith("e"):
        regular = base + "d"
    elif re.search(r"[^aeiou]y$", base):
        regular = base[:-1] + "ied"
    else:
        regular = base + "ed"
    past, participle = (parts[1], parts[2]) if len(parts) == 3 else (regular, regular)
    doubled = len(parts) == 3 and past == base + base[-1] + "ed"  # "ship shipped": the -ing form doubles too
    ing = (base[:-1] if base.endswith("e") and not base.endswith("ee") else base + base[-1] if doubled else base)
    third = base + ("es" if re.search(r"(?:s|x|z|ch|sh|o)$", base) else "s")
    if re.search(r"[^aeiou]y$", base):
        third = base[:-1] + "ies"
    forms = {base: BASE, third: PRESENT, ing + "ing": ING}
    if past == participle:
        forms[past] = PAST_OR_PARTICIPLE
    else:
        forms[past] = PAST
        forms[participle] = PARTICIPLE
    return forms


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    with DATA_FILE.open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    classes: dict[str, dict[str, str]] = {"ru": {}, "uk": {}}
    english: dict[str, tuple[str, str, str]] = {}
    for cls in CLASSES:
        for lang in ("ru", "uk"):
            classes[lang].update(dict.fromkeys(data[cls].get(lang, ()), cls))
        for entry in data[cls].get("en", ()):
            for word, form in _english_forms(entry).items():
                english.setdefault(word, (cls, form, entry.split()[0]))
    phrases = data["phrases"]
    return Vocabulary(
        classes=classes,
        prefixes={lang: frozenset(lemma[:_PREFIX] for lemma in known) for lang, known in classes.items()},
        english_forms=english,
        words={name: frozenset(values) for name, values in data["words"].items()},
        phrases=cue_table({status: tuple(phrases[status]) for status in
                           ("withdrawn", "delivered", "approved", "proposed", "pledged")}),
        paper=re.compile("|".join(phrases["paper"])),
        skip=tuple(phrases["skip"]),
    )


@lru_cache(maxsize=100_000)
def verb(word: str, lang: str) -> tuple[str, str, str] | None:
    """(class, form, lemma) of a word that is a verb of a known class, else None."""
    vocab = vocabulary()
    if not _CYRILLIC.search(word):
        return vocab.english_forms.get(word)
    lang = "uk" if lang == "uk" else "ru"
    if word.replace("ё", "е")[:_PREFIX] not in vocab.prefixes[lang]:
        return None  # no verb of a known class starts so: no need to ask the dictionary (the costly part)
    known = vocab.classes[lang]
    for parse in morph(lang).parse(word):
        tag = parse.tag
        lemma = parse.normal_form.replace("ё", "е")
        if lang == "uk" and lemma not in known and (tag.POS == "GRND" or (tag.POS == "ADJF" and "pssv" in tag)):
            # The Ukrainian dictionary gives a gerund ("надавши") or a participle ("ухвалений") as its own lemma.
            lemma = next((infinitive for infinitive in _uk_infinitives(lemma) if infinitive in known), lemma)
            if tag.POS == "ADJF" and lemma in known:
                if known[lemma] == "decide" or "actv" in tag:
                    return known[lemma], PAST, lemma
                if known[lemma] == "give":
                    return "give", DESCRIBED, lemma
                continue
        if tag.POS not in _VERB_POS or lemma not in known:
            continue
        cls = known[lemma]
        if tag.POS == "INFN" or (lang == "uk" and "infn" in tag.grammemes and word.endswith(_UK_INFINITIVE)):
            # The Ukrainian dictionary tags an infinitive "VERB,perf infn", and a future's "-ть" ("відправить")
            # as a colloquial infinitive too: only the literary endings are read as one.
            return cls, INFINITIVE, lemma
        if tag.POS == "GRND":
            return cls, GERUND if "perf" in tag else PRESENT, lemma
        if tag.POS == "PRTF":
            # "предоставившая" (who provided) tells of a deed; "ухвалений бюджет" of a text adopted; a thing
            # handed over ("переданных систем") describes what is repaired or counted, or tells of a delivery.
            if ("actv" in tag and "past" in tag) or (cls == "decide" and "past" in tag):
                return cls, PAST, lemma
            if cls == "give" and "past" in tag:
                return cls, DESCRIBED, lemma
            continue
        if tag.POS == "PRTS" or "Impe" in tag:  # "передана", uk "передано"
            return cls, PARTICIPLE, lemma
        if "past" in tag:
            return cls, PAST, lemma
        if "futr" in tag:
            return cls, FUTURE, lemma
        return cls, PRESENT, lemma
    return None


_UK_INFINITIVE = ("ти", "тися", "тись", "чи", "чися")
# A Ukrainian participle's or gerund's ending, and the infinitive endings it may come from.
_UK_INFINITIVE_ENDINGS = (
    ("ований", ("увати",)), ("ений", ("ити", "іти")), ("аний", ("ати",)), ("яний", ("яти",)), ("тий", ("ти",)),
    ("вши", ("ти",)), ("ши", ("ти",)),
)
# Consonants that alternate before the participle's ending: "затверджений" ← "затвердити", "вловлений".
_UK_ALTERNATIONS = (("дж", "д"), ("вл", "в"), ("бл", "б"), ("пл", "п"), ("мл", "м"), ("ж", "з"), ("ч", "т"),
                    ("ш", "с"), ("щ", "ст"))


def _uk_infinitives(form: str) -> list[str]:
    """Infinitives a Ukrainian participle or gerund may come from ("ухвалений" → "ухвалити")."""
    found = []
    for ending, infinitives in _UK_INFINITIVE_ENDINGS:
        if form.endswith(ending):
            stem = form[: -len(ending)]
            stems = [stem] + [stem[: -len(a)] + b for a, b in _UK_ALTERNATIONS if stem.endswith(a)]
            found += [s + infinitive for s in stems for infinitive in infinitives]
    return found


def tokens(low: str) -> list[str]:
    return _TOKEN.findall(low)


@lru_cache(maxsize=8192)
def clause_signals(low: str, lang: str | None) -> frozenset[str]:
    """Every status (and RESUMED) the words of a lowercased clause signal; empty when it says none."""
    vocab = vocabulary()
    found = set(vocab.phrases.found(low))
    words = vocab.words
    toks = tokens(low)
    negations = [i for i, tok in enumerate(toks) if tok in words["negation"] or tok.endswith(("n't", "n’t"))]
    conditional = False
    for i, tok in enumerate(toks):
        if tok in words["condition"]:
            conditional = True  # "if the UN provided a mandate": what a condition supposes is no deed
            continue
        if conditional:
            continue
        found_verb = verb(tok, lang or "ru")
        if found_verb is None:
            if (negations and negations[0] < i <= negations[-1] + WINDOW
                    and _negated(toks[max(0, i - WINDOW) : i], words) and _future(tok, lang)):
                found.add("withdrawn")  # "не навчатиме", "не отправит": an actor's own "will not", whatever the verb
            continue
        cls, form, lemma = found_verb
        before = toks[max(0, i - WINDOW) : i]
        after = toks[i + 1 : i + 5]
        if after and after[0] in words["participation"] and lemma in words["participation_verbs"]:
            cls = "continue"  # "примут участие", "не братимуть участі", "take part": a will to act
        elif cls == "give" and any(w in words["go_ahead"] for w in after[:2]):
            cls = "decide"  # "has given the green light", "gave the go-ahead": a decision, not a gift
        signal = _signal(cls, form, tok, lemma, before, after, words, vocab.paper)
        if signal:
            found.add(signal)
            if cls == "resume" and signal == "delivered":
                found.add(RESUMED)
    return frozenset(found)


def _signal(cls: str, form: str, word: str, lemma: str, before: list[str], after: list[str],
            words: dict[str, frozenset[str]], paper: re.Pattern[str]) -> str:
    negated = _negated(before, words) or (form == INFINITIVE and len(after) > 1 and after[0] in words["negation"]
                                          and after[1] in words["future"])  # "участвовать не будет"
    modal = any(w in words["modal"] for w in before)
    future = form == FUTURE or any(w in words["future"] or w in ("won't", "won’t") for w in before)
    # A word of readiness governs the verb right after it, or after "to" ("ready to send", "готова передать").
    pledging = bool(before) and (before[-1] in words["pledging"]
                                 or (before[-1] == "to" and len(before) > 1
                                     and (before[-2] in words["pledging"] or before[-2] in words["pledging_to"])))
    if cls == "decide" and after and (after[0] in words["not_a_decision"] or after[0] in words["against"]):
        return ""
    if cls == "give" and after and after[0] == "for" and word.startswith("provid"):
        return ""  # "the declaration provides for a mechanism": a text's contents, not a gift
    if (cls == "give" and form == PAST_OR_PARTICIPLE and after and after[0] == "by"
            and not (before and (before[-1] in words["perfect"] or before[-1] in words["passive"]))):
        return ""  # "a loan funded by joint borrowing": where money comes from, not a deed
    if form == DESCRIBED:
        # "к уже переданным системам", "передані Україні минулого року": a thing said to be handed over
        # already, or to Ukraine, tells of a delivery; "ремонт переданных систем" only names what is repaired.
        told = (bool(before) and before[-1] in words["already"]) or (bool(after) and after[0] in words["recipient"])
        return "delivered" if told and not negated else ""
    if lemma in words["completing"] and (form == PRESENT or (form == ING and bool(before) and before[-1] in words[
            "passive"])) and not (negated or modal or future):
        return "delivered"  # "Норвегія та Данія завершують передачу F-16": the transfer is mostly made
    done = _done(form, before, words) and not (future or modal or pledging)
    # "готуються пообіцяти", "preparing to announce": a step still being readied; "мають схвалити", "должны
    # утвердить": a decision on the agenda, not yet taken (as "expected to approve").
    upcoming = bool(before) and (before[-1] in words["preparing"] or (
        before[-1] == "to" and len(before) > 1 and before[-2] in words["preparing"]))
    scheduled = cls == "decide" and bool(before) and before[-1] in words["scheduled"]
    if (upcoming or scheduled) and not negated:
        return "proposed"
    if cls == "consider":
        return "proposed"
    if cls == "refuse":
        if negated:  # "did not rule out" leaves it open; "от участия не отказывались" keeps it
            return "proposed" if lemma in words["ruling_out"] else "pledged"
        return "proposed" if modal else "withdrawn"
    if cls == "promise":
        if negated:  # "не планирует направлять", "does not intend to": the actor's own will, denied
            return "" if form in (PAST, PAST_OR_PARTICIPLE, PARTICIPLE) else "withdrawn"
        return "proposed" if modal else "pledged"
    if cls == "continue":
        if done and lemma in words["went_on"] and not negated:
            return "delivered"  # "США продолжали поставлять", "continued to deliver": it went on, so it was done
        return "withdrawn" if negated else "proposed" if modal else "pledged"
    # give, decide, resume: a deed, or one still to come
    if done:
        if negated:
            return ""  # "has not delivered", "не передала": nothing was done, nothing is promised
        if cls == "give" and paper.search(" ".join(after)):
            return "pledged"  # a paper handed over: "передали міністрам робочий документ"
        return "approved" if cls == "decide" else "delivered"
    if negated and any(w in ("did", "does", "do", "has", "have", "had") for w in before):
        return ""  # "did not send", "has not yet approved": nothing done, nothing refused
    if negated and (form != INFINITIVE or future or pledging):
        return "withdrawn"  # "will not send", "не будет передавать", "не передаст"
    if modal:
        return "proposed"
    if form in (BASE, ING) and not (future or pledging) and cls != "resume":
        return ""  # "to deliver", "delivering": what governs it decides
    if cls == "resume" and form == PRESENT and not (negated or modal):
        return "delivered"  # "США відновлюють відвантаження": the deliveries are moving again
    if form == PRESENT and not _CYRILLIC.search(word) and not future:
        return ""  # "Spanish Leopards arrive", "EU adopts package": a headline's present tells of the news itself
    return "pledged"


@lru_cache(maxsize=100_000)
def _future(word: str, lang: str | None) -> bool:
    """Is a Russian or Ukrainian word a verb in the future tense ("отправит", "навчатиме")?"""
    if not _CYRILLIC.search(word):
        return False
    parse = morph("uk" if lang == "uk" else "ru").parse(word)[0]
    return parse.tag.POS == "VERB" and "futr" in parse.tag


# Words that may stand between a negation and its verb: "не будет передавать", "will not be sent",
# "не готова передать", "has not yet delivered", "no longer".
_BETWEEN = frozenset({"to", "be", "been", "yet", "also", "ещё", "еще", "уже", "вже", "более", "больше", "більше",
                      "longer", "ever", "even", "даже", "навіть", "so", "так"})


_UNTIL = frozenset({"пока", "поки", "доки", "покуда", "until", "unless"})


def _negated(before: list[str], words: dict[str, frozenset[str]]) -> bool:
    """Does a negation govern the verb: "не" or "not" right before it, or before its auxiliaries only?"""
    skippable = _BETWEEN | words["future"] | words["modal"] | words["passive"] | words["perfect"] | words["pledging"]
    for i in range(len(before) - 1, -1, -1):
        w = before[i]
        if w in words["negation"] or w.endswith(("n't", "n’t")):
            return not (i and before[i - 1] in _UNTIL)  # "пока не будут построены": until, not a refusal
        if w not in skippable:
            return False
    return False


def _done(form: str, before: list[str], words: dict[str, frozenset[str]]) -> bool:
    """Does the verb form tell of a deed done (past, perfect, or a passive that happened)?"""
    if form in (PAST, GERUND):
        return True
    if form == ING:  # "ended the summit by endorsing a communique", "have been sharing intelligence since 2022"
        return bool(before) and (before[-1] in ("by", "after") or (before[-1] == "been" and len(before) > 1
                                 and before[-2] in ("has", "have", "had", "'s", "'ve")))
    if form == PARTICIPLE:
        return not any(w in ("be", "being", "будет", "будут", "буде", "будуть", "быть", "бути") for w in before)
    if form == PAST_OR_PARTICIPLE:  # English regular verbs: "delivered" is a deed unless it describes a thing
        if not before:
            return True
        last = before[-1]
        if last in ("be", "being", "to"):
            return False
        if last in words["perfect"] or last in words["passive"]:
            return last not in ("is", "are", "am", "be", "being")
        return last not in words["attributive"]
    return False
