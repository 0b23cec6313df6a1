"""Speech cues and their vocabulary: `speech_verbs.txt` (via the knowledge base) plus
`quote_cues.yaml` (channels, speaker nouns, confidence), loaded and validated here.

A cue is found on tokens outside quotation marks: the longest multi-word cue first, then a
single speech verb. When the words after the verb name a channel ("wrote on the Telegram
messenger", "told reporters", "said in a statement"), the cue extends over them and carries the
channel; a verb such as "tweeted" names its channel alone. After a media noun the outlet's name
belongs to the cue ("told Ukrainian broadcaster Suspilne"), and a capitalised outlet head after
an addressee cue makes an interview ("told Fox News"). Closing-only verbs (lexicon.yaml
`closing_speech_verbs`: "continued", "went on", "charged", "alleged") are cues only in the
position "Q," X continued. / "Q," continued X.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Protocol

import yaml

from talkspkg import yamlio
from talkspkg.errors import KnowledgeError
from talkspkg.kb import KnowledgeBase

SOURCE = "knowledge/quote_cues.yaml"
CHANNELS = (
    "statement",
    "social_media",
    "messaging",
    "interview",
    "parliament",
    "document",
    "unknown",
)


DISCOURSE_WEIGHTS = (
    "own",
    "kb_title",
    "agreed",
    "subject",
    "conflict",
    "speaker",
    "unique",
    "fallback",
    "loose",
    "ahead",
    "unresolved",
)


class _Tok(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def lower(self) -> str: ...


@dataclass(frozen=True)
class QuoteCues:
    version: str
    single: frozenset[str]  # one-word speech verbs
    multi: tuple[tuple[str, ...], ...]  # multi-word cues, longest first
    channels: tuple[tuple[str, tuple[str, ...]], ...]  # (channel, phrase words), longest first
    channel_prepositions: frozenset[str]
    channel_fillers: frozenset[str]
    channel_tails: frozenset[str]
    named_media: frozenset[tuple[str, ...]]  # "broadcaster" before an outlet's name
    closing: tuple[tuple[str, ...], ...]  # cues only closing a quotation ("Q," X continued.)
    back_cues: tuple[tuple[str, ...], ...]  # "That was how X put it." after a quotation
    group_heads: frozenset[str]  # "the two leaders said": the parties just named
    group_numbers: Mapping[str, int]
    outlet_heads: frozenset[str]  # capitalised last words of outlet names ("Fox News")
    channel_verbs: Mapping[str, str]
    addressee_roles: tuple[tuple[str, str], ...]  # (role word, channel)
    elisions: frozenset[str]
    speech_min_words: int
    speaker_after: frozenset[tuple[str, ...]]
    addressee_cues: frozenset[str]
    voice_roles: frozenset[str]
    heads: frozenset[str]
    unnamed_heads: frozenset[str]  # anonymity nouns: "the official" never points back
    demonyms: Mapping[str, str]  # lower-case demonym -> ISO country
    documents: Mapping[str, str]  # word -> channel
    determiners: frozenset[str]
    modifiers: frozenset[str]
    prepositions: frozenset[str]
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    function_words: frozenset[str]
    subordinators: frozenset[str]
    relative_pronouns: frozenset[str]
    complement_links: tuple[tuple[str, ...], ...]  # "close to": what follows is no speaker
    seat_nouns: frozenset[str]  # "the authorities in Kyiv": the place speaks for its state
    skip_before_cue: frozenset[str]
    weekday_openers: frozenset[str]
    abbreviations: frozenset[str]
    scare_max_words: int
    scare_markers: tuple[str, ...]
    name_verbs: frozenset[str]  # "what he calls a ..."
    head_followers: frozenset[str]  # the “path to peace” could ...: the quotation heads its phrase
    as_verbs: frozenset[str]  # described it as a “historic” step: a characterisation
    plan_words: frozenset[str]  # document nouns that anchor an issuer ("the US plan")
    issuer_words: frozenset[str]  # words between an issuer and its document ("US-backed plan")
    rule_confidence: Mapping[str, float]
    resolution_confidence: Mapping[str, float]
    leading_words: frozenset[str]  # words that open a leading clause closed by a comma
    institution_heads: frozenset[str]  # unnamed heads that designate no single person
    going_on_verbs: frozenset[str]  # "he added": the current speaker goes on
    # "the ministry", "the company": the institution named before whose name holds one of the words
    institution_nouns: Mapping[str, frozenset[str]]
    discourse_weight: Mapping[str, float]  # certainty of the discourse model's antecedents
    # descriptions: "the US leader" fits a person whose role is a leader's office; "vice" makes
    # "vice president" another office than "president"
    generic_offices: frozenset[str] = frozenset()
    leader_offices: tuple[str, ...] = ()
    subordinate_offices: frozenset[str] = frozenset()
    # "in X's words", "in his own words": (words before the possessor, words after it)
    possessor_cues: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    possessive_pronouns: Mapping[str, str] = field(default_factory=dict)  # his -> he
    possessor_first: frozenset[str] = field(init=False)  # first words of possessor_cues
    possessor_open: bool = field(init=False)  # a cue that opens with its possessor ("X's claim")
    # "Reporters pressed NAME on ...": the person asked is who the passage goes on with
    interviewers: frozenset[str] = frozenset()
    # "Kovalska said this after the vote.", "Kovalska's comments came ..." after a quotation
    back_after_name: tuple[tuple[str, ...], ...] = ()
    back_possessed: frozenset[str] = frozenset()
    issuing_words: frozenset[str] = frozenset()  # "The statement, issued by Kyiv, said"
    # descriptions read against what the article says a person is (stages/quotes/profile.py):
    # words of one meaning ("top" -> "chief"), and heads that never point back ("the official")
    possessed_speech: frozenset[str] = frozenset()  # "X's answer was short: “...”"
    short_weight: float = 1.0  # confidence factor of a short quotation read as a phrase's head
    profile_synonyms: Mapping[str, str] = field(default_factory=dict)
    profile_never: frozenset[str] = frozenset()
    profile_elaborating: frozenset[str] = frozenset()
    # gender evidence for "he"/"she" (stages/quotes/gender.py): word -> "f" or "m"
    given_names: Mapping[str, str] = field(default_factory=dict)
    gendered_honorifics: Mapping[str, str] = field(default_factory=dict)
    gendered_roles: Mapping[str, str] = field(default_factory=dict)
    asking_verbs: frozenset[str] = frozenset()
    # multi-word cues and channel phrases by their first word (lower case), in their order
    multi_by_first: Mapping[str, tuple[tuple[str, ...], ...]] = field(init=False)
    channels_by_first: Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]] = field(init=False)
    closing_by_first: Mapping[str, tuple[tuple[str, ...], ...]] = field(init=False)  # likewise

    def __post_init__(self) -> None:
        multi: dict[str, list[tuple[str, ...]]] = {}
        for words in self.multi:
            multi.setdefault(words[0].lower(), []).append(words)
        channels: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for channel, words in self.channels:
            channels.setdefault(words[0].lower(), []).append((channel, words))
        object.__setattr__(self, "multi_by_first", {k: tuple(v) for k, v in multi.items()})
        object.__setattr__(self, "channels_by_first", {k: tuple(v) for k, v in channels.items()})
        closing: dict[str, list[tuple[str, ...]]] = {}
        for words in self.closing:
            closing.setdefault(words[0].lower(), []).append(words)
        object.__setattr__(self, "closing_by_first", {k: tuple(v) for k, v in closing.items()})
        first = frozenset(b[0] for b, _ in self.possessor_cues if b)
        object.__setattr__(self, "possessor_first", first)
        object.__setattr__(self, "possessor_open", any(not b for b, _ in self.possessor_cues))


@dataclass(frozen=True, slots=True)
class Cue:
    first: int  # token index of the cue's first word
    last: int  # token index of the cue's last word (channel phrase included)
    words: int  # token count of the cue proper (without the channel phrase)
    channel: str | None
    speaker_after: bool
    addressee: bool
    # token indices of the possessor of "in X's words" (the possessive mark excluded)
    possessor: tuple[int, int] | None = None


def _words(value: Any, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeError(f"{SOURCE}: {key} must be a list of non-empty strings")
    return list(value)


def _lower(value: Any, key: str) -> frozenset[str]:
    return frozenset(v.lower() for v in _words(value, key))


def _mapping(data: Any, key: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise KnowledgeError(f"{SOURCE}: {key} must be a mapping")
    return value


def parse_cues(
    data: Any,
    speech_verbs: Sequence[str],
    role_words: frozenset[str],
    role_modifiers: frozenset[str],
    demonyms: Mapping[str, str],
    closing_verbs: frozenset[str] = frozenset(),
) -> QuoteCues:
    """Validate the loaded `quote_cues.yaml` document and combine it with the verb list."""
    if not isinstance(data, dict) or not data.get("version"):
        raise KnowledgeError(f"{SOURCE}: expected a mapping with a 'version'")
    channels = []
    for channel, phrases in _mapping(data, "channels").items():
        if channel not in CHANNELS:
            raise KnowledgeError(f"{SOURCE}: unknown channel {channel!r}")
        channels += [(channel, tuple(p.split())) for p in _words(phrases, f"channels.{channel}")]
    addressee_roles = tuple(
        (word.lower(), channel)
        for channel, words in _mapping(data, "addressee_roles").items()
        for word in _words(words, f"addressee_roles.{channel}")
    )
    if any(channel not in CHANNELS for _, channel in addressee_roles):
        raise KnowledgeError(f"{SOURCE}: addressee_roles must be keyed by channels")
    if not isinstance(data.get("speech_min_words"), int):
        raise KnowledgeError(f"{SOURCE}: speech_min_words must be an integer")
    channel_verbs = _mapping(data, "channel_verbs")
    if not all(isinstance(v, str) and v in CHANNELS for v in channel_verbs.values()):
        raise KnowledgeError(f"{SOURCE}: channel_verbs must map verbs to channels")
    documents = {
        word.lower(): channel
        for channel, words in _mapping(data, "documents").items()
        for word in _words(words, f"documents.{channel}")
    }
    pronouns, scare, confidence, offices = (
        _mapping(data, k) for k in ("pronouns", "scare", "confidence", "offices")
    )
    if not isinstance(scare.get("max_words"), int):
        raise KnowledgeError(f"{SOURCE}: scare.max_words must be an integer")
    rules, resolutions, weights = (
        _mapping(confidence, k) for k in ("rules", "resolutions", "discourse")
    )
    missing = set(DISCOURSE_WEIGHTS) - set(weights)
    if missing:
        raise KnowledgeError(f"{SOURCE}: confidence.discourse lacks {sorted(missing)}")
    for name, value in [*rules.items(), *resolutions.items(), *weights.items()]:
        if not isinstance(value, int | float) or not 0 <= value <= 1:
            raise KnowledgeError(f"{SOURCE}: confidence of {name!r} must be a number in [0, 1]")
    verbs = [v.lower() if " " not in v else v for v in speech_verbs]  # keep "X" as written
    plural = {w + "s" for w in role_words if not w.endswith("s")}
    return QuoteCues(
        version=str(data["version"]),
        single=frozenset(v for v in verbs if " " not in v)
        | _lower(data.get("quote_only_verbs"), "quote_only_verbs"),
        multi=tuple(sorted((tuple(v.split()) for v in verbs if " " in v), key=len, reverse=True)),
        channels=tuple(sorted(channels, key=lambda c: len(c[1]), reverse=True)),
        channel_prepositions=_lower(data.get("channel_prepositions"), "channel_prepositions"),
        channel_fillers=_lower(data.get("channel_fillers"), "channel_fillers"),
        channel_tails=_lower(data.get("channel_tails"), "channel_tails"),
        named_media=frozenset(
            tuple(v.split()) for v in _lower(data.get("named_media"), "named_media")
        ),
        outlet_heads=frozenset(_words(data.get("outlet_heads"), "outlet_heads")),
        closing=tuple(sorted((tuple(v.split()) for v in closing_verbs), key=len, reverse=True)),
        back_cues=tuple(tuple(v.split()) for v in _lower(data.get("back_cues"), "back_cues")),
        group_heads=_lower(data.get("group_heads"), "group_heads"),
        group_numbers={str(k).lower(): int(v) for k, v in _mapping(data, "group_numbers").items()},
        channel_verbs={k.lower(): v for k, v in channel_verbs.items()},
        addressee_roles=addressee_roles,
        elisions=_lower(data.get("elisions"), "elisions"),
        speech_min_words=data["speech_min_words"],
        speaker_after=frozenset(
            tuple(v.split()) for v in _lower(data.get("speaker_after"), "speaker_after")
        ),
        addressee_cues=_lower(data.get("addressee_cues"), "addressee_cues"),
        voice_roles=_lower(data.get("voice_roles"), "voice_roles"),
        heads=_lower(data.get("unnamed_heads"), "unnamed_heads") | role_words | plural,
        unnamed_heads=_lower(data.get("unnamed_heads"), "unnamed_heads") | plural,
        demonyms={k.lower(): v for k, v in demonyms.items()},
        documents=documents,
        determiners=_lower(data.get("determiners"), "determiners"),
        modifiers=_lower(data.get("modifiers"), "modifiers")
        | (role_modifiers - {"and", "of", "for", "the", "on", "to"}),
        prepositions=_lower(data.get("prepositions"), "prepositions"),
        person_pronouns=_lower(pronouns.get("person"), "pronouns.person"),
        thing_pronouns=_lower(pronouns.get("thing"), "pronouns.thing"),
        group_pronouns=_lower(pronouns.get("group"), "pronouns.group"),
        function_words=_lower(data.get("function_words"), "function_words"),
        subordinators=_lower(data.get("subordinators"), "subordinators"),
        relative_pronouns=_lower(data.get("relative_pronouns"), "relative_pronouns"),
        seat_nouns=_lower(data.get("seat_nouns"), "seat_nouns"),
        complement_links=tuple(
            tuple(w.split())
            for w in sorted(_lower(data.get("complement_links"), "complement_links"))
        ),
        skip_before_cue=_lower(data.get("skip_before_cue"), "skip_before_cue"),
        weekday_openers=_lower(data.get("weekday_openers"), "weekday_openers"),
        abbreviations=frozenset(_words(data.get("abbreviations"), "abbreviations")),
        scare_max_words=scare["max_words"],
        scare_markers=tuple(_lower(scare.get("markers"), "scare.markers")),
        name_verbs=_lower(scare.get("name_verbs"), "scare.name_verbs"),
        short_weight=float(scare.get("short_weight", 1.0)),
        head_followers=_lower(scare.get("head_followers"), "scare.head_followers"),
        as_verbs=_lower(scare.get("as_verbs"), "scare.as_verbs"),
        plan_words=_lower(data.get("plan_words"), "plan_words"),
        issuer_words=_lower(data.get("issuer_words"), "issuer_words"),
        rule_confidence={k: float(v) for k, v in rules.items()},
        resolution_confidence={k: float(v) for k, v in resolutions.items()},
        leading_words=_lower(data.get("leading_words"), "leading_words"),
        institution_heads=_lower(data.get("institution_heads"), "institution_heads"),
        going_on_verbs=_lower(data.get("going_on_verbs"), "going_on_verbs"),
        institution_nouns={
            str(noun).lower(): _lower(words, f"institution_nouns.{noun}")
            for noun, words in _mapping(data, "institution_nouns").items()
        },
        discourse_weight={k: float(v) for k, v in weights.items()},
        generic_offices=_lower(offices.get("generic"), "offices.generic"),
        leader_offices=tuple(sorted(_lower(offices.get("leaders"), "offices.leaders"))),
        subordinate_offices=_lower(offices.get("subordinate"), "offices.subordinate"),
        possessor_cues=_possessor_cues(data),
        interviewers=_lower(data.get("interviewers"), "interviewers"),
        back_after_name=tuple(
            tuple(v.split()) for v in sorted(_lower(data.get("back_after_name"), "back_after_name"))
        ),
        back_possessed=_lower(data.get("back_possessed"), "back_possessed"),
        issuing_words=_lower(data.get("issuing_words"), "issuing_words"),
        given_names={
            name: "f" if sex == "female" else "m"
            for sex, names in _mapping(data, "given_names").items()
            for name in _lower(names, f"given_names.{sex}")
        },
        gendered_honorifics=_genders_of(data, "gendered_honorifics"),
        gendered_roles=_genders_of(data, "gendered_roles"),
        asking_verbs=_lower(data.get("asking_verbs"), "asking_verbs"),
        possessive_pronouns={
            str(k).lower(): str(v).lower() for k, v in _mapping(data, "possessive_pronouns").items()
        },
        possessed_speech=_lower(data.get("possessed_speech"), "possessed_speech"),
        profile_synonyms={
            str(k).lower(): str(v).lower()
            for k, v in _mapping(_mapping(data, "profiles"), "synonyms").items()
        },
        profile_never=_lower(_mapping(data, "profiles").get("never"), "profiles.never"),
        profile_elaborating=_lower(
            _mapping(data, "profiles").get("elaborating"), "profiles.elaborating"
        ),
    )


def _genders_of(data: Any, key: str) -> dict[str, str]:
    found = {str(k).lower(): str(v) for k, v in _mapping(data, key).items()}
    if any(v not in ("f", "m") for v in found.values()):
        raise KnowledgeError(f"{SOURCE}: {key} must map words to 'f' or 'm'")
    return found


def _possessor_cues(data: Any) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    found = []
    for pattern in _lower(data.get("possessor_cues"), "possessor_cues"):
        words = pattern.split()
        if words.count("_") != 1 or words[-1] == "_" or (words[0] == "_" and len(words) < 3):
            raise KnowledgeError(f"{SOURCE}: possessor_cues: {pattern!r} needs one '_' inside")
        at = words.index("_")
        found.append((tuple(words[:at]), tuple(words[at + 1 :])))
    return tuple(sorted(found, key=lambda p: -len(p[0]) - len(p[1])))


def _read(path: Path | Any) -> Any:
    try:
        return yamlio.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        raise KnowledgeError(f"{SOURCE}: not valid YAML: {exc}") from None


def speech_verbs_version(path: Path | Any | None = None) -> str:
    """The `# version: ...` line of speech_verbs.txt (the kb loads its verbs, not its version)."""
    source = path or files("talkspkg") / "knowledge" / "speech_verbs.txt"
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"knowledge/speech_verbs.txt: cannot be read: {exc}") from None
    for line in lines:
        if line.startswith("# version:") and line.split(":", 1)[1].strip():
            return line.split(":", 1)[1].strip()
    raise KnowledgeError("knowledge/speech_verbs.txt: missing a '# version: ...' line")


@cache
def load_cues(kb: KnowledgeBase, path: str | None = None) -> QuoteCues:
    """The cue vocabulary shipped in the package (or at `path`, for tests)."""
    source = Path(path) if path else files("talkspkg") / "knowledge" / "quote_cues.yaml"
    lex = kb.lexicon
    return parse_cues(
        _read(source),
        kb.speech_verbs,
        lex.role_words,
        lex.role_modifiers,
        lex.demonyms,
        lex.closing_speech_verbs,
    )


def _match(tokens: Sequence[_Tok], i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(tokens):
        return False
    for tok, word in zip(tokens[i : i + len(words)], words, strict=False):
        if tok.kind == "quote":
            return False
        if len(word) == 1 and word.isupper():
            if tok.text != word:
                return False
        elif tok.lower != word.lower():
            return False
    return True


def leading_channel(cues: QuoteCues, tokens: Sequence[_Tok]) -> str | None:
    """The channel a sentence's opening phrase names ("In a post on X, ...", "In a statement,
    ...", "Writing on Telegram, ...", "In his nightly address, ...")."""
    for i in (0, 1):
        found = _channel_after(cues, tokens, i, direct=False)
        if found is not None and found[0] < len(tokens) - 1:
            return found[1]
    return None


