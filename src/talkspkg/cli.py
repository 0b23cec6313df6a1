"""Command line: adapts the library, translates TalkspkgError into `Error: ...` and exit codes."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from talkspkg import __version__
from talkspkg.errors import TalkspkgError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="talkspkg")
def main() -> None:
    """Build and validate the talkspkg data package."""


@main.command()
@click.option(
    "--raw",
    "raw_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("raw"),
    show_default=True,
    help="Folder of raw .txt articles (and optional sources.yaml).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("."),
    show_default=True,
    help="Package folder to write (datapackage.json, data/, schemas/, raw/).",
)
@click.option(
    "--check",
    is_flag=True,
    help="Rebuild into a scratch folder and exit 1, naming the files, if the package is stale.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Annotation processes.  [default: all cores]",
)
def build(raw_dir: Path, out_dir: Path, check: bool, jobs: int | None) -> None:
    """Build the data package from the raw articles, atomically."""
    from talkspkg.build import BuildOptions, build_package, check_package

    options = BuildOptions(jobs=jobs or os.cpu_count() or 1)
    try:
        if check:
            stale = check_package(raw_dir, out_dir, options)
            if stale:
                click.echo(
                    f"Stale package in {out_dir}: {len(stale)} file(s) differ from a fresh build:"
                )
                for name in stale:
                    click.echo(f"  {name}")
                click.echo("Run 'talkspkg build' and commit the result.")
                sys.exit(1)
            click.echo(f"Package in {out_dir} is up to date.")
            return
        result = build_package(raw_dir, out_dir, options)
    except TalkspkgError as exc:
        raise click.ClickException(str(exc)) from exc
    counts = ", ".join(f"{name} {n}" for name, n in result.rows.items())
    click.echo(f"Built {out_dir / 'datapackage.json'}: {counts}")


@main.command()
@click.argument(
    "package_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("."),
)
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
def validate(package_dir: Path, as_json: bool) -> None:
    """Validate a package folder: exit 0 valid, 1 invalid, 2 usage error."""
    from talkspkg.validate import validate_package

    try:
        report = validate_package(package_dir)
    except TalkspkgError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(report.summary(limit=50))
    sys.exit(0 if report.valid else 1)
