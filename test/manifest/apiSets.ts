/**
 * Which Office requirement sets the code uses, and which of those uses no runtime check guards.
 *
 * The TypeScript compiler resolves every property access (and every property of an object literal
 * passed where an Office type is expected) in `src/` to its declaration; a declaration in
 * `@types/office-js` carries its requirement set in its doc comment, `[Api set: ExcelApi 1.9]` (or
 * `**Requirement set**: {@link … | OpenBrowserWindowApi 1.1}` for the common API). A setter whose tag
 * reads `ExcelApi 1.1 for get, 1.8 for set` counts as 1.8 where it is assigned to.
 *
 * A use is guarded when it only runs after a check that the host has the set, at that version or
 * later:
 * - inside `if (C)` / `C ? … : …` / `C && …` where C is, or is a conjunction containing, a call
 *   `….isSetSupported('ExcelApi', '1.10')` or a flag whose declaration is tagged `@apiGuard ExcelApi 1.10`
 *   (a getter or function whose body makes that very call; the analysis checks it does);
 * - in the `else` branch of a negated check, or after `if (!C) return/throw/continue/break;` in the
 *   same block;
 * - inside a function tagged `@apiSet ExcelApi 1.10` (a precondition): every call of such a function is
 *   itself a use of that set, checked like any other.
 */
import * as path from 'node:path';
import ts from 'typescript';

export interface ApiVersion {
  set: string;
  version: string;
}

export interface ApiUse extends ApiVersion {
  /** `Worksheet.freezePanes`, `Excel.run`, … (the declaring type and the member). */
  member: string;
  file: string;
  line: number;
  /** The check that guards it, when one does. */
  guard?: ApiVersion;
}

const OFFICE_TYPES = `${path.sep}@types${path.sep}office-js${path.sep}`;

/** Compares dotted versions numerically: 1.10 > 1.9. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The doc comments in front of a declaration (of a `const f = () => …`: in front of its statement), as text. */
function docText(decl: ts.Node): string {
  let node = decl;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) node = node.parent;
  if (ts.isVariableDeclaration(node) && ts.isVariableDeclarationList(node.parent)) node = node.parent.parent;
  const text = node.getSourceFile().getFullText();
  return (ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []).map((r) => text.slice(r.pos, r.end)).join('\n');
}

/**
 * The requirement set of an Office declaration's doc comment, for a read or a write of it. Tags that
 * list versions by use (`1.1 for get, 1.8 for set`) give the write the set version; anything else
 * gives its first (base) version.
 */
export function officeTag(doc: string, write: boolean): ApiVersion | undefined {
  const apiSet = /\[Api set: ([A-Za-z]+) (\d+(?:\.\d+)*)([^\]]*)\]/.exec(doc);
  if (apiSet) {
    const [, set, base, rest] = apiSet;
    const setter = /(\d+(?:\.\d+)*) (?:for set|for setting)/.exec(rest);
    return { set, version: write && setter ? setter[1] : base };
  }
  const common = /\*\*Requirement sets?\*\*:\s*\{@link [^|}]*\|\s*([A-Za-z]+)(?: (\d+(?:\.\d+)*))?\s*\}/.exec(doc);
  if (common && common[1] !== 'Not') return { set: common[1], version: common[2] ?? '1.1' };
  return undefined;
}

/** Our own tags: `@apiSet ExcelApi 1.10` (a precondition) or `@apiGuard ExcelApi 1.10` (a check). */
function ownTag(doc: string, tag: 'apiSet' | 'apiGuard'): ApiVersion | undefined {
  const m = new RegExp(`@${tag} ([A-Za-z]+) (\\d+(?:\\.\\d+)*)`).exec(doc);
  return m ? { set: m[1], version: m[2] } : undefined;
}

/** Whether the expression is the target of an assignment (`range.format.indentLevel = 2`). */
function isWritten(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

/** A call `….isSetSupported('Set', 'version')` with literal arguments. */
function isSetSupportedCall(node: ts.Node): ApiVersion | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  const [set, version] = node.arguments;
  if (name !== 'isSetSupported' || !set || !version || !ts.isStringLiteralLike(set) || !ts.isStringLiteralLike(version)) return undefined;
  return { set: set.text, version: version.text };
}

export class ApiSetAnalysis {
  readonly uses: ApiUse[] = [];
  /** Problems with the guards themselves (a tagged flag that does not check what its tag says). */
  readonly problems: string[] = [];
  private readonly checker: ts.TypeChecker;

  constructor(private readonly program: ts.Program, inScope: (file: string) => boolean) {
    this.checker = program.getTypeChecker();
    for (const file of program.getSourceFiles()) {
      if (!file.isDeclarationFile && inScope(file.fileName)) this.visit(file);
    }
  }

