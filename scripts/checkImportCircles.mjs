#!/usr/bin/env node
/**
 * Fails (exit 1) when the imports between our own files form a circle, listing each circle found.
 *
 *   node scripts/checkImportCircles.mjs                 server/src and admin/src
 *   node scripts/checkImportCircles.mjs --only=server   one of them (server, admin)
 *
 * Reads every .ts/.tsx file with the TypeScript parser (no new dependency) and follows relative imports:
 * `import … from`, `export … from`, and dynamic `import("…")` (a dynamic import does not hide a circle).
 * Type-only imports (`import type …`, `export type … from`, imports whose every named binding is `type X`)
 * count for circles: they cannot change load order, but files that name each other's types are still one
 * knot to read and change. They do not count for the layering below (a lower layer may name a feature's
 * type). Package imports (e.g. `@xinyuan/shared`) are outside the graph.
 *
 * For the server it also checks the layering of server/README.md: a lower layer (db, http, auth, access,
 * audit, realtime, presence, jobs, users, …) never imports a feature folder at run time; only
 * features/registry.ts and the start-up files (app.ts, startServer.ts, buildServices.ts, main.ts) do.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const root = join(import.meta.dirname, "..");
const trees = { server: "server/src", admin: "admin/src" };
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice(7).split(",");
const chosen = Object.entries(trees).filter(([name]) => !only || only.includes(name));
if (chosen.length === 0) {
  console.error(`checkImportCircles: nothing to check (known: ${Object.keys(trees).join(", ")})`);
  process.exit(2);
}

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

function resolveImport(from, specifier) {
  if (!specifier.startsWith(".")) return null;
  const base = resolve(dirname(from), specifier);
  const stripped = base.replace(/\.(m?js|jsx)$/, "");
  for (const candidate of [base, `${stripped}.ts`, `${stripped}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function isTypeOnlyImport(node) {
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

function isTypeOnlyExport(node) {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return Boolean(clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly));
}

/** The project files one file loads at run time. */
function importsOf(file) {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const all = new Set();
  const runtime = new Set();
  const add = (specifier, typeOnly = false) => {
    const target = resolveImport(file, specifier);
    if (!target) return;
    all.add(target);
    if (!typeOnly) runtime.add(target);
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, isTypeOnlyImport(node));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, isTypeOnlyExport(node));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      add(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node)) {
      return; // import("x").T in a type position
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { all: [...all], runtime: [...runtime] };
}

/** Strongly connected components of more than one file (or a file importing itself): Tarjan. */
function circles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const strongConnect = (start) => {
    // iterative, so a deep import chain cannot overflow the stack
    const work = [[start, 0]];
    indices.set(start, index);
    low.set(start, index);
    index += 1;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      const edges = graph.get(node) ?? [];
      if (i < edges.length) {
        frame[1] += 1;
        const next = edges[i];
        if (!indices.has(next)) {
          indices.set(next, index);
          low.set(next, index);
          index += 1;
          stack.push(next);
          onStack.add(next);
          work.push([next, 0]);
        } else if (onStack.has(next)) {
          low.set(node, Math.min(low.get(node), indices.get(next)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === indices.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component);
      }
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) strongConnect(node);
  return found;
}

/** One concrete loop through a component, for the message: a → b → … → a. */
function loopThrough(graph, component) {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (previous.get(path[0])) path.unshift(previous.get(path[0]));
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

const serverLowerLayers = new Set(["db", "crypto", "http", "auth", "access", "audit", "realtime", "presence", "jobs", "users", "settings", "wechat", "features"]);
// config.ts reads every feature's settings (hotline/hotlineConfig.ts): it is start-up, and lower layers import only its types
const serverLowerRootFiles = new Set(["clock.ts", "countyTime.ts", "logger.ts", "services.ts"]);
const serverAssembly = new Set(["features/registry.ts", "app.ts", "startServer.ts", "buildServices.ts", "main.ts", "config.ts"]);

/** Where a server file sits: "lower", "assembly" or "feature" (feature folders and routes/). */
function serverLayerOf(serverRoot, file) {
  const path = relative(serverRoot, file).split("\\").join("/");
  if (serverAssembly.has(path)) return "assembly";
  const [top] = path.split("/");
  if (!path.includes("/")) return serverLowerRootFiles.has(path) ? "lower" : "assembly";
  return serverLowerLayers.has(top) ? "lower" : "feature";
}

function layerViolations(serverRoot, graph) {
  const found = [];
  for (const [file, imports] of graph) {
    if (serverLayerOf(serverRoot, file) !== "lower" || /\.test\.tsx?$/.test(file)) continue;
    for (const target of imports) if (serverLayerOf(serverRoot, target) !== "lower") found.push([file, target]);
  }
  return found;
}

let failed = false;
for (const [name, dir] of chosen) {
  // Circles count every import, type-only too (a type circle still ties the files together); the layer rule
  // is about what runs, so a lower layer may name a feature's type (config.ts, PaymentPurpose).
  const graph = new Map();
  const runtimeGraph = new Map();
  for (const file of sourceFiles(join(root, dir))) {
    const imports = importsOf(file);
    graph.set(file, imports.all);
    runtimeGraph.set(file, imports.runtime);
  }
  const found = circles(graph);
  if (name === "server") {
    const violations = layerViolations(join(root, dir), runtimeGraph);
    if (violations.length > 0) {
      failed = true;
      console.error(`✗ server: ${violations.length} lower-layer import(s) of a feature (see server/README.md)`);
      for (const [from, to] of violations) console.error(`  ${relative(root, from)} → ${relative(root, to)}`);
    }
  }
  if (found.length === 0) {
    console.log(`✓ ${name}: no import circles among ${graph.size} files${name === "server" ? ", no lower layer importing a feature" : ""} (type-only imports count for circles)`);
    continue;
  }
  failed = true;
  console.error(`✗ ${name}: ${found.length} import circle(s)`);
  for (const component of found) {
    const loop = loopThrough(graph, component).map((file) => relative(root, file));
    console.error(`  ${loop.join("\n    → ")}`);
    if (component.length > loop.length - 1) console.error(`    (${component.length} files in this knot: ${component.map((file) => relative(root, file)).sort().join(", ")})`);
  }
}
process.exit(failed ? 1 : 0);
