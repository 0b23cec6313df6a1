"""Command line: adapts the library, translates TalkspkgError into `Error: ...` and exit codes."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

import click

from talkspkg import __version__
from talkspkg.cache import DEFAULT_DIR as DEFAULT_CACHE_DIR
from talkspkg.errors import TalkspkgError

# Arrow's allocator in a build: the C library's malloc, not pyarrow's default mimalloc. What a
# table frees stays with mimalloc, out of reach of the Python objects the next step makes, so
# the build's peak RSS would add the high-water marks of both (it makes Arrow tables and
# Python objects in turn: row groups, corpus-stage inputs, corpus tables); from malloc both
# draw on one heap, and a large buffer goes back to the system when freed (BENCHMARKS.md, the
# build's memory). Arrow reads the variable once, at its first allocation: it is set before
# the build imports pyarrow, unless the user chose a pool.
ARROW_POOL_VARIABLE = "ARROW_DEFAULT_MEMORY_POOL"
BUILD_ARROW_POOL = "system"


def _arrow_without_pandas() -> None:
    """Have pyarrow take pandas as absent in this process, when nothing has imported it yet.

    pyarrow imports pandas the first time it converts a Python value (a list, a scalar given
    to a compute function), only to ask whether the value is a pandas object, and remembers
    the answer: 0.26-0.29 s of CPU, on a command the issue #18 wants within 2.5 s at 10,000
    articles (BENCHMARKS.md). `talkspkg validate` checks with Arrow alone and never holds a
    pandas object, nor does `talkspkg build` (its tables are made from Python values and
    Arrow; with --scheduler, Dask may bring pandas along), so each lets that one probe fail;
    `import pandas` works again right after, and pyarrow imports pandas itself when asked for
    one (`to_pandas`)."""
    if "pandas" in sys.modules:
        return
    import pyarrow as pa

    sys.meta_path.insert(0, _NoPandas())
    try:
        pa.array([])  # pyarrow's one try at importing pandas
    finally:
        sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _NoPandas)]


class _NoPandas:
    """An import finder that refuses pandas (while `_arrow_without_pandas` runs)."""

    def find_spec(self, name: str, *_: object) -> None:
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)


def fail(message: str) -> NoReturn:
    """The one way a command reports a usage or input error: one line, exit 2."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(2)


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
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option(
    "--force",
    is_flag=True,
    help="Replace data/, schemas/ and raw/ even if they hold files the build did not write.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Annotation processes.  [default: all cores]",
)
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_CACHE_DIR,
    show_default=True,
    help="Per-article annotation cache: only new or changed articles are annotated again.",
)
@click.option("--no-cache", is_flag=True, help="Annotate every article; read and write no cache.")
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Annotate on the workers of this Dask scheduler (tcp://HOST:PORT; needs "
    "talkspkg[dask]) instead of --jobs processes; the corpus stages run here.",
)
def build(
    raw_dir: Path,
    out_dir: Path,
    check: bool,
    quiet: bool,
    force: bool,
    jobs: int | None,
    cache_dir: Path,
    no_cache: bool,
    scheduler: str | None,
) -> None:
    """Build the data package from the raw articles, atomically.

    Exit codes: 0 built (or current, with --check), 1 stale (--check), 2 cannot build (bad raw
    input, an output folder that cannot be written, files the build would delete).

    \b
    Example:
      talkspkg build --raw raw --out . && talkspkg validate
    """
    os.environ.setdefault(ARROW_POOL_VARIABLE, BUILD_ARROW_POOL)  # before pyarrow is imported
    if scheduler is None:  # the build makes Arrow tables from Python values, never from pandas
        _arrow_without_pandas()
    from talkspkg.build import BuildOptions, build_package, check_package

    options = BuildOptions(
        jobs=jobs or os.cpu_count() or 1,
        force=force,
        cache_dir=None if no_cache else cache_dir,
        scheduler=scheduler,
    )
    bar = None
    if not quiet and not check and sys.stderr.isatty():  # a bar only where a person watches
        from talkspkg.raw import article_paths

        if raw_dir.is_dir():
            bar = click.progressbar(
                length=len(article_paths(raw_dir)), label="Annotating", file=sys.stderr
            )
            options = replace(options, progress=bar.update)
    try:
        if check:
            if not (out_dir / "datapackage.json").is_file():
                click.echo(f"No package in {out_dir} (no datapackage.json): run 'talkspkg build'.")
                sys.exit(1)
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
        if bar is not None:
            with bar:
                result = build_package(raw_dir, out_dir, options)
        else:
            result = build_package(raw_dir, out_dir, options)
    except TalkspkgError as exc:
        fail(str(exc))
    if not quiet:
        counts = ", ".join(f"{name} {n}" for name, n in result.rows.items())
        click.echo(f"Built {out_dir / 'datapackage.json'}: {counts}")


