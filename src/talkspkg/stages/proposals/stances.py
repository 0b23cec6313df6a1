"""Stances in one sentence: who supports, rejects or conditionally accepts which terms.

A cue coordinated with the clause's first verb and no subject of its own ("Putin has demanded that
Ukraine withdraw ... and has ruled out any deployment"; after a comma when a verb cue comes before
it: a headline's "Moscow rejects Kyiv's proposal, agrees to prisoner exchange") is held by that
verb's subject, not by the last actor named in between (unless that subject reports another's
clause: "Zelensky said Putin wanted ... and rejected ..."; a stance verb with its object, "Moscow
rejected Kyiv's plan ... and ruled out ...", reports nothing). A supports or conditional cue
followed by "only if/after/once/when" ("would agree to a ceasefire only if the West stopped arming
Kyiv", "would consider X only after Y") is conditional, and the terms of its condition are the
holder's demand. So is a supports cue whose object an "only after/when/if" closes when the codebook
reads the condition as a term ("would accept a swap only after a ceasefire": a sequencing wording,
no cue of its own). So is the holder's own act on such a condition ("Ukraine would hold
elections only after a ceasefire": conditional on the elections; the "only after" phrase is the
condition, no sequencing term of the act's scope).

Holder policy: a `holder: before` cue in the passive with no agent ("Ukraine's proposal for a
30-day ceasefire was rejected", "was also turned down") is held by nobody: its subject is what
is rejected, and the possessive proposer of that subject is no holder (an agent, "rejected by
Moscow", is a `holder: after` cue of its own). A bare stance verb in another's demand or in an
obligation ("demands that Ukraine ... accept a ban on ...", "Kyiv would have to hold elections
and agree to limits on ...") is the content of that demand, no stance of the party named. An
impersonal verdict in a direct quotation, with no party as its subject ("“Nobody has the right
to give away our land,” X said", "“A 30-day truce is unacceptable”"), is the speaker's; "the
two sides agreed" in a quotation stays a report of others. A `holder: before` cue with no actor
before it, outside quotations and not a passive ("X is out of the question, Lavrov said"; not
"X was rejected, Lavrov said"), is held by the person of a trailing speech clause after it with
no actor between. For a `holder: before`
cue, the nearest actor before it that no preposition governs ("Zelensky ... dismissed", "Kyiv
would not"), inside a ", which" clause when the cue stands in one, with the actors coordinated
with it ("Ukraine and Russia agreed"), skipping actors in a dash or bracket aside ("During the
call – joined by Rubio – the leaders agreed"), and the actor of a compound ("a US-backed
truce"), but no name inside a term's wording ("a Putin-Zelensky meeting was possible only ..."
is no stance of Zelensky's); after a reporting participle ("Russia rejected Zelensky's plan,
reiterating that it would not"), the subject of the sentence; a first-person holder is the
quotation's speaker as the quotes stage attributes it, and a speaker phrase it resolved ("He
stressed", "they said") is an actor (speakers.py); a cue inside a direct quotation finds its
holder inside the quotation only (`X said: "The two sides agreed ..."` is no stance of X's). A
person reporting the stance of their side with a speech verb holds it too ("Svyrydenko said Kyiv
would not recognise ..."). For a `holder: after` cue, every actor of the complement up to the
next comma or cue ("unacceptable to both Kyiv and other European nations"; "rejected by Moscow
and welcomed by Kyiv": Moscow only), and a person reporting it ("Duda said the idea was
unacceptable to Warsaw"). A gerund cue after a verb of judgment and the party it judges
("Tallinn accused Budapest of backing ...", "Berlin praised Kyiv for accepting ...";
`judgment_verbs` in proposal_cues.yaml) is held by the party judged, at JUDGED_WEIGHT (actors.py:
the judge tells it), and the judging verb itself ("criticised Hungary for blocking ...") is no
stance of the judge's on the terms. An actor possessing or premodifying a proposal noun before
the cue ("Kyiv's proposal for a swap was unacceptable, Lavrov said", "the Ukrainian demand ...
was out of the question") is the author of what is judged, never its holder.

Scope policy: a `scope: after` cue bears on the terms between it and the next stance or verb
cue, or a new clause, appositive or reporting participle (", and ...", ", a condition ...",
", saying the war should be frozen ...": the holder's own words) if one comes first; a
`scope: before` cue on those between the previous such cue (not a passive participle with its
agent: "A truce, proposed by Trump, was accepted by Putin", nor a passive stance it is
coordinated with: "was rejected by Moscow and welcomed by Kyiv"), or the last such boundary, and it
(but not ", but": "we agree – but only if ..." conditions the clause before), leaving out a
", which ..." aside describing an actor ("Kyiv, which wants to join the EU, said such terms
were tantamount to surrender": the terms, not EU membership); a cue in a
", which" clause with nothing after it on the terms before the clause, and a `scope: after`
cue ending its sentence ("...; Kyiv refuses") on the terms before it; a pronoun object across
a new clause takes up the terms of the stance just before ("Kyiv accepted the 30-day truce;
Moscow rejected it": "it" one code only, "them" all); a cue in the relative clause of an
appositive noun ("..., an offer the Kremlin has rejected as unacceptable", "– an idea Kyiv
rejects") on the terms before the appositive; and a cue in a restrictive
relative clause on the term it modifies ("the 30-day ceasefire that Ukraine accepted"). With no
term in scope, a sentence pointing back on the cue's scope side ("rejected the demand", "these
points are non-starters", a pronoun object ending its phrase: "we support it – but only if",
"agreed to it on Friday", "signed up to that.", "will not do that", or a pronoun inside a phrasal
cue: "turned it down") bears on earlier terms (see
detect.py), unless a quantifier makes it some of them ("most of these points"): which ones, the
text does not say; an anaphor naming one thing is `singular` (detect.py drops it when two
proposals of different codes could be meant, and when the sentence it reaches back to names a
term no party is said to propose: that is what it names, and whose is unsaid). A definite noun
naming a term's head ("agreed to the exchange", "rejected the truce"; `term_heads`) is a
singular anaphor of a term of those codes only.

A stance cue in the infinitive right after another ("refused to accept a truce", "agreed to
accept a swap") is that one's object, no cue of its own: the first holds the stance. A refusal
in the infinitive after a refusal ("refused to rule out a truce", "declined to reject it") is two
negations: the holder keeps the term open, no stance at all.

Coordinated holders never reach into a fronted adjunct closed by its comma ("According to
Peskov, Kyiv and London rejected ...", "In a call with Erdogan, Zelensky and Macron ...",
"Speaking to Merz, ...", "After meeting Putin, ..."): its actor is a source or a partner, no
co-holder.

An affirmative ellipsis ("Kyiv supports a full ceasefire; so does London", "Norway did too",
"as did Paris") gives its one-actor subject the support or rejection just stated, on its terms.
A stance's object ends at "but" opening the holder's next clause ("welcomed the truce but said
Russia must first ...").

An elliptical negation ("Kyiv accepted it. Moscow did not.", "Kyiv has accepted it, the Kremlin
has not") is a rejection by its one-actor subject of what the acceptance just before it (in its
sentence, or the sentence before in its paragraph) bears on, when that acceptance is of another
side and bears on a term or an anaphor; after a rejection or a joint act it says nothing.

A joint act bears only on the term that opens its object, at most three words after the verb
and no preposition between ("swapped 150 prisoners", "carried out their largest swap of
prisoners"; not "traded accusations over the collapse of the energy truce").

A collective subject right before a `holder: before` cue ("the two sides agreed", "the
delegations agreed") is held by the parties of the encounter the passage tells (detect.py).

A conditional cue's own condition ("a ceasefire would depend on the lifting of sanctions",
"only if Kyiv drops its NATO bid") names the holder's demand (detect.py makes it a position).

A cue preceded by a hypothetical marker ("to accept", "can possibly accept"; not the cue's own
modal: "Moscow could never agree" is a refusal), negated ("did not reject", "has not ruled out",
"Neither Kyiv nor Moscow has accepted"), in what another hopes, expects or doubts the holder will do
("hoped Moscow would accept", "unclear whether Kyiv will agree"), or standing in a claim the
sentence says is doubted or denied ("cast doubt on a claim ... that Modi had agreed to"), is no
stance; a
supports cue followed by a conditional cue ("would agree ... only if", "we agree – but only
if") is conditional, unless the condition stands in a ", but" clause with a subject of its own
("willing to talk about guarantees, but their exact nature will depend on ..."): a condition on
the details, held by nobody in that clause.

Frame (frames.py): a stance standing as another party's prediction ("Diplomats believe Russia
will accept", "Trump said Putin would accept"), a plan's content ("Under the plan, Kyiv would
accept") or a claim the sentence says is denied (", a claim the Kremlin denied") is no stance;
a kept one carries how directly the text states it (`directness`: stated by its holder,
intended, reported by the other side, hedged, believed), which caps its claims' confidence. A
verb with no object ending the sentence after another stance stated ("Kyiv rejects X, and most
Ukrainians agree") bears on nothing: it agrees with that stance.

Whose stance, by clause: a cue in a ", who" clause is held by the actor right before "who"
("Zelensky met Macron, who backed ...": Macron); a reporting participle opening a clause with
an actor of its own (", adding that Moscow had accepted ...") gives the stance to that actor,
not to the sentence's subject; coordinated holders are a list ending in "and" ("the U.S.,
Ukraine, and Russia agreed") or opening the clause (a headline's "Russia, Ukraine agree"),
never an actor a bare comma sets apart ("In a call with Putin, Trump backed ...": Trump only);
an actor in a ", whom"/", whose" aside closed before the cue holds nothing ("Putin, whom Trump
urged to accept ..., rejected ...": Putin).

A stance's object ends at a contrast ("rejected the truce but not the swap", "rather than",
"instead of"); a refusal followed by "unless" is conditional ("will not accept X unless Y": X
only if Y), and a denied intention ("has no intention of accepting") is no stance (`negation`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from talkspkg.stages.proposals.actors import PREPOSITIONS, Actor, Actors
from talkspkg.stages.proposals.cues import Cues
from talkspkg.stages.proposals.frames import stance_frame
from talkspkg.stages.proposals.hits import JOINT, PROPOSAL, STANCE, Hit
from talkspkg.stages.proposals.text import Sentence

_WHICH = re.compile(r",\s+which\b", re.IGNORECASE)
_INFINITIVE = re.compile(r"\s+to\s+", re.IGNORECASE)
_BUT = re.compile(r"(?:,|\s[–—])\s+but\s+", re.IGNORECASE)
_MODAL_OPENING = re.compile(r"(?:would|will|could|can|might|may)\s+(?=\S)", re.IGNORECASE)
_COMPLEMENT_END = re.compile(r"[,;.]|\bwhich\b")
_PARTICIPLE = re.compile(
    r",\s*(?:reiterating|saying|adding|insisting|arguing|stressing|warning|noting)\b"
)
# a pronoun object right after the cue, ending its phrase ("back it, provided ...", "agreed to
# it on Friday", "will not do that.", "refuses to hand it over"); "that"/"this" only before a
# punctuation mark or a closing word ("agreed that on Monday ..." opens a clause)
# a verb with no object: its clause ends right after it ("Kyiv refuses, and ...", "Moscow agreed.")
_NO_OBJECT = re.compile(r"\s*(?:[,.;!]|$|\s+(?:and|but)\b)")
_OBJECT_PRONOUN = re.compile(
    r"\s+(?:(?:do|allow)\s+|(?:to\s+)?(?:hand|give|cede|surrender|return)\s+)?(?:it|them)\b"
    # "refuses to hand it over", "will not give them up": the transfer of what was named before
    r"(?:\s+(?:up|over|back|away)\b)?(?=\s*(?:[,.;:!?–—\"”’)]|$)|\s+(?:but|as|and|if|"
    r"unless|provided|outright|entirely|completely|fully|too|either|in\s+principle|on|at|in|"
    r"last|after|during|yesterday|today|earlier|later|again|publicly|immediately|now|then|"
    r"within|quickly|swiftly|readily|unconditionally|straight\s+away|at\s+once)\b)"
    r"|\s+(?:(?:do|allow)\s+)?(?:that|this|so)\b(?=\s*(?:[,.;:!?–—\"”’)]|$)|\s+(?:but|"
    r"outright|too|either)\b)",
    re.IGNORECASE,
)
# an object pronoun inside a phrasal cue ("turned it down")
_INNER_PRONOUN = re.compile(r"(?<=\s)(?:it|them)(?=\s)", re.IGNORECASE)
# the anaphor names one thing ("it", "the idea", "that plan"), not several ("these points")
_PLURAL = re.compile(r"(?:s|them)$", re.IGNORECASE)
_PARTICLE = re.compile(r"\s+(?:up|over|back|away)$", re.IGNORECASE)  # "give them up": "them"
# an elliptical negation taking up an acceptance just stated ("Kyiv accepted it. Russia did
# not.", "Kyiv has accepted it, the Kremlin has not"): the clause is its subject and the
# auxiliary only
_ELLIPSIS = re.compile(
    r"(?:^|(?<=[,;])\s+|\s[–—]\s+)(?:(?:but|while|whereas|and)\s+)?"
    r"(?P<subject>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+"
    r"(?P<aux>(?:did|does|do|has|have|had|would|will)\s+not|(?:didn|doesn|don|hasn|haven|hadn|"
    r"wouldn|won)[’']t)(?:\s+(?:yet|so\s+far))?(?=\s*(?:[.;!]|,\s|$))",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\s+(?:that|which)\s+(?:[\w’'.-]+\s+){1,4}", re.IGNORECASE)
_WHICH_VERB = re.compile(r",\s+which\s+(?:\w+\s+)?", re.IGNORECASE)
# a condition opening a clause ends a stance's object: its terms are the condition
_CONDITION = re.compile(
    r"\s(?:once|if|unless|provided(?:\s+that)?|as\s+long\s+as|on\s+condition\s+that|"
    r"only\s+(?:after|when|once|if))\s",
    re.IGNORECASE,
)
_ONLY = re.compile(r"only\s", re.IGNORECASE)
_AGENT = re.compile(r"\s+by\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*(?:[.;!?\"”’)]\s*)*$")
_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whom|whose)\b[^,;.]*,")
_DASH = re.compile(r"\s[–—]\s")
_ASIDE_CLOSE = re.compile(r"\s[–—]\s|\)")
# the object of a stance ends at a new clause (", and Moscow would ..."), an appositive that
# describes it anew (", a condition Kyiv sees as essential for ..."), or a reporting participle
# giving the holder's own words (", saying the war should be frozen ...": its counter-proposal)
_SCOPE_END = re.compile(
    r",\s+(?:and|but|while|whereas|a|an|saying|adding|arguing|insisting|stressing)\s"
    # "welcomed the truce but said Russia must first ...": the holder's next clause
    r"|\s+but\s+(?:(?:also\s+)?(?:said|says|added|adds|insisted|insists|warned|warns|stressed|"
    r"noted|argued|demanded|demands|urged|urges)|he|she|it|they|we)\b"
    # "rejected the truce but not the swap", "backed a truce rather than a freeze": not its object
    r"|,?\s+(?:but\s+not|rather\s+than|instead\s+of|as\s+opposed\s+to)\b",
    re.IGNORECASE,
)
_UNLESS = re.compile(r"unless\b", re.IGNORECASE)
# ", but only if" attaches the condition to the clause before it
_SCOPE_START = re.compile(r",\s+(?:and|while|whereas|a|an)\s", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Stance:
    cue: Hit
    stance: str
    holders: tuple[Actor, ...]
    terms: tuple[Hit, ...]
    anaphoric: bool  # no term in scope, but the sentence points back to earlier terms
    joint: bool = False  # two or more coordinated holders of different sides ("A and B agreed")
    local: bool = False  # bears only on proposals of its own article (readiness, detect.py)
    # terms of the condition a conditional acceptance sets ("would only consider X once Kyiv
    # drops Y": Y), the holder's own demand (detect.py)
    conditions: tuple[Hit, ...] = ()
    singular: bool = False  # the anaphor names one thing ("it", "the idea"): see detect.py
    # the anaphor is a term's head noun ("agreed to the exchange"): the code prefixes it takes up
    heads: tuple[str, ...] = ()
    elliptic: bool = False  # an elliptical negation taking up another stance ("Moscow did not")
    directness: float = 1.0  # how directly the text states it (frames.py): caps its confidence


def _agentive(text: str, cue: Hit, s: Sentence) -> bool:
    """True for a proposal verb used as a passive participle with its agent ("a truce, proposed
    by Trump, ..."): it modifies a noun of the clause and ends no scope."""
    return cue.group == PROPOSAL and _AGENT.match(text, cue.end, s.end) is not None


_AND_TAIL = re.compile(r"\s+(?:and|but)\s+(?:(?:was|were|is|are|has\s+been|had\s+been)\s+)?$")


def _coordinated_passive(text: str, before: Hit, cue: Hit) -> bool:
    """True when a passive stance with its agent is coordinated with the one before it ("was
    rejected by Moscow and welcomed by Kyiv"): both bear on the same subject."""
    return (
        before.group == STANCE
        and before.holder == "after"
        and before.scope == "before"
        and cue.holder == "after"
        and cue.scope == "before"
        and _AND_TAIL.search(text, 0, cue.start) is not None
        and not re.search(r"[,;]", text[before.end : cue.start])
    )


def _which_proposes(text: str, cue: Hit, following: Hit) -> bool:
    """True when the cue after a stance cue is a proposal verb opening a ", which" clause on
    its object ("rejected the Russian memorandum, which demanded ...")."""
    if following.group != PROPOSAL:
        return False
    m = _WHICH_VERB.search(text, cue.end, following.start)
    return m is not None and m.end() == following.start


def _direct_object(text: str, cue: Hit, term: Hit) -> bool:
    """True when the term opens the cue's object: at most three words after it, none a
    preposition ("swapped 150 prisoners", "carried out their largest swap of prisoners")."""
    words = text[cue.end : term.start].split() if term.start >= cue.end else []
    return len(words) <= 3 and not any(w.lower() in PREPOSITIONS for w in words)


def _relative_head(text: str, terms: list[Hit], cue: Hit) -> Hit | None:
    """The term a restrictive relative clause holding the cue modifies ("the 30-day ceasefire
    that Ukraine accepted"): the term right before "that"/"which", a few words before the cue."""
    for term in terms:
        if term.end <= cue.start and _RELATIVE.fullmatch(text, term.end, cue.start):
            return term
    return None


# a new clause between a stance's terms and a second stance on them ("...; Moscow rejected it",
# "..., but Poland rejected it", "... and Moscow accepted them")
_NEW_CLAUSE = re.compile(r";|,?\s+(?:but|and|while|whereas)\s", re.IGNORECASE)


def _taken_up(text: str, s: Sentence, cue: Hit, earlier: list[Hit], terms: list[Hit]) -> list[Hit]:
    """The terms of the stance just before in the sentence that a pronoun object of `cue` takes
    up across a new clause ("Kyiv accepted the 30-day truce; Moscow rejected it"): "it" one
    code only, "them" all; none without such a clause or with a cue between."""
    pronoun = _OBJECT_PRONOUN.match(text, cue.end, s.end)
    stances = [h for h in earlier if h.group == STANCE]
    if pronoun is None or not stances or stances[-1] is not earlier[-1]:
        return []
    before = stances[-1]
    found = [t for t in terms if before.end <= t.start and t.end <= cue.start]
    if not found or not _NEW_CLAUSE.search(text, found[-1].end, cue.start):
        return []
    word = _PARTICLE.sub("", pronoun.group().strip()).split()[-1]
    plural = _PLURAL.search(word) is not None
    if not plural and len({t.label for t in found}) != 1:
        return []
    return found


# an appositive noun with a relative clause holding the stance ("..., an offer the Kremlin has
# rejected as “unacceptable”", "... – an idea Kyiv rejects out of hand")
_APPOSITIVE = re.compile(
    r"(?:,|\s[–—-])\s+(?:an?|the|one)\s+(?:[\w-]+\s+)?(?:offer|proposal|idea|plan|demand|"
    r"condition|step|move|suggestion|request|notion|option)\s+(?:that\s+|which\s+)?"
    r"(?:[\w’'.-]+\s+){1,4}?(?:(?:has|have|had|was|were|is|are)\s+)?"
    r"(?:(?:also|already|since|repeatedly|flatly|promptly|swiftly|quickly)\s+)?$",
    re.IGNORECASE,
)


def _appositive(
    text: str, s: Sentence, cue: Hit, earlier: list[Hit], terms: list[Hit]
) -> list[Hit]:
    """The terms an appositive noun holding the stance in its relative clause sums up: those
    after the last stance cue of the sentence and before the appositive."""
    m = _APPOSITIVE.search(text, s.start, cue.start)
    if m is None:
        return []
    stances = [h for h in earlier if h.group == STANCE and h.end <= m.start()]
    floor = stances[-1].end if stances else s.start
    return [t for t in terms if floor <= t.start and t.end <= m.start()]


def _hypothetical(text: str, s: Sentence, cue: Hit, cues: Cues) -> bool:
    before = text[s.start : cue.start]  # the patterns are anchored at its end
    if cues.negated(before) or any(p.search(before) for p in cues.hypothetical):
        return True
    # a cue opening with its modal ("will not", "would never"): what another hopes or expects
    # it does ("hope Moscow will not resist") reads the modal as the text before the verb
    modal = _MODAL_OPENING.match(text, cue.start, cue.end)
    if modal is None:
        return False
    # a match on the cue's own modal alone ("Moscow could never agree") is no hypothesis
    found = (p.search(before + modal.group()) for p in cues.hypothetical)
    return any(m is not None and m.start() < len(before) for m in found)


def _points_back(
    text: str, s: Sentence, cue: Hit, prev_end: int, next_start: int, cues: Cues
) -> str | None:
    """An anaphor ("these points", "the demand") on the cue's scope side: its object for a
    `scope: after` cue ("rejected the demand"), its subject for `scope: before` ("these points
    are non-starters"); not a phrase elsewhere in the sentence ("unless ... the framework").
    "singular" when it names one thing ("it", "the idea"), "plural" when several, else None."""
    lo, hi = (cue.end, next_start) if cue.scope == "after" else (prev_end, cue.start)
    inside = _INNER_PRONOUN.search(text, cue.start, cue.end)
    if inside is not None:  # "turned it down"
        return "plural" if inside.group().lower() == "them" else "singular"
    if cue.scope == "after" and (m := _OBJECT_PRONOUN.match(text, cue.end, s.end)):
        # "we support it – but only if ...", "Kyiv rejected it outright"
        plural = _PLURAL.search(_PARTICLE.sub("", m.group().rstrip()))
        return "plural" if plural else "singular"
    if (
        cue.scope == "after"
        and cue.form != JOINT
        and _NO_OBJECT.match(text, cue.end, s.end)
        and not re.search(r"[,;:\"“”‘’]", text[s.start : cue.start])  # not "..., Moscow agreed."
    ):
        return "singular"  # "Russia demands X. Kyiv refuses.": what was just put to it
    for pattern in cues.anaphora:
        m = pattern.search(text, max(lo, s.start), min(hi, s.end))
        if m is not None:
            before = text[max(s.start, m.start() - 30) : m.start()]
            # "most of these points": which of them the text does not say
            if any(q.search(before) for q in cues.partitive):
                return None
            return "plural" if _PLURAL.search(m.group()) else "singular"
    return None


def _head_noun(
    text: str, s: Sentence, cue: Hit, prev_end: int, next_start: int, cues: Cues
) -> tuple[str, ...]:
    """The code prefixes of a term's head noun on the cue's scope side ("agreed to the
    exchange": the prisoner exchange), when it stands right after the cue or opens its
    subject; () when there is none."""
    lo, hi = (cue.end, next_start) if cue.scope == "after" else (prev_end, cue.start)
    for pattern, codes in cues.term_heads:
        m = pattern.search(text, max(lo, s.start), min(hi, s.end))
        if m is None:
            continue
        between = text[cue.end : m.start()] if cue.scope == "after" else text[m.end() : cue.start]
        if len(between.split()) <= 3:
            return codes
    return ()


def _taking_up(
    m: re.Match[str],
    group: str,
    s: Sentence,
    actors: Actors,
    sentences: list[Sentence],
    here: list[Stance],
    before: list[Stance],
) -> tuple[Actor, Stance, list[Stance]] | None:
    """The holder an elliptical clause names (its `group` must be one actor, resolved to an
    entity), the stance it takes up (the last one stated before it, in its sentence or the one
    before) and the stances of its own sentence before it; None when any is missing."""
    subject = actors.within(s.start + m.start(group), s.start + m.end(group))
    if len(subject) != 1:
        return None
    holder = actors.resolve(subject[0], sentences, s.index)
    earlier = [x for x in here if x.cue.end <= s.start + m.start()]
    if holder is None or holder.entity_id is None or not (earlier or before):
        return None
    return holder, (earlier or before)[-1], earlier


def find_ellipses(
    text: str,
    s: Sentence,
    actors: Actors,
    sentences: list[Sentence],
    here: list[Stance],
    before: list[Stance],
) -> list[Stance]:
    """Elliptical negations of sentence `s` taking up an acceptance stated just before, in its
    own sentence (`here`) or the sentence before it in its paragraph (`before`): "Kyiv has
    accepted it, the Kremlin has not" is the Kremlin's rejection of what Kyiv accepted. The
    clause must be one actor (of another side than the acceptance's) and the negated auxiliary
    only; the last stance before it must be an acceptance of a term, named or pointed back to
    ("Kyiv rejected X. Moscow did not." says nothing clear)."""
    found: list[Stance] = []
    clause = text[s.start : s.end]  # sliced: "^" is the sentence's start
    if here or before:
        found += _so_does(text, s, actors, sentences, here, before)
    if not (here or before) or not any(w in clause for w in ("not", "’t", "'t")):
        return found  # nothing to take up, or no negation: the common case, kept cheap
    for m in _ELLIPSIS.finditer(clause):
        took = _taking_up(m, "subject", s, actors, sentences, here, before)
        if took is None:
            continue
        holder, taken, earlier = took
        if taken.stance != "supports" or taken.joint or taken.elliptic:
            continue
        if holder.side in {a.side for a in taken.holders}:
            continue
        if not taken.terms and not taken.anaphoric:
            continue
        at = (s.start + m.start("aux"), s.start + m.end("aux"))
        cue = Hit(*at, STANCE, "rejects", holder="before", scope="after")
        # terms of the sentence before are pointed back to, not this sentence's wording
        terms = taken.terms if earlier else ()
        singular = taken.singular if earlier or not taken.terms else False
        found.append(
            Stance(cue, "rejects", (holder,), terms, not terms, singular=singular, elliptic=True)
        )
    return found


# an elliptical clause repeating the stance just stated ("Kyiv supports a full ceasefire; so
# does London", "..., as did Paris", "Berlin did too")
_SO_DOES = re.compile(
    r"(?:^|(?<=[,;])\s+|\s[–—]\s+)(?:and\s+)?(?:(?:so|as)\s+(?P<aux>does|do|did|has|have|"
    r"had|is|are|was|were)\s+(?P<subject>(?:[\w’'.-]+\s+){0,4}?[\w’'.-]+)|(?P<subject2>"
    r"(?:[\w’'.-]+\s+){0,4}?[\w’'.-]+)\s+(?:does|do|did|has|have|had)\s+too)"
    r"(?=\s*(?:[.;!]|,\s|$))",
    re.IGNORECASE,
)


def _so_does(
    text: str,
    s: Sentence,
    actors: Actors,
    sentences: list[Sentence],
    here: list[Stance],
    before: list[Stance],
) -> list[Stance]:
    """Affirmative ellipses of sentence `s` ("...; so does London", "Paris did too"): the
    one-actor subject takes the stance just stated (supports or rejects, not a joint act) on its
    terms."""
    found: list[Stance] = []
    clause = text[s.start : s.end]
    for m in _SO_DOES.finditer(clause):
        group = "subject" if m.group("subject") else "subject2"
        took = _taking_up(m, group, s, actors, sentences, here, before)
        if took is None:
            continue
        holder, taken, _earlier = took
        if taken.stance not in ("supports", "rejects") or taken.joint or taken.elliptic:
            continue
        if not taken.terms and not taken.anaphoric:
            continue
        at = (s.start + m.start(group), s.start + m.end())
        cue = Hit(*at, STANCE, taken.stance, holder="before", scope="after")
        found.append(
            Stance(
                cue,
                taken.stance,
                (holder,),
                taken.terms,
                not taken.terms,
                singular=taken.singular,
                elliptic=True,
            )
        )
    return found


def _with_speakers(
    found: list[Actor], s: Sentence, before: int, actors: Actors
) -> tuple[Actor, ...]:
    """Add the persons who report the stance of their own side ("Svyrydenko said Kyiv would not
    ..."); a person reporting another side's stance ("Trump said Putin had agreed") does not
    hold it."""
    sides = {a.side for a in found}
    for actor in actors.within(s.start, before):
        if (
            actors.is_speaker(actor)
            and actor.entity_id not in {a.entity_id for a in found}
            and (not sides or actor.side in sides)
        ):
            found.append(actor)
    return tuple(found)


_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|get|got)\s+"
    r"(?:(?:\w+ly|also|later|then|again|since|already|soon|swiftly|all\s+but)\s+){0,2}$",
    re.IGNORECASE,
)
# a participle cue of a passive ("was rejected", "has been turned down", "was also welcomed");
# "is opposed to" is an active verdict (its subject holds it)
_PARTICIPLE_CUE = re.compile(r"(?!oppos)\w+ed\b", re.IGNORECASE)


