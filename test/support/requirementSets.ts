/*
 * Which Office requirement sets the add-in's code needs, read from the code itself.
 *
 * The TypeScript compiler type-checks the sources, and every name the code uses at run time (a property
 * read or written, a method called, an enum member, a class constructed, a property of an object literal
 * passed where Office.js expects one, such as `range.set({ format: { indentLevel: 1 } })`) is resolved to
 * its declaration. A declaration in the Office type packages (@types/office-js, custom-functions-runtime,
 * office-runtime) states its requirement set in its comment, either as `[Api set: ExcelApi 1.9]` or as
 * `**Requirement set**: {@link … | SharedRuntime 1.1}`; that is the set a use needs. A declaration
 * with neither (Office.onReady, Office.context.partitionKey, `context.sync()`) needs nothing more than
 * Office.js itself. Names reached through strings (`load("pageLayout")`, `sheet["getRanges"]`) or by
 * destructuring are not seen; the code reads what it loads by name, and that read is. Sets that belong
 * to other hosts (Mailbox, WordApi, PowerPointApi, OneNoteApi) are dropped: they say what that host
 * needs (`[Api set: SharedRuntime 1.1, Mailbox 1.10]` is "SharedRuntime in Excel"; the common
 * `event.completed()` states only "Mailbox 1.3", for Outlook), never what Excel needs.
 *
 * A use is guarded, and so may need more than the manifest declares, only when it sits
 *  - in the `then` branch of an `if`, the `true` branch of `?:`, or the right of `&&`, whose condition
 *    asserts the set, or
 *  - after an `if (!condition) return/throw` in the same block, whose condition asserts the set;
 * where a condition asserts a set when it is a literal call `isSetSupported("Set", "x.y")` with x.y at
 * least the use's version, combined with `&&` (any operand), `=== true`, parentheses, or reached through
 * a `const` whose initializer asserts it, or a call of a function whose body only returns such a condition.
 * Anything else (a flag passed in as an argument, a try/catch, the `else` of a negated check, a check in
 * a caller) is not seen as a guard, and the use must then be covered by the manifest.
 */
import * as ts from "typescript";
import { readFileSync } from "node:fs";

export interface RequirementSet {
  name: string;
  version: string;
}

export interface ApiUse {
  /** Path relative to the root the checker was given, with forward slashes. */
  file: string;
  line: number;
  /** What was used, as declared: `Excel.Range.getRanges`, `CustomFunctions.ErrorCode.divisionByZero`. */
  member: string;
  /** Every set the use needs (usually one). */
  needs: RequirementSet[];
  /** The sets an enclosing guard checks for. */
  guardedBy: RequirementSet[];
}

/** Sets of other Office applications: an Excel add-in never needs them. */
const OTHER_HOSTS =
  /^(Mailbox|WordApi|WordApiDesktop|WordApiOnline|WordApiHiddenDocument|PowerPointApi|OneNoteApi|Outlook)/;

/** Packages whose declarations carry requirement sets. */
const OFFICE_TYPES =
  /[\\/]@types[\\/](office-js|office-js-preview|custom-functions-runtime|office-runtime)[\\/]/;

// ---------- versions ----------

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether `declared` (the manifest's sets) covers `needed`. */
export function covers(declared: readonly RequirementSet[], needed: RequirementSet): boolean {
  return declared.some(
    (d) => d.name === needed.name && compareVersions(d.version, needed.version) >= 0
  );
}

// ---------- the manifest ----------

/**
 * The sets in a manifest's `<Sets>` (top level, `<Requirements>` of `<OfficeApp>`) and in its
 * VersionOverrides (`<bt:Sets>`), each list in document order.
 */
export function manifestRequirementSets(xml: string): {
  top: RequirementSet[];
  versionOverrides: RequirementSet[];
} {
  const block = (pattern: RegExp): string => pattern.exec(xml)?.[1] ?? "";
  const sets = (text: string, prefix: string): RequirementSet[] =>
    [...text.matchAll(new RegExp(`<${prefix}Set\\b([^>]*)/?>`, "g"))].map((m) => {
      const attrs = m[1] ?? "";
      return {
        name: /\bName="([^"]*)"/.exec(attrs)?.[1] ?? "",
        version: /\bMinVersion="([^"]*)"/.exec(attrs)?.[1] ?? "",
      };
    });
  const withoutComments = (text: string) => text.replace(/<!--[\s\S]*?-->/g, "");
  const overrides = block(/<VersionOverrides\b[\s\S]*?<Requirements>([\s\S]*?)<\/Requirements>/);
  const beforeOverrides = xml.split(/<VersionOverrides\b/)[0] ?? "";
  const top = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(beforeOverrides)?.[1] ?? "";
  return {
    top: sets(withoutComments(top), ""),
    versionOverrides: sets(withoutComments(overrides), "bt:"),
  };
}

