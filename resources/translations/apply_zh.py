#!/usr/bin/env python3
"""Writes the Chinese translations (zh_CN.py beside this file, keyed by context and English
source) into mpviz_zh_CN.ts and marks them finished. After changing a string in app/,
scenarios/ or the core files of MPVIZ_TR_CORE_SOURCES (CMakeLists.txt):

    cmake --build build --target update_translations   # lupdate: new strings, unfinished
    # add their Chinese to zh_CN.py, then
    python3 resources/translations/apply_zh.py          # exit 1 names what is missing

Entries it does not know stay unfinished, which tests/gui/test_language.cpp reports."""
import pathlib, sys
import xml.etree.ElementTree as ET

here = pathlib.Path(__file__).parent
ns = {}
exec((here / "zh_CN.py").read_text(encoding="utf-8"), ns)
table = ns["TRANSLATIONS"]  # {(context, source): text}
ts = here / "mpviz_zh_CN.ts"
tree = ET.parse(ts)
missing = 0
for context in tree.getroot().iter("context"):
    name = context.find("name").text
    for message in context.iter("message"):
        source = message.find("source").text
        tr = message.find("translation")
        text = table.get((name, source))
        if text is None:
            missing += 1
            print(f"no translation: [{name}] {source!r}", file=sys.stderr)
            continue
        for child in list(tr):
            tr.remove(child)
        tr.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            tr.text = None
            form = ET.SubElement(tr, "numerusform")
            form.text = text
        else:
            tr.text = text
with open(ts, "wb") as f:
    f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    tree.write(f, encoding="utf-8", xml_declaration=False)
    f.write(b"\n")
sys.exit(1 if missing else 0)
