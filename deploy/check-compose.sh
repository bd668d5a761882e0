#!/usr/bin/env bash
# Validates the compose deployment without a Docker engine: the compose file and its variables, the
# relay's own start-up check of the relays' environment, HAProxy's config (haproxy -c), Prometheus'
# scrape of every relay with the metrics token, and the Grafana dashboard's metrics. With the
# `docker compose` client installed, `docker compose config` too. Needs python3 with PyYAML
# (Debian: python3-yaml) and haproxy (Debian: haproxy), and the repo's node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 deploy/check-compose.py
