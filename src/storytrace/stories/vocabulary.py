"""Closed word lists for story features: English function words, months and weekdays.

Function words say nothing about which event an article reports, and month and
weekday names are capitalised without being names of people, organisations or
places.

>>> "the" in STOP_WORDS, "earthquake" in STOP_WORDS
(True, False)
>>> MONTHS["sept"]
9
"""

from __future__ import annotations

STOP_WORDS = frozenset(
    """
    a about above across after afterwards again against ago all almost alone along already also
    although always am among amongst an and another any anyhow anyone anything anyway anywhere
    are around as at back be became because become becomes becoming been before beforehand
    behind being below beside besides between beyond both but by can cannot could did do does
    doing done down due during each either else elsewhere enough etc even ever every everyone
    everything everywhere except few for former formerly from further had has have having he
    hence her here hereafter hereby herein hers herself him himself his how however i if in
    indeed into is it its itself just last latter latterly least less many may me meanwhile
    might mine more moreover most mostly much must my myself namely neither never nevertheless
    next no nobody none noone nor not nothing now nowhere of off often on once one only onto or
    other others otherwise our ours ourselves out over own per perhaps please rather re said same
    say says see seem seemed seeming seems several she should since so some somehow someone
    something sometime sometimes somewhere still such than that the their theirs them themselves
    then thence there thereafter thereby therefore therein thereupon these they this those though
    through throughout thru thus to together too toward towards under until up upon us very via
    was we well were what whatever when whence whenever where whereafter whereas whereby wherein
    whereupon wherever whether which while whither who whoever whole whom whose why will with
    within without would yet you your yours yourself yourselves told according also just like
    new news reported report reports reporter reporters told tells tell get got make made
    mr mrs ms dr st i'm i've i'd i'll it's that's there's here's he's she's we're we've we'd
    they're they've you're you've don't doesn't didn't can't won't isn't wasn't aren't weren't
    haven't hasn't couldn't wouldn't shouldn't let's """.split()
)
"""Words that carry no event: function words and reporting verbs."""

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
"""Month names and abbreviations, lower case, to their number."""

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
"""Full month names, lower case, January first."""

WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun".split()
)
"""Weekday names and abbreviations, lower case."""
