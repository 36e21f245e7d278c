"""Cleaning that loses nothing: page furniture is set aside with its kind, never deleted.

Scraped news text carries photo captions and credits, bylines, share and
subscribe buttons, "You might also like" lists, correction and comment forms,
op-ed notices, paragraphs shown twice, and lines every page of a site repeats.
:func:`split_paragraphs` cuts a text into paragraphs with their offsets,
:func:`mark_furniture` labels the furniture of one article,
:func:`mark_templates` labels lines that recur across articles of one outlet,
and :func:`assemble` turns the labelled paragraphs into the clean text and the
list of :class:`~storytrace.models.Removed` pieces.

>>> lines = split_paragraphs("Quake hits city\\n\\nPhoto: AFP\\n\\nA quake hit.")
>>> [p.kind for p in mark_furniture(lines)]
[None, 'credit', None]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from storytrace.models import Removed, RemovedKind
from storytrace.normalize import normalize_for_matching


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One non-blank line of an input, where it sits, and its furniture kind if any."""

    text: str
    start: int
    end: int
    kind: RemovedKind | None = None


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The clean body of an article and everything that was set aside from it."""

    text: str
    title: str | None
    byline: str | None
    removed: tuple[Removed, ...]


# The line boundaries of str.splitlines, so "every input line" means the same everywhere.
_LINE = re.compile("[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Cut ``text`` into its non-blank lines, each with its offsets in ``text``."""
    paragraphs = []
    for match in re.finditer(_LINE, text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        paragraphs.append(Paragraph(stripped, start, start + len(stripped)))
    return tuple(paragraphs)


def _words(text: str) -> int:
    return len(text.split())


_AGENCIES = r"(?:AFP|AP|REUTERS|EPA|GETTY(?: IMAGES)?|ANADOLU|XINHUA|SIPA|DPA|ANSA|TASS|UPI|PA)"

_CREDIT = re.compile(
    rf"\b{_AGENCIES}\s+PHOTO\b"
    r"|^\(?\s*(?:photo(?:graph)?|image|picture|pic|credit|photo credit|foto|illustration)s?"
    r"(?:\s+by)?\s*[:/|]"
    r"|\((?:photo|image|picture|credit)s?\b[^)]{0,80}\)\s*$"
    r"|\b(?:photo|image|picture)s?\s*(?:by|:)\s*[^.!?]{1,60}$"
    r"|/\s*(?:Reuters|AFP|AP|Getty(?: Images)?|EPA(?:-EFE)?|Anadolu(?: Agency)?|Xinhua"
    r"|Shutterstock|Alamy|iStock)\)?\s*$"
    r"|^(?:caption|pictured|above|top|main image)\s*:"
    r"|^(?:image|photo|picture|video) (?:caption|source|credit)s?\s*[,:]",
    re.IGNORECASE,
)

_BYLINE = re.compile(
    r"^\(?\s*(?:author|written by|posted by|reporting by|words by|by|par|por|von)\s*:?\s+"
    r"(?P<name>[^\s()].{0,90}?)\s*\)?$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(
    r"^(?:[A-Z\u00c0-\u024f][\w.'\u2019-]*|and|&|de|van|von|al|el|bin|la|le|du|der|with|avec"
    r"|con|mit|staff|desk|r[ée]daction|redacci[óo]n|redaktion)$"
)

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|f[ée]vrier|mars"
    r"|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|enero|febrero"
    r"|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|januar"
    r"|februar|m[äa]rz|juni|juli|oktober|dezember)"
)
_DAYS = (
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|lundi|mardi|mercredi|jeudi|vendredi|samedi"
    r"|dimanche|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo"
)
_WHEN = rf"(?:\d|{_MONTHS}\b|(?:{_DAYS})\b|today|yesterday|aujourd|hier)"

_CONTRIBUTORS = re.compile(
    r"^\(?(?i:reporting|additional reporting|writing|editing) by "
    r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*\s*(?:[;,)]|$)"
    r"|(?i:\bcontributed (?:reporting|to this (?:report|article|story))\b)"
    r"|(?i:\bmay be reached at\b)"
    r"|^(?i:e-?mail|write to|reach|contact) [A-Z][\w.'-]+(?: [A-Z][\w.'-]+)* (?i:at|on)\b"
    r"|(?i:\bfollow (?:him|her|them) (?:on twitter )?@\w+)"
    r"|^[\w.+-]+@[\w-]+\.[\w.]+$"
)

