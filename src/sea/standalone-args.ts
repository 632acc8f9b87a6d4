/**
 * The arguments the standalone program passes on to the CLI. With none — a double click in Explorer —
 * it runs `edit` without a file: the browser opens on the page that opens, makes or imports a report.
 * With any, they are the CLI's as typed (a command, or report files dropped on the icon).
 */
export function standaloneArgs(args: readonly string[]): string[] {
  return args.length === 0 ? ['edit'] : [...args];
}
