"""Checks docker-compose.yml and the files it mounts without a Docker engine (deploy/check-compose.sh)."""
import json
import os
import re
import shutil
import subprocess
import sys

import yaml

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
checks = []


def check(name, ok, detail=""):
    checks.append((name, ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))


def load(path):
    with open(os.path.join(root, path), encoding="utf-8") as file:
        return yaml.safe_load(file)


compose = load("docker-compose.yml")
services = compose.get("services", {})
check(
    "the compose file has postgres, redis, minio, relay, caddy, prometheus and grafana",
    {"postgres", "redis", "minio", "relay", "caddy", "prometheus", "grafana"} <= set(services),
    sorted(services),
)
relay = services.get("relay", {})
check(
    "the relay scales (no container_name, no host port)",
    "container_name" not in relay and "ports" not in relay,
    relay,
)

# Every ${VAR} the compose file reads is in deploy/env.example, so an operator is asked for each.
with open(os.path.join(root, "docker-compose.yml"), encoding="utf-8") as file:
    wanted = set(re.findall(r"\$\{([A-Z_]+)", file.read()))
example = {}
with open(os.path.join(root, "deploy/env.example"), encoding="utf-8") as file:
    for line in file:
        if "=" in line and not line.startswith("#"):
            key, value = line.strip().split("=", 1)
            example[key] = value
check("every variable the compose file reads is in deploy/env.example", wanted <= set(example), wanted - set(example))

# The relay's environment with the variables filled in as an operator would, checked by the relay's own parser.
filled = {key: value or "filled-in-secret-0123456789" for key, value in example.items()}


def substitute(value):
    return re.sub(r"\$\{([A-Z_]+)[^}]*\}", lambda match: filled.get(match.group(1), ""), str(value))


relay_env = {key: substitute(value) for key, value in relay.get("environment", {}).items()}
parsed = subprocess.run(
    [
        "node",
        "--conditions=source",
        "--import",
        "tsx",
        "-e",
        "import('./relay/src/server-env.ts').then(({ parseServerEnv }) => {"
        " const parsed = parseServerEnv(JSON.parse(require('fs').readFileSync(0, 'utf8')));"
        " console.log(JSON.stringify(parsed.ok ? [] : parsed.problems)); })",
    ],
    cwd=root,
    input=json.dumps(relay_env),
    capture_output=True,
    text=True,
)
problems = json.loads(parsed.stdout.strip().splitlines()[-1]) if parsed.returncode == 0 else [parsed.stderr]
check("the relay accepts the compose file's environment (its own start-up check)", problems == [], problems)

prometheus_service = services.get("prometheus", {})
entrypoint = " ".join(prometheus_service.get("entrypoint", []))
check(
    "Prometheus writes the relays' METRICS_TOKEN to the file it scrapes with, readable by itself alone",
    prometheus_service.get("environment", {}).get("METRICS_TOKEN") == "${METRICS_TOKEN}"
    and "umask 077" in entrypoint
    and '"$$METRICS_TOKEN" > /prometheus/metrics_token' in entrypoint
    and "exec /bin/prometheus --config.file=/etc/prometheus/prometheus.yml" in entrypoint,
    prometheus_service,
)
prometheus = load("deploy/prometheus/prometheus.yml")
jobs = prometheus.get("scrape_configs", [])
relay_jobs = [
    job
    for job in jobs
    if any("relay" in sd.get("names", []) and sd.get("port") == 8080 for sd in job.get("dns_sd_configs", []))
]
check("Prometheus finds every relay through Docker's DNS on port 8080", len(relay_jobs) == 1, jobs)
job = relay_jobs[0] if relay_jobs else {}
check(
    "Prometheus scrapes /metrics with the relays' METRICS_TOKEN",
    job.get("metrics_path") == "/metrics"
    and job.get("authorization", {}).get("credentials_file") == "/prometheus/metrics_token",
    job,
)

with open(os.path.join(root, "relay/src/metrics.ts"), encoding="utf-8") as file:
    metrics = set(re.findall(r"tally_relay_[a-z_]+", file.read()))
dashboard_path = "deploy/grafana/dashboards/tally-relays.json"
with open(os.path.join(root, dashboard_path), encoding="utf-8") as file:
    dashboard = json.load(file)
