"""SPARQL TSV terms read exactly as written, and the four result formats written back."""
import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from deepfake_kg.result_formats import ResultFormatError, tsv_row, tsv_term, write

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize("cell,term", [
    ("<http://a/b>", {"type": "uri", "value": "http://a/b"}),
    ("_:b0", {"type": "bnode", "value": "b0"}),
    ('"x\\ty\\nz\\"\\u00e9\\U0001F600"@en-GB', {"type": "literal", "value": 'x\ty\nz"é😀', "xml:lang": "en-GB"}),
    ('"2020-01-01"^^<http://www.w3.org/2001/XMLSchema#date>', {"type": "literal", "value": "2020-01-01", "datatype": XSD + "date"}),
    ('"plain"^^<http://www.w3.org/2001/XMLSchema#string>', {"type": "literal", "value": "plain"}),
    ("01", {"type": "literal", "value": "01", "datatype": XSD + "integer"}),  # kept as written, never "1"
    ("-2.50", {"type": "literal", "value": "-2.50", "datatype": XSD + "decimal"}),
    ("1E3", {"type": "literal", "value": "1E3", "datatype": XSD + "double"}),
    ("true", {"type": "literal", "value": "true", "datatype": XSD + "boolean"}),
    ("", None),
])
def test_tsv_terms(cell, term):
    assert tsv_term(cell) == term


@pytest.mark.parametrize("line", ["The SPARQL operation has been cancelled", '"unterminated', "<a>\t<b>"])
def test_a_line_that_is_not_a_row_is_an_error(line):
    with pytest.raises(ResultFormatError):
        tsv_row(line, ["x"])


def test_the_four_formats_say_the_same():
    variables = ["s", "o"]
    rows = [{"s": {"type": "uri", "value": "http://a/?x=1&y=2"}, "o": {"type": "literal", "value": 'a,"b"\n', "xml:lang": "en"}},
            {"s": {"type": "bnode", "value": "x"}}]
    assert json.loads(write("json", variables, rows)) == {"head": {"vars": variables}, "results": {"bindings": rows}}
    ns = "{http://www.w3.org/2005/sparql-results#}"
    results = ET.fromstring(write("xml", variables, rows)).findall(f".//{ns}result")
    assert [len(r) for r in results] == [2, 1] and results[0].find(f"{ns}binding/{ns}uri").text == "http://a/?x=1&y=2"
    assert list(csv.reader(io.StringIO(write("csv", variables, rows)))) == [["s", "o"], ["http://a/?x=1&y=2", 'a,"b"\n'], ["_:x", ""]]
    tsv = write("tsv", variables, rows).split("\n")
    assert [tsv_row(line, variables) for line in tsv[1:3]] == rows
    assert write("csv", [], [], boolean=True) == "boolean\r\ntrue\r\n"
