"""R-WS-5 verdicts from injected network readings, and the route-table parsers."""

from __future__ import annotations

import ipaddress
import json

import pytest

from app.selfcheck.model import Status
from app.selfcheck.network import (
    PUBLIC_PROBES,
    Interface,
    Lookup,
    NetworkReading,
    Proxy,
    Route,
    check_internet,
    parse_ip_json,
    parse_netsh_winhttp,
    parse_proc_ipv6_route,
    parse_proc_route,
    parse_windows_routes,
    proxy_host,
    read_proxies,
    route_lookup,
)

ip, net = ipaddress.ip_address, ipaddress.ip_network
GW = ip("10.231.0.2")
DEFAULT = Route(net("0.0.0.0/0"), GW, "eth0")
LAN = Route(net("10.231.0.0/30"), None, "eth0")


def no_route() -> tuple[Lookup, ...]:
    return tuple(Lookup(t, False, error="ENETUNREACH") for t in PUBLIC_PROBES)


def routed(route: Route) -> tuple[Lookup, ...]:
    return tuple(
        Lookup(t, True, ip("10.231.0.1"), route) if t.version == 4 else Lookup(t, False)
        for t in PUBLIC_PROBES
    )


@pytest.mark.req("R-WS-5")
def test_isolated_workstation_passes() -> None:
    result = check_internet(NetworkReading(no_route(), (LAN,), "test"), [])
    assert (result.status, result.reason) == (Status.PASS, "internet_none")


@pytest.mark.req("R-WS-5")
def test_default_route_fails_and_names_interface_and_gateway() -> None:
    result = check_internet(NetworkReading(routed(DEFAULT), (LAN, DEFAULT), "test"), [])
    assert result.status is Status.FAIL
    assert result.value == "default via 10.231.0.2 dev eth0"
    assert (result.args["interface"], result.args["gateway"]) == ("eth0", "10.231.0.2")


@pytest.mark.req("R-WS-5")
def test_route_through_allow_listed_channel_router_passes() -> None:
    reading = NetworkReading(routed(DEFAULT), (LAN, DEFAULT), "test")
    assert check_internet(reading, [net("10.231.0.0/30")]).status is Status.PASS
    assert check_internet(reading, [net("10.0.0.0/16")]).status is Status.FAIL


@pytest.mark.req("R-WS-5")
def test_specific_public_route_in_table_fails_even_when_probes_miss_it() -> None:
    odd = Route(net("52.0.0.0/8"), GW, "tun0")
    result = check_internet(NetworkReading(no_route(), (LAN, odd), "test"), [])
    assert result.status is Status.FAIL and result.args["interface"] == "tun0"
    # …unless that public prefix is the protected channel's own address space.
    assert (
        check_internet(NetworkReading(no_route(), (odd,), "t"), [net("52.0.0.0/8")]).status
        is Status.PASS
    )


@pytest.mark.req("R-WS-5")
def test_on_link_public_route_names_on_link() -> None:
    ppp = Route(net("0.0.0.0/0"), None, "ppp0")
    result = check_internet(NetworkReading(routed(ppp), (ppp,), "t"), [])
    assert result.status is Status.FAIL and result.args["gateway"] == "on-link"


@pytest.mark.req("R-WS-5")
def test_connected_wireless_or_mobile_interface_is_undetermined() -> None:
    wifi = Interface("wlan0", True, "up", wireless=True)
    reading = NetworkReading(no_route(), (), "t", interfaces=(wifi,))
    assert check_internet(reading, []).status is Status.UNDETERMINED
    off = Interface("wwan0", True, "down", mobile=True)
    result = check_internet(NetworkReading(no_route(), (), "t", interfaces=(off,)), [])
    assert result.status is Status.PASS and any(
        "mobile interface wwan0" in e for e in result.evidence
    )


@pytest.mark.req("R-WS-5")
def test_proxies() -> None:
    reachable = Lookup(ip("203.0.113.5"), True, ip("10.0.0.1"), Route(net("0.0.0.0/0"), GW, "e"))
    by_ip = Proxy("env HTTPS_PROXY", "http://203.0.113.5:3128", "203.0.113.5", reachable)
    assert (
        check_internet(NetworkReading(no_route(), (), "t", proxies=(by_ip,)), []).status
        is Status.FAIL
    )
    by_name = Proxy("WinHTTP", "proxy.corp:8080", "proxy.corp")  # never resolved: no DNS query
    assert (
        check_internet(NetworkReading(no_route(), (), "t", proxies=(by_name,)), []).status
        is Status.UNDETERMINED
    )
    local = Proxy("env HTTP_PROXY", "http://127.0.0.1:3128", "127.0.0.1")
    assert (
        check_internet(NetworkReading(no_route(), (), "t", proxies=(local,)), []).status
        is Status.PASS
    )


