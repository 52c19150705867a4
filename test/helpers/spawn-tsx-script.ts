import { type ChildProcess, spawn } from "node:child_process";

/**
 * Runs a TypeScript file in a child process and collects what it prints. Node itself with tsx as a loader: the tsx
 * CLI would run the script in a grandchild that a SIGKILL of the child misses.
 */
export function spawnTsxScript(
  file: string,
  options: { cwd: string; env: Record<string, string> },
): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", file], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: "pipe",
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}
