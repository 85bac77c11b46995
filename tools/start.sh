#!/usr/bin/env bash
# `npm start` (run through tools/node24.sh): builds, then hands over to the launcher, which finds or
# starts Kafka and Postgres, migrates and starts the four services (tools/scripts/start.ts).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
npm run -s build
exec node dist/tools/scripts/start.js "$@"
