"""Font resolver: which TrueType font prints each role, and which one prints each character.

Roles follow GB/T 9704: ``title`` 小标宋, ``heading`` 黑体, ``kai`` 楷体, ``body`` 仿宋 and
``song`` 宋体 (page numbers).  For every role the resolver tries the office fonts a
township PC may have (仿宋_GB2312, FangSong/simfang.ttf, 方正小标宋, SimHei, KaiTi,
SimSun …), then the freely licensed fonts bundled in ``hexie_desktop/resources/fonts``:

* Noto Serif SC Bold (a bold Song, the closest free face to 小标宋: titles; SIL OFL 1.1),
* AR PL UMing CN (Ming/Song look, body and page numbers; Arphic Public License),
* WenQuanYi Zen Hei (Hei look, headings; GPL-2 with font embedding exception),
* LXGW WenKai (Kai look; SIL OFL 1.1; also covers CJK Ext-B+ characters such as 𬌗).

Installed fonts are found by family name (Windows registry, fontconfig) and file name;
after the exact names, any family whose name contains the role's style (``仿宋``/
``FangSong`` for the body — 华文仿宋, 朱雀仿宋 …; ``小标宋``, then ``中宋``/``粗宋`` for titles)
is tried.  A role font must print simplified Chinese: a traditional-only face (cwTeX
仿宋 of ``fonts-cwtex-fs``, which lacks 们/这/调 …) is skipped.

Only static TrueType (glyf) fonts are used: reportlab refuses CFF outlines and would
embed the default (Thin) master of a variable font, so both are skipped.  Fonts are
always embedded as subsets.  A character is printed with the first font of the role's
chain that has a non-empty glyph for it; :meth:`FontSet.font_for` returns ``None`` when
no font has one, and the PDF backend then draws a placeholder box and warns.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import struct
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from hexie_desktop.documents import fontfiles
from hexie_desktop.documents.fontfiles import FontFile, FontIndex
from hexie_desktop.documents.unicode_ttf import UnicodeTTFont

log = logging.getLogger(__name__)

ROLES = ("title", "heading", "kai", "body", "song")

# (family names, known file names with face index) per role, best first.
_SYSTEM_CANDIDATES: dict[str, tuple[tuple[str, ...], tuple[tuple[str, int], ...]]] = {
    "title": (
        ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05", "方正小标宋",
         "华文中宋", "STZhongsong", "方正粗宋简体", "FZCuSong-B09S",
         "Noto Serif SC Bold", "Source Han Serif SC Bold", "思源宋体 Bold", "Source Han Serif SC Heavy"),
        (("FZXBSJW.TTF", 0), ("方正小标宋简体.ttf", 0), ("FZXBSK.TTF", 0), ("方正小标宋_GBK.ttf", 0),
         ("STZHONGS.TTF", 0)),
    ),
    "heading": (
        ("SimHei", "黑体", "方正黑体_GBK", "方正黑体简体"),
        (("simhei.ttf", 0), ("FZHTK.TTF", 0), ("FZHTJW.TTF", 0)),
    ),
    "kai": (
        ("楷体_GB2312", "KaiTi_GB2312", "KaiTi", "楷体", "方正楷体_GBK", "方正楷体简体"),
        (("楷体_GB2312.ttf", 0), ("KAI_GB2312.TTF", 0), ("simkai.ttf", 0), ("FZKTK.TTF", 0)),
    ),
    "body": (
        ("仿宋_GB2312", "FangSong_GB2312", "FangSong", "仿宋", "方正仿宋_GBK", "方正仿宋简体",
         "FZFangSong-Z02S", "华文仿宋", "STFangsong"),
        (("仿宋_GB2312.ttf", 0), ("FS_GB2312.TTF", 0), ("simfang.ttf", 0), ("FZFSK.TTF", 0),
         ("STFANGSO.TTF", 0)),
    ),
    "song": (
        ("SimSun", "宋体", "方正书宋_GBK"),
        (("simsun.ttc", 0), ("simsun.ttf", 0), ("FZSSK.TTF", 0)),
    ),
}

# After the exact names: any installed family whose name contains one of these (best first).
_FAMILY_FRAGMENTS: dict[str, tuple[str, ...]] = {
    "title": ("小标宋", "XiaoBiaoSong", "中宋", "ZhongSong", "粗宋", "CuSong"),
    "heading": ("黑体", "SimHei"),
    "kai": ("楷体", "KaiTi"),
    "body": ("仿宋", "FangSong"),
    "song": ("宋体", "SimSun"),
}

# Simplified characters and their traditional forms: a role font must draw the simplified
# ones when it draws the traditional ones (no traditional-only face for a simplified text).
_SIMPLIFIED = "们这说调劳议书"
_TRADITIONAL = "們這說調勞議書"

# System fonts tried for characters the role font lacks (rare name characters).
_SYSTEM_FALLBACKS: tuple[tuple[tuple[str, ...], tuple[tuple[str, int], ...]], ...] = (
    (("SimSun", "宋体"), (("simsun.ttc", 0),)),
    (("SimSun-ExtB",), (("simsunb.ttf", 0),)),
    (("SimSun-ExtG",), (("SimsunExtG.ttf", 0),)),
    (("MingLiU-ExtB",), (("mingliub.ttc", 0),)),
    (("Microsoft YaHei", "微软雅黑"), (("msyh.ttc", 0),)),
)


@dataclass(frozen=True)
class BundledFont:
    """A font file shipped in ``hexie_desktop/resources/fonts`` (package data)."""

    key: str
    file_name: str
    family: str
    licence_file: str


BUNDLED: tuple[BundledFont, ...] = (
    BundledFont("serif_bold", "NotoSerifSC-Bold.ttf", "Noto Serif SC Bold", "LICENSE-OFL-1.1-Noto-Serif-SC.txt"),
    BundledFont("song", "AR-PL-UMing-CN.ttf", "AR PL UMing CN", "LICENSE-ARPHIC-PUBLIC-LICENSE.txt"),
    BundledFont("hei", "WenQuanYi-Zen-Hei.ttf", "WenQuanYi Zen Hei",
                "LICENSE-GPL-2-with-font-exception-WenQuanYi.txt"),
    BundledFont("kai", "LXGWWenKai-Regular.ttf", "LXGW WenKai", "LICENSE-OFL-1.1-LXGW-WenKai.txt"),
)

# Bundled font preferred for each role, then the order of the other bundled fonts.
_BUNDLED_FOR_ROLE = {
    "title": ("serif_bold", "hei", "song", "kai"),
    "heading": ("hei", "song", "kai", "serif_bold"),
    "kai": ("kai", "song", "hei", "serif_bold"),
    "body": ("song", "hei", "kai", "serif_bold"),
    "song": ("song", "hei", "kai", "serif_bold"),
}

# PostScript name → the file (and face) first registered under it.
_FACE_OWNERS: dict[bytes, str] = {}

# Characters that are legitimately drawn as nothing.
_BLANK_OK = {0x20, 0xA0, 0x3000, 0x2002, 0x2003, 0x2009}


@dataclass(frozen=True)
class FontFace:
    """A usable font: its reportlab name and where it comes from."""

    name: str
    family: str
    path: Path
    index: int
    source: str  # "system" or "bundled"


class _Coverage:
    """Answers "does this font draw this character?" from reportlab's own parse of the file."""

    def __init__(self, font: TTFont) -> None:
        face = font.face
        self._char_to_glyph = face.charToGlyph
        self._glyph_pos = face.glyphPos
        self._data = face._ttf_data
        self._glyf = face.table["glyf"]["offset"] if "glyf" in face.table else None
        self._cache: dict[int, bool] = {}

    def draws(self, code: int) -> bool:
        """True when the font maps ``code`` to a glyph with at least one contour."""
        known = self._cache.get(code)
        if known is None:
            known = self._cache[code] = self._check(code)
        return known

    def _check(self, code: int) -> bool:
        glyph = self._char_to_glyph.get(code)
        if glyph is None or glyph == 0:
            return False
        if code in _BLANK_OK or unicodedata.category(chr(code)) == "Zs":
            return True
        if self._glyf is None or glyph + 1 >= len(self._glyph_pos):
            return False
        start, end = self._glyph_pos[glyph], self._glyph_pos[glyph + 1]
        if end - start < 10:  # no outline data at all
            return False
        (contours,) = struct.unpack_from(">h", self._data, self._glyf + start)
        return contours != 0  # -1 = composite glyph, fine


