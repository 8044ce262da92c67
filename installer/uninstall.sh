#!/usr/bin/env bash
# SIO Desk removal: uninstall.sh [--prefix DIR] [--purge-user-data]
# Run from DIR (DIR/uninstall.sh) it removes that installation; the medium's copy needs --prefix.
# --purge-user-data also destroys every user's SIO Desk data (vault, case material, sandbox,
# logs, the gateway's data) and the machine's policy and pinned release certificate.
set -euo pipefail
SELF="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
CONF="${XDG_CONFIG_DIRS:-/etc/xdg}"; CONF="${CONF%%:*}/sio-desk"
say() { printf 'uninstall.sh: %s\n' "$*" >&2; }
usage() { say "usage: uninstall.sh [--prefix DIR] [--purge-user-data]"; exit 2; }

PREFIX="" PURGE=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) [[ $# -ge 2 ]] || usage; PREFIX="$2"; shift 2 ;;
        --purge-user-data) PURGE=1; shift ;;
        -h|--help) usage ;;
        *) say "unknown option: $1"; usage ;;
    esac
done
if [[ -z "$PREFIX" ]]; then
    # Installed copies live in DIR/versions/V/; DIR/uninstall.sh is a link to one of them.
    case "$SELF" in */versions/*) PREFIX="${SELF%/versions/*}" ;; *) usage ;; esac
fi
PREFIX="$(cd "$PREFIX" 2>/dev/null && pwd)" || { say "no installation at $PREFIX"; exit 3; }
[[ -L "$PREFIX/current" && -d "$PREFIX/versions" ]] || { say "no SIO Desk installation in $PREFIX"; exit 3; }

# Only what install.sh made; DIR itself goes only when nothing else is left in it.
for link in bin/sio-desk bin/sio-gateway uninstall.sh current; do
    [[ -L "$PREFIX/$link" ]] && rm -f "$PREFIX/$link"
done
rm -rf "$PREFIX/versions"
rmdir "$PREFIX/bin" 2>/dev/null || true
rmdir "$PREFIX" 2>/dev/null || say "kept $PREFIX: it holds files SIO Desk did not put there"
say "removed SIO Desk from $PREFIX"

[[ $PURGE -eq 1 ]] || exit 0
# Every account's data dirs (platformdirs' defaults: XDG_DATA_HOME etc. set per user are not seen).
# Homes come from the account database and from /home itself: directory users (SSSD, AD) are
# often not enumerable with getent.
DATA_DIRS=(.local/share/sio-desk .local/share/sio-gateway .local/state/sio-desk
    .local/state/sio-gateway .cache/sio-desk .cache/sio-gateway)
homes() {
    getent passwd | cut -d: -f6
    find /home -mindepth 1 -maxdepth 1 -type d 2>/dev/null
    printf '%s\n' "${HOME:-}"
}
while IFS= read -r home; do
    [[ -n "$home" && "$home" == /* && -d "$home" ]] || continue
    for d in "${DATA_DIRS[@]}"; do
        if [[ -e "$home/$d" ]]; then
            rm -rf -- "${home:?}/$d"
            say "destroyed $home/$d"
        fi
    done
done < <(homes | sort -u)
rm -f "$CONF/policy.json" "$CONF/release-cert.pem"
rmdir "$CONF" 2>/dev/null || true
say "user data, the policy and the pinned release certificate are gone; vault keys left in users' keyrings open nothing now"
