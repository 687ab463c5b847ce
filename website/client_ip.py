"""The client's IP address, for sign-in lockouts and the appointment form's rate limit.

Anyone can send an X-Forwarded-For header, so a header is believed only from a connection made
by one of our own proxies: REMOTE_ADDR (the address gunicorn accepted the connection from) must
be in TRUSTED_PROXIES. Then the client's address is read from the one header named by
CLIENT_IP_HEADER, which that proxy overwrites with the address it received the request from
(deploy/nginx/default.conf.template). Its rightmost entry is used, so a proxy that appends
instead of overwriting still yields the address it saw, never one the client made up. Anything
else (no header configured, a connection from elsewhere, no usable header) gives REMOTE_ADDR.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(entries) -> tuple[Network, ...]:
    """TRUSTED_PROXIES entries (addresses or CIDR ranges) as networks; a clear error if one is
    not an address, so a typo cannot silently trust nobody or everybody."""
    networks = []
    for entry in entries:
        if not entry.strip():
            continue  # a trailing comma
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {entry!r} is not an IP address or network (e.g. 10.0.0.2 or "
                "172.30.57.0/24)."
            ) from None
    return tuple(networks)


@lru_cache(maxsize=8)
def _trusted_networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return parse_networks(entries)


def _address(text: str):
    """An address as ipaddress sees it, IPv4-mapped IPv6 as plain IPv4; None if not one."""
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def is_trusted_proxy(remote_addr: str) -> bool:
    address = _address(remote_addr)
    networks = _trusted_networks(tuple(settings.TRUSTED_PROXIES))
    return address is not None and any(address in network for network in networks)


def client_ip(request) -> str:
    remote_addr = request.META.get("REMOTE_ADDR", "")
    header = settings.CLIENT_IP_HEADER
    if header and is_trusted_proxy(remote_addr):
        entries = [part for part in request.META.get(header, "").split(",") if part.strip()]
        if entries and (forwarded := _address(entries[-1])) is not None:
            return str(forwarded)
    return remote_addr
