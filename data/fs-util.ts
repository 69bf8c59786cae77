/** Small helpers shared by the file-level modules of the store. */

/** The `code` of a Node system error (`ENOENT`, `EEXIST`, …), if any. */
export function errCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