// ---------- what a declaration needs ----------

/**
 * The requirement sets a declaration's comment states. `write` picks the setter's version where the
 * comment gives one version for reading and another for writing ("ExcelApi 1.1 for get, 1.8 for set").
 */
export function setsInComment(comment: string, write = false): RequirementSet[] {
  const found: RequirementSet[] = [];
  for (const m of comment.matchAll(/\[Api set:([^\]]*)\]/g)) {
    const body = (m[1] ?? "").trim();
    // "ExcelApi 1.1 for get, 1.8 for set" and "ExcelApi 1.1 for reading visibility; 1.2 for setting it."
    const split = /^(\w+)\s+([\d.]+)\s+for\s+(?:get|read)\w*[^,;]*[,;]\s*([\d.]+)\s+for\s+set/.exec(
      body
    );
    if (split) {
      found.push({ name: split[1] as string, version: (write ? split[3] : split[2]) as string });
      continue;
    }
    // The first clause of each comma-separated alternative: "ExcelApi 1.9, ExcelApi Preview for null …".
    for (const clause of body.split(",")) {
      const set = /^\s*([A-Za-z]\w*)\s+(\d+(?:\.\d+)*)\b/.exec(clause);
      if (set) found.push({ name: set[1] as string, version: set[2] as string });
    }
  }
  for (const m of comment.matchAll(
    /\*\*Requirement sets?\*\*:([\s\S]*?)(?=\n\s*\*\s*(?:@|\*\*)|$)/g
  ))
    for (const link of (m[1] ?? "").matchAll(/\|\s*([A-Za-z]\w*)\s+(\d+(?:\.\d+)*)\s*\}/g))
      found.push({ name: link[1] as string, version: link[2] as string });
  const relevant = found.filter((s) => !OTHER_HOSTS.test(s.name));
  // Several clauses of one set ("ExcelApi 1.1 for String…; 1.7 for Array") keep the lowest: the use is
  // allowed on the least the declaration promises, so only a clear breach fails.
  const lowest = new Map<string, RequirementSet>();
  for (const s of relevant) {
    const seen = lowest.get(s.name);
    if (!seen || compareVersions(s.version, seen.version) < 0) lowest.set(s.name, s);
  }
  return [...lowest.values()];
}

function commentOf(declaration: ts.Node): string {
  let node: ts.Node = declaration;
  if (ts.isVariableDeclaration(node) && node.parent?.parent) node = node.parent.parent;
  const text = node.getSourceFile().getFullText();
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  return ranges.map((r) => text.slice(r.pos, r.end)).join("\n");
}

function qualifiedName(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  return checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, "");
}

// ---------- guards ----------

function literalSetCall(node: ts.Expression): RequirementSet | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  const name = ts.isPropertyAccessExpression(callee)
    ? callee.name.text
    : ts.isIdentifier(callee)
      ? callee.text
      : "";
  if (name !== "isSetSupported") return undefined;
  const [set, version] = node.arguments;
  if (!set || !ts.isStringLiteralLike(set)) return undefined;
  // isSetSupported("X") with no version checks for 1.1.
  if (version === undefined) return { name: set.text, version: "1.1" };
  return ts.isStringLiteralLike(version) ? { name: set.text, version: version.text } : undefined;
}

