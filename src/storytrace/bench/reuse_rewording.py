"""Rule rewording: a sentence told again in other words, in the same order, with the same facts.

A stand-in for a human rewrite, without a generation model: the attribution
("..., police said.") moves to the front, an opening phrase moves to the end,
numbers change their spelling, and most content words are swapped for a
synonym from a hand-made table of news vocabulary (several choices each,
inflected forms listed). Names, numbers' values and quotations stay, so the
rewrite keeps the facts; what it shares with its source word for word is mostly
short runs of function words and names.

>>> import random
>>> reword_sentence("The fire killed two people near the city, police said.", random.Random(2))
'Police stated that the inferno claimed the lives of 2 residents by the municipality.'
"""

from __future__ import annotations

import random
import re

_TABLE = """
year:twelve months years:twelve-month periods police:officers|law enforcement
people:individuals|persons|residents time:moment first:initial|opening three:3 two:2 four:4
five:5 six:6 seven:7 eight:8 nine:9 ten:10 old:aged season:campaign fire:blaze|inferno
game:match|contest second:next man:male|gentleman million:mn team:side|squad
building:structure|edifice killed:left dead|claimed the lives of night:evening
death:passing|demise family:relatives|loved ones hit:struck|slammed
shot:gunned down died:perished|passed away state:government found:discovered|located
shooting:gunfire|gun attack company:firm|business left:departed|exited murder:killing|slaying
today:on this day days:24-hour periods business:firm|company play:contest later:afterwards
points:pts going:heading take:grab took:grabbed|seized government:administration
life:lifetime record:mark|tally week:seven days end:close|conclusion called:named|dubbed
prison:jail|penitentiary office:bureau|post statement:announcement|declaration
home:residence|house way:manner arrested:detained|taken into custody head:chief|boss
court:tribunal high:elevated quake:tremor|temblor injured:hurt|wounded federal:national
school:academy|college set:placed announced:declared|revealed|unveiled
case:matter|affair run:operate charges:counts|allegations hours:hrs area:zone|district
show:programme security:safety half:50 per cent third:3rd charged:indicted|accused
attack:assault|strike officers:agents|officials early:initial came:arrived
released:freed|let go away:off general:overall power:authority|strength near:close to|by
administration:government city:town|municipality director:chief|head know:realise
help:assist|aid|support put:placed trial:hearing|court case services:operations
went:headed running:operating woman:female|lady technology:tech long:lengthy
coach:trainer women:females car:vehicle|automobile store:shop|outlet outside:beyond
deal:agreement|pact church:chapel times:occasions president:head of state jury:panel
scene:site|location species:kind added:noted|remarked games:matches part:portion
inside:within history:past group:organisation|band saying:stating month:four weeks
offer:bid|proposal gun:firearm|weapon killing:slaying|murder health:wellbeing
country:nation career:working life late:belated making:producing best:finest|top
began:started|commenced dead:deceased|killed break:pause percent:per cent center:centre
community:neighbourhood official:authority|representative miles:mi call:phone
support:backing world:globe expected:anticipated|projected law:statute members:affiliates
saw:witnessed|observed mother:mom|mum party:gathering decision:ruling|verdict good:fine
lot:great deal spokesman:spokesperson|representative children:kids|youngsters
received:got|obtained public:population authorities:officials think:believe
asked:questioned source:insider officials:authorities struck:hit|slammed want:wish
win:victory number:figure|total based:founded place:location local:regional
come:arrive held:kept quarter:period name:title investigation:probe|inquiry rule:regulation
start:beginning use:usage young:youthful top:highest agency:bureau line:row taken:seized
tried:attempted gang:crew damage:destruction|harm release:publication big:large|huge
earlier:previously following:after magnitude:strength person:individual
convicted:found guilty gave:handed software:applications led:headed months:weeks
information:details|data job:position|role service:operation agencies:bureaus
yesterday:the previous day little:small past:previous|former won:clinched|secured
played:competed lead:advantage workers:employees|staff hard:difficult|tough
minutes:mins fourth:4th loss:defeat better:superior caused:triggered|sparked
system:setup phone:telephone market:industry heard:listened to close:shut
chief:head|boss suspect:accused|alleged culprit seen:spotted|observed sentence:term
returned:came back confirmed:verified|acknowledged need:require driving:motoring
free:released large:big|sizeable face:confront special:particular
international:global weeks:several weeks players:athletes traffic:road users
keep:retain manager:boss arrest:detention player:athlete broke:smashed far:distant
coming:arriving billion:bn look:glance leading:top possible:potential action:move
film:movie turned:became accused:charged|alleged lost:failed|was defeated
defense:defence able:capable return:comeback felt:sensed problem:issue|difficulty
appeared:seemed agent:representative bomb:explosive device apartment:flat|residence
affected:hit girl:young woman series:string great:tremendous|huge trying:attempting
assault:attack continue:carry on major:significant|big thought:believed working:labouring
guilty:culpable acquisition:purchase|takeover deputy:assistant attorney:lawyer
door:entrance believed:thought described:characterised judge:magistrate
decades:generations victims:casualties damaged:harmed hospital:medical centre
scoring:netting bank:lender star:celebrity total:overall give:hand full:complete
capital:capital city room:chamber suffered:sustained scored:netted getting:obtaining
movie:film recent:latest ended:finished|concluded strike:attack son:boy leader:chief
using:employing money:cash|funds fight:battle|clash ship:vessel update:upgrade
small:minor|little nation:country field:pitch drive:push entered:went into given:handed
recently:lately started:began|launched current:present changes:alterations child:kid
district:area care:attention protect:shield gas:fuel needed:required soon:shortly
placed:put street:road available:on offer wife:spouse likely:probable future:coming
streets:roads vessel:ship looking:seeking taking:grabbing hearing:session heart:core
crime:offence scientists:researchers course:path member:affiliate immediately:at once
served:acted floor:storey political:partisan previous:prior|earlier brother:sibling
cut:reduced oil:crude region:area story:report executive:officer moved:shifted
nearly:almost|close to injury:wound fell:dropped afternoon:midday chance:opportunity
remain:stay signed:inked named:called stopped:halted worked:laboured brought:carried
ran:operated allegedly:reportedly destroyed:wrecked|demolished vessels:ships
followed:came after control:command body:corpse media:press house:home vehicle:car
conference:meeting driver:motorist sure:certain stop:halt position:post
national:countrywide companies:firms hand:palm spent:passed latest:newest town:city
senior:top vice:deputy process:procedure critical:serious injuries:wounds energy:power
province:region list:roster pulled:hauled nearby:close by jail:prison side:team
winning:victorious plans:proposals identified:named firm:company violence:unrest
finally:eventually showed:revealed leaving:departing strong:powerful wrote:penned
incident:episode|event fans:supporters medical:health ground:earth houses:homes
open:unlocked low:small wanted:sought employees:workers|staff teams:sides riot:unrest
operation:mission video:footage facility:site details:particulars allow:permit
forward:ahead shortly:soon witnesses:onlookers|bystanders title:crown central:main
products:goods knee:leg island:isle flaw:defect checked:booked actress:performer
rehab:rehabilitation managed:succeeded announcement:statement weekend:two days
problems:issues looked:appeared final:last issues:problems things:matters turn:shift
countries:nations thousands:many thousands believe:think experts:specialists
largest:biggest main:principal finished:completed probably:likely charge:count
champion:titleholder employee:worker boats:vessels blaze:fire ball:sphere date:day
completed:finished contract:agreement estimated:approximately playing:competing
biggest:largest jurors:jury members measures:steps sent:dispatched victim:casualty
quickly:rapidly|swiftly evidence:proof assistant:aide crowd:throng failed:did not manage
testified:gave evidence armed:carrying weapons dropped:fell shots:gunshots issue:matter
campaign:drive situation:circumstances short:brief bad:poor actor:performer
single:lone walking:strolling performance:display fled:escaped|ran from war:conflict
fighting:combat find:locate hour:60 minutes prosecutor:state attorney difficult:hard
threw:hurled happened:took place|occurred bring:deliver neighborhood:area|quarter
design:layout related:linked age:years secret:hidden boss:chief residents:locals|inhabitants
criminal:illegal navy:naval forces display:screen bullet:round computers:machines
bombs:explosives homes:houses helped:assisted|aided adding:noting threatened:menaced
south:southern listed:named opened:launched stay:remain network:web escape:getaway
live:reside father:dad election:vote sentenced:jailed growing:increasing
reportedly:allegedly staff:personnel different:distinct occurred:happened|took place
included:contained hold:retain hands:palms act:law hundreds:scores black:dark
closed:shut victory:win caught:captured serious:grave recovered:retrieved
sister:sibling offices:premises scale:size fix:patch interview:conversation knew:realised
despite:in spite of fact:truth similar:comparable ability:capacity girls:young women
witness:onlooker missed:skipped cause:reason attacked:assaulted wounded:injured
attention:notice personal:private order:sequence walked:strolled allowed:permitted
leave:depart evening:night legal:judicial families:households attempted:tried
denied:rejected passed:went by pay:salary groups:organisations dozen:12
program:programme decided:chose claimed:asserted accident:crash ordered:instructed
remains:stays rest:remainder financial:monetary forced:compelled double:twofold
carried:bore military:armed forces planning:preparing southern:southerly
rushed:hurried equipment:gear arson:fire-raising declined:refused said:stated|noted
says:states told:informed also:additionally
because:since but:though however:nevertheless more:further many:numerous
several:a number of other:additional including:among them still:yet very:extremely
just:only now:currently
until:till major:key important:significant
"""


