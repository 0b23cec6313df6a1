"""talkspkg: an exact, auditable data package about the 2025 Russia-Ukraine peace diplomacy."""

__version__ = "0.1.0"
