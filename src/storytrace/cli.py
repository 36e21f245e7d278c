"""The ``storytrace`` command: parses arguments, calls the library, prints results.

No analysis happens here; every command is a thin shell over a library call.
The analysis stack (spaCy, scipy, the models) is imported inside the commands
that run it, so that ``--help`` and the light commands start at once.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO, TypeVar

import click

from storytrace import __version__
from storytrace.errors import StorytraceError
from storytrace.export_formats import EXPORT_FORMATS
from storytrace.models import Correction, Report
from storytrace.settings import SETTINGS_HELP, Settings
from storytrace.store import DEFAULT_PATH, Store

if TYPE_CHECKING:
    from storytrace.bench.clustering import ClusteringScore
    from storytrace.pipeline import Progress


def _reason_group(reason: str) -> str:
    """A reason without its particulars (line numbers, URLs), to count alike rejections."""
    head = reason.split(": ", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"\d[\d,.]*", "N", head)).strip()


def _summary(report: Report, written: Sequence[Path]) -> str:
    lines = [f"Analysed {len(report.articles)} article(s) in {len(report.stories)} story(ies)."]
    if report.rejected:
        groups = Counter(_reason_group(item.reason) for item in report.rejected)
        counted = "; ".join(f"{count} x {reason}" for reason, count in groups.most_common())
        lines.append(
            f"Rejected {len(report.rejected)} input(s): {counted} (each with its reason in "
            "report.md)"
        )
    if written:
        lines.append("Report: " + ", ".join(str(path) for path in written))
    return "\n".join(lines)


def _ignore_progress(stage: str, done: int, total: int | None) -> None:
    """With --quiet: show nothing."""


@contextmanager
def _progress(*, quiet: bool) -> Iterator[Progress]:
    """Bars with an ETA on a terminal, a plain line every few seconds in a log, or nothing."""
    if quiet:
        yield _ignore_progress
        return
    from storytrace.progress import ProgressBars, ProgressLines

    shown = ProgressBars() if sys.stderr.isatty() else ProgressLines(sys.stderr)
    try:
        yield shown
    finally:
        shown.close()


def _run(
    inputs: Sequence[str],
    *,
    out: Path,
    db: Path,
    settings: Settings,
    metadata: Path | None,
    quiet: bool = False,
) -> None:
    from storytrace.ingest import parse_sidecar
    from storytrace.pipeline import analyze as run_analysis
    from storytrace.report import write_report

    sidecar = None
    if metadata is not None:
        sidecar = parse_sidecar(str(metadata), metadata.read_bytes())
    with _progress(quiet=quiet) as progress, Store(db) as store:
        report = run_analysis(
            inputs, settings=settings, store=store, sidecar=sidecar, progress=progress
        )
    written = write_report(report, out)
    click.echo(_summary(report, written))
    if not report.articles:
        click.echo("Nothing could be analysed.", err=True)
        sys.exit(1)


F = TypeVar("F", bound=Callable[..., Any])


def _shared_option(*folders: str) -> Callable[[F], F]:
    """``--shared``: the shared folder holding the benchmark ``folders``."""
    return click.option(
        "--shared",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=Path("../shared"),
        show_default=True,
        help="the shared folder holding " + " and ".join(folders),
    )


_workers_option = click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help=SETTINGS_HELP["workers"],
)
"""``--workers``: processes that analyse stories (0: one per core, at most 4)."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storytrace")
def main() -> None:
    """Trace how a news story spreads: which articles tell it, who copied whom, and what
    each outlet claims, with evidence for every answer.

    Example: storytrace analyze articles/ --out report/
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("storytrace-report"),
    show_default=True,
    help="folder the report files are written to",
)
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=Path(DEFAULT_PATH),
    show_default=True,
    help="SQLite store to fill (created if missing)",
)
@click.option(
    "--metadata",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV or JSON Lines sidecar mapping file names to url, outlet, published",
)
@click.option("--fetch", is_flag=True, help=SETTINGS_HELP["fetch"])
@click.option("--quiet", "-q", is_flag=True, help="no progress bars or progress lines")
@click.option(
    "--max-bytes",
    type=int,
    default=Settings().max_bytes,
    show_default=True,
    help=SETTINGS_HELP["max_bytes"],
)
@click.option(
    "--timeout",
    type=float,
    default=Settings().timeout,
    show_default=True,
    help=SETTINGS_HELP["timeout"],
)
@_workers_option
def analyze(
    inputs: tuple[str, ...],
    out: Path,
    db: Path,
    metadata: Path | None,
    fetch: bool,
    quiet: bool,
    max_bytes: int,
    timeout: float,
    workers: int,
) -> None:
    """Analyse files, folders (read recursively) and http(s) URLs; write a report.

    Reads .txt, .html/.htm (also .gz), .jsonl, .warc/.warc.gz and RSS/Atom feeds.

    Example: storytrace analyze ../shared/seeds --out OUT
    """
    try:
        settings = Settings(fetch=fetch, max_bytes=max_bytes, timeout=timeout, workers=workers)
        _run(inputs, out=out, db=db, settings=settings, metadata=metadata, quiet=quiet)
    except StorytraceError as error:
        raise click.ClickException(str(error)) from error


@main.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("storytrace-demo"),
    show_default=True,
    help="folder the demo report (and its store) is written to",
)
@click.option("--quiet", "-q", is_flag=True, help="no progress bars or progress lines")
def demo(out: Path, quiet: bool) -> None:
    """Analyse the bundled example corpus (an invented story) and write its report.

    Example: storytrace demo --out demo-report
    """
    corpus = resources.files("storytrace") / "demo" / "corpus"
    with resources.as_file(corpus) as folder:
        out.mkdir(parents=True, exist_ok=True)
        try:
            _run(
                [str(folder)],
                out=out,
                db=out / "storytrace.db",
                settings=Settings(workers=0),
                metadata=None,
                quiet=quiet,
            )
        except StorytraceError as error:
            raise click.ClickException(str(error)) from error


@main.command()
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=Path(DEFAULT_PATH),
    show_default=True,
    help="SQLite store to serve (created if missing)",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="address to listen on; anything but 127.0.0.1, localhost or ::1 lets other machines "
    "connect",
)
@click.option("--port", type=int, default=8000, show_default=True, help="port to listen on")
@click.option(
    "--token",
    envvar="STORYTRACE_TOKEN",
    help="secret that write actions (corrections, uploads) must carry; without it they are "
    "allowed from this machine only",
)
def serve(db: Path, host: str, port: int, token: str | None) -> None:
    """Browse the stored stories in a local web app: search, graphs, claim matrices,
    side-by-side comparisons, corrections and uploads.

    Example: storytrace serve --db storytrace.db
    """
    from storytrace.web import bind_warning
    from storytrace.web import serve as run_web_app

    warning = bind_warning(host)
    if warning is not None:
        click.echo(f"Warning: {warning}", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Serving {db} at http://{shown}:{port}/ (Ctrl-C to stop)")
    try:
        run_web_app(db, host=host, port=port, token=token)
    except StorytraceError as error:
        raise click.ClickException(str(error)) from error


@main.command(name="export")
@click.option(
    "--format",
    "export_format",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="csv: claim matrix; jsonl: articles and stories; graphml: provenance graph; "
    "md: Markdown report",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, allow_dash=True),
    default=Path("-"),
    show_default=True,
    help="file to write, '-' for standard output",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path(DEFAULT_PATH),
    show_default=True,
    help="store to export",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="export this report.json instead of the store",
)
def export_command(export_format: str, out: Path, db: Path, report_path: Path | None) -> None:
    """Export the claim matrix (CSV), articles and stories (JSON Lines), the provenance
    graph (GraphML, for Gephi and networkx) or the Markdown report.

    Example: storytrace export --format graphml --out provenance.graphml
    """
    from storytrace.export import export as write_export
    from storytrace.export import read_report

    target: Path | TextIO = sys.stdout if str(out) == "-" else out
    try:
        if report_path is not None:
            write_export(read_report(report_path), export_format, target)
        elif not db.is_file():
            raise click.ClickException(
                f"no store at {db}: run storytrace analyze first, or pass --db or --report"
            )
        else:
            with Store(db) as store:
                write_export(store, export_format, target)
    except StorytraceError as error:
        raise click.ClickException(str(error)) from error


_DB = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path(DEFAULT_PATH),
    show_default=True,
    help="SQLite store that analyze filled",
)


def _open_store(db: Path) -> Store:
    if not db.is_file():
        raise click.ClickException(f"no store at {db}: run storytrace analyze first, or pass --db")
    return Store(db)


@main.group(invoke_without_command=True)
@_DB
@click.pass_context
def stories(context: click.Context, db: Path) -> None:
    """List the stories in the store, or correct the grouping.

    Corrections are kept in the store and applied again after every later run.

    Example: storytrace stories --db storytrace.db
    """
    context.obj = db
    if context.invoked_subcommand is not None:
        return
    with _open_store(db) as store:
        for summary in store.search_stories(limit=1_000_000):
            dates = summary.first_published or "undated"
            click.echo(
                f"{summary.id}  {summary.article_count:>4} article(s)  {dates[:10]:<10}  "
                f"{summary.title or '(no title)'}"
            )


def _correct(db: Path, correction: Correction) -> None:
    from storytrace.pipeline import correct

    with _open_store(db) as store:
        try:
            correct(store, correction)
        except StorytraceError as error:
            raise click.ClickException(str(error)) from error
        story = store.story_of(correction.article_ids[0])
    click.echo(f"Corrected: {correction.kind}; now in {story}.")


def _story_articles(store: Store, story_id: str) -> tuple[str, ...]:
    try:
        return store.story_analysis(story_id).story.article_ids
    except StorytraceError as error:
        raise click.ClickException(str(error)) from error


@stories.command("merge")
@click.argument("story_ids", nargs=-1, required=True)
@click.pass_obj
def stories_merge(db: Path, story_ids: tuple[str, ...]) -> None:
    """Merge two or more stories into one.

    Example: storytrace stories merge story-1a2b3c story-4d5e6f
    """
    if len(story_ids) < 2:
        raise click.UsageError("name at least two stories to merge")
    with _open_store(db) as store:
        ids = tuple(a for story_id in story_ids for a in _story_articles(store, story_id))
    _correct(db, Correction("merge", ids))


@stories.command("split")
@click.argument("story_id")
@click.argument("article_ids", nargs=-1, required=True)
@click.pass_obj
def stories_split(db: Path, story_id: str, article_ids: tuple[str, ...]) -> None:
    """Take articles out of a story into a story of their own.

    Example: storytrace stories split story-1a2b3c a0123456789abcde
    """
    with _open_store(db) as store:
        members = _story_articles(store, story_id)
    strangers = [a for a in article_ids if a not in members]
    if strangers:
        raise click.ClickException(f"not in {story_id}: {', '.join(strangers)}")
    _correct(db, Correction("split", article_ids))


@stories.command("move")
@click.argument("article_id")
@click.argument("story_id")
@click.pass_obj
def stories_move(db: Path, article_id: str, story_id: str) -> None:
    """Move one article into another story.

    Example: storytrace stories move a0123456789abcde story-4d5e6f
    """
    with _open_store(db) as store:
        members = _story_articles(store, story_id)
    _correct(db, Correction("move", (article_id,), anchor_id=members[0]))


@main.command("compare")
@click.argument("left_id")
@click.argument("right_id")
@_DB
@click.option("--width", type=int, default=120, show_default=True, help="characters per line")
def compare_command(left_id: str, right_id: str, db: Path, width: int) -> None:
    """Print two articles side by side with their shared passages marked [n ... n].

    Example: storytrace compare a0123456789abcde a0fedcba987654321
    """
    from storytrace.pipeline import compare
    from storytrace.report.terminal import render_side_by_side

    with _open_store(db) as store:
        try:
            comparison = compare(store, left_id, right_id)
        except StorytraceError as error:
            raise click.ClickException(str(error)) from error
    click.echo(render_side_by_side(comparison, width=width))


@main.group()
def bench() -> None:
    """Measure storytrace on benchmark data and print the figures.

    Example: storytrace bench extraction ../shared/data/article-extraction-benchmark
    """


@bench.command("extraction")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--mode",
    type=click.Choice(["storytrace", "extract"]),
    default="storytrace",
    show_default=True,
    help="score the whole cleaning path, or the HTML extractor alone",
)
@click.option("--limit", type=int, help="score only the first N pages")
def bench_extraction(path: Path, mode: Literal["storytrace", "extract"], limit: int | None) -> None:
    """Main-text extraction on the Zyte article-extraction benchmark.

    Prints precision, recall and F1 of word 4-gram shingles averaged per page
    (the benchmark's own metric), exact-match accuracy and pages per second.

    Example: storytrace bench extraction ../shared/data/article-extraction-benchmark
    """
    from storytrace.bench.extraction import run_extraction_benchmark

    result = run_extraction_benchmark(path, mode=mode, limit=limit)
    click.echo(f"mode        {result.mode}")
    click.echo(f"pages       {result.pages}")
    click.echo(f"precision   {result.precision:.4f}")
    click.echo(f"recall      {result.recall:.4f}")
    click.echo(f"f1          {result.f1:.4f}")
    click.echo(f"accuracy    {result.accuracy:.4f}")
    click.echo(f"pages/s     {result.pages_per_second:.1f}")
    click.echo(f"rejected    {len(result.rejected)}")
    worst = ", ".join(f"{s.id[:12]} {s.f1:.2f}" for s in result.scores[:5])
    click.echo(f"worst pages {worst}")


def _score_line(name: str, score: ClusteringScore) -> str:
    return (
        f"{name:<46} P {score.precision:.3f}  R {score.recall:.3f}  "
        f"F1 {score.f1:.3f}  ARI {score.ari:.3f}  ({score.predicted_clusters} stories)"
    )


@bench.command("stories")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--scale",
    "sizes",
    type=int,
    multiple=True,
    help="also group generated corpora of these sizes (e.g. --scale 10000 --scale 20000)",
)
@click.option(
    "--incremental", is_flag=True, help="also compare incremental runs with a one-shot run"
)
@click.option(
    "--real-pairs",
    "real_pairs",
    type=click.Path(exists=True, path_type=Path),
    help="also score real news pairs in ten languages (the SemEval-2022 Task 8 sample folder)",
)
def bench_stories(
    path: Path, sizes: tuple[int, ...], incremental: bool, real_pairs: Path | None
) -> None:
    """Story grouping on ECB+: B-cubed precision, recall, F1 and adjusted Rand index.

    Thresholds are tuned on some topics and scored on the others (halves, and
    5-fold by topic); the defaults on all of ECB+ are shown for reference. With
    --real-pairs, every text of the sample is grouped in one run and each judged
    pair is scored, cross-validated, beside TF-IDF and multilingual USE cosines.

    Example: storytrace bench stories ../shared/data/ecbplus
    --real-pairs ../shared/data/semeval2022-task8-sample
    """
    from storytrace.bench.stories import run_stories_benchmark

    if real_pairs is not None:
        _bench_real_pairs(real_pairs)

    result = run_stories_benchmark(path)
    click.echo(f"ECB+: {result.articles} articles, {result.gold_stories} gold stories")
    click.echo(_score_line("each topic as one story", result.topic_as_story))
    click.echo(
        _score_line(
            f"TF-IDF average link (tuned on all, {result.tfidf_baseline_threshold:.2f})",
            result.tfidf_baseline,
        )
    )
    for held in result.halves:
        name = f"held out: tuned on {'+'.join(held.tuned_on)[:18]}"
        click.echo(_score_line(name, held.test))
    click.echo(_score_line("held out: 5-fold by topic, pooled", result.folds_pooled))
    click.echo(_score_line("defaults on all (chosen on ECB+)", result.defaults))
    click.echo(f"seconds {result.seconds:.1f}")
    if sizes:
        from storytrace.bench.scale import run_scale_benchmark

        scale = run_scale_benchmark(path, sizes=sizes)
        for run in scale.runs:
            click.echo(
                f"scale {run.articles:>6} articles: {run.seconds:7.1f} s wall, "
                f"{run.cpu_seconds:7.1f} s cpu, peak {run.peak_memory_mb:,.0f} MB, "
                f"F1 {run.score.f1:.3f}"
            )
        ratios = ", ".join(f"{r:.2f}" for r in scale.time_ratios)
        click.echo(f"time ratios between sizes: {ratios}")
    if incremental:
        from storytrace.bench.ecbplus import load_ecbplus
        from storytrace.bench.incremental import measure_incremental_agreement

        articles = load_ecbplus(path).articles
        for batches in (2, 5, 10):
            agreement = measure_incremental_agreement(articles, batches=batches)
            click.echo(
                f"incremental in {batches:>2} batches: {agreement.articles_differing} of "
                f"{agreement.articles} articles with other companions than one-shot "
                f"(agreement F1 {agreement.agreement.f1:.3f})"
            )


def _bench_real_pairs(path: Path) -> None:
    from storytrace.bench.stories_pairs import run_pairs_benchmark

    result = run_pairs_benchmark(path)
    chosen = ", ".join(f"{m:.2f}/{t:.2f}" for m, t in result.chosen)
    click.echo(
        f"real pairs: {result.articles} articles grouped in one run, {result.pairs} judged "
        f"pairs, {result.folds}-fold cross-validation (min similarity/link chosen: {chosen})"
    )
    click.echo(
        f"{'pairs':<16}{'n':>5}{'same':>6}   {'storytrace P / R / F1':<24}"
        f"{'TF-IDF F1':>10}{'USE F1':>8}"
    )
    for row in result.rows:
        ours = row.ours
        click.echo(
            f"{row.name:<16}{row.pairs:>5}{row.same:>6}   "
            f"{ours.precision:.3f} / {ours.recall:.3f} / {ours.f1:.3f}   "
            f"{row.tfidf.f1:>10.3f}{row.use.f1:>8.3f}"
        )
    click.echo(
        f"defaults on all pairs (in-sample): P {result.defaults.precision:.3f} "
        f"R {result.defaults.recall:.3f} F1 {result.defaults.f1:.3f}"
    )
    click.echo(f"seconds {result.seconds:.1f}")


@bench.command("reuse")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--embeddings/--no-embeddings",
    default=False,
    show_default=True,
    help="add paraphrase detection with sentence embeddings (slower)",
)
@click.option("--max-stories", type=int, help="score only the first N generated stories")
@click.option(
    "--split",
    type=click.Choice(["dev", "test"]),
    default="test",
    show_default=True,
    help="which generated split to score; baselines and models are always fitted on dev",
)
@click.option(
    "--pairs/--no-pairs",
    default=True,
    show_default=True,
    help="also score the 170 annotated real ECB+ pairs (tests/data/reuse_pairs)",
)
@click.option(
    "--fit",
    is_flag=True,
    help="refit the direction and edge models on the dev split and write them into the "
    "package (storytrace/reuse/data) before scoring",
)
def bench_reuse(
    path: Path, embeddings: bool, max_stories: int | None, split: str, pairs: bool, fit: bool
) -> None:
    """Provenance on a corpus generated from ECB+ that plants no cue, and on real pairs.

    Prints relation accuracy, derivation-edge precision and recall, direction
    accuracy by what each pair offers (dates, a credit, neither), a reliability
    table of edge confidence, PAN passage measures, origins and lineages, next
    to three baselines (earlier wins, four rules, TF-IDF cosine), all in one
    run; then copy-or-not on the annotated real pairs with their baselines.

    Example: storytrace bench reuse ../shared/data/ecbplus
    """
    from storytrace.bench.reuse import format_reuse_result, run_reuse_benchmark
    from storytrace.bench.reuse_pairs import format_reuse_pairs_result, run_reuse_pairs_benchmark
    from storytrace.embeddings import embed_texts

    embed = embed_texts if embeddings else None
    if fit:
        from storytrace.bench.reuse_fit import fit_reuse_models, write_models

        models = fit_reuse_models(path, embed=embed)
        for written in write_models(models):
            click.echo(f"wrote {written}")
    result = run_reuse_benchmark(path, embed=embed, max_stories=max_stories, split=split)
    click.echo(format_reuse_result(result))
    if pairs:
        click.echo("")
        click.echo(format_reuse_pairs_result(run_reuse_pairs_benchmark(path, embed=embed)))


@bench.command("translation")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--translations",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("tests/data/translations/translations.jsonl"),
    show_default=True,
    help="the hand-translated ECB+ articles with their sentence-level gold",
)
def bench_translation(path: Path, translations: Path) -> None:
    """Translated copies: PAN measures per language on hand translations of ECB+ articles,
    false alarms on articles of another event, thresholds cross-validated by topic.

    Example: storytrace bench translation ../shared/data/ecbplus
    """
    from storytrace.bench.translation import format_translation_result, run_translation_benchmark

    click.echo(format_translation_result(run_translation_benchmark(path, translations)))


@bench.command("languages")
@click.option(
    "--labels",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("tests/data/claims_multilingual"),
    show_default=True,
    help="the labelled sentences (references into the shared SemEval sample)",
)
@_shared_option("data/semeval2022-task8-sample")
def bench_languages(labels: Path, shared: Path) -> None:
    """Claim reading in French, Spanish, German, Italian and Arabic: attribution, numbers
    and names, precision and recall per language and split, beside plain baselines.

    Example: storytrace bench languages --shared ../shared
    """
    from storytrace.bench.claims_languages import run_languages_benchmark

    def pr(counts: Any) -> str:
        return f"{counts.precision:.2f}/{counts.recall:.2f} ({counts.labelled:>2})"

    click.echo(
        "split  lang  n    attribution P/R (n)   numbers P/R (n)   names P/R (n)"
        "      | baseline attribution, numbers, names"
    )
    for row in run_languages_benchmark(labels, shared):
        click.echo(
            f"{row.split:<6} {row.language:<4} {row.sentences:>2}   {pr(row.attribution):<20}"
            f"{pr(row.numbers):<18}{pr(row.entities):<18} | {pr(row.baseline_attribution)}, "
            f"{pr(row.baseline_numbers)}, {pr(row.baseline_entities)}"
        )
    click.echo("tune: looked at while the readers were written (in-sample); report: held out")


@bench.command("throughput")
@_shared_option("data/ecbplus", "data/semeval2022-task8-sample")
@click.option(
    "--corpus",
    "corpora",
    multiple=True,
    type=click.Choice(["ecbplus", "generated", "real-pairs"]),
    help="corpora to measure (default: all three)",
)
@click.option(
    "--size",
    type=click.IntRange(min=100),
    default=10_000,
    show_default=True,
    help="articles in the generated corpus",
)
@_workers_option
def bench_throughput(shared: Path, corpora: tuple[str, ...], size: int, workers: int) -> None:
    """End-to-end analyze on ECB+, a generated corpus and the real multilingual pairs:
    articles per second, seconds per stage, peak memory, adding 1 % and an unchanged
    re-run, beside spaCy's English pipeline alone on the same texts.

    Example: storytrace bench throughput --shared ../shared
    """
    from storytrace.bench.throughput import CORPORA, format_throughput, run_throughput

    try:
        result = run_throughput(corpora or CORPORA, shared=shared, size=size, workers=workers)
    except StorytraceError as error:
        raise click.ClickException(str(error)) from error
    click.echo(format_throughput(result))


@bench.command("loaded")
@_shared_option("data/babe", "data/checkthat2025-subjectivity")
def bench_loaded(shared: Path) -> None:
    """Loaded wording on BABE (biased words, sentence bias and opinion) and CheckThat! 2025
    (English subjectivity), macro-F1 and word F1 beside a plain lexicon and the majority class.

    Example: storytrace bench loaded --shared ../shared
    """
    from storytrace.bench.loaded import run_loaded_benchmark

    data = shared / "data"
    try:
        result = run_loaded_benchmark(data / "babe", data / "checkthat2025-subjectivity")
    except StorytraceError as error:
        raise click.ClickException(str(error)) from error

    def words(scores: Any) -> str:
        if scores is None:
            return f"{'-':<17}"
        return f"{scores.precision:.3f}/{scores.recall:.3f}/{scores.f1:.3f}"

    click.echo(
        f"BABE {result.tune_sentences} tune / {result.report_sentences} report sentences; "
        f"CheckThat! tune (train+dev) {result.checkthat_tune_sentences}, dev_test "
        f"{result.checkthat_dev_test_sentences}, test {result.checkthat_test_sentences}"
    )
    click.echo(
        "split   method                                   words P/R/F1 biased  all"
        "                bias F1 (k)  opinion F1 (k)  CheckThat dev_test/test F1 (k)"
    )
    for split, rows in (("tune", result.tune), ("report", result.report)):
        for row in rows:
            click.echo(
                f"{split:<7} {row.method:<40} {words(row.words_biased)}  "
                f"{words(row.words_all)}  {row.bias_f1:.3f} ({row.bias_min_hits})    "
                f"{row.opinion_f1:.3f} ({row.opinion_min_hits})       "
                f"{row.checkthat_dev_test_f1:.3f}/{row.checkthat_test_f1:.3f} "
                f"({row.checkthat_min_hits})"
            )
    click.echo(
        "tune: BABE's tune half and CheckThat! train+dev, where the lexicon thresholds and k "
        "(loaded words per sentence) were chosen (in-sample; its CheckThat! column is "
        "train+dev); report: held out"
    )


@bench.command("claims")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--attributions",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("tests/data/claims/attribution.jsonl"),
    show_default=True,
    help="the hand-annotated attribution set",
)
@click.option(
    "--pairs",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("tests/data/discrepancy_pairs/pairs.jsonl"),
    show_default=True,
    help="the annotated candidate discrepancies between independent ECB+ reports",
)
@click.option(
    "--limit",
    type=int,
    default=700,
    show_default=True,
    help="ECB+ articles used for the discrepancy benchmark",
)
@click.option(
    "--embeddings/--no-embeddings",
    default=True,
    show_default=True,
    help="use sentence embeddings for claim groups",
)
def bench_claims(path: Path, attributions: Path, pairs: Path, limit: int, embeddings: bool) -> None:
    """Discrepancies between independent reports (annotated ECB+ statement pairs) and
    per story, detection of injected changes, claim grouping (ECB+ event coreference)
    and attribution (hand-annotated ECB+ sentences): precision and recall.

    Example: storytrace bench claims ../shared/data/ecbplus
    """
    from storytrace.bench.claims_attribution import run_attribution_bench
    from storytrace.bench.claims_discrepancies import run_discrepancy_bench
    from storytrace.bench.claims_grouping import run_grouping_bench
    from storytrace.bench.claims_independent import (
        format_independent_result,
        run_independent_bench,
    )
    from storytrace.embeddings import embed_texts

    embed = embed_texts if embeddings else None
    if pairs.is_file():
        click.echo(format_independent_result(run_independent_bench(path, pairs, embed=embed)))
    else:
        click.echo(f"independent reports: skipped, no annotated pairs at {pairs}")
    discrepancies = run_discrepancy_bench(path, limit=limit, embed=embed)
    click.echo(
        f"discrepancies: {discrepancies.cases} reworded copies, "
        f"{discrepancies.cases - discrepancies.controls} with one injected change and "
        f"{discrepancies.controls} unchanged controls; "
        f"{discrepancies.false_alarms_on_controls} false alarm(s) on the controls"
    )
    for score in discrepancies.scores:
        click.echo(
            f"  {score.kind:<12} injected {score.injected:>4}  precision {score.precision:.3f}  "
            f"recall {score.recall:.3f}"
        )
    grouping = run_grouping_bench(path, embed=embed)
    click.echo(
        f"claim grouping vs ECB+ event coreference ({grouping.stories} stories, "
        f"{grouping.gold_pairs} gold pairs): precision {grouping.precision:.3f}, "
        f"recall {grouping.recall:.3f}"
    )
    if attributions.is_file():
        result = run_attribution_bench(attributions)
        click.echo(
            f"attribution ({result.attributions} annotated in {result.sentences} sentences):"
        )
        for name, measured in (
            ("source", result.source),
            ("source (exact span)", result.source_exact),
            ("cue", result.cue),
        ):
            click.echo(
                f"  {name:<20} precision {measured.precision:.3f}  recall {measured.recall:.3f}"
            )
    else:
        click.echo(f"attribution: skipped, no annotation set at {attributions}")
