"""Browsing: trees, lists, one resource's statements (inferred ones marked), its neighbourhood; About's counts."""
from rdflib import BNode, Graph, URIRef

from conftest import FIXTURES
from deepfake_kg.about import citation, counts
from deepfake_kg.browse import class_tree, describe_blank, instrument_tree, members, order_key
from deepfake_kg.entities import describe, neighbourhood, provision_texts, resolve_entity, short_name
from deepfake_kg.build import KnowledgeGraph
from deepfake_kg.namespaces import DFK, ID, OWL, RDF
from deepfake_kg.reasoning import inferred_part, owlrl_closure

CSL = ID["instrument/cn-cybersecurity-law"]
ART_47 = ID["provision/cn-cybersecurity-law/2016/art-47"]
STOP = ID["duty/csl-47-stop-transmission"]
EX = "https://example.org/"


def tiny_kg() -> KnowledgeGraph:
    asserted = Graph().parse(FIXTURES / "tiny.ttl")
    return KnowledgeGraph(asserted, inferred_part(asserted, owlrl_closure(asserted)))


def flatten(nodes):
    for node in nodes:
        yield node
        yield from flatten(node.children)


def test_natural_order_of_numbers():
    assert sorted(["Article 10", "Article 9", "Article 286-1", "Article 286"], key=order_key) == \
        ["Article 9", "Article 10", "Article 286", "Article 286-1"]


def test_trees_in_chinese_are_in_pinyin_order_like_every_sorted_list(kg):
    from deepfake_kg.i18n import sorted_for

    siblings = [[c.label for c in n.children if c.note != "实例"] for n in flatten([class_tree(kg, DFK.Actor, "zh-Hans")])]
    siblings += [[c.label for c in n.children] for n in flatten(instrument_tree(kg, "zh-Hans")) if not n.note]
    siblings.append([n.label for n in instrument_tree(kg, "zh-Hans")])
    siblings = [labels for labels in siblings if len(labels) > 1]
    assert siblings and all(labels == sorted_for(labels, "zh") for labels in siblings)
    assert any(labels != sorted(labels) for labels in siblings)  # pinyin, not the order of the code points
    jurisdictions = [n.label for n in instrument_tree(kg, "zh-Hans")]
    assert jurisdictions.index("美国") < jurisdictions.index("欧盟") < jurisdictions.index("中华人民共和国")


def test_a_class_with_two_parents_stands_under_each_naming_the_other_its_subtree_listed_once(kg):
    places = [n for n in flatten([class_tree(kg, DFK.Actor)]) if n.iri == str(DFK.ContentDisseminationPlatform)]
    assert len(places) == 2  # a content-dissemination service provider and an online platform: both true
    parents = {str(DFK.ContentDisseminationServiceProvider), str(DFK.OnlinePlatform)}
    assert {p.iri for place in places for p in place.also_under} == parents
    first, later = places
    assert str(DFK.VideoSharingPlatform) in [c.iri for c in first.children] and first.listed_under is None
    assert later.children == [] and later.listed_under.iri in {p.iri for p in later.also_under}
    classes = [n.iri for n in flatten([class_tree(kg, DFK.Actor)]) if n.children]
    assert len(classes) == len(set(classes))  # no subtree twice


def test_a_parent_asserted_beside_its_own_subclass_is_not_a_second_place():
    asserted = Graph().parse(data=f"""@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix owl: <{OWL}> .
        <{EX}A> a owl:Class . <{EX}B> a owl:Class ; rdfs:subClassOf <{EX}A> .
        <{EX}X> a owl:Class ; rdfs:subClassOf <{EX}A>, <{EX}B> .""", format="turtle")
    tiny = KnowledgeGraph(asserted, inferred_part(asserted, owlrl_closure(asserted)))
    tree = class_tree(tiny, URIRef(EX + "A"))
    assert [n.iri for n in flatten([tree])].count(EX + "X") == 1
    assert [c.iri for c in tree.children] == [EX + "B"] and tree.children[0].children[0].also_under == []


def test_instruments_are_grouped_by_jurisdiction_with_their_provisions(kg):
    tree = instrument_tree(kg)
    china = next(n for n in tree if n.iri.endswith("jurisdiction/cn"))
    csl = next(n for n in china.children if n.iri == str(CSL))
    assert csl.note == "statute"
    assert str(ART_47) in [c.iri for c in csl.children]
    criminal_law = next(n for n in china.children if n.iri.endswith("instrument/cn-criminal-law"))
    article = next(c for c in criminal_law.children if c.note == "286-1")
    assert [p.note for p in article.children] == ["1", "2", "3"]  # paragraphs nested under their article


def test_aliases_made_by_owl_sameas_are_not_listed_twice(kg):
    instruments = [n for n in flatten(instrument_tree(kg)) if "/instrument/" in n.iri]
    assert all(n.iri.startswith(str(ID)) for n in flatten(instrument_tree(kg)) if n.iri)  # no ELI alias IRIs
    assert len({n.label for n in instruments}) == len(instruments)


