"""Per-article detection: terms, the proposals they belong to, and the stances taken on them.

Two passes over the article's sentences. The first finds terms and cues, resolves each
sentence's proposals (attribution.py) and stances (stances.py), and attributes terms to
proposals: these are the `proposes` claims. A term inside a stance of the proposer's own side
("Zelensky ruled out ceding territory and called for a full ceasefire") is that side's stance,
not its proposal; a term under another side's stance is claimed as proposed only when its
sentence names the proposer ("Witkoff's proposals ... were unacceptable to Kyiv"), not when it
only points back to it ("dismissed such proposals"). A noun proposal in the object of a stance
verb holds no term that a later stance verb of the sentence bears on ("turned down a Ukrainian
plan for a truce, welcomed a prisoner exchange": the exchange is no part of the plan). The
second pass ties each stance to its targets:
- a term its sentence attributes to a proposal of another side: that proposal (explicit);
- a term its sentence attributes to no proposal: every proposal of the article carrying the term
  (article-term); if the article reports none, a term two or more parties agree to together
  ("Ukraine and Russia agreed to a prisoner exchange"), or a joint act of two sides or more
  ("Kyiv and Moscow swapped 150 prisoners"), is a term of each one's position (agreement); a
  joint act or an agreement to act together ("agreed to exchange 300 prisoners", "signed by A
  and B") is so even where the article reports a proposal of it (the parties also support it);
  else a proposal of the corpus carrying it (corpus-term, resolved in merge.py): a
  rejection of "a full ceasefire" is a rejection of that term whoever proposed it;
- no term, but the sentence points back ("these points are non-starters", "Kyiv dismissed the
  offer"): the terms attributed earlier in the sentence, else in the nearest of the three
  previous sentences (anaphora).
An anaphor naming one thing ("it", "that", "the idea", "the offer") whose nearest antecedent
sentence carries terms of two codes or more in two proposals or more ("Washington proposed a
truce and Kyiv a prisoner swap. Moscow rejected the idea.") is ambiguous: no claim; so is one
whose nearest antecedent sentence names a term no proposal holds (that term is what it names,
whose it is unsaid); a term's head noun ("agreed to the exchange") takes up a term of its codes
only. An
elliptical negation ("Kyiv accepted it. Moscow did not.", stances.py) takes up the terms of the
acceptance before it, in its sentence or the one before in its paragraph.
Stances never target a proposal of the holder's own side, except in an agreement.

A noun cue whose copula states its content ("Ukraine's priority is securing a settlement") and
whose sentence attaches no term to it is not remembered for carry-over: its content was
something else; a term after a negation in that content ("Kyiv's priority is to ensure that
Russia does not get sanctions relief") is not its proposal.

A proposing verb whose object is a term's head noun ("Turkish mediators had proposed the swap";
`term_heads`), or a passive one with its agent whose subject opening the sentence is one ("The
swap had been put forward by Ankara"), proposes the one code of those heads the sentence before
names (in its paragraph for the object; the subject opening a paragraph takes up the one before).

The terms of the condition a conditional acceptance sets ("would only consider X once Kyiv drops
Y") are the holder's demand: a term of its position.

A term whose own phrase names another war ("a prisoner exchange between Israel and Hamas", "the
Gaza truce"; `other_conflicts` of proposal_cues.yaml), or whose clause opens with one of its
names in a sentence naming nothing of this war (`this_conflict`: "Separately, Israel and Hamas
completed a prisoner exchange"), is no term; a sentence whose main clause opens with such a name
("Armenia and Azerbaijan agreed a peace deal ...") proposes nothing and holds no stance.
A plural anaphor ("rejected the demands") takes up every term of the proposals it points back
to, and reaches FAR_WINDOW sentences back (below the confident band) past sentences of other
matters ("Witkoff left Moscow without comment."). A stance or a verb's proposal
inside a question clause ("Will Russia agree to a 30-day ceasefire?") is asked, not stated: none;
a proposal a question names by its noun ("Will Kyiv accept the US plan for ...?") stays reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from talkspkg.document import Article
from talkspkg.kb import KnowledgeBase
from talkspkg.schema.contracts import TYPED_REFS
from talkspkg.stages.leads import Groups, LeadIndex
from talkspkg.stages.meetings.dates import published_anchor
from talkspkg.stages.meetings.model import MeetingMention
from talkspkg.stages.mentions import MentionResult
from talkspkg.stages.proposals.actors import Actor, Actors
from talkspkg.stages.proposals.attribution import ANAPHORA_WINDOW, Attributor, Context
from talkspkg.stages.proposals.codebook import Codebook, load_codebook
from talkspkg.stages.proposals.cues import SINGLE_ISSUE, Cues, load_cues
from talkspkg.stages.proposals.evidence import TermEvidence
from talkspkg.stages.proposals.frames import offer_frame
from talkspkg.stages.proposals.hits import (
    JOINT,
    TERM,
    Hit,
    code_groups,
    cue_groups,
    find_cues,
    find_terms,
)
from talkspkg.stages.proposals.presented import Presentation, find_presentations
from talkspkg.stages.proposals.speakers import Speakers
from talkspkg.stages.proposals.stances import Stance, find_ellipses, find_stances
from talkspkg.stages.proposals.text import Sentence, sentences
from talkspkg.stages.quotes import Quote, Referent, quotes_and_referents

# the auxiliaries between a passive's subject and its participle ("had first been")
_PASSIVE_CHAIN = re.compile(
    r"\s+(?:(?:had|has|have|was|were|is|are|been|being|first|originally|initially|also|earlier)\s+)+"
)
# a copula stating a noun's content, not a passive ("the plan was leaked", "was put forward")
_COPULA = re.compile(
    r"\s+(?:(?:for|of)\s+(?:[\w-]+\s+){1,3}?)?(?:is|was|remains|remained)\s+"
    r"(?!(?:\w+ed|\w+en|made|put|sent|set|laid|built|brought|kept|held|due|still|now|also|not)\b)"
)


# a plural anaphor's reach (sentences back) beyond ANAPHORA_WINDOW, and its claims' cap: below
# the confident band, unmeasured (the mini-articles of tests/test_proposals_articles.py only)
FAR_WINDOW, FAR_WEIGHT = 6, 0.7

# the verb of an agreement to act together ("agreed to exchange", "agreed to meet")
_JOINT_VERB = re.compile(
    r"\s+(?:exchange|swap|trade|return|release|hold|meet|sign|halt|stop|pause|end|resume|extend|"
    r"set\s+up|create|form|establish|work|implement|observe|respect)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer)\b|n[’']t\b", re.IGNORECASE)


@dataclass(frozen=True)
class Analysis:
    sentence: Sentence
    stances: list[Stance]
    attached: dict[Hit, Context]  # term -> the proposal it is attributed to
    resolved: dict[Hit, Context | None] = field(default_factory=dict)  # proposal cue -> proposal
    # term -> the other proposals a list echoing a party's demands puts it in (attribution.py)
    also: dict[Hit, tuple[Context, ...]] = field(default_factory=dict)
    # the sentence's terms, also those no proposal holds: the last thing an anaphor may name
    terms: tuple[Hit, ...] = ()


@dataclass(frozen=True)
class ArticleProposals:
    """What the stage finds in one article: its term claims and its proposals' presentations."""

    evidence: list[TermEvidence]
    presentations: list[Presentation]


