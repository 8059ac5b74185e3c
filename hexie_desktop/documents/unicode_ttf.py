"""A reportlab ``TTFont`` whose text stays searchable for characters beyond the BMP.

reportlab 5.1 writes the ToUnicode map of an embedded subset as ``<code> <%04X>``, so a
character such as 𬌗 (U+2C317) becomes the invalid ``<2C317>`` and copy/paste or
``pdftotext`` yield a wrong character.  :class:`UnicodeTTFont` rewrites those maps with
UTF-16 surrogate pairs after reportlab has built them; everything else is reportlab's.
"""

from __future__ import annotations

from reportlab.pdfbase.ttfonts import SUBSETN, TTFont


def _utf16_hex(code: int) -> str:
    """The UTF-16BE hex form of one code point (a surrogate pair above U+FFFF)."""
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """A ToUnicode CMap for one 256-glyph subset, correct for every plane."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
    ]
    lines += [f"<{i:02X}> <{_utf16_hex(code)}>" for i, code in enumerate(subset)]
    lines += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


class UnicodeTTFont(TTFont):
    """``TTFont`` with ToUnicode maps that handle supplementary-plane characters."""

    def addObjects(self, doc) -> None:  # noqa: ANN001, N802 - reportlab's API
        """Add the subset objects, then correct the ToUnicode maps that need it."""
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        for number, subset in enumerate(subsets):
            if not any(code > 0xFFFF for code in subset):
                continue
            base = b"".join((SUBSETN(number), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = to_unicode_cmap(base, subset)
