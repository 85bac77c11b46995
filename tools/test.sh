#!/usr/bin/env bash
# `npm test`: static checks, unit tests, build, then integration and end-to-end tests against a
# real Kafka and a real Postgres (found or started by libs/testing's global setup). Prints how long
# each step took.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

jest=(node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js)
total_start=$SECONDS
step() {
  local name=$1
  shift
  local start=$SECONDS
  echo "::: ${name}"
  "$@"
  echo "::: ${name} done in $((SECONDS - start))s"
}

step lint npx eslint --max-warnings 0 .
step format npx prettier --check --log-level warn .
step typecheck npx tsc -p tsconfig.json
step unit "${jest[@]}" --selectProjects unit
step build npm run -s build
# One jest run for both tiers, so Kafka is started once; files run one at a time on 2 cores.
step integration+e2e "${jest[@]}" --selectProjects integration e2e --runInBand
echo "::: all tests passed in $((SECONDS - total_start))s"