class _Article:
    def __init__(
        self,
        article: Article,
        kb: KnowledgeBase,
        found: MentionResult,
        meetings: Sequence[MeetingMention] = (),
        quoted: Sequence[Quote] = (),
        referents: Sequence[Referent] = (),
    ):
        self.article, self.text = article, article.text
        self.meetings = [m for m in meetings if m.article_id == article.article_id]
        self.codebook: Codebook = load_codebook()
        self.cues: Cues = load_cues()
        self.sentences = sentences(article, self.cues.abbreviations | kb.lexicon.honorifics)
        self.actors = Actors(
            article, kb, found, self.cues, Speakers(article.article_id, quoted, referents)
        )
        self.attributor = Attributor(
            self.text, self.sentences, self.actors, self.cues, kb, self.codebook
        )
        self.by_slug = {c.slug: c for c in self.codebook}
        self.leads = lead_index()
        self.groups = pattern_groups()
        self.previous: Analysis | None = None  # the analysis of the sentence before

    def analyse(self, s: Sentence) -> Analysis:
        live = self.leads.live(self.text[s.start : s.end])
        terms = [
            t
            for t in find_terms(self.text, s, self.codebook, live, self.groups[0])
            if not self.cues.other_conflict(self.text, t.start, t.end, s.start, s.end)
        ]
        hits = find_cues(self.text, s, self.cues, terms, live, self.groups[1])
        if self.cues.another_war(self.text, s.start, s.end):
            terms, hits = [], []  # "Armenia and Azerbaijan agreed a peace deal ...": no proposal
        stances = find_stances(
            self.text,
            s,
            hits,
            terms,
            self.actors,
            self.sentences,
            self.cues,
            lambda cue: self.collective(s, cue),
        )
        before = self.previous
        told = before.stances if before and before.sentence.paragraph == s.paragraph else []
        ellipses = find_ellipses(self.text, s, self.actors, self.sentences, stances, told)
        if ellipses:  # "..., the Kremlin will not": the ellipsis, not a refusal of nothing
            spans = [(e.cue.start, e.cue.end) for e in ellipses]
            stances = [x for x in stances if not any(a <= x.cue.start < b for a, b in spans)]
            stances += ellipses
        resolved = self.attributor.resolve(s, hits, terms)
        carried = None
        if terms and not any(resolved.values()):
            carried = self.attributor.carried(s, hits, tuple(terms))
        attached = self.attributor.attach(s, terms, resolved, carried)
        attached = {t: c for t, c in attached.items() if not self.negated_content(s, t, c)}
        attached.update(self.head_objects(s, resolved, attached))
        if any(p.search(self.text, s.start, s.end) for p in self.cues.legal_statements):
            attached = {}  # "forbidden by the constitution to cede ...": a law, no proposal
        stances += self.readiness(attached)
        attached.update(self.conditions(stances, attached))
        asked = self.cues.asked(self.text, s.start, s.end)
        if asked:  # "Will Russia agree to a 30-day ceasefire?": asked, not stated
            stances = [x for x in stances if not _inside(x.cue, asked)]
            attached = {
                t: c
                for t, c in attached.items()
                if c.cue is None or c.cue.form == "noun" or not _inside(c.cue, asked)
            }
        for stance in stances:
            sides = {self.side(h) for h in stance.holders}
            for term in stance.terms:
                ctx = attached.get(term)
                if ctx is not None and (
                    ctx.proposer_id in sides or _in_earlier_object(ctx, stance, stances)
                ):
                    del attached[term]
        used = set(attached.values())
        self.attributor.remember(
            s,
            [
                c
                for h, c in resolved.items()
                if c is not None and (c in used or not _stated(self.text, h, s))
            ],
        )
        also = self.attributor.echoed(s, resolved, attached)
        self.previous = Analysis(s, stances, attached, resolved, also, tuple(terms))
        return self.previous

    def head_objects(
        self, s: Sentence, resolved: dict[Hit, Context | None], attached: dict[Hit, Context]
    ) -> dict[Hit, Context]:
        """A proposing verb whose object is a term's head noun ("Turkish mediators had proposed
        the swap", `term_heads`), or a passive one with its agent whose subject opening the
        sentence is one ("The truce had been proposed by Ankara"), proposes the one code of those
        heads that the sentence before names (in its paragraph for the object; a subject opening
        a paragraph takes up the paragraph before): the head noun is that term (anaphora)."""
        before = self.previous
        if before is None:
            return {}
        near = before.sentence.paragraph == s.paragraph
        out: dict[Hit, Context] = {}
        for cue, ctx in resolved.items():
            if ctx is None or cue.form != "verb" or ctx.attribution != "explicit":
                continue
            if any(c.cue == cue for c in attached.values()):
                continue  # the verb has a term of its own
            for pattern, codes in self.cues.term_heads:
                m = pattern.match(self.text, cue.end + 1, s.end) if near else None
                if m is None or not self.text[cue.end : cue.end + 1].isspace():
                    # "The exchange had been proposed by Kyiv": the passive's subject
                    m = pattern.match(self.text, s.start, cue.start)
                    if m is None or not _PASSIVE_CHAIN.fullmatch(self.text, m.end(), cue.start):
                        continue
                named = {t.label for t in before.terms if t.label.startswith(codes)}
                if len(named) == 1:
                    term = Hit(m.start(), m.end(), TERM, named.pop())
                    out[term] = replace(ctx, attribution="anaphora")
                break
        return out

    def negated_content(self, s: Sentence, term: Hit, ctx: Context) -> bool:
        """True when a copula states a noun cue's content and a negation stands between it and
        the term ("Kyiv's priority is to ensure that Russia does not get sanctions relief"): the
        term is what the holder wants withheld, not proposed."""
        cue = ctx.cue
        if cue is None or not _stated(self.text, cue, s) or cue.end > term.start:
            return False
        return _NEGATION.search(self.text, cue.end, term.start) is not None

    def readiness(self, attached: dict[Hit, Context]) -> list[Stance]:
        """Readiness to talk ("ready to meet Putin", "willing to hold talks") proposes no talks:
        the term leaves the proposal and is the actor's support of talks another party of the
        article proposed, if any (`local`: never one of another article)."""
        found = []
        for term, ctx in list(attached.items()):
            cue = ctx.cue
            if cue is None or term.label not in self.cues.readiness_terms:
                continue
            if any(p.search(self.text[cue.start : cue.end]) for p in self.cues.readiness):
                del attached[term]
                holder = Actor(cue.start, cue.start, ctx.actor_id, ctx.proposer_id, "mention")
                found.append(Stance(cue, "supports", (holder,), (term,), False, local=True))
        return found

    def conditions(self, stances: list[Stance], attached: dict[Hit, Context]) -> dict[Hit, Context]:
        """The condition of a conditional acceptance is its holder's demand ("Russia will only
        consider a full ceasefire once Kyiv abandons its NATO bid": Russia's position), unless
        the sentence attributes the term to a proposal already."""
        found: dict[Hit, Context] = {}
        for stance in stances:
            holders = [h for h in stance.holders if h.entity_id is not None]
            if not stance.conditions or len({self.side(h) for h in holders}) != 1:
                continue
            holder = holders[0]
            for term in stance.conditions:
                if term not in attached:
                    found[term] = Context(
                        self.side(holder),
                        "position",
                        "position",
                        holder.entity_id or self.side(holder),
                        stance.cue,
                        "explicit",
                        confidence=holder.confidence,
                    )
        return found

    def collective(self, s: Sentence, cue: Hit) -> tuple[Actor, ...]:
        """The parties a collective subject right before `cue` stands for ("the two sides
        agreed", "the delegations agreed"): the sides of the participants of the encounter the
        meetings stage last reports with a party in this paragraph or the one before, up to the
        cue; none when it has fewer than two sides, or not the number the phrase states ("the
        two sides" of a trilateral meeting is ambiguous). A joint act with no such subject ("Talks
        between A and B in Istanbul led to a prisoner swap") takes the parties of the encounter
        its own sentence reports before it."""
        subject = next(
            (
                m
                for p in self.cues.collective_parties
                if (m := p.search(self.text, max(s.start, cue.start - 60), cue.start))
            ),
            None,
        )
        if subject is None and cue.form == JOINT:  # "Talks between A and B led to ..."
            told = [m for m in self.meetings if s.start <= m.trigger_start < cue.start]
        elif subject is None:
            return ()
        else:
            first = min(x.start for x in self.sentences if x.paragraph >= s.paragraph - 1)
            told = [m for m in self.meetings if first <= m.trigger_start < cue.start]
        # a mention naming no party ("Those talks have yielded ...") points back: not counted
        told = [m for m in told if any(role != "absent" for _, role in m.participants)]
        if not told:
            return ()
        encounter = max(told, key=lambda m: m.trigger_start)
        sides = list(
            dict.fromkeys(
                self.actors.side_of(eid)
                for eid, role in encounter.participants
                if role != "absent" and eid not in encounter.apart  # a mediator is no side
            )
        )
        words = subject.group().lower().split() if subject else []
        stated = {"two": 2, "both": 2, "three": 3}.get(
            next((w for w in words if w in ("two", "both", "three")), ""), len(sides)
        )
        if len(sides) < 2 or len(sides) != stated:
            return ()
        at = (subject.start(), subject.end()) if subject else (cue.start, cue.start)
        return tuple(Actor(*at, side, side, "collective") for side in sides)

    def side(self, actor: Actor) -> str:
        return actor.side or self.actors.side_of(actor.entity_id or "")

    def label(self, ctx: Context) -> str:
        name = self.actors.name(ctx.proposer_id)
        if ctx.kind == SINGLE_ISSUE:
            return f"{name}: {self.by_slug[ctx.slug].label} proposal"
        return f"{name}: {self.cues.kinds[ctx.kind].label}"

    def claim(
        self,
        s: Sentence,
        code: str,
        stance: str,
        entity_id: str,
        ctx: Context | None,
        holder_side: str,
        term: Hit | None,
        cue: Hit | None,
        attribution: str,
        cap: float = 1.0,
        directness: float = 1.0,
    ) -> TermEvidence:
        return TermEvidence(
            article_id=self.article.article_id,
            code=code,
            stance=stance,
            entity_id=entity_id,
            start=s.start,
            end=s.end,
            text=self.text[s.start : s.end],
            proposal_id=ctx.proposal_id if ctx else None,
            proposer_id=ctx.proposer_id if ctx else None,
            proposal_kind=ctx.kind if ctx else None,
            proposal_label=self.label(ctx) if ctx else None,
            holder_side=holder_side,
            term_text=self.text[term.start : term.end] if term else None,
            cue=self.text[cue.start : cue.end] if cue else None,
            attribution=attribution,
            confidence=round(min(confidence(attribution, cue), round(cap, 3)) * directness, 3),
        )

    def run(self) -> ArticleProposals:
        analyses = [self.analyse(s) for s in self.sentences]
        evidence = list(self.evidence(analyses))
        # A proposal is filed under a state or an organisation: one whose proposer resolved to
        # neither (a person the text names with no country) is left out, with its claims.
        wrong = {e.proposer_id for e in evidence if e.proposer_id is not None}
        wrong = {p for p in wrong if not self.files_proposals(p)}
        unfiled = {e.proposal_id for e in evidence if e.proposer_id in wrong and e.proposal_id}
        return ArticleProposals(
            [e for e in evidence if e.proposer_id not in wrong and e.proposal_id not in unfiled],
            [p for p in self.presentations(analyses) if p.proposal_id not in unfiled],
        )

    def files_proposals(self, entity_id: str) -> bool:
        entity = self.actors.entity(entity_id)
        return entity is not None and entity.entity_type in PROPOSER_TYPES

    def presentations(self, analyses: list[Analysis]) -> list[Presentation]:
        """Sentences presenting a proposal at a meeting or on a date (presented.py)."""
        meta = self.article.meta
        anchor = (
            published_anchor(meta.published_date, meta.published_date_source)
            if meta.published_date is not None
            else None
        )
        return [
            p
            for a in analyses
            for p in find_presentations(
                self.text,
                self.article.article_id,
                a.sentence,
                a.resolved,
                self.meetings,
                self.cues,
                anchor,
            )
        ]

    def evidence(self, analyses: list[Analysis]) -> Iterator[TermEvidence]:
        carrying: dict[str, dict[str, Context]] = {}
        for a in analyses:
            disputed = {t for stance in a.stances for t in stance.terms}
            for term, ctx in a.attached.items():
                if term in disputed and ctx.attribution != "explicit":
                    continue  # "dismissed such proposals": the stance's target, no new claim
                frame = (
                    offer_frame(self.text, a.sentence, ctx.cue, self.cues)
                    if ctx.cue is not None and ctx.attribution == "explicit"
                    else None
                )
                if frame is not None and not frame.asserted:
                    continue  # "Kyiv could drop its NATO bid": a possibility, no offer
                directness = frame.weight if frame is not None else 1.0
                for each in (ctx, *_partner_contexts(ctx), *a.also.get(term, ())):
                    carrying.setdefault(term.label, {}).setdefault(each.proposal_id, each)
                    yield self.claim(
                        a.sentence,
                        term.label,
                        "proposes",
                        each.actor_id,
                        each,
                        each.proposer_id,
                        term,
                        each.cue,
                        each.attribution,
                        each.confidence,
                        directness,
                    )
        for n, a in enumerate(analyses):
            for stance in a.stances:
                for holder in stance.holders:
                    yield from self._stance_claims(analyses, n, stance, holder, carrying)

    def _acted(self, stance: Stance) -> bool:
        """True for a joint act or an agreement to act together ("swapped", "signed by A and B",
        "agreed to exchange 300 prisoners"): a term of each party even where another party of the
        article proposed it; not an agreement to a thing named ("agreed to talks"), which
        supports that proposal."""
        if stance.cue.form == JOINT:
            return True
        return _JOINT_VERB.match(self.text, stance.cue.end) is not None

    def _agreement(self, stance: Stance, holder: Actor, side: str) -> tuple[Context, str] | None:
        """A term parties agree to together, no proposer named: a term of each one's position."""
        if stance.stance != "supports" or not stance.joint:
            return None
        kind = "position"
        ctx = Context(
            side,
            kind,
            kind,
            holder.entity_id or side,
            stance.cue,
            "agreement",
            confidence=holder.confidence,
        )
        return ctx, "agreement"

    def _stance_claims(
        self,
        analyses: list[Analysis],
        n: int,
        stance: Stance,
        holder: Actor,
        carrying: dict[str, dict[str, Context]],
    ) -> Iterator[TermEvidence]:
        a, side, entity = analyses[n], self.side(holder), holder.entity_id or ""
        # an elliptical negation ("Moscow did not") takes its terms up from another stance
        cap = ATTRIBUTION_WEIGHT["anaphora"] if stance.elliptic else 1.0
        for term in stance.terms:
            ctx = a.attached.get(term)
            if ctx is not None and ctx.proposer_id != side:
                targets = [(ctx, ctx.attribution)]
            else:
                others = [c for c in carrying.get(term.label, {}).values() if c.proposer_id != side]
                targets = [(c, "article-term") for c in others]
                agreed = self._agreement(stance, holder, side) if not stance.local else None
                if agreed is not None and (not targets or self._acted(stance)):
                    targets.append(agreed)  # what parties agree to do together: each one's term
                elif not targets and not stance.local:
                    targets = [(None, "corpus-term")]
            for target, how in targets:
                yield self.claim(
                    a.sentence,
                    term.label,
                    stance.stance,
                    entity,
                    target,
                    side,
                    term,
                    stance.cue,
                    how,
                    min(holder.confidence, target.confidence if target else 1.0, cap),
                    stance.directness,
                )
        if stance.terms or not stance.anaphoric:
            return
        here = Analysis(
            a.sentence, [], {t: c for t, c in a.attached.items() if t.end <= stance.cue.start}
        )
        near = [here, *analyses[max(0, n - ANAPHORA_WINDOW) : n][::-1]]
        # a plural anaphor ("rejected the demands") reaches past a few sentences of other
        # matters (who met whom, who flew home) to the last terms of another side, less surely
        far = [] if stance.singular else analyses[max(0, n - FAR_WINDOW) : n - ANAPHORA_WINDOW]
        for previous in [*near, *far[::-1]]:
            pairs = [(t, c) for t, c in previous.attached.items() if c.proposer_id != side]
            if stance.heads:  # "agreed to the exchange": a term of that head's codes only
                pairs = [(t, c) for t, c in pairs if t.label.startswith(stance.heads)]
            if stance.singular and _ambiguous(pairs):
                return  # "the idea" after a truce of one party and a swap of another: which?
            # "the proposal" right after a term no party is said to propose: that term is what
            # it names, and whose it is the text does not say; not an older one
            loose = [t for t in previous.terms if t not in previous.attached]
            if (
                stance.singular
                and not pairs
                and previous is not here
                and any(t.label.startswith(stance.heads or ("",)) for t in loose)
            ):
                return
            if pairs:
                cap = 1.0 if previous in near else FAR_WEIGHT
                if not stance.singular:  # "the demands": all the terms of those proposals
                    pairs = _same_proposals(pairs, [*near, *far[::-1]], side)
                for term, ctx in pairs:
                    yield self.claim(
                        a.sentence,
                        term.label,
                        stance.stance,
                        entity,
                        ctx,
                        side,
                        None,
                        stance.cue,
                        "anaphora",
                        min(holder.confidence, ctx.confidence, cap),
                        stance.directness,
                    )
                return


