#!/bin/sh
# Renders docs/api.md from docs/api/openapi.yaml (ApiMarkdownTest fails when they disagree).
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/api-docs-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/api-docs-classpath.txt)" \
    io.approvals.console.testing.ApiMarkdown docs/api.md
