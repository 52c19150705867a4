import { formatBytes } from "@/components/dashboard/format-usage";

export function FileProgress({ file, fraction }: { file: File; fraction: number | undefined }) {
  const percent = Math.round((fraction ?? 0) * 100);
  return (
    <li className="flex flex-col gap-1 text-sm">
      <div className="flex justify-between gap-4">
        <span className="truncate">{file.name}</span>
        <span className="text-muted-foreground">
          {formatBytes(file.size)}
          {fraction !== undefined ? ` · ${percent}%` : ""}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={`Upload progress of ${file.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded bg-skeleton"
      >
        <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </li>
  );
}