def _in_earlier_object(ctx: Context, stance: Stance, stances: list[Stance]) -> bool:
    """True when the noun proposal a term is attached to stands in the object of an earlier
    stance verb, and another stance verb comes before the term ("turned down a Ukrainian plan
    for a truce, welcomed a prisoner exchange": the exchange is no part of the plan)."""
    cue = ctx.cue
    if cue is None or cue.form != "noun" or not cue.start < stance.cue.start:
        return False
    return any(
        other is not stance and other.cue.end <= cue.start and other.cue.start < stance.cue.start
        for other in stances
    )


def _stated(text: str, cue: Hit, s: Sentence) -> bool:
    """True for a noun cue whose copula states its content ("Ukraine's priority is securing a
    settlement"): with no term there, the proposal is that content, not one to carry over; not
    a copula with a mere judgement ("The pitch was simple."), which the next sentences explain."""
    if cue.form != "noun":
        return False
    m = _COPULA.match(text, cue.end, s.end)
    # "Dmitriev's pitch was simple.": a judgement, no content; the next sentence states it
    return m is not None and len(text[m.end() : s.end].split()) > 2


def _same_proposals(
    pairs: list[tuple[Hit, Context]], analyses: list[Analysis], side: str
) -> list[tuple[Hit, Context]]:
    """`pairs` and the terms the other `analyses` attach to the same proposals (by proposer and
    slug), once per code: "rejected the demands" takes up every demand of the proposal."""
    wanted = {c.proposal_id for _t, c in pairs}
    codes = {t.label for t, _c in pairs}
    out = list(pairs)
    for analysis in analyses:
        for term, ctx in analysis.attached.items():
            if ctx.proposer_id == side or ctx.proposal_id not in wanted:
                continue
            if term.label not in codes:
                codes.add(term.label)
                out.append((term, ctx))
    return out


