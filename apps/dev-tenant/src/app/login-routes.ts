import express, { type Router } from 'express';
import type Provider from 'oidc-provider';
import type { Accounts } from './accounts';
import { renderLoginPage, pageHeaders } from './pages';

/**
 * The Universal-Login-like page oidc-provider sends users to. Wrong credentials stay on the page
 * with Auth0's message; a blocked user goes back to the app with Auth0's `user is blocked` error.
 */
export function loginRoutes(provider: Provider, accounts: Accounts): Router {
  const router = express.Router();
  router.use('/u/login', pageHeaders);

  router.get('/u/login/:uid', async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== req.params.uid) return void res.status(400).send('Unknown sign-in attempt.');
      res.type('html').send(
        renderLoginPage({
          action: `/u/login/${details.uid}`,
          clientName: await clientName(provider, details.params['client_id']),
        }),
      );
    } catch (error) {
      next(error);
    }
  });

  router.post('/u/login/:uid', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== req.params.uid) return void res.status(400).send('Unknown sign-in attempt.');
      const email = String(req.body?.email ?? '');
      const application = await clientName(provider, details.params['client_id']);
      const result = accounts.authenticate(email, String(req.body?.password ?? ''), {
        clientId: String(details.params['client_id'] ?? ''),
        clientName: application,
        ip: req.ip,
        userAgent: req.get('user-agent'),
      });
      if (!result.ok && result.reason === 'wrong_credentials') {
        return void res
          .status(401)
          .type('html')
          .send(
            renderLoginPage({
              action: `/u/login/${details.uid}`,
              clientName: application,
              email,
              error: 'Wrong email or password.',
            }),
          );
      }
      const outcome = result.ok
        ? { login: { accountId: result.account.userId } }
        : { error: 'unauthorized', error_description: 'user is blocked' };
      await provider.interactionFinished(req, res, outcome, { mergeWithLastSubmission: false });
    } catch (error) {
      next(error);
    }
  });
  return router;
}

async function clientName(provider: Provider, clientId: unknown): Promise<string> {
  const client = typeof clientId === 'string' ? await provider.Client.find(clientId) : undefined;
  return client?.clientName ?? 'the application';
}