def _channel_after(
    cues: QuoteCues, tokens: Sequence[_Tok], i: int, direct: bool
) -> tuple[int, str] | None:
    """(last token index, channel) of a channel phrase starting at token i, if there is one."""
    j = i
    if j < len(tokens) and tokens[j].lower in cues.channel_prepositions:
        j += 1
    elif not direct:
        return None
    for _ in range(4):
        first = tokens[j].lower if j < len(tokens) else ""
        for channel, words in cues.channels_by_first.get(first, ()):
            if _match(tokens, j, words):
                last = j + len(words) - 1
                while last + 1 < len(tokens) and tokens[last + 1].lower in cues.channel_tails:
                    last += 1
                if channel == "social_media" and last + 1 < len(tokens):
                    # "in a post on Telegram": the platform names the channel, not "a post"
                    platform = _channel_after(cues, tokens, last + 1, direct=False)
                    if platform is not None:
                        return platform
                return _outlet_after(cues, tokens, j, last), channel
        if direct and j < len(tokens) and _outlet_head(cues, tokens[j]):
            while j + 1 < len(tokens) and _outlet_head(cues, tokens[j + 1]):
                j += 1
            return j, "interview"  # "told Fox News", "told the Nordic Herald"
        if (
            j < len(tokens)
            and (
                tokens[j].lower in cues.channel_fillers
                or tokens[j].lower in cues.demonyms  # "told Russian state TV"
                or (direct and tokens[j].kind == "word" and tokens[j].text[:1].isupper())
            )
        ):
            j += 1  # a name before the channel noun: "told Time magazine"
        else:
            break
    return None


