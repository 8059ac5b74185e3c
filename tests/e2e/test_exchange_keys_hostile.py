"""Issue 15, points 3, 4, 7 and 9: numbering, unauthenticated cards, the stock-age path, enrolment.

A real district and township (SQLite files) and the real ``hexie`` command in a subprocess.
Hostile packages are signed with the township's genuine keys (an enrolled township gone
wrong) or with a self-made key claiming its unit code.  Every refusal leaves the district's
tables exactly as they were, and nothing any command prints holds a raw control character.
"""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from hexie_desktop.core.errors import UserError
from hexie_desktop.exchange import keys as keyring
from hexie_desktop.exchange import sequence as numbering
from hexie_desktop.exchange import state
from hexie_desktop.exchange.errors import E_PENDING, E_SENDER, E_SEQUENCE, E_TRUST, ExchangeError
from hexie_desktop.exchange.writer import write_package
from hexie_desktop.services import case_actions, settings
from hexie_desktop.services import exchange as ex
from hexie_desktop.storage import migrate
from hexie_desktop.storage.models import utcnow
from tests.e2e.exchange_support import (
    PASSPHRASE,
    PASSWORD,
    TOWN_CODE,
    db_digest,
    make_pair,
    register,
    rows_of,
)

ESC = "\x1b"
OUTPUTS: list[str] = []


# VmHWM of /proc/self/status is this process image's own peak (KiB); ru_maxrss is not: Linux folds the
# forked copy of the (large) pytest process into it at exec.
_PEAK_WRAPPER = """
import runpy, sys
peak_file = sys.argv.pop(1)
sys.argv[0] = "hexie"
try:
    runpy.run_module("hexie_desktop", run_name="__main__")
finally:
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(peak_file, "w") as handle:
        handle.write(peak)
"""


def hexie(data_dir: Path, *args: str, stdin: str | None = None, env: dict | None = None,
          peak_file: Path | None = None) -> subprocess.CompletedProcess:
    """``hexie --data-dir DATA_DIR ARGS…`` in a subprocess (no terminal); its output is kept for the ESC check."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("HEXIE_")}
    environment.update({"HEXIE_PASSWORD": PASSWORD, "HEXIE_KEY_PASSPHRASE": PASSPHRASE, **(env or {})})
    command = [sys.executable, "-m", "hexie_desktop", "--data-dir", str(data_dir), *args]
    if peak_file is not None:  # the command's own peak memory, not that of every child this test process ran
        command = [sys.executable, "-c", _PEAK_WRAPPER, str(peak_file), "--data-dir", str(data_dir), *args]
    done = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=300,
                          input=stdin if stdin is not None else "")
    OUTPUTS.append(done.stdout + done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture(autouse=True)
def _no_raw_escape():
    """No command of any test here may print a raw ESC (or any other control character but line breaks)."""
    OUTPUTS.clear()
    yield
    for output in OUTPUTS:
        assert ESC not in output and "\x07" not in output and "\x9b" not in output, output


@pytest.fixture
def pair(tmp_path: Path):
    made = make_pair(tmp_path / "pair")
    made.numbers = register(made.tctx, "张三", "李四")
    made.sync("p1.hxp")
    yield made
    made.dispose()


def digest(station) -> str:
    """Every table, except what a command-line login itself writes (its audit entry, the user's last login)."""
    with station.db.engine.connect() as conn:
        audited = conn.execute(text("SELECT action, entity, entity_id, summary FROM audit_log "
                                    "WHERE action NOT LIKE 'login.%' ORDER BY id")).all()
    return db_digest(station, skip=("users", "audit_log")) + str(hash(tuple(map(tuple, audited))))


def _dist(pair) -> Path:
    return pair.root / "dist"


def _town(pair) -> Path:
    return pair.root / "town"


def forge(pair, name: str, *, sequence: int, epoch: int = 1, keys: keyring.StationKeys | None = None,
          change_to: int = 0) -> Path:
    """A signed, empty change package with any number, by the township's keys or ``keys``."""
    keys = keys or keyring.load(state.keys_dir(pair.town))
    district = keyring.public_card(state.keys_dir(pair.dist))
    folder = pair.root / "forge-staging"
    folder.mkdir(exist_ok=True)
    written = write_package(pair.root / name, keys=keys, kind="changes", to=[district], sequence=sequence,
                            epoch=epoch, epoch_base=0, based_on=None, change_from=0, change_to=change_to,
                            created_at=utcnow(), schema_version=migrate.head_revision(), audit_head="0" * 64,
                            staging=folder, fill=lambda payload: ({}, 0))
    return written.paths[0]


def _township(pair) -> ex.PeerView:
    return next(t for t in ex.overview(pair.dctx).townships if t.unit_code == TOWN_CODE)


# ---------------------------------------------------------------- 3. sequence numbers


@pytest.mark.parametrize("jump", [2**40, 100_000, numbering.MAX_SEQUENCE_JUMP + 1])
def test_a_far_jump_is_refused_changes_nothing_and_locks_nobody_out(pair, jump):
    hostile = forge(pair, "jump.hxp", sequence=1 + jump)
    before = digest(pair.dist)
    for extra in (["--dry-run"], []):
        peak = pair.root / f"peak{len(extra)}.txt"
        done = hexie(_dist(pair), "import", str(hostile), *extra, peak_file=peak)
        assert done.returncode == 1 and f"[{E_SEQUENCE}]" in done.stderr and "keys resync" in done.stderr
        assert done.stderr.count("\n") == 1, "one line per refused package"
        assert int(peak.read_text()) < 600 * 1024, "memory stays bounded (KiB, this import's own peak)"
    assert digest(pair.dist) == before
    case_actions.apply(pair.tctx, pair.numbers[0], "accept", {"on": "2026-09-17"})
    genuine = pair.export("p2.hxp")
    done = hexie(_dist(pair), "import", str(genuine.paths[0]))
    assert done.returncode == 0, done.stderr
    assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE), "the township is not locked out"