used = {
    name
    for panel in dashboard["panels"]
    for target in panel["targets"]
    for name in re.findall(r"tally_relay_[a-z_]+", target["expr"])
}
check("the Grafana dashboard graphs only metrics the relay has", bool(used) and used <= metrics, used - metrics)
datasources = load("deploy/grafana/provisioning/datasources/prometheus.yml")["datasources"]
uids = {panel["datasource"]["uid"] for panel in dashboard["panels"]}
check(
    "the dashboard's panels use the provisioned Prometheus data source",
    uids == {source["uid"] for source in datasources},
    uids,
)
load("deploy/grafana/provisioning/dashboards/tally.yml")

caddyfile = os.path.join(root, "deploy/Caddyfile")
for site in [":80", "tally.example.com"]:
    validated = subprocess.run(
        ["caddy", "validate", "--config", caddyfile, "--adapter", "caddyfile"],
        env={**os.environ, "TALLY_SITE": site},
        capture_output=True,
        text=True,
    )
    check(
        f"caddy validate accepts deploy/Caddyfile for the site {site}",
        validated.returncode == 0,
        validated.stderr.strip().splitlines()[-1:],
    )
formatted = subprocess.run(["caddy", "fmt", caddyfile], capture_output=True, text=True)
with open(caddyfile, encoding="utf-8") as file:
    check(
        "deploy/Caddyfile is as caddy fmt writes it",
        formatted.stdout == file.read(),
        formatted.stderr or "run caddy fmt --overwrite deploy/Caddyfile",
    )

# The JSON Caddy runs: it sends to every relay compose names (<project>-relay-<n>) on the relays' port.
adapted = subprocess.run(["caddy", "adapt", "--config", caddyfile], capture_output=True, text=True)
proxies = [
    handler
    for server in json.loads(adapted.stdout or "{}").get("apps", {}).get("http", {}).get("servers", {}).values()
    for route in server.get("routes", [])
    for handler in route.get("handle", [])
    if handler.get("handler") == "reverse_proxy"
]
proxy = proxies[0] if len(proxies) == 1 else {}
dials = [upstream.get("dial") for upstream in proxy.get("upstreams", [])]
relay_port = relay.get("environment", {}).get("PORT")
check(
    "Caddy proxies to the relays by compose's container names on the relays' PORT",
    bool(dials) and dials == [f"{example.get('COMPOSE_PROJECT_NAME')}-relay-{n}:{relay_port}" for n in range(1, len(dials) + 1)],
    dials,
)
check(
    "Caddy takes a relay out of rotation when its /health fails",
    proxy.get("health_checks", {}).get("active", {}).get("uri") == "/health",
    proxy.get("health_checks"),
)
caddy = services.get("caddy", {})
check(
    "Caddy serves TALLY_DOMAIN on ports 80 and 443 and keeps its certificates in a volume",
    caddy.get("environment", {}).get("TALLY_SITE", "").startswith("${TALLY_DOMAIN")
    and {"80:80", "443:443"} <= set(caddy.get("ports", []))
    and "caddy-data:/data" in caddy.get("volumes", []),
    caddy,
)
check("the relays believe the one proxy in front of them", relay.get("environment", {}).get("TRUST_PROXY") == "1", relay)

# Compose's own reading of the file: the `docker compose` plugin where it is installed, else Debian's
# `docker-compose` 1.29 (.ci/run installs it), which reads the same file without a Docker engine.
if shutil.which("docker") is not None and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
    compose_command = ["docker", "compose"]
elif shutil.which("docker-compose") is not None:
    compose_command = ["docker-compose"]
else:
    compose_command = None
if compose_command is not None:
    env = {**os.environ, **filled}
    config = subprocess.run([*compose_command, "config", "--quiet"], cwd=root, env=env, capture_output=True, text=True)
    check(f"{' '.join(compose_command)} config accepts the compose file", config.returncode == 0, config.stderr)
    unset = {key: value for key, value in env.items() if key != "POSTGRES_PASSWORD"}
    refused = subprocess.run([*compose_command, "config", "--quiet"], cwd=root, env=unset, capture_output=True, text=True)
    check(
        f"{' '.join(compose_command)} config refuses the file while a secret is unset",
        refused.returncode != 0 and "POSTGRES_PASSWORD" in refused.stderr,
        refused.stderr,
    )
else:
    check("docker compose or docker-compose is installed to read the compose file", False, "neither found")

failed = sum(1 for _, ok in checks if not ok)
print(f"check-compose: {len(checks) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
