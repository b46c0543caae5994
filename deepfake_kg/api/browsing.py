"""Browsing and naming: labels, one resource's statements and neighbourhood, the trees of instruments and
classes, a provision's wording, full-text search, and the graph's counts and citation."""
from __future__ import annotations

from rdflib import URIRef

from .. import about as _about, browse as _browse, entities as _entities
from ..about import Citation
from ..browse import TreeNode
from ..entities import Edge, Entity, ProvisionText, Statement
from ..build import KnowledgeGraph
from ..reading import PropertyRow
from ..search import SearchResult
from ..terms import Link, Passage
from ..vocabulary import Vocabulary
from .graph import the_graph


def label(iri, lang: str = "en", *, kg: KnowledgeGraph | None = None) -> str:
    from ..terms import label as find

    return find(the_graph(kg).closure, URIRef(str(iri)), lang)


def link(iri, lang: str = "en", *, kg: KnowledgeGraph | None = None) -> Link:
    return Link(str(iri), label(iri, lang, kg=kg))


def passage(iri, *, kg: KnowledgeGraph | None = None) -> Passage:
    """The passage of the paper `iri` (a dfk:Passage): its section and its verbatim quotation."""
    from ..terms import passage as find

    return find(the_graph(kg).closure, URIRef(str(iri)))


def entity(iri, lang: str = "en", incoming_limit: int = 300, *, kg: KnowledgeGraph | None = None) -> Entity:
    """Every statement about one resource, asserted and inferred kept apart."""
    return _entities.describe(the_graph(kg), URIRef(str(iri)), lang, incoming_limit)


def neighbourhood(iri, lang: str = "en", limit: int = 40, *, kg: KnowledgeGraph | None = None) -> list[Edge]:
    """Links between one resource and named resources, asserted first, at most `limit`."""
    return _entities.neighbourhood(the_graph(kg), URIRef(str(iri)), lang, limit)


def property_rows(statements: list[Statement], *, kg: KnowledgeGraph | None = None) -> list[PropertyRow]:
    """An entity's statements as a reader sees them: one row per property, with the vocabularies it aligns to."""
    from ..reading import property_rows as rows

    return rows(the_graph(kg), statements)


def reader_types(found: Entity, *, kg: KnowledgeGraph | None = None) -> list[Link]:
    """The classes worth naming at the top of an entity's page (the most specific ones)."""
    from ..reading import reader_types as types

    return types(the_graph(kg), found)


def instrument_tree(lang: str = "en", *, kg: KnowledgeGraph | None = None) -> list[TreeNode]:
    """Jurisdictions → instruments → provisions, as TreeNodes."""
    return _browse.instrument_tree(the_graph(kg), lang)


def class_tree(root, lang: str = "en", members: bool = True, *, kg: KnowledgeGraph | None = None) -> TreeNode:
    """`root` and its named subclasses (with their individuals when `members`), as a TreeNode."""
    return _browse.class_tree(the_graph(kg), URIRef(str(root)), lang, members)


def members(cls, lang: str = "en", *, kg: KnowledgeGraph | None = None) -> list[TreeNode]:
    """The resources of class `cls` (members of subclasses too), as TreeNodes with their number or kind."""
    return _browse.members(the_graph(kg), URIRef(str(cls)), lang)


def provision_text(provision, *, kg: KnowledgeGraph | None = None) -> ProvisionText:
    """The wording of a provision where the data has it: official text, unofficial translation, summary."""
    return _entities.provision_texts(the_graph(kg), URIRef(str(provision)))


def provision_parts(provision, *, kg: KnowledgeGraph | None = None) -> list[URIRef]:
    """The parts of a provision (paragraphs, items) that the data records both ways (hasPart and partOf)."""
    from ..namespaces import DFK

    g = the_graph(kg).closure
    iri = URIRef(str(provision))
    return [p for p in g.objects(iri, DFK.hasPart) if (p, DFK.partOf, iri) in g]


def resolve_entity(text: str, *, kg: KnowledgeGraph | None = None) -> URIRef | None:
    """The IRI named by `text` (IRI or CURIE) if the graph mentions it, else None."""
    return _entities.resolve_entity(text, the_graph(kg))


def short_name(iri) -> str:
    """The compact name the app's URLs use: dfk:Term, id:kind/slug, else the IRI."""
    return _entities.short_name(iri)


def search(text: str, filters: dict[str, set[str]] | None = None, limit: int = 50, *,
           kg: KnowledgeGraph | None = None) -> SearchResult:
    """Resources whose names, quoted passages or provision texts contain `text` (case-insensitive), best first;
    `filters` keeps the hits that have one of the given values of each facet (FACETS); matches in the snippets
    are marked by MATCH_START … MATCH_END."""
    from ..search import search as find

    return find(the_graph(kg), text, filters, limit)


def duties_per_jurisdiction(*, kg: KnowledgeGraph | None = None) -> dict[str, int]:
    """Jurisdiction IRI → how many duties of the graph belong to it (for any platform)."""
    from ..coverage import duties_per_jurisdiction as count

    return count(the_graph(kg))


def counts(*, kg: KnowledgeGraph | None = None) -> list[tuple[str, int]]:
    """Triples, platform types, and the resources of each main kind."""
    return _about.counts(the_graph(kg))


def citation(*, kg: KnowledgeGraph | None = None) -> Citation:
    return _about.citation(the_graph(kg))


def vocabulary(*, kg: KnowledgeGraph | None = None) -> Vocabulary:
    """The graph's prefixes, classes and properties (for a SPARQL editor's completion) and every IRI it describes."""
    from ..vocabulary import vocabulary as read

    return read(the_graph(kg))


def described_resources(*, kg: KnowledgeGraph | None = None) -> list[URIRef]:
    """Every named resource the asserted data gives a type (what a reader may open), in no particular order."""
    from ..namespaces import RDF

    return [s for s in set(the_graph(kg).asserted.subjects(RDF.type, None)) if isinstance(s, URIRef)]
