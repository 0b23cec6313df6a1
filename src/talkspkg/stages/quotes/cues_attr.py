"""Speaker attribution by speech cues around the quotation, without a statistical parser.

Patterns, tried in this order on the quotation's own sentence (rule ids in parentheses):
0. a noun of speech opening with its possessor that the quotation closes, six words at most
   after it ("Asked about Lavrov's assertion that Kyiv “...”, Sybiha said"): the possessor
   (`speaker-verb-then-quote`), whatever cue follows the quotation; likewise a quotation inside
   a leading clause takes that clause's cue and the name right before it ("When told that X
   had called him “a clown”, Y said ...": X);
1. a cue right after the quotation, with the speaker between them or after the cue:
   "Q," S said (`quote-then-speaker-verb`, also "Q," S, <appositive>, said), "Q," said S
   (`quote-then-verb-speaker`);
2. the nearest cue before it: S said: "Q" / S said ... "Q" / S wrote on X: "Q"
   (`speaker-verb-then-quote`), According to S, "Q" (`according-to`);
3. a cue later in the sentence: ... "Q" toward ..., said S (`verb-later-in-sentence`); for a
   quotation of scare-quote length only when it closes the sentence ("..., said S.", "..., he
   added.", "..., the countries announced on Sunday.").
The speaker of a cue is the phrase right before it (skipping adverbs, an appositive between
commas and a ", who ...," clause), or after it when the cue follows punctuation and the phrase
closes the clause ("said the statement."); a participle or coordinated cue ("..., adding that",
"... and said") takes the speaker of the sentence's previous cue, else the sentence's first
speaker phrase, its subject (after any dateline or leading subordinate clause). A name right
after a preposition is no subject ("The round in Tallinn ..., one participant said" is not
Estonia's): a place speaks only as a subject standing for its government ("Moscow said"); a
document after one still speaks ("In the statement the four said").
A cue counts only when it yields a speaker phrase ("according to media reports" names nobody).
An "according to" after the quotation gives the report's source, not the speaker, when a cue
before it names one ("X told Y that “...”, according to a readout" is X's; `_governing_before`),
or when it stands between commas after the speaker ("X, according to Y, told Z that “...”";
`_past_source`).
A cue that names no channel takes the one the sentence's opening phrase names ("Writing on X,
Trump said", "In his nightly address, Zelensky said").

Spokesperson policy: a spokesperson (press secretary, press service, ...) speaks for the
principal named with them. "A spokesperson for British Prime Minister Keir Starmer" is attributed
to Starmer, "a spokesperson for Britain's Foreign, Commonwealth and Development Office" to the
FCDO; `speaker_text` keeps the phrase as written and `resolution` is `role`. A spokesperson who is
named ("A spokesperson for the US State department, Tammy Bruce said") is attributed to the person.

Documents: a document with no cue of its own sentence that opens it with "a"/"an" ("A joint
statement reading “...” was signed by 30 ministers") is a new document: only its own sentence
can name its issuer, never an earlier speaker.

Role-phrase policy: a definite role phrase with nobody named that no earlier mention resolves
("the Kremlin spokesman told reporters", "Russia's foreign minister said", "said the US secretary
of state") is the one person the knowledge base's dated titles give for the article's date
(talkspkg/titles.py; nobody outside the vouched span, when tenures overlap, or when the article
is undated and names no holder); `resolution` is `title`, and the confidence stays below 0.8
(`kb_title` weight): the article itself names nobody. Indefinite, plural and anonymous phrases
("a Kremlin official", "Russian officials") never resolve.
"""

from __future__ import annotations

import re
from dataclasses import replace

from talkspkg.stages.quotes import discourse
from talkspkg.stages.quotes.context import Attribution, Context
from talkspkg.stages.quotes.cues import Cue, leading_channel
from talkspkg.stages.quotes.discourse import clause_start, dateline_end
from talkspkg.stages.quotes.speaker import (
    Grammar,
    Phrase,
    classify,
    extend,
    issuer_list,
    phrase_at,
)
from talkspkg.stages.quotes.text import Token
from talkspkg.titles import title_holder

RULES = (
    "quote-then-speaker-verb",
    "quote-then-verb-speaker",
    "speaker-verb-then-quote",
    "verb-later-in-sentence",
    "according-to",
)


