"""Which proposal a sentence speaks of, and who proposes it.

Each proposal cue of a sentence is resolved to a proposer by the first rule that applies:
1. noun cue with a premodifier actor: "Witkoff's proposals", "the U.S. framework", "a US proposal",
   "the US-backed plan", "the Trump administration's plan" (possessive plus up to three words,
   or up to two words without one; never across a cue nor a determiner: "officials fear the
   plan" is not theirs), or a demonym adjective ("the Ukrainian position"; not across a
   determiner: "the Kremlin rejected a proposal" is no proposal of the Kremlin's; nor across a
   past participle without a possessive: "delegations traded proposals");
2. a by/from phrase: "a proposal by Moscow", "the proposal for a truce came from Washington",
   "the plan, presented by Witkoff," (a noun cue
   before a passive verb cue of its clause takes the verb's proposer); not the possessor of the
   agent ("drafted by Kyiv's allies" is the allies'); a noun cue ending in "of" takes its
   of-phrase before any premodifier ("we welcome the readiness of Washington to provide"); the
   subject opening the sentence of a verb giving or making the noun ("The United States has
   sent Kyiv a framework", "Washington made a proposal"; not "Kyiv received a proposal");
3. possessive pronoun before the cue ("of its willingness to"): the first actor of the clause,
   else the sentence's first actor that no preposition governs when it fits the pronoun (a
   person for "his"/"her": "Trump ..., a far cry from his calls for Kyiv to cede"); a pronoun
   opening the sentence before a noun cue ("Its latest draft suggests") or before a body that
   is a verb cue's subject ("Its negotiators have proposed", "His team demanded") takes up the
   subject of the sentence before in the paragraph (a state or body for "its"/"their", a
   person for "his"/"her"), weighing TAKEN_UP_WEIGHT (an anaphora's, not a subject's);
4. verb cue: the actor of a compound ("a US-proposed truce"), its subject, a proposal noun
   right before it ("China's proposal calls for"; the head of a noun taking it as complement,
   "Kyiv's counter-proposal to the US plan calls for": Kyiv's, and none when the head is no
   proposal noun, "Ukraine's response to the US plan includes"), else
   the nearest actor before it that no preposition governs ("Putin reportedly offered",
   "Ukraine drafted a paper"), not one inside a relative aside closed before it ("The Kremlin,
   which Kyiv accuses of stalling, proposed": the Kremlin's; "The plan, which Moscow rejected,
   calls for": nobody's), or for a participle after a comma (", demanding") the first such
   actor of the sentence, but for an offer not a person reporting a clause with a subject of
   its own ("Rutte said European allies had committed to": none; "Trump said he would" keeps
   Trump; a reported demand stays the reporter's, rule 5);
   a verb in a that-clause after a copula or speech verb whose subject names no actor ("Russia's
   position is that the West wants a ceasefire") has none, and the terms it governs are nobody's
   (not the position noun's before it);
   a gerund after a verb of judgment and the party it judges ("Kyiv accused Moscow of
   demanding", `judgment_verbs`) is the judged party's, at JUDGED_WEIGHT (actors.py);
   a first-person subject is the quotation's speaker (speakers.py); inside a direct quotation
   the subject is sought in the quotation only, and a modal verb cue ("must include") whose
   clause there names no actor is the speaker's demand; in a relative clause ("allies,
   who have pledged") the actor right before "who", or the actor an indefinite appositive
   naming no actor describes ("the coalition, a loose grouping of states who have pledged"),
   else none; a passive verb without a
   by-phrase ("guarantees that could be offered") has none; a noun cue used as a verb after a
   modal ("hopes the US will offer") is negated like a verb cue;
5. a modal demand ("must", "should", "there can be no peace without", "is a precondition for
   any settlement"; `form: reported`): not its grammatical subject ("Moscow must
   accept a ceasefire") but whoever reports it: an actor followed by a speech verb before it
   ("the Kremlin has said any settlement must ...", or a declarative: "has made clear that",
   "maintains that"), the subject of a sentence going on with
   ", saying"/", adding" or with a second predicate reporting it ("Berlin backed the idea, but
   said Europe should ..."), the subject of a colon announcing demands ("he set out his terms:
   Ukraine must ...": "he" only when the sentence names one actor before it), or the speaker
   the quotes stage gives the quotation it stands in (none when that speaker is null or unsure:
   speakers.py), or the actor of "According to X," opening the sentence, or of a sentence
   opening "He said"/"She
   stressed" (a speaker phrase the quotes stage resolved, else the person named with a speech
   verb nearby, a guess weighing GUESSED_WEIGHT); else the actor of a frame opening the sentence
   ("For Moscow, any deal must include ...", weighing FRAME_WEIGHT; so too for a modal verb cue
   whose clause has no subject actor: "For the Kremlin, any settlement must include ..."); else
   no proposer;
6. a cue with no proposer of its own shares the context of an earlier cue of its clause
   ("Witkoff presented proposals", "The proposal called for");
7. a verb cue whose subject opens the sentence as "It" or "He"/"She": the proposal of the two
   previous sentences, or its proposing person ("He also demanded ..."); with no proposal
   there, for "He"/"She" the one person subject of the sentence before in the paragraph
   ("Zelensky met Trump in Washington. He pressed for ...": Zelensky), else the person
   reporting the sentence after a comma ("He called for ..., the Ukrainian leader said");
   "They" only that way, and only for a demonym group ("They called for ..., the Ukrainian
   officials said");
8. a noun cue with no proposer yet takes the proposer of a verb cue in an object relative
   clause right after it ("a proposal for a truce, which Kyiv had put forward"); a plan noun
   takes the subject of a relative clause saying who sent it ("the revised framework, which
   Washington sent to Moscow,"), and a verb cue whose subject is that noun, past the relative
   aside ("..., offers Ukraine guarantees"), is that plan's;
9. noun cue after a determiner ("That framework", "such proposals") or opening the sentence
   ("Controversial provisions include"): the last proposal named in
   this sentence or in the three before (anaphora); for a plan noun ("The document offers")
   the last plan named there, before a demand or offer named after it; none when the sentence
   before naming it names one of the same kind (plan, or not) of another proposer too
   ("Moscow's memorandum and Kyiv's counter-proposal were exchanged. The proposals include":
   whose, unsaid).
Coordinated actors propose together, a speaker phrase the discourse model resolved included
("He and the Polish prime minister, Donald Tusk, pressed for": the person "He" takes up too).
A negated or denied verb cue ("has not offered", "doesn't want to", "denied that he had
proposed", "fails to offer"), or one in an open question or a condition ("whether Russia wants",
"If Kyiv sought"; `negation` in proposal_cues.yaml), is no cue, and the terms it governs are
no terms of a cue before it ("The US plan does not offer guarantees"). A noun cue right next
to a term ("a 30-day ceasefire proposal", "a proposal for a 30-day ceasefire") names a
single-issue proposal.

A term its own determiner denies ("Kyiv's position: no recognition of occupied land", "wants no
foreign troops") is attributed to no cue: refused, not put forward (a code whose wording holds
the "no", "no NATO membership", is not denied). A term is attributed to the nearest resolved cue
of its clause (a term inside a relative aside
about an actor, "Hungary, which has blocked EU sanctions, called for talks", to a cue of that
aside only, and never carried over), or to the single-issue proposal it
names, or to the agent of a passive participle right after it, which modifies it ("open to a
buffer zone proposed by Washington": Washington's, whatever cue stands before it); a list of
terms followed by an appositive saying it echoes a party's demands ("The draft
included A, B and C - elements which reflected key Kremlin demands") is also that party's, and
each of its terms is a term of both proposals. A sentence with terms but no proposal cue
continues the proposal of one of the two previous sentences (carry-over) unless it names an
actor of another side (not a recipient: "Instead, Kyiv would receive guarantees", "Russia would
be readmitted to the G8", "It would allow Ukraine an army of ..."; nor a name inside a term's own
wording: "It would cap the size of Ukraine's army", or a possessive in its complement: "a cap of
600,000 troops on Ukraine's army"; nor the holder of a place: "in the part of
Donetsk that Ukraine holds"; nor the party it obliges: "Washington would lift sanctions", "Kyiv
would have to hold elections", a modal demand no one reports being no cue here), unless it opens
"It also says ..." (the proposal itself speaks), or predicts ("expected the talks to lead to
a prisoner exchange" is no term of anyone's). A short question standing as a paragraph of its
own (an explainer's heading, "What would Russia get?") does not count towards the two sentences,
nor, for an item of a list whose head ends with a colon and names a proposal ("Key points of the
document:" then "- ..." paragraphs), do the list's earlier items;
a term its clause negates ("No one has the right to give away ...") or a stance cue governs
("The delegates signed up to a prisoner swap") is not carried over;
a term inside a sentence-opening adverbial of time ("During the brief Easter truce, ...") is
not carried over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from talkspkg.kb import KnowledgeBase
from talkspkg.stages.proposals.actors import PREPOSITIONS, Actor, Actors, country_ids
from talkspkg.stages.proposals.codebook import Codebook
from talkspkg.stages.proposals.cues import SINGLE_ISSUE, Cues
from talkspkg.stages.proposals.hits import PROPOSAL, STANCE, Hit
from talkspkg.stages.proposals.speakers import GUESSED_WEIGHT
from talkspkg.stages.proposals.text import Sentence, clause_bounds, inside, relative_asides

STOP = PREPOSITIONS | {
    *("and", "or", "but", "nor", "not", "no", "that", "which", "who", "whom", "whose"),
    *("while", "as", "if", "after", "before", "when", "because", "since", "although", "though"),
}
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})
_POSSESSIVE = re.compile(r"^['’](?:s|ve|d|ll|re)?")
_GAP_WORD = re.compile(r"[\w.’'“”\"%-]+")
_PRONOUN = re.compile(r"\b(?:its|their|his|her)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_DETERMINER = re.compile(
    r"\b(?:the|that|this|these|those|such)\s+(?:[\w“”\"’'.-]+\s+){0,2}$", re.IGNORECASE
)
_BODY = re.compile(
    r"^\s+(?:administration|government|team|side|delegation|camp)(?=['’]s\b)", re.IGNORECASE
)
_COMPOUND = re.compile(
    r"^-(?:backed|proposed|drafted|authored|sponsored|brokered|led)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_BY = re.compile(r"^\s+(?:by|from)\s+(?:the\s+)?$", re.IGNORECASE)
# a title between "by" and a person's name: "unveiled by Commission President Ursula von der Leyen"
_BY_TITLE = re.compile(r"^\s+by\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,3}$")
# "the proposal (for a truce) came from Washington", "the idea originated with Paris"
_CAME_FROM = re.compile(
    r"^(?:\s+(?:for|of|on)\s+[^,;.:]{1,60}?)?\s+(?:first\s+)?(?:came|comes|originated|originates)"
    r"\s+(?:from|with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_OF = re.compile(r"^\s+(?:the\s+)?$", re.IGNORECASE)
_NAMES = re.compile(r"^\s+(?:for|on|of)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PREDICATIVE = frozenset(  # "may be poised to", "was authorised to": the subject acts
    {"poised", "prepared", "willing", "ready", "open", "authorized", "authorised"}
)
_PRONOUN_HEAD = re.compile(r"(He|She|It|They)\s+(?:[a-z]+\s+){0,2}")  # "He also demanded"
_HEAD = re.compile(r"(?:[A-Z][\w-]*\s+)?")  # "Controversial provisions include"
# an object relative clause opening with its subject: ", which Kyiv had put forward", " that the
# Kremlin tabled" (the subject's name follows; then auxiliaries up to the verb cue)
# a modal right before a noun cue makes it a verb ("will offer", "would propose")
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall)\s+$", re.IGNORECASE)
# a noun cue used as a verb, for its negation ("does not offer", "fails to offer")
_VERB_BEFORE = re.compile(
    r"\b(?:will|would|could|might|may|can|shall|to|do|does|did|not|never)\s+$", re.IGNORECASE
)
# "the framework, which Washington sent to Moscow,": the relative's subject sent the plan
_SENT_BY = re.compile(r"(?:\s+[\w-]+){0,3}?,\s+(?:which|that)\s+(?:the\s+)?(?=[A-Z])")
_SENT = re.compile(
    r"\s+(?:(?:had|has|have|first|formally|quietly|also)\s+){0,2}"
    r"(?:sent|handed|delivered|submitted|transmitted)\b"
)
# a verb giving or making the proposal noun that follows: "has sent Kyiv a revised framework",
# "made a proposal", "handed over its memorandum" (an object between: the recipient)
_GIVES = re.compile(
    r"\s+(?:(?:has|have|had|also|now|formally|quietly|reportedly|already|then|finally|first)\s+)"
    r"{0,3}(?:sent|sends|sending|handed(?:\s+over)?|hands(?:\s+over)?|delivered|delivers|gave|"
    r"gives|made|makes|making|passed|transmitted|laid\s+out|lays\s+out|set\s+out|sets\s+out|"
    r"outlined|outlines|shared)\s+(?:(?!(?:clear|plain|that|sure|public|known)\b)(?:to\s+)?"
    r"[\w’'.-]+\s+){0,3}?(?:an?|its|their|his|her|the)\s+(?:[\w-]+\s+){0,3}?",
    re.IGNORECASE,
)
# a proposal noun as the complement of another noun ("response to the US plan", "amendments
# to Washington's framework"): the preposition and what premodifies the noun
_COMPLEMENT = re.compile(
    r"\s+(?:to|on|against|over)\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w.’'-]+\s+){0,3}$",
    re.IGNORECASE,
)
# the head noun of such a complement after a determiner or possessive ("Ukraine's response to",
# "the European amendments to"), not a verb ("The Kremlin agreed to", "Kyiv said yes to")
_HEAD_NOUN = re.compile(
    r"(?:['’]s|\b(?:the|a|an|its|their|his|her))\s+(?:[\w-]+\s+)?"
    r"(?![\w-]+(?:ed|ly)\s)[\w-]+\s+(?:to|on|against|over)\s+"
    r"(?:(?:the|a|an|its|their)\s+)?(?:[\w.’'-]+\s+){0,3}$",
    re.IGNORECASE,
)
# a relative aside between a proposal noun and its verb ("the plan, which ..., offers")
_ASIDE = re.compile(r"(?:\s*[\w-]+){0,3}?,\s+(?:which|that)\s+[^,;]*,\s*")
_OBJECT_RELATIVE = re.compile(
    r",?\s+(?:which|that)\s+(?:the\s+)?(?=[A-Z])"
    r"(?=[^,;]*?\s(?:(?:has|have|had|was|were|is|are|first|originally|also|earlier)\s+){0,2}$)"
)
# a reporter's phrase closing the sentence: ", the Ukrainian leader told", ", Zelensky said"
_TRAILING = re.compile(r",\s+(?:the\s+|a\s+)?$")
_RELATIVE = re.compile(
    r"\b(?:who|which)\s+(?:(?:has|have|had|is|are|was|were|also|now|then|later)\s+){0,2}$"
)
# an appositive after a list of terms saying they echo a party's demands ("- elements which
# seemed to reflect key Kremlin demands", ", points that mirror Moscow's conditions")
_ECHOES = re.compile(
    r"(?:[,;:]|\s[-–—])\s+(?:[\w-]+\s+){0,2}?(?:which|that)\s+(?:\w+\s+){0,2}?"
    r"(?:reflect|mirror|echo|match|meet|track)(?:s|ed|ing)?\s+",
    re.IGNORECASE,
)
# the subject of a verb of receiving: the beneficiary of a plan's provision, no proposer
_RECIPIENT = re.compile(
    r"\s+(?:(?:would|will|could|is\s+to|are\s+to|shall)\s+)?(?:also\s+)?(?:receive|get|"
    r"be\s+(?:given|offered|granted|provided\s+with|guaranteed|readmitted|admitted|reintegrated|"
    r"allowed|permitted|invited|welcomed\s+back))\b",
    re.IGNORECASE,
)
# an indefinite appositive up to a relative pronoun: ", an informal club of Nordic states "
_APPOSITIVE = re.compile(r",\s+(?:an?|one\s+of\s+the)\s+[^,;:.!?()\"“”–—]{3,120}?\s+")
_PRONOUN_SPEAKS = re.compile(
    r"(?:He|She)\s+(?:\w+\s+)?(?:said|says|stressed|added|insisted|argued)\b"
)
_PREDICTION = re.compile(r"\b(?:expect(?:s|ed|ing)?|predict\w*|(?:un)?likely)\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:must|should)\b", re.IGNORECASE)
# a second predicate reporting a clause: "X backed the idea, but said Europe should ..."
_SAID_TOO = re.compile(
    r",?\s+(?:and|but)\s+(?:also\s+|later\s+)?(?:said|says|added|insisted|argued|stressed|"
    r"warned)\b(?:\s+that)?\s+(?!(?:he|she|it|they|we|I)\b)",
    re.IGNORECASE,
)
_REPORTING = re.compile(r",\s*(?:saying|adding|arguing|insisting|stressing|warning)\b")
# a colon announcing the demands that follow ("he set out his terms: Ukraine must ..."), with the
# subject before it: a name, or a pronoun taking up the one actor named before it
_TERMS_FRAME = re.compile(
    r"(?P<subject>\b(?:he|she|it|they)\s+)?(?:(?:has|have|had)\s+)?(?:(?:set|sets|setting|laid|"
    r"lays|spelled|spelt|spells)\s+out|outlined|outlines|listed|lists|stated|states)\s+"
    r"(?:his|her|its|their)\s+(?:(?:main|key|own|core)\s+)?(?:terms|conditions|demands)\s*:",
    re.IGNORECASE,
)
# a sentence framed by whose view it gives ("For Moscow, any deal must include ..."): the frame
_ACCORDING = re.compile(r"(?:(?:But|And|Yet)\s+)?According\s+to\s+(?:the\s+)?", re.IGNORECASE)
_FRAME = re.compile(r"(?:(?:But|And|Yet)\s+)?For\s+(?:the\s+)?", re.IGNORECASE)
# the that-clause a verb cue stands in, with a subject of its own that names no actor
# ("Russia's position is that the West wants ..."): not the actor before "that"
_THAT_CLAUSE = re.compile(
    r"\b(?:is|was|are|were|remains|said|says|argues|argued|believes|believed|claims|claimed)"
    r"\s+that\s+(?!(?:he|she|it|they|we|I)\b)\w+"
)
_TAKEN_UP = re.compile(r"\b(?:he|she|it|they|we|I)\b")


def _inside_quotation(text: str, start: int, position: int) -> bool:
    """True when `position` stands inside quotation marks opened in its paragraph."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:position]
    curly_open, curly_close = before.count("“"), before.count("”")
    return curly_open > curly_close or (curly_open == 0 and before.count('"') % 2 == 1)