_CALENDAR = frozenset(
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
        "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    }
)  # fmt: skip


def _capitalised(tok: _Tok) -> bool:
    return tok.kind in ("word", "mention") and tok.text[:1].isupper() and tok.text not in _CALENDAR


def _outlet_head(cues: QuoteCues, tok: _Tok) -> bool:
    return tok.kind in ("word", "mention") and tok.text.split()[-1] in cues.outlet_heads


def _outlet_after(cues: QuoteCues, tokens: Sequence[_Tok], first: int, last: int) -> int:
    """The last token of a channel phrase from `first` to `last`, extended over the outlet's
    name when the phrase ends with a media noun ("told Ukrainian broadcaster Suspilne", "in an
    interview with the Nordic Herald")."""
    words = tuple(t.lower for t in tokens[first : last + 1])
    if not any(words[-len(m) :] == m for m in cues.named_media):
        return last
    at = last + 1
    if words[-1] in ("interview", "interviews") and at < len(tokens) and tokens[at].lower == "with":
        at += 1
        at += at < len(tokens) and tokens[at].lower == "the"
    end = at
    while end < len(tokens) and end - at < 4 and _capitalised(tokens[end]):
        end += 1
    return end - 1 if end > at else last


def cue_at(
    cues: QuoteCues, tokens: Sequence[_Tok], i: int, addressees: Mapping[str, str]
) -> Cue | None:
    """The cue starting at token i, if any. `addressees` maps the entity ids of organizations
    that are a channel when addressed ("told Axios") to that channel."""
    tok = tokens[i]
    possessed = _possessor_cue_at(cues, tokens, i)
    if possessed is not None:
        return possessed
    if tok.kind != "word":
        return None
    candidates = cues.multi_by_first.get(tok.lower, ())
    words = next((w for w in candidates if _match(tokens, i, w)), None)
    if words is None and tok.lower not in cues.single:
        return None
    n = len(words) if words else 1
    addressee = n == 1 and tok.lower in cues.addressee_cues
    last, channel = i + n - 1, None
    found = _channel_after(cues, tokens, i + n, direct=addressee)
    if found is None and words:  # a multi-word cue may name its channel itself ("wrote on X")
        found = _channel_after(cues, tokens, i + 1, direct=tok.lower in cues.addressee_cues)
        found = (last, found[1]) if found and found[0] <= last else None
    if found is not None:
        last, channel = max(last, found[0]), found[1]
    elif addressee and i + 1 < len(tokens):
        at = i + 2 if tokens[i + 1].lower == "the" and i + 2 < len(tokens) else i + 1
        ref = getattr(tokens[at], "ref", None)
        if ref is not None and ref.entity_id in addressees:
            last, channel = at, addressees[ref.entity_id]
    if channel is None:
        channel = cues.channel_verbs.get(tok.lower)
    after = words in cues.speaker_after if words else False
    return Cue(i, last, n, channel, after, addressee)


