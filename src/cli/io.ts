/** The streams the CLI writes to: the process's in main.ts, swapped in tests. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  /** The terminal asks for plain lines (NO_COLOR set, TERM=dumb): no progress bar, no control sequences. */
  plain?: boolean;
}
