import { readFileSync } from 'node:fs';

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  from: string;
  instructions: Instruction[];
}

/** A Dockerfile as build stages of instructions (continuation lines joined, comments dropped). */
export function parseDockerfile(path: string): Stage[] {
  const lines = readFileSync(path, 'utf8')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, ' ') };
    if (instruction.keyword === 'FROM') stages.push({ from: instruction.args.split(' ')[0], instructions: [] });
    else if (stages.length === 0) throw new Error(`${path}: ${keyword} before FROM`);
    stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

/** `name[:tag][@digest]` split; the registry host's port is not mistaken for a tag. */
export function imageReference(image: string): { name: string; tag?: string; digest?: string } {
  const [withoutDigest, digest] = image.split('@');
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash
    ? { name: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1), digest }
    : { name: withoutDigest, digest };
}

/** Pinned: a digest, or a tag naming a version (not latest, stable, mainline, lts, alpine, …). */
export function isPinned(image: string): boolean {
  const { tag, digest } = imageReference(image);
  if (digest) return /^sha256:[a-f0-9]{64}$/.test(digest);
  return !!tag && /^v?\d+(\.\d+)*([-._][a-z0-9.]+)*$/i.test(tag) && tag !== 'latest';
}
