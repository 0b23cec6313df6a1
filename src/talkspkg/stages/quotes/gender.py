"""What the article says about a person's gender, for "he" and "she" only.

Evidence, from the article and the knowledge files alone (never guessed from anything else):
- the given name: the first word of the person's name in `given_names` of quote_cues.yaml
  (common given names only; a name in neither list tells nothing);
- an honorific before a mention ("Mr Laine", "Ms. Saar", "Dame", "Sir");
- a gendered role noun in the person's role ("spokeswoman", "chairman").
Evidence that disagrees tells nothing. The discourse model (discourse.py) uses it only to
reject an antecedent the pronoun contradicts ("Kaja Kallas met Mark Rutte. "...," he said.":
not Kallas), never to pick one by gender alone unless exactly one person of the passage fits.
"""

from __future__ import annotations

from talkspkg.stages.quotes.context import Context

FEMALE, MALE = "f", "m"
_PRONOUNS = {"he": MALE, "his": MALE, "him": MALE, "she": FEMALE, "her": FEMALE}


def pronoun_gender(ctx: Context, pos: int) -> str | None:
    """The gender of the pronoun at offset `pos` ("he", "She", "his")."""
    word = ""
    for ch in ctx.article.text[pos : pos + 4]:
        if not ch.isalpha():
            break
        word += ch.lower()
    return _PRONOUNS.get(word)


def gender_of(ctx: Context, entity_id: str | None) -> str | None:
    if entity_id is None:
        return None
    if ctx.genders is None:
        ctx.genders = _genders(ctx)
    return ctx.genders.get(entity_id)


def _genders(ctx: Context) -> dict[str, str]:
    cues, text = ctx.cues, ctx.article.text
    seen: dict[str, set[str]] = {}
    for ref in ctx.prose_refs:
        if ref.entity_type != "person":
            continue
        found = seen.setdefault(ref.entity_id, set())
        before = text[max(0, ref.start - 6) : ref.start].split()
        if before:
            honorific = cues.gendered_honorifics.get(before[-1].rstrip(".").lower())
            if honorific:
                found.add(honorific)
    for entity_id, found in seen.items():
        entity = ctx.entities.get(entity_id)
        if entity is None:
            continue
        first = entity.name.split()[0].lower() if entity.name.split() else ""
        if first in cues.given_names:
            found.add(cues.given_names[first])
        for word in (entity.role or "").lower().replace("-", " ").split():
            if word in cues.gendered_roles:
                found.add(cues.gendered_roles[word])
    return {e: next(iter(g)) for e, g in seen.items() if len(g) == 1}
