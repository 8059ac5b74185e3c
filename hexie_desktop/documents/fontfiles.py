"""Where font files are: the Windows font folders and registry, fontconfig, the bundled folder.

This module only finds files; :mod:`hexie_desktop.documents.fonts` decides which ones
are usable.  A :class:`FontIndex` maps normalised family names and file names to
``(path, subfont index)`` pairs, built once from whatever the machine offers:

* Windows: ``%WINDIR%\\Fonts``, ``%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts`` and the
  display names in the registry (``仿宋_GB2312 (TrueType)`` → file);
* Linux (UOS, Kylin …) and macOS: ``fc-list`` when present, and the usual font folders.
"""

from __future__ import annotations

import logging
import os
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from hexie_desktop.paths import RESOURCES

log = logging.getLogger(__name__)

FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")


def normalise(name: str) -> str:
    """Return a family or file name in the form used for lookups (lower case, no spaces)."""
    return "".join(name.split()).casefold()


@dataclass(frozen=True)
class FontFile:
    """One face in a font file: the file and the face index inside a collection."""

    path: Path
    index: int = 0


@dataclass
class FontIndex:
    """Font faces on this machine, by normalised family name and by file name."""

    by_family: dict[str, list[FontFile]] = field(default_factory=dict)
    by_filename: dict[str, Path] = field(default_factory=dict)
    spelling: dict[str, str] = field(default_factory=dict)

    def add_family(self, family: str, font: FontFile) -> None:
        """Record that ``font`` carries the family ``family``."""
        self.spelling.setdefault(normalise(family), family)
        entries = self.by_family.setdefault(normalise(family), [])
        if font not in entries:
            entries.append(font)

    def add_file(self, path: Path) -> None:
        """Record a font file under its file name (the first one found wins)."""
        self.by_filename.setdefault(normalise(path.name), path)

    def find(self, family: str) -> list[FontFile]:
        """Faces whose family is ``family`` (any spelling of case and spaces)."""
        return list(self.by_family.get(normalise(family), ()))

    def find_containing(self, fragments: tuple[str, ...]) -> list[tuple[FontFile, str]]:
        """Faces whose family name contains one of ``fragments`` (``仿宋`` finds 华文仿宋, 朱雀仿宋 …).

        Returned with the matching family, ordered by fragment, then by family name, so the
        choice does not depend on the order the folders were read in.
        """
        found: list[tuple[FontFile, str]] = []
        for fragment in fragments:
            key = normalise(fragment)
            for family in sorted(self.by_family):
                if key in family:
                    found += [(face, self.spelling.get(family, family)) for face in self.by_family[family]]
        return found

    def find_file(self, filename: str, index: int = 0) -> FontFile | None:
        """The face ``index`` of the file called ``filename``, if that file exists."""
        path = self.by_filename.get(normalise(filename))
        return FontFile(path, index) if path else None


def system_font_dirs() -> list[Path]:
    """The folders where this operating system keeps installed fonts."""
    dirs: list[Path] = []
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows"
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/System/Library/Fonts"), Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    else:
        data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        dirs += [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            Path(data_home) / "fonts",
            Path.home() / ".fonts",
        ]
    return [d for d in dirs if d.is_dir()]


def _walk_font_files(folder: Path) -> list[Path]:
    """Every font file below ``folder`` (recursively; unreadable folders are skipped)."""
    found: list[Path] = []
    for root, _dirs, files in os.walk(folder, onerror=lambda _err: None):
        for name in files:
            if name.lower().endswith(FONT_SUFFIXES):
                found.append(Path(root) / name)
    return found


def _windows_registry_fonts(index: FontIndex, font_dirs: list[Path]) -> None:
    """Add the display names of the Windows font registry (``仿宋_GB2312 (TrueType)``)."""
    if sys.platform != "win32":
        return
    import winreg

    key_path = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"
    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            key = winreg.OpenKey(hive, key_path)
        except OSError:
            continue
        with key:
            count = winreg.QueryInfoKey(key)[1]
            for number in range(count):
                try:
                    display, value, _kind = winreg.EnumValue(key, number)
                except OSError:
                    continue
                _add_registry_entry(index, font_dirs, str(display), str(value))


