"""What the graph holds (counts), which version it is, its licences, and how to cite it."""
from __future__ import annotations

from dataclasses import dataclass

from . import __version__
from .browse import described
from .build import KnowledgeGraph
from .namespaces import DCTERMS, DFK, ONTOLOGY_IRI, OWL

LICENCES = {
    "data and ontology": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "code": ("MIT", "https://opensource.org/license/mit"),
}

COUNTED = (
    ("legal instruments", DFK.LegalInstrument),
    ("provisions", DFK.Provision),
    ("duties in force", DFK.DutyInForce),
    ("proposed duties", DFK.ProposedDuty),
    ("authorities", DFK.Authority),
    ("offences", DFK.Offence),
    ("sanctions", DFK.Sanction),
    ("knowledge standards", DFK.KnowledgeStandard),
    ("cases and incidents", DFK.Case),
    ("dilemmas", DFK.Dilemma),
    ("proposals", DFK.Proposal),
    ("references", DFK.Reference),
    ("claims of the paper checked", DFK.PaperClaim),
    ("passages of the paper", DFK.Passage),
)


def counts(kg: KnowledgeGraph) -> list[tuple[str, int]]:
    """Triples, platform types, and the resources of each main kind (members of subclasses count, by reasoning)."""
    rows = [("asserted triples", len(kg.asserted)), ("inferred triples", len(kg.inferred)),
            ("platform types", len(set(kg.closure.subjects(DFK.dimension, None))))]
    return rows + [(name, len(described(kg, cls))) for name, cls in COUNTED]


@dataclass(frozen=True)
class Citation:
    title: str
    creator: str
    version: str
    version_iri: str
    year: str
    text: str
    bibtex: str


def citation(kg: KnowledgeGraph) -> Citation:
    """How to cite the graph, from the ontology header (title, creator, version, date)."""
    g = kg.closure
    title = next((str(t) for t in g.objects(ONTOLOGY_IRI, DCTERMS.title) if getattr(t, "language", None) == "en"),
                 "Deepfake Platform Liability Knowledge Graph")
    creator = str(g.value(ONTOLOGY_IRI, DCTERMS.creator) or "Deepfake Platform Liability Knowledge Graph contributors")
    version = str(g.value(ONTOLOGY_IRI, OWL.versionInfo) or __version__)
    version_iri = str(g.value(ONTOLOGY_IRI, OWL.versionIRI) or ONTOLOGY_IRI)
    year = str(g.value(ONTOLOGY_IRI, DCTERMS.created) or "")[:4]
    text = f"{creator} ({year or 'n.d.'}). {title}, version {version}. {version_iri}. Licensed CC BY 4.0."
    bibtex = (f"@misc{{deepfake_kg_{version.replace('.', '_')},\n"
              f"  author = {{{{{creator}}}}},\n  title = {{{title}}},\n  version = {{{version}}},\n"
              f"  year = {{{year}}},\n  url = {{{version_iri}}},\n  note = {{Licensed CC BY 4.0}}\n}}")
    return Citation(title, creator, version, version_iri, year, text, bibtex)
