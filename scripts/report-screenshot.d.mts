/** Types of scripts/report-screenshot.mjs (used by test/report-html.test.ts). */
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare const CHROMIUM_MISSING: string;

export interface ScreenshotResult {
  /** Console errors and warnings, and uncaught page errors. */
  consoleErrors: string[];
  /** Every request besides the html file itself. */
  requests: string[];
  charts: Array<{ id: string; width: number; height: number; labelledBy: Array<string | null>; title: string; texts: number }>;
  title: string;
  lang: string;
  /** Size of the PNG file. */
  bytes: number;
}

export declare function screenshotHtml(
  html: string,
  pngFile: string,
  options?: { width?: number; height?: number; fullPage?: boolean; clipHeight?: number },
): Promise<ScreenshotResult>;