def _passive(text: str, s: Sentence, cue: Hit) -> bool:
    """True for a stance verb in the passive with no agent after it ("Ukraine's proposal for a
    30-day ceasefire was rejected"): its subject is what is rejected, not who rejects it (the
    agent, "rejected by Moscow", is a `holder: after` cue of its own)."""
    return (
        cue.holder == "before"
        and _PARTICIPLE_CUE.match(text, cue.start, cue.end) is not None
        and _PASSIVE_BEFORE.search(text, s.start, cue.start) is not None
    )


# a stance verb in the bare form inside what another demands or what a party is obliged to do
# ("demands that Ukraine accept a ban on ...", "Kyiv would have to hold elections and agree to
# limits on ..."): the content of the demand, no stance of the party named
_BARE_CUE = re.compile(
    r"(?:accept|agree|support|back|endorse|welcome|approve|embrace|reject|dismiss|rule|"
    r"oppose|sign|consent|turn|drop|block|veto|recogni[sz]e)\b",
    re.IGNORECASE,
)
_OBLIGED = re.compile(
    r"(?:\b(?:demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|requir(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|"
    r"ask(?:s|ed|ing)?|propos(?:e|es|ed|ing)|suggest(?:s|ed|ing)?)\s+that\s+"
    r"(?:[\w’'.-]+\s+){1,4}?"
    r"|\b(?:must|(?:have|has|had|need|needs|needed)\s+to|should|(?:is|are|was|were|be)\s+"
    r"(?:obliged|required|expected|forced)\s+to)\s+(?:(?:also|first|then|still|now)\s+)?)"
    r"(?:[^,;:.?!]{0,160}?\s(?:and|or)\s+(?:(?:also|then|to)\s+)?)?$",
    re.IGNORECASE,
)