def word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def _skip_back(ctx: Context, tokens: tuple[Token, ...], j: int) -> int:
    """From the token before a cue to the end of its subject phrase."""
    skip = ctx.cues.skip_before_cue
    while (
        j >= 0
        and tokens[j].kind == "word"
        and (
            tokens[j].lower in skip
            or (
                tokens[j].lower in ctx.cues.weekday_openers
                and j + 1 < len(tokens)
                and tokens[j + 1].lower.endswith("day")
            )
        )
    ):
        j -= 1
    if j >= 0 and tokens[j].kind == "punct" and tokens[j].text == ",":
        for k in range(j - 1, max(j - 30, 0), -1):
            if tokens[k].kind == "quote":
                break
            if tokens[k].lower in ctx.cues.relative_pronouns and tokens[k - 1].text == ",":
                return k - 2
        if j >= 1 and ctx.grammar.core(tokens, j - 1, loose=True):  # ", Andriy Yermak, stated"
            first, _ = extend(ctx.grammar, tokens, j - 1, -1, j)
            if first > 0 and tokens[first - 1].text == ",":
                return j - 1
    return j


def _clause_ends(tokens: tuple[Token, ...], k: int) -> bool:
    return k >= len(tokens) or tokens[k].kind in ("punct", "quote")


def _verb_like(ctx: Context, tok: Token) -> bool:
    """A lower-case word that can stand in no speaker phrase: in practice the clause's verb."""
    g, c = ctx.grammar, ctx.cues
    return (
        tok.kind == "word"
        and tok.text[:1].islower()
        and not (g.det(tok) or g.prep(tok) or g.mod(tok) or g.inside(tok) or g.pronoun(tok))
        and tok.lower not in c.documents
        and tok.lower not in c.function_words
        and tok.lower not in c.heads
    )


def clause_subject(
    ctx: Context, tokens: tuple[Token, ...], end: int, before_verb: bool = False
) -> Phrase | None:
    """The first speaker phrase of the main clause before token `end`; with `before_verb`,
    only one standing before the clause's first verb-like word (a subject, not an object)."""
    g = ctx.grammar
    start = clause_start(ctx, tokens, dateline_end(tokens), end)
    for k in range(start, end):
        if before_verb and _verb_like(ctx, tokens[k]) and k > start:
            return None  # "Protesters carried a statement ...": past the verb, an object
        if tokens[k].kind != "quote" and g.core(tokens, k) and not g.pronoun(tokens[k]):
            first, last = extend(g, tokens, k, start - 1, end)
            if (
                tokens[last].kind == "poss"
                and last + 1 < end
                and tokens[last + 1].lower in ctx.cues.documents
            ):
                last += 1  # "The Kremlin's readout of the call said ..."
            found = classify(g, tokens, first, last)
            before = tokens[first - 1] if first > start else None
            if before is not None and g.prep(before) and before.lower != "by":
                # "The round in Tallinn ... said": the object of a preposition is no subject
                # ("In the statement, ..." still names the document that speaks)
                return found if found.kind == "document" else None
            return found
    return None


