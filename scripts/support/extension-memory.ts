/**
 * The resident memory of the processes that serve an extension in Chromium on Linux, read from /proc:
 * the renderers Chromium starts with `--extension-process` under the browser whose profile is given
 * (the service worker, the offscreen document and any extension page live there; with one extension
 * loaded, they are all ours). Summed over them: RSS, and its private part (anonymous and shared-memory
 * pages, without the pages of Chromium's own files, which every Chromium process maps and the kernel
 * can drop). The private part is what the extension's work holds: the first pass over the classifier's
 * code touches some 10 MB more of Chromium's file pages that stay resident after the page closes.
 */
import { readdirSync, readFileSync } from 'node:fs';

interface Proc {
  pid: number;
  parent: number;
  cmdline: string;
}

function processes(): Proc[] {
  const all: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      all.push({ pid: Number(name), parent, cmdline: readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ') });
    } catch {
      // The process ended while it was being read.
    }
  }
  return all;
}

export interface ResidentMemory {
  rssBytes: number;
  privateBytes: number;
  processes: number;
}

function resident(pid: number): { rss: number; private: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0) * 1024;
  return { rss: kB('VmRSS'), private: kB('RssAnon') + kB('RssShmem') };
}

/** Memory resident in the extension's processes of the browser started with `--user-data-dir=profile`. */
export function extensionProcessesMemory(profile: string): ResidentMemory {
  const all = processes();
  const browser = all.find((p) => p.cmdline.includes(`--user-data-dir=${profile}`) && !p.cmdline.includes('--type='));
  if (!browser) throw new Error(`No Chromium runs with the profile ${profile}`);
  // The browser's descendants (renderers hang under its zygote).
  const family = new Set([browser.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) if (family.has(p.parent) && !family.has(p.pid)) (family.add(p.pid), (grew = true));
  }
  const ours = all.filter((p) => family.has(p.pid) && p.cmdline.includes('--extension-process'));
  const each = ours.map((p) => resident(p.pid));
  return {
    rssBytes: each.reduce((sum, m) => sum + m.rss, 0),
    privateBytes: each.reduce((sum, m) => sum + m.private, 0),
    processes: ours.length,
  };
}
