// The npm registry mirror of our closed network holds only the Linux builds of packages
// with per-platform binaries (e.g. @next/swc-darwin-arm64 answers 404). npm then leaves
// those optional dependencies out of package-lock.json, and `npm ci` refuses the lock as
// "out of sync". This adds the missing entries (marked optional, with their os/cpu), which
// npm ci skips on Linux x64 anyway. Run it after any `npm install` that changes the lock:
//   node .ci/complete-lockfile.mjs
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;
const OS = ["darwin", "win32", "linux", "android", "freebsd", "openbsd", "sunos", "aix", "netbsd", "openharmony"];
const CPU = ["arm64", "x64", "arm", "ia32", "ppc64", "s390x", "riscv64", "loong64", "wasm32", "mips64el"];

function platformOf(name) {
  const base = name.split("/").pop();
  const os = OS.find((o) => base.includes(o));
  const cpu = CPU.find((c) => base.includes(c)) ?? (base.includes("arm-") || base.endsWith("-arm") ? "arm" : undefined);
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}) };
}

function resolvesFrom(path, name) {
  // Node's lookup: the package's own node_modules, then each ancestor's, then the root.
  let dir = path;
  while (true) {
    if (packages[`${dir ? `${dir}/` : ""}node_modules/${name}`]) return true;
    if (!dir) return false;
    const index = dir.lastIndexOf("/node_modules/");
    dir = index === -1 ? "" : dir.slice(0, index);
  }
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolvesFrom(path, name)) continue;
    const version = String(spec).replace(/^[\^~>=<\s]+/, "").split(" ")[0];
    packages[`node_modules/${name}`] = { version, optional: true, ...platformOf(name) };
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} optional platform entries added.`);
