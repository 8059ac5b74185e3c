"""The font resolver: bundled fallbacks, office fonts first, glyph-by-glyph fallback, refusals.

Test fonts are built with fontTools; the real AR PL UKai (whose 䶮 is an empty glyph) comes
from ``fonts-arphic-ukai`` (``scripts/setup.sh --test``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

from hexie_desktop.documents import fonts as fonts_module
from hexie_desktop.documents.fontfiles import FontFile, FontIndex, _add_registry_entry, bundled_font_dir
from hexie_desktop.documents.fonts import BUNDLED, bundled_fonts, resolve
from hexie_desktop.documents.unicode_ttf import to_unicode_cmap

UKAI = Path("/usr/share/fonts/truetype/arphic/ukai.ttc")


def _square(pen) -> None:
    pen.moveTo((100, 0))
    pen.lineTo((100, 800))
    pen.lineTo((900, 800))
    pen.lineTo((900, 0))
    pen.closePath()


def _make_font(path: Path, chars: str, *, empty: str = "", variable: bool = False, cff: bool = False,
               family: str = "Test") -> Path:
    """A small font drawing a square for ``chars`` and nothing for ``empty``."""
    names = [".notdef"] + [f"g{i}" for i in range(len(chars) + len(empty))]
    cmap = {ord(c): f"g{i}" for i, c in enumerate(chars + empty)}
    builder = FontBuilder(1000, isTTF=not cff)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap(cmap)
    blank = {f"g{len(chars) + i}" for i in range(len(empty))}
    if cff:
        strings = {}
        for name in names:
            pen = T2CharStringPen(1000, None)
            if name not in blank and name != ".notdef":
                _square(pen)
            strings[name] = pen.getCharString()
        builder.setupCFF(family, {"FullName": family}, strings, {})
    else:
        glyphs = {}
        for name in names:
            pen = TTGlyphPen(None)
            if name not in blank and name != ".notdef":
                _square(pen)
            glyphs[name] = pen.glyph()
        builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (1000, 100) for name in names})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": family, "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=880, usWinAscent=880, usWinDescent=120, fsType=0)
    builder.setupPost()
    if variable:
        builder.setupFvar(axes=[("wght", 100, 400, 900, "Weight")], instances=[])
    builder.save(str(path))
    return path


def test_bundled_fonts_exist_with_their_licences():
    folder = bundled_font_dir()
    assert folder is not None
    for spec in BUNDLED:
        assert (folder / spec.file_name).is_file(), spec
        assert (folder / spec.licence_file).is_file(), spec


def test_bundled_set_covers_every_role_and_the_rare_name_characters():
    fonts = bundled_fonts()
    assert fonts.face("body").family == "AR PL UMing CN"
    assert fonts.face("heading").family == "WenQuanYi Zen Hei"
    assert fonts.face("kai").family == "LXGW WenKai"
    for role in fonts_module.ROLES:
        assert fonts.font_for("䶮", role) is not None
        assert fonts.font_for("𬌗", role) is not None
        assert fonts.font_for("张", role) == fonts.face(role).name
    # 𬌗 (CJK Ext-E) is only in LXGW WenKai among the bundled fonts.
    assert fonts.font_for("𬌗", "body") == fonts.face("kai").name
    assert fonts.missing("黄䶮邓𬌗\U000F0001\ue000x") in (["\U000F0001"], ["\U000F0001", "\ue000"])


def test_installed_office_font_is_preferred(tmp_path):
    source = bundled_font_dir() / "LXGWWenKai-Regular.ttf"
    shutil.copy(source, tmp_path / "simfang.ttf")
    fonts = resolve(system=False, extra_dirs=(tmp_path,))
    face = fonts.face("body")
    assert face.source == "system" and face.path == tmp_path / "simfang.ttf"
    assert fonts.face("heading").source == "bundled"


def test_empty_glyph_falls_back_to_the_next_font(tmp_path):
    _make_font(tmp_path / "simhei.ttf", "的一张", empty="䶮")
    fonts = resolve(system=False, extra_dirs=(tmp_path,))
    heading = fonts.face("heading")
    assert heading.path == tmp_path / "simhei.ttf"
    assert fonts.font_for("张", "heading") == heading.name
    assert fonts.font_for("䶮", "heading") not in (None, heading.name)
    assert fonts.font_for("李", "heading") not in (None, heading.name)


def test_real_ukai_empty_glyph_for_yan_is_skipped(tmp_path):
    assert UKAI.is_file(), "fonts-arphic-ukai missing: run scripts/setup.sh --test"
    (tmp_path / "simkai.ttf").symlink_to(UKAI)
    fonts = resolve(system=False, extra_dirs=(tmp_path,))
    kai = fonts.face("kai")
    assert kai.path == tmp_path / "simkai.ttf"
    assert fonts.font_for("楷", "kai") == kai.name
    assert fonts.font_for("䶮", "kai") not in (None, kai.name)


def test_rare_character_fallback_is_loaded_only_when_needed(tmp_path):
    # Like SimSun-ExtB: no common hanzi at all, only rare characters.
    _make_font(tmp_path / "simsunb.ttf", "\U000F0001", family="ExtB")
    fonts = resolve(system=False, extra_dirs=(tmp_path,))
    assert all(face.source == "bundled" for face in fonts.chain("body"))  # not loaded yet
    name = fonts.font_for("\U000F0001", "body")
    assert name is not None
    assert any(face.path == tmp_path / "simsunb.ttf" for face in fonts.chain("body"))
    assert fonts.font_for("张", "body") == fonts.face("body").name


def test_without_bundled_fonts_a_system_fallback_with_hanzi_prints(tmp_path):
    fonts_dir = tmp_path / "fonts"
    fonts_dir.mkdir()
    _make_font(fonts_dir / "msyh.ttc", "的一张", family="YaHei")
    fonts = resolve(system=False, extra_dirs=(fonts_dir,), bundled_dir=tmp_path / "none")
    for role in fonts_module.ROLES:
        assert fonts.face(role).path == fonts_dir / "msyh.ttc"


def test_fonts_with_the_same_postscript_name_stay_apart(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _make_font(tmp_path / "a" / "simhei.ttf", "的一张", family="Same")
    _make_font(tmp_path / "b" / "simhei.ttf", "的一李", family="Same")
    first = resolve(system=False, extra_dirs=(tmp_path / "a",))
    second = resolve(system=False, extra_dirs=(tmp_path / "b",))
    assert first.font_for("张", "heading") == first.face("heading").name
    assert second.font_for("李", "heading") == second.face("heading").name
    assert first.font_for("李", "heading") != first.face("heading").name


def test_variable_and_cff_fonts_are_refused(tmp_path):
    _make_font(tmp_path / "simhei.ttf", "的一", variable=True)
    _make_font(tmp_path / "simkai.ttf", "的一", cff=True)
    fonts = resolve(system=False, extra_dirs=(tmp_path,))
    assert fonts.face("heading").source == "bundled"
    assert fonts.face("kai").source == "bundled"


def test_font_without_chinese_is_not_used(tmp_path):
    _make_font(tmp_path / "simsun.ttc", "abc")
    fonts = resolve(system=False, extra_dirs=(tmp_path,))
    assert fonts.face("song").source == "bundled"


def test_windows_registry_names_map_collections_to_faces(tmp_path):
    (tmp_path / "simsun.ttc").write_bytes(b"x")
    index = FontIndex()
    _add_registry_entry(index, [tmp_path], "SimSun & NSimSun (TrueType)", "simsun.ttc")
    _add_registry_entry(index, [tmp_path], "仿宋_GB2312 (TrueType)", str(tmp_path / "missing.ttf"))
    assert index.find("simsun") == [FontFile(tmp_path / "simsun.ttc", 0)]
    assert index.find("NSimSun") == [FontFile(tmp_path / "simsun.ttc", 1)]
    assert index.find("仿宋_GB2312") == []


def test_no_font_at_all_is_an_error(tmp_path):
    from hexie_desktop.core.errors import StorageError

    with pytest.raises(StorageError):
        resolve(system=False, bundled_dir=tmp_path)


def test_to_unicode_map_uses_surrogate_pairs_beyond_the_bmp():
    cmap = to_unicode_cmap("AAAAAA+Test", [0, 0x4E2D, 0x2C317])
    assert "<01> <4E2D>" in cmap
    assert "<02> <D870DF17>" in cmap
