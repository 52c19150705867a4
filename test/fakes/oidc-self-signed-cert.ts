import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A throwaway self-signed certificate for 127.0.0.1, so the fake tenant speaks HTTPS like Entra. The app under test
 * trusts it through NODE_EXTRA_CA_CERTS; the browser through ignoreHTTPSErrors.
 */
export function createSelfSignedCert(): { key: string; cert: string; certPath: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fake-entra-tls-"));
  const keyPath = path.join(dir, "key.pem");
  const certPath = path.join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-keyout",
      keyPath,
      "-out",
      certPath,
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  return { key: fs.readFileSync(keyPath, "utf8"), cert: fs.readFileSync(certPath, "utf8"), certPath };
}
