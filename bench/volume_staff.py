"""The staff side of `make bench-volume`, measured in this process on the volume database: the
inbox (list, each filter, searches), the CSV and Excel exports of every request (time and how
much this process's memory grows while it streams them) and the nightly retention purge."""

import time
from pathlib import Path

from .client import percentile

INBOX = "/admin/appointment-requests/"
INBOX_RUNS = 20  # requests per URL; p95 of these


def inbox_urls() -> dict[str, str]:
    from locations.models import LocationPage

    # One of the volume's offices, as the filter lists them (English pages; a Spanish page's
    # id is not a choice, and the filter would be ignored).
    office = LocationPage.objects.filter(locale__language_code="en").order_by("-path").first()
    return {
        "list": INBOX,
        "status=new": f"{INBOX}?status=new",
        "status=scheduled": f"{INBOX}?status=scheduled",
        "received (a month)": f"{INBOX}?received_from=2025-03-01&received_to=2025-03-31",
        "captcha=not_verified": f"{INBOX}?captcha=not_verified",
        "office": f"{INBOX}?preferred_location={office.pk}",
        "office: any": f"{INBOX}?preferred_location=null",
        "language=es": f"{INBOX}?language=es",
        "search name": f"{INBOX}?q=Maria+Garcia",
        "search last name": f"{INBOX}?q=kowalski",
        "search phone": f"{INBOX}?q=%28312%29+555-0142",
        "search reference": f"{INBOX}?q=ABCD-EFGH",
        "filter + search": f"{INBOX}?status=contacted&language=en&q=smith",
    }


def staff_client():
    """A front-desk member signed in with both factors, as the inbox requires."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user, _ = get_user_model().objects.get_or_create(username="bench-front-desk")
    user.groups.add(Group.objects.get(name="Front desk"))
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def inbox_figures(client) -> dict:
    figures = {}
    for name, url in inbox_urls().items():
        response = client.get(url)  # warm
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        samples = []
        for _ in range(INBOX_RUNS):
            started = time.perf_counter()
            client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
        figures[name] = {
            "url": url,
            "p50_ms": round(percentile(samples, 0.5), 1),
            "p95_ms": round(percentile(samples, 0.95), 1),
        }
        print(f"  inbox {name:22} p95 {figures[name]['p95_ms']} ms")
    return figures


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def export_figures(client, spreadsheet_format: str) -> dict:
    """Downloads every request as the browser would (the streamed body read block by block);
    the memory growth is this process's peak resident set during the export over its size
    before it (the kernel's high-water mark, reset first)."""
    import gc

    gc.collect()
    before_kb = _status_kb("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current size
    started = time.perf_counter()
    response = client.get(INBOX, {"export": spreadsheet_format})
    size = lines = 0
    for block in response.streaming_content:
        size += len(block)
        lines += block.count(b"\n")
    seconds = time.perf_counter() - started
    growth_mb = (_status_kb("VmHWM") - before_kb) / 1024
    figures = {
        "seconds": round(seconds, 1),
        "memory_growth_mb": round(growth_mb, 1),
        "bytes": size,
        "streamed": response.streaming,
    }
    if spreadsheet_format == "csv":
        figures["rows"] = lines - 1
    print(f"  export {spreadsheet_format}: {figures}")
    return figures


def purge_figures() -> dict:
    from appointments.retention import expired_requests, purge_expired

    expired = expired_requests().count()
    batches = []
    started = time.perf_counter()
    deleted = purge_expired(on_batch=lambda count, seconds: batches.append(seconds))
    figures = {
        "expired_before": expired,
        "deleted": deleted,
        "left_expired": expired_requests().count(),
        "batches": len(batches),
        "longest_batch_s": round(max(batches, default=0), 3),
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(f"  purge: {figures}")
    return figures
