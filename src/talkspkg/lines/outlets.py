"""Outlets: whether a text names one, and the outlet a byline, a credit or a URL's host names.

Policy:

* An outlet-like text is a known outlet or a capitalised name that ends in an OUTLET_WORDS word
  ("Nordic Wire", not "The Times reports").
* A byline or "Source:" credit names an outlet when it is a known one ("By Xinhua") or reads
  "<Outlet> Reporter/Staff/Correspondent" where <Outlet> is known or contains an OUTLET_WORDS
  word ("Moscow Times"); a URL names the outlet of its host (OUTLET_HOSTS). Known names are
  canonicalised ("AP" -> "The Associated Press"), others kept as written. "Staff, Agencies"
  names no outlet.
"""

from __future__ import annotations

import re

from talkspkg.lines.knowledge import OUTLET_HOSTS, OUTLET_NAMES, OUTLET_WORDS, name_key
from talkspkg.lines.urls import url_host

_CREDIT_SPLIT_RE = re.compile(r"\s*(?:,|;|\||/|&|\band\b|\bfor\b)\s*")
_REPORTER_RE = re.compile(
    r"(?P<x>.+?)\s+(?:staff(?:\s+writers?)?|reporters?|correspondents?|desk|newsroom|team)", re.I
)


def outlet_like(s: str) -> bool:
    """A known outlet, or a capitalised name holding an OUTLET_WORDS word ("Nordic Wire")."""
    s = " ".join(s.strip("*_ .").split()).removeprefix("the ").removeprefix("The ")
    if name_key(s) in OUTLET_NAMES:
        return True
    words = s.split()  # ends in the outlet word: "Nordic Wire", not "The Times reports"
    return 0 < len(words) <= 5 and s[0].isupper() and words[-1] in OUTLET_WORDS


def named_outlet(credit: str | None) -> str | None:
    """Outlet named in a byline or source credit: a known outlet or "<Outlet> Reporter"."""
    for part in (credit, *_CREDIT_SPLIT_RE.split(credit)) if credit else ():
        if (key := name_key(part)) in OUTLET_NAMES:
            return OUTLET_NAMES[key]
        if m := _REPORTER_RE.fullmatch(part):
            if (key := name_key(m["x"])) in OUTLET_NAMES:
                return OUTLET_NAMES[key]
            if m["x"][0].isupper() and OUTLET_WORDS.intersection(m["x"].split()):
                return " ".join(m["x"].split())
    return None


def host_outlet(url: str | None) -> str | None:
    host = url_host(url)
    return next((v for k, v in OUTLET_HOSTS.items() if host == k or host.endswith("." + k)), None)
