"""`make bench`: the appointment form under a slow mail server, and the 1,000-request drill.

1. Latency: p50/p99 of the form POST while the SMTP server takes 5 s to answer each message.
   The POST only stores the request and queues a task, so it must not wait for email
   (target: p99 under 100 ms).
2. Drill: 1,000 submissions through gunicorn, with the broker (a private Redis) stopped for part
   of the run and a worker SIGKILLed once; then wait for the pipeline to catch up and count what
   was stored, emailed and duplicated (target: 1,000, 1,000, 0).

Each part runs its own stack in a temporary folder (SQLite, its own queue, its own ports); nothing
of `make run`'s is touched. Run one part: `python -m bench.appointments latency` or `… drill`.
"""

import argparse
import re
import shutil
import sqlite3
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .client import percentile, submit
from .stack import CountingSmtpServer, Stack

STAFF_INBOX = "frontdesk@example.com"  # the demo's notification address


def latency(requests: int, smtp_delay: float) -> bool:
    smtp = CountingSmtpServer(reply_delay=smtp_delay).start()
    stack = Stack(smtp, use_redis=False).start(celery_workers=1)
    try:
        for number in range(10):  # warm up: imports, connections, template caches
            submit(stack.url, number)
        timings, statuses = [], []
        for number in range(requests):
            status, seconds = submit(stack.url, 1000 + number)
            statuses.append(status)
            timings.append(seconds * 1000)
        staff_so_far = len([m for m in smtp.messages() if m[0] == STAFF_INBOX])
    finally:
        stack.stop()
        smtp.stop()
    p50, p90, p99 = (percentile(timings, f) for f in (0.5, 0.9, 0.99))
    met = p99 < 100 and statuses.count(303) == requests
    print(f"\nForm POST, mail server answering after {smtp_delay:g} s ({requests} requests, "
          "one after another):")  # fmt: skip
    print(f"  p50 {p50:.1f} ms   p90 {p90:.1f} ms   p99 {p99:.1f} ms   max {max(timings):.1f} ms")
    print(f"  answered 303 (thank-you): {statuses.count(303)} of {requests}")
    print(f"  staff emails delivered meanwhile: {staff_so_far} (the POSTs did not wait for them)")
    print(f"  target p99 < 100 ms: {'met' if met else 'NOT MET'}")
    return met


def drill(total: int, clients: int, drain_timeout: float) -> bool:
    if shutil.which("redis-server") is None:
        print("\nDrill skipped: it needs redis-server (apt-get install redis-server).")
        return False
    smtp = CountingSmtpServer(reply_delay=0.2).start()  # a little slow: kills land mid-send
    stack = Stack(smtp, use_redis=True).start(celery_workers=2, beat=True)
    # Far enough apart to land in different batches of 50, whatever the total.
    broker_down_at = int(total * 0.3)
    broker_up_at = max(int(total * 0.5), broker_down_at + 50)
    kill_at = max(int(total * 0.7), broker_up_at + 50)
    events = []
    try:
        statuses, timings = [], []
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=clients) as pool:
            for batch_start in range(0, total, 50):
                batch = range(batch_start, min(total, batch_start + 50))
                if broker_down_at in batch:
                    stack.stop_redis()
                    events.append(f"broker stopped at #{batch_start}")
                if broker_up_at in batch:
                    stack.start_redis()
                    events.append(f"broker back at #{batch_start}")
                if kill_at in batch:
                    stack.kill("worker0")
                    stack.start_worker("worker2")
                    events.append(f"worker SIGKILLed at #{batch_start} (and a new one started)")
                for status, seconds in pool.map(lambda n: submit(stack.url, n), batch):
                    statuses.append(status)
                    timings.append(seconds * 1000)
        submitted_in = time.monotonic() - started
        drained_in = _wait_until_all_emailed(stack.db_path, drain_timeout)
        time.sleep(5)  # anything still in flight (a duplicate) arrives
        stored = _count(stack.db_path, "SELECT count(*) FROM appointments_appointmentrequest")
        second_attempts = _count(
            stack.db_path,
            "SELECT count(*) FROM appointments_appointmentrequest WHERE delivery_attempts > 1",
        )
        not_queued = stack.log("web").count("Could not queue the emails of appointment request")
        numbers = [
            int(re.search(r"#(\d+)", subject).group(1))
            for to, subject, _ in smtp.messages()
            if to == STAFF_INBOX
        ]
    finally:
        stack.stop()
        smtp.stop()
    emailed, duplicated = len(set(numbers)), len(numbers) - len(set(numbers))
    met = statuses.count(303) == stored == emailed == total and duplicated == 0
    print(f"\nDrill: {total} submissions from {clients} clients in {submitted_in:.0f} s; "
          + "; ".join(events))  # fmt: skip
    print(f"  answered 303 (thank-you): {statuses.count(303)}   other answers: "
          f"{len(statuses) - statuses.count(303)}")  # fmt: skip
    print(f"  POST p50 {percentile(timings, 0.5):.1f} ms   p99 {percentile(timings, 0.99):.1f} ms")
    print(f"  stored: {stored}   emailed: {emailed}   duplicated: {duplicated}   "
          f"(target {total}, {total}, 0): {'met' if met else 'NOT MET'}")  # fmt: skip
    print(f"  queued by the sweep because the broker was down when they arrived: {not_queued}")
    print(f"  emailed by a second attempt (a killed worker's, or a retry): {second_attempts}")
    if drained_in is None:
        print(f"  some requests were still waiting after {drain_timeout:.0f} s")
    else:
        print(f"  every request emailed {drained_in:.0f} s after the last submission")
    return met


def _count(db_path: Path, query: str) -> int:
    with sqlite3.connect(db_path, timeout=30) as connection:
        return connection.execute(query).fetchone()[0]


def _wait_until_all_emailed(db_path: Path, timeout: float) -> float | None:
    started = time.monotonic()
    query = "SELECT count(*) FROM appointments_appointmentrequest WHERE staff_notified_at IS NULL"
    while time.monotonic() - started < timeout:
        if _count(db_path, query) == 0:
            return time.monotonic() - started
        time.sleep(2)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("part", nargs="?", choices=["latency", "drill", "all"], default="all")
    parser.add_argument("--requests", type=int, default=200, help="latency: POSTs to time")
    parser.add_argument("--smtp-delay", type=float, default=5.0)
    parser.add_argument("--drill-size", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--drain-timeout", type=float, default=600)
    args = parser.parse_args()
    results = []
    if args.part in {"latency", "all"}:
        results.append(latency(args.requests, args.smtp_delay))
    if args.part in {"drill", "all"}:
        results.append(drill(args.drill_size, args.clients, args.drain_timeout))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