def test_a_far_round_is_refused_too(pair):
    before = digest(pair.dist)
    outcome = pair.to_district(forge(pair, "round.hxp", sequence=2, epoch=1 + numbering.MAX_EPOCH_JUMP + 1))[0]
    assert outcome.code == E_SEQUENCE and digest(pair.dist) == before


def test_a_gap_is_recorded_in_ranges_and_filled_by_the_late_package(pair):
    exports = []
    for n, day in enumerate(("2026-09-17", "2026-09-18")):
        case_actions.apply(pair.tctx, pair.numbers[n], "accept", {"on": day})
        exports.append(pair.export(f"p{n + 2}.hxp"))
    last = pair.export("p4.hxp")
    done = hexie(_dist(pair), "import", str(last.paths[0]))
    assert done.returncode == 0 and "第2–3号数据包未收到" in done.stdout
    township = _township(pair)
    assert (township.last_sequence, township.gaps, township.gap_label) == (4, [2, 3], "2–3")
    with pair.dist.db.engine.connect() as conn:
        stored = json.loads(conn.execute(text("SELECT gaps FROM exchange_peers WHERE unit_code = :c"),
                                         {"c": TOWN_CODE}).scalar_one())
    assert stored == [[2, 3]], "gaps are kept as ranges"
    held = rows_of(pair.dist, TOWN_CODE)
    done = hexie(_dist(pair), "import", str(exports[0].paths[0]))
    assert done.returncode == 0 and "晚于后续数据包到达" in done.stdout
    assert rows_of(pair.dist, TOWN_CODE) == held and _township(pair).gaps == [3]
    assert hexie(_dist(pair), "keys", "show").stdout.count("第3号数据包未收到") == 1
    assert pair.to_district(exports[1].paths[0])[0].ok
    assert _township(pair).gaps == [] and _township(pair).last_sequence == 4
    assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)


def test_a_late_package_with_changes_nobody_brought_is_applied(pair):
    forged = pair.to_district(forge(pair, "ahead.hxp", sequence=1 + numbering.MAX_SEQUENCE_JUMP))[0]
    assert forged.ok and _township(pair).gap_label == f"2–{numbering.MAX_SEQUENCE_JUMP}"
    case_actions.apply(pair.tctx, pair.numbers[0], "accept", {"on": "2026-09-17"})
    genuine = pair.to_district(*pair.export("p2.hxp").paths)[0]
    assert genuine.ok and genuine.summary is not None and genuine.summary.totals().updated >= 1
    assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE), "not dropped as 'late'"
    assert _township(pair).last_sequence == 1 + numbering.MAX_SEQUENCE_JUMP