@pytest.mark.req("R-WS-5")
def test_odd_lookup_error_is_undetermined_not_pass() -> None:
    odd = (Lookup(ip("8.8.8.8"), False, error="unknown:EIO"),)
    assert check_internet(NetworkReading(odd, (), "t"), []).status is Status.UNDETERMINED


def test_proxy_sources_and_hosts() -> None:
    found = read_proxies({"https_proxy": "http://u:p@10.1.2.3:8080", "PATH": "/bin"})
    assert [(p.source, p.host) for p in found] == [("env https_proxy", "10.1.2.3")]
    assert proxy_host("proxy.corp:3128") == "proxy.corp"
    assert proxy_host("http=[2001:db8::1]:80;https=x:1") == "2001:db8::1"
    assert (
        parse_netsh_winhttp(
            "Current WinHTTP proxy settings:\n\n    Direct access (no proxy server).\n"
        )
        is None
    )
    assert (
        parse_netsh_winhttp(
            "Текущие параметры прокси WinHTTP:\n    Прокси-сервер(ы) :  10.9.8.7:3128\n"
            "    Список обхода    :  (нет)\n"
        )
        == "10.9.8.7:3128"
    )


@pytest.mark.req("R-WS-5")
def test_route_lookup_of_loopback_uses_the_kernel_table() -> None:
    found = route_lookup(ip("127.0.0.1"))
    assert found.reachable and found.source == ip("127.0.0.1")


def test_parse_proc_route() -> None:
    text = (
        "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
        "eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n"
        "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n"
        "eth1\t0000000A\t00000000\t0201\t0\t0\t0\t000000FF\t0\t0\t0\n"  # RTF_REJECT: skipped
    )
    routes = parse_proc_route(text)
    assert [r.describe() for r in routes] == [
        "default via 192.0.2.1 dev eth0",
        "192.0.2.0/24 dev eth0",
    ]
    assert routes[0].metric == 100


def test_parse_proc_ipv6_route() -> None:
    text = (
        "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
        "fd000000000000000000000000000001 00000400 00000002 00000000 00000003     eth0\n"
        "fe800000000000000000000000000000 40 00000000000000000000000000000000 00 "
        "00000000000000000000000000000000 00000100 00000002 00000000 00000001     eth0\n"
        "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
        "00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo\n"
        "20010db8000000000000000000000002 80 00000000000000000000000000000000 00 "
        "00000000000000000000000000000000 00000000 00000003 00000000 80200001     eth0\n"
    )
    assert [r.describe() for r in parse_proc_ipv6_route(text)] == ["default via fd00::1 dev eth0"]


def test_parse_ip_json_keeps_unicast_of_every_table() -> None:
    v4 = json.dumps(
        [
            {"dst": "default", "gateway": "192.0.2.1", "dev": "eth0", "table": "100"},
            {"dst": "192.0.2.0/24", "dev": "eth0", "protocol": "kernel"},
            {"type": "local", "dst": "192.0.2.2", "dev": "eth0", "table": "local"},
            {"type": "blackhole", "dst": "198.51.100.0/24"},
            {"dst": "203.0.113.0/24", "nexthops": [{"gateway": "192.0.2.9", "dev": "eth1"}]},
        ]
    )
    assert [r.describe() for r in parse_ip_json(v4, 4)] == [
        "default via 192.0.2.1 dev eth0 table 100",
        "192.0.2.0/24 dev eth0",
        "203.0.113.0/24 via 192.0.2.9 dev eth1",
    ]


def test_parse_windows_routes() -> None:
    rows: list[dict[str, object]] = [
        {
            "DestinationPrefix": "0.0.0.0/0",
            "NextHop": "192.168.1.1",
            "InterfaceAlias": "Ethernet",
            "RouteMetric": 0,
        },
        {"DestinationPrefix": "192.168.1.0/24", "NextHop": "0.0.0.0", "InterfaceAlias": "Ethernet"},
        {"DestinationPrefix": "ff00::/8", "NextHop": "::", "InterfaceAlias": "Ethernet"},
    ]
    assert [r.describe() for r in parse_windows_routes(rows)] == [
        "default via 192.168.1.1 dev Ethernet",
        "192.168.1.0/24 dev Ethernet",
    ]
