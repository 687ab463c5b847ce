"""The streamed Excel writer (website/spreadsheet.py), read back by openpyxl: every row in order,
whole numbers as numbers, text as typed (escaped for XML, control characters XML cannot hold
left out), and the bytes handed on chunk by chunk."""

import io

import openpyxl

from website.spreadsheet import column_letters, stream_xlsx


def read(parts) -> list[tuple]:
    return list(openpyxl.load_workbook(io.BytesIO(b"".join(parts))).active.values)


def test_rows_come_back_as_written():
    heading = ["Number", "Text", "Empty"]
    chunks = [
        [[1, 'Jane <b>&</b> "Doe"', ""], [2, "  spaces kept  ", None]],
        [[3, "tab\there, bell\x07 gone", "été, 日本, عربى"]],
    ]
    rows = read(stream_xlsx(heading, chunks))
    assert rows == [
        ("Number", "Text", "Empty"),
        (1, 'Jane <b>&</b> "Doe"', None),
        (2, "  spaces kept  ", None),
        (3, "tab\there, bell gone", "été, 日本, عربى"),
    ]


def test_it_streams_as_the_rows_come():
    consumed = []

    def chunks():
        for number in range(50):
            consumed.append(number)
            yield [
                [number * 1000 + row, f"row {row} of a long-ish text " * 20] for row in range(1000)
            ]

    stream = stream_xlsx(["n", "text"], chunks())
    first = next(stream)
    assert first.startswith(b"PK")  # a zip, begun before most rows were read
    assert len(consumed) < 50
    rows = read([first, *stream])
    assert len(rows) == 1 + 50 * 1000
    assert rows[-1][0] == 49 * 1000 + 999


def test_column_letters():
    assert column_letters(28)[:3] == ["A", "B", "C"]
    assert column_letters(28)[25:] == ["Z", "AA", "AB"]