def test_gaps_stay_small_whatever_the_jumps(pair):
    ranges: list[list[int]] = []
    last = 1
    for _ in range(500):
        ranges = numbering.record(ranges, last, last + numbering.MAX_SEQUENCE_JUMP)
        last += numbering.MAX_SEQUENCE_JUMP
    assert len(ranges) == numbering.MAX_GAP_RANGES and len(numbering.missing(ranges)) == numbering.MAX_SHOWN
    assert numbering.parse("[2, 3, 7, \"x\", [9, 8], [10, 12]]") == [[2, 3], [7, 7], [10, 12]]


def test_resync_restores_a_locked_out_township(pair):
    with pair.dist.db.engine.begin() as conn:  # as an older program left it after a +100,000 package
        conn.execute(text("UPDATE exchange_peers SET last_sequence = 100001, gaps = :gaps WHERE unit_code = :c"),
                     {"c": TOWN_CODE, "gaps": json.dumps(list(range(99801, 100001)))})
    case_actions.apply(pair.tctx, pair.numbers[0], "accept", {"on": "2026-09-17"})
    genuine = pair.export("p2.hxp")
    before = digest(pair.dist)
    assert pair.to_district(*genuine.paths)[0].code == "E_REPLAY", "locked out"
    assert digest(pair.dist) == before
    done = hexie(_dist(pair), "keys", "resync", TOWN_CODE, "--sequence", "1")
    assert done.returncode == 0 and "下一个应为第2号" in done.stdout
    done = hexie(_dist(pair), "import", str(genuine.paths[0]))
    assert done.returncode == 0, done.stderr
    assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)
    with pair.dist.db.engine.connect() as conn:
        summary = conn.execute(text("SELECT summary FROM audit_log WHERE action = 'exchange.resync'")).scalar_one()
    assert "100001" in summary and "第1轮第1号" in summary
    assert hexie(_dist(pair), "keys", "resync", "110105099", "--sequence", "1").returncode == 1
    assert hexie(_town(pair), "keys", "resync", TOWN_CODE, "--sequence", "1").returncode == 1


# ---------------------------------------------------------------- 4. unauthenticated changes


def _pending_pair(tmp_path: Path):
    made = make_pair(tmp_path / "pending", enroll=False)
    register(made.tctx, "张三")
    return made


def test_a_self_signed_package_never_replaces_a_pending_card(tmp_path):
    pair = _pending_pair(tmp_path)
    try:
        real = pair.export("real.hxp").paths[0]
        assert pair.to_district(real)[0].code == E_PENDING
        real_fp = keyring.public_card(state.keys_dir(pair.town)).fingerprint
        impostor = keyring.generate(role="township", unit_code=TOWN_CODE, unit_name="东坝镇劳动人事争议调解中心")
        fake = forge(pair, "fake.hxp", sequence=1, keys=impostor)
        done = hexie(_dist(pair), "import", str(fake))
        assert done.returncode == 1 and "可能有人冒充" in done.stderr
        peer = _township(pair)
        assert peer.status == "pending" and peer.fingerprint == real_fp, "the pending card stays the first one"
        assert peer.other_cards == [impostor.card.fingerprint]
        assert "可能有人冒充" in hexie(_dist(pair), "keys", "show").stdout
        before = digest(pair.dist)
        done = hexie(_dist(pair), "keys", "accept", TOWN_CODE, "--fingerprint", "1111 2222 3333 4444 5555")
        assert done.returncode == 1 and "[E_TRUST]" in done.stderr and digest(pair.dist) == before
        done = hexie(_dist(pair), "keys", "accept", TOWN_CODE, "--fingerprint", real_fp)
        assert "已登记" in done.stdout and "已导入等待中的第1号数据包" in done.stdout
        assert "冒充，已丢弃" in done.stderr
        assert _township(pair).status == "trusted" and _township(pair).fingerprint == real_fp
        assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)
        assert not list(state.waiting_dir(pair.dist).glob("*")), "the impostor's package is gone"
    finally:
        pair.dispose()


