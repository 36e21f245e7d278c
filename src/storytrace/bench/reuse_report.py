"""The reuse benchmark's result as the plain-text tables ``storytrace bench reuse`` prints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storytrace.bench.reuse_scores import RELATIONS, MethodScore, Rate

if TYPE_CHECKING:
    from storytrace.bench.reuse import ReuseBenchResult

_LABEL = 34
_CELL = 19


def _cell(rate: Rate, *, shown: bool = True) -> str:
    if not shown:
        return f"{'-':>{_CELL}}"
    share = rate.share
    if share is None:
        return f"{'n/a':>{_CELL}}"
    return f"{f'{share:.3f} ({rate.right}/{rate.total})':>{_CELL}}"


def _row(
    label: str, methods: tuple[MethodScore, ...], pick: str, index: int = 0, kind: str = ""
) -> str:
    cells = []
    for method in methods:
        value = getattr(method, pick)
        rate = value[index] if isinstance(value, tuple) else value
        shown = not (kind == "edges" and not method.draws_edges) and not (
            kind == "direction" and not method.directs
        )
        cells.append(_cell(rate, shown=shown))
    return f"{label:<{_LABEL}}" + "".join(cells)


def _method_table(result: ReuseBenchResult) -> list[str]:
    methods = result.methods
    lines = [f"{'':<{_LABEL}}" + "".join(f"{m.name:>{_CELL}}" for m in methods)]
    lines.append(_row("relation accuracy", methods, "relations"))
    for index, relation in enumerate(RELATIONS):
        lines.append(_row(f"  recall {relation}", methods, "relation_recall", index))
    lines.append(_row("derivation edges: precision", methods, "edge_precision", kind="edges"))
    lines.append(
        _row("  precision, gold ancestor", methods, "edge_ancestor_precision", kind="edges")
    )
    for index, name in enumerate(("recall", "  recall, copies", "  recall, rewrites")):
        lines.append(_row(name, methods, "edge_recall", index, kind="edges"))
    lines.append(_row("derivations found as reuse", methods, "found"))
    labels = (
        "direction (found as reuse)",
        "  dates: child later",
        "  dates: child earlier",
        "  credit of the parent",
        "  neither date nor credit",
    )
    for index, label in enumerate(labels):
        lines.append(_row(label, methods, "directions", index, kind="direction"))
    lines.append(
        _row("direction, all (not found: wrong)", methods, "direction_all", kind="direction")
    )
    return lines


def _confusion(method: MethodScore) -> list[str]:
    lines = [
        f"{method.name} relations (rows gold, columns predicted)",
        f"{'':<16}" + "".join(f"{r:>15}" for r in RELATIONS),
    ]
    for gold, counts in method.confusion:
        lines.append(f"{gold:<16}" + "".join(f"{c:>15}" for c in counts))
    return lines


def format_reuse_result(result: ReuseBenchResult) -> str:
    """The result as the plain-text tables ``storytrace bench reuse`` prints."""
    lines = [
        f"reuse benchmark: split {result.split}, seed {result.seed}, {result.stories} stories, "
        f"{result.articles} articles, embeddings {'on' if result.embeddings else 'off'}",
        f"baselines tuned on dev: a copy shares >= {result.min_grams} word 8-grams "
        f"(earlier wins, four rules); TF-IDF cosine >= {result.cosine_threshold:.2f}",
        "",
        *_method_table(result),
        "",
        *_confusion(result.methods[0]),
        "",
        f"{'edge confidence':<16}{'edges':>8}{'mean':>8}{'right':>8}",
    ]
    for b in result.reliability:
        closing = "]" if b.high >= 1.0 else ")"
        lines.append(
            f"[{b.low:.1f}, {b.high:.1f}{closing:<7}{b.edges:>8}"
            f"{b.mean_confidence:>8.3f}{b.correct:>8.3f}"
        )
    lines += [f"expected calibration error {result.calibration_error:.3f}", ""]
    lines.append(
        f"{'operation':<20} {'pairs':>5} {'prec':>6} {'rec':>6} {'gran':>6} "
        f"{'plagdet':>7} {'kind':>6}"
    )
    for row in (*result.operations, *result.groups):
        if result.groups and row is result.groups[0]:
            lines.append("")
        s = row.score
        lines.append(
            f"{row.name:<20} {row.pairs:>5} {s.precision:>6.3f} {s.recall:>6.3f} "
            f"{s.granularity:>6.3f} {s.plagdet:>7.3f} {row.kind_accuracy:>6.3f}"
        )
    lines.append("")
    for negative in result.negatives:
        lines.append(
            f"{negative.name:<20} {negative.pairs:>5} negative pairs, "
            f"{negative.pairs_with_passages} with passages ({negative.chars} characters)"
        )
    story = result.story_score
    lines += [
        "",
        f"origin accuracy      {story.origin_accuracy:.3f} of {story.stories} stories, first "
        f"origin listed (cited, not in corpus: {story.cited_origin_accuracy:.3f} of "
        f"{story.cited_stories}); listed at all {story.origin_listed:.3f}",
        f"lineages B-cubed F1  {story.lineages.f1:.3f} (precision {story.lineages.precision:.3f}, "
        f"recall {story.lineages.recall:.3f})",
        f"own material         precision {story.own_precision:.3f}, recall {story.own_recall:.3f}",
    ]
    if result.timings:
        t = result.timings
        lines += [
            "",
            f"timing: two articles of {t.pair_words[0]:,} and {t.pair_words[1]:,} words traced "
            f"in {t.pair_seconds:.3f} s",
            f"timing: story of {t.story_articles} articles ({t.story_aligned_pairs} candidate "
            f"pairs) traced in {t.story_seconds:.1f} s with {t.workers} worker(s)",
        ]
        if t.story_seconds_with_embeddings is not None:
            lines.append(
                f"timing: the same story with sentence embeddings (paraphrase) in "
                f"{t.story_seconds_with_embeddings:.1f} s"
            )
    lines.append(f"total {result.seconds:.0f} s")
    return "\n".join(lines)