def prints_simplified(coverage: _Coverage) -> bool:
    """False for a traditional-only face: it draws 們這說… but not 们这说… ."""
    traditional = sum(coverage.draws(ord(c)) for c in _TRADITIONAL)
    simplified = sum(coverage.draws(ord(c)) for c in _SIMPLIFIED)
    return simplified >= traditional or simplified == len(_SIMPLIFIED)


def _register(path: Path, index: int, family: str, source: str, *,
              chinese: bool = True) -> tuple[FontFace, _Coverage] | None:
    """Load one face into reportlab; ``None`` (and a log line) when it cannot be used.

    With ``chinese`` the face must draw common hanzi (the role fonts); rare-character
    fallbacks such as SimSun-ExtB only carry CJK extensions and are exempt.
    """
    digest = hashlib.sha1(f"{path}|{index}".encode()).hexdigest()[:10]
    name = f"Hexie-{digest}"
    try:
        font = pdfmetrics.getFont(name)
    except KeyError:
        try:
            font = UnicodeTTFont(name, str(path), subfontIndex=index)
        except (TTFError, OSError, ValueError, IndexError, struct.error) as exc:
            log.info("font %s[%d] skipped: %s", path, index, exc)
            return None
        face_tables = font.face.table
        if "fvar" in face_tables or "gvar" in face_tables:
            log.info("font %s[%d] skipped: variable font (only static instances are used)", path, index)
            return None
        if "glyf" not in face_tables:
            log.info("font %s[%d] skipped: no TrueType outlines", path, index)
            return None
        # reportlab shares one font object between files whose PostScript names are equal;
        # give a second, different file its own name so each name draws its own glyphs.
        owner = _FACE_OWNERS.setdefault(font.face.name, f"{path}|{index}")
        if owner != f"{path}|{index}":
            font.face.name = font.face.name + b"-" + digest[:6].encode("ascii")
        pdfmetrics.registerFont(font)
        font = pdfmetrics.getFont(name)
    coverage = _Coverage(font)
    if chinese and not (coverage.draws(ord("的")) and coverage.draws(ord("一"))):
        log.info("font %s[%d] skipped: no Chinese glyphs", path, index)
        return None
    if chinese and not prints_simplified(coverage):
        log.info("font %s[%d] skipped: traditional Chinese only", path, index)
        return None
    return FontFace(name, family, path, index, source), coverage


