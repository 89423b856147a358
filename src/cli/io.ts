/** Where a command writes: standard output and standard error, one line per call. */
export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}
