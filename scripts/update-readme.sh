#!/usr/bin/env bash
# Copies the generated figures into README.md between their markers:
#   docs/reliability.md  (written by the reliability tests' report renderer)
#   docs/performance.md  (written by the bench command's renderer)
# so the README's "Reliability" and "Performance" sections are produced, not typed.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - "$@" <<'PY'
import pathlib, re
readme = pathlib.Path("README.md")
text = readme.read_text()
for name, src in (("reliability", "docs/reliability.md"), ("performance", "docs/performance.md")):
    p = pathlib.Path(src)
    if not p.exists():
        print(f"skip {name}: {src} missing")
        continue
    body = p.read_text().strip()
    # drop the file's own top heading; the README has its own
    body = re.sub(r"\A#+ [^\n]*\n+", "", body)
    # the README section is "## Name": the page's own sub-headings become "###" and deeper
    levels = [len(h) for h in re.findall(r"^(#+) ", body, flags=re.M)]
    shift = 3 - min(levels) if levels and min(levels) < 3 else 0
    body = re.sub(r"^(#+) ", lambda m: "#" * min(len(m.group(1)) + shift, 6) + " ", body, flags=re.M)
    if name == "performance":
        # what the bench is; the figures, targets and analysis stay in the docs page
        cut = body.find("\nWhat each figure is:")
        if cut > 0:
            body = body[:cut].rstrip() + f"\n\nFigures against their targets, what each one is and where the time goes: [{src}]({src})."
    if name == "reliability":
        # the headline figures; the per-suite tables stay in the docs page
        cut = body.find("\n### ")
        if cut > 0:
            body = body[:cut].rstrip() + f"\n\nPer-suite figures, how to run them and what they found: [{src}]({src})."
    block = f"<!-- {name}:start -->\n<!-- generated from {src} by scripts/update-readme.sh; do not edit here -->\n{body}\n<!-- {name}:end -->"
    text, n = re.subn(rf"<!-- {name}:start -->.*?<!-- {name}:end -->", lambda m: block, text, flags=re.S)
    print(f"{name}: {'updated' if n else 'markers missing'}")
readme.write_text(text)
PY