class _Fallback:
    """A system font kept for rare characters: found on disk, loaded only when first needed."""

    def __init__(self, label: str, candidates: list[FontFile]) -> None:
        self.label = label
        self.candidates = candidates
        self.loaded: tuple[FontFace, _Coverage] | None = None
        self.tried = False

    def load(self) -> tuple[FontFace, _Coverage] | None:
        """The usable face among the candidates (loaded once), or ``None``."""
        if not self.tried:
            self.tried = True
            for found in self.candidates:
                self.loaded = _register(found.path, found.index, self.label, "system", chinese=False)
                if self.loaded:
                    break
        return self.loaded


class FontSet:
    """The fonts chosen for each role and the fallback chain used glyph by glyph."""

    def __init__(self, chains: dict[str, list[FontFace | _Fallback]], coverage: dict[str, _Coverage]) -> None:
        self._chains = chains
        self._coverage = coverage
        self._picks: dict[tuple[str, str], str | None] = {}
        self._lock = threading.Lock()

    def face(self, role: str) -> FontFace:
        """The font that prints ``role`` (the first of its chain)."""
        return next(entry for entry in self._chains[role] if isinstance(entry, FontFace))

    def chain(self, role: str) -> tuple[FontFace, ...]:
        """The fonts tried for ``role``, in order (rare-character fallbacks once loaded)."""
        out = []
        for entry in self._chains[role]:
            if isinstance(entry, FontFace):
                out.append(entry)
            elif entry.loaded:
                out.append(entry.loaded[0])
        return tuple(out)

    def font_for(self, char: str, role: str) -> str | None:
        """The reportlab font name printing ``char`` in ``role``; ``None`` if no font has it."""
        key = (char, role)
        try:
            return self._picks[key]
        except KeyError:
            pass
        code = ord(char)
        pick = None
        with self._lock:
            for entry in self._chains[role]:
                if isinstance(entry, _Fallback):
                    loaded = entry.load()
                    if loaded is None:
                        continue
                    face, coverage = loaded
                else:
                    face, coverage = entry, self._coverage[entry.name]
                if coverage.draws(code):
                    pick = face.name
                    break
            self._picks[key] = pick
        return pick

    def missing(self, text: str, role: str = "body") -> list[str]:
        """The distinct characters of ``text`` no font can print, in order of appearance."""
        seen: dict[str, None] = {}
        for char in text:
            if char not in seen and not char.isspace() and self.font_for(char, role) is None:
                seen[char] = None
        return list(seen)

    def describe(self) -> dict[str, str]:
        """Role → "family (source)" — what the settings screen shows."""
        return {role: f"{self.face(role).family}（{self.face(role).source}）" for role in self._chains}

    def names(self) -> set[str]:
        """Every reportlab font name loaded for any chain."""
        return {face.name for role in self._chains for face in self.chain(role)}


