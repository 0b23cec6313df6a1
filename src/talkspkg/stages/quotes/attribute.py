"""Quotations without a cue of their own, and the scare-quote policy; the stage's `attribute`.

Without a cue in its sentence (cues_attr.py), a sentence of quotation alone takes the entity a
back cue opening the next sentence of its paragraph, or the next paragraph, names ("That was how
Vera Holm put it.", "So said Holm", "Holm said this after the vote", "Holm's remarks came ...";
`next-paragraph`, resolution `name`; the cues are `back_cues` in quote_cues.yaml); else, in
order, a quotation takes: the speaker of the
paragraph-spanning quotation it continues (`continuation`); of the previous quotation in its
paragraph (`same-paragraph`), or, for a sentence of quotation alone, the named person subject
of the sentence before it in its paragraph (`same-paragraph`, resolution `anaphor`; "Laine was
blunt. “...”"); of the last quotation of the previous paragraph when its own
paragraph is only quotation (`next-paragraph`) -- but when that quotation sits in a leading
clause of the paragraph's last sentence and its main subject is another person ("When told that
X had called him “a clown”, the minister smiled."), the reply is that subject's (`next-
paragraph`, resolution `anaphor`) -- or else, for such a paragraph, the person the
passage is about (`next-paragraph`, resolution `anaphor`: the nearest earlier person subject of
the passage, agreeing with its current speaker; see discourse.passage_speaker); the subject
of its sentence when it is longer than a scare quote (`sentence-subject`); the speaker of an
attributed quotation that contains its words (`echo`, the nearest such quotation: officials
held “substantive” meetings ... a spokesperson said the talks involved “substantive technical
meetings ...”). Otherwise it is unattributed (`unattributed`).

Names policy: a quotation in title case ("Board of Peace"; not one introduced by a colon or a
comma, or opening a paragraph: said: “Glory to Ukraine”), one after "what X calls a", and one
that is the object of a determiner with no cue of its own ("hosting the “coalition of the
willing”") name things; they are not words anyone is said to utter.

Scare-quote policy: a quotation of at most `scare.max_words` words (quote_cues.yaml) is a row only
when a cue of its own sentence attributes it, or it continues or echoes an attributed quotation,
or it is a sentence of its own that goes on the paragraph's attributed quotation (“...,” he
said. “And our army.”),
and never when it stands as a modifier between a determiner and its noun (the “final” offer) --
but it heads its noun phrase when a modal or auxiliary follows it (warned that the “path to
peace” could not ...: `scare.head_followers`), and it is the speaker's characterisation when a
verb of `scare.as_verbs` puts it "as" something in its clause (portraying it as a “humanitarian”
gesture) -- such a row, read from its phrase's structure, has its confidence scaled by
`scare.short_weight`; quotations right after "so-called" and the like never are, nor, whatever their
length, titles, code names, slogans, words on banners and words mentioned rather than used
("titled", "code-named", "chanting", "banners reading", "the word", "the term":
`scare.markers`), nor a quotation joined to such a marked one by "and", "or" or a comma.
Quoted words nobody is said to utter (a “final” proposal) cannot say who said what, which is
what the table records. A longer quotation nobody is said to utter is kept, unattributed, only
when it reads as speech (`speech_min_words` words or a sentence end); otherwise it is a name in
quotation marks (the "coalition of the willing").
"""

from __future__ import annotations

import re
from dataclasses import replace

from talkspkg.stages.quotes import discourse, fallback
from talkspkg.stages.quotes.context import Attribution, Context
from talkspkg.stages.quotes.cues_attr import RULES as CUE_RULES
from talkspkg.stages.quotes.cues_attr import by_cues, clause_subject, resolve, word_count
from talkspkg.stages.quotes.detect import body_paragraphs
from talkspkg.stages.quotes.text import Token

_WORD = re.compile(r"[\w’'-]+")

RULES = (
    *CUE_RULES,
    "continuation",
    "same-paragraph",
    "next-paragraph",
    "sentence-subject",
    "echo",
    "unattributed",
)