def _obliged(text: str, s: Sentence, cue: Hit) -> bool:
    """True for a bare stance verb in another's demand or a party's obligation (see _OBLIGED)."""
    return _BARE_CUE.match(text, cue.start, cue.end) is not None and (
        _OBLIGED.search(text, s.start, cue.start) is not None
    )


_TRAILING_SPEECH = re.compile(r",\s+")


def _trailing_reporter(
    text: str, s: Sentence, cue: Hit, actors: Actors, sentences: list[Sentence]
) -> tuple[Actor, ...]:
    """The person of a trailing speech clause ("X is out of the question, Lavrov said";
    "elections could be held only after ..., said Ruslan Bondar, the speaker of ...") holds a
    `holder: before` stance with no actor before it: the verdict is the speaker's own. Not a
    passive ("the plan was rejected, Lavrov said" reports another's act), nor a cue inside a
    quotation (its speaker is found there)."""
    speech = actors.speech_at(cue.start)
    if speech is not None and speech.direct:
        return ()
    if _PASSIVE_BEFORE.search(text, s.start, cue.start):
        return ()
    for m in _TRAILING_SPEECH.finditer(text, cue.end, s.end):
        tail = m.end()
        if actors.within(cue.end, tail):
            return ()  # an actor between: not the speaker's own verdict
        following = actors.within(tail, s.end)
        if not following:
            continue
        actor = following[0]
        if (
            len(text[tail : actor.start].split()) <= 1
            and actors.is_speaker(actor)
            and not actors.is_object(actor, tail)
        ):
            holder = actors.resolve(actor, sentences, s.index)
            if holder is not None and holder.entity_id is not None:
                return (holder,)
    return ()


