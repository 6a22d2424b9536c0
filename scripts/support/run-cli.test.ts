import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberOption, userErrorLine, UserError } from './run-cli';

const run = promisify(execFile);

describe('userErrorLine', () => {
  it('says a UserError as it is', () => expect(userErrorLine(new UserError('--epochs must be a number'))).toBe('--epochs must be a number'));

  it('says what a wrong path means, naming it', () => {
    const missing = Object.assign(new Error("ENOENT: no such file or directory, scandir 'some/dir'"), { code: 'ENOENT', path: 'some/dir' });
    expect(userErrorLine(missing)).toBe('some/dir: no such file or folder');
  });

  it('passes on what parseArgs says of an unknown option', () => {
    expect(userErrorLine(Object.assign(new TypeError("Unknown option '--x'"), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }))).toBe("Unknown option '--x'");
  });

  it('takes any other error for a bug', () => expect(userErrorLine(new TypeError('x is undefined'))).toBeUndefined());
});

describe('numberOption', () => {
  it('reads a number', () => expect(numberOption('lr', '0.003')).toBe(0.003));

  it.each([
    ['', { whole: true }, /--n must be a whole number, not ""/],
    ['ten', {}, /--n must be a number, not "ten"/],
    ['2.5', { whole: true }, /whole number/],
    ['0', { whole: true, min: 1 }, /--n must be a whole number of at least 1, not "0"/],
  ])('refuses %j (%j)', (value, rules, message) => expect(() => numberOption('n', value, rules)).toThrow(message));
});

/**
 * Every tool and bench, given something wrong, says so in one line and exits with 2. Each case is
 * caught before the tool's real work starts, so the whole table takes a few seconds of each core.
 */
describe.concurrent('every tool given something wrong', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'garment-scout-cli-'));
    await mkdir(join(dir, 'damaged-model'));
    await writeFile(join(dir, 'damaged-model', 'metadata.json'), '{"format": 1, "classNa');
    await mkdir(join(dir, 'photos', 'Trouser'), { recursive: true });
    await writeFile(join(dir, 'photos', 'Trouser', 'damaged.png'), 'not a picture');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const cases: [string, string[], RegExp, Record<string, string>?][] = [
    ['cli/classify', ['missing.png'], /^missing\.png: no such file or folder$/],
    ['cli/classify', ['--model', '{dir}/damaged-model', 'x.png'], /^.*damaged-model holds no model this version can use: Model file metadata\.json is not valid JSON/],
    ['cli/evaluate', ['--images', 'some/dir'], /^some\/dir: no such file or folder$/],
    ['cli/evaluate', ['--images', '{dir}/photos'], /damaged\.png: not an image sharp can read/],
    ['cli/train', ['--epochs', 'ten'], /^--epochs must be a whole number of at least 1, not "ten"$/],
    ['cli/soup', ['{dir}/damaged-model', '{dir}/damaged-model'], /damaged-model holds no model this version can use/],
    ['cli/compare-detectors', ['--images', 'x'], /^usage: npm run compare-detectors -- --images DIR --out-of-scope DIR2/],
    ['cli/fit-detector', ['--model', 'no/such/model'], /^no\/such\/model holds no model this version can use/],
    ['cli/make-shards', [], /train-images-idx3-ubyte\.gz is missing: install the Debian package dataset-fashion-mnist/, { FASHION_MNIST_DIR: '{dir}' }],
    ['cli/start', ['--open'], /^Unknown option '--open'$/],
    ['cli/screenshots', ['--dark'], /^Unknown option '--dark'$/],
    ['bench/architectures', ['--reps', '0'], /^--reps must be a whole number of at least 1, not "0"$/],
    ['bench/e2e', ['--against', 'no/build'], /^--against no\/build: no extension build there/],
    ['bench/finetune', ['--images', 'all'], /^--images must be a whole number/],
    ['bench/kernels', ['--fast'], /^Unknown option '--fast'$/],
    ['bench/limits', ['--runs', 'x'], /^--runs must be a whole number/],
    ['bench/preprocess', ['--reps', '1.5'], /^--reps must be a whole number/],
    ['bench/screen', ['--pictures', 'x'], /^--pictures must be a whole number/],
    ['bench/train', ['--arch', '{'], /^--arch is not JSON/],
  ];

  it.each(cases)('%s %j', async (tool, args, message, env = {}) => {
    const withDir = (text: string) => text.replaceAll('{dir}', dir);
    // tsx as a loader of this node: half the start-up of the tsx command, which starts a second node.
    const failure = await run(process.execPath, ['--import', 'tsx', `scripts/${tool}.ts`, ...args.map(withDir)], {
      env: { ...process.env, ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, withDir(v)])) },
    }).catch((e) => e);
    expect(failure.code).toBe(2);
    const stderr = String(failure.stderr).trimEnd();
    expect(stderr.split('\n'), stderr.slice(0, 2000)).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
