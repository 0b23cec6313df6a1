"""Who of the people and countries a sentence names sat at the table, and in what role.

Policy (precision first: a name in the sentence is not yet a participant):

* A source is not a participant: the person before a speech verb whose reported clause holds the
  encounter ("Kellogg said on Wednesday that there were talks ..."), and the person after
  "according to" / "said". A person who is also named as the actor elsewhere is found there;
  a speaker who is the subject of the reported clause ("X said he met Y") is the actor. Nor is
  the person told ("X told Y that A and B met").
* A person named only to qualify another is not a participant: possessive and attributive
  titles ("Zelensky's chief of staff, Andriy Yermak", "Trump special envoy Steve Witkoff"), and
  the principal of an agent ("a spokesperson for Keir Starmer", "an envoy representing ..."),
  the sender of what someone carries ("flew to Moscow with a message from X").
* "<Person>'s no-show / cancellation / absence" marks that person absent.
* Countries and organisations take part only as delegations: "officials from A, B and C"
  (a capital that is a country's metonym stands for it: "teams from Washington and Moscow"),
  "A and B negotiators", "Kyiv's delegation", "talks between A and B"; demonyms ("Ukrainian
  delegation") stand for their country. "hosted by British officials" makes them hosts;
  "without the U.S. team" makes them absent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from talkspkg.stages.leads import headed
from talkspkg.stages.meetings.context import ArticleContext
from talkspkg.stages.meetings.vocab import Vocab
from talkspkg.stages.mentions import Mention

_POSS = re.compile(r"^['’]s\b")
_TOKEN = re.compile(r"[\w.’'-]+")
_ITEM = r"(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*"
_LIST = rf"{_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_ITEM})*"
_SELF = re.compile(r"\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:he|she|I)\b")
_BRIDGE = re.compile(
    r"(?:['’]s)?\s*(?:,[^,]{1,90}?,)?\s*"
    r"(?:(?:also|has|had|have|then|later|reportedly|earlier|previously|again|further)\s+)*"
    r"(?P<verb>\w+)"
)


@dataclass(frozen=True, slots=True)
class Delegation:
    entity_id: str
    start: int  # position of the delegation noun (what the entity is attached by)
    end: int
    host: bool
    absent: bool = False  # "without the U.S. team": excluded


def _capitalised_or_role(ctx: ArticleContext, words: Sequence[str]) -> bool:
    return all(w[:1].isupper() or w.lower() in ctx.role_words for w in words)


_TOLD = re.compile(r"\b([a-z]+)\s+$")  # the speech verb right before the person told
_THAT = re.compile(r"\s*(?:,\s*)?(?:that\b|[\"“])")


def is_source(
    ctx: ArticleContext, m: Mention, end: int, triggers: Sequence[tuple[int, int]]
) -> bool:
    """The person reports the encounter rather than taking part in it (see module policy)."""
    text = ctx.text
    after = _BRIDGE.match(text, m.end, min(end, m.end + 140))
    if after and after.group("verb").lower() in ctx.speech_verbs:
        if _SELF.match(text, after.end()):
            return False  # "Peskov said he had met Witkoff": the speaker is the actor
        verb_at = after.start("verb")
        if not any(m.end <= a <= verb_at < b or m.end <= a < verb_at for a, b in triggers):
            return True
    told = _TOLD.search(text, max(0, m.start - 30), m.start)
    if told and told.group(1).lower() in ctx.speech_verbs and _THAT.match(text, m.end):
        # "X told Y that A and B met": Y hears of the encounter; a trigger between the verb
        # and Y ("told Y during their meeting") is not this case
        return True
    before = text[max(0, m.start - 70) : m.start]
    inverted = r"(?:[,\"”’]\s*(?:said|says|added|wrote|stated)|\baccording\s+to)\s+"
    hit = list(re.finditer(inverted, before, re.I))
    if hit:
        between = _TOKEN.findall(before[hit[-1].end() :])
        if _capitalised_or_role(ctx, between) and len(between) <= 6:
            return True
    return False


def is_qualifier(ctx: ArticleContext, m: Mention, nxt: Mention | None, sentence_end: int) -> bool:
    """The person only qualifies someone else (a title's possessor, an agent's principal)."""
    text = ctx.text
    tail = text[m.end : sentence_end]
    if _POSS.match(tail):
        words = _TOKEN.findall(tail[2:60])[:4]
        # "Rubio's no-show" is an absence, "Witkoff's meeting with Putin" a participant
        named = ctx.vocab.absent_nouns, ctx.vocab.nouns
        return not any(p.fullmatch(w) for p in named for w in words[:3])
    if nxt is not None and nxt.start - m.end < 90:
        gap = text[m.end : nxt.start]
        for other in ctx.mentions_in(m.end, nxt.start):
            gap = gap.replace(other.text, " ")
        words = [w.lower() for w in _TOKEN.findall(gap)]
        attributive = (
            words
            and len(words) <= 8
            and not gap.lstrip().startswith(",")  # "Rubio, the US Secretary of State, and ..."
            and not {"and", "or"} & set(words)  # "Lammy and defence minister John Healey"
            and all(w in ctx.role_words for w in words)
            and any(w in ctx.kb.lexicon.role_words for w in words)
        )
        if attributive:
            return True
    return is_principal(ctx, m)


def is_principal(ctx: ArticleContext, m: Mention) -> bool:
    """The person is the principal of an agent named before ("an aide to X", "a spokesman
    for X", "an envoy representing X") or the sender of what someone carries ("with a message
    from X"): the agent acts for them, they are not at the table."""
    text = ctx.text
    before = text[max(0, m.start - 90) : m.start]
    for pattern, prepositions in (
        (ctx.vocab.agent_nouns, ("to", "for", "of")),
        (ctx.vocab.agent_verbs, ()),
        (ctx.vocab.message_nouns, ("from",)),
    ):
        agents = list(pattern.finditer(before))
        if not agents:
            continue
        between = _TOKEN.findall(before[agents[-1].end() :])
        if prepositions:
            if not between or between[0].lower() not in prepositions:
                continue
            between = between[1:]
        if len(between) <= 5 and _capitalised_or_role(ctx, between):
            return True
    return False


def is_possessive_absent(ctx: ArticleContext, m: Mention) -> bool:
    text = ctx.text
    tail = text[m.end : m.end + 40]
    if _POSS.match(tail):
        words = _TOKEN.findall(tail[2:])[:3]
        return any(ctx.vocab.absent_nouns.fullmatch(w) for w in words)
    before = text[max(0, m.start - 25) : m.start]
    return bool(
        re.search(rf"(?:{ctx.vocab.absent_nouns.pattern})\s+of\s+$", before, re.I)
        and _POSS.match(tail)
    )


@cache
def _delegation_patterns(vocab: Vocab) -> tuple[re.Pattern[str], ...]:
    nouns = "|".join(sorted(vocab.delegation_nouns, key=len, reverse=True))
    nouns = rf"(?i:{nouns})"
    triggers = rf"(?i:{vocab.nouns.pattern})"
    return tuple(map(headed, _plain_delegation_patterns(nouns, triggers)))  # same matches


def _plain_delegation_patterns(nouns: str, triggers: str) -> tuple[re.Pattern[str], ...]:
    return (
        re.compile(rf"\b(?P<noun>{nouns})\s+(?i:from|of)\s+(?P<list>{_LIST})"),
        re.compile(
            rf"(?P<list>{_LIST})(?:['’]s)?\s+(?:[a-z][\w-]*\s+)?(?P<noun>{nouns})\b(?!\s+[A-Z])"
        ),
        re.compile(rf"(?P<noun>{triggers})\s+between\s+(?:an?\s+)?(?P<list>{_LIST})"),
    )


_WITHOUT_END = re.compile(r"\bwithout\s+(?:the\s+|its\s+|their\s+)?$", re.I)


def delegations(ctx: ArticleContext, start: int, end: int) -> list[Delegation]:
    """Countries/organisations taking part as delegations in text[start:end]."""
    text, vocab = ctx.text, ctx.vocab
    patterns = _delegation_patterns(vocab)
    found: list[Delegation] = []
    for pat in patterns:
        for m in pat.finditer(text, start, end):
            lst_start, lst_end = m.span("list")
            if not text[lst_start].isupper() and not text[lst_start:].startswith("the"):
                continue
            host = bool(
                re.search(
                    r"hosted\s+by\s+(?:the\s+)?$", text[max(start, lst_start - 20) : lst_start]
                )
            )
            if pat is patterns[1]:
                host = host or bool(
                    re.search(
                        r"hosted\s+by\s+(?:the\s+)?$", text[max(start, m.start() - 20) : m.start()]
                    )
                )
            lead = text[max(start, min(lst_start, m.start()) - 20) : min(lst_start, m.start())]
            absent = bool(_WITHOUT_END.search(lead))
            for eid in _list_entities(ctx, lst_start, lst_end):
                found.append(Delegation(eid, m.start("noun"), m.end("noun"), host, absent))
    return found


_CAPITALISED = re.compile(r"[A-Z][\w.’'-]*")


def _list_entities(ctx: ArticleContext, start: int, end: int) -> list[str]:
    out: list[str] = []
    covered: list[tuple[int, int]] = []
    for m in ctx.mentions_in(start, end, "country", "organization"):
        # "delegations from Washington and the Kremlin": the Kremlin's delegation is Russia's
        iso = ctx.kb.lexicon.demonyms.get(m.text) if ctx.etype(m) == "organization" else None
        country = ctx.country_by_iso.get(iso or "")
        out.append(country or m.entity_id)
        covered.append((m.start, m.end))
    for m in ctx.mentions_in(start, end, "location"):  # "teams from Washington and Moscow"
        country = ctx.capital_of(m.text)
        if country is not None:
            out.append(country)
            covered.append((m.start, m.end))
    demonyms = ctx.kb.lexicon.demonyms
    for w in _CAPITALISED.finditer(ctx.text[start:end]):
        a = start + w.start()
        if any(s <= a < e for s, e in covered):
            continue
        iso = demonyms.get(w.group()) or demonyms.get(re.sub(r"['’]s$", "", w.group()))
        if iso and iso in ctx.country_by_iso:
            out.append(ctx.country_by_iso[iso])
    return list(dict.fromkeys(out))
