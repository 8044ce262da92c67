"""WiX source of a per-machine MSI (MajorUpgrade, C:\\ProgramData\\sio-desk for the policy).

`python -m installer.wix --payload DIR --version V --kind app|kit -o FILE.wxs`: one component per
file with GUIDs derived from the path, so the same folder gives the same source. Files are named
`$(var.Payload)/…`: define Payload when compiling (wixl -D / candle -d). The app MSI is
made on a Windows host from the frozen folder (build-windows.ps1); here, wixl builds the kit MSI.
"""

from __future__ import annotations

import argparse
import re
import sys
import uuid
from pathlib import Path
from xml.sax.saxutils import quoteattr

NAMESPACE = uuid.UUID("5d0b8e55-3f0c-4d7e-9a55-51d0de5c0001")
# Fixed per product: MajorUpgrade finds the older version by it.
UPGRADE_CODES = {"app": "6A7F1C52-8E0B-4C8E-9D2B-1F3A5E7C9B01",
                 "kit": "6A7F1C52-8E0B-4C8E-9D2B-1F3A5E7C9B02"}
TITLES = {"app": "SIO Desk", "kit": "SIO Desk Windows build kit"}


def _guid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts))).upper()


def _ident(prefix: str, rel: str) -> str:
    """A WiX identifier (≤ 72 chars, [A-Za-z0-9_.]) that is stable and unique for the path."""
    return f"{prefix}_{uuid.uuid5(NAMESPACE, rel).hex}"


def msi_version(version: str) -> str:
    """MSI's ProductVersion: three numbers, each ≤ 255.255.65535."""
    numbers = [int(n) for n in re.findall(r"\d+", version)[:3]]
    numbers += [0] * (3 - len(numbers))
    if numbers[0] > 255 or numbers[1] > 255 or numbers[2] > 65535:
        raise ValueError(f"{version}: MSI versions are at most 255.255.65535")
    return ".".join(map(str, numbers))


def _tree(payload: Path, kind: str, rel: Path, indent: str, refs: list[str]) -> list[str]:
    lines = []
    here = payload / rel
    for path in sorted(here.iterdir(), key=lambda p: p.name):
        sub = (rel / path.name).as_posix()
        if path.is_dir():
            lines.append(f"{indent}<Directory Id={quoteattr(_ident('d', kind + sub))} "
                         f"Name={quoteattr(path.name)}>")
            lines += _tree(payload, kind, rel / path.name, indent + "  ", refs)
            lines.append(f"{indent}</Directory>")
        elif path.is_file():
            cid = _ident("c", kind + sub)
            refs.append(cid)
            lines.append(
                f"{indent}<Component Id={quoteattr(cid)} Guid={quoteattr(_guid(kind, sub))} "
                f"Win64=\"yes\"><File Id={quoteattr(_ident('f', kind + sub))} "
                f"Name={quoteattr(path.name)} Source={quoteattr('$(var.Payload)/' + sub)} "
                f"KeyPath=\"yes\"/>"
                f"</Component>")
    return lines


def wxs(payload: Path, version: str, kind: str) -> str:
    refs: list[str] = []
    files = _tree(payload, kind, Path("."), "          ", refs)
    title = TITLES[kind]
    policy_dir = _guid(kind, "ProgramData/sio-desk")
    refs.append("PolicyDir")
    return "\n".join([
        '<?xml version="1.0" encoding="utf-8"?>',
        '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">',
        f'  <Product Id="*" Name={quoteattr(title)} Language="1033" '
        f'Version="{msi_version(version)}" Manufacturer="SIO Desk" '
        f'UpgradeCode="{UPGRADE_CODES[kind]}">',
        '    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine" '
        'Description="' + title + ' ' + version + '"/>',
        '    <MajorUpgrade DowngradeErrorMessage="A newer version of ' + title
        + ' is already installed; remove it first to go back."/>',
        '    <Media Id="1" Cabinet="payload.cab" EmbedCab="yes"/>',
        '    <Directory Id="TARGETDIR" Name="SourceDir">',
        '      <Directory Id="ProgramFiles64Folder">',
        f'        <Directory Id="INSTALLDIR" Name={quoteattr(title)}>',
        *files,
        '        </Directory>',
        '      </Directory>',
        '      <Directory Id="CommonAppDataFolder">',
        # The policy's folder only: the MSI never writes policy.json, so no upgrade replaces it.
        '        <Directory Id="POLICYDIR" Name="sio-desk">',
        f'          <Component Id="PolicyDir" Guid="{policy_dir}" Win64="yes">'
        '<CreateFolder/></Component>',
        '        </Directory>',
        '      </Directory>',
        '    </Directory>',
        f'    <Feature Id="Main" Title={quoteattr(title)} Level="1">',
        *[f'      <ComponentRef Id="{ref}"/>' for ref in refs],
        '    </Feature>',
        '  </Product>',
        '</Wix>',
        "",
    ])


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m installer.wix", description=__doc__)
    p.add_argument("--payload", type=Path, required=True, help="the folder the MSI installs")
    p.add_argument("--version", required=True)
    p.add_argument("--kind", choices=sorted(TITLES), default="app")
    p.add_argument("-o", "--output", type=Path, required=True)
    args = p.parse_args(argv)
    args.output.write_text(wxs(args.payload.resolve(), args.version, args.kind), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
