#!/usr/bin/env bash
# Validates the compose deployment without a Docker engine: the compose file and its variables, the
# relay's own start-up check of the relays' environment, Caddy's config (caddy validate, with and
# without a domain, and caddy fmt), its upstreams and health check, Prometheus' scrape of every relay
# with the metrics token, the Grafana dashboard's metrics, and Compose's own `config` (the `docker
# compose` plugin, else Debian's docker-compose). Needs python3 with PyYAML (Debian: python3-yaml), caddy
# (Debian: caddy), and the repo's node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 deploy/check-compose.py
