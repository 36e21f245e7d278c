"""The discrepancy benchmark's copies: harmless rewording and one known change per copy."""

from __future__ import annotations

import ast
import random
from collections import Counter
from pathlib import Path

import pytest

from storytrace.bench import claims_inject
from storytrace.bench.claims_inject import KINDS, find_values, inject, reword
from storytrace.models import DiscrepancyKind

# Made-up news text: every kind of value occurs at least once, on lines of six words or more.
ARTICLE = "\n".join(
    [
        "Flooding forced 1,200 residents of Canberra to leave their homes on Tuesday.",
        "The river rose four metres overnight, officials said on July 28, 2012.",
        "Emergency crews from Austria and Chile were not sent to the area.",
        "The storm damaged 37 bridges across Texas and killed 12 cattle, said Mr. Alden Pryce.",
        "He said the water would recede by Friday and that roads were safe.",
        "Schools will stay closed until March, according to Dr. Miriam Okafor.",
    ]
)


def _values(kind: DiscrepancyKind, text: str) -> Counter[str]:
    return Counter(v.key for line in text.split("\n") for v in find_values(kind, line))


def test_bench_claims_inject_imports_nothing_from_the_detector() -> None:
    source = Path(claims_inject.__file__).read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    assert not {m for m in imported if m.startswith(("storytrace.claims", "spacy", "en_core"))}
    assert "import_module" not in source and "__import__" not in source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said four people died.", "Officials said 4 people died."),
        ("It cost 1,250 dollars in all.", "It cost 1250 dollars in all."),
        ("By 2,000 votes they won.", "By 2,000 votes they won."),
        ("He left on July 28, 2012 for Rome.", "He left on 28 July 2012 for Rome."),
        ("They left Jan. 5 after the talks.", "They left Jan. 5 after the talks."),
        ("She said that the fire began late.", "She told reporters that the fire started late."),
        ("The mayor did not comment and cannot go.", "The mayor didn't comment and can't go."),
    ],
)
def test_bench_claims_inject_reword_examples(text: str, expected: str) -> None:
    assert reword(text, rng=random.Random(0)) == expected


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("seed", range(5))
def test_bench_claims_inject_reword_keeps_values(kind: DiscrepancyKind, seed: int) -> None:
    reworded = reword(ARTICLE, rng=random.Random(seed))
    assert reworded != ARTICLE
    assert _values(kind, reworded) == _values(kind, ARTICLE)


def test_bench_claims_inject_reword_swaps_two_adjacent_sentences_after_the_lead() -> None:
    text = "\n".join(
        [
            "A fire destroyed a warehouse in the port on Sunday night.",
            "Nobody was in the building when the fire started.",
            "Firefighters fought the flames for several long hours.",
            "Neighbours reported a loud bang shortly before midnight.",
            "An inquiry into the cause will open next week.",
        ]
    )
    lines = text.split("\n")
    swapped = {reword(text, rng=random.Random(seed)) for seed in range(20)}
    expected = set()
    for i in (2, 3):
        order = list(lines)
        order[i], order[i + 1] = order[i + 1], order[i]
        expected.add("\n".join(order))
    assert swapped == expected


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("seed", range(8))
def test_bench_claims_inject_changes_one_value_of_its_kind(
    kind: DiscrepancyKind, seed: int
) -> None:
    text = reword(ARTICLE, rng=random.Random(seed))
    injected = inject(text, kind, random.Random(seed))
    assert injected is not None
    new_text, change = injected
    assert new_text[change.start : change.end] == change.after
    differing = [
        (a, b) for a, b in zip(text.split("\n"), new_text.split("\n"), strict=True) if a != b
    ]
    assert differing == [(change.before, change.after)]
    for other in KINDS:
        before, after = _values(other, text), _values(other, new_text)
        if other == kind:
            assert (before - after).total() == 1 and (after - before).total() == 1
        else:
            assert before == after


@pytest.mark.parametrize("seed", range(20))
def test_bench_claims_inject_figures_change_by_a_realistic_amount(seed: int) -> None:
    line = "The storm damaged 370 bridges and 6 schools across the county."
    injected = inject(line, "number", random.Random(seed))
    assert injected is not None
    (old,) = (_values("number", line) - _values("number", injected[0])).elements()
    (new,) = (_values("number", injected[0]) - _values("number", line)).elements()
    if old == "6":
        assert 1 <= abs(int(new) - 6) <= 3
    else:
        assert 1.2 * 0.9 <= max(int(new) / 370, 370 / int(new)) <= 3 * 1.1


def test_bench_claims_inject_is_deterministic_with_a_seed() -> None:
    first = [inject(ARTICLE, kind, random.Random(7)) for kind in KINDS]
    again = [inject(ARTICLE, kind, random.Random(7)) for kind in KINDS]
    assert first == again


def test_bench_claims_inject_leaves_a_line_without_targets_alone() -> None:
    line = "Nothing here can be changed in any way."
    assert inject(line, "attribution", random.Random(0)) is None


@pytest.mark.parametrize(
    ("line", "speakers"),
    [
        ("The storm killed 12 cattle, said Mr. Alden Pryce.", ["Alden Pryce"]),
        ("Mayor Robert Pickell said the suspect was subdued.", ["Robert Pickell"]),
        ("Schools will stay closed, according to Dr. Miriam Okafor.", ["Miriam Okafor"]),
        ("Dr. Miriam Okafor, a neurosurgeon, is the leading contender for the post.", []),
    ],
)
def test_bench_claims_inject_attribution_targets_only_speakers(
    line: str, speakers: list[str]
) -> None:
    assert [v.key for v in find_values("attribution", line)] == speakers
