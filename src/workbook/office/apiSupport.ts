/// <reference types="office-js" />
/**
 * Which Excel JavaScript API the host has. The manifest asks for `REQUIRED_EXCEL_API`, so everything
 * up to it is used freely; a member of a later set is used only behind one of the checks below. The
 * requirement-set test (test/manifest/requirementSet.test.ts) reads each member's set from
 * `@types/office-js` and fails on an unguarded use above the manifest's minimum; it knows these checks
 * by their `@apiGuard` tags and verifies that each really asks `isSetSupported` for what its tag says.
 */

/**
 * The lowest ExcelApi the add-in runs on, as the manifest declares it: page breaks, `indentLevel` and
 * `getSelectedRanges` are 1.9; `getRangeByIndexes`, freeze panes, `NamedItem.formula` and workbook
 * protection 1.7; `showGridlines` 1.8. Excel on the web, Microsoft 365 (Windows version 1903, Mac
 * 16.24), Office 2021 and later have it; Office 2019 and 2016 bought once do not.
 */
export const REQUIRED_EXCEL_API = '1.9';

export type IsSetSupported = (name: string, version: string) => boolean;

/** What Office says about a requirement set; false outside Office or when it cannot tell. */
export function officeSupports(name: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

/** The optional parts of the API, each asked of the host when used. */
export class ApiSupport {
  constructor(readonly isSetSupported: IsSetSupported = officeSupports) {}

  /**
   * Cell comments (threaded comments): a mark gets a note with its finding only where they exist.
   * @apiGuard ExcelApi 1.10
   */
  get comments(): boolean {
    return this.isSetSupported('ExcelApi', '1.10');
  }

  /** The host has the minimum the manifest declares (a host below it is told so at start-up). */
  get required(): boolean {
    return this.isSetSupported('ExcelApi', REQUIRED_EXCEL_API);
  }
}

/** The ExcelApi versions there are (1.1 … 1.20), lowest first. */
export const EXCEL_API_VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

/** The highest ExcelApi the host has, or null when it has none (not Excel, or not inside Office). */
export function highestExcelApi(isSetSupported: IsSetSupported = officeSupports): string | null {
  let highest: string | null = null;
  for (const version of EXCEL_API_VERSIONS) {
    if (!isSetSupported('ExcelApi', version)) break;
    highest = version;
  }
  return highest;
}
