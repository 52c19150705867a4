import { loginWithDeviceCode, logout } from "./auth/entra-login";
import { type CliDeps, type CliIo, parseCommandArgs, UsageError } from "./cli-context";
import { parseCliEnv } from "./cli-env";

export async function runLogin(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {});
  if (positionals.length > 0) throw new UsageError(`Unexpected arguments: ${positionals.join(" ")}`);
  const env = parseCliEnv(deps.env ?? {});
  const account = await loginWithDeviceCode(env, ({ verificationUri, userCode }) =>
    io.stderr(`To sign in, open ${verificationUri} and enter the code ${userCode}\n`),
  );
  io.stderr(`Signed in as ${account.username || account.name || account.homeAccountId}\n`);
  if (env.TRACEPIPE_API_KEY)
    io.stderr("Note: TRACEPIPE_API_KEY is set and takes precedence over this sign-in.\n");
  return 0;
}

export async function runLogout(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {});
  if (positionals.length > 0) throw new UsageError(`Unexpected arguments: ${positionals.join(" ")}`);
  const removed = await logout(parseCliEnv(deps.env ?? {}));
  io.stderr(removed ? "Signed out; the cached tokens are deleted.\n" : "Not signed in.\n");
  return 0;
}
