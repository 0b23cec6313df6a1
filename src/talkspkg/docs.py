"""Docs that cannot drift: README sections generated from the models and from `--help`.

`python -m talkspkg.docs` rewrites the generated sections of README.md in place; a test fails
when the committed README differs from what this module renders.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

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
    return "\n".join(lines).rstrip() + "\n"


def render_cli_reference() -> str:
    from click.testing import CliRunner

    from talkspkg.cli import main

    parts = []
    for args in ([], ["build"], ["validate"], ["pack"], ["diff"], ["describe"]):
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


SECTIONS: dict[str, Callable[[], str]] = {
    "data-dictionary": render_data_dictionary,
    "codebook": render_codebook,
    "cli-reference": render_cli_reference,
}


def render_readme(text: str) -> str:
    for name, render in SECTIONS.items():
        pattern = re.compile(rf"(<!-- BEGIN {name} -->\n).*?(<!-- END {name} -->)", re.DOTALL)
        if not pattern.search(text):
            raise ValueError(f"README.md lacks the markers of section {name!r}")
        text = pattern.sub(lambda m, r=render: m.group(1) + r() + m.group(2), text)
    return text


def main(argv: list[str] | None = None) -> int:
    readme = Path(argv[0] if argv else "README.md")
    current = readme.read_text("utf-8")
    updated = render_readme(current)
    if updated != current:
        readme.write_text(updated, "utf-8")
        print(f"updated {readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
