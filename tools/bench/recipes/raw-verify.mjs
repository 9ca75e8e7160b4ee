// In-process microbench: CPU time of one RS256 verify with a parsed public KeyObject, over distinct
// tokens. Run pinned to the server core; prints {"microsPerVerify": n, "verifies": n} as one line.
import { generateKeyPairSync, sign, verify } from 'node:crypto';

const seconds = Number(process.env.BENCH_SECONDS ?? 2);
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const tokens = Array.from({ length: 500 }, (_, i) => {
  const input = Buffer.from(
    `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(`{"sub":"${i}"}`).toString('base64url')}`,
  );
  return { input, signature: sign('sha256', input, privateKey) };
});

const run = (until) => {
  let verifies = 0;
  while (performance.now() < until) {
    const token = tokens[verifies % tokens.length];
    if (!verify('sha256', token.input, publicKey, token.signature)) throw new Error('verify failed');
    verifies += 1;
  }
  return verifies;
};

run(performance.now() + 300); // warm up
const before = process.cpuUsage();
const verifies = run(performance.now() + seconds * 1000);
const used = process.cpuUsage(before);
console.log(JSON.stringify({ microsPerVerify: (used.user + used.system) / verifies, verifies }));
