"""Actors of an article: who can propose a term or take a stance on it, and the state behind them.

Actors are (1) mentions of persons, countries and organizations, except the press (roles listed
in `non_actor_roles`): news outlets report positions, they do not hold them; and except a name
possessing others (`possessed_others`: "Ukraine's allies are pushing for" is not Ukraine's
push); (2) demonym phrases from the lexicon: "the Americans", "a senior French official", "the
Russian leader", a demonym with a body noun (`state_bodies`: "the Russian side", "the Ukrainian
delegation"), each adjective of coordinated demonyms sharing one ("American and Russian
officials"), and a body placed in a state's capital (`located_bodies`: "officials in Moscow",
"our partners in London and Paris": the capital a metonym of its state in entities.yaml), not
a place then but an actor of that state;
(3) first-person words (we, our, I, my), which stand for the speaker of the quotation;
(4) sentence subjects the quotes stage's discourse model resolves to a person (referents:
"He also demanded ...", "The Kremlin leader insisted ...", "The Ukrainian minister said ..."),
replacing the institution or demonym named inside them ("Kremlin", "Ukrainian"), weighing the
model's certainty times QUOTED_WEIGHT. A national institution's name right before an official's
role word (`official_of`: "the Kremlin aide", "a Pentagon official") that the model leaves
unresolved stands for the institution's state: an official acts for their state.

The head of a state's institution acts for the state ("The head of Russia's sovereign wealth
fund has pushed for": Russia is no object of "of" there; `_HEAD_OF`, `_INSTITUTION`).

Side policy: a proposal belongs to a state. A person or national body is mapped to the country
entity whose `country` code equals theirs (Witkoff -> united-states, Kremlin -> russia); an
entity without a country stands for the institution its id or role names (`institution_sides`
of proposal_cues.yaml: von der Leyen, European Commission President -> european-union), else
for itself (NATO, the coalition of the willing).

Speaker policy (one discourse model, the quotes stage's: speakers.py): a first-person word inside a
quotation stands for the quotation's speaker (nobody for a journalist), or, when the quotes stage
names none confidently, for the state of the official or state body its speaker phrase names unnamed
(`official_speakers`: "“We are ready ...,” a senior Ukrainian official said", "the Russian
delegation said"; GUESSED_WEIGHT; nobody for "a Ukrainian analyst", "a former minister", "American
and Ukrainian officials"), else for nobody; a speaker phrase the quotes stage resolved ("He
stressed", "they said") is an actor standing for its speaker, unless it overlaps an actor already (a
name, a demonym phrase). A first-person word outside every quotation the quotes stage reports (a
quotation it left out) falls back to the person named next to a speech verb ("Vance said", "said
Vance") in the same sentence, else in the same paragraph, else within two sentences, nearest first
and, at equal distance, the later sentence (attributions usually follow quotes). On a transcript's
line opening with a speaker label ("Zelensky: We are ready ...") it stands for the labelled person
(GUESSED_WEIGHT); on an interviewer's line ("Q:", "TIME:") for nobody. In a transcript without
speaker labels (interview.py: questions as paragraphs of their own, one person presented as
interviewed) it stands for the interviewee in an answer (GUESSED_WEIGHT; nobody when their state or
organisation is unknown) and for nobody in a question.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from talkspkg.document import Article
from talkspkg.kb import Entity, KnowledgeBase
from talkspkg.stages.mentions import MentionResult
from talkspkg.stages.proposals.cues import Cues
from talkspkg.stages.proposals.interview import Transcript, transcript
from talkspkg.stages.proposals.speakers import GUESSED_WEIGHT, QUOTED_WEIGHT, Speakers, Speech
from talkspkg.stages.proposals.text import HEADINGS, Sentence
from talkspkg.stages.quotes import Referent
from talkspkg.stages.spans import overlaps_any

ACTOR_TYPES = ("person", "country", "organization")
FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]urs?|I|[Mm]y)\b")
PREPOSITIONS = frozenset(
    {"of", "to", "with", "for", "from", "by", "between", "against", "about", "than", "among"}
    | {"toward", "towards", "at", "in", "on", "into", "over", "via"}
)
# verbs whose object an actor right after them is ("visited Kyiv", "called the Kremlin leader"):
# like a preposition, they make the actor no subject
GOVERNING_VERBS = frozenset(
    {"visited", "visiting", "met", "told", "urged", "urging", "asked", "asking", "accused"}
    | {"called", "hosted", "pressed", "pressured", "thanked", "praised", "warned"}
    | {"criticised", "criticized"}
)  # past forms and participles only: "a meeting", "the call" are nouns before a subject
# the head of a state's institution stands for the state: "The head of Russia's sovereign wealth
# fund", "the chief of Ukraine's negotiating team" (not "members of Russia's opposition")
_HEAD_OF = re.compile(
    r"\b(?:the\s+)?(?:head|chief|director|chair(?:man|woman)?|boss|leader|secretary)\s+of\s+$",
    re.IGNORECASE,
)
_INSTITUTION = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:fund|delegation|government|council|ministry|office|"
    r"administration|agency|bank|team|service|committee|parliament|army|military|intelligence)\b",
    re.IGNORECASE,
)
_AND = re.compile(r"\s+(?:and|or)\s+(?:the\s+)?")  # a coordination of two actors
_LOCATED = re.compile(r"\s+(?:in|from)\s+$")  # "officials in Moscow"
_LAST_WORD = re.compile(r"[\w-]+$")
# an appositive between an actor and its verb: ", a Putin ally,", ", the Kremlin's envoy,"
_APPOSITIVE = re.compile(r",\s+(?:an?|the|his|her|its)\s+[^,;:.!?\"“”()]{2,70}?,")


def overlaps(a: Actor, b: Actor) -> bool:
    return a.start < b.end and b.start < a.end


JUDGED_WEIGHT = 0.8  # a party's act as told by the party judging it ("accused Moscow of ...")
# what a judged party did, right before the gerund saying it ("Moscow of demanding")
_JUDGED_GERUND = re.compile(r"\s+(?:of|for|with)\s+(?:(?:\w+ly|also|again)\s+)?", re.IGNORECASE)
_JUDGED_PARTY = re.compile(
    r"\s+(?:of|for|with)\s+(?:(?:\w+ly|also|again)\s+)?\w+ing\b", re.IGNORECASE
)
_COORDINATED = re.compile(r"\b(?:and|or|&)\s+$")  # a phrase coordinated with one before it
# the speaker label opening a transcript's line ("Zelensky: ...", "Q: ...", "TIME: ...")
_LABEL = re.compile(r"[ \t]*((?:[A-Z][\w.’'-]*)(?:[ \t]+[A-Z][\w.’'-]*){0,3})[ \t]*:[ \t]")
_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")
# after a speech verb, a pronoun taking the reporter up ("told reporters that he would")
_TAKEN_UP = re.compile(r"\b(?:he|she|it|they|we|I)\b")


@dataclass(frozen=True, slots=True)
class Actor:
    start: int
    end: int
    entity_id: str | None  # None for a first-person word until its speaker is found
    side: str | None
    # "mention" | "demonym" | "first-person" | "collective" ("the two sides") | "speaker" (a
    # speaker phrase the quotes stage resolved) | "quoted" (a quotation's speaker)
    kind: str
    confidence: float = 1.0  # below 1 for a holder taken from a quotation (speakers.py)


@cache
def country_ids(kb: KnowledgeBase) -> dict[str, str]:
    """ISO code -> id of the country entity with that code."""
    return {
        e.country: e.entity_id
        for e in kb.entities.values()
        if e.entity_type == "country" and e.country
    }


@cache
def _demonym_patterns(
    kb: KnowledgeBase, bodies: tuple[str, ...] = ()
) -> tuple[re.Pattern[str], ...] | None:
    words = {w: c for w, c in kb.lexicon.demonyms.items() if "'" not in w and "’" not in w}
    if not words:
        return None
    adjectives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    plural = "|".join(
        re.escape(w) + "s" for w in sorted(words, key=len, reverse=True) if w.isalpha()
    )
    roles = "|".join(map(re.escape, sorted(kb.lexicon.role_words, key=len, reverse=True)))
    collective = re.compile(rf"\b[Tt]he\s+(?P<word>{plural})\b")
    # the lookahead only skips positions where no adjective can start (their first characters):
    # `re` would otherwise try all ~300 alternatives at every word boundary of the article
    firsts = "".join(sorted({w[0] for w in words}))
    role_phrase = re.compile(
        rf"\b(?=[{re.escape(firsts)}])(?P<word>{adjectives})\s+"
        rf"(?:(?!(?:and|or)\s)[A-Za-z-]+\s+){{0,2}}?(?i:{roles})s?\b"
    )
    # "the Russian side", "the Ukrainian delegation": a body acting for its state (state_bodies)
    body = "|".join(map(re.escape, sorted(bodies, key=len, reverse=True))) or "(?!)"
    body_phrase = re.compile(rf"\b(?=[{re.escape(firsts)}])(?P<word>{adjectives})\s+(?:{body})s?\b")
    # "American and Russian officials": the first adjective shares the role word
    heads = rf"(?:(?:[A-Za-z-]+\s+){{0,2}}?(?i:{roles})s?|(?:{body})s?)\b"
    coordinated = re.compile(
        rf"\b(?=[{re.escape(firsts)}])(?P<word>{adjectives})\s+and\s+(?=(?:{adjectives})\s+{heads})"
    )
    return collective, role_phrase, body_phrase, coordinated


@cache
def _speech_patterns(kb: KnowledgeBase) -> tuple[re.Pattern[str], ...]:
    """The speech-verb patterns of Actors (built once per knowledge base, not per article)."""
    verbs = "|".join(map(re.escape, sorted(kb.lexicon.name_speech_verbs)))
    # declaratives that report a demand as speech verbs do ("the Kremlin has made clear that
    # Ukraine must ...", "Moscow maintains that ..."); not evidence of a person, so not lexicon's
    verbs += r"|mak(?:es|ing)\s+(?:it\s+)?(?:clear|plain)|made\s+(?:it\s+)?(?:clear|plain)"
    verbs += r"|maintain(?:s|ed)|indicat(?:es|ed)|repeat(?:s|ed)"
    return (
        # "Putin said", "Putin reportedly said", "Putin has repeatedly said"
        re.compile(rf"^\s*(?:,\s*)?(?:(?:has|have|had)\s+\w+ly\s+|\w+\s+)?(?:{verbs})\b"),
        re.compile(rf"\b(?:{verbs})\s+$"),
        re.compile(rf"\b(?:{verbs})\b"),
    )


class Actors:
    """The actors of one article, in text order, with their sides and speakers."""

    def __init__(
        self,
        article: Article,
        kb: KnowledgeBase,
        found: MentionResult,
        cues: Cues,
        speakers: Speakers | None = None,
    ):
        self.text = article.text
        self.headings = tuple((g.start, g.end) for g in article.segments_of(*HEADINGS))
        self.official_speakers = cues.official_speakers
        self.unofficial_speakers = cues.unofficial_speakers
        self._transcript: tuple[Transcript | None] | None = None  # computed on first need
        self.speakers = speakers or Speakers(article.article_id, ())
        self.kb = kb
        self.institution_sides = cues.institution_sides
        self.judgment_verbs = cues.judgment_verbs
        self.found = found
        codes = kb.lexicon.demonyms
        actors: list[Actor] = []
        for m in found.mentions:
            entity = self.entity(m.entity_id)
            if entity is None or entity.entity_type not in ACTOR_TYPES:
                continue
            if (entity.role or "").lower() in cues.non_actor_roles:
                continue
            after = self.text[m.end : m.end + 40]
            if any(p.match(after) for p in cues.possessed_others):
                continue  # "Ukraine's allies are pushing for ...": the allies act, not Ukraine
            side = self.side_of(m.entity_id)
            if entity.entity_type == "organization" and any(
                p.match(after) for p in cues.official_of
            ):
                actors.append(Actor(m.start, m.end, side, side, "mention"))  # "the Kremlin aide"
                continue
            actors.append(Actor(m.start, m.end, m.entity_id, side, "mention"))
        actors = self._located(actors, cues)
        taken = sorted((a.start, a.end) for a in actors)  # disjoint: mentions never overlap
        patterns = _demonym_patterns(kb, cues.state_bodies)
        for pattern in patterns or ():
            for m in pattern.finditer(self.text):
                word = m.group("word")
                start, end = m.start(), m.end()
                if pattern is patterns[-1]:  # coordinated: the adjective alone
                    end = m.start("word") + len(word)
                code = codes.get(word) or codes.get(word[:-1])
                country = country_ids(kb).get(code or "")
                if country and not overlaps_any(start, end, taken):
                    actors.append(Actor(start, end, country, country, "demonym"))
                    bisect.insort(taken, (start, end))
        for start, end, speaker_id, conf in self.speakers.phrases():
            if self.entity(speaker_id) is not None and not overlaps_any(start, end, taken):
                side = self.side_of(speaker_id)
                weight = round(conf * QUOTED_WEIGHT, 3)
                actors.append(Actor(start, end, speaker_id, side, "speaker", weight))
                bisect.insort(taken, (start, end))
        referents = [r for r in self.speakers.referents if self.entity(r.entity_id) is not None]
        if referents:
            actors = self._with_referents(actors, referents)
        for m in FIRST_PERSON.finditer(self.text):
            actors.append(Actor(m.start(), m.end(), None, None, "first-person"))
        self.actors = sorted(actors, key=lambda a: (a.start, a.end))
        self._starts = [a.start for a in self.actors]
        self.speech, self.speech_before, self.speech_verb = _speech_patterns(kb)

    def _located(self, actors: list[Actor], cues: Cues) -> list[Actor]:
        """A body placed in a state's capital ("officials in Moscow", "our partners in London
        and Paris"; `located_bodies`) is an actor of that state from the body word on, in place
        of the capital's mention (a place, or a metonym taken for the state); a capital
        coordinated with it is an actor of its own state."""
        states = {
            name.lower(): e.entity_id
            for e in self.kb.entities.values()
            if e.entity_type == "country"
            for name in e.metonyms
        }
        placed: list[Actor] = []
        for m in self.found.mentions:
            state = states.get(self.text[m.start : m.end].lower())
            if state is None:
                continue
            if placed and _AND.fullmatch(self.text, placed[-1].end, m.start):
                placed.append(Actor(m.start, m.end, state, state, "demonym"))  # "and Paris"
                continue
            before = self.text[max(0, m.start - 60) : m.start]
            link = _LOCATED.search(before)
            head = before[: link.start()] if link is not None else ""
            word = _LAST_WORD.search(head)
            if word is None or not any(p.search(head) for p in cues.located_bodies):
                continue
            start = m.start - len(before) + word.start()
            placed.append(Actor(start, m.end, state, state, "demonym"))
        if not placed:
            return actors
        kept = [a for a in actors if not any(overlaps(a, p) for p in placed)]
        return sorted([*kept, *placed], key=lambda a: (a.start, a.end))

    def _with_referents(self, actors: list[Actor], referents: Sequence[Referent]) -> list[Actor]:
        """Each referent ("The Kremlin leader", "The Ukrainian minister": a person, not the
        institution) replaces the actors inside its phrase, unless a person is named in it or
        it is a quotation's speaker phrase. Actors are looked up by their sorted starts (an
        article's referents times its actors would be quadratic)."""
        order = sorted(range(len(actors)), key=lambda k: (actors[k].start, actors[k].end))
        starts = [actors[k].start for k in order]
        longest = max((a.end - a.start for a in actors), default=0)
        removed: set[int] = set()
        added: list[Actor] = []
        for ref in referents:
            lo = bisect.bisect_left(starts, ref.start - longest)
            hi = bisect.bisect_left(starts, ref.end)
            inside = [
                k
                for k in order[lo:hi]
                if k not in removed and actors[k].start < ref.end and ref.start < actors[k].end
            ]
            inside_added = [a for a in added if a.start < ref.end and ref.start < a.end]
            if any(a.kind == "speaker" or self._person(a) for a in inside_added) or any(
                actors[k].kind == "speaker" or self._person(actors[k]) for k in inside
            ):
                continue  # a person named in it, or a speaker phrase of a quotation
            removed.update(inside)
            added = [a for a in added if a not in inside_added]
            weight = round(ref.weight * QUOTED_WEIGHT, 3)
            side = self.side_of(ref.entity_id)
            added.append(Actor(ref.start, ref.end, ref.entity_id, side, "speaker", weight))
        return [a for k, a in enumerate(actors) if k not in removed] + added

    def _person(self, actor: Actor) -> bool:
        entity = self.entity(actor.entity_id) if actor.entity_id else None
        return entity is not None and entity.entity_type == "person"

    def entity(self, entity_id: str) -> Entity | None:
        return self.kb.entities.get(entity_id) or self.found.discovered.get(entity_id)

    def name(self, entity_id: str) -> str:
        entity = self.entity(entity_id)
        return entity.name if entity else entity_id

    def side_of(self, entity_id: str) -> str:
        entity = self.entity(entity_id)
        if entity is None or entity.entity_type == "country":
            return entity_id
        if not entity.country:
            for pattern, side in self.institution_sides:
                hit = pattern.search(entity_id) or pattern.search(entity.role or "")
                if hit and side != entity_id and side in self.kb.entities:
                    return side
            return entity_id
        return country_ids(self.kb).get(entity.country, entity_id)

    def within(self, start: int, end: int) -> list[Actor]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end, lo)
        return [a for a in self.actors[lo:hi] if a.end <= end]

    def is_object(self, actor: Actor, floor: int) -> bool:
        """True when a preposition or a transitive verb governs the actor ("a meeting with
        Witkoff", "visited Kyiv"), or the actor it is coordinated with ("backed by Paris and
        Berlin", "urged Putin and Zelensky")."""
        i = bisect.bisect_left(self._starts, actor.start)
        partner = self.actors[i - 1] if i > 0 else None
        if (
            partner is not None
            and floor <= partner.start
            and partner.end <= actor.start
            and _AND.fullmatch(self.text, partner.end, actor.start)
        ):
            return self.is_object(partner, floor)
        before = self.text[floor : actor.start]
        if self.text[actor.end : actor.end + 2] in ("'s", "’s") and _INSTITUTION.match(
            self.text, actor.end + 2
        ):  # "the head of Russia's sovereign wealth fund": an official of the state
            before = _HEAD_OF.sub("", before)
        before = re.sub(r"\b(?:the|both)\s*$", "", before, flags=re.IGNORECASE)
        m = _PREVIOUS_WORD.search(before)
        # "a Ukraine peace deal", "an EU plan": after an indefinite article, a modifier
        return bool(m) and m.group(1).lower() in PREPOSITIONS | GOVERNING_VERBS | {"a", "an"}

    def judged(self, floor: int, cue: int) -> tuple[Actor, ...]:
        """The party a verb of judgment governs when the gerund at `cue` says what it did
        ("accused Moscow of demanding", "praised Kyiv for accepting", "charged the Kremlin
        with seeking"): that party, not the judge, proposes or holds (`judgment_verbs`)."""
        word = self.text[cue : cue + 40].split(maxsplit=1)
        if not word or not word[0].lower().endswith("ing"):
            return ()
        before = self.within(floor, cue)
        if not before or not _JUDGED_GERUND.fullmatch(self.text, before[-1].end, cue):
            return ()
        first = len(before) - 1
        while first > 0 and _AND.fullmatch(self.text, before[first - 1].end, before[first].start):
            first -= 1  # "accused Hungary and Slovakia of blocking": both
        head = self.text[max(floor, before[first].start - 40) : before[first].start]
        if not any(p.search(head) for p in self.judgment_verbs):
            return ()
        # what the judge says the party did: the judge's report, a step of inference more
        return tuple(
            replace(a, confidence=min(a.confidence, JUDGED_WEIGHT)) for a in before[first:]
        )

    def judging(self, end: int, limit: int) -> bool:
        """True when the verb ending at `end` governs a party followed by "of"/"for"/"with"
        (`judged`): "criticised Hungary for blocking sanctions" judges Hungary, no stance of
        the judge's on the sanctions."""
        after = [a for a in self.within(end, limit) if a.start - end <= 5]
        if not after or self.text[end : after[0].start].strip() not in ("", "the", "The"):
            return False
        head = self.text[max(0, end - 40) : after[0].start]
        if not any(p.search(head) for p in self.judgment_verbs):
            return False
        return _JUDGED_PARTY.match(self.text, after[0].end) is not None

    def is_speaker(self, actor: Actor) -> bool:
        if actor.kind not in ("mention", "speaker") or actor.entity_id is None:
            return False
        entity = self.entity(actor.entity_id)
        if entity is None or entity.entity_type != "person":
            return False
        after = self.text[actor.end : actor.end + 60]
        before = self.text[max(0, actor.start - 30) : actor.start]
        return bool(self.speech.match(after) or self.speech_before.search(before))

    def reports_another_subject(self, actor: Actor, position: int) -> bool:
        """True when the actor reports a clause with a subject of its own before `position`
        ("Rutte said European allies had committed to ..."): the actor is not that clause's
        subject; a pronoun taking the actor up ("Trump said he would") keeps it."""
        verbs = list(self.speech_verb.finditer(self.text, actor.end, position))
        if not verbs:
            return False
        rest = self.text[verbs[-1].end() : position]
        return len(rest.split()) > 1 and not _TAKEN_UP.search(rest)

    def reports(self, actor: Actor) -> bool:
        """True when a speech verb follows the actor ("the Kremlin has said", "Kyiv insists"),
        also past an appositive ("Hungary's Orban, a Putin ally, has repeatedly said")."""
        after = self.text[actor.end : actor.end + 140]
        if self.speech.match(after[:60]):
            return True
        aside = _APPOSITIVE.match(after)
        return aside is not None and bool(self.speech.match(after[aside.end() : aside.end() + 60]))

    def speaker(self, sentences: list[Sentence], index: int) -> Actor | None:
        here = sentences[index]

        def rank(s: Sentence) -> tuple[int, int, int]:
            same_paragraph = 0 if s.paragraph == here.paragraph else 1
            return (same_paragraph, abs(s.index - index), -s.index)

        # sentences are in text order: the pool is this paragraph and two sentences either side
        lo = index
        while lo > 0 and (sentences[lo - 1].paragraph == here.paragraph or index - (lo - 1) <= 2):
            lo -= 1
        hi = index + 1
        while hi < len(sentences) and (
            sentences[hi].paragraph == here.paragraph or hi - index <= 2
        ):
            hi += 1
        pool = sentences[lo:hi]
        for s in sorted(pool, key=rank):
            for actor in self.within(s.start, s.end):
                if self.is_speaker(actor):
                    return actor
        return None

    def resolve(self, actor: Actor, sentences: list[Sentence], index: int) -> Actor | None:
        """The actor itself, or for a first-person word the speaker it stands for: the speaker
        of the quotation it stands in (None when the quotes stage names none confidently), else
        the person named with a speech verb nearby."""
        if actor.kind != "first-person":
            return actor
        speech = self.speakers.at(actor.start)
        if speech is not None:
            return self.quoted(speech, actor.start, actor.end) or self.official(speech, actor)
        line = self.text.rfind("\n", 0, actor.start) + 1
        label = _LABEL.match(self.text, line, actor.start)
        if label is not None:  # a transcript's answer ("Zelensky: We are ready ...")
            named = [a for a in self.within(label.start(1), label.end(1)) if self._person(a)]
            if not named or named[-1].entity_id is None:
                return None  # the interviewer's line ("Q:", "TIME:"): nobody of the story
            who = named[-1].entity_id
            return Actor(actor.start, actor.end, who, self.side_of(who), "quoted", GUESSED_WEIGHT)
        interview = self.transcript(sentences)
        if interview is not None and sentences[index].paragraph >= min(interview.questions):
            if sentences[index].paragraph not in interview.answers:
                return None  # the interviewer's question
            who = interview.interviewee
            side = self.side_of(who)
            if side == who:
                return None  # whose state or organisation is unknown: nobody to file it under
            return Actor(actor.start, actor.end, who, side, "quoted", GUESSED_WEIGHT)
        guess = self.speaker(sentences, index)
        return replace(guess, confidence=GUESSED_WEIGHT) if guess is not None else None

    def transcript(self, sentences: list[Sentence]) -> Transcript | None:
        """The article as an unlabelled interview transcript (interview.py), or None."""
        if self._transcript is None:
            headings = frozenset(
                s.paragraph
                for s in sentences
                if any(lo <= s.start < hi for lo, hi in self.headings)
            )
            self._transcript = (transcript(self.text, sentences, headings, self._persons_in),)
        return self._transcript[0]

    def _persons_in(self, start: int, end: int) -> list[str]:
        """The persons named in text[start:end] (no journalist: `non_actor_roles`)."""
        return [
            a.entity_id
            for a in self.within(start, end)
            if a.kind == "mention" and a.entity_id is not None and self._person(a)
        ]

    def official(self, speech: Speech, actor: Actor) -> Actor | None:
        """For a first-person word in a quotation whose speaker the quotes stage leaves unnamed,
        the state of the unnamed official or state body its speaker phrase names ("“We are
        ready ...,” a senior Ukrainian official said": Ukraine; `official_speakers`); None for
        a phrase of no official ("a Ukrainian analyst", "a former Russian minister")."""
        if speech.speaker_id is not None or speech.phrase is None:
            return None
        lo, hi = speech.phrase
        if any(p.search(self.text, lo, hi) for p in self.unofficial_speakers):
            return None
        if _COORDINATED.search(self.text, max(0, lo - 5), lo):
            return None  # "American and Ukrainian officials": the phrase is a part of the speakers
        sides = {
            a.side
            for a in self.within(lo, hi)
            if a.kind == "demonym"
            and any(p.search(self.text[a.start : a.end]) for p in self.official_speakers)
        }
        if len(sides) != 1 or len(self.within(lo, hi)) != 1:
            return None  # two states, or a name beside the official: whose "we"?
        side = sides.pop()
        return Actor(actor.start, actor.end, side, side, "quoted", GUESSED_WEIGHT)

    def speech_at(self, position: int) -> Speech | None:
        """The quotation `position` stands in, as the quotes stage reports it."""
        return self.speakers.at(position)

    def quoted(self, speech: Speech, start: int, end: int) -> Actor | None:
        """The speaker of `speech` as an actor at `start`-`end` (None: nobody confidently, or
        a journalist)."""
        entity = self.entity(speech.speaker_id) if speech.speaker_id else None
        if speech.speaker_id is None or entity is None or entity.entity_type not in ACTOR_TYPES:
            return None
        side = self.side_of(speech.speaker_id)
        weight = round(speech.confidence * QUOTED_WEIGHT, 3)
        return Actor(start, end, speech.speaker_id, side, "quoted", weight)