@main.command()
@click.argument("package", default=".")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default=None,
    help="text (default), json (as --json), or github: one GitHub Actions annotation per finding.",
)
def validate(package: str, as_json: bool, fmt: str | None) -> None:
    """Validate a package: exit 0 valid, 1 invalid, 2 usage or input error.

    PACKAGE is a folder, a path to its datapackage.json, a .zip, or an http(s) URL of a zip or
    of a datapackage.json (default: the current folder).

    \b
    Example:
      talkspkg validate talkspkg-1.0.0.zip --json
    """
    _arrow_without_pandas()
    from talkspkg.validate import validate_package
    from talkspkg.validate.source import open_package

    as_json = as_json or fmt == "json"
    try:
        with open_package(package) as folder:
            report = validate_package(folder)
            report.package = package
    except TalkspkgError as exc:
        if as_json:
            click.echo(json.dumps({"package": package, "valid": False, "error": str(exc)}))
        fail(str(exc))
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    elif fmt == "github":
        click.echo(report.github())
    else:
        click.echo(report.summary(limit=50))
    sys.exit(0 if report.valid else 1)


@main.command()
@click.argument("package_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("."))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("dist"),
    show_default=True,
    help="Folder to write talkspkg-<version>.zip and its .sha256 into.",
)
def pack(package_dir: Path, out_dir: Path) -> None:
    """Pack a valid package into a deterministic release zip (exit 2 if it cannot).

    \b
    Example:
      talkspkg build && talkspkg pack --out dist
    """
    from talkspkg.pack import pack_package

    try:
        packed = pack_package(package_dir, out_dir)
    except TalkspkgError as exc:
        fail(str(exc))
    click.echo(f"Packed {packed.zip_path} ({packed.members} files), sha256 {packed.sha256}")


@main.command()
@click.argument("old")
@click.argument("new")
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="Changed rows shown per table.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="markdown suits a pull-request comment.",
)
def diff(old: str, new: str, limit: int, fmt: str) -> None:
    """What changed from OLD to NEW (folders, zips or URLs), and the SemVer bump it calls for.

    Rows are matched by primary key: added, removed, changed (with before and after values);
    columns added, removed or retyped. Bump: major (a table or column removed or retyped),
    minor (tables, columns or rows added), patch (values corrected, rows removed).

    \b
    Example:
      talkspkg diff talkspkg-0.1.0.zip . --format markdown
    """
    from contextlib import ExitStack

    from talkspkg.diff import diff_packages, render_text
    from talkspkg.validate.source import open_package

    try:
        with ExitStack() as stack:
            old_root = stack.enter_context(open_package(old))
            new_root = stack.enter_context(open_package(new))
            result = diff_packages(old_root, new_root, limit, old, new)
    except (TalkspkgError, OSError, ValueError) as exc:
        fail(str(exc))
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(result, markdown=fmt == "markdown"), nl=False)


@main.command()
@click.argument("package", default=".")
@click.option("--json", "as_json", is_flag=True, help="Print the description as JSON.")
def describe(package: str, as_json: bool) -> None:
    """Tables, rows, columns, keys, version, ruleset and coverage of a package.

    \b
    Example:
      talkspkg describe talkspkg-0.2.0.zip --json
    """
    from talkspkg.describe import describe_package, render_text
    from talkspkg.validate.source import open_package

    try:
        with open_package(package) as root:
            info = describe_package(root)
    except (TalkspkgError, OSError, ValueError, KeyError) as exc:
        said = str(exc)  # an error that already names the package is not prefixed twice
        fail(said if said.startswith(f"{package}:") else f"{package}: cannot be described: {said}")
    click.echo(
        json.dumps(info, indent=2, ensure_ascii=False) if as_json else render_text(info), nl=as_json
    )


@main.command()
@click.argument("package", default=".")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("site"),
    show_default=True,
    help="Folder to write the site into (index.html, articles/, assets/, the package files).",
)
def site(package: str, out_dir: Path) -> None:
    """Write a static explorer of PACKAGE (folder, zip, descriptor or URL): plain files that
    work from file:// with no server and no network (exit 2 if it cannot).

    \b
    Example:
      talkspkg site . --out site && open site/index.html
    """
    from talkspkg.site import build_site
    from talkspkg.validate.source import open_package

    try:
        with open_package(package) as root:
            result = build_site(root, out_dir)
    except TalkspkgError as exc:
        fail(str(exc))
    click.echo(f"Wrote {result.pages} pages to {out_dir / 'index.html'} ({result.files} files)")