def test_when_the_impostor_came_first_the_phone_call_decides(tmp_path):
    pair = _pending_pair(tmp_path)
    try:
        impostor = keyring.generate(role="township", unit_code=TOWN_CODE, unit_name="东坝镇劳动人事争议调解中心")
        assert pair.to_district(forge(pair, "fake.hxp", sequence=1, keys=impostor))[0].code == E_PENDING
        real = pair.export("real.hxp").paths[0]
        outcome = pair.to_district(real)[0]
        assert outcome.code == E_PENDING and "可能有人冒充" in outcome.error.message
        real_fp = keyring.public_card(state.keys_dir(pair.town)).fingerprint
        assert _township(pair).fingerprint == impostor.card.fingerprint and _township(pair).other_cards == [real_fp]
        peer, outcomes = ex.accept_township(pair.dctx, TOWN_CODE, real_fp, keys=pair.keys)
        assert peer.fingerprint == real_fp and peer.status == "trusted"
        assert sorted(o.code for o in outcomes) == [E_SENDER, "OK"]
        assert rows_of(pair.dist, TOWN_CODE) == rows_of(pair.town, TOWN_CODE)
    finally:
        pair.dispose()


def test_a_card_renamed_by_its_holder_fails_the_fingerprint_and_the_signature(pair, tmp_path):
    card = keyring.public_card(state.keys_dir(pair.town))
    keys = keyring.load(state.keys_dir(pair.town))
    renamed = replace(card, unit_name="西坝镇劳动人事争议调解中心")
    assert renamed.fingerprint != card.fingerprint, "the fingerprint covers the unit name"
    assert replace(card, role="district").fingerprint != card.fingerprint, "and the role"
    edited = tmp_path / "renamed.card"
    raw = json.loads(card.to_bytes())
    raw["unit_name"] = renamed.unit_name
    edited.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    done = hexie(_dist(pair), "keys", "trust", str(edited), "--fingerprint", card.fingerprint)
    assert done.returncode == 1 and "[E_TRUST]" in done.stderr, "a renamed card's own signature fails"
    resigned = keyring._signed_card(renamed, keys.signer)  # the holder re-signs it: a valid card of another name
    keys.card = resigned
    before = digest(pair.dist)
    done = hexie(_dist(pair), "import", str(forge(pair, "renamed.hxp", sequence=2, keys=keys)))
    assert done.returncode == 1 and "[E_SENDER]" in done.stderr and "西坝镇" not in done.stdout
    assert digest(pair.dist) == before


def test_cards_from_before_fingerprint_v2_stay_trusted(pair):
    card = keyring.public_card(state.keys_dir(pair.town))
    with pair.dist.db.engine.begin() as conn:  # a peer stored by a program that showed v1 fingerprints
        conn.execute(text("UPDATE exchange_peers SET fingerprint = :fp WHERE unit_code = :c"),
                     {"fp": card.legacy_fingerprint, "c": TOWN_CODE})
    assert _township(pair).fingerprint == card.fingerprint, "people see the v2 fingerprint"
    case_actions.apply(pair.tctx, pair.numbers[0], "accept", {"on": "2026-09-17"})
    assert pair.to_district(*pair.export("p2.hxp").paths)[0].ok, "still trusted: the key decides"


def test_control_characters_in_unit_names_are_refused_on_input(tmp_path, pair):
    bad = "东坝镇\x1b[2J\x07"
    done = hexie(tmp_path / "new", "init", "--role", "township", "--unit-code", "110105002", "--unit-name", bad,
                 "--admin", "admin")
    assert done.returncode == 1 and "U+001B" in done.stderr and not (tmp_path / "new" / "hexie.sqlite3").exists()
    with pytest.raises(UserError) as refused:
        settings.update(pair.tctx, {"station.unit_name": "东坝\x1b]0;owned\x07"})
    assert "U+001B" in str(refused.value)
    impostor = keyring.generate(role="township", unit_code="110105003", unit_name="好镇")
    card = replace(impostor.card, unit_name="坏镇\x1b[31m")
    card = keyring._signed_card(card, impostor.signer)
    (tmp_path / "esc.card").write_bytes(card.to_bytes())
    with pytest.raises(ExchangeError) as refused:
        ex.read_card(tmp_path / "esc.card")
    assert refused.value.code == E_TRUST and "U+001B" in refused.value.message
    done = hexie(_dist(pair), "keys", "trust", str(tmp_path / "esc.card"), "--fingerprint", card.fingerprint)
    assert done.returncode == 1 and "U+001B" in done.stderr
    keys = replace(impostor, card=card)
    done = hexie(_dist(pair), "import", str(forge(pair, "esc.hxp", sequence=1, keys=keys)))
    assert done.returncode == 1 and "[E_TRUST]" in done.stderr


