"""Docs that cannot drift: README sections generated from the models, the codebook and `--help`.

README.md calls these functions from cog blocks: `cog -r README.md` rewrites the sections in
place, and a test (`cog --check`) fails when the committed README differs.
"""

from __future__ import annotations

from talkspkg.schema.contracts import rules_of
from talkspkg.schema.models import MODELS
from talkspkg.schema.tableschema import columns, table_meta


def render_data_dictionary() -> str:
    lines: list[str] = []
    for table in MODELS:
        meta = table_meta(table)
        key = ", ".join(meta["primary_key"])
        lines += [f"### `{table}`", "", f"{meta['description']} Primary key: `{key}`.", ""]
        fks = {
            f: f"{fk['table']}.{r}"
            for fk in meta["foreign_keys"]
            for f, r in zip(fk["fields"], fk["reference"], strict=True)
        }
        lines += ["| column | type | required | description |", "|---|---|---|---|"]
        for c in columns(table):
            extra = []
            if c.name in fks:
                extra.append(f"FK → `{fks[c.name]}`")
            if "enum" in c.constraints:
                extra.append("one of " + ", ".join(f"`{v}`" for v in c.constraints["enum"]))
            note = f" ({'; '.join(extra)})" if extra else ""
            required = "yes" if c.required else ""
            lines.append(f"| `{c.name}` | {c.type} | {required} | {c.description}{note} |")
        lines.append("")
        rules = rules_of(table)
        if rules:
            lines += ["Checked by `talkspkg validate` beyond the types:", ""]
            lines += [f"- {rule}" for rule in rules]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_cli_reference() -> str:
    from click.testing import CliRunner

    from talkspkg.cli import main

    parts = []
    for args in ([], ["build"], ["validate"], ["pack"], ["diff"], ["describe"], ["site"]):
        result = CliRunner().invoke(main, [*args, "--help"], prog_name="talkspkg")
        parts += [
            f"`talkspkg {' '.join(args)} --help`".replace("  ", " "),
            "",
            "```",
            result.output.rstrip(),
            "```",
            "",
        ]
    return "\n".join(parts).rstrip() + "\n"


def render_codebook() -> str:
    from talkspkg.stages.proposals import codebook_markdown

    return codebook_markdown().rstrip() + "\n"
