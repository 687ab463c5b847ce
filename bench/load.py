"""Load with wrk (Debian's package): requests/s and latency percentiles for one URL."""

import re
import shutil
import subprocess

WRK = shutil.which("wrk")
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return round(float(number) * UNITS_MS[unit], 2)


def wrk(url: str, seconds: int = 10, threads: int = 2, connections: int = 8) -> dict:
    if WRK is None:
        raise RuntimeError("wrk is not installed (apt-get install wrk); `make bench` installs it")
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
    return {"rps": round(rps, 1), "p50_ms": p50, "p99_ms": p99, "errors": errors}
