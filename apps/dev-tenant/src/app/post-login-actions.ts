import { Script } from 'node:vm';
import type { Account } from './accounts';
import type { TenantDescription } from './tenant-description';

type Claims = Record<string, unknown>;
type OnExecutePostLogin = (event: unknown, api: unknown) => Promise<void> | void;

/**
 * Runs the tenant's post-login Actions (the very files a real tenant deploys) with the small
 * `event`/`api` surface they use, and returns the custom claims they set on the access token.
 */
export class PostLoginActions {
  private readonly actions: { handler: OnExecutePostLogin; secrets: Record<string, string> }[];

  constructor(description: TenantDescription['postLoginActions']) {
    this.actions = description.map(({ name, code, secrets }) => ({ handler: compile(name, code), secrets }));
  }

  async accessTokenClaims(account: Account, client: { clientId: string; name: string }): Promise<Claims> {
    const claims: Claims = {};
    for (const { handler, secrets } of this.actions) {
      const event = {
        user: {
          user_id: account.userId,
          email: account.email,
          email_verified: account.emailVerified,
          name: account.name,
          nickname: account.nickname,
          blocked: account.blocked,
          app_metadata: structuredClone(account.appMetadata),
          user_metadata: structuredClone(account.userMetadata),
        },
        authorization: { roles: [...account.roles] },
        client: { client_id: client.clientId, name: client.name },
        secrets: { ...secrets },
      };
      const api = {
        accessToken: { setCustomClaim: (name: string, value: unknown) => void (claims[name] = value) },
        idToken: { setCustomClaim: () => undefined },
        access: {
          deny: (reason: string) => {
            throw new Error(`access denied by Action: ${reason}`);
          },
        },
      };
      await handler(event, api);
    }
    return claims;
  }
}

function compile(name: string, code: string): OnExecutePostLogin {
  const module = { exports: {} as { onExecutePostLogin?: OnExecutePostLogin } };
  new Script(`(function (exports, module) {\n${code}\n})`, { filename: `action:${name}` }).runInThisContext()(
    module.exports,
    module,
  );
  const handler = module.exports.onExecutePostLogin;
  if (typeof handler !== 'function') throw new Error(`Action ${name} exports no onExecutePostLogin`);
  return handler;
}
