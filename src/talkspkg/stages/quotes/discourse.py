"""The discourse model: who "he", "she" and "the president" are, sentence by sentence.

No parser is involved; the model keeps, in text order, two things per passage:
- the *subject* of each sentence: the first speaker phrase of its main clause, read outside
  quotation marks, after a dateline and a leading clause closed by a comma ("While ...,", "In a
  post on X,", "Speaking to reporters,", "Sitting in his office,"; the opening words are a
  capitalised present participle or `leading_words` of
  quote_cues.yaml). The subject must open the clause: a sentence whose first noun phrase is
  no speaker ("The talks came a day before Zelensky ...") has none; one opening with a function
  word ("Just a day after Trump remarked ..., Carney said") is read after its first comma or
  quotation, and a subject that names nobody may be followed by a named appositive ("Her
  counterpart, NAME, said"). A pronoun or description subject is resolved by this same model.
  A sentence whose last speech cue (after the subject) gives the words to a named person ("...,
  but Defence Secretary John Healey told parliament", "..., according to governor Oleksandr
  Prokudin") has that person as its subject: the passage goes on with them;
- the *current speaker*: the speaker of the most recent attributed quotation in the passage.
A passage is a paragraph and the one before it, paragraphs of quotation only not counted (a
quotation running over paragraphs keeps its speaker's passage open).
A person named only inside quotation marks, as a possessive ("Trump's envoy") or anywhere but
the subject ("Trump called Putin", "accused X of ...") is never an antecedent.

| phrase           | antecedent, first that applies                                   | weight     |
|------------------|------------------------------------------------------------------|------------|
| he / she         | 1. the person subject of its own sentence, before the pronoun,   | own        |
|                  |    or, for the main subject, that of a leading clause            |            |
|                  | 2. the nearest earlier person-like subject of the passage (an    | agreed /   |
|                  |    unnamed one, "a senior official", resolves to nobody),        | subject /  |
|                  |    checked against the current speaker                           | conflict   |
|                  | 3. the current speaker                                           | speaker    |
|                  | 4. the current speaker, or else the last named person subject,   | fallback   |
|                  |    of the paragraph before the passage, when no sentence since   |            |
|                  |    has a person subject ("Her remarks came after X criticised    |            |
|                  |    Y.", "The two discussed sanctions." do not break the passage) |            |
|                  | With a cue of going on ("he added", "she continued":             |            |
|                  | `going_on_verbs`), 3 comes before 2.                             |            |
|                  | A subject coordinating two people ("A and B met"): nobody, unless| conflict   |
|                  | one is the current speaker. "Reporters pressed X ..." (an        |            |
|                  | `interviewers` noun, a journalist the article names, also by     |            |
|                  | surname, or an outlet, and an `asking_verbs` verb): X is the     |            |
|                  | subject; "Whitlock asked whether he ...", "The BBC asked him     |            |
|                  | ...": the person the pronoun designates is the subject           |            |
|                  | An antecedent of another gender (gender.py: given name, "Ms",    | conflict   |
|                  | "spokeswoman") is rejected for the one fitting person among those|            |
|                  | named in the passage and the current speaker, if all their       |            |
|                  | genders are given (a cue of going on after a quotation of the    |            |
|                  | paragraph keeps its speaker: a writer's slip)                    |            |
|                  | otherwise nobody: speaker null                                   | unresolved |
| the president,   | a person fits when their country is the description's (a demonym| own/agreed |
| the US leader,   | or a possessive) and their role, if known, holds its office      | unique /   |
| Russia's foreign | ("leader", "chief": any leader's office; "vice president" is no  | fallback   |
| minister         | president); for a possessive, the role must hold it. The first   |            |
|                  | of 1-3 above that fits, else the most recent person named in     |            |
|                  | prose who fits: full only when the article names one who fits   |            |
|                  | and the passage names them (another fitting person named in it:  | conflict   |
|                  | lower). Two fitting subjects (or the current speaker) of the     | unresolved |
|                  | passage: nobody (unless one is the phrase's own subject). Else   |            |
|                  | the one person of the passage whose country the text does not    | loose      |
|                  | give but whose role holds the office ("President X"); else,      |            |
|                  | cataphora, the one person who fits named after it in its own or  | ahead      |
|                  | the next sentence (a country's office: anywhere after it)        |            |
| the statement    | the issuer the passage's sentence that mentions such a document  | (document) |
| (a document)     | states: the document's own ("the Kremlin's statement", "a        |            |
|                  | statement from X", `carried_issuer`), else its named subject     |            |
|                  | when it issues it (`issuing`: "Paris and Berlin issued a joint   |            |
|                  | statement": the first issuer named; "X said in a statement"; not |            |
|                  | "X criticised the statement"); "G7 leaders issued ...": the one  |            |
|                  | organisation that                                                |            |
|                  | premodifies the group, never a possessive); else, less sure      |            |
|                  | (fallback weight): the issuer of                                 |            |
|                  | the last quotation with the document's channel;                  |            |
|                  | the speaker of the last cue with that channel; for "the document"|            |
|                  | or "the draft", the country or institution premodifying the last |            |
|                  | mention of a document ("the US-backed plan"); else the current   |            |
|                  | speaker of the passage (the joint statement of those just quoted)|            |
| they, the two    | the parties of the nearest earlier sentence of the passage with  | own /      |
|                  | a subject (or of its own sentence, before it: then `name`)       | subject    |
| leaders, both    | when that subject is a coordination of named parties             |            |
| sides            | ("A and B met", their number fitting "two"/"both"): the first    |            |
|                  | named; "leaders of <organisation>": the organisation; else nobody|            |
| the ministry,    | the last organisation named in the passage whose name, or the    | (anaphor)  |
| the embassy,     | common nouns its mention carries ("grid operator X", "X, the     |            |
| the company      | state energy company,"), hold one of the noun's words            |            |
|                  | (`institution_nouns` of quote_cues.yaml: "the company": "...     |            |
|                  | Industries", "... Group", an "operator", a "firm", ...)          |            |
| a paragraph of   | the nearest earlier person subject of the passage, agreeing with | agreed /   |
| quotation alone  | the current speaker (nobody when they disagree); else nobody     | subject    |
The weight (`confidence.discourse` in quote_cues.yaml) multiplies the row's confidence: an
antecedent two sources agree on is surer than one found by a single source, and a phrase that
resolves to nobody (a pronoun, description or document without antecedent, a name that is no
entity) is `unresolved`: its speaker is null with a low confidence, since the article does name
someone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from talkspkg.stages.quotes.context import Context
from talkspkg.stages.quotes.detect import body_paragraphs
from talkspkg.stages.quotes.gender import gender_of, pronoun_gender
from talkspkg.stages.quotes.speaker import Phrase, classify, extend, phrase_at
from talkspkg.stages.quotes.text import Ref, Token

PERSON, THING = "person", "thing"


@dataclass(frozen=True, slots=True)
class Subject:
    """A sentence's subject: a person (named, described, a pronoun, or unnamed: entity None) or
    a thing (an institution, a country, a document, a group)."""

    sort: str
    entity_id: str | None
    start: int  # offset of the phrase in the text
    # the persons of a coordinated subject ("A and B met"): "he" cannot tell which one speaks
    persons: tuple[str, ...] = ()


def dateline_end(tokens: tuple[Token, ...]) -> int:
    """Index after a dateline ("JOHANNESBURG, June 3 (Reuters) -", "London (Agency):"): a run
    of capitalised words, names and numbers closed by a dash or colon set off by a space (in
    "Carney—who ..." the dash opens an aside); a run naming a person is no dateline."""
    for k, tok in enumerate(tokens[:12]):
        if tok.kind == "mention" and tok.ref is not None and tok.ref.entity_type == "person":
            return 0  # "Volodymyr Zelensky: “...”" names a speaker, not a place
        if tok.kind == "punct" and tok.text in "—–-:":
            spaced = k > 0 and (tok.text == ":" or tokens[k - 1].end < tok.start)
            return k + 1 if spaced else 0
        if tok.kind == "word" and not (tok.text[:1].isupper() or tok.text.isdigit()):
            return 0
        if tok.kind == "quote":
            return 0
    return 0


def clause_start(ctx: Context, tokens: tuple[Token, ...], start: int, end: int) -> int:
    """Index after leading clauses closed by a comma ("While the talks went on, ...", "In a
    statement, ...", "Speaking to reporters, ...")."""
    for _ in range(3):
        if start >= end or tokens[start].kind != "word":
            break
        if tokens[start].lower not in ctx.cues.leading_words and not _participle(tokens, start):
            break
        comma = next(
            (
                k
                for k in range(start + 1, min(end, start + 30))
                if tokens[k].kind in ("punct", "quote") and tokens[k].text == ","
            ),
            None,
        )
        if comma is None:
            break
        start = _after_list(tokens, comma, end) + 1
    return start


_AFTER_PARTICIPLE = frozenset(
    {
        "in",
        "on",
        "at",
        "to",
        "from",
        "with",
        "by",
        "for",
        "of",
        "beside",
        "alongside",
        "next",
        "outside",
        "inside",
        "behind",
        "near",
        "into",
        "onto",
        "over",
        "under",
        "through",
        "after",
        "before",
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "this",
        "that",
        "up",
        "out",
        "back",
    }
)


def _participle(tokens: tuple[Token, ...], k: int) -> bool:
    """A capitalised present participle opening a sentence and followed by a preposition or a
    determiner ("Sitting in his office, X ...", "Standing beside Y, X ..."): it opens a leading
    clause like `leading_words` ("Nothing ...", "Everything ..." and unknown names are none)."""
    tok = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return (
        tok.kind == "word"
        and tok.text[:1].isupper()
        and tok.lower.endswith("ing")
        and not tok.lower.endswith("thing")
        and len(tok.lower) > 5
        and (k == 0 or tokens[k - 1].kind == "punct")
        and nxt is not None
        and nxt.kind == "word"
        and nxt.lower in _AFTER_PARTICIPLE
    )


def _after_list(tokens: tuple[Token, ...], comma: int, end: int) -> int:
    """The comma that closes a leading clause whose last words are a list ("between American,
    European and Ukrainian officials, Rubio said"): the first comma, or the one after the list."""
    for k in range(comma + 1, min(end, comma + 10)):
        if tokens[k].kind == "quote":
            break
        if tokens[k].text == ",":
            listed = any(t.lower in ("and", "or") for t in tokens[comma + 1 : k])
            return k if listed else comma
    return comma


def subject_phrase(ctx: Context, s: int) -> Phrase | None:
    """The phrase that opens the main clause of sentence s, if it is a speaker phrase. A
    sentence opening with a function word ("Just one day after Trump remarked that "...",
    Carney fired back") has its main clause after the first comma or quotation."""
    tokens = ctx.sentences[s].tokens
    k = clause_start(ctx, tokens, dateline_end(tokens), len(tokens))
    found = _opening_phrase(ctx, tokens, k)
    if found is None and k < len(tokens) and tokens[k].lower in ctx.cues.function_words:
        brk = next(
            (
                i
                for i in range(k + 1, min(len(tokens), k + 30))
                if tokens[i].kind == "quote" or tokens[i].text == ","
            ),
            None,
        )
        if brk is not None:
            found = _opening_phrase(ctx, tokens, brk + 1)
    return found


def _opening_phrase(ctx: Context, tokens: tuple[Token, ...], k: int) -> Phrase | None:
    g, n = ctx.grammar, len(tokens)
    skip = ctx.cues.function_words | ctx.cues.skip_before_cue
    while k < n and (
        tokens[k].kind in ("quote", "punct")
        or (tokens[k].kind == "word" and tokens[k].lower in skip and not g.pronoun(tokens[k]))
    ):
        k += 1
    lo = k - 1
    while k < n and not g.core(tokens, k) and (g.det(tokens[k]) or g.inside(tokens[k])):
        k += 1
    found = None
    if k < n and g.core(tokens, k):
        found = classify(g, tokens, *extend(g, tokens, k, lo, n))
    if found is None or found.kind not in ("name", "title"):  # "Her counterpart, NAME, ..."
        named = _appositive(ctx, tokens, found.last + 1 if found else k)
        found = named or found
    return found


APPOSITIVE_REST = 8  # words of an opening noun phrase before ", NAME," (discourse._appositive)


def _person(tok: Token) -> bool:
    return tok.ref is not None and tok.ref.entity_type == "person"


def _appositive(ctx: Context, tokens: tuple[Token, ...], k: int) -> Phrase | None:
    """A named person set off by commas right after a subject phrase ("Her counterpart, the
    Russian deputy foreign minister Grigory Lunin, struck a different tone")."""
    g, stop = ctx.grammar, min(len(tokens), k + APPOSITIVE_REST)
    while k < stop and (
        tokens[k].kind in ("word", "poss")
        or (tokens[k].kind == "mention" and tokens[k].ref is not None and not _person(tokens[k]))
    ):
        k += 1  # the rest of an opening noun phrase ("Her counterpart", "X's successor as
        # head of the presidential office")
    if k >= len(tokens) or tokens[k].text != ",":
        return None
    at = phrase_at(g, tokens, k + 1, len(tokens))
    if at is None or at[1] + 1 >= len(tokens) or tokens[at[1] + 1].text != ",":
        return None
    phrase = classify(g, tokens, *at)
    known = ctx.entities.get(phrase.entity_id or "")
    ok = phrase.kind == "name" and known is not None and known.entity_type == "person"
    return phrase if ok else None


def subject(ctx: Context, s: int) -> Subject | None:
    """The subject of sentence s, resolved (memoised: sentences are read in text order)."""
    if s in ctx.subjects:
        return ctx.subjects[s]
    if s > 0 and s - 1 not in ctx.subjects:  # earlier sentences first: no deep recursion
        for t in range(s):
            if t not in ctx.subjects:
                subject(ctx, t)
    ctx.subjects[s] = None  # while it is read, a pronoun subject cannot be its own antecedent
    phrase = subject_phrase(ctx, s)
    found = None if phrase is None else _read(ctx, s, phrase)
    found = _interviewee(ctx, s) or found
    source = _source(ctx, s, phrase.first if phrase else 0)
    if source is None and found is not None and found.sort == PERSON and found.entity_id:
        found = _coordinated(ctx, s, found)
    found = source or found
    ctx.subjects[s] = found
    return found


def _interviewee(ctx: Context, s: int) -> Subject | None:
    """ "Reporters pressed NAME on the timetable.", "A journalist asked NAME whether ...": the
    person an interviewer (`interviewers`) asks (`asking_verbs`) is who answers next."""
    g, tokens = ctx.grammar, ctx.sentences[s].tokens
    k = clause_start(ctx, tokens, dateline_end(tokens), len(tokens))
    while k < len(tokens) and tokens[k].kind == "word" and (g.det(tokens[k]) or g.mod(tokens[k])):
        k += 1
    if k + 2 >= len(tokens) or not _interviewer(ctx, tokens[k]):
        return None
    if tokens[k + 1].lower not in ctx.cues.asking_verbs:
        return None
    if tokens[k + 2].lower in _ASKED_PRONOUNS or tokens[k + 2].lower in _QUESTION_WORDS:
        return _asked_pronoun(ctx, s, tokens, k + 2)
    found = phrase_at(g, tokens, k + 2, len(tokens))
    if found is None:
        return None
    phrase = classify(g, tokens, *found)
    known = ctx.entities.get(ctx.canonical(phrase.entity_id) or "")
    if phrase.kind != "name" or known is None or known.entity_type != "person":
        return None
    return Subject(PERSON, known.entity_id, tokens[found[0]].start)


_ASKED_PRONOUNS = {"him": "he", "her": "she", "he": "he", "she": "she"}
_QUESTION_WORDS = frozenset({"whether", "if", "why", "how", "what", "when", "about"})


def _interviewer(ctx: Context, tok: Token) -> bool:
    """An interviewer noun ("reporters"), the reporter's "I", a journalist the article names
    (typed `journalist`
    by the mentions stage; also by their surname alone: "Whitlock asked ..."), or an outlet
    ("The BBC asked him ...")."""
    if tok.kind == "word" and (tok.lower in ctx.cues.interviewers or tok.text == "I"):
        return True  # "I asked her whether ...": the reporter
    if tok.kind == "mention" and tok.ref is not None:
        known = ctx.entities.get(tok.ref.entity_id)
        return known is not None and (
            known.entity_type == "journalist"
            or (known.entity_type == "organization" and _outlet_role(ctx, known.role))
        )
    if tok.kind != "word" or not tok.text[:1].isupper():
        return False
    first = ctx.journalist_surnames.get(tok.text)  # a journalist named earlier, by surname
    return first is not None and first < tok.start


def _outlet_role(ctx: Context, role: str | None) -> bool:
    words = (role or "").lower().split()
    return any(
        words[i : i + len(m)] == list(m) for m in ctx.cues.named_media for i in range(len(words))
    )


def _asked_pronoun(ctx: Context, s: int, tokens: tuple[Token, ...], k: int) -> Subject | None:
    """ "Whitlock asked him whether ...", "The BBC asked whether he would ...": the person
    the pronoun designates is who answers next."""
    for j in range(k, min(len(tokens), k + 3)):
        if tokens[j].kind == "word" and tokens[j].lower in _ASKED_PRONOUNS:
            found, _ = pronoun(ctx, s, tokens[j].start)
            known = ctx.entities.get(found or "")
            if known is None or known.entity_type != "person":
                return None
            return Subject(PERSON, known.entity_id, tokens[j].start)
    return None


def _coordinated(ctx: Context, s: int, found: Subject) -> Subject:
    """A person subject coordinated with another person ("A and B met in Tallinn") keeps the
    first as its entity (for descriptions and groups) and records both: a later "he" or "she"
    cannot tell them apart (no gender is known)."""
    persons = tuple(
        p
        for p in parties(ctx, s)
        if (e := ctx.entities.get(p)) is not None and e.entity_type == "person"
    )
    if len(persons) < 2 or found.entity_id not in persons:
        return found
    return Subject(found.sort, found.entity_id, found.start, persons)


def _read(ctx: Context, s: int, phrase: Phrase) -> Subject:
    start = ctx.sentences[s].tokens[phrase.first].start
    kind, entity = phrase.kind, ctx.canonical(phrase.entity_id)
    if kind in ("name", "title"):
        known = ctx.entities.get(entity or "")
        sort = PERSON if known is not None and known.entity_type == "person" else THING
        return Subject(sort, entity, start)
    if kind == "role":
        return Subject(PERSON, entity, start)
    if kind == "description":
        found, _ = description(ctx, s, start, phrase.country, phrase.head)
        return Subject(PERSON, found, start)
    if kind == "anaphor":
        return Subject(PERSON, ctx.previous_voice(), start)
    if kind == "pronoun" and phrase.word in ctx.cues.person_pronouns:
        found, _ = pronoun(ctx, s, start)
        return Subject(PERSON, found, start)
    if kind == "unnamed" and _one_person(ctx, phrase, ctx.sentences[s].tokens):
        return Subject(PERSON, None, start)
    return Subject(THING, entity, start)


def _source(ctx: Context, s: int, main: int) -> Subject | None:
    """The named person the last speech cue of sentence s gives the words to ("..., but
    Defence Secretary John Healey told parliament", "..., according to governor Oleksandr
    Prokudin"): the speaker the passage goes on with."""
    from talkspkg.stages.quotes.cues_attr import speaker_of  # (an import cycle)

    tokens = ctx.sentences[s].tokens
    for cue in reversed(ctx.cues_of(s)):
        if cue.first < main:  # in a leading clause: "after Trump remarked ..., Carney said"
            break
        if cue.possessor is not None and cue.possessor[0] == cue.first:
            continue  # "Kyiv rejected Putin's claim that ...": Putin is no subject
        phrase, how = speaker_of(ctx, s, cue)
        if phrase is None or how not in ("left", "inverted", "after"):
            continue
        if phrase.kind in ("name", "title"):
            found = _read(ctx, s, phrase)
            if found.sort == PERSON and found.entity_id and tokens[phrase.first].kind != "quote":
                return found
        return None
    return None


def _one_person(ctx: Context, phrase: Phrase, tokens: tuple[Token, ...]) -> bool:
    """Does an unnamed phrase designate one person ("a senior official"), not a group or an
    institution ("officials", "Western allies", "the ministry")?"""
    head = phrase.head
    if head is None or head in ctx.cues.institution_heads:
        return False
    last = tokens[phrase.last].lower
    plural = last.endswith("s") and not last.endswith("ss") and last not in ctx.cues.voice_roles
    return not plural


def current_speaker(ctx: Context, pos: int, paragraph: int, persons: bool = True) -> str | None:
    """The speaker of the most recent attributed quotation before `pos`, in the same paragraph
    or the previous one (a person, unless `persons` is False)."""
    for m in range(len(ctx.results) - 1, -1, -1):
        q, done = ctx.spans[m], ctx.results[m]
        if q.start >= pos:
            continue
        if q.segment < paragraph - 1:
            return None
        if done is not None and done.speaker_id:
            known = ctx.entities.get(done.speaker_id)
            if not persons or (known is not None and known.entity_type == "person"):
                return done.speaker_id
            return None
    return None


def leading_subject(ctx: Context, s: int) -> Subject | None:
    """The person subject of a leading clause ("While Trump had pushed for ..., the president
    said"), a candidate only for the main clause's own subject."""
    tokens = ctx.sentences[s].tokens
    k = dateline_end(tokens)
    if k >= len(tokens) or tokens[k].lower not in ctx.cues.subordinators:
        return None
    phrase = _opening_phrase(ctx, tokens, k + 1)
    if phrase is None or phrase.kind not in ("name", "title"):
        return None
    found = _read(ctx, s, phrase)
    return found if found.sort == PERSON else None


Candidates = tuple[Subject | None, Subject | None, str | None]


def _candidates(ctx: Context, s: int, pos: int) -> Candidates:
    """(own-sentence subject before pos, nearest earlier person-like subject, current speaker)."""
    own = subject(ctx, s)
    if own is not None and own.start == pos:  # the phrase is the main subject itself
        own = leading_subject(ctx, s)
    elif own is not None and not (own.sort == PERSON and own.start < pos):
        own = None
    floor = _floor(ctx, s)
    earlier = None
    for t in range(s - 1, -1, -1):
        if ctx.sentences[t].paragraph < floor:
            break
        found = subject(ctx, t)
        if found is not None and found.sort == PERSON:
            earlier = found
            break
    return own, earlier, current_speaker(ctx, pos, floor + 1)


def _floor(ctx: Context, s: int) -> int:
    """The earliest paragraph of the passage of sentence s: its own and the one before, not
    counting paragraphs of quotation only (a quotation running over paragraphs)."""
    floor = ctx.sentences[s].paragraph - 1
    for t in range(s - 1, -1, -1):
        sent = ctx.sentences[t]
        if sent.paragraph < floor:
            break
        if sent.paragraph == floor and all(tok.kind in ("quote", "punct") for tok in sent.tokens):
            floor -= 1
    return floor


def pronoun(ctx: Context, s: int, pos: int, going_on: bool = False) -> tuple[str | None, float]:
    """The person "he"/"she" at offset `pos` of sentence s designates, and the weight. With
    `going_on` (the cue is "added", "continued": the speaker goes on), the current speaker
    comes before an earlier subject. An antecedent whose gender the article gives and the
    pronoun contradicts is rejected: the one person whose gender fits among those named in the
    passage before the pronoun and the current speaker (of the passage or the paragraph before),
    if the article gives every such person's gender, else nobody; but a cue
    of going on right after a quotation of its own paragraph stays with that quotation's speaker
    (a writer's slip of pronoun is likelier than a new speaker there)."""
    found, weight = _pronoun(ctx, s, pos, going_on)
    want = pronoun_gender(ctx, pos)
    have = gender_of(ctx, found)
    if want is None or have is None or have == want:
        return found, weight
    paragraph = ctx.sentences[s].paragraph
    if going_on and found == current_speaker(ctx, pos, paragraph + 1):
        return found, weight  # "“...,” X said. He added, “...”": the speaker goes on
    w = ctx.cues.discourse_weight
    pool = _named_in_passage(ctx, s, pos)
    speaker = current_speaker(ctx, pos, _floor(ctx, s))
    if speaker is not None:
        pool.add(speaker)
    if all(gender_of(ctx, e) is not None for e in pool):
        fitting = sorted(e for e in pool if gender_of(ctx, e) == want)
        if len(fitting) == 1:
            return fitting[0], w["conflict"]
    return None, w["unresolved"]


def _named_in_passage(ctx: Context, s: int, pos: int) -> set[str]:
    """The persons named in prose (not as a possessive) in the passage of sentence s, before
    offset `pos`."""
    start = next(
        (x.start for x in ctx.sentences if x.paragraph >= _floor(ctx, s)), ctx.sentences[s].start
    )
    text = ctx.article.text
    return {
        ctx.canonical(r.entity_id) or r.entity_id
        for r in ctx.prose_refs
        if r.entity_type == "person"
        and start <= r.start < pos
        and not text.startswith(("'s", "’s"), r.end)
    }


def _pronoun(ctx: Context, s: int, pos: int, going_on: bool) -> tuple[str | None, float]:
    w = ctx.cues.discourse_weight
    own, earlier, speaker = _candidates(ctx, s, pos)
    if going_on:  # the speaker may have been quoted a paragraph further back
        speaker = speaker or current_speaker(ctx, pos, _floor(ctx, s))
    nearest = own or earlier
    if nearest is not None and nearest.persons:  # "A and B met. ... he said": which one?
        if speaker in nearest.persons:
            return speaker, w["conflict"]
        return None, w["unresolved"]
    if own is not None:
        return own.entity_id, w["own"]
    if going_on and speaker is not None:
        agreed = earlier is None or earlier.entity_id == speaker
        return speaker, w["agreed"] if agreed else w["speaker"]
    if earlier is not None:
        if earlier.entity_id is None or speaker is None:
            return earlier.entity_id, w["subject"]
        return earlier.entity_id, w["agreed"] if speaker == earlier.entity_id else w["conflict"]
    if speaker is not None:
        return speaker, w["speaker"]
    floor = _floor(ctx, s)  # over a passage with no person subject, to the one before
    before = current_speaker(ctx, pos, floor) or _person_subject(ctx, s, floor - 1)
    if before is not None:
        return before, w["fallback"]
    return None, w["unresolved"]


def _person_subject(ctx: Context, s: int, paragraph: int) -> str | None:
    """The last named person subject of a sentence of `paragraph` (before sentence s)."""
    for t in range(s - 1, -1, -1):
        if ctx.sentences[t].paragraph < paragraph:
            break
        if ctx.sentences[t].paragraph == paragraph:
            found = subject(ctx, t)
            if found is not None and found.sort == PERSON and found.entity_id:
                return found.entity_id
    return None


def previous_subject(ctx: Context, s: int, pos: int) -> tuple[str, float, int, int] | None:
    """Who a sentence of quotation alone goes on quoting inside a paragraph of prose ("Laine
    was blunt. “We are not there yet.”"): the named person subject of the sentence right before
    it in its paragraph, checked against the current speaker (nobody when they disagree, or
    when the subject coordinates two people)."""
    if s == 0 or ctx.sentences[s - 1].paragraph != ctx.sentences[s].paragraph:
        return None
    found = subject(ctx, s - 1)
    phrase = subject_phrase(ctx, s - 1)
    if found is None or found.sort != PERSON or not found.entity_id or found.persons:
        return None
    if phrase is None or phrase.kind not in ("name", "title"):
        return None
    speaker = current_speaker(ctx, pos, ctx.sentences[s].paragraph)
    if speaker is not None and speaker != found.entity_id:
        return None
    w = ctx.cues.discourse_weight
    tokens = ctx.sentences[s - 1].tokens
    weight = w["agreed"] if speaker else w["subject"]
    return found.entity_id, weight, tokens[phrase.first].start, tokens[phrase.last].end


def passage_speaker(ctx: Context, s: int, pos: int) -> tuple[str, float, int, int] | None:
    """Who a paragraph of quotation alone, with no cue, goes on quoting: the nearest earlier
    person subject of the passage (a named or resolved one, "Sybiha was blunt." / "She spoke
    after the meeting."), checked against the current speaker; the current speaker alone when
    no sentence has a person subject; nobody when the two disagree. (entity, weight, phrase
    offsets)."""
    w = ctx.cues.discourse_weight
    floor = _floor(ctx, s)
    speaker = current_speaker(ctx, pos, floor + 1)
    for t in range(s - 1, -1, -1):
        if ctx.sentences[t].paragraph < floor:
            break
        found = subject(ctx, t)
        if found is None or found.sort != PERSON:
            continue
        phrase = subject_phrase(ctx, t)
        tokens = ctx.sentences[t].tokens
        asked = next((tok for tok in tokens if tok.start == found.start), None)
        if found.entity_id is None or (phrase is None and asked is None) or found.persons:
            return None
        if speaker is not None and speaker != found.entity_id:
            return None
        weight = w["agreed"] if speaker else w["subject"]
        if phrase is None and asked is not None:  # "Whitlock asked whether he ...": "he"
            return found.entity_id, weight, asked.start, asked.end
        assert phrase is not None
        return found.entity_id, weight, tokens[phrase.first].start, tokens[phrase.last].end
    return None


def holds(ctx: Context, role: str | None, office: str | None) -> bool:
    """Whether a role ("US Special Envoy", "Russian President") holds the office a description
    names ("envoy", "president"); a generic head ("leader", "chief") is any leader's office, and
    an office after a subordinate word ("vice president") is another office."""
    if not role or not office:
        return False
    words = role.lower().replace("-", " ").split()
    offices = ctx.cues.leader_offices if office in ctx.cues.generic_offices else (office,)
    for wanted in offices:
        want = wanted.split()
        for i in range(len(words) - len(want) + 1):
            if words[i : i + len(want)] == want and (
                i == 0 or words[i - 1] not in ctx.cues.subordinate_offices
            ):
                return True
    return False


def _fits(
    ctx: Context,
    entity_id: str | None,
    country: str | None,
    office: str | None,
    both: bool,
    loose: bool = False,
) -> bool:
    """A person fits a description when their country is the description's and their role, if
    known, holds its office (`both`: it must be known and hold it). `loose`: a person whose
    country the article does not give fits when their role holds the office ("President X" for
    "the US president")."""
    known = ctx.entities.get(entity_id or "")
    if known is None or known.entity_type != "person":
        return False
    fits_office = holds(ctx, known.role, office)
    if loose:
        return bool(country) and known.country is None and fits_office
    if country:
        other_office = bool(known.role) and not fits_office
        return known.country == country and (fits_office if both else not other_office)
    return fits_office


def _subjects(ctx: Context, s: int, pos: int, speaker: str | None) -> set[str]:
    """The named persons who are subjects of the passage's sentences before `pos`, and its
    current speaker."""
    floor = _floor(ctx, s)
    found = {speaker} if speaker else set()
    for t in range(s, -1, -1):
        if ctx.sentences[t].paragraph < floor:
            break
        subj = subject(ctx, t)
        if subj is not None and subj.sort == PERSON and subj.entity_id and subj.start < pos:
            found.add(subj.entity_id)
    return found


def _passage_start(ctx: Context, s: int) -> int:
    body = body_paragraphs(ctx.article)
    return body[max(0, _floor(ctx, s))].start


def description(
    ctx: Context, s: int, pos: int, country: str | None, office: str | None, both: bool = False
) -> tuple[str | None, float]:
    """The person a definite description ("the Finnish leader", "the president") designates;
    with `both`, the person must hold the office too ("Russia's foreign minister").

    Precision first: when two subjects of the passage fit, nobody (unless one is the subject of
    the description's own sentence or leading clause); a person found beyond the
    passage, or the only one fitting only loosely (country unknown), or named after the
    description (cataphora), is below the confident band."""
    w = ctx.cues.discourse_weight
    start = _passage_start(ctx, s)
    persons = [r for r in ctx.prose_refs if r.entity_type == "person"]
    fitting = {
        r.entity_id
        for r in persons
        if r.start < pos and _fits(ctx, r.entity_id, country, office, both)
    }
    near = {r.entity_id for r in persons if start <= r.start < pos and r.entity_id in fitting}
    own, earlier, speaker = _candidates(ctx, s, pos)
    if len(_subjects(ctx, s, pos, speaker) & fitting) > 1 and not (
        own and own.entity_id in fitting
    ):
        return None, w["unresolved"]  # two subjects of the passage fit
    for found, weight in (
        (own.entity_id if own else None, w["own"]),
        (earlier.entity_id if earlier else None, w["subject"]),
        (speaker, w["speaker"]),
        (ctx.person_before(pos, country, office), w["fallback"]),
    ):
        if _fits(ctx, found, country, office, both):
            if found not in near:
                return found, min(weight, w["fallback"])
            if len(near) > 1:  # another person of the passage fits too
                return found, min(weight, w["conflict"])
            return found, w["unique"] if fitting == {found} else weight
    if fitting:
        return None, w["unresolved"]
    loose = {
        r.entity_id
        for r in persons
        if start <= r.start < pos and _fits(ctx, r.entity_id, country, office, both, loose=True)
    }
    if len(loose) == 1:  # "President X" in the passage, for "the US president"
        return loose.pop(), w["loose"]
    later = _ahead(ctx, s, pos, country, office)
    return later, w["ahead"] if later else w["unresolved"]


def _ahead(ctx: Context, s: int, pos: int, country: str | None, office: str | None) -> str | None:
    """Cataphora: the one person who fits, named after the description in its own sentence or
    the next ("Russia's foreign minister said ... Foreign Minister X, speaking in Moscow,
    added"); for a country's office ("Russia's foreign minister"), anywhere in the article."""
    sent = ctx.sentences[s]
    stop = ctx.sentences[s + 1].end if s + 1 < len(ctx.sentences) else sent.end
    if country and office and office not in ctx.cues.generic_offices:
        stop = len(ctx.article.text)
    ahead = {
        r.entity_id
        for r in ctx.prose_refs
        if r.entity_type == "person"
        and pos < r.start < stop
        and _fits(ctx, r.entity_id, country, office, True)
    }
    return ahead.pop() if len(ahead) == 1 else None


def issuer(ctx: Context, s: int, pos: int) -> str | None:
    """The issuer of a document no quotation or cue has introduced: the current speaker of the
    passage, person or institution ("the countries announced ... A joint statement said")."""
    return current_speaker(ctx, pos, _floor(ctx, s) + 1, persons=False)


def institution(ctx: Context, s: int, pos: int, head: str) -> str | None:
    """The institution "the ministry", "the company" designates: the last organisation named in
    prose in the passage whose name, knowledge-base role or descriptive nouns (`described_as`)
    hold one of the noun's words (`institution_nouns`: "Poland's foreign ministry criticised
    the plan. ... the ministry said"; "Halden Industries ... the company said"; "grid operator
    X said ... the company said"); none when the passage names none."""
    start = ctx.sentences[s].tokens[0].start if ctx.sentences[s].tokens else pos
    floor = _floor(ctx, s)
    for t in range(s - 1, -1, -1):
        if ctx.sentences[t].paragraph < floor:
            break
        if ctx.sentences[t].tokens:
            start = ctx.sentences[t].tokens[0].start
    for ref in reversed(ctx.prose_refs):
        if ref.start >= pos or ref.entity_type != "organization":
            continue
        if ref.start < start:
            return None
        known = ctx.entities.get(ref.entity_id)
        words = ctx.cues.institution_nouns.get(head, frozenset())
        if known is None:
            continue
        role = set((known.role or "").lower().replace("(", " ").replace(")", " ").split())
        if words & (set(known.name.lower().split()) | role | described_as(ctx, ref)):
            return ref.entity_id
    return None


_NOT_PREMODIFIERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "and", "or", "that"})
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|its|their)\s+([^,.;:()\"“”]{1,60}?)\s*[,.;]")


def described_as(ctx: Context, ref: Ref) -> set[str]:
    """The common nouns an organisation's mention carries: the lower-case premodifiers right
    before it ("grid operator Ukrenergo", "state news agency Tass") and the words of an
    appositive right after it ("Naftogaz, the state energy company,"). "The company" or "the
    agency" may then designate it though its name holds neither word. The premodifiers end at
    a determiner, preposition or conjunction ("hosted by X" carries nothing)."""
    text = ctx.article.text
    before = text[max(0, ref.start - 60) : ref.start].split()
    words: set[str] = set()
    for word in reversed(before):
        if not word.isalpha() or not word.islower() or word in _NOT_PREMODIFIERS:
            break
        if word in ctx.cues.prepositions:
            break
        words.add(word)
    found = _APPOSITIVE.match(text, ref.end)
    if found is not None:
        words |= {w for w in found.group(1).lower().split() if w.isalpha()}
    return words


def announced_issuer(ctx: Context, s: int, pos: int, channel: str) -> str | None:
    """The issuer of a document an earlier sentence of the passage introduced: the named
    subject of the nearest sentence that mentions a document of the same channel after its
    subject ("France and Germany issued a joint statement. ... the statement said": France, the
    first issuer named; "The ministry published a letter ..."). A subject that names nobody,
    or a person only by pronoun, stops the search: the reader cannot tell who issued it."""
    floor = _floor(ctx, s)
    for t in range(s, -1, -1):
        sent = ctx.sentences[t]
        if sent.paragraph < floor:
            break
        tokens = sent.tokens
        mentioned = [
            k
            for k, tok in enumerate(tokens)
            if tok.kind == "word"
            and tok.start < pos
            and ctx.cues.documents.get(tok.lower) == channel
        ]
        if not mentioned:
            continue
        carried = carried_issuer(ctx, tokens, mentioned[-1])
        if carried is not None:  # "X criticised the Kremlin's statement": the Kremlin's
            return carried
        named = parties(ctx, t)  # "Leaders of the Group of Seven agreed a communique"
        if named:
            return named[0]
        found = subject(ctx, t)
        if found is None or found.start >= tokens[mentioned[-1]].start:
            continue  # the document is the subject ("A joint statement said ..."): read on
        phrase = subject_phrase(ctx, t)
        if phrase is not None and phrase.kind == "unnamed":
            return _group_issuer(ctx, tokens, phrase)  # "G7 leaders issued a communique"
        if phrase is None or phrase.kind not in ("name", "title", "role"):
            return None
        if not issuing(ctx, t, phrase, mentioned[-1]):
            return None  # "X criticised the statement": not X's
        return found.entity_id
    return None


_FROM = ("from", "by")


def _entity_at(ctx: Context, tokens: tuple[Token, ...], k: int) -> str | None:
    """The organisation, country or person named at token k (over "the"), if any."""
    k += k < len(tokens) and tokens[k].lower == "the"
    ref = tokens[k].ref if k < len(tokens) and tokens[k].kind == "mention" else None
    if ref is None or ref.entity_type not in ("organization", "country", "person"):
        return None
    return ctx.canonical(ref.entity_id) or ref.entity_id


def carried_issuer(ctx: Context, tokens: tuple[Token, ...], k: int) -> str | None:
    """The issuer a document noun at k carries with it: a possessive or premodifier ("the
    Kremlin's statement", "a Kremlin statement", "a Russian statement"), or "from"/"by" right
    after it ("a statement from the ministry", "a letter, signed by X", "a statement issued by
    X")."""
    if k > 0 and tokens[k - 1].kind == "poss":
        owner = _entity_at(ctx, tokens, k - 2) if k > 1 else None
        if owner is not None:
            return owner
    found, _ = _premodifier(ctx, tokens, k)
    if found is not None:
        return ctx.canonical(found) or found
    j = k + 1
    j += j < len(tokens) and tokens[j].text == ","
    j += j < len(tokens) and tokens[j].lower in ctx.cues.issuing_words
    if j < len(tokens) and tokens[j].lower in _FROM:
        return _entity_at(ctx, tokens, j + 1)
    return None


_ISSUED = frozenset(  # verbs by which a subject issues a document ("X issued a statement")
    [
        "issued",
        "released",
        "published",
        "put",
        "sent",
        "signed",
        "adopted",
        "agreed",
        "made",
        "gave",
        "delivered",
        "read",
        "posted",
        "shared",
        "wrote",
        "drafted",
        "circulated",
    ]
)


def issuing(ctx: Context, t: int, phrase: Phrase, k: int) -> bool:
    """Does the subject `phrase` of sentence t issue the document noun at k: "X issued /
    released / published a statement", "X said in a statement", "In a statement, X said"? Not
    when it only acts on a document ("X criticised the statement")."""
    tokens = ctx.sentences[t].tokens
    within = k > 1 and tokens[k - 2].lower == "in" and ctx.grammar.det(tokens[k - 1])
    within = within or (k > 2 and tokens[k - 3].lower == "in" and tokens[k - 1].lower == "joint")
    if k < phrase.first:  # "In a statement released on Sunday, X said ..."
        return within and tokens[0].lower == "in"
    verb = phrase.last + 1
    while verb < k and tokens[verb].lower in ctx.cues.skip_before_cue:
        verb += 1  # "X on Sunday issued", "X also said"
    if verb >= k or k - verb > 4:
        return False
    return tokens[verb].lower in _ISSUED or (within and tokens[verb].lower in ctx.cues.single)


def announcing_subject(ctx: Context, t: int, k: int) -> str | None:
    """The named subject of sentence t when it issues the document noun at k (`issuing`); a
    coordination ("A and B issued a joint statement") gives its first party."""
    phrase = subject_phrase(ctx, t)
    named = parties(ctx, t)
    if phrase is None or (phrase.kind not in ("name", "title", "role") and not named):
        return None
    if not issuing(ctx, t, phrase, k):
        return None
    found = subject(ctx, t)
    return named[0] if named else (found.entity_id if found is not None else None)


def _group_issuer(ctx: Context, tokens: tuple[Token, ...], phrase: Phrase) -> str | None:
    """The one organisation or country that premodifies an unnamed group issuing a document
    ("G7 leaders", "EU foreign ministers"), if there is exactly one and nothing else names."""
    span = range(phrase.first, phrase.last + 1)
    refs = [tokens[k].ref for k in span if tokens[k].kind == "mention" and tokens[k].ref]
    if len(refs) != 1 or refs[0] is None or refs[0].entity_type not in ("organization", "country"):
        return None
    if any(ctx.grammar.possessive(tokens, k) for k in span if tokens[k].kind == "mention"):
        return None  # "Ukraine's allies": not Ukraine
    return ctx.canonical(refs[0].entity_id) or refs[0].entity_id


def document_issuer(ctx: Context, s: int, pos: int) -> str | None:
    """The issuer of "the document", "the draft": the entity that premodifies the nearest
    earlier mention of a document ("the US plan", "a US-backed plan", "Russia's memorandum"),
    reading back over definite mentions ("the plan also includes") and stopping at an
    indefinite one whose issuer is unstated ("an alternative plan")."""
    nouns = set(ctx.cues.documents) | ctx.cues.plan_words
    floor = ctx.sentences[s].paragraph - DOCUMENT_WINDOW
    for t in range(s, -1, -1):
        sent = ctx.sentences[t]
        if sent.paragraph < floor:
            break
        tokens = sent.tokens
        for k in range(len(tokens) - 1, -1, -1):
            if tokens[k].start >= pos or tokens[k].kind != "word" or tokens[k].lower not in nouns:
                continue
            found, indefinite = _premodifier(ctx, tokens, k)
            if found is not None:
                return found
            if indefinite:
                return None
    return None


DOCUMENT_WINDOW = 6  # paragraphs a definite "the document" may reach back over


def _premodifier(ctx: Context, tokens: tuple[Token, ...], k: int) -> tuple[str | None, bool]:
    """(the issuer named before the document noun at k, whether its phrase is indefinite)."""
    g, words, demonyms = ctx.grammar, ctx.cues.issuer_words, ctx.cues.demonyms
    i = k - 1
    while i >= 0 and (
        tokens[i].kind in ("mention", "poss")
        or (tokens[i].kind == "word" and (g.mod(tokens[i]) or tokens[i].lower in words))
        or (tokens[i].kind == "word" and tokens[i].text[:1].isdigit())
        or tokens[i].lower.split("-")[0] in demonyms
    ):
        ref = tokens[i].ref
        if tokens[i].kind == "mention" and ref is not None and ref.entity_type != "person":
            return ref.entity_id, False
        demonym = tokens[i].lower.split("-")[0]  # "a Russian-backed plan"
        if tokens[i].kind == "word" and demonym in demonyms:
            return ctx.country_entity(demonyms[demonym]), False
        i -= 1
    while i > 0 and k - i < 4 and tokens[i].kind == "word" and not g.det(tokens[i]):
        i -= 1  # over adjectives: "an alternative plan"
    indefinite = i >= 0 and tokens[i].lower in ("a", "an", "another")
    return None, indefinite


_PARTIES = ("person", "country", "organization")


def parties(ctx: Context, t: int) -> list[str]:
    """The entities a coordinated subject opening sentence t names ("Finnish President A and
    Estonian Prime Minister B met", "Ukraine and the United States held talks", "The foreign
    ministers of A, B and C condemned"), in order; or the organisation of "Leaders of
    <organisation>" as the one party; else none."""
    tokens = ctx.sentences[t].tokens
    k = clause_start(ctx, tokens, dateline_end(tokens), len(tokens))
    found: list[str] = []
    joined = False
    head = k
    while head < len(tokens) and (tokens[head].lower == "the" or ctx.grammar.mod(tokens[head])):
        head += 1  # "The foreign ministers of A, B and C"
    if (
        head + 2 < len(tokens)
        and tokens[head].lower in ctx.cues.group_heads
        and tokens[head + 1].lower == "of"
    ):
        at = head + 2 + (tokens[head + 2].lower == "the")
        ref = tokens[at].ref if at < len(tokens) and tokens[at].kind == "mention" else None
        if ref is not None and ref.entity_type == "organization":
            return [ctx.canonical(ref.entity_id) or ref.entity_id]
        if head == k:
            return []
        k = head + 2  # the states the group is "of", read as a coordination below
    while k < len(tokens):
        tok = tokens[k]
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        demonym = (  # "Ukrainian negotiators", not "Finnish President Mika Lahti"
            ctx.cues.demonyms.get(tok.lower)
            if tok.kind == "word" and (nxt is None or not nxt.text[:1].isupper())
            else None
        )
        if tok.kind == "mention" and tok.ref is not None and tok.ref.entity_type in _PARTIES:
            entity = ctx.canonical(tok.ref.entity_id) or tok.ref.entity_id
            if entity not in found:
                found.append(entity)
        elif demonym and (state := ctx.country_entity(demonym)):  # "US and Ukrainian officials"
            if state not in found:
                found.append(state)
        elif tok.lower == "and" or tok.text == ",":
            joined = joined or tok.lower == "and"
        elif not (
            tok.kind == "word"
            and (
                tok.text[:1].isupper()
                or tok.lower == "the"
                or (ctx.grammar.inside(tok) and tok.lower not in ctx.cues.prepositions)
            )
        ):  # role words before a name belong to it: "Finnish envoy A and Estonian diplomat B"
            break
        k += 1
    return found if joined and len(found) >= 2 else []


def group(ctx: Context, s: int, pos: int, count: int | None) -> tuple[str | None, float]:
    """The first of the parties a group phrase at `pos` ("they", "the two leaders") stands
    for: those of the nearest earlier sentence of the passage that has a subject, when it is a
    coordination of as many named parties (or an organisation's "leaders of"); else nobody."""
    floor = _floor(ctx, s)
    for t in range(s, -1, -1):
        if ctx.sentences[t].paragraph < floor:
            break
        if all(tok.kind in ("quote", "punct") for tok in ctx.sentences[t].tokens):
            continue
        found = parties(ctx, t)
        if t == s and (not found or _opening(ctx, s) >= pos):
            continue  # its own sentence counts when the group phrase follows the parties
        if found and (count is None or len(found) == count or len(found) == 1):
            return found[0], ctx.cues.discourse_weight["own" if t == s else "subject"]
        if found or subject(ctx, t) is not None:
            break
    return None, ctx.cues.discourse_weight["unresolved"]


def _opening(ctx: Context, s: int) -> int:
    tokens = ctx.sentences[s].tokens
    k = clause_start(ctx, tokens, dateline_end(tokens), len(tokens))
    return tokens[k].start if k < len(tokens) else ctx.sentences[s].end