def _add_registry_entry(index: FontIndex, font_dirs: list[Path], display: str, value: str) -> None:
    """Add one registry entry; ``SimSun & NSimSun (TrueType)`` names faces 0 and 1."""
    path = Path(value)
    if not path.is_absolute():
        for folder in font_dirs:
            if (folder / value).is_file():
                path = folder / value
                break
        else:
            return
    if not path.is_file():
        return
    names = display.rsplit("(", 1)[0] if display.endswith(")") else display
    for face_index, family in enumerate(part.strip() for part in names.split("&")):
        if family:
            index.add_family(family, FontFile(path, face_index))


def _fontconfig_fonts(index: FontIndex) -> None:
    """Add every family fontconfig knows (``fc-list``), in all its languages."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return
    try:
        result = subprocess.run(
            [fc_list, "--format", "%{file}|%{index}|%{family}\n"],
            capture_output=True, text=True, encoding="utf-8", errors="replace",
            timeout=20, check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("fc-list failed: %s", exc)
        return
    for line in result.stdout.splitlines():
        parts = line.split("|", 2)
        if len(parts) != 3:
            continue
        file_name, face, families = parts
        try:
            face_index = int(face or 0)
        except ValueError:
            continue
        if face_index > 0xFFFF:  # named instances of variable fonts
            continue
        path = Path(file_name)
        for family in families.split(","):
            if family.strip():
                index.add_family(family.strip(), FontFile(path, face_index))


def _file_families(index: FontIndex, path: Path) -> None:
    """Add the family names written in the font file itself (for folders fontconfig does not know)."""
    from fontTools.ttLib import TTCollection, TTFont, TTLibError

    try:
        with open(path, "rb") as handle:
            collection = handle.read(4) == b"ttcf"
            handle.seek(0)
            faces = list(TTCollection(handle, lazy=True).fonts) if collection else [TTFont(handle, lazy=True)]
            for number, face in enumerate(faces):
                if "name" not in face:
                    continue
                for record in face["name"].names:
                    if record.nameID in (1, 16):
                        try:
                            index.add_family(record.toUnicode(), FontFile(path, number))
                        except UnicodeDecodeError:
                            continue
    except (OSError, TTLibError, ValueError, KeyError, AssertionError, struct.error) as exc:
        log.info("font %s: names not read: %s", path, exc)


def build_index(extra_dirs: tuple[Path, ...] = (), *, system: bool = True) -> FontIndex:
    """Index the fonts of this machine (``system``) and of ``extra_dirs``.

    Files in ``extra_dirs`` are also indexed by the family names they carry, so a 仿宋
    copied there is found by name like an installed one.
    """
    index = FontIndex()
    for folder in extra_dirs:
        for path in _walk_font_files(folder):
            _file_families(index, path)
    dirs = list(extra_dirs)
    if system:
        dirs += system_font_dirs()
    for folder in dirs:
        for path in _walk_font_files(folder):
            index.add_file(path)
    if system:
        _windows_registry_fonts(index, system_font_dirs())
        _fontconfig_fonts(index)
    return index


def bundled_font_dir() -> Path | None:
    """The folder of the fonts shipped with the application (package data ``hexie_desktop/resources/fonts``).

    ``HEXIE_FONT_DIR`` overrides it; a frozen build (PyInstaller) keeps the package layout
    under its bundle folder.
    """
    candidates: list[Path] = []
    override = os.environ.get("HEXIE_FONT_DIR")
    if override:
        candidates.append(Path(override))
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "hexie_desktop" / "resources" / "fonts")
    candidates.append(RESOURCES / "fonts")
    for folder in candidates:
        if folder.is_dir():
            return folder
    return None
