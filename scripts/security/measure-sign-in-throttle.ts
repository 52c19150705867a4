/**
 * Measures how many password guesses a running Tracepipe server checks for one account in a time window when the
 * attacker rotates X-Forwarded-For on every request, and whether the right password gets in while the account is
 * throttled. It talks to the server only over HTTP, through Auth.js' credentials endpoint, like a guessing script.
 *
 *   TARGET_URL=http://127.0.0.1:4210 TARGET_EMAIL=victim@example.com TARGET_PASSWORD='…' \
 *     npx tsx scripts/security/measure-sign-in-throttle.ts [seconds=60]
 *
 * The account must exist with that password (sign up through the page first).
 */
const target = process.env.TARGET_URL ?? "http://127.0.0.1:3000";
const email = process.env.TARGET_EMAIL ?? "";
const password = process.env.TARGET_PASSWORD ?? "";
const seconds = Number(process.argv[2] ?? 60);
if (!email || !password) {
  console.error("Set TARGET_EMAIL and TARGET_PASSWORD of an existing account");
  process.exit(2);
}

type Outcome = "invalid" | "throttled" | "signed in" | "other";

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

async function attempt(guess: string, forwardedFor: string): Promise<Outcome> {
  const csrf = await fetch(`${target}/api/auth/csrf`, { headers: { "x-forwarded-for": forwardedFor } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${target}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookiesOf(csrf),
      "x-forwarded-for": forwardedFor,
    },
    body: new URLSearchParams({ csrfToken, email, password: guess, callbackUrl: "/dashboard" }),
  });
  const location = response.headers.get("location") ?? "";
  if (location.includes("code=throttled")) return "throttled";
  if (location.includes("error=CredentialsSignin")) return "invalid";
  if (location.endsWith("/dashboard")) return "signed in";
  return "other";
}

const randomAddress = () =>
  `${1 + Math.floor(Math.random() * 222)}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

const counts: Record<Outcome, number> = { invalid: 0, throttled: 0, "signed in": 0, other: 0 };
let rightPasswordTries = 0;
let rightPasswordSignedIn = 0;
let rightPasswordWhileThrottled = 0;
let throttledSeen = false;
const started = Date.now();
let n = 0;
while (Date.now() - started < seconds * 1000) {
  n++;
  // Every 10th request the attacker tries the right password (as if the 10th guess were right).
  const isRight = n % 10 === 0;
  const outcome = await attempt(isRight ? password : `wrong guess ${n}`, randomAddress());
  if (isRight) {
    rightPasswordTries++;
    if (outcome === "signed in") rightPasswordSignedIn++;
    if (outcome === "signed in" && throttledSeen) rightPasswordWhileThrottled++;
  } else {
    counts[outcome]++;
  }
  if (outcome === "throttled") throttledSeen = true;
}
const elapsed = (Date.now() - started) / 1000;
console.log(
  JSON.stringify(
    {
      target,
      seconds: Math.round(elapsed),
      requests: n,
      wrongGuessesChecked: counts.invalid,
      wrongGuessesCheckedPerMinute: Math.round((counts.invalid / elapsed) * 60 * 10) / 10,
      wrongGuessesThrottled: counts.throttled,
      rightPasswordTries,
      rightPasswordSignedIn,
      rightPasswordSignedInAfterThrottling: rightPasswordWhileThrottled,
      other: counts.other,
    },
    null,
    2,
  ),
);

export {};
