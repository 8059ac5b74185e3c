"""Races and leftovers: real ``hexie`` processes importing at once, or killed (-9) at the worst moments.

* two ``hexie import`` of the same package at once → exactly one applies it (one package
  row, one receipt, one audit entry); the other answers E_DUPLICATE and changes nothing;
* an import killed while decrypting or before its commit leaves no plain payload anywhere
  (the plain payload is a nameless temporary file), the district unchanged, and the next
  import works and sweeps the dead run's folder;
* an export killed at every step never lets one number name two packages: a package that
  appears under its final name is recorded, the next export gets a fresh number, and the
  district accepts what was emitted in order.

The processes are lined up and killed with crash points (:mod:`hexie_desktop.failpoints`),
so every run takes the same path; nothing depends on timing.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hexie_desktop.exchange import container as hxp
from hexie_desktop.exchange import manifest as mf
from hexie_desktop.exchange import state
from hexie_desktop.storage.lock import StationLock
from hexie_desktop.storage.models import AuditEntry, ExchangePackage
from tests.e2e.exchange_support import PASSPHRASE, PASSWORD, db_digest, open_pair, register
from tests.e2e.helpers import applicant
from tests.e2e.test_district_postgres import server  # noqa: F401 - its PostgreSQL server fixture

NAMES = ("王秀英", "李建国", "张桂兰")
SKIP = ("audit_log", "users")  # every CLI login writes these
WAIT = 300  # seconds: a bound for a process that hangs, never an assertion on speed


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEXIE_FAILPOINT")}
    env.update(HEXIE_PASSWORD=PASSWORD, HEXIE_KEY_PASSPHRASE=PASSPHRASE, **extra)
    return env


def _start(data_dir: Path, *argv: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "hexie_desktop", "--data-dir", str(data_dir), *argv],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(**env))


def _run(data_dir: Path, *argv: str, **env: str) -> subprocess.CompletedProcess:
    process = _start(data_dir, *argv, **env)
    out, err = process.communicate(timeout=WAIT)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _killed(result: subprocess.CompletedProcess) -> bool:
    return result.returncode == -9 and "Traceback" not in result.stderr


def _count(station, model, *where) -> int:
    with station.db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def _plain_markers() -> list[bytes]:
    ids = [applicant(n, seq=100 + i)["id_number"] for i, n in enumerate(NAMES)]
    return [n.encode() for n in NAMES] + [i.encode() for i in ids] + [b"tables/cases.jsonl", b'"id_number"']


def _leftovers(root: Path) -> dict[str, bytes]:
    """Every file below the district's exchange area and incoming attachments, with its content."""
    found = {}
    for base in (root / "exchange", root / "attachments" / ".incoming"):
        for dirpath, _dirs, files in os.walk(base):
            for name in files:
                path = Path(dirpath) / name
                found[path.relative_to(root).as_posix()] = path.read_bytes()
    return found


def _assert_no_plaintext(root: Path) -> None:
    for rel, data in _leftovers(root).items():
        for marker in _plain_markers():
            assert marker not in data, f"plain payload left in {rel}"
        name = Path(rel).name
        assert name == state.IN_USE or name.endswith(hxp.SUFFIX) or name == state.EPOCH_FILE, \
            f"unexpected file left behind: {rel}"
        if name.endswith(hxp.SUFFIX):  # a receipt being written: a sealed package, never a plain ZIP of rows
            with zipfile.ZipFile(root / rel) as zf:
                assert sorted(zf.namelist()) == sorted(hxp.MEMBERS)


@pytest.fixture
def pair(tmp_path: Path):
    with open_pair(tmp_path / "x") as made:
        register(made.tctx, *NAMES)
        yield made


def _district_dir(pair) -> Path:
    return pair.root / "dist"


def _outcome(pair, package_id: str) -> tuple[int, int, int]:
    """(package rows, receipts issued, import audit entries) for ``package_id`` at the district."""
    return (_count(pair.dist, ExchangePackage, ExchangePackage.id == package_id),
            _count(pair.dist, ExchangePackage, ExchangePackage.direction == "out",
                   ExchangePackage.kind == "receipt"),
            _count(pair.dist, AuditEntry, AuditEntry.action == "exchange.import",
                   AuditEntry.entity_id == package_id))