def _quote_only(ctx: Context, paragraph: int) -> bool:
    return all(
        tok.kind in ("quote", "punct")
        for sent in ctx.paragraph_sentences.get(paragraph, ())
        for tok in sent.tokens
    )


def _possessed_speech(ctx: Context, n: int) -> Attribution | None:
    """A quotation after a colon whose sentence opens (after any leading clause) with a
    person's noun of speech ("Zelensky's answer was short: “...”", "His verdict: “...”";
    `possessed_speech`): that person, a named one or the one "his"/"her" designates."""
    q, (s, t) = ctx.spans[n], ctx.where[n]
    if s < 0 or not ctx.article.text[: q.mark_start].rstrip().endswith(":"):
        return None
    tokens = ctx.sentences[s].tokens
    k = discourse.clause_start(ctx, tokens, discourse.dateline_end(tokens), t)
    if k + 1 >= t:
        return None
    tok = tokens[k]
    if tok.kind == "mention" and tok.ref is not None and tokens[k + 1].kind == "poss":
        noun = k + 2
        known = ctx.entities.get(ctx.canonical(tok.ref.entity_id) or "")
        entity = known.entity_id if known and known.entity_type == "person" else None
        resolution, weight = "name", 1.0
    elif tok.kind == "word" and tok.lower in ctx.cues.possessive_pronouns:
        noun = k + 1
        entity, weight = discourse.pronoun(ctx, s, tok.start)
        resolution = "pronoun"
    else:
        return None
    if entity is None or noun >= t or tokens[noun].lower not in ctx.cues.possessed_speech:
        return None
    if any(x.kind == "quote" for x in tokens[k:t]):
        return None
    return Attribution(
        "sentence-subject",
        resolution,
        entity,
        (tok.start, tok.end),
        None,
        "unknown",
        None,
        False,
        weight,
    )


def _reacting(ctx: Context, m: int) -> Attribution | None:
    """The previous paragraph ends with a sentence whose quotation sits in a leading clause and
    belongs to someone else ("When told that X had called him “a clown”, the minister
    smiled."): a paragraph of quotation alone after it is the reply of that sentence's main
    subject, a person, not more of the words quoted to them."""
    s, done = ctx.where[m][0], ctx.results[m]
    if (
        s < 0
        or done is None
        or (
            s + 1 < len(ctx.sentences)
            and (ctx.sentences[s + 1].paragraph == ctx.sentences[s].paragraph)
        )
    ):
        return None
    found = discourse.subject(ctx, s)
    if (
        found is None
        or found.sort != discourse.PERSON
        or found.entity_id is None
        or found.persons
        or found.start < ctx.spans[m].mark_end
        or found.entity_id == done.speaker_id
    ):
        return None
    tokens = ctx.sentences[s].tokens
    if any(t.kind == "quote" and t.start > found.start for t in tokens):
        return None  # the subject's sentence goes on quoting
    at = next((t for t in tokens if t.start == found.start), None)
    span = (at.start, at.end) if at is not None else None
    phrase = discourse.subject_phrase(ctx, s)
    if phrase is not None and tokens[phrase.first].start == found.start:
        span = (tokens[phrase.first].start, tokens[phrase.last].end)
    weight = ctx.cues.discourse_weight["subject"]
    return Attribution(
        "next-paragraph", "anaphor", found.entity_id, span, None, "unknown", None, False, weight
    )


