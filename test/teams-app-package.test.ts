/**
 * The Teams app package (`bot/teams/appPackage/`): the manifest is valid JSON
 * of schema v1.17 with the bot in every scope, its commands are ones the
 * conversation understands, its message action is the one the bot handles,
 * its texts equal the catalog; the icons have the sizes Teams demands and the
 * outline icon is white on transparent.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { capitalise } from '../core/messages.js';
import { convMsg } from '../core/messages-bot.js';
import { teamsMsg } from '../core/messages-chat/teams.js';
import { parseIntent } from '../bot/conversation/index.js';
import { MESSAGE_ACTION_ID } from '../bot/teams/handlers.js';
import { ROOT } from './helpers/cli.js';

const DIR = path.join(ROOT, 'bot', 'teams', 'appPackage');
const manifest = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8'));

/** A PNG decoded to RGBA rows (8-bit RGBA only, every filter type). */
function decodePng(file: string): { width: number; height: number; colorType: number; pixel(x: number, y: number): number[] } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  let bitDepth = 0;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const len = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8]!;
      colorType = data[9]!;
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + len;
  }
  expect({ bitDepth, colorType }).toEqual({ bitDepth: 8, colorType: 6 });
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? out[y * stride + x - 4]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter]!;
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, colorType, pixel: (x, y) => [...out.subarray(y * stride + x * 4, y * stride + x * 4 + 4)] };
}

describe('Teams app package', () => {
  it('is a v1.17 manifest with the app id placeholder, the bot in personal, team and group chat', () => {
    expect(manifest.manifestVersion).toBe('1.17');
    expect(manifest.$schema).toContain('/v1.17/');
    expect(manifest.id).toBe('{{MICROSOFT_APP_ID}}');
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].botId).toBe('{{MICROSOFT_APP_ID}}');
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.composeExtensions[0].botId).toBe('{{MICROSOFT_APP_ID}}');
    expect(manifest.validDomains).toEqual(['{{BOT_DOMAIN}}']);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.accentColor).toMatch(/^#[0-9A-F]{6}$/i);
    for (const url of Object.entries(manifest.developer).filter(([k]) => k.endsWith('Url'))) expect(url[1]).toMatch(/^https:\/\//);
  });

  it('keeps the Teams length limits and says the catalog texts', () => {
    expect(manifest.name.short).toBe(teamsMsg.appShortName());
    expect(manifest.name.full).toBe(teamsMsg.appFullName());
    expect(manifest.description.short).toBe(teamsMsg.appShortDescription());
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
  });

  it('lists commands the conversation understands, described as its help does', () => {
    const commands: { title: string; description: string }[] = manifest.bots[0].commandLists.flatMap((l: any) => l.commands);
    expect(commands.map((c) => c.title)).toEqual(['meld', 'signaal', 'mijn casussen', 'voortgang', 'vakdagen', 'monitor', 'help']);
    const help = new Map(convMsg.helpCommands().map((h) => [h.command, capitalise(h.what)]));
    for (const c of commands) {
      expect(parseIntent(c.title), c.title).not.toEqual({ kind: 'help', unknown: true });
      expect(c.description).toBe(help.get(c.title));
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('has the message action the bot handles', () => {
    const [cmd, ...rest] = manifest.composeExtensions[0].commands;
    expect(rest).toEqual([]);
    expect(cmd).toMatchObject({ id: MESSAGE_ACTION_ID, type: 'action', context: ['message'], fetchTask: true });
    expect(cmd.title).toBe(teamsMsg.messageActionTitle());
    expect(cmd.description).toBe(teamsMsg.messageActionDescription());
  });

  it('has a 192×192 colour icon and a 32×32 white-on-transparent outline icon', () => {
    expect(manifest.icons).toEqual({ outline: 'outline.png', color: 'color.png' });
    const color = decodePng(path.join(DIR, 'color.png'));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.pixel(0, 0)[3]).toBe(255);
    const outline = decodePng(path.join(DIR, 'outline.png'));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let white = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = outline.pixel(x, y);
        if (a === 0) transparent++;
        else {
          expect([r, g, b]).toEqual([255, 255, 255]);
          white++;
        }
      }
    }
    expect(transparent).toBeGreaterThan(100);
    expect(white).toBeGreaterThan(50);
  });
});
