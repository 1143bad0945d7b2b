#!/usr/bin/env python3
"""The deployment files, read as their tools read them and checked for what operators rely on:
deploy/compose.yaml (+ its HAProxy configuration), deploy/kubernetes/, deploy/systemd/.

    tests/deploy/deploy_files_test.py BUILD/tarjotin

Every TARJOTIN_* variable they set must be one `tarjotin --help` lists; every file in
deploy/kubernetes/ must be in its kustomization; HAProxy checks its own file (`haproxy -c`) and
systemd its unit (`systemd-analyze verify`) where those tools are installed."""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
TARJOTIN = sys.argv.pop(1) if len(sys.argv) > 1 else str(REPO / "build" / "tarjotin")


def known_variables():
    help_text = subprocess.run([TARJOTIN, "--help"], capture_output=True, text=True).stdout
    names = set(re.findall(r"TARJOTIN_[A-Z0-9_]+", help_text))
    assert "TARJOTIN_DATABASE_URL" in names, help_text
    return names


def image_user():
    text = (DEPLOY / "Containerfile.runtime").read_text()
    return int(re.search(r"^USER (\d+)", text, re.M).group(1))


class Compose(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.doc = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
        cls.services = cls.doc["services"]
        cls.replicas = {n: s for n, s in cls.services.items()
                        if "tarjotin" in s.get("image", "") and s.get("command") != ["migrate"]}

    def test_postgresql_15_with_a_health_check(self):
        pg = self.services["postgres"]
        self.assertRegex(pg["image"], r"postgres:15")
        self.assertIn("pg_isready", pg["healthcheck"]["test"])
        self.assertIn("POSTGRES_PASSWORD_FILE", pg["environment"])

    def test_the_migration_runs_once_after_postgresql_and_before_every_replica(self):
        migrate = self.services["migrate"]
        self.assertEqual(migrate["command"], ["migrate"])
        self.assertEqual(migrate["depends_on"]["postgres"]["condition"], "service_healthy")
        self.assertEqual(migrate["restart"], "no")
        for name, replica in self.replicas.items():
            self.assertEqual(replica["depends_on"]["migrate"]["condition"],
                             "service_completed_successfully", name)

    def test_three_replicas_share_settings_but_no_disk_and_trust_only_the_balancer(self):
        self.assertEqual(len(self.replicas), 3)
        balancer_ip = self.services["balancer"]["networks"]["tarjotin"]["ipv4_address"]
        variables = known_variables()
        for name, replica in self.replicas.items():
            env = replica["environment"]
            self.assertLessEqual(set(env), variables, name)
            self.assertEqual(env["TARJOTIN_PROXY_PROTOCOL_FROM"], balancer_ip, name)
            self.assertNotIn("volumes", replica, f"{name}: replicas keep nothing on disk")
            for secret in ("tarjotin-config", "tarjotin-tls-certificate",
                           "tarjotin-tls-private-key", "tarjotin-tender-key",
                           "tarjotin-audit-signing-key"):
                self.assertIn(secret, replica["secrets"], name)
            grace = int(env["TARJOTIN_SHUTDOWN_GRACE_SECONDS"]) + int(env["TARJOTIN_DRAIN_SECONDS"])
            self.assertGreater(int(replica["stop_grace_period"].rstrip("s")), grace, name)
        # The pause outlasts HAProxy's way to notice: `inter` times `fall`.
        cfg = (DEPLOY / "compose" / "haproxy.cfg").read_text()
        inter = int(re.search(r"\binter (\d+)s", cfg).group(1))
        fall = int(re.search(r"\bfall (\d+)", cfg).group(1))
        self.assertGreater(int(env["TARJOTIN_DRAIN_SECONDS"]), inter * fall)

    def test_every_secret_is_a_file_make_secrets_writes(self):
        script = (DEPLOY / "compose" / "make-secrets.sh").read_text()
        for name, secret in self.doc["secrets"].items():
            file_name = pathlib.Path(secret["file"]).name
            self.assertRegex(script, rf"\b{re.escape(file_name)}\b", name)

    def test_the_balancer_passes_tls_through_with_proxy_headers_to_the_three(self):
        balancer = self.services["balancer"]
        self.assertRegex(balancer["image"], r"haproxy:")
        source = balancer["volumes"][0].split(":")[0]
        cfg_path = (DEPLOY / source).resolve()
        cfg = cfg_path.read_text()
        self.assertRegex(cfg, r"(?m)^\s*mode tcp")
        self.assertRegex(cfg, r"(?m)^\s*default-server .*\bsend-proxy\b")
        self.assertRegex(cfg, r"uri /readyz")
        servers = re.findall(r"(?m)^\s*server (\S+) (\S+):8443", cfg)
        self.assertEqual(sorted(s for s, _ in servers), sorted(self.replicas))
        self.assertIn("8443:8443", balancer["ports"])
        if shutil.which("haproxy"):
            check = subprocess.run(["haproxy", "-c", "-f", str(cfg_path)], capture_output=True,
                                   text=True)
            self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
            warnings = [line for line in (check.stdout + check.stderr).splitlines()
                        if "WARNING" in line and "could not resolve address" not in line]
            self.assertEqual(warnings, [])


class Kubernetes(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.kustomization = yaml.safe_load((DEPLOY / "kubernetes" / "kustomization.yaml").read_text())
        cls.objects = {}
        for name in cls.kustomization["resources"]:
            for obj in yaml.safe_load_all((DEPLOY / "kubernetes" / name).read_text()):
                cls.objects[obj["kind"]] = obj

    def test_every_file_is_in_the_kustomization(self):
        files = {p.name for p in (DEPLOY / "kubernetes").glob("*.yaml")} - {"kustomization.yaml"}
        self.assertEqual(files, set(self.kustomization["resources"]))
        self.assertEqual(set(self.objects), {"ConfigMap", "Job", "Deployment", "Service",
                                             "PodDisruptionBudget", "NetworkPolicy"})

    def pod(self, kind):
        return self.objects[kind]["spec"]["template"]["spec"]

    def test_three_replicas_probed_bounded_and_drained(self):
        deployment = self.objects["Deployment"]["spec"]
        self.assertEqual(deployment["replicas"], 3)
        self.assertEqual(deployment["strategy"]["rollingUpdate"]["maxUnavailable"], 0)
        pod = self.pod("Deployment")
        (container,) = pod["containers"]
        self.assertEqual(container["readinessProbe"]["httpGet"]["path"], "/readyz")
        self.assertEqual(container["livenessProbe"]["httpGet"]["path"], "/healthz")
        for probe in ("readinessProbe", "livenessProbe"):
            self.assertEqual(container[probe]["httpGet"]["scheme"], "HTTPS")
        self.assertIn("cpu", container["resources"]["requests"])
        self.assertIn("memory", container["resources"]["requests"])
        self.assertIn("memory", container["resources"]["limits"])
        self.assertFalse([v for v in pod["volumes"] if "persistentVolumeClaim" in v],
                         "replicas share no volume")
        pre_stop = container["lifecycle"]["preStop"]["exec"]["command"]
        self.assertEqual(pre_stop[0], "/bin/sleep")
        grace = int(self.objects["ConfigMap"]["data"]["TARJOTIN_SHUTDOWN_GRACE_SECONDS"])
        self.assertGreater(pod["terminationGracePeriodSeconds"], int(pre_stop[1]) + grace)

    def test_pods_run_as_the_images_user_without_privileges(self):
        for kind in ("Deployment", "Job"):
            pod = self.pod(kind)
            self.assertTrue(pod["securityContext"]["runAsNonRoot"], kind)
            self.assertEqual(pod["securityContext"]["runAsUser"], image_user(), kind)
            self.assertFalse(pod["automountServiceAccountToken"], kind)
            for container in pod["containers"]:
                security = container["securityContext"]
                self.assertFalse(security["allowPrivilegeEscalation"], kind)
                self.assertTrue(security["readOnlyRootFilesystem"], kind)
                self.assertEqual(security["capabilities"]["drop"], ["ALL"], kind)

    def test_settings_are_real_and_secrets_are_mounted_where_the_settings_point(self):
        data = self.objects["ConfigMap"]["data"]
        self.assertLessEqual(set(data), known_variables())
        for kind in ("Deployment", "Job"):
            pod = self.pod(kind)
            (container,) = pod["containers"]
            self.assertEqual(container["envFrom"][0]["configMapRef"]["name"],
                             self.objects["ConfigMap"]["metadata"]["name"])
            secret_volumes = {v["name"] for v in pod["volumes"] if "secret" in v}
            mounts = [m["mountPath"] for m in container["volumeMounts"]
                      if m["name"] in secret_volumes]
            for variable in ("TARJOTIN_CONFIG", "TARJOTIN_TLS_CERTIFICATE",
                             "TARJOTIN_TLS_PRIVATE_KEY", "TARJOTIN_TENDER_KEY_FILE",
                             "TARJOTIN_AUDIT_SIGNING_KEY_FILE"):
                self.assertTrue(any(data[variable].startswith(m + "/") for m in mounts),
                                f"{kind}: {variable}={data[variable]}")

    def test_the_migration_job_migrates_and_the_service_reaches_the_https_port(self):
        (job,) = self.pod("Job")["containers"]
        self.assertEqual(job["args"], ["migrate"])
        self.assertEqual(self.pod("Job")["restartPolicy"], "Never")
        (server,) = self.pod("Deployment")["containers"]
        port_names = {p["name"] for p in server["ports"]}
        (port,) = self.objects["Service"]["spec"]["ports"]
        self.assertIn(port["targetPort"], port_names)
        labels = self.objects["Deployment"]["spec"]["template"]["metadata"]["labels"]
        self.assertLessEqual(self.objects["Service"]["spec"]["selector"].items(), labels.items())

    def test_disruptions_leave_a_majority_and_the_network_is_closed_but_for_what_is_needed(self):
        pdb = self.objects["PodDisruptionBudget"]["spec"]
        self.assertLess(pdb["minAvailable"], self.objects["Deployment"]["spec"]["replicas"])
        self.assertGreaterEqual(pdb["minAvailable"], 2)
        policy = self.objects["NetworkPolicy"]["spec"]
        self.assertEqual(set(policy["policyTypes"]), {"Ingress", "Egress"})
        ingress_ports = {p["port"] for rule in policy["ingress"] for p in rule["ports"]}
        self.assertEqual(ingress_ports, {8443})
        egress_ports = {p["port"] for rule in policy["egress"] for p in rule["ports"]}
        self.assertEqual(egress_ports, {53, 5432, 443})


def read_unit(text):
    sections, current = {}, None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, value = line.split("=", 1)
        current.setdefault(key, []).append(value)
    return sections


class Systemd(unittest.TestCase):
    path = DEPLOY / "systemd" / "tarjotin.service"

    @classmethod
    def setUpClass(cls):
        cls.unit = read_unit(cls.path.read_text())
        cls.service = cls.unit["Service"]

    def one(self, key):
        (value,) = self.service[key]
        return value

    def test_a_dedicated_user_with_state_under_its_state_directory(self):
        self.assertEqual(self.one("User"), "tarjotin")
        self.assertIn("tarjotin", self.one("StateDirectory").split())
        self.assertEqual(self.one("WorkingDirectory"), "/var/lib/tarjotin")
        self.assertRegex(self.one("ExecStart"), r"tarjotin serve$")
        self.assertEqual(self.unit["Install"]["WantedBy"], ["multi-user.target"])

    def test_the_usual_hardening(self):
        for key, value in {"ProtectSystem": "strict", "NoNewPrivileges": "yes",
                           "PrivateTmp": "yes", "ProtectHome": "yes", "PrivateDevices": "yes",
                           "RestrictSUIDSGID": "yes", "CapabilityBoundingSet": "",
                           "UMask": "0077"}.items():
            self.assertEqual(self.one(key), value, key)

    def test_secrets_come_as_credentials_and_every_variable_is_a_setting(self):
        credentials = {c.split(":")[0] for c in self.service["LoadCredential"]}
        env = dict(e.split("=", 1) for e in self.service["Environment"])
        self.assertLessEqual(set(env), known_variables())
        for variable in ("TARJOTIN_CONFIG", "TARJOTIN_TLS_CERTIFICATE",
                         "TARJOTIN_TLS_PRIVATE_KEY", "TARJOTIN_TENDER_KEY_FILE",
                         "TARJOTIN_AUDIT_SIGNING_KEY_FILE"):
            self.assertTrue(env[variable].startswith("%d/"), variable)
            self.assertIn(env[variable][3:], credentials, variable)

    def test_the_stop_timeout_covers_the_shutdown_grace(self):
        self.assertEqual(self.one("KillSignal"), "SIGTERM")
        self.assertGreater(int(self.one("TimeoutStopSec")), 20)

    @unittest.skipUnless(shutil.which("systemd-analyze"), "systemd-analyze is not installed")
    def test_systemd_accepts_the_unit(self):
        with tempfile.TemporaryDirectory() as directory:
            unit = pathlib.Path(directory) / "tarjotin.service"
            # verify wants the executable to exist; the installed path does not exist here.
            unit.write_text(self.path.read_text().replace("/usr/local/lib/tarjotin/tarjotin",
                                                          str(pathlib.Path(TARJOTIN).resolve())))
            check = subprocess.run(["systemd-analyze", "verify", str(unit)],
                                   capture_output=True, text=True)
            self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
            self.assertEqual(check.stderr.strip(), "")


if __name__ == "__main__":
    unittest.main(verbosity=2)