def speaker_of(ctx: Context, s: int, cue: Cue, lo: int = -1) -> tuple[Phrase | None, str]:
    """The speaker phrase of `cue` in sentence s, and how it was found (left, inverted,
    after, previous, subject). `lo` is a token index the phrase must stay right of."""
    g, tokens = ctx.grammar, ctx.sentences[s].tokens
    if cue.possessor is not None:  # "in Saar's words", "in his own words"
        k = cue.possessor[0]
        pronoun = ctx.cues.possessive_pronouns.get(tokens[k].lower)
        if pronoun is not None:
            return Phrase(k, k, "pronoun", None, None, pronoun), "after"
        ref = tokens[k].ref
        if ref is None or ref.entity_type not in ("person", "organization", "country"):
            return None, "none"
        return Phrase(k, k, "name", ref.entity_id), "after"
    if cue.speaker_after:
        found = phrase_at(g, tokens, cue.last + 1, len(tokens), loose=True)
        return (classify(g, tokens, *found) if found else None), "after"
    j = cue.first - 1
    participle = tokens[cue.first].lower.endswith("ing")  # "..., adding Moscow "must ..."
    if not cue.addressee and not participle and (j < 0 or tokens[j].kind in ("punct", "quote")):
        found = phrase_at(g, tokens, cue.last + 1, len(tokens), loose=True)
        # after a comma, "said S" must close the clause: "..., said Helsinki expected" is not it
        after_quote = j >= 0 and tokens[j].kind == "quote"
        ends = _clause_ends(tokens, found[1] + 1) if found else False
        if ends and not after_quote and found and found[1] + 1 < len(tokens):
            ends = tokens[found[1] + 1].kind == "punct"  # ", said Putin “wants ...”": Putin's
        if found and (after_quote or ends):
            return classify(g, tokens, *found), "inverted"
    j = _skip_back(ctx, tokens, j)
    if j - 2 > lo and tokens[j].lower in ctx.cues.relative_pronouns and tokens[j - 1].text == ",":
        j -= 2  # "..., retired Gen Keith Kellogg, who described ... as "fair""
    if j > lo and g.core(tokens, j, loose=True):
        first, last = extend(g, tokens, j, lo, cue.first)
        outer = _complement_of(ctx, tokens, first, lo)
        if outer is not None:  # "a source close to Putin said": the source, not Putin
            return Phrase(outer, last, "unnamed", None, _head_in(g, tokens, outer, first)), "left"
        phrase = classify(g, tokens, issuer_list(g, tokens, first, lo), last)
        outer = _place_in_complement(ctx, tokens, first, lo, phrase)
        if outer is not None:  # "the UN monitoring mission in Ukraine said": not Ukraine
            return Phrase(outer, last, "unnamed", None, _head_in(g, tokens, outer, first)), "left"
        return _named_before_appositive(ctx, tokens, phrase, lo) or phrase, "left"
    if lo >= 0:
        return None, "none"
    word = tokens[cue.first].lower
    joined = j >= 0 and (tokens[j].kind != "word" or tokens[j].lower in ("and", "but"))
    if word.endswith("ing") or joined:
        earlier = [c for c in ctx.cues_of(s) if c.last < cue.first]
        if earlier:
            phrase, _ = speaker_of(ctx, s, earlier[-1])
            if phrase is not None:
                return phrase, "previous"
    return clause_subject(ctx, tokens, cue.first), "subject"


def _complement_of(ctx: Context, tokens: tuple[Token, ...], first: int, lo: int) -> int | None:
    """Is the phrase starting at token `first` the complement of a link (`complement_links`:
    "a source close to Putin", "people familiar with the Kremlin's thinking")? Then the speaker
    is the unnamed phrase before the link, not the entity after it: the index where that
    phrase starts."""
    g = ctx.grammar
    for link in ctx.cues.complement_links:
        left = first - len(link)
        if left - 1 <= lo or tuple(t.lower for t in tokens[left:first]) != link:
            continue
        k = left
        while k - 1 > lo and tokens[k - 1].kind in ("word", "mention", "poss"):
            if tokens[k - 1].lower in ctx.cues.function_words and not g.det(tokens[k - 1]):
                break
            k -= 1
        return k if k < left else None
    return None


def _head_in(g: Grammar, tokens: tuple[Token, ...], lo: int, hi: int) -> str | None:
    """The last speaker noun of tokens[lo:hi] ("a source close to ..." -> "source"); None for
    a phrase with none ("the UN monitoring mission in ..."), which names someone unknown."""
    heads = [h for k in range(lo, hi) if (h := g.head(tokens, k))]
    return heads[-1] if heads else None


def _place_in_complement(
    ctx: Context, tokens: tuple[Token, ...], first: int, lo: int, phrase: Phrase
) -> int | None:
    """A country or place after a preposition that follows a lower-case word no speaker
    phrase holds ("the UN human rights monitoring mission in Ukraine said"): a place speaks for
    its government only as a subject, never as a complement (`seat_nouns` excepted: "the
    authorities in Kyiv"). The index where the unnamed phrase starts, else None."""
    g, c = ctx.grammar, ctx.cues
    if phrase.kind != "name" or phrase.entity_id is None:
        return None
    known = ctx.entities.get(phrase.entity_id)
    if known is None or known.entity_type not in ("country", "location"):
        return None
    prep, left = first - 1, first - 2
    if left <= lo or not g.prep(tokens[prep]) or tokens[prep].lower == "by":
        return None
    word = tokens[left]
    if word.kind != "word" or not word.text.islower() or g.nounish(word):
        return None
    if word.lower in c.function_words or word.lower in c.seat_nouns or g.det(word):
        return None
    k = left
    while k - 1 > lo and tokens[k - 1].kind in ("word", "mention", "poss"):
        if tokens[k - 1].lower in c.function_words and not g.det(tokens[k - 1]):
            break
        k -= 1
    return k


