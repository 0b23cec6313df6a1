"""Library errors. The CLI turns every TalkspkgError into a one-line message and exit code."""


class TalkspkgError(Exception):
    """Base class of every error the library raises on bad input."""


class RawInputError(TalkspkgError):
    """A file in the raw folder cannot be read as an article (names the file, byte or line)."""


class KnowledgeError(TalkspkgError):
    """A knowledge file (entities, codebook, speech verbs) is malformed."""


class BuildError(TalkspkgError):
    """The build could not produce a package; the previous package is left untouched."""


class PackageError(TalkspkgError):
    """A package folder cannot be opened for validation at all (usage error)."""
