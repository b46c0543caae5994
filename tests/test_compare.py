"""The types × duties matrix is duties_for, column by column."""
import csv
import io
import json

from deepfake_kg.compare import duty_matrix
from deepfake_kg.duties import duties_for
from deepfake_kg.namespaces import DFK

VIDEO = [DFK.VideoSharingPlatform]
LARGE_VIDEO = [DFK.VideoSharingPlatform, DFK.LargeLeadingPlatform]
IMPOSSIBLE = [DFK.LargeLeadingPlatform, DFK.SmallMediumPlatform]


def test_each_column_holds_exactly_the_duties_of_its_platform(kg):
    matrix = duty_matrix([VIDEO, LARGE_VIDEO], kg)
    for i, types in enumerate([VIDEO, LARGE_VIDEO]):
        assert {r.duty for r in matrix.rows if r.present[i]} == {r.duty for r in duties_for(types, kg)}
    assert [c.name for c in matrix.columns] == ["video-sharing platform", "video-sharing platform + large leading platform"]


def test_rows_list_law_in_force_before_proposals(kg):
    statuses = [r.status for r in duty_matrix([LARGE_VIDEO], kg).rows]
    assert statuses == sorted(statuses, key=lambda s: s != "in force")
    assert {"in force", "proposed"} <= set(statuses)


def test_an_impossible_combination_becomes_a_column_with_an_error(kg):
    matrix = duty_matrix([VIDEO, IMPOSSIBLE], kg)
    assert matrix.columns[1].error and "disjoint" in matrix.columns[1].error
    assert not any(r.present[1] for r in matrix.rows)
    assert all(r.present[0] for r in matrix.rows)


def test_csv_and_json_carry_the_matrix(kg):
    matrix = duty_matrix([VIDEO, LARGE_VIDEO], kg)
    rows = list(csv.reader(io.StringIO(matrix.to_csv())))
    assert rows[0] == ["duty", "label", "status", "video-sharing platform", "video-sharing platform + large leading platform"]
    assert len(rows) == len(matrix.rows) + 1
    data = json.loads(matrix.to_json())
    assert len(data["rows"]) == len(matrix.rows) and len(data["columns"]) == 2


def test_chinese_column_names(kg):
    assert duty_matrix([LARGE_VIDEO], kg, "zh-Hans").columns[0].name == "视频分享平台 + 大型头部平台"