def _ambiguous(pairs: list[tuple[Hit, Context]]) -> bool:
    """True when an anaphor naming one thing ("it", "the idea") could take up terms of two
    codes in two proposals ("Washington proposed a truce and Kyiv a prisoner swap. Moscow
    rejected the idea."); one proposal of several terms ("the plan") is one thing."""
    codes = {t.label for t, _ in pairs}
    proposals = {c.proposal_id for _, c in pairs}
    return len(codes) > 1 and len(proposals) > 1


def _inside(cue: Hit, spans: list[tuple[int, int]]) -> bool:
    """True when the cue starts inside one of `spans`."""
    return any(a <= cue.start < b for a, b in spans)


def _partner_contexts(ctx: Context) -> list[Context]:
    """The proposals of the actors coordinated with the proposer ("proposed by the EU and
    Ukraine"): the same terms, each its own proposal."""
    return [
        replace(ctx, proposer_id=side, actor_id=actor, partners=()) for side, actor in ctx.partners
    ]


# How far each way of tying a claim to its proposal is to be trusted: the share of right
# (state, stance, code) rows per attribution on the dev split and the seeds together (December
# 2025: explicit 106 of 109, article-term 17 of 17, anaphora 26 of 30, agreement 4 of 4,
# carry-over 4 of 4), rounded down for small samples; a corpus-term row's stance is usually
# right (8 of 10) but the proposal it hangs on is a guess among the corpus's, hence the lowest.
ATTRIBUTION_WEIGHT = {
    "explicit": 0.95,
    "article-term": 0.9,
    "anaphora": 0.85,
    "agreement": 0.8,
    "carry-over": 0.75,
    "corpus-term": 0.6,
}
# what a proposal's proposer may be (the typed reference of proposals.proposer_id)
PROPOSER_TYPES = frozenset(next(r.types for r in TYPED_REFS if r.column == "proposer_id"))
REPORTED_WEIGHT = 0.85  # a modal demand's proposer is its reporter, a step of inference more