def test_platform_types_sit_in_the_actor_tree_with_their_dimension(kg):
    tree = class_tree(kg, DFK.Actor)
    nodes = {n.iri: n for n in reversed(list(flatten([tree])))}  # a class's first place: where its subtree is
    dissemination = nodes[str(DFK.ContentDisseminationPlatform)]
    assert str(DFK.VideoSharingPlatform) in [c.iri for c in dissemination.children]
    assert nodes[str(DFK.LargeLeadingPlatform)].note == "size tier"
    assert any(n.note == "instance" and n.iri.endswith("authority/cac") for n in flatten([tree]))
    assert any(n.note == "实例" for n in flatten([class_tree(kg, DFK.Actor, "zh-Hans")]))


def test_members_of_a_class_include_members_of_its_subclasses(kg):
    cases = {n.label for n in members(kg, DFK.Case)}
    assert "Qvod case" in cases  # a dfk:CourtCase
    references = members(kg, DFK.Reference)
    assert [n.note for n in references] == [str(i) for i in range(1, len(references) + 1)]


def test_a_resource_page_marks_inferred_statements(kg):
    entity = describe(kg, STOP)
    assert entity.label_en == "Stop transmission of prohibited information" and entity.label_zh
    inferred = {(s.predicate.iri, s.other) for s in entity.outgoing if s.inferred}
    asserted = {(s.predicate.iri, s.other) for s in entity.outgoing if not s.inferred}
    assert (str(RDF.type), str(DFK.DutyInForce)) in inferred
    assert (str(DFK.legalBasis), str(ART_47)) in asserted
    assert (str(DFK.hasLegalSource), str(CSL)) in inferred  # the property chain legalBasis ∘ partOf
    for s in entity.outgoing:
        assert s.inferred == kg.is_inferred((STOP, URIRef(s.predicate.iri), _term(kg, STOP, s)))


def _term(kg, subject, statement):
    for p, o in kg.closure.predicate_objects(subject):
        if str(p) == statement.predicate.iri and str(o) == statement.other:
            return o


def test_an_axiom_through_a_restriction_shows_the_class_that_holds_it(kg):
    incoming = describe(kg, STOP).incoming
    holders = [s for s in incoming if s.other == str(DFK.NetworkOperator) and not s.inferred]
    assert holders and "has duty" in holders[0].predicate.label


def test_both_languages_and_chinese_predicates(kg):
    entity = describe(kg, STOP, "zh")
    assert entity.label == entity.label_zh != entity.label_en
    assert "法律依据" in {s.predicate.label for s in entity.outgoing}


def test_neighbourhood_links_named_resources_asserted_first(kg):
    edges = neighbourhood(kg, STOP, limit=200)
    pairs = {(e.source.iri, e.predicate.iri, e.target.iri) for e in edges}
    assert (str(STOP), str(DFK.legalBasis), str(ART_47)) in pairs
    assert (str(DFK.NetworkOperator), str(DFK.hasDuty), str(STOP)) in pairs  # through the restriction
    assert [e.inferred for e in edges] == sorted(e.inferred for e in edges)
    assert not any(e.target.iri.startswith(str(OWL)) for e in edges)
    assert len(neighbourhood(kg, STOP, limit=5)) == 5


def test_blank_nodes_are_described_in_words():
    kg = tiny_kg()
    restriction = next(kg.asserted.subjects(OWL.hasValue, URIRef(EX + "duty")))
    assert isinstance(restriction, BNode)
    assert describe_blank(kg, restriction) == "[hasDuty value duty]"
    narrow = describe(kg, URIRef(EX + "Narrow"))
    assert any(s.kind == "bnode" and s.inferred for s in narrow.outgoing)  # Narrow ⊑ [hasDuty value duty], by cax-sco


def test_provision_text_where_the_data_has_it(kg):
    text = provision_texts(kg, ART_47)
    assert text.official and text.official_lang == "zh-Hans" and text.translation
    assert provision_texts(kg, CSL).official == ""


def test_resources_are_named_in_urls_by_short_names(kg):
    assert short_name(STOP) == "id:duty/csl-47-stop-transmission"
    assert short_name(DFK.VideoSharingPlatform) == "dfk:VideoSharingPlatform"
    for text in ("id:duty/csl-47-stop-transmission", str(STOP), f"<{STOP}>"):
        assert resolve_entity(text, kg) == STOP
    for text in ("", "id:duty/nothing", "nonsense", "file:///etc/passwd", "https://example.org/x"):
        assert resolve_entity(text, kg) is None


def test_counts_and_citation(kg):
    found = dict(counts(kg))
    assert found["asserted triples"] == len(kg.asserted) and found["inferred triples"] == len(kg.inferred)
    assert found["platform types"] >= 19 and found["duties of the law (lex lata)"] > 0 and found["proposed duties"] > 0
    assert found["legal instruments"] == len({n.iri for n in flatten(instrument_tree(kg)) if "/instrument/" in n.iri})
    cite = citation(kg)
    assert cite.version and cite.version in cite.text and "CC BY 4.0" in cite.text
    assert cite.bibtex.startswith("@misc{") and cite.version_iri in cite.bibtex
