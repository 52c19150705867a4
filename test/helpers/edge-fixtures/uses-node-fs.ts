import { readFile } from "node:fs/promises";

export const readHostname = () => readFile("/etc/hostname", "utf8");