def confidence(attribution: str, cue: Hit | None) -> float:
    """Confidence of a claim: its attribution's weight, times REPORTED_WEIGHT when its cue is a
    modal demand ("must", "should") whose proposer is whoever reports it. A claim whose holder
    or proposer is a quotation's speaker is capped by that quotation's confidence times
    QUOTED_WEIGHT (speakers.py), so below the explicit weight; one taken up by an elliptical
    negation ("Moscow did not") by the anaphora weight; one whose proposer a frame names ("For
    Moscow, ...") by FRAME_WEIGHT (attribution.py) (`claim`, `_stance_claims`). A stance's
    claim is then multiplied by how directly the text states it (frames.py: 1 for "Russia
    rejected", less for an intention, another side's report, a hedge, a belief)."""
    weight = ATTRIBUTION_WEIGHT[attribution]
    if cue is not None and cue.form == "reported":
        weight *= REPORTED_WEIGHT
    return round(weight, 3)


@cache
def pattern_groups(directory: str | None = None) -> tuple[Groups, Groups]:
    """The codebook's patterns code by code, the cues' cue by cue (see hits.py; made once)."""
    return code_groups(load_codebook(directory)), cue_groups(load_cues(directory))


@cache
def lead_index(directory: str | None = None) -> LeadIndex:
    """The codebook's and the cues' patterns by their literal leads (built once). Patterns are
    known by identity: the loaders return one object per directory, so the index holds the very
    patterns the detector matches."""
    return LeadIndex([*load_codebook(directory).patterns(), *load_cues(directory).patterns()])


