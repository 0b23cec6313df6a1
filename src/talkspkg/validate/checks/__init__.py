"""Validation checks. Each is a small function `check(ctx) -> Iterator[Finding]`."""