def _named_before_appositive(
    ctx: Context, tokens: tuple[Token, ...], phrase: Phrase, lo: int
) -> Phrase | None:
    """ "Yuri Ushakov, a Kremlin aide, said", "Mikko Laine, Finland's envoy, said": the phrase
    before the cue is an appositive set off by commas; the name before it is the speaker."""
    g = ctx.grammar
    if phrase.entity_id is not None or phrase.kind not in ("unnamed", "description", "anaphor"):
        return None
    comma = phrase.first - 1
    if comma - 1 <= lo or tokens[comma].text != "," or tokens[phrase.last + 1].text != ",":
        return None
    k = comma - 1
    if not g.speaker_ref(tokens[k]) or g.possessive(tokens, k):
        return None
    first, last = extend(g, tokens, k, lo, comma)
    named = classify(g, tokens, first, last)
    return named if named.kind in ("name", "title") and named.entity_id else None


def resolve(ctx: Context, s: int, phrase: Phrase, cue: Cue | None, rule: str) -> Attribution:
    tokens = ctx.sentences[s].tokens
    a, b = tokens[phrase.first].start, tokens[phrase.last].end
    entity, kind = ctx.canonical(phrase.entity_id), phrase.kind
    channel = cue.channel if cue and cue.channel else None
    weight = 1.0
    if phrase.head == "voice" and entity is None and phrase.country:
        entity = ctx.country_entity(phrase.country)  # "an Indian government spokesman"
        kind = "role" if entity else kind
    elif kind == "anaphor":
        entity = ctx.previous_voice()
        if entity is None:  # a spokesperson a cue without quotation introduced: less sure
            entity = _voice_in_passage(ctx, s, a)
            weight = ctx.cues.discourse_weight["fallback"] if entity else weight
    elif kind == "description" and _former(tokens, phrase):
        kind = "anaphor"  # "the former minister": not whoever holds the office now (profile.py)
    elif kind == "description":
        entity, weight = discourse.description(ctx, s, a, phrase.country, phrase.head)
        kind = "anaphor"
    elif kind == "unnamed" and (office := _office_of(ctx, tokens, phrase)) is not None:
        entity, kind = office, "role"  # "Zelensky's office" -> Office of the President of ...
    elif kind == "unnamed" and _the_institution(ctx, tokens, phrase):
        entity = discourse.institution(ctx, s, a, phrase.head or "")  # "the ministry said"
        kind = "anaphor"
    elif kind == "unnamed" and _possessed_office(ctx, tokens, phrase):
        ref = tokens[phrase.first].ref  # "Russia's foreign minister"
        country = ctx.entities[ref.entity_id].country if ref else None
        entity, weight = discourse.description(ctx, s, a, country, phrase.head, both=True)
        kind = "anaphor"
    elif kind == "document" and entity is not None:  # "a statement from the Kremlin"
        channel = channel or ctx.cues.documents[phrase.word or ""]
    elif kind == "document":
        doc_channel = ctx.cues.documents[phrase.word or ""]
        definite = tokens[phrase.first].lower == "the"
        entity = _issued_by(ctx, tokens, phrase)  # "The statement, issued by Kyiv, said"
        if entity is None and definite:
            entity = discourse.announced_issuer(ctx, s, a, doc_channel)
        # with no cue, "A joint statement reading “...” was signed by ..." is a new document
        # whose issuer only its own sentence can give
        new_doc = rule == "sentence-subject" and tokens[phrase.first].lower in ("a", "an")
        if entity is None and not new_doc:  # an issuer found further away: less sure
            entity = (
                ctx.issuer(doc_channel)
                or _issuer_in_prose(ctx, s, doc_channel)
                or (discourse.document_issuer(ctx, s, a) if definite else None)
                or discourse.issuer(ctx, s, a)
            )
            weight = ctx.cues.discourse_weight["fallback"]
        channel = channel or doc_channel
    elif (kind == "pronoun" and phrase.word in ("they", "both")) or (
        kind == "unnamed" and (count := _group(ctx, tokens, phrase)) != 0
    ):
        entity, weight = discourse.group(ctx, s, a, None if kind == "pronoun" else count)
        own = weight == ctx.cues.discourse_weight["own"]  # "A and B ..., the countries said"
        kind = ("name" if own else "anaphor") if entity else kind
    elif kind == "pronoun":
        if phrase.word in ctx.cues.person_pronouns:
            going_on = cue is not None and tokens[cue.first].lower in ctx.cues.going_on_verbs
            entity, weight = discourse.pronoun(ctx, s, a, going_on)
        elif phrase.word in ctx.cues.thing_pronouns:
            entity, channel = _document_it(ctx, s, a, channel)
            kind = "document" if entity else kind
            entity = entity or ctx.thing_before(a, ctx.sentences[s].paragraph)
    if entity is None and kind in ("anaphor", "unnamed") and phrase.kind != "document":
        holder = _title_holder(ctx, tokens, phrase, cue)  # "the Kremlin spokesman said"
        if holder is not None:
            (entity, b), kind = holder, "title"
            weight = ctx.cues.discourse_weight["kb_title"]
    if entity is None and (
        kind in ("anaphor", "document") or (kind == "pronoun" and phrase.word != "i")
    ):
        weight = ctx.cues.discourse_weight["unresolved"]  # the article names someone: who?
    elif kind == "unnamed" and phrase.head is None:  # a name that is no entity
        weight = ctx.cues.discourse_weight["unresolved"]
    resolution = (
        "unnamed" if entity is None and kind in ("anaphor", "document", "pronoun") else kind
    )
    if channel is None and cue is not None:  # "Writing on X, Trump said ...", "In a post on X,"
        channel = leading_channel(ctx.cues, tokens)
    cue_span = (tokens[cue.first].start, tokens[cue.last].end) if cue else None
    return Attribution(
        rule,
        resolution,
        entity,
        (a, b),
        cue_span,
        channel or "unknown",
        phrase.head,
        cue is not None,
        weight,
    )