def test_names_already_stored_and_file_names_are_printed_escaped(pair, tmp_path):
    with pair.dist.db.engine.begin() as conn:  # a name an older program let in
        conn.execute(text("UPDATE exchange_peers SET unit_name = :n WHERE unit_code = :c"),
                     {"n": "东坝\x1b[2J\x9b镇", "c": TOWN_CODE})
    shown = hexie(_dist(pair), "keys", "show")
    assert shown.returncode == 0 and "东坝\\x1b[2J\\x9b镇" in shown.stdout
    as_json = hexie(_dist(pair), "keys", "show", "--json")
    assert json.loads(as_json.stdout)["peers"][0]["unit_name"] == "东坝\x1b[2J\x9b镇", "JSON stays exact"
    odd = tmp_path / "包\x1b[31m.hxp"
    shutil.copy(pair.root / "p1.hxp", odd)
    done = hexie(_dist(pair), "import", str(odd))
    assert done.returncode == 1 and "\\x1b[31m" in done.stderr
    done = hexie(_dist(pair), "keys", "trust", str(tmp_path / "缺\x1b.card"), "--fingerprint", "1")
    assert done.returncode == 1 and "\\x1b" in done.stderr


# ---------------------------------------------------------------- 9. enrolment


def test_trust_shows_the_card_and_needs_a_confirmed_fingerprint(tmp_path):
    pair = make_pair(tmp_path / "enrol", enroll=False)
    try:
        card_file = pair.root / "town.card"
        card = keyring.public_card(state.keys_dir(pair.town))
        before = digest(pair.dist)
        done = hexie(_dist(pair), "keys", "trust", str(card_file))
        assert done.returncode == 2 and "--fingerprint" in done.stderr
        assert card.fingerprint in done.stdout and TOWN_CODE in done.stdout and card.unit_name in done.stdout
        done = hexie(_dist(pair), "keys", "trust", str(card_file), "--fingerprint", "4031 7606 1283 5302 3053")
        assert done.returncode == 1 and "指纹不符" in done.stderr
        assert digest(pair.dist) == before
        done = hexie(_dist(pair), "keys", "trust", str(card_file), "--fingerprint", card.fingerprint.replace(" ", ""))
        assert done.returncode == 0 and "已信任" in done.stdout
        with pytest.raises(TypeError):
            ex.trust_card(pair.dctx, card_file)  # the service has no unconfirmed path either
    finally:
        pair.dispose()


def test_trust_on_a_terminal_asks_yes_or_no(tmp_path):
    pair = make_pair(tmp_path / "tty", enroll=False)
    try:
        card_file = pair.root / "town.card"
        for answer, code in ((b"n\n", 1), (b"y\n", 0)):
            output, status = _on_terminal([sys.executable, "-m", "hexie_desktop", "--data-dir", str(_dist(pair)),
                                           "keys", "trust", str(card_file)], answer)
            assert "[y/N]" in output and os.waitstatus_to_exitcode(status) == code, output
        assert _township(pair).status == "trusted"
    finally:
        pair.dispose()


