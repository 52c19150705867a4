/** Only same-site paths may be a post-sign-in destination: no open redirect through `callbackUrl`. */
export function safeReturnPath(value: unknown, fallback = "/dashboard"): string {
  return typeof value === "string" &&
    value.startsWith("/") &&
    !value.startsWith("//") &&
    !value.includes("\\")
    ? value
    : fallback;
}
