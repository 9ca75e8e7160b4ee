// Worker for distinctTokens(): signs a range of the bench's tokens with the issuer's private key.
import { createPrivateKey } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { signJwt, userClaims } from './issuer.mjs';

const { keyPem, kid, issuer, from, to } = workerData;
const key = createPrivateKey(keyPem);
const tokens = [];
for (let i = from; i < to; i++) tokens.push(signJwt(userClaims(issuer, `auth0|bench-${i}`), key, kid));
parentPort.postMessage(tokens);
