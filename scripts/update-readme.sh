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
    body = re.sub(r"\A# [^\n]*\n+", "", body)
    body = re.sub(r"^(#+) ", lambda m: "#" * min(len(m.group(1)) + 1, 6) + " ", body, flags=re.M)
    block = f"<!-- {name}:start -->\n<!-- generated from {src} by scripts/update-readme.sh; do not edit here -->\n{body}\n<!-- {name}:end -->"
    text, n = re.subn(rf"<!-- {name}:start -->.*?<!-- {name}:end -->", lambda m: block, text, flags=re.S)
    print(f"{name}: {'updated' if n else 'markers missing'}")
readme.write_text(text)
PY
