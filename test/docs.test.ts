/**
 * The documentation a newcomer and an operator read: the README stays short with the two
 * commands in its first screen, names every setting the service reads, and every link in it and
 * in docs/ leads to a file (and a heading) that exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/core/paths.js';

const README = join(PROJECT_ROOT, 'README.md');
const DOCS = join(PROJECT_ROOT, 'docs');
const pages = [README, join(PROJECT_ROOT, 'CHANGELOG.md'), ...readdirSync(DOCS).map((name) => join(DOCS, name))];

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsIn(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!)));
}

/** Relative links outside code blocks: `[text](path#anchor)`. */
function linksIn(file: string): { target: string; anchor?: string }[] {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((href) => !/^[a-z]+:/i.test(href))
    .map((href) => {
      const [path = '', anchor] = href.split('#');
      return { target: path === '' ? file : resolve(dirname(file), path), ...(anchor ? { anchor } : {}) };
    });
}

describe('the documentation', () => {
  it('keeps the README within 200 lines, the two commands in its first screen', () => {
    const lines = readFileSync(README, 'utf8').split('\n');
    expect(lines.length).toBeLessThanOrEqual(200);
    const firstScreen = lines.slice(0, 40).join('\n');
    expect(firstScreen).toMatch(/^npm ci && npm start/m);
    expect(firstScreen).toMatch(/^npm test/m);
  });

  it('names in the README every environment variable the service reads', () => {
    const config = readFileSync(join(PROJECT_ROOT, 'src', 'config.ts'), 'utf8');
    const schema = config.slice(config.indexOf('const EnvSchema = z.object({'));
    const variables = [...schema.slice(0, schema.indexOf('\n});')).matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    expect(variables.length).toBeGreaterThan(20);
    const readme = readFileSync(README, 'utf8');
    expect(variables.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it('links only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const { target, anchor } of linksIn(page)) {
        const from = relative(PROJECT_ROOT, page);
        if (!existsSync(target)) broken.push(`${from} → ${relative(PROJECT_ROOT, target)}`);
        else if (anchor && target.endsWith('.md') && !anchorsIn(target).has(anchor)) broken.push(`${from} → ${relative(PROJECT_ROOT, target)}#${anchor}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
