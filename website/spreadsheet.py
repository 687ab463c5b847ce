"""An Excel workbook (.xlsx, one sheet) written while it is sent: each chunk of rows is zipped
and handed on at once, so the first bytes leave at once and memory stays flat however many rows.

openpyxl (which Wagtail's exports use) keeps a write-only sheet in a temporary file and zips it at
the end, and without lxml it writes XML in pure Python: for 100,000 requests it needed about a
minute of CPU on the benchmark machine before the first byte (`make bench-volume`). This writes
the same format (SpreadsheetML; text as inline strings, whole numbers as numbers) directly."""

import re
import zipfile
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" '
        f'Type="{DOCUMENT}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{MAIN}" xmlns:r="{DOCUMENT}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" '
        f'Type="{DOCUMENT}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}
# Characters XML 1.0 cannot hold (a pasted control character); they are left out.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class _Pipe:
    """A file that keeps what the zip writer writes until it is taken (it cannot seek, so the
    zip writer puts each entry's sizes after its data)."""

    def __init__(self):
        self.parts: list[bytes] = []

    def write(self, data) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts.clear()
        return data


def column_letters(count: int) -> list[str]:
    letters = []
    for number in range(1, count + 1):
        name = ""
        while number:
            number, rest = divmod(number - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


def _cell(ref: str, value) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = escape(NOT_XML.sub("", "" if value is None else str(value)))
    if not text:
        return ""  # an empty cell is no cell
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def stream_xlsx(heading: list[str], chunks: Iterable[list[list]]) -> Iterator[bytes]:
    """The workbook's bytes: the heading row, then each chunk of rows as it comes."""
    pipe = _Pipe()
    letters = column_letters(len(heading))
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        for name, xml in PARTS.items():
            book.writestr(name, HEAD + xml)
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'{HEAD}<worksheet xmlns="{MAIN}"><sheetData>'.encode())
            number = 1
            for rows in (([heading],), chunks):
                for chunk in rows:
                    lines = []
                    for row in chunk:
                        cells = "".join(
                            _cell(f"{letter}{number}", value)
                            for letter, value in zip(letters, row, strict=True)
                        )
                        lines.append(f'<row r="{number}">{cells}</row>')
                        number += 1
                    sheet.write("".join(lines).encode())
                    if data := pipe.take():  # the compressor may still hold all of it
                        yield data
            sheet.write(b"</sheetData></worksheet>")
    yield pipe.take()
