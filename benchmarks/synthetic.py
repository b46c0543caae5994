"""Legal-shaped synthetic data to merge with the knowledge graph, for the scale benchmark.

Shaped like the project's own data and using its ontology, so that every rule the KG relies on fires at scale:
instruments split into articles, paragraphs and items (transitive dfk:partOf, inverse dfk:hasPart); duties
whose legal basis is a paragraph or item (the chain legalBasis ∘ partOf gives their legal sources) and whose
status makes them duties in force or proposed (hasValue, intersection); a class hierarchy of platform types
under the project's function classes, each class attaching duties by `rdfs:subClassOf [ owl:onProperty
dfk:hasDuty ; owl:hasValue d ]`; platforms typed along the three dimensions (function, size tier, risk), which
receive duties by cax-sco and cls-hv1 and become subject to provisions through the chain hasDuty ∘ hasLegalSource.
Deterministic: the same size always gives the same triples.
"""
from __future__ import annotations

import random

from rdflib import BNode, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS

DFK = Namespace("https://w3id.org/deepfake-kg/ontology#")
GEN = Namespace("https://w3id.org/deepfake-kg/synthetic/")
FUNCTIONS = [DFK[n] for n in ("SocialPlatform", "VideoSharingPlatform", "LiveStreamingPlatform", "InstantMessagingPlatform",
                              "DeepSynthesisServiceProvider", "GenerativeAIServiceProvider", "AlgorithmicRecommendationProvider",
                              "AppDistributionPlatform")]
SIZES = [DFK.LargeLeadingPlatform, DFK.SmallMediumPlatform]
RISKS = [DFK.HighRiskPlatform, DFK.PublicOpinionAttributeProvider]
JURISDICTIONS = [URIRef("https://w3id.org/deepfake-kg/id/jurisdiction/cn"), URIRef("https://w3id.org/deepfake-kg/id/jurisdiction/eu")]


def legal_triples(target: int, seed: int = 7) -> list[tuple]:
    """About `target` asserted triples (never fewer), generated one instrument at a time."""
    rng = random.Random(seed)
    triples: list[tuple] = []
    classes: list[URIRef] = []
    unit = 0
    while len(triples) < target:
        _instrument(triples, rng, unit, classes)
        unit += 1
    return triples


def _instrument(out: list, rng: random.Random, n: int, classes: list) -> None:
    add = out.append
    instrument = GEN[f"instrument/{n}"]
    add((instrument, RDF.type, DFK.Statute if n % 3 else DFK.AdministrativeRegulation))
    add((instrument, RDFS.label, Literal(f"Synthetic instrument {n}", lang="en")))
    add((instrument, DFK.jurisdiction, JURISDICTIONS[n % 2]))
    add((instrument, DFK.documentNumber, Literal(f"SYN-{n}")))
    bases = []
    for a in range(1, 9):
        article = GEN[f"instrument/{n}/art-{a}"]
        add((article, RDF.type, DFK.Article))
        add((article, DFK.partOf, instrument))
        add((article, DFK.number, Literal(str(a))))
        for p in range(1, 4):
            paragraph = GEN[f"instrument/{n}/art-{a}/para-{p}"]
            add((paragraph, RDF.type, DFK.Paragraph))
            add((paragraph, DFK.partOf, article))
            add((paragraph, DFK.number, Literal(str(p))))
            bases.append(paragraph)
            for i in range(1, 3):
                item = GEN[f"instrument/{n}/art-{a}/para-{p}/item-{i}"]
                add((item, RDF.type, DFK.Item))
                add((item, DFK.partOf, paragraph))
                add((item, DFK.number, Literal(str(i))))
                bases.append(item)
    # two platform classes per instrument, under a project function class or a synthetic class at most two
    # levels below one (a hierarchy of bounded depth, so that a platform's duties do not grow with the data)
    new_classes = []
    for c in range(2):
        cls = GEN[f"class/{n}-{c}"]
        shallow = [(k, depth) for k, depth in classes[-300:] if depth < 3]
        parent, depth = rng.choice(shallow[-100:]) if shallow and rng.random() < 0.6 else (rng.choice(FUNCTIONS), 0)
        add((cls, RDF.type, OWL.Class))
        add((cls, RDFS.subClassOf, parent))
        add((cls, RDFS.label, Literal(f"synthetic platform type {n}-{c}", lang="en")))
        new_classes.append((cls, depth + 1))
    duties = []
    for d in range(16):
        duty = GEN[f"duty/{n}-{d}"]
        in_force = d % 4 != 3
        add((duty, RDF.type, DFK.Obligation if d % 5 else DFK.Prohibition))
        add((duty, RDFS.label, Literal(f"synthetic duty {n}-{d}", lang="en")))
        add((duty, DFK.normativeStatus, DFK.LexLata if in_force else DFK.LexFerenda))
        add((duty, DFK.requiredAction, Literal(f"do what provision {n}-{d} requires", lang="en")))
        if in_force:
            add((duty, DFK.legalBasis, rng.choice(bases)))
        duties.append(duty)
    for i, duty in enumerate(duties[:8]):  # half the duties attach to a platform class
        restriction = BNode(f"synthetic-r{n}-{i}")  # labelled: two processes generate the same graph
        add((new_classes[i % 2][0], RDFS.subClassOf, restriction))
        add((restriction, RDF.type, OWL.Restriction))
        add((restriction, OWL.onProperty, DFK.hasDuty))
        add((restriction, OWL.hasValue, duty))
    classes.extend(new_classes)
    for m in range(4):
        platform = GEN[f"platform/{n}-{m}"]
        add((platform, RDF.type, rng.choice(classes[-200:])[0]))
        add((platform, RDF.type, SIZES[m % 2]))
        if m % 3 == 0:
            add((platform, RDF.type, RISKS[m % 2]))
        add((platform, RDFS.label, Literal(f"synthetic platform {n}-{m}", lang="en")))