def _inherit(ctx: Context, n: int) -> Attribution | None:
    spans, results = ctx.spans, ctx.results
    q = spans[n]
    prev = [m for m in range(n) if spans[m].segment == q.segment and results[m] is not None]
    if prev:
        return results[prev[-1]].inherited("same-paragraph")  # type: ignore[union-attr]
    earlier = [m for m in range(n) if spans[m].segment == q.segment - 1]
    if earlier and results[earlier[-1]] is not None and _quote_only(ctx, q.segment):
        reacting = _reacting(ctx, earlier[-1])
        if reacting is not None:
            return reacting
        return results[earlier[-1]].inherited("next-paragraph")  # type: ignore[union-attr]
    if _quote_only(ctx, q.segment) and q.continues is None:
        s = ctx.where[n][0]
        found = discourse.passage_speaker(ctx, s, q.mark_start)
        if found is not None:  # the passage's person goes on speaking
            entity, weight, a, b = found
            return Attribution(
                "next-paragraph", "anaphor", entity, (a, b), None, "unknown", None, False, weight
            )
    s = ctx.where[n][0]
    if s >= 0 and all(t.kind in ("quote", "punct") for t in ctx.sentences[s].tokens):
        found = discourse.previous_subject(ctx, s, q.mark_start)
        if found is not None:  # "Laine was blunt. “We are not there yet.”"
            entity, weight, a, b = found
            return Attribution(
                "same-paragraph", "anaphor", entity, (a, b), None, "unknown", None, False, weight
            )
    text = ctx.article.text[q.start : q.end]
    det = _WORD.findall(ctx.article.text[max(0, q.mark_start - 12) : q.mark_start])[-1:]
    if det and det[0].lower() in ("the", "a", "an"):  # hosting the "coalition of the willing"
        return None
    owned = _possessed_speech(ctx, n)
    if owned is not None:
        return owned
    if word_count(text) > ctx.cues.scare_max_words:
        s = ctx.where[n][0]
        tokens = ctx.sentences[s].tokens
        phrase = clause_subject(ctx, tokens, len(tokens), before_verb=True)
        if phrase is not None and phrase.kind != "unnamed":
            return resolve(ctx, s, phrase, None, "sentence-subject")
    return None


def _norm(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.casefold()).split())


ECHO_WINDOW = 50  # quotations on either side searched for the words a short quote repeats


def _echo(ctx: Context, n: int) -> Attribution | None:
    """A short quotation repeating words of an attributed one nearby inherits its speaker
    (bounded to the ECHO_WINDOW nearest quotations, so long articles stay linear)."""
    mine = _norm(ctx.article.text[ctx.spans[n].start : ctx.spans[n].end])
    if not mine or max(len(w) for w in mine.split()) < 4:
        return None
    nearest = sorted(
        range(max(0, n - ECHO_WINDOW), min(len(ctx.results), n + ECHO_WINDOW + 1)),
        key=lambda m: (abs(m - n), m),
    )
    for m in nearest:  # the nearest quotation that contains the words
        done = ctx.results[m]
        if m != n and done is not None and done.rule != "echo":
            other = _norm(ctx.article.text[ctx.spans[m].start : ctx.spans[m].end])
            if f" {mine} " in f" {other} ":
                return done.inherited("echo")
    return None


def _scare_marked(ctx: Context, n: int) -> bool:
    start = ctx.spans[n].mark_start
    before = ctx.article.text[max(0, start - 80) : start].rstrip().lower()
    if any(
        before.endswith(marker) and not before[: -len(marker)][-1:].isalnum()
        for marker in ctx.cues.scare_markers
    ):
        return True
    prev = ctx.spans[n - 1] if n > 0 else None
    if prev is not None and prev.segment == ctx.spans[n].segment:
        between = ctx.article.text[prev.mark_end : start].strip().lower()
        if between in ("and", "or", ",", ", and", ", or"):
            return _scare_marked(ctx, n - 1)  # banners reading “A” and “B”
    # "what he calls a “special military operation”": a name for a thing, not words said
    words = _WORD.findall(before)[-6:]
    if len(words) >= 3 and words[-1] in ctx.cues.determiners and words[-2] in ctx.cues.name_verbs:
        return "what" in words[:-2]
    return False


def _quoted_name(ctx: Context, n: int) -> bool:
    """A quotation in title case ("Board of Peace", "Operation Spiderweb") is the name of a
    body, programme, book or operation, not words someone said."""
    q, text = ctx.spans[n], ctx.article.text
    opening = body_paragraphs(ctx.article)[q.segment].start
    before = text[max(opening, q.mark_start - 3) : q.mark_start].strip()
    if not before or before[-1] in ":,":  # said: “Glory to Ukraine”; paragraph start
        return False
    words = _WORD.findall(text[q.start : q.end])
    closed = ctx.cues.function_words | ctx.cues.determiners | ctx.cues.prepositions
    content = [w for w in words if w.lower() not in closed]
    return (
        2 <= len(content) <= 6
        and len(words) <= 8
        and all(w[:1].isupper() and not w.isupper() for w in content)
        and content[0].lower() not in ctx.cues.person_pronouns | ctx.cues.group_pronouns
    )


