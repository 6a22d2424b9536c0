import { describe, expect, it } from 'vitest';
import { readAhead } from './extension-files';

describe('readAhead', () => {
  it('starts every read at once and hands each out when asked', async () => {
    const started: string[] = [];
    const read = async (name: string) => (started.push(name), new TextEncoder().encode(name));
    const files = readAhead(read, ['a.json', 'b.bin']);
    expect(started).toEqual(['a.json', 'b.bin']);
    expect(new TextDecoder().decode(await files('b.bin'))).toBe('b.bin');
    expect(new TextDecoder().decode(await files('c.txt'))).toBe('c.txt'); // not read ahead: read when asked
    expect(started).toEqual(['a.json', 'b.bin', 'c.txt']);
  });

  it('reports a failed read to whoever asks for that file, and to no one before', async () => {
    const files = readAhead(async (name) => {
      if (name === 'gone') throw new Error('gone could not be read');
      return new Uint8Array(1);
    }, ['gone', 'here']);
    await new Promise((resolve) => setTimeout(resolve, 10)); // an unhandled rejection would fail the run here
    expect(await files('here')).toHaveLength(1);
    await expect(files('gone')).rejects.toThrow('gone could not be read');
  });
});
