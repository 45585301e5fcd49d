#!/bin/sh
# Renders docs/reliability.md from target/reliability/*.json, written by the reliability tests:
#   mvn -B verify            (CI: short fuzz, 2 kill cycles, 20 s soak)
#   mvn -B verify -Pslow     (full: 20,000 fuzz cases, 10 kill cycles, 10-minute soak)
# then:  scripts/reliability-report.sh
set -eu
cd "$(dirname "$0")/.."
if [ ! -d target/test-classes ]; then
    mvn -B -q -o test-compile
fi
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/reliability-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/reliability-classpath.txt)" \
    io.approvals.console.testing.ReliabilityReport target/reliability docs/reliability.md
