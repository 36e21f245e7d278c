"""The outlets of the generated reuse corpus: their names, web hosts and article URLs.

An outlet is known under several names: the name it gives itself ("The
Harbour Times"), a short name other papers use ("the Times"), an acronym
("NCBN") and a web domain. Credits in copies use any of them, and an article
shows its outlet as a site name (``Article.outlet``), as the host of its URL,
or both, so that the outlet behind a credit is never given by one string.

Domains are derived from the names the ways real outlets' are (the name
joined, with "the", an acronym, initials with the last word as in
"nytimes", hyphens, several public suffixes), and some outlets have a brand
domain that shares nothing with their name. The choice is fixed per outlet, so
one outlet keeps its domain across stories.

>>> outlet = outlet_named("The Harbour Times")
>>> outlet.short, outlet.agency
('the Times', False)
>>> outlet_named("Associated Press").acronym
'AP'
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime

from storytrace.errors import ConfigurationError
from storytrace.normalize import normalize_for_matching


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet: the name it gives itself, the other names it goes by, its domain."""

    name: str
    short: str | None
    acronym: str | None
    domain: str
    agency: bool = False

    @property
    def branded(self) -> bool:
        """Whether the domain shares nothing with the name (a brand domain)."""
        label = self.domain.split(".")[0].replace("-", "")
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", self.name) if w.lower() != "the"]
        hints = [w for w in words if len(w) >= 3] + [(self.acronym or "").lower()]
        return not any(hint and hint in label for hint in hints)

    @property
    def names(self) -> tuple[str, ...]:
        """Every way a credit may name the outlet (the domain last)."""
        found = [self.name, self.short, self.acronym, self.domain]
        return tuple(dict.fromkeys(n for n in found if n))


_NEWSPAPERS = (
    ("The Harbour Times", "the Times", None),
    ("Northgate Post", "the Post", None),
    ("Daily Lantern", "the Lantern", None),
    ("Riverton Herald", "the Herald", None),
    ("Coastline Today", None, None),
    ("Evening Courier", "the Courier", None),
    ("Valley News", None, None),
    ("Metro Gazette", "the Gazette", None),
    ("The Capital Observer", "the Observer", None),
    ("Lakeside Chronicle", "the Chronicle", None),
    ("Summit Daily News", None, "SDN"),
    ("Bay Area Tribune", "the Tribune", "BAT"),
    ("Western Mail Online", "Western Mail", None),
    ("The Morning Star Journal", "the Journal", "MSJ"),
    ("Island Express", "the Express", None),
    ("City Beat Magazine", "City Beat", None),
    ("Global Eye Network", "Global Eye", "GEN"),
    ("Frontier Press", None, None),
    ("Pacific Record", "the Record", None),
    ("Midland Telegraph", "the Telegraph", None),
    ("Union Dispatch", "the Dispatch", None),
    ("The Weekly Examiner", "the Examiner", None),
    ("Atlas Radio News", "Atlas Radio", "ARN"),
    ("Meridian TV News", "Meridian TV", "MTN"),
    ("Harbor Insider", None, None),
    ("Prairie Standard", "the Standard", None),
    ("Granite Monitor", "the Monitor", None),
    ("Delta Review", None, None),
    ("Sunrise Bulletin", "the Bulletin", None),
    ("North Coast Broadcasting Network", "North Coast", "NCBN"),
    ("Eastern Broadcasting Corporation", None, "EBC"),
    ("The Continental Ledger", "the Ledger", None),
    ("Highland Sentinel", "the Sentinel", None),
    ("Redwood Daily", None, None),
    ("Lowland Voice", None, None),
    ("Seaboard Morning Mail", "Morning Mail", "SMM"),
)
_AGENCIES = (
    ("Reuters", None, None, "reuters.com"),
    ("Associated Press", "the AP", "AP", "apnews.com"),
    ("Agence France-Presse", "Agence France Presse", "AFP", "afp.com"),
    ("United Press International", None, "UPI", "upi.com"),
    ("Press Association", "PA Media", "PA", "pa.media"),
    ("Deutsche Presse-Agentur", None, "dpa", "dpa-international.com"),
    # Agencies no wire list knows: being an agency is not a name in a table.
    ("Pacific News Agency", None, "PNA", "pnawire.com"),
    ("Capital Wire Service", "Capital Wire", "CWS", "capitalwire.net"),
)
_BRANDS = (
    "brightwatermedia.com",
    "kestrel.news",
    "stonebridge.net",
    "bluepier.co",
    "northlight-digital.com",
    "tidewaymedia.co.uk",
    "oakandiron.news",
    "newsbay.io",
)
_SUFFIXES = ("com", "com", "com", "com", "co.uk", "com.au", "net", "org", "ca", "ie", "co.nz")
_SUBDOMAINS = ("www.", "www.", "www.", "", "", "news.", "edition.", "m.", "uk.")
_SECTIONS = ("news", "world", "national", "local", "us-news", "breaking", "top-stories")
_LETTERS = re.compile(r"[^a-z0-9]+")


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words).lower()


