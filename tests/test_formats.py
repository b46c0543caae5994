"""formats.py declares each RDF format once; load, export and release agree with it."""
import pytest
from rdflib import Graph

from deepfake_kg import api
from deepfake_kg.errors import DataFileError
from deepfake_kg.formats import FORMATS, by_name, for_suffix
from deepfake_kg.load import parse_file

TRIPLE = "<https://example.org/a> <https://example.org/b> <https://example.org/c> ."


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f.readable and not f.dataset], ids=lambda f: f.name)
def test_what_export_writes_load_reads_back_by_its_suffix(tmp_path, fmt):
    path = tmp_path / f"one{fmt.suffix}"
    path.write_text(Graph().parse(data=TRIPLE, format="nt").serialize(format=fmt.rdflib), encoding="utf-8")
    assert for_suffix(fmt.suffix) == fmt and len(parse_file(path)) == 1


def test_json_ld_is_never_read_from_files_and_unknown_suffixes_name_the_accepted_ones(tmp_path):
    for name in ("one.jsonld", "one.csv"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
        with pytest.raises(DataFileError, match=r"unsupported file type .*\.ttl"):
            parse_file(tmp_path / name)
    assert for_suffix(".OWL").name == "xml"


def test_each_format_has_one_name_suffix_and_media_type():
    assert len({f.name for f in FORMATS}) == len({f.suffix for f in FORMATS}) == len({f.media_type for f in FORMATS}) == len(FORMATS)
    assert [f.name for f in api.formats()] == [f.name for f in FORMATS]
    with pytest.raises(ValueError, match="choose one of ttl"):
        by_name("yaml")