/** The sets a condition asserts when it is true (see the file's comment for the forms followed). */
function assertedSets(
  checker: ts.TypeChecker,
  expression: ts.Expression,
  seen = new Set<ts.Node>()
): RequirementSet[] {
  if (seen.has(expression)) return [];
  seen.add(expression);
  const e = ts.skipPartiallyEmittedExpressions(expression);
  if (ts.isParenthesizedExpression(e)) return assertedSets(checker, e.expression, seen);
  const direct = literalSetCall(e);
  if (direct) return [direct];
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken)
      return [...assertedSets(checker, e.left, seen), ...assertedSets(checker, e.right, seen)];
    if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken) {
      if (e.right.kind === ts.SyntaxKind.TrueKeyword) return assertedSets(checker, e.left, seen);
      if (e.left.kind === ts.SyntaxKind.TrueKeyword) return assertedSets(checker, e.right, seen);
    }
    return [];
  }
  if (ts.isIdentifier(e)) {
    const declaration = checker.getSymbolAtLocation(e)?.valueDeclaration;
    if (
      declaration &&
      ts.isVariableDeclaration(declaration) &&
      declaration.initializer &&
      ts.isVariableDeclarationList(declaration.parent) &&
      (declaration.parent.flags & ts.NodeFlags.Const) !== 0
    )
      return assertedSets(checker, declaration.initializer, seen);
    return [];
  }
  if (ts.isCallExpression(e) && e.arguments.length === 0) {
    const declaration = checker.getResolvedSignature(e)?.declaration;
    const body =
      declaration && (ts.isFunctionDeclaration(declaration) || ts.isArrowFunction(declaration))
        ? declaration.body
        : undefined;
    if (body && !ts.isBlock(body)) return assertedSets(checker, body, seen);
    if (body && ts.isBlock(body) && body.statements.length === 1) {
      const only = body.statements[0] as ts.Statement;
      if (ts.isReturnStatement(only) && only.expression)
        return assertedSets(checker, only.expression, seen);
    }
  }
  return [];
}

function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}

/** The sets the guards around `node` assert. */
function guardsAround(checker: ts.TypeChecker, node: ts.Node): RequirementSet[] {
  const found: RequirementSet[] = [];
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child)
      found.push(...assertedSets(checker, parent.expression));
    else if (ts.isConditionalExpression(parent) && parent.whenTrue === child)
      found.push(...assertedSets(checker, parent.condition));
    else if (
      ts.isBinaryExpression(parent) &&
      parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      parent.right === child
    )
      found.push(...assertedSets(checker, parent.left));
    else if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      // An early exit before this statement: `if (!guard) return …;`.
      for (const statement of parent.statements) {
        if (statement === child) break;
        if (
          ts.isIfStatement(statement) &&
          !statement.elseStatement &&
          exits(statement.thenStatement) &&
          ts.isPrefixUnaryExpression(statement.expression) &&
          statement.expression.operator === ts.SyntaxKind.ExclamationToken
        )
          found.push(...assertedSets(checker, statement.expression.operand));
      }
    }
  }
  return found;
}

// ---------- the walk ----------

/**
 * Whether the use writes the member: the target of an assignment, or a property of an object literal
 * (what the code hands to Office.js: the data of `set()`, the options of `add()`).
 */
