"""Error types. The CLI maps them to exit codes: 0 ok, 1 data does not conform, 2 error."""

from __future__ import annotations

__all__ = [
    "KglawError",
    "ParseError",
    "ShapeViolation",
    "QueryError",
    "EndpointError",
    "StoreError",
    "IdentifierError",
]


class KglawError(Exception):
    """Base of every error kglaw raises on purpose. The CLI prints ``str(err)`` on one line."""

    exit_code = 2


class ParseError(KglawError):
    """A text could not be read. Carries the file and (when known) the 1-based line."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.file = file
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


class IdentifierError(KglawError, ValueError):
    """A string is not a kglaw identifier (IRI, adilet code or ``type/date/number``)."""


class ShapeViolation(KglawError):
    """The graph does not conform to the shapes (exit code 1, as pySHACL)."""

    exit_code = 1


class QueryError(KglawError):
    """A saved query is missing, malformed, or was given bad parameters."""


class EndpointError(KglawError):
    """A remote SPARQL endpoint or graph store failed."""


class StoreError(KglawError):
    """The embedded store could not be opened, read or written."""
