"""One platform on several days: each duty's status and the text it rests on, day by day, what changed first."""
import csv
import io
import json

import pytest

from deepfake_kg.dates_compare import compare_dates
from deepfake_kg.duties import all_duties_for
from deepfake_kg.errors import KGError
from deepfake_kg.namespaces import DFK
from deepfake_kg.validity import ATTACHING, parse_day


def test_each_cell_is_the_status_of_that_day(kg):
    days = ["2015-01-01", "2023-06-01", "2026-01-01"]
    result = compare_dates([DFK.FaceSwapService], days, kg)
    assert result.days == days
    for i, day in enumerate(days):
        expected = {r.duty: r.status for r in all_duties_for([DFK.FaceSwapService], kg, parse_day(day))}
        assert all(row.cells[i].status == expected[row.duty] for row in result.rows)
    # a duty that attaches on none of the days is left out; every other one is there
    every = {r.duty for d in days for r in all_duties_for([DFK.FaceSwapService], kg, parse_day(d)) if r.status in ATTACHING}
    assert {r.duty for r in result.rows} == every


def test_an_amended_text_is_a_change_even_when_the_status_stays_in_force(kg):
    result = compare_dates(["video-sharing platform"], ["2025-12-31", "2026-01-01"], kg)
    stop = next(r for r in result.rows if r.duty.endswith("/csl-47-stop-transmission"))
    assert [c.status for c in stop.cells] == ["in force", "in force"] and stop.changed
    assert "2016 text" in stop.cells[0].bases[0].label and "amended 2025" in stop.cells[1].bases[0].label
    assert stop.cells[0].bases[0].iri.endswith("/2016/art-47")
    changed = [r.changed for r in result.rows]
    assert changed == sorted(changed, reverse=True)  # what changed comes first
    assert not next(r for r in result.rows if r.duty.endswith("/cooperate-with-technical-audits")).changed


def test_the_days_are_checked(kg):
    for days, said in ((["2026-01-01"], "two and 6"), (["2026-01-01", "2026-01-01"], "two and 6"),
                       (["2020-01-01", "2020-13-01"], "is not a date"), ([str(2000 + i) + "-01-01" for i in range(7)], "two and 6")):
        with pytest.raises(KGError, match=said):
            compare_dates(["video-sharing platform"], days, kg)


def test_the_exports_hold_every_row_and_day(kg):
    result = compare_dates(["video-sharing platform"], ["2025-12-31", "2026-01-01"], kg)
    rows = list(csv.DictReader(io.StringIO(result.to_csv())))
    assert len(rows) == len(result.rows) and {"status 2025-12-31", "basis 2026-01-01", "changed"} <= set(rows[0])
    data = json.loads(result.to_json())
    assert data["days"] == result.days and [r["changed"] for r in data["rows"]] == [r.changed for r in result.rows]
    text = result.to_text()
    assert f"{sum(r.changed for r in result.rows)} of {len(result.rows)} duties changed" in text and "2025-12-31: in force (Cybersecurity Law (2016 text), Article 47) → 2026-01-01" in text


@pytest.mark.slow
def test_the_command_line_compares_days_and_refuses_a_mix(kg):
    import subprocess
    import sys

    cli = [sys.executable, "-m", "deepfake_kg", "compare", "video-sharing platform", "--dates", "2025-12-31", "2026-01-01"]
    done = subprocess.run(cli, capture_output=True, text=True)
    assert done.returncode == 0 and "duties changed" in done.stdout
    done = subprocess.run(cli + ["--as-of", "2020-01-01"], capture_output=True, text=True)
    assert done.returncode == 2 and "neither --as-of nor --jurisdiction" in done.stderr
