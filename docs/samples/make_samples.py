"""Regenerate the PNG previews in docs/samples from the test fixtures.

Run from the project root:  .venv/bin/python docs/samples/make_samples.py
Needs poppler-utils (pdftoppm).  Every image is a 50 dpi page, reduced to 16 grey levels
so it stays well under 60 KB.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from hexie_desktop.documents import render  # noqa: E402
from hexie_desktop.documents.fonts import bundled_fonts  # noqa: E402
from tests.unit import test_documents_helpers as h  # noqa: E402

OUT = Path(__file__).resolve().parent
MAX_BYTES = 60 * 1024

# (file name, document type, data, page) — page -1 is the last page.
SAMPLES = [
    ("application.png", "application", h.individual, 1),
    ("registration.png", "registration", h.individual, 1),
    ("notice.png", "notice", h.individual, 1),
    ("acceptance.png", "acceptance", h.individual, 1),
    ("rejection.png", "rejection", lambda: h.rejected(h.individual()), 1),
    ("record.png", "record", h.individual, 1),
    ("agreement-1.png", "agreement", h.individual, 1),
    ("agreement-last.png", "agreement", h.individual, -1),
    ("agreement-annex.png", "agreement", h.collective, -2),
    ("termination.png", "termination", lambda: h.failed(h.individual()), 1),
    ("service.png", "service", h.individual, 1),
    ("followup.png", "followup", h.individual, 1),
    ("cover.png", "cover", h.individual, 1),
    ("catalog.png", "catalog", h.individual, 1),
    ("wallboard-members.png", "wallboard", h.organization, 1),
    ("wallboard-procedure.png", "wallboard", h.organization, 3),
]


def _page_png(pdf: Path, page: int, dpi: int, target: Path) -> None:
    prefix = target.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-gray", "-singlefile", "-f", str(page), "-l", str(page),
                    str(pdf), str(prefix)], check=True)
    image = Image.open(target).convert("L").quantize(16)
    image.save(target, optimize=True)


def main() -> None:
    """Render each sample document and keep one page of it as a small PNG."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, doc_type, data, page in SAMPLES:
            pdf = Path(tmp) / f"{name}.pdf"
            result = render(doc_type, data(), h.station(), pdf, fonts=bundled_fonts())
            number = page if page > 0 else result.pages + 1 + page
            dpi = 20 if doc_type == "wallboard" else 50
            target = OUT / name
            _page_png(pdf, number, dpi, target)
            size = target.stat().st_size
            assert size <= MAX_BYTES, (name, size)
            print(f"{name}: page {number}/{result.pages}, {size // 1024} KB")


if __name__ == "__main__":
    main()
