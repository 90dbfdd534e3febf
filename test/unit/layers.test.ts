import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The layer rule (docs/architecture.md): the pure core (src/domain, src/geo) and src/io import
 * no React, DOM, maplibre, zustand or comlink; the CLI reaches nothing in src/map or
 * src/components, not even through another module.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Import specifiers of a module (static imports, re-exports and dynamic imports). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Resolves a relative specifier to a source file. */
function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const cand of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(cand).isFile()) return cand;
    } catch {
      /* next */
    }
  }
  return null;
}

const FORBIDDEN_PACKAGES = /^(react|react-dom|react\/.*|react-dom\/.*|maplibre-gl|zustand|zustand\/.*|comlink)$/;
/** DOM globals that have no place in the core (window, document, navigator, HTMLElement …). */
const DOM_USE = /\b(window|document|navigator|localStorage|HTML\w*Element|requestAnimationFrame)\b\s*[.(]/;

describe('layer rule', () => {
  const core = ['domain', 'geo', 'io'].flatMap((d) => files(join(SRC, d)));

  it('finds the modules it checks', () => {
    expect(core.length).toBeGreaterThan(40);
  });

  it.each(['domain', 'geo', 'io'])('src/%s imports no React, maplibre, zustand or comlink and uses no DOM', (dir) => {
    const bad: string[] = [];
    for (const f of files(join(SRC, dir))) {
      for (const spec of imports(f)) if (FORBIDDEN_PACKAGES.test(spec)) bad.push(`${relative(ROOT, f)} → ${spec}`);
      for (const spec of imports(f)) {
        const target = resolveLocal(f, spec);
        if (target && /src\/(components|state|map|worker)\//.test(target)) bad.push(`${relative(ROOT, f)} → ${relative(ROOT, target)}`);
      }
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (DOM_USE.test(code)) bad.push(`${relative(ROOT, f)} uses the DOM`);
    }
    expect(bad).toEqual([]);
  });

  it('src/layout (the layout engine) is pure: no React, maplibre or DOM; from src/map only types', () => {
    const bad: string[] = [];
    const layout = files(join(SRC, 'layout'));
    expect(layout.length).toBeGreaterThan(8);
    for (const f of layout) {
      for (const spec of imports(f)) if (FORBIDDEN_PACKAGES.test(spec)) bad.push(`${relative(ROOT, f)} → ${spec}`);
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (DOM_USE.test(code)) bad.push(`${relative(ROOT, f)} uses the DOM`);
      for (const m of code.matchAll(/import\s+(type\s+)?[^;]*?from\s+'([^']+)'/g)) {
        if (/\/(components|state|worker|map)\//.test(`${m[2]}/`) && !m[1]) bad.push(`${relative(ROOT, f)} → ${m[2]} (only types may come from there)`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the CLI reaches nothing in src/map or src/components, directly or transitively', () => {
    const seen = new Set<string>();
    const stack = [join(SRC, 'cli', 'main.ts')];
    const reached: string[] = [];
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      if (/src\/(map|components|state)\//.test(f)) reached.push(relative(ROOT, f));
      for (const spec of imports(f)) {
        if (FORBIDDEN_PACKAGES.test(spec)) reached.push(`${relative(ROOT, f)} → ${spec}`);
        const t = resolveLocal(f, spec);
        if (t) stack.push(t);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
    expect(reached).toEqual([]);
  });

  it('the module graph of src has no import cycle (type-only imports included)', () => {
    const graph = new Map(files(SRC).map((f) => [f, imports(f).map((x) => resolveLocal(f, x)).filter((x): x is string => !!x)]));
    const state = new Map<string, 1 | 2>();
    const cycles: string[] = [];
    const visit = (n: string, path: string[]) => {
      state.set(n, 1);
      for (const m of graph.get(n) ?? []) {
        if (state.get(m) === 1) cycles.push([...path.slice(path.indexOf(m)), m].map((x) => relative(SRC, x)).join(' → '));
        else if (!state.get(m)) visit(m, [...path, m]);
      }
      state.set(n, 2);
    };
    for (const n of graph.keys()) if (!state.get(n)) visit(n, [n]);
    expect(cycles).toEqual([]);
  });

  it('the rule can fail: it sees a forbidden import in a fixture', () => {
    expect(FORBIDDEN_PACKAGES.test('maplibre-gl')).toBe(true);
    expect(imports(join(SRC, 'map', 'MapController.ts'))).toContain('maplibre-gl');
    expect(DOM_USE.test('const x = document.createElement("p")')).toBe(true);
  });
});
