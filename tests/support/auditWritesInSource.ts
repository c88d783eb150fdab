import { join, relative } from "node:path";
import ts from "typescript";

/**
 * Every audit action and target type the server can write, read from its source (not from a list kept
 * by hand, which a new feature could forget). Two ways in:
 *  - an object literal typed as `AuditEntry` (what `recordAudit`/`recordAudits` take), wherever it is
 *    written: as the argument, as `const audit: AuditEntry = {…}`, pushed onto an `AuditEntry[]`. Its
 *    `action`/`targetType` may be a literal, a `? :` of literals, a template like `case.action.${kind}`
 *    or anything whose type is a union of string literals; the type checker spells each one out.
 *  - raw SQL `INSERT INTO audit_events (…) SELECT/VALUES (…)`, whose action and target type must be quoted.
 * What cannot be worked out to strings is returned in `unresolved` (file:line) rather than skipped.
 */
export interface AuditWrites {
  actions: Map<string, string>;
  targetTypes: Map<string, string>;
  unresolved: string[];
}

const root = join(__dirname, "../..");
const recordAuditFile = join(root, "server/src/audit/recordAudit.ts");

function serverProgram(): ts.Program {
  const configPath = join(root, "server/tsconfig.json");
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error(`cannot read ${configPath}`);
  const sources = config.fileNames.filter((file) => file.includes("/server/src/") && !/\.test\.ts$/.test(file));
  return ts.createProgram(sources, config.options);
}

/** True when `type` is (or, for an optional spot, includes) the server's `AuditEntry`. */
function isAuditEntry(type: ts.Type | undefined): boolean {
  if (!type) return false;
  if (type.isUnion()) return type.types.some(isAuditEntry);
  const declaration = type.getSymbol()?.declarations?.[0];
  return type.getSymbol()?.name === "AuditEntry" && declaration?.getSourceFile().fileName === recordAuditFile;
}

/** The strings a type stands for: a string literal, or a union of them; null for anything wider. */
function literalsOfType(type: ts.Type): string[] | null {
  if (type.isStringLiteral()) return [type.value];
  if (!type.isUnion()) return null;
  const parts = type.types.map(literalsOfType);
  return parts.every((part) => part !== null) ? parts.flat() : null;
}

function stringsOf(checker: ts.TypeChecker, expression: ts.Expression): string[] | null {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression.text];
  if (ts.isParenthesizedExpression(expression)) return stringsOf(checker, expression.expression);
  if (ts.isConditionalExpression(expression)) {
    const [yes, no] = [stringsOf(checker, expression.whenTrue), stringsOf(checker, expression.whenFalse)];
    return yes && no ? [...yes, ...no] : null;
  }
  if (ts.isTemplateExpression(expression)) {
    let out: string[] | null = [expression.head.text];
    for (const span of expression.templateSpans) {
      const middle = stringsOf(checker, span.expression);
      if (!middle || !out) return null;
      out = out.flatMap((start) => middle.map((value) => `${start}${value}${span.literal.text}`));
    }
    return out;
  }
  return literalsOfType(checker.getTypeAtLocation(expression));
}

function propertyValue(literal: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of literal.properties) {
    if (!property.name || !ts.isIdentifier(property.name) || property.name.text !== name) continue;
    if (ts.isPropertyAssignment(property)) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property)) return property.name;
  }
  return undefined;
}

function where(node: ts.Node): string {
  const file = node.getSourceFile();
  return `${relative(root, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

/** `INSERT INTO audit_events (cols) SELECT|VALUES (a, b, …)`: the quoted values under `action` and `target_type`. */
function sqlInserts(text: string): Array<{ column: string; value: string | null }> {
  const found: Array<{ column: string; value: string | null }> = [];
  const insert = /INSERT\s+INTO\s+"?audit_events"?\s*\(([^)]*)\)\s*(?:SELECT|VALUES\s*\()([\s\S]*?)(?:\bFROM\b|\)\s*(?:RETURNING|ON|;|`|$))/gi;
  for (const match of text.matchAll(insert)) {
    const columns = match[1]!.split(",").map((column) => column.trim().replace(/"/g, ""));
    const values = match[2]!.split(/,(?![^(]*\))/).map((value) => value.trim());
    for (const column of ["action", "target_type"]) {
      const value = values[columns.indexOf(column)];
      const quoted = value?.match(/^'([^']*)'$/);
      if (columns.includes(column)) found.push({ column, value: quoted ? quoted[1]! : null });
    }
  }
  return found;
}

export function auditWritesInSource(): AuditWrites {
  const program = serverProgram();
  const checker = program.getTypeChecker();
  const writes: AuditWrites = { actions: new Map(), targetTypes: new Map(), unresolved: [] };
  const note = (into: Map<string, string>, values: string[] | null, node: ts.Node, what: string) => {
    if (!values) writes.unresolved.push(`${where(node)} ${what} is neither a string literal nor of a string-literal union type`);
    else for (const value of values) if (!into.has(value)) into.set(value, where(node));
  };
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || !file.fileName.startsWith(join(root, "server/src/")) || file.fileName === recordAuditFile) continue;
    const visit = (node: ts.Node): void => {
      // an AuditEntry must name its action, so only literals with an `action` property need the (slower) checker
      const action = ts.isObjectLiteralExpression(node) ? propertyValue(node, "action") : undefined;
      if (action && ts.isObjectLiteralExpression(node) && isAuditEntry(checker.getContextualType(node))) {
        const targetType = propertyValue(node, "targetType");
        note(writes.actions, stringsOf(checker, action), action, "action");
        if (targetType) note(writes.targetTypes, stringsOf(checker, targetType), targetType, "targetType");
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    for (const { column, value } of sqlInserts(file.text)) {
      if (value === null) writes.unresolved.push(`${relative(root, file.fileName)} SQL insert into audit_events: ${column} is not a quoted literal`);
      else if (column === "action") writes.actions.set(value, relative(root, file.fileName));
      else writes.targetTypes.set(value, relative(root, file.fileName));
    }
  }
  return writes;
}
