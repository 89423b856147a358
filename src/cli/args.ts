/** A small argument parser: `command <positional> --flag value --switch`. */
export interface ParsedArgs {
  command?: string;
  positional: string[];
  options: Record<string, string | true>;
}

const SWITCHES = new Set(['signed', 'unsigned', 'ledger-signs', 'blank-as-zero', 'help', 'quiet', 'version']);

export class UsageError extends Error {}

export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { positional: [], options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h') out.options.help = true;
    else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) out.options[name] = a.slice(eq + 1);
      else if (SWITCHES.has(name)) out.options[name] = true;
      else {
        const v = argv[i + 1];
        if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} behöver ett värde`);
        out.options[name] = v;
        i++;
      }
    } else if (!out.command) out.command = a;
    else out.positional.push(a);
  }
  return out;
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  if (v === true) throw new UsageError(`--${name} behöver ett värde`);
  return v;
}
