"""Every rule of the OWL 2 RL/RDF rule tables through both engines: each entails its conclusion (or refuses the
graph), and the two engines' inferred graphs, or their refusals, are the same (rules.py; NOTICE.md)."""
import pytest
from rdflib import Graph

from deepfake_kg import reasoning
from deepfake_kg.errors import InconsistentGraph

from .rules import FALSE, NOT_PRODUCED, PREFIXES, RULES

pytestmark = pytest.mark.conformance  # CI runs the suites; the default run does not


def parse(turtle: str) -> Graph:
    return Graph().parse(data=PREFIXES + turtle, format="turtle")


def outcome(graph: Graph, engine: str) -> set | str:
    """The inferred triples, or the refusal's problems (one a line)."""
    try:
        return reasoning.infer(graph, engine)
    except InconsistentGraph as refusal:
        return "\n".join(sorted(str(refusal).splitlines()[1:]))


@pytest.mark.parametrize("rule", list(RULES))
@pytest.mark.parametrize("engine", reasoning.ENGINES)
def test_the_rule_fires(rule, engine):
    premises, conclusion = RULES[rule]
    graph = parse(premises)
    if conclusion == FALSE:
        with pytest.raises(InconsistentGraph):
            reasoning.infer(graph, engine)
        return
    expected = set(parse(conclusion))
    if rule in NOT_PRODUCED:
        assert not expected & reasoning.infer(graph, engine), NOT_PRODUCED[rule]
    else:
        assert expected <= reasoning.closure(graph, engine)
        assert expected - set(graph) <= reasoning.infer(graph, engine) | {t for t in expected if t[0] == t[2]}


@pytest.mark.parametrize("rule", list(RULES))
def test_the_engines_agree(rule):
    graph = parse(RULES[rule][0])
    assert outcome(graph, "reasonable") == outcome(graph, "owlrl")
