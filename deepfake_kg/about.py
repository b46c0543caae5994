"""What the graph holds (counts), which version it is, its licences, and how to cite it."""
from __future__ import annotations

from dataclasses import dataclass

from . import __version__
from .browse import described
from .build import KnowledgeGraph
from .i18n import N_
from .namespaces import DCTERMS, DFK, ONTOLOGY_IRI, OWL

LICENCES = {
    N_("data and ontology"): ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    N_("code"): ("MIT", "https://opensource.org/license/mit"),
}

COUNTED = (
    (N_("legal instruments"), DFK.LegalInstrument),
    (N_("provisions"), DFK.Provision),
    (N_("duties of the law (lex lata)"), DFK.DutyInForce),  # whether each binds on a day is another question
    (N_("proposed duties"), DFK.ProposedDuty),
    (N_("authorities"), DFK.Authority),
    (N_("offences"), DFK.Offence),
    (N_("sanctions"), DFK.Sanction),
    (N_("knowledge standards"), DFK.KnowledgeStandard),
    (N_("cases and incidents"), DFK.Case),
    (N_("dilemmas"), DFK.Dilemma),
    (N_("proposals"), DFK.Proposal),
    (N_("references"), DFK.Reference),
    (N_("claims of the paper checked"), DFK.PaperClaim),
    (N_("passages of the paper"), DFK.Passage),
)


def counts(kg: KnowledgeGraph) -> list[tuple[str, int]]:
    """(What, how many): the names are English, marked for translation where shown. Triples, platform types, and the resources of each main kind (members of subclasses count, by reasoning)."""
    rows = [(N_("asserted triples"), len(kg.asserted)), (N_("inferred triples"), len(kg.inferred)),
            (N_("platform types"), len(set(kg.closure.subjects(DFK.dimension, None))))]
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
