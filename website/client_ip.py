"""The client's IP address, for lockouts and rate limits.

Behind a proxy every request comes from the proxy's address, and a client can put anything in
X-Forwarded-For. So the address is taken from one header named in the configuration
(CLIENT_IP_HEADER, e.g. HTTP_X_FORWARDED_FOR) and only from that; unset, REMOTE_ADDR is used.
For X-Forwarded-For the right-most entry counts: it is the one our own proxy appended.
"""

from django.conf import settings


def client_ip(request) -> str:
    header = settings.CLIENT_IP_HEADER
    if header:
        value = request.META.get(header, "")
        candidates = [part.strip() for part in value.split(",") if part.strip()]
        if candidates:
            return candidates[-1]
    return request.META.get("REMOTE_ADDR", "")
