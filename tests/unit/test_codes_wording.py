"""Code-table labels read as people expect."""


def test_organisations_are_not_at_their_post():
    """Issue 16 #10: an organisation's status reads 正常运行, not 在岗; a new one defaults to the township's kind."""
    from hexie_desktop.core import codes
    from hexie_desktop.services.registries import FIELDS

    org_status = next(f for f in FIELDS["orgs"] if f.name == "status")
    assert org_status.choices["active"] == "正常运行"
    assert next(iter(codes.ORG_TYPES)) == "township_center"
