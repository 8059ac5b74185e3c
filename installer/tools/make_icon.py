"""Render ``installer/icons/hexie.svg`` to the PNG and ICO files the installers ship.

Run it after changing the SVG (needs PySide6, i.e. the project's .venv):
``QT_QPA_PLATFORM=offscreen .venv/bin/python installer/tools/make_icon.py``.  The outputs are
committed, so building the installers does not need Qt.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn at ``size`` × ``size`` pixels, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding PNG-compressed images (Windows Vista and later read these)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def main() -> int:
    """Write hexie.png (256 px), hexie-48.png and hexie.ico beside the SVG."""
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "hexie.svg"))
    pngs = {size: render(renderer, size) for size in SIZES}
    (ICONS / "hexie.png").write_bytes(pngs[256])
    (ICONS / "hexie-48.png").write_bytes(pngs[48])
    (ICONS / "hexie.ico").write_bytes(ico(pngs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
