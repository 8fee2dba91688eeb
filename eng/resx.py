#!/usr/bin/env python3
"""Adds or updates strings in a feature's resx pair without hand-writing XML.

    eng/resx.py src/Attune.Web/Features/Shell/ShellText key "English text" "Deutscher Text" [key en de ...]

Creates ShellText.resx and ShellText.de.resx when missing; keeps existing keys, replaces the given ones,
and writes keys sorted so that diffs stay small.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def read(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()
    return {d.get("name"): (d.findtext("value") or "") for d in root.findall("data")}


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write(path: Path, strings: dict[str, str]) -> None:
    body = "".join(
        f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(v)}</value></data>\n'
        for k, v in sorted(strings.items()))
    path.write_text(HEADER + body + "</root>\n", encoding="utf-8")


def main() -> None:
    base, rest = Path(sys.argv[1]), sys.argv[2:]
    if len(rest) % 3:
        sys.exit("usage: resx.py BASE key en de [key en de ...]")
    en_path, de_path = base.with_suffix(".resx"), base.parent / (base.name + ".de.resx")
    en, de = read(en_path), read(de_path)
    for i in range(0, len(rest), 3):
        key, en[key], de[key] = rest[i], rest[i + 1], rest[i + 2]
    write(en_path, en)
    write(de_path, de)


if __name__ == "__main__":
    main()