def _new_subject(text: str, s: Sentence, cue: Hit) -> int | None:
    """The start of the ", but ..." clause of a condition when that clause has its own subject
    ("willing to talk about X, but the details will depend on ..."); None when the condition
    follows "but" directly ("we agree – but only if ...")."""
    breaks = list(_BUT.finditer(text, s.start, cue.start))
    if not breaks:
        return None
    words = [w for w in text[breaks[-1].end() : cue.start].split() if w.lower() != "only"]
    return breaks[-1].end() if len(words) > 2 else None


def _holders_before(
    text: str,
    s: Sentence,
    cue: Hit,
    actors: Actors,
    sentences: list[Sentence],
    terms: list[Hit],
    earlier: Sequence[Hit] = (),
    authors: Sequence[Actor] = (),
) -> tuple[tuple[Actor, ...], bool]:
    """The holders of a `holder: before` cue, and whether they are of two sides or more.
    `earlier`: the verb and stance cues before it in the sentence (", agrees to" after
    "rejects" is that verb's subject's, as ", and agrees to" is)."""
    after_verb = any(h.form in ("verb", "") for h in earlier)
    if _passive(text, s, cue):  # "Ukraine's proposal ... was rejected": by whom, unsaid
        return (), False
    lo = s.start
    speech = actors.speech_at(cue.start)
    if speech is not None and speech.direct:  # the speaker's own sentence: its clause only
        lo = max(lo, speech.start)
    judged = actors.judged(lo, cue.start)
    if judged:  # "Tallinn accused Budapest of backing ...": Budapest backs it
        held = [actors.resolve(a, sentences, s.index) for a in judged]
        found = [a for a in held if a is not None and a.entity_id is not None]
        return tuple(found), False
    if cue.label == "conditional":
        lo = _new_subject(text, s, cue) or lo
    for m in _WHICH.finditer(text, s.start, cue.start):
        if "," not in text[m.end() : cue.start]:  # the cue stands in the ", which" clause
            lo = m.end()
    if _WHO.search(text, lo, cue.start):  # "Zelensky met Macron, who backed ...": Macron's
        antecedent = _who_antecedent(text, s, cue, actors, lo)
        held = actors.resolve(antecedent, sentences, s.index) if antecedent else None
        return ((held,), False) if held is not None and held.entity_id is not None else ((), False)
    compound = [a for a in actors.within(lo, cue.start) if text[a.end : cue.start] == "-"]
    if compound:  # "a US-backed truce": the compound's actor backs it
        return (compound[-1],), False
    participles = list(_PARTICIPLE.finditer(text, lo, cue.start))
    if participles and _own_subject(text, participles[-1].end(), cue, actors):
        # "..., adding that Moscow had accepted ...": the reported clause's subject holds it
        lo, participles = participles[-1].end(), []
    if participles:  # "Russia rejected X's plan, reiterating that it would not ..."
        participle = participles[-1]
        subjects = [
            a
            for a in actors.within(lo, participle.start())
            if not actors.is_object(a, s.start) and not _parenthetical(text, a, cue)
        ]
        if subjects:
            holder = actors.resolve(subjects[0], sentences, s.index)
            if holder is not None and holder.entity_id is not None:
                return _with_speakers([holder], s, holder.start, actors), False
        return (), False
    holder = None
    before = [
        a
        for a in actors.within(lo, cue.start)
        if not _parenthetical(text, a, cue)
        and a not in authors
        and not any(t.start <= a.start < t.end for t in terms)
        and not (
            cue.scope == "before" and _SUBORDINATE.search(text, max(lo, a.start - 40), a.start)
        )
    ]
    order = range(len(before) - 1, -1, -1)
    coordinated = _VP_AND.search(text, lo, cue.start) is not None or (
        after_verb and _VP_COMMA.search(text, lo, cue.start) is not None
    )
    if coordinated and before:
        # "Putin has demanded that Ukraine withdraw ... and has ruled out ...": the second verb's
        # subject is the first one's, not the last actor named in its object
        first = next((n for n in range(len(before)) if not actors.is_object(before[n], s.start)), 0)
        while (
            first + 1 < len(before)
            and not text[before[first].end : before[first + 1].start].strip()
        ):
            first += 1  # "Ukrainian President Volodymyr Zelensky": the name, not the demonym
        if not actors.reports_another_subject(before[first], cue.start) or _stance_verb(
            text, before[first], cue, actors, earlier
        ):
            order = range(first, first + 1)
    for n in order:
        if not actors.is_object(before[n], s.start):
            holder = actors.resolve(before[n], sentences, s.index)
            break
    if not before and speech is not None and speech.direct and _impersonal(text, lo, cue):
        # an impersonal verdict in the speaker's own sentence ("“Nobody has the right to give
        # away our land,” X said", "“A 30-day truce is unacceptable”"): the speaker's
        speaker = actors.quoted(speech, cue.start, cue.end)
        return ((speaker,), False) if speaker is not None else ((), False)
    if holder is None or holder.entity_id is None:
        return (), False
    found = [holder]
    # coordinated holders: "Kyiv and Moscow accepted", "the U.K., France, and Poland had backed";
    # a list ends in "and", or opens its clause (a headline's "Russia, Ukraine agree swap"): not
    # an actor a bare comma sets apart ("In a call with Putin, Trump backed ...")
    last = text[before[n - 1].end : before[n].start] if n > 0 else ""
    listed = n > 0 and (
        "and" in last.lower().split()
        or text[lo : before[n - 1].start].strip().lower() in ("", "the")
    )
    fronted = _FRONTED.match(text, lo, cue.start)
    while n > 0 and listed:
        if not _COORDINATION.fullmatch(text[before[n - 1].end : before[n].start]):
            break
        if fronted is not None and before[n - 1].start < fronted.end():
            break  # "According to Peskov, Kyiv and London rejected ...": Peskov holds nothing
        n -= 1
        if before[n].kind == "mention":
            found.append(before[n])
    joint = len({a.side for a in found}) >= 2  # before the reporters join the holders
    return _with_speakers(found, s, found[-1].start, actors), joint