def _candidates(index: FontIndex, families: tuple[str, ...],
                files: tuple[tuple[str, int], ...]) -> list[tuple[FontFile, str]]:
    """Faces on disk matching ``families`` or ``files``, best first, without duplicates."""
    found: list[tuple[FontFile, str]] = []
    for family in families:
        found += [(face, family) for face in index.find(family)]
    for file_name, face_index in files:
        face = index.find_file(file_name, face_index)
        if face:
            found.append((face, file_name))
    unique: list[tuple[FontFile, str]] = []
    seen: set[FontFile] = set()
    for face, label in found:
        if face not in seen:
            seen.add(face)
            unique.append((face, label))
    return unique


def _system_face(index: FontIndex, families: tuple[str, ...], files: tuple[tuple[str, int], ...],
                 role: str) -> tuple[FontFace, _Coverage] | None:
    """The first usable system face among ``families`` and ``files``, then any family of the role's style."""
    found_all = _candidates(index, families, files)
    seen = {face for face, _label in found_all}
    for face, label in index.find_containing(_FAMILY_FRAGMENTS.get(role, ())):
        if face not in seen:
            seen.add(face)
            found_all.append((face, label))
    for found, label in found_all:
        loaded = _register(found.path, found.index, label, "system")
        if loaded:
            log.info("role %s: %s from %s", role, label, found.path)
            return loaded
    return None


def resolve(*, system: bool = True, bundled_dir: Path | None = None,
            extra_dirs: tuple[Path, ...] = ()) -> FontSet:
    """Choose fonts: installed office fonts first (when ``system``), bundled ones after.

    ``extra_dirs`` are searched like system font folders (for tests and portable
    installs).  System fonts kept only for rare characters (SimSun-ExtB …) are loaded
    when a character first needs them.  Raises
    :class:`~hexie_desktop.core.errors.StorageError` when no usable font is found at all
    (the bundled folder is missing and nothing is installed).
    """
    from hexie_desktop.core.errors import StorageError
    from hexie_desktop.core.i18n import _

    index = fontfiles.build_index(extra_dirs, system=system)
    coverage: dict[str, _Coverage] = {}
    bundled: dict[str, FontFace] = {}
    folder = bundled_dir or fontfiles.bundled_font_dir()
    if folder:
        for spec in BUNDLED:
            path = folder / spec.file_name
            if path.is_file():
                loaded = _register(path, 0, spec.family, "bundled")
                if loaded:
                    bundled[spec.key] = loaded[0]
                    coverage[loaded[0].name] = loaded[1]
    fallbacks: list[_Fallback] = []
    if system or extra_dirs:
        for families, files in _SYSTEM_FALLBACKS:
            found = _candidates(index, families, files)
            if found:
                fallbacks.append(_Fallback(found[0][1], [face for face, _label in found]))
    chains: dict[str, list[FontFace | _Fallback]] = {}
    for role in ROLES:
        primary: list[FontFace] = []
        if system or extra_dirs:
            families, files = _SYSTEM_CANDIDATES[role]
            loaded = _system_face(index, families, files, role)
            if loaded:
                coverage[loaded[0].name] = loaded[1]
                primary.append(loaded[0])
        primary += [bundled[key] for key in _BUNDLED_FOR_ROLE[role][:1] if key in bundled]
        if not primary:  # no role font and nothing bundled: any fallback that has hanzi
            for fallback in fallbacks:
                loaded = fallback.load()
                if loaded and loaded[1].draws(ord("的")):
                    primary.append(loaded[0])
                    coverage[loaded[0].name] = loaded[1]
                    break
        if not primary:
            raise StorageError(_("找不到可用的中文字体：请检查安装目录中的 hexie_desktop/resources/fonts 文件夹"))
        chain: list[FontFace | _Fallback] = [*primary, *fallbacks]
        chain += [bundled[key] for key in _BUNDLED_FOR_ROLE[role] if key in bundled and bundled[key] not in primary]
        chains[role] = chain
    return FontSet(chains, coverage)


@functools.lru_cache(maxsize=1)
def default_fonts() -> FontSet:
    """The process-wide font set (installed fonts first, bundled fonts as fallback)."""
    return resolve()


@functools.lru_cache(maxsize=1)
def bundled_fonts() -> FontSet:
    """A font set of the bundled fonts only: the same output on every machine."""
    return resolve(system=False)
