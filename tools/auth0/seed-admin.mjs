#!/usr/bin/env node
// Creates (or finds) Steward's first admin in a tenant and prints the link to set their password.
// Auth0's deploy CLI provisions configuration, not users; this is the one data step of going live.
//
//   AUTH0_DOMAIN=acme.eu.auth0.com AUTH0_CLIENT_ID=… AUTH0_CLIENT_SECRET=… \
//     npm run tenant:seed-admin -- --email ada@acme.com --name "Ada Admin"
//
// The client needs read:users, create:users, read:roles, create:role_members and create:user_tickets
// (the "Steward Management" client has them). Against the local dev tenant use AUTH0_DOMAIN=localhost:4600.
import { ManagementClient } from 'auth0';
import { parseArgs } from 'node:util';

const CONNECTION = 'Username-Password-Authentication';
const LOCAL_TENANT = /^https:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//;

function settings() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } },
  });
  const missing = ['AUTH0_DOMAIN', 'AUTH0_CLIENT_ID', 'AUTH0_CLIENT_SECRET'].filter((name) => !process.env[name]);
  if (!values.email) missing.push('--email');
  if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}`);
  return { ...values, name: values.name ?? values.email, domain: process.env.AUTH0_DOMAIN };
}

/** The SDK speaks https only; the dev tenant on this machine answers plain http. */
function clientFor(domain) {
  const local = LOCAL_TENANT.test(`https://${domain}/`);
  return new ManagementClient({
    domain,
    clientId: process.env.AUTH0_CLIENT_ID,
    clientSecret: process.env.AUTH0_CLIENT_SECRET,
    ...(local && { fetch: (input, init) => fetch(String(input).replace(LOCAL_TENANT, 'http://$1$2/'), init) }),
  });
}

async function main() {
  const { email, name, role: roleName, domain } = settings();
  const client = clientFor(domain);
  const roles = await client.roles.list({ name_filter: roleName, per_page: 50 });
  const role = roles.data.find((candidate) => candidate.name === roleName);
  if (!role)
    throw new Error(
      `the tenant has no role named ${roleName}: import tools/auth0/tenant.yaml first (npm run tenant:deploy)`,
    );

  const existing = await client.users.listUsersByEmail({ email });
  const user =
    existing[0] ??
    (await client.users.create({
      connection: CONNECTION,
      email,
      name,
      email_verified: false,
      password: `${crypto.randomUUID()}aA1!`, // never used: the admin sets a password from the ticket below
    }));
  await client.users.roles.assign(user.user_id, { roles: [role.id] });
  const { ticket } = await client.tickets.changePassword({ user_id: user.user_id, mark_email_as_verified: true });
  console.log(`${existing[0] ? 'Found' : 'Created'} ${email} (${user.user_id}) with the ${roleName} role.`);
  console.log(`Set the password here: ${ticket}`);
}

main().catch((error) => {
  console.error(`seed-admin: ${error.message}`);
  process.exit(1);
});