_WHO = re.compile(r",\s+who\s+(?:\w+\s+){0,3}?$", re.IGNORECASE)
# a fronted adjunct opening the clause and closed by its comma: a preposition's phrase, a
# participle's or a subordinate clause ("According to X,", "In a call with X,", "Speaking to X,",
# "After meeting X,", "Asked by X,", "As X said,"); the actors in it are never co-holders
_FRONTED = re.compile(
    r"\s*[“\"‘']?(?:(?i:according\s+to|in|on|at|after|before|during|with|following|per|under|"
    r"amid|alongside|for|from|by|despite|citing|unlike|like|as|while|when|once)\b|"
    r"[A-Z][a-z]+(?:ing|ed)\s+[a-z])[^,;:.!?]*,"
)


def _who_antecedent(text: str, s: Sentence, cue: Hit, actors: Actors, lo: int) -> Actor | None:
    """The actor a ", who" clause holding the cue describes ("Zelensky met Macron, who backed
    ..."): the actor right before "who", whatever governs it; None when no actor stands there
    (someone the text does not make an actor: nobody, not the sentence's subject)."""
    m = _WHO.search(text, lo, cue.start)
    if m is None:
        return None
    named = actors.within(max(lo, m.start() - 80), m.start())
    if named and not text[named[-1].end : m.start()].strip():
        return named[-1]
    return None


