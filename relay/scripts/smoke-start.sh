#!/usr/bin/env bash
# Performs the Dockerfile's build and start steps without Docker, then checks /health and a
# clean SIGTERM. Run by CI after `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash relay/scripts/build-for-deploy.sh

data_dir="$(mktemp -d)"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
HOST=127.0.0.1 PORT="$port" DATA_DIR="$data_dir" LOG_LEVEL=warn node --max-semi-space-size=64 relay/dist/server.js &
relay_pid=$!
trap 'kill "$relay_pid" 2>/dev/null || true; rm -rf "$data_dir"' EXIT

for _ in $(seq 1 100); do
  if health="$(curl -fsS "http://127.0.0.1:$port/health" 2>/dev/null)"; then break; fi
  sleep 0.1
done
echo "health: ${health:-none}"
[[ "${health:-}" == *'"status":"ok"'* ]] || { echo "relay did not report healthy"; exit 1; }
curl -fsS "http://127.0.0.1:$port/" | grep -q '<html' || { echo "relay did not serve the app"; exit 1; }

kill -TERM "$relay_pid"
wait "$relay_pid" && echo "relay stopped cleanly on SIGTERM" || { echo "relay exited with $? on SIGTERM"; exit 1; }
[[ -f "$data_dir/jwt-signing-key" && -f "$data_dir/tally.db" ]] || { echo "no signing key or database in DATA_DIR"; exit 1; }
echo "smoke start: 1 passed, 0 failed"
