/**
 * The manifest README step 1 pastes into Slack (Create New App → From a manifest). A manifest
 * Slack would refuse fails here, and so does one that declares other commands, events or scopes
 * than the code registers and calls:
 *
 * 1. Slack's published JSON schema for v2 manifests (slackapi/manifest-schema,
 *    `schemas/manifest.schema.2.0.0.json` at commit 085a104, copied unchanged into
 *    `test/fixtures/slack-manifest-schema.json` so no test reaches the network) validates it with
 *    Ajv. The schema's `regex` keyword (the background colour) is not standard JSON Schema; it is
 *    enforced here as Slack means it.
 * 2. The constraints Slack's app manifest reference and slash command guide state for the fields
 *    we use, one check each, so a failure names the field and the rule.
 * 3. The commands, events, scopes and suggested prompts, derived from the code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { SUGGESTED_PROMPTS } from '../../src/render/blocks/suggested-prompts.js';
import { registeredListeners, requiredBotEvents, requiredBotScopes } from '../support/registered-listeners.js';

const MANIFEST_FILE = join(PROJECT_ROOT, 'src', 'slack', 'manifest.json');
const SCHEMA_FILE = join(PROJECT_ROOT, 'test', 'fixtures', 'slack-manifest-schema.json');

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

function schemaValidator() {
  const ajv = new Ajv({ allErrors: true, strictTypes: false, formats: { uri: (s: string) => URL.canParse(s) } });
  ajv.addKeyword({ keyword: 'regex', type: 'string', schemaType: 'string', validate: (pattern: string, data: string) => new RegExp(pattern, 'u').test(data) });
  ajv.addKeyword({ keyword: '_note', schemaType: 'string' });
  const validate = ajv.compile(readJson(SCHEMA_FILE) as object);
  return (manifest: unknown): string[] => (validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`));
}
const schemaProblems = schemaValidator();

/** Length as Slack counts it: Unicode code points, not UTF-16 units. */
const length = (text: string): number => [...text].length;

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A field's length within [min, max] code points; absent counts as a problem only when required. */
function lengthRule(problems: string[], field: string, value: unknown, min: number, max: number, required = true): void {
  const s = text(value);
  if (s === undefined) {
    if (required || value !== undefined) problems.push(`${field} must be a string`);
    return;
  }
  if (length(s) < min || length(s) > max) problems.push(`${field} must be ${min}–${max} characters (has ${length(s)})`);
}

/** Slack's documented limits on the fields this manifest uses, one message per broken rule. */
function documentedProblems(manifest: unknown): string[] {
  const problems: string[] = [];
  const root = object(manifest);
  const display = object(root.display_information);
  const features = object(root.features);
  const settings = object(root.settings);

  if (object(root._metadata).major_version !== 2) problems.push('_metadata.major_version must be 2 (the schema this manifest is written for)');
  lengthRule(problems, 'display_information.name', display.name, 1, 35);
  lengthRule(problems, 'display_information.description', display.description, 1, 140, false);
  // The reference says at least 174; the published schema says 175. The stricter one holds.
  lengthRule(problems, 'display_information.long_description', display.long_description, 175, 4000, false);
  if (display.background_color !== undefined && !/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/u.test(text(display.background_color) ?? '')) {
    problems.push('display_information.background_color must be a hex colour, #abc or #aabbcc');
  }
  lengthRule(problems, 'features.bot_user.display_name', object(features.bot_user).display_name, 1, 80);

  const commands = list(features.slash_commands).map(object);
  if (commands.length > 50) problems.push('features.slash_commands: at most 50 commands');
  const names = commands.map((c) => text(c.command) ?? '');
  if (new Set(names).size !== names.length) problems.push('features.slash_commands: a command is declared twice');
  for (const c of commands) {
    const name = text(c.command) ?? '';
    // A slash command is a leading "/" and a lowercase word of at most 32 characters, no spaces.
    if (!/^\/[^\sA-Z/]+$/u.test(name) || length(name) < 2 || length(name) > 32)
      problems.push(`command "${name}" must be "/" and a lowercase word, 2–32 characters`);
    lengthRule(problems, `${name}.description`, c.description, 1, 2000);
    lengthRule(problems, `${name}.usage_hint`, c.usage_hint, 1, 1000, false);
  }

  const agent = features.agent_view === undefined ? undefined : object(features.agent_view);
  if (agent) {
    lengthRule(problems, 'features.agent_view.agent_description', agent.agent_description, 1, 300, false);
    const prompts = list(agent.suggested_prompts).map(object);
    if (prompts.length > 4) problems.push(`features.agent_view.suggested_prompts: at most 4 (has ${prompts.length})`);
    prompts.forEach((p, i) => {
      lengthRule(problems, `suggested_prompts[${i}].title`, p.title, 1, 4000);
      lengthRule(problems, `suggested_prompts[${i}].message`, p.message, 1, 4000);
    });
    if (object(features.app_home).messages_tab_enabled !== true) problems.push('features.app_home.messages_tab_enabled must be true for the agent view');
  }

  const scopes = list(object(object(root.oauth_config).scopes).bot).map((s) => text(s) ?? '');
  if (scopes.length > 255) problems.push('oauth_config.scopes.bot: at most 255 scopes');
  if (new Set(scopes).size !== scopes.length) problems.push('oauth_config.scopes.bot: a scope is listed twice');
  for (const scope of scopes) {
    if (length(scope) > 50 || !/^(?:[a-z_]+(?:\.[a-z_]+)*:[a-z_]+(?:\.[a-z_]+)*|commands|incoming-webhook)$/u.test(scope))
      problems.push(`scope "${scope}" is not a scope name (resource:action, at most 50 characters)`);
  }

  const events = list(object(settings.event_subscriptions).bot_events).map((e) => text(e) ?? '');
  if (events.length > 100) problems.push('settings.event_subscriptions.bot_events: at most 100 events');
  if (new Set(events).size !== events.length) problems.push('settings.event_subscriptions.bot_events: an event is listed twice');
  for (const event of events) if (!/^[a-z_]+(?:\.[a-z_]+)?$/u.test(event) || length(event) > 50) problems.push(`event "${event}" is not an event type`);

  if (settings.socket_mode_enabled !== true) {
    // Without Socket Mode, Slack needs somewhere to send what the app subscribes to.
    if (events.length > 0 && text(object(settings.event_subscriptions).request_url) === undefined)
      problems.push('settings.event_subscriptions.request_url is required without Socket Mode');
    if (object(settings.interactivity).is_enabled === true && text(object(settings.interactivity).request_url) === undefined)
      problems.push('settings.interactivity.request_url is required without Socket Mode');
  }
  return problems;
}

