"""services/selection_marks.py: the 选树 mark register rows carry."""

from __future__ import annotations

from hexie_desktop.services import registries, selection, selection_marks


def test_an_open_nomination_marks_its_record_and_only_it(station, ctx, digest):
    people = [r for r in registries.list_records(ctx, "coordinators") if not r["selection_label"]]
    nominated, other = people[0], people[1]
    selection.nominate(ctx, "gold_coordinator", nominated["id"], ctx.today.year)
    before = digest()
    with station.db.read() as session:
        rows = selection_marks.annotate(session, "coordinators", [{"id": nominated["id"]}, {"id": other["id"]}])
        labels = selection_marks.all_labels(session, "coordinators")
        untouched = selection_marks.annotate(session, "employers", [{"id": "x"}])
    assert str(ctx.today.year) in rows[0]["selection_label"] and rows[1]["selection_label"] == ""
    assert labels[nominated["id"]] == rows[0]["selection_label"] and other["id"] not in labels
    assert untouched == [{"id": "x"}]  # a register without 选树 is left as it is
    assert digest() == before
