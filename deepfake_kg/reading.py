"""A resource's statements arranged for a person rather than a machine: one row per property with all its
values; a property of an aligned vocabulary (eli:is_part_of, dcterms:isPartOf) folded under the project's own
term that entails it (dfk:partOf ⊑ both) when it says nothing more; the project's own, most specific types
instead of every class reasoning adds; and the research notes kept apart, for a reader who asks for them."""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from .entities import Entity, Statement
from .terms import Link
from .build import KnowledgeGraph
from .namespaces import DFK, OWL, RDF, RDFS, SKOS

# Notes for the people who keep the data (where a fact was checked, orderings for forms), not for readers.
INTERNAL = {DFK.checkedAgainst, DFK.order, DFK.certainty, SKOS.editorialNote, SKOS.changeNote, SKOS.historyNote,
            DFK.factField, DFK.factMinimum, DFK.factValue}


@dataclass
class PropertyRow:
    predicate: Link
    values: list[Statement]
    aligned: list[Link] = field(default_factory=list)  # properties of other vocabularies folded into this row
    internal: bool = False

    @property
    def inferred(self) -> bool:
        return all(v.inferred for v in self.values)


def _entails(g, own: URIRef, other: URIRef) -> bool:
    """`own` implies `other` by the ontology (sub- or equivalent property, in the closure)."""
    return own != other and ((own, RDFS.subPropertyOf, other) in g or (own, OWL.equivalentProperty, other) in g
                             or (other, OWL.equivalentProperty, own) in g)


def property_rows(kg: KnowledgeGraph, statements: list[Statement]) -> list[PropertyRow]:
    """The statements grouped by property, in the order given; aligned properties folded where every value they
    carry is also a value of the project's property that entails them."""
    g = kg.closure
    rows: dict[str, PropertyRow] = {}
    for statement in statements:
        row = rows.setdefault(statement.predicate.iri, PropertyRow(statement.predicate, []))
        row.values.append(statement)
        row.internal = URIRef(statement.predicate.iri) in INTERNAL
    own = [iri for iri in rows if iri.startswith(str(DFK))]
    for iri in list(rows):
        if iri.startswith(str(DFK)) or iri == str(RDF.type):
            continue
        values = {v.other for v in rows[iri].values}
        for mine in own:
            if _entails(g, URIRef(mine), URIRef(iri)) and values <= {v.other for v in rows[mine].values}:
                rows[mine].aligned.append(rows.pop(iri).predicate)
                break
    return list(rows.values())


def reader_types(kg: KnowledgeGraph, entity: Entity) -> list[Link]:
    """The project's own classes of the resource, the most specific only (a video-sharing platform, not also
    content platform, network operator, …); a resource the project does not type gets its asserted types."""
    g = kg.closure
    mine = [t for t in entity.types if t.iri.startswith(str(DFK))]
    if not mine:
        asserted = {str(t) for t in kg.asserted.objects(URIRef(entity.iri), RDF.type)}
        return [t for t in entity.types if t.iri in asserted]
    return [t for t in mine
            if not any(o.iri != t.iri and (URIRef(o.iri), RDFS.subClassOf, URIRef(t.iri)) in g for o in mine)]
