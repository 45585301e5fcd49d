#!/usr/bin/env bash
# Lints docs/api/openapi.yaml with Redocly CLI (pinned; from npm, cached by npx after the first run:
# ~100 s to fetch the first time here, ~20 s a run after). Rules: docs/api/redocly.yaml (warnings fail).
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx --yes @redocly/cli@2.11.1 lint --config docs/api/redocly.yaml docs/api/openapi.yaml