# "Britain and France", "Wadephul, and his Polish counterpart" (a pronoun only after "and")
_COORDINATED = re.compile(
    r"\s*(?:,\s*(?:and\s+(?:his\s+|her\s+|their\s+)?)?|and\s+(?:his\s+|her\s+|their\s+)?)"
    r"(?:the\s+)?"
)
_CLAUSE_START = re.compile(r"\bthat\s+|[,;:]\s+")
_PARTICIPLE = re.compile(r",\s*$")
CARRY_WINDOW, ANAPHORA_WINDOW = 2, 3
HEADING_WORDS = 8  # at most, in a question heading that does not count towards CARRY_WINDOW
TAKEN_UP_WEIGHT = 0.85  # a pronoun's antecedent in the sentence before ("Its negotiators want")
FRAME_WEIGHT = 0.85  # a proposer read from a frame ("For Moscow, any deal must ..."), not a subject


# between a term and the participle modifying it: "a truce proposed by", "the swap, first
# floated by", "a zone that was suggested by"
_REDUCED_RELATIVE = re.compile(
    r"[\s,]*(?:(?:that|which)\s+(?:was|were|is|are|(?:had|has|have)\s+been)\s+)?"
    r"(?:(?:first|originally|initially|earlier|jointly|recently|previously|reportedly)\s+)?",
    re.IGNORECASE,
)
# the proposal a sentence takes up as its subject: "It also says ...", "It further stipulates"
_IT_SAYS = re.compile(
    r"\s*It\s+(?:also\s+|further\s+)?(?:says|states|stipulates|envisages|envisions|foresees|"
    r"specifies|provides\s+for|sets\s+out)\b"
)
# a modal between a subject and the term it must carry out: "Washington would lift sanctions"
_OBLIGED = re.compile(
    r"\s+(?:(?:would|will)\s+have\s+to|has\s+to|have\s+to|would|will|must|should)\s+"
    r"(?:also\s+|then\s+|first\s+)?"
)
_VERB_GAP = re.compile(r"(?:[a-z]+\s+){0,2}")  # "hold elections", "lift sanctions"
# the words between a term and a possessive name its prepositional complement holds: " on ",
# " of the ", " for all of " ("a cap ... on Ukraine's army"); no verb, comma or clause word
_COMPLEMENT_GAP = re.compile(
    r"\s+(?:on|of|for|to|in|from|over)\s+(?:(?:the|all|each|both|some|part)\s+(?:of\s+)?)?",
    re.IGNORECASE,
)
# a term its own determiner denies ("no recognition of ...", "no limits on its army"); a code
# whose wording holds the "no" ("no NATO membership") starts at it and is not denied
_DENIED = re.compile(r"\bno\s+$", re.IGNORECASE)
# a list item's marker: a bullet, a dash or a number opening its paragraph
_BULLET = re.compile(r"\s*(?:[-–—•*▪●]|\d{1,2}[.)])\s+")
_OBJECT_FIRST_PERSON = re.compile(r"\b(?:us|me)\b")  # not actors (FIRST_PERSON): no subjects
# a term its clause negates: "No one has the right to give away ..." (no carried term)
_NEGATED_CLAUSE = re.compile(
    r"\b(?:no\s+one|nobody|never|cannot|can[’']t|won[’']t|not|no)\b", re.IGNORECASE
)
# a possessive pronoun opening the sentence with a body acting for its possessor: "Its
# negotiators have proposed", "His team also demanded"
_POSSESSOR_HEAD = re.compile(
    r"\s*(?:And\s+|But\s+)?(Its|Their|His|Her)\s+(?:[\w-]+\s+){0,2}?(?:negotiators|"
    r"delegation|delegates|diplomats|officials|government|leaders|envoys?|team|side|"
    r"representatives)\s+(?:(?:has|have|had|also|then|now|since|already)\s+){0,2}"
)
# a place described by who holds it: "the part of Donetsk that Ukraine still controls"
_HELD_BY = re.compile(
    r"\s+(?:still\s+|now\s+|currently\s+|already\s+)?(?:controls|controlled|holds|held|"
    r"occupies|occupied)\b",
    re.IGNORECASE,
)
_HOLDER_OPENS = re.compile(r"\b(?:that|which|where)\s+$", re.IGNORECASE)


