#!/usr/bin/env bash
# SIO Desk installer: install.sh --prefix DIR [--policy FILE] [--replace-policy]
#                                  [--release-cert FILE] [--allow-downgrade]
# Checks the whole medium first (every file hashed and listed, the manifest signed by the pinned
# release certificate), then unpacks side by side and switches DIR/bin links. Nothing is fetched.
# Any refusal leaves the machine as it was. Exit: 0 done, 2 usage, 3 refused (medium), 4 refused
# (state: downgrade, policy), 5 failed while installing (rolled back).
set -euo pipefail
umask 022
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CONF="${XDG_CONFIG_DIRS:-/etc/xdg}"; CONF="${CONF%%:*}/sio-desk"  # platformdirs' site config dir
PIN="$CONF/release-cert.pem"

say() { printf 'install.sh: %s\n' "$*" >&2; }
usage() { say "usage: install.sh --prefix DIR [--policy FILE] [--replace-policy] [--release-cert FILE] [--allow-downgrade]"; exit 2; }
refuse() { say "REFUSED: $*"; say "nothing was installed or changed."; exit "${CODE:-3}"; }

PREFIX="" POLICY="" CERT="" REPLACE_POLICY=0 DOWNGRADE=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) [[ $# -ge 2 ]] || usage; PREFIX="$2"; shift 2 ;;
        --policy) [[ $# -ge 2 ]] || usage; POLICY="$2"; shift 2 ;;
        --release-cert) [[ $# -ge 2 ]] || usage; CERT="$2"; shift 2 ;;
        --replace-policy) REPLACE_POLICY=1; shift ;;
        --allow-downgrade) DOWNGRADE=1; shift ;;
        -h|--help) usage ;;
        *) say "unknown option: $1"; usage ;;
    esac