def _read_table(table: str) -> dict[str, tuple[str, ...]]:
    """``word:choice|choice`` entries; a choice may have spaces ("left dead")."""
    entries: dict[str, str] = {}
    word = ""
    for token in table.split():
        if ":" in token:
            word, _, choices = token.partition(":")
            entries[word] = choices
        elif word:
            entries[word] += " " + token
    return {word: tuple(choices.split("|")) for word, choices in entries.items()}


SYNONYMS: dict[str, tuple[str, ...]] = _read_table(_TABLE)
"""Synonyms of common news words, several choices each."""

_LEADING_FUNCTION_WORDS = frozenset(
    "after before as when while in on during despite although since for at by with from if once "
    "until".split()
)
MAX_SHARED_RUN = 6
"""A reworded sentence shares no longer run of words with its source (a copied sentence
shares all of it; the annotation guide asks about two sentences for a copy)."""
_DETERMINERS = frozenset("the a an this that these those his her their its our some".split())
_RELATIVES = frozenset("who whom whose which that where when".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_QUOTED = re.compile(r"\"[^\"]*\"")
_ATTRIBUTION_TAIL = re.compile(
    r"^(?P<claim>.+?),\s+(?P<who>[^,\"]{3,60}?)\s+(?P<verb>said|says|told [a-z ]+)\.$"
)


def _keep_case(original: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


def swap_synonyms(sentence: str, rng: random.Random, *, rate: float = 1.0) -> str:
    """About ``rate`` of the words with a synonym replaced by one; quotations are left alone."""

    def swap(match: re.Match[str]) -> str:
        word = match.group()
        choices = SYNONYMS.get(word.lower())
        if choices is None or (word[:1].isupper() and match.start() > 0) or rng.random() >= rate:
            return word
        return _keep_case(word, rng.choice(choices))

    pieces: list[str] = []
    position = 0
    for quoted in _QUOTED.finditer(sentence):
        pieces.append(_WORD.sub(swap, sentence[position : quoted.start()]))
        pieces.append(quoted.group())
        position = quoted.end()
    pieces.append(_WORD.sub(swap, sentence[position:]))
    return "".join(pieces)


_DAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December|(?:19|20)\d\d)"
)
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\b(?i:according to)\b", "as stated by"),
        (r"\b(?i:more than)\b", "over"),
        (r"\b(?i:at least)\b", "no fewer than"),
        (r"\b(?i:a lot of)\b", "plenty of"),
        (r"\b(?i:as well as)\b", "and also"),
        (r"\b(?i:in order to)\b", "to"),
        (r"\b(?i:a number of)\b", "several"),
        (r"\b(?i:at the time)\b", "then"),
        (r"\b(said|says|told \w+) that\b", r"\1"),
        (r"\bhas been\b", "was"),
        (r"\bhave been\b", "were"),
        (r"\bwill be\b", "is set to be"),
        (r"\bwill\b", "is set to"),
        (r"\bwould\b", "was set to"),
        (r"\bcan\b", "is able to"),
        (r"\bbut\b", "yet"),
        (r"\bbecause\b", "as"),
        (r"\b(?i:after) (?=(?:the|a|an|his|her|their|its|\d))", "following "),
        (r"\b(?i:before) (?=(?:the|a|an|his|her|their|its|\d))", "prior to "),
        (r"\babout (?=\d)", "roughly "),
        (r"\bnearly\b", "almost"),
        (r"\bdid not\b", "didn't"),
        (r"\bdoes not\b", "doesn't"),
        (r"\bdo not\b", "don't"),
        (r"\bis not\b", "isn't"),
        (r"\bwas not\b", "wasn't"),
        (r"\bwere not\b", "weren't"),
        (r"\bhas not\b", "hasn't"),
        (r"\bhave not\b", "haven't"),
        (r"\bdidn't\b", "did not"),
        (r"\bwasn't\b", "was not"),
        (r"\bisn't\b", "is not"),
        (r"\b(?i:it)'s\b", "it is"),
        (r"\b(?i:it) is\b", "it's"),
        (r"\bwho was\b", "who had been"),
        (r"\b(?i:when)\b", "as"),
        (r"\balso\b", "additionally"),
        (r"\b(?i:on) (?=" + _DAY + r")", ""),
        (r"\b(?i:in) (?=" + _DAY + r")", "during "),
        (r"\b(was|were|is|are|has|had|have) (?=[a-z]+ed\b)", r"\1 reportedly "),
        (r"(?<![Tt]he )\bthe ([a-z]+) of ([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\b", r"\2's \1"),
        (
            r"(?<![Tt]he )(?<![Aa] )\b([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})'s ([a-z]+)\b",
            r"the \2 of \1",
        ),
        (r", and\b", ". Also,"),
    )
)
_LEADING_ATTRIBUTION = re.compile(
    r"^(?P<who>(?:[A-Z][\w.'-]*|the|a|an|police|officials)(?: [\w.'-]+){0,3}) (?P<verb>said|says)"
    r"(?: that)? (?P<claim>[^\"]{20,})\.$"
)
_TRAILING_TIME = re.compile(
    r"^(?P<rest>.{20,}?),? (?P<when>(?:on|in|last|early|late|earlier|later) (?:this |last )?"
    + _DAY
    + r"(?: \d{1,2})?(?: morning| afternoon| evening| night)?)\.$"
)


