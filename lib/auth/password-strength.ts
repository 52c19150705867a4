import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { AppError } from "@/lib/errors";

/**
 * zxcvbn scores 0–4 by estimated guesses; 3 ("safely unguessable: moderate protection from offline slow-hash
 * scenario", ~10^10 guesses) is the least we accept, since a leaked scrypt hash is exactly that scenario.
 */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
function getEstimator(): ZxcvbnFactory {
  // The dictionaries are a few MB: built on first use, once per process.
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return estimator;
}

/** Why a password is refused, or undefined when it is strong enough. */
export function findPasswordWeakness(
  password: string,
  context: { email: string; displayName?: string },
): string | undefined {
  const lower = password.toLowerCase();
  const email = context.email.trim().toLowerCase();
  const localPart = email.split("@")[0] ?? "";
  if (lower.includes(email) || (localPart.length >= 3 && lower.includes(localPart))) {
    return "Choose a password that does not contain your email address.";
  }
  const inputs = [email, localPart, ...(context.displayName ? context.displayName.split(/\s+/) : [])];
  const result = getEstimator().check(password, inputs.filter(Boolean));
  if (result.score >= MIN_SCORE) return undefined;
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  return `This password is too easy to guess.${hints ? ` ${hints}` : " Add more words or characters."}`;
}

/** Throws a 422 naming the `password` field when the password is too weak (the form shows it under the field). */
export function assertStrongPassword(
  password: string,
  context: { email: string; displayName?: string },
): void {
  const weakness = findPasswordWeakness(password, context);
  if (!weakness) return;
  throw new AppError({
    code: "unprocessable",
    message: weakness,
    extensions: { errors: [{ field: "password", code: "weak_password", message: weakness }] },
  });
}