def _line_up(processes: list[subprocess.Popen], folder: Path) -> None:
    """Wait until every process stands at the pause point, then let them all go at once."""
    deadline = time.monotonic() + WAIT
    while len(list(folder.glob("reached-*"))) < len(processes):
        if not all(p.poll() is None for p in processes) or time.monotonic() >= deadline:
            for p in processes:  # the others wait at the pause point for ever: end them before reading
                p.kill()
            outputs = [p.communicate(timeout=WAIT) for p in processes]
            raise AssertionError(f"not every process reached the pause point: {outputs}")
        time.sleep(0.05)
    (folder / "go").touch()


def test_two_imports_of_the_same_package_at_once_apply_it_once(pair, tmp_path: Path):
    exported = pair.export("p1.hxp")
    folder = tmp_path / "line-up"
    folder.mkdir()
    # Both processes pass the early duplicate check and decrypt before either begins to write.
    processes = [_start(_district_dir(pair), "import", str(exported.paths[0]),
                        HEXIE_FAILPOINT="pause:import.decrypted", HEXIE_FAILPOINT_DIR=str(folder))
                 for _ in range(2)]
    _line_up(processes, folder)
    results = [p.communicate(timeout=WAIT) + (p.returncode,) for p in processes]
    codes = sorted(code for _out, _err, code in results)
    assert codes == [0, 1], results
    loser = next(err for _out, err, code in results if code == 1)
    assert "[E_DUPLICATE]" in loser and loser.count("\n") == 1 and "Traceback" not in loser
    assert _outcome(pair, exported.package_id) == (1, 1, 1)
    outbox = list(state.outbox(pair.dist).glob("*.hxp"))
    assert len(outbox) == 1, "exactly one receipt written"
    assert list(state.staging_root(pair.dist).iterdir()) == []


def test_two_imports_racing_freely_apply_it_once(pair):
    exported = pair.export("p1.hxp")
    processes = [_start(_district_dir(pair), "import", str(exported.paths[0])) for _ in range(2)]
    results = [p.communicate(timeout=WAIT) + (p.returncode,) for p in processes]
    assert sorted(code for *_rest, code in results) == [0, 1], results
    assert _outcome(pair, exported.package_id) == (1, 1, 1)


@pytest.mark.parametrize("point", ["import.decrypted", "import.applied"])
def test_a_killed_import_leaves_no_plaintext_and_the_next_one_works(pair, point: str):
    exported = pair.export("p1.hxp")
    before = db_digest(pair.dist, skip=SKIP)
    killed = _run(_district_dir(pair), "import", str(exported.paths[0]), HEXIE_FAILPOINT=point)
    assert _killed(killed), killed
    assert db_digest(pair.dist, skip=SKIP) == before, "a killed import changed the district"
    _assert_no_plaintext(_district_dir(pair))
    again = _run(_district_dir(pair), "import", str(exported.paths[0]))
    assert again.returncode == 0, again.stderr
    assert _outcome(pair, exported.package_id) == (1, 1, 1)
    assert list(state.staging_root(pair.dist).iterdir()) == [], "the dead run's folder was swept"


def test_stale_staging_is_swept_when_the_station_opens_but_a_live_run_is_kept(pair):
    root = state.staging_root(pair.dist)
    stale = root / "run-0123456789abcdef"
    (stale / "pkg-x").mkdir(parents=True)
    (stale / "pkg-x" / "payload.zip").write_bytes(b"PK\x03\x04 names and ID numbers")
    (root / ".new-00000000").mkdir()
    live = root / "run-live"
    live.mkdir()
    lock = StationLock(live / state.IN_USE).acquire()  # another process importing right now
    try:
        result = _run(_district_dir(pair), "keys", "show")
        assert result.returncode == 0, result.stderr
        assert sorted(p.name for p in root.iterdir()) == ["run-live"]
    finally:
        lock.release()
    assert state.clean_staging(pair.dist) == 1 and list(root.iterdir()) == []


def _emitted(folder: Path) -> list[tuple[int, str, Path]]:
    """(sequence, package id, file) of every package that appeared under a final name in ``folder``."""
    out = []
    for path in sorted(folder.glob("*.hxp")):
        box = hxp.open_container(path)
        try:
            manifest = mf.parse(box.manifest_bytes)
        finally:
            box.close()
        out.append((manifest.sequence, manifest.package_id, path))
    return sorted(out)