def _on_terminal(argv: list[str], answer: bytes) -> tuple[str, int]:
    """Run ``argv`` on a pseudo-terminal, typing ``answer`` at the first question; (output, wait status)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("HEXIE_")}
    environment.update({"HEXIE_PASSWORD": PASSWORD, "HEXIE_KEY_PASSPHRASE": PASSPHRASE})
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execvpe(argv[0], argv, environment)
    output, sent = b"", False
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        if not sent and (b"[y/N]" in output or b"passphrase" in output.lower()):
            os.write(fd, answer)
            sent = True
    _pid, status = os.waitpid(pid, 0)
    os.close(fd)
    return output.decode("utf-8", "replace"), status


# ---------------------------------------------------------------- 7. interop with the stock age tool


def _stock_age() -> str:
    found = shutil.which("age")
    if found is None and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "age"], capture_output=True, timeout=600,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        found = shutil.which("age")
    if found is None:
        pytest.skip("the stock age tool is not installable here")
    return found


def test_export_identity_opens_a_package_with_the_stock_age_tool(pair, tmp_path):
    age = _stock_age()
    case_actions.apply(pair.tctx, pair.numbers[0], "accept", {"on": "2026-09-17"})
    package = pair.export("p2.hxp").paths[0]
    identity = tmp_path / "district-identity.age"
    done = hexie(_dist(pair), "keys", "export-identity", "--out", str(identity))
    assert done.returncode == 0 and "警告" in done.stderr and "私钥" in done.stderr
    assert identity.stat().st_mode & 0o077 == 0, "owner-only"
    assert b"AGE-SECRET-KEY" not in identity.read_bytes(), "never in clear"
    with pair.dist.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_log WHERE action = 'exchange.identity'")).scalar_one()
    with zipfile.ZipFile(package) as box:
        (tmp_path / "payload.age").write_bytes(box.read("payload.age"))
    output, status = _on_terminal([age, "-d", "-i", str(identity), "-o", str(tmp_path / "payload.zip"),
                                   str(tmp_path / "payload.age")], PASSPHRASE.encode() + b"\n")
    assert os.waitstatus_to_exitcode(status) == 0, output
    with zipfile.ZipFile(tmp_path / "payload.zip") as payload:
        cases = payload.read("tables/cases.jsonl").decode("utf-8")
    assert pair.numbers[0] in cases
    output, status = _on_terminal([age, "-d", "-i", str(identity), "-o", str(tmp_path / "wrong.zip"),
                                   str(tmp_path / "payload.age")], b"not the passphrase\n")
    assert os.waitstatus_to_exitcode(status) != 0 and not (tmp_path / "wrong.zip").exists()


def test_export_identity_needs_a_passphrase_and_the_right_one(pair, tmp_path):
    identity = tmp_path / "id.age"
    done = hexie(_town(pair), "keys", "export-identity", "--out", str(identity), env={"HEXIE_KEY_PASSPHRASE": ""})
    assert done.returncode == 1 and "HEXIE_KEY_PASSPHRASE" in done.stderr and not identity.exists()
    done = hexie(_dist(pair), "keys", "export-identity", "--out", str(identity),
                 env={"HEXIE_KEY_PASSPHRASE": "wrong passphrase"})
    assert done.returncode == 1 and "[E_KEYS]" in done.stderr and not identity.exists()
    done = hexie(_town(pair), "keys", "export-identity", "--out", str(identity),
                 env={"HEXIE_KEY_PASSPHRASE": "township-secret"})
    assert done.returncode == 0 and identity.exists()
    import pyrage.passphrase

    secret = pyrage.passphrase.decrypt(identity.read_bytes(), "township-secret").decode()
    town_keys = keyring.load(state.keys_dir(pair.town))
    assert str(town_keys.identity) in secret


def test_manifests_written_before_fingerprint_v2_still_parse(pair):
    from hexie_desktop.exchange import container as hxp
    from hexie_desktop.exchange import limits
    from hexie_desktop.exchange import manifest as mf
    from hexie_desktop.exchange.errors import E_FORMAT

    box = hxp.open_container(pair.root / "p1.hxp")
    try:
        raw = json.loads(box.manifest_bytes)
    finally:
        box.close()
    card = keyring.Card.from_dict(raw["sender_card"])
    assert raw["sender"]["fingerprint"] == card.fingerprint, "new manifests carry the v2 fingerprint"
    raw["sender"]["fingerprint"] = card.legacy_fingerprint
    assert mf.parse(limits.dumps(raw)).sender_fingerprint == card.fingerprint, "shown as v2"
    for field, value in (("fingerprint", "1111 2222 3333 4444 5555"), ("unit_name", "西坝镇")):
        patched = json.loads(json.dumps(raw))
        patched["sender"][field] = value
        with pytest.raises(ExchangeError) as refused:
            mf.parse(limits.dumps(patched))
        assert refused.value.code == E_FORMAT