def _possessor_cue_at(cues: QuoteCues, tokens: Sequence[_Tok], i: int) -> Cue | None:
    """ "in X's words", "in his own words", "to use Y's phrase": a cue whose speaker is its
    possessor, a name (mention) with a possessive mark or a possessive pronoun."""
    opens = cues.possessor_open and (
        tokens[i].lower in cues.possessive_pronouns
        or (tokens[i].kind == "mention" and i + 1 < len(tokens) and tokens[i + 1].kind == "poss")
    )
    if tokens[i].lower not in cues.possessor_first and not opens:
        return None
    for before, after in cues.possessor_cues:
        if not _match(tokens, i, before):
            continue
        j = i + len(before)
        if j >= len(tokens):
            continue
        if tokens[j].kind == "word" and tokens[j].lower in cues.possessive_pronouns:
            owner, k = (j, j), j + 1
        elif tokens[j].kind == "mention" and j + 1 < len(tokens) and tokens[j + 1].kind == "poss":
            owner, k = (j, j), j + 2
        else:
            continue
        if _match(tokens, k, after):
            last = k + len(after) - 1
            return Cue(i, last, last - i + 1, None, True, False, owner)
    return None


def closing_cue_at(cues: QuoteCues, tokens: Sequence[_Tok], i: int) -> Cue | None:
    """A closing-only cue at token i (knowledge/lexicon.yaml `closing_speech_verbs`): it counts
    only closing a quotation's sentence, "Q," X continued. (the name right after the quotation,
    at most five tokens) or "Q," continued X. (the verb right after it); elsewhere ("X continued
    his tour", "X alleged fraud") it is no cue."""
    candidates = cues.closing_by_first.get(tokens[i].lower, ())
    words = next((w for w in candidates if _match(tokens, i, w)), None)
    if words is None:
        return None
    last = i + len(words) - 1
    after = tokens[last + 1 :]
    ends = not after or (after[0].kind == "punct" and after[0].text in ".!?;")
    back = i - 1
    while back >= 0 and tokens[back].kind != "quote" and i - back <= 6:
        if tokens[back].kind == "punct" and tokens[back].text not in (",", "’", "'"):
            return None
        back -= 1
    if back < 0 or tokens[back].kind != "quote":
        return None
    if back == i - 1 or (back == i - 2 and tokens[i - 1].text == ","):
        rest = [t for t in after if not (t.kind == "punct" and t.text in ".!?;")]
        inverted = 0 < len(rest) <= 5 and all(t.kind in ("word", "mention") for t in rest)
        return Cue(i, last, len(words), None, False, False) if inverted else None
    return Cue(i, last, len(words), None, False, False) if ends else None
