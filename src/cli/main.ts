#!/usr/bin/env node
/** The command line: `avvikelse <command> …`. Each command lives in its own module. */
import { SettingsError } from '../report/settings';
import { LimitError } from '../workbook/xlsx/limits';
import { WorkbookFormatError } from '../workbook/xlsx/xlsxPackage';
import { ForeignDrawingError } from '../workbook/xlsx/sheetDrawing';
import { ZipFormatError } from '../workbook/xlsx/zip';
import { checkOptions, parseArgs, UsageError, type ParsedArgs } from './args';
import { OutputError, releaseTemps } from './atomicWrite';
import { ACCURACY_OPTIONS, AUDIT_OPTIONS, EXPORT_OPTIONS, REPORT_OPTIONS } from './commandSpecs';
import { workbookFormatMessage, type CliIO } from './io';
import { helpText, versionText } from './usage';

export { USAGE } from './usage';

type Command = (args: ParsedArgs, io: CliIO) => Promise<number>;
/** Each command's module is loaded when it runs (start-up loads only what every command needs). */
const COMMANDS: Record<string, { load: () => Promise<Command>; options: readonly string[] }> = {
  report: { load: async () => (await import(/* webpackMode: "eager" */ './report')).report, options: REPORT_OPTIONS },
  export: { load: async () => (await import('./export')).exportCommand, options: EXPORT_OPTIONS },
  audit: { load: async () => (await import('./audit')).audit, options: AUDIT_OPTIONS },
  accuracy: { load: async () => (await import('./accuracy')).accuracy, options: ACCURACY_OPTIONS },
};

/** The options of the command named first on the line (all commands' when none is), so that parsing can name an unknown one. */
function optionsFor(argv: string[]): string[] {
  const command = COMMANDS[argv.find((a) => !a.startsWith('-')) ?? ''];
  const all = command ? command.options : Object.values(COMMANDS).flatMap((c) => c.options);
  return [...all, 'help', 'version'];
}

async function dispatch(args: ParsedArgs, { out, err }: CliIO): Promise<number> {
  if (args.options.version) {
    out(versionText());
    return 0;
  }
  if (args.command === 'help') {
    out(helpText(args.positional[0]));
    return 0;
  }
  const command = args.command ? COMMANDS[args.command] : undefined;
  if (args.command && !command) throw new UsageError(`okänt kommando "${args.command}" (report, export, audit eller accuracy)`);
  if (args.options.help || !command) {
    out(helpText(args.command));
    return command || args.options.help ? 0 : 2;
  }
  checkOptions(args, command.options);
  const run = await command.load();
  return run(args, { out, err });
}

export async function main(argv: string[], out = (s: string) => console.log(s), err = (s: string) => console.error(s)): Promise<number> {
  let input: string | undefined;
  try {
    const args = parseArgs(argv, optionsFor(argv));
    input = args.positional[0];
    return await dispatch(args, { out, err });
  } catch (e) {
    if (e instanceof UsageError || e instanceof SettingsError || e instanceof OutputError) {
      err(`avvikelse: ${e.message}`);
      return 2;
    }
    if (e instanceof ForeignDrawingError) {
      // something of the user's on our own sheet: found while the package is edited in memory, before anything is written
      err(`avvikelse: ${e.message}; ingenting skrevs.`);
      return 1;
    }
    if (e instanceof WorkbookFormatError || e instanceof ZipFormatError || e instanceof LimitError) {
      // a part inside the .xlsx is missing, broken or over a limit: found while reading, before anything is written
      err(workbookFormatMessage(input, e));
      return 2;
    }
    throw e;
  } finally {
    releaseTemps();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`avvikelse: oväntat fel: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      process.exit(3);
    },
  );
}