def _restructure(sentence: str) -> str:
    """Attribution moved to the other end, or an opening or closing phrase to the other end."""
    tail = _ATTRIBUTION_TAIL.match(sentence)
    if tail and '"' not in tail["claim"]:
        who = tail["who"]
        return f"{who[:1].upper()}{who[1:]} {tail['verb']} that {_continuing(tail['claim'])}."
    lead = _LEADING_ATTRIBUTION.match(sentence)
    if lead:
        claim, who = lead["claim"], lead["who"]
        who = (
            who
            if who.split()[0][:1].isupper()
            and who.split()[0] not in ("The", "A", "An", "Police", "Officials")
            else who[:1].lower() + who[1:]
        )
        return f"{claim[:1].upper()}{claim[1:]}, {who} {lead['verb']}."
    late = _TRAILING_TIME.match(sentence)
    if late:
        when = late["when"]
        return f"{when[:1].upper()}{when[1:]}, {_continuing(late['rest'])}."
    parts = sentence.rstrip(".").split(", ", 1)
    if len(parts) == 2 and len(parts[0].split()) >= 3 and len(parts[1].split()) >= 3:
        first = parts[0]
        opener = parts[1].split()[0].lower()
        if first.split()[0].lower() in _LEADING_FUNCTION_WORDS and opener not in _RELATIVES:
            return f"{parts[1][:1].upper()}{parts[1][1:]}, {_continuing(first)}."
    return sentence