# a sentence-opening adverbial of time or circumstance, up to the term inside it ("During the
# brief Easter truce, ...", "Since the energy ceasefire, ...")
_SETTING = re.compile(
    r"\s*(?:During|Since|After|Before|Despite|Amid|Throughout|Following|Even\s+during)\s+"
    r"[^,;]*$"
)
# a verb whose object receives what a provision grants ("allow Ukraine", "give Kyiv")
_GRANTED = re.compile(
    r"\b(?:allow|allows|allowing|let|lets|give|gives|giving|grant|grants|granting|offer|offers|"
    r"offering|provide|provides|providing)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Context:
    """A proposal as one sentence refers to it."""

    proposer_id: str
    kind: str
    slug: str
    actor_id: str  # who the sentence says proposes (Witkoff), else the proposer
    cue: Hit | None  # the cue in this sentence; None when carried over
    attribution: str  # explicit | anaphora | carry-over
    # (side, actor id) of the actors coordinated with the proposer ("proposed by the EU and
    # Ukraine"): each proposes the same terms, as a proposal of its own
    partners: tuple[tuple[str, str], ...] = ()
    confidence: float = 1.0  # below 1 when the proposer is a quotation's speaker (speakers.py)

    @property
    def proposal_id(self) -> str:
        return f"{self.proposer_id}.{self.slug}"


class Attributor:
    def __init__(
        self,
        text: str,
        sentences: list[Sentence],
        actors: Actors,
        cues: Cues,
        kb: KnowledgeBase,
        codebook: Codebook,
    ):
        self.text, self.sentences, self.actors = text, sentences, actors
        self.cues, self.kb, self.codebook = cues, kb, codebook
        self.history: dict[int, list[Context]] = {}
        # verb cues whose subject is a phrase naming no actor ("... is that the West wants"):
        # what follows them is nobody's proposal (attach)
        self.foreign: set[Hit] = set()
        # a proposal noun as another noun's complement before a verb ("Ukraine's response to
        # the US plan includes ..."), and where that verb starts: nothing from there on is its
        self.complements: dict[Hit, int] = {}

    # ------------------------------------------------------------------ proposers
    def _context(self, actor: Actor | None, kind: str, index: int, cue: Hit) -> Context | None:
        if actor is not None:
            actor = self.actors.resolve(actor, self.sentences, index)
        if actor is None or actor.entity_id is None:
            return None
        side = actor.side or self.actors.side_of(actor.entity_id)
        partners = self._partners(actor, self.sentences[index], side)
        return Context(
            side, kind, kind, actor.entity_id, cue, "explicit", partners, actor.confidence
        )

    def _partners(self, actor: Actor, s: Sentence, side: str) -> tuple[tuple[str, str], ...]:
        """The actors coordinated with `actor` ("by the EU and Ukraine", "Britain and France
        proposed"), of other sides; not an object ("urged Putin and Zelensky") nor a possessor
        ("the EU and Ukraine's allies")."""
        if actor.kind not in ("mention", "demonym"):
            return ()
        here = self.actors.within(s.start, s.end)
        if actor not in here:
            return ()
        n = here.index(actor)
        chain = [actor]
        left = n
        while left > 0 and _COORDINATED.fullmatch(self.text, here[left - 1].end, here[left].start):
            left -= 1
            chain.insert(0, here[left])
        right = n
        while right + 1 < len(here) and _COORDINATED.fullmatch(
            self.text, here[right].end, here[right + 1].start
        ):
            right += 1
            chain.append(here[right])
        if self.text[chain[-1].end : chain[-1].end + 2] in ("'s", "’s") or (
            chain[0] is not actor and self.actors.is_object(chain[0], s.start)
        ):
            return ()
        found: dict[str, str] = {}
        for other in chain:
            if other is actor or other.entity_id is None:
                continue
            # a speaker phrase the discourse model resolved too: "He and the Polish prime
            # minister, Donald Tusk, pressed for" (He: the person the sentence before names)
            if other.kind not in ("mention", "demonym", "speaker"):
                continue
            other_side = other.side or self.actors.side_of(other.entity_id)
            if other_side != side:
                found.setdefault(other_side, other.entity_id)
        return tuple(found.items())

    def _premodifier(self, s: Sentence, cue: Hit, hits: list[Hit]) -> Actor | str | None:
        before = self.actors.within(s.start, cue.start)
        if before:
            actor = before[-1]
            gap = self.text[actor.end : cue.start].replace("[", " ").replace("]", " ")
            gap = _BODY.sub("", gap, count=1)  # "the Trump administration's plan"
            m = _POSSESSIVE.match(gap)
            possessive = bool(m and m.group())
            rest = gap[m.end() :] if m and possessive else gap
            if _COMPOUND.match(gap):  # "US-backed plan": the compound's verb is no cue of its own
                return actor
            words = rest.split()
            if (
                rest[:1].isspace()
                and rest[-1:].isspace()
                and len(words) <= (3 if possessive else 2)
                and all(_GAP_WORD.fullmatch(w) and w.lower() not in STOP for w in words)
                # "officials fear the plan": a determiner opens another noun phrase
                and not any(w.lower() in DETERMINERS for w in words)
                # "delegations traded proposals": a verb (no adjective: none without a possessive)
                and (possessive or not any(w.lower().endswith("ed") for w in words))
                and not any(actor.end <= h.start and h.end <= cue.start for h in hits)
            ):
                return actor
        preceding = self.text[s.start : cue.start].split()[-3:]
        for word in reversed(preceding):
            if word.lower() in STOP or not _GAP_WORD.fullmatch(word):
                break
            code = self.kb.lexicon.demonyms.get(word)
            if code is None and word.lower().endswith("ed"):
                break  # "Russian delegations traded proposals": a verb opens the cue's phrase
            if code is None and word.lower() in DETERMINERS:
                break  # "the Kremlin rejected a proposal": the determiner opens the cue's phrase
            if code and code in country_ids(self.kb):
                return country_ids(self.kb)[code]
        return None

    def _by_phrase(self, s: Sentence, cue: Hit, of: bool = False) -> Actor | None:
        """The actor of a by/from phrase after the cue, or right after a cue ending in "of"."""
        for actor in self.actors.within(cue.end, s.end):
            if self.text[actor.end : actor.end + 2] in ("'s", "’s"):
                return None  # "drafted by Kyiv's European allies": the allies, not Kyiv
            gap = self.text[cue.end : actor.start]
            if not of and _CAME_FROM.match(gap):
                return actor  # "the proposal for a truce came from the United States"
            if not of and _BY_TITLE.match(gap) and self.actors._person(actor):
                return actor  # "drafted by Commission President Ursula von der Leyen"
            return actor if (_OF if of else _BY).match(gap) else None
        return None

    def _pronoun_subject(self, s: Sentence, cue: Hit) -> Actor | None:
        m = _PRONOUN.search(self.text, s.start, cue.start)
        if m is None:
            return None
        start = s.start
        for b in _CLAUSE_START.finditer(self.text, s.start, m.start()):
            start = b.end()
        candidates = [a for a in self.actors.within(start, m.start()) if a.kind != "first-person"]
        if candidates:
            return candidates[0]
        # "X ..., saying ..., unlike his earlier public calls for": the sentence's subject,
        # a person for "his"/"her"
        person = m.group().split()[0].lower() in ("his", "her")
        if not self.text[s.start : m.start()].strip():
            # "Its latest draft suggests ...": a plan noun the pronoun opening the sentence
            # possesses (not "Its mayor called for": a verb cue's subject, see _POSSESSOR_HEAD)
            return self._previous_subject(s, person) if cue.form == "noun" else None
        for actor in self.actors.within(s.start, m.start()):
            if actor.kind == "first-person" or self.actors.is_object(actor, s.start):
                continue
            entity = self.actors.entity(actor.entity_id or "")
            is_person = entity is not None and entity.entity_type == "person"
            return actor if is_person == person else None
        return None

    def _noun_subject(
        self, s: Sentence, cue: Hit, resolved: dict[Hit, Context | None]
    ) -> Context | None:
        """A proposal noun right before the verb is its subject: "China's proposal calls for"."""
        nouns = [
            (h, c) for h, c in resolved.items() if c and h.form == "noun" and h.end <= cue.start
        ]
        if not nouns:
            return None
        nouns.sort(key=lambda pair: pair[0].end)
        noun, ctx = nouns[-1]
        # "Kyiv's counter-proposal to the US plan calls for": the head, not its complement
        link = self._complement(s, noun)
        while link is not None:
            self.complements[noun] = cue.start
            heads = [(h, c) for h, c in nouns if h.end <= link.start()]
            if not heads or heads[-1][0].end != link.start():
                return None  # "Ukraine's response to the US plan includes": not the plan's
            noun, ctx = heads[-1]
            link = self._complement(s, noun)
        aside = _ASIDE.fullmatch(self.text, noun.end, cue.start)
        if aside is not None and self._sender(noun) is not None:
            return replace(ctx, cue=cue)  # "the framework, which Washington sent ..., offers"
        gap = self.text[noun.end : cue.start].split()
        if len(gap) > 3 or any(w.lower() in STOP or not _GAP_WORD.fullmatch(w) for w in gap):
            return None
        return replace(ctx, cue=cue)

    def _complement(self, s: Sentence, noun: Hit) -> re.Match[str] | None:
        """The link making a proposal noun another noun's complement ("Ukraine's response to
        the US plan"), if it is one."""
        if not _HEAD_NOUN.search(self.text, s.start, noun.start):
            return None
        return _COMPLEMENT.search(self.text, s.start, noun.start)

    def _sender(self, noun: Hit) -> Actor | None:
        """The subject of a relative clause right after a plan noun saying who sent it: "the
        revised framework, which Washington sent to Moscow" (Washington's)."""
        if noun.label != "plan":
            return None
        m = _SENT_BY.match(self.text, noun.end)
        if m is None:
            return None
        after = [a for a in self.actors.within(m.end(), m.end() + 80) if a.start == m.end()]
        if not after or not _SENT.match(self.text, after[0].end):
            return None
        return after[0]

    def _giver(self, s: Sentence, noun: Hit) -> Actor | None:
        """The subject of a verb giving or making the proposal noun its object: "The United
        States has sent Kyiv a revised framework", "Washington made a proposal", "Moscow handed
        over its memorandum" (not "Kyiv received a proposal", "Moscow rejected a plan")."""
        actors = [
            a
            for a in self.actors.within(s.start, noun.start)
            if a.kind != "first-person" and not self.actors.is_object(a, s.start)
        ]
        if not actors:
            return None
        subject = actors[0]
        opening = self.text[s.start : subject.start].strip(" \"“‘'")
        if opening not in ("", "The", "the") or _POSSESSIVE.match(
            self.text[subject.end : subject.end + 2]
        ):
            return None  # the sentence does not open with it, or it possesses another noun
        if _GIVES.fullmatch(self.text, subject.end, noun.start) is None:
            return None
        return subject

    def _subject(self, s: Sentence, cue: Hit) -> Actor | None:
        word = self.text[cue.start : cue.end].split()[0].lower()
        participle = word.endswith("ed") and word not in _PREDICATIVE
        if participle and _PASSIVE.search(self.text, s.start, cue.start):
            return None  # "guarantees that could be offered to Ukraine": no agent, no proposer
        relative = _RELATIVE.search(self.text, s.start, cue.start)
        if relative is not None:
            # "allies, who have pledged": the antecedent right before "who", if it is an actor
            near = self.actors.within(max(s.start, relative.start() - 80), relative.start())
            if near and not self.text[near[-1].end : relative.start()].strip(" ,"):
                n = len(near) - 1
                while n > 0 and _COORDINATED.fullmatch(self.text, near[n - 1].end, near[n].start):
                    n -= 1  # "Britain and France, which have pledged": both (partners)
                return near[n]
            return self._apposed(s, relative.start())
        speech = self.actors.speech_at(cue.start)
        lo = max(s.start, speech.start) if speech is not None and speech.direct else s.start
        judged = self.actors.judged(lo, cue.start)
        if judged:
            return judged[0]  # "Kyiv accused Moscow of demanding ...": Moscow's demand
        # not an actor of a relative aside closed before the cue ("The Kremlin, which Kyiv
        # accuses of stalling, proposed ...": the Kremlin's; "The plan, which Moscow rejected,
        # calls for ...": nobody's)
        asides = relative_asides(self.text, lo, cue.start)
        candidates = [
            a
            for a in self.actors.within(lo, cue.start)
            if not self.actors.is_object(a, s.start) and inside(a.start, asides) is None
        ]
        head = _POSSESSOR_HEAD.match(self.text, s.start, cue.start)
        if not candidates and head is not None and head.end() == cue.start:
            # "Its negotiators have proposed ...": the previous sentence's subject's
            return self._previous_subject(s, head.group(1).lower() in ("his", "her"))
        if not candidates:
            # "“Any deal must include guarantees,” the minister said": the speaker's demand
            if speech is not None and _MODAL.search(self.text, cue.start, cue.end):
                return self.actors.quoted(speech, cue.start, cue.start)
            if _MODAL.search(self.text, cue.start, cue.end):
                # "According to the Kremlin, any deal must include ...": who reports it; "For
                # Moscow, any deal must include ...": whose view it is
                return self._according(s, cue) or self._frame(s, cue)
            return None
        if cue.label == "offer" and self.actors.reports_another_subject(candidates[-1], cue.start):
            return None  # "Rutte said European allies had committed to": not Rutte's offer
        clause = list(_THAT_CLAUSE.finditer(self.text, candidates[-1].end, cue.start))
        if clause and not _TAKEN_UP.search(self.text, clause[-1].start(), cue.start):
            self.foreign.add(cue)  # "Russia's position is that the West wants": not Russia's
            return None
        participle = _PARTICIPLE.search(self.text, s.start, cue.start) and self.text[
            cue.start : cue.end
        ].split()[0].lower().endswith("ing")
        return candidates[0] if participle else candidates[-1]

    def _apposed(self, s: Sentence, relative: int) -> Actor | None:
        """The actor an indefinite appositive before a relative pronoun describes ("the
        coalition of the willing, an informal club of states which have promised"): the
        actor right before the appositive's comma, when the appositive names no actor itself."""
        before = self.actors.within(max(s.start, relative - 160), relative)
        if not before:
            return None
        m = _APPOSITIVE.fullmatch(self.text, before[-1].end, relative)
        return before[-1] if m is not None else None

    def _reporter(self, s: Sentence, cue: Hit) -> Actor | None:
        """Who demands what "must" or "should" happen: the actor reporting it ("the Kremlin has
        said any settlement must ..."), the subject of a sentence going on with ", saying" or
        ", adding", the subject of a colon announcing demands ("Putin set out his terms: ...";
        "he" when the sentence names one actor before it), or the speaker of the quotation it
        stands in; else nobody."""
        before = [a for a in self.actors.within(s.start, cue.start) if a.kind != "first-person"]
        for actor in reversed(before):
            if self.actors.reports(actor):
                return actor
        if _REPORTING.search(self.text, s.start, cue.start):
            subjects = [a for a in before if not self.actors.is_object(a, s.start)]
            return subjects[0] if subjects else None
        said = list(_SAID_TOO.finditer(self.text, s.start, cue.start))
        if said:  # "Berlin backed the idea, but said Europe should ...": the subject's demand
            subjects = [
                a
                for a in before
                if a.end <= said[-1].start() and not self.actors.is_object(a, s.start)
            ]
            if subjects and subjects[0].kind != "first-person":
                return subjects[0]
        frame = list(_TERMS_FRAME.finditer(self.text, s.start, cue.start))
        if frame:  # "In Putin's speech, he set out his terms: Ukraine must ..."
            named = [a for a in before if a.end <= frame[-1].start()]
            right_before = named and not self.text[named[-1].end : frame[-1].start()].strip()
            if right_before or (frame[-1].group("subject") and len(named) == 1):
                return named[-1]
        speech = self.actors.speech_at(cue.start)
        if speech is not None:  # the quotes stage's speaker, or nobody
            return self.actors.quoted(speech, cue.start, cue.start)
        if _inside_quotation(self.text, s.start, cue.start) or _PRONOUN_SPEAKS.match(
            self.text, s.start, cue.start
        ):
            guess = self.actors.speaker(self.sentences, s.index)  # a nearby speaker: a guess
            return replace(guess, confidence=GUESSED_WEIGHT) if guess is not None else None
        return self._according(s, cue) or self._frame(s, cue)

    def _according(self, s: Sentence, cue: Hit) -> Actor | None:
        """The actor of "According to X," opening the sentence: who reports what it says must
        happen ("According to the Kremlin, any deal must include ..."); not the press, which is
        no actor, nor "according to sources close to X"."""
        actor = self._opening_actor(_ACCORDING, s, cue)
        # no partner: the comma closes the frame
        return replace(actor, kind="according") if actor is not None else None

    def _frame(self, s: Sentence, cue: Hit) -> Actor | None:
        """The actor of a frame opening the sentence ("For Moscow, any deal must ...", "For the
        Kremlin, Ukraine should ..."): whose demand the sentence states; none for any other
        opening ("For the first time, ...")."""
        actor = self._opening_actor(_FRAME, s, cue)
        # whose view, not who says it
        return replace(actor, confidence=FRAME_WEIGHT) if actor is not None else None

    def _opening_actor(self, opening: re.Pattern[str], s: Sentence, cue: Hit) -> Actor | None:
        """The actor right after the sentence's `opening` words and closed by a comma before
        the cue ("According to X, ...", "For X, ..."); none for a first person."""
        m = opening.match(self.text, s.start, cue.start)
        if m is None:
            return None
        first = self.actors.within(m.end(), cue.start)
        if not first or first[0].start != m.end() or first[0].kind == "first-person":
            return None
        comma = self.text.find(",", first[0].end, cue.start)
        if comma < 0 or self.text[first[0].end : comma].strip():
            return None
        return first[0]

    def _pronoun_antecedent(self, s: Sentence, cue: Hit, kind: str) -> Context | None:
        """A sentence opening with "He"/"She"/"It" as the cue's subject continues the proposal
        of the previous two sentences: "It" is that proposal ("It also suggested ..."), "He" or
        "She" its proposing person ("He also demanded ...")."""
        m = _PRONOUN_HEAD.match(self.text, s.start, cue.start)
        if m is None or m.end() != cue.start:
            return None
        if (
            m.group(1) == "They"
        ):  # only a group reporting it: "They called for ..., the officials said"
            group = self._trailing_reporter(s, cue)
            if group is None or group.kind != "demonym":
                return None
            side = group.side or self.actors.side_of(group.entity_id or "")
            return Context(side, kind, kind, group.entity_id or side, cue, "anaphora")
        antecedent = self._antecedent(s.index, [], CARRY_WINDOW)
        if antecedent is None and m.group(1) != "It":
            person = self._previous_person(s) or self._trailing_reporter(s, cue)
            if person is None:
                return None
            side = person.side or self.actors.side_of(person.entity_id or "")
            return Context(side, kind, kind, person.entity_id or side, cue, "anaphora")
        if antecedent is None:
            return None
        if m.group(1) == "It":
            return replace(antecedent, cue=cue, attribution="anaphora")
        entity = self.actors.entity(antecedent.actor_id)
        if entity is None or entity.entity_type != "person":
            return None
        return Context(
            antecedent.proposer_id,
            kind,
            kind,
            antecedent.actor_id,
            cue,
            "anaphora",
            confidence=antecedent.confidence,
        )

    def _trailing_reporter(self, s: Sentence, cue: Hit) -> Actor | None:
        """The person reporting the sentence after it, when nothing before names "He"/"She":
        "He called for a truce, the Ukrainian leader told reporters" (a name or a demonym with a
        role word, right after a comma, followed by a speech verb)."""
        for actor in self.actors.within(cue.end, s.end):
            if not _TRAILING.search(self.text, cue.end, actor.start):
                continue
            entity = self.actors.entity(actor.entity_id or "")
            person = actor.kind == "demonym" or (
                entity is not None and entity.entity_type == "person"
            )
            if person and self.actors.reports(actor):
                return actor
        return None

    def _previous_person(self, s: Sentence) -> Actor | None:
        """The one person subject of the sentence before `s` in its paragraph ("Zelensky met
        Trump in Washington. He pressed for ..."): a person no preposition or verb governs;
        none when there are two, or none."""
        if s.index == 0 or self.sentences[s.index - 1].paragraph != s.paragraph:
            return None
        before = self.sentences[s.index - 1]
        persons = {
            a.entity_id: a
            for a in self.actors.within(before.start, before.end)
            if a.kind == "mention"
            and a.entity_id is not None
            and (e := self.actors.entity(a.entity_id)) is not None
            and e.entity_type == "person"
            and not self.actors.is_object(a, before.start)
        }
        return next(iter(persons.values())) if len(persons) == 1 else None

    def _antecedent(
        self, index: int, earlier: list[Context], window: int, plan: bool = False
    ) -> Context | None:
        """The last proposal named before; for a plan noun ("The document offers ...") the last
        plan named in the window, before any other kind of proposal ("Kyiv has long asked for
        X. The document offers ...": the document is not Kyiv's demand)."""
        if plan:
            plans = [c for c in self._recent(index, earlier, window) if c.kind == "plan"]
            if plans:
                return plans[0]
        if earlier:
            return earlier[-1]
        listed = self._in_list(index)
        counted, previous = 0, index - 1
        while previous >= 0 and counted < window:
            if self.history.get(previous):
                return self.history[previous][-1]
            # a heading asking a question ("What would Russia get?", an explainer's section)
            # states nothing: it does not count towards the window
            # so neither does an earlier item of the list a sentence belongs to ("Key points of
            # the plan:" then "- ...", "- ...": each item continues what the head introduced)
            counted += not (
                self._heading(self.sentences[previous])
                or (listed and self._list_item(self.sentences[previous]))
            )
            previous -= 1
        return None

    def _list_item(self, s: Sentence) -> bool:
        """A sentence opening a paragraph with a bullet or a number ("- ...", "• ...", "2. ")."""
        if s.index > 0 and self.sentences[s.index - 1].paragraph == s.paragraph:
            return False
        return _BULLET.match(self.text, s.start) is not None

    def _in_list(self, index: int) -> bool:
        """True for an item of a list whose head (the sentence before its first item) ends with a
        colon and names a proposal: "Key points of the document:" then its items (not "Today's
        main developments:", whose items are separate matters)."""
        if not self._list_item(self.sentences[index]):
            return False
        first = index
        while first > 0 and self._list_item(self.sentences[first - 1]):
            first -= 1
        if first == 0:
            return False
        head = self.sentences[first - 1]
        if not self.text[head.start : head.end].rstrip().endswith(":"):
            return False
        return bool(self.history.get(head.index))

    def _rivals(self, index: int, antecedent: Context) -> bool:
        """True when the sentence before that names the antecedent names a proposal of the same
        kind of another proposer too: an anaphor across sentences cannot tell which."""
        for previous in range(index - 1, max(-1, index - 1 - ANAPHORA_WINDOW), -1):
            named = self.history.get(previous, [])
            if antecedent in named:
                plan = antecedent.kind == "plan"
                return any(
                    c.proposer_id != antecedent.proposer_id
                    and (c.kind == "plan") == plan
                    and c.proposer_id not in {side for side, _ in antecedent.partners}
                    for c in named
                )
        return False

    def _recent(self, index: int, earlier: list[Context], window: int) -> list[Context]:
        """The proposals named in this sentence and the `window` before it, latest first."""
        found = list(reversed(earlier))
        counted, previous = 0, index - 1
        while previous >= 0 and counted < window:
            found += reversed(self.history.get(previous, []))
            counted += not self._heading(self.sentences[previous])
            previous -= 1
        return found

    def _previous_subject(self, s: Sentence, person: bool) -> Actor | None:
        """The subject of the sentence before `s` in its paragraph, which a possessive pronoun
        opening `s` takes up ("Kyiv also wants X. Its negotiators have proposed Y"): its first
        actor no preposition or verb governs, a person for "his"/"her", else a state or body."""
        if s.index == 0 or self.sentences[s.index - 1].paragraph != s.paragraph:
            return None
        before = self.sentences[s.index - 1]
        for actor in self.actors.within(before.start, before.end):
            if actor.kind not in ("mention", "demonym") or actor.entity_id is None:
                continue
            if self.actors.is_object(actor, before.start):
                continue
            if self.actors._person(actor) != person:
                return None
            # taken up across a sentence: as sure as an anaphora, not as a subject
            return replace(actor, confidence=min(actor.confidence, TAKEN_UP_WEIGHT))
        return None

    def _heading(self, s: Sentence) -> bool:
        """A short question standing as a paragraph of its own ("What does Russia want?")."""
        text = self.text[s.start : s.end].strip()
        if not text.endswith("?") or len(text.split()) > HEADING_WORDS:
            return False
        return sum(o.paragraph == s.paragraph for o in self.sentences) == 1

    def _named(self, cue: Hit, terms: list[Hit]) -> Hit | None:
        if cue.form != "noun":
            return None
        for t in terms:
            if t.end <= cue.start and self.text[t.end : cue.start] in (" ", "-", ""):
                return t
            if t.start >= cue.end and _NAMES.match(self.text[cue.end : t.start]):
                return t
        return None

    def resolve(self, s: Sentence, hits: list[Hit], terms: list[Hit]) -> dict[Hit, Context | None]:
        """The context of every proposal cue of sentence `s` (None: proposer unknown)."""
        resolved: dict[Hit, Context | None] = {}
        passive: list[Hit] = []
        for cue in (h for h in hits if h.group == PROPOSAL):
            verbal = cue.form != "noun" or _VERB_BEFORE.search(self.text, s.start, cue.start)
            if verbal and self.cues.negated(self.text[s.start : cue.start]):
                # "has not offered", "hopes the US will offer" (a noun used as a verb): no cue,
                # and what it governs is no term of a cue before it ("The US plan does not
                # offer guarantees" is no US offer of guarantees)
                resolved[cue] = None
                self.foreign.add(cue)
                continue
            kind = cue.label
            ctx: Context | None = None
            if cue.form == "noun" and self.text[cue.start : cue.end].lower().endswith(" of"):
                # "the willingness of Washington to": the of-phrase, not the premodifier
                ctx = self._context(self._by_phrase(s, cue, of=True), kind, s.index, cue)
            if cue.form == "noun" and _HEAD_NOUN.search(self.text, s.start, cue.start):
                self.complements[cue] = cue.end  # "Ukraine's response to the US plan": its
                # context is no later cue's nor any later term's
            if ctx is None and cue.form == "noun":
                pre = self._premodifier(s, cue, hits)
                if isinstance(pre, str):
                    ctx = Context(pre, kind, kind, pre, cue, "explicit")
                elif pre is not None:
                    ctx = self._context(pre, kind, s.index, cue)
                if ctx is None:
                    ctx = self._context(self._by_phrase(s, cue), kind, s.index, cue)
                if ctx is None:
                    ctx = self._context(self._sender(cue), kind, s.index, cue)
                if ctx is None:
                    ctx = self._context(self._giver(s, cue), kind, s.index, cue)
            if ctx is None:
                ctx = self._context(self._pronoun_subject(s, cue), kind, s.index, cue)
            if cue.form == "reported":
                resolved[cue] = self._context(self._reporter(s, cue), kind, s.index, cue)
                continue
            if ctx is None and cue.form == "verb":
                # "a US-proposed truce", "the Kremlin-drafted memorandum": the compound's actor
                compound = [
                    a
                    for a in self.actors.within(s.start, cue.start)
                    if a.end == cue.start - 1 and self.text[a.end] == "-"
                ]
                if compound:
                    ctx = self._context(compound[-1], kind, s.index, cue)
            if ctx is None and cue.form == "verb":
                ctx = self._context(self._by_phrase(s, cue), kind, s.index, cue)
                if ctx is not None:
                    passive.append(cue)
            if ctx is None and cue.form == "verb":
                ctx = self._noun_subject(s, cue, resolved)
            if ctx is None and cue.form == "verb":
                ctx = self._context(self._subject(s, cue), kind, s.index, cue)
            if ctx is None and cue.form == "verb":
                ctx = self._pronoun_antecedent(s, cue, kind)
            if ctx is None and cue not in self.foreign:
                lo, hi = clause_bounds(self.text, s, cue.start, self.cues.clause_breaks)
                same = [
                    c
                    for h, c in resolved.items()
                    if c and lo <= h.start < hi and self.complements.get(h, s.end) > cue.start
                ]
                if same:
                    ctx = replace(same[-1], cue=cue)
            if (
                ctx is None
                and cue.form == "noun"
                and (
                    _DETERMINER.search(self.text, s.start, cue.start)
                    or _HEAD.fullmatch(self.text, s.start, cue.start)
                )
            ):
                earlier = [c for c in resolved.values() if c]
                antecedent = self._antecedent(
                    s.index, earlier, ANAPHORA_WINDOW, plan=cue.label == "plan"
                )
                if antecedent is not None and not earlier and self._rivals(s.index, antecedent):
                    antecedent = None  # "Moscow's memorandum and Kyiv's counter-proposal ...
                    # The proposals include ...": whose, unsaid
                if antecedent is not None:
                    ctx = replace(antecedent, cue=cue, attribution="anaphora")
            named = self._named(cue, terms)
            if ctx is not None and named is not None:
                code = self.codebook.codes[named.label]
                ctx = replace(ctx, kind=SINGLE_ISSUE, slug=code.slug)
            resolved[cue] = ctx
        for cue, ctx in list(resolved.items()):
            if cue in self.foreign:
                continue
            if ctx is None and cue.form == "noun":
                resolved[cue] = self._passive_agent(s, cue, passive, resolved, terms)
            if resolved[cue] is None and cue.form == "noun":
                resolved[cue] = self._relative_agent(s, cue, resolved, terms)
        return resolved

    def _relative_agent(
        self, s: Sentence, noun: Hit, resolved: dict[Hit, Context | None], terms: list[Hit]
    ) -> Context | None:
        """A noun cue takes the proposer of a verb cue in an object relative clause right after
        it: "a proposal for a truce, which Kyiv had put forward" (the relative's subject), not
        one whose relative pronoun is the subject ("the plan, which calls for")."""
        for verb, ctx in resolved.items():
            if ctx is None or verb.form != "verb" or verb.start < noun.end:
                continue
            m = _OBJECT_RELATIVE.search(self.text, noun.end, verb.start)
            if m is None or ";" in self.text[noun.end : m.start()]:
                continue
            subject = self.actors.within(m.end(), verb.start)
            if not subject or subject[0].start != m.end() or subject[-1].entity_id is None:
                continue
            if self.actors.side_of(subject[-1].entity_id) != ctx.proposer_id:
                continue
            named = self._named(noun, terms)
            if named is not None:
                slug = self.codebook.codes[named.label].slug
                return replace(ctx, kind=SINGLE_ISSUE, slug=slug, cue=noun)
            return replace(ctx, kind=noun.label, slug=noun.label, cue=noun)
        return None

    def _passive_agent(
        self,
        s: Sentence,
        noun: Hit,
        passive: list[Hit],
        resolved: dict[Hit, Context | None],
        terms: list[Hit],
    ) -> Context | None:
        """A noun cue takes the agent of a later passive cue: "the plan, presented by Witkoff,"."""
        lo, hi = clause_bounds(self.text, s, noun.start, self.cues.clause_breaks)
        for verb in passive:
            ctx = resolved[verb]
            if ctx is not None and noun.end <= verb.start < hi and lo <= noun.start:
                named = self._named(noun, terms)
                if named is not None:
                    return replace(
                        ctx, kind=SINGLE_ISSUE, slug=self.codebook.codes[named.label].slug, cue=noun
                    )
                return replace(ctx, kind=noun.label, slug=noun.label, cue=noun)
        return None

    # ------------------------------------------------------------------ terms
    def carried(self, s: Sentence, hits: list[Hit], terms: tuple[Hit, ...] = ()) -> Context | None:
        """The proposal a cue-less sentence continues, if any (see module docstring). A name
        inside a term's wording ("It would cap the size of Ukraine's army") is no actor."""
        # a modal no one reports ("Kyiv would have to hold elections") continues the proposal
        # the sentences before set out (detect.py calls this only when no cue has a proposer)
        if any(
            h.group == PROPOSAL and (h.form != "reported" or not self._obliging(s, h)) for h in hits
        ):
            return None
        if terms and any(h.group == STANCE and h.end <= terms[0].start for h in hits):
            return None  # "Both delegations signed up to a prisoner exchange": a stance's object
        antecedent = self._antecedent(s.index, [], CARRY_WINDOW)
        if antecedent is None or _PREDICTION.search(self.text, s.start, s.end):
            return None  # "Ukraine expected the talks to lead to ...": a prediction, no term
        if _IT_SAYS.match(self.text, s.start, s.end):
            return replace(antecedent, cue=None, attribution="carry-over")  # "It also says ..."
        for m in _OBJECT_FIRST_PERSON.finditer(self.text, s.start, s.end):
            # "But the key for us is guarantees": the speaker's words, if of another side
            me = self.actors.resolve(
                Actor(m.start(), m.end(), None, None, "first-person"), self.sentences, s.index
            )
            if me is not None and me.side and me.side != antecedent.proposer_id:
                return None
        for actor in self.actors.within(s.start, s.end):
            if _RECIPIENT.match(self.text, actor.end, s.end):
                continue  # "Instead, Kyiv would receive guarantees": what the plan gives it
            if self._obliged(actor, terms):
                continue  # "Washington would lift sanctions": what the proposal asks of it
            if any(t.start <= actor.start and actor.end <= t.end for t in terms):
                continue
            if self._complement_possessor(actor, terms):
                continue  # "a cap of 600,000 troops on Ukraine's army": a term's complement
            if _GRANTED.search(self.text, max(s.start, actor.start - 20), actor.start):
                continue  # "It would allow Ukraine an army of ...": what the plan grants it
            if _HOLDER_OPENS.search(
                self.text, max(s.start, actor.start - 8), actor.start
            ) and _HELD_BY.match(self.text, actor.end, s.end):
                continue  # "in the part of Donetsk that Ukraine holds": a place, not a party
            actor = self.actors.resolve(actor, self.sentences, s.index)
            if actor is not None and actor.side and actor.side != antecedent.proposer_id:
                return None
        return replace(antecedent, cue=None, attribution="carry-over")

    def _complement_possessor(self, actor: Actor, terms: tuple[Hit, ...]) -> bool:
        """True for a possessive name in a prepositional phrase right after a term ("a cap of
        600,000 troops on Ukraine's army", "the return of Russia's frozen assets to Kyiv"): it
        modifies the term's wording and is no party of the sentence."""
        if not _POSSESSIVE.match(self.text[actor.end : actor.end + 2]):
            return False
        for term in terms:
            if term.end <= actor.start and actor.start - term.end <= 40:
                gap = self.text[term.end : actor.start]
                if _COMPLEMENT_GAP.fullmatch(gap):
                    return True
        return False

    def _obliging(self, s: Sentence, modal: Hit) -> bool:
        """True for a modal right after the party it obliges, in a sentence reporting no one
        ("Kyiv would have to hold elections"; not "X has rejected them, saying Y should ...")."""
        if _REPORTING.search(self.text, s.start, s.end):
            return False
        for actor in self.actors.within(s.start, modal.start):
            m = _OBLIGED.match(self.text, actor.end)
            if m is not None and m.start() <= modal.start < m.end():
                return True
        return False

    def _obliged(self, actor: Actor, terms: tuple[Hit, ...]) -> bool:
        """True when the actor is the subject of a modal right before a term ("Washington would
        lift sanctions", "Kyiv would have to hold elections"): the party a proposal obliges."""
        m = _OBLIGED.match(self.text, actor.end)
        if m is None:
            return False
        return any(
            t.start >= m.end() and _VERB_GAP.fullmatch(self.text, m.end(), t.start) for t in terms
        )

    def attach(
        self,
        s: Sentence,
        terms: list[Hit],
        resolved: dict[Hit, Context | None],
        carried: Context | None,
    ) -> dict[Hit, Context]:
        """The context each term of the sentence is attributed to (terms without one omitted)."""
        attached: dict[Hit, Context] = {}
        for term in terms:
            named = [c for c in resolved if self._named(c, [term]) is term]
            if named:
                ctx = resolved[named[0]]
                if ctx is not None:
                    attached[term] = ctx
                continue
            lo, hi = clause_bounds(self.text, s, term.start, self.cues.clause_breaks)
            # a term of a relative aside about an actor ("Hungary, which has blocked EU
            # sanctions, called for talks") is no term of a cue outside the aside
            aside = inside(term.start, self._actor_asides(s))
            if aside is not None:
                lo, hi = aside
            governing = [c for c in resolved if lo <= c.start < hi and c.end <= term.start]
            if governing and max(governing, key=lambda c: c.start) in self.foreign:
                continue  # "... is that the West wants a ceasefire": the West's wish
            near = [
                (abs(cue.start - term.start), cue.start, ctx)
                for cue, ctx in resolved.items()
                if ctx is not None
                and lo <= cue.start < hi
                and self.complements.get(cue, s.end) > term.start
            ]
            agent = self._postmodifier(s, term, resolved)
            if agent is not None:  # "open to a buffer zone proposed by Washington": Washington's
                attached[term] = agent
                continue
            # a verb cue governs what follows it: "poised to concede X in exchange for Y"
            # gives X to "poised to", Y to "in exchange for"
            if any(n[1] <= term.start for n in near):
                near = [
                    (d, at, ctx)
                    for d, at, ctx in near
                    if at <= term.start or ctx.cue is None or ctx.cue.form == "noun"
                ]
            if near and _DENIED.search(self.text, max(s.start, term.start - 6), term.start):
                continue  # "Kyiv's position: no recognition of occupied land": refused, not put
            if near:
                attached[term] = min(near, key=lambda n: (n[0], n[1]))[2]
            elif (
                carried is not None
                and aside is None
                and not _SETTING.match(self.text[s.start : term.start])
                and not _NEGATED_CLAUSE.search(self.text, lo, term.start)
            ):  # not "During the Easter truce, ...": a time; nor "No one may cede ...": a denial
                attached[term] = carried
        return attached

    def _actor_asides(self, s: Sentence) -> list[tuple[int, int]]:
        """The relative asides of the sentence opening right after an actor ("Kyiv, which
        ...,"), not after a proposal ("the plan, which includes a truce,": its content)."""
        ends = {a.end for a in self.actors.within(s.start, s.end)}
        return [span for span in relative_asides(self.text, s.start, s.end) if span[0] in ends]

    def _postmodifier(
        self, s: Sentence, term: Hit, resolved: dict[Hit, Context | None]
    ) -> Context | None:
        """The proposer of a passive participle with a by-phrase right after the term, which
        it modifies as a reduced relative clause ("a buffer zone proposed by Washington", "the
        30-day truce, first floated by Kyiv,", "a swap that was suggested by Ankara"): the
        term is the participle's object, whatever cue stands before it."""
        for cue, ctx in resolved.items():
            if ctx is None or cue.form != "verb" or cue.start < term.end:
                continue
            if not _REDUCED_RELATIVE.fullmatch(self.text, term.end, cue.start):
                continue
            if self._by_phrase(s, cue) is not None:
                return ctx
        return None

    def echoed(
        self, s: Sentence, resolved: dict[Hit, Context | None], attached: dict[Hit, Context]
    ) -> dict[Hit, tuple[Context, ...]]:
        """The other proposals a list of terms belongs to when an appositive after it says it
        echoes a party's demands ("The draft included A, B and C - elements which reflected
        key Kremlin demands"): each term before the appositive is also a term of those demands,
        and of the other proposal the list's terms are attributed to."""
        extra: dict[Hit, tuple[Context, ...]] = {}
        for m in _ECHOES.finditer(self.text, s.start, s.end):
            demands = [
                c
                for cue, c in resolved.items()
                if c is not None
                and cue.form == "noun"
                and m.end() <= cue.start
                and len(self.text[m.end() : cue.start].split()) <= 3
            ]
            if not demands:
                continue
            listed = {
                t: c for t, c in attached.items() if s.start <= t.start and t.end <= m.start()
            }
            owners = list(dict.fromkeys([*listed.values(), demands[0]]))
            if len({c.proposer_id for c in owners}) < 2:
                continue
            for term, ctx in listed.items():
                extra[term] = tuple(c for c in owners if c.proposer_id != ctx.proposer_id)
        return extra

    def remember(self, s: Sentence, contexts: list[Context]) -> None:
        if contexts:
            self.history[s.index] = contexts
