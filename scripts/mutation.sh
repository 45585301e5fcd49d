#!/usr/bin/env bash
# Mutation testing of the security core with PIT (the pom's mutation profile), inside the same test
# keychain session as the suite (scripts/test.sh), then the score table from target/pit-reports.
#   scripts/mutation.sh            fails when a target scores below 85 % (CI)
#   scripts/mutation.sh --docs     also writes the table into docs/reliability.md
# Other arguments go to Maven, e.g. -Dmutation.threshold=0 to measure without failing.
set -euo pipefail
cd "$(dirname "$0")/.."

docs=0
args=()
for a in "$@"; do
  if [[ "$a" == --docs ]]; then docs=1; else args+=("$a"); fi
done

start=$(date +%s)
status=0
./scripts/test.sh -Pmutation -Dcli-docs.skip=true "${args[@]}" || status=$?
echo "PIT run: $(( $(date +%s) - start )) s (exit $status)"

mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/mutation-classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/mutation-classpath.txt)"
if ((docs)); then
  java -cp "$cp" io.approvals.console.testing.MutationReport target/pit-reports docs/reliability.md
else
  java -cp "$cp" io.approvals.console.testing.MutationReport target/pit-reports
fi
exit "$status"
