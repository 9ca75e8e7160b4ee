/**
 * Post-login Action: Auth0 never puts roles in tokens by itself. Steward reads the user's
 * roles (and, for `GET /api/me`, email and name) from namespaced claims in the access token.
 * The namespace is the Action secret CLAIM_NAMESPACE, e.g. https://steward.local/ — the API's
 * AUTH0_ROLES_CLAIM must be `${CLAIM_NAMESPACE}roles`.
 */
exports.onExecutePostLogin = async (event, api) => {
  const ns = event.secrets.CLAIM_NAMESPACE;
  const roles = (event.authorization && event.authorization.roles) || [];
  api.accessToken.setCustomClaim(`${ns}roles`, roles);
  api.idToken.setCustomClaim(`${ns}roles`, roles);
  if (event.user.email) api.accessToken.setCustomClaim(`${ns}email`, event.user.email);
  if (event.user.name) api.accessToken.setCustomClaim(`${ns}name`, event.user.name);
};