_LINE_RULES: tuple[tuple[RemovedKind, re.Pattern[str], int], ...] = (
    # (kind, pattern, max words of a line the pattern may claim)
    (
        "opinion_notice",
        re.compile(
            r"views expressed .{0,60}\b(?:are|is) (?:those|that|solely those) of the author"
            r"|views expressed .{0,60}\bare (?:the author(?:'|\u2019)s|(?:his|her|their)) own\b"
            r"|\bdo(?:es)? not necessarily reflect the (?:opinions?|views?|position|polic(?:y|ies))"
            r"|\b(?:submit|send(?: us)?) (?:an?|your) (?:op-?ed|opinion (?:piece|article|column)"
            r"|guest (?:column|post)|letter to the editor)\b"
            r"|\b(?:op-?ed|opinion|letters?) submissions?\b|\bsubmission guidelines\b"
            r"|n'engagent? que (?:leur|son) auteur|opiniones? (?:expresadas? )?.{0,40}"
            r"responsabilidad exclusiva",
            re.IGNORECASE,
        ),
        80,
    ),
    (
        "correction_form",
        re.compile(
            r"^(?:submit|suggest|send|report|request) an? (?:correction|error|mistake|typo|tip)\b"
            r"|^(?:do you have|have you (?:spotted|found|seen)|spott?(?:ed)?|found|see"
            r"|notice(?:d)?) an? (?:correction|error|mistake|typo)\b[^.]{0,40}\?"
            r"|^your (?:correction|suggestion|feedback|report|tip|submission|message)"
            r" (?:has been|was) (?:successfully )?(?:submitted|sent|received)"
            r"|^(?:thank you|thanks)\b.{0,30}\b(?:your|for) (?:correction|suggestion|feedback|tip"
            r"|submission)\b"
            r"|^signaler une erreur|^reportar (?:un )?error|^fehler melden",
            re.IGNORECASE,
        ),
        40,
    ),
    (
        "comment_form",
        re.compile(
            r"^(?:leave|post|add|write) a (?:comment|reply|response)\b"
            r"|your email address will not be published|required fields are marked"
            r"|save my name, email|^comments? (?:are )?closed|^\d+\s+comments?$|^comments?$"
            r"|^(?:log ?in|sign in) to (?:comment|reply)|^join the (?:conversation|discussion)\b"
            r"|^post comment$|^(?:name|email|website)\s*\*?$"
            r"|^laisser un commentaire|^(?:\d+\s+)?commentaires?$|^r[ée]agir\b"
            r"|votre adresse (?:e-?mail|de messagerie) ne sera pas publi[ée]e"
            r"|^(?:deja|dejar|escribe) (?:un|tu) comentario|^(?:\d+\s+)?comentarios?$"
            r"|^kommentar (?:schreiben|verfassen)|^(?:\d+\s+)?kommentare?$",
            re.IGNORECASE,
        ),
        25,
    ),
    (
        "related",
        re.compile(
            r"^(?:you (?:might|may) (?:also )?(?:like|enjoy)|related(?: articles?| stories| news"
            r"| posts| coverage| content)?|read (?:more|also|next)|also read|see also"
            r"|recommended(?: for you| stories)?|more (?:from|on|stories|news)\b"
            r"|most (?:read|popular|viewed|shared)|trending(?: now)?|latest (?:news|stories)"
            r"|don'?t miss|what to read next|further reading"
            r"|(?:[àa] )?lire aussi|sur le m[êe]me (?:sujet|th[èe]me)|vous aimerez aussi"
            r"|les plus lus|(?:te puede interesar|lee tambi[ée]n|leer m[áa]s|m[áa]s le[íi]d[oa]s)"
            r"|lesen sie auch|mehr zum thema|meistgelesen)\b\s*:?",
            re.IGNORECASE,
        ),
        15,
    ),
    (
        "subscribe",
        re.compile(
            # an imperative or the site's own voice, so news about a newsletter stays text
            r"(?:^|[.!?]\s+)(?:subscribe|sign up)\b|\bsubscribe (?:now|today|here)\b"
            r"|^register (?:now|today|here|for free|to (?:continue|read|comment))\b"
            r"|\b(?:click|tap) here to (?:subscribe|sign up)\b"
            r"|\b(?:subscrib(?:e|ing)|sign(?:ing)? up) (?:to|for) our\b"
            r"|^(?:[\w'\u2019&-]+ ){0,4}newsletters?\s*:?$"
            r"|^newsletters? (?:sign[- ]?up|subscription)\b"
            r"|^(?:get|receive|have)\b[^.!?]{0,80}\b(?:in|to|into) your inbox\b"
            r"|\b(?:delivered|straight|directly|right|sent)\s+(?:in|to|into)\s+your inbox\b"
            r"|^enter your e-?mail|\bunsubscribe at any time\b"
            r"|^(?:follow|like|join|find) us (?:on|at)\b|^download (?:our|the) app\b"
            r"|^stay (?:with|tuned(?: to)?)\b.{0,40}\bfor (?:the )?(?:latest|updates|more)\b"
            r"|^listen (?:live|to us)\b|^watch (?:live|us)\b"
            r"|^abonnez-vous|^inscrivez-vous|^suscr[íi]bete|^abonnieren\b|^jetzt abonnieren"
            r"|^get access to\b|^if you (?:enjoyed|liked) this (?:article|story)"
            r"|^like this (?:article|story)\?"
            r"|^follow (?:@\w+|(?:\S+ ){1,4}on (?:twitter|x|instagram|facebook|linkedin|youtube"
            r"|tiktok|threads|bluesky|telegram|whatsapp)\b)",
            re.IGNORECASE,
        ),
        25,
    ),
    (
        "advertisement",
        re.compile(
            r"^(?:advertisement|advertising|sponsored(?: content)?|promoted(?: content)?|ad"
            r"|story continues below(?: advertisement)?|continue reading below|publicit[ée]"
            r"|publicidad|anzeige|werbung)$",
            re.IGNORECASE,
        ),
        6,
    ),
    (
        "navigation",
        re.compile(
            r"accept (?:all )?cookies|cookie (?:policy|settings)|^skip to (?:main )?"
            r"content|^(?:menu|home|search|close|back to top|next article|previous article)$"
            r"|all rights reserved|^\u00a9|^copyright\b|^privacy policy|^terms (?:of|and) "
            r"(?:use|service|conditions)|tous droits r[ée]serv[ée]s|^accueil$"
            r"|todos los derechos reservados|alle rechte vorbehalten"
            r"|\bfor (?:your )?personal,? non-?commercial use\b"
            r"|^(?:order|buy|purchase|request) (?:a )?reprints?\b"
            r"|^reprints?(?: (?:and|&) permissions)?$"
            r"|\b(?:this (?:site|website) uses|we use) cookies\b"
            r"|\bby continuing to (?:browse|use)\b"
            r"|^print (?:this )?article$|^text size$|^https?://\S+$"
            r"|^[^.!?]{1,40}(?:\s[\u2022\u203a\u00bb>|/]\s[^.!?]{1,40})+$",
            re.IGNORECASE,
        ),
        25,
    ),
    (
        "metadata",
        re.compile(
            rf"^(?:published|updated|posted|last (?:updated|modified)|first published|modified"
            rf"|publi[ée]|mis [àa] jour|actualizado|publicado|aktualisiert|ver[öo]ffentlicht)"
            rf"(?:\s+(?:on|at|le|el|am|il))?\s*:?\s*{_WHEN}"
            rf"|^\d+\s*(?:min(?:ute)?s?)\s+(?:read|de lecture|de lectura|lesezeit)$"
            rf"|^(?:tempo de leitura|temps de lecture|tiempo de lectura|reading time)\s*:"
            rf"|^(?:filed under|tags|topics|schlagw[öo]rter|mots-cl[ée]s|etiquetas)\s*:"
            rf"|^(?:(?:{_DAYS}),?\s+)?(?:\d{{1,2}}\s+{_MONTHS}|{_MONTHS}\s+\d{{1,2}}),?\s+\d{{4}}"
            rf"(?:,?\s*(?:at\s+)?\d{{1,2}}[:.h]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?$"
            rf"|^\d{{4}}-\d{{2}}-\d{{2}}(?:[ T]\d{{2}}:\d{{2}}(?::\d{{2}})?)?$",
            re.IGNORECASE,
        ),
        20,
    ),
)

