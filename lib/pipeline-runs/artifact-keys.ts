/** Storage keys of a session's pipeline artifacts. Fixed per session, so a re-driven run overwrites, never adds. */
export const artifactKeys = (sessionId: string) => {
  const base = `sessions/${sessionId}/artifacts`;
  return {
    bronze: `${base}/bronze.jsonl`,
    importIssues: `${base}/import-issues.jsonl`,
    silver: `${base}/silver.jsonl`,
    windows: `${base}/gold-windows.jsonl`,
    actions: `${base}/gold-actions.jsonl`,
  };
};

export type ArtifactName = keyof ReturnType<typeof artifactKeys>;

export const exampleMessagesKey = (exampleId: string) => `examples/${exampleId}/messages.jsonl`;
