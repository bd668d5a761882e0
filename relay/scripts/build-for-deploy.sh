#!/usr/bin/env bash
# The build step of the Dockerfile, also run outside Docker by smoke-start.sh so CI checks it.
set -euo pipefail
cd "$(dirname "$0")/../.."

npx tsc -b relay
npm run build -w app
