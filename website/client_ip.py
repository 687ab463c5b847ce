"""The client's IP address, for sign-in lockouts and the appointment form's rate limit.

Behind a proxy every request comes from the proxy's address, and a client can put anything in
X-Forwarded-For. So the address is read from one header named in the configuration
(CLIENT_IP_HEADER, e.g. HTTP_X_FORWARDED_FOR), and only from that. Each of our own proxies
appends the address it received the request from, so the client's address is
TRUSTED_PROXY_COUNT places from the right; anything further left could be made up by the
client. With no header configured, the connection's own address (REMOTE_ADDR) is used.
"""

from django.conf import settings


def client_ip(request) -> str:
    header = settings.CLIENT_IP_HEADER
    if header:
        entries = [part.strip() for part in request.META.get(header, "").split(",")]
        entries = [entry for entry in entries if entry]
        proxies = max(settings.TRUSTED_PROXY_COUNT, 1)
        if len(entries) >= proxies:
            return entries[-proxies]
    return request.META.get("REMOTE_ADDR", "")