def test_an_export_killed_at_every_step_never_reuses_a_number(pair, tmp_path: Path):
    town = pair.root / "town"
    outbox = tmp_path / "usb"
    outbox.mkdir()
    recorded = []
    for step, point in enumerate(["export.numbered", "export.written", "export.committed", "export.published"]):
        target = outbox / f"k{step}.hxp"
        killed = _run(town, "export", "--out", str(target), HEXIE_FAILPOINT=point)
        assert _killed(killed), (point, killed)
        with pair.town.db.engine.connect() as conn:
            rows = conn.execute(select(ExchangePackage.sequence, ExchangePackage.id).where(
                ExchangePackage.direction == "out")).all()
        recorded = sorted(rows)
        sequences = [s for s, _id in recorded]
        assert len(sequences) == len(set(sequences)), f"{point}: one number recorded twice"
        emitted = _emitted(outbox)
        for sequence, package_id, path in emitted:
            assert (sequence, package_id) in recorded, f"{point}: {path.name} appeared but was never recorded"
        assert target.exists() == (point == "export.published"), point
    final = _run(town, "export", "--out", str(outbox / "final.hxp"))
    assert final.returncode == 0, final.stderr
    emitted = _emitted(outbox)
    sequences = [s for s, _pid, _path in emitted]
    assert len(emitted) == 2 and len(set(sequences)) == 2
    with pair.town.db.engine.connect() as conn:
        highest_before = max(s for s, _id in recorded)
        final_seq = conn.execute(select(func.max(ExchangePackage.sequence)).where(
            ExchangePackage.direction == "out")).scalar_one()
    assert final_seq > highest_before, "the next export got a fresh number"
    assert sorted(p.name for p in outbox.iterdir()) == ["final.hxp", "k3.hxp"], "no pending leftovers"
    for _sequence, _pid, path in emitted:  # in numbering order
        outcome = pair.to_district(path)[0]
        assert outcome.ok, (path.name, outcome.error)


# ---------------------------------------------------------------- the same race with the district on PostgreSQL


def _start_pg(url: str, local: Path, *argv: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "hexie_desktop", "--db-url", url, *argv],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_env(HEXIE_DATA_DIR=str(local), **env))


@pytest.mark.postgres
def test_two_imports_at_once_on_postgresql_apply_it_once(server, tmp_path: Path, monkeypatch):  # noqa: F811
    local = tmp_path / "local"
    monkeypatch.setenv("HEXIE_DATA_DIR", str(local))
    url = server.create_database("district_race")
    with open_pair(tmp_path / "pg", db_url=url) as made:
        register(made.tctx, *NAMES)
        exported = made.export("p1.hxp")
        folder = tmp_path / "line-up"
        folder.mkdir()
        processes = [_start_pg(url, local, "import", str(exported.paths[0]),
                               HEXIE_FAILPOINT="pause:import.decrypted", HEXIE_FAILPOINT_DIR=str(folder))
                     for _ in range(2)]
        _line_up(processes, folder)
        results = [p.communicate(timeout=WAIT) + (p.returncode,) for p in processes]
        assert sorted(code for *_rest, code in results) == [0, 1], results
        loser = next(err for _out, err, code in results if code == 1)
        assert "[E_DUPLICATE]" in loser and "Traceback" not in loser
        assert _outcome(made, exported.package_id) == (1, 1, 1)


def test_a_cleaner_holding_a_new_folder_for_a_moment_does_not_fail_the_run(tmp_path, monkeypatch):
    """Another import's clean() may lock a just-made ``.new-`` folder before its owner does (seen once in
    a full run: the second of two simultaneous imports stopped with 本站数据已在另一个程序窗口中打开).
    The owner then takes another name; the cleaner removes the folder it held."""
    root = tmp_path / "staging"
    real_acquire = StationLock.acquire
    cleaners: list[StationLock] = []

    def raced(self):
        if self.path.parent.name.startswith(".new-") and not cleaners:
            cleaners.append(real_acquire(StationLock(self.path)))  # the cleaner gets there first
        return real_acquire(self)

    monkeypatch.setattr(StationLock, "acquire", raced)
    with state.scratch(root) as folder:
        assert folder.is_dir() and StationLock(folder / state.IN_USE).path.exists()
        held_by_cleaner = cleaners[0].path.parent
        assert held_by_cleaner != folder
    assert not folder.exists()
    cleaners[0].release()
    assert state.clean(root) == 1 and list(root.iterdir()) == []
