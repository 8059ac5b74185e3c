"""The 工作台's SQL for SQLite, compiled from services.dashboard by scripts/gen_sql.py: do not edit.

Parameters by name (``:horizon`` …); ``:ids`` is a JSON array of case ids.  A unit test fails when
this text no longer matches the statements it was compiled from.
"""

CASES = (
    'SELECT cases.id, cases.number, cases.state, cases.source, cases.received_on, '
    'cases.infringement_known_on, cases.mediation_extended_until, cases.closed_on, cases.failed_on, '
    'cases.withdrawn_on, cases.rejected_on, cases.accepted_on, mediators.name AS mediator FROM cases '
    'LEFT OUTER JOIN mediators ON mediators.id = cases.mediator_id WHERE cases.deleted IS 0 AND '
    "cases.state IN ('registered', 'accepted', 'mediating', 'agreed', 'performing', 'performed', "
    "'defaulted', 'closed') AND (cases.state IN ('registered') OR cases.state IN ('registered', "
    "'accepted', 'mediating') AND (cases.received_on <= :mediation_before OR "
    "cases.mediation_extended_until <= :horizon) OR cases.state IN ('agreed', 'performing', "
    "'performed', 'defaulted', 'closed') AND NOT (EXISTS (SELECT * FROM follow_ups WHERE "
    'follow_ups.case_id = cases.id AND follow_ups.deleted IS 0)) AND (EXISTS (SELECT * FROM '
    'agreement_items WHERE agreement_items.case_id = cases.id AND agreement_items.deleted IS 0 AND '
    "agreement_items.due_on <= :follow_up_before)) OR cases.state IN ('performing') AND (EXISTS "
    '(SELECT * FROM agreement_items WHERE agreement_items.case_id = cases.id AND '
    'agreement_items.deleted IS 0 AND agreement_items.performed_on IS NULL AND agreement_items.due_on '
    "<= :horizon)) OR cases.state IN ('closed') AND cases.closed_on <= :archive_before)"
)
NAMES = (
    'SELECT parties.case_id, parties.name FROM parties WHERE parties.case_id IN (SELECT value FROM '
    'json_each(:ids)) AND parties.deleted IS 0 ORDER BY parties.case_id, parties.position'
)
EFFECTIVE = (
    'SELECT agreements.case_id, agreements.effective_on FROM agreements WHERE agreements.case_id IN '
    '(SELECT value FROM json_each(:ids))'
)
ITEMS = (
    'SELECT agreement_items.case_id, agreement_items.seq, agreement_items.due_on, '
    'agreement_items.performed_on FROM agreement_items WHERE agreement_items.case_id IN (SELECT value '
    'FROM json_each(:ids)) AND agreement_items.deleted IS 0 ORDER BY agreement_items.case_id, '
    'agreement_items.seq'
)
VISITED = (
    'SELECT follow_ups.case_id FROM follow_ups WHERE follow_ups.case_id IN (SELECT value FROM '
    'json_each(:ids)) AND follow_ups.deleted IS 0'
)
MONTH = (
    'SELECT case_events.action, count(*) AS count_1 FROM case_events WHERE case_events.on_date >= '
    ':month_start AND case_events.on_date <= :today AND case_events.deleted IS 0 AND '
    "case_events.action IN ('register', 'accept', 'reject', 'agree', 'fail', 'withdraw', 'close', "
    "'archive') GROUP BY case_events.action"
)
MEDIATORS = (
    'SELECT count(*) AS count_1 FROM mediators WHERE mediators.deleted IS 0 AND mediators.status = '
    "'active'"
)
USER_MEDIATOR = 'SELECT users.mediator_id FROM users WHERE users.username = :username'