_SHARE_WORDS = frozenset(
    {
        "share", "shares", "sharing", "tweet", "retweet", "email", "e-mail", "mail", "print",
        "whatsapp", "facebook", "twitter", "x", "linkedin", "pinterest", "reddit", "telegram",
        "messenger", "copy", "link", "url", "this", "article", "story", "on", "via", "save",
        "bookmark", "comment", "comments", "flipboard", "bluesky", "threads", "mastodon",
        "tumblr", "sms",
    }
)  # fmt: skip

# Kinds that open a block of furniture: the short lines right after them are
# part of the same form or list (a correction form's "For: <headline>", the
# headlines of a "You might also like" list).
_BLOCK_OPENERS: dict[RemovedKind, int] = {
    "correction_form": 40,
    "comment_form": 40,
    "related": 15,
    "subscribe": 12,
    "opinion_notice": 0,
}


def _is_structured(text: str) -> bool:
    """A table row or list item as the extractor writes them: never furniture by shape."""
    return text.startswith(("- ", "* ", "\u2022 ")) or (text.startswith("|") and text.endswith("|"))


def classify_line(text: str) -> RemovedKind | None:
    """The furniture kind of one line taken alone, or ``None`` for article text."""
    if text.startswith("|") and text.endswith("|"):
        return None
    words = _words(text)
    if words <= 12:
        tokens = re.findall(r"[\w-]+", text.lower())
        if (
            tokens
            and all(token in _SHARE_WORDS for token in tokens)
            and (
                {"share", "tweet", "whatsapp", "facebook", "twitter", "linkedin", "email", "print"}
                & set(tokens)
            )
        ):
            return "share"
    if words <= 40 and _CONTRIBUTORS.search(text):
        return "byline"
    credit = _CREDIT.search(text)
    if credit:
        rest = text[: credit.start()] + " " + text[credit.end() :]
        described = sum(1 for word in rest.split() if any(char.isalpha() for char in word))
        return "caption" if described >= 4 else "credit"
    byline = _byline_name(text)
    if byline is not None:
        return "byline"
    for kind, pattern, max_words in _LINE_RULES:
        if words <= max_words and pattern.search(text):
            return kind
    return None