function refusals(manifest: unknown): string[] {
  return [...schemaProblems(manifest), ...documentedProblems(manifest)];
}

const manifest = object(readJson(MANIFEST_FILE));
const features = object(manifest.features);
const registered = registeredListeners();

/** The manifest with one field replaced: `path` is a list of keys, the last one replaced. */
function withField(path: readonly (string | number)[], value: unknown): Json {
  const copy = object(JSON.parse(JSON.stringify(manifest)));
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1) ?? ''] = value;
  return copy;
}

describe('the app manifest', () => {
  it("validates against Slack's published v2 manifest schema", () => {
    expect(schemaProblems(manifest)).toEqual([]);
  });

  it('keeps every limit Slack documents for the fields it uses', () => {
    expect(documentedProblems(manifest)).toEqual([]);
  });

  it("is refused when it breaks one of Slack's rules", () => {
    const longDescription = ['display_information', 'long_description'];
    const cases: Array<[readonly (string | number)[], unknown, RegExp]> = [
      [longDescription, '长'.repeat(174), /long_description/u],
      [longDescription, '长'.repeat(4001), /long_description/u],
      [['display_information', 'name'], '名'.repeat(36), /name/u],
      [['display_information', 'description'], '述'.repeat(141), /description/u],
      [['display_information', 'background_color'], '1f3a5f', /background_color/u],
      [['features', 'slash_commands', 0, 'command'], '/plan help', /command/u],
      [['features', 'slash_commands', 0, 'command'], `/${'p'.repeat(32)}`, /command/u],
      [['features', 'agent_view', 'suggested_prompts'], [...SUGGESTED_PROMPTS, SUGGESTED_PROMPTS[0]], /suggested_prompts/u],
      [['oauth_config', 'scopes', 'bot'], ['chat write'], /scope/u],
      [['settings', 'socket_mode_enabled'], false, /request_url/u],
      [['features', 'agent_view', 'unknown_field'], true, /additional/u],
    ];
    for (const [path, value, reason] of cases) {
      const problems = refusals(withField(path, value));
      expect(problems.join('\n'), `${path.join('.')} = ${JSON.stringify(value).slice(0, 40)}`).toMatch(reason);
    }
  });

  it('helps an admin decide: the long description says what it knows, where answers come from, the commands, progress, the Home tab and the digest', () => {
    const description = text(object(manifest.display_information).long_description) ?? '';
    for (const needed of ['《2014年国家知识产权战略实施推进计划》', '原文', '/measure', '/area', '/plan', '/progress', 'Home', '简报'])
      expect(description).toContain(needed);
    // The app sets thread titles and suggested prompts, never a status: the description promises none.
    expect(description).not.toMatch(/助手状态/u);
  });

  it('declares exactly the slash commands the app registers', () => {
    expect(
      list(features.slash_commands)
        .map((c) => object(c).command)
        .sort(),
    ).toEqual([...registered.commands].sort());
  });

  it('subscribes to the events the listeners need, and no others', () => {
    expect(list(object(object(manifest.settings).event_subscriptions).bot_events).sort()).toEqual(requiredBotEvents(registered));
  });

  it('asks for exactly the scopes those events, commands and Web API calls need', () => {
    const required = requiredBotScopes(registered);
    expect(required.unknown, "add these to the scope tables in test/support/registered-listeners.ts, from Slack's reference").toEqual([]);
    expect(list(object(object(manifest.oauth_config).scopes).bot).sort()).toEqual(required.scopes);
  });

  it('suggests the same prompts in the Messages tab as the app sets when a conversation opens', () => {
    expect(object(features.agent_view).suggested_prompts).toEqual(SUGGESTED_PROMPTS.map((p) => ({ ...p })));
  });

  it('enables interactivity, the Home and Messages tabs, the agent view, and Socket Mode for a new install', () => {
    const settings = object(manifest.settings);
    expect(object(settings.interactivity).is_enabled).toBe(true);
    expect(features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(features.agent_view).toBeDefined();
    expect(settings.socket_mode_enabled).toBe(true);
  });
});