def _own_subject(text: str, start: int, cue: Hit, actors: Actors) -> bool:
    """True when the clause a reporting participle opens names an actor of its own before the
    cue ("..., adding that Moscow had accepted"), not a pronoun taking the subject up."""
    return any(
        a.kind in ("mention", "demonym") and not actors.is_object(a, start)
        for a in actors.within(start, cue.start)
    )


_IMPERSONAL_SUBJECT = re.compile(
    r"[\s\"“”‘’'(]*(?:(?:it|this|that|there|such\s+\w+|nobody|no\s+one)\s+)?", re.IGNORECASE
)


def _impersonal(text: str, lo: int, cue: Hit) -> bool:
    """True for a verdict with no party as its subject: a copula's on what it names ("the
    truce is unacceptable"), or a verb whose subject is impersonal ("it cannot be", "nobody has
    the right to"); not "the two sides agreed", a report of others."""
    return cue.scope == "before" or _IMPERSONAL_SUBJECT.fullmatch(text, lo, cue.start) is not None


# the subject of a clause inside a verdict's subject ("lifting sanctions before Russia stops
# its attacks would be a mistake"): not the verdict's holder
_SUBORDINATE = re.compile(
    r"\b(?:before|after|until|unless|once|since|while|if|when|because)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _stance_verb(text: str, actor: Actor, cue: Hit, actors: Actors, earlier: Sequence[Hit]) -> bool:
    """True when the verb after the actor that reads as a speech verb is a stance cue with its
    object ("Moscow rejected Kyiv's proposal ..., and ruled out ..."): no report of another's
    clause, so the second verb is the actor's too."""
    verbs = list(actors.speech_verb.finditer(text, actor.end, cue.start))
    return bool(verbs) and any(
        h.group == STANCE and h.start <= verbs[-1].start() < h.end for h in earlier
    )


# a verb right after a comma, with no subject of its own: coordinated with the verb cue before
# it (a headline's "Moscow rejects Kyiv's proposal, agrees to prisoner exchange")
_VP_COMMA = re.compile(r",\s+(?:(?:also|then|but|yet)\s+)?$")


# a verb coordinated with the clause's first verb, with no subject of its own ("... and has ruled
# out", "..., and also rejected")
_VP_AND = re.compile(
    r"\s(?:and|but)\s+(?:(?:has|have|had)\s+)?(?:(?:also|since|repeatedly|already|flatly)\s+)?$"
)


def _parenthetical(text: str, actor: Actor, cue: Hit) -> bool:
    """True when the actor stands in a dash or bracket aside, or a ", which ... ," clause, closed
    before the cue ("During the call – which was also joined by Rubio – the leaders agreed",
    "Kyiv, which wants to join NATO, said ...")."""
    for m in _RELATIVE_ASIDE.finditer(text, max(0, actor.start - 200), cue.start):
        if m.start() < actor.start and actor.end <= m.end():
            return True
    line = text[text.rfind("\n", 0, actor.start) + 1 : actor.start]
    dashes = len(_DASH.findall(line))
    opened = dashes % 2 == 1 or line.count("(") > line.count(")")
    return opened and bool(_ASIDE_CLOSE.search(text, actor.end, cue.start))


def _actor_asides(text: str, s: Sentence, cue: Hit, actors: Actors) -> list[tuple[int, int]]:
    """The ", which ... ," asides of the sentence before the cue that describe an actor ("Kyiv,
    which wants to join the EU, said ..."), not a proposal ("Witkoff's proposals, which
    included ..., were unacceptable": their content is the stance's object)."""
    ends = {a.end for a in actors.within(s.start, cue.start)}
    return [
        m.span() for m in _RELATIVE_ASIDE.finditer(text, s.start, cue.start) if m.start() in ends
    ]


def _sides(holders: tuple[Actor, ...]) -> int:
    return len({a.side for a in holders})


def _joint_holders(
    text: str,
    s: Sentence,
    cue: Hit,
    holders: tuple[Actor, ...],
    actors: Actors,
    sentences: list[Sentence],
    collective: Callable[[Hit], tuple[Actor, ...]] | None,
) -> tuple[Actor, ...]:
    """The parties of a joint act: its coordinated subject ("Kyiv and Moscow swapped ..."), with
    the partner of a "with" in its clause ("Russia swapped 250 captives with Ukraine"), else
    the parties of the encounter the sentence reports before it ("Talks between ... led to a
    prisoner swap", detect.py); none when they are of fewer than two sides."""
    if _sides(holders) == 1:
        m = _COMPLEMENT_END.search(text, cue.end, s.end)
        end = m.start() if m else s.end
        partners = [
            resolved
            for a in actors.within(cue.end, end)
            if re.search(r"\bwith\s+(?:the\s+)?$", text[cue.end : a.start], re.IGNORECASE)
            and (resolved := actors.resolve(a, sentences, s.index)) is not None
            and resolved.entity_id is not None
        ]
        holders = (*holders, *partners[:1])
    if _sides(holders) < 2 and collective is not None:
        holders = collective(cue)
    return holders if _sides(holders) >= 2 else ()


def _holders_after(
    text: str, s: Sentence, cue: Hit, actors: Actors, sentences: list[Sentence], limit: int
) -> tuple[Actor, ...]:
    m = _COMPLEMENT_END.search(text, cue.end, limit)
    end = m.start() if m else limit
    found: list[Actor] = []
    for actor in actors.within(cue.end, end):
        resolved = actors.resolve(actor, sentences, s.index)
        if resolved is not None and resolved.entity_id is not None:
            found.append(resolved)
    return _with_speakers(found, s, cue.start, actors)


# an actor premodifying a proposal noun: "Kyiv's proposal", "the Ukrainian demand"
_POSSESSED = re.compile(r"(?:['’]s?)?\s+(?:[\w-]+\s+){0,3}")


def _authors(text: str, before: list[Actor], hits: list[Hit]) -> list[Actor]:
    """The actors of `before` that possess or premodify a proposal noun ("Kyiv's proposal for a
    swap was unacceptable", "the Ukrainian demand was rejected"): the author of what is judged,
    never who judges it."""
    nouns = [h.start for h in hits if h.group != STANCE and h.form == "noun"]
    return [
        a
        for a in before
        if any(
            _POSSESSED.fullmatch(text, a.end, n)
            and (a.kind == "demonym" or text[a.end : a.end + 1] in "'’")
            for n in nouns
            if a.end < n
        )
    ]


def _following(ordered: list[Hit], i: int, s: Sentence) -> int:
    """Where the cue after the `i`th of `ordered` starts, else the sentence's end."""
    return ordered[i + 1].start if i + 1 < len(ordered) else s.end


def find_stances(
    text: str,
    s: Sentence,
    hits: list[Hit],
    terms: list[Hit],
    actors: Actors,
    sentences: list[Sentence],
    cues: Cues,
    collective: Callable[[Hit], tuple[Actor, ...]] | None = None,
) -> list[Stance]:
    """The stances of sentence `s`. `collective` gives the parties a collective subject right
    before a cue stands for ("the two sides agreed"; see detect.py), when no actor holds it."""
    # noun cues do not bound a scope: "rejected a US proposal for a 30-day ceasefire"
    # nor does a compound participle, an adjective: "rejected the Kyiv-drafted plan for X"
    ordered = sorted(
        (
            h
            for h in hits
            if h.group == STANCE or (h.form == "verb" and text[h.start - 1 : h.start] != "-")
        ),
        key=lambda h: h.start,
    )
    # "refused to accept a truce": the infinitive is the refusal's object, no cue of its own;
    # a refusal of a refusal ("refused to rule out a truce", "declined to reject") negates it
    # twice: the holder keeps it open, no stance at all
    objects = {
        n
        for n, h in enumerate(ordered)
        if n > 0
        and h.group == STANCE
        and ordered[n - 1].group == STANCE
        and (
            _INFINITIVE.fullmatch(text, ordered[n - 1].end, h.start)
            or (
                not text[ordered[n - 1].end : h.start].strip()
                and text[ordered[n - 1].start : ordered[n - 1].end].lower().endswith(" to")
            )
        )
    }
    twice = {
        m
        for n in objects
        if ordered[n].label == "rejects" and ordered[n - 1].label == "rejects"
        for m in (n - 1, n)
    }
    ordered = [h for n, h in enumerate(ordered) if n not in objects and n not in twice]
    found: dict[Hit, Stance] = {}
    for i, cue in enumerate(ordered):
        if cue.group != STANCE or _hypothetical(text, s, cue, cues) or _obliged(text, s, cue):
            continue
        if actors.judging(cue.end, _following(ordered, i, s)):
            continue  # "Estonia criticised Hungary for blocking ...": a judgment of Hungary
        j = i - 1
        if cue.scope == "before":  # "A truce, proposed by Trump, was accepted by Putin"
            while j >= 0 and (
                _agentive(text, ordered[j], s) or _coordinated_passive(text, ordered[j], cue)
            ):
                j -= 1
        prev_end = ordered[j].end if j >= 0 else s.start
        next_start = ordered[i + 1].start if i + 1 < len(ordered) else s.end
        conditions: tuple[Hit, ...] = ()
        label = cue.label
        if cue.scope == "after":
            if i + 1 < len(ordered) and _which_proposes(text, cue, ordered[i + 1]):
                # "rejected the memorandum, which demanded ...": what the object contains
                next_start = ordered[i + 2].start if i + 2 < len(ordered) else s.end
            stop = _SCOPE_END.search(text, cue.end, next_start)
            bound = stop.start() if stop else next_start
            condition = _CONDITION.search(text, cue.end, bound)
            if condition is not None:  # "would only consider X once Kyiv drops Y"
                if cue.label == "supports" and _ONLY.match(condition.group().strip()):
                    # "would accept X only after a ceasefire", whose condition the codebook
                    # reads as a sequencing term (no conditional cue of its own is left)
                    label = "conditional"
                if label == "conditional":
                    conditions = tuple(t for t in terms if condition.end() <= t.start < bound)
                bound = condition.start()
            # a joint act's verb may open the term ("swapped 150 prisoners")
            first = cue.start if cue.form == JOINT else cue.end
            scope = [t for t in terms if first <= t.start < bound]
            if cue.form == JOINT:  # its object only: not "traded accusations over the truce"
                scope = [t for t in scope if _direct_object(text, cue, t)]
            which = list(_WHICH.finditer(text, prev_end, cue.start))
            if not scope and which:
                scope = [t for t in terms if prev_end <= t.start and t.end <= which[-1].start()]
            elif not scope and (head := _relative_head(text, terms, cue)) is not None:
                scope = [head]  # "the 30-day ceasefire that Ukraine accepted"
            elif (
                not scope
                and _CLAUSE_END.match(text, cue.end, s.end)
                and (
                    not any(h in found for h in ordered[:i])
                    or _INNER_PRONOUN.search(text, cue.start, cue.end) is not None
                )
            ):
                # "Russia demands Ukraine give up land; Kyiv refuses": the terms before it; not
                # a verb with no object after another stance stated ("Kyiv rejects X, and most
                # Ukrainians agree": with the rejection), unless a pronoun is its object ("Kyiv
                # accepted X; Moscow turned it down")
                scope = [t for t in terms if t.end <= cue.start]
            elif not scope and (taken := _taken_up(text, s, cue, ordered[:i], terms)):
                scope = taken  # "Kyiv accepted the 30-day truce; Moscow rejected it."
            elif not scope and (named := _appositive(text, s, cue, ordered[:i], terms)):
                scope = named  # "... peacekeepers, an offer the Kremlin has rejected"
        else:
            starts = [m.end() for m in _SCOPE_START.finditer(text, prev_end, cue.start)]
            begin = starts[-1] if starts else prev_end
            asides = _actor_asides(text, s, cue, actors)
            scope = [
                t
                for t in terms
                if begin <= t.start
                and t.end <= cue.start
                and not any(a <= t.start < b for a, b in asides)
            ]
            if label == "conditional" and _new_subject(text, s, cue) is None:
                # "a ceasefire would depend on the lifting of sanctions", "only if Kyiv drops
                # its NATO bid": what the condition names is the holder's demand
                stop = _SCOPE_END.search(text, cue.end, next_start)
                bound = stop.start() if stop else next_start
                conditions = tuple(t for t in terms if cue.end <= t.start < bound)
        if cue.holder == "before":
            earlier = [h for h in ordered[:i] if h.end <= cue.start]
            authors = _authors(text, actors.within(s.start, cue.start), hits)
            holders, joint = _holders_before(
                text, s, cue, actors, sentences, terms, earlier, authors
            )
            if not holders and collective is not None:
                holders = collective(cue)
                joint = len({a.side for a in holders}) >= 2
            if not holders:
                holders = _trailing_reporter(text, s, cue, actors, sentences)
        else:
            # the complement ends at the next cue ("rejected by Moscow and welcomed by Kyiv")
            limit = max(next_start, cue.end)
            holders, joint = _holders_after(text, s, cue, actors, sentences, limit), False
        if cue.form == JOINT:
            holders = _joint_holders(text, s, cue, holders, actors, sentences, collective)
            joint = True
        if not holders:
            continue
        frame = stance_frame(text, s, cue, holders, actors, cues)
        if not frame.asserted:
            continue  # "Diplomats believe Russia will accept", "Under the plan, Kyiv would ..."
        anaphor = None if scope else _points_back(text, s, cue, prev_end, next_start, cues)
        heads: tuple[str, ...] = ()
        if not scope and anaphor is None:
            heads = _head_noun(text, s, cue, prev_end, next_start, cues)
            anaphor = "singular" if heads else None
        found[cue] = Stance(
            cue,
            label,
            holders,
            tuple(scope),
            anaphor is not None,
            joint,
            conditions=conditions,
            singular=anaphor == "singular",
            heads=heads,
            directness=frame.weight,
        )
        k = i - 1
        while k >= 0 and _agentive(text, ordered[k], s):
            k -= 1  # "ready to accept a truce proposed by Washington, but only if ..."
        previous = ordered[k] if k >= 0 else None
        if (
            cue.label == "conditional"
            and previous in found
            and (
                found[previous].stance in ("supports", "conditional")
                # "will not accept X unless Y": X only if Y, no refusal; not across another
                # actor's clause ("Kyiv refusing X, and Moscow threatening ... unless ...")
                or (
                    found[previous].stance == "rejects"
                    and _UNLESS.match(text, cue.start) is not None
                    and not actors.within(previous.end, cue.start)
                    and not _NEW_CLAUSE.search(text, previous.end, cue.start)
                )
            )
            and _new_subject(text, s, cue) is None
        ):
            # "would agree to a ceasefire only if the West stopped arming Kyiv": what the
            # condition names is the holder's demand, as for "would only agree to ... if"
            stop = _SCOPE_END.search(text, cue.end, next_start)
            bound = stop.start() if stop else next_start
            named = tuple(t for t in terms if cue.end <= t.start < bound)
            found[previous] = replace(
                found[previous],
                stance="conditional",
                conditions=found[previous].conditions or named,
            )
    return list(found.values())