def _former(tokens: tuple[Token, ...], phrase: Phrase) -> bool:
    """Does a description speak of an office left ("the former minister", "the ex-president")?"""
    span = tokens[phrase.first : phrase.last + 1]
    return any(t.lower == "former" or t.lower.startswith("ex-") for t in span)


def _voice_in_passage(ctx: Context, s: int, pos: int) -> str | None:
    """ "the spokesperson said" when no quotation has had a spokesperson yet: the principal of
    the nearest spokesperson a speech cue of the passage (this paragraph and the one before)
    introduced ("A spokesperson for Starmer said the prime minister had ... “...,” the
    spokesperson said"); None when that spokesperson speaks for nobody named."""
    floor = ctx.sentences[s].paragraph - 1
    for t in range(s, -1, -1):
        if ctx.sentences[t].paragraph < floor:
            return None
        for cue in reversed(ctx.cues_of(t)):
            if ctx.sentences[t].tokens[cue.first].start >= pos:
                continue
            phrase, _ = speaker_of(ctx, t, cue)
            if phrase is not None and phrase.head == "voice" and phrase.kind == "role":
                return ctx.canonical(phrase.entity_id) if phrase.entity_id else None
            if phrase is not None and phrase.head == "voice":
                return None
    return None


def _document_it(
    ctx: Context, s: int, a: int, channel: str | None
) -> tuple[str | None, str | None]:
    """ "it said" right after a document was issued ("Paris and Berlin issued a joint
    statement. “...,” it said."): the document speaks for its issuer; (issuer, channel)."""
    for doc_channel in dict.fromkeys(ctx.cues.documents.values()):
        found = discourse.announced_issuer(ctx, s, a, doc_channel)
        if found is not None:
            return found, channel or doc_channel
    return None, channel


def _group(ctx: Context, tokens: tuple[Token, ...], phrase: Phrase) -> int | None:
    """0 unless the phrase is a group ("the two leaders", "both sides", "the leaders"); else
    the number it states (None: any)."""
    words = [t.lower for t in tokens[phrase.first : phrase.last + 1]]
    before = tokens[phrase.first - 1].lower if phrase.first > 0 else ""
    if before in ctx.cues.group_numbers and before == "both":
        words.insert(0, before)  # "both sides said": "both" was read as an adverb
    if not words or words[-1] not in ctx.cues.group_heads or len(words) > 3:
        return 0
    if words[0] not in ("the", "both") and words[0] not in ctx.cues.group_numbers:
        return 0
    numbers = [ctx.cues.group_numbers[w] for w in words if w in ctx.cues.group_numbers]
    return numbers[0] if numbers else None