def codes_in(text: str, start: int = 0, end: int | None = None) -> set[str]:
    """The codes the codebook's wording finds in text[start:end] read as one sentence, as the
    detector reads a sentence (its lead index, `yields_to`): for tests and benchmarks of the
    vocabulary."""
    stop = len(text) if end is None else end
    live = lead_index().live(text[start:stop])
    found = find_terms(text, Sentence(0, 0, start, stop), load_codebook(), live)
    return {hit.label for hit in found}


def proposal_evidence(
    article: Article,
    kb: KnowledgeBase,
    found: MentionResult,
    meetings: Sequence[MeetingMention] = (),
    quoted: Sequence[Quote] | None = None,
    referents: Sequence[Referent] | None = None,
) -> ArticleProposals:
    """Every proposal-term claim of one article (`proposes` claims, then stances) and the
    sentences presenting its proposals at a meeting of the meetings stage's `meetings`, with
    the speakers of the quotes stage's `quoted` and the sentence subjects its discourse model
    resolves (`referents`; both computed here when None). Pure."""
    if quoted is None or referents is None:
        computed, referents = quotes_and_referents(article, kb, found)
        quoted = computed if quoted is None else quoted
    return _Article(article, kb, found, meetings, quoted, referents).run()


def term_evidence(article: Article, kb: KnowledgeBase, found: MentionResult) -> list[TermEvidence]:
    """Every proposal-term claim of one article: `proposes` claims, then stances. Pure."""
    return proposal_evidence(article, kb, found).evidence
