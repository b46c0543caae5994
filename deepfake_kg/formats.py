"""The RDF formats the package reads and writes, declared once: load, export, release, describe and the app
all take their suffixes, rdflib names, media types and display names from here."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str  # what a user types: `deepfake-kg export --format ttl`
    suffix: str  # of the files written (".rdf" for RDF/XML)
    rdflib: str  # rdflib's parser / serializer name
    media_type: str
    display: str  # for people: "Turtle"
    dataset: bool = False  # holds named graphs (TriG, N-Quads), so both the asserted and the inferred graph
    readable: bool = True  # accepted in ontology/ and data/
    also: tuple[str, ...] = ()  # other suffixes read as this format


FORMATS = (
    Format("ttl", ".ttl", "turtle", "text/turtle", "Turtle"),
    # Not read from files: rdflib would fetch the remote @context documents a JSON-LD file names.
    Format("jsonld", ".jsonld", "json-ld", "application/ld+json", "JSON-LD", readable=False),
    Format("nt", ".nt", "nt", "application/n-triples", "N-Triples"),
    Format("xml", ".rdf", "xml", "application/rdf+xml", "RDF/XML", also=(".owl", ".xml")),
    Format("trig", ".trig", "trig", "application/trig", "TriG", dataset=True),
    Format("nq", ".nq", "nquads", "application/n-quads", "N-Quads", dataset=True),
)
BY_NAME = {f.name: f for f in FORMATS}
# A graph (not a dataset) is released in these; a dataset in the others.
GRAPH_FORMATS = tuple(f for f in FORMATS if not f.dataset)
DATASET_FORMATS = tuple(f for f in FORMATS if f.dataset)
# What `describe` writes: one resource's description, for a reader or a JSON-LD application.
DESCRIBE_FORMATS = ("ttl", "jsonld")


def by_name(name: str) -> Format:
    if name not in BY_NAME:
        raise ValueError(f"Unknown format {name!r}: choose one of {', '.join(BY_NAME)}.")
    return BY_NAME[name]


def for_suffix(suffix: str) -> Format | None:
    """The format a file with `suffix` is read as (only formats accepted from files), or None."""
    suffix = suffix.lower()
    return next((f for f in FORMATS if f.readable and suffix in (f.suffix, *f.also)), None)


def readable_suffixes() -> list[str]:
    return [s for f in FORMATS if f.readable for s in (f.suffix, *f.also)]