def _issued_by(ctx: Context, tokens: tuple[Token, ...], phrase: Phrase) -> str | None:
    """ "The joint statement, issued by Washington and Kyiv, said": the first entity named
    after a participle of issuing (`issuing_words` of quote_cues.yaml) and "by" set off by a
    comma right after the document."""
    k = phrase.last + 1
    if k + 3 >= len(tokens) or tokens[k].text != ",":
        return None
    if tokens[k + 1].lower not in ctx.cues.issuing_words or tokens[k + 2].lower != "by":
        return None
    k += 3
    k += k < len(tokens) and tokens[k].lower == "the"
    ref = tokens[k].ref if k < len(tokens) and tokens[k].kind == "mention" else None
    if ref is None or ref.entity_type not in ("person", "organization", "country"):
        return None
    return ctx.canonical(ref.entity_id) or ref.entity_id


def _office_of(ctx: Context, tokens: tuple[Token, ...], phrase: Phrase) -> str | None:
    """ "Zelensky's office": the organisation named "Office of the <the person's role>" in the
    knowledge base ("Office of the President of Ukraine"), if there is exactly one; not "an
    official in Zelensky's office", an unnamed person of it."""
    k = phrase.last - 2
    if phrase.head != "office" or k < phrase.first or tokens[phrase.last].lower != "office":
        return None
    persons = ctx.cues.unnamed_heads - ctx.cues.institution_heads
    if any(tokens[i].lower in persons for i in range(phrase.first, k)):
        return None  # a person of the office, not the office ("a statement from X's office" is)
    first = tokens[k]
    if first.ref is None or first.ref.entity_type != "person" or tokens[k + 1].kind != "poss":
        return None
    person = ctx.entities.get(ctx.canonical(first.ref.entity_id) or "")
    if person is None or not person.role:
        return None
    wanted = f"office of the {person.role.lower()}"
    found = [
        e.entity_id
        for e in ctx.entities.values()
        if e.entity_type == "organization" and e.name.lower() == wanted
    ]
    return found[0] if len(found) == 1 else None


_WORD_AFTER = re.compile(r"[ ]+[A-Za-z][\w’'-]*")


def _title_holder(
    ctx: Context, tokens: tuple[Token, ...], phrase: Phrase, cue: Cue | None
) -> tuple[str, int] | None:
    """(holder, end of the title) of a definite role phrase with nobody named ("the Kremlin
    spokesman", "Russia's foreign minister", "The US secretary of state" up to its cue): the one
    person the knowledge base's dated titles give for the article's date (talkspkg/titles.py),
    never for an indefinite, plural or anonymous phrase ("a Kremlin official", "Russian
    officials")."""
    if ctx.kb is None or (phrase.head is not None and phrase.head in ctx.cues.unnamed_heads):
        return None
    first = tokens[phrase.first]
    definite = first.lower == "the" or (
        first.kind == "mention" and ctx.grammar.possessive(tokens, phrase.first)
    )
    if not definite:
        return None
    text = ctx.article.text
    a = first.start
    spans = [tokens[phrase.last].end]
    if cue is not None and cue.first > phrase.last:  # "The US secretary of state said"
        spans.append(tokens[cue.first - 1].end)
    end = spans[0]
    for _ in range(4):  # "said the US secretary of state": words the phrase stopped at
        m = _WORD_AFTER.match(text, end)
        if m is None:
            break
        end = m.end()
        spans.append(end)
    on = ctx.article.meta.published_date
    named = {r.entity_id for r in ctx.prose_refs if r.source == "mention"}
    for b in spans:
        found = title_holder(ctx.kb, text[a:b], on, named)
        if found is not None:
            return found, b
    return None


def _the_institution(ctx: Context, tokens: tuple[Token, ...], phrase: Phrase) -> bool:
    """ "the ministry", "the embassy": an institution named before, not an unnamed speaker."""
    return (
        phrase.last == phrase.first + 1
        and tokens[phrase.first].lower == "the"
        and phrase.head in ctx.cues.institution_nouns
    )


def _possessed_office(ctx: Context, tokens: tuple[Token, ...], phrase: Phrase) -> bool:
    """A country's office holder ("Russia's foreign minister"): a description, not an unnamed
    speaker, when the head is an office and no anonymity noun ("Russia's officials")."""
    first = tokens[phrase.first]
    return (
        phrase.head is not None
        and phrase.head not in ctx.cues.unnamed_heads
        and first.kind == "mention"
        and first.ref is not None
        and first.ref.entity_type == "country"
        and first.ref.entity_id in ctx.entities
        and ctx.grammar.possessive(tokens, phrase.first)
    )