def _back_cue(ctx: Context, n: int) -> Attribution | None:
    """A sentence of quotation alone, and the next sentence of its paragraph (or, for a
    paragraph of quotation alone, the next paragraph) opens with a back cue naming the speaker
    ("That was how Vera Holm put it.", "So said Holm, who ..."): that named entity, the first
    within six tokens of the cue and before any punctuation."""
    q, s = ctx.spans[n], ctx.where[n][0]
    if _quote_only(ctx, q.segment):
        sent = next((x for x in ctx.sentences if x.paragraph == q.segment + 1), None)
    elif (
        0 <= s < len(ctx.sentences) - 1
        and ctx.sentences[s + 1].paragraph == q.segment
        and all(t.kind in ("quote", "punct") for t in ctx.sentences[s].tokens)
    ):
        sent = ctx.sentences[s + 1]
    else:
        return None
    if sent is None:
        return None
    tokens = sent.tokens
    words = tuple(t.lower for t in tokens[:6])
    cue = next((c for c in ctx.cues.back_cues if words[: len(c)] == c), None)
    if cue is None:
        return _name_then_back(ctx, tokens)
    where = (tokens[0].start, tokens[len(cue) - 1].end)
    for k in range(len(cue), min(len(tokens), len(cue) + 6)):
        tok = tokens[k]
        if tok.kind in ("punct", "quote"):
            break
        if tok.kind == "mention" and tok.ref is not None:
            if tok.ref.entity_type not in ("person", "organization", "country"):
                break
            span = (tok.start, tok.end)
            return Attribution(
                "next-paragraph", "name", tok.ref.entity_id, span, where, "unknown", None, False
            )
    # the cue gives the words to someone the article does not identify: not the passage's person
    weight = ctx.cues.discourse_weight["unresolved"]
    return Attribution("next-paragraph", "none", None, None, where, "unknown", None, False, weight)


def _name_then_back(ctx: Context, tokens: tuple[Token, ...]) -> Attribution | None:
    """The sentence after a quotation opens with a name that refers back to it ("Iryna
    Kovalska said this after the vote.", "Kovalska made the remarks on Monday.", "Kovalska's
    comments came ..."; `back_after_name`, `back_possessed`): that named entity."""
    g, cues = ctx.grammar, ctx.cues
    m = next((k for k, t in enumerate(tokens[:6]) if t.kind == "mention"), None)
    if m is None or any(not (g.det(t) or g.inside(t)) for t in tokens[:m]):
        return None
    ref = tokens[m].ref
    if ref is None or ref.entity_type not in ("person", "organization", "country"):
        return None
    rest = tokens[m + 1 :]
    if len(rest) >= 2 and rest[0].kind == "poss" and rest[1].lower in cues.back_possessed:
        last = m + 2
    else:
        words = tuple(t.lower for t in rest[:3])
        back = next((b for b in cues.back_after_name if words[: len(b)] == b), None)
        if back is None:
            return None
        last = m + len(back)
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        if (
            after is not None
            and after.kind != "punct"
            and after.lower not in (cues.prepositions | cues.leading_words)
        ):
            return None  # "said this week that ...": no reference back
    where = (tokens[m + 1].start, tokens[last].end)
    span = (tokens[m].start, tokens[m].end)
    return Attribution("next-paragraph", "name", ref.entity_id, span, where, "unknown", None, False)


