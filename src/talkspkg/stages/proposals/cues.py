"""Proposal and stance cue vocabulary (`knowledge/proposal_cues.yaml`): validated, compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from talkspkg.errors import KnowledgeError
from talkspkg.schema.vocab import PROPOSAL_KINDS, STANCES
from talkspkg.stages.proposals.codebook import (
    compile_patterns,
    knowledge_root,
    read_yaml,
    text_list,
)

CUES_FILE = "proposal_cues.yaml"
SINGLE_ISSUE = "single-issue"
_KEYS = {
    "version",
    "kinds",
    "proposal_cues",
    "stance_cues",
    "institution_sides",
    "anaphora",
    "hypothetical",
    "clause_breaks",
    "non_actor_roles",
    "abbreviations",
    "presentation",
    "venue_prepositions",
    "collective_parties",
    "partitive",
    "readiness",
    "readiness_terms",
    "legal_statements",
    "negation",
    "possessed_others",
    "judgment_verbs",
    "material_support",
    "located_bodies",
    "official_of",
    "other_conflicts",
    "this_conflict",
    "questions",
    "state_bodies",
    "official_speakers",
    "unofficial_speakers",
    "term_heads",
    "belief_verbs",
    "hedges",
    "content_frames",
    "disputed_claims",
    "commentators",
}


# a one-word opening adverbial ("Separately,", "Meanwhile,")
_LEADING_WORD = re.compile(r"\s*\w+,\s*")


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    label: str
    definition: str


@dataclass(frozen=True, slots=True)
class ProposalCue:
    kind: str
    form: str  # "noun" | "verb" | "reported" (a modal demand: whoever reports it proposes)
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class StanceCue:
    stance: str
    holder: str  # "before" | "after": where the stance holder stands relative to the cue
    scope: str  # "before" | "after": where the terms it bears on stand
    patterns: tuple[re.Pattern[str], ...]
    # an act of two or more parties ("swapped 150 prisoners", "carried out an exchange"): a
    # stance only when its holders are of two sides or more; it may open its term's wording
    joint: bool = False


@dataclass(frozen=True)
class Cues:
    version: str
    kinds: dict[str, Kind]
    proposal_cues: tuple[ProposalCue, ...]
    stance_cues: tuple[StanceCue, ...]
    anaphora: tuple[re.Pattern[str], ...]
    hypothetical: tuple[re.Pattern[str], ...]
    clause_breaks: tuple[re.Pattern[str], ...]
    non_actor_roles: frozenset[str]
    abbreviations: frozenset[str]
    # (pattern over an actor's id or role, side): institutions and officials without a country
    institution_sides: tuple[tuple[re.Pattern[str], str], ...] = ()
    presentation: tuple[re.Pattern[str], ...] = ()  # "presented", "handed over" (presented_at)
    venue_prepositions: tuple[re.Pattern[str], ...] = ()  # "at a", "during the" before a meeting
    collective_parties: tuple[re.Pattern[str], ...] = ()  # "the two sides" (the meeting's parties)
    partitive: tuple[re.Pattern[str], ...] = ()  # "most of" before an anaphor: which ones unsaid
    readiness: tuple[re.Pattern[str], ...] = ()  # "ready to", "willing to": offer cues of readiness
    readiness_terms: frozenset[str] = frozenset()  # codes a readiness cue does not propose
    legal_statements: tuple[re.Pattern[str], ...] = ()  # "forbidden by the constitution"
    negation: tuple[re.Pattern[str], ...] = ()  # "has not", "denied that he had" before a cue
    possessed_others: tuple[re.Pattern[str], ...] = ()  # "'s allies" after a name: not the actor
    judgment_verbs: tuple[re.Pattern[str], ...] = ()  # "accused", "praised" before the party judged
    material_support: tuple[re.Pattern[str], ...] = ()  # "air" before "support": aid, no stance
    located_bodies: tuple[re.Pattern[str], ...] = ()  # "officials" in "officials in Moscow"
    official_of: tuple[re.Pattern[str], ...] = ()  # "the Kremlin aide": an official of its state
    questions: tuple[re.Pattern[str], ...] = ()  # a question clause (case-sensitive)
    state_bodies: tuple[str, ...] = ()  # "side", "delegation": "the Russian side" acts for Russia
    # the end of a demonym phrase naming an official or a state body ("Ukrainian foreign
    # minister", "Russian delegation"): their quotation's "we" is their state's
    official_speakers: tuple[re.Pattern[str], ...] = ()
    unofficial_speakers: tuple[re.Pattern[str], ...] = ()  # "former", "opposition": no official
    # the frame a stance stands in (frames.py): a belief verb of another party before its clause
    # ("analysts believe Moscow will"), a hedge ("reportedly"), a plan's content ("Under the
    # plan, Kyiv would ...")
    belief_verbs: tuple[re.Pattern[str], ...] = ()
    hedges: tuple[re.Pattern[str], ...] = ()
    content_frames: tuple[re.Pattern[str], ...] = ()
    commentators: tuple[re.Pattern[str], ...] = ()  # "a Ukrainian analyst" reporting: no party
    disputed_claims: tuple[re.Pattern[str], ...] = ()  # ", a claim the Kremlin denied" after it
    # a definite noun naming a term's head ("the exchange", "the truce"), with the code prefixes
    # it can take up: an anaphor of one thing, on a term of those codes only
    term_heads: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = ()
    # a term's own phrase naming another war ("a prisoner exchange between Israel and Hamas")
    other_conflict_after: re.Pattern[str] | None = None
    other_conflict_before: re.Pattern[str] | None = None
    other_conflict_any: re.Pattern[str] | None = None
    this_conflict: re.Pattern[str] | None = None  # names of this war's parties and places

    def negated(self, before: str) -> bool:
        """True when `before` (a sentence's text up to a cue) ends negating the cue."""
        return any(p.search(before) for p in self.negation)

    def other_conflict(self, text: str, start: int, end: int, floor: int, ceiling: int) -> bool:
        """True when the term at `start`-`end` (in a sentence `floor`-`ceiling`) is about
        another war: a name of `other_conflicts` in its complement ("a truce in Gaza", "between
        Israel and Hamas") or right before it ("the Gaza ceasefire", "Israel-Hamas truce")."""
        after, before = self.other_conflict_after, self.other_conflict_before
        if (after and after.match(text[end:ceiling])) or (
            before and before.search(text[max(floor, start - 40) : start])
        ):
            return True
        # its clause's subject ("Israel and Hamas completed a prisoner exchange"), in a
        # sentence naming nothing of this war
        clause = text[floor:start]
        clause = clause[clause.rfind(",") + 1 :]
        anywhere, here = self.other_conflict_any, self.this_conflict
        if anywhere is None or not anywhere.search(clause):
            return False
        return not (here and here.search(text, floor, ceiling))

    def another_war(self, text: str, start: int, end: int) -> bool:
        """True when the sentence `start`-`end` is about another war: its main clause opens
        with a name of `other_conflicts` ("Armenia and Azerbaijan agreed a peace deal", "Separately,
        Israel and Hamas ...") and it names nothing of this war (`this_conflict`)."""
        anywhere, here = self.other_conflict_any, self.this_conflict
        if anywhere is None or (here is not None and here.search(text, start, end)):
            return False
        opening = _LEADING_WORD.match(text, start, end)
        lo = opening.end() if opening else start
        m = anywhere.search(text, lo, end)
        return m is not None and "," not in text[lo : m.start()] and m.start() - lo < 40

    def asked(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of the question clauses of the sentence `start`-`end`."""
        clause = text[start:end]  # sliced: "^" is the sentence's start
        if "?" not in clause:
            return []
        return [
            (start + m.start(), start + m.end()) for q in self.questions for m in q.finditer(clause)
        ]

    def patterns(self) -> list[re.Pattern[str]]:
        """The proposal and stance cue patterns."""
        cues = [*self.proposal_cues, *self.stance_cues]
        return [p for cue in cues for p in cue.patterns]


def _choice(raw: dict[str, Any], key: str, allowed: tuple[str, ...], where: str) -> str:
    value = raw.get(key)
    if value not in allowed:
        raise KnowledgeError(f"{where}: {key} {value!r} must be one of {', '.join(allowed)}")
    return value


def _entries(data: dict[str, Any], key: str, source: str) -> list[tuple[str, dict[str, Any]]]:
    entries = data.get(key)
    if not isinstance(entries, list) or not entries:
        raise KnowledgeError(f"{source}: {key} must be a non-empty list")
    out = []
    for n, raw in enumerate(entries, start=1):
        where = f"{source}: {key} #{n}"
        if not isinstance(raw, dict):
            raise KnowledgeError(f"{where}: must be a mapping")
        out.append((where, raw))
    return out


def _kinds(data: dict[str, Any], source: str) -> dict[str, Kind]:
    raw_kinds = data.get("kinds")
    if not isinstance(raw_kinds, dict) or set(raw_kinds) != set(PROPOSAL_KINDS):
        raise KnowledgeError(f"{source}: kinds must define exactly {', '.join(PROPOSAL_KINDS)}")
    kinds = {}
    for name in PROPOSAL_KINDS:
        raw = raw_kinds[name]
        where = f"{source}: kind {name!r}"
        if not isinstance(raw, dict) or not all(
            isinstance(raw.get(k), str) and raw[k].strip() for k in ("label", "definition")
        ):
            raise KnowledgeError(f"{where}: needs a non-empty label and definition")
        kinds[name] = Kind(name, raw["label"].strip(), raw["definition"].strip())
    return kinds


def parse_cues(data: Any, source: str) -> Cues:
    """Validate the loaded cue document (`source` names it in messages)."""
    if not isinstance(data, dict):
        raise KnowledgeError(f"{source}: expected a mapping")
    version = str(data.get("version") or "")
    if not version:
        raise KnowledgeError(f"{source}: missing 'version'")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise KnowledgeError(f"{source}: unknown key(s) {', '.join(unknown)}")
    kinds = _kinds(data, source)
    proposal_cues = []
    for where, raw in _entries(data, "proposal_cues", source):
        kind = _choice(raw, "kind", tuple(k for k in PROPOSAL_KINDS if k != SINGLE_ISSUE), where)
        form = _choice(raw, "form", ("noun", "verb", "reported"), where)
        patterns = text_list(raw.get("patterns"), where, "patterns", required=True)
        proposal_cues.append(ProposalCue(kind, form, compile_patterns(patterns, where)))
    stance_cues = []
    for where, raw in _entries(data, "stance_cues", source):
        stance = _choice(raw, "stance", tuple(s for s in STANCES if s != "proposes"), where)
        holder = _choice(raw, "holder", ("before", "after"), where)
        scope = _choice(raw, "scope", ("before", "after"), where)
        patterns = text_list(raw.get("patterns"), where, "patterns", required=True)
        joint = raw.get("joint", False)
        if not isinstance(joint, bool):
            raise KnowledgeError(f"{where}: joint must be true or false")
        stance_cues.append(
            StanceCue(stance, holder, scope, compile_patterns(patterns, where), joint)
        )

    def patterns(key: str, required: bool = True) -> tuple[re.Pattern[str], ...]:
        where = f"{source}: {key}"
        return compile_patterns(text_list(data.get(key), where, key, required=required), where)

    return Cues(
        version=version,
        kinds=kinds,
        proposal_cues=tuple(proposal_cues),
        stance_cues=tuple(stance_cues),
        anaphora=patterns("anaphora"),
        hypothetical=patterns("hypothetical"),
        clause_breaks=patterns("clause_breaks"),
        non_actor_roles=frozenset(
            r.lower()
            for r in text_list(
                data.get("non_actor_roles"), source, "non_actor_roles", required=False
            )
        ),
        abbreviations=frozenset(
            text_list(data.get("abbreviations"), source, "abbreviations", required=False)
        ),
        institution_sides=_institution_sides(data, source),
        presentation=patterns("presentation"),
        venue_prepositions=patterns("venue_prepositions"),
        collective_parties=patterns("collective_parties"),
        partitive=patterns("partitive"),
        readiness=patterns("readiness"),
        readiness_terms=frozenset(
            text_list(data.get("readiness_terms"), source, "readiness_terms", required=False)
        ),
        legal_statements=patterns("legal_statements"),
        state_bodies=tuple(
            text_list(data.get("state_bodies"), source, "state_bodies", required=False)
        ),
        negation=patterns("negation", required=False),
        possessed_others=patterns("possessed_others", required=False),
        judgment_verbs=patterns("judgment_verbs", required=False),
        material_support=patterns("material_support", required=False),
        located_bodies=patterns("located_bodies", required=False),
        official_speakers=patterns("official_speakers", required=False),
        unofficial_speakers=patterns("unofficial_speakers", required=False),
        belief_verbs=patterns("belief_verbs", required=False),
        hedges=patterns("hedges", required=False),
        content_frames=patterns("content_frames", required=False),
        disputed_claims=patterns("disputed_claims", required=False),
        commentators=patterns("commentators", required=False),
        official_of=patterns("official_of", required=False),
        questions=tuple(
            re.compile(q)
            for q in text_list(data.get("questions"), source, "questions", required=False)
        ),
        term_heads=_term_heads(data, source),
        **_other_conflicts(data, source),
    )


def _term_heads(
    data: dict[str, Any], source: str
) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    if "term_heads" not in data:
        return ()
    found = []
    for where, raw in _entries(data, "term_heads", source):
        codes = tuple(text_list(raw.get("codes"), where, "codes", required=True))
        for pattern in compile_patterns(
            text_list(raw.get("patterns"), where, "patterns", required=True), where
        ):
            found.append((pattern, codes))
    return tuple(found)


def _other_conflicts(data: dict[str, Any], source: str) -> dict[str, re.Pattern[str] | None]:
    """The two contexts in which a name of `other_conflicts` makes a term another war's: its
    complement ("in Gaza", "between Israel and Hamas") and its premodifier ("the Gaza truce")."""
    names = text_list(data.get("other_conflicts"), source, "other_conflicts", required=False)
    ours = text_list(data.get("this_conflict"), source, "this_conflict", required=False)
    this = re.compile(r"\b(?:" + "|".join(ours) + r")\b", re.IGNORECASE) if ours else None
    if not names:
        return {
            "other_conflict_after": None,
            "other_conflict_before": None,
            "other_conflict_any": None,
            "this_conflict": this,
        }
    where = f"{source}: other_conflicts"
    compile_patterns(names, where)  # each name must be a valid expression on its own
    alternation = "|".join(f"(?:{n})" for n in names)
    after = (
        r"^\s*(?:in|between|with|for|on|across|over|involving)\s+(?:the\s+)?"
        rf"(?:[\w’'-]+\s+){{0,2}}?(?:{alternation})\b"
    )
    before = rf"\b(?:{alternation})(?:[-–][\w-]+)?\s+(?:[\w-]+\s+)?$"
    return {
        "other_conflict_after": re.compile(after, re.IGNORECASE),
        "other_conflict_before": re.compile(before, re.IGNORECASE),
        "other_conflict_any": re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE),
        "this_conflict": this,
    }


def _institution_sides(
    data: dict[str, Any], source: str
) -> tuple[tuple[re.Pattern[str], str], ...]:
    raw = data.get("institution_sides") or {}
    where = f"{source}: institution_sides"
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v for k, v in raw.items()
    ):
        raise KnowledgeError(f"{where} must map patterns to side ids")
    compiled = compile_patterns(tuple(raw), where)
    return tuple(zip(compiled, raw.values(), strict=True))


def load_cues(directory: str | None = None) -> Cues:
    """The cue vocabulary shipped in the package (or in `directory`, for tests); one object per
    directory however it is called (see codebook.load_codebook)."""
    return _load_cues(directory)


@cache
def _load_cues(directory: str | None) -> Cues:
    source = f"knowledge/{CUES_FILE}"
    return parse_cues(read_yaml(knowledge_root(directory) / CUES_FILE, source), source)