def _issuer_in_prose(ctx: Context, s: int, channel: str) -> str | None:
    for t in range(s, -1, -1):
        for cue in reversed(ctx.cues_of(t)):
            if cue.channel == channel:
                phrase, _ = speaker_of(ctx, t, cue)
                if phrase is not None and phrase.entity_id:
                    return phrase.entity_id
    return None


def _closing(ctx: Context, tokens: tuple[Token, ...], phrase: Phrase, cue: Cue) -> bool:
    """Is "<speaker> <cue>" the sentence's closing attribution: set off by a comma or a
    quotation, with nothing after it but a time ("..., he added.", "..., the countries
    announced on Sunday.")?"""
    if phrase.last >= cue.first or phrase.first == 0:
        return False
    if tokens[phrase.first - 1].kind not in ("punct", "quote"):
        return False
    tail = ctx.cues.skip_before_cue | ctx.cues.weekday_openers
    return all(
        t.kind == "punct" or (t.kind == "word" and t.lower in tail) for t in tokens[cue.last + 1 :]
    )


def _appositive_speaker(
    ctx: Context, tokens: tuple[Token, ...], between: list[int], cue: Cue
) -> Phrase | None:
    """ "Q," NAME, <appositive>, cue: the name before the appositive ("..., Ana Ruiz, a
    historian at a Madrid university, told the magazine"; "..., Ana Ruiz, the minister's
    adviser, also said")."""
    g = ctx.grammar
    close = cue.first - 1  # the comma closing the appositive, before "also", "later", ...
    while (
        close > 0
        and tokens[close].kind == "word"
        and tokens[close].lower in ctx.cues.skip_before_cue
    ):
        close -= 1
    if not between or len(between) > 24 or tokens[close].text != ",":
        return None
    if any(tokens[k].kind == "quote" for k in between):
        return None
    found = phrase_at(g, tokens, between[0], cue.first, loose=True)
    if found is None or found[0] != between[0] or tokens[found[1] + 1].text != ",":
        return None
    if found[1] + 1 >= close:
        return None  # no appositive: the ordinary pattern
    phrase = classify(g, tokens, *found)
    return phrase if phrase.kind in ("name", "title", "unnamed") and phrase.head is None else None


def _reported(
    ctx: Context, s: int, earlier: list[Cue], inner: Phrase, done: Attribution
) -> Attribution:
    """ "Kallas said Lavrov had told her that Moscow was “not in a hurry”": words reported
    through the cue of another speaker whose reported clause opens with the inner speaker are
    the inner speaker's, less surely."""
    tokens = ctx.sentences[s].tokens
    for c in earlier:
        between = tokens[c.last + 1 : inner.first]
        if len(between) > 1 or any(t.lower != "that" for t in between):
            continue
        phrase, _ = speaker_of(ctx, s, c)
        other = ctx.canonical(phrase.entity_id) if phrase is not None else None
        if other is not None and other != done.speaker_id:
            weight = min(done.weight, ctx.cues.discourse_weight["conflict"])
            return replace(done, weight=weight)
    return done


def _past_source(
    ctx: Context, tokens: tuple[Token, ...], earlier: list[Cue], phrase: Phrase
) -> Phrase | None:
    """ "Lavrov, according to the Russian foreign ministry, told Rubio that ...": the phrase
    before the cue is the complement of an "according to" set off by commas; the speaker is
    the name before that clause, not the report's source."""
    source = next((c for c in earlier if c.speaker_after and c.last + 1 == phrase.first), None)
    if source is None or source.first < 2 or phrase.last + 1 >= len(tokens):
        return None
    if tokens[source.first - 1].text != "," or tokens[phrase.last + 1].text != ",":
        return None
    k, g = source.first - 2, ctx.grammar
    if not g.speaker_ref(tokens[k]) or g.possessive(tokens, k):
        return None
    first, last = extend(g, tokens, k, -1, source.first - 1)
    named = classify(g, tokens, first, last)
    return named if named.kind in ("name", "title") and named.entity_id else None


def _governing_before(ctx: Context, s: int, cues: list[Cue], t: int) -> Attribution | None:
    """ "Rubio told Lavrov that the US wanted “an end to the killing”, according to a State
    Department readout": a speech cue before the quotation whose speaker is named governs it;
    the "according to" after it gives the report's source, not the speaker."""
    before = [c for c in cues if c.last < t and not c.speaker_after]
    if not before:
        return None
    c = before[-1]
    phrase, how = speaker_of(ctx, s, c)
    if phrase is None or how != "left" or phrase.kind not in ("name", "title"):
        return None
    return resolve(ctx, s, phrase, c, "speaker-verb-then-quote")