def attribute(ctx: Context) -> list[Attribution | None]:
    """One attribution per quotation of `ctx.spans`; None where the quotation is left out."""
    count = len(ctx.spans)
    ctx.results = []
    for n in range(count):
        ctx.results.append(by_cues(ctx, n))
    for n in range(count):
        if ctx.results[n] is None:
            ctx.results[n] = _back_cue(ctx, n)
    for n in range(count):  # a paragraph-spanning quotation has one speaker
        chain = [n]
        while ctx.spans[chain[-1]].continues is not None:
            chain.append(ctx.spans[chain[-1]].continues)  # type: ignore[arg-type]
        if ctx.results[n] is None:
            for m in chain[1:]:
                if ctx.results[m] is not None:
                    ctx.results[n] = ctx.results[m].inherited("continuation")  # type: ignore[union-attr]
                    break
    for n in reversed(range(count)):  # and earlier parts take the speaker of later ones
        later = ctx.spans[n + 1] if n + 1 < count else None
        if ctx.results[n] is None and later is not None and later.continues == n:
            source = ctx.results[n + 1]
            if source is not None:
                ctx.results[n] = source.inherited("continuation")
    for n in range(count):
        if ctx.results[n] is None:
            ctx.results[n] = _inherit(ctx, n)
    for n in range(count):
        if ctx.results[n] is None:
            ctx.results[n] = _echo(ctx, n)
    rows = [_keep(ctx, n, done) for n, done in enumerate(ctx.results)]
    found = [fallback.resolve(ctx, n, rows) or done for n, done in enumerate(rows)]
    return [_same_guess(found, done) for done in found]


def _same_guess(found: list[Attribution | None], done: Attribution | None) -> Attribution | None:
    """A row that inherited a cue's unresolved phrase (the second part of “...,” the envoy
    said. “...”) takes the speaker a fallback gave the row of that very cue: one guess, not two."""
    if done is None or done.by_cue or done.speaker_id or done.speaker is None:
        return done
    source = next(
        (
            d
            for d in found
            if d is not None
            and d.by_cue
            and d.resolution == "fallback"
            and (d.speaker, d.cue) == (done.speaker, done.cue)
        ),
        None,
    )
    if source is None:
        return done
    return replace(done, resolution="fallback", speaker_id=source.speaker_id, weight=source.weight)


def _reads_as_speech(ctx: Context, n: int) -> bool:
    text = ctx.article.text[ctx.spans[n].start : ctx.spans[n].end]
    return (
        word_count(text) >= ctx.cues.speech_min_words
        or text.rstrip()[-1:] in (".", "!", "?")
        or any(f"{p} " in text for p in ".!?")
    )


def _after_determiner(ctx: Context, n: int) -> bool:
    q, text = ctx.spans[n], ctx.article.text
    before = _WORD.findall(text[max(0, q.mark_start - 30) : q.mark_start])
    return bool(before) and before[-1].lower() in ctx.cues.determiners


def _attributive(ctx: Context, n: int) -> bool:
    """Quoted words standing as a modifier between a determiner and the noun they qualify (the
    “final” offer, the "peace dividend" promised by ...): the reporter's words, even in a
    sentence with a speech cue."""
    q, text, cues = ctx.spans[n], ctx.article.text, ctx.cues
    before = _WORD.findall(text[max(0, q.mark_start - 30) : q.mark_start])
    after = _WORD.match(text, q.mark_end) or _WORD.match(text, q.mark_end + 1)
    if not before or before[-1].lower() not in cues.determiners or after is None:
        return False
    if _characterised(ctx, n):
        return False
    word = after.group()
    closed = cues.function_words | cues.skip_before_cue | cues.prepositions | cues.head_followers
    return text[q.mark_end : after.start()].strip() == "" and word.islower() and word not in closed


AS_WINDOW = 6  # words between a characterisation verb and its "as"


def _characterised(ctx: Context, n: int) -> bool:
    """Quoted words a characterisation verb puts "as" something, after its determiner
    ("portraying it as a “humanitarian” gesture", "hailed the talks in Riyadh as an “important”
    step"): the speaker's characterisation, not the reporter's modifier. Only within the
    quotation's own clause (no punctuation between the verb and the quotation)."""
    q, text = ctx.spans[n], ctx.article.text
    clause = re.split(r"[.;:!?,()\[\]\n\"“”]", text[max(0, q.mark_start - 90) : q.mark_start])[-1]
    words = [w.lower() for w in _WORD.findall(clause)]
    if len(words) < 3 or words[-2] != "as":
        return False
    window = words[-3 - AS_WINDOW : -2]
    return any(  # active, with its object before "as": never "described as", "was portrayed"
        w in ctx.cues.as_verbs and k + 1 < len(window) and (k == 0 or window[k - 1] not in _PASSIVE)
        for k, w in enumerate(window)
    )