def _byline_name(text: str) -> str | None:
    match = _BYLINE.match(text)
    if match is None:
        return None
    name = match.group("name").strip(" .,;:|")
    name = re.split(r"\s*[|,;]\s*(?=(?:\d|updated|published|posted|[A-Z][a-z]{2} \d))", name)[0]
    words = name.split()
    if not 1 <= len(words) <= 10 or not all(_NAME_WORD.match(w.rstrip(",")) for w in words):
        return None
    return name


def mark_furniture(paragraphs: Sequence[Paragraph]) -> tuple[Paragraph, ...]:
    """Label the page furniture of one article: single lines, blocks and repeats."""
    marked: list[Paragraph] = []
    open_block: tuple[RemovedKind, int] | None = None
    for paragraph in paragraphs:
        kind = classify_line(paragraph.text)
        if kind is None and open_block is not None:
            block_kind, max_words = open_block
            if _words(paragraph.text) <= max_words:
                kind = block_kind
            else:
                open_block = None
        if kind is not None and _BLOCK_OPENERS.get(kind):
            open_block = (kind, _BLOCK_OPENERS[kind])
        marked.append(replace(paragraph, kind=kind))
    return _mark_duplicates(marked)


def _match_key(text: str) -> str:
    return normalize_for_matching(text).text


DUPLICATE_MIN_WORDS = 10
"""Shorter repeats (list items, table headers, interview questions) are kept as text."""


def _mark_duplicates(paragraphs: Sequence[Paragraph]) -> tuple[Paragraph, ...]:
    """A paragraph shown again on the same page (even with other quotes) is a duplicate."""
    seen: set[str] = set()
    marked = []
    for paragraph in paragraphs:
        key = _match_key(paragraph.text)
        repeated = key in seen and _words(paragraph.text) >= DUPLICATE_MIN_WORDS
        if repeated and not _is_structured(paragraph.text):
            paragraph = replace(paragraph, kind="duplicate")
        seen.add(key)
        marked.append(paragraph)
    return tuple(marked)


