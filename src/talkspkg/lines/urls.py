"""URL lines (URL, anywhere) and a URL's host.

Layouts handled: "Original url:"/"Source:"/"URL:" (and like labels) with the URL on the line or
on the next one, and bare URL lines ("https://...", "<https://...>", "[text](https://...)");
"Source: Reuters" is no URL line but a credit.
"""

from __future__ import annotations

import re

_URL_LABEL_RE = re.compile(
    r"(?i)[*_]*+(?P<label>original\s+url|original\s+article|source\s+url|source|url|link|canonical"
    r"(?:\s+url)?)[*_]*\s*:[*_]*\s*(?P<rest>.*)"
)
_BARE_URL_RE = re.compile(
    r"<(?P<a>https?://[^\s<>]+)>|(?P<b>https?://\S+)|\[[^\]]*\]\((?P<c>https?://[^\s()]+)\)"
)
_HOST_RE = re.compile(r"(?i)https?://(?:[^@/\s]*@)?(?P<host>[^/:?#\s>]+)")


def _bare_url(s: str) -> str | None:
    m = _BARE_URL_RE.fullmatch(s)
    return (m["a"] or m["b"] or m["c"]) if m else None


def url_line(s: str) -> tuple[str | None, bool, bool] | None:
    """(URL stated, labelled?, label waits for the next line?) for a URL line, else None."""
    if ":" not in s:  # every URL line has one; spares two regexes on most lines
        return None
    if bare := _bare_url(s):
        return bare, False, False
    label = _URL_LABEL_RE.fullmatch(s)
    if label is None:
        return None
    rest_url = _bare_url(label["rest"])
    if label["rest"] and not rest_url and label["label"].lower() == "source":
        return None  # "Source: Reuters" is a credit
    return rest_url, True, not label["rest"]


def url_host(url: str | None) -> str:
    m = _HOST_RE.match(url or "")
    return m["host"].lower().removeprefix("www.") if m else ""