_PASSIVE = frozenset({"is", "was", "were", "are", "be", "been", "being", "widely", "often"})


_NUMBERING = re.compile(r"(?:\d{1,2}[.)]|[•*#-]+)\s*")


def _heading(ctx: Context, n: int) -> bool:
    """A paragraph that is a quotation alone, after an optional list number ("1. ‘A very
    useful conversation’"), with no sentence end in or after it: a section heading, whose
    quotation is no row (headings quote what the section reports); so is a short line ending
    with its quotation and no sentence end ("Zelensky: ‘We are bringing them home’")."""
    q, text = ctx.spans[n], ctx.article.text
    seg = body_paragraphs(ctx.article)[q.segment]
    line = text[seg.start : seg.end].strip()
    numbered = _NUMBERING.match(line)
    rest = line[numbered.end() :] if numbered else line
    quoted = text[q.mark_start : q.mark_end]
    words = text[q.start : q.end]
    if rest != quoted:
        return _headline_line(ctx, n, line)
    if words.rstrip()[-1:] in (".", "!", "?", "…"):
        return False
    return numbered is not None or (word_count(words) <= 8 and "," not in words)


HEADING_MAX_WORDS = 12
_CLOSING_MARKS = frozenset("\"'”’»“‘")


def _headline_line(ctx: Context, n: int, line: str) -> bool:
    """A short line that ends with the quotation and has no sentence end anywhere, of the
    form "Name: ‘...’" or "Kremlin calls plan ‘unacceptable’": a subheading or key-point line
    (live blogs, explainers), which quotes what its entry reports, not a sentence of the
    body. Body sentences end with a full stop, in or after the quotation."""
    q, text = ctx.spans[n], ctx.article.text
    mark = text[q.mark_end - 1 : q.mark_end]
    if mark not in _CLOSING_MARKS or not line.endswith(mark) or "\n" in line:
        return False
    if text[q.start : q.end].rstrip()[-1:] in (".", "!", "?", "…"):
        return False
    seg = body_paragraphs(ctx.article)[q.segment]
    if q.mark_end != seg.start + len(text[seg.start : seg.end].rstrip()):
        return False
    return word_count(line) <= HEADING_MAX_WORDS and not any(
        p in line for p in (". ", "! ", "? ", ".”", '."', "!”", "?”", ".’", "…")
    )


def _sentence_alone(ctx: Context, n: int) -> bool:
    """A quotation that is a sentence of its own, closed by its own full stop, "!" or "?"."""
    s, text = ctx.where[n][0], ctx.article.text[ctx.spans[n].start : ctx.spans[n].end]
    return (
        s >= 0
        and text.rstrip()[-1:] in (".", "!", "?")
        and text[:1].isupper()
        and all(t.kind in ("quote", "punct") for t in ctx.sentences[s].tokens)
    )


def _keep(ctx: Context, n: int, done: Attribution | None) -> Attribution | None:
    """The scare-quote policy: the attribution of a quotation that is a row, else None."""
    q = ctx.spans[n]
    if _scare_marked(ctx, n) or _quoted_name(ctx, n) or _heading(ctx, n):
        return None
    if word_count(ctx.article.text[q.start : q.end]) <= ctx.cues.scare_max_words:
        if _attributive(ctx, n):
            return None
        if done is not None and done.rule == "same-paragraph" and _sentence_alone(ctx, n):
            return done  # “...,” he said. “And our army.”: the rest of an attributed quotation
        if done is None or not (done.by_cue or done.rule in ("continuation", "echo")):
            return None
        if _after_determiner(ctx, n):  # let through as a phrase's head: less certain
            return replace(done, weight=done.weight * ctx.cues.short_weight)
        return done
    if done is None:
        return Attribution("unattributed", "none") if _reads_as_speech(ctx, n) else None
    return done
