const integer = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export const formatInteger = (value: number) => integer.format(value);
export const formatCompact = (value: number) => compact.format(value);

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** GB × hours with enough precision that a small account does not read as exactly zero. */
export function formatGbHours(gbHours: number): string {
  if (gbHours === 0) return "0";
  if (gbHours < 0.001) return "< 0.001";
  return gbHours < 10 ? gbHours.toFixed(3) : integer.format(Math.round(gbHours));
}
