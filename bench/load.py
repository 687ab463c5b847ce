"""Load with wrk (Debian's package): requests/s and latency percentiles for one URL, and for a set
of URLs measured in interleaved rounds."""

import os
import re
import shutil
import statistics
import subprocess
from pathlib import Path

WRK = shutil.which("wrk")
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return round(float(number) * UNITS_MS[unit], 2)


def wrk(
    url: str, seconds: int = 10, threads: int = 2, connections: int = 8, pids: tuple[int, ...] = ()
) -> dict:
    """With `pids` (the server's workers), also the CPU time they spent per request during the
    run (`cpu_ms`): what the page costs rather than the share of the machine it got (contention
    for caches and cores still inflates it on a busy machine, less than it lowers requests/s)."""
    if WRK is None:
        raise RuntimeError("wrk is not installed (apt-get install wrk); `make bench` installs it")
    cpu_before = cpu_seconds(pids) if pids else None
    result = subprocess.run(
        [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    out = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    found = {"rps": round(rps, 1), "p50_ms": p50, "p99_ms": p99, "errors": errors}
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    cpu_after = cpu_seconds(pids) if pids else None
    if requests and cpu_before is not None and cpu_after is not None:
        found["cpu_ms"] = round(1000 * (cpu_after - cpu_before) / requests, 3)
    return found


def cpu_seconds(pids) -> float | None:
    """User and system CPU time of these processes so far (/proc/<pid>/stat, clock ticks); None
    if one has gone (a worker replaced mid-run: its time is lost, so no figure)."""
    ticks = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return None
        # The fields after the command's closing parenthesis; utime and stime are 14th and 15th.
        fields = stat.rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def round_orders(keys: list[str], rounds: int) -> list[list[str]]:
    """The order of each round: every key once, the list rotated by an even share of its length
    per round, so that each key is measured early, midway and late rather than always at the same
    place (a machine that speeds up or slows down over the minutes of a mode would otherwise
    favour whatever is measured first)."""
    step = max(1, len(keys) // rounds) if keys else 1
    orders = []
    for number in range(rounds):
        shift = (number * step) % len(keys) if keys else 0
        orders.append(keys[shift:] + keys[:shift])
    return orders


def wrk_rounds(
    urls: dict[str, str], rounds: int, seconds: int, on_run=None, pids: tuple[int, ...] = ()
) -> dict[str, dict]:
    """Each URL loaded once per round (round_orders), and per URL the median of its runs:
    requests/s, p50 and p99 (each the median of that figure), errors summed, the runs' requests/s
    in round order (`runs`) and their spread, (max - min) / median in percent (`spread_pct`).
    Pages measured seconds apart differ by what else the machine does meanwhile; measured in
    turns and compared by their medians, one busy moment moves one run, not the comparison."""
    runs: dict[str, list[dict]] = {key: [] for key in urls}
    for number, order in enumerate(round_orders(list(urls), rounds)):
        for key in order:
            if on_run:
                on_run(key, number)
            runs[key].append(wrk(urls[key], seconds=seconds, pids=pids))
    return {key: summarize(found) for key, found in runs.items()}


def summarize(runs: list[dict]) -> dict:
    rps = [run["rps"] for run in runs]
    median = statistics.median(rps)
    cpu = [run["cpu_ms"] for run in runs if "cpu_ms" in run]
    return {
        "rps": round(median, 1),
        "p50_ms": round(statistics.median(run["p50_ms"] for run in runs), 2),
        "p99_ms": round(statistics.median(run["p99_ms"] for run in runs), 2),
        "errors": sum(run["errors"] for run in runs),
        "runs": rps,
        "spread_pct": round(100 * (max(rps) - min(rps)) / median, 1) if median else 0.0,
    } | ({"cpu_ms": round(statistics.median(cpu), 3), "cpu_ms_runs": cpu} if cpu else {})
