#!/usr/bin/env bash
# Validates the compose deployment without a Docker engine: the compose file and its variables, the
# relay's own start-up check of the relays' environment, Caddy's config (caddy validate, with and
# without a domain, and caddy fmt), its upstreams and health check, Prometheus' scrape of every relay
# with the metrics token, and the Grafana dashboard's metrics. With the `docker compose` plugin
# installed, `docker compose config` too. Needs python3 with PyYAML (Debian: python3-yaml) and caddy
# (Debian: caddy), and the repo's node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 deploy/check-compose.py
