"""Errors a user can act on: each carries one clear sentence, and the CLI turns it into exit code 2."""


class KGError(Exception):
    """Base class for every error the package reports to a user."""


class DataFileError(KGError):
    """A data or ontology file could not be read."""


class InconsistentGraph(KGError):
    """Reasoning found a contradiction; the message names the resources involved."""


class UnknownPlatformType(KGError):
    def __init__(self, text: str, suggestions: list[str]):
        self.text, self.suggestions = text, suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"Unknown platform type {text!r}.{hint}")


class QueryError(KGError):
    """A SPARQL query was refused, failed, or timed out."""


class QueryTimeout(QueryError):
    """A query ran longer than its time limit and was stopped; `seconds` is the limit, for messages in words."""

    def __init__(self, message: str, seconds: float):
        self.seconds = seconds
        super().__init__(message)


class QueryNotAllowed(QueryError):
    """A well-formed query that the read-only, no-federation query path refuses (updates, SERVICE, FROM)."""


class QueryTooLarge(QueryError):
    """A query over the size or nesting limit."""


class EndpointError(KGError):
    """A remote SPARQL endpoint could not be reached or answered with something unusable."""


class ServerError(KGError):
    """The local Oxigraph server could not be loaded, started or stopped."""


class PublishError(KGError):
    """A graph could not be stored in a SPARQL 1.1 Graph Store Protocol endpoint."""


class ReleaseError(KGError):
    """The release files in dist/ could not be written or checked."""


class UnknownResource(KGError):
    """An IRI (or CURIE) names no resource in the graph."""
