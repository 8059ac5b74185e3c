"""Keys valid when a package was signed still verify after the district rotates its keys.

A receipt signed before a rotation and carried to the township after the rotation was
announced is the district's genuine word: the township keeps the district's earlier signing
keys with the number up to which each was valid, and accepts it.  A package signed by a
retired key but numbered after the rotation, or by a key that was never the district's,
is still refused (E_SENDER) and changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hexie_desktop.exchange import keys as keyring
from hexie_desktop.exchange.errors import E_SENDER
from hexie_desktop.services import exchange as ex
from tests.e2e.exchange_support import DISTRICT_CODE, PASSPHRASE, db_digest, open_pair, register


@pytest.fixture
def pair(tmp_path: Path):
    with open_pair(tmp_path / "p") as made:
        yield made


def test_a_receipt_signed_before_a_rotation_is_accepted_after_it(pair):
    register(pair.tctx, "王秀英")
    exported = pair.export("p1.hxp")
    applied = pair.to_district(*exported.paths)[0]
    assert applied.ok, applied.error
    old_keys = ex.unlock(pair.dist, PASSPHRASE)
    _card, announcement = ex.rotate_keys(pair.dctx, PASSPHRASE, pair.root / "rotate.hxp")
    assert pair.to_township(*announcement)[0].ok
    receipt = pair.to_township(applied.receipt_path)[0]
    assert receipt.ok, receipt.error
    assert ex.overview(pair.tctx).acknowledged_seq > 0, "the receipt acknowledged package 1"

    # The retired key is not a master key: numbered after the rotation, its signature is refused.
    late = ex.write_receipt(pair.dctx, pair.town.info.unit_code, keys=old_keys,
                            out=pair.root / "late.hxp")
    before = db_digest(pair.town)
    outcome = pair.to_township(late)[0]
    assert outcome.code == E_SENDER, outcome.error
    assert db_digest(pair.town) == before

    # Receipts signed by the new key are trusted, as before.
    register(pair.tctx, "李建国")
    keys = ex.unlock(pair.dist, PASSPHRASE)
    second = ex.import_packages(pair.dctx, pair.export("p2.hxp").paths, keys=keys)[0]
    assert second.ok, second.error
    assert pair.to_township(second.receipt_path)[0].ok


def test_a_key_that_was_never_the_districts_is_refused(pair):
    register(pair.tctx, "王秀英")
    applied = pair.to_district(*pair.export("p1.hxp").paths)[0]
    assert applied.ok
    ex.rotate_keys(pair.dctx, PASSPHRASE, pair.root / "rotate.hxp")
    impostor = keyring.generate(role="district", unit_code=DISTRICT_CODE, unit_name="朝阳区劳动人事争议仲裁院")
    impostor.identities = ex.unlock(pair.dist, PASSPHRASE).identities
    forged = ex.write_receipt(pair.dctx, pair.town.info.unit_code, keys=impostor,
                              out=pair.root / "forged.hxp")
    before = db_digest(pair.town)
    assert pair.to_township(forged)[0].code == E_SENDER
    assert pair.to_township(pair.root / "rotate.hxp")[0].ok
    assert pair.to_township(forged)[0].code == E_SENDER, "not before the rotation, not after it"
    assert pair.to_township(applied.receipt_path)[0].ok
    assert db_digest(pair.town) != before