  /** The uses no check guards, per set: the highest version each set is used at unguarded. */
  unguardedMaximum(): Map<string, ApiUse> {
    const max = new Map<string, ApiUse>();
    for (const use of this.uses) {
      if (use.guard) continue;
      const known = max.get(use.set);
      if (!known || compareVersions(use.version, known.version) > 0) max.set(use.set, use);
    }
    return max;
  }

  private visit(node: ts.Node): void {
    if (ts.isCallExpression(node)) this.recordLoad(node);
    if (ts.isPropertyAccessExpression(node)) this.record(node, node.name, isWritten(node));
    else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) this.record(node, node.expression, false);
    else if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) this.recordLiteralProperty(node);
    else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) this.recordBinding(node);
    ts.forEachChild(node, (child) => this.visit(child));
  }

  /** The declarations a name resolves to (through aliases). */
  private declarations(name: ts.Node): ts.Declaration[] {
    let symbol = this.checker.getSymbolAtLocation(name);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return symbol?.declarations ?? [];
  }

  /**
   * A use of each member the name resolves to: one per declaring type, so a property of a union
   * (`ChartLineFormat | ChartBorder`) counts for both; overloads of one member count once.
   */
  private record(node: ts.Node, name: ts.Node, write: boolean): void {
    this.recordDeclarations(node, this.declarations(name), write);
  }

  private recordDeclarations(node: ts.Node, declarations: readonly ts.Declaration[], write: boolean): void {
    const seen = new Set<string>();
    for (const decl of declarations) {
      const tag = this.requirementOf(decl, write);
      const member = this.memberName(decl);
      if (!tag || seen.has(member)) continue;
      seen.add(member);
      this.add(node, tag, member);
    }
  }

  /** `const { categoryAxis, valueAxis } = chart.axes`: each property taken out is a use (a read). */
  private recordBinding(node: ts.BindingElement): void {
    const key = node.propertyName ?? node.name;
    if (!ts.isIdentifier(key)) return;
    const type = this.checker.getTypeAtLocation(node.parent);
    const types = type.isUnion() ? type.types : [type];
    const declarations = types.flatMap((t) => this.checker.getPropertyOfType(t, key.text)?.declarations ?? []);
    this.recordDeclarations(node, declarations, false);
  }

  /** The property paths of `x.load('items/name, items/protection/protected')`, resolved from x's type. */
  private recordLoad(call: ts.CallExpression): void {
    const callee = call.expression;
    const [spec] = call.arguments;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'load' || !spec || !ts.isStringLiteralLike(spec)) return;
    const receiver = this.checker.getTypeAtLocation(callee.expression);
    for (const path of spec.text.split(',')) {
      let type: ts.Type | undefined = receiver;
      for (const segment of path.trim().split('/').filter(Boolean)) {
        const prop: ts.Symbol | undefined = type && this.checker.getPropertyOfType(type, segment);
        if (!prop) break;
        for (const decl of prop.declarations ?? []) {
          const tag = this.requirementOf(decl, false);
          if (tag) this.add(call, tag, `${this.memberName(decl)} (load)`);
        }
        type = this.checker.getTypeOfSymbolAtLocation(prop, call);
        if (this.checker.isArrayType(type)) type = this.checker.getTypeArguments(type as ts.TypeReference)[0];
      }
    }
  }

  /** `{ delayForCellEdit: true }` where an Office options type is expected. */
  private recordLiteralProperty(node: ts.PropertyAssignment): void {
    const type = this.checker.getContextualType(node.parent);
    const prop = type && ts.isIdentifier(node.name) ? this.checker.getPropertyOfType(type, node.name.text) : undefined;
    for (const decl of prop?.declarations ?? []) {
      const tag = this.requirementOf(decl, false);
      if (tag) return this.add(node, tag, this.memberName(decl));
    }
  }

  /** An Office declaration's set, or our own function's `@apiSet` precondition. */
  private requirementOf(decl: ts.Declaration, write: boolean): ApiVersion | undefined {
    const doc = docText(decl);
    if (decl.getSourceFile().fileName.includes(OFFICE_TYPES)) return officeTag(doc, write);
    return ts.isFunctionLike(decl) || ts.isVariableDeclaration(decl) ? ownTag(doc, 'apiSet') : undefined;
  }

  private memberName(decl: ts.Declaration): string {
    const name = ts.getNameOfDeclaration(decl)?.getText() ?? '?';
    const parent = decl.parent && (ts.isClassLike(decl.parent) || ts.isInterfaceDeclaration(decl.parent) || ts.isModuleBlock(decl.parent)) ? decl.parent : undefined;
    const owner = parent && (ts.isModuleBlock(parent) ? parent.parent.name.getText() : parent.name?.getText());
    return owner ? `${owner}.${name}` : name;
  }

  private add(node: ts.Node, tag: ApiVersion, member: string): void {
    const file = node.getSourceFile();
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const guard = this.guardOf(node, tag.set);
    this.uses.push({ ...tag, member, file: file.fileName, line, guard: guard && compareVersions(guard.version, tag.version) >= 0 ? guard : undefined });
  }

  /** The strongest check of `set` that holds where `node` runs. */
  private guardOf(node: ts.Node, set: string): ApiVersion | undefined {
    const found: ApiVersion[] = [];
    for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (ts.isIfStatement(parent)) found.push(...(child === parent.thenStatement ? this.holdsIf(parent.expression) : child === parent.elseStatement ? this.holdsUnless(parent.expression) : []));
      else if (ts.isConditionalExpression(parent)) found.push(...(child === parent.whenTrue ? this.holdsIf(parent.condition) : child === parent.whenFalse ? this.holdsUnless(parent.condition) : []));
      else if (ts.isBinaryExpression(parent) && child === parent.right) {
        if (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) found.push(...this.holdsIf(parent.left));
        if (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) found.push(...this.holdsUnless(parent.left));
      } else if (ts.isBlock(parent) || ts.isSourceFile(parent)) found.push(...this.earlyExits(parent.statements, child));
      if (ts.isFunctionLike(parent)) {
        const pre = ownTag(docText(parent), 'apiSet');
        if (pre) found.push(pre);
      }
    }
    const ofSet = found.filter((g) => g.set === set);
    return ofSet.sort((a, b) => compareVersions(b.version, a.version))[0];
  }

  /** Checks that hold after `if (!C) return;` statements before `child` in the same block. */
  private earlyExits(statements: ts.NodeArray<ts.Statement>, child: ts.Node): ApiVersion[] {
    const out: ApiVersion[] = [];
    for (const statement of statements) {
      if (statement === child) break;
      if (!ts.isIfStatement(statement) || statement.elseStatement) continue;
      const then = ts.isBlock(statement.thenStatement) ? statement.thenStatement.statements[statement.thenStatement.statements.length - 1] : statement.thenStatement;
      if (then && (ts.isReturnStatement(then) || ts.isThrowStatement(then) || ts.isContinueStatement(then) || ts.isBreakStatement(then))) out.push(...this.holdsUnless(statement.expression));
    }
    return out;
  }

  /** The checks that hold when `expr` is truthy. */
  private holdsIf(expr: ts.Expression): ApiVersion[] {
    if (ts.isParenthesizedExpression(expr)) return this.holdsIf(expr.expression);
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return [...this.holdsIf(expr.left), ...this.holdsIf(expr.right)];
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) return this.holdsUnless(expr.operand);
    const call = isSetSupportedCall(expr);
    if (call) return [call];
    const flag = ts.isCallExpression(expr) ? expr.expression : expr;
    if (ts.isIdentifier(flag) || ts.isPropertyAccessExpression(flag)) return this.flagGuard(ts.isPropertyAccessExpression(flag) ? flag.name : flag);
    return [];
  }

  /** The checks that hold when `expr` is falsy. */
  private holdsUnless(expr: ts.Expression): ApiVersion[] {
    if (ts.isParenthesizedExpression(expr)) return this.holdsUnless(expr.expression);
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.BarBarToken) return [...this.holdsUnless(expr.left), ...this.holdsUnless(expr.right)];
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) return this.holdsIf(expr.operand);
    return [];
  }

  /** A flag tagged `@apiGuard`, whose body must make the very check its tag names. */
  private flagGuard(name: ts.Node): ApiVersion[] {
    for (const decl of this.declarations(name)) {
      const tag = ownTag(docText(decl), 'apiGuard');
      if (!tag) continue;
      const checks: ApiVersion[] = [];
      const find = (n: ts.Node): void => {
        const call = isSetSupportedCall(n);
        if (call) checks.push(call);
        ts.forEachChild(n, find);
      };
      find(decl);
      if (checks.some((c) => c.set === tag.set && compareVersions(c.version, tag.version) >= 0)) return [tag];
      this.problems.push(`${decl.getSourceFile().fileName}: ${name.getText()} is tagged @apiGuard ${tag.set} ${tag.version} but does not call isSetSupported('${tag.set}', '${tag.version}')`);
    }
    return [];
  }
}

/** A program over the given files with the task pane's compiler options (DOM, JSX, office-js types). */
export function officeProgram(files: string[], host?: ts.CompilerHost): ts.Program {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    types: ['office-js', 'node'],
  };
  return ts.createProgram(files, options, host);
}