function isWrite(node: ts.Node): boolean {
  if (
    node.parent &&
    (ts.isPropertyAssignment(node.parent) || ts.isShorthandPropertyAssignment(node.parent))
  )
    return true;
  const access = node.parent;
  if (!access || !ts.isPropertyAccessExpression(access) || access.name !== node) return false;
  const parent = access.parent;
  return (
    parent !== undefined &&
    ts.isBinaryExpression(parent) &&
    parent.left === access &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}

/** The Office declaration a name resolves to, and what it is called. */
function officeSymbol(
  checker: ts.TypeChecker,
  name: ts.Identifier
): { symbol: ts.Symbol; declarations: ts.Declaration[] } | undefined {
  let symbol: ts.Symbol | undefined;
  const parent = name.parent;
  if (
    parent &&
    (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) &&
    parent.name === name &&
    ts.isObjectLiteralExpression(parent.parent)
  ) {
    // A property of an object literal: what the literal is passed as decides what it means. An optional
    // property's type includes undefined, and a union's members are looked at one by one.
    const contextual = checker.getContextualType(parent.parent);
    const type = contextual && checker.getNonNullableType(contextual);
    const candidates = type ? (type.isUnion() ? type.types : [type]) : [];
    symbol = candidates.map((t) => t.getProperty(name.text)).find((p) => p !== undefined);
  } else symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  if (!symbol) return undefined;
  const declarations = (symbol.declarations ?? []).filter((d) =>
    OFFICE_TYPES.test(d.getSourceFile().fileName)
  );
  return declarations.length > 0 ? { symbol, declarations } : undefined;
}

/** The declaration that applies: for a call, the overload it resolves to. */
function applicableDeclarations(
  checker: ts.TypeChecker,
  name: ts.Node,
  declarations: ts.Declaration[]
): ts.Declaration[] {
  const access = name.parent;
  const call = access && ts.isPropertyAccessExpression(access) ? access.parent : undefined;
  if (
    call &&
    (ts.isCallExpression(call) || ts.isNewExpression(call)) &&
    call.expression === access
  ) {
    const resolved = checker.getResolvedSignature(call)?.declaration;
    if (resolved && declarations.includes(resolved as ts.Declaration))
      return [resolved as ts.Declaration];
  }
  return declarations;
}

/**
 * Of several declarations (overloads, merged declarations) the one that needs least: an undocumented
 * one says nothing, so only documented ones count, and the one whose highest version is lowest wins.
 */
function leastNeeded(candidates: RequirementSet[][]): RequirementSet[] {
  const highest = (sets: RequirementSet[]) =>
    sets.reduce((max, s) => (compareVersions(s.version, max) > 0 ? s.version : max), "0");
  const documented = candidates.filter((sets) => sets.length > 0);
  return documented.reduce<RequirementSet[]>(
    (best, sets) =>
      best.length === 0 || compareVersions(highest(sets), highest(best)) < 0 ? sets : best,
    []
  );
}

function isUseSite(node: ts.Node): node is ts.Identifier {
  if (!ts.isIdentifier(node)) return false;
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  if (ts.isPropertyAssignment(parent)) return parent.name === node;
  if (ts.isShorthandPropertyAssignment(parent)) return parent.name === node;
  return false;
}

/** Every use in `files` of an Office API member that states a requirement set. */
export function officeApiUses(
  program: ts.Program,
  files: readonly string[],
  root: string
): ApiUse[] {
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  const normalise = (f: string) => f.replace(/\\/g, "/");
  const rootPrefix = normalise(root).replace(/\/?$/, "/");
  for (const fileName of files) {
    const source = program.getSourceFile(fileName);
    if (!source) throw new Error(`${fileName} is not in the program`);
    const visit = (node: ts.Node): void => {
      // Types are erased: Excel.Range as a type needs nothing at run time.
      if (ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node))
        return;
      if (isUseSite(node)) {
        const found = officeSymbol(checker, node);
        if (found) {
          const write = isWrite(node);
          const needs = leastNeeded(
            applicableDeclarations(checker, node, found.declarations).map((d) =>
              setsInComment(commentOf(d), write)
            )
          );
          if (needs.length > 0) {
            const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
            const file = normalise(source.fileName);
            uses.push({
              file: file.startsWith(rootPrefix) ? file.slice(rootPrefix.length) : file,
              line: line + 1,
              member: qualifiedName(checker, found.symbol),
              needs,
              guardedBy: guardsAround(checker, node),
            });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

/** Uses that need a set the manifest does not cover and that no guard covers. */
export function breaches(uses: readonly ApiUse[], declared: readonly RequirementSet[]): ApiUse[] {
  return uses.filter((use) =>
    use.needs.some((need) => !covers(declared, need) && !covers(use.guardedBy, need))
  );
}

/** For each set the uses need without a guard, the highest version they need. */
export function unguardedMaxima(
  uses: readonly ApiUse[]
): Map<string, RequirementSet & { by: ApiUse }> {
  const max = new Map<string, RequirementSet & { by: ApiUse }>();
  for (const use of uses)
    for (const need of use.needs) {
      if (covers(use.guardedBy, need)) continue;
      const seen = max.get(need.name);
      if (!seen || compareVersions(need.version, seen.version) > 0)
        max.set(need.name, { ...need, by: use });
    }
  return max;
}

/**
 * A program over `files` with the project's compiler options (tsconfig.json at `root`), plus `extra`
 * sources held in memory (path to text) so that small probes share the one parse of the Office types.
 */
export function projectProgram(
  root: string,
  files: readonly string[],
  extra: Readonly<Record<string, string>> = {}
): ts.Program {
  const config = ts.readConfigFile(`${root}/tsconfig.json`, (p) => readFileSync(p, "utf8"));
  if (config.error)
    throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  const options = {
    ...ts.parseJsonConfigFileContent(config.config, ts.sys, root).options,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const text = extra[fileName];
    return text !== undefined
      ? ts.createSourceFile(fileName, text, languageVersion, true)
      : getSourceFile.call(host, fileName, languageVersion, ...rest);
  };
  host.fileExists = (fileName) => fileName in extra || fileExists.call(host, fileName);
  host.readFile = (fileName) => extra[fileName] ?? readFile.call(host, fileName);
  return ts.createProgram({ rootNames: [...files, ...Object.keys(extra)], options, host });
}