done
[[ -n "$PREFIX" ]] || usage
[[ "$PREFIX" == /* ]] || PREFIX="$(pwd)/$PREFIX"
for tool in sha256sum tar find sort; do command -v "$tool" >/dev/null || refuse "$tool is missing"; done

# 1. The manifest: well-formed, every listed file matches, every file is listed.
cd "$HERE"
[[ -f MANIFEST.sha256 && -f MANIFEST.sha256.sig ]] || refuse "the medium has no MANIFEST.sha256 and its signature"
grep -qvE '^[0-9a-f]{64}  [A-Za-z0-9._+/-]+$' MANIFEST.sha256 && refuse "MANIFEST.sha256 has a malformed line"
grep -qE '  (/|.*(^|/)\.\.(/|$))' MANIFEST.sha256 && refuse "MANIFEST.sha256 names a path outside the medium"
listed="$(cut -c67- MANIFEST.sha256 | LC_ALL=C sort)"
present="$(find . -mindepth 1 ! -type d -printf '%P\n' | grep -vxE 'MANIFEST\.sha256(\.sig)?' | LC_ALL=C sort || true)"
unlisted="$(LC_ALL=C comm -13 <(printf '%s\n' "$listed") <(printf '%s\n' "$present") | head -n5)"
[[ -z "$unlisted" ]] || refuse "files the manifest does not list: $unlisted"
nonregular="$(find . -mindepth 1 ! -type d ! -type f -printf '%P\n' | head -n5)"
[[ -z "$nonregular" ]] || refuse "not regular files: $nonregular"
bad="$(sha256sum --check --strict --quiet MANIFEST.sha256 2>&1 | head -n5 || true)"
[[ -z "$bad" ]] || refuse "hash check failed: $bad"

# 2. The signature, against the pinned release certificate (given, or pinned by the first install).
if [[ -n "$CERT" ]]; then
    [[ -f "$CERT" ]] || refuse "no release certificate $CERT"
    if [[ -f "$PIN" ]] && ! cmp -s "$CERT" "$PIN"; then
        refuse "$CERT differs from the release certificate pinned in $PIN (see the guide: changing release keys)"
    fi
elif [[ -f "$PIN" ]]; then
    CERT="$PIN"
else
    refuse "no release certificate is pinned yet: give --release-cert FILE, obtained apart from this medium"
fi
command -v openssl >/dev/null || refuse "openssl is needed to check the medium's signature"
openssl cms -verify -binary -inform DER -in MANIFEST.sha256.sig -content MANIFEST.sha256 \
    -nointern -certfile "$CERT" -CAfile "$CERT" -purpose any -out /dev/null 2>/dev/null \
    || refuse "the manifest's signature does not verify against the release certificate $CERT"

# 3. What is installed: refuse a downgrade, and a policy over an existing one unless told.
VERSION="$(tr -d '[:space:]' < VERSION)"
[[ "$VERSION" =~ ^[0-9A-Za-z.+~-]+$ ]] || refuse "VERSION is malformed"
ARCHIVE="sio-desk-$VERSION-linux-x86_64.tar.gz"
[[ -f "$ARCHIVE" ]] || refuse "the medium has no $ARCHIVE"
CURRENT=""
if [[ -L "$PREFIX/current" ]]; then CURRENT="$(basename "$(readlink "$PREFIX/current")")"; fi
if [[ -n "$CURRENT" && "$CURRENT" != "$VERSION" ]]; then
    newest="$(printf '%s\n%s\n' "$CURRENT" "$VERSION" | sort -V | tail -n1)"
    if [[ "$newest" == "$CURRENT" && $DOWNGRADE -eq 0 ]]; then
        CODE=4 refuse "$VERSION is older than the installed $CURRENT (add --allow-downgrade to go back)"
    fi
fi
if [[ -n "$POLICY" ]]; then
    [[ -f "$POLICY" ]] || CODE=2 refuse "no policy file $POLICY"
    if [[ -e "$CONF/policy.json" && $REPLACE_POLICY -eq 0 ]] && ! cmp -s "$POLICY" "$CONF/policy.json"; then
        CODE=4 refuse "a policy is already in $CONF/policy.json (add --replace-policy to replace it)"
    fi
fi

# 4. Install, undoing everything on failure. Switching DIR/current is the last, atomic step: until
#    then the machine runs what it ran before.
set -E
CREATED=() UNDO=()
note_new() {  # the outermost missing ancestor of each folder about to be made
    local d="$1" top=""
    while [[ ! -e "$d" ]]; do top="$d"; d="$(dirname "$d")"; done
    [[ -z "$top" ]] || CREATED+=("$top")
}
note_new "$PREFIX/versions"; note_new "$PREFIX/bin"; note_new "$CONF"
rollback() {
    trap - ERR INT TERM
    say "FAILED while installing; undoing."
    local i
    for ((i=${#UNDO[@]}-1; i>=0; i--)); do eval "${UNDO[$i]}" || true; done
    for ((i=${#CREATED[@]}-1; i>=0; i--)); do rm -rf "${CREATED[$i]}"; done  # made by us alone
    exit 5
}
trap rollback ERR INT TERM
q() { printf '%q' "$1"; }
mkdir -p "$PREFIX/versions" "$PREFIX/bin" "$CONF"
TARGET="$PREFIX/versions/$VERSION"
if [[ ! -d "$TARGET" ]]; then
    STAGE="$(mktemp -d "$PREFIX/versions/.staging-XXXXXX")"
    UNDO+=("rm -rf $(q "$STAGE") $(q "$TARGET")")
    tar -xzf "$ARCHIVE" -C "$STAGE" --no-same-owner 2> >(head -n 3 >&2)
    "$STAGE/sio-desk/sio-desk" --help >/dev/null  # the frozen app starts on this machine
    cp uninstall.sh "$STAGE/uninstall.sh"
    chmod 755 "$STAGE" "$STAGE/uninstall.sh"
    mv -T "$STAGE" "$TARGET"
fi
# Links through DIR/current, made once; they follow every later switch.
link() {
    [[ -L "$1" && "$(readlink "$1")" == "$2" ]] && return 0
    [[ -e "$1" || -L "$1" ]] || UNDO+=("rm -f $(q "$1")")
    ln -sfn "$2" "$1.new.$$" && mv -Tf "$1.new.$$" "$1"
}
link "$PREFIX/bin/sio-desk" "../current/sio-desk/sio-desk"
link "$PREFIX/bin/sio-gateway" "../current/sio-desk/sio-gateway"
link "$PREFIX/uninstall.sh" "current/uninstall.sh"
if [[ ! -f "$PIN" ]]; then
    UNDO+=("rm -f $(q "$PIN")")
    install -m 644 "$CERT" "$PIN"
fi
if [[ -n "$POLICY" ]]; then
    if [[ -f "$CONF/policy.json" ]]; then
        cp -p "$CONF/policy.json" "$CONF/.policy.json.undo.$$"
        UNDO+=("mv -f $(q "$CONF/.policy.json.undo.$$") $(q "$CONF/policy.json")")
    else
        UNDO+=("rm -f $(q "$CONF/policy.json")")
    fi
    install -m 644 "$POLICY" "$CONF/policy.json"
fi
link "$PREFIX/current" "versions/$VERSION"
trap - ERR INT TERM
rm -f "$CONF/.policy.json.undo.$$"
say "installed SIO Desk $VERSION in $PREFIX (previous: ${CURRENT:-none}); programs: $PREFIX/bin/sio-desk, $PREFIX/bin/sio-gateway"