def template_lines(
    articles: Sequence[Sequence[Paragraph]], *, min_articles: int = 2, max_words: int = 30
) -> frozenset[str]:
    """Match keys of short lines that recur in ``min_articles`` or more articles of one outlet.

    Pass the paragraphs of every article of one outlet; the result feeds
    :func:`mark_templates`.
    """
    keyed = [frozenset(_match_key(p.text) for p in paragraphs) for paragraphs in articles]
    holders: defaultdict[str, list[int]] = defaultdict(list)
    for index, keys in enumerate(keyed):
        for key in keys:
            holders[key].append(index)
    versions = _versions(keyed, holders)
    short = {
        _match_key(p.text)
        for paragraphs in articles
        for p in paragraphs
        if _words(p.text) <= max_words
    }
    return frozenset(
        key for key in short if len({versions[i] for i in holders[key]}) >= min_articles
    )


def _versions(keyed: Sequence[frozenset[str]], holders: dict[str, list[int]]) -> list[int]:
    """Group articles that are versions of one text (they share most of their lines).

    Lines shared only by versions of one article (a page saved twice, an
    updated story) are that article's text, not the site's template.
    """
    parent = list(range(len(keyed)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    shared: defaultdict[tuple[int, int], int] = defaultdict(int)
    for indexes in holders.values():
        if len(indexes) > 50:
            continue
        for position, first in enumerate(indexes):
            for second in indexes[position + 1 :]:
                shared[first, second] += 1
    for (first, second), count in shared.items():
        if count * 2 > min(len(keyed[first]), len(keyed[second])):
            parent[root(first)] = root(second)
    return [root(index) for index in range(len(keyed))]


def mark_templates(
    paragraphs: Sequence[Paragraph], templates: frozenset[str]
) -> tuple[Paragraph, ...]:
    """Label the still-unlabelled lines whose match key is a site template line."""
    if not templates:
        return tuple(paragraphs)
    return tuple(
        replace(p, kind="template") if p.kind is None and _match_key(p.text) in templates else p
        for p in paragraphs
    )


def _looks_like_headline(paragraph: Paragraph, following: Sequence[Paragraph]) -> bool:
    text = paragraph.text
    return (
        2 <= _words(text) <= 35
        and not text.endswith((".", ":", ";", ","))
        and any(_words(p.text) >= 12 for p in following)
    )


def _is_author_bio(paragraph: Paragraph, byline: str | None) -> bool:
    """An op-ed's closing line about its author: "Jane Doe is a former harbour pilot"."""
    if not byline or _words(paragraph.text) > 60:
        return False
    name = re.escape(" ".join(byline.split()))
    return re.match(rf"{name},? (?:is|was|writes|est|es|ist)\b", paragraph.text) is not None


def assemble(
    paragraphs: Sequence[Paragraph],
    *,
    title: str | None,
    with_offsets: bool,
    byline: str | None = None,
) -> Cleaned:
    """Join the article's own paragraphs and collect the removed pieces.

    Without a ``title`` from metadata, the first line of the body becomes the
    title when it reads like a headline (plain text has no other place for
    one); with one, a line near the top repeating it is the page's own
    headline. The line is then kept in ``removed`` as ``headline`` so that
    nothing is lost. A closing line about the author named in ``byline`` is
    set aside as a byline. With ``with_offsets`` removed pieces carry their
    offsets in the input text.
    """
    paragraphs = list(paragraphs)
    body = [i for i, p in enumerate(paragraphs) if p.kind is None]
    if body:
        first = paragraphs[body[0]]
        if title is None:
            if _looks_like_headline(first, [paragraphs[i] for i in body[1:]]):
                title = first.text
                paragraphs[body[0]] = replace(first, kind="headline")
        else:
            for index in body[:3]:
                if _match_key(paragraphs[index].text) == _match_key(title):
                    paragraphs[index] = replace(paragraphs[index], kind="headline")
                    break
        last = paragraphs[body[-1]]
        if len(body) > 1 and _is_author_bio(last, byline):
            paragraphs[body[-1]] = replace(last, kind="byline")
    byline = byline or next(
        (
            name
            for p in paragraphs
            if p.kind == "byline" and (name := _byline_name(p.text)) is not None
        ),
        None,
    )
    removed = tuple(
        Removed(
            kind=p.kind,
            text=p.text,
            start=p.start if with_offsets else None,
            end=p.end if with_offsets else None,
        )
        for p in paragraphs
        if p.kind is not None
    )
    text = "\n\n".join(p.text for p in paragraphs if p.kind is None)
    return Cleaned(text=text, title=title, byline=byline, removed=removed)