def _continuing(text: str) -> str:
    """``text`` as the middle of a sentence: a common first word lowered, a name kept."""
    first = text.split(" ", 1)[0]
    if first.lower() in _DETERMINERS | _LEADING_FUNCTION_WORDS | _RELATIVES or (
        first.lower() in SYNONYMS
    ):
        return text[:1].lower() + text[1:]
    return text


def _rephrase(sentence: str) -> str:
    """Stock phrases and function words said another way, outside quotations."""
    pieces: list[str] = []
    position = 0
    for quoted in [*_QUOTED.finditer(sentence), None]:
        end = quoted.start() if quoted else len(sentence)
        piece = sentence[position:end]
        for pattern, replacement in _PHRASES:
            piece = pattern.sub(replacement, piece)
        pieces.append(piece)
        if quoted:
            pieces.append(quoted.group())
            position = quoted.end()
    return "".join(pieces)


def reword_sentence(sentence: str, rng: random.Random) -> str:
    """``sentence`` reworded by rules: restructured, then nearly every listed word swapped."""
    reworded = _rephrase(swap_synonyms(_restructure(sentence.strip()), rng, rate=0.95))
    return reworded[:1].upper() + reworded[1:]


def longest_shared_run(first: str, second: str) -> int:
    """The longest run of words (lower-cased, outside quotations) the two texts share.

    >>> longest_shared_run("the fire killed two people", "a fire killed two men")
    3
    """
    left = _WORD.findall(_QUOTED.sub(" ", first).lower())
    right = _WORD.findall(_QUOTED.sub(" ", second).lower())
    best = 0
    previous = [0] * (len(right) + 1)
    for word in left:
        current = [0] * (len(right) + 1)
        for index, other in enumerate(right, start=1):
            if word == other:
                current[index] = previous[index - 1] + 1
                best = max(best, current[index])
        previous = current
    return best


def is_rewrite_of(source: str, reworded: str) -> bool:
    """Whether ``reworded`` tells ``source`` in other words: 8 words or more outside quotations,
    no run of more than :data:`MAX_SHARED_RUN` words in common, a quarter of the words changed.

    >>> source = "The fire killed two people near the old city hall."
    >>> is_rewrite_of(source, "The fire killed two people near the old town hall.")
    False
    """
    words = _WORD.findall(_QUOTED.sub(" ", source).lower())
    if len(words) < 8 or longest_shared_run(source, reworded) > MAX_SHARED_RUN:
        return False
    kept = set(_WORD.findall(_QUOTED.sub(" ", reworded).lower()))
    return sum(word not in kept for word in words) >= 0.25 * len(words)
