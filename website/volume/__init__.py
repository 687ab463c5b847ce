"""Volume data for `manage.py load_volume`: a practice group five years on (20 offices, 40
physicians, 2,000 articles, 300 handouts, 100,000 appointment requests), to measure the staff
tools and public pages at that size (`make bench-volume`). Every name, number and address is
made up (555 numbers, example.com addresses) and drawn from a seeded generator, so the same seed
on the same database gives the same data (dates are counted back from the day it runs).

The counts are totals: what the demo (or an earlier run) already has is counted, so a second
run adds nothing."""

import random
from dataclasses import dataclass

FULL = {"offices": 20, "physicians": 40, "articles": 2000, "handouts": 300, "requests": 100_000}


@dataclass(frozen=True)
class Targets:
    offices: int
    physicians: int
    articles: int
    handouts: int
    requests: int

    @classmethod
    def scaled(cls, scale: float) -> "Targets":
        """Each count times `scale`, and at least three pages of each kind (one or two more
        than the demo has), so a small scale still makes some of everything."""
        return cls(**{kind: max(3, round(n * scale)) for kind, n in FULL.items()})


def seeded(*parts) -> random.Random:
    """A generator of its own for each thing made (the 7th article, the 512th request), so adding
    a kind of field to one never changes another."""
    return random.Random(":".join(str(part) for part in parts))  # noqa: S311 (made-up data)
