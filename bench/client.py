"""A patient's browser, reduced to what the form needs: open the page, send it, time the send."""

import http.cookiejar
import re
import time
import urllib.error
import urllib.parse
import urllib.request

FORM_PATH = "/request-appointment/"


class LoopbackIsSecure(http.cookiejar.DefaultCookiePolicy):
    """Browsers treat http://127.0.0.1 as a secure context and send it `Secure` cookies (the CSRF
    cookie in production settings is one); so does this client."""

    def return_ok_secure(self, cookie, request):
        return True


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 303 itself is the answer we time


def patient(number: int) -> dict:
    return {
        "first_name": f"Bench{number}",
        "last_name": "Patient",
        "phone": f"(312) 555-{number % 10000:04d}",
        "email": "",
        "preferred_contact": "phone",
        "patient_type": "new",
        "preferred_days": ["mon", "wed"],
        "preferred_times": ["morning"],
        "reason": "Benchmark request",
        "privacy_acknowledged": "on",
    }


def submit(base_url: str, number: int, timeout: float = 60.0) -> tuple[int, float]:
    """Returns (HTTP status of the POST, seconds the POST took)."""
    cookies = http.cookiejar.CookieJar(policy=LoopbackIsSecure())
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies), NoRedirect)
    with opener.open(base_url + FORM_PATH, timeout=timeout) as response:
        html = response.read().decode()
    fields = patient(number)
    fields["form_token"] = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    fields["csrfmiddlewaretoken"] = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', html
    ).group(1)
    body = urllib.parse.urlencode(fields, doseq=True).encode()
    started = time.perf_counter()
    try:
        with opener.open(base_url + FORM_PATH, data=body, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as answer:  # 303 (not followed) and any error
        status = answer.code
    return status, time.perf_counter() - started


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]
