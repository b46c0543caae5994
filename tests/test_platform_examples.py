"""The ready examples are real platform types, one combination each that a platform can have."""
import pytest

from deepfake_kg.duties import duties_for
from deepfake_kg.namespaces import DFK
from deepfake_kg.platform_examples import EXAMPLES, example
from deepfake_kg.resolve import platform_types


def test_every_example_names_platform_types_of_the_graph(kg):
    known = {t.iri for t in platform_types(kg.closure)}
    for ready in EXAMPLES:
        assert set(ready.types) <= known, ready.slug
        assert ready.label and ready.label_zh


@pytest.mark.parametrize("ready", EXAMPLES, ids=lambda s: s.slug)
def test_every_example_is_a_possible_platform_with_duties(kg, ready):
    assert duties_for(ready.types, kg)


def test_the_issue_examples_exist():
    assert example("large-video-sharing").types == (DFK.VideoSharingPlatform, DFK.LargeLeadingPlatform)
    assert example("small-face-swap").label == "face-swap app run by a small company"
    assert example("no-such-example") is None
    assert len({s.slug for s in EXAMPLES}) == len(EXAMPLES)
