"""A report's source is not the speaker when a speech cue with a named speaker governs the
quotation: "X told Y that ... “...”, according to a readout" is X's; with no such cue the
source speaks ("The leaders agreed “...”, according to a readout"; "“...,” X said, according to
a transcript" stays X's). Sentences written for this test; see stages/quotes/cues_attr.py
(`_governing_before`)."""

from __future__ import annotations

import pytest
from quote_sets import annotate

CASES = [
    (
        'Marco Rubio told Sergei Lavrov that Washington wanted "an end to the killing", '
        "according to a State Department readout.",
        "marco-rubio",
    ),
    (
        'Hakan Fidan said Ankara was ready to host "a third round at any time", according to '
        "the Anadolu news agency.",
        "hakan-fidan",
    ),
    (
        'President Alexander Stubb warned that Europe would pay "a very high price" for '
        "a bad deal, according to Finnish public broadcaster Yle.",
        "alexander-stubb",
    ),
    # the source set off by commas between the speaker and the cue
    (
        "Sergei Lavrov, according to the Russian foreign ministry, told Marco Rubio that Moscow "
        'was "ready to continue the dialogue".',
        "sergei-lavrov",
    ),
    (
        'Andrii Sybiha, according to Ukrinform, said Kyiv would "never trade land for a pause".',
        "andrii-sybiha",
    ),
    # a source opening the sentence: the speaker its clause names
    (
        'According to the Kremlin, Vladimir Putin told Donald Trump that Russia was "open to '
        'dialogue".',
        "vladimir-putin",
    ),
    # no speech cue governs: the source speaks
    (
        'The two leaders agreed that the war "must end with a lasting peace", according to the '
        "Kremlin.",
        "kremlin",
    ),
    # the cue after the quotation is the speaker's; the source only reports it
    (
        '"We will not negotiate against ourselves," Vladimir Putin said, according to a '
        "transcript released by the Kremlin.",
        "vladimir-putin",
    ),
]


@pytest.mark.parametrize(("paragraph", "speaker"), CASES)
def test_according_to_after_a_governed_quotation_is_the_source_not_the_speaker(
    paragraph: str, speaker: str
) -> None:
    assert [r.speaker_id for r in annotate(paragraph)] == [speaker]
