"""Stage `proposals` on whole articles of our own (tests/data/articles/proposals*.yaml).

Single sentences are covered elsewhere (test_proposals_wording.py); these articles exercise what
only an article has: a holder named by a pronoun or description paragraphs after their name
("He also demanded ...", "The Kremlin leader insisted ..."), positions in first-person quotations
and transcript answers, a plan's provisions listed sentence after sentence after its author is
named, explainer and round-up sections ("What does Russia want?"), threats and conditions, and
sentences about another war or asked as questions. Every article is run through the per-article
pipeline (`pipeline.annotate`: mentions, quotes and their discourse model, meetings, proposals),
and scored as bench/score.py scores the gold: terms by (proposer, code), positions by (state,
stance, code), a person's position counting for their state. `proposals_stances.yaml` holds the
stance families (a passive with no agent, stance verbs inside another's demand, impersonal
refusals, ellipses, "dismissed ... as"); rows a known fault of another rule still gives are
listed under `known_false`, with the reason.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from talkspkg.kb import load_knowledge
from talkspkg.pipeline import annotate
from talkspkg.raw import RawFile
from talkspkg.stages.proposals.actors import country_ids

KB = load_knowledge()
ARTICLES: list[dict[str, Any]] = [
    article
    for path in sorted((Path(__file__).parent / "data" / "articles").glob("proposals*.yaml"))
    for article in yaml.safe_load(path.read_text(encoding="utf-8"))
]


@cache
def found(article_id: str) -> tuple[frozenset[str], frozenset[str]]:
    """The terms ("proposer code") and positions ("state stance code") of one article."""
    (article,) = (a for a in ARTICLES if a["id"] == article_id)
    raw = RawFile(Path(f"raw/{article_id}.txt"), article_id, article["text"], "")
    result = annotate(raw, {}, KB)
    states = country_ids(KB)
    terms, positions = set(), set()
    for e in result.evidence:
        if e.proposer_id:
            terms.add(f"{e.proposer_id} {e.code}")
        entity = KB.entities.get(e.entity_id) or result.discovered.get(e.entity_id)
        holder = e.entity_id
        if entity is not None and entity.entity_type == "person" and entity.country:
            holder = states.get(entity.country, holder)
        positions.add(f"{holder} {e.stance} {e.code}")
    return frozenset(terms), frozenset(positions)


@pytest.mark.parametrize("article", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_the_terms_and_positions_a_coder_finds_are_found(article: dict[str, Any]) -> None:
    terms, positions = found(article["id"])
    assert set(article.get("terms") or []) <= terms
    assert set(article.get("positions") or []) <= positions


@pytest.mark.parametrize("article", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_no_row_a_coder_would_not_state(article: dict[str, Any]) -> None:
    terms, positions = found(article["id"])
    allowed = {
        *(article.get("terms") or []),
        *(article.get("positions") or []),
        *(article.get("either") or []),
        *(article.get("missing") or []),  # right rows the annotator does not find yet
        *(article.get("known_false") or []),
    }
    assert terms - allowed == set()
    assert positions - allowed == set()


def test_the_articles_are_several_paragraphs_long() -> None:
    for article in ARTICLES:
        paragraphs = [p for p in article["text"].split("\n\n") if p.strip()]
        assert len(paragraphs) >= 5, article["id"]


# ------------------------------------------------ codebook wordings, one sentence each

WORDINGS = [
    (
        "Kyiv wants a ceasefire of at least 30 days before any talks on territory.",
        ("ukraine", "proposes", "ceasefire.temporary"),
    ),
    (
        "Moscow proposed a ceasefire of two to three days in some areas of the front.",
        ("russia", "proposes", "ceasefire.temporary"),
    ),
    ("Ukraine proposed a month-long truce.", ("ukraine", "proposes", "ceasefire.temporary")),
    ("Ukraine proposed a truce lasting 30 days.", ("ukraine", "proposes", "ceasefire.temporary")),
    (
        "Ukraine called for a 30-day cessation of hostilities.",
        ("ukraine", "proposes", "ceasefire.temporary"),
    ),
    (
        "Russia says Western sanctions must be lifted as part of any deal.",
        ("russia", "proposes", "sanctions.relief"),
    ),
    (
        "Moscow is demanding the lifting of Western sanctions.",
        ("russia", "proposes", "sanctions.relief"),
    ),
    (
        "Russia wants the removal of sanctions on its banks.",
        ("russia", "proposes", "sanctions.relief"),
    ),
    ("The Kremlin demanded an easing of sanctions.", ("kremlin", "proposes", "sanctions.relief")),
    (
        "Moscow wants sanctions on its agricultural exports lifted.",
        ("russia", "proposes", "sanctions.relief"),
    ),
    (
        "Washington wants a deal on Ukraine's mineral resources.",
        ("united-states", "proposes", "economy.minerals_deal"),
    ),
    (
        "Trump pressed for a deal giving the US a share of Ukraine's mineral wealth.",
        ("united-states", "proposes", "economy.minerals_deal"),
    ),
    (
        "Zelensky called for a meeting between the presidents before the end of June.",
        ("ukraine", "proposes", "process.direct_talks"),
    ),
    ("Zelensky proposed a meeting with Putin.", ("ukraine", "proposes", "process.direct_talks")),
    ("Zelensky called for a leaders' meeting.", ("ukraine", "proposes", "process.direct_talks")),
    (
        "Kyiv proposed a meeting at the level of leaders.",
        ("ukraine", "proposes", "process.direct_talks"),
    ),
    (
        "Zelensky proposed a three-way meeting with Trump and Putin.",
        ("ukraine", "proposes", "process.direct_talks"),
    ),
    (
        "Zelensky proposed a trilateral meeting of leaders.",
        ("ukraine", "proposes", "process.direct_talks"),
    ),
    (
        "Moscow demanded that Kyiv withdraw its forces from the four regions Moscow claims.",
        ("russia", "proposes", "territory.cession"),
    ),
    (
        "Russia demands Ukraine's withdrawal from Donbas.",
        ("russia", "proposes", "territory.cession"),
    ),
    (
        "Moscow demands a Ukrainian pullout from the Donetsk region.",
        ("russia", "proposes", "territory.cession"),
    ),
    (
        "Russia demands that Ukraine hand over the rest of Donetsk.",
        ("russia", "proposes", "territory.cession"),
    ),
    (
        "Moscow insists that Ukraine surrender the territory it still holds in Donetsk.",
        ("russia", "proposes", "territory.cession"),
    ),
    (
        "Russia demanded the withdrawal of Ukrainian troops from the Donbas.",
        ("russia", "proposes", "territory.cession"),
    ),
    (
        "Moscow demands that Kyiv give up the rest of the Donbas.",
        ("russia", "proposes", "territory.cession"),
    ),
    ("Kyiv wants Western security commitments.", ("ukraine", "proposes", "security.guarantees")),
    (
        "Kyiv wants a security pact with the United States.",
        ("ukraine", "proposes", "security.guarantees"),
    ),
    (
        "Zelensky called for guarantees modelled on Nato's Article 5.",
        ("ukraine", "proposes", "security.guarantees"),
    ),
    (
        "Zelensky called for Article 5-style protection.",
        ("ukraine", "proposes", "security.guarantees"),
    ),
    (
        "Zelensky demanded security assurances from the West.",
        ("ukraine", "proposes", "security.guarantees"),
    ),
    (
        "Russia demands a guarantee that Ukraine will never join Nato.",
        ("russia", "proposes", "security.nato_membership"),
    ),
    (
        "Moscow wants Ukraine to renounce Nato membership.",
        ("russia", "proposes", "security.nato_membership"),
    ),
    (
        "The Kremlin demands Ukraine's neutrality.",
        ("kremlin", "proposes", "security.nato_membership"),
    ),
    (
        "Russia demands that Ukraine drop its bid for NATO membership.",
        ("russia", "proposes", "security.nato_membership"),
    ),
    (
        "Russia wants a legally binding pledge that Kyiv will not join NATO.",
        ("russia", "proposes", "security.nato_membership"),
    ),
    (
        "Russia demanded that Kyiv abandon its ambition to join Nato.",
        ("russia", "proposes", "security.nato_membership"),
    ),
    (
        "Moscow demands a cap on the size of Ukraine's military.",
        ("russia", "proposes", "security.army_limits"),
    ),
    (
        "Moscow wants limits on Ukraine's armed forces.",
        ("russia", "proposes", "security.army_limits"),
    ),
    (
        "Russia wants Ukraine to cut the size of its army.",
        ("russia", "proposes", "security.army_limits"),
    ),
    (
        "Russia demands the demilitarization of Ukraine.",
        ("russia", "proposes", "security.army_limits"),
    ),
    (
        "Russia demanded a reduction of Ukraine's army to 85,000 troops.",
        ("russia", "proposes", "security.army_limits"),
    ),
    (
        "Russia demands new presidential elections in Ukraine.",
        ("russia", "proposes", "political.elections"),
    ),
    (
        "Moscow demands that Ukraine hold a presidential election.",
        ("russia", "proposes", "political.elections"),
    ),
    ("Putin called for fresh elections in Ukraine.", ("russia", "proposes", "political.elections")),
    (
        "Putin has called for a vote in Ukraine before any deal is signed.",
        ("russia", "proposes", "political.elections"),
    ),
    (
        "Kyiv wants frozen Russian assets to be used for its defence.",
        ("ukraine", "proposes", "economy.frozen_assets"),
    ),
    (
        "Zelensky called for the confiscation of Russia's frozen assets.",
        ("ukraine", "proposes", "economy.frozen_assets"),
    ),
    (
        "Zelensky urged the EU to use Russia's immobilised assets.",
        ("ukraine", "proposes", "economy.frozen_assets"),
    ),
    (
        "Zelensky called for a reparations loan backed by Russian assets.",
        ("ukraine", "proposes", "economy.frozen_assets"),
    ),
    (
        "Kyiv wants the frozen Russian central bank reserves.",
        ("ukraine", "proposes", "economy.frozen_assets"),
    ),
    (
        "Moscow wants recognition of Crimea as Russian.",
        ("russia", "proposes", "territory.crimea_recognition"),
    ),
    (
        "Russia demands international recognition of its sovereignty over Crimea.",
        ("russia", "proposes", "territory.crimea_recognition"),
    ),
    (
        "Russia demands recognition of the four annexed regions as Russian.",
        ("russia", "proposes", "territory.occupied_control_recognition"),
    ),
    (
        "Russia demands recognition of its annexation of four Ukrainian regions.",
        ("russia", "proposes", "territory.occupied_control_recognition"),
    ),
    (
        "Kyiv proposed an exchange of all prisoners.",
        ("ukraine", "proposes", "humanitarian.prisoner_exchange"),
    ),
    (
        "Kyiv proposed freeing all prisoners of war.",
        ("ukraine", "proposes", "humanitarian.prisoner_exchange"),
    ),
    ("Kyiv proposed a swap of POWs.", ("ukraine", "proposes", "humanitarian.prisoner_exchange")),
    (
        "Kyiv called for the release of all captured Ukrainians.",
        ("ukraine", "proposes", "humanitarian.prisoner_exchange"),
    ),
    (
        "Kyiv demanded the return of abducted Ukrainian children.",
        ("ukraine", "proposes", "humanitarian.children_return"),
    ),
    (
        "Kyiv demanded that Russia return the children it has taken.",
        ("ukraine", "proposes", "humanitarian.children_return"),
    ),
    (
        "Britain proposed sending troops to Ukraine after a ceasefire.",
        ("united-kingdom", "proposes", "security.foreign_contingent"),
    ),
    (
        "Kyiv wants European troops stationed in Ukraine.",
        ("ukraine", "proposes", "security.foreign_contingent"),
    ),
    (
        "Britain proposed a multinational force for Ukraine.",
        ("united-kingdom", "proposes", "security.foreign_contingent"),
    ),
    ("Kyiv asked for more Patriot systems.", ("ukraine", "proposes", "security.military_aid")),
    ("Kyiv asked for Tomahawk missiles.", ("ukraine", "proposes", "security.military_aid")),
    (
        "Russia demands an end to Western arms supplies to Ukraine.",
        ("russia", "proposes", "security.military_aid"),
    ),
    (
        "Russia demands a halt to weapons deliveries to Kyiv.",
        ("russia", "proposes", "security.military_aid"),
    ),
    (
        "Russia proposed freezing the war along the current front.",
        ("russia", "proposes", "territory.freeze_front_line"),
    ),
    (
        "Zelensky proposed stopping the war along the line of contact.",
        ("ukraine", "proposes", "territory.freeze_front_line"),
    ),
    (
        "Kyiv proposed a freeze of the front line.",
        ("ukraine", "proposes", "territory.freeze_front_line"),
    ),
    (
        "Kyiv proposed a moratorium on strikes on energy facilities.",
        ("ukraine", "proposes", "ceasefire.partial"),
    ),
    ("Kyiv proposed an air truce.", ("ukraine", "proposes", "ceasefire.partial")),
    ("Kyiv proposed an energy truce.", ("ukraine", "proposes", "ceasefire.partial")),
    ("Kyiv proposed a total cessation of hostilities.", ("ukraine", "proposes", "ceasefire.full")),
    (
        "Kyiv proposed a ceasefire across the entire front line.",
        ("ukraine", "proposes", "ceasefire.full"),
    ),
    ("Kyiv proposed an unconditional ceasefire.", ("ukraine", "proposes", "ceasefire.full")),
    (
        "Washington proposed turning the Donbas into a demilitarised zone.",
        ("united-states", "proposes", "territory.demilitarized_zone"),
    ),
    (
        "Washington proposed a free economic zone in the Donbas.",
        ("united-states", "proposes", "territory.demilitarized_zone"),
    ),
    (
        "Russia wants a peace agreement before any ceasefire.",
        ("russia", "proposes", "process.sequencing"),
    ),
    (
        "Moscow wants a comprehensive settlement first, then a ceasefire.",
        ("russia", "proposes", "process.sequencing"),
    ),
    (
        "Moscow insists a ceasefire can come only after a final peace deal.",
        ("russia", "proposes", "process.sequencing"),
    ),
]


@pytest.mark.parametrize(("text", "row"), WORDINGS)
def test_a_provision_worded_as_a_noun_phrase_is_coded(text: str, row: tuple[str, str, str]) -> None:
    """Each main code in varied noun-phrase wordings (a proposing verb before it), as articles
    state provisions: one row, with the holder's state, the stance and the code."""
    raw = RawFile(Path("raw/x.txt"), "x", "Talks resume\n\n" + text + "\n", "")
    states = country_ids(KB)
    rows = set()
    for e in annotate(raw, {}, KB).evidence:
        entity = KB.entities.get(e.entity_id)
        holder = e.entity_id
        if entity is not None and entity.entity_type == "person" and entity.country:
            holder = states.get(entity.country, holder)
        rows.add((holder, e.stance, e.code))
    assert rows == {row}
