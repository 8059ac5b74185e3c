"""Copy docs/USER-GUIDE.md and the screenshots it shows into the package: ``python scripts/sync_help.py``.

The app opens the guide offline from ``hexie_desktop/resources/help`` (帮助 → 使用说明);
tests/gui/test_help.py fails while the bundled copy differs from docs/.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TARGET = ROOT / "hexie_desktop" / "resources" / "help"
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def images(markdown: str) -> list[str]:
    """The relative paths of the images a Markdown text shows."""
    return IMAGE.findall(markdown)


def sync() -> list[Path]:
    """Replace the bundled guide with the one in docs/; returns the files written."""
    guide = (DOCS / "USER-GUIDE.md").read_text(encoding="utf-8")
    if TARGET.exists():
        shutil.rmtree(TARGET)
    (TARGET / "screenshots").mkdir(parents=True)
    written = [TARGET / "USER-GUIDE.md"]
    written[0].write_text(guide, encoding="utf-8")
    for name in images(guide):
        shutil.copyfile(DOCS / name, TARGET / name)
        written.append(TARGET / name)
    return written


if __name__ == "__main__":
    for path in sync():
        print(path.relative_to(ROOT))