def _claim_before(ctx: Context, s: int, cues: list[Cue], t: int) -> Attribution | None:
    """A noun-of-speech cue opening with its possessor ("X's claim that", possessor_cues) that
    the quotation closes, at most six words after it with no punctuation between: the words
    are the possessor's, whatever cue follows the quotation (that one governs the sentence's
    main clause)."""
    before = [c for c in cues if c.last < t]
    if not before:
        return None
    c, tokens = before[-1], ctx.sentences[s].tokens
    if c.possessor is None or c.possessor[0] != c.first or t - c.last > 7:
        return None
    if any(tok.kind not in ("word", "mention") for tok in tokens[c.last + 1 : t]):
        return None
    phrase, _ = speaker_of(ctx, s, c)
    return resolve(ctx, s, phrase, c, "speaker-verb-then-quote") if phrase is not None else None


def _leading_cue(ctx: Context, s: int, cues: list[Cue], t: int) -> Attribution | None:
    """A quotation inside a leading clause ("When told that X had called him “a clown”, Y
    said ...") takes that clause's own cue and its speaker named right before it, not the cue
    of the main clause after it."""
    tokens = ctx.sentences[s].tokens
    main = clause_start(ctx, tokens, dateline_end(tokens), len(tokens))
    if t >= main or not (0 < main <= len(tokens)):
        return None
    lead = [c for c in cues if c.last < t]
    if not lead or lead[-1].possessor is not None:
        return None
    c = lead[-1]
    phrase, how = speaker_of(ctx, s, c, lo=0)
    if phrase is None or how != "left" or phrase.kind not in ("name", "title"):
        return None
    return resolve(ctx, s, phrase, c, "speaker-verb-then-quote")


def by_cues(ctx: Context, n: int) -> Attribution | None:
    s, t = ctx.where[n]
    tokens = ctx.sentences[s].tokens
    cues = ctx.cues_of(s)
    g = ctx.grammar
    claim = _claim_before(ctx, s, cues, t) or _leading_cue(ctx, s, cues, t)
    if claim is not None:  # "Asked about X's claim that Kyiv “...”, Y said: ..."
        return claim
    after = [c for c in cues if c.first > t]
    if after:
        c = after[0]
        between = [k for k in range(t + 1, c.first) if not (k == t + 1 and tokens[k].text == ",")]
        if len(between) <= 14 and all(
            g.inside(tokens[k])
            or g.det(tokens[k])
            or g.prep(tokens[k])
            or g.pronoun(tokens[k])
            or tokens[k].lower in ctx.cues.skip_before_cue
            or tokens[k].lower in ctx.cues.documents  # "Q," the statement said
            for k in between
        ):
            phrase, how = speaker_of(ctx, s, c, lo=t)
            source = _governing_before(ctx, s, cues, t) if how == "after" else None
            if source is not None:  # "X told Y that “...”, according to a readout": X's
                return source
            if phrase is not None and how in ("left", "inverted", "after"):
                rule = {
                    "left": "quote-then-speaker-verb",
                    "inverted": "quote-then-verb-speaker",
                    "after": "according-to",
                }[how]
                return resolve(ctx, s, phrase, c, rule)
        named = _appositive_speaker(ctx, tokens, between, c)
        if named is not None:
            return resolve(ctx, s, named, c, "quote-then-speaker-verb")
    before = [c for c in cues if c.last < t]
    for i in range(len(before) - 1, -1, -1):
        c = before[i]
        phrase, _ = speaker_of(ctx, s, c)
        if phrase is not None and not c.speaker_after:
            phrase = _past_source(ctx, tokens, before[:i], phrase) or phrase
        if phrase is not None:
            rule = "according-to" if c.speaker_after else "speaker-verb-then-quote"
            done = resolve(ctx, s, phrase, c, rule)
            return _reported(ctx, s, before[:i], phrase, done)
    short = (
        word_count(ctx.article.text[ctx.spans[n].start : ctx.spans[n].end])
        <= ctx.cues.scare_max_words
    )
    for c in after:
        phrase, how = speaker_of(ctx, s, c)
        # a later cue attributes a short quotation only as the sentence's closing attribution
        if phrase is not None and (
            not short or how in ("inverted", "after") or _closing(ctx, tokens, phrase, c)
        ):
            rule = "according-to" if c.speaker_after else "verb-later-in-sentence"
            return resolve(ctx, s, phrase, c, rule)
    return None