_STYLES = ("joined", "initials", "the", "hyphen", "acronym", "joined", "online", "brand", "the")


def derive_domain(name: str, acronym: str | None, style: str, rng: random.Random) -> str:
    """A domain for an outlet called ``name``, formed in ``style`` (one of :data:`_STYLES`).

    A style that does not fit the name (no "The" to keep, too few words for
    initials) falls back to the name joined.

    >>> derive_domain("Bay Area Tribune", "BAT", "initials", random.Random(1))
    'batribune.com'
    >>> derive_domain("The Harbour Times", None, "the", random.Random(1))
    'theharbourtimes.com'
    """
    words = [w for w in name.replace("-", " ").split() if w.lower() != "the"]
    joined = _LETTERS.sub("", "".join(words).lower())
    if style == "the" and name.startswith("The "):
        label = "the" + joined
    elif style == "acronym" and (acronym or len(words) >= 3):
        label = (acronym or _initials(words)).lower() + rng.choice(("", "news", ""))
    elif style == "initials" and len(words) >= 2:
        label = _initials(words[:-1]) + _LETTERS.sub("", words[-1].lower())
    elif style == "hyphen" and len(words) >= 2:
        label = "-".join(_LETTERS.sub("", w.lower()) for w in words)
    elif style == "online" and not {"news", "online", "daily"} & {w.lower() for w in words}:
        label = joined + rng.choice(("online", "news", "daily"))
    elif style == "brand":
        return rng.choice(_BRANDS)
    else:
        label = joined
    return f"{label}.{rng.choice(_SUFFIXES)}"


def _build_outlets() -> tuple[Outlet, ...]:
    outlets: list[Outlet] = []
    taken: set[str] = set()
    for index, (name, short, acronym) in enumerate(_NEWSPAPERS):
        rng = random.Random(f"domain-{name}")
        domain = derive_domain(name, acronym, _STYLES[index % len(_STYLES)], rng)
        while domain in taken:
            domain = derive_domain(name, acronym, "joined", rng)
        taken.add(domain)
        outlets.append(Outlet(name, short, acronym, domain))
    for name, short, acronym, domain in _AGENCIES:
        outlets.append(Outlet(name, short, acronym, domain, agency=True))
    return tuple(outlets)


OUTLETS: tuple[Outlet, ...] = _build_outlets()
NEWSPAPERS: tuple[Outlet, ...] = tuple(o for o in OUTLETS if not o.agency)
AGENCIES: tuple[Outlet, ...] = tuple(o for o in OUTLETS if o.agency)


def outlet_named(name: str) -> Outlet:
    """The outlet whose own name is ``name``."""
    for outlet in OUTLETS:
        if outlet.name == name:
            return outlet
    raise ConfigurationError(
        f"outlet {name!r} is not in the corpus's table; known: {', '.join(o.name for o in OUTLETS)}"
    )


def credit_name(outlet: Outlet, rng: random.Random) -> str:
    """How a credit names ``outlet``: its name, short name, acronym or domain."""
    choices = [(outlet.name, 0.45), (outlet.short, 0.2), (outlet.acronym, 0.2)]
    domain = outlet.domain
    if rng.random() < 0.3:
        # Sites that are their domain write it capitalised: "HarbourTimes.com".
        label, _, suffix = domain.partition(".")
        domain = "".join(part.capitalize() for part in label.split("-")) + "." + suffix
    choices.append((domain, 0.15))
    present = [(name, weight) for name, weight in choices if name]
    pick = rng.random() * sum(weight for _, weight in present)
    for name, weight in present:
        pick -= weight
        if pick < 0:
            return name
    return outlet.name


def article_url(outlet: Outlet, headline: str, moment: datetime, rng: random.Random) -> str:
    """A URL on ``outlet``'s domain for an article with this headline, in one of several shapes."""
    folded = normalize_for_matching(headline).text
    slug = "-".join(_LETTERS.sub(" ", folded).split()[:9]) or "story"
    host = rng.choice(_SUBDOMAINS) + outlet.domain
    number = rng.randrange(10**6, 10**8)
    shape = rng.randrange(5)
    if shape == 0:
        path = f"{moment:%Y/%m/%d}/{slug}"
    elif shape == 1:
        path = f"{rng.choice(_SECTIONS)}/{slug}-{number}"
    elif shape == 2:
        path = f"article/{slug}-id{number}"
    elif shape == 3:
        path = f"{rng.choice(_SECTIONS)}/{moment:%Y-%m-%d}/{slug}.html"
    else:
        path = f"story/{number}"
    return f"https://{host}/{path}"
