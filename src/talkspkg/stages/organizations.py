"""Discovery of organisations the knowledge base does not list (`source` "institution").

An organisation is a run of capitalised words ("of/for/on/and/the" allowed between two of them;
"and" never right after an institution noun, so two outlets stay two) that ends in, or is led
by, an institution noun (`_ORG_HEADS`: Ministry, Council, Institute, Center, News, Times,
Endowment, Watch, ...; or a word of an outlet's name in another language, the lexicon's
`press_words`: "Der Spiegel", "Helsingin Sanomat") and says which institution it is: a state
named in it, or a word beyond the state-function ones (`_ORG_GENERIC`: "the Foreign Ministry"
alone is nobody). Sentence openers ("Despite", "The") and a leading title ("Director of the
...") are no part of the name. Its country: the state named in the run, or a possessive state
right before it, which then opens the name ("Chile's Interior Ministry"). A name that folds
(case, "the", defense/defence, organization/organisation, center/centre) to a curated
organisation's name or alias is that organisation.

A state's ministry or embassy written in lower case ("the Polish foreign ministry", "Ukraine's
defence ministry", "the Russian embassy") is an organisation as well (`discover_ministries`):
a demonym or a possessive state, at most three words of a ministry's portfolio (lower case),
then "ministry" or "embassy"; "the ministry" alone names none. It folds to a curated ministry
the same way ("Russia's foreign ministry" is the Russian Foreign Ministry).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from talkspkg.document import Article
from talkspkg.kb import KnowledgeBase
from talkspkg.stages.candidates import DISCOVERED, PROSE, Candidate
from talkspkg.stages.discovery import (
    _BLANK,
    _CALENDAR,
    _FUNCTION_CAPS,
    _POSSESSIVE,
    Discovered,
    Token,
    _bare,
    _country,
    _tokens,
    _words,
)
from talkspkg.textutil import slug

_ORG_HEADS = _words(
    "Ministry Council Committee Commission Agency Institute Center Centre Foundation "
    "University Bank Fund Corporation Company Service Directorate Bureau Authority "
    "Organization Organisation Party Times Post News Gazeta Pravda Journal Herald Telegraph "
    "Tribune Gazette Review Media Group Holdings Airlines Forum Platform Movement Network "
    "Initiative Association Administration Office Department Academy School Court Guard "
    "Industries Technologies Systems Holding Endowment Institution International Watch Force Fleet "
    "Embassy Consulate"
)
# words that alone do not say which institution it is ("the Foreign Ministry" of which state?)
_ORG_GENERIC = _words(
    "Foreign Defence Defense Interior Finance Justice Health Energy Economy Economic National "
    "State Security Central General Presidential Federal Supreme High Main Intelligence Affairs "
    "Press Armed Forces Military Naval Air Army Emergency Emergencies Office"
)
_ORG_LINKS = frozenset({"of", "for", "on", "and", "the", "&"})
_ORG_FOLDS = (("defense", "defence"), ("organization", "organisation"), ("center", "centre"))


def _org_key(name: str) -> str:
    key = slug(name.removeprefix("the ").removeprefix("The "))
    for a, b in _ORG_FOLDS:
        key = key.replace(a, b)
    return key


@cache
def _curated_orgs(kb: KnowledgeBase) -> dict[str, str]:
    return {
        _org_key(surface): e.entity_id
        for e in kb.entities.values()
        if e.entity_type == "organization"
        for surface in e.surfaces
    }


def _link(text: str, toks: list[Token], j: int) -> int:
    """Tokens a link word at j and what follows it add to a name run ("of X": 2, "for the X":
    3), or 0 when the run stops there."""
    t = toks[j].text
    if t == "and" and _bare(toks[j - 1].text) in _ORG_HEADS:
        return 0  # two names: "Reuters News and Fox News"
    the = int(t in ("of", "for") and j + 1 < len(toks) and toks[j + 1].text == "the")
    nxt = j + 1 + the
    if nxt >= len(toks) or not toks[nxt].text[0].isupper() or toks[nxt].text in _CALENDAR:
        return 0  # "Fox News on Sunday" is no name
    if not all(_BLANK.match(text[toks[k].end : toks[k + 1].start]) for k in range(j, nxt)):
        return 0
    return nxt - j + 1


def _org_runs(text: str, toks: list[Token]) -> Iterator[tuple[int, int]]:
    """Runs [i, j) of capitalised words, "of/for/on/and/the" (and "of the", "for the") allowed
    between two of them ("Institute for the Study of War")."""
    i = 0
    while i < len(toks):
        if not toks[i].text[0].isupper() or toks[i].text.endswith(_POSSESSIVE):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and _BLANK.match(text[toks[j - 1].end : toks[j].start]):
            t = toks[j].text
            if t[0].isupper() and not toks[j - 1].text.endswith(_POSSESSIVE):
                j += 1
            elif t in _ORG_LINKS and (link := _link(text, toks, j)):
                j += link
            else:
                break
        yield i, j
        i = j


def discover_organizations(article: Article, kb: KnowledgeBase) -> Iterator[Discovered]:
    """Institutions named with an institution noun ("Center for Strategic and International
    Studies", "Uganda People's Defence Council", "Nordic Daily News"): a run of capitalised
    words ending in, or led by, such a noun (`_ORG_HEADS`), naming which one it is (a state or
    a word beyond the generic ones, `_ORG_GENERIC`). Its country: the state the run names, or a
    possessive state right before it ("Chile's Interior Ministry"). A name folding to a curated
    organisation's is that organisation."""
    lex, text = kb.lexicon, article.text
    curated = _curated_orgs(kb)
    for seg in article.segments_of(*PROSE):
        toks = _tokens(text, seg.start, seg.end)
        for i, j in _org_runs(text, toks):
            while i < j and _bare(toks[i].text) in _FUNCTION_CAPS:
                i += 1
            # a role heading the run is a person's title, not part of the institution's name:
            # "Director of the Northern Logistics Directorate" names the Directorate
            while (
                i + 2 < j
                and _bare(toks[i].text).lower() in lex.role_words
                and toks[i + 1].text in ("of", "for")
            ):
                i += 3 if toks[i + 2].text == "the" else 2
            i = _after_leading_name(toks, i, j, lex.press_words)
            words = [_bare(t.text) for t in toks[i:j]]
            if len(words) < 2:
                continue
            heads = [n for n, w in enumerate(words) if w in _ORG_HEADS or w in lex.press_words]
            if not heads or (
                heads[-1] != len(words) - 1
                and words[heads[0] + 1 : heads[0] + 2] not in (["of"], ["for"], ["on"])
            ):
                continue
            before = toks[i - 1].text if i > 0 else ""
            owner = lex.demonyms.get(_bare(before)) if before.endswith(_POSSESSIVE) else None
            state = _country(" ".join(words) + " minister", lex)
            named = [w for w in words if w[0].isupper() and w not in _ORG_GENERIC | _ORG_HEADS]
            if state is None and not named:
                if owner is None:
                    continue
                i, state = i - 1, owner  # "Chile's Interior Ministry" names which one
            state = state or owner
            name = text[toks[i].start : toks[j - 1].start + len(words[-1])]
            eid = curated.get(_org_key(name), slug(name))
            cand = Candidate(
                toks[i].start, toks[i].start + len(name), eid, "discovered:institution", DISCOVERED
            )
            yield Discovered(cand, name, "organization", None, state, "institution")


def _after_leading_name(toks: list[Token], i: int, j: int, press: frozenset[str]) -> int:
    """Where the institution's name starts in a run that opens with words holding no
    institution noun before "of"/"from"/"at": "Olena Marchenko of the Razumkov Centre" is a
    person of the Centre (the run starts after "of the"); "Institute for the Study of War",
    "Bank of Russia", "Ministry of Foreign Affairs" hold the noun before the link."""
    for k in range(i, j):
        word = _bare(toks[k].text)
        if word in _ORG_HEADS or word in press:
            return i
        if toks[k].text in ("of", "from", "at"):
            k += 1
            k += k < j and toks[k].text == "the"
            return k if k < j else i
    return i


_PORTFOLIO = (
    r"foreign|defen[cs]e|interior|finance|justice|health|energy|economy|economic|emergencies|"
    r"emergency|culture|education|agriculture|digital|transport|trade|affairs|and"
)
_MINISTRY = re.compile(
    r"\b(?P<state>[A-Z][\w.]*?(?:[’']s)?)[ \t]+"
    rf"(?:(?:(?:{_PORTFOLIO})[ \t]+){{1,3}}ministry"
    rf"|(?:(?:{_PORTFOLIO})[ \t]+){{0,2}}embassy)\b"
)


_EMBASSY_IN = re.compile(r"[ \t]+in[ \t]+([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)?)")


def discover_ministries(article: Article, kb: KnowledgeBase) -> Iterator[Discovered]:
    """A state's ministry or embassy in lower case ("the Polish foreign ministry", "Ukraine's
    defence ministry", "the Russian embassy"), folded to a curated organisation when one has
    that name or alias. When the article names a state's embassies in two cities ("the Polish
    embassy in Kyiv ... the Polish embassy in Berlin"), each city is part of its embassy's name
    and id: they are two bodies (one embassy keeps the plain name)."""
    lex, text = kb.lexicon, article.text
    curated = _curated_orgs(kb)
    found: list[tuple[int, int, str, str | None, str]] = []
    for seg in article.segments_of(*PROSE):
        for m in _MINISTRY.finditer(text, seg.start, seg.end):
            state = m.group("state").replace("’", "'")
            iso = lex.demonyms.get(state) or (
                lex.demonyms.get(_bare(state)) if state.endswith("'s") else None
            )
            if iso is None or _bare(state) == "Kremlin":
                continue
            at = _EMBASSY_IN.match(text, m.end(), seg.end) if m.group().endswith("y") else None
            city = at.group(1) if at and m.group().endswith("embassy") else None
            found.append((m.start(), m.end(), m.group(), city, iso))
    cities: dict[str, set[str]] = {}
    for _, _, name, city, _ in found:
        if city:
            cities.setdefault(_org_key(name), set()).add(city)
    for start, end, name, city, iso in found:
        if city and len(cities[_org_key(name)]) > 1:
            name = f"{name} in {city}"
        eid = curated.get(_org_key(name), slug(name))
        cand = Candidate(start, end, eid, "discovered:institution", DISCOVERED)
        yield Discovered(cand, name, "organization", None, iso, "institution")
